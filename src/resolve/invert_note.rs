//! A full note's citation in bibliography form: a footnote names its first author
//! given name first and runs on with commas ("James D. Watson, *The Double Helix* (New
//! York: Atheneum, 1968)"); the bibliography inverts that name and ends each part with
//! a full stop ("Watson, James D. *The Double Helix*. New York: Atheneum, 1968.",
//! Chicago 14.20). Only the order and the punctuation change, never a word; where the
//! note's shape is not the plain one this reads, it stays as written.

use std::ops::Range;

use super::parse_citation::Citation;

/// The bibliography form of `text`, a full note's citation whose parse is `parsed`,
/// with `italics` (ranges of `text`) moved to where their words now stand; `None` when
/// the note is not written given name first, or its title is neither quoted nor in
/// italics directly after the names.
pub(super) fn bibliography_form(
    text: &str,
    italics: &[Range<usize>],
    parsed: &Citation,
) -> Option<(String, Vec<Range<usize>>)> {
    let first = parsed.details.names.first()?;
    let lead = parsed.authors.first()?;
    // An organisation's name has no given name to put last: only the punctuation
    // after it changes ("Colonial Office, *Report*" → "Colonial Office. *Report*").
    let given = if first.organisation {
        if parsed.authors.len() > 1 {
            return None;
        }
        None
    } else {
        let given = first.given.as_deref()?;
        if *lead != format!("{given} {}", first.family) {
            return None;
        }
        Some(given)
    };
    // Every name as written, in order, joined by commas and "and": the names end at the
    // last one, and a comma then the title follows.
    let mut end = 0;
    for (i, name) in parsed.authors.iter().enumerate() {
        let gap = text.get(end..)?.find(name.as_str())?;
        let between = &text[end..end + gap];
        let joins = i == 0 && gap == 0
            || i > 0 && matches!(between, ", " | " and " | ", and " | " & " | ", & ");
        if !joins {
            return None;
        }
        end += gap + name.len();
    }
    if !text[end..].starts_with(", ") || text[..end].contains("et al") {
        return None;
    }
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let rest = &text[lead.len()..end];
    let mut names = match given {
        Some(given) => format!("{}, {given}", first.family),
        None => lead.clone(),
    };
    if let Some(and) = rest.strip_prefix(" and ") {
        names.push_str(", and ");
        names.push_str(and);
    } else {
        names.push_str(rest);
    }
    let stop = if names.ends_with('.') { " " } else { ". " };
    names.push_str(stop);
    edits.push((0..end + 2, names));
    let title = end + 2;
    if text[title..].starts_with('“') {
        // “Title,” → “Title.”
        let close = title + text[title..].find('”')?;
        if !text[..close].ends_with(',') {
            return None;
        }
        edits.push((close - 1..close, ".".to_string()));
    } else {
        let italic = italics.iter().find(|r| r.start == title)?;
        let after = &text[italic.end..];
        if let Some(facts) = after.strip_prefix(" (") {
            // *Title* (Place: Publisher, 1968) → *Title*. Place: Publisher, 1968
            let close = italic.end + 2 + facts.find(')')?;
            if text[italic.end + 2..close].contains('(') || !text[close + 1..].starts_with('.') {
                return None;
            }
            edits.push((italic.end..italic.end + 2, ". ".to_string()));
            edits.push((close..close + 1, String::new()));
        } else if after.starts_with(", ") {
            edits.push((italic.end..italic.end + 1, ".".to_string()));
        } else if !after.starts_with('.') {
            return None;
        }
    }
    Some(apply(text, italics, &edits))
}

/// `text` with `edits` (sorted, apart) made, and `italics` moved with their words.
fn apply(
    text: &str,
    italics: &[Range<usize>],
    edits: &[(Range<usize>, String)],
) -> (String, Vec<Range<usize>>) {
    let mut out = String::with_capacity(text.len() + 8);
    let mut at = 0;
    // Where each edit's end lands, to move positions after it.
    let mut shifts: Vec<(usize, isize)> = Vec::new();
    for (range, with) in edits {
        out.push_str(&text[at..range.start]);
        out.push_str(with);
        at = range.end;
        shifts.push((range.end, out.len() as isize - range.end as isize));
    }
    out.push_str(&text[at..]);
    let moved = |p: usize| {
        let shift = shifts
            .iter()
            .rev()
            .find(|(end, _)| *end <= p)
            .map_or(0, |(_, s)| *s);
        (p as isize + shift) as usize
    };
    let italics = italics
        .iter()
        .map(|r| moved(r.start)..moved(r.end))
        .collect();
    (out, italics)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::parse_citation::parse_citation;

    /// The bibliography form of a note written with `*…*` for italics, in the same
    /// notation.
    fn inverted(note: &str) -> Option<String> {
        let (plain, italics) = unmark(note);
        let parsed = parse_citation(note);
        let (text, italics) = bibliography_form(&plain, &italics, &parsed)?;
        let mut marked = text.clone();
        for r in italics.iter().rev() {
            marked.insert(r.end, '*');
            marked.insert(r.start, '*');
        }
        Some(marked)
    }

    fn unmark(note: &str) -> (String, Vec<Range<usize>>) {
        let mut plain = String::new();
        let mut italics = Vec::new();
        let mut open = None;
        for c in note.chars() {
            if c == '*' {
                match open.take() {
                    Some(start) => italics.push(start..plain.len()),
                    None => open = Some(plain.len()),
                }
            } else {
                plain.push(c);
            }
        }
        (plain, italics)
    }

    #[test]
    fn a_book_note_becomes_a_bibliography_entry() {
        assert_eq!(
            inverted("James D. Watson, *The Double Helix* (New York: Atheneum, 1968).").as_deref(),
            Some("Watson, James D. *The Double Helix*. New York: Atheneum, 1968.")
        );
    }

    #[test]
    fn an_article_note_with_two_authors_becomes_a_bibliography_entry() {
        assert_eq!(
            inverted(
                "Rosalind Franklin and Raymond G. Gosling, “Molecular Configuration in Sodium Thymonucleate,” *Nature* 171, no. 4356 (1953): 740–41."
            )
            .as_deref(),
            Some(
                "Franklin, Rosalind, and Raymond G. Gosling. “Molecular Configuration in Sodium Thymonucleate.” *Nature* 171, no. 4356 (1953): 740–41."
            )
        );
    }

    #[test]
    fn an_organisation_keeps_its_name_and_takes_full_stops() {
        assert_eq!(
            inverted("Colonial Office, *Annual Report on the Gold Coast* (London: HMSO, 1950).")
                .as_deref(),
            Some("Colonial Office. *Annual Report on the Gold Coast*. London: HMSO, 1950.")
        );
    }

    #[test]
    fn other_shapes_stay_as_written() {
        // Already inverted, an editor's note, "et al.", no title mark.
        for note in [
            "Watson, James D. *The Double Helix*. New York: Atheneum, 1968.",
            "Gordon N. Ray, ed., *The Letters* (Cambridge: Harvard, 1945).",
            "José L. Almendro et al., *Signalhorn* (Madrid: Press, 1998).",
            "James D. Watson, The Double Helix, New York: Atheneum, 1968.",
        ] {
            assert_eq!(inverted(note), None, "{note}");
        }
    }
}
