//! CSL-JSON: a JSON array of CSL items, the format of Zotero's and citeproc's data.
//!
//! Written with serde structs of our own: citationberg's CSL-JSON types are made for
//! reading (their dates serialise as bare arrays, not `{"date-parts": …}`, and absent
//! name parts as `null`), and no other crate writes CSL-JSON.

use serde::Serialize;

use super::gather::{Creator, Work};
use crate::model::WorkKind;

/// One CSL item; only the variables folio knows, each only when known.
#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Item<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    author: Vec<Name<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    editor: Vec<Name<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issued: Option<Issued>,
    #[serde(skip_serializing_if = "Option::is_none")]
    container_title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher_place: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    volume: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issue: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<&'a str>,
    #[serde(rename = "DOI", skip_serializing_if = "Option::is_none")]
    doi: Option<&'a str>,
    #[serde(rename = "URL", skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

/// A CSL name: parts for a person, `literal` for an organisation or an unsplit name.
#[derive(Serialize)]
#[serde(untagged)]
enum Name<'a> {
    Person {
        family: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        given: Option<&'a str>,
    },
    Literal {
        literal: &'a str,
    },
}

#[derive(Serialize)]
struct Issued {
    #[serde(rename = "date-parts")]
    date_parts: [Vec<u16>; 1],
}

/// The works as a pretty-printed CSL-JSON array, ending in a newline.
pub fn write_csl_json(works: &[Work]) -> String {
    let items: Vec<Item> = works.iter().map(item).collect();
    let mut json = serde_json::to_string_pretty(&items).expect("CSL items serialise");
    json.push('\n');
    json
}

fn item(work: &Work) -> Item<'_> {
    let issued = work.date.map(|d| {
        let mut parts = vec![d.year];
        parts.extend(d.month.map(u16::from));
        parts.extend(d.day.map(u16::from));
        Issued {
            date_parts: [parts],
        }
    });
    Item {
        id: &work.key,
        kind: csl_type(work),
        title: &work.title,
        author: work.authors.iter().map(name).collect(),
        editor: work.editors.iter().map(name).collect(),
        issued,
        container_title: work.container.as_deref(),
        publisher: work.publisher.as_deref(),
        publisher_place: work.place.as_deref(),
        volume: work.volume.as_deref(),
        issue: work.issue.as_deref(),
        page: work.pages.as_deref(),
        doi: work.doi.as_deref(),
        url: work.url.as_deref(),
    }
}

/// The CSL item type of a work.
fn csl_type(work: &Work) -> &'static str {
    match work.kind {
        WorkKind::Article if work.in_journal() => "article-journal",
        WorkKind::Article => "article-newspaper",
        WorkKind::Book => "book",
        WorkKind::Chapter => "chapter",
        WorkKind::Report => "report",
        WorkKind::Thesis => "thesis",
        WorkKind::WebPage => "webpage",
        WorkKind::Interview => "interview",
        WorkKind::Legal => "legislation",
        WorkKind::Other => "document",
    }
}

fn name(creator: &Creator) -> Name<'_> {
    match creator {
        Creator::Person { family, given } => Name::Person {
            family,
            given: given.as_deref(),
        },
        Creator::Literal(literal) => Name::Literal { literal },
    }
}
