//! Tables: columns sized by their content within the measure, and rows as elements
//! whose header repeats on a page the table continues on.
//!
//! Columns are fitted as LaTeX's tabularx and Typst's auto columns fit them: each
//! column's natural width (its cells on one line) and minimum width (its longest
//! stretch the line breaker may not break) are measured; a table whose natural widths
//! fit gets them; otherwise each column keeps its minimum and shares what is left of
//! the measure by how much more it would like, and cells wrap. Only when even the
//! minimums do not fit is the table's type made smaller, down to [`FLOOR`]; past it
//! the widest columns are narrowed to make the measure and the breaker breaks their
//! longest words.
//! A table never runs past the measure.

use super::Arrange;
use crate::pdf::types::{Align, Container, ElemKind, Line, Nest, Para, ParaSpec, baseline_in};

/// The smallest type a table is shrunk to (a footnote's size at 9 pt body is 7.5).
pub const FLOOR: f32 = 7.0;

/// Space between columns, in body ems (shrunk with the table's type).
const GAP: f32 = 1.0;

/// Padding above and below a row's cells, in body ems (shrunk with the table's type).
const PAD: f32 = 0.3;

/// Added to a measured minimum width, against float noise.
const SLACK: f32 = 0.05;

/// What the measure leaves for a table's columns at one type size.
struct Fit {
    /// Scale applied to the cells' type (1 as collected).
    scale: f32,
    /// Space between columns.
    gap: f32,
    /// Each column's width.
    widths: Vec<f32>,
}

impl Arrange<'_> {
    pub(super) fn table(&mut self, head: &[Para], rows: &[Vec<Para>]) {
        let cols = rows
            .iter()
            .map(Vec::len)
            .chain([head.len()])
            .max()
            .unwrap_or(0);
        if cols == 0 {
            return;
        }
        let all = || std::iter::once(head).chain(rows.iter().map(Vec::as_slice));
        let size = type_size(all().flatten())
            .filter(|s| *s > 0.0)
            .unwrap_or(self.g.size);
        let Fit { scale, gap, widths } = self.fit(cols, &all().collect::<Vec<_>>(), size);
        let table_w = widths.iter().sum::<f32>() + gap * (cols - 1) as f32;
        let pad = self.g.size * scale * PAD;
        let mut xs = Vec::with_capacity(cols);
        let mut x = 0.0;
        for w in &widths {
            xs.push(x);
            x += w + gap;
        }
        let rule_w = table_w.min(self.g.width());
        let count = rows.len() + usize::from(!head.is_empty());
        let table = self.out.elems.len();
        let mut index = 0;
        for (r, row) in all().enumerate() {
            if r == 0 && head.is_empty() {
                continue;
            }
            let mut cells: Vec<(f32, Vec<Line>, Nest)> = Vec::new();
            let this_row = self.out.elems.len();
            for (c, cell) in row.iter().enumerate() {
                let nest: Nest = cell
                    .nest
                    .iter()
                    .copied()
                    .chain([
                        Container::Table(table),
                        Container::Rows(table, r == 0),
                        Container::Row(this_row),
                        Container::Cell(c, r == 0),
                    ])
                    .collect();
                let mut lines = self.lines(&scaled(cell, scale, widths[c], cell.spec.align));
                // An empty cell sets no line; an empty one, which draws nothing, keeps
                // its place among the row's cells in the structure tree.
                if lines.is_empty() {
                    lines.push(Line::default());
                }
                cells.push((xs[c], lines, nest));
            }
            // A body row taller than four lines may split between its lines, two
            // at least on each side, as a paragraph; the header row never does.
            let slices = if r == 0 { 1 } else { slices(&cells) };
            let last = slices - 1;
            let head = (r != 0 && !head.is_empty()).then_some(table);
            for j in 0..slices {
                let top = if j == 0 { pad } else { 0.0 };
                let mut placed = Vec::new();
                let mut height = 0f32;
                for (x, lines, nest) in &cells {
                    // One slice holds the whole row, or the j-th line of each cell.
                    let here = if slices == 1 {
                        &lines[..]
                    } else {
                        lines.get(j..=j).unwrap_or_default()
                    };
                    let mut y = top;
                    for line in here {
                        placed.push((*x, y + baseline_in(line), line.clone(), nest.clone()));
                        y += line.leading;
                    }
                    height = height.max(y);
                }
                if j == last {
                    height += pad;
                }
                let mut rules = Vec::new();
                if index == 0 && j == 0 {
                    rules.push((0.0, rule_w, 0.0));
                }
                if j == last && (r == 0 || index + 1 == count) {
                    rules.push((0.0, rule_w, height));
                }
                // The header stays with the first row; no word is hyphenated across
                // pages.
                let hyphenated = cells
                    .iter()
                    .any(|c| c.1.get(j).is_some_and(|l| l.hyphenated));
                let break_after = if j == last {
                    r != 0
                } else {
                    j >= 1 && j + 3 <= slices && !hyphenated
                };
                let kind = ElemKind::Row {
                    cells: placed,
                    rules,
                    head,
                };
                self.push(kind, height, break_after);
            }
            index += 1;
        }
    }

    /// The type scale, gap and column widths that fit the measure (see the module
    /// comment for the order of resorts).
    fn fit(&self, cols: usize, rows: &[&[Para]], size: f32) -> Fit {
        // Measured once, at the collected size: a face's advances grow in proportion
        // to its size, so smaller type scales the widths. (Measuring again would also
        // ask the paragraph engine for more paragraphs than its dry run listed, and
        // every later paragraph would miss what was set ahead.)
        let (natural, minimum) = self.measure(cols, rows);
        let min_total: f32 = minimum.iter().sum();
        let measure = self.g.width();
        let mut scale = 1.0f32;
        loop {
            // Gaps take at most a quarter of the measure, however many the columns.
            let gap = if cols > 1 {
                (self.g.size * scale * GAP).min(measure * 0.25 / (cols - 1) as f32)
            } else {
                0.0
            };
            let avail = (measure - gap * (cols - 1) as f32).max(1.0);
            let now = size * scale;
            if min_total * scale <= avail || now <= FLOOR {
                let at = |v: &[f32]| v.iter().map(|w| w * scale).collect::<Vec<_>>();
                let widths = share(&at(&natural), &at(&minimum), avail);
                return Fit { scale, gap, widths };
            }
            // Go straight to the size whose minimums fit, in half points, a half
            // point smaller at least, never below the floor.
            let aim = (avail / min_total * 2.0 * size).floor() / 2.0;
            let next = aim.min(now - 0.5).max(FLOOR.min(now));
            scale = next / size;
        }
    }

    /// Each column's natural and minimum width.
    fn measure(&self, cols: usize, rows: &[&[Para]]) -> (Vec<f32>, Vec<f32>) {
        let mut natural = vec![0f32; cols];
        let mut minimum = vec![0f32; cols];
        for row in rows {
            for (c, cell) in row.iter().enumerate() {
                // Measured flush left: a right-aligned or centred line reports the
                // whole measure as its width.
                let wide = scaled(cell, 1.0, 10_000.0, Align::Left);
                let (lines, _) = (self.set)(&wide.pieces, &wide.spec);
                let width = lines.iter().map(|l| l.width).fold(0f32, f32::max);
                natural[c] = natural[c].max(width);
                // Set as narrow as can be without hyphens, every line ends at a space,
                // a dash or a URL's break, or inside a word; a word's pieces added up
                // give its width.
                let mut narrow = scaled(cell, 1.0, 1.0, Align::Left);
                narrow.spec.hyphenate = false;
                let (lines, _) = (self.set)(&narrow.pieces, &narrow.spec);
                let mut run = 0f32;
                for line in &lines {
                    run += line.width;
                    // A little over the sum, so that float noise never makes the
                    // word one hair too wide for its column.
                    minimum[c] = minimum[c].max(run + SLACK);
                    if !line.broken {
                        run = 0.0;
                    }
                }
                natural[c] = natural[c].max(minimum[c]);
            }
        }
        (natural, minimum)
    }
}

/// Column widths within `avail`: the natural widths when they fit; otherwise each
/// column's minimum plus a share of the rest by how much wider it would like to be;
/// when even the minimums do not fit, the widest columns capped to make the measure.
fn share(natural: &[f32], minimum: &[f32], avail: f32) -> Vec<f32> {
    let natural_total: f32 = natural.iter().sum();
    let min_total: f32 = minimum.iter().sum();
    if natural_total <= avail {
        // Rounded up against float noise, when that still fits.
        let up: Vec<f32> = natural.iter().map(|w| w.max(1.0).ceil()).collect();
        return if up.iter().sum::<f32>() <= avail {
            up
        } else {
            natural.iter().map(|w| w.max(1.0)).collect()
        };
    }
    if min_total <= avail {
        let spare = avail - min_total;
        let flex: f32 = natural.iter().zip(minimum).map(|(n, m)| n - m).sum();
        return natural
            .iter()
            .zip(minimum)
            .map(|(n, m)| m + spare * (n - m) / flex.max(1e-3))
            .collect();
    }
    // Short columns keep their words whole; only the widest are capped, at the one
    // width that makes the measure (words in them break).
    let mut sorted = minimum.to_vec();
    sorted.sort_by(f32::total_cmp);
    let mut cap = avail / sorted.len().max(1) as f32;
    let mut before = 0.0;
    for (k, m) in sorted.iter().enumerate() {
        let rest = (sorted.len() - k) as f32;
        if before + m * rest >= avail {
            cap = (avail - before) / rest;
            break;
        }
        before += m;
    }
    minimum.iter().map(|m| m.min(cap)).collect()
}

/// How many slices a row of these cells may be cut into: one per line of its
/// tallest cell when that has four lines or more and every cell's lines share one
/// leading (so that the j-th lines of all cells sit on one baseline); else one.
fn slices(cells: &[(f32, Vec<Line>, Nest)]) -> usize {
    let tallest = cells.iter().map(|c| c.1.len()).max().unwrap_or(1);
    let mut leadings = cells
        .iter()
        .flat_map(|c| &c.1)
        .map(|l| l.leading)
        .filter(|&l| l > 0.0);
    let first = leadings.next().unwrap_or(0.0);
    let even = leadings.all(|l| (l - first).abs() < 0.01);
    if tallest >= 4 && even { tallest } else { 1 }
}

/// The size cells were collected at: their largest unraised type.
fn type_size<'p>(cells: impl Iterator<Item = &'p Para>) -> Option<f32> {
    cells
        .flat_map(|p| &p.pieces)
        .filter(|p| p.style.baseline_shift == 0.0)
        .map(|p| p.style.size)
        .reduce(f32::max)
}

/// A cell at `scale` times its type, set `width` wide with `align`.
fn scaled(cell: &Para, scale: f32, width: f32, align: Align) -> Para {
    let mut p = cell.clone();
    p.spec = ParaSpec {
        width,
        align,
        leading: cell.spec.leading * scale,
        first_indent: cell.spec.first_indent * scale,
        left_indent: cell.spec.left_indent * scale,
        ..cell.spec.clone()
    };
    if scale != 1.0 {
        for piece in &mut p.pieces {
            piece.style.size *= scale;
            piece.style.baseline_shift *= scale;
        }
    }
    p
}
