//! Deciding what a citation is, read against the works cited before it: an Ibid, a
//! repeat, a short form of one earlier work (or of several, in a note citing more
//! than one), a short form that fits none or several equally, a new full citation, or
//! no citation at all. Nothing here changes what is known; [`resolve_sources`] acts on
//! the decision.
//!
//! [`resolve_sources`]: super::resolve_sources

use std::ops::Range;

use super::Map;
use super::match_short::{Found, Works};
use super::parse_citation::{Citation, fold, parse_ibid};
use super::pick_citations::{Place, names_first, opens_as_prose, reads_as_reference};
use super::read_bibliography::with_authors_of;
use super::read_cjk::{ends_with_facts, is_cjk};
use super::read_cues::{before_remark, strip_lead_cue, supra_note, without_lead_topic};
use super::read_locator::has_year;
use super::read_short::{after_and, read_short, without_locator};
use crate::model::NoteKind;
/// What one citation turned out to be.
pub(super) enum Decision {
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
        /// Later parts that are full citations of their own (slices of the text).
        fresh: Vec<Range<usize>>,
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
    /// Not a citation at all (a footnote's commentary).
    Commentary,
}

/// The sources found so far, and what the next citation is read against.
#[derive(Default)]
pub(super) struct State {
    pub(super) works: Works,
    /// Each work by its folded citation: letters and digits only, so case, spacing
    /// and punctuation aside.
    pub(super) by_folded: Map<String, usize>,
    /// The source of the note just above: `None` after an empty or unresolved one.
    pub(super) previous: Option<usize>,
    /// The note just above cites several works, so an "Ibid" after it means none.
    pub(super) previous_several: bool,
    /// The source of each note so far, by number, for "*supra* note 5".
    pub(super) by_note: Map<u32, usize>,
}

/// The page a full citation in a footnote ends with, when it is the note's and not
/// the work's: a bare number or range after the year or the closing parenthesis of the
/// publication facts of a book, report or thesis, which have no pages of their own.
pub(super) fn pinpoint(text: &str, parsed: &Citation, place: Place) -> Option<String> {
    use crate::model::WorkKind;
    // A CJK note's final page after the facts is the note's for a chapter too: "「論
    // 文」『講座』第3巻、白日書院、1948年、8頁".
    let cjk = is_cjk(text);
    let chapter = cjk && parsed.details.kind == Some(WorkKind::Chapter);
    if place != Place::Footnote
        || !chapter
            && !matches!(
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
            .is_some_and(|y| y.len() == 4)
        || cjk && ends_with_facts(head);
    // The parser may have read it as the work's pages ("S. 11" as "11", "第3—8页" as
    // "3—8"), or as nothing.
    let number = |s: &str| {
        fold(s)
            .trim_start_matches(|c: char| c.is_alphabetic() || c == ' ')
            .trim_end_matches(['页', '頁', '쪽', '면'])
            .to_string()
    };
    let same = parsed
        .details
        .pages
        .as_deref()
        .is_none_or(|p| number(p) == number(&locator));
    (after_facts && same).then_some(locator)
}

/// What `text` is, read against the works before it.
pub(super) fn decide(state: &State, text: &str, place: Place, reference: bool) -> Decision {
    if let Some(locator) = parse_ibid(strip_lead_cue(text)) {
        return ibid_and_more(state, text).unwrap_or(Decision::Ibid(locator));
    }
    // "Idem, *L'Armée nouvelle*, op. cit., p. 331.": a short form of the author of
    // the note above, read with that author's family names written out, as a short
    // form names them ("Jaurès, *L'Armée nouvelle*").
    if let Some(work) = state.previous
        && let families = [written_families(&state.works.list[work].parsed)]
        && let Some(named) = with_authors_of(&families, text, &[])
        && let known @ (Decision::Known { .. } | Decision::Ambiguous { .. }) =
            decide(state, &named.text, place, false)
    {
        return known;
    }
    // The same citation again, case, spacing and punctuation aside, or with a page
    // after it.
    let folded = fold(text);
    if let Some(&work) = state.by_folded.get(&folded) {
        // The page a book's full note ends with is the note's, the second time too.
        return Decision::Known {
            work,
            kind: NoteKind::Full,
            locator: pinpoint(text, &state.works.list[work].parsed, place),
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
        // "Urofsky, *supra* note 2, at 740; Strum, *supra* note 1, at 400.": each part
        // names its note.
        if text.contains("; ")
            && let Some(several @ Decision::Several { .. }) = several(state, text)
            && matches!(&several, Decision::Several { also, unlinked, fresh, .. }
                if !also.is_empty() || !unlinked.is_empty() || !fresh.is_empty())
        {
            return several;
        }
        return match state.by_note.get(&number) {
            Some(&work) => Decision::Known {
                work,
                kind: NoteKind::Short,
                locator,
            },
            None => Decision::Missing(locator),
        };
    }
    let reading = read_short(text);
    // "Wilhelm, the linguist, founded…": a name and a phrase about it open a sentence,
    // not a short form's names and title.
    let shaped = reading.shorts.iter().any(|s| s.shaped) && (reference || !opens_as_prose(text));
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
    if (!one || text.contains("; ") || text.contains('；') || text.contains("· "))
        && let Some(several) = several(state, text)
        && (!one
            || matches!(&several, Decision::Several { also, fresh, .. } if !also.is_empty() || !fresh.is_empty()))
    {
        return several;
    }
    // "Glantz, *Sor Juana*, México, Grijalbo, 1995, pp. 119-135; cfr. Paz, op. cit., p.
    // 538.": a full citation of a new work, then short forms of others. Read whole,
    // the short form's cue makes it one short form; its parts are read where it is
    // added.
    if !one
        && let [first, _, ..] = cited_parts(text).as_slice()
        && let head = &text[first.clone()]
        && reads_as_reference(head, false)
        && matches!(decide(state, head, place, true), Decision::New(_))
    {
        return Decision::New(folded);
    }
    // "Hocker, 2011, p. 50. The test was made…": a short form, then a remark.
    if !matches!(found, Found::One(_))
        && let Some(head) = before_remark(text)
        && let known @ Decision::Known { .. } = decide(state, head, place, false)
    {
        return known;
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
        _ if reference => Decision::New(folded),
        _ => Decision::Commentary,
    }
}

/// The family names of a work's authors as written ("Rosselli and Conati"), so a short
/// form read with them names people, as one written out would ("rosselli, *Il sistema
/// produttivo* cit." reads as a title); the folded ones where the parser kept no names.
fn written_families(parsed: &Citation) -> String {
    let written: Vec<&str> = parsed
        .details
        .names
        .iter()
        .map(|n| n.family.as_str())
        .filter(|f| !f.is_empty())
        .collect();
    if written.len() == parsed.surnames.len() {
        written.join(" and ")
    } else {
        parsed.surnames.join(" and ")
    }
}

/// "Kurlansky, *Cod*, 12; Multhauf, *Neptune's Gift*, 20." or "Weller 2015, p. 201;
/// Multhauf 1978, p. 40.": several short forms in one note, each linked to its work.
/// It reads so when its first part alone fits exactly one work; read whole, the note
/// would start a work of its own named after both. A semicolon between names ("Flad,
/// Rowan; Zhu, Jiping") has no locator before it, so a full citation is never cut so.
/// A later part that is shaped like a short form but fits no single work is named in
/// a warning; one that reads as commentary ("; the dates differ") is text.
fn several(state: &State, text: &str) -> Option<Decision> {
    let mut parts = split_parts(text);
    let (work, locator) = match one_of_several(state, parts.next()?) {
        Part::Fits(work, locator) => (work, locator),
        _ => return None,
    };
    let (also, unlinked, texts) = further_parts(state, work, parts);
    Some(Decision::Several {
        work,
        locator,
        also,
        unlinked,
        fresh: texts.iter().map(|t| range_in(text, t)).collect(),
    })
}

/// "Ivi, pp. 287-293; e *Le Opere* cit., vol. XIX, p. 402.": the work of the note
/// above, then short forms of others, each linked (or named in a warning when it fits
/// no single work); `None` when no later part is shaped like a short form (then the
/// whole note is the Ibid, its locator running on).
fn ibid_and_more(state: &State, text: &str) -> Option<Decision> {
    let work = state.previous?;
    let mut parts = split_parts(text);
    let first = parts.next()?;
    let locator = parse_ibid(strip_lead_cue(first))?;
    let (also, unlinked, texts) = further_parts(state, work, parts);
    (!also.is_empty() || !unlinked.is_empty() || !texts.is_empty()).then_some(Decision::Several {
        work,
        locator,
        also,
        unlinked,
        fresh: texts.iter().map(|t| range_in(text, t)).collect(),
    })
}

/// The parts of a note citing several works: cut at "; ", at a full-width "；" in
/// Chinese, Japanese and Korean notes, at the Greek semicolon "·" (ano teleia,
/// which Unicode normalises to the middle dot) in Greek ones, and at ", and" after a
/// page ("Urbina Burgos 1999, 9–12, and on the earthquake Collier and Sater 2004").
fn split_parts(text: &str) -> impl Iterator<Item = &str> {
    let greek = text.chars().any(|c| ('\u{370}'..='\u{3FF}').contains(&c));
    let ano_teleia = if greek { "· " } else { "; " };
    text.split("; ")
        .flat_map(|part| part.split('；'))
        // Outside Greek, cutting at "; " again cuts nothing.
        .flat_map(move |part| part.split(ano_teleia))
        .flat_map(split_at_and)
}

/// `part` cut at each ", and " that follows a page or a year: the names of a short
/// form never run on so ("Collier and Sater" has no comma, "Smith, Jones, and Lee" no
/// number before it).
fn split_at_and(part: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for (at, _) in part.match_indices(", and ") {
        if part[..at].ends_with(|c: char| c.is_ascii_digit()) {
            pieces.push(&part[start..at]);
            start = at + 2;
        }
    }
    pieces.push(&part[start..]);
    pieces
}

/// A CJK note that opens with a full citation and cites more works after "；": the
/// full citation, and the further parts.
pub(super) fn full_then_more(text: &str) -> Option<(&str, Vec<&str>)> {
    let (first, rest) = text.split_once('；')?;
    (is_cjk(first) && crate::cite::reads_as_cjk_citation(first))
        .then(|| (first, rest.split('；').collect()))
}

/// The works the parts after a note's first cite beside `work`, the parts shaped like
/// short forms that fit no single work, and the parts that are neither (a full
/// citation of another work, or a remark).
pub(super) fn further_parts<'t>(
    state: &State,
    work: usize,
    parts: impl Iterator<Item = &'t str>,
) -> (Vec<usize>, Vec<String>, Vec<&'t str>) {
    let mut also = Vec::new();
    let mut unlinked = Vec::new();
    let mut texts = Vec::new();
    for part in parts {
        let part = part.trim();
        // "…; and Multhauf", Italian "…; e *Le Opere* cit."
        let part = after_and(part).unwrap_or(part);
        // "…, and on the 1906 earthquake Collier and Sater 2004, 165."
        let part = without_lead_topic(part);
        let bare = strip_lead_cue(part);
        // "…, 297; ibid., 301": the work just named again.
        if parse_ibid(bare).is_some() {
            continue;
        }
        match one_of_several(state, part) {
            Part::Fits(other, _) if other != work && !also.contains(&other) => also.push(other),
            Part::Fits(..) => {}
            Part::Text => texts.push(bare),
            Part::Unfit => unlinked.push(part.trim_end_matches(['.', '。']).to_string()),
        }
    }
    (also, unlinked, texts)
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

/// What `part`, one part of a note citing several works, is.
fn one_of_several(state: &State, part: &str) -> Part {
    if let Some((number, locator)) = supra_note(part) {
        return match state.by_note.get(&number) {
            Some(&work) => Part::Fits(work, locator),
            None => Part::Unfit,
        };
    }
    let reading = read_short(part);
    // A case's short form names its report ("372 U.S. at 344"), if not a party. A
    // title with commas ("Sernett, *Myth, Memory, and History*, 243–45") also reads as
    // a list of names, so the shaped reading and the titled one may be two.
    let titled = reading.locator.is_some()
        && reading.shorts.iter().any(|s| s.shaped)
        && reading
            .shorts
            .iter()
            .any(|s| s.title.is_some() || s.report.is_some());
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

/// The parts of a note that may cite several works, as ranges of `text`: cut at each
/// "; " that follows a page or a year (in parentheses or not) and comes before names
/// or a title, a cue aside. A semicolon inside one citation ("Flad, Rowan; Zhu,
/// Jiping", "New York: Knopf; 2002", "2019; 40(2)", "2017 Jan 30; Available from")
/// has not both around it. One range when
/// the note is not cut.
pub(super) fn cited_parts(text: &str) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let (mut start, mut seen, mut depth) = (0, 0, 0i32);
    for (at, _) in text.match_indices("; ") {
        // Not inside brackets: "(London: Murray, 1859; Cambridge, MA: Harvard, 1964)"
        for c in text[seen..at].bytes() {
            depth += match c {
                b'(' | b'[' => 1,
                b')' | b']' => -1,
                _ => 0,
            };
        }
        seen = at;
        if depth > 0 {
            continue;
        }
        let before = text[start..at].trim_end_matches(['.', ' ']);
        let after = strip_lead_cue(&text[at + 2..]);
        // "…, 68–69", "… (1932)", not "(Hrsg.)"
        let ends_cited = before
            .strip_suffix(')')
            .unwrap_or(before)
            .ends_with(|c: char| c.is_ascii_digit());
        // Names or a title, not "Available from: …"
        let opens = after.starts_with(['*', '_', '“', '"', '«']) || names_first(after);
        if ends_cited && opens {
            parts.push(start..at);
            start = text.len() - after.len();
        }
    }
    parts.push(start..text.len());
    parts
}

/// The byte range of `part`, a slice of `text`, in `text`.
pub(super) fn range_in(text: &str, part: &str) -> Range<usize> {
    let start = part.as_ptr() as usize - text.as_ptr() as usize;
    start..start + part.len()
}

/// The `italics` that lie within `part`, counted from its start.
pub(super) fn within(italics: &[Range<usize>], part: &Range<usize>) -> Vec<Range<usize>> {
    italics
        .iter()
        .filter(|r| r.start >= part.start && r.end <= part.end)
        .map(|r| r.start - part.start..r.end - part.start)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parts of `text` [`cited_parts`] cuts it into.
    fn parts(text: &str) -> Vec<&str> {
        cited_parts(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn a_note_is_cut_between_citations_only() {
        assert_eq!(
            parts("Powell v. Alabama, 287 U.S. 45 (1932); see Johnson v. Zerbst, 304 U.S. 458."),
            [
                "Powell v. Alabama, 287 U.S. 45 (1932)",
                "Johnson v. Zerbst, 304 U.S. 458."
            ]
        );
        assert_eq!(
            parts("Rolt, *Brunel*, 51–60; R. Angus Buchanan, *Brunel* (London, 2002), 43."),
            [
                "Rolt, *Brunel*, 51–60",
                "R. Angus Buchanan, *Brunel* (London, 2002), 43."
            ]
        );
        for whole in [
            "Flad, Rowan; Zhu, Jiping. Title. 2001.",
            "Darwin, *Origin* (London: Murray, 1859; Cambridge, MA: Harvard, 1964), 7.",
            "Nguyen VT. Title. The New York Times. 2017 Jan 30; Available from: www.nytimes.com",
            "Averroes ; Bland, K. P. (Hrsg.) ; Bland, K. P. (Übers.): The epistle, 1982",
            "Hua L. Title. Zhongguo shehui kexue. 1999; 1:168–79.",
        ] {
            assert_eq!(parts(whole), [whole], "{whole}");
        }
    }
}
