//! The name tables: names grouped ASCII-case-insensitively, the
//! fingerprint seed and the phf map `NAME_MAP`, whose keys carry each
//! name's number and its run of records (no further table to read).

use std::hash::Hasher;

use super::{Runs, Strings};
use crate::model::emit::{Emitter, TableError};
use crate::model::fingerprint::fingerprint;
use crate::model::{Protocol, QuickMap, Registry};

/// A key of the name map as the build knows it: it hashes as the runtime's
/// query does (its fingerprint, as `u32`; `src/generated.rs`) and is
/// written as the runtime's pointer-free key, `NameId(bits)`: a bit set
/// when one of the name's records is in `PREFERRED`, the name's number
/// `g`, then the start and the length of its run of `V`, packed
/// (`NAME_G_BITS`, `NAME_START_BITS`).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct NameKey {
    fp: u32,
    id: u64,
}

impl phf_shared::PhfHash for NameKey {
    fn phf_hash<H: Hasher>(&self, state: &mut H) {
        self.fp.phf_hash(state);
    }
}

impl phf_shared::FmtConst for NameKey {
    fn fmt_const(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NameId({})", self.id)
    }
}

/// Whether no two of `keys` are equal (a small open-addressing set: the
/// unoptimized build script sorts and hashes slowly).
fn distinct(keys: &[u32]) -> bool {
    let bits = (2 * keys.len()).next_power_of_two().trailing_zeros().max(4);
    let mut slots = vec![None; 1 << bits];
    for &k in keys {
        let mut at = (u64::from(k).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize;
        while let Some(other) = slots[at] {
            if other == k {
                return false;
            }
            at = (at + 1) & (slots.len() - 1);
        }
        slots[at] = Some(k);
    }
    true
}

pub(crate) fn names<'a>(
    e: &mut Emitter,
    reg: &'a Registry,
    pool: &mut Strings<'a>,
    runs: &mut Runs,
    preferred: &[u16],
) -> Result<(), TableError> {
    // Group records by lowercased name, groups in order of first appearance,
    // each with its first spelling.
    let mut groups: Vec<(&str, Vec<usize>)> = Vec::new();
    let mut index: QuickMap<String, usize> = QuickMap::default();
    // The group of the record before: twins (tcp and udp) share a name.
    let mut last: Option<(&str, usize)> = None;
    for (i, r) in reg.records.iter().enumerate() {
        if let Some(name) = &r.name {
            let g = match last {
                Some((n, g)) if n == name => g,
                _ => *index.entry(name.to_ascii_lowercase()).or_insert_with(|| {
                    groups.push((name, Vec::new()));
                    groups.len() - 1
                }),
            };
            last = Some((name, g));
            let recs = &mut groups[g].1;
            // A name's run length has at most 8 bits of a NAME_MAP key: the
            // record one past it is at fault.
            if recs.len() == usize::from(u8::MAX) {
                return Err(TableError::record(
                    reg,
                    i,
                    format!(
                        "a 256th record named {name:?}: at most 255 share a name (8 bits of a NAME_MAP key)"
                    ),
                ));
            }
            recs.push(i);
        }
    }
    // `Query` reads `NAME/PROTO` as one name only when some name ends so.
    let ends_in_protocol = groups.iter().any(|(n, _)| {
        n.rsplit_once('/')
            .is_some_and(|(_, tail)| Protocol::parse(tail).is_some())
    });
    e.constant(
        "Whether a service name ends in `/` and a protocol (`tcp`, `udp`, `sctp`, `dccp`, any case): only then can `NAME/PROTO` text be one whole name.",
        "NAME_ENDS_IN_PROTOCOL",
        "bool",
        ends_in_protocol,
    );
    // The first seed under which no two names share a fingerprint.
    let (seed, keys) = (0u32..1000)
        .map(|seed| {
            let keys: Vec<u32> = groups
                .iter()
                .map(|(n, _)| fingerprint(seed, n.as_bytes()))
                .collect();
            (seed, keys)
        })
        .find(|(_, keys)| distinct(keys))
        .ok_or("no fingerprint seed separates the service names")?;
    e.constant(
        "The seed of the names' fingerprints (`src/fingerprint.rs`): no two share one.",
        "FP_SEED",
        "u32",
        seed,
    );
    // Each name's run of `V` (spelling g is string g + 1 of the pool: the
    // first strings).
    let mut runs_of = Vec::with_capacity(groups.len());
    let mut has_preferred = Vec::with_capacity(groups.len());
    for (g, (spelling, recs)) in groups.iter().enumerate() {
        let id = pool.id(spelling);
        debug_assert_eq!(id as usize, g + 1);
        let (start, len) = runs
            .run(recs)
            .map_err(|e| format!("service name {spelling:?}: {e}"))?;
        runs_of.push((start, len));
        has_preferred.push(recs.iter().any(|&i| preferred.contains(&(i as u16))));
    }
    // The key packs the flag, g, the run's start and its length, each in
    // the bits its largest value needs: one load answers `by_name`, and
    // `port` reads past a name's first record only when the flag is set.
    let bits = |max: u64| u64::BITS - max.leading_zeros();
    let g_bits = bits(groups.len().saturating_sub(1) as u64);
    let start_bits = bits(runs_of.iter().map(|r| u64::from(r.0)).max().unwrap_or(0));
    let len_bits = bits(runs_of.iter().map(|r| u64::from(r.1)).max().unwrap_or(0));
    let (key_ty, key_bytes) = if 1 + g_bits + start_bits + len_bits <= 32 {
        ("u32", 4)
    } else {
        // At most 1 + 16 + 16 + 8 bits: names and runs are counted in u16,
        // a name has at most 255 records.
        ("u64", 8)
    };
    e.constant(
        "The bits of a name's number in a `NAME_MAP` key (above bit 0, the `PREFERRED` flag).",
        "NAME_G_BITS",
        "u32",
        g_bits,
    );
    e.constant(
        "The bits of the run's start in a `NAME_MAP` key (next); its length is above.",
        "NAME_START_BITS",
        "u32",
        start_bits,
    );
    e.alias(
        "A `NAME_MAP` key, packed: `PREFERRED` flag, name number, run start, run length.",
        "NameBits",
        key_ty,
    )?;
    // The map's entries are keyed by the names' fingerprints: phf's
    // generator runs once, in phf_codegen.
    let mut map = phf_codegen::Map::<NameKey>::new();
    for (g, (&fp, &(start, len))) in keys.iter().zip(&runs_of).enumerate() {
        let id = u64::from(has_preferred[g])
            | (g as u64) << 1
            | u64::from(start) << (1 + g_bits)
            | u64::from(len) << (1 + g_bits + start_bits);
        map.entry(NameKey { fp, id }, "()");
    }
    let map = map.build().to_string();
    e.map(
        "The service names: fingerprint (from `FP_SEED`) to the name's number and run of records.",
        ("NAME_MAP", "phf::Map<NameId, ()>"),
        &map,
        ("(NameId, ())", key_bytes),
        keys.len(),
    );
    Ok(())
}
