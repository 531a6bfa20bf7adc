//! Hostile input and faults (issue 10): paths out of the profile's folder, unsafe link
//! schemes, SVG with scripts or entities, images that lie about their size or are
//! corrupt, special files, and outputs left behind after a failure. Each test runs the
//! `folio` binary as a user would.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

#[path = "epub/epubcheck.rs"]
mod epubcheck;

/// Runs folio in `dir`; a run still going after a minute is killed and fails the test,
/// so a hang shows as a failure rather than a stuck suite.
fn folio(args: &[&str], dir: &Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("folio runs");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("folio {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// A profile whose line 5 shows `src`.
fn profile_with_image(src: &str) -> String {
    format!("# The Kiln Guild\n\nThe guild fired bricks.\n\n![A kiln]({src})\n")
}

/// A PNG of `w`×`h` grey pixels, encoded by the `png` crate.
fn png(w: u32, h: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w, h);
    encoder.set_color(png::ColorType::Grayscale);
    let mut writer = encoder.write_header().unwrap();
    writer
        .write_image_data(&vec![128u8; (w * h) as usize])
        .unwrap();
    writer.finish().unwrap();
    out
}

/// A PNG chunk with its CRC, so a header can claim any size.
fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in kind.iter().chain(data) {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    let mut out = (data.len() as u32).to_be_bytes().to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    out.extend_from_slice(&(!crc).to_be_bytes());
    out
}

/// A tiny PNG whose header claims `w`×`h` RGB pixels and whose data is `idat`.
fn lying_png(w: u32, h: u32, idat: &[u8]) -> Vec<u8> {
    let mut ihdr = w.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend(chunk(b"IHDR", &ihdr));
    out.extend(chunk(b"IDAT", idat));
    out.extend(chunk(b"IEND", &[]));
    out
}

/// The names of the files in an EPUB.
fn epub_names(path: &Path) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap();
    let zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    zip.file_names()
        .filter_map(Result::ok)
        .map(|n| n.into_owned())
        .collect()
}

/// Every file of an EPUB whose name contains `part`, as text.
fn epub_files(path: &Path, part: &str) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let names: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| n.contains(part))
        .map(|n| n.into_owned())
        .collect();
    names
        .iter()
        .map(|n| {
            let mut text = String::new();
            zip.by_name(n).unwrap().read_to_string(&mut text).unwrap();
            text
        })
        .collect()
}

fn images_in(path: &Path) -> Vec<String> {
    epub_names(path)
        .into_iter()
        .filter(|n| n.starts_with("OEBPS/images/") && !n.contains("cover"))
        .collect()
}

// 1. Paths outside the profile's folder.

#[test]
fn an_image_outside_the_profiles_folder_is_refused_unless_allowed() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "secret.png", &png(2, 2));
    write(
        root.path(),
        "p/kiln.md",
        profile_with_image("../secret.png").as_bytes(),
    );
    let dir = root.path().join("p");
    let out = folio(&["convert", "kiln.md", "-o", "kiln.epub"], &dir);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("E-PATH-OUTSIDE"), "{}", stderr(&out));
    assert!(stderr(&out).contains("kiln.md:5:"), "{}", stderr(&out));
    assert!(!dir.join("kiln.epub").exists());

    let absolute = root.path().join("secret.png").display().to_string();
    write(
        root.path(),
        "p/abs.md",
        profile_with_image(&absolute).as_bytes(),
    );
    let out = folio(&["convert", "abs.md", "-o", "abs.epub"], &dir);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("E-PATH-OUTSIDE"), "{}", stderr(&out));

    let allowed = root.path().display().to_string();
    let out = folio(
        &[
            "convert",
            "kiln.md",
            "-o",
            "kiln.epub",
            "--allow-outside",
            &allowed,
        ],
        &dir,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(images_in(&dir.join("kiln.epub")).len(), 1);
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_folder_is_refused() {
    let root = tempfile::tempdir().unwrap();
    write(
        root.path(),
        "outside/passwd",
        b"<svg xmlns=\"http://www.w3.org/2000/svg\"><text>root:x:0:0</text></svg>",
    );
    write(
        root.path(),
        "p/kiln.md",
        profile_with_image("passwd.svg").as_bytes(),
    );
    let dir = root.path().join("p");
    std::os::unix::fs::symlink(root.path().join("outside/passwd"), dir.join("passwd.svg")).unwrap();
    let out = folio(&["convert", "kiln.md", "-o", "kiln.epub"], &dir);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("E-PATH-OUTSIDE"), "{}", stderr(&out));
    assert!(stderr(&out).contains("kiln.md:5:"), "{}", stderr(&out));
    assert!(!dir.join("kiln.epub").exists());
}

#[test]
fn a_book_reads_nothing_outside_its_folder_unless_the_toml_allows_it() {
    let root = tempfile::tempdir().unwrap();
    write(
        root.path(),
        "elsewhere/chapter.md",
        b"# Elsewhere\n\nA chapter.\n",
    );
    let book = root.path().join("book");
    let toml = "title = \"T\"\nprofiles = [\n  \"../elsewhere/chapter.md\",\n]\n";
    write(&book, "book.toml", toml.as_bytes());
    let out = folio(&["build", "book", "--out", "out"], root.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("E-PATH-OUTSIDE"), "{}", stderr(&out));
    assert!(stderr(&out).contains("book.toml:3:"), "{}", stderr(&out));
    assert!(!root.path().join("out").exists());

    let toml = format!("allow-outside = [\"../elsewhere\"]\n{toml}");
    write(&book, "book.toml", toml.as_bytes());
    let out = folio(&["build", "book", "--out", "out"], root.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let toml = "title = \"T\"\ncover = \"../elsewhere/c.png\"\n";
    write(root.path(), "elsewhere/c.png", &png(2, 2));
    write(&book, "book.toml", toml.as_bytes());
    write(&book, "a.md", b"# A\n\nText.\n");
    let out = folio(&["build", "book", "--out", "out2"], root.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("E-PATH-OUTSIDE"), "{}", stderr(&out));
    assert!(stderr(&out).contains("book.toml:2:"), "{}", stderr(&out));
}

// 2. Unsafe links.

/// Every URI of a link annotation in a PDF.
fn pdf_uris(path: &Path) -> Vec<String> {
    let pdf = lopdf::Document::load(path).expect("a PDF");
    let mut uris = Vec::new();
    for object in pdf.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        let Ok(action) = dict.get(b"A").and_then(lopdf::Object::as_dict) else {
            continue;
        };
        if let Ok(uri) = action.get(b"URI").and_then(lopdf::Object::as_str) {
            uris.push(String::from_utf8_lossy(uri).into_owned());
        }
    }
    uris
}

#[test]
fn unsafe_link_schemes_print_as_text_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let md = "# Links\n\nSee [a](javascript:alert(1)), [b](file:///etc/passwd), \
              [c](data:text/html,hi), [d](VBScript:x), [e](other.md) and [f](https://example.org/a).\n";
    write(dir.path(), "links.md", md.as_bytes());
    let out = folio(
        &["convert", "links.md", "-o", "links.pdf", "-o", "links.epub"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        pdf_uris(&dir.path().join("links.pdf")),
        ["https://example.org/a"]
    );
    let text = stderr(&out);
    assert_eq!(text.matches("W-LINK-UNSAFE").count(), 5, "{text}");
    assert!(text.contains("links.md:3:"), "{text}");
    let xhtml = epub_files(&dir.path().join("links.epub"), "text/").join("");
    for bad in ["javascript", "file:", "data:", "VBScript:", "other.md"] {
        assert!(!xhtml.contains(&format!("href=\"{bad}")), "{bad}");
    }
}

// 3. SVG.

#[test]
fn svg_is_parsed_and_sanitised() {
    let dir = tempfile::tempdir().unwrap();
    let md = "# Figures\n\n![entity](entity.svg)\n\n![text](text.svg)\n\n![script](script.svg)\n";
    write(dir.path(), "figs.md", md.as_bytes());
    write(
        dir.path(),
        "entity.svg",
        b"<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\
          <svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>",
    );
    write(dir.path(), "text.svg", b"root:x:0:0:root:/root:/bin/bash\n");
    write(
        dir.path(),
        "script.svg",
        b"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\" onload=\"steal()\">\
          <script>alert(1)</script><rect width=\"4\" height=\"4\" onclick=\"x()\" fill=\"red\"/>\
          <a href=\"javascript:alert(2)\"><circle r=\"1\"/></a></svg>",
    );
    write(dir.path(), "cover.svg", b"<svg><script>x</script></svg>");
    let out = folio(
        &[
            "convert",
            "figs.md",
            "-o",
            "figs.epub",
            "--cover",
            "cover.svg",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stderr(&out);
    assert!(text.contains("figs.md:3:"), "{text}");
    assert!(text.contains("figs.md:5:"), "{text}");
    assert_eq!(text.matches("W-IMAGE-BAD").count(), 2, "{text}");
    assert!(text.contains("W-SVG-UNSAFE"), "{text}");
    let epub = dir.path().join("figs.epub");
    let images = images_in(&epub);
    assert_eq!(images.len(), 1, "{images:?}");
    let svgs = epub_files(&epub, ".svg").join("\n");
    assert!(svgs.contains("<rect"), "{svgs}");
    for bad in [
        "<script",
        "onload",
        "onclick",
        "javascript",
        "passwd",
        "root:x",
    ] {
        assert!(!svgs.contains(bad), "{bad} in {svgs}");
    }
}

// 4. Pixel budget.

#[test]
fn an_image_over_the_pixel_budget_is_refused_before_decoding() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "huge.png", &lying_png(65535, 65535, b"x"));
    write(
        dir.path(),
        "kiln.md",
        profile_with_image("huge.png").as_bytes(),
    );
    let out = folio(
        &["convert", "kiln.md", "-o", "kiln.epub", "-o", "kiln.pdf"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("W-IMAGE-BAD"), "{}", stderr(&out));
    assert!(stderr(&out).contains("kiln.md:5:"), "{}", stderr(&out));
    assert!(images_in(&dir.path().join("kiln.epub")).is_empty());

    // The budget can be lowered (or raised).
    write(dir.path(), "small.png", &png(100, 100));
    write(
        dir.path(),
        "small.md",
        profile_with_image("small.png").as_bytes(),
    );
    let run = |extra: &[&str]| {
        let mut args = vec!["convert", "small.md", "-o", "small.epub"];
        args.extend_from_slice(extra);
        let out = folio(&args, dir.path());
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        images_in(&dir.path().join("small.epub")).len()
    };
    assert_eq!(run(&[]), 1);
    assert_eq!(run(&["--max-image-pixels", "5000"]), 0);
}

// 5. Corrupt images.

#[test]
fn a_corrupt_or_empty_image_warns_at_its_line_and_the_build_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let md = "# Figures\n\n![bad](bad.png)\n\n![empty](empty.png)\n\n![jpeg](cut.jpg)\n\n![ok](ok.png)\n";
    write(dir.path(), "figs.md", md.as_bytes());
    write(
        dir.path(),
        "bad.png",
        &lying_png(40, 40, b"not zlib data at all"),
    );
    write(dir.path(), "empty.png", &lying_png(0, 0, b""));
    write(
        dir.path(),
        "cut.jpg",
        b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01",
    );
    write(dir.path(), "ok.png", &png(3, 3));
    let out = folio(
        &["convert", "figs.md", "-o", "figs.epub", "-o", "figs.pdf"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stderr(&out);
    for line in [3, 5, 7] {
        assert!(text.contains(&format!("figs.md:{line}:")), "{text}");
    }
    assert_eq!(text.matches("W-IMAGE-BAD").count(), 3, "{text}");
    assert!(!text.contains("figs.md:9:"), "{text}");
    assert_eq!(images_in(&dir.path().join("figs.epub")).len(), 1);
    assert!(dir.path().join("figs.pdf").exists());
}

// 6. Special files.

#[cfg(unix)]
#[test]
fn special_files_are_refused_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.png");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    write(
        dir.path(),
        "kiln.md",
        profile_with_image("pipe.png").as_bytes(),
    );
    let out = folio(&["convert", "kiln.md", "-o", "kiln.epub"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("W-IMAGE-BAD"), "{}", stderr(&out));
    assert!(stderr(&out).contains("kiln.md:5:"), "{}", stderr(&out));

    for cover in ["pipe.png", "/dev/zero"] {
        let out = folio(
            &["convert", "kiln.md", "-o", "c.epub", "--cover", cover],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert!(stderr(&out).contains("E-NOT-A-FILE"), "{}", stderr(&out));
        assert!(!dir.path().join("c.epub").exists());
    }
    let out = folio(&["convert", "pipe.png", "-o", "p.epub"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("E-NOT-A-FILE"), "{}", stderr(&out));
}

// 9. All outputs or none.

#[test]
fn no_output_is_left_when_a_later_one_fails() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "kiln.md", b"# Kiln\n\nText.\n");
    // A file where the second output's folder should be: that write fails.
    write(dir.path(), "full", b"");
    let out = folio(
        &["convert", "kiln.md", "-o", "good.epub", "-o", "full/y.pdf"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("E-WRITE"), "{}", stderr(&out));
    assert!(!dir.path().join("good.epub").exists());
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["full", "kiln.md"]);
}

// 11. The input is never overwritten.

#[test]
fn an_output_that_is_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = b"The Kiln Guild\n\nThe guild fired bricks.\n";
    write(dir.path(), "x.pdf", text);
    let mut runs = vec![["x.pdf", "x.pdf"]];
    #[cfg(unix)]
    {
        std::fs::hard_link(dir.path().join("x.pdf"), dir.path().join("link.epub")).unwrap();
        runs.push(["./x.pdf", "link.epub"]);
    }
    for [input, output] in runs {
        let out = folio(&["convert", input, "-o", output], dir.path());
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        let text_err = stderr(&out);
        assert!(text_err.contains("E-OUTPUT-IS-INPUT"), "{text_err}");
        assert_eq!(std::fs::read(dir.path().join("x.pdf")).unwrap(), text);
    }
}

// 12. Same-named images of different profiles.

#[test]
fn same_named_images_of_two_profiles_stay_apart() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a/p.md",
        profile_with_image("fig.png").as_bytes(),
    );
    write(
        dir.path(),
        "b/q.md",
        profile_with_image("fig.png").as_bytes(),
    );
    let (small, large) = (png(2, 2), png(3, 3));
    write(dir.path(), "a/fig.png", &small);
    write(dir.path(), "b/fig.png", &large);
    let out = folio(
        &["convert", "a/p.md", "b/q.md", "-o", "book.epub"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let bytes = std::fs::read(dir.path().join("book.epub")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut packaged = Vec::new();
    for name in images_in(&dir.path().join("book.epub")) {
        let mut data = Vec::new();
        zip.by_name(&name).unwrap().read_to_end(&mut data).unwrap();
        packaged.push(data);
    }
    packaged.sort();
    let mut expected = vec![small, large];
    expected.sort();
    assert_eq!(packaged, expected);
}

// 15. Ids.

#[test]
fn author_ids_never_take_a_generated_id_and_duplicates_are_renamed() {
    let dir = tempfile::tempdir().unwrap();
    let md = "# Kiln\n\nA claim.(1)\n\n## Heading {#note-1}\n\nText, see [there](#same).\n\n\
              ## First {#same}\n\nMore.\n\n## Second {#same}\n\nEnd.\n\n\
              ## Works Cited\n\n(1) - Varga, E. (2001). Bricks of Ostra. Imagined Press.\n";
    write(dir.path(), "kiln.md", md.as_bytes());
    let out = folio(&["convert", "kiln.md", "-o", "kiln.epub"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("W-DUPLICATE-ID"), "{}", stderr(&out));
    assert!(stderr(&out).contains("kiln.md:13:"), "{}", stderr(&out));
    let xhtml = epub_files(&dir.path().join("kiln.epub"), "text/").join("");
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(&xhtml, options).expect("well-formed");
    let ids: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("id"))
        .collect();
    let unique: std::collections::BTreeSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate ids: {ids:?}");
    // The marker's link leads to the note, not to the heading `{#note-1}`.
    let link = doc
        .descendants()
        .find(|n| n.attribute("role") == Some("doc-noteref"))
        .and_then(|n| n.attribute("href"))
        .expect("a note link");
    let target = doc
        .descendants()
        .find(|n| n.attribute("id") == Some(&link[1..]))
        .expect("the link's target");
    assert!(
        !target.tag_name().name().starts_with('h'),
        "{link} → a heading"
    );
    // The internal link goes to the first `{#same}`.
    let same = doc
        .descendants()
        .find(|n| n.text() == Some("there"))
        .and_then(|n| n.attribute("href"))
        .expect("the internal link");
    let first = doc
        .descendants()
        .find(|n| n.tag_name().name() == "h2" && n.text() == Some("First"))
        .and_then(|n| n.attribute("id"))
        .unwrap();
    assert_eq!(&same[1..], first);
}

// 16. Smaller ones.

#[test]
fn a_source_date_epoch_past_year_9999_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "kiln.md", b"# Kiln\n\nText.\n");
    for (value, code) in [("253402300800", 1), ("-5", 1), ("253402300799", 0)] {
        let out = Command::new(env!("CARGO_BIN_EXE_folio"))
            .args(["convert", "kiln.md", "-o", "k.epub", "-o", "k.pdf"])
            .current_dir(dir.path())
            .env("SOURCE_DATE_EPOCH", value)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(code), "{value}: {}", stderr(&out));
        if code == 1 {
            assert!(
                stderr(&out).contains("E-SOURCE-DATE-EPOCH"),
                "{}",
                stderr(&out)
            );
        }
    }
}

#[test]
fn font_sizes_are_usage_errors_on_the_command_line_and_config_errors_in_book_toml() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "kiln.md", b"# Kiln\n\nText.\n");
    for args in [
        ["--font-size", "0"],
        ["--font-size", "nan"],
        ["--margin", "-1"],
    ] {
        let mut all = vec!["convert", "kiln.md", "-o", "k.pdf"];
        all.extend_from_slice(&args);
        let out = folio(&all, dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
    write(
        dir.path(),
        "book/book.toml",
        b"title = \"T\"\n\n[pdf]\nfont-size = 0\n",
    );
    write(dir.path(), "book/a.md", b"# A\n\nText.\n");
    let out = folio(&["build", "book"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("E-CONFIG"), "{}", stderr(&out));
    assert!(stderr(&out).contains("book.toml:4:"), "{}", stderr(&out));
}

#[test]
fn a_stray_binary_file_among_the_templates_is_ignored_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "kiln.md", b"# Kiln\n\nText.\n");
    write(dir.path(), "t/style.css", b"p { margin: 0 }\n");
    write(dir.path(), "t/.DS_Store", b"\x00\x01\xff\xfe binary");
    let out = folio(
        &["convert", "kiln.md", "-o", "k.epub", "--templates", "t"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("W-TEMPLATE-UNKNOWN"),
        "{}",
        stderr(&out)
    );
    let css = epub_files(&dir.path().join("k.epub"), ".css").join("");
    assert!(css.contains("p { margin: 0 }"), "{css}");
}

// Proof: a profile with every hostile thing above still makes an EPUB that passes
// EPUBCheck and a PDF that passes `qpdf --check`.

#[test]
fn a_hostile_profile_makes_valid_editions() {
    let dir = tempfile::tempdir().unwrap();
    let md = "# Hostile {#note-1}\n\nA claim.(1) See [js](javascript:alert(1)), [f](file:///etc/passwd), \
              [b](http://x.org/a[1]?q=\"x\"), [e](https://example.org/é) and [h](#same).\n\n\
              ## Note {#note-1}\n\n![svg](evil.svg)\n\n![bad](bad.png)\n\n![huge](huge.png)\n\n\
              ## Same {#same}\n\nText \u{1b}[31m red.\n\n## Same {#same}\n\n![ok](ok.png)\n\n\
              ## Works Cited\n\n(1) - Varga, E. (2001). Bricks of Ostra. Imagined Press.\n";
    write(dir.path(), "hostile.md", md.as_bytes());
    write(
        dir.path(),
        "evil.svg",
        b"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\" onload=\"x()\">\
          <script>alert(1)</script><rect width=\"4\" height=\"4\" style=\"fill:url(http://x/y)\"/>\
          <foreignObject><p>x</p></foreignObject><image href=\"file:///etc/passwd\"/></svg>",
    );
    write(dir.path(), "bad.png", &lying_png(40, 40, b"garbage"));
    write(dir.path(), "huge.png", &lying_png(65535, 65535, b"x"));
    write(dir.path(), "ok.png", &png(5, 5));
    write(
        dir.path(),
        "cover.svg",
        b"<svg><script>x</script><circle r=\"2\"/></svg>",
    );
    let out = folio(
        &[
            "convert",
            "hostile.md",
            "-o",
            "hostile.epub",
            "-o",
            "hostile.pdf",
            "--cover",
            "cover.svg",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let epub = std::fs::read(dir.path().join("hostile.epub")).unwrap();
    epubcheck::epubcheck(&epub, "hostile");
    let pdf = dir.path().join("hostile.pdf").display().to_string();
    let qpdf = Command::new("qpdf")
        .args(["--check", &pdf])
        .output()
        .expect("qpdf");
    assert!(
        qpdf.status.success(),
        "{}",
        String::from_utf8_lossy(&qpdf.stdout)
    );
    assert_eq!(pdf_uris(&dir.path().join("hostile.pdf")).len(), 2);
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_a_book_or_templates_folder_are_refused() {
    let root = tempfile::tempdir().unwrap();
    write(
        root.path(),
        "secret/hostname.md",
        b"# Host\n\nsecret-host\n",
    );
    write(root.path(), "secret/style.css", b"body { secret: 1 }\n");
    let book = root.path().join("book");
    write(&book, "book.toml", b"title = \"T\"\n");
    write(&book, "a.md", b"# A\n\nText.\n");
    std::os::unix::fs::symlink(root.path().join("secret/hostname.md"), book.join("b.md")).unwrap();
    let out = folio(&["build", "book", "--out", "out"], root.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("E-PATH-OUTSIDE"), "{}", stderr(&out));
    assert!(stderr(&out).contains("b.md"), "{}", stderr(&out));
    assert!(!root.path().join("out").exists());

    write(root.path(), "p/kiln.md", b"# Kiln\n\nText.\n");
    let templates = root.path().join("p/t");
    std::fs::create_dir_all(&templates).unwrap();
    std::os::unix::fs::symlink(
        root.path().join("secret/style.css"),
        templates.join("style.css"),
    )
    .unwrap();
    let dir = root.path().join("p");
    let out = folio(
        &["convert", "kiln.md", "-o", "k.epub", "--templates", "t"],
        &dir,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("E-PATH-OUTSIDE"), "{}", stderr(&out));
    assert!(!dir.join("k.epub").exists());
}

#[test]
fn an_invalid_language_warns_and_both_editions_use_one_fallback() {
    let dir = tempfile::tempdir().unwrap();
    let md = "---\ntitle: Kiln\nlang: french please\n---\n\nText.\n";
    write(dir.path(), "kiln.md", md.as_bytes());
    let out = folio(
        &["convert", "kiln.md", "-o", "k.epub", "-o", "k.pdf"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("W-LANG-INVALID"), "{}", stderr(&out));
    let opf = epub_files(&dir.path().join("k.epub"), ".opf").join("");
    assert!(opf.contains(">en</dc:language>"), "{opf}");
    let pdf = lopdf::Document::load(dir.path().join("k.pdf")).unwrap();
    let catalog = pdf.catalog().unwrap();
    let lang = catalog
        .get(b"Lang")
        .and_then(lopdf::Object::as_str)
        .unwrap();
    assert_eq!(lang, b"en");

    let out = folio(
        &["convert", "kiln.md", "-o", "k.epub", "--lang", "en_GB"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}
