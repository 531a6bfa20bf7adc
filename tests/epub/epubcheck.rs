//! EPUBCheck 5 for the tests that write EPUBs (`tests/epub.rs`, `tests/hostile.rs`,
//! the series tests).

use std::path::PathBuf;
use std::process::Command;

pub fn epubcheck_jar() -> PathBuf {
    let candidates = std::env::var_os("EPUBCHECK_JAR")
        .map(PathBuf::from)
        .into_iter()
        .chain([
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".tools/py/epubcheck/epubcheck.jar")
        ]);
    for jar in candidates {
        if jar.is_file() {
            return jar;
        }
    }
    panic!(
        "EPUBCheck not found: run scripts/install-validators (or set EPUBCHECK_JAR to epubcheck.jar)"
    );
}

/// Runs EPUBCheck 5 on EPUB bytes and fails on any fatal error, error or warning.
pub fn epubcheck(bytes: &[u8], name: &str) {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}.epub"));
    std::fs::write(&path, bytes).expect("write the EPUB");
    epubcheck_file(&path, name);
}

/// Runs EPUBCheck 5 on an EPUB file and fails on any fatal error, error or warning.
pub fn epubcheck_file(path: &std::path::Path, name: &str) {
    let jar = epubcheck_jar();
    let output = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .arg("--json")
        .arg("-")
        .arg(path)
        .output()
        .expect("run java (EPUBCheck needs a JRE)");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let json_start = stdout.find('{').unwrap_or_else(|| {
        panic!(
            "EPUBCheck printed no report for {name}: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let report: serde_json::Value =
        serde_json::from_str(&stdout[json_start..]).expect("EPUBCheck JSON report");
    let problems: Vec<String> = report["messages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|m| matches!(m["severity"].as_str(), Some("FATAL" | "ERROR" | "WARNING")))
        .map(|m| {
            let at = &m["locations"][0];
            format!(
                "{} {} {} ({}:{}:{})",
                m["severity"], m["ID"], m["message"], at["path"], at["line"], at["column"]
            )
        })
        .collect();
    assert!(
        problems.is_empty(),
        "EPUBCheck on {name}:\n{}",
        problems.join("\n")
    );
    assert!(output.status.success(), "EPUBCheck failed on {name}");
}
