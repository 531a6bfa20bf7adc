//! Stage 4: write the pages with krilla: positioned glyphs with their text (so copying
//! and `pdftotext` give the words back), links between markers and notes, named
//! destinations `note-N` (`SLUG-note-N` in an anthology), clickable URLs, the outline,
//! metadata and a tag tree, built in `write/tags.rs`: headings, paragraphs, notes,
//! quotes, lists, tables, figures, code, the contents, and a Link element owning each
//! link annotation with its text; running heads, folios, rules and leader dots are
//! artifacts.

use std::collections::BTreeMap;
use std::ops::Range;

use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::destination::{NamedDestination, XyzDestination};
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::image::Image;
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::surface::Surface;
use krilla::tagging::{ArtifactType, ContentTag, Identifier, SpanTag};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Document, SerializeSettings};

use super::types::{
    Align, Container, Face, GlyphRun, ItemKind, Line, NoteKey, Page, ParaSpec, Piece, Role, SetFn,
    TextStyle,
};
use super::{Geometry, PdfError, PdfOptions, PdfStandard};
use crate::model::Book;

mod places;
mod tags;
pub use places::Places;
use places::Targets;
use tags::{Key, Leaf, LinkKind, Part, Tree};

/// The bytes of each face, as the paragraph engine used them.
pub type FaceData<'a> = dyn Fn(Face) -> &'static [u8] + 'a;

/// A PDF being written one page at a time: a page is drawn into krilla's document
/// when it arrives and can be dropped then; what crosses pages (the tag tree, the
/// outline, named destinations) is gathered until [`Writer::finish`].
pub struct Writer<'a> {
    cx: Context<'a>,
    places: Places,
    named: BTreeMap<NoteKey, NamedDestination>,
    doc: Document,
    fonts: BTreeMap<Face, Font>,
    images: BTreeMap<String, Option<Image>>,
    tree: Tree,
    heading_level: u8,
    outline_entries: Vec<(u8, String, usize, f32)>,
    /// The index of the next page.
    next: usize,
}

/// What every page reads and none changes.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    /// The book being written.
    pub book: &'a Book,
    /// Its page geometry.
    pub g: &'a Geometry,
    /// Its options (standard, images, date).
    pub opts: &'a PdfOptions,
    /// The bytes of each face.
    pub data: &'a FaceData<'a>,
    /// The line setter, for running heads and folios.
    pub set: &'a SetFn<'a>,
}

impl<'a> Writer<'a> {
    /// A writer for `cx.book`, whose pages are where `places` says.
    pub fn new(cx: Context<'a>, places: Places) -> Result<Writer<'a>, PdfError> {
        let Context { book, g, opts, .. } = cx;
        let anthology = book.documents.len() > 1;
        // Slugs name destinations; a slug seen before gets its profile's position
        // appended so two profiles with one slug cannot clash.
        let mut seen = std::collections::BTreeSet::new();
        let slugs: Vec<String> = book
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| {
                if seen.insert(d.slug.as_str()) {
                    d.slug.clone()
                } else {
                    format!("{}-{}", d.slug, i + 1)
                }
            })
            .collect();
        let dest_name = |key: NoteKey| {
            let slug = slugs.get(key.0).map_or("", String::as_str);
            if anthology {
                format!("{slug}-note-{}", key.1)
            } else {
                format!("note-{}", key.1)
            }
        };
        let named: BTreeMap<NoteKey, NamedDestination> = places
            .first_note
            .iter()
            .map(|(key, (p, y))| {
                (
                    *key,
                    NamedDestination::new(
                        dest_name(*key),
                        XyzDestination::new(*p, Point::from_xy(g.margins.left, *y)),
                    ),
                )
            })
            .collect();
        Ok(Writer {
            cx,
            places,
            named,
            doc: Document::new_with(settings(opts.standard)?),
            fonts: BTreeMap::new(),
            images: BTreeMap::new(),
            tree: Tree::default(),
            heading_level: 0,
            outline_entries: Vec::new(),
            next: 0,
        })
    }

    /// Draws the next page.
    pub fn page(&mut self, page: &Page) -> Result<(), PdfError> {
        let Context {
            book,
            g,
            opts,
            data,
            set,
        } = self.cx;
        let Writer {
            places,
            named,
            doc,
            fonts,
            images,
            tree,
            heading_level,
            outline_entries,
            next,
            ..
        } = self;
        let p = *next;
        *next += 1;
        let mut font = |face: Face| -> Result<Font, PdfError> {
            if let Some(f) = fonts.get(&face) {
                return Ok(f.clone());
            }
            let f = Font::new(data(face).into(), 0)
                .ok_or_else(|| PdfError::Write(format!("cannot read the {face:?} font")))?;
            fonts.insert(face, f.clone());
            Ok(f)
        };
        let targets = Targets {
            g,
            named,
            first_note: &places.first_note,
            first_marker: &places.first_marker,
            anchors: &places.anchors,
        };
        let doc_first = &places.doc_first;
        // A profile in another language than the book's says so on its paragraphs.
        let lang_of = |d: Option<usize>| {
            d.and_then(|d| book.documents.get(d))
                .map(|doc| doc.meta.lang.clone())
                .filter(|l| !l.is_empty() && *l != book.meta.lang)
        };
        let furniture = |text: &str, face: Face, size: f32| -> Option<Line> {
            let pieces = [Piece {
                text: text.to_string(),
                style: TextStyle {
                    face,
                    size,
                    baseline_shift: 0.0,
                },
                tag: None,
            }];
            let spec = ParaSpec {
                width: g.width(),
                first_indent: 0.0,
                left_indent: 0.0,
                align: Align::Left,
                lang: String::new(),
                hyphenate: false,
                leading: size * 1.2,
                looseness: 0,
            };
            set(&pieces, &spec).0.into_iter().next()
        };
        let size = Size::from_wh(g.page_w, g.page_h)
            .ok_or_else(|| PdfError::Write("bad page size".into()))?;
        let mut pdf_page = doc.start_page_with(PageSettings::new(size));
        let mut annotations = Vec::new();
        {
            let mut surface = pdf_page.surface();
            let mut furn = Vec::new();
            if let Some(head) = &page.head
                && let Some(line) = furniture(head, Face::Italic, g.size * 0.85)
            {
                furn.push((
                    ArtifactType::Header,
                    g.margins.left + (g.width() - line.width) / 2.0,
                    g.margins.top - g.size * 2.2,
                    line,
                ));
            }
            if page.folio
                && let Some(line) = furniture(&page.number.to_string(), Face::Regular, g.size * 0.9)
            {
                furn.push((
                    ArtifactType::PageNumber,
                    g.margins.left + (g.width() - line.width) / 2.0,
                    g.page_h - g.margins.bottom + g.size * 2.8,
                    line,
                ));
            }
            // Running heads and folios are pagination artifacts, not text to read.
            for (kind, x, y, line) in &furn {
                surface.start_tagged(ContentTag::Artifact(krilla::tagging::Artifact::new(
                    *kind, None,
                )));
                draw_plain(&mut surface, *x, *y, line, &mut font)?;
                surface.end_tagged();
            }
            let doc_index = page.doc.unwrap_or(usize::MAX);
            for item in &page.items {
                match &item.kind {
                    ItemKind::Image {
                        src,
                        alt,
                        width,
                        height,
                        nest,
                    } => {
                        let image = images.entry(src.clone()).or_insert_with(|| {
                            opts.images.get(src).and_then(|b| super::image::decode(b))
                        });
                        let (Some(image), Some(size)) =
                            (image.clone(), Size::from_wh(*width, *height))
                        else {
                            continue;
                        };
                        // An image nothing describes is decoration to a reader who
                        // cannot see it: an artifact, not a figure without text.
                        let described = !alt.trim().is_empty();
                        let id = surface.start_tagged(if described {
                            ContentTag::Other
                        } else {
                            ContentTag::Artifact(krilla::tagging::Artifact::new(
                                ArtifactType::Other,
                                None,
                            ))
                        });
                        surface.push_transform(&Transform::from_translate(item.x, item.y));
                        surface.draw_image(image, size);
                        surface.pop();
                        surface.end_tagged();
                        if !described {
                            continue;
                        }
                        let alt = Some(alt.clone());
                        tree.push(
                            nest,
                            Key::Figure(p, item.y.to_bits()),
                            || tags::figure(alt),
                            false,
                            vec![Part::Content(id)],
                        );
                    }
                    ItemKind::Rule { width } => draw_rule(&mut surface, item.x, item.y, *width),
                    ItemKind::Repeat { line } => {
                        surface.start_tagged(ContentTag::Artifact(krilla::tagging::Artifact::new(
                            ArtifactType::Other,
                            None,
                        )));
                        draw_plain(&mut surface, item.x, item.y, line, &mut font)?;
                        surface.end_tagged();
                    }
                    ItemKind::Text {
                        line,
                        role,
                        outline,
                        note,
                        block,
                        goto,
                        nest,
                        extra,
                    } => {
                        // A contents entry's leader dots are layout, not text.
                        if *extra
                            && matches!(nest.last(), Some(Container::TocItem(_)))
                            && line_text(line) == "."
                        {
                            surface.start_tagged(ContentTag::Artifact(
                                krilla::tagging::Artifact::new(ArtifactType::Layout, None),
                            ));
                            draw_plain(&mut surface, item.x, item.y, line, &mut font)?;
                            surface.end_tagged();
                            continue;
                        }
                        if let Some(o) = outline {
                            outline_entries.push((
                                o.level,
                                o.title.clone(),
                                p,
                                item.y - line.ascent,
                            ));
                        }
                        // Each tagged stretch with somewhere to go becomes a link
                        // annotation; its text is marked apart so the Link element
                        // owns both.
                        let mut links: Vec<(usize, LinkKind)> = Vec::new();
                        let mut boxes: Vec<(f32, f32)> = Vec::new();
                        for t in &line.tags {
                            let top = item.y - line.ascent.max(g.size * 0.8);
                            let bottom = item.y + line.descent;
                            let Some(rect) = Rect::from_ltrb(
                                item.x + t.x0,
                                top,
                                item.x + t.x1.max(t.x0 + 1.0),
                                bottom,
                            ) else {
                                continue;
                            };
                            let Some((target, alt, kind)) =
                                targets.link(&t.tag, page, p, doc_index, *note)
                            else {
                                continue;
                            };
                            links.push((annotations.len(), kind));
                            boxes.push((t.x0, t.x1));
                            annotations.push(Annotation::new_link(
                                LinkAnnotation::new(rect, target),
                                Some(alt),
                            ));
                        }
                        let spans =
                            draw_line(&mut surface, item.x, item.y, line, &boxes, &mut font)?;
                        let mut parts = tags::line_parts(spans, &links, p);
                        // A contents line links, across its whole width, to the top
                        // of its profile's first page.
                        if let Some(target) = goto.and_then(|d| doc_first.get(&d))
                            && let Some(rect) = Rect::from_ltrb(
                                g.margins.left,
                                item.y - line.ascent,
                                g.margins.left + g.width(),
                                item.y + line.descent,
                            )
                        {
                            let dest = XyzDestination::new(
                                *target,
                                Point::from_xy(g.margins.left, g.margins.top * 0.5),
                            );
                            parts = tags::whole_link(parts, Leaf::Annot(p, annotations.len()));
                            annotations.push(Annotation::new_link(
                                LinkAnnotation::new(rect, Target::Destination(dest.into())),
                                Some(line_text(line)),
                            ));
                        }
                        let (key, role, lang) = match note {
                            Some(k) => (Key::Note(*k), Role::Note, lang_of(Some(k.0))),
                            None => (Key::Block(*role, *block), *role, lang_of(page.doc)),
                        };
                        let title = outline.as_ref().map(|o| o.title.clone());
                        let kind = || tags::kind(role, title, lang, heading_level);
                        tree.push(nest, key, kind, *extra, parts);
                    }
                }
            }
            surface.finish();
        }
        let ids = annotations
            .into_iter()
            .map(|a| pdf_page.add_tagged_annotation(a))
            .collect();
        tree.page_annotations(ids);
        pdf_page.finish();
        Ok(())
    }

    /// Adds what crosses pages (named destinations, the tag tree, the outline, the
    /// metadata) and returns the PDF's bytes.
    pub fn finish(self) -> Result<Vec<u8>, PdfError> {
        let Writer {
            cx: Context { book, opts, .. },
            named,
            mut doc,
            tree,
            outline_entries,
            ..
        } = self;
        for nd in named.values() {
            // Links may have registered it already; the same target again is accepted.
            if doc.register_named_destination(nd.clone()).is_none() {
                return Err(PdfError::Write("two notes share a destination name".into()));
            }
        }
        doc.set_tag_tree(tree.finish(Some(book.meta.lang.clone()).filter(|l| !l.is_empty())));
        doc.set_outline(outline(&outline_entries));
        doc.set_metadata(metadata(book, opts));
        doc.finish().map_err(|e| match e {
            krilla::error::KrillaError::Validation(errors) => {
                let mut causes: Vec<String> = errors.iter().map(|(e, _)| cause(e)).collect();
                causes.dedup();
                PdfError::Standard(causes.join("; "))
            }
            e => PdfError::Write(format!("{e:?}")),
        })
    }
}

/// A validation error in words (the common ones; the rest by krilla's name).
fn cause(e: &krilla::configure::ValidationError) -> String {
    use krilla::configure::ValidationError as V;
    match e {
        V::ContainsNotDefGlyph(_, _, text) => format!("no font has `{text}`"),
        V::MissingAltText(_) => "an image has no alternative text".into(),
        V::NoDocumentLanguage => "the document has no language".into(),
        V::NoDocumentTitle => "the document has no title".into(),
        V::MissingDocumentDate => "pdf/a needs a document date (set SOURCE_DATE_EPOCH)".into(),
        other => format!("{other:?}").to_lowercase(),
    }
}

/// krilla's settings for a standard: its validator, which also writes the standard's
/// identification (XMP `pdfuaid`/`pdfaid`, `DisplayDocTitle`).
fn settings(standard: PdfStandard) -> Result<SerializeSettings, PdfError> {
    use krilla::configure::{Accessibility, Archival, ConfigurationBuilder, Validator};
    let validator = match standard {
        PdfStandard::None => None,
        PdfStandard::Ua1 => Some(Validator::Ua(Accessibility::UA1)),
        PdfStandard::A2b => Some(Validator::A(Archival::A2_B)),
        PdfStandard::A3b => Some(Validator::A(Archival::A3_B)),
    };
    let mut builder = ConfigurationBuilder::new();
    if let Some(v) = validator {
        builder = builder.set_validator(v);
    }
    let configuration = builder
        .finish()
        .map_err(|e| PdfError::Options(format!("{e:?}")))?;
    Ok(SerializeSettings {
        configuration,
        ..SerializeSettings::default()
    })
}

/// A horizontal rule, 0.5 pt thick, centred on `y`: layout, not content.
fn draw_rule(surface: &mut Surface, x: f32, y: f32, width: f32) {
    surface.start_tagged(ContentTag::Artifact(krilla::tagging::Artifact::new(
        ArtifactType::Layout,
        None,
    )));
    let mut pb = PathBuilder::new();
    if let Some(r) = Rect::from_xywh(x, y - 0.25, width.max(0.1), 0.5) {
        pb.push_rect(r);
    }
    if let Some(path) = pb.finish() {
        surface.draw_path(&path);
    }
    surface.end_tagged();
}

/// Draws a line inside marked content the caller opened (page furniture).
fn draw_plain(
    surface: &mut Surface,
    x: f32,
    y: f32,
    line: &Line,
    font: &mut impl FnMut(Face) -> Result<Font, PdfError>,
) -> Result<(), PdfError> {
    for run in &line.runs {
        draw_run(
            surface,
            x,
            y,
            run,
            0..run.glyphs.len(),
            run.x,
            font(run.face)?,
        );
    }
    Ok(())
}

/// Draws a line as marked content: one span for each stretch inside one of `boxes`
/// (a link's text) and one for each stretch between them, in drawing order. Returns
/// each span's box (if any) and identifier. A glyph belongs to the box its middle is in.
fn draw_line(
    surface: &mut Surface,
    x: f32,
    y: f32,
    line: &Line,
    boxes: &[(f32, f32)],
    font: &mut impl FnMut(Face) -> Result<Font, PdfError>,
) -> Result<Vec<(Option<usize>, Identifier)>, PdfError> {
    // Fonts first: an error must not leave marked content open.
    let fonts = line
        .runs
        .iter()
        .map(|r| font(r.face))
        .collect::<Result<Vec<_>, _>>()?;
    let in_box = |mid: f32| boxes.iter().position(|&(x0, x1)| mid >= x0 && mid < x1);
    let mut spans: Vec<(Option<usize>, Identifier)> = Vec::new();
    let mut open: Option<Option<usize>> = None;
    for (run, run_font) in line.runs.iter().zip(fonts) {
        if run.glyphs.is_empty() || run.size <= 0.0 {
            continue;
        }
        // Stretches of the run's glyphs that fall in one box: (from, to, box, pen x).
        let mut stretches: Vec<(usize, usize, Option<usize>, f32)> = Vec::new();
        let mut pen = run.x;
        for (i, gl) in run.glyphs.iter().enumerate() {
            let b = in_box(pen + gl.advance / 2.0);
            match stretches.last_mut() {
                Some(last) if last.2 == b => last.1 = i + 1,
                _ => stretches.push((i, i + 1, b, pen)),
            }
            pen += gl.advance;
        }
        for (from, to, b, pen) in stretches {
            if open != Some(b) {
                if open.is_some() {
                    surface.end_tagged();
                }
                let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
                spans.push((b, id));
                open = Some(b);
            }
            draw_run(surface, x, y, run, from..to, pen, run_font.clone());
        }
    }
    if open.is_some() {
        surface.end_tagged();
    }
    Ok(spans)
}

/// Draws glyphs `range` of a run, the first at `pen` from the line's left edge `x`.
fn draw_run(
    surface: &mut Surface,
    x: f32,
    y: f32,
    run: &GlyphRun,
    range: Range<usize>,
    pen: f32,
    font: Font,
) {
    let size = run.size;
    let Some(glyphs) = run.glyphs.get(range) else {
        return;
    };
    if glyphs.is_empty() || size <= 0.0 {
        return;
    }
    let glyphs: Vec<KrillaGlyph> = glyphs
        .iter()
        .map(|gl| {
            let range = gl.range.start.min(run.text.len())..gl.range.end.min(run.text.len());
            KrillaGlyph::new(
                GlyphId::new(u32::from(gl.id)),
                gl.advance / size,
                gl.x_offset / size,
                gl.y_offset / size,
                0.0,
                range,
                None,
            )
        })
        .collect();
    let start = Point::from_xy(x + pen, y - run.baseline_shift);
    surface.draw_glyphs(start, &glyphs, font, &run.text, size, false);
}

/// The text a line shows (a contents link's description).
fn line_text(line: &Line) -> String {
    line.runs.iter().map(|r| r.text.as_str()).collect()
}

/// Nests outline entries by level, without recursion: each entry becomes a child of
/// the nearest open entry of a lower level.
fn outline(entries: &[(u8, String, usize, f32)]) -> Outline {
    let mut nodes: Vec<(u8, OutlineNode)> = Vec::new();
    let mut root = Outline::new();
    let close = |nodes: &mut Vec<(u8, OutlineNode)>, root: &mut Outline, level: u8| {
        while nodes.last().is_some_and(|(l, _)| *l >= level) {
            let Some((_, node)) = nodes.pop() else { break };
            match nodes.last_mut() {
                Some((_, parent)) => parent.push_child(node),
                None => root.push_child(node),
            }
        }
    };
    for (level, title, page, y) in entries {
        close(&mut nodes, &mut root, *level);
        let title = if title.trim().is_empty() {
            "Untitled".to_string()
        } else {
            title.clone()
        };
        nodes.push((
            *level,
            OutlineNode::new(
                title,
                XyzDestination::new(*page, Point::from_xy(0.0, y.max(0.0))),
            ),
        ));
    }
    close(&mut nodes, &mut root, 0);
    root
}

fn metadata(book: &Book, opts: &PdfOptions) -> Metadata {
    let meta = &book.meta;
    let mut m = Metadata::new()
        .title(meta.title.clone())
        .language(meta.lang.clone())
        .creator("folio".into())
        .producer("folio (krilla)".into());
    if !meta.authors.is_empty() {
        m = m.authors(meta.authors.clone());
    }
    if let Some(d) = &meta.description {
        m = m.description(d.clone());
    }
    if !meta.keywords.is_empty() {
        m = m.keywords(meta.keywords.clone());
    }
    if let Some(epoch) = opts.modified {
        m = m.creation_date(date_time(epoch));
    }
    m
}

/// Seconds since the epoch as a UTC date and time (Howard Hinnant's days-to-civil).
fn date_time(epoch: i64) -> DateTime {
    let days = epoch.div_euclid(86_400);
    let secs = epoch.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    DateTime::new(year.clamp(0, 9999) as u16)
        .month(month as u8)
        .day(day as u8)
        .hour((secs / 3600) as u8)
        .minute((secs % 3600 / 60) as u8)
        .second((secs % 60) as u8)
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_from_the_epoch() {
        let d = format!("{:?}", date_time(1_700_000_000));
        // 2023-11-14 22:13:20 UTC
        for part in ["2023", "11", "14", "22", "13", "20"] {
            assert!(d.contains(part), "{d}");
        }
    }
}
