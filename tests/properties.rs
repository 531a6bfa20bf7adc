//! Property tests over the readers, the resolver and the loader step (issue 10,
//! "Proof"): documents built at random from the pieces real profiles are made of —
//! titles, paragraphs with "(4)", "(4)(5)", "(4, 5)", "[4]" and `[^4]` markers,
//! works-cited headings and entries in several styles, Ibid and empty entries, stray
//! brackets, control and wide characters — never make folio panic; every marker cites
//! only numbers it names; and LF or CRLF line endings resolve alike.

use std::path::Path;

use folio::model::Document;
use proptest::prelude::*;

/// A number as markers and entries write it, mostly small, sometimes past 999.
fn number() -> impl Strategy<Value = u32> {
    prop_oneof![8 => 0u32..30, 1 => 30u32..1200]
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[a-zA-Z]{1,9}",
        1 => Just("Ibid.".to_string()),
        1 => Just("Works Cited".to_string()),
        1 => Just("«مجاهدین» — “quoted”".to_string()),
        1 => Just("((".to_string()),
        1 => Just("[[x]]".to_string()),
        1 => Just("\t\u{7}\u{1b}[2J".to_string()),
        1 => Just("https://example.org/a[1]".to_string()),
        1 => Just("javascript:alert(1)".to_string()),
    ]
}

fn marker() -> impl Strategy<Value = String> {
    prop_oneof![
        number().prop_map(|n| format!("({n})")),
        (number(), 1u32..6).prop_map(|(a, w)| format!("({a}–{})", a + w)),
        (number(), number(), 1u32..4).prop_map(|(a, b, w)| format!("[{a}, {b}-{}]", b + w)),
        (number(), number()).prop_map(|(a, b)| format!("({a})({b})")),
        (number(), number()).prop_map(|(a, b)| format!("({a}, {b})")),
        number().prop_map(|n| format!("[{n}]")),
        number().prop_map(|n| format!("[^{n}]")),
    ]
}

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![3 => word(), 1 => marker()], 1..12)
        .prop_map(|parts| format!("{}.", parts.join(" ")))
}

fn entry() -> impl Strategy<Value = String> {
    let text = "[A-Z][a-z]{2,8}, [A-Z]\\. \\((19|20)[0-9]{2}\\)\\. [A-Z][a-z ]{3,20}\\.";
    prop_oneof![
        (number(), text).prop_map(|(n, t)| format!("({n}) - {t}")),
        (number(), text).prop_map(|(n, t)| format!("{n}. {t}")),
        (number(), text).prop_map(|(n, t)| format!("[{n}] {t}")),
        number().prop_map(|n| format!("({n}) -")),
        (number(), 1u32..200).prop_map(|(n, p)| format!("({n}) - Ibid., {p}")),
        number().prop_map(|n| format!("[^{n}]: A footnote body.")),
    ]
}

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => sentence(),
        1 => word().prop_map(|w| format!("## {w}")),
        1 => prop_oneof![
            Just("Works Cited".to_string()),
            Just("References".to_string()),
            Just("Notes".to_string()),
        ],
        3 => entry(),
        1 => Just(String::new()),
        1 => Just("| a (1) | b |\n|---|---|\n| [2] | c |".to_string()),
        1 => Just("---\ntitle: T\nlang: fr\n---".to_string()),
    ]
}

/// A profile's lines, and whether it is Markdown.
fn profile() -> impl Strategy<Value = (Vec<String>, bool)> {
    (prop::collection::vec(line(), 1..40), any::<bool>())
}

fn resolved(lines: &[String], markdown: bool, eol: &str) -> Document {
    let name = if markdown { "p.md" } else { "p.txt" };
    let text = lines.join(eol);
    folio::resolve::resolve(folio::read::read(name, text.as_bytes()))
}

/// Every number `text` names: each run of digits, and every number inside a range
/// written "4–6" or "4-6".
fn numbers_in(text: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for item in text.split(|c: char| !(c.is_ascii_digit() || c == '-' || c == '–')) {
        let ends: Vec<u32> = item
            .split(['-', '–'])
            .filter_map(|run| run.parse().ok())
            .collect();
        match ends[..] {
            [a, b] if a <= b => out.extend(a..=b),
            _ => out.extend(ends),
        }
    }
    out
}

/// What resolution gives, apart from where bytes lie: markers (numbers, text, line)
/// and notes.
type Resolution = (
    Vec<(Vec<u32>, String, u32)>,
    Vec<(u32, folio::model::NoteKind, Option<String>, String)>,
);

fn resolution(doc: &Document) -> Resolution {
    let markers = doc
        .markers
        .iter()
        .map(|m| (m.notes.clone(), m.text.clone(), m.span.line))
        .collect();
    let notes = doc
        .notes
        .iter()
        .map(|n| (n.number, n.kind, n.source.clone(), n.text.clone()))
        .collect();
    (markers, notes)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Reading, resolving and the loader step never panic, whatever the pieces and
    /// line endings (LF, CRLF, CR alone, U+2028).
    #[test]
    fn random_profiles_never_panic((lines, markdown) in profile(), eol in prop_oneof![
        Just("\n"), Just("\r\n"), Just("\r"), Just("\u{2028}"), Just("\n\n")
    ]) {
        let doc = resolved(&lines, markdown, eol);
        let (_, diagnostics) = folio::load::read_images(&doc, Path::new("/nonexistent/p.md"));
        for d in diagnostics {
            prop_assert!(!d.message.is_empty());
        }
    }

    /// A marker cites only numbers written in it (footnotes `[^label]` are numbered by
    /// order, so they are left out).
    #[test]
    fn every_marker_cites_only_the_numbers_it_names((lines, markdown) in profile()) {
        let doc = resolved(&lines, markdown, "\n\n");
        for marker in doc.markers.iter().filter(|m| !m.text.contains('^')) {
            let named = numbers_in(&marker.text);
            for n in &marker.notes {
                prop_assert!(named.contains(n), "{:?} cites {n}", marker.text);
            }
        }
    }

    /// LF, CRLF and CR alone give the same markers (numbers, text, line) and notes; so
    /// does U+2028 / U+2029 in plain text, where a page's separators break lines.
    #[test]
    fn line_endings_do_not_change_resolution((lines, markdown) in profile()) {
        let lf = resolution(&resolved(&lines, markdown, "\n\n"));
        for eol in ["\r\n\r\n", "\r\r", "\n\r\n"] {
            prop_assert_eq!(&lf, &resolution(&resolved(&lines, markdown, eol)), "{:?}", eol);
        }
        if !markdown {
            let separators = resolution(&resolved(&lines, markdown, "\u{2029}"));
            prop_assert_eq!(&lf, &separators);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Random documents go through both backends to bytes without a panic: an EPUB
    /// (a zip) and a PDF.
    #[test]
    fn random_profiles_make_both_editions((lines, markdown) in profile()) {
        let doc = resolved(&lines, markdown, "\n\n");
        prop_assume!(!doc.has_errors());
        let book = folio::model::Book { meta: doc.meta.clone(), documents: vec![doc] };
        let epub = folio::epub::epub(&book, &folio::epub::EpubOptions::default());
        prop_assert!(epub.is_ok_and(|bytes| bytes.starts_with(b"PK")));
        let pdf = folio::pdf::pdf(&book, &folio::pdf::PdfOptions::default());
        prop_assert!(pdf.is_ok_and(|out| out.bytes.starts_with(b"%PDF")));
    }
}
