//! The readers against the real sample and against hostile input.

use folio::model::{Block, Document, Inline};
use folio::read::read;

const SAMPLE: &[u8] = include_bytes!("read/sample.txt");

fn headings(doc: &Document) -> Vec<String> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { content, .. } => Some(Inline::plain(content)),
            _ => None,
        })
        .collect()
}

fn all_text(doc: &Document) -> String {
    let mut out = String::new();
    for b in &doc.blocks {
        match b {
            Block::Heading { content, .. } | Block::Paragraph { content, .. } => {
                out.push_str(&Inline::plain(content))
            }
            Block::Figure { caption, alt, .. } => {
                out.push_str(&Inline::plain(caption));
                out.push_str(alt);
            }
            other => out.push_str(&format!("{other:?}")),
        }
        out.push('\n');
    }
    out
}

#[test]
fn sample_reads_as_expected() {
    let doc = read("000_523d4c1007ee5f3f.txt", SAMPLE);
    if std::env::var_os("FOLIO_SHOW").is_some() {
        for b in &doc.blocks {
            println!("{}", serde_json::to_string(b).unwrap_or_default());
        }
        for e in &doc.entries {
            println!(
                "{} [{}:{}] {}",
                e.number, e.span.line, e.span.column, e.text
            );
        }
    }
    // only the page's "top of page" and "bottom of page" links, noted as dropped
    let notes: Vec<(&str, u32)> = doc
        .diagnostics
        .iter()
        .map(|d| (d.code, d.span.line))
        .collect();
    assert_eq!(
        notes,
        [("I-DEBRIS", 1), ("I-DEBRIS", 72)],
        "{:?}",
        doc.diagnostics
    );
    assert_eq!(doc.meta.title, "Mojahedin-e-Kalq (MEK)");
    assert_eq!(doc.meta.date.as_deref(), Some("Apr 10"));
    assert!(
        matches!(&doc.blocks[0], Block::Figure { src: None, caption, .. }
        if Inline::plain(caption) == "Flag of the Mojaehdin-e-Kalq")
    );
    assert_eq!(
        headings(&doc),
        [
            "Ideology and Objectives",
            "Military and Political Abilities",
            "Approach to Resistance",
            "International Relations and Alliances",
        ]
    );
    let numbers: Vec<u32> = doc.entries.iter().map(|e| e.number).collect();
    assert_eq!(numbers, (1..=13).collect::<Vec<_>>());
    assert_eq!(doc.entries[1].text, "Ibid");
    assert_eq!(doc.entries[2].text, "");
    assert!(
        doc.entries[0]
            .text
            .starts_with("Merat, A. (2018, November 9).")
    );
    assert!(doc.entries[0].text.ends_with("The Guardian."));
    assert_eq!(doc.entries[0].span.line, 45);
    assert_eq!(doc.entries[12].span.line, 69);
    let text = all_text(&doc);
    for debris in ["top of page", "bottom of page", "Works Cited", "Merat, A."] {
        assert!(!text.contains(debris), "{debris} in body");
    }
    for n in 1..=13 {
        assert!(text.contains(&format!("({n})")), "marker ({n}) lost");
    }
    let paragraphs = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Paragraph { .. }))
        .count();
    assert_eq!(paragraphs, 12);
    assert!(text.contains("Abilities\n"), "trailing spaces kept");
}

#[test]
fn bom_and_crlf_give_the_same_model() {
    let lf = read("s.txt", SAMPLE);
    let mut crlf = b"\xEF\xBB\xBF".to_vec();
    crlf.extend_from_slice(
        &String::from_utf8_lossy(SAMPLE)
            .replace('\n', "\r\n")
            .into_bytes(),
    );
    assert_eq!(read("s.txt", &crlf), lf);

    let md =
        "---\ntitle: T\n---\n# H\n\nText[^a] (1).\n\n[^a]: Note.\n\n## Notes\n\n1. One.\n2. Two.\n";
    let md_crlf = format!("\u{feff}{}", md.replace('\n', "\r\n"));
    assert_eq!(
        read("m.md", md_crlf.as_bytes()),
        read("m.md", md.as_bytes())
    );
}

#[test]
fn unreadable_input_is_a_single_error() {
    for (bytes, code) in [
        (&b""[..], "E-EMPTY"),
        (&b"  \n\n"[..], "E-EMPTY"),
        (&b"\x89PNG\r\n\x1a\n\x00\x00"[..], "E-BINARY"),
        (&b"Title\n\nNa\xEFve text\n"[..], "E-ENCODING"),
    ] {
        for name in ["a.txt", "a.md"] {
            let doc = read(name, bytes);
            assert_eq!(doc.diagnostics.len(), 1, "{name} {code}");
            assert_eq!(doc.diagnostics[0].code, code);
            assert_eq!(doc.diagnostics[0].file, name);
            assert!(doc.has_errors());
            assert!(doc.blocks.is_empty());
        }
    }
}

#[test]
fn twenty_megabytes_of_text_and_markdown_complete() {
    let para = "A line of prose that goes on long enough to be a paragraph (12). ";
    let mut text = String::from("Title\n\n");
    while text.len() < 20_000_000 {
        text.push_str(para);
        text.push_str(para);
        text.push_str("\n\nShort Heading\n\n");
    }
    let doc = read("big.txt", text.as_bytes());
    assert!(doc.blocks.len() > 100_000);
    assert!(doc.diagnostics.is_empty());

    let mut md = String::from("# Title\n\n");
    while md.len() < 20_000_000 {
        md.push_str("Some *emphasis* and a [link](http://x) (3). ");
        md.push_str(&"Plain running text of a paragraph, long as prose is. ".repeat(8));
        md.push_str("\n\n> quoted\n\n- item\n\n");
    }
    let doc = read("big.md", md.as_bytes());
    assert!(doc.blocks.len() > 100_000, "{}", doc.blocks.len());
}

#[test]
fn one_twenty_megabyte_line_completes() {
    let mut line = String::from("# T\n\n");
    while line.len() < 20_000_000 {
        line.push_str("word [^x] [link](u) ");
    }
    line.push_str("\n\n[^x]: Defined.\n");
    let doc = read("line.md", line.as_bytes());
    assert_eq!(doc.blocks.len(), 1);
}

/// Plain text gets the smart punctuation Markdown gets from pulldown-cmark, in the body
/// and in works-cited entries, and markers after the replacements keep their columns
/// in the file as written.
#[test]
fn plain_text_gets_smart_punctuation_and_markers_keep_their_place() {
    let input = "Title\n\nThe Shah's men -- and \"Eternal Light\" --- failed... in the '90s. (1) \
                 Then 'they' left. (2)\n\nWorks Cited\n\n(1) - Doe, J. (2001). It's \"done\". \
                 https://example.org/a--b\n(2) - Roe, R. (2002). Other.\n";
    let doc = folio::resolve::resolve(read("t.txt", input.as_bytes()));
    assert_eq!(
        all_text(&doc),
        // Resolve ties each spaced dash to the word before it (`tie_spaces`).
        "The Shah’s men\u{a0}– and “Eternal Light”\u{a0}— failed… in the ’90s. Then ‘they’ left.\n"
    );
    let line = input.lines().nth(2).unwrap_or_default();
    for (marker, written) in doc.markers.iter().zip(["(1)", "(2)"]) {
        let column = line[..line.find(written).unwrap_or_default()]
            .chars()
            .count()
            + 1;
        assert_eq!(
            (marker.text.as_str(), marker.span.line, marker.span.column),
            (written, 3, column as u32)
        );
    }
    assert_eq!(
        doc.notes[0].text,
        "Doe, J. (2001). It’s “done”. https://example.org/a--b"
    );
}

/// Old Mac files end lines with CR alone, and pages may use Unicode's line and
/// paragraph separators: each reads as the same file with LF.
#[test]
fn every_line_ending_reads_alike() {
    let lf = "A Harbour Profile\n\nThe guild met (1). It grew.\n\nWorks Cited\n\n(1) - Doe, J. (2001). A book. Press.\n";
    let expected = folio::resolve::resolve(read("p.txt", lf.as_bytes()));
    assert_eq!(expected.meta.title, "A Harbour Profile");
    assert_eq!(expected.notes.len(), 1);
    for (what, name, text) in [
        ("CR", "p.txt", lf.replace('\n', "\r")),
        ("CRLF", "p.txt", lf.replace('\n', "\r\n")),
        (
            "U+2028/2029",
            "p.txt",
            lf.replace("\n\n", "\u{2029}").replace('\n', "\u{2028}"),
        ),
        (
            "CR in Markdown",
            "p.md",
            format!("# {}", lf.replace("Works Cited", "## Works Cited")).replace('\n', "\r"),
        ),
    ] {
        let doc = folio::resolve::resolve(read(name, text.as_bytes()));
        assert_eq!(doc.meta.title, "A Harbour Profile", "{what}");
        assert_eq!(doc.notes.len(), 1, "{what}: {:?}", doc.diagnostics);
        assert_eq!(doc.markers.len(), 1, "{what}");
        // The marker's line counts the file's own line breaks.
        assert_eq!(doc.markers[0].span.line, 3, "{what}");
    }
}

// Issue 10, item 13: works-cited numbers past 999, or 0, are entries when the list's
// sequence or the document's markers support them.

/// A profile citing each of `cited` in its body, then a list numbered `numbers`.
fn cited_list(ext: &str, cited: &[u32], numbers: impl Iterator<Item = u32>) -> Document {
    let mut text = String::from("# The Kiln Guild\n\n");
    for n in cited {
        text.push_str(&format!("The guild fired bricks ({n}).\n\n"));
    }
    text.push_str(if ext == "md" {
        "## Works Cited\n\n"
    } else {
        "Works Cited\n\n"
    });
    for n in numbers {
        text.push_str(&format!(
            "({n}) - Varga, E. (2001). Bricks of Ostra, vol. {n}.\n"
        ));
    }
    read(&format!("p.{ext}"), text.as_bytes())
}

fn entry_numbers(doc: &Document) -> Vec<u32> {
    doc.entries.iter().map(|e| e.number).collect()
}

#[test]
fn ten_thousand_entries_stay_ten_thousand_entries() {
    for ext in ["txt", "md"] {
        let doc = cited_list(ext, &[1, 2], 1..=10_000);
        assert_eq!(
            entry_numbers(&doc),
            (1..=10_000).collect::<Vec<_>>(),
            "{ext}"
        );
        for (entry, n) in doc.entries.iter().zip(1..) {
            assert!(
                entry.text.ends_with(&format!("vol. {n}.")),
                "{ext}: {}",
                entry.text
            );
        }
        // each entry is its own note: note 999 is no longer the rest of the list
        let doc = folio::resolve::resolve(doc);
        assert_eq!(doc.notes.len(), 10_000, "{ext}");
        assert!(doc.notes.iter().all(|n| n.text.len() < 60), "{ext}");
    }
}

#[test]
fn a_list_may_start_at_0_or_at_1000_when_markers_cite_it() {
    for ext in ["txt", "md"] {
        for first in [0, 1000] {
            let doc = cited_list(ext, &[first, first + 2], first..first + 3);
            assert_eq!(entry_numbers(&doc), [first, first + 1, first + 2], "{ext}");
            assert!(all_text(&doc).contains("bricks"), "{ext}");
            assert!(
                !all_text(&doc).contains("Bricks of Ostra"),
                "{ext}: list read as body"
            );
            // and the markers cite those entries
            let resolved = folio::resolve::resolve(doc);
            let cited: Vec<Vec<u32>> = resolved.markers.iter().map(|m| m.notes.clone()).collect();
            assert_eq!(cited, [vec![first], vec![first + 2]], "{ext}");
            // with nothing citing it, a first line "(1000)" or "(0)" is not an entry
            let uncited = cited_list(ext, &[5], first..first + 3);
            assert!(entry_numbers(&uncited).is_empty(), "{ext}");
        }
    }
}
#[test]
fn a_bare_year_in_a_list_stays_part_of_its_entry() {
    let text = "The Kiln Guild\n\nBricks (1) in (1979).\n\nWorks Cited\n\n\
                1. Varga, E. Bricks of Ostra, reprinted\n1979. Imagined Press.\n";
    let doc = read("p.txt", text.as_bytes());
    let entries: Vec<(u32, &str)> = doc
        .entries
        .iter()
        .map(|e| (e.number, e.text.as_str()))
        .collect();
    assert_eq!(
        entries,
        [(
            1,
            "Varga, E. Bricks of Ostra, reprinted 1979. Imagined Press."
        )]
    );
}

#[test]
fn a_line_break_inside_chinese_or_japanese_text_is_no_space() {
    let doc = read(
        "cjk.md",
        "鲁迅生于绍兴，\n早年留学日本。[^1]\n他的小说影响很大。\nLatin\n中文 and\nEnglish.\n\n[^1]: 注。\n"
            .as_bytes(),
    );
    let text = all_text(&doc);
    assert!(text.contains("绍兴，早年留学日本。"), "{text}");
    // After a footnote reference too; but Latin words keep their space.
    assert!(!text.contains(" 他的"), "{text}");
    assert!(text.contains("很大。 Latin 中文 and English."), "{text}");
}
