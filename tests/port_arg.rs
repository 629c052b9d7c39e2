//! `parse_port` and `Query::parse_with_default`: literal expectations
//! checked against `registry.xml` with grep, and every registered name in
//! three casings against `port()`.

use iana_ports::{ParseQueryError, Protocol, Query, parse_port, port, records};

use ParseQueryError::*;
use Protocol::*;

#[test]
fn numbers_and_names() {
    assert_eq!(parse_port("443", Tcp), Ok(443));
    assert_eq!(parse_port("0", Tcp), Ok(0));
    assert_eq!(parse_port("65535", Dccp), Ok(65535));
    assert_eq!(parse_port("000080", Tcp), Ok(80));
    assert_eq!(parse_port("60000", Udp), Ok(60000)); // not registered: still a port
    assert_eq!(parse_port("https", Tcp), Ok(443));
    assert_eq!(parse_port("HTTPS", Udp), Ok(443));
    assert_eq!(parse_port("Ssh", Sctp), Ok(22));
    assert_eq!(parse_port("x11", Tcp), Ok(6000)); // 6000-6063
    assert_eq!(parse_port("9pfs", Tcp), Ok(564)); // a name, not port 9
    assert_eq!(parse_port("sql*net", Tcp), Ok(66));
    assert_eq!(parse_port("EtherNet/IP-1", Tcp), Ok(2222)); // '/' in a name
    // vrml-multi-use: 4200-4299 with no protocol, so every protocol.
    assert_eq!(parse_port("vrml-multi-use", Dccp), Ok(4200));
}

#[test]
fn errors() {
    assert_eq!(parse_port("", Tcp), Err(Empty));
    assert_eq!(parse_port(" 443", Tcp), Err(Whitespace));
    assert_eq!(parse_port("https\t", Tcp), Err(Whitespace));
    assert_eq!(parse_port("\n", Tcp), Err(Whitespace));
    assert_eq!(parse_port("65536", Tcp), Err(PortOutOfRange));
    assert_eq!(parse_port("99999999999999999999", Tcp), Err(PortOutOfRange));
    assert_eq!(parse_port("6000-6063", Tcp), Err(Range));
    assert_eq!(parse_port("ident", Udp), Err(NotOnProtocol)); // 113/tcp only
    assert_eq!(parse_port("ssh", Dccp), Err(NotOnProtocol));
    assert_eq!(parse_port("airplay", Tcp), Err(NoPort)); // DNS-SD, no port
    assert_eq!(
        parse_port("kafka", Tcp),
        Err(UnknownName { suggestion: None })
    );
    assert_eq!(
        parse_port("postgres", Tcp),
        Err(UnknownName {
            suggestion: Some("postgresql")
        })
    );
    // The protocol is the argument; the text's name is suggested.
    assert_eq!(
        parse_port("HTTPS/tcp", Tcp),
        Err(UnknownName {
            suggestion: Some("https")
        })
    );
    assert_eq!(
        parse_port("443/tcp", Tcp),
        Err(UnknownName { suggestion: None })
    );
    assert_eq!(parse_port("-1", Tcp), Err(UnknownName { suggestion: None }));
    assert_eq!(
        parse_port("+443", Tcp),
        Err(UnknownName { suggestion: None })
    );
    let long = "9".repeat(100_000);
    assert_eq!(parse_port(&long, Tcp), Err(PortOutOfRange));
    let long = "z".repeat(100_000);
    assert!(parse_port(&long, Tcp).is_err());
    for s in ["ＳＳＨ", "ſsh", "\0", "🦀:443"] {
        assert!(
            matches!(parse_port(s, Tcp), Err(UnknownName { .. })),
            "{s:?}"
        );
    }
}

#[test]
fn every_name_agrees_with_port() {
    let mut checked = 0;
    for r in records() {
        let Some(name) = r.name() else { continue };
        for p in Protocol::ALL {
            let want = port(name, p);
            for text in [
                name.to_string(),
                name.to_ascii_uppercase(),
                name.to_ascii_lowercase(),
            ] {
                match parse_port(&text, p) {
                    Ok(got) => assert_eq!(Some(got), want, "{text:?}/{p}"),
                    Err(NoPort) => assert_eq!(want, None, "{text:?}/{p}"),
                    Err(NotOnProtocol) => {
                        assert_eq!(want, None, "{text:?}/{p}");
                        assert!(!iana_ports::by_name(name).any(|r| r.applies_to(p)));
                    }
                    Err(e) => panic!("{text:?}/{p}: {e:?}"),
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 100_000, "{checked}");
}

#[test]
fn default_protocol() {
    let q = Query::parse_with_default("https", Tcp).unwrap();
    assert_eq!(
        (q.name(), q.port(), q.protocol()),
        (Some("https"), Some(443), Some(Tcp))
    );
    assert_eq!(q, "https/tcp".parse().unwrap());
    let q = Query::parse_with_default("443", Udp).unwrap();
    assert_eq!(q, "443/udp".parse().unwrap());
    assert_eq!(q.to_string(), "443/udp");
    // A protocol in the text wins.
    let q = Query::parse_with_default("ssh/sctp", Tcp).unwrap();
    assert_eq!(q.protocol(), Some(Sctp));
    // The records are those of the protocol (and of none).
    let q = Query::parse_with_default("ssh", Sctp).unwrap();
    assert_eq!(q.records().count(), 1);
    assert_eq!(Query::parse_with_default("ident", Udp), Err(NotOnProtocol));
    assert_eq!(Query::parse_with_default(" ssh", Tcp), Err(Whitespace));
    assert_eq!(
        Query::parse_with_default("postgres", Tcp)
            .unwrap_err()
            .suggestion(),
        Some("postgresql")
    );
    // Port-less registrations parse; the port is None.
    let q = Query::parse_with_default("airplay", Tcp).unwrap();
    assert_eq!(q.port(), None);
    // Same as "NAME/PROTO" for every name and protocol.
    for r in records().step_by(3) {
        let Some(name) = r.name() else { continue };
        for p in Protocol::ALL {
            assert_eq!(
                Query::parse_with_default(name, p),
                format!("{name}/{p}").parse::<Query>(),
                "{name}/{p}"
            );
        }
    }
}
