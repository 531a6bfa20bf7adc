//! Numbers against the title: a number run on from a title word is the title's, a
//! year or span of years set off before it is the date, a number set off after it is
//! not the title's.

use std::ops::Range;

use super::super::describe_tokens::is_year;
use super::super::types::Label;
use super::{NUMBERED, closing_token, first_run};

/// A year that opens a title — after its opening quote or emphasis mark ("“2014 ACA
/// Code of Ethics,”", "*2014 ACA code of ethics*"), or bare before its words
/// ("Association. 2014 ACA code of ethics \[Internet\]. 2014.") — is the title's: a date
/// is set off by punctuation.
pub(super) fn year_opening_title(
    text: &str,
    tokens: &[Range<usize>],
    labels: Vec<Label>,
) -> Vec<Label> {
    let mut out = labels;
    for i in 0..tokens.len().saturating_sub(1) {
        let w = &text[tokens[i].clone()];
        let year = w.trim_start_matches(['“', '"', '*', '‘', '«']);
        let opened = year.len() < w.len();
        if out[i] == Label::Date && out[i + 1] == Label::Title && is_year(year) {
            // A bare year before the title is the date in many author-date lists
            // ("Bourdieu P 1984 Distinction"): only when the date comes again later.
            let bare = year.chars().all(|c| c.is_ascii_digit())
                && (i + 2..tokens.len())
                    .any(|k| out[k] == Label::Date && text[tokens[k].clone()].contains(year));
            if opened || bare && i > 0 && out[i - 1] != Label::Date {
                out[i] = Label::Title;
            }
        }
    }
    out
}

/// A date, volume or page is set off from a title by punctuation ("Title. 1999",
/// "Title (1999)", "Title, 12"); a number that follows a title word directly ("Report
/// 1999", "La crue de 1910 et ses suites", "Title 13") is part of the title.
pub(super) fn numbers_in_titles(
    text: &str,
    tokens: &[Range<usize>],
    labels: &[Label],
) -> Vec<Label> {
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

/// A span of years set off before the title is the date of a work in several volumes
/// or years, not the title's first words: "Tillich, Paul. 1951–1963. *Systematic
/// Theology*.", "Jaffé, Philipp, ed. 1885–1888. *Regesta…*", "(1885–1888) *Regesta…*".
pub(super) fn span_of_years(text: &str, tokens: &[Range<usize>], labels: Vec<Label>) -> Vec<Label> {
    let Some(Range { start, end }) = first_run(&labels, Label::Title) else {
        return labels;
    };
    let w = text[tokens[start].clone()].trim_start_matches('(');
    let Some(span) = w.strip_suffix(['.', ')', ',']) else {
        return labels;
    };
    let span = span.trim_end_matches(')');
    let years = span.split(['–', '-']).collect::<Vec<_>>();
    if years.len() != 2 || !years.iter().all(|y| is_year(y)) {
        return labels;
    }
    let mut out = labels;
    out[start] = Label::Date;
    // The title alone was the span: the marked words after it are the title.
    if end == start + 1
        && let Some(next) = tokens.get(end)
        && text[next.clone()].starts_with('*')
        && let Some(close) = closing_token(text, tokens, end, &['*'])
    {
        out[end..=close].fill(Label::Title);
    }
    out
}

/// A patent's or report's number, or a statute's section, set off after a title
/// ("Using metaphors…. 9,367,592", "Elektromagnetisches Signalhorn. EU-29702195U",
/// "Signalhorn, EU-29702195U, issued 1998",
/// "Every student succeeds act. 20 U.S.C § 6301") is not the title's, though the
/// labeller runs the title on into it.
pub(super) fn number_after_title(
    text: &str,
    tokens: &[Range<usize>],
    labels: Vec<Label>,
) -> Vec<Label> {
    let Some(Range { start, end }) = first_run(&labels, Label::Title) else {
        return labels;
    };
    let word = |i: usize| &text[tokens[i].clone()];
    // "9,367,592", "EU-29702195U", "5668842": three digits or more, no lowercase, not a
    // year or a span of years ("1890–1910" closes many titles).
    let code = |w: &str| {
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        w.chars().filter(char::is_ascii_digit).count() >= 3
            && !w.chars().any(char::is_lowercase)
            && !w.ends_with(':')
            && !w.split(['–', '-']).all(is_year)
    };
    let cut = (start + 1..end).find(|&i| {
        // "no. 210" and "Vol. 3" are numbered inside the title.
        let after_stop = word(i - 1).ends_with(['.', ','])
            && !NUMBERED.contains(&word(i - 1).to_lowercase().as_str());
        // Only a bracket, or a patent's "issued" and date, may follow the number.
        let issued = i + 1 < end && word(i + 1) == "issued";
        let number = code(word(i))
            && (issued || (i + 1..end).all(|k| k == i + 1 && word(k).starts_with('(')));
        // A statute's section sign in the sentence after the title's stop.
        let section = (i..end).any(|k| word(k).contains('§'))
            && word(i).starts_with(|c: char| c.is_ascii_digit());
        after_stop && (number || section)
    });
    let mut out = labels;
    if let Some(cut) = cut {
        out[cut..end].fill(Label::Other);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::corrected;

    #[test]
    fn a_span_of_years_before_the_title_is_the_date() {
        assert_eq!(
            corrected(
                "Tillich, Paul. 1951–1963. *Systematic Theology*. 3 vols.",
                "aatttoo"
            ),
            "aadttoo"
        );
        assert_eq!(
            corrected("Cave, Nick. 2016–2017. *Until*. North Adams.", "aatooo"),
            "aadtoo"
        );
        // A span closing a title stays the title's.
        assert_eq!(
            corrected("Smith, J. Crime in England, 1660–1800. 1974.", "aattttd"),
            "aattttd"
        );
    }

    #[test]
    fn a_year_opening_a_title_is_the_titles() {
        assert_eq!(
            corrected(
                "Association. “2014 ACA Code,” 2014. https://x.org.",
                "adttdo"
            ),
            "atttdo"
        );
        assert_eq!(
            corrected("Association. 2014 ACA code [Internet]. 2014.", "adttod"),
            "atttod"
        );
        // A bare year before the title is the date when no other date follows.
        assert_eq!(
            corrected("Bourdieu P 1984 Distinction. Harvard.", "aadto"),
            "aadto"
        );
        // A date set off by punctuation stays the date.
        assert_eq!(
            corrected("Association. (2014). ACA code. Press.", "adtto"),
            "adtto"
        );
    }

    #[test]
    fn a_number_after_the_title_is_not_the_title() {
        assert_eq!(corrected("Signalhorn. EU-29702195U, 1998.", "ttd"), "tod");
        assert_eq!(
            corrected("Signalhorn, EU-29702195U, issued 1998.", "tttt"),
            "tooo"
        );
        // A span of years closes many titles.
        assert_eq!(
            corrected("Crime in England, 1660–1800. 1974.", "ttttd"),
            "ttttd"
        );
    }
}
