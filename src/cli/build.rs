//! `folio build [DIR]`: the editions `DIR/book.toml` asks for, written into `out/`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use super::access::AccessArgs;
use super::convert::PdfStandardArg;
use super::output::{Findings, Format};
use super::report;
use super::series::{self, Cache};

/// Arguments of `folio build`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The book directory holding book.toml (default: the current directory when it
    /// holds one, else book/).
    pub dir: Option<PathBuf>,
    /// Where the editions go.
    #[arg(long, value_name = "DIR", default_value = "out")]
    pub out: PathBuf,
    /// Also say where each value of the book's metadata came from, and which editions
    /// were left unchanged.
    #[arg(short, long)]
    pub verbose: bool,
    /// Fail (exit 1) on warnings as well as errors; the editions are still written.
    #[arg(long)]
    pub deny_warnings: bool,
    /// The standard the PDFs claim, validated before writing (default: book.toml's
    /// `pdf-standard`, else ua-1).
    #[arg(long, value_enum)]
    pub pdf_standard: Option<PdfStandardArg>,
    /// `human` diagnostics on standard error, or one JSON record on standard output.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// What may be read besides the book's own folder.
    #[command(flatten)]
    pub access: AccessArgs,
}

/// The book directory: the one named, else the current directory when it holds
/// `book.toml` (as mdBook looks first where it runs), else `book/`.
pub fn book_dir(dir: Option<&Path>) -> PathBuf {
    match dir {
        Some(dir) => dir.to_path_buf(),
        None if Path::new("book.toml").is_file() => PathBuf::from("."),
        None => PathBuf::from("book"),
    }
}

/// Runs the command: exit 0 when every edition was written, 1 otherwise (and then
/// none was).
pub fn run(args: &Args) -> ExitCode {
    let start = Instant::now();
    let dir = book_dir(args.dir.as_deref());
    let mut findings = Findings::default();
    let outcome = series::build(
        &dir,
        &args.out,
        &args.access,
        args.pdf_standard.map(Into::into),
        &mut Cache::default(),
        &mut findings,
    );
    let mut notes = Vec::new();
    if let Some(outcome) = &outcome {
        if args.verbose {
            notes.extend(outcome.meta.iter().flat_map(|m| m.describe()));
            notes.extend(
                outcome
                    .unchanged
                    .iter()
                    .map(|p| format!("unchanged {}", p.display())),
            );
        }
        notes.extend(
            outcome
                .written
                .iter()
                .map(|p| format!("wrote {}", p.display())),
        );
        notes.extend(
            outcome
                .removed
                .iter()
                .map(|p| format!("removed {}", p.display())),
        );
    }
    let record = report::Record::new(
        dir.join("book.toml").display().to_string(),
        outcome.as_ref().map_or(&[], |o| &o.documents),
        &findings.diagnostics,
        outcome.as_ref().map(|o| o.written.as_slice()),
        start.elapsed(),
    );
    report::finish(&findings, &record, &notes, args.format, args.deny_warnings)
}
