//! `folio batch` as scripts use it: one broken file among good ones, `-j`, shards,
//! JSON records, and editions that pass EPUBCheck and qpdf.

#[path = "series/common.rs"]
mod common;

use std::path::Path;

use common::{CLEAN, MARKDOWN, folio, names, page_width, stderr, tree, write_tree};

/// Three good profiles in two folders; with `broken`, a Latin-1 file among them.
fn inputs(dir: &Path, broken: bool) {
    write_tree(
        dir,
        &[
            ("in/kiln.txt", CLEAN.as_bytes()),
            ("in/glass.md", MARKDOWN.as_bytes()),
            ("in/sub/kiln-two.txt", CLEAN.as_bytes()),
        ],
    );
    if broken {
        write_tree(
            dir,
            &[("in/sub/broken.txt", b"The Guild\n\nCaf\xe9 au lait.\n")],
        );
    }
}

#[test]
fn a_broken_file_stops_nothing_and_changes_nothing() {
    let with = tempfile::tempdir().unwrap();
    inputs(with.path(), true);
    let out = folio(&["batch", "in", "--out", "out"], with.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("3 converted, 0 with warnings, 1 failed"),
        "{err}"
    );
    assert!(
        err.contains("failed: in/sub/broken.txt: E-ENCODING"),
        "{err}"
    );
    assert!(
        err.contains("in/sub/broken.txt:3:4"),
        "the diagnostic names the place: {err}"
    );
    assert_eq!(
        names(&with.path().join("out")),
        [
            "glass.epub",
            "glass.pdf",
            "kiln.epub",
            "kiln.pdf",
            "sub/kiln-two.epub",
            "sub/kiln-two.pdf"
        ]
    );

    let without = tempfile::tempdir().unwrap();
    inputs(without.path(), false);
    let out = folio(&["batch", "in", "--out", "out"], without.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("3 converted, 0 with warnings, 0 failed"));
    assert_eq!(
        tree(&with.path().join("out")),
        tree(&without.path().join("out"))
    );
    assert_eq!(common::validate_all(&without.path().join("out")), 6);
    // Standard error is no terminal here: a plain line per input, in any order.
    let mut progress: Vec<_> = stderr_lines(&out.stderr)
        .into_iter()
        .filter(|l| l.starts_with('['))
        .collect();
    progress.sort_by_key(|l| l.split_once("] ").map(|(_, p)| p.to_string()));
    let expected = ["in/glass.md: converted", "in/kiln.txt: converted"];
    let third = "in/sub/kiln-two.txt: converted";
    assert_eq!(progress.len(), 3, "{progress:?}");
    for (line, tail) in progress.iter().zip(expected.iter().chain([&third])) {
        assert!(line.ends_with(&format!("/3] {tail}")), "{progress:?}");
    }
}

/// Runs `folio ARGS` in `dir` with standard error on a pseudo-terminal 100 columns
/// wide; returns what the terminal received and the exit code.
fn on_a_terminal(args: &[&str], dir: &Path) -> (String, Option<i32>) {
    use std::io::Read;
    use std::os::fd::{FromRawFd, OwnedFd};
    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize {
        ws_row: 40,
        ws_col: 100,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two new descriptors, owned below and closed once.
    let opened = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(opened, 0, "openpty");
    // SAFETY: both descriptors were just opened and are owned nowhere else.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    // The command holds the terminal's other end until it is dropped, so it lives in
    // this block only: then reading ends when folio exits.
    let mut child = {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_folio"));
        command
            .args(args)
            .current_dir(dir)
            .env("SOURCE_DATE_EPOCH", "1700000000")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::from(slave));
        command.spawn().expect("folio runs")
    };
    let mut terminal = std::fs::File::from(master);
    let mut seen = Vec::new();
    let mut buf = [0; 4096];
    // Linux reports EIO once the last writer closed the terminal.
    while let Ok(n @ 1..) = terminal.read(&mut buf) {
        seen.extend_from_slice(&buf[..n]);
    }
    let code = child.wait().expect("folio ends").code();
    (String::from_utf8_lossy(&seen).into_owned(), code)
}

#[test]
fn a_terminal_shows_a_bar_with_the_diagnostics_above_it() {
    let dir = tempfile::tempdir().unwrap();
    inputs(dir.path(), true);
    let (seen, code) = on_a_terminal(&["batch", "in", "--out", "out", "-j", "1"], dir.path());
    assert_eq!(code, Some(1), "{seen}");
    assert!(
        seen.contains("/4 files") && seen.contains(" elapsed, about "),
        "no bar: {seen:?}"
    );
    assert!(
        !seen.contains("] in/kiln.txt: converted"),
        "plain lines: {seen:?}"
    );
    // The diagnostic starts on a cleared line and nothing of the bar cuts into it.
    let start = seen.find("error[E-ENCODING]").expect("the diagnostic");
    assert!(
        seen[..start].ends_with("\x1b[2K") || seen[..start].ends_with('\n'),
        "{seen:?}"
    );
    let end = seen
        .find("= hint: the file looks like Latin-1")
        .expect("its hint");
    let block = &seen[start..end];
    assert!(
        !block.contains("files") && !block.contains('\x1b'),
        "torn: {block:?}"
    );
    assert!(
        seen.contains("failed: in/sub/broken.txt: E-ENCODING")
            && seen.contains("3 converted, 0 with warnings, 1 failed"),
        "{seen:?}"
    );
}

#[test]
fn jobs_shards_and_argument_order_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    inputs(dir.path(), true);
    let run = |out: &str, extra: &[&str]| {
        let mut args = vec!["batch", "in", "--out", out];
        args.extend_from_slice(extra);
        folio(&args, dir.path()).status.code()
    };
    assert_eq!(run("one", &["-j", "1"]), Some(1));
    assert_eq!(run("two", &["-j", "2"]), Some(1));
    // Sorted: glass.md, kiln.txt, sub/broken.txt, sub/kiln-two.txt; shard 3/3 holds broken.
    let codes: Vec<_> = ["1/3", "2/3", "3/3"]
        .iter()
        .map(|k| run("sharded", &["--shard", k]))
        .collect();
    assert_eq!(codes, [Some(0), Some(0), Some(1)]);
    let reordered = folio(
        &[
            "batch",
            "in/sub",
            "in/kiln.txt",
            "in/glass.md",
            "--out",
            "reordered/sub",
        ],
        dir.path(),
    );
    assert_eq!(reordered.status.code(), Some(1));
    let one = tree(&dir.path().join("one"));
    assert_eq!(one.len(), 6);
    assert_eq!(one, tree(&dir.path().join("two")));
    assert_eq!(one, tree(&dir.path().join("sharded")));
    // Files given one by one land at the top of --out, a directory's files below it.
    let moved: Vec<_> = tree(&dir.path().join("reordered/sub"))
        .into_values()
        .collect();
    let mut expected: Vec<_> = one.values().cloned().collect();
    let mut moved_sorted = moved.clone();
    expected.sort();
    moved_sorted.sort();
    assert_eq!(moved_sorted, expected);
}

#[test]
fn a_shard_converts_its_slice_only() {
    let dir = tempfile::tempdir().unwrap();
    inputs(dir.path(), false);
    let out = folio(
        &[
            "batch", "in", "--out", "out", "--shard", "2/3", "--format", "epub",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Sorted inputs: in/glass.md, in/kiln.txt, in/sub/kiln-two.txt; the second is shard 2's.
    assert_eq!(names(&dir.path().join("out")), ["kiln.epub"]);
    for bad in ["0/3", "4/3", "x"] {
        let out = folio(&["batch", "in", "--out", "out", "--shard", bad], dir.path());
        assert_eq!(out.status.code(), Some(2), "--shard {bad}");
    }
}

#[test]
fn json_records_one_per_input() {
    let dir = tempfile::tempdir().unwrap();
    inputs(dir.path(), true);
    let out = folio(
        &[
            "batch", "in", "--out", "out", "--format", "pdf,json", "--quiet",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let mut records: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON record per line"))
        .collect();
    records.sort_by_key(|r| r["path"].as_str().unwrap().to_string());
    let paths: Vec<_> = records
        .iter()
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "in/glass.md",
            "in/kiln.txt",
            "in/sub/broken.txt",
            "in/sub/kiln-two.txt"
        ]
    );
    let kiln = &records[1];
    assert_eq!(kiln["status"], "converted");
    assert_eq!(kiln["outputs"], serde_json::json!(["out/kiln.pdf"]));
    assert_eq!(kiln["notes"], 2);
    assert_eq!(kiln["sources"], 2);
    assert!(kiln["time_ms"].is_number());
    let broken = &records[2];
    assert_eq!(broken["status"], "failed");
    assert_eq!(broken["errors"], 1);
    assert_eq!(broken["outputs"], serde_json::json!([]));
    assert_eq!(broken["diagnostics"][0]["code"], "E-ENCODING");
    assert_eq!(broken["diagnostics"][0]["line"], 3);
    // Quiet: no progress lines, the failure and the summary only.
    let err = stderr_lines(&out.stderr);
    assert!(err.iter().all(|l| !l.starts_with('[')), "{err:?}");
    assert!(err.last().unwrap().starts_with("3 converted"), "{err:?}");
    assert_eq!(
        names(&dir.path().join("out")),
        ["glass.pdf", "kiln.pdf", "sub/kiln-two.pdf"]
    );
}

fn stderr_lines(bytes: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn clashing_names_and_missing_inputs_fail_alone() {
    let dir = tempfile::tempdir().unwrap();
    write_tree(
        dir.path(),
        &[
            ("in/kiln.txt", CLEAN.as_bytes()),
            ("in/kiln.md", MARKDOWN.as_bytes()),
        ],
    );
    let out = folio(
        &[
            "batch",
            "in",
            "nowhere.md",
            "--out",
            "out",
            "--format",
            "epub",
        ],
        dir.path(),
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("failed: in/kiln.txt: E-BATCH-CLASH"), "{err}");
    assert!(err.contains("failed: nowhere.md: E-IO"), "{err}");
    assert!(
        err.contains("1 converted, 0 with warnings, 2 failed"),
        "{err}"
    );
    assert_eq!(names(&dir.path().join("out")), ["kiln.epub"]);
}

#[test]
fn warnings_fail_the_run_only_when_denied() {
    let dir = tempfile::tempdir().unwrap();
    let warned = "---\ntitle: The Kiln Guild\ncolour: red\n---\n\nThe guild fired bricks.\n";
    write_tree(dir.path(), &[("in/warn.md", warned.as_bytes())]);
    let out = folio(
        &["batch", "in", "--out", "out", "--format", "epub"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("1 converted, 1 with warnings, 0 failed"));
    let out = folio(
        &[
            "batch",
            "in",
            "--out",
            "out",
            "--format",
            "epub",
            "--deny-warnings",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        dir.path().join("out/warn.epub").exists(),
        "warnings never stop a file"
    );
}

/// The whole interface scripts depend on, every option at once: the paper reaches
/// every PDF, and only the formats named are written.
#[test]
fn every_option_of_the_interface_at_once() {
    let dir = tempfile::tempdir().unwrap();
    inputs(dir.path(), false);
    let args = [
        "batch", "in", "--out", "a5", "--format", "epub,pdf", "--paper", "a5", "-j", "2",
        "--shard", "1/1",
    ];
    let out = folio(&args, dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let a5 = tree(&dir.path().join("a5"));
    assert_eq!(a5.len(), 6, "{:?}", a5.keys());
    for (name, bytes) in a5.iter().filter(|(n, _)| n.ends_with(".pdf")) {
        assert_eq!(page_width(bytes).round(), 420.0, "{name} is not A5");
    }
    assert_eq!(common::validate_all(&dir.path().join("a5")), 6);
    let out = folio(
        &[
            "batch", "in", "--out", "us", "--format", "pdf", "--paper", "letter",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let us = tree(&dir.path().join("us"));
    assert_eq!(us.len(), 3, "{:?}", us.keys());
    for (name, bytes) in &us {
        assert_eq!(page_width(bytes).round(), 612.0, "{name} is not Letter");
    }
}

/// A warning only typesetting finds (a character no bundled font has) passes `check`,
/// yet fails `batch` and `build` under `--deny-warnings`, and is in the JSON records.
#[test]
fn layout_warnings_fail_a_denied_batch_and_build() {
    let dir = tempfile::tempdir().unwrap();
    let glyph = CLEAN.replace("fired bricks", "fired bricks (\u{20BB7})");
    write_tree(
        dir.path(),
        &[
            ("in/kiln.txt", glyph.as_bytes()),
            ("in/book.toml", b"title = \"Kilns\"\n"),
        ],
    );
    let check = folio(&["check", "in/kiln.txt", "--deny-warnings"], dir.path());
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let args = ["batch", "in/kiln.txt", "--out", "out", "--deny-warnings"];
    let out = folio(&[&args[..], &["--format", "json"]].concat(), dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let record: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(record["status"], "warnings");
    assert_eq!(
        record["diagnostics"][0]["code"], "W-MISSING-GLYPH",
        "{record}"
    );
    assert_eq!(record["outputs"].as_array().unwrap().len(), 2);
    // Without the PDF there is nothing to set, so nothing to warn about.
    let epub_only = folio(&[&args[..], &["--format", "epub"]].concat(), dir.path());
    assert_eq!(epub_only.status.code(), Some(0), "{}", stderr(&epub_only));
    let build = folio(&["build", "in", "--deny-warnings"], dir.path());
    assert_eq!(build.status.code(), Some(1), "{}", stderr(&build));
    assert!(
        stderr(&build).contains("W-MISSING-GLYPH"),
        "{}",
        stderr(&build)
    );
    let build = folio(&["build", "in"], dir.path());
    assert_eq!(build.status.code(), Some(0), "{}", stderr(&build));
}
