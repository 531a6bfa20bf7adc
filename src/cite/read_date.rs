//! The date of a reference in ISO 8601 form, as far as it is given: "2012",
//! "2018-11", "2018-11-09". Reads "(2018, November 9)", "9 Nov. 2018", "July 28,
//! 2014", "2014-07-28", "septembre 2014", "9 мая 2018".

use std::ops::Range;

use super::describe_tokens::is_year;

/// Month names by number, lowercase prefixes long enough to be unambiguous in the
/// languages folio reads (English, French, Spanish, German, Italian, Portuguese,
/// Turkish, Russian).
const MONTHS: [&[&str]; 12] = [
    &["jan", "ene", "gen", "oca", "янв"],
    &["feb", "fév", "fev", "şub", "фев"],
    &["mar", "mär", "мар"],
    &["apr", "avr", "abr", "nis", "апр"],
    &["may", "mai", "mag", "mayıs", "мая", "май"],
    &["jun", "juin", "giu", "haz", "июн"],
    &["jul", "juil", "lug", "tem", "июл"],
    &["aug", "aoû", "aou", "ago", "ağu", "авг"],
    &["sep", "set", "eyl", "сен"],
    &["oct", "okt", "ott", "out", "eki", "окт"],
    &["nov", "kas", "ноя"],
    &["dec", "déc", "dic", "dez", "ara", "дек"],
];

/// The first year in `text` ("2005a" gives "2005").
pub(super) fn first_year(text: &str) -> Option<String> {
    words(text).find(|w| is_year(w)).map(|w| w[..4].to_string())
}

/// The date written in `text`, in ISO form; `None` without a year.
pub(super) fn iso_date(text: &str) -> Option<String> {
    // "2014-07-28": already ISO.
    for w in text.split(|c: char| !(c.is_ascii_digit() || c == '-')) {
        let parts: Vec<&str> = w.split('-').collect();
        if let [y, m, d] = parts.as_slice()
            && y.len() == 4
            && is_year(y)
            && let (Ok(m), Ok(d)) = (m.parse::<u32>(), d.parse::<u32>())
            && (1..=12).contains(&m)
            && (1..=31).contains(&d)
        {
            return Some(format!("{y}-{m:02}-{d:02}"));
        }
    }
    let words: Vec<&str> = words(text).collect();
    let year_at = words.iter().position(|w| is_year(w))?;
    let year = &words[year_at][..4];
    // The month and day nearest the year, on either side.
    let month_at = words.iter().position(|w| month(w).is_some());
    let Some(month_at) = month_at.filter(|&m| m.abs_diff(year_at) <= 3) else {
        return Some(year.to_string());
    };
    let month = month(words[month_at]).unwrap_or(1);
    let day = [month_at.wrapping_sub(1), month_at + 1]
        .into_iter()
        .filter_map(|i| words.get(i))
        .find_map(|w| w.parse::<u32>().ok().filter(|d| (1..=31).contains(d)));
    Some(match day {
        Some(day) => format!("{year}-{month:02}-{day:02}"),
        None => format!("{year}-{month:02}"),
    })
}

/// Of a reference's date fields (byte ranges of `text`, in order), the part that dates
/// the edition cited: the first field with a year, unless that year is the original's
/// and a later one the edition's:
///
/// - a later year after a reprint word: "1947. Reprint, New York: Harper, 1976",
///   "(1924; repr., Oxford: Clarendon, 1997)";
/// - a year in brackets just before another: "(1980) 1986." (Chicago author-date);
/// - a bare year set as its own sentence right after the title, with a later date
///   that is not an access date: "*Atom Heart Mother*. 1970. Capitol, 1990." (MLA 9).
///
/// `None` when no field holds a year.
pub(super) fn issued(
    text: &str,
    dates: &[Range<usize>],
    title_end: Option<usize>,
) -> Option<Range<usize>> {
    // Every year in the fields: (field, the year's bytes).
    let years: Vec<(usize, Range<usize>)> = dates
        .iter()
        .enumerate()
        .flat_map(|(f, r)| {
            word_ranges(&text[r.clone()])
                .filter(|w| is_year(&text[r.start + w.start..r.start + w.end]))
                .map(move |w| (f, r.start + w.start..r.start + w.end))
        })
        .collect();
    let (first_field, first) = years.first()?.clone();
    let later = |k: usize| {
        let (f, year) = &years[k];
        // From the year's field, without the years before it.
        let from = years[..k]
            .iter()
            .filter(|(g, _)| g == f)
            .map(|(_, y)| y.end)
            .max()
            .unwrap_or(dates[*f].start);
        Some(from.max(dates[*f].start)..dates[*f].end.max(year.end))
    };
    let between = |a: usize, b: usize| text[a..b].to_lowercase();
    if let Some(k) = (1..years.len()).find(|&k| {
        let gap = between(first.end, years[k].1.start);
        REPRINT.iter().any(|w| gap.contains(w))
    }) {
        return later(k);
    }
    if let Some((_, second)) = years.get(1)
        && text[..first.start].ends_with('(')
        && text[first.end..second.start]
            .trim_start()
            .strip_prefix(')')
            .is_some_and(|r| r.trim().is_empty())
    {
        return later(1);
    }
    let field = &text[dates[first_field].clone()];
    let bare = field.trim().trim_end_matches(['.', ';']) == &text[first.clone()];
    let after_title = title_end.is_some_and(|e| {
        e <= dates[first_field].start
            && text[e..dates[first_field].start]
                .chars()
                .all(|c| !c.is_alphanumeric())
    });
    if bare
        && after_title
        && let Some(k) = (1..years.len())
            .find(|&k| years[k].0 != first_field && !access_date(text, &dates[years[k].0]))
    {
        return later(k);
    }
    Some(dates[first_field].clone())
}

/// Whether the date field `r` is an access date: an access word ("Accessed",
/// "retrieved", "consulté") comes in the few words before its first digit. What
/// follows it is the date a page was read, not published.
pub(super) fn access_date(text: &str, r: &Range<usize>) -> bool {
    let mut from = r.start.saturating_sub(40);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let to = text[r.clone()]
        .find(|c: char| c.is_ascii_digit())
        .map_or(r.end, |i| r.start + i);
    let before = text[from..to].to_lowercase();
    ACCESS.iter().any(|w| before.contains(w))
}

/// Words that introduce a reprint's facts, lowercase.
const REPRINT: &[&str] = &["reprint", "repr.", "réimpr", "reimpr", "nachdr"];

/// Words that introduce an access date, lowercase.
const ACCESS: &[&str] = &[
    "accessed",
    "retrieved",
    "viewed",
    "consulté",
    "consultado",
    "abgerufen",
    "erişim",
    "cited",
];

/// Whether `c` belongs to a word of a date: a letter or digit, but not the year sign
/// of Chinese and Japanese dates ("2007年"), which ends the number.
fn in_word(c: char) -> bool {
    c.is_alphanumeric() && c != '年'
}

/// The byte ranges of the words of `text` (see [`in_word`]).
fn word_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = &text[at..];
        let start = at + rest.find(in_word)?;
        let len = text[start..]
            .find(|c: char| !in_word(c))
            .unwrap_or(text.len() - start);
        at = start + len;
        Some(start..at)
    })
}

/// The month a word names, 1–12.
fn month(word: &str) -> Option<u32> {
    let lower = word.to_lowercase();
    if lower.chars().count() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|names| names.iter().any(|n| lower.starts_with(n)))
        .map(|i| i as u32 + 1)
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !in_word(c)).filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_many_forms() {
        assert_eq!(iso_date("(2018, November 9)."), Some("2018-11-09".into()));
        assert_eq!(iso_date("9 Nov. 2018"), Some("2018-11-09".into()));
        assert_eq!(iso_date("July 28, 2014."), Some("2014-07-28".into()));
        assert_eq!(iso_date("septembre 2014,"), Some("2014-09".into()));
        assert_eq!(iso_date("9 мая 2018 г."), Some("2018-05-09".into()));
        assert_eq!(iso_date("2014-07-28"), Some("2014-07-28".into()));
        assert_eq!(iso_date("(1999)."), Some("1999".into()));
        assert_eq!(iso_date("n.d."), None);
        assert_eq!(first_year("(2005a),"), Some("2005".into()));
        assert_eq!(first_year("上海 ： 海港 ， 2007年 。"), Some("2007".into()));
    }

    /// The year `issued` dates `text` by, given its date fields (each written once in
    /// `text`) and the title it follows.
    fn issued_year(text: &str, dates: &[&str], title: Option<&str>) -> Option<String> {
        let ranges: Vec<Range<usize>> = dates
            .iter()
            .map(|d| {
                let at = text.find(d).expect("the field is in the text");
                at..at + d.len()
            })
            .collect();
        let title_end = title.map(|t| text.find(t).expect("the title is in the text") + t.len());
        issued(text, &ranges, title_end).and_then(|r| first_year(&text[r]))
    }

    #[test]
    fn a_reprint_or_later_edition_is_dated_by_its_own_year() {
        let text = "Tide Band, *Salt Songs*, compact disc (1971; repr., Harbour, 1994).";
        assert_eq!(
            issued_year(text, &["(1971;", "1994)."], None),
            Some("1994".into())
        );
        let text = "Varga, I. “Letters.” 1948. Reprint, Szeged: Tisza Press, 1977.";
        assert_eq!(
            issued_year(text, &["1948.", "1977."], None),
            Some("1977".into())
        );
        let text = "Lind, K. D. (1981) 1987. Ballast pumps for small harbours.";
        assert_eq!(
            issued_year(text, &["(1981) 1987."], None),
            Some("1987".into())
        );
        let text = "李明 ， 《港口史》 。 上海 ： 海港 ， 2007年 。";
        assert_eq!(issued_year(text, &["2007年 。"], None), Some("2007".into()));
        // MLA 9: the original year as its own sentence after the title.
        let text = "Ames, Petra. “Salt Lanes.” 1891. *Harbour Quarterly*, winter 2016.";
        assert_eq!(
            issued_year(text, &["1891.", "winter 2016."], Some("Salt Lanes")),
            Some("2016".into())
        );
    }

    #[test]
    fn an_access_date_or_a_year_in_the_sentence_does_not_date_a_work() {
        let text = "Doe, J. “Title.” 2019. Accessed May 3, 2021. https://x.org";
        assert_eq!(
            issued_year(text, &["2019.", "May 3, 2021."], Some("Title")),
            Some("2019".into())
        );
        // A year not right after the title is the date; a later one is another date.
        let text = "Doe, J. 2019. Title. Journal, 2020.";
        assert_eq!(
            issued_year(text, &["2019.", "2020."], Some("Title")),
            Some("2019".into())
        );
        assert_eq!(
            issued_year("Doe, J. Title. n.d.", &["n.d."], Some("Title")),
            None
        );
    }
}
