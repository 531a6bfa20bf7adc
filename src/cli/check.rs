//! `folio check FILE...`: report what is wrong or noteworthy, write nothing.

use std::path::PathBuf;
use std::process::ExitCode;

use super::output::{Findings, Format};

/// Arguments of `folio check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Profiles to check (.md or .txt), or book directories (holding book.toml).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Fail (exit 1) on warnings as well as errors.
    #[arg(long)]
    pub deny_warnings: bool,
    /// How to print diagnostics.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// Runs the command: exit 0 without errors, 1 with errors (or warnings if denied).
pub fn run(args: &Args) -> ExitCode {
    let mut findings = Findings::default();
    for path in &args.files {
        if path.is_dir() {
            super::series::check(path, &mut findings);
        } else {
            super::load_profile(path, &mut findings);
        }
    }
    findings.print(args.format);
    super::exit(findings.failed(args.deny_warnings))
}
