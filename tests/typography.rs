//! The small things a typographer sees (issue 11, item 8), in both editions:
//! French spacing tied with no-break spaces, a spaced hyphen set as a dash that never
//! starts a line, and presentation-form ligatures read as letters.

use std::io::Read as _;

use folio::model::Book;
use folio::pdf::{Paper, PdfOptions, pdf};
use folio::{epub, read::read, resolve::resolve};

#[path = "pdf/support.rs"]
#[allow(dead_code)]
mod support;
use support::{build, check};

use build::words;
use check::{save, tool};

fn book(name: &str, text: &str) -> Book {
    let doc = resolve(read(name, text.as_bytes()));
    Book {
        meta: doc.meta.clone(),
        documents: vec![doc],
    }
}

/// The text of every chapter file of the EPUB.
fn epub_text(book: &Book) -> String {
    let bytes = epub::epub(book, &epub::EpubOptions::default()).expect("epub");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut out = String::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).expect("an entry");
        if file.name().is_ok_and(|n| n.starts_with("OEBPS/text/")) {
            file.read_to_string(&mut out).expect("UTF-8");
        }
    }
    out
}

/// The PDF's text, one printed line a line (pdftotext), at A5 and at A4.
fn pdf_lines(book: &Book, name: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for paper in [Paper::A5, Paper::A4] {
        let opts = PdfOptions {
            paper,
            modified: Some(1_700_000_000),
            ..PdfOptions::default()
        };
        let out = pdf(book, &opts).expect("pdf");
        let file = save(&format!("{name}-{paper:?}.pdf"), &out.bytes);
        let (ok, text) = tool("pdftotext", &[&file, "-"]);
        assert!(ok, "{text}");
        lines.extend(text.lines().map(|l| l.trim().to_string()));
    }
    lines
}

/// `paragraphs` paragraphs of `sentences` sentences each, made by `sentence(p, s)`.
fn text(
    head: &str,
    paragraphs: usize,
    sentences: usize,
    sentence: impl Fn(usize, usize) -> String,
) -> String {
    let mut text = String::from(head);
    for p in 0..paragraphs {
        for s in 0..sentences {
            text.push_str(&sentence(p, s));
        }
        text.push_str("\n\n");
    }
    text
}

/// A French profile whose every sentence carries guillemets, `;`, `:`, `?` and `!`,
/// at places that move with the words before them, so that untied spaces would end
/// or start some line with a mark.
fn french_profile() -> String {
    text("---\ntitle: Le port\nlang: fr\n---\n\n", 12, 6, |p, s| {
        format!(
            "{} « {} » ; {} : {} ? {} ! {}. ",
            words(p * 10 + s, 3 + (p * 7 + s * 5) % 11),
            words(p + s + 100, 2 + s % 3),
            words(p * 3 + s + 200, 1 + (p + s) % 4),
            words(s * 11 + p + 300, 2 + p % 3),
            words(p + 400 + s, 3 + s % 2),
            words(s + 500 + p, 1 + p % 2),
        )
    })
}

#[test]
fn french_marks_never_end_or_start_a_line() {
    let book = book("port.md", &french_profile());
    let xhtml = epub_text(&book);
    for (tied, loose) in [
        ("«\u{a0}", "« "),
        ("\u{a0}»", " »"),
        ("\u{202f};", " ;"),
        ("\u{a0}:", " :"),
        ("\u{202f}?", " ?"),
        ("\u{202f}!", " !"),
    ] {
        assert!(xhtml.contains(tied), "EPUB lacks {tied:?}");
        assert!(!xhtml.contains(loose), "EPUB still has {loose:?}");
    }
    let lines = pdf_lines(&book, "french");
    let bad: Vec<&String> = lines
        .iter()
        .filter(|l| l.ends_with('«') || l.starts_with(['»', ';', ':', '?', '!']))
        .collect();
    assert!(bad.is_empty(), "lines broken at a French mark: {bad:#?}");
    assert!(lines.len() > 100, "{} lines", lines.len());
}

#[test]
fn a_spaced_hyphen_is_a_dash_that_never_starts_a_line() {
    let text = text("A title\n\n", 10, 8, |p, s| {
        format!(
            "{} - {}. ",
            words(p * 9 + s, 2 + (p * 5 + s * 3) % 13),
            words(s + p + 50, 4)
        )
    });
    let book = book("dashes.txt", &text);
    let xhtml = epub_text(&book);
    assert!(xhtml.contains("\u{a0}– "), "EPUB has no tied en dash");
    assert!(!xhtml.contains(" - "), "EPUB still has a spaced hyphen");
    let lines = pdf_lines(&book, "dashes");
    let bad: Vec<&String> = lines
        .iter()
        .filter(|l| l.starts_with(['-', '–', '—']))
        .collect();
    assert!(bad.is_empty(), "lines starting with a dash: {bad:#?}");
    assert!(lines.iter().any(|l| l.contains('–')));
}

#[test]
fn an_unspaced_dash_never_starts_a_line() {
    // "word—word" may break after the dash only (UAX #14 would break before it too).
    let text = text("A title\n\n", 10, 8, |p, s| {
        format!(
            "{}—{} {}–{}. ",
            words(p * 9 + s, 2 + (p * 5 + s * 3) % 13),
            words(s + p + 50, 3),
            words(p + s * 7 + 80, 1 + (p + s) % 5),
            words(s + p + 90, 2),
        )
    });
    let lines = pdf_lines(&book("em.txt", &text), "em");
    let bad: Vec<&String> = lines.iter().filter(|l| l.starts_with(['—', '–'])).collect();
    assert!(bad.is_empty(), "lines starting with a dash: {bad:#?}");
    assert!(
        lines.iter().any(|l| l.ends_with('—')),
        "no line breaks after a dash"
    );
}

#[test]
fn presentation_ligatures_are_read_as_letters_in_both_editions() {
    let text = "The ﬁrst ﬂoor\n\nAn eﬃcient oﬀer on the ﬁrst ﬂoor, baﬄing no one.\n";
    let book = book("ligatures.txt", text);
    let xhtml = epub_text(&book);
    assert!(xhtml.contains("first floor") && xhtml.contains("efficient offer"));
    let pdf_text = pdf_lines(&book, "ligatures").join(" ");
    assert!(
        pdf_text.contains("first floor") && pdf_text.contains("baffling"),
        "{pdf_text}"
    );
    for text in [&xhtml, &pdf_text] {
        assert!(!text.contains(|c: char| ('\u{FB00}'..='\u{FB06}').contains(&c)));
    }
}

/// Characters in the median full line of body text (lines set at the body's height
/// that fill the measure), read back with `pdftotext -bbox-layout`.
fn characters_per_line(file: &str) -> usize {
    let (ok, xml) = tool("pdftotext", &["-bbox-layout", file, "-"]);
    assert!(ok, "{xml}");
    let attr = |tag: &str, name: &str| -> f32 {
        tag.split(&format!("{name}=\""))
            .nth(1)
            .and_then(|v| v.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0)
    };
    // (width, height in tenths of a point, characters) of every line
    let mut lines: Vec<(f32, i32, usize)> = Vec::new();
    for chunk in xml.split("<line ").skip(1) {
        let head = chunk.split('>').next().unwrap_or("");
        let words: Vec<&str> = chunk
            .split("</line>")
            .next()
            .unwrap_or("")
            .split("</word>")
            .filter_map(|w| w.rsplit('>').next())
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .collect();
        let chars = words.iter().map(|w| w.chars().count()).sum::<usize>() + words.len() - 1;
        let height = ((attr(head, "yMax") - attr(head, "yMin")) * 10.0).round() as i32;
        lines.push((attr(head, "xMax") - attr(head, "xMin"), height, chars));
    }
    let mut heights: Vec<i32> = lines.iter().map(|l| l.1).collect();
    heights.sort_unstable();
    let body = heights
        .chunk_by(|a, b| a == b)
        .max_by_key(|run| run.len())
        .map_or(0, |run| run[0]);
    let body: Vec<_> = lines.iter().filter(|l| (l.1 - body).abs() <= 3).collect();
    let measure = body.iter().map(|l| l.0).fold(0.0, f32::max);
    let mut full: Vec<usize> = body
        .iter()
        .filter(|l| l.0 > 0.97 * measure)
        .map(|l| l.2)
        .collect();
    full.sort_unstable();
    assert!(full.len() > 20, "{file}: {} full lines", full.len());
    full[full.len() / 2]
}

#[test]
fn every_paper_sets_the_sample_at_66_to_75_characters_a_line() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sample.txt");
    let text = std::fs::read_to_string(path).expect("the sample");
    let book = book("sample.txt", &text);
    for paper in [Paper::A5, Paper::A4, Paper::Letter] {
        let opts = PdfOptions {
            paper,
            modified: Some(1_700_000_000),
            ..PdfOptions::default()
        };
        let out = pdf(&book, &opts).expect("pdf");
        let file = save(&format!("measure-{paper:?}.pdf"), &out.bytes);
        let n = characters_per_line(&file);
        println!("{paper:?}: {n} characters in the median full line");
        assert!((66..=75).contains(&n), "{paper:?}: {n} characters a line");
    }
}

/// IEEE's "[3, p. 87]" keeps its locator in both editions, after the note's number and
/// outside its link, never broken across lines (AMA sets "³⁽ᵖ· ⁸⁷⁾" so); a plain "[3]"
/// prints no locator.
#[test]
fn an_ieee_locator_prints_after_its_note_number_in_both_editions() {
    let profile = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/ieee-locators.md"
    ))
    .expect("fixture");
    let book = book("ieee-locators.md", &profile);
    let xhtml = epub_text(&book);
    for locator in ["p.\u{a0}87", "Ch.\u{a0}2"] {
        assert!(
            xhtml.contains(&format!("</a>({locator})</sup>")),
            "EPUB lacks ({locator}) after its link:\n{xhtml}"
        );
    }
    assert_eq!(xhtml.matches("</a>(").count(), 2, "only located markers");
    let lines = pdf_lines(&book, "ieee-locators");
    let text = lines.join(" ");
    for locator in ["1(p.\u{a0}87)", "2(Ch.\u{a0}2)"] {
        let spaced = locator.replace('\u{a0}', " ");
        assert!(
            text.contains(locator) || text.contains(&spaced),
            "PDF lacks {locator}: {text}"
        );
    }
}
