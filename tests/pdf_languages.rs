//! Paragraphs in languages with long words, set at the editions' measures: a word is
//! never left alone on a justified line, and where hyphenation patterns exist
//! (Spanish, Turkish) no space opens beyond 0.55 em either.

use folio::pdf::types::{Align, Face, Line, ParaSpec, Piece, TextStyle};
use folio::pdf::{FontSet, set_paragraph};

const SPANISH: &str = "La organización clandestina estableció contactos internacionales \
    durante la década siguiente. Sus dirigentes, refugiados en distintas capitales europeas, \
    publicaron numerosos comunicados contradictorios sobre responsabilidades institucionales. \
    Posteriormente, investigadores independientes documentaron irregularidades \
    administrativas extraordinariamente complejas en los archivos gubernamentales.";

const TURKISH: &str = "Örgütün yöneticileri uluslararası kuruluşlarla görüşmelerini \
    sürdürdüklerini açıkladılar. Bağımsız araştırmacılar, hükümetin arşivlerindeki belgelerin \
    güvenilirliğini sorguladıklarını belirttiler. Sonraki yıllarda yayımlanan raporlar, \
    örgütün faaliyetlerinin değerlendirilmesinde önemli tutarsızlıklar bulunduğunu gösterdi.";

fn set(text: &str, lang: &str, width: f32, size: f32, indent: f32) -> Vec<Line> {
    let piece = Piece {
        text: text.into(),
        style: TextStyle {
            face: Face::Regular,
            size,
            baseline_shift: 0.0,
        },
        tag: None,
    };
    let spec = ParaSpec {
        width,
        first_indent: indent,
        left_indent: 0.0,
        align: Align::Justify,
        lang: lang.into(),
        hyphenate: true,
        leading: size * 1.2,
        looseness: 0,
    };
    set_paragraph(&FontSet::bundled(), &[piece], &spec).lines
}

fn text(line: &Line) -> String {
    line.runs.iter().map(|r| r.text.as_str()).collect()
}

/// The widest interword space of a line in em, `None` when it has no space.
fn widest_space(line: &Line) -> Option<f32> {
    line.runs
        .iter()
        .flat_map(|r| r.glyphs.iter().map(move |g| (r, g)))
        .filter(|(r, g)| r.text.get(g.range.clone()) == Some(" "))
        .map(|(r, g)| g.advance / r.size)
        .reduce(f32::max)
}

/// The widest space of each line but the last, failing on a line with none (a word
/// alone).
fn widest_spaces(lines: &[Line], place: &str) -> Vec<f32> {
    let body = lines.get(..lines.len().saturating_sub(1)).unwrap_or(&[]);
    body.iter()
        .map(|line| {
            widest_space(line).unwrap_or_else(|| panic!("{place}: a word alone: {}", text(line)))
        })
        .collect()
}

#[test]
fn spanish_and_turkish_set_without_loose_lines_or_words_alone() {
    // A5 (10 pt on 319.5 pt) and A4 (11.5 pt on 345.3 pt), first line indented 1.5 em.
    for (lang, para) in [("es", SPANISH), ("tr", TURKISH)] {
        for (width, size) in [(319.53, 10.0), (345.28, 11.5)] {
            let lines = set(para, lang, width, size, 1.5 * size);
            let place = format!("{lang} at {width}");
            for (line, widest) in lines.iter().zip(widest_spaces(&lines, &place)) {
                assert!(
                    widest <= 0.551,
                    "{place}: spaces {widest:.2} em: {}",
                    text(line)
                );
            }
        }
    }
}

#[test]
fn no_word_is_left_alone_on_a_justified_line_at_any_measure() {
    // Basque has no patterns here: its paragraph may get loose lines, never a line of
    // one word (which used to be how a paragraph of long words kept its spaces within
    // 0.55 em: "La" alone on a 300 pt line, then six more such lines).
    let mut loose = 0;
    for (lang, para) in [("es", SPANISH), ("tr", TURKISH), ("eu", SPANISH)] {
        for width in (200..=360).step_by(5) {
            let lines = set(para, lang, width as f32, 10.0, 0.0);
            let spaces = widest_spaces(&lines, &format!("{lang} at {width}"));
            loose += spaces.iter().filter(|&&w| w > 0.551).count();
        }
    }
    eprintln!("lines over 0.55 em at 33 measures in three languages: {loose}");
}
