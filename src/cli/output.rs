//! Diagnostics rendering (human or JSON) and atomic output files.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as Level};
use codespan_reporting::files::SimpleFiles;
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
    sources: BTreeMap<String, String>,
}

impl Findings {
    /// Remembers a file's text (decoded the way the reader decodes it) for snippets.
    pub fn add_source(&mut self, name: &str, bytes: &[u8]) {
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let text = String::from_utf8_lossy(body).replace("\r\n", "\n");
        self.sources.insert(name.to_string(), text);
    }

    /// The column (from 1) of the first `c` on `line` of a known file.
    pub fn column_of(&self, file: &str, line: u32, c: char) -> Option<u32> {
        let text = self.sources.get(file)?;
        let line = text.split('\n').nth(line.checked_sub(1)? as usize)?;
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
    /// the file's text is known, else the one-line `file:line:col: …` form.
    pub fn render(&self, d: &Diagnostic) -> String {
        let Some(text) = self.sources.get(&d.file).filter(|_| d.span.line > 0) else {
            return one_line(d);
        };
        let range = byte_range(text, d.span);
        let (excerpt, range) = excerpt(text, range);
        let mut files = SimpleFiles::new();
        let id = files.add(d.file.as_str(), excerpt.as_str());
        let level = match d.severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
            Severity::Info => Level::Note,
        };
        let mut report = Report::new(level)
            .with_code(d.code)
            .with_message(&d.message)
            .with_labels(vec![Label::primary(id, range.clone())]);
        if let Some(hint) = &d.hint {
            report = report.with_notes(vec![format!("hint: {hint}")]);
        }
        let mut buffer = Vec::new();
        if term::emit_to_io_write(&mut buffer, &Config::default(), &files, &report).is_err() {
            return one_line(d);
        }
        let rendered = String::from_utf8_lossy(&buffer).trim_end().to_string();
        // The excerpt shifts columns; the header must still name the real place.
        let (_, shown) = folio::diag::line_col(&excerpt, range.start);
        rendered.replacen(
            &format!("{}:{}:{shown}", d.file, d.span.line),
            &format!("{}:{}:{}", d.file, d.span.line, d.span.column),
            1,
        )
    }
}

/// Lines longer than this are cut around the underlined place.
const MAX_SNIPPET: usize = 160;

/// The text to show and the range in it: the file's lines up to the one in question,
/// where earlier lines are emptied (codespan needs them only for the line number) and a
/// long line is cut to a window around the range, so a 1,500-character paragraph does
/// not fill the terminal.
fn excerpt(text: &str, range: std::ops::Range<usize>) -> (String, std::ops::Range<usize>) {
    let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[range.start..]
        .find('\n')
        .map_or(text.len(), |i| range.start + i);
    let line = &text[line_start..line_end];
    let newlines = text[..line_start].matches('\n').count();
    let mut out = "\n".repeat(newlines);
    let (mut from, mut to) = (range.start - line_start, range.end - line_start);
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
    out.push_str(prefix);
    let start = out.len() + from;
    let end = out.len() + to;
    out.push_str(window);
    out.push_str(suffix);
    (out, start..end)
}

fn one_line(d: &Diagnostic) -> String {
    d.to_string()
}

/// The byte range to underline, found from line and column so it stays right even if
/// a reader's offsets count differently; at least one character when the line has one.
fn byte_range(text: &str, span: Span) -> std::ops::Range<usize> {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(span.line.saturating_sub(1) as usize)
        .map(str::len)
        .sum();
    let line = text[line_start.min(text.len())..]
        .split('\n')
        .next()
        .unwrap_or("");
    let col = line
        .char_indices()
        .nth(span.column.saturating_sub(1) as usize)
        .map_or(line.len(), |(i, _)| i);
    let start = line_start + col;
    let rest = line.len() - col;
    let first_char = line[col..].chars().next().map_or(0, char::len_utf8);
    let mut len = span.len.min(rest).max(first_char);
    while !text.is_char_boundary(start + len) {
        len -= 1;
    }
    start..start + len
}

/// Writes every file, or none: each is first written completely to a temporary file
/// beside its target, and only when all are written are they renamed into place. On
/// failure the temporary files are removed and no target is touched. Returns the files
/// written; if a rename fails after others succeeded (which only the file system can
/// cause), the error is followed by a note for each file already in place.
pub fn write_all(files: &[(&Path, &[u8])]) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    let mut staged = Vec::new();
    for (path, bytes) in files {
        staged.push(stage(path, bytes).map_err(|err| vec![err])?);
    }
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
    file: tempfile::NamedTempFile,
}

impl Staged {
    /// Renames the file into place.
    pub fn commit(self) -> Result<(), Diagnostic> {
        let path = self.path;
        self.file
            .persist(&path)
            .map(drop)
            .map_err(|err| write_error(&path, &err.error))
    }
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
    let mut file = tempfile::Builder::new()
        .prefix(".folio-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(fail)?;
    file.write_all(bytes).map_err(fail)?;
    // A temporary file is private (0600); an edition is meant to be read by others.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let readable = std::fs::Permissions::from_mode(0o644);
        file.as_file().set_permissions(readable).map_err(fail)?;
    }
    file.as_file().sync_all().map_err(fail)?;
    Ok(Staged {
        path: path.to_path_buf(),
        file,
    })
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
        let text = "ab\n“c” (4)\n";
        let r = byte_range(text, span(2, 5, 3));
        assert_eq!(&text[r], "(4)");
        // A length past the line end stops at the line end.
        let r = byte_range(text, span(1, 2, 99));
        assert_eq!(&text[r], "b");
        // Line 0 or past the end never panics.
        let _ = byte_range(text, span(9, 9, 9));
        let _ = byte_range(text, span(0, 0, 0));
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
