//! Runs the paragraph stages — shape, find candidates, break lines — and sets each
//! chosen line: slices the shaped glyphs, adds the hyphen, justifies, orders
//! right-to-left parts visually, aligns, and records tag boxes and metrics.

use std::ops::Range;

use harfrust::Buffer;

use super::bidi::visual_order;
use super::fonts::FontSet;
use super::hyphenate::{BreakKind, Candidate, candidates};
use super::linebreak::{Break, PASSES, PRETOLERANCE, SOLID_STRETCH, available, break_lines};
use super::shape::{Cut, Segment, Shaped, ShapedGlyph, cuts, is_glue, shape, shape_run};
use super::types::{Align, Glyph, GlyphRun, Line, ParaSpec, Piece, TagBox};

/// Float noise below which a line counts as fitting its measure.
const OVERFULL_SLACK: f32 = 0.01;

/// A set paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    /// Its lines, top to bottom.
    pub lines: Vec<Line>,
    /// Characters no bundled face has (set as .notdef); the caller warns about them.
    pub missing: Vec<char>,
}

/// Sets a paragraph: Knuth–Plass line breaking over shaped, hyphenated text.
pub fn set_paragraph(fonts: &FontSet, pieces: &[Piece], spec: &ParaSpec) -> Paragraph {
    let shaped = shape(fonts, pieces);
    if shaped.text.trim().is_empty() {
        return Paragraph {
            lines: Vec::new(),
            missing: shaped.missing,
        };
    }
    let (breaks, cuts, _) = break_paragraph(fonts, &shaped, pieces, spec);
    finish(fonts, &shaped, &cuts, pieces, spec, &breaks)
}

/// Whether the paragraph can be set with the lines `spec.looseness` asks for, one
/// more or fewer than its best setting (breaking it without setting its lines).
pub(crate) fn meets_looseness(fonts: &FontSet, pieces: &[Piece], spec: &ParaSpec) -> bool {
    let shaped = shape(fonts, pieces);
    if shaped.text.trim().is_empty() {
        return spec.looseness == 0;
    }
    break_paragraph(fonts, &shaped, pieces, spec).2
}

/// Chooses a shaped paragraph's breaks, with the cuts its lines start or end in and
/// whether they are as many as `spec.looseness` asks.
fn break_paragraph(
    fonts: &FontSet,
    shaped: &Shaped,
    pieces: &[Piece],
    spec: &ParaSpec,
) -> (Vec<Break>, Vec<Cut>, bool) {
    let mut plain = candidates(shaped, pieces, spec, false);
    // TeX's first pass: without hyphenation, at a strict tolerance; a paragraph that
    // sets well this way keeps all its words whole.
    let words: Vec<Candidate> = plain
        .iter()
        .filter(|c| c.kind != BreakKind::Hyphen)
        .copied()
        .collect();
    let pretolerance = spec.hyphenate && spec.align == Align::Justify;
    let first = pretolerance
        .then(|| break_lines(fonts, shaped, &words, &[], spec, (PRETOLERANCE, None)))
        .flatten();
    if spec.looseness == 0
        && let Some(breaks) = first
    {
        return (breaks, Vec::new(), true);
    }
    let inside: Vec<usize> = plain
        .iter()
        .map(|c| c.end)
        .filter(|&b| !shaped.boundary[b])
        .collect();
    let cuts = cuts(fonts, shaped, &inside);
    let cuttable = |c: &Candidate| {
        shaped.boundary[c.end] || cuts.binary_search_by_key(&c.end, |k| k.at).is_ok()
    };
    plain.retain(cuttable);
    let mut breaks = first.unwrap_or_default();
    for pass in PASSES {
        if !breaks.is_empty() {
            break;
        }
        let found = if pass.last {
            let mut all = candidates(shaped, pieces, spec, true);
            all.retain(cuttable);
            break_lines(fonts, shaped, &all, &cuts, spec, (pass, None))
        } else {
            break_lines(fonts, shaped, &plain, &cuts, spec, (pass, None))
        };
        if let Some(found) = found {
            breaks = found;
        }
    }
    if breaks.is_empty() {
        // The last pass always finds a way; should it not, set everything on one line
        // (reported overfull) rather than lose the text.
        breaks.push(Break {
            start: 0,
            end: shaped.text.len(),
            kind: BreakKind::Forced,
            head: None,
            tail: None,
        });
    }
    // TeX's \looseness: the same passes, no looser than TeX's tolerances and never a
    // space over the loosest allowed, asked for one line more or fewer; words kept
    // whole if they can be, and at most one line in ten hyphenated (or as many as
    // the best setting has) if not. The setting stays as it was when there is none.
    let want = breaks.len().checked_add_signed(isize::from(spec.looseness));
    if spec.looseness != 0
        && spec.align == Align::Justify
        && let Some(want) = want.filter(|&n| n > 0)
    {
        let whole: Vec<Candidate> = plain
            .iter()
            .filter(|c| c.kind != BreakKind::Hyphen)
            .copied()
            .collect();
        let whole = pretolerance.then_some(whole.as_slice());
        let hyphens = |b: &[Break]| b.iter().filter(|b| b.kind == BreakKind::Hyphen).count();
        let most = hyphens(&breaks).max(want / 10);
        // The widest try first: every other's candidates and tolerance are within
        // its own, so when it finds nothing (most often) none would.
        let widest = break_lines(fonts, shaped, &plain, &cuts, spec, (PASSES[1], Some(want)));
        let loose = widest.and_then(|widest| {
            let tries = [
                (whole, PRETOLERANCE),
                (whole, PASSES[0]),
                (whole, PASSES[1]),
                (Some(plain.as_slice()), PASSES[0]),
            ];
            let narrower = tries.iter().find_map(|&(cands, pass)| {
                break_lines(fonts, shaped, cands?, &cuts, spec, (pass, Some(want)))
                    .filter(|b| hyphens(b) <= most)
            });
            narrower.or(Some(widest).filter(|b| hyphens(b) <= most))
        });
        if let Some(loose) = loose {
            return (loose, cuts, true);
        }
    }
    (breaks, cuts, spec.looseness == 0)
}

/// Sets the chosen lines.
fn finish(
    fonts: &FontSet,
    shaped: &Shaped,
    cuts: &[Cut],
    pieces: &[Piece],
    spec: &ParaSpec,
    breaks: &[Break],
) -> Paragraph {
    let lines = breaks
        .iter()
        .enumerate()
        .map(|(i, b)| set_line(fonts, shaped, cuts, pieces, spec, i, b))
        .collect();
    Paragraph {
        lines,
        missing: shaped.missing.clone(),
    }
}

/// Natural width of the pieces set on one line (running heads, folios, note numbers).
pub fn natural_width(fonts: &FontSet, pieces: &[Piece]) -> f32 {
    let shaped = shape(fonts, pieces);
    shaped.width(0, shaped.text.len())
}

/// The part of one segment that falls on a line, with its glyphs placed.
struct Part<'a> {
    seg: &'a Segment,
    range: Range<usize>,
    glyphs: Vec<Glyph>,
    /// Whether the added hyphen goes at this part's end.
    hyphen: bool,
}

fn set_line(
    fonts: &FontSet,
    shaped: &Shaped,
    cuts: &[Cut],
    pieces: &[Piece],
    spec: &ParaSpec,
    index: usize,
    brk: &Break,
) -> Line {
    let hyphenated = brk.kind == BreakKind::Hyphen;
    let text = shaped.text.as_str();
    let mut parts: Vec<Part> = shaped
        .segments
        .iter()
        .filter(|s| s.range.start < brk.end && s.range.end > brk.start)
        .map(|seg| {
            let range = seg.range.start.max(brk.start)..seg.range.end.min(brk.end);
            let glyphs = place(seg, &range);
            Part {
                seg,
                range,
                glyphs,
                hyphen: false,
            }
        })
        .collect();
    // A line that starts or ends inside a ligature takes the cut's own glyphs there.
    if let Some(cut) = brk.tail.and_then(|i| cuts.get(i))
        && let Some(first) = parts.first_mut()
    {
        let tail = to_glyphs(&cut.tail, first.range.start, cut.cluster.end);
        first.glyphs.splice(0..0, tail);
    }
    if let Some(last) = parts.last_mut() {
        match brk.head.and_then(|i| cuts.get(i)) {
            Some(cut) => {
                let keep = cut.cluster.start.saturating_sub(last.range.start);
                last.glyphs.retain(|g| g.range.start < keep);
                last.glyphs.extend(to_glyphs(
                    &cut.head,
                    last.range.start,
                    brk.end + SOFT_HYPHEN.len_utf8(),
                ));
                last.hyphen = true;
            }
            None if hyphenated => add_hyphen(fonts, text, last),
            None => {}
        }
    }
    parts.retain(|p| !p.glyphs.is_empty());
    // Justify: give every interword space a share of the difference in proportion to
    // its width, as TeX's glue does, and every gap between two solid CJK characters a
    // share in proportion to its stretch. Spaces shrink by at most half; gaps never.
    let avail = available(spec, index);
    let natural: f32 = parts
        .iter()
        .flat_map(|p| &p.glyphs)
        .map(|g| g.advance)
        .sum();
    let is_glue_glyph =
        |p: &Part, g: &Glyph| text[p.range.start + g.range.start..].starts_with(is_glue);
    let glue: f32 = parts
        .iter()
        .flat_map(|p| p.glyphs.iter().filter(|g| is_glue_glyph(p, g)))
        .map(|g| g.advance)
        .sum();
    let solid = shaped.gap_ems(brk.start, brk.end) * SOLID_STRETCH;
    // The last line stays ragged unless it must shrink to fit.
    let justify = spec.align == Align::Justify
        && (brk.kind != BreakKind::Forced || natural > avail)
        && (glue > 0.0 || (solid > 0.0 && natural < avail));
    let mut content = natural;
    if justify {
        let extra = (avail - natural).max(-glue / 2.0);
        // Shrinking falls on the spaces alone.
        let stretch = if extra > 0.0 { glue + solid } else { glue };
        let factor = extra / stretch;
        for p in &mut parts {
            let start = p.range.start;
            let count = p.glyphs.len();
            for i in 0..count {
                let (here, next) = (&p.glyphs[i], p.glyphs.get(i + 1));
                let at = start + here.range.start;
                let end = start + here.range.end;
                let mut add = 0.0;
                if text[at..].starts_with(is_glue) {
                    add += here.advance * factor;
                }
                // A gap opens after the last glyph of the cluster before it, never at
                // the line's end.
                let last_of_cluster = next.is_none_or(|n| n.range != here.range);
                if extra > 0.0 && last_of_cluster && end < brk.end {
                    add += shaped.gap_at(end) * SOLID_STRETCH * factor;
                }
                p.glyphs[i].advance += add;
            }
        }
        content = natural + extra;
    }
    // A right-to-left paragraph indents its first line at the right: the line is
    // shorter by the indent but starts at the left indent.
    let first = if index == 0 && !shaped.rtl {
        spec.first_indent
    } else {
        0.0
    };
    let indent = spec.left_indent + first;
    let offset = match spec.align {
        // A right-to-left paragraph's ragged lines sit flush right.
        Align::Justify | Align::Left if shaped.rtl && !justify => (avail - content).max(0.0),
        Align::Justify | Align::Left => 0.0,
        Align::Center => ((avail - content) / 2.0).max(0.0),
        Align::Right => (avail - content).max(0.0),
    };
    let levels: Vec<u8> = parts.iter().map(|p| p.seg.level).collect();
    let mut x = indent + offset;
    let mut runs: Vec<GlyphRun> = Vec::with_capacity(parts.len());
    let mut tags: Vec<(usize, TagBox)> = Vec::new();
    let (mut ascent, mut descent) = (0.0f32, 0.0f32);
    let mut last = None;
    for i in visual_order(&levels) {
        let p = &parts[i];
        let seg = p.seg;
        let (a, d) = fonts.line_metrics(seg.face, seg.size);
        ascent = ascent.max(a + seg.shift);
        descent = descent.max(d - seg.shift);
        let width: f32 = p.glyphs.iter().map(|g| g.advance).sum();
        if let Some(tag) = &pieces[seg.piece].tag {
            match tags.last_mut() {
                Some((piece, b)) if *piece == seg.piece && (b.x1 - x).abs() < 0.001 => {
                    b.x1 = x + width
                }
                _ => tags.push((
                    seg.piece,
                    TagBox {
                        tag: tag.clone(),
                        x0: x,
                        x1: x + width,
                    },
                )),
            }
        }
        let mut run_text = text[p.range.clone()].to_string();
        if p.hyphen {
            run_text.push(SOFT_HYPHEN);
        }
        match runs.last_mut() {
            // Merge with the run before when it continues it in text and style, so a
            // line is a few runs, not one per piece.
            Some(r)
                if r.face == seg.face
                    && r.size == seg.size
                    && r.baseline_shift == seg.shift
                    && !seg.rtl()
                    && continues(&parts, last, i) =>
            {
                let base = r.text.len();
                r.text.push_str(&run_text);
                r.glyphs.extend(p.glyphs.iter().map(|g| Glyph {
                    range: g.range.start + base..g.range.end + base,
                    ..g.clone()
                }));
            }
            _ => runs.push(GlyphRun {
                face: seg.face,
                size: seg.size,
                x,
                baseline_shift: seg.shift,
                text: run_text,
                glyphs: p.glyphs.clone(),
                source: None,
            }),
        }
        x += width;
        last = Some(i);
    }
    if parts.is_empty()
        && let Some(first) = pieces.first()
    {
        (ascent, descent) = fonts.line_metrics(first.style.face, first.style.size);
    }
    // Summing advances drifts by float noise; a justified line that reached its
    // measure is exactly as wide as the measure.
    let width = if justify && (content - avail).abs() < 0.01 {
        indent + avail
    } else {
        x
    };
    Line {
        ascent,
        descent,
        leading: spec.leading,
        width,
        runs,
        tags: tags.into_iter().map(|(_, b)| b).collect(),
        hyphenated,
        broken: brk.kind == BreakKind::Char,
        overfull: if width - spec.width > OVERFULL_SLACK {
            width - spec.width
        } else {
            0.0
        },
    }
}

/// Whether part `i`, set right after part `last`, continues it in logical order with
/// both left-to-right, so their runs can merge.
fn continues(parts: &[Part], last: Option<usize>, i: usize) -> bool {
    i > 0 && last == Some(i - 1) && {
        let prev = &parts[i - 1];
        !prev.seg.rtl() && !prev.hyphen && prev.range.end == parts[i].range.start
    }
}

/// The text behind an added hyphen's glyph: a soft hyphen, as Typst writes it, so text
/// copied out of the PDF (and `pdftotext`) knows the word goes on and joins it.
const SOFT_HYPHEN: char = '\u{AD}';

/// Ends the part with a hyphen. A left-to-right word is reshaped with its hyphen, so
/// kerning before the hyphen is right and no ligature spans the break.
fn add_hyphen(fonts: &FontSet, text: &str, part: &mut Part) {
    let range = part.range.clone();
    part.hyphen = true;
    let (id, advance) = fonts.hyphen(part.seg.face, part.seg.size);
    if !part.seg.rtl() {
        let word = text[range.clone()]
            .char_indices()
            .rev()
            .find(|&(_, c)| is_glue(c))
            .map_or(range.start, |(i, c)| range.start + i + c.len_utf8());
        let fragment = format!("{}-", &text[word..range.end]);
        let mut buffer = Buffer::new();
        let context = (&text[..word], "");
        let shaped = shape_run(fonts, part.seg, &fragment, word, context, &mut buffer);
        let keep = word - range.start;
        let before: f32 = part
            .glyphs
            .iter()
            .filter(|g| g.range.start >= keep)
            .map(|g| g.advance)
            .sum();
        let after: f32 = shaped.iter().map(|g| g.advance).sum();
        // Line breaking measured the word as shaped in the paragraph plus a hyphen;
        // keep the reshaped word only if it is no wider, so the line still fits.
        if !shaped.is_empty() && after <= before + advance + 0.001 {
            part.glyphs.retain(|g| g.range.start < keep);
            part.glyphs.extend(to_glyphs(
                &shaped,
                range.start,
                range.end + SOFT_HYPHEN.len_utf8(),
            ));
            return;
        }
    }
    let at = range.len();
    part.glyphs.push(Glyph {
        id,
        advance,
        x_offset: 0.0,
        y_offset: 0.0,
        range: at..at + SOFT_HYPHEN.len_utf8(),
    });
}

/// The glyphs of `seg` whose clusters fall in `range`, with byte ranges relative to
/// `range.start`, in visual order.
fn place(seg: &Segment, range: &Range<usize>) -> Vec<Glyph> {
    // Clusters rise along a left-to-right segment and fall along a right-to-left
    // one, so the line's glyphs are one slice, found by binary search.
    let glyphs = &seg.glyphs;
    let (lo, hi) = if seg.rtl() {
        (
            glyphs.partition_point(|g| g.cluster >= range.end),
            glyphs.partition_point(|g| g.cluster >= range.start),
        )
    } else {
        (
            glyphs.partition_point(|g| g.cluster < range.start),
            glyphs.partition_point(|g| g.cluster < range.end),
        )
    };
    to_glyphs(&glyphs[lo..hi.max(lo)], range.start, range.end)
}

/// Shaped glyphs as line glyphs with byte ranges relative to `start`; the last
/// cluster runs to `end`.
fn to_glyphs(slice: &[ShapedGlyph], start: usize, end: usize) -> Vec<Glyph> {
    let mut starts: Vec<usize> = slice.iter().map(|g| g.cluster).collect();
    starts.sort_unstable();
    starts.dedup();
    slice
        .iter()
        .map(|g| {
            let k = starts.partition_point(|&s| s <= g.cluster);
            let next = starts.get(k).copied().unwrap_or(end);
            Glyph {
                id: g.id,
                advance: g.advance,
                x_offset: g.x_offset,
                y_offset: g.y_offset,
                range: g.cluster - start..next - start,
            }
        })
        .collect()
}
