//! Names from an author or editor field: "Hussain, M., & Lacy, A.", "R. T. Snodgrass
//! and J. Doe", "Beautrais AL, Joyce PR", "Cole, Matthew, and Murtaza Hussain",
//! "Varga, Ilona; Kovács, Péter", "World Health Organization", "… et al.".

use std::ops::Range;

use super::describe_tokens::{EDITOR_WORDS, is_initial};
use super::split_tokens::split_tokens;
use crate::model::Name;

/// Words that join names ("and", "&" and their French, Spanish, German, Turkish,
/// Russian, Portuguese and Dutch forms).
const CONJUNCTIONS: &[&str] = &["and", "&", "y", "et", "und", "ve", "и", "e", "en", "with"];

/// Words that make a name an organisation's.
const ORGANISATION_WORDS: &[&str] = &[
    "organization",
    "organisation",
    "association",
    "institute",
    "institut",
    "institution",
    "department",
    "ministry",
    "council",
    "society",
    "university",
    "committee",
    "agency",
    "bureau",
    "office",
    "commission",
    "foundation",
    "group",
    "inc",
    "ltd",
    "corporation",
    "company",
    "press",
    "center",
    "centre",
    "board",
    "nations",
    "bank",
    "fund",
    "network",
    "watch",
    "service",
    "services",
    "government",
    "survey",
    "programme",
    "program",
    "project",
    "union",
    "federation",
    "league",
    "party",
    "team",
    "consortium",
    "academy",
    "news",
    "times",
    "reuters",
    "staff",
    "authority",
    "court",
    "parliament",
    "assembly",
    "world",
    "national",
    "international",
    "american",
    "european",
    "ministère",
    "ministerio",
    "research",
    "education",
    "entertainment",
    "labs",
    "laboratory",
    "laboratories",
    "studios",
    "media",
    "records",
    "publishing",
    "publications",
    "software",
    "technologies",
    "games",
];

/// Name particles that belong to the family name ("van Gogh", "de la Macorra").
pub(super) const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "la", "le", "du", "des", "da", "di", "del", "dos", "ter",
    "ten", "te", "zu", "bin", "ibn", "al", "el", "y", "d'",
];

/// A name as read: the structured name and the byte range it was written in.
pub(super) struct Written {
    pub name: Name,
    pub span: Range<usize>,
}

/// The names in `text[range]`, and whether the list ends in "et al." (or "and others").
pub(super) fn split_names(text: &str, range: Range<usize>) -> (Vec<Written>, bool) {
    let field = &text[range.clone()];
    let words: Vec<Range<usize>> = split_tokens(field)
        .into_iter()
        .map(|r| r.start + range.start..r.end + range.start)
        .collect();
    // Drop a leading "In" and role words ("(Eds.)", "edited by"); stop at "et al.".
    let mut kept: Vec<Range<usize>> = Vec::with_capacity(words.len());
    let mut et_al = false;
    for (i, w) in words.iter().enumerate() {
        let word = fold_word(&text[w.clone()]);
        if i == 0 && (word == "in" || word == "in:") {
            continue;
        }
        // "von" stays: it is a particle in "Ludwig von Mises" more often than the
        // "by" of "hrsg. von".
        if EDITOR_WORDS.contains(&word.as_str()) || matches!(word.as_str(), "by" | "par") {
            continue;
        }
        let next = words.get(i + 1).map(|n| fold_word(&text[n.clone()]));
        let starts_et_al = (word == "et" && next.as_deref().is_some_and(|n| n.starts_with("al")))
            || (CONJUNCTIONS.contains(&word.as_str()) && next.as_deref() == Some("others"))
            || (word == "и" && next.as_deref().is_some_and(|n| n.starts_with("др")))
            // DIN's "u. a." (und andere)
            || (word == "u" && next.as_deref() == Some("a"));
        if starts_et_al || word == "etal" {
            et_al = true;
            break;
        }
        kept.push(w.clone());
    }
    if kept.is_empty() {
        return (Vec::new(), et_al);
    }
    let whole = kept[0].start..kept[kept.len() - 1].end;
    if is_organisation(&text[whole.clone()]) {
        let names = organisations(text, &kept)
            .unwrap_or_else(|| vec![whole])
            .into_iter()
            .map(|range| {
                let span = trim(text, range);
                let name = Name {
                    family: text[span.clone()].to_string(),
                    given: None,
                    organisation: true,
                };
                Written { name, span }
            })
            .collect();
        return (names, et_al);
    }
    let parts = parts(text, &kept);
    // A bibliography's inverted names come before a title in emphasis or quotes, or
    // before the year of an author-date list ("Vicuña Mackenna, Benjamín. 1869.").
    let after = text[range.end..].trim_start_matches([' ', '.', ',', ':', '(']);
    let year_follows = after.len() > 4
        && after.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && after[4..].starts_with(['.', ')', ',']);
    let inverted = year_follows || after.starts_with(['*', '_', '"', '“', '«', '„']);
    let mut names = names(text, &parts, inverted);
    // "———." (same author as above) and stray marks are no names.
    names.retain(|w| w.name.family.chars().any(char::is_alphanumeric));
    (names, et_al)
}

/// Several organisations ("Australian Government Productivity Commission and New
/// Zealand Productivity Commission"): the runs between conjunctions, semicolons and
/// commas, when each run is an organisation's name by itself. `None` when some run is
/// not ("Department of Health, Education, and Welfare" is one name).
fn organisations(text: &str, words: &[Range<usize>]) -> Option<Vec<Range<usize>>> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for w in words {
        let word = &text[w.clone()];
        if CONJUNCTIONS.contains(&word.trim_end_matches(',')) {
            // A bare "and" after "of" or "for" joins the parts of one name: "Department
            // of Health and Human Services", "Organisation for Economic Co-operation and
            // Development".
            if let Some(run) = &current {
                let linked = text[run.clone()].split_whitespace().any(|w| {
                    matches!(
                        w,
                        "of" | "for" | "on" | "de" | "des" | "du" | "für" | "pour"
                    )
                });
                if linked {
                    return None;
                }
            }
            runs.extend(current.take());
            continue;
        }
        let run = current.get_or_insert(w.clone());
        run.end = w.end;
        if word.ends_with([',', ';']) {
            runs.extend(current.take());
        }
    }
    runs.extend(current);
    (runs.len() > 1 && runs.iter().all(|r| is_organisation(&text[r.clone()]))).then_some(runs)
}

/// The parts of a name list: runs of words between commas, semicolons, conjunctions
/// and slashes. With semicolons, commas stay inside a part ("Varga, Ilona; …").
fn parts(text: &str, words: &[Range<usize>]) -> Vec<Vec<Range<usize>>> {
    let semicolons = words.iter().any(|w| text[w.clone()].ends_with(';'));
    let mut parts: Vec<Vec<Range<usize>>> = Vec::new();
    let mut current: Vec<Range<usize>> = Vec::new();
    for w in words {
        let word = &text[w.clone()];
        // DIN 1505 sets its semicolons apart: "Homer ; Schadewaldt, W.".
        if !word.chars().any(char::is_alphanumeric) && word.contains([';', ',']) {
            if !current.is_empty() {
                parts.push(std::mem::take(&mut current));
            }
            continue;
        }
        // Written in lowercase and alone: "E." is an initial, not Italian "e". Spanish
        // "y" between two surnames joins them: "Ramón y Cajal, S.", "Santiago Ramón y
        // Cajal" (see [`joins_surnames`]).
        if CONJUNCTIONS.contains(&word.trim_end_matches(','))
            && !joins_surnames(text, words, w, &current)
        {
            if !current.is_empty() {
                parts.push(std::mem::take(&mut current));
            }
            continue;
        }
        // "Humboldt/Aimé Bonpland": German lists join names with a slash.
        if let Some(at) = word.find('/')
            && is_capitalised(&word[..at])
            && is_capitalised(&word[at + 1..])
        {
            current.push(w.start..w.start + at);
            parts.push(std::mem::take(&mut current));
            current.push(w.start + at + 1..w.end);
            continue;
        }
        // "King, Martin Luther, Jr.", "MARTIN LUTHER KING, JR.": a generational suffix
        // set off by a comma closes the name before it.
        if current.is_empty()
            && let Some(last) = parts.last_mut()
            && is_suffix(word)
        {
            last.push(w.clone());
            continue;
        }
        current.push(w.clone());
        let ends = if semicolons {
            word.ends_with(';')
        } else {
            word.ends_with([',', ';'])
        };
        if ends {
            parts.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        parts.push(current);
    }
    parts
}

/// Whether the Spanish "y" at `w` joins a father's and a mother's surname into one
/// family name: a capitalised word without a stop before it, and one capitalised word
/// after it that closes the name (a comma, a semicolon or the end of the field
/// follows). "Pedro Pérez y Juan García" names two people: two words follow.
fn joins_surnames(
    text: &str,
    words: &[Range<usize>],
    w: &Range<usize>,
    current: &[Range<usize>],
) -> bool {
    if &text[w.clone()] != "y" {
        return false;
    }
    let Some(at) = words.iter().position(|x| x == w) else {
        return false;
    };
    let before = current.last().map(|r| &text[r.clone()]);
    let after = words.get(at + 1).map(|r| &text[r.clone()]);
    let closes = words.get(at + 2).is_none_or(|r| {
        let next = &text[r.clone()];
        CONJUNCTIONS.contains(&next.trim_end_matches(','))
    }) || after.is_some_and(|a| a.ends_with([',', ';']));
    before.is_some_and(|b| is_capitalised(b) && !b.ends_with(['.', ',', ';']))
        && after
            .is_some_and(|a| is_capitalised(a) && !a.trim_end_matches([',', ';']).ends_with('.'))
        && closes
}

/// Names from parts: an inverted "Family, Given" spans two parts (or one, with
/// semicolons); "Given Family", "Family AB" and "Family A." are one part each.
fn names(text: &str, parts: &[Vec<Range<usize>>], inverted: bool) -> Vec<Written> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        let part = &parts[i];
        let words: Vec<&str> = part.iter().map(|w| clean_word(&text[w.clone()])).collect();
        // "Varga, Ilona" inside one part (semicolon lists).
        // (Not "KING, JR.": a suffix after the comma closes a name in natural order.)
        let suffixed = part.len() > 2 && is_suffix(&text[part[part.len() - 1].clone()]);
        if let Some(comma) = part[..part.len() - 1]
            .iter()
            .position(|w| text[w.clone()].ends_with(','))
            .filter(|&c| !(suffixed && c == part.len() - 2))
        {
            let family = join(text, &part[..=comma]);
            let given = join(text, &part[comma + 1..]);
            out.push(person(text, part, family, Some(given)));
            i += 1;
            continue;
        }
        // Only a comma joins a family name to its given names: "Cole and Hussain" are two.
        let next = parts.get(i + 1).filter(|_| ends_with_comma(text, part));
        let next_words: Vec<&str> = next
            .map(|n| n.iter().map(|w| clean_word(&text[w.clone()])).collect())
            .unwrap_or_default();
        // A family name of two words ("García Márquez, G.") only before bare initials:
        // "John Smith, Jane Doe" are two people. (Nor before one given name: in a note,
        // "Jeremi Wasiutyński, Kopernik." is a name and a one-word title.)
        // So is one of up to four words with a particle inside ("Vázques de Parga, L.",
        // or first in the list before one given name: "Vázques de Parga, Luis, …"),
        // and one in capitals as ISO 690 writes it ("VÁZQUES DE PARGA, Luis").
        let before_initials = next.is_some_and(|n| n.iter().all(|w| is_initial(&text[w.clone()])));
        let capitals = words.len() > 1
            && words.iter().all(|w| {
                w.chars().count() > 1
                    && w.chars().any(char::is_alphabetic)
                    && !w.chars().any(char::is_lowercase)
            });
        let with_particle = (3..=4).contains(&words.len())
            && is_capitalised(words[0])
            && is_capitalised(words[words.len() - 1])
            && words[1..words.len() - 1]
                .iter()
                .all(|w| PARTICLES.contains(&w.to_lowercase().as_str()))
            // The list's first name is the inverted one: "Vázques de Parga, Luis, …".
            && (before_initials || capitals || (i == 0 && next_words.len() == 1));
        // Before one given name it is the family name when the names are a
        // bibliography's inverted ones: "García Márquez, Gabriel. *El general en su
        // laberinto*." (a note's one-word title would be the marked one).
        let inverted_first = i == 0 && next_words.len() == 1 && inverted;
        let compound = (words.len() == 2
            && words.iter().all(|w| is_capitalised(w) && !w.ends_with('.'))
            && (before_initials || capitals || inverted_first))
            || with_particle;
        if (is_family(&words) || compound)
            && let Some(next) = next
            && is_given(&next_words)
        {
            let family = join(text, part);
            let given = join(text, next);
            let span = trim(text, part[0].start..next[next.len() - 1].end);
            out.push(Written {
                name: Name {
                    family,
                    given: Some(given),
                    organisation: false,
                },
                span,
            });
            i += 2;
            continue;
        }
        let (family, given) = natural(text, part, &words);
        out.push(person(text, part, family, given));
        i += 1;
    }
    out
}

fn ends_with_comma(text: &str, part: &[Range<usize>]) -> bool {
    part.last().is_some_and(|w| text[w.clone()].ends_with(','))
}

/// Generational suffixes after a name.
const SUFFIXES: &[&str] = &["Jr", "Sr", "II", "III", "IV", "Jnr", "Snr"];

/// Whether `word` is a generational suffix, in any case ("Jr.", "JR.,", "III").
pub(super) fn is_suffix(word: &str) -> bool {
    let bare = word.trim_end_matches(['.', ',', ';']);
    SUFFIXES.iter().any(|s| s.eq_ignore_ascii_case(bare))
}

/// A one-part name: "R. T. Snodgrass", "Albert R. Meyer", "Ludwig van Beethoven",
/// "Beautrais AL", "Heidegger M.", "Aristotle".
fn natural(text: &str, part: &[Range<usize>], words: &[&str]) -> (String, Option<String>) {
    let n = part.len();
    if n == 1 {
        return (join(text, part), None);
    }
    // A generational suffix closes the name but is no family name: "M. L. King Jr.",
    // "Schlesinger A Jr." (King, M. L., Jr.).
    if n > 2 && is_suffix(words[n - 1]) {
        let (family, given) = natural(text, &part[..n - 1], &words[..n - 1]);
        let suffix = join(text, &part[n - 1..]);
        let given = Some(match given {
            Some(g) => format!("{g}, {suffix}"),
            None => suffix,
        });
        return (family, given);
    }
    let initialish = |w: &str, written: &str| is_initial(written) || is_caps_initials(w);
    // Vancouver writes a particle after the initials: "Beethoven L van", "Menzel A von".
    let particles = (1..n)
        .rev()
        .take_while(|&k| {
            words[k].starts_with(char::is_lowercase)
                && PARTICLES.contains(&words[k].trim_end_matches('.'))
        })
        .count();
    let m = n - particles;
    let last_written = &text[part[m - 1].clone()];
    let first_written = &text[part[0].clone()];
    // Family first when the name ends in initials and does not start with them.
    if m > 1 && initialish(words[m - 1], last_written) && !initialish(words[0], first_written) {
        let split = (0..m)
            .rev()
            .take_while(|&k| initialish(words[k], &text[part[k].clone()]))
            .last()
            .unwrap_or(m - 1);
        return (join(text, &part[..split]), Some(join(text, &part[split..])));
    }
    // Given first: the family name is the last word with the particles before it.
    let mut start = n - 1;
    while start > 1 && PARTICLES.contains(&words[start - 1].to_lowercase().as_str()) {
        start -= 1;
    }
    // "Santiago Ramón y Cajal": the surname before "y" is the family name's too.
    if start > 1 && words[start] == "y" {
        start -= 1;
    }
    (join(text, &part[start..]), Some(join(text, &part[..start])))
}

fn person(text: &str, part: &[Range<usize>], family: String, given: Option<String>) -> Written {
    let span = trim(text, part[0].start..part[part.len() - 1].end);
    let given = given.filter(|g| !g.is_empty());
    Written {
        name: Name {
            family,
            given,
            organisation: false,
        },
        span,
    }
}

/// Whether `head` opens with DIN 1505's names closed by a colon ("Clark, Hazel V.:
/// Mesopotamia", "O’Shea, M.: Understanding…", "Petroff, M. D. ; Stapelbroek, M. G.:
/// Blocked…", "…; u. a.: Title"). A short title before a colon has a locator after
/// it, so given names spelled out ("Lemuelson, Erik: Text message to the author.")
/// count only when `has_locator` is false.
pub(crate) fn din_names(head: &str, has_locator: bool) -> bool {
    let Some((names, _)) = head.split_once(": ") else {
        return false;
    };
    let names = names
        .trim_end_matches("u. a.")
        .trim_end_matches("et al.")
        .trim_end()
        .trim_end_matches(';')
        .trim_end();
    names.split(" ; ").all(|name| {
        let Some((family, given)) = name.split_once(", ") else {
            return false;
        };
        // Names are letters: a quote, an emphasis mark or a digit opens a title
        // ("National Cancer Institute, “Facing Forward: …", "Pluth, Ed. *Badiou: …").
        let lettered = |w: &str| {
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '’' | '\''))
        };
        let family: Vec<&str> = family.split_whitespace().collect();
        let family_ok = is_family(&family)
            || (family.len() <= 3
                && family
                    .iter()
                    .all(|w| is_capitalised(w) && !w.ends_with('.')));
        let words: Vec<&str> = given.split_whitespace().collect();
        // "M.", "D. S", "В. И.", "J.-P."
        let initial = |w: &&str| {
            w.split('-').all(|p| {
                let letters = p.trim_end_matches('.');
                (1..=2).contains(&letters.chars().count())
                    && letters.chars().all(char::is_uppercase)
            })
        };
        let spelled = |w: &&str| {
            is_capitalised(w)
                && !w.contains('.')
                && w.chars().filter(|c| c.is_alphabetic()).count() > 1
        };
        let given_ok = words.iter().all(initial)
            // "Hazel V.", "J. David": an initial makes spelled words given names.
            || (words.iter().any(initial) && words.iter().all(|w| initial(w) || spelled(w)))
            || (!has_locator && words.len() <= 2 && words.iter().all(spelled));
        family_ok
            && family.iter().chain(&words).all(|w| lettered(w))
            && !words.is_empty()
            && words.len() <= 3
            && given_ok
    })
}

/// A family name standing alone before its given names: one capitalised word, maybe
/// after particles ("van Gogh", "de la Macorra"), not an initial.
fn is_family(words: &[&str]) -> bool {
    let Some((last, particles)) = words.split_last() else {
        return false;
    };
    particles
        .iter()
        .all(|w| PARTICLES.contains(&w.to_lowercase().as_str()))
        && particles.len() <= 3
        && is_capitalised(last)
        && last.chars().count() > 1
        && !last.ends_with('.')
        && !is_caps_initials(last)
}

/// Given names after an inverted family name: initials or up to three capitalised words,
/// and the particle French moves after them ("Tocqueville, Alexis de").
fn is_given(words: &[&str]) -> bool {
    let names = words
        .iter()
        .rposition(|w| !PARTICLES.contains(&w.to_lowercase().as_str()))
        .map_or(0, |i| i + 1);
    (1..=3).contains(&names)
        && words.len() - names <= 2
        && words[..names].iter().all(|w| {
            is_capitalised(w) || w.starts_with(|c: char| c.is_uppercase()) && w.contains('.')
        })
}

/// "AL", "JJ", "A": Vancouver initials, written without periods.
fn is_caps_initials(word: &str) -> bool {
    let n = word.chars().count();
    (1..=3).contains(&n) && word.chars().all(char::is_uppercase)
}

fn is_capitalised(word: &str) -> bool {
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    word.starts_with(char::is_uppercase)
}

/// An organisation's name: it holds an organisation word, it opens with "The" ("The
/// Pulitzer Prizes": no person's name does), or it is an acronym standing alone.
pub(super) fn is_organisation(field: &str) -> bool {
    let words: Vec<String> = field.split_whitespace().map(fold_word).collect();
    if words
        .iter()
        .any(|w| ORGANISATION_WORDS.contains(&w.as_str()))
        || field.starts_with("The ") && words.len() > 1
    {
        return true;
    }
    // "UNESCO", "NASA": an acronym standing alone.
    words.len() == 1
        && field
            .trim_matches(|c: char| !c.is_alphanumeric())
            .chars()
            .count()
            >= 3
        && field
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

/// `text[range]` without spaces and final commas, semicolons, colons and periods that
/// end the name (an initial keeps its period).
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let part = &text[range.clone()];
    let start = range.start
        + (part.len()
            - part
                .trim_start_matches(|c: char| {
                    c.is_whitespace() || matches!(c, '(' | '“' | '"' | '*' | '_')
                })
                .len());
    let mut end = range.end;
    loop {
        let s = &text[start..end];
        let trimmed = s.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | ':' | ')' | '”' | '"' | '*' | '_')
        });
        let trimmed =
            if trimmed.ends_with('.') && !is_initial(trimmed.rsplit(' ').next().unwrap_or("")) {
                &trimmed[..trimmed.len() - 1]
            } else {
                trimmed
            };
        if trimmed.len() == s.len() {
            break;
        }
        end = start + trimmed.len();
    }
    start..end.max(start)
}

/// The words of `part` as one string, final punctuation trimmed.
fn join(text: &str, part: &[Range<usize>]) -> String {
    match (part.first(), part.last()) {
        (Some(a), Some(b)) => text[trim(text, a.start..b.end)].to_string(),
        _ => String::new(),
    }
}

/// A word without the punctuation around it (an initial's period stays).
fn clean_word(word: &str) -> &str {
    let w = word.trim_matches(|c: char| {
        matches!(c, ',' | ';' | ':' | '(' | ')' | '“' | '”' | '"' | '*' | '_')
    });
    if is_initial(w) {
        w
    } else {
        w.trim_end_matches('.')
    }
}

/// Lowercase letters of a word, for dictionary tests.
fn fold_word(word: &str) -> String {
    word.chars()
        .filter(|c| c.is_alphanumeric() || *c == '&' || *c == '\'')
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Vec<(String, Option<String>, String)>, bool) {
        let (names, et_al) = split_names(text, 0..text.len());
        let names = names
            .into_iter()
            .map(|w| (w.name.family, w.name.given, text[w.span].to_string()))
            .collect();
        (names, et_al)
    }

    fn families(text: &str) -> Vec<String> {
        read(text).0.into_iter().map(|n| n.0).collect()
    }

    #[test]
    fn inverted_natural_and_vancouver_names() {
        let (names, _) = read("Hussain, M., & Lacy, A.");
        assert_eq!(
            names[0],
            ("Hussain".into(), Some("M.".into()), "Hussain, M.".into())
        );
        assert_eq!(names[1].2, "Lacy, A.");
        assert_eq!(families("R. T. Snodgrass."), ["Snodgrass"]);
        assert_eq!(
            families("Cole, Matthew, and Murtaza Hussain."),
            ["Cole", "Hussain"]
        );
        assert_eq!(
            families("Beautrais AL, Joyce PR, Mulder RT:"),
            ["Beautrais", "Joyce", "Mulder"]
        );
        assert_eq!(
            families("Pérez-Higueras JJ, de la Macorra JC."),
            ["Pérez-Higueras", "de la Macorra"]
        );
        assert_eq!(families("Heidegger M.,"), ["Heidegger"]);
        assert_eq!(
            families("Lee, L. L., W. E. Howard, and R. E. Marsh."),
            ["Lee", "Howard", "Marsh"]
        );
        assert_eq!(families("Varga, Ilona; Kovács, Péter"), ["Varga", "Kovács"]);
        assert_eq!(families("Ludwig van Beethoven"), ["van Beethoven"]);
        // Vancouver's particle after the initials.
        assert_eq!(families("Beethoven L van."), ["Beethoven"]);
        assert_eq!(families("Menzel A von, Keisch C."), ["Menzel", "Keisch"]);
        assert_eq!(families("Cole and Hussain,"), ["Cole", "Hussain"]);
        // A generational suffix is no family name.
        let (names, _) = read("M. L. King Jr.");
        assert_eq!(names[0].0, "King");
        assert_eq!(names[0].1.as_deref(), Some("M. L., Jr."));
        assert_eq!(families("Schlesinger A Jr."), ["Schlesinger"]);
        // Set off by a comma, in any case, it still closes the name before it.
        let (names, _) = read("MARTIN LUTHER KING, JR.,");
        assert_eq!(names.len(), 1);
        assert_eq!(names[0].0, "KING");
        assert!(
            names[0]
                .1
                .as_deref()
                .is_some_and(|g| g.starts_with("MARTIN LUTHER, JR"))
        );
        assert_eq!(families("King, Martin Luther, Jr."), ["King"]);
        assert_eq!(
            families("García Márquez, G., & John Smith, Jane Doe"),
            ["García Márquez", "Smith", "Doe"]
        );
        // Before one given name, a marked title after the names tells an inverted
        // name of two words from a name and a one-word title.
        let text = "García Márquez, Gabriel. *El general en su laberinto*.";
        let (names, _) = split_names(text, 0..text.find(". ").unwrap());
        assert_eq!(names[0].name.family, "García Márquez");
        assert_eq!(names.len(), 1);
        // So does an author-date list's year.
        for (text, names_end) in [
            (
                "Vicuña Mackenna, Benjamín. 1869. Historia de Valparaíso.",
                ". ",
            ),
            ("Urbina Burgos, Rodolfo (1999) Valparaíso.", " ("),
        ] {
            let (names, _) = split_names(text, 0..text.find(names_end).unwrap());
            assert_eq!(names[0].name.family, text[..text.find(',').unwrap()]);
            assert_eq!(names.len(), 1);
        }
        let text = "Jeremi Wasiutyński, Kopernik. Twórca nowego nieba, 1938.";
        let (names, _) = split_names(text, 0..text.find(". ").unwrap());
        assert_eq!(names[0].name.family, "Wasiutyński");
    }

    #[test]
    fn et_al_editors_and_organisations() {
        let (names, et_al) = read("Smith, J., et al.");
        assert!(et_al);
        assert_eq!(names.len(), 1);
        // DIN's given names may open with an initial ("J. David").
        assert!(din_names(
            "Green, Stephen J. ; Londono, J. David ; u. a.: Gold clusters",
            false
        ));
        let (names, et_al) = read("Hostetler, Michael J. ; Wingate, Julia E. ; u. a.");
        assert!(et_al);
        assert_eq!(names.len(), 2);
        assert_eq!(
            families("In O. C. Ashenfelter and D. Card (Eds.),"),
            ["Ashenfelter", "Card"]
        );
        let (names, _) = read("World Health Organization.");
        assert_eq!(names[0].0, "World Health Organization");
        assert_eq!(
            families("Department of Health and Human Services"),
            ["Department of Health and Human Services"]
        );
        assert_eq!(
            families(
                "Australian Government Productivity Commission and New Zealand Productivity Commission"
            ),
            [
                "Australian Government Productivity Commission",
                "New Zealand Productivity Commission"
            ]
        );
        assert_eq!(
            families("Organisation for Economic Co-operation and Development"),
            ["Organisation for Economic Co-operation and Development"]
        );
        assert_eq!(
            families("U.S. Department of Health, Education, and Welfare"),
            ["U.S. Department of Health, Education, and Welfare"]
        );
        assert_eq!(families("SR Research."), ["SR Research"]);
        // No person's name opens with "The"; French and Spanish articles do open some.
        let (names, _) = read("The Pulitzer Prizes.");
        assert_eq!(names[0].0, "The Pulitzer Prizes");
        assert_eq!(families("La Fontaine, Jean de."), ["La Fontaine"]);
        assert_eq!(
            families("Tocqueville, Alexis de, and J. Smith."),
            ["Tocqueville", "Smith"]
        );
    }

    #[test]
    fn semicolons_set_apart() {
        assert_eq!(
            families("Homer ; Schadewaldt, W. (Übers.):"),
            ["Homer", "Schadewaldt"]
        );
        assert_eq!(
            families("Petroff, M. D. ; Stapelbroek, M. G.:"),
            ["Petroff", "Stapelbroek"]
        );
    }

    #[test]
    fn family_names_with_particles_inside() {
        assert_eq!(
            families("Vázques de Parga, L., Lacarra, J. M., & Uría Ríu, J."),
            ["Vázques de Parga", "Lacarra", "Uría Ríu"]
        );
        assert_eq!(
            families("VÁZQUES DE PARGA, Luis, LACARRA, José María"),
            ["VÁZQUES DE PARGA", "LACARRA"]
        );
        // Natural order stays natural: the family name is the last word and its particles.
        assert_eq!(
            families("Luis Vázques de Parga, José María Lacarra"),
            ["de Parga", "Lacarra"]
        );
    }

    #[test]
    fn spanish_surnames_joined_by_y_and_a_compound_first_name() {
        assert_eq!(families("Ramón y Cajal, S."), ["Ramón y Cajal"]);
        assert_eq!(families("Ortega y Gasset, José"), ["Ortega y Gasset"]);
        assert_eq!(families("Santiago Ramón y Cajal"), ["Ramón y Cajal"]);
        assert_eq!(families("Pérez, J. y García, M."), ["Pérez", "García"]);
        assert_eq!(families("Pedro Pérez y Juan García"), ["Pérez", "García"]);
        assert_eq!(families("John Smith, Jane Doe"), ["Smith", "Doe"]);
    }

    #[test]
    fn a_slash_between_capitalised_names_sets_them_apart() {
        assert_eq!(
            families("Alexander von Humboldt/Aimé Bonpland"),
            ["von Humboldt", "Bonpland"]
        );
        assert_eq!(families("Marx/Engels"), ["Marx", "Engels"]);
        // Not between names: a slash inside one word stays.
        assert_eq!(families("Doe, J./s.n."), ["Doe"]);
    }
}
