//! Fuzz target `works_cited`: see `checks::works_cited` for what it checks.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| checks::works_cited(bytes));
