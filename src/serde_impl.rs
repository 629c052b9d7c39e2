//! `serde` support: `Serialize` for the data types, `Deserialize` for
//! [`Protocol`]. Nothing here allocates.

use core::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, SerializeStruct, Serializer};

#[cfg(feature = "metadata")]
use crate::{Date, Person, Reference};
use crate::{PortRange, Protocol, Record, Status};

impl Serialize for Protocol {
    /// As `"tcp"`, `"udp"`, `"sctp"` or `"dccp"`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Protocol {
    /// From a string in any case: `"tcp"`, `"TCP"`, `"Tcp"`.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Protocol;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a transport protocol: tcp, udp, sctp or dccp")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Protocol, E> {
                Protocol::from_name(v)
                    .ok_or_else(|| E::invalid_value(de::Unexpected::Str(v), &self))
            }

            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Protocol, E> {
                core::str::from_utf8(v)
                    .ok()
                    .and_then(Protocol::from_name)
                    .ok_or_else(|| E::invalid_value(de::Unexpected::Bytes(v), &self))
            }
        }
        d.deserialize_str(V)
    }
}

impl Serialize for Status {
    /// As `"assigned"`, `"reserved"` or `"unassigned"`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(feature = "metadata")]
impl Serialize for Date {
    /// As `"2024-06-12"` or `"2007-01"`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Serialize for PortRange {
    /// As `{"start": 6000, "end": 6063}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("PortRange", 2)?;
        st.serialize_field("start", &self.start())?;
        st.serialize_field("end", &self.end())?;
        st.end()
    }
}

#[cfg(feature = "metadata")]
/// A `Copy` iterator serialised as a sequence without collecting it.
struct Seq<I>(I);

#[cfg(feature = "metadata")]
impl<I> Serialize for Seq<I>
where
    I: Iterator + Clone,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.clone())
    }
}

#[cfg(feature = "metadata")]
impl Serialize for Person {
    /// As `{"id", "name", "org", "uris", "updated"}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Person", 5)?;
        st.serialize_field("id", self.id())?;
        st.serialize_field("name", &self.name())?;
        st.serialize_field("org", &self.org())?;
        st.serialize_field("uris", &Seq(self.uris()))?;
        st.serialize_field("updated", &self.updated())?;
        st.end()
    }
}

#[cfg(feature = "metadata")]
impl Serialize for Reference {
    /// As `{"type": "rfc", "rfc": 6335, "text": null}`, `{"type": "uri",
    /// "uri": ..}`, `{"type": "draft", "name": ..}`, `{"type": "text",
    /// "text": ..}` or `{"type": "note", "anchor": .., "footnote": ..}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Reference", 3)?;
        match *self {
            Reference::Rfc { number, text } => {
                st.serialize_field("type", "rfc")?;
                st.serialize_field("rfc", &number)?;
                st.serialize_field("text", &text)?;
            }
            Reference::Uri { uri, text } => {
                st.serialize_field("type", "uri")?;
                st.serialize_field("uri", uri)?;
                st.serialize_field("text", &text)?;
            }
            Reference::Draft { name, text } => {
                st.serialize_field("type", "draft")?;
                st.serialize_field("name", name)?;
                st.serialize_field("text", &text)?;
            }
            Reference::Text(text) => {
                st.serialize_field("type", "text")?;
                st.serialize_field("text", text)?;
                st.skip_field("")?;
            }
            Reference::Note { anchor, footnote } => {
                st.serialize_field("type", "note")?;
                st.serialize_field("anchor", anchor)?;
                st.serialize_field("footnote", &footnote)?;
            }
        }
        st.end()
    }
}

impl Serialize for Record {
    /// Every field: `name`, `protocol`, `ports`, `status` and, with the
    /// `metadata` feature, `description`, `assignee`, `contacts`,
    /// `registered`, `modified`, `references`, `service_code`,
    /// `unauthorized`, `note`; absent values as `null`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let fields = if cfg!(feature = "metadata") { 13 } else { 4 };
        let mut st = s.serialize_struct("Record", fields)?;
        st.serialize_field("name", &self.name())?;
        st.serialize_field("protocol", &self.protocol())?;
        st.serialize_field("ports", &self.ports())?;
        st.serialize_field("status", &self.status())?;
        #[cfg(feature = "metadata")]
        self.serialize_metadata(&mut st)?;
        st.end()
    }
}

impl Record {
    #[cfg(feature = "metadata")]
    fn serialize_metadata<S: SerializeStruct>(&self, st: &mut S) -> Result<(), S::Error> {
        st.serialize_field("description", self.description())?;
        st.serialize_field("assignee", &self.assignee())?;
        st.serialize_field("contacts", &Seq(self.contacts()))?;
        st.serialize_field("registered", &self.registered())?;
        st.serialize_field("modified", &self.modified())?;
        st.serialize_field("references", &Seq(self.references()))?;
        st.serialize_field("service_code", &self.service_code())?;
        st.serialize_field("unauthorized", &self.unauthorized())?;
        st.serialize_field("note", &self.note())
    }
}
