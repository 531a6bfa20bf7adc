//! Markdown through pulldown-cmark: events become blocks and inlines on explicit stacks
//! (never recursion), so 10,000 nested quotes cost memory, not call depth.
//!
//! Works-cited lists are recognised here too: after a works-cited heading, a paragraph
//! of entry lines or an ordered list becomes [`Document::entries`], numbered with the
//! literal numbers in the source (CommonMark renumbers ordered lists).

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::Src;
use super::cited::{self, Collector};
use crate::diag::Diagnostic;
use crate::model::{Align, Block, Document, FootnoteDef, Inline, Span};

/// Deepest nesting of quotes and lists kept; deeper content joins the container at
/// this depth, so later recursive passes (serialisation, Drop, backends) stay shallow.
pub(crate) const MAX_DEPTH: usize = 64;
/// Deepest nesting of emphasis, links and the like kept.
const MAX_INLINE_DEPTH: usize = 64;

/// Reads the Markdown body starting at byte `start` (after any front matter) into `doc`.
pub(super) fn read(src: &Src, start: usize, doc: &mut Document) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_FOOTNOTES;
    let body = &src.text[start..];
    let mut b = Builder::new(src, doc.meta.title.is_empty());
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        b.event(event, range.start + start..range.end + start);
    }
    b.finish(doc);
}

enum ContainerKind {
    Root,
    Quote,
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Item,
    FootnoteDef {
        label: String,
        span: Span,
    },
}

struct Container {
    kind: ContainerKind,
    blocks: Vec<Block>,
}

enum LeafKind {
    Paragraph,
    Heading { level: u8, id: Option<String> },
    Code { lang: Option<String> },
    Html,
    Cell,
}

struct Leaf {
    kind: LeafKind,
    span: Span,
    /// Opened by inline content in a tight list item, not by a `Paragraph` event.
    implicit: bool,
    text: String,
}

enum InlineKind {
    Root,
    Emph,
    Strong,
    Strike,
    Link {
        url: String,
    },
    Image {
        url: String,
        title: String,
        span: Span,
    },
}

struct InlineFrame {
    kind: InlineKind,
    content: Vec<Inline>,
}

#[derive(Default)]
struct TableBuild {
    align: Vec<Align>,
    head: Vec<Vec<Inline>>,
    rows: Vec<Vec<Vec<Inline>>>,
    row: Vec<Vec<Inline>>,
}

/// A root-level block after a works-cited heading that may turn out to be entries.
struct Candidate {
    list: Option<bool>,
    /// Paragraph: one (text, offset) per source line. List: one per item, with its number.
    lines: Vec<(String, usize, Option<u32>)>,
    list_depth: usize,
    links: Vec<String>,
}

struct Builder<'s, 'a> {
    src: &'s Src<'a>,
    containers: Vec<Container>,
    /// One per container start event: whether it pushed a container (false past the cap).
    opened: Vec<bool>,
    depth: usize,
    depth_warned: bool,
    leaf: Option<Leaf>,
    inlines: Vec<InlineFrame>,
    inline_opened: Vec<bool>,
    table: Option<TableBuild>,
    last_image_title: String,
    title_from_h1: bool,
    title: Option<String>,
    in_cited: bool,
    /// Index in the root blocks of a works-cited heading not yet followed by entries.
    cited_heading: Option<usize>,
    candidate: Option<Candidate>,
    collector: Collector,
    footnote_defs: Vec<FootnoteDef>,
    referenced: HashSet<String>,
    diagnostics: Vec<Diagnostic>,
}

impl<'s, 'a> Builder<'s, 'a> {
    fn new(src: &'s Src<'a>, title_from_h1: bool) -> Self {
        Builder {
            src,
            containers: vec![Container {
                kind: ContainerKind::Root,
                blocks: Vec::new(),
            }],
            opened: Vec::new(),
            depth: 0,
            depth_warned: false,
            leaf: None,
            inlines: Vec::new(),
            inline_opened: Vec::new(),
            table: None,
            last_image_title: String::new(),
            title_from_h1,
            title: None,
            in_cited: false,
            cited_heading: None,
            candidate: None,
            collector: Collector::new(src.text),
            footnote_defs: Vec::new(),
            referenced: HashSet::new(),
            diagnostics: Vec::new(),
        }
    }

    fn event(&mut self, event: Event, range: Range<usize>) {
        self.observe_candidate(&event, &range);
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(t) => self.text(&t, range),
            Event::Code(t) => self.push_inline(Inline::Code(t.into_string()), &range),
            Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.push_inline(Inline::Code(t.into_string()), &range)
            }
            Event::Html(t) => {
                if let Some(leaf) = &mut self.leaf {
                    leaf.text.push_str(&t);
                }
            }
            Event::InlineHtml(t) => {
                let tag = t.trim().to_ascii_lowercase();
                if matches!(tag.as_str(), "<br>" | "<br/>" | "<br />") {
                    self.push_inline(Inline::LineBreak, &range);
                }
            }
            Event::FootnoteReference(label) => {
                let label = label.into_string();
                self.referenced.insert(label.to_lowercase());
                let span = self.src.span(range.start, range.len());
                self.push_inline(Inline::FootnoteRef { label, span }, &range);
            }
            // A line break between two characters of text set solid (Chinese,
            // Japanese) is no space, as CSS Text 3 removes it: the writer wrapped
            // the line, not the sentence.
            Event::SoftBreak if self.between_solid(&range) => {}
            Event::SoftBreak => self.push_inline(Inline::Text(" ".into()), &range),
            Event::HardBreak => self.push_inline(Inline::LineBreak, &range),
            Event::Rule => {
                self.close_implicit();
                self.end_cited_unless_candidate();
                self.push_block(Block::Rule);
            }
            Event::TaskListMarker(done) => {
                let mark = if done { "[x] " } else { "[ ] " };
                self.push_inline(Inline::Text(mark.into()), &range)
            }
        }
    }

    /// Whether the characters on both sides of `range` (a line break) are set solid;
    /// a footnote reference ending the line stands for nothing (`。[^1]`).
    fn between_solid(&self, range: &Range<usize>) -> bool {
        let text = self.src.text;
        let mut head = text.get(..range.start).unwrap_or_default();
        if let Some(open) = head.rfind("[^")
            && head.ends_with(']')
            && !head[open..head.len() - 1].contains(']')
        {
            head = &head[..open];
        }
        let before = head.chars().next_back();
        let after = text
            .get(range.end..)
            .and_then(|t| t.trim_start().chars().next());
        before.is_some_and(crate::lang::is_solid) && after.is_some_and(crate::lang::is_solid)
    }

    fn start(&mut self, tag: Tag, range: Range<usize>) {
        let span = self.src.span(range.start, range.len());
        match tag {
            Tag::Emphasis => self.open_inline(InlineKind::Emph),
            Tag::Strong => self.open_inline(InlineKind::Strong),
            Tag::Strikethrough => self.open_inline(InlineKind::Strike),
            Tag::Superscript | Tag::Subscript => self.inline_opened.push(false),
            Tag::Link { dest_url, .. } => self.open_inline(InlineKind::Link {
                url: dest_url.into_string(),
            }),
            Tag::Image {
                dest_url, title, ..
            } => self.open_inline(InlineKind::Image {
                url: dest_url.into_string(),
                title: title.into_string(),
                span,
            }),
            Tag::Paragraph => self.open_leaf(LeafKind::Paragraph, span, false),
            Tag::Heading { level, id, .. } => {
                self.end_cited_unless_root();
                let level = heading_level(level);
                let id = id.map(|i| i.into_string());
                self.open_leaf(LeafKind::Heading { level, id }, span, false)
            }
            Tag::CodeBlock(kind) => {
                self.end_cited_unless_candidate();
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().map(str::to_string)
                    }
                    CodeBlockKind::Indented => None,
                };
                self.open_leaf(LeafKind::Code { lang }, span, false)
            }
            Tag::HtmlBlock => self.open_leaf(LeafKind::Html, span, false),
            Tag::BlockQuote(_) => {
                self.end_cited_unless_candidate();
                self.open_container(ContainerKind::Quote, &range, true)
            }
            Tag::List(start) => self.open_container(
                ContainerKind::List {
                    start,
                    items: Vec::new(),
                },
                &range,
                true,
            ),
            Tag::Item => {
                let in_list = matches!(
                    self.containers.last().map(|c| &c.kind),
                    Some(ContainerKind::List { .. })
                ) && self.opened.last() == Some(&true);
                if in_list {
                    self.open_container(ContainerKind::Item, &range, false)
                } else {
                    self.close_implicit();
                    self.opened.push(false);
                }
            }
            Tag::FootnoteDefinition(label) => self.open_container(
                ContainerKind::FootnoteDef {
                    label: label.into_string(),
                    span,
                },
                &range,
                false,
            ),
            Tag::Table(align) => {
                self.end_cited_unless_candidate();
                self.close_implicit();
                self.table = Some(TableBuild {
                    align: align.into_iter().map(convert_align).collect(),
                    ..TableBuild::default()
                });
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(t) = &mut self.table {
                    t.row.clear();
                }
            }
            Tag::TableCell => self.open_leaf(LeafKind::Cell, span, false),
            Tag::MetadataBlock(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => {}
        }
    }

    fn end(&mut self, tag: TagEnd, range: Range<usize>) {
        match tag {
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::Superscript
            | TagEnd::Subscript => self.close_inline(),
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::TableCell => self.close_leaf(),
            TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item | TagEnd::FootnoteDefinition => {
                self.close_container()
            }
            TagEnd::TableHead => {
                if let Some(t) = &mut self.table {
                    t.head = std::mem::take(&mut t.row);
                }
            }
            TagEnd::TableRow => {
                if let Some(t) = &mut self.table {
                    let row = std::mem::take(&mut t.row);
                    t.rows.push(row);
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    self.push_block(Block::Table {
                        align: t.align,
                        head: t.head,
                        rows: t.rows,
                    });
                }
            }
            TagEnd::MetadataBlock(_)
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition => {}
        }
        if self.containers.len() == 1 && self.leaf.is_none() && self.table.is_none() {
            self.settle_candidate(&range);
        }
    }

    fn text(&mut self, t: &str, range: Range<usize>) {
        if let Some(leaf) = &mut self.leaf
            && matches!(leaf.kind, LeafKind::Code { .. } | LeafKind::Html)
        {
            leaf.text.push_str(t);
            return;
        }
        self.check_undefined_footnote(&range);
        self.push_inline(Inline::Text(t.to_string()), &range);
    }

    /// With GFM footnotes, pulldown-cmark leaves an undefined `[^label]` as text that
    /// starts at its `[`; find it in the source so the warning has a place.
    fn check_undefined_footnote(&mut self, range: &Range<usize>) {
        let text = self.src.text;
        let rest = &text[range.start..];
        let escaped = range.start > 0 && text.as_bytes()[range.start - 1] == b'\\';
        if escaped || !rest.starts_with("[^") {
            return;
        }
        // labels are short: look for the `]` in a bounded window, not to the end of the file
        let window = &rest.as_bytes()[2..rest.len().min(104)];
        let Some(close) = window.iter().position(|&b| b == b']') else {
            return;
        };
        let label = &rest[2..2 + close];
        if label.is_empty() || label.len() > 100 || label.contains(char::is_whitespace) {
            return;
        }
        if rest[2 + close + 1..].starts_with(':') {
            return;
        }
        self.diagnostics.push(
            self.src
                .warning(
                    "W-FOOTNOTE-UNDEFINED",
                    range.start,
                    close + 3,
                    format!("footnote `[^{label}]` is referenced but never defined"),
                )
                .with_hint(format!(
                    "add a definition `[^{label}]: …`; the reference is kept as text"
                )),
        );
    }

    // ---- containers -------------------------------------------------------------

    fn open_container(&mut self, kind: ContainerKind, range: &Range<usize>, counts: bool) {
        self.close_implicit();
        if counts && self.depth >= MAX_DEPTH {
            if !self.depth_warned {
                self.depth_warned = true;
                self.diagnostics.push(
                    self.src
                        .warning(
                            "W-NESTING-DEPTH",
                            range.start,
                            0,
                            format!("quotes and lists nest deeper than {MAX_DEPTH} levels"),
                        )
                        .with_hint("deeper content is kept at the deepest allowed level"),
                );
            }
            self.opened.push(false);
            return;
        }
        if counts {
            self.depth += 1;
        }
        self.opened.push(true);
        self.containers.push(Container {
            kind,
            blocks: Vec::new(),
        });
    }

    fn close_container(&mut self) {
        self.close_implicit();
        if self.opened.pop() != Some(true) || self.containers.len() < 2 {
            return;
        }
        let Some(c) = self.containers.pop() else {
            return;
        };
        match c.kind {
            ContainerKind::Root => {}
            ContainerKind::Quote => {
                self.depth -= 1;
                self.push_block(Block::Quote { blocks: c.blocks });
            }
            ContainerKind::List { start, items } => {
                self.depth -= 1;
                self.push_block(Block::List { start, items });
            }
            ContainerKind::Item => {
                if let Some(Container {
                    kind: ContainerKind::List { items, .. },
                    ..
                }) = self.containers.last_mut()
                {
                    items.push(c.blocks);
                }
            }
            ContainerKind::FootnoteDef { label, span } => self.footnote_defs.push(FootnoteDef {
                label,
                blocks: c.blocks,
                span,
            }),
        }
    }

    fn push_block(&mut self, block: Block) {
        if let Some(c) = self.containers.last_mut() {
            c.blocks.push(block);
        }
    }

    // ---- leaves and inlines -----------------------------------------------------

    fn open_leaf(&mut self, kind: LeafKind, span: Span, implicit: bool) {
        if !implicit {
            self.close_implicit();
        }
        self.leaf = Some(Leaf {
            kind,
            span,
            implicit,
            text: String::new(),
        });
        self.inlines.clear();
        self.inline_opened.clear();
        self.inlines.push(InlineFrame {
            kind: InlineKind::Root,
            content: Vec::new(),
        });
    }

    fn close_implicit(&mut self) {
        if self.leaf.as_ref().is_some_and(|l| l.implicit) {
            self.close_leaf();
        }
    }

    fn close_leaf(&mut self) {
        let Some(leaf) = self.leaf.take() else {
            return;
        };
        while self.inlines.len() > 1 {
            self.close_inline_frame();
        }
        let mut content = self.inlines.pop().map(|f| f.content).unwrap_or_default();
        trim_inlines(&mut content);
        let block = match leaf.kind {
            LeafKind::Paragraph => match content.as_slice() {
                [Inline::Image { src, alt, span }] => {
                    let title = std::mem::take(&mut self.last_image_title);
                    let caption = if title.trim().is_empty() {
                        alt.clone()
                    } else {
                        title
                    };
                    Block::Figure {
                        src: Some(src.clone()),
                        alt: alt.clone(),
                        caption: if caption.is_empty() {
                            vec![]
                        } else {
                            vec![Inline::Text(caption)]
                        },
                        span: *span,
                    }
                }
                _ => {
                    // "References:" or "**Notes**" alone in a paragraph stands for a heading
                    if self.containers.len() == 1 && cited::is_heading(&Inline::plain(&content)) {
                        self.in_cited = true;
                        self.cited_heading = self.containers.first().map(|c| c.blocks.len());
                    }
                    Block::Paragraph {
                        content,
                        span: leaf.span,
                    }
                }
            },
            LeafKind::Heading { level, id } => {
                let at_root = self.containers.len() == 1;
                if at_root && level == 1 && self.title_from_h1 && self.title.is_none() {
                    self.title = Some(Inline::plain(&content).trim().to_string());
                    return;
                }
                if at_root && cited::is_heading(&Inline::plain(&content)) {
                    self.in_cited = true;
                    self.cited_heading = self.containers.first().map(|c| c.blocks.len());
                }
                Block::Heading {
                    level,
                    id,
                    content,
                    span: leaf.span,
                }
            }
            LeafKind::Code { lang } => Block::Code {
                lang,
                text: leaf.text,
            },
            LeafKind::Html => {
                let html = leaf.text.trim();
                let comment = html.starts_with("<!--") && html.ends_with("-->");
                if !html.is_empty() && !comment {
                    self.diagnostics.push(self.src.warning(
                        "W-RAW-HTML",
                        leaf.span.offset,
                        leaf.span.len,
                        "raw html block dropped".to_string(),
                    ));
                }
                return;
            }
            LeafKind::Cell => {
                if let Some(t) = &mut self.table {
                    t.row.push(content);
                }
                return;
            }
        };
        self.push_block(block);
    }

    fn open_inline(&mut self, kind: InlineKind) {
        if self.leaf.is_none() {
            let span = match &kind {
                InlineKind::Image { span, .. } => *span,
                _ => Span::default(),
            };
            self.open_leaf(LeafKind::Paragraph, span, true);
        }
        if self.inlines.len() > MAX_INLINE_DEPTH {
            self.inline_opened.push(false);
            return;
        }
        self.inline_opened.push(true);
        self.inlines.push(InlineFrame {
            kind,
            content: Vec::new(),
        });
    }

    fn close_inline(&mut self) {
        if self.inline_opened.pop() == Some(true) && self.inlines.len() > 1 {
            self.close_inline_frame();
        }
    }

    fn close_inline_frame(&mut self) {
        let Some(frame) = self.inlines.pop() else {
            return;
        };
        let inline = match frame.kind {
            InlineKind::Root => return,
            InlineKind::Emph => Inline::Emph(frame.content),
            InlineKind::Strong => Inline::Strong(frame.content),
            InlineKind::Strike => Inline::Strike(frame.content),
            InlineKind::Link { url } => Inline::Link {
                url,
                content: frame.content,
            },
            InlineKind::Image { url, title, span } => {
                self.last_image_title = title;
                Inline::Image {
                    src: url,
                    alt: Inline::plain(&frame.content),
                    span,
                }
            }
        };
        if let Some(top) = self.inlines.last_mut() {
            top.content.push(inline);
        }
    }

    fn push_inline(&mut self, inline: Inline, range: &Range<usize>) {
        if self.leaf.is_none() {
            let span = self.src.span(range.start, 0);
            self.open_leaf(LeafKind::Paragraph, span, true);
        }
        let Some(top) = self.inlines.last_mut() else {
            return;
        };
        if let (Inline::Text(new), Some(Inline::Text(last))) = (&inline, top.content.last_mut()) {
            last.push_str(new);
            return;
        }
        top.content.push(inline);
    }

    // ---- works cited ------------------------------------------------------------

    /// A root-level block that cannot be an entry list ends the works-cited section.
    fn end_cited_unless_candidate(&mut self) {
        if self.containers.len() == 1 && self.candidate.is_none() {
            self.in_cited = false;
            self.cited_heading = None;
        }
    }

    fn end_cited_unless_root(&mut self) {
        if self.containers.len() == 1 {
            self.in_cited = false;
            self.cited_heading = None;
        }
    }

    /// Follows the source of a root-level paragraph or list after a works-cited heading.
    fn observe_candidate(&mut self, event: &Event, range: &Range<usize>) {
        let root = self.containers.len() == 1 && self.leaf.is_none() && self.table.is_none();
        if self.in_cited && self.candidate.is_none() && root {
            match event {
                Event::Start(Tag::Paragraph) => {
                    self.candidate = Some(Candidate {
                        list: None,
                        lines: vec![(String::new(), range.start, None)],
                        list_depth: 0,
                        links: Vec::new(),
                    });
                }
                Event::Start(Tag::List(start)) => {
                    self.candidate = Some(Candidate {
                        list: Some(start.is_some()),
                        lines: Vec::new(),
                        list_depth: 0,
                        links: Vec::new(),
                    });
                }
                _ => {}
            }
        }
        let Some(cand) = &mut self.candidate else {
            return;
        };
        let text = self.src.text;
        match event {
            Event::Start(Tag::List(_)) => cand.list_depth += 1,
            Event::End(TagEnd::List(_)) => cand.list_depth = cand.list_depth.saturating_sub(1),
            Event::Start(Tag::Item) if cand.list_depth == 1 => {
                let number = literal_number(&text[range.start..]);
                cand.lines.push((String::new(), range.start, number));
            }
            Event::Start(Tag::Link { dest_url, .. }) => cand.links.push(dest_url.to_string()),
            Event::End(TagEnd::Link) => {
                if let (Some(url), Some(line)) = (cand.links.pop(), cand.lines.last_mut())
                    && !line.0.ends_with(url.as_str())
                {
                    line.0.push(' ');
                    line.0.push_str(&url);
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(line) = cand.lines.last_mut() {
                    line.0.extend(
                        t.chars()
                            .filter(|c| ![ITALIC_OPEN, ITALIC_CLOSE].contains(c)),
                    );
                }
            }
            Event::Start(Tag::Emphasis) | Event::End(TagEnd::Emphasis) => {
                if let Some(line) = cand.lines.last_mut() {
                    line.0.push(if matches!(event, Event::Start(_)) {
                        ITALIC_OPEN
                    } else {
                        ITALIC_CLOSE
                    });
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if cand.list.is_none() {
                    cand.lines.push((String::new(), range.end, None));
                } else if let Some(line) = cand.lines.last_mut() {
                    line.0.push(' ');
                }
            }
            Event::End(TagEnd::Paragraph) if cand.list.is_some() => {
                if let Some(line) = cand.lines.last_mut() {
                    line.0.push(' ');
                }
            }
            _ => {}
        }
    }

    /// At the end of a root-level block: if it was a works-cited candidate, keep it as
    /// entries (removing the block and the heading) or end the works-cited section.
    fn settle_candidate(&mut self, _range: &Range<usize>) {
        let Some(cand) = self.candidate.take() else {
            return;
        };
        let mut collector = std::mem::take(&mut self.collector);
        let before = collector.entries.len();
        let mut ok = true;
        for (i, (line, offset, number)) in cand.lines.iter().enumerate() {
            let span = self.src.span(*offset, 0);
            let is_new = match cand.list {
                Some(true) => collector.start(line, span, number.or(Some(i as u32 + 1))),
                _ => collector.start(line, span, None),
            };
            if !is_new {
                if i == 0 || cand.list == Some(false) {
                    ok = false;
                    break;
                }
                collector.extend(line);
            }
        }
        if !ok {
            collector.entries.truncate(before);
            self.collector = collector;
            self.in_cited = false;
            self.cited_heading = None;
            return;
        }
        for entry in &mut collector.entries[before..] {
            (entry.text, entry.italics) = take_italic_marks(&entry.text);
        }
        self.collector = collector;
        if let Some(root) = self.containers.first_mut() {
            root.blocks.pop();
            if let Some(h) = self.cited_heading.take()
                && h + 1 == root.blocks.len()
            {
                root.blocks.pop();
            }
        }
    }

    fn finish(mut self, doc: &mut Document) {
        self.close_implicit();
        while self.containers.len() > 1 {
            self.opened.push(true);
            self.close_container();
        }
        if let Some(title) = self.title {
            doc.meta.title = title;
        }
        doc.blocks = self.containers.pop().map(|c| c.blocks).unwrap_or_default();
        doc.entries = std::mem::take(&mut self.collector.entries);
        for def in &self.footnote_defs {
            if !self.referenced.contains(&def.label.to_lowercase()) {
                self.diagnostics.push(self.src.warning(
                    "W-FOOTNOTE-UNUSED",
                    def.span.offset,
                    def.span.len,
                    format!(
                        "footnote `[^{}]` is defined but never referenced",
                        def.label
                    ),
                ));
            }
        }
        doc.footnote_defs = self.footnote_defs;
        doc.diagnostics.extend(self.diagnostics);
    }
}

/// The number an ordered list item is written with ("10." → 10), read from the source.
fn literal_number(item_source: &str) -> Option<u32> {
    let s = item_source.trim_start();
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    s[..digits].parse().ok()
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn convert_align(a: pulldown_cmark::Alignment) -> Align {
    match a {
        pulldown_cmark::Alignment::None => Align::None,
        pulldown_cmark::Alignment::Left => Align::Left,
        pulldown_cmark::Alignment::Center => Align::Center,
        pulldown_cmark::Alignment::Right => Align::Right,
    }
}

/// Drops leading and trailing whitespace-only text (soft breaks at the edges).
fn trim_inlines(content: &mut Vec<Inline>) {
    if let Some(Inline::Text(t)) = content.last_mut() {
        let len = t.trim_end().len();
        t.truncate(len);
        if t.is_empty() {
            content.pop();
        }
    }
    if let Some(Inline::Text(t)) = content.first_mut() {
        let trimmed = t.trim_start();
        if trimmed.len() != t.len() {
            *t = trimmed.to_string();
        }
        if t.is_empty() {
            content.remove(0);
        }
    }
}

/// Where emphasis opens and closes in a works-cited candidate's lines: private-use
/// characters, which the reader takes out of the text it is given, so the entries the
/// collector cuts from the lines keep them where their italics are.
const ITALIC_OPEN: char = '\u{E000}';
const ITALIC_CLOSE: char = '\u{E001}';

/// An entry's text without its italics marks, and the byte ranges they set off. An
/// emphasis the entry's line opens and does not close runs to its end; one it closes
/// without opening began on the line before.
fn take_italic_marks(marked: &str) -> (String, Vec<Range<usize>>) {
    let mut text = String::with_capacity(marked.len());
    let mut italics = Vec::new();
    let (mut depth, mut start) = (0usize, 0);
    for c in marked.chars() {
        match c {
            ITALIC_OPEN => {
                if depth == 0 {
                    start = text.len();
                }
                depth += 1;
            }
            ITALIC_CLOSE if depth > 0 => {
                depth -= 1;
                if depth == 0 && start < text.len() {
                    italics.push(start..text.len());
                }
            }
            ITALIC_CLOSE => {}
            c => text.push(c),
        }
    }
    if depth > 0 && start < text.len() {
        italics.push(start..text.len());
    }
    (text, italics)
}

#[cfg(test)]
mod tests;
