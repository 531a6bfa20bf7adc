//! The print backend: paragraph layout (fonts → shape → hyphenate → break lines → set)
//! and, beside it, page building and writing.

pub mod bidi;
pub mod fonts;
pub mod hyphenate;
pub mod linebreak;
pub mod set;
pub mod shape;
pub mod types;

pub use fonts::FontSet;
pub use set::{Paragraph, natural_width, set_paragraph};
