//! `folio batch INPUT... --out DIR`: one edition per input per format, on all cores.
//!
//! Each input is converted on its own, with its own findings, so a broken file neither
//! stops nor changes the others; the outputs depend on nothing but the input and the
//! options, whatever `-j`, `--shard` or the order of the arguments.

pub mod jobs;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use folio::diag::Severity;
use folio::model::Book;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::access::AccessArgs;
use super::convert::{PaperArg, PdfStandardArg};
use super::output::Findings;
use super::publish::{self, Settings, Target};
use super::report::{Record, Status, Tally};
use jobs::{Job, Shard};

/// Arguments of `folio batch`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Profiles (.md or .txt) and directories searched recursively for them.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Where the editions go, named after the inputs and mirroring sub-folders.
    #[arg(long, value_name = "DIR", required = true)]
    pub out: PathBuf,
    /// Editions to write and how to report, comma-separated: `epub`, `pdf` (both when
    /// neither is named) and `json` (one JSON record per input on standard output).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "FORMATS")]
    pub format: Vec<BatchFormat>,
    /// PDF paper size.
    #[arg(long, value_enum, default_value_t)]
    pub paper: PaperArg,
    /// The standard the PDFs claim, validated before writing.
    #[arg(long, value_enum, default_value_t)]
    pub pdf_standard: PdfStandardArg,
    /// How many files to convert at once (default: all cores).
    #[arg(short = 'j', long = "jobs", value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Convert only the K-th of N slices of the sorted inputs (every N-th, from the K-th).
    #[arg(long, value_name = "K/N")]
    pub shard: Option<Shard>,
    /// Print failures and the summary only.
    #[arg(short, long)]
    pub quiet: bool,
    /// Count an input with warnings as failed (exit 1); its editions are still written.
    #[arg(long)]
    pub deny_warnings: bool,
    /// What may be read besides each profile's own folder.
    #[command(flatten)]
    pub access: AccessArgs,
}

/// One value of `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BatchFormat {
    /// EPUB editions.
    Epub,
    /// PDF editions.
    Pdf,
    /// JSON records on standard output.
    Json,
}

/// Runs the command: exit 0 when every input was converted, 1 when any failed.
pub fn run(args: &Args) -> ExitCode {
    let modified = match super::source_date_epoch() {
        Ok(modified) => modified,
        Err(err) => {
            let mut findings = Findings::default();
            findings.push(err);
            return super::finish(&findings, None);
        }
    };
    let access = args.access.access();
    let all = jobs::find(&args.inputs, &args.out, &access);
    let jobs = jobs::shard(all, args.shard);
    let editions = editions(&args.format);
    let json = args.format.contains(&BatchFormat::Json);
    let reporter = Reporter::new(jobs.len(), args.quiet, json);
    let options = Options {
        editions,
        paper: args.paper,
        standard: args.pdf_standard,
        modified,
        access,
    };
    let convert = |job: &Job| {
        reporter.started(job);
        let record = convert_one(job, &args.out, &options);
        reporter.finished(record)
    };
    super::pool::map(&jobs, args.jobs.map_or(0, usize::from), convert);
    let tally = reporter.finish();
    super::exit(tally.failed > 0 || (args.deny_warnings && tally.warnings > 0))
}

/// The editions `--format` names; both when it names neither.
fn editions(format: &[BatchFormat]) -> Vec<BatchFormat> {
    let named: Vec<BatchFormat> = [BatchFormat::Epub, BatchFormat::Pdf]
        .into_iter()
        .filter(|f| format.contains(f))
        .collect();
    if named.is_empty() {
        vec![BatchFormat::Epub, BatchFormat::Pdf]
    } else {
        named
    }
}

/// What every input of a batch is converted with.
struct Options {
    /// The editions to write.
    editions: Vec<BatchFormat>,
    /// The PDF's paper.
    paper: PaperArg,
    /// The standard the PDFs claim.
    standard: PdfStandardArg,
    /// `SOURCE_DATE_EPOCH`, when set.
    modified: Option<i64>,
    /// What may be read besides each profile's folder.
    access: folio::load::Access,
}

/// Reads, resolves and renders one input into its editions, which are written only
/// when all of them were made (as `convert` reads and writes).
fn convert_one(job: &Job, out: &Path, options: &Options) -> (Record, Findings) {
    let Options {
        editions,
        paper,
        standard,
        modified,
        access,
    } = options;
    let start = Instant::now();
    let mut findings = Findings::default();
    let path = job.input.display().to_string();
    if let Some(refused) = &job.refused {
        findings.push(refused.clone());
        let record = Record::new(path, &[], &findings.diagnostics, None, start.elapsed());
        return (record, findings);
    }
    let inputs = [job.input.clone()];
    let Some(publish::Profiles { documents, images }) =
        publish::load_profiles(&inputs, access, &mut findings)
    else {
        let record = Record::new(path, &[], &findings.diagnostics, None, start.elapsed());
        return (record, findings);
    };
    let targets: Vec<Target> = editions
        .iter()
        .map(|edition| {
            let mut file = out.join(&job.stem).into_os_string();
            match edition {
                BatchFormat::Pdf => {
                    file.push(".pdf");
                    Target::Pdf(file.into())
                }
                _ => {
                    file.push(".epub");
                    Target::Epub(file.into())
                }
            }
        })
        .collect();
    let settings = Settings {
        epub: publish::epub_options(
            false,
            None,
            None,
            images.clone(),
            *modified,
            access,
            &mut findings,
        ),
        pdf: publish::pdf_options(
            (*paper).into(),
            None,
            None,
            true,
            (*standard).into(),
            publish::pdf_date(
                (*standard).into(),
                *modified,
                std::slice::from_ref(&job.input),
            ),
            images,
        ),
    };
    let book = Book {
        meta: publish::book_meta(&documents),
        documents,
    };
    let written = publish::publish(&book, &targets, &settings, &mut findings);
    let record = Record::new(
        path,
        &book.documents,
        &findings.diagnostics,
        written.as_deref(),
        start.elapsed(),
    );
    (record, findings)
}

/// Progress and results as the inputs finish: a bar on a terminal, plain lines
/// otherwise; diagnostics above the bar; JSON records on standard output.
struct Reporter {
    bar: Option<ProgressBar>,
    state: Mutex<State>,
    total: usize,
    quiet: bool,
    json: bool,
    start: Instant,
}

#[derive(Default)]
struct State {
    done: usize,
    tally: Tally,
    failures: Vec<(String, String)>,
}

impl Reporter {
    fn new(total: usize, quiet: bool, json: bool) -> Reporter {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar =
                ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template(
                "{bar:30} {pos}/{len} files  {elapsed} elapsed, about {eta} left  {wide_msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Reporter {
            bar,
            state: Mutex::new(State::default()),
            total,
            quiet,
            json,
            start: Instant::now(),
        }
    }

    fn started(&self, job: &Job) {
        if let Some(bar) = &self.bar {
            bar.set_message(job.input.display().to_string());
        }
    }

    /// Prints one finished input: its diagnostics (errors only when quiet; none in JSON
    /// mode, where the record holds them), its record, its progress line.
    fn finished(&self, (record, findings): (Record, Findings)) {
        let mut text = String::new();
        if !self.json {
            for d in &findings.diagnostics {
                if !self.quiet || d.severity == Severity::Error {
                    text.push_str(&findings.render(d));
                    text.push('\n');
                }
            }
        }
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.done += 1;
        state.tally.add(&record);
        if record.status == Status::Failed {
            state.failures.push((record.path.clone(), record.reason()));
        }
        if self.bar.is_none() && !self.quiet {
            let status = match record.status {
                Status::Converted => "converted".to_string(),
                Status::Warnings => format!("converted, {} warning(s)", record.warnings),
                Status::Failed => "failed".to_string(),
            };
            let (done, total) = (state.done, self.total);
            text.push_str(&format!("[{done}/{total}] {}: {status}\n", record.path));
        }
        let print = || {
            let _ = std::io::stderr().lock().write_all(text.as_bytes());
            if self.json {
                let _ = writeln!(std::io::stdout().lock(), "{}", record.to_line());
            }
        };
        match &self.bar {
            Some(bar) => {
                bar.suspend(print);
                bar.inc(1);
            }
            None => print(),
        }
    }

    /// Clears the bar and prints the failures and the summary line; returns the counts.
    fn finish(self) -> Tally {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        let state = self.state.into_inner().unwrap_or_else(|e| e.into_inner());
        let mut failures = state.failures;
        failures.sort();
        let mut err = std::io::stderr().lock();
        for (path, reason) in &failures {
            let _ = writeln!(err, "failed: {path}: {reason}");
        }
        let seconds = self.start.elapsed().as_secs_f64();
        let _ = writeln!(err, "{} in {seconds:.2} s", state.tally.line());
        state.tally
    }
}
