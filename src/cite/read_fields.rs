//! Stage 5: fields from labelled tokens. Consecutive tokens with one label make a
//! field; the first field of each label counts. Fields are cleaned (quotes, emphasis
//! marks and final punctuation off), names split, the date put in ISO form, volume,
//! issue and pages read, the kind of work decided from which fields are present, and
//! the italic part chosen: the container of an article or chapter, the title of a book.

use std::ops::Range;

use super::describe_tokens::is_year;
use super::read_date::{access_date, first_year, iso_date, issued};
use super::split_names::split_names;
use super::types::{Label, Reference};
use crate::model::{Details, WorkKind};
use crate::resolve::url_ranges;

/// Reads the fields of `text` from its tokens and their labels.
pub(super) fn read_fields(text: &str, tokens: &[Range<usize>], labels: &[Label]) -> Reference {
    let fields = group(tokens, labels);
    let first = |label: Label| {
        fields
            .iter()
            .find(|(l, _)| *l == label)
            .map(|(_, r)| r.clone())
    };
    let clean_field = |label: Label| {
        first(label)
            .map(|r| clean(text, r))
            .filter(|r| !r.is_empty())
    };
    let string = |r: &Range<usize>| text[r.clone()].to_string();

    let mut title_span = clean_field(Label::Title);
    let mut container_span = clean_field(Label::Journal)
        .or_else(|| clean_field(Label::Container))
        .map(|r| without_in(text, r));
    // A title in quotes or emphasis runs on to its closing mark, past an abbreviation
    // the labeller took for its end: "“Mr. Darwin on Vivisection.”".
    if let Some(t) = title_span.clone()
        && let Some(end) = unclosed_title_end(text, t.clone())
    {
        title_span = Some(clean(text, t.start..end));
        if container_span.as_ref().is_some_and(|c| c.start < end) {
            container_span = None;
        }
    }
    // A quoted title ends at its closing quote. Wikipedia's `“Title”. Site. Publisher.`
    // puts the stop after the quote, and the labeller may run the title on into the
    // site: what follows the quote is the site when no container was found.
    if let Some((title, rest)) = title_span.clone().and_then(|t| quoted_title(text, t)) {
        title_span = Some(title);
        if container_span.is_none() {
            container_span = rest;
        }
    }
    // A title in emphasis or quotes ends where they close: "*Title*. Master’s thesis",
    // "‘Title’, *Journal*" labelled as one run.
    if let Some(raw) = first(Label::Title)
        && let Some(end) = closing_mark(text, raw.clone())
    {
        title_span = Some(clean(text, raw.start..end)).filter(|r| !r.is_empty());
    }
    // "Title. In: Book" labelled as one title: the chapter's title ends before "In".
    if let Some(t) = title_span.clone()
        && let Some(cut) = [". In: ", ". In *", ". In "]
            .iter()
            .filter_map(|m| text[t.clone()].find(m))
            .min()
    {
        let rest = clean(text, t.start + cut + 4..t.end);
        title_span = Some(clean(text, t.start..t.start + cut));
        if container_span.is_none() && !rest.is_empty() {
            container_span = Some(rest);
        }
    }
    // "Title. *Journal* [en ligne]" labelled as one title (ISO 690): after a signed
    // work's title, a sentence in emphasis is its container.
    if first(Label::Author).is_some()
        && let Some(t) = title_span.clone()
        && !text[..t.start].ends_with(['*', '_'])
        && let Some(cut) = text[t.clone()].find(". *")
        && cut > 0
    {
        let rest = clean(text, t.start + cut + 2..t.end);
        title_span = Some(clean(text, t.start..t.start + cut));
        if container_span.is_none() && !rest.is_empty() {
            container_span = Some(rest);
        }
    }
    // A book with editors and no author: the labeller may take its title for the
    // container of a chapter that is not there.
    // So for an italic name alone before a year ("*Annual Report*, 1891, p. 4."), which
    // reads like a periodical: without volume or issue, it is the work's own title.
    let bare_periodical = first(Label::Volume).is_none();
    let mut title_from_periodical = false;
    if title_span.is_none() && (first(Label::Journal).is_none() || bare_periodical) {
        title_from_periodical = first(Label::Journal).is_some();
        title_span = container_span.take();
    }
    // Still no title: the first words in emphasis are it ("Bowie, D. *Blackstar*.
    // Columbia, 2016.", the labeller having taken them for a publisher or a note).
    let authors_end = first(Label::Author).map_or(0, |r| r.end);
    if title_span.is_none() {
        title_span = emphasised(text, authors_end).map(|r| clean(text, r));
    }
    let mut publisher_span = clean_field(Label::Publisher);
    let mut place_span = clean_field(Label::Location);
    // "Norwich: Imagined Press" labelled as one publisher: the place is before the colon.
    if place_span.is_none()
        && let Some((place, publisher)) = publisher_span.clone().and_then(|p| split_place(text, p))
    {
        place_span = Some(place);
        publisher_span = Some(publisher);
    }
    // A case opens with its name, whatever the labeller made of the parties.
    let case = case_name(text);
    if let Some(name) = &case {
        title_span = Some(name.clone());
    }
    let (mut written, mut et_al) = first(Label::Author)
        .filter(|_| case.is_none())
        .map(|r| split_names(text, before_bracketed_year(text, r)))
        .unwrap_or_default();
    // "Canada Council for the Arts. “What We Heard…”" labelled as one title: an
    // unsigned opening sentence before a quoted or emphasised title is its author.
    if written.is_empty()
        && let Some((names, title)) = title_span.clone().and_then(|t| signed_title(text, t))
    {
        (written, et_al) = split_names(text, names);
        title_span = Some(title);
    }
    let (editors, editors_et_al) = first(Label::Editor)
        .map(|r| split_names(text, r))
        .unwrap_or_default();
    let dates: Vec<Range<usize>> = fields
        .iter()
        .filter(|(l, _)| *l == Label::Date)
        .map(|(_, r)| r.clone())
        .collect();
    let date_text = issued(text, &dates, title_span.as_ref().map(|t| t.end))
        .or_else(|| unlabelled_year(text, &fields))
        .map(|r| &text[r]);
    let (volume, issue) = first(Label::Volume)
        .map(|r| volume_issue(&text[r]))
        .unwrap_or_default();
    let url = url_ranges(text)
        .into_iter()
        .map(|r| text[r].to_string())
        .find(|u| !u.to_ascii_lowercase().starts_with("doi") && u.contains(['.', '/']));
    let date = date_text.and_then(iso_date);
    // A work dated to the month and "published" by a name without a place is a page
    // of a news or other site: "(2023, February 13). Title. The Intercept."
    let site = container_span.is_none()
        && first(Label::Location).is_none()
        && date.as_ref().is_some_and(|d| d.len() > 4)
        && publisher_span.is_some();
    if site {
        container_span = publisher_span.take();
    }
    // APA's "(2014, July 28). Title. Site Name." read as one title: the last sentence,
    // when it reads as a name, is the site.
    let mut site = site;
    if container_span.is_none()
        && publisher_span.is_none()
        && date.is_some()
        && let Some((title, name)) = title_span.clone().and_then(|t| split_site(text, t))
    {
        title_span = Some(title);
        container_span = Some(name);
        site = true;
    }
    let mut details = Details {
        names: written.iter().map(|w| w.name.clone()).collect(),
        et_al: et_al || (written.is_empty() && editors_et_al),
        editors: editors.into_iter().map(|w| w.name).collect(),
        date,
        container: container_span.as_ref().map(string),
        publisher: publisher_span.as_ref().map(string),
        place: place_span.as_ref().map(string),
        volume,
        issue,
        pages: first(Label::Pages).and_then(|r| pages(&text[r])),
        doi: doi(text),
        kind: None,
    };
    if details.names.is_empty() {
        details.names = details.editors.clone();
    }
    details.kind = if case.is_some() {
        Some(WorkKind::Legal)
    } else if site {
        Some(WorkKind::WebPage)
    } else if title_from_periodical {
        // Not an article: its one name is its title.
        None
    } else {
        kind(text, &fields, &details, url.is_some())
    };
    // A description in brackets after the title is not the title's: "TED [Internet]",
    // "Letter to the editor [Review of …]", "… системах [docthesis]. [Черноголовка]:"
    // (a translation or a note in brackets is: "[in Chinese]", "[selections]").
    if let Some(t) = title_span.clone()
        && let Some(cut) = text[t.clone()]
            .match_indices(" [")
            .map(|(i, _)| i)
            .find(|&i| describes(&text[t.start + i + 2..]))
        && cut > 0
    {
        title_span = Some(clean(text, t.start..t.start + cut));
    }
    // Vancouver runs a journal or a publisher into the title's last sentence: the one
    // before "2016 Jan;23(1)" is the journal's, the one before "; 1996" the publisher's.
    if let Some(t) = title_span.clone()
        && let Some(cut) = vancouver_tail(text, t.clone())
    {
        title_span = Some(clean(text, t.start..cut));
    }
    // A title that opens with a quoted phrase keeps the quote its own text closes:
    // "“Kontor” und “Hafen” in der Hanse".
    if let Some(t) = title_span.as_mut() {
        let inner = &text[t.clone()];
        for (open, close) in [('“', '”'), ('«', '»')] {
            if inner.matches(close).count() > inner.matches(open).count()
                && text[..t.start].ends_with(open)
            {
                t.start -= open.len_utf8();
            }
        }
    }
    let emphasis = match details.kind {
        Some(WorkKind::Article | WorkKind::Chapter | WorkKind::WebPage) => container_span.clone(),
        Some(WorkKind::Book | WorkKind::Report | WorkKind::Thesis) => title_span.clone(),
        _ => None,
    };
    Reference {
        authors: written.iter().map(|w| string(&w.span)).collect(),
        year: date_text.and_then(first_year),
        // Emphasis inside a title ("*Moby-Dick* revisited") is no part of its words.
        title: title_span.as_ref().map(|r| string(r).replace('*', "")),
        url,
        details,
        title_span,
        container_span,
        emphasis,
    }
}

/// With no date labelled, the first field outside the names, titles, links, volume
/// and pages that holds a year, and is no access date, dates the work, else a span of
/// years read as pages ("1996–2014"): "Petersberg, 2005–2010", "1998, I
/// 4705" read as a note.
fn unlabelled_year(text: &str, fields: &[(Label, Range<usize>)]) -> Option<Range<usize>> {
    fields
        .iter()
        .filter(|(l, _)| {
            matches!(
                l,
                Label::Publisher
                    | Label::Location
                    | Label::Note
                    | Label::Other
                    | Label::Edition
                    | Label::Number
                    | Label::Genre
                    | Label::Collection
            )
        })
        .map(|(_, r)| r.clone())
        .filter(|r| !access_date(text, r))
        .find(|r| first_year(&text[r.clone()]).is_some())
        .or_else(|| {
            fields
                .iter()
                .filter(|(l, _)| *l == Label::Pages)
                .map(|(_, r)| r.clone())
                .find(|r| year_span(&text[r.clone()]))
        })
}

/// "1996–2014.", "(1885–1888)": a span of years, which the labeller may take for pages
/// (there is no "p." before it, and both ends are years in order).
fn year_span(field: &str) -> bool {
    let core = field.trim_matches(|c: char| !c.is_alphanumeric());
    let Some((from, to)) = core.split_once(['–', '-', '—', '/']) else {
        return false;
    };
    let to = to.trim_end_matches(|c: char| c.is_ascii_lowercase());
    super::describe_tokens::is_year(from) && super::describe_tokens::is_year(to) && from <= to
}

/// Where a title span ends that ran into a Vancouver journal ("… 1890–1910.
/// Modernism/Modernity. 2016 Jan;23(1):37–63.") or publisher ("Re: Whence a Spencer
/// spoof? Darwin-l; 1996."): after its last sentence, when a Vancouver date follows.
fn vancouver_tail(text: &str, title: Range<usize>) -> Option<usize> {
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
fn describes(rest: &str) -> bool {
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
fn emphasised(text: &str, from: usize) -> Option<Range<usize>> {
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
fn unclosed_title_end(text: &str, title: Range<usize>) -> Option<usize> {
    let open = text[..title.start].chars().next_back()?;
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
fn case_name(text: &str) -> Option<Range<usize>> {
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
    let end = [
        digit_after(", "),
        digit_after(" ("),
        digit_after(". "),
        rest.find(", No"),
        rest.find(", C-"),
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
fn before_bracketed_year(text: &str, r: Range<usize>) -> Range<usize> {
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
fn closing_mark(text: &str, raw: Range<usize>) -> Option<usize> {
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
        c == close
            && i > 0
            && !runs_on
            && !after.starts_with(char::is_alphanumeric)
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
fn signed_title(text: &str, title: Range<usize>) -> Option<(Range<usize>, Range<usize>)> {
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

/// "Place: Publisher" → the place and the publisher, when the place is one to three
/// capitalised words.
fn split_place(text: &str, publisher: Range<usize>) -> Option<(Range<usize>, Range<usize>)> {
    let written = &text[publisher.clone()];
    let colon = written.find(": ")?;
    let place = &written[..colon];
    let words: Vec<&str> = place.split_whitespace().collect();
    let capitalised = (1..=3).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) && !w.ends_with('.'));
    (capitalised && !written[colon + 2..].trim().is_empty()).then(|| {
        (
            publisher.start..publisher.start + colon,
            clean(text, publisher.start + colon + 2..publisher.end),
        )
    })
}

/// Lowercase words a site's or publisher's name may hold ("Council on Foreign Relations").
const SMALL_WORDS: &[&str] = &[
    "of", "on", "the", "and", "for", "in", "&", "de", "la", "du", "des", "y",
];

/// A title that opens after a quote and whose closing quote is followed by a stop and
/// more words ("Title”. mozilla blog") → the title inside the quotes and the rest (if
/// any words are left).
fn quoted_title(text: &str, title: Range<usize>) -> Option<(Range<usize>, Option<Range<usize>>)> {
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
fn split_site(text: &str, title: Range<usize>) -> Option<(Range<usize>, Range<usize>)> {
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

/// Runs of one label as byte ranges from the first token's start to the last's end.
fn group(tokens: &[Range<usize>], labels: &[Label]) -> Vec<(Label, Range<usize>)> {
    let mut out: Vec<(Label, Range<usize>)> = Vec::new();
    for (token, &label) in tokens.iter().zip(labels) {
        match out.last_mut() {
            Some((last, range)) if *last == label => range.end = token.end,
            _ => out.push((label, token.clone())),
        }
    }
    out
}

/// `range` without surrounding quotes, emphasis marks and brackets, and without final
/// commas, periods, colons and semicolons (a question or exclamation mark stays).
fn clean(text: &str, range: Range<usize>) -> Range<usize> {
    const OPEN: &[char] = &['“', '„', '«', '‘', '"', '\'', '`', '*', '_', '(', '['];
    const CLOSE: &[char] = &['”', '»', '’', '"', '\'', '`', '*', '_', ')', ']'];
    let (mut start, mut end) = (range.start, range.end);
    loop {
        let s = &text[start..end];
        let t = s.trim_start_matches(|c: char| c.is_whitespace() || OPEN.contains(&c));
        let t = t.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '…') || CLOSE.contains(&c)
        });
        let new_start = start + s.find(t).unwrap_or(0);
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
    // Put back a closing bracket whose opening one is inside.
    let inner = &text[start..end];
    if inner.matches('(').count() > inner.matches(')').count() && text[end..].starts_with(')') {
        end += 1;
    }
    start..end
}

/// A container without "In" or "In:" before it.
fn without_in(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    for prefix in ["In: ", "In ", "in: ", "in ", "Dans ", "En ", "Im "] {
        if let Some(rest) = s.strip_prefix(prefix) {
            let start = range.end - rest.len();
            return clean(text, start..range.end);
        }
    }
    range
}

/// Volume and issue from "12(3)", "vol. 7, no. 3", "Vol. 3, Part A", "45".
fn volume_issue(field: &str) -> (Option<String>, Option<String>) {
    let numbers: Vec<(usize, &str)> = field
        .match_indices(|c: char| c.is_alphanumeric())
        .fold(Vec::<(usize, usize)>::new(), |mut runs, (i, c)| {
            match runs.last_mut() {
                Some((_, end)) if *end == i => *end = i + c.len(),
                _ => runs.push((i, i + c.len())),
            }
            runs
        })
        .into_iter()
        .map(|(s, e)| (s, &field[s..e]))
        .filter(|(_, w)| w.chars().any(|c| c.is_ascii_digit()) || is_roman(w))
        .collect();
    let volume = numbers.first().map(|(_, w)| w.to_string());
    let issue = numbers.get(1).and_then(|(at, w)| {
        let before = field[..*at].trim_end().to_lowercase();
        let marked = before.ends_with('(')
            || [
                "no.", "no", "nr.", "n°", "nº", "issue", "núm.", "sayı", "№", "iss.",
            ]
            .iter()
            .any(|m| before.ends_with(m));
        marked.then(|| w.to_string())
    });
    (volume, issue)
}

fn is_roman(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
}

/// The pages without their label: "pp. 1761–1800)." → "1761–1800".
fn pages(field: &str) -> Option<String> {
    let start = field.find(|c: char| c.is_ascii_digit())?;
    let rest = &field[start..];
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '–' | '—' | ' ' | ',')))
        .unwrap_or(rest.len());
    let pages = rest[..end].trim().trim_end_matches(',').trim();
    (!pages.is_empty()).then(|| pages.to_string())
}

/// The DOI written anywhere in the text ("doi:10.1000/xyz", "https://doi.org/10.1000/xyz").
fn doi(text: &str) -> Option<String> {
    let at = text.match_indices("10.").map(|(i, _)| i).find(|&i| {
        let rest = &text[i + 3..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        digits >= 4 && rest[digits..].starts_with('/')
    })?;
    let rest = &text[at..];
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let doi = rest[..end].trim_end_matches(['.', ',', ';', ')', ']', '>']);
    Some(doi.to_string())
}

/// Words of a genre or note that say what kind of work it is, tried in order.
const GENRES: &[(WorkKind, &[&str])] = &[
    (
        WorkKind::Thesis,
        &["thesis", "dissertation", "thèse", "tesis", "tez"],
    ),
    (
        WorkKind::Interview,
        &[
            "interview",
            "personal communication",
            "entretien",
            "entrevista",
        ],
    ),
    (
        WorkKind::Report,
        &[
            "report",
            "working paper",
            "technical",
            "tech. rep",
            "rapport",
            "informe",
        ],
    ),
];

/// The kind of work, from which fields the reference has.
fn kind(
    text: &str,
    fields: &[(Label, Range<usize>)],
    details: &Details,
    has_url: bool,
) -> Option<WorkKind> {
    let lower = |label: Label| {
        fields
            .iter()
            .filter(|(l, _)| *l == label)
            .map(|(_, r)| text[r.clone()].to_lowercase())
            .collect::<String>()
    };
    let has = |label: Label| fields.iter().any(|(l, _)| *l == label);
    let genre = lower(Label::Genre) + &lower(Label::Note);
    if let Some((kind, _)) = GENRES
        .iter()
        .find(|(_, words)| words.iter().any(|w| genre.contains(w)))
    {
        return Some(*kind);
    }
    if has(Label::Journal) {
        return Some(WorkKind::Article);
    }
    let title = lower(Label::Title);
    let legal = [
        " act",
        "u.s.c.",
        " stat.",
        " v. ",
        "code ",
        "treaty",
        "convention on",
        "directive",
        "regulation (",
        "loi n",
        "ley ",
    ]
    .iter()
    .any(|w| title.contains(w) || (title.is_empty() && text.to_lowercase().contains(w)));
    if legal && details.publisher.is_none() {
        return Some(WorkKind::Legal);
    }
    if details.container.is_some() {
        let in_book = !details.editors.is_empty()
            || details.publisher.is_some()
            || lower(Label::Container).trim_start().starts_with("in ");
        return Some(if in_book {
            WorkKind::Chapter
        } else if has_url {
            WorkKind::WebPage
        } else {
            WorkKind::Article
        });
    }
    if details.publisher.is_some() || has(Label::Location) || has(Label::Edition) {
        return Some(WorkKind::Book);
    }
    if has_url {
        return Some(WorkKind::WebPage);
    }
    None
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
