//! BibTeX, written through the `biblatex` crate (Typst's, the one hayagriva reads
//! with): it escapes special characters, writes names and splits the date into
//! `year`, `month` and `day`.

use biblatex::{Bibliography, Chunk, Chunks, Entry, EntryType, Person, Spanned, Type};

use super::gather::{Creator, Work};
use crate::model::WorkKind;

/// The works as BibTeX entries separated by blank lines, ending in a newline; an
/// error names a work the crate refused.
pub fn write_bibtex(works: &[Work]) -> Result<String, String> {
    let mut library = Bibliography::new();
    for work in works {
        library.insert(entry(work));
    }
    let mut out = String::new();
    for entry in library.iter() {
        let text = entry
            .to_bibtex_string()
            .map_err(|err| format!("cannot write `{}` as BibTeX: {err}", entry.key))?;
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&text);
        out.push('\n');
    }
    Ok(out)
}

fn entry(work: &Work) -> Entry {
    let mut entry = Entry::new(work.key.clone(), entry_type(work.kind));
    if !work.authors.is_empty() {
        entry.set("author", names(&work.authors, work.et_al));
    }
    if !work.editors.is_empty() {
        entry.set("editor", names(&work.editors, false));
    }
    entry.set("title", text(&work.title));
    if let Some(date) = work.date {
        // `to_bibtex_string` turns `date` into `year`, `month` and `day`.
        entry.set("date", text(&date.iso()));
    }
    if let Some(container) = &work.container {
        let field = match work.kind {
            WorkKind::Article => "journal",
            WorkKind::Chapter => "booktitle",
            _ => "howpublished",
        };
        entry.set(field, text(container));
    }
    if let Some(publisher) = &work.publisher {
        let field = match work.kind {
            WorkKind::Report => "institution",
            WorkKind::Thesis => "school",
            _ => "publisher",
        };
        entry.set(field, text(publisher));
    }
    let plain = [
        ("address", &work.place),
        ("volume", &work.volume),
        ("number", &work.issue),
        ("doi", &work.doi),
        ("url", &work.url),
    ];
    for (field, value) in plain {
        if let Some(value) = value {
            entry.set(field, text(value));
        }
    }
    if let Some(pages) = &work.pages {
        // BibTeX writes a page range with "--"; styles turn it into an en dash.
        entry.set("pages", text(&pages.replace(['–', '—'], "--")));
    }
    entry
}

/// The biblatex type; `to_bibtex_string` writes its BibTeX equivalent (`techreport`,
/// `phdthesis`, `misc` for web pages).
fn entry_type(kind: WorkKind) -> EntryType {
    match kind {
        WorkKind::Article => EntryType::Article,
        WorkKind::Book => EntryType::Book,
        WorkKind::Chapter => EntryType::InCollection,
        WorkKind::Report => EntryType::Report,
        WorkKind::Thesis => EntryType::Thesis,
        WorkKind::WebPage => EntryType::Online,
        WorkKind::Interview | WorkKind::Legal | WorkKind::Other => EntryType::Misc,
    }
}

fn text(value: &str) -> Chunks {
    vec![Spanned::detached(Chunk::Normal(value.to_string()))]
}

/// A name list joined by "and": persons as "Family, Given", organisations and unsplit
/// names in braces so BibTeX takes them whole, "and others" for "et al.".
fn names(creators: &[Creator], et_al: bool) -> Chunks {
    let mut chunks = Chunks::new();
    for creator in creators {
        if !chunks.is_empty() {
            chunks.push(Spanned::detached(Chunk::Normal(" and ".to_string())));
        }
        match creator {
            Creator::Person { family, given } => {
                let person = Person {
                    name: family.clone(),
                    given_name: given.clone().unwrap_or_default(),
                    prefix: String::new(),
                    suffix: String::new(),
                    id: None,
                    prefix_initials: None,
                    given_initials: None,
                    use_prefix: None,
                };
                chunks.extend(vec![person].to_chunks());
            }
            Creator::Literal(name) => chunks.push(Spanned::detached(Chunk::Verbatim(name.clone()))),
        }
    }
    if et_al {
        chunks.push(Spanned::detached(Chunk::Normal(" and others".to_string())));
    }
    chunks
}
