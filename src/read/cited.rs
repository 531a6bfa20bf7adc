//! Works-cited lists, shared by both readers: which headings open one, and how its
//! entries are written ("(4) - text", "4. text", "[4] text", "4) text", Wikipedia's
//! "^ text"). Numbers are always the ones written in the file.

use crate::model::{Entry, Span};

/// Heading texts (lowercase, without qualifiers or a final colon) that open a list.
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
];

/// Headings that open a list only in a scraped page, where a wiki mirror may put the
/// references straight under "See also" (the list must follow at once, see the reader).
const PAGE_HEADINGS: &[&str] = &["see also"];

/// The largest number taken as an entry number; "1979. …" is a year, not entry 1979.
const MAX_NUMBER: u32 = 999;

/// Whether a heading (or a line standing for one) opens a works-cited list:
/// "Works Cited", "Works Cited (Chicago-style)", "REFERENCES:", "Notes".
pub(super) fn is_heading(text: &str) -> bool {
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
    is_heading(text)
        || PAGE_HEADINGS.contains(&text.trim().trim_end_matches(':').to_lowercase().as_str())
}

/// The number (None for a bare "^") and the text after the marker, if `line` starts an entry.
pub(super) fn entry_start(line: &str) -> Option<(Option<u32>, &str)> {
    let line = line.trim();
    if let Some(rest) = line.strip_prefix(BACKLINKS) {
        return Some((None, strip_backlinks(rest)));
    }
    let (number, rest) = if let Some(rest) = line.strip_prefix('(') {
        let (n, rest) = number(rest)?;
        (n, rest.strip_prefix(')')?)
    } else if let Some(rest) = line.strip_prefix('[') {
        let (n, rest) = number(rest)?;
        (n, rest.strip_prefix(']')?)
    } else {
        let (n, rest) = number(line)?;
        (n, rest.strip_prefix(['.', ')'])?)
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
    Some((Some(number), text.trim_end()))
}

fn number(s: &str) -> Option<(u32, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let n: u32 = s[..digits].parse().ok()?;
    (1..=MAX_NUMBER).contains(&n).then_some((n, &s[digits..]))
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
}

impl Collector {
    /// Starts an entry if `line` is written as one; `number` overrides the written
    /// number (an ordered list item whose number the caller read from the source).
    pub fn start(&mut self, line: &str, span: Span, number: Option<u32>) -> bool {
        let (written, text) = match entry_start(line) {
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
        ] {
            assert!(is_heading(h), "{h}");
        }
        for h in [
            "Ideology and Objectives",
            "Sources of funding",
            "My notes on this",
            "",
        ] {
            assert!(!is_heading(h), "{h}");
        }
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
        assert_eq!(entry_start("1979. A year"), None);
        assert_eq!(entry_start("(MEK) group"), None);
        assert_eq!(entry_start("Merat, A. (2018)"), None);
        assert_eq!(entry_start("(0) zero"), None);
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
