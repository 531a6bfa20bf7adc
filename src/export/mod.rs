//! The bibliography as data: the resolved sources of one or more profiles as a
//! reference library in CSL-JSON (Zotero, pandoc's citeproc), BibTeX or Hayagriva YAML
//! (Typst).
//!
//! [`gather()`] makes one list of works from every document's sources — duplicates
//! dropped, each with a stable citation key and structured fields taken from
//! [`crate::model::Details`] or, where the citation parser left them empty, from the
//! display fields — and one writer per format turns that list into text.

mod gather;
mod write_bibtex;
mod write_csl_json;
mod write_yaml;

pub use gather::{Creator, Date, Work, gather};

use crate::diag::Diagnostic;
use crate::model::{Document, Span};

/// A reference-library format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// CSL-JSON: a JSON array of CSL items.
    CslJson,
    /// BibTeX (`.bib`).
    Bibtex,
    /// Hayagriva YAML, Typst's bibliography format.
    Yaml,
}

/// The works cited by `documents` as one library in `format`. The error names a work
/// a writer could not represent (never expected: the fields are checked first).
pub fn cite(documents: &[Document], format: Format) -> Result<String, Diagnostic> {
    let works = gather(documents);
    let written = match format {
        Format::CslJson => Ok(write_csl_json::write_csl_json(&works)),
        Format::Bibtex => write_bibtex::write_bibtex(&works),
        Format::Yaml => write_yaml::write_yaml(&works),
    };
    written.map_err(|message| {
        Diagnostic::error("E-CITE", "", Span::default(), message)
            .with_hint("please report this with the citation that caused it")
    })
}
