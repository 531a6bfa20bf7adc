//! Stage 4: resolve each citation to a source and build the bibliography.
//!
//! Citations are read in the order [`pick_citations`] gives, because "Ibid" means the
//! note written just above. A citation is, in this order: an Ibid or Id.; a repeat of
//! an earlier full citation (compared loosely); a short form of exactly one earlier
//! work ([`match_short`]); a new full citation. A short form that fits no earlier work,
//! or more than one equally, is left unresolved with a warning naming the candidates:
//! never guessed. A footnote that is none of these is commentary and keeps no source,
//! unless a citation stands inside it ("…; see Varga, *Salt Roads*, 23.").
//!
//! [`pick_citations`]: super::pick_citations
//! [`match_short`]: super::match_short

use std::ops::Range;

use rayon::prelude::*;

use super::decide_citation::{
    Decision, State, cited_parts, decide, full_then_more, further_parts, pinpoint, range_in, within,
};
use super::invert_note::bibliography_form;
use super::match_short::{MAX_NAMED, Work};
use super::parse_citation::{Citation, fold, parse_citation, parse_ibid};
use super::pick_citations::{Cited, Place, reads_as_reference};
use super::read_bibliography::{Listed, with_authors_of};
use super::read_cjk::is_cjk;
use super::read_cues::strip_lead_cue;
use super::read_short::without_locator;
use super::{Map, Set};
use crate::diag::Diagnostic;
use crate::model::{Document, Note, NoteKind, Source, Span};

/// Sets kind, source and locator of every citing note and fills `doc.sources`.
/// `listed` is a bibliography written as text: its works are known before the first
/// note, as a reader knows them, but only those a note cites become sources.
pub(super) fn resolve_sources(doc: &mut Document, cited: &[Cited], listed: &[Listed]) {
    let file = doc.meta.source_file.clone();
    let mut state = State::default();
    for entry in listed {
        let folded = fold(&entry.text);
        if state.by_folded.contains_key(&folded) {
            continue;
        }
        let parsed = parse_with_italics(&entry.text, &entry.italics);
        let work = state.works.add(entry.text.clone(), parsed, 0, &folded);
        state.by_folded.insert(folded, work);
    }
    let mut ahead = parse_ahead(doc, cited);
    // The work of each note (by index into doc.notes).
    let mut work_of: Vec<Option<usize>> = vec![None; doc.notes.len()];
    // The further works of each note that cites several.
    let mut also_of: Vec<Vec<usize>> = vec![Vec::new(); doc.notes.len()];

    for item in cited {
        let Some(note) = doc.notes.get_mut(item.note) else {
            continue;
        };
        if item.first {
            state.previous = None;
            state.previous_several = false;
        }
        if note.kind == NoteKind::Empty {
            state.previous = None;
            state.previous_several = false;
            continue;
        }
        let mut text = item.text.as_str();
        // "竹内好：《鲁迅》，…，第45页；王晓明，前引书，第100页。": a full CJK citation, then
        // short forms of other works.
        let mut further = Vec::new();
        if let Some((first, rest)) = full_then_more(text) {
            (text, further) = (first, rest);
        }
        let mut decision = decide(&state, text, item.place, item.reference);
        let mut inside = false;
        // Commentary, or a sentence that only looked like a short form, may cite inside.
        if matches!(decision, Decision::Commentary | Decision::Missing(_))
            && let Some((inner, reference, _)) = &item.embedded
        {
            let found = decide(&state, inner, Place::Footnote, *reference);
            if !matches!(found, Decision::Commentary) {
                (text, decision, inside) = (inner.as_str(), found, true);
            }
        }
        let (kind, work) = match decision {
            Decision::Commentary => {
                state.works.add_commentary(text.to_string(), note.number);
                (None, None)
            }
            Decision::Ibid(locator) => {
                note.locator = locator;
                if state.previous.is_none() {
                    let why = if state.previous_several {
                        "cites several works"
                    } else {
                        "has no source"
                    };
                    doc.diagnostics.push(
                        Diagnostic::warning(
                            "W-IBID-UNRESOLVED",
                            &file,
                            note.span,
                            format!(
                                "note {} says Ibid but the note before it {why}",
                                note.number
                            ),
                        )
                        .with_hint("write the full citation instead of Ibid"),
                    );
                }
                (Some(NoteKind::Ibid), state.previous)
            }
            Decision::Known {
                work,
                kind,
                locator,
            } => {
                note.locator = locator;
                (Some(kind), Some(work))
            }
            Decision::Several {
                work,
                locator,
                mut also,
                unlinked,
                fresh,
            } => {
                note.locator = locator;
                warn_unlinked(&mut doc.diagnostics, &file, note, &unlinked);
                let italics: &[Range<usize>] = match &item.embedded {
                    Some((_, _, italics)) if inside => italics,
                    _ => &item.italics,
                };
                let new = add_fresh(&mut state, (text, italics), &fresh, item.place, note.number);
                for other in new {
                    if other != work && !also.contains(&other) {
                        also.push(other);
                    }
                }
                also_of[item.note] = also;
                (Some(NoteKind::Short), Some(work))
            }
            Decision::Ambiguous { works, locator } => {
                note.locator = locator;
                let list: Vec<String> = works
                    .iter()
                    .take(MAX_NAMED)
                    .map(|&w| describe(&state.works.list[w]))
                    .collect();
                let more = works.len() > MAX_NAMED;
                doc.diagnostics.push(short_unresolved(
                    &file,
                    note.span,
                    format!(
                            "note {} is a short citation that fits {}{} earlier sources equally ({}{}); it is left unresolved",
                            note.number,
                            if more { "more than " } else { "" },
                            works.len().min(MAX_NAMED),
                            list.join("; "),
                            if more { "; …" } else { "" },
                        ),
                    "write a longer short title, or the full citation, so only one source fits",
                ));
                (Some(NoteKind::Short), None)
            }
            Decision::Missing(locator) => {
                note.locator = locator;
                doc.diagnostics.push(short_unresolved(
                    &file,
                    note.span,
                    format!(
                            "note {} is a short citation with no earlier full citation of the same authors and title",
                            note.number
                        ),
                    "give the full citation the first time this work is cited",
                ));
                (Some(NoteKind::Short), None)
            }
            Decision::New(folded) => {
                let italics: &[Range<usize>] = match &item.embedded {
                    Some((_, _, italics)) if inside => italics,
                    _ => &item.italics,
                };
                // "See Powell v. Alabama, 287 U.S. 45 (1932); Johnson v. Zerbst, 304
                // U.S. 458 (1938).": the first full citation is the note's work, each
                // later part one more.
                let parts = cited_parts(text);
                let (first, later) = match parts.split_first() {
                    Some((first, later)) if !later.is_empty() => (first.clone(), later),
                    _ => (0..text.len(), &[][..]),
                };
                // Split only where the first part is a full citation on its own.
                let split = match later.is_empty() {
                    true => None,
                    false => match decide(&state, &text[first.clone()], item.place, true) {
                        Decision::New(part) => Some(part),
                        _ => None,
                    },
                };
                let (first, later, folded) = match split {
                    Some(part) => (first, later, part),
                    None => (0..text.len(), &[][..], folded),
                };
                let whole = first.len() == text.len();
                let parsed = whole.then(|| ahead.remove(&(text, italics))).flatten();
                let new = New {
                    text: &text[first.clone()],
                    italics: &within(italics, &first),
                    folded,
                    place: item.place,
                    number: note.number,
                };
                let (work, locator) = add_work(&mut state, parsed, new);
                if locator.is_some() {
                    note.locator = locator;
                }
                let parts = later.iter().map(|r| &text[r.clone()]);
                let (mut also, unlinked, texts) = further_parts(&state, work, parts);
                warn_unlinked(&mut doc.diagnostics, &file, note, &unlinked);
                let fresh: Vec<Range<usize>> = texts.iter().map(|t| range_in(text, t)).collect();
                let new = add_fresh(&mut state, (text, italics), &fresh, item.place, note.number);
                for other in new {
                    if other != work && !also.contains(&other) {
                        also.push(other);
                    }
                }
                also_of[item.note] = also;
                (Some(NoteKind::Full), Some(work))
            }
        };
        if let Some(work) = work
            && !further.is_empty()
        {
            let (also, unlinked, _) = further_parts(&state, work, further.into_iter());
            warn_unlinked(&mut doc.diagnostics, &file, note, &unlinked);
            also_of[item.note] = also;
        }
        // A footnote that cites inside its commentary stays a footnote.
        if let Some(kind) = kind
            && !inside
        {
            note.kind = kind;
        }
        work_of[item.note] = work;
        state.previous_several = !also_of[item.note].is_empty();
        state.previous = work.filter(|_| !state.previous_several);
        if let Some(work) = work {
            state.by_note.insert(note.number, work);
        }
    }

    doc.sources = number_sources(doc, state.works.list, &work_of, &also_of);
}

/// A full citation of a work not cited before, as the loop in [`resolve_sources`]
/// found it.
struct New<'t> {
    /// The citation (one part of its note, when the note cites several works).
    text: &'t str,
    /// Its italic byte ranges.
    italics: &'t [Range<usize>],
    /// Its folded text.
    folded: String,
    /// Where it was written.
    place: Place,
    /// The number of its note.
    number: u32,
}

/// The authors of a citation as written, or, with none, its editors' names.
fn authors_or_editors(parsed: &Citation) -> Vec<String> {
    if !parsed.authors.is_empty() {
        return parsed.authors.clone();
    }
    parsed
        .details
        .editors
        .iter()
        .map(|e| match &e.given {
            Some(given) => format!("{given} {}", e.family),
            None => e.family.clone(),
        })
        .collect()
}

/// Adds the work `new` cites, or finds it among the works cited before in another
/// form; returns it with the page the citation points to, when that is the note's.
/// `ahead` is its text's parse when [`parse_ahead`] made one.
fn add_work(state: &mut State, ahead: Option<Citation>, new: New) -> (usize, Option<String>) {
    let New {
        text,
        italics,
        folded,
        place,
        number,
    } = new;
    // "Idem. *Sobrados*…", "Ders., …": the authors of the work above, or its editors
    // when it names none ("Hans Kollwitz (Hrsg.): …", then "Ders. (Hrsg.): …").
    let same = state.previous.and_then(|w| {
        with_authors_of(
            &authors_or_editors(&state.works.list[w].parsed),
            text,
            italics,
        )
    });
    let mut parsed = match &same {
        Some(same) => parse_with_italics(&same.text, &same.italics),
        None => ahead.unwrap_or_else(|| parse_with_italics(text, italics)),
    };
    let (text, italics) = same.as_ref().map_or((text, italics), |same| {
        (same.text.as_str(), same.italics.as_slice())
    });
    // Short forms find it by the names written out.
    let folded = if same.is_some() { fold(text) } else { folded };
    // A full note ends in the page it cites: "(Szeged: Tisza Press, 2012), 45."
    // The page is the note's, so the bibliography prints the work without it.
    let mut citation = text.to_string();
    let mut locator = None;
    if let Some(pin) = parsed.pinpoint.clone().filter(|_| place == Place::Footnote) {
        // "Gideon v. Wainwright, 372 U.S. 335, 344 (1963).": the page after the
        // report's first is the note's.
        locator = Some(text[pin.clone()].to_string());
        citation = without_pinpoint(text, pin);
    }
    // "United States v. Nixon, 418 U.S. 683 (1974); …": the first of several legal
    // citations has no stop of its own, but an entry of the bibliography ends in one.
    if place == Place::Footnote
        && parsed.details.kind == Some(crate::model::WorkKind::Legal)
        && !citation.ends_with(['.', '?', '!'])
    {
        citation.push('.');
    } else if let Some(page) = pinpoint(text, &parsed, place) {
        parsed.details.pages = None;
        locator = Some(page);
        // Only a cut at the end keeps the parse's byte ranges (a "See" cue before it
        // would shift them).
        let head = without_locator(text).0.trim_end_matches([',', ' ']);
        if text.starts_with(head) {
            // Korean closes a citation with a full stop, as Latin text does.
            let hangul = head.chars().any(crate::lang::is_hangul);
            let stop = if is_cjk(head) && !hangul { "。" } else { "." };
            citation = format!("{head}{stop}");
        }
    }
    // A footnote's full citation goes into the bibliography in its form.
    if place == Place::Footnote
        && let Some((inverted, moved)) = bibliography_form(&citation, italics, &parsed)
    {
        let mut again = parse_with_italics(&inverted, &moved);
        again.details.pages.clone_from(&parsed.details.pages);
        // The same kind of work too, when one was read: a law review's book or
        // article read by its grammar ("STRUM, TITLE 41 (1984)") does not read back
        // from Chicago's form.
        if again.title == parsed.title
            && again.year == parsed.year
            && again.surnames == parsed.surnames
            && (parsed.details.kind.is_none() || again.details.kind == parsed.details.kind)
        {
            (citation, parsed) = (inverted, again);
        }
    }
    // The full note of a work the bibliography lists, or of a work cited before in
    // another form, is that work.
    let work = match state.works.same_work(&parsed, text) {
        Some(work) => work,
        None => state.works.add(citation, parsed, number, &folded),
    };
    state.by_folded.insert(folded, work);
    (work, locator)
}

/// The works of the later parts of a note citing several (`fresh`, ranges of the
/// note's `text` with its `italics`) that are full citations of their own: each an
/// earlier work repeated or a new one. A part that reads as no reference is a remark.
fn add_fresh(
    state: &mut State,
    (text, italics): (&str, &[Range<usize>]),
    fresh: &[Range<usize>],
    place: Place,
    number: u32,
) -> Vec<usize> {
    let mut works = Vec::new();
    for range in fresh {
        let part = &text[range.clone()];
        let italics = within(italics, range);
        if !reads_as_reference(part, !italics.is_empty()) {
            continue;
        }
        let work = match decide(state, part, place, true) {
            Decision::Known { work, .. } => work,
            Decision::New(folded) => {
                let new = New {
                    text: part,
                    italics: &italics,
                    folded,
                    place,
                    number,
                };
                add_work(state, None, new).0
            }
            _ => continue,
        };
        works.push(work);
    }
    works
}

/// A warning for each part of a note citing several works that fits no single one.
fn warn_unlinked(diagnostics: &mut Vec<Diagnostic>, file: &str, note: &Note, unlinked: &[String]) {
    for part in unlinked {
        diagnostics.push(short_unresolved(
            file,
            note.span,
            format!(
                "note {} cites several works, and “{part}” fits no single earlier source; that part is not linked",
                note.number
            ),
            "write a short form only one earlier source fits, or the full citation",
        ));
    }
}

/// A `W-SHORT-UNRESOLVED` warning at a note: a short form left without a source.
fn short_unresolved(file: &str, span: Span, message: String, hint: &str) -> Diagnostic {
    Diagnostic::warning("W-SHORT-UNRESOLVED", file, span, message).with_hint(hint)
}

/// The fewest texts worth parsing ahead on several threads: below this, starting
/// the threads costs more than it saves.
const PARSE_AHEAD_MIN: usize = 64;

/// The parses of the texts the loop in [`resolve_sources`] may read as new full
/// citations, by text and italic ranges, made beforehand on all cores: the parser is
/// most of resolution's time, while what a citation turns out to be depends on the
/// works before it and so is decided in order. A text is parsed ahead when it is no
/// Ibid and reads as a full reference (or is a works-cited entry): exactly those can
/// be [`Decision::New`]; a few turn out to be repeats or short forms and their parse
/// is not used. Each distinct text is parsed once, and the parse of a text does not
/// depend on the thread or on what was parsed before, so the result is the same on
/// any number of cores.
fn parse_ahead<'a>(
    doc: &Document,
    cited: &'a [Cited],
) -> Map<(&'a str, &'a [Range<usize>]), Citation> {
    let mut wanted: Vec<(&str, &[Range<usize>])> = Vec::new();
    let mut seen = Set::default();
    for item in cited {
        if doc
            .notes
            .get(item.note)
            .is_none_or(|n| n.kind == NoteKind::Empty)
        {
            continue;
        }
        let outer = item
            .reference
            .then_some((item.text.as_str(), item.italics.as_slice()));
        let inner = match &item.embedded {
            Some((inner, true, italics)) => Some((inner.as_str(), italics.as_slice())),
            _ => None,
        };
        for key in [outer, inner].into_iter().flatten() {
            if parse_ibid(strip_lead_cue(key.0)).is_none() && seen.insert(key) {
                wanted.push(key);
            }
        }
    }
    if wanted.len() < PARSE_AHEAD_MIN {
        return Map::default();
    }
    let parsed: Vec<Citation> = wanted
        .par_iter()
        .map(|&(text, italics)| parse_with_italics(text, italics))
        .collect();
    wanted.into_iter().zip(parsed).collect()
}

/// Parses `text` with the ranges its footnote sets in italics written as `*…*`, as the
/// parser knows emphasis from Markdown (a title in italics, not an author's name:
/// "*Annual Report*, 1891, p. 4."); the italic range found is mapped back to `text`,
/// and the marks are taken out of the fields read.
fn parse_with_italics(text: &str, italics: &[Range<usize>]) -> Citation {
    if italics.is_empty() {
        return parse_citation(text);
    }
    let mut marked = String::with_capacity(text.len() + 2 * italics.len());
    // For each byte of `marked` (and its end), the byte of `text` it stands for.
    let mut back: Vec<usize> = Vec::with_capacity(text.len() + 2 * italics.len() + 1);
    let mut at = 0;
    for r in italics {
        if r.start < at || r.end > text.len() {
            continue;
        }
        // The text before the italics, a mark, the italics, a mark.
        for part in [at..r.start, r.start..r.end] {
            marked.push_str(&text[part.clone()]);
            back.extend(part.clone());
            marked.push('*');
            back.push(part.end);
        }
        at = r.end;
    }
    marked.push_str(&text[at..]);
    back.extend(at..=text.len());
    let mut parsed = parse_citation(&marked);
    let unmark = |s: &mut Option<String>| {
        if let Some(v) = s {
            *v = v.replace('*', "");
        }
    };
    unmark(&mut parsed.title);
    unmark(&mut parsed.details.container);
    unmark(&mut parsed.details.publisher);
    unmark(&mut parsed.details.place);
    parsed.authors = parsed.authors.iter().map(|a| a.replace('*', "")).collect();
    // Where the parser names no part to italicise, the writer's own italics stand.
    parsed.emphasis = parsed
        .emphasis
        .map(|r| back[r.start]..back[r.end])
        .filter(|r| r.start < r.end)
        .or_else(|| italics.first().cloned());
    parsed.pinpoint = parsed
        .pinpoint
        .map(|r| back[r.start]..back[r.end])
        .filter(|r| r.start < r.end);
    parsed
}

/// A legal citation without the place it points to, for the bibliography: "Gideon v.
/// Wainwright, 372 U.S. 335, 344 (1963)." → "Gideon v. Wainwright, 372 U.S. 335
/// (1963).", "U.S. Const. amend. VI." → "U.S. Const.".
fn without_pinpoint(text: &str, pin: Range<usize>) -> String {
    let head = text[..pin.start].trim_end_matches([',', ' ']);
    let tail = text[pin.end..].trim_start_matches(',');
    if head.ends_with('.') && tail.trim() == "." || tail.trim().is_empty() {
        return head.to_string();
    }
    format!("{head}{tail}")
}

/// "note 1, “Varga, Ilona. The Salt Roads: Trade and Power…”" for a warning.
fn describe(work: &Work) -> String {
    const MAX: usize = 60;
    let text = work.citation.trim();
    // Cut at a word boundary: "…Szeged: Tisza Press, 201…" would misquote a year.
    let short = match text.char_indices().nth(MAX) {
        Some((at, _)) => {
            let cut = text[..at].rfind(' ').unwrap_or(at);
            format!("{}…", text[..cut].trim_end_matches([',', ' ', ':', ';']))
        }
        None => text.to_string(),
    };
    let what = if work.commentary { " (commentary)" } else { "" };
    // Works of a bibliography written as text come before every note.
    if work.first_note == 0 {
        return format!("the bibliography, “{short}”");
    }
    format!("note {}{what}, “{short}”", work.first_note)
}

/// Gives ids "s1", "s2", … by first citation in reading order, records each source's
/// notes, and sorts the bibliography by author and year.
fn number_sources(
    doc: &mut Document,
    works: Vec<Work>,
    work_of: &[Option<usize>],
    also_of: &[Vec<usize>],
) -> Vec<Source> {
    let mut id_of: Vec<Option<usize>> = vec![None; works.len()];
    let mut order = Vec::with_capacity(works.len());
    let mut numbers: Vec<Vec<u32>> = vec![Vec::new(); works.len()];
    for ((note, work), also) in doc.notes.iter_mut().zip(work_of).zip(also_of) {
        let Some(work) = *work else { continue };
        for (k, &work) in std::iter::once(&work).chain(also).enumerate() {
            let id = *id_of[work].get_or_insert_with(|| {
                order.push(work);
                order.len()
            });
            if k == 0 {
                note.source = Some(format!("s{id}"));
            } else {
                note.also.push(format!("s{id}"));
            }
            numbers[work].push(note.number);
        }
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
        ..
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_citations_ignore_case_spacing_and_punctuation() {
        assert_eq!(
            fold("Merat, A.  (2018).  Title. The Guardian. "),
            fold("merat, a. (2018). title. the guardian")
        );
        assert_ne!(fold("Merat (2018)"), fold("Merat (2019)"));
    }
}
