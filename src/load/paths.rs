//! Which files folio reads, and how: a path a document or `book.toml` names must lie
//! inside its own folder once symlinks are followed (unless the user allowed another
//! folder), and only regular files no larger than a cap are read, so a FIFO cannot
//! hang a build and `/dev/zero` cannot exhaust memory.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
use crate::model::Span;

/// Largest file read by default: 256 MiB.
pub const MAX_FILE_BYTES: u64 = 256 << 20;

/// Largest raster image by default, in pixels (width × height): 50 megapixels.
pub const MAX_IMAGE_PIXELS: u64 = 50_000_000;

/// What folio may read and how much.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Access {
    /// Folders (or files) outside a profile's or book's own folder that may be read
    /// all the same: `--allow-outside` and `allow-outside` in `book.toml`.
    pub allow_outside: Vec<PathBuf>,
    /// Largest file read, in bytes.
    pub max_file_bytes: u64,
    /// Largest raster image, in pixels; larger ones are refused from their header.
    pub max_image_pixels: u64,
}

impl Default for Access {
    fn default() -> Self {
        Access {
            allow_outside: Vec::new(),
            max_file_bytes: MAX_FILE_BYTES,
            max_image_pixels: MAX_IMAGE_PIXELS,
        }
    }
}

/// Why a file was not read.
#[derive(Debug)]
pub enum Refusal {
    /// The path leads (perhaps through a symlink) out of the allowed folders.
    Outside(PathBuf),
    /// A directory, FIFO, device or socket.
    NotAFile(&'static str),
    /// Over the size cap.
    TooLarge(u64),
    /// The system refused (missing, no permission…).
    Io(std::io::Error),
}

impl Refusal {
    /// Whether the file simply is not there.
    pub fn is_missing(&self) -> bool {
        matches!(self, Refusal::Io(err) if err.kind() == std::io::ErrorKind::NotFound)
    }

    /// Why, in a diagnostic's words.
    pub fn reason(&self) -> String {
        match self {
            Refusal::Outside(real) => format!(
                "it leads outside the allowed folders (to {})",
                real.display()
            ),
            Refusal::NotAFile(kind) => format!("it is a {kind}, not a regular file"),
            Refusal::TooLarge(cap) => format!("it is larger than {} MiB", cap >> 20),
            Refusal::Io(err) => lower(err),
        }
    }

    /// The error for a file the user or `book.toml` named: `E-PATH-OUTSIDE`,
    /// `E-NOT-A-FILE`, `E-FILE-TOO-LARGE` or `E-IO`.
    pub fn error(&self, file: &str, span: Span, what: &str) -> Diagnostic {
        let code = match self {
            Refusal::Outside(_) => "E-PATH-OUTSIDE",
            Refusal::NotAFile(_) => "E-NOT-A-FILE",
            Refusal::TooLarge(_) => "E-FILE-TOO-LARGE",
            Refusal::Io(_) => "E-IO",
        };
        let diagnostic = Diagnostic::error(
            code,
            file,
            span,
            format!("cannot read {what}: {}", self.reason()),
        );
        match self {
            Refusal::Outside(_) => diagnostic.with_hint(OUTSIDE_HINT),
            _ => diagnostic,
        }
    }
}

/// How to read a file outside the folder on purpose.
pub const OUTSIDE_HINT: &str = "keep files beside the profile or book.toml, or allow a folder with `--allow-outside PATH` (or `allow-outside` in book.toml)";

/// The path `relative` names from `base`, symlinks followed, if it lies inside one of
/// `roots` or of the allowed folders; relative allowed folders are taken from `base`'s
/// point of view only when already absolute, so callers pass absolute ones.
pub fn resolve_inside(
    base: &Path,
    relative: &Path,
    roots: &[&Path],
    access: &Access,
) -> Result<PathBuf, Refusal> {
    let real = fs::canonicalize(base.join(relative)).map_err(Refusal::Io)?;
    let inside = |root: &Path| {
        fs::canonicalize(root)
            .map(|root| real.starts_with(root))
            .unwrap_or(false)
    };
    let allowed = roots.iter().any(|root| inside(root))
        || access.allow_outside.iter().any(|root| inside(root));
    if allowed {
        Ok(real)
    } else {
        Err(Refusal::Outside(real))
    }
}

/// Reads a regular file of at most `cap` bytes. The type is checked before opening
/// (opening a FIFO would block) and again on the open file.
pub fn read_regular(path: &Path, cap: u64) -> Result<Vec<u8>, Refusal> {
    let kind = |meta: &fs::Metadata| -> Result<(), Refusal> {
        let kind = file_kind(meta);
        if kind != "file" {
            return Err(Refusal::NotAFile(kind));
        }
        if meta.len() > cap {
            return Err(Refusal::TooLarge(cap));
        }
        Ok(())
    };
    kind(&fs::metadata(path).map_err(Refusal::Io)?)?;
    let file = fs::File::open(path).map_err(Refusal::Io)?;
    kind(&file.metadata().map_err(Refusal::Io)?)?;
    let mut bytes = Vec::new();
    // The size can still grow after the check; never read past the cap.
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(Refusal::Io)?;
    if bytes.len() as u64 > cap {
        return Err(Refusal::TooLarge(cap));
    }
    Ok(bytes)
}

fn file_kind(meta: &fs::Metadata) -> &'static str {
    let kind = meta.file_type();
    if kind.is_file() {
        return "file";
    }
    if kind.is_dir() {
        return "directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "FIFO";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "device";
        }
        if kind.is_socket() {
            return "socket";
        }
    }
    "special file"
}

/// An io::Error's message, lowercased at the start to match diagnostic style.
pub fn lower(err: &std::io::Error) -> String {
    let text = err.to_string();
    let text = text.split(" (os error").next().unwrap_or(&text).to_string();
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_outside_and_allowed() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("p");
        fs::create_dir_all(&dir).unwrap();
        fs::write(root.path().join("x"), b"x").unwrap();
        fs::write(dir.join("y"), b"y").unwrap();
        let access = Access::default();
        assert!(resolve_inside(&dir, Path::new("y"), &[&dir], &access).is_ok());
        let out = resolve_inside(&dir, Path::new("../x"), &[&dir], &access);
        assert!(matches!(out, Err(Refusal::Outside(_))), "{out:?}");
        let access = Access {
            allow_outside: vec![root.path().to_path_buf()],
            ..Access::default()
        };
        assert!(resolve_inside(&dir, Path::new("../x"), &[&dir], &access).is_ok());
    }

    #[test]
    fn only_regular_files_under_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        fs::write(&path, b"12345").unwrap();
        assert_eq!(read_regular(&path, 5).unwrap(), b"12345");
        assert!(matches!(read_regular(&path, 4), Err(Refusal::TooLarge(4))));
        assert!(matches!(
            read_regular(dir.path(), 100),
            Err(Refusal::NotAFile("directory"))
        ));
        #[cfg(unix)]
        assert!(matches!(
            read_regular(Path::new("/dev/zero"), 100),
            Err(Refusal::NotAFile("device"))
        ));
    }
}
