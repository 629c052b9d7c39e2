//! The iterator types: the usual traits, `nth`/`count`/`last` against
//! plain `next`, and a `Debug` that lists what they have left, in the form
//! of the standard library's slice iterators: `Records([Record { .. }, ..])`.
//!
//! Expected `Debug` values are literals checked against `registry.xml` by
//! hand (names, ports, protocols and descriptions by grep), not produced by
//! the code under test; record positions are counted with roxmltree in the
//! registry the build read, and checked against the hand-counted ones for
//! the shipped `registry.xml`.

use std::fmt::Debug;
use std::iter::FusedIterator;
use std::sync::OnceLock;

use iana_ports::{Protocol, Query, Record, Records, by_name, by_port, ports, records};

mod common;
use common::registry::{registry_path, shipped};

/// The traits every iterator of the crate has.
fn usual<I>(_: &I)
where
    I: Iterator + ExactSizeIterator + FusedIterator + Clone + Debug + Send + Sync,
{
}

/// And those whose order can be walked from the back.
fn both_ends<I: DoubleEndedIterator>(_: &I) {}

#[test]
fn iterators_have_the_usual_traits() {
    let q: Query = "https".parse().unwrap();
    for it in [
        records(),
        by_port(80, Protocol::Tcp),
        by_name("ssh"),
        q.records(),
    ] {
        usual(&it);
        both_ends(&it);
    }
    usual(&ports("ssh", Protocol::Tcp));
    both_ends(&ports("ssh", Protocol::Tcp));
    #[cfg(feature = "metadata")]
    {
        let r = by_name("x11").next().unwrap();
        let p = r.contacts().next().unwrap();
        usual(&r.contacts());
        both_ends(&r.contacts());
        usual(&r.references());
        both_ends(&r.references());
        usual(&p.uris());
        both_ends(&p.uris());
        // Best first: no meaningful back end.
        usual(&iana_ports::search("x window"));
    }
    #[cfg(feature = "std")]
    {
        use std::net::ToSocketAddrs;
        let a = iana_ports::ServiceAddr::parse("127.0.0.1:ssh", Protocol::Tcp).unwrap();
        let addrs = a.to_socket_addrs().unwrap();
        fn std_iter<I: ExactSizeIterator + DoubleEndedIterator + FusedIterator + Clone + Debug>(
            _: &I,
        ) {
        }
        std_iter(&addrs);
    }
}

/// `nth`, `count` and `last` (which `Records` writes itself) agree with
/// stepping by `next`, from the front and after steps from the back.
#[test]
fn records_nth_count_last_agree_with_next() {
    let q: Query = "x11/udp".parse().unwrap();
    let cases: Vec<(&str, Records)> = vec![
        ("by_port(80, tcp)", by_port(80, Protocol::Tcp)),
        ("by_port(6010, udp)", by_port(6010, Protocol::Udp)),
        (
            "by_port(22, any) via query",
            "22".parse::<Query>().unwrap().records(),
        ),
        ("by_name(ssh)", by_name("ssh")),
        ("x11/udp", q.records()),
        ("records()", records()),
        ("empty", by_port(60000, Protocol::Tcp)),
    ];
    for (what, it) in cases {
        for back in 0..2 {
            let mut base = it.clone();
            for _ in 0..back {
                base.next_back();
            }
            let all: Vec<Record> = base.clone().collect();
            assert_eq!(base.clone().count(), all.len(), "{what}");
            assert_eq!(base.clone().last(), all.last().copied(), "{what}");
            let probes = [
                0,
                1,
                2,
                3,
                all.len().saturating_sub(1),
                all.len(),
                all.len() + 5,
            ];
            for n in probes {
                let mut skipped = base.clone();
                assert_eq!(skipped.nth(n), all.get(n).copied(), "{what}: nth({n})");
                let rest: Vec<Record> = skipped.clone().collect();
                assert_eq!(
                    rest,
                    all.get(n + 1..).unwrap_or(&[]),
                    "{what}: after nth({n})"
                );
                assert_eq!(skipped.len(), rest.len(), "{what}: len after nth({n})");
            }
        }
    }
}

/// (name, protocol, description) of every `<record>` of the registry the
/// build read, in document order, read with roxmltree (not with the crate).
fn xml_records() -> &'static [(String, String, String)] {
    static RECORDS: OnceLock<Vec<(String, String, String)>> = OnceLock::new();
    RECORDS.get_or_init(|| {
        let path = registry_path();
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: cannot read: {e}", path.display()));
        let doc = roxmltree::Document::parse(&text)
            .unwrap_or_else(|e| panic!("{}: roxmltree: {e}", path.display()));
        let child = |r: roxmltree::Node, tag: &str| {
            r.children()
                .find(|c| c.has_tag_name(tag))
                .map(|c| {
                    c.descendants()
                        .filter(|t| t.is_text())
                        .filter_map(|t| t.text())
                        .collect::<String>()
                })
                .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
                .unwrap_or_default()
        };
        doc.root_element()
            .children()
            .filter(|n| n.has_tag_name("record"))
            .map(|r| {
                (
                    child(r, "name"),
                    child(r, "protocol"),
                    child(r, "description"),
                )
            })
            .collect()
    })
}

/// `Record`'s `Debug` of one record, with the description when the
/// metadata is compiled in. `index` is the record's position in the shipped
/// `registry.xml`, counted by hand; the position used is the one in the
/// registry the build read, found by name, protocol and description, so the
/// test holds for other registries (CI's pass on IANA's 2025 file) too.
fn rec(index: usize, name: &str, proto: &str, ports: &str, status: &str, desc: &str) -> String {
    let index = position(index, name, proto, desc);
    let name = if name.is_empty() {
        "None".to_string()
    } else {
        format!("Some({name:?})")
    };
    let desc = if cfg!(feature = "metadata") {
        format!(", description: {desc:?}")
    } else {
        String::new()
    };
    format!(
        "Record {{ index: {index}, name: {name}, protocol: {proto}, ports: {ports}, status: {status}{desc} }}"
    )
}

/// The position of the record with this name, protocol (`Some(Tcp)` or
/// `None`) and description in the registry the build read; `index`, its
/// hand-counted position in the shipped `registry.xml`, is checked when
/// that is the registry.
fn position(index: usize, name: &str, proto: &str, desc: &str) -> usize {
    let protocol = match proto {
        "None" => String::new(),
        p => p
            .trim_start_matches("Some(")
            .trim_end_matches(')')
            .to_ascii_lowercase(),
    };
    let found: Vec<usize> = xml_records()
        .iter()
        .enumerate()
        .filter(|(_, (n, p, d))| n == name && *p == protocol && d == desc)
        .map(|(i, _)| i)
        .collect();
    // Several (the many "Reserved" rows): the first, in document order.
    let Some(&at) = found.first() else {
        panic!("{name}/{proto} {desc:?}: not in the registry");
    };
    if shipped() {
        assert_eq!(at, index, "{name}/{proto}: position in registry.xml");
    }
    at
}

const P80: &str = "Some(PortRange { start: 80, end: 80 })";
const P22: &str = "Some(PortRange { start: 22, end: 22 })";

#[test]
fn by_port_lists_its_records() {
    // registry.xml: records 170, 172 and 174 are http, www and www-http on
    // 80/tcp, "World Wide Web HTTP" each.
    let www = "World Wide Web HTTP";
    let http = rec(170, "http", "Some(Tcp)", P80, "Assigned", www);
    let www_ = rec(172, "www", "Some(Tcp)", P80, "Assigned", www);
    let www_http = rec(174, "www-http", "Some(Tcp)", P80, "Assigned", www);
    let mut it = by_port(80, Protocol::Tcp);
    assert_eq!(
        format!("{it:?}"),
        format!("Records([{http}, {www_}, {www_http}])")
    );
    // What is returned is no longer listed, from either end.
    it.next();
    assert_eq!(format!("{it:?}"), format!("Records([{www_}, {www_http}])"));
    it.next_back();
    assert_eq!(format!("{it:?}"), format!("Records([{www_}])"));
    it.next();
    assert_eq!(format!("{it:?}"), "Records([])");
    // Debug does not consume.
    assert_eq!(it.len(), 0);
    assert_eq!(by_port(80, Protocol::Tcp).len(), 3);
}

#[test]
fn pretty_debug_is_one_field_a_line() {
    // Record 50: ssh on 22/sctp, "SSH".
    let at = position(50, "ssh", "Some(Sctp)", "SSH");
    let pretty = format!("{:#?}", by_port(22, Protocol::Sctp));
    let desc = if cfg!(feature = "metadata") {
        "            description: \"SSH\",\n"
    } else {
        ""
    };
    let expected = format!(
        "Records(\n    [\n        Record {{\n            index: {at},\n            name: Some(\n                \"ssh\",\n            ),\n            protocol: Some(\n                Sctp,\n            ),\n            ports: Some(\n                PortRange {{\n                    start: 22,\n                    end: 22,\n                }},\n            ),\n            status: Assigned,\n{desc}        }},\n    ],\n)"
    );
    assert_eq!(pretty, expected);
}

#[test]
fn by_name_query_and_records_list_theirs() {
    // registry.xml: ssh is records 48 (tcp), 49 (udp), 50 (sctp), all on
    // 22, and 14349 (tcp, no port, "SSH Remote Login Protocol").
    let tcp = rec(
        48,
        "ssh",
        "Some(Tcp)",
        P22,
        "Assigned",
        "The Secure Shell (SSH) Protocol",
    );
    let udp = rec(
        49,
        "ssh",
        "Some(Udp)",
        P22,
        "Assigned",
        "The Secure Shell (SSH) Protocol",
    );
    let sctp = rec(50, "ssh", "Some(Sctp)", P22, "Assigned", "SSH");
    let srv = rec(
        14349,
        "ssh",
        "Some(Tcp)",
        "None",
        "Assigned",
        "SSH Remote Login Protocol",
    );
    assert_eq!(
        format!("{:?}", by_name("SSH")),
        format!("Records([{tcp}, {udp}, {sctp}, {srv}])")
    );
    // Query::records is the same type, with the same Debug.
    let q: Query = "ssh/tcp".parse().unwrap();
    assert_eq!(
        format!("{:?}", q.records()),
        format!("Records([{tcp}, {srv}])")
    );
    // x11 on udp: record 9700, 6000-6063.
    let q: Query = "x11/udp".parse().unwrap();
    let x11 = rec(
        9700,
        "x11",
        "Some(Udp)",
        "Some(PortRange { start: 6000, end: 6063 })",
        "Assigned",
        "X Window System",
    );
    assert_eq!(format!("{:?}", q.records()), format!("Records([{x11}])"));
    // records(): record 0 is the Reserved 0/tcp row; after skipping all
    // but two, the last two rows of the file, zigbee-gateway tcp and udp
    // (records 14531 and 14532, service names without a port).
    let first = format!("{:?}", records().next().unwrap());
    assert_eq!(
        first,
        rec(
            0,
            "",
            "Some(Tcp)",
            "Some(PortRange { start: 0, end: 0 })",
            "Reserved",
            "Reserved"
        )
    );
    let mut all = records();
    all.nth(xml_records().len() - 3);
    let zt = rec(
        14531,
        "zigbee-gateway",
        "Some(Tcp)",
        "None",
        "Assigned",
        "ZigBee IP Gateway",
    );
    let zu = rec(
        14532,
        "zigbee-gateway",
        "Some(Udp)",
        "None",
        "Assigned",
        "ZigBee IP Gateway",
    );
    assert_eq!(format!("{all:?}"), format!("Records([{zt}, {zu}])"));
}

#[test]
fn empty_lookups() {
    assert_eq!(
        format!("{:?}", by_port(60000, Protocol::Tcp)),
        "Records([])"
    );
    assert_eq!(format!("{:?}", by_name("no such service")), "Records([])");
    assert_eq!(format!("{:?}", ports("ssh", Protocol::Dccp)), "Ports([])");
}

#[test]
fn ports_lists_its_ports() {
    // http-alt: 591, 8008 and 8080, on tcp and udp.
    assert_eq!(
        format!("{:?}", ports("http-alt", Protocol::Udp)),
        "Ports([591, 8008, 8080])"
    );
}

#[cfg(feature = "metadata")]
#[test]
fn metadata_iterators_list_theirs() {
    // x11 (registry.xml): one contact, Stephen_Gildea, "Stephen Gildea",
    // mailto:gildea&amp;lcs.mit.edu.
    let x11 = by_name("x11").next().unwrap();
    assert_eq!(
        format!("{:?}", x11.contacts()),
        r#"Contacts([Person { id: "Stephen_Gildea", name: Some("Stephen Gildea"), org: None, uris: Uris(["mailto:gildea&lcs.mit.edu"]) }])"#
    );
    let echo = by_name("echo").next().unwrap().contacts().next().unwrap();
    assert_eq!(
        format!("{:?}", echo.uris()),
        r#"Uris(["mailto:postel&isi.edu"])"#
    );
    // http on 80/tcp: xrefs IETF_Chair (a person) and rfc9110.
    let http = by_name("http").next().unwrap();
    assert_eq!(
        format!("{:?}", http.references()),
        "References([Rfc { number: 9110, text: None }])"
    );
    // ssh on 22/sctp: Randall_Stewart and rfc9260.
    let ssh_sctp = by_port(22, Protocol::Sctp).next().unwrap();
    assert_eq!(
        format!("{:?}", ssh_sctp.references()),
        "References([Rfc { number: 9260, text: None }])"
    );
}

#[cfg(feature = "metadata")]
#[test]
fn search_lists_its_records() {
    // "PostgreSQL backup": pgbackrest only, record 11176 on 8432/tcp,
    // "PostgreSQL Backup".
    let pg = rec(
        11176,
        "pgbackrest",
        "Some(Tcp)",
        "Some(PortRange { start: 8432, end: 8432 })",
        "Assigned",
        "PostgreSQL Backup",
    );
    let mut hits = iana_ports::search("PostgreSQL backup");
    assert_eq!(format!("{hits:?}"), format!("Search([{pg}])"));
    hits.next();
    assert_eq!(format!("{hits:?}"), "Search([])");
}

#[cfg(feature = "std")]
#[test]
fn socket_addrs_list_theirs() {
    use std::net::ToSocketAddrs;
    let addr = iana_ports::ServiceAddr::parse("127.0.0.1:ssh", Protocol::Tcp).unwrap();
    let addrs = addr.to_socket_addrs().unwrap();
    assert_eq!(format!("{addrs:?}"), "SocketAddrs([127.0.0.1:22])");
    let addr = iana_ports::ServiceAddr::parse("[::1]:https", Protocol::Tcp).unwrap();
    assert_eq!(
        format!("{:?}", addr.to_socket_addrs().unwrap()),
        "SocketAddrs([[::1]:443])"
    );
}
