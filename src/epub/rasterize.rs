//! The cover as a PNG: Kindle conversions (calibre's AZW3, Kindle Previewer) and many
//! store pipelines take the EPUB's `cover-image` and read no SVG, so an SVG cover —
//! the generated one or one the user gave — is drawn here with resvg and packaged as
//! the raster `cover-image`. Text is set in the bundled fonts only: the library reads
//! no system fonts and no files, so the same SVG gives the same PNG.

use std::sync::Arc;

use resvg::tiny_skia;
use resvg::usvg::{self, ImageHrefResolver, fontdb};

use crate::assets;

/// The most pixels a cover is drawn with: an SVG that asks for more (a 100,000 px
/// width is legal) is scaled down to fit, never allocated whole.
const MAX_PIXELS: f32 = 16_000_000.0;

/// Draws an SVG at its own size (its `width` and `height`, else its `viewBox`), scaled
/// down only past [`MAX_PIXELS`], and returns the PNG bytes, or why it cannot be drawn.
pub fn rasterize(svg: &[u8]) -> Result<Vec<u8>, String> {
    let mut fonts = fontdb::Database::new();
    // The CJK face too, which the EPUB does not carry: a Chinese title on the PNG
    // cover would otherwise be blank boxes (usvg falls back to it per character).
    for font in assets::FONTS.iter().chain([&assets::CJK]) {
        fonts.load_font_source(fontdb::Source::Binary(Arc::new(font.data)));
    }
    fonts.set_serif_family("Gentium Book Plus");
    fonts.set_monospace_family("Noto Sans Mono");
    let opts = usvg::Options {
        font_family: "Gentium Book Plus".to_string(),
        // Embedded (data:) images are drawn; a path or URL would be file or network
        // access, which the library never does.
        image_href_resolver: ImageHrefResolver {
            resolve_data: ImageHrefResolver::default_data_resolver(),
            resolve_string: Box::new(|_, _| None),
        },
        fontdb: Arc::new(fonts),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_data(svg, &opts).map_err(|e| e.to_string())?;
    let size = tree.size();
    let scale = (MAX_PIXELS / (size.width() * size.height()))
        .sqrt()
        .min(1.0);
    let width = (size.width() * scale).round().max(1.0) as u32;
    let height = (size.height() * scale).round().max(1.0) as u32;
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| format!("cannot make a {width}×{height} image"))?;
    // An opaque page: a transparent cover shows black on some e-ink readers.
    pixmap.fill(tiny_skia::Color::WHITE);
    let transform = tiny_skia::Transform::from_scale(
        width as f32 / size.width(),
        height as f32 / size.height(),
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    encode(&pixmap)
}

/// PNG bytes of an opaque pixmap (its premultiplied RGBA is then plain RGBA) with fast
/// deflate: the default level took five sixths of a cover's time.
fn encode(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer
        .write_image_data(pixmap.data())
        .map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png_size(png: &[u8]) -> (u32, u32) {
        let word = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
        assert_eq!(png.get(..8), Some(&b"\x89PNG\r\n\x1a\n"[..]));
        (word(16), word(20))
    }

    #[test]
    fn draws_at_the_svg_size() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" width="30" height="45"><rect width="30" height="45" fill="#f00"/><text x="5" y="20">Ab</text></svg>"##;
        let png = rasterize(svg).expect("drawn");
        assert_eq!(png_size(&png), (30, 45));
        assert_eq!(rasterize(svg).expect("drawn"), png, "same bytes twice");
    }

    #[test]
    fn a_huge_svg_is_scaled_down_and_bad_svg_is_an_error() {
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="100000" height="100000"/>"#;
        let (w, h) = png_size(&rasterize(svg).expect("drawn"));
        assert_eq!((w, h), (4000, 4000));
        assert!(rasterize(b"<svg").is_err());
        assert!(rasterize(b"not svg at all").is_err());
    }
}
