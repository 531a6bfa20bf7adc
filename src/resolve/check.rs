//! Stage 4: report what a reader of the finished book would notice — empty entries,
//! markers without an entry, entries nobody cites, gaps in the numbering, and a notes
//! list no heading opened (its markers stay text, so nothing else would say so).

use super::build_notes::Built;
use crate::diag::Diagnostic;
use crate::model::{Document, NoteKind};

/// Appends the warnings and infos about the notes as built.
pub(super) fn check(doc: &mut Document, built: &Built) {
    let file = doc.meta.source_file.clone();
    let mut found = Vec::new();
    for note in &doc.notes {
        match note.kind {
            NoteKind::Empty => found.push(
                Diagnostic::warning(
                    "W-EMPTY-ENTRY",
                    &file,
                    note.span,
                    format!("works-cited entry ({}) is empty", note.number),
                )
                .with_hint("add the citation; the note prints a placeholder until then"),
            ),
            NoteKind::Dangling => found.push(
                Diagnostic::warning(
                    "W-DANGLING-MARKER",
                    &file,
                    note.span,
                    format!("marker ({}) has no works-cited entry", note.number),
                )
                .with_hint("add the entry to the works-cited list, or remove the marker"),
            ),
            _ => {}
        }
    }
    for &index in &built.uncited {
        if let Some(note) = doc.notes.get(index) {
            found.push(
                Diagnostic::warning(
                    "W-UNCITED-ENTRY",
                    &file,
                    note.span,
                    format!(
                        "works-cited entry ({}) is never cited in the text",
                        note.number
                    ),
                )
                .with_hint("add a marker where the work is used, or remove the entry"),
            );
        }
    }
    let mut listed: Vec<(u32, crate::model::Span)> = built
        .entry_notes
        .iter()
        .filter_map(|&i| doc.notes.get(i))
        .map(|n| (n.number, n.span))
        .collect();
    listed.sort_unstable_by_key(|&(number, _)| number);
    for pair in listed.windows(2) {
        let [(before, _), (after, span)] = pair else {
            continue;
        };
        if after - before > 1 {
            let missing = if after - before == 2 {
                format!("{}", before + 1)
            } else {
                format!("{}–{}", before + 1, after - 1)
            };
            found.push(Diagnostic::info(
                "I-NUMBER-GAP",
                &file,
                *span,
                format!("works-cited numbering skips {missing}"),
            ));
        }
    }
    if doc.notes.is_empty()
        && let Some((span, last)) = crate::read::unheaded_list(&doc.input)
    {
        found.push(
            Diagnostic::warning(
                "W-NOTES-UNHEADED",
                &file,
                span,
                format!(
                    "lines (1) to ({last}) read as a notes list, but no heading folio \
                     knows opens it: the text's markers stay plain text"
                ),
            )
            .with_hint(
                "put a heading such as \"Notes\" or \"Works Cited\" on its own line \
                 above the list",
            ),
        );
    }
    doc.diagnostics.append(&mut found);
}
