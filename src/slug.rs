//! File-name-safe slugs, shared by the reader (one per profile) and the CLI (one per book).

/// A file-name-safe ASCII slug of `text`: lowercase letters and digits (common Latin
/// accents folded, so "Comité" gives "comite"), runs of anything else collapsed to one
/// `-`, at most [`MAX_SLUG`] bytes (cut at a word where one ends near the limit).
/// `fallback` is returned when nothing of `text` survives.
pub fn slug(text: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if let Some(folded) = fold(c) {
            out.push_str(folded);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    if out.len() > MAX_SLUG {
        // ASCII only, so any index is a character boundary.
        out.truncate(MAX_SLUG);
        if let Some(dash) = out.rfind('-').filter(|&i| i >= MAX_SLUG / 2) {
            out.truncate(dash);
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str(fallback);
    }
    out
}

/// Longest slug in bytes: a file name made from it (`<slug>.epub`, `<slug>.xhtml`)
/// stays far below the 255 bytes file systems allow, however long the title.
pub const MAX_SLUG: usize = 80;

/// The ASCII letters a lowercase accented Latin letter is usually written as.
fn fold(c: char) -> Option<&'static str> {
    const GROUPS: [(&str, &str); 14] = [
        ("àáâãäåāă", "a"),
        ("çćč", "c"),
        ("ďđ", "d"),
        ("èéêëēęě", "e"),
        ("ğ", "g"),
        ("ìíîïīı", "i"),
        ("łľ", "l"),
        ("ñńň", "n"),
        ("òóôõöøő", "o"),
        ("řŕ", "r"),
        ("śšşș", "s"),
        ("ťţț", "t"),
        ("ùúûüůű", "u"),
        ("ýÿ", "y"),
    ];
    match c {
        'ß' => return Some("ss"),
        'æ' => return Some("ae"),
        'œ' => return Some("oe"),
        'ź' | 'ż' | 'ž' => return Some("z"),
        _ => {}
    }
    GROUPS
        .iter()
        .find(|(letters, _)| letters.contains(c))
        .map(|(_, ascii)| *ascii)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_very_long_title_gives_a_short_slug() {
        let title = "An extraordinarily long title ".repeat(40);
        let short = slug(&title, "book");
        assert!(short.len() <= MAX_SLUG, "{}", short.len());
        assert!(
            short.starts_with("an-extraordinarily-long-title-an"),
            "{short}"
        );
        assert!(!short.ends_with('-'), "{short}");
        assert_eq!(slug(&"x".repeat(1000), "book").len(), MAX_SLUG);
    }

    #[test]
    fn slugs_are_ascii_and_dashed() {
        assert_eq!(
            slug("Opposition in Exile: Profiles", "book"),
            "opposition-in-exile-profiles"
        );
        assert_eq!(slug("  Le Comité — 1892 ", "book"), "le-comite-1892");
        assert_eq!(slug("Straße Łódź", "book"), "strasse-lodz");
        assert_eq!(slug("???", "book"), "book");
    }
}
