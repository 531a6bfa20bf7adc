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
//! entry above, and so has one opening with "Idem." or "Ders." and a new title: they
//! are written out, so that "Kurlansky, *Cod*, 60." finds it and the sorted
//! bibliography names them. Numbered lists and footnotes use the same rule
//! ([`with_authors_of`]) for a new work after the note above.

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
    let above = match out.last() {
        Some(above) if same_authors(&text).is_some() => parse_citation(&above.text).authors,
        _ => Vec::new(),
    };
    let listed = with_authors_of(&above, &text, &italics).unwrap_or(Listed { text, italics });
    if reads_as_reference(&listed.text, !listed.italics.is_empty()) {
        out.push(listed);
    }
}

/// Words that stand for the authors of the citation above when a new work follows:
/// Latin "Idem"/"Eadem"/"Id.", Spanish "Ídem"/"Íd.", German "Ders."/"Dies." (derselbe,
/// dieselbe), lowercase and without their period.
const SAME_AUTHOR_WORDS: &[&str] = &["idem", "ídem", "eadem", "id", "íd", "ders", "dies"];

/// The longest role mark in parentheses after "Ders." or "Idem" ("Hrsg.", "ed.",
/// "a cura di"), in characters.
const MAX_ROLE_MARK: usize = 12;

/// The text after a run of dashes ("———. *Cod*…", "---, ed.") or a word for "the
/// same" ("Idem. *Sobrados*…", "Ders., Vergangene Zukunft…") standing for the authors
/// above, if `text` opens with one. An Ibid ("Idem, p. 4") never reaches here: the
/// caller has read it as one.
fn same_authors(text: &str) -> Option<&str> {
    let rest = text.trim_start_matches(['—', '–', '-', '_']);
    let dashes = text[..text.len() - rest.len()].chars().count();
    // A single hyphen or en dash is a stray mark; a single em dash is the rule.
    let run = dashes >= 2 || text.starts_with('—');
    if run && rest.starts_with(['.', ',']) {
        return Some(rest);
    }
    let (word, rest) = SAME_AUTHOR_WORDS.iter().find_map(|word| {
        let head = text.get(..word.len())?;
        (head.to_lowercase() == *word).then(|| (*word, &text[word.len()..]))
    })?;
    // "Id." and "Ders." are abbreviations and carry their full stop; "Id, A. (2001)."
    // is an author named Id, initials after the name.
    let abbreviated = matches!(word, "id" | "íd" | "ders" | "dies");
    let next = rest.trim_start_matches(['.', ',', ' ']);
    let initial = next.chars().next().is_some_and(char::is_uppercase)
        && next[next.chars().next().map_or(0, char::len_utf8)..].starts_with('.');
    if abbreviated && !rest.starts_with('.') || initial {
        return None;
    }
    let word = rest;
    // "Ders., Title" keeps its comma, "Idem. Title" its period.
    let rest = word.strip_prefix(".,").map_or(word, |_| &word[1..]);
    // A title follows, capitalised, maybe after an editor's mark ("Ders. (Hrsg.):
    // *Ich will wirken*…").
    let after = rest.trim_start_matches(['.', ',', ' ', '*', '_']);
    let after = after
        .strip_prefix('(')
        .and_then(|mark| mark.split_once(')'))
        .filter(|(mark, _)| mark.chars().count() <= MAX_ROLE_MARK)
        .map_or(after, |(_, title)| {
            title.trim_start_matches([':', ',', ' ', '*', '_'])
        });
    let title = after.starts_with(|c: char| c.is_uppercase() || matches!(c, '“' | '"' | '«' | '„'));
    (rest.starts_with(['.', ',']) && title).then_some(rest)
}

/// `text` with the `authors` of the citation above written out in place of a run of
/// dashes or a word standing for them (see [`same_authors`]), its italics moved with
/// their words; `None` when `text` has none or no authors are known. One rule for a
/// bibliography written as text, a numbered list and footnotes.
pub(super) fn with_authors_of(
    authors: &[String],
    text: &str,
    italics: &[Range<usize>],
) -> Option<Listed> {
    let rest = same_authors(text)?;
    let authors = authors.join("; ");
    if authors.is_empty() {
        return None;
    }
    let cut = text.len() - rest.len();
    let names = authors.trim_end_matches('.');
    let italics = italics
        .iter()
        .filter(|r| r.start >= cut)
        .map(|r| r.start - cut + names.len()..r.end - cut + names.len())
        .collect();
    Some(Listed {
        text: format!("{names}{rest}"),
        italics,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dash_run_or_idem_stands_for_the_authors_above() {
        assert_eq!(same_authors("———. *Cod*."), Some(". *Cod*."));
        assert_eq!(same_authors("---, ed. *Cod*."), Some(", ed. *Cod*."));
        assert_eq!(same_authors("—. Cod."), Some(". Cod."));
        assert_eq!(same_authors("- Cod."), None);
        assert_eq!(same_authors("Kurlansky, Mark. Cod."), None);
        assert_eq!(same_authors("Idem. Sobrados."), Some(". Sobrados."));
        // an editor's mark before the title, a title in guillemets
        assert_eq!(
            same_authors("Ders. (Hrsg.): *Ich will wirken*."),
            Some(". (Hrsg.): *Ich will wirken*.")
        );
        assert_eq!(
            same_authors("Id., « Le concours de 1816 »"),
            Some(", « Le concours de 1816 »")
        );
        assert_eq!(same_authors("Ders. (a very long remark): Title."), None);
        assert_eq!(
            same_authors("Ders., „Die Pietà in der Neuen Wache“"),
            Some(", „Die Pietà in der Neuen Wache“")
        );
        assert_eq!(
            same_authors("Ders., Vergangene Zukunft."),
            Some(", Vergangene Zukunft.")
        );
        assert_eq!(same_authors("Id. *Cod*."), Some(". *Cod*."));
        assert_eq!(same_authors("Idemann, Karl. Cod."), None);
        assert_eq!(same_authors("Dies irae. Hymn."), None);
        // A family name Id, with initials; an abbreviation without its full stop.
        assert_eq!(same_authors("Id, A. (2001). Title 211. Publisher."), None);
        assert_eq!(same_authors("Ders, Vergangene Zukunft."), None);
        let above =
            parse_citation("Kurlansky, Mark. Salt: A World History. New York: Walker, 2002.")
                .authors;
        let text = "———. Cod: A Biography. New York: Walker, 1997.";
        let listed = with_authors_of(&above, text, &[Range { start: 11, end: 27 }]).unwrap();
        assert_eq!(
            listed.text,
            "Kurlansky, Mark. Cod: A Biography. New York: Walker, 1997."
        );
        assert_eq!(&listed.text[listed.italics[0].clone()], "Cod: A Biography");
    }
}
