//! Third stage: everything around the profiles — the package document (OPF) with its
//! metadata, the navigation document and EPUB 2 NCX, the stylesheet, the cover and
//! title page, fonts and images — as the list of files to zip, in a fixed order.

use std::collections::HashSet;
use std::fmt::Write as _;

use super::escape::{civil, escape, fill, iso_datetime};
use super::prepare::{CoverImage, Plan, parse_date};
use super::render::{Chapter, TocEntry};
use super::write_zip::File;
use super::{EpubError, EpubOptions, rasterize};
use crate::assets;
use crate::lang::Labels;
use crate::model::Book;

const CONTAINER: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="OEBPS/package.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
"#;

/// The book-level words shown on the cover, title page and in the OPF.
struct Front {
    title: String,
    subtitle: Option<String>,
    authors: Vec<String>,
    series: Option<String>,
}

fn front(book: &Book, lang: &str) -> Front {
    let first = book.documents.first().map(|d| &d.meta);
    let title = [Some(&book.meta.title), first.map(|m| &m.title)]
        .into_iter()
        .flatten()
        .map(|t| t.trim())
        .find(|t| !t.is_empty())
        .unwrap_or(crate::contents::untitled(lang))
        .to_string();
    let mut authors: Vec<String> = book.meta.authors.clone();
    if authors.is_empty() {
        let mut seen = HashSet::new();
        for author in book.documents.iter().flat_map(|d| &d.meta.authors) {
            if seen.insert(author.clone()) {
                authors.push(author.clone());
            }
        }
    }
    authors.retain(|a| !a.trim().is_empty());
    let series = book
        .meta
        .series
        .as_ref()
        .filter(|s| !s.trim().is_empty())
        .map(|s| match book.meta.series_position {
            Some(n) => format!("{s}, {n}"),
            None => s.clone(),
        });
    Front {
        title,
        subtitle: book.meta.subtitle.clone().filter(|s| !s.trim().is_empty()),
        authors,
        series,
    }
}

/// A manifest entry.
struct Item {
    id: String,
    href: String,
    media_type: &'static str,
    properties: Option<&'static str>,
}

/// Makes every file of the container except `mimetype`.
pub fn package(
    book: &Book,
    plan: &Plan,
    chapters: &[Chapter],
    opts: &EpubOptions,
) -> Result<Vec<File>, EpubError> {
    let t = &opts.templates;
    let labels = Labels::for_lang(&plan.lang);
    let front = front(book, &plan.lang);
    let mut items = Vec::new();
    let mut files = Vec::new();
    let mut add = |items: &mut Vec<Item>, item: Item, bytes: Vec<u8>, compress: bool| {
        files.push(File {
            path: format!("OEBPS/{}", item.href),
            bytes,
            compress,
        });
        items.push(item);
    };
    let page = |lang: &str, title: &str, css: &str, body_type: &str, body: &str| {
        fill(
            &t.page,
            &[
                ("lang", lang),
                ("dir", ""),
                ("title", &escape(title)),
                ("css", css),
                ("body_type", body_type),
                ("body", body),
            ],
        )
        .map_err(|message| EpubError::Template {
            file: "page.xhtml",
            message,
        })
    };

    // Cover: the given image or the generated SVG, shown on a page of its own.
    let cover_label = match front.authors.is_empty() {
        true => front.title.clone(),
        false => format!(
            "{} — {} {}",
            front.title,
            labels.by,
            front.authors.join(", ")
        ),
    };
    let (cover_href, cover_type, cover_bytes, cover_compress) = match &plan.cover {
        CoverImage::Given(image) => (
            image.href.clone(),
            image.media_type,
            image.bytes.clone(),
            false,
        ),
        CoverImage::Generated => {
            let svg = fill(
                &t.cover_svg,
                &[
                    ("label", &escape(&cover_label)),
                    ("text", &cover_text(&front)),
                ],
            )
            .map_err(|message| EpubError::Template {
                file: "cover.svg",
                message,
            })?;
            ("images/cover.svg".to_string(), SVG, svg.into_bytes(), true)
        }
    };
    // An SVG cover (the generated one or one given) is also drawn as a PNG: the PNG is
    // the `cover-image` Kindle conversions and store pipelines read, and the page's
    // fallback; reading systems that take `<picture>` sources show the sharp SVG.
    let png = match cover_type {
        SVG => Some(rasterize::rasterize(&cover_bytes).map_err(|message| {
            match &plan.cover {
                CoverImage::Given(_) => EpubError::CoverSvg {
                    name: opts
                        .cover
                        .as_ref()
                        .map_or_else(String::new, |c| c.name.clone()),
                    message,
                },
                CoverImage::Generated => EpubError::Template {
                    file: "cover.svg",
                    message,
                },
            }
        })?),
        _ => None,
    };
    let alt = escape(&cover_label);
    let cover_body = match png {
        Some(_) => format!(
            "<div class=\"cover\"><picture><source srcset=\"{}\" type=\"{SVG}\"/><img src=\"{PNG_COVER}\" alt=\"{alt}\" role=\"doc-cover\"/></picture></div>",
            escape(&cover_href)
        ),
        None => format!(
            "<div class=\"cover\"><img src=\"{}\" alt=\"{alt}\" role=\"doc-cover\"/></div>",
            escape(&cover_href)
        ),
    };
    let cover_page = page(&plan.lang, &cover_label, "style.css", "cover", &cover_body)?;
    add(
        &mut items,
        item("cover", "cover.xhtml", XHTML, None),
        cover_page.into_bytes(),
        true,
    );
    match png {
        Some(png) => {
            add(
                &mut items,
                item("cover-svg", &cover_href, SVG, None),
                cover_bytes,
                cover_compress,
            );
            add(
                &mut items,
                item("cover-image", PNG_COVER, "image/png", Some("cover-image")),
                png,
                false,
            );
        }
        None => add(
            &mut items,
            item("cover-image", &cover_href, cover_type, Some("cover-image")),
            cover_bytes,
            cover_compress,
        ),
    }

    let title_page = title_page(&front, book, t)?;
    let title_page = page(
        &plan.lang,
        &front.title,
        "style.css",
        "frontmatter",
        &title_page,
    )?;
    add(
        &mut items,
        item("titlepage", "title.xhtml", XHTML, None),
        title_page.into_bytes(),
        true,
    );

    let nav = nav(plan, chapters, labels, t)?;
    add(
        &mut items,
        item("nav", "nav.xhtml", XHTML, Some("nav")),
        nav.into_bytes(),
        true,
    );

    for (chapter, doc) in chapters.iter().zip(&plan.docs) {
        let id = format!("c-{}", doc.slug);
        add(
            &mut items,
            item(&id, &doc.href, XHTML, None),
            chapter.xhtml.clone().into_bytes(),
            true,
        );
    }
    for (i, image) in plan.images.iter().enumerate() {
        let id = format!("img-{}", i + 1);
        add(
            &mut items,
            item(&id, &image.href, image.media_type, None),
            image.bytes.clone(),
            false,
        );
    }

    let mut font_faces = String::new();
    if opts.embed_fonts {
        for (i, font) in assets::FONTS.iter().enumerate() {
            let href = format!("fonts/{}", font.name);
            let (family, style, weight) = font_face(font.name);
            let _ = writeln!(
                font_faces,
                "@font-face {{ font-family: \"{family}\"; font-style: {style}; font-weight: {weight}; src: url(\"{href}\"); }}"
            );
            add(
                &mut items,
                item(&format!("font-{}", i + 1), &href, "font/ttf", None),
                font.data.to_vec(),
                true,
            );
        }
        add(
            &mut items,
            item("font-license", "fonts/OFL.txt", "text/plain", None),
            assets::FONT_LICENSE.as_bytes().to_vec(),
            true,
        );
    }
    let css =
        fill(&t.css, &[("font_faces", &font_faces)]).map_err(|message| EpubError::Template {
            file: "style.css",
            message,
        })?;
    add(
        &mut items,
        item("css", "style.css", "text/css", None),
        css.into_bytes(),
        true,
    );

    let ncx = ncx(plan, chapters, &front, t)?;
    add(
        &mut items,
        item("ncx", "toc.ncx", "application/x-dtbncx+xml", None),
        ncx.into_bytes(),
        true,
    );

    let spine_ids: Vec<String> = ["cover", "titlepage", "nav"]
        .into_iter()
        .map(String::from)
        .chain(plan.docs.iter().map(|d| format!("c-{}", d.slug)))
        .collect();
    let opf = opf(book, plan, &front, &items, &spine_ids, t)?;

    let mut all = vec![
        File {
            path: "META-INF/container.xml".to_string(),
            bytes: CONTAINER.as_bytes().to_vec(),
            compress: true,
        },
        File {
            path: "OEBPS/package.opf".to_string(),
            bytes: opf.into_bytes(),
            compress: true,
        },
    ];
    all.append(&mut files);
    Ok(all)
}

const XHTML: &str = "application/xhtml+xml";
const SVG: &str = "image/svg+xml";
/// The raster copy of an SVG cover.
const PNG_COVER: &str = "images/cover.png";

fn item(id: &str, href: &str, media_type: &'static str, properties: Option<&'static str>) -> Item {
    Item {
        id: id.to_string(),
        href: href.to_string(),
        media_type,
        properties,
    }
}

fn font_face(name: &str) -> (&'static str, &'static str, &'static str) {
    match name {
        n if n.starts_with("NotoSansMono") => ("Noto Sans Mono", "normal", "normal"),
        n if n.starts_with("NotoNaskhArabic") => ("Noto Naskh Arabic", "normal", "normal"),
        n if n.contains("BoldItalic") => ("Gentium Book Plus", "italic", "bold"),
        n if n.contains("Bold") => ("Gentium Book Plus", "normal", "bold"),
        n if n.contains("Italic") => ("Gentium Book Plus", "italic", "normal"),
        _ => ("Gentium Book Plus", "normal", "normal"),
    }
}

/// Centred lines for the generated cover: series at the top, the title large in the
/// upper middle, the subtitle under it, the authors near the foot.
fn cover_text(front: &Front) -> String {
    let mut out = String::new();
    let mut line = |y: u32, size: u32, style: &str, text: &str| {
        let _ = writeln!(
            out,
            "<text x=\"600\" y=\"{y}\" font-size=\"{size}\"{style}>{}</text>",
            escape(text)
        );
    };
    if let Some(series) = &front.series {
        for (i, l) in wrap(series, 40, 2).iter().enumerate() {
            line(230 + 56 * i as u32, 40, " letter-spacing=\"4\"", l);
        }
    }
    let title = wrap(&front.title, 18, 6);
    let mut y = 560;
    for l in &title {
        line(y, 92, " font-weight=\"bold\"", l);
        y += 112;
    }
    if let Some(subtitle) = &front.subtitle {
        y += 30;
        for l in wrap(subtitle, 34, 4) {
            line(y, 52, " font-style=\"italic\"", &l);
            y += 68;
        }
    }
    let authors = wrap(&front.authors.join(", "), 30, 3);
    let mut y = 1560 - 72 * authors.len() as u32;
    for l in &authors {
        line(y, 56, "", l);
        y += 72;
    }
    out
}

/// Greedy word wrap by characters (the cover's font is not measured), at most
/// `max_lines` lines, the last one ending in "…" when text was cut.
fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

fn title_page(front: &Front, book: &Book, t: &super::Templates) -> Result<String, EpubError> {
    let para = |class: &str, text: Option<&str>| match text {
        Some(text) => format!("<p class=\"{class}\">{}</p>", escape(text)),
        None => String::new(),
    };
    let authors = (!front.authors.is_empty()).then(|| front.authors.join(", "));
    fill(
        &t.title_page,
        &[
            ("title", &escape(&front.title)),
            ("subtitle", &para("subtitle", front.subtitle.as_deref())),
            ("authors", &para("byline", authors.as_deref())),
            ("series", &para("series", front.series.as_deref())),
            (
                "description",
                &para("description", book.meta.description.as_deref()),
            ),
        ],
    )
    .map_err(|message| EpubError::Template {
        file: "titlepage.xhtml",
        message,
    })
}

/// Nests a flat list with depths into properly closed items: `open_list` before the
/// first child, `close_item` after an item and its children (no recursion).
fn nest(
    entries: &[TocEntry],
    open_list: &str,
    close_list: &str,
    close_item: &str,
    mut open_item: impl FnMut(&mut String, &TocEntry),
) -> (String, usize) {
    let mut out = String::new();
    let mut current = 0;
    let mut max = 0;
    for (i, entry) in entries.iter().enumerate() {
        let depth = if i == 0 {
            0
        } else {
            entry.depth.min(current + 1)
        };
        if i > 0 {
            if depth > current {
                out.push_str(open_list);
            } else {
                out.push_str(close_item);
                for _ in depth..current {
                    out.push_str(close_list);
                    out.push_str(close_item);
                }
            }
        }
        open_item(&mut out, entry);
        current = depth;
        max = max.max(depth);
    }
    if !entries.is_empty() {
        out.push_str(close_item);
        for _ in 0..current {
            out.push_str(close_list);
            out.push_str(close_item);
        }
    }
    (out, max + 1)
}

fn nav(
    plan: &Plan,
    chapters: &[Chapter],
    labels: &Labels,
    t: &super::Templates,
) -> Result<String, EpubError> {
    let (contents, cover, title_page) = (labels.contents, labels.cover, labels.title_page);
    let mut entries = vec![TocEntry {
        depth: 0,
        label: title_page.to_string(),
        href: "title.xhtml".to_string(),
    }];
    entries.extend(chapters.iter().flat_map(|c| c.toc.iter().cloned()));
    let (list, _) = nest(&entries, "\n<ol>\n", "</ol>\n", "</li>\n", |out, e| {
        let _ = write!(
            out,
            "<li><a href=\"{}\">{}</a>",
            escape(&e.href),
            escape(&e.label)
        );
    });
    let toc = format!("<ol>\n{list}</ol>");

    let mut marks = vec![
        ("cover", "cover.xhtml".to_string(), cover),
        ("titlepage", "title.xhtml".to_string(), title_page),
        ("toc", "nav.xhtml#toc".to_string(), contents),
    ];
    if let Some(doc) = plan.docs.first() {
        marks.push(("bodymatter", doc.href.clone(), labels.start));
    }
    if let Some(href) = chapters.iter().find_map(|c| c.notes_anchor.clone()) {
        marks.push(("endnotes", href, labels.notes));
    }
    if let Some(href) = chapters.iter().find_map(|c| c.bibliography_anchor.clone()) {
        marks.push(("bibliography", href, labels.bibliography));
    }
    let mut landmarks = String::from("<ol>\n");
    for (kind, href, label) in marks {
        let _ = writeln!(
            landmarks,
            "<li><a epub:type=\"{kind}\" href=\"{}\">{}</a></li>",
            escape(&href),
            escape(label)
        );
    }
    landmarks.push_str("</ol>");
    fill(
        &t.nav,
        &[
            ("lang", &plan.lang),
            ("contents", contents),
            ("css", "style.css"),
            ("toc", &toc),
            ("landmarks_label", labels.landmarks),
            ("landmarks", &landmarks),
        ],
    )
    .map_err(|message| EpubError::Template {
        file: "nav.xhtml",
        message,
    })
}

fn ncx(
    plan: &Plan,
    chapters: &[Chapter],
    front: &Front,
    t: &super::Templates,
) -> Result<String, EpubError> {
    let entries: Vec<TocEntry> = chapters
        .iter()
        .flat_map(|c| c.toc.iter().cloned())
        .collect();
    let mut order = 0;
    let (points, depth) = nest(&entries, "\n", "", "</navPoint>\n", |out, e| {
        order += 1;
        let _ = write!(
            out,
            "<navPoint id=\"np-{order}\" playOrder=\"{order}\"><navLabel><text>{}</text></navLabel><content src=\"{}\"/>",
            escape(&e.label),
            escape(&e.href)
        );
    });
    // An NCX needs at least one point; a book without profiles points at its title page.
    let points = if points.is_empty() {
        format!(
            "<navPoint id=\"np-1\" playOrder=\"1\"><navLabel><text>{}</text></navLabel><content src=\"title.xhtml\"/></navPoint>",
            escape(&front.title)
        )
    } else {
        points
    };
    fill(
        &t.ncx,
        &[
            ("lang", &plan.lang),
            ("identifier", &escape(&plan.identifier)),
            ("depth", &depth.to_string()),
            ("title", &escape(&front.title)),
            ("nav_points", &points),
        ],
    )
    .map_err(|message| EpubError::Template {
        file: "toc.ncx",
        message,
    })
}

fn opf(
    book: &Book,
    plan: &Plan,
    front: &Front,
    items: &[Item],
    spine_ids: &[String],
    t: &super::Templates,
) -> Result<String, EpubError> {
    let mut meta = String::new();
    let mut langs = vec![plan.lang.clone()];
    for doc in &plan.docs {
        if !langs.contains(&doc.lang) {
            langs.push(doc.lang.clone());
        }
    }
    for lang in &langs {
        let _ = writeln!(meta, "<dc:language>{}</dc:language>", escape(lang));
    }
    if let Some(subtitle) = &front.subtitle {
        let _ = writeln!(
            meta,
            "<dc:title id=\"subtitle\">{}</dc:title>\n<meta refines=\"#subtitle\" property=\"title-type\">subtitle</meta>",
            escape(subtitle)
        );
    }
    for (i, author) in front.authors.iter().enumerate() {
        let _ = writeln!(
            meta,
            "<dc:creator id=\"creator-{n}\">{}</dc:creator>\n<meta refines=\"#creator-{n}\" property=\"role\" scheme=\"marc:relators\">aut</meta>",
            escape(author),
            n = i + 1
        );
    }
    if let Some(date) = book.meta.date.as_deref().and_then(parse_date) {
        let (y, m, d, ..) = civil(date);
        let _ = writeln!(meta, "<dc:date>{y:04}-{m:02}-{d:02}</dc:date>");
    }
    if let Some(series) = book.meta.series.as_deref().filter(|s| !s.trim().is_empty()) {
        let _ = writeln!(
            meta,
            "<meta property=\"belongs-to-collection\" id=\"series\">{}</meta>\n<meta refines=\"#series\" property=\"collection-type\">series</meta>",
            escape(series)
        );
        if let Some(position) = book.meta.series_position {
            let _ = writeln!(
                meta,
                "<meta refines=\"#series\" property=\"group-position\">{position}</meta>"
            );
        }
    }
    if let Some(description) = book
        .meta
        .description
        .as_deref()
        .filter(|s| !s.trim().is_empty())
    {
        let _ = writeln!(
            meta,
            "<dc:description>{}</dc:description>",
            escape(description)
        );
    }
    for keyword in book.meta.keywords.iter().filter(|k| !k.trim().is_empty()) {
        let _ = writeln!(meta, "<dc:subject>{}</dc:subject>", escape(keyword));
    }
    meta.push_str("<meta name=\"cover\" content=\"cover-image\"/>");

    let mut manifest = String::new();
    for item in items {
        let _ = write!(
            manifest,
            "<item id=\"{}\" href=\"{}\" media-type=\"{}\"",
            item.id,
            escape(&item.href),
            item.media_type
        );
        if let Some(properties) = item.properties {
            let _ = write!(manifest, " properties=\"{properties}\"");
        }
        manifest.push_str("/>\n");
    }
    let mut spine = String::new();
    for id in spine_ids {
        let _ = writeln!(spine, "<itemref idref=\"{id}\"/>");
    }
    fill(
        &t.package,
        &[
            ("lang", &plan.lang),
            ("identifier", &escape(&plan.identifier)),
            ("title", &escape(&front.title)),
            ("metadata", meta.trim_end()),
            ("modified", &iso_datetime(plan.modified)),
            ("manifest", manifest.trim_end()),
            ("spine", spine.trim_end()),
        ],
    )
    .map_err(|message| EpubError::Template {
        file: "package.opf",
        message,
    })
}
