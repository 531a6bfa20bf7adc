//! The print finish judged on laid-out pages: a page-quality report for every test
//! book (band above the note rule, loose lines, fused marks, notes twice, overfull
//! lines, widows and orphans, hyphens), and the faults of issue 11 one by one.

use folio::model::{Block, Document, Inline, NoteKind, Span};
use folio::pdf::types::{ItemKind, Line, Role};
use folio::pdf::{Laid, Paper, PdfOptions, layout};

#[path = "pdf/build.rs"]
#[allow(dead_code)]
mod build;
#[path = "pdf/quality.rs"]
mod quality;

use build::*;

fn a5() -> PdfOptions {
    PdfOptions {
        paper: Paper::A5,
        ..PdfOptions::default()
    }
}

fn laid(doc: &Document) -> Laid {
    layout(&book(vec![doc.clone()], &doc.meta.title), &a5()).expect("layout")
}

fn read(path: &str) -> Document {
    let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    folio::resolve::resolve(folio::read::read(&path, &bytes))
}

fn para(text: &str) -> Block {
    Block::Paragraph {
        content: vec![Inline::Text(text.into())],
        span: Span::default(),
    }
}

/// A profile whose notes have structure: several paragraphs, a list, a quote and
/// emphasis, one of them long enough to split across pages.
pub fn long_notes() -> Document {
    let mut b = Builder::new("long-notes", "Long Notes");
    for n in 1..=12u32 {
        b.para(&format!(
            "{} cited{{{n}}} {}",
            words(n as usize, 60),
            words(50 + n as usize, 30)
        ));
        b.note(n, NoteKind::Full, &words(300 + n as usize, 20));
    }
    let mut doc = b.done();
    let list = Block::List {
        start: None,
        items: vec![
            vec![para(&format!("2018: {}", words(7, 25)))],
            vec![para(&format!("2019: {}", words(8, 20)))],
            vec![para(&format!("2020: {}", words(9, 12)))],
        ],
    };
    for note in &mut doc.notes {
        note.body = match note.number % 4 {
            1 => (0..4)
                .map(|k| para(&words(note.number as usize * 10 + k, 100)))
                .collect(),
            2 => vec![para(&words(note.number as usize, 15)), list.clone()],
            3 => vec![
                para(&words(note.number as usize, 12)),
                Block::Quote {
                    blocks: vec![para(&words(note.number as usize + 1, 30))],
                },
                Block::Paragraph {
                    content: vec![
                        Inline::Text("See ".into()),
                        Inline::Emph(vec![Inline::Text("The Exile Papers".into())]),
                        Inline::Text(format!(" {}", words(3, 10))),
                    ],
                    span: Span::default(),
                },
            ],
            _ => note.body.clone(),
        };
    }
    doc
}

/// Every test book: the fixtures, the sample series, the shared profiles.
fn books() -> Vec<(String, Laid)> {
    let mut out = Vec::new();
    for file in [
        "tests/read/sample.txt",
        "tests/read/profile.md",
        "tests/read/wiki.txt",
    ] {
        out.push((file.to_string(), laid(&read(file))));
    }
    let series: Vec<Document> = [
        "book/01-mek.txt",
        "book/02-free-coast-assembly.md",
        "book/03-karesh-movement.txt",
    ]
    .iter()
    .map(|f| read(f))
    .collect();
    let series = layout(&book(series, "Opposition in Exile"), &a5()).expect("layout");
    out.push(("series".into(), series));
    out.push(("profile".into(), laid(&profile())));
    out.push(("stress".into(), laid(&stress())));
    out.push(("long-notes".into(), laid(&long_notes())));
    out
}

/// The thresholds every test book meets today; the rest are printed.
const MET: &[&str] = &[
    "fused marks",
    "overfull lines",
    "widows or orphans",
    "over 10% hyphenated",
    "over two hyphens in a row",
];

#[test]
fn page_quality_report() {
    for (name, laid) in books() {
        let q = quality::measure(&laid);
        let faults = q.faults();
        eprintln!("{name}: {q}\n  misses: {faults:?}");
        // The filler text of the built profiles is made of long words ("revolutionary
        // international organisation"), hyphenated far more often than prose.
        let filler = !name.contains('/') && name != "series";
        for fault in faults {
            if filler && fault == "over 10% hyphenated" {
                continue;
            }
            assert!(!MET.contains(&fault), "{name}: {fault}: {q}");
        }
    }
}

/// The superscript texts of a line's body, in order: adjacent runs joined.
fn marks(line: &Line) -> String {
    line.runs
        .iter()
        .map(|r| {
            if r.baseline_shift > 0.0 {
                r.text.as_str()
            } else {
                " "
            }
        })
        .collect::<String>()
}

fn body_lines(laid: &Laid) -> Vec<&Line> {
    laid.pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match &i.kind {
            ItemKind::Text {
                line,
                note: None,
                role: Role::Body,
                ..
            } => Some(line),
            _ => None,
        })
        .collect()
}

#[test]
fn adjacent_marks_get_separators_and_meet_on_one_side_of_a_full_stop() {
    let mut b = Builder::new("marks", "Marks");
    b.para("Spaced marks{1} {2} side by side, marks that touch{3}{4} and a mark before{5}. {6} and after a full stop.");
    for n in 1..=6 {
        b.note(n, NoteKind::Full, "A source.");
    }
    let laid = laid(&b.done());
    let text: String = body_lines(&laid).iter().map(|l| marks(l)).collect();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("1,2"), "{text}");
    assert!(text.contains("3,4"), "{text}");
    assert!(text.contains("5,6"), "{text}");
    let plain: String = body_lines(&laid)
        .iter()
        .flat_map(|l| &l.runs)
        .map(|r| r.text.as_str())
        .collect();
    assert!(plain.contains("before.5,6"), "{plain}");
    assert_eq!(quality::measure(&laid).fused, 0);
}
