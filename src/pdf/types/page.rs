//! What compose hands to write: finished pages of placed items, and where each
//! footnote sits.

use super::{Line, Nest, Role};

/// A note key: (profile index, note number).
pub type NoteKey = (usize, u32);

/// Something drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum ItemKind {
    /// A line of text.
    Text {
        /// The line.
        line: Line,
        /// What it is.
        role: Role,
        /// An outline entry pointing here.
        outline: Option<super::OutlineEntry>,
        /// For footnote lines: the note they belong to.
        note: Option<NoteKey>,
        /// The paragraph (or table row) it belongs to, for structure tags.
        block: usize,
        /// A contents entry: the profile whose first page the line links to.
        goto: Option<usize>,
        /// The quotes, lists and table cell it is in.
        nest: Nest,
        /// Whether it is drawn beside another line on its baseline (a list label,
        /// contents leaders and page number).
        extra: bool,
    },
    /// An image; the item's `y` is its top edge.
    Image {
        /// The path as written in the model (its key in the options' images).
        src: String,
        /// Its alternative text.
        alt: String,
        /// Width drawn.
        width: f32,
        /// Height drawn.
        height: f32,
        /// The quotes and lists it is in.
        nest: Nest,
    },
    /// A line repeated for the reader's convenience (a table's header row on a
    /// continuation page): drawn as an artifact, outside the structure tree.
    Repeat {
        /// The line.
        line: Line,
    },
    /// A horizontal rule of this length, 0.5 pt thick.
    Rule {
        /// Its length.
        width: f32,
    },
}

/// A placed item: `x` from the page's left edge, `y` the baseline (or the rule's
/// centre) from the page's top edge.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Left edge.
    pub x: f32,
    /// Baseline from the top.
    pub y: f32,
    /// What is drawn.
    pub kind: ItemKind,
}

/// Where a note (or the continuation of one) sits on a page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NoteMark {
    /// The note.
    pub key: NoteKey,
    /// Top of its first line on this page, from the page's top edge.
    pub y: f32,
    /// Whether this is the start of the note (with its number) or a continuation.
    pub start: bool,
    /// Whether it only refers back to the page that printed the note in full.
    pub back: bool,
}

/// A finished page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The profile it belongs to (`None`: title page or contents).
    pub doc: Option<usize>,
    /// Running head (none on a profile's first page).
    pub head: Option<String>,
    /// Page number, from 1.
    pub number: usize,
    /// Whether to print the page number (not on the title page).
    pub folio: bool,
    /// Body and footnote items.
    pub items: Vec<Item>,
    /// The notes on the page, in order.
    pub notes: Vec<NoteMark>,
    /// The most space, in points, added between two paragraphs or table rows to fill
    /// the page down to its notes (0 on a page that was not spread).
    pub spread: f32,
    /// The room left empty above the notes (or the text block's foot) once the page
    /// is spread, in points.
    pub band: f32,
    /// Notes split from this page to the next with a single line on one side: what
    /// page building would rather re-break a paragraph to avoid (see `pdf::loosen`).
    pub single_note_lines: usize,
}
