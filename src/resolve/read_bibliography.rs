//! Stage 3b: a bibliography written as plain paragraphs or a bulleted list, the works
//! that short notes cite.
//!
//! Chicago's notes-bibliography style lets every note be short when the profile ends
//! with a full bibliography (CMOS 14.19): "Varga, *Salt Roads*, 23." with "Varga, Ilona.
//! *The Salt Roads: Trade and Power on the Danube, 1700–1850*. Szeged: Tisza Press,
//! 2012." under "Bibliography". Such a list has no numbers, so no marker cites it and
//! the reader keeps it as text; its entries are still the works the notes mean. Each
//! paragraph or list item under a works-cited heading that reads as a full reference
//! is read here, for the footnotes to be matched against; it stays in the text.

use std::ops::Range;

use super::build_notes::written_with_italics;
use super::pick_citations::reads_as_reference;
use crate::model::{Block, Document, Inline};

/// One entry of a bibliography written as text.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Listed {
    /// The entry as written, on one line.
    pub text: String,
    /// Byte ranges of `text` set in italics.
    pub italics: Vec<Range<usize>>,
}

/// The entries of the bibliographies written as text, in reading order; none when no
/// footnote could cite them.
pub(super) fn read_bibliography(doc: &Document) -> Vec<Listed> {
    let mut out = Vec::new();
    if !doc.notes.iter().any(|n| n.label.is_some()) {
        return out;
    }
    let mut under = false;
    for block in &doc.blocks {
        match block {
            Block::Heading { content, .. } => {
                under = crate::read::is_works_cited_heading(&Inline::plain(content));
            }
            Block::Paragraph { content, .. } if under => take(content, &doc.markers, &mut out),
            Block::List { items, .. } if under => {
                for item in items {
                    if let Some(Block::Paragraph { content, .. }) = item.first() {
                        take(content, &doc.markers, &mut out);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Adds the paragraph `content` if it reads as a full reference.
fn take(content: &[Inline], markers: &[crate::model::Marker], out: &mut Vec<Listed>) {
    let (text, italics) = written_with_italics(content, markers);
    if reads_as_reference(&text, !italics.is_empty()) {
        out.push(Listed { text, italics });
    }
}
