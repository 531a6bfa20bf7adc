//! Sentences against the title: a reference the labeller found no title in holds it in
//! its first sentence after the names, or in the "names" it opens with when they read
//! as a title; an editor's statement set in a title's run ("Good TL, editor.") is not
//! the title's.

use std::ops::Range;

use super::super::split_names::PARTICLES;
use super::super::types::Label;
use super::{NAME_LINKS, ends_sentence, first_run};

/// With no title labelled, the first sentence after the names (and a date set after
/// them) is the title, whatever the labeller called it: a work with no container has
/// nothing after its title that tells the labeller what it is ("Almendro, José L., and
/// Fernando Nozal. Elektromagnetisches Signalhorn. EU-29702195U, issued 1998.", read as
/// a container; "Petroff, M. D. (1980) 1986. Blocked impurity band detectors. U.S.
/// patent", read as a note). Nearly every reference has a title; the sentence that
/// follows its names is where every style puts it.
pub(super) fn untitled_first_sentence(
    text: &str,
    tokens: &[Range<usize>],
    labels: Vec<Label>,
) -> Vec<Label> {
    if labels.contains(&Label::Title) {
        return labels;
    }
    // Names of authors, or of editors when no one else signs ("Harley JB, Woodward D,
    // editors. The history of cartography. Vol. 1.").
    let signed = |l: &Label| matches!(l, Label::Author | Label::Editor | Label::Date);
    let Some(start) = labels.iter().position(|l| !signed(l)) else {
        return labels;
    };
    if !labels[..start]
        .iter()
        .any(|l| matches!(l, Label::Author | Label::Editor))
        || !matches!(
            labels[start],
            Label::Container
                | Label::Journal
                | Label::Note
                | Label::Publisher
                | Label::Location
                | Label::Genre
                | Label::Other
        )
        || !text[tokens[start].clone()].starts_with(char::is_alphabetic)
    {
        return labels;
    }
    let word = |i: usize| &text[tokens[i].clone()];
    let ends = |i: usize| ends_sentence(word(i));
    // The sentence holds no name, date, bracket or link: those are other fields.
    let Some(end) = (start..tokens.len().min(start + 30)).find(|&i| {
        ends(i)
            || matches!(
                labels[i],
                Label::Author | Label::Date | Label::Url | Label::Doi
            )
    }) else {
        return labels;
    };
    if !ends(end) || (start..=end).any(|i| word(i).starts_with(['(', '[', '<'])) {
        return labels;
    }
    let mut out = labels;
    out[start..=end].fill(Label::Title);
    out
}

/// Vancouver states a book's editors after its title as a sentence of their own:
/// "Fifth-grade boys’ decisions about participation in sports activities. Good TL,
/// editor. Elementary School Journal.", "Poetics. Lucas DW, editor." Names written
/// family name first with their initials, then "editor" or "editors", are the
/// editors, though the labeller runs the title on into them.
pub(super) fn editor_statement(
    text: &str,
    tokens: &[Range<usize>],
    labels: Vec<Label>,
) -> Vec<Label> {
    let word = |i: usize| &text[tokens[i].clone()];
    let initials = |w: &str| {
        let w = w.trim_end_matches(',');
        (1..=3).contains(&w.chars().count()) && w.chars().all(char::is_uppercase)
    };
    let family = |w: &str| {
        w.starts_with(char::is_uppercase)
            && w.chars()
                .skip(1)
                .all(|c| c.is_lowercase() || c == '-' || c == '’')
            && w.chars().count() > 1
    };
    let mut out = labels;
    for i in 2..tokens.len() {
        if out[i] != Label::Title
            || !matches!(word(i).to_lowercase().as_str(), "editor." | "editors.")
        {
            continue;
        }
        // Back over "Family INITIALS," pairs to the stop that closes the title.
        let mut k = i;
        while k >= 2 && word(k - 1).ends_with(',') && initials(word(k - 1)) && family(word(k - 2)) {
            k -= 2;
        }
        let closed = k >= 1 && word(k - 1).ends_with(['.', '?', '!', '”']);
        if k == i || !closed || out[k - 1] != Label::Title {
            continue;
        }
        out[k..=i].fill(Label::Editor);
    }
    out
}

/// Words that close the name of a law, an instrument or a treaty.
const LAW_WORDS: &[&str] = &[
    "act",
    "acts",
    "bill",
    "regulations",
    "regulation",
    "order",
    "measure",
    "rules",
    "directive",
    "decision",
    "treaty",
    "convention",
    "agreement",
    "statute",
    "code",
    "ordinance",
    "decree",
    "loi",
    "gesetz",
    "verordnung",
];

/// With no title labelled, a reference that opens with "names" that read as a title
/// opens with its title: laws and instruments are cited unsigned, by their name
/// ("Breeding of dogs (licensing records) (scotland) regulations, Pub. L. No. SSI
/// 1999/176 (1999).", "Consolidated fund bill, Pub. L. No. 5", "Civil Rights Act, …").
/// Names are capitalised word by word, links and particles aside; a run with two
/// lowercase words that are neither, or that ends with the word that names a law, is
/// a title. It ends at its first comma or stop.
pub(super) fn unsigned_title(
    text: &str,
    tokens: &[Range<usize>],
    labels: Vec<Label>,
) -> Vec<Label> {
    if labels.contains(&Label::Title) {
        return labels;
    }
    let Some(Range { start: 0, end }) = first_run(&labels, Label::Author) else {
        return labels;
    };
    let word = |i: usize| &text[tokens[i].clone()];
    let Some(last) = (0..end).find(|&i| word(i).ends_with([',', '.', ';', ':'])) else {
        return labels;
    };
    let bare = |i: usize| {
        word(i)
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let lowercase = (0..=last)
        .filter(|&i| {
            let w = word(i).trim_start_matches(['(', '[']);
            let b = bare(i);
            w.starts_with(char::is_lowercase)
                && !NAME_LINKS.contains(&b.as_str())
                && !PARTICLES.contains(&b.as_str())
        })
        .count();
    // The law's word, before any bracketed part of its name: "… Act (Scotland),".
    let named = (0..=last)
        .rev()
        .find(|&i| !word(i).starts_with('('))
        .is_some_and(|i| i > 0 && LAW_WORDS.contains(&bare(i).as_str()));
    if last == 0 || (lowercase < 2 && !named) {
        return labels;
    }
    let mut out = labels;
    out[..=last].fill(Label::Title);
    out[last + 1..end].fill(Label::Other);
    out
}

#[cfg(test)]
mod tests {
    use super::super::corrected;

    #[test]
    fn with_no_title_the_sentence_after_the_names_is_the_title() {
        // Read as a container, or as a note after a date.
        assert_eq!(
            corrected(
                "Nozal, F. Elektromagnetisches Signalhorn. EU-29702195U, 1998.",
                "aacccd"
            ),
            "aattcd"
        );
        assert_eq!(
            corrected(
                "Petroff, M. 1986. Blocked impurity band detectors. 4,586,960.",
                "aadooooo"
            ),
            "aadtttto"
        );
        // A title found stays; a bracket or a date in the sentence is another field.
        assert_eq!(corrected("Smith, J. Title. Journal.", "aatj"), "aatj");
        assert_eq!(corrected("Smith, J. [Letter]. 1881.", "aaod"), "aaod");
        assert_eq!(corrected("Smith, J. Letter, 1881.", "aaod"), "aaod");
        // Editors sign a book no one wrote.
        assert_eq!(
            corrected("Anderson S, editor. Beowulf. Pearson; 2004.", "eeeood"),
            "eeetod"
        );
        // No names before it: nothing says where the title is.
        assert_eq!(
            corrected("Elektromagnetisches Signalhorn. 1998.", "ccd"),
            "ccd"
        );
    }

    #[test]
    fn unsigned_laws_are_titled_by_their_name() {
        assert_eq!(
            corrected(
                "Breeding of dogs (licensing records) regulations, Pub. L. No. SSI 1999/176.",
                "aaaaaaaoood"
            ),
            "ttttttooood"
        );
        assert_eq!(corrected("Civil Rights Act, 1964.", "aaad"), "tttd");
        // Names stay names: capitalised word by word, links and particles aside.
        assert_eq!(
            corrected(
                "Department of Health and Human Services. Report.",
                "aaaaaat"
            ),
            "aaaaaat"
        );
        assert_eq!(corrected("Ludwig van Beethoven, 1998.", "aaad"), "aaad");
    }

    #[test]
    fn a_vancouver_editor_statement_is_not_the_title() {
        assert_eq!(
            corrected(
                "Conley A. Fifth-grade boys’ sports. Good TL, editor. School Journal.",
                "aattttttjj"
            ),
            "aattteeejj"
        );
        assert_eq!(
            corrected(
                "Lee A. Title words. Good TL, Ross AB, editors. 1999.",
                "aatttttttd"
            ),
            "aatteeeeed"
        );
        // Without a stop before them the words are the title's ("… by Good TL, editor").
        assert_eq!(
            corrected("Lee A. Letters to Good TL, editor. 1999.", "aatttttd"),
            "aatttttd"
        );
    }
}
