//! Types shared by the parser's stages and its callers.

use std::ops::Range;

use crate::model::Details;

/// The part of a reference a token belongs to. The names are the labeller's classes
/// (AnyStyle's tags, with rare ones merged into [`Label::Other`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// Author names.
    Author,
    /// Date of publication (or access).
    Date,
    /// Title of the work itself.
    Title,
    /// Editors of the container ("In J. Doe (Ed.),").
    Editor,
    /// Translators.
    Translator,
    /// A book, proceedings or website the work is part of.
    Container,
    /// A periodical: journal, magazine, newspaper.
    Journal,
    /// Publisher.
    Publisher,
    /// Place of publication.
    Location,
    /// Volume and issue ("12(3)", "vol. 7, no. 3").
    Volume,
    /// Pages ("pp. 45–67").
    Pages,
    /// URL.
    Url,
    /// DOI.
    Doi,
    /// Remarks ("Retrieved from", "In press").
    Note,
    /// Genre ("PhD thesis", "Technical report").
    Genre,
    /// Edition ("2nd ed.").
    Edition,
    /// Series ("Lecture Notes in Computer Science").
    Collection,
    /// The reference's number in its list ("\[13\]", "60.").
    Number,
    /// Anything else (ISBN, medium, director…).
    Other,
}

impl Label {
    /// Every label, in the order of [`Label::name`]'s table.
    pub const ALL: [Label; 19] = [
        Label::Author,
        Label::Date,
        Label::Title,
        Label::Editor,
        Label::Translator,
        Label::Container,
        Label::Journal,
        Label::Publisher,
        Label::Location,
        Label::Volume,
        Label::Pages,
        Label::Url,
        Label::Doi,
        Label::Note,
        Label::Genre,
        Label::Edition,
        Label::Collection,
        Label::Number,
        Label::Other,
    ];

    /// The label's name in the model file and in AnyStyle's data.
    pub fn name(self) -> &'static str {
        match self {
            Label::Author => "author",
            Label::Date => "date",
            Label::Title => "title",
            Label::Editor => "editor",
            Label::Translator => "translator",
            Label::Container => "container-title",
            Label::Journal => "journal",
            Label::Publisher => "publisher",
            Label::Location => "location",
            Label::Volume => "volume",
            Label::Pages => "pages",
            Label::Url => "url",
            Label::Doi => "doi",
            Label::Note => "note",
            Label::Genre => "genre",
            Label::Edition => "edition",
            Label::Collection => "collection-title",
            Label::Number => "citation-number",
            Label::Other => "other",
        }
    }

    /// The label of an AnyStyle tag; tags folio does not use become [`Label::Other`].
    pub fn from_name(name: &str) -> Label {
        Label::ALL
            .into_iter()
            .find(|l| l.name() == name)
            .unwrap_or(Label::Other)
    }
}

/// Everything the parser read from one reference.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reference {
    /// Author names as written, one string each ("Hussain, M.", "R. T. Snodgrass").
    pub authors: Vec<String>,
    /// The first year of the date ("2018").
    pub year: Option<String>,
    /// The title, without surrounding quotes, emphasis marks or final punctuation.
    pub title: Option<String>,
    /// The first URL written in the reference.
    pub url: Option<String>,
    /// Structured fields: names, full date, container, publisher, pages, DOI, kind.
    pub details: Details,
    /// Byte range of the title in the text.
    pub title_span: Option<Range<usize>>,
    /// Byte range of the container (journal, book, website) in the text.
    pub container_span: Option<Range<usize>>,
    /// Byte range to print in italics: the container of an article or chapter, the
    /// title of a book, report or thesis.
    pub emphasis: Option<Range<usize>>,
    /// Byte range of the place in the work a legal citation points to ("344" in
    /// "Gideon v. Wainwright, 372 U.S. 335, 344 (1963)", "amend. VI"): the note's, not
    /// the work's.
    pub pinpoint: Option<Range<usize>>,
}
