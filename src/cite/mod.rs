//! The citation parser: one reference (a works-cited entry, a footnote citation, a
//! short form) in, its fields and the byte spans of its title and container out.
//!
//! The stages, in the order they run:
//!
//! 1. [`split_tokens()`] cuts the text into whitespace-separated tokens.
//! 2. [`describe_tokens()`] gives each token its features (word, shape, punctuation,
//!    dictionary hits, position, quote/bracket/emphasis state, neighbours).
//! 3. [`label_tokens()`] labels each token (author, date, title, journal, publisher, …)
//!    with a conditional random field trained on AnyStyle's hand-labelled references
//!    (AnyStyle's `core.xml`, not in this repository; retrained by
//!    `scripts/train-citations`), compiled by `build.rs` into the tables of
//!    `crf_layout`.
//! 4. `correct_labels` moves the split between names and title, or title and
//!    number, where rules read it better than the labeller.
//! 5. `read_fields` turns runs of labels into fields: names split into family and
//!    given, the date in ISO form, volume/issue/pages, URL and DOI, the kind of work,
//!    and the part to print in italics.
//! 6. `read_legal` reads a case, constitution or statute by rule (the labeller has no
//!    labels for a reporter, a court or a section) and takes its fields over.
//!
//! A citation in Chinese, Japanese or Korean skips stages 1–5: without spaces between
//! its words it would be one token, and its punctuation marks every field. `read_cjk`
//! reads them from it (author before the title, the title in book marks, the facts
//! one a clause) into the same [`Reference`].

mod bound_title;
mod correct_labels;
mod crf_layout;
mod describe_tokens;
mod label_tokens;
mod read_bluebook;
mod read_cjk;
mod read_date;
mod read_fields;
mod read_legal;
mod split_names;
mod split_tokens;
mod types;

pub use describe_tokens::describe_tokens;
pub use label_tokens::label_tokens;
pub use read_cjk::{is_cjk, is_cjk_char};
pub(crate) use read_legal::{is_legal, read_report};
pub(crate) use split_names::din_names;
pub use split_tokens::split_tokens;
pub use types::{Label, Reference};

/// Pages as a CJK note writes them ("第3—8页", "40-42頁", "45쪽", "p. 45"): the number
/// or range, or `None` when the clause is no pages.
pub(crate) fn cjk_pages(clause: &str) -> Option<String> {
    read_cjk::read_pages(clause)
}

/// Whether a CJK text reads as a full citation: names (or nothing) before a marked
/// title, publication facts after it (a year, a publisher, a place or a periodical),
/// and no clause of prose ("鲁迅在《呐喊》自序中回忆…" mentions a title in a sentence).
pub(crate) fn reads_as_cjk_citation(text: &str) -> bool {
    if !read_cjk::reads_cjk(text) {
        return false;
    }
    let read = read_cjk::read_cjk(text);
    let r = &read.reference;
    let facts = r.year.is_some()
        || r.details.publisher.is_some()
        || r.details.place.is_some()
        || r.details.container.is_some();
    read.names_first && !read.prose_after && r.title.is_some() && facts
}

/// Parses one reference. Never fails: what is not recognised stays empty.
pub fn parse(text: &str) -> Reference {
    if read_cjk::reads_cjk(text) {
        return read_cjk::read_cjk(text).reference;
    }
    let mut tokens = split_tokens(text);
    tokens.drain(..backlinks(text, &tokens));
    if tokens.is_empty() {
        return Reference::default();
    }
    // A law review's book or article is read by its grammar, as legal citations are:
    // the labeller never saw a title in capitals or a page before the year.
    if !read_legal::is_legal(text)
        && let Some(bluebook) = read_bluebook::read_bluebook(text, &tokens)
    {
        let mut reference = read_fields::read_fields(text, &tokens, &bluebook.labels);
        reference.details.kind = Some(bluebook.kind);
        reference.pinpoint = bluebook.pinpoint;
        return reference;
    }
    let labels = label_tokens::label_text(text, &tokens);
    let labels = correct_labels::correct_labels(text, &tokens, &labels);
    let mut reference = read_fields::read_fields(text, &tokens, &labels);
    read_legal::take_legal(text, &mut reference);
    reference
}

/// How many tokens at the start are a wiki's back-links ("^", "^ a b", "↑"), which
/// belong to no field.
fn backlinks(text: &str, tokens: &[std::ops::Range<usize>]) -> usize {
    let word = |i: usize| tokens.get(i).map(|r| &text[r.clone()]);
    if !matches!(word(0), Some("^" | "↑")) {
        return 0;
    }
    let letters = (1..tokens.len())
        .take_while(|&i| {
            word(i).is_some_and(|w| w.len() == 1 && w.bytes().all(|b| b.is_ascii_lowercase()))
        })
        .count();
    1 + letters
}

/// The names in an author or editor list ("Hussain, M., & Lacy, A.", "R. T. Snodgrass",
/// "Beautrais AL, Joyce PR", "World Health Organization"), "et al." left out.
pub fn names(text: &str) -> Vec<crate::model::Name> {
    split_names::split_names(text, 0..text.len())
        .0
        .into_iter()
        .map(|w| w.name)
        .collect()
}

/// Each token of `text` with its label: what [`parse`] reads its fields from.
pub fn label(text: &str) -> Vec<(Label, std::ops::Range<usize>)> {
    let tokens = split_tokens(text);
    let labels = label_tokens::label_text(text, &tokens);
    let labels = correct_labels::correct_labels(text, &tokens, &labels);
    labels.into_iter().zip(tokens).collect()
}

#[cfg(test)]
mod tests {
    use super::parse;
    use crate::model::WorkKind;

    fn families(text: &str) -> Vec<String> {
        parse(text)
            .details
            .names
            .into_iter()
            .map(|n| n.family)
            .collect()
    }

    #[test]
    fn a_gost_monograph_without_a_statement_of_responsibility() {
        let r = parse("Пропп В. Я. Морфология сказки. — Л.: Academia, 1928. — 152 с.");
        assert_eq!(
            families("Пропп В. Я. Морфология сказки. — Л.: Academia, 1928."),
            ["Пропп"]
        );
        assert_eq!(r.title.as_deref(), Some("Морфология сказки"));
        assert_eq!(r.details.publisher.as_deref(), Some("Academia"));
        assert_eq!(r.year.as_deref(), Some("1928"));
        assert_eq!(r.details.kind, Some(WorkKind::Book));
        // "и" inside the title is not "and" between two names.
        let r = parse("Тынянов Ю. Н. Архаисты и новаторы. — Л.: Прибой, 1929. — 596 с.");
        assert_eq!(r.authors, ["Тынянов Ю. Н."]);
        assert_eq!(r.title.as_deref(), Some("Архаисты и новаторы"));
    }

    #[test]
    fn initials_first_and_year_at_the_end() {
        let r = parse("R. T. Snodgrass. Temporal databases. IEEE Computer, 19(9):35–42, 1986.");
        assert_eq!(
            families("R. T. Snodgrass. Temporal databases. IEEE Computer, 19(9):35–42, 1986."),
            ["Snodgrass"]
        );
        assert_eq!(r.title.as_deref(), Some("Temporal databases"));
        assert_eq!(r.year.as_deref(), Some("1986"));
        assert_eq!(r.details.container.as_deref(), Some("IEEE Computer"));
        assert_eq!(r.details.kind, Some(WorkKind::Article));
    }

    #[test]
    fn a_title_that_opens_with_marked_words_runs_on_past_them() {
        let r = parse(
            "Lind, K. (2011). *Moby-Dick* revisited: Whales and ledgers. In P. Ames (Ed.), *Sea Novels* (pp. 12–30). Harbour Press.",
        );
        assert_eq!(
            r.title.as_deref(),
            Some("Moby-Dick revisited: Whales and ledgers")
        );
        let r = parse(
            "Ames P. “Kontor” und “Hafen” in der Hanse. Zeitschrift für Hafengeschichte. 2001;4:1–9.",
        );
        assert_eq!(
            r.title.as_deref(),
            Some("“Kontor” und “Hafen” in der Hanse")
        );
    }

    #[test]
    fn a_title_taken_from_the_container_ends_at_its_emphasis() {
        // The labeller reads the edited book's title as a container of no chapter.
        let r = parse(
            "Грязнова, А. Ф. (Ed.). (1998). *Аналитическая философия: Становление и развитие (антолоrия)*. Дом интеллект. книги. Прогресс-Традиция.",
        );
        assert_eq!(
            r.title.as_deref(),
            Some("Аналитическая философия: Становление и развитие (антолоrия)")
        );
    }

    #[test]
    fn an_unsigned_title_keeps_its_first_word() {
        let r = parse("Annual Report of the Harbour Board. 1892.");
        assert_eq!(
            r.title.as_deref(),
            Some("Annual Report of the Harbour Board")
        );
        assert!(r.authors.is_empty(), "{:?}", r.authors);
    }

    #[test]
    fn a_bracket_before_a_wide_character_is_no_year() {
        // Found by the property test: "(" then a two-byte character at byte 4.
        let r = parse("javascript:alert(1) «مجاهدین» — “quoted” A «مجاهدین» — “quoted” A.");
        assert!(r.year.is_none(), "{r:?}");
    }

    #[test]
    fn case_names_and_din_names() {
        for (text, name) in [
            (
                "Harbour Guild v. Tide Board (1911).",
                "Harbour Guild v. Tide Board",
            ),
            (
                "Salt Traders, Inc. v. Harbour Ferry Co., 212 U.S. 101 (1909).",
                "Salt Traders, Inc. v. Harbour Ferry Co",
            ),
            (
                "Harbour Guild v tide board, C-12/03–C-13/03 (1998).",
                "Harbour Guild v tide board",
            ),
            (
                "*Harbour Guild v. Tide Board*. 9th Cir., 1911.",
                "Harbour Guild v. Tide Board",
            ),
            (
                "Harbour Guild v tide board, T-277/08 (November 11, 2009).",
                "Harbour Guild v tide board",
            ),
            (
                "Harbour Guild v tide board. ECJ; 2009. p. 8.",
                "Harbour Guild v tide board",
            ),
        ] {
            let r = parse(text);
            assert_eq!(r.title.as_deref(), Some(name), "{text}");
            assert!(r.authors.is_empty(), "{text}: {:?}", r.authors);
            assert_eq!(r.details.kind, Some(WorkKind::Legal), "{text}");
        }
        // "v." before a number is a volume.
        let r = parse("Ross, W. D.: *Metaphysics*. Bd. v. 2. Oxford : Clarendon, 1924");
        assert_eq!(r.title.as_deref(), Some("Metaphysics"));
        // An initial V. is no "versus".
        assert_eq!(
            families("Hadley, V. Ledgers of the Salt Trade. PhD thesis, Tisza University, 1984."),
            ["Hadley"]
        );
        let text = "Varga, Ilona Margit: Salt roads of the Danube. In: Kovács, P. (Hrsg.): *Trade*. Szeged : Tisza, 2012";
        let r = parse(text);
        assert_eq!(r.authors, ["Varga, Ilona Margit"]);
        assert_eq!(r.title.as_deref(), Some("Salt roads of the Danube"));
        let text = "Varga, Ilona M. ; Kovács, Péter ; Szabó, Anna: Salt roads of the Danube.";
        assert_eq!(families(text), ["Varga", "Kovács", "Szabó"]);
    }

    #[test]
    fn vancouver_one_word_titles_and_media() {
        let r = parse("Lind T. Ballast. Tide Records; 1965.");
        assert_eq!(families("Lind T. Ballast. Tide Records; 1965."), ["Lind"]);
        assert_eq!(r.title.as_deref(), Some("Ballast"));
        let r = parse("Lind T. Ballast [Internet]. 2007. Available from: https://x.org/b");
        assert_eq!(r.title.as_deref(), Some("Ballast"));
        // Not Vancouver: a middle initial.
        let text = "Ilona K. Varga. Salt Roads. Tisza Press, Szeged, 2012.";
        assert_eq!(families(text), ["Varga"]);
        assert_eq!(parse(text).title.as_deref(), Some("Salt Roads"));
    }

    #[test]
    fn a_first_family_name_with_a_particle_before_one_given_name() {
        let text = "Ortega de Lara, Inés, and Paulo Ames. *Rutas de la sal*. Sevilla: Mar, 1993.";
        assert_eq!(families(text), ["Ortega de Lara", "Ames"]);
        // Given-first, the particle starts the family name as before.
        assert_eq!(
            families("Ludwig van Beethoven, *Symphonies* (Vienna: Hof, 1810)."),
            ["van Beethoven"]
        );
    }

    #[test]
    fn a_span_of_years_dates_a_work() {
        for (text, year) in [
            (
                "Ames, Petra, ed. “The Harbour Archive,” 1996–2014. www.harbour.org.",
                "1996",
            ),
            (
                "Lind, Karin, ed. *Harbour Rolls*. 2 vols. Szeged, 1885–1888.",
                "1885",
            ),
        ] {
            assert_eq!(parse(text).year.as_deref(), Some(year), "{text}");
        }
    }

    #[test]
    fn a_marked_title_runs_to_its_closing_mark_past_inner_sentences() {
        for text in [
            "Lind, Karin. “Mr. Ames on Ballast.” Letter, April 18, 1881. http://x.org/a",
            "Lind, Karin. *Mr. Ames on Ballast*. 18 Apr. 1881, http://x.org/a.",
            "Lind, K. (1881, April 18). “Mr. Ames on Ballast.” Harbour Letters.",
        ] {
            assert_eq!(
                parse(text).title.as_deref(),
                Some("Mr. Ames on Ballast"),
                "{text}"
            );
        }
    }

    #[test]
    fn with_no_title_labelled_the_emphasised_words_are_it() {
        let r = parse("Doe, J. *Harbour Songs*. Tide Records, 2016.");
        assert_eq!(r.title.as_deref(), Some("Harbour Songs"));
    }

    #[test]
    fn an_emphasised_sentence_after_a_signed_title_is_its_container() {
        let r = parse(
            "HALL, Mira, 2015. Salt in the ledgers. *Journal of Harbour Studies* [en ligne]. 2015. Vol. 4, pp. 1‑9.",
        );
        assert_eq!(r.title.as_deref(), Some("Salt in the ledgers"));
        assert_eq!(
            r.details.container.as_deref(),
            Some("Journal of Harbour Studies")
        );
    }

    #[test]
    fn chicago_book_and_article() {
        let text = "Varga, Ilona. The Salt Roads: Trade and Power on the Danube, 1700–1850. Szeged: Tisza Press, 2012.";
        let r = parse(text);
        assert_eq!(families(text), ["Varga"]);
        assert_eq!(
            r.title.as_deref(),
            Some("The Salt Roads: Trade and Power on the Danube, 1700–1850")
        );
        assert_eq!(r.year.as_deref(), Some("2012"));
        assert_eq!(r.details.publisher.as_deref(), Some("Tisza Press"));
        assert_eq!(r.details.place.as_deref(), Some("Szeged"));
        assert_eq!(r.details.kind, Some(WorkKind::Book));
        assert_eq!(r.emphasis.map(|e| &text[e]), r.title.as_deref());
        let text = "Roe, Ann, and Tom Vick. “Harbour Strikes.” *Journal of Cold War Studies* 12, no. 3 (2019): 45–67.";
        let r = parse(text);
        assert_eq!(families(text), ["Roe", "Vick"]);
        assert_eq!(r.title.as_deref(), Some("Harbour Strikes"));
        assert_eq!(
            r.details.container.as_deref(),
            Some("Journal of Cold War Studies")
        );
        assert_eq!(
            (r.details.volume.as_deref(), r.details.issue.as_deref()),
            (Some("12"), Some("3"))
        );
        assert_eq!(r.details.pages.as_deref(), Some("45–67"));
        assert_eq!(
            r.emphasis.map(|e| &text[e]),
            Some("Journal of Cold War Studies")
        );
    }

    #[test]
    fn titles_end_where_their_emphasis_or_quotes_close() {
        let title = |text: &str| parse(text).title;
        assert_eq!(
            title("Loh, N.C. (1992) *High-resolution accelerometer*. Master’s thesis. MIT.")
                .as_deref(),
            Some("High-resolution accelerometer")
        );
        assert_eq!(
            title("Baez, J.C. (2004) ‘Higher-dimensional algebra V: 2-groups’, *Theory and Applications of Categories*, 12, pp. 423–491.").as_deref(),
            Some("Higher-dimensional algebra V: 2-groups")
        );
        // An apostrophe is no closing quote.
        assert_eq!(
            title("Ellis, R. (2008) ‘Squatters’ rights’, *Ward Six*, 30 June.").as_deref(),
            Some("Squatters’ rights")
        );
        // A chapter's title ends before "In:".
        assert_eq!(
            title("Clapton E. Discovering robert johnson. In: Robert johnson: The complete recordings. Columbia; 1990. p. 22–3.").as_deref(),
            Some("Discovering robert johnson")
        );
        // A book with an editor and no author: its italic title is the title.
        assert_eq!(
            title(
                "Matuz, Roger, ed. *Contemporary Literary Criticism*. Vol. 61. Detroit: Gale, 1990."
            )
            .as_deref(),
            Some("Contemporary Literary Criticism")
        );
    }

    #[test]
    fn wiki_back_links_belong_to_no_field() {
        let text = "^ a b Smith, John (12 March 2010). \"Harbour strikes end\". The Times. Retrieved 5 May 2015.";
        let r = parse(text);
        assert_eq!(families(text), ["Smith"]);
        assert_eq!(r.details.names[0].given.as_deref(), Some("John"));
        assert_eq!(r.details.date.as_deref(), Some("2010-03-12"));
        assert_eq!(r.title.as_deref(), Some("Harbour strikes end"));
        assert_eq!(r.details.container.as_deref(), Some("The Times"));
    }

    #[test]
    fn vancouver_semicolons_et_al_and_organisations() {
        assert_eq!(
            families(
                "Beautrais AL, Joyce PR, Mulder RT. Risk factors for serious suicide attempts. Am J Epidemiol. 1996;144(12):1189-95."
            ),
            ["Beautrais", "Joyce", "Mulder"]
        );
        assert_eq!(
            families("Varga, Ilona; Kovács, Péter. Danube Trade. Budapest: Akadémiai Kiadó, 2015."),
            ["Varga", "Kovács"]
        );
        let r = parse("Smith, J., et al. (2010). Harbour ecology. Marine Biology, 4, 1–9.");
        assert!(r.details.et_al);
        assert_eq!(r.details.names.len(), 1);
        let r = parse(
            "World Health Organization. (2020). Global report on infection prevention. Geneva: WHO.",
        );
        assert!(r.details.names[0].organisation);
        assert_eq!(r.details.names[0].family, "World Health Organization");
    }
}
