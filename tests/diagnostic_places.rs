//! Every diagnostic names its file, line and column, and `folio check` reports what
//! `folio convert` would: inputs here provoke every code a profile's content can cause,
//! `check` must place each one, and `convert` of the same file must report the same
//! set, apart from what only typesetting finds.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// Found by the PDF layout, which `check` does not run.
const LAYOUT: &[&str] = &["W-OVERFULL", "W-NOTE-OFF-PAGE", "W-MISSING-GLYPH"];

/// Every code a profile's own bytes can cause, each with a file that provokes it.
const CASES: &[(&str, &str)] = &[
    ("E-BINARY", "binary.txt"),
    ("E-ENCODING", "latin1.txt"),
    ("E-EMPTY", "empty.txt"),
    ("W-CONTROL-CHAR", "controls.txt"),
    ("E-FRONT-MATTER", "bad-front.md"),
    ("W-FRONT-MATTER-KEY", "page.md"),
    ("W-NO-TITLE", "page.md"),
    ("W-FOOTNOTE-UNDEFINED", "page.md"),
    ("W-FOOTNOTE-UNUSED", "page.md"),
    ("W-NESTING-DEPTH", "page.md"),
    ("W-RAW-HTML", "page.md"),
    ("W-IMAGE-MISSING", "page.md"),
    ("W-IMAGE-REMOTE", "page.md"),
    ("W-EMPTY-ENTRY", "notes.txt"),
    ("W-DANGLING-MARKER", "notes.txt"),
    ("W-UNCITED-ENTRY", "notes.txt"),
    ("W-DUPLICATE-ENTRY", "notes.txt"),
    ("W-IBID-UNRESOLVED", "notes.txt"),
    ("W-SHORT-UNRESOLVED", "notes.txt"),
    ("I-NOT-A-CITATION", "notes.txt"),
    ("I-NUMBER-GAP", "notes.txt"),
    ("W-NOTES-UNHEADED", "unheaded.txt"),
    // a table opening the body: its cells have no span of their own
    ("W-DANGLING-MARKER", "table.md"),
];

const NOTES: &str = "Problems in the Notes

A claim with an empty entry.(1) A claim whose number has no entry.(2) Then an Ibid with nothing before it.(3) A short form with no full citation.(4) The witness, John Smith (42) said he saw it. The list skips a number.(7)

Works Cited

(1) -
(3) - Ibid
(4) - Holm, B., Another Circle
(5) - Nash, M. (2013). Never cited. East Press.
(7) - Nash, M. (2013). After the gap. East Press.
(7) - Owen, N. (2014). Numbered twice. West Press.
(42) - Park, O. (2015). Forty-two. North Press.
";

fn page() -> String {
    format!(
        "---\ncolour: blue\n---\n\
         Opening words without a heading.[^missing] A defined note.[^a]\n\n\
         ![A picture](missing.png)\n\n\
         ![A remote picture](https://example.org/r.png)\n\n\
         <div>raw html</div>\n\n\
         {} too deep\n\n\
         [^a]: The note.\n\
         [^spare]: Never used.\n",
        "> ".repeat(70)
    )
}

fn write_inputs(dir: &Path) {
    let files: [(&str, Vec<u8>); 9] = [
        ("binary.txt", b"PK\x03\x04\x00\x00".to_vec()),
        ("latin1.txt", b"Title\n\nA caf\xE9 here\n".to_vec()),
        (
            "controls.txt",
            b"Title\n\nA \x1b[1mbold\x07 claim.\n".to_vec(),
        ),
        ("empty.txt", b" \n\n".to_vec()),
        (
            "bad-front.md",
            b"---\ntitle: [unclosed\n---\n# T\n".to_vec(),
        ),
        ("page.md", page().into_bytes()),
        ("notes.txt", NOTES.as_bytes().to_vec()),
        (
            "unheaded.txt",
            b"Kopernik\n\nBorn in Torun (1), raised by an uncle (2).\n\nUnknown Heading\n\n\
              (1) Biskup, M. (1973). Regesta. Ossolineum.\n\
              (2) Wasiutynski, J. (1938). Kopernik. Przeworski.\n"
                .to_vec(),
        ),
        (
            "table.md",
            b"# Kilns\n\n| kiln | built |\n|---|---|\n| Ostra (1) | 1901 (2) |\n\n\
              ## Works Cited\n\n1. Varga, E. (2001). *Bricks of Ostra*. Imagined Press.\n"
                .to_vec(),
        ),
    ];
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
}

fn folio(args: &[&str], dir: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("folio runs")
}

/// A finding as both commands print it: code, file, line, column.
type Place = (String, String, u64, u64);

/// `folio check --format json` on every input.
fn check(dir: &Path) -> Vec<Place> {
    let names: Vec<&str> = CASES
        .iter()
        .map(|(_, f)| *f)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut args = vec!["check", "--format", "json"];
    args.extend(names);
    let out = folio(&args, dir);
    let json: Value = serde_json::from_slice(&out.stdout).expect("check prints JSON");
    json.as_array()
        .expect("an array of diagnostics")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

/// What `folio convert FILE -o FILE.epub` prints, read from its human form:
/// "warning[CODE]: …" then "┌─ file:line:column".
fn convert(dir: &Path, file: &str) -> Vec<Place> {
    let out = folio(&["convert", file, "-o", &format!("{file}.epub")], dir);
    let text = String::from_utf8_lossy(&out.stderr).into_owned();
    let mut found = Vec::new();
    let mut code = None;
    for line in text.lines() {
        if let Some((_, rest)) = line.split_once('[')
            && let Some((c, _)) = rest.split_once("]:")
            && ["error", "warning", "note", "info"]
                .iter()
                .any(|s| line.starts_with(s))
        {
            if let Some(c) = code.replace(c.to_string()) {
                found.push((c, file.to_string(), 0, 0));
            }
            continue;
        }
        if let Some(place) = line.trim_start().strip_prefix("┌─ ")
            && let Some(c) = code.take()
        {
            let mut parts = place.rsplitn(3, ':');
            let column = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
            let line_no = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
            let name = parts.next().unwrap_or("").to_string();
            found.push((c, name, line_no, column));
        }
    }
    if let Some(c) = code {
        found.push((c, file.to_string(), 0, 0));
    }
    found
}

#[test]
fn check_places_every_diagnostic_and_matches_convert() {
    let dir = tempfile::tempdir().unwrap();
    write_inputs(dir.path());
    let checked = check(dir.path());
    for (code, file) in CASES {
        assert!(
            checked.iter().any(|(c, f, ..)| c == code && f == file),
            "check did not report {code} for {file}: {checked:?}"
        );
    }
    for (code, file, line, column) in &checked {
        assert!(
            *line >= 1 && *column >= 1,
            "{code} in {file} has no place: line {line}, column {column}"
        );
    }
    let mut by_file: BTreeMap<&str, BTreeSet<Place>> = BTreeMap::new();
    for place in &checked {
        by_file
            .entry(place.1.as_str())
            .or_default()
            .insert(place.clone());
    }
    for (file, expected) in by_file {
        let converted: BTreeSet<Place> = convert(dir.path(), file)
            .into_iter()
            .filter(|(c, ..)| !LAYOUT.contains(&c.as_str()))
            .collect();
        assert_eq!(converted, expected, "convert and check differ on {file}");
    }
}

/// Issue 10 item 16: markers in a table that opens the document got line 0. A table is
/// the first block of each body (in the first Markdown profile even before any title; a
/// text profile's first line is always its title, so there a tab table follows it); each diagnosed marker (a number with no entry, or one out of
/// sequence that is no citation) must be placed on its own row's line and at its own
/// column, by `check` and by `convert` alike.
const DANGLING: &str = "W-DANGLING-MARKER";
const NOT: &str = "I-NOT-A-CITATION";
/// A diagnosed marker: code, line, column.
type Marker<'a> = (&'a str, u64, u64);

#[test]
fn markers_in_a_table_opening_the_document_are_placed_on_their_rows() {
    let cases: [(&str, &str, &[Marker]); 3] = [
        (
            "opens.md",
            "| kiln (8) | built |\n|---|---|\n| Ostra | 1901 |\n| Varn (1) | 1902 (2) |\n\n\
             The kilns were large.\n\n## Works Cited\n\n\
             1. Varga, E. (2001). *Bricks of Ostra*. Imagined Press.\n",
            &[(NOT, 1, 8), (DANGLING, 4, 19)],
        ),
        (
            "titled.md",
            "# Kilns\n\n| kiln | built |\n|---|---|\n| Ostra (1) | 1901 (2) |\n\n\
             ## Works Cited\n\n1. Varga, E. (2001). *Bricks of Ostra*. Imagined Press.\n",
            &[(DANGLING, 5, 20)],
        ),
        (
            "opens.txt",
            "Kilns\n\nkiln (8)\tbuilt\nVarn (1)\t1902 (2)\n\nThe kilns were large.\n\n\
             Works Cited\n\n(1) - Varga, E. (2001). Bricks of Ostra. Imagined Press.\n",
            &[(NOT, 3, 6), (DANGLING, 4, 15)],
        ),
    ];
    let marker = |code: &str| code == DANGLING || code == NOT;
    let dir = tempfile::tempdir().unwrap();
    for (name, text, _) in &cases {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    for (name, _, expected) in &cases {
        let out = folio(&["check", "--format", "json", name], dir.path());
        let json: Value = serde_json::from_slice(&out.stdout).expect("check prints JSON");
        let checked: Vec<Marker> = json
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|d| {
                let code = d["code"].as_str().filter(|c| marker(c))?;
                Some((code, d["line"].as_u64()?, d["column"].as_u64()?))
            })
            .collect();
        assert_eq!(checked, *expected, "check on {name}: {json}");
        let converted = convert(dir.path(), name);
        let converted: Vec<Marker> = converted
            .iter()
            .filter(|(c, ..)| marker(c))
            .map(|(c, _, line, column)| (c.as_str(), *line, *column))
            .collect();
        assert_eq!(converted, *expected, "convert on {name}");
    }
}

/// The column (from 1) where `needle` starts on its line of `source`, in characters.
fn source_column(source: &str, needle: &str) -> (u32, u32) {
    let at = source.find(needle).expect("needle in source");
    let line = source[..at].matches('\n').count() as u32 + 1;
    let start = source[..at].rfind('\n').map_or(0, |i| i + 1);
    (line, source[start..at].chars().count() as u32 + 1)
}

#[test]
fn columns_count_the_sources_characters_where_a_ligature_is_read_as_letters() {
    // ﬁ is read as "fi" and ﬃ as "ffi": a finding after them on their line must still
    // point at the source's column, from resolve (a marker) and from the reader (a
    // footnote).
    let text = "Title\n\nThe ﬁrst and eﬃcient claim.(2) More.\n\nWorks Cited\n\n\
                (1) - Nash, M. (2013). A book. East Press.\n";
    let md = "# Title\n\nThe ﬁrst eﬃcient claim.[^missing]\n\n![A picture](missing.png)\n";
    for (name, source, code, needle) in [
        ("lig.txt", text, "W-DANGLING-MARKER", "(2)"),
        ("lig.md", md, "W-FOOTNOTE-UNDEFINED", "[^missing]"),
    ] {
        let doc = folio::resolve::resolve(folio::read::read(name, source.as_bytes()));
        let found = doc
            .diagnostics
            .iter()
            .find(|d| d.code == code)
            .unwrap_or_else(|| panic!("{name}: no {code}: {:?}", doc.diagnostics));
        assert_eq!(
            (found.span.line, found.span.column),
            source_column(source, needle),
            "{name}: {code}"
        );
    }
}
