//! Training sequences from the tune half of folio's own labelled reference set
//! (`tests/data/references/rendered.jsonl`: real works rendered in ten citation styles;
//! see its README). Each record carries its title, container, year and first author;
//! the tokens that spell them are found by aligning the folded label with the folded
//! string, so their labels are known. The tokens around them (publisher, place,
//! volume, pages, links) carry the label the shipped model gives them, kept only where
//! it does not contradict the alignment.
//!
//! Only the `tune` half is read: the `held-out` half is what the parser is measured on.

#![allow(dead_code)]

use std::ops::Range;

use folio::cite::{Label, label, split_tokens};

/// One training sequence: the reference and the label name of each of its tokens (as
/// [`split_tokens`] cuts them).
pub struct Aligned {
    pub text: String,
    pub labels: Vec<&'static str>,
}

/// The tune half's records that align, and how many were skipped. With `fold` set to
/// `Some(k)`, only the works in the other fold are kept (see [`fold_of`]), so that the
/// works of fold `k` can be used to check a model trained without them.
pub fn tune_sequences(jsonl: &str, fold: Option<u8>) -> (Vec<Aligned>, usize) {
    let mut out = Vec::new();
    let mut skipped = 0;
    for line in jsonl.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("rendered.jsonl parses");
        let field = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
        if field("split") != "tune" || fold.is_some_and(|k| fold_of(&field("work")) == k) {
            continue;
        }
        match align(
            &field("text"),
            &field("title"),
            &field("container"),
            &field("year"),
            &field("author"),
            &field("kind"),
        ) {
            Some(a) => out.push(a),
            None => skipped += 1,
        }
    }
    (out, skipped)
}

/// Which of two folds a work of the tune half is in: the sum of its name's bytes, mod 2.
pub fn fold_of(work: &str) -> u8 {
    (work.bytes().map(u32::from).sum::<u32>() % 2) as u8
}

/// Lowercase letters and digits, every other run one space, with the byte offset in
/// `text` where each folded character came from.
fn fold(text: &str) -> (String, Vec<usize>) {
    let (mut folded, mut from) = (String::from(" "), vec![0]);
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                folded.push(l);
                from.extend(std::iter::repeat_n(i, l.len_utf8()));
            }
        } else if !folded.ends_with(' ') {
            folded.push(' ');
            from.push(i);
        }
    }
    if !folded.ends_with(' ') {
        folded.push(' ');
        from.push(text.len());
    }
    (folded, from)
}

/// Byte range in `text` of the first whole-word occurrence of `label` starting at or
/// after byte `after`.
fn find(text: &str, label: &str, after: usize) -> Option<Range<usize>> {
    let (folded_label, _) = fold(label);
    if folded_label.trim().is_empty() {
        return None;
    }
    let (folded, from) = fold(text);
    let mut at = 0;
    while let Some(i) = folded[at..].find(&folded_label) {
        let start = at + i;
        let begin = from[start + 1];
        if begin >= after {
            let end_char = start + folded_label.len() - 2;
            let last = from[end_char];
            let end = last + text[last..].chars().next().map_or(0, char::len_utf8);
            return Some(begin..end);
        }
        at = start + 1;
    }
    None
}

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "janv",
    "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "déc", "januar", "februar",
    "märz", "juni", "juli", "okt", "dez", "spring", "summer", "autumn", "fall", "winter",
];

fn month_or_day(word: &str) -> bool {
    let w: String = word
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if w.is_empty() {
        return false;
    }
    if w.chars().all(|c| c.is_ascii_digit()) {
        return w.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
    }
    MONTHS
        .iter()
        .any(|m| w.starts_with(m) && w.len() <= m.len() + 6)
}

fn editor_word(word: &str) -> bool {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    matches!(
        w.as_str(),
        "ed" | "eds" | "editor" | "editors" | "hrsg" | "éd" | "dir" | "red"
    )
}

fn align(
    text: &str,
    title: &str,
    container: &str,
    year: &str,
    author: &str,
    kind: &str,
) -> Option<Aligned> {
    let tokens = split_tokens(text);
    let title_span = find(text, title, 0)?;
    let container_span = find(text, container, title_span.end)
        .or_else(|| find(text, container, 0).filter(|c| c.end <= title_span.start));
    let within = |t: &Range<usize>, s: &Range<usize>| t.start < s.end && s.start < t.end;
    let year_token = (!year.is_empty())
        .then(|| {
            tokens.iter().position(|t| {
                !within(t, &title_span)
                    && !container_span.as_ref().is_some_and(|c| within(t, c))
                    && text[t.clone()]
                        .split(|c: char| !c.is_ascii_digit())
                        .any(|w| w == year)
            })
        })
        .flatten();
    let predicted = label(text);
    if predicted.len() != tokens.len() {
        return None;
    }
    let mut labels: Vec<Option<&'static str>> = vec![None; tokens.len()];
    for (i, t) in tokens.iter().enumerate() {
        if within(t, &title_span) {
            labels[i] = Some("title");
        } else if container_span.as_ref().is_some_and(|c| within(t, c)) {
            labels[i] = Some(if kind == "article" {
                "journal"
            } else {
                "container-title"
            });
        }
    }
    if let Some(y) = year_token {
        labels[y] = Some("date");
        let mut left = y;
        // A day number counts only before a month ("16 Apr 2000", not "Bd. 12 (1950)").
        while left > 0 && labels[left - 1].is_none() {
            let word = &text[tokens[left - 1].clone()];
            let numeric = word.chars().any(|c| c.is_ascii_digit());
            let before_month = left < y
                && !text[tokens[left].clone()]
                    .chars()
                    .any(|c| c.is_ascii_digit());
            if !month_or_day(word) || (numeric && !before_month) {
                break;
            }
            left -= 1;
            labels[left] = Some("date");
        }
        let opened =
            text[tokens[y].clone()].starts_with('(') && !text[tokens[y].clone()].contains(')');
        let mut right = y + 1;
        while right < tokens.len() && labels[right].is_none() {
            let word = &text[tokens[right].clone()];
            if !(month_or_day(word) || opened) {
                break;
            }
            labels[right] = Some("date");
            if word.contains(')') {
                break;
            }
            right += 1;
        }
    }
    // The names: everything before the first aligned part, when it holds the family
    // name the record gives.
    let first_aligned = labels
        .iter()
        .position(Option::is_some)
        .unwrap_or(tokens.len());
    if !author.is_empty() {
        let region = tokens.get(..first_aligned)?;
        let span = region.first()?.start..region.last()?.end;
        find(text, author, 0).filter(|a| a.start >= span.start && a.end <= span.end)?;
        // Names are separated by semicolons in some styles ("Aristotle ; Hicks, R. D.
        // (Hrsg.):"): a group with a role word holds editors, the others authors.
        let mut group_start = 0;
        for end in 0..first_aligned {
            let word = &text[tokens[end].clone()];
            if word.ends_with(';') || end + 1 == first_aligned {
                let group = group_start..end + 1;
                let editors = tokens[group.clone()]
                    .iter()
                    .any(|t| editor_word(&text[t.clone()]));
                for l in &mut labels[group] {
                    *l = Some(if editors { "editor" } else { "author" });
                }
                group_start = end + 1;
            }
        }
    }
    let labels = labels
        .into_iter()
        .zip(predicted)
        .enumerate()
        .map(|(i, (aligned, (guess, _)))| {
            aligned.unwrap_or(match guess {
                Label::Title | Label::Journal | Label::Container => "other",
                Label::Author if i > first_aligned => "editor",
                Label::Author => "author",
                other => other.name(),
            })
        })
        .collect();
    Some(Aligned {
        text: text.to_string(),
        labels,
    })
}
