//! Tables in print: a table wider than the measure wraps its cells, then sets smaller
//! type, then breaks its longest words, and never runs outside the text block (on the
//! laid-out pages and in the written PDF, as pdftotext finds its words).

use std::collections::BTreeMap;

use folio::model::{Block, Inline};
use folio::pdf::types::{Container, Item, ItemKind, Line};
use folio::pdf::{Laid, Paper, PdfOptions, layout, pdf};

#[path = "pdf/support.rs"]
#[allow(dead_code)]
mod support;
use support::{build, check};

use build::*;

fn a5() -> PdfOptions {
    PdfOptions {
        paper: Paper::A5,
        modified: Some(1_700_000_000),
        ..PdfOptions::default()
    }
}

fn laid() -> Laid {
    layout(&book(vec![tables()], "Tables"), &a5()).expect("layout")
}

/// Left and right ink edges of a line drawn at `x`.
fn edges(x: f32, line: &Line) -> Option<(f32, f32)> {
    let left = line.runs.iter().map(|r| r.x).reduce(f32::min)?;
    let right = line
        .runs
        .iter()
        .map(|r| r.x + r.glyphs.iter().map(|g| g.advance).sum::<f32>())
        .reduce(f32::max)?;
    Some((x + left, x + right))
}

/// Which table (its id, counted from 0 in reading order) an item belongs to.
fn table_of(item: &Item) -> Option<usize> {
    let ItemKind::Text { nest, .. } = &item.kind else {
        return None;
    };
    nest.iter().find_map(|c| match c {
        Container::Table(id) => Some(*id),
        _ => None,
    })
}

/// Per table in reading order: its cell lines' type sizes, how many cell lines end
/// inside a word, and the most lines any cell took.
#[derive(Debug, Default)]
struct Seen {
    sizes: Vec<f32>,
    broken: usize,
    lines: usize,
    deepest: usize,
    /// Each cell's text, its lines joined (an added hyphen dropped), in order.
    cells: Vec<String>,
}

fn per_table(laid: &Laid) -> Vec<Seen> {
    let mut by_id: BTreeMap<usize, Seen> = BTreeMap::new();
    let mut cell_lines: BTreeMap<(usize, usize, usize), (usize, String)> = BTreeMap::new();
    for item in laid.pages.iter().flat_map(|p| &p.items) {
        let (
            Some(id),
            ItemKind::Text {
                line, block, nest, ..
            },
        ) = (table_of(item), &item.kind)
        else {
            continue;
        };
        let seen = by_id.entry(id).or_default();
        seen.sizes.extend(line.runs.iter().map(|r| r.size));
        seen.broken += usize::from(line.broken);
        seen.lines += 1;
        let col = nest
            .iter()
            .find_map(|c| match c {
                Container::Cell(col, _) => Some(*col),
                _ => None,
            })
            .unwrap_or(0);
        let cell = cell_lines.entry((id, *block, col)).or_default();
        cell.0 += 1;
        let text: String = line.runs.iter().map(|r| r.text.as_str()).collect();
        let joint = if line.hyphenated || line.broken {
            ""
        } else {
            " "
        };
        let text = if line.hyphenated {
            text.trim_end_matches(['-', '\u{AD}'])
        } else {
            &text
        };
        cell.1 = format!("{}{text}{joint}", cell.1);
    }
    for ((id, _, _), (n, text)) in cell_lines {
        let seen = by_id.get_mut(&id).expect("seen");
        seen.deepest = seen.deepest.max(n);
        seen.cells.push(text.trim().to_string());
    }
    by_id.into_values().collect()
}

#[test]
fn no_line_of_a_table_runs_outside_the_text_block() {
    let laid = laid();
    let g = &laid.geometry;
    let (left, right) = (g.margins.left, g.page_w - g.margins.right);
    let mut cells = 0;
    for (p, page) in laid.pages.iter().enumerate() {
        for item in &page.items {
            let span = match &item.kind {
                ItemKind::Text { line, .. } | ItemKind::Repeat { line } => edges(item.x, line),
                ItemKind::Rule { width } => Some((item.x, item.x + width)),
                ItemKind::Image { width, .. } => Some((item.x, item.x + width)),
            };
            let Some((x0, x1)) = span else { continue };
            cells += usize::from(table_of(item).is_some());
            assert!(
                x0 >= left - 0.01 && x1 <= right + 0.01,
                "page {}: {x0:.2}–{x1:.2} outside {left:.2}–{right:.2}: {item:?}",
                p + 1
            );
        }
    }
    assert!(cells > 100, "{cells} cell lines");
    assert_eq!(laid.report.overfull_lines, 0);
}

#[test]
fn a_wide_table_wraps_then_shrinks_then_breaks_words_in_that_order() {
    let laid = laid();
    let seen = per_table(&laid);
    assert_eq!(seen.len(), 5, "{seen:?}");
    let body = (laid.geometry.size * 0.92 * 2.0).round() / 2.0;
    let size = |t: &Seen| t.sizes.iter().copied().fold(0.0, f32::max);
    let smallest = |t: &Seen| t.sizes.iter().copied().fold(f32::MAX, f32::min);
    let [wrap, shrink, last, aligned, long] = &seen[..] else {
        unreachable!()
    };
    // Long prose cells: the table keeps its type and its cells wrap onto several lines.
    assert_eq!(size(wrap), body, "{wrap:?}");
    assert!(wrap.deepest >= 3 && wrap.broken == 0, "{wrap:?}");
    // Six long words side by side do not fit at the table's size: smaller type, down
    // to the floor at most, with every word whole.
    assert!(
        size(shrink) < body && smallest(shrink) >= 7.0 - 0.01,
        "{shrink:?}"
    );
    assert_eq!(shrink.broken, 0, "{shrink:?}");
    // A cell wraps only at a hyphen or dash it has ("Auvers-sur-Oise", "1965–1979").
    assert!(shrink.deepest <= 2, "{shrink:?}");
    // Ten words longer than any column could be: the floor, and words broken.
    assert!((size(last) - 7.0).abs() < 0.01, "{last:?}");
    assert!(last.broken > 0, "{last:?}");
    // Its words, broken with or without a hyphen, are all there in order.
    let Some(Block::Table { head, rows, .. }) = tables()
        .blocks
        .into_iter()
        .find(|b| matches!(b, Block::Table { head, .. } if head.len() == 10))
    else {
        panic!("the ten-column table")
    };
    let mut want: Vec<String> = head
        .iter()
        .chain(rows.iter().flatten())
        .map(|c| Inline::plain(c))
        .collect();
    let mut got = last.cells.clone();
    want.sort();
    got.sort();
    assert_eq!(got, want);
    // Short cells keep their natural widths: one line each, at the table's size.
    assert_eq!((size(aligned), aligned.deepest), (body, 1), "{aligned:?}");
    // A long table of prose and URLs wraps without shrinking or breaking words.
    assert_eq!((size(long), long.broken), (body, 0), "{long:?}");
    assert!(long.deepest >= 2, "{long:?}");
}

#[test]
fn a_narrow_table_keeps_its_natural_widths() {
    let cell = |t: &str| vec![Inline::Text(t.into())];
    let mut b = Builder::new("narrow", "Narrow");
    b.para(&words(1, 30));
    b.block(Block::Table {
        align: Vec::new(),
        head: vec![cell("Year"), cell("Event")],
        rows: vec![vec![cell("1965"), cell("founded by students")]],
    });
    let laid = layout(&book(vec![b.done()], "Narrow"), &a5()).expect("layout");
    let (mut rule, mut widest) = (0.0f32, 0.0f32);
    for item in &laid.pages[0].items {
        match &item.kind {
            ItemKind::Rule { width } => rule = rule.max(*width),
            ItemKind::Text { line, .. } if table_of(item).is_some() => {
                widest = widest.max(edges(item.x, line).map_or(0.0, |(a, b)| b - a));
            }
            _ => {}
        }
    }
    // Two columns, one line a cell, and the rules only as wide as the table.
    assert!(
        rule > widest && rule < laid.geometry.width() / 2.0,
        "{rule}"
    );
    assert_eq!(per_table(&laid)[0].deepest, 1);
}

#[test]
fn every_word_of_the_written_tables_is_inside_the_text_block() {
    let book = book(vec![tables()], "Tables");
    let out = pdf(&book, &a5()).expect("pdf");
    let path = check::save("tables.pdf", &out.bytes);
    let (ok, log) = check::tool("qpdf", &["--check", &path]);
    assert!(ok, "{log}");
    assert_eq!(out.report.overfull_lines, 0);
    assert_eq!(out.report.unmet_standard, None);
    let (ok, html) = check::tool("pdftotext", &["-bbox", &path, "-"]);
    assert!(ok, "{html}");
    let (w, _) = Paper::A5.size();
    let m = Paper::A5.margins();
    let attr = |tag: &str, name: &str| -> f32 {
        let key = format!("{name}=\"");
        let at = tag.find(&key).expect("attribute") + key.len();
        tag[at..]
            .split('"')
            .next()
            .unwrap_or("")
            .parse()
            .expect("number")
    };
    let mut words = 0;
    for tag in html.split("<word ").skip(1) {
        let (x0, x1) = (attr(tag, "xMin"), attr(tag, "xMax"));
        let text = tag
            .split('>')
            .nth(1)
            .unwrap_or("")
            .split('<')
            .next()
            .unwrap_or("");
        assert!(
            x0 >= m.left - 0.5 && x1 <= w - m.right + 0.5,
            "{text:?} at {x0}–{x1}, text block {}–{}",
            m.left,
            w - m.right
        );
        words += 1;
    }
    assert!(words > 500, "{words} words");
}

/// The row (its id) and column of a table cell's line.
fn cell_of(item: &Item) -> Option<(usize, usize)> {
    let ItemKind::Text { nest, .. } = &item.kind else {
        return None;
    };
    let row = nest.iter().find_map(|c| match c {
        Container::Row(id) => Some(*id),
        _ => None,
    })?;
    let col = nest.iter().find_map(|c| match c {
        Container::Cell(c, false) => Some(*c),
        _ => None,
    })?;
    Some((row, col))
}

#[test]
fn a_tall_row_splits_between_its_lines_two_a_side_under_a_repeated_header() {
    let laid = laid();
    // (row, column) → the pages of its lines, in order, with whether each is hyphenated.
    let mut cells: BTreeMap<(usize, usize), Vec<(usize, bool)>> = BTreeMap::new();
    for (p, page) in laid.pages.iter().enumerate() {
        for item in &page.items {
            if let (Some(key), ItemKind::Text { line, .. }) = (cell_of(item), &item.kind) {
                cells.entry(key).or_default().push((p, line.hyphenated));
            }
        }
    }
    let split: Vec<usize> = cells
        .iter()
        .filter(|(_, lines)| lines.first().map(|l| l.0) != lines.last().map(|l| l.0))
        .map(|((row, _), _)| *row)
        .collect();
    assert!(!split.is_empty(), "no row splits: the test proves nothing");
    for (&(row, col), lines) in cells.iter().filter(|(k, _)| split.contains(&k.0)) {
        let first = lines[0].0;
        let before = lines.iter().filter(|l| l.0 == first).count();
        let tallest = cells
            .iter()
            .filter(|(k, _)| k.0 == row)
            .map(|(_, l)| l.len())
            .max()
            .unwrap_or(0);
        if lines.len() == tallest {
            assert!(
                before >= 2 && lines.len() - before >= 2,
                "row {row} column {col}: {before} + {} lines",
                lines.len() - before
            );
        }
        // No word is hyphenated across the page break.
        if before < lines.len() {
            assert!(
                !lines[before - 1].1,
                "row {row} column {col}: hyphen at the break"
            );
        }
        // The page it continues on opens with the repeated header.
        if let Some(&(next, _)) = lines.get(before) {
            let opens = laid.pages[next]
                .items
                .iter()
                .find(|i| matches!(i.kind, ItemKind::Text { .. } | ItemKind::Repeat { .. }));
            assert!(
                opens.is_some_and(|i| matches!(i.kind, ItemKind::Repeat { .. })),
                "row {row}: no header on page {next}"
            );
        }
    }
}
