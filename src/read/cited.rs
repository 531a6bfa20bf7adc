//! Works-cited lists, shared by both readers: which headings open one, and how its
//! entries are written ("(4) - text", "4. text", "[4] text", "4) text", Wikipedia's
//! "^ text"). Numbers are always the ones written in the file.
//!
//! Which numbers number an entry is decided here, in one place ([`Collector::entry`]):
//! 1 to 999 always; any other (0, 1000, 10,000) when the list's own sequence reaches it
//! or a bracket in the document cites it, so a 10,000-entry list keeps 10,000 entries
//! and a list may start at (0) or (1000). A bare "1979." needs the sequence: a year in
//! a bracket elsewhere must not turn a wrapped line into entry 1979.

use std::collections::HashSet;

use super::lowercase;
use crate::model::{Entry, Span};

/// Heading texts (lowercase, without qualifiers or a final colon) that open a list, in
/// English and in the languages whose notes folio reads, as Wikipedia and the style
/// guides of each name them. "Further reading" is a bibliography written as text: its
/// works may be cited. A word that is only ever a heading when it stands alone on its
/// line ("Note", "Noter", "Literatura") is safe here: the whole line must be one.
const HEADINGS: &[&str] = &[
    "works cited",
    "work cited",
    "references",
    "bibliography",
    "sources",
    "notes",
    "endnotes",
    "footnotes",
    "citations",
    "notes and references",
    "references and notes",
    "sources cited",
    "literature cited",
    "further reading",
    // French (and Catalan "notes", "bibliografia")
    "notes et références",
    "références",
    "bibliographie",
    // Spanish and Portuguese
    "notas",
    "referencias",
    "referências",
    "bibliografía",
    "bibliografia",
    "notas y referencias",
    "notas e referências",
    "fuentes",
    "fontes",
    // Italian
    "note",
    "fonti",
    "riferimenti",
    "note e riferimenti",
    // Catalan
    "referències",
    "notes i referències",
    // German
    "anmerkungen",
    "fußnoten",
    "literatur",
    "literaturverzeichnis",
    "einzelnachweise",
    "quellen",
    // Dutch and Flemish
    "noten",
    "voetnoten",
    "eindnoten",
    "bronnen",
    "bronvermelding",
    "literatuur",
    "literatuurlijst",
    "referenties",
    "noten en bronnen",
    // Polish
    "przypisy",
    "uwagi",
    "bibliografia i przypisy",
    "źródła",
    // Czech and Slovak ("literatura" also Polish, Croatian, Serbian, Slovene)
    "poznámky",
    "literatura",
    "literatúra",
    "reference",
    "referencie",
    "zdroje",
    "poznámky pod čarou",
    // Swedish, Danish and Norwegian
    "noter",
    "fotnoter",
    "fodnoter",
    "källor",
    "kilder",
    "litteratur",
    "litteraturliste",
    "litteraturförteckning",
    "källförteckning",
    "referenser",
    "referencer",
    "referanser",
    // Hungarian
    "jegyzetek",
    "irodalom",
    "források",
    "hivatkozások",
    "felhasznált irodalom",
    // Romanian ("note" as in Italian)
    "bibliografie",
    "referințe",
    "surse",
    "note și referințe",
    // Finnish
    "lähteet",
    "viitteet",
    // Croatian, Serbian, Slovene
    "bilješke",
    "izvori",
    "opombe",
    // Turkish
    "kaynakça",
    "kaynaklar",
    "dipnotlar",
    "notlar",
    // Russian and Ukrainian
    "примечания",
    "литература",
    "список литературы",
    "источники",
    "примітки",
    "джерела",
    "література",
];

/// Headings that open a list only in a scraped page, where a wiki mirror may put the
/// references straight under "See also" (the list must follow at once, see the reader).
const PAGE_HEADINGS: &[&str] = &["see also"];

/// The largest number taken as an entry number without support from the list's
/// sequence or a citing bracket; "1979. …" is a year, not entry 1979.
const MAX_NUMBER: u32 = 999;

/// Digits an entry number may have (so it fits a `u32`).
const MAX_DIGITS: usize = 9;

/// Longest bracket content read as a citation ("(12, 13, 14–16)"), in bytes.
const MAX_GROUP_LEN: usize = 48;

/// Whether a heading (or a line standing for one) opens a works-cited list:
/// "Works Cited", "Works Cited (Chicago-style)", "REFERENCES:", "Notes".
pub(crate) fn is_heading(text: &str) -> bool {
    // What is left below is the start of the text's lowercase: most lines are
    // turned down before the whole line is lowercased.
    if !lowercase::starts_with_any(text.trim(), HEADINGS) {
        return false;
    }
    let mut t = text.trim().trim_end_matches(':').trim_end().to_lowercase();
    // drop one qualifier: "(Chicago-style)", "[APA]", "- MLA"
    for (open, close) in [(" (", ")"), (" [", "]")] {
        if t.ends_with(close)
            && let Some(i) = t.rfind(open)
        {
            t.truncate(i);
        }
    }
    for sep in [" - ", " – ", " — "] {
        if let Some(i) = t.find(sep) {
            t.truncate(i);
        }
    }
    let t = t.trim().trim_end_matches(':').trim_end();
    HEADINGS.contains(&t)
}

/// Whether a line of a scraped page opens a list: any [`is_heading`], or a heading
/// only wiki pages use that way ("See also").
pub(super) fn is_page_heading(text: &str) -> bool {
    is_heading(text) || lowercase::is_one_of(text.trim().trim_end_matches(':'), PAGE_HEADINGS)
}

/// How an entry's number is written: in brackets ("(4)", "[4]") or bare ("4.", "4)").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Written {
    Bracketed,
    Bare,
}

/// The number (None for a bare "^"), how it is written and the text after the marker,
/// if `line` is written as an entry; whether the number may number one is
/// [`Collector::entry`]'s call.
fn entry_form(line: &str) -> Option<(Option<u32>, Written, &str)> {
    let line = line.trim();
    if let Some(rest) = line.strip_prefix(BACKLINKS) {
        return Some((None, Written::Bare, strip_backlinks(rest)));
    }
    let (number, written, rest) = if let Some(rest) = line.strip_prefix('(') {
        let (n, rest) = number(rest)?;
        (n, Written::Bracketed, rest.strip_prefix(')')?)
    } else if let Some(rest) = line.strip_prefix('[') {
        let (n, rest) = number(rest)?;
        (n, Written::Bracketed, rest.strip_prefix(']')?)
    } else {
        let (n, rest) = number(line)?;
        (n, Written::Bare, rest.strip_prefix(['.', ')'])?)
    };
    // the marker must stand apart: "(4)-x" is not an entry start, "(4) -" is
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    let mut text = rest.trim_start();
    for dash in ["-", "–", "—", ":"] {
        if let Some(after) = text.strip_prefix(dash)
            && (after.is_empty() || after.starts_with(char::is_whitespace))
        {
            text = after.trim_start();
            break;
        }
    }
    if let Some(after) = text.strip_prefix(BACKLINKS) {
        text = strip_backlinks(after);
    } else {
        text = strip_numbered_backlinks(text);
    }
    Some((Some(number), written, text.trim_end()))
}

fn number(s: &str) -> Option<(u32, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > MAX_DIGITS {
        return None;
    }
    Some((s.get(..digits)?.parse().ok()?, s.get(digits..)?))
}

/// Every number a bracket cites somewhere in `text` ("(4)", "[12]", "(3, 1000)",
/// "(7–9)" gives 7 and 9) other than at the start of a line, where a bracket numbers
/// an entry rather than cites one.
pub(super) fn cited_numbers(text: &str) -> HashSet<u32> {
    let mut out = HashSet::new();
    for line in text.lines() {
        let body = line.trim_start();
        let skip = line.len() - body.len();
        // Bytes, not characters, are searched: a bracket is one byte wherever it is.
        let opening = line
            .bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'(' || b == b'[');
        for (at, _) in opening.filter(|&(at, _)| at != skip) {
            let Some(inner) = line.get(at + 1..) else {
                continue;
            };
            let len = inner
                .find(|c: char| !(c.is_ascii_digit() || matches!(c, ',' | ' ' | '-' | '–')))
                .unwrap_or(inner.len());
            if len == 0 || len > MAX_GROUP_LEN || !inner[len..].starts_with([')', ']']) {
                continue;
            }
            out.extend(
                inner[..len]
                    .split(|c: char| !c.is_ascii_digit())
                    .filter(|run| (1..=MAX_DIGITS).contains(&run.len()))
                    .filter_map(|run| run.parse::<u32>().ok()),
            );
        }
    }
    out
}

/// A numbered list no heading opened: the place of its line "(1) …" and the last
/// number of the run "(1)", "(2)", … that follows it, when brackets elsewhere in `text`
/// cite (1) and (2). Both readers read a list only under a heading they know; this is
/// what one in a language they do not ("Przypisy") leaves behind, so that resolution
/// can say why the markers found no notes.
pub(crate) fn unheaded_list(text: &str) -> Option<(Span, u32)> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        lines.push((offset, line));
        offset += line.len() + 1;
    }
    let number_of = |line: &str| entry_form(line).and_then(|(number, _, _)| number);
    let mut cited = None;
    for (index, &(offset, line)) in lines.iter().enumerate() {
        if number_of(line) != Some(1) {
            continue;
        }
        let last = lines[index + 1..]
            .iter()
            .filter_map(|&(_, l)| number_of(l))
            .try_fold(1, |last, n| if n == last + 1 { Ok(n) } else { Err(last) })
            .unwrap_or_else(|last| last);
        if last < 2 {
            continue;
        }
        let cited = cited.get_or_insert_with(|| cited_numbers(text));
        if cited.contains(&1) && cited.contains(&2) {
            let span = Span {
                line: u32::try_from(index + 1).unwrap_or(u32::MAX),
                column: 1,
                offset,
                len: line.len(),
            };
            return Some((span, last));
        }
    }
    None
}

/// The signs a wiki prints before an entry as the link back to where it is cited
/// ("^" in English, "↑" in many other languages).
const BACKLINKS: [char; 2] = ['^', '↑'];

/// Wikipedia prints "^ a b c" (links back to each citing place), "^ Jump up to: a b" or,
/// in older pages and most other languages, "^ 2.0 2.1" before the entry when a note is
/// cited more than once.
fn strip_backlinks(rest: &str) -> &str {
    let mut rest = rest.trim_start();
    for jump in ["Jump up to:", "Jump up"] {
        if let Some(after) = rest.strip_prefix(jump) {
            rest = after.trim_start();
            break;
        }
    }
    rest = strip_numbered_backlinks(rest);
    if rest.starts_with("a b ") || rest.starts_with("a b\u{a0}") {
        loop {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c), Some(sp)) if c.is_ascii_lowercase() && sp.is_whitespace() => {
                    rest = chars.as_str().trim_start();
                }
                _ => break,
            }
        }
    }
    rest.trim()
}

/// "2.0 2.1 Smith" → "Smith": two or more labels "N.k" sharing one N, k counting from 0,
/// are the back links of entry N (a single "2.0" could be the start of a title).
fn strip_numbered_backlinks(text: &str) -> &str {
    let mut rest = text;
    let mut labels = 0;
    let mut entry = None;
    loop {
        let token_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let Some((n, k)) = rest[..token_len].split_once('.') else {
            break;
        };
        let digits =
            |s: &str| !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(n) || !digits(k) || k.parse::<usize>().ok() != Some(labels) {
            break;
        }
        if entry.is_some_and(|e| e != n) {
            break;
        }
        entry = Some(n);
        labels += 1;
        rest = rest[token_len..].trim_start();
    }
    if labels >= 2 { rest } else { text }
}

/// Builds entries line by line.
#[derive(Default)]
pub(super) struct Collector {
    /// The entries so far.
    pub entries: Vec<Entry>,
    /// The numbers brackets in the document cite ([`cited_numbers`]).
    cited: HashSet<u32>,
}

impl Collector {
    /// A collector for the document `text`, whose citing brackets support entry numbers
    /// outside 1 to 999.
    pub fn new(text: &str) -> Self {
        Collector {
            entries: Vec::new(),
            cited: cited_numbers(text),
        }
    }

    /// The number (None for a bare "^") and text of the entry `line` starts, if it is
    /// written as one and its number is supported: 1 to 999, the next in the list's
    /// sequence, or (written in brackets) cited by the document.
    pub fn entry<'l>(&self, line: &'l str) -> Option<(Option<u32>, &'l str)> {
        let (number, written, text) = entry_form(line)?;
        let supported = |n: u32| {
            (1..=MAX_NUMBER).contains(&n)
                || self
                    .entries
                    .last()
                    .is_some_and(|e| e.number.checked_add(1) == Some(n))
                || written == Written::Bracketed && self.cited.contains(&n)
        };
        match number {
            Some(n) if !supported(n) => None,
            _ => Some((number, text)),
        }
    }

    /// Starts an entry if `line` is written as one; `number` overrides the written
    /// number (an ordered list item whose number the caller read from the source).
    pub fn start(&mut self, line: &str, span: Span, number: Option<u32>) -> bool {
        let (written, text) = match self.entry(line) {
            Some(found) => found,
            None if number.is_some() => (None, line.trim()),
            None => return false,
        };
        let number = number.or(written).unwrap_or_else(|| {
            self.entries
                .last()
                .map_or(1, |e| e.number.saturating_add(1))
        });
        self.entries.push(Entry {
            number,
            text: text.to_string(),
            span,
        });
        true
    }

    /// Adds a continuation line (a bare URL, a wrapped title) to the last entry.
    pub fn extend(&mut self, line: &str) {
        let line = line.trim();
        if let Some(last) = self.entries.last_mut()
            && !line.is_empty()
        {
            if !last.text.is_empty() {
                last.text.push(' ');
            }
            last.text.push_str(line);
        }
    }
}

/// Whether a line after a blank line still belongs to the entry before it: a bare URL
/// or DOI, or a line that obviously continues ("accessed …", lowercase start).
pub(super) fn is_continuation(line: &str) -> bool {
    let t = line.trim();
    t.starts_with("http://")
        || t.starts_with("https://")
        || t.starts_with("www.")
        || t.starts_with("doi:")
        || t.starts_with("DOI:")
        || t.starts_with(|c: char| c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry_start(line: &str) -> Option<(Option<u32>, &str)> {
        entry_form(line).map(|(number, _, text)| (number, text))
    }

    #[test]
    fn headings_with_qualifiers_and_colons() {
        for h in [
            "Works Cited",
            "Works Cited (Chicago-style)",
            "WORKS CITED:",
            "References",
            "Bibliography",
            "Sources:",
            "notes",
            "Endnotes",
            "References [APA]",
            "Sources - MLA",
            "Notas",
            "Referências",
            "Bibliografía",
            "Références",
            "Einzelnachweise",
            "Literaturverzeichnis",
            "Kaynakça",
            "Dipnotlar",
            "Примечания",
            "Список литературы",
            "Further Reading",
            "Przypisy",
            "Literatuur",
            "Noten",
            "Bronnen",
            "Voetnoten",
            "Poznámky",
            "Literatura",
            "Noter",
            "Källor",
            "Litteratur",
            "Kilder",
            "Jegyzetek",
            "Irodalom",
            "Note",
            "Bibliografie",
            "Referències",
            "Lähteet",
            "Примітки",
        ] {
            assert!(is_heading(h), "{h}");
        }
        for h in [
            "Ideology and Objectives",
            "Sources of funding",
            "My notes on this",
            "Notas de viagem",
            "Literaturkritik",
            "Noten bij de tekst van de wet",
            "Przypisy autora do rozdziału drugiego i trzeciego",
            "Källorna berättar",
            "",
        ] {
            assert!(!is_heading(h), "{h}");
        }
    }

    #[test]
    fn a_list_without_a_heading_is_found_when_the_text_cites_it() {
        let text = "Born in Toruń (1), raised by an uncle (2).\n\nPrzypisy\n\n\
                    (1) Biskup, Regesta, s. 27.\n(2) Wasiutyński, Kopernik.\n\
                    (3) Tamże, s. 70.\n(5) A gap ends the run.\n";
        let (span, last) = unheaded_list(text).expect("list");
        assert_eq!((span.line, span.column, last), (5, 1, 3));
        assert!(text[span.offset..].starts_with("(1) Biskup"));
        // steps of a procedure are no notes list unless brackets cite them
        assert_eq!(unheaded_list("Steps:\n1. Open it.\n2. Close it.\n"), None);
        assert_eq!(unheaded_list("Cited (1).\n(1) Only one entry.\n"), None);
    }

    #[test]
    fn entry_forms() {
        assert_eq!(entry_start("(1) - Merat, A."), Some((Some(1), "Merat, A.")));
        assert_eq!(entry_start("(12) Ibid"), Some((Some(12), "Ibid")));
        assert_eq!(entry_start("(3) -"), Some((Some(3), "")));
        assert_eq!(entry_start("(3)"), Some((Some(3), "")));
        assert_eq!(
            entry_start("10. Masters, J."),
            Some((Some(10), "Masters, J."))
        );
        assert_eq!(entry_start("[7] Cole"), Some((Some(7), "Cole")));
        assert_eq!(entry_start("4) Hussain"), Some((Some(4), "Hussain")));
        assert_eq!(entry_start("^ Smith, J."), Some((None, "Smith, J.")));
        assert_eq!(entry_start("3. ^ a b c Smith"), Some((Some(3), "Smith")));
        assert_eq!(entry_start("^ Jump up to: a b Doe"), Some((None, "Doe")));
        assert_eq!(entry_start("^ a Doe"), Some((None, "a Doe")));
        assert_eq!(
            entry_start("^ 2.0 2.1 Vik, A. (1981)"),
            Some((None, "Vik, A. (1981)"))
        );
        assert_eq!(entry_start("2. ^ 2.0 2.1 2.2 Vik"), Some((Some(2), "Vik")));
        assert_eq!(entry_start("2. 2.0 2.1 Vik"), Some((Some(2), "Vik")));
        assert_eq!(entry_start("↑ a b Doe"), Some((None, "Doe")));
        assert_eq!(
            entry_start("4. 2.0 beta release notes"),
            Some((Some(4), "2.0 beta release notes"))
        );
        assert_eq!(
            entry_start("4. 3.1 3.2 Roe"),
            Some((Some(4), "3.1 3.2 Roe"))
        );
        assert_eq!(entry_start("(4)-x"), None);
        assert_eq!(entry_start("(MEK) group"), None);
        assert_eq!(entry_start("Merat, A. (2018)"), None);
        assert_eq!(entry_start("(1234567890) ten digits"), None);
    }

    #[test]
    fn numbers_outside_1_to_999_need_the_sequence_or_a_citing_bracket() {
        let mut c =
            Collector::new("A claim (0). Another [1000], (7, 1979) and (2–1001).\n(5000) x\n");
        assert_eq!(c.entry("1979. A year"), None);
        assert_eq!(c.entry("(5000) written at a line start"), None);
        assert_eq!(c.entry("(0) zero"), Some((Some(0), "zero")));
        assert_eq!(c.entry("[1000] Big"), Some((Some(1000), "Big")));
        assert_eq!(c.entry("(1979) cited"), Some((Some(1979), "cited")));
        assert_eq!(c.entry("(1001) range end"), Some((Some(1001), "range end")));
        assert_eq!(c.entry("(1002) not cited"), None);
        assert!(c.start("(999) - Last of three digits", Span::default(), None));
        assert_eq!(c.entry("1000. Next"), Some((Some(1000), "Next")));
        assert!(c.start("1000. Next", Span::default(), None));
        assert_eq!(c.entry("1002. Gap"), None);
    }

    #[test]
    fn collector_numbers_carets_in_sequence_and_joins_continuations() {
        let mut c = Collector::default();
        assert!(c.start("^ First", Span::default(), None));
        c.extend("https://example.org/a");
        assert!(c.start("^ Second", Span::default(), None));
        assert!(!c.start("Not an entry", Span::default(), None));
        assert!(c.start("whatever", Span::default(), Some(12)));
        let got: Vec<_> = c
            .entries
            .iter()
            .map(|e| (e.number, e.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (1, "First https://example.org/a"),
                (2, "Second"),
                (12, "whatever")
            ]
        );
    }
}
