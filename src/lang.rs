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

/// A tag's primary subtag in lower case (`fr` for `fr-CA`, `FR_ca` or ` fr `): what
/// every language decision (labels, typography, hyphenation, direction) looks at.
/// `_` is taken as a separator too, as locale names write it.
pub fn primary(lang: &str) -> String {
    lang.trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Whether a language tag names French (`fr`, `fr-CA`), whose typography folio
/// follows in both editions.
pub fn is_french(lang: &str) -> bool {
    primary(lang) == "fr"
}

/// Whether a line may not start with `c`: an em or en dash, which TeX and Chicago
/// never put at a line's start, though UAX #14 lets a line break before an em dash.
/// Both editions follow it: the PDF's line breaker drops such breaks, the EPUB joins
/// the dash to what precedes it with a word joiner.
pub fn opens_no_line(c: char) -> bool {
    matches!(c, '—' | '–')
}

/// Whether `c` is Hangul (syllables, jamo, compatibility jamo). Korean puts spaces
/// between words and breaks lines at them: UAX #14 would also break between any two
/// syllables, which cuts a word in two; the PDF keeps Korean words whole, as CSS's
/// `word-break: keep-all` does (and Korean publishers mostly set).
pub fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xAC00..=0xD7AF | 0xD7B0..=0xD7FF)
}

/// Whether `c` is a Han character: the unified ideographs, extension A, the
/// compatibility ideographs and the supplementary planes' extensions.
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// Whether `c` is hiragana or katakana (with their marks and the katakana extension).
pub fn is_kana(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x31F0..=0x31FF)
}

/// Whether `c` belongs to text written solid, without spaces between words: Han
/// characters, kana, CJK symbols and punctuation, fullwidth forms. A line may break
/// between two of them wherever UAX #14 allows, at no cost, and a justified line opens
/// the gaps between them a little (as xeCJK's `\CJKglue` and Typst do), since it has
/// no spaces to open. Hangul is not solid: Korean puts spaces between words and is
/// justified by them, as Latin text is.
pub fn is_solid(c: char) -> bool {
    is_han(c)
        || is_kana(c)
        || matches!(c as u32, 0x3000..=0x303F | 0xFF01..=0xFF60 | 0xFFE0..=0xFFE6)
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
    /// The set for `lang`'s primary subtag: French, German, Spanish, Russian, or English
    /// (the default).
    pub fn for_lang(lang: &str) -> &'static Labels {
        match primary(lang).as_str() {
            "fr" => &FRENCH,
            "de" => &GERMAN,
            "es" => &SPANISH,
            "ru" => &RUSSIAN,
            _ => &ENGLISH,
        }
    }
}

const ENGLISH: Labels = Labels {
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
};

const FRENCH: Labels = Labels {
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
};

const GERMAN: Labels = Labels {
    notes: "Anmerkungen",
    bibliography: "Literaturverzeichnis",
    back_to: "Zurück zum Verweis",
    see_bibliography: "Literaturverzeichnis",
    cited_in: "Anmerkungen",
    by: "von",
    contents: "Inhalt",
    landmarks: "Orientierungspunkte",
    cover: "Umschlag",
    title_page: "Titelseite",
    start: "Anfang",
};

const SPANISH: Labels = Labels {
    notes: "Notas",
    bibliography: "Bibliografía",
    back_to: "Volver a la llamada",
    see_bibliography: "bibliografía",
    cited_in: "notas",
    by: "por",
    contents: "Índice",
    landmarks: "Puntos de referencia",
    cover: "Cubierta",
    title_page: "Portada",
    start: "Inicio",
};

const RUSSIAN: Labels = Labels {
    notes: "Примечания",
    bibliography: "Библиография",
    back_to: "Назад к ссылке",
    see_bibliography: "библиография",
    cited_in: "примечания",
    by: "автор:",
    contents: "Содержание",
    landmarks: "Ориентиры",
    cover: "Обложка",
    title_page: "Титульная страница",
    start: "Начало",
};

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

    #[test]
    fn primary_subtags() {
        for (tag, want) in [
            ("fr-CA", "fr"),
            ("FR_ca", "fr"),
            (" de ", "de"),
            ("zh-Hant-TW", "zh"),
            ("", ""),
        ] {
            assert_eq!(primary(tag), want, "{tag:?}");
        }
        assert!(is_french("fr-BE") && !is_french("fry"));
    }

    #[test]
    fn labels_follow_the_primary_subtag() {
        assert_eq!(Labels::for_lang("fr-CA").bibliography, "Bibliographie");
        assert_eq!(Labels::for_lang("de").bibliography, "Literaturverzeichnis");
        assert_eq!(Labels::for_lang("es-MX").notes, "Notas");
        assert_eq!(Labels::for_lang("ru").bibliography, "Библиография");
        assert_eq!(Labels::for_lang("tr").bibliography, "Bibliography");
    }
}
