//! Page building on synthetic vertical lists: note splits, widows and orphans, holes.
use super::*;
use crate::pdf::Margins;
use crate::pdf::arrange::tests::line;
use crate::pdf::types::{Container, Nest, Role};
use crate::pdf::types::{Elem, Placed};

/// A page with room for exactly 20 lines of 10 pt.
fn geometry() -> Geometry {
    let margins = Margins {
        top: 50.0,
        bottom: 50.0,
        left: 50.0,
        right: 50.0,
    };
    Geometry {
        page_w: 300.0,
        page_h: 300.0,
        margins,
        size: 10.0,
    }
}

fn body(notes_per_line: &[&[u32]], note_lines: &[(u32, usize)]) -> Arranged {
    let mut a = Arranged::default();
    a.elems.push(Elem {
        kind: ElemKind::Start {
            doc: Some(0),
            head: None,
        },
        height: 0.0,
        break_after: true,
        soft_break: false,
    });
    for (i, notes) in notes_per_line.iter().enumerate() {
        let placed = Placed {
            line: line(10.0, notes),
            x: 0.0,
            extras: Vec::new(),
            role: Role::Body,
            outline: None,
            block: i,
            goto: None,
            nest: Nest::default(),
        };
        a.elems.push(Elem {
            kind: ElemKind::Line(placed),
            height: 10.0,
            break_after: true,
            soft_break: false,
        });
    }
    for &(n, count) in note_lines {
        a.notes
            .insert((0, n), (0..count).map(|_| line(10.0, &[])).collect());
    }
    a
}

fn report(pages: &[Page]) -> LayoutReport {
    let mut r = LayoutReport::default();
    fill_report(pages, &mut r);
    r
}

/// Appends a paragraph of `n` lines as arrange does: two lines at least on each
/// side of a break; `cite_last` is cited by its last line.
fn paragraph(a: &mut Arranged, n: usize, leading: f32, cite_last: Option<u32>) {
    let block = a.elems.len();
    for i in 0..n {
        let notes: Vec<u32> = cite_last.filter(|_| i + 1 == n).into_iter().collect();
        let placed = Placed {
            line: line(leading, &notes),
            x: 0.0,
            extras: Vec::new(),
            role: Role::Body,
            outline: None,
            block,
            goto: None,
            nest: Nest::default(),
        };
        a.elems.push(Elem {
            kind: ElemKind::Line(placed),
            height: leading,
            break_after: i + 1 == n || (i >= 1 && i + 3 <= n),
            soft_break: false,
        });
    }
}

/// Which paragraph (by first element) each page's body lines belong to, counted.
fn lines_per_block(page: &Page) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for item in &page.items {
        if let ItemKind::Text {
            block, note: None, ..
        } = item.kind
        {
            match out.last_mut() {
                Some((b, n)) if *b == block => *n += 1,
                _ => out.push((block, 1)),
            }
        }
    }
    out
}

#[test]
fn a_paragraph_splits_when_the_page_is_a_hair_short_of_two_more_lines() {
    // The sample on A5: a 14.75 pt first line and 12 lines of 13.25 pt leave
    // 26.25 pt of a 200 pt page, a quarter point less than two more lines take.
    // Their baselines and depths fit, so the next paragraph starts here instead
    // of leaving a gap; its last line cites a note, which goes with it.
    let mut a = body(&[], &[(1, 2)]);
    paragraph(&mut a, 1, 14.75, None);
    paragraph(&mut a, 12, 13.25, None);
    paragraph(&mut a, 11, 13.25, Some(1));
    let pages = compose(&a, &geometry());
    assert_eq!(report(&pages).notes_off_page, 0);
    assert_eq!(lines_per_block(&pages[0]), [(1, 1), (2, 12), (14, 2)]);
    assert_eq!(lines_per_block(&pages[1]), [(14, 9)]);
    assert_eq!(cited(&pages[1]), [1]);
}

#[test]
fn lines_after_a_split_note_take_its_room_instead_of_moving_on() {
    // 14 lines, then a paragraph whose first line cites a 10-line note: the note
    // splits, and the paragraph's second line (kept with the first against an
    // orphan) stays too, pushing a note line to the next page; a third would
    // leave a single note line with its marker, so it goes on.
    let mut a = body(&[], &[(1, 10)]);
    paragraph(&mut a, 14, 10.0, None);
    let start = a.elems.len();
    paragraph(&mut a, 6, 10.0, None);
    if let ElemKind::Line(p) = &mut a.elems[start].kind {
        p.line = line(10.0, &[1]);
    }
    let pages = compose(&a, &geometry());
    assert_eq!(report(&pages).notes_off_page, 0);
    assert_eq!(lines_per_block(&pages[0]), [(1, 14), (start, 2)]);
    let part = |page: &Page| {
        page.items
            .iter()
            .filter(|i| matches!(i.kind, ItemKind::Text { note: Some(_), .. }))
            .count()
    };
    assert_eq!(part(&pages[0]), 2);
    assert_eq!(part(&pages[1]), 8);
}

#[test]
fn a_long_note_splits_and_continues_on_the_next_page() {
    // Line 15 cites a 10-line note: 15 + 1.2 (separator) + 10 > 20 lines.
    let mut cites: Vec<&[u32]> = vec![&[]; 30];
    cites[14] = &[1];
    let pages = compose(&body(&cites, &[(1, 10)]), &geometry());
    assert_eq!(report(&pages).notes_off_page, 0);
    let first = pages
        .iter()
        .position(|p| p.notes.iter().any(|m| m.start))
        .expect("note placed");
    assert!(cited(&pages[first]).contains(&1));
    let next = &pages[first + 1];
    assert!(
        next.notes.iter().any(|m| m.key == (0, 1) && !m.start),
        "remainder continues"
    );
}

#[test]
fn the_marker_line_moves_when_not_even_one_note_line_fits() {
    // 19 plain lines, then a line citing a note: with the separator nothing fits.
    let mut cites: Vec<&[u32]> = vec![&[]; 25];
    cites[19] = &[1];
    let pages = compose(&body(&cites, &[(1, 2)]), &geometry());
    assert_eq!(report(&pages).notes_off_page, 0);
    assert!(cited(&pages[0]).is_empty() && pages[0].notes.is_empty());
    assert_eq!(cited(&pages[1]), [1]);
    assert!(pages[1].notes.iter().any(|m| m.start));
}

#[test]
fn a_note_cited_on_two_pages_prints_on_both() {
    let mut cites: Vec<&[u32]> = vec![&[]; 40];
    cites[2] = &[1];
    cites[30] = &[1];
    let pages = compose(&body(&cites, &[(1, 1)]), &geometry());
    assert_eq!(report(&pages).notes_off_page, 0);
    let with_note = pages
        .iter()
        .filter(|p| p.notes.iter().any(|m| m.key == (0, 1) && m.start))
        .count();
    assert_eq!(with_note, 2);
}

#[test]
fn many_notes_on_one_page_stay_with_their_markers() {
    let numbers: Vec<[u32; 1]> = (1..=70).map(|n| [n]).collect();
    let cites: Vec<&[u32]> = numbers.iter().map(|n| &n[..]).collect();
    let notes: Vec<(u32, usize)> = (1..=70).map(|n| (n, 1 + n as usize % 3)).collect();
    let pages = compose(&body(&cites, &notes), &geometry());
    assert_eq!(report(&pages).notes_off_page, 0);
    assert!(pages.len() > 5);
}

#[test]
fn a_note_turns_over_to_the_next_page_rather_than_leave_a_hole() {
    // Six lines, the last citing a 6-line note (13.4 of 20 lines used), then a block
    // of 8 lines that may not break (a table row, a caption): moved on whole it would
    // leave 6.6 lines empty. Instead the note keeps two lines here at least and
    // continues on the next page, and the block fills this one.
    let mut a = body(&[], &[(1, 6)]);
    paragraph(&mut a, 6, 10.0, Some(1));
    let start = a.elems.len();
    paragraph(&mut a, 8, 10.0, None);
    for e in &mut a.elems[start..start + 7] {
        e.break_after = false;
    }
    let pages = compose(&a, &geometry());
    assert_eq!(report(&pages).notes_off_page, 0);
    assert_eq!(lines_per_block(&pages[0]), [(1, 6), (start, 8)]);
    let here = |page: &Page| {
        page.items
            .iter()
            .filter(|i| matches!(i.kind, ItemKind::Text { note: Some(_), .. }))
            .count()
    };
    assert_eq!(pages.len(), 2);
    assert!(
        here(&pages[0]) >= 2 && here(&pages[1]) >= 2,
        "two lines a side"
    );
    assert_eq!(here(&pages[0]) + here(&pages[1]), 6);
    assert!(pages[1].notes.iter().any(|m| m.key == (0, 1) && !m.start));
}

#[test]
fn a_page_broken_inside_a_table_spreads_the_rest_between_its_rows() {
    // Rows of 30 pt: six fill 180 of the page's 200 pt; the seventh goes on. The 20
    // pt left are spread over the five gaps between them (4 pt each, under the 5 pt
    // cap), so the last row ends at the foot; the next page, ending the table, is
    // not spread.
    let mut a = body(&[], &[]);
    let first = a.elems.len();
    for r in 0..9 {
        let nest: Nest = [Container::Table(first), Container::Row(first + r)]
            .into_iter()
            .collect();
        a.elems.push(Elem {
            kind: ElemKind::Row {
                cells: vec![(0.0, 20.0, line(10.0, &[]), nest)],
                rules: Vec::new(),
                head: None,
            },
            height: 30.0,
            break_after: true,
            soft_break: false,
        });
    }
    let pages = compose(&a, &geometry());
    let ys = |p: &Page| -> Vec<f32> { p.items.iter().map(|i| i.y).collect() };
    assert_eq!(pages.len(), 2);
    let top = geometry().margins.top + 20.0;
    let first_page: Vec<f32> = (0..6).map(|r| top + r as f32 * 34.0).collect();
    assert_eq!(ys(&pages[0]), first_page);
    let second: Vec<f32> = (0..3).map(|r| top + r as f32 * 30.0).collect();
    assert_eq!(ys(&pages[1]), second);
}

#[test]
fn a_page_that_cannot_be_filled_spreads_its_paragraphs_rather_than_split_a_note_one_line_a_side() {
    // Seven two-line paragraphs, then one of five whose last two lines (kept
    // together against a widow) cite a four-line note: with them and the note's
    // first line the page would be full only by splitting the note one line a side;
    // moving them on leaves 30 pt, which the page's seven paragraph gaps take up.
    let mut a = body(&[], &[(1, 4)]);
    for _ in 0..7 {
        paragraph(&mut a, 2, 10.0, None);
    }
    paragraph(&mut a, 5, 10.0, Some(1));
    let pages = compose(&a, &geometry());
    assert_eq!(report(&pages).notes_off_page, 0);
    let blocks = lines_per_block(&pages[0]);
    assert_eq!(blocks.len(), 8, "{blocks:?}");
    assert_eq!(blocks.last().map(|b| b.1), Some(3), "{blocks:?}");
    // The note is whole on the next page.
    assert!(pages[0].notes.is_empty());
    assert_eq!(pages[1].notes.len(), 1);
    // The last line sits at the foot of the text block, the room spread above it.
    let g = geometry();
    let last = pages[0]
        .items
        .iter()
        .filter(|i| matches!(i.kind, ItemKind::Text { .. }))
        .map(|i| i.y)
        .fold(0.0, f32::max);
    assert!(
        last > g.page_h - g.margins.bottom - 12.0,
        "last baseline {last}"
    );
}

#[test]
fn a_page_told_to_end_early_ends_one_group_sooner() {
    // Three paragraphs of 8 lines on a 20-line page: the third breaks after its
    // fourth line. Ended early (what the search for single-line note splits may
    // ask), the page gives its last group, the fourth line, to the next page.
    let mut a = body(&[], &[]);
    let blocks: Vec<usize> = (0..3)
        .map(|_| {
            let b = a.elems.len();
            paragraph(&mut a, 8, 10.0, None);
            b
        })
        .collect();
    let pages = compose(&a, &geometry());
    assert_eq!(
        lines_per_block(&pages[0]),
        [(blocks[0], 8), (blocks[1], 8), (blocks[2], 4)]
    );
    a.early.insert((Some(0), 0));
    let pages = compose(&a, &geometry());
    assert_eq!(
        lines_per_block(&pages[0]),
        [(blocks[0], 8), (blocks[1], 8), (blocks[2], 3)]
    );
    assert_eq!(lines_per_block(&pages[1]), [(blocks[2], 5)]);
    // Another profile's first page is not this one's.
    a.early = [(Some(1), 0)].into();
    assert_eq!(compose(&a, &geometry())[0].items.len(), 20);
}
