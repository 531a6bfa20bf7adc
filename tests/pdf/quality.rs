//! A page-quality report measured on laid-out pages, the faults a typographer checks
//! first: the empty band above the footnote rule, loose justified lines, words left
//! alone on a justified line, note marks fused into a false number, notes printed twice, overfull lines, widows and orphans,
//! hyphenated line ends.

use std::collections::BTreeMap;
use std::fmt;

use folio::pdf::Laid;
use folio::pdf::types::{Container, ItemKind, Line, Page, Role, Tag};

/// What the report finds on one book.
#[derive(Debug, Clone, Default)]
pub struct Quality {
    /// Empty space above the note rule (or the text block's foot) per page, in points,
    /// with whether the page ends a profile, a section or the book (or is front
    /// matter), where a short page is right.
    pub bands: Vec<(f32, bool)>,
    /// Pages (by index) followed by a page that opens with a table's first row: a
    /// table's header and first row that do not fit leave their room empty, as in
    /// LaTeX's longtable and Typst.
    pub before_table: Vec<usize>,
    /// Pages (by index) followed by a profile's last page that holds just its
    /// bibliography's last two entries, kept together so that no page holds one.
    pub before_last_entries: Vec<usize>,
    /// Interword space of every justified body line that is not its paragraph's last, in em.
    pub spaces: Vec<f32>,
    /// Justified body lines, not their paragraph's last, that hold no interword space
    /// and stop short of the measure by more than the loosest space: a word (or the
    /// rest of one) alone with a hole after it.
    pub lonely: usize,
    /// Adjacent note marks with nothing between them.
    pub fused: usize,
    /// Notes printed in full on more than one page (a back-reference does not count).
    pub twice: usize,
    /// Parts of notes split across pages that are a single line on their page.
    pub note_singles: usize,
    /// Pages spread to fill down to their notes, by index, with the most space added
    /// between two paragraphs or rows, in points.
    pub spread: Vec<(usize, f32)>,
    /// The body size, against which a spread is judged.
    pub body_size: f32,
    /// Lines wider than their measure.
    pub overfull: usize,
    /// A paragraph's single line alone at a page's top (widow) or foot (orphan).
    pub widows: usize,
    /// Body lines set.
    pub lines: usize,
    /// Body lines ending with an inserted hyphen.
    pub hyphenated: usize,
    /// The longest run of hyphenated line ends.
    pub hyphen_run: usize,
}

impl Quality {
    /// The widest band on a page that does not end a profile.
    pub fn worst_band(&self) -> f32 {
        self.bands
            .iter()
            .filter(|(_, last)| !last)
            .map(|(b, _)| *b)
            .fold(0.0, f32::max)
    }

    /// The widest band on a page that neither ends a profile nor comes before a
    /// page opening with a table.
    pub fn worst_band_in_text(&self) -> f32 {
        self.bands
            .iter()
            .enumerate()
            .filter(|(p, (_, last))| {
                !last && !self.before_table.contains(p) && !self.before_last_entries.contains(p)
            })
            .map(|(_, (b, _))| *b)
            .fold(0.0, f32::max)
    }

    /// The `q` quantile of the bands on pages that do not end a profile.
    pub fn band_quantile(&self, q: f32) -> f32 {
        let mut b: Vec<f32> = self.bands.iter().filter(|b| !b.1).map(|b| b.0).collect();
        b.sort_by(f32::total_cmp);
        b.get(((b.len() as f32 - 1.0) * q).round() as usize)
            .copied()
            .unwrap_or(0.0)
    }

    /// Justified lines looser than `em`.
    pub fn loose(&self, em: f32) -> usize {
        self.spaces.iter().filter(|&&s| s > em + 1e-3).count()
    }

    /// The `q` quantile of interword spaces.
    pub fn space_quantile(&self, q: f32) -> f32 {
        let mut s = self.spaces.clone();
        s.sort_by(f32::total_cmp);
        s.get(((s.len() as f32 - 1.0) * q).round() as usize)
            .copied()
            .unwrap_or(0.0)
    }

    /// The thresholds this book misses, named.
    pub fn faults(&self) -> Vec<&'static str> {
        let checks = [
            (self.worst_band() <= 24.0, "band above the rule over 24 pt"),
            (self.loose(0.55) == 0, "justified lines over 0.55 em"),
            (self.lonely == 0, "one-word justified lines"),
            (self.fused == 0, "fused marks"),
            (self.twice == 0, "notes printed twice"),
            (self.note_singles == 0, "note split one line a side"),
            (
                self.spread
                    .iter()
                    .all(|&(_, gap)| gap <= self.body_size * 0.5 + 0.01),
                "a spread gap over half the body size",
            ),
            (self.overfull == 0, "overfull lines"),
            (self.widows == 0, "widows or orphans"),
            (self.hyphenated * 10 <= self.lines, "over 10% hyphenated"),
            (self.hyphen_run <= 2, "over two hyphens in a row"),
        ];
        checks.iter().filter(|c| !c.0).map(|c| c.1).collect()
    }
}

impl fmt::Display for Quality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bands: Vec<String> = self
            .bands
            .iter()
            .enumerate()
            .map(|(p, (b, last))| {
                let mark = if *last {
                    "*"
                } else if self.before_table.contains(&p) {
                    "†"
                } else if self.before_last_entries.contains(&p) {
                    "‡"
                } else {
                    ""
                };
                format!("{b:.0}{mark}")
            })
            .collect();
        write!(
            f,
            "pages {} band max {:.1} p95 {:.1} pt [{}]; word space p50 {:.2} p95 {:.2} max {:.2} em, \
             >0.55 em {}; one-word {}; fused {}; twice {}; single note lines {}; overfull {}; \
             widows/orphans {}; \
             hyphenated {}/{} ({:.1}%), run {}; spread pages [{}]",
            self.bands.len(),
            self.worst_band(),
            self.band_quantile(0.95),
            bands.join(" "),
            self.space_quantile(0.5),
            self.space_quantile(0.95),
            self.space_quantile(1.0),
            self.loose(0.55),
            self.lonely,
            self.fused,
            self.twice,
            self.note_singles,
            self.overfull,
            self.widows,
            self.hyphenated,
            self.lines,
            100.0 * self.hyphenated as f32 / self.lines.max(1) as f32,
            self.hyphen_run,
            self.spread
                .iter()
                .map(|(p, gap)| format!("p{} +{gap:.1} pt", p + 1))
                .collect::<Vec<_>>()
                .join(", "),
        )
    }
}

/// The interword space of a line, in em of its body text (the mean over its spaces).
fn word_space(line: &Line) -> Option<f32> {
    let mut sum = 0.0;
    let mut n = 0;
    for run in line.runs.iter().filter(|r| r.baseline_shift == 0.0) {
        for g in &run.glyphs {
            if run.text.get(g.range.clone()) == Some(" ") {
                sum += g.advance / run.size;
                n += 1;
            }
        }
    }
    (n > 0).then(|| sum / n as f32)
}

fn in_table(nest: &[Container]) -> bool {
    nest.iter().any(|c| matches!(c, Container::Table(_)))
}

/// Adjacent note references in a line with no separator between them.
fn fused(line: &Line) -> usize {
    let refs: Vec<_> = line
        .tags
        .iter()
        .filter(|t| matches!(t.tag, Tag::NoteRef { .. }))
        .collect();
    refs.windows(2)
        .filter(|w| w[1].x0 - w[0].x1 < 0.5 && w[1].x0 >= w[0].x0)
        .count()
}

/// Measures laid-out pages.
pub fn measure(laid: &Laid) -> Quality {
    let g = &laid.geometry;
    let mut q = Quality {
        overfull: laid.report.overfull_lines,
        body_size: g.size,
        spread: laid
            .pages
            .iter()
            .enumerate()
            .filter(|(_, page)| page.spread > 0.0)
            .map(|(p, page)| (p, page.spread))
            .collect(),
        ..Quality::default()
    };
    let mut starts: BTreeMap<(usize, u32), usize> = BTreeMap::new();
    // Per page: the body paragraphs in order with their line counts.
    let mut blocks: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut run = 0;
    for (p, page) in laid.pages.iter().enumerate() {
        let mut bottom = g.margins.top;
        let mut rule = None;
        let mut here: Vec<(usize, usize)> = Vec::new();
        let body: Vec<_> = page
            .items
            .iter()
            .filter_map(|i| match &i.kind {
                ItemKind::Text {
                    line,
                    role,
                    note: None,
                    extra: false,
                    block,
                    nest,
                    ..
                } => Some((i.x, i.y, line, *role, *block, in_table(nest))),
                _ => None,
            })
            .collect();
        for (k, &(x, y, line, role, block, cell)) in body.iter().enumerate() {
            bottom = f32::max(bottom, y + line.descent);
            q.fused += fused(line);
            if !matches!(role, Role::Body | Role::Quote) {
                continue;
            }
            match here.last_mut() {
                Some((b, n)) if *b == block => *n += 1,
                _ => here.push((block, 1)),
            }
            q.lines += 1;
            if line.hyphenated {
                q.hyphenated += 1;
                run += 1;
                q.hyphen_run = q.hyphen_run.max(run);
            } else {
                run = 0;
            }
            let last_of_para = body.get(k + 1).is_none_or(|n| n.4 != block);
            // Table cells are set ragged.
            if last_of_para || cell {
                continue;
            }
            match word_space(line) {
                Some(s) if (line.width - g.width()).abs() < 2.0 => q.spaces.push(s),
                None if x + line.width < g.margins.left + g.width() - 0.55 * g.size => {
                    q.lonely += 1;
                }
                _ => {}
            }
        }
        for item in &page.items {
            if let ItemKind::Rule { .. } = item.kind
                && page
                    .notes
                    .first()
                    .is_some_and(|n| item.y < n.y && item.y > n.y - 20.0)
            {
                rule = Some(item.y);
            }
        }
        for m in page.notes.iter().filter(|m| m.start && !m.back) {
            *starts.entry(m.key).or_default() += 1;
        }
        let foot = match rule {
            // The rule sits a quarter of the separator above the notes: the band ends
            // where the separator starts.
            Some(y) => y - g.size * 1.4 * 0.75,
            None => g.page_h - g.margins.bottom,
        };
        let last = page.doc.is_none()
            || laid
                .pages
                .get(p + 1)
                .is_none_or(|n: &Page| n.doc != page.doc)
            || ends_before_start(laid, p);
        q.bands.push(((foot - bottom).max(0.0), last));
        if opens_with_table(laid, p + 1) {
            q.before_table.push(p);
        }
        if holds_last_two_entries(laid, p + 1) {
            q.before_last_entries.push(p);
        }
        blocks.push(here);
    }
    q.twice = starts.values().filter(|&&n| n > 1).count();
    // Lines of each note per page: a note on more than one page with one line on one.
    let mut parts: BTreeMap<(usize, u32), Vec<usize>> = BTreeMap::new();
    for page in &laid.pages {
        let mut here: BTreeMap<(usize, u32), usize> = BTreeMap::new();
        for item in &page.items {
            if let ItemKind::Text { note: Some(k), .. } = &item.kind {
                *here.entry(*k).or_default() += 1;
            }
        }
        // A back-reference ("See note 13, p. 3.") is not a part of the note.
        let back = |k: &(usize, u32)| page.notes.iter().any(|m| m.key == *k && m.back);
        for (k, n) in here.into_iter().filter(|(k, _)| !back(k)) {
            parts.entry(k).or_default().push(n);
        }
    }
    q.note_singles = parts
        .values()
        .filter(|v| v.len() > 1)
        .map(|v| v.iter().filter(|&&n| n == 1).count())
        .sum();
    for w in blocks.windows(2) {
        if let (Some(&(a, n)), Some(&(b, m))) = (w[0].last(), w[1].first())
            && a == b
        {
            q.widows += usize::from(n == 1) + usize::from(m == 1);
        }
    }
    q
}

/// Whether the page after `p` opens a new profile or a section (starts with a heading).
fn ends_before_start(laid: &Laid, p: usize) -> bool {
    laid.pages.get(p + 1).is_some_and(|n| {
        n.head.is_none()
            || n.items
                .iter()
                .find_map(|i| match &i.kind {
                    ItemKind::Text {
                        role, note: None, ..
                    } => Some(*role),
                    _ => None,
                })
                .is_some_and(|r| matches!(r, Role::Heading(_) | Role::Title))
    })
}

/// Whether page `p` exists and opens with a table's first row (the table starts
/// there; a page a table continues on opens with its repeated header or a later row).
fn opens_with_table(laid: &Laid, p: usize) -> bool {
    laid.pages.get(p).is_some_and(|page| {
        page.items
            .iter()
            .find_map(|i| match &i.kind {
                ItemKind::Text {
                    note: None, nest, ..
                } => {
                    let table = nest.iter().find_map(|c| match c {
                        Container::Table(t) => Some(*t),
                        _ => None,
                    });
                    let row = nest.iter().find_map(|c| match c {
                        Container::Row(r) => Some(*r),
                        _ => None,
                    });
                    Some(table.is_some() && table == row)
                }
                ItemKind::Repeat { .. } => Some(false),
                _ => None,
            })
            .unwrap_or(false)
    })
}

/// Whether page `p` is its profile's last and holds two bibliography entries and
/// nothing else in its text.
fn holds_last_two_entries(laid: &Laid, p: usize) -> bool {
    let Some(page) = laid.pages.get(p) else {
        return false;
    };
    let last = laid.pages.get(p + 1).is_none_or(|n| n.doc != page.doc);
    let mut entries = std::collections::BTreeSet::new();
    for item in &page.items {
        if let ItemKind::Text {
            role,
            note: None,
            block,
            ..
        } = &item.kind
        {
            if *role != Role::Bibliography {
                return false;
            }
            entries.insert(*block);
        }
    }
    last && entries.len() == 2
}
