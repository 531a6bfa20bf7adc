//! read → resolve, end to end, on every `tests/fixtures/*.md|*.txt`: properties that
//! must hold on any input (markers point at themselves, no raw footnote reference
//! survives, CRLF+BOM changes nothing) and a few behaviours checked by value. The
//! expected `folio model` output of each fixture is compared in `tests/fixtures.rs`.

use std::path::{Path, PathBuf};

use folio::diag::line_col;
use folio::model::{Block, Document, Inline, NoteKind};
use folio::{read::read, resolve::resolve};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn inputs() -> Vec<PathBuf> {
    let mut inputs: Vec<_> = std::fs::read_dir(dir())
        .expect("fixture directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "txt")))
        .collect();
    inputs.sort();
    inputs
}

fn name(path: &Path) -> &str {
    path.file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
}

fn pipeline(path: &Path) -> Document {
    let bytes = std::fs::read(path).expect("readable fixture");
    resolve(read(name(path), &bytes))
}

fn model_json(doc: &Document) -> String {
    serde_json::to_string_pretty(doc).expect("serialise") + "\n"
}

/// The text every span points into: no BOM, LF line ends.
fn decoded(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("UTF-8 fixture");
    text.trim_start_matches('\u{feff}').replace("\r\n", "\n")
}

/// Every marker's offset points at the marker in the input, and its line and column
/// agree with that offset, whatever Markdown or scraped text did to the text around it.
#[test]
fn every_marker_points_at_itself_in_the_input() {
    for input in inputs() {
        let text = decoded(&input);
        let doc = pipeline(&input);
        for marker in &doc.markers {
            let written = text
                .get(marker.span.offset..marker.span.offset + marker.span.len)
                .unwrap_or_default();
            // smart punctuation turned "--" into "–" in the text, not in the file
            assert_eq!(
                written.replace("--", "–"),
                marker.text,
                "{}: marker {:?} at offset {}",
                name(&input),
                marker.text,
                marker.span.offset
            );
            assert_eq!(
                (marker.span.line, marker.span.column),
                line_col(&text, marker.span.offset),
                "{}: line and column of {:?}",
                name(&input),
                marker.text
            );
        }
    }
}

/// Resolve leaves no raw `[^label]` reference anywhere: not in the body, not in notes.
#[test]
fn no_raw_footnote_reference_survives() {
    fn inlines(content: &[Inline]) -> bool {
        content.iter().any(|i| match i {
            Inline::FootnoteRef { .. } => true,
            Inline::Emph(c) | Inline::Strong(c) | Inline::Strike(c) => inlines(c),
            Inline::Link { content, .. } => inlines(content),
            _ => false,
        })
    }
    fn blocks(list: &[Block]) -> bool {
        list.iter().any(|b| match b {
            Block::Paragraph { content, .. } | Block::Heading { content, .. } => inlines(content),
            Block::Figure { caption, .. } => inlines(caption),
            Block::Quote { blocks: inner } => blocks(inner),
            Block::List { items, .. } => items.iter().any(|item| blocks(item)),
            Block::Table { head, rows, .. } => head
                .iter()
                .chain(rows.iter().flatten())
                .any(|cell| inlines(cell)),
            Block::Code { .. } | Block::Rule => false,
        })
    }
    for input in inputs() {
        let doc = pipeline(&input);
        assert!(!blocks(&doc.blocks), "{}", name(&input));
        for note in &doc.notes {
            assert!(
                !blocks(&note.body),
                "{}: note {}",
                name(&input),
                note.number
            );
        }
    }
}

#[test]
fn footnotes_cite_and_reference_footnotes() {
    let doc = pipeline(&dir().join("footnotes_nested.md"));
    let cited: Vec<(&str, &[u32])> = doc
        .markers
        .iter()
        .map(|m| (m.text.as_str(), m.notes.as_slice()))
        .collect();
    // body first, then the bodies of footnotes in order of first reference
    assert_eq!(
        cited,
        [
            ("[^closing]", &[2][..]),
            ("(1)", &[1][..]),
            ("(1)", &[1][..]),
            ("[^deed]", &[3][..]),
            ("[^deed]", &[3][..]),
        ]
    );
    let closing = doc.note(2).expect("note 2");
    assert_eq!(closing.label.as_deref(), Some("closing"));
    assert_eq!(
        closing.text,
        "The closing is dated by a letter (1), and the sale by a deed.[^deed]"
    );
    assert_eq!(doc.note(4).and_then(|n| n.label.as_deref()), Some("spare"));
}

/// Line and column of the first `needle` in `text`, both from 1, column in chars.
fn place_of(text: &str, needle: &str) -> (u32, u32) {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} in the fixture"));
    line_col(text, offset)
}

#[test]
fn markdown_markers_on_later_lines_after_smart_quotes_and_in_emphasis() {
    let path = dir().join("positions.md");
    let text = decoded(&path);
    let doc = pipeline(&path);
    let numbers: Vec<Vec<u32>> = doc.markers.iter().map(|m| m.notes.clone()).collect();
    let mut expected: Vec<Vec<u32>> = (1..=13).map(|n| vec![n]).collect();
    expected.push(vec![14, 15]);
    assert_eq!(numbers, expected);
    let place = |n: u32| {
        let m = &doc.markers[n as usize - 1];
        (m.span.line, m.span.column)
    };
    // the second line of a paragraph: a soft break, not a space, came before it
    assert_eq!(place(1), place_of(&text, "(1)"));
    assert_eq!(place(1).0, place_of(&text, "A paragraph whose").0 + 1);
    // smart quotes typed as such, then ASCII quotes, "--" and "..." turned into one char each
    assert_eq!(place(2), place_of(&text, "(2)"));
    assert_eq!(place(3), place_of(&text, "(3)"));
    // inside emphasis, inside strong, after a link whose destination is not text
    assert_eq!(place(4), place_of(&text, "(4)"));
    assert_eq!(place(5), place_of(&text, "(5)"));
    assert_eq!(place(6), place_of(&text, "(6)"));
    // continuation line of a quote, list items, a table cell, after entities and escapes
    for n in (7..=11).chain(12..=13) {
        assert_eq!(place(n), place_of(&text, &format!("({n})")), "marker {n}");
    }
    let range = doc.markers.last().expect("markers");
    assert_eq!(
        (range.text.as_str(), range.span.len),
        ("(14–15)", "(14--15)".len())
    );
    assert_eq!(range.notes, [14, 15]);
    assert!(!doc.has_errors());
}

#[test]
fn wrapped_scraped_lines_keep_their_own_line_numbers() {
    let path = dir().join("wrapped.txt");
    let text = decoded(&path);
    let doc = pipeline(&path);
    let places: Vec<(u32, u32)> = doc
        .markers
        .iter()
        .map(|m| (m.span.line, m.span.column))
        .collect();
    assert_eq!(places, [place_of(&text, "(1)"), place_of(&text, "(2)")]);
    assert_eq!(places[0].0, place_of(&text, "This paragraph").0 + 1);
}

#[test]
fn crlf_and_bom_give_the_same_model() {
    let plain = pipeline(&dir().join("problems.txt"));
    let twin = pipeline(&dir().join("problems.crlf.txt"));
    let same = model_json(&twin)
        .replace("problems.crlf.txt", "problems.txt")
        .replace("problems-crlf", "problems");
    assert_eq!(same, model_json(&plain));
    let offsets = |d: &Document| d.markers.iter().map(|m| m.span.offset).collect::<Vec<_>>();
    assert_eq!(offsets(&twin), offsets(&plain));
}

#[test]
fn problems_are_reported_where_they_are() {
    let path = dir().join("problems.txt");
    let text = decoded(&path);
    let doc = pipeline(&path);
    let found: Vec<(&str, u32)> = doc
        .diagnostics
        .iter()
        .map(|d| (d.code, d.span.line))
        .collect();
    let line = |needle: &str| place_of(&text, needle).0;
    assert!(
        found.contains(&("W-EMPTY-ENTRY", line("(1) -"))),
        "{found:?}"
    );
    assert!(
        found.contains(&("W-DANGLING-MARKER", line("(2)"))),
        "{found:?}"
    );
    assert!(
        found.contains(&("W-UNCITED-ENTRY", line("(6) -"))),
        "{found:?}"
    );
    assert!(
        found.contains(&("I-NUMBER-GAP", line("(5) -"))),
        "{found:?}"
    );
    let cited_twice: Vec<_> = doc.markers.iter().filter(|m| m.notes == [3]).collect();
    assert_eq!(cited_twice.len(), 2);
    assert_eq!(doc.notes.iter().filter(|n| n.number == 3).count(), 1);
    assert_eq!(doc.note(2).map(|n| n.kind), Some(NoteKind::Dangling));
}
