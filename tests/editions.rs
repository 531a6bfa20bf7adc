//! The two editions agree (issue 11, item 10): a profile's title, headings and contents
//! entries are decided once, in resolve (`folio::contents`), so the EPUB's chapter title
//! and nav say what the PDF's title, running head and outline say — for a front-matter
//! title over a body `# Origins`, for a profile without front matter, for a scraped
//! text profile, and for the sample series bound as an anthology.

use std::io::Read as _;

use folio::model::Book;
use folio::pdf::{PdfOptions, layout, pdf};
use folio::{epub, read::read, resolve::resolve};

#[path = "epub/xml.rs"]
mod xml;
use xml::parse;

/// One contents entry: depth below the profile's title (0 is the title) and label.
type Entry = (usize, String);

fn book(name: &str, bytes: &[u8]) -> Book {
    let doc = resolve(read(name, bytes));
    Book {
        meta: doc.meta.clone(),
        documents: vec![doc],
    }
}

fn unzip(bytes: &[u8], path: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut text = String::new();
    zip.by_name(path)
        .unwrap_or_else(|_| panic!("{path} in the EPUB"))
        .read_to_string(&mut text)
        .expect("UTF-8");
    text
}

fn text_of(node: roxmltree::Node) -> String {
    let text: String = node
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The EPUB's chapter title (its `h1`) and the nav entries that point into the chapter.
fn epub_contents(book: &Book) -> (String, Vec<Entry>) {
    let bytes = epub::epub(book, &epub::EpubOptions::default()).expect("epub");
    let nav = unzip(&bytes, "OEBPS/nav.xhtml");
    let nav = parse(&nav).expect("nav parses");
    let toc = nav
        .descendants()
        .find(|n| n.has_tag_name("nav") && n.attribute("id") == Some("toc"))
        .expect("toc nav");
    let mut entries = Vec::new();
    let mut chapter = None;
    for a in toc.descendants().filter(|n| n.has_tag_name("a")) {
        let href = a.attribute("href").unwrap_or_default();
        let Some(file) = href.split('#').next().filter(|f| f.starts_with("text/")) else {
            continue;
        };
        chapter.get_or_insert_with(|| file.to_string());
        let depth = a.ancestors().filter(|n| n.has_tag_name("ol")).count() - 1;
        entries.push((depth, text_of(a)));
    }
    let chapter = unzip(&bytes, &format!("OEBPS/{}", chapter.expect("a chapter")));
    let chapter = parse(&chapter).expect("chapter parses");
    let h1 = chapter
        .descendants()
        .find(|n| n.has_tag_name("h1"))
        .map(text_of)
        .expect("chapter h1");
    (h1, entries)
}

/// The PDF's document title, its running heads and its outline.
fn pdf_contents(book: &Book) -> (String, Vec<String>, Vec<Entry>) {
    let opts = PdfOptions::default();
    let heads = layout(book, &opts)
        .expect("layout")
        .pages
        .into_iter()
        .filter_map(|p| p.head)
        .collect();
    let bytes = pdf(book, &opts).expect("pdf").bytes;
    let doc = lopdf::Document::load_mem(&bytes).expect("PDF parses");
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(|i| doc.dereference(i))
        .and_then(|(_, o)| o.as_dict())
        .expect("Info dictionary");
    let title = decode(info.get(b"Title").expect("Info Title"));
    let outlines = doc
        .catalog()
        .and_then(|c| c.get(b"Outlines"))
        .and_then(|o| doc.dereference(o))
        .and_then(|(_, o)| o.as_dict())
        .expect("an outline");
    let mut entries = Vec::new();
    // (item, level): iterative, siblings pushed in reverse so they pop in order
    let mut stack: Vec<(&lopdf::Object, usize)> = Vec::new();
    fn first(dict: &lopdf::Dictionary) -> Option<&lopdf::Object> {
        dict.get(b"First").ok()
    }
    if let Some(f) = first(outlines) {
        stack.push((f, 1));
    }
    while let Some((object, level)) = stack.pop() {
        let item = doc
            .dereference(object)
            .and_then(|(_, o)| o.as_dict())
            .expect("outline item");
        entries.push((level, decode(item.get(b"Title").expect("item title"))));
        if let Ok(next) = item.get(b"Next") {
            stack.push((next, level));
        }
        if let Some(child) = first(item) {
            stack.push((child, level + 1));
        }
    }
    (title, heads, entries)
}

/// A PDF text string: UTF-16BE after a byte-order mark, else (ASCII) PDFDocEncoding.
fn decode(object: &lopdf::Object) -> String {
    let bytes = object.as_str().expect("a string");
    match bytes.strip_prefix(&[0xfe, 0xff]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c.get(1).copied().unwrap_or(0)]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// Both editions of one profile say the same title, running head and contents; returns
/// the EPUB's contents entries (without its Notes section, which the PDF sets as
/// footnotes on each page) for the caller to check by value.
fn agree(name: &str, bytes: &[u8]) -> (String, Vec<Entry>) {
    let book = book(name, bytes);
    let (h1, nav) = epub_contents(&book);
    let (title, heads, outline) = pdf_contents(&book);
    assert_eq!(
        h1, title,
        "{name}: the EPUB's chapter title is the PDF's title"
    );
    assert!(!heads.is_empty(), "{name}: long enough for a running head");
    for head in &heads {
        assert_eq!(head, &title, "{name}: running head");
    }
    let nav: Vec<Entry> = nav.into_iter().filter(|(_, l)| l != "Notes").collect();
    // The PDF's outline counts levels from 1 at the profile's title.
    let outline: Vec<Entry> = outline.into_iter().map(|(l, t)| (l - 1, t)).collect();
    assert_eq!(nav, outline, "{name}: the EPUB's nav and the PDF's outline");
    assert_eq!(
        nav.first(),
        Some(&(0, title.clone())),
        "{name}: title first"
    );
    (title, nav)
}

fn long(paragraph: &str) -> String {
    vec![paragraph; 14].join("\n\n")
}

fn entries(list: &[(usize, &str)]) -> Vec<Entry> {
    list.iter().map(|&(d, l)| (d, l.to_string())).collect()
}

const PARAGRAPH: &str = "The assembly met in the harbour hall every spring, and its minutes \
    record the votes, the quarrels and the long evenings spent on the wording of a single \
    resolution about the lighthouse keepers and their pensions.";

#[test]
fn a_front_matter_title_over_a_body_h1() {
    let text = format!(
        "---\ntitle: The Free Coast\n---\n\n# Origins\n\n{}\n\n## Early *years*\n\n{}\n",
        long(PARAGRAPH),
        long(PARAGRAPH)
    );
    let (title, nav) = agree("free-coast.md", text.as_bytes());
    assert_eq!(title, "The Free Coast");
    assert_eq!(
        nav,
        entries(&[(0, "The Free Coast"), (1, "Origins"), (2, "Early years")])
    );
}

#[test]
fn a_front_matter_title_repeated_by_the_body_h1_prints_once() {
    let text = format!(
        "---\ntitle: The Free Coast\n---\n\n# The Free Coast\n\n{}\n\n### Deep\n\n{}\n",
        long(PARAGRAPH),
        long(PARAGRAPH)
    );
    let (_, nav) = agree("repeat.md", text.as_bytes());
    // a jump from the title to ### nests one step
    assert_eq!(nav, entries(&[(0, "The Free Coast"), (1, "Deep")]));
}

#[test]
fn a_profile_without_front_matter() {
    let text = format!(
        "# Harbour Guild\n\n{}\n\n## Members\n\n{}\n\n# Later\n\n{}\n",
        long(PARAGRAPH),
        long(PARAGRAPH),
        PARAGRAPH
    );
    let (title, nav) = agree("guild.md", text.as_bytes());
    assert_eq!(title, "Harbour Guild");
    assert_eq!(
        nav,
        entries(&[
            (0, "Harbour Guild"),
            (1, "Members"),
            // a second `#` is a body heading, under the title as in the EPUB
            (1, "Later"),
        ])
    );
}

#[test]
fn a_scraped_text_profile() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/book/01-mek.txt");
    let bytes = std::fs::read(path).expect("sample profile");
    let (title, nav) = agree("01-mek.txt", &bytes);
    assert_eq!(title, read("01-mek.txt", &bytes).meta.title);
    assert!(nav.len() > 2, "{nav:?}");
    assert!(nav.iter().skip(1).all(|(depth, _)| *depth >= 1));
    assert_eq!(nav.last().map(|(_, l)| l.as_str()), Some("Bibliography"));
}

#[test]
fn a_french_profile_names_its_bibliography_alike_in_both_editions() {
    let text = format!(
        "---\ntitle: Le Port\nlang: fr\n---\n\n{}\n\n{}[^1]\n\n[^1]: Marie Dupont, *Le Port* (Paris : Seuil, 2019), 12.\n",
        long(PARAGRAPH),
        long(PARAGRAPH)
    );
    let (_, nav) = agree("port.md", text.as_bytes());
    assert_eq!(nav.last().map(|(_, l)| l.as_str()), Some("Bibliographie"));
}

#[test]
fn the_sample_series_as_an_anthology() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/book");
    let documents: Vec<_> = [
        "01-mek.txt",
        "02-free-coast-assembly.md",
        "03-karesh-movement.txt",
    ]
    .iter()
    .map(|name| {
        let bytes = std::fs::read(format!("{dir}/{name}")).expect("a profile");
        resolve(read(name, &bytes))
    })
    .collect();
    let mut meta = documents[0].meta.clone();
    meta.title = "Opposition in Exile: Profiles".into();
    let book = Book { meta, documents };
    let (_, nav) = epub_contents(&book);
    let (_, _, outline) = pdf_contents(&book);
    // The PDF's title page and contents page have outline entries of their own, where
    // the EPUB has its title page and its nav (outside `text/`).
    let outline: Vec<Entry> = outline
        .into_iter()
        .filter(|(l, t)| !(*l == 1 && (t == "Contents" || *t == book.meta.title)))
        .map(|(l, t)| (l - 1, t))
        .collect();
    let nav: Vec<Entry> = nav.into_iter().filter(|(_, l)| l != "Notes").collect();
    assert_eq!(nav, outline);
    let titles: Vec<&str> = nav
        .iter()
        .filter(|(d, _)| *d == 0)
        .map(|(_, l)| l.as_str())
        .collect();
    let expected: Vec<&str> = book
        .documents
        .iter()
        .map(|d| d.meta.title.as_str())
        .collect();
    assert_eq!(titles, expected);
}
