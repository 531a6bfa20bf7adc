//! What the series tests share: running the binary, listing a tree, and the validators
//! every produced edition passes (EPUBCheck and `qpdf --check`).

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[path = "../epub/epubcheck.rs"]
mod epubcheck;

/// Runs `folio ARGS` in `dir` with a fixed `SOURCE_DATE_EPOCH`.
pub fn folio(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .expect("folio runs")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A profile without warnings.
pub const CLEAN: &str = "The Kiln Guild\n\nThe Kiln Guild fired bricks for the invented city of Ostra.(1) \
     It sold them abroad.(2)\n\nWorks Cited\n\n(1) - Varga, E. (2001). Bricks of Ostra. Imagined Press.\n\
     (2) - Lind, M. (2010). Trade in Clay. Northern Books.\n";

/// A Markdown profile with front matter and a footnote.
pub const MARKDOWN: &str = "---\ntitle: The Glass Circle\nlang: en\n---\n\n\
     The circle blew glass in an invented harbour town.[^1]\n\n\
     [^1]: Orm, T. (1999). *Harbour Glass*. Imagined Press.\n";

/// Writes `files` (path, text) below `dir`.
pub fn write_tree(dir: &Path, files: &[(&str, &[u8])]) {
    for (name, bytes) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}

/// Every file below `dir`, relative, with its bytes.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path.strip_prefix(dir).unwrap().display().to_string();
                out.insert(name, std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

/// The names of [`tree`].
pub fn names(dir: &Path) -> Vec<String> {
    tree(dir).into_keys().collect()
}

/// The width of a PDF's first page, in points.
pub fn page_width(pdf: &[u8]) -> f32 {
    let doc = lopdf::Document::load_mem(pdf).expect("lopdf reads it");
    let page = *doc.get_pages().values().next().expect("a page");
    let dict = doc.get_dictionary(page).unwrap();
    let media = dict.get(b"MediaBox").unwrap().as_array().unwrap();
    media[2].as_float().unwrap() - media[0].as_float().unwrap()
}

/// EPUBCheck 5 reports no fatal error, error or warning on the file.
pub fn epubcheck(path: &Path) {
    epubcheck::epubcheck_file(path, &path.display().to_string());
}

/// `qpdf --check` finds no error in the file.
pub fn qpdf(path: &Path) {
    let output = Command::new("qpdf")
        .arg("--check")
        .arg(path)
        .output()
        .expect("run qpdf");
    let log = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && log.contains("No syntax or stream encoding errors"),
        "qpdf on {}: {log}",
        path.display()
    );
}

/// Every EPUB and PDF below `dir` passes its validator (run side by side: EPUBCheck
/// spends most of its time starting Java); returns how many were checked.
pub fn validate_all(dir: &Path) -> usize {
    let files: Vec<PathBuf> = names(dir)
        .into_iter()
        .filter(|n| n.ends_with(".epub") || n.ends_with(".pdf"))
        .map(|n| dir.join(n))
        .collect();
    std::thread::scope(|scope| {
        for path in &files {
            scope.spawn(move || {
                if path.extension().is_some_and(|e| e == "epub") {
                    epubcheck(path);
                } else {
                    qpdf(path);
                }
            });
        }
    });
    files.len()
}
