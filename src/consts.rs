//! Lookups evaluated at compile time: [`port_const`], [`service_name_const`]
//! and the [`port!`](crate::port!) macro.
//!
//! They answer exactly like [`port()`](fn@crate::port) and
//! [`crate::service_name`], but by a linear scan of the record columns
//! instead of the runtime indexes (a phf map and a segment search, neither
//! of which is `const`). The scan stops at the answer, so a lookup costs the
//! compiler about 10 ms for a service early in the registry (`ssh`, `https`)
//! and up to about 150 ms for one near its end or for a miss; at runtime the
//! scan is far slower than the runtime functions, so call those there.

use crate::{Protocol, ServiceName};

// ---------------------------------------------------------------------------
// Table access: the only code in this module that knows the table layout
// (see build/tables/mod.rs). Keep it small, so that a new layout only means
// rewriting this section. The per-record reads are macros, not functions:
// const evaluation does not inline, and a call per record read made the
// scans about twice as slow, at compile time and in unoptimized builds
// alike.
// ---------------------------------------------------------------------------

/// The columns the scans read. A scan copies [`TABLES`] into a local once,
/// and the macros below read records through it.
#[derive(Clone, Copy)]
struct Tables {
    /// `REC_NAME`: each record's name as a string id, 0 when it has none.
    /// One id is one string: records with the same id have the same name.
    name: &'static [crate::generated::StrIx],
    lo: &'static [u16],
    /// `REC_KIND`: protocol code, "has ports" and "the ports are a range"
    /// (its last port: `generated::range_hi`), as `src/encoding.rs` has them.
    kind: &'static [u8],
    /// String `id` is `blob[str_end[id]..str_end[id + 1]]`.
    str_end: &'static [crate::generated::StrEnd],
    blob: &'static [u8],
}

const TABLES: Tables = Tables {
    name: &crate::generated::REC_NAME,
    lo: &crate::generated::REC_LO,
    kind: &crate::generated::REC_KIND,
    str_end: &crate::generated::STR_END,
    blob: crate::generated::STR.as_bytes(),
};

/// The number of records.
const COUNT: usize = crate::generated::RECORD_COUNT;

/// The records that hold the preferred port of their name on their protocol
/// (`build/preferred.rs`), ascending; each has a protocol and a port.
const PREFERRED: &[u16] = &crate::generated::PREFERRED;

/// The name of record `$i` of tables `$t` as a string id (`usize`), 0 when
/// it has none.
macro_rules! name_id {
    ($t:ident, $i:expr) => {
        $t.name[$i] as usize
    };
}

/// Whether record `$i`'s protocol is `$p` or absent (`Record::applies_to`).
/// Codes 1-4 are tcp, udp, sctp and dccp, `Protocol`'s order plus one (as
/// in `Protocol::from_code`); any other code applies to all.
macro_rules! applies_to {
    ($t:ident, $i:expr, $p:expr) => {{
        let code = $t.kind[$i] & crate::encoding::PROTO_MASK;
        !matches!(
            code,
            crate::encoding::PROTO_TCP..=crate::encoding::PROTO_DCCP
        ) || code as usize == $p as usize + crate::encoding::PROTO_TCP as usize
    }};
}

/// Whether record `$i` has ports and they include `$port`: its first port
/// is `$port`, or it is a range from below that reaches `$port`.
macro_rules! has_port {
    ($t:ident, $i:expr, $port:expr) => {{
        let (lo, kind) = ($t.lo[$i], $t.kind[$i]);
        kind & crate::encoding::HAS_PORT != 0
            && (lo == $port
                || (lo < $port
                    && kind & crate::encoding::RANGE != 0
                    && $port <= crate::generated::range_hi($i)))
    }};
}

/// The first port of record `$i`, `None` when it has none (`Record::ports`).
macro_rules! first_port {
    ($t:ident, $i:expr) => {{
        if $t.kind[$i] & crate::encoding::HAS_PORT == 0 {
            None
        } else {
            Some($t.lo[$i])
        }
    }};
}

/// The length of string `$id` in bytes (0 for id 0): the cheap first test
/// of a comparison.
macro_rules! len {
    ($t:ident, $id:expr) => {
        ($t.str_end[$id + 1] - $t.str_end[$id]) as usize
    };
}

/// Whether string `id` is not 0 (no name) and equals `name`, ASCII
/// case-insensitively, comparing in place (slicing costs far more in const
/// evaluation).
const fn name_is(t: Tables, id: usize, name: &[u8]) -> bool {
    let start = t.str_end[id] as usize;
    if id == 0 || len!(t, id) != name.len() {
        return false;
    }
    let mut k = 0;
    while k < name.len() {
        if !t.blob[start + k].eq_ignore_ascii_case(&name[k]) {
            return false;
        }
        k += 1;
    }
    true
}

/// String `id`, copied by value: the caller's constant holds the name's
/// bytes, not a reference into the blob of every name.
const fn name_of(t: Tables, id: usize) -> ServiceName {
    ServiceName::copy(t.blob, t.str_end[id] as usize, len!(t, id))
}
// ---------------------------------------------------------------------------

/// [`port()`](fn@crate::port) in `const` context: the first port in
/// registry order, except where `/etc/services` lists another of the name's
/// ports.
///
/// The same answer as [`port()`](fn@crate::port): where IANA registers a
/// name on several ports of one protocol and the de facto service database
/// lists another than the first, that one (`http-alt` on tcp has 591, 8008
/// and 8080, and gives 8080); otherwise the first port of the first record
/// named `name` (ASCII case-insensitively) whose protocol is `protocol` or
/// absent, in registry order.
///
/// Named `port_const` rather than made the body of
/// [`port()`](fn@crate::port): it scans the records (about 14,500) where
/// the runtime function hashes, so at runtime prefer that one. The
/// [`port!`](crate::port!) macro wraps this for the common case of a
/// literal.
///
/// ```
/// use iana_ports::{port_const, Protocol};
///
/// const SSH: u16 = match port_const("ssh", Protocol::Tcp) {
///     Some(p) => p,
///     None => panic!("ssh is in the registry"),
/// };
/// assert_eq!(SSH, 22);
/// const HTTP_ALT: Option<u16> = port_const("HTTP-ALT", Protocol::Tcp);
/// assert_eq!(HTTP_ALT, Some(8080)); // IANA: 591, 8008, 8080; /etc/services: 8080
/// assert_eq!(port_const("mon", Protocol::Tcp), Some(2583)); // IANA: 2583, 9255
/// assert_eq!(port_const("ssh", Protocol::Dccp), None);
/// assert_eq!(port_const("ssh", Protocol::Tcp), iana_ports::port("ssh", Protocol::Tcp));
/// ```
pub const fn port_const(name: &str, protocol: Protocol) -> Option<u16> {
    let name = name.as_bytes();
    let t = TABLES;
    // The exceptions first: a handful of records.
    let mut k = 0;
    while k < PREFERRED.len() {
        let i = PREFERRED[k] as usize;
        if applies_to!(t, i, protocol) && name_is(t, name_id!(t, i), name) {
            return first_port!(t, i);
        }
        k += 1;
    }
    // A name id known not to match (0, no name, never does): tcp and udp
    // twins share one, so half the comparisons go.
    let mut miss = 0;
    let mut i = 0;
    while i < COUNT {
        let id = name_id!(t, i);
        if id != miss {
            if len!(t, id) != name.len() || !name_is(t, id, name) {
                miss = id;
            } else if applies_to!(t, i, protocol) {
                if let Some(lo) = first_port!(t, i) {
                    return Some(lo);
                }
            }
        }
        i += 1;
    }
    None
}

/// [`crate::service_name`] in `const` context, by value: the name of the
/// first named record, in registry order, whose port range contains `port`
/// and whose protocol is `protocol` or absent.
///
/// The name comes as a [`ServiceName`], its bytes held inline (it derefs to
/// `str`), so that a constant costs the program the bytes of the name and
/// nothing else. A `&'static str` would point into the pool of every name
/// and keep all of it (63 KB) in the binary, flash of a microcontroller
/// included.
///
/// For a `&'static str` that costs no code either, finish in the constant:
/// `service_name_const(..).unwrap().as_str()` (a port without a name then
/// fails the build). The `str` then points at the constant's own copy of
/// the name, and the program holds those bytes only.
///
/// A scan of every record, like [`port_const`]: at runtime prefer
/// [`crate::service_name`].
///
/// ```
/// use iana_ports::{service_name_const, Protocol, ServiceName};
///
/// const MQTT: &str = service_name_const(1883, Protocol::Tcp).unwrap().as_str();
/// assert_eq!(MQTT, "mqtt");
/// const HTTPS: Option<ServiceName> = service_name_const(443, Protocol::Tcp);
/// assert_eq!(HTTPS.as_deref(), Some("https"));
/// assert_eq!(service_name_const(6010, Protocol::Udp).unwrap(), "x11"); // in 6000-6063
/// assert_eq!(service_name_const(4196, Protocol::Tcp), None); // Unassigned
/// ```
pub const fn service_name_const(port: u16, protocol: Protocol) -> Option<ServiceName> {
    let t = TABLES;
    let mut i = 0;
    while i < COUNT {
        if has_port!(t, i, port) && applies_to!(t, i, protocol) {
            let id = name_id!(t, i);
            if id != 0 {
                return Some(name_of(t, id));
            }
        }
        i += 1;
    }
    None
}

/// Whether any record, on any protocol, with or without a port, is named
/// `name` (ASCII case-insensitively).
const fn is_registered(name: &[u8]) -> bool {
    let t = TABLES;
    let mut i = 0;
    while i < COUNT {
        let id = name_id!(t, i);
        if len!(t, id) == name.len() && name_is(t, id, name) {
            return true;
        }
        i += 1;
    }
    false
}

/// The outcome of [`port_spec`]: a port, or why there is none. Not public
/// API: for [`port!`](crate::port!) only (as `__private::PortSpec`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PortSpec {
    /// The port.
    Port(u16),
    /// No `/` in the spec.
    NoProtocol,
    /// The text after the last `/` is not tcp, udp, sctp or dccp.
    BadProtocol,
    /// No record has the name.
    UnknownName,
    /// The name is registered, but has no port on the protocol.
    NotOnProtocol,
}

/// Parses `"name/protocol"` (split at the last `/`, since a few legacy names
/// contain one) and looks the port up. Not public API: for
/// [`port!`](crate::port!) only (as `__private::port_spec`).
pub const fn port_spec(spec: &str) -> PortSpec {
    let bytes = spec.as_bytes();
    let mut slash = bytes.len();
    while slash > 0 && bytes[slash - 1] != b'/' {
        slash -= 1;
    }
    if slash == 0 {
        return PortSpec::NoProtocol;
    }
    let (name, proto) = bytes.split_at(slash - 1);
    let proto = proto.split_at(1).1;
    let protocol = match core::str::from_utf8(proto) {
        Ok(s) => match Protocol::from_name(s) {
            Some(p) => p,
            None => return PortSpec::BadProtocol,
        },
        Err(_) => return PortSpec::BadProtocol,
    };
    // `name` is a prefix of a `&str` cut before an ASCII `/`: valid UTF-8.
    let name = match core::str::from_utf8(name) {
        Ok(s) => s,
        Err(_) => return PortSpec::UnknownName,
    };
    match port_const(name, protocol) {
        Some(p) => PortSpec::Port(p),
        None if is_registered(name.as_bytes()) => PortSpec::NotOnProtocol,
        None => PortSpec::UnknownName,
    }
}

/// The port of a service, as a `u16` constant computed at compile time:
/// `port!("ssh/tcp")` is `22`.
///
/// The argument is one string literal, `"name/protocol"`: the notation of
/// `/etc/services` and of most tools, with the name and the protocol
/// visible together in the error message when the lookup fails. The name
/// is compared ASCII case-insensitively, the protocol (`tcp`, `udp`, `sctp`
/// or `dccp`) too, and the spec is split at its *last* `/`, so legacy names
/// with a slash work (`port!("914c/g/tcp")` is 211).
///
/// The protocol is required: a name's ports can differ between protocols,
/// and many names are registered on one protocol only, so a silent default
/// would hide mistakes. The answer is [`port_const`]'s, hence
/// [`port()`](fn@crate::port)'s: the first port in registry order, except
/// where `/etc/services` lists another of the name's ports, so
/// `port!("http-alt/tcp")` is 8080 (IANA: 591, 8008, 8080), as in
/// `getservbyname`.
///
/// An unknown name, a name with no port on the protocol, a bad protocol or
/// a missing `/` fails compilation with a message that quotes the literal,
/// for example ``iana_ports::port!("nosuchservice/tcp"): unknown service
/// name``.
///
/// The expansion is a block, so it works wherever a constant expression does
/// (`const` items, array lengths, const generics in braces), but not as a
/// pattern: bind it to a `const` first and match on that.
///
/// ```
/// use iana_ports::port;
///
/// const SSH: u16 = port!("ssh/tcp");
/// const DOMAIN: u16 = port!("DOMAIN/udp");
/// let buf = [0u8; port!("echo/tcp") as usize];
/// assert_eq!((SSH, DOMAIN, buf.len()), (22, 53, 7));
///
/// fn describe(p: u16) -> &'static str {
///     match p {
///         SSH => "ssh",
///         _ => "something else",
///     }
/// }
/// assert_eq!(describe(22), "ssh");
///
/// struct Service<const PORT: u16>;
/// impl<const PORT: u16> Service<PORT> {
///     const PORT: u16 = PORT;
/// }
/// assert_eq!(Service::<{ port!("https/tcp") }>::PORT, 443);
/// ```
///
/// ```compile_fail
/// let _ = iana_ports::port!("ssh"); // no protocol
/// ```
///
/// ```compile_fail
/// let _ = iana_ports::port!("no-such-service-name/tcp");
/// ```
#[macro_export]
macro_rules! port {
    ($spec:literal) => {{
        const PORT: u16 = match $crate::__private::port_spec($spec) {
            $crate::__private::PortSpec::Port(p) => p,
            $crate::__private::PortSpec::NoProtocol => $crate::port!(@fail $spec,
                "no protocol: write \"name/tcp\", \"name/udp\", \"name/sctp\" or \"name/dccp\""),
            $crate::__private::PortSpec::BadProtocol => $crate::port!(@fail $spec,
                "unknown protocol after the last '/': expected tcp, udp, sctp or dccp"),
            $crate::__private::PortSpec::UnknownName => $crate::port!(@fail $spec,
                "unknown service name"),
            $crate::__private::PortSpec::NotOnProtocol => $crate::port!(@fail $spec,
                "the service has no port on this protocol"),
        };
        PORT
    }};
    // Not public API: the compile error, `iana_ports::port!("spec"): why`.
    (@fail $spec:literal, $why:literal) => {
        ::core::panic!(
            "{}",
            ::core::concat!("iana_ports::port!(", ::core::stringify!($spec), "): ", $why)
        )
    };
}
