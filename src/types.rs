//! Small value types: dates, port ranges, port classes, status.

use core::fmt;
use core::ops::RangeInclusive;

/// A registry date: year and month, and the day when the registry gives it
/// (IANA writes both `YYYY-MM-DD` and `YYYY-MM`).
///
/// ```
/// let d = iana_ports::REGISTRY_UPDATED;
/// assert!(d.year() >= 2024);
/// assert_eq!(d.to_string().len(), 10); // YYYY-MM-DD
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: Option<u8>,
}

impl Date {
    /// Unpacks a date of the tables (`src/encoding.rs`; 0 = absent).
    pub(crate) const fn unpack(v: u32) -> Option<Date> {
        if v == 0 {
            return None;
        }
        let (year, month, day) = crate::encoding::unpack_date(v);
        Some(Date {
            year,
            month,
            day: if day == 0 { None } else { Some(day) },
        })
    }

    /// The year.
    ///
    /// ```
    /// assert!(iana_ports::REGISTRY_UPDATED.year() > 2000);
    /// ```
    pub const fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    ///
    /// ```
    /// assert!((1..=12).contains(&iana_ports::REGISTRY_UPDATED.month()));
    /// ```
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, when the registry gives one.
    ///
    /// ```
    /// # #[cfg(feature = "metadata")] { // records' dates are metadata
    /// // x11 was registered before IANA kept dates.
    /// let x11 = iana_ports::by_name("x11").next().unwrap();
    /// assert_eq!(x11.registered().and_then(|d| d.day()), None);
    /// # }
    /// ```
    pub const fn day(self) -> Option<u8> {
        self.day
    }
}

impl fmt::Display for Date {
    /// `YYYY-MM-DD`, or `YYYY-MM` without a day.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)?;
        match self.day {
            Some(d) => write!(f, "-{d:02}"),
            None => Ok(()),
        }
    }
}

/// An inclusive range of ports, as the registry writes them (`6000-6063`);
/// a single port is a range of one.
///
/// ```
/// use iana_ports::PortRange;
///
/// let x11 = PortRange::new(6000, 6063).unwrap();
/// assert!(x11.contains(6003));
/// assert_eq!(x11.len(), 64);
/// assert_eq!(x11.to_string(), "6000-6063");
/// assert_eq!(PortRange::single(443).to_string(), "443");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PortRange {
    start: u16,
    end: u16,
}

impl PortRange {
    /// `start..=end`, or `None` when `start > end`.
    ///
    /// ```
    /// assert!(iana_ports::PortRange::new(10, 9).is_none());
    /// ```
    pub const fn new(start: u16, end: u16) -> Option<PortRange> {
        if start <= end {
            Some(PortRange { start, end })
        } else {
            None
        }
    }

    /// One port.
    ///
    /// ```
    /// assert!(iana_ports::PortRange::single(22).is_single());
    /// ```
    pub const fn single(port: u16) -> PortRange {
        PortRange {
            start: port,
            end: port,
        }
    }

    /// The first port.
    ///
    /// ```
    /// assert_eq!(iana_ports::PortRange::single(22).start(), 22);
    /// ```
    pub const fn start(self) -> u16 {
        self.start
    }

    /// The last port (inclusive).
    ///
    /// ```
    /// assert_eq!(iana_ports::PortRange::new(6000, 6063).unwrap().end(), 6063);
    /// ```
    pub const fn end(self) -> u16 {
        self.end
    }

    /// The number of ports, 1 to 65,536.
    ///
    /// ```
    /// assert_eq!(iana_ports::PortRange::new(0, 65535).unwrap().len(), 65536);
    /// ```
    #[allow(clippy::len_without_is_empty)] // never empty
    pub const fn len(self) -> u32 {
        self.end as u32 - self.start as u32 + 1
    }

    /// Whether the range is one port.
    ///
    /// ```
    /// assert!(!iana_ports::PortRange::new(1, 2).unwrap().is_single());
    /// ```
    pub const fn is_single(self) -> bool {
        self.start == self.end
    }

    /// Whether `port` is in the range.
    ///
    /// ```
    /// assert!(!iana_ports::PortRange::new(6000, 6063).unwrap().contains(6064));
    /// ```
    pub const fn contains(self, port: u16) -> bool {
        self.start <= port && port <= self.end
    }

    /// The ports, in order.
    ///
    /// ```
    /// let v: Vec<u16> = iana_ports::PortRange::new(1, 3).unwrap().iter().collect();
    /// assert_eq!(v, [1, 2, 3]);
    /// ```
    pub fn iter(self) -> RangeInclusive<u16> {
        self.start..=self.end
    }
}

impl IntoIterator for PortRange {
    type Item = u16;
    type IntoIter = RangeInclusive<u16>;

    fn into_iter(self) -> RangeInclusive<u16> {
        self.iter()
    }
}

impl fmt::Display for PortRange {
    /// `443` or `6000-6063`, as the registry writes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_single() {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}-{}", self.start, self.end)
        }
    }
}

/// The three port ranges of RFC 6335, section 6.
///
/// ```
/// use iana_ports::PortClass;
///
/// assert_eq!(PortClass::of(443), PortClass::System);
/// assert_eq!(PortClass::of(8080), PortClass::User);
/// assert_eq!(PortClass::of(50000), PortClass::Dynamic);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PortClass {
    /// System (well-known) ports, 0-1023: assigned by IETF Review or IESG Approval.
    System,
    /// User (registered) ports, 1024-49151: assigned by IANA.
    User,
    /// Dynamic and/or private ports, 49152-65535: never assigned.
    Dynamic,
}

impl PortClass {
    /// The class of `port`.
    ///
    /// ```
    /// assert_eq!(iana_ports::PortClass::of(1023), iana_ports::PortClass::System);
    /// ```
    pub const fn of(port: u16) -> PortClass {
        match port {
            0..=1023 => PortClass::System,
            1024..=49151 => PortClass::User,
            _ => PortClass::Dynamic,
        }
    }

    /// The ports of the class.
    ///
    /// ```
    /// assert_eq!(iana_ports::PortClass::User.range().to_string(), "1024-49151");
    /// ```
    pub const fn range(self) -> PortRange {
        match self {
            PortClass::System => PortRange {
                start: 0,
                end: 1023,
            },
            PortClass::User => PortRange {
                start: 1024,
                end: 49151,
            },
            PortClass::Dynamic => PortRange {
                start: 49152,
                end: 65535,
            },
        }
    }

    /// `"system"`, `"user"` or `"dynamic"`: RFC 6335's names of the
    /// classes (section 6), in lower case like [`Status::as_str`].
    ///
    /// ```
    /// use iana_ports::PortClass;
    ///
    /// assert_eq!(PortClass::of(22).as_str(), "system");
    /// assert_eq!(PortClass::of(8080).as_str(), "user");
    /// assert_eq!(PortClass::of(50000).as_str(), "dynamic");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            PortClass::System => "system",
            PortClass::User => "user",
            PortClass::Dynamic => "dynamic",
        }
    }
}

/// [`PortClass::as_str`], padded as the format asks.
///
/// ```
/// use iana_ports::PortClass;
///
/// assert_eq!(PortClass::User.to_string(), "user");
/// assert_eq!(format!("[{:>7}]", PortClass::System), "[ system]");
/// ```
impl fmt::Display for PortClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// Whether a record registers a service, or keeps its ports reserved or free.
///
/// Derived from the registry, which has no status field: a record with a
/// service name is [`Assigned`](Status::Assigned); a record without one is
/// [`Unassigned`](Status::Unassigned) when its description starts with
/// "Unassigned" (in any case, an opening parenthesis allowed: IANA also
/// writes "unassigned" and "(unassigned) ..."), and
/// [`Reserved`](Status::Reserved) otherwise ("Reserved", "De-registered",
/// "Removed", "any private mail system", ...).
///
/// ```
/// use iana_ports::{by_port, Protocol, Status};
///
/// assert_eq!(by_port(443, Protocol::Tcp).next().unwrap().status(), Status::Assigned);
/// assert_eq!(by_port(0, Protocol::Tcp).next().unwrap().status(), Status::Reserved);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// A registered service name (with or without a port).
    Assigned,
    /// A nameless record that keeps its ports reserved.
    Reserved,
    /// A nameless record that marks its ports free.
    Unassigned,
}

impl Status {
    pub(crate) const fn from_code(code: u8) -> Status {
        match code {
            crate::encoding::STATUS_ASSIGNED => Status::Assigned,
            crate::encoding::STATUS_RESERVED => Status::Reserved,
            _ => Status::Unassigned,
        }
    }

    /// `"assigned"`, `"reserved"` or `"unassigned"`.
    ///
    /// ```
    /// assert_eq!(iana_ports::Status::Reserved.as_str(), "reserved");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Assigned => "assigned",
            Status::Reserved => "reserved",
            Status::Unassigned => "unassigned",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}
