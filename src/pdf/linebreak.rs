//! Knuth–Plass total-fit line breaking over the shaped paragraph.
//!
//! Boxes are the glyphs, glue the interword spaces (stretch a whole space, shrink a third
//! of it), penalties the candidates from [`super::hyphenate`]. Widths
//! come from prefix sums, so a candidate line costs O(1); a hyphenation point inside a
//! ligature brings its own pre-shaped halves (`shape::Cut`). Active nodes die
//! as soon as their line would be overfull, which bounds the active set by a line's
//! worth of candidates, as in TeX. Demerits follow TeX (line penalty, double and final
//! hyphen demerits, adjacent fitness classes), plus a hard limit of two hyphenated
//! lines in a row.
//!
//! Passes loosen in turn: without hyphenation at tolerance 100 (`\pretolerance`); with
//! it at 200, then 1000; any badness with emergency stretch; then breaks between any
//! two clusters. The last pass cannot fail: when no node reaches a candidate it keeps
//! the least overfull line, and the line reports it.
//!
//! A justified line's spaces may open to `LOOSEST` in every pass but the last two. A
//! word alone on a line counts as a line with one space as wide as the hole after it,
//! so it is never the way out of a loose line; when no setting keeps every line within
//! `LOOSEST`, the paragraph gets as few loose lines, as little loose, as it can.

use super::fonts::FontSet;
use super::hyphenate::{BreakKind, Candidate};
use super::shape::{Cut, Shaped};
use super::types::{Align, ParaSpec};

/// Badness of a line that cannot stretch to its measure.
const INF_BAD: f32 = 10_000.0;
/// Added to every line's badness before squaring (TeX's `\linepenalty`).
const LINE_PENALTY: f32 = 10.0;
/// Extra demerits for two hyphenated lines in a row (`\doublehyphendemerits`).
const DOUBLE_HYPHEN: f32 = 10_000.0;
/// Extra demerits for a hyphen on the penultimate line (`\finalhyphendemerits`).
const FINAL_HYPHEN: f32 = 5_000.0;
/// Extra demerits for neighbouring lines of very different tightness (`\adjdemerits`).
const ADJ_DEMERITS: f32 = 10_000.0;
/// Interword stretch as a fraction of the space: a space may double at badness 100.
/// TeX's fonts stretch a space by half, but a third of an em wide, and TeX sets wider
/// measures than a handout's; at half a space the sample hyphenated one line in eight.
/// With a whole space the interword gaps on the sample come out as Typst sets them
/// (median 0.28 em, 90th percentile 0.39 em) and hyphens fall from 15 lines to 5.
const SPACE_STRETCH: f32 = 1.0;
/// Interword shrink as a fraction of the space (a ninth of an em in TeX's fonts).
const SPACE_SHRINK: f32 = 1.0 / 3.0;
/// Stretch of the gap between two solid CJK characters, in em (it has no natural
/// width and no shrink): a tenth of an em, about xeCJK's `\CJKglue` (0.08 of the
/// baseline skip). A line of Chinese that ends one character short, because the next
/// is a full stop that may not start a line, opens its thirty gaps by a thirtieth of
/// an em each, at badness 3.
pub(crate) const SOLID_STRETCH: f32 = 0.1;
/// Lines in a row allowed to end with a hyphen, added or written.
const MAX_HYPHENS: u8 = 2;
/// The shortest last line of a paragraph set a line longer or shorter than its best
/// (TeX's `\looseness`), as a fraction of the measure: at a line more, the best way
/// is often to carry a hyphenated word's last syllable alone onto the new line.
const SHORTEST_LAST: f32 = 0.25;

/// One pass's settings.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pass {
    /// Largest badness accepted.
    pub tolerance: f32,
    /// Stretch added to every line when judging it (TeX's `\emergencystretch`), as a
    /// fraction of the measure.
    pub emergency: f32,
    /// Whether this pass must succeed, keeping overfull lines when nothing else works.
    pub last: bool,
    /// The widest interword space a justified line may get, in em; the last pass
    /// takes any.
    pub loosest: f32,
}

/// The loosest interword space of a justified line in every pass but the last: beyond
/// it a line reads as gappy (the measure; Typst's 95th percentile on the
/// sample is below 0.45 em).
const LOOSEST: f32 = 0.55;

/// TeX's `\pretolerance` pass, tried first without hyphenation.
pub(crate) const PRETOLERANCE: Pass = Pass {
    tolerance: 100.0,
    emergency: 0.0,
    last: false,
    loosest: LOOSEST,
};

/// The passes, from strict to desperate: TeX's tolerance, the looser tolerance narrow
/// columns are usually set with, emergency stretch (judging lines as if they could
/// stretch more, which spreads the looseness over the paragraph, as TeX's
/// `\emergencystretch` does) with no line looser than `LOOSEST`, then with any
/// spacing (a word longer than the measure), and at last breaks inside words.
pub(crate) const PASSES: [Pass; 6] = [
    Pass {
        tolerance: 200.0,
        emergency: 0.0,
        last: false,
        loosest: LOOSEST,
    },
    Pass {
        tolerance: 1000.0,
        emergency: 0.0,
        last: false,
        loosest: LOOSEST,
    },
    Pass {
        tolerance: INF_BAD,
        emergency: 0.1,
        last: false,
        loosest: LOOSEST,
    },
    Pass {
        tolerance: INF_BAD,
        emergency: 0.3,
        last: false,
        loosest: LOOSEST,
    },
    Pass {
        tolerance: INF_BAD,
        emergency: 0.3,
        last: false,
        loosest: f32::INFINITY,
    },
    Pass {
        tolerance: INF_BAD,
        emergency: 0.3,
        last: true,
        loosest: f32::INFINITY,
    },
];

fn penalty(kind: BreakKind) -> f32 {
    match kind {
        BreakKind::Forced | BreakKind::Space | BreakKind::Solid => 0.0,
        // TeX's \hyphenpenalty and \exhyphenpenalty.
        BreakKind::Explicit | BreakKind::Hyphen => 100.0,
        BreakKind::Other => 100.0,
        BreakKind::Char => 5_000.0,
    }
}

fn flagged(kind: BreakKind) -> bool {
    matches!(kind, BreakKind::Explicit | BreakKind::Hyphen)
}

/// A chosen break, for the setter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Break {
    /// The line's content: `text[start..end]`.
    pub start: usize,
    /// End of the line's content.
    pub end: usize,
    /// How the line ends.
    pub kind: BreakKind,
    /// The cut (index into the cuts) the line ends in, if it ends inside a ligature.
    pub head: Option<usize>,
    /// The cut the line starts in.
    pub tail: Option<usize>,
}

/// The width available to line `line` and the measure's geometry.
pub(crate) fn available(spec: &ParaSpec, line: usize) -> f32 {
    let first = if line == 0 { spec.first_indent } else { 0.0 };
    (spec.width - spec.left_indent - first).max(0.0)
}

/// Width of the hyphen added when the line ends at byte `end`.
pub(crate) fn hyphen_width(fonts: &FontSet, shaped: &Shaped, end: usize) -> f32 {
    shaped
        .segment_at(end.saturating_sub(1))
        .map_or(0.0, |s| fonts.hyphen(s.face, s.size).1)
}

/// A feasible break reached by the best path to it.
#[derive(Debug, Clone, Copy)]
struct Node {
    /// Index into the candidates; `None` for the paragraph's start.
    cand: Option<usize>,
    /// The node before it on the best path.
    prev: usize,
    /// Line number of the line starting here.
    line: usize,
    /// Where the next line starts.
    start: usize,
    /// Where the next line's glyphs from the paragraph's shaping start: past the cut
    /// cluster when the line starts inside a ligature.
    from: usize,
    /// Width of the cut cluster's tail that starts the next line.
    lead: f32,
    /// The cut the next line starts in.
    cut: Option<usize>,
    demerits: f32,
    fitness: u8,
    /// Lines in a row ending with a hyphen, up to here.
    hyphens: u8,
    flagged: bool,
}

/// A line measured from a node to a candidate.
struct Fit {
    ratio: f32,
    /// How far the line sticks out even fully shrunk (positive when overfull).
    excess: f32,
    /// Its spaces would be looser than the pass allows.
    loose: bool,
    /// How many times `LOOSEST` its spaces open, when more than once; else 0.
    over: f32,
}

/// Whether the line ends where a word does (not inside a URL or a hashtag).
fn ends_word(kind: BreakKind) -> bool {
    matches!(
        kind,
        BreakKind::Space | BreakKind::Solid | BreakKind::Hyphen | BreakKind::Explicit
    )
}

fn measure(
    fonts: &FontSet,
    shaped: &Shaped,
    spec: &ParaSpec,
    pass: Pass,
    from: &Node,
    (c, cut): (&Candidate, Option<&Cut>),
    (is_last, at_word): (bool, bool),
) -> Fit {
    let avail = available(spec, from.line);
    // Inside a ligature the line ends with the cut's own head; elsewhere with the
    // paragraph's glyphs and, at a hyphenation point, a hyphen.
    let to = cut.map_or(c.end, |k| k.cluster.start);
    let mut natural = from.lead + shaped.width(from.from, to);
    if let Some(k) = cut {
        natural += k.head_width();
    } else if c.kind == BreakKind::Hyphen {
        natural += hyphen_width(fonts, shaped, c.end);
    }
    let glue = shaped.glue(from.from, to);
    let solid = shaped.gap_ems(from.from, to) * SOLID_STRETCH;
    let (stretch, shrink) = match spec.align {
        Align::Justify => (glue * SPACE_STRETCH + solid, glue * SPACE_SHRINK),
        // Ragged lines have fixed spaces and a margin that may take up to about 2em.
        _ => (avail.min(24.0), 0.0),
    };
    let emergency = pass.emergency * avail;
    // The width in em each space of the set line gets. A word alone on the line (or
    // what a hyphen left of one) cannot justify: the slack shows as a hole after it,
    // read like one space that wide (TeX would call the line underfull). A piece of
    // a URL or hashtag, broken where it must be, is exempt: its line has nothing else
    // to carry.
    // Where a line has solid gaps too, the spaces take their share of the slack only
    // (see `justify`), and a gap's opening over its stretch is read like a space's.
    let ems = shaped.glue_ems(from.from, to);
    let slack = avail - natural;
    let spaces_share = if slack > 0.0 && solid > 0.0 {
        glue * SPACE_STRETCH / (glue * SPACE_STRETCH + solid)
    } else {
        1.0
    };
    let spread = if spec.align != Align::Justify || is_last {
        0.0
    } else if ems > 0.0 || solid > 0.0 {
        let spaces = if ems > 0.0 {
            (glue + slack * spaces_share) / ems
        } else {
            0.0
        };
        if solid > 0.0 {
            let gaps = slack.max(0.0) * (1.0 - spaces_share) / (solid / SOLID_STRETCH).max(1.0);
            spaces.max(gaps)
        } else {
            spaces
        }
    } else if at_word && ends_word(c.kind) {
        let em = shaped.segment_at(from.from).map_or(0.0, |s| s.size);
        (avail - natural) / em.max(1.0)
    } else {
        0.0
    };
    let loose = spread > pass.loosest;
    let over = if spread > LOOSEST {
        spread / LOOSEST
    } else {
        0.0
    };
    let ratio = if natural <= avail {
        if is_last {
            0.0
        } else if stretch + emergency > 0.0 {
            (avail - natural) / (stretch + emergency)
        } else {
            f32::INFINITY
        }
    } else if shrink > 0.0 {
        (avail - natural) / shrink
    } else {
        f32::NEG_INFINITY
    };
    Fit {
        ratio,
        excess: natural - shrink - avail,
        loose,
        over,
    }
}

fn badness(ratio: f32) -> f32 {
    if ratio.is_infinite() {
        INF_BAD
    } else {
        (100.0 * ratio.abs().powi(3)).min(INF_BAD)
    }
}

fn fitness(ratio: f32) -> u8 {
    if ratio < -0.5 {
        0
    } else if ratio <= 0.5 {
        1
    } else if ratio <= 1.0 {
        2
    } else {
        3
    }
}

/// Runs one pass; `None` when it finds no way to set the paragraph (in exactly
/// `lines` lines, when given: TeX's `\looseness`, for which the best path to each
/// line count is kept apart, as TeX does when `\looseness` is not zero).
pub(crate) fn break_lines(
    fonts: &FontSet,
    shaped: &Shaped,
    cands: &[Candidate],
    cuts: &[Cut],
    spec: &ParaSpec,
    (pass, lines): (Pass, Option<usize>),
) -> Option<Vec<Break>> {
    let cut_at = |b: usize| -> Option<usize> {
        if shaped.boundary[b] {
            None
        } else {
            cuts.binary_search_by_key(&b, |k| k.at).ok()
        }
    };
    let mut nodes = vec![Node {
        cand: None,
        prev: 0,
        line: 0,
        start: 0,
        from: 0,
        lead: 0.0,
        cut: None,
        demerits: 0.0,
        fitness: 1,
        hyphens: 0,
        flagged: false,
    }];
    let mut active: Vec<usize> = vec![0];
    let mut next_active = Vec::new();
    // Best new node per line count (one class unless `lines` is given), then per
    // (fitness, hyphens in a row).
    type Classes = [[Option<Node>; 3]; 4];
    let mut best: Vec<(usize, Classes)> = Vec::new();
    let final_index = cands.len().checked_sub(1)?;
    for (ci, c) in cands.iter().enumerate() {
        let forced = c.kind == BreakKind::Forced;
        let is_last = forced;
        let cut = cut_at(c.end);
        let cut_ref = cut.and_then(|i| cuts.get(i));
        let to = cut_ref.map_or(c.end, |k| k.cluster.start);
        let (next_from, next_lead) = match cut_ref {
            Some(k) => (k.cluster.end, k.tail_width()),
            None => (c.next, 0.0),
        };
        best.clear();
        let mut rescue: Option<(f32, usize)> = None;
        next_active.clear();
        for &ai in &active {
            let a = nodes[ai];
            if a.start > c.end || a.from > to {
                next_active.push(ai);
                continue;
            }
            // Whether the line from `a` starts with a word or the rest of one after a
            // hyphen, not with a piece of a URL or hashtag.
            let at_word = a
                .cand
                .is_none_or(|i| !matches!(cands[i].kind, BreakKind::Other | BreakKind::Char));
            let fit = measure(
                fonts,
                shaped,
                spec,
                pass,
                &a,
                (c, cut_ref),
                (is_last, at_word),
            );
            if fit.ratio < -1.0 {
                // Overfull: no later candidate can do better from this node.
                if rescue.is_none_or(|(e, _)| fit.excess < e) {
                    rescue = Some((fit.excess, ai));
                }
                continue;
            }
            if !forced {
                next_active.push(ai);
            }
            // A hyphen written in the text ends a line just as visibly as an added
            // one, so both count towards the limit.
            let hyphens = if flagged(c.kind) { a.hyphens + 1 } else { 0 };
            let b = badness(fit.ratio);
            if b > pass.tolerance || hyphens > MAX_HYPHENS || fit.loose {
                continue;
            }
            // Emergency stretch makes any line look cheap; a line looser than
            // LOOSEST (taken only when no pass could avoid one) is judged by its real
            // spaces, so the paragraph gets as few of them, as little loose, as it can.
            let b = if fit.over > 0.0 {
                INF_BAD * fit.over
            } else {
                b
            };
            let p = penalty(c.kind);
            let mut d = (LINE_PENALTY + b).powi(2) + if forced { 0.0 } else { p * p };
            let is_flagged = flagged(c.kind);
            if is_flagged && a.flagged {
                d += DOUBLE_HYPHEN;
            }
            if ci == final_index && a.flagged {
                d += FINAL_HYPHEN;
            }
            let fc = fitness(fit.ratio);
            if fc.abs_diff(a.fitness) > 1 {
                d += ADJ_DEMERITS;
            }
            let node = Node {
                cand: Some(ci),
                prev: ai,
                line: a.line + 1,
                start: c.next,
                from: next_from,
                lead: next_lead,
                cut,
                demerits: a.demerits + d,
                fitness: fc,
                hyphens,
                flagged: is_flagged,
            };
            // Wanting `lines` lines, a path that has them before the end is dead; and
            // the paragraph ends as a good one does, not with a hyphen's tail alone.
            if let Some(n) = lines {
                let short =
                    || a.lead + shaped.width(a.from, to) < available(spec, a.line) * SHORTEST_LAST;
                if (node.line >= n && ci != final_index)
                    || (ci == final_index && (a.flagged || short()))
                {
                    continue;
                }
            }
            let class = if lines.is_some() { node.line } else { 0 };
            let at = match best.iter().position(|b| b.0 == class) {
                Some(at) => at,
                None => {
                    best.push((class, Classes::default()));
                    best.len() - 1
                }
            };
            let slot = &mut best[at].1[usize::from(fc)][usize::from(hyphens)];
            if slot.is_none_or(|s| node.demerits < s.demerits) {
                *slot = Some(node);
            }
        }
        for node in best.iter().flat_map(|b| b.1.iter().flatten().flatten()) {
            next_active.push(nodes.len());
            nodes.push(*node);
        }
        if next_active.is_empty() {
            let (_, ai) = rescue.filter(|_| pass.last)?;
            let a = nodes[ai];
            next_active.push(nodes.len());
            nodes.push(Node {
                cand: Some(ci),
                prev: ai,
                line: a.line + 1,
                start: c.next,
                from: next_from,
                lead: next_lead,
                cut,
                demerits: a.demerits + INF_BAD * INF_BAD,
                fitness: 1,
                hyphens: 0,
                flagged: false,
            });
        }
        std::mem::swap(&mut active, &mut next_active);
    }
    let end = active
        .iter()
        .copied()
        .filter(|&i| nodes[i].cand == Some(final_index))
        .filter(|&i| lines.is_none_or(|n| nodes[i].line == n))
        .min_by(|&a, &b| nodes[a].demerits.total_cmp(&nodes[b].demerits))?;
    let mut breaks = Vec::new();
    let mut at = end;
    while let Some(ci) = nodes[at].cand {
        let prev = nodes[at].prev;
        breaks.push(Break {
            start: nodes[prev].start,
            end: cands[ci].end,
            kind: cands[ci].kind,
            head: nodes[at].cut,
            tail: nodes[prev].cut,
        });
        at = prev;
    }
    breaks.reverse();
    Some(breaks)
}
