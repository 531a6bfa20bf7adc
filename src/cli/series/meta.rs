//! The book's metadata and where each value came from: `book.toml`, the first profile,
//! or nothing; `folio build -v` prints it, and a book without a title of its own is
//! warned about rather than silently named after its first profile.

use folio::Document;
use folio::config::BookConfig;
use folio::diag::Diagnostic;
use folio::model::{Metadata, Span};

/// Where one value of the book's metadata came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Set in `book.toml`.
    Config,
    /// Taken from this profile's own metadata.
    Profile(String),
    /// Not set anywhere.
    Unset,
}

/// The book's metadata with each field's origin, in the order `-v` prints them.
#[derive(Debug, Clone)]
pub struct BookMeta {
    /// The metadata the anthology carries.
    pub meta: Metadata,
    /// `(field, value shown, origin)` for each field.
    pub origins: Vec<(&'static str, String, Origin)>,
}

/// Merges `book.toml` over the first profile's metadata, noting each value's origin;
/// `config_file` names `book.toml` in the warning when the book has no title.
pub fn book_meta(
    config: &BookConfig,
    documents: &[Document],
    config_file: &str,
) -> (BookMeta, Option<Diagnostic>) {
    let first = documents.first();
    let from_first = || {
        first.map_or(Origin::Unset, |d| {
            Origin::Profile(d.meta.source_file.clone())
        })
    };
    let base = super::super::publish::book_meta(documents);
    let mut meta = base.clone();
    let mut origins = Vec::new();
    let mut pick = |field: &'static str, own: Option<String>, theirs: &str| -> String {
        let (value, origin) = match own {
            Some(value) => (value, Origin::Config),
            None if theirs.is_empty() => (String::new(), Origin::Unset),
            None => (theirs.to_string(), from_first()),
        };
        origins.push((field, value.clone(), origin));
        value
    };
    meta.title = pick("title", config.title.clone(), &base.title);
    let subtitle = pick(
        "subtitle",
        config.subtitle.clone(),
        base.subtitle.as_deref().unwrap_or(""),
    );
    meta.subtitle = (!subtitle.is_empty()).then_some(subtitle);
    let authors = config.all_authors();
    pick(
        "authors",
        (!authors.is_empty()).then(|| authors.join("; ")),
        &base.authors.join("; "),
    );
    if !config.all_authors().is_empty() {
        meta.authors = config.all_authors();
    }
    meta.lang = pick("lang", config.lang.clone(), &base.lang);
    let description = pick(
        "description",
        config.description.clone(),
        base.description.as_deref().unwrap_or(""),
    );
    meta.description = (!description.is_empty()).then_some(description);
    pick(
        "keywords",
        (!config.keywords.is_empty()).then(|| config.keywords.join(", ")),
        &base.keywords.join(", "),
    );
    if !config.keywords.is_empty() {
        meta.keywords = config.keywords.clone();
    }
    let series = pick(
        "series",
        config.series.clone(),
        base.series.as_deref().unwrap_or(""),
    );
    meta.series = (!series.is_empty()).then_some(series);
    // book.toml has neither a date nor a position in the series: a book of one profile
    // takes that profile's, and -v says so; a series named in book.toml is not
    // numbered by the profile's own.
    let date = pick("date", None, base.date.as_deref().unwrap_or(""));
    meta.date = (!date.is_empty()).then_some(date);
    let position = base.series_position.filter(|_| config.series.is_none());
    let position = pick(
        "series-position",
        None,
        &position.map_or_else(String::new, |p| p.to_string()),
    );
    meta.series_position = position.parse().ok();
    meta.source_file = config_file.to_string();
    let warning = config.title.is_none().then(|| {
        let whose = first.map_or_else(String::new, |d| format!(" from {}", d.meta.source_file));
        Diagnostic::warning(
            "W-BOOK-NO-TITLE",
            config_file,
            Span::default(),
            format!(
                "the book has no title of its own; it is called `{}`{whose}",
                meta.title
            ),
        )
        .with_hint("set `title` in book.toml")
    });
    (BookMeta { meta, origins }, warning)
}

impl BookMeta {
    /// One line per field: `title: "…" (book.toml)`.
    pub fn describe(&self) -> Vec<String> {
        self.origins
            .iter()
            .map(|(field, value, origin)| match origin {
                Origin::Config => format!("{field}: {value:?} (book.toml)"),
                Origin::Profile(file) => {
                    format!("{field}: {value:?} (from the first profile, {file})")
                }
                Origin::Unset => format!("{field}: not set"),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(title: &str, lang: &str) -> Document {
        let mut doc = Document::default();
        doc.meta.title = title.to_string();
        doc.meta.lang = lang.to_string();
        doc.meta.authors = vec!["P. Writer".to_string()];
        doc.meta.source_file = "p/one.md".to_string();
        doc
    }

    #[test]
    fn each_value_says_where_it_came_from() {
        let config = BookConfig::parse("book.toml", "title = \"Kilns\"\n").unwrap();
        let docs = [profile("One", "fr"), profile("Two", "en")];
        let (book, warning) = book_meta(&config, &docs, "book.toml");
        assert!(warning.is_none());
        assert_eq!(book.meta.title, "Kilns");
        assert_eq!(book.meta.lang, "fr");
        let lines = book.describe();
        assert!(
            lines.contains(&"title: \"Kilns\" (book.toml)".to_string()),
            "{lines:?}"
        );
        assert!(
            lines.contains(&"lang: \"fr\" (from the first profile, p/one.md)".to_string()),
            "{lines:?}"
        );
        assert!(
            lines.contains(&"description: not set".to_string()),
            "{lines:?}"
        );
    }

    #[test]
    fn a_single_profiles_date_and_series_position_say_where_they_came_from() {
        let mut doc = profile("One", "en");
        doc.meta.date = Some("2020-05-01".to_string());
        doc.meta.series = Some("Crafts".to_string());
        doc.meta.series_position = Some(3);
        let config = BookConfig::parse("book.toml", "title = \"Kilns\"\n").unwrap();
        let (book, _) = book_meta(&config, std::slice::from_ref(&doc), "book.toml");
        assert_eq!(book.meta.date.as_deref(), Some("2020-05-01"));
        assert_eq!(book.meta.series_position, Some(3));
        let lines = book.describe();
        for line in [
            "date: \"2020-05-01\" (from the first profile, p/one.md)",
            "series-position: \"3\" (from the first profile, p/one.md)",
        ] {
            assert!(lines.contains(&line.to_string()), "{lines:?}");
        }
        // A series named in book.toml is not numbered by the profile's own series.
        let config =
            BookConfig::parse("book.toml", "title = \"Kilns\"\nseries = \"Exiles\"\n").unwrap();
        let (book, _) = book_meta(&config, std::slice::from_ref(&doc), "book.toml");
        assert_eq!(book.meta.series_position, None);
        assert!(
            book.describe()
                .contains(&"series-position: not set".to_string())
        );
        // Several profiles give the anthology no date of theirs.
        let (book, _) = book_meta(&config, &[doc.clone(), doc], "book.toml");
        assert!(book.describe().contains(&"date: not set".to_string()));
    }

    #[test]
    fn a_book_without_a_title_is_warned_about() {
        let config = BookConfig::parse("book/book.toml", "author = \"Ed\"\n").unwrap();
        let docs = [profile("One", "en"), profile("Two", "en")];
        let (book, warning) = book_meta(&config, &docs, "book/book.toml");
        let warning = warning.expect("a warning");
        assert_eq!(warning.code, "W-BOOK-NO-TITLE");
        assert!(
            warning.message.contains("`One` from p/one.md"),
            "{}",
            warning.message
        );
        assert_eq!(book.meta.authors, ["Ed"]);
    }
}
