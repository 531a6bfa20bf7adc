//! Stage 4: the part of each full citation printed in italics, where APA, Chicago and
//! MLA put it: the periodical or site of an article ("The Guardian"), the title of a
//! book. It is read off the shape of the citation, conservatively: when the shape is
//! not recognised, nothing is italic.
//!
//! - APA "Merat, A. (2018, November 9). Article title. The Guardian." → the last
//!   sentence, when it reads as a name; "Doe, J. (2014). Book title. Lantern University
//!   Press." → the title, when the last sentence names a publisher.
//! - Chicago and MLA "Cole, Matthew. “Article Title.” The Intercept, March 23, 2020." →
//!   the name after the quoted title; "Masters, Jonathan. Book Title. New York: Lantern,
//!   2014." → the title, when a place and publisher follow it.
//!
//! URLs and whatever follows the first one are never italic. Only works-cited notes are
//! marked: Ibid, short forms and Markdown footnotes (which carry their own emphasis)
//! are printed as written.

use std::ops::Range;

use super::parse_citation::{apa_after_date, link_inlines, looks_like_names, url_ranges};
use crate::model::{Block, Document, Inline, NoteKind};

/// Lowercase words a periodical's or publisher's name may hold ("Council on Foreign
/// Relations", "Journal of the History of Ideas").
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "at", "de", "del", "der", "des", "di", "du", "for", "in", "la", "le", "of",
    "on", "the", "to", "und", "y", "&",
];

/// Words that make the last part of a citation the publisher of a book or report, not
/// a periodical.
const PUBLISHER_WORDS: &[&str] = &[
    "Press",
    "Publishing",
    "Publishers",
    "Publications",
    "Books",
    "Presses",
    "University",
    "Université",
    "Universität",
    "Verlag",
    "Editions",
    "Éditions",
    "Routledge",
    "Wiley",
    "Penguin",
    "Macmillan",
    "Springer",
    "Elsevier",
    "HarperCollins",
    "Bloomsbury",
    "Palgrave",
    "Verso",
    "Norton",
];

/// First words of a last part that is no name ("Retrieved from", "In J. Doe (Ed.)").
const NOT_NAMES: &[&str] = &[
    "Retrieved",
    "Accessed",
    "Available",
    "Archived",
    "Ibid",
    "In",
    "Vol",
    "Edited",
    "Translated",
];

/// A periodical's name is short: longer runs are sentences of a title.
const MAX_NAME_CHARS: usize = 90;
const MAX_NAME_WORDS: usize = 10;

/// Sets [`Note::emphasis`] on full works-cited notes (putting that range in an
/// [`Inline::Emph`] of the body) and [`Source::emphasis`] on every source.
///
/// [`Note::emphasis`]: crate::model::Note::emphasis
/// [`Source::emphasis`]: crate::model::Source::emphasis
pub(super) fn mark_titles(doc: &mut Document) {
    for note in &mut doc.notes {
        if note.kind != NoteKind::Full || note.label.is_some() {
            continue;
        }
        let Some(range) = emphasis(&note.text) else {
            continue;
        };
        let [Block::Paragraph { content, .. }] = note.body.as_mut_slice() else {
            continue;
        };
        *content = emphasized(&note.text, &range);
        note.emphasis = Some(range);
    }
    for source in &mut doc.sources {
        source.emphasis = emphasis(&source.citation);
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

/// The byte range of `citation` to print in italics, if its shape says which.
pub(super) fn emphasis(citation: &str) -> Option<Range<usize>> {
    let lead = citation.len() - citation.trim_start().len();
    let text = citation.trim();
    let end = url_ranges(text).first().map_or(text.len(), |r| r.start);
    let found = match apa_after_date(text) {
        Some(at) if at < end => apa(&text[..end], at),
        Some(_) => None,
        None => chicago(&text[..end]),
    }?;
    Some(found.start + lead..found.end + lead)
}

/// APA, from the end of the date on: "Title. Periodical, 12(3), 45–67." or "Title.
/// Publisher." The title may hold several sentences; the last one names the
/// periodical or the publisher.
fn apa(text: &str, at: usize) -> Option<Range<usize>> {
    let parts = sentences(text, at);
    let [first, .., last] = parts.as_slice() else {
        return None;
    };
    let title = first.start..parts[parts.len() - 2].end;
    if ends_with_initial(&text[title.clone()]) {
        // "U.S. Department of State" split at "U.S.": the name is not whole.
        return None;
    }
    let last_text = &text[last.clone()];
    // "Leeds: Imagined Press", "Lyon : Presses du Nord": a place before the publisher.
    let publisher = match last_text.rsplit_once(": ") {
        Some((place, publisher)) if name_like(place.trim_end()) => publisher,
        _ => last_text,
    };
    if is_publisher(publisher) {
        return book_title(text, title);
    }
    let name_len = last_text.find(',').unwrap_or(last_text.len());
    let name = trim_range(text, last.start..last.start + name_len);
    name_like(&text[name.clone()]).then_some(name)
}

/// Chicago and MLA: the name after a quoted title, or the title of a book followed by
/// its place and publisher.
fn chicago(text: &str) -> Option<Range<usize>> {
    if let Some(after) = quoted_title_end(text) {
        let start =
            after + (text[after..].len() - text[after..].trim_start_matches([' ', '.', ',']).len());
        let end = name_end(text, start);
        let name = trim_range(text, start..drop_volume(text, start, end));
        let name_text = &text[name.clone()];
        return (name_like(name_text) && !is_publisher(name_text)).then_some(name);
    }
    let parts = sentences(text, 0);
    let [names, title, imprint, ..] = parts.as_slice() else {
        return None;
    };
    if !looks_like_names(&text[names.clone()]) || ends_with_initial(&text[names.clone()]) {
        return None;
    }
    let imprint = &text[imprint.clone()];
    let placed = imprint
        .split_once(": ")
        .is_some_and(|(place, rest)| name_like(place) && !rest.trim().is_empty());
    let publisher = imprint.split(',').next().is_some_and(is_publisher);
    if placed || publisher {
        book_title(text, title.clone())
    } else {
        None
    }
}

/// Where the closing quote of the first quoted title ends, if a name can follow it.
fn quoted_title_end(text: &str) -> Option<usize> {
    let open = text.find(['“', '"'])?;
    let inner = open + text[open..].chars().next().map_or(1, char::len_utf8);
    let close = inner + text[inner..].find(['”', '"'])?;
    let end = close + text[close..].chars().next().map_or(1, char::len_utf8);
    (end < text.len()).then_some(end)
}

/// The end of a name starting at `start`: a comma, a parenthesis or the end of the
/// sentence.
fn name_end(text: &str, start: usize) -> usize {
    let rest = &text[start..];
    let mut end = rest.len();
    for (i, c) in rest.char_indices() {
        let stops = match c {
            ',' | '(' | ';' => true,
            '.' => rest[i + 1..].chars().next().is_none_or(char::is_whitespace),
            _ => false,
        };
        if stops {
            end = i;
            break;
        }
    }
    start + end
}

/// "Journal of Cold War Studies 12" → without the volume number.
fn drop_volume(text: &str, start: usize, end: usize) -> usize {
    let mut end = end;
    while let Some(space) = text[start..end].trim_end().rfind(' ') {
        let word = text[start + space + 1..end].trim_end();
        if !word.starts_with(|c: char| c.is_ascii_digit()) {
            break;
        }
        end = start + space;
    }
    end
}

/// A book's title, without an edition, volume or description after it:
/// "Ports of the north (2nd ed.)" → "Ports of the north".
fn book_title(text: &str, title: Range<usize>) -> Option<Range<usize>> {
    let mut end = title.end;
    let written = &text[title.clone()];
    // "(MEK)" belongs to the title; "(2nd ed.)", "(Vol. 2)" and "[Report]" do not.
    let described = match written.chars().next_back() {
        Some(')') => written.rfind(" (").filter(|&open| {
            let inner = &written[open..];
            inner.contains("ed.") || inner.contains("Vol.") || inner.contains("vol.")
        }),
        Some(']') => written.rfind(" ["),
        _ => None,
    };
    if let Some(open) = described {
        end = title.start + open;
    }
    let title = trim_range(text, title.start..end);
    let inner = &text[title.clone()];
    let plausible = !inner.is_empty()
        && inner.starts_with(char::is_uppercase)
        && !inner.contains(['“', '”', '"']);
    plausible.then_some(title)
}

/// The sentences of `text` from `from` on, trimmed: each ends at a period (left out),
/// a question or exclamation mark (kept) followed by a space or the end.
fn sentences(text: &str, from: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = from;
    for (i, c) in text[from..].char_indices() {
        let i = from + i;
        if !matches!(c, '.' | '?' | '!') {
            continue;
        }
        if !text[i + 1..].chars().next().is_none_or(char::is_whitespace) {
            continue;
        }
        let end = if c == '.' { i } else { i + 1 };
        let part = trim_range(text, start..end);
        if !part.is_empty() {
            out.push(part);
        }
        start = i + 1;
    }
    let part = trim_range(text, start..text.len());
    if !part.is_empty() {
        out.push(part);
    }
    out
}

/// `range` without spaces, periods and commas at either end.
fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let part = &text[range.clone()];
    let start = range.start + (part.len() - part.trim_start_matches([' ', '.', ',']).len());
    let end = range.end - (part.len() - part.trim_end_matches([' ', '.', ',']).len());
    start..end.max(start)
}

/// "The Guardian", "Council on Foreign Relations": short, capitalised words (small
/// words aside), no digits, no sentence punctuation.
fn name_like(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    name.chars().count() <= MAX_NAME_CHARS
        && words.len() <= MAX_NAME_WORDS
        && first.starts_with(char::is_uppercase)
        && !NOT_NAMES.contains(&first.trim_end_matches(['.', ',', ':']))
        && !name.chars().any(|c| {
            c.is_ascii_digit() || matches!(c, ':' | '"' | '“' | '”' | '?' | '!' | '[' | ']')
        })
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || SMALL_WORDS.contains(w)
                || w.strip_prefix('(')
                    .is_some_and(|w| w.starts_with(char::is_uppercase))
        })
}

/// "Oxford University Press", "Penguin Books", "Presses imaginaires" — but "Associated
/// Press" is a news agency.
fn is_publisher(name: &str) -> bool {
    name.starts_with(char::is_uppercase)
        && name.split_whitespace().count() <= MAX_NAME_WORDS
        && !name
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, ':' | '?' | '!'))
        && !name.contains("Associated Press")
        && name
            .split_whitespace()
            .any(|w| PUBLISHER_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// "U.S", "Smith, J": a sentence cut at an initial's period, not at its end.
fn ends_with_initial(text: &str) -> bool {
    let mut chars = text.chars().rev();
    let last = chars.next();
    let before = chars.next();
    last.is_some_and(char::is_uppercase) && before.is_none_or(|c| c == '.' || c == ' ')
}

#[cfg(test)]
mod tests {
    use super::emphasis;

    /// The italic part of a citation, as text.
    fn italic(citation: &str) -> Option<&str> {
        emphasis(citation).map(|r| &citation[r])
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
            (
                "Masters, J. (2014, July 28). Mujahadeen-e-Khalq (MEK). Council on Foreign Relations.",
                "Council on Foreign Relations",
            ),
            ("Human Rights Watch. (2019, May 2). No exit. HRW.", "HRW"),
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
            italic("Doe, J. (2014). Ports of the north (2nd ed.). Lantern University Press."),
            Some("Ports of the north")
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
            italic("Dumoulin, C. (1985). Les Bateliers du Rhône. Lyon : Presses imaginaires."),
            Some("Les Bateliers du Rhône")
        );
        assert_eq!(
            italic("Doe, J. (2015). The delta (1979–1981) [Report]. Lantern Press."),
            Some("The delta (1979–1981)")
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
            italic("Merat, Arron. \"Terrorists.\" The Guardian, 9 Nov. 2018."),
            Some("The Guardian")
        );
        assert_eq!(
            italic(
                "Roe, Ann. “Harbour Strikes.” Journal of Cold War Studies 12, no. 3 (2019): 45–67."
            ),
            Some("Journal of Cold War Studies")
        );
        assert_eq!(
            italic("Masters, Jonathan. Mujahadeen. New York: Lantern, 2014."),
            Some("Mujahadeen")
        );
        assert_eq!(
            italic("Roe, Ann. “A Chapter.” In The Harbour Book, edited by J. Doe, 1–20."),
            None
        );
    }

    #[test]
    fn without_a_recognisable_periodical_nothing_is_italic() {
        for citation in [
            "Doe, J. (2001). A title.",
            "Doe, J. (2001). A title. https://example.org/The-Guardian",
            "Doe, J. (2001). A title. Retrieved from https://example.org/x",
            "Doe, J. (2001). A title. accessed in the archive",
            "Doe, J. (2019). Policy review. U.S. Department of State.",
            "Smith, J. (2001). Title. 2001 Annual Report 4.",
            "Masters, Jonathan. Mujahadeen-e-Khalq (MEK). Council on Foreign Relations, 2014.",
            "A line of prose that cites nothing in particular.",
            "Ibid",
            "",
        ] {
            assert_eq!(italic(citation), None, "{citation}");
        }
    }

    #[test]
    fn a_url_is_never_italic() {
        let citation =
            "Doe, J. (2001). A title. The Guardian. https://www.theguardian.com/The-Guardian";
        let range = emphasis(citation).expect("The Guardian");
        assert_eq!(&citation[range.clone()], "The Guardian");
        assert!(range.end <= citation.find("https").unwrap_or(0));
        assert_eq!(
            italic("Doe, J. (2001). www.Example.org. Another Example."),
            None
        );
    }

    #[test]
    fn every_cut_of_a_citation_gives_a_range_inside_it_or_none() {
        let whole = "Rüdiger, É. (2018, 9 мая). “Titel.” Die Zeit — Ä. (n.d.). Ö: Verlag, 12(3). https://x.org/ä";
        let cuts = whole.char_indices().map(|(i, _)| i).chain([whole.len()]);
        for cut in cuts {
            let text = &whole[..cut];
            if let Some(range) = emphasis(text) {
                assert!(
                    text.get(range.clone()).is_some_and(|t| !t.is_empty()),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn ranges_count_from_the_untrimmed_citation() {
        let citation = "  Doe, J. (2001). A title. The Guardian. ";
        assert_eq!(italic(citation), Some("The Guardian"));
    }
}
