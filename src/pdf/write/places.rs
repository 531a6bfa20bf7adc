//! Where a page's links lead: the places across the whole document a link may point
//! to before the writer reaches them (a note's first page, a note's first marker, a
//! profile's first page), and the target of each tagged stretch of a line.

use std::collections::BTreeMap;

use krilla::action::{Action, LinkAction};
use krilla::annotation::Target;
use krilla::destination::{Destination, NamedDestination, XyzDestination};
use krilla::geom::Point;

use super::super::Geometry;
use super::super::types::{ItemKind, NoteKey, Page, Tag};
use super::tags::LinkKind;

/// Where things are across the whole document, which a page's links may point to
/// before the writer reaches them: gathered page by page from a layout the writer
/// will receive again, so the pages themselves need not be kept.
#[derive(Debug, Clone, Default)]
pub struct Places {
    /// Each note's first page and the top of its first line there.
    pub(super) first_note: NoteStarts,
    /// Each note's first marker.
    pub(super) first_marker: Markers,
    /// Each profile's first page (0-based), for the contents' links.
    pub(super) doc_first: BTreeMap<usize, usize>,
    /// Each heading with an author's id: profile and id to page and the top of its
    /// first line (the first heading of that id in the profile, as in the EPUB).
    pub(super) anchors: BTreeMap<(usize, String), (usize, f32)>,
}

impl Places {
    /// Adds page `p` (0-based); pages come in order.
    pub fn add(&mut self, p: usize, page: &Page) {
        if let Some(d) = page.doc {
            self.doc_first.entry(d).or_insert(p);
        }
        for m in page.notes.iter().filter(|m| m.start) {
            self.first_note.entry(m.key).or_insert((p, m.y));
        }
        let doc = page.doc.unwrap_or(usize::MAX);
        for item in &page.items {
            if let ItemKind::Text {
                line,
                note: None,
                outline,
                ..
            } = &item.kind
            {
                if let Some(id) = outline.as_ref().and_then(|o| o.anchor.clone()) {
                    self.anchors
                        .entry((doc, id))
                        .or_insert((p, item.y - line.ascent));
                }
                for t in &line.tags {
                    if let Tag::NoteRef { note, .. } = t.tag {
                        self.first_marker.entry((doc, note)).or_insert((
                            p,
                            item.x + t.x0,
                            item.y - line.ascent,
                        ));
                    }
                }
            }
        }
    }
}

/// Each note's first page and the top of its first line there (its named destination).
type NoteStarts = BTreeMap<NoteKey, (usize, f32)>;
/// Each note's first marker: page, x, top.
type Markers = BTreeMap<NoteKey, (usize, f32, f32)>;

/// Where the links of a page go: a note marker to its note on the same page, a note's
/// number back to its marker.
pub(super) struct Targets<'a> {
    pub(super) g: &'a Geometry,
    pub(super) named: &'a BTreeMap<NoteKey, NamedDestination>,
    pub(super) first_note: &'a NoteStarts,
    pub(super) first_marker: &'a Markers,
    pub(super) anchors: &'a BTreeMap<(usize, String), (usize, f32)>,
}

impl Targets<'_> {
    /// The annotation target, its description and its kind for tag `tag` on page `p`
    /// (profile `doc`; `note` for a line of a note); `None` when it leads nowhere.
    pub(super) fn link(
        &self,
        tag: &Tag,
        page: &Page,
        p: usize,
        doc: usize,
        note: Option<NoteKey>,
    ) -> Option<(Target, String, LinkKind)> {
        match tag {
            // A fragment leads to the heading of this profile with that id, as in the
            // EPUB; one naming no heading stays text.
            Tag::Link(url) if url.starts_with('#') => {
                let id = url.strip_prefix('#').unwrap_or(url).to_string();
                let &(hp, top) = self.anchors.get(&(doc, id))?;
                let target = Target::Destination(Destination::Xyz(XyzDestination::new(
                    hp,
                    Point::from_xy(self.g.margins.left, top),
                )));
                Some((target, url.clone(), LinkKind::Url(url.clone())))
            }
            // Only the schemes the EPUB also follows are live; the rest stay text.
            Tag::Link(url) => crate::link::outside_href(url).map(|href| {
                (
                    Target::Action(Action::Link(LinkAction::new(href))),
                    url.clone(),
                    LinkKind::Url(url.clone()),
                )
            }),
            Tag::NoteRef { note: n, .. } => {
                let key = (doc, *n);
                // The named destination where the note starts on this very page; else
                // the note's place on this page (a note cited on several pages).
                let here = page.notes.iter().find(|m| m.key == key)?;
                let target = match (self.named.get(&key), self.first_note.get(&key)) {
                    (Some(nd), Some((fp, fy))) if *fp == p && *fy == here.y => {
                        Target::Destination(Destination::Named(nd.clone()))
                    }
                    _ => Target::Destination(Destination::Xyz(XyzDestination::new(
                        p,
                        Point::from_xy(self.g.margins.left, here.y),
                    ))),
                };
                Some((target, format!("note {n}"), LinkKind::NoteRef))
            }
            Tag::NoteNumber { note: n } => {
                let key = note.map_or((doc, *n), |k| (k.0, *n));
                // Back to the marker on this page, else to the first one.
                let (mp, mx, my) =
                    marker_on(page, p, key).or_else(|| self.first_marker.get(&key).copied())?;
                let target = Target::Destination(Destination::Xyz(XyzDestination::new(
                    mp,
                    Point::from_xy(mx, my),
                )));
                Some((
                    target,
                    format!("back to the text citing note {n}"),
                    LinkKind::NoteNumber,
                ))
            }
        }
    }
}

/// Where the marker of note `key` is on page `page` (number `p`): page, x, top.
fn marker_on(page: &Page, p: usize, key: NoteKey) -> Option<(usize, f32, f32)> {
    if page.doc != Some(key.0) {
        return None;
    }
    page.items.iter().find_map(|it| match &it.kind {
        ItemKind::Text {
            line, note: None, ..
        } => line
            .tags
            .iter()
            .find(|t| matches!(t.tag, Tag::NoteRef { note, .. } if note == key.1))
            .map(|t| (p, it.x + t.x0, it.y - line.ascent)),
        _ => None,
    })
}
