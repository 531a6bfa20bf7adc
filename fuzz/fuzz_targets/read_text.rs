//! Fuzz target `read_text`: see `checks::read_text` for what it checks.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| checks::read_text(bytes));
