//! Hayagriva YAML, Typst's bibliography format, written through `hayagriva` itself so
//! the output is what Typst reads. Containers are parents, as hayagriva makes them
//! from BibLaTeX: an article's periodical (with its volume, issue and publisher), a
//! chapter's book, a web page's site.

use std::str::FromStr;

use hayagriva::types::{
    Date, EntryType, FormatString, MaybeTyped, Numeric, PageRanges, Person, Publisher, QualifiedUrl,
};
use hayagriva::{Entry, Library};

use super::gather::{Creator, Work};
use crate::model::WorkKind;

/// The works as a Hayagriva YAML library; an error names a work hayagriva refused.
pub fn write_yaml(works: &[Work]) -> Result<String, String> {
    let mut library = Library::new();
    for work in works {
        library.push(&entry(work)?);
    }
    let fail = |err: serde_yaml::Error| format!("cannot write YAML: {err}");
    let mut yaml = serde_yaml::to_value(&library).map_err(fail)?;
    for work in works {
        let entry = &mut yaml[work.key.as_str()];
        keep_whole(entry, "author", &work.authors);
        keep_whole(entry, "editor", &work.editors);
    }
    serde_yaml::to_string(&yaml).map_err(fail)
}

/// Writes organisations and unsplit names as `{name: …}`. hayagriva writes every name
/// as a "Family, Given" string, and reads a string back by BibTeX's rules, which would
/// split "Ministry of Defence" into a prefix "Ministry of" and a family "Defence".
fn keep_whole(entry: &mut serde_yaml::Value, field: &str, creators: &[Creator]) {
    let Some(names) = entry.get_mut(field) else {
        return;
    };
    let names: Vec<&mut serde_yaml::Value> = match names {
        serde_yaml::Value::Sequence(list) => list.iter_mut().collect(),
        single => vec![single],
    };
    for (name, creator) in names.into_iter().zip(creators) {
        if let Creator::Literal(literal) = creator {
            let mut whole = serde_yaml::Mapping::new();
            whole.insert("name".into(), literal.as_str().into());
            *name = serde_yaml::Value::Mapping(whole);
        }
    }
}

fn entry(work: &Work) -> Result<Entry, String> {
    let (kind, parent_kind) = entry_types(work);
    let mut entry = Entry::new(&work.key, kind);
    entry.set_title(format_string(&work.title));
    if !work.authors.is_empty() {
        entry.set_authors(work.authors.iter().map(person).collect());
    }
    if !work.editors.is_empty() {
        entry.set_editors(work.editors.iter().map(person).collect());
    }
    if let Some(date) = work.date {
        let date = Date::from_str(&date.iso())
            .map_err(|err| format!("`{}`: date {}: {err}", work.key, date.iso()))?;
        entry.set_date(date);
    }
    if let Some(pages) = &work.pages {
        entry.set_page_range(maybe_typed::<PageRanges>(pages));
    }
    if let Some(doi) = &work.doi {
        entry.set_doi(doi.clone());
    }
    if let Some(url) = &work.url {
        let url = QualifiedUrl::from_str(url)
            .map_err(|err| format!("`{}`: URL {url}: {err}", work.key))?;
        entry.set_url(url);
    }
    // The periodical carries the publication details of an article; the work itself
    // carries them otherwise.
    let mut parent = match (&work.container, parent_kind) {
        (Some(container), Some(kind)) => {
            let mut parent = Entry::new(&work.key, kind);
            parent.set_title(format_string(container));
            Some(parent)
        }
        _ => None,
    };
    let holder = match (&mut parent, work.kind) {
        (Some(parent), WorkKind::Article | WorkKind::Chapter) => parent,
        _ => &mut entry,
    };
    if let Some(volume) = &work.volume {
        holder.set_volume(maybe_typed::<Numeric>(volume));
    }
    if let Some(issue) = &work.issue {
        holder.set_issue(maybe_typed::<Numeric>(issue));
    }
    // As hayagriva reads BibLaTeX: a report's or thesis's institution is its
    // organisation; a place without a publisher is where the work was made.
    match (&work.publisher, work.kind) {
        (Some(institution), WorkKind::Report | WorkKind::Thesis) => {
            holder.set_organization(format_string(institution));
            if let Some(place) = &work.place {
                holder.set_location(format_string(place));
            }
        }
        (Some(publisher), _) => holder.set_publisher(Publisher::new(
            Some(format_string(publisher)),
            work.place.as_deref().map(format_string),
        )),
        (None, _) => {
            if let Some(place) = &work.place {
                holder.set_location(format_string(place));
            }
        }
    }
    if let Some(parent) = parent {
        entry.set_parents(vec![parent]);
    }
    Ok(entry)
}

/// The hayagriva type of a work and of its container, if it has one.
fn entry_types(work: &Work) -> (EntryType, Option<EntryType>) {
    match work.kind {
        WorkKind::Article if work.in_journal() => (EntryType::Article, Some(EntryType::Periodical)),
        WorkKind::Article => (EntryType::Article, Some(EntryType::Newspaper)),
        WorkKind::Book => (EntryType::Book, Some(EntryType::Book)),
        WorkKind::Chapter => (EntryType::Chapter, Some(EntryType::Book)),
        WorkKind::Report => (EntryType::Report, Some(EntryType::Book)),
        WorkKind::Thesis => (EntryType::Thesis, Some(EntryType::Misc)),
        WorkKind::WebPage => (EntryType::Web, Some(EntryType::Web)),
        WorkKind::Legal => (EntryType::Legislation, Some(EntryType::Misc)),
        WorkKind::Interview | WorkKind::Other => (EntryType::Misc, Some(EntryType::Misc)),
    }
}

/// A number or page range hayagriva understands, else the text as written ("IV",
/// "Spring 2003").
fn maybe_typed<T: FromStr>(text: &str) -> MaybeTyped<T> {
    let Ok(value) = text.parse::<MaybeTyped<T>>();
    value
}

/// Text as written: a plain `String` conversion, so braces and `$` stay literal.
fn format_string(text: &str) -> FormatString {
    FormatString::from(text.to_string())
}

fn person(creator: &Creator) -> Person {
    let (name, given_name) = match creator {
        Creator::Person { family, given } => (family.clone(), given.clone()),
        Creator::Literal(name) => (name.clone(), None),
    };
    Person {
        name,
        given_name,
        prefix: None,
        suffix: None,
        comma_suffix: false,
        alias: None,
    }
}
