//! `book.toml`: the typed description of a series.
//!
//! Every table rejects unknown keys, so a typo (`autor = "…"`) is an error naming
//! `book.toml` and the line instead of a silently ignored setting.
//!
//! ```toml
//! title = "Opposition in Exile: Profiles"
//! author = "Folio Editors"
//! lang = "en"
//! profiles = ["01-mek.txt", "02-free-coast.md"]
//!
//! [epub]
//! embed-fonts = true
//!
//! [pdf]
//! paper = "a5"
//! ```

use serde::Deserialize;

use crate::diag::{Diagnostic, span_at};

/// The whole of `book.toml`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct BookConfig {
    /// Title of the book (the series as a whole).
    pub title: Option<String>,
    /// Subtitle shown on the title page.
    pub subtitle: Option<String>,
    /// A single author; combined with `authors` when both are given.
    pub author: Option<String>,
    /// Several authors, in order.
    pub authors: Vec<String>,
    /// BCP 47 language of the book; profiles may still say otherwise.
    pub lang: Option<String>,
    /// One-paragraph description for the EPUB metadata and PDF subject.
    pub description: Option<String>,
    /// Subject keywords.
    pub keywords: Vec<String>,
    /// A fixed identifier (URN, ISBN…); by default a UUID v5 of title and author.
    pub identifier: Option<String>,
    /// Name of the series the book belongs to, if different from the title.
    pub series: Option<String>,
    /// Cover image, relative to the directory of `book.toml`.
    pub cover: Option<String>,
    /// The profiles in reading order, relative to `book.toml`; by default every
    /// `.md` and `.txt` file of the directory, sorted by name.
    pub profiles: Option<Vec<String>>,
    /// Folders outside the book's own that its profiles, images, cover and templates
    /// may come from, relative to `book.toml` (like `--allow-outside`).
    pub allow_outside: Vec<String>,
    /// Largest raster image in pixels (width × height); default 50 megapixels.
    pub max_image_pixels: Option<u64>,
    /// Settings of the EPUB edition.
    pub epub: EpubConfig,
    /// Settings of the PDF edition.
    pub pdf: PdfConfig,
    /// Which editions `folio build` writes.
    pub outputs: OutputsConfig,
}

/// The `[outputs]` table: what `folio build` writes into `out/`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct OutputsConfig {
    /// The anthology EPUB, `out/<book>.epub`.
    pub epub: bool,
    /// The anthology PDF, `out/<book>.pdf`, set with `[pdf]`.
    pub pdf: bool,
    /// One EPUB per profile, `out/epub/<profile>.epub`.
    pub profile_epub: bool,
    /// Sets of handouts: one PDF per profile each, `out/handouts-<name>/<profile>.pdf`.
    pub handouts: Vec<HandoutConfig>,
}

impl Default for OutputsConfig {
    fn default() -> Self {
        OutputsConfig {
            epub: true,
            pdf: true,
            profile_epub: false,
            handouts: Vec::new(),
        }
    }
}

/// One `[[outputs.handouts]]` table: a PDF per profile with its own page and type size.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct HandoutConfig {
    /// Names the folder, `handouts-<name>`; by default the paper (`a5`, `letter`, `a4`).
    pub name: Option<String>,
    /// Paper size.
    #[serde(default)]
    pub paper: Paper,
    /// Body font size in points; by default the paper's.
    pub font_size: Option<f32>,
    /// Page margins in millimetres (all four sides); by default the paper's.
    pub margins: Option<f32>,
}

impl HandoutConfig {
    /// The folder name's suffix: `name`, else the paper.
    pub fn label(&self) -> String {
        self.name.clone().unwrap_or_else(|| {
            match self.paper {
                Paper::A4 => "a4",
                Paper::Letter => "letter",
                Paper::A5 => "a5",
            }
            .to_string()
        })
    }
}

/// The `[epub]` table.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct EpubConfig {
    /// Embed the bundled fonts in the EPUB.
    pub embed_fonts: bool,
    /// A directory of templates replacing the built-in ones, relative to `book.toml`.
    pub templates: Option<String>,
}

/// The `[pdf]` table.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct PdfConfig {
    /// Paper size.
    pub paper: Paper,
    /// Body font size in points.
    pub font_size: Option<f32>,
    /// Page margins in millimetres (all four sides).
    pub margins: Option<f32>,
    /// Print each profile's bibliography after its notes.
    pub bibliography: bool,
    /// The standard the PDF claims and is validated against (`none`, `ua-1`, `a-2b`,
    /// `a-3b`); PDF/UA-1 by default.
    pub pdf_standard: PdfStandard,
}

impl Default for PdfConfig {
    fn default() -> Self {
        PdfConfig {
            paper: Paper::default(),
            font_size: None,
            margins: None,
            bibliography: true,
            pdf_standard: PdfStandard::default(),
        }
    }
}

/// A standard the PDF may claim; krilla validates the document against it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub enum PdfStandard {
    /// None claimed: a plain tagged PDF.
    #[serde(rename = "none")]
    None,
    /// PDF/UA-1 (accessible).
    #[default]
    #[serde(rename = "ua-1")]
    Ua1,
    /// PDF/A-2b (archival).
    #[serde(rename = "a-2b")]
    A2b,
    /// PDF/A-3b (archival, with attachments allowed).
    #[serde(rename = "a-3b")]
    A3b,
}

/// A paper size the PDF backend knows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
    /// ISO A5, 148 × 210 mm: the handout size.
    A5,
}

impl BookConfig {
    /// Parses `book.toml` text; `file` names it in the diagnostic when it is wrong.
    pub fn parse(file: &str, text: &str) -> Result<BookConfig, Box<Diagnostic>> {
        let error = |at: std::ops::Range<usize>, message: String| {
            Box::new(
                Diagnostic::error("E-CONFIG", file, span_at(text, at.start, at.len()), message)
                    .with_hint("see the book.toml reference in README.md"),
            )
        };
        let config: BookConfig = toml::from_str(text).map_err(|err| {
            let message = err.message().trim_end_matches('.').to_string();
            error(err.span().unwrap_or(0..0), message)
        })?;
        // Values of the right type that no edition can use are found here, at their
        // line, not later against the output.
        // The line that sets `key` (its first, as TOML allows only one per table).
        let key_at = |key: &str| {
            let mut offset = 0;
            for line in text.split_inclusive('\n') {
                let indent = line.len() - line.trim_start().len();
                let rest = &line[indent..];
                if rest
                    .strip_prefix(key)
                    .is_some_and(|r| r.trim_start().starts_with('='))
                {
                    return offset + indent..offset + indent + key.len();
                }
                offset += line.len();
            }
            0..0
        };
        if let Some(size) = config.pdf.font_size
            && !crate::pdf::FONT_SIZES.contains(&size)
        {
            let message = format!("font-size {size} is outside 4–36 pt");
            return Err(error(key_at("font-size"), message));
        }
        if let Some(lang) = &config.lang
            && !crate::lang::is_language_tag(lang)
        {
            let message = format!("lang `{lang}` is not a BCP 47 language tag");
            return Err(error(key_at("lang"), message));
        }
        if let Some(margins) = config.pdf.margins
            && !(margins.is_finite() && margins >= 0.0)
        {
            let message = format!("margins {margins} is not a size in millimetres");
            return Err(error(key_at("margins"), message));
        }
        config.check_handout_names(file, text)?;
        Ok(config)
    }

    /// Two handout sets with one folder name would overwrite each other.
    fn check_handout_names(&self, file: &str, text: &str) -> Result<(), Box<Diagnostic>> {
        let mut seen = std::collections::BTreeSet::new();
        for handout in &self.outputs.handouts {
            let label = handout.label();
            let valid = !label.is_empty()
                && label
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            let problem = if !valid {
                format!("handout name `{label}` must be letters, digits, `-` or `_`")
            } else if !seen.insert(label.clone()) {
                format!("two handout sets are named `{label}`")
            } else {
                continue;
            };
            let offset = text.find("handouts").unwrap_or(0);
            return Err(Box::new(
                Diagnostic::error("E-CONFIG", file, span_at(text, offset, 8), problem)
                    .with_hint("give each [[outputs.handouts]] its own `name`"),
            ));
        }
        Ok(())
    }

    /// `author` followed by `authors`.
    pub fn all_authors(&self) -> Vec<String> {
        self.author.iter().chain(&self.authors).cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_table() {
        let text = "title = \"T\"\nauthor = \"A\"\nauthors = [\"B\"]\nprofiles = [\"x.md\"]\n\
                    [epub]\nembed-fonts = true\n[pdf]\npaper = \"a5\"\nfont-size = 10.5\nbibliography = false\n";
        let config = BookConfig::parse("book.toml", text).unwrap();
        assert_eq!(config.title.as_deref(), Some("T"));
        assert_eq!(config.all_authors(), ["A", "B"]);
        assert_eq!(config.profiles, Some(vec!["x.md".to_string()]));
        assert!(config.epub.embed_fonts);
        assert_eq!(config.pdf.paper, Paper::A5);
        assert_eq!(config.pdf.font_size, Some(10.5));
        assert!(!config.pdf.bibliography);
        assert_eq!(config.pdf.pdf_standard, PdfStandard::Ua1);
        for (name, standard) in [
            ("none", PdfStandard::None),
            ("ua-1", PdfStandard::Ua1),
            ("a-2b", PdfStandard::A2b),
            ("a-3b", PdfStandard::A3b),
        ] {
            let text = format!("[pdf]\npdf-standard = \"{name}\"\n");
            let config = BookConfig::parse("book.toml", &text).unwrap();
            assert_eq!(config.pdf.pdf_standard, standard, "{name}");
        }
        let err = BookConfig::parse("book.toml", "[pdf]\npdf-standard = \"a-1b\"\n").unwrap_err();
        assert_eq!((err.code, err.span.line), ("E-CONFIG", 2));
        assert!(err.message.contains("a-2b"), "{}", err.message);
    }

    #[test]
    fn an_unusable_lang_font_size_or_margin_is_a_config_error_at_its_line() {
        for text in [
            "title = \"A language book\"\nlang = \"en_GB\"\n",
            "[pdf]\nfont-size = 0\n",
            "[pdf]\nmargins = -3\n",
            "title = \"T\"\n\n[pdf]\nfont-size = 500\n",
        ] {
            let err = BookConfig::parse("book.toml", text).unwrap_err();
            assert_eq!(err.code, "E-CONFIG", "{text}");
            assert_eq!(err.span.line, text.lines().count() as u32, "{text}");
        }
        assert!(BookConfig::parse("book.toml", "[pdf]\nfont-size = 4\nmargins = 0\n").is_ok());
    }

    #[test]
    fn defaults_when_empty() {
        let config = BookConfig::parse("book.toml", "").unwrap();
        assert_eq!(config.profiles, None);
        assert!(config.pdf.bibliography);
        assert_eq!(config.pdf.paper, Paper::A4);
    }

    #[test]
    fn a_typo_is_an_error_with_its_line() {
        let err = BookConfig::parse("book/book.toml", "title = \"T\"\n\n[pdf]\npapr = \"a4\"\n")
            .unwrap_err();
        assert_eq!(err.code, "E-CONFIG");
        assert_eq!(err.file, "book/book.toml");
        assert_eq!(err.span.line, 4);
        assert!(err.message.contains("papr"), "{}", err.message);
    }

    #[test]
    fn reads_the_outputs() {
        let text = "[outputs]\npdf = false\nprofile-epub = true\n\
                    [[outputs.handouts]]\npaper = \"a5\"\nfont-size = 9.5\n\
                    [[outputs.handouts]]\npaper = \"letter\"\nname = \"us\"\n";
        let outputs = BookConfig::parse("book.toml", text).unwrap().outputs;
        assert!(outputs.epub && !outputs.pdf && outputs.profile_epub);
        let labels: Vec<_> = outputs.handouts.iter().map(HandoutConfig::label).collect();
        assert_eq!(labels, ["a5", "us"]);
        assert_eq!(outputs.handouts[0].font_size, Some(9.5));
        let default = BookConfig::parse("book.toml", "").unwrap().outputs;
        assert!(default.epub && default.pdf && !default.profile_epub);
        assert!(default.handouts.is_empty());
    }

    #[test]
    fn handout_sets_need_their_own_names() {
        let text = "[[outputs.handouts]]\npaper = \"a5\"\n[[outputs.handouts]]\npaper = \"a5\"\n";
        let err = BookConfig::parse("book.toml", text).unwrap_err();
        assert!(err.message.contains("`a5`"), "{}", err.message);
        assert_eq!(err.span.line, 1);
        let err =
            BookConfig::parse("book.toml", "[[outputs.handouts]]\nname = \"../x\"\n").unwrap_err();
        assert!(err.message.contains("../x"), "{}", err.message);
        let err = BookConfig::parse("book.toml", "[outputs]\nhandout = []\n").unwrap_err();
        assert!(err.message.contains("handout"), "{}", err.message);
    }

    #[test]
    fn a_bad_paper_is_an_error() {
        let err = BookConfig::parse("book.toml", "[pdf]\npaper = \"b5\"\n").unwrap_err();
        assert_eq!(err.span.line, 2);
    }
}
