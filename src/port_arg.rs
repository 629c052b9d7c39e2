//! "Port or name" in one call, and queries with a default protocol.

use crate::query::{self, ParseQueryError};
use crate::{Protocol, Query, Records, generated};

/// The port that `text`, a port number or a service name, means for
/// `protocol`: `"443"` and `"https"` (any case) are both 443 for
/// [`Protocol::Tcp`].
///
/// What a command-line option or a config file's `port = ...` takes.
///
/// - Text made only of ASCII digits is a port (`0` to `65535`, leading
///   zeros allowed), registered or not.
/// - Anything else is a service name, compared ASCII case-insensitively,
///   that must be registered for `protocol`; its port is the one
///   [`port`](fn@crate::port) gives.
/// - There is no `/protocol` suffix: the protocol is the argument (use
///   [`Query`] to let the text choose it). `"https/tcp"` is an unknown
///   name, with `https` as the suggestion.
/// - Nothing is trimmed: white space around the text is
///   [`ParseQueryError::Whitespace`].
///
/// The errors are [`Query`]'s: [`Empty`](ParseQueryError::Empty),
/// [`Whitespace`](ParseQueryError::Whitespace),
/// [`PortOutOfRange`](ParseQueryError::PortOutOfRange),
/// [`Range`](ParseQueryError::Range),
/// [`UnknownName`](ParseQueryError::UnknownName) (with a suggestion),
/// [`NotOnProtocol`](ParseQueryError::NotOnProtocol), and
/// [`NoPort`](ParseQueryError::NoPort) for names registered without a port.
/// Nothing is allocated.
///
/// ```
/// use iana_ports::{parse_port, ParseQueryError, Protocol};
///
/// assert_eq!(parse_port("443", Protocol::Tcp), Ok(443));
/// assert_eq!(parse_port("HTTPS", Protocol::Tcp), Ok(443));
/// assert_eq!(parse_port("60000", Protocol::Udp), Ok(60000)); // numbers need no registration
/// assert_eq!(parse_port("ident", Protocol::Udp), Err(ParseQueryError::NotOnProtocol));
/// assert_eq!(parse_port(" 443", Protocol::Tcp), Err(ParseQueryError::Whitespace));
///
/// let err = parse_port("postgres", Protocol::Tcp).unwrap_err();
/// assert_eq!(err.to_string(), "unknown service name; did you mean \"postgresql\"?");
/// ```
pub fn parse_port(text: &str, protocol: Protocol) -> Result<u16, ParseQueryError> {
    if text.is_empty() {
        return Err(ParseQueryError::Empty);
    }
    if query::has_outer_space(text) {
        return Err(ParseQueryError::Whitespace);
    }
    if query::is_digits(text) {
        return query::parse_port(text);
    }
    if query::is_range(text) {
        return Err(ParseQueryError::Range);
    }
    let Some(id) = generated::name_id(text) else {
        return Err(ParseQueryError::UnknownName {
            suggestion: suggestion(text),
        });
    };
    // The name is looked up once: its key has its records.
    match crate::ports::port_of(id, protocol) {
        Some(port) => Ok(port),
        None if Records::all(id.run()).any(|r| r.applies_to(protocol)) => {
            Err(ParseQueryError::NoPort)
        }
        None => Err(ParseQueryError::NotOnProtocol),
    }
}

/// The name to suggest for `text`, which is not registered: `NAME` for
/// `NAME/PROTO` (the protocol belongs in the argument), else [`crate::suggest`].
fn suggestion(text: &str) -> Option<&'static str> {
    if let Some((head, tail)) = text.rsplit_once('/') {
        if Protocol::from_name(tail).is_some() {
            if let Some(name) = crate::by_name(head).find_map(|r| r.name()) {
                return Some(name);
            }
        }
    }
    crate::suggest(text)
}

impl Query {
    /// Parses `text` as [`FromStr`](core::str::FromStr) does, and gives the
    /// query `protocol` when the text names none: `"https"` becomes
    /// `https/tcp`, `"443"` becomes `443/tcp`, `"https/udp"` stays
    /// `https/udp`. A name must then be registered for `protocol`
    /// ([`ParseQueryError::NotOnProtocol`] otherwise), and its port is the
    /// one for `protocol`.
    ///
    /// ```
    /// use iana_ports::{ParseQueryError, Protocol, Query};
    ///
    /// let q = Query::parse_with_default("HTTPS", Protocol::Tcp)?;
    /// assert_eq!((q.name(), q.port(), q.protocol()), (Some("https"), Some(443), Some(Protocol::Tcp)));
    /// assert_eq!(q.to_string(), "https/tcp");
    ///
    /// let q = Query::parse_with_default("53/udp", Protocol::Tcp)?;
    /// assert_eq!(q.protocol(), Some(Protocol::Udp));
    ///
    /// let err = Query::parse_with_default("ident", Protocol::Udp).unwrap_err();
    /// assert_eq!(err, ParseQueryError::NotOnProtocol); // 113/tcp only
    /// # Ok::<(), ParseQueryError>(())
    /// ```
    pub fn parse_with_default(text: &str, protocol: Protocol) -> Result<Query, ParseQueryError> {
        let q: Query = text.parse()?;
        if q.protocol().is_some() {
            return Ok(q);
        }
        match (q.name(), q.port()) {
            (Some(name), _) => match generated::name_id(name) {
                Some(id) => query::name_query(id, Some(protocol)),
                None => Err(ParseQueryError::unknown_name(name)),
            },
            (None, Some(port)) => Ok(Query::of_port(port, Some(protocol))),
            (None, None) => Ok(q),
        }
    }
}
