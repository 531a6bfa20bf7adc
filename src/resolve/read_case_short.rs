//! Bluebook's short form of a case: "Gideon, 372 U.S. at 344." — one party's name,
//! italic or not, the volume and reporter of the report the case was first cited in,
//! "at" and the page, and perhaps a parenthetical ("Betts, 316 U.S. at 474–76 (Black,
//! J., dissenting)"). Without the name ("372 U.S. at 344") it is a short form too. It
//! fits an earlier case whose citation holds the name and the volume and reporter; two
//! that do are never guessed between ([`match_short`](super::match_short)).

use super::parse_citation::fold;
use super::read_locator::without_parenthetical;
use super::read_short::{Reading, Short};
use crate::cite::read_report;

/// The most words of the party's name a short form gives ("Heart of Atlanta Motel").
const MAX_PARTY_WORDS: usize = 6;

/// Reads `text` (without its lead cue) as a case's short form.
pub(super) fn read_case_short(text: &str) -> Option<Reading> {
    let text = text.trim();
    if !text.contains(" at ") {
        return None;
    }
    let (party, from) = if text.starts_with(|c: char| c.is_ascii_digit()) {
        (None, 0)
    } else {
        let comma = text.find(", ")?;
        (Some(&text[..comma]), comma + 2)
    };
    let party = party.map(|p| p.trim_matches(['*', '_', ' ']));
    if party.is_some_and(|p| !is_party(p)) {
        return None;
    }
    let report = read_report(text, from, true)?;
    // Only "VOLUME REPORTER at": with a first page it is a full citation.
    if report.page.is_some() {
        return None;
    }
    let pin = text[report.end..].trim_start().strip_prefix("at ")?;
    let pin = without_parenthetical(pin.trim().trim_end_matches('.'));
    if !pin.starts_with(|c: char| c.is_ascii_digit()) || pin.contains(';') {
        return None;
    }
    let volume = report.volume?;
    Some(Reading {
        shorts: vec![Short {
            names: Vec::new(),
            title: party.map(fold).filter(|p| !p.is_empty()),
            year: None,
            cited: false,
            shaped: true,
            report: Some(fold(&format!("{volume} {}", report.reporter))),
            ..Short::default()
        }],
        locator: Some(pin.to_string()),
        full: false,
    })
}

/// A party's name as a short form gives it: capitalised words and the small words
/// between them, no digits, no sentence.
fn is_party(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= MAX_PARTY_WORDS
        && words[0].starts_with(char::is_uppercase)
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || matches!(
                    *w,
                    "of" | "the" | "and" | "&" | "for" | "ex" | "rel." | "v." | "v"
                )
        })
        && !text.contains(|c: char| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bluebook_case_short_forms() {
        let r = read_case_short("Gideon, 372 U.S. at 344.").expect("a short form");
        assert_eq!(r.shorts[0].title.as_deref(), Some("gideon"));
        assert_eq!(r.shorts[0].report.as_deref(), Some("372 u s"));
        assert_eq!(r.locator.as_deref(), Some("344"));
        let r = read_case_short("Betts, 316 U.S. at 474–76 (Black, J., dissenting).")
            .expect("a short form");
        assert_eq!(r.locator.as_deref(), Some("474–76"));
        let r = read_case_short("Marbury, 5 U.S. at 162.").expect("a short form");
        assert_eq!(r.shorts[0].report.as_deref(), Some("5 u s"));
        let r = read_case_short("*Jones*, 31 F.3d at 1309.").expect("a short form");
        assert_eq!(r.shorts[0].title.as_deref(), Some("jones"));
        let r = read_case_short("372 U.S. at 344.").expect("a short form");
        assert_eq!(r.shorts[0].title, None);
        // A full citation, a book's page, prose.
        for text in [
            "Gideon v. Wainwright, 372 U.S. 335, 344 (1963).",
            "Varga, Salt Roads, 23.",
            "The Court sat at 10 o'clock.",
            "He wrote in 1963, 372 times at most.",
        ] {
            assert_eq!(read_case_short(text), None, "{text}");
        }
    }
}
