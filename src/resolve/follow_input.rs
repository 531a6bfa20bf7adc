//! Following the text of a block through the input the reader kept, so that a
//! marker found in the text gets the line and column it was written at.

use crate::model::Span;

/// Where the walk is inside the current block, to give markers a line and column.
///
/// Text inlines carry no spans, so the walk keeps the text it has seen aligned with
/// the input the reader kept ([`Document::input`](crate::model::Document::input)): Markdown syntax, soft breaks, smart
/// punctuation and entities change the text but never its order, so each character is
/// found at or after the previous one. Without an input (a document built by hand)
/// positions are counted from the block's start instead.
#[derive(Default)]
pub(super) struct Cursor {
    span: Span,
    /// The block's span could be followed in the input.
    pub(super) aligned: bool,
    /// Next unmatched byte of the input, and its line and column.
    pub(super) pos: usize,
    line: u32,
    column: u32,
    /// Where the current block ends in the input (its start when the reader gave no length).
    block_end: usize,
    newlines: u32,
    line_chars: u32,
    /// A table cell may hold nothing but a citation; a paragraph cannot start with one.
    pub(super) in_cell: bool,
    pub(super) last_char: Option<char>,
    pub(super) last_non_space: Option<char>,
    /// A letter came earlier in the block: before it, a number opens the paragraph.
    pub(super) letters: bool,
    /// The block is a heading.
    pub(super) heading: bool,
}

/// How far ahead (in bytes) a character of the text is looked for in the input: far
/// enough to pass link destinations and markup, short enough that text the input does
/// not hold (a reader's own words) costs little.
const ALIGN_WINDOW: usize = 2048;

impl Cursor {
    pub(super) fn enter(&mut self, input: &str, span: Span, in_cell: bool) {
        let aligned =
            span.line > 0 && span.offset < input.len() && input.is_char_boundary(span.offset);
        *self = Cursor {
            span,
            aligned,
            pos: span.offset,
            line: span.line,
            column: span.column.max(1),
            block_end: span.offset.saturating_add(span.len),
            in_cell,
            ..Cursor::default()
        };
    }

    /// Table cells have no span: they follow the block before them in the input, or
    /// the input's start when nothing placed came before (a table opening the body).
    pub(super) fn enter_cell(&mut self, input: &str) {
        if self.span.line == 0 && !self.aligned && !input.is_empty() {
            *self = Cursor {
                span: Span {
                    line: 1,
                    column: 1,
                    ..Span::default()
                },
                aligned: true,
                line: 1,
                column: 1,
                ..Cursor::default()
            };
        }
        let pos = self.pos.max(self.block_end).min(input.len());
        let (span, aligned) = (self.span, self.aligned);
        let (pos, line, column) = if self.aligned {
            let (line, column) = moved(input, self.pos, pos, self.line, self.column);
            (pos, line, column)
        } else {
            (self.pos, self.line, self.column)
        };
        *self = Cursor {
            span,
            aligned,
            pos,
            line,
            column,
            block_end: pos,
            in_cell: true,
            ..Cursor::default()
        };
    }

    pub(super) fn advance(&mut self, input: &str, text: &str) {
        for c in text.chars() {
            if self.aligned {
                // Most text is written as it reads: step over it without a search (one
                // character compared, not a byte comparison per character; an ASCII one
                // as a byte, which stands at a character boundary wherever it is).
                let same = if c.is_ascii() {
                    input.as_bytes().get(self.pos) == Some(&(c as u8))
                } else {
                    input.get(self.pos..).and_then(|s| s.chars().next()) == Some(c)
                };
                if same {
                    self.pos += c.len_utf8();
                    if c == '\n' {
                        self.line = self.line.saturating_add(1);
                        self.column = 1;
                    } else {
                        self.column = self.column.saturating_add(1);
                    }
                } else if let Some((at, len)) = find(input, self.pos, self.limit(input), c) {
                    self.move_to(input, at + len);
                }
            }
            if c == '\n' {
                self.newlines += 1;
                self.line_chars = 0;
            } else {
                self.line_chars += 1;
            }
            if !c.is_whitespace() {
                self.last_non_space = Some(c);
            }
            self.letters |= c.is_alphabetic();
            self.last_char = Some(c);
        }
    }

    /// Jumps past something the text does not spell out (a link destination, an image,
    /// a footnote reference) when the input shows where it ends.
    pub(super) fn skip_to(&mut self, input: &str, offset: usize) {
        if self.aligned && offset > self.pos && offset <= input.len() {
            self.move_to(input, offset);
        }
    }

    /// Jumps past `needle` if it comes soon in the input.
    pub(super) fn skip_past(&mut self, input: &str, needle: &str) {
        if !self.aligned || needle.is_empty() {
            return;
        }
        let end = window_end(input, self.pos, ALIGN_WINDOW.max(needle.len() * 2))
            .min(self.limit(input).max(self.pos));
        if let Some(i) = input.get(self.pos..end).and_then(|w| w.find(needle)) {
            self.move_to(input, self.pos + i + needle.len());
        }
    }

    /// How far a search may look: the block's end when the reader gave its length, so
    /// that text the input does not hold never matches in the next block.
    fn limit(&self, input: &str) -> usize {
        let window = window_end(input, self.pos, ALIGN_WINDOW);
        if self.block_end > self.pos {
            window.min(self.block_end)
        } else {
            window
        }
    }

    fn move_to(&mut self, input: &str, to: usize) {
        (self.line, self.column) = moved(input, self.pos, to, self.line, self.column);
        self.pos = to;
    }

    /// The span of `written`, which comes next in the text, without moving.
    pub(super) fn here(&self, input: &str, written: &str) -> Span {
        if self.aligned {
            let first = written.chars().next().unwrap_or(' ');
            if let Some((at, _)) = find(input, self.pos, self.limit(input), first) {
                let (line, column) = moved(input, self.pos, at, self.line, self.column);
                return Span {
                    line,
                    column,
                    offset: at,
                    len: written.len(),
                };
            }
        }
        let column = if self.newlines == 0 {
            self.span.column.max(1).saturating_add(self.line_chars)
        } else {
            self.line_chars.saturating_add(1)
        };
        Span {
            line: self.span.line.saturating_add(self.newlines),
            column,
            offset: self.span.offset,
            len: written.len(),
        }
    }
}

/// Line and column after moving from `from` (at `line`, `column`) to `to`.
fn moved(input: &str, from: usize, to: usize, mut line: u32, mut column: u32) -> (u32, u32) {
    for c in input.get(from..to).unwrap_or("").chars() {
        if c == '\n' {
            line = line.saturating_add(1);
            column = 1;
        } else {
            column = column.saturating_add(1);
        }
    }
    (line, column)
}

fn window_end(input: &str, from: usize, len: usize) -> usize {
    let mut end = from.saturating_add(len).min(input.len());
    while !input.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// Where the text character `c` is written in `input[from..limit]`, and how many
/// bytes it takes there: itself, its ASCII spelling before smart punctuation ("--" for
/// "–", "\"" for "”"), any whitespace for a space, or an entity ("&copy;").
fn find(input: &str, from: usize, limit: usize, c: char) -> Option<(usize, usize)> {
    let window = input.get(from..limit)?;
    for (i, w) in window.char_indices() {
        let rest = &window[i..];
        let len = if w == c || (c.is_whitespace() && w.is_whitespace()) {
            w.len_utf8()
        } else {
            match (c, w) {
                ('“' | '”', '"') | ('‘' | '’', '\'') => 1,
                ('—', '-') if rest.starts_with("---") => 3,
                ('–', '-') if rest.starts_with("--") => 2,
                ('…', '.') if rest.starts_with("...") => 3,
                (_, '&') => entity_len(rest),
                _ => 0,
            }
        };
        if len > 0 {
            return Some((from + i, len));
        }
    }
    None
}

/// The length of an HTML entity ("&amp;", "&#8212;") at the start of `s`, or 0.
fn entity_len(s: &str) -> usize {
    let body = s.as_bytes().iter().skip(1).take(32);
    let mut len = 1;
    for &b in body {
        len += 1;
        if b == b';' {
            return if len > 3 { len } else { 0 };
        }
        if !(b.is_ascii_alphanumeric() || b == b'#') {
            return 0;
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_characters_are_found_as_written() {
        let input = "a \"q\" -- ... &copy; x\n  y";
        let end = input.len();
        assert_eq!(find(input, 0, end, 'a'), Some((0, 1)));
        assert_eq!(find(input, 1, end, '“'), Some((2, 1)));
        assert_eq!(find(input, 5, end, '–'), Some((6, 2)));
        assert_eq!(find(input, 8, end, '…'), Some((9, 3)));
        assert_eq!(find(input, 12, end, '©'), Some((13, 6)));
        // a soft break reads as a space; the search stops at the limit
        assert_eq!(find(input, 21, end, ' '), Some((21, 1)));
        assert_eq!(find(input, 0, 5, 'y'), None);
        assert_eq!(entity_len("&;"), 0);
        assert_eq!(entity_len("& not"), 0);
    }
}
