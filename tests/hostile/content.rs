//! Content: unsafe links, SVG, the pixel budget, corrupt images, ids, the smaller
//! items, and valid editions from a profile with all of them (issue 10 items 2–5, 15,
//! 16 and "Proof").

use super::*;

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

/// The pages (1-based) that the PDF's in-document link annotations lead to.
fn pdf_goto_pages(path: &Path) -> Vec<u32> {
    let pdf = lopdf::Document::load(path).expect("a PDF");
    let pages: Vec<lopdf::ObjectId> = pdf.get_pages().into_values().collect();
    let mut found = Vec::new();
    for object in pdf.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Subtype").and_then(lopdf::Object::as_name).ok() != Some(b"Link") {
            continue;
        }
        // A destination array, directly or through a GoTo action.
        let dest = dict.get(b"Dest").ok().or_else(|| {
            let action = dict.get(b"A").and_then(lopdf::Object::as_dict).ok()?;
            action.get(b"D").ok()
        });
        let dest = dest.and_then(|d| pdf.dereference(d).ok()).map(|(_, d)| d);
        let Some(Ok(array)) = dest.map(lopdf::Object::as_array) else {
            continue;
        };
        let page = array.first().and_then(|o| o.as_reference().ok());
        if let Some(n) = page.and_then(|id| pages.iter().position(|p| *p == id)) {
            found.push(n as u32 + 1);
        }
    }
    found
}

#[test]
fn unsafe_link_schemes_print_as_text_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    // In-document links stay live: `#methods` names a heading two pages on; `#nowhere`
    // names none and prints as text, as in the EPUB.
    let filler = "A paragraph that fills the page. ".repeat(400);
    let md = format!(
        "# Links\n\nSee [a](javascript:alert(1)), [b](file:///etc/passwd), \
         [c](data:text/html,hi), [d](VBScript:x), [e](other.md), [f](https://example.org/a), \
         [g](#methods) and [h](#nowhere).\n\n{filler}\n\n## Methods {{#methods}}\n\nHow.\n"
    );
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
    let methods = pdf_goto_pages(&dir.path().join("links.pdf"));
    assert_eq!(methods.len(), 1, "{methods:?}");
    assert!(methods[0] > 1, "the heading is past page 1: {methods:?}");
    let text = stderr(&out);
    assert_eq!(text.matches("W-LINK-UNSAFE").count(), 5, "{text}");
    assert!(text.contains("links.md:3:"), "{text}");
    let xhtml = epub_files(&dir.path().join("links.epub"), "text/").join("");
    for bad in ["javascript", "file:", "data:", "VBScript:", "other.md"] {
        assert!(!xhtml.contains(&format!("href=\"{bad}")), "{bad}");
    }
    assert!(xhtml.contains("href=\"#links_methods\""), "{xhtml}");
    assert!(!xhtml.contains("href=\"#nowhere"), "{xhtml}");
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
        ["--font-size", "2"],
        ["--font-size", "100"],
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

/// A book titled with 330 bytes names its editions by a slug of at most 80 bytes; the
/// whole title as a file name is past the 255 bytes a file system allows, and the
/// build failed with E-WRITE.
#[test]
fn a_very_long_title_gives_output_names_a_file_system_takes() {
    let dir = tempfile::tempdir().unwrap();
    let title = "An extraordinarily long title ".repeat(11);
    let toml = format!("title = \"{}\"\nprofiles = [\"a.md\"]\n", title.trim());
    write(dir.path(), "book/book.toml", toml.as_bytes());
    write(dir.path(), "book/a.md", b"# A\n\nText.\n");
    let out = folio(&["build", "book"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut names: Vec<String> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    assert_eq!(names.len(), 2, "{names:?}");
    for name in &names {
        let stem = name.rsplit_once('.').unwrap().0;
        assert!(stem.len() <= 80, "{} bytes: {name}", stem.len());
        assert!(stem.starts_with("an-extraordinarily-long-title"), "{name}");
    }
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
