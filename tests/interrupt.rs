//! Issue 10 item 10: Ctrl-C or a kill while `folio build` is writing leaves no temporary
//! file and no edition behind, through the real binary and its real signal handler.
//!
//! `build` stages each edition in a `.folio-XXXX.tmp` beside its target as soon as it
//! is made, and renames them all only when the last is made, so the EPUB's temporary
//! file waits while the PDF of a long profile is still being composed: the window in
//! which the signal is sent. (`convert` holds a temporary file only while it copies
//! finished bytes to disk, too short a window to aim a signal at.)

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// How long the first temporary file may take to appear on a loaded machine.
const APPEAR: Duration = Duration::from_secs(600);
/// How long the interrupted process may take to exit.
const EXIT: Duration = Duration::from_secs(120);

/// A profile of about `paragraphs` × 700 bytes, each paragraph citing one of 50 works.
fn profile(paragraphs: usize) -> String {
    let sentence = "The guild of kiln makers in the invented city of Ostra fired bricks and \
         tiles for the harbour walls, and its records tell of long winters and short summers. ";
    let mut text = String::from("The Kiln Guild\n\n");
    for i in 0..paragraphs {
        text.push_str(&sentence.repeat(4));
        text.push_str(&format!("It sold them abroad.({})\n\n", i % 50 + 1));
    }
    text.push_str("Works Cited\n\n");
    for k in 1..=50 {
        text.push_str(&format!(
            "({k}) - Varga, E. ({}). Bricks of Ostra, volume {k}. Imagined Press.\n",
            1950 + k
        ));
    }
    text
}

/// A series of one long profile in `dir/book`, built into `dir/out`.
fn start(dir: &Path, paragraphs: usize) -> Child {
    let book = dir.join("book");
    std::fs::create_dir_all(&book).unwrap();
    std::fs::write(book.join("01-kiln.txt"), profile(paragraphs)).unwrap();
    std::fs::write(
        book.join("book.toml"),
        "title = \"Kilns\"\nauthor = \"A. Potter\"\nlang = \"en\"\nprofiles = [\"01-kiln.txt\"]\n",
    )
    .unwrap();
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["build", "book"])
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("folio runs")
}

/// The files in `dir` (none if it does not exist yet).
fn entries(dir: &Path) -> Vec<PathBuf> {
    let Ok(read) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<PathBuf> = read.map(|e| e.unwrap().path()).collect();
    names.sort();
    names
}

/// Waits for `child` to exit, killing it if it outlives `limit`.
fn wait(child: &mut Child, limit: Duration) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("folio did not exit within {limit:?} of the signal");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// What one attempt saw: `None` when the build ended before the signal could reach it
/// while a temporary file waited (then a longer profile is tried).
struct Interrupted {
    temps: Vec<PathBuf>,
    status: ExitStatus,
    left: Vec<PathBuf>,
}

fn interrupt(signal: &str, paragraphs: usize) -> Option<Interrupted> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let mut child = start(dir.path(), paragraphs);
    let started = Instant::now();
    // Before the first rename nothing but temporary files is in out/.
    let temps = loop {
        let found = entries(&out);
        if !found.is_empty() {
            break found;
        }
        if child.try_wait().unwrap().is_some() {
            return None;
        }
        assert!(
            started.elapsed() < APPEAR,
            "no temporary file within {APPEAR:?}"
        );
        std::thread::sleep(Duration::from_millis(5));
    };
    let pid = child.id().to_string();
    let sent = Command::new("kill").args([signal, &pid]).status().unwrap();
    assert!(sent.success(), "kill {signal} {pid}");
    let status = wait(&mut child, EXIT);
    if status.success() {
        // Every edition was renamed before the signal landed: nothing was tested.
        return None;
    }
    let left = entries(&out);
    Some(Interrupted {
        temps,
        status,
        left,
    })
}

fn check(signal: &str) {
    // About 1.4 MB: the EPUB waits some seconds for the PDF in a debug build.
    let mut paragraphs = 2_000;
    for _ in 0..4 {
        let Some(seen) = interrupt(signal, paragraphs) else {
            paragraphs *= 2;
            continue;
        };
        for temp in &seen.temps {
            let name = temp.file_name().unwrap().to_string_lossy();
            assert!(
                name.starts_with(".folio-") && name.ends_with(".tmp"),
                "{signal}: a temporary file a user would not recognise: {name}"
            );
        }
        assert!(
            seen.left.is_empty(),
            "{signal}: left in out/ after the signal: {:?}",
            seen.left
        );
        assert_eq!(seen.status.code(), Some(130), "{signal}: {:?}", seen.status);
        return;
    }
    panic!(
        "{signal}: even {} paragraphs were built before the signal reached folio",
        paragraphs / 2
    );
}

#[test]
fn ctrl_c_during_a_build_leaves_nothing_behind() {
    check("-INT");
}

#[test]
fn a_kill_during_a_build_leaves_nothing_behind() {
    check("-TERM");
}
