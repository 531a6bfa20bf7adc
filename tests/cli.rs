//! The `folio` binary as a user runs it: exit codes, output formats, bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn folio(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("folio runs")
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A temporary directory holding one file.
fn with_file(name: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    dir
}

const CLEAN: &str = "The Kiln Guild\n\nThe Kiln Guild fired bricks for the invented city of Ostra.(1)\n\n\
                     Works Cited\n\n(1) - Varga, E. (2001). Bricks of Ostra. Imagined Press.\n";

#[test]
fn check_exits_0_on_a_clean_profile() {
    let dir = with_file("kiln.txt", CLEAN.as_bytes());
    let out = folio(&["check", "kiln.txt"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn check_passes_the_sample_series_despite_warnings() {
    let out = folio(
        &[
            "check",
            "book/01-mek.txt",
            "book/02-free-coast-assembly.md",
            "book/03-karesh-movement.txt",
        ],
        &repo(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &[][..],
        &["check"][..],
        &["frobnicate"][..],
        &["check", "--no-such-flag", "x.md"][..],
        &["check", "--format", "yaml", "x.md"][..],
        &["model"][..],
    ] {
        let out = folio(args, dir.path());
        assert_eq!(
            out.status.code(),
            Some(2),
            "folio {args:?}: {}",
            stderr(&out)
        );
    }
}

const WITH_WARNING: &str =
    "---\ntitle: \"The Kiln Guild\"\ncolour: red\n---\n\nThe guild fired bricks.\n";

#[test]
fn warnings_pass_unless_denied() {
    let dir = with_file("warn.md", WITH_WARNING.as_bytes());
    let out = folio(&["check", "warn.md"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("warning"), "{}", stderr(&out));
    let out = folio(&["check", "--deny-warnings", "warn.md"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

#[test]
fn json_format_is_an_array_of_diagnostics() {
    let dir = with_file("warn.md", WITH_WARNING.as_bytes());
    let out = folio(&["check", "--format", "json", "warn.md"], dir.path());
    let json: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    let list = json.as_array().expect("an array");
    assert!(!list.is_empty());
    for d in list {
        for field in ["code", "severity", "message", "file", "line", "column"] {
            assert!(d.get(field).is_some(), "{field} missing in {d}");
        }
    }
    assert_eq!(list[0]["file"], "warn.md");
    assert_eq!(list[0]["line"], 3, "the unknown key is on line 3");
}

#[test]
fn model_prints_the_public_fields() {
    let dir = with_file("kiln.txt", CLEAN.as_bytes());
    let out = folio(&["model", "kiln.txt"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(doc["title"], "The Kiln Guild");
    assert_eq!(doc["lang"], "en");
    for field in ["notes", "sources", "markers", "diagnostics"] {
        assert!(doc[field].is_array(), "{field} is a list");
    }
}

/// Each unreadable input: exit 1, a message naming the file (and the line where one
/// applies), nothing on standard output for `check`.
#[test]
fn bad_inputs_name_file_and_line() {
    let cases: [(&str, &[u8], Option<&str>); 4] = [
        ("empty.txt", b"", None),
        (
            "binary.txt",
            b"The Guild\n\nfired\0bricks\n",
            Some("binary.txt:3:"),
        ),
        (
            "latin1.txt",
            b"The Guild\n\nIt fired bricks in Bras\xedlia.\n",
            Some("latin1.txt:3:"),
        ),
        (
            "front.md",
            b"---\ntitle: [unclosed\nlang: en\n---\n\nBody.\n",
            Some("front.md:"),
        ),
    ];
    for (name, bytes, place) in cases {
        let dir = with_file(name, bytes);
        let out = folio(&["check", name], dir.path());
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(err.contains(name), "{name} not named: {err}");
        if let Some(place) = place {
            assert!(err.contains(place), "{name}: no {place} in {err}");
        }
        assert!(err.contains("error"), "{name}: {err}");
        let out = folio(&["model", name], dir.path());
        assert_eq!(out.status.code(), Some(1), "model {name}: {}", stderr(&out));
    }
}

#[test]
fn a_missing_file_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let out = folio(&["check", "nowhere.md"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nowhere.md"));
    assert!(!stderr(&out).contains("panicked"));
}

/// Every file under `dir`, relative, sorted: what a failed command must leave unchanged.
fn listing(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path.strip_prefix(dir).unwrap().display().to_string());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn convert_writes_a_pdf() {
    let dir = with_file("kiln.txt", CLEAN.as_bytes());
    let out = folio(&["convert", "kiln.txt", "-o", "kiln.pdf"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let bytes = std::fs::read(dir.path().join("kiln.pdf")).expect("kiln.pdf written");
    assert!(bytes.starts_with(b"%PDF-"), "a PDF file");
    assert_eq!(
        listing(dir.path()),
        ["kiln.pdf", "kiln.txt"],
        "no temporary files left"
    );
}

#[test]
fn convert_is_reproducible_with_source_date_epoch() {
    let dir = with_file("kiln.txt", CLEAN.as_bytes());
    let run = |name: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_folio"))
            .args(["convert", "kiln.txt", "-o", name])
            .current_dir(dir.path())
            .env("SOURCE_DATE_EPOCH", "1700000000")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        std::fs::read(dir.path().join(name)).unwrap()
    };
    assert_eq!(run("a.epub"), run("b.epub"));
    assert_eq!(run("a.pdf"), run("b.pdf"));
}

#[test]
fn convert_rejects_an_unknown_extension_as_usage() {
    let dir = with_file("kiln.txt", CLEAN.as_bytes());
    let out = folio(&["convert", "kiln.txt", "-o", "kiln.docx"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(listing(dir.path()), ["kiln.txt"]);
}

#[test]
fn bad_input_leaves_no_output_behind() {
    let dir = with_file("good.txt", CLEAN.as_bytes());
    std::fs::write(dir.path().join("bad.txt"), b"caf\xe9 au lait\n").unwrap();
    let out = folio(
        &["convert", "good.txt", "bad.txt", "-o", "out/book.pdf"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("bad.txt:1:4"), "{}", stderr(&out));
    assert_eq!(listing(dir.path()), ["bad.txt", "good.txt"]);
}

#[test]
fn a_bad_source_date_epoch_is_an_error() {
    let dir = with_file("kiln.txt", CLEAN.as_bytes());
    let out = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["convert", "kiln.txt", "-o", "kiln.pdf"])
        .current_dir(dir.path())
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("SOURCE_DATE_EPOCH"));
    assert_eq!(listing(dir.path()), ["kiln.txt"]);
}

fn book_dir(toml: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("book")).unwrap();
    std::fs::write(dir.path().join("book/book.toml"), toml).unwrap();
    std::fs::write(dir.path().join("book/01-kiln.txt"), CLEAN).unwrap();
    dir
}

#[test]
fn build_writes_the_series_into_out() {
    let dir = book_dir("title = \"Kilns: Profiles\"\nauthor = \"A. Potter\"\n");
    let out = folio(&["build"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(dir.path().join("out/kilns-profiles.pdf").exists());
    assert!(dir.path().join("out/kilns-profiles.epub").exists());
    let out = folio(&["build", "book", "--out", "elsewhere"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(dir.path().join("elsewhere/kilns-profiles.pdf").exists());
}

#[test]
fn build_reports_an_unknown_book_toml_key_with_its_line() {
    let dir = book_dir("title = \"Kilns\"\n\n[epub]\nembed-font = true\n");
    let out = folio(&["build", "book"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("book.toml:4:"), "{err}");
    assert!(err.contains("embed-font"), "{err}");
    assert!(!dir.path().join("out").exists(), "nothing written");
}

#[test]
fn build_of_the_sample_series_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    let book = repo().join("book");
    let out = folio(
        &["build", book.to_str().unwrap(), "--out", "out"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        dir.path()
            .join("out/opposition-in-exile-profiles.pdf")
            .exists()
    );
}

#[test]
fn a_character_no_font_has_is_a_warning_with_its_place() {
    // 𠮷 (U+20BB7, CJK Extension B) is outside the bundled CJK subset.
    let text = "The Kiln Guild\n\nThe guild fired bricks \u{20BB7} for the city.\n";
    let dir = with_file("kiln.txt", text.as_bytes());
    let out = folio(&["convert", "kiln.txt", "-o", "kiln.pdf"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("W-MISSING-GLYPH"), "{err}");
    assert!(err.contains("kiln.txt:3:24"), "{err}");
    assert!(err.contains("U+20BB7") && err.contains("GB 2312"), "{err}");
}

/// Margins that leave no room for text are an error and write nothing; a font size
/// outside 4–36 pt is refused before anything is read, as a usage error.
#[test]
fn impossible_pdf_options_are_an_error_and_write_nothing() {
    let dir = with_file("kiln.txt", CLEAN.as_bytes());
    let run = |option: &str, value: &str| {
        let args = ["convert", "kiln.txt", "-o", "kiln.pdf", option, value];
        folio(&args, dir.path())
    };
    let out = run("--margin", "100");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("margins"), "{}", stderr(&out));
    assert_eq!(listing(dir.path()), ["kiln.txt"]);
    let out = run("--font-size", "200");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("4 to 36 pt"), "{}", stderr(&out));
    assert_eq!(listing(dir.path()), ["kiln.txt"]);
}

#[test]
fn pdf_options_change_the_pdf() {
    let dir = with_file("kiln.txt", CLEAN.as_bytes());
    let run = |name: &str, extra: &[&str]| {
        let mut args = vec!["convert", "kiln.txt", "-o", name];
        args.extend_from_slice(extra);
        let out = folio(&args, dir.path());
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        std::fs::read(dir.path().join(name)).unwrap()
    };
    let plain = run("a4.pdf", &[]);
    assert_ne!(plain, run("a5.pdf", &["--paper", "a5"]));
    assert_ne!(plain, run("big.pdf", &["--font-size", "14"]));
    assert_ne!(plain, run("wide.pdf", &["--margin", "10"]));
    assert_ne!(plain, run("nobib.pdf", &["--no-bibliography"]));
}
#[test]
fn a_missing_image_warns_and_the_build_goes_on() {
    let md = "# The Kiln Guild\n\nThe guild fired bricks.\n\n![A kiln](img/kiln.png)\n";
    let dir = with_file("kiln.md", md.as_bytes());
    let out = folio(&["convert", "kiln.md", "-o", "kiln.epub"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("W-IMAGE-MISSING"), "{}", stderr(&out));
    assert!(stderr(&out).contains("kiln.md:5:"), "{}", stderr(&out));
    assert!(dir.path().join("kiln.epub").exists());
}

#[test]
fn convert_writes_both_editions_from_one_parse() {
    let dir = with_file("kiln.txt", CLEAN.as_bytes());
    let out = folio(
        &["convert", "kiln.txt", "-o", "kiln.epub", "-o", "kiln.pdf"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        std::fs::read(dir.path().join("kiln.epub"))
            .unwrap()
            .starts_with(b"PK")
    );
    assert!(
        std::fs::read(dir.path().join("kiln.pdf"))
            .unwrap()
            .starts_with(b"%PDF-")
    );
}

#[test]
fn epub_options_reach_the_epub() {
    let dir = with_file("kiln.txt", CLEAN.as_bytes());
    let run = |name: &str, extra: &[&str]| {
        let mut args = vec!["convert", "kiln.txt", "-o", name];
        args.extend_from_slice(extra);
        let out = folio(&args, dir.path());
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        std::fs::read(dir.path().join(name)).unwrap()
    };
    let plain = run("plain.epub", &[]);
    let fonts = run("fonts.epub", &["--embed-fonts"]);
    assert!(
        fonts.len() > plain.len() + 100_000,
        "the fonts are packaged"
    );
    let titled = run(
        "titled.epub",
        &["--title", "Bricks and Kilns", "--lang", "fr"],
    );
    let opf = package_document(&titled);
    assert!(opf.contains("Bricks and Kilns"), "{opf}");
    assert!(opf.contains(">fr</dc:language>"), "{opf}");
    assert!(package_document(&plain).contains("The Kiln Guild"));
}

#[test]
fn a_missing_cover_or_templates_dir_is_an_error() {
    let dir = with_file("kiln.txt", CLEAN.as_bytes());
    for extra in [["--cover", "nope.jpg"], ["--templates", "nope"]] {
        let mut args = vec!["convert", "kiln.txt", "-o", "kiln.epub"];
        args.extend_from_slice(&extra);
        let out = folio(&args, dir.path());
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert!(stderr(&out).contains("nope"), "{}", stderr(&out));
        assert_eq!(listing(dir.path()), ["kiln.txt"]);
    }
}

/// The OPF of an EPUB, found through `META-INF/container.xml`'s first rootfile.
fn package_document(epub: &[u8]) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(epub)).expect("a zip archive");
    let mut read = |name: &str| {
        let mut text = String::new();
        zip.by_name(name)
            .unwrap_or_else(|_| panic!("{name} in the EPUB"))
            .read_to_string(&mut text)
            .unwrap();
        text
    };
    let container = read("META-INF/container.xml");
    let start = container.find("full-path=\"").expect("a rootfile") + "full-path=\"".len();
    let path = &container[start..];
    let path = path[..path.find('"').unwrap()].to_string();
    read(&path)
}

/// A 1×1 red PNG.
const PNG: [u8; 69] = [
    137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0,
    0, 0, 144, 119, 83, 222, 0, 0, 0, 12, 73, 68, 65, 84, 120, 156, 99, 248, 207, 192, 0, 0, 3, 1,
    1, 0, 201, 254, 146, 239, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
];

#[test]
fn images_beside_the_profile_reach_both_editions() {
    let md = "# The Kiln Guild\n\nThe guild fired bricks.\n\n![A kiln](img/kiln.png)\n";
    let dir = with_file("kiln.md", md.as_bytes());
    let out = folio(
        &["convert", "kiln.md", "-o", "bare.epub", "-o", "bare.pdf"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    std::fs::create_dir(dir.path().join("img")).unwrap();
    std::fs::write(dir.path().join("img/kiln.png"), PNG).unwrap();
    let out = folio(
        &["convert", "kiln.md", "-o", "kiln.epub", "-o", "kiln.pdf"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("W-IMAGE-MISSING"),
        "{}",
        stderr(&out)
    );
    let epub = std::fs::read(dir.path().join("kiln.epub")).unwrap();
    let zip = zip::ZipArchive::new(std::io::Cursor::new(epub)).unwrap();
    let names: Vec<String> = zip.file_names().flatten().map(|n| n.to_string()).collect();
    assert!(
        names.iter().any(|n| n.ends_with(".png")),
        "the image is packaged: {names:?}"
    );
    let with = std::fs::read(dir.path().join("kiln.pdf")).unwrap();
    let without = std::fs::read(dir.path().join("bare.pdf")).unwrap();
    assert_ne!(with, without, "the PDF draws the image");
}

/// `folio model x.txt | head`: the reader closes the pipe before the model is all
/// written; folio stops without a panic.
#[test]
fn model_into_a_closed_pipe_stops_without_a_panic() {
    use std::process::Stdio;
    let body: String = (1..=2000)
        .map(|i| format!("Sentence {i} cites a source ({i}).\n\n"))
        .collect();
    let list: String = (1..=2000)
        .map(|i| format!("({i}) Varga, Ilona. Salt Roads {i}. Szeged: Tisza Press, 2012.\n"))
        .collect();
    let dir = with_file(
        "long.txt",
        format!("Long\n\n{body}Works Cited\n\n{list}").as_bytes(),
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["model", "long.txt"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("folio runs");
    // Read nothing: close the reading end at once, as `head -c0` would.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("folio ends");
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    assert_ne!(out.status.code(), Some(101), "{}", stderr(&out));
}
