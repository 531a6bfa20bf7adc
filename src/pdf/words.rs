//! Word shaping shared by every paragraph of the process: a left-to-right Latin run is
//! shaped word by word, and each (face, script, word) is shaped once per process, in
//! whichever profile, thread or build meets it first.
//!
//! Shaping word by word gives exactly the glyphs of shaping the whole run only when
//! no lookup of the face reaches across a space. In the bundled faces the space takes
//! part in no GPOS lookup and in one GSUB lookup only (Gentium's `ccmp`, as context
//! around the tone letters U+02E5–U+02E9 and U+A712–U+A716), and the buffer's context
//! is read by the Arabic shaper alone; so runs made only of characters below U+02B0
//! and general punctuation take this path, anything else is shaped as one run. The
//! cache holds shaping results, never decisions: a PDF is byte-identical whatever was
//! cached before, by which thread, in which order.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::sync::{Arc, LazyLock, Mutex};

use harfrust::{Buffer, Direction};

use super::fonts::FontSet;
use super::shape::{Segment, ShapedGlyph, is_glue, run_shaper};
use super::types::Face;

/// One glyph of a cached word, in font units: id, advance, offsets, and the byte
/// offset of its cluster in the word.
type Raw = (u16, i32, i32, i32, u32);

/// foldhash with a fixed seed: several times faster than SipHash on short words, and
/// no hash reaches the output.
type Hasher = foldhash::fast::FixedState;

/// Words by face and script (as its tag).
type Shard = HashMap<(Face, Option<[u8; 4]>), HashMap<Box<str>, Arc<[Raw]>, Hasher>, Hasher>;

/// Shards, so threads setting paragraphs at once rarely wait for one another.
const SHARDS: usize = 16;

/// Words a shard keeps before it starts over (about 2^17 words in all, a few MB):
/// a long batch keeps its memory bounded, and what is dropped is shaped again.
const SHARD_WORDS: usize = 8192;

static CACHE: LazyLock<Vec<Mutex<(usize, Shard)>>> =
    LazyLock::new(|| (0..SHARDS).map(|_| Mutex::default()).collect());

/// Whether a run made of `c` shapes the same word by word as whole (see the module
/// documentation).
fn word_safe(c: char) -> bool {
    c < '\u{2B0}' || ('\u{2010}'..='\u{205E}').contains(&c)
}

/// Whether `c`, one of the characters [`word_safe`] lets through, has a script of
/// its own (Latin, in Unicode's Scripts.txt); the others are Common.
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{AA}' | '\u{BA}' | '\u{C0}'..='\u{2AF}')
            && !matches!(c, '\u{D7}' | '\u{F7}')
}

/// The glyphs of `run` (a segment's text, starting at byte `base` of the paragraph)
/// shaped word by word through the cache, or `None` when the run must be shaped whole.
pub(crate) fn shape_words(
    fonts: &FontSet,
    seg: &Segment,
    run: &str,
    base: usize,
    buffer: &mut Buffer,
) -> Option<Vec<ShapedGlyph>> {
    if seg.rtl() || seg.face == Face::Arabic || !run.chars().all(word_safe) {
        return None;
    }
    // The script the whole run would be shaped in (harfrust takes the first
    // character's of a script of its own), set on every word so each is shaped with
    // the run's plan.
    let script = run.chars().any(is_latin).then_some(harfrust::Script::LATIN);
    let scale = seg.size / fonts.units_per_em(seg.face);
    let mut out = Vec::with_capacity(run.len());
    for (start, word) in split(run) {
        let raw = cached(fonts, seg.face, script, word, buffer);
        out.extend(raw.iter().map(|&(id, advance, x, y, cluster)| ShapedGlyph {
            id,
            advance: advance as f32 * scale,
            x_offset: x as f32 * scale,
            y_offset: y as f32 * scale,
            cluster: base + start + cluster as usize,
        }));
    }
    Some(out)
}

/// The words of `run` and each interword space on its own, with their byte offsets.
fn split(run: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = 0;
    std::iter::from_fn(move || {
        let tail = run.get(rest..).filter(|t| !t.is_empty())?;
        let len = match tail.chars().next() {
            Some(c) if is_glue(c) => c.len_utf8(),
            _ => tail.find(is_glue).unwrap_or(tail.len()),
        };
        let start = rest;
        rest += len;
        Some((start, &tail[..len]))
    })
}

/// A word's glyphs from the cache, shaped and kept on first use.
fn cached(
    fonts: &FontSet,
    face: Face,
    script: Option<harfrust::Script>,
    word: &str,
    buffer: &mut Buffer,
) -> Arc<[Raw]> {
    let tag = script.map(|s| s.tag().to_be_bytes());
    let hash = Hasher::default().hash_one(word);
    // The top bits pick the shard: the low ones place the word within it.
    let shard = &CACHE[(hash >> 60) as usize % SHARDS];
    let lock = || shard.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(raw) = lock().1.get(&(face, tag)).and_then(|m| m.get(word)) {
        return raw.clone();
    }
    let raw: Arc<[Raw]> = shape_word(fonts, face, script, word, buffer).into();
    let mut guard = lock();
    let (count, map) = &mut *guard;
    if *count >= SHARD_WORDS {
        map.clear();
        *count = 0;
    }
    let words = map.entry((face, tag)).or_default();
    if !words.contains_key(word) {
        words.insert(word.into(), raw.clone());
        *count += 1;
    }
    raw
}

/// Shapes one word left to right in `script`.
fn shape_word(
    fonts: &FontSet,
    face: Face,
    script: Option<harfrust::Script>,
    word: &str,
    buffer: &mut Buffer,
) -> Vec<Raw> {
    buffer.clear();
    for (off, c) in word.char_indices() {
        buffer.push(u32::from(c), off as u32);
    }
    buffer.set_direction(Direction::LeftToRight);
    buffer.set_script(script);
    buffer.guess_segment_properties();
    if !run_shaper(fonts, face, Direction::LeftToRight, buffer) {
        return Vec::new();
    }
    buffer
        .glyph_infos()
        .iter()
        .zip(buffer.glyph_positions())
        .map(|(info, pos)| {
            (
                u16::try_from(info.glyph_id).unwrap_or(0),
                pos.x_advance,
                pos.x_offset,
                pos.y_offset,
                info.cluster,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::shape::shape_run;

    fn segment(face: Face) -> Segment {
        Segment {
            range: 0..0,
            face,
            size: 10.0,
            shift: 0.0,
            level: 0,
            piece: 0,
            glyphs: Vec::new(),
        }
    }

    fn key(glyphs: &[ShapedGlyph]) -> Vec<(u16, u32, u32, u32, usize)> {
        glyphs
            .iter()
            .map(|g| {
                let bits = (
                    g.advance.to_bits(),
                    g.x_offset.to_bits(),
                    g.y_offset.to_bits(),
                );
                (g.id, bits.0, bits.1, bits.2, g.cluster)
            })
            .collect()
    }

    #[test]
    fn word_by_word_equals_the_whole_run_on_the_sample() {
        let fonts = FontSet::shared();
        let text = include_str!("../../book/01-mek.txt");
        let mut buffer = Buffer::new();
        let mut checked = 0;
        for face in [
            Face::Regular,
            Face::Italic,
            Face::Bold,
            Face::BoldItalic,
            Face::Mono,
        ] {
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                let seg = segment(face);
                let Some(words) = shape_words(fonts, &seg, line, 3, &mut buffer) else {
                    continue;
                };
                let whole = shape_run(fonts, &seg, line, 3, ("", ""), &mut buffer);
                assert_eq!(key(&words), key(&whole), "{face:?}: {line}");
                checked += 1;
            }
        }
        assert!(checked > 100, "only {checked} lines took the word path");
    }

    #[test]
    fn runs_that_may_interact_across_spaces_are_shaped_whole() {
        let fonts = FontSet::shared();
        let mut buffer = Buffer::new();
        let seg = segment(Face::Regular);
        assert!(shape_words(fonts, &seg, "a \u{2E5}\u{2E9} b", 0, &mut buffer).is_none());
        assert!(shape_words(fonts, &seg, "cafe\u{301} noir", 0, &mut buffer).is_none());
        assert!(shape_words(fonts, &segment(Face::Arabic), "a b", 0, &mut buffer).is_none());
        assert!(shape_words(fonts, &seg, "“Office” — 1990s", 0, &mut buffer).is_some());
    }

    #[test]
    fn the_run_script_is_the_one_harfrust_guesses() {
        let mut buffer = Buffer::new();
        for c in (0..0x2B0).chain(0x2010..=0x205E).filter_map(char::from_u32) {
            buffer.clear();
            buffer.push(u32::from(c), 0);
            buffer.guess_segment_properties();
            let latin = buffer.script() == Some(harfrust::Script::LATIN);
            assert!(latin || buffer.script().is_none(), "{c:?}");
            assert_eq!(is_latin(c), latin, "{c:?}");
        }
    }

    #[test]
    fn words_and_spaces_split_apart() {
        let parts: Vec<_> = split("of  fice\u{A0}x").collect();
        assert_eq!(
            parts,
            vec![
                (0, "of"),
                (2, " "),
                (3, " "),
                (4, "fice"),
                (8, "\u{A0}"),
                (10, "x")
            ]
        );
    }
}
