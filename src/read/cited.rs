//! Works-cited lists, shared by both readers: which headings open one, and how its
//! entries are written ("(4) - text", "4. text", "\[4\] text", "4) text", Wikipedia's
//! "^ text"). Numbers are always the ones written in the file.
//!
//! Which numbers number an entry is decided here, in one place ([`Collector::entry`]):
//! 1 to 999 always; any other (0, 1000, 10,000) when the list's own sequence reaches it
//! or a bracket in the document cites it, so a 10,000-entry list keeps 10,000 entries
//! and a list may start at (0) or (1000). A bare "1979." needs the sequence: a year in
//! a bracket elsewhere must not turn a wrapped line into entry 1979.

use std::collections::HashSet;

use super::lowercase::{self, Words};
use crate::model::{Entry, Span};

/// Heading texts (lowercase, without qualifiers or a final colon) that open a list, in
/// English and in the languages whose notes folio reads, as Wikipedia and the style
/// guides of each name them. "Further reading" is a bibliography written as text: its
/// works may be cited. A word that is only ever a heading when it stands alone on its
/// line ("Note", "Noter", "Literatura") is safe here: the whole line must be one.
const HEADINGS: Words = Words::new(&[
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
    // Chinese (simplified and traditional): notes, footnotes, references, sources
    "注释",
    "註釋",
    "注釋",
    "注",
    "註",
    "脚注",
    "腳註",
    "参考文献",
    "參考文獻",
    "参考资料",
    "參考資料",
    "引用文献",
    // Japanese ("注", "脚注", "参考文献" as in Chinese)
    "注釈",
    "註釈",
    "出典",
    // Korean
    "주",
    "각주",
    "미주",
    "참고문헌",
    "참고 문헌",
    "출처",
]);

/// Greek headings (notes, references, bibliography, sources, footnotes) as
/// [`greek_key`] writes them: lowercase, unaccented, every sigma "σ". Capitals drop
/// the accents ("ΣΗΜΕΙΩΣΕΙΣ"), and a final sigma lowercases to "ς" or "σ" by whether
/// the word or the letter is lowercased, so neither can be compared as written.
const GREEK_HEADINGS: &[&str] = &[
    "σημειωσεισ",
    "παραπομπεσ",
    "βιβλιογραφια",
    "πηγεσ",
    "υποσημειωσεισ",
    "σημειωσεισ και παραπομπεσ",
];

/// A Greek text lowercased, without accents, with "ς" written "σ" (see
/// [`GREEK_HEADINGS`]).
fn greek_key(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ά' => 'α',
            'έ' => 'ε',
            'ή' => 'η',
            'ί' | 'ϊ' | 'ΐ' => 'ι',
            'ό' => 'ο',
            'ύ' | 'ϋ' | 'ΰ' => 'υ',
            'ώ' => 'ω',
            'ς' => 'σ',
            c => c,
        })
        .collect()
}

/// English heading words that name a list ("references", "notes", "sources") when a
/// heading is made of them and of [`HEADING_MODIFIERS`] alone: "Reference list", "List
/// of references", "References cited", "Selected bibliography", "Notes and sources".
const HEADING_NOUNS: &[&str] = &[
    "reference",
    "references",
    "note",
    "notes",
    "source",
    "sources",
    "bibliography",
    "bibliographies",
    "citations",
    "literature",
    "endnotes",
    "footnotes",
];

/// Words that qualify a heading of [`HEADING_NOUNS`] without making it a section of
/// prose: "Sources of inspiration" has a word of its own, and is not a list.
const HEADING_MODIFIERS: &[&str] = &[
    "list",
    "of",
    "and",
    "&",
    "the",
    "cited",
    "consulted",
    "used",
    "quoted",
    "selected",
    "select",
    "further",
    "reading",
    "additional",
    "general",
    "primary",
    "secondary",
    "published",
    "unpublished",
    "works",
    "work",
    "other",
    "key",
    "main",
    "principal",
    "archival",
    "printed",
    "online",
    "web",
];

/// Where a heading of [`HEADING_NOUNS`] may start: a noun, or a modifier that comes
/// first ("List of…", "Selected…"); read before the whole line is lowercased.
const HEADING_OPENERS: Words = Words::new(&[
    "reference",
    "note",
    "source",
    "bibliograph",
    "citations",
    "literature",
    "endnotes",
    "footnotes",
    "list of ",
    "selected ",
    "select ",
    "further ",
    "additional ",
    "general ",
    "primary ",
    "secondary ",
    "published ",
    "unpublished ",
    "works ",
    "other ",
    "key ",
    "main ",
    "principal ",
    "archival ",
    "printed ",
    "online ",
    "web ",
]);

/// Whether a lowercase heading is made of [`HEADING_NOUNS`] and
/// [`HEADING_MODIFIERS`] alone, with at least one noun, in two to six words (one word
/// alone must be one of [`HEADINGS`]: "Source" under a photograph opens nothing).
fn composed_heading(t: &str) -> bool {
    let words: Vec<&str> = t.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    (2..=6).contains(&words.len())
        && words.iter().any(|w| HEADING_NOUNS.contains(w))
        && words
            .iter()
            .all(|w| HEADING_NOUNS.contains(w) || HEADING_MODIFIERS.contains(w))
}

/// Headings that open a list only in a scraped page, where a wiki mirror may put the
/// references straight under "See also" (the list must follow at once, see the reader).
const PAGE_HEADINGS: Words = Words::new(&["see also"]);

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
    let greek = text
        .trim_start()
        .starts_with(|c: char| ('\u{370}'..='\u{3ff}').contains(&c));
    if greek {
        let key = greek_key(text.trim().trim_end_matches(':').trim_end());
        return GREEK_HEADINGS.contains(&key.as_str());
    }
    // What is left below is the start of the text's lowercase: most lines are
    // turned down before the whole line is lowercased.
    if !lowercase::starts_with_any(text.trim(), &HEADINGS)
        && !lowercase::starts_with_any(text.trim(), &HEADING_OPENERS)
    {
        return false;
    }
    // "注释：" ends in a full-width colon.
    let mut t = text
        .trim()
        .trim_end_matches([':', '：'])
        .trim_end()
        .to_lowercase();
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
    HEADINGS.contains(&t) || composed_heading(t)
}

/// Whether a line of a scraped page opens a list: any [`is_heading`], or a heading
/// only wiki pages use that way ("See also").
pub(super) fn is_page_heading(text: &str) -> bool {
    is_heading(text) || lowercase::is_one_of(text.trim().trim_end_matches(':'), &PAGE_HEADINGS)
}

/// How an entry's number is written: in brackets ("(4)", "\[4\]") or bare ("4.", "4)").
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

/// Every number a bracket cites somewhere in `text` ("(4)", "\[12\]", "(3, 1000)",
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
            italics: Vec::new(),
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

/// Words that open the tail of an entry, not a new one, when a line starting with them
/// follows a finished-looking line: the access date and medium of MLA ("Accessed 3 June
/// 2022.", "Web.", "Print."), APA's "Retrieved from", a chapter's "In", a translator.
const TAIL_OPENERS: Words = Words::new(&[
    "accessed ",
    "retrieved ",
    "available ",
    "archived ",
    "originally ",
    "reprinted ",
    "translated ",
    "edited ",
    "in ",
    "print.",
    "web.",
    "doi",
    "url",
]);

/// Abbreviations that end a line of an entry without ending the entry ("pp.", "ed.",
/// "Vol."), lowercase, without their period.
const ABBREVIATIONS: &[&str] = &[
    "pp", "p", "ed", "eds", "vol", "vols", "no", "nos", "trans", "comp", "rev", "repr", "jr", "sr",
    "st", "dr", "mr", "mrs", "ms", "prof", "univ", "dept", "al", "ch", "chap", "n.d",
];

/// Whether `line` starts a new entry of a works-cited list written without numbers
/// (MLA, APA and Chicago bibliographies, one entry a line, their hanging indents lost
/// in the copy) after the entry that reads `above` so far, rather than continuing it
/// as a wrapped line does.
///
/// A new entry needs both ends to agree: the entry above reads as finished — a final
/// period or a URL (not an initial or "pp."), and a date or a URL somewhere, since
/// nearly every entry has one and a wrap often falls before it — and the line opens
/// like an entry: a capital (a family name, an organisation, a title), a quoted or
/// italic title, or a run of dashes for the same authors. "Knopf, 1990." after "…of
/// Richard Nixon. Alfred A." and "Charles Darwin: Voyaging." after "Browne, J. (1995)."
/// (APA's date is followed by the title) continue their entries, and so does
/// "Accessed 3 June 2022." ([`TAIL_OPENERS`]). A line written as "Family, Given." is a
/// new entry after any finished line, dated or not.
pub(crate) fn starts_unnumbered_entry(above: &str, line: &str) -> bool {
    let line = line.trim();
    let above = above.trim_end();
    if !ends_like_entry(above) || !opens_like_entry(line) {
        return false;
    }
    dated(above) || opens_with_name(line)
}

/// A final period (inside closing quotes or not) after a word that is no initial or
/// abbreviation, or a URL; not an APA date still waiting for its title ("(1995).").
fn ends_like_entry(text: &str) -> bool {
    let last = text.rsplit(char::is_whitespace).next().unwrap_or(text);
    if is_url(last.trim_end_matches(['.', ')', ']', '>'])) {
        return true;
    }
    let Some(body) = text
        .trim_end_matches(['"', '”', '’', '\'', ')', ']'])
        .strip_suffix('.')
    else {
        return false;
    };
    // "(1995)." or "(2001, March 3)." closes an APA date: the title follows.
    if text.ends_with(").")
        && let Some(open) = body.rfind('(')
        && (has_year(&body[open..]) || body[open..].starts_with("(n.d"))
    {
        return false;
    }
    let word = body
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or(body);
    // "Longmans, Green & Co." ends with a firm, not an initial.
    let firm = body[..body.len() - word.len()].trim_end().ends_with('&');
    let initial = !firm
        && word.chars().count() <= 2
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().all(|c| c.is_alphabetic() || c == '.');
    let initial = initial || word.contains('.') && word.split('.').all(|p| p.chars().count() <= 1);
    !initial && !ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

/// A capital, a quoted or italic title, or a dash run; not the tail of an entry.
fn opens_like_entry(line: &str) -> bool {
    let Some(first) = line.chars().next() else {
        return false;
    };
    let opens = first.is_uppercase()
        || matches!(first, '“' | '"' | '‘' | '\'' | '«' | '*' | '_')
        || line.starts_with("——")
        || line.starts_with("---");
    opens && !lowercase::starts_with_any(line, &TAIL_OPENERS) && !is_url(line)
}

/// "Graham, Katharine.", "Kutler, Stanley I., editor.", "Desmond, A., & Moore, J.":
/// a family name of one to three words, a comma, and a capitalised given name or
/// initial.
fn opens_with_name(line: &str) -> bool {
    let Some((family, rest)) = line.split_once(", ") else {
        return false;
    };
    let words: Vec<&str> = family.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && words
            .last()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        })
        && rest.starts_with(char::is_uppercase)
        && rest.contains('.')
}

/// A year (1000–2099, "1972a" too), "n.d." or a URL anywhere in `text`.
fn dated(text: &str) -> bool {
    has_year(text) || text.contains("n.d.") || text.split_whitespace().any(is_url)
}

fn has_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .any(|run| run.len() == 4 && matches!(run.as_bytes()[0], b'1' | b'2') && run < "2100")
}

fn is_url(word: &str) -> bool {
    ["http://", "https://", "www.", "doi:", "DOI:"]
        .iter()
        .any(|p| word.starts_with(p))
        || word.contains("doi.org/")
}

#[cfg(test)]
mod tests;
