//! Sentences against the title: a reference the labeller found no title in holds it in
//! its first sentence after the names, or in the "names" it opens with when they read
//! as a title; an editor's statement set in a title's run ("Good TL, editor.") is not
//! the title's.

use std::ops::Range;

use super::super::describe_tokens::is_initial;
use super::super::split_names::PARTICLES;
use super::super::types::Label;
use super::{NAME_LINKS, NUMBERED, first_run};

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

/// A title that ends inside a bracket it opened runs on to the bracket's close: "The
/// river bann navigation order (northern ireland), Pub. L. No. SR 2010/126" (a title's
/// brackets are the title's).
pub(super) fn bracket_in_title(
    text: &str,
    tokens: &[Range<usize>],
    labels: Vec<Label>,
) -> Vec<Label> {
    let Some(Range { start, end }) = first_run(&labels, Label::Title) else {
        return labels;
    };
    let depth = |i: usize| {
        let w = &text[tokens[i].clone()];
        w.matches('(').count() as i32 - w.matches(')').count() as i32
    };
    let open: i32 = (start..end).map(depth).sum();
    if open != 1 {
        return labels;
    }
    let Some(close) = (end..tokens.len().min(end + 5)).find(|&i| depth(i) < 0) else {
        return labels;
    };
    let mut out = labels;
    out[end..=close].fill(Label::Title);
    out
}

/// Whether `word` closes a sentence: a stop after a word, not after an initial ("J.").
fn ends_sentence(word: &str) -> bool {
    word.ends_with(['.', '?', '!'])
        && !is_initial(word)
        && word.chars().filter(|c| c.is_alphabetic()).count() > 1
}

/// Words that open a bracket of publication facts after a title, not a part of it:
/// "(2nd ed.)", "(Vol. 3)", "(Report No. 7)", "(J. Doe, Trans.)".
const FACTS: &[&str] = &[
    "ed",
    "eds",
    "edn",
    "edition",
    "vol",
    "vols",
    "no",
    "nr",
    "pp",
    "p",
    "trans",
    "tr",
    "hrsg",
    "éd",
    "dir",
    "coord",
    "report",
    "original",
    "rev",
    "version",
    "series",
    "press",
    "thesis",
    "dissertation",
    "comp",
    "comps",
    "bd",
];

/// A field does not begin inside a sentence. Where the labeller ends a title on a word
/// with no stop after it and what follows cannot open a field, the title runs on to its
/// sentence's stop: a lowercase word ("… of the Bonn | natural sciences seminar."), a
/// bracket of the title's own ("… Inventory | (ASI)", "… Parodi | (wien, univ.,
/// diss.)"), the name after a title's "of" or initial ("… biology of | J. B. S.
/// Haldane.", "Letters of e. | B. white."), or the number of a "Vol." or "no." ("…
/// document no. | 210."). A bracket of publication facts ("(2nd ed.)", a year, "Place:
/// Publisher") is the next field's.
pub(super) fn title_runs_to_its_stop(
    text: &str,
    tokens: &[Range<usize>],
    labels: Vec<Label>,
) -> Vec<Label> {
    let Some(Range { end, .. }) = first_run(&labels, Label::Title) else {
        return labels;
    };
    let (Some(last), Some(next)) = (
        tokens.get(end - 1).map(|r| &text[r.clone()]),
        tokens.get(end).map(|r| &text[r.clone()]),
    ) else {
        return labels;
    };
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let single = |w: &str| {
        w.strip_suffix('.')
            .is_some_and(|b| b.chars().count() == 1 && b.starts_with(char::is_alphabetic))
    };
    let open = last.ends_with(char::is_alphanumeric);
    let continues = if NUMBERED.contains(&last.to_lowercase().as_str()) {
        next.starts_with(|c: char| c.is_ascii_digit())
    } else if single(last) {
        // An initial inside a name, or a case name's "v.".
        is_initial(next) || next.starts_with(char::is_lowercase) || bare(last) == "v"
    } else if open && NAME_LINKS.contains(&last) {
        next.starts_with(char::is_alphabetic)
    } else if open && next.starts_with('(') {
        facts_free(text, tokens, end, &bare)
    } else {
        open && next.starts_with(char::is_lowercase)
    };
    if !continues {
        return labels;
    }
    let mut depth = 0i32;
    let mut stop = None;
    for i in end..tokens.len().min(end + 8) {
        let w = &text[tokens[i].clone()];
        if w.starts_with('[') || matches!(labels[i], Label::Url | Label::Doi) {
            break;
        }
        depth += w.matches('(').count() as i32 - w.matches(')').count() as i32;
        let w = w.trim_end_matches(['”', '’', '*', '"']);
        let closed = w
            .trim_end_matches(['.', ',', ';', ':', '?', '!'])
            .ends_with(')');
        let number = w
            .strip_suffix('.')
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        if depth <= 0
            && (ends_sentence(w)
                || number
                || (closed && ends_sentence(&w.replace(')', "")))
                || text[tokens[i].clone()].ends_with('*')
                    && !NUMBERED.contains(&w.to_lowercase().as_str()))
        {
            stop = Some(i);
            break;
        }
    }
    let Some(stop) = stop else {
        return labels;
    };
    let mut out = labels;
    out[end..=stop].fill(Label::Title);
    out
}

/// Whether the bracket opened at token `at` closes within five tokens and holds no
/// publication facts: no year, no "Place: Publisher" and none of [`FACTS`].
fn facts_free(
    text: &str,
    tokens: &[Range<usize>],
    at: usize,
    bare: &dyn Fn(&str) -> String,
) -> bool {
    let Some(close) =
        (at..tokens.len().min(at + 5)).find(|&i| text[tokens[i].clone()].contains(')'))
    else {
        return false;
    };
    (at..=close).all(|i| {
        let w = &text[tokens[i].clone()];
        let b = bare(w);
        let year = b.len() == 4 && b.chars().all(|c| c.is_ascii_digit());
        let ordinal = b.starts_with(|c: char| c.is_ascii_digit())
            && ["st", "nd", "rd", "th", "e", "er"]
                .iter()
                .any(|s| b.ends_with(s));
        !year && !ordinal && !FACTS.contains(&b.as_str()) && (i == close || !w.ends_with(':'))
    })
}

/// Where the labeller moves from the title to the next field between two words with no
/// stop between them, the field began at the title's last sentence: "… into the
/// spotlight. Psychology of Sexual Orientation and Gender | Diversity. 2016;3(4)" (a
/// journal), "The simpsons. Gracie Films; Twentieth Century | Fox Film Corporation;"
/// (a publisher). Fields are set off by punctuation; a title's last sentence that holds
/// Vancouver's ";" between publishers is the publisher's too ("… [...]. Venedig; 1570").
pub(super) fn title_ends_at_a_stop(
    text: &str,
    tokens: &[Range<usize>],
    labels: Vec<Label>,
) -> Vec<Label> {
    let Some(Range { start, end }) = first_run(&labels, Label::Title) else {
        return labels;
    };
    let word = |i: usize| &text[tokens[i].clone()];
    let stop = |i: usize| ends_sentence(word(i).trim_end_matches(['”', '’', '*', '"']));
    let next = labels.get(end).copied();
    let cut_mid = end > 0
        && word(end - 1).ends_with(char::is_alphanumeric)
        && matches!(
            next,
            Some(Label::Journal | Label::Container | Label::Publisher)
        );
    let Some(last) = (start..end - 1).rev().find(|&i| stop(i)) else {
        return labels;
    };
    let tail = last + 1..end;
    let listed = tail.clone().any(|i| word(i).ends_with(';'));
    if !(cut_mid || listed) || tail.len() > 10 {
        return labels;
    }
    let to = match next {
        Some(l @ (Label::Journal | Label::Container)) if cut_mid => l,
        _ => Label::Publisher,
    };
    let mut out = labels;
    out[tail].fill(to);
    out
}

/// An edition statement set as a sentence of its own after the title ("Crime and
/// punishment. e-book edition.", "… d 929. unabridged version.") is not the title's: a
/// title's sentences open with a capital, this one opens in lowercase and names an
/// edition or version.
pub(super) fn edition_after_title(
    text: &str,
    tokens: &[Range<usize>],
    labels: Vec<Label>,
) -> Vec<Label> {
    let Some(Range { start, end }) = first_run(&labels, Label::Title) else {
        return labels;
    };
    let word = |i: usize| &text[tokens[i].clone()];
    let Some(stop) = (start..end - 1).rev().find(|&i| ends_sentence(word(i))) else {
        return labels;
    };
    let tail = stop + 1..end;
    let last = word(end - 1).trim_end_matches(['.', ',']).to_lowercase();
    if tail.len() > 3
        || !word(stop + 1).starts_with(char::is_lowercase)
        || !(last.ends_with("edition") || last.ends_with("version"))
    {
        return labels;
    }
    let mut out = labels;
    out[tail].fill(Label::Edition);
    out
}

/// An APA review's title goes on with what it reviews: "Poison pen. Review of *The
/// Collaborator*, by alice kaplan." The labeller ends the title before "Review of".
pub(super) fn review_of(text: &str, tokens: &[Range<usize>], labels: Vec<Label>) -> Vec<Label> {
    let Some(Range { end, .. }) = first_run(&labels, Label::Title) else {
        return labels;
    };
    let word = |i: usize| &text[tokens[i].clone()];
    if end + 2 >= tokens.len()
        || word(end) != "Review"
        || word(end + 1) != "of"
        || !word(end - 1).ends_with('.')
    {
        return labels;
    }
    // To the stop after the reviewed work and its author.
    let Some(close) = (end + 2..tokens.len().min(end + 40))
        .find(|&i| word(i).ends_with('.') && !is_initial(word(i)))
    else {
        return labels;
    };
    let mut out = labels;
    out[end..=close].fill(Label::Title);
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
    fn a_title_runs_on_to_the_close_of_its_bracket() {
        assert_eq!(
            corrected(
                "The navigation order (northern ireland), Pub. L. No. 1.",
                "ttttooooo"
            ),
            "tttttoooo"
        );
        // A bracket opened after the title is not the title's.
        assert_eq!(corrected("Title words (2001).", "ttd"), "ttd");
    }

    #[test]
    fn a_title_ends_at_a_stop_not_inside_the_next_field() {
        assert_eq!(
            corrected(
                "Lee A. Into the spotlight. Psychology of Gender Diversity. 2016.",
                "aattttttjd"
            ),
            "aatttjjjjd"
        );
        assert_eq!(
            corrected(
                "Lee A. The simpsons. Gracie Films; Twentieth Century Fox; 1995.",
                "aattttttod"
            ),
            "aattoooood"
        );
        // A title set off from its journal by a stop stays whole.
        assert_eq!(
            corrected(
                "Lee A. Into the spotlight. A study. Psychology. 2016.",
                "aatttttjd"
            ),
            "aatttttjd"
        );
    }

    #[test]
    fn a_review_title_goes_on_with_the_work_reviewed() {
        assert_eq!(
            corrected(
                "Lee, A. Poison pen. Review of *The Collaborator*, by A. Kaplan. *Times*.",
                "aattoooooooj"
            ),
            "aatttttttttj"
        );
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
    #[test]
    fn a_title_runs_on_to_its_stop() {
        // A lowercase word, an initial's name, a bracket of the title's own, a number.
        assert_eq!(
            corrected(
                "Lee, G. (1989). The rise of the Bonn natural sciences seminar. *Osiris*.",
                "aadtttttoooj"
            ),
            "aadttttttttj"
        );
        assert_eq!(
            corrected(
                "Adams MB. The biology of J. B. S. Haldane. Journal of Biology. 2001.",
                "aatttjjjjjjjd"
            ),
            "aatttttttjjjd"
        );
        assert_eq!(
            corrected(
                "White EB. Letters of e. B. white. Guth DL, editor.",
                "aattteeeee"
            ),
            "aattttteee"
        );
        assert_eq!(
            corrected(
                "Cardoza, D. (2000). *Stress Inventory (ASI)* (No. TC022704). ETS.",
                "aadttoooo"
            ),
            "aadtttooo"
        );
        assert_eq!(
            corrected(
                "Lee, R. Studien zur Plastik (wien, univ., diss.). Wien, 1962.",
                "aatttooood"
            ),
            "aattttttod"
        );
        assert_eq!(
            corrected(
                "Lee J. House document no. 210. Washington; 1907.",
                "aatttood"
            ),
            "aattttod"
        );
        assert_eq!(
            corrected(
                "Lee J. Jameel v. Wall street journal SPRL. CLJ. 2007.",
                "aattjjjjjd"
            ),
            "aattttttjd"
        );
        // Publication facts in a bracket, a title closed by a stop or its marks, a
        // capitalised word: the next field.
        assert_eq!(
            corrected(
                "Smith, J. (2000). Book title (2nd ed.). Publisher.",
                "aadttooo"
            ),
            "aadttooo"
        );
        assert_eq!(
            corrected(
                "Smith, J. The Salt Roads (Szeged: Tisza Press, 2012), 23.",
                "aatttooooo"
            ),
            "aatttooooo"
        );
        assert_eq!(
            corrected(
                "Lee A. Into the spotlight. Psychology of Gender. 2016.",
                "aatttjjjd"
            ),
            "aatttjjjd"
        );
        assert_eq!(
            corrected("Lee A. *Into the spotlight* in press. 2016.", "aatttood"),
            "aatttood"
        );
    }
    #[test]
    fn an_edition_sentence_after_the_title_is_not_the_title() {
        assert_eq!(
            corrected(
                "Dostoevsky F. Crime and punishment. e-book edition. Vintage; 1993.",
                "aatttttod"
            ),
            "aatttoood"
        );
        // A capitalised sentence is the title's ("Part two: The second edition").
        assert_eq!(
            corrected("Lee A. Notes. The edition. Vintage; 1993.", "aatttod"),
            "aatttod"
        );
    }
}
