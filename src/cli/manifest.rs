//! `out/.folio-manifest`: the files each book's last build wrote, so its next build
//! removes those it no longer writes (a renamed title leaves no stale edition) and
//! nothing else: not the writer's own files, nor those of another book built into the
//! same folder.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

use folio::diag::Diagnostic;

use super::output::write_all;

/// The manifest's file name inside the output directory.
pub const NAME: &str = ".folio-manifest";

/// The line that starts a book's files; the book is named by its folder's full path.
const BOOK: &str = "# book: ";

/// Each book's files, relative to the output directory, by the book's key.
pub type Books = BTreeMap<String, BTreeSet<PathBuf>>;

/// The files each book's last build wrote; empty when there is no manifest. Lines that
/// are not plain relative paths are ignored, so an edited manifest can never make folio
/// delete outside `out/`; nor are files listed before any book's line (a manifest
/// written before manifests named their book) ever removed, since no book owns them.
pub fn read(out: &Path) -> Books {
    let text = std::fs::read_to_string(out.join(NAME)).unwrap_or_default();
    let mut books = Books::new();
    let mut book = None;
    for line in text.lines() {
        if let Some(key) = line.strip_prefix(BOOK) {
            books.entry(key.to_string()).or_default();
            book = Some(key.to_string());
            continue;
        }
        let path = PathBuf::from(line);
        let plain = path.components().all(|c| matches!(c, Component::Normal(_)));
        if line.starts_with('#') || line.trim().is_empty() || !plain {
            continue;
        }
        if let Some(book) = &book {
            books.entry(book.clone()).or_default().insert(path);
        }
    }
    books
}

/// The key naming the book in `dir`: its full path (one line), the same whichever
/// folder folio was run from.
pub fn book_key(dir: &Path) -> String {
    let full = std::fs::canonicalize(dir)
        .or_else(|_| std::path::absolute(dir))
        .unwrap_or_else(|_| dir.to_path_buf());
    full.display().to_string().replace(['\n', '\r'], " ")
}

/// Records `written` (relative to `out`) as this build's files for `book`, then removes
/// the files of the book's last build that are not among them (and that no other book
/// wrote too), and any folder that leaves empty. Returns the files removed.
pub fn update(
    out: &Path,
    book: &str,
    written: &BTreeSet<PathBuf>,
) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    let mut books = read(out);
    let old = books
        .insert(book.to_string(), written.clone())
        .unwrap_or_default();
    if &old == written && out.join(NAME).is_file() {
        // The usual rebuild in `watch`: the same files, so no write (and no sync) at all.
        return Ok(Vec::new());
    }
    let mut text = String::from(
        "# written by folio build: each book's files, removed by its next build when no longer made\n",
    );
    for (key, files) in &books {
        text.push_str(&format!("{BOOK}{key}\n"));
        for path in files {
            text.push_str(&path.display().to_string());
            text.push('\n');
        }
    }
    write_all(&[(&out.join(NAME), text.as_bytes())])?;
    let others: BTreeSet<&PathBuf> = books
        .iter()
        .filter(|(key, _)| *key != book)
        .flat_map(|(_, files)| files)
        .collect();
    let mut removed = Vec::new();
    for stale in old.difference(written).filter(|p| !others.contains(p)) {
        let path = out.join(stale);
        if path.is_file() && std::fs::remove_file(&path).is_ok() {
            removed.push(path);
            let mut dir = stale.parent();
            while let Some(d) = dir.filter(|d| !d.as_os_str().is_empty()) {
                // Fails, harmlessly, when the folder still holds something.
                if std::fs::remove_dir(out.join(d)).is_err() {
                    break;
                }
                dir = d.parent();
            }
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(paths: &[&str]) -> BTreeSet<PathBuf> {
        paths.iter().map(PathBuf::from).collect()
    }

    #[test]
    fn removes_only_what_it_wrote_last_time() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        for name in ["old.pdf", "keep.pdf", "mine.txt", "epub/a.epub"] {
            let path = out.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        update(out, "/b", &set(&["old.pdf", "keep.pdf", "epub/a.epub"])).unwrap();
        let removed = update(out, "/b", &set(&["keep.pdf", "new.pdf"])).unwrap();
        assert_eq!(removed, [out.join("epub/a.epub"), out.join("old.pdf")]);
        assert!(out.join("keep.pdf").exists());
        assert!(
            out.join("mine.txt").exists(),
            "a file folio never wrote stays"
        );
        assert!(!out.join("epub").exists(), "an emptied folder goes");
        assert_eq!(read(out)["/b"], set(&["keep.pdf", "new.pdf"]));
    }

    #[test]
    fn a_book_removes_nothing_another_book_wrote() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        for name in ["a.pdf", "b.pdf", "both.pdf"] {
            std::fs::write(out.join(name), "x").unwrap();
        }
        update(out, "/a", &set(&["a.pdf", "both.pdf"])).unwrap();
        update(out, "/b", &set(&["b.pdf", "both.pdf"])).unwrap();
        assert_eq!(update(out, "/a", &set(&[])).unwrap(), [out.join("a.pdf")]);
        assert!(out.join("both.pdf").exists(), "b wrote it too");
        assert_eq!(update(out, "/b", &set(&[])).unwrap().len(), 2);
    }

    #[test]
    fn files_of_a_manifest_naming_no_book_are_never_removed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(NAME), "# written by folio build\nold.pdf\n").unwrap();
        std::fs::write(dir.path().join("old.pdf"), "x").unwrap();
        assert!(read(dir.path()).is_empty());
        assert!(
            update(dir.path(), "/a", &set(&["new.pdf"]))
                .unwrap()
                .is_empty()
        );
        assert!(dir.path().join("old.pdf").exists());
    }

    #[test]
    fn paths_leaving_the_folder_are_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let text = "# book: /a\n../victim\n/etc/passwd\nok.pdf\n";
        std::fs::write(dir.path().join(NAME), text).unwrap();
        assert_eq!(read(dir.path())["/a"], set(&["ok.pdf"]));
    }
}
