//! The port users expect: where IANA registers a name on several ports of
//! one protocol, `port()` (and `Query`, `port_const`, `port!`) agree with
//! the host's `/etc/services`, the file `getservbyname`, Python and Go read.
//!
//! The names registered on several ports come from a scan of every record
//! through `Record`'s accessors (not the name index `port()` uses); the
//! expected ports come from the host's file.

use std::collections::{BTreeMap, BTreeSet};

use iana_ports::{Protocol, Query, port, port_const, ports, records};

const SERVICES: &str = "/etc/services";

/// `(lower-cased name, protocol) -> port` of the first line that lists the
/// name (as its name or an alias), as `getservbyname` answers.
fn host_services(text: &str) -> BTreeMap<(String, Protocol), u16> {
    let mut out = BTreeMap::new();
    for line in text.lines() {
        let fields = line.split('#').next().unwrap_or("");
        let mut words = fields.split_whitespace();
        let (Some(name), Some(port_proto)) = (words.next(), words.next()) else {
            continue;
        };
        let Some((port, proto)) = port_proto.split_once('/') else {
            continue;
        };
        let (Ok(port), Ok(protocol)) = (port.parse::<u16>(), proto.parse::<Protocol>()) else {
            continue;
        };
        for n in std::iter::once(name).chain(words) {
            out.entry((n.to_ascii_lowercase(), protocol))
                .or_insert(port);
        }
    }
    out
}

/// Every (lower-cased name, protocol) whose records on the protocol cover
/// more than one port (several records, or a range), with the ports, by a
/// scan of every record.
fn several_ports() -> BTreeMap<(String, Protocol), BTreeSet<u16>> {
    let mut all: BTreeMap<(String, Protocol), BTreeSet<u16>> = BTreeMap::new();
    for r in records() {
        let (Some(name), Some(range)) = (r.name(), r.ports()) else {
            continue;
        };
        for p in Protocol::ALL.into_iter().filter(|&p| r.applies_to(p)) {
            all.entry((name.to_ascii_lowercase(), p))
                .or_default()
                .extend(range.start()..=range.end());
        }
    }
    all.retain(|_, ports| ports.len() > 1);
    all
}

/// Debian's netbase file (the crate's reference) says so in its header.
fn is_netbase(text: &str) -> bool {
    text.starts_with("# Network services, Internet style")
        && text.contains("New ports will be added on request if they have been officially assigned")
}

#[test]
fn port_agrees_with_the_hosts_etc_services() {
    let text = match std::fs::read_to_string(SERVICES) {
        Ok(t) => t,
        Err(e) => {
            println!("note: {SERVICES} not read ({e}); nothing to compare, skipped");
            return;
        }
    };
    let host = host_services(&text);
    let several = several_ports();
    // Several records on one protocol (not only a range): about 60 pairs.
    let multi_record = several
        .keys()
        .filter(|(n, p)| ports(n, *p).len() > 1)
        .count();
    assert!(multi_record > 40, "{multi_record}");

    let (mut agree, mut differ) = (Vec::new(), Vec::new());
    for ((name, p), registered) in &several {
        let Some(&want) = host.get(&(name.clone(), *p)) else {
            continue;
        };
        if !registered.contains(&want) {
            // The host lists the name on a port IANA does not give it.
            println!("note: {SERVICES} lists {name} on {want}/{p}, IANA does not");
            continue;
        }
        let got = port(name, *p);
        let query = format!("{name}/{p}").parse::<Query>().unwrap().port();
        let konst = port_const(name, *p);
        if got == Some(want) && query == Some(want) && konst == Some(want) {
            agree.push(format!("{name}/{p} {want}"));
        } else {
            differ.push(format!(
                "{name}/{p}: {SERVICES} {want}, port() {got:?}, Query {query:?}, port_const {konst:?}"
            ));
        }
    }
    println!(
        "{} of {} (name, protocol) pairs with several ports that {SERVICES} lists agree: {agree:?}",
        agree.len(),
        agree.len() + differ.len()
    );
    if is_netbase(&text) {
        assert!(differ.is_empty(), "{differ:#?}");
        // netbase lists http-alt/tcp (8080, not IANA's first, 591): the
        // comparison is not empty.
        assert!(agree.iter().any(|a| a == "http-alt/tcp 8080"), "{agree:?}");
    } else if !differ.is_empty() {
        // The crate follows Debian's netbase; other files (iana-etc lists
        // every port in port order) may pick otherwise.
        println!("note: {SERVICES} is not Debian's netbase; it differs on {differ:#?}");
    }
}

#[test]
fn http_alt_everywhere() {
    // IANA: http-alt on 591, 8008 and 8080, tcp and udp (checked in
    // registry.xml); netbase: `http-alt 8080/tcp webcache`, no udp line.
    assert_eq!(port("http-alt", Protocol::Tcp), Some(8080));
    assert_eq!(port("HTTP-Alt", Protocol::Tcp), Some(8080));
    assert_eq!(port("http-alt", Protocol::Udp), Some(591));
    assert_eq!(port("http-alt", Protocol::Sctp), None);
    const TCP: u16 = iana_ports::port!("http-alt/tcp");
    const UDP: u16 = iana_ports::port!("HTTP-ALT/UDP");
    assert_eq!((TCP, UDP), (8080, 591));
    let q = |s: &str| s.parse::<Query>().unwrap().port();
    assert_eq!(q("http-alt/tcp"), Some(8080));
    assert_eq!(q("http-alt/udp"), Some(591));
    // Without a protocol, the protocol of the first record: tcp.
    assert_eq!(q("http-alt"), Some(8080));
    assert_eq!(q("HTTP-ALT"), Some(8080));
    let all: Vec<u16> = ports("http-alt", Protocol::Tcp)
        .map(|r| r.start())
        .collect();
    assert_eq!(all, [591, 8008, 8080]);
    // The other names keep registry order: mon is 2583 and 9255.
    assert_eq!(port("mon", Protocol::Udp), Some(2583));
    assert_eq!(q("mon"), Some(2583));
    assert_eq!(port("msp", Protocol::Tcp), Some(18)); // 18, 2438
}
