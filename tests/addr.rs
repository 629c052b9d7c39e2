//! `ServiceAddr`: parsing (ports checked against `registry.xml` with grep),
//! errors naming the wrong part, socket addresses without a lookup, and a
//! real connection to a listener on 127.0.0.1 through a service name.
#![cfg(feature = "std")]

use std::io::{Read, Write};
use std::net::{
    IpAddr, Ipv6Addr, SocketAddr, SocketAddrV6, TcpListener, TcpStream, ToSocketAddrs, UdpSocket,
};

use Protocol::{Tcp, Udp};
use iana_ports::{ParseAddrError, ParseQueryError, Protocol, ServiceAddr};

fn parse(s: &str, p: Protocol) -> (Option<&str>, u16) {
    let a = ServiceAddr::parse(s, p).unwrap_or_else(|e| panic!("{s:?}: {e}"));
    (a.host(), a.port())
}

fn err(s: &str) -> ParseAddrError {
    ServiceAddr::parse(s, Tcp).expect_err(s)
}

#[test]
fn forms() {
    assert_eq!(parse("example.com:https", Tcp), (Some("example.com"), 443));
    assert_eq!(parse("example.com:HTTPS", Udp), (Some("example.com"), 443));
    assert_eq!(parse("127.0.0.1:ssh", Tcp), (Some("127.0.0.1"), 22));
    assert_eq!(parse("localhost:8080", Tcp), (Some("localhost"), 8080));
    assert_eq!(parse("localhost:0", Tcp), (Some("localhost"), 0));
    assert_eq!(parse("[::1]:443", Tcp), (Some("::1"), 443));
    assert_eq!(parse("[::1]:domain", Udp), (Some("::1"), 53));
    assert_eq!(parse("[fe80::1%eth0]:22", Tcp), (Some("fe80::1%eth0"), 22));
    assert_eq!(parse("[fe80::1%2]:ssh", Tcp), (Some("fe80::1%2"), 22));
    assert_eq!(
        parse("[::ffff:1.2.3.4]:80", Tcp),
        (Some("::ffff:1.2.3.4"), 80)
    );
    assert_eq!(parse(":http", Tcp), (None, 80));
    assert_eq!(parse(":8080", Tcp), (None, 8080));
    assert_eq!(
        parse("db.internal:postgresql", Tcp),
        (Some("db.internal"), 5432)
    );
    assert_eq!(parse("h:x11", Tcp), (Some("h"), 6000)); // 6000-6063
    // The port of a name comes from `port()`, whatever it chooses.
    let alt = iana_ports::port("http-alt", Tcp).unwrap();
    assert_eq!(parse("[::1]:http-alt", Tcp), (Some("::1"), alt));
    // A name with '/' is still a name; the last ':' separates.
    assert_eq!(parse("h:EtherNet/IP-1", Tcp), (Some("h"), 2222));
}

#[test]
fn errors_name_the_part() {
    use ParseAddrError::*;
    use ParseQueryError as Q;

    assert_eq!(err(""), Empty);
    assert_eq!(err("[]:80"), NoHost);
    assert_eq!(err("[]"), NoHost);
    assert_eq!(err("example.com"), NoService);
    assert_eq!(err("example.com:"), NoService);
    assert_eq!(err("[::1]"), NoService);
    assert_eq!(err("[::1]:"), NoService);
    assert_eq!(err(":"), NoService);
    assert_eq!(err("::1"), Brackets);
    assert_eq!(err("::1:80"), Brackets);
    assert_eq!(err("fe80::1%eth0:22"), Brackets);
    assert_eq!(err("[::1:80"), Brackets);
    assert_eq!(err("::1]:80"), Brackets);
    assert_eq!(err("[::1]80"), Brackets);
    assert_eq!(err("[::1]x:80"), Brackets);
    assert_eq!(err("[example.com]:80"), Brackets);
    assert_eq!(err("[127.0.0.1]:80"), Brackets);
    assert_eq!(err("[::1%]:80"), Brackets);
    assert_eq!(err("[[::1]]:80"), Brackets);
    assert_eq!(err("a[b:80"), Brackets);
    assert_eq!(err(" localhost:80"), Whitespace);
    assert_eq!(err("localhost:80 "), Whitespace);
    assert_eq!(err("localhost: 80"), Service(Q::Whitespace));
    assert_eq!(err("localhost:70000"), Service(Q::PortOutOfRange));
    assert_eq!(err("[::1]:65536"), Service(Q::PortOutOfRange));
    assert_eq!(err("localhost:6000-6063"), Service(Q::Range));
    assert_eq!(err("localhost:airplay"), Service(Q::NoPort));
    assert_eq!(
        ServiceAddr::parse("localhost:ident", Udp),
        Err(Service(Q::NotOnProtocol))
    );
    assert_eq!(
        err("localhost:kafka"),
        Service(Q::UnknownName { suggestion: None })
    );
    assert_eq!(
        err("localhost:postgres"),
        Service(Q::UnknownName {
            suggestion: Some("postgresql")
        })
    );
    assert_eq!(err("localhost:postgres").suggestion(), Some("postgresql"));
    assert_eq!(err("localhost:https/tcp").suggestion(), Some("https"));
    assert_eq!(err("[]:80").suggestion(), None);

    // Messages differ and say which part is wrong.
    let all = [
        Empty,
        NoHost,
        NoService,
        Brackets,
        Whitespace,
        Service(Q::PortOutOfRange),
    ];
    let msgs: std::collections::BTreeSet<String> = all.iter().map(|e| e.to_string()).collect();
    assert_eq!(msgs.len(), all.len());
    assert_eq!(
        err("h:70000").to_string(),
        "bad port or service name in address: port number out of range: ports are 0 to 65535"
    );
    assert_eq!(
        err("h:ssh2").to_string(),
        "bad port or service name in address: unknown service name; did you mean \"ssh\"?"
    );
    let e: &dyn std::error::Error = &err("h:70000");
    assert_eq!(
        e.source().map(|s| s.to_string()),
        Some(Q::PortOutOfRange.to_string())
    );
    let io: std::io::Error = err("h").into();
    assert_eq!(io.kind(), std::io::ErrorKind::InvalidInput);
}

#[test]
fn any_input_is_fine() {
    let long = format!("{}:{}", "a".repeat(100_000), "9".repeat(100_000));
    for s in [
        long.as_str(),
        "[",
        "]",
        "[:",
        "[]]:80",
        "[%]:80",
        "🦀:ssh",
        "ssh:🦀",
        "[🦀]:80",
        "\0:\0",
        ":::",
        "[::]:[::]",
    ] {
        let _ = ServiceAddr::parse(s, Tcp);
    }
}

fn addrs(s: &str) -> Vec<SocketAddr> {
    ServiceAddr::parse(s, Tcp)
        .unwrap()
        .to_socket_addrs()
        .unwrap()
        .collect()
}

#[test]
fn socket_addrs_of_literals() {
    assert_eq!(addrs("127.0.0.1:ssh"), ["127.0.0.1:22".parse().unwrap()]);
    assert_eq!(addrs("[::1]:https"), ["[::1]:443".parse().unwrap()]);
    assert_eq!(addrs(":http"), ["0.0.0.0:80".parse().unwrap()]);
    assert_eq!(addrs("[::]:http"), ["[::]:80".parse().unwrap()]);
    assert_eq!(
        addrs("[fe80::1%7]:ssh"),
        [SocketAddr::V6(SocketAddrV6::new(
            "fe80::1".parse::<Ipv6Addr>().unwrap(),
            22,
            0,
            7
        ))]
    );
    let a = ServiceAddr::parse("[::1]:ssh", Tcp).unwrap();
    assert_eq!(a.to_socket_addrs().unwrap().len(), 1);
    // Display gives the number, and parses back.
    for s in [
        "example.com:https",
        "[fe80::1%eth0]:ssh",
        ":http",
        "1.2.3.4:0",
    ] {
        let a = ServiceAddr::parse(s, Tcp).unwrap();
        assert_eq!(ServiceAddr::parse(&a.to_string(), Tcp), Ok(a), "{s}");
    }
    assert_eq!(
        ServiceAddr::parse("[::1]:ssh", Tcp).unwrap().to_string(),
        "[::1]:22"
    );
}

/// Registered tcp names on ports above 1023 (no privilege needed), one of
/// which is free on this host; the ports are from `registry.xml`.
const CANDIDATES: &[(&str, u16)] = &[
    ("postgresql", 5432),
    ("redis", 6379),
    ("mongodb", 27017),
    ("mqtt", 1883),
    ("amqp", 5672),
    ("xmpp-client", 5222),
    ("mysql", 3306),
    ("radius", 1812),
    ("sip", 5060),
    ("ms-wbt-server", 3389),
];

#[test]
fn connects_through_a_service_name() {
    let mut tried = Vec::new();
    for &(name, port) in CANDIDATES {
        assert_eq!(iana_ports::port(name, Tcp), Some(port), "{name}");
        let text = format!("127.0.0.1:{name}");
        let addr = ServiceAddr::parse(&text, Tcp).unwrap();
        // The listener binds through the name too.
        let listener = match TcpListener::bind(addr) {
            Ok(l) => l,
            Err(e) => {
                tried.push(format!("{name} ({port}): {e}"));
                continue;
            }
        };
        assert_eq!(listener.local_addr().unwrap().port(), port);
        let mut client = TcpStream::connect(ServiceAddr::parse(&text, Tcp).unwrap()).unwrap();
        let (mut server, peer) = listener.accept().unwrap();
        assert_eq!(peer.ip(), IpAddr::from([127, 0, 0, 1]));
        client.write_all(b"ping").unwrap();
        let mut buf = [0u8; 4];
        server.read_exact(&mut buf).unwrap();
        assert_eq!(&buf, b"ping");
        assert_eq!(client.peer_addr().unwrap().port(), port);
        return;
    }
    panic!("no candidate port was free: {tried:?}");
}

#[test]
fn udp_through_a_service_name() {
    // UDP names on ports above 1023, from registry.xml.
    for (name, port) in [
        ("radius", 1812),
        ("sip", 5060),
        ("mdns", 5353),
        ("syslog-tls", 6514),
    ] {
        assert_eq!(iana_ports::port(name, Udp), Some(port), "{name}");
        let text = format!("127.0.0.1:{name}");
        let Ok(server) = UdpSocket::bind(ServiceAddr::parse(&text, Udp).unwrap()) else {
            continue;
        };
        let client = UdpSocket::bind("127.0.0.1:0").unwrap();
        client
            .send_to(b"ping", ServiceAddr::parse(&text, Udp).unwrap())
            .unwrap();
        let mut buf = [0u8; 8];
        let (n, _) = server.recv_from(&mut buf).unwrap();
        assert_eq!(&buf[..n], b"ping");
        return;
    }
    panic!("no candidate udp port was free");
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        /// Any text: no panic, and a success always has a port of the
        /// protocol and a host without brackets.
        #[test]
        fn any_text(s in prop_oneof![
            any::<String>(),
            "[\\[\\]:a-f0-9%.]{0,12}:[a-z0-9-]{0,8}",
        ]) {
            if let Ok(a) = ServiceAddr::parse(&s, Tcp) {
                prop_assert!(!a.host().unwrap_or("").contains(['[', ']']));
                let shown = a.to_string();
                prop_assert_eq!(ServiceAddr::parse(&shown, Tcp), Ok(a));
            }
        }

        /// Well-formed addresses: the host as written, the port of the
        /// service as `parse_port` gives it.
        #[test]
        fn well_formed(
            host in prop_oneof![
                "[a-z][a-z0-9-]{0,10}(\\.[a-z]{2,5}){0,2}",
                any::<[u8; 4]>().prop_map(|b| std::net::Ipv4Addr::from(b).to_string()),
                any::<u128>().prop_map(|b| format!("[{}]", Ipv6Addr::from(b))),
            ],
            service in prop_oneof![
                any::<u16>().prop_map(|p| p.to_string()),
                prop::sample::select(vec!["ssh", "HTTPS", "domain", "x11", "http-alt", "mqtt"])
                    .prop_map(String::from),
            ],
        ) {
            let text = format!("{host}:{service}");
            let a = ServiceAddr::parse(&text, Tcp).unwrap();
            prop_assert_eq!(a.host(), Some(host.trim_start_matches('[').trim_end_matches(']')));
            prop_assert_eq!(Ok(a.port()), iana_ports::parse_port(&service, Tcp));
        }
    }
}
