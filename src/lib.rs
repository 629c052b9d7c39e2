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
//! - [`ports`]: every port (or range) of a name, in registry order.
//! - [`Query`]: parses what users type (`443`, `443/tcp`, `https`,
//!   `HTTPS/udp`, `9pfs`).
//! - [`port!`], [`port_const`] and [`service_name_const`]: the same answers
//!   in `const` context, at compile time; names come as [`ServiceName`], by
//!   value, so constants cost the program only their bytes.
//! - [`records`]: the whole registry; [`write_services`]: `/etc/services`.
//! - [`parse_port`]: `"443"` or `"https"` to a port in one call;
//!   [`suggest`]: "did you mean `postgresql`?" for a mistyped name.
//! - `ServiceAddr` (feature `std`): `"127.0.0.1:ssh"` and `"[::1]:https"`
//!   for `TcpStream::connect` and `TcpListener::bind`.
//! - `search` (feature `metadata`): "which port does Redis use?", over
//!   names and descriptions.
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
//! The registry is parsed from IANA's XML at build time. The crate ships
//! IANA's own `service-names-port-numbers.xml`, byte for byte, as its
//! `registry.xml`; the registry of
//! 2026-08-17, 14,533 records, sha256 4bbf00ef4dd194ea3098d090b42a832c0f8aef704699956a4a7e24576a49631b
//! ([`REGISTRY_UPDATED`] and [`RECORD_COUNT`] tell what a build holds).
//! IANA publishes the current file at
//! <https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xml>;
//! to build with another one, point the environment variable
//! `IANA_PORTS_REGISTRY` at it (an absolute path). That changes the data,
//! never the API. A malformed file fails the build with the file, line,
//! column and problem.
//!
//! # Features
//!
//! - `std` (default): what needs the standard library: [`ServiceAddr`],
//!   `host:service` addresses (`"[::1]:https"`) that `std::net`'s connect
//!   and bind take, and [`write_services_io`], `/etc/services` to any
//!   `std::io::Write`. The error types implement `core::error::Error`
//!   (`std::error::Error`) with or without it.
//! - `metadata` (default): descriptions, people, dates, references, service
//!   codes, unauthorized use and notes (`Record::description` and the
//!   methods beside it, `Person`, `Reference`). Without it the crate keeps
//!   names, ports, protocols and status, in less than half the size.
//! - `serde`: `Serialize` for the data types, `Deserialize` for [`Protocol`]
//!   (from a borrowed string, any case, no allocation) and for [`Query`] (a
//!   config file's `listen = "https"`).
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

#[cfg(feature = "std")]
extern crate std;

#[cfg(feature = "std")]
mod addr;
mod consts;
mod encoding;
mod fingerprint;
mod generated;
mod iter;
#[cfg(feature = "metadata")]
mod metadata;
mod name;
mod port_arg;
mod ports;
mod protocol;
mod query;
mod record;
#[cfg(feature = "metadata")]
mod search;
#[cfg(feature = "serde")]
mod serde_impl;
#[cfg(feature = "serde")]
mod serde_query;
mod services;
mod suggest;
mod table_size;
mod types;

#[cfg(feature = "std")]
pub use addr::{ParseAddrError, ServiceAddr, SocketAddrs};
pub use consts::{port_const, service_name_const};
#[cfg(feature = "metadata")]
pub use metadata::{Contacts, Person, Reference, References, Uris};
pub use name::ServiceName;
pub use port_arg::parse_port;
pub use ports::{Ports, ports};
pub use protocol::{ParseProtocolError, Protocol};
pub use query::{ParseQueryError, Query};
pub use record::{Record, Records};
#[cfg(feature = "metadata")]
pub use search::{Search, search};
#[cfg(feature = "std")]
pub use services::write_services_io;
pub use services::{Names, Ranges, ServicesOptions, write_services};
pub use suggest::suggest;
pub use types::{Date, PortClass, PortRange, Status};

/// The date of the registry the crate was built from (its `<updated>`).
///
/// ```
/// println!("IANA registry of {}", iana_ports::REGISTRY_UPDATED);
/// ```
pub const REGISTRY_UPDATED: Date = match Date::unpack(generated::UPDATED) {
    Some(d) => d,
    None => panic!("the build script always writes a date"),
};

/// The number of records in the registry.
///
/// ```
/// assert_eq!(iana_ports::records().count(), iana_ports::RECORD_COUNT);
/// ```
pub const RECORD_COUNT: usize = generated::RECORD_COUNT;

/// What [`port!`] expands to. Not public API: it may change in any
/// release.
#[doc(hidden)]
pub mod __private {
    pub use crate::consts::{PortSpec, port_spec};
}

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
    let (run, count) = generated::port_run(port, protocol.code());
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
    Records::all(generated::name_run(name))
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
#[inline]
pub fn service_name(port: u16, protocol: Protocol) -> Option<&'static str> {
    // Most (port, protocol) pairs: one table entry gives the name.
    match generated::primary_name(port, protocol.code()) {
        Some(name) => generated::opt_string(name),
        None => by_port(port, protocol).find_map(|r| r.name()),
    }
}

/// The port of `name` (any case) on `protocol`: the first in registry
/// order, except where `/etc/services` lists another of the name's ports.
///
/// Most names have one port per protocol. IANA registers a few on several
/// (about 60 (name, protocol) pairs); for those this is the port that the
/// de facto service database, Debian's netbase `/etc/services` (read by
/// glibc's `getservbyname`, Python and Go), lists where it lists the name,
/// so that `host:http-alt` means the same port here as in every other
/// program: `http-alt` on tcp is 8080, not 591 (on udp, which netbase does
/// not list, it stays 591). The exceptions are one small table,
/// `build/preferred.rs`, with the reason for each; the build checks it
/// against the registry. Otherwise the answer is the first port of the
/// first record named `name` whose protocol is `protocol` or absent, in
/// registry order. [`ports`] gives every port.
///
/// ```
/// use iana_ports::{port, Protocol};
///
/// assert_eq!(port("https", Protocol::Udp), Some(443));
/// assert_eq!(port("http-alt", Protocol::Tcp), Some(8080)); // IANA: 591, 8008, 8080
/// assert_eq!(port("mon", Protocol::Tcp), Some(2583)); // IANA: 2583, 9255
/// assert_eq!(port("x11", Protocol::Tcp), Some(6000)); // 6000-6063
/// assert_eq!(port("ssh", Protocol::Dccp), None);
/// ```
pub fn port(name: &str, protocol: Protocol) -> Option<u16> {
    ports::port(name, protocol)
}

/// Every record, in registry order.
///
/// ```
/// use iana_ports::Protocol;
///
/// let sctp = iana_ports::records().filter(|r| r.protocol() == Some(Protocol::Sctp)).count();
/// assert!(sctp > 50);
/// ```
pub fn records() -> Records {
    // The first `RECORD_COUNT` entries of the runs' list are the records.
    const COUNT: u16 = {
        assert!(
            RECORD_COUNT <= u16::MAX as usize,
            "records are numbered in u16"
        );
        RECORD_COUNT as u16
    };
    Records::all(0..COUNT)
}
