//! Second stage: one profile → one XHTML document. Blocks and inlines become XHTML;
//! every [`Inline::NoteRef`] becomes superscript noteref links whose ids are recorded
//! so [`super::link_notes`] can give each note a back-link to every citing place.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use super::escape::{escape, fill, occurrence_letters, push_escaped, push_text, sanitize_name};
use super::prepare::{DocPlan, MAX_DEPTH, Plan};
use super::{EpubError, Templates, link_notes};
use crate::contents::{self, Nesting};
use crate::lang::Labels;
use crate::model::{Align, Block, Document, Inline};

/// One rendered profile.
#[derive(Debug)]
pub struct Chapter {
    /// The XHTML document.
    pub xhtml: String,
    /// Table-of-contents entries: the profile at depth 0, its headings below.
    pub toc: Vec<TocEntry>,
    /// Fragment of the endnotes section, if the profile has notes.
    pub notes_anchor: Option<String>,
    /// Fragment of the bibliography section, if the profile has sources.
    pub bibliography_anchor: Option<String>,
}

/// One line of the table of contents.
#[derive(Debug, Clone)]
pub struct TocEntry {
    /// Nesting depth, 0 for the profile; never more than one below the previous entry.
    pub depth: usize,
    /// Plain-text label.
    pub label: String,
    /// Target relative to `OEBPS/`.
    pub href: String,
}

/// State while one document is written.
pub struct Renderer<'a> {
    pub doc: &'a Document,
    pub plan: &'a DocPlan,
    pub book: &'a Plan,
    pub labels: &'static Labels,
    /// Note number → ids of the noterefs citing it, in reading order.
    pub refs: BTreeMap<u32, Vec<String>>,
    /// Model heading ids (`{#id}`) → XHTML ids, for internal links.
    heading_ids: HashMap<String, String>,
    /// Model heading ids already given to a heading: a second `{#same}` gets an id
    /// of its own.
    placed_ids: HashSet<String>,
    used_ids: Ids,
    pub toc: Vec<TocEntry>,
    /// Where each heading goes in the table of contents (the rule both editions share).
    nesting: Nesting,
}

/// Renders one profile.
pub fn render(
    doc: &Document,
    plan: &DocPlan,
    book: &Plan,
    templates: &Templates,
) -> Result<Chapter, EpubError> {
    let labels = Labels::for_lang(&plan.lang);
    let mut r = Renderer {
        doc,
        plan,
        book,
        labels,
        refs: BTreeMap::new(),
        heading_ids: HashMap::new(),
        placed_ids: HashSet::new(),
        used_ids: Ids::default(),
        toc: Vec::new(),
        nesting: Nesting::default(),
    };
    r.collect_heading_ids(&doc.blocks);

    let mut body = String::new();
    let chapter_id = r.unique_id("chapter");
    let _ = writeln!(
        body,
        "<section id=\"{chapter_id}\" epub:type=\"chapter\" role=\"doc-chapter\">"
    );
    // The title was decided in resolve (crate::contents): the PDF prints the same one.
    let title_plain = match doc.meta.title.trim() {
        "" => contents::untitled(&plan.lang).to_string(),
        title => title.to_string(),
    };
    let mut title_html = String::new();
    push_text(&mut title_html, &title_plain, plan.rtl);
    r.toc.push(TocEntry {
        depth: 0,
        label: title_plain.clone(),
        href: plan.href.clone(),
    });
    let title_id = r.unique_id("title");
    let _ = write!(body, "<header>\n<h1 id=\"{title_id}\">{title_html}</h1>\n");
    if let Some(subtitle) = doc
        .meta
        .subtitle
        .as_deref()
        .filter(|s| !s.trim().is_empty())
    {
        body.push_str("<p class=\"subtitle\">");
        push_text(&mut body, subtitle, plan.rtl);
        body.push_str("</p>\n");
    }
    if !doc.meta.authors.is_empty() {
        body.push_str("<p class=\"byline\">");
        push_text(&mut body, &doc.meta.authors.join(", "), plan.rtl);
        body.push_str("</p>\n");
    }
    body.push_str("</header>\n");
    r.blocks(&doc.blocks, 0, &mut body);
    body.push_str("</section>\n");

    let (notes_anchor, bibliography_anchor) = link_notes::link_notes(&mut r, &mut body);

    let css = "../style.css";
    let dir = if plan.rtl { " dir=\"rtl\"" } else { "" };
    let xhtml = fill(
        &templates.page,
        &[
            ("lang", &plan.lang),
            ("dir", dir),
            ("title", &escape(&title_plain)),
            ("css", css),
            ("body_type", "bodymatter"),
            ("body", &body),
        ],
    )
    .map_err(|message| EpubError::Template {
        file: "page.xhtml",
        message,
    })?;
    Ok(Chapter {
        xhtml,
        toc: r.toc,
        notes_anchor: notes_anchor.map(|a| format!("{}#{a}", plan.href)),
        bibliography_anchor: bibliography_anchor.map(|a| format!("{}#{a}", plan.href)),
    })
}

/// The ids of one document: `base`, else `base-2`, `base-3`, … The next number to try
/// is kept for each base, so 10,000 untitled headings (`slug-h`, `slug-h-2`, …) cost
/// 10,000 steps, not 50 million.
#[derive(Debug, Default)]
struct Ids {
    used: HashSet<String>,
    next: HashMap<String, usize>,
    /// Ids tried, for the test that the cost stays linear.
    tried: usize,
}

impl Ids {
    /// The first free id of `base`'s sequence, now taken.
    fn claim(&mut self, base: String) -> String {
        let next = self.next.entry(base.clone()).or_insert(1);
        loop {
            let id = match *next {
                1 => base.clone(),
                n => format!("{base}-{n}"),
            };
            *next += 1;
            self.tried += 1;
            if self.used.insert(id.clone()) {
                return id;
            }
        }
    }
}

impl Renderer<'_> {
    /// `{slug}-{name}`, made unique within the document (and so the book, since slugs are).
    pub fn unique_id(&mut self, name: &str) -> String {
        self.used_ids.claim(format!("{}-{name}", self.plan.slug))
    }

    fn collect_heading_ids(&mut self, blocks: &[Block]) {
        for block in blocks {
            if let Block::Heading { id: Some(id), .. } = block
                && !self.heading_ids.contains_key(id)
            {
                // Author ids live in their own namespace (`slug_name`; generated ids are
                // `slug-name`), so `{#note-1}` cannot take note 1's id.
                let base = format!("{}_{}", self.plan.slug, sanitize_name(id, "section"));
                let xhtml_id = self.used_ids.claim(base);
                self.heading_ids.insert(id.clone(), xhtml_id);
            }
        }
    }

    /// Writes blocks; beyond [`MAX_DEPTH`] nesting their text is flattened.
    pub fn blocks(&mut self, blocks: &[Block], depth: usize, out: &mut String) {
        for block in blocks {
            self.block(block, depth, out);
        }
    }

    fn block(&mut self, block: &Block, depth: usize, out: &mut String) {
        if depth > MAX_DEPTH {
            out.push_str("<p>");
            push_escaped(out, &flat_text(std::slice::from_ref(block)));
            out.push_str("</p>\n");
            return;
        }
        match block {
            Block::Heading {
                level, id, content, ..
            } => {
                let author = id
                    .as_ref()
                    .filter(|id| self.placed_ids.insert((*id).clone()))
                    .and_then(|id| self.heading_ids.get(id));
                let xhtml_id = match author {
                    Some(existing) => existing.clone(),
                    None => self.unique_id("h"),
                };
                // The profile title is the h1; body headings start at h2.
                let tag = (*level).clamp(2, 6);
                let _ = write!(out, "<h{tag} id=\"{xhtml_id}\">");
                self.inlines(content, depth, out);
                let _ = writeln!(out, "</h{tag}>");
                let depth = self.nesting.depth(*level);
                self.toc.push(TocEntry {
                    depth,
                    label: contents::label(content),
                    href: format!("{}#{xhtml_id}", self.plan.href),
                });
            }
            Block::Paragraph { content, .. } => {
                out.push_str("<p>");
                self.inlines(content, depth, out);
                out.push_str("</p>\n");
            }
            Block::Quote { blocks } => {
                out.push_str("<blockquote>\n");
                self.blocks(blocks, depth + 1, out);
                out.push_str("</blockquote>\n");
            }
            Block::List { start, items } => {
                match start {
                    Some(1) => out.push_str("<ol>\n"),
                    Some(n) => {
                        let _ = writeln!(out, "<ol start=\"{n}\">");
                    }
                    None => out.push_str("<ul>\n"),
                }
                for item in items {
                    out.push_str("<li>");
                    self.blocks(item, depth + 1, out);
                    out.push_str("</li>\n");
                }
                out.push_str(if start.is_some() {
                    "</ol>\n"
                } else {
                    "</ul>\n"
                });
            }
            Block::Table { align, head, rows } => self.table(align, head, rows, depth, out),
            Block::Figure {
                src, alt, caption, ..
            } => {
                out.push_str("<figure>\n");
                // Scraped pages often repeat the caption as alt text: print it once.
                let alt = if contents::plain(caption).trim() == alt.trim()
                    && src
                        .as_deref()
                        .and_then(|s| self.book.image_src(s))
                        .is_none()
                {
                    ""
                } else {
                    alt
                };
                self.image(src.as_deref(), alt, true, out);
                if !caption.is_empty() {
                    out.push_str("<figcaption>");
                    self.inlines(caption, depth, out);
                    out.push_str("</figcaption>\n");
                }
                out.push_str("</figure>\n");
            }
            Block::Code { text, .. } => {
                out.push_str("<pre><code>");
                push_escaped(out, text);
                out.push_str("</code></pre>\n");
            }
            Block::Rule => out.push_str("<hr/>\n"),
        }
    }

    fn table(
        &mut self,
        align: &[Align],
        head: &[Vec<Inline>],
        rows: &[Vec<Vec<Inline>>],
        depth: usize,
        out: &mut String,
    ) {
        let class = |i: usize| match align.get(i) {
            Some(Align::Left) => " class=\"left\"",
            Some(Align::Center) => " class=\"center\"",
            Some(Align::Right) => " class=\"right\"",
            _ => "",
        };
        out.push_str("<table>\n");
        if !head.is_empty() {
            out.push_str("<thead><tr>");
            for (i, cell) in head.iter().enumerate() {
                let _ = write!(out, "<th{}>", class(i));
                self.inlines(cell, depth, out);
                out.push_str("</th>");
            }
            out.push_str("</tr></thead>\n");
        }
        if !rows.is_empty() {
            out.push_str("<tbody>\n");
            for row in rows {
                out.push_str("<tr>");
                for (i, cell) in row.iter().enumerate() {
                    let _ = write!(out, "<td{}>", class(i));
                    self.inlines(cell, depth, out);
                    out.push_str("</td>");
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n");
        }
        out.push_str("</table>\n");
    }

    /// An image packaged from the options, or its alt text when its bytes were not given
    /// (the loader reports the missing file) so the EPUB stays valid.
    fn image(&mut self, src: Option<&str>, alt: &str, block: bool, out: &mut String) {
        match src.and_then(|s| self.book.image_src(s)) {
            Some(href) => {
                let _ = write!(
                    out,
                    "<img src=\"{}\" alt=\"{}\"/>",
                    escape(&href),
                    escape(alt)
                );
            }
            // A figure whose image is not here says so, as the PDF does.
            None if block => {
                out.push_str("<p class=\"image-alt\">");
                push_text(out, &crate::model::image_placeholder(alt), self.plan.rtl);
                out.push_str("</p>");
            }
            None => {
                let tag = if block { "p" } else { "span" };
                let _ = write!(out, "<{tag} class=\"image-alt\">");
                push_text(out, alt, self.plan.rtl);
                let _ = write!(out, "</{tag}>");
            }
        }
        if block {
            out.push('\n');
        }
    }

    /// Writes inlines; beyond [`MAX_DEPTH`] nesting their text is flattened.
    pub fn inlines(&mut self, inlines: &[Inline], depth: usize, out: &mut String) {
        let mut after_noteref = false;
        for inline in inlines {
            let is_noteref = matches!(inline, Inline::NoteRef(_));
            // "(1)(4)" written as two markers must not read as note 14.
            if after_noteref && is_noteref {
                out.push_str("<sup class=\"noteref\">,</sup>");
            }
            self.inline(inline, depth, out);
            after_noteref = is_noteref;
        }
    }

    fn inline(&mut self, inline: &Inline, depth: usize, out: &mut String) {
        let wrap = |r: &mut Self, tag: &str, content: &[Inline], out: &mut String| {
            if depth > MAX_DEPTH {
                push_escaped(out, &contents::plain(content));
                return;
            }
            let _ = write!(out, "<{tag}>");
            r.inlines(content, depth + 1, out);
            let _ = write!(out, "</{tag}>");
        };
        match inline {
            Inline::Text(text) => push_text(out, text, self.plan.rtl),
            Inline::Emph(c) => wrap(self, "em", c, out),
            Inline::Strong(c) => wrap(self, "strong", c, out),
            Inline::Strike(c) => wrap(self, "s", c, out),
            Inline::Code(text) => {
                out.push_str("<code>");
                push_escaped(out, text);
                out.push_str("</code>");
            }
            Inline::Link { url, content } => match self.link_target(url) {
                Some(href) if depth <= MAX_DEPTH => {
                    let _ = write!(out, "<a href=\"{}\">", escape(&href));
                    self.inlines(content, depth + 1, out);
                    out.push_str("</a>");
                }
                _ => wrap(self, "span", content, out),
            },
            Inline::Image { src, alt, .. } => self.image(Some(src), alt, false, out),
            Inline::LineBreak => out.push_str("<br/>"),
            Inline::FootnoteRef { label, .. } => {
                out.push_str("[^");
                push_escaped(out, label);
                out.push(']');
            }
            Inline::NoteRef(index) => self.noteref(*index, out),
        }
    }

    /// Links that stay valid inside an EPUB: web and mail addresses (the rule in
    /// [`crate::link`]), and fragments naming a heading of this profile. Anything else
    /// (a relative file, `javascript:`) prints as text.
    fn link_target(&self, url: &str) -> Option<String> {
        let url = url.trim();
        if let Some(fragment) = url.strip_prefix('#') {
            return self.heading_ids.get(fragment).map(|id| format!("#{id}"));
        }
        crate::link::outside_href(url)
    }

    /// A marker: one superscript link per note it cites, "(4)(5)" → ⁴,⁵, then its
    /// locator, "[3, p. 5]" → ³⁽ᵖ· ⁵⁾.
    fn noteref(&mut self, index: usize, out: &mut String) {
        let Some(marker) = self.doc.markers.get(index) else {
            return;
        };
        if marker.notes.is_empty() {
            return;
        }
        out.push_str("<sup class=\"noteref\">");
        for (k, &number) in marker.notes.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            let seen = self.refs.get(&number).map_or(0, Vec::len);
            let id = self.unique_id(&format!("ref-{number}{}", occurrence_letters(seen)));
            let _ = write!(
                out,
                "<a id=\"{id}\" href=\"#{}\" epub:type=\"noteref\" role=\"doc-noteref\">{}</a>",
                note_id(&self.plan.slug, number),
                self.doc.note_mark(number)
            );
            self.refs.entry(number).or_default().push(id);
            if let Some(locator) = marker.locator_after(k) {
                // Outside the link: the number opens the note, the locator is this
                // place's. Unbreakable, as a superscript is.
                out.push('(');
                push_escaped(out, &locator.replace(' ', "\u{a0}"));
                out.push(')');
            }
        }
        out.push_str("</sup>");
    }
}

/// The id of the (first) note with this number; noterefs point here.
pub fn note_id(slug: &str, number: u32) -> String {
    format!("{slug}-note-{number}")
}

/// Plain text of blocks without recursion.
fn flat_text(blocks: &[Block]) -> String {
    let mut parts = Vec::new();
    let mut stack: Vec<&Block> = blocks.iter().rev().collect();
    while let Some(block) = stack.pop() {
        match block {
            Block::Heading { content, .. } | Block::Paragraph { content, .. } => {
                parts.push(contents::plain(content));
            }
            Block::Quote { blocks } => stack.extend(blocks.iter().rev()),
            Block::List { items, .. } => stack.extend(items.iter().flatten().rev()),
            Block::Table { head, rows, .. } => {
                for cell in head.iter().chain(rows.iter().flatten()) {
                    parts.push(contents::plain(cell));
                }
            }
            Block::Figure { alt, caption, .. } => {
                parts.push(alt.clone());
                parts.push(contents::plain(caption));
            }
            Block::Code { text, .. } => parts.push(text.clone()),
            Block::Rule => {}
        }
    }
    parts.retain(|p| !p.trim().is_empty());
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Doubling the headings without ids doubles the ids tried (counted, not timed):
    /// 10,000 headings to EPUB took 18 s when each tried every number before its own.
    #[test]
    fn ids_cost_grows_linearly() {
        let tried = |n: usize| {
            let mut ids = Ids::default();
            ids.claim("p-h-2".to_string());
            let made: Vec<String> = (0..n).map(|_| ids.claim("p-h".to_string())).collect();
            assert_eq!(made[..3], ["p-h", "p-h-3", "p-h-4"]);
            ids.tried
        };
        let ratio = tried(4_000) as f64 / tried(2_000) as f64;
        assert!(ratio < 2.5, "ratio {ratio}");
    }
}
