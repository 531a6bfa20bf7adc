//! The date of a reference in ISO 8601 form, as far as it is given: "2012",
//! "2018-11", "2018-11-09". Reads "(2018, November 9)", "9 Nov. 2018", "July 28,
//! 2014", "2014-07-28", "septembre 2014", "9 мая 2018".

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
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
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
    }
}
