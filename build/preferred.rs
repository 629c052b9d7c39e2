//! The port users expect, where IANA registers a name on several ports.
//!
//! `port("http-alt", Tcp)` should give what every other program on the host
//! gives. IANA registers a few names on several ports of one protocol
//! (`http-alt` on 591, 8008 and 8080); the lookups `port()`, `Query::port()`,
//! `port_const` and `port!` answer with the first of them in registry order,
//! except for the (name, protocol) pairs listed here, which answer with the
//! port the de facto service database lists: Debian's netbase
//! `/etc/services`, which glibc's `getservbyname`, Python's
//! `socket.getservbyname` and Go's `net.LookupPort` read on most Linux hosts.
//!
//! Keep the table small and give each entry its reason. It is applied by
//! the build, so a registry given with `IANA_PORTS_REGISTRY` gets it too:
//!
//! - an entry whose name is registered on its protocol, but not on its port,
//!   fails the build with a message naming the entry and the ports the
//!   registry has (IANA de-registered the port: the entry is out of date);
//! - an entry whose name is not registered on its protocol at all (a trimmed
//!   registry) does nothing;
//! - the preferred port must be a record of its own protocol (not a record
//!   without a protocol, which would apply to every protocol).
//!
//! To review the table: `tests/preferred.rs` compares `port()` with the
//! host's `/etc/services` for every (name, protocol) that IANA registers on
//! several ports and the host lists.

use crate::model::{Protocol, Registry};

/// One exception to "the first port in registry order".
pub struct Preferred {
    /// The service name, compared ASCII case-insensitively.
    pub name: &'static str,
    pub protocol: Protocol,
    /// The port to answer with: the first port of one of the name's records
    /// on `protocol`.
    pub port: u16,
    /// Why: where the de facto databases list this port.
    #[allow(dead_code)] // documentation for the reader of this table
    pub reason: &'static str,
}

/// The exceptions. Checked against netbase 6.4's `/etc/services` (Debian 12)
/// on 2026-12-03: of the 60 (name, protocol) pairs IANA
/// registers on several ports, it lists http-alt/tcp, mon/tcp and mon/udp;
/// only http-alt/tcp is listed on another port than the first.
pub const PREFERRED: &[Preferred] = &[Preferred {
    name: "http-alt",
    protocol: Protocol::Tcp,
    port: 8080,
    reason: "IANA: 591, 8008, 8080. netbase lists `http-alt 8080/tcp webcache` \
             (and no 591 or 8008), so getservbyname, Python and Go give 8080, \
             the port HTTP proxies and alternate servers use",
}];

/// The record index of each preferred port of `table` in `reg`, ascending:
/// the runtime and const lookups answer with that record's first port for
/// its name and protocol. An error names the entry and what the registry
/// has instead.
pub fn records(reg: &Registry, table: &[Preferred]) -> Result<Vec<u16>, String> {
    let mut out = Vec::with_capacity(table.len());
    for (k, entry) in table.iter().enumerate() {
        let what = format!(
            "build/preferred.rs: the preferred port {}/{} -> {}",
            entry.name,
            entry.protocol.as_str(),
            entry.port
        );
        if table[..k]
            .iter()
            .any(|e| e.name.eq_ignore_ascii_case(entry.name) && e.protocol == entry.protocol)
        {
            return Err(format!(
                "{what}: a second entry for the same name and protocol"
            ));
        }
        // The name's records that apply to the protocol and have ports.
        let on_protocol: Vec<(usize, &crate::model::Record)> = reg
            .records
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                r.name
                    .as_deref()
                    .is_some_and(|n| n.eq_ignore_ascii_case(entry.name))
                    && r.ports.is_some()
                    && r.protocol.is_none_or(|p| p == entry.protocol)
            })
            .collect();
        if on_protocol.is_empty() {
            // Not registered on this protocol: nothing to prefer.
            continue;
        }
        let found = on_protocol.iter().find(|(_, r)| {
            r.protocol == Some(entry.protocol) && r.ports.map(|p| p.0) == Some(entry.port)
        });
        match found {
            Some(&(i, _)) => out.push(i as u16),
            None => {
                let has: Vec<String> = on_protocol
                    .iter()
                    .map(|(_, r)| {
                        let (lo, hi) = r.ports.unwrap_or_default();
                        let ports = if lo == hi {
                            lo.to_string()
                        } else {
                            format!("{lo}-{hi}")
                        };
                        let proto = r.protocol.map_or("any protocol", Protocol::as_str);
                        format!("{ports}/{proto} (line {})", r.line)
                    })
                    .collect();
                return Err(format!(
                    "{what}: the registry has no {}/{} record on port {}, only {}; \
                     update or remove the entry",
                    entry.name,
                    entry.protocol.as_str(),
                    entry.port,
                    has.join(", ")
                ));
            }
        }
    }
    out.sort_unstable();
    Ok(out)
}
