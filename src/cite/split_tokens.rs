//! Stage 1: the tokens of a reference, runs of text between spaces, as byte ranges.
//! AnyStyle labels whole whitespace-separated words, so the model is trained and run
//! on the same units. One exception: Vancouver and its kin run date, volume and pages
//! together ("2019;40(2):136–42"), which AnyStyle's data labels as separate parts, so
//! such a word is cut after each `;` or `:` that a digit follows.

use std::ops::Range;

/// The byte ranges of the whitespace-separated words of `text`, in order.
pub fn split_tokens(text: &str) -> Vec<Range<usize>> {
    let mut tokens = Vec::with_capacity(text.len() / 6 + 1);
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                split_numbers(text, s..i, &mut tokens);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        split_numbers(text, s..text.len(), &mut tokens);
    }
    tokens
}

/// Pushes `t` to `parts`, cut after each `;` or `:` between a digit, `)` or letter
/// and a digit; words of links are left whole.
fn split_numbers(text: &str, t: Range<usize>, parts: &mut Vec<Range<usize>>) {
    let word = &text[t.clone()];
    let link = word.contains("://") || word.starts_with("www.") || word.starts_with("doi:");
    let bytes = word.as_bytes();
    let mut start = 0;
    for i in 1..bytes.len().saturating_sub(1) {
        let (before, at, after) = (bytes[i - 1], bytes[i], bytes[i + 1]);
        let cut = matches!(at, b';' | b':')
            && after.is_ascii_digit()
            && (before.is_ascii_alphanumeric() || before == b')')
            && (at == b';' || before.is_ascii_digit() || before == b')');
        if cut && !link {
            parts.push(t.start + start..t.start + i + 1);
            start = i + 1;
        }
    }
    parts.push(t.start + start..t.end);
}

#[cfg(test)]
mod tests {
    use super::split_tokens;

    #[test]
    fn words_between_any_spaces() {
        let text = " Doe,\u{a0}J.  (2001)\tTitel ";
        let words: Vec<&str> = split_tokens(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(words, ["Doe,", "J.", "(2001)", "Titel"]);
        assert!(split_tokens("   ").is_empty());
    }

    #[test]
    fn vancouver_numbers_apart() {
        let text = "TUGboat. 2001 Mar;22(1/2):67–74. https://x.org:8080/a;1";
        let words: Vec<&str> = split_tokens(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            words,
            [
                "TUGboat.",
                "2001",
                "Mar;",
                "22(1/2):",
                "67–74.",
                "https://x.org:8080/a;1"
            ]
        );
    }
}
