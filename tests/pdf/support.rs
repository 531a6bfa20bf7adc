//! The helpers the PDF test files share, declared once: building test books
//! ([`build`]), the checks every test PDF passes ([`check`]) and its structure tree
//! ([`structure`]).

#[path = "build.rs"]
pub mod build;
#[path = "check.rs"]
pub mod check;
#[path = "structure.rs"]
pub mod structure;
