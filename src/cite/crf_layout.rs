//! The layout of the labeller's compiled model: what `build.rs` writes from
//! `citations.crf` and [`super::label_tokens()`] reads in place, compiled into both so
//! the two cannot disagree.
//!
//! CRFsuite's file keeps attribute names in a constant database that must be decoded
//! and hashed before the first reference can be labelled (about 1.5 ms, an eighth of
//! converting the sample to PDF). The build does that once instead: it writes an
//! open-addressing table from each attribute's [`key`] to its run of votes, which the
//! binary holds as static bytes, so labelling starts with nothing to load.
//!
//! Tables, all little-endian:
//! - slots: a power-of-two count of [`SLOT`]-byte slots, each the attribute's key
//!   (u64), then the start and end (u32) of its votes; an empty slot has end 0 (every
//!   attribute casts at least one vote). A key sits in the first free slot from
//!   `key & (count - 1)` on.
//! - votes: [`VOTE`]-byte records, the label id (u16) and the weight (f64).
//! - into: the transition weights, `f64`, from label `i` to `j` at `j * labels + i`.
//! - labels: the label names, one per line, in id order.

/// Bytes of one slot of the attribute table.
pub const SLOT: usize = 16;

/// Bytes of one vote.
pub const VOTE: usize = 10;

/// A 64-bit hash of an attribute name, which stands for the name itself: the table
/// holds no strings and a lookup compares no bytes. Each 8-byte word is mixed in by a
/// bijection, so names of one length that differ in a single word never collide; the
/// build checks that the names the model knows have distinct keys, and an unknown name
/// takes a known one's key with a chance of about 10⁻¹⁴.
pub fn key(attribute: &str) -> u64 {
    let bytes = attribute.as_bytes();
    let mut h = 0x9e37_79b9_7f4a_7c15 ^ bytes.len() as u64;
    for chunk in bytes.chunks(8) {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        h = (h ^ u64::from_le_bytes(word)).wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 32;
    }
    // MurmurHash3's finaliser, so every input bit reaches every output bit: the low
    // bits alone pick a slot.
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The range of votes of the attribute with `key` in `slots`, if the model knows it.
pub fn find(slots: &[u8], key: u64) -> Option<std::ops::Range<usize>> {
    let mask = slots.len() / SLOT - 1;
    let mut i = key as usize & mask;
    loop {
        let slot = &slots[i * SLOT..(i + 1) * SLOT];
        let end = u32_at(slot, 12) as usize;
        if end == 0 {
            return None;
        }
        if u64::from_le_bytes(slot[..8].try_into().expect("8 bytes")) == key {
            return Some(u32_at(slot, 8) as usize..end);
        }
        i = (i + 1) & mask;
    }
}

/// The vote at `i` of `votes`: label id and weight.
pub fn vote(votes: &[u8], i: usize) -> (usize, f64) {
    let v = &votes[i * VOTE..(i + 1) * VOTE];
    let label = u16::from_le_bytes([v[0], v[1]]) as usize;
    (
        label,
        f64::from_le_bytes(v[2..].try_into().expect("8 bytes")),
    )
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().expect("4 bytes"))
}
