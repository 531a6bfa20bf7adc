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

use super::invert_note::bibliography_form;
use super::match_short::{Found, MAX_NAMED, Work, Works};
use super::parse_citation::{Citation, fold, parse_citation, parse_ibid};
use super::pick_citations::{Cited, Place};
use super::read_bibliography::{Listed, with_authors_of};
use super::read_cues::{strip_lead_cue, supra_note};
use super::read_locator::has_year;
use super::read_short::{after_and, read_short, without_locator};
use super::{Map, Set};
use crate::diag::Diagnostic;
use crate::model::{Document, NoteKind, Source, Span};

/// What one citation turned out to be; `'t` is the lifetime of its text.
enum Decision<'t> {
    /// "Ibid." / "Id.": the source of the note above.
    Ibid(Option<String>),
    /// An earlier work: a repeat (full) or a short form of it.
    Known {
        work: usize,
        kind: NoteKind,
        locator: Option<String>,
    },
    /// Short forms of several earlier works in one note: the first is the note's
    /// source, `also` its further sources; `unlinked` the parts that fit no single work.
    Several {
        work: usize,
        locator: Option<String>,
        also: Vec<usize>,
        unlinked: Vec<String>,
    },
    /// A short form several earlier works fit equally.
    Ambiguous {
        works: Vec<usize>,
        locator: Option<String>,
    },
    /// A short form no earlier work fits.
    Missing(Option<String>),
    /// A full citation of a work not cited before, with its folded text.
    New(String),
    /// Several citations in one note, each of a case, constitution or statute new or
    /// cited before ("See Powell v. Alabama, 287 U.S. 45 (1932); Johnson v. Zerbst,
    /// 304 U.S. 458 (1938).").
    Cites(Vec<Cite<'t>>),
    /// Not a citation at all (a footnote's commentary).
    Commentary,
}

/// One citation of a note that cites several works.
enum Cite<'t> {
    /// A short form of an earlier work, with its locator.
    Known(usize, Option<String>),
    /// A full citation, of a new work or of one cited before in another form.
    New(&'t str),
}

/// The sources found so far, and what the next citation is read against.
#[derive(Default)]
struct State {
    works: Works,
    /// Each work by its folded citation: letters and digits only, so case, spacing
    /// and punctuation aside.
    by_folded: Map<String, usize>,
    /// The source of the note just above: `None` after an empty or unresolved one.
    previous: Option<usize>,
    /// The note just above cites several works, so an "Ibid" after it means none.
    previous_several: bool,
    /// The source of each note so far, by number, for "*supra* note 5".
    by_note: Map<u32, usize>,
}

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
                also,
                unlinked,
            } => {
                note.locator = locator;
                for part in unlinked {
                    doc.diagnostics.push(short_unresolved(
                        &file,
                        note.span,
                        format!(
                                "note {} cites several works, and “{part}” fits no single earlier source; that part is not linked",
                                note.number
                            ),
                        "write a short form only one earlier source fits, or the full citation",
                    ));
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
                let parsed = ahead.remove(&(text, italics));
                let full = Full {
                    text,
                    italics,
                    place: item.place,
                    note: note.number,
                };
                let (work, locator) = add_full(&mut state, &full, parsed, folded);
                if locator.is_some() {
                    note.locator = locator;
                }
                (Some(NoteKind::Full), Some(work))
            }
            Decision::Cites(parts) => {
                // Each part is a work of its own, new or cited before; the first is
                // the note's source and gives its locator.
                let mut works: Vec<usize> = Vec::new();
                let mut kinds = Vec::new();
                for (i, part) in parts.into_iter().enumerate() {
                    let (work, locator, kind) = match part {
                        Cite::Known(work, locator) => (work, locator, NoteKind::Short),
                        Cite::New(part) => {
                            let at = part.as_ptr() as usize - text.as_ptr() as usize;
                            let italics: Vec<Range<usize>> = item
                                .italics
                                .iter()
                                .filter(|r| r.start >= at && r.end <= at + part.len())
                                .map(|r| r.start - at..r.end - at)
                                .collect();
                            let full = Full {
                                text: part,
                                italics: &italics,
                                place: item.place,
                                note: note.number,
                            };
                            let (work, locator) = add_full(&mut state, &full, None, fold(part));
                            (work, locator, NoteKind::Full)
                        }
                    };
                    if i == 0 {
                        note.locator = locator;
                    }
                    if !works.contains(&work) {
                        works.push(work);
                        kinds.push(kind);
                    }
                }
                let work = works.remove(0);
                also_of[item.note] = works;
                (Some(kinds[0]), Some(work))
            }
        };
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

/// A full citation to add: its text, the ranges of it in italics, where it was
/// written, and the number of its note.
struct Full<'t> {
    text: &'t str,
    italics: &'t [Range<usize>],
    place: Place,
    note: u32,
}

/// Adds a new full citation (`folded` its folded text, `parsed` its parse when made
/// ahead), or finds the work it cites again in another form; returns the work and the
/// locator the note points to, when the citation ends in one.
fn add_full(
    state: &mut State,
    full: &Full,
    parsed: Option<Citation>,
    folded: String,
) -> (usize, Option<String>) {
    let Full {
        text,
        italics,
        place,
        note,
    } = *full;
    let mut locator = None;
    // "Idem. *Sobrados*…", "Ders., …": the authors of the work above.
    let same = state
        .previous
        .and_then(|w| with_authors_of(&state.works.list[w].parsed.authors, text, italics));
    let mut parsed = match &same {
        Some(same) => parse_with_italics(&same.text, &same.italics),
        None => parsed.unwrap_or_else(|| parse_with_italics(text, italics)),
    };
    let (text, italics) = same.as_ref().map_or((text, italics), |same| {
        (same.text.as_str(), same.italics.as_slice())
    });
    // Short forms find it by the names written out.
    let folded = if same.is_some() { fold(text) } else { folded };
    // A full note ends in the page it cites: "(Szeged: Tisza Press, 2012), 45."
    // The page is the note's, so the bibliography prints the work without it.
    let mut citation = text.to_string();
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
            citation = format!("{head}.");
        }
    }
    // A footnote's full citation goes into the bibliography in its form.
    if place == Place::Footnote
        && let Some((inverted, moved)) = bibliography_form(&citation, italics, &parsed)
    {
        let mut again = parse_with_italics(&inverted, &moved);
        again.details.pages.clone_from(&parsed.details.pages);
        if again.title == parsed.title
            && again.year == parsed.year
            && again.surnames == parsed.surnames
        {
            (citation, parsed) = (inverted, again);
        }
    }
    // The full note of a work the bibliography lists, or of a work cited before in
    // another form, is that work.
    let work = match state.works.same_work(&parsed, text) {
        Some(work) => work,
        None => state.works.add(citation, parsed, note, &folded),
    };
    state.by_folded.insert(folded, work);
    (work, locator)
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
        let outer = (item.reference || item.place == Place::Entry)
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

/// The page a full citation in a footnote ends with, when it is the note's and not
/// the work's: a bare number or range after the year or the closing parenthesis of the
/// publication facts of a book, report or thesis, which have no pages of their own.
fn pinpoint(text: &str, parsed: &Citation, place: Place) -> Option<String> {
    use crate::model::WorkKind;
    if place != Place::Footnote
        || !matches!(
            parsed.details.kind,
            Some(WorkKind::Book | WorkKind::Report | WorkKind::Thesis) | None
        )
    {
        return None;
    }
    let (head, locator) = without_locator(text);
    let locator = locator?;
    let head = head.trim_end_matches([',', ' ']);
    let after_facts = head.ends_with(')')
        || head
            .rsplit(|c: char| !c.is_ascii_digit())
            .next()
            .is_some_and(|y| y.len() == 4);
    // The parser may have read it as the work's pages ("S. 11" as "11"), or as nothing.
    let number = |s: &str| {
        fold(s)
            .trim_start_matches(|c: char| c.is_alphabetic() || c == ' ')
            .to_string()
    };
    let same = parsed
        .details
        .pages
        .as_deref()
        .is_none_or(|p| number(p) == number(&locator));
    (after_facts && same).then_some(locator)
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

/// What `text` is, read against the works before it.
fn decide<'t>(state: &State, text: &'t str, place: Place, reference: bool) -> Decision<'t> {
    if let Some(locator) = parse_ibid(strip_lead_cue(text)) {
        return ibid_and_more(state, text).unwrap_or(Decision::Ibid(locator));
    }
    // The same citation again, case, spacing and punctuation aside, or with a page
    // after it.
    let folded = fold(text);
    if let Some(&work) = state.by_folded.get(&folded) {
        return Decision::Known {
            work,
            kind: NoteKind::Full,
            locator: None,
        };
    }
    let (head, locator) = without_locator(text);
    if locator.is_some()
        && let Some(&work) = state.by_folded.get(&fold(head))
    {
        return Decision::Known {
            work,
            kind: NoteKind::Full,
            locator,
        };
    }
    // "Henkin, *supra* note 1, at 49.", "(wie Anm. 4)": the work of that note.
    if let Some((number, locator)) = supra_note(text) {
        return match state.by_note.get(&number) {
            Some(&work) => Decision::Known {
                work,
                kind: NoteKind::Short,
                locator,
            },
            None => Decision::Missing(locator),
        };
    }
    if text.contains("; ")
        && let Some(parts) = legal_parts(state, text)
    {
        return Decision::Cites(parts);
    }
    let reading = read_short(text);
    let shaped = reading.shorts.iter().any(|s| s.shaped);
    // "Kurlansky 2002, p. 38." is a short form when it finds its work.
    let dated = reading.shorts.first().is_some_and(|s| s.year.is_some());
    let found = match state.works.find(&reading.shorts) {
        // A full citation is a repeat only when its text is one (above): one that
        // merely holds an earlier citation ("Smith, J. (2001). Alpha." in "…Alpha
        // story…") or has other final pages (another article of a dossier) is a work
        // of its own.
        Found::One(_) if reading.full => Found::Nothing,
        found => found,
    };
    // "Zob. Biskup, dz. cyt., s. 30; por. Wasiutyński, dz. cyt., s. 12.": read whole,
    // the first work fits with the rest as its locator; the second must be linked too.
    let one = matches!(found, Found::One(_));
    if (!one || text.contains("; "))
        && let Some(several) = several(state, text)
        && (!one || matches!(&several, Decision::Several { also, .. } if !also.is_empty()))
    {
        return several;
    }
    match found {
        Found::One(work) => Decision::Known {
            work,
            kind: if shaped || dated {
                NoteKind::Short
            } else {
                NoteKind::Full
            },
            locator: reading.locator,
        },
        // An author-date form two works fit ("Smith 2002" after 2002a and 2002b), or
        // every word of it in two earlier sources, and no sentence or year of its own:
        // a short form too long to look like one ("Gliboff, Evolution, revolution, and
        // reform, 109."), not a new work.
        Found::Several(works) if shaped || dated || !(reading.full || has_year(text)) => {
            Decision::Ambiguous {
                works,
                locator: reading.locator,
            }
        }
        _ if shaped => Decision::Missing(reading.locator),
        _ if reference || place == Place::Entry => Decision::New(folded),
        _ => Decision::Commentary,
    }
}

/// "Kurlansky, *Cod*, 12; Multhauf, *Neptune's Gift*, 20." or "Weller 2015, p. 201;
/// Multhauf 1978, p. 40.": several short forms in one note, each linked to its work.
/// It reads so when its first part alone fits exactly one work; read whole, the note
/// would start a work of its own named after both. A semicolon between names ("Flad,
/// Rowan; Zhu, Jiping") has no locator before it, so a full citation is never cut so.
/// A later part that is shaped like a short form but fits no single work is named in
/// a warning; one that reads as commentary ("; the dates differ") is text.
fn several<'t>(state: &State, text: &str) -> Option<Decision<'t>> {
    let mut parts = text.split("; ");
    let (work, locator) = match one_of_several(state, parts.next()?) {
        Part::Fits(work, locator) => (work, locator),
        _ => return None,
    };
    let (also, unlinked) = further_parts(state, work, parts);
    Some(Decision::Several {
        work,
        locator,
        also,
        unlinked,
    })
}

/// "See Powell v. Alabama, 287 U.S. 45, 68–69 (1932); Johnson v. Zerbst, 304 U.S.
/// 458, 462–63 (1938).": parts after semicolons, each a legal citation of its own
/// ([`crate::cite::is_legal`]) or a short form of one earlier work, at least one of
/// them full. Read whole, the note would be one work named after the first.
fn legal_parts<'t>(state: &State, text: &'t str) -> Option<Vec<Cite<'t>>> {
    let mut parts = Vec::new();
    for part in text.split("; ") {
        let part = part.trim();
        let part = strip_lead_cue(after_and(part).unwrap_or(part));
        if crate::cite::is_legal(part) {
            parts.push(Cite::New(part));
        } else if let Part::Fits(work, locator) = one_of_several(state, part) {
            parts.push(Cite::Known(work, locator));
        } else {
            return None;
        }
    }
    let new = parts.iter().any(|p| matches!(p, Cite::New(_)));
    (new && parts.len() > 1).then_some(parts)
}

/// "Ivi, pp. 287-293; e *Le Opere* cit., vol. XIX, p. 402.": the work of the note
/// above, then short forms of others, each linked (or named in a warning when it fits
/// no single work); `None` when no later part is shaped like a short form (then the
/// whole note is the Ibid, its locator running on).
fn ibid_and_more<'t>(state: &State, text: &str) -> Option<Decision<'t>> {
    let work = state.previous?;
    let mut parts = text.split("; ");
    let first = parts.next()?;
    let locator = parse_ibid(strip_lead_cue(first))?;
    let (also, unlinked) = further_parts(state, work, parts);
    (!also.is_empty() || !unlinked.is_empty()).then_some(Decision::Several {
        work,
        locator,
        also,
        unlinked,
    })
}

/// The works the parts after a note's first cite beside `work`, and the parts shaped
/// like short forms that fit no single work.
fn further_parts<'t>(
    state: &State,
    work: usize,
    parts: impl Iterator<Item = &'t str>,
) -> (Vec<usize>, Vec<String>) {
    let mut also = Vec::new();
    let mut unlinked = Vec::new();
    for part in parts {
        let part = part.trim();
        // "…; and Multhauf", Italian "…; e *Le Opere* cit."
        let part = after_and(part).unwrap_or(part);
        // "…, 297; ibid., 301": the work just named again.
        if parse_ibid(strip_lead_cue(part)).is_some() {
            continue;
        }
        match one_of_several(state, part) {
            Part::Fits(other, _) if other != work && !also.contains(&other) => also.push(other),
            Part::Fits(..) | Part::Text => {}
            Part::Unfit => unlinked.push(part.trim_end_matches('.').to_string()),
        }
    }
    (also, unlinked)
}

/// What one part of a note citing several works is.
enum Part {
    /// A short form of exactly one earlier work, with its locator.
    Fits(usize, Option<String>),
    /// Shaped like a short form (names and a short title and a locator, or names and
    /// a year) but fitting no single earlier work.
    Unfit,
    /// Anything else.
    Text,
}

fn one_of_several(state: &State, part: &str) -> Part {
    let reading = read_short(part);
    // A case's short form names its report ("372 U.S. at 344"), if not a party.
    let titled = reading.locator.is_some()
        && reading
            .shorts
            .iter()
            .any(|s| s.shaped && (s.title.is_some() || s.report.is_some()));
    let dated = reading.shorts.first().is_some_and(|s| s.year.is_some());
    // "por. Kuhn, dz. cyt., s. 185.": "op. cit." says a work was cited before
    let cited = reading.shorts.iter().any(|s| s.cited);
    if reading.full || !(titled || dated || cited) {
        return Part::Text;
    }
    match state.works.find(&reading.shorts) {
        Found::One(work) => Part::Fits(work, reading.locator),
        _ => Part::Unfit,
    }
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
