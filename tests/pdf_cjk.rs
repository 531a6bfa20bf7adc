//! Chinese, Japanese and Korean paragraphs set at the editions' measures: they break
//! between characters where UAX #14 allows (never before closing punctuation, never
//! after opening), justify by opening the gaps between characters a little, stay
//! within the measure and on the Latin text's baseline grid, and keep Korean words
//! whole. The text is written for these tests.

use folio::pdf::types::{Align, Face, Line, ParaSpec, Piece, TextStyle};
use folio::pdf::{FontSet, Paragraph, set_paragraph};

const A5_MEASURE: f32 = 298.0;

/// About a hundred and twenty characters of Chinese prose with its punctuation.
const CHINESE: &str = "这座城市的档案馆建于上世纪初，馆藏以地方志、契约和书信为主。\
    研究者常说：“档案不会说话，但它们记得一切。”馆员们把破损的纸页一张张修补，\
    再按年代编号（有时也按家族），以便后来的人查阅。「整理」并不是简单的工作，\
    它需要耐心、知识和对细节的敏感。";

const JAPANESE: &str = "町の図書館では、古い新聞をデジタル化する作業が続いている。\
    職員は一枚ずつ紙面を撮影し、記事の見出しと日付を記録していく。\
    「読めない文字も多いんですよ」と担当者は笑った。作業はまだ半分も終わっていない。";

const KOREAN: &str = "도서관의 오래된 신문을 디지털로 옮기는 작업이 계속되고 있다. \
    직원들은 지면을 한 장씩 촬영하고 기사의 제목과 날짜를 기록한다. \
    작업은 아직 절반도 끝나지 않았지만 연구자들은 벌써 새로운 자료를 찾고 있다.";

fn piece(text: &str, face: Face) -> Piece {
    Piece {
        text: text.into(),
        style: TextStyle {
            face,
            size: 10.0,
            baseline_shift: 0.0,
        },
        tag: None,
    }
}

fn spec(lang: &str, width: f32) -> ParaSpec {
    ParaSpec {
        width,
        first_indent: 20.0,
        left_indent: 0.0,
        align: Align::Justify,
        lang: lang.into(),
        hyphenate: true,
        leading: 13.0,
        looseness: 0,
    }
}

fn line_text(line: &Line) -> String {
    line.runs.iter().map(|r| r.text.as_str()).collect()
}

/// Every line within the measure, no character lost or added, none missing.
fn assert_sound(p: &Paragraph, text: &str, width: f32) {
    assert!(p.missing.is_empty(), "{:?}", p.missing);
    let joined: String = p.lines.iter().map(line_text).collect();
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    assert_eq!(squeeze(&joined), squeeze(text));
    for line in &p.lines {
        assert!(
            line.width <= width + 0.01 && line.overfull == 0.0,
            "{} wide: {}",
            line.width,
            line_text(line)
        );
    }
}

/// The widest extra space a justified line puts after a CJK glyph, in em: its advance
/// past the full em every ideograph, kana and CJK punctuation mark is drawn on.
fn widest_gap(line: &Line) -> f32 {
    line.runs
        .iter()
        .filter(|r| r.face == Face::Cjk)
        .flat_map(|r| r.glyphs.iter().map(move |g| (g.advance - r.size) / r.size))
        .fold(0.0, f32::max)
}

#[test]
fn a_long_chinese_paragraph_breaks_between_characters_within_the_measure() {
    let fonts = FontSet::bundled();
    // Three hundred and sixty characters, in a paragraph with no space in it.
    let text = [CHINESE, CHINESE, CHINESE].concat();
    assert!(text.chars().count() > 300 && !text.contains(' '));
    for width in [A5_MEASURE, 200.0, 120.0] {
        let p = set_paragraph(&fonts, &[piece(&text, Face::Regular)], &spec("zh", width));
        assert_sound(&p, &text, width);
        assert!(p.lines.len() > 10, "{width}: {} lines", p.lines.len());
        // Some lines end short of the measure (before a full stop, say) and open up.
        assert!(p.lines.iter().any(|l| widest_gap(l) > 0.005), "{width}");
        for (i, line) in p.lines.iter().enumerate() {
            let t = line_text(line);
            let first = t.chars().next().unwrap();
            let last = t.chars().next_back().unwrap();
            // UAX #14: no line starts with closing punctuation, none ends opening.
            assert!(
                !"。，、：；」）”！？".contains(first),
                "{width}: line starts {t}"
            );
            assert!(!"「（“".contains(last), "{width}: line ends {t}");
            if i + 1 < p.lines.len() {
                // Justified: flush with the measure, its gaps opened a little only.
                let indent = if i == 0 { 20.0 } else { 0.0 };
                assert!((line.width - width).abs() < 0.01 || indent > 0.0, "{t}");
                let gap = widest_gap(line);
                assert!(gap < 0.15, "{width}: gaps of {gap} em in {t}");
            }
            // Every ideograph and CJK mark is in the CJK face.
            for run in &line.runs {
                if run.text.chars().any(folio::lang::is_solid) {
                    assert_eq!(run.face, Face::Cjk, "{}", run.text);
                }
            }
        }
    }
}

#[test]
fn japanese_keeps_small_kana_and_the_long_vowel_mark_off_a_line_start() {
    let fonts = FontSet::bundled();
    let text = [JAPANESE, JAPANESE, JAPANESE].concat();
    for width in [A5_MEASURE, 150.0] {
        let p = set_paragraph(&fonts, &[piece(&text, Face::Regular)], &spec("ja", width));
        assert_sound(&p, &text, width);
        for line in &p.lines {
            let t = line_text(line);
            let first = t.chars().next().unwrap();
            assert!(
                !"ゃゅょっーぁぃぅぇぉ。、」".contains(first),
                "line starts {t}"
            );
        }
    }
}

#[test]
fn korean_breaks_at_spaces_and_keeps_its_words_whole() {
    let fonts = FontSet::bundled();
    let words: Vec<&str> = KOREAN.split_whitespace().collect();
    for width in [A5_MEASURE, 150.0] {
        let p = set_paragraph(&fonts, &[piece(KOREAN, Face::Regular)], &spec("ko", width));
        assert_sound(&p, KOREAN, width);
        assert!(p.lines.len() > 2);
        for line in &p.lines {
            for w in line_text(line).split_whitespace() {
                assert!(words.contains(&w), "{w:?} is a broken word");
            }
        }
    }
}

#[test]
fn cjk_in_bold_or_italic_falls_back_to_the_one_cjk_face_on_the_latin_grid() {
    let fonts = FontSet::bundled();
    let latin = set_paragraph(
        &fonts,
        &[piece("The archive", Face::Regular)],
        &spec("en", A5_MEASURE),
    );
    for face in [Face::Regular, Face::Italic, Face::Bold, Face::BoldItalic] {
        let p = set_paragraph(
            &fonts,
            &[
                piece("The archive ", face),
                piece("档案馆", face),
                piece(" (dang'anguan) 「記録」 기록", face),
            ],
            &spec("en", A5_MEASURE),
        );
        assert!(p.missing.is_empty());
        let line = &p.lines[0];
        for run in &line.runs {
            let cjk = run
                .text
                .chars()
                .any(|c| folio::lang::is_solid(c) || folio::lang::is_hangul(c));
            assert_eq!(run.face == Face::Cjk, cjk, "{face:?}: {:?}", run.text);
            if !cjk {
                assert_eq!(run.face, face, "{:?}", run.text);
            }
        }
        // The CJK face's taller ascent does not push the baseline down.
        let l = &latin.lines[0];
        assert_eq!((line.ascent, line.descent), (l.ascent, l.descent));
    }
}

#[test]
fn a_hanzi_outside_the_bundled_set_is_reported_missing() {
    let fonts = FontSet::bundled();
    // 𠮷 (U+20BB7, CJK Extension B, a variant of 吉 common in Japanese names) is in
    // none of the character sets the CJK subset covers; an emoji is in no font.
    let p = set_paragraph(
        &fonts,
        &[piece(
            "吉野家と\u{20BB7}野家は違う\u{1F35C}。",
            Face::Regular,
        )],
        &spec("ja", A5_MEASURE),
    );
    assert_eq!(p.missing, vec!['\u{20BB7}', '\u{1F35C}']);
}
