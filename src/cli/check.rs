//! `folio check FILE...`: report what is wrong or noteworthy, write nothing.

use std::path::PathBuf;
use std::process::ExitCode;

use super::access::AccessArgs;
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
    /// What folio may read besides the profiles (as `convert` takes them).
    #[command(flatten)]
    pub access: AccessArgs,
}

/// Runs the command: exit 0 without errors, 1 with errors (or warnings if denied).
pub fn run(args: &Args) -> ExitCode {
    let mut findings = Findings::default();
    let (dirs, files): (Vec<PathBuf>, Vec<PathBuf>) =
        args.files.iter().cloned().partition(|path| path.is_dir());
    // the same loading as `convert` and `build` (profiles, then their images), so that
    // `check` reports everything they would except what only typesetting finds
    if !files.is_empty() {
        super::publish::load_profiles(&files, &args.access.access(), &mut findings);
    }
    for dir in &dirs {
        super::series::check(dir, &args.access, &mut findings);
    }
    findings.print(args.format);
    super::exit(findings.failed(args.deny_warnings))
}
