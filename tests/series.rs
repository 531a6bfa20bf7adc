//! `folio build` with `[outputs]`, the manifest, finding `book.toml`, metadata origins,
//! `folio check DIR`, `--deny-warnings` and `--format json`.

#[path = "series/common.rs"]
mod common;

use std::path::Path;

use common::{CLEAN, MARKDOWN, folio, names, page_width, stderr, tree, write_tree};

const EVERY_OUTPUT: &str = "title = \"Kilns and Glass\"\nauthor = \"A. Potter\"\nlang = \"en\"\n\
    profiles = [\"profiles/*\"]\n\n\
    [outputs]\nepub = true\npdf = true\nprofile-epub = true\n\n\
    [[outputs.handouts]]\npaper = \"a5\"\n\n\
    [[outputs.handouts]]\npaper = \"letter\"\nfont-size = 12\n";

fn book(dir: &Path, toml: &str) {
    write_tree(
        dir,
        &[
            ("book/book.toml", toml.as_bytes()),
            ("book/profiles/01-kiln.txt", CLEAN.as_bytes()),
            ("book/profiles/02-glass.md", MARKDOWN.as_bytes()),
        ],
    );
}

#[test]
fn build_writes_every_output_kind_and_each_passes_its_validator() {
    let dir = tempfile::tempdir().unwrap();
    book(dir.path(), EVERY_OUTPUT);
    let out = folio(&["build", "book"], dir.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let expected = [
        ".folio-manifest",
        "epub/01-kiln.epub",
        "epub/02-glass.epub",
        "handouts-a5/01-kiln.pdf",
        "handouts-a5/02-glass.pdf",
        "handouts-letter/01-kiln.pdf",
        "handouts-letter/02-glass.pdf",
        "kilns-and-glass.epub",
        "kilns-and-glass.pdf",
    ];
    assert_eq!(names(&dir.path().join("out")), expected);
    for file in &expected[1..] {
        assert!(
            err.contains(&format!("wrote out/{file}")),
            "{file} not reported: {err}"
        );
    }
    let files = tree(&dir.path().join("out"));
    let a5 = &files["handouts-a5/01-kiln.pdf"];
    let letter = &files["handouts-letter/01-kiln.pdf"];
    assert_ne!(a5, letter, "each handout set has its own page");
    assert_eq!(page_width(a5).round(), 420.0, "A5 is 148 mm wide");
    assert_eq!(page_width(letter).round(), 612.0, "Letter is 8.5 in wide");
    assert_eq!(common::validate_all(&dir.path().join("out")), 8);
    // A second build makes the same bytes.
    let again = folio(&["build", "book"], dir.path());
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(tree(&dir.path().join("out")), files);
}

#[test]
fn a_rebuild_removes_only_what_it_wrote_and_no_longer_writes() {
    let dir = tempfile::tempdir().unwrap();
    book(dir.path(), EVERY_OUTPUT);
    assert_eq!(folio(&["build", "book"], dir.path()).status.code(), Some(0));
    write_tree(dir.path(), &[("out/mine.txt", b"the writer's own file")]);
    let renamed = EVERY_OUTPUT
        .replace("Kilns and Glass", "Clay")
        .replace("profile-epub = true", "profile-epub = false");
    let renamed = renamed[..renamed
        .find("[[outputs.handouts]]\npaper = \"letter\"")
        .unwrap()]
        .to_string();
    write_tree(dir.path(), &[("book/book.toml", renamed.as_bytes())]);
    let out = folio(&["build", "book"], dir.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(
        names(&dir.path().join("out")),
        [
            ".folio-manifest",
            "clay.epub",
            "clay.pdf",
            "handouts-a5/01-kiln.pdf",
            "handouts-a5/02-glass.pdf",
            "mine.txt"
        ]
    );
    assert!(err.contains("removed out/kilns-and-glass.pdf"), "{err}");
    assert!(err.contains("removed out/epub/01-kiln.epub"), "{err}");
}

/// Two books built into one `out/` (each run from the folder above them, as
/// `folio init` suggests) keep each other's editions; each removes only its own.
#[test]
fn two_books_sharing_an_out_folder_remove_only_their_own_files() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [("a", CLEAN), ("b", MARKDOWN)] {
        let toml = format!("title = \"Book {name}\"\n");
        write_tree(
            dir.path(),
            &[
                (&format!("{name}/book.toml"), toml.as_bytes()),
                (&format!("{name}/p.md"), text.as_bytes()),
            ],
        );
    }
    for name in ["a", "b"] {
        let out = folio(&["build", name], dir.path());
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(!stderr(&out).contains("removed"), "{}", stderr(&out));
    }
    let both = [
        ".folio-manifest",
        "book-a.epub",
        "book-a.pdf",
        "book-b.epub",
        "book-b.pdf",
    ];
    assert_eq!(names(&dir.path().join("out")), both);
    write_tree(dir.path(), &[("a/book.toml", b"title = \"Book c\"\n")]);
    let out = folio(&["build", "a"], dir.path());
    assert!(
        stderr(&out).contains("removed out/book-a.pdf"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        names(&dir.path().join("out")),
        [
            ".folio-manifest",
            "book-b.epub",
            "book-b.pdf",
            "book-c.epub",
            "book-c.pdf"
        ]
    );
    // Built again from inside its folder into the same out/, a book is the same book.
    let out = folio(&["build", "--out", "../out"], &dir.path().join("b"));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(names(&dir.path().join("out")).len(), 5);
}

#[test]
fn build_finds_book_toml_where_it_runs_and_check_takes_a_book() {
    let dir = tempfile::tempdir().unwrap();
    book(
        dir.path(),
        "title = \"Kilns\"\nprofiles = [\"profiles/*\"]\n",
    );
    let inside = dir.path().join("book");
    let out = folio(&["build"], &inside);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        names(&inside.join("out")),
        [".folio-manifest", "kilns.epub", "kilns.pdf"]
    );
    let out = folio(&["check", "book"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    write_tree(
        dir.path(),
        &[("book/profiles/03-bad.txt", b"The Guild\n\nCaf\xe9.\n")],
    );
    let out = folio(&["check", "book"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("book/profiles/03-bad.txt:3:4"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn no_book_here_says_where_folio_looked_and_how_to_start_one() {
    let dir = tempfile::tempdir().unwrap();
    for args in [&["build"][..], &["check", "."], &["watch"]] {
        let out = folio(args, dir.path());
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains("book.toml: error[E-IO]"), "{args:?}: {err}");
        assert!(
            err.contains("hint: no book.toml") && err.contains("folio init"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(names(dir.path()), Vec::<String>::new(), "nothing written");
}

#[test]
fn a_book_that_asks_for_no_edition_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    book(
        dir.path(),
        "title = \"Kilns\"\nprofiles = [\"profiles/*\"]\n\n[outputs]\nepub = false\npdf = false\n",
    );
    let out = folio(&["build", "book"], dir.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("W-BOOK-NO-OUTPUTS"), "{err}");
    assert!(err.contains("book/book.toml:4:1"), "at [outputs]: {err}");
    let out = folio(&["check", "book", "--deny-warnings"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("W-BOOK-NO-OUTPUTS"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn metadata_origins_and_the_missing_title() {
    let dir = tempfile::tempdir().unwrap();
    book(
        dir.path(),
        "author = \"A. Potter\"\nprofiles = [\"profiles/*\"]\n",
    );
    let out = folio(&["build", "book", "-v"], dir.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("W-BOOK-NO-TITLE"), "{err}");
    assert!(
        err.contains("`The Kiln Guild` from book/profiles/01-kiln.txt"),
        "{err}"
    );
    assert!(
        err.contains(
            "title: \"The Kiln Guild\" (from the first profile, book/profiles/01-kiln.txt)"
        ),
        "{err}"
    );
    assert!(err.contains("authors: \"A. Potter\" (book.toml)"), "{err}");
    assert!(err.contains("date: not set"), "{err}");
    let out = folio(&["build", "book", "--deny-warnings"], dir.path());
    assert_eq!(
        out.status.code(),
        Some(1),
        "warnings denied: {}",
        stderr(&out)
    );
    // Named after its first profile, the book still passes both validators.
    assert_eq!(common::validate_all(&dir.path().join("out")), 2);
}

#[test]
fn json_records_from_build_and_convert() {
    let dir = tempfile::tempdir().unwrap();
    book(
        dir.path(),
        "title = \"Kilns\"\nprofiles = [\"profiles/*\"]\n",
    );
    let out = folio(&["build", "book", "--format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let record: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON record");
    assert_eq!(record["path"], "book/book.toml");
    assert_eq!(record["status"], "converted");
    assert_eq!(
        record["outputs"],
        serde_json::json!(["out/kilns.epub", "out/kilns.pdf"])
    );
    assert_eq!(record["notes"], 3);
    let out = folio(
        &[
            "convert",
            "book/profiles/02-glass.md",
            "-o",
            "g.pdf",
            "--format",
            "json",
        ],
        dir.path(),
    );
    let record: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON record");
    assert_eq!(record["outputs"], serde_json::json!(["g.pdf"]));
    assert_eq!(record["notes"], 1);
    write_tree(
        dir.path(),
        &[("warn.md", b"---\ntitle: X\ncolour: red\n---\n\nBody.\n")],
    );
    let out = folio(
        &["convert", "warn.md", "-o", "w.epub", "--deny-warnings"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        dir.path().join("w.epub").exists(),
        "warnings never stop the output"
    );
    // The build's two editions, convert's PDF and its EPUB with a warning.
    assert_eq!(common::validate_all(dir.path()), 4);
}

#[test]
fn a_broken_profile_writes_and_removes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    book(dir.path(), EVERY_OUTPUT);
    assert_eq!(folio(&["build", "book"], dir.path()).status.code(), Some(0));
    let before = tree(&dir.path().join("out"));
    write_tree(
        dir.path(),
        &[(
            "book/profiles/02-glass.md",
            b"---\ntitle: [unclosed\n---\n\nBody.\n",
        )],
    );
    let out = folio(&["build", "book"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("02-glass.md:"), "{}", stderr(&out));
    assert_eq!(tree(&dir.path().join("out")), before);
}

#[test]
fn init_then_build_gives_an_epub_and_a_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let out = folio(&["init", "new-series"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let series = dir.path().join("new-series");
    assert_eq!(
        names(&series),
        [
            "README.md",
            "book.toml",
            "profiles/01-example-markdown.md",
            "profiles/02-example-scraped.txt"
        ]
    );
    let toml = std::fs::read_to_string(series.join("book.toml")).unwrap();
    assert!(toml.contains("title = \"New Series\""), "{toml}");
    let out = folio(&["build"], &series);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        !err.contains("warning"),
        "the scaffold builds cleanly: {err}"
    );
    let built = series.join("out");
    assert_eq!(
        names(&built),
        [".folio-manifest", "new-series.epub", "new-series.pdf"]
    );
    assert_eq!(common::validate_all(&built), 2);
    // Both example profiles reach the book, each with its notes.
    let record = folio(&["build", "--format", "json"], &series);
    let record: serde_json::Value = serde_json::from_slice(&record.stdout).unwrap();
    // Three footnotes in the Markdown example, notes (1) to (3) in the scraped one.
    assert_eq!(record["notes"], 3 + 3, "{record}");
    // Each footnote has its marker, those under "## Sources and notes" too.
    let model = folio(&["model", "profiles/01-example-markdown.md"], &series);
    let model: serde_json::Value = serde_json::from_slice(&model.stdout).unwrap();
    let markers: Vec<&str> = model["markers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert_eq!(markers, ["[^founding]", "[^varga]", "[^ibid]"], "{model}");
}

#[test]
fn init_says_the_next_step_as_a_command_to_paste() {
    let dir = tempfile::tempdir().unwrap();
    let out = folio(&["init", "Les exilés"], dir.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("next: cd 'Les exilés' && folio build"),
        "{err}"
    );
    let inside = dir.path().join("Les exilés");
    let out = folio(&["init", "."], &inside.join("profiles"));
    assert!(
        stderr(&out).contains("next: folio build   # writes out/profiles.epub"),
        "{}",
        stderr(&out)
    );
    // A file where the folder should be is named as such.
    let out = folio(&["init", "profiles/01-example-markdown.md"], &inside);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("E-INIT-EXISTS") && err.contains("not a folder"),
        "{err}"
    );
}

#[test]
fn init_overwrites_nothing() {
    let dir = tempfile::tempdir().unwrap();
    write_tree(dir.path(), &[("README.md", b"mine")]);
    let out = folio(&["init"], dir.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("E-INIT-EXISTS"), "{err}");
    assert!(err.contains("README.md"), "{err}");
    assert_eq!(names(dir.path()), ["README.md"], "nothing else written");
    assert_eq!(
        std::fs::read(dir.path().join("README.md")).unwrap(),
        b"mine"
    );
}
