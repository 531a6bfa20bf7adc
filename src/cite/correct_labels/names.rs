//! Names against the title: where a list of names (persons, DIN's, Vancouver's,
//! organisations) ends and the title it signs begins.

use std::ops::Range;

use super::super::describe_tokens::{is_initial, is_year};
use super::super::split_names::{PARTICLES, is_organisation};
use super::super::types::Label;
use super::{CLOSES, NAME_LINKS, closing_token, first_run, run_length};

/// With no title labelled, an author run that goes on past an inverted name closed by
/// a full stop ("Masters, Jonathan. Mujahadeen. New York: …"), or past a name of one
/// word ("Aristotle. Poetics."), holds the title after that stop: a one-word title
/// reads like one more name.
pub(super) fn title_after_names(
    text: &str,
    tokens: &[Range<usize>],
    labels: Vec<Label>,
) -> Vec<Label> {
    if labels.contains(&Label::Title) {
        return labels;
    }
    let Some(Range { start, end }) = first_run(&labels, Label::Author) else {
        return labels;
    };
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
    // A name of one word closed by a stop ("Aristotle. Poetics. Lucas DW, editor.").
    let mononym = |i: usize| i == start && mononym_shape(word(i));
    // "Heilbron, J. L. Galileo. Oxford: …": a one-word title after an inverted name's
    // two initials or more closes the run (given names seldom go on after two, and the
    // Vancouver test below reads one initial only before a word of several letters).
    let last = end - 1;
    let one_word_title = last >= start + 3
        && last + 1 < tokens.len()
        && word(start).ends_with(',')
        && is_initial(word(last - 1))
        && is_initial(word(last - 2))
        && mononym_shape(word(last));
    if one_word_title {
        let mut out = labels;
        out[last] = Label::Title;
        return out;
    }
    let Some(stop) = (start..end.saturating_sub(1)).find(|&i| {
        if mononym(i) {
            return true;
        }
        let w = word(i);
        let inverted = w.ends_with('.')
            && !is_initial(w)
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

/// A capitalised word of three letters or more closed by a stop: "Aristotle.",
/// "Galileo.".
fn mononym_shape(w: &str) -> bool {
    w.ends_with('.')
        && w.starts_with(char::is_uppercase)
        && w.chars().filter(|c| c.is_alphabetic()).count() > 2
        && w.chars().all(|c| c.is_alphabetic() || c == '.')
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
/// - Vancouver's names end at the initials and stop of the last: "Lehrer T. Alma.";
/// - a given name and a role word after a family name are the name's: "Drake,
///   Stillman, trans. Discoveries and Opinions of Galileo." (an editor's "ed." makes
///   the name an editor's).
pub(super) fn names_and_title(
    text: &str,
    tokens: &[Range<usize>],
    labels: Vec<Label>,
) -> Vec<Label> {
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
    if authors == 1
        && tokens.len() > 3
        && word(0).ends_with(',')
        && out[1..3] == [Label::Title, Label::Title]
        && word(1).ends_with(',')
        && word(1).starts_with(char::is_uppercase)
    {
        let role = word(2).trim_end_matches(['.', ',']).to_lowercase();
        let name = match role.as_str() {
            "trans" | "tr" => Some(Label::Author),
            "ed" | "eds" | "comp" => Some(Label::Editor),
            _ => None,
        };
        if let Some(name) = name {
            out[..2].fill(name);
            out[2] = Label::Other;
        }
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
        is_initials(w, &[','])
            || (w.starts_with(char::is_uppercase) && !w.ends_with(','))
            || PARTICLES.contains(&w)
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
            !is_initials(w, &['.', ',']) && !super::super::describe_tokens::is_initial(w)
        })
        // The run ends a sentence, or the labelled title goes on from it ("Moraux P.
        // Le *De Anima* dans…", "Uría Ríu J. Las Peregrinaciones…").
        && (word(authors - 1).ends_with(['.', ':', '?']) || out.get(authors) == Some(&Label::Title))
    {
        out[closed + 1..authors].fill(Label::Title);
    }
    out
}

/// An organisation's name the labeller split after its first words ("Institute/publisher
/// of Medicine./author Sodium intake…", where "Institute" reads as a publisher's word): a
/// reference opens with its names, so a first run of another label that runs straight
/// on (no stop or comma) into the author run, all of it capitalised words and the small
/// words that link them, up to the authors' stop, is the names' when together they are
/// an organisation's name.
pub(super) fn organisation_split_at_its_start(
    text: &str,
    tokens: &[Range<usize>],
    labels: Vec<Label>,
) -> Vec<Label> {
    let Some(&first) = labels.first() else {
        return labels;
    };
    if matches!(first, Label::Author | Label::Title) {
        return labels;
    }
    let lead = run_length(&labels, 0, first);
    if labels.get(lead) != Some(&Label::Author) {
        return labels;
    }
    let end = lead + run_length(&labels, lead, Label::Author);
    let word = |i: usize| &text[tokens[i].clone()];
    let linked = (0..lead).all(|i| {
        let w = word(i);
        w.ends_with(char::is_alphanumeric)
            && (w.starts_with(char::is_uppercase) || NAME_LINKS.contains(&w))
    });
    let whole = tokens[0].start..tokens[end - 1].end;
    if !linked || !is_organisation(&text[whole]) {
        return labels;
    }
    let mut out = labels;
    out[..lead].fill(Label::Author);
    out
}

/// An organisation's name, or the lower bodies of a hierarchy ("U. S. Congress. House.
/// Committee on Christmas Trees."), read as the title's first sentences: words
/// capitalised one by one (links aside) up to a stop, then a title in quotes or
/// emphasis, or a sentence in sentence case, are names and then the title. Only after
/// names the labeller cut inside a name ("Australian Government | Productivity
/// Commission, and …") or names with no inverted person in them, since "Smith, John.
/// Climate Change. An Essay" has the same shape. With no title labelled, the run after
/// the names may be a "journal" that is the body and the title.
pub(super) fn organisation_before_title(
    text: &str,
    tokens: &[Range<usize>],
    labels: Vec<Label>,
) -> Vec<Label> {
    let start = run_length(&labels, 0, Label::Author);
    let run = match labels.get(start) {
        Some(Label::Title) => Label::Title,
        Some(&run @ (Label::Journal | Label::Container)) if !labels.contains(&Label::Title) => run,
        _ => return labels,
    };
    let end = start + run_length(&labels, start, run);
    let word = |i: usize| &text[tokens[i].clone()];
    // Nothing labelled a name at all: the organisation is the title's first sentence
    // ("American Psychiatric Association. Diagnostic and statistical manual…").
    let unsigned = start == 0 && run == Label::Title && !labels.contains(&Label::Author);
    if start == 0 && !unsigned {
        return labels;
    }
    let cut_inside = start > 0 && word(start - 1).ends_with(char::is_alphanumeric);
    // No inverted person, and no Vancouver initials closing a name ("Darwin C."),
    // unless the names are all initials: "U. S. | Congress. House. …".
    let corporate = unsigned
        || (0..start).all(|i| !word(i).contains([',', ':']))
            && start > 1
            && (!is_initials(word(start - 1)) || (0..start).all(|i| is_initials(word(i))));
    if !cut_inside && !corporate {
        return labels;
    }
    let letters = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count();
    let marked = |w: &str| w.starts_with(['*', '“', '‘', '"', '«']) && !w.starts_with("**");
    let named = |i: usize| {
        let w = word(i).trim_end_matches(['.', ',', ':', ';']);
        (w.is_empty() || w == "&" || w.starts_with(char::is_uppercase) || NAME_LINKS.contains(&w))
            && !w.contains(|c: char| c.is_ascii_digit() || "“”\"*«»‘’()[]".contains(c))
    };
    // A sentence-case title: its first sentence has at least three words, two of them
    // lowercase words that link nothing ("Joint resolution recognizing the …"), and no
    // marked title in it.
    let sentence_case = |from: usize| {
        let close = (from..end)
            .find(|&i| word(i).ends_with(['.', ':']) || (i + 1 < end && marked(word(i + 1))))
            .map_or(end, |i| i + 1);
        let lower = (from..close)
            .filter(|&i| {
                let w = word(i).trim_end_matches(['.', ',', ':']);
                w.starts_with(char::is_lowercase) && !NAME_LINKS.contains(&w)
            })
            .count();
        // After names the labeller cut inside, a shorter sentence will do ("Oregan Youth
        // | Authority. Recidivism outcomes. 2011.").
        let (words, lowers) = if cut_inside { (2, 1) } else { (3, 2) };
        close - from >= words && lower >= lowers && !(from..close).any(|i| marked(word(i)))
    };
    let mut out = labels;
    for stop in start..end.min(start + 12) {
        if !named(stop) {
            break;
        }
        let w = word(stop);
        let next = stop + 1;
        if next >= tokens.len() || letters(w) <= 2 || !w.ends_with(['.', ':', ',']) {
            continue;
        }
        // Unsigned, a one-word "name" may be the title ("Beowulf. A verse translation"),
        // unless it is an acronym ("TED.").
        let acronym = w
            .trim_end_matches(['.', ':', ','])
            .chars()
            .all(char::is_uppercase);
        if unsigned && stop == start && !acronym {
            continue;
        }
        if marked(word(next)) {
            let Some(close) = closing_token(text, tokens, next, CLOSES) else {
                return out;
            };
            for label in &mut out[start..] {
                if *label == Label::Title {
                    *label = Label::Other;
                }
            }
            out[start..=stop].fill(Label::Author);
            out[next..=close].fill(Label::Title);
            return out;
        }
        if w.ends_with(['.', ':']) && sentence_case(next) {
            out[start..=stop].fill(Label::Author);
            out[next..end].fill(Label::Title);
            return out;
        }
    }
    out
}

/// "T.", "AL.", "JL.": a Vancouver name's initials closing the names.
fn is_initials(w: &str) -> bool {
    w.strip_suffix('.')
        .is_some_and(|l| (1..=3).contains(&l.chars().count()) && l.chars().all(char::is_uppercase))
}

/// Names end at a stop; a title the labeller found right after them may have lost its
/// first words to them:
/// - a word or two and a colon ("Soltes OZ, editor. | Georgia: Art…", "TED. | Brené
///   Brown: Listening to shame"): capitalised and unpunctuated, they open the title
///   (DIN's "Family, Given:" follows a comma, its initials hold stops, so its colon
///   stays the names');
/// - an honorific ("Darwin C. | Mr. Darwin on vivisection", "Girou D. | Father
///   Truchet, the typographic point"): a name list does not end with one, it comes
///   before the name it entitles.
pub(super) fn title_opens_after_the_names(
    text: &str,
    tokens: &[Range<usize>],
    labels: Vec<Label>,
) -> Vec<Label> {
    let Some(title) = labels.iter().position(|&l| l == Label::Title) else {
        return labels;
    };
    let word = |i: usize| &text[tokens[i].clone()];
    let named = |i: usize| matches!(labels[i], Label::Author | Label::Editor);
    if title < 2 || !named(title - 1) {
        return labels;
    }
    if HONORIFICS.contains(&word(title - 1)) && word(title - 2).ends_with('.') {
        let mut out = labels;
        out[title - 1] = Label::Title;
        return out;
    }
    if !word(title - 1).ends_with(':') {
        return labels;
    }
    let plain = |i: usize| {
        let w = word(i).trim_end_matches(':');
        w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && w.chars().count() > 1
            && !w.contains(['.', ',', ';', '(', ')'])
    };
    let mut open = title - 1;
    while open > 0 && named(open - 1) && plain(open) && !word(open - 1).ends_with(['.', ',', ';']) {
        open -= 1;
    }
    // After an inverted name's initial ("Lawvere, F. William:") the words are its
    // given names; DIN puts a colon after every list of names.
    let inverted = open >= 2 && is_initial(word(open - 1)) && word(open - 2).ends_with(',');
    if open == 0
        || !plain(open)
        || title - open > 3
        || !word(open - 1).ends_with('.')
        || inverted
        || super::din::is_din(text)
    {
        return labels;
    }
    let mut out = labels;
    out[open..title].fill(Label::Title);
    out
}

/// Words that address or entitle a person and open a title as often as a name:
/// "Mr. Darwin on vivisection", "Father Truchet, the typographic point…".
const HONORIFICS: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Sir", "Father", "Saint", "Pope", "King", "Queen",
];

/// In author-date styles, a capitalised "title" before the date followed by a title in
/// quotes or emphasis is an organisation signing the work: "Canada Council for the
/// Arts. 2013. “What We Heard: …”", "… New Zealand Productivity Commission. (2012).
/// *Strengthening trans-Tasman economic relations*." (A title is seldom capitalised
/// word by word and left plain while the next one is marked.)
pub(super) fn body_before_date(
    text: &str,
    tokens: &[Range<usize>],
    labels: Vec<Label>,
) -> Vec<Label> {
    let Some(Range { start, end }) = first_run(&labels, Label::Title) else {
        return labels;
    };
    let date_end = end + run_length(&labels, end, Label::Date);
    let word = |i: usize| &text[tokens[i].clone()];
    let opens = |w: &str| w.starts_with(['*', '“', '‘', '"', '«']);
    let named = (start..end).all(|i| {
        let w = word(i).trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
        w.starts_with(char::is_uppercase) || NAME_LINKS.contains(&w)
    });
    if date_end == end
        || date_end >= tokens.len()
        || !labels[..start].iter().all(|&l| l == Label::Author)
        || end - start > 12
        || !named
        || opens(word(start))
        || !opens(word(date_end))
    {
        return labels;
    }
    // The marked title runs to the token that closes it.
    let Some(close) = closing_token(text, tokens, date_end, CLOSES) else {
        return labels;
    };
    let mut out = labels;
    out[start..end].fill(Label::Author);
    out[date_end..=close].fill(Label::Title);
    out
}

/// Words in brackets that close a list of editors' names: "(eds)", "(ed.)", "(Hrsg.)",
/// "(dir.)", "(coord.)", "(comp.)", "(ред.)" (a translator's "(trans.)" is no editor).
const EDITED: &[&str] = &[
    "ed", "eds", "editor", "editors", "hrsg", "hg", "éd", "éds", "dir", "dirs", "coord", "comp",
    "comps", "ред",
];

/// Names that open a reference and close with an editor word in brackets are the
/// editors of an edited book, though the labeller took them for its authors
/// (Harvard's "Hobsbawm, E. and Ranger, T. (eds) (1983) The Invention of Tradition."
/// writes the word without a stop, which the labeller knows less well).
pub(super) fn editors_in_brackets(
    text: &str,
    tokens: &[Range<usize>],
    labels: Vec<Label>,
) -> Vec<Label> {
    let Some(Range { start: 0, end }) = first_run(&labels, Label::Author) else {
        return labels;
    };
    let word = |i: usize| &text[tokens[i].clone()];
    let edited = |i: usize| {
        let w = word(i);
        w.starts_with('(')
            && w.trim_end_matches(['.', ',', ':']).ends_with(')')
            && EDITED.contains(
                &w.trim_matches(['(', ')', '.', ',', ':'])
                    .to_lowercase()
                    .as_str(),
            )
    };
    // The editor word is the run's last token, or the one right after it.
    let close = if edited(end - 1) {
        end - 1
    } else if end < tokens.len() && edited(end) {
        end
    } else {
        return labels;
    };
    if close == 0 {
        return labels;
    }
    let mut out = labels;
    out[..=close].fill(Label::Editor);
    out
}

#[cfg(test)]
mod tests {
    use super::super::corrected;

    #[test]
    fn a_role_word_after_a_given_name_closes_the_names() {
        assert_eq!(
            corrected(
                "Drake, Stillman, trans. Discoveries of Galileo. 1957.",
                "atttttd"
            ),
            "aaotttd"
        );
        assert_eq!(
            corrected(
                "Drake, Stillman, eds. Discoveries of Galileo. 1957.",
                "atttttd"
            ),
            "eeotttd"
        );
        // No role word: the labeller's title stands.
        assert_eq!(
            corrected("Drake, Galileo, Discoveries of Galileo. 1957.", "attttd"),
            "attttd"
        );
    }

    #[test]
    fn a_one_word_title_after_two_initials_ends_the_names() {
        assert_eq!(
            corrected("Heilbron, J. L. Galileo. Oxford: Press, 2010.", "aaaaood"),
            "aaatood"
        );
    }

    #[test]
    fn names_closed_by_an_editor_word_in_brackets_are_editors() {
        assert_eq!(
            corrected(
                "Hobsbawm, E. and Ranger, T. (eds) (1983) The Invention of Tradition.",
                "aaaaaadtttt"
            ),
            "eeeeeedtttt"
        );
        assert_eq!(
            corrected(
                "Klein, U. (Hrsg.): Handbuch der Hanse. Köln, 2001.",
                "aaottood"
            ),
            "eeettood"
        );
        // A translator is not an editor; names with no bracket stay authors.
        assert_eq!(
            corrected("Eco, U. (trans.) (1990) Title words.", "aaadtt"),
            "aaadtt"
        );
        assert_eq!(
            corrected("Hobsbawm, E. (1983) The Invention of Tradition.", "aadtttt"),
            "aadtttt"
        );
    }

    #[test]
    fn a_din_name_without_a_comma_signs_the_title() {
        assert_eq!(
            corrected(
                "Euripides: Orestes. In: Grene, D. (Hrsg.): *Tragedies*.",
                "tteeeet"
            ),
            "ateeeet"
        );
        assert_eq!(
            corrected(
                "Academicus: Reculer pour mieux sauter. In: *The Times*.",
                "tttttojj"
            ),
            "attttojj"
        );
        // Not in a DIN reference: a title with a colon.
        assert_eq!(
            corrected(
                "Beethoven: Complete Symphonies. Brilliant Classics; 2012.",
                "ttttod"
            ),
            "ttttod"
        );
    }

    #[test]
    fn din_names_end_at_their_colon() {
        // The labeller ran the title into the given names, or found no title at all.
        assert_eq!(
            corrected("Huxley, Thomas Henry: Evolution in biology.", "aatttt"),
            "aaattt"
        );
        assert_eq!(
            corrected("O’Shea, M.: Understanding proactive behaviour.", "aaaaa"),
            "aattt"
        );
        // Names read as a place, and no title: the sentence after the colon is the title.
        assert_eq!(
            corrected(
                "Sánchez, Alberto ; Nozal, Fernando: Elektromagnetisches Signalhorn.",
                "aaaccoo"
            ),
            "aaaaatt"
        );
        // A title with a colon after a name in quotes is no DIN name.
        assert_eq!(
            corrected("Gerson, Elihu. “Re: Whence a Spencer Spoof?”", "aattttt"),
            "aattttt"
        );
    }

    #[test]
    fn an_organisation_split_at_its_first_word_is_one_name() {
        assert_eq!(
            corrected("Institute of Medicine. Sodium intake. 2013.", "oaattd"),
            "aaattd"
        );
        // A place before a person's name is no part of it; nor is a publisher with a stop.
        assert_eq!(corrected("London Smith, J. Title. 2013.", "oaatd"), "oaatd");
        assert_eq!(
            corrected("Penguin. Institute of Medicine. Title.", "oaaat"),
            "oaaat"
        );
    }

    #[test]
    fn a_name_of_one_word_closes_the_names() {
        assert_eq!(
            corrected("Aristotle. Poetics. Oxford: Clarendon; 1968.", "aaood"),
            "atood"
        );
        assert_eq!(corrected("Aristotle. Poetics.", "aa"), "at");
        // Initials are no name of their own.
        assert_eq!(corrected("Lee A. Smith. Poetics.", "aaat"), "aaat");
    }

    #[test]
    fn an_organisation_before_the_date_signs_the_marked_title() {
        assert_eq!(
            corrected(
                "Canada Council for the Arts. 2013. “What We Heard.”",
                "tttttdttt"
            ),
            "aaaaadttt"
        );
        // A plain title in sentence case before the date stays the title.
        assert_eq!(
            corrected(
                "Annual report of the board. 2013. *Harbour News*.",
                "tttttdjj"
            ),
            "tttttdjj"
        );
    }

    #[test]
    fn an_unsigned_reference_opens_with_its_organisation() {
        assert_eq!(
            corrected(
                "American Psychiatric Association. Diagnostic and statistical manual. 2013.",
                "tttttttd"
            ),
            "aaattttd"
        );
        assert_eq!(
            corrected("TED. Listening to shame and more. 2012.", "ttttttd"),
            "atttttd"
        );
        // A title in title case, or one word before a sentence, is the title.
        assert_eq!(
            corrected(
                "Beowulf. A verse translation of the poem. 2004.",
                "tttttttd"
            ),
            "tttttttd"
        );
        assert_eq!(
            corrected("The Salt Roads of the Danube. 5th ed. 2012.", "ttttttood"),
            "ttttttood"
        );
    }

    #[test]
    fn an_organisation_read_as_the_title_signs_it() {
        // The labeller stopped at the first body: the names run on to the marked title.
        assert_eq!(
            corrected(
                "U. S. Congress. House. Committee on Trees, *Joint resolution on trees*. 2007.",
                "aaattttttttd"
            ),
            "aaaaaaattttd"
        );
        // Cut inside the name, before a quoted title.
        assert_eq!(
            corrected(
                "Australian Government Productivity Commission, and New Zealand Productivity Commission. “Strengthening Relations,” 2012.",
                "aatttttttttd"
            ),
            "aaaaaaaaattd"
        );
        // A hierarchy of bodies, then a title in emphasis or in sentence case.
        assert_eq!(
            corrected(
                "U. S. Congress. House. Committee on Christmas Trees, *Joint resolution on trees*. 2007.",
                "aaaattttttttd"
            ),
            "aaaaaaaattttd"
        );
        assert_eq!(
            corrected(
                "U. S. Congress. House. Committee on Trees. Joint resolution recognizing trees (2007).",
                "aaaacccccccd"
            ),
            "aaaaaaattttd"
        );
        // A short title after names cut inside.
        assert_eq!(
            corrected(
                "Oregan Youth Authority. Recidivism outcomes. 2011.",
                "aatttd"
            ),
            "aaattd"
        );
        // A person's inverted name, then a title capitalised word by word: left alone.
        assert_eq!(
            corrected(
                "Smith, John. Climate Change. An essay on the weather. 2001.",
                "aatttttttd"
            ),
            "aatttttttd"
        );
    }

    #[test]
    fn vancouver_names_end_before_a_title_the_labeller_found() {
        assert_eq!(
            corrected(
                "Moraux P. Le *De Anima* dans. Cambridge: Press; 1979.",
                "aaatttood"
            ),
            "aattttood"
        );
    }
    #[test]
    fn a_title_opens_with_the_words_before_its_colon() {
        assert_eq!(
            corrected(
                "Soltes OZ, editor. Georgia: Art and civilization. London; 1999.",
                "eeeetttod"
            ),
            "eeettttod"
        );
        assert_eq!(
            corrected("TED. Brené Brown: Listening to shame. 2012.", "aaatttd"),
            "atttttd"
        );
        // DIN's names end at their colon, after a comma or an initial.
        assert_eq!(
            corrected("Beethoven, Ludwig van: Symphonies. 2012.", "aaatd"),
            "aaatd"
        );
        assert_eq!(corrected("White, E. B.: Letters. 1976.", "aaatd"), "aaatd");
        assert_eq!(
            corrected("Lawvere, F. William: Diagonal arguments. 1976.", "aaattd"),
            "aaattd"
        );
        assert_eq!(
            corrected("Congress. House: Food act. In: Record.", "aattoo"),
            "aattoo"
        );
    }
    #[test]
    fn an_honorific_after_the_names_opens_the_title_too() {
        assert_eq!(
            corrected("Darwin C. Mr. Darwin on vivisection. 1881.", "aaatttd"),
            "aattttd"
        );
        // Before a name it entitles, it is the name's.
        assert_eq!(
            corrected("Lee A, Father Brown. Title. 1881.", "aaaatd"),
            "aaaatd"
        );
    }
}
