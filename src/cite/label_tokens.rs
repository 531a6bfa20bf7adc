//! Stage 3: a label for every token, by the conditional random field trained on
//! AnyStyle's labelled references (`scripts/train-citations` writes `citations.crf`,
//! CRFsuite's file format).
//!
//! The `crfs` crate reads the file; its weights are then held in a hash map from
//! attribute to (label, weight) pairs and decoded by a Viterbi pass here, because
//! `crfs`'s tagger decodes each feature from the file's bytes on every lookup, which
//! made parsing several times slower.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::OnceLock;

use crfs::Model;

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
pub(super) fn label_text(text: &str, tokens: &[Range<usize>]) -> Vec<Label> {
    let Some(crf) = crf() else {
        return vec![Label::Other; tokens.len()];
    };
    if tokens.is_empty() {
        return Vec::new();
    }
    let head = &tokens[..tokens.len().min(MAX_TOKENS)];
    let mut score = vec![0.0; head.len() * crf.labels.len()];
    super::describe_tokens::visit_features(text, head, |t, attribute| {
        crf.vote(&mut score, t, attribute)
    });
    let mut labels = crf.tag(score);
    labels.resize(tokens.len(), Label::Other);
    labels
}

/// The most tokens a reference is labelled on. Real references have well under a
/// hundred; a whole page pasted into one note should cost no more than a long one.
pub const MAX_TOKENS: usize = 400;

#[cfg(test)]
mod tests {
    use super::*;
    use crfs::Attribute;

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
