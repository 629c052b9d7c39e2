//! Handles to records, people and references, and their iterators.

use core::fmt;
use core::iter::FusedIterator;
use core::ops::Range;

use crate::tables as t;
use crate::types::index_iter;
use crate::{Date, PortRange, Protocol, Status};

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
        Protocol::from_code(t::REC_KIND[self.i()] & 0b111)
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
        if t::REC_KIND[i] & 0b1000 == 0 {
            return None;
        }
        PortRange::new(t::REC_LO[i], t::REC_HI[i])
    }

    /// Assigned, Reserved or Unassigned; see [`Status`] for how it is derived.
    ///
    /// ```
    /// use iana_ports::{by_port, Protocol, Status};
    /// assert_eq!(by_port(4196, Protocol::Tcp).next().unwrap().status(), Status::Unassigned);
    /// ```
    pub fn status(self) -> Status {
        Status::from_code(t::REC_KIND[self.i()] >> 4)
    }

    /// The description, `""` when the registry has none. `<br/>` becomes a
    /// line break; other white space runs become one space.
    ///
    /// ```
    /// let r = iana_ports::by_name("x11").next().unwrap();
    /// assert_eq!(r.description(), "X Window System");
    /// ```
    pub fn description(self) -> &'static str {
        t::string(t::META_DESC[self.meta()])
    }

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

    /// The registration date (`date` attribute), when recorded.
    ///
    /// ```
    /// let r = iana_ports::by_name("wot").next().unwrap();
    /// assert_eq!(r.registered().unwrap().to_string(), "2022-11-22");
    /// ```
    pub fn registered(self) -> Option<Date> {
        Date::unpack(t::META_DATE[self.meta()])
    }

    /// The last modification date (`updated` attribute), when recorded.
    ///
    /// ```
    /// let r = iana_ports::by_name("wot").next().unwrap();
    /// assert_eq!(r.modified().unwrap().to_string(), "2022-12-15");
    /// ```
    pub fn modified(self) -> Option<Date> {
        Date::unpack(t::META_UPDATED[self.meta()])
    }

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

    /// Known unauthorized use of the port, as the registry reports it.
    ///
    /// ```
    /// let x11 = iana_ports::by_name("x11").next().unwrap();
    /// assert_eq!(x11.unauthorized(), Some("Known Unauthorized Use on port 6003"));
    /// ```
    pub fn unauthorized(self) -> Option<&'static str> {
        t::opt_string(t::META_UNAUTHORIZED[self.meta()])
    }

    /// The assignment notes (DNS-SD TXT keys, aliases, history).
    ///
    /// ```
    /// let ssh = iana_ports::by_name("ssh").next().unwrap();
    /// assert!(ssh.note().unwrap().starts_with("Defined TXT keys"));
    /// ```
    pub fn note(self) -> Option<&'static str> {
        t::opt_string(t::META_NOTE[self.meta()])
    }
}

impl fmt::Debug for Record {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Record")
            .field("index", &self.index())
            .field("name", &self.name())
            .field("protocol", &self.protocol())
            .field("ports", &self.ports())
            .field("status", &self.status())
            .field("description", &self.description())
            .finish()
    }
}

/// A person or organisation of the registry's `<people>` section.
///
/// IANA's CSV export carries only the id; the XML adds name, organisation
/// and address where known.
///
/// ```
/// let p = iana_ports::by_name("x11").next().unwrap().contacts().next().unwrap();
/// assert_eq!(p.id(), "Stephen_Gildea");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Person {
    ix: u16,
}

impl Person {
    #[inline]
    pub(crate) const fn at(ix: usize) -> Person {
        Person { ix: ix as u16 }
    }

    /// The registry's id, as written in `[Jon_Postel]`.
    ///
    /// ```
    /// let p = iana_ports::by_name("echo").next().unwrap().contacts().next().unwrap();
    /// assert_eq!(p.id(), "Jon_Postel");
    /// ```
    pub fn id(self) -> &'static str {
        t::string(t::PERSON_ID[usize::from(self.ix)])
    }

    /// The person's name, when the registry gives it.
    ///
    /// ```
    /// let p = iana_ports::by_name("echo").next().unwrap().contacts().next().unwrap();
    /// let _maybe: Option<&str> = p.name();
    /// ```
    pub fn name(self) -> Option<&'static str> {
        t::opt_string(t::PERSON_NAME[usize::from(self.ix)])
    }

    /// The organisation, when the registry gives it.
    ///
    /// ```
    /// let p = iana_ports::by_name("echo").next().unwrap().contacts().next().unwrap();
    /// let _maybe: Option<&str> = p.org();
    /// ```
    pub fn org(self) -> Option<&'static str> {
        t::opt_string(t::PERSON_ORG[usize::from(self.ix)])
    }

    /// The first address, as the registry writes it (`mailto:postel&isi.edu`:
    /// IANA writes `&` for `@`), when given.
    ///
    /// ```
    /// let p = iana_ports::by_name("echo").next().unwrap().contacts().next().unwrap();
    /// let _maybe: Option<&str> = p.uri();
    /// ```
    pub fn uri(self) -> Option<&'static str> {
        self.uris().next()
    }

    /// Every address of the person, in registry order (a few have two).
    ///
    /// ```
    /// let p = iana_ports::by_name("echo").next().unwrap().contacts().next().unwrap();
    /// assert_eq!(p.uris().next(), p.uri());
    /// ```
    pub fn uris(self) -> Strs {
        let i = usize::from(self.ix);
        let range = usize::from(t::PERSON_URI_BOUND[i])..usize::from(t::PERSON_URI_BOUND[i + 1]);
        Strs {
            inner: t::URIS[range].iter(),
        }
    }

    /// When the person's entry was last updated, when given.
    ///
    /// ```
    /// let p = iana_ports::by_name("echo").next().unwrap().contacts().next().unwrap();
    /// let _maybe: Option<iana_ports::Date> = p.updated();
    /// ```
    pub fn updated(self) -> Option<Date> {
        Date::unpack(t::PERSON_UPDATED[usize::from(self.ix)])
    }
}

impl fmt::Debug for Person {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Person")
            .field("id", &self.id())
            .field("name", &self.name())
            .field("org", &self.org())
            .field("uris", &self.uris())
            .finish()
    }
}

/// A reference of a record, other than a person.
///
/// `text` is the reference's own body text in the registry, when it has one
/// (`RFC8765, Section 6.1`).
///
/// ```
/// use iana_ports::Reference;
///
/// let ftp = iana_ports::by_name("ftp").next().unwrap();
/// assert_eq!(ftp.references().next(), Some(Reference::Rfc { number: 959, text: None }));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reference {
    /// An RFC, by number.
    Rfc {
        /// The RFC number.
        number: u32,
        /// The body text, if any.
        text: Option<&'static str>,
    },
    /// A web address.
    Uri {
        /// The address.
        uri: &'static str,
        /// The body text, if any.
        text: Option<&'static str>,
    },
    /// An Internet-Draft or an RFC-to-be (`RFC-ietf-...`), by name.
    Draft {
        /// The draft name.
        name: &'static str,
        /// The body text, if any.
        text: Option<&'static str>,
    },
    /// Free text.
    Text(&'static str),
    /// A footnote of the registry.
    Note {
        /// The footnote's anchor (`"1"`).
        anchor: &'static str,
        /// The footnote's text, when the registry has it (IANA's CSV export
        /// does not).
        footnote: Option<&'static str>,
    },
}

impl Reference {
    fn at(i: usize) -> Reference {
        let data = t::string(t::REF_DATA[i]);
        let text = t::opt_string(t::REF_TEXT[i]);
        match t::REF_KIND[i] {
            0 => Reference::Rfc {
                number: parse_u32(data.get(3..).unwrap_or("")),
                text,
            },
            1 => Reference::Uri { uri: data, text },
            2 => Reference::Draft { name: data, text },
            4 => Reference::Note {
                anchor: data,
                footnote: t::FOOTNOTE_ANCHOR
                    .iter()
                    .position(|&a| t::string(a) == data)
                    .map(|k| t::string(t::FOOTNOTE_TEXT[k])),
            },
            _ => Reference::Text(text.unwrap_or("")),
        }
    }
}

/// Digits to a number; the build checked that RFC numbers are digits.
fn parse_u32(s: &str) -> u32 {
    s.bytes().fold(0u32, |n, b| {
        n.wrapping_mul(10)
            .wrapping_add(u32::from(b.wrapping_sub(b'0')))
    })
}

index_iter!(
    /// Records in registry order, from [`by_port`](crate::by_port) and
    /// [`by_name`](crate::by_name): a view of a static slice, no allocation.
    ///
    /// ```
    /// let names: Vec<_> = iana_ports::by_port(80, iana_ports::Protocol::Tcp)
    ///     .filter_map(|r| r.name())
    ///     .collect();
    /// assert_eq!(names, ["http", "www", "www-http"]);
    /// ```
    Records,
    Record,
    core::slice::Iter<'static, u16>
);

impl Records {
    pub(crate) fn new(ix: &'static [u16]) -> Records {
        Records { inner: ix.iter() }
    }
}

index_iter!(
    /// The contacts of a record, from [`Record::contacts`].
    ///
    /// ```
    /// let r = iana_ports::by_name("x11").next().unwrap();
    /// assert_eq!(r.contacts().len(), 1);
    /// ```
    Persons,
    Person,
    core::slice::Iter<'static, u16>
);

/// Strings of the registry, such as [`Person::uris`].
///
/// ```
/// let p = iana_ports::by_name("echo").next().unwrap().contacts().next().unwrap();
/// assert!(p.uris().len() <= 2);
/// ```
#[derive(Clone, Debug)]
pub struct Strs {
    inner: core::slice::Iter<'static, t::StrIx>,
}

impl Iterator for Strs {
    type Item = &'static str;

    #[inline]
    fn next(&mut self) -> Option<&'static str> {
        self.inner.next().map(|&i| t::string(i))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl DoubleEndedIterator for Strs {
    #[inline]
    fn next_back(&mut self) -> Option<&'static str> {
        self.inner.next_back().map(|&i| t::string(i))
    }
}

impl ExactSizeIterator for Strs {}
impl FusedIterator for Strs {}

/// The references of a record, from [`Record::references`].
///
/// ```
/// let r = iana_ports::by_name("http").next().unwrap();
/// assert!(r.references().len() >= 1);
/// ```
#[derive(Clone, Debug)]
pub struct References {
    inner: Range<usize>,
}

/// Every record in registry order, from [`records`](crate::records).
///
/// ```
/// assert_eq!(iana_ports::records().len(), iana_ports::RECORD_COUNT);
/// ```
#[derive(Clone, Debug)]
pub struct AllRecords {
    pub(crate) inner: Range<usize>,
}

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

range_iter!(References, Reference, Reference::at);
range_iter!(AllRecords, Record, Record::at);
