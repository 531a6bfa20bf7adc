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

/// Whether a language tag names French (`fr`, `fr-CA`), whose typography folio
/// follows in both editions.
pub fn is_french(lang: &str) -> bool {
    lang.split(['-', '_'])
        .next()
        .is_some_and(|p| p.trim().eq_ignore_ascii_case("fr"))
}

/// Words the reader sees around notes and in the navigation, in the document's
/// language: one set for both editions.
pub struct Labels {
    /// The endnotes' heading.
    pub notes: &'static str,
    /// The bibliography's heading.
    pub bibliography: &'static str,
    /// A back-link's accessible name.
    pub back_to: &'static str,
    /// A note's link to the bibliography.
    pub see_bibliography: &'static str,
    /// What a bibliography entry's links to its notes say.
    pub cited_in: &'static str,
    /// Before an author's name.
    pub by: &'static str,
    /// The contents' heading.
    pub contents: &'static str,
    /// The landmarks' heading.
    pub landmarks: &'static str,
    /// The cover's name.
    pub cover: &'static str,
    /// The title page's name.
    pub title_page: &'static str,
    /// Where reading starts.
    pub start: &'static str,
}

impl Labels {
    /// French or English (the default).
    pub fn for_lang(lang: &str) -> &'static Labels {
        if is_french(lang) {
            &Labels {
                notes: "Notes",
                bibliography: "Bibliographie",
                back_to: "Retour à l’appel de note",
                see_bibliography: "bibliographie",
                cited_in: "notes",
                by: "par",
                contents: "Table des matières",
                landmarks: "Repères",
                cover: "Couverture",
                title_page: "Page de titre",
                start: "Début",
            }
        } else {
            &Labels {
                notes: "Notes",
                bibliography: "Bibliography",
                back_to: "Back to reference",
                see_bibliography: "bibliography",
                cited_in: "notes",
                by: "by",
                contents: "Contents",
                landmarks: "Landmarks",
                cover: "Cover",
                title_page: "Title page",
                start: "Start",
            }
        }
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
