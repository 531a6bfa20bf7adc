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

/// Runs EPUBCheck 5 on EPUB bytes and fails on any fatal error, error, warning or use
/// of deprecated markup.
pub fn epubcheck(bytes: &[u8], name: &str) {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}.epub"));
    std::fs::write(&path, bytes).expect("write the EPUB");
    epubcheck_file(&path, name);
}

/// Runs EPUBCheck 5 on an EPUB file and fails on any fatal error, error, warning or use
/// of deprecated markup (a USAGE message of `-u`, such as OPF-086b for an epub:type).
pub fn epubcheck_file(path: &std::path::Path, name: &str) {
    let (report, success) = run(path, &["-u"]);
    let mut problems = messages(&report, &["FATAL", "ERROR", "WARNING"]);
    problems.extend(
        messages(&report, &["USAGE"])
            .into_iter()
            .filter(|m| m.contains("deprecated")),
    );
    assert!(
        problems.is_empty(),
        "EPUBCheck on {name}:\n{}",
        problems.join("\n")
    );
    assert!(success, "EPUBCheck failed on {name}");
}

/// EPUBCheck's USAGE messages (`-u`: best-practice notes, deprecated markup among
/// them) for an EPUB file, one per place.
#[allow(dead_code)]
pub fn epubcheck_usage(path: &std::path::Path) -> Vec<String> {
    messages(&run(path, &["-u"]).0, &["USAGE"])
}

/// EPUBCheck's JSON report on a file, and whether it exited with success.
fn run(path: &std::path::Path, extra: &[&str]) -> (serde_json::Value, bool) {
    let output = Command::new("java")
        .arg("-jar")
        .arg(epubcheck_jar())
        .args(extra)
        .arg("--json")
        .arg("-")
        .arg(path)
        .output()
        .expect("run java (EPUBCheck needs a JRE)");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let json = stdout.find('{').and_then(|at| stdout.get(at..));
    let json = json.unwrap_or_else(|| {
        panic!(
            "EPUBCheck printed no report for {}: {}",
            path.display(),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let report = serde_json::from_str(json).expect("EPUBCheck JSON report");
    (report, output.status.success())
}

/// The report's messages of these severities, one per place they were found.
fn messages(report: &serde_json::Value, severities: &[&str]) -> Vec<String> {
    report["messages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|m| {
            m["severity"]
                .as_str()
                .is_some_and(|s| severities.contains(&s))
        })
        .flat_map(|m| {
            // a message with no place still counts, once
            let mut places = m["locations"].as_array().cloned().unwrap_or_default();
            if places.is_empty() {
                places.push(serde_json::Value::Null);
            }
            places.into_iter().map(move |at| {
                format!(
                    "{} {} {} ({}:{}:{})",
                    m["severity"], m["ID"], m["message"], at["path"], at["line"], at["column"]
                )
            })
        })
        .collect()
}
