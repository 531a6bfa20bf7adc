//! The print finish judged on laid-out pages: a page-quality report for every test
//! book (band above the note rule, loose lines, fused marks, notes twice, overfull
//! lines, widows and orphans, hyphens), and the faults of issue 11 one by one.

use folio::model::{Block, Book, Document, Inline, NoteKind, Span};
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
                .map(|k| para(&words(note.number as usize * 10 + k, 150)))
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

/// The widest band above the note rule allowed on a page inside a profile's text,
/// on A5 and A4: the 24 pt. A page that would end with more than two lines'
/// room empty is filled or spread (see `compose::State::spread`), so what is left
/// is under two lines: the widest measured is 23.2 pt (A4 long notes).
const BAND: f32 = 24.0;

#[test]
fn pages_fill_down_to_the_note_rule() {
    // Pages end at most two lines short of the note rule (or the foot of the text
    // block) unless a profile, a section or the book ends there: a note splits or
    // turns over to the next page, a tall table row splits, and a page broken inside
    // a table spreads what is left between its rows. The exception left: a page
    // before a table whose header and first row do not fit (the built profile's,
    // its rows one line each) leaves their room empty, as LaTeX's longtable and
    // Typst do.
    for (name, laid) in laid_books() {
        let q = quality::measure(&laid);
        assert!(q.worst_band_in_text() <= BAND, "{name}: {q}");
        let worst = q.worst_band();
        if worst > BAND {
            eprintln!("{name}: {worst:.1} pt before a table: {q}");
        }
    }
}

/// Every test book: the fixtures, the sample series, the shared profiles.
fn books() -> Vec<(String, Book)> {
    let mut out = Vec::new();
    for file in [
        "tests/read/sample.txt",
        "tests/read/profile.md",
        "tests/read/wiki.txt",
    ] {
        let doc = read(file);
        let title = doc.meta.title.clone();
        out.push((file.to_string(), book(vec![doc], &title)));
    }
    let series: Vec<Document> = [
        "book/01-mek.txt",
        "book/02-free-coast-assembly.md",
        "book/03-karesh-movement.txt",
    ]
    .iter()
    .map(|f| read(f))
    .collect();
    out.push(("series".into(), book(series, "Opposition in Exile")));
    for (name, doc) in [
        ("profile", profile()),
        ("stress", stress()),
        ("long-notes", long_notes()),
        ("tables", tables()),
    ] {
        let title = doc.meta.title.clone();
        out.push((name.into(), book(vec![doc], &title)));
    }
    out
}

/// The papers every test book is laid out on: A5 (the sample series') and A4 (the
/// default).
fn papers() -> [(&'static str, PdfOptions); 2] {
    [("A5", a5()), ("A4", PdfOptions::default())]
}

/// Every test book laid out on every paper, named "paper book".
fn laid_books() -> Vec<(String, Laid)> {
    let mut out = Vec::new();
    for (name, b) in books() {
        for (paper, opts) in papers() {
            let laid = layout(&b, &opts).expect("layout");
            out.push((format!("{paper} {name}"), laid));
        }
    }
    out
}

/// The thresholds every test book meets today; the rest are printed.
const MET: &[&str] = &[
    "band above the rule over 24 pt",
    "justified lines over 0.55 em",
    "one-word justified lines",
    "fused marks",
    "notes printed twice",
    "note split one line a side",
    "overfull lines",
    "widows or orphans",
    "over 10% hyphenated",
    "over two hyphens in a row",
    "a spread gap over half the body size",
];

#[test]
fn page_quality_report() {
    // FOLIO_QUALITY_PDFS=DIR also writes each book's PDF there, to look at and to
    // check with veraPDF and qpdf.
    let dir = std::env::var_os("FOLIO_QUALITY_PDFS").map(std::path::PathBuf::from);
    for (name, b) in books() {
        for (paper, opts) in papers() {
            if let Some(dir) = &dir {
                let out = folio::pdf::pdf(&b, &opts).expect("pdf");
                let file = format!(
                    "{paper}-{}.pdf",
                    name.trim_start_matches("tests/read/").replace('.', "-")
                );
                std::fs::create_dir_all(dir).expect("dir");
                std::fs::write(dir.join(file), &out.bytes).expect("write");
            }
        }
    }
    for (name, laid) in laid_books() {
        let q = quality::measure(&laid);
        let faults = q.faults();
        eprintln!("{name}: {q}\n  misses: {faults:?}");
        for fault in faults {
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

/// The lines of each note as printed, page by page: (page, note, line).
fn note_lines(laid: &Laid) -> Vec<(usize, u32, &Line)> {
    let mut out = Vec::new();
    for (p, page) in laid.pages.iter().enumerate() {
        for item in &page.items {
            if let ItemKind::Text {
                line,
                note: Some((_, n)),
                ..
            } = &item.kind
            {
                out.push((p, *n, line));
            }
        }
    }
    out
}

fn text(line: &Line) -> String {
    line.runs.iter().map(|r| r.text.as_str()).collect()
}

/// Where a line's text starts, from the note's left edge.
fn left(line: &Line) -> f32 {
    line.runs.iter().map(|r| r.x).fold(f32::MAX, f32::min)
}

#[test]
fn notes_keep_paragraphs_lists_quotes_and_emphasis_and_split_two_lines_a_side() {
    let laid = laid(&long_notes());
    let lines = note_lines(&laid);
    let size = laid.geometry.note_size();
    let of = |n: u32| -> Vec<&Line> { lines.iter().filter(|l| l.1 == n).map(|l| l.2).collect() };
    // Note 1: four paragraphs, each opening with an indent.
    let indented = of(1).iter().filter(|l| left(l) >= size * 0.9).count();
    assert_eq!(
        indented,
        4,
        "{:?}",
        of(1).iter().map(|l| text(l)).collect::<Vec<_>>()
    );
    // Note 2: a paragraph, then three items, each with its bullet and a hanging indent.
    let note = of(2);
    let items: Vec<usize> = (0..note.len())
        .filter(|&i| text(note[i]).starts_with('\u{2022}'))
        .collect();
    assert_eq!(
        items.len(),
        3,
        "{:?}",
        note.iter().map(|l| text(l)).collect::<Vec<_>>()
    );
    for &i in &items {
        assert!(text(note[i]).contains("20"), "{}", text(note[i]));
        let body = note[i]
            .runs
            .iter()
            .skip(1)
            .map(|r| r.x)
            .fold(f32::MAX, f32::min);
        if let Some(next) = note.get(i + 1).filter(|l| !text(l).starts_with('\u{2022}')) {
            assert!(
                (left(next) - body).abs() < 0.5,
                "hang {} vs {}",
                left(next),
                body
            );
        }
    }
    // Note 3: the quote is indented, the title in italics.
    let note = of(3);
    assert!(
        note.iter().any(|l| left(l) >= size * 1.4),
        "no quote indent"
    );
    assert!(
        note.iter()
            .flat_map(|l| &l.runs)
            .any(|r| r.face == folio::pdf::types::Face::Italic && r.text.contains("Exile")),
        "no italics"
    );
    // A note split across pages has two lines at least on each side.
    for n in 1..=12 {
        let pages: Vec<usize> = lines.iter().filter(|l| l.1 == n).map(|l| l.0).collect();
        for p in pages.iter().collect::<std::collections::BTreeSet<_>>() {
            let here = pages.iter().filter(|q| *q == p).count();
            assert!(
                here >= 2 || here == pages.len(),
                "note {n}: {here} line(s) on page {p}"
            );
        }
    }
    assert!(
        lines
            .iter()
            .any(|l| l.1 == 1 && l.0 != lines.iter().find(|m| m.1 == 1).map_or(0, |m| m.0)),
        "the long note never splits: the test proves nothing about splitting"
    );
}

#[test]
fn urls_break_by_chicagos_rule_and_hashtags_at_case_changes_without_hyphens() {
    use folio::pdf::types::{Align, Face, ParaSpec, Piece, TextStyle};
    let url = "https://www.example-news.org/world/middle-east/2019/03/opposition-group-lobbying-washington-report.html?ref=rss&utm=x#section-two";
    let tag = "#FreeTheCoastAssemblyNowAndForever";
    let text = format!(
        "The report, published at {url} on the same day, was shared under the hashtag {tag} by thousands of supporters of the movement within hours of its release."
    );
    let fonts = folio::pdf::FontSet::bundled();
    let piece = Piece {
        text: text.clone(),
        style: TextStyle {
            face: Face::Regular,
            size: 10.0,
            baseline_shift: 0.0,
        },
        tag: None,
    };
    let (mut url_breaks, mut tag_breaks, mut loose_first) = (0, 0, 0);
    for width in (160..=300).step_by(10) {
        let spec = ParaSpec {
            width: width as f32,
            first_indent: 0.0,
            left_indent: 0.0,
            align: Align::Justify,
            lang: "en".into(),
            hyphenate: true,
            leading: 12.0,
            looseness: 0,
        };
        let p = folio::pdf::set_paragraph(&fonts, std::slice::from_ref(&piece), &spec);
        let texts: Vec<String> = p.lines.iter().map(text_of).collect();
        for (i, pair) in texts.windows(2).enumerate() {
            let (end, next) = (pair[0].trim_end(), pair[1].trim_start());
            let last = end.split_whitespace().last().unwrap_or("");
            let first = next.split_whitespace().next().unwrap_or("");
            let joined = format!("{}{}", last.trim_end_matches('\u{ad}'), first);
            if url.contains(&joined) || joined.starts_with("https") {
                assert!(
                    !p.lines[i].hyphenated,
                    "{width}: hyphen in the URL: {texts:?}"
                );
                let ok = last.ends_with('/')
                    || last.ends_with(['=', '&'])
                    || first.starts_with(['.', '-', '?', '#', '_', '=', '&']);
                assert!(ok, "{width}: URL broken at {last} | {first}");
                url_breaks += 1;
            }
            if tag.contains(&joined) && last != "hashtag" {
                assert!(
                    !p.lines[i].hyphenated,
                    "{width}: hyphen in the hashtag: {texts:?}"
                );
                let (a, b) = (last.chars().last(), first.chars().next());
                assert!(
                    a.is_some_and(char::is_lowercase) && b.is_some_and(char::is_uppercase),
                    "{width}: hashtag broken at {last} | {first}"
                );
                tag_breaks += 1;
            }
        }
        for (i, line) in p.lines.iter().enumerate().take(p.lines.len() - 1) {
            let spaces: Vec<f32> = line
                .runs
                .iter()
                .flat_map(|r| r.glyphs.iter().map(move |g| (r, g)))
                .filter(|(r, g)| r.text.get(g.range.clone()) == Some(" "))
                .map(|(r, g)| g.advance / r.size)
                .collect();
            let widest = spaces.iter().copied().fold(0.0, f32::max);
            // The line where the URL starts holds only "The report, published at"
            // before it: at some widths no break point of the URL lets those four
            // words fill the line. It used to leave "The" alone on the line instead
            // (a hole of 16 em), which no measure of spaces saw; now it is loose.
            let limit = if texts[i].starts_with("The report") && texts[i].contains("https") {
                loose_first += usize::from(widest > 0.551);
                1.05
            } else {
                0.551
            };
            assert!(
                widest <= limit,
                "{width}: line {i} spaces {widest:.2} em: {}",
                texts[i]
            );
            let own_word = !url.contains(texts[i].trim()) && !tag.contains(texts[i].trim());
            assert!(
                !spaces.is_empty() || !own_word,
                "{width}: line {i} holds one word: {}",
                texts[i]
            );
            assert_eq!(line.overfull, 0.0, "{width}: line {i} overfull");
        }
    }
    assert!(
        url_breaks > 10 && tag_breaks > 3,
        "{url_breaks} {tag_breaks}"
    );
    // Measured: 5 of the 15 widths (0.58 to 1.02 em).
    assert!(loose_first <= 5, "{loose_first} loose first lines");
}

fn text_of(line: &Line) -> String {
    line.runs.iter().map(|r| r.text.as_str()).collect()
}

#[test]
fn a_note_cited_on_two_pages_is_printed_once_and_referred_back_to() {
    let laid = laid(&stress());
    let mut full = std::collections::BTreeMap::new();
    let mut backs = 0;
    for page in &laid.pages {
        for m in page.notes.iter().filter(|m| m.start) {
            if m.back {
                backs += 1;
                let printed = full.get(&m.key).copied();
                let lines: Vec<String> = page
                    .items
                    .iter()
                    .filter_map(|i| match &i.kind {
                        ItemKind::Text {
                            line,
                            note: Some(k),
                            ..
                        } if *k == m.key => Some(text(line)),
                        _ => None,
                    })
                    .collect();
                let want = format!("See note {}, p.\u{a0}{}.", m.key.1, printed.unwrap_or(0));
                assert!(
                    printed.is_some(),
                    "note {} referred back before it was printed",
                    m.key.1
                );
                assert!(lines.concat().contains(&want), "{lines:?} lacks {want:?}");
            } else {
                assert!(
                    full.insert(m.key, page.number).is_none(),
                    "note {} printed twice",
                    m.key.1
                );
            }
        }
    }
    assert!(backs > 0, "no note was cited again on a later page");
    assert_eq!(laid.report.notes_off_page, 0);
}

#[test]
fn named_footnotes_among_numbered_citations_get_their_own_series() {
    let mut b = Builder::new("series", "Two Series");
    b.para("A claim{1} and an aside{3} and a second claim{2}, then another aside{4}.");
    b.note(1, NoteKind::Full, "A source.");
    b.note(2, NoteKind::Full, "Another source.");
    b.note(3, NoteKind::Footnote, "An aside of the author's.");
    b.note(4, NoteKind::Footnote, "Another aside.");
    let doc = b.done();
    let laid = laid(&doc);
    let marks: String = body_lines(&laid).iter().map(|l| marks(l)).collect();
    let marks = marks.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(marks, "1 a 2 b", "{marks}");
    let heads: Vec<String> = note_lines(&laid)
        .iter()
        .map(|(_, _, l)| l.runs.first().map(|r| r.text.clone()).unwrap_or_default())
        .collect();
    assert_eq!(heads, ["1", "a", "2", "b"]);
    // Only footnotes: they keep their numbers.
    let mut only = doc.clone();
    only.notes.retain(|n| n.kind == NoteKind::Footnote);
    assert_eq!(only.note_mark(3), "3");
    assert_eq!(doc.note_mark(4), "b");
    // Footnotes only, some of them citations: one numbered series still.
    let mut cites = only.clone();
    cites.notes[0].kind = NoteKind::Full;
    assert_eq!(
        (cites.note_mark(3), cites.note_mark(4)),
        ("3".into(), "4".into())
    );
}

#[test]
fn pdfs_claim_pdf_ua_1_or_say_why_not() {
    use folio::pdf::{PdfStandard, pdf};
    let doc = long_notes();
    let out = pdf(&book(vec![doc.clone()], "Long Notes"), &a5()).expect("pdf");
    let bytes = String::from_utf8_lossy(&out.bytes);
    assert!(bytes.contains("pdfuaid:part"), "no PDF/UA identification");
    assert!(
        bytes.contains("/DisplayDocTitle true"),
        "no DisplayDocTitle"
    );
    assert_eq!(out.report.unmet_standard, None);
    // Optional deeper check: VERAPDF_UA1=/path/to/check-ua1 runs veraPDF's profile.
    if let Some(check) = std::env::var_os("VERAPDF_UA1") {
        let path = std::env::temp_dir().join("folio-pdf-finish-ua1.pdf");
        std::fs::write(&path, &out.bytes).expect("write");
        let run = std::process::Command::new(check)
            .arg(&path)
            .output()
            .expect("veraPDF");
        let text = String::from_utf8_lossy(&run.stdout);
        assert!(text.contains("compliant: true"), "{text}");
    }
    // A character no font has cannot meet PDF/UA-1: the PDF is still written,
    // claiming nothing, and the report names the cause.
    let mut b = Builder::new("han", "Han");
    // U+20BB7 (CJK Extension B) is outside the bundled CJK subset.
    b.para("The word \u{20BB7} has no glyph in the bundled fonts.");
    let out = pdf(&book(vec![b.done()], "Han"), &a5()).expect("pdf");
    assert!(!String::from_utf8_lossy(&out.bytes).contains("pdfuaid:part"));
    let why = out.report.unmet_standard.expect("a cause");
    assert!(why.contains('\u{20BB7}'), "{why}");
    // Asked for none, none is claimed and nothing is reported.
    let none = PdfOptions {
        standard: PdfStandard::None,
        ..a5()
    };
    let out = pdf(&book(vec![doc], "Long Notes"), &none).expect("pdf");
    assert!(!String::from_utf8_lossy(&out.bytes).contains("pdfuaid:part"));
}

#[test]
fn tables_align_their_columns_and_keep_a_line_above() {
    use folio::model::Align;
    let cell = |t: &str| vec![Inline::Text(t.into())];
    let mut b = Builder::new("table", "Table");
    b.para(&words(1, 40));
    b.block(Block::Table {
        align: vec![Align::Left, Align::Right, Align::Center],
        head: vec![cell("Year"), cell("Members"), cell("Place")],
        rows: vec![
            vec![cell("1965"), cell("12"), cell("Tehran")],
            vec![cell("1981"), cell("4,500"), cell("Paris")],
            vec![cell("2013"), cell("3,100,000"), cell("Tirana, Albania")],
        ],
    });
    let laid = laid(&b.done());
    let page = &laid.pages[0];
    // Cells by column: their left and right edges on the page.
    let mut cols: std::collections::BTreeMap<usize, Vec<(f32, f32)>> = Default::default();
    let mut last_text = 0.0f32;
    let mut top_rule = None;
    for item in &page.items {
        match &item.kind {
            ItemKind::Text { line, nest, .. } => {
                let col = nest.iter().find_map(|c| match c {
                    folio::pdf::types::Container::Cell(col, _) => Some(*col),
                    _ => None,
                });
                let x0 = item.x + left(line);
                let x1 = item.x
                    + line
                        .runs
                        .iter()
                        .map(|r| r.x + r.glyphs.iter().map(|g| g.advance).sum::<f32>())
                        .fold(0.0, f32::max);
                match col {
                    Some(c) => cols.entry(c).or_default().push((x0, x1)),
                    None => last_text = last_text.max(item.y),
                }
            }
            ItemKind::Rule { .. } if top_rule.is_none() => top_rule = Some(item.y),
            _ => {}
        }
    }
    let spread = |v: Vec<f32>| {
        v.iter().copied().fold(f32::MIN, f32::max) - v.iter().copied().fold(f32::MAX, f32::min)
    };
    let lefts = |c: usize| cols[&c].iter().map(|e| e.0).collect::<Vec<_>>();
    let rights = |c: usize| cols[&c].iter().map(|e| e.1).collect::<Vec<_>>();
    let centres = |c: usize| {
        cols[&c]
            .iter()
            .map(|e| (e.0 + e.1) / 2.0)
            .collect::<Vec<_>>()
    };
    assert!(spread(lefts(0)) < 0.5, "left column: {:?}", cols[&0]);
    assert!(spread(rights(1)) < 0.5, "right column: {:?}", cols[&1]);
    assert!(spread(centres(2)) < 0.5, "centred column: {:?}", cols[&2]);
    // From the text's last baseline to the table's top rule: a blank line's worth.
    let gap = top_rule.expect("a rule above the table") - last_text;
    assert!(gap >= laid.geometry.size * 1.5, "{gap} pt above the table");
}

#[test]
fn a_figure_without_its_image_says_so_in_both_editions() {
    let mut b = Builder::new("figures", "Figures");
    b.para(&words(2, 30));
    b.block(Block::Figure {
        src: Some("missing.png".into()),
        alt: "A map of the coast".into(),
        caption: vec![Inline::Text("The coast in 2010".into())],
        span: Span::default(),
    });
    // A scraped caption line whose image stayed on the web page.
    b.block(Block::Figure {
        src: None,
        alt: "Members at a rally".into(),
        caption: vec![Inline::Text("Members at a rally".into())],
        span: Span::default(),
    });
    let doc = b.done();
    let laid = laid(&doc);
    let captions: Vec<String> = laid.pages[0]
        .items
        .iter()
        .filter_map(|i| match &i.kind {
            ItemKind::Text {
                line,
                role: Role::Caption,
                ..
            } => Some(text(line)),
            _ => None,
        })
        .collect();
    assert_eq!(
        captions,
        [
            "[Image not reproduced: A map of the coast]",
            "The coast in 2010",
            "[Image not reproduced]",
            "Members at a rally"
        ]
    );
    let epub = folio::epub::epub(
        &book(vec![doc], "Figures"),
        &folio::epub::EpubOptions::default(),
    )
    .expect("epub");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(epub)).expect("zip");
    let mut chapter = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).expect("entry");
        if f.name().is_ok_and(|n| n.ends_with("figures.xhtml")) {
            std::io::Read::read_to_string(&mut f, &mut chapter).expect("utf-8");
        }
    }
    assert!(
        chapter.contains("[Image not reproduced: A map of the coast]"),
        "{chapter}"
    );
    assert!(chapter.contains("[Image not reproduced]</p>"), "{chapter}");
    assert_eq!(
        chapter.matches("Members at a rally").count(),
        1,
        "{chapter}"
    );
}

#[test]
fn note_numbers_in_the_notes_are_at_least_six_points() {
    let laid = laid(&long_notes());
    let mut seen = 0;
    for page in &laid.pages {
        for item in &page.items {
            if let ItemKind::Text {
                line,
                note: Some(_),
                ..
            } = &item.kind
                && line
                    .tags
                    .iter()
                    .any(|t| matches!(t.tag, folio::pdf::types::Tag::NoteNumber { .. }))
            {
                let number = line
                    .runs
                    .iter()
                    .find(|r| r.baseline_shift > 0.0)
                    .expect("a raised number");
                assert!(number.size >= 6.0, "note number at {} pt", number.size);
                seen += 1;
            }
        }
    }
    assert_eq!(seen, 12);
}

#[test]
fn the_bibliography_heading_matches_the_section_heads() {
    let laid = laid(&read("tests/read/sample.txt"));
    let mut sizes = std::collections::BTreeMap::new();
    for item in laid.pages.iter().flat_map(|p| &p.items) {
        if let ItemKind::Text {
            line,
            role: Role::Heading(level),
            ..
        } = &item.kind
            && let Some(run) = line.runs.first()
        {
            sizes.insert((text(line), *level), run.size);
        }
    }
    let bibliography = sizes
        .iter()
        .find(|((t, _), _)| t == "Bibliography")
        .map(|(_, s)| *s)
        .expect("a bibliography heading");
    let sections: Vec<f32> = sizes
        .iter()
        .filter(|((t, l), _)| t != "Bibliography" && *l == 2)
        .map(|(_, s)| *s)
        .collect();
    assert!(!sections.is_empty(), "{sizes:?}");
    assert!(
        sections.iter().all(|s| (s - bibliography).abs() < 0.01),
        "{sizes:?}"
    );
}

#[test]
fn a_table_continued_on_a_new_page_repeats_its_header_row() {
    let cell = |t: &str| vec![Inline::Text(t.into())];
    let mut b = Builder::new("long-table", "Long Table");
    b.para(&words(4, 30));
    b.block(Block::Table {
        align: Vec::new(),
        head: vec![cell("Year"), cell("Event")],
        rows: (0..80)
            .map(|i| vec![cell(&(1900 + i).to_string()), cell(&words(i, 4))])
            .collect(),
    });
    let laid = laid(&b.done());
    assert!(laid.pages.len() >= 3, "{} pages", laid.pages.len());
    for (p, page) in laid.pages.iter().enumerate().skip(1) {
        let repeated: Vec<String> = page
            .items
            .iter()
            .filter_map(|i| match &i.kind {
                ItemKind::Repeat { line } => Some(text(line)),
                _ => None,
            })
            .collect();
        let rows = page.items.iter().any(
            |i| matches!(&i.kind, ItemKind::Text { line, .. } if text(line).starts_with("19")),
        );
        if rows {
            assert_eq!(repeated, ["Year", "Event"], "page {p}");
        }
    }
    // The header is read once: the repeats are not text of the structure tree.
    let header_texts = laid
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter(|i| matches!(&i.kind, ItemKind::Text { line, .. } if text(line) == "Year"))
        .count();
    assert_eq!(header_texts, 1);
}

#[test]
fn an_anthologys_running_heads_name_the_profile() {
    let docs: Vec<Document> = ["book/01-mek.txt", "book/02-free-coast-assembly.md"]
        .iter()
        .map(|f| read(f))
        .collect();
    let titles: Vec<String> = docs.iter().map(|d| d.meta.title.clone()).collect();
    let laid = layout(&book(docs, "Opposition in Exile"), &a5()).expect("layout");
    let mut seen = 0;
    for page in &laid.pages {
        if let (Some(head), Some(doc)) = (&page.head, page.doc) {
            assert_eq!(head, &titles[doc], "page {}", page.number);
            seen += 1;
        }
    }
    assert!(seen >= 4, "{seen} running heads");
}
