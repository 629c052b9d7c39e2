//! Handles to records and their iterators.

use core::fmt;
use core::iter::FusedIterator;
use core::ops::Range;

use crate::generated as t;
#[cfg(feature = "metadata")]
use crate::metadata::{Person, Persons, References};
#[cfg(feature = "metadata")]
use crate::Date;
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

    #[cfg(feature = "metadata")]
    #[inline]
    fn meta(self) -> usize {
        usize::from(t::REC_META[self.i()])
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

    #[cfg(feature = "metadata")]
    /// The description, `""` when the registry has none. `<br/>` becomes a
    /// line break; other white space runs become one space.
    ///
    /// ```
    /// let r = iana_ports::by_name("x11").next().unwrap();
    /// assert_eq!(r.description(), "X Window System");
    /// ```
    pub fn description(self) -> &'static str {
        t::meta_string(t::META_DESC[self.meta()])
    }

    #[cfg(feature = "metadata")]
    /// The person or organisation in the record's `<assignee>`. IANA's CSV
    /// export shows the contact as the assignee when there is none.
    ///
    /// ```
    /// let smtp = iana_ports::by_name("smtp").next().unwrap();
    /// assert_eq!(smtp.assignee().unwrap().id(), "IESG");
    /// ```
    pub fn assignee(self) -> Option<Person> {
        match t::META_ASSIGNEE[self.meta()] {
            0 => None,
            p => Some(Person::at(usize::from(p - 1))),
        }
    }

    #[cfg(feature = "metadata")]
    /// The record's contacts (its person references), in registry order.
    ///
    /// ```
    /// let smtp = iana_ports::by_name("smtp").next().unwrap();
    /// assert_eq!(smtp.contacts().next().unwrap().id(), "IETF_Chair");
    /// ```
    pub fn contacts(self) -> Persons {
        let m = self.meta();
        let range =
            usize::from(t::META_CONTACT_BOUND[m])..usize::from(t::META_CONTACT_BOUND[m + 1]);
        Persons {
            inner: t::CONTACTS[range].iter(),
        }
    }

    #[cfg(feature = "metadata")]
    /// The registration date (`date` attribute), when recorded.
    ///
    /// ```
    /// let r = iana_ports::by_name("wot").next().unwrap();
    /// assert_eq!(r.registered().unwrap().to_string(), "2022-11-22");
    /// ```
    pub fn registered(self) -> Option<Date> {
        Date::unpack(t::META_DATE[self.meta()])
    }

    #[cfg(feature = "metadata")]
    /// The last modification date (`updated` attribute), when recorded.
    ///
    /// ```
    /// let r = iana_ports::by_name("wot").next().unwrap();
    /// assert_eq!(r.modified().unwrap().to_string(), "2022-12-15");
    /// ```
    pub fn modified(self) -> Option<Date> {
        Date::unpack(t::META_UPDATED[self.meta()])
    }

    #[cfg(feature = "metadata")]
    /// The references other than people: RFCs, URIs, drafts, text, footnotes.
    ///
    /// ```
    /// use iana_ports::Reference;
    /// let http = iana_ports::by_name("http").next().unwrap();
    /// assert!(http.references().any(|r| matches!(r, Reference::Rfc { number: 9110, .. })));
    /// ```
    pub fn references(self) -> References {
        let m = self.meta();
        References {
            inner: usize::from(t::META_REF_BOUND[m])..usize::from(t::META_REF_BOUND[m + 1]),
        }
    }

    #[cfg(feature = "metadata")]
    /// The DCCP service code (RFC 4340), on the few records that have one.
    ///
    /// ```
    /// use iana_ports::{by_port, Protocol};
    /// let discard = by_port(9, Protocol::Dccp).next().unwrap();
    /// assert_eq!(discard.service_code(), Some(1145656131));
    /// ```
    pub fn service_code(self) -> Option<u32> {
        let m = self.meta() as u16;
        t::SC_META
            .iter()
            .position(|&x| x == m)
            .map(|k| t::SC_VALUE[k])
    }

    #[cfg(feature = "metadata")]
    /// Known unauthorized use of the port, as the registry reports it.
    ///
    /// ```
    /// let x11 = iana_ports::by_name("x11").next().unwrap();
    /// assert_eq!(x11.unauthorized(), Some("Known Unauthorized Use on port 6003"));
    /// ```
    pub fn unauthorized(self) -> Option<&'static str> {
        t::opt_meta_string(t::META_UNAUTHORIZED[self.meta()])
    }

    #[cfg(feature = "metadata")]
    /// The assignment notes (DNS-SD TXT keys, aliases, history).
    ///
    /// ```
    /// let ssh = iana_ports::by_name("ssh").next().unwrap();
    /// assert!(ssh.note().unwrap().starts_with("Defined TXT keys"));
    /// ```
    pub fn note(self) -> Option<&'static str> {
        t::opt_meta_string(t::META_NOTE[self.meta()])
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

/// Records in registry order, from [`by_port`](crate::by_port) and
/// [`by_name`](crate::by_name): a view of static tables, no allocation.
///
/// ```
/// let names: Vec<_> = iana_ports::by_port(80, iana_ports::Protocol::Tcp)
///     .filter_map(|r| r.name())
///     .collect();
/// assert_eq!(names, ["http", "www", "www-http"]);
/// ```
#[derive(Clone, Debug)]
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
        let code = t::REC_KIND[i] & crate::encoding::PROTO_MASK;
        let any = crate::encoding::PROTO_ANY;
        (self.protocol == any || code == any || code == self.protocol).then(|| Record::at(i))
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

/// Every record in registry order, from [`records`](crate::records).
///
/// ```
/// assert_eq!(iana_ports::records().len(), iana_ports::RECORD_COUNT);
/// ```
#[derive(Clone, Debug)]
pub struct AllRecords {
    pub(crate) inner: Range<usize>,
}

/// An iterator over a range of table rows.
macro_rules! range_iter {
    ($name:ident, $item:ty, $at:path) => {
        impl Iterator for $name {
            type Item = $item;

            #[inline]
            fn next(&mut self) -> Option<$item> {
                self.inner.next().map($at)
            }

            #[inline]
            fn size_hint(&self) -> (usize, Option<usize>) {
                self.inner.size_hint()
            }

            #[inline]
            fn nth(&mut self, n: usize) -> Option<$item> {
                self.inner.nth(n).map($at)
            }
        }

        impl DoubleEndedIterator for $name {
            #[inline]
            fn next_back(&mut self) -> Option<$item> {
                self.inner.next_back().map($at)
            }
        }

        impl ExactSizeIterator for $name {}
        impl FusedIterator for $name {}
    };
}

range_iter!(AllRecords, Record, Record::at);
#[cfg(feature = "metadata")]
pub(crate) use range_iter;
