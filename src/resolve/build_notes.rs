//! Stage 2: one note per cited number, in order of first reference.
//!
//! Works-cited notes take the entry's literal number; Markdown footnotes are numbered
//! by first reference after the largest literal number. Uncited entries and unused
//! footnote definitions come last, so nothing the author wrote vanishes.

use std::collections::hash_map::Entry as Slot;
use std::ops::Range;

use super::Map;
use super::find_markers::FootnoteMarker;
use super::parse_citation::link_inlines;
use crate::diag::Diagnostic;
use crate::model::{Block, Document, Entry, Inline, Marker, Note, NoteKind};

/// What later stages need to know about the notes built here.
pub(super) struct Built {
    /// Indices into `doc.notes` of the works-cited notes, in works-cited order.
    pub entry_notes: Vec<usize>,
    /// Indices into `doc.notes` of entries no marker cites.
    pub uncited: Vec<usize>,
}

/// Fills `doc.notes` from the markers, `doc.entries` and `doc.footnote_defs`, and
/// empties the raw lists.
pub(super) fn build_notes(doc: &mut Document, footnote_markers: &[FootnoteMarker]) -> Built {
    let file = doc.meta.source_file.clone();
    let entries = std::mem::take(&mut doc.entries);
    let mut entry_by_number: Map<u32, usize> =
        Map::with_capacity_and_hasher(entries.len(), Default::default());
    for (i, entry) in entries.iter().enumerate() {
        match entry_by_number.entry(entry.number) {
            Slot::Vacant(slot) => {
                slot.insert(i);
            }
            Slot::Occupied(_) => doc.diagnostics.push(
                Diagnostic::warning(
                    "W-DUPLICATE-ENTRY",
                    &file,
                    entry.span,
                    format!(
                        "works-cited entry ({}) appears twice; the first one is used",
                        entry.number
                    ),
                )
                .with_hint("renumber or remove the second entry"),
            ),
        }
    }

    let mut defs: Map<String, (Vec<Block>, crate::model::Span)> = Map::default();
    let mut def_order = Vec::new();
    for def in std::mem::take(&mut doc.footnote_defs) {
        if let Slot::Vacant(slot) = defs.entry(def.label) {
            def_order.push(slot.key().clone());
            slot.insert((def.blocks, def.span));
        }
    }

    // Footnotes follow every literal number, cited or listed.
    let literal_max = entries
        .iter()
        .map(|e| e.number)
        .chain(doc.markers.iter().flat_map(|m| m.notes.iter().copied()))
        .max()
        .unwrap_or(0);
    let mut next_number = literal_max;
    let mut footnote_numbers: Map<String, u32> = Map::default();
    let mut footnote_labels: Map<u32, String> = Map::default();
    for (marker, label) in footnote_markers {
        let number = *footnote_numbers.entry(label.clone()).or_insert_with(|| {
            next_number = next_number.saturating_add(1);
            footnote_labels.insert(next_number, label.clone());
            next_number
        });
        if let Some(m) = doc.markers.get_mut(*marker) {
            m.notes = vec![number];
        }
    }

    let mut note_of: Map<u32, usize> = Map::default();
    let mut notes = Vec::new();
    for marker in &doc.markers {
        for &number in &marker.notes {
            if note_of.contains_key(&number) {
                continue;
            }
            let note = if let Some(label) = footnote_labels.get(&number) {
                let (blocks, span) = defs.remove(label).unwrap_or_default();
                footnote_note(number, label.clone(), blocks, span, &doc.markers)
            } else if let Some(&i) = entry_by_number.get(&number) {
                entry_note(&entries[i])
            } else {
                Note::dangling(number, marker.span)
            };
            note_of.insert(number, notes.len());
            notes.push(note);
        }
    }

    let mut uncited = Vec::new();
    let mut entry_notes = Vec::with_capacity(entry_by_number.len());
    for (i, entry) in entries.iter().enumerate() {
        if entry_by_number.get(&entry.number) != Some(&i) {
            continue;
        }
        let index = *note_of.entry(entry.number).or_insert_with(|| {
            uncited.push(notes.len());
            notes.push(entry_note(entry));
            notes.len() - 1
        });
        entry_notes.push(index);
    }

    for label in def_order {
        if let Some((blocks, span)) = defs.remove(&label) {
            // The reader reported the unused definition; keep its text all the same.
            next_number = next_number.saturating_add(1);
            notes.push(footnote_note(
                next_number,
                label,
                blocks,
                span,
                &doc.markers,
            ));
        }
    }

    doc.notes = notes;
    Built {
        entry_notes,
        uncited,
    }
}

fn entry_note(entry: &Entry) -> Note {
    let text = entry.text.trim();
    let lead = entry.text.len() - entry.text.trim_start().len();
    // "(3) -" leaves a dash behind the separator, or nothing at all.
    let empty = text
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '-' | '–' | '—'));
    Note {
        number: entry.number,
        label: None,
        kind: if empty {
            NoteKind::Empty
        } else {
            NoteKind::Full
        },
        source: None,
        also: Vec::new(),
        locator: None,
        text: if empty {
            String::new()
        } else {
            text.to_string()
        },
        body: if empty {
            Note::placeholder_body()
        } else {
            vec![Block::Paragraph {
                content: italic_inlines(text, &entry.italics, lead),
                span: entry.span,
            }]
        },
        emphasis: None,
        span: entry.span,
    }
}

/// The inlines of an entry's `text`: its writer's italics (byte ranges of the text
/// before `lead` bytes were trimmed off its start) as emphasis, URLs as links.
fn italic_inlines(text: &str, italics: &[Range<usize>], lead: usize) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in italics {
        let (start, end) = (
            r.start.saturating_sub(lead),
            (r.end.saturating_sub(lead)).min(text.len()),
        );
        if start < at
            || start >= end
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        out.extend(link_inlines(&text[at..start]));
        out.push(Inline::Emph(link_inlines(&text[start..end])));
        at = end;
    }
    out.extend(link_inlines(&text[at..]));
    out
}

fn footnote_note(
    number: u32,
    label: String,
    body: Vec<Block>,
    span: crate::model::Span,
    markers: &[Marker],
) -> Note {
    let mut text = String::new();
    written(&first_inlines(&body), markers, &mut text, &mut Vec::new());
    Note {
        number,
        text,
        label: Some(label),
        kind: NoteKind::Footnote,
        source: None,
        also: Vec::new(),
        locator: None,
        body,
        emphasis: None,
        span,
    }
}

/// The byte ranges of a footnote's `text` that its first paragraph sets in italics
/// (as [`footnote_note`] writes that text), for the citation parser, which reads
/// emphasis as a sign of a title.
pub(super) fn italic_ranges(body: &[Block], markers: &[Marker]) -> Vec<Range<usize>> {
    let mut italics = Vec::new();
    written(
        &first_inlines(body),
        markers,
        &mut String::new(),
        &mut italics,
    );
    italics
}

/// The one-line text of a paragraph's `content` and the byte ranges of it in italics,
/// as a footnote's `text` is written.
pub(super) fn written_with_italics(
    content: &[Inline],
    markers: &[Marker],
) -> (String, Vec<Range<usize>>) {
    let (mut text, mut italics) = (String::new(), Vec::new());
    written(content, markers, &mut text, &mut italics);
    (text, italics)
}

/// The plain text of inlines with each marker as written ("See (4)."), for the
/// one-line `text` of a footnote that cites, and the ranges of it in italics. Readers
/// cap inline nesting, and so this recursion.
fn written(
    inlines: &[Inline],
    markers: &[Marker],
    out: &mut String,
    italics: &mut Vec<Range<usize>>,
) {
    for inline in inlines {
        match inline {
            Inline::Emph(c) => {
                let start = out.len();
                written(c, markers, out, italics);
                if out.len() > start {
                    italics.push(start..out.len());
                }
            }
            Inline::NoteRef(i) => {
                if let Some(m) = markers.get(*i) {
                    // resolve took the space before "(4)" away; the text keeps it
                    if m.text.starts_with('(') && !out.is_empty() && !out.ends_with(' ') {
                        out.push(' ');
                    }
                    out.push_str(&m.text);
                }
            }
            Inline::Strong(c) | Inline::Strike(c) => written(c, markers, out, italics),
            Inline::Link { content, .. } => written(content, markers, out, italics),
            other => out.push_str(&Inline::plain(std::slice::from_ref(other))),
        }
    }
}

/// The inlines of a footnote's first paragraph, for its one-line `text`.
fn first_inlines(blocks: &[Block]) -> Vec<Inline> {
    blocks
        .iter()
        .find_map(|b| match b {
            Block::Paragraph { content, .. } => Some(content.clone()),
            _ => None,
        })
        .unwrap_or_default()
}
