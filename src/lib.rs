//! IANA's Service Name and Transport Protocol Port Number Registry
//! (RFC 6335), compiled into your program.
//!
//! Every record of the registry is here: all four transports, port ranges,
//! every name on a port in registry order, service-name-only registrations,
//! Reserved and Unassigned rows, and the metadata (description, people,
//! dates, references, notes). Lookups allocate nothing, need no file and no
//! network, are thread-safe, compare names case-insensitively and work in
//! `#![no_std]` programs.
//!
//! ```
//! use iana_ports::{by_name, by_port, port, service_name, Protocol};
//!
//! assert_eq!(service_name(443, Protocol::Tcp), Some("https"));
//! assert_eq!(port("SSH", Protocol::Tcp), Some(22));
//!
//! // Every name on a port, in registry order; ranges included.
//! let names: Vec<_> = by_port(80, Protocol::Tcp).filter_map(|r| r.name()).collect();
//! assert_eq!(names, ["http", "www", "www-http"]);
//! assert_eq!(by_port(6003, Protocol::Tcp).next().unwrap().name(), Some("x11"));
//!
//! // Every record with a name, port-less registrations included.
//! assert_eq!(by_name("ssh").count(), 4);
//! ```
//!
//! # A quick tour
//!
//! - [`by_port`] and [`by_name`]: every matching [`Record`], in registry
//!   order, as a named iterator over static data.
//! - [`service_name`] and [`port`](fn@port): the one answer most programs want.
//! - [`Query`]: parses what users type (`443`, `443/tcp`, `https`,
//!   `HTTPS/udp`, `9pfs`).
//! - [`port!`], [`port_const`] and [`service_name_const`]: the same answers
//!   in `const` context, at compile time.
//! - [`records`]: the whole registry; [`write_services`]: `/etc/services`.
//!
//! # Compared with `getservbyname`
//!
//! `getservbyname`/`getservbyport` read the host's `/etc/services` (a few
//! hundred lines on Debian, often none in containers) on every call, compare
//! names case-sensitively, return one name per port, know nothing of ranges,
//! sctp/dccp coverage or status, and use a static buffer that is not
//! thread-safe. This crate has every record of IANA's registry, answers in
//! nanoseconds without I/O, and is the same on every host.
//!
//! # When not to use it
//!
//! When your program must follow the host's own `/etc/services` (local
//! additions, an administrator's overrides), call the host's resolver. When
//! you need today's registry without rebuilding, fetch IANA's file at run
//! time: this crate's data is fixed when it is compiled.
//!
//! # The data
//!
//! The registry is parsed from IANA's XML at build time. The crate ships the
//! registry as of [`REGISTRY_UPDATED`] (IANA's CSV export of 2024-06-12,
//! converted to IANA's XML schema; it lacks people's names and footnote
//! texts); to build with a newer one, point the environment variable
//! `IANA_PORTS_REGISTRY` at IANA's `service-names-port-numbers.xml` (an
//! absolute path). That changes the data, never the API. A malformed file
//! fails the build with the file, line, column and problem.
//!
//! # Features
//!
//! - `std` (default): what needs the standard library:
//!   [`write_services_io`], `/etc/services` to any `std::io::Write`.
//!   (The error types implement `core::error::Error`, which is
//!   `std::error::Error`, with or without it.)
//! - `metadata` (default): descriptions, people, dates, references, service
//!   codes, unauthorized use and notes (`Record::description` and the
//!   methods beside it, `Person`, `Reference`). Without it the crate keeps
//!   names, ports, protocols and status, in less than half the size.
//! - `serde`: `Serialize` for the data types, `Deserialize` for [`Protocol`]
//!   (from a borrowed string, any case, no allocation).
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

#[cfg(feature = "std")]
extern crate std;

mod consts;
mod fingerprint;
#[cfg(feature = "metadata")]
mod metadata;
mod protocol;
mod query;
mod record;
#[cfg(feature = "metadata")]
mod search;
#[cfg(feature = "serde")]
mod serde_impl;
mod services;
mod suggest;
mod tables;
mod types;

pub use consts::{__PortSpec, __port_spec, port_const, service_name_const};
#[cfg(feature = "metadata")]
pub use metadata::{Person, Persons, Reference, References, Strs};
pub use protocol::{ParseProtocolError, Protocol};
pub use query::{Matches, ParseQueryError, Query};
pub use record::{AllRecords, Record, Records};
#[cfg(feature = "metadata")]
pub use search::{search, Search};
#[cfg(feature = "std")]
pub use services::write_services_io;
pub use services::{write_services, Names, Ranges, ServicesOptions};
pub use suggest::suggest;
pub use types::{Date, PortClass, PortRange, Status};

/// The date of the registry the crate was built from (its `<updated>`).
///
/// ```
/// println!("IANA registry of {}", iana_ports::REGISTRY_UPDATED);
/// ```
pub const REGISTRY_UPDATED: Date = match Date::unpack(tables::UPDATED) {
    Some(d) => d,
    None => panic!("the build script always writes a date"),
};

/// The number of records in the registry.
///
/// ```
/// assert_eq!(iana_ports::records().count(), iana_ports::RECORD_COUNT);
/// ```
pub const RECORD_COUNT: usize = tables::RECORD_COUNT;

/// Bytes of the always-present tables (names, ports, protocols, status),
/// for the size test and the benchmarks; not part of the API.
#[doc(hidden)]
pub const __CORE_TABLE_BYTES: usize = tables::CORE_BYTES;

/// Bytes of the metadata tables, for the size test and the benchmarks; not
/// part of the API.
#[doc(hidden)]
#[cfg(feature = "metadata")]
pub const __META_TABLE_BYTES: usize = tables::META_BYTES;

/// Every record whose port range contains `port` and whose protocol is
/// `protocol` or absent, in registry order. Empty when the registry says
/// nothing about the port (ports above 49151, mostly).
///
/// ```
/// use iana_ports::{by_port, Protocol};
///
/// let vrml = by_port(4250, Protocol::Udp).next().unwrap();
/// assert_eq!(vrml.name(), Some("vrml-multi-use"));
/// assert_eq!(by_port(60000, Protocol::Tcp).len(), 0);
/// ```
#[inline]
pub fn by_port(port: u16, protocol: Protocol) -> Records {
    let (run, count) = tables::port_run(port, protocol.code());
    Records::counted(run, protocol.code(), count)
}

/// Every record with the service name `name`, compared ASCII
/// case-insensitively (RFC 6335, section 5.1), in registry order, port-less
/// registrations included. Any input is fine: what is not a name gives an
/// empty result.
///
/// ```
/// use iana_ports::by_name;
///
/// let ssh: Vec<_> = by_name("SSH").map(|r| (r.ports().map(|p| p.start()), r.protocol())).collect();
/// assert_eq!(ssh.len(), 4); // 22 tcp, udp, sctp and the port-less tcp registration
/// assert_eq!(by_name("no such service").len(), 0);
/// ```
#[inline]
pub fn by_name(name: &str) -> Records {
    Records::all(tables::name_run(name))
}

/// The primary name of `port` on `protocol`: the name of the first assigned
/// record, in registry order, among [`by_port`]'s.
///
/// ```
/// use iana_ports::{service_name, Protocol};
///
/// assert_eq!(service_name(80, Protocol::Tcp), Some("http"));
/// assert_eq!(service_name(6010, Protocol::Udp), Some("x11"));
/// assert_eq!(service_name(4196, Protocol::Tcp), None); // Unassigned
/// ```
pub fn service_name(port: u16, protocol: Protocol) -> Option<&'static str> {
    by_port(port, protocol).find_map(|r| r.name())
}

/// The first port of the first record named `name` (any case) whose
/// protocol is `protocol` or absent, in registry order.
///
/// ```
/// use iana_ports::{port, Protocol};
///
/// assert_eq!(port("https", Protocol::Udp), Some(443));
/// assert_eq!(port("http-alt", Protocol::Tcp), Some(591)); // also 8008 and 8080
/// assert_eq!(port("x11", Protocol::Tcp), Some(6000));
/// assert_eq!(port("ssh", Protocol::Dccp), None);
/// ```
pub fn port(name: &str, protocol: Protocol) -> Option<u16> {
    by_name(name)
        .filter(|r| r.applies_to(protocol))
        .find_map(|r| r.ports())
        .map(PortRange::start)
}

/// Every record, in registry order.
///
/// ```
/// use iana_ports::Protocol;
///
/// let sctp = iana_ports::records().filter(|r| r.protocol() == Some(Protocol::Sctp)).count();
/// assert!(sctp > 50);
/// ```
pub fn records() -> AllRecords {
    AllRecords {
        inner: 0..RECORD_COUNT,
    }
}

/// ASCII case-insensitive equality, usable in `const fn`.
pub(crate) const fn eq_ignore_case(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if !a[i].eq_ignore_ascii_case(&b[i]) {
            return false;
        }
        i += 1;
    }
    true
}
