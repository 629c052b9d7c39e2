//! The metadata of records (feature `metadata`): people, references.

use core::fmt;
use core::iter::FusedIterator;
use core::ops::Range;

use crate::generated as t;
use crate::record::range_iter;
use crate::Date;

/// An iterator over a slice of table indices.
macro_rules! index_iter {
    ($(#[$m:meta])* $name:ident, $item:ident, $inner:ty) => {
        $(#[$m])*
        #[derive(Clone, Debug)]
        pub struct $name {
            pub(crate) inner: $inner,
        }

        impl Iterator for $name {
            type Item = $item;

            #[inline]
            fn next(&mut self) -> Option<$item> {
                self.inner.next().map(|&i| $item::at(usize::from(i)))
            }

            #[inline]
            fn size_hint(&self) -> (usize, Option<usize>) {
                self.inner.size_hint()
            }

            #[inline]
            fn nth(&mut self, n: usize) -> Option<$item> {
                self.inner.nth(n).map(|&i| $item::at(usize::from(i)))
            }
        }

        impl DoubleEndedIterator for $name {
            #[inline]
            fn next_back(&mut self) -> Option<$item> {
                self.inner.next_back().map(|&i| $item::at(usize::from(i)))
            }
        }

        impl ExactSizeIterator for $name {}
        impl core::iter::FusedIterator for $name {}
    };
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
        t::meta_string(t::PERSON_ID[usize::from(self.ix)])
    }

    /// The person's name, when the registry gives it.
    ///
    /// ```
    /// let p = iana_ports::by_name("echo").next().unwrap().contacts().next().unwrap();
    /// assert_eq!(p.name(), Some("Jon Postel"));
    /// assert_eq!(p.org(), None);
    /// ```
    pub fn name(self) -> Option<&'static str> {
        t::opt_meta_string(t::PERSON_NAME[usize::from(self.ix)])
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
        t::opt_meta_string(t::PERSON_ORG[usize::from(self.ix)])
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
    /// let p = iana_ports::by_name("ntp").next().unwrap().contacts().next().unwrap();
    /// assert_eq!(p.name(), Some("Dave Mills"));
    /// assert_eq!(p.updated().unwrap().to_string(), "2022-06-03");
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
    pub(crate) fn at(i: usize) -> Reference {
        let data = t::meta_string(t::REF_DATA[i]);
        let text = t::opt_meta_string(t::REF_TEXT[i]);
        match t::REF_KIND[i] {
            crate::encoding::REF_RFC => Reference::Rfc {
                number: parse_u32(data.get(3..).unwrap_or("")),
                text,
            },
            crate::encoding::REF_URI => Reference::Uri { uri: data, text },
            crate::encoding::REF_DRAFT => Reference::Draft { name: data, text },
            crate::encoding::REF_NOTE => Reference::Note {
                anchor: data,
                footnote: t::FOOTNOTE_ANCHOR
                    .iter()
                    .position(|&a| t::meta_string(a) == data)
                    .map(|k| t::meta_string(t::FOOTNOTE_TEXT[k])),
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
    /// The contacts of a record, from [`Record::contacts`](crate::Record::contacts).
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
    inner: core::slice::Iter<'static, t::MetaStrIx>,
}

impl Iterator for Strs {
    type Item = &'static str;

    #[inline]
    fn next(&mut self) -> Option<&'static str> {
        self.inner.next().map(|&i| t::meta_string(i))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl DoubleEndedIterator for Strs {
    #[inline]
    fn next_back(&mut self) -> Option<&'static str> {
        self.inner.next_back().map(|&i| t::meta_string(i))
    }
}

impl ExactSizeIterator for Strs {}
impl FusedIterator for Strs {}

/// The references of a record, from [`Record::references`](crate::Record::references).
///
/// ```
/// let r = iana_ports::by_name("http").next().unwrap();
/// assert!(r.references().len() >= 1);
/// ```
#[derive(Clone, Debug)]
pub struct References {
    pub(crate) inner: Range<usize>,
}

range_iter!(References, Reference, Reference::at);
