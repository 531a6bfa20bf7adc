//! Stage 3: resolve each works-cited note to a source and build the bibliography.
//!
//! Notes are read in works-cited order, because "Ibid" means the note written just
//! above. A full citation starts a source unless the same citation (compared loosely)
//! came before; a short form joins the earlier full citation whose authors and title
//! both agree — never by author alone — and is otherwise left unresolved.

use std::collections::HashMap;

use super::build_notes::Built;
use super::parse_citation::{Citation, fold, parse_citation, parse_ibid, split_locator};
use crate::diag::Diagnostic;
use crate::model::{Document, NoteKind, Source};

/// A source while notes are still being read; ids come later, by first citation.
struct Work {
    citation: String,
    parsed: Citation,
    title_key: String,
}

/// Sets kind, source and locator of every works-cited note and fills `doc.sources`.
pub(super) fn resolve_sources(doc: &mut Document, built: &Built) {
    let file = doc.meta.source_file.clone();
    let mut works: Vec<Work> = Vec::new();
    let mut by_citation: HashMap<String, usize> = HashMap::new();
    let mut by_first_author: HashMap<String, Vec<usize>> = HashMap::new();
    // The work of each note (by index into doc.notes).
    let mut work_of: Vec<Option<usize>> = vec![None; doc.notes.len()];
    // The source of the note written just above: `None` after an empty or unresolved one.
    let mut previous: Option<usize> = None;

    for &index in &built.entry_notes {
        let Some(note) = doc.notes.get_mut(index) else {
            continue;
        };
        if note.kind == NoteKind::Empty {
            previous = None;
            continue;
        }
        if let Some(locator) = parse_ibid(&note.text) {
            note.kind = NoteKind::Ibid;
            note.locator = locator;
            if previous.is_none() {
                doc.diagnostics.push(
                    Diagnostic::warning(
                        "W-IBID-UNRESOLVED",
                        &file,
                        note.span,
                        format!(
                            "note {} says Ibid but the note before it has no source",
                            note.number
                        ),
                    )
                    .with_hint("write the full citation instead of Ibid"),
                );
            }
            work_of[index] = previous;
            continue;
        }
        let key = citation_key(&note.text);
        if let Some(&work) = by_citation.get(&key) {
            note.kind = NoteKind::Full;
            work_of[index] = Some(work);
            previous = Some(work);
            continue;
        }
        let (body, locator) = split_locator(&note.text);
        let short_form = locator
            .is_some()
            .then(|| parse_citation(body))
            .filter(is_short);
        let (parsed, locator) = match short_form {
            Some(parsed) => (parsed, locator),
            None => (parse_citation(&note.text), None),
        };
        let title_key = parsed.title.as_deref().map(fold).unwrap_or_default();
        if is_short(&parsed) {
            note.kind = NoteKind::Short;
            note.locator = locator;
            let found = find_full(&works, &by_first_author, &parsed, &title_key);
            if found.is_none() {
                doc.diagnostics.push(
                    Diagnostic::warning(
                        "W-SHORT-UNRESOLVED",
                        &file,
                        note.span,
                        format!(
                            "note {} is a short citation with no earlier full citation of the same authors and title",
                            note.number
                        ),
                    )
                    .with_hint("give the full citation the first time this work is cited"),
                );
            }
            work_of[index] = found;
            previous = found;
            continue;
        }
        note.kind = NoteKind::Full;
        let work = works.len();
        by_citation.insert(key, work);
        if let Some(first) = parsed.surnames.first() {
            by_first_author.entry(first.clone()).or_default().push(work);
        }
        works.push(Work {
            citation: note.text.clone(),
            parsed,
            title_key,
        });
        work_of[index] = Some(work);
        previous = Some(work);
    }

    doc.sources = number_sources(doc, works, &work_of);
}

/// A short form names authors and a title but no year or URL ("Merat, A., Title").
fn is_short(parsed: &Citation) -> bool {
    parsed.year.is_none()
        && parsed.url.is_none()
        && !parsed.surnames.is_empty()
        && parsed.title.as_deref().is_some_and(|t| !fold(t).is_empty())
}

/// The earlier full citation a short form stands for: same first author, every named
/// author among its authors, and the same title (a short title may be truncated).
fn find_full(
    works: &[Work],
    by_first_author: &HashMap<String, Vec<usize>>,
    short: &Citation,
    title_key: &str,
) -> Option<usize> {
    let first = short.surnames.first()?;
    let candidates = by_first_author.get(first)?;
    candidates.iter().rev().copied().find(|&w| {
        let full = &works[w];
        let authors_agree = short
            .surnames
            .iter()
            .all(|s| full.parsed.surnames.contains(s));
        let title_agrees = full.title_key == title_key
            || (title_key.len() >= 10
                && full.title_key.starts_with(title_key)
                && full.title_key[title_key.len()..].starts_with(' '));
        authors_agree && title_agrees
    })
}

/// Gives ids "s1", "s2", … by first citation in reading order, records each source's
/// notes, and sorts the bibliography by author and year.
fn number_sources(doc: &mut Document, works: Vec<Work>, work_of: &[Option<usize>]) -> Vec<Source> {
    let mut id_of: Vec<Option<usize>> = vec![None; works.len()];
    let mut order = Vec::with_capacity(works.len());
    let mut numbers: Vec<Vec<u32>> = vec![Vec::new(); works.len()];
    for (note, work) in doc.notes.iter_mut().zip(work_of) {
        let Some(work) = *work else { continue };
        let id = *id_of[work].get_or_insert_with(|| {
            order.push(work);
            order.len()
        });
        note.source = Some(format!("s{id}"));
        numbers[work].push(note.number);
    }
    let mut works: Vec<Option<Work>> = works.into_iter().map(Some).collect();
    let mut sources: Vec<Source> = order
        .iter()
        .enumerate()
        .filter_map(|(i, &w)| {
            let work = works[w].take()?;
            let mut notes = std::mem::take(&mut numbers[w]);
            notes.sort_unstable();
            Some(source(format!("s{}", i + 1), work, notes))
        })
        .collect();
    // Stable: equal keys keep the order of first citation.
    sources.sort_by(|a, b| a.sort_key.cmp(&b.sort_key));
    sources
}

fn source(id: String, work: Work, notes: Vec<u32>) -> Source {
    let Citation {
        authors,
        surnames,
        year,
        title,
        url,
        details,
        emphasis,
    } = work.parsed;
    let sort_key = match surnames.first() {
        Some(surname) => format!("{surname} {}", year.as_deref().unwrap_or("")),
        None => fold(title.as_deref().unwrap_or(&work.citation)),
    };
    Source {
        id,
        citation: work.citation,
        authors,
        year,
        title,
        url,
        details,
        emphasis,
        inlines: Vec::new(),
        sort_key: sort_key.trim().to_lowercase(),
        notes,
    }
}

/// Identical citations written twice compare equal: case, spacing and trailing
/// punctuation aside.
fn citation_key(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .trim_end_matches(['.', ',', ';', ':', ' '])
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citation_key_ignores_case_spacing_and_final_period() {
        assert_eq!(
            citation_key("Merat, A.  (2018).  Title. The Guardian. "),
            citation_key("merat, a. (2018). title. the guardian")
        );
        assert_ne!(citation_key("Merat (2018)"), citation_key("Merat (2019)"));
    }
}
