//! Assets compiled into the binary, so a single file sets type without a TeX or font
//! installation. The fonts are Gentium Book Plus (text) and Noto (Arabic script, code, and a
//! subset of Noto Serif CJK for Chinese, Japanese and Korean), all under the SIL Open Font
//! License 1.1 (`fonts/OFL.txt`).

/// A font file's bytes, held in a static so they are in the binary once: a constant
/// holding `include_bytes!` is copied into every crate and codegen unit that uses it
/// (the fonts were in the binary twice).
macro_rules! font_bytes {
    ($path:literal) => {{
        static DATA: [u8; include_bytes!($path).len()] = *include_bytes!($path);
        &DATA
    }};
}

/// A bundled font file: its file name in `fonts/` and its bytes.
#[derive(Debug, Clone, Copy)]
pub struct FontFile {
    /// File name as in `fonts/`, also used inside the EPUB.
    pub name: &'static str,
    /// The font data (TrueType, or OpenType with CFF outlines).
    pub data: &'static [u8],
}

/// Gentium Book Plus Regular: body text (Latin with its diacritics, Cyrillic, Greek; kerning and
/// ligatures). Chosen over Noto Serif because it sets about 13% more text per line, which
/// halves the hyphenated lines at handout measures.
pub const SERIF_REGULAR: FontFile = FontFile {
    name: "GentiumBookPlus-Regular.ttf",
    data: font_bytes!("../fonts/GentiumBookPlus-Regular.ttf"),
};
/// Gentium Book Plus Italic: emphasis and titles.
pub const SERIF_ITALIC: FontFile = FontFile {
    name: "GentiumBookPlus-Italic.ttf",
    data: font_bytes!("../fonts/GentiumBookPlus-Italic.ttf"),
};
/// Gentium Book Plus Bold: strong text and headings.
pub const SERIF_BOLD: FontFile = FontFile {
    name: "GentiumBookPlus-Bold.ttf",
    data: font_bytes!("../fonts/GentiumBookPlus-Bold.ttf"),
};
/// Gentium Book Plus Bold Italic.
pub const SERIF_BOLD_ITALIC: FontFile = FontFile {
    name: "GentiumBookPlus-BoldItalic.ttf",
    data: font_bytes!("../fonts/GentiumBookPlus-BoldItalic.ttf"),
};
/// Noto Sans Mono Regular: code.
pub const MONO: FontFile = FontFile {
    name: "NotoSansMono-Regular.ttf",
    data: font_bytes!("../fonts/NotoSansMono-Regular.ttf"),
};
/// Noto Naskh Arabic Regular: fallback for Arabic and Persian runs.
pub const ARABIC: FontFile = FontFile {
    name: "NotoNaskhArabic-Regular.ttf",
    data: font_bytes!("../fonts/NotoNaskhArabic-Regular.ttf"),
};

/// Noto Serif CJK SC Regular, cut to a fixed character set by `scripts/make-cjk-font`
/// (CJK punctuation, fullwidth forms, kana, the hanzi of GB 2312, JIS X 0208 and
/// Big5 level 1, and the Hangul syllables of KS X 1001): the PDF's fallback for Chinese,
/// Japanese and Korean text, in every style (CJK type has no italic, and one weight
/// keeps the binary 4 MB smaller than two would).
pub const CJK: FontFile = FontFile {
    name: "NotoSerifCJKsc-Subset.otf",
    data: font_bytes!("../fonts/NotoSerifCJKsc-Subset.otf"),
};

/// The fonts an EPUB built with `--embed-fonts` carries, in the order above. The CJK
/// face is not among them: every reading system has CJK fonts of its own, with the
/// right shapes for Japanese or Korean and all the characters a subset lacks, and
/// 4 MB more in every book would be paid by the readers of Latin-only ones too.
pub const FONTS: [FontFile; 6] = [
    SERIF_REGULAR,
    SERIF_ITALIC,
    SERIF_BOLD,
    SERIF_BOLD_ITALIC,
    MONO,
    ARABIC,
];

/// The licence of the bundled fonts, shipped beside them in an EPUB that embeds them.
pub const FONT_LICENSE: &str = include_str!("../fonts/OFL.txt");
