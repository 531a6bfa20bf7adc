//! Short forms, Ibid and footnote citations on generated documents of real references.
//!
//! The references are `tests/data/references/rendered.jsonl`: real works' metadata from
//! openly licensed .bib files, rendered by pandoc citeproc in Chicago, author-date, APA,
//! MLA, Harvard, Vancouver, IEEE and other styles, each string labelled with its work's
//! title, first author and kind (see that folder's README and licences). Works are split
//! by work into `tune` and `held-out`: resolution was tuned on documents made from `tune`
//! works and is reported on documents made from `held-out` works, never tuned on.
//!
//! Each document cites a dozen works: in full the first time (one style's string, the
//! style drawn per work and document), then as Chicago writes later notes — family name
//! and a short title of up to four words of the main title (leading article dropped at
//! random, italic or quoted), author only, title only, "op. cit.", "Ibid."/"Id." with
//! or without a page, a repeated or near-identical full citation, Harvard's names and
//! year ("Varga 2012, 23."), two short forms in one note (both must be linked) — so the right source
//! of every note is known by construction. Some pairs of works are given one family
//! name, and some of those one short title: a note that two earlier works fit equally
//! must stay unresolved. Two profiles: a plain-text works-cited list (italics as plain
//! text) and Markdown footnotes (with commentary footnotes, and commentary citing
//! inside). Documents are made over the works, reshuffled, until every row counts more
//! than 4,000 citing notes.
//!
//! `cargo test --test short_forms -- --nocapture` prints the counts; with
//! `FOLIO_SHORT_FORMS_DIR=DIR` every generated document is also written to `DIR`, to run
//! folio on by hand.

use std::collections::HashMap;

use folio::model::{Document, NoteKind};
use folio::{read::read, resolve::resolve};
use serde::Deserialize;

/// One rendered string of a work, with its labels (fields of `rendered.jsonl`).
#[derive(Deserialize)]
struct Rendered {
    text: String,
    title: String,
    author: Option<String>,
    kind: String,
    style: String,
    work: String,
    split: String,
    year: Option<String>,
}

/// One labelled work: its rendered strings (one per style) and labels.
#[derive(Clone)]
struct Reference {
    /// The strings as rendered, Markdown italics, ordered by style name.
    texts: Vec<String>,
    /// The first author's family name or organisation.
    author: Option<String>,
    /// Whether more authors follow the first (from the Chicago note string).
    several: bool,
    title: String,
    kind: String,
    /// The year of publication, as the author-date styles print it.
    year: Option<String>,
}

impl Reference {
    /// An article's (chapter's, page's, thesis's) title is quoted in short forms; a
    /// book's is in italics, as Chicago writes them.
    fn is_article(&self) -> bool {
        matches!(
            self.kind.as_str(),
            "article" | "chapter" | "web-page" | "thesis"
        )
    }

    /// The reference in one style as written: Markdown as rendered, or in plain text
    /// without the italic marks (as a page scraped from the web has it).
    fn written(&self, style: usize, markdown: bool) -> String {
        let text = &self.texts[style % self.texts.len()];
        if markdown {
            text.clone()
        } else {
            text.replace('*', "")
        }
    }

    /// The first author's family name, and whether there are more authors.
    fn family(&self) -> Option<(String, bool)> {
        let author = self.author.as_deref()?.trim();
        // A label that does not read as a name ("Executive summary", a report's first
        // heading taken for its author) makes no short form a reader would recognise.
        let named = author.split_whitespace().all(|w| {
            w.starts_with(char::is_uppercase)
                || matches!(
                    w,
                    "van"
                        | "von"
                        | "de"
                        | "der"
                        | "da"
                        | "di"
                        | "du"
                        | "of"
                        | "and"
                        | "for"
                        | "the"
                )
        });
        (named && author.chars().filter(|c| c.is_alphabetic()).count() >= 2)
            .then(|| (author.to_string(), self.several))
    }

    fn title(&self) -> Option<String> {
        let title = self
            .title
            .trim()
            .trim_end_matches(['.', ',', ';', ':', ' '])
            .to_string();
        (title.chars().filter(|c| c.is_alphabetic()).count() >= 3).then_some(title)
    }

    /// Where the title starts in every string, by its first words (case aside), or
    /// `None` when one string writes it otherwise.
    fn title_starts(&self) -> Option<Vec<usize>> {
        let words: Vec<String> = self
            .title
            .split_whitespace()
            .take(3)
            .map(str::to_lowercase)
            .collect();
        let head = words.join(" ");
        if head.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            return None;
        }
        self.texts
            .iter()
            .map(|t| {
                let lower = t.to_lowercase();
                // Lowercasing must keep byte offsets for the position to hold.
                (lower.len() == t.len())
                    .then(|| lower.find(&head))
                    .flatten()
            })
            .collect()
    }

    /// Gives this work `family` as its first author's family name, in every string
    /// before the title (and as `other` writes it, in capitals too).
    fn set_family(&mut self, other: &Reference) -> bool {
        let (Some(from), Some(to), Some(starts)) = (
            self.author.clone(),
            other.author.clone(),
            self.title_starts(),
        ) else {
            return false;
        };
        for (text, start) in self.texts.iter_mut().zip(starts) {
            let (names, rest) = text.split_at(start);
            let names = names
                .replace(&from, &to)
                .replace(&from.to_uppercase(), &to.to_uppercase());
            *text = format!("{names}{rest}");
        }
        self.author = Some(to);
        self.several = other.several;
        true
    }

    /// Puts `prefix: ` before this work's title in every string and label.
    fn prefix_title(&mut self, prefix: &str) -> bool {
        let Some(starts) = self.title_starts() else {
            return false;
        };
        for (text, start) in self.texts.iter_mut().zip(starts) {
            text.insert_str(start, &format!("{prefix}: "));
        }
        self.title = format!("{prefix}: {}", self.title);
        true
    }
}

/// Markdown's marks escaped, for a short title written into a footnote.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '*' | '_' | '[' | ']' | '<' | '>' | '`' | '\\' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The works of one split, in file order of their first string.
fn load(split: &str) -> Vec<Reference> {
    let path = format!(
        "{}/tests/data/references/rendered.jsonl",
        env!("CARGO_MANIFEST_DIR")
    );
    let data = std::fs::read_to_string(&path).expect("reference set");
    let mut order: Vec<String> = Vec::new();
    let mut by_work: HashMap<String, Vec<Rendered>> = HashMap::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let r: Rendered = serde_json::from_str(line).expect("reference line");
        if r.split != split {
            continue;
        }
        if !by_work.contains_key(&r.work) {
            order.push(r.work.clone());
        }
        by_work.entry(r.work.clone()).or_default().push(r);
    }
    order
        .iter()
        .map(|work| {
            let mut strings = by_work.remove(work).expect("work");
            strings.sort_by(|a, b| a.style.cmp(&b.style));
            let first = &strings[0];
            // Chicago's note names up to three authors, then "et al.": "and" or "et
            // al." before the title means several.
            let several = strings
                .iter()
                .find(|s| s.style == "chicago-notes-note")
                .is_some_and(|s| {
                    let names = s.text.split(['“', '*']).next().unwrap_or("");
                    names.contains(" and ") || names.contains("et al.")
                });
            Reference {
                author: first.author.clone().filter(|a| !a.trim().is_empty()),
                several,
                title: first.title.clone(),
                kind: first.kind.clone(),
                year: first.year.clone().filter(|y| y.len() == 4),
                texts: strings.iter().map(|s| s.text.clone()).collect(),
            }
        })
        .collect()
}

/// Lowercase words a short title does not end on.
const DANGLING: &[&str] = &[
    "of", "and", "the", "in", "on", "a", "an", "for", "to", "with", "at", "by", "from", "de", "la",
    "le", "et", "und", "der", "die", "des", "du", "en", "y", "el", "del", "di", "il", "or", "as",
];

/// Chicago's short title: the main title (before a colon or question mark) when it is
/// four words or fewer, else its first four, not ending on a small word; a leading
/// article dropped when `drop_article`.
fn short_title(title: &str, drop_article: bool) -> Option<String> {
    let main = title.split([':', '?', '!']).next()?.split(". ").next()?;
    let mut words: Vec<&str> = main.split_whitespace().collect();
    if words.len() > 4 {
        words.truncate(4);
        while words.len() > 1 && DANGLING.contains(&words[words.len() - 1].to_lowercase().as_str())
        {
            words.pop();
        }
    }
    if drop_article && words.len() > 1 && matches!(words[0], "The" | "A" | "An") {
        words.remove(0);
    }
    let words: Vec<&str> = words
        .iter()
        .map(|w| w.trim_matches(['“', '”', '"', '‘', '’', '«', '»', '`']))
        .filter(|w| !w.is_empty())
        .collect();
    let short = words.join(" ");
    let short = short.trim_end_matches([',', ';', '.', '—', '–', '-', ' ']);
    (short.chars().filter(|c| c.is_alphabetic()).count() >= 3).then(|| short.to_string())
}

/// Lowercase letters and digits, other runs one space: how titles are compared.
fn fold(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    format!(" {} ", out.trim())
}

/// A seeded generator (SplitMix64): the same documents on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// What a generated note should resolve to.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Expect {
    /// The work with this index in the document.
    Work(usize),
    /// Two earlier works fit equally: no source.
    Unresolved,
    /// Commentary: a plain footnote, no source.
    Plain,
}

/// How a note was written, for the per-form counts.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
enum Form {
    Full,
    Repeat,
    NearRepeat,
    Ibid,
    ShortTitle,
    AuthorOnly,
    OpCit,
    TitleOnly,
    AuthorDate,
    Several,
    Trap,
    Embedded,
    Commentary,
}

/// A generated work: the reference, the style it is cited in, its family name and short
/// title as Chicago makes them.
struct Work {
    reference: Reference,
    style: usize,
    family: Option<(String, bool)>,
    short: Option<String>,
    title: Option<String>,
}

struct Generated {
    name: String,
    text: String,
    notes: Vec<(Form, Expect)>,
    /// For a note citing two works, the second (the first is its `Expect`).
    also: HashMap<usize, usize>,
}

const COMMENTARY: &[&str] = &[
    "The figures in this paragraph are disputed.",
    "This account was written much later and names no sources.",
    "Both versions survive in the archive, in different hands.",
    "He revised the text in 1911, after the second edition.",
    "The translation is mine.",
    "On the dates, the sources disagree by a year or two.",
];

fn locator(rng: &mut Rng) -> String {
    let page = 3 + rng.below(400);
    match rng.below(6) {
        0 => format!("p. {page}"),
        1 => format!("pp. {page}–{}", page + 2),
        _ => page.to_string(),
    }
}

/// A document citing `refs`, as a works-cited list (`markdown` false) or footnotes.
fn generate(refs: &[Reference], seed: u64, markdown: bool) -> Generated {
    let mut rng = Rng(seed);
    let mut works: Vec<Work> = refs
        .iter()
        .map(|r| Work {
            reference: r.clone(),
            style: rng.below(r.texts.len()),
            family: r.family(),
            short: None,
            title: r.title(),
        })
        .collect();
    // Several works of one family name; sometimes with one short title (a trap).
    let authored: Vec<usize> = (0..works.len())
        .filter(|&i| works[i].family.is_some() && works[i].title.is_some())
        .collect();
    if authored.len() >= 2 && rng.chance(60) {
        let (a, b) = (authored[0], authored[1]);
        let other = works[a].reference.clone();
        if works[b].reference.set_family(&other) {
            works[b].family = works[a].family.clone();
            if rng.chance(40)
                && let Some(sa) = short_title(works[a].title.as_deref().unwrap_or(""), false)
                && works[b].reference.prefix_title(&sa)
            {
                works[b].title = works[b].reference.title();
            }
        }
    }
    for work in &mut works {
        let drop = rng.chance(50);
        work.short = work.title.as_deref().and_then(|t| short_title(t, drop));
    }

    let mut notes: Vec<(Form, Expect, String)> = Vec::new();
    let mut cited: Vec<usize> = Vec::new();
    let mut previous: Option<usize> = None;
    let steps = works.len() * 3;
    for _ in 0..steps {
        if markdown && rng.chance(8) {
            let text = COMMENTARY[rng.below(COMMENTARY.len())].to_string();
            notes.push((Form::Commentary, Expect::Plain, text));
            previous = None;
            continue;
        }
        let w = match previous {
            Some(p) if rng.chance(25) => p,
            _ => rng.below(works.len()),
        };
        let (form, expect, text) = if !cited.contains(&w) {
            cited.push(w);
            (
                Form::Full,
                Expect::Work(w),
                works[w].reference.written(works[w].style, markdown),
            )
        } else if previous == Some(w) {
            let text = match rng.below(5) {
                0 => "Id.".to_string(),
                1 | 2 => "Ibid.".to_string(),
                _ => format!("Ibid., {}.", locator(&mut rng)),
            };
            (Form::Ibid, Expect::Work(w), text)
        } else {
            later(&works, &cited, w, markdown, &mut rng)
        };
        // Ibid after a note left unresolved has nothing to point at: not generated.
        previous = matches!(expect, Expect::Work(_)).then_some(w);
        notes.push((form, expect, text));
    }
    // A note citing two works: a short form, then one of another work cited before.
    let mut also = HashMap::new();
    let mut first_cited: Vec<usize> = Vec::new();
    for (k, note) in notes.iter_mut().enumerate() {
        let Expect::Work(w) = note.1 else { continue };
        if note.0 == Form::Full {
            first_cited.push(w);
        }
        if !matches!(note.0, Form::ShortTitle | Form::AuthorDate) || !rng.chance(10) {
            continue;
        }
        let others: Vec<usize> = first_cited.iter().copied().filter(|&o| o != w).collect();
        if others.is_empty() {
            continue;
        }
        let o = others[rng.below(others.len())];
        let (form, expect, second) = later(&works, &first_cited, o, markdown, &mut rng);
        if !matches!(form, Form::ShortTitle | Form::AuthorDate) || expect != Expect::Work(o) {
            continue;
        }
        note.0 = Form::Several;
        note.2 = format!("{}; {second}", note.2.trim_end_matches('.'));
        also.insert(k, o);
    }
    // Commentary that cites: the citation inside decides the source.
    if markdown {
        for note in &mut notes {
            if matches!(note.0, Form::ShortTitle) && rng.chance(15) {
                note.0 = Form::Embedded;
                note.2 = if rng.chance(50) {
                    format!("The figures differ; see {}", note.2)
                } else {
                    format!(
                        "A fuller account is given elsewhere (see {}).",
                        note.2.trim_end_matches('.')
                    )
                };
            }
        }
    }

    let name = format!("generated-{seed}.{}", if markdown { "md" } else { "txt" });
    let mut text = format!(
        "{}Generated Profile {seed}\n\n",
        if markdown { "# " } else { "" }
    );
    for (k, _) in notes.iter().enumerate() {
        let n = k + 1;
        if markdown {
            text.push_str(&format!("Claim number {n} is supported.[^n{n}] "));
        } else {
            text.push_str(&format!("Claim number {n} is supported.({n}) "));
        }
        if n % 5 == 0 {
            text.push_str("\n\n");
        }
    }
    text.push_str(if markdown {
        "\n\n"
    } else {
        "\n\nWorks Cited\n\n"
    });
    for (k, (_, _, note)) in notes.iter().enumerate() {
        let n = k + 1;
        if markdown {
            text.push_str(&format!("[^n{n}]: {note}\n\n"));
        } else {
            text.push_str(&format!("({n}) - {note}\n\n"));
        }
    }
    if let Some(dir) = std::env::var_os("FOLIO_SHORT_FORMS_DIR") {
        std::fs::write(std::path::Path::new(&dir).join(&name), &text)
            .expect("FOLIO_SHORT_FORMS_DIR is a writable folder");
    }
    Generated {
        name,
        text,
        notes: notes.into_iter().map(|(f, e, _)| (f, e)).collect(),
        also,
    }
}

/// A later citation of `w` (not right after itself): a short form, a repeat, a trap.
fn later(
    works: &[Work],
    cited: &[usize],
    w: usize,
    markdown: bool,
    rng: &mut Rng,
) -> (Form, Expect, String) {
    let work = &works[w];
    let page = locator(rng);
    let same_author: Vec<usize> = cited
        .iter()
        .copied()
        .filter(|&o| o != w && work.family.is_some() && works[o].family == work.family)
        .collect();
    // Another cited work whose title holds the short title: the short form fits both.
    let title_fits = |o: usize, short: &str| {
        works[o]
            .title
            .as_deref()
            .is_some_and(|t| fold(t).contains(&fold(short)))
    };
    let titled = |short: &str| {
        if markdown && !work.reference.is_article() {
            format!("*{}*, ", escape(short))
        } else if work.reference.is_article() {
            format!(
                "“{},” ",
                if markdown {
                    escape(short)
                } else {
                    short.to_string()
                }
            )
        } else {
            format!("{short}, ")
        }
    };
    let roll = rng.below(100);
    if let Some((family, several)) = &work.family {
        let names = if *several {
            format!("{family} et al.")
        } else {
            family.clone()
        };
        // Harvard's and Chicago author-date's short form: names and year.
        if let Some(year) = &work.reference.year
            && rng.chance(10)
        {
            let clash = same_author
                .iter()
                .any(|&o| works[o].reference.year.as_ref() == Some(year));
            let (form, expect) = if clash {
                (Form::Trap, Expect::Unresolved)
            } else {
                (Form::AuthorDate, Expect::Work(w))
            };
            return (form, expect, format!("{names} {year}, {page}."));
        }
        if roll < 4 && !same_author.is_empty() {
            return (Form::Trap, Expect::Unresolved, format!("{names}, {page}."));
        }
        if roll < 20 && same_author.is_empty() {
            return (
                Form::AuthorOnly,
                Expect::Work(w),
                format!("{names}, {page}."),
            );
        }
        if roll < 27 && same_author.is_empty() {
            return (
                Form::OpCit,
                Expect::Work(w),
                format!("{names}, op. cit., {page}."),
            );
        }
        if roll < 90
            && let Some(short) = &work.short
        {
            let clash = same_author.iter().any(|&o| title_fits(o, short));
            let expect = if clash {
                Expect::Unresolved
            } else {
                Expect::Work(w)
            };
            let form = if clash { Form::Trap } else { Form::ShortTitle };
            return (form, expect, format!("{names}, {}{page}.", titled(short)));
        }
    }
    if roll < 95
        && let Some(short) = &work.short
    {
        let clash = cited.iter().any(|&o| o != w && title_fits(o, short));
        let expect = if clash {
            Expect::Unresolved
        } else {
            Expect::Work(w)
        };
        let form = if clash { Form::Trap } else { Form::TitleOnly };
        return (form, expect, format!("{}{page}.", titled(short)));
    }
    let full = work.reference.written(work.style, markdown);
    if rng.chance(50) {
        (Form::Repeat, Expect::Work(w), full)
    } else {
        let near = format!("{}, {page}.", full.trim_end_matches(['.', ' ']));
        (Form::NearRepeat, Expect::Work(w), near)
    }
}

#[derive(Default)]
struct Tally {
    right: usize,
    unresolved: usize,
    wrong: usize,
    plain_kept: usize,
    plain_given_source: usize,
    by_form: HashMap<Form, [usize; 3]>,
    wrong_examples: Vec<String>,
    unresolved_examples: Vec<String>,
}

impl Tally {
    fn cited(&self) -> usize {
        self.right + self.unresolved + self.wrong
    }

    fn percent(&self, n: usize) -> f64 {
        100.0 * n as f64 / self.cited().max(1) as f64
    }
}

/// Scores one resolved document against what it was generated to say.
fn score(doc: &Document, generated: &Generated, tally: &mut Tally) {
    // Which generated work each source stands for, by the first note resolved to it,
    // and the other way round: a second source for one work is a split, not a match.
    let mut owner: HashMap<String, usize> = HashMap::new();
    let mut source_of: HashMap<usize, String> = HashMap::new();
    for (k, &(form, expect)) in generated.notes.iter().enumerate() {
        let number = k as u32 + 1;
        let label = format!("n{number}");
        let found = doc.notes.iter().find(|n| match &n.label {
            Some(l) => *l == label,
            None => n.number == number,
        });
        let Some(note) = found else {
            tally.unresolved += 1;
            tally
                .unresolved_examples
                .push(format!("{} note {number}: lost", generated.name));
            continue;
        };
        // The second work of a note citing two must be linked too, to its own source.
        let second = generated
            .also
            .get(&k)
            .map(|o| match (note.also.first(), source_of.get(o)) {
                (Some(s), Some(first)) if s == first => 0,
                (Some(s), _) if owner.get(s).is_some_and(|&x| x != *o) => 2,
                (Some(s), None) => {
                    owner.insert(s.clone(), *o);
                    source_of.insert(*o, s.clone());
                    0
                }
                _ => 1,
            });
        let outcome = match (expect, note.source.as_deref()) {
            (Expect::Plain, None) => {
                tally.plain_kept += 1;
                assert_eq!(note.kind, NoteKind::Footnote);
                continue;
            }
            (Expect::Plain, Some(_)) => {
                tally.plain_given_source += 1;
                continue;
            }
            (Expect::Unresolved, None) => 0,
            (Expect::Unresolved, Some(_)) => 2,
            (Expect::Work(_), None) => 1,
            (Expect::Work(w), Some(s)) => {
                let first = source_of.entry(w).or_insert_with(|| s.to_string());
                if *owner.entry(s.to_string()).or_insert(w) != w {
                    2
                } else if first != s {
                    1
                } else {
                    0
                }
            }
        };
        let outcome = outcome.max(second.unwrap_or(0));
        match outcome {
            0 => tally.right += 1,
            1 => {
                tally.unresolved += 1;
                if tally.unresolved_examples.len() < 200 {
                    tally.unresolved_examples.push(format!(
                        "{} note {number} ({form:?}) {:?}: {}",
                        generated.name, note.kind, note.text
                    ));
                }
            }
            _ => {
                tally.wrong += 1;
                if tally.wrong_examples.len() < 12 {
                    tally.wrong_examples.push(format!(
                        "{} note {number} ({form:?}): {}",
                        generated.name, note.text
                    ));
                }
            }
        }
        tally.by_form.entry(form).or_default()[outcome] += 1;
    }
}

/// Generates and resolves documents of a dozen works each over one split's works,
/// reshuffled round after round, until more than 4,000 notes cite.
fn run_set(set: &str, markdown: bool, seed: u64) -> Tally {
    let mut refs = load(set);
    let mut tally = Tally::default();
    let mut shuffle = Rng(seed ^ 0x5EED);
    let mut doc_seed = seed;
    while tally.cited() <= 4_000 {
        // Fisher–Yates: each round pairs works differently.
        for i in (1..refs.len()).rev() {
            refs.swap(i, shuffle.below(i + 1));
        }
        for chunk in refs.chunks(12) {
            let generated = generate(chunk, doc_seed, markdown);
            doc_seed += 1;
            let doc = resolve(read(&generated.name, generated.text.as_bytes()));
            score(&doc, &generated, &mut tally);
        }
    }
    let profile = if markdown { "footnotes" } else { "works cited" };
    println!(
        "{set} / {profile}: {} citing notes: {} right ({:.2}%), {} unresolved ({:.2}%), {} WRONG",
        tally.cited(),
        tally.right,
        tally.percent(tally.right),
        tally.unresolved,
        tally.percent(tally.unresolved),
        tally.wrong,
    );
    if markdown {
        println!(
            "  commentary footnotes: {} kept plain, {} given a source",
            tally.plain_kept, tally.plain_given_source
        );
    }
    let mut forms: Vec<_> = tally.by_form.iter().collect();
    forms.sort();
    for (form, [right, unresolved, wrong]) in forms {
        println!("  {form:?}: {right} right, {unresolved} unresolved, {wrong} wrong");
    }
    if std::env::var_os("SHOW_UNRESOLVED").is_some() {
        for example in &tally.unresolved_examples {
            println!("  unresolved {example}");
        }
    }
    for example in &tally.wrong_examples {
        println!("  WRONG {example}");
    }
    tally
}

/// The share of right notes reached, in percent, and the wrong notes reached: a drop
/// below or a new wrong note fails.
fn assert_reached(tally: &Tally, at_least: f64, wrong_at_most: usize) {
    let right = tally.percent(tally.right);
    assert!(right >= at_least, "{right:.2}% right, below {at_least}%");
    assert!(
        tally.wrong <= wrong_at_most,
        "{} wrong: {:?}",
        tally.wrong,
        tally.wrong_examples
    );
}

#[test]
fn tune_documents() {
    for (markdown, at_least) in [(false, 97.7), (true, 96.4)] {
        let tally = run_set("tune", markdown, 1_000);
        assert!(tally.cited() > 4_000, "{}", tally.cited());
        assert_reached(&tally, at_least, 0);
    }
}

/// Never tuned on (99.18% and 98.30% right today, floors about one point lower), and no wrong
/// note at all. The last wrong one was found here: two works of one author with titles
/// that open alike ("Evolution, revolution, and reform" on a DVD and in a thesis),
/// where a short title too long to read as one fitted both and became a third source;
/// it is now left unresolved.
#[test]
fn held_out_documents() {
    for (markdown, at_least, wrong) in [(false, 98.1, 0), (true, 97.3, 0)] {
        let tally = run_set("held-out", markdown, 7_000);
        assert!(tally.cited() > 4_000, "{}", tally.cited());
        assert_reached(&tally, at_least, wrong);
        if markdown {
            assert_eq!(tally.plain_given_source, 0);
        }
    }
}
