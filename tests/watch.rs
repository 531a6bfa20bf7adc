//! `folio watch`: one rebuild per change (an editor's write-and-rename included), only
//! the changed profile read anew, and the last good editions kept after a bad change.

#[path = "series/common.rs"]
mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use common::{CLEAN, MARKDOWN, folio, stderr, tree, write_tree};

/// A running `folio watch` and its standard error, line by line.
struct Watch {
    child: Child,
    lines: Receiver<String>,
    seen: Vec<String>,
}

impl Watch {
    fn start(dir: &Path) -> Watch {
        Watch::start_with(dir, &["watch", "book"])
    }

    /// `folio ARGS` run in `dir`.
    fn start_with(dir: &Path, args: &[&str]) -> Watch {
        let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
            .args(args)
            .current_dir(dir)
            .env("SOURCE_DATE_EPOCH", "1700000000")
            .stderr(Stdio::piped())
            .spawn()
            .expect("folio watch starts");
        let stderr = child.stderr.take().unwrap();
        let (tx, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Watch {
            child,
            lines,
            seen: Vec::new(),
        }
    }

    /// Waits for a line containing `text` (a minute at most: the machine may be busy),
    /// returning it.
    fn wait_for(&mut self, text: &str) -> String {
        loop {
            match self.lines.recv_timeout(Duration::from_secs(60)) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if line.contains(text) {
                        return line;
                    }
                }
                Err(_) => panic!("no `{text}` from folio watch:\n{}", self.seen.join("\n")),
            }
        }
    }
}

impl Watch {
    /// Asserts that no line containing `text` comes within `time` (one save, one
    /// rebuild: the editor's write-and-rename must not start a second).
    fn no_more(&mut self, text: &str, time: Duration) {
        let until = std::time::Instant::now() + time;
        while let Some(left) = until.checked_duration_since(std::time::Instant::now()) {
            let Ok(line) = self.lines.recv_timeout(left) else {
                return;
            };
            assert!(
                !line.contains(text),
                "a second `{text}`: {line}\n{}",
                self.seen.join("\n")
            );
            self.seen.push(line);
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Replaces a file the way editors save: write a temporary file, rename it over.
fn save(path: &Path, text: &str) {
    let tmp = path.with_extension("tmp~");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[test]
fn rebuilds_on_change_and_keeps_the_last_good_output() {
    let dir = tempfile::tempdir().unwrap();
    write_tree(
        dir.path(),
        &[
            (
                "book/book.toml",
                b"title = \"Kilns\"\nprofiles = [\"p/*\"]\n\n[outputs]\nprofile-epub = true\n",
            ),
            ("book/p/01-kiln.txt", CLEAN.as_bytes()),
            ("book/p/02-glass.md", MARKDOWN.as_bytes()),
        ],
    );
    let out = dir.path().join("out");
    let mut watch = Watch::start(dir.path());
    let first = watch.wait_for("built in");
    assert!(
        first.contains("4 written") && first.contains("2 of 2 profile(s) read anew"),
        "{first}"
    );
    watch.wait_for("watching");
    let before = tree(&out);

    save(
        &dir.path().join("book/p/02-glass.md"),
        &MARKDOWN.replace("harbour", "river"),
    );
    let second = watch.wait_for("built in");
    assert!(
        second.contains("1 of 2 profile(s) read anew"),
        "only the changed profile: {second}"
    );
    assert!(second.contains("3 written, 1 unchanged"), "{second}");
    assert!(
        second.contains("ms from the change to the written files"),
        "{second}"
    );
    watch.no_more("changed:", Duration::from_secs(1));
    let after = tree(&out);
    assert_ne!(before["kilns.pdf"], after["kilns.pdf"]);
    assert_ne!(before["epub/02-glass.epub"], after["epub/02-glass.epub"]);
    assert_eq!(before["epub/01-kiln.epub"], after["epub/01-kiln.epub"]);
    assert_eq!(
        common::validate_all(&out),
        4,
        "what watch wrote passes the validators"
    );

    save(
        &dir.path().join("book/p/02-glass.md"),
        "---\ntitle: [unclosed\n---\n\nBody.\n",
    );
    watch.wait_for("02-glass.md:2:");
    watch.wait_for("build failed: the last good editions stay in place");
    assert_eq!(
        tree(&out),
        after,
        "a failed rebuild writes and removes nothing"
    );

    save(&dir.path().join("book/p/02-glass.md"), MARKDOWN);
    let fixed = watch.wait_for("built in");
    assert!(fixed.contains("1 of 2 profile(s) read anew"), "{fixed}");
    assert_eq!(
        tree(&out),
        before,
        "the same input gives the same editions again"
    );
}

/// Run inside the book folder, `watch` writes the book's own `out/`, inside the folder
/// it watches: its own writes must not start another rebuild.
#[test]
fn watching_from_inside_the_book_ignores_its_own_writes() {
    let dir = tempfile::tempdir().unwrap();
    write_tree(
        dir.path(),
        &[
            ("book.toml", b"title = \"Kilns\"\nprofiles = [\"p/*\"]\n"),
            ("p/01-kiln.txt", CLEAN.as_bytes()),
        ],
    );
    let mut watch = Watch::start_with(dir.path(), &["watch"]);
    watch.wait_for("watching .");
    watch.no_more("changed:", Duration::from_secs(1));
    save(
        &dir.path().join("p/01-kiln.txt"),
        &CLEAN.replace("Ostra", "Varna"),
    );
    let rebuilt = watch.wait_for("built in");
    assert!(rebuilt.contains("2 written"), "{rebuilt}");
    watch.no_more("changed:", Duration::from_secs(2));
    assert_eq!(
        common::names(&dir.path().join("out")),
        [".folio-manifest", "kilns.epub", "kilns.pdf"]
    );
    assert_eq!(common::validate_all(&dir.path().join("out")), 2);
}

#[test]
fn a_changed_template_rebuilds_the_epub() {
    let dir = tempfile::tempdir().unwrap();
    write_tree(
        dir.path(),
        &[
            (
                "book/book.toml",
                b"title = \"Kilns\"\n\n[epub]\ntemplates = \"tpl\"\n\n[outputs]\npdf = false\n",
            ),
            ("book/01-kiln.txt", CLEAN.as_bytes()),
            ("book/tpl/style.css", b"body { margin: 0 }\n"),
        ],
    );
    let mut watch = Watch::start(dir.path());
    watch.wait_for("watching");
    let before = tree(&dir.path().join("out"));
    save(
        &dir.path().join("book/tpl/style.css"),
        "body { margin: 1em }\n",
    );
    let rebuilt = watch.wait_for("built in");
    assert!(
        rebuilt.contains("1 written") && rebuilt.contains("0 of 1 profile(s) read anew"),
        "{rebuilt}"
    );
    assert_ne!(
        tree(&dir.path().join("out"))["kilns.epub"],
        before["kilns.epub"]
    );
    assert_eq!(common::validate_all(&dir.path().join("out")), 1);
}

/// The number before `label` in a summary line ("… 2 paragraph(s) set anew …").
fn count(line: &str, label: &str) -> usize {
    let before = line.split(label).next().unwrap_or_default();
    let number = before.rsplit([' ', ';', ',']).find(|w| !w.is_empty());
    number
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no `{label}` count in: {line}"))
}

/// A rebuild after one edit sets only the edited paragraph again (once per measure:
/// the A5 anthology and the Letter handouts), and its editions are byte for byte
/// those of a cold `folio build` of the same files.
#[test]
fn an_edit_sets_only_its_paragraph_again_and_matches_a_cold_build() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("book");
    let profiles = [
        "01-mek.txt",
        "02-free-coast-assembly.md",
        "03-karesh-movement.txt",
    ];
    for name in profiles {
        let text = std::fs::read(sample.join(name)).unwrap();
        write_tree(&book, &[(name, text.as_slice())]);
    }
    let config = "title = \"Exiles\"\nauthor = \"Folio Tests\"\nprofiles = [\"0*\"]\n\n\
                  [pdf]\npaper = \"a5\"\n\n[outputs]\nepub = true\npdf = true\n\n\
                  [[outputs.handouts]]\nname = \"letter\"\npaper = \"letter\"\n";
    write_tree(&book, &[("book.toml", config.as_bytes())]);
    let mut watch = Watch::start(dir.path());
    let first = watch.wait_for("built in");
    assert!(first.contains("5 written"), "{first}");
    assert!(count(&first, "paragraph(s) set anew") > 100, "{first}");
    watch.wait_for("watching");

    let edited = book.join("02-free-coast-assembly.md");
    let text = std::fs::read_to_string(&edited).unwrap();
    // Saves that change nothing rebuild nothing, and do not age the kept paragraphs
    // (they are dropped after 8 builds without use).
    for _ in 0..10 {
        save(&edited, &text);
        let idle = watch.wait_for("built in");
        assert!(idle.contains("0 written, 5 unchanged"), "{idle}");
    }
    let (from, to) = (
        "The strikes lasted eleven weeks.",
        "The strikes lasted twelve weeks.",
    );
    assert_eq!(text.matches(from).count(), 1, "the sample profile changed");
    save(&edited, &text.replace(from, to));
    let rebuilt = watch.wait_for("built in");
    assert!(rebuilt.contains("1 of 3 profile(s) read anew"), "{rebuilt}");
    assert!(rebuilt.contains("3 written, 2 unchanged"), "{rebuilt}");
    assert_eq!(
        count(&rebuilt, "paragraph(s) set anew"),
        2,
        "only the edited paragraph, at the anthology's and the handouts' measure: {rebuilt}"
    );
    assert!(count(&rebuilt, "reused") > 100, "{rebuilt}");

    let cold = folio(&["build", "book", "--out", "cold"], dir.path());
    assert!(cold.status.success(), "{}", stderr(&cold));
    let (warm, cold) = (
        tree(&dir.path().join("out")),
        tree(&dir.path().join("cold")),
    );
    assert_eq!(
        warm.len(),
        6,
        "five editions and the manifest: {:?}",
        warm.keys()
    );
    for (name, bytes) in &warm {
        assert!(cold[name] == *bytes, "{name} differs from a cold build's");
    }
    assert_eq!(common::validate_all(&dir.path().join("out")), 5);
}
