use crate::model::{Align, Block, Document, Inline};
use crate::read::read;

fn md(text: &str) -> Document {
    read("t.md", text.as_bytes())
}

fn codes(doc: &Document) -> Vec<&str> {
    doc.diagnostics.iter().map(|d| d.code).collect()
}

fn entries(doc: &Document) -> Vec<(u32, &str)> {
    doc.entries
        .iter()
        .map(|e| (e.number, e.text.as_str()))
        .collect()
}

#[test]
fn first_h1_becomes_title_and_leaves_blocks() {
    let doc = md("# The Title\n\nText.\n\n# Second H1\n");
    assert_eq!(doc.meta.title, "The Title");
    assert_eq!(doc.blocks.len(), 2);
    assert!(matches!(&doc.blocks[1], Block::Heading { level: 1, .. }));
}

#[test]
fn front_matter_title_keeps_the_h1() {
    let doc = md("---\ntitle: FM\n---\n# Heading\n");
    assert_eq!(doc.meta.title, "FM");
    assert!(matches!(&doc.blocks[0], Block::Heading { level: 1, .. }));
}

#[test]
fn inlines_map_to_the_model() {
    let doc = md("*e* **s** ~~k~~ `c` [l](http://u) \"q\"\nsoft  \nhard\n");
    let Block::Paragraph { content, span } = &doc.blocks[0] else {
        panic!("{:?}", doc.blocks)
    };
    assert_eq!(span.line, 1);
    assert_eq!(
        content,
        &vec![
            Inline::Emph(vec![Inline::Text("e".into())]),
            Inline::Text(" ".into()),
            Inline::Strong(vec![Inline::Text("s".into())]),
            Inline::Text(" ".into()),
            Inline::Strike(vec![Inline::Text("k".into())]),
            Inline::Text(" ".into()),
            Inline::Code("c".into()),
            Inline::Text(" ".into()),
            Inline::Link {
                url: "http://u".into(),
                content: vec![Inline::Text("l".into())]
            },
            Inline::Text(" “q” soft".into()),
            Inline::LineBreak,
            Inline::Text("hard".into()),
        ]
    );
}

#[test]
fn blocks_map_to_the_model() {
    let doc = md(
        "# T\n\n## Sub {#sub-id}\n\n> quoted\n\n3. three\n4. four\n\n- a\n- b\n\n\
         | h1 | h2 |\n|:--|:-:|\n| c | d |\n\n```rust\nlet x;\n```\n\n---\n",
    );
    let b = &doc.blocks;
    assert!(matches!(&b[0], Block::Heading { level: 2, id: Some(id), .. } if id == "sub-id"));
    assert!(matches!(&b[1], Block::Quote { blocks } if blocks.len() == 1));
    assert!(matches!(&b[2], Block::List { start: Some(3), items } if items.len() == 2));
    assert!(matches!(&b[3], Block::List { start: None, items } if items.len() == 2));
    let Block::Table { align, head, rows } = &b[4] else {
        panic!("{b:?}")
    };
    assert_eq!(align, &[Align::Left, Align::Center]);
    assert_eq!(head.len(), 2);
    assert_eq!(
        rows,
        &vec![vec![
            vec![Inline::Text("c".into())],
            vec![Inline::Text("d".into())]
        ]]
    );
    assert!(
        matches!(&b[5], Block::Code { lang: Some(l), text } if l == "rust" && text == "let x;\n")
    );
    assert_eq!(b[6], Block::Rule);
}

#[test]
fn lone_image_is_a_figure_inline_image_is_not() {
    let doc = md("# T\n\n![A flag](flag.png \"The flag\")\n\nText ![icon](i.png) here.\n");
    assert!(
        matches!(&doc.blocks[0], Block::Figure { src: Some(s), alt, caption, .. }
        if s == "flag.png" && alt == "A flag" && Inline::plain(caption) == "The flag")
    );
    let Block::Paragraph { content, .. } = &doc.blocks[1] else {
        panic!()
    };
    assert!(
        content
            .iter()
            .any(|i| matches!(i, Inline::Image { src, .. } if src == "i.png"))
    );
}

#[test]
fn footnotes_refs_defs_undefined_and_unused() {
    let doc = md(
        "# T\n\nOne[^a] two[^missing].\n\n[^a]: First para.\n\n    Second para.\n\n    - item\n\n[^unused]: Nobody.\n",
    );
    let Block::Paragraph { content, .. } = &doc.blocks[0] else {
        panic!()
    };
    assert!(
        matches!(&content[1], Inline::FootnoteRef { label, span } if label == "a" && span.line == 3)
    );
    assert!(Inline::plain(content).contains("two[^missing]."));
    assert_eq!(doc.footnote_defs.len(), 2);
    assert_eq!(doc.footnote_defs[0].label, "a");
    assert_eq!(doc.footnote_defs[0].blocks.len(), 3);
    assert!(matches!(doc.footnote_defs[0].blocks[2], Block::List { .. }));
    let undefined = doc
        .diagnostics
        .iter()
        .find(|d| d.code == "W-FOOTNOTE-UNDEFINED")
        .unwrap();
    assert_eq!((undefined.span.line, undefined.span.column), (3, 12));
    let unused = doc
        .diagnostics
        .iter()
        .find(|d| d.code == "W-FOOTNOTE-UNUSED")
        .unwrap();
    assert_eq!(unused.span.line, 11);
    assert_eq!(codes(&doc).len(), 2);
}

#[test]
fn escaped_footnote_syntax_is_no_reference() {
    let doc = md("# T\n\nLiteral \\[^x] here.\n");
    assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
}

#[test]
fn works_cited_paragraph_of_lines() {
    let doc = md(
        "# T\n\nClaim (1) and (2).\n\n## Works Cited (Chicago-style)\n\n(1) - Doe, J. A Book.\n\
         https://example.org\n(2) - Ibid\n(3) -\n\n## After\n\nMore.\n",
    );
    assert_eq!(
        entries(&doc),
        [
            (1, "Doe, J. A Book. https://example.org"),
            (2, "Ibid"),
            (3, "")
        ]
    );
    assert_eq!(doc.entries[1].span.line, 9);
    let heads: Vec<_> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { content, .. } => Some(Inline::plain(content)),
            _ => None,
        })
        .collect();
    assert_eq!(heads, ["After"]);
    assert_eq!(doc.blocks.len(), 3);
}

#[test]
fn works_cited_separate_paragraphs() {
    let doc = md("# T\n\nText.\n\nReferences:\n\n[1] One.\n\n[2] Two.\n\n[4] Four.\n");
    assert_eq!(entries(&doc), [(1, "One."), (2, "Two."), (4, "Four.")]);
    assert_eq!(doc.blocks.len(), 1);
}

#[test]
fn works_cited_ordered_list_keeps_literal_numbers() {
    let doc = md(
        "# T\n\nText.\n\n# Notes\n\n1. First, *Title*. [Site](https://s.example).\n10. Tenth.\n12. Twelfth\n    continued.\n",
    );
    assert_eq!(
        entries(&doc),
        [
            (1, "First, Title. Site https://s.example."),
            (10, "Tenth."),
            (12, "Twelfth continued.")
        ]
    );
    assert_eq!(doc.entries[2].span.line, 9);
    assert_eq!(doc.blocks.len(), 1, "{:?}", doc.blocks);
}

#[test]
fn numbered_list_in_body_stays_body() {
    let doc = md("# T\n\n1. one\n2. two\n");
    assert!(doc.entries.is_empty());
    assert!(matches!(&doc.blocks[0], Block::List { start: Some(1), .. }));
}

#[test]
fn sources_heading_followed_by_prose_stays() {
    let doc = md("# T\n\n## Sources\n\nWe talked to many people.\n");
    assert!(doc.entries.is_empty());
    assert_eq!(doc.blocks.len(), 2);
}

#[test]
fn deep_quotes_are_capped_with_one_warning() {
    let text = format!("# T\n\n{}deep\n", "> ".repeat(10_000));
    let doc = md(&text);
    assert_eq!(codes(&doc), ["W-NESTING-DEPTH"]);
    let mut depth = 0;
    let mut blocks = &doc.blocks;
    while let Some(Block::Quote { blocks: inner }) = blocks.last() {
        depth += 1;
        blocks = inner;
    }
    assert_eq!(depth, super::MAX_DEPTH);
    assert!(
        matches!(blocks.last(), Some(Block::Paragraph { content, .. }) if Inline::plain(content) == "deep")
    );
}

#[test]
fn deep_emphasis_and_links_are_capped() {
    let text = format!(
        "# T\n\n{}x{}\n\n{}y{}\n",
        "*".repeat(20_000),
        "*".repeat(20_000),
        "[".repeat(5000),
        "](u)".repeat(5000)
    );
    let doc = md(&text);
    let json = serde_json::to_string(&doc.blocks).expect("serialises");
    assert!(json.contains('x') && json.contains('y'));
    fn depth(inlines: &[Inline]) -> usize {
        inlines
            .iter()
            .map(|i| match i {
                Inline::Emph(c) | Inline::Strong(c) | Inline::Strike(c) => 1 + depth(c),
                Inline::Link { content, .. } => 1 + depth(content),
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }
    for b in &doc.blocks {
        let Block::Paragraph { content, .. } = b else {
            panic!("{b:?}")
        };
        assert!(depth(content) <= super::MAX_INLINE_DEPTH);
    }
}

#[test]
fn wikipedia_style_ordered_list() {
    let doc =
        md("# T\n\nA claim.[1]\n\n## References\n\n1. ^ a b Smith, J. (2001).\n2. ^ Doe, K.\n");
    assert_eq!(entries(&doc), [(1, "Smith, J. (2001)."), (2, "Doe, K.")]);
    assert_eq!(doc.blocks.len(), 1);
}

#[test]
fn deep_lists_are_capped() {
    let mut text = String::from("# T\n\n");
    for i in 0..200 {
        text.push_str(&"  ".repeat(i));
        text.push_str("- x\n");
    }
    let doc = md(&text);
    assert_eq!(codes(&doc), ["W-NESTING-DEPTH"]);
}

#[test]
fn five_thousand_footnotes() {
    let mut text = String::from("# T\n\n");
    for i in 0..5000 {
        text.push_str(&format!("Sentence {i}.[^n{i}] "));
    }
    text.push_str("\n\n");
    for i in 0..5000 {
        text.push_str(&format!("[^n{i}]: Note {i}.\n"));
    }
    let doc = md(&text);
    assert!(doc.diagnostics.is_empty(), "{:?}", &doc.diagnostics[..1]);
    assert_eq!(doc.footnote_defs.len(), 5000);
    let Block::Paragraph { content, .. } = &doc.blocks[0] else {
        panic!()
    };
    let refs = content
        .iter()
        .filter(|i| matches!(i, Inline::FootnoteRef { .. }))
        .count();
    assert_eq!(refs, 5000);
}

/// A works-cited entry keeps where its writer's italics are, in its text's bytes: in a
/// list, in "[n]" lines of one paragraph (with an emphasis over a line's end, whose next
/// line goes on the entry), and not from private-use characters of the input.
#[test]
fn works_cited_entries_keep_their_italics() {
    let italic = |doc: &Document| -> Vec<Vec<String>> {
        doc.entries
            .iter()
            .map(|e| {
                e.italics
                    .iter()
                    .map(|r| e.text[r.clone()].to_string())
                    .collect()
            })
            .collect()
    };
    let doc = md(
        "Text [1] [2].\n\n## References\n\n1. Roe, A. *Salt: A History*. 2001.\n2. *Charter*, art. 12, *and* more.\n",
    );
    assert_eq!(entries(&doc)[0], (1, "Roe, A. Salt: A History. 2001."));
    assert_eq!(
        italic(&doc),
        [vec!["Salt: A History"], vec!["Charter", "and"]]
    );
    let doc = md(
        "Text [1] [2].\n\n## References\n\n[1] Roe, A. *Salt, a\nHistory*. 2001.\n[2] Lee, B. \u{E000}*Tide*. 1999.\n",
    );
    assert_eq!(entries(&doc)[1], (2, "Lee, B. Tide. 1999."));
    assert_eq!(italic(&doc), [vec!["Salt, a History"], vec!["Tide"]]);
}
