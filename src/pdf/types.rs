//! The contract between paragraph layout (fonts → shape → hyphenate → break lines)
//! and page building / writing. Layout turns [`Piece`]s into [`Line`]s of positioned
//! glyphs; pages stack lines and notes and krilla writes them.
//!
//! All lengths are PDF points (1/72 in). y grows downwards within a line box:
//! `baseline_shift > 0` raises text (superscripts).

use std::ops::Range;

mod flow;
mod page;
mod vlist;

pub use flow::{Collected, Container, Flow, Nest, OutlineEntry, Para, Role};
pub use page::{Item, ItemKind, NoteKey, NoteMark, Page};
pub use vlist::{Arranged, Elem, ElemKind, Placed, baseline_in};

/// The paragraph engine as page building sees it: pieces and a spec in, lines and the
/// characters no font has out.
pub type SetFn<'a> = dyn Fn(&[Piece], &ParaSpec) -> (Vec<Line>, Vec<char>) + 'a;

/// One face of the bundled type family (see `fonts/`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    /// Body text.
    Regular,
    /// Emphasis.
    Italic,
    /// Strong, headings.
    Bold,
    /// Strong inside emphasis.
    BoldItalic,
    /// Code.
    Mono,
    /// Fallback for Arabic and Persian script.
    Arabic,
    /// Fallback for Chinese, Japanese and Korean text, whatever the style asked.
    Cjk,
}

/// How a piece of text is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    /// The face asked for; layout may fall back per character (Arabic, missing glyphs).
    pub face: Face,
    /// Font size in points.
    pub size: f32,
    /// Raise (positive) or lower the baseline, in points; superscript note markers use it.
    pub baseline_shift: f32,
}

/// What a stretch of text means beyond its glyphs: the writer turns tags into
/// links, named destinations and structure.
#[derive(Debug, Clone, PartialEq)]
pub enum Tag {
    /// A note reference in body text: marker index in the document, and the note number.
    NoteRef {
        /// Index into `Document::markers`.
        marker: usize,
        /// The note number it shows.
        note: u32,
    },
    /// The number at the start of a footnote; links back to the first marker.
    NoteNumber {
        /// The note number.
        note: u32,
    },
    /// A hyperlink.
    Link(String),
}

/// An input piece of a paragraph: text in one style, optionally tagged.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// The text (already with smart punctuation; may contain spaces and break opportunities).
    pub text: String,
    /// Its style.
    pub style: TextStyle,
    /// Its meaning, if any.
    pub tag: Option<Tag>,
}

/// How lines are aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Both edges flush; the last line flush left.
    Justify,
    /// Ragged right.
    Left,
    /// Centered (titles).
    Center,
    /// Ragged left.
    Right,
}

/// Paragraph parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct ParaSpec {
    /// The measure.
    pub width: f32,
    /// Indent of the first line.
    pub first_indent: f32,
    /// Indent of every line (block quotes, list items, hanging note numbers use it).
    pub left_indent: f32,
    /// Alignment.
    pub align: Align,
    /// Language tag for hyphenation ("en", "fr", …); no hyphenation when unknown.
    pub lang: String,
    /// Whether words may be hyphenated (off for headings).
    pub hyphenate: bool,
    /// Baseline-to-baseline distance.
    pub leading: f32,
    /// Lines to set more (positive) or fewer than the best setting has, when a
    /// setting within the usual tolerances has that many (TeX's `\looseness`): page
    /// building asks for it to keep a note whole on its page.
    pub looseness: i8,
}

/// Glyphs of one face and size, placed on a line.
#[derive(Debug, Clone, PartialEq)]
pub struct GlyphRun {
    /// The face the glyphs come from.
    pub face: Face,
    /// Font size in points.
    pub size: f32,
    /// x of the run's origin from the line's left edge.
    pub x: f32,
    /// Baseline shift (positive raises).
    pub baseline_shift: f32,
    /// The text the glyphs stand for (a hyphen added at a break is included).
    pub text: String,
    /// The glyphs, in visual order.
    pub glyphs: Vec<Glyph>,
    /// Set while the run is held without its text and glyphs (between setting and
    /// writing a long book): where to find them again.
    pub source: Option<RunSource>,
}

/// Where a run held without its glyphs finds them again: the `run`-th run of the
/// `line`-th line the `request`-th paragraph request of a layout was answered with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunSource {
    /// The request, in the order arrange asks.
    pub request: u32,
    /// The line among its lines.
    pub line: u32,
    /// The run among the line's runs.
    pub run: u32,
}

/// One positioned glyph.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Glyph id in the face.
    pub id: u16,
    /// Advance in points (including justification stretch given to this glyph).
    pub advance: f32,
    /// Offsets in points from the pen position.
    pub x_offset: f32,
    /// Vertical offset in points (positive raises).
    pub y_offset: f32,
    /// The bytes of [`GlyphRun::text`] this glyph stands for (a ligature covers several chars).
    pub range: Range<usize>,
}

/// A stretch of a line that carries a [`Tag`] (for link rectangles and destinations).
#[derive(Debug, Clone, PartialEq)]
pub struct TagBox {
    /// The tag.
    pub tag: Tag,
    /// Left edge from the line's left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
}

/// One set line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Line {
    /// Height above the baseline.
    pub ascent: f32,
    /// Depth below the baseline (positive).
    pub descent: f32,
    /// Baseline-to-baseline distance to use after the previous line.
    pub leading: f32,
    /// Width actually used (the measure when justified).
    pub width: f32,
    /// The glyph runs.
    pub runs: Vec<GlyphRun>,
    /// Tagged stretches (note references, links).
    pub tags: Vec<TagBox>,
    /// Whether the line ends with an inserted hyphen.
    pub hyphenated: bool,
    /// Whether the line ends inside a word with no hyphen: the last resort of a
    /// measure narrower than the word.
    pub broken: bool,
    /// How far the line sticks out past the measure; 0 when it fits.
    pub overfull: f32,
}

impl Line {
    /// The line without its runs' text and glyphs, each run saying where they are
    /// (`request`, this line's index `line` among its paragraph's): its measures,
    /// run positions and tags are all page building reads.
    pub fn skeleton(&self, request: u32, line: u32) -> Line {
        let runs = self
            .runs
            .iter()
            .zip(0..)
            .map(|(r, run)| GlyphRun {
                text: String::new(),
                glyphs: Vec::new(),
                source: Some(RunSource { request, line, run }),
                ..*r
            })
            .collect();
        Line {
            runs,
            tags: self.tags.clone(),
            ..*self
        }
    }

    /// Note numbers referenced on this line, in order.
    pub fn note_refs(&self) -> impl Iterator<Item = u32> + '_ {
        self.tags.iter().filter_map(|t| match t.tag {
            Tag::NoteRef { note, .. } => Some(note),
            _ => None,
        })
    }
}

/// What layout found, for tests and `--report`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LayoutReport {
    /// Lines wider than their measure.
    pub overfull_lines: usize,
    /// Notes printed on a page other than the page of the marker citing them.
    pub notes_off_page: usize,
    /// Pages written.
    pub pages: usize,
    /// Lines set.
    pub lines: usize,
    /// Characters no bundled font has: the character and where (file:line).
    pub missing_glyphs: Vec<(char, String)>,
    /// Why the PDF does not meet the standard asked for (written claiming none).
    pub unmet_standard: Option<String>,
}
