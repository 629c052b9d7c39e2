//! The 32-bit fingerprint of a service name that keys the name map.
//!
//! One definition for both sides: the library uses it to look names up, and
//! `build.rs` includes this file (`#[path = "src/fingerprint.rs"]`) to key
//! the map, so the two cannot drift apart. Plain `core` code, no imports.
//!
//! The name is read eight bytes at a time, ASCII-lowercased in the word
//! (other bytes, UTF-8 included, pass unchanged), and mixed with a multiply
//! and a rotation; the length is mixed in last. A short name costs one or
//! two multiplies instead of one per byte. The build picks a `seed` under
//! which no two names of the registry share a fingerprint; a lookup still
//! confirms the spelling, so a stranger that happens to share one is no hit.

const ONES: u64 = 0x0101_0101_0101_0101;
const MUL: u64 = 0x9E37_79B9_7F4A_7C15;

/// Each byte of `w` ASCII-lowercased: `A`-`Z` gain 0x20, other bytes stay.
#[inline]
pub const fn lower8(w: u64) -> u64 {
    let low7 = w & (0x7f * ONES);
    // Per byte, bit 7 of `ge_a` says low7 >= 'A' and of `gt_z` low7 > 'Z';
    // neither sum carries into the next byte (low7 + 0x3f <= 0xbe).
    let ge_a = low7 + (0x80 - b'A' as u64) * ONES;
    let gt_z = low7 + (0x80 - b'Z' as u64 - 1) * ONES;
    let upper = ge_a & !gt_z & !w & (0x80 * ONES);
    w | (upper >> 2)
}

#[inline]
fn mix(h: u64, w: u64) -> u64 {
    (h ^ w).wrapping_mul(MUL).rotate_left(29)
}

/// The fingerprint of `name` (any case) under `seed`.
#[inline]
pub fn fingerprint(seed: u32, name: &[u8]) -> u32 {
    let mut h = u64::from(seed);
    let mut chunks = name.chunks_exact(8);
    for chunk in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        h = mix(h, lower8(u64::from_le_bytes(w)));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = mix(h, lower8(u64::from_le_bytes(w)));
    }
    h = mix(h, name.len() as u64);
    (h ^ (h >> 32)) as u32
}
