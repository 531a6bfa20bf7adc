//! Stage 1: find citation markers in the body and replace them with `NoteRef`s.
//!
//! The body is walked once in reading order, so "the expected next number" is known at
//! every candidate. A bracketed number becomes a marker only when an entry (or, without
//! a works-cited list, the citation sequence) supports it and it sits where citations
//! sit; years, ranges of years, letters, URLs and out-of-sequence numbers inside noun
//! phrases stay text.

use std::collections::HashSet;

use super::parse_citation::url_ranges;
use crate::diag::Diagnostic;
use crate::model::{Block, Document, Inline, Marker, Span};

/// Nesting deeper than this is left as written. Readers cap nesting far below it; the
/// cap only keeps the recursion from overflowing the stack on hostile input.
const MAX_DEPTH: usize = 128;

/// A range wider than this ("(1-400000)") is not a citation range.
const MAX_RANGE: u32 = 50;

/// Longest bracket content considered, in bytes ("(12, 13, 14–16)").
const MAX_GROUP_LEN: usize = 48;

/// A footnote marker: index into `doc.markers` and the footnote label it cites.
pub(super) type FootnoteMarker = (usize, String);

/// Replaces every marker in `doc.blocks` by a `NoteRef` into `doc.markers`. Numeric
/// markers get their note numbers here; footnote markers get theirs in `build_notes`,
/// which needs the largest literal number first.
pub(super) fn find_markers(doc: &mut Document) -> Vec<FootnoteMarker> {
    let entries: HashSet<u32> = doc.entries.iter().map(|e| e.number).collect();
    let mut finder = Finder {
        file: doc.meta.source_file.clone(),
        max_entry: entries.iter().copied().max().unwrap_or(0),
        entries,
        defs: doc.footnote_defs.iter().map(|d| d.label.clone()).collect(),
        prev_max: 0,
        markers: std::mem::take(&mut doc.markers),
        footnotes: Vec::new(),
        diagnostics: Vec::new(),
        cursor: Cursor::default(),
    };
    finder.blocks(&mut doc.blocks, 0);
    doc.markers = finder.markers;
    doc.diagnostics.append(&mut finder.diagnostics);
    finder.footnotes
}

/// One comma-separated piece of a bracket: "4" or "4–6".
#[derive(Debug, Clone, Copy)]
enum Item {
    Single(u32),
    Range(u32, u32),
}

struct Finder {
    file: String,
    entries: HashSet<u32>,
    max_entry: u32,
    defs: HashSet<String>,
    /// The largest note number cited so far: the sequence a new marker is judged by.
    prev_max: u32,
    markers: Vec<Marker>,
    footnotes: Vec<FootnoteMarker>,
    diagnostics: Vec<Diagnostic>,
    cursor: Cursor,
}

/// Where the walk is inside the current block, to give markers a line and column.
/// Text inlines carry no spans, so positions are counted from the block's start.
#[derive(Default)]
struct Cursor {
    span: Span,
    newlines: u32,
    line_chars: u32,
    /// A table cell may hold nothing but a citation; a paragraph cannot start with one.
    in_cell: bool,
    last_char: Option<char>,
    last_non_space: Option<char>,
}

impl Cursor {
    fn enter(&mut self, span: Span, in_cell: bool) {
        *self = Cursor {
            span,
            in_cell,
            ..Cursor::default()
        };
    }

    fn advance(&mut self, text: &str) {
        for c in text.chars() {
            if c == '\n' {
                self.newlines += 1;
                self.line_chars = 0;
            } else {
                self.line_chars += 1;
            }
            if !c.is_whitespace() {
                self.last_non_space = Some(c);
            }
            self.last_char = Some(c);
        }
    }

    /// The position of the next character. The byte offset stays at the block's start:
    /// smart punctuation and joined lines make offsets inside the text unreliable.
    fn here(&self, len: usize) -> Span {
        let column = if self.newlines == 0 {
            self.span.column.max(1).saturating_add(self.line_chars)
        } else {
            self.line_chars.saturating_add(1)
        };
        Span {
            line: self.span.line.saturating_add(self.newlines),
            column,
            offset: self.span.offset,
            len,
        }
    }
}

impl Finder {
    fn blocks(&mut self, blocks: &mut [Block], depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        for block in blocks {
            match block {
                Block::Heading { content, span, .. } | Block::Paragraph { content, span } => {
                    self.cursor.enter(*span, false);
                    self.inlines(content, depth + 1);
                }
                Block::Figure { caption, span, .. } => {
                    self.cursor.enter(*span, false);
                    self.inlines(caption, depth + 1);
                }
                Block::Quote { blocks } => self.blocks(blocks, depth + 1),
                Block::List { items, .. } => {
                    for item in items {
                        self.blocks(item, depth + 1);
                    }
                }
                Block::Table { head, rows, .. } => {
                    // Tables carry no span: cells keep the line of the block before.
                    let span = self.cursor.span;
                    for cell in head.iter_mut().chain(rows.iter_mut().flatten()) {
                        self.cursor.enter(span, true);
                        self.inlines(cell, depth + 1);
                    }
                }
                Block::Code { .. } | Block::Rule => {}
            }
        }
    }

    fn inlines(&mut self, inlines: &mut Vec<Inline>, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        coalesce_text(inlines);
        let old = std::mem::take(inlines);
        inlines.reserve(old.len());
        for inline in old {
            match inline {
                Inline::Text(text) => self.text(&text, inlines),
                Inline::Emph(mut c) => {
                    self.inlines(&mut c, depth + 1);
                    inlines.push(Inline::Emph(c));
                }
                Inline::Strong(mut c) => {
                    self.inlines(&mut c, depth + 1);
                    inlines.push(Inline::Strong(c));
                }
                Inline::Strike(mut c) => {
                    self.inlines(&mut c, depth + 1);
                    inlines.push(Inline::Strike(c));
                }
                Inline::Code(text) => {
                    self.cursor.advance(&text);
                    inlines.push(Inline::Code(text));
                }
                Inline::Link { url, content } => {
                    // Link text and URL are never searched: a "(4)" there is the author's.
                    self.skip(&content, depth + 1);
                    inlines.push(Inline::Link { url, content });
                }
                Inline::FootnoteRef { label, span } => {
                    let text = format!("[^{label}]");
                    if self.defs.contains(&label) {
                        self.footnotes.push((self.markers.len(), label));
                        inlines.push(Inline::NoteRef(self.markers.len()));
                        self.markers.push(Marker {
                            notes: Vec::new(),
                            text,
                            span,
                        });
                    } else {
                        // The reader has already reported the undefined label.
                        inlines.push(Inline::Text(text));
                    }
                }
                other => inlines.push(other),
            }
        }
    }

    /// Moves the cursor over inlines that are not searched.
    fn skip(&mut self, inlines: &[Inline], depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        for inline in inlines {
            match inline {
                Inline::Text(t) | Inline::Code(t) => self.cursor.advance(t),
                Inline::Emph(c) | Inline::Strong(c) | Inline::Strike(c) => self.skip(c, depth + 1),
                Inline::Link { content, .. } => self.skip(content, depth + 1),
                _ => {}
            }
        }
    }

    /// Splits one text run at its markers, pushing text and `NoteRef`s to `out`.
    fn text(&mut self, text: &str, out: &mut Vec<Inline>) {
        let urls = url_ranges(text);
        let mut url_at = 0;
        let bytes = text.as_bytes();
        let mut emitted = 0;
        let mut scanned = 0;
        let mut i = 0;
        while i < bytes.len() {
            while url_at < urls.len() && urls[url_at].end <= i {
                url_at += 1;
            }
            let in_url = urls.get(url_at).is_some_and(|r| r.contains(&i));
            if in_url || (bytes[i] != b'(' && bytes[i] != b'[') {
                i += 1;
                continue;
            }
            let Some((end, items)) = parse_chain(text, i) else {
                i += 1;
                continue;
            };
            self.cursor.advance(&text[scanned..i]);
            if let Some(numbers) = self.decide(&text[i..end], &text[end..], &items) {
                // Markers print as superscripts: the space before one goes.
                let kept = text[emitted..i].trim_end();
                if !kept.is_empty() {
                    out.push(Inline::Text(kept.to_string()));
                }
                out.push(Inline::NoteRef(self.markers.len()));
                self.markers.push(Marker {
                    notes: numbers,
                    text: text[i..end].to_string(),
                    span: self.cursor.here(end - i),
                });
                emitted = end;
            }
            self.cursor.advance(&text[i..end]);
            scanned = end;
            i = end;
        }
        self.cursor.advance(&text[scanned..]);
        if emitted < text.len() {
            out.push(Inline::Text(text[emitted..].to_string()));
        }
    }

    /// The note numbers of a candidate marker, or `None` when it is not a citation.
    fn decide(&mut self, written: &str, after: &str, items: &[Item]) -> Option<Vec<u32>> {
        let prev = self.cursor.last_non_space;
        let next = after.trim_start().chars().next();
        // "(1) First…" opens an enumeration; "5(3)" is a subsection; "(3)rd" is a word.
        // Scraped text loses spaces, so "Iraq.(1)The next…" still counts.
        if (prev.is_none() && !self.cursor.in_cell)
            || self.cursor.last_char.is_some_and(|c| c.is_ascii_digit())
            || after
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c.is_numeric())
        {
            return None;
        }
        // "three parts: (1) building, (2) staffing" enumerates; a citation there would
        // sit before the punctuation, not after it.
        let enumerates = prev.is_some_and(|c| matches!(c, ':' | ';' | ','))
            && next.is_some_and(char::is_lowercase);
        if enumerates {
            return None;
        }
        let mut numbers = Vec::new();
        for item in items {
            match *item {
                Item::Single(n) => numbers.push(n),
                Item::Range(a, b) if a < b && b - a <= MAX_RANGE => numbers.extend(a..=b),
                Item::Range(..) => return None,
            }
        }
        if numbers.contains(&0) {
            return None;
        }
        let has_entries = !self.entries.is_empty();
        let near = |n: u32| n + 1 >= self.prev_max && n <= self.prev_max.saturating_add(2);
        let is_year = |n: u32| (1000..=2199).contains(&n);
        if numbers.iter().any(|&n| is_year(n))
            && !numbers
                .iter()
                .all(|&n| self.entries.contains(&n) && near(n))
        {
            return None;
        }
        let noun_phrase =
            prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_lowercase);
        if noun_phrase && !numbers.iter().all(|&n| near(n)) {
            self.not_a_citation(
                written,
                format!(
                    "{written} is not a citation: it sits inside a noun phrase, far from the expected note {}",
                    self.prev_max.saturating_add(1)
                ),
            );
            return None;
        }
        if !has_entries && !citation_follows(next) {
            return None;
        }
        let supported = |n: u32| {
            self.entries.contains(&n)
                || n <= self.prev_max.saturating_add(2)
                || (has_entries && n <= self.max_entry.saturating_add(1))
        };
        if let Some(&n) = numbers.iter().find(|&&n| !supported(n)) {
            self.not_a_citation(
                written,
                format!(
                    "{written} is not a citation: no works-cited entry is numbered {n} and it is out of sequence"
                ),
            );
            return None;
        }
        self.prev_max = self
            .prev_max
            .max(numbers.iter().copied().max().unwrap_or(0));
        Some(numbers)
    }

    fn not_a_citation(&mut self, written: &str, message: String) {
        self.diagnostics.push(
            Diagnostic::info(
                "I-NOT-A-CITATION",
                &self.file,
                self.cursor.here(written.len()),
                message,
            )
            .with_hint("a citation marker goes after the words or punctuation it supports"),
        );
    }
}

/// Without a works-cited list only the sequence supports a number, so demand the place
/// citations take: the end of a clause or sentence, not "(1) cost and (2) time".
fn citation_follows(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(c) => c.is_uppercase() || (!c.is_alphanumeric() && c != '('),
    }
}

/// Adjacent text runs (readers may split at brackets or quotes) become one, so a
/// marker is always seen whole.
fn coalesce_text(inlines: &mut Vec<Inline>) {
    let split = inlines
        .windows(2)
        .any(|w| matches!(w, [Inline::Text(_), Inline::Text(_)]));
    if !split {
        return;
    }
    let old = std::mem::take(inlines);
    for inline in old {
        if let (Inline::Text(t), Some(Inline::Text(prev))) = (&inline, inlines.last_mut()) {
            prev.push_str(t);
            continue;
        }
        inlines.push(inline);
    }
}

/// "(4)", "(4)(5)", "[1][2]": consecutive groups written without a space form one marker.
fn parse_chain(text: &str, start: usize) -> Option<(usize, Vec<Item>)> {
    let mut items = Vec::new();
    let mut pos = start;
    while let Some((end, group)) = parse_group(text, pos) {
        items.extend(group);
        pos = end;
    }
    (pos > start).then_some((pos, items))
}

fn parse_group(text: &str, start: usize) -> Option<(usize, Vec<Item>)> {
    let close = match text.as_bytes().get(start)? {
        b'(' => b')',
        b'[' => b']',
        _ => return None,
    };
    let rest = text.get(start + 1..)?;
    let len = rest.bytes().take(MAX_GROUP_LEN).position(|b| b == close)?;
    let inner = rest.get(..len)?;
    let mut items = Vec::new();
    for part in inner.split([',', ';']) {
        let part = part.trim();
        match part.split_once(['-', '–', '—']) {
            Some((a, b)) => items.push(Item::Range(number(a)?, number(b)?)),
            None => items.push(Item::Single(number(part)?)),
        }
    }
    Some((start + 1 + len + 1, items))
}

fn number(s: &str) -> Option<u32> {
    let s = s.trim();
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str) -> Option<Vec<String>> {
        parse_chain(text, 0).map(|(_, items)| items.iter().map(|i| format!("{i:?}")).collect())
    }

    #[test]
    fn marker_forms_parse() {
        assert_eq!(items("(4)").unwrap(), ["Single(4)"]);
        assert_eq!(items("(4)(5)").unwrap(), ["Single(4)", "Single(5)"]);
        assert_eq!(items("[4, 5]").unwrap(), ["Single(4)", "Single(5)"]);
        assert_eq!(items("(4–6)").unwrap(), ["Range(4, 6)"]);
        assert_eq!(items("(a)"), None);
        assert_eq!(items("(see below)"), None);
        assert_eq!(items("(4"), None);
        assert_eq!(items("(99999999999)"), None);
    }

    #[test]
    fn coalescing_joins_split_text() {
        let mut v = vec![
            Inline::Text("a [".into()),
            Inline::Text("4".into()),
            Inline::Text("]".into()),
            Inline::Code("x".into()),
        ];
        coalesce_text(&mut v);
        assert_eq!(v, [Inline::Text("a [4]".into()), Inline::Code("x".into())]);
    }
}
