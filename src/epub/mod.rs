//! The e-reader backend: a resolved [`Book`] in, the bytes of an EPUB 3.3 file out.
//!
//! ```text
//! Book ──► prepare (names, ids, dates, images) ──► render (XHTML per profile, with
//!          link_notes: noterefs ⇄ endnotes ⇄ bibliography) ──► package (OPF, nav, NCX,
//!          cover, title page, CSS) ──► write_zip (mimetype first and stored, fixed times)
//! ```
//!
//! # Why our own packager and not epub-builder
//!
//! epub-builder 0.8 was the named choice and was tried against EPUBCheck 5.3; the
//! packager here is a few hundred lines over the `zip` crate with the OPF, nav, NCX,
//! page skeleton and CSS as templates in `templates/epub/`, because epub-builder:
//!
//! - gives `dc:language` and `dc:creator` the same id (`epub-creator-0`), an EPUBCheck
//!   error, unless its whole metadata renderer is replaced;
//! - writes an empty landmarks `<nav>` (another EPUBCheck error) unless told otherwise,
//!   and offers no endnotes or bibliography landmarks pointing into a chapter;
//! - stamps zip entries with the current time, so two builds are never byte-identical
//!   without re-implementing its `Zip` trait anyway;
//! - has no way to write `belongs-to-collection`/`group-position`, title refinements or
//!   the `schema:` accessibility metadata, and labels EPUB 3.3 output `version="3.0"`
//!   while always adding an EPUB 2 `<guide>`;
//! - would leave the XHTML itself — noterefs, endnotes, back-links, bibliography, the
//!   part that matters — to us regardless.
//!
//! Working around all of that would leave epub-builder doing little more than listing
//! manifest items, so the templates make the output visible and replaceable
//! (`--templates DIR`) instead.

pub(crate) mod escape;
mod link_notes;
mod package;
mod prepare;
mod rasterize;
mod render;
mod write_zip;

use std::collections::BTreeMap;
use std::fmt;

use crate::model::Book;

/// How to build an EPUB. The library does no I/O: the CLI reads files and passes bytes.
#[derive(Debug, Clone, Default)]
pub struct EpubOptions {
    /// The XHTML skeleton, OPF, nav, NCX, title page, cover and CSS templates.
    pub templates: Templates,
    /// Embed the bundled fonts (and their licence) with `@font-face` rules.
    pub embed_fonts: bool,
    /// A cover image; without one an SVG cover is generated from the metadata.
    pub cover: Option<Image>,
    /// Image bytes by path as written in the model; an image missing here prints its alt text.
    pub images: BTreeMap<String, Vec<u8>>,
    /// `dcterms:modified` in unix seconds (from `SOURCE_DATE_EPOCH`); else the source date, else 1980-01-01.
    pub modified: Option<i64>,
    /// The package identifier; else `urn:uuid:` + a UUID v5 of title and authors.
    pub identifier: Option<String>,
}

/// An image given as bytes, such as the cover.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// File name (its extension is a fallback when the bytes do not reveal the type).
    pub name: String,
    /// The file's contents.
    pub bytes: Vec<u8>,
}

/// The text templates the EPUB is made from. `{{name}}` placeholders are filled with
/// escaped values; an unknown placeholder is an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Templates {
    /// Skeleton of every XHTML document: `{{lang}}`, `{{dir}}`, `{{title}}`, `{{css}}`, `{{body_type}}`, `{{body}}`.
    pub page: String,
    /// Body of the title page: `{{title}}`, `{{subtitle}}`, `{{authors}}`, `{{series}}`, `{{description}}`.
    pub title_page: String,
    /// The navigation document: `{{lang}}`, `{{contents}}`, `{{toc}}`, `{{landmarks_label}}`, `{{landmarks}}`, `{{css}}`.
    pub nav: String,
    /// The package document (OPF): `{{lang}}`, `{{identifier}}`, `{{title}}`, `{{metadata}}`, `{{modified}}`, `{{manifest}}`, `{{spine}}`.
    pub package: String,
    /// The EPUB 2 NCX: `{{lang}}`, `{{identifier}}`, `{{depth}}`, `{{title}}`, `{{nav_points}}`.
    pub ncx: String,
    /// The stylesheet: `{{font_faces}}` receives the `@font-face` rules when fonts are embedded.
    pub css: String,
    /// The generated cover: `{{label}}` (its accessible name) and `{{text}}` (the lines).
    pub cover_svg: String,
}

impl Templates {
    /// File names in a templates directory, in the order of the fields.
    pub const FILE_NAMES: [&'static str; 7] = [
        "page.xhtml",
        "titlepage.xhtml",
        "nav.xhtml",
        "package.opf",
        "toc.ncx",
        "style.css",
        "cover.svg",
    ];

    /// Replaces the template stored under `file_name` (one of [`Self::FILE_NAMES`]);
    /// returns `false` for any other name.
    pub fn set(&mut self, file_name: &str, text: String) -> bool {
        let slot = match file_name {
            "page.xhtml" => &mut self.page,
            "titlepage.xhtml" => &mut self.title_page,
            "nav.xhtml" => &mut self.nav,
            "package.opf" => &mut self.package,
            "toc.ncx" => &mut self.ncx,
            "style.css" => &mut self.css,
            "cover.svg" => &mut self.cover_svg,
            _ => return false,
        };
        *slot = text;
        true
    }
}

impl Default for Templates {
    /// The templates in `templates/epub/`, compiled in.
    fn default() -> Self {
        Templates {
            page: include_str!("../../templates/epub/page.xhtml").to_string(),
            title_page: include_str!("../../templates/epub/titlepage.xhtml").to_string(),
            nav: include_str!("../../templates/epub/nav.xhtml").to_string(),
            package: include_str!("../../templates/epub/package.opf").to_string(),
            ncx: include_str!("../../templates/epub/toc.ncx").to_string(),
            css: include_str!("../../templates/epub/style.css").to_string(),
            cover_svg: include_str!("../../templates/epub/cover.svg").to_string(),
        }
    }
}

/// Why no EPUB could be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EpubError {
    /// A template has a placeholder this backend does not know, or an unclosed one.
    Template {
        /// The template's file name.
        file: &'static str,
        /// What is wrong with it.
        message: String,
    },
    /// The cover image is not a type EPUB reading systems must support.
    CoverType {
        /// The cover's file name.
        name: String,
    },
    /// An SVG cover the user gave cannot be drawn as the PNG `cover-image`.
    CoverSvg {
        /// The cover's file name.
        name: String,
        /// Why it cannot be drawn.
        message: String,
    },
    /// The zip writer failed.
    Zip(String),
}

impl fmt::Display for EpubError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EpubError::Template { file, message } => write!(f, "template {file}: {message}"),
            EpubError::CoverType { name } => {
                write!(f, "cover {name} is not a JPEG, PNG, GIF, WebP or SVG image")
            }
            EpubError::CoverSvg { name, message } => {
                write!(f, "cover {name} cannot be drawn as a PNG: {message}")
            }
            EpubError::Zip(message) => write!(f, "cannot write the EPUB archive: {message}"),
        }
    }
}

impl std::error::Error for EpubError {}

/// Builds the EPUB for a resolved book.
pub fn epub(book: &Book, opts: &EpubOptions) -> Result<Vec<u8>, EpubError> {
    let plan = prepare::prepare(book, opts)?;
    let chapters = book
        .documents
        .iter()
        .zip(&plan.docs)
        .map(|(doc, doc_plan)| render::render(doc, doc_plan, &plan, &opts.templates))
        .collect::<Result<Vec<_>, _>>()?;
    let files = package::package(book, &plan, &chapters, opts)?;
    write_zip::write_zip(&files, plan.modified)
}
