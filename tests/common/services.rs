//! The services(5) format read back independently: a plain split of the
//! lines, and what each (port, protocol) should list by one scan of
//! `records()`. Shared by tests/services.rs and the command's tests
//! (cli/tests, through `#[path]`).
#![allow(dead_code)]

use std::collections::BTreeMap;

use iana_ports::{Protocol, Status, records};

/// One parsed line.
#[derive(Debug)]
pub struct Line {
    pub port: u16,
    pub protocol: Protocol,
    /// Primary name first, then the aliases.
    pub names: Vec<String>,
    pub comment: Option<String>,
}

/// services(5): `name port/protocol aliases... # comment`; `#` lines are
/// comments. Panics on anything else.
pub fn parse(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        assert!(!raw.trim().is_empty(), "line {}: empty", n + 1);
        if raw.starts_with('#') {
            continue;
        }
        let (fields, comment) = match raw.split_once('#') {
            Some((f, c)) => (f, Some(c.trim().to_string())),
            None => (raw, None),
        };
        let mut words = fields.split_whitespace();
        let name = words.next().expect("a name");
        let (port, protocol) = words
            .next()
            .and_then(|pp| pp.split_once('/'))
            .unwrap_or_else(|| panic!("line {}: no port/protocol: {raw:?}", n + 1));
        let mut names = vec![name.to_string()];
        names.extend(words.map(str::to_string));
        lines.push(Line {
            port: port.parse().unwrap(),
            protocol: protocol.parse().unwrap(),
            names,
            comment,
        });
    }
    lines
}

/// The parsed lines as a table, checking no (port, protocol) comes twice
/// and the lines are sorted.
pub fn table(lines: &[Line]) -> BTreeMap<(u16, Protocol), Vec<String>> {
    let order: Vec<_> = lines.iter().map(|l| (l.port, l.protocol)).collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "not sorted, or a pair twice"
    );
    lines
        .iter()
        .map(|l| ((l.port, l.protocol), l.names.clone()))
        .collect()
}

/// What each (port, protocol) should list, by one scan of every record in
/// registry order: assigned and named, with a range holding the port
/// (starting at it, for `first_port`), protocol equal or absent; each name
/// once (names compare case-insensitively). Only `protocols` and the names
/// that `keep` accepts.
pub fn expected(
    first_port: bool,
    protocols: &[Protocol],
    keep: impl Fn(&str) -> bool,
) -> BTreeMap<(u16, Protocol), Vec<String>> {
    let mut table: BTreeMap<(u16, Protocol), Vec<String>> = BTreeMap::new();
    for r in records() {
        let (Some(name), Some(ports)) = (r.name(), r.ports()) else {
            continue;
        };
        if r.status() != Status::Assigned || !keep(name) {
            continue;
        }
        let end = if first_port {
            ports.start()
        } else {
            ports.end()
        };
        for port in ports.start()..=end {
            for &p in protocols {
                if r.protocol().is_some_and(|q| q != p) {
                    continue;
                }
                let names = table.entry((port, p)).or_default();
                if !names.iter().any(|n| n.eq_ignore_ascii_case(name)) {
                    names.push(name.to_string());
                }
            }
        }
    }
    table
}

/// A services(5) word: printable ASCII, no `#`.
pub fn is_word(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| (b'!'..=b'~').contains(&b) && b != b'#')
}

/// RFC 6335, 5.1, written out independently of the crate.
pub fn rfc6335(n: &str) -> bool {
    let b = n.as_bytes();
    !b.is_empty()
        && b.len() <= 15
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
        && b.iter().any(|c| c.is_ascii_alphabetic())
        && !n.starts_with('-')
        && !n.ends_with('-')
        && !n.contains("--")
}
