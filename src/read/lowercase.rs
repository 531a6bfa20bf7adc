//! Case-blind tests of a line against word lists, lowercasing no more of the line
//! than the test needs. The scraped-text reader asks several of them of every line
//! (a date label? a caption? boilerplate? a works-cited heading?), and lowercasing
//! each whole paragraph for them was a third of reading a 20 MB page.
//!
//! Both rest on one fact: each character lowercases to one character or more, on its
//! own, except a Greek capital sigma, which the lowercase of a whole text writes σ or
//! ς by what follows it. No word of the lists holds a sigma, so where the two ways of
//! lowercasing differ neither matches a word.

/// A word list with what its words start with and how long they are, worked out at
/// compile time: most lines of a file are turned down by a bit test or a length
/// before any word is compared (the lists are read for every line).
pub(super) struct Words {
    words: &'static [&'static str],
    /// Bit `b` is set when a word starts with byte `b`, or (bit 0) when one is empty.
    leads: [u64; 4],
    /// The most bytes of any word: no fewer than its characters.
    longest: usize,
}

impl Words {
    /// The list of `words`, all lowercase.
    pub(super) const fn new(words: &'static [&'static str]) -> Self {
        let mut leads = [0u64; 4];
        let mut longest = 0;
        let mut i = 0;
        while i < words.len() {
            let bytes = words[i].as_bytes();
            let b = match bytes {
                [] => 0,
                [b, ..] => *b,
            };
            leads[(b >> 6) as usize] |= 1 << (b & 63);
            if bytes.len() > longest {
                longest = bytes.len();
            }
            i += 1;
        }
        Self {
            words,
            leads,
            longest,
        }
    }

    /// Whether a word may start with `lead`.
    fn may_lead(&self, lead: u8) -> bool {
        self.leads[usize::from(lead >> 6)] & (1 << (lead & 63)) != 0
    }
}

impl std::ops::Deref for Words {
    type Target = [&'static str];

    fn deref(&self) -> &Self::Target {
        self.words
    }
}

/// Whether `text` lowercased is one of `words`. A text with more characters than the
/// longest word has bytes is not one: its lowercase has at least as many.
pub(super) fn is_one_of(text: &str, words: &Words) -> bool {
    // Every character is at most four bytes, so a text of more than four times the
    // longest word's bytes has too many characters; one of no more bytes has not.
    let short = text.len() <= words.longest
        || text.len() <= 4 * words.longest && text.chars().nth(words.longest).is_none();
    let Some(lead) = lead_byte(text) else {
        return words.contains(&"");
    };
    short
        && words.may_lead(lead)
        && words.iter().any(|w| {
            w.as_bytes().first() == Some(&lead) && {
                if text.is_ascii() {
                    text.eq_ignore_ascii_case(w)
                } else {
                    let mut lower = text.chars().flat_map(char::to_lowercase);
                    w.chars().all(|c| lower.next() == Some(c)) && lower.next().is_none()
                }
            }
        })
}

/// Whether `text` lowercased starts with `prefix`, lowercasing a character at a time
/// up to the first that differs.
pub(super) fn starts_with(text: &str, prefix: &str) -> bool {
    // ASCII lowercases to ASCII byte for byte, so where the text's first bytes are
    // ASCII they are compared as they are.
    match text.as_bytes().get(..prefix.len()) {
        Some(head) if head.is_ascii() => return head.eq_ignore_ascii_case(prefix.as_bytes()),
        None if text.is_ascii() => return false,
        _ => {}
    }
    let mut lower = text.chars().flat_map(char::to_lowercase);
    prefix.chars().all(|c| lower.next() == Some(c))
}

/// Whether `text` lowercased starts with one of `prefixes`: only those that start with
/// its first letter are compared further (most lines differ there).
pub(super) fn starts_with_any(text: &str, prefixes: &Words) -> bool {
    let Some(lead) = lead_byte(text) else {
        return prefixes.iter().any(|p| p.is_empty());
    };
    (prefixes.may_lead(lead) || prefixes.may_lead(0))
        && prefixes
            .iter()
            .any(|p| p.as_bytes().first().is_none_or(|&b| b == lead) && starts_with(text, p))
}

/// The first byte of the UTF-8 of `text`'s lowercased first character: a word that
/// the lowercase starts with starts with that byte, and most lines of a file differ
/// from most words of a list there.
fn lead_byte(text: &str) -> Option<u8> {
    match text.as_bytes().first()? {
        b if b.is_ascii() => Some(b.to_ascii_lowercase()),
        _ => {
            let first = text.chars().flat_map(char::to_lowercase).next()?;
            let mut buf = [0u8; 4];
            Some(first.encode_utf8(&mut buf).as_bytes()[0])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tests answer as lowercasing the whole text does, on texts whose lowercase
    /// is longer, shorter or no different in bytes, and with a sigma.
    #[test]
    fn as_the_whole_lowercase_answers() {
        const WORDS: Words = Words::new(&[
            "contents",
            "see also",
            "from ",
            "©",
            "read more »",
            "k",
            "çontents",
            "ⓒ 2024",
        ]);
        let words = &WORDS;
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
            "Conten",
            "Read More",
            "READ MORE »»",
            "\u{212A}",
            "ÇONTENTS",
            "see also\u{212A}",
            "SEE ALSO",
            "Ⓒ 2024",
        ] {
            let lower = text.to_lowercase();
            assert_eq!(
                is_one_of(text, words),
                words.contains(&lower.as_str()),
                "{text}"
            );
            assert_eq!(
                starts_with_any(text, words),
                words.iter().any(|w| lower.starts_with(w)),
                "{text}"
            );
            for word in words.iter() {
                assert_eq!(starts_with(text, word), lower.starts_with(word), "{text}");
            }
        }
    }
}
