//! The structure tree (tagged PDF) read back with lopdf: elements with their role,
//! the text of their marked content, and the annotations they own (OBJR).

use std::collections::{BTreeMap, BTreeSet};

use lopdf::{Dictionary, Document, Object, ObjectId};

/// A kid of a structure element.
#[derive(Debug, Clone, PartialEq)]
pub enum Kid {
    /// Another element (its index in [`Tree::elems`]).
    Elem(usize),
    /// Marked content: page and MCID.
    Content(ObjectId, i64),
    /// An object reference (an annotation).
    Annot(ObjectId),
}

/// One structure element.
#[derive(Debug, Clone, Default)]
pub struct Elem {
    /// Its structure type (`/S`).
    pub role: String,
    /// Its kids in order.
    pub kids: Vec<Kid>,
    /// Its title (`/T`).
    pub title: Option<String>,
    /// Its language (`/Lang`).
    pub lang: Option<String>,
    /// Its alternative text (`/Alt`).
    pub alt: Option<String>,
}

/// The whole tree: `elems[0]` is the root's first kid (the Document element).
#[derive(Debug, Default)]
pub struct Tree {
    /// Every element, parents before their kids.
    pub elems: Vec<Elem>,
    /// The text drawn in each piece of marked content, by (page, MCID).
    pub texts: BTreeMap<(ObjectId, i64), String>,
}

fn deref<'a>(pdf: &'a Document, obj: &'a Object) -> &'a Object {
    pdf.dereference(obj).map_or(obj, |r| r.1)
}

impl Tree {
    /// Reads the tree; panics when the file has none.
    pub fn read(pdf: &Document) -> Tree {
        let catalog = pdf.catalog().expect("catalog");
        let root = catalog
            .get(b"StructTreeRoot")
            .map(|r| deref(pdf, r))
            .and_then(Object::as_dict)
            .expect("a StructTreeRoot");
        let mut tree = Tree::default();
        // (element dictionary, its default page, its index)
        let mut todo: Vec<(Dictionary, Option<ObjectId>, usize)> = Vec::new();
        let top = root.get(b"K").map(|k| deref(pdf, k)).expect("root /K");
        let top = match top {
            Object::Array(a) => deref(pdf, &a[0]).as_dict().expect("Document"),
            other => other.as_dict().expect("Document"),
        };
        tree.elems.push(Elem::default());
        todo.push((top.clone(), None, 0));
        while let Some((dict, page, index)) = todo.pop() {
            let page = dict
                .get(b"Pg")
                .ok()
                .and_then(|p| p.as_reference().ok())
                .or(page);
            tree.elems[index].role = dict
                .get(b"S")
                .and_then(Object::as_name)
                .map(|n| String::from_utf8_lossy(n).into_owned())
                .unwrap_or_default();
            let text = |key: &[u8]| {
                dict.get(key)
                    .ok()
                    .and_then(|t| lopdf::decode_text_string(t).ok())
            };
            tree.elems[index].title = text(b"T");
            tree.elems[index].lang = text(b"Lang");
            tree.elems[index].alt = text(b"Alt");
            let kids = match dict.get(b"K") {
                Ok(Object::Array(a)) => a.clone(),
                Ok(k) => vec![k.clone()],
                Err(_) => Vec::new(),
            };
            for kid in kids {
                let kid = match &kid {
                    Object::Integer(mcid) => {
                        Kid::Content(page.expect("an MCID without a page"), *mcid)
                    }
                    other => {
                        let d = deref(pdf, other).as_dict().expect("kid dictionary").clone();
                        match d.get(b"Type").and_then(Object::as_name) {
                            Ok(b"OBJR") => Kid::Annot(
                                d.get(b"Obj")
                                    .and_then(Object::as_reference)
                                    .expect("OBJR /Obj"),
                            ),
                            Ok(b"MCR") => Kid::Content(
                                d.get(b"Pg")
                                    .ok()
                                    .and_then(|p| p.as_reference().ok())
                                    .or(page)
                                    .expect("MCR page"),
                                d.get(b"MCID").and_then(Object::as_i64).expect("MCID"),
                            ),
                            _ => {
                                tree.elems.push(Elem::default());
                                let at = tree.elems.len() - 1;
                                todo.push((d, page, at));
                                Kid::Elem(at)
                            }
                        }
                    }
                };
                tree.elems[index].kids.push(kid);
            }
        }
        tree.texts = marked_texts(pdf);
        tree
    }

    /// Indices of the elements of a role, in reading order.
    pub fn all(&self, role: &str) -> Vec<usize> {
        let mut out = Vec::new();
        let mut todo = vec![0];
        while let Some(i) = todo.pop() {
            if self.elems[i].role == role {
                out.push(i);
            }
            for kid in self.elems[i].kids.iter().rev() {
                if let Kid::Elem(k) = kid {
                    todo.push(*k);
                }
            }
        }
        out
    }

    /// The element kids of `i`.
    pub fn children(&self, i: usize) -> Vec<usize> {
        self.elems[i]
            .kids
            .iter()
            .filter_map(|k| match k {
                Kid::Elem(e) => Some(*e),
                _ => None,
            })
            .collect()
    }

    /// The text of an element and everything under it.
    pub fn text(&self, i: usize) -> String {
        let mut out = String::new();
        // (element, next kid): a walk in document order, without recursion.
        let mut stack: Vec<(usize, usize)> = vec![(i, 0)];
        while let Some((e, k)) = stack.pop() {
            let Some(kid) = self.elems[e].kids.get(k) else {
                continue;
            };
            stack.push((e, k + 1));
            match kid {
                Kid::Elem(c) => stack.push((*c, 0)),
                Kid::Content(page, mcid) => {
                    out.push_str(self.texts.get(&(*page, *mcid)).map_or("", String::as_str))
                }
                Kid::Annot(_) => {}
            }
        }
        out
    }

    /// The annotations an element owns directly.
    pub fn annots(&self, i: usize) -> Vec<ObjectId> {
        self.elems[i]
            .kids
            .iter()
            .filter_map(|k| match k {
                Kid::Annot(a) => Some(*a),
                _ => None,
            })
            .collect()
    }
}

/// The text of each piece of marked content, by (page, MCID), decoded through the
/// fonts' ToUnicode maps.
fn marked_texts(pdf: &Document) -> BTreeMap<(ObjectId, i64), String> {
    let mut out: BTreeMap<(ObjectId, i64), String> = BTreeMap::new();
    for (_, page) in pdf.get_pages() {
        let encodings: BTreeMap<Vec<u8>, lopdf::Encoding> = pdf
            .get_page_fonts(page)
            .expect("fonts")
            .into_iter()
            .filter_map(|(name, font)| Some((name, font.get_font_encoding(pdf).ok()?)))
            .collect();
        let content = pdf.get_and_decode_page_content(page).expect("content");
        let mut encoding = None;
        // One entry per open BDC/BMC: its MCID if it has one, and whether it carries
        // an /ActualText, which stands for its glyphs (as a reader takes it: krilla
        // writes a hyphen whose glyph also ends hyphenated lines this way).
        let mut open: Vec<(Option<i64>, bool)> = Vec::new();
        let mcid = |open: &[(Option<i64>, bool)]| open.iter().rev().find_map(|o| o.0);
        for op in &content.operations {
            match op.operator.as_str() {
                "BDC" => {
                    let props = op.operands.get(1).and_then(|p| p.as_dict().ok());
                    let actual =
                        props
                            .and_then(|d| d.get(b"ActualText").ok())
                            .and_then(|t| match t {
                                Object::String(bytes, _) => Some(text_string(bytes)),
                                _ => None,
                            });
                    if let (Some(text), Some(m)) = (&actual, mcid(&open)) {
                        out.entry((page, m)).or_default().push_str(text);
                    }
                    open.push((
                        props
                            .and_then(|d| d.get(b"MCID").ok())
                            .and_then(|m| m.as_i64().ok()),
                        actual.is_some(),
                    ));
                }
                "BMC" => open.push((None, false)),
                "EMC" => {
                    open.pop();
                }
                "Tf" => {
                    encoding = op
                        .operands
                        .first()
                        .and_then(|n| n.as_name().ok())
                        .and_then(|n| encodings.get(n));
                }
                "Tj" | "TJ" => {
                    if open.iter().any(|o| o.1) {
                        continue;
                    }
                    let (Some(mcid), Some(enc)) = (mcid(&open), encoding) else {
                        continue;
                    };
                    let text: &mut String = out.entry((page, mcid)).or_default();
                    let mut strings: Vec<&Object> = Vec::new();
                    for operand in &op.operands {
                        match operand {
                            Object::Array(a) => strings.extend(a.iter()),
                            other => strings.push(other),
                        }
                    }
                    for s in strings {
                        if let Object::String(bytes, _) = s {
                            text.push_str(&Document::decode_text(enc, bytes).unwrap_or_default());
                        }
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// A PDF text string: UTF-16BE after its byte order mark, else (as krilla writes
/// ASCII) bytes as characters.
fn text_string(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => String::from_utf16_lossy(
            &utf16
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect::<Vec<_>>(),
        ),
        None => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// No element but a table cell is empty; every link annotation has a `/StructParent` and is owned
/// (OBJR) by exactly one Link element, and every Link element starts with an
/// annotation. Returns how many link annotations the file has.
pub fn check_tree(name: &str, pdf: &Document) -> usize {
    let tree = Tree::read(pdf);
    // An empty table cell is the one element that may be empty.
    for e in tree
        .elems
        .iter()
        .filter(|e| !matches!(e.role.as_str(), "TD" | "TH"))
    {
        assert!(!e.kids.is_empty(), "{name}: an empty {} element", e.role);
    }
    let mut owned: Vec<ObjectId> = Vec::new();
    for link in tree.all("Link") {
        let annots = tree.annots(link);
        assert!(
            matches!(tree.elems[link].kids.first(), Some(Kid::Annot(_))),
            "{name}: a Link element does not start with its annotation"
        );
        owned.extend(annots);
    }
    let unique: BTreeSet<ObjectId> = owned.iter().copied().collect();
    assert_eq!(
        unique.len(),
        owned.len(),
        "{name}: an annotation owned twice"
    );
    let mut links = BTreeSet::new();
    for (_, page) in pdf.get_pages() {
        let page = pdf.get_dictionary(page).expect("page");
        let Ok(annots) = page
            .get(b"Annots")
            .and_then(|a| deref(pdf, a).as_array().cloned())
        else {
            continue;
        };
        for a in annots {
            let id = a.as_reference().expect("annotations are indirect");
            let annot = pdf.get_dictionary(id).expect("annotation");
            if !matches!(annot.get(b"Subtype").and_then(Object::as_name), Ok(b"Link")) {
                continue;
            }
            assert!(
                annot.get(b"StructParent").is_ok(),
                "{name}: a link annotation without /StructParent"
            );
            assert!(
                annot.get(b"Contents").is_ok(),
                "{name}: a link annotation without /Contents"
            );
            links.insert(id);
        }
    }
    assert_eq!(
        links, unique,
        "{name}: link annotations and the Link elements' OBJRs differ"
    );
    links.len()
}

/// The kinds of artifact (`/Type`, and `/Subtype` when there is one) drawn on any page.
pub fn artifact_kinds(pdf: &Document) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (_, page) in pdf.get_pages() {
        let content = pdf.get_and_decode_page_content(page).expect("content");
        for op in content.operations.iter().filter(|op| op.operator == "BDC") {
            let (Some(Ok(b"Artifact")), Some(Ok(props))) = (
                op.operands.first().map(Object::as_name),
                op.operands.get(1).map(Object::as_dict),
            ) else {
                continue;
            };
            let name = |key: &[u8]| {
                props
                    .get(key)
                    .and_then(Object::as_name)
                    .map(|n| String::from_utf8_lossy(n).into_owned())
            };
            if let Ok(kind) = name(b"Type") {
                out.insert(match name(b"Subtype") {
                    Ok(sub) => format!("{kind}/{sub}"),
                    Err(_) => kind,
                });
            }
        }
    }
    out
}
