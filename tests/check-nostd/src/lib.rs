//! A `#![no_std]` consumer of `iana-ports`, built in CI for a bare-metal
//! target (`thumbv7em-none-eabihf`) to prove the crate needs neither `std`
//! nor `alloc`:
//!
//! ```text
//! cargo build --manifest-path tests/check-nostd/Cargo.toml --target thumbv7em-none-eabihf
//! ```
#![no_std]
#![no_main]

use iana_ports::{by_name, by_port, port, service_name, Protocol, Query};

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
    n
}

/// The suggestion for a mistyped name, and the error that carries it.
pub fn suggestion(name: &str) -> Option<&'static str> {
    match name.parse::<Query>() {
        Err(e) => e.suggestion(),
        Ok(_) => iana_ports::suggest(name),
    }
}
