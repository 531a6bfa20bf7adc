//! Stage 4: the labeller's output corrected where it splits a reference at the wrong
//! token, by rules that read the words around the split: a number that follows a
//! title word is the title's; a title run into by a name list, or a name list run
//! into the title, is split where names end (an inverted name closed by a stop,
//! Vancouver's "Ellis R.", DIN's "Family, Given:"); a case name is a title.
//!
//! Each rule was found on references the model was not trained on (a fold of the
//! tune half, `train_citations --fold K`) and kept when it helped on the other fold.

use std::ops::Range;

use super::describe_tokens::is_year;
use super::types::Label;

/// The labels of `tokens` of `text`, corrected.
pub(super) fn correct_labels(text: &str, tokens: &[Range<usize>], labels: &[Label]) -> Vec<Label> {
    let labels = numbers_in_titles(text, tokens, labels);
    let labels = title_after_names(text, tokens, labels);
    names_and_title(text, tokens, labels)
}

/// A date, volume or page is set off from a title by punctuation ("Title. 1999",
/// "Title (1999)", "Title, 12"); a number that follows a title word directly ("Report
/// 1999", "La crue de 1910 et ses suites", "Title 13") is part of the title.
fn numbers_in_titles(text: &str, tokens: &[Range<usize>], labels: &[Label]) -> Vec<Label> {
    let mut out = labels.to_vec();
    for i in 1..tokens.len() {
        let joined = out[i - 1] == Label::Title
            && text[tokens[i - 1].clone()].ends_with(char::is_alphanumeric)
            && !text[tokens[i].clone()].starts_with(['(', '['])
            && matches!(labels[i], Label::Date | Label::Pages | Label::Volume)
            && labels.get(i + 1).is_none_or(|&next| next != labels[i]);
        if joined {
            out[i] = Label::Title;
        }
    }
    out
}

/// With no title labelled, an author run that goes on past an inverted name closed by
/// a full stop ("Masters, Jonathan. Mujahadeen. New York: …") holds the title after that
/// stop: a one-word title reads like one more name.
fn title_after_names(text: &str, tokens: &[Range<usize>], labels: Vec<Label>) -> Vec<Label> {
    if labels.contains(&Label::Title) {
        return labels;
    }
    let Some(start) = labels.iter().position(|&l| l == Label::Author) else {
        return labels;
    };
    let end = start
        + labels[start..]
            .iter()
            .take_while(|&&l| l == Label::Author)
            .count();
    let word = |i: usize| &text[tokens[i].clone()];
    // Vancouver's "Ellis R. Squatters’ rights.": one to three capitals and a stop after
    // a family name close the name too, when no more initials follow.
    let vancouver = |i: usize| {
        let w = word(i);
        let letters = w.trim_end_matches('.');
        w.ends_with('.')
            && (1..=3).contains(&letters.chars().count())
            && letters.chars().all(char::is_uppercase)
            && i > start
            && word(i - 1).chars().filter(|c| c.is_alphabetic()).count() > 1
            // DIN's "Almendro, José L. ; Martín, J." goes on with more names.
            && word(i + 1).chars().any(char::is_alphanumeric)
            && !word(i + 1)
                .trim_end_matches(['.', ','])
                .chars()
                .all(char::is_uppercase)
    };
    let Some(stop) = (start + 1..end.saturating_sub(1)).find(|&i| {
        let w = word(i);
        let inverted = w.ends_with('.')
            && !super::describe_tokens::is_initial(w)
            && w.chars().filter(|c| c.is_alphabetic()).count() > 2
            && (start..i).any(|k| word(k).ends_with(','));
        inverted || vancouver(i)
    }) else {
        return labels;
    };
    let mut out = labels;
    for label in &mut out[stop + 1..end] {
        *label = Label::Title;
    }
    out
}

/// Fixes where the labeller splits names from a title at the wrong word:
///
/// - a one-word "author" run straight on into the title, with no stop or comma between,
///   is the title's first word: "Annual Report of the Harbour Board. 1892." (a name
///   is set off from the title it signs);
/// - a case name is a title, its parties no authors: "Brown v. Board of Education
///   (1954).";
/// - DIN 1505's given names run to a colon: "Salam, Abdus: Weak interactions." (one to
///   three capitalised words after a family name and its comma);
/// - Vancouver's names end at the initials and stop of the last: "Lehrer T. Alma.".
fn names_and_title(text: &str, tokens: &[Range<usize>], labels: Vec<Label>) -> Vec<Label> {
    let mut out = labels;
    let word = |i: usize| &text[tokens[i].clone()];
    if let [Label::Author, Label::Title, ..] = out.as_slice()
        && word(0).ends_with(char::is_alphanumeric)
    {
        out[0] = Label::Title;
    }
    let authors = out.iter().take_while(|&&l| l == Label::Author).count();
    // Lowercase as written: "Hadzilacos, V." ends with an initial.
    if authors > 1
        && matches!(word(authors - 1), "v." | "v" | "vs." | "vs")
        && out.get(authors) == Some(&Label::Title)
    {
        out[..authors].fill(Label::Title);
    }
    if authors == 1
        && word(0).ends_with(',')
        && out.get(1) == Some(&Label::Title)
        && let Some(colon) = (1..tokens.len().min(4)).find(|&i| word(i).ends_with(':'))
        && (1..=colon).all(|i| word(i).starts_with(char::is_uppercase))
        && out[1..=colon].iter().all(|&l| l == Label::Title)
        && out.get(colon + 1) == Some(&Label::Title)
    {
        out[1..=colon].fill(Label::Author);
    }
    // Vancouver's name list ends at a family name's initials and a stop ("Lehrer T.");
    // words after them in the same run, with no initials of their own, are the title:
    // "Lehrer T. Alma. Reprise Records; 1965.", "Pluth E. Badiou: A philosophy…".
    let is_initials = |w: &str, stop: &[char]| {
        w.strip_suffix(stop).is_some_and(|l| {
            (1..=3).contains(&l.chars().count()) && l.chars().all(char::is_uppercase)
        })
    };
    // Before the stop only Vancouver names ("Beautrais AL, Joyce PR, Mulder RT."), so
    // "Smith, John, and Jane A. Smith." is left alone; after it a sentence.
    let vancouver_name = |w: &str| {
        is_initials(w, &[',']) || (w.starts_with(char::is_uppercase) && !w.ends_with(','))
    };
    // And the reference dated as Vancouver dates ("Reprise Records; 1965.",
    // "2019;40(2)"), since "William G. Cochran. Sampling Techniques." has the same
    // shape.
    let vancouver_date = text.match_indices(';').any(|(i, _)| {
        let after = text[i + 1..].trim_start();
        let before = text[..i].trim_end();
        let year = |w: Option<&str>| w.is_some_and(is_year);
        year(after.get(..4)) || year(before.get(before.len().saturating_sub(4)..))
    });
    if vancouver_date
        && let Some(closed) = (1..authors.saturating_sub(1)).find(|&i| {
            is_initials(word(i), &['.'])
                && word(i - 1).chars().filter(|c| c.is_alphabetic()).count() > 1
        })
        && (0..closed).all(|i| vancouver_name(word(i)))
        && (closed + 1..authors).all(|i| {
            let w = word(i);
            !is_initials(w, &['.', ',']) && !super::describe_tokens::is_initial(w)
        })
        && word(authors - 1).ends_with(['.', ':', '?'])
        && out.get(authors).is_none_or(|&l| l != Label::Author)
    {
        out[closed + 1..authors].fill(Label::Title);
    }
    out
}
