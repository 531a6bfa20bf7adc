//! Reading a note as a short form: whom and what it names, and where in the work.
//!
//! Chicago (14.29–14.32) shortens a later note to the author's family name, a short
//! title of up to four words of the main title (a leading article often dropped), and
//! the locator: "Varga, *Salt Roads*, 23." Variants read here: author only ("Varga,
//! 23"), title only ("*Charter of the Harbour Guilds*, art. 12"), "op. cit.", "loc.
//! cit." and "art. cit." after a name ("Varga, op. cit., 23"), several authors ("Cole
//! and Hussain, “Defectors,” 4"), initials after the name ("Merat, A., Title"). A
//! note that may be read more than one way yields every reading; the matcher decides.

use super::parse_citation::{fold, url_ranges};
use super::read_case_short::read_case_short;
use super::read_cjk::{is_cjk, read_cjk_short};
use super::read_cues::{after_second_hand_cue, strip_lead_cue, without_trailing_clause};
use super::read_locator::{has_year, is_year, locator_of, short_locator};
use super::scan::{lower_in_place, may_hold};

/// One way of reading a note as a short form.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Short {
    /// Family names, folded ("varga", "de la macorra"); empty for a title-only form.
    pub names: Vec<String>,
    /// The short title, folded; `None` for an author-only form.
    pub title: Option<String>,
    /// The year of an author-date form ("Kurlansky 2002", "Smith et al. (2019a)"),
    /// folded; the work must have it too.
    pub year: Option<String>,
    /// Written with "op. cit.", "loc. cit." or "art. cit.".
    pub cited: bool,
    /// The kind of work an "op. cit." word names, where it names one (Chinese 前引书 a
    /// book, Japanese 前掲論文 an article).
    pub kind: Option<crate::model::WorkKind>,
    /// A case's report, folded volume and reporter ("372 u s" of "Gideon, 372 U.S. at
    /// 344"): the work must hold it too.
    pub report: Option<String>,
    /// The first author's initial where the note gives one ("C. Francis 112", "Merat,
    /// A., …"), lowercase: it tells apart two authors of one family name.
    pub initial: Option<char>,
    /// Its shape alone says "short form" (a locator, a cue, or names and a title with
    /// no sentence break): one that fits no earlier work is reported, not taken for a
    /// new source.
    pub shaped: bool,
}

/// What a note reads as, when read as a short form.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Reading {
    /// The possible readings, most likely first; empty when it cannot be a short form.
    pub shorts: Vec<Short>,
    /// The locator after the short form ("23", "p. 12", "art. 12").
    pub locator: Option<String>,
    /// The text has a sentence break ("Smith, J. (2001). Alpha."): a full citation,
    /// whatever it fits.
    pub full: bool,
}

/// "the work cited" abbreviations, lowercase, longest spellings first: Latin, Spanish
/// and Portuguese "ob. cit.", German "a.a.O." (am angegebenen Ort), Polish "dz. cyt."
/// (dzieło cytowane), Czech "cit. d." (citované dílo) and Slovak "cit. dielo", Romanian
/// "lucr. cit." (lucrarea citată), Turkish "a.g.e." (adı geçen eser) and "a.g.m." (adı
/// geçen makale), Russian "указ. соч." (указанное сочинение) and "цит. соч.", Greek
/// "ό.π." (όπως παραπάνω) after a name ("Liddell, ό.π., σ. 190."). Italian
/// writes "cit." alone after the name or title ("Croce, *Storia d'Italia*, cit., p.
/// 100"; "Galilei, *Sidereus nuncius* cit., c. 4"), see [`ITALIAN_CIT`]; the cues that
/// are initials when capitalised are [`CITED_CUES_LOWER`].
const CITED_CUES: &[&str] = &[
    "op. cit.",
    "op.cit.",
    "op cit.",
    "op cit",
    "loc. cit.",
    "loc.cit.",
    "loc cit",
    "art. cit.",
    "art.cit.",
    "art cit",
    "ob. cit.",
    "ob.cit.",
    "a. a. o.",
    "a.a.o.",
    "a.g.e.",
    "a.g.m.",
    "dz. cyt.",
    "dz.cyt.",
    "cyt. dz.",
    "cit. d.",
    "cit. dílo",
    "cit. dielo",
    "lucr. cit.",
    "указ. соч.",
    "указ.соч.",
    "цит. соч.",
    "ό.π.",
    "ο.π.",
    ITALIAN_CIT,
];

/// Italian "cit.": a cue after a comma, or after a title ("*Sidereus nuncius* cit.,
/// c. 4") when a comma or the end follows it, as the whole word.
const ITALIAN_CIT: &str = ", cit.";

/// "the work cited" abbreviations written in lowercase only, compared as written:
/// capitalised, they are a person's initials ("A.W. Smith"). Dutch "a.w." (aangehaald
/// werk) and "t.a.p." (ter aangehaalde plaatse), Swedish and Danish "a.a." (anfört
/// arbete, anførte arbejde), Hungarian "i. m." (idézett mű).
const CITED_CUES_LOWER: &[&str] = &[
    "t.a.p.", "t. a. p.", "a.w.", "a. w.", "a.a.", "i. m.", "i.m.",
];

/// Lowercase words a family name may hold ("de la Macorra", "van Gogh").
pub(super) const PARTICLES: &[&str] = &[
    "van", "von", "de", "da", "del", "della", "der", "den", "di", "du", "la", "le", "ter", "ten",
    "y", "bin", "ibn", "al", "el", "dos", "das", "do", "zu", "af",
];

/// The word for "and" between authors' names: English, French and Latin "et", German
/// "und", Dutch "en", Spanish "y" and "e", Italian and Portuguese "e", Polish, Catalan
/// and Croatian "i", Czech and Slovak "a", Swedish "och", Danish and Norwegian "og",
/// Hungarian "és", Romanian "și", Finnish "ja", Turkish "ve", Russian "и", Ukrainian
/// "і" and "та"; and the dash that joins co-authors in Hungarian and German
/// ("Gortvay–Zoltán", which [`name_words`] cuts at it).
const AND_WORDS: &[&str] = &[
    "and", "&", "et", "und", "en", "y", "e", "i", "a", "och", "og", "és", "și", "ja", "ve", "и",
    "і", "та", "–",
];

/// The words of a name part, a dash between two names a word of its own: "Gortvay–Zoltán"
/// → "Gortvay", "–", "Zoltán" (a hyphen joins one double-barrelled name and stays).
fn name_words(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace().flat_map(|word| {
        let mut parts = Vec::new();
        let mut rest = word;
        while let Some(at) = rest
            .find('–')
            .filter(|&at| at > 0 && at + '–'.len_utf8() < rest.len())
        {
            parts.push(&rest[..at]);
            parts.push("–");
            rest = &rest[at + '–'.len_utf8()..];
        }
        parts.push(rest);
        parts
    })
}

/// The name after a leading "and" ("and Tóth", "& Tóth", "en Van der Woude").
pub(super) fn after_and(segment: &str) -> Option<&str> {
    let (word, rest) = segment.split_once(' ')?;
    AND_WORDS.contains(&word).then_some(rest)
}

/// Small words between the capitalised words of an organisation's name.
const CORPORATE: &[&str] = &["of", "for", "the", "on", "in"];

/// Reads `text` as a short form. A text with a URL never is one.
pub(super) fn read_short(text: &str) -> Reading {
    if is_cjk(text) {
        return read_cjk_short(text);
    }
    let text = strip_lead_cue(text);
    let text = without_trailing_clause(after_second_hand_cue(text).unwrap_or(text));
    if may_hold(text, &["http", "www.", "doi:"]) && !url_ranges(text).is_empty() {
        return Reading::default();
    }
    if let Some(reading) = read_case_short(text) {
        return reading;
    }
    if let Some((before, after)) = split_cited(text) {
        // "F. Furet, *op. cit.*, p. 113.": the emphasis is the cue's
        let locator = after
            .trim_matches(|c: char| matches!(c, ',' | '.' | '*' | '_') || c.is_whitespace())
            .to_string();
        let head = before.trim_end_matches([',', ' ', '*', '_']);
        let mut shorts = head_readings(head, false);
        // "…mi limito a rinviare alla sintesi di Drake, *Galileo at Work* cit.": the
        // cue closes a short form that prose leads up to.
        if !shorts.iter().any(|s| !s.names.is_empty())
            && let Some(tail) = prose_tail(head)
        {
            let mut tail_shorts = head_readings(tail, false);
            // "…in de pers en in de Tweede Kamer Bosch, a.w.": the capitals may start
            // before the name, so its last words are read too, longest first.
            if !tail.contains([',', '*', '_', '“', '"']) {
                for (at, _) in tail.match_indices(' ') {
                    tail_shorts.extend(head_readings(&tail[at + 1..], false));
                }
            }
            tail_shorts.append(&mut shorts);
            shorts = tail_shorts;
        }
        for short in &mut shorts {
            short.cited = true;
            short.shaped = true;
        }
        if shorts.is_empty() && head.trim().is_empty() {
            shorts.push(Short {
                cited: true,
                shaped: true,
                ..Short::default()
            });
        }
        return Reading {
            shorts,
            locator: (!locator.is_empty()).then_some(locator),
            full: false,
        };
    }
    let (head, locator) = short_locator(text);
    let head = head.trim().trim_end_matches([',', '.', ';', ' ']);
    Reading {
        shorts: head_readings(head, locator.is_some()),
        locator,
        full: has_sentence_break(head),
    }
}

/// The text before a final locator, and the locator, of a note that may be a full
/// citation too.
pub(super) fn without_locator(text: &str) -> (&str, Option<String>) {
    let text = strip_lead_cue(text);
    locator_of(after_second_hand_cue(text).unwrap_or(text))
}

/// The text before and after an "op. cit."-like cue, if there is one.
fn split_cited(text: &str) -> Option<(&str, &str)> {
    let cyrillic = text.contains(['у', 'У', 'ц', 'Ц']);
    let needles = [
        "cit", "cyt", "a.a.", "a. a.", "a.g.", "a.w.", "a. w.", "t.a.p", "t. a. p", "i. m.",
        "i.m.", "ό.π", "ο.π",
    ];
    if !cyrillic && !may_hold(text, &needles) {
        return None;
    }
    let lower = lower_in_place(text);
    let whole_word = |within: &str, cue: &str| {
        within.match_indices(cue).map(|(at, _)| at).find(|&at| {
            let starts_word = at == 0 || !within[..at].ends_with(char::is_alphanumeric);
            !within[at + cue.len()..].starts_with(char::is_alphanumeric)
                && (starts_word || cue.starts_with(','))
        })
    };
    let cut = |at: usize, cue: &str| {
        let end = at + cue.len();
        let at = if cue.starts_with(',') { at + 1 } else { at };
        (&text[..at], &text[end..])
    };
    let found = CITED_CUES
        .iter()
        .find_map(|cue| whole_word(&lower, cue).map(|at| cut(at, cue)))
        .or_else(|| {
            CITED_CUES_LOWER
                .iter()
                .find_map(|cue| whole_word(text, cue).map(|at| cut(at, cue)))
        });
    found.or_else(|| {
        // "*Sidereus nuncius* cit., c. 4": "cit." closing a title, before a comma or
        // the end ("cit. in" opens a quotation's source, another thing).
        let cue = " cit.";
        lower.match_indices(cue).find_map(|(at, _)| {
            let after = lower[at + cue.len()..].trim_start_matches('*');
            let closes = after.trim().is_empty() || after.starts_with(',');
            (at > 0 && closes).then(|| (&text[..at], &text[at + cue.len()..]))
        })
    })
}

/// The names and title that end a sentence of prose ("…alla sintesi di Drake, *Galileo
/// at Work*" → "Drake, *Galileo at Work*"): the capitalised words closing the first
/// part of the last clause, after a lowercase word.
pub(super) fn prose_tail(head: &str) -> Option<&str> {
    let clause = head.rsplit("; ").next().unwrap_or(head);
    let first = clause.split(", ").next().unwrap_or(clause);
    let mut start = None;
    for (at, word) in first
        .match_indices(' ')
        .map(|(i, _)| i + 1)
        .map(|i| (i, &first[i..]))
    {
        let word = word.split(' ').next().unwrap_or("");
        let capital = word.starts_with(char::is_uppercase);
        if capital && start.is_none() {
            let before = first[..at].trim_end();
            let prose = before
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.chars().all(char::is_lowercase) && !w.is_empty());
            start = prose.then_some(at);
        } else if !capital {
            start = None;
        }
    }
    let start = start?;
    let offset = first.as_ptr() as usize - head.as_ptr() as usize + start;
    Some(&head[offset..])
}

/// The most comma-separated parts and words a short title runs to; longer runs are
/// the rest of a full citation.
const MAX_TITLE_PARTS: usize = 2;
pub(super) const MAX_TITLE_WORDS: usize = 20;

/// The readings of the part before the locator: names then a title, or a title alone.
fn head_readings(head: &str, has_locator: bool) -> Vec<Short> {
    let head = head.trim();
    if head.is_empty() {
        return Vec::new();
    }
    if let Some(quoted) = quoted_title(head) {
        return quoted.into_iter().collect();
    }
    // A sentence break, a year or a long run of parts makes it a full citation
    // (that may happen to end in pages).
    let plain = !has_sentence_break(head) && !has_year(head);
    let short_enough = |parts: &[&str]| {
        parts.len() <= MAX_TITLE_PARTS
            && parts
                .iter()
                .map(|p| p.split_whitespace().count())
                .sum::<usize>()
                <= MAX_TITLE_WORDS
    };
    let segments: Vec<&str> = head.split(", ").collect();
    let name_count = name_segments(&segments);
    let mut out: Vec<Short> = author_date(head).into_iter().collect();
    // DIN 1505's short form puts a colon between the name and the title: "Humboldt:
    // Ansichten der Natur, a.a.O.", "Ette: Globalisierung, S. 112".
    if let [first, ..] = segments.as_slice()
        && let Some((who, what)) = first.split_once(": ")
        && let who = without_editor_mark(who)
        && is_names(who)
        && let Some(title) = title_key(what)
    {
        out.push(Short {
            report: None,
            names: names_of(&[who]),
            initial: initial_of(&[who]),
            year: None,
            shaped: plain && short_enough(&segments) && has_locator,
            title: Some(title),
            cited: false,
            kind: None,
        });
    }
    if name_count > 0 {
        let names = names_of(&segments[..name_count]);
        let rest = &segments[name_count..];
        let title = title_key(&rest.join(", "));
        // "The Queen, so the story goes, had chosen…": with no locator to show a short
        // form, a title after the names opens with a capital, a figure or a mark, not
        // with a lowercase word ("Cable, racial dot map, 51" keeps a lowercase title).
        let prose_after = !has_locator
            && rest
                .first()
                .and_then(|p| p.chars().next())
                .is_some_and(char::is_lowercase);
        if !names.is_empty() {
            out.push(Short {
                report: None,
                names,
                initial: initial_of(&segments[..name_count]),
                year: None,
                shaped: plain
                    && !crate::cite::din_names(head, has_locator)
                    && short_enough(rest)
                    && !prose_after
                    && (has_locator || title.is_some()),
                title,
                cited: false,
                kind: None,
            });
        }
    }
    // "Salt Roads, 23" and "Varga, 23" look alike: a lone part is read both ways.
    if name_count == 0 || name_count == segments.len() {
        out.push(Short {
            report: None,
            names: Vec::new(),
            title: title_key(head),
            year: None,
            cited: false,
            kind: None,
            initial: None,
            shaped: plain && short_enough(&segments) && has_locator,
        });
    }
    out.retain(|s| s.title.is_some() || !s.names.is_empty());
    let read = out.len();
    // "De Vries en Van der Woude 1995" after "Vries, Jan de, en Ad van der Woude.
    // 1995.": a name's leading particles stand elsewhere when it is inverted, so the
    // readings are tried without them too, last.
    for i in 0..read {
        let names: Vec<String> = out[i].names.iter().map(|n| without_particles(n)).collect();
        if names != out[i].names {
            out.push(Short {
                names,
                ..out[i].clone()
            });
        }
    }
    out
}

/// A folded family name without its leading particles ("van der woude" → "woude");
/// a name of particles only stays as it is.
fn without_particles(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let skip = words
        .iter()
        .take(words.len().saturating_sub(1))
        .take_while(|w| PARTICLES.contains(w))
        .count();
    words[skip..].join(" ")
}

/// "Kurlansky 2002", "Cole and Hussain (2020a)", "Romero et al., 2019": an
/// author-date short form (Chicago author-date, Harvard, a wiki's shortened
/// footnotes), names then a year and nothing else. Its shape alone does not make it a
/// short form: with no bibliography to point into, "Reuters 2019" is the citation.
fn author_date(head: &str) -> Option<Short> {
    let head = head.trim_end_matches(')');
    let cut = head.rfind([' ', '('])?;
    let year = &head[cut + 1..];
    let digits = year.trim_end_matches(|c: char| c.is_ascii_lowercase());
    if !is_year(digits) || year.len() - digits.len() > 1 {
        return None;
    }
    let before = head[..cut].trim_end_matches(['(', ',', ' ']);
    let segments: Vec<&str> = before.split(", ").collect();
    // Harvard lists names with commas up to an ampersand: "Hammel-Kiesow, Puhle &
    // Wittenburg 2009"; no title can stand between them before a year.
    let listed =
        || segments.len() > 1 && segments.iter().all(|s| is_names(after_and(s).unwrap_or(s)));
    if before.is_empty() || name_segments(&segments) != segments.len() && !listed() {
        return None;
    }
    let names = names_of(&segments);
    (!names.is_empty()).then(|| Short {
        report: None,
        initial: initial_of(&segments),
        names,
        title: None,
        year: Some(fold(year)),
        cited: false,
        kind: None,
        shaped: false,
    })
}

/// "Cole, “Defectors,”", "“Defectors”" or "Brunet, « Le concours de 1816 »": a quoted
/// title, with the names before it.
fn quoted_title(head: &str) -> Option<Option<Short>> {
    let (open, q) = head
        .char_indices()
        .find(|(_, c)| matches!(c, '“' | '"' | '«'))?;
    let inner_start = open + q.len_utf8();
    let close = head[inner_start..].find(['”', '"', '»'])? + inner_start;
    let after = &head[close..];
    let after = after.get(after.chars().next().map_or(0, char::len_utf8)..)?;
    // Quotes inside an italic title: "Annotations to “Finnegans Wake”" (a word, not
    // a name and comma, before them), "“Intention” und “Intentionalität” in" (the
    // title runs on in lowercase after them, where "“Note G,” in [7]" closed it with
    // a comma). The title is then read as any other.
    let before = head[..open].trim_end();
    let opens_title = before.is_empty() || before.ends_with(',');
    let closed = head[..close].ends_with([',', '.', ';', ':', '?', '!']);
    let runs_on = !closed
        && after
            .strip_prefix(' ')
            .is_some_and(|rest| rest.starts_with(char::is_lowercase));
    if !opens_title || runs_on {
        return None;
    }
    // Anything after the closing quote but punctuation makes it a full citation.
    if after.chars().any(char::is_alphanumeric) {
        return Some(None);
    }
    let before = head[..open].trim().trim_end_matches([',', ' ']);
    let segments: Vec<&str> = if before.is_empty() {
        Vec::new()
    } else {
        before.split(", ").collect()
    };
    if name_segments(&segments) != segments.len() {
        return Some(None);
    }
    Some(Some(Short {
        report: None,
        names: names_of(&segments),
        initial: initial_of(&segments),
        title: title_key(&head[inner_start..close]),
        year: None,
        cited: false,
        kind: None,
        shaped: true,
    }))
}

/// How many leading comma-separated parts name authors: "Varga", "Cole and Hussain",
/// "Merat", "A." (initials follow their name), "Varga", "Kiss", "and Tóth".
fn name_segments(segments: &[&str]) -> usize {
    let Some(first) = segments.first() else {
        return 0;
    };
    if !is_names(first) {
        return 0;
    }
    let mut count = 1;
    // A list of three: "Varga, Kiss, and Tóth" — only when an "and" part closes it.
    if let Some(last_and) = segments.iter().position(|s| after_and(s).is_some())
        && segments
            .get(1..last_and)
            .unwrap_or_default()
            .iter()
            .all(|s| is_names(s))
        && after_and(segments[last_and]).is_some_and(is_names)
    {
        count = last_and + 1;
    }
    while count < segments.len() {
        let s = segments[count];
        let joined = after_and(s);
        if is_initials(s) {
            count += 1;
        } else if let Some(name) = joined
            && is_names(name)
        {
            count += 1;
        } else {
            break;
        }
    }
    count
}

/// Whether `text` reads as one or more names: capitalised words, particles, "and",
/// "&", "et al.", at most a few words a name. A corporate author may hold small words
/// between capitalised ones ("Department of Veterans Affairs").
fn is_names(text: &str) -> bool {
    let words: Vec<&str> = name_words(text).collect();
    let capital = |w: &str| {
        let w = w.trim_end_matches([',', '.']);
        w.starts_with(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.' | '&'))
    };
    !words.is_empty()
        && words.len() <= 8
        && words.iter().all(|w| {
            let w = w.trim_end_matches([',', '.']);
            capital(w)
                || PARTICLES.contains(&w)
                || CORPORATE.contains(&w)
                || AND_WORDS.contains(&w)
                || w == "al"
        })
        && words
            .last()
            .is_some_and(|w| capital(w) || matches!(*w, "al" | "al."))
        && !is_initials(text)
}

/// "A.", "M. C.", "J.-P.", "Ch.": initials after a family name.
fn is_initials(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text.ends_with('.')
        && text.split([' ', '-']).filter(|p| !p.is_empty()).all(|p| {
            let mut chars = p.chars();
            chars.next().is_some_and(char::is_uppercase)
                && p.ends_with('.')
                && p.chars().count() <= 3
        })
}

/// The folded family names of the name parts ("Cole and Hussain" → cole, hussain;
/// "De Vries en Van der Woude" → de vries, van der woude), without the initials
/// written before or after a name ("F. Furet", "Лотман Ю. М." → furet, лотман).
fn names_of(segments: &[&str]) -> Vec<String> {
    let mut names = Vec::new();
    for segment in segments {
        if is_initials(segment) {
            continue;
        }
        let segment = after_and(segment)
            .unwrap_or(segment)
            .replace(" et al.", "")
            .replace(" et al", "");
        let mut words: Vec<&str> = Vec::new();
        let words_of = name_words(&segment).map(Some).chain([None]);
        for word in words_of {
            match word {
                Some(w) if !AND_WORDS.contains(&w) => {
                    if !is_initials(w) {
                        words.push(w);
                    }
                }
                _ => {
                    let name = fold(&words.join(" "));
                    if !name.is_empty() && name != "et al" {
                        names.push(name);
                    }
                    words.clear();
                }
            }
        }
    }
    names
}

/// Marks after a name that make its bearer the editor: "H. Kollwitz (Hrsg.): *Briefe*".
const EDITOR_MARKS: &[&str] = &[
    " (Hrsg.)",
    " (Hg.)",
    " (ed.)",
    " (eds.)",
    " (Ed.)",
    " (Eds.)",
    " (éd.)",
    " (éds.)",
    " (dir.)",
    " (coord.)",
    " (red.)",
    " (ред.)",
];

/// `who` without an editor's mark after it.
fn without_editor_mark(who: &str) -> &str {
    EDITOR_MARKS
        .iter()
        .find_map(|mark| who.strip_suffix(mark))
        .unwrap_or(who)
}

/// The initial of the first name's given name, written before it ("C. Francis") or
/// after it as the next part ("Merat, A."), lowercase.
fn initial_of(segments: &[&str]) -> Option<char> {
    let first = segments.first()?;
    let initial = |w: &str| {
        w.chars()
            .next()
            .map(|c| c.to_lowercase().next().unwrap_or(c))
    };
    if let Some(word) = name_words(first).next().filter(|w| is_initials(w)) {
        return initial(word);
    }
    segments
        .get(1)
        .filter(|s| is_initials(s))
        .and_then(|s| initial(s.trim()))
}

/// The folded short title, without the quotes or emphasis marks around it.
fn title_key(text: &str) -> Option<String> {
    let title = fold(
        text.trim()
            .trim_matches(['“', '”', '"', '«', '»', '*', '_'])
            .trim(),
    );
    (!title.is_empty()).then_some(title)
}

/// A period that ends a sentence ("Ilona. The Salt Roads") and so a full citation;
/// initials ("J. Smith") and abbreviations are short enough not to count.
fn has_sentence_break(text: &str) -> bool {
    text.match_indices(". ").any(|(i, _)| {
        let word = text[..i]
            .rsplit(|c: char| c.is_whitespace() || c == '(')
            .next()
            .unwrap_or("");
        word.chars().filter(|c| c.is_alphanumeric()).count() > 3
            || word.chars().all(|c| c.is_ascii_digit() || c == ')')
    })
}

#[cfg(test)]
mod tests;
