//! Where lines may end: UAX #14 opportunities (unicode-linebreak), hyphenation points
//! inside words (hypher, in the paragraph's language), extra points inside URLs, and —
//! only for the last-resort pass — points between any two clusters.

use std::cell::RefCell;
use std::collections::HashMap;

use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::shape::Shaped;
use super::types::{Face, ParaSpec, Piece, Tag};

/// What kind of break a candidate is; it decides the penalty and whether a hyphen is
/// added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum BreakKind {
    /// The paragraph's end or a hard line break.
    Forced,
    /// At interword space.
    Space,
    /// Between two solid characters of CJK text (see [`crate::lang::is_solid`]).
    Solid,
    /// After a hyphen or dash written in the text.
    Explicit,
    /// Inside a URL, after `/`, `.`, `?`, …, or after other punctuation UAX #14 allows.
    Other,
    /// A hyphenation point: a hyphen is added.
    Hyphen,
    /// Between two clusters of an unbreakable word (last resort).
    Char,
}

/// A place where a line may end.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Candidate {
    /// Where the line's content ends (trailing spaces excluded).
    pub end: usize,
    /// Where the next line starts.
    pub next: usize,
    /// What kind of break.
    pub kind: BreakKind,
}

/// The hypher language for a BCP 47 tag, if we hyphenate it.
fn language(lang: &str) -> Option<hypher::Lang> {
    match crate::lang::primary(lang).as_str() {
        "en" => Some(hypher::Lang::English),
        "fr" => Some(hypher::Lang::French),
        "de" => Some(hypher::Lang::German),
        "ru" => Some(hypher::Lang::Russian),
        "es" => Some(hypher::Lang::Spanish),
        "tr" => Some(hypher::Lang::Turkish),
        _ => None,
    }
}

/// Whether a word is a URL, which breaks after punctuation and never hyphenates.
fn is_url(word: &str) -> bool {
    word.contains("://") || word.starts_with("www.") || word.starts_with("doi:")
}

/// Byte ranges of the space-separated words of `text` that are URLs.
fn url_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (start, c.is_whitespace()) {
            (None, false) => start = Some(i),
            (Some(s), true) => {
                if is_url(&text[s..i]) {
                    spans.push(s..i);
                }
                start = None;
            }
            _ => {}
        }
    }
    spans
}

/// Superscripts and note references: boxes no line may start at or break inside, so
/// a marker never leaves the word it follows.
struct Glued(Vec<std::ops::Range<usize>>);

impl Glued {
    fn new(shaped: &Shaped, pieces: &[Piece]) -> Glued {
        Glued(
            pieces
                .iter()
                .zip(&shaped.pieces)
                .filter(|(p, _)| {
                    p.style.baseline_shift > 0.0 || matches!(p.tag, Some(Tag::NoteRef { .. }))
                })
                .map(|(_, r)| r.clone())
                .collect(),
        )
    }

    /// Whether a line may not start at byte `b`.
    fn holds(&self, b: usize) -> bool {
        self.0.iter().any(|r| r.start <= b && b < r.end)
    }
}

/// Every candidate break of the paragraph, in text order, one per end position.
/// `chars` adds cluster-level breaks inside every word, for the last-resort pass.
pub(crate) fn candidates(
    shaped: &Shaped,
    pieces: &[Piece],
    spec: &ParaSpec,
    chars: bool,
) -> Vec<Candidate> {
    let text = shaped.text.as_str();
    let glued = Glued::new(shaped, pieces);
    let rules = Rules {
        glued: &glued,
        lang: if spec.hyphenate {
            language(&spec.lang)
        } else {
            None
        },
        chars,
    };
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let urls = url_spans(text);
    let mut word_start = 0;
    // Whitespace at the paragraph's end, hard breaks included, sets nothing: the last
    // line ends at the last visible character.
    let limit = text.len() - trailing_space(text);
    for (p, op) in linebreaks(text) {
        let p = if p >= limit { text.len() } else { p };
        let forced = op == BreakOpportunity::Mandatory || p == text.len();
        // Inside a URL only the points of `inner_breaks` count: the URL is one word.
        if !forced && urls.iter().any(|u| u.start < p && p < u.end) {
            continue;
        }
        let end = p - trailing_space(&text[word_start..p]);
        // Korean words stay whole (see `lang::is_hangul`): no break between syllables.
        let hangul = |c: Option<char>| c.is_some_and(crate::lang::is_hangul);
        if !forced
            && end == p
            && hangul(text[..p].chars().next_back())
            && hangul(text[p..].chars().next())
        {
            continue;
        }
        let word = &text[word_start..end];
        let url = urls.iter().any(|u| u.contains(&word_start));
        inner_breaks(shaped, &rules, word_start, word, url, &mut out);
        let before = text[..end].chars().next_back();
        if forced {
            // Spaces after a hard break are discarded, as glue after a break is.
            let rest = &text[p..];
            let mut next = p + rest.len() - rest.trim_start_matches([' ', '\t']).len();
            // …but never into a cluster (a space carrying a combining mark).
            while next > p && !shaped.boundary[next] {
                next -= 1;
            }
            out.push(Candidate {
                end,
                next,
                kind: BreakKind::Forced,
            });
        } else if !glued.holds(p)
            && shaped.boundary[p]
            && !text[p..].starts_with(crate::lang::opens_no_line)
        {
            // UAX #14 lets a line break before an em dash (class B2); TeX and
            // Chicago never start a line with a dash, so only the break after it counts.
            let solid = |c: Option<char>| c.is_some_and(crate::lang::is_solid);
            let kind = if end < p {
                BreakKind::Space
            } else if solid(before) && solid(text[p..].chars().next()) {
                BreakKind::Solid
            } else if before == Some('\u{AD}') {
                BreakKind::Hyphen
            } else if matches!(before, Some('-' | '\u{2010}' | '\u{2013}' | '\u{2014}')) {
                BreakKind::Explicit
            } else {
                BreakKind::Other
            };
            out.push(Candidate { end, next: p, kind });
        }
        if p == text.len() {
            break;
        }
        word_start = p;
    }
    out.sort_by_key(|c| (c.end, c.kind));
    out.dedup_by_key(|c| c.end);
    out
}

/// What may break inside a word.
#[derive(Clone, Copy)]
struct Rules<'a> {
    /// Where no line may start (before note references).
    glued: &'a Glued,
    /// Hyphenation language, if hyphenating.
    lang: Option<hypher::Lang>,
    /// Whether to break between any two clusters.
    chars: bool,
}

/// Bytes of whitespace (including a hard break) at the end of `s`.
fn trailing_space(s: &str) -> usize {
    s.len() - s.trim_end_matches(|c: char| c.is_whitespace()).len()
}

/// Hyphenation points, URL points and (if `chars`) cluster points inside one word.
fn inner_breaks(
    shaped: &Shaped,
    rules: &Rules<'_>,
    start: usize,
    word: &str,
    url: bool,
    out: &mut Vec<Candidate>,
) {
    let Rules { glued, lang, chars } = *rules;
    if word.is_empty() {
        return;
    }
    // Code is never hyphenated, nor CJK text (the CJK face has no hyphen).
    let mono = shaped
        .segment_at(start)
        .is_some_and(|s| matches!(s.face, Face::Mono | Face::Cjk));
    // A hyphenation point may cut a ligature (see `shape::Cut`); other breaks fall
    // between clusters.
    let mut push = |b: usize, kind: BreakKind| {
        if b > start
            && b < start + word.len()
            && (shaped.boundary[b] || kind == BreakKind::Hyphen)
            && !glued.holds(b)
        {
            out.push(Candidate {
                end: b,
                next: b,
                kind,
            });
        }
    };
    if url {
        // Chicago's rule (6.112 in the 17th edition): after a slash or a double
        // slash, before a full stop, hyphen, question mark, number sign and the like,
        // before or after `=` and `&`; so a line never ends with what looks like
        // punctuation of the sentence or a hyphen added by hyphenation.
        let bytes = word.as_bytes();
        for (i, &c) in bytes.iter().enumerate() {
            let next = bytes.get(i + 1).copied();
            if matches!(c, b'/' | b'=' | b'&') && next != Some(b'/') {
                push(start + i + 1, BreakKind::Other);
            }
            if matches!(
                c,
                b'.' | b'-' | b'?' | b'#' | b'_' | b'~' | b'%' | b',' | b'=' | b'&'
            ) {
                push(start + i, BreakKind::Other);
            }
        }
    } else if let Some(caps) = case_changes(word) {
        // A hashtag or a CamelCase name breaks where a new word starts, never with
        // a hyphen of its own.
        for i in caps {
            push(start + i, BreakKind::Other);
        }
    } else if let Some(lang) = lang.filter(|_| !mono) {
        // Hyphenate each run of letters on its own, so "self-aware" or "Shah's"
        // hyphenate their parts.
        let mut run = None;
        for (i, c) in word.char_indices().chain([(word.len(), ' ')]) {
            match (run, c.is_alphabetic()) {
                (None, true) => run = Some(i),
                (Some(r), false) => {
                    hyphenate_run(&word[r..i], lang, start + r, &mut push);
                    run = None;
                }
                _ => {}
            }
        }
    }
    if chars {
        for (i, _) in word.char_indices().skip(1) {
            push(start + i, BreakKind::Char);
        }
    }
}

/// The byte offsets where a capital follows a small letter, in a hashtag, a handle or
/// a CamelCase name of at least three words; `None` for other words, which hyphenate.
fn case_changes(word: &str) -> Option<Vec<usize>> {
    let tag = word.starts_with(['#', '@']);
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in word.char_indices() {
        if c.is_uppercase() && prev.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit()) {
            out.push(i);
        }
        prev = Some(c);
    }
    (tag || out.len() >= 2).then_some(out)
}

/// Words hyphenated so far on this thread, one map per language in [`LANGS`]: a book
/// repeats its words, and pattern matching is the costliest step of finding breaks.
type Memo = [HashMap<String, Vec<u8>>; LANGS.len()];

/// The languages folio hyphenates, in the memo's order.
const LANGS: [hypher::Lang; 6] = [
    hypher::Lang::English,
    hypher::Lang::French,
    hypher::Lang::German,
    hypher::Lang::Russian,
    hypher::Lang::Spanish,
    hypher::Lang::Turkish,
];

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Default::default());
}

/// Words remembered per language before the memo starts afresh.
const MEMO_LIMIT: usize = 50_000;

/// Hyphenation points of one run of letters.
fn hyphenate_run(
    run: &str,
    lang: hypher::Lang,
    start: usize,
    push: &mut impl FnMut(usize, BreakKind),
) {
    // hypher works on inline storage without its `alloc` feature and refuses longer
    // words; those are not words anyway.
    if run.len() > hypher::MAX_INLINE_SIZE || run.chars().count() < 5 {
        return;
    }
    // A Cyrillic word in a Latin-script language is hyphenated by the Russian patterns:
    // the language's own have nothing to say about it, and a paragraph of long words
    // that cannot be hyphenated is set loose or with a line of one word.
    let cyrillic = run.chars().any(|c| ('\u{400}'..='\u{4FF}').contains(&c));
    let lang = if cyrillic {
        hypher::Lang::Russian
    } else {
        lang
    };
    let slot = LANGS.iter().position(|&l| l == lang).unwrap_or(0);
    MEMO.with_borrow_mut(|memo| {
        let words = &mut memo[slot];
        if !words.contains_key(run) {
            if words.len() >= MEMO_LIMIT {
                words.clear();
            }
            let mut points = Vec::new();
            let mut at = 0;
            let mut syllables = hypher::hyphenate(run, lang).peekable();
            while let Some(s) = syllables.next() {
                at += s.len();
                if syllables.peek().is_some() {
                    // `run` is at most MAX_INLINE_SIZE (45) bytes.
                    points.push(u8::try_from(at).unwrap_or(u8::MAX));
                }
            }
            words.insert(run.to_string(), points);
        }
        for &p in words.get(run).into_iter().flatten() {
            push(start + usize::from(p), BreakKind::Hyphen);
        }
    });
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::pdf::fonts::FontSet;
    use crate::pdf::shape::shape;
    use crate::pdf::types::{Align, TextStyle};

    /// A justified, hyphenated paragraph 300 pt wide in `lang`.
    pub(crate) fn spec(lang: &str) -> ParaSpec {
        ParaSpec {
            width: 300.0,
            first_indent: 0.0,
            left_indent: 0.0,
            align: Align::Justify,
            lang: lang.into(),
            hyphenate: true,
            leading: 12.0,
            looseness: 0,
        }
    }

    /// `text` in the regular face at 10 pt.
    pub(crate) fn pieces(text: &str) -> Vec<Piece> {
        vec![Piece {
            text: text.into(),
            style: TextStyle {
                face: Face::Regular,
                size: 10.0,
                baseline_shift: 0.0,
            },
            tag: None,
        }]
    }

    fn kinds(text: &str, lang: &str) -> Vec<(String, BreakKind)> {
        let fonts = FontSet::bundled();
        let p = pieces(text);
        let s = shape(&fonts, &p);
        candidates(&s, &p, &spec(lang), false)
            .into_iter()
            .map(|c| (text[..c.end].to_string(), c.kind))
            .collect()
    }

    #[test]
    fn words_hyphenate_in_every_language_with_patterns() {
        let en = kinds("revolutionary", "en");
        assert!(
            en.iter()
                .any(|(s, k)| *k == BreakKind::Hyphen && s == "revo"),
            "{en:?}"
        );
        let fr = kinds("gouvernement", "fr-FR");
        assert!(fr.iter().any(|(_, k)| *k == BreakKind::Hyphen), "{fr:?}");
        let de = kinds("Handelsbeziehungen", "de");
        assert!(de.iter().any(|(_, k)| *k == BreakKind::Hyphen), "{de:?}");
        let ru = kinds("литературы", "ru");
        assert!(ru.iter().any(|(_, k)| *k == BreakKind::Hyphen), "{ru:?}");
        let es = kinds("responsabilidades", "es");
        assert!(es.iter().any(|(_, k)| *k == BreakKind::Hyphen), "{es:?}");
        let tr = kinds("araştırmacılar", "tr");
        assert!(tr.iter().any(|(_, k)| *k == BreakKind::Hyphen), "{tr:?}");
        // A language with no patterns here (Basque) hyphenates nothing.
        assert!(
            !kinds("revolutionary", "eu")
                .iter()
                .any(|(_, k)| *k == BreakKind::Hyphen)
        );
    }

    #[test]
    fn cjk_breaks_between_characters_but_not_around_punctuation() {
        let k = kinds("鲁迅说：「文章（上）很好。」我们读", "zh");
        let ends: Vec<&str> = k.iter().map(|(s, _)| s.as_str()).collect();
        // Between two ideographs, at no cost.
        assert!(k.contains(&("鲁".into(), BreakKind::Solid)), "{k:?}");
        assert!(k.contains(&("鲁迅说：".into(), BreakKind::Solid)), "{k:?}");
        // Never before closing punctuation, never after opening.
        for bad in [
            "鲁迅说",
            "鲁迅说：「",
            "鲁迅说：「文章（",
            "鲁迅说：「文章（上）很好",
            "鲁迅说：「文章（上）很好。",
        ] {
            assert!(!ends.contains(&bad), "break after {bad}: {k:?}");
        }
        assert!(ends.contains(&"鲁迅说：「文章（上）很好。」"), "{k:?}");
        // Korean breaks at its spaces only.
        let k = kinds("한국어 문장", "ko");
        assert_eq!(k.len(), 2, "{k:?}");
        assert_eq!(k[0], ("한국어".into(), BreakKind::Space));
    }

    #[test]
    fn spaces_dashes_and_urls() {
        let k = kinds("self-aware people at https://example.org/a/b?x=1", "en");
        assert!(k.contains(&("self-".into(), BreakKind::Explicit)), "{k:?}");
        assert!(k.contains(&("self-aware".into(), BreakKind::Space)));
        // Before a full stop in a URL, after a slash, never after a hyphen.
        assert!(k.contains(&(
            "self-aware people at https://example".into(),
            BreakKind::Other
        )));
        assert!(k.contains(&(
            "self-aware people at https://example.org/".into(),
            BreakKind::Other
        )));
        assert!(!k.iter().any(|(s, _)| s.ends_with("https://example.")));
        assert!(!k.iter().any(|(s, _)| s.ends_with("https:/")));
        assert_eq!(k.last().map(|x| x.1), Some(BreakKind::Forced));
    }
}
