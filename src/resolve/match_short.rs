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
use super::read_cjk::{is_cjk, kind_fits, names_author};
use super::read_short::Short;
use super::{Map, Set};
use crate::model::WorkKind;

/// The most earlier works of one first family name [`Works::same_work`] compares a
/// citation with.
const MAX_SAME_WORK_CANDIDATES: usize = 256;

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

/// How one of several fitting works answers a tie-breaker's test.
enum Verdict {
    /// It is the one the short form means, if no other is.
    Picked,
    /// It is not, and does not stand in the way of another.
    Passed,
    /// It might be: the short form stays ambiguous.
    Blocks,
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
            // A Japanese short form gives the family name that begins a CJK name
            // ("竹内" of "竹内好"): each start of two characters or more finds it too.
            for name in parsed.surnames.iter().filter(|s| is_cjk(s)) {
                let ends = name.char_indices().map(|(i, _)| i).skip(2);
                for end in ends.chain([name.len()]) {
                    let works = self.index.entry(name[..end].to_string()).or_default();
                    if works.last() != Some(&id) {
                        works.push(id);
                    }
                }
            }
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
                _ => {
                    return self
                        .by_author(short, &fits)
                        .or_else(|| self.by_author_not_publisher_or_editor(short, &fits))
                        .or_else(|| self.by_initial(short, &fits))
                        .or_else(|| self.by_title(short, &fits))
                        .map_or(Found::Several(fits), Found::One);
                }
            }
        }
        Found::Nothing
    }

    /// The one of several works a short form fits that `judge` picks, when it picks
    /// exactly one and blocks none. A commentary among them blocks (it may cite one of
    /// them in a form folio did not recognise), and so does a search that stopped at
    /// MAX_NAMED: a work it did not reach may be another.
    fn pick_one(&self, fits: &[usize], judge: impl Fn(&Work) -> Verdict) -> Option<usize> {
        if fits.len() > MAX_NAMED {
            return None;
        }
        let mut chosen = None;
        for &w in fits {
            let work = &self.list[w];
            match judge(work) {
                _ if work.commentary => return None,
                Verdict::Blocks => return None,
                Verdict::Picked if chosen.is_some() => return None,
                Verdict::Picked => chosen = Some(w),
                Verdict::Passed => {}
            }
        }
        chosen
    }

    /// Of several works a short form fits, the one whose citation holds its names
    /// outside the title, when every other one holds them only inside its title:
    /// "Brunel, *Life*, 506." names Isambard Brunel's *The Life of Isambard Kingdom
    /// Brunel*, not R. Angus Buchanan's *Brunel: The Life and Times…*. A name written
    /// outside the title of two works (two authors of one name, an editor) keeps it
    /// ambiguous.
    fn by_author(&self, short: &Short, fits: &[usize]) -> Option<usize> {
        if short.names.is_empty() {
            return None;
        }
        self.pick_one(fits, |work| {
            let title = fold(work.parsed.title.as_deref().unwrap_or_default());
            if title.is_empty() {
                return Verdict::Blocks;
            }
            let padded_title = format!(" {title} ");
            let outside = work.text.replacen(&padded_title, " ", 1);
            if short.names.iter().all(|n| holds_words(&outside, n)) {
                Verdict::Picked
            } else if short.names.iter().all(|n| holds_words(&padded_title, n)) {
                Verdict::Passed
            } else {
                Verdict::Blocks
            }
        })
    }

    /// Of several works a short form fits, the one whose authors bear its names, when
    /// every other one holds them only in its publisher's name or as the editor of the
    /// book its chapter is in: "Beck, a.a.O., S. 140." names Hanno Beck's book, not one
    /// published by C.H. Beck; MLA's "Todd 351" names R. Larry Todd's book, not Nancy
    /// Reich's essay in a collection he edited (its short form is "Reich"). An edited
    /// book with no authors is its editor's; a translator of that name keeps it
    /// ambiguous.
    fn by_author_not_publisher_or_editor(&self, short: &Short, fits: &[usize]) -> Option<usize> {
        if short.names.is_empty() {
            return None;
        }
        self.pick_one(fits, |work| {
            let parsed = &work.parsed;
            let surnames = format!(" {} ", parsed.surnames.join(" "));
            if short.names.iter().all(|n| holds_words(&surnames, n)) {
                return Verdict::Picked;
            }
            let publisher = format!(
                " {} ",
                fold(parsed.details.publisher.as_deref().unwrap_or_default())
            );
            // A chapter's editors are its book's; a work with no authors is theirs.
            let editors: Vec<String> = if parsed.surnames.is_empty() {
                Vec::new()
            } else {
                parsed
                    .details
                    .editors
                    .iter()
                    .map(|e| fold(&e.family))
                    .collect()
            };
            let padded_editors = format!(" {} ", editors.join(" "));
            let named_elsewhere = short
                .names
                .iter()
                .all(|n| holds_words(&publisher, n) || holds_words(&padded_editors, n));
            // Its names elsewhere in its text than the publisher and the editors: a
            // translator, the title.
            let mut text = work.text.replacen(publisher.trim(), " ", 1);
            for editor in editors.iter().filter(|e| !e.is_empty()) {
                text = text.replacen(&format!(" {editor} "), " ", 1);
            }
            if named_elsewhere && !short.names.iter().any(|n| holds_words(&text, n)) {
                Verdict::Passed
            } else {
                Verdict::Blocks
            }
        })
    }

    /// Of several works a short form fits, the one whose author of its first name has
    /// its initial, when every other one's has another: MLA's "C. Francis 112" names
    /// Conseula Francis's book, not Dale E. Francis's article. A work whose author of
    /// that name gives no first name keeps it ambiguous.
    fn by_initial(&self, short: &Short, fits: &[usize]) -> Option<usize> {
        let (initial, family) = (short.initial?, short.names.first()?);
        self.pick_one(fits, |work| {
            let name = work
                .parsed
                .details
                .names
                .iter()
                .chain(&work.parsed.details.editors)
                .find(|n| same_name(&fold(&n.family), family));
            let given_initial = name
                .and_then(|n| n.given.as_deref())
                .and_then(|g| g.chars().find(|c| c.is_alphabetic()))
                .and_then(|c| c.to_lowercase().next());
            match given_initial {
                None => Verdict::Blocks,
                Some(c) if c == initial => Verdict::Picked,
                Some(_) => Verdict::Passed,
            }
        })
    }

    /// Of several works a short form fits, the one whose title holds its short title as
    /// consecutive words, when no other's does: "“Darwin on the Origin.”" names the
    /// review titled "Darwin on the Origin of Species", not *On the Origin of Species*,
    /// whose note happens to read "Charles Darwin, *On the Origin…*".
    fn by_title(&self, short: &Short, fits: &[usize]) -> Option<usize> {
        let want: Vec<&str> = short.title.as_deref()?.split(' ').collect();
        self.pick_one(fits, |work| {
            let holds = work
                .title_words
                .windows(want.len())
                .any(|run| run.iter().zip(&want).all(|(have, want)| have == want));
            if holds {
                Verdict::Picked
            } else {
                Verdict::Passed
            }
        })
    }

    /// The one earlier work `parsed` cites again in another form: "Jared Diamond, *Guns,
    /// Germs and Steel* (New York: Norton, 1997), 92." after "…*Guns, Germs, and Steel:
    /// The Fates of Human Societies* (New York: W. W. Norton, 1997), 85.", an APA entry
    /// repeated in title case, a bibliography's entry in note form. It has the same
    /// first family name (or none), the same title or one that only adds or drops the
    /// subtitle, and no other year (nor year letter: "2019a" and "2019b" are two works;
    /// "1909b" says there is a 1909a), periodical or collection ("The" aside; one
    /// citation naming none is the same only when its text names the other's: the
    /// parser missed it), volume of a book ("vol. D" and "vol. E"), or (unless a
    /// book's, which are the note's) pages ([`same_pages`]): two articles of one
    /// dossier differ in their pages, two editions in their year, two volumes of an
    /// encyclopaedia in the collection's name. Two such works are never guessed
    /// between.
    pub fn same_work(&self, parsed: &Citation, text: &str) -> Option<usize> {
        let title = parsed.title.as_deref()?;
        let (whole, main) = (fold(title), fold(main_title(title)));
        if whole.is_empty() {
            return None;
        }
        let surname = parsed.surnames.first().map(|s| fold(s)).unwrap_or_default();
        let same = |a: &Option<String>, b: &Option<String>| match (a, b) {
            (Some(a), Some(b)) => same_name(a, b),
            _ => true,
        };
        let own_text = format!(" {} ", fold(text));
        // A preprint and its journal version, a song and its album: one has a
        // periodical or collection the other's citation does not name after the title
        // (before it stand the authors: Beyoncé's album *Beyoncé*).
        let names_after_title = |padded: &str, title: &str, container: &str| {
            let after = padded
                .find(title)
                .map_or(padded, |at| &padded[at + title.len()..]);
            holds_words(after, &fold(container))
        };
        let same_container = |other: &Work, other_title: &str| match (
            &other.parsed.details.container,
            &parsed.details.container,
        ) {
            (Some(a), Some(b)) => {
                same_name(a, b)
                    || names_after_title(&own_text, &whole, a)
                        && names_after_title(&other.text, other_title, b)
            }
            (Some(a), None) => names_after_title(&own_text, &whole, a),
            (None, Some(b)) => names_after_title(&other.text, other_title, b),
            (None, None) => true,
        };
        let letter = |text: &str, year: &Option<String>| {
            year.as_deref().and_then(|year| year_letter(text, year))
        };
        let own_letter = letter(text, &parsed.year);
        let candidates = self.by_surname.get(&surname)?;
        // One author with thousands of works would make every new citation compare with
        // each: past this many, no near-identical match is taken (never a guess; an
        // exact repeat has its own path), so resolving stays linear.
        if candidates.len() > MAX_SAME_WORK_CANDIDATES {
            return None;
        }
        let mut fits = candidates.iter().filter(|&&w| {
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
            // Two volumes of one multi-volume book share author, title and year.
            let article = [other, parsed]
                .iter()
                .any(|c| c.details.kind == Some(WorkKind::Article));
            let pages = match (&other.details.pages, &parsed.details.pages) {
                (Some(a), Some(b)) => same_pages(a, b),
                _ => true,
            };
            titles
                && same(&other.year, &parsed.year)
                && own_letter == other_letter
                && same_container(&self.list[w], &other_whole)
                && (article
                    || same(
                        &volume_of(other, &self.list[w].text),
                        &volume_of(parsed, &own_text),
                    ))
                && (book || pages)
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
            .chain(&short.report)
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
            if self.list[w].commentary && !self.list[w].names_as_written(short) {
                continue;
            }
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

/// Whether two citations' pages can be one work's: "155–61" and "155–161" (the end
/// abbreviated), "55‑62" and "55–62" (any dash), a range and one page inside it (a
/// note gives the page it cites, or only the first). Pages that are not numbers
/// ("xii", "c1–c1") are compared as written.
fn same_pages(a: &str, b: &str) -> bool {
    match (page_span(a), page_span(b)) {
        (Some((a0, Some(a1))), Some((b0, Some(b1)))) => a0 == b0 && a1 == b1,
        (Some((a0, Some(a1))), Some((b0, None))) => (a0..=a1).contains(&b0),
        (Some((a0, None)), Some((b0, Some(b1)))) => (b0..=b1).contains(&a0),
        (Some((a0, None)), Some((b0, None))) => a0 == b0,
        _ => fold(a) == fold(b),
    }
}

/// The first page of `pages` and, for a range, its last, written out in full ("155–61"
/// ends at 161); `None` when it does not open with a number after its label ("pp. ",
/// "S. ", "H ").
fn page_span(pages: &str) -> Option<(u64, Option<u64>)> {
    const MAX_DIGITS: usize = 9;
    let start = pages.find(|c: char| c.is_ascii_digit())?;
    if pages[..start].chars().any(char::is_numeric) {
        return None;
    }
    let digits = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let rest = &pages[start..];
    let first = &rest[..digits(rest).min(MAX_DIGITS)];
    let after = rest[first.len()..].trim_start();
    let Some(tail) = after.strip_prefix(['-', '–', '—', '‑', '‐']) else {
        return Some((first.parse().ok()?, None));
    };
    let tail = tail.trim_start();
    let last = &tail[..digits(tail).min(MAX_DIGITS)];
    if last.is_empty() {
        return Some((first.parse().ok()?, None));
    }
    // Chicago's "155–61": the end keeps only the digits that change.
    let last = if last.len() < first.len() {
        format!("{}{last}", &first[..first.len() - last.len()])
    } else {
        last.to_string()
    };
    Some((first.parse().ok()?, Some(last.parse().ok()?)))
}

/// Whether the folded words `words` stand consecutively in `padded`, a folded text
/// between spaces.
fn holds_words(padded: &str, words: &str) -> bool {
    padded.match_indices(words).any(|(i, _)| {
        // The text is padded with spaces, so a match never starts at 0.
        i > 0
            && padded.as_bytes()[i - 1] == b' '
            && padded.as_bytes().get(i + words.len()) == Some(&b' ')
    })
}

/// The volume of a book a citation names, from the parser or, where it read none
/// ("vol. E"), from the words after "vol.", "volume", "Bd." or "tome" in its folded
/// text between spaces.
fn volume_of(citation: &Citation, padded: &str) -> Option<String> {
    if citation.details.volume.is_some() {
        return citation.details.volume.clone();
    }
    [" vol ", " volume ", " bd ", " tome "]
        .iter()
        .find_map(|label| {
            let at = padded.find(label)? + label.len();
            let word = padded[at..].split(' ').next()?;
            (!word.is_empty()).then(|| word.to_string())
        })
}

/// Whether two names of a periodical or collection are one: "The" aside, abbreviated
/// with or without stops ("Yale L.J." and "Yale LJ"). One name that only opens the
/// other is not enough: "… Social Sciences" and "… Social Sciences III" are two volumes.
fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    let (a, b) = (
        a.strip_prefix("the ").unwrap_or(&a),
        b.strip_prefix("the ").unwrap_or(&b),
    );
    a == b || a.replace(' ', "") == b.replace(' ', "")
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
        let names = short.names.iter().all(|name| self.holds_name(name));
        // "前掲論文" (the article cited) fits no book.
        let kind = match (short.kind, self.parsed.details.kind) {
            (Some(wanted), Some(have)) => kind_fits(wanted, have),
            _ => true,
        };
        names
            && kind
            && short
                .report
                .as_deref()
                .is_none_or(|report| self.holds(report))
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

    /// Whether commentary writes the names of `short` (the last word of each; without
    /// names, its title's first word) capitalised somewhere, as prose writes a name or title: "Letter,
    /// 160." does not mean a commentary saying "the letter itself is undated".
    fn names_as_written(&self, short: &Short) -> bool {
        // A name's particles are lowercase in prose ("de la Macorra"): its last word.
        let wanted: Vec<&str> = if short.names.is_empty() {
            short
                .title
                .iter()
                .filter_map(|t| t.split(' ').next())
                .collect()
        } else {
            short
                .names
                .iter()
                .filter_map(|n| n.rsplit(' ').next())
                .collect()
        };
        wanted.iter().all(|want| {
            self.citation
                .split(|c: char| !c.is_alphanumeric())
                .any(|word| {
                    word.chars().next().is_some_and(char::is_uppercase) && fold(word) == *want
                })
        })
    }

    /// Whether the work names the author `name` (folded): anywhere in its citation, so
    /// that a name the parser missed is still found; a CJK name among the authors the
    /// parser read, whole or as the family name that begins it (see [`names_author`]):
    /// "鲁迅" stands in the citation of every book about him.
    fn holds_name(&self, name: &str) -> bool {
        if is_cjk(name) {
            return self.parsed.surnames.iter().any(|s| names_author(name, s));
        }
        self.holds(name)
    }

    /// Whether the folded words `words` stand consecutively in the citation.
    fn holds(&self, words: &str) -> bool {
        holds_words(&self.text, words)
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
    fn a_short_title_held_by_one_title_is_that_work() {
        let w = works(&[
            "Charles Darwin, *On the Origin of Species* (London: John Murray, 1859).",
            "“Darwin on the Origin of Species,” *Times* (London), December 26, 1859.",
        ]);
        assert_eq!(find(&w, "“Darwin on the Origin.”"), Found::One(1));
        assert_eq!(find(&w, "Darwin, *Origin*, 4."), Found::One(0));
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
    fn a_name_outside_one_title_only_names_its_author() {
        let w = works(&[
            "Isambard Brunel, *The Life of Isambard Kingdom Brunel, Civil Engineer* (London: Longmans, Green, 1870), 1–4.",
            "R. Angus Buchanan, *Brunel: The Life and Times of Isambard Kingdom Brunel* (London: Hambledon and London, 2002), 43–47.",
        ]);
        assert_eq!(find(&w, "Brunel, *Life*, 506."), Found::One(0));
        // Two works whose citations name Brunel outside their titles: never guessed.
        let w = works(&[
            "Isambard Brunel, *The Life of Isambard Kingdom Brunel, Civil Engineer* (London: Longmans, Green, 1870), 1–4.",
            "Celia Brunel Noble, *The Brunels, Father and Son* (London: Cobden-Sanderson, 1938), 9.",
            "R. Angus Buchanan, *Brunel: The Life and Times of Isambard Kingdom Brunel* (London: Hambledon and London, 2002), 43–47.",
        ]);
        assert!(matches!(find(&w, "Brunel, 506."), Found::Several(_)));
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
    fn one_work_in_two_styles_is_one_source() {
        let w = works(&[
            "Chaves-Morillo, V., et al. “Sensorineural Anosmia: Relationship Between Subtype, Recognition Time, and Age.” *Clínica y Salud*, vol. 28, no. 3, 2018, pp. 155–61.",
            "Olby, Robert C.: Mendel no Mendelian? In: History of Science Bd. 17 (1979).",
            "Esser, O. (2012) ‘Forcing with the anti-foundation axiom’, *Mathematical Logic Quarterly*, 58(1-2), pp. 55–62.",
            "Waldron J. The core of the case against judicial review. Yale LJ. 2006;115:1346.",
        ]);
        let same = |c: &str| w.same_work(&parse_citation(c), c);
        // The journal abbreviated with stops in one style and without in the other.
        assert_eq!(
            same(
                "Waldron, Jeremy. 2006. “The Core of the Case Against Judicial Review.” *Yale L.J.* 115: 1346."
            ),
            Some(3)
        );
        // The end of a page range written in full, another dash, one page inside.
        assert_eq!(
            same(
                "Chaves-Morillo, V., Gómez Calero, C., & Peñacoba-Puente, C. (2018). Sensorineural anosmia: Relationship between subtype, recognition time, and age. *Clínica y Salud*, 28(3), 155–161."
            ),
            Some(0)
        );
        assert_eq!(
            same(
                "ESSER, Olivier, 2012. Forcing with the anti-foundation axiom. *Mathematical Logic Quarterly*. février 2012. Vol. 58, n° 1-2, pp. 55‑62."
            ),
            Some(2)
        );
        // The journal the other reading missed is named in its text.
        assert_eq!(
            same("Olby, Robert C. “Mendel No Mendelian?” *History of Science* 17 (1979): 53–72."),
            Some(1)
        );
        // Pages outside the range, or another journal not named, are other works.
        let other = "Esser, O. (2012) ‘Forcing with the anti-foundation axiom’, *Mathematical Logic Quarterly*, 58(1-2), pp. 63–70.";
        assert_eq!(same(other), None);
        let elsewhere = "Olby, Robert C. “Mendel No Mendelian?” *Isis* 17 (1979): 53–72.";
        assert_eq!(same(elsewhere), None);
    }

    #[test]
    fn two_volumes_of_one_book_are_two_works() {
        let w = works(&[
            "D. E. Knuth, *Computers & typesetting*, vol. D. Reading, Mass.: Addison-Wesley, 1986.",
        ]);
        let e =
            "Knuth, D. E. *Computers & typesetting*. vol. E. Reading, Mass.: Addison-Wesley, 1986.";
        assert_eq!(w.same_work(&parse_citation(e), e), None);
        let d = "Knuth, Donald E. *Computers & Typesetting*. Vol. D. Reading, Mass.: Addison-Wesley, 1986.";
        assert_eq!(w.same_work(&parse_citation(d), d), Some(0));
    }

    #[test]
    fn pages_agree_when_one_range_holds_the_other() {
        assert!(same_pages("155–61", "155–161"));
        assert!(same_pages("pp. 201–3", "201–203"));
        assert!(same_pages("33–42", "33"));
        assert!(same_pages("H 8353–8486", "8353–8486"));
        assert!(same_pages("c1–c1", "c1–c1"));
        assert!(!same_pages("155–61", "155–162"));
        assert!(!same_pages("201–203", "250"));
        assert!(!same_pages("xii", "xiv"));
        assert_eq!(page_span("97–7"), Some((97, Some(97))));
        assert_eq!(page_span("1–c1"), Some((1, None)));
    }

    #[test]
    fn commentary_does_not_hold_a_bare_title() {
        let mut w =
            works(&["Schlesinger A Jr. Letter. The New York Review of Books. 2004. p. 84."]);
        w.add_commentary(
            "The date is uncertain; the letter itself is undated.".into(),
            2,
        );
        assert_eq!(find(&w, "Letter, 160."), Found::One(0));
        // A form naming its author still meets commentary that names the same.
        w.add_commentary("Schlesinger's letter answered Wills's review.".into(), 3);
        assert!(matches!(
            find(&w, "Schlesinger, Letter, 160."),
            Found::Several(_)
        ));
    }

    #[test]
    fn a_case_short_form_fits_by_party_and_report() {
        let w = works(&[
            "Gideon v. Wainwright, 372 U.S. 335 (1963).",
            "Betts v. Brady, 316 U.S. 455 (1942).",
            "United States v. Nixon, 418 U.S. 683 (1974).",
            "United States v. Richardson, 418 U.S. 166 (1974).",
        ]);
        assert_eq!(find(&w, "Gideon, 372 U.S. at 344."), Found::One(0));
        assert_eq!(
            find(&w, "Betts, 316 U.S. at 474–76 (Black, J., dissenting)."),
            Found::One(1)
        );
        // The party and the report must both be the case's.
        assert_eq!(find(&w, "Gideon, 316 U.S. at 344."), Found::Nothing);
        assert_eq!(find(&w, "Brady, 372 U.S. at 344."), Found::Nothing);
        // Two cases of one volume with the party named: never guessed.
        assert_eq!(
            find(&w, "United States, 418 U.S. at 707."),
            Found::Several(vec![2, 3])
        );
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
