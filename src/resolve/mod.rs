//! Citation resolution: the model→model pass between a reader and the backends.
//!
//! The stages, in the order they run:
//!
//! 1. [`find_markers`] walks the body in reading order, turns "(4)", "(4)(5)", "(4, 5)",
//!    "(4–6)" and "[4]" into [`Inline::NoteRef`]s and replaces Markdown `[^label]`
//!    references, in the body and then in footnote bodies. Whether a bracketed number is
//!    a citation at all (not a year, an enumerator, an age, a count) is weighed in one
//!    place, [`weigh_markers`]. Markers get exact places by following the text through
//!    the input the reader kept ([`Document::input`]).
//! 2. [`build_notes`] makes one [`Note`] per cited number, in order of first reference,
//!    then the uncited entries and unused footnote definitions, so nothing vanishes.
//! 3. [`resolve_sources`] classifies each works-cited note as full, Ibid or short form,
//!    parses citations ([`parse_citation`]) and builds the deduplicated bibliography.
//! 4. [`mark_titles`] finds the part of each full citation printed in italics (the
//!    periodical of an article, the title of a book) and marks it in the note's body.
//! 5. [`check`] reports empty entries, dangling markers, uncited entries and gaps.
//!
//! Afterwards `entries` and `footnote_defs` are empty: backends never see raw markers.
//!
//! [`Inline::NoteRef`]: crate::model::Inline::NoteRef
//! [`Note`]: crate::model::Note

mod build_notes;
mod check;
mod find_markers;
mod mark_titles;
mod parse_citation;
mod resolve_sources;
mod weigh_markers;

use crate::model::Document;

/// Byte ranges of the URLs written in a text; the plain-text reader leaves them as
/// written when it applies smart punctuation.
pub(crate) use parse_citation::url_ranges;

/// Resolves citations: finds markers, builds notes and sources, reports problems.
/// Never panics; appends diagnostics to `doc.diagnostics`.
///
/// A document that already has notes was resolved before and is returned unchanged.
pub fn resolve(mut doc: Document) -> Document {
    if !doc.notes.is_empty() {
        return doc;
    }
    let footnote_markers = find_markers::find_markers(&mut doc);
    let built = build_notes::build_notes(&mut doc, &footnote_markers);
    resolve_sources::resolve_sources(&mut doc, &built);
    mark_titles::mark_titles(&mut doc);
    check::check(&mut doc, &built);
    doc
}
