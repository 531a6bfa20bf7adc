//! Set paragraphs kept between PDF builds, so that a rebuild after one profile changed
//! (`folio watch`) shapes, hyphenates and breaks only that profile's changed paragraphs.
//!
//! A paragraph's lines depend only on its pieces and spec (and the bundled fonts), so
//! an entry found by equal pieces and spec is exactly what setting it again would give:
//! a PDF made with a [`Memo`] is byte-identical to one made without. Aging follows
//! comemo's `evict`, which [`Memo::sweep`] also calls for krilla's own memoized work
//! (compressed page streams, font subsets).

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Mutex;

use super::fonts::FontSet;
use super::set::set_paragraph;
use super::types::{Line, ParaSpec, Piece};

/// A paragraph as set: its lines and the characters no bundled face has.
type Set = (Vec<Line>, Vec<char>);

/// Paragraphs set by earlier builds, shared by every PDF made with it (several may be
/// made at once: it locks only to look up and to store, never while setting).
#[derive(Debug, Default)]
pub struct Memo {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    /// Entries by a hash of their input; equal inputs are checked in full.
    entries: HashMap<u64, Vec<Entry>>,
    /// Paragraphs set since the last sweep.
    set: usize,
    /// Paragraphs found here since the last sweep.
    reused: usize,
}

#[derive(Debug)]
struct Entry {
    pieces: Vec<Piece>,
    spec: ParaSpec,
    out: Set,
    /// Sweeps since the entry was last used.
    age: u32,
}

/// What a [`Memo`] did between two sweeps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MemoStats {
    /// Paragraphs shaped and broken into lines.
    pub set: usize,
    /// Paragraphs taken from earlier builds.
    pub reused: usize,
    /// Paragraphs kept for the next build.
    pub kept: usize,
}

impl Memo {
    /// An empty memo.
    pub fn new() -> Memo {
        Memo::default()
    }

    /// The lines of a paragraph: from an earlier build when its input was the same,
    /// else set now and kept.
    pub(crate) fn set(&self, fonts: &FontSet, pieces: &[Piece], spec: &ParaSpec) -> Set {
        let key = key(pieces, spec);
        {
            let mut inner = self.lock();
            let found = inner.entries.get_mut(&key).and_then(|bucket| {
                let entry = bucket
                    .iter_mut()
                    .find(|e| e.pieces == pieces && e.spec == *spec)?;
                entry.age = 0;
                Some(entry.out.clone())
            });
            if let Some(out) = found {
                inner.reused += 1;
                return out;
            }
        }
        let paragraph = set_paragraph(fonts, pieces, spec);
        let out = (paragraph.lines, paragraph.missing);
        let mut inner = self.lock();
        inner.set += 1;
        let bucket = inner.entries.entry(key).or_default();
        // Two threads may set the same new paragraph at once; keep one copy.
        if !bucket.iter().any(|e| e.pieces == pieces && e.spec == *spec) {
            bucket.push(Entry {
                pieces: pieces.to_vec(),
                spec: spec.clone(),
                out: out.clone(),
                age: 0,
            });
        }
        out
    }

    /// Ends a build: drops the paragraphs none of the last `max_age` builds used (0
    /// drops all, 1 keeps what this build used), ages krilla's memoized work the same way, and returns what the
    /// memo did since the last sweep.
    pub fn sweep(&self, max_age: u32) -> MemoStats {
        comemo::evict(max_age as usize);
        let mut inner = self.lock();
        for bucket in inner.entries.values_mut() {
            bucket.retain_mut(|e| {
                e.age += 1;
                e.age <= max_age
            });
        }
        inner.entries.retain(|_, bucket| !bucket.is_empty());
        let stats = MemoStats {
            set: inner.set,
            reused: inner.reused,
            kept: inner.entries.values().map(Vec::len).sum(),
        };
        inner.set = 0;
        inner.reused = 0;
        stats
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Sets a paragraph through `memo` when there is one.
pub(crate) fn set_with(
    memo: Option<&Memo>,
    fonts: &FontSet,
    pieces: &[Piece],
    spec: &ParaSpec,
) -> Set {
    match memo {
        Some(memo) => memo.set(fonts, pieces, spec),
        None => {
            let p = set_paragraph(fonts, pieces, spec);
            (p.lines, p.missing)
        }
    }
}

/// A hash of what decides a paragraph's lines most often; the full input is compared
/// on a match, so a collision costs a comparison, never a wrong paragraph.
fn key(pieces: &[Piece], spec: &ParaSpec) -> u64 {
    let mut h = DefaultHasher::new();
    for piece in pieces {
        piece.text.hash(&mut h);
        piece.style.size.to_bits().hash(&mut h);
    }
    spec.width.to_bits().hash(&mut h);
    spec.first_indent.to_bits().hash(&mut h);
    spec.left_indent.to_bits().hash(&mut h);
    spec.lang.hash(&mut h);
    spec.looseness.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::types::{Align, Face, TextStyle};

    fn piece(text: &str) -> Piece {
        Piece {
            text: text.to_string(),
            style: TextStyle {
                face: Face::Regular,
                size: 10.0,
                baseline_shift: 0.0,
            },
            tag: None,
        }
    }

    fn spec(width: f32) -> ParaSpec {
        ParaSpec {
            width,
            first_indent: 0.0,
            left_indent: 0.0,
            align: Align::Justify,
            lang: "en".into(),
            hyphenate: true,
            leading: 13.0,
            looseness: 0,
        }
    }

    #[test]
    fn a_paragraph_is_set_once_and_then_found_as_it_was() {
        let fonts = FontSet::shared();
        let memo = Memo::new();
        let text = "The committee met in exile every spring, and its minutes were \
                    printed abroad for readers who could not attend.";
        let pieces = [piece(text)];
        let first = memo.set(fonts, &pieces, &spec(200.0));
        let again = memo.set(fonts, &pieces, &spec(200.0));
        let fresh = set_paragraph(fonts, &pieces, &spec(200.0));
        assert_eq!(first, again);
        assert_eq!(first, (fresh.lines, fresh.missing));
        let narrower = memo.set(fonts, &pieces, &spec(120.0));
        assert!(
            narrower.0.len() > first.0.len(),
            "another measure is set anew"
        );
        let stats = memo.sweep(1);
        assert_eq!((stats.set, stats.reused, stats.kept), (2, 1, 2));
    }

    #[test]
    fn sweeping_drops_what_no_build_used() {
        let fonts = FontSet::shared();
        let memo = Memo::new();
        let (old, new) = ([piece("Old words.")], [piece("New words.")]);
        memo.set(fonts, &old, &spec(200.0));
        assert_eq!(memo.sweep(2).kept, 1);
        memo.set(fonts, &new, &spec(200.0));
        assert_eq!(memo.sweep(2).kept, 2, "used one build ago: kept");
        memo.set(fonts, &new, &spec(200.0));
        let stats = memo.sweep(2);
        assert_eq!(
            (stats.reused, stats.kept),
            (1, 1),
            "used three builds ago: dropped"
        );
        assert_eq!(memo.sweep(0).kept, 0);
    }
}
