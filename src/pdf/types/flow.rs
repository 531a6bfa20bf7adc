//! What collect hands to arrange: the flow of blocks to set, each paragraph with its
//! role and the containers (quotes, lists, tables) around it, and every note body.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::{ParaSpec, Piece};

/// What a set line is, for structure tags and styling decisions in later stages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// Running text, list items, table cells.
    Body,
    /// A profile's or a book's title.
    Title,
    /// A heading of this level (1–6).
    Heading(u8),
    /// Block-quoted text.
    Quote,
    /// A figure caption.
    Caption,
    /// An entry of the bibliography.
    Bibliography,
    /// A footnote.
    Note,
    /// A line of a code block.
    Code,
}

/// A structure around paragraphs, for the tag tree: the writer nests each line's
/// paragraph in the containers of its [`Nest`], outermost first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Container {
    /// A block quote (an id unique in the flow).
    Quote(usize),
    /// A list (its id), and whether it is numbered.
    List(usize, bool),
    /// A bibliography: a list without labels.
    Bibliography(usize),
    /// An item of a list (its id): its label and its body.
    Item(usize),
    /// A table (its first row's element index).
    Table(usize),
    /// A table's header rows (`true`) or body rows, by the table's id.
    Rows(usize, bool),
    /// A table row (its element index).
    Row(usize),
    /// A table cell: its column, and whether it is a header cell.
    Cell(usize, bool),
    /// A code block (its lines are set one paragraph each).
    Code(usize),
    /// An anthology's table of contents.
    Toc(usize),
    /// One entry of the contents.
    TocItem(usize),
}

/// The containers around a paragraph, outermost first (shared by its lines).
pub type Nest = Arc<[Container]>;

/// A paragraph ready for layout, with its place in the flow.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    /// The styled text.
    pub pieces: Vec<Piece>,
    /// Layout parameters (the width already excludes `indent`).
    pub spec: ParaSpec,
    /// Distance of every line from the left edge of the text block.
    pub indent: f32,
    /// A list label set in the indent, on the first line's baseline.
    pub label: Option<Vec<Piece>>,
    /// Space above.
    pub before: f32,
    /// Space below.
    pub after: f32,
    /// Keep with the first lines of what follows (headings, titles).
    pub keep_with_next: bool,
    /// What it is.
    pub role: Role,
    /// An outline entry pointing at its first line.
    pub outline: Option<OutlineEntry>,
    /// Where it came from ("file:line"), for missing-glyph warnings.
    pub origin: String,
    /// The quotes and lists it is in.
    pub nest: Nest,
}

/// An outline entry for a paragraph's first line, and the author's id of the heading
/// it marks: an in-document link (`[see](#methods)`) leads to that line.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    /// Its level in the outline (1 for a title).
    pub level: u8,
    /// Its text.
    pub title: String,
    /// The heading's `{#id}`, when the author gave one.
    pub anchor: Option<String>,
}

impl OutlineEntry {
    /// An entry at `level` with no anchor.
    pub fn new(level: u8, title: impl Into<String>) -> OutlineEntry {
        OutlineEntry {
            level,
            title: title.into(),
            anchor: None,
        }
    }
}

/// One block of the flow.
#[derive(Debug, Clone, PartialEq)]
pub enum Flow {
    /// Start a new page for a profile (`doc`) or for front matter (`None`).
    Start {
        /// Index of the profile in the book.
        doc: Option<usize>,
        /// The running head of the following pages (none on the first).
        head: Option<String>,
    },
    /// A paragraph.
    Para(Para),
    /// A horizontal rule across a fraction of the measure.
    Rule,
    /// An image, scaled to fit: its key in [`PdfOptions::images`](crate::pdf::PdfOptions::images), left edge, size.
    Image {
        /// The path as written in the model.
        src: String,
        /// Its alternative text.
        alt: String,
        /// Left edge from the text block's left edge.
        x: f32,
        /// Width drawn.
        width: f32,
        /// Height drawn.
        height: f32,
        /// Keep with what follows (its caption).
        keep_with_next: bool,
        /// The quotes and lists it is in.
        nest: Nest,
    },
    /// Vertical space (dropped at the top of a page).
    Space(f32),
    /// A table: header cells and body rows, each cell a paragraph.
    Table {
        /// The header row (may be empty).
        head: Vec<Para>,
        /// The body rows.
        rows: Vec<Vec<Para>>,
    },
    /// A contents line: a title and its page number, flush right.
    TocEntry {
        /// The profile it lists (the entry links to its first page).
        doc: usize,
        /// The title.
        title: Para,
        /// The page number as text.
        page: Vec<Piece>,
    },
}

/// The flow of the whole book and the notes of each profile.
#[derive(Debug, Clone, Default)]
pub struct Collected {
    /// The blocks in reading order.
    pub flow: Vec<Flow>,
    /// Every note body as its paragraphs (list items and quotes indented, list
    /// labels in [`Para::label`]), keyed by (profile index, note number).
    pub notes: BTreeMap<(usize, u32), Vec<Para>>,
    /// The source each resolved note cites, by the same key.
    pub sources: BTreeMap<(usize, u32), String>,
    /// For each "Ibid." note, its body with the source's full citation instead: what
    /// it prints on a page where the note above it cites another source or where it
    /// is the first note, since "Ibid." must point at something the reader can see.
    pub full: BTreeMap<(usize, u32), Vec<Para>>,
    /// For each note cited by more than one marker, what it prints on a page after
    /// the one that printed it in full: "See note 13, p. 3."
    pub back: BTreeMap<(usize, u32), Vec<Para>>,
}
