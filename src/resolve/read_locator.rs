//! Reading where in a work a note points: the locator after a short form or at the
//! end of a full note ("23", "p. 12", "art. 12", "С. 50", MLA's "Graham 465-70"), in
//! the labels of the languages folio reads.

use super::parse_citation::split_locator;
use super::read_cjk::{cjk_locator, is_cjk};
use super::read_short::MAX_TITLE_WORDS;

/// Locator labels Chicago, MLA and legal notes write before a number, and their kin in
/// other languages: "pág." (Spanish), "pag." (Italian, Dutch), "blz." (Dutch
/// bladzijde), "s." and "str." (Polish, Czech, German "S.", Russian "С."), "old."
/// (Hungarian oldal), "σ." and "σσ." (Greek σελίδα), and the leaves of a manuscript or an early book: "k." (Polish
/// karta), "c." and "cc." (Italian carta, carte), "f." and "ff." (folio). A plural is
/// listed before its singular ("arts." before "art."): the first that opens the
/// locator is taken.
pub(super) const LOCATOR_LABELS: &[&str] = &[
    "pp.", "p.", "arts.", "art.", "§§", "§", "chap.", "ch.", "nn.", "n.", "fig.", "col.", "fols.",
    "fol.", "no.", "paras.", "para.", "sec.", "pt.", "bk.", "vol.", "ll.", "l.", "s.", "S.", "С.",
    "с.", "págs.", "pág.", "pagg.", "pag.", "blz.", "str.", "old.", "kk.", "k.", "cc.", "c.",
    "ff.", "f.", "σσ.", "σ.",
];

/// What German writes between a work's pages and the page cited ("S. 17–206, hier S.
/// 37"): the locator follows it.
pub(super) const HERE: &str = "hier ";

/// The text before a final locator, and the locator: the parser's pages ("23", "p.
/// 12", "pp. 12–14", "xiv") and the labels of legal and classical notes ("art. 12",
/// "§ 4", "n. 5", "12n3").
pub(super) fn locator_of(text: &str) -> (&str, Option<String>) {
    if is_cjk(text) {
        return cjk_locator(text);
    }
    let (body, locator) = split_locator(text);
    if locator.is_some() {
        return (body, locator);
    }
    let trimmed = text.trim().trim_end_matches('.');
    // GOST and ABNT end a full note with the page after a period: "М.: Мысль, 1987.
    // С. 50.", "São Paulo, 1936. p. 101."
    let after_period = label_after_period(trimmed);
    [after_period, trimmed.rfind(',')]
        .into_iter()
        .flatten()
        .find_map(|cut| {
            let tail = trimmed[cut + 1..].trim();
            let tail = tail.strip_prefix(HERE).unwrap_or(tail);
            (is_locator(tail) || is_volume_and_pages(tail))
                .then(|| (&trimmed[..cut], Some(tail.to_string())))
        })
        .or_else(|| page_after_words(trimmed))
        .unwrap_or((text, None))
}

/// Labels of a volume, before its number: English, French ("t.", tome), Spanish and
/// Italian ("t.", tomo), German ("Bd.", Band; "Tl.", Teil), Dutch ("dl.", deel),
/// Russian ("т.", том), Turkish ("c.", cilt, is Italian's carta too: it stays a page
/// label in [`LOCATOR_LABELS`]).
const VOLUME_LABELS: &[&str] = &[
    "vols.", "vol.", "Vol.", "Bde.", "Bd.", "Tl.", "t.", "T.", "tome", "tomo", "dl.", "т.", "Т.",
];

/// A short form's locator with the volume written before its page: "Hensel, *Die
/// Familie Mendelssohn*, Bd. 2, S. 143" → ("Hensel, *Die Familie Mendelssohn*", "Bd.
/// 2, S. 143"); "Gibbon, *Decline*, II, p. 250". Read only for short forms: in a
/// full citation "vol. 12, 45–67" are the article's own volume and pages.
pub(super) fn short_locator(text: &str) -> (&str, Option<String>) {
    let (head, locator) = locator_of(text);
    let Some(locator) = locator else {
        return (head, None);
    };
    let Some((before, volume)) = head.trim_end().rsplit_once(", ") else {
        return (head, Some(locator));
    };
    let number = VOLUME_LABELS
        .iter()
        .find_map(|label| volume.strip_prefix(label))
        .map(str::trim_start);
    let arabic = |n: &str| (1..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit());
    let is_volume = match number {
        Some(n) => arabic(n) || is_roman_volume(n),
        None => is_roman_volume(volume),
    };
    if is_volume && !before.trim().is_empty() {
        (before, Some(format!("{volume}, {locator}")))
    } else {
        (head, Some(locator))
    }
}

/// "II", "XIV": a volume in capital Roman numerals, up to XL.
fn is_roman_volume(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    !word.is_empty()
        && word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
        && is_front_matter_page(&lower)
}

/// Where the last ". LABEL " of the first of [`LOCATOR_LABELS`] that `text` holds
/// stands ("…, 1987. С. 50" → the period before "С."). One pass over the periods of
/// the text rather than a search per label: notes are read this way thousands of times.
fn label_after_period(text: &str) -> Option<usize> {
    let periods: Vec<usize> = text.match_indices(". ").map(|(at, _)| at).collect();
    LOCATOR_LABELS.iter().find_map(|label| {
        periods.iter().rev().copied().find(|&at| {
            text[at + 2..]
                .strip_prefix(label)
                .is_some_and(|rest| rest.starts_with(' '))
        })
    })
}

/// Words that name a part of a text rather than a work: before a number they are
/// the locator's own label or prose ("Chapter 5", "see Table 2"), never an MLA note.
pub(super) const PART_WORDS: &[&str] = &[
    "chapter", "chap", "ch", "figure", "fig", "table", "section", "sec", "part", "volume", "vol",
    "book", "appendix", "page", "note", "line", "verse", "article", "art", "item", "number", "no",
    "act", "scene", "psalm", "plate", "map", "column", "box", "folder", "series", "exhibit",
    "episode", "season", "year", "day", "week", "phase", "stage",
];

/// Small words a title in headline case keeps lowercase.
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "for", "to", "and", "or", "nor", "but", "at", "by", "with",
    "from", "into", "upon", "as", "&", "et", "al.",
];

/// MLA's short note puts the page straight after the author or the title, with no
/// comma: "Graham 465-70", "All the President's Men 71-73", "Kutler, The Wars of
/// Watergate 617-22". Read so only when the words before the page are a name or a
/// title in headline case (capitals but for small words, none a part's label such
/// as "Chapter"), initials before a name included ("C. Francis 112"): "was about
/// 4000" is a sentence, "U.S. 683" a law report.
fn page_after_words(trimmed: &str) -> Option<(&str, Option<String>)> {
    let cut = trimmed.rfind(' ')?;
    let tail = &trimmed[cut + 1..];
    let arabic = tail.starts_with(|c: char| c.is_ascii_digit()) && is_locator(tail);
    if !arabic && !tail.split(['-', '–']).all(is_front_matter_page) {
        return None;
    }
    let head = trimmed[..cut].trim_end();
    let last = head.rsplit(", ").next()?;
    let words: Vec<&str> = last
        .split_whitespace()
        .map(|w| w.trim_matches(['“', '”', '"', '*', '_']))
        .collect();
    let capital = |w: &str| {
        w.starts_with(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
    };
    // an author's initial tells two of one family name apart ("C. Francis 112"); a
    // name never ends in one ("U.S. 683" is a law report)
    let initial = |w: &str| {
        w.ends_with('.')
            && w.chars().count() <= 5
            && w.starts_with(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-'))
    };
    let last_at = words.len().saturating_sub(1);
    let headline = words.first().is_some_and(|w| capital(w) || initial(w))
        && words.len() <= MAX_TITLE_WORDS
        && words
            .iter()
            .enumerate()
            .all(|(i, w)| capital(w) || TITLE_SMALL_WORDS.contains(w) || i < last_at && initial(w))
        && words
            .last()
            .is_some_and(|w| !PART_WORDS.contains(&w.to_lowercase().as_str()));
    headline.then(|| (head, Some(tail.to_string())))
}

/// The most a front-matter page numbered in lowercase Roman numerals runs to: words
/// spelled in those letters ("mix", "dim", "mill") are none below it.
const MAX_FRONT_MATTER_PAGE: u32 = 200;

/// "xi", "xxiii": a page of a book's front matter, as MLA cites an introduction
/// ("Plant xi-xxiii"). Only a numeral in its usual form counts ("iiii" and "ic" do
/// not), up to [`MAX_FRONT_MATTER_PAGE`].
fn is_front_matter_page(word: &str) -> bool {
    let value = |c: char| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        'c' => Some(100),
        _ => None,
    };
    let Some(values) = word.chars().map(value).collect::<Option<Vec<u32>>>() else {
        return false;
    };
    // A numeral before a larger one is taken away from it: "xiv" is 10 − 1 + 5.
    let (mut added, mut taken) = (0, 0);
    for (k, &v) in values.iter().enumerate() {
        match values.get(k + 1) {
            Some(&next) if next > v => taken += v,
            _ => added += v,
        }
    }
    let total = added.saturating_sub(taken);
    (1..=MAX_FRONT_MATTER_PAGE).contains(&total) && roman(total) == word
}

/// `n` in lowercase Roman numerals, in their usual form.
fn roman(mut n: u32) -> String {
    let mut out = String::new();
    for (value, letters) in [
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ] {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// Whether `tail` is a locator: a number or range, after a label or not ("23", "p.
/// 12", "art. 12", "§ 4", "12n3"); a bare year is not.
pub(super) fn is_locator(tail: &str) -> bool {
    let number = LOCATOR_LABELS
        .iter()
        .find_map(|label| tail.strip_prefix(label))
        .map_or(tail, str::trim_start);
    let labelled = number.len() < tail.len();
    let numeric = |part: &str| {
        let part = part.trim();
        let digits = part.bytes().take_while(u8::is_ascii_digit).count();
        // "12n3", "23f", "45ff", "3r", "12v": a page with a note, folio side or "following"
        let rest = &part[digits..];
        digits > 0
            && digits <= 5
            && (rest.is_empty() || matches!(rest, "f" | "ff" | "r" | "v") || note_suffix(rest))
            && (labelled || !is_year(&part[..digits]))
    };
    !number.is_empty() && number.split(['-', '–', ',']).all(numeric)
}

/// "1:202–4": a volume and its pages, as Chicago's author-date notes cite a work in
/// several volumes ("Buckland 1836, 1:202–4"). Read after a comma only: "John 3:16"
/// is a verse.
fn is_volume_and_pages(tail: &str) -> bool {
    tail.split_once(':').is_some_and(|(volume, pages)| {
        (1..=3).contains(&volume.len())
            && volume.bytes().all(|b| b.is_ascii_digit())
            && is_locator(pages)
    })
}

/// A locator without the parenthetical a legal note adds after it: "345–47 (Douglas,
/// J., concurring)" → "345–47", "580 (Lord Atkin)" → "580". One that holds no letter
/// ("12 (2)") is part of the locator.
pub(super) fn without_parenthetical(locator: &str) -> &str {
    let Some(open) = locator.find(" (") else {
        return locator;
    };
    let inside = &locator[open + 2..];
    let worded =
        inside.starts_with(|c: char| c.is_alphabetic()) && inside.trim_end().ends_with(')');
    if worded && open > 0 {
        locator[..open].trim_end_matches(',')
    } else {
        locator
    }
}

/// "n3" or "nn. 3–4" after a page number.
fn note_suffix(rest: &str) -> bool {
    rest.strip_prefix('n')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

pub(super) fn is_year(digits: &str) -> bool {
    digits.len() == 4 && matches!(digits.as_bytes()[0], b'1' | b'2')
}

/// Whether a year stands anywhere in `text`: short forms have none, full citations
/// almost always one ("…, June 1992, 45").
pub(super) fn has_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit()).any(is_year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_volume_and_its_pages_after_a_comma() {
        assert_eq!(
            locator_of("Buckland 1836, 1:202–4."),
            ("Buckland 1836", Some("1:202–4".to_string()))
        );
        assert_eq!(locator_of("John 3:16."), ("John 3:16.", None));
    }

    #[test]
    fn a_short_forms_volume_before_its_page_is_part_of_the_locator() {
        for (text, head, locator) in [
            (
                "Hensel, *Die Familie*, Bd. 2, S. 143.",
                "Hensel, *Die Familie*",
                "Bd. 2, S. 143",
            ),
            (
                "Gibbon, *Decline*, II, p. 250.",
                "Gibbon, *Decline*",
                "II, p. 250",
            ),
            (
                "Gibbon, *Decline*, vol. 3, 12.",
                "Gibbon, *Decline*",
                "vol. 3, 12",
            ),
            ("Varga, *Salt Roads*, 23.", "Varga, *Salt Roads*", "23"),
            // A title's last word is no volume.
            (
                "Smith, *The Wars*, Ends, 12.",
                "Smith, *The Wars*, Ends",
                "12",
            ),
        ] {
            let (h, l) = short_locator(text);
            assert_eq!(
                (h.trim_end_matches([',', ' ']), l.as_deref()),
                (head, Some(locator))
            );
        }
    }

    #[test]
    fn front_matter_pages_after_a_name() {
        assert_eq!(
            locator_of("Plant xi-xxiii."),
            ("Plant", Some("xi-xxiii".to_string()))
        );
        assert_eq!(
            locator_of("Hurston, Barracoon xiv").1.as_deref(),
            Some("xiv")
        );
        // Words spelled in those letters, and numerals in no usual form, are words.
        for text in [
            "The Mill mix.",
            "Grey dim.",
            "Plant iiii.",
            "Plant ic.",
            "Plant ccc.",
        ] {
            assert_eq!(locator_of(text).1, None, "{text}");
        }
    }

    /// One pass over the periods finds what a search for each label in turn finds.
    #[test]
    fn a_label_after_a_period_is_found_as_a_search_per_label_finds_it() {
        for text in [
            "М.: Мысль, 1987. С. 50",
            "São Paulo, 1936. p. 101",
            "A. B. Title. p. 4. pp. 5",
            "No label here. 12",
            "Press. s. 4. p. 7",
            "Ends with a label. p.",
        ] {
            let per_label = LOCATOR_LABELS
                .iter()
                .find_map(|label| text.rfind(&format!(". {label} ")));
            assert_eq!(label_after_period(text), per_label, "{text}");
        }
    }
}
