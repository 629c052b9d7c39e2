//! The name tables: names grouped ASCII-case-insensitively, the
//! fingerprint seed, the phf map `NAME_MAP` and `NAME_START`/`NAME_LEN`.

use std::hash::Hasher;

use super::{Runs, Strings};
use crate::model::emit::{to_u16, to_u8, Emitter, TableError};
use crate::model::fingerprint::fingerprint;
use crate::model::{QuickMap, Registry};

/// A key of the name map as the build knows it: it hashes as the runtime's
/// query does (its fingerprint, as `u32`; `src/generated.rs`) and is
/// written as the runtime's pointer-free key, `NameId(g)`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct NameKey {
    fp: u32,
    id: u16,
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
            // NAME_LEN is u8: the record one past it is at fault.
            if recs.len() == usize::from(u8::MAX) {
                return Err(TableError::record(
                    reg,
                    i,
                    format!(
                        "a 256th record named {name:?}: at most 255 share a name (NAME_LEN is u8)"
                    ),
                ));
            }
            recs.push(i);
        }
    }
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
    // The map's entries are the names' numbers, in first-seen order, keyed
    // by their fingerprints: phf's generator runs once, in phf_codegen.
    let mut map = phf_codegen::Map::<NameKey>::new();
    for (g, &fp) in keys.iter().enumerate() {
        map.entry(
            NameKey {
                fp,
                id: to_u16(g, "service names")?,
            },
            "()",
        );
    }
    let map = map.build().to_string();
    e.map(
        "The service names: fingerprint (from `FP_SEED`) to the name's number.",
        ("NAME_MAP", "phf::Map<NameId, ()>"),
        &map,
        ("(NameId, ())", 2),
        keys.len(),
    );
    let (mut starts, mut lens) = (Vec::new(), Vec::new());
    for (g, (spelling, recs)) in groups.iter().enumerate() {
        // Spelling g is string g + 1: the first strings of the pool.
        let id = pool.id(spelling);
        debug_assert_eq!(id as usize, g + 1);
        let (start, len) = runs
            .run(recs)
            .map_err(|e| format!("service name {spelling:?}: {e}"))?;
        starts.push(start);
        lens.push(to_u8(len.into(), "records of one name")?);
    }
    e.array(
        "The first record of each name: a position in `V`.",
        "NAME_START",
        &starts,
    );
    e.array("The number of records of each name.", "NAME_LEN", &lens);
    Ok(())
}
