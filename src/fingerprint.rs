//! The 32-bit fingerprint of a service name that keys the name map, and the
//! case-insensitive comparison that confirms a hit.
//!
//! One definition for both sides: the library uses it to look names up, and
//! the build includes this file (`#[path]` in `build/mod.rs`) to key
//! the map, so the two cannot drift apart. Plain `core` code, no imports.
//!
//! A name is read as whole words: the last 16 bytes or fewer as two words
//! that cover them (overlapping when shorter), and any bytes before those
//! eight at a time. No loop or copy for the names of up to 16 bytes that
//! make up nearly all of the registry, so a lookup mispredicts no branch
//! on the name's length. Each word is ASCII-lowercased in place (other
//! bytes, UTF-8 included, pass unchanged) and mixed with a multiply and a
//! rotation. The build picks a `seed` under which no two names of the
//! registry share a fingerprint; a lookup still confirms the spelling, so a
//! stranger that happens to share one is no hit.
#![allow(dead_code)] // the build uses the fingerprint only

const ONES: u64 = 0x0101_0101_0101_0101;
const MUL: u64 = 0x9E37_79B9_7F4A_7C15;

/// Each byte of `w` ASCII-lowercased: `A`-`Z` gain 0x20, other bytes stay.
#[inline]
const fn lower8(w: u64) -> u64 {
    let low7 = w & (0x7f * ONES);
    // Per byte, bit 7 of `ge_a` says low7 >= 'A' and of `gt_z` low7 > 'Z';
    // neither sum carries into the next byte (low7 + 0x3f <= 0xbe).
    let ge_a = low7 + (0x80 - b'A' as u64) * ONES;
    let gt_z = low7 + (0x80 - b'Z' as u64 - 1) * ONES;
    let upper = ge_a & !gt_z & !w & (0x80 * ONES);
    w | (upper >> 2)
}

#[inline]
fn le64(s: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&s[..8]);
    u64::from_le_bytes(w)
}

#[inline]
fn le32(s: &[u8]) -> u64 {
    let mut w = [0u8; 4];
    w.copy_from_slice(&s[..4]);
    u64::from(u32::from_le_bytes(w))
}

/// `s` (at most 16 bytes) as two words that together hold every byte, each
/// byte in a byte lane, lowercased.
#[inline]
fn tail(s: &[u8]) -> (u64, u64) {
    let n = s.len();
    let (a, b) = if n >= 8 {
        (le64(s), le64(&s[n - 8..]))
    } else if n >= 4 {
        (le32(s), le32(&s[n - 4..]))
    } else if n > 0 {
        let three = u64::from(s[0]) | u64::from(s[n / 2]) << 8 | u64::from(s[n - 1]) << 16;
        (three, 0)
    } else {
        (0, 0)
    };
    (lower8(a), lower8(b))
}

/// `s` cut into the words before its last 16 bytes and those 16 or fewer.
#[inline]
fn split(s: &[u8]) -> (core::slice::ChunksExact<'_, u8>, &[u8]) {
    let head = s.len().saturating_sub(16).next_multiple_of(8);
    (s[..head].chunks_exact(8), &s[head..])
}

#[inline]
fn mix(h: u64, w: u64) -> u64 {
    (h ^ w).wrapping_mul(MUL).rotate_left(29)
}

/// The fingerprint of `name` (any case) under `seed`.
#[inline]
pub fn fingerprint(seed: u32, name: &[u8]) -> u32 {
    fingerprint_tail(seed, name).0
}

/// The fingerprint of `name` under `seed`, and the two lowercased words of
/// its last 16 bytes or fewer, which [`same_name_tail`] compares a
/// candidate's with: the lookup lowercases the query once.
#[inline]
pub fn fingerprint_tail(seed: u32, name: &[u8]) -> (u32, (u64, u64)) {
    let mut h = u64::from(seed) ^ (name.len() as u64).wrapping_mul(MUL);
    let last = if name.len() <= 16 {
        // Nearly every name: no words before the last two, no loop.
        name
    } else {
        let (head, last) = split(name);
        for w in head {
            h = mix(h, lower8(le64(w)));
        }
        last
    };
    let (a, b) = tail(last);
    h = mix(mix(h, a), b);
    ((h ^ (h >> 32)) as u32, (a, b))
}

/// [`same_name`] of `spelling` and `name`, given `name_tail`, the words
/// [`fingerprint_tail`] gave for `name`.
#[inline]
pub fn same_name_tail(spelling: &[u8], name: &[u8], name_tail: (u64, u64)) -> bool {
    let n = spelling.len();
    if n != name.len() {
        return false;
    }
    if n <= 16 {
        // Nearly every name: no words before the last two, no loop.
        return tail(spelling) == name_tail;
    }
    let ((hs, ls), (hn, _)) = (split(spelling), split(name));
    hs.zip(hn).all(|(x, y)| lower8(le64(x)) == lower8(le64(y))) && tail(ls) == name_tail
}

/// Whether `a` and `b` are equal, ASCII case-insensitively
/// (`<[u8]>::eq_ignore_ascii_case`), compared a word at a time.
#[inline]
pub fn same_name(a: &[u8], b: &[u8]) -> bool {
    same_name_tail(a, b, tail(split(b).1))
}

#[cfg(test)]
mod tests {
    // The imports are inside the tests: test crates that include this file
    // through build/mod.rs without libtest (harness = false) keep
    // `cfg(test)` but drop `#[test]` functions.

    #[test]
    fn lower8_is_to_ascii_lowercase_in_every_lane() {
        use super::*;
        for b in 0..=255u8 {
            for lane in 0..8 {
                let w = u64::from(b) << (8 * lane) | 0x4142_4344_4546_4748 & !(0xff << (8 * lane));
                let got = lower8(w).to_le_bytes();
                let want = w.to_le_bytes().map(|x| x.to_ascii_lowercase());
                assert_eq!(got, want, "byte {b:#x} in lane {lane}");
            }
        }
    }

    #[test]
    fn same_name_is_eq_ignore_ascii_case() {
        use super::*;
        // Every pair of one-byte strings, then mutated strings of every
        // length up to 40 (each position, several bytes, case flips).
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                assert_eq!(same_name(&[a], &[b]), [a].eq_ignore_ascii_case(&[b]));
            }
        }
        let base: [u8; 40] = *b"Abc-Def_ghij+KLMN/opq.rst*UVW xyz0123456";
        for n in 0..=40 {
            let a = &base[..n];
            for at in 0..n {
                for x in [
                    b'a', b'A', b'z', b'Z', b'@', b'[', b'`', b'{', 0x80, 0xC1, 0xE1, 0xFF, 0,
                ] {
                    let mut b = a.to_vec();
                    b[at] = x;
                    assert_eq!(
                        same_name(a, &b),
                        a.eq_ignore_ascii_case(&b),
                        "{a:?} vs {b:?}"
                    );
                    let b_tail = fingerprint_tail(7, &b).1;
                    assert_eq!(
                        same_name_tail(a, &b, b_tail),
                        a.eq_ignore_ascii_case(&b),
                        "{a:?} vs {b:?} by tail"
                    );
                    b[at] ^= 0x20;
                    assert_eq!(
                        same_name(a, &b),
                        a.eq_ignore_ascii_case(&b),
                        "{a:?} vs {b:?}"
                    );
                }
            }
            let upper = a.to_ascii_uppercase();
            assert!(same_name(a, &upper));
            assert_eq!(fingerprint(7, a), fingerprint(7, &upper));
            assert!(!same_name(a, &base[..n.saturating_sub(1)]) || n == 0);
        }
    }
}
