//! The `folio` commands, one file each; `output` renders diagnostics and writes files.

pub mod access;
pub mod batch;
pub mod build;
pub mod check;
pub mod cite;
pub mod convert;
pub mod init;
pub mod manifest;
pub mod model;
pub mod output;
pub mod pool;
pub mod publish;
pub mod report;
pub mod series;
pub mod watch;

use std::path::Path;
use std::process::ExitCode;

use folio::Document;
use folio::diag::Diagnostic;
use folio::model::Span;

use output::Findings;

/// Reads, parses and resolves one profile, recording its text and findings.
/// `None` when the file could not be read at all.
pub fn load_profile(path: &Path, findings: &mut Findings) -> Option<Document> {
    let input = match folio::load::read_input(path) {
        Ok(input) => input,
        Err(err) => {
            findings.push(*err);
            return None;
        }
    };
    findings.add_source(&input.name, &input.bytes);
    let doc = folio::resolve::resolve(folio::read::read(&input.name, &input.bytes));
    findings.extend(doc.diagnostics.iter().cloned());
    Some(doc)
}

/// `SOURCE_DATE_EPOCH` (seconds since 1970), the one clock folio's outputs may use;
/// from 1970 to the end of year 9999, the dates both editions can write.
pub fn source_date_epoch() -> Result<Option<i64>, Diagnostic> {
    /// 9999-12-31T23:59:59Z.
    const LAST: i64 = 253_402_300_799;
    let value = match std::env::var("SOURCE_DATE_EPOCH") {
        Err(_) => return Ok(None),
        Ok(value) if value.trim().is_empty() => return Ok(None),
        Ok(value) => value,
    };
    let error = |what: &str| {
        Diagnostic::error(
            "E-SOURCE-DATE-EPOCH",
            "SOURCE_DATE_EPOCH",
            Span::default(),
            format!("SOURCE_DATE_EPOCH is not {what}: `{value}`"),
        )
    };
    let seconds: i64 = value
        .trim()
        .parse()
        .map_err(|_| error("a whole number of seconds"))?;
    if !(0..=LAST).contains(&seconds) {
        return Err(error("between 0 (1970) and 253402300799 (the end of 9999)"));
    }
    Ok(Some(seconds))
}

/// Prints the findings, then the files written; 0 when all went well, 1 otherwise.
pub fn finish(findings: &Findings, written: Option<Vec<std::path::PathBuf>>) -> ExitCode {
    findings.print(output::Format::Human);
    for path in written.iter().flatten() {
        eprintln!("wrote {}", path.display());
    }
    exit(written.is_none())
}

/// 0 on success, 1 on failure.
pub fn exit(failed: bool) -> ExitCode {
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
