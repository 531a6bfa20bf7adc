//! Citation resolution: the model→model pass between a reader and the backends.
//!
//! The stages, in the order they run:
//!
//! 0. [`settle_title`] decides the profile's title and whether a leading H1 is that
//!    title or a body heading, once for both editions.
//! 1. [`find_markers`] walks the body in reading order, turns "(4)", "(4)(5)", "(4, 5)",
//!    "(4–6)" and "\[4\]" into [`Inline::NoteRef`]s and replaces Markdown `[^label]`
//!    references, in the body and then in footnote bodies. Whether a bracketed number is
//!    a citation at all (not a year, an enumerator, an age, a count) is weighed in one
//!    place, [`weigh_markers`]. Markers get exact places by following the text through
//!    the input the reader kept ([`Document::input`]).
//! 2. [`build_notes`] makes one [`Note`] per cited number, in order of first reference,
//!    then the uncited entries and unused footnote definitions, so nothing vanishes.
//! 3. [`pick_citations`] lists the notes that may cite, in the order "Ibid" reads them:
//!    works-cited notes, then Markdown footnotes (a citation, commentary, or commentary
//!    with a citation inside). [`read_bibliography`] reads a bibliography written as
//!    text (no numbers) for short notes to be matched against.
//! 4. [`resolve_sources`] reads each as Ibid, a repeat, a short form ([`read_short`],
//!    a case's in [`read_case_short`], matched by [`match_short`]) or a new full citation ([`parse_citation`]), never
//!    guessing between two fitting works, and builds the deduplicated bibliography.
//!    What a citation is, given the works before it, is decided in [`decide_citation`]
//!    (a note citing several works included); [`resolve_sources`] acts on it.
//!    Chinese, Japanese and Korean notes have their own words for these ([`read_cjk`]).
//! 5. [`mark_titles`] finds the part of each full citation printed in italics (the
//!    periodical of an article, the title of a book) and marks it in the note's body.
//! 6. [`check`] reports empty entries, dangling markers, uncited entries and gaps.
//! 7. [`tie_spaces()`] ties the spaces that must not break (before a spaced dash; French
//!    spacing around « », ; : ! ?), once for both editions.
//!
//! Afterwards `entries` and `footnote_defs` are empty: backends never see raw markers.
//!
//! [`Inline::NoteRef`]: crate::model::Inline::NoteRef
//! [`Note`]: crate::model::Note

mod build_notes;
mod check;
mod decide_citation;
mod find_markers;
mod follow_input;
mod invert_note;
mod mark_titles;
mod match_short;
mod parse_citation;
mod pick_citations;
mod read_bibliography;
mod read_case_short;
mod read_cjk;
mod read_cues;
mod read_locator;
mod read_short;
mod resolve_sources;
mod scan;
mod tie_spaces;
mod weigh_markers;

use crate::contents::settle_title;
use crate::model::Document;

/// The hash map of resolution's lookup tables (never iterated, so their order cannot
/// reach the output): foldhash, seeded per run, several times faster than SipHash on
/// the short keys here (words, labels, note numbers).
type Map<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
/// The hash set of resolution's lookup tables; see [`Map`].
type Set<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;

/// Byte ranges of the URLs written in a text; the plain-text reader leaves them as
/// written when it applies smart punctuation.
pub(crate) use parse_citation::url_ranges;

/// Ties the spaces that must not break for the document's language (see
/// [`tie_spaces()`]); [`resolve`] does it last, and a caller that changes `meta.lang`
/// afterwards (`folio convert --lang`) does it again. Tying twice changes nothing.
pub fn tie_spaces(doc: &mut Document) {
    tie_spaces::tie_spaces(doc);
}

/// Resolves citations: finds markers, builds notes and sources, reports problems.
/// Never panics; appends diagnostics to `doc.diagnostics`.
///
/// A document that already has notes was resolved before and is returned unchanged.
/// (Its title's spaces are tied again after [`settle_title`] respells them.)
pub fn resolve(mut doc: Document) -> Document {
    settle_title(&mut doc);
    if !doc.notes.is_empty() {
        // settle_title spells the title's spaces anew: tie them again.
        tie_spaces(&mut doc);
        return doc;
    }
    // Resolve places its findings in the text as read; they are moved to the source's
    // columns once, at the end.
    let placed_from = doc.diagnostics.len();
    let footnote_markers = find_markers::find_markers(&mut doc);
    let built = build_notes::build_notes(&mut doc, &footnote_markers);
    let cited = pick_citations::pick_citations(&doc, &built);
    let listed = read_bibliography::read_bibliography(&doc);
    resolve_sources::resolve_sources(&mut doc, &cited, &listed);
    mark_titles::mark_titles(&mut doc);
    check::check(&mut doc, &built);
    tie_spaces(&mut doc);
    crate::diag::to_source_columns(&mut doc.diagnostics[placed_from..], &doc.widenings);
    doc
}
