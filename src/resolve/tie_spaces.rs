//! Spaces that must not break, tied once in the model so that both editions print
//! them alike (a browser and folio's line breaker both follow UAX #14, which breaks at
//! any ordinary space).
//!
//! - A hyphen standing between two spaced words ("Albania - its members") is a dash
//!   typed on a keyboard without one: it becomes an en dash, and the space before it a
//!   no-break space, so "– its" never opens a line. A spaced en or em dash written as
//!   such gets the same tie.
//! - In French (`lang: fr`), the spaces of French typography are fixed and no-break:
//!   U+202F (narrow) before `;`, `!` and `?`, U+00A0 before `:` and inside guillemets,
//!   so an opening « never ends a line and a ? never starts one. A missing space is
//!   added, an ordinary one replaced; a run of such marks ("?!") takes one space.
//!
//! URLs and code are left as written. Applying the pass twice changes nothing.

use crate::model::{Block, Document, Inline};

/// No-break space: before a colon, inside guillemets, before a spaced dash.
const NBSP: char = '\u{A0}';
/// Narrow no-break space: before `;`, `!` and `?` in French.
const NNBSP: char = '\u{202F}';
/// How deep nested blocks and inlines are followed (as elsewhere in resolve).
const MAX_DEPTH: usize = 64;

/// Ties the spaces of every text the editions print: title, body, notes, sources.
pub(super) fn tie_spaces(doc: &mut Document) {
    let french = crate::lang::is_french(&doc.meta.lang);
    doc.meta.title = tie(&doc.meta.title, french);
    if let Some(sub) = &mut doc.meta.subtitle {
        *sub = tie(sub, french);
    }
    blocks(&mut doc.blocks, french, 0);
    for note in &mut doc.notes {
        blocks(&mut note.body, french, 0);
    }
    for source in &mut doc.sources {
        if source.inlines.is_empty() {
            // What both backends print for a source without prepared inlines.
            source.inlines = vec![Inline::Text(source.citation.trim().to_string())];
        }
        inlines(&mut source.inlines, french, 0);
    }
}

fn blocks(list: &mut [Block], french: bool, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    for block in list {
        match block {
            Block::Heading { content, .. }
            | Block::Paragraph { content, .. }
            | Block::Figure {
                caption: content, ..
            } => inlines(content, french, depth + 1),
            Block::Quote { blocks: inner } => blocks(inner, french, depth + 1),
            Block::List { items, .. } => {
                for item in items {
                    blocks(item, french, depth + 1);
                }
            }
            Block::Table { head, rows, .. } => {
                for cell in head.iter_mut().chain(rows.iter_mut().flatten()) {
                    inlines(cell, french, depth + 1);
                }
            }
            Block::Code { .. } | Block::Rule => {}
        }
    }
}

fn inlines(list: &mut [Inline], french: bool, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    for inline in list {
        match inline {
            Inline::Text(text) => *text = tie(text, french),
            Inline::Emph(c) | Inline::Strong(c) | Inline::Strike(c) => {
                inlines(c, french, depth + 1);
            }
            Inline::Link { url, content } => {
                // A bare URL's text is the address itself: leave it as written.
                let bare = matches!(content.as_slice(), [Inline::Text(t)] if t == url);
                if !bare {
                    inlines(content, french, depth + 1);
                }
            }
            Inline::Code(_)
            | Inline::Image { .. }
            | Inline::LineBreak
            | Inline::FootnoteRef { .. }
            | Inline::NoteRef(_) => {}
        }
    }
}

/// Whether `c` is a space the pass may replace (a line end inside a paragraph
/// included: it prints as a space).
fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\n' | NBSP | NNBSP | '\u{2009}' | '\u{2006}'
    )
}

/// The space French typography puts before `c`, if `c` is one of its high marks.
fn french_space_before(c: char) -> Option<char> {
    match c {
        ';' | '!' | '?' => Some(NNBSP),
        ':' | '»' => Some(NBSP),
        _ => None,
    }
}

/// `text` with its spaces tied; URLs inside it are copied unchanged.
pub(crate) fn tie(text: &str, french: bool) -> String {
    // Most texts have nothing to tie (a hyphen inside a word is no dash): leave them
    // without the walk below.
    let dash_after_space = text
        .match_indices(['-', '–', '—'])
        .any(|(i, _)| text[..i].ends_with(is_space));
    let french_mark = |c: char| c == '«' || french_space_before(c).is_some();
    if !(dash_after_space || french && text.contains(french_mark)) {
        return text.to_string();
    }
    let urls = super::url_ranges(text);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let in_url = |b: usize| urls.iter().any(|u| u.contains(&b));
    let mut out = String::with_capacity(text.len() + 8);
    let mut k = 0;
    while let Some(&(b, c)) = chars.get(k) {
        k += 1;
        if in_url(b) {
            out.push(c);
            continue;
        }
        let prev = out.chars().next_back();
        match c {
            '-' | '–' | '—' if spaced_dash(&chars, k - 1) => {
                retie(&mut out, NBSP);
                out.push(if c == '-' { '–' } else { c });
            }
            '«' if french => {
                out.push(c);
                // The space after « is one no-break space, written or not.
                while chars.get(k).is_some_and(|&(_, n)| is_space(n)) {
                    k += 1;
                }
                if k < chars.len() {
                    out.push(NBSP);
                }
            }
            _ if french && high_mark(&chars, k - 1) => {
                let space = french_space_before(c).unwrap_or(NBSP);
                if prev.is_some_and(is_space) {
                    retie(&mut out, space);
                } else if prev.is_some_and(|p| !matches!(p, ';' | ':' | '!' | '?' | '«')) {
                    out.push(space);
                }
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Replaces the run of spaces at the end of `out` by `space`.
fn retie(out: &mut String, space: char) {
    let kept = out.trim_end_matches(is_space).len();
    out.truncate(kept);
    out.push(space);
}

/// Whether the dash at `k` stands alone between two words: a space on each side, and
/// something other than a space before and after those.
fn spaced_dash(chars: &[(usize, char)], k: usize) -> bool {
    let before = chars[..k].iter().rev().map(|&(_, c)| c);
    let after = chars.get(k + 1..).unwrap_or(&[]).iter().map(|&(_, c)| c);
    let word_around = |mut side: Box<dyn Iterator<Item = char> + '_>| {
        side.next().is_some_and(is_space) && side.find(|&c| !is_space(c)).is_some()
    };
    word_around(Box::new(before)) && word_around(Box::new(after))
}

/// Whether the mark at `k` closes a phrase (French spacing applies): it follows
/// something, and a space, the end or closing punctuation follows it, so "14:30",
/// "?q=" and "a:b" stay as written.
fn high_mark(chars: &[(usize, char)], k: usize) -> bool {
    let c = chars[k].1;
    if french_space_before(c).is_none() {
        return false;
    }
    let before = chars[..k]
        .iter()
        .rev()
        .map(|&(_, c)| c)
        .find(|&c| !is_space(c));
    let next = chars.get(k + 1).map(|&(_, n)| n);
    before.is_some()
        && (c == '»'
            || next.is_none_or(|n| {
                is_space(n) || french_space_before(n).is_some() || ".,)]”’…".contains(n)
            }))
}

#[cfg(test)]
mod tests {
    use super::tie;

    #[test]
    fn a_spaced_hyphen_is_an_en_dash_tied_to_the_word_before() {
        assert_eq!(
            tie("in Albania - its members", false),
            "in Albania\u{a0}– its members"
        );
        assert_eq!(
            tie("cultists – or champions", false),
            "cultists\u{a0}– or champions"
        );
        assert_eq!(tie("yes — no", false), "yes\u{a0}— no");
        // Not between words: a list's dash, a compound, a range, a minus.
        assert_eq!(tie("- item", false), "- item");
        assert_eq!(
            tie("pre-war 1979–1981 a -1", false),
            "pre-war 1979–1981 a -1"
        );
        assert_eq!(tie("ends -", false), "ends -");
    }

    #[test]
    fn french_marks_get_fixed_no_break_spaces() {
        assert_eq!(
            tie("Il dit : « oui » ; puis ?", true),
            "Il dit\u{a0}: «\u{a0}oui\u{a0}»\u{202f}; puis\u{202f}?"
        );
        assert_eq!(
            tie("«Non»! Vraiment?!", true),
            "«\u{a0}Non\u{a0}»\u{202f}! Vraiment\u{202f}?!"
        );
        assert_eq!(tie("«  large   »", true), "«\u{a0}large\u{a0}»");
        // Times, URLs and English text are left alone.
        assert_eq!(tie("à 14:30", true), "à 14:30");
        assert_eq!(
            tie("voir https://ex.org/a?b=c;d ici", true),
            "voir https://ex.org/a?b=c;d ici"
        );
        assert_eq!(tie("Why? Because: « x »", false), "Why? Because: « x »");
    }

    #[test]
    fn tying_twice_changes_nothing() {
        for (text, french) in [
            ("Il dit : « oui » ; puis ?! - fin", true),
            ("«Non»!", true),
            ("a - b — c", false),
        ] {
            let once = tie(text, french);
            assert_eq!(tie(&once, french), once, "{text}");
        }
    }
}
