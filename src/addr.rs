//! `host:service` addresses: `example.com:https`, `[::1]:http-alt`
//! (feature `std`).

extern crate std;

use core::fmt;
use core::iter::FusedIterator;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV6, ToSocketAddrs};
use std::{option, vec};

use crate::{ParseQueryError, Protocol, parse_port};

/// A host and a port, parsed from `host:service` where the service is a
/// port number or a registered service name: `example.com:https`,
/// `127.0.0.1:ssh`, `[::1]:http-alt`, `[fe80::1%eth0]:22`, `localhost:8080`,
/// `:http`.
///
/// It implements [`ToSocketAddrs`], so [`TcpStream::connect`],
/// [`TcpListener::bind`] and [`UdpSocket::bind`] take it directly, and
/// [`host_port`](ServiceAddr::host_port) gives the `(host, port)` pair that
/// other resolvers (such as `tokio::net::lookup_host`) take.
///
/// Parsing ([`ServiceAddr::parse`]) borrows the host from the text,
/// allocates nothing and resolves nothing:
///
/// - The service, after the last `:` (after `]:` for an IPv6 address), is
///   what [`parse_port`] takes for the protocol given: digits are a port,
///   anything else a service name in any case, registered for that
///   protocol. There is no `/protocol` suffix: the protocol is the argument.
/// - An IPv6 address must be in brackets, with an optional zone:
///   `[::1]:443`, `[fe80::1%eth0]:22`. Brackets hold an IPv6 address and
///   nothing else.
/// - The host is otherwise not checked: a name or an IPv4 address, looked
///   up when the address is used.
/// - An empty host (`:http`) means all interfaces, as `0.0.0.0`: what a
///   server binds. Write `[::]:http` for IPv6.
/// - White space around the text is an error, not trimmed.
///
/// [`TcpStream::connect`]: std::net::TcpStream::connect
/// [`TcpListener::bind`]: std::net::TcpListener::bind
/// [`UdpSocket::bind`]: std::net::UdpSocket::bind
///
/// ```no_run
/// use std::net::TcpStream;
/// use iana_ports::{Protocol, ServiceAddr};
///
/// let stream = TcpStream::connect(ServiceAddr::parse("example.com:https", Protocol::Tcp)?)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// ```
/// use iana_ports::{Protocol, ServiceAddr};
///
/// let addr = ServiceAddr::parse("[::1]:HTTP-ALT", Protocol::Tcp)?;
/// assert_eq!(addr.host(), Some("::1"));
/// assert_eq!(addr.port(), iana_ports::port("http-alt", Protocol::Tcp).unwrap());
///
/// let addr = ServiceAddr::parse("example.com:https", Protocol::Tcp)?;
/// // `tokio::net::lookup_host(addr.host_port()).await?` takes the pair.
/// assert_eq!(addr.host_port(), ("example.com", 443));
/// assert_eq!(addr.to_string(), "example.com:443");
///
/// let err = ServiceAddr::parse("db.internal:postgres", Protocol::Tcp).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "bad port or service name in address: unknown service name; did you mean \"postgresql\"?"
/// );
/// # Ok::<(), iana_ports::ParseAddrError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ServiceAddr<'a> {
    /// As written, without brackets; `""` for all interfaces.
    host: &'a str,
    port: u16,
}

impl<'a> ServiceAddr<'a> {
    /// Parses `host:service` for `protocol`; see [`ServiceAddr`] for the
    /// rules and [`ParseAddrError`] for what can be wrong.
    ///
    /// ```
    /// use iana_ports::{Protocol, ServiceAddr};
    ///
    /// let a = ServiceAddr::parse("[fe80::1%eth0]:22", Protocol::Tcp)?;
    /// assert_eq!((a.host(), a.port()), (Some("fe80::1%eth0"), 22));
    /// let a = ServiceAddr::parse("localhost:domain", Protocol::Udp)?;
    /// assert_eq!((a.host(), a.port()), (Some("localhost"), 53));
    /// # Ok::<(), iana_ports::ParseAddrError>(())
    /// ```
    pub fn parse(text: &'a str, protocol: Protocol) -> Result<ServiceAddr<'a>, ParseAddrError> {
        if text.is_empty() {
            return Err(ParseAddrError::Empty);
        }
        if crate::query::has_outer_space(text) {
            return Err(ParseAddrError::Whitespace);
        }
        let (host, service) = match text.strip_prefix('[') {
            Some(rest) => {
                let (inside, after) = rest.split_once(']').ok_or(ParseAddrError::Brackets)?;
                if inside.is_empty() {
                    return Err(ParseAddrError::NoHost);
                }
                let (ip, zone) = match inside.split_once('%') {
                    Some((ip, zone)) => (ip, Some(zone)),
                    None => (inside, None),
                };
                if ip.parse::<Ipv6Addr>().is_err() || zone == Some("") {
                    return Err(ParseAddrError::Brackets);
                }
                match after.strip_prefix(':') {
                    Some(service) => (inside, service),
                    None if after.is_empty() => return Err(ParseAddrError::NoService),
                    None => return Err(ParseAddrError::Brackets),
                }
            }
            None => {
                // One pass: a bracket anywhere, and the colons: the last
                // one ends the host; two or more are an IPv6 address
                // without brackets (`::1:80`, `fe80::1`).
                let (mut last_colon, mut colons) = (None, 0);
                for (i, b) in text.bytes().enumerate() {
                    match b {
                        b'[' | b']' => return Err(ParseAddrError::Brackets),
                        b':' => (last_colon, colons) = (Some(i), colons + 1),
                        _ => {}
                    }
                }
                let at = last_colon.ok_or(ParseAddrError::NoService)?;
                if colons > 1 {
                    return Err(ParseAddrError::Brackets);
                }
                (&text[..at], &text[at + 1..])
            }
        };
        if service.is_empty() {
            return Err(ParseAddrError::NoService);
        }
        let port = parse_port(service, protocol).map_err(ParseAddrError::Service)?;
        Ok(ServiceAddr { host, port })
    }

    /// The host as written, without brackets: a name, an IPv4 address or an
    /// IPv6 address with its zone; `None` for all interfaces (`:http`).
    ///
    /// ```
    /// use iana_ports::{Protocol::Tcp, ServiceAddr};
    ///
    /// assert_eq!(ServiceAddr::parse("[::1]:80", Tcp)?.host(), Some("::1"));
    /// assert_eq!(ServiceAddr::parse(":http", Tcp)?.host(), None);
    /// # Ok::<(), iana_ports::ParseAddrError>(())
    /// ```
    pub fn host(&self) -> Option<&'a str> {
        (!self.host.is_empty()).then_some(self.host)
    }

    /// The port: the number given, or the service name's port for the
    /// protocol (as [`port`](fn@crate::port) gives it).
    ///
    /// ```
    /// use iana_ports::{Protocol::Tcp, ServiceAddr};
    ///
    /// assert_eq!(ServiceAddr::parse("127.0.0.1:ssh", Tcp)?.port(), 22);
    /// # Ok::<(), iana_ports::ParseAddrError>(())
    /// ```
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The `(host, port)` pair that resolvers take: std's
    /// [`ToSocketAddrs`] for `(&str, u16)`, `tokio::net::lookup_host`,
    /// `TcpStream::connect` of async runtimes. All interfaces are
    /// `"0.0.0.0"`.
    ///
    /// ```
    /// use iana_ports::{Protocol::Tcp, ServiceAddr};
    ///
    /// let addr = ServiceAddr::parse("[fe80::1%eth0]:ssh", Tcp)?;
    /// assert_eq!(addr.host_port(), ("fe80::1%eth0", 22));
    /// // With tokio: let addrs = tokio::net::lookup_host(addr.host_port()).await?;
    /// assert_eq!(ServiceAddr::parse(":https", Tcp)?.host_port(), ("0.0.0.0", 443));
    /// # Ok::<(), iana_ports::ParseAddrError>(())
    /// ```
    pub fn host_port(&self) -> (&'a str, u16) {
        (self.host().unwrap_or("0.0.0.0"), self.port)
    }
}

impl fmt::Display for ServiceAddr<'_> {
    /// `host:port`, `[ipv6]:port` or `:port`: the port as a number.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.host.contains(':') {
            write!(f, "[{}]:{}", self.host, self.port)
        } else {
            write!(f, "{}:{}", self.host, self.port)
        }
    }
}

impl ToSocketAddrs for ServiceAddr<'_> {
    type Iter = SocketAddrs;

    /// An IP address (IPv6 with a numeric zone too) gives its one socket
    /// address without a lookup and without allocating; all interfaces give
    /// `0.0.0.0`; anything else is looked up as std does for `(host, port)`
    /// (the system resolver, which also knows zones by interface name).
    fn to_socket_addrs(&self) -> io::Result<SocketAddrs> {
        let one = |a: SocketAddr| SocketAddrs {
            inner: Inner::One(Some(a).into_iter()),
        };
        if self.host.is_empty() {
            return Ok(one(SocketAddr::new(
                Ipv4Addr::UNSPECIFIED.into(),
                self.port,
            )));
        }
        if let Ok(ip) = self.host.parse::<IpAddr>() {
            return Ok(one(SocketAddr::new(ip, self.port)));
        }
        if let Some((ip, zone)) = self.host.split_once('%') {
            if let (Ok(ip), Ok(scope)) = (ip.parse::<Ipv6Addr>(), zone.parse::<u32>()) {
                return Ok(one(SocketAddrV6::new(ip, self.port, 0, scope).into()));
            }
        }
        Ok(SocketAddrs {
            inner: Inner::Many((self.host, self.port).to_socket_addrs()?),
        })
    }
}

/// The socket addresses of a [`ServiceAddr`], from its [`ToSocketAddrs`]
/// impl.
///
/// ```
/// use std::net::{SocketAddr, ToSocketAddrs};
/// use iana_ports::{Protocol::Tcp, ServiceAddr};
///
/// let addrs: Vec<SocketAddr> = ServiceAddr::parse("127.0.0.1:ssh", Tcp)?.to_socket_addrs()?.collect();
/// assert_eq!(addrs, ["127.0.0.1:22".parse::<SocketAddr>()?]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct SocketAddrs {
    inner: Inner,
}

#[derive(Clone, Debug)]
enum Inner {
    One(option::IntoIter<SocketAddr>),
    Many(vec::IntoIter<SocketAddr>),
}

impl Iterator for SocketAddrs {
    type Item = SocketAddr;

    fn next(&mut self) -> Option<SocketAddr> {
        match &mut self.inner {
            Inner::One(it) => it.next(),
            Inner::Many(it) => it.next(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.inner {
            Inner::One(it) => it.size_hint(),
            Inner::Many(it) => it.size_hint(),
        }
    }
}

impl DoubleEndedIterator for SocketAddrs {
    fn next_back(&mut self) -> Option<SocketAddr> {
        match &mut self.inner {
            Inner::One(it) => it.next_back(),
            Inner::Many(it) => it.next_back(),
        }
    }
}

impl ExactSizeIterator for SocketAddrs {}
impl FusedIterator for SocketAddrs {}

impl fmt::Debug for SocketAddrs {
    /// `SocketAddrs([127.0.0.1:22])`: the addresses left.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::iter::debug_left(f, "SocketAddrs", self.clone())
    }
}

/// The error of parsing a [`ServiceAddr`]: which part of `host:service` is
/// wrong. It holds no copy of the input.
///
/// ```
/// use iana_ports::{ParseAddrError, ParseQueryError, Protocol::Tcp, ServiceAddr};
///
/// assert_eq!(ServiceAddr::parse("example.com", Tcp), Err(ParseAddrError::NoService));
/// assert_eq!(
///     ServiceAddr::parse("example.com:70000", Tcp),
///     Err(ParseAddrError::Service(ParseQueryError::PortOutOfRange))
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseAddrError {
    /// No text at all.
    ///
    /// ```
    /// # use iana_ports::{ParseAddrError, Protocol::Tcp, ServiceAddr};
    /// assert_eq!(ServiceAddr::parse("", Tcp), Err(ParseAddrError::Empty));
    /// ```
    Empty,
    /// Nothing between the brackets: `"[]:80"`.
    ///
    /// ```
    /// # use iana_ports::{ParseAddrError, Protocol::Tcp, ServiceAddr};
    /// assert_eq!(ServiceAddr::parse("[]:80", Tcp), Err(ParseAddrError::NoHost));
    /// ```
    NoHost,
    /// No `:` and port or service after the host: `"example.com"`,
    /// `"example.com:"`, `"[::1]"`.
    ///
    /// ```
    /// # use iana_ports::{ParseAddrError, Protocol::Tcp, ServiceAddr};
    /// assert_eq!(ServiceAddr::parse("[::1]", Tcp), Err(ParseAddrError::NoService));
    /// ```
    NoService,
    /// An IPv6 address without brackets (`"::1:80"`), brackets that do not
    /// hold an IPv6 address (`"[example.com]:80"`), unbalanced brackets, or
    /// text between `]` and `:`.
    ///
    /// ```
    /// # use iana_ports::{ParseAddrError, Protocol::Tcp, ServiceAddr};
    /// assert_eq!(ServiceAddr::parse("fe80::1:22", Tcp), Err(ParseAddrError::Brackets));
    /// assert_eq!(ServiceAddr::parse("[::1:22", Tcp), Err(ParseAddrError::Brackets));
    /// ```
    Brackets,
    /// White space before or after the text.
    ///
    /// ```
    /// # use iana_ports::{ParseAddrError, Protocol::Tcp, ServiceAddr};
    /// assert_eq!(ServiceAddr::parse("localhost:80\n", Tcp), Err(ParseAddrError::Whitespace));
    /// ```
    Whitespace,
    /// The port or service name is wrong, as [`parse_port`] says: unknown
    /// name (with a suggestion), port out of range, a name not registered
    /// for the protocol or without a port, ...
    ///
    /// ```
    /// # use iana_ports::{ParseAddrError, ParseQueryError, Protocol::Tcp, ServiceAddr};
    /// let err = ServiceAddr::parse("localhost:ssh2", Tcp).unwrap_err();
    /// assert_eq!(err, ParseAddrError::Service(ParseQueryError::UnknownName { suggestion: Some("ssh") }));
    /// ```
    Service(ParseQueryError),
}

impl ParseAddrError {
    /// The registered name the user probably meant, when the service is an
    /// unknown name close to one.
    ///
    /// ```
    /// use iana_ports::{Protocol::Tcp, ServiceAddr};
    ///
    /// let err = ServiceAddr::parse("db:postgres", Tcp).unwrap_err();
    /// assert_eq!(err.suggestion(), Some("postgresql"));
    /// ```
    pub fn suggestion(&self) -> Option<&'static str> {
        match self {
            ParseAddrError::Service(e) => e.suggestion(),
            _ => None,
        }
    }
}

impl fmt::Display for ParseAddrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ParseAddrError::Empty => "empty address: expected host:port or host:service",
            ParseAddrError::NoHost => "no host between the brackets of the address",
            ParseAddrError::NoService => {
                "no port or service name in address: expected host:port or host:service"
            }
            ParseAddrError::Brackets => {
                "bad IPv6 brackets in address: write an IPv6 address as [::1]:port"
            }
            ParseAddrError::Whitespace => "white space before or after the address",
            ParseAddrError::Service(e) => {
                return write!(f, "bad port or service name in address: {e}");
            }
        })
    }
}

impl std::error::Error for ParseAddrError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ParseAddrError::Service(e) => Some(e),
            _ => None,
        }
    }
}

impl From<ParseAddrError> for io::Error {
    /// An [`io::ErrorKind::InvalidInput`] error, so that `?` works in
    /// functions returning `io::Result`.
    ///
    /// ```
    /// use std::net::TcpListener;
    /// use iana_ports::{Protocol::Tcp, ServiceAddr};
    ///
    /// fn listen(addr: &str) -> std::io::Result<TcpListener> {
    ///     TcpListener::bind(ServiceAddr::parse(addr, Tcp)?)
    /// }
    /// let err = listen("localhost:no-such-service").unwrap_err();
    /// assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
    /// ```
    fn from(e: ParseAddrError) -> io::Error {
        io::Error::new(io::ErrorKind::InvalidInput, e)
    }
}
