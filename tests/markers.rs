//! The marker decision measured on real prose: `tests/data/markers/` holds excerpts of
//! openly licensed texts (see its README.md) in which every parenthesised or bracketed
//! number is labelled by hand: `{C}` after a citation, `{T}` after a number that is part
//! of the text. The rules were tuned on `tune/` only; `heldout/` is the score reported.
//!
//! `cargo test --test markers -- --nocapture` prints precision and recall for "citation".

use std::path::{Path, PathBuf};

/// A labelled candidate: where its first bracket sits in the clean text, and whether it
/// is a citation.
#[derive(Debug)]
struct Label {
    offset: usize,
    citation: bool,
    line: usize,
}

/// One labelled document: its text without the labels, and the labels.
struct Labelled {
    name: String,
    text: String,
    labels: Vec<Label>,
}

fn data_dir(part: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/markers")
        .join(part)
}

fn documents(part: &str) -> Vec<Labelled> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(data_dir(part))
        .expect("the labelled set exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let raw = std::fs::read_to_string(p).expect("a labelled document is UTF-8");
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            strip_labels(&name, &raw)
        })
        .collect()
}

/// Removes the `{C}`/`{T}` labels, noting where the bracket group before each starts.
fn strip_labels(name: &str, raw: &str) -> Labelled {
    let mut text = String::with_capacity(raw.len());
    let mut labels = Vec::new();
    let mut rest = raw;
    while let Some(i) = rest.find(['{']) {
        let tag = &rest[i..];
        let citation = if tag.starts_with("{C}") {
            true
        } else if tag.starts_with("{T}") {
            false
        } else {
            text.push_str(&rest[..=i]);
            rest = &rest[i + 1..];
            continue;
        };
        text.push_str(&rest[..i]);
        rest = &rest[i + 3..];
        let offset = group_start(&text)
            .unwrap_or_else(|| panic!("{name}: a label follows no bracket near {:?}", tail(&text)));
        let line = text[..offset].matches('\n').count() + 1;
        labels.push(Label {
            offset,
            citation,
            line,
        });
    }
    text.push_str(rest);
    Labelled {
        name: name.to_string(),
        text,
        labels,
    }
}

fn tail(text: &str) -> &str {
    let mut start = text.len().saturating_sub(40);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    &text[start..]
}

/// Where the chain of bracket groups ending `text` starts: "(2)(3)" and "[1][2]" are one.
fn group_start(text: &str) -> Option<usize> {
    let mut end = text.len();
    let mut start = None;
    loop {
        let close = text[..end].chars().next_back()?;
        let open = match close {
            ')' => '(',
            ']' => '[',
            _ => return start,
        };
        let Some(at) = text[..end].rfind(open) else {
            return start;
        };
        start = Some(at);
        end = at;
        if !text[..end].ends_with([')', ']']) {
            return start;
        }
    }
}

/// Every bracket group of digits (with commas, semicolons, dashes, spaces) in the body,
/// so that no candidate goes unlabelled.
fn candidates(text: &str) -> Vec<usize> {
    let body_end = ["\nReferences\n", "\nWorks Cited", "\nIzvori\n"]
        .iter()
        .filter_map(|h| text.find(h))
        .min()
        .unwrap_or(text.len());
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < body_end {
        if matches!(bytes[i], b'(' | b'[') {
            let close = if bytes[i] == b'(' { b')' } else { b']' };
            let inner: Vec<u8> = bytes[i + 1..]
                .iter()
                .copied()
                .take_while(|&b| b != close && b != b'\n')
                .collect();
            let numeric = !inner.is_empty()
                && inner[0].is_ascii_digit()
                && std::str::from_utf8(&inner).is_ok_and(|s| {
                    s.chars().all(|c| {
                        c.is_ascii_digit() || matches!(c, ',' | ';' | ' ' | '-' | '–' | '—')
                    })
                });
            if numeric {
                // a chain "(2)(3)" is one candidate
                if !(i > 0 && matches!(bytes[i - 1], b')' | b']') && found.last().is_some()) {
                    found.push(i);
                }
                i += inner.len() + 2;
                continue;
            }
        }
        i += 1;
    }
    found
}

/// Counts for "citation": true and false positives, false negatives, true negatives.
#[derive(Debug, Default, Clone, Copy)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    fn accuracy(&self) -> f64 {
        (self.tp + self.tn) as f64 / (self.tp + self.fp + self.fn_ + self.tn).max(1) as f64
    }
}

/// Runs folio on every document of `part`, compares its markers with the labels and
/// prints each disagreement.
fn score(part: &str) -> Score {
    let mut total = Score::default();
    let docs = documents(part);
    assert!(!docs.is_empty(), "{part} holds no documents");
    for doc in &docs {
        let labelled: Vec<usize> = doc.labels.iter().map(|l| l.offset).collect();
        for c in candidates(&doc.text) {
            assert!(
                labelled.contains(&c),
                "{}: unlabelled candidate at byte {c}: {:?}",
                doc.name,
                &doc.text[c..(c + 30).min(doc.text.len())]
            );
        }
        let resolved = folio::resolve::resolve(folio::read::read(&doc.name, doc.text.as_bytes()));
        let found: Vec<usize> = resolved
            .markers
            .iter()
            .filter(|m| !m.text.starts_with("[^"))
            .map(|m| m.span.offset)
            .collect();
        for label in &doc.labels {
            let marked = found.contains(&label.offset);
            let slot = match (label.citation, marked) {
                (true, true) => &mut total.tp,
                (false, true) => &mut total.fp,
                (true, false) => &mut total.fn_,
                (false, false) => &mut total.tn,
            };
            *slot += 1;
            if label.citation != marked {
                eprintln!(
                    "  {part}/{}:{}: labelled {}, folio says {}",
                    doc.name,
                    label.line,
                    if label.citation { "citation" } else { "text" },
                    if marked { "citation" } else { "text" },
                );
            }
        }
        for offset in &found {
            assert!(
                labelled.contains(offset),
                "{}: a marker at byte {offset} has no label",
                doc.name
            );
        }
    }
    eprintln!(
        "{part}: {} documents, {} candidates ({} citations): precision {:.3}, recall {:.3}, accuracy {:.3}",
        docs.len(),
        total.tp + total.fp + total.fn_ + total.tn,
        total.tp + total.fn_,
        total.precision(),
        total.recall(),
        total.accuracy()
    );
    total
}

#[test]
fn labels_are_read_back_exactly() {
    let doc = strip_labels("t", "A.(1){C} B [2][3]{C} stage (4){T} end");
    assert_eq!(doc.text, "A.(1) B [2][3] stage (4) end");
    let offsets: Vec<usize> = doc.labels.iter().map(|l| l.offset).collect();
    assert_eq!(offsets, [2, 8, 21]);
    assert_eq!(candidates(&doc.text), [2, 8, 21]);
}

/// The level reached when the weights were set: every candidate of both parts decided as
/// labelled. A change that loses one must say why (and lower this on purpose).
const REACHED: f64 = 1.0;

#[test]
fn tuning_part_scores() {
    let s = score("tune");
    assert!(s.precision() >= REACHED && s.recall() >= REACHED, "{s:?}");
}

/// The reported number: documents never looked at while tuning.
#[test]
fn held_out_part_scores() {
    let s = score("heldout");
    assert!(s.precision() >= REACHED, "precision fell: {s:?}");
    assert!(s.recall() >= REACHED, "recall fell: {s:?}");
}
