//! The bundled faces, parsed once: shaping fonts for harfrust, metrics and character
//! maps from skrifa (the copy krilla pins), and a cache of shaping plans.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use harfrust::{Direction, ShapePlan};
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};

use super::types::Face;
use crate::assets;

/// Every face, in the order of [`Face`]'s variants.
const FACES: [Face; 7] = [
    Face::Regular,
    Face::Italic,
    Face::Bold,
    Face::BoldItalic,
    Face::Mono,
    Face::Arabic,
    Face::Cjk,
];

/// One parsed face.
struct FaceData {
    data: &'static [u8],
    shaping: harfrust::Font,
    charmap: skrifa::charmap::Charmap<'static>,
    units_per_em: f32,
    ascent: f32,
    descent: f32,
    /// The hyphen added at a break: glyph id and advance in font units.
    hyphen: (u16, f32),
}

/// Key of a cached shaping plan: face, script tag, right-to-left.
type PlanKey = (Face, Option<[u8; 4]>, bool);

/// The bundled faces, parsed once and shared by every paragraph.
pub struct FontSet {
    faces: Vec<FaceData>,
    plans: Mutex<HashMap<PlanKey, Arc<ShapePlan>>>,
}

impl std::fmt::Debug for FontSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FontSet")
            .field("faces", &self.faces.len())
            .finish()
    }
}

fn index(face: Face) -> usize {
    match face {
        Face::Regular => 0,
        Face::Italic => 1,
        Face::Bold => 2,
        Face::BoldItalic => 3,
        Face::Mono => 4,
        Face::Arabic => 5,
        Face::Cjk => 6,
    }
}

impl FontSet {
    /// Parses the fonts compiled into the binary (see [`crate::assets`]).
    pub fn bundled() -> FontSet {
        let files = [
            assets::SERIF_REGULAR,
            assets::SERIF_ITALIC,
            assets::SERIF_BOLD,
            assets::SERIF_BOLD_ITALIC,
            assets::MONO,
            assets::ARABIC,
            assets::CJK,
        ];
        let faces = files
            .iter()
            .map(|file| {
                // The files are compiled in and checked by the tests: a parse failure is a
                // broken build, never a property of the input.
                let shaping = harfrust::Font::new(file.data, 0)
                    .unwrap_or_else(|| panic!("bundled font {} does not parse", file.name));
                let font = skrifa::FontRef::new(file.data)
                    .unwrap_or_else(|_| panic!("bundled font {} does not parse", file.name));
                let metrics = font.metrics(Size::unscaled(), LocationRef::default());
                let charmap = font.charmap();
                let hyphen = charmap.map('-').unwrap_or_default();
                let hyphen_advance = font
                    .glyph_metrics(Size::unscaled(), LocationRef::default())
                    .advance_width(hyphen)
                    .unwrap_or(0.0);
                FaceData {
                    data: file.data,
                    shaping,
                    units_per_em: f32::from(metrics.units_per_em.max(1)),
                    ascent: metrics.ascent,
                    descent: -metrics.descent,
                    hyphen: (u16::try_from(hyphen.to_u32()).unwrap_or(0), hyphen_advance),
                    charmap,
                }
            })
            .collect();
        FontSet {
            faces,
            plans: Mutex::new(HashMap::new()),
        }
    }

    /// The bundled faces, parsed once per process: every PDF of a batch or of a
    /// `watch` session shares them and the shaping plans they compile.
    pub fn shared() -> &'static FontSet {
        static SHARED: OnceLock<FontSet> = OnceLock::new();
        SHARED.get_or_init(FontSet::bundled)
    }

    fn face(&self, face: Face) -> &FaceData {
        &self.faces[index(face)]
    }

    /// The font file's bytes, for embedding.
    pub fn data(&self, face: Face) -> &'static [u8] {
        self.face(face).data
    }

    /// Height above the baseline at `size` points.
    pub fn ascent(&self, face: Face, size: f32) -> f32 {
        let f = self.face(face);
        f.ascent / f.units_per_em * size
    }

    /// Depth below the baseline at `size` points (positive).
    pub fn descent(&self, face: Face, size: f32) -> f32 {
        let f = self.face(face);
        f.descent / f.units_per_em * size
    }

    /// Ascent and depth a line takes from text set in `face`. The fallbacks' own (the
    /// Arabic face's deeper than the serif's and shorter, the CJK face's taller) would
    /// seat a line holding Arabic or CJK words higher or lower in its box than its
    /// neighbours; they take the body face's, so every line keeps the baseline grid and
    /// its marks may reach into the leading, as a fallback font's do in TeX and Typst.
    pub fn line_metrics(&self, face: Face, size: f32) -> (f32, f32) {
        let face = if matches!(face, Face::Arabic | Face::Cjk) {
            Face::Regular
        } else {
            face
        };
        (self.ascent(face, size), self.descent(face, size))
    }

    /// Whether the face maps `c` to a glyph.
    pub fn has_char(&self, face: Face, c: char) -> bool {
        self.face(face).charmap.map(c).is_some()
    }

    /// Font units per em of the face.
    pub(crate) fn units_per_em(&self, face: Face) -> f32 {
        self.face(face).units_per_em
    }

    /// The hyphen added at a break in `face` at `size`: glyph id and advance in points.
    pub(crate) fn hyphen(&self, face: Face, size: f32) -> (u16, f32) {
        let f = self.face(face);
        (f.hyphen.0, f.hyphen.1 / f.units_per_em * size)
    }

    /// The harfrust font of a face.
    pub(crate) fn shaping_font(&self, face: Face) -> &harfrust::Font {
        &self.face(face).shaping
    }

    /// A shaping plan for the face, script and direction, compiled once.
    pub(crate) fn plan(
        &self,
        face: Face,
        script: Option<harfrust::Script>,
        direction: Direction,
    ) -> Arc<ShapePlan> {
        let key = (
            face,
            script.map(|s| s.tag().to_be_bytes()),
            direction == Direction::RightToLeft,
        );
        let mut plans = self.plans.lock().unwrap_or_else(|e| e.into_inner());
        plans
            .entry(key)
            .or_insert_with(|| {
                Arc::new(ShapePlan::new(
                    self.shaping_font(face),
                    direction,
                    script,
                    None,
                    &[],
                ))
            })
            .clone()
    }

    /// The face to set `c` in when `wanted` lacks it: the serif faces, then mono, then
    /// Arabic, then CJK (so a Chinese character in bold or italic text is set in the
    /// one CJK face, upright and regular: CJK type has no italic, and a slanted
    /// ideograph is no emphasis readers know). `None` when no bundled face has it.
    pub(crate) fn fallback(&self, wanted: Face, c: char) -> Option<Face> {
        if self.has_char(wanted, c) {
            return Some(wanted);
        }
        FACES
            .into_iter()
            .find(|&f| f != wanted && self.has_char(f, c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faces_parse_and_have_sane_metrics() {
        let fonts = FontSet::bundled();
        for face in FACES {
            assert!(!fonts.data(face).is_empty());
            let (a, d) = (fonts.ascent(face, 10.0), fonts.descent(face, 10.0));
            assert!(a > 5.0 && a < 20.0, "{face:?} ascent {a}");
            assert!(d > 1.0 && d < 10.0, "{face:?} descent {d}");
        }
    }

    #[test]
    fn one_font_set_serves_many_threads() {
        fn shareable<T: Send + Sync>() {}
        shareable::<FontSet>();
    }

    #[test]
    fn coverage_and_fallback() {
        let fonts = FontSet::bundled();
        assert!(fonts.has_char(Face::Regular, 'ł'));
        assert!(fonts.has_char(Face::Regular, 'Ж'));
        assert!(!fonts.has_char(Face::Regular, 'ب'));
        assert_eq!(fonts.fallback(Face::Italic, 'ب'), Some(Face::Arabic));
        assert_eq!(fonts.fallback(Face::Regular, '\u{1F600}'), None);
    }

    #[test]
    fn cjk_text_in_any_style_falls_back_to_the_cjk_face() {
        let fonts = FontSet::bundled();
        // A hanzi (GB 2312), a kanji (JIS X 0208), a traditional hanzi (Big5), kana,
        // Hangul, CJK punctuation and a fullwidth bracket.
        for c in ['汉', '峠', '頁', 'の', 'カ', '한', '。', '」', '（'] {
            for face in [Face::Regular, Face::Italic, Face::Bold, Face::BoldItalic] {
                assert_eq!(fonts.fallback(face, c), Some(Face::Cjk), "{c} in {face:?}");
            }
        }
        // Latin letters, digits and spaces stay in the face asked for.
        assert_eq!(fonts.fallback(Face::Bold, 'a'), Some(Face::Bold));
        assert!(!fonts.has_char(Face::Cjk, ' ') && !fonts.has_char(Face::Cjk, '1'));
        // Outside the subset: a character of CJK Extension B, and an emoji.
        assert_eq!(fonts.fallback(Face::Regular, '\u{20BB7}'), None);
        assert_eq!(fonts.fallback(Face::Regular, '\u{1F600}'), None);
    }
}
