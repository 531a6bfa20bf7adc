//! Stage 1: the resolved model → a flow of blocks to set. Paragraphs become styled
//! [`Piece`]s (superscript markers tagged with their note, URLs tagged as links,
//! runs of white space collapsed); images given in the options are scaled to the
//! measure; notes become small-type paragraphs that start with their tagged number; each
//! profile gets a title block and, unless turned off, its bibliography; an anthology
//! gets a title page and a table of contents.

use std::collections::BTreeMap;

use super::types::{
    Align, Collected, Container, Face, Flow, OutlineEntry, Para, ParaSpec, Piece, Role, TextStyle,
};
use super::{Geometry, PdfOptions};
use crate::contents::{self, Nesting};
use crate::model::{Block, Book, Document, Inline};

mod inlines;
mod notes;
pub(crate) use inlines::push_text;
use inlines::{block_inlines, collapse_spaces, inline_images, inlines, origin};

/// The images of a context where none is drawn.
static NO_IMAGES: BTreeMap<String, (u32, u32)> = BTreeMap::new();

/// Nesting deeper than this (quotes in lists in quotes…) is set flat, so no input
/// can overflow the stack.
const MAX_DEPTH: usize = 16;

/// Page numbers a first pass found, for what refers to pages.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// The first page of each profile (the contents).
    pub toc: Vec<usize>,
    /// The page printing each note in full (back-references).
    pub notes: BTreeMap<(usize, u32), usize>,
}

/// Builds the flow. `found` holds page numbers once a first pass knows them; before
/// that the contents and back-references show placeholders of the same width.
pub fn collect(book: &Book, opts: &PdfOptions, g: &Geometry, found: &Found) -> Collected {
    // Only images that can be read count; the rest print their caption or alt text.
    let images: BTreeMap<String, (u32, u32)> = opts
        .images
        .iter()
        .filter_map(|(src, bytes)| {
            let (w, h) = super::image::size(bytes)?;
            (w > 0 && h > 0).then(|| (src.clone(), (w, h)))
        })
        .collect();
    let mut c = Collector {
        g: *g,
        images: &images,
        out: Collected::default(),
        nest: Vec::new(),
        ids: 0,
        nesting: Nesting::default(),
    };
    let bibliography = opts.bibliography;
    let anthology = book.documents.len() > 1;
    if anthology {
        c.front_matter(book, &found.toc);
    }
    for (i, doc) in book.documents.iter().enumerate() {
        // The running head names the profile, in an anthology too (where the book's
        // title would say nothing the reader does not know); the book's title when a
        // profile has none.
        let head = Some(&doc.meta.title)
            .filter(|t| !t.trim().is_empty() || !anthology)
            .unwrap_or(&book.meta.title);
        let head = (!head.trim().is_empty()).then(|| head.trim().to_string());
        c.out.flow.push(Flow::Start { doc: Some(i), head });
        c.document(i, doc, bibliography);
        c.back_references(i, doc, &found.notes);
    }
    c.out
}

struct Collector<'a> {
    g: Geometry,
    images: &'a BTreeMap<String, (u32, u32)>,
    out: Collected,
    /// The quotes and lists being collected, outermost first.
    nest: Vec<Container>,
    /// The next container id.
    ids: usize,
    /// Where the profile's headings go in the outline (the rule the EPUB's nav shares).
    nesting: Nesting,
}

/// Inline context while turning inlines into pieces.
#[derive(Clone, Copy)]
struct Ctx<'a> {
    doc: &'a Document,
    /// Images that can be drawn; an inline image among them is drawn below its
    /// paragraph instead of printing its alt text.
    images: &'a BTreeMap<String, (u32, u32)>,
    italic: bool,
    bold: bool,
    mono: bool,
    size: f32,
}

impl Ctx<'_> {
    fn style(&self) -> TextStyle {
        let face = match (self.mono, self.bold, self.italic) {
            (true, _, _) => Face::Mono,
            (false, true, true) => Face::BoldItalic,
            (false, true, false) => Face::Bold,
            (false, false, true) => Face::Italic,
            (false, false, false) => Face::Regular,
        };
        TextStyle {
            face,
            size: self.size,
            baseline_shift: 0.0,
        }
    }
}

impl Collector<'_> {
    fn spec(&self, width: f32, align: Align, lang: &str, size: f32) -> ParaSpec {
        ParaSpec {
            width,
            first_indent: 0.0,
            left_indent: 0.0,
            align,
            lang: lang.to_string(),
            hyphenate: true,
            leading: (size * 1.2 * 4.0).round() / 4.0,
            looseness: 0,
        }
    }

    fn para(&self, pieces: Vec<Piece>, role: Role, lang: &str, size: f32, origin: String) -> Para {
        Para {
            pieces,
            spec: self.spec(self.g.width(), Align::Justify, lang, size),
            indent: 0.0,
            label: None,
            before: 0.0,
            after: 0.0,
            keep_with_next: false,
            role,
            outline: None,
            origin,
            nest: self.nest.as_slice().into(),
        }
    }

    /// Opens a container (a quote, list or item) for what is collected next.
    fn open(&mut self, make: impl FnOnce(usize) -> Container) {
        self.nest.push(make(self.ids));
        self.ids += 1;
    }

    fn plain(&self, text: &str, face: Face, size: f32) -> Vec<Piece> {
        let text = if face == Face::Mono {
            text.to_string()
        } else {
            collapse_spaces(&mut [], text.trim()).to_string()
        };
        vec![Piece {
            text,
            style: TextStyle {
                face,
                size,
                baseline_shift: 0.0,
            },
            tag: None,
        }]
    }

    fn front_matter(&mut self, book: &Book, toc_pages: &[usize]) {
        let s = self.g.size;
        let meta = &book.meta;
        let lang = meta.lang.clone();
        self.out.flow.push(Flow::Start {
            doc: None,
            head: None,
        });
        self.out.flow.push(Flow::Space(self.g.height() * 0.25));
        let mut title = self.para(
            self.plain(&meta.title, Face::Bold, s * 2.2),
            Role::Title,
            &lang,
            s * 2.2,
            String::new(),
        );
        title.spec.align = Align::Center;
        title.spec.hyphenate = false;
        title.after = s * 1.5;
        title.outline = Some(OutlineEntry::new(1, meta.title.clone()));
        self.out.flow.push(Flow::Para(title));
        let lines = [
            meta.subtitle.clone(),
            (!meta.authors.is_empty()).then(|| meta.authors.join(", ")),
            meta.date.clone(),
        ];
        for (k, text) in lines.into_iter().flatten().enumerate() {
            let face = if k == 0 && meta.subtitle.is_some() {
                Face::Italic
            } else {
                Face::Regular
            };
            let mut p = self.para(
                self.plain(&text, face, s * 1.2),
                Role::Title,
                &lang,
                s * 1.2,
                String::new(),
            );
            p.spec.align = Align::Center;
            p.spec.hyphenate = false;
            p.after = s * 0.6;
            self.out.flow.push(Flow::Para(p));
        }
        self.out.flow.push(Flow::Start {
            doc: None,
            head: None,
        });
        let mut heading = self.para(
            self.plain("Contents", Face::Bold, s * 1.5),
            Role::Heading(1),
            &lang,
            s * 1.5,
            String::new(),
        );
        heading.spec.align = Align::Left;
        heading.after = s * 1.2;
        heading.outline = Some(OutlineEntry::new(1, "Contents"));
        self.out.flow.push(Flow::Para(heading));
        self.open(Container::Toc);
        for (i, doc) in book.documents.iter().enumerate() {
            self.open(Container::TocItem);
            // Placeholders as wide as a real three-digit number keep both passes alike.
            let number = toc_pages
                .get(i)
                .map_or_else(|| "000".to_string(), |n| n.to_string());
            let mut title = self.para(
                self.plain(&doc.meta.title, Face::Regular, s),
                Role::Body,
                &lang,
                s,
                String::new(),
            );
            title.spec.align = Align::Left;
            title.spec.width -= s * 4.0;
            title.after = s * 0.3;
            let page = self.plain(&number, Face::Regular, s);
            self.out.flow.push(Flow::TocEntry {
                doc: i,
                title,
                page,
            });
            self.nest.pop();
        }
        self.nest.pop();
    }

    fn document(&mut self, i: usize, doc: &Document, bibliography: bool) {
        let s = self.g.size;
        let lang = doc.meta.lang.clone();
        let file = &doc.meta.source_file;
        let mut title = self.para(
            self.plain(&doc.meta.title, Face::Bold, s * 1.75),
            Role::Title,
            &lang,
            s * 1.75,
            format!("{file}:1"),
        );
        title.spec.align = Align::Center;
        title.spec.hyphenate = false;
        title.after = s * 0.6;
        title.keep_with_next = true;
        title.outline = Some(OutlineEntry::new(1, doc.meta.title.clone()));
        self.out.flow.push(Flow::Para(title));
        let mut byline = Vec::new();
        if let Some(sub) = &doc.meta.subtitle {
            byline.push((sub.clone(), Face::Italic));
        }
        if !doc.meta.authors.is_empty() {
            byline.push((doc.meta.authors.join(", "), Face::Regular));
        }
        if let Some(date) = &doc.meta.date {
            byline.push((date.clone(), Face::Italic));
        }
        for (text, face) in byline {
            let mut p = self.para(
                self.plain(&text, face, s * 1.05),
                Role::Title,
                &lang,
                s * 1.05,
                format!("{file}:1"),
            );
            p.spec.align = Align::Center;
            p.spec.hyphenate = false;
            p.after = s * 0.3;
            p.keep_with_next = true;
            self.out.flow.push(Flow::Para(p));
        }
        self.out.flow.push(Flow::Space(s * 1.5));
        let ctx = Ctx {
            doc,
            images: &NO_IMAGES,
            italic: false,
            bold: false,
            mono: false,
            size: s,
        };
        // Resolve decided the title (crate::contents): a leading H1 still here is a body heading.
        self.nesting = Nesting::default();
        self.blocks(&doc.blocks, ctx, 0.0, 0);
        self.notes(i, doc, ctx);
        if bibliography && !doc.sources.is_empty() {
            self.bibliography(doc, ctx);
        }
    }

    fn blocks(&mut self, blocks: &[Block], ctx: Ctx, indent: f32, depth: usize) {
        let s = self.g.size;
        let lang = ctx.doc.meta.lang.clone();
        let mut prev_para = false;
        for block in blocks {
            let was_para = prev_para;
            prev_para = false;
            match block {
                Block::Heading {
                    level,
                    content,
                    span,
                    id,
                } => {
                    let level = (*level).clamp(1, 6);
                    let size = heading_size(s, level);
                    let mut pieces = Vec::new();
                    inlines(
                        content,
                        Ctx {
                            bold: true,
                            size,
                            ..ctx
                        },
                        &mut pieces,
                        0,
                    );
                    let mut p = self.para(
                        pieces,
                        Role::Heading(level),
                        &lang,
                        size,
                        origin(ctx.doc, *span),
                    );
                    p.spec.align = Align::Left;
                    p.spec.hyphenate = false;
                    p.spec.width -= indent;
                    p.indent = indent;
                    p.before = s * 1.4;
                    p.after = s * 0.5;
                    p.keep_with_next = true;
                    // Under the profile's title (level 1), as in the EPUB's nav.
                    let depth = self.nesting.depth(level).min(7) as u8;
                    p.outline = Some(OutlineEntry {
                        anchor: id.clone(),
                        ..OutlineEntry::new(1 + depth, contents::label(content))
                    });
                    self.out.flow.push(Flow::Para(p));
                }
                Block::Paragraph { content, span } => {
                    // Only a body paragraph draws its inline images (below it); in
                    // headings, notes, cells and captions they print their alt text.
                    let ctx_images = Ctx {
                        images: self.images,
                        ..ctx
                    };
                    let mut pieces = Vec::new();
                    inlines(content, ctx_images, &mut pieces, 0);
                    let mut srcs = Vec::new();
                    inline_images(content, self.images, &mut srcs, 0);
                    if pieces.iter().all(|p| p.text.trim().is_empty()) {
                        for (src, alt) in srcs {
                            self.image(src, alt, indent, false);
                        }
                        continue;
                    }
                    let mut p = self.para(
                        pieces,
                        if ctx.size < s {
                            Role::Quote
                        } else {
                            Role::Body
                        },
                        &lang,
                        ctx.size,
                        origin(ctx.doc, *span),
                    );
                    p.spec.width -= indent;
                    p.indent = indent;
                    if was_para {
                        p.spec.first_indent = s * 1.5;
                    }
                    self.out.flow.push(Flow::Para(p));
                    // Inline images are drawn below their paragraph: the paragraph
                    // engine sets text only.
                    for (src, alt) in &srcs {
                        self.image(src, alt, indent, false);
                    }
                    prev_para = srcs.is_empty();
                }
                Block::Quote { blocks } if depth < MAX_DEPTH => {
                    self.out.flow.push(Flow::Space(s * 0.5));
                    let quoted = Ctx {
                        size: (ctx.size * 0.92 * 2.0).round() / 2.0,
                        ..ctx
                    };
                    self.open(Container::Quote);
                    self.blocks(blocks, quoted, indent + s * 2.0, depth + 1);
                    self.nest.pop();
                    self.out.flow.push(Flow::Space(s * 0.5));
                }
                Block::List { start, items } if depth < MAX_DEPTH => {
                    self.out.flow.push(Flow::Space(s * 0.3));
                    let hang = s * 1.8;
                    self.open(|id| Container::List(id, start.is_some()));
                    for (k, item) in items.iter().enumerate() {
                        let label = match start {
                            Some(n) => format!("{}.", n.saturating_add(k as u64)),
                            None => "\u{2022}".to_string(),
                        };
                        let first = self.out.flow.len();
                        self.open(Container::Item);
                        self.blocks(item, ctx, indent + hang, depth + 1);
                        self.nest.pop();
                        // The label hangs in the indent of the item's first paragraph.
                        if let Some(Flow::Para(p)) = self.out.flow.get_mut(first) {
                            p.label = Some(vec![Piece {
                                text: label,
                                style: ctx.style(),
                                tag: None,
                            }]);
                            p.spec.first_indent = 0.0;
                        }
                        self.out.flow.push(Flow::Space(s * 0.2));
                    }
                    self.nest.pop();
                    self.out.flow.push(Flow::Space(s * 0.3));
                }
                Block::Quote { .. } | Block::List { .. } => {
                    // Too deep to indent further: set the text flat.
                    let mut pieces = Vec::new();
                    block_inlines(block, ctx, &mut pieces, MAX_DEPTH);
                    let mut p = self.para(pieces, Role::Body, &lang, ctx.size, String::new());
                    p.spec.width -= indent;
                    p.indent = indent;
                    self.out.flow.push(Flow::Para(p));
                }
                Block::Table { head, rows, align } => {
                    // Each column as Markdown aligns it (`---:` flush right, `:-:`
                    // centred), flush left otherwise.
                    let cell = |this: &Self, cell: &[Inline], bold: bool, col: usize| {
                        let mut pieces = Vec::new();
                        let size = (s * 0.92 * 2.0).round() / 2.0;
                        inlines(cell, Ctx { bold, size, ..ctx }, &mut pieces, 0);
                        let mut p = this.para(pieces, Role::Body, &lang, size, String::new());
                        p.spec.align = match align.get(col) {
                            Some(crate::model::Align::Right) => Align::Right,
                            Some(crate::model::Align::Center) => Align::Center,
                            _ => Align::Left,
                        };
                        p
                    };
                    let row = |this: &Self, r: &[Vec<Inline>], bold: bool| -> Vec<Para> {
                        r.iter()
                            .enumerate()
                            .map(|(col, c)| cell(this, c, bold, col))
                            .collect()
                    };
                    let head = row(self, head, true);
                    let rows = rows.iter().map(|r| row(self, r, false)).collect();
                    // A blank line's worth above a table: its rule would crowd the
                    // text above otherwise.
                    self.out.flow.push(Flow::Space(s * 1.5));
                    self.out.flow.push(Flow::Table { head, rows });
                    self.out.flow.push(Flow::Space(s * 0.6));
                }
                Block::Figure {
                    src,
                    caption,
                    alt,
                    span,
                } => {
                    let mut pieces = Vec::new();
                    let italic = Ctx {
                        italic: true,
                        ..ctx
                    };
                    inlines(caption, italic, &mut pieces, 0);
                    let captioned = pieces.iter().any(|p| !p.text.trim().is_empty());
                    // An image without alternative text is described by its caption
                    // in the structure tree.
                    let described = if alt.trim().is_empty() {
                        Inline::plain(caption).trim().to_string()
                    } else {
                        alt.clone()
                    };
                    let drawn = src
                        .as_deref()
                        .is_some_and(|src| self.image(src, &described, indent, captioned));
                    let caption_para = |this: &Self, pieces, before| {
                        let mut p = this.para(
                            pieces,
                            Role::Caption,
                            &lang,
                            ctx.size,
                            origin(ctx.doc, *span),
                        );
                        p.spec.align = Align::Center;
                        p.spec.width -= indent + s * 4.0;
                        p.indent = indent + s * 2.0;
                        p.before = before;
                        p.after = s * 0.6;
                        p
                    };
                    if !drawn {
                        // A scraped caption often repeats as the alt text: say it once.
                        let own = if alt.trim() == Inline::plain(caption).trim() {
                            ""
                        } else {
                            alt.as_str()
                        };
                        let mut shown = Vec::new();
                        let text = crate::model::image_placeholder(own);
                        push_text(&mut shown, &text, italic.style(), None);
                        let mut p = caption_para(self, shown, s * 0.6);
                        p.keep_with_next = captioned;
                        p.after = s * 0.2;
                        self.out.flow.push(Flow::Para(p));
                    }
                    if !captioned {
                        continue;
                    }
                    let p = caption_para(self, pieces, if drawn { s * 0.4 } else { 0.0 });
                    self.out.flow.push(Flow::Para(p));
                }
                Block::Code { text, .. } => {
                    let size = (ctx.size * 0.85 * 2.0).round() / 2.0;
                    self.out.flow.push(Flow::Space(s * 0.4));
                    self.open(Container::Code);
                    for line in text.lines() {
                        let pieces =
                            self.plain(if line.is_empty() { " " } else { line }, Face::Mono, size);
                        let mut p = self.para(pieces, Role::Code, &lang, size, String::new());
                        p.spec.align = Align::Left;
                        p.spec.hyphenate = false;
                        p.spec.width -= indent + s;
                        p.indent = indent + s;
                        self.out.flow.push(Flow::Para(p));
                    }
                    self.nest.pop();
                    self.out.flow.push(Flow::Space(s * 0.4));
                }
                Block::Rule => self.out.flow.push(Flow::Rule),
            }
        }
    }
}

/// The size of a heading of `level` in a body set at `s`; the bibliography's heading
/// takes a section's (level 2), so every section head matches.
fn heading_size(s: f32, level: u8) -> f32 {
    match level {
        1 => s * 1.45,
        2 => s * 1.25,
        3 => s * 1.1,
        _ => s,
    }
}

impl Collector<'_> {
    /// Adds image `src` scaled to the measure, never taller than 60% of the text
    /// block, centred; `keep_with_next` keeps it with its caption. Returns false (and
    /// adds nothing) when the image is not available.
    fn image(&mut self, src: &str, alt: &str, indent: f32, keep_with_next: bool) -> bool {
        let Some(&(px_w, px_h)) = self.images.get(src) else {
            return false;
        };
        let measure = self.g.width() - indent;
        let ratio = px_h as f32 / px_w as f32;
        let mut width = measure;
        let mut height = width * ratio;
        let max_h = self.g.height() * 0.6;
        if height > max_h {
            height = max_h;
            width = height / ratio;
        }
        let s = self.g.size;
        self.out.flow.push(Flow::Space(s * 0.6));
        self.out.flow.push(Flow::Image {
            src: src.to_string(),
            alt: alt.to_string(),
            x: indent + (measure - width) / 2.0,
            width,
            height,
            keep_with_next,
            nest: self.nest.as_slice().into(),
        });
        if !keep_with_next {
            self.out.flow.push(Flow::Space(s * 0.6));
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(face: Face) -> TextStyle {
        TextStyle {
            face,
            size: 10.0,
            baseline_shift: 0.0,
        }
    }

    fn texts(parts: &[(&str, Face)]) -> Vec<String> {
        let mut out = Vec::new();
        for (text, face) in parts {
            push_text(&mut out, text, style(*face), None);
        }
        out.into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn runs_of_spaces_collapse_to_one_interword_space() {
        // The sample's "believe”  to": a no-break space then a space.
        assert_eq!(
            texts(&[("believe\u{201d}\u{a0} to a\t\n response", Face::Regular)]),
            ["believe\u{201d} to a response"]
        );
        assert_eq!(
            texts(&[("10\u{a0}\u{a0}km", Face::Regular)]),
            ["10\u{a0}km"]
        );
        // A run split across pieces (emphasis ends, text goes on) is still one space.
        assert_eq!(
            texts(&[("word\u{a0}", Face::Italic), ("  next", Face::Regular)]),
            ["word ", "next"]
        );
        // Code keeps its spaces.
        assert_eq!(texts(&[("a  = 1", Face::Mono)]), ["a  = 1"]);
    }
}
