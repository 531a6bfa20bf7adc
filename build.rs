//! Compiles the citation labeller's model, `src/cite/citations.crf` (CRFsuite's file
//! format, written by `scripts/train-citations`), into the tables of
//! `src/cite/crf_layout.rs`, which the binary then holds as static bytes: labelling
//! starts without decoding or hashing the model's 23,000 attribute names.

use std::path::Path;

#[allow(dead_code)]
#[path = "src/cite/crf_layout.rs"]
mod crf_layout;

use crf_layout::{SLOT, VOTE, key};

const MODEL: &str = "src/cite/citations.crf";

/// Where CRFsuite's file keeps its features: the offset of the feature chunk is the
/// header's eighth 32-bit field; the chunk's own header takes 12 bytes, and each
/// feature 20 (kind, source, target as u32, weight as f64, little-endian).
const OFF_FEATURES_AT: usize = 28;
const NUM_FEATURES_AT: usize = 16;
const CHUNK_HEADER: usize = 12;
const FEATURE_SIZE: usize = 20;

fn main() {
    println!("cargo::rerun-if-changed={MODEL}");
    println!("cargo::rerun-if-changed=src/cite/crf_layout.rs");
    let file = std::fs::read(MODEL).unwrap_or_else(|e| panic!("{MODEL}: {e}"));
    let tables = compile(&file).unwrap_or_else(|e| panic!("{MODEL}: {e}"));
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    for (name, bytes) in [
        ("crf_labels.txt", tables.labels.into_bytes()),
        ("crf_into.bin", tables.into),
        ("crf_slots.bin", tables.slots),
        ("crf_votes.bin", tables.votes),
    ] {
        let path = Path::new(&out).join(name);
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}

/// The model's tables in `crf_layout`'s format.
struct Tables {
    labels: String,
    into: Vec<u8>,
    slots: Vec<u8>,
    votes: Vec<u8>,
}

fn compile(file: &[u8]) -> Result<Tables, String> {
    let model = crfs::Model::new(file).map_err(|e| format!("not a CRFsuite model: {e}"))?;
    let n = model.num_labels() as usize;
    let mut labels = String::new();
    for i in 0..n as u32 {
        labels.push_str(model.to_label(i).ok_or("a label without a name")?);
        labels.push('\n');
    }
    let u32_at = |at: usize| -> Result<u32, String> {
        let bytes = file
            .get(at..at + 4)
            .ok_or("the file ends inside its features")?;
        Ok(u32::from_le_bytes(bytes.try_into().expect("4 bytes")))
    };
    let count = u32_at(NUM_FEATURES_AT)? as usize;
    let table = u32_at(OFF_FEATURES_AT)? as usize + CHUNK_HEADER;
    let mut into = vec![0.0f64; n * n];
    let mut state: Vec<(u32, u16, f64)> = Vec::with_capacity(count);
    for f in 0..count {
        let at = table + f * FEATURE_SIZE;
        let (kind, source, target) = (u32_at(at)?, u32_at(at + 4)?, u32_at(at + 8)? as usize);
        let weight = file
            .get(at + 12..at + 20)
            .ok_or("the file ends inside its features")?;
        let weight = f64::from_le_bytes(weight.try_into().expect("8 bytes"));
        if target >= n {
            return Err(format!("feature {f} points to label {target} of {n}"));
        }
        match kind {
            0 => state.push((source, target as u16, weight)),
            1 if (source as usize) < n => into[target * n + source as usize] = weight,
            _ => return Err(format!("feature {f} is of unknown kind {kind}")),
        }
    }
    state.sort_by_key(|&(attribute, label, _)| (attribute, label));
    let mut votes = Vec::with_capacity(state.len() * VOTE);
    for &(_, label, weight) in &state {
        votes.extend_from_slice(&label.to_le_bytes());
        votes.extend_from_slice(&weight.to_le_bytes());
    }
    // At most three in eight slots taken, so a lookup seldom probes a second one.
    let attributes = state.chunk_by(|a, b| a.0 == b.0).count();
    let slot_count = (attributes * 8 / 3).next_power_of_two();
    let mut slots = vec![0u8; slot_count * SLOT];
    let mut start = 0usize;
    for run in state.chunk_by(|a, b| a.0 == b.0) {
        let end = start + run.len();
        let name = model
            .to_attr(run[0].0)
            .ok_or_else(|| format!("attribute {} has no name", run[0].0))?;
        let k = key(name);
        let mut i = k as usize & (slot_count - 1);
        loop {
            let slot = &mut slots[i * SLOT..(i + 1) * SLOT];
            if slot[12..16] == [0; 4] {
                slot[..8].copy_from_slice(&k.to_le_bytes());
                slot[8..12].copy_from_slice(&(start as u32).to_le_bytes());
                slot[12..16].copy_from_slice(&(end as u32).to_le_bytes());
                break;
            }
            if slot[..8] == k.to_le_bytes() {
                return Err(format!("two attribute names share the key of {name:?}"));
            }
            i = (i + 1) & (slot_count - 1);
        }
        start = end;
    }
    Ok(Tables {
        labels,
        into: into.iter().flat_map(|w| w.to_le_bytes()).collect(),
        slots,
        votes,
    })
}
