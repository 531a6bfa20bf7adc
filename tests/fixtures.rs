//! Input/expected pairs: every `tests/fixtures/*.md|*.txt` is run through
//! `folio model` and its JSON compared with `tests/fixtures/<name>.model.json`.
//!
//! `FOLIO_BLESS=1 cargo test --test fixtures` rewrites the expected files; review the
//! diff before committing it.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn inputs() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("tests/fixtures exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "txt")))
        .collect();
    files.sort();
    files
}

/// `folio model NAME` run inside the fixtures directory, so `source_file` is the bare
/// name and the expected files do not depend on where the repository lives.
fn model(name: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["model", name])
        .current_dir(fixtures_dir())
        .output()
        .expect("folio runs");
    let stdout = String::from_utf8(out.stdout).expect("model JSON is UTF-8");
    assert!(
        !stdout.trim().is_empty(),
        "folio model {name} printed nothing: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

fn model_value(name: &str) -> Value {
    serde_json::from_str(&model(name)).expect("model output is JSON")
}

#[test]
fn every_fixture_matches_its_model() {
    let bless = std::env::var_os("FOLIO_BLESS").is_some();
    let mut failures = Vec::new();
    let inputs = inputs();
    assert!(inputs.len() >= 10, "fixtures are missing");
    for input in inputs {
        let name = input.file_name().unwrap().to_string_lossy().into_owned();
        let expected_path = input.with_file_name(format!("{name}.model.json"));
        let actual = model(&name);
        if bless {
            std::fs::write(&expected_path, &actual).expect("expected file is writable");
            continue;
        }
        match std::fs::read_to_string(&expected_path) {
            Ok(expected) if expected == actual => {}
            Ok(_) => failures.push(format!("{name}: model differs from {name}.model.json")),
            Err(_) => failures.push(format!(
                "{name}: no {name}.model.json (run with FOLIO_BLESS=1)"
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n(rerun with FOLIO_BLESS=1 and review the diff)",
        failures.join("\n")
    );
}

/// No expected file may outlive its input.
#[test]
fn every_expected_file_has_an_input() {
    for entry in std::fs::read_dir(fixtures_dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if let Some(input) = name.strip_suffix(".model.json") {
            assert!(
                fixtures_dir().join(input).exists(),
                "{name} has no input {input}"
            );
        }
    }
}

/// The CRLF + BOM twin reads exactly like the LF original.
#[test]
fn crlf_and_bom_give_the_same_model() {
    let mut lf = model_value("sample.txt");
    let mut crlf = model_value("sample-crlf-bom.txt");
    // Only the names differ: the file name and the slug made from it.
    for doc in [&mut lf, &mut crlf] {
        doc["source_file"] = Value::Null;
        doc["slug"] = Value::Null;
        for d in doc["diagnostics"].as_array_mut().unwrap() {
            d["file"] = Value::Null;
        }
    }
    for key in lf.as_object().unwrap().keys() {
        assert!(
            lf[key] == crlf[key],
            "`{key}` differs between the LF and CRLF+BOM twins"
        );
    }
    assert_eq!(lf, crlf);
}

fn note(doc: &Value, number: u64) -> &Value {
    doc["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["number"] == number)
        .unwrap_or_else(|| panic!("note {number} exists"))
}

/// Issue 2 §7: the sample's ground truth.
#[test]
fn sample_ground_truth() {
    let doc = model_value("sample.txt");
    assert_eq!(doc["notes"].as_array().unwrap().len(), 13);
    let sources = doc["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 4);
    let source_of = |n: u64| note(&doc, n)["source"].as_str().map(str::to_string);
    let by_citation = |needle: &str| {
        sources
            .iter()
            .find(|s| s["citation"].as_str().unwrap().contains(needle))
            .map(|s| s["id"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("a source cites {needle}"))
    };
    let merat = by_citation("Merat");
    let intercept_2023 = by_citation("Amid ongoing Iran protests");
    let cole = by_citation("Cole");
    let masters = by_citation("Masters");
    for n in [1, 2, 5, 8, 12] {
        assert_eq!(source_of(n).as_deref(), Some(merat.as_str()), "note {n}");
    }
    assert_eq!(source_of(4).as_deref(), Some(intercept_2023.as_str()));
    for n in [6, 7, 13] {
        assert_eq!(source_of(n).as_deref(), Some(cole.as_str()), "note {n}");
    }
    for n in [9, 10, 11] {
        assert_eq!(source_of(n).as_deref(), Some(masters.as_str()), "note {n}");
    }
    assert_eq!(note(&doc, 3)["kind"], "empty");
    assert_eq!(source_of(3), None);
    assert_eq!(note(&doc, 2)["kind"], "ibid");
    assert_eq!(note(&doc, 13)["kind"], "short");
    let diagnostics = doc["diagnostics"].as_array().unwrap();
    assert!(
        diagnostics
            .iter()
            .any(|d| d["severity"] == "warning" && d["line"].as_u64() == Some(49)),
        "the empty entry (3) on line 49 is a warning"
    );
    // "(MEK)", "(IRI)" and the aside about Trump are not markers: 13 single citations.
    let markers = doc["markers"].as_array().unwrap();
    assert_eq!(markers.len(), 13);
    assert!(
        markers
            .iter()
            .all(|m| m["notes"].as_array().unwrap().len() == 1)
    );
}
