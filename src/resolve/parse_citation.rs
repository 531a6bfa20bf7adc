//! Reading a works-cited entry: authors, year, title and URL of APA-ish
//! ("Merat, A. (2018, November 9). Title. Publisher.") and Chicago-ish
//! ("Masters, Jonathan. "Title." Publisher, 2014.") citations and their short forms
//! ("Merat, A., Title", "Masters, "Title.""), plus the Ibid/Id. test.

use std::ops::Range;

use crate::model::Inline;

/// What a citation says about its work.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Citation {
    /// Author names as written ("Hussain, M.").
    pub authors: Vec<String>,
    /// Surnames, lowercased and stripped to letters and digits, for matching.
    pub surnames: Vec<String>,
    pub year: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
}

/// The locator of an Ibid/Id. note (`Some(None)` for a bare "Ibid."), or `None` when
/// the text is not an Ibid.
pub(super) fn parse_ibid(text: &str) -> Option<Option<String>> {
    let text = text.trim();
    let rest = ["ibidem", "ibid", "id."].iter().find_map(|prefix| {
        let head = text.get(..prefix.len())?;
        let rest = &text[prefix.len()..];
        let word_ends = !rest.starts_with(char::is_alphanumeric);
        (head.eq_ignore_ascii_case(prefix) && word_ends).then_some(rest)
    })?;
    let locator = rest
        .trim_start_matches(|c: char| {
            c == '.' || c == ',' || c == ':' || c == ';' || c.is_whitespace()
        })
        .trim_end_matches(|c: char| c == '.' || c.is_whitespace());
    Some((!locator.is_empty()).then(|| locator.to_string()))
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
    let text = text.trim();
    let mut citation = Citation {
        url: url_ranges(text)
            .first()
            .map(|r| text[r.clone()].to_string()),
        ..Citation::default()
    };
    if let Some(end) = apa_authors(text, &mut citation) {
        apa_rest(&text[end..], &mut citation);
    } else if let Some(open) = apa_group_author(text, &mut citation) {
        apa_rest(&text[open..], &mut citation);
    } else {
        chicago(text, &mut citation);
    }
    citation
}

/// Where the text after an APA date starts ("Merat, A. (2018, November 9)|. Title…"),
/// or `None` when `text` does not open with APA authors and a dated parenthesis.
pub(super) fn apa_after_date(text: &str) -> Option<usize> {
    let mut scratch = Citation::default();
    let start = apa_authors(text, &mut scratch).or_else(|| apa_group_author(text, &mut scratch))?;
    let rest = &text[start..];
    let skipped = rest.len() - rest.trim_start_matches([' ', '.']).len();
    let date = rest[skipped..].strip_prefix('(')?;
    let close = date.find(')').filter(|&close| close <= 40)?;
    let inner = &date[..close];
    let dated = first_year(inner).is_some() || inner.trim() == "n.d.";
    dated.then_some(start + skipped + 1 + close + 1)
}

/// Lowercase letters and digits, every other run collapsed to one space: the form in
/// which titles and surnames are compared.
pub(super) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// APA authors "Surname, I. I., & Surname, I." from the start of `text`; returns the
/// byte offset where they end.
fn apa_authors(text: &str, citation: &mut Citation) -> Option<usize> {
    let mut pos = 0;
    let mut end = None;
    while let Some((author_end, surname)) = apa_author(text, pos) {
        citation.authors.push(text[pos..author_end].to_string());
        citation.surnames.push(fold(surname));
        end = Some(author_end);
        let rest = &text[author_end..];
        let Some(sep) = [", & ", ", and ", " & ", " and ", ", "]
            .iter()
            .find(|s| rest.starts_with(*s))
        else {
            break;
        };
        pos = author_end + sep.len();
    }
    if end.is_none() {
        citation.authors.clear();
        citation.surnames.clear();
    }
    end
}

/// One "Surname, I. I." at `pos`: its end and the surname.
fn apa_author(text: &str, pos: usize) -> Option<(usize, &str)> {
    let rest = text.get(pos..)?;
    let comma = rest.find(", ")?;
    let surname = &rest[..comma];
    let plausible = surname.starts_with(char::is_uppercase)
        && surname.chars().count() <= 40
        && surname.split_whitespace().count() <= 4
        && surname
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’'));
    if !plausible {
        return None;
    }
    let initials = &rest[comma + 2..];
    let mut len = 0;
    let mut chars = initials.char_indices().peekable();
    // Initials: "A.", "M. C.", "J.-P.", "Ch." — a capital, optional lowercase, a period.
    while let Some((_, c)) = chars.next() {
        if !c.is_uppercase() {
            break;
        }
        // At most one lowercase letter: "Jonathan." is a given name, not an initial.
        chars.next_if(|(_, c)| c.is_lowercase());
        let Some((dot, _)) = chars.next_if(|(_, c)| *c == '.') else {
            break;
        };
        len = dot + 1;
        if chars.next_if(|(_, c)| *c == ' ' || *c == '-').is_none() {
            break;
        }
    }
    if len == 0 {
        return None;
    }
    let after = &initials[len..];
    let ends = after.is_empty() || after.starts_with([',', ' ', '.', '(']);
    ends.then_some((pos + comma + 2 + len, surname))
}

/// "Human Rights Watch. (2019). Title." — an APA author the initials test does not
/// take (a group, an unusual name) before a parenthesised date. Returns where the
/// date starts.
fn apa_group_author(text: &str, citation: &mut Citation) -> Option<usize> {
    let open = text.find(" (")?;
    let author = text[..open].trim_end_matches(['.', ',']).trim();
    let date = &text[open + 2..];
    let plausible = !author.is_empty()
        && author.chars().count() <= 120
        && !author.contains(". ")
        && date.get(..4).is_some_and(is_year)
        && date.find(')').is_some_and(|close| close <= 40);
    if !plausible {
        return None;
    }
    let surname = author
        .split_once(", ")
        .map_or(author, |(surname, _)| surname);
    citation.authors.push(author.to_string());
    citation.surnames.push(fold(surname));
    Some(open + 1)
}

/// After APA authors: "(2018, November 9). Title. Publisher." or, for a short form,
/// ", Title".
fn apa_rest(rest: &str, citation: &mut Citation) {
    let trimmed = rest.trim_start_matches([' ', '.']);
    if let Some(date) = trimmed.strip_prefix('(') {
        let close = date.find(')').unwrap_or(date.len());
        citation.year = first_year(&date[..close]);
        let after = date.get(close + 1..).unwrap_or("");
        citation.title = first_sentence(after.trim_start_matches(['.', ' ']));
    } else if let Some(short) = rest.strip_prefix(',') {
        citation.title = clean_title(short);
    } else {
        let title = first_sentence_str(trimmed);
        citation.year = last_year(&outside(trimmed, title));
        citation.title = title.and_then(clean_title);
    }
}

/// `text` without `part`, a slice of it: a year in a title ("The 1979 Revolution") is
/// not the date of the work.
fn outside(text: &str, part: Option<&str>) -> String {
    let Some(part) = part else {
        return text.to_string();
    };
    let start = (part.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
    let end = start + part.len();
    match (text.get(..start), text.get(end..)) {
        (Some(before), Some(after)) => format!("{before} {after}"),
        _ => text.to_string(),
    }
}

/// Chicago: "Surname, First, and First Surname. "Title." …" or the short
/// "Surname, "Title."", or a sentence of authors followed by a sentence of title.
fn chicago(text: &str, citation: &mut Citation) {
    let quoted = text
        .char_indices()
        .find(|(_, c)| matches!(c, '“' | '"'))
        .and_then(|(open, q)| {
            let inner = &text[open + q.len_utf8()..];
            let close = inner.find(['”', '"'])?;
            Some((open, &inner[..close]))
        });
    let (names, title) = match quoted {
        Some((open, title)) => (&text[..open], Some(title)),
        None => match text.split_once(". ") {
            Some((names, rest)) if looks_like_names(names) => (names, first_sentence_str(rest)),
            _ => ("", first_sentence_str(text)),
        },
    };
    citation.year = last_year(&outside(text, title));
    citation.title = title.and_then(clean_title);
    let names = names.trim().trim_end_matches([',', '.', ' ']);
    if names.is_empty() {
        return;
    }
    let names = names.replace(", and ", " and ").replace(" & ", " and ");
    for (i, name) in names.split(" and ").flat_map(|n| n.split("; ")).enumerate() {
        let name = name.trim().trim_end_matches(',');
        if name.is_empty() || fold(name) == "et al" {
            continue;
        }
        // Only the first author is inverted ("Cole, Matthew"); later ones read "First Last".
        let surname = match name.split_once(", ") {
            Some((surname, _)) if i == 0 => surname,
            _ => name.rsplit(' ').next().unwrap_or(name),
        };
        citation.authors.push(name.to_string());
        citation.surnames.push(fold(surname));
    }
}

pub(super) fn looks_like_names(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 8
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || matches!(*w, "and" | "&" | "et" | "al."))
}

fn first_sentence(text: &str) -> Option<String> {
    first_sentence_str(text).and_then(clean_title)
}

/// Up to the first period that ends a sentence (followed by a space or the end).
fn first_sentence_str(text: &str) -> Option<&str> {
    let end = text
        .match_indices('.')
        .map(|(i, _)| i)
        .find(|&i| text[i + 1..].is_empty() || text[i + 1..].starts_with(char::is_whitespace))
        .unwrap_or(text.len());
    Some(&text[..end]).filter(|t| !t.trim().is_empty())
}

fn clean_title(text: &str) -> Option<String> {
    let title = text
        .trim()
        .trim_matches(['“', '”', '"'])
        .trim_end_matches(['.', ',', '…', ' '])
        .trim();
    (!title.is_empty()).then(|| title.to_string())
}

fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && matches!(word.as_bytes()[0], b'1' | b'2')
}

fn years(text: &str) -> impl DoubleEndedIterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|w| is_year(w))
}

fn first_year(text: &str) -> Option<String> {
    years(text).next().map(str::to_string)
}

/// Chicago puts the year at the end ("…, July 28, 2014."); URLs are no place for one.
fn last_year(text: &str) -> Option<String> {
    let mut without_urls = String::with_capacity(text.len());
    let mut at = 0;
    for range in url_ranges(text) {
        without_urls.push_str(&text[at..range.start]);
        without_urls.push(' ');
        at = range.end;
    }
    without_urls.push_str(&text[at..]);
    years(&without_urls).next_back().map(str::to_string)
}

/// Byte ranges of URLs written in `text` (http, https, www., doi:), in order. Trailing
/// sentence punctuation and an unbalanced closing parenthesis are not part of a URL.
pub(crate) fn url_ranges(text: &str) -> Vec<Range<usize>> {
    let lower = text.as_bytes().to_ascii_lowercase();
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut found = 0;
    while found < lower.len() {
        let starts_url = ["https://", "http://", "www.", "doi:"]
            .iter()
            .any(|p| lower[found..].starts_with(p.as_bytes()));
        let at_word_start = found == 0 || !lower[found - 1].is_ascii_alphanumeric();
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
        assert_eq!(parse_ibid("Ibidson, K. (2001). T."), None);
        assert_eq!(parse_ibid("Ié"), None);
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
