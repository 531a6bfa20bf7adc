//! Stage 3: a label for every token, by the conditional random field trained on
//! AnyStyle's labelled references (`scripts/train-citations` writes `citations.crf`,
//! CRFsuite's file format).
//!
//! `build.rs` compiles the file into the tables of [`super::crf_layout`], which this
//! stage reads in place: each attribute's votes are found by its key in an
//! open-addressing table, and a Viterbi pass here decodes, because `crfs`'s tagger
//! decodes each feature from the file's bytes on every lookup, which made parsing
//! several times slower.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::rc::Rc;
use std::sync::OnceLock;

use super::crf_layout;
use super::describe_tokens;
use super::types::Label;

/// The compiled model's tables (`build.rs`, [`super::crf_layout`]).
static LABELS: &str = include_str!(concat!(env!("OUT_DIR"), "/crf_labels.txt"));
static INTO: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/crf_into.bin"));
static SLOTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/crf_slots.bin"));
static VOTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/crf_votes.bin"));

/// The model's weights, ready for decoding.
struct Crf {
    /// The label of each label id.
    labels: Vec<Label>,
    /// Transition weight from label `i` to label `j` at `i * labels.len() + j`: the
    /// ways out of one label side by side, so that one label before is weighed for
    /// every label at once (the compiler does several at a time).
    out_of: Vec<f64>,
    /// The largest transition weight.
    most: f64,
    /// The least weight of a transition from each label.
    least_from: Vec<f64>,
}

/// A multiply-rotate hash (as rustc's FxHash) for the word cache: the keys are the
/// reference's own words, short, and SipHash cost a fifth of parsing time.
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

fn crf() -> &'static Crf {
    static CRF: OnceLock<Crf> = OnceLock::new();
    CRF.get_or_init(|| {
        let labels: Vec<Label> = LABELS.lines().map(Label::from_name).collect();
        let n = labels.len();
        // The file holds the ways into one label side by side (from `i` to `j` at
        // `j * n + i`).
        let into: Vec<f64> = INTO
            .chunks_exact(8)
            .map(|w| f64::from_le_bytes(w.try_into().expect("8 bytes")))
            .collect();
        let out_of: Vec<f64> = (0..n * n).map(|k| into[(k % n) * n + k / n]).collect();
        let most = out_of.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let least_from = out_of
            .chunks_exact(n)
            .map(|ways| ways.iter().copied().fold(f64::INFINITY, f64::min))
            .collect();
        Crf {
            labels,
            out_of,
            most,
            least_from,
        }
    })
}

impl Crf {
    /// Adds the votes of `attribute` to token `t`'s row of `score`.
    fn vote(&self, score: &mut [f64], t: usize, attribute: &str) {
        let n = self.labels.len();
        if let Some(range) = crf_layout::find(SLOTS, crf_layout::key(attribute)) {
            let row = &mut score[t * n..(t + 1) * n];
            for i in range {
                let (label, weight) = crf_layout::vote(VOTES, i);
                row[label] += weight;
            }
        }
    }

    /// The most likely label sequence (Viterbi, in log space) for tokens whose state
    /// scores are in `score`, one row of `labels.len()` per token.
    ///
    /// Each label before is weighed for all labels at once, in label order, keeping the
    /// first best way into each (as a search label by label does). A label's own score
    /// mostly decides, so most labels before cannot give any label its best way in and
    /// are not weighed: every way into any label scores at least `floor` (from the
    /// best label before, by its least weight out), and a label whose score plus the
    /// largest weight stays below that never wins. Rounding is monotone, so a label
    /// left out scores strictly less than the best way, and the result is the full
    /// search's, ties to the lowest label included.
    fn tag(&self, mut score: Vec<f64>) -> Vec<Label> {
        let n = self.labels.len();
        let len = score.len() / n;
        let mut back = vec![0u16; len * n];
        let mut best = vec![0.0; n];
        let mut from = vec![0usize; n];
        for t in 1..len {
            let (done, rest) = score.split_at_mut(t * n);
            let prev = &done[(t - 1) * n..];
            let top = (0..n).fold(0, |a, b| if prev[b] > prev[a] { b } else { a });
            let floor = prev[top] + self.least_from[top];
            best.fill(f64::NEG_INFINITY);
            from.fill(0);
            for i in (0..n).filter(|&i| prev[i] + self.most >= floor) {
                let ways = &self.out_of[i * n..(i + 1) * n];
                for ((b, f), w) in best.iter_mut().zip(from.iter_mut()).zip(ways) {
                    let v = prev[i] + w;
                    // Both always written, so the loop has no branch to stop it
                    // working on several labels at once.
                    let better = v > *b;
                    *f = if better { i } else { *f };
                    *b = if better { v } else { *b };
                }
            }
            for (j, cell) in rest[..n].iter_mut().enumerate() {
                *cell += best[j];
                back[t * n + j] = from[j] as u16;
            }
        }
        let last = &score[(len - 1) * n..];
        let mut label = (0..n).fold(0, |a, b| if last[b] > last[a] { b } else { a });
        let mut out = vec![Label::Other; len];
        for t in (0..len).rev() {
            out[t] = self.labels[label];
            label = back[t * n + label] as usize;
        }
        out
    }
}

/// The label of each token, from its features ([`super::describe_tokens()`]).
pub fn label_tokens(features: Vec<Vec<String>>) -> Vec<Label> {
    if features.is_empty() {
        return Vec::new();
    }
    let crf = crf();
    let mut score = vec![0.0; features.len() * crf.labels.len()];
    for (t, item) in features.iter().enumerate() {
        for attribute in item {
            crf.vote(&mut score, t, attribute);
        }
    }
    crf.tag(score)
}

/// The label of each of `tokens` of `text`: [`label_tokens`] of
/// [`super::describe_tokens()`], with each feature scored as it is made rather than
/// collected first. References longer than [`MAX_TOKENS`] are labelled on their first
/// `MAX_TOKENS` tokens; the rest are [`Label::Other`].
///
/// Most features of a token depend on its own text or on one neighbour's text alone
/// (see [`describe_tokens::own_features`], [`describe_tokens::neighbour_features`]);
/// their votes are summed once per distinct word and kept in a per-thread cache, since
/// the words of references repeat ("J.", "Press,", "2019.", "In"). The place features
/// take few values ([`describe_tokens::state_values`]), so their votes are cached per
/// value too; only a token's features with its neighbour are looked up every time.
pub(super) fn label_text(text: &str, tokens: &[Range<usize>]) -> Vec<Label> {
    if tokens.is_empty() {
        return Vec::new();
    }
    let crf = crf();
    let head = &tokens[..tokens.len().min(MAX_TOKENS)];
    let n = crf.labels.len();
    let len = head.len();
    let mut score = vec![0.0; len * n];
    let mut buf = String::with_capacity(64);
    CACHE.with_borrow_mut(|cache| {
        if cache.words.len() > MAX_CACHED_WORDS {
            cache.words.clear();
        }
        let words: Vec<Rc<Word>> = head
            .iter()
            .map(|r| {
                let token = &text[r.clone()];
                if let Some(w) = cache.words.get(token) {
                    return w.clone();
                }
                let w = Rc::new(crf.word(token, &mut buf));
                cache.words.insert(token.to_string(), w.clone());
                w
            })
            .collect();
        let own: Vec<&describe_tokens::Own> = words.iter().map(|w| &w.own).collect();
        let states = describe_tokens::states(text, head, &own);
        for (i, state) in states.iter().enumerate() {
            let row = &mut score[i * n..(i + 1) * n];
            let values = describe_tokens::state_values(state, i, len);
            let place = cache
                .places
                .entry(values)
                .or_insert_with(|| crf.place_votes(values, &mut buf));
            add(row, place);
            // The word's own votes, then what each neighbour's word gives it.
            add(row, &words[i].votes[..n]);
            for (slot, (k, _)) in describe_tokens::NEIGHBOURS.iter().enumerate() {
                if let Some(j) = describe_tokens::neighbour(i, *k, len) {
                    add(row, &words[j].votes[(slot + 1) * n..(slot + 2) * n]);
                    describe_tokens::pair_features(own[i], own[j], *k, &mut buf, &mut |a| {
                        crf.vote(row, 0, a)
                    });
                }
            }
        }
    });
    let mut labels = crf.tag(score);
    labels.resize(tokens.len(), Label::Other);
    labels
}

/// Adds `votes` to `row`, label by label.
fn add(row: &mut [f64], votes: &[f64]) {
    for (r, v) in row.iter_mut().zip(votes) {
        *r += v;
    }
}

/// What the labeller keeps of a word it has seen.
struct Word {
    /// The word's own facts, from which its features are made.
    own: describe_tokens::Own,
    /// The votes of its own features, then of the features it gives a token at each of
    /// [`describe_tokens::NEIGHBOURS`], `labels.len()` each.
    votes: Box<[f64]>,
}

/// The per-thread cache of votes.
#[derive(Default)]
struct Cache {
    /// Per token text.
    words: HashMap<String, Rc<Word>, BuildHasherDefault<WordHasher>>,
    /// Per [`describe_tokens::state_values`]: the votes of the place features (at most
    /// a few thousand distinct values).
    places: HashMap<[u8; 7], Box<[f64]>, BuildHasherDefault<WordHasher>>,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// The word cache is emptied when it holds more words than this (about 12 MB of
/// votes): more than the distinct words of 5,000 footnotes, so a long document does not
/// score its commonest words twice.
const MAX_CACHED_WORDS: usize = 16_384;

impl Crf {
    /// A token's facts, the votes of its own features, then those it gives each
    /// neighbour.
    fn word(&self, token: &str, buf: &mut String) -> Word {
        let own = describe_tokens::own(token);
        let n = self.labels.len();
        let mut v = vec![0.0; n * (1 + describe_tokens::NEIGHBOURS.len())];
        describe_tokens::own_features(&own, buf, &mut |a: &str| self.vote(&mut v, 0, a));
        for (slot, (k, _)) in describe_tokens::NEIGHBOURS.iter().enumerate() {
            describe_tokens::neighbour_features(&own, *k, buf, &mut |a: &str| {
                self.vote(&mut v, slot + 1, a)
            });
        }
        Word {
            own,
            votes: v.into(),
        }
    }

    /// The votes of the place features with these values.
    fn place_votes(&self, values: [u8; 7], buf: &mut String) -> Box<[f64]> {
        let mut v = vec![0.0; self.labels.len()];
        describe_tokens::state_features(values, buf, &mut |a: &str| self.vote(&mut v, 0, a));
        v.into()
    }
}

/// The most tokens a reference is labelled on. Real references have well under a
/// hundred; a whole page pasted into one note should cost no more than a long one.
pub const MAX_TOKENS: usize = 400;

#[cfg(test)]
mod tests {
    use super::*;
    use crfs::{Attribute, Model};

    /// The model as trained, which `build.rs` compiled into the tables.
    static MODEL_FILE: &[u8] = include_bytes!("citations.crf");

    /// Every state feature of CRFsuite's own dump of the model is in the compiled
    /// table with its weight, the table holds no other vote, and names the model does
    /// not know are not found.
    #[test]
    fn the_table_holds_every_state_feature_of_the_model() {
        let model = Model::new(MODEL_FILE).expect("the shipped model reads");
        let labels: Vec<&str> = LABELS.lines().collect();
        assert_eq!(labels.len(), model.num_labels() as usize);
        let mut dump = Vec::new();
        model.dump(&mut dump).expect("a dump");
        let dump = String::from_utf8(dump).expect("utf-8");
        let states = dump
            .split("STATE_FEATURES = {")
            .nth(1)
            .expect("state features");
        let mut features = 0;
        for line in states.lines().filter(|l| l.starts_with("  (0) ")) {
            let (attribute, rest) = line[6..].rsplit_once(" --> ").expect("an arrow");
            let (label, weight) = rest.rsplit_once(": ").expect("a weight");
            let weight: f64 = weight.parse().expect("a number");
            let label = labels.iter().position(|l| *l == label).expect("a label");
            let range = crf_layout::find(SLOTS, crf_layout::key(attribute))
                .unwrap_or_else(|| panic!("{attribute} is missing"));
            let votes: Vec<(usize, f64)> = range.map(|i| crf_layout::vote(VOTES, i)).collect();
            assert!(
                votes
                    .iter()
                    .any(|&(l, w)| l == label && (w - weight).abs() < 1e-6),
                "{attribute} -> {label}: {weight} not in {votes:?}"
            );
            features += 1;
        }
        assert!(features > 10_000, "{features} state features");
        assert_eq!(features * crf_layout::VOTE, VOTES.len(), "no other vote");
        for unknown in ["w=zzzzqqq", "shape=", "", "p1=\u{1F600}"] {
            assert_eq!(
                crf_layout::find(SLOTS, crf_layout::key(unknown)),
                None,
                "{unknown}"
            );
        }
    }

    /// Labelling with cached word votes gives what scoring every feature gives.
    #[test]
    fn cached_votes_label_as_every_feature_does() {
        for text in [
            "Doe, J. (2019). Harbour strikes. Journal of Maritime History, 12(3), 45–67.",
            "Doe, J. (2019). Harbour strikes again. Journal of Maritime History, 13, 4–9.",
            "“Title”, *Journal* [en ligne]. 2019;40(2):136–42. https://x.org/a",
            "Varga",
        ] {
            let tokens = crate::cite::split_tokens(text);
            let features = crate::cite::describe_tokens(text, &tokens);
            assert_eq!(label_text(text, &tokens), label_tokens(features), "{text}");
        }
    }

    /// Viterbi trying every way into every label, one label at a time, as [`Crf::tag`]
    /// did before it weighed all at once and left out the labels that cannot win.
    fn every_way(crf: &Crf, mut score: Vec<f64>) -> Vec<Label> {
        let n = crf.labels.len();
        let len = score.len() / n;
        let mut back = vec![0usize; len * n];
        for t in 1..len {
            let (done, rest) = score.split_at_mut(t * n);
            let prev = &done[(t - 1) * n..];
            for (j, cell) in rest[..n].iter_mut().enumerate() {
                let (mut best, mut from) = (f64::NEG_INFINITY, 0);
                for (i, p) in prev.iter().enumerate() {
                    // Straight from the file: the weight from i to j at j * n + i.
                    let at = (j * n + i) * 8;
                    let w = f64::from_le_bytes(INTO[at..at + 8].try_into().expect("8 bytes"));
                    let v = p + w;
                    if v > best {
                        best = v;
                        from = i;
                    }
                }
                *cell += best;
                back[t * n + j] = from;
            }
        }
        let last = &score[(len - 1) * n..];
        let mut label = (0..n).fold(0, |a, b| if last[b] > last[a] { b } else { a });
        let mut out = vec![Label::Other; len];
        for t in (0..len).rev() {
            out[t] = crf.labels[label];
            label = back[t * n + label];
        }
        out
    }

    /// The decoder gives what trying every way gives, on random scores from close
    /// (transitions decide) to far apart (a token's own scores decide), with ties.
    #[test]
    fn leaving_out_labels_that_cannot_win_changes_nothing() {
        let crf = crf();
        let n = crf.labels.len();
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for round in 0..600 {
            let len = 1 + (next() % 40) as usize;
            let spread = [0.25, 2.0, 8.0, 30.0][round % 4];
            // Whole steps of the spread: many equal scores.
            let score: Vec<f64> = (0..len * n)
                .map(|_| (next() % 9) as f64 * spread / 8.0)
                .collect();
            assert_eq!(
                crf.tag(score.clone()),
                every_way(crf, score),
                "round {round}"
            );
        }
    }

    /// The decoder here and `crfs`'s own tagger agree on the shipped model.
    #[test]
    fn decodes_as_crfsuite_does() {
        let model = Model::new(MODEL_FILE).expect("the shipped model reads");
        let tagger = model.tagger().expect("a tagger");
        for text in [
            "Doe, J. (2019). Harbour strikes. Journal of Maritime History, 12(3), 45–67.",
            "R. T. Snodgrass. Temporal databases. IEEE Computer, 19(9):35–42, 1986.",
            "Varga, Ilona. The Salt Roads. Szeged: Tisza Press, 2012.",
        ] {
            let tokens = crate::cite::split_tokens(text);
            let features = crate::cite::describe_tokens(text, &tokens);
            let items: Vec<Vec<Attribute>> = features
                .iter()
                .map(|f| f.iter().map(|a| Attribute::from(a.as_str())).collect())
                .collect();
            let theirs: Vec<Label> = tagger
                .tag(&items)
                .expect("tags")
                .into_iter()
                .map(Label::from_name)
                .collect();
            assert_eq!(label_tokens(features), theirs, "{text}");
        }
    }
}
