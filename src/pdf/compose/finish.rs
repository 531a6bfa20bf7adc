//! Stage 3's last step: a composed page's elements and notes become positioned items
//! (rows split across slices written cell by cell, a page broken inside a table
//! spread between its rows).

use super::{Composer, Text};
use crate::pdf::types::{
    Container, ElemKind, Item, ItemKind, Line, Nest, NoteMark, Page, Role, baseline_in,
};

impl Composer<'_> {
    /// Extra space after each body element of the page. A page broken inside a
    /// table spreads the room left above the notes between that table's rows (at
    /// most half the body size a gap, as TeX's \flushbottom stretches glue), so that
    /// the pages of a long table end level rather than a row's height short; a page
    /// that would leave a hole (`State::spread`) spreads it between its paragraphs.
    fn stretch(&self) -> Vec<f32> {
        let body = &self.st.body;
        let mut out = vec![0.0; body.len()];
        let row = |e: usize| match self.a.elems.get(e).map(|el| &el.kind) {
            Some(ElemKind::Row { cells, .. }) => cells.first().and_then(|c| row_of(&c.3)),
            _ => None,
        };
        let table = |e: usize| match self.a.elems.get(e).map(|el| &el.kind) {
            Some(ElemKind::Row { cells, .. }) => cells.first().and_then(|c| {
                c.3.iter().find_map(|k| match k {
                    Container::Table(t) => Some(*t),
                    _ => None,
                })
            }),
            _ => None,
        };
        let Some(&(last, _)) = body.last() else {
            return out;
        };
        let going_on = table(last);
        if going_on.is_none() || going_on != table(last + 1) {
            if self.st.spread {
                let gaps = self.paragraph_gaps();
                let each = (self.room() / gaps.len().max(1) as f32).min(self.gap_limit());
                for b in gaps {
                    out[b] = each.max(0.0);
                }
            }
            return out;
        }
        let gaps: Vec<usize> = (0..body.len() - 1)
            .filter(|&b| {
                let (a, n) = (row(body[b].0), row(body[b + 1].0));
                table(body[b].0) == going_on && a.is_some() && n.is_some() && a != n
            })
            .collect();
        let room = self.room();
        if gaps.is_empty() || room <= 0.0 {
            return out;
        }
        let each = (room / gaps.len() as f32).min(self.gap_limit());
        for b in gaps {
            out[b] = each;
        }
        out
    }

    /// The most space added to one gap when a page is spread: half the body size.
    fn gap_limit(&self) -> f32 {
        self.g.size * 0.5
    }

    /// Indices into the page's body after which one paragraph (or heading) ends
    /// and another starts, with or without space between them: TeX stretches the
    /// glue between paragraphs and around headings alike. A heading stays closer to
    /// its text than to the text above, as every gap gets the same.
    fn paragraph_gaps(&self) -> Vec<usize> {
        let block = |e: usize| match self.a.elems.get(e).map(|el| &el.kind) {
            Some(ElemKind::Line(p)) => Some(p.block),
            _ => None,
        };
        let body = &self.st.body;
        (0..body.len().saturating_sub(1))
            .filter(|&b| {
                let next = body[b + 1..]
                    .iter()
                    .find(|(e, _)| !matches!(self.a.elems[*e].kind, ElemKind::Space));
                let n = next.and_then(|(e, _)| block(*e));
                block(body[b].0).is_some_and(|a| n.is_some_and(|n| n != a))
            })
            .collect()
    }

    /// How much room spreading the page's paragraphs may take up.
    pub(super) fn spread_room(&self) -> f32 {
        self.paragraph_gaps().len() as f32 * self.gap_limit()
    }

    pub(super) fn finish(&self) -> Page {
        let g = &self.g;
        let (left, top) = (g.margins.left, g.margins.top);
        let mut items = Vec::new();
        // The cells of a row split into slices, gathered to be written cell by cell
        // (each cell's lines in reading order), with their columns.
        let mut row: (Option<usize>, Vec<(usize, Item)>) = (None, Vec::new());
        let stretch = self.stretch();
        let mut extra = 0.0;
        for (b, &(e, y0)) in self.st.body.iter().enumerate() {
            let elem = &self.a.elems[e];
            let top = top + y0 + extra;
            extra += stretch[b];
            let repeat = self.st.repeats.contains(&b);
            let this_row = match &elem.kind {
                ElemKind::Row { cells, .. } => cells.first().and_then(|c| row_of(&c.3)),
                _ => None,
            };
            if this_row != row.0 {
                flush_row(&mut items, &mut row.1);
                row.0 = this_row;
            }
            match &elem.kind {
                ElemKind::Line(p) => {
                    let y = top + baseline_in(&p.line);
                    let text = |line: &Line, outline, goto, extra| ItemKind::Text {
                        line: line.clone(),
                        role: p.role,
                        outline,
                        note: None,
                        block: p.block,
                        goto,
                        nest: p.nest.clone(),
                        extra,
                    };
                    items.push(Item {
                        x: left + p.x,
                        y,
                        kind: text(&p.line, p.outline.clone(), p.goto, false),
                    });
                    for (x, line) in &p.extras {
                        items.push(Item {
                            x: left + x,
                            y,
                            kind: text(line, None, None, true),
                        });
                    }
                }
                ElemKind::Rule { x, width } => {
                    items.push(Item {
                        x: left + x,
                        y: top + elem.height / 2.0,
                        kind: ItemKind::Rule { width: *width },
                    });
                }
                ElemKind::Row { cells, rules, .. } => {
                    for (x, y, line, nest) in cells {
                        // The lines of a row split across pages are one block.
                        let block = row_of(nest).unwrap_or(e);
                        let kind = if repeat {
                            ItemKind::Repeat { line: line.clone() }
                        } else {
                            ItemKind::Text {
                                line: line.clone(),
                                role: Role::Body,
                                outline: None,
                                note: None,
                                block,
                                goto: None,
                                nest: nest.clone(),
                                extra: false,
                            }
                        };
                        let column = nest
                            .iter()
                            .find_map(|c| match c {
                                Container::Cell(c, _) => Some(*c),
                                _ => None,
                            })
                            .unwrap_or(0);
                        let item = Item {
                            x: left + x,
                            y: top + y,
                            kind,
                        };
                        row.1.push((column, item));
                    }
                    for (x0, x1, y) in rules {
                        items.push(Item {
                            x: left + x0,
                            y: top + y,
                            kind: ItemKind::Rule { width: x1 - x0 },
                        });
                    }
                }
                ElemKind::Image {
                    src,
                    alt,
                    x,
                    width,
                    nest,
                } => {
                    items.push(Item {
                        x: left + x,
                        y: top,
                        kind: ItemKind::Image {
                            src: src.clone(),
                            alt: alt.clone(),
                            width: *width,
                            height: elem.height,
                            nest: nest.clone(),
                        },
                    });
                }
                ElemKind::Space | ElemKind::Start { .. } => {}
            }
        }
        flush_row(&mut items, &mut row.1);
        let mut notes = Vec::new();
        if !self.st.notes.is_empty() {
            let mut y = g.page_h - g.margins.bottom - self.st.notes_h;
            items.push(Item {
                x: left,
                // As LaTeX sets it: two fifths of the measure, closer to the notes
                // than to the text above.
                y: y - self.sep() * 0.25,
                kind: ItemKind::Rule {
                    width: g.width() * 0.4,
                },
            });
            for part in &self.st.notes {
                notes.push(NoteMark {
                    key: part.key,
                    y,
                    start: part.from == 0,
                    back: part.full == Text::Back,
                });
                for line in &self.note_lines(part.key, part.full)[part.from..part.to] {
                    let kind = ItemKind::Text {
                        line: line.clone(),
                        role: Role::Note,
                        outline: None,
                        note: Some(part.key),
                        block: 0,
                        goto: None,
                        nest: Nest::default(),
                        extra: false,
                    };
                    items.push(Item {
                        x: left,
                        y: y + baseline_in(line),
                        kind,
                    });
                    y += line.leading;
                }
            }
        }
        Page {
            doc: self.st.doc,
            head: if self.st.first {
                None
            } else {
                self.st.head.clone()
            },
            number: self.count + 1,
            // Every page is numbered but a title page.
            folio: self.st.doc.is_some() || !self.st.first || self.count > 0,
            items,
            notes,
            spread: stretch.iter().copied().fold(0.0, f32::max),
            band: self.room() - stretch.iter().sum::<f32>(),
            single_note_lines: self
                .st
                .notes
                .iter()
                .filter(|p| {
                    let n = self.note_lines(p.key, p.full).len();
                    p.to < n && (p.to - p.from == 1 || n - p.to == 1)
                })
                .count(),
        }
    }
}

/// The table row (its first element) a cell line belongs to.
fn row_of(nest: &Nest) -> Option<usize> {
    nest.iter().find_map(|c| match c {
        Container::Row(row) => Some(*row),
        _ => None,
    })
}

/// Writes a row's gathered cell lines out, cell by cell.
fn flush_row(items: &mut Vec<Item>, cells: &mut Vec<(usize, Item)>) {
    cells.sort_by_key(|c| c.0);
    items.extend(cells.drain(..).map(|c| c.1));
}
