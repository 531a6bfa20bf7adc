//! Diagnostics rendering (human or JSON) and atomic output files.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as Level};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, Config};
use folio::diag::{Diagnostic, Severity};
use folio::model::Span;

/// How diagnostics are printed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: `file:line:col`, code, message, the source line and a hint.
    #[default]
    Human,
    /// A JSON array of diagnostics on standard output, for tools.
    Json,
}

/// Everything found during one command, with the text of each file so the human
/// form can quote the offending line.
#[derive(Debug, Default)]
pub struct Findings {
    /// Every diagnostic, in the order found.
    pub diagnostics: Vec<Diagnostic>,
    sources: BTreeMap<String, Source>,
}

/// A file's text with where each line starts, so a diagnostic's line is found in
/// constant time however many diagnostics a long file has.
#[derive(Debug)]
struct Source {
    text: String,
    line_starts: Vec<usize>,
}

impl Source {
    fn new(text: String) -> Source {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Source { text, line_starts }
    }

    /// Line `line` (from 1) without its line break.
    fn line(&self, line: u32) -> Option<&str> {
        let index = usize::try_from(line.checked_sub(1)?).ok()?;
        let start = *self.line_starts.get(index)?;
        let end = self
            .line_starts
            .get(index + 1)
            .map_or(self.text.len(), |next| next - 1);
        Some(&self.text[start..end])
    }
}

impl Findings {
    /// Remembers a file's text (decoded the way the reader decodes it) for snippets.
    pub fn add_source(&mut self, name: &str, bytes: &[u8]) {
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let text = String::from_utf8_lossy(body).replace("\r\n", "\n");
        self.sources.insert(name.to_string(), Source::new(text));
    }

    /// The column (from 1) of the first `c` on `line` of a known file.
    pub fn column_of(&self, file: &str, line: u32, c: char) -> Option<u32> {
        let line = self.sources.get(file)?.line(line)?;
        let index = line.chars().position(|x| x == c)?;
        u32::try_from(index + 1).ok()
    }

    /// Adds findings.
    pub fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.diagnostics.extend(diagnostics);
    }

    /// Adds one finding.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// Whether the command failed: any error, or any warning when warnings are denied.
    pub fn failed(&self, deny_warnings: bool) -> bool {
        self.has_errors() || (deny_warnings && self.count(Severity::Warning) > 0)
    }

    fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// Prints the findings: JSON on standard output, or the human form on standard error.
    pub fn print(&self, format: Format) {
        match format {
            Format::Json => {
                let json = serde_json::to_string_pretty(&self.diagnostics)
                    .unwrap_or_else(|_| "[]".to_string());
                println!("{json}");
            }
            Format::Human => {
                let stderr = std::io::stderr();
                let mut out = stderr.lock();
                for diagnostic in &self.diagnostics {
                    let _ = writeln!(out, "{}", self.render(diagnostic));
                }
                let errors = self.count(Severity::Error);
                let warnings = self.count(Severity::Warning);
                if errors + warnings > 0 {
                    let _ = writeln!(out, "{errors} error(s), {warnings} warning(s)");
                }
            }
        }
    }

    /// The human form of one diagnostic: codespan-reporting with the source line when
    /// the file's text is known, else the one-line `file:line:col: …` form. Control
    /// characters from the input are shown as U+FFFD, so a profile cannot send escape
    /// codes to the terminal.
    ///
    /// Only the diagnostic's own line is handed to codespan, so the cost does not grow
    /// with the length of the file before it.
    pub fn render(&self, d: &Diagnostic) -> String {
        let d = &printable(d);
        let Some(line) = self.sources.get(&d.file).and_then(|s| s.line(d.span.line)) else {
            return one_line(d);
        };
        let line = visible(line);
        let range = line_range(&line, d.span);
        let (excerpt, range) = excerpt(&line, range);
        let files = Excerpt {
            name: &d.file,
            text: &excerpt,
            line_index: d.span.line as usize - 1,
        };
        let level = match d.severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
            Severity::Info => Level::Note,
        };
        let mut report = Report::new(level)
            .with_code(d.code)
            .with_message(&d.message)
            .with_labels(vec![Label::primary((), range.clone())]);
        if let Some(hint) = &d.hint {
            report = report.with_notes(vec![format!("hint: {hint}")]);
        }
        let mut buffer = Vec::new();
        if term::emit_to_io_write(&mut buffer, &Config::default(), &files, &report).is_err() {
            return one_line(d);
        }
        let rendered = String::from_utf8_lossy(&buffer).trim_end().to_string();
        // The excerpt shifts columns; the header must still name the real place.
        let shown = excerpt[..range.start].chars().count() + 1;
        rendered.replacen(
            &format!("{}:{}:{shown}", d.file, d.span.line),
            &format!("{}:{}:{}", d.file, d.span.line, d.span.column),
            1,
        )
    }
}

/// The one line codespan shows, presented as line `line_index` of the file, so the
/// rendering costs the length of that line and not of the file before it.
struct Excerpt<'a> {
    name: &'a str,
    text: &'a str,
    line_index: usize,
}

impl<'a> Files<'a> for Excerpt<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, FilesError> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, FilesError> {
        Ok(self.text)
    }

    fn line_index(&'a self, (): (), _byte_index: usize) -> Result<usize, FilesError> {
        Ok(self.line_index)
    }

    fn line_range(
        &'a self,
        (): (),
        line_index: usize,
    ) -> Result<std::ops::Range<usize>, FilesError> {
        let end = self.text.len();
        Ok(match line_index.cmp(&self.line_index) {
            std::cmp::Ordering::Less => 0..0,
            std::cmp::Ordering::Equal => 0..end,
            std::cmp::Ordering::Greater => end..end,
        })
    }
}

/// `text` with control characters other than tab replaced by U+FFFD (one character
/// for one, so columns stay right).
fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(|c| c.is_control() && c != '\t') {
        text.chars()
            .map(|c| {
                if c.is_control() && c != '\t' {
                    '\u{FFFD}'
                } else {
                    c
                }
            })
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

/// A diagnostic whose message, hint and file name are safe to print.
fn printable(d: &Diagnostic) -> Diagnostic {
    let mut d = d.clone();
    d.message = visible(&d.message).into_owned();
    d.file = visible(&d.file).into_owned();
    d.hint = d.hint.as_deref().map(|h| visible(h).into_owned());
    d
}

/// Lines longer than this are cut around the underlined place.
const MAX_SNIPPET: usize = 160;

/// The text to show and the range in it: the line itself, or for a long line a window
/// around the range, so a 1,500-character paragraph does not fill the terminal.
fn excerpt(line: &str, range: std::ops::Range<usize>) -> (String, std::ops::Range<usize>) {
    let (mut from, mut to) = (range.start, range.end);
    let (mut prefix, mut suffix) = ("", "");
    let mut window = line;
    if line.len() > MAX_SNIPPET {
        let half = MAX_SNIPPET / 2;
        let mut a = from.saturating_sub(half);
        while !line.is_char_boundary(a) {
            a -= 1;
        }
        let mut b = (to + half).min(line.len());
        while !line.is_char_boundary(b) {
            b += 1;
        }
        if a > 0 {
            prefix = "…";
        }
        if b < line.len() {
            suffix = "…";
        }
        window = &line[a..b];
        from -= a;
        to -= a;
    }
    let mut out = String::from(prefix);
    let start = out.len() + from;
    let end = out.len() + to;
    out.push_str(window);
    out.push_str(suffix);
    (out, start..end)
}

fn one_line(d: &Diagnostic) -> String {
    d.to_string()
}

/// The byte range in `line` to underline, found from the span's column so it stays
/// right even if a reader's offsets count differently; at least one character when the
/// line has one.
fn line_range(line: &str, span: Span) -> std::ops::Range<usize> {
    let col = line
        .char_indices()
        .nth(span.column.saturating_sub(1) as usize)
        .map_or(line.len(), |(i, _)| i);
    let rest = line.len() - col;
    let first_char = line[col..].chars().next().map_or(0, char::len_utf8);
    let mut len = span.len.min(rest).max(first_char);
    while !line.is_char_boundary(col + len) {
        len -= 1;
    }
    col..col + len
}

/// Writes every file, or none: each is first written completely to a temporary file
/// beside its target, and only when all are written are they renamed into place. On
/// failure the temporary files are removed and no target is touched. Returns the files
/// written; if a rename fails after others succeeded (which only the file system can
/// cause), the error is followed by a note for each file already in place.
pub fn write_all(files: &[(&Path, &[u8])]) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    use rayon::prelude::*;
    // Side by side: most of a write is waiting for the disk to sync.
    let staged: Result<Vec<Staged>, Diagnostic> = files
        .par_iter()
        .map(|(path, bytes)| stage(path, bytes))
        .collect();
    commit_all(staged.map_err(|err| vec![err])?)
}

/// Renames staged files into place, in order; see [`write_all`] for a failure.
pub fn commit_all(staged: Vec<Staged>) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    let mut written = Vec::new();
    for file in staged {
        let path = file.path.clone();
        if let Err(err) = file.commit() {
            let mut found = vec![err];
            found.extend(written.iter().map(|done: &PathBuf| {
                let name = done.display().to_string();
                Diagnostic::info(
                    "I-WROTE",
                    &name,
                    Span::default(),
                    format!("{name} was written before the failure"),
                )
            }));
            return Err(found);
        }
        written.push(path);
    }
    Ok(written)
}

/// Whether two paths name the same existing file: the same canonical path, or (a hard
/// link) the same device and inode.
pub fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if (ma.dev(), ma.ino()) == (mb.dev(), mb.ino()) {
            return true;
        }
    }
    let _ = (ma, mb);
    matches!(
        (std::fs::canonicalize(a), std::fs::canonicalize(b)),
        (Ok(x), Ok(y)) if x == y
    )
}

/// A complete temporary file waiting to be renamed to `path`; dropped, it is removed.
pub struct Staged {
    path: PathBuf,
    file: Option<tempfile::NamedTempFile>,
}

impl Staged {
    /// Renames the file into place.
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        let Some(file) = self.file.take() else {
            return Ok(());
        };
        let temp = file.path().to_path_buf();
        let done = file
            .persist(&self.path)
            .map(drop)
            .map_err(|err| write_error(&self.path, &err.error));
        forget_temp(&temp);
        done
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if let Some(file) = self.file.take() {
            let temp = file.path().to_path_buf();
            drop(file);
            forget_temp(&temp);
        }
    }
}

/// Temporary files being written, removed by the signal handler.
static TEMPS: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// On Ctrl-C, SIGTERM or SIGHUP, removes every temporary output still registered and
/// exits with 130, so an interrupted write leaves nothing behind. Installed once, the
/// first time a file is written.
fn clean_up_on_signal() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            let temps = TEMPS
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            for temp in temps.iter() {
                let _ = std::fs::remove_file(temp);
            }
            std::process::exit(130);
        });
    });
}

fn forget_temp(temp: &Path) {
    let mut temps = TEMPS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    temps.retain(|t| t != temp);
}

fn write_error(path: &Path, err: &std::io::Error) -> Diagnostic {
    let name = path.display().to_string();
    Diagnostic::error(
        "E-WRITE",
        &name,
        Span::default(),
        format!("cannot write {name}: {err}"),
    )
}

/// Writes `bytes` completely to `.folio-XXXXXX.tmp` beside `path`, readable by others
/// and synced to disk.
pub fn stage(path: &Path, bytes: &[u8]) -> Result<Staged, Diagnostic> {
    let fail = |err: std::io::Error| write_error(path, &err);
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).map_err(fail)?;
    clean_up_on_signal();
    // The handler must never see a file it does not know of: registration and
    // creation happen under the same lock.
    let staged = {
        let mut temps = TEMPS
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let file = tempfile::Builder::new()
            .prefix(".folio-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(fail)?;
        temps.push(file.path().to_path_buf());
        Staged {
            path: path.to_path_buf(),
            file: Some(file),
        }
    };
    let Some(file) = staged.file.as_ref() else {
        return Ok(staged);
    };
    let mut handle = file.as_file();
    handle.write_all(bytes).map_err(fail)?;
    // A temporary file is private (0600); an edition is meant to be read by others.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let readable = std::fs::Permissions::from_mode(0o644);
        handle.set_permissions(readable).map_err(fail)?;
    }
    handle.sync_all().map_err(fail)?;
    Ok(staged)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(line: u32, column: u32, len: usize) -> Span {
        Span {
            line,
            column,
            offset: 0,
            len,
        }
    }

    #[test]
    fn range_comes_from_line_and_column() {
        let source = Source::new("ab\n“c” (4)\n".to_string());
        let line = source.line(2).unwrap();
        let r = line_range(line, span(2, 5, 3));
        assert_eq!(&line[r], "(4)");
        // A length past the line end stops at the line end.
        let line = source.line(1).unwrap();
        assert_eq!(&line[line_range(line, span(1, 2, 99))], "b");
        // Line 0 or past the end is no line; a column past the end never panics.
        assert_eq!(source.line(0), None);
        assert_eq!(source.line(9), None);
        assert_eq!(source.line(3), Some(""));
        let _ = line_range("", span(1, 9, 9));
    }

    #[test]
    fn escape_codes_from_the_input_do_not_reach_the_terminal() {
        let mut findings = Findings::default();
        findings.add_source("e.txt", b"title\n\x1b[2Jbad (3) line\n");
        let d = Diagnostic::warning("W-X", "e.txt", span(2, 9, 3), "marker `\x1b[31m`");
        let text = findings.render(&d);
        assert!(!text.contains('\x1b'), "{text:?}");
        assert!(text.contains("\u{FFFD}[2Jbad (3) line"), "{text}");
        assert!(text.contains("e.txt:2:9"), "{text}");
    }

    #[test]
    fn a_long_line_is_cut_around_the_place_and_keeps_its_column() {
        let line = format!("{}(7){}", "a".repeat(1000), "b".repeat(1000));
        let mut findings = Findings::default();
        findings.add_source("long.txt", format!("title\n\n{line}\n").as_bytes());
        let d = Diagnostic::info("I-X", "long.txt", span(3, 1001, 3), "here");
        let text = findings.render(&d);
        assert!(text.contains("long.txt:3:1001"), "{text}");
        assert!(text.contains("…aaa"), "{text}");
        assert!(text.contains("(7)bbb"), "{text}");
        assert!(text.len() < 600, "{text}");
    }

    #[test]
    fn human_form_quotes_the_line_and_names_the_place() {
        let mut findings = Findings::default();
        findings.add_source("a.txt", b"\xEF\xBB\xBFfirst\r\nsecond (3) -\r\n");
        let d = Diagnostic::warning("W-EMPTY-ENTRY", "a.txt", span(2, 8, 3), "empty entry")
            .with_hint("fill it in");
        let text = findings.render(&d);
        assert!(text.contains("a.txt:2:8"), "{text}");
        assert!(text.contains("W-EMPTY-ENTRY"), "{text}");
        assert!(text.contains("second (3) -"), "{text}");
        assert!(text.contains("hint: fill it in"), "{text}");
    }

    /// The child half of the next test: stages a file beside the path given in the
    /// environment, says where, and waits to be interrupted.
    #[test]
    fn staged_child_waits_for_a_signal() {
        let Some(target) = std::env::var_os("FOLIO_TEST_STAGE_TARGET") else {
            return;
        };
        let staged = stage(Path::new(&target), b"partial edition").unwrap();
        let temp = staged.file.as_ref().unwrap().path().to_path_buf();
        println!("staged {}", temp.display());
        std::io::Write::flush(&mut std::io::stdout()).unwrap();
        std::thread::sleep(std::time::Duration::from_secs(60));
        drop(staged);
    }

    /// Ctrl-C or a kill while an edition is being written removes its temporary file,
    /// which is named so a user recognises it. The test binary runs itself as the child.
    #[cfg(unix)]
    #[test]
    fn a_signal_removes_the_temporary_files() {
        use std::io::BufRead;
        use std::process::{Command, Stdio};
        for signal in ["-INT", "-TERM"] {
            let dir = tempfile::tempdir().unwrap();
            let mut child = Command::new(std::env::current_exe().unwrap())
                .args([
                    "--exact",
                    "cli::output::tests::staged_child_waits_for_a_signal",
                ])
                .args(["--nocapture", "--test-threads=1"])
                .env("FOLIO_TEST_STAGE_TARGET", dir.path().join("book.pdf"))
                .stdout(Stdio::piped())
                .spawn()
                .unwrap();
            let stdout = std::io::BufReader::new(child.stdout.take().unwrap());
            let temp = stdout
                .lines()
                .map_while(Result::ok)
                // The harness prints the test's name on the same line first.
                .find_map(|line| line.split_once("staged ").map(|(_, p)| PathBuf::from(p)))
                .expect("the child staged a file");
            assert!(temp.exists());
            let name = temp.file_name().unwrap().to_string_lossy().into_owned();
            assert!(
                name.starts_with(".folio-") && name.ends_with(".tmp"),
                "{name}"
            );
            let pid = child.id().to_string();
            assert!(
                Command::new("kill")
                    .args([signal, &pid])
                    .status()
                    .unwrap()
                    .success()
            );
            let status = child.wait().unwrap();
            assert_eq!(status.code(), Some(130), "{signal}");
            assert!(!temp.exists(), "{signal}: {} is left", temp.display());
            assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        }
    }

    #[test]
    fn atomic_write_leaves_only_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/out.bin");
        write_all(&[(&path, b"abc")]).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"abc");
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["out.bin"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o644);
        }
    }
}
