//! Names closed by a colon, as German references set them: DIN 1505 inverts them
//! ("Huxley, Thomas Henry: Evolution…"), the humanities write them given name first
//! ("Andreas W. Daum: Alexander von Humboldt. München: C. H. Beck 2019"), and a
//! name of one word signs a title so too ("Euripides: Orestes. In: …").

use std::ops::Range;

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
