//! `Protocol`: the four transport protocols of the registry, their
//! spelling, parsing and the code the tables store.

use core::fmt;
use core::str::FromStr;

/// A transport protocol of the registry.
///
/// A record without a protocol applies to all four.
///
/// ```
/// use iana_ports::Protocol;
///
/// assert_eq!("TCP".parse::<Protocol>(), Ok(Protocol::Tcp));
/// assert_eq!(Protocol::Sctp.to_string(), "sctp");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Protocol {
    /// Transmission Control Protocol.
    Tcp,
    /// User Datagram Protocol.
    Udp,
    /// Stream Control Transmission Protocol.
    Sctp,
    /// Datagram Congestion Control Protocol.
    Dccp,
}

impl Protocol {
    /// All four, in this order.
    ///
    /// ```
    /// assert_eq!(iana_ports::Protocol::ALL.len(), 4);
    /// ```
    pub const ALL: [Protocol; 4] = [Protocol::Tcp, Protocol::Udp, Protocol::Sctp, Protocol::Dccp];

    /// The registry's spelling: `"tcp"`, `"udp"`, `"sctp"` or `"dccp"`.
    ///
    /// ```
    /// assert_eq!(iana_ports::Protocol::Dccp.as_str(), "dccp");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Protocol::Tcp => "tcp",
            Protocol::Udp => "udp",
            Protocol::Sctp => "sctp",
            Protocol::Dccp => "dccp",
        }
    }

    /// Parses `tcp`, `udp`, `sctp` or `dccp` in any ASCII case, in `const`
    /// context too.
    ///
    /// ```
    /// use iana_ports::Protocol;
    ///
    /// const P: Option<Protocol> = Protocol::from_name("Udp");
    /// assert_eq!(P, Some(Protocol::Udp));
    /// assert_eq!(Protocol::from_name("icmp"), None);
    /// ```
    pub const fn from_name(s: &str) -> Option<Protocol> {
        // The text lowercased into one word, its length above: one
        // comparison a protocol.
        const fn key(b: &[u8]) -> u64 {
            let mut k = (b.len() as u64) << 32;
            let mut i = 0;
            while i < b.len() {
                k |= (b[i].to_ascii_lowercase() as u64) << (8 * i);
                i += 1;
            }
            k
        }
        const KEYS: [u64; 4] = {
            let mut keys = [0; 4];
            let mut i = 0;
            while i < keys.len() {
                keys[i] = key(Protocol::ALL[i].as_str().as_bytes());
                i += 1;
            }
            keys
        };
        let b = s.as_bytes();
        if b.len() < 3 || b.len() > 4 {
            return None;
        }
        let k = key(b);
        let mut i = 0;
        while i < KEYS.len() {
            if KEYS[i] == k {
                return Some(Protocol::ALL[i]);
            }
            i += 1;
        }
        None
    }

    /// Position in [`Protocol::ALL`].
    pub(crate) const fn index(self) -> usize {
        self as usize
    }

    /// The table code (`src/encoding.rs`): tcp, udp, sctp, dccp from
    /// `PROTO_TCP` on, in `ALL`'s order (`PROTO_ANY` is "any").
    pub(crate) const fn code(self) -> u8 {
        self as u8 + crate::encoding::PROTO_TCP
    }

    /// From the table code: tcp, udp, sctp, dccp, else none.
    pub(crate) const fn from_code(code: u8) -> Option<Protocol> {
        match code {
            crate::encoding::PROTO_TCP => Some(Protocol::Tcp),
            crate::encoding::PROTO_UDP => Some(Protocol::Udp),
            crate::encoding::PROTO_SCTP => Some(Protocol::Sctp),
            crate::encoding::PROTO_DCCP => Some(Protocol::Dccp),
            _ => None,
        }
    }
}

impl fmt::Display for Protocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// The error of parsing a [`Protocol`]: the text was not `tcp`, `udp`,
/// `sctp` or `dccp` in any case.
///
/// ```
/// let err = "icmp".parse::<iana_ports::Protocol>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown transport protocol: expected tcp, udp, sctp or dccp");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseProtocolError;

impl fmt::Display for ParseProtocolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown transport protocol: expected tcp, udp, sctp or dccp")
    }
}

impl core::error::Error for ParseProtocolError {}

impl FromStr for Protocol {
    type Err = ParseProtocolError;

    /// Case-insensitive: `"tcp"`, `"TCP"` and `"Tcp"` are all [`Protocol::Tcp`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Protocol::from_name(s).ok_or(ParseProtocolError)
    }
}
