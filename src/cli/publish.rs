//! What `convert` and `build` share: binding profiles into a book, reading the assets
//! the backends need, rendering every requested edition and writing them atomically.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use folio::config::{Paper, PdfStandard};
use folio::diag::Diagnostic;
use folio::epub::{EpubOptions, Image};
use folio::model::{Book, Metadata, Span};
use folio::pdf::{Margins, Memo, PdfOptions, PdfOutput};
use folio::{Document, load};

use super::output::{Findings, same_file, write_all};

/// An edition to write; the output file's extension chooses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// An EPUB 3 file.
    Epub(PathBuf),
    /// A typeset PDF.
    Pdf(PathBuf),
}

impl Target {
    /// The target for `path`, by extension (`.epub` or `.pdf`).
    pub fn from_path(path: &str) -> Result<Target, String> {
        let path = PathBuf::from(path);
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
        {
            Some(ext) if ext == "epub" => Ok(Target::Epub(path)),
            Some(ext) if ext == "pdf" => Ok(Target::Pdf(path)),
            _ => Err("the output's extension chooses the edition: use .epub or .pdf".to_string()),
        }
    }

    /// The file it goes to.
    pub fn path(&self) -> &Path {
        match self {
            Target::Epub(path) | Target::Pdf(path) => path,
        }
    }
}

/// The profiles of a book, loaded and resolved, with the images they refer to.
pub struct Profiles {
    /// The resolved documents, in reading order.
    pub documents: Vec<Document>,
    /// Image bytes by path as written, from every profile.
    pub images: BTreeMap<String, Vec<u8>>,
}

/// Loads every profile, reporting on all of them before giving up; images are read
/// relative to each profile's file, as `access` allows. `None` when a profile could not
/// be read at all.
pub fn load_profiles(
    paths: &[PathBuf],
    access: &load::Access,
    findings: &mut Findings,
) -> Option<Profiles> {
    let mut documents = Vec::new();
    let mut images = BTreeMap::new();
    let mut all_read = true;
    for path in paths {
        let Some(mut doc) = super::load_profile(path, findings) else {
            all_read = false;
            continue;
        };
        let (found, missing) = load::assets(&doc, path, access);
        findings.extend(missing);
        load::merge_images(&mut images, &mut doc, found);
        settle_lang(&mut doc);
        documents.push(doc);
    }
    unique_slugs(&mut documents);
    all_read.then_some(Profiles { documents, images })
}

/// Replaces a profile's language by the tag every edition uses for it. A bad tag was
/// reported by the loader; all editions then use the same fallback.
pub fn settle_lang(doc: &mut Document) {
    if !doc.meta.lang.trim().is_empty() {
        doc.meta.lang = folio::lang::language_tag(&doc.meta.lang);
    }
}

/// Slugs name files and ids inside the book, so two `notes.md` in different
/// directories must not collide.
pub fn unique_slugs(documents: &mut [Document]) {
    let mut seen = std::collections::BTreeSet::new();
    for doc in documents {
        let base = doc.slug.clone();
        let mut n = 1;
        while !seen.insert(doc.slug.clone()) {
            n += 1;
            doc.slug = format!("{base}-{n}");
        }
    }
}

/// Book metadata: the first profile's, or a fresh set for an anthology, to which the
/// caller applies its own settings.
pub fn book_meta(documents: &[Document]) -> Metadata {
    match documents {
        [single] => single.meta.clone(),
        [first, ..] => Metadata {
            title: first
                .meta
                .series
                .clone()
                .unwrap_or_else(|| first.meta.title.clone()),
            authors: first.meta.authors.clone(),
            lang: first.meta.lang.clone(),
            series: first.meta.series.clone(),
            ..Metadata::default()
        },
        [] => Metadata::default(),
    }
}

/// The backends' options, filled from the command line or `book.toml`.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// For the EPUB edition.
    pub epub: EpubOptions,
    /// For the PDF edition.
    pub pdf: PdfOptions,
}

/// EPUB options from the CLI's or `book.toml`'s settings; templates and cover are read
/// here, and a failure to read them is an error.
pub fn epub_options(
    embed_fonts: bool,
    templates: Option<&Path>,
    cover: Option<&Path>,
    images: BTreeMap<String, Vec<u8>>,
    modified: Option<i64>,
    access: &load::Access,
    findings: &mut Findings,
) -> EpubOptions {
    let mut opts = EpubOptions {
        embed_fonts,
        images,
        modified,
        ..EpubOptions::default()
    };
    if let Some(dir) = templates {
        match load::read_templates(dir, access) {
            Ok((files, unknown)) => {
                findings.extend(unknown);
                for (name, text) in files {
                    opts.templates.set(&name, text);
                }
            }
            Err(err) => findings.push(*err),
        }
    }
    if let Some(path) = cover {
        match load::read_cover(path, access) {
            Ok(cover) => {
                findings.extend(cover.warning);
                opts.cover = Some(Image {
                    name: cover.name,
                    bytes: cover.bytes,
                });
            }
            Err(err) => findings.push(*err),
        }
    }
    opts
}

/// PDF options from the CLI's or `book.toml`'s settings; `margin_mm` applies to all
/// four sides.
pub fn pdf_options(
    paper: Paper,
    font_size: Option<f32>,
    margin_mm: Option<f32>,
    bibliography: bool,
    standard: PdfStandard,
    modified: Option<i64>,
    images: BTreeMap<String, Vec<u8>>,
) -> PdfOptions {
    let points = |mm: f32| mm * 72.0 / 25.4;
    PdfOptions {
        paper: match paper {
            Paper::A4 => folio::pdf::Paper::A4,
            Paper::Letter => folio::pdf::Paper::Letter,
            Paper::A5 => folio::pdf::Paper::A5,
        },
        font_size,
        margins: margin_mm.map(|mm| Margins {
            top: points(mm),
            bottom: points(mm),
            left: points(mm),
            right: points(mm),
        }),
        bibliography,
        modified,
        images,
        standard: match standard {
            PdfStandard::None => folio::pdf::PdfStandard::None,
            PdfStandard::Ua1 => folio::pdf::PdfStandard::Ua1,
            PdfStandard::A2b => folio::pdf::PdfStandard::A2b,
            PdfStandard::A3b => folio::pdf::PdfStandard::A3b,
        },
    }
}

/// The date a PDF is written with: `SOURCE_DATE_EPOCH` when set; otherwise none,
/// except that PDF/A requires a date, and then the newest modification time of the
/// inputs gives one that changes only when they do (never the clock, which would
/// make every build differ).
pub fn pdf_date(standard: PdfStandard, modified: Option<i64>, inputs: &[PathBuf]) -> Option<i64> {
    if modified.is_some() || matches!(standard, PdfStandard::None | PdfStandard::Ua1) {
        return modified;
    }
    inputs
        .iter()
        .filter_map(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok())
        .filter_map(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_secs() as i64)
        .max()
}

/// What to do about a character no bundled font has: for a CJK one, which characters
/// the bundled CJK face covers.
fn missing_glyph_hint(c: char) -> &'static str {
    let cjk = folio::lang::is_solid(c)
        || folio::lang::is_hangul(c)
        || matches!(c as u32, 0x2E80..=0x2FDF | 0x3100..=0x312F | 0x31A0..=0x31EF | 0x3200..=0x33FF);
    if cjk {
        "the PDF's CJK font covers the characters of GB 2312, JIS X 0208, Big5 level 1 and \
         KS X 1001; write a common variant of a rarer one, or use the EPUB, which leaves \
         it to the reading system's fonts"
    } else {
        "the EPUB leaves the character to the reading system's fonts"
    }
}

/// What the PDF layout reports, as findings: a character no bundled font has (with its
/// place), and lines or notes the page builder could not place properly.
fn layout_findings(pdf_name: &str, output: &PdfOutput, sources: &Findings) -> Vec<Diagnostic> {
    let report = &output.report;
    let mut found = Vec::new();
    for (c, place) in &report.missing_glyphs {
        let (file, line) = match place.rsplit_once(':') {
            Some((file, line)) => (file, line.parse().unwrap_or(0)),
            None => (place.as_str(), 0),
        };
        let span = Span {
            line,
            column: sources.column_of(file, line, *c).unwrap_or(1),
            ..Span::default()
        };
        found.push(
            Diagnostic::warning(
                "W-MISSING-GLYPH",
                file,
                span,
                format!(
                    "no bundled font has `{c}` (U+{:04X}); the PDF shows a blank",
                    *c as u32
                ),
            )
            .with_hint(missing_glyph_hint(*c)),
        );
    }
    if let Some(why) = &report.unmet_standard {
        found.push(
            Diagnostic::warning(
                "W-PDF-STANDARD",
                pdf_name,
                Span::default(),
                format!("the pdf does not meet its standard ({why}); written claiming none"),
            )
            .with_hint("fix the cause, or choose the standard none"),
        );
    }
    if report.overfull_lines > 0 {
        found.push(Diagnostic::warning(
            "W-OVERFULL",
            pdf_name,
            Span::default(),
            format!(
                "{} line(s) are wider than the measure",
                report.overfull_lines
            ),
        ));
    }
    if report.notes_off_page > 0 {
        found.push(Diagnostic::warning(
            "W-NOTE-OFF-PAGE",
            pdf_name,
            Span::default(),
            format!(
                "{} note(s) are not on their marker's page",
                report.notes_off_page
            ),
        ));
    }
    found
}

/// Renders one edition: its bytes, or the error that stopped it, and the layout's
/// findings (`sources` gives their columns). Touches no file, so editions can be
/// rendered side by side. A PDF takes the paragraphs `memo` kept from earlier builds.
pub fn render(
    book: &Book,
    target: &Target,
    settings: &Settings,
    memo: Option<&Memo>,
    sources: &Findings,
) -> (Result<Vec<u8>, Diagnostic>, Vec<Diagnostic>) {
    let name = target.path().display().to_string();
    let fail = |code, err: String| Diagnostic::error(code, &name, Span::default(), err);
    match target {
        Target::Epub(_) => (
            folio::epub::epub(book, &settings.epub).map_err(|err| fail("E-EPUB", err.to_string())),
            Vec::new(),
        ),
        Target::Pdf(_) => match folio::pdf::pdf_with(book, &settings.pdf, memo) {
            Ok(output) => {
                let found = layout_findings(&name, &output, sources);
                (Ok(output.bytes), found)
            }
            Err(err) => (Err(fail("E-PDF", err.to_string())), Vec::new()),
        },
    }
}

/// Renders every target, then writes them all or none (see [`write_files`]). Returns
/// the files written, or `None` when something failed.
pub fn publish(
    book: &Book,
    targets: &[Target],
    settings: &Settings,
    findings: &mut Findings,
) -> Option<Vec<PathBuf>> {
    for target in targets {
        let input = book
            .documents
            .iter()
            .map(|doc| Path::new(&doc.meta.source_file))
            .find(|input| same_file(input, target.path()));
        if let Some(input) = input {
            let name = target.path().display().to_string();
            findings.push(
                Diagnostic::error(
                    "E-OUTPUT-IS-INPUT",
                    &name,
                    Span::default(),
                    format!(
                        "{name} is the input {}; it would be overwritten",
                        input.display()
                    ),
                )
                .with_hint("write the edition under another name"),
            );
        }
    }
    if findings.has_errors() {
        return None;
    }
    let mut rendered = Vec::new();
    for target in targets {
        let (bytes, found) = render(book, target, settings, None, findings);
        findings.extend(found);
        match bytes {
            Ok(bytes) => rendered.push((target.path(), bytes)),
            Err(err) => findings.push(err),
        }
    }
    if findings.has_errors() {
        return None;
    }
    write_files(rendered.iter().map(|(p, b)| (*p, b.as_slice())), findings)
}

/// Writes the files all or none (see [`write_all`]), reporting a failure as findings.
pub fn write_files<'a>(
    files: impl IntoIterator<Item = (&'a Path, &'a [u8])>,
    findings: &mut Findings,
) -> Option<Vec<PathBuf>> {
    let files: Vec<(&Path, &[u8])> = files.into_iter().collect();
    match write_all(&files) {
        Ok(written) => Some(written),
        Err(errors) => {
            findings.extend(errors);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_slugs_get_numbers() {
        let mut docs = vec![
            Document::default(),
            Document::default(),
            Document::default(),
        ];
        for d in &mut docs {
            d.slug = "notes".to_string();
        }
        unique_slugs(&mut docs);
        let slugs: Vec<_> = docs.iter().map(|d| d.slug.as_str()).collect();
        assert_eq!(slugs, ["notes", "notes-2", "notes-3"]);
    }

    #[test]
    fn the_extension_chooses_the_edition() {
        assert!(matches!(Target::from_path("a.PDF"), Ok(Target::Pdf(_))));
        assert!(matches!(Target::from_path("a.EPUB"), Ok(Target::Epub(_))));
        assert!(Target::from_path("a.docx").is_err());
        assert!(Target::from_path("a").is_err());
    }
}
