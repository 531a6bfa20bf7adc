//! Searching short texts for many needles at once, and lowercasing in place.
//!
//! Resolution asks of every note whether it holds any of a few dozen cues. A search
//! per needle builds a searcher each time, which costs more than the search on texts
//! this short (a third of choosing which notes cite, on 5,000 footnotes); one pass
//! over the text instead compares only the needles that start with the byte at hand.

/// For each byte, the needles that start with it, one bit each in list order; with
/// `any_case`, a needle's lowercase first letter marks its uppercase too.
fn first_bytes(needles: &[&str], any_case: bool) -> [u64; 256] {
    assert!(needles.len() <= 64, "at most 64 needles");
    let mut starting = [0u64; 256];
    for (k, needle) in needles.iter().enumerate() {
        let first = needle.as_bytes()[0];
        starting[usize::from(first)] |= 1 << k;
        if any_case {
            starting[usize::from(first.to_ascii_uppercase())] |= 1 << k;
        }
    }
    starting
}

/// Whether `text` holds any of `needles` (lowercase ASCII, at most 64, none empty),
/// ignoring ASCII case: a cheap test before the work of finding them properly.
pub(super) fn may_hold(text: &str, needles: &[&str]) -> bool {
    let starting = first_bytes(needles, true);
    let bytes = text.as_bytes();
    (0..bytes.len()).any(|at| {
        let mut bits = starting[usize::from(bytes[at])];
        while bits != 0 {
            let needle = needles[bits.trailing_zeros() as usize].as_bytes();
            bits &= bits - 1;
            let rest = &bytes[at..];
            if rest.len() >= needle.len() && rest[..needle.len()].eq_ignore_ascii_case(needle) {
                return true;
            }
        }
        false
    })
}

/// The first place in `text` where one of `needles` (at most 64, none empty) starts
/// and `accept(place)` holds, with the first of `needles` that starts there: the
/// earliest of each needle's first accepted match, for needles that cannot overlap
/// themselves (all of ours).
pub(super) fn find_first<'n>(
    text: &str,
    needles: &[&'n str],
    accept: impl Fn(usize) -> bool,
) -> Option<(usize, &'n str)> {
    let starting = first_bytes(needles, false);
    let bytes = text.as_bytes();
    (0..bytes.len()).find_map(|at| {
        let mut bits = starting[usize::from(bytes[at])];
        while bits != 0 {
            let needle = needles[bits.trailing_zeros() as usize];
            bits &= bits - 1;
            // Byte by byte: a call to compare a few bytes costs more than comparing.
            let rest = &bytes[at..];
            let n = needle.as_bytes();
            if rest.len() >= n.len() && n.iter().zip(rest).all(|(a, b)| a == b) {
                return accept(at).then_some((at, needle));
            }
        }
        None
    })
}

/// Whether `text` holds any of `needles` (none empty); see [`find_first`].
pub(super) fn holds_any(text: &str, needles: &[&str]) -> bool {
    find_first(text, needles, |_| true).is_some()
}

/// `text` in lowercase with every byte where it was, so that what is found in it can
/// be cut from `text`: the full lowercase when no letter changes length (Cyrillic,
/// accents), else ASCII only ("İ" lowercases to two characters).
pub(super) fn lower_in_place(text: &str) -> String {
    let lower = text.to_lowercase();
    if lower.len() == text.len()
        && lower
            .char_indices()
            .zip(text.char_indices())
            .all(|((a, _), (b, _))| a == b)
    {
        lower
    } else {
        text.to_ascii_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_earliest_accepted_needle_is_found() {
        let needles = ["cit", "op", "ibid"];
        assert_eq!(
            find_first("see op. cit.", &needles, |_| true),
            Some((4, "op"))
        );
        assert_eq!(
            find_first("see op. cit.", &needles, |at| at > 4),
            Some((8, "cit"))
        );
        assert_eq!(find_first("Op. Cit.", &needles, |_| true), None);
        assert!(holds_any("x ibid", &needles));
    }

    #[test]
    fn may_hold_ignores_ascii_case() {
        assert!(may_hold("Op. Cit., 4", &["cit"]));
        assert!(may_hold("HTTP://x", &["http", "www."]));
        assert!(!may_hold("Varga, 23", &["cit", "www."]));
    }

    #[test]
    fn lowercase_keeps_every_byte_in_place() {
        assert_eq!(lower_in_place("См. ЛОТМАН"), "см. лотман");
        // "İ" lowercases to two characters: ASCII only then.
        assert_eq!(lower_in_place("İbid SEE"), "İbid see");
    }
}
