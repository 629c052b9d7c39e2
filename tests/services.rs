//! `write_services` output, parsed back with a plain split and checked
//! against the lookups and against a brute-force scan of `records()`.

use std::collections::BTreeMap;

use iana_ports::{
    Names, Protocol, Ranges, ServicesOptions, Status, by_name, by_port, service_name,
    write_services,
};

mod common;
use common::services::{expected, is_word, parse, rfc6335, table};

fn render(options: ServicesOptions) -> String {
    let mut out = String::new();
    write_services(&mut out, options).unwrap();
    out
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
    assert!(
        !text
            .lines()
            .any(|l| l.split_whitespace().nth(1) == Some("0/tcp"))
    );
    assert!(
        !text
            .lines()
            .any(|l| l.split_whitespace().nth(1) == Some("4196/tcp"))
    );
    // Header: comment lines with the registry date.
    assert!(text.starts_with('#'));
    assert!(
        text.lines()
            .next()
            .unwrap()
            .contains(&iana_ports::REGISTRY_UPDATED.to_string())
    );
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
    let options = ServicesOptions::new().names(Names::Rfc6335);
    let lines = parse(&render(options));
    let strict = table(&lines);
    assert_eq!(strict, expected(false, &Protocol::ALL, rfc6335));
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
    assert!(
        lines
            .iter()
            .all(|l| matches!(l.protocol, Protocol::Tcp | Protocol::Udp))
    );
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
