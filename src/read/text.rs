//! Plain text scraped from a web page: one line per paragraph, headings as short lines,
//! navigation debris around the article, a date and an image caption under the title.

use super::Src;
use super::cited::{self, Collector};
use super::debris::{self, Kind};
use super::lowercase;
use super::smart::smart;
use super::wiki;
use crate::diag::Diagnostic;
use crate::model::{Block, Document, Inline};

/// Labels of a date line under the title; the rest of the line is the date.
const DATE_LABELS: &[&str] = &[
    "updated:",
    "updated on",
    "last updated:",
    "last updated on",
    "published:",
    "published on",
    "posted on",
    "posted:",
    "date:",
];

/// Starts of an image caption line; `true` when the label is dropped from the caption.
const CAPTION_STARTS: &[(&str, bool)] = &[
    ("flag of ", false),
    ("portrait of ", false),
    ("logo of ", false),
    ("map of ", false),
    ("photo by ", false),
    ("photo:", true),
    ("image:", true),
    ("picture:", true),
    ("caption:", true),
    ("pictured:", true),
];

/// A first line longer than this is prose, not a title.
const TITLE_MAX_CHARS: usize = 200;
/// A heading is a line at most this long …
const HEADING_MAX_CHARS: usize = 80;
/// … with at most this many words.
const HEADING_MAX_WORDS: usize = 12;
/// A line at least this long that runs straight into the next is wrapped prose.
const WRAP_MIN_CHARS: usize = 40;

struct Line<'a> {
    offset: usize,
    text: &'a str,
    /// A blank (or debris) line separates it from the line before.
    blank_before: bool,
    /// A section heading marked as one: the line carried a wiki edit link
    /// ("History\[edit\]") or Markdown's "## " (text copied from a Markdown page).
    section: bool,
}

/// At most this many dropped lines are quoted in one `I-DEBRIS` note.
const DEBRIS_QUOTED: usize = 3;
/// A quoted debris line is cut after this many characters.
const DEBRIS_QUOTE_CHARS: usize = 40;

/// Reads scraped text into `doc`.
pub(super) fn read(src: &Src, doc: &mut Document) {
    let lines = meaningful_lines(src, &mut doc.diagnostics);
    let mut cited = Collector::new(src.text);
    let mut lists = Vec::new();
    let mut in_cited = false;
    // Under a works-cited heading whose list has no numbers: each entry is a paragraph.
    let mut in_bibliography = false;
    let mut seen_body = false;
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        let span = src.span(line.offset, line.text.len());
        if in_cited && line.section {
            in_cited = false;
        }
        if in_cited {
            if cited.start(line.text, span, None) {
                i += 1;
                continue;
            }
            if !line.blank_before || cited::is_continuation(line.text) {
                cited.extend(line.text);
                i += 1;
                continue;
            }
            in_cited = false;
        }
        if !seen_body && let Some(date) = date(line.text) {
            doc.meta.date = Some(date.to_string());
            i += 1;
            continue;
        }
        if doc.meta.title.is_empty() && !seen_body && line.text.chars().count() <= TITLE_MAX_CHARS {
            doc.meta.title = smart(line.text);
            i += 1;
            continue;
        }
        let next = lines.get(i + 1);
        if cited::is_page_heading(line.text)
            && let Some(first) = next.and_then(|n| cited.entry(n.text))
        {
            lists.push(wiki::List {
                heading: smart(line.text),
                span,
                first_entry: cited.entries.len(),
                by_order: first.0.is_none(),
            });
            in_cited = true;
            i += 1;
            continue;
        }
        if let Some(caption) = caption(line.text) {
            let caption = smart(caption);
            doc.blocks.push(Block::Figure {
                src: None,
                alt: caption.clone(),
                caption: vec![Inline::Text(caption)],
                span,
            });
            i += 1;
            continue;
        }
        seen_body = true;
        if bullet(line.text).is_some() {
            i = read_list(src, &lines, i, doc);
            continue;
        }
        // a long line running straight into the next one is wrapped prose, not a heading
        let stands_alone = |n: &Line| n.blank_before || line.text.chars().count() < WRAP_MIN_CHARS;
        if line.section
            || heading_like(line.text)
                && next.is_some_and(|n| !heading_like(n.text) && stands_alone(n))
        {
            in_bibliography = cited::is_heading(line.text);
            doc.blocks.push(Block::Heading {
                level: 2,
                id: None,
                content: vec![Inline::Text(smart(line.text))],
                span,
            });
            i += 1;
            continue;
        }
        let mut text = without_tags(src, line, &mut doc.diagnostics);
        let mut end = line.offset + line.text.len();
        i += 1;
        while let Some(next) = lines.get(i) {
            let prev = &lines[i - 1];
            if next.blank_before
                || prev.text.chars().count() < WRAP_MIN_CHARS
                || cited::is_heading(next.text)
                || in_bibliography && cited::starts_unnumbered_entry(&text, next.text)
            {
                break;
            }
            text.push(' ');
            text.push_str(&without_tags(src, next, &mut doc.diagnostics));
            end = next.offset + next.text.len();
            i += 1;
        }
        doc.blocks.push(Block::Paragraph {
            content: vec![Inline::Text(smart(&text))],
            span: src.span(line.offset, end - line.offset),
        });
    }
    doc.entries = cited.entries;
    for entry in &mut doc.entries {
        entry.text = smart(&entry.text);
    }
    wiki::set_apart_lettered_notes(src, doc, &lists);
}

/// Non-blank, non-debris lines, trimmed, each knowing whether a gap came before it;
/// every stretch of debris dropped becomes one `I-DEBRIS` note.
fn meaningful_lines<'a>(src: &Src<'a>, diagnostics: &mut Vec<Diagnostic>) -> Vec<Line<'a>> {
    let raw: Vec<(usize, &str)> = super::lines_with_offsets(src.text).collect();
    let texts: Vec<&str> = raw.iter().map(|&(_, l)| l).collect();
    let kinds = debris::classify(&texts);
    let mut out = Vec::new();
    let mut dropped: Vec<(usize, &str, Kind)> = Vec::new();
    let mut blank_before = true;
    for (&(offset, raw), kind) in raw.iter().zip(kinds) {
        let trimmed = raw.trim();
        let start = offset + (raw.len() - raw.trim_start().len());
        if trimmed.is_empty() {
            blank_before = true;
            continue;
        }
        if let Some(kind) = kind {
            dropped.push((start, trimmed, kind));
            blank_before = true;
            continue;
        }
        report_debris(src, &mut dropped, diagnostics);
        let (text, section) = match wiki::strip_edit_link(trimmed).or_else(|| atx_heading(trimmed))
        {
            Some(heading) => (heading, true),
            None => (trimmed, false),
        };
        out.push(Line {
            offset: start + (text.as_ptr() as usize - trimmed.as_ptr() as usize),
            text,
            blank_before,
            section,
        });
        blank_before = false;
    }
    report_debris(src, &mut dropped, diagnostics);
    out
}

/// The heading of a Markdown ATX heading line ("## Works Cited", "# Title #"): one to
/// six '#', a space, the words. A hashtag ("#history") has no space after it.
fn atx_heading(line: &str) -> Option<&str> {
    let words = line.trim_start_matches('#');
    let hashes = line.len() - words.len();
    let words = words.strip_prefix(' ')?.trim_end_matches('#').trim();
    ((1..=6).contains(&hashes) && !words.is_empty()).then_some(words)
}

/// One note for a stretch of dropped lines, at its first line, quoting a few of them.
fn report_debris(src: &Src, dropped: &mut Vec<(usize, &str, Kind)>, out: &mut Vec<Diagnostic>) {
    let Some(&(offset, first, kind)) = dropped.first() else {
        return;
    };
    let mut quoted: Vec<String> = dropped
        .iter()
        .take(DEBRIS_QUOTED)
        .map(|&(_, text, _)| {
            let mut q: String = text.chars().take(DEBRIS_QUOTE_CHARS).collect();
            if q.len() < text.len() {
                q.push('…');
            }
            format!("“{q}”")
        })
        .collect();
    if dropped.len() > DEBRIS_QUOTED {
        quoted.push("…".to_string());
    }
    let kind = if dropped.iter().all(|d| d.2 == kind) {
        kind.name()
    } else {
        "page furniture"
    };
    let lines = match dropped.len() {
        1 => "1 line".to_string(),
        n => format!("{n} lines"),
    };
    out.push(
        src.info(
            "I-DEBRIS",
            offset,
            first.len(),
            format!("dropped {lines} of {kind}: {}", quoted.join(", ")),
        )
        .with_hint(
            "menus, share bars, banners and footers of a scraped page are left out; \
             if this is article text, write it as sentences in a paragraph of its own",
        ),
    );
    dropped.clear();
}

/// The line's text without wiki maintenance tags, each dropped one noted at its place.
fn without_tags(src: &Src, line: &Line, diagnostics: &mut Vec<Diagnostic>) -> String {
    let (text, dropped) = wiki::strip_maintenance(line.text);
    for (start, len) in dropped {
        let tag = &line.text[start..start + len];
        diagnostics.push(
            src.info(
                "I-MAINTENANCE-TAG",
                line.offset + start,
                len,
                format!("dropped the wiki maintenance tag “{tag}”"),
            )
            .with_hint("a wiki's editors flag claims this way; it is not a citation"),
        );
    }
    text
}

/// The text of a bulleted line ("* Kurlansky, Mark (2002)…", "• …", "- …"), as web
/// pages' lists come out when saved as text; `None` for any other line.
fn bullet(line: &str) -> Option<&str> {
    let rest = line.strip_prefix(['*', '•', '◦', '▪', '-'])?;
    let text = rest.strip_prefix([' ', '\t'])?.trim_start();
    (!text.is_empty()).then_some(text)
}

/// Reads the bulleted lines from `lines[i]` on as one list, an item per bullet (with
/// the wrapped lines that run straight on from it); returns the index after the list.
/// Blank lines between items do not end it: saved pages often space their items.
fn read_list(src: &Src, lines: &[Line], mut i: usize, doc: &mut Document) -> usize {
    let mut items = Vec::new();
    while let Some(first) = lines.get(i)
        && let Some(text) = bullet(first.text)
    {
        let start = first.offset + (first.text.len() - text.len());
        let item = Line {
            offset: start,
            text,
            blank_before: first.blank_before,
            section: false,
        };
        let mut joined = without_tags(src, &item, &mut doc.diagnostics);
        let mut end = first.offset + first.text.len();
        i += 1;
        while let Some(next) = lines.get(i) {
            let prev = &lines[i - 1];
            if next.blank_before
                || bullet(next.text).is_some()
                || prev.text.chars().count() < WRAP_MIN_CHARS
            {
                break;
            }
            joined.push(' ');
            joined.push_str(&without_tags(src, next, &mut doc.diagnostics));
            end = next.offset + next.text.len();
            i += 1;
        }
        items.push(vec![Block::Paragraph {
            content: vec![Inline::Text(smart(&joined))],
            span: src.span(start, end - start),
        }]);
    }
    doc.blocks.push(Block::List { start: None, items });
    i
}

fn date(line: &str) -> Option<&str> {
    DATE_LABELS.iter().find_map(|label| {
        if !lowercase::starts_with(line, label) || !line.is_char_boundary(label.len()) {
            return None;
        }
        let value = line[label.len()..].trim();
        (!value.is_empty() && value.chars().count() <= 40).then_some(value)
    })
}

fn caption(line: &str) -> Option<&str> {
    if line.chars().count() > 200 {
        return None;
    }
    CAPTION_STARTS.iter().find_map(|&(start, drop_label)| {
        if !lowercase::starts_with(line, start) || !line.is_char_boundary(start.len()) {
            return None;
        }
        let caption = if drop_label {
            line[start.len()..].trim()
        } else {
            line
        };
        (!caption.is_empty()).then_some(caption)
    })
}

/// Short, few words, no sentence punctuation at the end.
fn heading_like(line: &str) -> bool {
    let end = strip_trailing_markers(line).trim_end_matches(['"', '\'', '”', '’', '»']);
    line.chars().nth(HEADING_MAX_CHARS).is_none()
        && line.split_whitespace().nth(HEADING_MAX_WORDS).is_none()
        && !end.ends_with(['.', '!', '?', '…', ':', ';', ','])
}

/// "…lamps.\[2\]\[3\]" ends a sentence even though its last character is a bracket.
fn strip_trailing_markers(mut line: &str) -> &str {
    loop {
        let trimmed = line.trim_end();
        let Some(open_close) = [('[', ']'), ('(', ')')]
            .into_iter()
            .find(|&(_, close)| trimmed.ends_with(close))
        else {
            return trimmed;
        };
        let inner_start = trimmed.rfind(open_close.0);
        let Some(start) = inner_start else {
            return trimmed;
        };
        let inner = &trimmed[start + 1..trimmed.len() - 1];
        if inner.is_empty()
            || !inner
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b',' || b == b' ' || b == b'-')
        {
            return trimmed;
        }
        line = &trimmed[..start];
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Block, Inline};
    use crate::read::read;

    fn texts(blocks: &[Block]) -> Vec<String> {
        blocks
            .iter()
            .map(|b| match b {
                Block::Heading { content, .. } => format!("H:{}", Inline::plain(content)),
                Block::Paragraph { content, .. } => format!("P:{}", Inline::plain(content)),
                Block::Figure { caption, .. } => format!("F:{}", Inline::plain(caption)),
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn title_date_caption_heading_paragraphs() {
        let doc = read(
            "a.txt",
            b"Skip to content\nMenu\n\nThe Title\n\nPosted on March 3, 2021\n\nPhoto: A river at dawn\n\n\
              First paragraph of the article, long enough to be prose.\n\nA Short Heading \n\n\
              Second paragraph.\n\nShare this\nBack to top\n",
        );
        assert_eq!(doc.meta.title, "The Title");
        assert_eq!(doc.meta.date.as_deref(), Some("March 3, 2021"));
        assert_eq!(
            texts(&doc.blocks),
            [
                "F:A river at dawn",
                "P:First paragraph of the article, long enough to be prose.",
                "H:A Short Heading",
                "P:Second paragraph.",
            ]
        );
    }

    #[test]
    fn wiki_boilerplate_is_debris_not_headings() {
        let doc = read(
            "w.txt",
            b"Lighthouse Keepers\n\nFrom Wikipedia, the free encyclopedia\nJump to navigation\n\
              Jump to search\nThis article is about the trade association. For the film, see \
              Keepers (film).\n\nThe association was founded in 1911 after a strike.\n\n\
              Retrieved from \"https://en.wikipedia.org/w/index.php?title=Keepers&oldid=1\"\n",
        );
        assert_eq!(doc.meta.title, "Lighthouse Keepers");
        assert_eq!(
            texts(&doc.blocks),
            ["P:The association was founded in 1911 after a strike."]
        );
    }

    #[test]
    fn a_retrieved_date_in_prose_is_no_debris() {
        assert!(!crate::read::debris::is_boilerplate(
            "Retrieved from the archive in 1990, the letters were burned."
        ));
        assert!(crate::read::debris::is_boilerplate(
            "Retrieved from https://example.org/wiki/X"
        ));
    }

    #[test]
    fn trailing_markers_do_not_hide_sentence_ends() {
        assert_eq!(super::strip_trailing_markers("lamps.[2][3]"), "lamps.");
        assert_eq!(super::strip_trailing_markers("lamps. (4, 5)"), "lamps.");
        assert_eq!(
            super::strip_trailing_markers("The Years (1979)"),
            "The Years"
        );
        assert_eq!(super::strip_trailing_markers("Group (MEK)"), "Group (MEK)");
        assert!(super::heading_like("The Early Years (1965)"));
        assert!(!super::heading_like("It exported lamps.[2][3]"));
    }

    #[test]
    fn a_date_above_the_title_is_no_title() {
        let doc = read(
            "a.txt",
            b"Published: 2 May 2020\n\nReal Title\n\nBody text.\n",
        );
        assert_eq!(doc.meta.title, "Real Title");
        assert_eq!(doc.meta.date.as_deref(), Some("2 May 2020"));
    }

    #[test]
    fn wrapped_lines_join_but_short_lines_stay_apart() {
        let doc = read(
            "a.txt",
            b"T\n\nThis paragraph was wrapped by an editor at a fixed width\nand continues on this line.\n\
              \nOne\nTwo\n",
        );
        assert_eq!(
            texts(&doc.blocks),
            [
                "P:This paragraph was wrapped by an editor at a fixed width and continues on this line.",
                "P:One",
                "P:Two",
            ]
        );
        let Block::Paragraph { span, .. } = &doc.blocks[0] else {
            panic!()
        };
        assert_eq!(span.line, 3);
    }

    #[test]
    fn bulleted_lines_are_a_list_of_their_own() {
        let doc = read(
            "a.txt",
            "T\n\nBody text of the page, a sentence.\n\nSources\n\n  * Kurlansky, Mark (2002). Salt: A World History. New York:\n    Walker and Company.\n\n  * Multhauf, Robert P. (1978). Neptune's Gift.\n• Weller, Olivier (2015).\nAfter the list.\n"
                .as_bytes(),
        );
        let Some(Block::List { start: None, items }) = doc.blocks.get(2) else {
            panic!("{:?}", texts(&doc.blocks));
        };
        let items: Vec<String> = items.iter().map(|item| texts(item).join("|")).collect();
        assert_eq!(
            items,
            [
                "P:Kurlansky, Mark (2002). Salt: A World History. New York: Walker and Company.",
                "P:Multhauf, Robert P. (1978). Neptune’s Gift.",
                "P:Weller, Olivier (2015).",
            ]
        );
        assert_eq!(texts(&doc.blocks[3..]), ["P:After the list."]);
        // A dash glued to a word is no bullet.
        let doc = read("a.txt", b"T\n\n-5 degrees at night.\n");
        assert_eq!(texts(&doc.blocks), ["P:-5 degrees at night."]);
    }

    #[test]
    fn numbered_list_in_body_is_body_text() {
        let doc = read(
            "a.txt",
            b"T\n\n1. first point here.\n\n2. second point here.\n",
        );
        assert!(doc.entries.is_empty());
        assert_eq!(doc.blocks.len(), 2);
    }

    #[test]
    fn works_cited_lines_with_continuations_then_body_again() {
        let doc = read(
            "a.txt",
            b"T\n\nText (1) and [2].\n\nReferences:\n[1] Doe, J. A book.\nhttps://example.org/x\n\n\
              [2] Roe, R. Another.\n\nhttps://example.org/y\n\nAfterword\n\nA closing paragraph.\n",
        );
        let got: Vec<_> = doc
            .entries
            .iter()
            .map(|e| (e.number, e.text.as_str(), e.span.line))
            .collect();
        assert_eq!(
            got,
            [
                (1, "Doe, J. A book. https://example.org/x", 6),
                (2, "Roe, R. Another. https://example.org/y", 9)
            ]
        );
        assert_eq!(
            texts(&doc.blocks),
            [
                "P:Text (1) and [2].",
                "H:Afterword",
                "P:A closing paragraph."
            ]
        );
    }

    #[test]
    fn wikipedia_style_references() {
        let doc = read(
            "w.txt",
            b"Topic\n\nA claim.[1] Another.[2]\n\nReferences\n\n^ Smith, J. (2001). Title.\n^ a b Doe, K. (2002). Other.\n",
        );
        assert_smith_and_doe(&doc);
    }

    /// The two references the wiki-page tests cite, numbered 1 and 2.
    fn assert_smith_and_doe(doc: &crate::model::Document) {
        let got: Vec<_> = doc
            .entries
            .iter()
            .map(|e| (e.number, e.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (1, "Smith, J. (2001). Title."),
                (2, "Doe, K. (2002). Other.")
            ]
        );
    }

    #[test]
    fn menus_and_share_bars_are_neither_title_nor_headings() {
        let doc = read(
            "a.txt",
            "Home | About | Contact\n\nThe Harbour Guild\n\nShare\nTwitter\nFacebook\n\n\
             The guild was founded in 1911.\n\nTwitter\n\nIt met weekly.\n\n© 2024 Guild Press\n"
                .as_bytes(),
        );
        assert_eq!(doc.meta.title, "The Harbour Guild");
        assert_eq!(
            texts(&doc.blocks),
            ["P:The guild was founded in 1911.", "P:It met weekly."]
        );
        let notes: Vec<(&str, u32)> = doc
            .diagnostics
            .iter()
            .map(|d| (d.code, d.span.line))
            .collect();
        assert_eq!(
            notes,
            [
                ("I-DEBRIS", 1),
                ("I-DEBRIS", 5),
                ("I-DEBRIS", 11),
                ("I-DEBRIS", 15)
            ]
        );
        assert!(doc.diagnostics[1].message.contains("3 lines"));
    }

    #[test]
    fn wiki_page_sections_references_and_maintenance_tags() {
        let doc = read(
            "w.txt",
            "Topic\n\nJump to: navigation, search\n\nA claim.[1][citation needed] Another.[2]\n\n\
             History[edit]\n\nMore.[2]\n\nReferences[edit]\n\n   1. ^ Smith, J. (2001). Title.\n\
             \x20  2. ^ 2.0 2.1 Doe, K. (2002). Other.\nExternal links[edit]\n\nhttps://example.org\n"
                .as_bytes(),
        );
        assert_eq!(doc.meta.title, "Topic");
        assert_smith_and_doe(&doc);
        assert_eq!(
            texts(&doc.blocks),
            [
                "P:A claim.[1] Another.[2]",
                "H:History",
                "P:More.[2]",
                "H:External links",
                "P:https://example.org"
            ]
        );
        let tag = doc
            .diagnostics
            .iter()
            .find(|d| d.code == "I-MAINTENANCE-TAG")
            .expect("the tag is noted");
        assert_eq!((tag.span.line, tag.span.column), (5, 12));
    }

    #[test]
    fn lettered_notes_become_footnotes_and_references_number_from_one() {
        let doc = read(
            "w.txt",
            "Topic\n\nA claim.[1] An aside.[a] More.[2][1] [b] [c]\n\nNotes[edit]\n\n\
             ^ The aside, explained.\n^ Another.\n\nReferences[edit]\n\n\
             ^ a b Smith, J. (2001). Title.\n^ Doe, K. (2002). Other.\n"
                .as_bytes(),
        );
        assert_smith_and_doe(&doc);
        // "[c]" names no note and stays text
        assert_eq!(
            texts(&doc.blocks),
            ["P:A claim.[1] An aside. More.[2][1]  [c]"]
        );
        let labels: Vec<&str> = doc.footnote_defs.iter().map(|d| d.label.as_str()).collect();
        assert_eq!(labels, ["a", "b"]);
        assert_eq!(texts(&doc.footnote_defs[1].blocks), ["P:Another."]);
        let Block::Paragraph { content, .. } = &doc.blocks[0] else {
            panic!("a paragraph");
        };
        let refs: Vec<(&str, u32, u32)> = content
            .iter()
            .filter_map(|i| match i {
                Inline::FootnoteRef { label, span } => {
                    Some((label.as_str(), span.line, span.column))
                }
                _ => None,
            })
            .collect();
        assert_eq!(refs, [("a", 3, 22), ("b", 3, 38)]);
        assert!(doc.diagnostics.iter().any(|d| d.code == "I-LETTERED-NOTES"));
        // A text browser's dump numbers the references as written: the note "a" is no
        // second entry 1.
        let doc = read(
            "w.txt",
            "Topic\n\nA claim.[1] An aside.[a] More.[2][1]\n\nNotes[edit]\n\n\
             ^ The aside, explained.\n\nReferences[edit]\n\n   1. ^ a b Smith, J. (2001). Title.\n\
             \x20  2. ^ Doe, K. (2002). Other.\n"
                .as_bytes(),
        );
        assert_smith_and_doe(&doc);
        assert!(doc.diagnostics.iter().any(|d| d.code == "I-LETTERED-NOTES"));
        // without lettered markers the lists number on, as before
        let doc = read(
            "w.txt",
            b"Topic\n\nA claim.[1] More.[2]\n\nNotes\n\n^ One.\n\nReferences\n\n^ Two.\n",
        );
        let numbers: Vec<u32> = doc.entries.iter().map(|e| e.number).collect();
        assert_eq!(numbers, [1, 2]);
    }

    #[test]
    fn markdown_headings_copied_into_text_are_headings() {
        let doc = read(
            "a.txt",
            b"# A Title\n\nA claim (1). More (2).\n\n## Early life ##\n\nA #hashtag line.\n\n\
              ## Works Cited\n\n(1) Varga, Ilona. The Salt Roads. Szeged: Tisza Press, 2012.\n\
              (2) Ibid., 45.\n",
        );
        assert_eq!(doc.meta.title, "A Title");
        assert_eq!(doc.entries.len(), 2);
        assert_eq!(
            texts(&doc.blocks),
            [
                "P:A claim (1). More (2).",
                "H:Early life",
                "P:A #hashtag line."
            ]
        );
    }

    #[test]
    fn notes_heading_without_entries_stays_a_heading() {
        let doc = read(
            "a.txt",
            b"T\n\nIntro paragraph.\n\nNotes\n\nThese are my thoughts.\n",
        );
        assert!(doc.entries.is_empty());
        assert_eq!(
            texts(&doc.blocks),
            ["P:Intro paragraph.", "H:Notes", "P:These are my thoughts."]
        );
    }

    #[test]
    fn an_unnumbered_works_cited_list_keeps_one_entry_a_line() {
        let doc = read(
            "a.txt",
            "T\n\nA claim.\n\nWorks Cited\n\n\
             Graham, Katharine. Personal History. Alfred A. Knopf, 1997.\n\
             Kutler, Stanley I. The Wars of Watergate: The Last Crisis of\n\
             Richard Nixon. Alfred A. Knopf, 1990.\n\
             \"The Watergate Story.\" The Washington Post, www.washingtonpost.com/watergate/.\n\
             Accessed 3 June 2022.\n\
             Woodward, Bob. The Secret Man. Simon and Schuster, 2005.\n\n\
             A closing paragraph of the page, long enough to be prose.\n\
             It runs on to a second line.\n"
                .as_bytes(),
        );
        assert_eq!(
            texts(&doc.blocks),
            [
                "P:A claim.",
                "H:Works Cited",
                "P:Graham, Katharine. Personal History. Alfred A. Knopf, 1997.",
                "P:Kutler, Stanley I. The Wars of Watergate: The Last Crisis of Richard Nixon. \
                 Alfred A. Knopf, 1990.",
                "P:“The Watergate Story.” The Washington Post, www.washingtonpost.com/watergate/. \
                 Accessed 3 June 2022.",
                "P:Woodward, Bob. The Secret Man. Simon and Schuster, 2005.",
                "P:A closing paragraph of the page, long enough to be prose. \
                 It runs on to a second line.",
            ]
        );
        // outside a works-cited list, lines that look like entries are wrapped prose
        let doc = read(
            "a.txt",
            b"T\n\nThe list was printed by Alfred A. Knopf in the year 1997.\n\
              Graham, Katharine. Personal History.\n",
        );
        assert_eq!(doc.blocks.len(), 1);
    }
}
