//! The encoding of the generated tables: every bit, code and packing that
//! `build.rs` writes and the library reads, defined once. The build
//! includes this file (`#[path = "../src/encoding.rs"]` in `build/mod.rs`).
//!
//! - `REC_KIND[i]`, one byte per record: bits 0-2 the protocol code
//!   ([`PROTO_MASK`]: 0 none, then [`PROTO_TCP`]..[`PROTO_DCCP`], the order of
//!   `Protocol::ALL` plus one), bit 3 [`HAS_PORT`], bits 4-5 the status code
//!   ([`STATUS_SHIFT`], [`STATUS_MASK`]), bit 6 [`RANGE`] (the ports are a
//!   range; its last port is in `RANGE_HI`).
//! - `REF_KIND[i]`: a reference's kind, [`REF_RFC`]..[`REF_NOTE`].
//! - Dates (`UPDATED`, `META_DATE`, `META_UPDATED`, `PERSON_UPDATED`): a
//!   `u32` `year << 16 | month << 8 | day` ([`pack_date`]), day 0 for a
//!   `YYYY-MM` date, 0 for no date at all.
#![allow(dead_code)] // each side uses the names it needs

/// `REC_KIND` bits 0-2: the protocol code.
pub(crate) const PROTO_MASK: u8 = 0b111;
/// Protocol code of a record without a protocol (it applies to all).
pub(crate) const PROTO_ANY: u8 = 0;
/// Protocol code of tcp.
pub(crate) const PROTO_TCP: u8 = 1;
/// Protocol code of udp.
pub(crate) const PROTO_UDP: u8 = 2;
/// Protocol code of sctp.
pub(crate) const PROTO_SCTP: u8 = 3;
/// Protocol code of dccp.
pub(crate) const PROTO_DCCP: u8 = 4;
/// `REC_KIND` bit 3: the record has a port (`REC_LO` is its first).
pub(crate) const HAS_PORT: u8 = 1 << 3;
/// `REC_KIND` bits 4-5 hold the status code, from this bit on.
pub(crate) const STATUS_SHIFT: u32 = 4;
/// The status code's bits, once shifted down.
pub(crate) const STATUS_MASK: u8 = 0b11;
/// Status code: a named record.
pub(crate) const STATUS_ASSIGNED: u8 = 0;
/// Status code: a nameless record that keeps its ports reserved.
pub(crate) const STATUS_RESERVED: u8 = 1;
/// Status code: a nameless record that marks its ports free.
pub(crate) const STATUS_UNASSIGNED: u8 = 2;
/// `REC_KIND` bit 6: the ports are a range (its last port is in `RANGE_HI`).
pub(crate) const RANGE: u8 = 1 << 6;

/// `REF_KIND` code of an RFC reference (data `rfcNNNN`).
pub(crate) const REF_RFC: u8 = 0;
/// `REF_KIND` code of a URI.
pub(crate) const REF_URI: u8 = 1;
/// `REF_KIND` code of an Internet-Draft.
pub(crate) const REF_DRAFT: u8 = 2;
/// `REF_KIND` code of plain text.
pub(crate) const REF_TEXT: u8 = 3;
/// `REF_KIND` code of a footnote reference (data: the anchor).
pub(crate) const REF_NOTE: u8 = 4;

/// A date as the tables hold it: `year << 16 | month << 8 | day`, day 0
/// when the date has none. 0 itself is "no date".
pub(crate) const fn pack_date(year: u16, month: u8, day: u8) -> u32 {
    (year as u32) << 16 | (month as u32) << 8 | day as u32
}

/// `(year, month, day)` of a [`pack_date`] value (day 0: none).
pub(crate) const fn unpack_date(v: u32) -> (u16, u8, u8) {
    ((v >> 16) as u16, (v >> 8) as u8, v as u8)
}
