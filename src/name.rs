//! [`ServiceName`]: a service name held by value, for `const` items.

use core::borrow::Borrow;
use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::ops::Deref;

use crate::generated::STR_END;

/// The longest name of the registry, and at least RFC 6335's 15 bytes.
const fn longest_name() -> usize {
    let mut longest = 15;
    let mut i = 0;
    while i + 1 < STR_END.len() {
        let len = (STR_END[i + 1] - STR_END[i]) as usize;
        if len > longest {
            longest = len;
        }
        i += 1;
    }
    longest
}

/// The bytes a [`ServiceName`] holds: 15 for IANA's registry (RFC 6335,
/// section 5.1: names are 1 to 15 characters), more only if a registry
/// given with `IANA_PORTS_REGISTRY` has longer names.
const CAPACITY: usize = longest_name();

/// A service name held inline, by value: what
/// [`service_name_const`](crate::service_name_const) returns.
///
/// A `&'static str` from a `const` lookup points into the crate's pool of
/// every name, so the program keeps the whole pool (63 KB) to print one of
/// them. A `ServiceName` is the name's bytes themselves (15 bytes, padded
/// with zeros; names never contain NUL, which XML forbids), so a `const`
/// costs the binary those bytes and nothing more.
///
/// It dereferences to `str` and compares with `str`, so most code uses it
/// like a string; [`as_str`](ServiceName::as_str) gives the `&str`, in
/// `const` context too, where it costs nothing at run time
/// (`const MQTT: &str = service_name_const(1883, Tcp).unwrap().as_str();`).
/// At run time `as_str` checks the bytes are UTF-8, as safe code must. Equality, order and hash are those of the string
/// (the registry's spelling, compared exactly: use
/// [`str::eq_ignore_ascii_case`] for RFC 6335's case-insensitive match).
///
/// ```
/// use iana_ports::{service_name_const, Protocol, ServiceName};
///
/// const HTTP: Option<ServiceName> = service_name_const(80, Protocol::Tcp);
/// const MQTT: ServiceName = match service_name_const(1883, Protocol::Tcp) {
///     Some(name) => name,
///     None => panic!("1883/tcp is registered"),
/// };
/// assert_eq!(HTTP.as_deref(), Some("http"));
/// assert_eq!(MQTT, "mqtt");
/// assert_eq!(MQTT.to_string(), "mqtt");
/// assert!(MQTT.starts_with("mq")); // any `str` method, through `Deref`
/// assert_eq!(format!("{MQTT:?}"), "\"mqtt\"");
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct ServiceName {
    /// The name, then zeros.
    bytes: [u8; CAPACITY],
}

impl ServiceName {
    /// The `len` bytes of `blob` from `start`: a name of the pool, so UTF-8,
    /// without NUL, and at most `CAPACITY` bytes (by its definition).
    pub(crate) const fn copy(blob: &[u8], start: usize, len: usize) -> ServiceName {
        let mut bytes = [0; CAPACITY];
        let mut k = 0;
        while k < len && k < CAPACITY {
            bytes[k] = blob[start + k];
            k += 1;
        }
        ServiceName { bytes }
    }

    /// The name's length in bytes (1 to 15 for IANA's names).
    ///
    /// ```
    /// let name = iana_ports::service_name_const(22, iana_ports::Protocol::Tcp).unwrap();
    /// assert_eq!(name.len(), 3);
    /// ```
    #[allow(clippy::len_without_is_empty)] // never empty
    pub const fn len(&self) -> usize {
        let mut len = 0;
        while len < CAPACITY && self.bytes[len] != 0 {
            len += 1;
        }
        len
    }

    /// The name's bytes.
    ///
    /// ```
    /// let name = iana_ports::service_name_const(22, iana_ports::Protocol::Tcp).unwrap();
    /// assert_eq!(name.as_bytes(), b"ssh");
    /// ```
    pub const fn as_bytes(&self) -> &[u8] {
        self.bytes.split_at(self.len()).0
    }

    /// The name, as the registry spells it.
    ///
    /// ```
    /// use iana_ports::{service_name_const, Protocol, ServiceName};
    ///
    /// const SSH: ServiceName = match service_name_const(22, Protocol::Tcp) {
    ///     Some(name) => name,
    ///     None => panic!(),
    /// };
    /// const SSH_STR: &str = SSH.as_str();
    /// assert_eq!(SSH_STR, "ssh");
    /// ```
    pub const fn as_str(&self) -> &str {
        match core::str::from_utf8(self.as_bytes()) {
            Ok(s) => s,
            // Names are copied whole from a `&str`: never taken.
            Err(_) => "",
        }
    }
}

/// The name as a `str`.
///
/// ```
/// let name = iana_ports::service_name_const(443, iana_ports::Protocol::Tcp).unwrap();
/// assert_eq!(&*name, "https");
/// assert_eq!(name.to_ascii_uppercase(), "HTTPS");
/// ```
impl Deref for ServiceName {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for ServiceName {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<[u8]> for ServiceName {
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl Borrow<str> for ServiceName {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

/// Writes the name, padded as the format asks.
///
/// ```
/// let name = iana_ports::service_name_const(22, iana_ports::Protocol::Tcp).unwrap();
/// assert_eq!(format!("[{name:>5}]"), "[  ssh]");
/// ```
impl fmt::Display for ServiceName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// The name as a string literal: `"ssh"`.
impl fmt::Debug for ServiceName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl Hash for ServiceName {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialOrd for ServiceName {
    fn partial_cmp(&self, other: &ServiceName) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ServiceName {
    fn cmp(&self, other: &ServiceName) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialEq<str> for ServiceName {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for ServiceName {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<ServiceName> for str {
    fn eq(&self, other: &ServiceName) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<ServiceName> for &str {
    fn eq(&self, other: &ServiceName) -> bool {
        *self == other.as_str()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ServiceName {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}
