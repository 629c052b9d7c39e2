//! The port tables: the port space cut into segments of unchanging
//! records, `PORT_BITS`/`PORT_RANK` to find a port's segment and
//! `SEG_START`/`SEG_INFO` for its records, their counts per protocol and
//! the primary name they give.

use super::Runs;
use super::records::proto_code;
use crate::model::Registry;
use crate::model::emit::{Emitter, TableError, to_u16};
use crate::model::encoding::{PROTO_ANY, PROTO_TCP};

/// Most records that may apply to one port: `SEG_INFO` holds five counts
/// of `SEG_FIELD` bits in at most 32 bits, so 6 bits, 63 records.
const MAX_PER_PORT: usize = 63;
/// Most segments: `PORT_RANK` counts them in `u16`.
const MAX_SEGMENTS: usize = u16::MAX as usize;

/// The port tables; `names` holds each record's name (a string of the
/// pool, 0 for none).
pub(crate) fn ports(
    e: &mut Emitter,
    reg: &Registry,
    runs: &mut Runs,
    names: &[u32],
) -> Result<(), TableError> {
    let segs = segments(reg, runs, names)?;
    // Per segment, its run's length and, for each protocol, how many of its
    // records apply to that protocol (have it or none), in fields of
    // SEG_FIELD bits: `by_port` knows its count without reading the records.
    let longest = segs.iter().map(|s| s.len).max().unwrap_or(0);
    let field = (u16::BITS - longest.leading_zeros()).max(1);
    // Then a mask of the protocols whose primary name is the segment's
    // common one, and that name: `service_name` needs no record.
    let mask_shift = 5 * field;
    let name_shift = mask_shift + 4;
    let widest_name = names.iter().copied().max().unwrap_or(0);
    let name_bits = u32::BITS - widest_name.leading_zeros();
    let info_ty = match name_shift + name_bits {
        0..=16 => "u16",
        17..=32 => "u32",
        // 6-bit fields (`segments` stops at MAX_PER_PORT records on a
        // port), 4 mask bits and a string index of at most 32 bits.
        _ => "u64",
    };
    let (mut starts, mut infos) = (Vec::new(), Vec::new());
    for seg in &segs {
        let mut info = u64::from(seg.len);
        for (k, &on) in seg.on.iter().enumerate() {
            info |= u64::from(on) << (field * (k as u32 + 1));
        }
        // The common name: the one most protocols give, tcp's first on a
        // tie; 0 (none) only if no protocol gives a name.
        let p = seg.primary;
        let common = (0..4)
            .filter(|&k| p[k] != 0)
            .max_by_key(|&k| (p.iter().filter(|&&x| x == p[k]).count(), 4 - k))
            .map_or(0, |k| p[k]);
        for (k, &name) in p.iter().enumerate() {
            if name == common {
                info |= 1 << (mask_shift + k as u32);
            }
        }
        info |= u64::from(common) << name_shift;
        starts.push(seg.start);
        infos.push(info);
    }
    // One bit per port up to the last cut, set where a segment starts, and
    // per 64-port word the number of segments that start before it: the
    // segment of `port` is that count plus the set bits up to `port`, less
    // one. Past the last word every port is in the last segment.
    let words = (segs.last().map_or(0, |s| s.port) as usize >> 6) + 1;
    let mut bits = vec![0u64; words];
    for seg in &segs {
        bits[seg.port as usize >> 6] |= 1 << (seg.port & 63);
    }
    let mut rank = Vec::with_capacity(words);
    let mut before = 0;
    for w in &bits {
        rank.push(to_u16(before, "port segments")?);
        before += w.count_ones() as usize;
    }
    e.constant(
        "The last port segment: the one of every port past `PORT_BITS`.",
        "LAST_SEG",
        "usize",
        segs.len() - 1,
    );
    e.array(
        "One bit per port, set where a port segment starts.",
        "PORT_BITS",
        &bits,
    );
    e.array(
        "Per word of `PORT_BITS`, the segments that start before it.",
        "PORT_RANK",
        &rank,
    );
    e.constant(
        "The bits of each field of `SEG_INFO`.",
        "SEG_FIELD",
        "u32",
        field,
    );
    e.constant(
        "The first bit of `SEG_INFO`'s mask: bit `SEG_MASK_SHIFT + k` says the \
         primary name on protocol code `k + 1` is the segment's common name.",
        "SEG_MASK_SHIFT",
        "u32",
        mask_shift,
    );
    e.constant(
        "The first bit of `SEG_INFO`'s common name: a string of `STR`, 0 for none.",
        "SEG_NAME_SHIFT",
        "u32",
        name_shift,
    );
    e.alias(
        "An entry of `SEG_INFO`: five fields of `SEG_FIELD` bits, a mask, a name.",
        "SegInfo",
        info_ty,
    )?;
    e.array(
        "Each segment's first record: a position in `V`.",
        "SEG_START",
        &starts,
    );
    // Five fields of `field` bits fit the type chosen above; checked.
    e.array_as(
        "Each segment's record count, the counts that apply to tcp, udp, sctp and dccp, \
         the mask of protocols whose primary name is the common one, and that name.",
        "SEG_INFO",
        "SegInfo",
        &infos,
    )?;
    Ok(())
}

/// A stretch of ports on which the records that apply do not change.
struct Segment {
    /// Its first port.
    port: u32,
    /// Its records: a run of `V`.
    start: u16,
    len: u16,
    /// How many of them apply to tcp, udp, sctp and dccp (have it or none).
    on: [u16; 4],
    /// The name of the first named record among those, per protocol (a
    /// string of the pool, 0 for none): what `service_name` gives.
    primary: [u32; 4],
}

/// The port space cut where the set of records that apply (on any protocol)
/// changes, starting at port 0, adjacent equal sets merged; each set goes
/// to `runs` as soon as it is known. Work and memory are bounded by the
/// limits, which are checked as the sets grow: at most [`MAX_PER_PORT`]
/// records on a port (the record that passes it is at fault) and
/// [`MAX_SEGMENTS`] segments.
fn segments(reg: &Registry, runs: &mut Runs, names: &[u32]) -> Result<Vec<Segment>, TableError> {
    // The records that start and stop applying at each port, ascending: a
    // counting sort (sorting is slow in the unoptimized build script).
    let by_port = |edge: &dyn Fn(u32, u32) -> u32| -> (Vec<u32>, Vec<usize>) {
        let mut start = vec![0u32; (1 << 16) + 2];
        for &(lo, hi) in reg.records.iter().filter_map(|r| r.ports.as_ref()) {
            start[edge(lo.into(), hi.into()) as usize + 1] += 1;
        }
        for p in 1..start.len() {
            start[p] += start[p - 1];
        }
        let mut fill = start.clone();
        let mut items = vec![0; start[start.len() - 1] as usize];
        for (i, r) in reg.records.iter().enumerate() {
            if let Some((lo, hi)) = r.ports {
                let at = &mut fill[edge(lo.into(), hi.into()) as usize];
                items[*at as usize] = i;
                *at += 1;
            }
        }
        (start, items)
    };
    let (open_at, opens) = by_port(&|lo, _| lo);
    let (close_at, closes) = by_port(&|_, hi| hi + 1);
    let at = |start: &[u32], p: usize| start[p] as usize..start[p + 1] as usize;
    // The records that apply, ascending (registry order), and those of the
    // last segment: MAX_PER_PORT at most.
    let mut active: Vec<usize> = Vec::new();
    let mut last: Option<Vec<usize>> = None;
    let mut segs: Vec<Segment> = Vec::new();
    for port in 0..1usize << 16 {
        let (open, close) = (at(&open_at, port), at(&close_at, port));
        if port > 0 && open.is_empty() && close.is_empty() {
            continue;
        }
        for &i in &closes[close] {
            active.retain(|&a| a != i);
        }
        for &i in &opens[open] {
            if active.len() == MAX_PER_PORT {
                return Err(TableError::record(
                    reg,
                    i,
                    format!(
                        "port {port} has more than {MAX_PER_PORT} records \
                         (the most SEG_INFO can count)"
                    ),
                ));
            }
            let k = active.partition_point(|&a| a < i);
            active.insert(k, i);
        }
        if last.as_ref() == Some(&active) {
            continue;
        }
        if segs.len() == MAX_SEGMENTS {
            return Err(format!(
                "more than {MAX_SEGMENTS} port segments (stretches of ports with \
                 the same records; PORT_RANK counts them in u16)"
            )
            .into());
        }
        let (start, len) = runs.run(&active).map_err(|e| format!("port {port}: {e}"))?;
        let (mut on, mut primary) = ([0u16; 4], [0u32; 4]);
        for k in 0..4 {
            let code = PROTO_TCP + k as u8;
            let applies =
                |i: &&usize| [PROTO_ANY, code].contains(&proto_code(reg.records[**i].protocol));
            on[k] = to_u16(active.iter().filter(applies).count(), "records on one port")?;
            primary[k] = active
                .iter()
                .filter(applies)
                .map(|&i| names[i])
                .find(|&n| n != 0)
                .unwrap_or(0);
        }
        segs.push(Segment {
            port: port as u32,
            start,
            len,
            on,
            primary,
        });
        match &mut last {
            Some(v) => v.clone_from(&active),
            None => last = Some(active.clone()),
        }
    }
    Ok(segs)
}
