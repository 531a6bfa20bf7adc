//! Bytes to text: refuse what is not a UTF-8 text file, drop a BOM, and turn CRLF into
//! LF so that every later stage (and every span) sees one kind of line end.

use crate::diag::{Diagnostic, Widening};
use crate::model::Span;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The text of `bytes`, or the one error that makes the file unreadable.
pub(super) fn decode(name: &str, bytes: &[u8]) -> Result<String, Box<Diagnostic>> {
    let body = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let skipped = bytes.len() - body.len();
    if let Some(nul) = body.iter().position(|&b| b == 0) {
        let hint = if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
            "the file looks like UTF-16; convert it to UTF-8, e.g. iconv -f UTF-16 -t UTF-8"
        } else {
            "give folio a Markdown (.md) or plain text (.txt) file"
        };
        let span = place(body, nul, skipped);
        return Err(Box::new(
            Diagnostic::error(
                "E-BINARY",
                name,
                span,
                format!("file is binary (a NUL byte at byte {})", nul + skipped),
            )
            .with_hint(hint),
        ));
    }
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(err) => {
            let bad = err.valid_up_to();
            let span = place(body, bad, skipped);
            return Err(Box::new(
                Diagnostic::error(
                    "E-ENCODING",
                    name,
                    span,
                    format!(
                        "file is not UTF-8: line {}, byte {} (0x{:02X})",
                        span.line,
                        bad + skipped,
                        body[bad]
                    ),
                )
                .with_hint(
                    "the file looks like Latin-1/Windows-1252; convert it to UTF-8, \
                     e.g. iconv -f WINDOWS-1252 -t UTF-8",
                ),
            ));
        }
    };
    if text.trim().is_empty() {
        return Err(Box::new(
            Diagnostic::error(
                "E-EMPTY",
                name,
                Span {
                    len: 0,
                    ..place(body, 0, skipped)
                },
                "file is empty",
            )
            .with_hint("write the profile, or leave the file out"),
        ));
    }
    // CRLF (Windows) and a lone CR (old Mac files) end a line as LF does.
    if !text.contains('\r') {
        return Ok(text.to_string());
    }
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// `text` without control characters other than tab and line feed (ESC, BEL, a form
/// feed, C1 controls): they draw nothing, an EPUB may not hold them, and no font has a
/// glyph for them. The warning, if any were dropped, is placed at the first.
pub(super) fn drop_controls(name: &str, text: String) -> (String, Option<Diagnostic>) {
    let is_stray = |c: char| c.is_control() && c != '\t' && c != '\n';
    // Control characters are U+0000–U+001F and U+007F–U+009F, the last written C2 80
    // to C2 9F: a text without those bytes has none, and is not decoded to find out.
    let may_hold = |b: &u8| (*b < 0x20 && !matches!(b, b'\t' | b'\n')) || matches!(b, 0x7F | 0xC2);
    if !text.as_bytes().iter().any(may_hold) {
        return (text, None);
    }
    let Some(first) = text.find(is_stray) else {
        return (text, None);
    };
    let count = text.chars().filter(|&c| is_stray(c)).count();
    let span = Span {
        len: 1,
        ..place(text.as_bytes(), first, 0)
    };
    let warning = Diagnostic::warning(
        "W-CONTROL-CHAR",
        name,
        span,
        format!(
            "{count} control character{} (such as U+{:04X}) dropped",
            if count == 1 { "" } else { "s" },
            text[first..].chars().next().map_or(0, u32::from)
        ),
    )
    .with_hint("control characters print nothing; remove them from the source");
    (text.replace(is_stray, ""), Some(warning))
}

/// `text` with the Latin presentation-form ligatures (U+FB00–U+FB06: ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ)
/// written as their letters, and where each one widened its line (for diagnostics'
/// columns, [`crate::diag::to_source_columns`]). Text copied from a PDF often carries
/// them; left in, a search for "first" misses "ﬁrst" in both editions, and the PDF's
/// own shaping makes the ligature again where the font has one.
pub(super) fn fold_ligatures(text: String) -> (String, Vec<Widening>) {
    // They are written EF AC 80 to EF AC 86: most texts have no EF byte at all.
    if !text.as_bytes().contains(&0xEF)
        || !text.contains(|c: char| ('\u{FB00}'..='\u{FB06}').contains(&c))
    {
        return (text, Vec::new());
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut widenings = Vec::new();
    let (mut line, mut column) = (1, 1);
    for c in text.chars() {
        let letters = match c {
            '\u{FB00}' => "ff",
            '\u{FB01}' => "fi",
            '\u{FB02}' => "fl",
            '\u{FB03}' => "ffi",
            '\u{FB04}' => "ffl",
            '\u{FB05}' | '\u{FB06}' => "st",
            '\n' => {
                out.push(c);
                (line, column) = (line + 1, 1);
                continue;
            }
            c => {
                out.push(c);
                column += 1;
                continue;
            }
        };
        out.push_str(letters);
        let added = letters.len() as u32 - 1;
        widenings.push(Widening {
            line,
            column,
            added,
        });
        column += added + 1;
    }
    (out, widenings)
}

/// Line and column of byte `at` of `body`, which may hold invalid UTF-8 after `at`.
fn place(body: &[u8], at: usize, skipped: usize) -> Span {
    let before = &body[..at];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count() as u32
        + 1;
    Span {
        line,
        column,
        offset: at + skipped,
        len: 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(bytes: &[u8]) -> Diagnostic {
        *decode("f.txt", bytes).expect_err("should fail")
    }

    #[test]
    fn control_characters_are_dropped_with_a_placed_warning() {
        let (text, warning) = drop_controls(
            "f.txt",
            "Title\n\nA \u{1b}[31mred\u{7} word\tend\n".to_string(),
        );
        assert_eq!(text, "Title\n\nA [31mred word\tend\n");
        let warning = warning.expect("a warning");
        assert_eq!(warning.code, "W-CONTROL-CHAR");
        assert_eq!((warning.span.line, warning.span.column), (3, 3));
        assert!(
            warning.message.starts_with("2 control characters"),
            "{}",
            warning.message
        );
        assert!(
            drop_controls("f.txt", "Tab\tand line\n".to_string())
                .1
                .is_none()
        );
    }

    #[test]
    fn presentation_ligatures_become_letters() {
        let (text, widenings) =
            fold_ligatures("ﬁrst ﬂoor,\noﬀer, eﬃcient, ba\u{FB04}e, \u{FB05} \u{FB06}".to_string());
        assert_eq!(text, "first floor,\noffer, efficient, baffle, st st");
        let at = |w: &Widening| (w.line, w.column, w.added);
        assert_eq!(
            widenings.iter().map(at).take(4).collect::<Vec<_>>(),
            [(1, 1, 1), (1, 7, 1), (2, 2, 1), (2, 9, 2)]
        );
        assert_eq!(fold_ligatures("fine".to_string()).1, []);
    }

    #[test]
    fn bom_is_dropped_and_crlf_becomes_lf() {
        assert_eq!(decode("f", b"\xEF\xBB\xBFa\r\nb\r\n").unwrap(), "a\nb\n");
    }

    #[test]
    fn empty_and_whitespace_only_are_errors() {
        assert_eq!(err(b"").code, "E-EMPTY");
        assert_eq!(err(b" \r\n\t\n").code, "E-EMPTY");
        assert_eq!(err(b"\xEF\xBB\xBF\n").code, "E-EMPTY");
    }

    #[test]
    fn nul_byte_means_binary() {
        let d = err(b"PK\x03\x04\x00\x00");
        assert_eq!(d.code, "E-BINARY");
        assert!(d.hint.is_some());
        assert!(err(b"\xFF\xFEa\x00b\x00").hint.unwrap().contains("UTF-16"));
    }

    #[test]
    fn latin1_reports_line_and_byte() {
        // "café" in Windows-1252 on line 3, byte 16
        let d = err(b"Title\n\nA caf\xE9 here\n");
        assert_eq!(d.code, "E-ENCODING");
        assert_eq!(d.span.line, 3);
        assert_eq!(d.span.column, 6);
        assert_eq!(d.span.offset, 12);
        assert!(d.message.contains("line 3"), "{}", d.message);
        assert!(d.message.contains("byte 12"), "{}", d.message);
        assert!(d.hint.unwrap().contains("iconv -f WINDOWS-1252"));
    }
}
