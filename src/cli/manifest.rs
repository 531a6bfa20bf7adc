//! `out/.folio-manifest`: the files the last build wrote, so the next one removes those
//! it no longer writes (a renamed title leaves no stale edition) and nothing else.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use folio::diag::Diagnostic;

use super::output::write_all;

/// The manifest's file name inside the output directory.
pub const NAME: &str = ".folio-manifest";

/// The files the last build wrote, relative to the output directory; empty when there
/// is no manifest. Lines that are not plain relative paths are ignored, so an edited
/// manifest can never make folio delete outside `out/`.
pub fn read(out: &Path) -> BTreeSet<PathBuf> {
    let text = std::fs::read_to_string(out.join(NAME)).unwrap_or_default();
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(PathBuf::from)
        .filter(|path| path.components().all(|c| matches!(c, Component::Normal(_))))
        .collect()
}

/// Records `written` (relative to `out`) as this build's files, then removes the files of
/// the last build that are not among them, and any folder that leaves empty. Returns the
/// files removed.
pub fn update(out: &Path, written: &BTreeSet<PathBuf>) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    let old = read(out);
    if &old == written && out.join(NAME).is_file() {
        // The usual rebuild in `watch`: the same files, so no write (and no sync) at all.
        return Ok(Vec::new());
    }
    let mut text =
        String::from("# written by folio build: removed by the next build when no longer made\n");
    for path in written {
        text.push_str(&path.display().to_string());
        text.push('\n');
    }
    write_all(&[(&out.join(NAME), text.as_bytes())])?;
    let mut removed = Vec::new();
    for stale in old.difference(written) {
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
        update(out, &set(&["old.pdf", "keep.pdf", "epub/a.epub"])).unwrap();
        let removed = update(out, &set(&["keep.pdf", "new.pdf"])).unwrap();
        assert_eq!(removed, [out.join("epub/a.epub"), out.join("old.pdf")]);
        assert!(out.join("keep.pdf").exists());
        assert!(
            out.join("mine.txt").exists(),
            "a file folio never wrote stays"
        );
        assert!(!out.join("epub").exists(), "an emptied folder goes");
        assert_eq!(read(out), set(&["keep.pdf", "new.pdf"]));
    }

    #[test]
    fn paths_leaving_the_folder_are_ignored() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(NAME), "../victim\n/etc/passwd\nok.pdf\n").unwrap();
        assert_eq!(read(dir.path()), set(&["ok.pdf"]));
    }
}
