//! Books and articles in the Bluebook's form (US law reviews and briefs), read by rule:
//! the author's name as written, a comma, the title, and for an article the volume,
//! the journal's abbreviation and the first page; the page the note points to; the
//! year alone in parentheses at the end.
//!
//! - "PHILIPPA STRUM, LOUIS D. BRANDEIS: JUSTICE FOR THE PEOPLE 41–76 (1984)."
//! - "Philippa Strum, *Louis D. Brandeis: Justice for the People* 41–76 (1984)."
//! - "LAURENCE H. TRIBE, AMERICAN CONSTITUTIONAL LAW § 15-3, at 1308 (2d ed. 1988)."
//! - "Samuel D. Warren & Louis D. Brandeis, The Right to Privacy, 4 HARV. L. REV. 193,
//!   195 (1890)."
//!
//! The labeller, trained on scholarly styles, reads the book's title into its names
//! ("PHILIPPA STRUM, LOUIS D." as two authors) and its pinpoint into its title: it has
//! seen no titles in capitals and no page between a title and its year. What a note
//! points to ("41–76", "§ 15-3, at 1308", "195") is its pinpoint: the note's, not the
//! work's. Only the whole shape is taken: a name list with no lowercase word, a title
//! with no sentence break, and a parenthetical holding an edition and a year and
//! nothing else (Chicago's "(Szeged: Tisza Press, 2012)" has a colon).

use std::ops::Range;

use super::describe_tokens::{is_initial, is_year};
use super::read_legal::{read_report, words};
use super::split_names::is_suffix;
use super::types::Label;
use crate::model::WorkKind;

/// A citation read in the Bluebook's form.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Bluebook {
    /// Each token's label, for the field reader.
    pub labels: Vec<Label>,
    /// A book or an article.
    pub kind: WorkKind,
    /// The page (or section and page) the note points to.
    pub pinpoint: Option<Range<usize>>,
}

/// The most words an author list runs to ("Samuel D. Warren & Louis D. Brandeis").
const MAX_NAME_WORDS: usize = 12;

/// The most words of the closing parenthetical ("2d ed. 1988", "rev. ed. 2004").
const MAX_PAREN_WORDS: usize = 4;

/// Words that join or end names in an author list.
const NAME_LINKS: &[&str] = &["&", "and", "et", "al.", "ET", "AL."];

/// Reads `text` in the Bluebook's form for a book or an article, labelling `tokens`;
/// `None` when it is not in that form.
pub(super) fn read_bluebook(text: &str, tokens: &[Range<usize>]) -> Option<Bluebook> {
    if text.contains("://") || !text.contains(", ") {
        return None;
    }
    let body = text.trim_end().trim_end_matches('.');
    let inner_end = body.strip_suffix(')').map(str::len)?;
    let open = body[..inner_end].rfind('(')?;
    let paren = open + 1..inner_end;
    let year_at = read_paren(body, paren.clone())?;
    let before = body[..open].trim_end();
    let names = read_names(before)?;
    let rest = before.len() - before[names.end..].trim_start_matches([',', ' ']).len();
    let (kind, spans) = match read_article(text, rest..before.len()) {
        Some(spans) => (WorkKind::Article, spans),
        None => (WorkKind::Book, read_book(text, rest..before.len())?),
    };
    let mut spans = spans;
    spans.push((Label::Author, names));
    spans.push((Label::Edition, open..year_at));
    spans.push((Label::Date, year_at..paren.end));
    // A token is labelled where its first letter, digit or section sign stands:
    // "(1984)." is the year's, "(2d" the edition's, "*Louis" the title's.
    let labels = tokens
        .iter()
        .map(|t| {
            let key = text[t.clone()]
                .find(|c: char| c.is_alphanumeric() || c == '§')
                .map_or(t.start, |i| t.start + i);
            spans
                .iter()
                .find(|(_, s)| s.contains(&key))
                .map_or(Label::Other, |(l, _)| *l)
        })
        .collect();
    let pinpoint = spans
        .iter()
        .find(|(l, _)| *l == Label::Other)
        .map(|(_, s)| s.clone());
    Some(Bluebook {
        labels,
        kind,
        pinpoint,
    })
}

/// The closing parenthetical's year, where it starts: "1984", "2d ed. 1988"; `None`
/// for anything else (a place and publisher, a court, a full date).
fn read_paren(body: &str, paren: Range<usize>) -> Option<usize> {
    let inner = &body[paren.clone()];
    let words: Vec<&str> = inner.split_whitespace().collect();
    let year = words.last().filter(|w| is_year(w))?;
    let edition = &words[..words.len() - 1];
    let ok = words.len() <= MAX_PAREN_WORDS
        && (edition.is_empty() || edition.last().is_some_and(|w| *w == "ed."));
    ok.then(|| paren.end - year.len())
}

/// The author list before the first comma: words that open with a capital (or join
/// names), the last a family name, not an initial; a suffix after a comma belongs to
/// it. One word ("Smith, John, …") is an inverted name, not this form.
fn read_names(before: &str) -> Option<Range<usize>> {
    let start = before.len() - before.trim_start_matches(['*', '_']).len();
    let comma = before.find(", ")?;
    let mut end = comma;
    // The Bluebook sets a generational suffix off by a comma: "MARTIN LUTHER KING, JR.,
    // WHY WE CAN'T WAIT".
    let after = &before[comma + 2..];
    if let Some(next) = after.find(", ").filter(|&n| is_suffix(&after[..n])) {
        end = comma + 2 + next;
    }
    let words: Vec<&str> = before[start..comma].split_whitespace().collect();
    let name_word = |w: &&str| {
        NAME_LINKS.contains(w)
            || w.starts_with(|c: char| c.is_uppercase())
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
    };
    let last = words.last()?;
    let capitals = |w: &str| !w.chars().any(char::is_lowercase);
    // Vancouver's initials after the name ("Varga I", "Beautrais AL").
    let initials = capitals(last) && last.len() <= 3 && !words.iter().all(|w| capitals(w));
    let ok = (2..=MAX_NAME_WORDS).contains(&words.len())
        && words.iter().all(name_word)
        && !is_initial(last)
        && !initials
        && !NAME_LINKS.contains(last);
    ok.then_some(start..end)
}

/// An article: its title, a comma, then "4 HARV. L. REV. 193" and a pinpoint after
/// ", ".
fn read_article(text: &str, rest: Range<usize>) -> Option<Vec<(Label, Range<usize>)>> {
    let part = &text[rest.clone()];
    // The report is the last ", <volume> " in the part that reads as one.
    let (at, report) = part
        .match_indices(", ")
        .map(|(i, _)| rest.start + i)
        .filter(|&i| text[i + 2..].starts_with(|c: char| c.is_ascii_digit()))
        .filter_map(|i| Some((i, read_report(&text[..rest.end], i + 2, true)?)))
        .last()?;
    let page = report.page.as_ref()?;
    let tail = &text[report.end..rest.end];
    let pin = match tail.strip_prefix(", ") {
        Some(p) if pin_words(p) => Some(report.end + 2..rest.end),
        None if tail.is_empty() => None,
        _ => return None,
    };
    let title = rest.start..at;
    if !title_shape(&text[title.clone()]) {
        return None;
    }
    let volume_end = at + 2 + report.volume.as_ref()?.len();
    let page_start = report.end - page.len();
    let mut spans = vec![
        (Label::Title, title),
        (Label::Volume, at + 2..volume_end),
        (Label::Journal, volume_end + 1..page_start),
        (Label::Pages, page_start..report.end),
    ];
    spans.extend(pin.map(|p| (Label::Other, p)));
    Some(spans)
}

/// A book: its title, then the pinpoint, if any: "41–76", "§ 15-3, at 1308".
fn read_book(text: &str, rest: Range<usize>) -> Option<Vec<(Label, Range<usize>)>> {
    let part = &text[rest.clone()];
    // The pinpoint is the run of page-like words at the end.
    let words: Vec<(usize, &str)> = words(part, 0)
        .into_iter()
        .map(|(start, end)| (start, &part[start..end]))
        .collect();
    let pin_from = words
        .iter()
        .rposition(|(_, w)| !pin_word(w))
        .map_or(0, |i| i + 1);
    // "§ 15-3, at 1308": the section sign opens it; "at" alone is no title's end.
    let pin_from = match words.get(pin_from.wrapping_sub(1)) {
        Some((_, w)) if matches!(*w, "§" | "§§") => pin_from - 1,
        _ => pin_from,
    };
    // A span of years ends the title, not a page range: "… 1700–1850 (2012)".
    let years = |p: &str| p.split(['–', '-']).filter(|y| is_year(y)).count() == 2;
    let pin = (pin_from < words.len())
        .then(|| rest.start + words[pin_from].0..rest.end)
        .filter(|p| !years(&text[p.clone()]));
    let title_end = match &pin {
        Some(p) => p.start - 1,
        None => rest.end,
    };
    let title = rest.start..title_end;
    if !title_shape(&text[title.clone()])
        || pin
            .as_ref()
            .is_some_and(|p| !text[p.clone()].starts_with(|c: char| c.is_ascii_digit() || c == '§'))
    {
        return None;
    }
    let mut spans = vec![(Label::Title, title)];
    spans.extend(pin.map(|p| (Label::Other, p)));
    Some(spans)
}

/// Whether every word of `part` is page-like: "195", "344–47", "n.5".
fn pin_words(part: &str) -> bool {
    part.split(' ').all(pin_word)
}

/// A word of a pinpoint: a page or range ("41–76", "12,"), a section ("15-3,"),
/// "at", "n.", "nn.", "&".
fn pin_word(word: &str) -> bool {
    let bare = word.trim_end_matches(',');
    matches!(bare, "at" | "n." | "nn." | "&")
        || !bare.is_empty()
            && bare.starts_with(|c: char| c.is_ascii_digit())
            && bare
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '–' | '-' | '—' | '.'))
        || bare
            .strip_prefix("n.")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a title reads as one: it opens with a letter or a mark, and has no
/// sentence break ("Smith. Title") nor a bracket.
fn title_shape(title: &str) -> bool {
    let title = title.trim_end_matches([',', ' ']);
    let opens =
        title.starts_with(|c: char| c.is_alphabetic() || matches!(c, '*' | '_' | '"' | '“'));
    let words: Vec<&str> = title.split_whitespace().collect();
    let breaks = words.windows(2).any(|w| {
        w[0].ends_with('.')
            && !is_initial(w[0])
            && w[0].chars().filter(|c| c.is_alphabetic()).count() > 3
            && w[1].starts_with(|c: char| c.is_uppercase())
    });
    // Unmarked, the Bluebook's title is in capitals or in title case: a sentence-case
    // title is another style's.
    // A marked title is marked whole: "“The Earliest Salt,” Antiquity 79, no." is
    // an article's title and its journal (Chicago's form), not a book's title.
    let marked = title.starts_with(['*', '_', '"', '“']);
    let closes = |open: char| {
        let close = match open {
            '“' => '”',
            other => other,
        };
        let inner = &title[open.len_utf8()..];
        inner.find(close).is_some_and(|at| {
            inner[at + close.len_utf8()..]
                .trim_matches([',', ' '])
                .is_empty()
        })
    };
    if marked && !title.chars().next().is_some_and(closes) {
        return false;
    }
    // Nor does a title end in an abbreviation ("…, no. 306"): that is a number's label.
    if words
        .last()
        .is_some_and(|w| w.ends_with('.') && !is_initial(w))
    {
        return false;
    }
    let title_case = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .all(|w| w.starts_with(|c: char| !c.is_lowercase()));
    opens
        && !words.is_empty()
        && !breaks
        && (marked || title_case)
        && !title.contains(['(', '[', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::split_tokens;

    /// The kind, the runs of labelled words, and the pinpoint.
    type Read = (WorkKind, Vec<(Label, String)>, Option<String>);

    fn fields(text: &str) -> Option<Read> {
        let tokens = split_tokens(text);
        let read = read_bluebook(text, &tokens)?;
        let mut runs: Vec<(Label, String)> = Vec::new();
        for (label, t) in read.labels.iter().zip(&tokens) {
            match runs.last_mut() {
                Some((l, s)) if l == label => {
                    s.push(' ');
                    s.push_str(&text[t.clone()]);
                }
                _ => runs.push((*label, text[t.clone()].to_string())),
            }
        }
        let pin = read.pinpoint.map(|p| text[p].to_string());
        Some((read.kind, runs, pin))
    }

    #[test]
    fn books_in_capitals_and_in_italics() {
        let (kind, runs, pin) =
            fields("PHILIPPA STRUM, LOUIS D. BRANDEIS: JUSTICE FOR THE PEOPLE 41–76 (1984).")
                .unwrap();
        assert_eq!(kind, WorkKind::Book);
        assert_eq!(
            runs,
            [
                (Label::Author, "PHILIPPA STRUM,".into()),
                (
                    Label::Title,
                    "LOUIS D. BRANDEIS: JUSTICE FOR THE PEOPLE".into()
                ),
                (Label::Other, "41–76".into()),
                (Label::Date, "(1984).".into()),
            ]
        );
        assert_eq!(pin.as_deref(), Some("41–76"));
        let (_, runs, pin) =
            fields("Philippa Strum, *Louis D. Brandeis: Justice for the People* (1984).").unwrap();
        assert_eq!(runs[1].1, "*Louis D. Brandeis: Justice for the People*");
        assert_eq!(pin, None);
        let (_, runs, pin) =
            fields("LAURENCE H. TRIBE, AMERICAN CONSTITUTIONAL LAW § 15-3, at 1308 (2d ed. 1988).")
                .unwrap();
        assert_eq!(runs[1].1, "AMERICAN CONSTITUTIONAL LAW");
        assert_eq!(runs[3], (Label::Edition, "(2d ed.".into()));
        assert_eq!(pin.as_deref(), Some("§ 15-3, at 1308"));
        let (_, runs, _) = fields("MARTIN LUTHER KING, JR., WHY WE CAN'T WAIT 77 (1964).").unwrap();
        assert_eq!(runs[0].1, "MARTIN LUTHER KING, JR.,");
        assert_eq!(runs[1].1, "WHY WE CAN'T WAIT");
    }

    #[test]
    fn articles_with_their_journal() {
        let (kind, runs, pin) = fields(
            "Samuel D. Warren & Louis D. Brandeis, The Right to Privacy, 4 HARV. L. REV. 193, 195 (1890).",
        )
        .unwrap();
        assert_eq!(kind, WorkKind::Article);
        assert_eq!(
            runs[..5],
            [
                (
                    Label::Author,
                    "Samuel D. Warren & Louis D. Brandeis,".into()
                ),
                (Label::Title, "The Right to Privacy,".into()),
                (Label::Volume, "4".into()),
                (Label::Journal, "HARV. L. REV.".into()),
                (Label::Pages, "193,".into()),
            ]
        );
        assert_eq!(pin.as_deref(), Some("195"));
    }

    #[test]
    fn other_forms_are_left_to_the_labeller() {
        for text in [
            // Chicago's note: publication facts in the parenthetical.
            "Ilona Varga, *The Salt Roads* (Szeged: Tisza Press, 2012).",
            // An inverted name, a case, a statute, APA.
            "Smith, John, The Salt Roads 23 (2012).",
            "Muller v. Oregon, 208 U.S. 412, 419 (1908).",
            "Civil Rights Act of 1964, Pub. L. No. 88-352, 78 Stat. 241 (1964).",
            "Smith, J. (2012). The salt roads. Tisza Press.",
            // Initials last, a sentence break in the "title", a full date.
            "Varga I, Salt roads (2012).",
            "Ilona Varga, Salt Roads. Trade and Power (2012).",
            "John Smith, Court Rules Again, N.Y. TIMES (Jan. 5, 2010).",
            // Chicago's article: a quoted title, the journal, its number.
            "Olivier Weller and Gheorghe Dumitroaia, “The Earliest Salt Production,” Antiquity 79, no. 306 (2005).",
        ] {
            assert_eq!(fields(text), None, "{text}");
        }
    }
}
