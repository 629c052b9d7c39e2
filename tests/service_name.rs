//! `ServiceName`, the by-value name of `service_name_const`: it behaves as
//! the string it holds (equality, order, hash, formatting) for every name of
//! the registry.

use std::collections::{BTreeSet, HashSet};

use iana_ports::{Protocol, ServiceName, service_name, service_name_const};

/// One name per distinct named port on tcp, by value, with its `&str`.
fn names() -> Vec<(ServiceName, &'static str)> {
    // Every 7th port keeps the const scans (slow unoptimized) to a second.
    (0..=u16::MAX)
        .step_by(7)
        .filter_map(|p| {
            service_name_const(p, Protocol::Tcp)
                .map(|n| (n, service_name(p, Protocol::Tcp).unwrap()))
        })
        .collect()
}

#[test]
fn behaves_as_its_string() {
    let names = names();
    assert!(names.len() > 500, "{}", names.len());
    for (n, s) in &names {
        assert_eq!(n.as_str(), *s);
        assert_eq!(&**n, *s);
        assert_eq!(n.as_bytes(), s.as_bytes());
        assert_eq!(n.len(), s.len());
        assert!((1..=15).contains(&n.len()), "{s}");
        assert_eq!(*n, *s);
        assert_eq!(*s, *n);
        assert_eq!(n, *s);
        assert_eq!(n.to_string(), *s);
        assert_eq!(format!("{n:?}"), format!("{s:?}"));
        assert_eq!(format!("{n:>20}|{n:-<16}"), format!("{s:>20}|{s:-<16}"));
        let r: &str = n.as_ref();
        assert_eq!(r, *s);
    }
    // Order and equality follow the strings.
    for w in names.windows(2) {
        let ((a, sa), (b, sb)) = (w[0], w[1]);
        assert_eq!(a.cmp(&b), sa.cmp(sb), "{sa} {sb}");
        assert_eq!(a == b, sa == sb);
    }
    // Hash agrees with `str` (`Borrow<str>`): a set of names finds a `&str`.
    let set: HashSet<ServiceName> = names.iter().map(|(n, _)| *n).collect();
    let strs: BTreeSet<&str> = names.iter().map(|(_, s)| *s).collect();
    assert_eq!(set.len(), strs.len());
    for s in &strs {
        assert!(set.contains(*s), "{s}");
    }
    assert!(!set.contains("no-such-service"));
    let by_value: BTreeSet<ServiceName> = names.iter().map(|(n, _)| *n).collect();
    let sorted: Vec<&str> = by_value.iter().map(|n| n.as_str()).collect();
    assert_eq!(sorted, strs.into_iter().collect::<Vec<_>>());
}

#[test]
fn known_values() {
    const SSH: Option<ServiceName> = service_name_const(22, Protocol::Tcp);
    const LONGEST: Option<ServiceName> = service_name_const(382, Protocol::Udp);
    const X11: Option<ServiceName> = service_name_const(6063, Protocol::Tcp);
    assert_eq!(SSH.as_deref(), Some("ssh"));
    assert_eq!(LONGEST.as_deref(), Some("hp-managed-node")); // 15 bytes
    assert_eq!(X11.as_deref(), Some("x11"));
    assert_ne!(SSH, X11);
    assert!(SSH.unwrap() != "SSH"); // the registry's spelling, compared exactly
    assert!(SSH.unwrap().eq_ignore_ascii_case("SSH"));
    assert_eq!(std::mem::size_of::<ServiceName>(), 15);
}

#[cfg(feature = "serde")]
#[test]
fn serializes_as_a_string() {
    let name = service_name_const(443, Protocol::Tcp).unwrap();
    assert_eq!(serde_json::to_string(&name).unwrap(), "\"https\"");
}
