//! GOST 7.1 / 7.0.100, the Russian standard for references, marks its areas with
//! punctuation rather than with the order or type of words: the heading (the first
//! author, "Иванов И. И." or "Петров, А. В."), the title, " / " before the statement of
//! responsibility, " // " before the host (the journal or book an article is in), and
//! ". — " between the other areas (edition, place and publisher, year, extent). The
//! labeller, trained on other styles, reads such a reference as one run of names; when
//! the marks are there, they say where each part is.
//!
//! Notes after GOST R 7.0.5 often leave the dashes out ("Иванов И. И. Заглавие. М.:
//! Наука, 1985. С. 45."); then the areas open after a stop, and what each is (a place
//! before its colon, a publisher before its year's comma, an edition, a year, a volume,
//! pages, an extent) is read from its first words. Measured on `gost.jsonl` (see
//! `tests/reference_accuracy.rs`): the rules were written from its tune half.

use std::ops::Range;

use super::super::describe_tokens::{EDITOR_WORDS, is_initial, is_year};
use super::super::split_names::PARTICLES;
use super::super::types::Label;
use super::first_run;

/// Words that open a volume or issue area ("Т. 4", "№ 3", "Вып. 2").
const VOLUME_WORDS: &[&str] = &[
    "т.", "т", "вып.", "№", "ч.", "кн.", "vol.", "bd.", "no.", "iss.", "tl.", "tome", "t.",
];

/// Words that open the pages a work occupies in its host ("С. 60–77", "P. 22", "S. 133").
const PAGE_WORDS: &[&str] = &["с.", "p.", "pp.", "s.", "р."];

/// What opens an area after the title.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Area {
    /// A place (its last token is the one given): "М.:", "New York:", "М.; Л.:".
    Place(usize),
    /// A publisher, or a place, with no colon, before its year's comma (its last token
    /// is the one given): "Springer, 2007.", "М., 1996.".
    Imprint(usize),
    /// The year: "1928.", "1910–1914.".
    Year,
    /// "Т. 1", "№ 3".
    Volume,
    /// "С. 9–14".
    Pages,
    /// An edition statement ("3-е изд.", "2nd Revised edition", "изд. 2-е,
    /// стереотипное"), up to the given token.
    Edition(usize),
    /// The extent of a book ("640 с.", "xxiv, 472 p.").
    Extent,
}

/// Abbreviations inside an edition statement, after which it goes on ("2-е изд.,
/// перераб. и доп.", "2d rev. ed.").
const EDITION_ABBREVIATIONS: &[&str] = &[
    "rev.",
    "испр.",
    "перераб.",
    "доп.",
    "изд.,",
    "durchges.",
    "erw.",
    "aufl.,",
    "corr.",
];

/// Words of an edition statement, lowercase with their stop.
const EDITION_WORDS: &[&str] = &[
    "изд.",
    "изд",
    "изд-е",
    "изд-е.",
    "ed.",
    "ed",
    "edition",
    "edition.",
    "aufl.",
    "éd.",
    "a",
];

/// The labels of a reference written in GOST's areas, or `labels` unchanged when it is
/// not one. GOST R 7.0.5 lets a note leave out the ". — " between areas ("Менделеева
/// А. И. Менделеев в жизни. М.: Изд-во …, 1928. С. 12."): then the heading written
/// family name first with no comma, " / ", " // " and a place before its colon after
/// the title's stop still say where each part is.
pub(super) fn gost_areas(text: &str, tokens: &[Range<usize>], labels: Vec<Label>) -> Vec<Label> {
    let n = tokens.len();
    let word = |i: usize| &text[tokens[i].clone()];
    let slash = (0..n).find(|&i| word(i) == "/");
    let host = (0..n).find(|&i| word(i) == "//");
    // Other styles' "In:" ends a title as " // " does, but does not make a reference GOST.
    let within = (1..n).find(|&i| word(i) == "In:" && word(i - 1).ends_with(['.', '?', '!']));
    let dash = |i: usize| matches!(word(i), "—" | "–");
    let areas = (1..n).any(|i| dash(i) && word(i - 1).ends_with('.'));
    // A responsibility statement names persons by their initials, or an editor: a
    // slash inside a title ("My monster / my self") is not one.
    let responsible = slash.is_some_and(|s| {
        tokens.get(s + 1).is_some_and(|t| {
            let w = text[t.clone()].trim_end_matches(['.', ',']).to_lowercase();
            is_initial(&text[t.clone()])
                || EDITOR_WORDS.contains(&w.as_str())
                || matches!(w.as_str(), "под" | "пер")
        })
    });
    let (heading, comma, particles) = heading(text, tokens);
    // Without dashes, only GOST's own heading ("Иванов И. И.", no comma) or its marks
    // for responsibility and host tell the form from another style's.
    let dashless = !areas && (host.is_some() || responsible || (heading > 0 && !comma));
    if !areas && !dashless {
        return labels;
    }
    // Vancouver's "Lee A. Title. Journal. 2016." and "Ilona K. Varga. Salt Roads. Tisza
    // Press, Szeged, 2012." have GOST's heading too: in Latin script only a place
    // before its colon says the form is GOST's (tested here first, as it is cheap).
    let cyrillic = text.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
    if !areas && !cyrillic && host.is_none() && !responsible && !text.contains(':') {
        return labels;
    }
    // An area opens after a dash between areas, or (without dashes) after a stop.
    let opens = |i: usize| {
        i >= 2 && dash(i - 1) && word(i - 2).ends_with('.')
            || dashless && i >= 1 && word(i - 1).ends_with(['.', ','])
    };
    let area = |i: usize| -> Option<Area> {
        if i >= n || !opens(i) {
            return None;
        }
        let after_stop = word(i - 1).ends_with('.') || dash(i - 1);
        let lower = word(i).to_lowercase();
        if VOLUME_WORDS.contains(&lower.as_str()) && tokens.get(i + 1).is_some() {
            return Some(Area::Volume);
        }
        if PAGE_WORDS.contains(&lower.as_str()) && tokens.get(i + 1).is_some() {
            return Some(Area::Pages);
        }
        if !after_stop {
            return None;
        }
        if year_of(word(i)) && (word(i).ends_with('.') || i + 1 == n) {
            return Some(Area::Year);
        }
        let bare = |k: usize| word(k).trim_end_matches(['.', ',']);
        if bare(i).bytes().all(|b| b.is_ascii_digit() || b == b',')
            && tokens
                .get(i + 1)
                .is_some_and(|_| matches!(word(i + 1), "с." | "p." | "S." | "pp."))
        {
            return Some(Area::Extent);
        }
        // An edition statement is a short sentence of its own.
        let sentence_end = (i..n.min(i + 6)).find(|&k| {
            let lower = word(k).to_lowercase();
            let stop =
                word(k).ends_with('.') && k > i && !EDITION_ABBREVIATIONS.contains(&lower.as_str());
            stop || word(k) != "/"
                && tokens
                    .get(k + 1)
                    .is_some_and(|_| word(k + 1) == "/" || place_end(text, tokens, k + 1).is_some())
        });
        if let Some(end) = sentence_end {
            let numbered = |w: &str| {
                let w = w.trim_end_matches(['.', ',']);
                w.ends_with("-е") && w.starts_with(|c: char| c.is_ascii_digit())
                    || matches!(w, "2d" | "2nd" | "3rd" | "3d")
                    || w.ends_with("th") && w.starts_with(|c: char| c.is_ascii_digit())
            };
            let edition = (i..=end).any(|k| {
                let w = word(k).to_lowercase();
                EDITION_WORDS.contains(&w.as_str()) && (w != "a" || k > i)
            });
            let counted = (i..=end).any(|k| numbered(word(k)) || bare(k).parse::<u32>().is_ok());
            if edition && (counted || (i..=end).any(|k| bare(k).to_lowercase().starts_with("испр")))
            {
                return Some(Area::Edition(end));
            }
        }
        if let Some(end) = place_end(text, tokens, i) {
            // Without a dash before it, a place is sure only with its year after the
            // publisher's comma, in the same area.
            // "Изд-во Новосиб. ун-та, 1997": an abbreviation, not a stop, before a
            // lowercase word.
            let year = (end + 1..n).find(|&k| {
                year_of(word(k))
                    || long_stop(word(k - 1)) && word(k).starts_with(char::is_uppercase)
            });
            let dated = year.is_some_and(|k| year_of(word(k)) && word(k - 1).ends_with(','));
            return (dash(i - 1) || dated || russian_city(word(i))).then_some(Area::Place(end));
        }
        // "Cambridge University Press, 2009.": capitalised words, no stop, a comma, a year.
        // Not a name ("Степанова Ю.С."), nor a place (a colon).
        let end = (i..n.min(i + 9))
            .take_while(|&k| {
                let w = word(k);
                let imprint_word = w.starts_with(char::is_uppercase)
                    && !w.contains(|c: char| c.is_ascii_digit())
                    || IMPRINT_LINKS.contains(&w);
                let broken = long_stop(word(k - 1))
                    || word(k - 1).ends_with(':')
                    || initials_of_a_name(text, tokens, k);
                imprint_word && (k == i || !broken)
            })
            .find(|&k| word(k).ends_with(',') && k + 1 < n && year_of(word(k + 1)))?;
        word(i)
            .starts_with(char::is_uppercase)
            .then_some(Area::Imprint(end))
    };
    // The title runs to the first mark that ends it.
    // A volume before " / " or " // " is the title's ("Второй пол. Т. 1 и 2 / под
    // ред. …").
    let area_end = (heading + 1..n)
        .find(|&i| areas && dash(i) || dashless && area(i).is_some_and(|a| a != Area::Volume))
        .unwrap_or(n);
    let title_end = [slash, host, within, Some(area_end)]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(n);
    // An edition may come between the title and the place ("Sein und Zeit. 5-е изд.
    // Halle: Niemeyer, 1941.").
    let first = area_end + usize::from(areas);
    let first = match area(first) {
        Some(Area::Edition(last)) => last + 1 + usize::from(areas),
        _ => first,
    };
    let sure = responsible
        || host.is_some()
        || heading > 0
            && match area(first) {
                Some(Area::Place(_)) => true,
                Some(Area::Imprint(_)) => cyrillic,
                Some(Area::Year) => cyrillic && !areas,
                _ => false,
            };
    if title_end <= heading || !sure {
        return labels;
    }
    let mut out = labels;
    for label in out.iter_mut() {
        if matches!(label, Label::Author | Label::Title) {
            *label = Label::Other;
        }
    }
    out[..heading].fill(Label::Author);
    for p in particles {
        out[p] = Label::Other;
    }
    out[heading..title_end].fill(Label::Title);
    medium(text, tokens, &mut out, heading..title_end);
    let mut i = title_end;
    while i < n {
        // The next mark or area, where this part ends.
        let next = |from: usize| {
            (from..n)
                .find(|&k| matches!(word(k), "/" | "//") || dash(k) || area(k).is_some())
                .unwrap_or(n)
        };
        if dash(i) {
            out[i] = Label::Other;
            i += 1;
            continue;
        }
        match word(i) {
            "/" => {
                // The persons responsible: the authors when no heading named one.
                let end = next(i + 1);
                let lower = |k: usize| word(k).trim_end_matches(['.', ',', ';']).to_lowercase();
                let edited = (i + 1..end).any(|k| EDITOR_WORDS.contains(&lower(k).as_str()));
                let translated = (i + 1..end).any(|k| matches!(lower(k).as_str(), "пер" | "trans"));
                let role = match (edited, translated, heading) {
                    (true, _, _) => Label::Editor,
                    (false, true, _) => Label::Translator,
                    (false, false, 0) => Label::Author,
                    _ => Label::Other,
                };
                out[i] = Label::Other;
                // "под ред. А. Б. Смирнова; пер. В. Г. Жукова": the editors only.
                let cut = (i + 1..end)
                    .find(|&k| word(k - 1).ends_with(';'))
                    .unwrap_or(end);
                out[i + 1..cut].fill(role);
                out[cut..end].fill(Label::Other);
                for (k, label) in out.iter_mut().enumerate().take(end).skip(i + 1) {
                    if matches!(lower(k).as_str(), "под" | "ред" | "пер")
                        || matches!(word(k), "and" | "и")
                    {
                        *label = Label::Other;
                    }
                }
                i = end;
            }
            "//" | "In:" => {
                // The host: a periodical when its year or volume follows at once.
                let end = next(i + 1);
                let periodical = matches!(area(end), Some(Area::Year | Area::Volume));
                out[i] = Label::Other;
                let host_label = if periodical || areas {
                    Label::Journal
                } else {
                    Label::Container
                };
                out[i + 1..end].fill(host_label);
                medium(text, tokens, &mut out, i + 1..end);
                i = end;
            }
            _ => match area(i) {
                Some(Area::Place(last)) => {
                    out[i..=last].fill(Label::Location);
                    let mut k = last + 1;
                    if tokens.get(k).is_some_and(|_| word(k) == ":") {
                        out[k] = Label::Other;
                        k += 1;
                    }
                    // The publisher up to the comma before the year.
                    while k < n && !dash(k) && !year_of(word(k)) {
                        out[k] = Label::Publisher;
                        k += 1;
                        if word(k - 1).ends_with(',') {
                            break;
                        }
                    }
                    if k < n && year_of(word(k)) {
                        out[k] = Label::Date;
                        k += 1;
                    }
                    i = k;
                }
                Some(Area::Imprint(last)) => {
                    // One abbreviated word is a place ("М.,"), other words a publisher.
                    let place = last == i && word(i).ends_with(".,");
                    let label = if place {
                        Label::Location
                    } else {
                        Label::Publisher
                    };
                    out[i..=last].fill(label);
                    out[last + 1] = Label::Date;
                    i = last + 2;
                }
                Some(Area::Year) => {
                    out[i] = Label::Date;
                    i += 1;
                }
                Some(Area::Edition(last)) => {
                    out[i..=last].fill(Label::Edition);
                    i = last + 1;
                }
                Some(Area::Extent) => {
                    out[i..i + 2].fill(Label::Other);
                    i += 2;
                }
                Some(area @ (Area::Volume | Area::Pages)) => {
                    let label = if area == Area::Volume {
                        Label::Volume
                    } else {
                        Label::Pages
                    };
                    out[i] = label;
                    let mut k = i + 1;
                    while k < n && !word(k - 1).ends_with(['.', ',', ';']) || k == i + 1 {
                        out[k] = label;
                        k += 1;
                    }
                    i = k;
                }
                None if areas || !dashless => i += 1,
                None => {
                    // A sentence of its own between areas ("3-е изд.", "312 с."):
                    // no field of the work's identity.
                    if matches!(out[i], Label::Author | Label::Title) {
                        out[i] = Label::Other;
                    }
                    i += 1;
                }
            },
        }
    }
    out
}

/// How many tokens the heading takes, the authors written family name first with
/// their initials ("Иванов И. И.", "Младенцев М. Н., Тищенко В. Е.", "Адорно Т.В.,
/// Хоркхаймер М.", "Петров, А. В." with a comma), whether a comma follows the first
/// family name, and the particles in it.
fn heading(text: &str, tokens: &[Range<usize>]) -> (usize, bool, Vec<usize>) {
    let word = |i: usize| tokens.get(i).map_or("", |t| &text[t.clone()]);
    let named = |w: &str| {
        let family = w.trim_end_matches(',');
        family.chars().count() > 1
            && family.starts_with(char::is_uppercase)
            && family
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
            && !is_initial(w)
    };
    let comma = word(0).ends_with(',');
    let mut at = 0;
    let mut particles = Vec::new();
    loop {
        if !named(word(at)) {
            break;
        }
        // A family name of several words: "Mac Lane S.", "Пико делла Мирандола Д.".
        let more = |w: &str| named(w) && !w.ends_with(',') || particle(w);
        let words = 1 + (1..3).take_while(|&k| more(word(at + k))).count();
        let words = (1..=words)
            .rev()
            .find(|&k| is_initial(word(at + k)))
            .unwrap_or(1);
        at += words - 1;
        // Russian names have two initials ("И. О.", "И.О."): a third starts the title
        // ("Гак В.Г. Л. Теньер и его…"). Other names may have three.
        let cyrillic = word(at)
            .chars()
            .any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
        let most = if cyrillic { 2 } else { 3 };
        let mut initials = 0;
        let mut letters = 0;
        while initials < 3
            && is_initial(word(at + 1 + initials))
            && !HONORIFICS.contains(&word(at + 1 + initials))
        {
            let count = word(at + 1 + initials)
                .chars()
                .filter(|c| c.is_uppercase())
                .count();
            if initials > 0 && letters + count > most {
                break;
            }
            letters += count;
            initials += 1;
        }
        if initials == 0 {
            break;
        }
        at += 1 + initials;
        // A particle after the initials ("Соссюр Ф. де.", "Dalen D. van.") belongs to
        // the heading but to no name: the labels leave it out.
        if particle(word(at).trim_end_matches(['.', ','])) {
            at += 1;
            particles.push(at - 1);
        }
        if !word(at - 1).ends_with(',') {
            break;
        }
        if matches!(word(at), "и" | "et") && matches!(word(at + 1), "др." | "al.") {
            at += 2;
            break;
        }
    }
    // GOST puts no comma after the last name's initials: "ALEX A.J., 2006." is another
    // style's.
    if at > 0 && word(at - 1).ends_with(',') {
        return (0, comma, Vec::new());
    }
    (at, comma, particles)
}

/// Lowercase words inside a publisher's name ("Blackwell Publishing on behalf of The
/// Aristotelian Society").
const IMPRINT_LINKS: &[&str] = &["of", "on", "behalf", "and", "&", "the", "for", "und", "и"];

/// Titles that look like initials ("Mr.") but open a title, not end a name.
const HONORIFICS: &[&str] = &["Mr.", "Mrs.", "Ms.", "Dr.", "St."];

/// Particles that split_names' list (Latin script) lacks: Cyrillic ones and Italian
/// "della" ("Пико делла Мирандола Д.", "Соссюр Ф. де.").
const MORE_PARTICLES: &[&str] = &[
    "della",
    "де",
    "фон",
    "ван",
    "дер",
    "да",
    "ди",
    "ла",
    "делла",
];

/// Whether `word` is a name particle, as written after an inverted name's initials or
/// inside a family name of several words.
fn particle(word: &str) -> bool {
    PARTICLES.contains(&word) || MORE_PARTICLES.contains(&word)
}

/// Whether `word` ends a sentence: a stop after a word longer than an abbreviation
/// ("Наука.", not "Тип." or "М.").
fn long_stop(word: &str) -> bool {
    word.strip_suffix('.')
        .is_some_and(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 4)
}

/// Whether `word` is a year, or a span of years opening with one ("1910–1914.",
/// "1997–.").
fn year_of(word: &str) -> bool {
    let w = word.trim_end_matches(['.', ',', ';', ':']);
    is_year(w.split(['–', '-', '—']).next().unwrap_or(w))
}

/// The last token of a place opening at `i`: one to four capitalised words ("М.",
/// "New York", "М.; Л.", "London, New York", "Frankfurt am Main") closed by a colon.
fn place_end(text: &str, tokens: &[Range<usize>], i: usize) -> Option<usize> {
    let word = |k: usize| &text[tokens[k].clone()];
    if !word(i).starts_with(char::is_uppercase) {
        return None;
    }
    // "Степанова Ю.С. М.:" is an editor's name, then the place: a word then an
    // initial is a name ("N. Y.:", all initials, is a place).
    (i..tokens.len().min(i + 4))
        .take_while(|&k| {
            let w = word(k);
            !(k > i && initials_of_a_name(text, tokens, k))
                && (k == i
                    || w.starts_with(char::is_uppercase)
                    || matches!(w, "am" | "upon" | "on" | ":"))
        })
        .find(|&k| {
            let w = word(k);
            (w.len() > 1 && w.ends_with(':'))
                || tokens.get(k + 1).is_some_and(|t| &text[t.clone()] == ":")
        })
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
        colon && russian_city(w)
    };
    let Some(at) = (start + 1..end).find(|&i| city(i) && word(i - 1).ends_with('.')) else {
        return labels;
    };
    let mut out = labels;
    out[at] = Label::Location;
    out[at + 1..end].fill(Label::Publisher);
    out
}

/// Words of a medium's designation ("\[Электронный ресурс\]", "\[Internet\]", "\[en ligne\]").
const MEDIA: &[&str] = &[
    "ресурс",
    "электрон",
    "текст",
    "internet",
    "online",
    "en ligne",
];

/// A medium in brackets that closes a title or a host ("[Электронный ресурс]",
/// "\[Internet\]") is neither's: labelled Other.
fn medium(text: &str, tokens: &[Range<usize>], out: &mut [Label], part: Range<usize>) {
    let word = |k: usize| &text[tokens[k].clone()];
    if part.is_empty()
        || !word(part.end - 1)
            .trim_end_matches(['.', ',', ':'])
            .ends_with(']')
    {
        return;
    }
    // A bracket may close a title too ("Цолликонеровские семинары [О Daseinanalitik’е]").
    let Some(open) = part.clone().rev().find(|&k| word(k).starts_with('[')) else {
        return;
    };
    let inside = text[tokens[open].start..tokens[part.end - 1].end].to_lowercase();
    if MEDIA.iter().any(|m| inside.contains(m)) {
        out[open..part.end].fill(Label::Other);
    }
}

/// Whether token `k` opens the initials after a family name ("Степанова | Ю.С."): a
/// place or a publisher does not run on through them.
fn initials_of_a_name(text: &str, tokens: &[Range<usize>], k: usize) -> bool {
    let word = |k: usize| &text[tokens[k].clone()];
    k > 0 && is_initial(word(k)) && !is_initial(word(k - 1))
}

/// An abbreviated Russian city, as a place is written ("М.", "СПб.", "М.-СПб.", "Л.:").
fn russian_city(word: &str) -> bool {
    word.trim_end_matches([':', ';']).split('-').all(|part| {
        part.strip_suffix('.').is_some_and(|b| {
            (1..=3).contains(&b.chars().count())
                && b.starts_with(char::is_uppercase)
                && b.chars().all(|c| ('\u{400}'..='\u{4ff}').contains(&c))
        })
    })
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
            "ttoooeeeood"
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
    /// The labels `gost_areas` gives `text` (labelled all Other before), one letter a
    /// token: author, title, date, journal, container, editor, translator, publisher,
    /// location, volume, pages (g), edition (n), other.
    fn areas(text: &str) -> String {
        use super::super::super::split_tokens::split_tokens;
        use super::super::super::types::Label;
        let tokens = split_tokens(text);
        super::gost_areas(text, &tokens, vec![Label::Other; tokens.len()])
            .iter()
            .map(|&l| match l {
                Label::Translator => 'r',
                Label::Publisher => 'p',
                Label::Location => 'l',
                Label::Volume => 'v',
                Label::Pages => 'g',
                Label::Edition => 'n',
                other => super::super::letter(other),
            })
            .collect()
    }

    #[test]
    fn gost_areas_without_dashes() {
        // A note of GOST R 7.0.5 without ". — ": heading, title, place: publisher,
        // year, the page cited.
        assert_eq!(
            areas(
                "Менделеева А. И. Менделеев в жизни. М.: Изд-во М. и С. Сабашниковых, 1928. С. 12."
            ),
            "aaatttlpppppdgg"
        );
        // Two authors; an article, whose host runs to its year.
        assert_eq!(
            areas(
                "Младенцев М. Н., Тищенко В. Е. Соотношение свойств // Журнал Русского химического общества. 1869. Т. 1, вып. 2–3. С. 60–77."
            ),
            "aaaaaattojjjjdvvvvgg"
        );
        // Editors written family name first, after the title; the extent is no field.
        assert_eq!(
            areas("Семиотика / под ред. Степанова Ю.С. М.: Радуга, 1983. 640 с."),
            "toooeelpdoo"
        );
        // An edition statement between the title and the place; a family name of
        // two words; a publisher with no place.
        assert_eq!(
            areas(
                "Mac Lane S. Categories for the working mathematician. 2-е изд. Springer, 1998. 314 с."
            ),
            "aaatttttnnpdoo"
        );
        // A particle after the initials is no name.
        assert_eq!(
            areas(
                "Соссюр Ф. де. Курс общей лингвистики / пер. Сухотина А.М. М.: Едиториал УРСС, 2004."
            ),
            "aaotttoorrlppd"
        );
        // Not GOST: Vancouver's "Darwin C." has GOST's heading, but no place follows
        // (and "Mr." is no initial).
        assert_eq!(
            areas("Darwin C. Mr. Darwin on vivisection [Internet]. 1881."),
            "oooooooo"
        );
        // Not GOST: a comma after the last initials (ISO 690's "ALEX A.J., 2006.").
        assert_eq!(
            areas("ALEX A.J., 2006. Typesetting Malayalam using. TUGboat. 2006."),
            "oooooooo"
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
