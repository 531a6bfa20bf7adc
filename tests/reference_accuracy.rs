//! The citation parser measured on real works rendered in many styles:
//! `tests/data/references/rendered.jsonl` (made by `scripts/make-reference-set`; sources
//! and licences in its README.md) holds one labelled reference string per line. Each
//! string becomes entry (1) of a tiny plain-text profile that cites it once; folio reads
//! and resolves it, and the first source's title, year and first author are compared
//! with the labels.
//!
//! Matching rule: both sides are folded (lowercase; every run of characters that are not
//! letters or digits becomes one space; trimmed). A title matches when the folded strings
//! are equal; a year when the strings are equal; an author when the folded family name
//! equals the label, or ends with it after a space (a particle such as "van" or "de"
//! kept with the family name). A field whose label is empty is not counted, nor one
//! whose label does not occur in the string (folded, as whole words): some styles leave
//! the year or the title out of a rendering (DIN 1505 prints no year for an undated
//! newspaper article; Vancouver none for a web page), and what is not written cannot
//! be read. The test prints how many labels each half leaves out that way.
//!
//! The works were split into `tune` and `held-out` halves by work, never by string; the
//! parser may be tuned on `tune` only, and `held-out` is the score to report. A later
//! draw of more works from the same files, `extra`, is tuned on by the correcting rules
//! but not used to train the labeller (the first halves stayed as they were).
//! `cargo test --test reference_accuracy -- --nocapture` prints accuracy per field, per
//! style and overall for both halves; with `FOLIO_REFERENCE_MISSES=tune` it also lists
//! every miss of the tune half (style, field, label, what was read, the string).

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

/// Held-out accuracy (percent) below which the test fails: the level of the CRF parser
/// trained on AnyStyle's core set and this set's tune half (95.1, 98.1, 97.8) minus one
/// point; the run is deterministic, so only a real change moves it. Raise it when the
/// parser improves.
const HELD_OUT_FLOOR: [(&str, f64); 3] = [("title", 94.1), ("year", 97.1), ("author", 96.8)];

/// The same floor for the tune half (99.6, 100.0, 97.9 minus one point). The model is
/// trained on this half, so it says little about new references: read `held-out`.
const TUNE_FLOOR: [(&str, f64); 3] = [("title", 98.6), ("year", 99.0), ("author", 96.9)];

/// The same floor for `extra` (97.4, 98.5, 95.0 minus one point): the correcting rules
/// are tuned on it, the labeller is not trained on it.
const EXTRA_FLOOR: [(&str, f64); 3] = [("title", 96.4), ("year", 97.5), ("author", 94.0)];

const FIELDS: [&str; 3] = ["title", "year", "author"];

/// One labelled string.
struct Record {
    text: String,
    work: String,
    style: String,
    split: String,
    labels: [Option<String>; 3],
}

fn records(file: &str) -> Vec<Record> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/references")
        .join(file);
    let data = std::fs::read_to_string(&path).expect("the reference set exists");
    data.lines()
        .enumerate()
        .map(|(i, line)| {
            let v: Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{file}:{}: {e}", i + 1));
            let field = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
            Record {
                text: field("text").expect("every record has text"),
                work: field("work").expect("every record names its work"),
                style: field("style").expect("every record has a style"),
                split: field("split").expect("every record has a split"),
                labels: FIELDS.map(field),
            }
        })
        .collect()
}

/// Lowercase letters and digits, every other run of characters one space.
fn fold(s: &str) -> String {
    let mapped: String = s
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What folio read for each field from the string as entry (1) of a profile.
fn parse(text: &str) -> [Option<String>; 3] {
    let profile = format!("Reference\n\nBody text (1).\n\nWorks Cited\n\n(1) {text}\n");
    let doc = folio::resolve::resolve(folio::read::read("reference.txt", profile.as_bytes()));
    let Some(source) = doc.sources.first() else {
        return [None, None, None];
    };
    let author = match source.details.names.first() {
        Some(name) => Some(name.family.clone()),
        None => source
            .authors
            .first()
            .map(|a| a.split(',').next().unwrap_or(a).to_string()),
    };
    [source.title.clone(), source.year.clone(), author]
}

/// The label of field `i` when the string holds it: its folded words occur in the
/// folded string.
fn written(r: &Record, i: usize) -> Option<&String> {
    let label = r.labels[i].as_ref()?;
    let (label_words, text) = (fold(label), fold(&r.text));
    let found =
        !label_words.is_empty() && format!(" {text} ").contains(&format!(" {label_words} "));
    found.then_some(label)
}

fn matches(field: &str, got: &str, label: &str) -> bool {
    let (got, label) = (fold(got), fold(label));
    match field {
        "author" => got == label || got.ends_with(&format!(" {label}")),
        _ => got == label,
    }
}

/// Hits and counts per field, keyed by style ("" for all styles).
type Tally = BTreeMap<String, [(usize, usize); 3]>;

fn percent((hits, total): (usize, usize)) -> f64 {
    if total == 0 {
        0.0
    } else {
        100.0 * hits as f64 / total as f64
    }
}

fn report(split: &str, tally: &Tally) {
    println!("\n{split}: accuracy % (hits/counted) per field");
    println!(
        "{:<28} {:>18} {:>18} {:>18}",
        "style", FIELDS[0], FIELDS[1], FIELDS[2]
    );
    for (style, counts) in tally {
        let name = if style.is_empty() { "ALL" } else { style };
        let cells = counts.map(|c| format!("{:5.1} ({}/{})", percent(c), c.0, c.1));
        println!(
            "{name:<28} {:>18} {:>18} {:>18}",
            cells[0], cells[1], cells[2]
        );
    }
}

fn print_misses(r: &Record, got: &[Option<String>; 3]) {
    for (i, field) in FIELDS.iter().enumerate() {
        let Some(label) = written(r, i) else { continue };
        if !got[i].as_deref().is_some_and(|g| matches(field, g, label)) {
            println!(
                "{} {field}: {label:?} read {:?} in {}",
                r.style, got[i], r.text
            );
        }
    }
}

#[test]
fn reference_accuracy() {
    let records = records("rendered.jsonl");
    assert!(
        records.len() >= 1200,
        "the set holds {} strings",
        records.len()
    );
    let show = std::env::var("FOLIO_REFERENCE_MISSES").ok();
    // `FOLIO_REFERENCE_FOLD=K`: score (and list misses of) the tune works of fold K
    // apart, for a model trained without them (`train_citations --fold K`).
    let fold_k: Option<u32> = std::env::var("FOLIO_REFERENCE_FOLD")
        .ok()
        .and_then(|k| k.parse().ok());
    let mut fold_tally: [(usize, usize); 3] = Default::default();
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    for r in &records {
        let got = parse(&r.text);
        let in_fold = r.split == "tune"
            && fold_k.is_some_and(|k| r.work.bytes().map(u32::from).sum::<u32>() % 2 == k);
        if show.as_deref() == Some(r.split.as_str()) && (fold_k.is_none() || in_fold) {
            print_misses(r, &got);
        }
        if in_fold {
            for (i, field) in FIELDS.iter().enumerate() {
                let Some(label) = written(r, i) else { continue };
                fold_tally[i].1 += 1;
                if got[i].as_deref().is_some_and(|g| matches(field, g, label)) {
                    fold_tally[i].0 += 1;
                }
            }
        }
        let tally = tallies.entry(r.split.clone()).or_default();
        for key in [String::new(), r.style.clone()] {
            let counts = tally.entry(key).or_default();
            for (i, field) in FIELDS.iter().enumerate() {
                let Some(label) = written(r, i) else { continue };
                counts[i].1 += 1;
                if got[i].as_deref().is_some_and(|g| matches(field, g, label)) {
                    counts[i].0 += 1;
                }
            }
        }
    }
    assert_eq!(
        tallies.keys().map(String::as_str).collect::<Vec<_>>(),
        ["extra", "held-out", "tune"],
        "every record is in one of the three parts"
    );
    for (split, tally) in &tallies {
        report(split, tally);
        let left_out = FIELDS.map(|_| 0usize);
        let left_out = records
            .iter()
            .filter(|r| &r.split == split)
            .fold(left_out, |mut n, r| {
                for (i, count) in n.iter_mut().enumerate() {
                    *count += usize::from(
                        r.labels[i].as_ref().is_some_and(|l| !fold(l).is_empty())
                            && written(r, i).is_none(),
                    );
                }
                n
            });
        println!("labels not in their string, left out: {left_out:?} (title, year, author)");
    }
    if let Some(k) = fold_k {
        println!(
            "tune fold {k}: title {:.1}%, year {:.1}%, author {:.1}%",
            percent(fold_tally[0]),
            percent(fold_tally[1]),
            percent(fold_tally[2])
        );
    }
    let mut failures = Vec::new();
    for (split, floors) in [
        ("held-out", HELD_OUT_FLOOR),
        ("extra", EXTRA_FLOOR),
        ("tune", TUNE_FLOOR),
    ] {
        let all = tallies[split][""];
        for (i, (field, floor)) in floors.iter().enumerate() {
            let got = percent(all[i]);
            if got < *floor {
                failures.push(format!("{split} {field}: {got:.1}% < floor {floor:.1}%"));
            }
        }
    }
    assert!(failures.is_empty(), "accuracy fell: {failures:?}");
}

#[test]
fn fold_keeps_letters_and_digits() {
    assert_eq!(
        fold("  The *Ledger*: Part 2 — “Bells” "),
        "the ledger part 2 bells"
    );
    assert_eq!(fold("Ménétrier, Ö."), "ménétrier ö");
    assert!(matches("author", "van Gogh", "Gogh"));
    assert!(!matches("author", "Vangogh", "Gogh"));
    assert!(matches(
        "title",
        "Bells and Their Makers.",
        "bells and their makers"
    ));
}

/// Held-out floor of the GOST set (`gost.jsonl`: the Russian standard's form, which
/// the labeller was never trained on), one point under what the parser reaches (96.6,
/// 99.7, 99.3; it was 29.2, 95.3, 84.6 before folio read the form without its dashes).
const GOST_HELD_OUT_FLOOR: [(&str, f64); 3] = [("title", 95.6), ("year", 98.7), ("author", 98.3)];

/// References in GOST R 7.0.5's form (Russian, and works in other languages cited the
/// Russian way: "Иванов И. И. Заглавие. М.: Наука, 1985. 300 с.", "… // Журнал. 1990.
/// № 3. С. 10–25."), scored like the main set, per half. The parser's GOST rules may be
/// tuned on `tune`; `held-out` is the score to report.
#[test]
fn gost_accuracy() {
    let records = records("gost.jsonl");
    assert!(records.len() >= 600, "the GOST set holds {}", records.len());
    let show = std::env::var("FOLIO_REFERENCE_MISSES").ok();
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    for r in &records {
        let got = parse(&r.text);
        if show.as_deref() == Some(r.split.as_str()) {
            print_misses(r, &got);
        }
        let counts = tallies
            .entry(r.split.clone())
            .or_default()
            .entry(String::new())
            .or_default();
        for (i, field) in FIELDS.iter().enumerate() {
            let Some(label) = written(r, i) else { continue };
            counts[i].1 += 1;
            if got[i].as_deref().is_some_and(|g| matches(field, g, label)) {
                counts[i].0 += 1;
            }
        }
    }
    for (split, tally) in &tallies {
        report(&format!("gost {split}"), tally);
    }
    let held_out = tallies["held-out"][""];
    let failures: Vec<String> = GOST_HELD_OUT_FLOOR
        .iter()
        .enumerate()
        .filter(|(i, (_, floor))| percent(held_out[*i]) < *floor)
        .map(|(i, (field, floor))| format!("{field}: {:.1}% < {floor:.1}%", percent(held_out[i])))
        .collect();
    assert!(failures.is_empty(), "GOST accuracy fell: {failures:?}");
}
