//! The e-reader finish (issue 11, item 11), on the sample series as `folio build`
//! writes it: EPUBCheck 5.3 with `-u` lists no usage (the deprecated `endnote` and
//! `biblioentry` epub:type values were 52 of them) and Ace by DAISY finds no
//! accessibility violation, the SVG cover is also a PNG
//! `cover-image` of the same size for Kindle conversions, and each note's number opens
//! its first paragraph instead of floating beside it.

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::Path;
use std::process::Command;

#[path = "epub/ace.rs"]
mod ace;
#[path = "epub/epubcheck.rs"]
mod epubcheck;

use folio::epub::{EpubError, EpubOptions, Image, epub};
use folio::model::Book;

#[path = "epub/xml.rs"]
mod xml;
use xml::parse;

fn files(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).expect("an entry");
            let mut data = Vec::new();
            file.read_to_end(&mut data).expect("readable");
            (file.name().expect("a UTF-8 name").to_string(), data)
        })
        .collect()
}

fn text(files: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(files[path].clone()).expect("UTF-8")
}

/// The sample series built by the `folio` binary, as a user builds it.
fn sample_series(dir: &Path) -> std::path::PathBuf {
    let book = Path::new(env!("CARGO_MANIFEST_DIR")).join("book");
    let out = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["build", book.to_str().expect("UTF-8 path"), "--out"])
        .arg(dir)
        .output()
        .expect("run folio");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read_dir(dir)
        .expect("output folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|e| e == "epub"))
        .expect("an EPUB")
}

/// The manifest item marked `cover-image`: (href, media type).
fn cover_image(files: &BTreeMap<String, Vec<u8>>) -> (String, String) {
    let opf = text(files, "OEBPS/package.opf");
    let opf = parse(&opf).expect("OPF parses");
    let item = opf
        .descendants()
        .filter(|n| n.has_tag_name("item"))
        .find(|n| {
            n.attribute("properties")
                .is_some_and(|p| p.split_whitespace().any(|p| p == "cover-image"))
        })
        .expect("a cover-image item");
    (
        item.attribute("href").unwrap_or_default().to_string(),
        item.attribute("media-type").unwrap_or_default().to_string(),
    )
}

/// Decodes a PNG in full (every chunk and pixel) and returns its size.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    let mut reader = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut pixels).expect("decodes");
    (info.width, info.height)
}

/// The `width` and `height` of an SVG's root element.
fn svg_size(svg: &[u8]) -> (u32, u32) {
    let svg = std::str::from_utf8(svg).expect("UTF-8");
    let svg = parse(svg).expect("SVG parses");
    let root = svg.root_element();
    let number = |name: &str| -> u32 {
        root.attribute(name)
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("SVG {name}"))
    };
    (number("width"), number("height"))
}

#[test]
fn the_sample_series_passes_epubcheck_with_no_usage_and_ace_and_has_a_png_cover() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = sample_series(dir.path());
    let usage = epubcheck::epubcheck_usage(&path);
    assert!(
        usage.is_empty(),
        "EPUBCheck -u on the sample series:\n{}",
        usage.join("\n")
    );
    let violations = ace::ace_violations(&path);
    assert!(
        violations.is_empty(),
        "Ace on the sample series:\n{}",
        violations.join("\n")
    );

    let files = files(&std::fs::read(&path).expect("the EPUB"));
    let (href, media_type) = cover_image(&files);
    assert_eq!(
        (href.as_str(), media_type.as_str()),
        ("images/cover.png", "image/png")
    );
    let svg = &files["OEBPS/images/cover.svg"];
    assert_eq!(png_size(&files[&format!("OEBPS/{href}")]), svg_size(svg));
    // The cover page shows the SVG where `<picture>` is read and the PNG elsewhere.
    let cover = text(&files, "OEBPS/cover.xhtml");
    assert!(cover.contains("<source srcset=\"images/cover.svg\" type=\"image/svg+xml\"/>"));
    assert!(cover.contains("<img src=\"images/cover.png\""));

    // Each note's number is the first thing in its first paragraph, and the stylesheet
    // neither floats nor positions it (a paged reading system would place a float
    // anywhere after a page break).
    let chapter = text(&files, "OEBPS/text/p-01-mek.xhtml");
    let chapter = parse(&chapter).expect("chapter parses");
    let notes: Vec<_> = chapter
        .descendants()
        .filter(|n| n.attribute("class") == Some("note"))
        .collect();
    assert!(notes.len() >= 10, "{} notes", notes.len());
    for note in notes {
        let first = note.children().find(|n| n.is_element()).expect("a child");
        assert!(first.has_tag_name("p"), "a note opens with a paragraph");
        let number = first.first_child().expect("content");
        assert_eq!(number.attribute("class"), Some("note-number"));
    }
    let css = text(&files, "OEBPS/style.css");
    let rule = css
        .lines()
        .find(|l| l.starts_with(".note-number"))
        .expect("a .note-number rule");
    for banned in ["float", "position"] {
        assert!(!rule.contains(banned), "{rule}");
    }
    assert!(rule.contains("display: inline-block"), "{rule}");
}

fn one_profile() -> Book {
    let doc = folio::resolve::resolve(folio::read::read(
        "kiln.md",
        b"# The Kiln Guild\n\nThe guild fired bricks for the city.\n",
    ));
    Book {
        meta: doc.meta.clone(),
        documents: vec![doc],
    }
}

#[test]
fn a_given_svg_cover_is_drawn_as_a_png_and_a_raster_cover_is_kept() {
    let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" width="600" height="900"><rect width="600" height="900" fill="#234"/><text x="40" y="200" font-size="60" fill="#fff">Kilns</text></svg>"##;
    let opts = |name: &str, bytes: &[u8]| EpubOptions {
        cover: Some(Image {
            name: name.to_string(),
            bytes: bytes.to_vec(),
        }),
        ..EpubOptions::default()
    };
    let bytes = epub(&one_profile(), &opts("cover.svg", svg)).expect("an EPUB");
    epubcheck::epubcheck(&bytes, "svg-cover");
    let drawn = files(&bytes);
    let (href, _) = cover_image(&drawn);
    let png = drawn[&format!("OEBPS/{href}")].clone();
    assert_eq!(png_size(&png), (600, 900));
    assert_eq!(drawn["OEBPS/images/cover.svg"], svg.to_vec());

    // A PNG given as the cover is the cover-image as it is, with no SVG beside it.
    let bytes = epub(&one_profile(), &opts("cover.png", &png)).expect("an EPUB");
    let kept = files(&bytes);
    assert_eq!(
        cover_image(&kept),
        ("images/cover.png".into(), "image/png".into())
    );
    assert_eq!(kept["OEBPS/images/cover.png"], png);
    assert!(!kept.contains_key("OEBPS/images/cover.svg"));

    // An SVG no renderer can read is an error naming the file, not a cover-less EPUB.
    let bad = b"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect";
    match epub(&one_profile(), &opts("broken.svg", bad)) {
        Err(err @ EpubError::CoverSvg { .. }) => {
            assert!(err.to_string().contains("broken.svg"), "{err}");
        }
        other => panic!("expected a cover error, got {:?}", other.map(|b| b.len())),
    }
}

#[test]
fn ace_finds_a_violation_when_there_is_one() {
    // Ace must be able to fail: pages without a language are a "serious" violation.
    let mut opts = EpubOptions::default();
    let page = opts
        .templates
        .page
        .replace(" xml:lang=\"{{lang}}\" lang=\"{{lang}}\"", "");
    assert_ne!(page, opts.templates.page);
    opts.templates.page = page;
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("no-lang.epub");
    std::fs::write(&path, epub(&one_profile(), &opts).expect("an EPUB")).expect("written");
    let violations = ace::ace_violations(&path);
    assert!(
        violations.iter().any(|v| v.contains("html-has-lang")),
        "{violations:?}"
    );
}
