//! Ground truth of the real sample profile through the real pipeline:
//! `resolve(read(name, bytes))`, exactly what every backend starts from.
//!
//! The fixture is the sample file verbatim. `FOLIO_BLESS=1 cargo test --test sample`
//! refreshes `sample.model.json`, the `folio model` serialisation of the result.

use folio::model::{Block, Document, Inline, NoteKind};
use folio::{Severity, read::read, resolve::resolve};

const NAME: &str = "000_523d4c1007ee5f3f.txt";
const SAMPLE: &str = include_str!("fixtures/resolve/sample.txt");
const EXPECTED: &str = "tests/fixtures/resolve/sample.model.json";

fn sample() -> Document {
    resolve(read(NAME, SAMPLE.as_bytes()))
}

/// The body with markers written back as `^[n,m]`, one block a line.
fn body(doc: &Document) -> String {
    fn inlines(content: &[Inline], doc: &Document, out: &mut String) {
        for inline in content {
            match inline {
                Inline::Text(t) => out.push_str(t),
                Inline::NoteRef(i) => out.push_str(&format!("^{:?}", doc.markers[*i].notes)),
                other => panic!("unexpected inline {other:?}"),
            }
        }
    }
    let mut out = String::new();
    for block in &doc.blocks {
        match block {
            Block::Paragraph { content, .. } | Block::Heading { content, .. } => {
                inlines(content, doc, &mut out)
            }
            Block::Figure { caption, .. } => inlines(caption, doc, &mut out),
            other => panic!("unexpected block {other:?}"),
        }
        out.push('\n');
    }
    out
}

#[test]
fn sample_resolves_to_its_ground_truth() {
    let doc = sample();
    assert_eq!(doc.meta.title, "Mojahedin-e-Kalq (MEK)");
    assert_eq!(doc.meta.date.as_deref(), Some("Apr 10"));
    assert_eq!(doc.meta.lang, "en");

    let numbers: Vec<u32> = doc.notes.iter().map(|n| n.number).collect();
    assert_eq!(numbers, (1..=13).collect::<Vec<_>>());

    let kind = |n: u32| doc.note(n).map(|n| n.kind);
    let source = |n: u32| doc.note(n).and_then(|n| n.source.clone());
    for (n, k) in [
        (1, NoteKind::Full),
        (2, NoteKind::Ibid),
        (3, NoteKind::Empty),
        (4, NoteKind::Full),
        (5, NoteKind::Short),
        (6, NoteKind::Full),
        (7, NoteKind::Ibid),
        (8, NoteKind::Short),
        (9, NoteKind::Full),
        (10, NoteKind::Ibid),
        (11, NoteKind::Ibid),
        (12, NoteKind::Short),
        (13, NoteKind::Short),
    ] {
        assert_eq!(kind(n), Some(k), "kind of note {n}");
    }
    assert_eq!(source(3), None);
    assert_eq!(doc.note(3).map(|n| n.text.as_str()), Some(""));

    assert_eq!(doc.sources.len(), 4);
    let check = |id: &str, surnames: &[&str], year: &str, publisher: &str, notes: &[u32]| {
        let s = doc.source(id).unwrap_or_else(|| panic!("source {id}"));
        let authors: Vec<&str> = s
            .authors
            .iter()
            .map(|a| a.split(',').next().unwrap_or(""))
            .collect();
        assert_eq!(authors, surnames, "authors of {id}");
        assert_eq!(s.year.as_deref(), Some(year), "year of {id}");
        assert!(s.citation.contains(publisher), "publisher of {id}");
        assert_eq!(s.notes, notes, "notes of {id}");
        for &n in notes {
            assert_eq!(source(n).as_deref(), Some(id), "source of note {n}");
        }
    };
    check("s1", &["Merat"], "2018", "The Guardian", &[1, 2, 5, 8, 12]);
    check("s2", &["Hussain", "Lacy"], "2023", "The Intercept", &[4]);
    check(
        "s3",
        &["Cole", "Hussain"],
        "2020",
        "The Intercept",
        &[6, 7, 13],
    );
    check(
        "s4",
        &["Masters"],
        "2014",
        "Council on Foreign Relations",
        &[9, 10, 11],
    );

    let markers: Vec<&[u32]> = doc.markers.iter().map(|m| m.notes.as_slice()).collect();
    let expected: Vec<Vec<u32>> = (1..=13).map(|n| vec![n]).collect();
    assert_eq!(markers, expected);

    let text = body(&doc);
    for kept in [
        "Kalq (MEK), gathered",
        "Islamic Republic of Iran (IRI).",
        "Donald Trump (known for his hardline against the Islamic Republic) promised",
        "events of the 1979 Iranian Revolution",
        "in the 1960s",
    ] {
        assert!(text.contains(kept), "{kept:?} stays text");
    }
    assert!(text.contains("relocated to Iraq.^[1]\n"), "{text}");
    assert!(text.contains("reside today.^[3]"), "{text}");
    assert!(!text.contains("Works Cited") && !text.contains("Ibid"));
    assert!(!text.contains("top of page") && !text.contains("bottom of page"));

    let warnings: Vec<_> = doc
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .map(|d| (d.code, d.span.line))
        .collect();
    assert_eq!(warnings, [("W-EMPTY-ENTRY", line_of("(3) -"))]);
    assert!(!doc.has_errors());
    assert!(doc.entries.is_empty() && doc.footnote_defs.is_empty());
}

/// The 1-based line of the first line of the sample that starts with `start`.
fn line_of(start: &str) -> u32 {
    let i = SAMPLE
        .lines()
        .position(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("{start:?} in the sample"));
    i as u32 + 1
}

#[test]
fn sample_markers_point_at_their_place_in_the_file() {
    let doc = sample();
    assert_eq!(doc.markers.len(), 13);
    for marker in &doc.markers {
        let [n] = marker.notes[..] else {
            panic!("{marker:?}")
        };
        let written = format!("({n})");
        // the one line of the body holding "(n)" (entries start with it: skip those)
        let lines: Vec<(usize, &str)> = SAMPLE
            .lines()
            .enumerate()
            .filter(|(_, l)| l.contains(&written) && !l.starts_with(&written))
            .collect();
        let [(index, line)] = lines[..] else {
            panic!("{written} on one body line: {lines:?}")
        };
        let byte = line.find(&written).unwrap_or_default();
        let column = line[..byte].chars().count() as u32 + 1;
        assert_eq!(marker.text, written);
        assert_eq!(
            (marker.span.line, marker.span.column),
            (index as u32 + 1, column),
            "place of {written}"
        );
        let line_start: usize = SAMPLE.lines().take(index).map(|l| l.len() + 1).sum();
        assert_eq!(marker.span.offset, line_start + byte, "offset of {written}");
    }
    for note in doc.notes.iter() {
        let entry = format!("({})", note.number);
        assert_eq!(note.span.line, line_of(&entry), "entry line of {entry}");
    }
}

#[test]
fn sample_model_matches_expected_json() {
    let doc = sample();
    let actual = serde_json::to_string_pretty(&doc).expect("serialise") + "\n";
    if std::env::var_os("FOLIO_BLESS").is_some() {
        std::fs::write(EXPECTED, &actual).expect("write expected");
    }
    let expected = std::fs::read_to_string(EXPECTED).expect("run with FOLIO_BLESS=1 once");
    assert_eq!(actual, expected);
}

/// The periodical or site of each of the sample's four works is printed in italics:
/// the note body holds it as emphasis and the EPUB marks it up as `<cite>`.
#[test]
fn sample_notes_italicise_the_periodicals() {
    let doc = sample();
    let italic = |number: u32| -> Vec<String> {
        let note = doc.note(number).expect("the note");
        let mut found = Vec::new();
        for block in &note.body {
            if let Block::Paragraph { content, .. } = block {
                for inline in content {
                    if let Inline::Emph(c) = inline {
                        found.push(Inline::plain(c));
                    }
                }
            }
        }
        found
    };
    let expected: [(u32, &[&str]); 7] = [
        (1, &["The Guardian"]),
        (2, &[]),
        (4, &["The Intercept"]),
        (5, &[]),
        (6, &["The Intercept"]),
        (9, &["Council on Foreign Relations"]),
        (13, &[]),
    ];
    for (number, names) in expected {
        assert_eq!(italic(number), names, "note {number}");
    }
    let book = folio::Book {
        meta: doc.meta.clone(),
        documents: vec![doc],
    };
    let bytes = folio::epub::epub(&book, &folio::epub::EpubOptions::default()).expect("an EPUB");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut xhtml = String::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("an entry");
        if file.name().is_ok_and(|n| n.starts_with("OEBPS/text/")) {
            std::io::Read::read_to_string(&mut file, &mut xhtml).expect("UTF-8 XHTML");
        }
    }
    for name in [
        "The Guardian",
        "The Intercept",
        "Council on Foreign Relations",
    ] {
        assert!(
            xhtml.contains(&format!("<cite>{name}</cite>")),
            "{name} is not a <cite>"
        );
    }
    assert!(!xhtml.contains("<em>"), "nothing else is emphasised");
}
