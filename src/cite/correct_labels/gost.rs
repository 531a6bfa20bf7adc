//! GOST 7.1 / 7.0.100, the Russian standard for references, marks its areas with
//! punctuation rather than with the order or type of words: the heading (the first
//! author, "Иванов И. И." or "Петров, А. В."), the title, " / " before the statement of
//! responsibility, " // " before the host (the journal or book an article is in), and
//! ". — " between the other areas (edition, place and publisher, year, extent). The
//! labeller, trained on other styles, reads such a reference as one run of names; when
//! the marks are there, they say where each part is.

use std::ops::Range;

use super::super::describe_tokens::{EDITOR_WORDS, is_initial, is_year};
use super::super::types::Label;
use super::first_run;

/// The labels of a reference written in GOST's areas, or `labels` unchanged when it is
/// not one.
pub(super) fn gost_areas(text: &str, tokens: &[Range<usize>], labels: Vec<Label>) -> Vec<Label> {
    let word = |i: usize| &text[tokens[i].clone()];
    let slash = (0..tokens.len()).find(|&i| word(i) == "/");
    let host = (0..tokens.len()).find(|&i| word(i) == "//");
    let dash = |i: usize| matches!(word(i), "—" | "–");
    let areas = (1..tokens.len()).any(|i| dash(i) && word(i - 1).ends_with('.'));
    // A responsibility statement names persons by their initials, or an editor: a
    // slash inside a title ("My monster / my self") is not one.
    let responsible = slash.is_some_and(|s| {
        tokens.get(s + 1).is_some_and(|t| {
            let w = text[t.clone()].trim_end_matches(['.', ',']).to_lowercase();
            is_initial(&text[t.clone()]) || EDITOR_WORDS.contains(&w.as_str()) || w == "под"
        })
    });
    // The heading: a family name and one to three initials, either way round.
    let initials = (1..tokens.len().min(4))
        .take_while(|&i| is_initial(word(i)))
        .count();
    let family = word(0).trim_end_matches(',');
    let named = family.chars().count() > 1
        && family.starts_with(char::is_uppercase)
        && family.chars().all(|c| c.is_alphabetic() || c == '-');
    let heading = if named && initials > 0 {
        1 + initials
    } else {
        0
    };
    // The publication area, ". — Л.: Прибой, 1929", a place closed by a colon right
    // after an area's dash: with a heading it marks a book as surely as a slash does
    // (most monographs have no statement of responsibility).
    let colon = |i: usize| tokens.get(i).is_some_and(|t| &text[t.clone()] == ":");
    let place = |i: usize| {
        i >= 2 && dash(i - 1) && word(i - 2).ends_with('.') && {
            let w = word(i);
            (w.len() > 1 && w.ends_with(':')) || colon(i + 1)
        }
    };
    let published = (heading + 1..tokens.len()).find(|&i| place(i));
    if !areas || (!responsible && host.is_none() && (heading == 0 || published.is_none())) {
        return labels;
    }
    // The title runs to the first mark that ends it.
    let area_end = (heading..tokens.len())
        .find(|&i| dash(i))
        .unwrap_or(tokens.len());
    let title_end = [slash, host, Some(area_end)]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(tokens.len());
    if title_end <= heading {
        return labels;
    }
    let mut out = labels;
    for label in out.iter_mut() {
        if matches!(label, Label::Author | Label::Title) {
            *label = Label::Other;
        }
    }
    out[..heading].fill(Label::Author);
    out[heading..title_end].fill(Label::Title);
    // After " / ", the persons responsible: the authors when no heading named one.
    if let Some(s) = slash.filter(|&s| s == title_end) {
        let end = [host, (s..tokens.len()).find(|&i| dash(i))]
            .into_iter()
            .flatten()
            .filter(|&e| e > s)
            .min()
            .unwrap_or(tokens.len());
        // "под ред. А. Б. Смирнова": edited by.
        let edited = (s + 1..end).any(|i| {
            let w = word(i).trim_end_matches(['.', ',']).to_lowercase();
            EDITOR_WORDS.contains(&w.as_str())
        });
        let role = match (edited, heading) {
            (true, _) => Label::Editor,
            (false, 0) => Label::Author,
            _ => Label::Other,
        };
        out[s + 1..end].fill(role);
        out[s] = Label::Other;
        for (i, label) in out.iter_mut().enumerate().take(end).skip(s + 1) {
            if word(i) == "под" {
                *label = Label::Other;
            }
        }
    }
    // The dashes between areas belong to no field.
    for (i, label) in out.iter_mut().enumerate() {
        if dash(i) {
            *label = Label::Other;
        }
    }
    // The place, then the publisher up to the comma before the year.
    if let Some(p) = published.filter(|&p| p > title_end) {
        out[p] = Label::Location;
        let from = if colon(p + 1) { p + 2 } else { p + 1 };
        for (i, label) in out.iter_mut().enumerate().skip(from) {
            if dash(i) || is_year(word(i).trim_end_matches(['.', ','])) {
                break;
            }
            *label = Label::Publisher;
            if word(i).ends_with(',') {
                break;
            }
        }
    }
    // After " // ", the host up to its next area.
    if let Some(h) = host {
        let end = (h + 1..tokens.len())
            .find(|&i| dash(i))
            .unwrap_or(tokens.len());
        out[h] = Label::Other;
        out[h + 1..end].fill(Label::Journal);
    }
    out
}

/// Russian references in any style give the place as an abbreviated city before the
/// publisher: "М.: Ad Marginem", "М.-СПб.: Медиум", "Л. : Наука". After the title's
/// stop, such a place ends a title the labeller ran on into it ("Ленин и философия. |
/// М.: Ad Marginem"); what follows it is the publisher.
pub(super) fn russian_place(text: &str, tokens: &[Range<usize>], labels: Vec<Label>) -> Vec<Label> {
    let Some(Range { start, end }) = first_run(&labels, Label::Title) else {
        return labels;
    };
    let word = |i: usize| &text[tokens[i].clone()];
    let city = |i: usize| {
        let w = word(i);
        let colon = w.ends_with(':') || tokens.get(i + 1).is_some_and(|t| &text[t.clone()] == ":");
        colon
            && w.trim_end_matches(':').split('-').all(|part| {
                part.strip_suffix('.').is_some_and(|b| {
                    (1..=3).contains(&b.chars().count())
                        && b.starts_with(char::is_uppercase)
                        && b.chars().all(|c| ('\u{400}'..='\u{4ff}').contains(&c))
                })
            })
    };
    let Some(at) = (start + 1..end).find(|&i| city(i) && word(i - 1).ends_with('.')) else {
        return labels;
    };
    let mut out = labels;
    out[at] = Label::Location;
    out[at + 1..end].fill(Label::Publisher);
    out
}

#[cfg(test)]
mod tests {
    use super::super::corrected;

    #[test]
    fn gost_areas_are_read_from_their_marks() {
        // A book: heading, title, responsibility, place : publisher, year, extent.
        assert_eq!(
            corrected(
                "Иванов И. И. История литературы / И. И. Иванов. — Москва : Наука, 2010.",
                "aaaaaaaaaooood"
            ),
            "aaattooooooood"
        );
        // An article in a journal.
        assert_eq!(
            corrected(
                "Козлов В. Н. Теория систем // Вестник МГУ. — 2005. — № 3.",
                "aaaaaaaatdooo"
            ),
            "aaattojjodooo"
        );
        // No heading: the statement of responsibility names the authors.
        assert_eq!(
            corrected(
                "История литературы / И. И. Иванов. — Москва, 2010.",
                "ttaaaaood"
            ),
            "ttoaaaood"
        );
        // Edited by.
        assert_eq!(
            corrected(
                "Сборник статей / под ред. А. Б. Смирнова. — Москва, 2010.",
                "ttaaaaaaood"
            ),
            "ttooeeeeood"
        );
        // Not GOST: a slash inside a title, with no one named after it.
        assert_eq!(
            corrected(
                "Johnson, B.: My monster / my self. In: *Reader*. — Originally",
                "aatttttojoo"
            ),
            "aatttttojoo"
        );
        // A monograph with no statement of responsibility: the publication area
        // after the title's dash says where the title ends.
        assert_eq!(
            corrected(
                "Тынянов Ю. Н. Архаисты и новаторы. — Л.: Прибой, 1929. — 596 с.",
                "aaaaaaaaadooo"
            ),
            "aaatttooodooo"
        );
        // Not GOST: no areas.
        assert_eq!(
            corrected("Smith, J. Salt / roads. London, 2012.", "aattood"),
            "aattood"
        );
    }
    #[test]
    fn a_russian_place_ends_the_title() {
        assert_eq!(
            corrected(
                "Альтюссер Л. Ленин и философия. М.: Ad Marginem; 2005.",
                "aatttttod"
            ),
            "aatttoood"
        );
        // A Latin initial in a title is not a place.
        assert_eq!(
            corrected("Lee A. Title words. J.: Other. 2005.", "aattttd"),
            "aattttd"
        );
    }
}
