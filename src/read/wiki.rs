//! What a wiki page leaves inside its article when copied as plain text: section edit
//! links ("History\[edit\]") and maintenance tags ("\[citation needed\]", "\[when?\]").
//!
//! Maintenance tags are the wiki's editors flagging a claim, not citations: they number
//! nothing and point at no source. Kept, a "[citation needed]" would print in the book
//! as if it were the author's words; folio drops each one and says so with an info
//! diagnostic at its place, so the claim's missing source stays visible in `folio check`.

use super::Src;
use crate::model::{Block, Document, FootnoteDef, Inline, Span};

/// Edit-link labels MediaWiki prints beside a section heading, in several languages;
/// where a wiki offers both editors it prints both links in one bracket
/// ("[править | править код]").
const EDIT_LINKS: &[&str] = &[
    "[edit]",
    "[edit source]",
    "[change]",
    "[change source]",
    "[modifier | modifier le code]",
    "[modifier]",
    "[modifier le code]",
    "[bearbeiten]",
    "[Bearbeiten | Quelltext bearbeiten]",
    "[editar]",
    "[editar código-fonte]",
    "[modifica | modifica wikitesto]",
    "[modifica]",
    "[edytuj]",
    "[править | править код]",
    "[править]",
    "[düzenle | kaynağı değiştir]",
    "[düzenle]",
    "[editar | editar código-fonte]",
];

/// Maintenance tags (lowercase, the part before any "–"), from MediaWiki's
/// inline cleanup templates. Questions ("[who?]", "[according to whom?]") are
/// recognised by their form instead, see [`is_maintenance`].
const TAGS: &[&str] = &[
    "citation needed",
    "full citation needed",
    "better source needed",
    "better source",
    "non-primary source needed",
    "third-party source needed",
    "unreliable source",
    "self-published source",
    "verification needed",
    "failed verification",
    "not in citation given",
    "clarification needed",
    "page needed",
    "pages needed",
    "year needed",
    "date missing",
    "update",
    "needs update",
    "update needed",
    "dubious",
    "disputed",
    "discuss",
    "vague",
    "specify",
    "dead link",
    "permanent dead link",
    "broken anchor",
    "irrelevant citation",
    "original research",
    "weasel words",
    "peacock term",
    "neutrality is disputed",
    "obsolete source",
    "excessive citations",
    "citation not found",
    "improper synthesis",
];

/// A question tag has at most this many words ("[according to whom?]").
const QUESTION_MAX_WORDS: usize = 4;

/// The heading without its edit link, if it had one: "History\[edit\]" → "History".
pub(super) fn strip_edit_link(line: &str) -> Option<&str> {
    EDIT_LINKS.iter().find_map(|link| {
        let stripped = line
            .strip_suffix(link)
            .or_else(|| line.strip_prefix(link))?
            .trim();
        (!stripped.is_empty()).then_some(stripped)
    })
}

/// Whether the inside of a bracket is a maintenance tag.
pub(super) fn is_maintenance(inner: &str) -> bool {
    let inner = inner.trim();
    if inner.is_empty() || inner.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let lower = inner.to_lowercase();
    let head = lower
        .split(['–', '—'])
        .next()
        .unwrap_or("")
        .trim_end_matches(['?', ' '])
        .trim();
    if TAGS.contains(&head) {
        return true;
    }
    // "[who?]", "[when?]", "[according to whom?]": a short lowercase question
    inner.ends_with('?')
        && inner.starts_with(|c: char| c.is_lowercase())
        && inner.split_whitespace().count() <= QUESTION_MAX_WORDS
}

/// `line` without its maintenance tags, and the byte range (in `line`) of each tag dropped.
pub(super) fn strip_maintenance(line: &str) -> (String, Vec<(usize, usize)>) {
    let mut out = String::with_capacity(line.len());
    let mut dropped = Vec::new();
    let mut copied = 0;
    let mut from = 0;
    while let Some(rel) = line[from..].find('[') {
        let start = from + rel;
        let Some(close_rel) = line[start..].find(']') else {
            break;
        };
        let end = start + close_rel + 1;
        if !is_maintenance(&line[start + 1..end - 1]) {
            from = start + 1;
            continue;
        }
        out.push_str(&line[copied..start]);
        // "claim [who?] said" keeps one space, not two
        if out.ends_with(' ') && line[end..].starts_with(' ') {
            out.pop();
        }
        dropped.push((start, end - start));
        copied = end;
        from = end;
    }
    out.push_str(&line[copied..]);
    (out, dropped)
}

/// One works-cited list as the text reader found it.
pub(super) struct List {
    /// The heading's text ("Notes").
    pub heading: String,
    /// Where the heading is.
    pub span: Span,
    /// Index of its first entry among the document's entries.
    pub first_entry: usize,
    /// Its entries are numbered by their order ("^ text"), not by written numbers.
    pub by_order: bool,
}

/// Wikipedia puts explanatory notes, cited "\[a\]", "\[b\]" (or "\[note 1\]"), in a
/// list of their own ("Notes") before the numbered references, and a plain-text copy
/// prints both as "^ text" (a text browser's dump may number the references "1. ^
/// text" and leave the notes "^ text"). When the body has lettered markers, every list
/// before the last one that is numbered by order holds the lettered notes: numbering
/// on through them would send "\[1\]" to the note "a", or (with the references
/// numbered as written) make the note "a" a second entry 1 that wins over the real
/// one. Their entries become footnotes labelled by their order ("a", "b"… or "note
/// 1"…), each "\[a\]" in the text a reference to its note, as pandoc reads a wiki's
/// `{{efn}}`; and the last list, if numbered by order, is numbered from 1, as the page
/// numbers it.
pub(super) fn set_apart_lettered_notes(src: &Src, doc: &mut Document, lists: &[List]) {
    let Some((last, earlier)) = lists.split_last() else {
        return;
    };
    let kept = earlier.len();
    let apart: Vec<usize> = (0..kept).filter(|&k| lists[k].by_order).collect();
    let Some(style) = lettered_style(&doc.blocks) else {
        return;
    };
    if apart.is_empty() {
        return;
    }
    let total = doc.entries.len();
    let end = |k: usize| lists.get(k + 1).map_or(total, |l| l.first_entry);
    let mut entries = std::mem::take(&mut doc.entries);
    if last.by_order {
        for (n, entry) in entries[last.first_entry..end(kept)].iter_mut().enumerate() {
            entry.number = n as u32 + 1;
        }
    }
    // from the last list back, so that earlier entry ranges hold
    let mut notes = Vec::new();
    for &k in apart.iter().rev() {
        let list = &lists[k];
        let drained: Vec<_> = entries.drain(list.first_entry..end(k)).collect();
        notes.splice(0..0, drained);
        doc.diagnostics.push(
            src.info(
                "I-LETTERED-NOTES",
                list.span.offset,
                list.heading.len(),
                format!(
                    "the list under “{}” holds the page's lettered notes ({}); each \
                     becomes a note of its own, and the numbered markers cite the list \
                     under “{}”",
                    list.heading,
                    style.example(),
                    last.heading
                ),
            )
            .with_hint("nothing to do; a lettered note that cites a work gets it as its source"),
        );
    }
    doc.entries = entries;
    let defs: Vec<FootnoteDef> = notes
        .into_iter()
        .enumerate()
        .map(|(i, e)| FootnoteDef {
            label: style.label(i),
            blocks: vec![Block::Paragraph {
                content: vec![Inline::Text(e.text)],
                span: e.span,
            }],
            span: e.span,
        })
        .collect();
    let labels: Vec<String> = defs.iter().map(|d| format!("[{}]", d.label)).collect();
    link_lettered(src, &labels, &mut doc.blocks);
    doc.footnote_defs.extend(defs);
}

/// How a page cites its explanatory notes.
#[derive(Clone, Copy)]
enum Lettered {
    /// "\[a\]", "\[b\]"… "\[z\]", "\[aa\]", as MediaWiki's lower-alpha group counts.
    Letters,
    /// "\[note 1\]", "\[note 2\]"…
    Numbered,
}

impl Lettered {
    /// The label of the note at `index` in the list's order.
    fn label(self, index: usize) -> String {
        match self {
            Lettered::Numbered => format!("note {}", index + 1),
            Lettered::Letters => {
                let mut label = Vec::new();
                let mut n = index + 1;
                while n > 0 {
                    n -= 1;
                    label.push(b'a' + (n % 26) as u8);
                    n /= 26;
                }
                label.reverse();
                String::from_utf8(label).unwrap_or_default()
            }
        }
    }

    fn example(self) -> &'static str {
        match self {
            Lettered::Letters => "[a], [b]…",
            Lettered::Numbered => "[note 1], [note 2]…",
        }
    }
}

/// How the body cites lettered notes, if a paragraph does: "\[note 1\]" or "\[a\]".
fn lettered_style(blocks: &[Block]) -> Option<Lettered> {
    let mut style = None;
    for b in blocks {
        if let Block::Paragraph { content, .. } = b {
            let text = Inline::plain(content);
            if text.contains("[note ") {
                return Some(Lettered::Numbered);
            }
            if text
                .as_bytes()
                .windows(3)
                .any(|w| w[0] == b'[' && w[1].is_ascii_lowercase() && w[2] == b']')
            {
                style = Some(Lettered::Letters);
            }
        }
    }
    style
}

/// Each lettered marker in `blocks` whose note exists becomes a footnote reference at
/// its place in the input, found from the start of its paragraph on. One that cannot
/// be placed, or names no note ("\[q\]" with two notes), stays text.
fn link_lettered(src: &Src, labels: &[String], blocks: &mut [Block]) {
    for block in blocks {
        match block {
            Block::Paragraph { content, span } => {
                let mut from = span.offset;
                let old = std::mem::take(content);
                for inline in old {
                    let Inline::Text(text) = inline else {
                        content.push(inline);
                        continue;
                    };
                    let mut rest = text.as_str();
                    while let Some((at, label)) = next_label(rest, labels) {
                        let Some(found) = src.text.get(from..).and_then(|i| i.find(label)) else {
                            break;
                        };
                        let offset = from + found;
                        from = offset + label.len();
                        if at > 0 {
                            content.push(Inline::Text(rest[..at].to_string()));
                        }
                        content.push(Inline::FootnoteRef {
                            label: label[1..label.len() - 1].to_string(),
                            span: src.span(offset, label.len()),
                        });
                        rest = &rest[at + label.len()..];
                    }
                    if !rest.is_empty() {
                        content.push(Inline::Text(rest.to_string()));
                    }
                }
            }
            Block::Quote { blocks } => link_lettered(src, labels, blocks),
            Block::List { items, .. } => {
                for item in items {
                    link_lettered(src, labels, item);
                }
            }
            _ => {}
        }
    }
}

/// The first of `labels` in `text`, and where.
fn next_label<'l>(text: &str, labels: &'l [String]) -> Option<(usize, &'l str)> {
    text.match_indices('[').find_map(|(at, _)| {
        labels
            .iter()
            .find(|l| text[at..].starts_with(l.as_str()))
            .map(|l| (at, l.as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maintenance_tags_are_recognised_by_list_and_by_form() {
        for tag in [
            "citation needed",
            "Citation needed",
            "according to whom?",
            "update",
            "clarification needed",
            "dubious – discuss",
            "who?",
            "when?",
            "better source needed",
            "permanent dead link",
        ] {
            assert!(is_maintenance(tag), "{tag}");
        }
        for text in [
            "1",
            "12, 13",
            "a",
            "note 1",
            "sic",
            "Who Are We?",
            "2.0",
            "Update: the firm replied",
        ] {
            assert!(!is_maintenance(text), "{text}");
        }
    }

    #[test]
    fn tags_are_dropped_with_their_places() {
        let line = "He was forced out.[citation needed] Others [who?] agreed.[4]";
        let (text, dropped) = strip_maintenance(line);
        assert_eq!(text, "He was forced out. Others agreed.[4]");
        let tags: Vec<&str> = dropped.iter().map(|&(s, l)| &line[s..s + l]).collect();
        assert_eq!(tags, ["[citation needed]", "[who?]"]);
        assert_eq!(strip_maintenance("[a] x [").0, "[a] x [");
    }

    #[test]
    fn edit_links_leave_the_heading() {
        assert_eq!(strip_edit_link("References[edit]"), Some("References"));
        assert_eq!(strip_edit_link("[edit] History"), Some("History"));
        assert_eq!(strip_edit_link("See also[edit source]"), Some("See also"));
        assert_eq!(strip_edit_link("[edit]"), None);
        for (line, heading) in [
            ("Примечания[править | править код]", "Примечания"),
            ("Литература[править]", "Литература"),
            (
                "Einzelnachweise[Bearbeiten | Quelltext bearbeiten]",
                "Einzelnachweise",
            ),
            (
                "Notes et références[modifier | modifier le code]",
                "Notes et références",
            ),
            ("Referencias[editar]", "Referencias"),
            ("Note[modifica | modifica wikitesto]", "Note"),
            ("Kaynakça[düzenle | kaynağı değiştir]", "Kaynakça"),
        ] {
            assert_eq!(strip_edit_link(line), Some(heading), "{line}");
        }
        assert_eq!(strip_edit_link("History"), None);
    }
}
