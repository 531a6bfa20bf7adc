//! Parsing the EPUB's XHTML and XML in tests: one set of options for every test file.

/// Parses XHTML or XML (the EPUB's documents declare `<!DOCTYPE html>`).
pub fn parse(text: &str) -> Result<roxmltree::Document<'_>, roxmltree::Error> {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(text, opts)
}
