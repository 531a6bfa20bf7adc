//! Last stage: the OCF zip container, reproducible by construction — `mimetype` first
//! and stored, entries in the order given, every timestamp the book's modification
//! date (clamped to the zip range), Unix attributes fixed whatever the host.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, System, ZipWriter};

use super::EpubError;
use super::escape::civil;

/// A file of the container, path relative to its root.
#[derive(Debug)]
pub struct File {
    /// Path inside the zip, such as `OEBPS/package.opf`.
    pub path: String,
    /// Contents.
    pub bytes: Vec<u8>,
    /// Deflate it (already-compressed images are stored).
    pub compress: bool,
}

/// Zips the files after the `mimetype` entry.
pub fn write_zip(files: &[File], modified: i64) -> Result<Vec<u8>, EpubError> {
    let err = |e: zip::result::ZipError| EpubError::Zip(e.to_string());
    let (y, mo, d, h, mi, s) = civil(modified);
    let time = if y < 1980 {
        DateTime::default()
    } else {
        let y = u16::try_from(y.min(2107)).unwrap_or(2107);
        DateTime::from_date_and_time(y, mo as u8, d as u8, h as u8, mi as u8, s as u8)
            .unwrap_or_default()
    };
    let stored = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(time)
        .system(System::Unix)
        .unix_permissions(0o644);
    let deflated = stored.compression_method(CompressionMethod::Deflated);

    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("mimetype", stored).map_err(err)?;
    zip.write_all(b"application/epub+zip")
        .map_err(|e| EpubError::Zip(e.to_string()))?;
    for file in files {
        let options = if file.compress { deflated } else { stored };
        zip.start_file(file.path.as_str(), options).map_err(err)?;
        zip.write_all(&file.bytes)
            .map_err(|e| EpubError::Zip(e.to_string()))?;
    }
    Ok(zip.finish().map_err(err)?.into_inner())
}
