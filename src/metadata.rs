//! The metadata of records (feature `metadata`, the one `#[cfg]`: on this
//! module in `lib.rs`): `Record`'s metadata accessors, people, references
//! and their iterators. This module imports `record.rs`; `record.rs`
//! imports nothing from it (its `Debug` of a record calls `description`
//! when the feature is on).

use core::fmt;
use core::ops::Range;

use crate::generated as t;
use crate::iter::row_iter;
use crate::{Date, Record};

/// The metadata accessors (feature `metadata`, on by default):
/// descriptions, people, dates, references, service codes, unauthorized
/// use and notes.
impl Record {
    /// The record's row in the metadata tables.
    #[inline]
    fn meta(self) -> usize {
        usize::from(t::REC_META.get(self.index()))
    }

    /// The description, `""` when the registry has none. `<br/>` becomes a
    /// line break; other white space runs become one space.
    ///
    /// ```
    /// let r = iana_ports::by_name("x11").next().unwrap();
    /// assert_eq!(r.description(), "X Window System");
    /// ```
    pub fn description(self) -> &'static str {
        t::meta_string(t::META_DESC.get(self.meta()))
    }

    /// The person or organisation in the record's `<assignee>`. IANA's CSV
    /// export shows the contact as the assignee when there is none.
    ///
    /// ```
    /// let smtp = iana_ports::by_name("smtp").next().unwrap();
    /// assert_eq!(smtp.assignee().unwrap().id(), "IESG");
    /// ```
    pub fn assignee(self) -> Option<Person> {
        match t::META_ASSIGNEE.get(self.meta()) {
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
    pub fn contacts(self) -> Contacts {
        let m = self.meta();
        let range = usize::from(t::META_CONTACT_BOUND.get(m))
            ..usize::from(t::META_CONTACT_BOUND.get(m + 1));
        Contacts { inner: range }
    }

    /// The registration date (`date` attribute), when recorded.
    ///
    /// ```
    /// let r = iana_ports::by_name("wot").next().unwrap();
    /// assert_eq!(r.registered().unwrap().to_string(), "2022-11-22");
    /// ```
    pub fn registered(self) -> Option<Date> {
        Date::unpack(t::META_DATE.get(self.meta()))
    }

    /// The last modification date (`updated` attribute), when recorded.
    ///
    /// ```
    /// let r = iana_ports::by_name("wot").next().unwrap();
    /// assert_eq!(r.modified().unwrap().to_string(), "2022-12-15");
    /// ```
    pub fn modified(self) -> Option<Date> {
        Date::unpack(t::META_UPDATED.get(self.meta()))
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
            inner: usize::from(t::META_REF_BOUND.get(m))..usize::from(t::META_REF_BOUND.get(m + 1)),
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
        (0..t::SC_META.len())
            .find(|&k| t::SC_META.get(k) == m)
            .map(|k| t::SC_VALUE.get(k))
    }

    /// Known unauthorized use of the port, as the registry reports it.
    ///
    /// ```
    /// let x11 = iana_ports::by_name("x11").next().unwrap();
    /// assert_eq!(x11.unauthorized(), Some("Known Unauthorized Use on port 6003"));
    /// ```
    pub fn unauthorized(self) -> Option<&'static str> {
        t::opt_meta_string(t::META_UNAUTHORIZED.get(self.meta()))
    }

    /// The assignment notes (DNS-SD TXT keys, aliases, history).
    ///
    /// ```
    /// let ssh = iana_ports::by_name("ssh").next().unwrap();
    /// assert!(ssh.note().unwrap().starts_with("Defined TXT keys"));
    /// ```
    pub fn note(self) -> Option<&'static str> {
        t::opt_meta_string(t::META_NOTE.get(self.meta()))
    }
}

/// A person or organisation of the registry's `<people>` section.
///
/// The registry's `<people>` entry: an id, and a name, organisation,
/// addresses and date where the registry gives them (IANA's CSV export
/// carries only the id).
///
/// ```
/// let p = iana_ports::by_name("x11").next().unwrap().contacts().next().unwrap();
/// assert_eq!(p.id(), "Stephen_Gildea");
/// assert_eq!(p.name(), Some("Stephen Gildea"));
/// assert_eq!(p.uri(), Some("mailto:gildea&lcs.mit.edu"));
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
        t::meta_string(t::PERSON_ID.get(usize::from(self.ix)))
    }

    /// The person's name, when the registry gives it.
    ///
    /// ```
    /// let p = iana_ports::by_name("echo").next().unwrap().contacts().next().unwrap();
    /// assert_eq!(p.name(), Some("Jon Postel"));
    /// assert_eq!(p.org(), None);
    /// ```
    pub fn name(self) -> Option<&'static str> {
        t::opt_meta_string(t::PERSON_NAME.get(usize::from(self.ix)))
    }

    /// The organisation, when the registry gives it.
    ///
    /// ```
    /// let p = iana_ports::by_name("smtp").next().unwrap().assignee().unwrap();
    /// assert_eq!(p.id(), "IESG");
    /// assert_eq!(p.org(), Some("IESG"));
    /// assert_eq!(p.name(), None);
    /// ```
    pub fn org(self) -> Option<&'static str> {
        t::opt_meta_string(t::PERSON_ORG.get(usize::from(self.ix)))
    }

    /// The first address, as the registry writes it (`mailto:postel&isi.edu`:
    /// IANA writes `&` for `@`), when given.
    ///
    /// ```
    /// let p = iana_ports::by_name("echo").next().unwrap().contacts().next().unwrap();
    /// assert_eq!(p.uri(), Some("mailto:postel&isi.edu"));
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
    pub fn uris(self) -> Uris {
        let i = usize::from(self.ix);
        let range =
            usize::from(t::PERSON_URI_BOUND.get(i))..usize::from(t::PERSON_URI_BOUND.get(i + 1));
        Uris { inner: range }
    }

    /// When the person's entry was last updated, when given.
    ///
    /// ```
    /// let p = iana_ports::by_name("ntp").next().unwrap().contacts().next().unwrap();
    /// assert_eq!(p.name(), Some("Dave Mills"));
    /// assert_eq!(p.updated().unwrap().to_string(), "2022-06-03");
    /// ```
    pub fn updated(self) -> Option<Date> {
        Date::unpack(t::PERSON_UPDATED.get(usize::from(self.ix)))
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
    pub(crate) fn at(i: usize) -> Reference {
        let data = t::meta_string(t::REF_DATA.get(i));
        let text = t::opt_meta_string(t::REF_TEXT.get(i));
        match t::REF_KIND[i] {
            crate::encoding::REF_RFC => Reference::Rfc {
                number: parse_u32(data.get(3..).unwrap_or("")),
                text,
            },
            crate::encoding::REF_URI => Reference::Uri { uri: data, text },
            crate::encoding::REF_DRAFT => Reference::Draft { name: data, text },
            crate::encoding::REF_NOTE => Reference::Note {
                anchor: data,
                footnote: (0..t::FOOTNOTE_ANCHOR.len())
                    .find(|&k| t::meta_string(t::FOOTNOTE_ANCHOR.get(k)) == data)
                    .map(|k| t::meta_string(t::FOOTNOTE_TEXT.get(k))),
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

row_iter!(
    /// The contacts of a record, from [`Record::contacts`].
    ///
    /// ```
    /// let r = iana_ports::by_name("x11").next().unwrap();
    /// assert_eq!(r.contacts().len(), 1);
    /// assert_eq!(
    ///     format!("{:?}", r.contacts()),
    ///     r#"Contacts([Person { id: "Stephen_Gildea", name: Some("Stephen Gildea"), org: None, uris: Uris(["mailto:gildea&lcs.mit.edu"]) }])"#
    /// );
    /// ```
    Contacts(Range<usize>) -> Person,
    |k| Person::at(usize::from(t::CONTACTS.get(k)))
);

row_iter!(
    /// The addresses of a person, from [`Person::uris`].
    ///
    /// ```
    /// let p = iana_ports::by_name("echo").next().unwrap().contacts().next().unwrap();
    /// assert_eq!(format!("{:?}", p.uris()), r#"Uris(["mailto:postel&isi.edu"])"#);
    /// ```
    Uris(Range<usize>) -> &'static str,
    |k| t::meta_string(t::URIS.get(k))
);

row_iter!(
    /// The references of a record, from [`Record::references`].
    ///
    /// ```
    /// let r = iana_ports::by_name("http").next().unwrap();
    /// assert!(r.references().len() >= 1);
    /// ```
    References(Range<usize>) -> Reference,
    Reference::at
);
