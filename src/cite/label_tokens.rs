//! Stage 3: a label for every token, by the conditional random field trained on
//! AnyStyle's labelled references (`scripts/train-citations` writes `citations.crf`,
//! CRFsuite's file format).
//!
//! The `crfs` crate reads the file; its weights are then held in a hash map from
//! attribute to (label, weight) pairs and decoded by a Viterbi pass here, because
//! `crfs`'s tagger decodes each feature from the file's bytes on every lookup, which
//! made parsing several times slower.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::rc::Rc;
use std::sync::OnceLock;

use crfs::Model;

use super::describe_tokens;
use super::types::Label;

/// The trained model, in CRFsuite's file format.
static MODEL_FILE: &[u8] = include_bytes!("citations.crf");

/// The model's weights, ready for decoding.
struct Crf {
    /// The label of each label id.
    labels: Vec<Label>,
    /// Transition weight from label `i` to label `j` at `i * labels.len() + j`.
    transitions: Vec<f64>,
    /// For each attribute, the labels it votes for and with what weight.
    states: HashMap<String, Vec<(u16, f64)>, BuildHasherDefault<WordHasher>>,
}

/// A multiply-rotate hash (as rustc's FxHash): the keys are short feature names the
/// program made itself, so no collision attack is possible, and SipHash cost a fifth
/// of parsing time.
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

fn crf() -> Option<&'static Crf> {
    static CRF: OnceLock<Option<Crf>> = OnceLock::new();
    CRF.get_or_init(|| load(MODEL_FILE)).as_ref()
}

/// Reads the model's labels, transitions and state features through `crfs`'s
/// readable dump of it.
fn load(file: &[u8]) -> Option<Crf> {
    let model = Model::new(file).ok()?;
    let n = model.num_labels() as usize;
    let labels: Vec<Label> = (0..n as u32)
        .map(|i| model.to_label(i).map(Label::from_name))
        .collect::<Option<_>>()?;
    let mut dump = Vec::new();
    model.dump(&mut dump).ok()?;
    let dump = String::from_utf8(dump).ok()?;
    let label_id: HashMap<&str, u16> = (0..n as u32)
        .filter_map(|i| Some((model.to_label(i)?, i as u16)))
        .collect();
    let mut transitions = vec![0.0; n * n];
    let mut states: HashMap<String, Vec<(u16, f64)>, BuildHasherDefault<WordHasher>> =
        HashMap::default();
    let mut section = "";
    for line in dump.lines() {
        if let Some(name) = line.strip_suffix(" = {") {
            section = name;
            continue;
        }
        // "  (1) attribute --> label: weight"; an attribute may itself hold "-->".
        let Some(body) = line
            .trim_start()
            .strip_prefix('(')
            .and_then(|l| l.split_once(") "))
        else {
            continue;
        };
        let Some((source, rest)) = body.1.rsplit_once(" --> ") else {
            continue;
        };
        let Some((target, weight)) = rest.rsplit_once(": ") else {
            continue;
        };
        let (Some(&to), Ok(weight)) = (label_id.get(target), weight.parse::<f64>()) else {
            continue;
        };
        match section {
            "TRANSITIONS" => {
                let from = *label_id.get(source)?;
                transitions[from as usize * n + to as usize] = weight;
            }
            "STATE_FEATURES" => states
                .entry(source.to_string())
                .or_default()
                .push((to, weight)),
            _ => {}
        }
    }
    Some(Crf {
        labels,
        transitions,
        states,
    })
}

impl Crf {
    /// Adds the votes of `attribute` to token `t`'s row of `score`.
    fn vote(&self, score: &mut [f64], t: usize, attribute: &str) {
        let n = self.labels.len();
        if let Some(votes) = self.states.get(attribute) {
            let row = &mut score[t * n..(t + 1) * n];
            for &(label, weight) in votes {
                row[label as usize] += weight;
            }
        }
    }

    /// The most likely label sequence (Viterbi, in log space) for tokens whose state
    /// scores are in `score`, one row of `labels.len()` per token.
    fn tag(&self, mut score: Vec<f64>) -> Vec<Label> {
        let n = self.labels.len();
        let len = score.len() / n;
        let mut back = vec![0u16; len * n];
        for t in 1..len {
            for j in 0..n {
                let (best, from) = (0..n)
                    .map(|i| (score[(t - 1) * n + i] + self.transitions[i * n + j], i))
                    .fold((f64::NEG_INFINITY, 0), |a, b| if b.0 > a.0 { b } else { a });
                score[t * n + j] += best;
                back[t * n + j] = from as u16;
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

/// The label of each token, from its features ([`super::describe_tokens`]). A model
/// that cannot be read labels nothing: every token is [`Label::Other`].
pub fn label_tokens(features: Vec<Vec<String>>) -> Vec<Label> {
    match crf() {
        Some(crf) if !features.is_empty() => {
            let mut score = vec![0.0; features.len() * crf.labels.len()];
            for (t, item) in features.iter().enumerate() {
                for attribute in item {
                    crf.vote(&mut score, t, attribute);
                }
            }
            crf.tag(score)
        }
        _ => vec![Label::Other; features.len()],
    }
}

/// The label of each of `tokens` of `text`: [`label_tokens`] of
/// [`super::describe_tokens`], with each feature scored as it is made rather than
/// collected first. References longer than [`MAX_TOKENS`] are labelled on their first
/// `MAX_TOKENS` tokens; the rest are [`Label::Other`].
///
/// Most features of a token depend on its own text or on one neighbour's text alone
/// (see [`describe_tokens::own_features`], [`describe_tokens::neighbour_features`]);
/// their votes are summed once per distinct word and kept in a per-thread cache, since
/// the words of references repeat ("J.", "Press,", "2019.", "In"). Only the features of
/// place and of a token with its neighbour are looked up for every token.
pub(super) fn label_text(text: &str, tokens: &[Range<usize>]) -> Vec<Label> {
    let Some(crf) = crf() else {
        return vec![Label::Other; tokens.len()];
    };
    if tokens.is_empty() {
        return Vec::new();
    }
    let head = &tokens[..tokens.len().min(MAX_TOKENS)];
    let n = crf.labels.len();
    let len = head.len();
    let own: Vec<describe_tokens::Own> = head
        .iter()
        .map(|r| describe_tokens::own(&text[r.clone()]))
        .collect();
    let mut score = vec![0.0; len * n];
    let mut buf = String::with_capacity(64);
    WORD_VOTES.with_borrow_mut(|cache| {
        if cache.len() > MAX_CACHED_WORDS {
            cache.clear();
        }
        let votes: Vec<Rc<[f64]>> = head
            .iter()
            .zip(&own)
            .map(|(r, me)| {
                let word = &text[r.clone()];
                if let Some(v) = cache.get(word) {
                    return v.clone();
                }
                let v = crf.word_votes(me, &mut buf);
                cache.insert(word.to_string(), v.clone());
                v
            })
            .collect();
        let states = describe_tokens::states(text, head, &own);
        for (i, state) in states.iter().enumerate() {
            let row = i * n;
            let mut vote = |attribute: &str| crf.vote(&mut score, i, attribute);
            describe_tokens::state_features(state, i, len, &mut buf, &mut vote);
            for (k, name) in describe_tokens::NEIGHBOURS {
                match describe_tokens::neighbour(i, k, len) {
                    None => describe_tokens::edge_feature(name, &mut buf, &mut vote),
                    Some(j) => {
                        describe_tokens::pair_features(&own[i], &own[j], k, &mut buf, &mut vote)
                    }
                }
            }
            // The word's own votes, then what each neighbour's word gives it.
            for (l, w) in votes[i][..n].iter().enumerate() {
                score[row + l] += w;
            }
            for (slot, (k, _)) in describe_tokens::NEIGHBOURS.iter().enumerate() {
                if let Some(j) = describe_tokens::neighbour(i, *k, len) {
                    let part = &votes[j][(slot + 1) * n..(slot + 2) * n];
                    for (l, w) in part.iter().enumerate() {
                        score[row + l] += w;
                    }
                }
            }
        }
    });
    let mut labels = crf.tag(score);
    labels.resize(tokens.len(), Label::Other);
    labels
}

thread_local! {
    /// Per word: the votes of its own features, then of the features it gives a token
    /// at each of [`describe_tokens::NEIGHBOURS`], `labels.len()` each.
    static WORD_VOTES: RefCell<HashMap<String, Rc<[f64]>, BuildHasherDefault<WordHasher>>> =
        RefCell::new(HashMap::default());
}

/// The cache is emptied when it holds more words than this (about 6 MB of votes).
const MAX_CACHED_WORDS: usize = 8_192;

impl Crf {
    /// The votes a word's own features give it, then those it gives each neighbour.
    fn word_votes(&self, me: &describe_tokens::Own, buf: &mut String) -> Rc<[f64]> {
        let n = self.labels.len();
        let mut v = vec![0.0; n * (1 + describe_tokens::NEIGHBOURS.len())];
        describe_tokens::own_features(me, buf, &mut |a: &str| self.vote(&mut v, 0, a));
        for (slot, (k, _)) in describe_tokens::NEIGHBOURS.iter().enumerate() {
            describe_tokens::neighbour_features(me, *k, buf, &mut |a: &str| {
                self.vote(&mut v, slot + 1, a)
            });
        }
        v.into()
    }
}

/// The most tokens a reference is labelled on. Real references have well under a
/// hundred; a whole page pasted into one note should cost no more than a long one.
pub const MAX_TOKENS: usize = 400;

#[cfg(test)]
mod tests {
    use super::*;
    use crfs::Attribute;

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
