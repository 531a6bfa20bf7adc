//! The heart of the EPUB: each profile's endnotes section, where every note links back
//! to every place that cites it and on to its source, and the bibliography, where every
//! source lists the notes that cite it. Runs after the body so the citing places are known.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

use super::escape::{escape, occurrence_letters, push_text, sanitize_name};
use super::render::{Renderer, note_id};
use crate::model::{Block, EMPTY_NOTE_PLACEHOLDER, Inline, Note, NoteKind, Source, Span};

/// A rendered note body: paragraphs stay open to receive the number and the links.
enum Piece {
    Paragraph(String),
    Other(String),
}

/// Writes the endnotes and bibliography sections; returns their ids when present.
pub fn link_notes(r: &mut Renderer, out: &mut String) -> (Option<String>, Option<String>) {
    let source_ids = source_ids(r);
    let notes = endnotes(r, &source_ids, out);
    let bibliography = bibliography(r, &source_ids, out);
    (notes, bibliography)
}

fn endnotes(
    r: &mut Renderer,
    source_ids: &BTreeMap<String, String>,
    out: &mut String,
) -> Option<String> {
    let notes = notes_to_print(r);
    if notes.is_empty() {
        return None;
    }

    // Note bodies may cite other notes, so render them all before any back-link is written.
    let mut seen = HashSet::new();
    let mut rendered = Vec::with_capacity(notes.len());
    for (i, note) in notes.iter().enumerate() {
        let first = seen.insert(note.number);
        let id = if first {
            note_id(&r.plan.slug, note.number)
        } else {
            r.unique_id(&format!("note-{}-{i}", note.number))
        };
        rendered.push((id, first, body_pieces(r, note)));
    }

    let section_id = open_section(r, "notes", "endnotes", r.labels.notes, out);
    out.push_str("<ol class=\"notes\">\n");
    for (note, (id, first, mut pieces)) in notes.iter().zip(rendered) {
        // The number opens the first paragraph (style.css hangs it as an inline-block,
        // never a float, so it stays on its line across a page break); the space is
        // inside so the inline-block's width alone sets where the text starts.
        let label = format!(
            "<span class=\"note-number\">{}. </span>",
            r.doc.note_mark(note.number)
        );
        let mut suffix = source_link(r, note, source_ids);
        if first {
            suffix.push_str(&back_links(r, note.number));
        }
        match pieces.first_mut() {
            Some(Piece::Paragraph(text)) => text.insert_str(0, &label),
            _ => pieces.insert(0, Piece::Paragraph(label)),
        }
        if !suffix.is_empty() {
            match pieces.last_mut() {
                Some(Piece::Paragraph(text)) => text.push_str(&suffix),
                _ => pieces.push(Piece::Paragraph(format!(
                    "<span class=\"backlinks\">{suffix}</span>"
                ))),
            }
        }
        // A plain list item of the `endnotes` section: DPUB-ARIA 1.1 deprecates the
        // `doc-endnote` role and EPUBCheck 5.3 the `endnote` epub:type (OPF-086b), both
        // in favour of the list item inside `doc-endnotes`; the noterefs pointing here
        // still carry `noteref`, which is what reading systems open as pop-up notes.
        let _ = writeln!(out, "<li id=\"{id}\" class=\"note\">");
        for piece in pieces {
            match piece {
                Piece::Paragraph(text) => {
                    let _ = writeln!(out, "<p>{text}</p>");
                }
                Piece::Other(html) => out.push_str(&html),
            }
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n</section>\n");
    Some(section_id)
}

/// Opens a `doc-{kind}` section headed `label` and lists it in the table of contents.
fn open_section(
    r: &mut Renderer,
    name: &str,
    kind: &str,
    label: &'static str,
    out: &mut String,
) -> String {
    let section_id = r.unique_id(name);
    let heading_id = r.unique_id(&format!("{name}-title"));
    let _ = writeln!(
        out,
        "<section id=\"{section_id}\" epub:type=\"{kind}\" role=\"doc-{kind}\" aria-labelledby=\"{heading_id}\">\n\
         <h2 id=\"{heading_id}\">{label}</h2>"
    );
    r.toc.push(super::render::TocEntry {
        depth: 1,
        label: label.to_string(),
        href: format!("{}#{section_id}", r.plan.href),
    });
    section_id
}

/// The model's notes sorted by number, plus a dangling note for any number a marker
/// cites that has none, so no noteref ever points nowhere.
fn notes_to_print<'a>(r: &Renderer<'a>) -> Vec<Cow<'a, Note>> {
    let mut notes: Vec<Cow<Note>> = r.doc.notes.iter().map(Cow::Borrowed).collect();
    let known: HashSet<u32> = r.doc.notes.iter().map(|n| n.number).collect();
    for &number in r.refs.keys() {
        if !known.contains(&number) {
            notes.push(Cow::Owned(Note::dangling(number, Span::default())));
        }
    }
    notes.sort_by_key(|n| n.number);
    notes
}

/// The body: the footnote's blocks, else the entry text, else the visible placeholder.
fn body_pieces(r: &mut Renderer, note: &Note) -> Vec<Piece> {
    // Resolve gives empty and dangling notes the placeholder as body; it is marked up
    // here so it reads as an editorial remark, not as the source's words.
    let placeholder = matches!(note.kind, NoteKind::Empty | NoteKind::Dangling);
    if note.body.is_empty() || placeholder {
        let mut text = String::new();
        if placeholder || note.text.trim().is_empty() {
            text.push_str("<span class=\"placeholder\">");
            push_text(&mut text, EMPTY_NOTE_PLACEHOLDER, r.plan.rtl);
            text.push_str("</span>");
        } else {
            push_text(&mut text, note.text.trim(), r.plan.rtl);
        }
        return vec![Piece::Paragraph(text)];
    }
    let mut pieces = Vec::new();
    for block in &note.body {
        if let Block::Paragraph { content, .. } = block {
            let mut text = String::new();
            if note.emphasis.is_some() {
                cited_inlines(r, content, &mut text);
            } else {
                r.inlines(content, 0, &mut text);
            }
            pieces.push(Piece::Paragraph(text));
        } else {
            let mut html = String::new();
            r.blocks(std::slice::from_ref(block), 0, &mut html);
            pieces.push(Piece::Other(html));
        }
    }
    pieces
}

/// A citation's inlines, its italic part (resolve's [`Note::emphasis`], the one
/// emphasis of a works-cited entry) as `<cite>`: it names a work, it stresses nothing.
fn cited_inlines(r: &mut Renderer, content: &[Inline], out: &mut String) {
    for inline in content {
        if let Inline::Emph(title) = inline {
            out.push_str("<cite>");
            r.inlines(title, 1, out);
            out.push_str("</cite>");
        } else {
            r.inlines(std::slice::from_ref(inline), 0, out);
        }
    }
}

/// Source id → XHTML id of its bibliography entry.
fn source_ids(r: &mut Renderer) -> BTreeMap<String, String> {
    let mut ids = BTreeMap::new();
    for source in &r.doc.sources {
        if !ids.contains_key(&source.id) {
            let id = r.unique_id(&format!("src-{}", sanitize_name(&source.id, "source")));
            ids.insert(source.id.clone(), id);
        }
    }
    ids
}

/// " → bibliography" for a full citation; " → Merat, A. (2018)" for Ibid and short
/// forms, so a reader who lands on a bare "Ibid." learns which work it means; one link
/// per work for a note that cites several.
fn source_link(r: &Renderer, note: &Note, ids: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    for source_id in note.source.iter().chain(&note.also) {
        let (Some(source), Some(anchor)) = (r.doc.source(source_id), ids.get(source_id)) else {
            continue;
        };
        let _ = write!(out, " <a class=\"source-link\" href=\"#{anchor}\">→\u{a0}");
        match note.kind {
            NoteKind::Ibid | NoteKind::Short => {
                push_text(&mut out, &short_label(source), r.plan.rtl);
            }
            _ => out.push_str(r.labels.see_bibliography),
        }
        out.push_str("</a>");
    }
    out
}

fn short_label(source: &Source) -> String {
    let who = source
        .authors
        .first()
        .cloned()
        .or_else(|| source.title.clone())
        .unwrap_or_else(|| {
            let mut s: String = source.citation.chars().take(60).collect();
            if s.len() < source.citation.len() {
                s.push('…');
            }
            s
        });
    match &source.year {
        Some(year) => format!("{who} ({year})"),
        None => who,
    }
}

/// One back-link per citing place: "↩" alone, or "↩ 4a", "↩ 4b" when cited more than once.
fn back_links(r: &Renderer, number: u32) -> String {
    let Some(refs) = r.refs.get(&number) else {
        return String::new();
    };
    let mut out = String::new();
    for (k, id) in refs.iter().enumerate() {
        let name = if refs.len() == 1 {
            number.to_string()
        } else {
            format!("{number}{}", occurrence_letters(k))
        };
        let visible = if refs.len() == 1 {
            String::new()
        } else {
            format!("\u{a0}{name}")
        };
        let _ = write!(
            out,
            " <a class=\"backlink\" href=\"#{id}\" role=\"doc-backlink\" aria-label=\"{} {name}\">↩\u{fe0e}{visible}</a>",
            escape(r.labels.back_to)
        );
    }
    out
}

fn bibliography(
    r: &mut Renderer,
    ids: &BTreeMap<String, String>,
    out: &mut String,
) -> Option<String> {
    if r.doc.sources.is_empty() {
        return None;
    }
    let mut sources: Vec<&Source> = r.doc.sources.iter().collect();
    sources.sort_by(|a, b| a.sort_key.cmp(&b.sort_key));
    let mut listed = HashSet::new();
    let section_id = open_section(
        r,
        "bibliography",
        "bibliography",
        r.labels.bibliography,
        out,
    );
    out.push_str("<ul class=\"bibliography\">\n");
    let printed: HashSet<u32> = r
        .doc
        .notes
        .iter()
        .map(|n| n.number)
        .chain(r.refs.keys().copied())
        .collect();
    for source in sources {
        if !listed.insert(&source.id) {
            continue;
        }
        let Some(id) = ids.get(&source.id) else {
            continue;
        };
        // No `biblioentry` epub:type: EPUBCheck 5.3 reports it deprecated (OPF-086b);
        // the list item inside `doc-bibliography` is the entry.
        let _ = write!(out, "<li id=\"{id}\">");
        citation(r, source, out);
        let mut citing: Vec<u32> = r
            .doc
            .notes
            .iter()
            .filter(|n| n.source.iter().chain(&n.also).any(|id| *id == source.id))
            .map(|n| n.number)
            .collect();
        citing.sort_unstable();
        citing.dedup();
        citing.retain(|n| printed.contains(n));
        if !citing.is_empty() {
            let _ = write!(
                out,
                " <span class=\"cited-in\">({}\u{a0}",
                r.labels.cited_in
            );
            for (k, number) in citing.iter().enumerate() {
                if k > 0 {
                    out.push_str(", ");
                }
                let _ = write!(
                    out,
                    "<a href=\"#{}\">{}</a>",
                    note_id(&r.plan.slug, *number),
                    r.doc.note_mark(*number)
                );
            }
            out.push_str(")</span>");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n</section>\n");
    Some(section_id)
}

/// The citation as resolve prepared it ([`Source::inlines`]): its title as `<cite>`, its
/// URL a link.
fn citation(r: &mut Renderer, source: &Source, out: &mut String) {
    if source.inlines.is_empty() {
        push_text(out, source.citation.trim(), r.plan.rtl);
    } else {
        cited_inlines(r, &source.inlines, out);
    }
}
