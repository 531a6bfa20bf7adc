//! Stage 3b: a bibliography written as plain paragraphs or a bulleted list, the works
//! that short notes cite.
//!
//! Chicago's notes-bibliography style lets every note be short when the profile ends
//! with a full bibliography (CMOS 14.19): "Varga, *Salt Roads*, 23." with "Varga, Ilona.
//! *The Salt Roads: Trade and Power on the Danube, 1700–1850*. Szeged: Tisza Press,
//! 2012." under "Bibliography". Such a list has no numbers, so no marker cites it and
//! the reader keeps it as text; its entries are still the works the notes mean. Each
//! paragraph or list item under a works-cited heading that reads as a full reference
//! is read here, for the footnotes to be matched against; it stays in the text. An
//! entry that opens with a dash run ("———. *Cod*…", CMOS 14.67) has the authors of the
//! entry above: they are written out, so that "Kurlansky, *Cod*, 60." finds it and the
//! sorted bibliography names them.

use std::ops::Range;

use super::build_notes::written_with_italics;
use super::parse_citation::parse_citation;
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

/// The entries of the bibliographies written as text, in reading order. Footnotes and
/// numbered works-cited entries alike may cite them: a wiki's "Kurlansky 2002, p. 38."
/// under "References" means the book listed under "Sources".
pub(super) fn read_bibliography(doc: &Document) -> Vec<Listed> {
    let mut out = Vec::new();
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
    let listed = match (same_authors(&text), out.last()) {
        (Some(rest), Some(above)) => with_authors_of(above, &text, rest, &italics),
        _ => Listed { text, italics },
    };
    if reads_as_reference(&listed.text, !listed.italics.is_empty()) {
        out.push(listed);
    }
}

/// The text after a run of dashes standing for the authors above ("———. *Cod*…",
/// "---, ed."), if `text` opens with one.
fn same_authors(text: &str) -> Option<&str> {
    let rest = text.trim_start_matches(['—', '–', '-', '_']);
    let dashes = text[..text.len() - rest.len()].chars().count();
    // A single hyphen or en dash is a stray mark; a single em dash is the rule.
    let run = dashes >= 2 || text.starts_with('—');
    (run && rest.starts_with(['.', ','])).then_some(rest)
}

/// `text`, whose dash run ends where `rest` starts, with the authors of the entry
/// `above` in place of the run, its italics moved with their words.
fn with_authors_of(above: &Listed, text: &str, rest: &str, italics: &[Range<usize>]) -> Listed {
    let authors = parse_citation(&above.text).authors.join("; ");
    if authors.is_empty() {
        return Listed {
            text: text.to_string(),
            italics: italics.to_vec(),
        };
    }
    let cut = text.len() - rest.len();
    let names = authors.trim_end_matches('.');
    let italics = italics
        .iter()
        .filter(|r| r.start >= cut)
        .map(|r| r.start - cut + names.len()..r.end - cut + names.len())
        .collect();
    Listed {
        text: format!("{names}{rest}"),
        italics,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dash_run_stands_for_the_authors_above() {
        assert_eq!(same_authors("———. *Cod*."), Some(". *Cod*."));
        assert_eq!(same_authors("---, ed. *Cod*."), Some(", ed. *Cod*."));
        assert_eq!(same_authors("—. Cod."), Some(". Cod."));
        assert_eq!(same_authors("- Cod."), None);
        assert_eq!(same_authors("Kurlansky, Mark. Cod."), None);
        let above = Listed {
            text: "Kurlansky, Mark. Salt: A World History. New York: Walker, 2002.".into(),
            italics: vec![Range { start: 17, end: 38 }],
        };
        let text = "———. Cod: A Biography. New York: Walker, 1997.";
        let rest = same_authors(text).unwrap();
        let listed = with_authors_of(&above, text, rest, &[Range { start: 11, end: 27 }]);
        assert_eq!(
            listed.text,
            "Kurlansky, Mark. Cod: A Biography. New York: Walker, 1997."
        );
        assert_eq!(&listed.text[listed.italics[0].clone()], "Cod: A Biography");
    }
}
