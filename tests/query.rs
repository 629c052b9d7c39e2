//! `Query`: what users type (`443/tcp`, `HTTPS/udp`, `9pfs`), its errors,
//! its records and its round trip through `Display`.
//!
//! Expected values are written by hand from the registry (they hold for the
//! shipped data and for IANA's 2025 and 2026 files) or computed by scanning
//! every record through `Record`'s accessors, independently of the port and
//! name indexes the query uses.

use std::collections::BTreeSet;

use iana_ports::{ParseQueryError, Protocol, Query, Record, Records, records};

mod common;
use common::names::name_index;

fn parse(s: &str) -> Query {
    s.parse()
        .unwrap_or_else(|e| panic!("{s:?} should parse: {e}"))
}

/// An unknown name with nothing close to suggest.
const UNKNOWN: ParseQueryError = ParseQueryError::UnknownName { suggestion: None };

fn err(s: &str) -> ParseQueryError {
    match s.parse::<Query>() {
        Ok(q) => panic!("{s:?} should not parse, got {q:?}"),
        Err(e) => e,
    }
}

fn indices(m: Records) -> Vec<usize> {
    m.map(Record::index).collect()
}

/// Records containing `port` whose protocol is in `protocols` or absent,
/// by a linear scan.
fn scan_port(port: u16, protocol: Option<Protocol>) -> Vec<usize> {
    records()
        .filter(|r| r.ports().is_some_and(|p| p.contains(port)))
        .filter(|r| match (protocol, r.protocol()) {
            (Some(want), Some(have)) => want == have,
            _ => true,
        })
        .map(Record::index)
        .collect()
}

/// The records of a name that apply to `protocol`.
fn applying(recs: &[Record], protocol: Option<Protocol>) -> Vec<usize> {
    recs.iter()
        .filter(|r| match (protocol, r.protocol()) {
            (Some(want), Some(have)) => want == have,
            _ => true,
        })
        .map(|r| r.index())
        .collect()
}

/// (name, port start, protocol) of each record, for readable assertions.
fn summary(q: &Query) -> Vec<(Option<&'static str>, Option<u16>, Option<Protocol>)> {
    q.records()
        .map(|r| (r.name(), r.ports().map(|p| p.start()), r.protocol()))
        .collect()
}

#[test]
fn port_alone_is_every_protocol() {
    let q = parse("443");
    assert_eq!((q.name(), q.port(), q.protocol()), (None, Some(443), None));
    assert_eq!(
        summary(&q),
        [
            (Some("https"), Some(443), Some(Protocol::Tcp)),
            (Some("https"), Some(443), Some(Protocol::Udp)),
            (Some("https"), Some(443), Some(Protocol::Sctp)),
        ]
    );
    assert_eq!(q.to_string(), "443");
    assert_eq!(indices(q.records()), scan_port(443, None));
}

#[test]
fn port_and_protocol() {
    let q = parse("443/tcp");
    assert_eq!(
        (q.name(), q.port(), q.protocol()),
        (None, Some(443), Some(Protocol::Tcp))
    );
    assert_eq!(
        summary(&q),
        [(Some("https"), Some(443), Some(Protocol::Tcp))]
    );
    assert_eq!(q.to_string(), "443/tcp");

    // Any case for the protocol; leading zeros are digits too.
    let q = parse("0443/TCP");
    assert_eq!((q.port(), q.protocol()), (Some(443), Some(Protocol::Tcp)));
    assert_eq!(q.to_string(), "443/tcp");

    // Several names on one port, in registry order.
    let names: Vec<_> = parse("80/tcp").records().filter_map(|r| r.name()).collect();
    assert_eq!(names, ["http", "www", "www-http"]);

    // A protocol-less record (vrml-multi-use, 4200-4299) is on every protocol.
    let q = parse("4250/sctp");
    assert_eq!(summary(&q), [(Some("vrml-multi-use"), Some(4200), None)]);
}

#[test]
fn ports_at_the_edges() {
    assert_eq!(parse("0").port(), Some(0));
    assert_eq!(parse("65535/udp").port(), Some(65535));
    // The registry says nothing above 49151: parses, no records.
    let q = parse("60000/tcp");
    assert_eq!(q.records().count(), 0);
    assert_eq!(q.records().next_back(), None);
    assert_eq!(parse("65535").records().count(), 0);
}

#[test]
fn names() {
    let q = parse("https");
    assert_eq!(
        (q.name(), q.port(), q.protocol()),
        (Some("https"), Some(443), None)
    );
    assert_eq!(
        summary(&q),
        [
            (Some("https"), Some(443), Some(Protocol::Tcp)),
            (Some("https"), Some(443), Some(Protocol::Udp)),
            (Some("https"), Some(443), Some(Protocol::Sctp)),
            (Some("https"), None, Some(Protocol::Tcp)),
        ]
    );

    let q = parse("HTTPS/udp");
    assert_eq!(
        (q.name(), q.port(), q.protocol()),
        (Some("https"), Some(443), Some(Protocol::Udp))
    );
    assert_eq!(
        summary(&q),
        [(Some("https"), Some(443), Some(Protocol::Udp))]
    );
    assert_eq!(q.to_string(), "https/udp");

    let q = parse("x11/tcp");
    assert_eq!((q.name(), q.port()), (Some("x11"), Some(6000)));
    let x11: Vec<_> = q
        .records()
        .map(|r| r.ports().unwrap().to_string())
        .collect();
    assert_eq!(x11, ["6000-6063"]);

    let q = parse("sql*net");
    assert_eq!((q.name(), q.port()), (Some("sql*net"), Some(66)));
    assert_eq!(q.records().count(), 2);

    // Starts with a digit: a name, not port 9.
    let q = parse("9pfs");
    assert_eq!((q.name(), q.port()), (Some("9pfs"), Some(564)));

    // Names spelled with capitals keep the registry's spelling.
    assert_eq!(parse("SQL*NET").name(), Some("sql*net"));
    assert_eq!(parse("ethernet/ip-1").name(), Some("EtherNet/IP-1"));
}

#[test]
fn names_with_a_slash() {
    let q = parse("EtherNet/IP-1");
    assert_eq!(
        (q.name(), q.port(), q.protocol()),
        (Some("EtherNet/IP-1"), Some(2222), None)
    );
    assert_eq!(q.to_string(), "EtherNet/IP-1");

    let q = parse("EtherNet/IP-1/udp");
    assert_eq!(q.protocol(), Some(Protocol::Udp));
    assert_eq!(
        summary(&q),
        [(Some("EtherNet/IP-1"), Some(2222), Some(Protocol::Udp))]
    );
    assert_eq!(q.to_string(), "EtherNet/IP-1/udp");

    assert_eq!(parse("914c/g").name(), Some("914c/g"));
    assert_eq!(err("EtherNet/IP-1/xyz"), ParseQueryError::UnknownProtocol);
}

#[test]
fn port_less_names() {
    // argus: one record, no port, no protocol.
    let q = parse("argus");
    assert_eq!((q.name(), q.port()), (Some("argus"), None));
    assert_eq!(q.to_string(), "argus");
    // No protocol on the record: it applies to every protocol.
    let q = parse("argus/dccp");
    assert_eq!(q.port(), None);
    assert_eq!(q.records().count(), 1);

    // rdp: two port-less, protocol-less records.
    assert_eq!(parse("rdp").records().count(), 2);
    assert_eq!(parse("rdp/sctp").records().count(), 2);
}

#[test]
fn name_and_protocol_filters() {
    let ssh = parse("ssh");
    assert_eq!(ssh.records().count(), 4);
    let tcp = parse("ssh/tcp");
    // 22/tcp and the port-less tcp registration.
    assert_eq!(
        summary(&tcp),
        [
            (Some("ssh"), Some(22), Some(Protocol::Tcp)),
            (Some("ssh"), None, Some(Protocol::Tcp)),
        ]
    );
    assert_eq!(tcp.port(), Some(22));
    assert_eq!(parse("ssh/sctp").records().count(), 1);
}

#[test]
fn errors() {
    use ParseQueryError::*;

    assert_eq!(err(""), Empty);
    assert_eq!(err("/tcp"), Empty);
    assert_eq!(err("/"), Empty);

    assert_eq!(err("70000"), PortOutOfRange);
    assert_eq!(err("65536/tcp"), PortOutOfRange);
    assert_eq!(err("99999999999999999999999"), PortOutOfRange);

    assert_eq!(err("80/xyz"), UnknownProtocol);
    assert_eq!(err("80/"), UnknownProtocol);
    assert_eq!(err("80/tcp/udp"), UNKNOWN); // not a port: "80/tcp" is no name
    assert_eq!(err("https/icmp"), UnknownProtocol);
    assert_eq!(err("https/"), UnknownProtocol);

    assert_eq!(err("no-such-service"), UNKNOWN);
    assert_eq!(err("no-such-service/tcp"), UNKNOWN);
    assert_eq!(err("no-such-service/xyz"), UNKNOWN);
    // No trimming: white space is reported as such.
    assert_eq!(err(" 443"), Whitespace);
    assert_eq!(err("443 "), Whitespace);
    assert_eq!(err("https\n"), Whitespace);
    assert_eq!(err("\u{a0}https/tcp"), Whitespace);
    assert_eq!(err(" "), Whitespace);
    assert_eq!(err("ht tp").suggestion(), Some("http")); // one edit away
    assert_eq!(err("443 /tcp"), UNKNOWN);
    assert_eq!(err("+443"), UNKNOWN);
    assert_eq!(err("-1"), UNKNOWN);
    // One byte from a registered name: suggested.
    let https = UnknownName {
        suggestion: Some("https"),
    };
    assert_eq!(err("https\0"), https);
    assert_eq!(err("htps/tcp"), https);
    assert_eq!(err("HTTPS_"), https);
    let postgresql = UnknownName {
        suggestion: Some("postgresql"),
    };
    assert_eq!(err("postgres"), postgresql);
    assert_eq!(err("postgres/udp"), postgresql);
    assert_eq!(err("postgres/xyz"), postgresql);
    assert_eq!(err("postgres").suggestion(), Some("postgresql"));
    assert_eq!(err("kafka"), UNKNOWN);
    assert_eq!(err("kafka").suggestion(), None);
    assert_eq!(err("80/xyz").suggestion(), None);

    assert_eq!(err("ssh/dccp"), NotOnProtocol);
    assert_eq!(err("ident/udp"), NotOnProtocol); // ident is 113/tcp only

    assert_eq!(err("6000-6063"), Range);
    assert_eq!(err("6000-6063/tcp"), Range);
    // A name that starts like a range is still a name.
    assert_eq!(parse("802-11-iapp").name(), Some("802-11-iapp"));
}

#[test]
fn error_messages() {
    use ParseQueryError::*;

    let all = [
        Empty,
        PortOutOfRange,
        UnknownProtocol,
        UNKNOWN,
        NotOnProtocol,
        Range,
        Whitespace,
        NoPort,
    ];
    let messages: BTreeSet<String> = all.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages.len(),
        all.len(),
        "messages must differ: {messages:?}"
    );
    assert_eq!(UNKNOWN.to_string(), "unknown service name");
    assert_eq!(
        err("ssh2").to_string(),
        "unknown service name; did you mean \"ssh\"?"
    );
    assert_eq!(
        err("HTTP_ALT/tcp").to_string(),
        "unknown service name; did you mean \"http-alt\"?"
    );
    assert_eq!(
        PortOutOfRange.to_string(),
        "port number out of range: ports are 0 to 65535"
    );
    // Usable as a std error.
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(NotOnProtocol);
    assert_eq!(
        boxed.to_string(),
        "service name not registered for this protocol"
    );
}

#[test]
fn matches_is_double_ended_and_fused() {
    for text in ["443", "80", "6003", "4250", "https", "ssh/tcp", "rdp", "0"] {
        let q = parse(text);
        let forward = indices(q.records());
        let mut backward: Vec<_> = q.records().rev().map(Record::index).collect();
        backward.reverse();
        assert_eq!(forward, backward, "{text}");
        assert!(!forward.is_empty(), "{text}");
        assert!(
            forward.windows(2).all(|w| w[0] < w[1]),
            "{text}: registry order, once"
        );

        // Alternating ends yields every record once.
        let mut m = q.records();
        let mut seen = BTreeSet::new();
        let mut front = true;
        loop {
            let r = if front { m.next() } else { m.next_back() };
            let Some(r) = r else { break };
            assert!(seen.insert(r.index()), "{text}: {r:?} twice");
            front = !front;
        }
        assert_eq!(seen.into_iter().collect::<Vec<_>>(), forward, "{text}");
        // Fused.
        assert_eq!(m.next(), None);
        assert_eq!(m.next_back(), None);

        // size_hint brackets the count.
        let (lo, hi) = q.records().size_hint();
        assert!(
            lo <= forward.len() && forward.len() <= hi.unwrap(),
            "{text}"
        );
    }
}

#[test]
fn port_queries_match_a_scan() {
    // Every port class, ranges, protocol-less ranges and empty ports.
    for port in [
        0, 1, 7, 22, 80, 443, 1023, 1024, 4200, 4250, 4299, 6000, 6063, 8080, 49151, 49152,
    ] {
        assert_eq!(
            indices(parse(&port.to_string()).records()),
            scan_port(port, None),
            "{port}"
        );
        for p in Protocol::ALL {
            let q = parse(&format!("{port}/{p}"));
            assert_eq!(indices(q.records()), scan_port(port, Some(p)), "{port}/{p}");
        }
    }
}

/// The round trip over every distinct name and every (port, protocol) that
/// has a record: `Display`, then parse, gives the same records. Port queries
/// are also checked against a scan of every record.
#[test]
fn round_trip() {
    let check = |q: Query| {
        let text = q.to_string();
        let back: Query = text
            .parse()
            .unwrap_or_else(|e| panic!("{q:?} formats as {text:?}, which fails: {e}"));
        assert_eq!(back, q, "{text}");
        assert_eq!(indices(back.records()), indices(q.records()), "{text}");
    };

    // Names: each distinct name, alone and with each protocol.
    let names = name_index();
    assert!(names.len() > 7000, "{}", names.len());
    for (name, recs) in names {
        let q = parse(name);
        assert!(q.name().unwrap().eq_ignore_ascii_case(name));
        assert_eq!(indices(q.records()), applying(recs, None), "{name}");
        check(q);
        for p in Protocol::ALL {
            let expected = applying(recs, Some(p));
            match format!("{name}/{p}").parse::<Query>() {
                Ok(q) => {
                    assert_eq!(indices(q.records()), expected, "{name}/{p}");
                    check(q);
                }
                Err(e) => {
                    assert_eq!(e, ParseQueryError::NotOnProtocol, "{name}/{p}");
                    assert!(expected.is_empty(), "{name}/{p}");
                }
            }
        }
    }

    // Ports: the expected records of every (port, protocol), from one pass
    // over the records.
    let mut expected: Vec<[Vec<usize>; 4]> = vec![Default::default(); 65536];
    for r in records() {
        let Some(ports) = r.ports() else { continue };
        for port in ports {
            for (k, p) in Protocol::ALL.into_iter().enumerate() {
                if r.applies_to(p) {
                    expected[usize::from(port)][k].push(r.index());
                }
            }
        }
    }
    let mut pairs = 0;
    for (port, lists) in expected.iter().enumerate() {
        let port = port as u16;
        let mut any = BTreeSet::new();
        for (k, p) in Protocol::ALL.into_iter().enumerate() {
            if lists[k].is_empty() {
                continue;
            }
            pairs += 1;
            any.extend(lists[k].iter().copied());
            let q = parse(&format!("{port}/{}", p.as_str().to_uppercase()));
            assert_eq!(indices(q.records()), lists[k], "{port}/{p}");
            check(q);
        }
        if !any.is_empty() {
            let q = parse(&port.to_string());
            assert_eq!(
                indices(q.records()),
                any.into_iter().collect::<Vec<_>>(),
                "{port}"
            );
            check(q);
        }
    }
    // Every port up to 49151 has a record on tcp and on udp at least.
    assert!(pairs >= 2 * 49152, "{pairs} (port, protocol) pairs");
}

#[test]
fn types_are_send_sync_static() {
    fn ok<T: Send + Sync + 'static>() {}
    ok::<Query>();
    ok::<Records>();
    ok::<ParseQueryError>();
}

/// `Protocol::from_name` (and so `/PROTO` of a query) against
/// `eq_ignore_ascii_case` with the four names, over every text of up to
/// five symbols from the protocols' letters in both cases and a few
/// strangers (a NUL, a multi-byte letter, an `x`); a range (`80-90`) and
/// a range with a protocol stay errors.
#[test]
fn protocol_names_in_any_case_and_nothing_else() {
    let symbols = [
        "t", "c", "p", "u", "d", "s", "T", "C", "P", "U", "D", "S", "x", "\0", "é",
    ];
    let mut texts = vec![String::new()];
    let mut all = Vec::new();
    for _ in 0..5 {
        texts = texts
            .iter()
            .flat_map(|t| symbols.iter().map(move |s| format!("{t}{s}")))
            .collect();
        all.extend(texts.iter().cloned());
    }
    let names = ["tcp", "udp", "sctp", "dccp"];
    for text in &all {
        let want = names
            .iter()
            .position(|n| n.eq_ignore_ascii_case(text))
            .map(|i| Protocol::ALL[i]);
        assert_eq!(Protocol::from_name(text), want, "{text:?}");
        assert_eq!(text.parse::<Protocol>().ok(), want, "{text:?}");
    }
    assert!(all.len() > 200_000);
    assert_eq!(err("80-90"), ParseQueryError::Range);
    assert_eq!(err("80-90/tcp"), ParseQueryError::Range);
    assert_eq!(parse("80/TCP").protocol(), Some(Protocol::Tcp));
}
