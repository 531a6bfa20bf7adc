//! A stand-in paragraph setter (charmap + advance widths, greedy breaking) so page
//! building and writing can be tested before the real engine lands. To be deleted.

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

use super::types::{Align, Face, Glyph, GlyphRun, Line, ParaSpec, Piece, TagBox};

/// The bytes of each face.
pub fn data(face: Face) -> &'static [u8] {
    use crate::assets::*;
    match face {
        Face::Regular => SERIF_REGULAR.data,
        Face::Italic => SERIF_ITALIC.data,
        Face::Bold => SERIF_BOLD.data,
        Face::BoldItalic => SERIF_BOLD_ITALIC.data,
        Face::Mono => MONO.data,
        Face::Arabic => ARABIC.data,
    }
}

struct Seg {
    piece: usize,
    text: String,
    glyphs: Vec<Glyph>,
    width: f32,
}

fn shape(text: &str, face: Face, size: f32, missing: &mut Vec<char>) -> (Vec<Glyph>, f32) {
    let Ok(font) = FontRef::new(data(face)) else {
        return (Vec::new(), 0.0);
    };
    let cmap = font.charmap();
    let gm = font.glyph_metrics(Size::new(size), LocationRef::default());
    let mut x = 0.0;
    let mut glyphs = Vec::new();
    for (i, c) in text.char_indices() {
        let gid = cmap.map(c).unwrap_or_else(|| {
            missing.push(c);
            Default::default()
        });
        let advance = gm.advance_width(gid).unwrap_or(size * 0.5);
        glyphs.push(Glyph {
            id: gid.to_u32() as u16,
            advance,
            x_offset: 0.0,
            y_offset: 0.0,
            range: i..i + c.len_utf8(),
        });
        x += advance;
    }
    (glyphs, x)
}

/// Sets a paragraph greedily.
pub fn set(pieces: &[Piece], spec: &ParaSpec) -> (Vec<Line>, Vec<char>) {
    let mut missing = Vec::new();
    // Words: runs of segments between spaces.
    let mut words: Vec<Vec<Seg>> = vec![Vec::new()];
    for (pi, p) in pieces.iter().enumerate() {
        for (k, part) in p.text.split(' ').enumerate() {
            if k > 0 && !words.last().is_some_and(Vec::is_empty) {
                words.push(Vec::new());
            }
            if !part.is_empty() {
                let (glyphs, width) = shape(part, p.style.face, p.style.size, &mut missing);
                if let Some(w) = words.last_mut() {
                    w.push(Seg {
                        piece: pi,
                        text: part.to_string(),
                        glyphs,
                        width,
                    });
                }
            }
        }
    }
    words.retain(|w| !w.is_empty());
    let size = pieces
        .iter()
        .map(|p| p.style.size)
        .fold(0.0, f32::max)
        .max(1.0);
    let space = size * 0.26;
    let mut lines = Vec::new();
    let mut start = 0;
    while start < words.len() {
        let indent = if lines.is_empty() {
            spec.first_indent
        } else {
            0.0
        };
        let mut end = start;
        let mut w = 0.0;
        while end < words.len() {
            let ww: f32 = words[end].iter().map(|s| s.width).sum();
            let add = if end > start { space + ww } else { ww };
            if end > start && indent + w + add > spec.width {
                break;
            }
            w += add;
            end += 1;
        }
        let last = end == words.len();
        let gaps = (end - start).saturating_sub(1) as f32;
        let stretch = if spec.align == Align::Justify && !last && gaps > 0.0 {
            (spec.width - indent - w) / gaps
        } else {
            0.0
        };
        let mut x = match spec.align {
            Align::Center => (spec.width - w) / 2.0,
            Align::Right => spec.width - w,
            _ => indent,
        };
        let mut runs = Vec::new();
        let mut tags = Vec::new();
        for word in &words[start..end] {
            for s in word {
                let p = &pieces[s.piece];
                if let Some(tag) = &p.tag {
                    tags.push(TagBox {
                        tag: tag.clone(),
                        x0: x,
                        x1: x + s.width,
                    });
                }
                runs.push(GlyphRun {
                    face: p.style.face,
                    size: p.style.size,
                    x,
                    baseline_shift: p.style.baseline_shift,
                    text: s.text.clone(),
                    glyphs: s.glyphs.clone(),
                });
                x += s.width;
            }
            x += space + stretch;
        }
        let overfull = (indent + w - spec.width).max(0.0);
        lines.push(Line {
            ascent: size * 0.9,
            descent: size * 0.25,
            leading: spec.leading,
            width: if stretch > 0.0 { spec.width } else { w },
            runs,
            tags,
            hyphenated: false,
            overfull,
        });
        start = end;
    }
    missing.dedup();
    (lines, missing)
}
