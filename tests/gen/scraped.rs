//! The long scraped profile of the robustness and memory tests (and of BENCHMARKS.md's
//! memory table): short paragraphs, each citing one of 50 works, then the works-cited
//! list.

/// The profile's text, adding paragraphs while `more(paragraphs so far, bytes so far)`.
pub fn scraped_profile(mut more: impl FnMut(usize, usize) -> bool) -> String {
    let mut text = String::from("A Long Profile\n\n");
    let mut n = 0;
    while more(n, text.len()) {
        n += 1;
        text.push_str(&format!(
            "Paragraph {n} has “quotes” and the year (1979) and the group (MEK) in it. ({})\n\n",
            n % 50 + 1
        ));
    }
    text.push_str("Works Cited\n\n");
    for i in 1..=50 {
        text.push_str(&format!(
            "({i}) - Doe, J. ({}). Book {i}. Press.\n",
            1950 + i
        ));
    }
    text
}
