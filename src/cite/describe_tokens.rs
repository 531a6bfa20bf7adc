//! Stage 2: what the sequence labeller sees of each token. Training
//! (`examples/train_citations.rs`) and parsing call this same function, so the model
//! is always run on the features it was trained on.
//!
//! A token is described by its word (lowercased, punctuation stripped), its shape,
//! affixes, the punctuation around it, dictionary hits (months, "ed.", "vol.",
//! publisher and journal words…), number tests (year, page range, initial), where it
//! stands (position, sentence count, inside quotes, brackets or emphasis) and the same
//! few facts about its neighbours.

use std::collections::HashMap;
use std::fmt::Write;
use std::ops::Range;
use std::sync::OnceLock;

/// Month names and abbreviations (English, French, Spanish, German, Italian,
/// Portuguese, Turkish, Russian), lowercase, without the final period.
#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun",
    "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october",
    "nov", "november", "dec", "december", "janvier", "février", "fevrier", "mars", "avril",
    "mai", "juin", "juillet", "août", "aout", "septembre", "octobre", "novembre",
    "décembre", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
    "septiembre", "octubre", "noviembre", "diciembre", "januar", "februar", "märz", "juni",
    "juli", "oktober", "dezember", "gennaio", "febbraio", "aprile", "maggio", "giugno",
    "luglio", "settembre", "ottobre", "dicembre", "janeiro", "fevereiro", "março", "maio",
    "junho", "julho", "setembro", "outubro", "novembro", "dezembro", "ocak", "şubat",
    "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım",
    "aralık", "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
    "сентября", "октября", "ноября", "декабря", "январь", "февраль", "март", "апрель",
    "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь", "spring",
    "summer", "fall", "autumn", "winter",
];

/// Words that mark editors and translators ("ed.", "Hrsg.", "trans.").
#[rustfmt::skip]
pub(super) const EDITOR_WORDS: &[&str] = &[
    "ed", "eds", "editor", "editors", "edited", "edit", "hrsg", "hg", "éd", "éds", "dir",
    "coord", "comp", "comps", "ред", "trans", "translated", "tr", "transl", "trad", "übers",
];

/// Lowercase words (punctuation stripped) that belong to a class the labeller should
/// know about, with the class name.
#[rustfmt::skip]
const CLASSES: &[(&str, &[&str])] = &[
    ("editor", EDITOR_WORDS),
    ("volume", &[
        "vol", "vols", "volume", "volumes", "bd", "tome", "t", "cilt", "том", "т",
    ]),
    ("issue", &[
        "no", "nos", "nr", "number", "issue", "núm", "num", "n", "n°", "nº", "sayı", "№",
        "iss",
    ]),
    ("page", &[
        "pp", "p", "pages", "page", "pg", "pgs", "s", "ss", "pág", "págs", "с", "ss",
    ]),
    ("in", &[
        "in", "dans", "en", "im", "в", "içinde",
    ]),
    ("and", &[
        "and", "&", "y", "et", "und", "ve", "и", "e",
    ]),
    ("etal", &[
        "al", "others", "autres",
    ]),
    ("access", &[
        "retrieved", "accessed", "available", "consulté", "consultado", "erişim",
        "abgerufen", "online", "archived", "viewed", "cited",
    ]),
    ("publisher", &[
        "press", "verlag", "publishing", "publishers", "publisher", "publications", "books",
        "editions", "éditions", "ediciones", "editorial", "yayınları", "yayınevi",
        "издательство", "inc", "ltd", "co", "company", "wiley", "springer", "elsevier",
        "routledge", "sage", "academic", "blackwell", "pearson", "mcgraw", "hill",
        "penguin", "macmillan", "harper", "norton", "prentice", "addison", "wesley",
        "kluwer", "verso", "gallimard", "seuil", "puf", "crc", "ieee", "acm",
    ]),
    ("university", &[
        "university", "univ", "université", "universität", "universidad", "üniversitesi",
        "college", "institute", "school",
    ]),
    ("journal", &[
        "journal", "j", "proceedings", "proc", "review", "rev", "transactions", "trans",
        "bulletin", "bull", "quarterly", "annals", "ann", "letters", "lett", "magazine",
        "times", "post", "news", "gazette", "revue", "revista", "zeitschrift", "dergisi",
        "журнал", "vestnik", "вестник", "acta", "archives", "arch", "research", "studies",
        "science", "nature", "conference", "symposium", "workshop", "congress",
    ]),
    ("genre", &[
        "thesis", "dissertation", "phd", "ph", "master's", "masters", "ma", "msc", "report",
        "technical", "working", "paper", "manuscript", "unpublished", "preprint", "tech",
        "rep", "thèse", "tesis", "tez", "interview", "personal", "communication", "film",
        "video", "blog", "podcast", "press", "release", "memo", "letter",
    ]),
    ("place", &[
        "new", "york", "london", "paris", "berlin", "oxford", "cambridge", "boston",
        "chicago", "amsterdam", "tokyo", "washington", "dc", "ny", "ma", "ca", "uk", "usa",
        "heidelberg", "leipzig", "munich", "münchen", "madrid", "barcelona", "istanbul",
        "ankara", "москва", "moscow", "philadelphia", "princeton", "toronto", "sydney",
        "berkeley", "stanford", "san", "francisco", "los", "angeles", "dordrecht",
        "hoboken", "thousand", "oaks", "frankfurt", "wien", "vienna", "rome", "roma",
        "milano", "stuttgart", "basel", "lyon", "montreal", "mexico", "beijing", "delhi",
    ]),
    ("particle", &[
        "van", "von", "de", "der", "den", "la", "le", "du", "des", "da", "di", "del", "dos",
        "ter", "ten", "zu", "bin", "ibn", "al", "el",
    ]),
    ("web", &[
        "http", "https", "www", "doi", "url", "org", "com", "html", "pdf", "isbn", "issn",
    ]),
    ("edition", &[
        "edition", "edn", "ed", "rev", "aufl", "auflage", "éd", "edición", "baskı",
    ]),
];

/// Quotes that open a quoted title.
const OPENING: &[char] = &['“', '„', '«', '‘', '‚', '"', '`'];

/// One token's own facts; a token's features are these plus some of its neighbours'.
pub(super) struct Own {
    word: String,
    shape: String,
    lead: String,
    trail: String,
    class: &'static str,
}

/// The features of each token of `text`, as attribute names for the labeller.
pub fn describe_tokens(text: &str, tokens: &[Range<usize>]) -> Vec<Vec<String>> {
    let mut out = vec![Vec::with_capacity(56); tokens.len()];
    visit_features(text, tokens, |i, feature| out[i].push(feature.to_string()));
    out
}

/// Calls `emit(i, feature)` with each feature of token `i`, in order of tokens. The
/// labeller scores features as they come, so parsing allocates no string per feature.
pub(super) fn visit_features(
    text: &str,
    tokens: &[Range<usize>],
    mut emit: impl FnMut(usize, &str),
) {
    let own: Vec<Own> = tokens.iter().map(|r| own(&text[r.clone()])).collect();
    let n = tokens.len();
    let mut buf = String::with_capacity(64);
    for (i, state) in states(text, tokens, &own).iter().enumerate() {
        let mut emit = |f: &str| emit(i, f);
        state_features(state_values(state, i, n), &mut buf, &mut emit);
        own_features(&own[i], &mut buf, &mut emit);
        for (k, _) in NEIGHBOURS {
            if let Some(j) = neighbour(i, k, n) {
                neighbour_features(&own[j], k, &mut buf, &mut emit);
                pair_features(&own[i], &own[j], k, &mut buf, &mut emit);
            }
        }
    }
}

/// The neighbours a token's features look at, by offset, with the offset's name.
pub(super) const NEIGHBOURS: [(isize, &str); 4] = [(-2, "-2"), (-1, "-1"), (1, "+1"), (2, "+2")];

/// The index of the token `k` places from token `i` of `n`, if there is one.
pub(super) fn neighbour(i: usize, k: isize, n: usize) -> Option<usize> {
    let j = i as isize + k;
    (0..n as isize).contains(&j).then_some(j as usize)
}

/// What is open before a token: quotes, brackets, emphasis, and how many sentences
/// have ended.
pub(super) struct State {
    quote: u8,
    paren: u8,
    emph: bool,
    sentences: u8,
    opens_quote: bool,
    opens_emph: bool,
    opens_paren: bool,
}

/// The state before each token.
pub(super) fn states<O: std::borrow::Borrow<Own>>(
    text: &str,
    tokens: &[Range<usize>],
    own: &[O],
) -> Vec<State> {
    let mut quote = 0u8;
    let mut paren = 0u8;
    let mut emph = false;
    let mut sentences = 0u8;
    let mut out = Vec::with_capacity(tokens.len());
    for (range, me) in tokens.iter().zip(own) {
        let me = me.borrow();
        let token = &text[range.clone()];
        let opens_emph = token.starts_with(['*', '_']);
        out.push(State {
            quote,
            paren,
            emph,
            sentences,
            opens_quote: token.starts_with(OPENING) || token.starts_with("``"),
            opens_emph,
            opens_paren: token.starts_with(['(', '[']),
        });
        for c in token.chars() {
            if matches!(c, '(' | '[') {
                paren = paren.saturating_add(1);
            } else if matches!(c, ')' | ']') {
                paren = paren.saturating_sub(1);
            }
        }
        quote = next_quote(token, quote);
        if opens_emph {
            emph = true;
        }
        if token
            .trim_end_matches(['.', ',', ';', ':'])
            .ends_with(['*', '_'])
        {
            emph = false;
        }
        let ends_sentence = me.trail.contains(['.', '?', '!']) && !is_initial(token);
        if ends_sentence || me.trail.contains(['”', '"', ':']) {
            sentences = sentences.saturating_add(1);
        }
    }
    out
}

/// One feature made of string parts, joined in the reused buffer and handed on
/// (without the formatting machinery: these are most of the features).
macro_rules! joined {
    ($buf:expr, $emit:expr, $($part:expr),+) => {{
        $buf.clear();
        $($buf.push_str($part);)+
        $emit(&$buf);
    }};
}

/// One feature, formatted into the reused buffer and handed on.
macro_rules! feature {
    ($buf:expr, $emit:expr, $($arg:tt)*) => {{
        $buf.clear();
        let _ = write!($buf, $($arg)*);
        $emit(&$buf);
    }};
}

/// The numbers the place features of token `i` of `n` give, in the order of
/// [`STATE_NAMES`]: quote, bracket and emphasis state (1 inside, 2 opening, 3 both),
/// sentences ended before it, its eighth of the reference, its index and how many
/// tokens follow it (both capped).
pub(super) fn state_values(state: &State, i: usize, n: usize) -> [u8; 7] {
    let State {
        quote,
        paren,
        emph,
        sentences,
        opens_quote,
        opens_emph,
        opens_paren,
    } = *state;
    [
        quote.min(1) + u8::from(opens_quote) * 2,
        paren.min(1) + u8::from(opens_paren) * 2,
        u8::from(emph) + u8::from(opens_emph) * 2,
        sentences.min(6),
        (i * 8 / n.max(1)) as u8,
        i.min(6) as u8,
        (n - 1 - i).min(4) as u8,
    ]
}

/// The names of the place features, in the order of [`state_values`].
const STATE_NAMES: [&str; 7] = ["q", "br", "em", "sent", "pos", "idx", "left"];

/// Features of where a token stands and what is open before it, from its
/// [`state_values`], with the edge features its index and the tokens after it imply.
pub(super) fn state_features(values: [u8; 7], buf: &mut String, emit: &mut impl FnMut(&str)) {
    for (name, value) in STATE_NAMES.iter().zip(values) {
        feature!(buf, emit, "{name}={value}");
    }
    // idx and left are exact below their caps, so they say which neighbours exist.
    let (idx, left) = (values[5] as usize, values[6] as usize);
    for (k, name) in NEIGHBOURS {
        let missing = if k < 0 {
            k.unsigned_abs() > idx
        } else {
            k as usize > left
        };
        if missing {
            edge_feature(name, buf, emit);
        }
    }
}

/// Features of the token's own text: the same wherever it stands.
pub(super) fn own_features(me: &Own, buf: &mut String, emit: &mut impl FnMut(&str)) {
    joined!(buf, emit, "w=", &me.word);
    joined!(buf, emit, "shape=", &me.shape);
    joined!(buf, emit, "lead=", &me.lead);
    joined!(buf, emit, "trail=", &me.trail);
    joined!(buf, emit, "class=", me.class);
    joined!(buf, emit, "lt=", &me.lead, "|", &me.trail);
    let word = me.word.as_str();
    let count = word.chars().count();
    let at = |k: usize| word.char_indices().nth(k).map_or(word.len(), |(b, _)| b);
    for (k, (p, s)) in [
        (1, ("p1=", "s1=")),
        (2, ("p2=", "s2=")),
        (3, ("p3=", "s3=")),
    ] {
        if count > k {
            joined!(buf, emit, p, &word[..at(k)]);
            joined!(buf, emit, s, &word[at(count - k)..]);
        }
    }
    joined!(buf, emit, "len=", LENGTHS[count.min(10)]);
}

/// The values of the `len` feature, written out: a word is scored without the
/// formatting machinery.
const LENGTHS: [&str; 11] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];

/// Features a neighbour `k` places away gives a token: they depend on the neighbour's
/// text only.
pub(super) fn neighbour_features(
    other: &Own,
    k: isize,
    buf: &mut String,
    emit: &mut impl FnMut(&str),
) {
    let name = NEIGHBOURS
        .iter()
        .find(|(o, _)| *o == k)
        .map_or("", |(_, n)| n);
    joined!(buf, emit, "w", name, "=", &other.word);
    joined!(buf, emit, "shape", name, "=", &other.shape);
    joined!(buf, emit, "trail", name, "=", &other.trail);
    joined!(buf, emit, "class", name, "=", other.class);
    if k.abs() == 1 {
        joined!(buf, emit, "lead", name, "=", &other.lead);
    }
}

/// Features of a token and its direct neighbour together.
pub(super) fn pair_features(
    me: &Own,
    other: &Own,
    k: isize,
    buf: &mut String,
    emit: &mut impl FnMut(&str),
) {
    if k.abs() == 1 {
        let name = if k < 0 { "-1" } else { "+1" };
        joined!(buf, emit, "shapes", name, "=", &other.shape, "|", &me.shape);
    }
}

/// The feature of a neighbour place past either end of the reference.
fn edge_feature(name: &str, buf: &mut String, emit: &mut impl FnMut(&str)) {
    joined!(buf, emit, "w", name, "=<none>");
}

/// Quote depth after `token`: curly quotes nest, straight ones toggle, an apostrophe
/// inside a word is no quote.
fn next_quote(token: &str, depth: u8) -> u8 {
    let mut depth = depth;
    let last = token.chars().count().saturating_sub(1);
    for (i, c) in token.chars().enumerate() {
        match c {
            '“' | '„' | '«' => depth = depth.saturating_add(1),
            '”' | '»' => depth = depth.saturating_sub(1),
            '"' if i == 0 && depth == 0 => depth = 1,
            '"' => depth = depth.saturating_sub(1),
            '‘' if i == 0 => depth = depth.saturating_add(1),
            '’' if i >= last.saturating_sub(2) && depth > 0 && i > 0 => {
                depth = depth.saturating_sub(1)
            }
            _ => {}
        }
    }
    if token.starts_with("``") {
        depth = depth.saturating_add(1);
    }
    if token.trim_end_matches(['.', ',']).ends_with("''") {
        depth = depth.saturating_sub(1);
    }
    depth.min(3)
}

pub(super) fn own(token: &str) -> Own {
    let core = token.trim_matches(|c: char| !c.is_alphanumeric());
    let lead_end = token.len()
        - token
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    let lead: String = token[..lead_end].chars().take(3).collect();
    let trail: String = {
        let tail = &token[lead_end + core.len()..];
        let mut t: Vec<char> = tail.chars().rev().take(3).collect();
        t.reverse();
        t.into_iter().collect()
    };
    let word = core.to_lowercase();
    Own {
        shape: shape(core, token),
        class: class(&word, core, token),
        word: if word.is_empty() {
            "<punct>".into()
        } else {
            word
        },
        lead,
        trail,
    }
}

/// "Xx", "X.", "dddd", "dd-dd", "xx://": characters by kind, runs collapsed.
fn shape(core: &str, token: &str) -> String {
    if core.is_empty() {
        return "<punct>".into();
    }
    let mut out = String::new();
    let mut last = None;
    for c in core.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_alphanumeric() {
            'a'
        } else {
            c
        };
        if last != Some(k) {
            out.push(k);
            last = Some(k);
        }
        if out.len() > 8 {
            break;
        }
    }
    if is_initial(token) {
        out.push_str("<init>");
    }
    out
}

/// The single most telling class of a token.
fn class(word: &str, core: &str, token: &str) -> &'static str {
    let lower = token.to_lowercase();
    if lower.contains("http") || lower.contains("www.") || lower.contains("://") {
        return "url";
    }
    if lower.starts_with("10.") && lower.contains('/') || lower.starts_with("doi") {
        return "doi";
    }
    if is_year(core) {
        return "year";
    }
    if core.len() >= 5
        && core.contains(['-', '–', '—'])
        && core
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '–' | '—'))
    {
        return "range";
    }
    if !core.is_empty() && core.chars().all(|c| c.is_ascii_digit()) {
        return match core.len() {
            1 | 2 => "num2",
            3 => "num3",
            _ => "num",
        };
    }
    if core.contains('(') && core.starts_with(|c: char| c.is_ascii_digit()) {
        return "volissue";
    }
    if listed(word).is_some_and(|l| l.month) {
        return "month";
    }
    if is_initial(token) {
        return "initial";
    }
    if (2..=3).contains(&core.chars().count()) && core.chars().all(char::is_uppercase) {
        return "caps";
    }
    if word == "et" && token == "et" {
        return "et";
    }
    if let Some(name) = listed(word).and_then(|l| l.class) {
        return name;
    }
    if !core.is_empty()
        && core
            .chars()
            .all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c' | 'I' | 'V' | 'X' | 'L' | 'C'))
    {
        return "roman";
    }
    if core.chars().any(|c| c.is_ascii_digit()) {
        return "hasdigit";
    }
    "word"
}

/// What the word lists say of a word: a month, and the first of [`CLASSES`] that
/// lists it.
#[derive(Default)]
struct Listed {
    month: bool,
    class: Option<&'static str>,
}

/// The lists' entry for `word`, from one table made of [`MONTHS`] and [`CLASSES`]: a
/// word new to the labeller was compared with each of their 450 words.
fn listed(word: &str) -> Option<&'static Listed> {
    static TABLE: OnceLock<HashMap<&str, Listed>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            let mut table: HashMap<&str, Listed> = HashMap::new();
            for month in MONTHS {
                table.entry(*month).or_default().month = true;
            }
            for (name, words) in CLASSES {
                for word in *words {
                    table.entry(*word).or_default().class.get_or_insert(*name);
                }
            }
            table
        })
        .get(word)
}

/// "J.", "J.-P.", "Ch.": a capital, at most one lowercase letter, a period.
pub(crate) fn is_initial(token: &str) -> bool {
    let t = token
        .trim_start_matches(['(', '[', '“', '"'])
        .trim_end_matches([',', ';', ':']);
    let Some(body) = t.strip_suffix('.') else {
        return false;
    };
    body.split(['.', '-']).filter(|p| !p.is_empty()).all(|p| {
        let mut cs = p.chars();
        cs.next().is_some_and(char::is_uppercase)
            && cs.clone().count() <= 1
            && cs.all(char::is_lowercase)
    }) && !body.is_empty()
}

/// "1987", "2005a": a plausible year of publication.
pub(crate) fn is_year(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_lowercase() && c < 'h');
    digits.len() == 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(&digits[..2], "15" | "16" | "17" | "18" | "19" | "20")
        && word.len() - digits.len() <= 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::split_tokens::split_tokens;

    #[test]
    fn initials_years_and_quotes() {
        assert!(is_initial("R."));
        assert!(is_initial("J.-P.,"));
        assert!(is_initial("Ch."));
        assert!(!is_initial("Snodgrass."));
        assert!(is_year("2005a") && is_year("1999") && !is_year("3001") && !is_year("12345"));
        let text = "Roe, A. “Harbour Strikes.” Journal 12";
        let features = describe_tokens(text, &split_tokens(text));
        assert!(
            features[3].contains(&"q=1".to_string()),
            "{:?}",
            features[3]
        );
        assert!(
            features[4].contains(&"q=0".to_string()),
            "{:?}",
            features[4]
        );
    }
}
