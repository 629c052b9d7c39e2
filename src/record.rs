//! [`Record`], a handle to one record, with the accessors every build has
//! (name, protocol, ports, status), and [`Records`], the iterator of every
//! lookup that returns records. The metadata accessors are in
//! `metadata.rs`, which depends on this module (not the other way round).

use core::fmt;
use core::iter::FusedIterator;
use core::ops::Range;

use crate::generated as t;
use crate::{PortRange, Protocol, Status};

/// One record of the registry: a `Copy` handle to `'static` data.
///
/// ```
/// use iana_ports::{by_port, Protocol, Status};
///
/// let https = by_port(443, Protocol::Tcp).next().unwrap();
/// assert_eq!(https.name(), Some("https"));
/// assert_eq!(https.protocol(), Some(Protocol::Tcp));
/// assert_eq!(https.ports().unwrap().start(), 443);
/// assert_eq!(https.status(), Status::Assigned);
/// #[cfg(feature = "metadata")] // the description is metadata
/// assert_eq!(https.description(), "http protocol over TLS/SSL");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Record {
    ix: u16,
}

impl Record {
    #[inline]
    pub(crate) const fn at(ix: usize) -> Record {
        Record { ix: ix as u16 }
    }

    #[inline]
    fn i(self) -> usize {
        usize::from(self.ix)
    }

    /// The position of the record in the registry, 0-based: `records().nth(i)`.
    ///
    /// ```
    /// let r = iana_ports::records().nth(5).unwrap();
    /// assert_eq!(r.index(), 5);
    /// ```
    pub fn index(self) -> usize {
        self.i()
    }

    /// The service name as the registry spells it; `None` for Reserved and
    /// Unassigned rows.
    ///
    /// ```
    /// assert_eq!(iana_ports::by_name("SSH").next().unwrap().name(), Some("ssh"));
    /// ```
    pub fn name(self) -> Option<&'static str> {
        t::opt_string(t::REC_NAME[self.i()])
    }

    /// The transport protocol; `None` when the record applies to all of them.
    ///
    /// ```
    /// let vrml = iana_ports::by_name("vrml-multi-use").next().unwrap();
    /// assert_eq!(vrml.protocol(), None);
    /// ```
    pub fn protocol(self) -> Option<Protocol> {
        Protocol::from_code(t::REC_KIND[self.i()] & crate::encoding::PROTO_MASK)
    }

    /// Whether the record applies to `protocol`: its protocol is `protocol`
    /// or it has none.
    ///
    /// ```
    /// use iana_ports::Protocol;
    /// let vrml = iana_ports::by_name("vrml-multi-use").next().unwrap();
    /// assert!(vrml.applies_to(Protocol::Sctp));
    /// ```
    pub fn applies_to(self, protocol: Protocol) -> bool {
        self.protocol().is_none_or(|p| p == protocol)
    }

    /// The port or port range; `None` for a service-name-only registration
    /// (used with DNS SRV and DNS-SD).
    ///
    /// ```
    /// let x11 = iana_ports::by_name("x11").next().unwrap();
    /// assert_eq!(x11.ports().unwrap().to_string(), "6000-6063");
    /// ```
    pub fn ports(self) -> Option<PortRange> {
        let i = self.i();
        let (kind, lo) = (t::REC_KIND[i], t::REC_LO[i]);
        match (
            kind & crate::encoding::HAS_PORT != 0,
            kind & crate::encoding::RANGE != 0,
        ) {
            (true, false) => Some(PortRange::single(lo)),
            (true, true) => PortRange::new(lo, t::range_hi(i)),
            (false, _) => None,
        }
    }

    /// Assigned, Reserved or Unassigned; see [`Status`] for how it is derived.
    ///
    /// ```
    /// use iana_ports::{by_port, Protocol, Status};
    /// assert_eq!(by_port(4196, Protocol::Tcp).next().unwrap().status(), Status::Unassigned);
    /// ```
    pub fn status(self) -> Status {
        Status::from_code(
            (t::REC_KIND[self.i()] >> crate::encoding::STATUS_SHIFT) & crate::encoding::STATUS_MASK,
        )
    }
}

impl fmt::Debug for Record {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("Record");
        d.field("index", &self.index())
            .field("name", &self.name())
            .field("protocol", &self.protocol())
            .field("ports", &self.ports())
            .field("status", &self.status());
        #[cfg(feature = "metadata")]
        d.field("description", &self.description());
        d.finish()
    }
}

/// Records in registry order: what [`by_port`](crate::by_port),
/// [`by_name`](crate::by_name), [`records`](crate::records) and
/// [`Query::records`](crate::Query::records) return. A view of static
/// tables: no allocation. Its `Debug` lists the records left.
///
/// ```
/// use iana_ports::{by_port, Protocol};
///
/// let names: Vec<_> = by_port(80, Protocol::Tcp).filter_map(|r| r.name()).collect();
/// assert_eq!(names, ["http", "www", "www-http"]);
///
/// let mut www = by_port(80, Protocol::Tcp);
/// www.next(); // http
/// assert!(format!("{www:?}").starts_with(r#"Records([Record { index: 172, name: Some("www"), "#));
/// assert_eq!(format!("{:?}", by_port(60000, Protocol::Tcp)), "Records([])");
/// ```
#[derive(Clone)]
pub struct Records {
    /// The part of the run of `V` (see `build/tables/mod.rs`) not yet returned.
    front: u16,
    back: u16,
    /// How many records of that part are kept.
    left: u16,
    /// Keep records on this protocol code or on none; 0 keeps all.
    protocol: u8,
}

impl Records {
    /// Every record of `run`.
    #[inline]
    pub(crate) fn all(run: Range<u16>) -> Records {
        Records {
            front: run.start,
            back: run.end,
            left: run.end - run.start,
            protocol: 0,
        }
    }

    /// The records of `run` on `protocol` or on none, `left` of them.
    #[inline]
    pub(crate) fn counted(run: Range<u16>, protocol: u8, left: u16) -> Records {
        Records {
            front: run.start,
            back: run.end,
            left,
            protocol,
        }
    }

    /// The records of `run` on `protocol` or on none.
    pub(crate) fn on(run: Range<u16>, protocol: Protocol) -> Records {
        let mut r = Records::counted(run.clone(), protocol.code(), 0);
        r.left = run.filter(|&k| r.kept(k).is_some()).count() as u16;
        r
    }

    /// Record `k` of the run, if it is kept.
    #[inline]
    fn kept(&self, k: u16) -> Option<Record> {
        let i = t::record_at(k);
        let any = crate::encoding::PROTO_ANY;
        // Without a protocol (`by_name`, `records`) every record is kept:
        // its kind byte is not read.
        if self.protocol == any {
            return Some(Record::at(i));
        }
        let code = t::REC_KIND[i] & crate::encoding::PROTO_MASK;
        (code == any || code == self.protocol).then(|| Record::at(i))
    }
}

impl Iterator for Records {
    type Item = Record;

    #[inline]
    fn next(&mut self) -> Option<Record> {
        while self.left > 0 && self.front < self.back {
            let k = self.front;
            self.front += 1;
            if let Some(r) = self.kept(k) {
                self.left -= 1;
                return Some(r);
            }
        }
        None
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (usize::from(self.left), Some(usize::from(self.left)))
    }

    #[inline]
    fn nth(&mut self, n: usize) -> Option<Record> {
        if self.protocol == 0 {
            // Every record of the run is kept: skip without looking.
            let skip = n.min(usize::from(self.left)) as u16;
            self.front += skip;
            self.left -= skip;
        } else {
            for _ in 0..n {
                self.next()?;
            }
        }
        self.next()
    }

    #[inline]
    fn count(self) -> usize {
        usize::from(self.left)
    }

    #[inline]
    fn last(mut self) -> Option<Record> {
        self.next_back()
    }
}

impl DoubleEndedIterator for Records {
    #[inline]
    fn next_back(&mut self) -> Option<Record> {
        while self.left > 0 && self.front < self.back {
            self.back -= 1;
            if let Some(r) = self.kept(self.back) {
                self.left -= 1;
                return Some(r);
            }
        }
        None
    }
}

impl ExactSizeIterator for Records {}
impl FusedIterator for Records {}

impl fmt::Debug for Records {
    /// `Records([Record { .. }, ..])`: the records left.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::iter::debug_left(f, "Records", self.clone())
    }
}
