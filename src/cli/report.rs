//! What `build`, `convert` and `batch` tell scripts: one JSON record per input (or per
//! book), and the counts a summary line is made of.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use folio::Document;
use folio::diag::{Diagnostic, Severity};
use serde::Serialize;

use super::output::{Findings, Format};

/// One converted input (or built book) as `--format json` prints it, on one line.
#[derive(Debug, Clone, Serialize)]
pub struct Record {
    /// The input as found (for `build`, the book's `book.toml`).
    pub path: String,
    /// `converted`, `warnings` (converted, with warnings) or `failed`.
    pub status: Status,
    /// The files written, none when the input failed.
    pub outputs: Vec<String>,
    /// Notes of the resolved input(s).
    pub notes: usize,
    /// Sources of the resolved input(s).
    pub sources: usize,
    /// Errors among the diagnostics.
    pub errors: usize,
    /// Warnings among the diagnostics.
    pub warnings: usize,
    /// Every diagnostic, in the order found.
    pub diagnostics: Vec<Diagnostic>,
    /// Wall time in milliseconds (the one value that differs between runs).
    pub time_ms: f64,
}

/// How one input fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Written, without warnings.
    Converted,
    /// Written, with warnings.
    Warnings,
    /// Not written.
    Failed,
}

impl Record {
    /// The record of one input (or book): `written` is `None` when nothing was written.
    pub fn new(
        path: String,
        documents: &[Document],
        diagnostics: &[Diagnostic],
        written: Option<&[PathBuf]>,
        time: Duration,
    ) -> Record {
        let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
        let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
        let status = match written {
            None => Status::Failed,
            Some(_) if errors > 0 => Status::Failed,
            Some(_) if warnings > 0 => Status::Warnings,
            Some(_) => Status::Converted,
        };
        Record {
            path,
            status,
            outputs: written
                .unwrap_or_default()
                .iter()
                .map(|p| p.display().to_string())
                .collect(),
            notes: documents.iter().map(|d| d.notes.len()).sum(),
            sources: documents.iter().map(|d| d.sources.len()).sum(),
            errors,
            warnings,
            diagnostics: diagnostics.to_vec(),
            time_ms: (time.as_secs_f64() * 1000.0 * 10.0).round() / 10.0,
        }
    }

    /// The record as one line of JSON.
    pub fn to_line(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".to_string())
    }

    /// Why it failed, in a few words: the first error's message, with its place.
    pub fn reason(&self) -> String {
        self.diagnostics
            .iter()
            .find(|d| d.severity == Severity::Error)
            .map_or_else(
                || "no edition was written".to_string(),
                |d| format!("{} {}", d.code, d.message),
            )
    }
}

/// Counts for the summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Inputs written (with or without warnings).
    pub converted: usize,
    /// Inputs written with warnings.
    pub warnings: usize,
    /// Inputs not written.
    pub failed: usize,
}

impl Tally {
    /// Counts one record.
    pub fn add(&mut self, record: &Record) {
        match record.status {
            Status::Converted => self.converted += 1,
            Status::Warnings => {
                self.converted += 1;
                self.warnings += 1;
            }
            Status::Failed => self.failed += 1,
        }
    }

    /// "48 converted, 3 with warnings, 2 failed".
    pub fn line(&self) -> String {
        format!(
            "{} converted, {} with warnings, {} failed",
            self.converted, self.warnings, self.failed
        )
    }
}

/// Ends `build` or `convert`: the findings (human) and `notes` on standard error, or the
/// record as JSON on standard output; exit 1 when nothing was written, or on warnings
/// when they are denied.
pub fn finish(
    findings: &Findings,
    record: &Record,
    notes: &[String],
    format: Format,
    deny_warnings: bool,
) -> ExitCode {
    match format {
        Format::Human => {
            findings.print(Format::Human);
            for note in notes {
                eprintln!("{note}");
            }
        }
        Format::Json => println!("{}", record.to_line()),
    }
    super::exit(record.status == Status::Failed || (deny_warnings && record.warnings > 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use folio::model::Span;

    #[test]
    fn status_and_tally_follow_the_diagnostics() {
        let warn = Diagnostic::warning("W-X", "a.md", Span::default(), "w");
        let err = Diagnostic::error("E-X", "b.md", Span::default(), "broken");
        let ok = Record::new("a".into(), &[], &[], Some(&[]), Duration::ZERO);
        let warned = Record::new("a".into(), &[], &[warn], Some(&[]), Duration::ZERO);
        let failed = Record::new("b".into(), &[], &[err], None, Duration::ZERO);
        assert_eq!(ok.status, Status::Converted);
        assert_eq!(warned.status, Status::Warnings);
        assert_eq!(failed.status, Status::Failed);
        assert_eq!(failed.reason(), "E-X broken");
        let mut tally = Tally::default();
        for r in [&ok, &warned, &failed] {
            tally.add(r);
        }
        assert_eq!(tally.line(), "2 converted, 1 with warnings, 1 failed");
        let json: serde_json::Value = serde_json::from_str(&failed.to_line()).unwrap();
        assert_eq!(json["status"], "failed");
        assert_eq!(json["diagnostics"][0]["code"], "E-X");
    }
}
