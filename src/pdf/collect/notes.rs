//! Notes and the bibliography: each note as a small-type paragraph starting with its
//! tagged number (and, for "Ibid.", a second body with the full citation for pages
//! where "Ibid." would point at nothing), and each profile's list of sources.

use super::inlines::{block_inlines, inlines, push_text, superscript};
use super::{Collector, Ctx, origin};
use crate::model::{Block, Document, EMPTY_NOTE_PLACEHOLDER, Inline, NoteKind, Source};
use crate::pdf::types::{Align, Container, Face, Flow, Para, Piece, Role, Tag, TextStyle};

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

    /// The profile's bibliography: a heading, then each source with a hanging indent.
    pub(super) fn bibliography(&mut self, doc: &Document, ctx: Ctx, base_level: u8) {
        let s = self.g.size;
        let lang = doc.meta.lang.clone();
        let file = &doc.meta.source_file;
        let mut h = self.para(
            self.plain("Bibliography", Face::Bold, s * 1.3),
            Role::Heading(2),
            &lang,
            s * 1.3,
            format!("{file}:1"),
        );
        h.spec.align = Align::Left;
        h.spec.hyphenate = false;
        h.before = s * 1.6;
        h.after = s * 0.6;
        h.keep_with_next = true;
        h.outline = Some((base_level, "Bibliography".into()));
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

    /// The body of note `number`: its tagged number, then the text in small type.
    fn note(&self, doc: &Document, number: u32, body: &[Block], ctx: Ctx) -> Para {
        let size = self.g.note_size();
        let ctx = Ctx { size, ..ctx };
        let style = ctx.style();
        // The number as LaTeX and Typst print it: a superscript figure right against
        // the text, the first line indented like a paragraph.
        let mut pieces = vec![Piece {
            text: number.to_string(),
            style: superscript(style),
            tag: Some(Tag::NoteNumber { note: number }),
        }];
        let note = doc.note(number);
        let mut any = false;
        if let Some(note) = note {
            for block in body {
                let before = pieces.len();
                if any {
                    pieces.push(Piece {
                        text: " ".into(),
                        style,
                        tag: None,
                    });
                }
                block_inlines(block, ctx, &mut pieces, 0);
                if pieces.len() > before + usize::from(any) {
                    any = true;
                } else {
                    pieces.truncate(before);
                }
            }
            if !any && !note.text.trim().is_empty() {
                push_text(&mut pieces, note.text.trim(), style, None);
                any = true;
            }
        }
        if !any {
            push_text(
                &mut pieces,
                EMPTY_NOTE_PLACEHOLDER,
                TextStyle {
                    face: Face::Italic,
                    ..style
                },
                None,
            );
        }
        let span = note.map(|n| n.span).unwrap_or_default();
        let mut p = self.para(pieces, Role::Note, &doc.meta.lang, size, origin(doc, span));
        p.spec.leading = (size * 1.25 * 4.0).round() / 4.0;
        p.spec.first_indent = size;
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
