//! Stage 3: the citations to resolve, in the order "Ibid" reads them.
//!
//! Every works-cited note is a citation, in works-cited order, unless it reads as a
//! remark of the list: a run of prose, or a statement ("Turing himself called it…",
//! "Unless otherwise noted, translations are mine.") with no publication facts. A
//! Markdown footnote may be one too: its body may be a citation ("Dupont, Marie.
//! *Title*. Paris: Seuil, 2019, p. 12."; "Ibid., 4."; "Varga, *Salt Roads*, 23."),
//! commentary ("The account was written forty years later."), or commentary that
//! cites ("The figures differ; see Varga, *Salt Roads*, 23."). Footnotes come after the works-cited notes, in the
//! order of their numbers, so an Ibid in a footnote means the footnote before it.
//!
//! Whether a footnote that fits no earlier work is a citation is decided here, from its
//! shape: no opening that only prose has ("He", "This", "Both"), and either a date or
//! URL together with names first, a title in italics or quotes, or the marks of a
//! reference ("pp.", "Press", "Place: Publisher"); or, undated, names first together
//! with a title or those marks. A Chinese, Japanese or Korean footnote is a citation
//! when names (or nothing) stand before a title in book marks and publication facts
//! after it ("周作人：《鲁迅的故家》，上海：上海出版公司，1953年"); a sentence that mentions a
//! title is commentary. Short forms and Ibid are recognised when resolved.

use std::ops::Range;

use super::build_notes::{Built, italic_ranges};
use super::parse_citation::{parse_ibid, url_ranges};
use super::read_cjk::{cjk_inner_citation, is_cjk};
use super::read_cues::{LEAD_CUES, strip_lead_cue, without_trailing_clause};
use super::read_short::{PARTICLES, prose_tail, read_short, without_locator};
use super::scan::{find_first, holds_any, lower_in_place, may_hold};
use crate::model::{Block, Document, Inline};

/// Where a citation to resolve was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    /// A works-cited entry: always a citation.
    Entry,
    /// A footnote's body, possibly commentary.
    Footnote,
}

/// One note to resolve.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Cited {
    /// Index into `doc.notes`.
    pub note: usize,
    /// The citation as written (a footnote's first paragraph, without "See").
    pub text: String,
    /// Where it was written.
    pub place: Place,
    /// The first note of its list: an Ibid here has nothing above it.
    pub first: bool,
    /// The text reads as a full reference on its own: if it fits no earlier work, it
    /// starts a source. True for a works-cited entry unless it reads as a remark.
    pub reference: bool,
    /// For a footnote or entry that reads as commentary, the citation after a "see", "cf." or
    /// "quoted in" in it, with whether that reads as a full reference and the byte
    /// ranges of it the footnote sets in italics.
    pub embedded: Option<(String, bool, Vec<Range<usize>>)>,
    /// Byte ranges of `text` the footnote sets in italics (none for entries, which are
    /// plain text).
    pub italics: Vec<Range<usize>>,
}

/// First words that only prose starts with: a footnote opening so is commentary.
const PROSE_STARTS: &[&str] = &[
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "there",
    "both",
    "its",
    "his",
    "her",
    "their",
    "our",
    "but",
    "and",
    "also",
    "here",
    "when",
    "while",
    "although",
    "after",
    "before",
    "most",
    "some",
    "many",
    "all",
    "such",
    "not",
    "no",
    "one",
    "according",
    "unless",
    "however",
    "thus",
    "so",
    "if",
    "as",
    "for",
];

/// Cues in commentary after which a citation follows, beside the [`LEAD_CUES`] that
/// may open a note: English, then "quoted in" in the languages folio reads (Spanish
/// "citado en", French "cité dans", Italian "citato in", Portuguese "citado em",
/// German "zitiert nach", Dutch "geciteerd in", Polish "cyt. za", Swedish "citerat
/// efter", Turkish "aktaran", Russian "цит. по").
const INNER_CUES: &[&str] = &[
    "quoted in ",
    "cited in ",
    "comes from ",
    "come from ",
    "taken from ",
    "drawn from ",
    "collected in ",
    "printed in ",
    "reprinted in ",
    "discussed in ",
    "citado en ",
    "citada en ",
    "citados en ",
    "cité dans ",
    "citée dans ",
    "cité par ",
    "citato in ",
    "citata in ",
    "citado em ",
    "citada em ",
    "zitiert in ",
    "zitiert nach ",
    "geciteerd in ",
    "aangehaald in ",
    "cyt. za ",
    "cytowane w ",
    "citováno podle ",
    "citerad i ",
    "citerat efter ",
    "citerad efter ",
    "citerat i ",
    "citeret i ",
    "sitert i ",
    "idézi ",
    "aktaran: ",
    "aktaran ",
    "цит. по ",
];

/// Marks that only references carry (with a date, they make a citation).
const REFERENCE_MARKS: &[&str] = &[
    " pp. ",
    " p. ",
    "vol. ",
    "Vol. ",
    " no. ",
    "No. ",
    "ed. ",
    "eds. ",
    "(ed",
    "(Ed",
    "trans. ",
    "Press",
    "University",
    "Journal",
    "Review",
    "Proceedings",
    "doi",
    "DOI",
    "In:",
    " In ",
    "et al",
    "Retrieved",
    "Accessed",
    "accessed",
    "Available from",
    "Available at",
    " v. ",
    "§",
];

/// The notes to resolve: works-cited notes in works-cited order, then footnotes in
/// number order.
pub(super) fn pick_citations(doc: &Document, built: &Built) -> Vec<Cited> {
    let mut out: Vec<Cited> = built
        .entry_notes
        .iter()
        .enumerate()
        .map(|(i, &note)| {
            // "[5] Vgl. Wehler, …": the cue is no part of the work's citation.
            let text = doc
                .notes
                .get(note)
                .map(|n| strip_lead_cue(&n.text))
                .unwrap_or_default();
            // "(12) To zastrzeżenie formułuje sam Gingerich, zob. Gingerich, …": an
            // entry of remarks may cite inside too, read when the whole fits nothing.
            let inner = inner_citation(text, &[]);
            let embedded = inner.map(|inner| {
                (
                    inner.to_string(),
                    reads_as_reference(inner, false),
                    Vec::new(),
                )
            });
            // An entry is a work unless it reads as a remark of the notes list ("10.
            // Her birth year is another puzzle…; see Boyd 17."), as a footnote would.
            let body = doc.notes.get(note).map_or(&[][..], |n| n.body.as_slice());
            // A dated entry is a work with a title in sentence case ("Hua L. Qingdai
            // yilai sanxia diqu…. 1999;1:168–79."), unless prose opens it.
            let prose = opens_as_prose(text);
            let remark =
                (prose_run(body) >= PROSE_RUN && !names_first(text) && (prose || !dated(text)))
                    || (inner.is_some() && prose)
                    // "(4) Η οικογένεια έμεινε…": an article and a lowercase word open
                    // a sentence, and nothing marks a reference.
                    || (opens_with_article(text) && !marked(text, has_emphasis(body)))
                    // "Turing himself called it the “imitation game”.": a subject and
                    // its verb, with no publication facts after.
                    || ((states_a_fact(text) || opens_with_prose_word(text))
                        && !names_first(text)
                        && !published(text));
            let italics = doc.notes.get(note).map_or_else(Vec::new, |n| {
                within(&italic_ranges(&n.body, &doc.markers), &n.text, text)
            });
            Cited {
                note,
                text: text.to_string(),
                place: Place::Entry,
                first: i == 0,
                reference: !remark || reads_as_reference(text, has_emphasis(body)),
                embedded,
                italics,
            }
        })
        .collect();
    let mut first = true;
    for (index, note) in doc.notes.iter().enumerate() {
        if note.label.is_none() {
            continue;
        }
        let italic = has_emphasis(&note.body);
        let stripped = strip_lead_cue(&note.text);
        let all_italics = italic_ranges(&note.body, &doc.markers);
        let italics = within(&all_italics, &note.text, stripped);
        let text = stripped.to_string();
        // "*Lessons from Sarnic*, an internal review circulated to members in…"
        // describes a document in a sentence: commentary, unless names open it.
        // "O Plano Cohen, documento forjado por integralistas…": a lone capital without
        // a stop (an article; an initial has its stop) before a run of prose.
        let lone_capital = text
            .split_whitespace()
            .next()
            .is_some_and(|w| w.chars().count() == 1);
        let described = prose_run(&note.body) >= PROSE_RUN && (!names_first(&text) || lone_capital)
            // "Launching the *Great Eastern* took three months…": a subject and its
            // verb, the verb outside the italics (in "*How Salt Made History*" it is
            // the title's), and no publication facts.
            || fact_verb(&text).is_some_and(|at| !italics.iter().any(|r| r.contains(&at)))
                && !names_first(&text)
                && !published(&text);
        let inner = inner_citation(&note.text, &all_italics);
        // "The figure is disputed; the older estimate comes from Multhauf, *Neptune's
        // Gift*…": prose opens it and a cue brings in the citation, whatever italics
        // it holds. Read whole, the commentary would become the source's title.
        let cites_inside = inner.is_some_and(|t| {
            opens_as_prose(&text) || commentary_before(&note.text, t, &all_italics)
        });
        let reference = !described && !cites_inside && reads_as_reference(&text, italic);
        let embedded = if reference || parse_ibid(&text).is_some() {
            None
        } else {
            inner.map(|t| {
                let reference = reads_as_reference(t, italic);
                (
                    t.to_string(),
                    reference,
                    within(&all_italics, &note.text, t),
                )
            })
        };
        out.push(Cited {
            note: index,
            text,
            place: Place::Footnote,
            first,
            reference,
            embedded,
            italics,
        });
        first = false;
    }
    out
}

/// Lowercase words in a row, outside italics and quotes, that make a sentence of prose:
/// references run to fewer between their capitalised names, titles and places.
const PROSE_RUN: usize = 7;

/// The longest run of lowercase words in the first paragraph of a footnote, outside
/// its italics and quotes.
fn prose_run(body: &[Block]) -> usize {
    let Some(content) = body.iter().find_map(|b| match b {
        Block::Paragraph { content, .. } => Some(content),
        _ => None,
    }) else {
        return 0;
    };
    let (mut run, mut longest, mut quoted) = (0, 0, false);
    for inline in content {
        let Inline::Text(text) = inline else {
            run = 0;
            continue;
        };
        for word in text.split_whitespace() {
            if word.starts_with(['“', '"', '‘']) {
                quoted = true;
            }
            let lower = !quoted
                && word.chars().next().is_some_and(char::is_lowercase)
                && word
                    .trim_end_matches(['.', ',', ';', ':'])
                    .chars()
                    .all(char::is_alphabetic);
            run = if lower { run + 1 } else { 0 };
            longest = longest.max(run);
            if word.ends_with([',', '.', ';', ':']) {
                run = 0;
            }
            let closes = word.contains(['”', '"']) && !word.starts_with(['“', '"'])
                || word.ends_with('”')
                || word.trim_end_matches(['.', ',', ';', ':']).ends_with('’');
            if closes {
                quoted = false;
            }
        }
    }
    longest
}

/// Whether the first paragraph of a footnote holds italics with words in them (a
/// title, as a rule).
/// The ranges of `italics` (byte ranges of `text`) that lie in `part`, a slice of
/// `text`, as ranges of `part`.
fn within(italics: &[Range<usize>], text: &str, part: &str) -> Vec<Range<usize>> {
    let at = part.as_ptr() as usize - text.as_ptr() as usize;
    italics
        .iter()
        .filter(|r| r.start >= at && r.end <= at + part.len())
        .map(|r| r.start - at..r.end - at)
        .collect()
}

fn has_emphasis(body: &[Block]) -> bool {
    fn any(inlines: &[Inline]) -> bool {
        inlines.iter().any(|i| match i {
            // A title has words: "*1999*" or "*a*" is emphasis, not a title.
            Inline::Emph(c) => {
                Inline::plain(c)
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .count()
                    >= 3
            }
            Inline::Strong(c) | Inline::Link { content: c, .. } => any(c),
            _ => false,
        })
    }
    body.iter()
        .find_map(|b| match b {
            Block::Paragraph { content, .. } => Some(any(content)),
            _ => None,
        })
        .unwrap_or(false)
}

/// Whether `text` reads as a full reference: dated (or with a URL) and shaped like one.
pub(super) fn reads_as_reference(text: &str, italic: bool) -> bool {
    // Chinese, Japanese, Korean: names, a title in book marks, publication facts.
    if is_cjk(text) {
        return crate::cite::reads_as_cjk_citation(text);
    }
    // "Donoghue v Stevenson [1932] AC 562 (HL).", "U.S. Const. amend. VI.": a case
    // with its report, a constitution, a statute cite by their grammar alone.
    if crate::cite::is_legal(text) {
        return true;
    }
    // "He called it “a disaster” in 1990." quotes words, not a title.
    if opens_as_prose(text) && !italic {
        return false;
    }
    if !dated(text) && !has_url(text) {
        // Undated: names first and a title or the marks of a reference.
        return names_first(text) && marked(text, italic);
    }
    names_first(text) || marked(text, italic)
}

fn has_url(text: &str) -> bool {
    may_hold(text, &["http", "www.", "doi:"]) && !url_ranges(text).is_empty()
}

/// Whether `text` bears a mark of a reference: a title in italics or quotes, a URL,
/// a word only references use ("pp.", "Press", "Retrieved"), a place and publisher.
fn marked(text: &str, italic: bool) -> bool {
    italic
        || text.contains('“')
        || text.matches('"').count() >= 2
        || has_url(text)
        || holds_any(text, REFERENCE_MARKS)
        || place_and_publisher(text)
}

/// Articles that open a sentence in the languages folio reads (English's "the", "a"
/// and "an" are in [`opens_as_prose`]). "De" and "La" also open names ("De la
/// Cruz"), so a particle after one makes it no article.
const ARTICLES: &[&str] = &[
    "o", "os", "as", "el", "los", "las", "le", "les", "la", "il", "lo", "gli", "der", "die", "das",
    "het", "η", "ο", "το", "οι", "τα",
];

/// "Η οικογένεια…", "O documento…", "La famille…": an article, then a lowercase word
/// that is no name's particle.
fn opens_with_article(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    ARTICLES.contains(&first.to_lowercase().as_str())
        && second.starts_with(char::is_lowercase)
        && !PARTICLES.contains(&second.trim_end_matches([',', '.']))
}

/// Finite verbs that follow a sentence's subject ("Leavitt's name was proposed…",
/// "The family motto was…"), in the languages folio reads. A title in sentence case
/// may hold one too, so [`states_a_fact`] asks for more.
const VERBS: &[&str] = &[
    "was", "were", "is", "are", "has", "had", "have", "became", "called", "said", "wrote",
    "remained", "died", "est", "était", "fut", "sont", "étaient", "avait", "war", "ist", "wurde",
    "hat", "hatte", "waren", "sind", "fue", "era", "fueron", "había", "fu", "è", "aveva", "foi",
    "é", "foram", "tinha", "took", "made", "gave", "began", "lasted", "cost", "came", "went",
    "led", "won", "lost", "found", "held", "kept", "met", "saw", "sent", "spent", "brought",
];

/// Whether `text` opens as a statement: a capitalised subject of at most
/// [`SUBJECT_MAX_WORDS`] words ("Turing himself", "Leavitt's name", "The Shackleton
/// family motto"), then one of [`VERBS`], all before the first comma, colon,
/// parenthesis, quote or full stop. A reference's opening clause holds names or a
/// title.
fn states_a_fact(text: &str) -> bool {
    fact_verb(text).is_some()
}

/// Where the verb of [`states_a_fact`] stands in `text`, if it states one.
fn fact_verb(text: &str) -> Option<usize> {
    if !text.starts_with(char::is_uppercase) {
        return None;
    }
    for (i, word) in text
        .split_whitespace()
        .enumerate()
        .take(SUBJECT_MAX_WORDS + 1)
    {
        let bare = word.trim_end_matches(['.', ',', ';', ':']);
        if i > 0 && VERBS.contains(&bare) {
            return Some(word.as_ptr() as usize - text.as_ptr() as usize);
        }
        if word.contains([',', ';', ':', '(', '“', '"', '«', '.']) {
            return None;
        }
    }
    None
}

/// A statement's subject is at most this many words.
const SUBJECT_MAX_WORDS: usize = 5;

/// Whether `text` carries publication facts a statement does not: a year in
/// parentheses ("(2020)", "(n.d.)"), a URL, a place and publisher, or the marks of
/// [`REFERENCE_MARKS`].
fn published(text: &str) -> bool {
    let paren_year = text.split('(').skip(1).any(|after| {
        let inside = after.split(')').next().unwrap_or("");
        inside.starts_with("n.d") || dated(inside) && inside.len() <= 12
    });
    paren_year || has_url(text) || holds_any(text, REFERENCE_MARKS) || place_and_publisher(text)
}

/// Whether `text` holds a year: any will do here, not only the work's ("Report,
/// 1891"), but not a decade ("in the 1990s"), which prose names and references do not
/// date by.
fn dated(text: &str) -> bool {
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        let run = &rest[start..];
        let len = run.find(|c: char| !c.is_ascii_digit()).unwrap_or(run.len());
        let decade = run[len..].starts_with('s') || run[len..].starts_with("'s");
        if len == 4 && matches!(run.as_bytes()[0], b'1' | b'2') && !decade {
            return true;
        }
        rest = &run[len..];
    }
    false
}

/// "He called it…", "Both rebuildings…": a first word only prose opens with, followed
/// by a lowercase word. Or a name and a clause about it: "FitzRoy, who later founded…",
/// "Wilhelm, the linguist, founded…" (after a name and its comma a reference goes on
/// with given names, a title or a cue, none of them a relative pronoun or an article
/// before a lowercase noun).
pub(super) fn opens_as_prose(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let first = words.next().unwrap_or("");
    // "I. Meilijson": an initial, not the pronoun.
    if first.ends_with('.') {
        return false;
    }
    let named = first.ends_with(',') && first.starts_with(char::is_uppercase);
    let first = first.trim_end_matches([',', ':']);
    let second = words.next().unwrap_or("");
    let third = words.next().unwrap_or("");
    let lower_first = first.to_lowercase();
    PROSE_STARTS.contains(&lower_first.as_str())
        || (matches!(lower_first.as_str(), "the" | "a" | "an" | "in" | "on")
            && second.starts_with(char::is_lowercase))
        || named
            && (matches!(second, "who" | "whose" | "whom" | "which")
                || matches!(second, "the" | "a" | "an" | "his" | "her")
                    && third.starts_with(char::is_lowercase))
}

/// Whether the first word is one only prose starts with ("Unless otherwise noted…",
/// "This letter…"); "The" and "A" open anonymous titles too.
fn opens_with_prose_word(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    !first.ends_with('.')
        && PROSE_STARTS.contains(&first.trim_end_matches([',', ':']).to_lowercase().as_str())
}

/// Whether the text opens with names: up to the first comma, parenthesis, colon or
/// sentence end, or Vancouver's initials ("Springer O."), only capitalised words,
/// initials, particles, "and" and "et al.".
pub(super) fn names_first(text: &str) -> bool {
    let end = text
        .find([',', '(', ':', ';'])
        .unwrap_or(text.len())
        .min(sentence_end(text))
        .min(vancouver_initials_end(text));
    let head = &text[..end];
    let words: Vec<&str> = head.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 10
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || matches!(
                    *w,
                    "and"
                        | "&"
                        | "van"
                        | "von"
                        | "de"
                        | "da"
                        | "del"
                        | "di"
                        | "la"
                        | "et"
                        | "al."
                        // a case: "Johnson v. Zerbst"
                        | "v."
                        | "v"
                )
        })
        && words
            .iter()
            .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
}

/// The end of a Vancouver name's initials written without periods ("Springer O.
/// Title", "Beautrais AL, Joyce PR"): after the first word of one to three capitals
/// that follows a longer word and ends in a period or comma.
fn vancouver_initials_end(text: &str) -> usize {
    let mut previous_long = false;
    let mut at = 0;
    for word in text.split_inclusive(' ') {
        let bare = word.trim_end().trim_end_matches(['.', ',']);
        let capitals =
            (1..=3).contains(&bare.chars().count()) && bare.chars().all(char::is_uppercase);
        if capitals && previous_long && word.trim_end().ends_with(['.', ',']) {
            return at + bare.len();
        }
        previous_long = bare.chars().filter(|c| c.is_alphabetic()).count() > 3;
        at += word.len();
    }
    text.len()
}

/// The end of the first sentence: a period after a word longer than an initial ("W.
/// Li. Title…" ends after "Li").
fn sentence_end(text: &str) -> usize {
    text.match_indices(". ")
        .find(|(i, _)| {
            let word = text[..*i].rsplit(' ').next().unwrap_or("");
            word.chars().filter(|c| c.is_alphabetic()).count() > 1
        })
        .map_or(text.len(), |(i, _)| i)
}

/// "Szeged: Tisza Press", "Paris: Seuil": a capitalised place, a colon, a capitalised
/// publisher.
fn place_and_publisher(text: &str) -> bool {
    text.match_indices(": ").any(|(i, _)| {
        let before = text[..i].rsplit(' ').next().unwrap_or("");
        let after = &text[i + 2..];
        before.starts_with(char::is_uppercase)
            && after.starts_with(char::is_uppercase)
            && text[..i].contains(['.', ','])
    })
}

/// Whether what comes before `inner` (a slice of `whole`, the citation after a cue) is
/// a clause of commentary: "Babbage gave his own, rather self-serving, account in his
/// memoirs; see …". Lowercase words in a row, no digit and no italics: a citation
/// before "; see also" carries a title, a date or a page.
fn commentary_before(whole: &str, inner: &str, italics: &[Range<usize>]) -> bool {
    let at = inner.as_ptr() as usize - whole.as_ptr() as usize;
    let Some(before) = whole.get(..at) else {
        return false;
    };
    let mut run = 0;
    let mut longest = 0;
    for word in before.split_whitespace() {
        let bare = word.trim_end_matches([',', ';', ':']);
        let lower = bare.chars().next().is_some_and(char::is_lowercase)
            && bare
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '’' | '\''));
        run = if lower { run + 1 } else { 0 };
        longest = longest.max(run);
        if word.ends_with([',', ';', ':']) {
            run = 0;
        }
    }
    longest >= COMMENTARY_RUN
        && !before.contains(|c: char| c.is_ascii_digit())
        && !italics.iter().any(|r| r.start < at)
}

/// Lowercase words in a row that make the words before a cue a clause of commentary
/// (a cue written as a word, "see", counts in the run; "see also" alone makes two).
const COMMENTARY_RUN: usize = 3;

/// The citation after a cue inside commentary ("…; see Varga, *Salt Roads*, 23."):
/// up to the closing parenthesis when the cue opened one, else to the end. `italics`
/// are the ranges of `text` in italics.
fn inner_citation<'t>(text: &'t str, italics: &[Range<usize>]) -> Option<&'t str> {
    if is_cjk(text) {
        return cjk_inner_citation(text);
    }
    let lower = lower_in_place(text);
    // A cue opens a word; "Quoted in Blunt, 238." opens with one.
    let accept = |i: usize| i == 0 || matches!(lower.as_bytes()[i - 1], b' ' | b'(' | b';' | b',');
    let Some((at, cue)) = [LEAD_CUES, INNER_CUES]
        .iter()
        .filter_map(|cues| find_first(&lower, cues, accept))
        .min_by_key(|(i, _)| *i)
    else {
        return closing_author_date(text, italics)
            .or_else(|| closing_short_form(text))
            .or_else(|| closing_title_short(text, italics));
    };
    let start = at + cue.len();
    let paren = text[..at].trim_end().ends_with('(');
    let end = if paren {
        text[start..].find(')').map_or(text.len(), |i| start + i)
    } else {
        text.len()
    };
    let inner = without_trailing_clause(text[start..end].trim());
    // A citation opens with a name, a title or "Ibid": "see here" is no citation.
    let opens = inner.starts_with(|c: char| c.is_uppercase() || matches!(c, '“' | '"'))
        || parse_ibid(inner).is_some();
    opens.then_some(inner)
}

/// The author-date citation in parentheses that closes a sentence of commentary, with
/// no cue before it: "…a very large sum for the family (Torrens 1995, 265)." Names
/// and a year, read as [`read_short`] reads a note ("Torrens 1995, 265"); a year
/// alone ("(1995)") or words ("(in 1995)") are no citation.
fn closing_author_date<'t>(text: &'t str, italics: &[Range<usize>]) -> Option<&'t str> {
    let body = text.trim_end().trim_end_matches('.').strip_suffix(')')?;
    let open = body.rfind('(')?;
    let inner = body[open + 1..].trim();
    let reading = read_short(inner);
    let dated = reading
        .shorts
        .first()
        .is_some_and(|s| s.year.is_some() && !s.names.is_empty());
    if open == 0 || !dated || reading.full {
        return None;
    }
    // "…в книге «Исследование водных растворов» (СПб., 1887).": a title in quotes or
    // italics just before the parentheses makes them its place and year, not an
    // author's name and year; the citation is the title with them.
    let before = body[..open].trim_end();
    let title_start = if let Some(head) = before.strip_suffix('»') {
        head.rfind('«')
    } else if let Some(head) = before.strip_suffix('”') {
        head.rfind('“')
    } else {
        italics
            .iter()
            .find(|r| r.end == before.len())
            .map(|r| r.start)
    };
    Some(match title_start {
        Some(start) => &text[start..body.len() + 1],
        None => inner,
    })
}

/// The Chicago short form that closes a sentence of commentary, with no cue before
/// it: "The Act is discussed at length in Lee, *At America's Gates*, 23–46." Names
/// after a lowercase word, a title, a locator, read as [`read_short`] reads a note.
fn closing_short_form(text: &str) -> Option<&str> {
    // Names after prose first: most notes are none, and finding a locator costs more.
    prose_tail(text)?;
    let (head, locator) = without_locator(text);
    locator?;
    let tail = prose_tail(head.trim_end_matches([',', ' ']))?;
    // "Cole and Hussain, “Defectors,” 4." is a short form whole, not prose.
    if read_short(text)
        .shorts
        .iter()
        .any(|s| s.shaped && !s.names.is_empty())
    {
        return None;
    }
    let start = tail.as_ptr() as usize - text.as_ptr() as usize;
    let inner = &text[start..];
    let reading = read_short(inner);
    let short = reading
        .shorts
        .iter()
        .any(|s| s.shaped && !s.names.is_empty() && s.title.is_some());
    (start > 0 && short && !reading.full).then_some(inner)
}

/// The title-only short form that is the last sentence of commentary: "…thinking it
/// "too much of the democratic." *Autobiography*, 210." An italic title and a
/// locator, nothing else, after a sentence's end.
fn closing_title_short<'t>(text: &'t str, italics: &[Range<usize>]) -> Option<&'t str> {
    // Cheap tests first: most footnotes come here, and few end so.
    let title = italics.last()?;
    let after = text.get(title.end..)?;
    if !after.starts_with(", ") || after.len() > MAX_CLOSING_LOCATOR {
        return None;
    }
    let before = text[..title.start].trim_end();
    let sentence_end = before
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with(['.', '!', '?']);
    if !sentence_end {
        return None;
    }
    let (head, locator) = without_locator(text);
    let head = head.trim_end_matches([',', ' ']);
    let end = head.as_ptr() as usize - text.as_ptr() as usize + head.len();
    // "…nationalization of u.s. elections. *American Political Science Review*,
    // *115*.": a journal and its volume close a reference, which names open.
    (locator.is_some() && end == title.end && !names_first(text)).then(|| &text[title.start..])
}

/// The most bytes after the title of a closing title-only short form (", 1–40.").
const MAX_CLOSING_LOCATOR: usize = 32;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_inside_commentary_without_a_leading_cue() {
        let inner = |t| inner_citation(t, &[]);
        assert_eq!(
            inner("The price was £110, a large sum for the family (Torrens 1995, 265)."),
            Some("Torrens 1995, 265")
        );
        assert_eq!(inner("Quoted in Blunt, 238."), Some("Blunt, 238."));
        assert_eq!(
            inner("Aktaran: Necipoğlu, a.g.e., s. 104."),
            Some("Necipoğlu, a.g.e., s. 104.")
        );
        assert_eq!(
            inner("Citerat efter Blunt, s. 238."),
            Some("Blunt, s. 238.")
        );
        // A title just before the parentheses: they hold its place and year.
        assert_eq!(
            inner("The dedication is in «Salt Roads» (Szeged, 2012)."),
            Some("«Salt Roads» (Szeged, 2012)")
        );
        let text = "It is dedicated to him in *Salt Roads* (Szeged, 2012).";
        let title = text.find('*').unwrap()..text.find(" (").unwrap();
        assert_eq!(
            inner_citation(text, std::slice::from_ref(&title)),
            Some("*Salt Roads* (Szeged, 2012)")
        );
        // A title-only short form closing commentary, but not a journal's volume.
        let text = "He said so. *Autobiography*, 210.";
        let title = 12..27;
        assert_eq!(
            inner_citation(text, std::slice::from_ref(&title)),
            Some("*Autobiography*, 210.")
        );
        let text = "Olby, D.: Local news. *Political Review*, *115*.";
        let italics = [22..40, 42..47];
        assert_eq!(&text[italics[1].clone()], "*115*");
        assert_eq!(inner_citation(text, &italics), None);
        // A year or words in parentheses are no citation.
        assert_eq!(inner("The mill burned down (in 1995)."), None);
        assert_eq!(inner("The mill burned down (1995)."), None);
    }

    #[test]
    fn references_and_commentary() {
        assert!(reads_as_reference(
            "Dupont, Marie. Title. Paris: Seuil, 2019, p. 12.",
            false
        ));
        assert!(reads_as_reference("Annual Report, 1891, p. 4.", true));
        assert!(reads_as_reference(
            "S. E. Han, G. Chen, Nano Lett. 2010, 10, 1012.",
            false
        ));
        assert!(!reads_as_reference(
            "The Brotherhood's own account dates the founding to 1887.",
            false
        ));
        assert!(!reads_as_reference(
            "He called it “a disaster” in 1990.",
            false
        ));
        assert!(!reads_as_reference("The rules, as printed in 1890:", false));
        assert!(!reads_as_reference("Dupont, Marie. Title. Seuil.", false));
        assert!(reads_as_reference("Dupont, Marie. Title. Seuil.", true));
        assert!(!reads_as_reference("Dupont agrees, in his letter.", false));
        // Vancouver names end at their initials; a case name and a statute are cited.
        assert!(names_first(
            "Springer O. Mediaeval pilgrim routes to Rome. 1950."
        ));
        assert!(names_first("S. C. Hiremath et al., Using metaphors"));
        assert!(reads_as_reference(
            "Brown v. Board of education (1954).",
            false
        ));
        assert!(reads_as_reference(
            "Every student succeeds act. 20 U.S.C § 6301, 2015",
            false
        ));
        assert!(!names_first("Springer noted the pilgrim routes in 1950."));
    }

    #[test]
    fn citations_inside_commentary() {
        assert_eq!(
            inner_citation("The figures differ; see Varga, Salt Roads, 23.", &[]),
            Some("Varga, Salt Roads, 23.")
        );
        assert_eq!(
            inner_citation("Both survive (see Vale, Harbours, 12) in part.", &[]),
            Some("Vale, Harbours, 12")
        );
        assert_eq!(
            inner_citation(
                "For an overview, see Kurlansky, Salt (New York: Walker, 2002), 138, who stresses the herring.",
                &[]
            ),
            Some("Kurlansky, Salt (New York: Walker, 2002), 138")
        );
        assert_eq!(
            inner_citation(
                "The older estimate comes from Multhauf, Neptune's Gift, 40.",
                &[]
            ),
            Some("Multhauf, Neptune's Gift, 40.")
        );
        assert_eq!(inner_citation("See the plan of the quay.", &[]), None);
        assert_eq!(inner_citation("Nothing to see here.", &[]), None);
    }

    #[test]
    fn a_decade_dates_nothing() {
        assert!(dated("Report of the Commission, 1891."));
        assert!(dated("Smith (2019) wrote"));
        assert!(!dated("a term that came into use only in the 1990s"));
        assert!(!dated("during the 1920's boom"));
        assert!(!dated("page 12345"));
    }
}
