//! Stage 1: find citation markers in the body and replace them with `NoteRef`s.
//!
//! The body is walked once in reading order, so "the expected next number" is known at
//! every candidate. A bracketed number becomes a marker only when an entry (or, without
//! a works-cited list, the citation sequence) supports it and it sits where citations
//! sit; years, ranges of years, letters, URLs and out-of-sequence numbers inside noun
//! phrases stay text.

use std::collections::{HashMap, HashSet};

use super::follow_input::Cursor;
use super::parse_citation::url_ranges;
use super::weigh_markers::{self, Before, Bracket, Evidence, Fit, Listed, Place, Reason};
use crate::diag::Diagnostic;
use crate::model::{Block, Document, FootnoteDef, Inline, Marker};

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
    let entries: HashMap<u32, &str> = doc
        .entries
        .iter()
        .map(|e| (e.number, head(&e.text)))
        .collect();
    // A list that starts past 1 ("(1000)", a continued list) starts the sequence there.
    let first_entry = entries.keys().copied().min().unwrap_or(1);
    let mut finder = Finder {
        file: doc.meta.source_file.clone(),
        max_entry: entries.keys().copied().max().unwrap_or(0),
        entries,
        defs: doc.footnote_defs.iter().map(|d| d.label.clone()).collect(),
        input: std::mem::take(&mut doc.input),
        prev_max: first_entry.saturating_sub(1),
        cited_with: [0, 0],
        markers: std::mem::take(&mut doc.markers),
        footnotes: Vec::new(),
        diagnostics: Vec::new(),
        cursor: Cursor::default(),
    };
    finder.blocks(&mut doc.blocks, 0);
    finder.definitions(&mut doc.footnote_defs);
    doc.input = finder.input;
    doc.markers = finder.markers;
    doc.markers.shrink_to_fit();
    doc.diagnostics.append(&mut finder.diagnostics);
    finder.footnotes
}

/// Citations in square brackets, and none in round ones, that make a number in round
/// brackets suspect.
const OTHER_BRACKETS_MIN: u32 = 2;

/// One comma-separated piece of a bracket: "4" or "4–6".
#[derive(Debug, Clone, Copy)]
enum Item {
    Single(u32),
    Range(u32, u32),
}

struct Finder<'a> {
    file: String,
    /// Each works-cited entry's number, with its opening words (see [`head`]), where
    /// its authors are named.
    entries: HashMap<u32, &'a str>,
    max_entry: u32,
    defs: HashSet<String>,
    /// The document's input, to place markers (see [`Cursor`]).
    input: String,
    /// The largest note number cited so far: the sequence a new marker is judged by.
    prev_max: u32,
    /// Citations found so far written in round and in square brackets.
    cited_with: [u32; 2],
    markers: Vec<Marker>,
    footnotes: Vec<FootnoteMarker>,
    diagnostics: Vec<Diagnostic>,
    cursor: Cursor,
}

impl Finder<'_> {
    /// Footnote bodies may cite too ("[^a]: See (4) and [^b]"): they are walked after
    /// the body, each in order of its first reference, then the unreferenced ones, so
    /// no raw reference survives into a note and a nested footnote gets its number.
    fn definitions(&mut self, defs: &mut [FootnoteDef]) {
        let mut index: HashMap<String, usize> = HashMap::with_capacity(defs.len());
        for (i, def) in defs.iter().enumerate() {
            index.entry(def.label.clone()).or_insert(i);
        }
        let mut order = Vec::with_capacity(defs.len());
        let mut walked = vec![false; defs.len()];
        let (mut next, mut walking) = (0, 0);
        loop {
            // the queue grows while bodies are walked: references inside them come last
            while let Some((_, label)) = self.footnotes.get(next) {
                next += 1;
                if let Some(&i) = index.get(label)
                    && !walked[i]
                {
                    walked[i] = true;
                    order.push(i);
                }
            }
            let Some(&i) = order.get(walking) else {
                break;
            };
            walking += 1;
            self.blocks(&mut defs[i].blocks, 0);
        }
        for (i, def) in defs.iter_mut().enumerate() {
            if !walked[i] {
                self.blocks(&mut def.blocks, 0);
            }
        }
    }

    fn blocks(&mut self, blocks: &mut [Block], depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        // A bibliography written as paragraphs under "Bibliography" or "Sources" lists
        // works, it does not cite them: its "(1)" is an issue number ("*Tellus* 9 (1):
        // 18–27"), never a marker. Prose under such a heading that cites by footnote
        // ("## Sources and notes" then "…where the claim is made.[^varga]") is read.
        let mut listing = false;
        for block in blocks {
            if listing
                && matches!(block, Block::Paragraph { .. } | Block::List { .. })
                && !block_cites(block)
            {
                continue;
            }
            match block {
                Block::Heading { content, span, .. } => {
                    listing =
                        depth == 0 && crate::read::is_works_cited_heading(&Inline::plain(content));
                    self.cursor.enter(&self.input, *span, false);
                    self.cursor.heading = true;
                    self.inlines(content, depth + 1);
                }
                Block::Paragraph { content, span } => {
                    self.cursor.enter(&self.input, *span, false);
                    self.inlines(content, depth + 1);
                }
                Block::Figure { caption, span, .. } => {
                    self.cursor.enter(&self.input, *span, false);
                    self.inlines(caption, depth + 1);
                }
                Block::Quote { blocks } => self.blocks(blocks, depth + 1),
                Block::List { items, .. } => {
                    for item in items {
                        self.blocks(item, depth + 1);
                    }
                }
                Block::Table { head, rows, .. } => {
                    for cell in head.iter_mut().chain(rows.iter_mut().flatten()) {
                        self.cursor.enter_cell(&self.input);
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
                    self.cursor.advance(&self.input, &text);
                    inlines.push(Inline::Code(text));
                }
                Inline::Link { url, content } => {
                    // Link text and URL are never searched: a "(4)" there is the author's.
                    self.skip(&content, depth + 1);
                    self.cursor.skip_past(&self.input, &url);
                    inlines.push(Inline::Link { url, content });
                }
                Inline::FootnoteRef { label, span } => {
                    self.cursor
                        .skip_to(&self.input, span.offset.saturating_add(span.len));
                    // As written: "[^a]" in Markdown, "[a]" for a wiki's lettered note.
                    let text = self
                        .input
                        .get(span.offset..span.offset.saturating_add(span.len))
                        .filter(|t| t.starts_with('[') && t.ends_with(']'))
                        .map_or_else(|| format!("[^{label}]"), str::to_string);
                    if self.defs.contains(&label) {
                        self.footnotes.push((self.markers.len(), label));
                        inlines.push(Inline::NoteRef(self.markers.len()));
                        self.markers.push(Marker {
                            notes: Vec::new(),
                            text,
                            locator: None,
                            locators: Vec::new(),
                            span,
                        });
                    } else {
                        // The reader has already reported the undefined label.
                        inlines.push(Inline::Text(text));
                    }
                }
                Inline::Image { src, alt, span } => {
                    self.cursor.skip_past(&self.input, &src);
                    inlines.push(Inline::Image { src, alt, span });
                }
                other => inlines.push(other),
            }
        }
        // The model outlives every stage: a paragraph of text and one marker would
        // otherwise keep room for four inlines (80 bytes each) to the end of a PDF.
        inlines.shrink_to_fit();
    }

    /// Moves the cursor over inlines that are not searched.
    fn skip(&mut self, inlines: &[Inline], depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        for inline in inlines {
            match inline {
                Inline::Text(t) | Inline::Code(t) => self.cursor.advance(&self.input, t),
                Inline::Emph(c) | Inline::Strong(c) | Inline::Strike(c) => self.skip(c, depth + 1),
                Inline::Link { content, url } => {
                    self.skip(content, depth + 1);
                    self.cursor.skip_past(&self.input, url);
                }
                Inline::Image { src, .. } => self.cursor.skip_past(&self.input, src),
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
            // Only an opening bracket outside a URL may start a marker.
            let Some(to) = bytes[i..].iter().position(|&b| b == b'(' || b == b'[') else {
                break;
            };
            i += to;
            while url_at < urls.len() && urls[url_at].end <= i {
                url_at += 1;
            }
            if urls.get(url_at).is_some_and(|r| r.contains(&i)) {
                i += 1;
                continue;
            }
            let Some(Chain {
                end,
                items,
                mut locators,
            }) = parse_chain(text, i)
            else {
                i += 1;
                continue;
            };
            self.cursor.advance(&self.input, &text[scanned..i]);
            let decided = self.decide(&text[i..end], &text[..i], &text[end..], &items);
            let mut span = self.cursor.here(&self.input, &text[i..end]);
            self.cursor.advance(&self.input, &text[i..end]);
            if let Some(numbers) = decided {
                // "(4--6)" is shorter as text than as written.
                if self.cursor.aligned && self.cursor.pos > span.offset {
                    span.len = self.cursor.pos - span.offset;
                }
                // Markers print as superscripts: the space before one goes.
                let kept = text[emitted..i].trim_end();
                if !kept.is_empty() {
                    out.push(Inline::Text(kept.to_string()));
                }
                out.push(Inline::NoteRef(self.markers.len()));
                // One located number keeps its place in `locator`, as IEEE writes it.
                let locator = match locators.as_mut_slice() {
                    [one] => std::mem::take(one),
                    _ => None,
                };
                if locators.len() != numbers.len() || locator.is_some() {
                    locators.clear();
                }
                self.markers.push(Marker {
                    notes: numbers,
                    text: text[i..end].to_string(),
                    locator,
                    locators,
                    span,
                });
                emitted = end;
            }
            scanned = end;
            i = end;
        }
        self.cursor.advance(&self.input, &text[scanned..]);
        if emitted < text.len() {
            out.push(Inline::Text(text[emitted..].to_string()));
        }
    }

    /// The note numbers of a candidate marker, or `None` when it is not a citation.
    /// Zero and over-wide ranges are not note numbers; everything else is weighed in
    /// one place, [`Evidence::verdict`].
    fn decide(
        &mut self,
        written: &str,
        before: &str,
        after: &str,
        items: &[Item],
    ) -> Option<Vec<u32>> {
        let mut numbers = Vec::new();
        for item in items {
            match *item {
                Item::Single(n) => numbers.push(n),
                Item::Range(a, b) if a < b && b - a <= MAX_RANGE => numbers.extend(a..=b),
                Item::Range(..) => return None,
            }
        }
        // "(0)" is text unless the list has an entry (0).
        if numbers.contains(&0) && !self.entries.contains_key(&0) {
            return None;
        }
        let smallest = numbers.iter().copied().min().unwrap_or(0);
        let bracket = if written.starts_with('[') {
            Bracket::Square
        } else {
            Bracket::Round
        };
        let (this, other) = match bracket {
            Bracket::Round => (0, 1),
            Bracket::Square => (1, 0),
        };
        let before = Before {
            text: before,
            last_char: self.cursor.last_char,
            last_non_space: self.cursor.last_non_space,
            letters: self.cursor.letters,
            in_cell: self.cursor.in_cell,
        };
        let place = weigh_markers::place(&before, after);
        let author_named = matches!(place, Place::AfterName | Place::NounPhrase)
            && weigh_markers::capitalised_before(before.text).is_some_and(|name| {
                numbers
                    .iter()
                    .any(|n| self.entries.get(n).is_some_and(|head| names(head, name)))
            });
        let evidence = Evidence {
            fit: Fit::of(smallest, self.prev_max),
            year: numbers.iter().any(|&n| (1000..=2199).contains(&n)),
            listed: self.listed(&numbers),
            place,
            bracket,
            in_heading: self.cursor.heading,
            several: numbers.len() > 1,
            // square brackets in prose hold little but citations, whatever cited before
            other_brackets: bracket == Bracket::Round
                && self.cited_with[this] == 0
                && self.cited_with[other] >= OTHER_BRACKETS_MIN,
            list_item: bracket == Bracket::Round
                && numbers.len() == 1
                && weigh_markers::numbers_an_item(before.text, after, smallest),
            author_named,
        };
        match evidence.verdict() {
            Ok(()) => {
                self.cited_with[this] += 1;
                self.prev_max = self
                    .prev_max
                    .max(numbers.iter().copied().max().unwrap_or(0));
                Some(numbers)
            }
            Err(reason) => {
                // Silently keeping "(4)" as text would hide a citation the author may
                // have meant, so say so when it could have been one.
                if evidence.worth_reporting(reason) {
                    let (why, hint) = self.explain(reason, written);
                    self.report(written, format!("{written} is not a citation: {why}"), hint);
                }
                None
            }
        }
    }

    /// What the works-cited list says about `numbers`: a number beyond the list and
    /// the sequence has no support.
    fn listed(&self, numbers: &[u32]) -> Listed {
        if self.entries.is_empty() {
            return Listed::NoList;
        }
        let supported = |n: u32| {
            self.entries.contains_key(&n)
                || n <= self.prev_max.saturating_add(2)
                || n <= self.max_entry.saturating_add(1)
        };
        if let Some(&n) = numbers.iter().find(|&&n| !supported(n)) {
            return Listed::Missing(n);
        }
        if numbers.iter().all(|n| self.entries.contains_key(n)) {
            Listed::Entries
        } else {
            Listed::InReach
        }
    }

    /// A rejection in words, with a hint for making the candidate a citation.
    fn explain(&self, reason: Reason, written: &str) -> (String, String) {
        let expected = self.prev_max.saturating_add(1);
        let place_hint =
            || "a citation marker goes after the words or punctuation it supports".to_string();
        match reason {
            Reason::Year => (
                "it reads as a year".to_string(),
                "a citation marker goes after the words or punctuation it supports".to_string(),
            ),
            Reason::Start => (
                "it opens the paragraph, as an enumerator does".to_string(),
                "to make it a citation, move it after the words it supports".to_string(),
            ),
            Reason::AfterDigit => (
                "it follows a digit directly, as in a subsection number like 5(3)".to_string(),
                format!("to make it a citation, put a space or punctuation before {written}"),
            ),
            Reason::Glued => (
                "a letter or digit follows it directly, as in (3)rd".to_string(),
                format!("to make it a citation, put a space after {written}"),
            ),
            Reason::Enumeration(p) => (
                format!("after the {p} and before a lowercase word it reads as an enumerator"),
                format!(
                    "to make it a citation, put it before the \"{p}\", as in \"word {written}{p} next\""
                ),
            ),
            Reason::Unsupported(n) => (
                format!("no works-cited entry is numbered {n} and it is out of sequence"),
                place_hint(),
            ),
            Reason::AfterName => (
                format!(
                    "it follows a name, far from the expected note {expected}, as an age or a count does"
                ),
                place_hint(),
            ),
            Reason::NounPhrase => (
                format!("it sits inside a noun phrase, far from the expected note {expected}"),
                place_hint(),
            ),
            Reason::OtherBrackets => (
                format!(
                    "the document cites in square brackets, so {written} reads as an equation or item number"
                ),
                place_hint(),
            ),
            Reason::ListItem => (
                format!(
                    "it numbers an item of a list in its sentence, far from the expected note {expected}"
                ),
                format!(
                    "to make it a citation, put it after the words it supports, as in \"word {written},\""
                ),
            ),
            Reason::OutOfSequence => (
                format!("it is far from the expected note {expected}"),
                place_hint(),
            ),
        }
    }

    fn report(&mut self, written: &str, message: String, hint: String) {
        self.diagnostics.push(
            Diagnostic::info(
                "I-NOT-A-CITATION",
                &self.file,
                self.cursor.here(&self.input, written),
                message,
            )
            .with_hint(hint),
        );
    }
}

/// How much of an entry's start is searched for its authors' names.
const HEAD_LEN: usize = 80;

/// The start of an entry's text, where its authors are named, cut at a character.
fn head(text: &str) -> &str {
    let mut end = text.len().min(HEAD_LEN);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Whether `name` stands in `head` as a whole word.
fn names(head: &str, name: &str) -> bool {
    head.match_indices(name).any(|(at, _)| {
        let before = head[..at].chars().next_back();
        let after = head[at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
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

/// A candidate marker: where it ends, what it cites, and the locators written inside
/// it (IEEE's "\[3, p. 5\]", GOST's "\[1, с. 280; 8, с. 230\]"): one per item, or
/// none.
struct Chain {
    end: usize,
    items: Vec<Item>,
    locators: Vec<Option<String>>,
}

/// "(4)", "(4)(5)", "\[1\]\[2\]": consecutive groups written without a space form one marker;
/// IEEE's "\[4\]–\[6\]" is one range. A group with a locator ("\[3, p. 5\]") stands alone:
/// the locator belongs to its one number.
fn parse_chain(text: &str, start: usize) -> Option<Chain> {
    let mut items = Vec::new();
    let mut pos = start;
    loop {
        if let Some((end, group, locators)) = parse_group(text, pos) {
            if !locators.is_empty() {
                if pos > start {
                    break;
                }
                return Some(Chain {
                    end,
                    items: group,
                    locators,
                });
            }
            items.extend(group);
            pos = end;
            continue;
        }
        let square = pos > start && text.as_bytes()[pos - 1] == b']';
        let dash = ['–', '-', '—']
            .iter()
            .find_map(|&d| text[pos..].strip_prefix(d).map(|_| d.len_utf8()));
        if let (true, Some(dash)) = (square, dash)
            && text[pos + dash..].starts_with('[')
            && let Some((end, group, located)) = parse_group(text, pos + dash)
            && located.is_empty()
            && let (Some(Item::Single(a)), Some(Item::Single(b))) = (items.last(), group.first())
            && a < b
        {
            let (a, b) = (*a, *b);
            items.pop();
            items.push(Item::Range(a, b));
            items.extend(group.into_iter().skip(1));
            pos = end;
            continue;
        }
        break;
    }
    (pos > start).then_some(Chain {
        end: pos,
        items,
        locators: Vec::new(),
    })
}

/// Words that open a locator inside a square bracket after its number, lowercase:
/// IEEE's (Editorial Style Manual: "[3, p. 5]", "[3, pp. 5–7]", "[3, Ch. 2]", "[3,
/// Sec. 4]", "[3, Fig. 1]", "[3, Eq. (2)]", "[3, Table 2]", "[3, Appendix A]"), and a
/// page or volume in the languages whose styles cite so: GOST R 7.0.5's "[1, с. 23]",
/// "[2, т. 1, с. 5]", German "S.", Polish, Czech and Turkish "s.", "str.".
const LOCATOR_WORDS: &[&str] = &[
    "p.", "pp.", "ch.", "chap.", "chs.", "sec.", "sect.", "secs.", "§", "§§", "fig.", "figs.",
    "eq.", "eqs.", "table", "tab.", "thm.", "theorem", "lemma", "def.", "prop.", "alg.",
    "appendix", "app.", "para.", "paras.", "col.", "cols.", "vol.", "l.", "ll.", "fn.", "n.", "с.",
    "сс.", "стр.", "т.", "л.", "s.", "ss.", "str.", "bd.", "t.",
];

/// "p. 5" after "[3, ": a locator word from [`LOCATOR_WORDS`], then something to
/// locate (a number, "A", "(2)").
fn locator(text: &str) -> Option<&str> {
    let text = text.trim();
    let (word, rest) = text.split_once(' ').unwrap_or((text, ""));
    let word_lower = word.to_lowercase();
    // "§12", "p.5": the word may run into its number.
    let known = LOCATOR_WORDS.iter().any(|w| {
        word_lower == *w
            || word_lower
                .strip_prefix(w)
                .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
    });
    let located = rest
        .trim()
        .starts_with(|c: char| c.is_alphanumeric() || c == '(')
        || word.ends_with(|c: char| c.is_ascii_digit());
    (known && located).then_some(text)
}

/// One bracket: where it ends, its items, and their locators (one per item, or none
/// when no item has one).
fn parse_group(text: &str, start: usize) -> Option<(usize, Vec<Item>, Vec<Option<String>>)> {
    let close = match text.as_bytes().get(start)? {
        b'(' => b')',
        b'[' => b']',
        _ => return None,
    };
    let rest = text.get(start + 1..)?;
    let len = rest.bytes().take(MAX_GROUP_LEN).position(|b| b == close)?;
    let inner = rest.get(..len)?;
    let end = start + 1 + len + 1;
    if close == b']' && inner.contains(',') {
        // "[1, с. 280; 8, p. 230]": each part a number with or without its place
        let mut items = Vec::new();
        let mut locators = Vec::new();
        for part in inner.split(';') {
            let (first, after) = part.split_once(',').unwrap_or((part, ""));
            let (Some(n), at) = (number(first), locator(after)) else {
                items.clear();
                break;
            };
            if at.is_none() && !after.is_empty() {
                items.clear();
                break;
            }
            items.push(Item::Single(n));
            locators.push(at.map(str::to_string));
        }
        if locators.iter().any(Option::is_some) && !items.is_empty() {
            return Some((end, items, locators));
        }
    }
    let mut items = Vec::new();
    for part in inner.split([',', ';']) {
        let part = part.trim();
        match part.split_once(['-', '–', '—']) {
            Some((a, b)) => items.push(Item::Range(number(a)?, number(b)?)),
            None => items.push(Item::Single(number(part)?)),
        }
    }
    Some((end, items, Vec::new()))
}

fn number(s: &str) -> Option<u32> {
    let s = s.trim();
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Whether a paragraph or list holds a footnote reference `[^label]`: a works-cited
/// list has none, prose that cites has.
fn block_cites(block: &Block) -> bool {
    match block {
        Block::Paragraph { content, .. } => inlines_cite(content),
        Block::List { items, .. } => items.iter().flatten().any(block_cites),
        _ => false,
    }
}

fn inlines_cite(inlines: &[Inline]) -> bool {
    inlines.iter().any(|inline| match inline {
        Inline::FootnoteRef { .. } => true,
        Inline::Emph(c) | Inline::Strong(c) | Inline::Strike(c) => inlines_cite(c),
        Inline::Link { content, .. } => inlines_cite(content),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str) -> Option<Vec<String>> {
        parse_chain(text, 0).map(|chain| chain.items.iter().map(|i| format!("{i:?}")).collect())
    }

    #[test]
    fn marker_forms_parse() {
        assert_eq!(items("(4)").unwrap(), ["Single(4)"]);
        assert_eq!(items("(4)(5)").unwrap(), ["Single(4)", "Single(5)"]);
        assert_eq!(items("[4, 5]").unwrap(), ["Single(4)", "Single(5)"]);
        assert_eq!(items("(4–6)").unwrap(), ["Range(4, 6)"]);
        assert_eq!(items("[4]–[6]").unwrap(), ["Range(4, 6)"]);
        assert_eq!(items("[4]-[6], [9]").unwrap(), ["Range(4, 6)"]);
        assert_eq!(items("(4)–(6)").unwrap(), ["Single(4)"]);
        assert_eq!(items("(a)"), None);
        assert_eq!(items("(see below)"), None);
        assert_eq!(items("(4"), None);
        assert_eq!(items("(99999999999)"), None);
    }

    /// IEEE's locators stay with their number; a bracket of numbers or of words that
    /// locate nothing has none, and a round bracket never has one.
    #[test]
    fn a_locator_inside_square_brackets_belongs_to_its_number() {
        let located = |text: &str| {
            parse_chain(text, 0).map(|c| {
                let one = match c.locators.as_slice() {
                    [one] => one.clone(),
                    _ => None,
                };
                (c.end, c.items.len(), one)
            })
        };
        assert_eq!(located("[3, p. 5]"), Some((9, 1, Some("p. 5".into()))));
        assert_eq!(
            located("[12, pp. 5–7]"),
            Some((15, 1, Some("pp. 5–7".into())))
        );
        assert_eq!(located("[5, Ch. 2]"), Some((10, 1, Some("Ch. 2".into()))));
        assert_eq!(located("[5, §4]"), Some((8, 1, Some("§4".into()))));
        assert_eq!(
            located("[2, Eq. (7)]"),
            Some((12, 1, Some("Eq. (7)".into())))
        );
        assert_eq!(
            located("[2, Appendix A]").unwrap().2.as_deref(),
            Some("Appendix A")
        );
        // The locator ends the chain: "[4]" after it is a marker of its own.
        assert_eq!(located("[3, p. 5][4]"), Some((9, 1, Some("p. 5".into()))));
        assert_eq!(located("[4][3, p. 5]"), Some((3, 1, None)));
        assert_eq!(located("[4, 5]"), Some((6, 2, None)));
        assert_eq!(located("[4, see above]"), None);
        assert_eq!(located("[4, p.]"), None);
        assert_eq!(located("(3, p. 5)"), None);
    }

    /// GOST R 7.0.5 puts the page inside the bracket, one per work of a group.
    #[test]
    fn gost_locators_stay_with_their_numbers() {
        let chain = |text: &str| {
            parse_chain(text, 0).map(|c| {
                let items: Vec<String> = c.items.iter().map(|i| format!("{i:?}")).collect();
                (c.end == text.len(), items, c.locators)
            })
        };
        let (whole, items, locators) = chain("[1, с. 23]").unwrap();
        assert!(whole);
        assert_eq!(
            (items, locators),
            (vec!["Single(1)".into()], vec![Some("с. 23".into())])
        );
        let (whole, items, locators) = chain("[1, с. 280; 8, p. 230]").unwrap();
        assert!(whole);
        assert_eq!(items, ["Single(1)", "Single(8)"]);
        assert_eq!(locators, [Some("с. 280".into()), Some("p. 230".into())]);
        // a part may have none
        let (_, items, locators) = chain("[2, т. 1, с. 5; 7]").unwrap();
        assert_eq!(items, ["Single(2)", "Single(7)"]);
        assert_eq!(locators, [Some("т. 1, с. 5".into()), None]);
        // without any locator, the group is a plain list
        let (_, items, locators) = chain("[3; 4]").unwrap();
        assert_eq!((items.len(), locators.len()), (2, 0));
        assert_eq!(chain("[4, 5]").unwrap().2.len(), 0);
        // words that locate nothing leave the bracket alone
        assert_eq!(chain("[1, с. 280; see 8]"), None);
        assert_eq!(chain("[1, Smith 2004]"), None);
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

    #[test]
    fn the_model_keeps_no_spare_room_for_inlines_and_markers() {
        let text =
            "Title\n\nA claim (1) and (2).\n\nWorks Cited\n\n(1) - A. Book.\n(2) - B. Book.\n";
        let doc = crate::resolve::resolve(crate::read::read("p.txt", text.as_bytes()));
        let content = doc
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Paragraph { content, .. } => Some(content),
                _ => None,
            })
            .unwrap();
        assert_eq!(content.len(), 5, "{content:?}");
        assert_eq!(content.capacity(), content.len());
        assert_eq!(doc.markers.len(), 2);
        assert_eq!(doc.markers.capacity(), doc.markers.len());
    }

    #[test]
    fn a_bibliography_written_as_paragraphs_holds_no_markers() {
        let text = "# Carbon\n\nThe oceans absorb it slowly.[^1]\n\n[^1]: Revelle and Suess 1957, 19.\n\n\
            ## Bibliography\n\nRevelle, Roger, and Hans E. Suess. 1957. \"Carbon Dioxide Exchange.\" \
            *Tellus* 9 (1): 18–27.\n\n## After\n\nA later claim (1).\n";
        let doc = crate::resolve::resolve(crate::read::read("p.md", text.as_bytes()));
        let lines: Vec<u32> = doc.markers.iter().map(|m| m.span.line).collect();
        // The footnote's marker and, past the bibliography, a marker read again.
        assert_eq!(lines, [3, 13], "{:?}", doc.markers);
    }
}
