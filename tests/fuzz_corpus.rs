//! The fuzz corpus as a regression test (issue 10, "Fuzzing that stays"): every input
//! kept in `fuzz/corpus/<target>/` and every crash kept in `fuzz/regressions/<target>/`
//! goes through the same check as its `cargo fuzz` target (`fuzz/checks.rs`), on stable
//! Rust, so a crash once found stays fixed without nightly or libFuzzer in CI.

use std::path::{Path, PathBuf};

#[path = "../fuzz/checks.rs"]
mod checks;

/// A fuzz target's name and its check.
type Target = (&'static str, fn(&[u8]));

const TARGETS: [Target; 5] = [
    ("read_text", checks::read_text),
    ("read_markdown", checks::read_markdown),
    ("works_cited", checks::works_cited),
    ("image", checks::image),
    ("pipeline", checks::pipeline),
];

/// The files under `fuzz/<kind>/<target>/`, sorted.
fn inputs(kind: &str, target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(kind)
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.is_file());
    files.sort();
    files
}

fn replay(kind: &str) -> usize {
    let mut replayed = 0;
    for (target, check) in TARGETS {
        for input in inputs(kind, target) {
            let bytes = std::fs::read(&input).unwrap();
            let outcome = std::panic::catch_unwind(|| check(&bytes));
            assert!(outcome.is_ok(), "{target} fails on {}", input.display());
            replayed += 1;
        }
    }
    replayed
}

#[test]
fn the_corpus_and_every_crash_found_pass_every_target_check() {
    for (target, _) in TARGETS {
        assert!(
            !inputs("corpus", target).is_empty(),
            "no corpus for {target}"
        );
    }
    let replayed = replay("corpus") + replay("regressions");
    assert!(replayed >= 40, "only {replayed} inputs");
}
