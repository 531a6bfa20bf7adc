//! Notes and the bibliography: each note as a small-type paragraph starting with its
//! tagged number (and, for "Ibid.", a second body with the full citation for pages
//! where "Ibid." would point at nothing), and each profile's list of sources.

use super::inlines::{block_inlines, inlines, push_text, superscript};
use std::collections::BTreeMap;

use super::{Collector, Ctx, MAX_DEPTH, origin};
use crate::model::{Block, Document, EMPTY_NOTE_PLACEHOLDER, Inline, NoteKind, Source};
use crate::pdf::types::{
    Align, Container, Face, Flow, OutlineEntry, Para, Piece, Role, Tag, TextStyle,
};

impl Collector<'_> {
    /// The bodies of profile `i`'s notes, and the source each one cites.
    pub(super) fn notes(&mut self, i: usize, doc: &Document, ctx: Ctx) {
        for note in &doc.notes {
            let key = (i, note.number);
            let para = self.note(doc, note.number, &note.body, ctx);
            self.out.notes.insert(key, para);
            let Some(source) = note.source.as_deref().and_then(|id| doc.source(id)) else {
                continue;
            };
            self.out.sources.insert(key, source.id.clone());
            if note.kind == NoteKind::Ibid {
                let body = full_citation(source, note.locator.as_deref());
                let para = self.note(doc, note.number, &body, ctx);
                self.out.full.insert(key, para);
            }
        }
    }

    /// For each note of profile `i` cited by more than one marker, the note it
    /// prints on a page after the one that printed it in full.
    pub(super) fn back_references(
        &mut self,
        i: usize,
        doc: &Document,
        pages: &BTreeMap<(usize, u32), usize>,
    ) {
        let mut cited: BTreeMap<u32, usize> = BTreeMap::new();
        for m in &doc.markers {
            for &n in &m.notes {
                *cited.entry(n).or_default() += 1;
            }
        }
        let ctx = Ctx {
            doc,
            images: &super::NO_IMAGES,
            italic: false,
            bold: false,
            mono: false,
            size: self.g.size,
        };
        for (&n, _) in cited.iter().filter(|(_, k)| **k > 1) {
            if doc.note(n).is_none() {
                continue;
            }
            // A placeholder as wide as a three-digit page number keeps passes alike.
            let page = pages.get(&(i, n)).map_or("000".into(), usize::to_string);
            let body = vec![Block::Paragraph {
                content: vec![Inline::Text(format!(
                    "See note {}, p.\u{a0}{page}.",
                    doc.note_mark(n)
                ))],
                span: Default::default(),
            }];
            let paras = self.note(doc, n, &body, ctx);
            self.out.back.insert((i, n), paras);
        }
    }

    /// The profile's bibliography: a heading, then each source with a hanging indent.
    pub(super) fn bibliography(&mut self, doc: &Document, ctx: Ctx) {
        let s = self.g.size;
        let lang = doc.meta.lang.clone();
        let file = &doc.meta.source_file;
        let size = super::heading_size(s, 2);
        // The EPUB's word for it, so both editions name it alike.
        let heading = crate::lang::Labels::for_lang(&lang).bibliography;
        let mut h = self.para(
            self.plain(heading, Face::Bold, size),
            Role::Heading(2),
            &lang,
            size,
            format!("{file}:1"),
        );
        h.spec.align = Align::Left;
        h.spec.hyphenate = false;
        h.before = s * 1.6;
        h.after = s * 0.6;
        h.keep_with_next = true;
        // Under the profile's title, as in the EPUB's nav.
        h.outline = Some(OutlineEntry::new(2, heading));
        self.out.flow.push(Flow::Para(h));
        let size = self.g.note_size().max(s * 0.9);
        self.open(Container::Bibliography);
        for source in &doc.sources {
            self.open(Container::Item);
            let mut pieces = Vec::new();
            inlines(
                &citation_inlines(source),
                Ctx { size, ..ctx },
                &mut pieces,
                0,
            );
            let mut p = self.para(pieces, Role::Bibliography, &lang, size, format!("{file}:1"));
            p.spec.align = Align::Left;
            // Ragged entries need no hyphens; Typst hyphenates only justified text.
            p.spec.hyphenate = false;
            // A hanging indent, as bibliographies are set: the first line flush,
            // the following ones indented, so each entry's first word stands out.
            p.spec.left_indent = size * 1.5;
            p.spec.first_indent = -size * 1.5;
            p.after = s * 0.4;
            self.out.flow.push(Flow::Para(p));
            self.nest.pop();
        }
        self.nest.pop();
    }

    /// The body of note `number` as paragraphs in small type: its tagged number
    /// starts the first; paragraphs keep their indent, list items their labels and
    /// hanging indent, quotes their indent, as LaTeX and Typst set notes.
    fn note(&self, doc: &Document, number: u32, body: &[Block], ctx: Ctx) -> Vec<Para> {
        let size = self.g.note_size();
        let ctx = Ctx { size, ..ctx };
        let style = ctx.style();
        let note = doc.note(number);
        let span = note.map(|n| n.span).unwrap_or_default();
        let mut paras = Vec::new();
        if let Some(note) = note {
            self.note_blocks(doc, body, ctx, 0.0, 0, &mut paras);
            if paras.is_empty() && !note.text.trim().is_empty() {
                let mut pieces = Vec::new();
                push_text(&mut pieces, note.text.trim(), style, None);
                paras.push(self.note_para(doc, pieces, 0.0, span));
            }
        }
        if paras.is_empty() {
            let mut pieces = Vec::new();
            let italic = TextStyle {
                face: Face::Italic,
                ..style
            };
            push_text(&mut pieces, EMPTY_NOTE_PLACEHOLDER, italic, None);
            paras.push(self.note_para(doc, pieces, 0.0, span));
        }
        // The number as LaTeX and Typst print it: a superscript figure right against
        // the text, the first line indented like a paragraph. A note that opens with a
        // list item gets a line of its own for the number, so the label keeps its place.
        // Never below 6 pt, the smallest figure that prints legibly.
        let raised = superscript(style);
        let number = Piece {
            text: doc.note_mark(number),
            style: TextStyle {
                size: raised.size.max(6.0),
                ..raised
            },
            tag: Some(Tag::NoteNumber { note: number }),
        };
        if paras[0].label.is_some() {
            paras.insert(0, self.note_para(doc, Vec::new(), 0.0, span));
        }
        let first = &mut paras[0];
        first.pieces.insert(0, number);
        first.origin = origin(doc, span);
        first.spec.first_indent = size;
        paras
    }

    /// Adds the paragraphs of note blocks at `indent` to `out`.
    fn note_blocks(
        &self,
        doc: &Document,
        blocks: &[Block],
        ctx: Ctx,
        indent: f32,
        depth: usize,
        out: &mut Vec<Para>,
    ) {
        let size = ctx.size;
        for block in blocks {
            match block {
                Block::List { start, items } if depth < MAX_DEPTH => {
                    for (k, item) in items.iter().enumerate() {
                        let first = out.len();
                        self.note_blocks(doc, item, ctx, indent + size * 1.5, depth + 1, out);
                        if let Some(p) = out.get_mut(first) {
                            let label = match start {
                                Some(n) => format!("{}.", n.saturating_add(k as u64)),
                                None => "\u{2022}".to_string(),
                            };
                            p.label = Some(vec![Piece {
                                text: label,
                                style: ctx.style(),
                                tag: None,
                            }]);
                            p.spec.first_indent = 0.0;
                        }
                    }
                }
                Block::Quote { blocks } if depth < MAX_DEPTH => {
                    let first = out.len();
                    self.note_blocks(doc, blocks, ctx, indent + size * 1.5, depth + 1, out);
                    for p in &mut out[first..] {
                        p.spec.width -= size * 1.5;
                    }
                }
                _ => {
                    let mut pieces = Vec::new();
                    block_inlines(block, ctx, &mut pieces, depth);
                    if pieces.iter().all(|p| p.text.trim().is_empty()) {
                        continue;
                    }
                    let span = match block {
                        Block::Paragraph { span, .. } | Block::Heading { span, .. } => *span,
                        _ => Default::default(),
                    };
                    let mut p = self.note_para(doc, pieces, indent, span);
                    // Paragraphs after the first are indented, as in the body.
                    if indent == 0.0 && !out.is_empty() {
                        p.spec.first_indent = size;
                    }
                    out.push(p);
                }
            }
        }
    }

    /// A note paragraph at `indent`.
    fn note_para(
        &self,
        doc: &Document,
        pieces: Vec<Piece>,
        indent: f32,
        span: crate::model::Span,
    ) -> Para {
        let size = self.g.note_size();
        let mut p = self.para(pieces, Role::Note, &doc.meta.lang, size, origin(doc, span));
        p.spec.leading = (size * 1.25 * 4.0).round() / 4.0;
        p.spec.width -= indent;
        p.indent = indent;
        p
    }
}

/// The body an "Ibid." note prints away from its antecedent: the source's citation as
/// resolve prepared it (title in italics, URL linked), with the note's locator ("Ibid.,
/// 45") in place of its final full stop.
fn full_citation(source: &Source, locator: Option<&str>) -> Vec<Block> {
    let mut content = citation_inlines(source);
    if let Some(loc) = locator.map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(Inline::Text(t)) = content.last_mut() {
            let kept = t.trim_end().trim_end_matches('.').len();
            t.truncate(kept);
        }
        content.push(Inline::Text(format!(", {loc}.")));
    }
    vec![Block::Paragraph {
        content,
        span: crate::model::Span::default(),
    }]
}

/// A source's citation as inlines; its plain text when resolve prepared none.
fn citation_inlines(source: &Source) -> Vec<Inline> {
    if source.inlines.is_empty() {
        vec![Inline::Text(source.citation.trim().to_string())]
    } else {
        source.inlines.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ibids_full_citation_keeps_the_italic_periodical() {
        let citation = "Merat, A. (2018, November 9). Terrorists. The Guardian.";
        let at = citation.find("The Guardian").unwrap_or_default();
        let source = Source {
            id: "s1".into(),
            citation: citation.into(),
            authors: Vec::new(),
            year: None,
            title: None,
            url: None,
            details: Default::default(),
            emphasis: Some(at..at + "The Guardian".len()),
            inlines: vec![
                Inline::Text(citation[..at].into()),
                Inline::Emph(vec![Inline::Text("The Guardian".into())]),
                Inline::Text(".".into()),
            ],
            sort_key: String::new(),
            notes: Vec::new(),
        };
        let [Block::Paragraph { content, .. }] = &full_citation(&source, Some("45"))[..] else {
            panic!("one paragraph");
        };
        assert_eq!(
            content[1],
            Inline::Emph(vec![Inline::Text("The Guardian".into())])
        );
        assert_eq!(
            Inline::plain(content),
            format!("{}, 45.", &citation[..citation.len() - 1])
        );
        let plain = Source {
            emphasis: None,
            inlines: Vec::new(),
            ..source
        };
        let [Block::Paragraph { content, .. }] = &full_citation(&plain, None)[..] else {
            panic!("one paragraph");
        };
        assert_eq!(content, &[Inline::Text(citation.into())]);
    }
}
