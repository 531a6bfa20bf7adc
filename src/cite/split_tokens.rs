//! Stage 1: the tokens of a reference, runs of text between spaces, as byte ranges.
//! AnyStyle labels whole whitespace-separated words, so the model is trained and run
//! on the same units.

use std::ops::Range;

/// The byte ranges of the whitespace-separated words of `text`, in order.
pub fn split_tokens(text: &str) -> Vec<Range<usize>> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                tokens.push(s..i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        tokens.push(s..text.len());
    }
    tokens
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
}
