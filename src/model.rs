//! The document model: one profile ([`Document`]) and a series of them ([`Book`]).
//!
//! Readers fill in metadata, blocks, raw works-cited [`Entry`]s and raw Markdown
//! [`FootnoteDef`]s; citation markers are still plain text at that point.
//! [`crate::resolve`] then turns every marker into an [`Inline::NoteRef`] that points at
//! a [`Marker`], builds the [`Note`]s and the deduplicated [`Source`]s, and empties the
//! raw lists. Backends only ever see a resolved document.

use std::ops::Range;

use serde::Serialize;

use crate::diag::Diagnostic;

/// A position in an input file. Lines and columns count from 1; `offset` is a byte
/// offset into the decoded text (after a BOM, if any, was removed).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Span {
    /// Line number, from 1.
    pub line: u32,
    /// Column in characters, from 1.
    pub column: u32,
    /// Byte offset of the start in the decoded text.
    #[serde(skip)]
    pub offset: usize,
    /// Length in bytes.
    #[serde(skip)]
    pub len: usize,
}

/// Descriptive metadata of one profile, from front matter or from the text itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Metadata {
    /// The title: front matter, else the first H1 (Markdown) or first meaningful line (text).
    pub title: String,
    /// Optional subtitle.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// Authors in the order given.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Date as written ("2023-02-13", "Apr 10").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// BCP 47 language tag; `en` when nothing says otherwise.
    pub lang: String,
    /// Name of the series this profile belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    /// Position within the series, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub series_position: Option<u32>,
    /// One-paragraph description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Subject keywords.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// The input file's name as given to the reader (used in diagnostics).
    pub source_file: String,
}

/// One profile: the unit a reader produces and a chapter of a [`Book`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Document {
    /// Metadata; serialised flat so `title` and `lang` sit at the top of `folio model`.
    #[serde(flatten)]
    pub meta: Metadata,
    /// A short ASCII name, unique within a book, used for file names and ids.
    pub slug: String,
    /// The body.
    pub blocks: Vec<Block>,
    /// Resolved notes, in order of first reference.
    pub notes: Vec<Note>,
    /// The deduplicated bibliography, sorted by [`Source::sort_key`].
    pub sources: Vec<Source>,
    /// Every citation place in the body, in reading order; `Inline::NoteRef(i)` points at `markers[i]`.
    pub markers: Vec<Marker>,
    /// Raw works-cited entries as the reader found them; emptied by resolve.
    #[serde(skip)]
    pub entries: Vec<Entry>,
    /// Raw Markdown footnote definitions; emptied by resolve.
    #[serde(skip)]
    pub footnote_defs: Vec<FootnoteDef>,
    /// Everything found wrong or noteworthy, in the order found.
    pub diagnostics: Vec<Diagnostic>,
    /// The decoded input (BOM removed, LF line ends) that every [`Span`] offset points
    /// into. Readers fill it so that resolve can place markers found inside text runs,
    /// which carry no spans of their own; empty for documents built by hand.
    #[serde(skip)]
    pub input: String,
    /// Where reading widened a line of the input (a ligature read as letters), so
    /// findings placed in [`Document::input`] can be given the source's columns.
    #[serde(skip)]
    pub widenings: Vec<crate::diag::Widening>,
}

/// A series of profiles bound together.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Book {
    /// Book-level metadata (for a single profile, a copy of its own).
    pub meta: Metadata,
    /// The profiles, in reading order.
    pub documents: Vec<Document>,
}

/// Block-level content.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Block {
    /// `# Heading` (level 1–6).
    Heading {
        /// 1 to 6.
        level: u8,
        /// Explicit `{#id}` from heading attributes, if any.
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        /// The heading text.
        content: Vec<Inline>,
        /// Where it starts.
        span: Span,
    },
    /// A paragraph of running text.
    Paragraph {
        /// The text.
        content: Vec<Inline>,
        /// Where it starts.
        span: Span,
    },
    /// `> quoted` blocks.
    Quote {
        /// The quoted blocks.
        blocks: Vec<Block>,
    },
    /// A bulleted or numbered list.
    List {
        /// `Some(start)` for an ordered list.
        #[serde(skip_serializing_if = "Option::is_none")]
        start: Option<u64>,
        /// Items, each a sequence of blocks.
        items: Vec<Vec<Block>>,
    },
    /// A GFM table.
    Table {
        /// Column alignments.
        align: Vec<Align>,
        /// Header cells.
        head: Vec<Vec<Inline>>,
        /// Body rows of cells.
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// An image with a caption, or a caption line standing for an image (scraped text).
    Figure {
        /// Image path relative to the input file; `None` when only the caption survived.
        #[serde(skip_serializing_if = "Option::is_none")]
        src: Option<String>,
        /// Alternative text.
        alt: String,
        /// The caption.
        caption: Vec<Inline>,
        /// Where it starts.
        span: Span,
    },
    /// A fenced or indented code block.
    Code {
        /// Info string language, if any.
        #[serde(skip_serializing_if = "Option::is_none")]
        lang: Option<String>,
        /// The literal text.
        text: String,
    },
    /// `---` between paragraphs.
    Rule,
}

/// Column alignment in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Align {
    /// No alignment given.
    None,
    /// `:--`
    Left,
    /// `:-:`
    Center,
    /// `--:`
    Right,
}

/// Inline content.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", content = "c", rename_all = "kebab-case")]
pub enum Inline {
    /// Plain text (already with smart punctuation applied).
    Text(String),
    /// `*emphasis*`
    Emph(Vec<Inline>),
    /// `**strong**`
    Strong(Vec<Inline>),
    /// `~~struck~~`
    Strike(Vec<Inline>),
    /// `` `code` ``
    Code(String),
    /// `[text](url "title")` or a bare URL.
    Link {
        /// Target.
        url: String,
        /// Link text.
        content: Vec<Inline>,
    },
    /// An inline image `![alt](src)`.
    Image {
        /// Path or URL.
        src: String,
        /// Alternative text.
        alt: String,
        /// Where it is (for "image not found" diagnostics).
        span: Span,
    },
    /// A hard line break.
    LineBreak,
    /// An unresolved Markdown footnote reference `[^label]`; resolve replaces it.
    FootnoteRef {
        /// The label between `[^` and `]`.
        label: String,
        /// Where it is.
        span: Span,
    },
    /// A resolved citation place: index into [`Document::markers`].
    NoteRef(usize),
}

/// One citation place in the text: "(4)", "(4)(5)", "(4-6)", "\[4\]", "\[4, p. 12\]" or
/// `[^label]`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Marker {
    /// The numbers of the notes it cites, in order.
    pub notes: Vec<u32>,
    /// The marker as written.
    pub text: String,
    /// Where in the work this place points, written inside the marker (IEEE's
    /// "[3, p. 5]", "[3, Ch. 2]"); such a marker cites one note. Both editions print it
    /// after the note's number, as a superscript does in AMA style ("³⁽ᵖ· ⁵⁾").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    /// For a marker of several notes each with its place (GOST's "\[1, с. 280; 8, p.
    /// 230\]"), each note's locator, in the order of [`Marker::notes`]; empty otherwise.
    /// Both editions print each after its note's number.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub locators: Vec<Option<String>>,
    /// Where it is.
    #[serde(flatten)]
    pub span: Span,
}

impl Marker {
    /// The locator to print after the `k`-th note's number: its own, or the marker's
    /// after its last.
    pub fn locator_after(&self, k: usize) -> Option<&str> {
        if self.locators.is_empty() {
            (k + 1 == self.notes.len()).then_some(self.locator.as_deref()?)
        } else {
            self.locators.get(k)?.as_deref()
        }
    }
}

/// How a note relates to its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoteKind {
    /// A complete citation; starts (or repeats) a source.
    Full,
    /// "Ibid." / "Id.": the source of the previous note.
    Ibid,
    /// A short form ("Merat, A., Terrorists, cultists…") of an earlier full citation.
    Short,
    /// An entry with no text ("(3) -"); prints [`EMPTY_NOTE_PLACEHOLDER`].
    Empty,
    /// A marker with no works-cited entry.
    Dangling,
    /// A Markdown footnote `[^label]` with a body of its own.
    Footnote,
}

/// What a reader sees for a note whose works-cited entry is empty.
pub const EMPTY_NOTE_PLACEHOLDER: &str = "Citation missing in source.";

/// What both editions print where a figure's image cannot be shown (a scraped caption
/// whose image stayed on the web page, or a file that could not be read): a visible
/// placeholder, with the image's description when it has one of its own.
pub fn image_placeholder(alt: &str) -> String {
    match alt.trim() {
        "" => "[Image not reproduced]".to_string(),
        alt => format!("[Image not reproduced: {alt}]"),
    }
}

/// A note: what a marker points at.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Note {
    /// The note number shown to readers: the literal works-cited number, or for
    /// Markdown footnotes the order of first reference (after any literal numbers).
    pub number: u32,
    /// The Markdown footnote label, if it came from `[^label]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// How it relates to its source.
    pub kind: NoteKind,
    /// Id of the resolved [`Source`], or `None` when unresolved.
    pub source: Option<String>,
    /// The further sources of a note that cites several works ("Weller 2015, p. 201;
    /// Multhauf 1978, p. 40."), after [`Note::source`], in the note's order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    /// A locator such as "45" or "p. 12" ("Ibid., 45").
    pub locator: Option<String>,
    /// The entry text as written (empty for empty and dangling notes).
    pub text: String,
    /// The body to print: a paragraph of the entry text, or the footnote's blocks.
    /// For a note with [`Note::emphasis`], the paragraph holds that range as an
    /// [`Inline::Emph`].
    #[serde(skip)]
    pub body: Vec<Block>,
    /// Byte range in `text` of the part printed in italics: the periodical or site
    /// ("The Guardian") of an article, the title of a book or report. `None` when
    /// resolve could not tell, and for notes that are not full works-cited citations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub emphasis: Option<Range<usize>>,
    /// Where the entry or definition is (the first marker, for dangling notes).
    #[serde(flatten)]
    pub span: Span,
}

/// One work in the bibliography.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// "s1", "s2", … in order of first citation.
    pub id: String,
    /// The full citation as first written.
    pub citation: String,
    /// Author names as written ("Merat, A.").
    pub authors: Vec<String>,
    /// Year, if one was found.
    pub year: Option<String>,
    /// Title, if one was found.
    pub title: Option<String>,
    /// URL in the citation, if any.
    pub url: Option<String>,
    /// The rest of what the citation parser read: structured names, full date,
    /// container, publisher, volume, pages, DOI and kind. Serialised beside the
    /// fields above (each only when known), so scripts reading `authors`, `year`
    /// and `title` as strings keep working.
    #[serde(flatten)]
    pub details: Details,
    /// Byte range in `citation` of the part printed in italics, as [`Note::emphasis`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub emphasis: Option<Range<usize>>,
    /// The citation to print: [`Source::emphasis`] in italics, URLs as links.
    #[serde(skip)]
    pub inlines: Vec<Inline>,
    /// Sort key: first author's surname, then year, lowercased.
    pub sort_key: String,
    /// Numbers of the notes resolved to this source.
    pub notes: Vec<u32>,
}

/// A person or organisation credited with a work.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Name {
    /// Family name ("Varga", "van Gogh"), or an organisation's whole name
    /// ("World Health Organization").
    pub family: String,
    /// Given names or initials as written ("Ilona", "R. T."); `None` for organisations
    /// and for names written without them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub given: Option<String>,
    /// The name is an organisation's, not a person's.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub organisation: bool,
}

/// What sort of work a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WorkKind {
    /// An article in a journal, magazine or newspaper.
    Article,
    /// A book (monograph, edited volume).
    Book,
    /// A chapter or contribution in a book.
    Chapter,
    /// A report, working paper or other institutional publication.
    Report,
    /// A thesis or dissertation.
    Thesis,
    /// A page or post on a website.
    WebPage,
    /// An interview or personal communication.
    Interview,
    /// A law, treaty, court decision or other legal text.
    Legal,
    /// Anything else (conference talk, film, dataset…).
    Other,
}

/// Structured fields of a citation, beyond the display strings of [`Source`].
/// Every field is `None` (or empty) when the citation does not say it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Details {
    /// The authors (or, without authors, the editors) as structured names.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<Name>,
    /// The author list ends in "et al." or "and others".
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub et_al: bool,
    /// The editors, when the citation names them besides authors.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub editors: Vec<Name>,
    /// The date as far as given, in ISO 8601 form: "2012", "2018-11", "2018-11-09".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The journal, newspaper, website or (for a chapter) book the work appeared in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub container: Option<String>,
    /// The publisher ("Tisza Press").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The place of publication ("Szeged").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Volume of a journal or multi-volume work ("12").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume: Option<String>,
    /// Issue or number ("3").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issue: Option<String>,
    /// The pages the work spans in its container ("45–67").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<String>,
    /// The court that decided a case, as its citation abbreviates it ("HL", "9th
    /// Cir.").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub court: Option<String>,
    /// DOI without resolver prefix ("10.1000/xyz123").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    /// What sort of work it is, when the citation's shape says so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<WorkKind>,
}

/// A raw works-cited entry as a reader found it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The literal number written in the file.
    pub number: u32,
    /// The text after the number and separator, continuation lines joined by a space.
    pub text: String,
    /// Byte ranges of `text` its writer set in italics (Markdown emphasis), which the
    /// citation parser reads as a sign of a title; none in plain text.
    pub italics: Vec<std::ops::Range<usize>>,
    /// Where the entry starts.
    pub span: Span,
}

/// A raw Markdown footnote definition `[^label]: …`.
#[derive(Debug, Clone, PartialEq)]
pub struct FootnoteDef {
    /// The label.
    pub label: String,
    /// Its body.
    pub blocks: Vec<Block>,
    /// Where the definition starts.
    pub span: Span,
}

impl Note {
    /// The note for a number a marker cites but no works-cited entry has: kind
    /// [`NoteKind::Dangling`], printing [`EMPTY_NOTE_PLACEHOLDER`] so it never vanishes.
    pub fn dangling(number: u32, span: Span) -> Note {
        Note {
            number,
            label: None,
            kind: NoteKind::Dangling,
            source: None,
            also: Vec::new(),
            locator: None,
            text: String::new(),
            body: Note::placeholder_body(),
            emphasis: None,
            span,
        }
    }

    /// A one-paragraph body holding [`EMPTY_NOTE_PLACEHOLDER`].
    pub fn placeholder_body() -> Vec<Block> {
        vec![Block::Paragraph {
            content: vec![Inline::Text(EMPTY_NOTE_PLACEHOLDER.to_string())],
            span: Span::default(),
        }]
    }
}

/// Letters for the n-th (from 0) item of a lettered series: a … z, aa, ab, …
pub fn letters(mut n: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(char::from(b'a' + (n % 26) as u8));
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.iter().rev().collect()
}

impl Document {
    /// The note with this number.
    pub fn note(&self, number: u32) -> Option<&Note> {
        self.notes.iter().find(|n| n.number == number)
    }

    /// The mark note `number` prints with, at its markers and before its body, in
    /// both editions: its number; but a Markdown footnote in a profile whose other
    /// notes are numbered by citation ("(4)", "\[4\]") gets a letter of a series of its
    /// own (a, b, …, z, aa, …, in order of first reference), so the two series never
    /// interleave. A footnote is one by where it was written, not by what it turned out
    /// to be: in a profile of footnotes only, those that cite and those that comment
    /// are one numbered series.
    pub fn note_mark(&self, number: u32) -> String {
        let footnote = |n: &Note| n.label.is_some();
        let lettered = self.note(number).is_some_and(footnote) && !self.notes.iter().all(footnote);
        if !lettered {
            return number.to_string();
        }
        let index = self
            .notes
            .iter()
            .filter(|n| footnote(n) && n.number < number)
            .count();
        letters(index)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == crate::diag::Severity::Error)
    }
}

impl Inline {
    /// The plain text of a run of inlines (markers and images contribute nothing).
    pub fn plain(inlines: &[Inline]) -> String {
        let mut out = String::new();
        fn walk(inlines: &[Inline], out: &mut String) {
            for inline in inlines {
                match inline {
                    Inline::Text(t) | Inline::Code(t) => out.push_str(t),
                    Inline::Emph(c) | Inline::Strong(c) | Inline::Strike(c) => walk(c, out),
                    Inline::Link { content, .. } => walk(content, out),
                    Inline::LineBreak => out.push(' '),
                    Inline::Image { .. } | Inline::FootnoteRef { .. } | Inline::NoteRef(_) => {}
                }
            }
        }
        walk(inlines, &mut out);
        out
    }
}
