//! The exceptions of `build/preferred.rs` through the build's own table
//! generator (`build/tables/`): applied where the registry has the
//! preferred port, a build error naming the entry where the name is
//! registered on the protocol but no longer on that port, and nothing
//! where the name is not registered on the protocol at all.

#[path = "../build/mod.rs"]
mod model;

use model::{preferred, tables};

/// A registry of `records` (each `(name, port, protocol)`), one record per
/// five lines starting on line 3.
fn registry(records: &[(&str, u16, &str)]) -> String {
    let mut body = String::new();
    for (name, port, protocol) in records {
        body.push_str(&format!(
            "  <record>\n    <name>{name}</name>\n    <protocol>{protocol}</protocol>\n    <number>{port}</number>\n  </record>\n"
        ));
    }
    format!(
        "<registry xmlns=\"http://www.iana.org/assignments\" id=\"service-names-port-numbers\">\n\
         \x20 <updated>2026-08-17</updated>\n{body}</registry>\n"
    )
}

/// The core tables generated from `records`, or the generator's error.
fn generate(records: &[(&str, u16, &str)]) -> Result<String, String> {
    let reg = model::parse("t.xml", &registry(records)).expect("a valid registry");
    tables::generate(&reg, false)
        .map(|(core, _)| core)
        .map_err(|e| e.to_string().trim_start().to_owned())
}

/// The `PREFERRED` array of the generated tables, as written.
fn preferred_array(core: &str) -> String {
    let start = core
        .find("static PREFERRED:")
        .expect("the tables have PREFERRED");
    let end = start + core[start..].find("];").unwrap();
    core[start..end + 2]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_table_names_http_alt_tcp_8080() {
    // The entry this crate ships, checked by hand against netbase.
    let entries: Vec<_> = preferred::PREFERRED
        .iter()
        .map(|e| (e.name, e.protocol.as_str(), e.port, !e.reason.is_empty()))
        .collect();
    assert_eq!(entries, [("http-alt", "tcp", 8080, true)]);
}

#[test]
fn the_preferred_record_is_marked() {
    let core = generate(&[
        ("http", 80, "tcp"),
        ("http-alt", 591, "tcp"),
        ("http-alt", 591, "udp"),
        ("http-alt", 8008, "tcp"),
        ("http-alt", 8080, "tcp"),
        ("http-alt", 8080, "udp"),
    ])
    .unwrap();
    // Record 4 (0-based) is http-alt 8080/tcp.
    assert_eq!(
        preferred_array(&core),
        "static PREFERRED: [u16; 1] = [ 4, ];"
    );
}

#[test]
fn a_name_not_on_the_protocol_is_left_alone() {
    // A trimmed registry: no http-alt at all, or only on udp.
    let core = generate(&[("http", 80, "tcp")]).unwrap();
    assert_eq!(preferred_array(&core), "static PREFERRED: [u16; 0] = [ ];");
    let core = generate(&[("http", 80, "tcp"), ("http-alt", 591, "udp")]).unwrap();
    assert_eq!(preferred_array(&core), "static PREFERRED: [u16; 0] = [ ];");
}

#[test]
fn a_port_the_registry_no_longer_has_fails_the_build() {
    // http-alt/tcp without 8080 (and 8080/udp only, which does not count).
    let err = generate(&[
        ("http", 80, "tcp"),
        ("HTTP-ALT", 591, "tcp"),
        ("http-alt", 8008, "tcp"),
        ("http-alt", 8080, "udp"),
    ])
    .unwrap_err();
    assert_eq!(
        err,
        "build/preferred.rs: the preferred port http-alt/tcp -> 8080: the registry has no \
         http-alt/tcp record on port 8080, only 591/tcp (line 8), 8008/tcp (line 13); \
         update or remove the entry"
    );
}

#[test]
fn the_entries_are_checked_one_by_one() {
    use model::{Protocol, Registry};
    use preferred::{Preferred, records};

    let reg: Registry = model::parse(
        "t.xml",
        &registry(&[("a", 1, "tcp"), ("a", 2, "tcp"), ("b", 3, "udp")]),
    )
    .unwrap();
    let entry = |name, protocol, port| Preferred {
        name,
        protocol,
        port,
        reason: "test",
    };
    assert_eq!(records(&reg, &[entry("A", Protocol::Tcp, 2)]), Ok(vec![1]));
    assert_eq!(records(&reg, &[entry("a", Protocol::Udp, 2)]), Ok(vec![]));
    let twice = records(
        &reg,
        &[entry("a", Protocol::Tcp, 2), entry("A", Protocol::Tcp, 1)],
    )
    .unwrap_err();
    assert!(
        twice.ends_with("a second entry for the same name and protocol"),
        "{twice}"
    );
    // A port the name does not have; record 3 starts on line 3 + 2 * 5.
    let err = records(&reg, &[entry("b", Protocol::Udp, 4)]).unwrap_err();
    assert!(err.contains("only 3/udp (line 13)"), "{err}");
}
