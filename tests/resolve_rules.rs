//! One test per rule of citation resolution, on documents built by hand.

use folio::model::{
    Align, Block, Document, EMPTY_NOTE_PLACEHOLDER, Entry, FootnoteDef, Inline, NoteKind, Span,
};
use folio::resolve::resolve;

fn span(line: u32) -> Span {
    Span {
        line,
        column: 1,
        offset: 0,
        len: 0,
    }
}

fn para(text: &str) -> Block {
    Block::Paragraph {
        content: vec![Inline::Text(text.to_string())],
        span: span(1),
    }
}

/// Paragraph `i` sits on line `i + 1`; entry `j` on line `100 + j`.
fn doc(paragraphs: &[&str], entries: &[(u32, &str)]) -> Document {
    let mut doc = Document::default();
    doc.meta.source_file = "t.txt".into();
    for (i, text) in paragraphs.iter().enumerate() {
        doc.blocks.push(Block::Paragraph {
            content: vec![Inline::Text(text.to_string())],
            span: span(i as u32 + 1),
        });
    }
    for (j, (number, text)) in entries.iter().enumerate() {
        doc.entries.push(Entry {
            number: *number,
            text: text.to_string(),
            italics: Vec::new(),
            span: span(100 + j as u32),
        });
    }
    doc
}

fn run(paragraphs: &[&str], entries: &[(u32, &str)]) -> Document {
    resolve(doc(paragraphs, entries))
}

/// A surname made of letters: 1 → "Ab", 2 → "Ac", 27 → "Bb"…
fn surname(i: u32) -> String {
    let mut name = String::new();
    let mut i = i;
    while i > 0 {
        name.insert(0, char::from(b'a' + (i % 26) as u8));
        i /= 26;
    }
    let mut chars = name.chars();
    let first = chars.next().unwrap_or('a').to_ascii_uppercase();
    format!("{first}{}", chars.as_str())
}

fn numbered(n: u32) -> Vec<(u32, String)> {
    (1..=n)
        .map(|i| {
            (
                i,
                format!("{}, A. (2001). Title {i}. Publisher.", surname(i)),
            )
        })
        .collect()
}

fn entries(list: &[(u32, String)]) -> Vec<(u32, &str)> {
    list.iter().map(|(n, t)| (*n, t.as_str())).collect()
}

fn markers(doc: &Document) -> Vec<Vec<u32>> {
    doc.markers.iter().map(|m| m.notes.clone()).collect()
}

fn codes(doc: &Document) -> Vec<&'static str> {
    doc.diagnostics.iter().map(|d| d.code).collect()
}

/// Inlines with markers written as `^[n]`, recursing into containers.
fn show(inlines: &[Inline], doc: &Document) -> String {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(t) => t.clone(),
            Inline::Code(t) => format!("`{t}`"),
            Inline::NoteRef(i) => format!("^{:?}", doc.markers[*i].notes),
            Inline::Emph(c) | Inline::Strong(c) => format!("*{}*", show(c, doc)),
            Inline::Link { content, url } => format!("<{}|{url}>", show(content, doc)),
            other => format!("{other:?}"),
        })
        .collect()
}

/// The I-NOT-A-CITATION diagnostics, in order.
fn not_a_citation(doc: &Document) -> Vec<&folio::Diagnostic> {
    doc.diagnostics
        .iter()
        .filter(|d| d.code == "I-NOT-A-CITATION")
        .collect()
}

fn first_paragraph(doc: &Document) -> String {
    match &doc.blocks[0] {
        Block::Paragraph { content, .. } => show(content, doc),
        other => panic!("not a paragraph: {other:?}"),
    }
}

#[test]
fn every_marker_form_is_found() {
    let list = numbered(6);
    let doc = run(
        &["One.(1)(2) Two (1, 2). Three (1-3). Four (4–6). Five.[1] Six [1, 2]."],
        &entries(&list),
    );
    assert_eq!(
        markers(&doc),
        [
            vec![1, 2],
            vec![1, 2],
            vec![1, 2, 3],
            vec![4, 5, 6],
            vec![1],
            vec![1, 2]
        ]
    );
    assert_eq!(
        first_paragraph(&doc),
        "One.^[1, 2] Two^[1, 2]. Three^[1, 2, 3]. Four^[4, 5, 6]. Five.^[1] Six^[1, 2]."
    );
}

#[test]
fn markers_are_found_in_every_place_citations_sit() {
    let list = numbered(6);
    let mut d = doc(&[], &entries(&list));
    d.blocks = vec![
        Block::Heading {
            level: 2,
            id: None,
            content: vec![Inline::Text("A heading (1)".into())],
            span: span(1),
        },
        Block::List {
            start: None,
            items: vec![vec![para("An item.(2)")]],
        },
        Block::Table {
            align: vec![Align::None],
            head: vec![vec![Inline::Text("Head (3)".into())]],
            rows: vec![vec![vec![Inline::Text("(4)".into())]]],
        },
        Block::Quote {
            blocks: vec![para("“Quoted words.”(5)")],
        },
        Block::Figure {
            src: None,
            alt: String::new(),
            caption: vec![Inline::Text("Flag of somewhere (6)".into())],
            span: span(9),
        },
    ];
    let doc = resolve(d);
    let found: Vec<u32> = doc.markers.iter().flat_map(|m| m.notes.clone()).collect();
    assert_eq!(found, [1, 2, 3, 4, 5, 6]);
    assert!(codes(&doc).is_empty(), "{:?}", doc.diagnostics);
}

#[test]
fn marker_before_punctuation_and_after_closing_quote() {
    let list = numbered(2);
    let doc = run(&["He said “no” (1). It was “over”.(2)"], &entries(&list));
    assert_eq!(
        first_paragraph(&doc),
        "He said “no”^[1]. It was “over”.^[2]"
    );
}

#[test]
fn code_links_and_urls_are_never_searched() {
    let list = numbered(3);
    let mut d = doc(&[], &entries(&list));
    d.blocks = vec![Block::Paragraph {
        content: vec![
            Inline::Text("Call ".into()),
            Inline::Code("f(1)".into()),
            Inline::Text(", see ".into()),
            Inline::Link {
                url: "https://x.org/a_(2)".into(),
                content: vec![Inline::Text("page (2)".into())],
            },
            Inline::Text(" and https://en.wikipedia.org/wiki/A_(3) too. Done.(1)".into()),
        ],
        span: span(1),
    }];
    let doc = resolve(d);
    assert_eq!(markers(&doc), [vec![1]]);
    assert_eq!(
        first_paragraph(&doc),
        "Call `f(1)`, see <page (2)|https://x.org/a_(2)> and https://en.wikipedia.org/wiki/A_(3) too. Done.^[1]"
    );
}

#[test]
fn years_acronyms_enumerators_and_asides_are_not_citations() {
    let list = numbered(3);
    let text = "In the revolution (1979) and the war (1980–1988), the group (MEK) said (a) and (ii) \
                things (see below) and (1980-1988).(1)";
    let doc = run(&[text], &entries(&list));
    assert_eq!(markers(&doc), [vec![1]]);
    assert!(first_paragraph(&doc).starts_with("In the revolution (1979) and the war (1980–1988), the group (MEK) said (a) and (ii) things (see below) and (1980-1988).^[1]"));
    assert!(!codes(&doc).contains(&"I-NOT-A-CITATION"));
}

#[test]
fn out_of_sequence_number_in_a_noun_phrase_is_not_a_citation() {
    let list = numbered(7);
    let doc = run(
        &[
            "A.(1) B.(2) C.(3) D.(4) E.(5) F.(6) G.(7)",
            "They reached stage (3) of the agreement.",
        ],
        &entries(&list),
    );
    assert_eq!(doc.markers.len(), 7);
    let info = not_a_citation(&doc);
    assert_eq!(info.len(), 1);
    assert_eq!(info[0].span.line, 2);
    assert!(info[0].message.contains("(3)"));
    assert!(matches!(&doc.blocks[1], Block::Paragraph { content, .. }
        if content == &[Inline::Text("They reached stage (3) of the agreement.".into())]));
}

#[test]
fn number_after_a_name_is_an_age_unless_it_fits_the_sequence() {
    let list = numbered(50);
    let doc = run(
        &[
            "A.(1) B.(2) C.(3)",
            "The witness, John Smith (42) said he saw it.",
            "The account of John Smith (4) is the fullest.",
        ],
        &entries(&list),
    );
    // 42 has an entry but is far from the sequence: an age
    assert_eq!(markers(&doc), [vec![1], vec![2], vec![3], vec![4]]);
    let info = not_a_citation(&doc);
    assert_eq!(info.len(), 1);
    assert_eq!((info[0].span.line, info[0].span.column), (2, 25));
    assert!(info[0].message.contains("(42)") && info[0].message.contains("name"));
}

#[test]
fn an_earlier_note_cited_again_after_a_name_closes_its_sentence() {
    let list = numbered(12);
    let doc = run(
        &[
            "A.(1) B.(2) C.(3) D.(4) E.(5) F.(6) G.(7)",
            "The drawings are kept at the Instituto Cajal in Madrid (2). Many survive.",
            "Her data reached Crick through Max Perutz (5, 7), who sat on the committee.",
            "His son Paul (3) went to school in Lund.",
        ],
        &entries(&list),
    );
    // closing a sentence, or naming several notes, it is a citation; going on after
    // the name, an earlier number is a count or an age
    assert_eq!(
        markers(&doc),
        [
            vec![1],
            vec![2],
            vec![3],
            vec![4],
            vec![5],
            vec![6],
            vec![7],
            vec![2],
            vec![5, 7]
        ]
    );
    assert_eq!(not_a_citation(&doc).len(), 1);
}

#[test]
fn a_document_citing_in_square_brackets_numbers_equations_in_round_ones() {
    let list = numbered(6);
    let doc = run(
        &[
            "A [1]. B [2]. She found a third case of the equations of motion (3), and the prize [3].",
        ],
        &entries(&list),
    );
    assert_eq!(markers(&doc), [vec![1], vec![2], vec![3]]);
    let info = not_a_citation(&doc);
    assert_eq!(info.len(), 1);
    assert!(info[0].message.contains("cites in square brackets"));
}

#[test]
fn in_sequence_number_mid_sentence_is_a_citation() {
    let list = numbered(2);
    let doc = run(
        &["The group (1) was founded (2) in secret."],
        &entries(&list),
    );
    assert_eq!(markers(&doc), [vec![1], vec![2]]);
}

#[test]
fn ibid_forms_keep_their_locators() {
    let doc = run(
        &["a.(1) b.(2) c.(3) d.(4) e.(5)"],
        &[
            (1, "Smith, J. (2001). Alpha. Pub."),
            (2, "Ibid., 45"),
            (3, "Ibid, p. 12"),
            (4, "ibid."),
            (5, "Id."),
        ],
    );
    let got: Vec<_> = doc
        .notes
        .iter()
        .map(|n| (n.kind, n.source.clone(), n.locator.clone()))
        .collect();
    let s1 = Some("s1".to_string());
    assert_eq!(
        got,
        [
            (NoteKind::Full, s1.clone(), None),
            (NoteKind::Ibid, s1.clone(), Some("45".into())),
            (NoteKind::Ibid, s1.clone(), Some("p. 12".into())),
            (NoteKind::Ibid, s1.clone(), None),
            (NoteKind::Ibid, s1, None),
        ]
    );
}

#[test]
fn identical_full_citations_share_a_source() {
    let doc = run(
        &["a.(1) b.(2)"],
        &[
            (1, "Smith, J. (2001). Alpha story. Pub."),
            (2, "smith, j.  (2001). Alpha story. Pub"),
        ],
    );
    assert_eq!(doc.sources.len(), 1);
    assert_eq!(doc.sources[0].notes, [1, 2]);
    assert!(doc.notes.iter().all(|n| n.kind == NoteKind::Full));
}

#[test]
fn short_form_matches_author_and_title_never_author_alone() {
    let doc = run(
        &["a.(1) b.(2) c.(3) d.(4)"],
        &[
            (1, "Smith, J. (2001). Alpha story. Pub."),
            (2, "Smith, J. (2003). Beta story. Pub."),
            (3, "Smith, J., Beta story"),
            (4, "Smith, J., Gamma story"),
        ],
    );
    let source = |n: u32| doc.note(n).and_then(|n| n.source.clone());
    assert_eq!(doc.sources.len(), 2);
    assert_eq!(source(3), source(2));
    assert_ne!(source(3), source(1));
    assert_eq!(doc.note(4).map(|n| n.kind), Some(NoteKind::Short));
    assert_eq!(source(4), None);
    assert_eq!(codes(&doc), ["W-SHORT-UNRESOLVED"]);
    assert_eq!(doc.diagnostics[0].span.line, 103);
}

#[test]
fn short_form_before_its_full_citation_is_unresolved() {
    let doc = run(
        &["a.(1) b.(2)"],
        &[
            (1, "Smith, J., Alpha story"),
            (2, "Smith, J. (2001). Alpha story. Pub."),
        ],
    );
    assert_eq!(doc.note(1).and_then(|n| n.source.clone()), None);
    assert_eq!(codes(&doc), ["W-SHORT-UNRESOLVED"]);
}

#[test]
fn ibid_after_unresolved_or_empty_note_is_unresolved() {
    let doc = run(
        &["a.(1) b.(2) c.(3) d.(4)"],
        &[
            (1, "Smith, J., Alpha story"),
            (2, "Ibid."),
            (3, "-"),
            (4, "Ibid"),
        ],
    );
    assert!(doc.notes.iter().all(|n| n.source.is_none()));
    assert_eq!(
        codes(&doc),
        [
            "W-SHORT-UNRESOLVED",
            "W-IBID-UNRESOLVED",
            "W-IBID-UNRESOLVED",
            "W-EMPTY-ENTRY"
        ]
    );
}

#[test]
fn empty_entry_keeps_a_placeholder_note() {
    let doc = run(&["a.(1)"], &[(1, "")]);
    let note = &doc.notes[0];
    assert_eq!(note.kind, NoteKind::Empty);
    assert_eq!(
        Inline::plain(match &note.body[0] {
            Block::Paragraph { content, .. } => content,
            _ => panic!("paragraph"),
        }),
        EMPTY_NOTE_PLACEHOLDER
    );
    assert_eq!(codes(&doc), ["W-EMPTY-ENTRY"]);
}

#[test]
fn marker_without_entry_is_dangling() {
    let list = numbered(1);
    let doc = run(&["a.(1) b.(2)"], &entries(&list));
    let note = doc.note(2).expect("note 2");
    assert_eq!(note.kind, NoteKind::Dangling);
    assert_eq!(note.source, None);
    assert!(!note.body.is_empty());
    assert_eq!(codes(&doc), ["W-DANGLING-MARKER"]);
}

#[test]
fn uncited_entry_is_kept_and_reported() {
    let list = numbered(3);
    let doc = run(&["a.(1) b.(3)"], &entries(&list));
    let numbers: Vec<u32> = doc.notes.iter().map(|n| n.number).collect();
    assert_eq!(numbers, [1, 3, 2]);
    assert_eq!(codes(&doc), ["W-UNCITED-ENTRY"]);
    assert_eq!(doc.diagnostics[0].span.line, 101);
}

#[test]
fn gap_in_numbering_is_noted() {
    let doc = run(
        &["a.(1) b.(2) c.(5)"],
        &[
            (1, "A, B. (2001). T. P."),
            (2, "Ibid."),
            (5, "C, D. (2002). U. P."),
        ],
    );
    assert_eq!(codes(&doc), ["I-NUMBER-GAP"]);
    assert!(doc.diagnostics[0].message.contains("3–4"));
}

#[test]
fn number_cited_twice_is_one_note_with_two_markers() {
    let list = numbered(2);
    let doc = run(&["a.(1) b.(2) c.(1)"], &entries(&list));
    assert_eq!(doc.notes.len(), 2);
    assert_eq!(markers(&doc), [vec![1], vec![2], vec![1]]);
    assert!(codes(&doc).is_empty());
}

#[test]
fn notes_follow_first_reference_and_sources_sort_by_author_and_year() {
    let doc = run(
        &["a.(2) b.(1)"],
        &[
            (1, "Zed, A. (1999). Last. P."),
            (2, "Abel, B. (2005). First. P."),
        ],
    );
    let numbers: Vec<u32> = doc.notes.iter().map(|n| n.number).collect();
    assert_eq!(numbers, [2, 1]);
    // Zed's work is listed first, so it is cited first in works-cited order — but ids
    // follow reading order: Abel, cited first in the text, is s1.
    let ids: Vec<(&str, &str)> = doc
        .sources
        .iter()
        .map(|s| (s.id.as_str(), s.sort_key.as_str()))
        .collect();
    assert_eq!(ids, [("s1", "abel 2005"), ("s2", "zed 1999")]);
}

#[test]
fn footnotes_are_numbered_after_literal_numbers() {
    let list = numbered(2);
    let mut d = doc(&[], &entries(&list));
    d.blocks = vec![Block::Paragraph {
        content: vec![
            Inline::Text("First".into()),
            Inline::FootnoteRef {
                label: "note".into(),
                span: span(1),
            },
            Inline::Text(" then.(1) And.(2) Again".into()),
            Inline::FootnoteRef {
                label: "note".into(),
                span: span(1),
            },
            Inline::FootnoteRef {
                label: "other".into(),
                span: span(1),
            },
        ],
        span: span(1),
    }];
    let body = vec![para("A footnote body.")];
    d.footnote_defs = ["note", "other", "unused"]
        .iter()
        .map(|label| FootnoteDef {
            label: label.to_string(),
            blocks: body.clone(),
            span: span(50),
        })
        .collect();
    let doc = resolve(d);
    let notes: Vec<(u32, Option<&str>, NoteKind)> = doc
        .notes
        .iter()
        .map(|n| (n.number, n.label.as_deref(), n.kind))
        .collect();
    assert_eq!(
        notes,
        [
            (3, Some("note"), NoteKind::Footnote),
            (1, None, NoteKind::Full),
            (2, None, NoteKind::Full),
            (4, Some("other"), NoteKind::Footnote),
            (5, Some("unused"), NoteKind::Footnote),
        ]
    );
    assert_eq!(doc.notes[0].body, body);
    assert_eq!(doc.notes[0].text, "A footnote body.");
    assert_eq!(
        first_paragraph(&doc),
        "First^[3] then.^[1] And.^[2] Again^[3]^[4]"
    );
    assert!(doc.footnote_defs.is_empty());
}

#[test]
fn undefined_footnote_reference_stays_text() {
    let mut d = doc(&[], &[]);
    d.blocks = vec![Block::Paragraph {
        content: vec![
            Inline::Text("See".into()),
            Inline::FootnoteRef {
                label: "nope".into(),
                span: span(1),
            },
        ],
        span: span(1),
    }];
    let doc = resolve(d);
    assert!(doc.notes.is_empty());
    assert_eq!(first_paragraph(&doc), "See[^nope]");
}

#[test]
fn without_works_cited_the_sequence_decides() {
    let doc = run(
        &[
            "A claim.(1) Another claim.(2)",
            "Two reasons: (1) cost and (2) time.",
        ],
        &[],
    );
    assert_eq!(markers(&doc), [vec![1], vec![2]]);
    assert_eq!(codes(&doc), ["W-DANGLING-MARKER", "W-DANGLING-MARKER"]);
}

#[test]
fn paragraph_opening_enumerator_is_not_a_citation() {
    let list = numbered(1);
    let doc = run(&["(1) First we go.", "Then.(1)"], &entries(&list));
    assert_eq!(markers(&doc), [vec![1]]);
    assert_eq!(doc.markers[0].span.line, 2);
}

#[test]
fn marker_line_counts_lines_inside_a_paragraph() {
    let list = numbered(1);
    let mut d = doc(&[], &entries(&list));
    d.blocks = vec![Block::Paragraph {
        content: vec![Inline::Text("First line\nsecond line.(1)".into())],
        span: Span {
            line: 10,
            column: 3,
            offset: 0,
            len: 0,
        },
    }];
    let doc = resolve(d);
    assert_eq!(
        (doc.markers[0].span.line, doc.markers[0].span.column),
        (11, 13)
    );
}

#[test]
fn works_cited_body_links_urls() {
    let doc = run(
        &["a.(1)"],
        &[(1, "Masters, J. (2014). MEK. CFR. https://www.cfr.org/mek.")],
    );
    let note = &doc.notes[0];
    let Block::Paragraph { content, .. } = &note.body[0] else {
        panic!("paragraph");
    };
    assert!(
        content
            .iter()
            .any(|i| matches!(i, Inline::Link { url, .. } if url == "https://www.cfr.org/mek"))
    );
    assert_eq!(
        doc.sources[0].url.as_deref(),
        Some("https://www.cfr.org/mek")
    );
}

#[test]
fn deep_nesting_does_not_overflow() {
    let mut block = para("Deep.(1)");
    for _ in 0..2_000 {
        block = Block::Quote {
            blocks: vec![block],
        };
    }
    let mut inline = Inline::Text("Deep.(1)".into());
    for _ in 0..2_000 {
        inline = Inline::Emph(vec![inline]);
    }
    let list = numbered(1);
    let mut d = doc(&[], &entries(&list));
    d.blocks = vec![
        block,
        Block::Paragraph {
            content: vec![inline],
            span: span(2),
        },
    ];
    // Run on a thread with a known, modest stack so the test means something.
    let doc = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || {
            let doc = resolve(d);
            let count = doc.notes.len();
            // Dropping 2,000 levels recursively is the test's business, not resolve's.
            std::mem::forget(doc);
            count
        })
        .expect("spawn")
        .join()
        .expect("no overflow");
    assert_eq!(doc, 1);
}

#[test]
fn five_thousand_notes_resolve_quickly() {
    let n = 5_000u32;
    let texts: Vec<String> = (1..=n)
        .map(|i| match i % 3 {
            1 => format!("{}, A. (2001). Title {i}. Publisher.", surname(i)),
            2 => "Ibid., 4".to_string(),
            _ => format!("{}, A., Title {}", surname(i - 2), i - 2),
        })
        .collect();
    let list: Vec<(u32, &str)> = (1..=n).zip(texts.iter().map(String::as_str)).collect();
    let paragraph: String = (1..=n).map(|i| format!("Claim {i}.({i}) ")).collect();
    let start = std::time::Instant::now();
    let doc = run(&[&paragraph], &list);
    let elapsed = start.elapsed();
    assert_eq!(doc.notes.len(), n as usize);
    assert_eq!(doc.markers.len(), n as usize);
    assert_eq!(doc.sources.len(), 1_667);
    assert!(codes(&doc).is_empty(), "{:?}", &doc.diagnostics[..1]);
    assert!(elapsed.as_secs() < 5, "took {elapsed:?}");
}

#[test]
fn resolving_twice_changes_nothing() {
    let list = numbered(2);
    let once = run(&["a.(1) b.(2)"], &entries(&list));
    let twice = resolve(once.clone());
    assert_eq!(once, twice);
}

#[test]
fn duplicate_entry_number_is_reported() {
    let doc = run(
        &["a.(1)"],
        &[(1, "A, B. (2001). T. P."), (1, "C, D. (2002). U. P.")],
    );
    assert_eq!(doc.notes.len(), 1);
    assert!(doc.notes[0].text.starts_with("A, B."));
    assert_eq!(codes(&doc), ["W-DUPLICATE-ENTRY"]);
}

#[test]
fn unsupported_number_out_of_sequence_is_not_a_citation() {
    let list = numbered(3);
    let doc = run(&["a.(1) b.(2) It had forty rooms (40)."], &entries(&list));
    assert_eq!(markers(&doc), [vec![1], vec![2]]);
    assert_eq!(codes(&doc), ["I-NOT-A-CITATION", "W-UNCITED-ENTRY"]);
}

#[test]
fn missing_space_after_marker_in_scraped_text() {
    let list = numbered(2);
    let doc = run(&["To Iraq.(1)The end.(2)"], &entries(&list));
    assert_eq!(first_paragraph(&doc), "To Iraq.^[1]The end.^[2]");
}

#[test]
fn arbitrary_text_never_panics() {
    // A small deterministic generator over the characters markers are made of.
    let alphabet: Vec<char> = "([1-–,;)] 0aI.b\n“”é9http://w.x/2".chars().collect();
    let mut state = 0x2545_f491_u64;
    for _ in 0..2_000 {
        let text: String = (0..40)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                alphabet[(state % alphabet.len() as u64) as usize]
            })
            .collect();
        let entry_text = text.clone();
        let doc = run(&[&text], &[(1, &entry_text), (2, "Ibid, 3"), (3, "-")]);
        for marker in &doc.markers {
            assert!(marker.notes.iter().all(|&n| doc.note(n).is_some()));
        }
    }
}

#[test]
fn five_thousand_footnotes_resolve_quickly() {
    let n = 5_000;
    let mut d = doc(&[], &[]);
    let mut content = Vec::new();
    for i in 0..n {
        content.push(Inline::Text(format!("Claim {i}")));
        content.push(Inline::FootnoteRef {
            label: format!("f{i}"),
            span: span(1),
        });
    }
    d.blocks = vec![Block::Paragraph {
        content,
        span: span(1),
    }];
    d.footnote_defs = (0..n)
        .map(|i| FootnoteDef {
            label: format!("f{i}"),
            blocks: vec![para("Body.")],
            span: span(2),
        })
        .collect();
    let start = std::time::Instant::now();
    let doc = resolve(d);
    let elapsed = start.elapsed();
    assert_eq!(doc.notes.len(), n);
    assert_eq!(doc.notes[n - 1].number, n as u32);
    assert_eq!(doc.notes[n - 1].label.as_deref(), Some("f4999"));
    assert!(elapsed.as_secs() < 5, "took {elapsed:?}");
}

#[test]
fn enumeration_after_a_colon_is_not_a_citation() {
    let list = numbered(3);
    let doc = run(
        &["Three parts: (1) building, (2) staffing and (3) funding. Done.(1)"],
        &entries(&list),
    );
    assert_eq!(markers(&doc), [vec![1]]);
}

#[test]
fn extreme_numbers_and_lines_do_not_overflow() {
    let mut d = doc(
        &["a.(4294967295) b.(999999999)"],
        &[(999_999_999, "Ibid"), (u32::MAX, "Ibid")],
    );
    if let Block::Paragraph { span, .. } = &mut d.blocks[0] {
        span.line = u32::MAX;
        span.column = u32::MAX;
    }
    let doc = resolve(d);
    // Ten digits are never a note number; nine are, when an entry carries them.
    assert_eq!(markers(&doc), [vec![999_999_999]]);
    assert_eq!(doc.markers[0].span.line, u32::MAX);
    assert_eq!(
        codes(&doc),
        [
            "W-IBID-UNRESOLVED",
            "W-IBID-UNRESOLVED",
            "W-UNCITED-ENTRY",
            "I-NUMBER-GAP"
        ]
    );
}

#[test]
fn wikipedia_brackets_split_across_text_runs_are_found() {
    let list = numbered(2);
    let mut d = doc(&[], &entries(&list));
    // Markdown readers hand an unmatched "[1]" over as three text runs.
    d.blocks = vec![Block::Paragraph {
        content: ["It was so.", "[", "1", "]", "[", "2", "]", " Next."]
            .iter()
            .map(|t| Inline::Text(t.to_string()))
            .collect(),
        span: span(1),
    }];
    let doc = resolve(d);
    assert_eq!(markers(&doc), [vec![1, 2]]);
    assert_eq!(first_paragraph(&doc), "It was so.^[1, 2] Next.");
}

#[test]
fn enumerator_matching_an_entry_is_reported() {
    let list = numbered(4);
    let doc = run(
        &[
            "A.(1) B.(2) C.(3)",
            "Members attended every session, (4) and missing two was grounds for expulsion.",
            "(4) Opening a paragraph, it enumerates.",
            "Nothing is cited in rule 5(4) here.",
        ],
        &entries(&list),
    );
    assert_eq!(markers(&doc), [vec![1], vec![2], vec![3]]);
    let info = not_a_citation(&doc);
    assert_eq!(
        info.iter().map(|d| d.span.line).collect::<Vec<_>>(),
        [2, 3, 4]
    );
    assert!(info[0].message.contains("(4)") && info[0].message.contains("enumerat"));
    assert!(
        info[0]
            .hint
            .as_deref()
            .is_some_and(|h| h.contains("before the \",\""))
    );
    assert!(info[1].message.contains("opens the paragraph"));
    assert!(info[2].message.contains("digit"));
}

#[test]
fn enumerator_matching_no_entry_stays_quiet() {
    let list = numbered(2);
    let doc = run(
        &["A.(1) B.(2) Its duties: (7) attendance, (8) dues."],
        &entries(&list),
    );
    assert_eq!(markers(&doc), [vec![1], vec![2]]);
    assert!(!codes(&doc).contains(&"I-NOT-A-CITATION"));
}

/// The body of note `number`, with emphasis as `*…*` and links as `<text|url>`.
fn note_body(doc: &Document, number: u32) -> String {
    let note = doc.note(number).expect("the note exists");
    match note.body.as_slice() {
        [Block::Paragraph { content, .. }] => show(content, doc),
        other => panic!("not one paragraph: {other:?}"),
    }
}

#[test]
fn full_citations_italicise_the_periodical_and_only_full_citations() {
    let doc = run(
        &["One.(1) Two.(2) Three.(3) Four.(4) Five.(5)"],
        &[
            (
                1,
                "Merat, A. (2018, November 9). Terrorists – or champions? The story of the MEK. The Guardian. https://www.theguardian.com/x",
            ),
            (2, "Ibid"),
            (
                3,
                "Merat, A., Terrorists – or champions? The story of the MEK",
            ),
            (4, "Doe, J. (2001). A title with no periodical."),
            (5, "Hart, J. (2015). Ports of the north. North Press."),
        ],
    );
    assert_eq!(
        note_body(&doc, 1),
        // The spaced dash is tied to the word before it (resolve's `tie_spaces`).
        "Merat, A. (2018, November 9). Terrorists\u{a0}– or champions? The story of the MEK. *The Guardian*. \
         <https://www.theguardian.com/x|https://www.theguardian.com/x>"
    );
    let emphasis: Vec<Option<&str>> = doc
        .notes
        .iter()
        .map(|n| n.emphasis.clone().map(|r| &n.text[r]))
        .collect();
    assert_eq!(
        emphasis,
        [
            Some("The Guardian"),
            None,
            None,
            None,
            Some("Ports of the north")
        ]
    );
    assert_eq!(note_body(&doc, 2), "Ibid");
    assert_eq!(
        note_body(&doc, 4),
        "Doe, J. (2001). A title with no periodical."
    );
    assert_eq!(
        note_body(&doc, 5),
        "Hart, J. (2015). *Ports of the north*. North Press."
    );
    let source = doc.source("s1").expect("Merat's source");
    assert_eq!(
        source.emphasis.clone().map(|r| &source.citation[r]),
        Some("The Guardian")
    );
}

#[test]
fn footnotes_keep_their_own_emphasis() {
    let mut d = doc(&[], &[]);
    d.blocks = vec![Block::Paragraph {
        content: vec![
            Inline::Text("A claim".into()),
            Inline::FootnoteRef {
                label: "a".into(),
                span: span(1),
            },
        ],
        span: span(1),
    }];
    d.footnote_defs = vec![FootnoteDef {
        label: "a".into(),
        blocks: vec![Block::Paragraph {
            content: vec![
                Inline::Text("Merat, A. (2018). Title. ".into()),
                Inline::Emph(vec![Inline::Text("The Guardian".into())]),
                Inline::Text(". And The Intercept.".into()),
            ],
            span: span(50),
        }],
        span: span(50),
    }];
    let doc = resolve(d);
    assert_eq!(doc.notes[0].emphasis, None);
    assert_eq!(
        note_body(&doc, 1),
        "Merat, A. (2018). Title. *The Guardian*. And The Intercept."
    );
}

#[test]
fn a_note_citing_several_works_links_each() {
    let doc = run(
        &["Salt (1) (2) (3) (4)."],
        &[
            (
                1,
                "Kurlansky, Mark. Salt: A World History. New York: Walker, 2002.",
            ),
            (
                2,
                "Multhauf, Robert P. Neptune's Gift. Baltimore: Johns Hopkins, 1978.",
            ),
            (
                3,
                "Kurlansky, Salt, 38; see also Multhauf, Neptune's Gift, 20; Adshead, Salt and Civilization, 3.",
            ),
            (4, "Ibid., 40."),
        ],
    );
    let note = |n: u32| doc.notes.iter().find(|x| x.number == n).unwrap();
    let id = |n: u32| note(n).source.clone().unwrap();
    assert_eq!(note(3).source, Some(id(1)));
    assert_eq!(note(3).also, [id(2)]);
    assert_eq!(note(3).locator.as_deref(), Some("38"));
    let multhauf = doc.sources.iter().find(|s| s.id == id(2)).unwrap();
    assert_eq!(multhauf.notes, [2, 3]);
    // Adshead was never cited in full: named, not guessed; Ibid after two works is none.
    assert_eq!(codes(&doc), ["W-SHORT-UNRESOLVED", "W-IBID-UNRESOLVED"]);
    assert!(
        doc.diagnostics[0]
            .message
            .contains("“Adshead, Salt and Civilization, 3”")
    );
    assert!(doc.diagnostics[1].message.contains("cites several works"));
    assert_eq!(note(4).source, None);
}

#[test]
fn ders_after_an_edited_book_names_its_editor() {
    let d = run(
        &["One (1). Two (2). Three (3). Four (4)."],
        &[
            (
                1,
                "Hans Kollwitz (Hrsg.): Käthe Kollwitz. Tagebuchblätter und Briefe. Berlin: Gebr. Mann 1948.",
            ),
            (
                2,
                "Ders. (Hrsg.): Ich will wirken in dieser Zeit. Berlin: Ullstein 1952.",
            ),
            (3, "H. Kollwitz (Hrsg.): Ich will wirken, S. 120."),
            (4, "H. Kollwitz (Hrsg.): Tagebuchblätter und Briefe, S. 60."),
        ],
    );
    let source = |i: usize| d.notes[i].source.clone();
    assert!(source(1).is_some());
    assert_ne!(source(0), source(1));
    assert_eq!(source(2), source(1), "{:?}", d.notes[2]);
    assert_eq!(source(3), source(0), "{:?}", d.notes[3]);
}
