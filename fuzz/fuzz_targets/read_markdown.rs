//! Fuzz target `read_markdown`: see `checks::read_markdown` for what it checks.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| checks::read_markdown(bytes));
