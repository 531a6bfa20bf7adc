//! The one rule for language tags, so the EPUB, the PDF and the diagnostics agree: a
//! well-formed BCP 47 tag (`fr`, `en-GB`, `zh-Hant-TW`) is used as written; anything
//! else is reported and replaced by [`FALLBACK`] in both editions.

/// The tag used when none is valid: the model's default.
pub const FALLBACK: &str = "en";

/// Whether `raw` (trimmed) is a well-formed BCP 47 tag: a 2–8 letter primary subtag,
/// then subtags of 1–8 letters or digits, separated by `-`.
pub fn is_language_tag(raw: &str) -> bool {
    let mut parts = raw.trim().split('-');
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    primary_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// `raw` trimmed when it is a valid tag, else [`FALLBACK`].
pub fn language_tag(raw: &str) -> String {
    if is_language_tag(raw) {
        raw.trim().to_string()
    } else {
        FALLBACK.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        for good in ["fr", "en-GB", "zh-Hant-TW", " de "] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in ["", "french please", "e", "en_GB", "en--GB", "123"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
        assert_eq!(language_tag("french please"), "en");
    }
}
