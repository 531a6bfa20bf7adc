//! The command-line face of what folio may read: `--allow-outside` and
//! `--max-image-pixels`, shared by `convert` and `build`.

use std::path::PathBuf;

use folio::load::Access;

/// Options that widen or narrow what folio reads.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct AccessArgs {
    /// Also read images, a cover, templates or book profiles under PATH, outside the
    /// profile's or book's own folder (may be repeated).
    #[arg(long, value_name = "PATH")]
    pub allow_outside: Vec<PathBuf>,
    /// Largest raster image in pixels (width × height); larger ones are left out with
    /// a warning [default: 50000000].
    #[arg(long, value_name = "N")]
    pub max_image_pixels: Option<u64>,
}

impl AccessArgs {
    /// The access these options give.
    pub fn access(&self) -> Access {
        let mut access = Access {
            allow_outside: self.allow_outside.clone(),
            ..Access::default()
        };
        if let Some(pixels) = self.max_image_pixels {
            access.max_image_pixels = pixels;
        }
        access
    }
}
