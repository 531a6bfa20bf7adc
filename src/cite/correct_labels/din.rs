//! Names closed by a colon, as German references set them: DIN 1505 inverts them
//! ("Huxley, Thomas Henry: Evolution…"), the humanities write them given name first
//! ("Andreas W. Daum: Alexander von Humboldt. München: C. H. Beck 2019"), and a
//! name of one word signs a title so too ("Euripides: Orestes. In: …").

use std::ops::Range;

use super::super::describe_tokens::{is_initial, is_year};
use super::super::split_names::PARTICLES;
use super::super::types::Label;
use super::{NAME_LINKS, run_length};

/// DIN 1505 closes its list of names with a colon ("Huxley, Thomas Henry: Evolution…",
/// "Petroff, M. D. ; Stapelbroek, M. G.: Blocked…", "…; u. a.: Alkanethiolate…"):
/// every word before it is a name, and names the labeller read on past it are the
/// title's first sentence.
pub(super) fn din_names_and_title(
    text: &str,
    tokens: &[Range<usize>],
    labels: Vec<Label>,
) -> Vec<Label> {
    if !super::super::split_names::din_names(text, false) {
        return labels;
    }
    let Some(colon) = text.find(": ") else {
        return labels;
    };
    let Some(last) = tokens.iter().position(|t| t.end > colon) else {
        return labels;
    };
    // With no title labelled at all, whatever the labeller read before the colon.
    let names = |l: &Label| matches!(l, Label::Author | Label::Title);
    if !labels[..=last].iter().all(names) && labels.contains(&Label::Title) {
        return labels;
    }
    let mut out = labels;
    out[..=last].fill(Label::Author);
    if !out.contains(&Label::Title) {
        let run = run_length(&out, last + 1, Label::Author);
        let sentence = (last + 1..last + 1 + run)
            .find(|&i| text[tokens[i].clone()].ends_with('.'))
            .map_or(last + run, |i| i);
        for label in &mut out[last + 1..=sentence] {
            *label = Label::Title;
        }
    }
    out
}

/// Whether `text` reads as a DIN 1505 reference: "In:", "(Hrsg.)" or " : " between
/// place and publisher.
pub(super) fn is_din(text: &str) -> bool {
    text.contains(" In: ") || text.contains("(Hrsg.)") || text.contains(" : ")
}

/// DIN 1505 sets a name with no comma in it — one word, a pseudonym, an organisation —
/// before the title with a colon, as it does inverted names: "Euripides: Orestes. In:
/// …", "Academicus: Reculer pour mieux sauter. In: *The Times*". In a DIN reference
/// (one with "In:", "(Hrsg.)" or " : " between place and publisher), up to four
/// capitalised words closed by a colon at the start, with no name labelled, sign the
/// title.
pub(super) fn din_plain_name(
    text: &str,
    tokens: &[Range<usize>],
    labels: Vec<Label>,
) -> Vec<Label> {
    if !is_din(text) || labels.contains(&Label::Author) {
        return labels;
    }
    let word = |i: usize| &text[tokens[i].clone()];
    let Some(colon) = (0..tokens.len().min(4)).find(|&i| word(i).ends_with(':')) else {
        return labels;
    };
    let named = (0..=colon).all(|i| {
        let w = word(i).trim_end_matches(':');
        PARTICLES.contains(&w)
            || NAME_LINKS.contains(&w)
            || w.starts_with(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '’' | '\'' | '.'))
    });
    let titled = labels[..=colon].iter().all(|&l| l == Label::Title);
    let next = tokens.get(colon + 1).map(|t| &text[t.clone()]);
    if !named || !titled || !next.is_some_and(|w| w.starts_with(char::is_uppercase)) {
        return labels;
    }
    let mut out = labels;
    out[..=colon].fill(Label::Author);
    out
}

/// Words that join co-authors given name first: "Alexander von Humboldt und Aimé
/// Bonpland:" (and "/" between the names, read inside a word).
const JOINS: &[&str] = &["und", "u.", "and", "&", "et"];

/// The humanities' German form writes names given name first and closes them with a
/// colon, and ends with the place, a colon, the publisher and the year, no comma
/// between the last two ("Andreas W. Daum: Alexander von Humboldt. München: C. H.
/// Beck 2019", "Alexander von Humboldt/Aimé Bonpland: Essai… Paris: Schoell 1807").
/// In a reference that ends so, two to eight name words closed by the first colon are
/// the names, and the title's first sentence follows them, whatever the labeller read
/// (it takes "Kosmos" after "Alexander von Humboldt:" for a family name, the "Daum"
/// after "Andreas W." for a title's first word).
pub(super) fn given_names_before_colon(
    text: &str,
    tokens: &[Range<usize>],
    labels: Vec<Label>,
) -> Vec<Label> {
    let word = |i: usize| &text[tokens[i].clone()];
    let Some(colon) = (1..tokens.len().min(8)).find(|&i| word(i).ends_with(':')) else {
        return labels;
    };
    if !names_given_first(&(0..=colon).map(word).collect::<Vec<_>>()) {
        return labels;
    }
    // The place before its publisher: a capitalised word closed by a colon, then the
    // publisher and the year with no comma before it.
    let Some(place) = (colon + 2..tokens.len())
        .find(|&i| word(i).ends_with(':') && word(i).starts_with(char::is_uppercase))
    else {
        return labels;
    };
    let dated = (place + 2..tokens.len().min(place + 7)).any(|i| {
        is_year(word(i).trim_end_matches([',', '.', ';']))
            && !word(i - 1).ends_with([',', ';', ':'])
    });
    if !dated {
        return labels;
    }
    let Some(stop) = (colon + 1..place).find(|&i| super::ends_sentence(word(i))) else {
        return labels;
    };
    let mut out = labels;
    out[..=colon].fill(Label::Author);
    out[colon + 1..=stop].fill(Label::Title);
    out
}

/// Whether `words` (the last closed by a colon) are names given name first: capitalised
/// words, initials and particles, co-authors joined by "/" or [`JOINS`], each name
/// ending in a capitalised word that is not an initial.
fn names_given_first(words: &[&str]) -> bool {
    let mut parts = Vec::new();
    for (k, w) in words.iter().enumerate() {
        let w = if k + 1 == words.len() {
            w.trim_end_matches(':')
        } else {
            w
        };
        // "Humboldt/Aimé": a name ends at the slash.
        let mut pieces = w.split('/').peekable();
        while let Some(piece) = pieces.next() {
            parts.push(piece);
            if pieces.peek().is_some() {
                parts.push("/");
            }
        }
    }
    let capitalised = super::capitalised_name_word;
    let mut names = 0;
    let mut words_in_name = 0;
    let mut last = "";
    for part in parts.iter().copied().chain(["/"]) {
        if part == "/" || JOINS.contains(&part) {
            if words_in_name < 2 || !capitalised(last) {
                return false;
            }
            names += 1;
            words_in_name = 0;
        } else if capitalised(part)
            || is_initial(part)
            || (PARTICLES.contains(&part) && words_in_name > 0)
        {
            words_in_name += 1;
        } else {
            return false;
        }
        last = part;
    }
    names > 0
}

/// A title in German quotes ("„Die Mutter als Motiv“, in: Kritische Berichte 28") closes
/// at its closing quote, the English opening one: what the labeller read on as title
/// after it is the periodical or book it is in, "in:" before it.
pub(super) fn title_in_german_quotes(
    text: &str,
    tokens: &[Range<usize>],
    labels: Vec<Label>,
) -> Vec<Label> {
    let word = |i: usize| &text[tokens[i].clone()];
    let Some(open) =
        (0..tokens.len()).find(|&i| labels[i] == Label::Title && word(i).starts_with('„'))
    else {
        return labels;
    };
    let Some(close) = (open..tokens.len()).find(|&i| {
        labels[i] == Label::Title
            && word(i)
                .trim_end_matches(['.', ',', ';', ':'])
                .ends_with('“')
    }) else {
        return labels;
    };
    let after = close + 1;
    let run = after + run_length(&labels, after, Label::Title);
    if run == after || !matches!(word(after), "in:" | "In:") {
        return labels;
    }
    let mut out = labels;
    out[after] = Label::Other;
    out[after + 1..run].fill(Label::Container);
    out
}

#[cfg(test)]
mod tests {
    use crate::cite::parse;

    /// (authors, title, year) as parsed.
    fn read(text: &str) -> (Vec<String>, Option<String>, Option<String>) {
        let r = parse(text);
        (r.authors, r.title, r.year)
    }

    #[test]
    fn names_given_first_end_at_the_colon_before_the_title() {
        let cases = [
            (
                "Andreas W. Daum: Alexander von Humboldt. München: C. H. Beck 2019, S. 45.",
                vec!["Andreas W. Daum"],
                "Alexander von Humboldt",
            ),
            (
                "Alexander von Humboldt: Kosmos. Entwurf einer physischen Weltbeschreibung. \
                 Bd. 1. Stuttgart/Tübingen: Cotta 1845.",
                vec!["Alexander von Humboldt"],
                "Kosmos. Entwurf einer physischen Weltbeschreibung",
            ),
            (
                "Alexander von Humboldt/Aimé Bonpland: Essai sur la géographie des plantes. \
                 Paris: Schoell 1807.",
                vec!["Alexander von Humboldt", "Aimé Bonpland"],
                "Essai sur la géographie des plantes",
            ),
            (
                "Alexander von Humboldt: Ansichten der Natur, mit wissenschaftlichen \
                 Erläuterungen. Tübingen: Cotta 1808.",
                vec!["Alexander von Humboldt"],
                "Ansichten der Natur, mit wissenschaftlichen Erläuterungen",
            ),
        ];
        for (text, authors, title) in cases {
            let (a, t, _) = read(text);
            assert_eq!(a, authors, "{text}");
            assert_eq!(t.as_deref(), Some(title), "{text}");
        }
    }

    /// A title with a colon and a Chicago publisher ("Knopf, 2015") is no such form.
    #[test]
    fn a_title_with_a_colon_keeps_it_without_the_german_ending() {
        let (authors, title, _) = read(
            "Andrea Wulf, The Invention of Nature: Alexander von Humboldt's New World (New York: Knopf, 2015), 12.",
        );
        assert_eq!(authors, ["Andrea Wulf"]);
        assert!(title.is_some_and(|t| t.starts_with("The Invention of Nature")));
    }

    #[test]
    fn a_title_in_german_quotes_ends_at_its_closing_quote() {
        let r = parse(
            "Gudrun Fritsch: „Die Mutter als Motiv. Zur Ikonographie der Trauer bei Käthe \
             Kollwitz“, in: Kritische Berichte 28 (2000), H. 3, S. 41–58.",
        );
        assert_eq!(
            r.title.as_deref(),
            Some("Die Mutter als Motiv. Zur Ikonographie der Trauer bei Käthe Kollwitz")
        );
        assert_eq!(
            r.details
                .container
                .as_deref()
                .map(|c| c.starts_with("Kritische Berichte")),
            Some(true)
        );
    }
}
