//! Legal citations, read by rule: the labeller was trained on scholarly references and
//! has no labels for a reporter, a court or a section, while these citations follow
//! fixed grammars. Three kinds are read, in the forms of the Bluebook (US law reviews)
//! and OSCOLA (UK and Commonwealth writers):
//!
//! - a case: its name, then the report it is printed in ("Gideon v. Wainwright, 372
//!   U.S. 335, 344 (1963)", "Marbury v. Madison, 5 U.S. (1 Cranch) 137 (1803)",
//!   "Caparo Industries plc v Dickman \[1990\] 2 AC 605 (HL)", "R v Lambert (1987) 84
//!   Cr App R 1");
//! - a constitution: "U.S. Const. amend. XIV, § 1", "Cal. Const. art. I, § 7";
//! - a statute named by its short title: "Civil Rights Act of 1964, Pub. L. No.
//!   88-352, 78 Stat. 241", "Human Rights Act 1998, s 3".
//!
//! What a note cites inside the work (the page after the first page of a report, the
//! article of a constitution, the section of an act) is its pinpoint: the note's, not
//! the work's. [`read_fields`](super::read_fields) takes these fields over the
//! labeller's when a citation reads so.

use std::ops::Range;

use super::bound_title::case_name;
use super::describe_tokens::is_year;
use super::types::Reference;
use crate::model::{Details, WorkKind};

/// What sort of legal text a citation names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LegalKind {
    /// A court decision, with the report it is printed in.
    Case,
    /// A constitution.
    Constitution,
    /// A statute named by its short title.
    Statute,
}

/// The fields of a legal citation.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Legal {
    pub kind: LegalKind,
    /// The case name, the constitution ("U.S. Const."), the act's short title.
    pub title: Range<usize>,
    /// The year of the decision or the act.
    pub year: Option<String>,
    /// The report's volume ("372"), or the volume of the session laws ("78").
    pub volume: Option<String>,
    /// The reporter ("U.S.", "AC", "Cr App R", "Stat.").
    pub reporter: Option<String>,
    /// The first page of the report ("335").
    pub page: Option<String>,
    /// The court, as abbreviated in the parenthetical ("HL", "9th Cir.").
    pub court: Option<String>,
    /// A statute's public law number ("88-352").
    pub number: Option<String>,
    /// Where in the work the note points ("344", "amend. VI", "s 3"): the byte range
    /// in the text.
    pub pinpoint: Option<Range<usize>>,
}

/// The volume, reporter and first page of a report: "372 U.S. 335", "5 U.S. (1
/// Cranch) 137", "2 AC 605", "AC 562", and in a short form "372 U.S. at 344" (no
/// first page).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Report {
    pub volume: Option<String>,
    pub reporter: String,
    pub page: Option<String>,
    /// Where the report ends in the text (after the page, or before " at").
    pub end: usize,
}

/// The most words a reporter's abbreviation runs to ("L. Ed. 2d", "Cr App R").
const MAX_REPORTER_WORDS: usize = 5;

/// Takes the fields of a legal citation over what the labeller read from `text`: the
/// name as title, no authors, the report as volume, container and first page, the
/// court, the year, the pinpoint. Anything else is left as read.
pub(super) fn take_legal(text: &str, reference: &mut Reference) {
    let Some(legal) = read_legal(text) else {
        return;
    };
    // The title as written: "U.S. Const." keeps its stop.
    let title = legal.title.clone();
    reference.title = Some(text[title.clone()].replace('*', ""));
    reference.title_span = Some(title);
    reference.authors.clear();
    reference.container_span = None;
    // What the labeller took for a publisher, place, volume or pages ("s 3" read as
    // page 3) was the report or the pinpoint.
    let details = &mut reference.details;
    *details = Details {
        date: details.date.take(),
        doi: details.doi.take(),
        container: legal.reporter,
        volume: legal.volume,
        pages: legal.page,
        issue: legal.number,
        court: legal.court,
        kind: Some(WorkKind::Legal),
        ..Details::default()
    };
    if let Some(year) = legal.year {
        if !details
            .date
            .as_deref()
            .is_some_and(|d| d.starts_with(&year))
        {
            details.date = Some(year.clone());
        }
        reference.year = Some(year);
    }
    reference.emphasis = None;
    reference.pinpoint = legal.pinpoint;
}

/// Reads a legal citation, or `None` when `text` is not one of the forms above.
pub(crate) fn read_legal(text: &str) -> Option<Legal> {
    if let Some(name) = case_name(text) {
        return read_case(text, name);
    }
    read_constitution(text).or_else(|| read_statute(text))
}

/// Whether `text` reads as a legal citation of one of the forms above: cheaper words
/// are looked for first, as most notes are none.
pub(crate) fn is_legal(text: &str) -> bool {
    let maybe = [" v. ", " v ", "Const.", "Act", "SI ", "SR & O "]
        .iter()
        .any(|w| text.contains(w));
    maybe && read_legal(text).is_some_and(|legal| !prose(&text[legal.title]))
}

/// Lowercase words a case name or a statute's title may hold.
const NAME_SMALL_WORDS: &[&str] = &[
    "of", "the", "and", "for", "on", "to", "in", "re", "ex", "parte", "rel.", "v", "v.", "plc",
    "ltd", "de", "la", "&",
];

/// Whether a name is prose: it holds a lowercase word that no name holds ("The Court
/// relied on Gideon v. Wainwright, 372 U.S. 335 (1963)" names no case "The Court
/// relied on Gideon").
fn prose(name: &str) -> bool {
    name.split_whitespace()
        .any(|w| w.starts_with(char::is_lowercase) && !NAME_SMALL_WORDS.contains(&w))
}

/// The words of `text` from byte `from`, each with where it starts and ends.
pub(super) fn words(text: &str, from: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text[from..].char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((from + s, from + i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((from + s, text.len()));
    }
    out
}

fn digits(word: &str) -> bool {
    !word.is_empty() && word.len() <= 5 && word.bytes().all(|b| b.is_ascii_digit())
}

/// A word of a reporter's abbreviation: "U.S.", "F.3d", "Supp.", "AC", "WLR", "All",
/// "ER", "Cr", and the series ordinals "2d", "3d", "4th".
fn reporter_word(word: &str) -> bool {
    let ordinal = word.len() <= 4
        && word.starts_with(|c: char| c.is_ascii_digit())
        && ["d", "st", "nd", "rd", "th"].iter().any(|s| {
            word.ends_with(s)
                && word[..word.len() - s.len()]
                    .bytes()
                    .all(|b| b.is_ascii_digit())
        });
    ordinal
        || word.len() <= 10
            && word.starts_with(|c: char| c.is_ascii_uppercase())
            && word
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '\'' | '&'))
}

/// Reads a report from byte `from`: "372 U.S. 335", "5 U.S. (1 Cranch) 137", "AC 562"
/// (`volume` false: OSCOLA's year in brackets stands for it), "372 U.S. at 344" (no
/// first page; `end` is before "at").
pub(crate) fn read_report(text: &str, from: usize, volume: bool) -> Option<Report> {
    let words = words(text, from);
    let word = |i: usize| words.get(i).map(|&(s, e)| &text[s..e]);
    let mut i = 0;
    let mut report = Report {
        volume: None,
        reporter: String::new(),
        page: None,
        end: from,
    };
    if let Some(v) = word(0).filter(|w| digits(w)) {
        report.volume = Some(v.to_string());
        i = 1;
    } else if volume {
        return None;
    }
    let mut reporter: Vec<&str> = Vec::new();
    while let Some(w) = word(i) {
        let bare = w.trim_end_matches([',', '.', ';']);
        if digits(bare) || w == "at" {
            break;
        }
        // "5 U.S. (1 Cranch) 137": the nominative reporter is no part of the name.
        if w.starts_with('(') && !reporter.is_empty() {
            let close = (i..words.len()).find(|&k| word(k).is_some_and(|w| w.ends_with(')')))?;
            i = close + 1;
            continue;
        }
        if !reporter_word(w) || reporter.len() == MAX_REPORTER_WORDS {
            return None;
        }
        reporter.push(w);
        i += 1;
    }
    if reporter.is_empty() {
        return None;
    }
    report.reporter = reporter.join(" ");
    let last = words.get(i)?;
    let w = &text[last.0..last.1];
    if w == "at" {
        report.end = words[i - 1].1;
        return Some(report);
    }
    let page = w.trim_end_matches([',', '.', ';']);
    report.page = Some(page.to_string());
    report.end = last.0 + page.len();
    Some(report)
}

/// A case: its name, then a Bluebook report (", 372 U.S. 335, 344 (1963)") or an
/// OSCOLA one (" \[1990\] 2 AC 605, 617 (HL)", " (1987) 84 Cr App R 1").
fn read_case(text: &str, name: Range<usize>) -> Option<Legal> {
    let after = text.len()
        - text[name.end..]
            .trim_start_matches(['.', ',', ' ', '*', '_'])
            .len();
    let rest = &text[after..];
    let mut year = None;
    let report = if let Some(inner) = rest.strip_prefix(['[', '(']) {
        // OSCOLA: the year first, in square brackets when it is the report's volume.
        let close = inner.find([']', ')'])?;
        let y = &inner[..close];
        if !is_year(y) {
            return None;
        }
        year = Some(y.to_string());
        let from = text.len() - text[after + 1 + close + 1..].trim_start().len();
        read_report(text, from, rest.starts_with('('))?
    } else {
        read_report(text, after, true)?
    };
    let mut at = report.end;
    let mut legal = Legal {
        kind: LegalKind::Case,
        title: name,
        year,
        volume: report.volume,
        reporter: Some(report.reporter),
        page: report.page,
        court: None,
        number: None,
        pinpoint: None,
    };
    // ", 344", ", 344–47", ", 344 n.5": the page the note points to.
    if let Some(tail) = text[at..].strip_prefix(", ")
        && tail.starts_with(|c: char| c.is_ascii_digit())
    {
        let start = at + 2;
        let len = tail
            .find([' ', '(', ';', '['])
            .map_or(tail.len(), |i| i)
            .min(tail.find(" (").unwrap_or(tail.len()));
        let pin = tail[..len].trim_end_matches(['.', ',']);
        if !pin.is_empty() {
            legal.pinpoint = Some(start..start + pin.len());
            at = start + pin.len();
        }
    }
    // "(1963)", "(9th Cir. 1999)", "(HL)": the court and the year.
    if let Some(inner) = text[at..].trim_start_matches([',', ' ']).strip_prefix('(')
        && let Some(close) = inner.find(')')
    {
        let inner = inner[..close].trim();
        match inner.rsplit_once(' ') {
            _ if is_year(inner) => legal.year = Some(inner.to_string()),
            Some((court, y)) if is_year(y) => {
                legal.year.get_or_insert_with(|| y.to_string());
                legal.court = Some(court.trim_end_matches(',').to_string());
            }
            _ if inner.split_whitespace().count() <= 3
                && inner.starts_with(|c: char| c.is_uppercase())
                && !inner.contains(',') =>
            {
                legal.court = Some(inner.to_string());
            }
            _ => {}
        }
    }
    Some(legal)
}

/// "U.S. Const. amend. VI", "Cal. Const. art. I, § 7": up to three abbreviated words,
/// "Const.", and the part cited.
fn read_constitution(text: &str) -> Option<Legal> {
    let at = text.find(" Const.")?;
    let start = text.len() - text.trim_start_matches([' ', '*', '_']).len();
    let whose = &text[start..at];
    let abbreviated = !whose.is_empty()
        && whose.split(' ').count() <= 3
        && whose
            .split(' ')
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) && w.ends_with('.'));
    if !abbreviated {
        return None;
    }
    let end = at + " Const.".len();
    let rest = text[end..].trim_start_matches([' ', ',', '*', '_']);
    let pin = rest.trim_end_matches(['.', ' ', ';']);
    let pin_start = text.len() - rest.len();
    Some(Legal {
        kind: LegalKind::Constitution,
        title: start..end,
        year: None,
        volume: None,
        reporter: None,
        page: None,
        court: None,
        number: None,
        pinpoint: (!pin.is_empty()).then(|| pin_start..pin_start + pin.len()),
    })
}

/// Small words a statute's short title keeps lowercase ("Act for the Prevention of…").
const TITLE_SMALL_WORDS: &[&str] = &["of", "and", "for", "the", "on", "to", "in", "&"];

/// "Civil Rights Act of 1964, Pub. L. No. 88-352, 78 Stat. 241", "Human Rights Act
/// 1998, s 3": a short title of capitalised words ending in "Act", with its year, then
/// parts after commas: the public law number, the session laws' volume, "Stat." and
/// page, a section, a year in parentheses.
fn read_statute(text: &str) -> Option<Legal> {
    let start = text.len() - text.trim_start_matches([' ', '*', '_']).len();
    let words = words(text, start);
    let act = words.iter().position(|&(s, e)| {
        matches!(
            text[s..e].trim_end_matches([',', '.']),
            "Act" | "Order" | "Regulations" | "Rules"
        )
    })?;
    // An order, regulations or rules are a statutory instrument only with its number;
    // so is Scotland's "Act of Adjournal (Criminal Appeals) 2003", whose title runs
    // to its year.
    let word = |k: usize| words.get(k).map(|&(s, e)| &text[s..e]);
    let scots = act == 0 && word(1) == Some("of");
    let act = if scots {
        let year = (2..words.len().min(14))
            .find(|&k| word(k).is_some_and(|w| is_year(w.trim_end_matches([',', '.']))))?;
        year - 1
    } else {
        act
    };
    let instrument =
        scots || text[words[act].0..words[act].1].trim_end_matches([',', '.']) != "Act";
    let all_capital = words[..act].iter().all(|&(s, e)| {
        // "(Amendment of Minimum Age)": a parenthesis inside the title.
        let w = text[s..e].trim_start_matches('(').trim_end_matches(')');
        w.starts_with(|c: char| c.is_uppercase()) || TITLE_SMALL_WORDS.contains(&w)
    });
    if act == 0
        || act > 12
        || !all_capital
        || text[words[0].0..words[0].1].starts_with(char::is_lowercase)
    {
        return None;
    }
    let (head_start, head_end) = words[act];
    let mut end = head_start
        + text[head_start..head_end]
            .trim_end_matches([',', '.'])
            .len();
    let mut year = None;
    // "Act of 1964", "Act 1998"
    let next = |k: usize| {
        words
            .get(k)
            .map(|&(s, e)| (s, text[s..e].trim_end_matches([',', '.', ';'])))
    };
    if !text[words[act].0..words[act].1].ends_with([',', '.'])
        && let Some((s, w)) = next(act + 1)
    {
        if is_year(w) {
            year = Some(w.to_string());
            end = s + 4;
        } else if w == "of"
            && let Some((s, y)) = next(act + 2)
            && is_year(y)
        {
            year = Some(y.to_string());
            end = s + 4;
        }
    }
    let mut legal = Legal {
        kind: LegalKind::Statute,
        title: start..end,
        year,
        volume: None,
        reporter: None,
        page: None,
        court: None,
        number: None,
        pinpoint: None,
    };
    // "Great Western Railway Act 1835 (5 & 6 Will. 4, c. cvii)", "Human Rights Act
    // 1998 (c. 42)": the chapter number, with the regnal year, in parentheses.
    if let Some(inner) = text[end..].strip_prefix(" (")
        && let Some(close) = inner.find(')')
        && is_chapter(&inner[..close])
    {
        legal.number = Some(inner[..close].to_string());
        end += 2 + close + 1;
    }
    let rest = &text[end..];
    // What follows the title is its parts or nothing: "Human Rights Act 1998 gave…" is
    // a sentence.
    if !rest.trim().trim_end_matches('.').is_empty() && !rest.starts_with([',', ' ']) {
        return None;
    }
    let mut at = end;
    for part in rest.split(',') {
        let part_start = at;
        at += part.len() + 1;
        let trimmed = part.trim().trim_end_matches(['.', ';']);
        if trimmed.is_empty() {
            continue;
        }
        let offset = part_start + (part.len() - part.trim_start().len());
        if let Some(n) = trimmed.strip_prefix("Pub. L. No. ") {
            legal.number = Some(n.to_string());
        } else if let Some(n) = instrument_number(trimmed) {
            legal.number = Some(n.to_string());
        } else if trimmed.starts_with(['§', '¶'])
            || ["s ", "ss ", "sch ", "art "]
                .iter()
                .any(|l| trimmed.starts_with(l))
        {
            legal.pinpoint = Some(offset..offset + trimmed.len());
        } else if let Some(y) = trimmed.strip_prefix('(').and_then(|y| y.strip_suffix(')'))
            && is_year(y)
        {
            legal.year.get_or_insert_with(|| y.to_string());
        } else if let Some(report) = read_report(text, offset, true)
            && report.end <= offset + trimmed.len()
        {
            legal.volume = report.volume;
            legal.reporter = Some(report.reporter);
            legal.page = report.page;
        } else {
            // "Human Rights Act 1998, and the courts": not a citation's part.
            return None;
        }
    }
    (!instrument || legal.number.is_some()).then_some(legal)
}

/// Whether `inner` numbers an act's chapter: "c. 42", "5 & 6 Will. 4, c. cvii", "ch.
/// 12" (the last part a "c." and an Arabic or Roman number).
fn is_chapter(inner: &str) -> bool {
    let last = inner.rsplit(", ").next().unwrap_or(inner);
    let number = ["c. ", "c ", "ch. "]
        .iter()
        .find_map(|label| last.strip_prefix(label));
    number.is_some_and(|n| {
        !n.is_empty()
            && (n.bytes().all(|b| b.is_ascii_digit())
                || n.chars()
                    .all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c' | 'd' | 'm')))
    })
}

/// The series and number of a UK statutory instrument ("SI 2004/3166", "SSI
/// 2003/387", "SR & O 1921/2032"), as OSCOLA cites it after the instrument's title.
fn instrument_number(part: &str) -> Option<&str> {
    let number = ["SI ", "SSI ", "WSI ", "NISR ", "SR & O ", "SR "]
        .iter()
        .find_map(|series| part.strip_prefix(series))?;
    let (year, serial) = number.split_once('/')?;
    (is_year(year) && digits(serial)).then_some(part)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pin(text: &str) -> Option<&str> {
        read_legal(text)?.pinpoint.map(|r| &text[r])
    }

    #[test]
    fn bluebook_cases() {
        let text = "Gideon v. Wainwright, 372 U.S. 335, 344 (1963).";
        let l = read_legal(text).expect("a case");
        assert_eq!(&text[l.title.clone()], "Gideon v. Wainwright");
        assert_eq!(
            (
                l.volume.as_deref(),
                l.reporter.as_deref(),
                l.page.as_deref()
            ),
            (Some("372"), Some("U.S."), Some("335"))
        );
        assert_eq!(l.year.as_deref(), Some("1963"));
        assert_eq!(pin(text), Some("344"));
        let text = "Marbury v. Madison, 5 U.S. (1 Cranch) 137 (1803).";
        let l = read_legal(text).expect("a case");
        assert_eq!(
            (
                l.volume.as_deref(),
                l.reporter.as_deref(),
                l.page.as_deref()
            ),
            (Some("5"), Some("U.S."), Some("137"))
        );
        assert_eq!(pin(text), None);
        let l = read_legal("United States v. Jones, 31 F.3d 1304, 1309–10 (4th Cir. 1994).")
            .expect("a case");
        assert_eq!(l.reporter.as_deref(), Some("F.3d"));
        assert_eq!(l.court.as_deref(), Some("4th Cir."));
        assert_eq!(l.year.as_deref(), Some("1994"));
        assert_eq!(
            pin("Powell v. Alabama, 287 U.S. 45, 68–69 (1932)"),
            Some("68–69")
        );
        assert!(!is_legal(
            "The Court relied on Gideon v. Wainwright, 372 U.S. 335 (1963)."
        ));
        assert!(is_legal(
            "Caparo Industries plc v Dickman [1990] 2 AC 605 (HL)."
        ));
        // A case name with no report is no case citation read here.
        assert_eq!(read_legal("Brown v. Board of Education (1954)."), None);
    }

    #[test]
    fn oscola_cases() {
        let text = "Caparo Industries plc v Dickman [1990] 2 AC 605, 617 (HL).";
        let l = read_legal(text).expect("a case");
        assert_eq!(&text[l.title.clone()], "Caparo Industries plc v Dickman");
        assert_eq!(
            (
                l.volume.as_deref(),
                l.reporter.as_deref(),
                l.page.as_deref()
            ),
            (Some("2"), Some("AC"), Some("605"))
        );
        assert_eq!(
            (l.year.as_deref(), l.court.as_deref()),
            (Some("1990"), Some("HL"))
        );
        assert_eq!(pin(text), Some("617"));
        let l = read_legal("Donoghue v Stevenson [1932] AC 562 (HL).").expect("a case");
        assert_eq!((l.volume, l.page.as_deref()), (None, Some("562")));
        let l = read_legal("R v Lambert (1987) 84 Cr App R 1.").expect("a case");
        assert_eq!(l.reporter.as_deref(), Some("Cr App R"));
    }

    #[test]
    fn constitutions_and_statutes() {
        let text = "U.S. Const. art. III, § 2.";
        let l = read_legal(text).expect("a constitution");
        assert_eq!(&text[l.title.clone()], "U.S. Const.");
        assert_eq!(pin(text), Some("art. III, § 2"));
        assert_eq!(pin("U.S. Const. amend. VI."), Some("amend. VI"));
        let text = "Great Western Railway Act 1835 (5 & 6 Will. 4, c. cvii).";
        let l = read_legal(text).expect("an act with its chapter");
        assert_eq!(&text[l.title.clone()], "Great Western Railway Act 1835");
        assert_eq!(l.number.as_deref(), Some("5 & 6 Will. 4, c. cvii"));
        assert!(read_legal("Human Rights Act 1998 (c. 42), s 3.").is_some());
        assert_eq!(read_legal("Human Rights Act 1998 (as amended)."), None);
        let text = "Civil Rights Act of 1964, Pub. L. No. 88-352, 78 Stat. 241.";
        let l = read_legal(text).expect("a statute");
        assert_eq!(&text[l.title.clone()], "Civil Rights Act of 1964");
        assert_eq!(l.number.as_deref(), Some("88-352"));
        assert_eq!(
            (
                l.volume.as_deref(),
                l.reporter.as_deref(),
                l.page.as_deref()
            ),
            (Some("78"), Some("Stat."), Some("241"))
        );
        assert_eq!(l.year.as_deref(), Some("1964"));
        let text = "Human Rights Act 1998, s 3.";
        let l = read_legal(text).expect("a statute");
        assert_eq!(&text[l.title.clone()], "Human Rights Act 1998");
        assert_eq!(pin(text), Some("s 3"));
        // Prose about an act cites none.
        assert_eq!(read_legal("The Act was passed in haste."), None);
        assert_eq!(read_legal("Human Rights Act 1998, and the courts."), None);
        assert_eq!(read_legal("Pub. L. No. 88-352, § 7."), None);
        // A statutory instrument: its title, year and number.
        let text = "Penalties for Disorderly Behaviour (Amendment of Minimum Age) Order 2004, SI 2004/3166, art 2.";
        let l = read_legal(text).expect("an instrument");
        assert_eq!(
            &text[l.title.clone()],
            "Penalties for Disorderly Behaviour (Amendment of Minimum Age) Order 2004"
        );
        assert_eq!(l.number.as_deref(), Some("SI 2004/3166"));
        assert_eq!(
            (l.year.as_deref(), pin(text)),
            (Some("2004"), Some("art 2"))
        );
        let text = "Act of Adjournal (Criminal Appeals) 2003, SSI 2003/387.";
        assert_eq!(
            read_legal(text).and_then(|l| l.number).as_deref(),
            Some("SSI 2003/387")
        );
        // Without its number an order is only words.
        assert_eq!(read_legal("Court Order 2004, as the judge said."), None);
        assert_eq!(
            read_legal("Standing Orders and Rules 1990, as amended."),
            None
        );
    }
}
