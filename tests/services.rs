//! `write_services` output, parsed back with a plain split and checked
//! against the lookups and against a brute-force scan of `records()`.

use std::collections::BTreeMap;

use iana_ports::{
    by_name, by_port, records, service_name, write_services, Names, Protocol, Ranges,
    ServicesOptions, Status,
};

/// One parsed line.
#[derive(Debug)]
struct Line {
    port: u16,
    protocol: Protocol,
    /// Primary name first, then the aliases.
    names: Vec<String>,
    comment: Option<String>,
}

fn render(options: ServicesOptions) -> String {
    let mut out = String::new();
    write_services(&mut out, options).unwrap();
    out
}

/// services(5): `name port/protocol aliases... # comment`; `#` lines are
/// comments. Panics on anything else.
fn parse(text: &str) -> Vec<Line> {
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

/// What each (port, protocol) should list, by one scan of every record in
/// registry order: assigned and named, with a range holding the port
/// (starting at it, for `first_port`), protocol equal or absent; each name
/// once (names compare case-insensitively). Only `protocols` and the names
/// that `keep` accepts.
fn expected(
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
fn is_word(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| (b'!'..=b'~').contains(&b) && b != b'#')
}

/// The parsed lines as a table, checking no (port, protocol) comes twice
/// and the lines are sorted.
fn table(lines: &[Line]) -> BTreeMap<(u16, Protocol), Vec<String>> {
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

#[cfg(feature = "metadata")]
fn flat_description(r: iana_ports::Record) -> String {
    r.description()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(not(feature = "metadata"))]
fn flat_description(_: iana_ports::Record) -> String {
    String::new()
}

#[test]
fn every_line_agrees_with_the_lookups() {
    let lines = parse(&render(ServicesOptions::new()));
    for line in &lines {
        // Every name on the line is a record of that name on that port.
        for name in &line.names {
            assert!(
                by_name(name).any(|r| r.status() == Status::Assigned
                    && r.applies_to(line.protocol)
                    && r.ports().is_some_and(|p| p.contains(line.port))),
                "{name} {}/{}: no such record",
                line.port,
                line.protocol
            );
            assert!(
                by_port(line.port, line.protocol).any(|r| r.name() == Some(name.as_str())),
                "{name} not among by_port({}, {})",
                line.port,
                line.protocol
            );
        }
        // The primary name first, as service_name has it.
        assert_eq!(
            service_name(line.port, line.protocol),
            Some(line.names[0].as_str()),
            "{line:?}"
        );
        // The comment is the primary record's description, on one line;
        // without the metadata feature there is none.
        let primary = by_port(line.port, line.protocol)
            .find(|r| r.name().is_some())
            .unwrap();
        assert_eq!(
            line.comment.as_deref().unwrap_or(""),
            flat_description(primary),
            "{line:?}"
        );
    }
    // Every pair with an assigned record has its line and no other, with
    // its names in registry order.
    assert_eq!(table(&lines), expected(false, &Protocol::ALL, is_word));
    println!("{} lines", lines.len());
    // The shipped registry (2026-08-17) gives 12,381; the one of 2024-06-12 gave 12,354.
    assert!(lines.len() > 12_000, "{} lines", lines.len());
}

#[test]
fn known_lines() {
    let text = render(ServicesOptions::new());
    let find = |port: &str| {
        text.lines()
            .find(|l| l.split_whitespace().nth(1) == Some(port))
            .unwrap_or_else(|| panic!("no {port}"))
            .to_string()
    };
    let http = find("80/tcp");
    let http: Vec<_> = http.split_whitespace().collect();
    assert_eq!(http[..4], ["http", "80/tcp", "www", "www-http"]);
    #[cfg(feature = "metadata")]
    assert_eq!(http[4..], ["#", "World", "Wide", "Web", "HTTP"]);
    #[cfg(not(feature = "metadata"))]
    assert_eq!(http.len(), 4);
    assert!(find("22/sctp").starts_with("ssh "));
    assert!(find("9/dccp").starts_with("discard "));
    // vrml-multi-use 4200-4299 has no protocol: a line on all four.
    for p in ["tcp", "udp", "sctp", "dccp"] {
        assert!(find(&format!("4250/{p}")).starts_with("vrml-multi-use "));
    }
    // x11 6000-6063 on tcp and udp: 128 lines.
    assert_eq!(text.lines().filter(|l| l.starts_with("x11 ")).count(), 128);
    assert!(find("6063/udp").starts_with("x11 "));
    // Legacy names are kept by default.
    assert!(find("63/tcp").contains(" whois++"));
    // No line for unassigned or reserved ports, nor for port-less names.
    assert!(!text
        .lines()
        .any(|l| l.split_whitespace().nth(1) == Some("0/tcp")));
    assert!(!text
        .lines()
        .any(|l| l.split_whitespace().nth(1) == Some("4196/tcp")));
    // Header: comment lines with the registry date.
    assert!(text.starts_with('#'));
    assert!(text
        .lines()
        .next()
        .unwrap()
        .contains(&iana_ports::REGISTRY_UPDATED.to_string()));
}

#[test]
fn first_port_only() {
    let options = ServicesOptions::new().ranges(Ranges::FirstPort);
    let lines = parse(&render(options));
    assert_eq!(table(&lines), expected(true, &Protocol::ALL, is_word));
    let x11: Vec<_> = lines
        .iter()
        .filter(|l| l.names[0] == "x11")
        .map(|l| l.port)
        .collect();
    assert_eq!(x11, [6000, 6000]);
}

#[test]
fn rfc6335_names_only() {
    // RFC 6335, 5.1, written out independently of the crate.
    fn rfc(n: &str) -> bool {
        let b = n.as_bytes();
        !b.is_empty()
            && b.len() <= 15
            && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
            && b.iter().any(|c| c.is_ascii_alphabetic())
            && !n.starts_with('-')
            && !n.ends_with('-')
            && !n.contains("--")
    }
    let options = ServicesOptions::new().names(Names::Rfc6335);
    let lines = parse(&render(options));
    let strict = table(&lines);
    assert_eq!(strict, expected(false, &Protocol::ALL, rfc));
    let count = |t: &BTreeMap<_, Vec<String>>| t.values().map(Vec::len).sum::<usize>();
    let all = expected(false, &Protocol::ALL, is_word);
    assert!(count(&strict) < count(&all));
    assert!(!lines.iter().any(|l| l.names.iter().any(|n| n == "whois++")));
    // whoispp replaced whois++ on 63: the line stays, without the alias.
    assert!(lines.iter().any(|l| l.port == 63 && l.names == ["whoispp"]));
}

#[test]
fn protocols_and_bare_lines() {
    let options = ServicesOptions::new()
        .protocols(&[Protocol::Udp, Protocol::Tcp])
        .descriptions(false)
        .header(false);
    let text = render(options);
    assert!(!text.contains('#'));
    let lines = parse(&text);
    assert!(lines
        .iter()
        .all(|l| matches!(l.protocol, Protocol::Tcp | Protocol::Udp)));
    assert_eq!(
        table(&lines),
        expected(false, &[Protocol::Tcp, Protocol::Udp], is_word)
    );
}

/// A `fmt::Write` that fails after `n` bytes: the error comes back.
#[test]
fn write_errors_are_returned() {
    struct Short(usize);
    impl std::fmt::Write for Short {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0 = self.0.checked_sub(s.len()).ok_or(std::fmt::Error)?;
            Ok(())
        }
    }
    assert!(write_services(&mut Short(1000), ServicesOptions::new()).is_err());
    let full = render(ServicesOptions::new()).len();
    assert!(write_services(&mut Short(full), ServicesOptions::new()).is_ok());
}

/// `write_services_io` writes the same bytes as `write_services`, for
/// other options too, and returns the writer's error as it came.
#[cfg(feature = "std")]
#[test]
fn io_writer_matches_fmt_writer() {
    use std::io;

    let options = ServicesOptions::new()
        .ranges(Ranges::FirstPort)
        .names(Names::Rfc6335)
        .protocols(&[Protocol::Udp]);
    let mut bytes = Vec::new();
    iana_ports::write_services_io(&mut bytes, options).unwrap();
    assert_eq!(bytes, render(options).as_bytes());

    /// Accepts `room` bytes, then fails with a custom error.
    struct Failing {
        room: usize,
        calls_after_error: usize,
    }
    impl io::Write for Failing {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.room == 0 {
                self.calls_after_error += 1;
                return Err(io::Error::new(io::ErrorKind::BrokenPipe, "reader gone"));
            }
            let n = buf.len().min(self.room);
            self.room -= n;
            Ok(n)
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
    let mut failing = Failing {
        room: 100_000,
        calls_after_error: 0,
    };
    let err = iana_ports::write_services_io(&mut failing, ServicesOptions::new()).unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
    assert_eq!(err.to_string(), "reader gone");
    // It stopped at the first error instead of writing on.
    assert_eq!(failing.calls_after_error, 1);

    // A `dyn Write` works too.
    let mut boxed: Box<dyn io::Write> = Box::new(Vec::new());
    iana_ports::write_services_io(&mut *boxed, options).unwrap();
}
