//! The print backend: a function of the resolved model that returns the bytes of a
//! typeset PDF with page-bottom footnotes.
//!
//! The stages, in the order [`pdf`] calls them:
//!
//! ```text
//! Book ──► collect ──► Flow ──► arrange (set_paragraph per block) ──► Elems
//!      ──► compose (pages, footnotes, widows/orphans) ──► Page ──► write (krilla) ──► bytes
//! ```
//!
//! Compose hands each page to the writer as soon as it is finished, and the writer
//! draws it and lets it go: memory grows with the set lines of the book (held once)
//! and the PDF krilla assembles, not with every page's glyphs kept to the end.
//!
//! Paragraph layout (fonts → shape → hyphenate → break lines) lives in its own modules
//! behind [`types`]; everything after a set [`types::Line`] is page building.

pub mod arrange;
pub mod bidi;
pub mod collect;
pub mod compose;
pub mod fonts;
pub mod hyphenate;
pub mod image;
pub mod linebreak;
mod loosen;
pub mod memo;
mod replay;
pub mod set;
pub mod shape;
pub mod types;
mod words;
pub mod write;

pub use fonts::FontSet;
pub use memo::{Memo, MemoStats};
pub use set::{Paragraph, natural_width, set_paragraph};

use std::collections::{BTreeMap, BTreeSet};

use crate::model::Book;
use replay::Engine;
use types::LayoutReport;

/// A paper size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
    /// ISO A5, 148 × 210 mm: the handout size.
    A5,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
            Paper::A5 => (419.53, 595.28),
        }
    }

    /// Margins suited to the size: with [`Paper::font_size`], a measure of about 30
    /// ems, which in the bundled serif is 66–75 characters a line, the span readers
    /// take in best (the sample sets 74 on A5, 70 on A4 and Letter; at 11 pt between
    /// 82 pt margins A4 held 92). A4 and Letter take 11.5 pt rather than 12: at 12 pt
    /// (14.5 pt lines) two test books left 23–26 pt above the note rule on a page.
    pub fn margins(self) -> Margins {
        match self {
            Paper::A4 => Margins {
                top: 80.0,
                bottom: 88.0,
                left: 125.0,
                right: 125.0,
            },
            Paper::Letter => Margins {
                top: 72.0,
                bottom: 80.0,
                left: 133.0,
                right: 133.0,
            },
            Paper::A5 => Margins {
                top: 52.0,
                bottom: 60.0,
                left: 50.0,
                right: 50.0,
            },
        }
    }

    /// The body font size that suits the size.
    pub fn font_size(self) -> f32 {
        match self {
            Paper::A5 => 10.0,
            Paper::A4 | Paper::Letter => 11.5,
        }
    }
}

/// Page margins in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margins {
    /// Above the text block (the running head sits inside it).
    pub top: f32,
    /// Below the text block (the page number sits inside it).
    pub bottom: f32,
    /// Left of the text block.
    pub left: f32,
    /// Right of the text block.
    pub right: f32,
}

/// How the PDF is set.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfOptions {
    /// Paper size.
    pub paper: Paper,
    /// Body font size in points; `None` takes the paper's default (10 for A5, 11.5 otherwise).
    pub font_size: Option<f32>,
    /// Margins; `None` takes the paper's default.
    pub margins: Option<Margins>,
    /// Whether each profile ends with its bibliography.
    pub bibliography: bool,
    /// Creation and modification date as seconds since the Unix epoch (`SOURCE_DATE_EPOCH`);
    /// `None` writes no date, so output never depends on the clock.
    pub modified: Option<i64>,
    /// Image files by the path written in the model (`Block::Figure::src`,
    /// `Inline::Image::src`) → their bytes (PNG, JPEG, GIF or WebP); the CLI loader
    /// fills it. An image not here, or not readable, prints only its caption or alt text.
    pub images: BTreeMap<String, Vec<u8>>,
    /// The standard the PDF claims and krilla validates before writing.
    pub standard: PdfStandard,
}

/// A PDF standard to conform to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PdfStandard {
    /// None claimed (plain tagged PDF 1.7).
    None,
    /// PDF/UA-1, accessible: tagged, titled, every image described.
    #[default]
    Ua1,
    /// PDF/A-2b, for archiving.
    A2b,
    /// PDF/A-3b, for archiving.
    A3b,
}

impl Default for PdfOptions {
    fn default() -> Self {
        PdfOptions {
            paper: Paper::A4,
            font_size: None,
            margins: None,
            bibliography: true,
            modified: None,
            images: BTreeMap::new(),
            standard: PdfStandard::default(),
        }
    }
}

/// The finished PDF and what layout found.
#[derive(Debug, Clone)]
pub struct PdfOutput {
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// Overfull lines, notes off their marker's page, pages, lines, missing glyphs.
    pub report: LayoutReport,
}

/// Why no PDF could be written.
#[derive(Debug, Clone, PartialEq)]
pub enum PdfError {
    /// The book has no profile to set.
    Empty,
    /// The options make no sense (a font size or margin that leaves no room).
    Options(String),
    /// krilla refused to write the document.
    Write(String),
    /// The document breaks a rule of the standard asked for: which rules, as krilla's
    /// validator names them.
    Standard(String),
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PdfError::Empty => write!(f, "the book has no profile to set"),
            PdfError::Options(why) => write!(f, "invalid pdf options: {why}"),
            PdfError::Write(why) => write!(f, "cannot write the pdf: {why}"),
            PdfError::Standard(why) => write!(f, "the pdf breaks its standard: {why}"),
        }
    }
}

impl std::error::Error for PdfError {}

/// Page geometry and type sizes derived from the options; every stage reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    /// Page width.
    pub page_w: f32,
    /// Page height.
    pub page_h: f32,
    /// Margins.
    pub margins: Margins,
    /// Body size.
    pub size: f32,
}

/// Body font sizes the page builder can set, in points (`book.toml` is checked
/// against it too).
pub const FONT_SIZES: std::ops::RangeInclusive<f32> = 4.0..=36.0;

impl Geometry {
    fn new(opts: &PdfOptions) -> Result<Geometry, PdfError> {
        let (page_w, page_h) = opts.paper.size();
        let margins = opts.margins.unwrap_or_else(|| opts.paper.margins());
        let size = opts.font_size.unwrap_or_else(|| opts.paper.font_size());
        if !FONT_SIZES.contains(&size) {
            return Err(PdfError::Options(format!(
                "font size {size} is outside 4–36 pt"
            )));
        }
        let g = Geometry {
            page_w,
            page_h,
            margins,
            size,
        };
        let sane = [margins.top, margins.bottom, margins.left, margins.right]
            .iter()
            .all(|m| m.is_finite() && *m >= 0.0);
        if !sane || g.width() < size * 15.0 || g.height() < size * 20.0 {
            return Err(PdfError::Options(
                "the margins leave too little room for text".into(),
            ));
        }
        Ok(g)
    }

    /// The measure: width of the text block.
    pub fn width(&self) -> f32 {
        self.page_w - self.margins.left - self.margins.right
    }

    /// Height of the text block (body and footnotes together).
    pub fn height(&self) -> f32 {
        self.page_h - self.margins.top - self.margins.bottom
    }

    /// Size of footnote text.
    pub fn note_size(&self) -> f32 {
        (self.size * 0.82 * 2.0).round() / 2.0
    }
}

/// The pages of a book as the writer receives them, for page-quality measurements.
#[derive(Debug, Clone)]
pub struct Laid {
    /// The finished pages.
    pub pages: Vec<types::Page>,
    /// The geometry they were built for.
    pub geometry: Geometry,
    /// What layout found.
    pub report: LayoutReport,
}

/// Lays a book out into pages without writing a PDF.
pub fn layout(book: &Book, opts: &PdfOptions) -> Result<Laid, PdfError> {
    let fonts = FontSet::shared();
    let geometry = Geometry::new(opts)?;
    let engine = Engine::new(fonts, None, replay::HOLD_TEXT);
    let set = engine.set();
    let last = lay_out(book, opts, &geometry, &engine, &set)?;
    let mut pages = Vec::new();
    compose::compose_into(&last.arranged, &geometry, &mut |mut page| {
        engine.fill(&mut page, pages.len());
        pages.push(page);
    });
    Ok(Laid {
        pages,
        geometry,
        report: last.report,
    })
}

/// What the pages of a layout add up to, gathered one page at a time.
#[derive(Debug, Default)]
struct Tally {
    /// Pages built.
    pages: usize,
    /// What a second pass needs: the first page of each profile, the page printing
    /// each note in full.
    found: collect::Found,
    /// Whether a page refers back to a note printed on an earlier page.
    backs: bool,
    /// Notes printed away from their markers.
    notes_off_page: usize,
    /// What the writer needs before it sees the pages.
    places: write::Places,
    /// What the search for paragraphs to re-break reads of each page.
    seen: Vec<loosen::Seen>,
}

impl Tally {
    fn new(docs: usize) -> Tally {
        Tally {
            found: collect::Found {
                toc: vec![0; docs],
                ..collect::Found::default()
            },
            ..Tally::default()
        }
    }

    /// Adds a page; `paras` maps a paragraph's first element to its flow index.
    fn add(&mut self, page: &types::Page, paras: &BTreeMap<usize, usize>) {
        self.seen.push(loosen::Seen::new(page, paras));
        let one = std::slice::from_ref(page);
        let docs = self.found.toc.len();
        for (first, here) in self
            .found
            .toc
            .iter_mut()
            .zip(compose::doc_start_pages(one, docs))
        {
            if *first == 0 {
                *first = here;
            }
        }
        for (key, number) in compose::note_pages(one) {
            self.found.notes.entry(key).or_insert(number);
        }
        self.backs |= page.notes.iter().any(|m| m.back);
        let mut report = LayoutReport::default();
        compose::fill_report(one, &mut report);
        self.notes_off_page += report.notes_off_page;
        self.places.add(self.pages, page);
        self.pages += 1;
    }
}

/// The last layout of a book: its set vertical list, where its pages put things,
/// and what layout found.
struct Last {
    arranged: types::Arranged,
    places: write::Places,
    report: LayoutReport,
}

/// Collects, arranges and composes the book (twice for an anthology, whose contents
/// need page numbers, and for a book whose notes refer back to pages: once with
/// placeholders, then with the numbers the first pass found; placeholders as wide as
/// the numbers keep the lines, so the numbers stay right).
///
/// Those passes run on lines without glyphs and keep no page: they only learn where
/// things fall. The last arrange then takes the set lines themselves, so a book's
/// glyphs are held once, by the returned vertical list, and its pages are built as
/// the writer takes them ([`compose::compose_into`]).
fn lay_out(
    book: &Book,
    opts: &PdfOptions,
    geometry: &Geometry,
    engine: &Engine,
    set: &types::SetFn,
) -> Result<Last, PdfError> {
    if book.documents.is_empty() {
        return Err(PdfError::Empty);
    }
    let docs = book.documents.len();
    let mut collected = collect::collect(book, opts, geometry, &collect::Found::default());
    engine.prefetch(&collected, geometry);
    let run = |collected: &types::Collected, early: &BTreeSet<loosen::PageOf>| {
        engine.start_run(false);
        let mut arranged = arrange::arrange(collected, geometry, set);
        arranged.early.clone_from(early);
        let mut tally = Tally::new(docs);
        compose::compose_into(&arranged, geometry, &mut |page| {
            tally.add(&page, &arranged.paras);
        });
        tally
    };
    let mut plan = loosen::Plan::default();
    let mut tally = Tally::new(docs);
    for pass in 0..2 {
        loosen::apply(&mut collected, &plan.loose);
        tally = run(&collected, &plan.early);
        if pass == 0 && tally.seen.iter().any(loosen::Seen::single) {
            let mut last = None;
            let seen = std::mem::take(&mut tally.seen);
            let clean;
            let meets = |pieces: &[types::Piece], spec: &types::ParaSpec| {
                set::meets_looseness(engine.fonts(), pieces, spec)
            };
            let mut again = |c: &types::Collected, early: &BTreeSet<loosen::PageOf>| {
                let mut t = run(c, early);
                let seen = std::mem::take(&mut t.seen);
                last = Some(t);
                seen
            };
            (plan, clean) = loosen::loosen(&mut collected, seen, &mut again, &meets);
            tally = match last {
                Some(t) if clean => t,
                _ if plan == loosen::Plan::default() => tally,
                _ => run(&collected, &plan.early),
            };
        }
        if pass == 1 || !(docs > 1 || tally.backs) {
            break;
        }
        collected = collect::collect(book, opts, geometry, &tally.found);
    }
    engine.start_run(true);
    let mut arranged = arrange::arrange(&collected, geometry, set);
    arranged.early = plan.early;
    engine.end_layout();
    let mut report = arranged.report.clone();
    report.pages = tally.pages;
    report.notes_off_page = tally.notes_off_page;
    Ok(Last {
        arranged,
        places: tally.places,
        report,
    })
}

/// Typesets a resolved book (one profile, or an anthology of several) as a PDF.
pub fn pdf(book: &Book, opts: &PdfOptions) -> Result<PdfOutput, PdfError> {
    pdf_with(book, opts, None)
}

/// [`pdf`], taking the paragraphs an earlier build set from `memo` when their input is
/// unchanged and keeping the new ones there; the bytes are the same as without it.
/// Without a memo, krilla's memoized work is cleared afterwards, so a process making
/// many PDFs (a batch) keeps flat memory; with one, [`Memo::sweep`] ages it.
pub fn pdf_with(
    book: &Book,
    opts: &PdfOptions,
    memo: Option<&Memo>,
) -> Result<PdfOutput, PdfError> {
    let out = typeset(book, opts, memo);
    if memo.is_none() {
        comemo::evict(0);
    }
    out
}

fn typeset(book: &Book, opts: &PdfOptions, memo: Option<&Memo>) -> Result<PdfOutput, PdfError> {
    if book.documents.is_empty() {
        return Err(PdfError::Empty);
    }
    let geometry = Geometry::new(opts)?;
    let fonts = FontSet::shared();
    // A book that cannot meet the standard (a character no font has) is still
    // written, claiming none, and the report says why. krilla only says so once
    // every page is written, when the layout is gone: it is laid out again.
    match write_book(book, opts, &geometry, (fonts, memo)) {
        Err(PdfError::Standard(why)) => {
            let none = PdfOptions {
                standard: PdfStandard::None,
                ..opts.clone()
            };
            let (bytes, mut report) = write_book(book, &none, &geometry, (fonts, memo))?;
            report.unmet_standard = Some(why);
            Ok(PdfOutput { bytes, report })
        }
        other => other.map(|(bytes, report)| PdfOutput { bytes, report }),
    }
}

/// Lays the book out and writes each page as soon as it is built; the layout is
/// dropped before krilla assembles the file.
fn write_book(
    book: &Book,
    opts: &PdfOptions,
    geometry: &Geometry,
    (fonts, memo): (&FontSet, Option<&Memo>),
) -> Result<(Vec<u8>, LayoutReport), PdfError> {
    let engine = Engine::new(fonts, memo, replay::HOLD_TEXT);
    let set = engine.set();
    let last = lay_out(book, opts, geometry, &engine, &set)?;
    let data = |face| fonts.data(face);
    let cx = write::Context {
        book,
        g: geometry,
        opts,
        data: &data,
        set: &set,
    };
    let mut writer = write::Writer::new(cx, last.places)?;
    let mut failed = None;
    let mut p = 0;
    compose::compose_into(&last.arranged, geometry, &mut |mut page| {
        if failed.is_none() {
            engine.fill(&mut page, p);
            failed = writer.page(&page).err();
        }
        p += 1;
    });
    if let Some(e) = failed {
        return Err(e);
    }
    drop(last.arranged);
    engine.release();
    Ok((writer.finish()?, last.report))
}
