//! The library's dependency boundary: clap belongs to the binary (`src/main.rs` and
//! `src/cli/`), so that embedding folio does not pull in a command-line parser.

use std::path::{Path, PathBuf};

fn library_sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).expect("src/ is readable");
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.ends_with("src/cli") || path.ends_with("src/main.rs") {
            continue;
        }
        if path.is_dir() {
            library_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn library_does_not_use_clap() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    library_sources(&root, &mut files);
    assert!(files.iter().any(|f| f.ends_with("src/config.rs")));
    let offenders: Vec<_> = files
        .iter()
        .filter(|f| {
            std::fs::read_to_string(f)
                .expect("source is UTF-8")
                .contains("clap")
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "clap used in the library: {offenders:?}"
    );
}
