//! The compile-time lookups (`port_const`, `service_name_const`, `port!`)
//! against the runtime ones, exhaustively, and against known registry values.

use std::collections::BTreeSet;

use iana_ports::{
    Protocol, ServiceName, port, port_const, records, service_name, service_name_const,
};

// Evaluated at compile time: a wrong answer or a failed lookup would not
// even build.
const SSH: u16 = iana_ports::port!("ssh/tcp");
const HTTPS: u16 = iana_ports::port!("https/tcp");
const DOMAIN_UDP: u16 = iana_ports::port!("Domain/UDP");
const HTTP_ALT: u16 = iana_ports::port!("http-alt/tcp");
const X11: u16 = iana_ports::port!("x11/udp");
const SLASHED: u16 = iana_ports::port!("914c/g/tcp");
const ETHERNET_IP: u16 = iana_ports::port!("EtherNet/IP-1/udp");
const SSH_SCTP: u16 = iana_ports::port!("ssh/sctp");
const NAME_443: Option<ServiceName> = service_name_const(443, Protocol::Tcp);
const NAME_NONE: Option<ServiceName> = service_name_const(4196, Protocol::Tcp);
// A name of the longest kind RFC 6335 allows (15 bytes), copied whole.
const NAME_15: Option<ServiceName> = service_name_const(382, Protocol::Tcp);

#[test]
fn macro_values_match_the_registry() {
    // Expected values from the registry text (registry.xml), not from the crate.
    assert_eq!(SSH, 22);
    assert_eq!(HTTPS, 443);
    assert_eq!(DOMAIN_UDP, 53);
    assert_eq!(X11, 6000); // the range 6000-6063: its first port
    assert_eq!(SLASHED, 211); // split at the last '/'
    assert_eq!(ETHERNET_IP, 2222);
    assert_eq!(SSH_SCTP, 22);
    assert_eq!(NAME_443.as_deref(), Some("https"));
    assert_eq!(NAME_NONE, None);
    assert_eq!(NAME_15.as_deref(), Some("hp-managed-node"));
}

/// The (name, protocol) pairs whose port is not the first in registry order:
/// where netbase's `/etc/services` lists another of the name's ports.
/// Written by hand (the crate's table is `build/preferred.rs`).
const EXCEPTIONS: [(&str, Protocol, u16); 1] = [("http-alt", Protocol::Tcp, 8080)];

#[test]
fn several_ports_on_one_protocol_give_the_port_etc_services_lists() {
    // http-alt is registered on 591, 8008 and 8080 (tcp and udp), in that
    // order; netbase lists `http-alt 8080/tcp` and no udp line.
    assert_eq!(HTTP_ALT, 8080);
    assert_eq!(port_const("HTTP-ALT", Protocol::Tcp), Some(8080));
    assert_eq!(port_const("http-alt", Protocol::Udp), Some(591));
    assert_eq!(port_const("http-alt", Protocol::Sctp), None);
    // mon: 2583 and 9255; netbase lists 2583, the first.
    assert_eq!(iana_ports::port!("mon/udp"), 2583);
    let all: Vec<u16> = iana_ports::by_name("http-alt")
        .filter(|r| r.protocol() == Some(Protocol::Tcp))
        .filter_map(|r| r.ports().map(|p| p.start()))
        .collect();
    assert_eq!(all, [591, 8008, 8080]);
}

#[test]
fn macro_in_patterns_and_array_lengths() {
    fn kind(p: u16) -> &'static str {
        match p {
            SSH => "ssh",
            HTTPS => "https",
            _ => "other",
        }
    }
    assert_eq!(kind(22), "ssh");
    assert_eq!(kind(443), "https");
    assert_eq!(kind(80), "other");

    let echo = [0u8; iana_ports::port!("echo/tcp") as usize];
    assert_eq!(echo.len(), 7);
}

#[test]
fn names_are_case_insensitive() {
    for name in ["ssh", "SSH", "Ssh", "sSh"] {
        assert_eq!(port_const(name, Protocol::Tcp), Some(22), "{name}");
    }
    assert_eq!(iana_ports::port!("SSH/Tcp"), 22);
}

#[test]
fn inputs_that_are_not_names() {
    for name in [
        "",
        "/",
        "no such service",
        "ssh\0",
        "\0",
        "ssh ",
        " ssh",
        "ssh/tcp",
        "\u{e9}",
    ] {
        for p in Protocol::ALL {
            assert_eq!(port_const(name, p), None, "{name:?} {p}");
            assert_eq!(port_const(name, p), port(name, p), "{name:?} {p}");
        }
    }
}

/// Every distinct name (each spelling the registry uses, plus its upper and
/// lower case) on every protocol: the const fn answers like `port()`.
#[test]
fn port_const_equals_port_for_every_name() {
    let names: BTreeSet<&str> = records().filter_map(|r| r.name()).collect();
    assert!(names.len() > 5000, "{} names", names.len());
    let (mut some, mut checked) = (0, 0);
    for name in &names {
        let variants = [
            name.to_string(),
            name.to_ascii_uppercase(),
            name.to_ascii_lowercase(),
        ];
        for v in &variants {
            for p in Protocol::ALL {
                let got = port_const(v, p);
                assert_eq!(got, port(v, p), "{v:?} {p}");
                some += usize::from(got.is_some());
                checked += 1;
            }
        }
    }
    // Most names have a port on tcp or udp: a const fn always answering
    // None would fail here even if `port()` were broken the same way.
    assert!(some > checked / 3, "{some} of {checked}");
}

/// Every port on `p`: the const fn answers like `service_name()`. One test
/// per protocol, so that the harness runs them in parallel (each call scans
/// the records, some 3.7e9 steps in all; slow in an unoptimized build).
fn service_name_const_equals_service_name(p: Protocol, floor: usize) {
    let mut named = 0;
    for port in 0..=u16::MAX {
        let got = service_name_const(port, p);
        assert_eq!(got.as_deref(), service_name(port, p), "{port}/{p}");
        named += usize::from(got.is_some());
    }
    // A floor well under the registry's counts (some 6,100 tcp, 5,700 udp,
    // 270 sctp and 200 dccp ports have a name): a const fn that always
    // said None would fail here even if `service_name` did too.
    assert!(named > floor, "{named} named ports on {p}");
}

#[test]
fn service_name_const_equals_service_name_tcp() {
    service_name_const_equals_service_name(Protocol::Tcp, 5000);
}

#[test]
fn service_name_const_equals_service_name_udp() {
    service_name_const_equals_service_name(Protocol::Udp, 5000);
}

#[test]
fn service_name_const_equals_service_name_sctp() {
    service_name_const_equals_service_name(Protocol::Sctp, 100);
}

#[test]
fn service_name_const_equals_service_name_dccp() {
    service_name_const_equals_service_name(Protocol::Dccp, 100);
}

/// The registry's own record list, independently of the crate's lookups:
/// for each (name, protocol) the first record with a port gives the port,
/// except for the hand-written `EXCEPTIONS`.
#[test]
fn port_const_follows_registry_order() {
    let recs: Vec<_> = records().collect();
    let mut seen = BTreeSet::new();
    for r in &recs {
        let (Some(name), Some(range)) = (r.name(), r.ports()) else {
            continue;
        };
        for p in Protocol::ALL {
            if r.protocol().is_some_and(|q| q != p) {
                continue;
            }
            if seen.insert((name.to_ascii_lowercase(), p)) {
                let expected = EXCEPTIONS
                    .iter()
                    .find(|e| e.0.eq_ignore_ascii_case(name) && e.1 == p)
                    .map_or(range.start(), |e| e.2);
                assert_eq!(port_const(name, p), Some(expected), "{name} {p}");
                assert_eq!(port(name, p), Some(expected), "{name} {p}");
            }
        }
    }
}

/// The parser behind `port!`, on the cases the trybuild tests cannot reach
/// one by one.
#[test]
fn port_spec_parsing() {
    use iana_ports::__private::PortSpec as S;
    let spec = iana_ports::__private::port_spec;
    assert_eq!(spec("ssh/tcp"), S::Port(22));
    assert_eq!(spec("SSH/TCP"), S::Port(22));
    assert_eq!(spec("914c/g/udp"), S::Port(211)); // split at the last '/'
    assert_eq!(spec("ssh"), S::NoProtocol);
    assert_eq!(spec(""), S::NoProtocol);
    assert_eq!(spec("ssh/"), S::BadProtocol);
    assert_eq!(spec("ssh/tcp/"), S::BadProtocol);
    assert_eq!(spec("ssh/ tcp"), S::BadProtocol);
    assert_eq!(spec("/tcp"), S::UnknownName);
    assert_eq!(spec("no-such-service/udp"), S::UnknownName);
    assert_eq!(spec("x11/sctp"), S::NotOnProtocol);
    assert_eq!(spec("ssh/dccp"), S::NotOnProtocol);
    // Registered without a port only (DNS SRV): a name, but no port anywhere.
    assert_eq!(spec("zeromq/tcp"), S::NotOnProtocol);
}
