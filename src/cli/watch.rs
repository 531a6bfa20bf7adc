//! `folio watch [DIR]`: build the book, then rebuild it whenever something in its
//! folder changes.
//!
//! The folder is watched rather than each file, because editors save by writing a new
//! file and renaming it over the old one. Bursts of events are debounced into one
//! rebuild. A [`Cache`] kept between rebuilds re-reads only the profiles whose bytes
//! changed and re-renders only the editions they are part of; a rebuild that fails
//! writes nothing, so the last good editions stay in `out/`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime};

use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, DebouncedEvent, new_debouncer};

use super::access::AccessArgs;
use super::output::{Findings, Format};
use super::series::{self, Cache};

/// Arguments of `folio watch`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The book directory holding book.toml (default: the current directory when it
    /// holds one, else book/).
    pub dir: Option<PathBuf>,
    /// Where the editions go.
    #[arg(long, value_name = "DIR", default_value = "out")]
    pub out: PathBuf,
    /// What may be read besides the book's own folder.
    #[command(flatten)]
    pub access: AccessArgs,
}

/// How long a burst of events may last before the rebuild starts: long enough for an
/// editor's write-and-rename (a few milliseconds), short enough to leave most of the
/// 200 ms a rebuild of one changed profile is allowed from save to written files. A
/// save spread wider costs another rebuild; the last one sees the finished file.
const DEBOUNCE: Duration = Duration::from_millis(20);

/// Runs until interrupted; exit 1 only when the folder cannot be watched.
pub fn run(args: &Args) -> ExitCode {
    let dir = super::build::book_dir(args.dir.as_deref());
    let mut cache = Cache::default();
    say(&format!("building {}", dir.display()));
    rebuild(&dir, args, &mut cache, None);
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let watched = std::path::absolute(&dir).unwrap_or_else(|_| dir.clone());
    let out = std::path::absolute(&args.out).unwrap_or_else(|_| args.out.clone());
    let mut debouncer = match new_debouncer(DEBOUNCE, None, tx) {
        Ok(debouncer) => debouncer,
        Err(err) => return cannot_watch(&dir, &err.to_string()),
    };
    if let Err(err) = debouncer.watch(&watched, RecursiveMode::Recursive) {
        return cannot_watch(&dir, &err.to_string());
    }
    say(&format!("watching {} (Ctrl-C to stop)", dir.display()));
    for result in rx {
        match result {
            Ok(events) => {
                let relevant: Vec<&DebouncedEvent> =
                    events.iter().filter(|e| matters(e, &out)).collect();
                let Some(first) = relevant.iter().map(|e| e.time).min() else {
                    continue;
                };
                let changed = changed_names(&relevant, &watched);
                say(&format!("changed: {changed}"));
                rebuild(&dir, args, &mut cache, Some(first));
            }
            Err(errors) => {
                for err in errors {
                    say(&format!("watch error: {err}"));
                }
            }
        }
    }
    ExitCode::SUCCESS
}

fn cannot_watch(dir: &Path, why: &str) -> ExitCode {
    let mut findings = Findings::default();
    findings.push(folio::diag::Diagnostic::error(
        "E-WATCH",
        &dir.display().to_string(),
        folio::model::Span::default(),
        format!("cannot watch the folder: {why}"),
    ));
    findings.print(Format::Human);
    ExitCode::FAILURE
}

/// One build, reported with timestamps; `since` is the first change's time, so the
/// report gives the time from save to written files.
fn rebuild(dir: &Path, args: &Args, cache: &mut Cache, since: Option<Instant>) {
    let start = Instant::now();
    let mut findings = Findings::default();
    let outcome = series::build(dir, &args.out, &args.access, None, cache, &mut findings);
    let built = start.elapsed();
    findings.print(Format::Human);
    let Some(outcome) = outcome else {
        say("build failed: the last good editions stay in place");
        return;
    };
    for path in &outcome.written {
        say(&format!("wrote {}", path.display()));
    }
    for path in &outcome.removed {
        say(&format!("removed {}", path.display()));
    }
    let mut summary = format!(
        "built in {} ms: {} written, {} unchanged; {} of {} profile(s) read anew; \
         {} paragraph(s) set anew, {} reused",
        built.as_millis(),
        outcome.written.len(),
        outcome.unchanged.len(),
        outcome.reread,
        outcome.documents.len(),
        outcome.paragraphs.set,
        outcome.paragraphs.reused,
    );
    if let Some(since) = since {
        let total = since.elapsed().as_millis();
        summary.push_str(&format!(
            "; {total} ms from the change to the written files"
        ));
    }
    say(&summary);
}

/// Whether an event can change the book: a file created, changed or removed outside
/// `out/`, and not an editor's hidden or backup file. Reads are not changes (inotify
/// reports the build's own reads).
fn matters(event: &DebouncedEvent, out: &Path) -> bool {
    let kind_counts = matches!(
        event.event.kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
    );
    kind_counts
        && event.event.paths.iter().any(|path| {
            let hidden = path.file_name().is_some_and(|n| {
                let n = n.to_string_lossy();
                n.starts_with('.') || n.ends_with('~') || n.ends_with(".swp")
            });
            !hidden && !path.starts_with(out)
        })
}

/// The changed files, relative to the book folder, for the report.
fn changed_names(events: &[&DebouncedEvent], dir: &Path) -> String {
    let mut names: Vec<String> = events
        .iter()
        .flat_map(|e| &e.event.paths)
        .map(|p| p.strip_prefix(dir).unwrap_or(p).display().to_string())
        .collect();
    names.sort();
    names.dedup();
    names.join(", ")
}

/// Prints a line to standard error after the time of day (UTC).
fn say(line: &str) {
    let seconds = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (h, m, s) = (seconds / 3600 % 24, seconds / 60 % 60, seconds % 60);
    eprintln!("[{h:02}:{m:02}:{s:02}] {line}");
}
