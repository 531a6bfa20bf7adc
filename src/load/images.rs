//! The image rules: what an image must be before it is packaged. Its kind comes from
//! its signature (or `.svg`); a raster's size is read from its header and refused over
//! the pixel budget before anything is decoded; then it is decoded once, with limits,
//! so a corrupt or empty image never reaches an edition. SVG is parsed and cleaned.

use std::io::Cursor;

use super::svg;

/// An image that passed: the bytes to package (an SVG as cleaned) and what cleaning
/// removed, if anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// The bytes to package.
    pub bytes: Vec<u8>,
    /// What was removed from an SVG (scripts, event attributes, outside references).
    pub removed: Vec<String>,
}

/// Checks an image named `name` (for its extension), refusing rasters over
/// `max_pixels`. The error is the reason, in a diagnostic's words.
pub fn check(name: &str, bytes: Vec<u8>, max_pixels: u64) -> Result<Checked, String> {
    let raster = |bytes: Vec<u8>| Checked {
        bytes,
        removed: Vec::new(),
    };
    let decoded = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        budget(&bytes, max_pixels).and_then(|()| png(&bytes, max_pixels))
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        budget(&bytes, max_pixels).and_then(|()| jpeg(&bytes))
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        budget(&bytes, max_pixels).and_then(|()| gif(&bytes, max_pixels))
    } else if bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        budget(&bytes, max_pixels).and_then(|()| webp(&bytes))
    } else if name.to_ascii_lowercase().ends_with(".svg") {
        let (bytes, removed) = svg::clean(&bytes)?;
        return Ok(Checked { bytes, removed });
    } else {
        return Err("it is not a PNG, JPEG, GIF, WebP or SVG image".to_string());
    };
    decoded.map(|()| raster(bytes))
}

/// The size from the header alone: no pixels, or more than the budget, is refused.
fn budget(bytes: &[u8], max_pixels: u64) -> Result<(), String> {
    let size = imagesize::blob_size(bytes).map_err(|_| "its header cannot be read".to_string())?;
    let (w, h) = (size.width as u64, size.height as u64);
    if w == 0 || h == 0 {
        return Err(format!("it has no pixels ({w}×{h})"));
    }
    if w.saturating_mul(h) > max_pixels {
        return Err(format!(
            "{w}×{h} pixels is over the budget of {max_pixels} (raise it with --max-image-pixels)"
        ));
    }
    Ok(())
}

fn corrupt(err: impl std::fmt::Display) -> String {
    format!(
        "it is corrupt ({})",
        err.to_string().to_lowercase().trim_end_matches('.')
    )
}

/// Decodes row by row, so memory stays one row whatever the size.
fn png(bytes: &[u8], max_pixels: u64) -> Result<(), String> {
    let limits = png::Limits {
        bytes: usize::try_from(max_pixels.saturating_mul(8)).unwrap_or(usize::MAX),
    };
    let mut decoder = png::Decoder::new_with_limits(Cursor::new(bytes), limits);
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().map_err(corrupt)?;
    while reader.next_row().map_err(corrupt)?.is_some() {}
    reader.finish().map_err(corrupt)
}

fn jpeg(bytes: &[u8]) -> Result<(), String> {
    let options = zune_core::options::DecoderOptions::default().set_strict_mode(true);
    let mut decoder = zune_jpeg::JpegDecoder::new_with_options(Cursor::new(bytes), options);
    decoder.decode().map(drop).map_err(corrupt)
}

/// Every frame, stopping when all frames together pass four times the budget.
fn gif(bytes: &[u8], max_pixels: u64) -> Result<(), String> {
    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::RGBA);
    if let Some(limit) = std::num::NonZeroU64::new(max_pixels.saturating_mul(4)) {
        options.set_memory_limit(gif::MemoryLimit::Bytes(limit));
    }
    let mut decoder = options.read_info(bytes).map_err(corrupt)?;
    let mut total = 0u64;
    let mut frames = 0;
    while let Some(frame) = decoder.read_next_frame().map_err(corrupt)? {
        frames += 1;
        total += u64::from(frame.width) * u64::from(frame.height);
        if total > max_pixels.saturating_mul(4) {
            return Err("its frames together are over the pixel budget".to_string());
        }
    }
    if frames == 0 {
        return Err("it has no frames".to_string());
    }
    Ok(())
}

fn webp(bytes: &[u8]) -> Result<(), String> {
    let mut decoder = image_webp::WebPDecoder::new(Cursor::new(bytes)).map_err(corrupt)?;
    let size = decoder
        .output_buffer_size()
        .ok_or_else(|| "it is too large".to_string())?;
    let mut buffer = vec![0; size];
    decoder.read_image(&mut buffer).map_err(corrupt)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png_of(w: u32, h: u32) -> Vec<u8> {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, w, h);
        encoder.set_color(png::ColorType::Grayscale);
        let mut writer = encoder.write_header().unwrap();
        writer.write_image_data(&vec![7; (w * h) as usize]).unwrap();
        writer.finish().unwrap();
        out
    }

    #[test]
    fn a_good_png_passes_and_a_cut_one_does_not() {
        let good = png_of(8, 8);
        assert_eq!(check("a.png", good.clone(), 100).unwrap().bytes, good);
        let cut = good[..good.len() - 20].to_vec();
        assert!(check("a.png", cut, 100).is_err());
    }

    #[test]
    fn the_budget_is_read_from_the_header() {
        let err = check("a.png", png_of(20, 20), 399).unwrap_err();
        assert!(err.contains("20×20"), "{err}");
        assert!(check("a.png", png_of(20, 20), 400).is_ok());
    }

    #[test]
    fn unknown_kinds_are_refused() {
        assert!(check("a.tiff", b"II*\0".to_vec(), 100).is_err());
        assert!(check("a.png", b"hello".to_vec(), 100).is_err());
    }
}
