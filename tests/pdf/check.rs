//! The checks every test PDF passes: qpdf, pdffonts, pdftotext against the body words,
//! the layout report, links on their own page, the structure tree; and the helpers
//! they read the file with.

use std::collections::BTreeMap;
use std::process::Command;

use folio::model::{Block, Book, Document, Inline};
use folio::pdf::{PdfOptions, PdfOutput};

pub fn opts() -> PdfOptions {
    PdfOptions {
        modified: Some(1_700_000_000),
        ..PdfOptions::default()
    }
}

pub fn tool(name: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

pub fn save(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join("folio-pdf-tests");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write pdf");
    path.to_string_lossy().into_owned()
}

/// Text of every body block (what a reader must be able to copy out).
/// The plain text of inlines as [`Inline::plain`] gives it, but with a space where a
/// note marker is: the PDF sets the marker there, inside a Chinese sentence too, which
/// is one space-separated word.
fn plain_apart(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::FootnoteRef { .. } | Inline::NoteRef(_) => out.push(' '),
            Inline::Emph(c) | Inline::Strong(c) | Inline::Strike(c) => plain_apart(c, out),
            Inline::Link { content, .. } => plain_apart(content, out),
            other => out.push_str(&Inline::plain(std::slice::from_ref(other))),
        }
    }
}

pub fn body_words(doc: &Document) -> Vec<String> {
    let mut text = String::new();
    let mut stack: Vec<&Block> = doc.blocks.iter().rev().collect();
    while let Some(b) = stack.pop() {
        match b {
            Block::Paragraph { content, .. }
            | Block::Heading { content, .. }
            | Block::Figure {
                caption: content, ..
            } => {
                plain_apart(content, &mut text);
                text.push(' ');
            }
            Block::Quote { blocks } => stack.extend(blocks.iter().rev()),
            Block::List { items, .. } => stack.extend(items.iter().flatten().rev()),
            Block::Table { head, rows, .. } => {
                for c in head.iter().chain(rows.iter().flatten()) {
                    plain_apart(c, &mut text);
                    text.push(' ');
                }
            }
            _ => {}
        }
    }
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// All checks every generated PDF must pass.
pub fn check(name: &str, book: &Book, out: &PdfOutput) -> lopdf::Document {
    let path = save(name, &out.bytes);
    let (ok, log) = tool("qpdf", &["--check", &path]);
    assert!(
        ok && log.contains("No syntax or stream encoding errors"),
        "qpdf: {log}"
    );
    let (ok, fonts) = tool("pdffonts", &[&path]);
    assert!(ok, "{fonts}");
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts: {fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert!(
            cols.len() >= 7 && cols[cols.len() - 5] == "yes",
            "font not embedded: {row}"
        );
    }
    let (ok, text) = tool("pdftotext", &[&path, "-"]);
    assert!(ok);
    // Contents pages (the one headed "Contents" and those its leaders run on to) link
    // elsewhere by design; every other internal link is a note's.
    let mut contents: Vec<u32> = Vec::new();
    for (i, page) in text.split('\u{c}').enumerate() {
        let number = i as u32 + 1;
        // pdftotext gives leaders as ". . ." or as "....", depending on the spacing.
        let leaders = page.contains(". . . .") || page.contains("....");
        let continued = contents.last() == Some(&(number - 1)) && leaders;
        if page.trim_start().starts_with("Contents") || continued {
            contents.push(number);
        }
    }
    // Words broken at a line end (a hyphen, or after "/" or "." in a URL) join up
    // again; hyphens are dropped on both sides, since a break may fall at a word's own
    // hyphen. A line ending in "." joins only a line that goes on in lower case.
    let mut joined = String::new();
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    for (i, line) in lines.iter().enumerate() {
        joined.push_str(line);
        let goes_on = lines
            .get(i + 1)
            .and_then(|l| l.chars().next())
            .is_some_and(char::is_lowercase);
        // An added hyphen comes out as a soft hyphen (U+00AD), a written one as "-".
        let broken = line.ends_with(['-', '\u{AD}', '/']);
        // Chinese and Japanese run on from line to line with no space between.
        let solid = line.chars().next_back().is_some_and(folio::lang::is_solid)
            && lines
                .get(i + 1)
                .and_then(|l| l.trim_start().chars().next())
                .is_some_and(folio::lang::is_solid);
        if !(broken || solid || line.ends_with('.') && goes_on) {
            joined.push(' ');
        }
    }
    let text = joined
        .replace(['-', '\u{AD}'], "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // pdftotext gives a note marker at a line's start on a line of its own, and
    // spaces around it: Chinese and Japanese words (a clause, with no spaces) are
    // checked by their solid characters alone, against the solid characters of the text.
    let solid_text: String = text.chars().filter(|&c| folio::lang::is_solid(c)).collect();
    for doc in &book.documents {
        for w in body_words(doc) {
            if w.chars().any(folio::lang::is_solid) {
                let solid: String = w.chars().filter(|&c| folio::lang::is_solid(c)).collect();
                assert!(
                    solid_text.contains(&solid),
                    "{name}: {solid:?} of word {w:?} missing from pdftotext"
                );
                continue;
            }
            // A URL may break across a line or a page, where the notes and the folio
            // come between its halves in pdftotext's output: each part between its
            // break points must be there.
            let url = w.contains("://");
            let w = w.replace('-', if url { "/" } else { "" });
            let parts: Vec<&str> = if url {
                w.split(['/', '.', '?', '#', '_', '=', '&'])
                    .filter(|p| !p.is_empty())
                    .collect()
            } else {
                vec![w.as_str()]
            };
            for part in parts {
                assert!(
                    text.contains(part),
                    "{name}: {part:?} of word {w:?} missing from pdftotext"
                );
            }
        }
    }
    assert_eq!(out.report.overfull_lines, 0, "{name}: overfull lines");
    assert_eq!(
        out.report.notes_off_page, 0,
        "{name}: notes off their marker's page"
    );
    assert!(out.report.pages > 0 && out.report.lines > 0);
    let pdf = lopdf::Document::load_mem(&out.bytes).expect("lopdf reads it");
    let dests = named_dests(&pdf);
    let pages: BTreeMap<lopdf::ObjectId, u32> =
        pdf.get_pages().into_iter().map(|(n, id)| (id, n)).collect();
    assert_eq!(pages.len(), out.report.pages);
    let mut internal = 0;
    for (&id, &number) in &pages {
        let page = pdf.get_dictionary(id).expect("page");
        let Ok(annots) = page
            .get(b"Annots")
            .and_then(|a| deref(&pdf, a).as_array().cloned())
        else {
            continue;
        };
        for a in annots {
            let annot = deref(&pdf, &a).as_dict().expect("annotation").clone();
            let Ok(dest) = annot.get(b"Dest") else {
                continue;
            };
            let target = match deref(&pdf, dest) {
                lopdf::Object::String(name, _) => {
                    *dests.get(name.as_slice()).unwrap_or_else(|| {
                        panic!("unknown destination {:?}", String::from_utf8_lossy(name))
                    })
                }
                lopdf::Object::Array(arr) => arr[0].as_reference().expect("page ref"),
                other => panic!("odd destination {other:?}"),
            };
            if contents.contains(&number) {
                assert!(
                    pages.get(&target).is_some_and(|&t| t > number),
                    "{name}: a contents link points back"
                );
                continue;
            }
            assert_eq!(
                pages.get(&target),
                Some(&number),
                "{name}: a link on page {number} points to another page"
            );
            internal += 1;
        }
    }
    assert!(internal > 0, "{name}: no note links");
    super::structure::check_tree(name, &pdf);
    pdf
}

pub fn deref<'a>(pdf: &'a lopdf::Document, obj: &'a lopdf::Object) -> &'a lopdf::Object {
    pdf.dereference(obj).map_or(obj, |r| r.1)
}

/// Named destinations: name → page object.
pub fn named_dests(pdf: &lopdf::Document) -> BTreeMap<Vec<u8>, lopdf::ObjectId> {
    let mut out = BTreeMap::new();
    let catalog = pdf.catalog().expect("catalog");
    let Ok(names) = catalog
        .get(b"Names")
        .and_then(|n| deref(pdf, n).as_dict().cloned())
    else {
        return out;
    };
    let Ok(root) = names.get(b"Dests") else {
        return out;
    };
    let mut todo = vec![deref(pdf, root).clone()];
    while let Some(node) = todo.pop() {
        let Ok(dict) = node.as_dict() else { continue };
        if let Ok(kids) = dict.get(b"Kids").and_then(|k| k.as_array()) {
            todo.extend(kids.iter().map(|k| deref(pdf, k).clone()));
        }
        if let Ok(pairs) = dict.get(b"Names").and_then(|k| k.as_array()) {
            for pair in pairs.chunks(2) {
                let (Ok(name), Some(dest)) = (pair[0].as_str(), pair.get(1)) else {
                    continue;
                };
                let dest = deref(pdf, dest);
                let arr = match dest {
                    lopdf::Object::Dictionary(d) => d
                        .get(b"D")
                        .and_then(|d| d.as_array())
                        .cloned()
                        .unwrap_or_default(),
                    lopdf::Object::Array(a) => a.clone(),
                    _ => Vec::new(),
                };
                if let Some(Ok(page)) = arr.first().map(|p| p.as_reference()) {
                    out.insert(name.to_vec(), page);
                }
            }
        }
    }
    out
}
