//! `folio convert INPUT... -o OUT.epub [-o OUT.pdf]`: one profile, or several as the chapters of
//! one book, to the editions the output extensions name.

use std::path::PathBuf;
use std::process::ExitCode;

use folio::Document;
use folio::config::{Paper, PdfStandard};
use folio::model::Book;

use super::access::AccessArgs;
use super::output::{Findings, Format};
use super::publish::{self, Settings, Target};
use super::report::{self, Record};

/// Arguments of `folio convert`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Profiles (.md or .txt); several become the chapters of one book, in this order.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output file; its extension (.epub or .pdf) chooses the edition. May be repeated.
    #[arg(short, long = "output", required = true, value_parser = Target::from_path)]
    pub output: Vec<Target>,
    /// Language (BCP 47) of the book and every profile, overriding front matter.
    #[arg(long, value_parser = language)]
    pub lang: Option<String>,
    /// Title of the book.
    #[arg(long)]
    pub title: Option<String>,
    /// Author of the book (repeat for several).
    #[arg(long)]
    pub author: Vec<String>,
    /// Embed the bundled fonts in the EPUB.
    #[arg(long)]
    pub embed_fonts: bool,
    /// A directory of EPUB templates replacing the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// EPUB cover image (JPEG, PNG, GIF, WebP or SVG); default: generated from the metadata.
    #[arg(long, value_name = "IMAGE")]
    pub cover: Option<PathBuf>,
    /// PDF paper size.
    #[arg(long, value_enum, default_value_t)]
    pub paper: PaperArg,
    /// PDF body font size in points, 4 to 36 (default: 10 on A5, 11.5 otherwise).
    #[arg(long, value_name = "PT", value_parser = font_size)]
    pub font_size: Option<f32>,
    /// PDF margins in millimetres, all four sides (default: suited to the paper).
    #[arg(long, value_name = "MM", value_parser = not_negative)]
    pub margin: Option<f32>,
    /// Leave out each profile's bibliography in the PDF.
    #[arg(long)]
    pub no_bibliography: bool,
    /// The standard the PDF claims, validated before writing.
    #[arg(long, value_enum, default_value_t)]
    pub pdf_standard: PdfStandardArg,
    /// Fail (exit 1) on warnings as well as errors; the outputs are still written.
    #[arg(long)]
    pub deny_warnings: bool,
    /// `human` diagnostics on standard error, or one JSON record on standard output.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// What may be read besides the profiles' own folders.
    #[command(flatten)]
    pub access: AccessArgs,
}

/// A well-formed BCP 47 tag, else a usage error (exit 2).
fn language(text: &str) -> Result<String, String> {
    if folio::lang::is_language_tag(text) {
        Ok(text.trim().to_string())
    } else {
        Err("expected a BCP 47 language tag such as en, fr or en-GB".to_string())
    }
}

/// A font size in the range the PDF sets (the one `book.toml` is checked against):
/// anything else is a usage error (exit 2), not an `E-PDF` against the output.
fn font_size(text: &str) -> Result<f32, String> {
    let sizes = folio::pdf::FONT_SIZES;
    match text.parse::<f32>() {
        Ok(value) if sizes.contains(&value) => Ok(value),
        _ => Err(format!(
            "expected a size from {} to {} pt",
            sizes.start(),
            sizes.end()
        )),
    }
}

/// A length that is a number of at least zero.
fn not_negative(text: &str) -> Result<f32, String> {
    match text.parse::<f32>() {
        Ok(value) if value.is_finite() && value >= 0.0 => Ok(value),
        _ => Err("expected a number of 0 or more".to_string()),
    }
}

/// `--paper`: the command-line face of [`Paper`], so that the library needs no clap.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum PaperArg {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
    /// ISO A5, 148 × 210 mm: the handout size.
    A5,
}

impl From<PaperArg> for Paper {
    fn from(arg: PaperArg) -> Paper {
        match arg {
            PaperArg::A4 => Paper::A4,
            PaperArg::Letter => Paper::Letter,
            PaperArg::A5 => Paper::A5,
        }
    }
}

/// `--pdf-standard`: the command-line face of [`PdfStandard`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum PdfStandardArg {
    /// None claimed: a plain tagged PDF.
    None,
    /// PDF/UA-1, accessible.
    #[default]
    #[value(name = "ua-1")]
    Ua1,
    /// PDF/A-2b, for archiving.
    #[value(name = "a-2b")]
    A2b,
    /// PDF/A-3b, for archiving.
    #[value(name = "a-3b")]
    A3b,
}

impl From<PdfStandardArg> for PdfStandard {
    fn from(arg: PdfStandardArg) -> PdfStandard {
        match arg {
            PdfStandardArg::None => PdfStandard::None,
            PdfStandardArg::Ua1 => PdfStandard::Ua1,
            PdfStandardArg::A2b => PdfStandard::A2b,
            PdfStandardArg::A3b => PdfStandard::A3b,
        }
    }
}

/// Runs the command: exit 0 when every output was written, 1 otherwise (and then
/// none was).
pub fn run(args: &Args) -> ExitCode {
    let start = std::time::Instant::now();
    let mut findings = Findings::default();
    let mut documents = Vec::new();
    let written = convert(args, &mut findings, &mut documents);
    let notes: Vec<String> = written
        .iter()
        .flatten()
        .map(|p| format!("wrote {}", p.display()))
        .collect();
    let path = args
        .inputs
        .first()
        .map_or_else(String::new, |p| p.display().to_string());
    let record = Record::new(
        path,
        &documents,
        &findings.diagnostics,
        written.as_deref(),
        start.elapsed(),
    );
    report::finish(&findings, &record, &notes, args.format, args.deny_warnings)
}

fn convert(
    args: &Args,
    findings: &mut Findings,
    resolved: &mut Vec<Document>,
) -> Option<Vec<PathBuf>> {
    let modified = match super::source_date_epoch() {
        Ok(modified) => modified,
        Err(err) => {
            findings.push(err);
            return None;
        }
    };
    let access = args.access.access();
    let profiles = publish::load_profiles(&args.inputs, &access, findings)?;
    let mut documents = profiles.documents;
    if let Some(lang) = &args.lang {
        for doc in &mut documents {
            doc.meta.lang = lang.clone();
            folio::resolve::tie_spaces(doc);
        }
    }
    let mut meta = publish::book_meta(&documents);
    if let Some(title) = &args.title {
        meta.title = title.clone();
    }
    if !args.author.is_empty() {
        meta.authors = args.author.clone();
    }
    if let [single] = documents.as_mut_slice() {
        single.meta.title = meta.title.clone();
        single.meta.authors = meta.authors.clone();
    }
    let settings = Settings {
        epub: publish::epub_options(
            args.embed_fonts,
            args.templates.as_deref(),
            args.cover.as_deref(),
            profiles.images.clone(),
            modified,
            &access,
            findings,
        ),
        pdf: publish::pdf_options(
            args.paper.into(),
            args.font_size,
            args.margin,
            !args.no_bibliography,
            args.pdf_standard.into(),
            publish::pdf_date(args.pdf_standard.into(), modified, &args.inputs),
            profiles.images,
        ),
    };
    let book = Book { meta, documents };
    let written = publish::publish(&book, &args.output, &settings, findings);
    *resolved = book.documents;
    written
}
