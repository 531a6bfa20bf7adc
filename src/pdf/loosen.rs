//! Between arrange and compose: TeX's `\looseness`, asked for by page building.
//!
//! Compose splits a note with a single line on one side of a page break only when
//! keeping two lines a side would leave a hole above the notes that spreading the
//! page cannot take up. A compositor fixes such a page by setting a paragraph on it,
//! or on the page before, one line shorter (the note then fits whole under its
//! marker) or one line longer (the citing line goes over with its note and the page
//! is still full), as LaTeX users do with `\looseness=-1`; or by ending the page
//! before one group earlier and setting a paragraph there a line longer.
//!
//! The search does that, one fault at a time in each profile that has such a split:
//! for the first page with a single-line split or a hole (more than [`HOLE`] left
//! empty on a page that ends neither its profile nor a section), it tries the
//! justified paragraphs on that page and the one before, nearest the break first, a
//! line fewer then a line more (only those that can be set so), then the page
//! before ended early. A change is kept when its profile then has fewer faults, or
//! a split traded for a hole, or its first fault on a later page, and no more
//! pages; a profile whose changes end with no fewer splits, or more holes, is set
//! as it was. Each profile starts a page, so profiles are composed independently:
//! one run of arrange and compose tries a change in every profile at once, and the
//! search costs nothing in a book with no such split.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};

use super::types::{Align, Collected, Flow, ItemKind, Page, ParaSpec, Piece, Role};

/// How many paragraphs, nearest the break first, a split is tried on.
const PARAGRAPHS: usize = 6;
/// The most runs of arrange and compose a search makes.
const ROUNDS: usize = 12;
/// Room left empty above the notes beyond which a page that does not end its profile
/// has a hole (the 24 pt).
const HOLE: f32 = 24.0;

/// What the search reads of a composed page.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Seen {
    doc: Option<usize>,
    /// Notes split here with a single line on one side.
    single: usize,
    /// Whether the room left empty above the notes is a hole.
    hole: bool,
    /// Whether the page opens with a heading: the page before ends a section, and
    /// may end short.
    heading: bool,
    /// The flow paragraphs with body lines on the page, in order.
    paras: Vec<usize>,
}

impl Seen {
    /// Reads a page; `paras` maps a paragraph's first element to its flow index.
    pub(super) fn new(page: &Page, paras: &BTreeMap<usize, usize>) -> Seen {
        let mut on = Vec::new();
        let mut heading = None;
        for item in &page.items {
            if let ItemKind::Text {
                note: None,
                block,
                extra: false,
                role,
                ..
            } = &item.kind
            {
                heading.get_or_insert(matches!(role, Role::Heading(_) | Role::Title));
                if let Some(&f) = paras.get(block)
                    && on.last() != Some(&f)
                {
                    on.push(f);
                }
            }
        }
        Seen {
            doc: page.doc,
            single: page.single_note_lines,
            hole: page.band > HOLE,
            heading: heading.unwrap_or(false),
            paras: on,
        }
    }

    /// Whether the page splits a note with a single line on one side.
    pub(super) fn single(&self) -> bool {
        self.single > 0
    }
}

/// A profile's faults: single-line splits, and holes on pages that end neither it
/// nor a section.
#[derive(Debug, Clone, Copy, Default)]
struct Faults {
    single: usize,
    holes: usize,
    pages: usize,
    /// The page of the fault worked on (the `skip`-th); past the end when there is
    /// none.
    at: usize,
}

/// The pages of a profile with a fault: a single-line split or a hole.
fn faulty(pages: &[Seen]) -> impl Iterator<Item = usize> + '_ {
    let hole = |p: usize| pages[p].hole && pages.get(p + 1).is_some_and(|n| !n.heading);
    (0..pages.len()).filter(move |&p| pages[p].single() || hole(p))
}

impl Faults {
    fn of(pages: &[Seen], skip: usize) -> Faults {
        let single: usize = pages.iter().map(|s| s.single).sum();
        let faults = faulty(pages).count();
        Faults {
            single,
            holes: faults - pages.iter().filter(|s| s.single()).count(),
            pages: pages.len(),
            at: faulty(pages).nth(skip).unwrap_or(usize::MAX),
        }
    }

    /// Whether a change that led from `self` to `after` is progress, and no more
    /// pages: fewer faults; or as many, with a single-line split traded for a hole
    /// (which a paragraph set a line longer may then fill); or as many of each, with
    /// the one worked on moved to a later page, where the search goes on.
    fn better(self, after: Faults) -> bool {
        let (total, now) = (self.single + self.holes, after.single + after.holes);
        after.pages <= self.pages
            && (now < total
                || now == total
                    && (after.single < self.single
                        || after.single == self.single && after.at > self.at))
    }
}

/// The pages of each profile (front matter under `None`), in order.
fn by_doc(seen: Vec<Seen>) -> BTreeMap<Option<usize>, Vec<Seen>> {
    let mut out: BTreeMap<Option<usize>, Vec<Seen>> = BTreeMap::new();
    for s in seen {
        out.entry(s.doc).or_default().push(s);
    }
    out
}

/// Sets the looseness of flow paragraphs (a map [`loosen`] returned) on a fresh
/// collection of the same book.
pub(super) fn apply(c: &mut Collected, loose: &BTreeMap<usize, i8>) {
    for (&f, &l) in loose {
        if let Some(Flow::Para(p)) = c.flow.get_mut(f) {
            p.spec.looseness = l;
        }
    }
}

/// Whether flow item `f` is a paragraph the search may re-break: justified running
/// text or a quotation, not yet re-broken.
fn loosenable(c: &Collected, f: usize) -> bool {
    matches!(c.flow.get(f), Some(Flow::Para(p))
        if matches!(p.role, Role::Body | Role::Quote)
            && p.spec.align == Align::Justify
            && p.spec.looseness == 0)
}

/// Whether a paragraph can be set with the lines its spec's looseness asks for.
pub(super) type Meets<'a> = dyn Fn(&[Piece], &ParaSpec) -> bool + 'a;

/// A paragraph asked about, and the answer.
type Known = (Vec<Piece>, ParaSpec, bool);

/// A page of a profile: (profile, its page from 0).
pub(super) type PageOf = (Option<usize>, usize);

/// One change the search tries.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Change {
    /// Set a flow paragraph a line longer (1) or shorter (-1).
    Loose(usize, i8),
    /// End a page one group of elements earlier, spreading it.
    Early(PageOf),
}

/// What the search found: the looseness of flow paragraphs, and the pages to end
/// early ([`super::types::Arranged::early`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Plan {
    /// Looseness by flow paragraph.
    pub loose: BTreeMap<usize, i8>,
    /// Pages to end early.
    pub early: BTreeSet<PageOf>,
}

impl Plan {
    fn set(&mut self, c: &mut Collected, change: Change, on: bool) {
        match change {
            Change::Loose(f, l) => {
                let l = if on { l } else { 0 };
                if l == 0 {
                    self.loose.remove(&f);
                } else {
                    self.loose.insert(f, l);
                }
                apply(c, &BTreeMap::from([(f, l)]));
            }
            Change::Early(page) => {
                if on {
                    self.early.insert(page);
                } else {
                    self.early.remove(&page);
                }
            }
        }
    }
}

/// The search in one profile: the page it works on and the changes left to try.
#[derive(Debug, Default)]
struct Hunt {
    /// Single-line splits given up on, first to last: the next one is worked on.
    skip: usize,
    /// Changes left to try for it, the next last.
    tries: Vec<Change>,
    /// Whether `tries` were drawn up for the split worked on.
    drawn: bool,
    /// The changes kept, and the profile's faults before the first.
    kept: Vec<Change>,
    first: Option<Faults>,
}

impl Hunt {
    /// The next change to try, moving on to the next single-line split of `pages`
    /// when this one's changes are used up: the paragraphs on its page and the one
    /// before, nearest first, set a line shorter, then longer (only those that can
    /// be); then the page before ended a group earlier.
    fn next(&mut self, c: &Collected, pages: &[Seen], meets: &Meets) -> Option<Change> {
        loop {
            while let Some(&change) = self.tries.last() {
                match change {
                    Change::Loose(f, l) => {
                        if let Some(Flow::Para(p)) = c.flow.get(f) {
                            let spec = ParaSpec {
                                looseness: l,
                                ..p.spec.clone()
                            };
                            if meets(&p.pieces, &spec) {
                                return Some(change);
                            }
                        }
                    }
                    Change::Early(_) => return Some(change),
                }
                self.tries.pop();
            }
            if self.drawn {
                self.skip += 1;
            }
            let p = faulty(pages).nth(self.skip)?;
            let page = &pages[p];
            let mut paras = Vec::new();
            for page in [Some(p), p.checked_sub(1)].into_iter().flatten() {
                for &f in pages[page].paras.iter().rev() {
                    if !paras.contains(&f) && loosenable(c, f) {
                        paras.push(f);
                    }
                }
            }
            paras.truncate(PARAGRAPHS);
            // Taken from the end: the nearest paragraph first, a line fewer first.
            self.tries = p
                .checked_sub(1)
                .map(|before| Change::Early((page.doc, before)))
                .into_iter()
                .collect();
            let loose = paras
                .iter()
                .rev()
                .flat_map(|&f| [1, -1].map(|l| Change::Loose(f, l)));
            self.tries.extend(loose);
            self.drawn = true;
        }
    }
}

/// Looks for paragraphs to set a line shorter or longer, and pages to end early,
/// so that fewer notes split with a single line on one side, starting from the
/// pages `seen` of the book as `c` is set now. `run` arranges and composes a
/// collection with pages ended early and reads its pages. Returns what it found
/// (the looseness also set in `c`), and whether `run` last composed just that.
pub(super) fn loosen(
    c: &mut Collected,
    seen: Vec<Seen>,
    run: &mut dyn FnMut(&Collected, &BTreeSet<PageOf>) -> Vec<Seen>,
    meets: &Meets,
) -> (Plan, bool) {
    // A paragraph asked about again (from the next page's search, or the same text
    // in another profile) is answered from what setting it found.
    let known: RefCell<HashMap<u64, Vec<Known>>> = RefCell::default();
    let meets = |pieces: &[Piece], spec: &ParaSpec| {
        let mut h = DefaultHasher::new();
        pieces.iter().for_each(|p| p.text.hash(&mut h));
        (spec.width.to_bits(), spec.looseness).hash(&mut h);
        let key = h.finish();
        let hit = known.borrow().get(&key).and_then(|bucket| {
            bucket
                .iter()
                .find(|e| e.0 == pieces && e.1 == *spec)
                .map(|e| e.2)
        });
        hit.unwrap_or_else(|| {
            let found = meets(pieces, spec);
            let entry = (pieces.to_vec(), spec.clone(), found);
            known.borrow_mut().entry(key).or_default().push(entry);
            found
        })
    };
    let mut now = by_doc(seen);
    let mut hunts: BTreeMap<Option<usize>, Hunt> = BTreeMap::new();
    let mut plan = Plan::default();
    let mut clean = true;
    for _ in 0..ROUNDS {
        let mut trials = Vec::new();
        for (doc, pages) in &now {
            let hunt = hunts.entry(*doc).or_default();
            let first = *hunt.first.get_or_insert_with(|| Faults::of(pages, 0));
            if first.single == 0 {
                continue;
            }
            if let Some(change) = hunt.next(c, pages, &meets) {
                trials.push((*doc, change));
            }
        }
        if trials.is_empty() {
            break;
        }
        for &(_, change) in &trials {
            plan.set(c, change, true);
        }
        let mut then = by_doc(run(c, &plan.early));
        clean = true;
        for (doc, change) in trials {
            let Some(hunt) = hunts.get_mut(&doc) else {
                continue;
            };
            let faults =
                |pages: Option<&Vec<Seen>>| Faults::of(pages.map_or(&[], |p| p), hunt.skip);
            let (before, after) = (faults(now.get(&doc)), faults(then.get(&doc)));
            if before.better(after)
                && let Some(pages) = then.remove(&doc)
            {
                now.insert(doc, pages);
                hunt.kept.push(change);
                hunt.tries.clear();
                hunt.drawn = false;
            } else {
                plan.set(c, change, false);
                hunt.tries.pop();
                clean = false;
            }
        }
    }
    // A profile where the changes did not take a single-line split away without a
    // hole is left as it was.
    for (doc, hunt) in &hunts {
        let last = now.get(doc).map(|p| Faults::of(p, 0)).unwrap_or_default();
        let worse = |first: Faults| last.single >= first.single || last.holes > first.holes;
        if hunt.first.is_some_and(worse) && !hunt.kept.is_empty() {
            for &change in &hunt.kept {
                plan.set(c, change, false);
            }
            clean = false;
        }
    }
    (plan, clean)
}
