//! The one decision behind every bracketed number: citation or part of the sentence.
//!
//! [`find_markers`](super::find_markers) gathers what is known about a candidate — how
//! it fits the running citation sequence, whether the works-cited list has its entries,
//! where it sits in the sentence, which brackets it uses — and [`Evidence::verdict`]
//! weighs it all at once. A few things rule a number out whatever the rest says (a year
//! without an entry in sequence, an enumerator opening a paragraph, "5(3)", "(3)rd");
//! everything else is a sum of weights, so a number in sequence with an entry stays a
//! citation even after a name or inside a phrase, while the same place with a number
//! far from the sequence is text.
//!
//! The weights were set on `tests/data/markers/tune/` (real prose, hand-labelled) and
//! are measured on `tests/data/markers/heldout/` by `tests/markers.rs`; the weight of
//! an entry's author named before the number was set on outside profiles instead, as
//! neither set has such a case yet.

use super::read_locator::PART_WORDS;

/// How the smallest number of a candidate relates to the largest note cited so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Fit {
    /// The next note: what a citation here would be.
    Next,
    /// The latest note again, or one note skipped.
    Close,
    /// An earlier note cited again.
    Earlier,
    /// Further ahead than one skipped note.
    Jump,
}

impl Fit {
    /// The fit of `smallest` after `prev_max`.
    pub(super) fn of(smallest: u32, prev_max: u32) -> Fit {
        if smallest == prev_max.saturating_add(1) {
            Fit::Next
        } else if smallest == prev_max || smallest == prev_max.saturating_add(2) {
            Fit::Close
        } else if smallest < prev_max {
            Fit::Earlier
        } else {
            Fit::Jump
        }
    }
}

/// What the works-cited list says about the numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Listed {
    /// Every number has an entry.
    Entries,
    /// Some number has no entry but is within reach of the sequence or the list's end:
    /// a dangling marker rather than text.
    InReach,
    /// The document has no numbered list: only the sequence can support a number.
    NoList,
    /// The list has no entry with this number.
    Missing(u32),
}

/// Where the candidate sits, the first that applies, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    /// Nothing but numbering or punctuation before it in its paragraph: "(1) First…",
    /// "2. (1) Sections…".
    Start,
    /// Directly after a digit: "5(3)", "3,059\[1\]".
    AfterDigit,
    /// A letter or digit directly after it: "(3)rd".
    Glued,
    /// After "," ";" or ":" and before a lowercase word: "parts: (1) building".
    Enumeration(char),
    /// After a capitalised word that does not open the sentence: "John Smith (42) said".
    AfterName,
    /// Between a word and a lowercase word: "stage (2) of".
    NounPhrase,
    /// Before the end of a clause: ", (4)." or "(4) The next…".
    ClauseEnd,
    /// Right after punctuation: "Iraq.(1)", "years,\[7\]".
    AfterPunctuation,
    /// Anything else.
    Plain,
}

/// Which brackets the candidate uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Bracket {
    /// "(4)": citations, but also enumerators, subsections, counts.
    Round,
    /// "\[4\]": scraped wiki pages cite this way; prose rarely uses it for anything else.
    Square,
}

/// Everything weighed for one candidate.
#[derive(Debug, Clone, Copy)]
pub(super) struct Evidence {
    /// How it fits the running sequence.
    pub fit: Fit,
    /// It names a number from 1000 to 2199: a year, unless an entry and the sequence
    /// say otherwise.
    pub year: bool,
    /// What the works-cited list says.
    pub listed: Listed,
    /// Where it sits.
    pub place: Place,
    /// Its brackets.
    pub bracket: Bracket,
    /// It ends or sits in a heading, where a number is more often part of the title
    /// ("Edit request (2)") than a citation.
    pub in_heading: bool,
    /// It names several numbers ("(5, 7)", "(4)(5)"): no age or count does.
    pub several: bool,
    /// A round bracket where every citation so far was written in square ones: in a
    /// document citing "\[4\]", IEEE's style, "(3)" refers to an equation or an item.
    pub other_brackets: bool,
    /// It numbers an item of a list written in one sentence: "summarised as (1)
    /// Banting's dogs, (2) Collip's extract and (3) the trials".
    pub list_item: bool,
    /// It follows a name that opens the cited entry, as a writer names the authors
    /// they cite: "Carter and Carter (2) point out" before "2. Carter, K. C., &
    /// Carter, B. R. (1994)…", also at a sentence's start ("Cook (1) remains"). An
    /// age or a count after a name has no such entry.
    pub author_named: bool,
}

/// Why a candidate is text, most telling first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reason {
    /// It reads as a year: "(1979)", "(1980–1988)".
    Year,
    /// It opens its paragraph, as an enumerator does.
    Start,
    /// It follows a digit, as a subsection number does.
    AfterDigit,
    /// A letter or digit follows it directly.
    Glued,
    /// No entry has this number and it is out of sequence.
    Unsupported(u32),
    /// It enumerates after this punctuation.
    Enumeration(char),
    /// It follows a name, far from the sequence: an age, a count, a rank.
    AfterName,
    /// It sits inside a noun phrase, far from the sequence.
    NounPhrase,
    /// It is far from the sequence and nothing in its place speaks for a citation.
    OutOfSequence,
    /// The document cites in square brackets, and this is a round one.
    OtherBrackets,
    /// It numbers an item of a list in its sentence, far from the sequence.
    ListItem,
}

/// A sum at or above this makes a citation.
const THRESHOLD: i32 = 1;

impl Evidence {
    /// `Ok` for a citation, or why the candidate is text.
    pub(super) fn verdict(&self) -> Result<(), Reason> {
        let in_sequence = matches!(self.fit, Fit::Next | Fit::Close);
        if self.year && !(self.listed == Listed::Entries && in_sequence) {
            return Err(Reason::Year);
        }
        match (self.place, self.bracket) {
            (Place::Start, _) => return Err(Reason::Start),
            (Place::Glued, _) => return Err(Reason::Glued),
            // "3,059[1]" cites in a wiki table; "5(3)" is a subsection
            (Place::AfterDigit, Bracket::Round) => return Err(Reason::AfterDigit),
            _ => {}
        }
        // "(1) Banting's dogs, (2) Collip's extract": numbers from one up, each
        // before its item, are a list, unless the sequence cites them next.
        if self.list_item && matches!(self.fit, Fit::Earlier | Fit::Jump) {
            return Err(Reason::ListItem);
        }
        match self.listed {
            // the place, when it tells against a citation too, is the better reason
            Listed::Missing(n) => {
                return Err(match self.place {
                    Place::Enumeration(c) => Reason::Enumeration(c),
                    Place::AfterName => Reason::AfterName,
                    Place::NounPhrase => Reason::NounPhrase,
                    _ => Reason::Unsupported(n),
                });
            }
            Listed::NoList if self.fit == Fit::Jump => return Err(Reason::OutOfSequence),
            _ => {}
        }
        if self.weight() >= THRESHOLD {
            return Ok(());
        }
        Err(match self.place {
            _ if self.other_brackets => Reason::OtherBrackets,
            Place::Enumeration(c) => Reason::Enumeration(c),
            Place::AfterName => Reason::AfterName,
            Place::NounPhrase => Reason::NounPhrase,
            Place::AfterDigit => Reason::AfterDigit,
            _ => Reason::OutOfSequence,
        })
    }

    /// The sum of the weights; tuned on `tests/data/markers/tune/`.
    fn weight(&self) -> i32 {
        let fit = match self.fit {
            Fit::Next => 2,
            Fit::Close => 1,
            Fit::Earlier => 0,
            Fit::Jump => -1,
        };
        let listed = match self.listed {
            Listed::Entries => 1,
            Listed::InReach => 0,
            Listed::NoList => -2,
            Listed::Missing(_) => -3,
        };
        let place = match self.place {
            Place::Enumeration(_) => -3,
            Place::NounPhrase => -2,
            Place::AfterName | Place::AfterDigit => -1,
            Place::ClauseEnd | Place::AfterPunctuation => 1,
            Place::Plain | Place::Start | Place::Glued => 0,
        };
        let bracket = match self.bracket {
            // wiki pages cite this way, also when their list was not recognised
            Bracket::Square => 2,
            Bracket::Round => 0,
        };
        let heading = if self.in_heading { -1 } else { 0 };
        let several = i32::from(self.several);
        let style = if self.other_brackets { -4 } else { 0 };
        let author = if self.author_named { 2 } else { 0 };
        fit + listed + place + bracket + heading + several + style + author
    }

    /// Whether rejecting for `reason` is worth an info, so that the author can check a
    /// citation they may have meant: a number kept as text for its place when its entry
    /// exists, and any other rejection in a document with a works-cited list.
    pub(super) fn worth_reporting(&self, reason: Reason) -> bool {
        match reason {
            // years are everywhere; saying so each time would drown the rest
            Reason::Year => false,
            Reason::Start
            | Reason::AfterDigit
            | Reason::Glued
            | Reason::Enumeration(_)
            | Reason::ListItem => self.listed == Listed::Entries,
            _ => self.listed != Listed::NoList,
        }
    }
}

/// What the walk knows of the text before a candidate in its paragraph.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Before<'a> {
    /// The text run before it (for the word it follows).
    pub text: &'a str,
    /// The character right before it, space included.
    pub last_char: Option<char>,
    /// The last character that is not a space.
    pub last_non_space: Option<char>,
    /// A letter came earlier in the paragraph.
    pub letters: bool,
    /// It is in a table cell, which may hold nothing but a citation.
    pub in_cell: bool,
}

/// Where a candidate sits, from what comes before it and the text after it.
pub(super) fn place(before: &Before, after: &str) -> Place {
    let prev = before.last_non_space;
    let next = after.trim_start().chars().next();
    if !before.in_cell && (!before.letters || labels_a_part(before.text)) {
        return Place::Start;
    }
    if before.last_char.is_some_and(|c| c.is_ascii_digit()) {
        return Place::AfterDigit;
    }
    if after
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_numeric())
    {
        return Place::Glued;
    }
    let lower_next = next.is_some_and(char::is_lowercase);
    if let Some(p) = prev.filter(|c| matches!(c, ':' | ';' | ','))
        && lower_next
    {
        return Place::Enumeration(p);
    }
    // "…kept today in Madrid (10). Many…": a number closing the sentence after a
    // name is where a citation sits; an age or a count goes on ("Smith (42) said").
    let closes = next.is_none_or(|c| matches!(c, '.' | '!' | '?'));
    if after_name(before.text) && !closes {
        return Place::AfterName;
    }
    if numbers_a_part(before.text) {
        return Place::NounPhrase;
    }
    if prev.is_some_and(char::is_alphanumeric) && lower_next {
        return Place::NounPhrase;
    }
    if prev.is_some_and(|c| !c.is_alphanumeric()) {
        return Place::AfterPunctuation;
    }
    // an opening quote or bracket begins something; it does not end the clause
    match next {
        None => Place::ClauseEnd,
        Some(c) if c.is_uppercase() || (!c.is_alphanumeric() && !"([{“‘«".contains(c)) => {
            Place::ClauseEnd
        }
        _ => Place::Plain,
    }
}

/// "and phase (2), the break…", "in step (3)": a part's word ("phase", "step",
/// "chapter") after a conjunction or preposition, with no article or ordinal that
/// would make it a phrase a citation may close ("the second phase (2)."), is
/// numbered by the bracket.
fn numbers_a_part(before: &str) -> bool {
    const LINKS: &[&str] = &[
        "and", "or", "in", "into", "to", "at", "from", "of", "during", "after", "before",
        "through", "with", "until",
    ];
    let mut words = before.split_whitespace().rev();
    let (Some(part), Some(link)) = (words.next(), words.next()) else {
        return false;
    };
    before.ends_with(char::is_whitespace)
        && PART_WORDS.contains(&part)
        && LINKS.contains(&link.trim_start_matches(['(', ',']))
}

/// "Step (1): apply…", "Phase (2)": a part's word alone before the bracket at the start
/// of a paragraph or list item labels what follows, as an enumerator does.
fn labels_a_part(before: &str) -> bool {
    let mut words = before.split_whitespace();
    let (Some(word), None) = (words.next(), words.next()) else {
        return false;
    };
    let word = word.to_lowercase();
    word == "step" || PART_WORDS.contains(&word.as_str())
}

/// Whether "(n)" numbers an item of a list in its sentence: it stands before a word,
/// as every one of "(1)" up to "(n)" before it in the sentence does, and the list
/// runs to two items at least ("(2)" after "(1)").
pub(super) fn numbers_an_item(before: &str, after: &str, n: u32) -> bool {
    let before_word = |rest: &str| {
        rest.strip_prefix(' ')
            .or_else(|| rest.strip_prefix('\n'))
            .and_then(|r| r.chars().next())
            .is_some_and(|c| c.is_alphabetic() || matches!(c, '“' | '"' | '‘'))
    };
    if n == 0 || n > MAX_LIST_ITEMS || !before_word(after) {
        return false;
    }
    let sentence_end = |t: &str| {
        [". ", "! ", "? ", ".\n"]
            .iter()
            .filter_map(|e| t.find(e))
            .min()
    };
    let start = [". ", "! ", "? ", ".\n"]
        .iter()
        .filter_map(|e| before.rfind(e).map(|at| at + e.len()))
        .max()
        .unwrap_or(0);
    let sentence_before = &before[start..];
    let sentence_after = &after[..sentence_end(after).unwrap_or(after.len())];
    let item = |within: &str, k: u32| {
        let written = format!("({k})");
        within
            .match_indices(written.as_str())
            .any(|(at, _)| before_word(&within[at + written.len()..]))
    };
    (1..n).all(|k| item(sentence_before, k)) && (n >= 2 || item(sentence_after, 2))
}

/// The most items a list in a sentence is taken to run to.
const MAX_LIST_ITEMS: u32 = 12;

/// "John Smith (42)", "Division of Statistics (3)": the word before is capitalised and
/// does not open its sentence.
fn after_name(before: &str) -> bool {
    name_before(before).is_some()
}

/// The name right before a candidate ("Smith" in "John Smith (42)"), when
/// [`after_name()`] holds.
fn name_before(before: &str) -> Option<&str> {
    let word = capitalised_before(before)?;
    // an acronym ("the MEK (4)") is a name too, but a sentence's first word is not,
    // also when the sentence before ends in markers: "One.(1)(2) Two (3)"
    let earlier = before.trim_end()[..before.trim_end().len() - word.len()]
        .trim_end_matches(|c: char| c.is_ascii_digit() || " ,;–-()[]".contains(c));
    (!earlier.is_empty() && !earlier.ends_with(['.', '!', '?', ':', '"', '“'])).then_some(word)
}

/// The capitalised word of two letters or more a space before a candidate: "Smith" in
/// "John Smith (42)", also where it opens the sentence ("Cook (1) remains").
pub(super) fn capitalised_before(before: &str) -> Option<&str> {
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() {
        // "Smith(42)" written against the word is not how a name is followed by a number
        return None;
    }
    let word_start = trimmed
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '-' || c == '\''))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &trimmed[word_start..];
    if !word.chars().next().is_some_and(char::is_uppercase) || word.chars().count() < 2 {
        return None;
    }
    Some(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, after: &str) -> Place {
        let before = Before {
            text,
            last_char: text.chars().next_back(),
            last_non_space: text.trim_end().chars().next_back(),
            letters: text.chars().any(char::is_alphabetic),
            in_cell: false,
        };
        place(&before, after)
    }

    #[test]
    fn places_are_told_apart() {
        assert_eq!(at("", " First"), Place::Start);
        assert_eq!(at("2. ", " Sections"), Place::Start);
        assert_eq!(at("sub-section 15", ", section"), Place::AfterDigit);
        assert_eq!(at("the ", "rd"), Place::Glued);
        assert_eq!(at("three parts: ", " building"), Place::Enumeration(':'));
        assert_eq!(at("as John Smith ", " said"), Place::AfterName);
        assert_eq!(at("They reached stage ", " of"), Place::NounPhrase);
        assert_eq!(
            at("into phases, and phase ", ", the break"),
            Place::NounPhrase
        );
        assert_eq!(at("ended the second phase ", ". Then"), Place::ClauseEnd);
        assert_eq!(
            at("relocated to Iraq.", "The next"),
            Place::AfterPunctuation
        );
        assert_eq!(at("the delta ", "."), Place::ClauseEnd);
        assert_eq!(at("the delta ", " (5)"), Place::Plain);
        // a sentence's first word is not a name
        assert_eq!(at("It went. Smith ", " said"), Place::NounPhrase);
        // a part's word alone opening an item labels it; after other words it does not
        assert_eq!(at("Step ", ": apply"), Place::Start);
        assert_eq!(at("Phase ", " began"), Place::Start);
        assert_eq!(at("Rub hands. Step ", ": apply"), Place::ClauseEnd);
        assert_eq!(at("Carter and Carter ", " point"), Place::AfterName);
        assert_eq!(name_before("Carter and Carter "), Some("Carter"));
        assert_eq!(
            name_before("the World Health Organization "),
            Some("Organization")
        );
        assert_eq!(name_before("Smith"), None);
        assert_eq!(name_before("Cook "), None);
        assert_eq!(capitalised_before("Cook "), Some("Cook"));
    }

    #[test]
    fn an_author_named_before_the_number_speaks_for_a_citation() {
        let named = |author_named| {
            Evidence {
                fit: Fit::Earlier,
                year: false,
                listed: Listed::Entries,
                place: Place::AfterName,
                bracket: Bracket::Round,
                in_heading: false,
                several: false,
                other_brackets: false,
                list_item: false,
                author_named,
            }
            .verdict()
        };
        assert_eq!(named(false), Err(Reason::AfterName));
        assert_eq!(named(true), Ok(()));
    }

    fn weigh(fit: Fit, listed: Listed, place: Place, bracket: Bracket) -> Result<(), Reason> {
        Evidence {
            fit,
            year: false,
            listed,
            place,
            bracket,
            in_heading: false,
            several: false,
            other_brackets: false,
            list_item: false,
            author_named: false,
        }
        .verdict()
    }

    #[test]
    fn sequence_and_place_are_weighed_together() {
        use Bracket::*;
        // a year is text unless an entry and the sequence claim it
        let year = Evidence {
            fit: Fit::Jump,
            year: true,
            listed: Listed::InReach,
            place: Place::AfterPunctuation,
            bracket: Round,
            in_heading: false,
            several: false,
            other_brackets: false,
            list_item: false,
            author_named: false,
        };
        assert_eq!(year.verdict(), Err(Reason::Year));
        assert!(!year.worth_reporting(Reason::Year));
        let cited_year = Evidence {
            fit: Fit::Next,
            listed: Listed::Entries,
            ..year
        };
        assert_eq!(cited_year.verdict(), Ok(()));
        // in sequence with an entry: a citation even after a name or inside a phrase
        assert_eq!(
            weigh(Fit::Next, Listed::Entries, Place::AfterName, Round),
            Ok(())
        );
        assert_eq!(
            weigh(Fit::Next, Listed::Entries, Place::NounPhrase, Round),
            Ok(())
        );
        // a jump with an entry, where citations sit, is a citation; after a name it is not
        assert_eq!(
            weigh(Fit::Jump, Listed::Entries, Place::AfterPunctuation, Round),
            Ok(())
        );
        // far from the sequence in the same places: text
        assert_eq!(
            weigh(Fit::Jump, Listed::Entries, Place::AfterName, Round),
            Err(Reason::AfterName)
        );
        assert_eq!(
            weigh(Fit::Earlier, Listed::Entries, Place::NounPhrase, Round),
            Err(Reason::NounPhrase)
        );
        // no entry: never a citation
        assert_eq!(
            weigh(Fit::Next, Listed::Missing(9), Place::ClauseEnd, Round),
            Err(Reason::Unsupported(9))
        );
        // an enumerator unless square brackets and the sequence say otherwise
        assert_eq!(
            weigh(Fit::Close, Listed::NoList, Place::Enumeration(','), Round),
            Err(Reason::Enumeration(','))
        );
        assert_eq!(
            weigh(Fit::Next, Listed::Entries, Place::Enumeration(','), Square),
            Ok(())
        );
        assert_eq!(
            weigh(Fit::Next, Listed::Entries, Place::AfterDigit, Square),
            Ok(())
        );
        assert_eq!(
            weigh(Fit::Next, Listed::Entries, Place::AfterDigit, Round),
            Err(Reason::AfterDigit)
        );
        // without a list, a number closing a heading is the heading's ("Request (3)")
        let heading = Evidence {
            fit: Fit::Next,
            year: false,
            listed: Listed::NoList,
            place: Place::ClauseEnd,
            bracket: Round,
            in_heading: true,
            several: false,
            other_brackets: false,
            list_item: false,
            author_named: false,
        };
        assert_eq!(heading.verdict(), Err(Reason::OutOfSequence));
        let with_list = Evidence {
            listed: Listed::Entries,
            ..heading
        };
        assert_eq!(with_list.verdict(), Ok(()));
    }

    #[test]
    fn numbers_before_their_items_from_one_up_are_a_list() {
        let text =
            "summarised as (1) Banting's dogs,\n(2) Collip's extract and (3) the trials, though";
        let item = |n: u32| {
            let written = format!("({n})");
            let at = text.find(written.as_str()).unwrap();
            numbers_an_item(&text[..at], &text[at + written.len()..], n)
        };
        assert!(item(1) && item(2) && item(3));
        // Citations after the words they support, a lone "(1)", a list that does not
        // start at one, and a list in the sentence before are none.
        for (before, after, n) in [
            ("studies (1), reviews ", " and trials", 2),
            ("as shown ", " before.", 1),
            ("as shown ", " the dogs, (3) the trials", 2),
            ("First (1) Banting. Then ", " Collip purified it.", 2),
        ] {
            assert!(!numbers_an_item(before, after, n), "{before}({n}){after}");
        }
    }
}
