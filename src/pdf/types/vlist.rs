//! What arrange hands to compose: the vertical list of set lines, rules, rows and
//! images with where a page may break, and every note's set lines.

use std::collections::{BTreeMap, BTreeSet};

use super::{LayoutReport, Line, Nest, OutlineEntry, Role};

/// A line with where it goes across the text block.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// The line.
    pub line: Line,
    /// Its left edge from the text block's left edge.
    pub x: f32,
    /// Lines drawn on the same baseline (list labels, contents page numbers), with their x.
    pub extras: Vec<(f32, Line)>,
    /// What it is.
    pub role: Role,
    /// An outline entry that points here.
    pub outline: Option<OutlineEntry>,
    /// The paragraph it belongs to (lines of one paragraph share a structure tag).
    pub block: usize,
    /// A contents entry: the profile whose first page the whole line links to.
    pub goto: Option<usize>,
    /// The quotes and lists it is in.
    pub nest: Nest,
}

/// What an element draws.
#[derive(Debug, Clone, PartialEq)]
pub enum ElemKind {
    /// One line of text.
    Line(Placed),
    /// A horizontal rule: left edge and width, drawn at mid-height.
    Rule {
        /// Left edge from the text block's left edge.
        x: f32,
        /// Length.
        width: f32,
    },
    /// A table row: cells as (x, baseline from the row's top, line, the containers
    /// around it down to its cell), and rules
    /// (x0, x1, y from the row's top).
    Row {
        /// The cell lines.
        cells: Vec<(f32, f32, Line, Nest)>,
        /// Rules drawn with the row.
        rules: Vec<(f32, f32, f32)>,
        /// For a body row of a table with a header: the header row's element, which a
        /// page the table continues on repeats above it.
        head: Option<usize>,
    },
    /// An image: its key in the options' images, left edge and width (its height is
    /// the element's).
    Image {
        /// The path as written in the model.
        src: String,
        /// Its alternative text.
        alt: String,
        /// Left edge from the text block's left edge.
        x: f32,
        /// Width drawn.
        width: f32,
        /// The quotes and lists it is in.
        nest: Nest,
    },
    /// Empty space, dropped at the top of a page.
    Space,
    /// Start a new page for a profile (or front matter when `doc` is `None`).
    Start {
        /// Profile index.
        doc: Option<usize>,
        /// Running head for its following pages.
        head: Option<String>,
    },
}

/// One element of the vertical list.
#[derive(Debug, Clone, PartialEq)]
pub struct Elem {
    /// What it draws.
    pub kind: ElemKind,
    /// The height it takes.
    pub height: f32,
    /// Whether a page may break after it.
    pub break_after: bool,
    /// Whether a page may break after it to fill a page that would otherwise end
    /// with a hole: after a hyphenated line (a word split across pages is the
    /// lesser fault).
    pub soft_break: bool,
}

impl Elem {
    /// The note numbers this element cites, in order, each once.
    pub fn note_refs(&self) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        let mut push = |line: &Line| {
            for n in line.note_refs() {
                if !out.contains(&n) {
                    out.push(n);
                }
            }
        };
        match &self.kind {
            ElemKind::Line(p) => push(&p.line),
            ElemKind::Row { cells, .. } => cells.iter().for_each(|(_, _, l, _)| push(l)),
            _ => {}
        }
        out
    }
}

/// Where a line's baseline sits below the top of its box: glyphs centred in the leading.
pub fn baseline_in(line: &Line) -> f32 {
    ((line.leading + line.ascent - line.descent) / 2.0).clamp(0.0, line.leading.max(0.0))
}

/// The set flow, the set notes, and what setting them found.
#[derive(Debug, Clone, Default)]
pub struct Arranged {
    /// The vertical list.
    pub elems: Vec<Elem>,
    /// The lines of every note, keyed by (profile, note number).
    pub notes: BTreeMap<(usize, u32), Vec<Line>>,
    /// The source each resolved note cites ([`super::Collected::sources`]).
    pub sources: BTreeMap<(usize, u32), String>,
    /// The lines of each "Ibid." note's full-citation body ([`super::Collected::full`]).
    pub full: BTreeMap<(usize, u32), Vec<Line>>,
    /// The lines of each back-reference ([`super::Collected::back`]).
    pub back: BTreeMap<(usize, u32), Vec<Line>>,
    /// Overfull lines, lines, missing glyphs (pages and notes off page come later).
    pub report: LayoutReport,
    /// The flow paragraph ([`super::Collected::flow`] index) each paragraph's first element
    /// (its block) was set from.
    pub paras: BTreeMap<usize, usize>,
    /// Pages, as (profile, page of the profile from 0), to end one group of elements
    /// earlier than they could: what `pdf::loosen` found keeps a later page's
    /// note whole; compose spreads the page.
    pub early: BTreeSet<(Option<usize>, usize)>,
}
