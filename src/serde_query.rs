//! `serde` for [`Query`]: a config file's `listen = "https"`. Nothing here
//! allocates.

use core::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};

use crate::Query;

impl Serialize for Query {
    /// As its [`Display`](fmt::Display) string: `"https/tcp"`, `"443"`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Query {
    /// From a string, as [`FromStr`](core::str::FromStr) parses it (`"https"`,
    /// `"443/udp"`, `"HTTPS/tcp"`), with its errors (and suggestion) as the
    /// message; in human-readable formats (JSON, TOML, YAML) also from an
    /// integer port (`listen = 443`).
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// use iana_ports::{Protocol, Query};
    ///
    /// // A config file's `{"listen": "https"}`, borrowed, nothing allocated by the parse.
    /// let c: BTreeMap<&str, Query> = serde_json::from_str(r#"{"listen": "https"}"#)?;
    /// assert_eq!(c["listen"].port(), Some(443));
    /// let q: Query = serde_json::from_str("8080")?;
    /// assert_eq!(q.port(), Some(8080));
    /// let q: Query = serde_json::from_str(r#""DOMAIN/udp""#)?;
    /// assert_eq!((q.name(), q.protocol()), (Some("domain"), Some(Protocol::Udp)));
    ///
    /// let err = serde_json::from_str::<Query>(r#""postgres""#).unwrap_err();
    /// assert!(err.to_string().starts_with("unknown service name; did you mean \"postgresql\"?"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Query;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a port or a service name, optionally followed by /protocol")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Query, E> {
                v.parse().map_err(E::custom)
            }

            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Query, E> {
                match core::str::from_utf8(v) {
                    Ok(s) => self.visit_str(s),
                    Err(_) => Err(E::invalid_value(de::Unexpected::Bytes(v), &self)),
                }
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Query, E> {
                match u16::try_from(v) {
                    Ok(port) => Ok(Query::of_port(port, None)),
                    Err(_) => Err(E::invalid_value(de::Unexpected::Unsigned(v), &self)),
                }
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Query, E> {
                match u16::try_from(v) {
                    Ok(port) => Ok(Query::of_port(port, None)),
                    Err(_) => Err(E::invalid_value(de::Unexpected::Signed(v), &self)),
                }
            }
        }
        if d.is_human_readable() {
            d.deserialize_any(V)
        } else {
            d.deserialize_str(V)
        }
    }
}
