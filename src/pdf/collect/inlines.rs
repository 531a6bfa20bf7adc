//! Inline content → styled [`Piece`]s: text with collapsed white space, superscript
//! note markers tagged with their note, URLs tagged as links, and the inline images a
//! paragraph draws below itself.

use std::collections::BTreeMap;

use super::{Ctx, MAX_DEPTH};
use crate::model::{Block, Document, Inline, Span};
use crate::pdf::types::{Face, Piece, Tag, TextStyle};

/// The sources of drawable inline images in `content`, in order.
pub(super) fn inline_images<'c>(
    content: &'c [Inline],
    images: &BTreeMap<String, (u32, u32)>,
    out: &mut Vec<(&'c str, &'c str)>,
    depth: usize,
) {
    for inline in content {
        match inline {
            Inline::Image { src, alt, .. } if images.contains_key(src) => out.push((src, alt)),
            Inline::Emph(c) | Inline::Strong(c) | Inline::Strike(c) if depth < MAX_DEPTH => {
                inline_images(c, images, out, depth + 1)
            }
            Inline::Link { content, .. } if depth < MAX_DEPTH => {
                inline_images(content, images, out, depth + 1)
            }
            _ => {}
        }
    }
}

pub(super) fn origin(doc: &Document, span: Span) -> String {
    format!("{}:{}", doc.meta.source_file, span.line.max(1))
}

/// Turns inlines into pieces. Nesting beyond [`MAX_DEPTH`] keeps its text but loses
/// its styling.
pub(super) fn inlines(content: &[Inline], ctx: Ctx, out: &mut Vec<Piece>, depth: usize) {
    for inline in content {
        match inline {
            Inline::Text(t) => push_text(out, t, ctx.style(), None),
            Inline::Code(t) => push_text(out, t, Ctx { mono: true, ..ctx }.style(), None),
            Inline::Emph(c) if depth < MAX_DEPTH => inlines(
                c,
                Ctx {
                    italic: !ctx.italic,
                    ..ctx
                },
                out,
                depth + 1,
            ),
            Inline::Strong(c) if depth < MAX_DEPTH => {
                inlines(c, Ctx { bold: true, ..ctx }, out, depth + 1)
            }
            Inline::Strike(c) if depth < MAX_DEPTH => inlines(c, ctx, out, depth + 1),
            Inline::Link { url, content } if depth < MAX_DEPTH => {
                let start = out.len();
                inlines(content, ctx, out, depth + 1);
                for p in &mut out[start..] {
                    p.tag.get_or_insert_with(|| Tag::Link(url.clone()));
                }
            }
            Inline::Emph(c)
            | Inline::Strong(c)
            | Inline::Strike(c)
            | Inline::Link { content: c, .. } => {
                push_text(out, &Inline::plain(c), ctx.style(), None);
            }
            Inline::Image { src, .. } if ctx.images.contains_key(src) => {}
            Inline::Image { alt, .. } => push_text(out, alt, ctx.style(), None),
            Inline::LineBreak => push_text(out, " ", ctx.style(), None),
            Inline::FootnoteRef { .. } => {}
            Inline::NoteRef(i) => marker(ctx, *i, out),
        }
    }
}

/// A superscript marker: each cited number tagged with its note, then the locator
/// written inside it ("[3, p. 5]" → ³⁽ᵖ· ⁵⁾).
fn marker(ctx: Ctx, index: usize, out: &mut Vec<Piece>) {
    let Some(m) = ctx.doc.markers.get(index) else {
        return;
    };
    // A marker hugs the word before it, as a superscript does.
    if let Some(last) = out.last_mut()
        && last.tag.is_none()
    {
        let trimmed = last.text.trim_end().len();
        last.text.truncate(trimmed);
    }
    let style = superscript(ctx.style());
    // Marks that meet must not fuse into a false number ("⁷⁸" for notes 7 and 8),
    // whatever spacing the source had; one split by a full stop joins the other side.
    if adjoin_marks(out) {
        separator(out, style);
    }
    for (k, note) in m.notes.iter().enumerate() {
        if k > 0 {
            out.push(Piece {
                text: ",".into(),
                style,
                tag: None,
            });
        }
        out.push(Piece {
            text: ctx.doc.note_mark(*note),
            style,
            tag: Some(Tag::NoteRef {
                marker: index,
                note: *note,
            }),
        });
        if let Some(locator) = m.locator_after(k) {
            // Untagged: the number links to the note, the locator is this place's.
            // Unbreakable, as a superscript is.
            out.push(Piece {
                text: format!("({})", locator.replace(' ', "\u{a0}")),
                style,
                tag: None,
            });
        }
    }
}

fn separator(out: &mut Vec<Piece>, style: TextStyle) {
    out.push(Piece {
        text: ",".into(),
        style,
        tag: None,
    });
}

fn is_mark(p: &Piece) -> bool {
    matches!(p.tag, Some(Tag::NoteRef { .. }))
        || (p.tag.is_none() && p.text == "," && p.style.baseline_shift > 0.0)
}

/// Whether the pieces end with a note mark a new one would touch: right after it, or
/// after it and punctuation only ("word⁷. ⁸"), which then moves before the first mark
/// of the run, so the marks stand together after the full stop, as Chicago sets them.
fn adjoin_marks(out: &mut Vec<Piece>) -> bool {
    while out.last().is_some_and(|p| p.text.is_empty()) {
        out.pop();
    }
    let Some(last) = out.last() else {
        return false;
    };
    if matches!(last.tag, Some(Tag::NoteRef { .. })) {
        return true;
    }
    let punct = last.tag.is_none()
        && !last.text.is_empty()
        && last
            .text
            .chars()
            .all(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?'));
    let n = out.len();
    if !punct || n < 2 || !matches!(out[n - 2].tag, Some(Tag::NoteRef { .. })) {
        return false;
    }
    let start = (0..n - 1)
        .rev()
        .take_while(|&k| is_mark(&out[k]))
        .last()
        .unwrap_or(n - 2);
    if let Some(p) = out.pop() {
        out.insert(start, p);
    }
    true
}

/// Pushes text, tagging bare URLs in it as links so they are clickable.
pub(crate) fn push_text(out: &mut Vec<Piece>, text: &str, style: TextStyle, tag: Option<Tag>) {
    let collapsed;
    let text = if style.face == Face::Mono {
        text
    } else {
        collapsed = collapse_spaces(out, text);
        collapsed.as_str()
    };
    if text.is_empty() {
        return;
    }
    if tag.is_some() {
        out.push(Piece {
            text: text.to_string(),
            style,
            tag,
        });
        return;
    }
    let mut rest = text;
    while let Some(start) = find_url(rest) {
        let end = rest[start..]
            .find(char::is_whitespace)
            .map_or(rest.len(), |e| start + e);
        // Closing punctuation after a URL belongs to the sentence.
        let url = rest[start..end].trim_end_matches(['.', ',', ';', ':', ')', '"', '\'', '”', '’']);
        let end = start + url.len();
        if start > 0 {
            out.push(Piece {
                text: rest[..start].to_string(),
                style,
                tag: None,
            });
        }
        let target = if url.starts_with("www.") {
            format!("https://{url}")
        } else {
            url.to_string()
        };
        out.push(Piece {
            text: url.to_string(),
            style,
            tag: Some(Tag::Link(target)),
        });
        rest = &rest[end..];
    }
    if !rest.is_empty() {
        out.push(Piece {
            text: rest.to_string(),
            style,
            tag: None,
        });
    }
}

/// Whether `c` is white space that a run of spaces collapses over (`\u{a0}`
/// included: scraped text often has "&nbsp; " where one space was meant).
pub(super) fn is_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{2007}' | '\u{202f}')
}

/// Collapses each run of white space in `text` to one interword space, as HTML and
/// TeX do: a run holding any breaking space becomes a breaking space, a run of
/// no-break spaces one no-break space. A run continuing one that ends the previous
/// piece is dropped (or turns that piece's trailing no-break space into a space).
pub(super) fn collapse_spaces(out: &mut [Piece], text: &str) -> String {
    let mut result = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut first = true;
    while let Some(c) = chars.next() {
        if !is_space(c) {
            result.push(c);
            first = false;
            continue;
        }
        let mut breaking = c != '\u{a0}';
        while let Some(&next) = chars.peek().filter(|&&n| is_space(n)) {
            breaking |= next != '\u{a0}';
            chars.next();
        }
        // A line break in the source between two solid CJK characters is read as a
        // space; Chinese and Japanese put none there (CSS Text 3 removes such a
        // segment break), and a breaking space between them is dropped.
        if breaking
            && chars.peek().is_some_and(|&n| crate::lang::is_solid(n))
            && last_char(out, &result).is_some_and(crate::lang::is_solid)
        {
            first = false;
            continue;
        }
        let prev = out
            .iter_mut()
            .rev()
            .find(|p| !p.text.is_empty())
            .filter(|p| p.style.face != Face::Mono && p.text.ends_with(is_space));
        match prev {
            Some(prev) if first => {
                if breaking && prev.text.ends_with('\u{a0}') {
                    prev.text.pop();
                    prev.text.push(' ');
                }
            }
            _ => result.push(if breaking { ' ' } else { '\u{a0}' }),
        }
        first = false;
    }
    result
}

/// The last character of the text so far: of `result`, else of the last piece that
/// is text, not a note marker or other superscript.
fn last_char(out: &[Piece], result: &str) -> Option<char> {
    result.chars().next_back().or_else(|| {
        out.iter()
            .rev()
            .find(|p| {
                !p.text.is_empty()
                    && p.style.baseline_shift <= 0.0
                    && !matches!(p.tag, Some(Tag::NoteRef { .. }))
            })
            .and_then(|p| p.text.chars().next_back())
    })
}

pub(super) fn find_url(text: &str) -> Option<usize> {
    ["https://", "http://", "www."]
        .iter()
        .filter_map(|p| text.find(p))
        .filter(|&i| {
            i == 0 || text[..i].ends_with(|c: char| c.is_whitespace() || c == '(' || c == '<')
        })
        .min()
}

/// A superscript figure for a note marker or note number, raised from `base`.
pub(super) fn superscript(base: TextStyle) -> TextStyle {
    TextStyle {
        face: Face::Regular,
        size: (base.size * 0.62 * 4.0).round() / 4.0,
        baseline_shift: base.size * 0.36,
    }
}

/// The inline text of any block, for what must be one paragraph: a note body, or
/// blocks nested too deep to set as blocks.
pub(super) fn block_inlines(block: &Block, ctx: Ctx, out: &mut Vec<Piece>, depth: usize) {
    match block {
        Block::Heading { content, .. }
        | Block::Paragraph { content, .. }
        | Block::Figure {
            caption: content, ..
        } => {
            inlines(content, ctx, out, 0);
        }
        Block::Code { text, .. } => push_text(out, text, Ctx { mono: true, ..ctx }.style(), None),
        Block::Quote { blocks } => {
            for b in blocks.iter().filter(|_| depth < MAX_DEPTH) {
                block_inlines(b, ctx, out, depth + 1);
            }
        }
        Block::List { items, .. } => {
            for b in items.iter().flatten().filter(|_| depth < MAX_DEPTH) {
                block_inlines(b, ctx, out, depth + 1);
            }
        }
        Block::Table { head, rows, .. } => {
            for cell in head.iter().chain(rows.iter().flatten()) {
                inlines(cell, ctx, out, 0);
                push_text(out, " ", ctx.style(), None);
            }
        }
        Block::Rule => {}
    }
}
