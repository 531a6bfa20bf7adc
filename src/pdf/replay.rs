//! The paragraph engine a layout runs on: paragraphs set ahead on all cores, then
//! replayed to arrange in its order, and, for a long book, their glyphs set again page
//! by page as the writer needs them.
//!
//! Arrange and compose read a line's measures, run positions and tags, never its
//! glyphs, and a book is arranged whole before its first page is built. The passes
//! that only learn where things fall get skeletons ([`Line::skeleton`]); the last one
//! gets the lines themselves, moved out of the record, so a book's glyphs are held
//! once. Past [`HOLD_TEXT`] bytes of text even once is too much (a glyph takes 32
//! bytes: some 66 KB a page of dense text), so the record keeps only skeletons,
//! whose runs name the request, line and run they came from, and [`Engine::fill`]
//! sets a page's paragraphs again (the same pieces and spec give the same lines)
//! just before the page is written: about a third more time for a fraction of the
//! memory. A paragraph stays set while consecutive pages show it, so one spanning
//! many pages is set twice, not once a page.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use super::memo::{self, Memo};
use super::types::{Collected, ItemKind, Line, Page, ParaSpec, Piece};
use super::{FontSet, Geometry, arrange};

/// Bytes of paragraph text above which a layout holds no glyphs (2 MiB: about 70 MB
/// of glyphs, some 900 pages of dense text).
pub(super) const HOLD_TEXT: usize = 2 << 20;

/// One paragraph request: its input, and its lines and missing characters.
type SetRecord = (Vec<Piece>, ParaSpec, (Vec<Line>, Vec<char>));

/// The skeletons of request `request`'s lines.
fn skeleton(lines: &[Line], request: usize) -> Vec<Line> {
    let request = u32::try_from(request).unwrap_or(u32::MAX);
    lines
        .iter()
        .zip(0..)
        .map(|(l, i)| l.skeleton(request, i))
        .collect()
}

/// The paragraphs arrange will ask for, in its order, set on all cores, and whether
/// their glyphs are held (at most `hold` bytes of text). Arrange is one sequential
/// pass over the vertical list, but a paragraph's lines depend only on its own pieces
/// and spec: a dry run that answers every request with no lines lists them. The few
/// requests built from another's lines (table cells sized by their columns' widths)
/// differ in the real run and are set there.
fn prefetch(
    (fonts, memo): (&FontSet, Option<&Memo>),
    c: &Collected,
    g: &Geometry,
    hold: usize,
) -> (Vec<SetRecord>, bool) {
    let asked = RefCell::new(Vec::new());
    let dry = |pieces: &[Piece], spec: &ParaSpec| {
        asked.borrow_mut().push((pieces.to_vec(), spec.clone()));
        (Vec::new(), Vec::new())
    };
    arrange::arrange(c, g, &dry);
    let asked = asked.into_inner();
    let text: usize = asked
        .iter()
        .flat_map(|(pieces, _)| pieces)
        .map(|p| p.text.len())
        .sum();
    let glyphs = text <= hold;
    let records = asked
        .into_par_iter()
        .enumerate()
        .map(|(i, (pieces, spec))| {
            let (lines, missing) = memo::set_with(memo, fonts, &pieces, &spec);
            let lines = if glyphs { lines } else { skeleton(&lines, i) };
            (pieces, spec, (lines, missing))
        })
        .collect();
    (records, glyphs)
}

/// How a request is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// With skeletons, recording each request (a layout run).
    Record,
    /// With the recorded lines themselves, moved out: the last layout run, after
    /// which only [`Engine::fill`] reads the record.
    Take,
    /// With full lines, recording nothing (what the writer sets: running heads, folios).
    Plain,
}

/// The paragraph engine for a book: the requests of its layout in order, which comes
/// next, and the glyphs of the paragraphs the last page showed.
pub(super) struct Engine<'a> {
    fonts: &'a FontSet,
    /// Paragraphs kept from earlier builds, asked before any is set.
    memo: Option<&'a Memo>,
    /// Bytes of text up to which the record holds glyphs.
    hold: usize,
    /// Whether it does, for this book.
    glyphs: Cell<bool>,
    recorded: RefCell<Vec<SetRecord>>,
    next: Cell<usize>,
    mode: Cell<Mode>,
    /// Requests set again for writing: the index of the last page that showed each,
    /// and its full lines.
    filled: RefCell<BTreeMap<usize, (usize, Vec<Line>)>>,
}

impl<'a> Engine<'a> {
    /// An engine that holds glyphs for books of at most `hold` bytes of text and
    /// sets paragraphs through `memo` when there is one.
    pub(super) fn new(fonts: &'a FontSet, memo: Option<&'a Memo>, hold: usize) -> Engine<'a> {
        Engine {
            fonts,
            memo,
            hold,
            glyphs: Cell::new(true),
            recorded: RefCell::new(Vec::new()),
            next: Cell::new(0),
            mode: Cell::new(Mode::Record),
            filled: RefCell::new(BTreeMap::new()),
        }
    }

    /// The fonts it sets with.
    pub(super) fn fonts(&self) -> &'a FontSet {
        self.fonts
    }

    /// Sets every paragraph `c` asks for ahead, on all cores.
    pub(super) fn prefetch(&self, c: &Collected, g: &Geometry) {
        let (records, glyphs) = prefetch((self.fonts, self.memo), c, g, self.hold);
        *self.recorded.borrow_mut() = records;
        self.glyphs.set(glyphs);
    }

    /// Starts a layout run: requests are numbered from 0 again; the last run moves
    /// the recorded lines out rather than copying them.
    pub(super) fn start_run(&self, last: bool) {
        self.next.set(0);
        self.mode.set(if last { Mode::Take } else { Mode::Record });
    }

    /// Ends the layout: what is asked from now on is set in full and not recorded.
    pub(super) fn end_layout(&self) {
        self.mode.set(Mode::Plain);
    }

    /// Lets go of the record once every page is written.
    pub(super) fn release(&self) {
        *self.recorded.borrow_mut() = Vec::new();
        *self.filled.borrow_mut() = BTreeMap::new();
    }

    /// The paragraph engine for a run: the i-th request is answered from the i-th
    /// record when its input is unchanged, and set (and recorded) otherwise.
    pub(super) fn set(&self) -> impl Fn(&[Piece], &ParaSpec) -> (Vec<Line>, Vec<char>) + '_ {
        move |pieces: &[Piece], spec: &ParaSpec| {
            let mode = self.mode.get();
            if mode == Mode::Plain {
                return self.paragraph(pieces, spec);
            }
            let i = self.next.get();
            self.next.set(i + 1);
            let mut recorded = self.recorded.borrow_mut();
            let glyphs = self.glyphs.get();
            let answer = |out: &mut (Vec<Line>, Vec<char>)| match mode {
                Mode::Take => std::mem::take(out),
                _ if glyphs => (skeleton(&out.0, i), out.1.clone()),
                _ => out.clone(),
            };
            if let Some((p, s, out)) = recorded.get_mut(i)
                && p == pieces
                && s == spec
            {
                return answer(out);
            }
            let (lines, missing) = self.paragraph(pieces, spec);
            let lines = if glyphs { lines } else { skeleton(&lines, i) };
            let mut out = (lines, missing);
            let given = answer(&mut out);
            let record = (pieces.to_vec(), spec.clone(), out);
            // Requests come in order, so one past the record is the next to add.
            if let Some(slot) = recorded.get_mut(i) {
                *slot = record;
            } else if i == recorded.len() {
                recorded.push(record);
            }
            given
        }
    }

    /// A paragraph's lines and missing characters: from the memo when it has them.
    fn paragraph(&self, pieces: &[Piece], spec: &ParaSpec) -> (Vec<Line>, Vec<char>) {
        memo::set_with(self.memo, self.fonts, pieces, spec)
    }

    /// Gives the lines of page `p` (pages come in order) their text and glyphs back:
    /// the paragraphs it shows are set again, on all cores, unless the page before
    /// showed them too.
    pub(super) fn fill(&self, page: &mut Page, p: usize) {
        let runs = || {
            page.items.iter().flat_map(|item| match &item.kind {
                ItemKind::Text { line, .. } | ItemKind::Repeat { line } => line.runs.as_slice(),
                _ => &[],
            })
        };
        let wanted: BTreeSet<usize> = runs()
            .filter_map(|r| r.source.map(|s| s.request as usize))
            .collect();
        let mut filled = self.filled.borrow_mut();
        let recorded = self.recorded.borrow();
        let (recorded, fonts, memo) = (recorded.as_slice(), self.fonts, self.memo);
        let fresh: Vec<(usize, Vec<Line>)> = wanted
            .iter()
            .filter(|i| !filled.contains_key(i))
            .copied()
            .collect::<Vec<_>>()
            .into_par_iter()
            .filter_map(|i| {
                let (pieces, spec, _) = recorded.get(i)?;
                Some((i, memo::set_with(memo, fonts, pieces, spec).0))
            })
            .collect();
        for (i, lines) in fresh {
            filled.insert(i, (p, lines));
        }
        for i in &wanted {
            if let Some(entry) = filled.get_mut(i) {
                entry.0 = p;
            }
        }
        filled.retain(|_, (last, _)| *last == p);
        for item in &mut page.items {
            let (ItemKind::Text { line, .. } | ItemKind::Repeat { line }) = &mut item.kind else {
                continue;
            };
            for run in &mut line.runs {
                let Some(s) = run.source else { continue };
                let full = filled
                    .get(&(s.request as usize))
                    .and_then(|(_, lines)| lines.get(s.line as usize))
                    .and_then(|l| l.runs.get(s.run as usize));
                if let Some(full) = full {
                    run.text.clone_from(&full.text);
                    run.glyphs.clone_from(&full.glyphs);
                    run.source = None;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::hyphenate::tests::{pieces, spec};
    use crate::pdf::set_paragraph;
    use crate::pdf::types::{Flow, Item, Nest, Para, Role};

    /// `text` set 120 pt wide: several lines for a sentence.
    fn request(text: &str) -> (Vec<Piece>, ParaSpec) {
        let spec = ParaSpec {
            width: 120.0,
            ..spec("en")
        };
        (pieces(text), spec)
    }

    fn page(lines: Vec<Line>) -> Page {
        let items = lines
            .into_iter()
            .map(|line| Item {
                x: 0.0,
                y: 0.0,
                kind: ItemKind::Text {
                    line,
                    role: Role::Body,
                    outline: None,
                    note: None,
                    block: 0,
                    goto: None,
                    nest: Nest::default(),
                    extra: false,
                },
            })
            .collect();
        Page {
            doc: Some(0),
            head: None,
            number: 1,
            folio: true,
            items,
            notes: Vec::new(),
            spread: 0.0,
            band: 0.0,
            single_note_lines: 0,
        }
    }

    /// Lays out `texts` as two runs of requests (a pass and the last run) and
    /// returns the lines the last one got.
    fn lay_out(engine: &Engine, texts: &[&str]) -> Vec<Line> {
        let flow = texts
            .iter()
            .map(|t| {
                let (pieces, spec) = request(t);
                Flow::Para(Para {
                    pieces,
                    spec,
                    indent: 0.0,
                    label: None,
                    before: 0.0,
                    after: 0.0,
                    keep_with_next: false,
                    role: Role::Body,
                    outline: None,
                    origin: "t.md:1".into(),
                    nest: Nest::default(),
                })
            })
            .collect();
        let g = Geometry {
            page_w: 300.0,
            page_h: 300.0,
            margins: crate::pdf::Margins {
                top: 20.0,
                bottom: 20.0,
                left: 20.0,
                right: 20.0,
            },
            size: 10.0,
        };
        engine.prefetch(
            &Collected {
                flow,
                ..Collected::default()
            },
            &g,
        );
        let set = engine.set();
        let mut held = Vec::new();
        for last in [false, true] {
            engine.start_run(last);
            held = texts
                .iter()
                .flat_map(|t| {
                    let (pieces, spec) = request(t);
                    set(&pieces, &spec).0
                })
                .collect();
        }
        engine.end_layout();
        held
    }

    const TEXTS: [&str; 2] = [
        "A paragraph long enough to be set on several lines of this narrow measure.",
        "Another one, shorter.",
    ];

    /// The lines of page `p` after [`Engine::fill`].
    fn filled(engine: &Engine, lines: Vec<Line>) -> Vec<Line> {
        let mut p = page(lines);
        engine.fill(&mut p, 0);
        p.items
            .into_iter()
            .filter_map(|i| match i.kind {
                ItemKind::Text { line, .. } => Some(line),
                _ => None,
            })
            .collect()
    }

    fn as_set(fonts: &FontSet) -> Vec<Line> {
        TEXTS
            .iter()
            .flat_map(|t| {
                let (pieces, spec) = request(t);
                set_paragraph(fonts, &pieces, &spec).lines
            })
            .collect()
    }

    #[test]
    fn a_long_book_is_laid_out_without_glyphs_and_each_page_gets_them_back() {
        let fonts = FontSet::bundled();
        let engine = Engine::new(&fonts, None, 0);
        let held = lay_out(&engine, &TEXTS);
        assert!(held.len() > 2);
        assert!(
            held.iter()
                .flat_map(|l| &l.runs)
                .all(|r| r.glyphs.is_empty() && r.text.is_empty() && r.source.is_some()),
            "a layout past the budget holds lines without glyphs"
        );
        assert_eq!(filled(&engine, held), as_set(&fonts));
        // What the writer sets itself comes whole.
        let (pieces, spec) = request("Running head");
        let head = engine.set()(&pieces, &spec).0;
        assert!(
            head.iter()
                .flat_map(|l| &l.runs)
                .all(|r| !r.glyphs.is_empty())
        );
    }

    #[test]
    fn a_short_book_keeps_its_glyphs_from_the_first_setting() {
        let fonts = FontSet::bundled();
        let engine = Engine::new(&fonts, None, usize::MAX);
        let held = lay_out(&engine, &TEXTS);
        assert_eq!(held, as_set(&fonts));
        assert_eq!(filled(&engine, held), as_set(&fonts));
    }
}
