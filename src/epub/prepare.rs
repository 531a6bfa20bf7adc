//! First stage: everything decided once for the whole book before any XHTML is
//! written — file names and id prefixes unique across profiles, languages, the
//! identifier, the modification date and the packaged images.

use std::collections::{BTreeMap, HashSet};

use super::escape::{days_from_civil, is_rtl_language, language_tag, sanitize_name};
use super::{EpubError, EpubOptions};
use crate::model::{Block, Book, Inline};

/// 1980-01-01T00:00:00Z: the zip format's own epoch, used when no date is known so a
/// build never depends on the wall clock.
pub const FIXED_EPOCH: i64 = 315_532_800;

/// Deepest block/inline nesting walked structurally; deeper content is flattened.
pub const MAX_DEPTH: usize = 48;

/// Decisions for the whole book.
#[derive(Debug)]
pub struct Plan {
    /// `urn:uuid:…` or the identifier given.
    pub identifier: String,
    /// Unix seconds for `dcterms:modified` and the zip entries.
    pub modified: i64,
    /// The book's language tag.
    pub lang: String,
    /// One per document, in order.
    pub docs: Vec<DocPlan>,
    /// Images to package, in first-use order.
    pub images: Vec<ImageFile>,
    /// Model path → index into `images`.
    pub image_index: BTreeMap<String, usize>,
    /// The cover image, given or generated.
    pub cover: CoverImage,
}

/// Decisions for one profile.
#[derive(Debug)]
pub struct DocPlan {
    /// Unique NCName; prefixes every id in the document.
    pub slug: String,
    /// Path inside `OEBPS/`, e.g. `text/mek.xhtml`.
    pub href: String,
    /// Its language tag.
    pub lang: String,
    /// Whether the whole document runs right to left.
    pub rtl: bool,
}

/// A packaged image.
#[derive(Debug)]
pub struct ImageFile {
    /// Path inside `OEBPS/`.
    pub href: String,
    /// Core media type.
    pub media_type: &'static str,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// The cover: an image the user gave, or the SVG made from the metadata.
#[derive(Debug)]
pub enum CoverImage {
    /// Given bytes, already typed.
    Given(ImageFile),
    /// Generated from the cover template.
    Generated,
}

impl Plan {
    /// Where an image of the model is packaged, relative to a profile document.
    pub fn image_src(&self, model_path: &str) -> Option<String> {
        let index = *self.image_index.get(model_path)?;
        Some(format!("../{}", self.images[index].href))
    }
}

/// Makes the plan.
pub fn prepare(book: &Book, opts: &EpubOptions) -> Result<Plan, EpubError> {
    let lang = language_tag(&book.meta.lang);
    let mut used = HashSet::new();
    // Names the packager itself uses for files beside the profiles.
    used.insert("cover".to_string());
    let docs = book
        .documents
        .iter()
        .enumerate()
        .map(|(i, doc)| {
            let base = sanitize_name(&doc.slug, &format!("profile-{}", i + 1));
            let mut slug = base.clone();
            let mut n = 2;
            while !used.insert(slug.clone()) {
                slug = format!("{base}-{n}");
                n += 1;
            }
            let doc_lang = if doc.meta.lang.trim().is_empty() {
                lang.clone()
            } else {
                language_tag(&doc.meta.lang)
            };
            DocPlan {
                href: format!("text/{slug}.xhtml"),
                slug,
                rtl: is_rtl_language(&doc_lang),
                lang: doc_lang,
            }
        })
        .collect();

    let mut images = Vec::new();
    let mut image_index = BTreeMap::new();
    for path in image_paths(book) {
        if image_index.contains_key(&path) {
            continue;
        }
        let Some(bytes) = opts.images.get(&path) else {
            continue;
        };
        let Some((media_type, ext)) = media_type(&path, bytes) else {
            continue;
        };
        let stem = sanitize_name(
            path.rsplit(['/', '\\'])
                .next()
                .unwrap_or(&path)
                .rsplit_once('.')
                .map_or(&*path, |(s, _)| s),
            "image",
        );
        image_index.insert(path.clone(), images.len());
        images.push(ImageFile {
            href: format!("images/{}-{stem}.{ext}", images.len() + 1),
            media_type,
            bytes: bytes.clone(),
        });
    }

    let cover = match &opts.cover {
        Some(image) => {
            let (media_type, ext) =
                media_type(&image.name, &image.bytes).ok_or_else(|| EpubError::CoverType {
                    name: image.name.clone(),
                })?;
            CoverImage::Given(ImageFile {
                href: format!("images/cover.{ext}"),
                media_type,
                bytes: image.bytes.clone(),
            })
        }
        None => CoverImage::Generated,
    };

    Ok(Plan {
        identifier: identifier(book, opts),
        modified: modified(book, opts),
        lang,
        docs,
        images,
        image_index,
        cover,
    })
}

fn identifier(book: &Book, opts: &EpubOptions) -> String {
    if let Some(id) = opts
        .identifier
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        return id.to_string();
    }
    let name = format!(
        "folio\u{1f}{}\u{1f}{}",
        book.meta.title,
        book.meta.authors.join("\u{1e}")
    );
    let uuid = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, name.as_bytes());
    format!("urn:uuid:{uuid}")
}

fn modified(book: &Book, opts: &EpubOptions) -> i64 {
    opts.modified
        .or_else(|| book.meta.date.as_deref().and_then(parse_date))
        .or_else(|| {
            book.documents
                .iter()
                .filter_map(|d| d.meta.date.as_deref().and_then(parse_date))
                .max()
        })
        .unwrap_or(FIXED_EPOCH)
}

/// Unix seconds of a date written `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (anything after
/// the date, such as a time, is ignored); `None` for "Apr 10" and other partial forms.
pub fn parse_date(text: &str) -> Option<i64> {
    let text = text.trim();
    let mut parts = text.get(..text.len().min(10))?.split('-');
    let year: i64 = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
    let month: u32 = match parts.next() {
        Some(m) => m.parse().ok().filter(|m| (1..=12).contains(m))?,
        None => 1,
    };
    let day: u32 = match parts.next() {
        Some(d) => d.get(..2)?.parse().ok().filter(|d| (1..=31).contains(d))?,
        None => 1,
    };
    Some(days_from_civil(year, month, day))
}

/// A core media type and file extension from magic bytes, else from the extension.
pub fn media_type(name: &str, bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(("image/png", "png"));
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some(("image/jpeg", "jpg"));
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return Some(("image/gif", "gif"));
    }
    if bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some(("image/webp", "webp"));
    }
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("svg") => Some(("image/svg+xml", "svg")),
        _ => None,
    }
}

/// Every image path in the book, in reading order (iteratively: no depth limit needed).
fn image_paths(book: &Book) -> Vec<String> {
    let mut paths = Vec::new();
    let mut blocks: Vec<&Block> = Vec::new();
    let mut inlines: Vec<&Inline> = Vec::new();
    for doc in &book.documents {
        blocks.extend(doc.blocks.iter().rev());
        for note in doc.notes.iter().rev() {
            blocks.extend(note.body.iter().rev());
        }
        while let Some(block) = blocks.pop() {
            match block {
                Block::Heading { content, .. } | Block::Paragraph { content, .. } => {
                    inlines.extend(content.iter().rev());
                }
                Block::Quote { blocks: inner } => blocks.extend(inner.iter().rev()),
                Block::List { items, .. } => blocks.extend(items.iter().flatten().rev()),
                Block::Table { head, rows, .. } => {
                    inlines.extend(head.iter().chain(rows.iter().flatten()).flatten());
                }
                Block::Figure { src, caption, .. } => {
                    paths.extend(src.clone());
                    inlines.extend(caption.iter().rev());
                }
                Block::Code { .. } | Block::Rule => {}
            }
            while let Some(inline) = inlines.pop() {
                match inline {
                    Inline::Emph(c) | Inline::Strong(c) | Inline::Strike(c) => {
                        inlines.extend(c.iter().rev());
                    }
                    Inline::Link { content, .. } => inlines.extend(content.iter().rev()),
                    Inline::Image { src, .. } => paths.push(src.clone()),
                    _ => {}
                }
            }
        }
    }
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(parse_date("2023-02-13"), Some(1_676_246_400));
        assert_eq!(parse_date("2023"), Some(days_from_civil(2023, 1, 1)));
        assert_eq!(parse_date("Apr 10"), None);
        assert_eq!(parse_date("2023-13-01"), None);
    }

    #[test]
    fn media_types_from_bytes_first() {
        assert_eq!(
            media_type("x.jpg", b"\x89PNG\r\n\x1a\n...."),
            Some(("image/png", "png"))
        );
        assert_eq!(
            media_type("x.svg", b"<svg/>"),
            Some(("image/svg+xml", "svg"))
        );
        assert_eq!(media_type("x.tiff", b"II*\0"), None);
    }
}
