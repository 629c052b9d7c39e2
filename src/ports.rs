//! The port of a name ([`port()`](fn@crate::port)) and all of its ports
//! ([`ports`]).

use core::fmt;
use core::iter::FusedIterator;

use crate::{PortRange, Protocol, Records, generated};

/// Whether record `i` holds the preferred port of its name on its protocol
/// (`build/preferred.rs`).
#[inline]
fn is_preferred(i: usize) -> bool {
    generated::PREFERRED.iter().any(|&p| usize::from(p) == i)
}

/// [`port()`](fn@crate::port): the preferred port of `name` on `protocol`,
/// else the first port of the first record in registry order. Reads only
/// each record's kind byte and first port (`REC_KIND`, `REC_LO`): a range's
/// last port is not needed.
#[inline]
pub(crate) fn port(name: &str, protocol: Protocol) -> Option<u16> {
    port_of(generated::name_id(name)?, protocol)
}

/// [`port`] of the name whose `NAME_MAP` key is `id`.
#[inline]
pub(crate) fn port_of(id: &generated::NameId, protocol: Protocol) -> Option<u16> {
    use crate::encoding::{HAS_PORT, PROTO_ANY, PROTO_MASK};
    let code = protocol.code();
    // Only the few names with a record in `PREFERRED` read past the first
    // record that applies.
    let preferred = id.has_preferred();
    let mut first = None;
    for k in id.run() {
        let i = generated::record_at(k);
        let kind = generated::REC_KIND[i];
        let proto = kind & PROTO_MASK;
        if kind & HAS_PORT == 0 || (proto != PROTO_ANY && proto != code) {
            continue;
        }
        let lo = generated::REC_LO[i];
        if !preferred || is_preferred(i) {
            return Some(lo);
        }
        first = first.or(Some(lo));
    }
    first
}

/// Every port or port range of the service `name` (any case) on `protocol`,
/// in registry order: one item per record of the name that has ports and
/// whose protocol is `protocol` or absent.
///
/// [`port()`](fn@crate::port) picks one of these; this gives them all, for
/// a program that listens on each or shows them. Items are [`PortRange`]s,
/// since some names are registered on a range (`x11` is 6000-6063): use
/// [`PortRange::start`] for the first port of each, or iterate a range's
/// ports with `start()..=end()`. Empty when the name is unknown or has no
/// port on the protocol. Allocates nothing.
///
/// ```
/// use iana_ports::{port, ports, Protocol};
///
/// let alt: Vec<u16> = ports("http-alt", Protocol::Tcp).map(|r| r.start()).collect();
/// assert_eq!(alt, [591, 8008, 8080]);
/// assert_eq!(port("http-alt", Protocol::Tcp), Some(8080)); // what /etc/services lists
///
/// let x11: Vec<String> = ports("X11", Protocol::Udp).map(|r| r.to_string()).collect();
/// assert_eq!(x11, ["6000-6063"]);
/// assert_eq!(ports("ssh", Protocol::Dccp).len(), 0);
/// assert_eq!(format!("{:?}", ports("mon", Protocol::Tcp)), "Ports([2583, 9255])");
/// ```
pub fn ports(name: &str, protocol: Protocol) -> Ports {
    let inner = Records::on(generated::name_run(name), protocol);
    let left = inner.clone().filter(|r| r.ports().is_some()).count() as u16;
    Ports { inner, left }
}

/// The ports of a name on a protocol, from [`ports`]: registry order, no
/// allocation. Its `Debug` lists the ports left, as `Ports([591, 8008,
/// 8080])`.
///
/// ```
/// let mut alt = iana_ports::ports("http-alt", iana_ports::Protocol::Udp);
/// assert_eq!(alt.len(), 3);
/// assert_eq!(alt.next_back().map(|r| r.start()), Some(8080));
/// assert_eq!(format!("{alt:?}"), "Ports([591, 8008])");
/// ```
#[derive(Clone)]
pub struct Ports {
    /// The name's records on the protocol not yet looked at.
    inner: Records,
    /// How many of them have ports.
    left: u16,
}

impl Iterator for Ports {
    type Item = PortRange;

    #[inline]
    fn next(&mut self) -> Option<PortRange> {
        while self.left > 0 {
            if let Some(p) = self.inner.next()?.ports() {
                self.left -= 1;
                return Some(p);
            }
        }
        None
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (usize::from(self.left), Some(usize::from(self.left)))
    }
}

impl DoubleEndedIterator for Ports {
    #[inline]
    fn next_back(&mut self) -> Option<PortRange> {
        while self.left > 0 {
            if let Some(p) = self.inner.next_back()?.ports() {
                self.left -= 1;
                return Some(p);
            }
        }
        None
    }
}

impl ExactSizeIterator for Ports {}
impl FusedIterator for Ports {}

impl fmt::Debug for Ports {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        /// A port range shown as the registry writes it: `591`, `6000-6063`.
        struct Shown(PortRange);
        impl fmt::Debug for Shown {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }
        crate::iter::debug_left(f, "Ports", self.clone().map(Shown))
    }
}
