//! Stage 5: fields from labelled tokens. Consecutive tokens with one label make a
//! field; the first field of each label counts. Fields are cleaned (quotes, emphasis
//! marks and final punctuation off), names split, the date put in ISO form, volume,
//! issue and pages read, the kind of work decided from which fields are present, and
//! the italic part chosen: the container of an article or chapter, the title of a book.

use std::ops::Range;

use super::bound_title::{
    before_bracketed_year, case_name, clean, closing_mark, describes, emphasised, quoted_title,
    signed_title, split_site, unclosed_title_end, vancouver_tail,
};
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
        // It ends where its emphasis or quotes close, as a title does.
        let raw = first(Label::Journal).or_else(|| first(Label::Container));
        title_span = container_span.take().map(|c| {
            match raw.and_then(|r| closing_mark(text, r.clone()).map(|end| (r, end))) {
                Some((r, end)) => clean(text, r.start..end),
                None => c,
            }
        });
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
        court: None,
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
        pinpoint: None,
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

/// The DOI written anywhere in the text ("doi:10.1000/xyz", "`https://doi.org/10.1000/xyz`").
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
