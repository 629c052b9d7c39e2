//! A `#![no_std]` consumer of `iana-ports`, built in CI for a bare-metal
//! target (`thumbv7em-none-eabihf`) to prove the crate needs neither `std`
//! nor `alloc`:
//!
//! ```text
//! cargo build --manifest-path tests/check-nostd/Cargo.toml --target thumbv7em-none-eabihf
//! ```
#![no_std]
#![no_main]

use iana_ports::{
    by_name, by_port, port, ports, service_name, service_name_const, Protocol, Query, ServiceName,
};

/// Uses every lookup direction, so that none is compiled out of the check.
pub fn lookups(p: u16, name: &str) -> usize {
    let mut n = by_port(p, Protocol::Tcp).count() + by_name(name).count();
    if service_name(p, Protocol::Udp).is_some() {
        n += 1;
    }
    if let Some(found) = port(name, Protocol::Sctp) {
        n += usize::from(found);
    }
    if let Ok(q) = name.parse::<Query>() {
        n += q.records().count();
    }
    n += ports(name, Protocol::Tcp).map(|r| r.len() as usize).sum::<usize>();
    n
}

/// A name looked up at compile time, held by value.
pub const MQTT: Option<ServiceName> = service_name_const(1883, Protocol::Tcp);

/// Its length, through `ServiceName`'s `str` view.
pub fn mqtt_len() -> usize {
    MQTT.as_deref().map_or(0, str::len)
}

/// The suggestion for a mistyped name, and the error that carries it.
pub fn suggestion(name: &str) -> Option<&'static str> {
    match name.parse::<Query>() {
        Err(e) => e.suggestion(),
        Ok(_) => iana_ports::suggest(name),
    }
}

/// Port or name, and a query with a default protocol.
pub fn port_or_name(text: &str) -> Option<u16> {
    let q = Query::parse_with_default(text, Protocol::Udp).ok()?;
    iana_ports::parse_port(text, Protocol::Tcp).ok().or(q.port())
}

/// The best match of a search, with the `metadata` feature.
#[cfg(feature = "metadata")]
pub fn best_match(words: &str) -> Option<u16> {
    let hits = iana_ports::search(words);
    let n = hits.len();
    let mut best = None;
    for r in hits {
        best = best.or(r.ports().map(|p| p.start()));
    }
    best.map(|p| p.wrapping_add(n as u16))
}
