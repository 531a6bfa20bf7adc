//! Reading a citation for resolution: [`parse_citation`] runs folio's one citation
//! parser ([`crate::cite`]) and keeps what matching needs (authors, folded family
//! names, year, title, URL) beside the structured fields and the italic span; plus
//! the Ibid/Id. test, a short form's locator and the folding used to compare.

use std::ops::Range;

use super::read_locator::without_parenthetical;
use crate::cite;
use crate::model::{Details, Inline};

/// What a citation says about its work.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Citation {
    /// Author names as written ("Hussain, M.").
    pub authors: Vec<String>,
    /// Family names, lowercased and stripped to letters and digits, for matching.
    pub surnames: Vec<String>,
    pub year: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// Structured fields (names, date, container, publisher, pages, DOI, kind).
    pub details: Details,
    /// Byte range of `text` to print in italics: the container of an article or
    /// chapter, the title of a book, report or thesis.
    pub emphasis: Option<Range<usize>>,
    /// Byte range of `text` a legal citation points to inside its work ("344",
    /// "amend. VI"): the note's locator.
    pub pinpoint: Option<Range<usize>>,
}

/// How an Ibid note opens, lowercase, longest first where one starts another: Latin
/// and the same word in the languages folio reads (Spanish "Íd." and "Ibíd.", Italian
/// "Ivi", German "ebd.", Polish "tamże", Czech "tamtéž", Slovak "tamže", Danish
/// "smst." (sammesteds), Norwegian "sst." (samme sted), Hungarian "uo." (ugyanott),
/// Croatian and Serbian "isto", Russian "Там же", Ukrainian "Там само", Turkish "aynı
/// eser" and "a.e.", "aynı yer" and "a.y.", Greek "Αυτόθι" and "Στο ίδιο", and "ό.π."
/// (όπως παραπάνω) and "loc. cit." with no name before them).
const IBID: &[&str] = &[
    "ibidem",
    "ibídem",
    "ibid",
    "ibíd",
    "íbid",
    "id.",
    "íd.",
    "ivi",
    "ebenda",
    "ebd.",
    "tamże",
    "tamtéž",
    "tamže",
    "smst.",
    "sst.",
    "ugyanott",
    "uo.",
    "isto",
    "там же",
    "там само",
    "aynı eser",
    "aynı yerde",
    "aynı yer",
    "a.y.",
    "a.e.",
    "αυτόθι",
    "στο ίδιο",
    "ό.π.",
    // with no name before it, "in the place cited" is the place just cited
    "loc. cit.",
    "loc. cit",
    "loc cit",
];

/// The most words an Ibid's locator runs to ("Ibid., vol. 2, p. 4", "Id. at 12"); after
/// "Id." or "Ivi" a longer run with a year is a new citation ("Id. Sobrados e mucambos.
/// São Paulo, 1936."), the same author's other work.
const MAX_IBID_LOCATOR_WORDS: usize = 5;

/// The locator of an Ibid/Id. note (`Some(None)` for a bare "Ibid."), or `None` when
/// the text is not an Ibid.
pub(super) fn parse_ibid(text: &str) -> Option<Option<String>> {
    let text = text.trim();
    if text.starts_with(crate::cite::is_cjk_char) {
        return super::read_cjk::cjk_ibid(text);
    }
    let rest = IBID
        .iter()
        .find_map(|prefix| {
            let head = text.get(..prefix.len())?;
            let rest = &text[prefix.len()..];
            let word_ends = !rest.starts_with(char::is_alphanumeric);
            (head.to_lowercase() == *prefix && word_ends).then_some(rest)
        })
        .or_else(|| idem(text))?;
    if text[..text.len() - rest.len()].eq_ignore_ascii_case("id.") {
        // ABNT's "Id. Ibid., p. 50": the same author and the same work.
        let after = rest.trim_start_matches(['.', ',', ' ']);
        if after
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("ibid"))
        {
            return parse_ibid(after);
        }
        // "Id., *L'Armée nouvelle*, op. cit." is Idem: the same author, another title.
        if titled(rest) {
            return None;
        }
    }
    let locator = rest
        .trim_start_matches(|c: char| {
            c == '.' || c == ',' || c == ':' || c == ';' || c.is_whitespace()
        })
        .trim_end_matches(|c: char| c == '.' || c.is_whitespace());
    // Bluebook: "Id. at 12", "Id. at 345–47 (Douglas, J., concurring)".
    let locator = locator.strip_prefix("at ").unwrap_or(locator);
    let locator = without_parenthetical(locator);
    let words = locator.split_whitespace().count();
    let dated = locator
        .split(|c: char| !c.is_ascii_digit())
        .any(|w| w.len() == 4 && w.starts_with(['1', '2']));
    if words > MAX_IBID_LOCATOR_WORDS && dated {
        return None;
    }
    Some((!locator.is_empty()).then(|| locator.to_string()))
}

/// Labels of a place in a work that open with a capital: "Id., Vol. 2, p. 4".
const CAPITAL_LABELS: &[&str] = &[
    "vol.", "vols.", "bd.", "s.", "p.", "pp.", "art.", "t.", "ch.", "chap.", "no.", "nr.",
];

/// Whether `rest` (after "Id.") opens with a title: a capitalised word that is no
/// label or Roman numeral, of three letters or more or an article before a word ("Id.,
/// Il sistema produttivo cit."), or a quote.
fn titled(rest: &str) -> bool {
    let next = rest.trim_start_matches(['.', ',', ' ', '*', '_']);
    if next.starts_with(['“', '"', '«']) {
        return true;
    }
    let mut words = next.split([' ', ',']);
    let word = words.next().unwrap_or("");
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let letters = match words.next() {
        Some(w) if letters == 2 && w.starts_with(char::is_lowercase) => 3,
        _ => letters,
    };
    let roman = word
        .trim_end_matches('.')
        .chars()
        .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'));
    word.starts_with(char::is_uppercase)
        && letters >= 3
        && !roman
        && !CAPITAL_LABELS.contains(&word.to_lowercase().as_str())
}

/// The words for "the same author" (Latin "Idem", Spanish "Ídem", German "Ders."
/// and "Dies.", Polish "Tenże" and "Taż", Czech "Týž" and "Táž"): the note above's
/// work only when nothing but a page follows ("Ídem.", "Idem, p. 4", "Ders., S. 20");
/// with a title after it ("Idem, *Cod*, 60") it names only the same author, a short
/// form of another work.
pub(super) const IDEM: &[&str] = &[
    "ídem", "idem", "eadem", "ders.", "dies.", "tenże", "taż", "týž", "táž",
];

/// "Idem" and its kin (see [`IDEM`]) followed by a page or nothing: the text after it.
fn idem(text: &str) -> Option<&str> {
    let (head, rest) = IDEM.iter().find_map(|word| {
        let head = text.get(..word.len())?;
        (head.to_lowercase() == *word).then(|| (head, &text[word.len()..]))
    })?;
    let after = rest.trim_start_matches(['.', ',', ':', ';', ' ']);
    let page = after.is_empty()
        || after.starts_with(|c: char| c.is_ascii_digit())
        || ["p.", "pp.", "pág.", "págs.", "s.", "S."]
            .iter()
            .any(|label| after.starts_with(label));
    (page && !head.is_empty() && !rest.starts_with(char::is_alphanumeric)).then_some(rest)
}

/// A short form may end with a page: "Hart, J., Ports of the north, 88" or
/// "Cole, “Defectors,” p. 12." Returns the text before it and the locator. A year is
/// not a page: "…, 2014." ends a full citation.
pub(super) fn split_locator(text: &str) -> (&str, Option<String>) {
    let trimmed = text.trim().trim_end_matches('.');
    // Chicago puts the comma inside the quotes: the page follows the closing quote.
    let comma = trimmed.rfind(',').map(|i| (i, i + 1));
    let quote = trimmed.rfind(['”', '"']).map(|i| {
        let end = i + trimmed[i..].chars().next().map_or(1, char::len_utf8);
        (end, end)
    });
    let Some((body_end, start)) = comma.max(quote) else {
        return (text, None);
    };
    let locator = trimmed[start..].trim();
    let number = ["pp.", "p.", "para.", "ch.", "sec.", "pp", "p"]
        .iter()
        .find_map(|label| locator.strip_prefix(label))
        .map_or(locator, str::trim_start);
    let is_page = |n: &str| {
        !n.is_empty()
            && n.len() <= 5
            && (n.bytes().all(|b| b.is_ascii_digit()) && !is_year(n)
                || n.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c')))
    };
    let pages = number.split(['-', '–']).all(|part| is_page(part.trim()));
    if pages {
        (&trimmed[..body_end], Some(locator.to_string()))
    } else {
        (text, None)
    }
}

/// Parses one citation. Never fails: whatever is not recognised stays `None`/empty.
pub(super) fn parse_citation(text: &str) -> Citation {
    let reference = cite::parse(text);
    Citation {
        surnames: reference
            .details
            .names
            .iter()
            .map(|n| fold(&n.family))
            .collect(),
        authors: reference.authors,
        year: reference.year,
        title: reference.title,
        url: reference.url,
        details: reference.details,
        emphasis: reference.emphasis,
        pinpoint: reference.pinpoint,
    }
}

/// Lowercase letters and digits, every other run collapsed to one space: the form in
/// which titles and surnames are compared.
pub(super) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            // Most letters are ASCII: lowercased without the Unicode tables.
            out.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.truncate(out.trim_end().len());
    out
}

fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && matches!(word.as_bytes()[0], b'1' | b'2')
}

/// Byte ranges of URLs written in `text` (http, https, www., doi:), in order. Trailing
/// sentence punctuation and an unbalanced closing parenthesis are not part of a URL.
pub(crate) fn url_ranges(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut found = 0;
    while found < bytes.len() {
        // Every form holds a ':' or '.' three to five bytes after its start, so no start
        // lies more than five bytes before the next of them: the scan jumps there (the
        // reader runs this on every paragraph, and most hold a few periods).
        let Some(next) = bytes
            .get(found + 3..)
            .and_then(|rest| memchr::memchr2(b':', b'.', rest))
        else {
            break;
        };
        found += next.saturating_sub(2);
        if !matches!(bytes[found].to_ascii_lowercase(), b'h' | b'w' | b'd') {
            found += 1;
            continue;
        }
        let starts_url = ["https://", "http://", "www.", "doi:"].iter().any(|p| {
            bytes[found..]
                .get(..p.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(p.as_bytes()))
        });
        let at_word_start = found == 0 || !bytes[found - 1].is_ascii_alphanumeric();
        if !starts_url || !at_word_start || !text.is_char_boundary(found) {
            found += 1;
            continue;
        }
        let mut end = text[found..]
            .find(char::is_whitespace)
            .map_or(text.len(), |i| found + i);
        let opens = text[found..end].matches('(').count();
        let mut closes = text[found..end].matches(')').count();
        while let Some(c) = text[found..end].chars().next_back() {
            let unbalanced = c == ')' && closes > opens;
            if matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '"' | '”' | '’') || unbalanced {
                end -= c.len_utf8();
                closes -= usize::from(c == ')');
            } else {
                break;
            }
        }
        if end > found {
            ranges.push(found..end);
        }
        // Skip the whole whitespace-free run, even what was trimmed off.
        found = text[found..]
            .find(char::is_whitespace)
            .map_or(text.len(), |i| found + i);
    }
    ranges
}

/// The inlines of a note body: the text with its URLs as links.
pub(super) fn link_inlines(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut at = 0;
    for range in url_ranges(text) {
        if range.start > at {
            out.push(Inline::Text(text[at..range.start].to_string()));
        }
        let written = &text[range.clone()];
        let url = if written.to_ascii_lowercase().starts_with("www.") {
            format!("https://{written}")
        } else if let Some(doi) = written
            .strip_prefix("doi:")
            .or(written.strip_prefix("DOI:"))
        {
            format!("https://doi.org/{}", doi.trim_start())
        } else {
            written.to_string()
        };
        out.push(Inline::Link {
            url,
            content: vec![Inline::Text(written.to_string())],
        });
        at = range.end;
    }
    if at < text.len() {
        out.push(Inline::Text(text[at..].to_string()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apa_full_citation() {
        let c = parse_citation(
            "Hussain, M., & Lacy, A. (2023, February 13). Amid ongoing Iran protests, Congress boosts cultish MEK Exile Group. The Intercept. ",
        );
        assert_eq!(c.authors, ["Hussain, M.", "Lacy, A."]);
        assert_eq!(c.surnames, ["hussain", "lacy"]);
        assert_eq!(c.year.as_deref(), Some("2023"));
        assert_eq!(
            c.title.as_deref(),
            Some("Amid ongoing Iran protests, Congress boosts cultish MEK Exile Group")
        );
        assert_eq!(c.url, None);
    }

    #[test]
    fn apa_initials_with_two_letters_and_question_mark_in_title() {
        let c = parse_citation(
            "Cole, M. C., & Hussain, M. (2020, March 23). Defectors tell of torture. The Intercept.",
        );
        assert_eq!(c.authors, ["Cole, M. C.", "Hussain, M."]);
        let c = parse_citation(
            "Merat, A. (2018, November 9). Terrorists – or champions? The wild story. The Guardian.",
        );
        assert_eq!(
            c.title.as_deref(),
            Some("Terrorists – or champions? The wild story")
        );
    }

    #[test]
    fn apa_short_form_keeps_commas_in_title() {
        let c =
            parse_citation("Merat, A., Terrorists, cultists – or champions of Iranian democracy?");
        assert_eq!(c.authors, ["Merat, A."]);
        assert_eq!(c.year, None);
        assert_eq!(
            c.title.as_deref(),
            Some("Terrorists, cultists – or champions of Iranian democracy?")
        );
    }

    #[test]
    fn chicago_full_and_short() {
        let c = parse_citation(
            "Cole, Matthew, and Murtaza Hussain. “Defectors Tell of Torture.” The Intercept, March 23, 2020. https://theintercept.com/2020/03/23/x/.",
        );
        assert_eq!(c.surnames, ["cole", "hussain"]);
        assert_eq!(c.title.as_deref(), Some("Defectors Tell of Torture"));
        assert_eq!(c.year.as_deref(), Some("2020"));
        assert_eq!(
            c.url.as_deref(),
            Some("https://theintercept.com/2020/03/23/x/")
        );
        let c = parse_citation("Cole and Hussain, “Defectors Tell of Torture.”");
        assert_eq!(c.surnames, ["cole", "hussain"]);
        assert_eq!(c.year, None);
        let c = parse_citation("Masters, Jonathan. Mujahadeen. New York: Press, 2014.");
        assert_eq!(c.surnames, ["masters"]);
        assert_eq!(c.title.as_deref(), Some("Mujahadeen"));
        assert_eq!(c.year.as_deref(), Some("2014"));
    }

    #[test]
    fn year_in_a_short_title_is_not_a_date() {
        let c = parse_citation("Smith, J., The 1979 revolution");
        assert_eq!(
            (c.year, c.title.as_deref()),
            (None, Some("The 1979 revolution"))
        );
        let c = parse_citation("Smith, “The 1979 Revolution.”");
        assert_eq!(
            (c.year, c.title.as_deref()),
            (None, Some("The 1979 Revolution"))
        );
        let c = parse_citation("Smith, “The 1979 Revolution.” Press, 2001.");
        assert_eq!(c.year.as_deref(), Some("2001"));
    }

    #[test]
    fn ibid_forms_and_locators() {
        assert_eq!(parse_ibid("Ibid"), Some(None));
        assert_eq!(parse_ibid("Ibid."), Some(None));
        assert_eq!(parse_ibid("ibid."), Some(None));
        assert_eq!(parse_ibid("Id."), Some(None));
        assert_eq!(parse_ibid("Ibid., 45"), Some(Some("45".into())));
        assert_eq!(parse_ibid("Ibid, p. 12."), Some(Some("p. 12".into())));
        assert_eq!(parse_ibid("Ibidem, 3"), Some(Some("3".into())));
        assert_eq!(parse_ibid("Idaho Statesman (2001)"), None);
        // "loc. cit." with no name: the place just cited
        assert_eq!(parse_ibid("Loc. cit."), Some(None));
        assert_eq!(parse_ibid("loc. cit., p. 5"), Some(Some("p. 5".into())));
        assert_eq!(parse_ibid("Locke, Essay, 12."), None);
        assert_eq!(parse_ibid("Ídem."), Some(None));
        assert_eq!(parse_ibid("Idem, p. 4."), Some(Some("p. 4".into())));
        assert_eq!(parse_ibid("Idem, Cod, 60."), None);
        assert_eq!(parse_ibid("Id., L'Armée nouvelle, op. cit., p. 331."), None);
        assert_eq!(parse_ibid("Id., “Jaurès”, p. 3."), None);
        assert_eq!(
            parse_ibid("Id., Vol. 2, p. 4."),
            Some(Some("Vol. 2, p. 4".into()))
        );
        assert_eq!(parse_ibid("Id., XII, 4."), Some(Some("XII, 4".into())));
        assert_eq!(parse_ibid("Id. at 345."), Some(Some("345".into())));
        assert_eq!(parse_ibid("Idempotent maps (2001)."), None);
        // Turkish "aynı eser", Greek "αυτόθι", "στο ίδιο" and a bare "ό.π.".
        assert_eq!(parse_ibid("A.e., s. 65."), Some(Some("s. 65".into())));
        assert_eq!(parse_ibid("Αυτόθι, σ. 31."), Some(Some("σ. 31".into())));
        assert_eq!(parse_ibid("Στο ίδιο, σ. 120."), Some(Some("σ. 120".into())));
        assert_eq!(parse_ibid("Ό.π., σ. 4."), Some(Some("σ. 4".into())));
        assert_eq!(parse_ibid("Liddell, ό.π., σ. 190."), None);
        assert_eq!(parse_ibid("Ibidson, K. (2001). T."), None);
        assert_eq!(parse_ibid("Ié"), None);
        assert_eq!(parse_ibid("Ebd., S. 12."), Some(Some("S. 12".into())));
        assert_eq!(parse_ibid("Там же. С. 15."), Some(Some("С. 15".into())));
        assert_eq!(parse_ibid("Ibídem, p. 4"), Some(Some("p. 4".into())));
        assert_eq!(parse_ibid("Aynı eser, s. 7."), Some(Some("s. 7".into())));
        assert_eq!(parse_ibid("Ebdon, K. (2001). T."), None);
        assert_eq!(parse_ibid("Ivi, p. 15."), Some(Some("p. 15".into())));
        assert_eq!(parse_ibid("Ibíd., 165."), Some(Some("165".into())));
        assert_eq!(
            parse_ibid("Tamże, s. 70–120."),
            Some(Some("s. 70–120".into()))
        );
        assert_eq!(parse_ibid("Tamtéž, s. 4."), Some(Some("s. 4".into())));
        assert_eq!(parse_ibid("Tamže, s. 4."), Some(Some("s. 4".into())));
        assert_eq!(parse_ibid("Uo., 12. o."), Some(Some("12. o".into())));
        assert_eq!(parse_ibid("Smst., s. 9."), Some(Some("s. 9".into())));
        assert_eq!(parse_ibid("Там само. С. 8."), Some(Some("С. 8".into())));
        assert_eq!(parse_ibid("Isto, str. 5."), Some(Some("str. 5".into())));
        assert_eq!(parse_ibid("Tenże, s. 12."), Some(Some("s. 12".into())));
        assert_eq!(parse_ibid("Istorija Srbije, 1990."), None);
        assert_eq!(parse_ibid("Uomini e topi, 1990."), None);
        assert_eq!(parse_ibid("Ivic, J. (2001). T."), None);
        assert_eq!(parse_ibid("Íd., p. 9."), Some(Some("p. 9".into())));
        assert_eq!(parse_ibid("a.y."), Some(None));
        assert_eq!(parse_ibid("A.y., s. 4."), Some(Some("s. 4".into())));
        assert_eq!(parse_ibid("Id. at 12."), Some(Some("12".into())));
        assert_eq!(
            parse_ibid("Id. at 345–47 (Douglas, J., concurring)."),
            Some(Some("345–47".into()))
        );
        assert_eq!(
            parse_ibid("Ibid 580 (Lord Atkin)."),
            Some(Some("580".into()))
        );
        assert_eq!(parse_ibid("Ders., S. 20."), Some(Some("S. 20".into())));
        assert_eq!(parse_ibid("Ders., Vergangene Zukunft, 1979."), None);
        assert_eq!(
            parse_ibid("Id. Sobrados e mucambos. São Paulo: Nacional, 1936. p. 12."),
            None
        );
    }

    #[test]
    fn urls_stop_before_sentence_punctuation() {
        let t = "see https://en.wikipedia.org/wiki/A_(b). and www.x.org, doi:10.1/2";
        let found: Vec<&str> = url_ranges(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            found,
            [
                "https://en.wikipedia.org/wiki/A_(b)",
                "www.x.org",
                "doi:10.1/2"
            ]
        );
        assert!(url_ranges("shttp://x and awww.b").is_empty());
    }

    /// The scan's jump to the next ':' or '.' passes over no start: URLs at the text's
    /// very start and end, beside each other, after other punctuation, and in capitals.
    #[test]
    fn urls_are_found_wherever_they_start() {
        for (text, urls) in [
            ("www.a", &["www.a"][..]),
            ("doi:1", &["doi:1"]),
            ("HTTPS://A.B", &["HTTPS://A.B"]),
            ("x. y: www.a.b.", &["www.a.b"]),
            ("a.b:(http://c) d", &["http://c"]),
            ("..:.:www.x http://y", &["www.x", "http://y"]),
            ("é www.é.fr", &["www.é.fr"]),
            ("ww. www", &[]),
            ("htt://x http:/y", &[]),
            ("", &[]),
        ] {
            let found: Vec<&str> = url_ranges(text).into_iter().map(|r| &text[r]).collect();
            assert_eq!(found, urls, "{text}");
        }
    }

    #[test]
    fn body_links_urls() {
        let v = link_inlines("Masters. https://cfr.org/x. Done");
        assert_eq!(v.len(), 3);
        assert!(matches!(&v[1], Inline::Link { url, .. } if url == "https://cfr.org/x"));
    }

    #[test]
    fn locators_end_short_forms_but_years_do_not() {
        assert_eq!(
            split_locator("Hart, J., Ports of the north, 88"),
            ("Hart, J., Ports of the north", Some("88".into()))
        );
        assert_eq!(
            split_locator("Cole, “Defectors,” pp. 12–14."),
            ("Cole, “Defectors,”", Some("pp. 12–14".into()))
        );
        assert_eq!(split_locator("Press, 2014.").1, None);
        assert_eq!(split_locator("Merat, A., Terrorists, cultists").1, None);
        assert_eq!(split_locator("Hart, J., Ports, xiv").1, Some("xiv".into()));
    }

    #[test]
    fn group_authors_keep_their_date() {
        let c = parse_citation("Human Rights Watch. (2019, May 2). No exit. HRW.");
        assert_eq!(c.authors, ["Human Rights Watch"]);
        assert_eq!(c.year.as_deref(), Some("2019"));
        assert_eq!(c.title.as_deref(), Some("No exit"));
        let c = parse_citation("Masters, Jonathan. Mujahadeen (1979). Press.");
        assert_eq!(c.surnames, ["masters"]);
    }

    #[test]
    fn fold_compares_loosely() {
        assert_eq!(
            fold("The wild–wild Story, of the MEK."),
            "the wild wild story of the mek"
        );
    }
}
