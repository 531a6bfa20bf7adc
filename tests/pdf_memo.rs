//! `folio::pdf::pdf_with` and its [`Memo`]: paragraphs kept from earlier builds give
//! byte for byte the PDF a build without them gives, and after one edit only the edited
//! paragraph is set again.

use folio::model::{Book, Metadata};
use folio::pdf::{Memo, Paper, PdfOptions, pdf, pdf_with};

const PROFILES: [&str; 3] = [
    "01-mek.txt",
    "02-free-coast-assembly.md",
    "03-karesh-movement.txt",
];

/// The sample series as one book, with `edit` applied to the text of its profiles.
fn sample_book(edit: impl Fn(String) -> String) -> Book {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("book");
    let documents = PROFILES
        .iter()
        .map(|name| {
            let text = std::fs::read_to_string(dir.join(name)).unwrap();
            folio::resolve::resolve(folio::read::read(name, edit(text).as_bytes()))
        })
        .collect();
    Book {
        meta: Metadata {
            title: "Exiles".into(),
            ..Metadata::default()
        },
        documents,
    }
}

fn paper(paper: Paper) -> PdfOptions {
    PdfOptions {
        paper,
        modified: Some(1_700_000_000),
        ..PdfOptions::default()
    }
}

#[test]
fn a_memo_gives_the_bytes_of_a_build_without_one() {
    let (from, to) = (
        "The strikes lasted eleven weeks.",
        "The strikes lasted twelve weeks.",
    );
    let original = sample_book(|t| t);
    let edited = sample_book(|t| t.replace(from, to));
    assert_ne!(original, edited, "the sample profile changed");

    let memo = Memo::new();
    for p in [Paper::A4, Paper::Letter] {
        pdf_with(&original, &paper(p), Some(&memo)).unwrap();
    }
    let first = memo.sweep(2);
    assert!(first.set > 200 && first.reused > 0, "{first:?}");

    for p in [Paper::A4, Paper::Letter] {
        let warm = pdf_with(&edited, &paper(p), Some(&memo)).unwrap();
        let cold = pdf(&edited, &paper(p)).unwrap();
        assert!(warm.bytes == cold.bytes, "{p:?}: the memo changed the PDF");
        assert_eq!(warm.report, cold.report);
    }
    let rebuild = memo.sweep(2);
    assert_eq!(
        rebuild.set, 2,
        "the edited paragraph, once per paper: {rebuild:?}"
    );
    assert!(rebuild.reused >= first.set, "{rebuild:?}");
}
