//! `folio cite FILE... [--format csl-json|bibtex|yaml] [-o FILE]`: the resolved sources
//! of the profiles as one reference library.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use folio::diag::Diagnostic;
use folio::export::Format;
use folio::model::Span;

use super::output::{Findings, write_all};

/// Arguments of `folio cite`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Profiles (.md or .txt); their sources make one library.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The library's format (default: from the output's extension — .json, .bib,
    /// .yaml/.yml — else CSL-JSON).
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Write the library to this file instead of standard output.
    #[arg(short, long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `--format`: the command-line face of [`Format`], so that the library needs no clap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// CSL-JSON, for Zotero and pandoc's citeproc.
    CslJson,
    /// BibTeX.
    Bibtex,
    /// Hayagriva YAML, for Typst.
    Yaml,
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Format {
        match arg {
            FormatArg::CslJson => Format::CslJson,
            FormatArg::Bibtex => Format::Bibtex,
            FormatArg::Yaml => Format::Yaml,
        }
    }
}

/// Runs the command: exit 0 when the library was written, 1 on errors in the inputs
/// (and then nothing is written).
pub fn run(args: &Args) -> ExitCode {
    let mut findings = Findings::default();
    let written = cite(args, &mut findings);
    super::finish(&findings, written)
}

fn cite(args: &Args, findings: &mut Findings) -> Option<Vec<PathBuf>> {
    let mut documents = Vec::new();
    for path in &args.files {
        documents.extend(super::load_profile(path, findings));
    }
    if documents.len() < args.files.len() || findings.has_errors() {
        return None;
    }
    for doc in documents.iter().filter(|doc| doc.sources.is_empty()) {
        findings.push(
            Diagnostic::warning(
                "W-NO-SOURCES",
                &doc.meta.source_file,
                Span::default(),
                "no sources to cite: no works-cited entry or footnote names a work",
            )
            .with_hint(
                "folio reads a list under a heading such as \"Works Cited\" or \"References\"",
            ),
        );
    }
    let format = args
        .format
        .map(Format::from)
        .or_else(|| args.output.as_deref().and_then(format_of))
        .unwrap_or(Format::CslJson);
    let library = match folio::export::cite(&documents, format) {
        Ok(library) => library,
        Err(err) => {
            findings.push(err);
            return None;
        }
    };
    let Some(path) = &args.output else {
        print!("{library}");
        return Some(Vec::new());
    };
    match write_all(&[(path.as_path(), library.as_bytes())]) {
        Ok(written) => Some(written),
        Err(errors) => {
            findings.extend(errors);
            None
        }
    }
}

/// The format an output file's extension names, if any.
fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "json" => Some(Format::CslJson),
        "bib" => Some(Format::Bibtex),
        "yaml" | "yml" => Some(Format::Yaml),
        _ => None,
    }
}
