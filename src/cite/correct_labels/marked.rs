//! Names against a marked title: names (and a date) the labeller read as the title
//! before a title in emphasis or quotes, a note's signature before an emphasised
//! title, and a review's title that names the work reviewed and its author.

use std::ops::Range;

use super::super::describe_tokens::{is_initial, is_year};
use super::super::split_names::PARTICLES;
use super::super::types::Label;
use super::{closing_token, first_run};

/// Words of a list of names that the labeller took for the title — a particle after a
/// given name ("Heesen, Anke te."), a second name after "and" ("Jordan, S. and Müller,
/// J. (eds)"), a family name after a semicolon — or a span of years ("Eimer, Gerhard.
/// 1970–1971."), followed by an emphasised title: the names and the date run on to
/// the emphasis, which is the title, whatever the labeller called it.
pub(super) fn names_before_marked_title(
    text: &str,
    tokens: &[Range<usize>],
    labels: Vec<Label>,
) -> Vec<Label> {
    let Some(start) = labels.iter().position(|&l| l == Label::Title) else {
        return labels;
    };
    let word = |i: usize| &text[tokens[i].clone()];
    if start == 0 || labels[..start].iter().any(|&l| l != Label::Author) {
        return labels;
    }
    // The title in emphasis, or in quotes ("(eds) (2018) ‘Special issue’, *Journal*").
    let Some(open) = (start + 1..tokens.len().min(start + 9)).find(|&i| {
        let w = word(i);
        (w.starts_with('*') && !w.starts_with("**") && !w.starts_with("*et"))
            || w.starts_with(['‘', '“'])
    }) else {
        return labels;
    };
    let marks: &[char] = if word(open).starts_with('*') {
        &['*']
    } else {
        &['’', '”']
    };
    let part = start..open;
    if part
        .clone()
        .any(|i| !matches!(labels[i], Label::Title | Label::Date | Label::Editor))
    {
        return labels;
    }
    let titled: Vec<usize> = part
        .clone()
        .filter(|&i| labels[i] == Label::Title)
        .collect();
    let bare = |i: usize| word(i).trim_matches(|c: char| ",.;:()".contains(c));
    let years = titled
        .iter()
        .all(|&i| bare(i).split(['–', '-']).all(is_year));
    // After an initial, only a link or a particle goes on with the names ("S. and
    // Müller", "A. von."), or a family name closed by a comma ("S. J. Blumenthal,
    // eds."): Vancouver's "Moraux P. Le *De Anima*" has ended them.
    let before = word(start - 1);
    let role = |w: &str| matches!(w, "eds" | "ed" | "Eds" | "Ed" | "Hrsg" | "hrsg" | "Übers");
    let link =
        matches!(bare(start), "and" | "&") || PARTICLES.contains(&bare(start)) || role(bare(start));
    let closed = titled.last().is_some_and(|&i| word(i).ends_with(','));
    let adjacent = before.ends_with([',', ';']) || (is_initial(before) && (link || closed));
    let named = titled.iter().all(|&i| {
        let w = bare(i);
        matches!(w, "and" | "&")
            || role(w)
            || PARTICLES.contains(&w)
            || w.starts_with(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '’' | '\'' | '.'))
    });
    if !(years || adjacent && named) {
        return labels;
    }
    let Some(close) = closing_token(text, tokens, open, marks) else {
        return labels;
    };
    // Names before an editor's words are the editors' ("Fagiolo dell’Arco, M. (Hrsg.)").
    let names = if part.clone().any(|i| labels[i] == Label::Editor) {
        Label::Editor
    } else {
        Label::Author
    };
    let mut out = labels;
    for &i in &titled {
        out[i] = if years { Label::Date } else { names };
    }
    for label in &mut out[open..] {
        if *label == Label::Title {
            *label = Label::Other;
        }
    }
    out[open..=close].fill(Label::Title);
    out
}

/// A note that opens with a name and a comma, then an emphasised title ("Donald E.
/// Knuth, *Computers & Typesetting*, vol. E", "Ed Pluth, *Badiou: A Philosophy of
/// the New*, 1st ed."), is signed by that name and titled by the emphasis, whatever
/// the labeller made of either.
pub(super) fn names_before_emphasis(
    text: &str,
    tokens: &[Range<usize>],
    labels: Vec<Label>,
) -> Vec<Label> {
    let word = |i: usize| &text[tokens[i].clone()];
    // The first emphasis, Markdown's "*et al.*" aside, after a comma.
    let Some(open) = (1..tokens.len().min(16)).find(|&i| {
        let w = word(i);
        w.starts_with('*') && !w.starts_with("**") && !w.starts_with("*et")
    }) else {
        return labels;
    };
    let comma = open - 1;
    // Names written given name first, joined by commas and "and": "B. Oakley, J.
    // Weinstein, and J. Lynch,", "A. G. Castermans et al., eds.,".
    let joins = [
        "and", "&", "et", "al.", "*et", "al.*", "eds.", "ed.", "Eds.", "Ed.",
    ];
    let name = word(0).starts_with(char::is_uppercase)
        && (0..=comma).all(|i| {
            let w = word(i).trim_end_matches(',');
            joins.contains(&w)
                || w.starts_with(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '-' | '’' | '\'' | '.'))
        });
    if !name || !word(comma).ends_with(',') {
        return labels;
    }
    let Some(close) = closing_token(text, tokens, open, &['*']) else {
        return labels;
    };
    let mut out = labels;
    for label in &mut out {
        if *label == Label::Title {
            *label = Label::Other;
        }
    }
    // An editor's "eds." is no name, and makes the names editors' ("N. J. A. Sloane
    // and A. D. Wyner, Eds., *Claude Elwood Shannon*").
    let editor_word = |i: usize| {
        let w = word(i).trim_end_matches(',');
        w.eq_ignore_ascii_case("eds.") || w.eq_ignore_ascii_case("ed.")
    };
    let names = if (0..=comma).any(editor_word) {
        Label::Editor
    } else {
        Label::Author
    };
    out[..=comma].fill(names);
    for i in (0..=comma).filter(|&i| editor_word(i)) {
        out[i] = Label::Other;
    }
    out[open..=close].fill(Label::Title);
    out
}

/// A review's title names the work reviewed in emphasis and then its author: "Book
/// review: *Practical LaTeX*, by George Grätzer.", "… Review of *the case of the
/// midwife toad*, by Arthur Koestler." The labeller ends the title at the emphasis;
/// the "by" and the names up to the next stop are the title's too.
pub(super) fn reviewed_by(text: &str, tokens: &[Range<usize>], labels: Vec<Label>) -> Vec<Label> {
    let Some(Range { start, end }) = first_run(&labels, Label::Title) else {
        return labels;
    };
    let word = |i: usize| &text[tokens[i].clone()];
    let inside = !word(start).starts_with('*')
        && word(end - 1).trim_end_matches(',').ends_with('*')
        && word(end - 1).ends_with(',');
    if !inside || end >= tokens.len() || !word(end).eq_ignore_ascii_case("by") {
        return labels;
    }
    // One to four names, the last closing the sentence.
    let Some(stop) = (end + 1..tokens.len().min(end + 5)).find(|&i| word(i).ends_with('.')) else {
        return labels;
    };
    let names = (end + 1..=stop).all(|i| {
        let w = word(i).trim_end_matches('.');
        w.starts_with(char::is_alphabetic)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-'))
    });
    if !names || labels[end..=stop].contains(&Label::Title) {
        return labels;
    }
    let mut out = labels;
    out[end..=stop].fill(Label::Title);
    out
}

/// A Chicago note written without italics names its authors given name first, then
/// the title, then the facts in parentheses: "Roland Huntford, Shackleton (London:
/// Hodder & Stoughton, 1985), 98.", "Alfred Lansing, Endurance: Shackleton's
/// Incredible Voyage (New York: McGraw-Hill, 1959)." The labeller reads the title's
/// first words as one more name; the parenthesis marks where the title ends, and the
/// names end at the first comma that no further name and "and" follow.
pub(super) fn title_before_note_facts(
    text: &str,
    tokens: &[Range<usize>],
    labels: Vec<Label>,
) -> Vec<Label> {
    let word = |i: usize| &text[tokens[i].clone()];
    let Some(open) = (2..tokens.len()).find(|&i| word(i).starts_with('(')) else {
        return labels;
    };
    // "(London: Hodder & Stoughton, 1985)": a place or publisher, a comma, a year.
    let close = (open..tokens.len().min(open + 12)).find(|&i| word(i).contains(')'));
    let facts = close.is_some_and(|close| {
        is_year(word(close).trim_end_matches(['.', ',', ')', ';']))
            && word(close - 1).ends_with(',')
            && word(open).len() > 1
            && word(open)[1..].starts_with(char::is_uppercase)
    });
    if !facts {
        return labels;
    }
    let Some(names_end) = given_first_names_end(&(0..open).map(word).collect::<Vec<_>>()) else {
        return labels;
    };
    let title = names_end + 1..open;
    // Only where the labeller ran the names on into the title.
    let damaged = labels[title.clone()].contains(&Label::Author)
        && labels[..open]
            .iter()
            .all(|&l| matches!(l, Label::Author | Label::Title));
    if title.is_empty() || !damaged || !word(title.start).starts_with(char::is_uppercase) {
        return labels;
    }
    let mut out = labels;
    out[..=names_end].fill(Label::Author);
    out[title].fill(Label::Title);
    out
}

/// The token that closes a list of names written given name first ("Roland
/// Huntford,", "Margaret Morrell and Stephanie Capparell,", "A. B. Smith, C. Jones,
/// and D. Lee,"): each name two to four capitalised words, initials or particles,
/// the last before "and" or after it closed by a comma.
fn given_first_names_end(words: &[&str]) -> Option<usize> {
    let is_name_word = |w: &str| {
        let w = w.trim_end_matches(',');
        is_initial(w) || PARTICLES.contains(&w) || super::capitalised_name_word(w)
    };
    let mut i = 0;
    let mut in_name = 0;
    while i < words.len() {
        let w = words[i];
        if w == "and" || w == "&" {
            // "Margaret Morrell and Stephanie Capparell,": "and" closes a name too.
            if in_name == 1 {
                return None;
            }
            in_name = 0;
            i += 1;
            continue;
        }
        if !is_name_word(w) || in_name == 4 {
            return None;
        }
        in_name += 1;
        if w.ends_with(',') {
            if in_name < 2 {
                return None;
            }
            // Another name follows only as "…, and D. Lee," or "…, C. Jones, and".
            let and_next = words.get(i + 1).is_some_and(|n| *n == "and" || *n == "&");
            let and_after = (i + 2..words.len().min(i + 6))
                .find(|&k| words[k].ends_with(','))
                .is_some_and(|k| words.get(k + 1).is_some_and(|n| *n == "and"));
            if !and_next && !and_after {
                return Some(i);
            }
            in_name = 0;
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::corrected;

    #[test]
    fn names_read_as_the_title_run_on_to_an_emphasised_title() {
        assert_eq!(
            corrected(
                "Heesen, Anke te. *Theorien des Museums*. Hamburg.",
                "atttttt"
            ),
            "aaattto"
        );
        assert_eq!(
            corrected(
                "Jordan, S. and Müller, J. (eds) (2012) *Lexikon*. Stuttgart.",
                "aattttdjo"
            ),
            "aaaaaadto"
        );
        // A family name after initials, closed by a comma; a title in quotes.
        assert_eq!(
            corrected(
                "Sechzer, J., and S. J. Blumenthal, eds. *Women and Health*. 1996.",
                "aaaaatetttd"
            ),
            "aaaaaeetttd"
        );
        assert_eq!(
            corrected(
                "McDaniel, S.H. and Kazak, A.E. (eds) (2018) ‘Special issue’, *Teamwork*.",
                "aattttdttj"
            ),
            "aaaaaadttj"
        );
        // DIN's translators' role word after their names.
        assert_eq!(
            corrected(
                "Northcott, K. (Übers.): *Histrionics: Three plays*. Chicago",
                "aatjjjo"
            ),
            "aaattto"
        );
        assert_eq!(
            corrected(
                "Eimer, Gerhard. 1970–1971. *La Fabbrica*. Berlin.",
                "aatjjo"
            ),
            "aadtto"
        );
        // A title that reads as a sentence stays the title.
        assert_eq!(
            corrected("Smith, J. The salt roads. *Journal*, 12.", "aatttjo"),
            "aatttjo"
        );
        // After a date, a capitalised word is a title, not a name.
        assert_eq!(
            corrected("Smith, J. (2000). Ballast. *Journal*, 12.", "aadtjo"),
            "aadtjo"
        );
    }

    #[test]
    fn a_note_names_its_author_before_an_emphasised_title() {
        assert_eq!(
            corrected(
                "Donald E. Knuth, *Computers & Typesetting*, vol. E.",
                "aatjjjoo"
            ),
            "aaatttoo"
        );
    }

    #[test]
    fn a_list_of_names_before_an_emphasised_title_signs_it() {
        assert_eq!(
            corrected(
                "B. Oakley, J. Weinstein, and J. Lynch, *The simpsons*, (May 21, 1995).",
                "aaattttttddd"
            ),
            "aaaaaaattddd"
        );
        // A year before the emphasis: no note's names.
        assert_eq!(
            corrected("Smith, J. (2000) *Title words*. Press.", "aadtto"),
            "aadtto"
        );
        // Names closed by "Eds." are the editors'; the word itself is no name.
        assert_eq!(
            corrected(
                "N. J. A. Sloane and A. D. Wyner, Eds., *Collected Papers*. 1993.",
                "aaattttttttd"
            ),
            "eeeeeeeeottd"
        );
    }

    #[test]
    fn a_review_names_the_reviewed_author_in_its_title() {
        assert_eq!(
            corrected(
                "Book review: *Practical LaTeX*, by George Grätzer. *TUGboat*.",
                "ttttoooj"
            ),
            "tttttttj"
        );
        // A title in emphasis is followed by its own "by" (a translator, an editor).
        assert_eq!(
            corrected("*Practical LaTeX*, by George Grätzer. 2014.", "ttoood"),
            "ttoood"
        );
    }

    #[test]
    fn a_plain_chicago_note_ends_its_title_at_the_facts() {
        use crate::cite::parse;
        for (text, authors, title) in [
            (
                "Roland Huntford, Shackleton (London: Hodder & Stoughton, 1985), 98-105.",
                vec!["Roland Huntford"],
                "Shackleton",
            ),
            (
                "Alfred Lansing, Endurance: Shackleton's Incredible Voyage (New York: McGraw-Hill, 1959), 14.",
                vec!["Alfred Lansing"],
                "Endurance: Shackleton's Incredible Voyage",
            ),
            (
                "Harding McGregor Dunnett, Shackleton's Boat: The Story of the James Caird (Benenden: Neville & Harding, 1996), 45.",
                vec!["Harding McGregor Dunnett"],
                "Shackleton's Boat: The Story of the James Caird",
            ),
        ] {
            let r = parse(text);
            assert_eq!(r.authors, authors, "{text}");
            assert_eq!(r.title.as_deref(), Some(title), "{text}");
        }
    }

    #[test]
    fn names_given_first_end_where_no_name_and_and_follow() {
        use super::given_first_names_end;
        let end = |s: &str| given_first_names_end(&s.split(' ').collect::<Vec<_>>());
        assert_eq!(end("Roland Huntford, Shackleton"), Some(1));
        assert_eq!(
            end("Margaret Morrell and Stephanie Capparell, Shackleton's Way"),
            Some(4)
        );
        assert_eq!(end("A. B. Smith, C. Jones, and D. Lee, Title"), Some(7));
        assert_eq!(end("Shackleton, South"), None);
        assert_eq!(end("The Story of the Ship"), None);
    }
}
