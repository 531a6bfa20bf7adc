//! Where a title ends: the labeller often moves to the next field a word early or a
//! sentence late. A title's bracket, its sentence up to the stop and a review's work
//! reviewed are the title's; a sentence of the next field ("Gracie Films; …", "e-book
//! edition.") is not.

use std::ops::Range;

use super::super::describe_tokens::is_initial;
use super::super::types::Label;
use super::{NAME_LINKS, NUMBERED, ends_sentence, first_run};

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

/// In an author-date reference ("Names. (1987). Title. *Journal*, 8(3)"), everything
/// between the date and the journal in emphasis is the title: its sentences may hold
/// places, dates and numbers the labeller takes for fields of their own ("TUG Annual
/// Meeting, | Tufts University, July 28–31, 1986. | *TUGboat*", "… bone of Genesis 2:
/// | 21–23. | *American Journal…*"). A chapter's "In", a bracket, a link or a name
/// between them says otherwise.
pub(super) fn title_runs_to_its_container(
    text: &str,
    tokens: &[Range<usize>],
    labels: Vec<Label>,
) -> Vec<Label> {
    let Some(Range { start, end }) = first_run(&labels, Label::Title) else {
        return labels;
    };
    let word = |i: usize| &text[tokens[i].clone()];
    let dated = labels[..start].contains(&Label::Date);
    let Some(container) = (end..tokens.len().min(end + 12)).find(|&i| word(i).starts_with('*'))
    else {
        return labels;
    };
    let fits = |i: usize| {
        !matches!(
            labels[i],
            Label::Author | Label::Editor | Label::Translator | Label::Url | Label::Doi
        ) && !word(i).starts_with(['[', '('])
            && !matches!(word(i).trim_end_matches(':'), "In" | "in")
    };
    if !dated
        || container == end
        || !matches!(labels[container], Label::Journal | Label::Container)
        || !word(container - 1).ends_with(['.', '?', '!'])
        || !(end..container).all(fits)
    {
        return labels;
    }
    let mut out = labels;
    out[end..container].fill(Label::Title);
    out
}

/// ISO 690 sets a report's number before its title with a spaced colon: "1 : *Profile
/// of veteran business owners*", "Cm 7656 : *Eliminating world poverty*". A run with a
/// number in it, before " : " and a title in emphasis, is the number, not the title.
pub(super) fn number_before_marked_title(
    text: &str,
    tokens: &[Range<usize>],
    labels: Vec<Label>,
) -> Vec<Label> {
    let Some(Range { start, end }) = first_run(&labels, Label::Title) else {
        return labels;
    };
    let word = |i: usize| &text[tokens[i].clone()];
    let Some(colon) = (start..end.min(start + 6)).find(|&i| word(i) == ":") else {
        return labels;
    };
    let numbered = (start..colon).any(|i| word(i).contains(|c: char| c.is_ascii_digit()));
    if colon == start
        || !numbered
        || !tokens
            .get(colon + 1)
            .is_some_and(|_| word(colon + 1).starts_with('*'))
        || colon + 1 >= end
    {
        return labels;
    }
    let mut out = labels;
    out[start..=colon].fill(Label::Other);
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
    #[test]
    fn an_author_date_title_runs_to_its_journal() {
        assert_eq!(
            corrected(
                "Anon. (1985). TUG Meeting, Tufts University, July 28–31, 1986. *TUGboat*, 6.",
                "adttoodddjo"
            ),
            "adtttttttjo"
        );
        // A chapter's "In", or no date before the title: the labeller's reading stays.
        assert_eq!(
            corrected("Anon. (1985). Title. In P. Ames, *Book*.", "adtoooc"),
            "adtoooc"
        );
        assert_eq!(
            corrected("Anon. Title, Tufts University. *TUGboat*, 6.", "atoojo"),
            "atoojo"
        );
    }

    #[test]
    fn a_number_before_a_marked_title_is_not_the_title() {
        assert_eq!(
            corrected(
                "Lee, J., 2013. Cm 7656 : *Eliminating poverty*. HMSO.",
                "aadttttto"
            ),
            "aadoootto"
        );
        // A title's own colon, with no number before it, stays.
        assert_eq!(
            corrected("Lee, J., 2013. Paris : *une ville*. HMSO.", "aadtttto"),
            "aadtttto"
        );
    }
}
