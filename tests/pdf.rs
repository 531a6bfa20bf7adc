//! The PDF backend judged by the tools readers' software trusts (qpdf, poppler) and by
//! reading the file back: embedded fonts, every body word extractable, zero overfull
//! lines, every note on its marker's page, links that land on their own page, named
//! destinations, byte-identical rebuilds.

use std::collections::BTreeMap;

use folio::model::{Block, Book, Document, Inline, Metadata, NoteKind};
use folio::pdf::{Paper, PdfOptions, pdf};

#[path = "pdf/support.rs"]
#[allow(dead_code)]
mod support;
use support::{build, check, structure};

use build::*;
use check::*;

#[test]
fn a_profile_sets_cleanly_with_linked_footnotes() {
    let book = book(vec![profile()], "Mojahedin-e-Kalq (MEK)");
    let out = pdf(&book, &opts()).expect("pdf");
    let pdf_doc = check("profile.pdf", &book, &out);
    let dests = named_dests(&pdf_doc);
    for n in 1..=11 {
        assert!(
            dests.contains_key(format!("note-{n}").as_bytes()),
            "note-{n} missing"
        );
    }
    let (_, text) = tool("pdftotext", &[&save("profile.pdf", &out.bytes), "-"]);
    assert!(
        text.contains(folio::model::EMPTY_NOTE_PLACEHOLDER),
        "placeholder for the empty entry"
    );
    assert!(text.contains("Bibliography"));
    // Bibliography entries hang: an entry's second line starts right of its first.
    let (_, bbox) = tool(
        "pdftotext",
        &["-bbox", &save("profile.pdf", &out.bytes), "-"],
    );
    let words: Vec<(f32, &str)> = bbox
        .lines()
        .filter_map(|l| {
            let x = l.split("xMin=\"").nth(1)?.split('"').next()?.parse().ok()?;
            let w = l.split('>').nth(1)?.split('<').next()?;
            Some((x, w))
        })
        .collect();
    let bib = words
        .iter()
        .rposition(|w| w.1 == "Bibliography")
        .expect("heading");
    let x_of = |word: &str| {
        words[bib..]
            .iter()
            .find(|w| w.1.contains(word))
            .map(|w| w.0)
    };
    let (Some(first), Some(second)) = (x_of("Merat,"), x_of("theguardian")) else {
        panic!("bibliography entry not found");
    };
    assert!(second > first + 5.0, "no hanging indent: {first} {second}");
    let again = pdf(&book, &opts()).expect("pdf");
    assert!(again.bytes == out.bytes, "two builds differ");
}

#[test]
fn the_table_profile_sets_cleanly() {
    // Wrapped and shrunk tables, and one across pages: every word can be copied out,
    // nothing is overfull, and the tables are tagged. The table whose words break with
    // no hyphen is left out: pdftotext cannot join such a word's pieces (its cells
    // are checked piece by piece in tests/pdf_tables.rs).
    let mut doc = tables();
    doc.blocks
        .retain(|b| !matches!(b, Block::Table { head, .. } if head.len() == 10));
    let book = book(vec![doc], "Tables");
    let out = pdf(&book, &opts()).expect("pdf");
    check("tables.pdf", &book, &out);
}

#[test]
fn seventy_notes_and_a_400_word_note_stay_on_their_pages() {
    let book = book(vec![stress()], "Seventy Notes");
    for paper in [Paper::A4, Paper::A5, Paper::Letter] {
        let out = pdf(&book, &PdfOptions { paper, ..opts() }).expect("pdf");
        let name = format!("stress-{paper:?}.pdf");
        check(&name, &book, &out);
        assert!(
            out.report.pages >= 4,
            "{paper:?}: {} pages",
            out.report.pages
        );
        // On A5 the 400-word note is taller than the room under its marker: it
        // starts on one page and ends on a later one.
        if paper != Paper::A5 {
            continue;
        }
        // Found by its layout, not its words: the filler's sentences recur in the body.
        let laid = folio::pdf::layout(&book, &PdfOptions { paper, ..opts() }).expect("layout");
        let pages: Vec<usize> = laid
            .pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.notes.iter().any(|m| m.key.1 == 17))
            .map(|(i, _)| i)
            .collect();
        let (Some(&first), Some(&last)) = (pages.first(), pages.last()) else {
            panic!("{paper:?}: the long note is missing");
        };
        assert!(last > first, "{paper:?}: the 400-word note did not split");
    }
}

#[test]
fn an_anthology_has_contents_and_prefixed_destinations() {
    // The second profile is in French: its structure elements say so.
    let mut french = stress();
    french.meta.lang = "fr".into();
    let book = book(vec![profile(), french], "Profiles of Resistance");
    let out = pdf(&book, &opts()).expect("pdf");
    let pdf_doc = check("anthology.pdf", &book, &out);
    let dests = named_dests(&pdf_doc);
    assert!(
        dests.contains_key(&b"mek-note-1"[..]) && dests.contains_key(&b"stress-note-70"[..]),
        "{:?}",
        dests.keys().take(3).collect::<Vec<_>>()
    );
    let (_, text) = tool("pdftotext", &[&save("anthology.pdf", &out.bytes), "-"]);
    assert!(text.contains("Contents"));
    // The contents give the page where the second profile starts.
    let pages: Vec<&str> = text.split('\u{c}').collect();
    let start = pages
        .iter()
        .position(|p| p.contains("Seventy Notes") && p.contains("cited"))
        .expect("second profile")
        + 1;
    let toc = pages
        .iter()
        .find(|p| p.contains("Contents"))
        .expect("contents page");
    assert!(
        toc.contains(&start.to_string()),
        "contents lack page {start}: {toc}"
    );
    // Each entry links to its profile's first page; its number sits after dot leaders.
    let first = pages
        .iter()
        .position(|p| p.contains("Mojahedin-e-Kalq (MEK)") && !p.contains("Contents"))
        .expect("first profile")
        + 1;
    let toc_page = pages
        .iter()
        .position(|p| p.contains("Contents"))
        .expect("contents") as u32
        + 1;
    let targets = link_targets(&pdf_doc, toc_page);
    assert_eq!(targets, [first as u32, start as u32], "{toc}");
    assert!(toc.contains(". . ."), "no dot leaders: {toc}");
    // Tagged as TOC > TOCI > P holding the linked title and the page number; the
    // leaders are layout artifacts, not text.
    let tree = structure::Tree::read(&pdf_doc);
    let tocs = tree.all("TOC");
    assert_eq!(tocs.len(), 1);
    let entries = tree.children(tocs[0]);
    assert_eq!(entries.len(), 2);
    for (entry, (title, page)) in entries
        .into_iter()
        .zip([("Mojahedin-e-Kalq (MEK)", first), ("Seventy Notes", start)])
    {
        assert_eq!(tree.elems[entry].role, "TOCI");
        let para = tree.children(entry);
        assert_eq!(para.len(), 1);
        let link = tree.children(para[0]);
        assert_eq!(tree.elems[link[0]].role, "Link");
        assert_eq!(tree.text(link[0]), title);
        assert_eq!(tree.text(entry), format!("{title}{page}"));
    }
    let lang = |title: &str| {
        let t = tree.all("H1");
        let t = t.iter().find(|&&t| tree.text(t) == title).expect(title);
        tree.elems[*t].lang.clone()
    };
    assert_eq!(lang("Mojahedin-e-Kalq (MEK)"), None);
    assert_eq!(lang("Seventy Notes").as_deref(), Some("fr"));
    assert!(
        tree.all("Note")
            .iter()
            .any(|&n| tree.elems[n].lang.as_deref() == Some("fr"))
    );
    // Running heads, folios, rules and leader dots are artifacts of their kind.
    let kinds = structure::artifact_kinds(&pdf_doc);
    for kind in ["Pagination/Header", "Pagination", "Layout"] {
        assert!(kinds.contains(kind), "no {kind} artifact: {kinds:?}");
    }
}

/// The pages the internal links on page `number` go to, top to bottom.
fn link_targets(pdf: &lopdf::Document, number: u32) -> Vec<u32> {
    let pages: BTreeMap<lopdf::ObjectId, u32> =
        pdf.get_pages().into_iter().map(|(n, id)| (id, n)).collect();
    let Some(&id) = pdf.get_pages().get(&number) else {
        return Vec::new();
    };
    let page = pdf.get_dictionary(id).expect("page");
    let annots = page
        .get(b"Annots")
        .and_then(|a| deref(pdf, a).as_array().cloned())
        .unwrap_or_default();
    let mut out: Vec<(f32, u32)> = Vec::new();
    for a in annots {
        let annot = deref(pdf, &a).as_dict().expect("annotation").clone();
        let Ok(lopdf::Object::Array(dest)) = annot.get(b"Dest").map(|d| deref(pdf, d)) else {
            continue;
        };
        let top = annot
            .get(b"Rect")
            .and_then(|r| r.as_array())
            .ok()
            .and_then(|r| r.get(3).and_then(|v| v.as_float().ok()))
            .unwrap_or(0.0);
        if let Some(&target) = dest
            .first()
            .and_then(|p| p.as_reference().ok())
            .and_then(|p| pages.get(&p))
        {
            out.push((-top, target));
        }
    }
    out.sort_by(|a, b| a.0.total_cmp(&b.0));
    out.into_iter().map(|(_, t)| t).collect()
}

/// The structure tree of a profile with notes, URLs, a table, a quote, a list and
/// code: Link elements own every link annotation with its text (a marker's number, a
/// note's number, a URL whole even where it breaks across lines); the title is the
/// H1 the headings follow; the table is a Table of THead and TBody with TR rows of
/// TH and TD cells holding the cells' text; the list is L > LI > (Lbl, LBody), the
/// bibliography an unlabelled list; the quote's paragraph sits in a BlockQuote.
#[test]
fn links_notes_lists_quotes_and_tables_are_tagged() {
    let path = format!(
        "{}/tests/data/tagging/tagged.md",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let doc = folio::resolve::resolve(folio::read::read("tagged.md", &bytes));
    let book = Book {
        meta: doc.meta.clone(),
        documents: vec![doc],
    };
    let out = pdf(&book, &opts()).expect("pdf");
    let again = pdf(&book, &opts()).expect("pdf");
    assert!(again.bytes == out.bytes, "two builds differ");
    let file = check("tagged.pdf", &book, &out);
    let tree = structure::Tree::read(&file);

    let (mut urls, mut internal, mut broken) = (0, 0, 0);
    for link in tree.all("Link") {
        let text: String = tree.text(link).split_whitespace().collect();
        let annots = tree.annots(link);
        broken += usize::from(annots.len() > 1);
        for id in annots {
            let annot = file.get_dictionary(id).expect("annotation");
            if let Ok(action) = annot.get(b"A").and_then(lopdf::Object::as_dict) {
                let uri = action
                    .get(b"URI")
                    .and_then(lopdf::Object::as_str)
                    .expect("URI");
                assert_eq!(text.as_bytes(), uri, "a URL link's text is its URL");
                urls += 1;
            } else {
                assert!(annot.get(b"Dest").is_ok(), "a link goes somewhere");
                assert!(
                    !text.is_empty() && text.chars().all(|c| c.is_ascii_digit()),
                    "a note link's text is the note's number: {text:?}"
                );
                internal += 1;
            }
        }
    }
    // One link per cited note at each marker, and one per note number. URLs: three in
    // the notes, three in the bibliography, and one in the text that breaks across two
    // lines (one Link with two boxes); at A4's measure two more of them break too.
    let notes = tree.all("Note");
    let cited: usize = book.documents[0]
        .markers
        .iter()
        .map(|m| m.notes.len())
        .sum();
    assert_eq!((notes.len(), cited), (4, 5));
    assert_eq!(internal, cited + notes.len());
    assert_eq!(
        (urls - broken, broken >= 1),
        (7, true),
        "{urls} boxes, {broken} broken"
    );
    // Each note starts with its label, its number linking back to the text; each
    // marker is a Reference holding its link.
    let roles = |elems: Vec<usize>| -> Vec<String> {
        elems.iter().map(|&e| tree.elems[e].role.clone()).collect()
    };
    for &note in &notes {
        let first = tree.children(note)[0];
        assert_eq!(tree.elems[first].role, "Lbl");
        assert_eq!(roles(tree.children(first)), ["Link"]);
        assert!(tree.text(note).starts_with(&tree.text(first)));
    }
    let references = tree.all("Reference");
    assert_eq!(references.len(), cited);
    for r in references {
        assert_eq!(roles(tree.children(r)), ["Link"]);
    }

    // The Document element has the book's language. The profile's title is the H1
    // its headings follow; each heading has its text as title.
    assert_eq!(tree.elems[0].lang.as_deref(), Some("en"));
    let h1 = tree.all("H1");
    assert_eq!(h1.len(), 1);
    assert_eq!(tree.text(h1[0]), "The Lantern Guild");
    let headings = tree.all("H2");
    assert_eq!(headings.len(), 2);
    for h in h1.into_iter().chain(headings) {
        assert_eq!(tree.elems[h].title.as_deref(), Some(tree.text(h).trim()));
    }
    // A code block is a P of Code lines.
    let code = tree.all("Code");
    assert_eq!(
        code.iter().map(|&c| tree.text(c)).collect::<Vec<_>>(),
        ["lamp = oil", "wick = cotton"]
    );
    assert!(tree.all("P").into_iter().any(|p| tree.children(p) == code));

    let tables = tree.all("Table");
    assert_eq!(tables.len(), 1);
    let sections = tree.children(tables[0]);
    let section_roles: Vec<&str> = sections
        .iter()
        .map(|&s| tree.elems[s].role.as_str())
        .collect();
    assert_eq!(section_roles, ["THead", "TBody"]);
    assert_eq!(tree.children(sections[0]).len(), 1);
    let trs: Vec<usize> = sections.iter().flat_map(|&s| tree.children(s)).collect();
    let rows: Vec<Vec<(String, String)>> = trs
        .iter()
        .map(|&tr| {
            assert_eq!(tree.elems[tr].role, "TR");
            tree.children(tr)
                .into_iter()
                .map(|c| (tree.elems[c].role.clone(), tree.text(c)))
                .collect()
        })
        .collect();
    let cells = |role: &str, texts: &[&str]| -> Vec<(String, String)> {
        texts
            .iter()
            .map(|t| (role.to_string(), t.to_string()))
            .collect()
    };
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0], cells("TH", &["Office", "Holders", "Since"]));
    // An empty cell is an empty TD, so the year stays in its column.
    assert_eq!(rows[1], cells("TD", &["Warden", "", "1871"]));
    // "1902 (4)": the year, then the marker, a link inside the cell.
    assert_eq!(rows[2], cells("TD", &["Keeper of the Wicks", "3", "19024"]));
    let last = *tree.children(trs[2]).last().expect("cell");
    let marker = tree.children(last);
    assert_eq!(roles(marker.clone()), ["Reference"]);
    assert_eq!(tree.text(marker[0]), "4");

    let quotes = tree.all("BlockQuote");
    assert_eq!(quotes.len(), 1);
    assert_eq!(roles(tree.children(quotes[0])), ["P"]);
    assert!(tree.text(quotes[0]).starts_with("Every lamp is a promise"));
    let lists = tree.all("L");
    assert_eq!(lists.len(), 3);
    let items = tree.children(lists[0]);
    assert_eq!(roles(items.clone()), ["LI", "LI"]);
    for (k, (li, duty)) in items
        .into_iter()
        .zip(["first duty", "second duty"])
        .enumerate()
    {
        let kids = tree.children(li);
        assert_eq!(roles(kids.clone()), ["Lbl", "LBody"]);
        assert_eq!(tree.text(kids[0]), format!("{}.", k + 1));
        assert!(tree.text(kids[1]).starts_with(duty));
        let body = tree.children(kids[1]);
        if k == 0 {
            assert_eq!(roles(body), ["P"]);
            continue;
        }
        // The second item holds a list of its own, whose label is its own.
        assert_eq!(roles(body.clone()), ["P", "L"]);
        let inner = tree.children(tree.children(body[1])[0]);
        assert_eq!(roles(inner.clone()), ["Lbl", "LBody"]);
        assert_eq!(tree.text(inner[0]), "\u{2022}");
        assert_eq!(tree.text(inner[1]), "with the long scissors");
    }
    // The bibliography is a list without labels: LI > LBody > BibEntry, each with its URL.
    let entries = tree.children(lists[2]);
    assert_eq!(entries.len(), 3);
    for li in entries {
        let body = tree.children(li);
        assert_eq!(roles(body.clone()), ["LBody"]);
        let entry = tree.children(body[0]);
        assert_eq!(roles(entry.clone()), ["BibEntry"]);
        assert_eq!(roles(tree.children(entry[0])), ["Link"]);
        assert!(tree.text(entry[0]).contains("https://example.org/"));
    }
}

/// Reads and resolves a fixture the readers' tests also use.
fn read_fixture(name: &str) -> Document {
    let path = format!("{}/tests/read/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    folio::resolve::resolve(folio::read::read(name, &bytes))
}

#[test]
fn the_real_sample_and_markdown_footnotes_set_cleanly() {
    for (name, file) in [
        ("sample", "sample.txt"),
        ("markdown", "profile.md"),
        ("wiki", "wiki.txt"),
    ] {
        let doc = read_fixture(file);
        let book = Book {
            meta: doc.meta.clone(),
            documents: vec![doc.clone()],
        };
        let out = pdf(&book, &opts()).expect("pdf");
        let pdf_doc = check(&format!("{name}.pdf"), &book, &out);
        let dests = named_dests(&pdf_doc);
        // Every cited note has its destination (an entry nobody cites has no page to sit on).
        let cited: std::collections::BTreeSet<u32> = doc
            .markers
            .iter()
            .flat_map(|m| m.notes.iter().copied())
            .collect();
        assert!(!cited.is_empty(), "{name}: no markers");
        for n in cited {
            assert!(
                dests.contains_key(format!("note-{n}").as_bytes()),
                "{name}: note-{n} missing"
            );
        }
        assert!(
            out.report.missing_glyphs.is_empty(),
            "{name}: {:?}",
            out.report.missing_glyphs
        );
    }
}

#[test]
fn the_sample_on_a5_splits_its_second_paragraph_across_the_first_page_break() {
    let doc = read_fixture("sample.txt");
    let book = Book {
        meta: doc.meta.clone(),
        documents: vec![doc],
    };
    let options = PdfOptions {
        paper: Paper::A5,
        ..opts()
    };
    let out = pdf(&book, &options).expect("pdf");
    check("sample-a5.pdf", &book, &out);
    let (_, text) = tool("pdftotext", &[&save("sample-a5.pdf", &out.bytes), "-"]);
    let pages: Vec<&str> = text.split('\u{c}').collect();
    // Its first lines end page 1 rather than leaving a gap there; its last line
    // (citing note 1) and the note are on page 2.
    assert!(pages[0].contains("Founded in 1965"), "{}", pages[0]);
    assert!(
        pages[1].contains("hostages on the condition"),
        "{}",
        pages[1]
    );
    assert!(pages[1].contains("Iraq.1"), "{}", pages[1]);
    assert!(pages[1].contains("Merat, A. (2018, November 9)"));
    // "believe\u{201d}\u{a0} to" in the source: one interword space.
    assert!(pages[0].contains("believe\u{201d} to a"), "{}", pages[0]);
}

/// A valid RGB PNG of `w`×`h` pixels in a gradient, written by hand: signature,
/// IHDR, one IDAT holding a zlib stream of stored (uncompressed) deflate blocks, IEND.
fn png(w: u32, h: u32) -> Vec<u8> {
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xedb8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let start = out.len();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        let crc = crc32(&out[start..]);
        out.extend_from_slice(&crc.to_be_bytes());
    }
    let mut raw = Vec::new();
    for y in 0..h {
        raw.push(0); // filter: none
        for x in 0..w {
            raw.extend_from_slice(&[(x * 255 / w.max(1)) as u8, (y * 255 / h.max(1)) as u8, 128]);
        }
    }
    let mut zlib = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        zlib.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        zlib.extend_from_slice(&len.to_le_bytes());
        zlib.extend_from_slice(&(!len).to_le_bytes());
        zlib.extend_from_slice(block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in &raw {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    zlib.extend_from_slice(&((b << 16) | a).to_be_bytes());
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &zlib);
    chunk(&mut out, b"IEND", &[]);
    out
}

/// Image XObjects drawn on each page (1-based page number → pixel widths).
fn page_images(pdf: &lopdf::Document) -> BTreeMap<u32, Vec<i64>> {
    let mut out = BTreeMap::new();
    for (number, id) in pdf.get_pages() {
        let Ok((inline, ids)) = pdf.get_page_resources(id) else {
            continue;
        };
        let dicts = inline
            .into_iter()
            .chain(ids.iter().filter_map(|r| pdf.get_dictionary(*r).ok()));
        let xobjects = dicts
            .filter_map(|d| d.get(b"XObject").ok())
            .filter_map(|x| deref(pdf, x).as_dict().ok());
        for (_, obj) in xobjects.flat_map(|x| x.iter()) {
            let Ok(stream) = deref(pdf, obj).as_stream() else {
                continue;
            };
            if stream.dict.get(b"Subtype").and_then(|s| s.as_name()).ok() == Some(b"Image") {
                let w = stream
                    .dict
                    .get(b"Width")
                    .and_then(|w| w.as_i64())
                    .unwrap_or(0);
                out.entry(number).or_insert_with(Vec::new).push(w);
            }
        }
    }
    out
}

#[test]
fn figures_and_inline_images_are_drawn_with_their_captions() {
    let mut b = Builder::new("figs", "Figures");
    b.para(&words(1, 200));
    // No alt text: the caption describes the image.
    b.block(Block::Figure {
        src: Some("img/wide.png".into()),
        alt: String::new(),
        caption: vec![Inline::Text("The wide gradient figure".into())],
        span: span(3),
    });
    b.para(&words(2, 40));
    // Nothing describes this one: decoration, an artifact.
    b.block(Block::Figure {
        src: Some("img/wide.png".into()),
        alt: String::new(),
        caption: Vec::new(),
        span: span(4),
    });
    b.block(Block::Paragraph {
        content: vec![
            Inline::Text("An inline picture ".into()),
            Inline::Image {
                src: "img/tall.png".into(),
                alt: "tallpicturealt".into(),
                span: span(5),
            },
            Inline::Text(" sits below this text.".into()),
        ],
        span: span(5),
    });
    // A heading cannot hold a drawn image: it prints the alt text.
    b.block(Block::Heading {
        level: 2,
        id: None,
        content: vec![
            Inline::Text("Section ".into()),
            Inline::Image {
                src: "img/tall.png".into(),
                alt: "headingalt".into(),
                span: span(6),
            },
        ],
        span: span(6),
    });
    b.block(Block::Figure {
        src: Some("img/missing.png".into()),
        alt: "missing".into(),
        caption: vec![Inline::Text("Only this caption survives".into())],
        span: span(7),
    });
    // A figure in a list item belongs to the item.
    b.block(Block::List {
        start: None,
        items: vec![vec![
            Block::Paragraph {
                content: vec![Inline::Text("An item with a picture".into())],
                span: span(8),
            },
            Block::Figure {
                src: Some("img/tall.png".into()),
                alt: "listed".into(),
                caption: Vec::new(),
                span: span(9),
            },
        ]],
    });
    b.para(&format!("{} noted{{1}}", words(3, 60)));
    b.note(1, NoteKind::Full, "A note.");
    let doc = b.done();
    let book = book(vec![doc], "Figures");
    let mut options = opts();
    options.images.insert("img/wide.png".into(), png(64, 24));
    options.images.insert("img/tall.png".into(), png(12, 60));
    for paper in [Paper::A5, Paper::A4] {
        let out = pdf(
            &book,
            &PdfOptions {
                paper,
                ..options.clone()
            },
        )
        .expect("pdf");
        let name = format!("figures-{paper:?}.pdf");
        let pdf_doc = check(&name, &book, &out);
        let images = page_images(&pdf_doc);
        let mut widths: Vec<i64> = images.values().flatten().copied().collect();
        widths.sort();
        // The wide image is drawn twice (one image object where both share a page).
        widths.dedup();
        assert_eq!(widths, [12, 64], "{paper:?}: {images:?}");
        // Three figures, each with its alternative text; the undescribed image is not one.
        let tree = structure::Tree::read(&pdf_doc);
        let alts: Vec<Option<String>> = tree
            .all("Figure")
            .into_iter()
            .map(|f| tree.elems[f].alt.clone())
            .collect();
        assert_eq!(
            alts,
            [
                Some("The wide gradient figure".to_string()),
                Some("tallpicturealt".to_string()),
                Some("listed".to_string())
            ],
            "{paper:?}"
        );
        let body = tree.all("LBody");
        let kids: Vec<&str> = tree
            .children(body[0])
            .into_iter()
            .map(|k| tree.elems[k].role.as_str())
            .collect();
        assert_eq!(kids, ["P", "Figure"], "{paper:?}");
        let (_, text) = tool("pdftotext", &[&save(&name, &out.bytes), "-"]);
        let pages: Vec<&str> = text.split('\u{c}').collect();
        // The figure's caption is on the page that draws the wide image.
        let caption_page = pages
            .iter()
            .position(|p| p.contains("The wide gradient figure"))
            .expect("caption") as u32
            + 1;
        assert!(
            images.get(&caption_page).is_some_and(|w| w.contains(&64)),
            "{paper:?}: caption on page {caption_page}, images {images:?}"
        );
        assert!(text.contains("Only this caption survives"));
        assert!(
            !text.contains("tallpicturealt"),
            "a drawn image prints no alt text"
        );
        assert!(text.contains("headingalt"));
        let again = pdf(
            &book,
            &PdfOptions {
                paper,
                ..options.clone()
            },
        )
        .expect("pdf");
        assert!(again.bytes == out.bytes, "{paper:?}: two builds differ");
    }
}

/// The sample's body repeated as 40 chapters of one book on A5 (243 pages when
/// written; at least 200 asserted), with zero overfull lines and every note on its
/// marker's page.
#[test]
fn a_200_page_book_sets_cleanly() {
    let sample = read_fixture("sample.txt");
    let chapters: Vec<Document> = (1..=40)
        .map(|k| {
            let mut doc = sample.clone();
            // Chapter 2 repeats chapter 1's slug: its destinations must not clash.
            doc.slug = format!("chapter-{}", if k == 2 { 1 } else { k });
            doc.meta.title = format!("Chapter {k}: {}", sample.meta.title);
            doc
        })
        .collect();
    let book = book(chapters, "The Sample, Forty Times");
    let started = std::time::Instant::now();
    let out = pdf(
        &book,
        &PdfOptions {
            paper: Paper::A5,
            ..opts()
        },
    )
    .expect("pdf");
    let took = started.elapsed();
    check("book.pdf", &book, &out);
    assert!(
        out.report.pages >= 200,
        "{} pages in {took:?}",
        out.report.pages
    );
    let dests = named_dests(&lopdf::Document::load_mem(&out.bytes).expect("pdf"));
    for name in [
        "chapter-1-note-1",
        "chapter-1-2-note-1",
        "chapter-40-note-1",
    ] {
        assert!(dests.contains_key(name.as_bytes()), "{name}");
    }
}

/// Every text fixture of the suite (tests/fixtures, tests/read) as a single-profile PDF,
/// and the sample series of book/ as one anthology: all pass `check` (qpdf, pdffonts,
/// pdftotext words, zero overfull lines and notes off page, links on their own page).
#[test]
fn every_fixture_and_the_sample_series_pass_the_checks() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let read_dir = |dir: &str| -> Vec<std::path::PathBuf> {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("fixture dir")
            .map(|entry| entry.expect("dir entry").path())
            .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "txt")))
            .collect();
        paths.sort();
        paths
    };
    let load = |path: &std::path::Path| -> Document {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(path).expect("read fixture");
        folio::resolve::resolve(folio::read::read(&name, &bytes))
    };
    let fixtures: Vec<_> = [read_dir("tests/fixtures"), read_dir("tests/read")].concat();
    assert!(
        fixtures.len() >= 20,
        "found only {} fixtures",
        fixtures.len()
    );
    for path in &fixtures {
        let doc = load(path);
        let book = Book {
            meta: doc.meta.clone(),
            documents: vec![doc],
        };
        let out = pdf(&book, &opts()).expect("pdf");
        let name = path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace('.', "-");
        check(&format!("fixture-{name}.pdf"), &book, &out);
    }
    let series: Vec<Document> = read_dir("book").iter().map(|p| load(p)).collect();
    assert_eq!(series.len(), 3, "the sample series has three profiles");
    let book = Book {
        meta: Metadata {
            title: "Opposition in Exile".to_string(),
            lang: "en".to_string(),
            ..Metadata::default()
        },
        documents: series,
    };
    let out = pdf(&book, &opts()).expect("pdf");
    check("sample-series.pdf", &book, &out);
}

/// "Ibid." only makes sense right below the note it repeats: on a page where it is
/// the first note, or follows a note citing another source, it prints the full
/// citation (with its own locator) instead.
#[test]
fn ibid_prints_the_full_citation_away_from_its_antecedent() {
    let filler: String = (0..14)
        .map(|k| format!("{}\n\n", words(300 + k, 60)))
        .collect();
    let text = format!(
        "Ibid Away\n\nOpening words cite the book (1).\n\n{filler}\
         Later words cite it again (2) and again (3), then another work (4) and the book (5).\n\n\
         Works Cited\n\n\
         (1) - Author, A. (2020). A Book Title. Publisher.\n\
         (2) - Ibid, 45\n\
         (3) - Ibid\n\
         (4) - Other, B. (2019). Another Work. Press.\n\
         (5) - Author, A., A Book Title\n"
    );
    let doc = folio::resolve::resolve(folio::read::read("ibid.txt", text.as_bytes()));
    let kinds: Vec<NoteKind> = doc.notes.iter().map(|n| n.kind).collect();
    assert_eq!(
        kinds,
        [
            NoteKind::Full,
            NoteKind::Ibid,
            NoteKind::Ibid,
            NoteKind::Full,
            NoteKind::Short
        ]
    );
    let book = Book {
        meta: doc.meta.clone(),
        documents: vec![doc],
    };
    // Without the bibliography, whose entries would repeat the citation on that page.
    let options = PdfOptions {
        bibliography: false,
        ..opts()
    };
    let out = pdf(&book, &options).expect("pdf");
    check("ibid.pdf", &book, &out);
    let (_, text) = tool("pdftotext", &[&save("ibid.pdf", &out.bytes), "-"]);
    let pages: Vec<&str> = text.split('\u{c}').collect();
    let first = pages
        .iter()
        .position(|p| p.contains("Opening words"))
        .expect("page");
    let later = pages
        .iter()
        .position(|p| p.contains("Later words"))
        .expect("page");
    assert!(
        later > first,
        "the filler must push the second citation to a later page"
    );
    // Note 2 is the first note on its page: the full citation, with its locator.
    assert!(
        pages[later].contains("Author, A. (2020). A Book Title. Publisher, 45."),
        "{}",
        pages[later]
    );
    // Note 3 follows note 2, same source: "Ibid" as written.
    let after = pages[later]
        .split("Publisher, 45.")
        .nth(1)
        .unwrap_or_default();
    assert!(after.contains("Ibid"), "{after}");
    assert_eq!(pages[later].matches("A Book Title. Publisher").count(), 1);
}
