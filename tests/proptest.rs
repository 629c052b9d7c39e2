//! Property tests: the lookups and the query parser take any input without
//! panicking and agree with brute-force scans of `records()`.
//!
//! Case counts: 100,000 / 2,000 / 5,000 per block by default; `PROPTEST_CASES`
//! (proptest's own variable) replaces them all when set.

use iana_ports::{ParseQueryError, Protocol, Query, Record, by_name, by_port, records};
use proptest::prelude::*;

mod common;
use common::names::name_index;

/// Each block's configuration: `default` cases, unless `PROPTEST_CASES` is
/// set, which then sets every block's count (`PROPTEST_CASES=1000 cargo test
/// --test proptest` for a quick run; a larger one for a long soak). The other
/// `PROPTEST_*` variables apply either way (`ProptestConfig::default` reads
/// them).
fn cases(default: u32) -> ProptestConfig {
    if std::env::var_os("PROPTEST_CASES").is_some() {
        ProptestConfig::default()
    } else {
        ProptestConfig::with_cases(default)
    }
}

/// Every registered name, for strategies that hit the table.
fn names() -> Vec<&'static str> {
    let mut v: Vec<_> = records().filter_map(|r| r.name()).collect();
    v.dedup();
    v
}

fn brute_by_name(s: &str) -> Vec<usize> {
    name_index()
        .get(&s.to_ascii_lowercase())
        .map_or_else(Vec::new, |rs| rs.iter().map(|r| r.index()).collect())
}

fn indices(it: impl Iterator<Item = Record>) -> Vec<usize> {
    it.map(Record::index).collect()
}

fn check_by_name(s: &str) -> Result<(), TestCaseError> {
    let got = by_name(s);
    prop_assert_eq!(got.len(), got.clone().count());
    prop_assert_eq!(indices(got), brute_by_name(s), "{:?}", s);
    Ok(())
}

/// A registered name with its case changed at random and, sometimes, a
/// suffix that makes it another string (a NUL, a space, `/tcp`, a letter).
fn near_name() -> impl Strategy<Value = String> {
    let suffix = prop_oneof![
        Just(""),
        Just(""),
        Just("\0"),
        Just(" "),
        Just("/tcp"),
        Just("x"),
        Just("\u{e9}"),
    ];
    (
        prop::sample::select(names()),
        prop::collection::vec(any::<bool>(), 20),
        suffix,
        any::<bool>(),
    )
        .prop_map(|(name, flips, suffix, cut)| {
            let mut s: String = name
                .chars()
                .zip(flips.iter().cycle())
                .map(|(c, &f)| if f { c.to_ascii_uppercase() } else { c })
                .collect();
            if cut && s.len() > 1 {
                s.pop();
            }
            s + suffix
        })
}

proptest! {
    #![proptest_config(cases(100_000))]

    /// Bytes (lossy UTF-8), any string, or a name nearly registered.
    #[test]
    fn by_name_agrees_with_a_scan(
        s in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..40)
                .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
            any::<String>(),
            "[a-zA-Z0-9*+./_ -]{0,20}",
            near_name(),
        ]
    ) {
        check_by_name(&s)?;
    }
}

#[test]
fn by_name_scan_is_not_empty() {
    // The oracle itself finds things: every name, in any case.
    for name in names() {
        assert!(!brute_by_name(&name.to_ascii_uppercase()).is_empty());
        check_by_name(&name.to_ascii_uppercase()).unwrap();
    }
}

proptest! {
    #![proptest_config(cases(2_000))]

    /// A literal scan of every record, no index, for fewer cases.
    #[test]
    fn by_name_agrees_with_a_full_scan(s in prop_oneof![any::<String>(), near_name()]) {
        let expected: Vec<usize> = records()
            .filter(|r| r.name().is_some_and(|n| n.eq_ignore_ascii_case(&s)))
            .map(|r| r.index())
            .collect();
        prop_assert_eq!(indices(by_name(&s)), expected);
    }

    /// Any port on any protocol: the records whose range holds the port and
    /// whose protocol is that one or none, in registry order.
    #[test]
    fn by_port_agrees_with_a_scan(
        port in prop_oneof![any::<u16>(), 0u16..1024, 1024u16..49152],
        p in prop::sample::select(Protocol::ALL.to_vec()),
    ) {
        let expected: Vec<usize> = records()
            .filter(|r| r.protocol().is_none_or(|q| q == p))
            .filter(|r| r.ports().is_some_and(|range| range.start() <= port && port <= range.end()))
            .map(|r| r.index())
            .collect();
        let got = by_port(port, p);
        prop_assert_eq!(got.len(), expected.len());
        prop_assert_eq!(indices(got), expected);
    }
}

/// A query seen through its accessors: name, port, protocol, records.
type View = (
    Option<&'static str>,
    Option<u16>,
    Option<Protocol>,
    Vec<usize>,
);

/// What `Query`'s documented rules give, by scans of every record.
fn oracle(s: &str) -> Result<View, ParseQueryError> {
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let range = |t: &str| {
        t.split_once('-')
            .is_some_and(|(a, b)| digits(a) && digits(b))
    };
    let known = |t: &str| !brute_by_name(t).is_empty();
    let port = |t: &str, p: Option<Protocol>| {
        let t = t.trim_start_matches('0');
        if t.len() > 5 {
            return Err(ParseQueryError::PortOutOfRange);
        }
        let n: u32 = if t.is_empty() { 0 } else { t.parse().unwrap() };
        let n = u16::try_from(n).map_err(|_| ParseQueryError::PortOutOfRange)?;
        let recs = records()
            .filter(|r| p.is_none_or(|p| r.protocol().is_none_or(|q| q == p)))
            .filter(|r| {
                r.ports()
                    .is_some_and(|range| range.start() <= n && n <= range.end())
            })
            .map(|r| r.index())
            .collect();
        Ok((None, Some(n), p, recs))
    };
    let name = |t: &str, p: Option<Protocol>| {
        let recs: Vec<Record> = records()
            .filter(|r| r.name().is_some_and(|n| n.eq_ignore_ascii_case(t)))
            .filter(|r| p.is_none_or(|p| r.protocol().is_none_or(|q| q == p)))
            .collect();
        let first = recs.first().ok_or(ParseQueryError::NotOnProtocol)?;
        // The documented rule: the port `port()` gives on the protocol (or
        // on that of the first record with ports), which is the first in
        // registry order except where /etc/services prefers another
        // (`http-alt` is 8080, not 591: tests/preferred.rs checks `port()`).
        let on = |q: Protocol| iana_ports::port(t, q);
        let first_port = match p {
            Some(p) => on(p),
            None => recs
                .iter()
                .find(|r| r.ports().is_some())
                .and_then(|r| match r.protocol() {
                    Some(q) => on(q),
                    None => r.ports().map(|r| r.start()),
                }),
        };
        Ok((
            first.name(),
            first_port,
            p,
            recs.iter().map(|r| r.index()).collect(),
        ))
    };
    let proto = |t: &str| match t.to_ascii_lowercase().as_str() {
        "tcp" => Some(Protocol::Tcp),
        "udp" => Some(Protocol::Udp),
        "sctp" => Some(Protocol::Sctp),
        "dccp" => Some(Protocol::Dccp),
        _ => None,
    };
    if s.is_empty() {
        return Err(ParseQueryError::Empty);
    }
    if s.starts_with(char::is_whitespace) || s.ends_with(char::is_whitespace) {
        return Err(ParseQueryError::Whitespace);
    }
    if digits(s) {
        return port(s, None);
    }
    if range(s) {
        return Err(ParseQueryError::Range);
    }
    let Some((head, tail)) = s.rsplit_once('/') else {
        return if known(s) {
            name(s, None)
        } else {
            Err(ParseQueryError::UnknownName { suggestion: None })
        };
    };
    if head.is_empty() {
        return Err(ParseQueryError::Empty);
    }
    if digits(head) {
        let p = proto(tail).ok_or(ParseQueryError::UnknownProtocol)?;
        return port(head, Some(p));
    }
    if range(head) {
        return Err(ParseQueryError::Range);
    }
    if known(s) {
        return name(s, None);
    }
    match (known(head), proto(tail)) {
        (true, Some(p)) => name(head, Some(p)),
        (true, None) => Err(ParseQueryError::UnknownProtocol),
        (false, _) => Err(ParseQueryError::UnknownName { suggestion: None }),
    }
}

fn check_query(s: &str) -> Result<(), TestCaseError> {
    let got = s.parse::<Query>();
    // The oracle knows that a name is unknown, not what to suggest (tests/suggest.rs
    // checks suggestions): compare the kind of error here.
    let got_view = got
        .map(|q| (q.name(), q.port(), q.protocol(), indices(q.records())))
        .map_err(|e| match e {
            ParseQueryError::UnknownName { .. } => {
                ParseQueryError::UnknownName { suggestion: None }
            }
            e => e,
        });
    prop_assert_eq!(&got_view, &oracle(s), "{:?}", s);
    if let Ok(q) = got {
        // Display parses back to the same query.
        prop_assert_eq!(q.to_string().parse::<Query>(), Ok(q), "{:?}", s);
    }
    Ok(())
}

proptest! {
    #![proptest_config(cases(5_000))]

    /// Any text to `Query`: no panic, and the documented rules.
    #[test]
    fn query_agrees_with_its_rules(
        s in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..24)
                .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
            any::<String>(),
            "[0-9]{1,7}(/(tcp|UDP|Sctp|dccp|icmp|))?",
            "[0-9]{1,5}-[0-9]{1,5}(/tcp)?",
            (near_name(), prop::sample::select(vec!["", "/tcp", "/udp", "/SCTP", "/dccp", "/icmp", "/"]))
                .prop_map(|(n, p)| n + p),
        ]
    ) {
        check_query(&s)?;
    }
}
