//! Input/expected pairs: every `.md` and `.txt` file in `tests/read/` is read, and a
//! readable dump of the unresolved model is compared with the `.expected` file beside
//! it. `FOLIO_BLESS=1 cargo test --test read_fixtures` rewrites the expected files.

use std::fmt::Write as _;
use std::path::Path;

use folio::model::Document;

fn dump(doc: &Document) -> String {
    let mut out = String::new();
    let meta = serde_json::to_string_pretty(&doc.meta).unwrap_or_default();
    let _ = writeln!(out, "# meta\n{meta}\nslug: {}", doc.slug);
    out.push_str("# blocks\n");
    for block in &doc.blocks {
        let _ = writeln!(out, "{}", serde_json::to_string(block).unwrap_or_default());
    }
    out.push_str("# entries\n");
    for e in &doc.entries {
        let _ = writeln!(
            out,
            "{} @{}:{} {}",
            e.number, e.span.line, e.span.column, e.text
        );
    }
    out.push_str("# footnote definitions\n");
    for d in &doc.footnote_defs {
        let blocks = serde_json::to_string(&d.blocks).unwrap_or_default();
        let _ = writeln!(out, "{} @{} {blocks}", d.label, d.span.line);
    }
    out.push_str("# diagnostics\n");
    for d in &doc.diagnostics {
        let _ = writeln!(out, "{d}");
    }
    out
}

#[test]
fn reader_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/read");
    let bless = std::env::var_os("FOLIO_BLESS").is_some();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/read exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "txt")))
        .collect();
    entries.sort();
    assert!(entries.len() >= 3);
    let mut failures = Vec::new();
    for input in entries {
        let name = input
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let bytes = std::fs::read(&input).expect("readable fixture");
        let got = dump(&folio::read::read(name, &bytes));
        let expected_path = input.with_extension(format!(
            "{}.expected",
            input
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or_default()
        ));
        if bless {
            std::fs::write(&expected_path, &got).expect("writable expected file");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != expected {
            failures.push(format!("{name}:\n--- expected\n{expected}\n--- got\n{got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n(run with FOLIO_BLESS=1 to accept)",
        failures.join("\n")
    );
}
