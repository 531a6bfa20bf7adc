//! Shaping: the paragraph's pieces become one text, cut into segments of one face,
//! size and direction (per-character font fallback, bidi levels), each shaped once by
//! harfrust. Line breaking then measures any stretch of the paragraph in O(1) from
//! per-byte prefix sums, so no candidate line is ever reshaped.

use std::ops::Range;

use harfrust::{Buffer, Direction, ShapeOptions, ShaperFont};

use super::fonts::FontSet;
use super::types::{Face, Piece};

/// One glyph as shaped, before it is placed on a line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ShapedGlyph {
    pub id: u16,
    pub advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
    /// Byte offset into [`Shaped::text`] of the cluster the glyph belongs to.
    pub cluster: usize,
}

/// A stretch of the paragraph in one face, size, piece and bidi level.
#[derive(Debug, Clone)]
pub(crate) struct Segment {
    pub range: Range<usize>,
    pub face: Face,
    pub size: f32,
    pub shift: f32,
    pub level: u8,
    pub piece: usize,
    /// Glyphs in visual order (reversed for right-to-left segments).
    pub glyphs: Vec<ShapedGlyph>,
}

/// The shaped paragraph.
#[derive(Debug, Clone)]
pub(crate) struct Shaped {
    pub text: String,
    /// Byte range of each input piece in `text`.
    pub pieces: Vec<Range<usize>>,
    pub segments: Vec<Segment>,
    /// Whether the paragraph runs right to left (its first strong character is).
    pub rtl: bool,
    /// Characters no bundled face has, in order of first appearance.
    pub missing: Vec<char>,
    /// `advance[b]`: total advance of the glyphs whose cluster starts before byte `b`.
    pub advance: Vec<f32>,
    /// `space[b]`: total width of the interword spaces before byte `b` (the glue).
    pub space: Vec<f32>,
    /// `ems[b]`: the font sizes of the interword spaces before byte `b`, summed: the
    /// glue's width in em is `space / ems` over a line.
    pub ems: Vec<f32>,
    /// `boundary[b]`: a line may start or end at byte `b` without cutting a cluster.
    pub boundary: Vec<bool>,
    /// `gaps[b]`: the font sizes of the gaps between two solid (CJK) characters that
    /// start before byte `b`, summed; a gap sits at the second character's first byte.
    /// Justification opens them a little (see [`crate::lang::is_solid`]). Empty when
    /// the paragraph has no CJK text, so Latin paragraphs pay nothing for it.
    pub gaps: Vec<f32>,
}

impl Segment {
    /// Whether the segment runs right to left.
    pub fn rtl(&self) -> bool {
        self.level % 2 == 1
    }
}

impl Shaped {
    /// Natural width of `text[from..to]`.
    pub fn width(&self, from: usize, to: usize) -> f32 {
        self.advance[to] - self.advance[from]
    }

    /// Width of the interword spaces in `text[from..to]`.
    pub fn glue(&self, from: usize, to: usize) -> f32 {
        self.space[to] - self.space[from]
    }

    /// The interword spaces in `text[from..to]` counted in em of their own size.
    pub fn glue_ems(&self, from: usize, to: usize) -> f32 {
        self.ems[to] - self.ems[from]
    }

    /// The gaps between solid characters strictly inside `text[from..to]` (not at its
    /// edges, where the line ends), counted in em of their own size.
    pub fn gap_ems(&self, from: usize, to: usize) -> f32 {
        if to <= from + 1 || self.gaps.is_empty() {
            return 0.0;
        }
        self.gaps[to] - self.gaps[from + 1]
    }

    /// The size of the gap between two solid characters at byte `b`; 0 where none is.
    pub fn gap_at(&self, b: usize) -> f32 {
        if b < self.text.len() && !self.gaps.is_empty() {
            self.gaps[b + 1] - self.gaps[b]
        } else {
            0.0
        }
    }

    /// The segment holding byte `b`.
    pub fn segment_at(&self, b: usize) -> Option<&Segment> {
        let i = self.segments.partition_point(|s| s.range.end <= b);
        self.segments.get(i)
    }
}

/// A hyphenation point inside a cluster (a ligature such as "ffi" in "of-fice"): the
/// two sides are shaped on their own, once, so breaking there costs no reshaping of
/// candidate lines.
#[derive(Debug, Clone)]
pub(crate) struct Cut {
    /// Where the word is cut.
    pub at: usize,
    /// The cluster it cuts.
    pub cluster: Range<usize>,
    /// `text[cluster.start..at]` and the added hyphen, ending the line.
    pub head: Vec<ShapedGlyph>,
    /// `text[at..cluster.end]`, starting the next line.
    pub tail: Vec<ShapedGlyph>,
}

impl Cut {
    /// Width of the head with its hyphen.
    pub fn head_width(&self) -> f32 {
        self.head.iter().map(|g| g.advance).sum()
    }

    /// Width of the tail.
    pub fn tail_width(&self) -> f32 {
        self.tail.iter().map(|g| g.advance).sum()
    }
}

/// The cuts at the given positions inside left-to-right clusters, in order; a
/// position that cannot be cut (right-to-left text) gets none.
pub(crate) fn cuts(fonts: &FontSet, shaped: &Shaped, positions: &[usize]) -> Vec<Cut> {
    let text = shaped.text.as_str();
    let mut buffer = Buffer::new();
    let mut out: Vec<Cut> = Vec::new();
    for &at in positions {
        let Some(seg) = shaped.segment_at(at).filter(|s| !s.rtl()) else {
            continue;
        };
        let start = (seg.range.start..at).rev().find(|&b| shaped.boundary[b]);
        let end = (at..=seg.range.end).find(|&b| shaped.boundary[b]);
        let (Some(start), Some(end)) = (start, end) else {
            continue;
        };
        let head = format!("{}-", &text[start..at]);
        let head = shape_run(fonts, seg, &head, start, (&text[..start], ""), &mut buffer);
        let tail = shape_run(
            fonts,
            seg,
            &text[at..end],
            at,
            ("", &text[end..]),
            &mut buffer,
        );
        if !head.is_empty() && !tail.is_empty() && out.last().is_none_or(|c| c.at < at) {
            out.push(Cut {
                at,
                cluster: start..end,
                head,
                tail,
            });
        }
    }
    out
}

/// Whether `c` is an interword space that stretches and shrinks when justifying.
pub(crate) fn is_glue(c: char) -> bool {
    c == ' ' || c == '\u{A0}'
}

/// Characters that draw nothing, so a face lacking them is no missing glyph.
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}' | '\u{FEFF}'
        )
}

/// Whether `before` ends with a character that forces a line break (UAX #14 BK, CR,
/// LF, NL).
fn ends_line(before: &str) -> bool {
    before.ends_with([
        '\n', '\r', '\u{B}', '\u{C}', '\u{85}', '\u{2028}', '\u{2029}',
    ])
}

/// Shapes the pieces of one paragraph.
pub(crate) fn shape(fonts: &FontSet, pieces: &[Piece]) -> Shaped {
    let mut text = String::with_capacity(pieces.iter().map(|p| p.text.len()).sum());
    let mut ranges = Vec::with_capacity(pieces.len());
    for p in pieces {
        let start = text.len();
        text.push_str(&p.text);
        ranges.push(start..text.len());
    }
    let levels = super::bidi::levels(&text);
    let mut missing = Vec::new();
    let mut segments: Vec<Segment> = Vec::new();
    for (pi, (piece, range)) in pieces.iter().zip(&ranges).enumerate() {
        let wanted = piece.style.face;
        for (off, c) in piece.text.char_indices() {
            let b = range.start + off;
            let level = levels.as_ref().map_or(0, |l| l.0[b]);
            let current = segments
                .last()
                .filter(|s| s.piece == pi && s.range.end == b)
                .map(|s| (s.face, s.level));
            let face = match current {
                // Every Latin face covers ASCII letters and digits: skip the lookup.
                _ if c.is_ascii_alphanumeric() && wanted != Face::Arabic => wanted,
                // Spaces and punctuation stay in the run they sit in, so an Arabic
                // phrase is shaped as one run with its own spaces.
                Some((f, l))
                    if l == level
                        && !c.is_alphanumeric()
                        && (is_invisible(c) || fonts.has_char(f, c)) =>
                {
                    f
                }
                _ if is_invisible(c) || (!c.is_alphanumeric() && fonts.has_char(wanted, c)) => {
                    wanted
                }
                _ => fonts.fallback(wanted, c).unwrap_or_else(|| {
                    if !missing.contains(&c) {
                        missing.push(c);
                    }
                    wanted
                }),
            };
            match segments.last_mut() {
                // A hard line break ends the segment, so no mark after it shapes into
                // its cluster and every line starts on a cluster.
                Some(s) if current == Some((face, level)) && !ends_line(&text[..b]) => {
                    s.range.end = b + c.len_utf8()
                }
                _ => segments.push(Segment {
                    range: b..b + c.len_utf8(),
                    face,
                    size: piece.style.size,
                    shift: piece.style.baseline_shift,
                    level,
                    piece: pi,
                    glyphs: Vec::new(),
                }),
            }
        }
    }
    let mut buffer = Buffer::new();
    for seg in &mut segments {
        shape_segment(fonts, &text, seg, &mut buffer);
    }
    let n = text.len();
    let mut advance = vec![0.0f32; n + 1];
    let mut space = vec![0.0f32; n + 1];
    let mut ems = vec![0.0f32; n + 1];
    let mut boundary = vec![false; n + 1];
    boundary[n] = true;
    let mut gaps = Vec::new();
    for seg in &segments {
        for g in &seg.glyphs {
            advance[g.cluster + 1] += g.advance;
            if text[g.cluster..].starts_with(is_glue) {
                space[g.cluster + 1] += g.advance;
                ems[g.cluster + 1] += seg.size;
            }
            boundary[g.cluster] = true;
        }
        // Solid characters are set in the CJK face (one outside it is a blank, and
        // no gap opens beside it).
        if seg.face != Face::Cjk {
            continue;
        }
        if gaps.is_empty() {
            gaps = vec![0.0f32; n + 1];
        }
        let mut before = text[..seg.range.start].chars().next_back();
        for (off, c) in text[seg.range.clone()].char_indices() {
            if before.is_some_and(crate::lang::is_solid) && crate::lang::is_solid(c) {
                gaps[seg.range.start + off + 1] += seg.size;
            }
            before = Some(c);
        }
    }
    for b in 1..=n {
        advance[b] += advance[b - 1];
        space[b] += space[b - 1];
        ems[b] += ems[b - 1];
    }
    for b in 1..gaps.len() {
        gaps[b] += gaps[b - 1];
    }
    Shaped {
        text,
        pieces: ranges,
        segments,
        rtl: levels.is_some_and(|l| l.1),
        missing,
        advance,
        space,
        ems,
        boundary,
        gaps,
    }
}

/// Shapes one segment in place: word by word through the per-process word cache
/// when that gives the same glyphs as shaping the whole run (see `words`), else as
/// one run.
fn shape_segment(fonts: &FontSet, text: &str, seg: &mut Segment, buffer: &mut Buffer) {
    let range = seg.range.clone();
    if let Some(glyphs) =
        super::words::shape_words(fonts, seg, &text[range.clone()], range.start, buffer)
    {
        seg.glyphs = glyphs;
        return;
    }
    let context = (&text[..range.start], &text[range.end..]);
    seg.glyphs = shape_run(
        fonts,
        seg,
        &text[range.clone()],
        range.start,
        context,
        buffer,
    );
}

/// Shapes the text in `buffer`, its segment properties set, with `face`'s plan for its
/// script and `direction` (compiled once per process). A plan always matches the buffer
/// it was made for; should shaping still refuse, the buffer is emptied and `false`
/// returned, so the caller sets nothing rather than panic.
pub(super) fn run_shaper(
    fonts: &FontSet,
    face: Face,
    direction: Direction,
    buffer: &mut Buffer,
) -> bool {
    let plan = fonts.plan(face, buffer.script(), direction);
    let shaper = ShaperFont::new(fonts.shaping_font(face));
    let options = ShapeOptions::new().plan(Some(&plan));
    if harfrust::shape(&shaper, buffer, options).is_err() {
        *buffer = Buffer::new();
        return false;
    }
    true
}

/// Shapes `run` in the face, size and direction of `seg`; clusters are byte offsets
/// from `base`. `context` is the text before and after, for joining and contextual
/// forms.
pub(crate) fn shape_run(
    fonts: &FontSet,
    seg: &Segment,
    run: &str,
    base: usize,
    context: (&str, &str),
    buffer: &mut Buffer,
) -> Vec<ShapedGlyph> {
    buffer.clear();
    for (off, c) in run.char_indices() {
        buffer.push(u32::from(c), (base + off) as u32);
    }
    buffer.set_pre_context(context.0);
    buffer.set_post_context(context.1);
    let direction = if seg.rtl() {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    };
    buffer.set_direction(direction);
    buffer.guess_segment_properties();
    let scale = seg.size / fonts.units_per_em(seg.face);
    if !run_shaper(fonts, seg.face, direction, buffer) {
        return Vec::new();
    }
    buffer
        .glyph_infos()
        .iter()
        .zip(buffer.glyph_positions())
        .map(|(info, pos)| ShapedGlyph {
            id: u16::try_from(info.glyph_id).unwrap_or(0),
            advance: pos.x_advance as f32 * scale,
            x_offset: pos.x_offset as f32 * scale,
            y_offset: pos.y_offset as f32 * scale,
            cluster: info.cluster as usize,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::types::TextStyle;

    fn piece(text: &str) -> Piece {
        Piece {
            text: text.into(),
            style: TextStyle {
                face: Face::Regular,
                size: 10.0,
                baseline_shift: 0.0,
            },
            tag: None,
        }
    }

    #[test]
    fn fi_ligature_is_one_glyph_over_two_bytes() {
        let fonts = FontSet::bundled();
        let s = shape(&fonts, &[piece("fi")]);
        assert_eq!(s.segments[0].glyphs.len(), 1);
        assert!(s.boundary[0] && !s.boundary[1] && s.boundary[2]);
    }

    #[test]
    fn kerning_narrows_av() {
        let fonts = FontSet::bundled();
        let kerned = shape(&fonts, &[piece("AV")]).width(0, 2);
        let apart =
            shape(&fonts, &[piece("A")]).width(0, 1) + shape(&fonts, &[piece("V")]).width(0, 1);
        assert!(kerned < apart - 0.1, "kerned {kerned} vs {apart}");
    }

    #[test]
    fn arabic_falls_back_and_emoji_is_missing() {
        let fonts = FontSet::bundled();
        let s = shape(&fonts, &[piece("say سلام دنیا now \u{1F600}")]);
        let arabic: Vec<_> = s
            .segments
            .iter()
            .filter(|g| g.face == Face::Arabic)
            .collect();
        assert_eq!(arabic.len(), 1);
        assert_eq!(&s.text[arabic[0].range.clone()].trim(), &"سلام دنیا");
        assert!(arabic[0].rtl());
        assert_eq!(s.missing, vec!['\u{1F600}']);
    }
}
