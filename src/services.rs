//! A writer for the `services(5)` format of `/etc/services`.
//!
//! One line per (port, protocol): the primary name, `port/protocol`, the
//! other names of that port and protocol as aliases, in registry order, and
//! the description of the primary record as a comment:
//!
//! ```text
//! http            80/tcp     www www-http    # World Wide Web HTTP
//! ```
//!
//! (The comment needs the `metadata` feature.) Only Assigned records with a
//! port give lines; Reserved and Unassigned
//! rows and service-name-only registrations have nothing to say there.

use core::fmt::{self, Write};

use crate::{Protocol, REGISTRY_UPDATED, Record, Status, by_port};

/// How a record with a port range (x11 is 6000-6063) is written.
///
/// ```
/// use iana_ports::{Ranges, ServicesOptions};
///
/// let iana_etc = ServicesOptions::new().ranges(Ranges::FirstPort);
/// # let _ = iana_etc;
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Ranges {
    /// One line for every port of the range, so that `getservbyport(6003)`
    /// finds x11. The default.
    #[default]
    EachPort,
    /// The first port of the range only, as iana-etc's `services` does.
    /// A line then lists the names whose port or range *starts* at that
    /// port, so its primary name can differ from
    /// [`service_name`](crate::service_name) where a range started earlier.
    FirstPort,
}

/// Which service names are written.
///
/// A `services(5)` name is one word: it cannot hold white space, and `#`
/// starts a comment. Such names are always skipped (the names of the
/// shipped registry have neither, but a registry given with
/// `IANA_PORTS_REGISTRY` might): a skipped primary name leaves its line to
/// the next name of the same port and protocol, and a port with no name
/// left gets no line. Beyond that, this chooses whether the legacy names
/// that break RFC 6335's syntax are kept.
///
/// ```
/// use iana_ports::{Names, ServicesOptions};
///
/// let strict = ServicesOptions::new().names(Names::Rfc6335);
/// # let _ = strict;
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Names {
    /// Every name that is a single word of printable ASCII without `#`,
    /// spelled as the registry spells it (`whois++`, `sql*net`, `z39.50`,
    /// `EtherNet/IP-1`; glibc compares names case-sensitively, so the
    /// spelling matters to `getservbyname`). The default.
    #[default]
    Words,
    /// Only the names that follow RFC 6335, section 5.1: 1 to 15 letters,
    /// digits and hyphens, at least one letter, no hyphen at either end or
    /// next to another. Capitals are allowed, as the RFC allows them.
    Rfc6335,
}

/// Options of [`write_services`]. Start from [`ServicesOptions::new`] (the
/// same as `default()`) and change what you need.
///
/// Records without a protocol apply to every transport, so they give a line
/// for each enabled protocol. `services(5)` takes the protocol names of
/// `protocols(5)`; the usual `/etc/protocols` (netbase, iana-etc) has all
/// four, so all four are written by default. Use
/// [`protocols`](ServicesOptions::protocols) to keep only `tcp` and `udp`
/// for systems whose `/etc/protocols` lacks `sctp` or `dccp`.
///
/// ```
/// use iana_ports::{Names, Protocol, Ranges, ServicesOptions};
///
/// let options = ServicesOptions::new()
///     .ranges(Ranges::FirstPort)
///     .names(Names::Rfc6335)
///     .protocols(&[Protocol::Tcp, Protocol::Udp])
///     .descriptions(false)
///     .header(false);
/// assert_ne!(options, ServicesOptions::default());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ServicesOptions {
    ranges: Ranges,
    names: Names,
    protocols: [bool; 4],
    descriptions: bool,
    header: bool,
}

impl Default for ServicesOptions {
    fn default() -> Self {
        ServicesOptions::new()
    }
}

impl ServicesOptions {
    /// Every port of a range, every word name, all four protocols,
    /// descriptions as comments, and a comment header naming the registry
    /// date.
    ///
    /// ```
    /// assert_eq!(iana_ports::ServicesOptions::new(), Default::default());
    /// ```
    pub const fn new() -> ServicesOptions {
        ServicesOptions {
            ranges: Ranges::EachPort,
            names: Names::Words,
            protocols: [true; 4],
            descriptions: true,
            header: true,
        }
    }

    /// How port ranges are written; default [`Ranges::EachPort`].
    ///
    /// ```
    /// let o = iana_ports::ServicesOptions::new().ranges(iana_ports::Ranges::FirstPort);
    /// # let _ = o;
    /// ```
    pub const fn ranges(mut self, ranges: Ranges) -> ServicesOptions {
        self.ranges = ranges;
        self
    }

    /// Which names are written; default [`Names::Words`].
    ///
    /// ```
    /// let o = iana_ports::ServicesOptions::new().names(iana_ports::Names::Rfc6335);
    /// # let _ = o;
    /// ```
    pub const fn names(mut self, names: Names) -> ServicesOptions {
        self.names = names;
        self
    }

    /// The protocols that get lines; default all four. Lines come in
    /// [`Protocol::ALL`] order whatever the order given here.
    ///
    /// ```
    /// use iana_ports::{Protocol, ServicesOptions};
    /// let o = ServicesOptions::new().protocols(&[Protocol::Tcp, Protocol::Udp]);
    /// # let _ = o;
    /// ```
    pub const fn protocols(mut self, protocols: &[Protocol]) -> ServicesOptions {
        self.protocols = [false; 4];
        let mut i = 0;
        while i < protocols.len() {
            self.protocols[protocols[i].index()] = true;
            i += 1;
        }
        self
    }

    /// Whether each line ends with `# description` (of the primary
    /// record, line breaks and tabs made spaces); default `true`. Without
    /// the `metadata` feature there are no descriptions to write.
    ///
    /// ```
    /// let o = iana_ports::ServicesOptions::new().descriptions(false);
    /// # let _ = o;
    /// ```
    pub const fn descriptions(mut self, descriptions: bool) -> ServicesOptions {
        self.descriptions = descriptions;
        self
    }

    /// Whether the output starts with comment lines naming the registry
    /// and its date; default `true`.
    ///
    /// ```
    /// let o = iana_ports::ServicesOptions::new().header(false);
    /// # let _ = o;
    /// ```
    pub const fn header(mut self, header: bool) -> ServicesOptions {
        self.header = header;
        self
    }
}

/// Writes the registry in the `services(5)` format of `/etc/services`,
/// without allocating.
///
/// Lines are `name port/protocol aliases... # description`, sorted by port,
/// then protocol in [`Protocol::ALL`] order: one line per (port, protocol)
/// that has an Assigned record. The first name is the primary one (the same
/// as [`service_name`](crate::service_name) with the default options), the
/// others follow in registry order, each once (names compare
/// case-insensitively). See [`ServicesOptions`] for what can be changed.
///
/// ```
/// use iana_ports::{write_services, ServicesOptions};
///
/// let mut out = String::new();
/// write_services(&mut out, ServicesOptions::new()).unwrap();
/// let http = out.lines().find(|l| l.contains(" 80/tcp")).unwrap();
/// assert!(http.starts_with("http            80/tcp     www www-http"));
/// # #[cfg(feature = "metadata")]
/// assert!(http.ends_with("www-http    # World Wide Web HTTP"));
/// let x11 = out.lines().filter(|l| l.starts_with("x11 ")).count();
/// assert_eq!(x11, 2 * 64); // 6000-6063, tcp and udp
/// ```
pub fn write_services<W: Write>(out: &mut W, options: ServicesOptions) -> fmt::Result {
    if options.header {
        writeln!(
            out,
            "# IANA Service Name and Transport Protocol Port Number Registry of {REGISTRY_UPDATED}"
        )?;
        writeln!(
            out,
            "# https://www.iana.org/assignments/service-names-port-numbers/"
        )?;
        writeln!(out, "# Written by the iana-ports crate; see services(5).")?;
    }
    for port in 0..=u16::MAX {
        for protocol in Protocol::ALL {
            if options.protocols[protocol.index()] {
                write_line(out, port, protocol, options)?;
            }
        }
    }
    Ok(())
}

/// [`write_services`] to a [`std::io::Write`] (a file, a socket, standard
/// output), without building the whole text first. Needs the `std` feature.
///
/// The output is the same, byte for byte. It is written a few bytes at a
/// time, as formatting produces it, so give a file or socket behind a
/// [`std::io::BufWriter`] (and flush it); the first I/O error stops the
/// writing and is returned as it came.
///
/// ```
/// use std::io::{BufWriter, Write};
/// use iana_ports::{write_services, write_services_io, ServicesOptions};
///
/// let mut out = BufWriter::new(Vec::new());
/// write_services_io(&mut out, ServicesOptions::new()).unwrap();
/// out.flush().unwrap();
/// let bytes = out.into_inner().unwrap();
///
/// let mut text = String::new();
/// write_services(&mut text, ServicesOptions::new()).unwrap();
/// assert_eq!(bytes, text.as_bytes());
///
/// // A write that fails stops it with that error.
/// let mut full = [0u8; 16];
/// let err = write_services_io(&mut &mut full[..], ServicesOptions::new()).unwrap_err();
/// assert_eq!(err.kind(), std::io::ErrorKind::WriteZero);
/// ```
#[cfg(feature = "std")]
pub fn write_services_io<W: std::io::Write + ?Sized>(
    out: &mut W,
    options: ServicesOptions,
) -> std::io::Result<()> {
    let mut adapter = IoAdapter { out, error: None };
    match write_services(&mut adapter, options) {
        Ok(()) => Ok(()),
        Err(fmt::Error) => Err(adapter.error.unwrap_or_else(|| {
            // Only the adapter fails, and it keeps its error; kept for safety.
            std::io::Error::other("formatting failed")
        })),
    }
}

/// `fmt::Write` over an `io::Write`, keeping the first I/O error.
#[cfg(feature = "std")]
struct IoAdapter<'a, W: std::io::Write + ?Sized> {
    out: &'a mut W,
    error: Option<std::io::Error>,
}

#[cfg(feature = "std")]
impl<W: std::io::Write + ?Sized> Write for IoAdapter<'_, W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.out.write_all(s.as_bytes()).map_err(|e| {
            self.error = Some(e);
            fmt::Error
        })
    }
}

/// Whether `record` gives its name to the line of (`port`, its protocol).
fn on_line(record: Record, port: u16, options: ServicesOptions) -> Option<&'static str> {
    if record.status() != Status::Assigned {
        return None;
    }
    let ports = record.ports()?;
    if options.ranges == Ranges::FirstPort && ports.start() != port {
        return None;
    }
    record.name().filter(|n| name_ok(n, options.names))
}

/// The line of (`port`, `protocol`), if it has a name.
fn write_line<W: Write>(
    out: &mut W,
    port: u16,
    protocol: Protocol,
    options: ServicesOptions,
) -> fmt::Result {
    let records = by_port(port, protocol);
    let mut named = records
        .clone()
        .filter_map(|r| on_line(r, port, options).map(|n| (r, n)));
    let Some((primary, name)) = named.next() else {
        return Ok(());
    };
    write!(out, "{name:<15} {:<10}", Port(port, protocol))?;
    let mut width = 0;
    for (i, (_, alias)) in named.clone().enumerate() {
        // Each name once: skip one already written on this line.
        let seen = name.eq_ignore_ascii_case(alias)
            || named
                .clone()
                .take(i)
                .any(|(_, n)| n.eq_ignore_ascii_case(alias));
        if !seen {
            write!(out, " {alias}")?;
            width += 1 + alias.len();
        }
    }
    #[cfg(feature = "metadata")]
    {
        let description = primary.description();
        if options.descriptions && !description.is_empty() {
            write!(out, "{:1$} # ", "", 16usize.saturating_sub(width))?;
            write_flat(out, description)?;
        }
    }
    #[cfg(not(feature = "metadata"))]
    let _ = (primary, width);
    out.write_char('\n')
}

/// `80/tcp`, padded as a unit.
struct Port(u16, Protocol);

impl fmt::Display for Port {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Up to "65535/sctp": 10 bytes, formatted on the stack.
        let mut buf = PortBuf {
            bytes: [0; 10],
            len: 0,
        };
        write!(buf, "{}/{}", self.0, self.1)?;
        f.pad(buf.as_str())
    }
}

struct PortBuf {
    bytes: [u8; 10],
    len: usize,
}

impl PortBuf {
    fn as_str(&self) -> &str {
        // Only whole `&str`s are ever written.
        core::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}

impl Write for PortBuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        self.bytes
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

#[cfg(feature = "metadata")]
/// `text` on one line: every control or white-space character becomes a
/// space, runs of them one space.
fn write_flat<W: Write>(out: &mut W, text: &str) -> fmt::Result {
    let mut words = text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty());
    if let Some(first) = words.next() {
        out.write_str(first)?;
    }
    for word in words {
        out.write_char(' ')?;
        out.write_str(word)?;
    }
    Ok(())
}

/// Whether `name` may be written under `names`.
fn name_ok(name: &str, names: Names) -> bool {
    let word = !name.is_empty() && name.bytes().all(|b| b.is_ascii_graphic() && b != b'#');
    word && (names == Names::Words || is_rfc6335(name))
}

/// RFC 6335, section 5.1: 1-15 characters of `A-Z a-z 0-9 -`, at least one
/// letter, no leading, trailing or double hyphen.
fn is_rfc6335(name: &str) -> bool {
    let b = name.as_bytes();
    (1..=15).contains(&b.len())
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
        && b.iter().any(u8::is_ascii_alphabetic)
        && b[0] != b'-'
        && b[b.len() - 1] != b'-'
        && !name.contains("--")
}

#[cfg(test)]
mod tests {
    use super::is_rfc6335;

    #[test]
    fn rfc6335_syntax() {
        for ok in ["http", "X11", "9pfs", "a", "www-http", "abcdefghijklmno"] {
            assert!(is_rfc6335(ok), "{ok}");
        }
        for bad in [
            "",
            "-a",
            "a-",
            "a--b",
            "123",
            "whois++",
            "sql*net",
            "z39.50",
            "EtherNet/IP-1",
            "a_b",
            "abcdefghijklmnop",
        ] {
            assert!(!is_rfc6335(bad), "{bad}");
        }
    }
}
