//! The structure tree, gathered while the pages are drawn: each line's marked
//! content and link annotations go into the group of their paragraph, note, figure or
//! table cell, in reading order; [`Tree::finish`] turns it into krilla's tag tree.
//!
//! Annotations only get their identifiers once a page's drawing is done, so a link
//! first names its annotation by (page, position among the page's annotations) and the
//! identifier is looked up at the end. Every annotation a page adds is named by
//! exactly one link part, and every content identifier by exactly one part: krilla
//! refuses (panics on) a tree that leaves either out or names it twice.

use std::collections::BTreeMap;
use std::num::NonZeroU16;

use krilla::tagging::{Identifier, TableHeaderScope, Tag as PdfTag, TagGroup, TagKind, TagTree};

use crate::pdf::arrange::Cell;
use crate::pdf::collect::Role;
use crate::pdf::compose::NoteKey;

/// The group a stretch of content belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Key {
    /// A footnote (its lines may fall on two pages).
    Note(NoteKey),
    /// An image: its page and the bits of its top edge.
    Figure(usize, u32),
    /// A paragraph: its role and first element.
    Block(Role, usize),
    /// A table, by its first row's element.
    Table(usize),
}

/// A leaf of a link: its text, or its annotation as (page, position on the page).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Leaf {
    /// Marked content.
    Content(Identifier),
    /// The n-th annotation added to a page.
    Annot(usize, usize),
}

/// One piece of a line in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    /// Text outside any link.
    Content(Identifier),
    /// A link: its text and its annotations. `url` lets a URL broken across lines
    /// stay one link.
    Link {
        /// The URL of a hyperlink; `None` for links inside the document.
        url: Option<String>,
        /// Its text and annotation(s).
        leaves: Vec<Leaf>,
    },
}

/// A table's cells by row (element index) and column: whether a header cell, parts.
type Rows = BTreeMap<usize, BTreeMap<usize, (bool, Vec<Part>)>>;

enum Entry {
    Group(TagKind, Vec<Part>),
    Table(Rows),
}

/// The tree being gathered.
#[derive(Default)]
pub struct Tree {
    entries: Vec<Entry>,
    index: BTreeMap<Key, usize>,
    annots: Vec<Vec<Identifier>>,
}

impl Tree {
    /// Appends `parts` to the group `key` (made with `kind` the first time).
    pub fn push(&mut self, key: Key, kind: impl FnOnce() -> TagKind, parts: Vec<Part>) {
        let entry = self.entry(key, || Entry::Group(kind(), Vec::new()));
        if let Entry::Group(_, out) = entry {
            extend(out, parts);
        }
    }

    /// Appends `parts` to a table cell.
    pub fn push_cell(&mut self, cell: Cell, parts: Vec<Part>) {
        let entry = self.entry(Key::Table(cell.table), || Entry::Table(Rows::new()));
        if let Entry::Table(rows) = entry {
            let (_, out) = rows
                .entry(cell.row)
                .or_default()
                .entry(cell.col)
                .or_insert((cell.head, Vec::new()));
            extend(out, parts);
        }
    }

    /// Records the identifiers of the next page's annotations, in the order added.
    pub fn page_annotations(&mut self, ids: Vec<Identifier>) {
        self.annots.push(ids);
    }

    fn entry(&mut self, key: Key, make: impl FnOnce() -> Entry) -> &mut Entry {
        let pos = *self.index.entry(key).or_insert_with(|| {
            self.entries.push(make());
            self.entries.len() - 1
        });
        &mut self.entries[pos]
    }

    /// krilla's tag tree.
    pub fn finish(self, lang: Option<String>) -> TagTree {
        let annots = self.annots;
        let group = |kind: TagKind, parts: Vec<Part>| {
            let mut g = TagGroup::new(kind);
            for part in parts {
                match part {
                    Part::Content(id) => g.push(id),
                    Part::Link { leaves, .. } => {
                        let mut link = TagGroup::new(PdfTag::Link);
                        for leaf in leaves {
                            match leaf {
                                Leaf::Content(id) => link.push(id),
                                Leaf::Annot(p, i) => {
                                    if let Some(id) = annots.get(p).and_then(|a| a.get(i)) {
                                        link.push(*id);
                                    }
                                }
                            }
                        }
                        g.push(link);
                    }
                }
            }
            g
        };
        let mut tree = TagTree::new().with_lang(lang);
        for entry in self.entries {
            match entry {
                Entry::Group(kind, parts) => tree.push(group(kind, parts)),
                Entry::Table(rows) => {
                    let mut table = TagGroup::new(PdfTag::Table);
                    for cells in rows.into_values() {
                        let mut row = TagGroup::new(PdfTag::TR);
                        for (head, parts) in cells.into_values() {
                            let kind: TagKind = if head {
                                PdfTag::TH(TableHeaderScope::Column).into()
                            } else {
                                PdfTag::TD.into()
                            };
                            row.push(group(kind, parts));
                        }
                        table.push(row);
                    }
                    tree.push(table);
                }
            }
        }
        tree
    }
}

/// Appends a line's parts; a URL that ends one line and starts the next is one link.
fn extend(out: &mut Vec<Part>, parts: Vec<Part>) {
    let mut parts = parts.into_iter();
    if let Some(first) = parts.next() {
        match (out.last_mut(), first) {
            (
                Some(Part::Link {
                    url: Some(a),
                    leaves,
                }),
                Part::Link {
                    url: Some(b),
                    leaves: more,
                },
            ) if *a == b => leaves.extend(more),
            (_, first) => out.push(first),
        }
    }
    out.extend(parts);
}

/// The structure tag of a paragraph of this role.
pub fn kind(role: Role) -> TagKind {
    match role {
        Role::Heading(level) => PdfTag::Hn(
            NonZeroU16::new(u16::from(level)).unwrap_or(NonZeroU16::MIN),
            None,
        )
        .into(),
        Role::Title => PdfTag::Title.into(),
        Role::Note => PdfTag::Note.into(),
        Role::Caption => PdfTag::Caption.into(),
        Role::Quote => PdfTag::BlockQuote.into(),
        Role::Bibliography => PdfTag::BibEntry.into(),
        Role::Body => PdfTag::P.into(),
    }
}

/// A figure with its alternative text.
pub fn figure(alt: Option<String>) -> TagKind {
    PdfTag::Figure(alt).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hyperlink whose annotations are the page's `annots`.
    fn link(url: &str, annots: &[usize]) -> Part {
        Part::Link {
            url: Some(url.into()),
            leaves: annots.iter().map(|&i| Leaf::Annot(0, i)).collect(),
        }
    }

    #[test]
    fn a_url_broken_across_lines_stays_one_link() {
        let mut out = vec![link("https://a", &[0])];
        extend(&mut out, vec![link("https://a", &[1])]);
        assert_eq!(out, [link("https://a", &[0, 1])]);
        // Another URL starts another link.
        extend(&mut out, vec![link("https://b", &[2])]);
        assert_eq!(out.len(), 2);
        // Note links never merge.
        let note = Part::Link {
            url: None,
            leaves: vec![Leaf::Annot(0, 3)],
        };
        extend(&mut out, vec![note.clone()]);
        extend(&mut out, vec![note]);
        assert_eq!(out.len(), 4);
    }
}
