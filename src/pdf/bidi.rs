//! Right-to-left runs: embedding levels for the paragraph (unicode-bidi, rule P2/P3
//! picks the base direction) and the visual reordering of a line's runs (rule L2).

use unicode_bidi::BidiInfo;

/// Whether `c` is a strong right-to-left character (Hebrew, Arabic, Syriac, Thaana,
/// NKo and their presentation forms), the only reason to run the bidi algorithm.
fn is_rtl(c: char) -> bool {
    matches!(c, '\u{590}'..='\u{8FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
        || matches!(c, '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
}

/// The embedding level of every byte of `text` and whether the paragraph runs right
/// to left, or `None` when the text is all left-to-right (the common case, which
/// skips the algorithm).
pub(crate) fn levels(text: &str) -> Option<(Vec<u8>, bool)> {
    if !text.chars().any(is_rtl) {
        return None;
    }
    let info = BidiInfo::new(text, None);
    let rtl = info.paragraphs.first().is_some_and(|p| p.level.is_rtl());
    Some((info.levels.iter().map(|l| l.number()).collect(), rtl))
}

/// Visual order of runs given their levels in logical order: from the highest level
/// down to the lowest odd one, reverse every maximal sequence at or above it.
pub(crate) fn visual_order(levels: &[u8]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..levels.len()).collect();
    let Some(&max) = levels.iter().max() else {
        return order;
    };
    let min_odd = levels
        .iter()
        .copied()
        .filter(|l| l % 2 == 1)
        .min()
        .unwrap_or(max + 1);
    let mut level = max;
    while level >= min_odd && level > 0 {
        let mut i = 0;
        while i < order.len() {
            if levels[order[i]] >= level {
                let start = i;
                while i < order.len() && levels[order[i]] >= level {
                    i += 1;
                }
                order[start..i].reverse();
            } else {
                i += 1;
            }
        }
        level -= 1;
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_needs_no_levels() {
        assert_eq!(levels("plain text, 1979"), None);
    }

    #[test]
    fn arabic_inside_latin_is_level_one() {
        let (l, rtl) = levels("a سلام b").unwrap_or_default();
        assert!(!rtl);
        assert_eq!(levels("سلام b").map(|l| l.1), Some(true));
        assert_eq!(l[0], 0);
        assert_eq!(l[2], 1);
        assert_eq!(l[l.len() - 1], 0);
    }

    #[test]
    fn reorders_rtl_sequences() {
        assert_eq!(visual_order(&[0, 1, 1, 0]), vec![0, 2, 1, 3]);
        assert_eq!(visual_order(&[1, 2, 1]), vec![2, 1, 0]);
        assert_eq!(visual_order(&[0, 0]), vec![0, 1]);
    }
}
