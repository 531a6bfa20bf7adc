//! The `folio` command: parses arguments and hands over to `cli/<command>.rs`.

mod cli;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// mimalloc gives freed memory back where glibc's malloc keeps it in the arena of
/// the worker thread that used it: a third off a long PDF's peak (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Profiles with numbered citations to EPUB and PDF editions.
#[derive(Debug, Parser)]
#[command(name = "folio", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Report problems in profiles (exit 1 on errors) without writing anything.
    Check(cli::check::Args),
    /// Print the resolved document model of one profile as JSON.
    Model(cli::model::Args),
    /// Convert profiles to EPUB and/or PDF (several inputs become the chapters of one book).
    Convert(cli::convert::Args),
    /// Build the series described by DIR/book.toml into out/.
    Build(cli::build::Args),
    /// Convert every input (files, or directories searched recursively) to its own editions.
    Batch(cli::batch::Args),
    /// Start a new series: a commented book.toml, example profiles and a README.
    Init(cli::init::Args),
    /// Build the series, then rebuild it whenever a file in its folder changes.
    Watch(cli::watch::Args),
    /// Write the profiles' sources as a reference library (CSL-JSON, BibTeX or Hayagriva YAML).
    Cite(cli::cite::Args),
}

fn main() -> ExitCode {
    // clap exits with status 2 on usage errors.
    let cli = Cli::parse();
    match &cli.command {
        Command::Check(args) => cli::check::run(args),
        Command::Model(args) => cli::model::run(args),
        Command::Convert(args) => cli::convert::run(args),
        Command::Build(args) => cli::build::run(args),
        Command::Batch(args) => cli::batch::run(args),
        Command::Init(args) => cli::init::run(args),
        Command::Watch(args) => cli::watch::run(args),
        Command::Cite(args) => cli::cite::run(args),
    }
}
