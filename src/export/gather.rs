//! One list of works from the sources of every document: duplicates dropped, each with
//! a citation key and the structured fields every format writes.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Document, Name, Source, WorkKind};
use crate::slug::slug;

/// One work of the library, in the shape every format writes.
#[derive(Debug, Clone, PartialEq)]
pub struct Work {
    /// The citation key: readable, unique within the library ("varga2012salt").
    pub key: String,
    /// What sort of work it is.
    pub kind: WorkKind,
    /// The authors (or, without authors, the editors the parser found).
    pub authors: Vec<Creator>,
    /// The author list ended in "et al.".
    pub et_al: bool,
    /// The editors, besides the authors.
    pub editors: Vec<Creator>,
    /// The title; the whole citation when the parser found no title, so nothing is lost.
    pub title: String,
    /// When it was published, as far as the citation says.
    pub date: Option<Date>,
    /// Journal, newspaper, website or (for a chapter) book.
    pub container: Option<String>,
    /// Publisher.
    pub publisher: Option<String>,
    /// Place of publication.
    pub place: Option<String>,
    /// Volume.
    pub volume: Option<String>,
    /// Issue or number.
    pub issue: Option<String>,
    /// Pages in the container ("45–67").
    pub pages: Option<String>,
    /// DOI without resolver prefix.
    pub doi: Option<String>,
    /// URL.
    pub url: Option<String>,
}

impl Work {
    /// Whether an article appeared in a journal (the citation gives a volume or issue)
    /// rather than a newspaper, magazine or site: the formats that tell them apart ask.
    pub fn in_journal(&self) -> bool {
        self.volume.is_some() || self.issue.is_some()
    }
}

/// A person or organisation credited with a work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Creator {
    /// A person's name in parts; `given` is `None` when only the family name is known.
    Person {
        /// Family name, particles included ("van Gogh").
        family: String,
        /// Given names or initials ("Ilona", "R. T.").
        given: Option<String>,
    },
    /// A name to print as it is: an organisation, or a display name folio could not
    /// split into family and given names.
    Literal(String),
}

/// A publication date, validated: month 1–12, a day that month has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// The year (1–9999).
    pub year: u16,
    /// The month, 1–12.
    pub month: Option<u8>,
    /// The day of the month, from 1; only with a month.
    pub day: Option<u8>,
}

impl Date {
    /// The date in ISO 8601 form, as far as known: "2012", "2018-11", "2018-11-09".
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }
}

/// The works cited by `documents`, in order of first appearance (documents in the
/// order given, each in its bibliography's order). A citation written identically
/// (whitespace and a final full stop aside) in several documents is one work.
pub fn gather(documents: &[Document]) -> Vec<Work> {
    let mut seen = BTreeSet::new();
    let mut keys = Keys::default();
    let mut works = Vec::new();
    for source in documents.iter().flat_map(|doc| &doc.sources) {
        if !seen.insert(same_citation(&source.citation)) {
            continue;
        }
        let mut work = work(source);
        work.key = keys.unique(base_key(&work));
        works.push(work);
    }
    works
}

/// The form of a citation two documents must share to be one work.
fn same_citation(citation: &str) -> String {
    let words: Vec<&str> = citation.split_whitespace().collect();
    words.join(" ").trim_end_matches('.').to_string()
}

fn work(source: &Source) -> Work {
    let details = &source.details;
    // An edited book's editors stand in its names too (`Details::names`): they are
    // written once, as editors, or citeproc prints them twice ("Hobsbawm and Ranger,
    // ed. by Hobsbawm and Ranger").
    let edited = !details.editors.is_empty() && details.names == details.editors;
    let (authors, et_al) = if edited {
        (Vec::new(), false)
    } else if details.names.is_empty() {
        display_names(&source.authors)
    } else {
        (details.names.iter().map(creator).collect(), details.et_al)
    };
    let date = details
        .date
        .as_deref()
        .and_then(parse_date)
        .or_else(|| source.year.as_deref().and_then(parse_year));
    let field = |value: &Option<String>| value.as_ref().filter(|v| !v.trim().is_empty()).cloned();
    let container = field(&details.container);
    let volume = field(&details.volume);
    let issue = field(&details.issue);
    let url = field(&source.url);
    let kind = details.kind.unwrap_or(if container.is_some() {
        WorkKind::Article
    } else if url.is_some() {
        WorkKind::WebPage
    } else {
        WorkKind::Other
    });
    Work {
        key: String::new(),
        kind,
        authors,
        et_al,
        editors: details.editors.iter().map(creator).collect(),
        title: field(&source.title).unwrap_or_else(|| source.citation.trim().to_string()),
        date,
        container,
        publisher: field(&details.publisher),
        place: field(&details.place),
        volume,
        issue,
        pages: field(&details.pages),
        doi: field(&details.doi),
        url,
    }
}

fn creator(name: &Name) -> Creator {
    if name.organisation {
        Creator::Literal(name.family.clone())
    } else {
        Creator::Person {
            family: name.family.clone(),
            given: name.given.clone().filter(|g| !g.trim().is_empty()),
        }
    }
}

/// Structured names from display strings, for sources the citation parser left without
/// them: "Merat, A." is family "Merat", given "A."; anything else stays as written.
/// A last "et al." becomes the flag.
fn display_names(authors: &[String]) -> (Vec<Creator>, bool) {
    let mut et_al = false;
    let mut names = Vec::new();
    for author in authors {
        let author = author.trim();
        let bare = author.trim_end_matches('.').to_lowercase();
        if bare == "et al" || bare == "and others" {
            et_al = true;
            continue;
        }
        match author.split_once(',') {
            Some((family, given)) if !family.trim().is_empty() && !given.contains(',') => {
                let given = given.trim();
                names.push(Creator::Person {
                    family: family.trim().to_string(),
                    given: (!given.is_empty()).then(|| given.to_string()),
                });
            }
            _ if !author.is_empty() => names.push(Creator::Literal(author.to_string())),
            _ => {}
        }
    }
    (names, et_al)
}

/// "2012", "2018-11" or "2018-11-09" (the model's ISO form) as a checked date.
fn parse_date(iso: &str) -> Option<Date> {
    let mut parts = iso.trim().split('-');
    let year = parse_year(parts.next()?)?.year;
    let month = match parts.next() {
        Some(m) => Some(m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?),
        None => None,
    };
    let day = match (month, parts.next()) {
        (Some(month), Some(d)) => Some(
            d.parse::<u8>()
                .ok()
                .filter(|d| *d >= 1 && *d <= days_in(year, month))?,
        ),
        (None, Some(_)) => return None,
        (_, None) => None,
    };
    if parts.next().is_some() {
        return None;
    }
    Some(Date { year, month, day })
}

/// A year as the display field holds it ("2018", "2018a"): four digits first.
fn parse_year(text: &str) -> Option<Date> {
    let text = text.trim();
    let digits = text
        .get(..4)
        .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?;
    if text[4..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let year = digits.parse::<u16>().ok().filter(|y| *y >= 1)?;
    Some(Date {
        year,
        month: None,
        day: None,
    })
}

fn days_in(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Words a key skips in a title: articles and the commonest short function words, in
/// the languages folio reads.
const SKIPPED_WORDS: &[&str] = &[
    "a", "an", "the", "le", "la", "les", "l", "un", "une", "des", "der", "die", "das", "ein",
    "eine", "el", "los", "las", "il", "lo", "gli", "i", "uno", "o", "os", "as", "um", "uma", "de",
    "het", "een", "of", "on", "in", "and", "for", "to", "at", "by", "with", "from", "du", "et",
    "und", "von", "y", "e", "del", "di", "da", "en",
];

/// "varga2012salt": the first author's family name, the year and the title's first word
/// that is not an article or function word, folded to ASCII letters and digits. Without
/// an author, the title's first two such words stand around the year
/// ("charter1999harbour").
fn base_key(work: &Work) -> String {
    let author = work
        .authors
        .first()
        .or(work.editors.first())
        .map(|a| match a {
            Creator::Person { family, .. } => key_part(family),
            Creator::Literal(name) => key_part(name.split_whitespace().next().unwrap_or("")),
        });
    let year = work.date.map(|d| d.year.to_string()).unwrap_or_default();
    let mut words = work
        .title
        .split(|c: char| !c.is_alphanumeric())
        .map(key_part)
        .filter(|w| !w.is_empty() && !SKIPPED_WORDS.contains(&w.as_str()));
    let first = words.next().unwrap_or_default();
    let key = match author.filter(|a| !a.is_empty()) {
        Some(author) => format!("{author}{year}{first}"),
        None => format!("{first}{year}{}", words.next().unwrap_or_default()),
    };
    if key.starts_with(|c: char| c.is_ascii_alphabetic()) {
        key
    } else {
        format!("ref{key}")
    }
}

/// Lowercase ASCII letters and digits only ("van Gogh" → "vangogh", "Łódź" → "lodz").
fn key_part(text: &str) -> String {
    slug(text, "").replace('-', "")
}

/// Keys handed out so far: a key already taken gets "a", "b", … "z", "aa"… appended,
/// so the first work keeps its plain key whatever is added after it.
#[derive(Default)]
struct Keys {
    taken: BTreeMap<String, usize>,
}

impl Keys {
    fn unique(&mut self, base: String) -> String {
        if !self.taken.contains_key(&base) {
            self.taken.insert(base.clone(), 0);
            return base;
        }
        loop {
            let count = self.taken.get_mut(&base).expect("base is taken");
            *count += 1;
            let candidate = format!("{base}{}", letters(*count));
            if !self.taken.contains_key(&candidate) {
                self.taken.insert(candidate.clone(), 0);
                return candidate;
            }
        }
    }
}

/// 1 → "a", 26 → "z", 27 → "aa".
fn letters(mut n: usize) -> String {
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(b'a' + (n % 26) as u8);
        n /= 26;
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII letters")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked() {
        let d = parse_date("2018-11-09").unwrap();
        assert_eq!((d.year, d.month, d.day), (2018, Some(11), Some(9)));
        assert_eq!(d.iso(), "2018-11-09");
        assert_eq!(parse_date("2012").unwrap().iso(), "2012");
        assert_eq!(parse_date("2018-11").unwrap().iso(), "2018-11");
        assert_eq!(parse_date("2020-02-29").unwrap().iso(), "2020-02-29");
        for bad in [
            "2019-02-29",
            "2018-13",
            "2018-00",
            "2018-04-31",
            "18",
            "2018-1-2-3",
            "",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert_eq!(parse_year("2018a").unwrap().year, 2018);
        assert_eq!(parse_year("20181"), None);
        assert_eq!(parse_year("n.d."), None);
    }

    #[test]
    fn display_names_split_on_the_comma_only() {
        let authors = ["Merat, A.", "World Health Organization", "et al."].map(String::from);
        let (names, et_al) = display_names(&authors);
        assert!(et_al);
        assert_eq!(
            names,
            [
                Creator::Person {
                    family: "Merat".into(),
                    given: Some("A.".into())
                },
                Creator::Literal("World Health Organization".into()),
            ]
        );
    }

    #[test]
    fn keys_are_readable_and_unique() {
        let mut keys = Keys::default();
        assert_eq!(keys.unique("varga2012salt".into()), "varga2012salt");
        assert_eq!(keys.unique("varga2012salt".into()), "varga2012salta");
        assert_eq!(keys.unique("varga2012salt".into()), "varga2012saltb");
        assert_eq!(letters(26), "z");
        assert_eq!(letters(27), "aa");
        let work = |authors, title: &str| Work {
            key: String::new(),
            kind: WorkKind::Book,
            authors,
            et_al: false,
            editors: vec![],
            title: title.into(),
            date: parse_year("2012"),
            container: None,
            publisher: None,
            place: None,
            volume: None,
            issue: None,
            pages: None,
            doi: None,
            url: None,
        };
        let varga = Creator::Person {
            family: "Varga".into(),
            given: Some("Ilona".into()),
        };
        assert_eq!(
            base_key(&work(vec![varga], "The Salt Roads: Trade and Power")),
            "varga2012salt"
        );
        assert_eq!(
            base_key(&work(vec![], "Charter of the Harbour Guilds")),
            "charter2012harbour"
        );
        assert_eq!(base_key(&work(vec![], "Устав")), "ref2012");
    }
}
