//! `folio build [DIR]`: the series described by `DIR/book.toml` into `out/<slug>.epub`
//! and `out/<slug>.pdf`.

use std::path::PathBuf;
use std::process::ExitCode;

use folio::load;
use folio::model::Book;

use super::access::AccessArgs;
use super::output::Findings;
use super::publish::{self, Settings, Target};

/// Arguments of `folio build`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The book directory holding book.toml.
    #[arg(default_value = "book")]
    pub dir: PathBuf,
    /// Where the editions go.
    #[arg(long, value_name = "DIR", default_value = "out")]
    pub out: PathBuf,
    /// What may be read besides the book's own folder.
    #[command(flatten)]
    pub access: AccessArgs,
}

/// Runs the command: exit 0 when every edition was written, 1 otherwise (and then
/// none was).
pub fn run(args: &Args) -> ExitCode {
    let mut findings = Findings::default();
    let written = build(args, &mut findings);
    super::finish(&findings, written)
}

fn build(args: &Args, findings: &mut Findings) -> Option<Vec<PathBuf>> {
    let modified = match super::source_date_epoch() {
        Ok(modified) => modified,
        Err(err) => {
            findings.push(err);
            return None;
        }
    };
    let book_dir = match load::read_book(&args.dir) {
        Ok(book_dir) => book_dir,
        Err(err) => {
            findings.add_source(&err.file, &std::fs::read(&err.file).unwrap_or_default());
            findings.push(*err);
            return None;
        }
    };
    let access = book_dir.access(&args.access.access(), args.access.max_image_pixels);
    let paths = match book_dir.profiles(&access) {
        Ok(paths) => paths,
        Err(err) => {
            findings.push(*err);
            return None;
        }
    };
    let profiles = publish::load_profiles(&paths, &access, findings)?;
    let documents = profiles.documents;
    let config = &book_dir.config;
    let mut meta = publish::book_meta(&documents);
    if let Some(title) = &config.title {
        meta.title = title.clone();
    }
    meta.subtitle = config.subtitle.clone().or(meta.subtitle);
    let authors = config.all_authors();
    if !authors.is_empty() {
        meta.authors = authors;
    }
    if let Some(lang) = &config.lang {
        meta.lang = lang.clone();
    }
    meta.description = config.description.clone().or(meta.description);
    if !config.keywords.is_empty() {
        meta.keywords = config.keywords.clone();
    }
    meta.series = config.series.clone().or(meta.series);
    meta.source_file = book_dir.dir.join("book.toml").display().to_string();

    let pdf = &config.pdf;
    let mut inside = |relative: Option<&str>, what: &str| {
        let relative = relative?;
        match book_dir.inside(relative, &access, what) {
            Ok(path) => Some(path),
            Err(err) => {
                findings.push(*err);
                None
            }
        }
    };
    let templates = inside(config.epub.templates.as_deref(), "the templates folder");
    let cover = inside(config.cover.as_deref(), "the cover");
    let mut epub = publish::epub_options(
        config.epub.embed_fonts,
        templates.as_deref(),
        cover.as_deref(),
        profiles.images.clone(),
        modified,
        &access,
        findings,
    );
    epub.identifier = config.identifier.clone();
    let settings = Settings {
        epub,
        pdf: publish::pdf_options(
            pdf.paper,
            pdf.font_size,
            pdf.margins,
            pdf.bibliography,
            modified,
            profiles.images,
        ),
    };
    let slug = folio::slug::slug(&meta.title, "book");
    let targets = [
        Target::Epub(args.out.join(format!("{slug}.epub"))),
        Target::Pdf(args.out.join(format!("{slug}.pdf"))),
    ];
    let book = Book { meta, documents };
    publish::publish(&book, &targets, &settings, findings)
}
