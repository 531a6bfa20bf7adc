//! The EPUB backend, judged by EPUBCheck 5 (0 errors, 0 warnings on every EPUB built
//! here) and by opening the result: every noteref resolves to a note that links back to
//! that exact noteref, counts match the model, and two builds are byte-identical.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Read;
use std::path::PathBuf;

#[path = "epub/epubcheck.rs"]
mod epubcheck;

use epubcheck::epubcheck;
use folio::epub::{EpubError, EpubOptions, Image, epub};
use folio::model::{
    Block, Book, Document, EMPTY_NOTE_PLACEHOLDER, Inline, Marker, Metadata, Note, NoteKind,
    Source, Span,
};

#[path = "epub/xml.rs"]
mod xml;

// ---------------------------------------------------------------- building books by hand

fn text(s: &str) -> Inline {
    Inline::Text(s.to_string())
}

fn para(content: Vec<Inline>) -> Block {
    Block::Paragraph {
        content,
        span: Span::default(),
    }
}

fn note(number: u32, kind: NoteKind, source: Option<&str>, text: &str) -> Note {
    Note {
        number,
        label: None,
        kind,
        source: source.map(String::from),
        also: Vec::new(),
        locator: None,
        text: text.to_string(),
        body: if text.is_empty() {
            Vec::new()
        } else {
            vec![para(vec![Inline::Text(text.to_string())])]
        },
        emphasis: None,
        span: Span::default(),
    }
}

fn source(id: &str, citation: &str, author: &str, year: &str, url: Option<&str>) -> Source {
    // As resolve prepares a citation's inlines: the URL in it is a link.
    let inlines = match url.and_then(|u| citation.find(u).map(|at| (u, at))) {
        Some((u, at)) => vec![
            Inline::Text(citation[..at].to_string()),
            Inline::Link {
                url: u.to_string(),
                content: vec![Inline::Text(u.to_string())],
            },
            Inline::Text(citation[at + u.len()..].to_string()),
        ],
        None => vec![Inline::Text(citation.to_string())],
    };
    Source {
        id: id.to_string(),
        citation: citation.to_string(),
        authors: vec![author.to_string()],
        year: Some(year.to_string()),
        title: None,
        url: url.map(String::from),
        details: Default::default(),
        emphasis: None,
        inlines,
        sort_key: format!("{} {year}", author.to_lowercase()),
        notes: Vec::new(),
    }
}

/// A resolved profile with notes of every kind: full, ibid, short, empty, dangling, and
/// a footnote whose body has two paragraphs and a list; note 1 is cited twice and one
/// marker cites two notes.
fn profile(slug: &str, title: &str, lang: &str) -> Document {
    let markers: Vec<Marker> = [
        vec![1],
        vec![2, 3],
        vec![1],
        vec![4],
        vec![5],
        vec![6],
        vec![7],
        vec![8],
    ]
    .into_iter()
    .map(|notes| Marker {
        text: notes.iter().map(|n| format!("({n})")).collect(),
        notes,
        locator: None,
        locators: Vec::new(),
        span: Span::default(),
    })
    .collect();
    let blocks = vec![
        para(vec![
            text("Founded in 1965, the group relocated to Iraq & later to Albania."),
            Inline::NoteRef(0),
            text(" Its name, "),
            Inline::Emph(vec![text("Mojahedin-e Khalq")]),
            text(" (مجاهدین خلق), means “people’s holy warriors”."),
            Inline::NoteRef(1),
        ]),
        Block::Heading {
            level: 2,
            id: Some("exile".to_string()),
            content: vec![text("Exile & <Return>")],
            span: Span::default(),
        },
        para(vec![
            text("Accounts from members "),
            Inline::Link {
                url: "https://example.org/a?b=1&c=2".to_string(),
                content: vec![text("describe")],
            },
            text(" strict rules."),
            Inline::NoteRef(2),
            Inline::NoteRef(3),
            text(" See "),
            Inline::Link {
                url: "#exile".to_string(),
                content: vec![text("above")],
            },
            text(" and "),
            Inline::Link {
                url: "notes/local.md".to_string(),
                content: vec![text("a local file")],
            },
            text("."),
        ]),
        Block::Quote {
            blocks: vec![para(vec![
                text("They would be in Tehran much sooner than the cynics believe"),
                Inline::NoteRef(4),
            ])],
        },
        Block::Heading {
            level: 3,
            id: None,
            content: vec![text("Rules")],
            span: Span::default(),
        },
        Block::List {
            start: Some(3),
            items: vec![
                vec![para(vec![
                    text("Marriage was forbidden."),
                    Inline::NoteRef(5),
                ])],
                vec![para(vec![
                    text("Contact with family was cut."),
                    Inline::NoteRef(6),
                ])],
            ],
        },
        Block::Table {
            align: vec![folio::model::Align::Left, folio::model::Align::Right],
            head: vec![vec![text("Year")], vec![text("Event")]],
            rows: vec![vec![
                vec![text("1981")],
                vec![text("Ban"), Inline::NoteRef(7)],
            ]],
        },
        Block::Figure {
            src: Some("img/flag.png".to_string()),
            alt: "Flag of the MEK".to_string(),
            caption: vec![text("The flag")],
            span: Span::default(),
        },
        Block::Figure {
            src: Some("img/missing.png".to_string()),
            alt: "A photograph that was not found".to_string(),
            caption: vec![],
            span: Span::default(),
        },
        Block::Code {
            lang: None,
            text: "if a < b && c > d { \"quoted\" }".to_string(),
        },
        Block::Rule,
    ];
    let mut footnote = note(8, NoteKind::Footnote, None, "");
    footnote.label = Some("long".to_string());
    footnote.body = vec![
        para(vec![text("A footnote with a first paragraph.")]),
        Block::List {
            start: None,
            items: vec![
                vec![para(vec![text("first item")])],
                vec![para(vec![text("second item")])],
            ],
        },
        para(vec![text("And a closing paragraph.")]),
    ];
    Document {
        meta: Metadata {
            title: title.to_string(),
            subtitle: Some("A profile".to_string()),
            authors: vec!["R. Writer".to_string()],
            date: Some("2023-02-13".to_string()),
            lang: lang.to_string(),
            source_file: format!("{slug}.md"),
            ..Metadata::default()
        },
        slug: slug.to_string(),
        blocks,
        notes: vec![
            note(
                1,
                NoteKind::Full,
                Some("s1"),
                "Merat, A. (2018). Terrorists, cultists – or champions of Iranian democracy? The Guardian.",
            ),
            note(
                2,
                NoteKind::Full,
                Some("s2"),
                "Abrahamian, E. (1989). Radical Islam: the Iranian Mojahedin. I.B. Tauris.",
            ),
            note(
                3,
                NoteKind::Full,
                Some("s3"),
                "Rubin, E. (2003). The cult of Rajavi. https://example.com/rajavi?x=1&y=2",
            ),
            note(4, NoteKind::Ibid, Some("s3"), "Ibid., 45."),
            note(
                5,
                NoteKind::Short,
                Some("s1"),
                "Merat, A., Terrorists, cultists.",
            ),
            note(6, NoteKind::Empty, None, ""),
            note(7, NoteKind::Dangling, None, ""),
            footnote,
        ],
        sources: vec![
            source(
                "s2",
                "Abrahamian, E. (1989). Radical Islam: the Iranian Mojahedin. I.B. Tauris.",
                "Abrahamian, E.",
                "1989",
                None,
            ),
            source(
                "s1",
                "Merat, A. (2018). Terrorists, cultists – or champions of Iranian democracy? The Guardian.",
                "Merat, A.",
                "2018",
                None,
            ),
            source(
                "s3",
                "Rubin, E. (2003). The cult of Rajavi. https://example.com/rajavi?x=1&y=2",
                "Rubin, E.",
                "2003",
                Some("https://example.com/rajavi?x=1&y=2"),
            ),
        ],
        markers,
        ..Document::default()
    }
}

fn single(doc: Document) -> Book {
    Book {
        meta: doc.meta.clone(),
        documents: vec![doc],
    }
}

/// A 67-byte 1×1 PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

fn options_with_image() -> EpubOptions {
    let mut opts = EpubOptions::default();
    opts.images.insert("img/flag.png".to_string(), PNG.to_vec());
    opts
}

// ---------------------------------------------------------------- reading EPUBs back

fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut files = BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("an entry");
        let mut data = Vec::new();
        file.read_to_end(&mut data).expect("readable");
        files.insert(
            file.name().expect("a UTF-8 name").to_string(),
            String::from_utf8_lossy(&data).into_owned(),
        );
    }
    files
}

fn chapters(files: &BTreeMap<String, String>) -> Vec<(&String, &String)> {
    files
        .iter()
        .filter(|(name, _)| name.starts_with("OEBPS/text/"))
        .collect()
}

const EPUB_TYPE: (&str, &str) = ("http://www.idpf.org/2007/ops", "type");

/// Parses XHTML (which starts with `<!DOCTYPE html>`).
fn parse(text: &str) -> roxmltree::Document<'_> {
    xml::parse(text).unwrap_or_else(|e| panic!("not well-formed: {e}"))
}

fn role<'a>(node: roxmltree::Node<'a, 'a>) -> Option<&'a str> {
    node.attribute("role")
}

/// Checks every noteref → note → back-link round trip and returns the number of noterefs.
fn check_note_links(files: &BTreeMap<String, String>) -> usize {
    let mut noterefs = 0;
    for (name, xhtml) in chapters(files) {
        let tree = parse(xhtml);
        let by_id: HashMap<&str, roxmltree::Node> = tree
            .descendants()
            .filter_map(|n| n.attribute("id").map(|id| (id, n)))
            .collect();
        for a in tree
            .descendants()
            .filter(|n| role(*n) == Some("doc-noteref"))
        {
            noterefs += 1;
            assert_eq!(a.attribute(EPUB_TYPE), Some("noteref"));
            assert_eq!(a.parent().map(|p| p.tag_name().name()), Some("sup"));
            let ref_id = a.attribute("id").expect("noteref has an id");
            let target = a
                .attribute("href")
                .and_then(|h| h.strip_prefix('#'))
                .expect("fragment href");
            let note = by_id
                .get(target)
                .unwrap_or_else(|| panic!("{name}: noteref {ref_id} points at missing {target}"));
            assert!(note.has_tag_name("li"), "{target} is a list item");
            assert_eq!(note.attribute("class"), Some("note"), "{target} is a note");
            // no deprecated `endnote` (EPUBCheck -u, OPF-086b)
            assert_eq!(note.attribute(EPUB_TYPE), None, "{target}");
            let section = note.ancestors().find(|n| role(*n) == Some("doc-endnotes"));
            assert!(section.is_some(), "{target} sits in the endnotes section");
            let back = format!("#{ref_id}");
            assert!(
                note.descendants().any(|n| role(n) == Some("doc-backlink")
                    && n.attribute("href") == Some(back.as_str())),
                "{name}: note {target} has no back-link to {ref_id}"
            );
        }
        // Every back-link leads to a noteref, every source link to a bibliography entry.
        for a in tree.descendants().filter(|n| n.has_tag_name("a")) {
            let Some(target) = a.attribute("href").and_then(|h| h.strip_prefix('#')) else {
                continue;
            };
            let node = by_id
                .get(target)
                .unwrap_or_else(|| panic!("{name}: #{target} missing"));
            if role(a) == Some("doc-backlink") {
                assert_eq!(role(*node), Some("doc-noteref"));
            }
            if a.attribute("class") == Some("source-link") {
                assert!(
                    node.ancestors()
                        .any(|n| role(n) == Some("doc-bibliography"))
                );
            }
        }
    }
    noterefs
}

fn model_noterefs(book: &Book) -> usize {
    book.documents
        .iter()
        .flat_map(|d| &d.markers)
        .map(|m| m.notes.len())
        .sum()
}

// ---------------------------------------------------------------- EPUBCheck

// ---------------------------------------------------------------- tests

#[test]
fn fixture_profile_is_valid_and_every_note_links_both_ways() {
    let book = single(profile(
        "mek",
        "Mojahedin-e-Khalq & <the “cult”> 'quoted'",
        "en",
    ));
    let mut opts = options_with_image();
    opts.embed_fonts = true;
    let bytes = epub(&book, &opts).expect("an EPUB");
    epubcheck(&bytes, "fixture");

    let files = unzip(&bytes);
    assert_eq!(check_note_links(&files), model_noterefs(&book));
    let xhtml = &files["OEBPS/text/mek.xhtml"];

    // Note 1 is cited twice: two distinct, distinctly labelled back-links.
    let tree = parse(xhtml);
    let note1 = tree
        .descendants()
        .find(|n| n.attribute("id") == Some("mek-note-1"))
        .unwrap();
    let backs: Vec<_> = note1
        .descendants()
        .filter(|n| role(*n) == Some("doc-backlink"))
        .collect();
    assert_eq!(backs.len(), 2);
    let labels: HashSet<_> = backs.iter().map(|b| b.attribute("aria-label")).collect();
    assert_eq!(labels.len(), 2, "back-link labels differ");
    // Empty and dangling notes show the placeholder.
    for number in [6, 7] {
        let id = format!("mek-note-{number}");
        let node = tree
            .descendants()
            .find(|n| n.attribute("id") == Some(id.as_str()))
            .unwrap();
        let text: String = node.descendants().filter_map(|n| n.text()).collect();
        assert!(
            text.contains(EMPTY_NOTE_PLACEHOLDER),
            "note {number}: {text}"
        );
    }
    // Ibid keeps its wording and names its source; the footnote keeps paragraphs and list.
    let note4 = tree
        .descendants()
        .find(|n| n.attribute("id") == Some("mek-note-4"))
        .unwrap();
    let text4: String = note4.descendants().filter_map(|n| n.text()).collect();
    assert!(
        text4.contains("Ibid., 45.") && text4.contains("Rubin, E. (2003)"),
        "{text4}"
    );
    let note8 = tree
        .descendants()
        .find(|n| n.attribute("id") == Some("mek-note-8"))
        .unwrap();
    assert_eq!(note8.children().filter(|n| n.has_tag_name("p")).count(), 2);
    assert_eq!(
        // descendants() starts with the note's own li.
        note8
            .descendants()
            .skip(1)
            .filter(|n| n.has_tag_name("li"))
            .count(),
        2
    );
    // Bibliography: deduplicated, in sort order.
    let bib: Vec<String> = tree
        .descendants()
        .filter(|n| {
            n.has_tag_name("li")
                && n.parent()
                    .is_some_and(|p| p.attribute("class") == Some("bibliography"))
        })
        .map(|n| n.descendants().filter_map(|t| t.text()).collect())
        .collect();
    assert_eq!(bib.len(), 3);
    assert!(
        bib[0].starts_with("Abrahamian")
            && bib[1].starts_with("Merat")
            && bib[2].starts_with("Rubin")
    );
    // Persian run, packaged image, alt text for the missing one, fonts.
    assert!(xhtml.contains("<span dir=\"rtl\" lang=\"fa\" xml:lang=\"fa\">مجاهدین خلق</span>"));
    assert!(xhtml.contains("src=\"../images/1-flag.png\""));
    assert!(xhtml.contains("A photograph that was not found"));
    assert!(files.contains_key("OEBPS/fonts/GentiumBookPlus-Regular.ttf"));
    assert!(files["OEBPS/style.css"].contains("@font-face"));
    assert!(
        !files["OEBPS/style.css"].contains("px"),
        "no px units in the CSS"
    );
    golden("fixture-chapter.xhtml", xhtml);
    golden("fixture-package.opf", &files["OEBPS/package.opf"]);
    golden("fixture-nav.xhtml", &files["OEBPS/nav.xhtml"]);
}

#[test]
fn anthology_of_twelve_profiles_is_valid_with_unique_ids() {
    let documents: Vec<Document> = (1..=12)
        .map(|i| {
            let lang = if i == 5 { "fr" } else { "en" };
            // Two profiles share a slug: the backend must still keep ids apart.
            let slug = if i == 12 {
                "profile-1".to_string()
            } else {
                format!("profile-{i}")
            };
            profile(&slug, &format!("Profile {i}"), lang)
        })
        .collect();
    let book = Book {
        meta: Metadata {
            title: "Profiles of Iranian Opposition Groups".to_string(),
            subtitle: Some("Volume 1".to_string()),
            authors: vec!["A. Editor".to_string(), "B. Editor".to_string()],
            lang: "en".to_string(),
            series: Some("Opposition & Exile".to_string()),
            series_position: Some(2),
            description: Some("Twelve profiles <with> notes.".to_string()),
            keywords: vec!["Iran".to_string(), "politics".to_string()],
            ..Metadata::default()
        },
        documents,
    };
    let mut opts = options_with_image();
    opts.cover = Some(Image {
        name: "cover.png".to_string(),
        bytes: PNG.to_vec(),
    });
    let bytes = epub(&book, &opts).expect("an EPUB");
    epubcheck(&bytes, "anthology");

    let files = unzip(&bytes);
    assert_eq!(chapters(&files).len(), 12);
    assert_eq!(check_note_links(&files), model_noterefs(&book));
    let mut ids = HashSet::new();
    for (name, xhtml) in chapters(&files) {
        let tree = parse(xhtml);
        for id in tree.descendants().filter_map(|n| n.attribute("id")) {
            assert!(
                ids.insert(id.to_string()),
                "{name}: id {id} repeats across the book"
            );
        }
    }
    let french = &files["OEBPS/text/profile-5.xhtml"];
    assert!(french.contains("xml:lang=\"fr\" lang=\"fr\""));
    assert!(french.contains("Bibliographie"));
    let opf = &files["OEBPS/package.opf"];
    assert!(opf.contains("<dc:language>fr</dc:language>"));
    assert!(opf.contains("property=\"group-position\">2</meta>"));
    assert!(opf.contains("Opposition &amp; Exile"));
    assert!(files.contains_key("OEBPS/images/cover.png"));
}

#[test]
fn two_builds_are_byte_identical_and_independent_of_the_clock() {
    let book = single(profile("mek", "Mojahedin-e-Khalq", "en"));
    let opts = options_with_image();
    let first = epub(&book, &opts).unwrap();
    let second = epub(&book, &opts).unwrap();
    assert!(first == second, "two builds differ");
    // mimetype comes first and is stored.
    assert_eq!(&first[30..38], b"mimetype");
    assert_eq!(&first[8..10], &[0, 0], "mimetype is stored");
    let files = unzip(&first);
    assert!(files["OEBPS/package.opf"].contains("2023-02-13T00:00:00Z"));

    let mut epoch = opts.clone();
    epoch.modified = Some(1_700_000_000);
    let files = unzip(&epub(&book, &epoch).unwrap());
    assert!(files["OEBPS/package.opf"].contains("2023-11-14T22:13:20Z"));
}

#[test]
fn identifier_is_a_stable_uuid_v5_unless_given() {
    let book = single(profile("mek", "Mojahedin-e-Khalq", "en"));
    let opf = |opts: &EpubOptions| unzip(&epub(&book, opts).unwrap())["OEBPS/package.opf"].clone();
    let generated = opf(&EpubOptions::default());
    let uuid = uuid::Uuid::new_v5(
        &uuid::Uuid::NAMESPACE_URL,
        "folio\u{1f}Mojahedin-e-Khalq\u{1f}R. Writer".as_bytes(),
    );
    assert!(generated.contains(&format!(">urn:uuid:{uuid}<")));
    let opts = EpubOptions {
        identifier: Some("isbn:978-0-00-000000-2".to_string()),
        ..EpubOptions::default()
    };
    assert!(opf(&opts).contains(">isbn:978-0-00-000000-2<"));
}

#[test]
fn templates_can_be_replaced_and_typos_are_errors() {
    let book = single(profile("mek", "Mojahedin-e-Khalq", "en"));
    let mut opts = EpubOptions::default();
    let css = "body { margin: 0 5%; }\n{{font_faces}}".to_string();
    assert!(opts.templates.set("style.css", css.clone()));
    assert!(!opts.templates.set("unknown.css", String::new()));
    let files = unzip(&epub(&book, &opts).unwrap());
    assert_eq!(files["OEBPS/style.css"], css.replace("{{font_faces}}", ""));

    opts.templates
        .set("titlepage.xhtml", "<h1>{{titel}}</h1>".to_string());
    match epub(&book, &opts) {
        Err(EpubError::Template { file, message }) => {
            assert_eq!(file, "titlepage.xhtml");
            assert!(message.contains("{{titel}}"), "{message}");
        }
        other => panic!("expected a template error, got {other:?}"),
    }
}

#[test]
fn unsupported_cover_is_an_error_and_deep_nesting_does_not_overflow() {
    // Never dropped: dropping 100,000 nested blocks would overflow the test's own stack.
    let mut book = std::mem::ManuallyDrop::new(single(profile("mek", "Mojahedin-e-Khalq", "en")));
    let opts = EpubOptions {
        cover: Some(Image {
            name: "cover.tiff".to_string(),
            bytes: b"II*\0".to_vec(),
        }),
        ..EpubOptions::default()
    };
    assert!(matches!(
        epub(&book, &opts),
        Err(EpubError::CoverType { .. })
    ));

    let mut block = para(vec![text("deep")]);
    let mut inline = text("deeper");
    for _ in 0..100_000 {
        block = Block::Quote {
            blocks: vec![block],
        };
        inline = Inline::Emph(vec![inline]);
    }
    book.documents[0].blocks.push(block);
    book.documents[0].blocks.push(para(vec![inline]));
    let files = unzip(&epub(&book, &EpubOptions::default()).unwrap());
    let xhtml = &files["OEBPS/text/mek.xhtml"];
    assert!(xhtml.contains("deep") && xhtml.contains("deeper"));
    parse(xhtml);
}

/// Compares with `tests/epub/NAME`; `FOLIO_BLESS=1` rewrites it.
fn golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/epub")
        .join(name);
    if std::env::var_os("FOLIO_BLESS").is_some() {
        std::fs::write(&path, actual).expect("write expected file");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} missing: run with FOLIO_BLESS=1", path.display()));
    assert!(
        expected == actual,
        "{name} differs from tests/epub/{name} (FOLIO_BLESS=1 to accept):\n{}",
        first_difference(&expected, actual)
    );
}

fn first_difference(expected: &str, actual: &str) -> String {
    for (i, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
        if e != a {
            return format!("line {}:\n- {e}\n+ {a}", i + 1);
        }
    }
    "lengths differ".to_string()
}

#[test]
fn real_sample_and_markdown_profile_through_read_and_resolve() {
    let inputs: [(&str, &[u8]); 2] = [
        ("sample.txt", include_bytes!("read/sample.txt")),
        ("profile.md", include_bytes!("read/profile.md")),
    ];
    let documents: Vec<Document> = inputs
        .iter()
        .map(|(name, bytes)| folio::resolve::resolve(folio::read::read(name, bytes)))
        .collect();
    let mut opts = EpubOptions::default();
    opts.images.insert("seal.png".to_string(), PNG.to_vec());
    for doc in &documents {
        assert!(
            !doc.markers.is_empty(),
            "{}: markers resolved",
            doc.meta.source_file
        );
        // Each profile alone, as `folio convert one-file -o x.epub` makes it.
        let single = epub(&single(doc.clone()), &opts).expect("an EPUB");
        assert_eq!(
            check_note_links(&unzip(&single)),
            model_noterefs(&single_book(doc))
        );
    }
    let book = Book {
        meta: Metadata {
            title: "Sample series".to_string(),
            lang: "en".to_string(),
            ..documents[1].meta.clone()
        },
        documents,
    };
    let bytes = epub(&book, &opts).expect("an EPUB");
    epubcheck(&bytes, "sample-series");
    let files = unzip(&bytes);
    let noterefs = check_note_links(&files);
    assert_eq!(noterefs, model_noterefs(&book));
    assert!(bytes == epub(&book, &opts).unwrap(), "reproducible");
}

fn single_book(doc: &Document) -> Book {
    single(doc.clone())
}

#[test]
fn persian_profile_and_bare_profile_validate() {
    let mut persian = profile("fa", "سازمان مجاهدین خلق", "fa");
    persian.meta.subtitle = None;
    let bare = Document {
        meta: Metadata {
            title: "   ".to_string(),
            lang: "not a language tag".to_string(),
            ..Metadata::default()
        },
        slug: "".to_string(),
        blocks: vec![para(vec![text("No citations here.")])],
        ..Document::default()
    };
    let book = Book {
        meta: Metadata {
            title: "Edge cases".to_string(),
            lang: "en".to_string(),
            ..Metadata::default()
        },
        documents: vec![persian, bare],
    };
    let bytes = epub(&book, &EpubOptions::default()).expect("an EPUB");
    epubcheck(&bytes, "edge-cases");
    let files = unzip(&bytes);
    assert_eq!(check_note_links(&files), model_noterefs(&book));
    let rtl = &files["OEBPS/text/fa.xhtml"];
    assert!(rtl.contains("xml:lang=\"fa\" lang=\"fa\" dir=\"rtl\""));
    let bare = &files["OEBPS/text/profile-2.xhtml"];
    assert!(
        bare.contains("xml:lang=\"en\"")
            && bare.contains("<h1 id=\"profile-2-title\">Untitled</h1>")
    );
    assert!(!bare.contains("doc-endnotes") && !bare.contains("doc-bibliography"));
}

#[test]
fn empty_book_still_validates() {
    let bytes = epub(&Book::default(), &EpubOptions::default()).expect("an EPUB");
    epubcheck(&bytes, "empty");
    let files = unzip(&bytes);
    assert!(
        files.contains_key("OEBPS/images/cover.svg"),
        "a cover is never missing"
    );
}

/// Every text fixture of the suite (tests/fixtures, tests/read),
/// read and resolved for real, each as a single-profile EPUB checked for its links, and
/// all of them together as one anthology under EPUBCheck (one JVM run for them all).
#[test]
fn every_fixture_validates_and_links_both_ways() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut paths: Vec<PathBuf> = ["fixtures", "read"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(root.join(dir)).expect("fixture dir"))
        .map(|entry| entry.expect("dir entry").path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "txt")))
        .collect();
    paths.sort();
    assert!(paths.len() >= 20, "found only {} fixtures", paths.len());
    let documents: Vec<Document> = paths
        .iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let bytes = std::fs::read(path).expect("read fixture");
            folio::resolve::resolve(folio::read::read(&name, &bytes))
        })
        .collect();
    let opts = EpubOptions::default();
    for doc in &documents {
        assert!(
            !doc.has_errors(),
            "{}: {:?}",
            doc.meta.source_file,
            doc.diagnostics
        );
        let single = epub(&single_book(doc), &opts).expect("an EPUB");
        assert_eq!(
            check_note_links(&unzip(&single)),
            model_noterefs(&single_book(doc)),
            "{}",
            doc.meta.source_file
        );
    }
    let book = Book {
        meta: Metadata {
            title: "Every fixture".to_string(),
            lang: "en".to_string(),
            ..Metadata::default()
        },
        documents,
    };
    let bytes = epub(&book, &opts).expect("an EPUB");
    epubcheck(&bytes, "every-fixture");
    assert_eq!(check_note_links(&unzip(&bytes)), model_noterefs(&book));
}
