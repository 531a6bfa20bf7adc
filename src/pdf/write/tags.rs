//! The structure tree, gathered while the pages are drawn: each line's marked
//! content and link annotations go into the group of their paragraph, note, figure,
//! list label or table cell, inside the quotes, lists and tables around it, in
//! reading order; [`Tree::finish`] turns it into krilla's tag tree.
//!
//! Annotations only get their identifiers once a page's drawing is done, so a link
//! first names its annotation by (page, position among the page's annotations) and the
//! identifier is looked up at the end. Every annotation a page adds is named by
//! exactly one link part, and every content identifier by exactly one part: krilla
//! refuses (panics on) a tree that leaves either out or names it twice.

use std::collections::BTreeMap;
use std::num::NonZeroU16;

use krilla::tagging::{
    Identifier, ListNumbering, TableHeaderScope, Tag as PdfTag, TagGroup, TagKind, TagTree,
};

use crate::pdf::types::{Container, NoteKey, Role};

/// The group a paragraph's content belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Key {
    /// A footnote (its lines may fall on two pages).
    Note(NoteKey),
    /// An image: its page and the bits of its top edge.
    Figure(usize, u32),
    /// A paragraph: its role and first element.
    Block(Role, usize),
}

/// A leaf of a link: its text, or its annotation as (page, position on the page).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Leaf {
    /// Marked content.
    Content(Identifier),
    /// The n-th annotation added to a page.
    Annot(usize, usize),
}

/// What a link is, which decides what holds its Link element.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkKind {
    /// A hyperlink; the URL lets one broken across lines stay one link.
    Url(String),
    /// A note marker in the text: a Reference holds the Link.
    NoteRef,
    /// The number a note starts with, linking back: the note's Lbl holds the Link.
    NoteNumber,
    /// A contents entry, linking to its profile.
    Contents,
}

/// One piece of a line in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    /// Text outside any link.
    Content(Identifier),
    /// A link: its annotation(s), each before the text it covers.
    Link {
        /// What it is.
        kind: LinkKind,
        /// Its annotations and text.
        leaves: Vec<Leaf>,
    },
}

/// A node's place among its parent's children.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Slot {
    Container(Container),
    Label,
    Body,
    Group(Key),
}

#[derive(Debug, PartialEq)]
enum Child {
    Node(usize),
    Part(Part),
}

struct Node {
    kind: Option<TagKind>,
    kids: Vec<Child>,
}

/// The tree being gathered: an arena of nodes, the root first, every node after
/// its parent (so [`Tree::finish`] can build groups from the last node back).
pub struct Tree {
    nodes: Vec<Node>,
    index: BTreeMap<(usize, Slot), usize>,
    annots: Vec<Vec<Identifier>>,
}

impl Default for Tree {
    fn default() -> Self {
        Tree {
            nodes: vec![Node {
                kind: None,
                kids: Vec::new(),
            }],
            index: BTreeMap::new(),
            annots: Vec::new(),
        }
    }
}

impl Tree {
    /// Appends `parts` to the group `key` (made with `kind` the first time) inside
    /// the containers of `nest`. In a list item the parts go to its body, or to its
    /// label when `label`; in a table cell they go to the cell itself.
    pub fn push(
        &mut self,
        nest: &[Container],
        key: Key,
        kind: impl FnOnce() -> TagKind,
        label: bool,
        parts: Vec<Part>,
    ) {
        let mut at = 0;
        for (i, c) in nest.iter().enumerate() {
            at = self.child(at, Slot::Container(*c), || container(*c));
            if let Container::Item(_) = c {
                // Label first, then body, whatever comes first on the page. Only
                // the innermost item's label is this line's.
                let lbl = self.child(at, Slot::Label, || PdfTag::Lbl.into());
                let body = self.child(at, Slot::Body, || PdfTag::LBody.into());
                at = if label && i + 1 == nest.len() {
                    lbl
                } else {
                    body
                };
            }
        }
        let own = match nest.last() {
            Some(Container::Cell(..)) => true,
            Some(Container::Item(_)) => label,
            _ => false,
        };
        if !own {
            at = self.child(at, Slot::Group(key), kind);
        }
        extend(&mut self.nodes[at].kids, parts);
    }

    /// Records the identifiers of the next page's annotations, in the order added.
    pub fn page_annotations(&mut self, ids: Vec<Identifier>) {
        self.annots.push(ids);
    }

    /// The child of `parent` in `slot`, made with `kind` the first time.
    fn child(&mut self, parent: usize, slot: Slot, kind: impl FnOnce() -> TagKind) -> usize {
        if let Some(&i) = self.index.get(&(parent, slot)) {
            return i;
        }
        let i = self.nodes.len();
        self.nodes.push(Node {
            kind: Some(kind()),
            kids: Vec::new(),
        });
        self.nodes[parent].kids.push(Child::Node(i));
        self.index.insert((parent, slot), i);
        i
    }

    /// krilla's tag tree. Groups are built from the last node back, so each node's
    /// children are ready when it is; no recursion however deep the nesting.
    pub fn finish(self, lang: Option<String>) -> TagTree {
        let Tree {
            nodes,
            index,
            annots,
        } = self;
        drop(index);
        let mut built: Vec<Option<TagGroup>> = Vec::with_capacity(nodes.len());
        built.resize_with(nodes.len(), || None);
        let mut top = Vec::new();
        for (i, node) in nodes.into_iter().enumerate().rev() {
            // Each child vector is made at its final length: krilla holds the whole
            // tree (88 bytes a node) until the file is serialised, and a vector grown
            // by pushing keeps up to half of it spare (issue 10, item 8).
            let mut kids = Vec::with_capacity(node.kids.len());
            for kid in node.kids {
                match kid {
                    Child::Node(j) => {
                        if let Some(g) = built.get_mut(j).and_then(Option::take) {
                            kids.push(g.into());
                        }
                    }
                    Child::Part(Part::Content(id)) => kids.push(id.into()),
                    Child::Part(Part::Link { kind, leaves }) => {
                        // Not `collect`: through a filter it starts at room for four.
                        let mut children = Vec::with_capacity(leaves.len());
                        for leaf in leaves {
                            match leaf {
                                Leaf::Content(id) => children.push(id.into()),
                                Leaf::Annot(p, n) => {
                                    if let Some(id) = annots.get(p).and_then(|a| a.get(n)) {
                                        children.push((*id).into());
                                    }
                                }
                            }
                        }
                        let link = TagGroup::with_children(PdfTag::Link, children);
                        let outer: Option<TagKind> = match kind {
                            LinkKind::NoteRef => Some(PdfTag::Reference.into()),
                            LinkKind::NoteNumber => Some(PdfTag::Lbl.into()),
                            LinkKind::Url(_) | LinkKind::Contents => None,
                        };
                        kids.push(match outer {
                            Some(outer) => TagGroup::with_children(outer, vec![link.into()]).into(),
                            None => link.into(),
                        });
                    }
                }
            }
            match node.kind {
                // An item without a label leaves its Lbl empty: krilla would write
                // an empty element, so leave it out. An empty table cell stays, so
                // the cells after it keep their columns.
                Some(ref kind)
                    if kids.is_empty() && !matches!(kind, TagKind::TD(_) | TagKind::TH(_)) => {}
                Some(kind) => built[i] = Some(TagGroup::with_children(kind, kids)),
                None => top = kids,
            }
        }
        TagTree::from(top).with_lang(lang)
    }
}

/// The structure tag of a container.
fn container(c: Container) -> TagKind {
    match c {
        Container::Quote(_) => PdfTag::BlockQuote.into(),
        Container::List(_, numbered) => PdfTag::L(if numbered {
            ListNumbering::Decimal
        } else {
            ListNumbering::Disc
        })
        .into(),
        Container::Bibliography(_) => PdfTag::L(ListNumbering::None).into(),
        Container::Item(_) => PdfTag::LI.into(),
        Container::Table(_) => PdfTag::Table.into(),
        Container::Rows(_, true) => PdfTag::THead.into(),
        Container::Rows(_, false) => PdfTag::TBody.into(),
        Container::Row(_) => PdfTag::TR.into(),
        Container::Cell(_, true) => PdfTag::TH(TableHeaderScope::Column).into(),
        Container::Cell(_, false) => PdfTag::TD.into(),
        Container::Code(_) => PdfTag::P.into(),
        Container::Toc(_) => PdfTag::TOC.into(),
        Container::TocItem(_) => PdfTag::TOCI.into(),
    }
}

/// A line's parts in reading order, from the spans it was drawn as (each with the
/// link box it lies in, if any) and its links (the annotation's position among page
/// `page`'s annotations, and what it is): a link's annotation and text make one Link
/// part; a link whose text drew nothing is its annotation alone, after the line.
pub fn line_parts(
    spans: Vec<(Option<usize>, Identifier)>,
    links: &[(usize, LinkKind)],
    page: usize,
) -> Vec<Part> {
    let mut parts: Vec<Part> = Vec::new();
    // The part each link's text went to.
    let mut at: Vec<Option<usize>> = vec![None; links.len()];
    for (b, id) in spans {
        match b.and_then(|b| Some((b, links.get(b)?))) {
            None => parts.push(Part::Content(id)),
            Some((b, (annot, kind))) => match at[b].and_then(|i| parts.get_mut(i)) {
                Some(Part::Link { leaves, .. }) => leaves.push(Leaf::Content(id)),
                _ => {
                    at[b] = Some(parts.len());
                    parts.push(Part::Link {
                        kind: kind.clone(),
                        leaves: vec![Leaf::Annot(page, *annot), Leaf::Content(id)],
                    });
                }
            },
        }
    }
    for (b, (annot, kind)) in links.iter().enumerate() {
        if at[b].is_none() {
            parts.push(Part::Link {
                kind: kind.clone(),
                leaves: vec![Leaf::Annot(page, *annot)],
            });
        }
    }
    parts
}

/// A line that is one link as a whole (a contents entry): `annot`, then its text
/// and any links inside it, in one Link part.
pub fn whole_link(parts: Vec<Part>, annot: Leaf) -> Vec<Part> {
    let mut leaves: Vec<Leaf> = vec![annot];
    for part in parts {
        match part {
            Part::Content(id) => leaves.push(Leaf::Content(id)),
            Part::Link { leaves: inner, .. } => leaves.extend(inner),
        }
    }
    vec![Part::Link {
        kind: LinkKind::Contents,
        leaves,
    }]
}

/// Appends a line's parts; a URL that ends one line and starts the next is one link.
fn extend(out: &mut Vec<Child>, parts: Vec<Part>) {
    let mut parts = parts.into_iter();
    if let Some(first) = parts.next() {
        match (out.last_mut(), first) {
            (
                Some(Child::Part(Part::Link {
                    kind: LinkKind::Url(a),
                    leaves,
                })),
                Part::Link {
                    kind: LinkKind::Url(b),
                    leaves: more,
                },
            ) if *a == b => leaves.extend(more),
            (_, first) => out.push(Child::Part(first)),
        }
    }
    out.extend(parts.map(Child::Part));
}

/// The structure tag of a paragraph of this role: a heading with its text (its
/// outline entry) as title, and a language where it differs from the book's. A
/// profile's (or the book's) title is the H1 its headings (H2 on) follow, as PDF/UA
/// wants a document's headings to begin at H1; the lines under it (subtitle,
/// authors, date) are paragraphs. A heading never goes more than one level below
/// the one before (`last`), since PDF/UA forbids skipped levels.
pub fn kind(role: Role, title: Option<String>, lang: Option<String>, last: &mut u8) -> TagKind {
    let level = match role {
        Role::Heading(level) => Some(level.min(last.saturating_add(1)).max(1)),
        Role::Title if title.is_some() => Some(1),
        _ => None,
    };
    if let Some(level) = level {
        *last = level;
    }
    let mut kind: TagKind = match (role, level) {
        (_, Some(level)) => PdfTag::Hn(
            NonZeroU16::new(u16::from(level)).unwrap_or(NonZeroU16::MIN),
            title,
        )
        .into(),
        (Role::Note, _) => PdfTag::Note.into(),
        (Role::Caption, _) => PdfTag::Caption.into(),
        (Role::Bibliography, _) => PdfTag::BibEntry.into(),
        // A code block's lines sit in its CodeBlock container (a P).
        (Role::Code, _) => PdfTag::Code.into(),
        // A quote's paragraphs sit in its BlockQuote container.
        (Role::Quote | Role::Body | Role::Title | Role::Heading(_), _) => PdfTag::P.into(),
    };
    kind.as_any_mut().set_lang(lang);
    kind
}

/// A figure with its alternative text.
pub fn figure(alt: Option<String>) -> TagKind {
    PdfTag::Figure(alt).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_levels_are_never_skipped() {
        let mut last = 0;
        let mut level = |role: Role| {
            let kind = kind(role, Some("t".into()), None, &mut last);
            kind.as_any().level().map(|l| l.get())
        };
        assert_eq!(level(Role::Title), Some(1));
        assert_eq!(level(Role::Heading(3)), Some(2));
        assert_eq!(level(Role::Heading(4)), Some(3));
        assert_eq!(level(Role::Body), None);
        assert_eq!(level(Role::Heading(2)), Some(2));
        assert_eq!(level(Role::Title), Some(1));
    }

    /// A hyperlink whose annotations are the page's `annots`.
    fn link(url: &str, annots: &[usize]) -> Part {
        Part::Link {
            kind: LinkKind::Url(url.into()),
            leaves: annots.iter().map(|&i| Leaf::Annot(0, i)).collect(),
        }
    }

    /// Every child list in `nodes` and below it, as (length, capacity).
    fn child_lists(nodes: &[krilla::tagging::Node], out: &mut Vec<(usize, usize)>) {
        for node in nodes {
            if let krilla::tagging::Node::Group(g) = node {
                out.push((g.children.len(), g.children.capacity()));
                child_lists(&g.children, out);
            }
        }
    }

    #[test]
    fn the_tag_tree_keeps_no_spare_room() {
        use krilla::annotation::{Annotation, LinkAnnotation, Target};
        use krilla::tagging::{ContentTag, SpanTag};
        let mut doc = krilla::Document::new();
        let mut page = doc.start_page();
        let mut surface = page.surface();
        let mut spans: Vec<Identifier> = (0..9)
            .map(|_| {
                let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
                surface.end_tagged();
                id
            })
            .collect();
        surface.finish();
        let rect = krilla::geom::Rect::from_xywh(0.0, 0.0, 10.0, 10.0).unwrap();
        let annots = ["https://a", "https://b"]
            .map(|url| {
                let target = Target::Action(krilla::action::LinkAction::new(url.into()).into());
                page.add_tagged_annotation(Annotation::new_link(
                    LinkAnnotation::new(rect, target),
                    Some(url.into()),
                ))
            })
            .to_vec();
        page.finish();
        let mut tree = Tree::default();
        tree.page_annotations(annots);
        let key = Key::Block(Role::Body, 0);
        let mut line = |parts| tree.push(&[], key, || PdfTag::P.into(), false, parts);
        // Two lines of one paragraph: five spans; then a note marker over one span,
        // a link over two and a last span.
        line(spans.drain(..5).map(Part::Content).collect());
        let mut link = |annot, kind, n| {
            let mut leaves = vec![Leaf::Annot(0, annot)];
            leaves.extend(spans.drain(..n).map(Leaf::Content));
            Part::Link { kind, leaves }
        };
        let note = link(0, LinkKind::NoteRef, 1);
        let url = link(1, LinkKind::Url("https://b".into()), 2);
        line(vec![note, url, Part::Content(spans.pop().unwrap())]);
        let tree = tree.finish(None);
        let mut lists = vec![(tree.children.len(), tree.children.capacity())];
        child_lists(&tree.children, &mut lists);
        // The root holds the paragraph, which holds eight: five spans, the marker's
        // Reference (its Link: annotation and span), the link (annotation and two
        // spans) and the last span.
        let lengths: Vec<usize> = lists.iter().map(|l| l.0).collect();
        assert_eq!(lengths, [1, 8, 1, 2, 3]);
        for (len, capacity) in lists {
            assert_eq!(len, capacity);
        }
    }

    #[test]
    fn a_url_broken_across_lines_stays_one_link() {
        let mut out = vec![Child::Part(link("https://a", &[0]))];
        extend(&mut out, vec![link("https://a", &[1])]);
        assert_eq!(out, [Child::Part(link("https://a", &[0, 1]))]);
        // Another URL starts another link.
        extend(&mut out, vec![link("https://b", &[2])]);
        assert_eq!(out.len(), 2);
        // Note links never merge.
        let note = Part::Link {
            kind: LinkKind::NoteRef,
            leaves: vec![Leaf::Annot(0, 3)],
        };
        extend(&mut out, vec![note.clone()]);
        extend(&mut out, vec![note]);
        assert_eq!(out.len(), 4);
    }
}
