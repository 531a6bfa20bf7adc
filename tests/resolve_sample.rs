//! Ground truth for citation resolution on the real sample profile.
//!
//! The fixture is the sample file verbatim; a tiny splitter stands in for the text
//! reader (one paragraph per non-empty line, "(N) - text" entries after "Works Cited")
//! so this test depends on resolve alone.
//! `FOLIO_BLESS=1 cargo test` refreshes `sample.expected.json`.

use folio::model::{Block, Document, Entry, Inline, NoteKind, Span};
use folio::resolve::resolve;

const SAMPLE: &str = include_str!("fixtures/resolve/sample.txt");
const EXPECTED: &str = "tests/fixtures/resolve/sample.expected.json";

fn span(line: usize, offset: usize, len: usize) -> Span {
    Span {
        line: line as u32,
        column: 1,
        offset,
        len,
    }
}

fn sample() -> Document {
    let mut doc = Document {
        meta: folio::model::Metadata {
            source_file: "sample.txt".into(),
            ..Default::default()
        },
        ..Default::default()
    };
    let mut offset = 0;
    let mut in_works_cited = false;
    for (i, line) in SAMPLE.split('\n').enumerate() {
        let here = span(i + 1, offset, line.len());
        offset += line.len() + 1;
        let text = line.trim();
        if text.is_empty() {
            continue;
        }
        if text.starts_with("Works Cited") {
            in_works_cited = true;
        } else if in_works_cited && text.starts_with('(') {
            let (number, rest) = text[1..].split_once(')').expect("entry number");
            doc.entries.push(Entry {
                number: number.parse().expect("number"),
                text: rest.trim_start().trim_start_matches('-').trim().to_string(),
                span: here,
            });
        } else if !in_works_cited {
            doc.blocks.push(Block::Paragraph {
                content: vec![Inline::Text(line.to_string())],
                span: here,
            });
        }
    }
    doc
}

/// The body with markers written back as `^[n,m]`, to see where they landed.
fn body(doc: &Document) -> String {
    let mut out = String::new();
    for block in &doc.blocks {
        if let Block::Paragraph { content, .. } = block {
            for inline in content {
                match inline {
                    Inline::Text(t) => out.push_str(t),
                    Inline::NoteRef(i) => out.push_str(&format!("^{:?}", doc.markers[*i].notes)),
                    other => panic!("unexpected inline {other:?}"),
                }
            }
            out.push('\n');
        }
    }
    out
}

#[test]
fn sample_resolves_to_its_ground_truth() {
    let doc = resolve(sample());
    assert_eq!(doc.notes.len(), 13);
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
    let order: Vec<&str> = doc.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        order,
        ["s3", "s2", "s4", "s1"],
        "sorted by surname and year"
    );

    let markers: Vec<&[u32]> = doc.markers.iter().map(|m| m.notes.as_slice()).collect();
    let expected: Vec<Vec<u32>> = (1..=13).map(|n| vec![n]).collect();
    assert_eq!(markers, expected);

    let text = body(&doc);
    for kept in [
        "(MEK)",
        "(IRI)",
        "(known for his hardline against the Islamic Republic)",
        "1979",
    ] {
        assert!(text.contains(kept), "{kept} stays text");
    }
    assert!(text.contains("relocated to Iraq.^[1]\n"));
    assert!(text.contains("cult-like structure.^[2]\n"));
    assert!(text.contains("reside today.^[3]\u{a0}During"));

    let codes: Vec<&str> = doc.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["W-EMPTY-ENTRY"]);
    assert!(doc.entries.is_empty() && doc.footnote_defs.is_empty());
}

#[test]
fn sample_markers_point_at_their_lines() {
    let doc = resolve(sample());
    for marker in &doc.markers {
        let line = SAMPLE
            .split('\n')
            .nth(marker.span.line as usize - 1)
            .unwrap_or("");
        let column = marker.span.column as usize - 1;
        let at: String = line
            .chars()
            .skip(column)
            .take(marker.text.chars().count())
            .collect();
        assert_eq!(
            at, marker.text,
            "marker {:?} at its line and column",
            marker.notes
        );
    }
}

#[test]
fn sample_model_matches_expected_json() {
    let doc = resolve(sample());
    let actual = serde_json::to_string_pretty(&serde_json::json!({
        "notes": doc.notes,
        "sources": doc.sources,
        "markers": doc.markers,
        "diagnostics": doc.diagnostics,
    }))
    .expect("serialise")
        + "\n";
    if std::env::var_os("FOLIO_BLESS").is_some() {
        std::fs::write(EXPECTED, &actual).expect("write expected");
    }
    let expected = std::fs::read_to_string(EXPECTED).expect("run with FOLIO_BLESS=1 once");
    assert_eq!(actual, expected);
}
