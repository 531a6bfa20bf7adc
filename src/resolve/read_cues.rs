//! What stands around a short form and is not part of it: a cue before it ("See",
//! "Vgl.", "Zie", "См."), a topic before the cue ("On France see …"), a clause of
//! commentary after its locator, and "*supra* note N", which names the note itself.

use std::sync::OnceLock;

use super::Set;
use super::read_cjk::strip_cjk_cue;
use super::read_locator::{locator_of, without_parenthetical};
use super::scan::{find_first, lower_in_place, may_hold};
use crate::cite::is_cjk_char;

/// Words that start a note pointing elsewhere ("See Varga, *Salt Roads*, 23"),
/// lowercase, longest first where one starts another: English, French "voir", Spanish
/// "véase", Portuguese "ver", Italian "cfr.", German "vgl." and "siehe", Dutch "zie"
/// (with the adverbs it takes: "zie daarvoor"), Polish "zob." (zobacz) and "por."
/// (porównaj), Czech "viz" and "srov." (srovnej), Slovak "pozri" and "porov.",
/// Danish and Norwegian "jf." (jævnfør), Swedish "jfr" (jämför), Hungarian "lásd" and
/// "vö." (vesd össze), Romanian "vezi", Catalan "vegeu", Turkish "bkz." (bakınız) and
/// "krş." (karşılaştırınız), Greek "βλ." (βλέπε) and "πρβλ." (παράβαλε), Russian "см."
/// (смотри), Ukrainian "див." (дивись). A colon may follow one ("См.:
/// Лотман"). Inside commentary they bring in a citation too ("…; see Varga, *Salt
/// Roads*, 23."), see `pick_citations`; the cues that are common words elsewhere open a
/// note only, see [`OPENING_CUES`].
pub(super) const LEAD_CUES: &[&str] = &[
    "see also ",
    "see ",
    "cf. ",
    "compare ",
    "voir aussi ",
    "voir ",
    "véase también ",
    "véase ",
    "ver também ",
    "ver ",
    "cfr. ",
    "vedi ",
    "vgl. auch ",
    "vgl. dazu ",
    "vgl. hierzu ",
    "vgl. ",
    "siehe auch ",
    "siehe dazu ",
    "siehe ",
    "zie ook ",
    "zie daarvoor ",
    "zie daarover ",
    "zie hierover ",
    "zie hiervoor ",
    "zie bijvoorbeeld ",
    "zie ",
    "zob. też ",
    "zob. także ",
    "zob. ",
    "por. ",
    "viz též ",
    "viz také ",
    "viz ",
    "srov. ",
    "pozri tiež ",
    "pozri ",
    "porov. ",
    "jf. ",
    "jfr. ",
    "jfr ",
    "lásd még ",
    "lásd ",
    "vö. ",
    "vezi și ",
    "vezi ",
    "vegeu també ",
    "vegeu ",
    "bkz. ",
    "krş. ",
    "πρβλ. ",
    "βλ. ",
    "см. также ",
    "см. ",
    "див. також ",
    "див. ",
];

/// Cues of a citation at second hand, before the work actually consulted: a note may
/// open with one ("Zit. nach Wulf: *Erfindung der Natur*, S. 335.", "Цит. по:
/// Менделеева А. И. Указ. соч. С. 145.") or give the original first ("Butler qtd. in
/// C. Francis 221.", "Jones to Smith, 1850, quoted in Varga, *Salt Roads*, 23."). The
/// note cites what follows the cue: English, MLA's "qtd. in", German "zit. nach",
/// French "cité par", Spanish and Portuguese "citado por/en", Italian "cit. in" and
/// "citato in", Latin "apud" (Portuguese ABNT: "ROMERO, Sílvio apud BOSI, op. cit."),
/// Russian "цит. по", Ukrainian "цит. за", Turkish "aktaran".
const SECOND_HAND_CUES: &[&str] = &[
    "as quoted in ",
    "as cited in ",
    "quoted in ",
    "cited in ",
    "qtd. in ",
    "zitiert nach ",
    "zit. nach ",
    "zit. n. ",
    "cité par ",
    "cité dans ",
    "citado por ",
    "citado en ",
    "citado em ",
    "citato in ",
    "cit. in ",
    "apud ",
    "цит. по ",
    "цит. за ",
    "aktaran ",
];

/// Cues that open a note but are common words inside one: Swedish, Danish and
/// Norwegian "se" (see) is Spanish, Italian, Portuguese and French "se" too. One is
/// a cue only before a capital (a name, a title).
const OPENING_CUES: &[&str] = &["se även ", "se också ", "se også ", "se "];

/// Words that may open a note before its cue names the topic ("On France see …",
/// "Zur Debatte vgl. …"): a preposition and at most [`MAX_TOPIC_WORDS`] words more.
const TOPIC_OPENERS: &[&str] = &[
    "on", "for", "about", "sur", "pour", "sobre", "para", "su", "per", "zu", "zur", "zum", "über",
    "over", "om", "o", "despre", "о", "об", "по", "для", "про",
];

/// The most words a topic before a cue runs to, the preposition included.
const MAX_TOPIC_WORDS: usize = 4;

/// Clauses of commentary that may follow a citation's locator ("…, 138, who stresses
/// the herring."; "Varga, *Salt Roads*, 23, though she gives no source."): after a
/// page number, a citation's own words never open so.
pub(super) const TRAILING_CLAUSES: &[&str] = &[
    ", who ",
    ", whose ",
    ", which ",
    ", where ",
    ", though ",
    ", although ",
    ", but ",
    ", while ",
];

/// `text` without a clause of commentary after its locator, see [`TRAILING_CLAUSES`],
/// a topic closing it (see [`TRAILING_TOPICS`]), or a part of the book named after its
/// last page (see [`BOOK_PARTS`]).
pub(super) fn without_trailing_clause(text: &str) -> &str {
    let cut = find_first(text, TRAILING_CLAUSES, |at| {
        text[..at].ends_with(|c: char| c.is_ascii_digit() || c == ')')
    });
    let text = cut.map_or(text, |(at, _)| &text[..at]);
    let topic = find_first(text, TRAILING_TOPICS, |at| {
        text[..at].ends_with(|c: char| c.is_ascii_digit()) && is_topic(&text[at..])
    });
    let text = topic.map_or(text, |(at, _)| &text[..at]);
    match text.rsplit_once(", ") {
        Some((head, part))
            if head.ends_with(|c: char| c.is_ascii_digit()) && is_part_of_book(part) =>
        {
            head
        }
        _ => text,
    }
}

/// The parts of a book a locator may name after its pages ("Franklin, *Autobiography*,
/// 1–40, editors' introduction."), in the languages folio reads.
const BOOK_PARTS: &[&str] = &[
    "introduction",
    "preface",
    "foreword",
    "afterword",
    "prologue",
    "epilogue",
    "appendix",
    "postscript",
    "introducción",
    "prólogo",
    "epílogo",
    "apéndice",
    "préface",
    "avant-propos",
    "postface",
    "annexe",
    "introduzione",
    "prefazione",
    "einleitung",
    "vorwort",
    "nachwort",
];

/// Whether `part` (the words after a locator's last comma) names a part of a book in
/// up to three lowercase words: "introduction", "editors' introduction", "the preface".
fn is_part_of_book(part: &str) -> bool {
    let part = part.trim_end_matches(['.', ' ']);
    let words: Vec<&str> = part.split(' ').collect();
    let last = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
    words.len() <= 3
        && words[..words.len() - 1]
            .iter()
            .all(|w| w.starts_with(char::is_lowercase))
        && BOOK_PARTS.contains(&last.as_str())
}

/// A preposition after a locator that names what the page is cited for ("Tillard
/// 377–80 on the funeral.", "Varga, *Salt Roads*, 23, for the tolls."): the note's
/// words, not the citation's. Titles never follow a bare page so.
const TRAILING_TOPICS: &[&str] = &[
    " on ",
    ", on ",
    " for ",
    ", for ",
    " about ",
    ", about ",
    " regarding ",
    ", regarding ",
    " sur ",
    ", sur ",
    " sobre ",
    ", sobre ",
    " zur ",
    ", zur ",
    " zum ",
    ", zum ",
];

/// The most words a topic after a locator runs to, its preposition aside.
const MAX_TRAILING_TOPIC_WORDS: usize = 8;

/// Whether `rest` (a preposition to the end of the note) is one short topic: a few
/// words in one sentence, no title marked, and at most one capital ("on Dewey's
/// reading", not "on the State of the Canals", a title's words).
fn is_topic(rest: &str) -> bool {
    let rest = rest
        .trim_start_matches([',', ' '])
        .trim_end_matches(['.', ' ']);
    let words = rest.split(' ').skip(1);
    let marked = rest.contains(['*', '_', '"', '“', '«', ';', '(', ':']) || rest.contains(". ");
    let capitals = words.clone().filter(|w| w.starts_with(char::is_uppercase));
    !marked && words.count() <= MAX_TRAILING_TOPIC_WORDS && capitals.count() <= 1
}

/// Lowercase words in a row that make the sentence after a locator a remark
/// ("…, p. 50. The test was made in the presence of…"); the facts of a reference run
/// to fewer ("Vol. 2. Valparaíso: Imprenta Albion de Cox i Taylor.").
const REMARK_RUN: usize = 4;

/// The citation before a sentence of commentary that follows its locator ("Gordin
/// 2004, p. 185. Gordin notes that his dissertation…" → "Gordin 2004, p. 185").
pub(super) fn before_remark(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    let at = text.match_indices(". ").map(|(at, _)| at).find(|&at| {
        at > 0
            && (bytes[at - 1].is_ascii_digit() || bytes[at - 1] == b')')
            && text[at + 2..].starts_with(char::is_uppercase)
    })?;
    let mut run = 0;
    let remark = text[at + 2..].split_whitespace().any(|word| {
        let lower = word.starts_with(char::is_lowercase)
            && word
                .trim_end_matches(['.', ',', ';', ':'])
                .chars()
                .all(char::is_alphabetic);
        run = if lower { run + 1 } else { 0 };
        if word.ends_with([',', '.', ';', ':']) && run < REMARK_RUN {
            run = 0;
        }
        run >= REMARK_RUN
    });
    // "Friedrich, C. (1968). Constitutions and constitutionalism. In…": a year, not
    // a locator, before a title in sentence case.
    let head = &text[..at];
    (remark && locator_of(head).1.is_some()).then_some(head)
}

/// `text` without a leading cue ("See", "Vgl.", "См."; see [`LEAD_CUES`]), and
/// without a short topic before it ("On France see …").
pub(super) fn strip_lead_cue(text: &str) -> &str {
    let trimmed = text.trim();
    // "参见…", "转引自…", "…を参照": CJK cues, with no space after them.
    if trimmed.starts_with(is_cjk_char) {
        return strip_cjk_cue(trimmed);
    }
    if !trimmed.contains(' ') {
        return trimmed;
    }
    if !may_open_with_cue(trimmed) {
        return trimmed;
    }
    // A cue stands in the first few words: only they are lowercased.
    let lower = lower_in_place(lead_words(trimmed));
    let cue_at = |at: usize, cues: &[&str]| {
        cues.iter().find_map(|cue| {
            let word = cue.trim_end();
            let after = lower[at..].strip_prefix(word)?;
            // "See Varga", "См.: Лотман"
            let after = after.strip_prefix(':').unwrap_or(after);
            after
                .starts_with(' ')
                .then(|| trimmed[lower.len() - after.len()..].trim_start())
        })
    };
    // "Se Heckscher, s. 4" but not Spanish "Se trata de…": a name or title must follow.
    let names_follow = |rest: &&str| {
        rest.starts_with(|c: char| c.is_uppercase() || matches!(c, '*' | '_' | '“' | '"' | '«'))
    };
    let opening = || cue_at(0, OPENING_CUES).filter(names_follow);
    let second_hand = || cue_at(0, SECOND_HAND_CUES).filter(names_follow);
    if let Some(rest) = cue_at(0, LEAD_CUES).or_else(opening).or_else(second_hand) {
        return rest;
    }
    let opens_topic = lower
        .split(' ')
        .next()
        .is_some_and(|word| TOPIC_OPENERS.contains(&word));
    if opens_topic {
        // "On France see …": a cue after a few plain words (no comma, no digit).
        for (words, (at, _)) in lower.match_indices(' ').enumerate() {
            if words >= MAX_TOPIC_WORDS
                || lower[..at].contains(|c: char| c == ',' || c.is_ascii_digit())
            {
                break;
            }
            if let Some(rest) = cue_at(at + 1, LEAD_CUES) {
                return rest;
            }
        }
    }
    trimmed
}

/// What follows a cue of a citation at second hand inside a note ("Butler qtd. in C.
/// Francis 221." → "C. Francis 221."), when a name or title follows it. Read where a
/// note is read as a short form or a citation with its page ([`read_short`],
/// [`without_locator`]); a cue opening the note is [`strip_lead_cue`]'s.
///
/// [`read_short`]: super::read_short::read_short
/// [`without_locator`]: super::read_short::without_locator
pub(super) fn after_second_hand_cue(text: &str) -> Option<&str> {
    // Inside a note the cue is lowercase and holds "cit", "qtd", "quo", "zit", "akt",
    // "apu" or "ц": one pass over the bytes rules most notes out before any search.
    let bytes = text.as_bytes();
    let stem = (0..bytes.len().saturating_sub(2)).any(|i| {
        let next = &bytes[i + 1..i + 3];
        match bytes[i] {
            b'c' | b'z' => next == b"it",
            b'q' => next == b"td" || next == b"uo",
            b'a' => next == b"kt" || next == b"pu",
            // "ц", the first letter of "цит."
            0xD1 => next[0] == 0x86,
            _ => false,
        }
    });
    if !stem {
        return None;
    }
    let (at, cue) = find_first(text, SECOND_HAND_CUES, |at| {
        text[..at].ends_with([' ', ','])
    })?;
    // A printer's "Venetiis, apud Thomam Baglionum" follows the place and a comma.
    if cue == "apud " && text[..at].trim_end().ends_with(',') {
        return None;
    }
    let rest = text[at + cue.len()..].trim_start_matches(':').trim_start();
    rest.starts_with(|c: char| c.is_uppercase() || matches!(c, '*' | '_' | '“' | '"' | '«'))
        .then_some(rest)
}

/// `text` without a topic that opens it before names ("on the 1906 earthquake Collier
/// and Sater 2004, 165" → "Collier and Sater 2004, 165"): a preposition and at most
/// [`MAX_TOPIC_WORDS`] lowercase words or numbers more, then a capital. Read only in
/// the later parts of a note citing several works, where a topic leads to the next.
pub(super) fn without_lead_topic(text: &str) -> &str {
    let mut words = text.split(' ');
    let opens = words
        .next()
        .is_some_and(|word| TOPIC_OPENERS.contains(&word));
    if !opens {
        return text;
    }
    let mut at = text.find(' ').unwrap_or(text.len()) + 1;
    for word in words.take(MAX_TOPIC_WORDS + 1) {
        if word.starts_with(char::is_uppercase) {
            return &text[at..];
        }
        let plain = word
            .chars()
            .all(|c| c.is_lowercase() || c.is_ascii_digit() || c == '\'');
        if !plain {
            break;
        }
        at += word.len() + 1;
    }
    text
}

/// Whether `text`'s first word may begin a cue or a topic before one: most notes
/// open with a name, and are told so without lowercasing their first words.
fn may_open_with_cue(text: &str) -> bool {
    static FIRST_WORDS: OnceLock<Set<&'static str>> = OnceLock::new();
    let first_words = FIRST_WORDS.get_or_init(|| {
        let cues = LEAD_CUES.iter().chain(OPENING_CUES).chain(SECOND_HAND_CUES);
        cues.filter_map(|cue| cue.split(' ').next())
            .chain(TOPIC_OPENERS.iter().copied())
            .collect()
    });
    let word = text.split(' ').next().unwrap_or(text);
    let word = word.strip_suffix(':').unwrap_or(word);
    // No cue's first word is longer than 16 bytes. A cue strip_lead_cue finds in
    // the lowercased lead words is found in the word lowercased alone.
    word.len() <= 16 && first_words.contains(lower_in_place(word).as_str())
}

/// The start of `text` that [`strip_lead_cue`] reads: the topic's words and the
/// longest cue after them.
fn lead_words(text: &str) -> &str {
    // A cue may end in a colon ("См.:").
    let longest_cue = LEAD_CUES
        .iter()
        .chain(OPENING_CUES)
        .chain(SECOND_HAND_CUES)
        .map(|cue| cue.len() + 1)
        .max()
        .unwrap_or(0);
    let words_end = text
        .match_indices(' ')
        .nth(MAX_TOPIC_WORDS)
        .map_or(text.len(), |(at, _)| at + 1);
    let mut end = (words_end + longest_cue).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    &text[..end]
}

/// How a note points back at an earlier note by its number: Bluebook "*supra* note 5",
/// German "(wie Anm. 4)" (wie Anmerkung), OSCOLA "(n 3)", lowercase.
const SUPRA: &[&str] = &[
    "supra note ",
    "supra notes ",
    "supra n. ",
    "wie anm. ",
    OSCOLA_NOTE,
];

/// OSCOLA's cross-reference: "Barrett (n 3) 560." The parenthesis must close right
/// after the number ("(n = 3)", "(n 3 trials)" are no such thing).
const OSCOLA_NOTE: &str = "(n ";

/// The most words before "supra" (the authors or a short title): more is prose
/// mentioning a note ("As the discussion supra note 3 shows…").
const MAX_SUPRA_LEAD_WORDS: usize = 8;

/// "Henkin, *supra* note 1, at 49." → (1, "49"); "Weber (wie Anm. 1), S. 94." → (1,
/// "S. 94"): the earlier note a short form names by number, and its locator. The
/// writer has said which note: the work is that note's, whatever else fits.
pub(super) fn supra_note(text: &str) -> Option<(u32, Option<String>)> {
    if !may_hold(text, &["supra", "anm.", "(n "]) {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let (at, cue) = SUPRA.iter().find_map(|cue| Some((lower.find(cue)?, cue)))?;
    let before = &text[..at];
    if before.contains(';') || before.split_whitespace().count() > MAX_SUPRA_LEAD_WORDS {
        return None;
    }
    let after = &text[at + cue.len()..];
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    let number = after.get(..digits)?.parse().ok()?;
    if *cue == OSCOLA_NOTE && !after[digits..].starts_with(')') {
        return None;
    }
    let locator = after[digits..]
        .trim_start_matches([')', ',', ' '])
        .trim_end_matches(['.', ' ']);
    let locator = locator.strip_prefix("at ").unwrap_or(locator).trim();
    // "(n 1) 580 (Lord Atkin)": the judge is no part of the page.
    let locator = without_parenthetical(locator);
    Some((number, (!locator.is_empty()).then(|| locator.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Only the first words are lowercased to find a lead cue.
    #[test]
    fn a_lead_cue_is_looked_for_in_the_first_words() {
        assert_eq!(lead_words("On France see Varga"), "On France see Varga");
        let long = "word ".repeat(40);
        assert!(lead_words(&long).len() < long.len());
    }
}
