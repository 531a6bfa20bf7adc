//! The citation parser's accuracy on AnyStyle's hand-labelled references (BSD-2-Clause,
//! github.com/inukshuk/anystyle, `res/parser/`). `gold.xml` is held out: the parser was
//! never trained on it. `core.xml` is its training set, printed for comparison.
//!
//! The files are not in this repository (see README.md, "How sources are parsed"):
//! `cargo run --release --example eval_citations -- DIR` reads `DIR/gold.xml` and
//! `DIR/core.xml`, prints the table and exits 1 when gold falls below the floors.
//! `FOLIO_CORE_MISSES=year` (or another field) lists core's misses of that field.
//!
//! Scoring, per reference and field, on folded text (lowercase letters and digits,
//! every other run one space — see `fold`):
//! - title: the first `<title>` part against the parsed title;
//! - year: the first year (15xx–20xx) in the first `<date>` part that has one, against
//!   the parsed year;
//! - first family name: the family name of the first name of the first `<author>` part
//!   (or `<editor>` part without an author), as folio's name splitter reads that
//!   labelled part, against the parsed first family name — so it measures finding the
//!   authors; the splitter itself is checked by its unit tests and by "family in
//!   author", the share whose parsed family name occurs as whole words in the labelled
//!   author part;
//! - container: the first `<journal>` or `<container-title>` part without a leading
//!   "In"; publisher, place (`<location>`), volume (its first number), pages (the
//!   digits), DOI and URL likewise.
//!
//! A reference whose label lacks a field is right only when the parser gives none:
//! inventing a title is as wrong as missing one.

mod anystyle;

use folio::cite::{self, Reference};

/// Accuracy on gold now, minus a small margin: a change that loses more fails here.
/// Training on ten CSL styles besides AnyStyle's core (issue 8) lowered gold's title
/// from 95.4% to 93.8%, and its year (98.6%) and container (94.8%) below their earlier
/// floors of 99.0% and 95.5%, while held-out titles of those styles rose from 74% to 89%.
const FLOORS: &[(&str, f64)] = &[
    ("title", 0.935),
    ("year", 0.984),
    ("first family", 0.985),
    ("container", 0.945),
];

fn fold(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

fn year(text: &str) -> Option<String> {
    text.split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 4 && matches!(&w[..2], "15" | "16" | "17" | "18" | "19" | "20"))
        .map(str::to_string)
}

fn first_number(text: &str) -> Option<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .find(|w| w.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_string)
}

fn digits(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn without_in(text: &str) -> String {
    let folded = fold(text);
    folded
        .strip_prefix("in ")
        .map_or(folded.clone(), str::to_string)
}

/// Each scored field: its name, the expected value from the labels and the parsed one.
fn fields(
    parts: &anystyle::Labelled,
    parsed: &Reference,
) -> Vec<(&'static str, Option<String>, Option<String>)> {
    let some = |s: String| (!s.is_empty()).then_some(s);
    let label = |tag: &str| anystyle::first(parts, tag);
    let d = &parsed.details;
    let gold_names = label("author")
        .or_else(|| label("editor"))
        .map(cite::names)
        .unwrap_or_default();
    vec![
        (
            "title",
            label("title").map(fold).and_then(some),
            parsed.title.as_deref().map(fold).and_then(some),
        ),
        (
            "year",
            parts
                .iter()
                .filter(|(t, _)| t == "date")
                .find_map(|(_, d)| year(d)),
            parsed.year.clone(),
        ),
        (
            "first family",
            gold_names.first().map(|n| fold(&n.family)).and_then(some),
            d.names.first().map(|n| fold(&n.family)).and_then(some),
        ),
        (
            "container",
            label("journal")
                .or_else(|| label("container-title"))
                .map(without_in)
                .and_then(some),
            d.container.as_deref().map(without_in).and_then(some),
        ),
        (
            "publisher",
            label("publisher").map(fold).and_then(some),
            d.publisher.as_deref().map(fold).and_then(some),
        ),
        (
            "place",
            label("location").map(fold).and_then(some),
            d.place.as_deref().map(fold).and_then(some),
        ),
        (
            "volume",
            label("volume").and_then(first_number),
            d.volume.clone(),
        ),
        (
            "pages",
            label("pages").map(digits).and_then(some),
            d.pages.as_deref().map(digits).and_then(some),
        ),
        (
            "doi",
            label("doi").map(|t| fold(t.trim_start_matches("doi:"))),
            d.doi.as_deref().map(fold),
        ),
        (
            "url",
            label("url").map(fold),
            parsed.url.as_deref().map(fold),
        ),
    ]
}

/// Share of references right per field, and the lenient "family in author" share.
fn score(dir: &std::path::Path, file: &str) -> Vec<(&'static str, f64)> {
    let path = dir.join(file);
    let xml = std::fs::read_to_string(&path)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
    let refs = anystyle::read(&xml);
    let mut right: Vec<(&'static str, usize)> = Vec::new();
    let mut in_author = 0;
    // `FOLIO_CORE_MISSES=FIELD` lists core's misses of one field; gold's are never
    // listed, so that nothing is tuned on them.
    let show = std::env::var("FOLIO_CORE_MISSES").ok();
    for parts in &refs {
        let (text, _) = anystyle::join(parts);
        let parsed = cite::parse(&text);
        for (i, (name, want, got)) in fields(parts, &parsed).into_iter().enumerate() {
            if file == "core.xml" && show.as_deref() == Some(name) && want != got {
                println!("core miss: {name} want {want:?} got {got:?} in {text}");
            }
            if right.len() <= i {
                right.push((name, 0));
            }
            right[i].1 += usize::from(want == got);
        }
        let author = anystyle::first(parts, "author").or_else(|| anystyle::first(parts, "editor"));
        let family = parsed.details.names.first().map(|n| fold(&n.family));
        let found = match (author, family) {
            (Some(a), Some(f)) => {
                !f.is_empty() && format!(" {} ", fold(a)).contains(&format!(" {f} "))
            }
            (None, None) => true,
            _ => false,
        };
        in_author += usize::from(found);
    }
    let n = refs.len() as f64;
    let mut out: Vec<(&'static str, f64)> =
        right.into_iter().map(|(k, r)| (k, r as f64 / n)).collect();
    out.push(("family in author", in_author as f64 / n));
    println!("{file}: {} references", refs.len());
    for (name, share) in &out {
        println!("  {name:<17} {:6.2}%", share * 100.0);
    }
    out
}

fn main() -> std::process::ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(std::path::PathBuf::from) else {
        eprintln!("usage: eval_citations DIR (holding AnyStyle's gold.xml and core.xml)");
        return std::process::ExitCode::from(2);
    };
    let gold = score(&dir, "gold.xml");
    score(&dir, "core.xml");
    let mut below = false;
    for (field, floor) in FLOORS {
        let (_, got) = gold
            .iter()
            .find(|(name, _)| name == field)
            .expect("scored field");
        if got < floor {
            eprintln!(
                "{field}: {:.2}% is below the floor {:.2}%",
                got * 100.0,
                floor * 100.0
            );
            below = true;
        }
    }
    if below {
        std::process::ExitCode::FAILURE
    } else {
        std::process::ExitCode::SUCCESS
    }
}
