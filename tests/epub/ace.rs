//! Ace by DAISY (EPUB accessibility: axe-core in a browser on every content document,
//! plus package checks), run headless as `ace-puppeteer` in Debian's chromium, as
//! `scripts/install-validators` installs it.

use std::path::{Path, PathBuf};
use std::process::Command;

fn ace_puppeteer() -> PathBuf {
    let candidates = std::env::var_os("ACE_PUPPETEER")
        .map(PathBuf::from)
        .into_iter()
        .chain([PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join(".tools/ace/node_modules/.bin/ace-puppeteer")]);
    for ace in candidates {
        if ace.is_file() {
            return ace;
        }
    }
    panic!("Ace not found: run scripts/install-validators (or set ACE_PUPPETEER to ace-puppeteer)");
}

/// Ace's violations on an EPUB file, each as `impact rule (document)`.
pub fn ace_violations(path: &Path) -> Vec<String> {
    let out = tempfile::tempdir().expect("a folder for the report");
    let chromium =
        std::env::var_os("PUPPETEER_EXECUTABLE_PATH").unwrap_or_else(|| "/usr/bin/chromium".into());
    let output = Command::new(ace_puppeteer())
        .env("PUPPETEER_EXECUTABLE_PATH", chromium)
        .arg("--force")
        .arg("--outdir")
        .arg(out.path())
        .arg(path)
        .output()
        .expect("run ace-puppeteer (needs node and chromium)");
    let report = std::fs::read_to_string(out.path().join("report.json")).unwrap_or_else(|_| {
        panic!(
            "Ace wrote no report on {}: {}",
            path.display(),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let report: serde_json::Value = serde_json::from_str(&report).expect("Ace JSON report");
    let mut violations: Vec<String> = report["assertions"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|document| {
            let name = document["earl:testSubject"]["url"].to_string();
            let failed = document["assertions"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            failed
                .into_iter()
                .filter(|a| a["earl:result"]["earl:outcome"].as_str() != Some("pass"))
                .map(move |a| {
                    format!(
                        "{} {} ({name})",
                        a["earl:test"]["earl:impact"], a["earl:test"]["dct:title"]
                    )
                })
        })
        .collect();
    // a failure Ace reports on the whole publication and no document still counts
    if violations.is_empty() && report["earl:result"]["earl:outcome"].as_str() != Some("pass") {
        violations.push(format!("the publication fails: {}", report["earl:result"]));
    }
    violations
}
