//! Diagnostics: every finding has a code, a severity, a lowercase message, a place
//! (file, line, column, byte span) and an optional hint.
//!
//! Codes are stable and documented in the README: `E…` errors stop output, `W…`
//! warnings never do, `I…` notes are informational.

use serde::Serialize;

use crate::model::Span;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informational; never changes the exit code.
    Info,
    /// Something a reader would notice; fails only under `--deny-warnings`.
    Warning,
    /// Nothing is written and the exit code is 1.
    Error,
}

/// One finding about one place in one input.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Stable code such as `W-EMPTY-ENTRY`.
    pub code: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// Lowercase, no final period.
    pub message: String,
    /// The input file's name as given.
    pub file: String,
    /// Where; line 0 means the whole file.
    #[serde(flatten)]
    pub span: Span,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A new finding without a hint.
    pub fn new(
        code: &'static str,
        severity: Severity,
        file: &str,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            file: file.to_string(),
            span,
            hint: None,
        }
    }

    /// An error.
    pub fn error(code: &'static str, file: &str, span: Span, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Error, file, span, message)
    }

    /// A warning.
    pub fn warning(code: &'static str, file: &str, span: Span, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Warning, file, span, message)
    }

    /// An informational note.
    pub fn info(code: &'static str, file: &str, span: Span, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Info, file, span, message)
    }

    /// The same finding with a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl std::fmt::Display for Diagnostic {
    /// `file:line:column: severity[code]: message` — the one-line form.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sev = match self.severity {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        if self.span.line == 0 {
            write!(f, "{}: {sev}[{}]: {}", self.file, self.code, self.message)?;
        } else {
            write!(
                f,
                "{}:{}:{}: {sev}[{}]: {}",
                self.file, self.span.line, self.span.column, self.code, self.message
            )?;
        }
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}

/// A place where reading wrote more characters than the source has: a presentation
/// ligature (ﬁ) read as its letters ("fi").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Widening {
    /// Line, from 1.
    pub line: u32,
    /// Column of the ligature's first letter in the text as read.
    pub column: u32,
    /// Characters added (1 for ﬁ, 2 for ﬃ).
    pub added: u32,
}

/// Moves the columns of `diagnostics`, computed on the text as read, back to the
/// source's: a place after a widening on its line moves left by what it added, a place
/// inside one goes to the ligature.
pub fn to_source_columns(diagnostics: &mut [Diagnostic], widenings: &[Widening]) {
    if widenings.is_empty() {
        return;
    }
    for d in diagnostics {
        let (line, column) = (d.span.line, d.span.column);
        let shift: u32 = widenings
            .iter()
            .filter(|w| w.line == line && w.column < column)
            .map(|w| w.added.min(column - w.column))
            .sum();
        d.span.column = column.saturating_sub(shift).max(1);
    }
}

/// Line and column (both from 1, column in chars) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.bytes().filter(|&b| b == b'\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() as u32 + 1;
    (line, column)
}

/// A [`Span`] for `len` bytes at `offset` in `text`.
pub fn span_at(text: &str, offset: usize, len: usize) -> Span {
    let (line, column) = line_col(text, offset);
    Span {
        line,
        column,
        offset,
        len,
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_from_one_in_chars() {
        let text = "ab\n“c”d\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        // after the 3-byte opening quote and 'c'
        assert_eq!(line_col(text, 7), (2, 3));
    }

    #[test]
    fn display_names_file_line_and_code() {
        let d = Diagnostic::warning(
            "W-EMPTY-ENTRY",
            "a.txt",
            span_at("x\ny", 2, 1),
            "empty entry",
        )
        .with_hint("fill it in");
        assert_eq!(
            d.to_string(),
            "a.txt:2:1: warning[W-EMPTY-ENTRY]: empty entry (hint: fill it in)"
        );
    }
}
