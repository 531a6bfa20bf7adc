//! Reading AnyStyle's labelled references (`core.xml`, `gold.xml`), shared by
//! the accuracy example (`examples/eval_citations.rs`) and the training example (`examples/train_citations.rs`).

#![allow(dead_code)]

use std::ops::Range;

/// One labelled reference: its parts in order, each an AnyStyle tag and its text with
/// spaces collapsed.
pub type Labelled = Vec<(String, String)>;

/// The references of an AnyStyle dataset file.
pub fn read(xml: &str) -> Vec<Labelled> {
    let doc = roxmltree::Document::parse(xml).expect("AnyStyle XML parses");
    doc.root_element()
        .children()
        .filter(|n| n.has_tag_name("sequence"))
        .map(|seq| {
            seq.children()
                .filter(|n| n.is_element())
                .filter_map(|n| {
                    let text = n
                        .text()
                        .unwrap_or("")
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ");
                    (!text.is_empty()).then(|| (n.tag_name().name().to_string(), text))
                })
                .collect()
        })
        .filter(|parts: &Labelled| !parts.is_empty())
        .collect()
}

/// The reference as written (parts joined by single spaces) and the byte range of each
/// part in it, with its tag.
pub fn join(parts: &Labelled) -> (String, Vec<(Range<usize>, String)>) {
    let mut text = String::new();
    let mut ranges = Vec::with_capacity(parts.len());
    for (tag, part) in parts {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(part);
        ranges.push((start..text.len(), tag.clone()));
    }
    (text, ranges)
}

/// The text of the first part tagged `tag`.
pub fn first<'a>(parts: &'a Labelled, tag: &str) -> Option<&'a str> {
    parts
        .iter()
        .find(|(t, _)| t == tag)
        .map(|(_, text)| text.as_str())
}
