//! Stage 4: the part of each full citation printed in italics, as the citation parser
//! ([`crate::cite`]) found it: the container of an article or chapter (the journal,
//! newspaper, website or book: "The Guardian"), the title of a book, report or thesis.
//! Nothing is italic when the parser cannot tell the kind of work.
//!
//! Sources carry their range from resolution; a note that repeats its source's
//! citation word for word uses that range, another full note is parsed again. Only
//! works-cited notes are marked: Ibid, short forms and Markdown footnotes (which carry
//! their own emphasis) are printed as written.

use std::collections::HashMap;
use std::ops::Range;

use super::parse_citation::{link_inlines, parse_citation};
use crate::model::{Block, Document, Inline, NoteKind};

/// Sets [`Note::emphasis`] on full works-cited notes (putting that range in an
/// [`Inline::Emph`] of the body) and [`Source::inlines`] on every source.
///
/// [`Note::emphasis`]: crate::model::Note::emphasis
/// [`Source::inlines`]: crate::model::Source::inlines
pub(super) fn mark_titles(doc: &mut Document) {
    let by_id: HashMap<&str, (&str, &Option<Range<usize>>)> = doc
        .sources
        .iter()
        .map(|s| (s.id.as_str(), (s.citation.as_str(), &s.emphasis)))
        .collect();
    for note in &mut doc.notes {
        if note.kind != NoteKind::Full || note.label.is_some() {
            continue;
        }
        let known = note
            .source
            .as_deref()
            .and_then(|id| by_id.get(id))
            .filter(|(citation, _)| *citation == note.text)
            .map(|(_, emphasis)| (*emphasis).clone());
        let Some(range) = known.unwrap_or_else(|| parse_citation(&note.text).emphasis) else {
            continue;
        };
        let [Block::Paragraph { content, .. }] = note.body.as_mut_slice() else {
            continue;
        };
        *content = emphasized(&note.text, &range);
        note.emphasis = Some(range);
    }
    for source in &mut doc.sources {
        source.inlines = match &source.emphasis {
            Some(range) => emphasized(&source.citation, range),
            None => link_inlines(&source.citation),
        };
    }
}

/// The inlines of a citation: `range` in italics, URLs as links.
fn emphasized(text: &str, range: &Range<usize>) -> Vec<Inline> {
    let mut out = link_inlines(&text[..range.start]);
    out.push(Inline::Emph(vec![Inline::Text(
        text[range.clone()].to_string(),
    )]));
    out.extend(link_inlines(&text[range.end..]));
    out
}

#[cfg(test)]
mod tests {
    use super::parse_citation;

    /// The italic part of a citation, as text.
    fn italic(citation: &str) -> Option<&str> {
        parse_citation(citation).emphasis.map(|r| &citation[r])
    }

    #[test]
    fn the_samples_periodicals_and_sites_are_italic() {
        for (citation, name) in [
            (
                "Merat, A. (2018, November 9). Terrorists, cultists – or champions of Iranian democracy? The wild wild story of the mek. The Guardian.",
                "The Guardian",
            ),
            (
                "Hussain, M., & Lacy, A. (2023, February 13). Amid ongoing Iran protests, Congress boosts cultish MEK Exile Group. The Intercept.",
                "The Intercept",
            ),
            (
                "Cole, M. C., & Hussain, M. (2020, March 23). Defectors tell of torture and forced sterilization in militant Iranian cult. The Intercept.",
                "The Intercept",
            ),
        ] {
            assert_eq!(italic(citation), Some(name), "{citation}");
        }
    }

    #[test]
    fn journals_lose_their_volume_and_books_italicise_the_title() {
        assert_eq!(
            italic(
                "Doe, J. (2019). Harbour strikes. Journal of Maritime History, 12(3), 45–67. https://doi.org/10.1/x"
            ),
            Some("Journal of Maritime History")
        );
        assert_eq!(
            italic("Doe, J. (2014). Ports of the north. Penguin Books."),
            Some("Ports of the north")
        );
        assert_eq!(
            italic("Baker, T. (2016). Orchards under Pressure. Leeds: Imagined Press."),
            Some("Orchards under Pressure")
        );
        assert_eq!(
            italic("Masters, Jonathan. Mujahadeen. New York: Lantern, 2014."),
            Some("Mujahadeen")
        );
    }

    #[test]
    fn chicago_and_mla_shapes() {
        assert_eq!(
            italic(
                "Cole, Matthew, and Murtaza Hussain. “Defectors Tell of Torture.” The Intercept, March 23, 2020. https://theintercept.com/2020/03/23/x/."
            ),
            Some("The Intercept")
        );
        assert_eq!(
            italic(
                "Roe, Ann. “Harbour Strikes.” Journal of Cold War Studies 12, no. 3 (2019): 45–67."
            ),
            Some("Journal of Cold War Studies")
        );
    }

    #[test]
    fn without_a_recognisable_work_nothing_is_italic() {
        for citation in ["Ibid", "", "   "] {
            assert_eq!(italic(citation), None, "{citation}");
        }
    }

    #[test]
    fn every_cut_of_a_citation_gives_a_range_inside_it_or_none() {
        let whole = "Rüdiger, É. (2018, 9 мая). “Titel.” Die Zeit — Ä. (n.d.). Ö: Verlag, 12(3). https://x.org/ä";
        let cuts = whole.char_indices().map(|(i, _)| i).chain([whole.len()]);
        for cut in cuts {
            let text = &whole[..cut];
            if let Some(range) = parse_citation(text).emphasis {
                assert!(
                    text.get(range.clone()).is_some_and(|t| !t.is_empty()),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn ranges_count_from_the_untrimmed_citation() {
        let citation = "  Doe, J. (2001, May 3). A title. The Guardian. ";
        assert_eq!(italic(citation), Some("The Guardian"));
    }
}
