//! The `folio` command: parses arguments and hands over to `cli/<command>.rs`.

mod cli;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// mimalloc gives freed memory back where glibc's malloc keeps it in the arena of
/// the worker thread that used it: a third off a long PDF's peak (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (`mimalloc.h`; libmimalloc-sys names the options
/// on either side, 14 and 16, but not this one).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Freed pages go back to the system at once rather than a second later (mimalloc
/// 3's default): the PDF writer frees its layout and tag tree while krilla is still
/// growing the file, and pages kept for reuse showed as 140 MB more peak memory on a
/// 4,742-page book (BENCHMARKS.md), at no cost in time measured.
fn release_freed_memory_at_once() {
    // SAFETY: called first thing in `main`, before any other thread exists (mimalloc
    // does not lock its options).
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) };
}

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
    release_freed_memory_at_once();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn freed_memory_goes_back_at_once() {
        // The purge delay's default is 1,000 ms (mimalloc 3's `options.c`); the options
        // either side of it default to 1 and 0, so a wrong number fails here.
        // SAFETY: reading an option; no other test touches mimalloc's options.
        let get = || unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) };
        assert_eq!(get(), 1000);
        release_freed_memory_at_once();
        assert_eq!(get(), 0);
    }
}
