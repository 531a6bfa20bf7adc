//! The one module of the library that touches the file system.
//!
//! Everything else takes bytes and returns bytes; this module turns paths into bytes
//! for the `folio` binary: input files, `book.toml` and its profile list, images a
//! document refers to, a templates directory and a cover. Failures come back as
//! [`Diagnostic`]s naming the file, so the binary reports them like any other finding.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::config::BookConfig;
use crate::diag::Diagnostic;
use crate::model::{Block, Document, Inline, Span};

/// An input file: the name diagnostics use (the path as given) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The path as the user wrote it.
    pub name: String,
    /// The raw bytes, not yet decoded.
    pub bytes: Vec<u8>,
}

/// A book directory: its parsed `book.toml` and where things are.
#[derive(Debug, Clone)]
pub struct BookDir {
    /// The directory holding `book.toml`.
    pub dir: PathBuf,
    /// `book.toml` as written (for diagnostics that quote it).
    pub config_text: String,
    /// The parsed configuration.
    pub config: BookConfig,
}

/// Reads one input file.
pub fn read_input(path: &Path) -> Result<Input, Box<Diagnostic>> {
    let name = path.display().to_string();
    let bytes = fs::read(path).map_err(|err| io_error(&name, &err))?;
    Ok(Input { name, bytes })
}

/// Reads `DIR/book.toml`; a typo or a wrong type there is an error with its line.
pub fn read_book(dir: &Path) -> Result<BookDir, Box<Diagnostic>> {
    let path = dir.join("book.toml");
    let name = path.display().to_string();
    let bytes = fs::read(&path).map_err(|err| io_error(&name, &err))?;
    let text = String::from_utf8(bytes).map_err(|err| {
        let offset = err.utf8_error().valid_up_to();
        Box::new(
            Diagnostic::error(
                "E-ENCODING",
                &name,
                Span::default(),
                format!("book.toml is not UTF-8 (byte {offset})"),
            )
            .with_hint("save the file as UTF-8"),
        )
    })?;
    let config = BookConfig::parse(&name, &text)?;
    Ok(BookDir {
        dir: dir.to_path_buf(),
        config_text: text,
        config,
    })
}

impl BookDir {
    /// The profile files in reading order: `profiles` from `book.toml`, else every
    /// `.md` and `.txt` file of the directory sorted by name.
    pub fn profiles(&self) -> Result<Vec<PathBuf>, Box<Diagnostic>> {
        if let Some(list) = &self.config.profiles {
            return expand_profiles(&self.dir, list);
        }
        let name = self.dir.display().to_string();
        let entries = fs::read_dir(&self.dir).map_err(|err| io_error(&name, &err))?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| {
                path.is_file()
                    && matches!(
                        path.extension().and_then(|e| e.to_str()),
                        Some("md" | "txt")
                    )
            })
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(Box::new(
                Diagnostic::error(
                    "E-NO-PROFILES",
                    &name,
                    Span::default(),
                    "the book directory has no .md or .txt profiles",
                )
                .with_hint("add profiles or list them under `profiles` in book.toml"),
            ));
        }
        Ok(files)
    }

    /// A path from `book.toml`, relative to its directory.
    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.join(relative)
    }
}

/// Reads the local images a document refers to, keyed by the path as written.
///
/// Paths are relative to the document's own file. URLs are left to the reader's
/// software. A missing image is a warning naming file and line, never a failed build.
pub fn read_images(
    doc: &Document,
    doc_path: &Path,
) -> (BTreeMap<String, Vec<u8>>, Vec<Diagnostic>) {
    let base = doc_path.parent().unwrap_or(Path::new(""));
    let mut images = BTreeMap::new();
    let mut diagnostics = Vec::new();
    for (src, span) in image_refs(&doc.blocks) {
        if is_remote(&src) || images.contains_key(&src) {
            continue;
        }
        match fs::read(base.join(&src)) {
            Ok(bytes) => {
                images.insert(src, bytes);
            }
            Err(err) => diagnostics.push(
                Diagnostic::warning(
                    "W-IMAGE-MISSING",
                    &doc.meta.source_file,
                    span,
                    format!("image `{src}` cannot be read: {}", lower(&err)),
                )
                .with_hint("the path is relative to the profile's own file"),
            ),
        }
    }
    (images, diagnostics)
}

/// Reads every file of a templates directory, keyed by file name.
pub fn read_templates(dir: &Path) -> Result<BTreeMap<String, String>, Box<Diagnostic>> {
    let name = dir.display().to_string();
    let entries = fs::read_dir(dir).map_err(|err| io_error(&name, &err))?;
    let mut templates = BTreeMap::new();
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if !path.is_file() {
            continue;
        }
        let file = path.display().to_string();
        let bytes = fs::read(&path).map_err(|err| io_error(&file, &err))?;
        let text = String::from_utf8(bytes).map_err(|_| {
            Box::new(Diagnostic::error(
                "E-ENCODING",
                &file,
                Span::default(),
                "template is not UTF-8",
            ))
        })?;
        let key = entry.file_name().to_string_lossy().into_owned();
        templates.insert(key, text);
    }
    Ok(templates)
}

/// Reads a cover image: its file name and bytes.
pub fn read_cover(path: &Path) -> Result<(String, Vec<u8>), Box<Diagnostic>> {
    let name = path.display().to_string();
    let bytes = fs::read(path).map_err(|err| io_error(&name, &err))?;
    let file_name = path
        .file_name()
        .map_or_else(|| "cover".to_string(), |n| n.to_string_lossy().into_owned());
    Ok((file_name, bytes))
}

/// `profiles` from `book.toml` as files: a plain entry is taken as written; an entry
/// with `*`, `?` or `[` is a glob whose `.md` and `.txt` matches come in name order.
/// Each file comes once, at its first place.
fn expand_profiles(dir: &Path, list: &[String]) -> Result<Vec<PathBuf>, Box<Diagnostic>> {
    let mut files: Vec<PathBuf> = Vec::new();
    for entry in list {
        if !entry.contains(['*', '?', '[']) {
            files.push(dir.join(entry));
            continue;
        }
        let pattern = dir.join(entry).display().to_string();
        let bad = |message: String| {
            Box::new(
                Diagnostic::error(
                    "E-NO-PROFILES",
                    &dir.join("book.toml").display().to_string(),
                    Span::default(),
                    message,
                )
                .with_hint("patterns are relative to book.toml, as in \"profiles/*.md\""),
            )
        };
        let paths = glob::glob(&pattern)
            .map_err(|err| bad(format!("`{entry}` is not a pattern: {}", err.msg)))?;
        let mut matched: Vec<PathBuf> = paths
            .filter_map(Result::ok)
            .filter(|p| {
                p.is_file()
                    && p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                        e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("txt")
                    })
            })
            .collect();
        if matched.is_empty() {
            return Err(bad(format!("`{entry}` matches no .md or .txt file")));
        }
        matched.sort();
        files.extend(matched);
    }
    let mut seen = std::collections::BTreeSet::new();
    files.retain(|f| seen.insert(f.clone()));
    Ok(files)
}

fn io_error(name: &str, err: &std::io::Error) -> Box<Diagnostic> {
    Box::new(Diagnostic::error(
        "E-IO",
        name,
        Span::default(),
        format!("cannot read the file: {}", lower(err)),
    ))
}

/// An io::Error's message, lowercased at the start to match diagnostic style.
fn lower(err: &std::io::Error) -> String {
    let text = err.to_string();
    let text = text.split(" (os error").next().unwrap_or(&text).to_string();
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => text,
    }
}

fn is_remote(src: &str) -> bool {
    src.contains("://") || src.starts_with("data:")
}

/// Every image path in the blocks with its span, in reading order. Iterative, so
/// deeply nested quotes cannot overflow the stack.
fn image_refs(blocks: &[Block]) -> Vec<(String, Span)> {
    let mut found = Vec::new();
    let mut block_stack: Vec<&Block> = blocks.iter().rev().collect();
    while let Some(block) = block_stack.pop() {
        let mut inlines: Vec<&Inline> = Vec::new();
        match block {
            Block::Heading { content, .. } | Block::Paragraph { content, .. } => {
                inlines.extend(content.iter().rev());
            }
            Block::Figure {
                src: Some(src),
                span,
                caption,
                ..
            } => {
                found.push((src.clone(), *span));
                inlines.extend(caption.iter().rev());
            }
            Block::Figure { caption, .. } => inlines.extend(caption.iter().rev()),
            Block::Quote { blocks } => block_stack.extend(blocks.iter().rev()),
            Block::List { items, .. } => {
                block_stack.extend(items.iter().rev().flat_map(|item| item.iter().rev()));
            }
            Block::Table { head, rows, .. } => {
                let cells = head.iter().chain(rows.iter().flatten());
                let cells: Vec<_> = cells.collect();
                inlines.extend(cells.into_iter().rev().flat_map(|c| c.iter().rev()));
            }
            Block::Code { .. } | Block::Rule => {}
        }
        while let Some(inline) = inlines.pop() {
            match inline {
                Inline::Image { src, span, .. } => found.push((src.clone(), *span)),
                Inline::Emph(c) | Inline::Strong(c) | Inline::Strike(c) => {
                    inlines.extend(c.iter().rev());
                }
                Inline::Link { content, .. } => inlines.extend(content.iter().rev()),
                _ => {}
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(src: &str, line: u32) -> Inline {
        Inline::Image {
            src: src.to_string(),
            alt: String::new(),
            span: Span {
                line,
                column: 1,
                offset: 0,
                len: 0,
            },
        }
    }

    #[test]
    fn finds_images_in_nested_blocks_in_order() {
        let blocks = vec![
            Block::Paragraph {
                content: vec![Inline::Emph(vec![image("a.png", 1)])],
                span: Span::default(),
            },
            Block::Quote {
                blocks: vec![Block::List {
                    start: None,
                    items: vec![vec![Block::Paragraph {
                        content: vec![image("b.png", 5)],
                        span: Span::default(),
                    }]],
                }],
            },
        ];
        let found: Vec<_> = image_refs(&blocks).into_iter().map(|(s, _)| s).collect();
        assert_eq!(found, ["a.png", "b.png"]);
    }

    #[test]
    fn a_missing_image_is_a_warning_with_its_line() {
        let mut doc = Document::default();
        doc.meta.source_file = "p.md".to_string();
        doc.blocks = vec![Block::Paragraph {
            content: vec![
                image("nowhere-folio-test.png", 7),
                image("https://x/y.png", 8),
            ],
            span: Span::default(),
        }];
        let (images, diags) = read_images(&doc, Path::new("/nonexistent/p.md"));
        assert!(images.is_empty());
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, "W-IMAGE-MISSING");
        assert_eq!(diags[0].span.line, 7);
        assert_eq!(diags[0].file, "p.md");
    }

    #[test]
    fn profile_globs_expand_in_order_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("p")).unwrap();
        for name in ["p/b.md", "p/a.txt", "p/c.pdf", "intro.md"] {
            std::fs::write(root.join(name), "x").unwrap();
        }
        let list = ["intro.md", "p/b.md", "p/*"].map(String::from);
        let files = expand_profiles(root, &list).unwrap();
        let names: Vec<_> = files
            .iter()
            .map(|f| f.strip_prefix(root).unwrap().display().to_string())
            .collect();
        assert_eq!(names, ["intro.md", "p/b.md", "p/a.txt"]);
        let err = expand_profiles(root, &["q/*.md".to_string()]).unwrap_err();
        assert!(err.message.contains("q/*.md"), "{}", err.message);
    }

    #[test]
    fn an_unreadable_input_names_the_file() {
        let err = read_input(Path::new("/nonexistent/folio.md")).unwrap_err();
        assert_eq!(err.code, "E-IO");
        assert_eq!(err.file, "/nonexistent/folio.md");
    }
}
