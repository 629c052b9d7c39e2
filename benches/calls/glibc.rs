//! glibc's `getservbyname`/`getservbyport` over the host's `/etc/services`
//! (Unix only), beside `port` and `service_name` on the same entries.

use std::ffi::CString;

use criterion::Criterion;
use iana_ports::{Protocol, port, service_name};

use crate::over;

/// The `(name, port, protocol)` entries of the host's `/etc/services`
/// on a protocol this crate knows, or `None`.
fn services() -> Option<Vec<(CString, u16, Protocol)>> {
    let text = std::fs::read_to_string("/etc/services").ok()?;
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("");
        let mut it = line.split_whitespace();
        let (Some(name), Some(pp)) = (it.next(), it.next()) else {
            continue;
        };
        let Some((port, proto)) = pp.split_once('/') else {
            continue;
        };
        let (Ok(port), Ok(proto)) = (port.parse::<u16>(), proto.parse::<Protocol>()) else {
            continue;
        };
        out.push((CString::new(name).ok()?, port, proto));
    }
    (!out.is_empty()).then_some(out)
}

fn c_proto(p: Protocol) -> &'static [u8] {
    match p {
        Protocol::Tcp => b"tcp\0",
        Protocol::Udp => b"udp\0",
        Protocol::Sctp => b"sctp\0",
        Protocol::Dccp => b"dccp\0",
    }
}

/// The port `getservbyname` gives, or 0.
fn getservbyname(name: &CString, p: Protocol) -> u16 {
    // SAFETY: both are NUL-terminated; the entry is read before the
    // next call (glibc's static buffer, one thread).
    unsafe {
        let e = libc::getservbyname(name.as_ptr(), c_proto(p).as_ptr().cast());
        if e.is_null() {
            0
        } else {
            u16::from_be((*e).s_port as u16)
        }
    }
}

/// Whether `getservbyport` finds a name.
fn getservbyport(port: u16, p: Protocol) -> bool {
    // SAFETY: the protocol is NUL-terminated; the result is only tested
    // for null.
    unsafe { !libc::getservbyport(i32::from(port.to_be()), c_proto(p).as_ptr().cast()).is_null() }
}

/// The `calls/glibc` group, over every entry of the host's `/etc/services`
/// on a protocol this crate knows (each name as glibc and as the crate take it).
pub fn bench(c: &mut Criterion) {
    let Some(services) = services() else {
        eprintln!("glibc group skipped: this machine has no usable /etc/services");
        return;
    };
    let entries: Vec<(&CString, &str, u16, Protocol)> = services
        .iter()
        .map(|(n, port, p)| (n, n.to_str().unwrap(), *port, *p))
        .collect();
    over(c, "calls/glibc", &entries)
        .sample_size(10)
        .bench("getservbyname", |&(n, _, _, p)| {
            usize::from(getservbyname(n, p))
        })
        .bench("iana_ports_port", |&(_, n, _, p)| {
            port(n, p).map_or(0, usize::from)
        })
        .bench("getservbyport", |&(_, _, port, p)| {
            usize::from(getservbyport(port, p))
        })
        .bench("iana_ports_service_name", |&(_, _, port, p)| {
            usize::from(service_name(port, p).is_some())
        })
        .finish();
}
