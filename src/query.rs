//! What users type: `443`, `443/tcp`, `https`, `HTTPS/udp`.

use core::fmt;
use core::str::FromStr;

use crate::{PortRange, Protocol, Records, generated};

/// A port or a service name, optionally followed by `/` and a transport
/// protocol, as users type it: `443`, `443/tcp`, `https`, `HTTPS/udp`,
/// `x11/tcp`, `sql*net`.
///
/// Parsing ([`FromStr`]) follows these rules, and allocates nothing:
///
/// - Text made only of ASCII digits is a port (`0` to `65535`); anything
///   else is a service name, so `9pfs` is a name, not port 9. RFC 6335
///   requires a letter in every name, so no name is all digits.
/// - A trailing `/tcp`, `/udp`, `/sctp` or `/dccp` (any case) is the
///   protocol. Names may contain `/` themselves (`EtherNet/IP-1`): the text
///   after the last `/` is a protocol only when the whole text is not a
///   registered name.
/// - Names compare ASCII case-insensitively (RFC 6335, section 5.1); the
///   query keeps the registry's spelling.
/// - A name must be registered (for the protocol, when one is given); a port
///   need not be: `60000/tcp` parses and has no records.
/// - Port ranges (`6000-6063`) are rejected with
///   [`ParseQueryError::Range`]: whether a range should match records that
///   contain it, overlap it or equal it is ambiguous. Query one port
///   (`6003`) or the name (`x11`) instead.
/// - No white space is trimmed: white space before or after the text is
///   [`ParseQueryError::Whitespace`].
///
/// [`Display`](fmt::Display) writes the query back in a form that parses to
/// the same query: `443/tcp`, `https/udp`, `x11`.
///
/// ```
/// use iana_ports::{Protocol, Query};
///
/// let q: Query = "HTTPS/udp".parse()?;
/// assert_eq!(q.name(), Some("https"));
/// assert_eq!(q.port(), Some(443));
/// assert_eq!(q.protocol(), Some(Protocol::Udp));
/// assert_eq!(q.to_string(), "https/udp");
///
/// let q: Query = "443/tcp".parse()?;
/// let names: Vec<_> = q.records().filter_map(|r| r.name()).collect();
/// assert_eq!(names, ["https"]);
/// # Ok::<(), iana_ports::ParseQueryError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Query {
    /// The registry's spelling of the name; `None` for a port query.
    name: Option<&'static str>,
    /// The port typed, or for a name `port()`'s on the protocol.
    port: Option<u16>,
    protocol: Option<Protocol>,
}

impl Query {
    /// The service name, as the registry spells it (`"https"` for
    /// `"HTTPS"`); `None` when the query is a port.
    ///
    /// ```
    /// use iana_ports::Query;
    ///
    /// assert_eq!("SQL*NET".parse::<Query>()?.name(), Some("sql*net"));
    /// assert_eq!("443".parse::<Query>()?.name(), None);
    /// # Ok::<(), iana_ports::ParseQueryError>(())
    /// ```
    pub fn name(&self) -> Option<&'static str> {
        self.name
    }

    /// The port: the one typed, or for a name the one
    /// [`port`](fn@crate::port) gives on the query's protocol (the port
    /// `/etc/services` lists where the name has several, else the first in
    /// registry order). Without a protocol, that of the name's first record
    /// with ports. `None` for a name registered without a port (DNS-SD/SRV
    /// service names).
    ///
    /// ```
    /// use iana_ports::Query;
    ///
    /// assert_eq!("443/tcp".parse::<Query>()?.port(), Some(443));
    /// assert_eq!("x11".parse::<Query>()?.port(), Some(6000)); // 6000-6063
    /// assert_eq!("http-alt".parse::<Query>()?.port(), Some(8080)); // IANA: 591, 8008, 8080
    /// assert_eq!("http-alt/udp".parse::<Query>()?.port(), Some(591)); // netbase lists tcp only
    /// # Ok::<(), iana_ports::ParseQueryError>(())
    /// ```
    pub fn port(&self) -> Option<u16> {
        self.port
    }

    /// The protocol given after `/`, if any.
    ///
    /// ```
    /// use iana_ports::{Protocol, Query};
    ///
    /// assert_eq!("x11/TCP".parse::<Query>()?.protocol(), Some(Protocol::Tcp));
    /// assert_eq!("x11".parse::<Query>()?.protocol(), None);
    /// # Ok::<(), iana_ports::ParseQueryError>(())
    /// ```
    pub fn protocol(&self) -> Option<Protocol> {
        self.protocol
    }

    /// The matching records, in registry order, each once:
    ///
    /// - `PORT/PROTO`: [`by_port`](crate::by_port), so records without a
    ///   protocol are included;
    /// - `PORT`: the records of the port on any protocol;
    /// - `NAME`: [`by_name`](crate::by_name);
    /// - `NAME/PROTO`: `by_name`, keeping the records that
    ///   [apply to](crate::Record::applies_to) the protocol.
    ///
    /// A name query always has at least one record; a port query may have
    /// none (ports the registry says nothing about).
    ///
    /// ```
    /// use iana_ports::{Protocol, Query};
    ///
    /// let q: Query = "443".parse()?;
    /// let protos: Vec<_> = q.records().map(|r| r.protocol()).collect();
    /// assert_eq!(protos, [Some(Protocol::Tcp), Some(Protocol::Udp), Some(Protocol::Sctp)]);
    ///
    /// let q: Query = "ssh/sctp".parse()?;
    /// assert_eq!(q.records().count(), 1);
    /// # Ok::<(), iana_ports::ParseQueryError>(())
    /// ```
    pub fn records(&self) -> Records {
        let run = match (self.name, self.port) {
            (Some(name), _) => generated::name_run(name),
            (None, Some(port)) => generated::port_run(port, 0).0,
            (None, None) => 0..0,
        };
        match self.protocol {
            Some(p) => Records::on(run, p),
            None => Records::all(run),
        }
    }
}

impl Query {
    /// A port query: what the digits of `port` (and `/protocol`) parse to.
    pub(crate) const fn of_port(port: u16, protocol: Option<Protocol>) -> Query {
        Query {
            name: None,
            port: Some(port),
            protocol,
        }
    }
}

/// Whether `s` is one or more ASCII digits.
pub(crate) fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `s` starts or ends with white space (Unicode's, as `str::trim`).
pub(crate) fn has_outer_space(s: &str) -> bool {
    // What `s.trim() != s` says, from the two end characters alone.
    let mut chars = s.chars();
    chars.next().is_some_and(char::is_whitespace)
        || chars.next_back().is_some_and(char::is_whitespace)
}

/// A port from ASCII digits (any number of them, leading zeros allowed).
pub(crate) fn parse_port(s: &str) -> Result<u16, ParseQueryError> {
    let mut n: u32 = 0;
    for b in s.bytes() {
        n = n * 10 + u32::from(b - b'0');
        if n > u32::from(u16::MAX) {
            return Err(ParseQueryError::PortOutOfRange);
        }
    }
    Ok(n as u16)
}

/// `DIGITS-DIGITS`: a port range as the registry writes it.
pub(crate) fn is_range(s: &str) -> bool {
    // One pass from the front: a name (most start with a letter) is told
    // at its first byte.
    let lead = s.bytes().take_while(u8::is_ascii_digit).count();
    lead > 0 && s.as_bytes().get(lead) == Some(&b'-') && is_digits(&s[lead + 1..])
}

fn port_query(port: &str, protocol: Option<Protocol>) -> Result<Query, ParseQueryError> {
    Ok(Query {
        name: None,
        port: Some(parse_port(port)?),
        protocol,
    })
}

/// A name query of the name whose `NAME_MAP` key is `id`: the name is
/// looked up once.
pub(crate) fn name_query(
    id: &generated::NameId,
    protocol: Option<Protocol>,
) -> Result<Query, ParseQueryError> {
    let mut matching = Records::all(id.run()).filter(|r| protocol.is_none_or(|p| r.applies_to(p)));
    let first = matching.next().ok_or(ParseQueryError::NotOnProtocol)?;
    // The port `port()` gives on the protocol; without one, on the protocol
    // of the first record with ports.
    let port = match protocol {
        Some(p) => crate::ports::port_of(id, p),
        None => core::iter::once(first)
            .chain(matching)
            .find(|r| r.ports().is_some())
            .and_then(|r| match r.protocol() {
                Some(p) => crate::ports::port_of(id, p),
                None => r.ports().map(PortRange::start),
            }),
    };
    Ok(Query {
        name: first.name(),
        port,
        protocol,
    })
}

impl FromStr for Query {
    type Err = ParseQueryError;

    /// Parses `PORT`, `PORT/PROTO`, `NAME` or `NAME/PROTO`; see [`Query`].
    fn from_str(s: &str) -> Result<Query, ParseQueryError> {
        if s.is_empty() {
            return Err(ParseQueryError::Empty);
        }
        if has_outer_space(s) {
            return Err(ParseQueryError::Whitespace);
        }
        if is_digits(s) {
            return port_query(s, None);
        }
        if is_range(s) {
            return Err(ParseQueryError::Range);
        }
        let Some((head, tail)) = s.rsplit_once('/') else {
            return match generated::name_id(s) {
                Some(id) => name_query(id, None),
                None => Err(ParseQueryError::unknown_name(s)),
            };
        };
        if head.is_empty() {
            return Err(ParseQueryError::Empty);
        }
        if is_digits(head) {
            let protocol = Protocol::from_name(tail).ok_or(ParseQueryError::UnknownProtocol)?;
            return port_query(head, Some(protocol));
        }
        if is_range(head) {
            return Err(ParseQueryError::Range);
        }
        // A name may contain '/' (`EtherNet/IP-1`): the whole text first,
        // unless it reads `NAME/PROTO` and no name ends in a protocol (none
        // in IANA's registry), which saves a lookup.
        let protocol = Protocol::from_name(tail);
        if protocol.is_none() || generated::NAME_ENDS_IN_PROTOCOL {
            if let Some(id) = generated::name_id(s) {
                return name_query(id, None);
            }
        }
        match (generated::name_id(head), protocol) {
            (Some(id), Some(protocol)) => name_query(id, Some(protocol)),
            (Some(_), None) => Err(ParseQueryError::UnknownProtocol),
            (None, _) => Err(ParseQueryError::unknown_name(head)),
        }
    }
}

impl fmt::Display for Query {
    /// `NAME`, `NAME/PROTO`, `PORT` or `PORT/PROTO`; parses back to the same
    /// query.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.name, self.port) {
            (Some(name), _) => f.write_str(name)?,
            (None, Some(port)) => write!(f, "{port}")?,
            (None, None) => {}
        }
        match self.protocol {
            Some(p) => write!(f, "/{}", p.as_str()),
            None => Ok(()),
        }
    }
}

/// The error of parsing a [`Query`]. It holds no copy of the input (no
/// allocation): the caller has it.
///
/// ```
/// use iana_ports::{ParseQueryError, Query};
///
/// let err = "80/xyz".parse::<Query>().unwrap_err();
/// assert_eq!(err, ParseQueryError::UnknownProtocol);
/// assert_eq!(err.to_string(), "unknown transport protocol: expected tcp, udp, sctp or dccp");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseQueryError {
    /// Nothing before the `/` or no text at all: `""`, `"/tcp"`.
    ///
    /// ```
    /// use iana_ports::{ParseQueryError, Query};
    /// assert_eq!("".parse::<Query>(), Err(ParseQueryError::Empty));
    /// ```
    Empty,
    /// All digits, but above 65535: `"70000"`.
    ///
    /// ```
    /// use iana_ports::{ParseQueryError, Query};
    /// assert_eq!("70000/tcp".parse::<Query>(), Err(ParseQueryError::PortOutOfRange));
    /// ```
    PortOutOfRange,
    /// The text after the `/` is not `tcp`, `udp`, `sctp` or `dccp`:
    /// `"80/xyz"`, `"https/icmp"`.
    ///
    /// ```
    /// use iana_ports::{ParseQueryError, Query};
    /// assert_eq!("https/icmp".parse::<Query>(), Err(ParseQueryError::UnknownProtocol));
    /// ```
    UnknownProtocol,
    /// Not a registered service name (in any case): `"no-such-service"`,
    /// `"postgres"`. `suggestion` is the closest registered name when one
    /// is close, as [`suggest`](crate::suggest) gives it.
    ///
    /// ```
    /// use iana_ports::{ParseQueryError, Query};
    /// assert_eq!(
    ///     "no-such-service".parse::<Query>(),
    ///     Err(ParseQueryError::UnknownName { suggestion: None })
    /// );
    /// let err = "postgres/tcp".parse::<Query>().unwrap_err();
    /// assert_eq!(err, ParseQueryError::UnknownName { suggestion: Some("postgresql") });
    /// assert_eq!(err.to_string(), "unknown service name; did you mean \"postgresql\"?");
    /// ```
    UnknownName {
        /// The closest registered name, if one is close.
        suggestion: Option<&'static str>,
    },
    /// A registered name without a record for the protocol: `"ssh/dccp"`.
    ///
    /// ```
    /// use iana_ports::{ParseQueryError, Query};
    /// assert_eq!("ssh/dccp".parse::<Query>(), Err(ParseQueryError::NotOnProtocol));
    /// ```
    NotOnProtocol,
    /// A port range, `"6000-6063"`: not a query (see [`Query`]).
    ///
    /// ```
    /// use iana_ports::{ParseQueryError, Query};
    /// assert_eq!("6000-6063/tcp".parse::<Query>(), Err(ParseQueryError::Range));
    /// ```
    Range,
    /// White space before or after the text: `" 443"`, `"https\n"`. Nothing
    /// is trimmed: trim the text yourself if your input may have it.
    ///
    /// ```
    /// use iana_ports::{ParseQueryError, Query};
    /// assert_eq!(" 443".parse::<Query>(), Err(ParseQueryError::Whitespace));
    /// assert_eq!(" 443".trim().parse::<Query>()?.port(), Some(443));
    /// # Ok::<(), ParseQueryError>(())
    /// ```
    Whitespace,
    /// A service name registered without a port (a DNS-SD or SRV name),
    /// where a port is needed: [`parse_port`](crate::parse_port) and
    /// addresses.
    ///
    /// ```
    /// use iana_ports::{parse_port, ParseQueryError, Protocol};
    /// // "airplay" is registered for DNS-SD, without a port.
    /// assert_eq!(parse_port("airplay", Protocol::Tcp), Err(ParseQueryError::NoPort));
    /// ```
    NoPort,
}

impl ParseQueryError {
    /// `UnknownName` with the suggestion for `name`.
    pub(crate) fn unknown_name(name: &str) -> ParseQueryError {
        ParseQueryError::UnknownName {
            suggestion: crate::suggest(name),
        }
    }

    /// The registered name the user probably meant, for
    /// [`UnknownName`](ParseQueryError::UnknownName) errors that have one;
    /// `None` otherwise.
    ///
    /// ```
    /// use iana_ports::Query;
    ///
    /// let err = "ssh2".parse::<Query>().unwrap_err();
    /// assert_eq!(err.suggestion(), Some("ssh"));
    /// assert_eq!("kafka".parse::<Query>().unwrap_err().suggestion(), None);
    /// ```
    pub fn suggestion(&self) -> Option<&'static str> {
        match *self {
            ParseQueryError::UnknownName { suggestion } => suggestion,
            _ => None,
        }
    }
}

impl fmt::Display for ParseQueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let ParseQueryError::UnknownName {
            suggestion: Some(name),
        } = self
        {
            return write!(f, "unknown service name; did you mean {name:?}?");
        }
        f.write_str(match self {
            ParseQueryError::Empty => {
                "empty query: expected a port or a service name, optionally followed by /protocol"
            }
            ParseQueryError::PortOutOfRange => "port number out of range: ports are 0 to 65535",
            ParseQueryError::UnknownProtocol => {
                "unknown transport protocol: expected tcp, udp, sctp or dccp"
            }
            ParseQueryError::UnknownName { .. } => "unknown service name",
            ParseQueryError::NotOnProtocol => "service name not registered for this protocol",
            ParseQueryError::Range => {
                "port ranges are not supported: give one port or a service name"
            }
            ParseQueryError::Whitespace => "white space before or after the port or service name",
            ParseQueryError::NoPort => "service name registered without a port",
        })
    }
}

impl core::error::Error for ParseQueryError {}
