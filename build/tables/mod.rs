//! The table families and the pools they share: [`generate`] writes the
//! core tables (`names.rs`, `records.rs`, `ports.rs`, then the pools) and,
//! on a second thread, the metadata tables (`metadata.rs`).
//!
//! Layout: all indices are small integers and all text lives in `&str`
//! blobs, so the tables hold no pointers and need no load-time relocations.
//! The bits, codes and date packing are `src/encoding.rs`. Core tables:
//! - `STR` + `STR_END`: the service names, each spelling once; string `i` is
//!   `STR[STR_END[i]..STR_END[i + 1]]`, string 0 is `""` (no name). String
//!   `g + 1` is the spelling of name `g`.
//! - `REC_*`: one column per record field, in registry order; the last port
//!   of the few ranges in `RANGE_HI`, beside their records in `RANGE_REC`.
//! - Lists of records are runs `(start, len)` of a virtual list `V`: the
//!   records `0..RECORD_COUNT` themselves, then `EXTRA`. A list of
//!   consecutive records (nearly all of them) costs no list at all.
//! - `NAME_MAP`: a `phf::Map<NameId, ()>` keyed by the 32-bit fingerprints
//!   of the names (`src/fingerprint.rs`, from `FP_SEED`, chosen so that no
//!   two names share one); each entry is `NameId(bits)`: a bit set when one
//!   of the name's records is in `PREFERRED`, the name's number
//!   `g` (`NAME_G_BITS`), the start of its run of `V` (`NAME_START_BITS`)
//!   and the run's length, packed in a `NameBits`, so that a lookup reads
//!   no other table once the spelling (string `g + 1`) confirms the hit.
//! - `PORT_BITS`/`PORT_RANK`/`SEG_*`: the port space cut into segments in
//!   which the records that apply (any protocol) do not change. A bit per
//!   port marks where a segment starts; the segment of `port` is
//!   `PORT_RANK[port / 64]` plus the marks up to `port` in its word, less
//!   one. Segment `s` has the records from `SEG_START[s]` of `V`; `SEG_INFO[s]`
//!   holds, in fields of `SEG_FIELD` bits, their number and then for tcp,
//!   udp, sctp and dccp the number that apply to it; then, from bit
//!   `SEG_MASK_SHIFT`, four bits saying for which protocols the primary
//!   name (what `service_name` gives) is the segment's common one, and from
//!   bit `SEG_NAME_SHIFT` that name (a string, 0 for none): `service_name`
//!   reads one entry and the name.
//! - `PREFERRED`: the records whose port `port()` gives for their name and
//!   protocol instead of the first in registry order (`build/preferred.rs`).
//!
//! Metadata tables (feature `metadata`): `META_*`, `REF_*`, `PERSON_*`,
//! `SC_*`, shared by records that carry the same metadata (tcp/udp twins
//! share one row), with their own string blob `META_STR`.
//!
//! Tables of `u8` are byte strings (`[u8; N] = *b"..."`). The core tables
//! of wider items are arrays, which `src/consts.rs` scans in `const fn`; the
//! metadata tables are their items' little-endian bytes (`LeArray`, read by
//! `src/generated.rs`), which rustc compiles faster (`build/emit.rs`,
//! `Wide`).
//!
//! Everything is emitted in input order or sorted order: two runs give the
//! same bytes.

use crate::model::emit::{Emitter, TableError, Wide, to_u16};
use crate::model::encoding::pack_date;
use crate::model::{Date, QuickMap, Registry};

mod metadata;
mod names;
mod ports;
mod records;

/// A date as the tables pack it (`src/encoding.rs`), 0 for none.
pub(crate) fn date(d: Option<Date>) -> u32 {
    d.map_or(0, |d| pack_date(d.year, d.month, d.day.unwrap_or(0)))
}

/// The core tables and, when `metadata` is set, the metadata tables: the
/// text of two Rust files.
pub fn generate(reg: &Registry, metadata: bool) -> Result<(String, Option<String>), TableError> {
    let n = reg.records.len();
    if n > usize::from(u16::MAX) {
        return Err(
            format!("{n} records: the tables index records with u16 (at most 65,535)").into(),
        );
    }
    let mut e = Emitter::new(Wide::Arrays);
    let updated = reg.updated.ok_or("the registry has no <updated> date")?;
    e.constant(
        "The registry's `<updated>` date, packed.",
        "UPDATED",
        "u32",
        date(Some(updated)),
    );
    e.constant("The number of records.", "RECORD_COUNT", "usize", n);

    // The metadata tables need nothing from the core ones: build them on a
    // second thread (the script runs unoptimized; this halves its time on
    // two cores).
    std::thread::scope(|scope| {
        let meta = metadata.then(|| scope.spawn(|| meta_tables(reg)));
        core_tables(&mut e, reg)?;
        let meta = match meta {
            Some(thread) => Some(
                thread
                    .join()
                    .map_err(|_| "the metadata thread panicked")??,
            ),
            None => None,
        };
        Ok((e.out, meta))
    })
}

fn core_tables(e: &mut Emitter, reg: &Registry) -> Result<(), TableError> {
    let mut names_pool = Strings::with_capacity(reg.records.len());
    let mut runs = Runs {
        records: reg.records.len(),
        extra: Vec::new(),
    };
    // The ports users expect where a name has several (build/preferred.rs).
    let preferred = crate::model::preferred::records(reg, crate::model::preferred::PREFERRED)?;
    names::names(e, reg, &mut names_pool, &mut runs, &preferred)?;
    let rec_names = records::records(e, reg, &mut names_pool)?;
    ports::ports(e, reg, &mut runs, &rec_names)?;
    runs.emit(e);
    names_pool.emit(e, "", "", "service names")?;
    e.array(
        "Records whose port `port()` gives for their name and protocol (`build/preferred.rs`).",
        "PREFERRED",
        &preferred,
    );
    e.byte_count("The bytes of the core tables.", "CORE_BYTES")?;
    Ok(())
}

fn meta_tables(reg: &Registry) -> Result<String, TableError> {
    let mut e = Emitter::new(Wide::Bytes);
    let people = metadata::people(reg);
    let mut pool = Strings::with_capacity(2 * reg.records.len());
    metadata::metadata(&mut e, reg, &people, &mut pool)?;
    pool.emit(&mut e, "META_", "Meta", "metadata text")?;
    e.byte_count("The bytes of the metadata tables.", "META_BYTES")?;
    Ok(e.out)
}

/// Every distinct string once, in first-use order.
/// The strings are borrowed from the registry: one hash per lookup, no copy.
pub(crate) struct Strings<'a> {
    ids: QuickMap<&'a str, u32>,
    blob: String,
    /// `u64`: `emit` refuses a blob past `u32::MAX` rather than wrap.
    ends: Vec<u64>,
}

impl<'a> Strings<'a> {
    /// Room for about `n` strings: growing the map costs more than the
    /// lookups in the unoptimized build script.
    fn with_capacity(n: usize) -> Strings<'a> {
        Strings {
            ids: QuickMap::with_capacity_and_hasher(n, Default::default()),
            blob: String::with_capacity(16 * n),
            ends: Vec::with_capacity(n),
        }
    }

    pub(crate) fn id(&mut self, s: &'a str) -> u32 {
        if s.is_empty() {
            return 0;
        }
        match self.ids.entry(s) {
            std::collections::hash_map::Entry::Occupied(e) => *e.get(),
            std::collections::hash_map::Entry::Vacant(e) => {
                self.blob.push_str(s);
                self.ends.push(self.blob.len() as u64);
                // Each string has a byte at least: past u32::MAX strings, the
                // blob is past u32::MAX bytes too, which `emit` refuses.
                *e.insert(self.ends.len() as u32)
            }
        }
    }

    pub(crate) fn opt(&mut self, s: Option<&'a str>) -> u32 {
        self.id(s.unwrap_or(""))
    }

    /// `{prefix}STR`, `{prefix}STR_END` and the index types
    /// `{ty_prefix}StrIx` and `{ty_prefix}StrEnd`.
    fn emit(
        &self,
        e: &mut Emitter,
        prefix: &str,
        ty_prefix: &str,
        what: &str,
    ) -> Result<(), String> {
        if u32::try_from(self.blob.len()).is_err() {
            return Err(format!(
                "{} bytes of {prefix}STR text: at most 4 GiB fit u32 offsets",
                self.blob.len()
            ));
        }
        let ty = if self.ends.len() < usize::from(u16::MAX) {
            "u16"
        } else {
            "u32"
        };
        e.alias(
            &format!("The index of a string of `{prefix}STR` ({what})."),
            &format!("{ty_prefix}StrIx"),
            ty,
        )?;
        e.str_blob(
            &format!("The {what}, each once; string `i` is `{prefix}STR[{prefix}STR_END[i]..{prefix}STR_END[i + 1]]`."),
            &format!("{prefix}STR"),
            &self.blob,
        );
        let mut ends = vec![0u64, 0];
        ends.extend(&self.ends);
        let end_ty = if self.blob.len() <= usize::from(u16::MAX) {
            "u16"
        } else {
            "u32"
        };
        e.alias(
            &format!("An offset in `{prefix}STR`."),
            &format!("{ty_prefix}StrEnd"),
            end_ty,
        )?;
        e.array_as(
            &format!("Where each string of `{prefix}STR` ends; string 0 is `\"\"`."),
            &format!("{prefix}STR_END"),
            &format!("{ty_prefix}StrEnd"),
            &ends,
        )
    }
}

/// Lists of records as runs of the virtual list `V`: records `0..N` in
/// registry order, then `EXTRA`. A list of consecutive records (most are) is
/// a run of the records themselves; any other list is copied to `EXTRA`.
pub(crate) struct Runs {
    records: usize,
    extra: Vec<u16>,
}

impl Runs {
    /// `(start, len)` in `V` of `list` (ascending record indices); its
    /// end, `start + len`, is a `u16` too. The callers bound `len`.
    pub(crate) fn run(&mut self, list: &[usize]) -> Result<(u16, u16), String> {
        let consecutive = list.windows(2).all(|w| w[1] == w[0] + 1);
        let start = match list.first() {
            None => 0,
            Some(&first) if consecutive => first,
            Some(_) => self.records + self.extra.len(),
        };
        // Checked before `EXTRA` grows: it stays below 65,536 entries.
        let end = to_u16(
            start + list.len(),
            "the end of a list of records in RECORD_COUNT + EXTRA",
        )?;
        if !consecutive {
            for &i in list {
                self.extra.push(to_u16(i, "record index")?);
            }
        }
        let len = to_u16(list.len(), "records in one list")?;
        Ok((end - len, len))
    }

    fn emit(&self, e: &mut Emitter) {
        e.array(
            "Records of lists that are not runs of consecutive records (`V` past `RECORD_COUNT`).",
            "EXTRA",
            &self.extra,
        );
    }
}
