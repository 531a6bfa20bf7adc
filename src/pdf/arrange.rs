//! Stage 2: set every block of the flow into lines (through the paragraph engine) and
//! decide where a page may break: never inside a heading's keep, never leaving a
//! single line of a paragraph alone at a page's top or bottom. Tables get columns
//! sized by their content.

mod table;

use super::Geometry;
use super::types::{Align, Collected, Flow, Line, Para, ParaSpec, Role, SetFn};
use super::types::{Arranged, Elem, ElemKind, Placed};

/// What a contents entry draws on its last line besides the title.
struct TocTail {
    /// The page number, set flush right.
    number: Line,
    /// One leader dot.
    dot: Line,
    /// The profile listed.
    doc: usize,
}

/// Moves a line `dx` to the right, with its tagged stretches.
fn shift(line: &mut Line, dx: f32) {
    if dx == 0.0 {
        return;
    }
    for run in &mut line.runs {
        run.x += dx;
    }
    for tag in &mut line.tags {
        tag.x0 += dx;
        tag.x1 += dx;
    }
    line.width += dx;
}

/// Sets the collected flow and notes.
pub fn arrange(c: &Collected, g: &Geometry, set: &SetFn) -> Arranged {
    let mut a = Arrange {
        g: *g,
        set,
        out: Arranged::default(),
    };
    for (i, item) in c.flow.iter().enumerate() {
        let start = a.out.elems.len();
        a.flow(item);
        let first = a.out.elems[start..]
            .iter()
            .position(|e| matches!(e.kind, ElemKind::Line(_)));
        if let (Flow::Para(_), Some(first)) = (item, first) {
            a.out.paras.insert(start + first, i);
        }
    }
    keep_last_entries(&mut a.out.elems);
    for (key, paras) in &c.notes {
        let lines = a.note(paras);
        a.out.notes.insert(*key, lines);
    }
    for (key, paras) in &c.full {
        let lines = a.note(paras);
        a.out.full.insert(*key, lines);
    }
    for (key, paras) in &c.back {
        let lines = a.note(paras);
        a.out.back.insert(*key, lines);
    }
    a.out.sources = c.sources.clone();
    a.out
}

/// Keeps each bibliography's last two entries on one page, so that its last page
/// never holds a single entry: no page break from the end of the next-to-last entry
/// to the start of the last.
fn keep_last_entries(elems: &mut [Elem]) {
    let entry = |e: &Elem| match &e.kind {
        ElemKind::Line(p) if p.role == Role::Bibliography => Some(p.block),
        _ => None,
    };
    let mut i = 0;
    while i < elems.len() {
        if entry(&elems[i]).is_none() {
            i += 1;
            continue;
        }
        // The run of entries (and the space between them) from i.
        let mut end = i;
        let mut k = i;
        while k < elems.len() && (entry(&elems[k]).is_some() || elems[k].kind == ElemKind::Space) {
            if entry(&elems[k]).is_some() {
                end = k;
            }
            k += 1;
        }
        let last = entry(&elems[end]);
        let first_of_last = (i..=end).find(|&e| entry(&elems[e]) == last).unwrap_or(end);
        if let Some(before) = (i..first_of_last)
            .rev()
            .find(|&e| entry(&elems[e]).is_some())
        {
            for e in &mut elems[before..first_of_last] {
                e.break_after = false;
            }
        }
        i = end + 1;
    }
}

struct Arrange<'a> {
    g: Geometry,
    set: &'a SetFn<'a>,
    out: Arranged,
}

impl Arrange<'_> {
    /// Sets a paragraph and records its lines in the report.
    fn lines(&mut self, para: &Para) -> Vec<Line> {
        let (lines, missing) = (self.set)(&para.pieces, &para.spec);
        self.out.report.lines += lines.len();
        self.out.report.overfull_lines += lines.iter().filter(|l| l.overfull > 0.01).count();
        for c in missing {
            let entry = (c, para.origin.clone());
            if !self.out.report.missing_glyphs.contains(&entry) {
                self.out.report.missing_glyphs.push(entry);
            }
        }
        lines
    }

    fn push(&mut self, kind: ElemKind, height: f32, break_after: bool) {
        self.out.elems.push(Elem {
            kind,
            height,
            break_after,
            soft_break: false,
        });
    }

    /// Space may only be a break when what precedes it may be.
    fn space(&mut self, height: f32) {
        if height <= 0.0 {
            return;
        }
        let after_keep = self.out.elems.last().is_some_and(|e| !e.break_after);
        self.push(ElemKind::Space, height, !after_keep);
    }

    fn flow(&mut self, item: &Flow) {
        match item {
            Flow::Start { doc, head } => {
                self.push(
                    ElemKind::Start {
                        doc: *doc,
                        head: head.clone(),
                    },
                    0.0,
                    true,
                );
            }
            Flow::Space(h) => self.space(*h),
            Flow::Rule => {
                let width = self.g.width() / 4.0;
                let x = (self.g.width() - width) / 2.0;
                self.push(ElemKind::Rule { x, width }, self.g.size * 1.6, true);
            }
            Flow::Para(p) => self.para(p, None),
            Flow::Image {
                src,
                alt,
                x,
                width,
                height,
                keep_with_next,
                nest,
            } => {
                let kind = ElemKind::Image {
                    src: src.clone(),
                    alt: alt.clone(),
                    x: *x,
                    width: *width,
                    nest: nest.clone(),
                };
                self.push(kind, *height, !keep_with_next);
            }
            Flow::TocEntry { doc, title, page } => {
                let spec = ParaSpec {
                    width: self.g.width(),
                    first_indent: 0.0,
                    left_indent: 0.0,
                    align: Align::Left,
                    hyphenate: false,
                    ..title.spec.clone()
                };
                let mut dot = page.clone();
                for piece in &mut dot {
                    piece.text = ".".into();
                }
                let first = |(lines, _): (Vec<Line>, Vec<char>)| lines.into_iter().next();
                let tail = first((self.set)(page, &spec))
                    .zip(first((self.set)(&dot[..dot.len().min(1)], &spec)))
                    .map(|(number, dot)| TocTail {
                        number,
                        dot,
                        doc: *doc,
                    });
                self.para(title, tail);
            }
            Flow::Table { head, rows } => self.table(head, rows),
        }
    }

    /// Leader dots on a grid shared by all entries (so they line up, as LaTeX's do)
    /// from `from` to `to`, then the page number flush right.
    fn leaders(&self, from: f32, tail: TocTail) -> Vec<(f32, Line)> {
        let width = self.g.width();
        let pitch = self.g.size * 0.5;
        let gap = self.g.size * 0.4;
        let number_x = width - tail.number.width;
        let mut out = Vec::new();
        let mut k = ((from + gap) / pitch).ceil();
        while k * pitch + tail.dot.width <= number_x - gap {
            out.push((k * pitch, tail.dot.clone()));
            k += 1.0;
        }
        out.push((number_x, tail.number));
        out
    }

    /// A paragraph's list label, set in its indent: its x and line.
    fn label(&self, p: &Para) -> Option<(f32, Line)> {
        let label = p.label.as_ref()?;
        let hang = p.indent.min(self.g.size * 1.8);
        let spec = ParaSpec {
            width: hang,
            first_indent: 0.0,
            align: Align::Left,
            hyphenate: false,
            ..p.spec.clone()
        };
        let line = (self.set)(label, &spec).0.into_iter().next()?;
        Some((p.indent - hang, line))
    }

    /// Sets a note's paragraphs as one column of lines: each line moved to its
    /// paragraph's indent, a list label drawn into its item's first line.
    fn note(&mut self, paras: &[Para]) -> Vec<Line> {
        let mut out = Vec::new();
        for p in paras {
            let label = self.label(p);
            let mut lines = self.lines(p);
            for line in &mut lines {
                shift(line, p.indent);
            }
            if let (Some((x, mut label)), Some(first)) = (label, lines.first_mut()) {
                shift(&mut label, x);
                first.ascent = first.ascent.max(label.ascent);
                first.descent = first.descent.max(label.descent);
                first.runs.splice(0..0, label.runs);
            }
            out.extend(lines);
        }
        out
    }

    /// Sets a paragraph; `toc` draws leaders and a page number on its last line.
    fn para(&mut self, p: &Para, toc: Option<TocTail>) {
        self.space(p.before);
        let lines = self.lines(p);
        let n = lines.len();
        let label = self.label(p);
        let goto = toc.as_ref().map(|t| t.doc);
        let mut toc = toc;
        let mut label = label;
        for (i, line) in lines.into_iter().enumerate() {
            let mut extras = Vec::new();
            if i == 0
                && let Some(l) = label.take()
            {
                extras.push(l);
            }
            if i + 1 == n
                && let Some(tail) = toc.take()
            {
                extras.extend(self.leaders(p.indent + line.width, tail));
            }
            // Two lines at least on each side of a break: no widows, no orphans;
            // a caption stays whole (and so with its image); and no word hyphenated
            // across pages (TeX's \brokenpenalty, made absolute).
            let breakable = i + 1 < n && i >= 1 && i + 3 <= n && p.role != Role::Caption;
            let soft_break = breakable && line.hyphenated;
            let break_after = if i + 1 == n {
                !p.keep_with_next
            } else {
                breakable && !line.hyphenated
            };
            let height = line.leading;
            let placed = Placed {
                line,
                x: p.indent,
                extras,
                role: p.role,
                outline: if i == 0 { p.outline.clone() } else { None },
                block: self.out.elems.len() - i,
                goto,
                nest: p.nest.clone(),
            };
            self.push(ElemKind::Line(placed), height, break_after);
            if let Some(e) = self.out.elems.last_mut() {
                e.soft_break = soft_break;
            }
        }
        self.space(p.after);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::pdf::types::{Face, Nest, Piece, Tag, TagBox, TextStyle};

    /// A synthetic line: `leading` tall, citing `notes`.
    pub(crate) fn line(leading: f32, notes: &[u32]) -> Line {
        Line {
            ascent: leading * 0.7,
            descent: leading * 0.2,
            leading,
            width: 100.0,
            runs: Vec::new(),
            tags: notes
                .iter()
                .map(|&note| TagBox {
                    tag: Tag::NoteRef { marker: 0, note },
                    x0: 0.0,
                    x1: 5.0,
                })
                .collect(),
            hyphenated: false,
            broken: false,
            overfull: 0.0,
        }
    }

    fn para(lines: usize, keep: bool) -> Para {
        Para {
            pieces: vec![Piece {
                text: "x".repeat(lines),
                style: TextStyle {
                    face: Face::Regular,
                    size: 10.0,
                    baseline_shift: 0.0,
                },
                tag: None,
            }],
            spec: ParaSpec {
                width: 100.0,
                first_indent: 0.0,
                left_indent: 0.0,
                align: Align::Justify,
                lang: "en".into(),
                hyphenate: true,
                leading: 12.0,
                looseness: 0,
            },
            indent: 0.0,
            label: None,
            before: 0.0,
            after: 0.0,
            keep_with_next: keep,
            role: Role::Body,
            outline: None,
            origin: "t.md:1".into(),
            nest: Nest::default(),
        }
    }

    /// One line per character of the first piece.
    fn set(pieces: &[Piece], spec: &ParaSpec) -> (Vec<Line>, Vec<char>) {
        (
            pieces[0]
                .text
                .chars()
                .map(|_| line(spec.leading, &[]))
                .collect(),
            Vec::new(),
        )
    }

    fn breaks(paras: &[Para]) -> Vec<bool> {
        let g = Geometry {
            page_w: 300.0,
            page_h: 400.0,
            margins: crate::pdf::Paper::A5.margins(),
            size: 10.0,
        };
        let flow = Collected {
            flow: paras.iter().cloned().map(Flow::Para).collect(),
            ..Collected::default()
        };
        arrange(&flow, &g, &set)
            .elems
            .iter()
            .map(|e| e.break_after)
            .collect()
    }

    #[test]
    fn no_widows_or_orphans() {
        assert_eq!(breaks(&[para(5, false)]), [false, true, true, false, true]);
        assert_eq!(breaks(&[para(3, false)]), [false, false, true]);
        assert_eq!(breaks(&[para(1, false)]), [true]);
    }

    #[test]
    fn a_bibliographys_last_two_entries_stay_together() {
        let entry = |lines| Para {
            role: Role::Bibliography,
            after: 2.0,
            ..para(lines, false)
        };
        // Three entries with space after each: no break between the second and the
        // third, so a last page never holds one entry alone.
        assert_eq!(
            breaks(&[entry(1), entry(2), entry(1)]),
            [true, true, false, false, false, true, true]
        );
    }

    #[test]
    fn headings_keep_with_next() {
        assert_eq!(
            breaks(&[para(1, true), para(4, false)]),
            [false, false, true, false, true]
        );
    }
}
