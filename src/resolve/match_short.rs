//! Matching a short form against the works cited before it.
//!
//! A work fits a reading when every family name of the reading stands in its
//! citation and the short title stands there too, as consecutive words (the first
//! words of the main title, with or without its leading article: "Salt Roads" in "The
//! Salt Roads: Trade and Power…") or as words of the parsed title in their order
//! (Chicago's key words). Both tests read the whole citation, not only the parser's
//! fields, so a citation the parser misreads can still be found. An author-only form
//! fits every work of that author; a bare "op. cit." every work.
//!
//! The readings of a note are tried in order (names and title before title alone),
//! and the first that fits anything decides. It resolves only when exactly one work
//! fits: two that fit equally are never guessed between. Footnotes read as commentary
//! are kept too, never as sources: one that fits as well (it may cite a work in a
//! form folio did not recognise) makes the short form ambiguous.

use super::parse_citation::{Citation, fold};
use super::read_short::Short;
use super::{Map, Set};
use crate::model::WorkKind;

/// Fitting sources counted before a short form is called ambiguous and the search
/// stops: a warning names this many.
pub(super) const MAX_NAMED: usize = 3;

/// A source while notes are still being read; ids come later, by first citation.
pub(super) struct Work {
    /// The full citation as first written.
    pub citation: String,
    /// What the parser read from it.
    pub parsed: Citation,
    /// The number of the note that first cited it, for messages.
    pub first_note: u32,
    /// The folded citation between spaces, so " word " finds whole words.
    text: String,
    /// The words of the parsed title, folded.
    title_words: Vec<String>,
    /// A footnote read as commentary, kept so that a short form that may mean a work it
    /// cites is not resolved to another: never a source itself.
    pub commentary: bool,
}

/// What a reading fits.
#[derive(Debug, PartialEq)]
pub(super) enum Found {
    /// Exactly one earlier work.
    One(usize),
    /// Several earlier works, in the order they were first cited.
    Several(Vec<usize>),
    /// None.
    Nothing,
}

/// The works read so far, with an index from each word to the works holding it.
#[derive(Default)]
pub(super) struct Works {
    /// In the order they were first cited.
    pub list: Vec<Work>,
    index: Map<String, Vec<usize>>,
    /// The works by their first family name, folded ("" for none), for
    /// [`Works::same_work`].
    by_surname: Map<String, Vec<usize>>,
    commentary_seen: Set<String>,
}

impl Works {
    /// Adds a work, `folded` being its citation folded; returns its index.
    pub fn add(
        &mut self,
        citation: String,
        parsed: Citation,
        first_note: u32,
        folded: &str,
    ) -> usize {
        self.push(citation, parsed, first_note, false, folded)
    }

    /// Adds a footnote read as commentary: it may cite a work folio did not recognise.
    /// The same commentary twice is kept once, so that resolving stays linear.
    pub fn add_commentary(&mut self, text: String, first_note: u32) {
        let folded = fold(&text);
        if !self.commentary_seen.contains(&folded) {
            self.push(text, Citation::default(), first_note, true, &folded);
            self.commentary_seen.insert(folded);
        }
    }

    fn push(
        &mut self,
        citation: String,
        parsed: Citation,
        first_note: u32,
        commentary: bool,
        folded: &str,
    ) -> usize {
        let id = self.list.len();
        for word in folded.split(' ') {
            match self.index.get_mut(word) {
                Some(works) if works.last() == Some(&id) => {}
                Some(works) => works.push(id),
                None => {
                    self.index.insert(word.to_string(), vec![id]);
                }
            }
        }
        if !commentary {
            let surname = parsed.surnames.first().map(|s| fold(s)).unwrap_or_default();
            self.by_surname.entry(surname).or_default().push(id);
        }
        let title_words = parsed
            .title
            .as_deref()
            .map(|t| fold(t).split(' ').map(str::to_string).collect())
            .unwrap_or_default();
        self.list.push(Work {
            citation,
            parsed,
            first_note,
            text: format!(" {folded} "),
            title_words,
            commentary,
        });
        id
    }

    /// The works the first fitting reading fits.
    pub fn find(&self, readings: &[Short]) -> Found {
        for short in readings {
            let fits = self.fits(short);
            match fits.as_slice() {
                [] => continue,
                [one] if !self.list[*one].commentary => return Found::One(*one),
                // Only commentary fits: it named the work but did not cite it.
                _ if fits.iter().all(|&w| self.list[w].commentary) => continue,
                _ => return Found::Several(fits),
            }
        }
        Found::Nothing
    }

    /// The one earlier work `parsed` cites again in another form: "Jared Diamond, *Guns,
    /// Germs and Steel* (New York: Norton, 1997), 92." after "…*Guns, Germs, and Steel:
    /// The Fates of Human Societies* (New York: W. W. Norton, 1997), 85.", an APA entry
    /// repeated in title case, a bibliography's entry in note form. It has the same
    /// first family name (or none), the same title or one that only adds or drops the
    /// subtitle, and no other year (nor year letter: "2019a" and "2019b" are two works;
    /// "1909b" says there is a 1909a), periodical or collection ("The" aside; none
    /// against one is another), or (unless a book's, which are the
    /// note's) pages: two articles of one dossier differ in their pages, two editions
    /// in their year, two volumes of an encyclopaedia in the collection's name. Two such works are never guessed between.
    pub fn same_work(&self, parsed: &Citation, text: &str) -> Option<usize> {
        let title = parsed.title.as_deref()?;
        let (whole, main) = (fold(title), fold(main_title(title)));
        if whole.is_empty() {
            return None;
        }
        let surname = parsed.surnames.first().map(|s| fold(s)).unwrap_or_default();
        let same = |a: &Option<String>, b: &Option<String>| match (a, b) {
            (Some(a), Some(b)) => {
                let (a, b) = (fold(a), fold(b));
                a.strip_prefix("the ").unwrap_or(&a) == b.strip_prefix("the ").unwrap_or(&b)
            }
            _ => true,
        };
        // A preprint and its journal version, a song and its album: one has a
        // periodical or collection, the other none.
        let same_container = |a: &Option<String>, b: &Option<String>| a.is_some() == b.is_some();
        let letter = |text: &str, year: &Option<String>| {
            year.as_deref().and_then(|year| year_letter(text, year))
        };
        let own_letter = letter(text, &parsed.year);
        let mut fits = self.by_surname.get(&surname)?.iter().filter(|&&w| {
            let other = &self.list[w].parsed;
            let Some(other_title) = other.title.as_deref() else {
                return false;
            };
            let other_whole = fold(other_title);
            let titles = other_whole == whole
                // Only the subtitle differs: then both must give the year, and agree.
                || (other_whole == main || fold(main_title(other_title)) == whole)
                    && parsed.year.is_some()
                    && other.year.is_some();
            // A book's pages are the page a note cites, not the work's.
            let book = [other, parsed].iter().any(|c| {
                matches!(
                    c.details.kind,
                    Some(WorkKind::Book | WorkKind::Report | WorkKind::Thesis)
                )
            });
            let other_letter = letter(&self.list[w].citation, &other.year);
            titles
                && same(&other.year, &parsed.year)
                && own_letter == other_letter
                && same(&other.details.container, &parsed.details.container)
                && same_container(&other.details.container, &parsed.details.container)
                && (book || same(&other.details.pages, &parsed.details.pages))
        });
        let one = *fits.next()?;
        fits.next().is_none().then_some(one)
    }

    /// Every work one reading fits, in order.
    fn fits(&self, short: &Short) -> Vec<usize> {
        let words: Vec<&str> = short
            .names
            .iter()
            .chain(&short.title)
            .flat_map(|s| s.split(' '))
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            // A bare "op. cit.": certain only when one work was cited at all.
            return (0..self.list.len()).collect();
        }
        // Every fitting work holds every word: the rarest word's works are the candidates.
        let Some(candidates) = words
            .iter()
            .map(|w| self.index.get(*w).map_or(&[][..], Vec::as_slice))
            .min_by_key(|works| works.len())
        else {
            return Vec::new();
        };
        // Two sources that fit settle it: ambiguous, however many more there are.
        let mut fits = Vec::new();
        let mut sources = 0;
        for &w in candidates {
            if self.list[w].fits(short) {
                fits.push(w);
                sources += usize::from(!self.list[w].commentary);
                if sources > MAX_NAMED {
                    break;
                }
            }
        }
        fits
    }
}

/// The letter after `year` in `text` that tells two works of one author and year apart
/// ("2019a"), if it has one.
fn year_letter(text: &str, year: &str) -> Option<char> {
    text.match_indices(year).find_map(|(at, _)| {
        let mut after = text[at + year.len()..].chars();
        let letter = after.next().filter(char::is_ascii_lowercase)?;
        (!after.next().is_some_and(char::is_alphanumeric)).then_some(letter)
    })
}

/// A title without its subtitle: the part before the first colon, full stop, question
/// or exclamation mark, or spaced dash.
fn main_title(title: &str) -> &str {
    let cut = [":", ". ", "? ", "! ", " – ", " — "]
        .iter()
        .filter_map(|sep| title.find(sep))
        .min()
        .unwrap_or(title.len());
    &title[..cut]
}

impl Work {
    fn fits(&self, short: &Short) -> bool {
        let names = short.names.iter().all(|name| self.holds(name));
        names
            && short
                .year
                .as_deref()
                .is_none_or(|year| self.holds_year(year))
            && short
                .title
                .as_deref()
                .is_none_or(|title| self.holds(title) || self.title_has_in_order(title))
    }

    /// Whether the citation holds `year` ("2002", "2002a"); a year written without a
    /// letter fits "2002a" and "2002b" too, so that "Smith 2002" after both is
    /// ambiguous, not resolved to a third work that happens to lack the letter.
    fn holds_year(&self, year: &str) -> bool {
        self.holds(year)
            || year.len() == 4
                && self.text.match_indices(year).any(|(i, _)| {
                    let after = &self.text.as_bytes()[i + year.len()..];
                    self.text.as_bytes()[i - 1] == b' '
                        && after.first().is_some_and(u8::is_ascii_lowercase)
                        && after.get(1) == Some(&b' ')
                })
    }

    /// Whether the folded words `words` stand consecutively in the citation.
    fn holds(&self, words: &str) -> bool {
        self.text.match_indices(words).any(|(i, _)| {
            // The text is padded with spaces, so a match never starts at 0.
            i > 0
                && self.text.as_bytes()[i - 1] == b' '
                && self.text.as_bytes().get(i + words.len()) == Some(&b' ')
        })
    }

    /// Whether the words of `title` are words of the parsed title, in order, skipping
    /// others ("Salt Danube" in "The Salt Roads of the Danube").
    fn title_has_in_order(&self, title: &str) -> bool {
        let mut words = self.title_words.iter();
        title
            .split(' ')
            .all(|want| words.by_ref().any(|have| have == want))
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse_citation::parse_citation;
    use super::super::read_short::read_short;
    use super::*;

    fn works(citations: &[&str]) -> Works {
        let mut works = Works::default();
        for (i, c) in citations.iter().enumerate() {
            works.add(c.to_string(), parse_citation(c), i as u32 + 1, &fold(c));
        }
        works
    }

    fn find(works: &Works, short: &str) -> Found {
        works.find(&read_short(short).shorts)
    }

    #[test]
    fn title_prefix_without_article_and_key_words() {
        let w = works(&[
            "Varga, Ilona. The Salt Roads: Trade and Power on the Danube, 1700–1850. Szeged: Tisza Press, 2012.",
            "Varga, Ilona. River Tolls. Szeged: Tisza Press, 2015.",
        ]);
        assert_eq!(find(&w, "Varga, Salt Roads, 23."), Found::One(0));
        assert_eq!(find(&w, "Varga, The Salt Roads, 23."), Found::One(0));
        assert_eq!(find(&w, "Varga, River Tolls, 4."), Found::One(1));
        assert_eq!(find(&w, "Varga, Roads Danube, 4."), Found::One(0));
        assert_eq!(find(&w, "Varga, Bridges, 4."), Found::Nothing);
        assert_eq!(find(&w, "Varga, 4."), Found::Several(vec![0, 1]));
        assert_eq!(find(&w, "Kiss, Salt Roads, 4."), Found::Nothing);
    }

    #[test]
    fn same_short_title_twice_is_never_guessed() {
        let w = works(&[
            "Varga, Ilona. Salt Roads: Trade. Szeged: Tisza Press, 2012.",
            "Varga, Ilona. Salt Roads: A Memoir. Szeged: Tisza Press, 2019.",
        ]);
        assert_eq!(
            find(&w, "Varga, Salt Roads, 23."),
            Found::Several(vec![0, 1])
        );
    }

    #[test]
    fn a_work_cited_again_in_another_form() {
        let w = works(&[
            "Jared Diamond, *Guns, Germs, and Steel: The Fates of Human Societies* (New York: W. W. Norton, 1997), 85.",
            "Woodward, B., & Bernstein, C. (1972, June 19). GOP security aide among five arrested in bugging affair. The Washington Post, p. A1.",
            "Diamond, Jared. *Collapse: How Societies Choose to Fail or Succeed*. New York: Viking, 2005.",
        ]);
        let same = |c: &str| w.same_work(&parse_citation(c), c);
        assert_eq!(
            same("Jared Diamond, *Guns, Germs and Steel* (New York: Norton, 1997), 92."),
            Some(0)
        );
        assert_eq!(
            same(
                "Diamond, Jared. *Guns, Germs, and Steel: The Fates of Human Societies*. New York: W. W. Norton, 1997."
            ),
            Some(0)
        );
        assert_eq!(
            same(
                "Woodward, B., & Bernstein, C. (1972, June 19). GOP Security Aide Among Five Arrested in Bugging Affair. The Washington Post, p. A1."
            ),
            Some(1)
        );
        // Another year is another edition; another author another work.
        assert_eq!(
            same(
                "Diamond, Jared. *Collapse: How Societies Choose to Fail or Succeed*. New York: Penguin, 2011."
            ),
            None
        );
        assert_eq!(
            same(
                "Kurlansky, Mark. *Collapse: How Societies Choose to Fail or Succeed*. New York: Viking, 2005."
            ),
            None
        );
        // Same title and author, other pages: two articles of one dossier.
        let w = works(&["Doe, J. (2001). Alpha. Journal of Things, 4, 10–20."]);
        let other = "Doe, J. (2001). Alpha. Journal of Things, 4, 30–40.";
        assert_eq!(w.same_work(&parse_citation(other), other), None);
        // Letters after the year, or another collection, tell works apart.
        let w = works(&[
            "Epocrates (2019a) Epocrates medical references. App Store.",
            "Friedrich, C. (1968). Constitutions. In International encyclopaedia (p. 319).",
        ]);
        let b = "Epocrates (2019b) Epocrates medical references. Google Play Store.";
        assert_eq!(w.same_work(&parse_citation(b), b), None);
        let iii = "Friedrich, C. (1968). Constitutions. In International encyclopaedia III.";
        assert_eq!(w.same_work(&parse_citation(iii), iii), None);
    }

    #[test]
    fn title_only_and_bare_op_cit() {
        let w = works(&["Charter of the Harbour Guilds. Port Authority, 1788."]);
        assert_eq!(
            find(&w, "Charter of the Harbour Guilds, art. 12."),
            Found::One(0)
        );
        assert_eq!(find(&w, "op. cit., 4."), Found::One(0));
    }
}
