//! The hostile suite (issue 10, "Proof"): every generated case of [`super::cases`] goes
//! through `folio convert … -o out.epub -o out.pdf`, as a user would run it. Each run
//! must end with exit 0, 1 or 2 and no panic; a failure names its code and the file
//! (and line, for a file's content) and writes nothing; a success writes both editions,
//! the PDF passing `qpdf --check`. The EPUBs are checked by EPUBCheck in batches (one
//! book of many cases per run, since starting its JVM is the cost); a case with options
//! of its own (a cover, a budget) is checked alone.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use super::cases::{self, Case, Content, Expect};
use super::epubcheck;

/// Cases per EPUBCheck batch.
const BATCH: usize = 40;
/// A run still going after this long has hung.
const TIMEOUT: Duration = Duration::from_secs(120);

/// What one run of folio gave.
struct Run {
    code: Option<i32>,
    stderr: String,
}

/// Runs folio in `dir`, killing it (and reporting a hang) after [`TIMEOUT`].
fn run(args: &[String], dir: &Path) -> Result<Run, String> {
    let err_path = dir.join(".stderr");
    let err_file = std::fs::File::create(&err_path).map_err(|e| e.to_string())?;
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(err_file)
        .spawn()
        .map_err(|e| e.to_string())?;
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("hung: folio {args:?}"));
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let stderr =
        String::from_utf8_lossy(&std::fs::read(&err_path).unwrap_or_default()).into_owned();
    let _ = std::fs::remove_file(&err_path);
    Ok(Run {
        code: status.code(),
        stderr,
    })
}

/// Writes a case's files into `dir`.
fn lay_out(case: &Case, dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    for (name, content) in &case.files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        match content {
            Content::Bytes(bytes) => std::fs::write(&path, bytes).unwrap(),
            Content::Dir => std::fs::create_dir_all(&path).unwrap(),
            #[cfg(unix)]
            Content::Symlink(target) => std::os::unix::fs::symlink(target, &path).unwrap(),
            #[cfg(unix)]
            Content::Fifo => {
                let made = Command::new("mkfifo").arg(&path).status().expect("mkfifo");
                assert!(made.success());
            }
            #[cfg(not(unix))]
            _ => unreachable!("special files are unix-only cases"),
        }
    }
}

/// Whether `stderr` names `file` at a line ≥ 1 ("kiln.md:5:3").
fn names_a_line(stderr: &str, file: &str) -> bool {
    stderr
        .match_indices(&format!("{file}:"))
        .any(|(at, found)| {
            let after = &stderr[at + found.len()..];
            let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
            digits.parse::<u32>().is_ok_and(|line| line >= 1)
        })
}

/// Runs one case; the problems found, if any, and whether its EPUB should be checked
/// in a batch (a clean or warned run without options of its own).
fn check_case(case: &Case, dir: &Path) -> (Vec<String>, bool) {
    let mut args: Vec<String> = vec!["convert".into()];
    args.extend(case.inputs.iter().cloned());
    args.extend(["-o", "out.epub", "-o", "out.pdf"].map(String::from));
    args.extend(case.args.iter().cloned());
    let run = match run(&args, dir) {
        Ok(run) => run,
        Err(hang) => return (vec![hang], false),
    };
    let mut problems = Vec::new();
    let err = &run.stderr;
    if err.contains("panicked") || err.contains("RUST_BACKTRACE") {
        problems.push("panicked".to_string());
    }
    if !matches!(run.code, Some(0..=2)) {
        problems.push(format!("exit status {:?}", run.code));
    }
    let (epub, pdf) = (dir.join("out.epub"), dir.join("out.pdf"));
    let wrote = epub.exists() || pdf.exists();
    let mut batch = false;
    match case.expect {
        Expect::Clean | Expect::Warns(_) => {
            if run.code != Some(0) || !epub.is_file() || !pdf.is_file() {
                problems.push(format!("expected both editions, got exit {:?}", run.code));
            } else {
                if let Expect::Warns(code) = case.expect
                    && !err.contains(code)
                {
                    problems.push(format!("expected {code}"));
                }
                if let Some(problem) = qpdf_check(&pdf) {
                    problems.push(problem);
                }
                if case.args.is_empty() {
                    batch = true;
                } else {
                    let bytes = std::fs::read(&epub).unwrap();
                    let name = format!("hostile-{}", case.name);
                    if let Err(panic) =
                        std::panic::catch_unwind(|| epubcheck::epubcheck(&bytes, &name))
                    {
                        problems.push(panic_text(&panic));
                    }
                }
            }
        }
        Expect::Fails(code) | Expect::FailsOnArg(code) => {
            if run.code != Some(1) || wrote {
                problems.push(format!(
                    "expected exit 1 and no output, got exit {:?}, wrote: {wrote}",
                    run.code
                ));
            }
            if !err.contains("error") || !err.contains(code) {
                problems.push(format!("expected an error naming {code}"));
            }
            let named = match case.expect {
                Expect::Fails(_) => case.inputs.iter().any(|f| names_a_line(err, f)),
                _ => err.contains(code),
            };
            if !named {
                problems.push("the error names no file:line".to_string());
            }
        }
    }
    if !problems.is_empty() {
        let mut shown: String = err.chars().take(1_500).collect();
        let _ = write!(shown, "{}", if err.len() > 1_500 { "…" } else { "" });
        problems.push(format!("stderr:\n{shown}"));
    }
    (problems, batch)
}

fn panic_text(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "EPUBCheck failed".to_string())
}

/// `qpdf --check`'s complaint about a PDF, if any.
fn qpdf_check(pdf: &Path) -> Option<String> {
    let out = Command::new("qpdf")
        .arg("--check")
        .arg(pdf)
        .output()
        .expect("qpdf runs");
    (!out.status.success()).then(|| {
        format!(
            "qpdf --check: {}",
            String::from_utf8_lossy(&out.stdout)
                .chars()
                .take(600)
                .collect::<String>()
        )
    })
}

/// Runs `work` on every item over a few threads.
fn on_threads<'a, T: Sync>(items: &'a [T], work: impl Fn(&'a T) + Sync) {
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(2, 4);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                while let Some(item) = items.get(next.fetch_add(1, Ordering::Relaxed)) {
                    work(item);
                }
            });
        }
    });
}

#[test]
fn the_hostile_suite_gives_valid_editions_or_clear_errors() {
    let cases = cases::all();
    assert!(cases.len() >= 146, "{} cases", cases.len());
    let mut names: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), cases.len(), "case names are unique");

    let root = tempfile::tempdir().unwrap();
    let failures = Mutex::new(Vec::new());
    let batched = Mutex::new(Vec::new());
    on_threads(&cases, |case| {
        let dir = root.path().join(&case.name);
        lay_out(case, &dir);
        let (problems, batch) = check_case(case, &dir);
        if !problems.is_empty() {
            failures
                .lock()
                .unwrap()
                .push(format!("{}: {}", case.name, problems.join("; ")));
        }
        if batch {
            batched.lock().unwrap().push(case);
        }
    });
    let mut batched = batched.into_inner().unwrap();
    batched.sort_by(|a, b| a.name.cmp(&b.name));
    // every clean case makes a chapter of a batch book; EPUBCheck runs once per book
    let books: Vec<(usize, Vec<PathBuf>)> = batched
        .chunks(BATCH)
        .enumerate()
        .map(|(i, chunk)| {
            let inputs = chunk
                .iter()
                .flat_map(|c| c.inputs.iter().map(|f| Path::new(&c.name).join(f)))
                .collect();
            (i, inputs)
        })
        .collect();
    on_threads(&books, |(i, inputs)| {
        let out = format!("batch-{i}.epub");
        let mut args: Vec<String> = vec!["convert".into()];
        args.extend(inputs.iter().map(|p| p.display().to_string()));
        args.extend([
            "-o".to_string(),
            out.clone(),
            "--title".into(),
            format!("Batch {i}"),
        ]);
        let problem = match run(&args, root.path()) {
            Ok(run) if run.code == Some(0) => {
                let path = root.path().join(&out);
                std::panic::catch_unwind(|| epubcheck::epubcheck_file(&path, &out))
                    .err()
                    .map(|panic| panic_text(&panic))
            }
            Ok(run) => Some(format!("exit {:?}: {}", run.code, run.stderr)),
            Err(hang) => Some(hang),
        };
        if let Some(problem) = problem {
            failures
                .lock()
                .unwrap()
                .push(format!("{out} ({inputs:?}): {problem}"));
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(
        failures.is_empty(),
        "{} of {} hostile cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}
