//! Reading the images a book may draw: the writer embeds them, collect sizes them.

use krilla::image::Image;

/// Reads a PNG, JPEG, GIF or WebP image (by its signature); `None` when unreadable.
pub fn decode(bytes: &[u8]) -> Option<Image> {
    let data: krilla::Data = bytes.to_vec().into();
    let image = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Image::from_png(data, true)
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Image::from_jpeg(data, true)
    } else if bytes.starts_with(b"GIF8") {
        Image::from_gif(data, true)
    } else if bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Image::from_webp(data, true)
    } else {
        return None;
    };
    image.ok()
}

/// Pixel width and height of an image the writer can draw.
pub fn size(bytes: &[u8]) -> Option<(u32, u32)> {
    decode(bytes).map(|i| i.size())
}
