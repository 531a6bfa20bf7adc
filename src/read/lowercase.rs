//! Case-blind tests of a line against word lists, lowercasing no more of the line
//! than the test needs. The scraped-text reader asks several of them of every line
//! (a date label? a caption? boilerplate? a works-cited heading?), and lowercasing
//! each whole paragraph for them was a third of reading a 20 MB page.
//!
//! Both rest on one fact: each character lowercases to one character or more, on its
//! own, except a Greek capital sigma, which the lowercase of a whole text writes σ or
//! ς by what follows it. No word of the lists holds a sigma, so where the two ways of
//! lowercasing differ neither matches a word.

/// Whether `text` lowercased is one of `words`. A text with more characters than the
/// longest word has bytes is not lowercased: its lowercase has at least as many.
pub(super) fn is_one_of(text: &str, words: &[&str]) -> bool {
    text.chars().nth(longest(words)).is_none() && words.contains(&text.to_lowercase().as_str())
}

/// Whether `text` lowercased starts with `prefix`, lowercasing a character at a time
/// up to the first that differs.
pub(super) fn starts_with(text: &str, prefix: &str) -> bool {
    let mut lower = text.chars().flat_map(char::to_lowercase);
    prefix.chars().all(|c| lower.next() == Some(c))
}

/// Whether `text` lowercased starts with one of `prefixes`: only those that start with
/// its first letter are compared further (most lines differ there).
pub(super) fn starts_with_any(text: &str, prefixes: &[&str]) -> bool {
    let Some(first) = text.chars().flat_map(char::to_lowercase).next() else {
        return prefixes.iter().any(|p| p.is_empty());
    };
    // Compared by the first byte of its UTF-8: a prefix that starts with `first`
    // starts with that byte, and most lists are read for every line of a file.
    let mut buf = [0u8; 4];
    let lead = first.encode_utf8(&mut buf).as_bytes()[0];
    prefixes
        .iter()
        .any(|p| p.as_bytes().first().is_none_or(|&b| b == lead) && starts_with(text, p))
}

/// The most bytes of any of `words`: no fewer than its characters, and found without
/// decoding them (the lists are read for every line).
fn longest(words: &[&str]) -> usize {
    words.iter().map(|w| w.len()).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tests answer as lowercasing the whole text does, on texts whose lowercase
    /// is longer, shorter or no different in bytes, and with a sigma.
    #[test]
    fn as_the_whole_lowercase_answers() {
        let words = ["contents", "see also", "from ", "©", "read more »"];
        for text in [
            "Contents",
            "CONTENTS",
            "Contents of the page",
            "See Also",
            "İstanbul contents",
            "\u{212A}ontents",
            "From Wikipedia, the free encyclopedia",
            "© 2024 Someone",
            "Read More »",
            "ΣΑΣ contents",
            "",
            "x",
        ] {
            let lower = text.to_lowercase();
            assert_eq!(
                is_one_of(text, &words),
                words.contains(&lower.as_str()),
                "{text}"
            );
            assert_eq!(
                starts_with_any(text, &words),
                words.iter().any(|w| lower.starts_with(w)),
                "{text}"
            );
            for word in words {
                assert_eq!(starts_with(text, word), lower.starts_with(word), "{text}");
            }
        }
    }
}
