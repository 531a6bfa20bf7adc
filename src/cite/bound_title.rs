//! Where a title starts and ends: the bounds the labeller gave it, corrected by the
//! marks a style sets around it (quotes, emphasis, a closing mark with words after
//! it), what follows it (a bracketed description, a Vancouver journal and date, a
//! site name) and what precedes it (names that sign it, a case name). Used by stage 5,
//! `read_fields`.

use std::ops::Range;

use super::describe_tokens::is_year;

/// Where a title span ends that ran into a Vancouver journal ("… 1890–1910.
/// Modernism/Modernity. 2016 Jan;23(1):37–63.") or publisher ("Re: Whence a Spencer
/// spoof? Darwin-l; 1996."): after its last sentence, when a Vancouver date follows.
pub(super) fn vancouver_tail(text: &str, title: Range<usize>) -> Option<usize> {
    let rest = text[title.end..].trim_start_matches(['*', '”', '’', '»']);
    let after = rest.trim_start_matches([' ', '.', ';']);
    let year = after.get(..4).filter(|y| is_year(y))?;
    let next = &after[year.len()..];
    // "2016 Jan;", "1999;", "2015 Jan 26;"
    let month_then = next.strip_prefix(' ').is_some_and(|m| {
        let m = m.split([';', ' ']).next().unwrap_or("");
        m.chars().count() == 3 && m.starts_with(char::is_uppercase)
    });
    let journal = rest.starts_with('.') && (next.starts_with(';') || month_then);
    let publisher = rest.starts_with(';');
    if !journal && !publisher {
        return None;
    }
    let inner = &text[title.clone()];
    let cut = inner.match_indices([' ']).map(|(i, _)| i).rfind(|&i| {
        let before = &inner[..i];
        let word = before.rsplit(' ').next().unwrap_or("");
        let stop = word.ends_with(['.', '?', '!']);
        let letters = word.chars().filter(|c| c.is_alphanumeric()).count();
        stop && (letters > 3 || word.ends_with(['?', '!']))
    })?;
    let tail_words = inner[cut..].split_whitespace().count();
    (1..=8).contains(&tail_words).then_some(title.start + cut)
}

/// Words that mark a bracketed note after a title as a description of the work, its
/// medium or its access (Vancouver, APA 7, ISO 690), lowercase.
const DESCRIPTIONS: &[&str] = &[
    "internet",
    "online",
    "en ligne",
    "electronic resource",
    "электронный ресурс",
    "cd-rom",
    "dvd",
    "en línea",
    "recurso electrónico",
    "thesis",
    "dissertation",
    "docthesis",
    "phd",
    "dphil",
    "review of",
    "data set",
    "dataset",
    "software",
    "video",
    "film",
    "photograph",
    "preprint",
    "personal communication",
    "audio",
    "podcast",
    "motion picture",
    "television",
    "map",
    "lecture",
    "speech",
    "cited",
    "consulté",
    "accessed",
];

/// Whether the bracketed note that `rest` opens (after its "[") describes the work
/// rather than translating or completing its title: one of its words or phrases is a
/// description word.
pub(super) fn describes(rest: &str) -> bool {
    let note = rest.split(']').next().unwrap_or(rest).to_lowercase();
    let words: Vec<&str> = note
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    DESCRIPTIONS.iter().any(|d| {
        let phrase: Vec<&str> = d.split(' ').collect();
        words.windows(phrase.len()).any(|w| w == phrase.as_slice())
    })
}

/// The first run of `text` in Markdown emphasis ("*Blackstar*") at or after byte
/// `from`, marks included.
pub(super) fn emphasised(text: &str, from: usize) -> Option<Range<usize>> {
    let rest = &text[from..];
    let open = rest
        .char_indices()
        .find(|&(i, c)| c == '*' && (i == 0 || rest[..i].ends_with(char::is_whitespace)))?
        .0;
    let inner = &rest[open + 1..];
    let close = inner
        .char_indices()
        .find(|&(i, c)| c == '*' && i > 0 && !inner[i + 1..].starts_with(char::is_alphanumeric))?
        .0;
    inner[..close]
        .chars()
        .any(char::is_alphabetic)
        .then_some(from + open..from + open + close + 2)
}

/// Where a title that follows an opening quote or emphasis mark, and does not close
/// it, closes: the first matching mark within a short sentence's reach after it.
pub(super) fn unclosed_title_end(text: &str, title: Range<usize>) -> Option<usize> {
    let mut before = text[..title.start].chars().rev();
    let mut open = before.next()?;
    // A quote inside a quoted title opens it too ("“‘Art History…’: Rom, …”"): the
    // outer quote closes the title.
    if matches!(open, '‘' | '‹' | '\'')
        && let Some(outer @ ('“' | '«')) = before.next()
    {
        open = outer;
    }
    let close = match open {
        '“' => '”',
        '«' => '»',
        '*' => '*',
        _ => return None,
    };
    if text[title.clone()].contains(close) {
        return None;
    }
    let after = &text[title.end..];
    let reach = after.len().min(160);
    let (i, _) = after
        .char_indices()
        .take_while(|&(i, _)| i < reach)
        .find(|&(i, c)| {
            c == close && !after[i + c.len_utf8()..].starts_with(char::is_alphanumeric)
        })?;
    // Nothing that opens another title or closes a sentence and starts the next field
    // may come between.
    let gap = &after[..i];
    (!gap.contains(open) && !gap.contains(['“', '(', '['])).then_some(title.end + i)
}

/// The name of a case that opens the reference, up to its reporter, docket number or
/// year: "Feist Publications, Inc. v. Rural Telephone Service Co., 499 U.S. 340
/// (1991).", "Brown v. Board of Education (1954).", "Harbour Guild v Tide Board, No.
/// C-12/03 (1998).", "…, C-12/03 (1998)", "…. Vol. I. ECJ; 1998." The parties hold no digit, quote, bracket or sentence break, and
/// a letter follows "v." (Ross's "*Metaphysics*. Bd. v. 2" is a volume).
pub(super) fn case_name(text: &str) -> Option<Range<usize>> {
    let start = text.len() - text.trim_start_matches([' ', '*', '_']).len();
    let v = [" v. ", " v "].iter().filter_map(|m| text.find(m)).min()?;
    let parties = text.get(start..v)?;
    let after = v + if text[v..].starts_with(" v. ") { 4 } else { 3 };
    let rest = &text[after..];
    if v > 150
        || parties.is_empty()
        || parties.contains(". ")
        || parties.contains(|c: char| c.is_ascii_digit() || "“”\"«»()[]:".contains(c))
        || !rest.starts_with(char::is_alphabetic)
    {
        return None;
    }
    let digit_after = |m: &str| {
        rest.match_indices(m)
            .find(|(i, _)| rest[i + m.len()..].starts_with(|c: char| c.is_ascii_digit()))
            .map(|(i, _)| i)
    };
    // A docket number ("C-12/03", "T-277/08") or a court's initials after a stop
    // ("… v france. ECJ; 2009", "… v hungary. EHR; 2004").
    let docket = rest.match_indices(", ").map(|(i, _)| i).find(|&i| {
        let mut cs = rest[i + 2..].chars();
        cs.next().is_some_and(|c| c.is_ascii_uppercase())
            && cs.next() == Some('-')
            && cs.next().is_some_and(|c| c.is_ascii_digit())
    });
    let court = rest.match_indices(". ").map(|(i, _)| i).find(|&i| {
        let w = rest[i + 2..].split(' ').next().unwrap_or("");
        let letters = w.trim_end_matches([';', ',', '.']);
        (2..=6).contains(&letters.chars().count())
            && letters.chars().all(|c| c.is_ascii_uppercase())
    });
    let end = [
        digit_after(", "),
        digit_after(" ("),
        digit_after(". "),
        rest.find(", No"),
        docket,
        court,
        rest.find(". Vol"),
        rest.find(" ["),
        rest.find('*'),
    ]
    .into_iter()
    .flatten()
    .min()
    .unwrap_or(rest.len());
    let name = clean(text, start..after + end);
    (name.end > after).then_some(name)
}

/// `r` up to a bracketed year in it: "Stapelbroek. (1980) 1986." labelled as names
/// ends with the names.
pub(super) fn before_bracketed_year(text: &str, r: Range<usize>) -> Range<usize> {
    let field = &text[r.clone()];
    let cut = field.match_indices('(').map(|(i, _)| i).find(|&i| {
        field[i + 1..]
            .get(..4)
            .is_some_and(super::describe_tokens::is_year)
    });
    match cut {
        Some(i) if !field[..i].trim().is_empty() => r.start..r.start + field[..i].trim_end().len(),
        _ => r,
    }
}

/// The end of a title field that opens with emphasis or a quote and closes it before
/// the field ends, when more words follow the close.
pub(super) fn closing_mark(text: &str, raw: Range<usize>) -> Option<usize> {
    let field = &text[raw.clone()];
    let body = field.trim_start();
    let lead = field.len() - body.len();
    let open = body.chars().next()?;
    let close = match open {
        '*' | '_' => open,
        '“' => '”',
        '‘' => '’',
        '«' => '»',
        '"' => '"',
        _ => return None,
    };
    let after_open = lead + open.len_utf8();
    let inner = &field[after_open..];
    // The first close that is no apostrophe: not inside a word, and for ’ followed by
    // punctuation, as a closing quote is ("‘Squatters’ rights’,"). A close right after a
    // word and before another word marks only the title's first words: "*Nicomachean
    // Ethics* VII. 11–12: Pleasure", "“Intention” und “Intentionalität” in der…".
    let at = inner.char_indices().find(|&(i, c)| {
        let after = &inner[i + c.len_utf8()..];
        let runs_on = inner[..i].ends_with(char::is_alphanumeric)
            && after
                .strip_prefix(' ')
                .is_some_and(|a| a.starts_with(char::is_alphanumeric));
        // A close before a colon and a subtitle quotes the title's first words:
        // "“Two nude figures in a landscape”: A new attribution".
        let subtitle = after.starts_with(": ") && after[2..].starts_with(char::is_alphanumeric);
        let word_after = after.starts_with(char::is_alphanumeric);
        c == close
            && i > 0
            && !(runs_on || subtitle || word_after)
            && !(close == '*' && after.starts_with('*'))
            && (close != '’' || after.is_empty() || after.starts_with([',', '.', ';', ':', ')']))
    })?;
    let end = after_open + at.0 + close.len_utf8();
    let rest = &field[end..];
    rest.chars()
        .any(char::is_alphanumeric)
        .then_some(raw.start + end)
}

/// A title field "Names. “Title”" or "Names. *Title*": the names and the title.
pub(super) fn signed_title(
    text: &str,
    title: Range<usize>,
) -> Option<(Range<usize>, Range<usize>)> {
    let field = &text[title.clone()];
    let (cut, mark) = [". “", ", “", ". *", ". ‘", ": *"]
        .iter()
        .filter_map(|m| field.find(m).map(|i| (i, *m)))
        .min()?;
    let names = &field[..cut];
    let words: Vec<&str> = names.split_whitespace().collect();
    let name_like = (1..=8).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || matches!(
                    *w,
                    "of" | "for" | "the" | "and" | "on" | "de" | "du" | "des"
                )
        });
    if !name_like {
        return None;
    }
    let open = title.start + cut + mark.len() - mark.chars().last()?.len_utf8();
    let rest = clean(text, open..title.end);
    (!rest.is_empty()).then_some((title.start..title.start + cut, rest))
}

/// Lowercase words a site's or publisher's name may hold ("Council on Foreign Relations").
const SMALL_WORDS: &[&str] = &[
    "of", "on", "the", "and", "for", "in", "&", "de", "la", "du", "des", "y",
];

/// A title that opens after a quote and whose closing quote is followed by a stop and
/// more words ("Title”. mozilla blog") → the title inside the quotes and the rest (if
/// any words are left).
pub(super) fn quoted_title(
    text: &str,
    title: Range<usize>,
) -> Option<(Range<usize>, Option<Range<usize>>)> {
    let opened = text[..title.start]
        .trim_end_matches(['*', '_'])
        .ends_with(['“', '"', '„', '«']);
    let written = &text[title.clone()];
    let close = written.find(['”', '"', '»'])?;
    let after = &written[close..];
    let quote_len = after.chars().next().map_or(1, char::len_utf8);
    let stop =
        after[quote_len..].starts_with([',', '.']) && after[quote_len + 1..].starts_with(' ');
    if !opened || !stop || close == 0 {
        return None;
    }
    let rest_start = title.start + close + quote_len + 1;
    let rest = clean(text, rest_start..title.end);
    Some((
        title.start..title.start + close,
        (!rest.is_empty()).then_some(rest),
    ))
}

/// "Mujahadeen-e-Khalq (MEK). Council on Foreign Relations" → the title before the
/// last sentence and the name that sentence is: up to six capitalised words (small
/// words aside), no digits, no question mark.
pub(super) fn split_site(text: &str, title: Range<usize>) -> Option<(Range<usize>, Range<usize>)> {
    // A title in quotes or emphasis is one title, sentences and all: "“Mr. Darwin on
    // Vivisection.”".
    if text[..title.start].ends_with(['“', '"', '«', '*', '‘']) {
        return None;
    }
    let written = &text[title.clone()];
    let dot = written.rfind(". ")?;
    let before = written[..dot].rsplit(' ').next().unwrap_or("");
    let is_initial = before.chars().filter(|c| c.is_alphabetic()).count() < 2;
    let name = written[dot + 2..].trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let name_like = !words.is_empty()
        && words.len() <= 6
        && words[0].starts_with(char::is_uppercase)
        && !name.contains(|c: char| c.is_ascii_digit() || matches!(c, '?' | '!' | ':' | '"' | '“'))
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || SMALL_WORDS.contains(w));
    if is_initial || !name_like || dot == 0 {
        return None;
    }
    let start =
        title.start + dot + 2 + (written[dot + 2..].len() - written[dot + 2..].trim_start().len());
    Some((title.start..title.start + dot, start..start + name.len()))
}

/// `range` without surrounding quotes, emphasis marks and brackets, and without final
/// commas, periods, colons and semicolons (a question or exclamation mark stays).
pub(super) fn clean(text: &str, range: Range<usize>) -> Range<usize> {
    const OPEN: &[char] = &['“', '„', '«', '‘', '"', '\'', '`', '*', '_', '(', '['];
    const CLOSE: &[char] = &['”', '»', '’', '"', '\'', '`', '*', '_', ')', ']'];
    let (mut start, mut end) = (range.start, range.end);
    // German quotes close with the English opening one: „Titel“
    let german = text[start..end].trim_start().starts_with('„');
    loop {
        let s = &text[start..end];
        let trimmed = s.trim_start_matches(|c: char| c.is_whitespace() || OPEN.contains(&c));
        let t = trimmed.trim_end_matches(|c: char| {
            c.is_whitespace()
                || matches!(c, ',' | '.' | ';' | ':' | '…')
                || CLOSE.contains(&c)
                || german && c == '“'
        });
        // Where `t` starts in `s` (only the start was trimmed before it); an empty
        // one counts from the start, as a search for it would.
        let skipped = if t.is_empty() {
            0
        } else {
            s.len() - trimmed.len()
        };
        let new_start = start + skipped;
        let new_end = new_start + t.len();
        if new_start == start && new_end == end {
            break;
        }
        start = new_start;
        end = new_end;
        if start >= end {
            return start..start;
        }
    }
    // Put back a closing bracket whose opening one is inside, and an opening quote whose
    // closing one is, before a subtitle ("“Two nude figures”: A new attribution"; a
    // quote closed before a stop ends the title: `“Title”. Site.`).
    let inner = &text[start..end];
    if inner.matches('(').count() > inner.matches(')').count() && text[end..].starts_with(')') {
        end += 1;
    }
    for (open, close) in [('“', '”'), ('«', '»')] {
        let inner = &text[start..end];
        if inner.matches(close).count() > inner.matches(open).count()
            && inner.contains(&format!("{close}: "))
            && text[..start].ends_with(open)
        {
            start -= open.len_utf8();
        }
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The title `vancouver_tail` leaves of `text` when the labelled title is `title`.
    fn cut(text: &str, title: &str) -> Option<String> {
        let start = text.find(title).expect("the title is in the text");
        vancouver_tail(text, start..start + title.len()).map(|end| text[start..end].to_string())
    }

    #[test]
    fn a_quote_before_a_colon_opens_the_title_not_closes_it() {
        let text = "“Two nude figures”: A new attribution. *Bulletin*";
        let field = 0..text.find(" *").unwrap();
        assert_eq!(closing_mark(text, field.clone()), None);
        assert_eq!(
            &text[clean(text, field)],
            "“Two nude figures”: A new attribution"
        );
        // A quote that closes the title still ends it.
        let text = "“Two nude figures,” Bulletin 12";
        let end = closing_mark(text, 0..text.len()).unwrap();
        assert_eq!(&text[clean(text, 0..end)], "Two nude figures");
    }

    #[test]
    fn a_quoted_title_that_opens_with_a_quote_closes_at_the_outer_quote() {
        let text = "Lee, D. “‘Art History’: Rom, Academy, 21. November 1996.” Zeitschrift 60.";
        let start = text.find("Art").unwrap();
        let title = start..text.find(": Rom").unwrap();
        let end = unclosed_title_end(text, title.clone()).unwrap();
        assert_eq!(
            &text[start..end],
            "Art History’: Rom, Academy, 21. November 1996."
        );
        // An inner quote alone is no outer one.
        let text = "Lee, D. ‘Art History’: Rom. Zeitschrift 60.";
        let start = text.find("Art").unwrap();
        assert_eq!(unclosed_title_end(text, start..start + 11), None);
    }

    #[test]
    fn a_vancouver_journal_or_publisher_leaves_the_title() {
        let text =
            "Conley A. Fifth-grade boys’ decisions. Elementary School Journal. 1999;99(5):131–46.";
        assert_eq!(
            cut(
                text,
                "Fifth-grade boys’ decisions. Elementary School Journal"
            )
            .as_deref(),
            Some("Fifth-grade boys’ decisions.")
        );
        let text = "Gerson E. Re: Whence a Spencer spoof? Darwin-l; 1996.";
        assert_eq!(
            cut(text, "Re: Whence a Spencer spoof? Darwin-l").as_deref(),
            Some("Re: Whence a Spencer spoof?")
        );
        // No Vancouver date after it, or no sentence before it: the title stands.
        let text = "Smith J. Power. Trade. London: Press, 1999.";
        assert_eq!(cut(text, "Power. Trade"), None);
        let text = "Darwin C. Mr. Darwin on vivisection. 1881;12.";
        assert_eq!(cut(text, "Mr. Darwin on vivisection"), None);
    }
}
