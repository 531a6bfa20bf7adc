//! Hostile input and faults (issue 10): paths out of the profile's folder, unsafe link
//! schemes, SVG with scripts or entities, images that lie about their size or are
//! corrupt, special files, and outputs left behind after a failure. Each test runs the
//! `folio` binary as a user would.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

#[path = "epub/epubcheck.rs"]
mod epubcheck;

/// Runs folio in `dir`; a run still going after a minute is killed and fails the test,
/// so a hang shows as a failure rather than a stuck suite.
fn folio(args: &[&str], dir: &Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("folio runs");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("folio {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// A profile whose line 5 shows `src`.
fn profile_with_image(src: &str) -> String {
    format!("# The Kiln Guild\n\nThe guild fired bricks.\n\n![A kiln]({src})\n")
}

/// A PNG of `w`×`h` grey pixels, encoded by the `png` crate.
fn png(w: u32, h: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w, h);
    encoder.set_color(png::ColorType::Grayscale);
    let mut writer = encoder.write_header().unwrap();
    writer
        .write_image_data(&vec![128u8; (w * h) as usize])
        .unwrap();
    writer.finish().unwrap();
    out
}

/// A PNG chunk with its CRC, so a header can claim any size.
fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in kind.iter().chain(data) {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    let mut out = (data.len() as u32).to_be_bytes().to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    out.extend_from_slice(&(!crc).to_be_bytes());
    out
}

/// A tiny PNG whose header claims `w`×`h` RGB pixels and whose data is `idat`.
fn lying_png(w: u32, h: u32, idat: &[u8]) -> Vec<u8> {
    let mut ihdr = w.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend(chunk(b"IHDR", &ihdr));
    out.extend(chunk(b"IDAT", idat));
    out.extend(chunk(b"IEND", &[]));
    out
}

/// The names of the files in an EPUB.
fn epub_names(path: &Path) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap();
    let zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    zip.file_names()
        .filter_map(Result::ok)
        .map(|n| n.into_owned())
        .collect()
}

/// Every file of an EPUB whose name contains `part`, as text.
fn epub_files(path: &Path, part: &str) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let names: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| n.contains(part))
        .map(|n| n.into_owned())
        .collect();
    names
        .iter()
        .map(|n| {
            let mut text = String::new();
            zip.by_name(n).unwrap().read_to_string(&mut text).unwrap();
            text
        })
        .collect()
}

fn images_in(path: &Path) -> Vec<String> {
    epub_names(path)
        .into_iter()
        .filter(|n| n.starts_with("OEBPS/images/") && !n.contains("cover"))
        .collect()
}

#[path = "hostile/files.rs"]
mod files;

#[path = "hostile/content.rs"]
mod content;

#[path = "hostile/cases.rs"]
mod cases;

#[path = "hostile/suite.rs"]
mod suite;
