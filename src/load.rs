//! The one module of the library that touches the file system.
//!
//! Everything else takes bytes and returns bytes; this module turns paths into bytes
//! for the `folio` binary: input files, `book.toml` and its profile list, images a
//! document refers to, a templates directory and a cover. Failures come back as
//! [`Diagnostic`]s naming the file, so the binary reports them like any other finding.

mod images;
mod paths;
mod svg;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

pub use images::{Checked, check as check_image};
pub use paths::{Access, MAX_FILE_BYTES, MAX_IMAGE_PIXELS, OUTSIDE_HINT, Refusal};

use crate::config::BookConfig;
use crate::diag::{Diagnostic, span_at};
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

/// Reads one input file named by the user: any path, but only a regular file no
/// larger than [`MAX_FILE_BYTES`].
pub fn read_input(path: &Path) -> Result<Input, Box<Diagnostic>> {
    let name = path.display().to_string();
    let bytes = paths::read_regular(path, MAX_FILE_BYTES)
        .map_err(|refusal| Box::new(refusal.error(&name, Span::default(), "the file")))?;
    Ok(Input { name, bytes })
}

/// Reads `DIR/book.toml`; a typo or a wrong type there is an error with its line.
pub fn read_book(dir: &Path) -> Result<BookDir, Box<Diagnostic>> {
    let path = dir.join("book.toml");
    let name = path.display().to_string();
    let bytes = paths::read_regular(&path, MAX_FILE_BYTES)
        .map_err(|refusal| Box::new(refusal.error(&name, Span::default(), "the file")))?;
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
    /// What the book may read: the command line's allowances, `book.toml`'s
    /// `allow-outside` folders and the book's own folder (so a profile in a
    /// subfolder may use the book's images), and `book.toml`'s pixel budget unless the
    /// command line set one.
    pub fn access(&self, cli: &Access, cli_pixels: Option<u64>) -> Access {
        let mut access = cli.clone();
        access.allow_outside.push(self.dir.clone());
        access
            .allow_outside
            .extend(self.config.allow_outside.iter().map(|p| self.dir.join(p)));
        access.max_image_pixels = cli_pixels
            .or(self.config.max_image_pixels)
            .unwrap_or(MAX_IMAGE_PIXELS);
        access
    }

    /// The profile files in reading order: `profiles` from `book.toml`, else every
    /// `.md` and `.txt` file of the directory sorted by name. Each must lie inside the
    /// book's folder (or an allowed one) once symlinks are followed.
    pub fn profiles(&self, access: &Access) -> Result<Vec<PathBuf>, Box<Diagnostic>> {
        if let Some(list) = &self.config.profiles {
            return expand_profiles(self, list, access);
        }
        let name = self.dir.display().to_string();
        let entries = fs::read_dir(&self.dir).map_err(|err| {
            Box::new(Refusal::Io(err).error(&name, Span::default(), "the folder"))
        })?;
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
        for file in &files {
            let name = Path::new(file.file_name().unwrap_or_default());
            if let Err(refusal) = paths::resolve_inside(&self.dir, name, &[], access) {
                let shown = file.display().to_string();
                return Err(Box::new(refusal.error(
                    &shown,
                    Span::default(),
                    "the profile",
                )));
            }
        }
        Ok(files)
    }

    /// A path from `book.toml`, relative to its directory.
    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.join(relative)
    }

    /// A path `book.toml` names (a profile, the cover, the templates folder), checked
    /// to lie inside the book's folder or an allowed one; the error names the line of
    /// `book.toml` that gave it.
    pub fn inside(
        &self,
        relative: &str,
        access: &Access,
        what: &str,
    ) -> Result<PathBuf, Box<Diagnostic>> {
        self.inside_as(Path::new(relative), relative, access, what)
    }

    /// [`BookDir::inside`] for `relative`, which the `book.toml` string `entry` named
    /// (a glob's match, say); the error's span is `entry`'s.
    fn inside_as(
        &self,
        relative: &Path,
        entry: &str,
        access: &Access,
        what: &str,
    ) -> Result<PathBuf, Box<Diagnostic>> {
        match paths::resolve_inside(&self.dir, relative, &[], access) {
            Ok(_) => Ok(self.dir.join(relative)),
            Err(refusal) => {
                let file = self.dir.join("book.toml").display().to_string();
                let quoted = format!("\"{entry}\"");
                let span = self
                    .config_text
                    .find(&quoted)
                    .map_or_else(Span::default, |at| {
                        span_at(&self.config_text, at, quoted.len())
                    });
                Err(Box::new(refusal.error(&file, span, what)))
            }
        }
    }
}

/// The loader step every command runs on a resolved profile (`convert`, `check` and
/// `model` alike): the images it refers to, read and checked, keyed by the path as
/// written, and the findings — an image outside the profile's folder is an error
/// (`E-PATH-OUTSIDE`), a missing one `W-IMAGE-MISSING`, a special, oversized, corrupt
/// or empty one `W-IMAGE-BAD`, an SVG that had to be cleaned `W-SVG-UNSAFE`, a link no
/// edition will follow `W-LINK-UNSAFE`, a heading id already used `W-DUPLICATE-ID`,
/// and a language that is not a BCP 47 tag `W-LANG-INVALID`; all at the file and line
/// that name them.
pub fn assets(
    doc: &Document,
    doc_path: &Path,
    access: &Access,
) -> (BTreeMap<String, Vec<u8>>, Vec<Diagnostic>) {
    let base = match doc_path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let file = doc.meta.source_file.as_str();
    let refs = references(&doc.blocks);
    let mut images = BTreeMap::new();
    let mut diagnostics = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for (src, span) in refs.images {
        if !seen.insert(src.clone()) {
            continue;
        }
        if is_remote(&src) {
            // folio reads nothing but the files it was pointed at: no network.
            diagnostics.push(
                Diagnostic::warning(
                    "W-IMAGE-REMOTE",
                    file,
                    span,
                    format!("image `{src}` is not local and is left out"),
                )
                .with_hint("download the image next to the profile and refer to it by its path"),
            );
            continue;
        }
        match image(base, &src, access) {
            Ok(checked) => {
                if !checked.removed.is_empty() {
                    diagnostics.push(
                        Diagnostic::warning(
                            "W-SVG-UNSAFE",
                            file,
                            span,
                            format!("image `{src}`: removed {}", checked.removed.join(", ")),
                        )
                        .with_hint(
                            "an SVG in a book draws; it does not run code or load other files",
                        ),
                    );
                }
                images.insert(src, checked.bytes);
            }
            Err(Fault::Refused(refusal @ Refusal::Outside(_))) => {
                diagnostics.push(refusal.error(file, span, &format!("image `{src}`")));
            }
            Err(Fault::Refused(refusal)) if refusal.is_missing() => diagnostics.push(
                Diagnostic::warning(
                    "W-IMAGE-MISSING",
                    file,
                    span,
                    format!("image `{src}` cannot be read: {}", refusal.reason()),
                )
                .with_hint("the path is relative to the profile's own file"),
            ),
            Err(fault) => diagnostics.push(
                Diagnostic::warning(
                    "W-IMAGE-BAD",
                    file,
                    span,
                    format!("image `{src}` is left out: {}", fault.reason()),
                )
                .with_hint("the editions show its alternative text instead"),
            ),
        }
    }
    for (url, span) in refs.links {
        let url = url.trim();
        if url.starts_with('#') || crate::link::outside_href(url).is_some() {
            continue;
        }
        diagnostics.push(
            Diagnostic::warning(
                "W-LINK-UNSAFE",
                file,
                span,
                format!("the link to `{url}` is printed as text"),
            )
            .with_hint("only http, https and mailto links are followed in the editions"),
        );
    }
    let lang = doc.meta.lang.trim();
    if !lang.is_empty() && !crate::lang::is_language_tag(lang) {
        diagnostics.push(
            Diagnostic::warning(
                "W-LANG-INVALID",
                file,
                Span::default(),
                format!(
                    "`{lang}` is not a BCP 47 language tag; both editions use `{}`",
                    crate::lang::FALLBACK
                ),
            )
            .with_hint("write a tag such as `en`, `fr` or `en-GB`"),
        );
    }
    let mut ids = std::collections::BTreeSet::new();
    for (id, span) in refs.heading_ids {
        if !ids.insert(id.clone()) {
            diagnostics.push(
                Diagnostic::warning(
                    "W-DUPLICATE-ID",
                    file,
                    span,
                    format!("a heading before this one already has the id `{id}`"),
                )
                .with_hint("links to `#id` go to the first; give this heading another id"),
            );
        }
    }
    (images, diagnostics)
}

/// [`assets`] with the default access: nothing outside the profile's folder.
pub fn read_images(
    doc: &Document,
    doc_path: &Path,
) -> (BTreeMap<String, Vec<u8>>, Vec<Diagnostic>) {
    assets(doc, doc_path, &Access::default())
}

/// Adds one profile's images to the book's. Two profiles may each have their own
/// `fig.png`: when a path as written is already taken by different bytes, this
/// profile's copy gets a key of its own (`2/fig.png`) and the document is rewritten to
/// use it, so neither edition shows one profile's image in the other.
pub fn merge_images(
    all: &mut BTreeMap<String, Vec<u8>>,
    doc: &mut Document,
    found: BTreeMap<String, Vec<u8>>,
) {
    for (src, bytes) in found {
        let key = match all.get(&src) {
            None => src.clone(),
            Some(taken) if *taken == bytes => continue,
            Some(_) => (2..)
                .map(|n| format!("{n}/{src}"))
                .find(|key| all.get(key).is_none_or(|taken| *taken == bytes))
                .unwrap_or_default(),
        };
        if key != src {
            rename_image(&mut doc.blocks, &src, &key);
            for note in &mut doc.notes {
                rename_image(&mut note.body, &src, &key);
            }
        }
        all.insert(key, bytes);
    }
}

/// Points every image `from` in the blocks at `to`. Recursive: the readers flatten
/// nesting deeper than they follow, so the depth is bounded.
fn rename_image(blocks: &mut [Block], from: &str, to: &str) {
    fn inlines(content: &mut [Inline], from: &str, to: &str) {
        for inline in content {
            match inline {
                Inline::Image { src, .. } if src == from => *src = to.to_string(),
                Inline::Emph(c) | Inline::Strong(c) | Inline::Strike(c) => inlines(c, from, to),
                Inline::Link { content, .. } => inlines(content, from, to),
                _ => {}
            }
        }
    }
    for block in blocks {
        match block {
            Block::Heading { content, .. } | Block::Paragraph { content, .. } => {
                inlines(content, from, to);
            }
            Block::Figure { src, caption, .. } => {
                if src.as_deref() == Some(from) {
                    *src = Some(to.to_string());
                }
                inlines(caption, from, to);
            }
            Block::Quote { blocks } => rename_image(blocks, from, to),
            Block::List { items, .. } => {
                for item in items {
                    rename_image(item, from, to);
                }
            }
            Block::Table { head, rows, .. } => {
                for cell in head.iter_mut().chain(rows.iter_mut().flatten()) {
                    inlines(cell, from, to);
                }
            }
            Block::Code { .. } | Block::Rule => {}
        }
    }
}

/// Why an image was left out.
enum Fault {
    Refused(Refusal),
    Bad(String),
}

impl Fault {
    fn reason(&self) -> String {
        match self {
            Fault::Refused(refusal) => refusal.reason(),
            Fault::Bad(reason) => reason.clone(),
        }
    }
}

/// Reads and checks one image of a profile in `base`.
fn image(base: &Path, src: &str, access: &Access) -> Result<Checked, Fault> {
    let real =
        paths::resolve_inside(base, Path::new(src), &[base], access).map_err(Fault::Refused)?;
    let bytes = paths::read_regular(&real, access.max_file_bytes).map_err(Fault::Refused)?;
    images::check(src, bytes, access.max_image_pixels).map_err(Fault::Bad)
}

/// The templates of a templates directory, keyed by file name, with a warning
/// (`W-TEMPLATE-UNKNOWN`) for each other file, which is not read at all: a stray
/// binary file there never stops a build. Only regular files inside the directory are
/// read; a template that is not UTF-8 is an error.
pub type Templates = (BTreeMap<String, String>, Vec<Diagnostic>);

/// Reads a templates directory (see [`Templates`]).
pub fn read_templates(dir: &Path, access: &Access) -> Result<Templates, Box<Diagnostic>> {
    let name = dir.display().to_string();
    let entries = fs::read_dir(dir)
        .map_err(|err| Box::new(Refusal::Io(err).error(&name, Span::default(), "the folder")))?;
    let mut templates = BTreeMap::new();
    let mut warnings = Vec::new();
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(fs::DirEntry::file_name);
    for entry in entries {
        let path = entry.path();
        let file = path.display().to_string();
        let key = entry.file_name().to_string_lossy().into_owned();
        if !crate::epub::Templates::FILE_NAMES.contains(&key.as_str()) {
            warnings.push(
                Diagnostic::warning(
                    "W-TEMPLATE-UNKNOWN",
                    &file,
                    Span::default(),
                    format!("`{key}` is not a template folio uses; it is ignored"),
                )
                .with_hint(format!(
                    "templates are named {}",
                    crate::epub::Templates::FILE_NAMES.join(", ")
                )),
            );
            continue;
        }
        let read = paths::resolve_inside(dir, Path::new(&entry.file_name()), &[dir], access)
            .and_then(|real| paths::read_regular(&real, access.max_file_bytes));
        let bytes = read
            .map_err(|refusal| Box::new(refusal.error(&file, Span::default(), "the template")))?;
        let text = String::from_utf8(bytes).map_err(|_| {
            Box::new(Diagnostic::error(
                "E-ENCODING",
                &file,
                Span::default(),
                "template is not UTF-8",
            ))
        })?;
        templates.insert(key, text);
    }
    Ok((templates, warnings))
}

/// A cover image, read and checked like a profile's images, but an error when it
/// cannot be used (the user asked for it); an SVG cover is cleaned, with a warning.
pub struct Cover {
    /// Its file name.
    pub name: String,
    /// The bytes to package.
    pub bytes: Vec<u8>,
    /// A warning when an SVG had to be cleaned.
    pub warning: Option<Diagnostic>,
}

/// Reads a cover image: a regular file under the size cap, a valid image within the
/// pixel budget.
pub fn read_cover(path: &Path, access: &Access) -> Result<Cover, Box<Diagnostic>> {
    let name = path.display().to_string();
    let bytes = paths::read_regular(path, access.max_file_bytes)
        .map_err(|refusal| Box::new(refusal.error(&name, Span::default(), "the cover")))?;
    let file_name = path
        .file_name()
        .map_or_else(|| "cover".to_string(), |n| n.to_string_lossy().into_owned());
    let checked = images::check(&file_name, bytes, access.max_image_pixels).map_err(|reason| {
        Box::new(Diagnostic::error(
            "E-COVER-BAD",
            &name,
            Span::default(),
            format!("the cover cannot be used: {reason}"),
        ))
    })?;
    let warning = (!checked.removed.is_empty()).then(|| {
        Diagnostic::warning(
            "W-SVG-UNSAFE",
            &name,
            Span::default(),
            format!("the cover: removed {}", checked.removed.join(", ")),
        )
    });
    Ok(Cover {
        name: file_name,
        bytes: checked.bytes,
        warning,
    })
}

/// A file found below `root`, a folder the user named (as `batch` walks one), checked
/// to lie inside `root` or an allowed folder once symlinks are followed.
pub fn found_inside(root: &Path, path: &Path, access: &Access) -> Result<(), Box<Diagnostic>> {
    paths::resolve_inside(Path::new("."), path, &[root], access)
        .map(|_| ())
        .map_err(|refusal| {
            let name = path.display().to_string();
            Box::new(refusal.error(&name, Span::default(), "the profile"))
        })
}

/// `profiles` from `book.toml` as files: a plain entry is taken as written; an entry
/// with `*`, `?` or `[` is a glob whose `.md` and `.txt` matches come in name order.
/// Each file comes once, at its first place, and must lie inside the book's folder
/// (or an allowed one).
fn expand_profiles(
    book: &BookDir,
    list: &[String],
    access: &Access,
) -> Result<Vec<PathBuf>, Box<Diagnostic>> {
    let dir = &book.dir;
    let mut files: Vec<PathBuf> = Vec::new();
    for entry in list {
        if !entry.contains(['*', '?', '[']) {
            files.push(book.inside(entry, access, "the profile")?);
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
        for path in matched {
            let relative = path.strip_prefix(dir).unwrap_or(&path);
            files.push(book.inside_as(relative, entry, access, "the profile")?);
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    files.retain(|f| seen.insert(f.clone()));
    Ok(files)
}

fn is_remote(src: &str) -> bool {
    src.contains("://") || src.starts_with("data:")
}

/// What a document refers to: image paths and link targets, each with its place.
#[derive(Default)]
struct Refs {
    images: Vec<(String, Span)>,
    links: Vec<(String, Span)>,
    heading_ids: Vec<(String, Span)>,
}

/// Every image path (with its own span) and link target (with its paragraph's or
/// heading's span) in the blocks, in reading order. Iterative, so deeply nested quotes
/// cannot overflow the stack; blocks without a span of their own (a table, a list's
/// items) take the last one seen.
fn references(blocks: &[Block]) -> Refs {
    let mut found = Refs::default();
    let mut block_stack: Vec<&Block> = blocks.iter().rev().collect();
    let mut here = Span::default();
    while let Some(block) = block_stack.pop() {
        let mut inlines: Vec<&Inline> = Vec::new();
        match block {
            Block::Heading {
                content, span, id, ..
            } => {
                here = *span;
                found
                    .heading_ids
                    .extend(id.iter().map(|id| (id.clone(), *span)));
                inlines.extend(content.iter().rev());
            }
            Block::Paragraph { content, span } => {
                here = *span;
                inlines.extend(content.iter().rev());
            }
            Block::Figure {
                src, span, caption, ..
            } => {
                here = *span;
                if let Some(src) = src {
                    found.images.push((src.clone(), *span));
                }
                inlines.extend(caption.iter().rev());
            }
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
                Inline::Image { src, span, .. } => found.images.push((src.clone(), *span)),
                Inline::Emph(c) | Inline::Strong(c) | Inline::Strike(c) => {
                    inlines.extend(c.iter().rev());
                }
                Inline::Link { url, content } => {
                    found.links.push((url.clone(), here));
                    inlines.extend(content.iter().rev());
                }
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
        let found: Vec<_> = references(&blocks)
            .images
            .into_iter()
            .map(|(s, _)| s)
            .collect();
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
        assert_eq!(diags.len(), 2);
        assert_eq!(diags[0].code, "W-IMAGE-MISSING");
        assert_eq!(diags[0].span.line, 7);
        assert_eq!(diags[0].file, "p.md");
        // A remote image is never fetched, and the user is told so at its line.
        assert_eq!(diags[1].code, "W-IMAGE-REMOTE");
        assert_eq!(diags[1].span.line, 8);
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
        let book = BookDir {
            dir: root.to_path_buf(),
            config_text: String::new(),
            config: BookConfig::default(),
        };
        let access = book.access(&Access::default(), None);
        let files = expand_profiles(&book, &list, &access).unwrap();
        let names: Vec<_> = files
            .iter()
            .map(|f| f.strip_prefix(root).unwrap().display().to_string())
            .collect();
        assert_eq!(names, ["intro.md", "p/b.md", "p/a.txt"]);
        let err = expand_profiles(&book, &["q/*.md".to_string()], &access).unwrap_err();
        assert!(err.message.contains("q/*.md"), "{}", err.message);
    }

    #[cfg(unix)]
    #[test]
    fn a_globbed_profile_that_leads_outside_the_book_is_refused() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.md"), "x").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("p")).unwrap();
        std::fs::write(root.join("p/a.md"), "x").unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret.md"), root.join("p/b.md")).unwrap();
        let config_text = "profiles = [\"p/*.md\"]\n".to_string();
        let book = BookDir {
            dir: root.to_path_buf(),
            config: BookConfig::parse("book.toml", &config_text).unwrap(),
            config_text,
        };
        let err = book
            .profiles(&book.access(&Access::default(), None))
            .unwrap_err();
        assert_eq!(err.code, "E-PATH-OUTSIDE");
        assert_eq!((err.span.line, err.span.column), (1, 13));
        let allowed = Access {
            allow_outside: vec![outside.path().to_path_buf()],
            ..Access::default()
        };
        let files = book.profiles(&book.access(&allowed, None)).unwrap();
        assert_eq!(files.len(), 2);
    }

    #[test]
    fn an_unreadable_input_names_the_file() {
        let err = read_input(Path::new("/nonexistent/folio.md")).unwrap_err();
        assert_eq!(err.code, "E-IO");
        assert_eq!(err.file, "/nonexistent/folio.md");
    }
}
