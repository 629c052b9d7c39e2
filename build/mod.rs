//! The build's model of IANA's `service-names-port-numbers` XML (the plain
//! Rust types below) and its pipeline: [`parse`] reads a file into a
//! [`Registry`], [`tables::generate`] emits the static tables from it.
//!
//! Shared: `build.rs`, the tests, `xtask` and the fuzz targets all include
//! this directory the same way, `#[path = ".../build/mod.rs"] mod model;`
//! at their crate root (paths inside use `crate::model`). It depends on
//! `std`, `quick-xml`, `phf_codegen` and `phf_shared` only.
//!
//! - `parse/`: the quick-xml reader (`mod.rs`), the elements of a record
//!   and of `<people>` (`elements.rs`), mixed-content rendering
//!   (`render.rs`) and byte-level text helpers (`text.rs`).
//! - `emit.rs`: the typed emitter that writes and records each table.
//! - `tables/`: one file per table family (names, records, ports, metadata).
//! - `preferred.rs`: the ports users expect where a name has several.
//! - `fingerprint` and `encoding` are `src/` files, included here so that
//!   the build and the library share one definition.
#![allow(dead_code)] // each includer uses part of the pipeline

use std::collections::HashSet;
use std::fmt;

pub mod emit;
#[path = "../src/encoding.rs"]
pub mod encoding;
#[path = "../src/fingerprint.rs"]
pub mod fingerprint;
pub mod parse;
pub mod preferred;
pub mod tables;

#[allow(unused_imports)] // each includer uses some of them
pub use parse::{collapse, decode, parse, parse_bytes, parse_ports};

/// A transport protocol, in the registry's spelling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Protocol {
    Tcp,
    Udp,
    Sctp,
    Dccp,
}

impl Protocol {
    pub const ALL: [Protocol; 4] = [Protocol::Tcp, Protocol::Udp, Protocol::Sctp, Protocol::Dccp];

    fn parse(s: &str) -> Option<Protocol> {
        let mut i = 0;
        while i < Protocol::ALL.len() {
            if Protocol::ALL[i].as_str().eq_ignore_ascii_case(s) {
                return Some(Protocol::ALL[i]);
            }
            i += 1;
        }
        None
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Protocol::Tcp => "tcp",
            Protocol::Udp => "udp",
            Protocol::Sctp => "sctp",
            Protocol::Dccp => "dccp",
        }
    }
}

/// `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: Option<u8>,
}

impl Date {
    pub fn parse(s: &str) -> Option<Date> {
        // `YYYY-MM` (7 bytes) or `YYYY-MM-DD` (10), digits ASCII: checked
        // before `str::parse`, which would take a sign.
        let b = s.as_bytes();
        let has_day = match b.len() {
            7 => false,
            10 if b[7] == b'-' => true,
            _ => return None,
        };
        if b[4] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u16> {
            let all = b[r.clone()].iter().all(u8::is_ascii_digit);
            if all { s[r].parse().ok() } else { None }
        };
        let year = num(0..4)?;
        let month = num(5..7)? as u8;
        if !(1..=12).contains(&month) {
            return None;
        }
        let day = if has_day {
            let d = num(8..10)? as u8;
            if d == 0 || d > days_in_month(year, month) {
                return None;
            }
            Some(d)
        } else {
            None
        };
        Some(Date { year, month, day })
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)?;
        match self.day {
            Some(d) => write!(f, "-{d:02}"),
            None => Ok(()),
        }
    }
}

/// The kind of a record's `<xref>` other than `person`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RefKind {
    Rfc,
    Uri,
    Draft,
    Text,
    Note,
}

/// A reference: `data` is the attribute (`rfc6335`, a URI, a draft name,
/// a footnote anchor; empty for text), `text` the element's body, rendered.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Reference {
    pub kind: RefKind,
    pub data: String,
    pub text: String,
}

/// One `<record>`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Record {
    /// 1-based line of the `<record>` tag.
    pub line: usize,
    /// 1-based column (in characters) of the `<record>` tag.
    pub column: usize,
    /// `None` when absent or empty (`<name/>`).
    pub name: Option<String>,
    pub protocol: Option<Protocol>,
    /// Inclusive range; a single port is `(p, p)`.
    pub ports: Option<(u16, u16)>,
    /// Rendered text (see [`Render`] for the rules).
    pub description: String,
    /// Person id in `<assignee>`.
    pub assignee: Option<String>,
    /// Person ids of the record's own person xrefs, in order.
    pub contacts: Vec<String>,
    pub references: Vec<Reference>,
    pub date: Option<Date>,
    pub updated: Option<Date>,
    pub service_code: Option<u32>,
    pub unauthorized: Option<String>,
    pub note: Option<String>,
}

impl Record {
    /// Assigned when the record has a name; otherwise Unassigned when the
    /// description starts with "unassigned" (any case, an opening parenthesis
    /// allowed), else Reserved.
    pub fn status(&self) -> Status {
        if self.name.is_some() {
            return Status::Assigned;
        }
        let d = self.description.trim_start_matches('(');
        let unassigned = d
            .get(..10)
            .is_some_and(|p| p.eq_ignore_ascii_case("unassigned"));
        if unassigned {
            Status::Unassigned
        } else {
            Status::Reserved
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Assigned,
    Reserved,
    Unassigned,
}

/// One `<person>` of `<people>`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Person {
    pub id: String,
    pub name: Option<String>,
    pub org: Option<String>,
    /// Addresses in file order (a few people have two).
    pub uris: Vec<String>,
    pub updated: Option<Date>,
}

/// The whole file.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Registry {
    pub updated: Option<Date>,
    pub records: Vec<Record>,
    /// `None` when the file has no `<people>` section.
    pub people: Option<Vec<Person>>,
    /// `<footnote anchor="..">text</footnote>`, in file order.
    pub footnotes: Vec<(String, String)>,
}

/// A located problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// 1-based ordinal of the record the problem is in.
    pub record: Option<usize>,
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.file, self.line, self.column)?;
        if let Some(r) = self.record {
            write!(f, "record {r}: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// The build's own maps and sets (the parser's and `tables/`), keyed
/// by text from the registry file, which may be hostile: std's SipHash-1-3
/// under a random key per run (`RandomState`), so that no file can be made
/// of colliding keys that turn each lookup into a linear scan. The tables
/// stay the same from run to run: no map is ever iterated, every output
/// order comes from a `Vec` in file or sorted order.
pub type QuickMap<K, V> = std::collections::HashMap<K, V, std::hash::RandomState>;
pub type QuickSet<T> = HashSet<T, std::hash::RandomState>;
