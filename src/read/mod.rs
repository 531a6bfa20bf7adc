//! Readers: bytes in, an unresolved [`Document`] out.
//!
//! The stages, in the order [`read`] runs them:
//!
//! 1. [`decode`]: BOM, NUL bytes, UTF-8, CRLF → LF, presentation-form ligatures
//!    (ﬁ, ﬂ) → letters; unreadable input stops here.
//! 2. [`front`]: YAML (`---`) or TOML (`+++`) front matter at byte 0, Markdown only.
//! 3. [`markdown`] or [`text`]: blocks, inlines, footnote definitions.
//!    The text reader first drops page [`debris`] (menus, banners, footers) and strips
//!    [`wiki`] furniture (edit links, maintenance tags) from the article.
//! 4. [`cited`] is shared by both: it recognises a works-cited heading and parses the
//!    entries after it into [`Document::entries`].
//!
//! "(4)" markers stay plain text; [`crate::resolve`] recognises them later.

mod cited;
/// Whether a heading's text opens a works-cited list ("Works Cited", "Bibliography:",
/// "References (APA)"): resolution reads a bibliography written as text under one.
pub(crate) use cited::is_heading as is_works_cited_heading;
/// A numbered list no known heading opened, which the text's brackets cite: the place
/// of its first line and its last number (see [`cited::unheaded_list`]).
pub(crate) use cited::unheaded_list;
mod debris;
mod decode;
mod front;
mod lowercase;
mod markdown;
mod smart;
mod text;
mod wiki;

use std::cell::Cell;

use crate::diag::Diagnostic;
use crate::model::{Document, Metadata, Span};

/// Reads one profile. Never panics; problems become diagnostics in `Document::diagnostics`
/// (an Error diagnostic means the CLI must write nothing).
pub fn read(name: &str, bytes: &[u8]) -> Document {
    let mut doc = Document {
        meta: Metadata {
            lang: "en".to_string(),
            source_file: name.to_string(),
            ..Metadata::default()
        },
        slug: slug(name),
        ..Document::default()
    };
    let text = match decode::decode(name, bytes) {
        Ok(text) => text,
        Err(diag) => {
            doc.diagnostics.push(*diag);
            return doc;
        }
    };
    // Plain text copied from pages may break lines with Unicode's separators.
    let text = if !is_markdown(name) && text.contains(['\u{2028}', '\u{2029}']) {
        text.replace('\u{2028}', "\n").replace('\u{2029}', "\n\n")
    } else {
        text
    };
    let (text, controls) = decode::drop_controls(name, text);
    let (text, widenings) = decode::fold_ligatures(text);
    doc.diagnostics.extend(controls);
    // Findings from here on are placed in the text as read.
    let placed_from = doc.diagnostics.len();
    let src = Src::new(name, &text);
    let mut body_start = 0;
    if is_markdown(name) {
        body_start = front::read(&src, &mut doc);
        if doc.has_errors() {
            return doc;
        }
        markdown::read(&src, body_start, &mut doc);
    } else {
        text::read(&src, &mut doc);
    }
    doc.input = text;
    doc.widenings = widenings;
    if doc.meta.title.trim().is_empty() {
        let stem = std::path::Path::new(name)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or(name);
        doc.meta.title = stem.to_string();
        // where a title would go: the body's first written character
        let body = doc.input.get(body_start..).unwrap_or("");
        let at = body_start + body.find(|c: char| !c.is_whitespace()).unwrap_or(0);
        doc.diagnostics.push(
            Diagnostic::warning(
                "W-NO-TITLE",
                name,
                crate::diag::span_at(&doc.input, at, 0),
                "no title found; using the file name",
            )
            .with_hint(if is_markdown(name) {
                "start the file with a `# Title` line or give `title:` in front matter"
            } else {
                "start the file with the title on a line of its own"
            }),
        );
    }
    crate::diag::to_source_columns(&mut doc.diagnostics[placed_from..], &doc.widenings);
    doc
}

fn is_markdown(name: &str) -> bool {
    let ext = std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    ext == "md" || ext == "markdown"
}

/// The file stem as a slug ("profile" when nothing of it is usable).
fn slug(name: &str) -> String {
    let stem = std::path::Path::new(name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(name);
    crate::slug::slug(stem, "profile")
}

/// The decoded text of one file with a line index, so that turning a byte offset into
/// a [`Span`] costs a binary search instead of a scan from the start of the file.
pub(crate) struct Src<'a> {
    pub name: &'a str,
    pub text: &'a str,
    line_starts: Vec<usize>,
    /// The last (offset, column) computed, so that spans asked for in reading order on
    /// one very long line do not each count characters from the line start.
    last: Cell<(usize, u32)>,
}

impl<'a> Src<'a> {
    pub fn new(name: &'a str, text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Src {
            name,
            text,
            line_starts,
            last: Cell::new((0, 1)),
        }
    }

    /// The span of `len` bytes at `offset`.
    pub fn span(&self, offset: usize, len: usize) -> Span {
        let offset = floor_boundary(self.text, offset.min(self.text.len()));
        let line_ix = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let line_start = self.line_starts[line_ix];
        let (last_off, last_col) = self.last.get();
        let column = if last_off >= line_start && last_off <= offset {
            last_col + self.text[last_off..offset].chars().count() as u32
        } else {
            self.text[line_start..offset].chars().count() as u32 + 1
        };
        self.last.set((offset, column));
        Span {
            line: line_ix as u32 + 1,
            column,
            offset,
            len,
        }
    }

    /// The byte offset where a 1-based line starts (the end of the text past the last line).
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }

    pub fn warning(
        &self,
        code: &'static str,
        offset: usize,
        len: usize,
        msg: String,
    ) -> Diagnostic {
        Diagnostic::warning(code, self.name, self.span(offset, len), msg)
    }

    pub fn info(&self, code: &'static str, offset: usize, len: usize, msg: String) -> Diagnostic {
        Diagnostic::info(code, self.name, self.span(offset, len), msg)
    }

    pub fn error(&self, code: &'static str, offset: usize, len: usize, msg: String) -> Diagnostic {
        Diagnostic::error(code, self.name, self.span(offset, len), msg)
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Splits text into lines with the byte offset where each starts; no line keeps its `\n`.
pub(crate) fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0;
    text.split_inclusive('\n').map(move |raw| {
        let start = offset;
        offset += raw.len();
        (start, raw.strip_suffix('\n').unwrap_or(raw))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_is_lowercase_stem_with_dashes() {
        assert_eq!(slug("dir/My Profile (v2).md"), "my-profile-v2");
        assert_eq!(slug("000_523d4c1007ee5f3f.txt"), "000-523d4c1007ee5f3f");
        assert_eq!(slug("???.txt"), "profile");
        assert_eq!(slug("Le Comité de Genève.md"), "le-comite-de-geneve");
    }

    #[test]
    fn format_follows_extension() {
        assert!(is_markdown("a.md"));
        assert!(is_markdown("a.MARKDOWN"));
        assert!(!is_markdown("a.txt"));
        assert!(!is_markdown("md"));
    }

    #[test]
    fn spans_agree_with_diag_line_col() {
        let text = "ab\n“c”d\n\nxyz “q” w";
        let src = Src::new("f", text);
        // out of order on purpose: the cache must not change results
        for off in [12, 0, 3, 7, 14, 2, 9, 20, 10] {
            let off = floor_boundary(text, off);
            let span = src.span(off, 1);
            assert_eq!(
                (span.line, span.column),
                crate::diag::line_col(text, off),
                "{off}"
            );
        }
    }

    #[test]
    fn missing_title_falls_back_to_the_file_name() {
        let doc = read("dir/notes-2024.md", b"Just a paragraph.\n");
        assert_eq!(doc.meta.title, "notes-2024");
        assert_eq!(doc.diagnostics[0].code, "W-NO-TITLE");
        let long = "word ".repeat(100);
        let doc = read("x.txt", long.as_bytes());
        assert_eq!(doc.meta.title, "x");
        assert_eq!(doc.blocks.len(), 1);
    }

    #[test]
    fn metadata_defaults() {
        let doc = read("x/Some File.txt", b"Title\n\nBody text here.\n");
        assert_eq!(doc.meta.lang, "en");
        assert_eq!(doc.meta.source_file, "x/Some File.txt");
        assert_eq!(doc.slug, "some-file");
    }
}
