//! folio turns profile articles — Markdown, or plain text scraped from web pages —
//! into an EPUB 3 edition with linked endnotes and a typeset PDF with page-bottom
//! footnotes.
//!
//! The pipeline, in the order the stages run:
//!
//! ```text
//! bytes ──► read (markdown | text) ──► Document ──► resolve ──► Document (resolved)
//!                                                                   │
//!                                         ┌─────────────────────────┴──────────┐
//!                                     epub::epub                            pdf::pdf
//!                              (XHTML endnotes, OPF, nav, zip)   (shape → break lines → build pages → write)
//! ```
//!
//! - [`read`] recognises the format, front matter, headings, paragraphs and the
//!   works-cited list, but leaves "(4)" markers as plain text.
//! - [`resolve`] is a model→model pass: it finds the markers, resolves Ibid and short
//!   forms to sources, and reports gaps, empty entries and dangling markers. Backends
//!   never see raw markers or "Ibid".
//! - Each backend is a function of the resolved model that returns bytes.
//!
//! The library does no I/O: it takes bytes and returns bytes. Reading files, writing
//! output atomically and exit codes belong to the `folio` binary.

// The stage lists of `read` and `resolve` link their private stage modules: the
// pipeline is documented for the people who build folio (`cargo doc
// --document-private-items`), where those links resolve.
#![allow(rustdoc::private_intra_doc_links)]

pub mod assets;
pub mod cite;
pub mod contents;
pub mod diag;
pub mod epub;
pub mod export;
pub mod lang;
pub mod link;
pub mod model;
pub mod pdf;
pub mod read;
pub mod resolve;

pub use diag::{Diagnostic, Severity};
pub use model::{Book, Document};
pub mod config;
pub mod load;
pub mod slug;
