//! Stage 3: build pages from the vertical list, with each footnote at the bottom of
//! the page where its marker falls.
//!
//! Elements between two allowed breaks form a group that goes onto a page whole or
//! not at all, which keeps headings with what follows and avoids widows and orphans.
//! A line that cites a note reserves room for the note's lines (and the separator)
//! before it is accepted. When the whole note does not fit, the lines that do are set
//! and the rest continues at the bottom of the next page (body lines that follow
//! and cite no new note may take more of its room, down to its first line); when
//! not even its first line fits, the citing line moves to the next page. So a note is always printed on
//! the page of its marker — the approach of Typst's flow composer, written anew.

use std::collections::{BTreeMap, BTreeSet};

use super::Geometry;
use super::types::{
    Arranged, ElemKind, ItemKind, LayoutReport, Line, NoteKey, Page, Tag, baseline_in,
};

/// Which body of a note a page prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Text {
    /// The note as written.
    Own,
    /// An "Ibid." note's source in full (see [`Composer::text_here`]).
    Full,
    /// A back-reference to the page that printed the note in full.
    Back,
}

/// Lines of a note placed on the current page: `from..to` of its lines.
#[derive(Debug, Clone, Copy)]
struct Part {
    key: NoteKey,
    from: usize,
    to: usize,
    /// Which of its bodies.
    full: Text,
}

#[derive(Debug, Clone, Default)]
struct State {
    doc: Option<usize>,
    head: Option<String>,
    first: bool,
    body: Vec<(usize, f32)>,
    body_h: f32,
    /// How much of the body's end may hang below the text block: the room under the
    /// last line's baseline beyond its (capped) depth, and trailing space.
    tail: f32,
    notes: Vec<Part>,
    notes_h: f32,
    /// An element taller than the page was forced here: the page is full.
    full: bool,
    /// The last note here was split (its remainder is in `carry`): body that cites
    /// no new note may still come, taking lines from that note.
    split: bool,
    /// The page ends with more than two lines' room empty and nothing may fill it
    /// without a widow, an orphan or a note split one line a side: the room is
    /// spread between its paragraphs, as TeX's `\flushbottom` stretches glue.
    spread: bool,
    /// Indices into `body` of table header rows repeated on this page.
    repeats: Vec<usize>,
    /// Note remainders for the next page: (note, first line not yet set, full).
    carry: Vec<(NoteKey, usize, Text)>,
}

struct Composer<'a> {
    a: &'a Arranged,
    g: Geometry,
    st: State,
    /// Where each finished page goes, as soon as it is finished.
    sink: &'a mut dyn FnMut(Page),
    /// How many pages went there.
    count: usize,
    /// The notes printed in full on finished pages.
    printed: BTreeSet<NoteKey>,
    /// The fewest lines of a split note on either side of the page break: two, or
    /// one when the alternative leaves a hole above the notes.
    side: usize,
    /// Whether an element that does not fit may turn the page's last note over to
    /// the next page (only rather than leave a hole).
    turn: bool,
    /// The first page of the current profile.
    doc_start: usize,
}

const EPS: f32 = 0.01;

/// Builds the pages.
pub fn compose(a: &Arranged, g: &Geometry) -> Vec<Page> {
    let mut pages = Vec::new();
    compose_into(a, g, &mut |page| pages.push(page));
    pages
}

/// Builds the pages and hands each to `sink` as soon as it is finished, so no page
/// needs to outlive its writing: a finished page never changes.
pub fn compose_into(a: &Arranged, g: &Geometry, sink: &mut dyn FnMut(Page)) {
    let mut c = Composer {
        a,
        g: *g,
        st: State {
            first: true,
            ..State::default()
        },
        sink,
        count: 0,
        printed: BTreeSet::new(),
        side: 2,
        turn: false,
        doc_start: 0,
    };
    let elems = &a.elems;
    let mut i = 0;
    // On a page to end early: the last group placed whole, and the page before it.
    let mut undo: Option<(usize, State)> = None;
    while i < elems.len() {
        if let ElemKind::Start { doc, head } = &elems[i].kind {
            c.flush(false);
            c.st.doc = *doc;
            c.st.head = head.clone();
            c.st.first = true;
            c.doc_start = c.count;
            undo = None;
            i += 1;
            continue;
        }
        let mut k = i;
        while k + 1 < elems.len()
            && !elems[k].break_after
            && !matches!(elems[k + 1].kind, ElemKind::Start { .. })
        {
            k += 1;
        }
        let early = a.early.contains(&(c.st.doc, c.count - c.doc_start));
        let before = early.then(|| c.st.clone());
        if c.try_group(i, k) {
            undo = before.map(|st| (i, st));
            i = k + 1;
            continue;
        }
        if let Some((j, st)) = undo.take().filter(|u| !u.1.body.is_empty()) {
            // End the page before its last group (which comes again on the next).
            c.st = st;
            c.st.spread = c.holed();
            c.new_page();
            i = j;
            continue;
        }
        if let Some(end) = c.fill_hole(i, k) {
            i = end + 1;
            continue;
        }
        if !c.st.body.is_empty() {
            c.st.spread = c.holed();
            c.new_page();
        }
        if !c.try_group(i, k) {
            // Taller than a page: break inside it wherever needed.
            for e in i..=k {
                if !c.place(e, false) {
                    if !c.st.body.is_empty() {
                        c.new_page();
                    }
                    c.place(e, true);
                }
            }
        }
        i = k + 1;
    }
    c.flush(true);
}

impl Composer<'_> {
    /// Finishes the pages of a profile: the current one, and as many more as the
    /// rest of a note turned over from it needs (`always`: at least one page).
    fn flush(&mut self, always: bool) {
        let mut more = always && self.count == 0;
        while more || !self.st.body.is_empty() || !self.st.notes.is_empty() {
            self.new_page();
            more = false;
        }
    }

    fn sep(&self) -> f32 {
        self.g.size * 1.4
    }

    /// The lines of note `key`'s body `text`.
    fn note_lines(&self, key: NoteKey, text: Text) -> &[Line] {
        let set = match text {
            Text::Own => &self.a.notes,
            Text::Full => &self.a.full,
            Text::Back => &self.a.back,
        };
        set.get(&key).map_or(&[], Vec::as_slice)
    }

    /// Which body note `key`, coming after `above` on this page, prints: a note
    /// printed in full on an earlier page refers back to it; an "Ibid." note prints
    /// its source's full citation unless the note right above it cites the same
    /// source, as "Ibid." refers the reader to the note just read.
    fn text_here(&self, key: NoteKey, above: Option<NoteKey>) -> Text {
        if self.printed.contains(&key) && self.a.back.contains_key(&key) {
            return Text::Back;
        }
        if !self.a.full.contains_key(&key) {
            return Text::Own;
        }
        let source = self.a.sources.get(&key);
        if above.and_then(|k| self.a.sources.get(&k)) != source {
            Text::Full
        } else {
            Text::Own
        }
    }

    fn height(lines: &[Line]) -> f32 {
        lines.iter().map(|l| l.leading).sum()
    }

    /// The part of element `e`'s height that may hang below the text block when it
    /// ends the page. As in TeX, a page is full when its last baseline reaches the
    /// bottom, with the last line's depth allowed to hang at most a fifth of the body
    /// size below: counting the whole leading under the last line would waste up to
    /// a line on pages whose height is not a whole number of lines.
    fn tail(&self, e: usize) -> f32 {
        match &self.a.elems[e].kind {
            ElemKind::Line(p) => {
                let depth = p.line.descent.min(self.g.size * 0.2);
                (p.line.leading - baseline_in(&p.line) - depth).max(0.0)
            }
            _ => 0.0,
        }
    }

    /// Whether the page holds `notes` more note height, and element `e` if given.
    fn fits(&self, e: Option<usize>, notes: f32) -> bool {
        let bottom = match e {
            Some(e) => self.st.body_h + self.a.elems[e].height - self.tail(e),
            None => self.st.body_h - self.st.tail,
        };
        let total_notes = self.st.notes_h + notes;
        let area = if total_notes > 0.0 {
            total_notes + self.sep()
        } else {
            0.0
        };
        bottom + area <= self.g.height() + EPS
    }

    /// The room left empty above the notes (or the text block's foot).
    pub(super) fn room(&self) -> f32 {
        let notes = if self.st.notes_h > 0.0 {
            self.st.notes_h + self.sep()
        } else {
            0.0
        };
        self.g.height() - (self.st.body_h - self.st.tail) - notes
    }

    /// Whether ending the page here leaves more than two lines' room empty.
    fn holed(&self) -> bool {
        !self.st.body.is_empty() && self.room() > self.g.size * 2.4
    }

    /// When moving group `i..=k` on would leave more than two lines' room empty
    /// above the notes, places what of it fits by the lesser faults: the page broken
    /// after a hyphenated line, a note split or turned over two lines a side; then,
    /// if the page's paragraphs cannot take up the room (see [`State::spread`]), a
    /// note split or turned over one line a side (LaTeX splits a footnote anywhere
    /// rather than leave a hole). Returns the last element placed.
    fn fill_hole(&mut self, i: usize, k: usize) -> Option<usize> {
        if !self.holed() {
            return None;
        }
        let mut placed = None;
        for side in [2, 1] {
            if side == 1 && self.room() - self.g.size * 2.4 <= self.spread_room() {
                break;
            }
            self.side = side;
            self.turn = false;
            placed = placed.or_else(|| self.try_ends(i, k));
            self.turn = true;
            placed = placed.or_else(|| self.try_ends(i, k));
        }
        self.turn = false;
        self.side = 2;
        placed
    }

    /// Places group `i..=k`, or the longest part of it ending at a soft break, that
    /// fits; returns its last element.
    fn try_ends(&mut self, i: usize, k: usize) -> Option<usize> {
        let ends = std::iter::once(k).chain((i..k).rev().filter(|&e| self.a.elems[e].soft_break));
        ends.into_iter().find(|&end| self.try_group(i, end))
    }

    /// Makes room for element `e`, which cites no new note, by turning the last
    /// note on the page over to the next page (as LaTeX continues a footnote below
    /// the next page's text), `side` lines at least on each side. Body that follows
    /// may take more of the note's lines, but cites no new note on this page (that
    /// note would come after the turned one).
    fn turn_over(&mut self, e: usize) -> bool {
        if self.st.split || !self.st.carry.is_empty() {
            return false;
        }
        let Some(&last) = self.st.notes.last() else {
            return false;
        };
        let n = self.note_lines(last.key, last.full).len();
        if last.to != n || n < last.from + 2 * self.side {
            return false;
        }
        let saved = self.st.clone();
        self.st.carry.push((last.key, n, last.full));
        self.st.split = true;
        if !self.place_after_split(e) {
            self.st = saved;
            return false;
        }
        // At least `side` lines go over.
        let here = self.st.notes.last().map_or(n, |p| p.to);
        if here + self.side > n {
            let to = n - self.side;
            self.st.notes_h -= Self::height(&self.note_lines(last.key, last.full)[to..here]);
            if let Some(p) = self.st.notes.last_mut() {
                p.to = to;
            }
            if let Some(c) = self.st.carry.last_mut() {
                c.1 = to;
            }
        }
        true
    }

    fn try_group(&mut self, i: usize, k: usize) -> bool {
        let saved = self.st.clone();
        if (i..=k).all(|e| self.place(e, false)) {
            return true;
        }
        self.st = saved;
        false
    }

    fn add_note(&mut self, key: NoteKey, full: Text, from: usize, to: usize) {
        let h = Self::height(&self.note_lines(key, full)[from..to]);
        self.st.notes.push(Part {
            key,
            from,
            to,
            full,
        });
        self.st.notes_h += h;
    }

    /// Places element `e` with the notes it cites; `force` places it even when it
    /// does not fit (an empty page that cannot hold it either).
    fn place(&mut self, e: usize, force: bool) -> bool {
        let elem = &self.a.elems[e];
        if matches!(elem.kind, ElemKind::Space) {
            // Space may hang past the bottom: nothing after it fits then anyway.
            if !self.st.body.is_empty() {
                self.st.body.push((e, self.st.body_h));
                self.st.body_h += elem.height;
                self.st.tail += elem.height;
            }
            return true;
        }
        if self.st.full && !force {
            return false;
        }
        // A table continuing on a new page repeats its header row first.
        if let ElemKind::Row { head: Some(h), .. } = elem.kind
            && h != e
            && self.st.body.is_empty()
        {
            self.st.repeats.push(0);
            self.push_body(h);
        }
        if self.st.split && !force {
            return self.place_after_split(e);
        }
        let doc = self.st.doc.unwrap_or(usize::MAX);
        let mut above = self.st.notes.last().map(|p| p.key);
        let new: Vec<(NoteKey, Text)> = elem
            .note_refs()
            .into_iter()
            .map(|n| (doc, n))
            .filter(|key| {
                !self.note_lines(*key, Text::Own).is_empty()
                    && !self.st.notes.iter().any(|p| p.key == *key)
            })
            .map(|key| {
                let full = self.text_here(key, above);
                above = Some(key);
                (key, full)
            })
            .collect();
        let heights: Vec<f32> = new
            .iter()
            .map(|&(k, full)| Self::height(self.note_lines(k, full)))
            .collect();
        let all: f32 = heights.iter().sum();
        if self.fits(Some(e), all) {
            self.push_body(e);
            for (key, full) in new {
                let n = self.note_lines(key, full).len();
                self.add_note(key, full, 0, n);
            }
            return true;
        }
        let Some((&(last, last_full), before)) = new.split_last() else {
            if self.turn && !force {
                return self.turn_over(e);
            }
            if force {
                self.push_body(e);
                self.st.full = true;
            }
            return force;
        };
        let before_h: f32 = heights[..before.len()].iter().sum();
        let first_h = self
            .note_lines(last, last_full)
            .first()
            .map_or(0.0, |l| l.leading);
        if !force && !self.fits(Some(e), before_h + first_h) {
            return false;
        }
        // Split the last note: as many lines as fit here, the rest on the next page.
        let saved = self.st.clone();
        self.push_body(e);
        for &(key, full) in before {
            let n = self.note_lines(key, full).len();
            self.add_note(key, full, 0, n);
        }
        let lines = self.note_lines(last, last_full);
        let mut k = 0;
        let mut used = 0.0;
        while k < lines.len() && self.fits(None, used + lines[k].leading) {
            used += lines[k].leading;
            k += 1;
        }
        // Two lines at least on each side of the split, as for a paragraph; even a
        // forced placement keeps the note's first line with its marker.
        let n = lines.len();
        let k = split_at(k, 0, n, self.side);
        if k < self.side && k < n && !force {
            self.st = saved;
            return false;
        }
        let k = k.max(1);
        self.add_note(last, last_full, 0, k);
        if k < n {
            self.st.carry.push((last, k, last_full));
            self.st.split = true;
        } else {
            self.st.full = true;
        }
        true
    }

    /// Places element `e` on a page whose last note is split, by moving more of
    /// that note to the next page; at least its first line stays with its marker,
    /// and a line citing a new note goes to the next page (the new note would have
    /// to come after the split one).
    fn place_after_split(&mut self, e: usize) -> bool {
        let doc = self.st.doc.unwrap_or(usize::MAX);
        let cites_new = self.a.elems[e]
            .note_refs()
            .into_iter()
            .any(|n| !self.st.notes.iter().any(|p| p.key == (doc, n)));
        let (Some(&last), Some(&(_, carried, _))) = (self.st.notes.last(), self.st.carry.last())
        else {
            return false;
        };
        if cites_new {
            return false;
        }
        let mut part = last;
        let mut h = self.st.notes_h;
        while !self.fits_with_notes(e, h) {
            if part.to <= part.from + self.side {
                return false;
            }
            part.to -= 1;
            h -= self.note_lines(part.key, part.full)[part.to].leading;
        }
        debug_assert_eq!(carried, last.to);
        if let Some(p) = self.st.notes.last_mut() {
            *p = part;
        }
        if let Some(c) = self.st.carry.last_mut() {
            c.1 = part.to;
        }
        self.st.notes_h = h;
        self.push_body(e);
        true
    }

    /// Whether element `e` fits with `notes_h` of notes on the page in all.
    fn fits_with_notes(&self, e: usize, notes_h: f32) -> bool {
        let bottom = self.st.body_h + self.a.elems[e].height - self.tail(e);
        bottom + notes_h + self.sep() <= self.g.height() + EPS
    }

    fn push_body(&mut self, e: usize) {
        self.st.body.push((e, self.st.body_h));
        self.st.body_h += self.a.elems[e].height;
        self.st.tail = self.tail(e);
    }

    /// Finishes the current page and starts the next with the carried note remainders.
    fn new_page(&mut self) {
        let page = self.finish();
        for part in self.st.notes.iter().filter(|p| p.full != Text::Back) {
            self.printed.insert(part.key);
        }
        (self.sink)(page);
        self.count += 1;
        let carry = std::mem::take(&mut self.st.carry);
        self.st = State {
            doc: self.st.doc,
            head: self.st.head.clone(),
            first: false,
            ..State::default()
        };
        // A remainder takes at most half a page, so the body always moves on.
        let limit = self.g.height() * 0.5;
        for (key, from, full) in carry {
            let lines = self.note_lines(key, full);
            let n = lines.len();
            let mut to = from;
            let mut used = 0.0;
            while to < n && (to == from || self.st.notes_h + used + lines[to].leading <= limit) {
                used += lines[to].leading;
                to += 1;
            }
            // The half-page limit gives way rather than split off a single line.
            let to = match split_at(to, from, n, 2) {
                k if k < from + 2 => n,
                k => k,
            };
            self.add_note(key, full, from, to);
            if to < n {
                self.st.carry.push((key, to, full));
            }
        }
    }
}

/// Where a note of `n` lines may split, given that lines `from..k` fit: never
/// leaving fewer than `side` lines on either side (when fewer than `side` fit, the
/// result is below `from + side` and the caller decides).
fn split_at(k: usize, from: usize, n: usize, side: usize) -> usize {
    if k >= n {
        return n;
    }
    let k = k.min(n.saturating_sub(side));
    if k < from + side { k.min(from) } else { k }
}

/// Note numbers cited by the body lines of a page, in order of appearance.
pub fn cited(page: &Page) -> Vec<u32> {
    let mut out = Vec::new();
    for item in &page.items {
        if let ItemKind::Text {
            line, note: None, ..
        } = &item.kind
        {
            for n in line.note_refs() {
                if !out.contains(&n) {
                    out.push(n);
                }
            }
        }
    }
    out
}

/// The first page number of each profile.
pub fn doc_start_pages(pages: &[Page], docs: usize) -> Vec<usize> {
    (0..docs)
        .map(|d| {
            pages
                .iter()
                .find(|p| p.doc == Some(d))
                .map_or(0, |p| p.number)
        })
        .collect()
}

/// The page number printing each note in full (its first such page).
pub fn note_pages(pages: &[Page]) -> BTreeMap<NoteKey, usize> {
    let mut out = BTreeMap::new();
    for page in pages {
        for m in page.notes.iter().filter(|m| m.start && !m.back) {
            out.entry(m.key).or_insert(page.number);
        }
    }
    out
}

/// Adds page counts and notes printed away from their markers to the report.
pub fn fill_report(pages: &[Page], report: &mut LayoutReport) {
    report.pages = pages.len();
    report.notes_off_page = 0;
    for page in pages {
        let doc = page.doc.unwrap_or(usize::MAX);
        let cited: BTreeSet<NoteKey> = cited(page).into_iter().map(|n| (doc, n)).collect();
        let present: BTreeSet<NoteKey> = page.notes.iter().map(|m| m.key).collect();
        report.notes_off_page += page
            .notes
            .iter()
            .filter(|m| m.start && !cited.contains(&m.key))
            .count();
        report.notes_off_page += cited.difference(&present).count();
    }
}

/// Whether a line carries a tag of this kind (used by the writer and tests).
pub fn has_note_number(line: &Line) -> Option<u32> {
    line.tags.iter().find_map(|t| match t.tag {
        Tag::NoteNumber { note } => Some(note),
        _ => None,
    })
}

mod finish;

#[cfg(test)]
mod tests;
