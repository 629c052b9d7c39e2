//! The record columns: `REC_NAME`, `REC_LO`, `REC_KIND` (bits in
//! `src/encoding.rs`) and the last ports of ranges, `RANGE_REC`/`RANGE_HI`.

use super::Strings;
use crate::model::emit::{Emitter, to_u16};
use crate::model::encoding::{
    HAS_PORT, PROTO_ANY, PROTO_DCCP, PROTO_SCTP, PROTO_TCP, PROTO_UDP, RANGE, STATUS_ASSIGNED,
    STATUS_RESERVED, STATUS_SHIFT, STATUS_UNASSIGNED,
};
use crate::model::{Protocol, Record, Registry, Status};

/// The protocol code of `p` (`PROTO_ANY` for none).
pub(crate) fn proto_code(p: Option<Protocol>) -> u8 {
    match p {
        None => PROTO_ANY,
        Some(Protocol::Tcp) => PROTO_TCP,
        Some(Protocol::Udp) => PROTO_UDP,
        Some(Protocol::Sctp) => PROTO_SCTP,
        Some(Protocol::Dccp) => PROTO_DCCP,
    }
}

/// The `REC_KIND` byte of `r`.
fn kind(r: &Record) -> u8 {
    let status = match r.status() {
        Status::Assigned => STATUS_ASSIGNED,
        Status::Reserved => STATUS_RESERVED,
        Status::Unassigned => STATUS_UNASSIGNED,
    };
    let mut kind = proto_code(r.protocol) | status << STATUS_SHIFT;
    if let Some((lo, hi)) = r.ports {
        kind |= HAS_PORT;
        if lo != hi {
            kind |= RANGE;
        }
    }
    kind
}

/// The record columns; returns each record's name (a string of the pool, 0
/// for none), which the port tables use too.
pub(crate) fn records<'a>(
    e: &mut Emitter,
    reg: &'a Registry,
    strings: &mut Strings<'a>,
) -> Result<Vec<u32>, String> {
    let recs = &reg.records;
    // Twins share a name: the record before's id, without a lookup.
    let mut last: Option<(&str, u32)> = None;
    let mut names = Vec::with_capacity(recs.len());
    for r in recs {
        let name = r.name.as_deref().unwrap_or("");
        let id = match last {
            Some((n, id)) if n == name => id,
            _ => strings.id(name),
        };
        last = Some((name, id));
        names.push(id);
    }
    e.array_as(
        "Each record's name: a string of `STR`, 0 for none.",
        "REC_NAME",
        "StrIx",
        &names,
    )?;
    let lo: Vec<u16> = recs.iter().map(|r| r.ports.map_or(0, |p| p.0)).collect();
    e.array(
        "Each record's first port (0 when it has none).",
        "REC_LO",
        &lo,
    );
    let kinds: Vec<u8> = recs.iter().map(kind).collect();
    e.array(
        "Each record's protocol, status and port bits (`src/encoding.rs`).",
        "REC_KIND",
        &kinds,
    );
    // Few records are ranges: their last ports live apart, keyed by record.
    let (mut range_rec, mut range_hi) = (Vec::new(), Vec::new());
    for (i, r) in recs.iter().enumerate() {
        if let Some((_, hi)) = r.ports.filter(|p| p.0 != p.1) {
            range_rec.push(to_u16(i, "record index")?);
            range_hi.push(hi);
        }
    }
    e.array(
        "The records whose ports are a range, ascending.",
        "RANGE_REC",
        &range_rec,
    );
    e.array(
        "The last port of each range of `RANGE_REC`.",
        "RANGE_HI",
        &range_hi,
    );
    Ok(names)
}
