//! What each fuzz target checks, shared with `tests/fuzz_corpus.rs`, which replays the
//! corpus and every crash kept in `fuzz/regressions/` on stable Rust in CI. Each function
//! panics on a finding.

// each fuzz target uses one of these functions
#![allow(dead_code)]

/// The plain-text reader (scraped pages) and the resolver: every marker's span lies
/// inside the decoded input.
pub fn read_text(bytes: &[u8]) {
    read_and_resolve("profile.txt", bytes);
}

/// The Markdown reader (front matter, footnotes, nesting) and the resolver.
pub fn read_markdown(bytes: &[u8]) {
    read_and_resolve("profile.md", bytes);
}

fn read_and_resolve(name: &str, bytes: &[u8]) {
    let doc = folio::resolve::resolve(folio::read::read(name, bytes));
    for marker in &doc.markers {
        assert!(marker.span.offset + marker.span.len <= doc.input.len());
    }
}

/// The works-cited list and the citation parser: the input follows a body citing a few
/// numbers and a "Works Cited" heading, so most runs reach the list reader, and every
/// entry goes through `cite::parse` as `folio cite` and the resolver use it.
pub fn works_cited(bytes: &[u8]) {
    let Ok(list) = std::str::from_utf8(bytes) else {
        return;
    };
    let text = format!("Title\n\nA claim (1) (1000) (0).\n\nWorks Cited\n{list}");
    let doc = folio::resolve::resolve(folio::read::read("profile.txt", text.as_bytes()));
    for note in &doc.notes {
        let _ = folio::cite::parse(&note.text);
    }
    let _ = folio::cite::parse(list);
    let _ = folio::cite::names(list);
}

/// The check every picture passes before it is packaged (signature, header size
/// against the pixel budget, a decode with limits, SVG parsing and cleaning); the
/// first byte picks the file name, so SVG cleaning sees any bytes too. What passed is
/// packaged as it is, so it must pass again.
pub fn image(bytes: &[u8]) {
    let name = if bytes.first().is_some_and(|b| b % 2 == 0) {
        "fig.svg"
    } else {
        "fig.png"
    };
    if let Ok(checked) = folio::load::check_image(name, bytes.to_vec(), 1_000_000) {
        let again = folio::load::check_image(name, checked.bytes.clone(), 1_000_000);
        assert!(again.is_ok(), "a checked image fails a second check");
    }
}

/// The whole pipeline: read (Markdown or text, by the first byte), resolve, then both
/// backends to bytes; a backend may fail only when the reader reported an error.
pub fn pipeline(bytes: &[u8]) {
    let Some((&first, rest)) = bytes.split_first() else {
        return;
    };
    let name = if first % 2 == 0 { "p.md" } else { "p.txt" };
    let doc = folio::resolve::resolve(folio::read::read(name, rest));
    if doc.has_errors() {
        return;
    }
    let book = folio::model::Book {
        meta: doc.meta.clone(),
        documents: vec![doc],
    };
    let epub = folio::epub::epub(&book, &folio::epub::EpubOptions::default());
    assert!(epub.is_ok_and(|b| b.starts_with(b"PK")));
    let pdf = folio::pdf::pdf(&book, &folio::pdf::PdfOptions::default());
    assert!(pdf.is_ok_and(|p| p.bytes.starts_with(b"%PDF")));
}
