//! The calls users make, each beside what a user would otherwise write, over
//! the same inputs in one run:
//!
//! - a std `HashMap` built at start-up (SipHash), keyed by the exact-case
//!   name, and one keyed by the lowercased name whose lookup lowercases the
//!   input first (the crate ignores case: this is the like-for-like one);
//! - an exact-case `phf::Map` (built at start-up with phf's own generator,
//!   as `phf_codegen` would emit it: a bench has no build script);
//! - for ports, a direct array of primary names per protocol indexed by
//!   port (the limit for `service_name`) and a direct index of records;
//! - glibc's `getservbyname`/`getservbyport` (Unix) over `/etc/services`.
//!
//! Inputs: 20,000 random tcp ports below 49152 and every distinct service
//! name, shuffled (fixed-seed PRNG). Only functions of the public API are
//! called: `by_name`, `by_port`, `service_name`, `port`, `Query`,
//! `ServiceAddr`.
//!
//! `cargo bench --bench calls`; `python3 benches/report.py` turns criterion's
//! estimates into the ratios and the README chart.

use std::collections::HashMap;
use std::hint::black_box;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use iana_ports::{Protocol, Query, ServiceAddr, by_name, by_port, port, records, service_name};

/// A small deterministic PRNG (splitmix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            v.swap(i, self.below(i + 1));
        }
    }
}

/// How many random ports.
const PORTS: usize = 20_000;

struct Inputs {
    /// Every distinct name (ASCII case-insensitively), in the registry's
    /// first spelling, shuffled.
    names: Vec<&'static str>,
    /// 20,000 random ports below 49152, queried on tcp.
    ports: Vec<u16>,
    /// `name/tcp` for every name and `port/tcp` for as many random ports,
    /// shuffled together.
    queries: Vec<String>,
    /// `host:service` for every name and as many random ports, hosts an
    /// IPv4 address, an IPv6 address or a domain name.
    addrs: Vec<String>,
}

fn inputs() -> Inputs {
    let mut rng = Rng(0x1A4A_5EED);
    let mut seen = std::collections::HashSet::new();
    let mut names: Vec<&'static str> = records()
        .filter_map(|r| r.name())
        .filter(|n| seen.insert(n.to_ascii_lowercase()))
        .collect();
    rng.shuffle(&mut names);
    let ports: Vec<u16> = (0..PORTS).map(|_| rng.below(49152) as u16).collect();
    let mut queries: Vec<String> = names.iter().map(|n| format!("{n}/tcp")).collect();
    queries.extend(
        ports[..names.len().min(PORTS)]
            .iter()
            .map(|p| format!("{p}/tcp")),
    );
    rng.shuffle(&mut queries);
    let hosts = ["127.0.0.1", "[::1]", "db.example.com"];
    let mut addrs: Vec<String> = names
        .iter()
        .map(|n| n.to_string())
        .chain(ports[..names.len().min(PORTS)].iter().map(u16::to_string))
        .map(|s| format!("{}:{s}", hosts[rng.below(hosts.len())]))
        .collect();
    rng.shuffle(&mut addrs);
    Inputs {
        names,
        ports,
        queries,
        addrs,
    }
}

/// Lowercases `s` into `buf`: what a user's case-insensitive `HashMap`
/// lookup costs besides the hash (no allocation; longer names miss).
#[inline]
fn lower<'b>(s: &str, buf: &'b mut [u8; 64]) -> Option<&'b str> {
    let dst = buf.get_mut(..s.len())?;
    for (d, c) in dst.iter_mut().zip(s.bytes()) {
        *d = c.to_ascii_lowercase();
    }
    std::str::from_utf8(dst).ok()
}

/// The name baselines, built at start-up from the crate's own data (the
/// contents are the same; only the lookup is timed).
struct NameMaps {
    /// Exact-case name -> its first record.
    first: HashMap<&'static str, u16>,
    /// Lowercased name -> its first record.
    first_lower: HashMap<String, u16>,
    /// Exact-case name -> its records.
    all: HashMap<&'static str, Vec<u16>>,
    /// Exact-case name -> its port on tcp (names without one are absent).
    tcp: HashMap<&'static str, u16>,
    /// Lowercased name -> its port on tcp.
    tcp_lower: HashMap<String, u16>,
    /// Exact-case phf map: name -> its first record.
    phf: phf::Map<&'static str, u16>,
}

impl NameMaps {
    fn new(names: &[&'static str]) -> NameMaps {
        let mut m = NameMaps {
            first: HashMap::new(),
            first_lower: HashMap::new(),
            all: HashMap::new(),
            tcp: HashMap::new(),
            tcp_lower: HashMap::new(),
            phf: phf_map(names),
        };
        for &n in names {
            let recs: Vec<u16> = by_name(n).map(|r| r.index() as u16).collect();
            m.first.insert(n, recs[0]);
            m.first_lower.insert(n.to_ascii_lowercase(), recs[0]);
            m.all.insert(n, recs);
            if let Some(p) = port(n, Protocol::Tcp) {
                m.tcp.insert(n, p);
                m.tcp_lower.insert(n.to_ascii_lowercase(), p);
            }
        }
        m
    }
}

/// `phf::Map<&str, u16>` over `names` (value: first record), with phf's
/// own generator.
fn phf_map(names: &[&'static str]) -> phf::Map<&'static str, u16> {
    let state = phf_generator::generate_hash(names);
    let entries: Vec<(&'static str, u16)> = state
        .map
        .iter()
        .map(|&i| (names[i], by_name(names[i]).next().unwrap().index() as u16))
        .collect();
    phf::Map {
        key: state.key,
        disps: Box::leak(state.disps.into_boxed_slice()),
        entries: Box::leak(entries.into_boxed_slice()),
    }
}

/// The port baselines, built at start-up from the crate's own data.
struct PortMaps {
    /// Per protocol, the primary name of each port: the limit for
    /// `service_name`.
    names: [Vec<Option<&'static str>>; 4],
    /// Per (protocol, port), `(start, len)` into `flat`: a direct index of
    /// the records.
    slots: Vec<(u32, u16)>,
    flat: Vec<u16>,
    /// tcp port -> primary name.
    tcp_name: HashMap<u16, &'static str>,
    /// tcp port -> its records.
    tcp_all: HashMap<u16, Vec<u16>>,
}

impl PortMaps {
    fn new() -> PortMaps {
        let names =
            Protocol::ALL.map(|p| (0..=u16::MAX).map(|port| service_name(port, p)).collect());
        let (mut slots, mut flat) = (Vec::with_capacity(4 << 16), Vec::new());
        let (mut tcp_name, mut tcp_all) = (HashMap::new(), HashMap::new());
        for p in Protocol::ALL {
            for port in 0..=u16::MAX {
                let start = flat.len() as u32;
                flat.extend(by_port(port, p).map(|r| r.index() as u16));
                slots.push((start, (flat.len() as u32 - start) as u16));
                if p == Protocol::Tcp && flat.len() as u32 > start {
                    tcp_all.insert(port, flat[start as usize..].to_vec());
                    if let Some(n) = service_name(port, p) {
                        tcp_name.insert(port, n);
                    }
                }
            }
        }
        PortMaps {
            names,
            slots,
            flat,
            tcp_name,
            tcp_all,
        }
    }

    #[inline]
    fn name(&self, port: u16, p: Protocol) -> Option<&'static str> {
        self.names[p as usize][usize::from(port)]
    }

    #[inline]
    fn records(&self, port: u16, p: Protocol) -> &[u16] {
        let (start, len) = self.slots[(p as usize) << 16 | usize::from(port)];
        &self.flat[start as usize..start as usize + usize::from(len)]
    }
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .sample_size(20)
}

fn group<'c>(
    c: &'c mut Criterion,
    name: &str,
    n: usize,
) -> criterion::BenchmarkGroup<'c, criterion::measurement::WallTime> {
    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Elements(n as u64));
    g
}

fn names(c: &mut Criterion, inp: &Inputs) {
    let maps = NameMaps::new(&inp.names);
    let names = &inp.names;
    let tcp = Protocol::Tcp;

    let mut g = group(c, "calls/port", names.len());
    g.bench_function("iana_ports", |b| {
        b.iter(|| {
            names
                .iter()
                .filter_map(|n| port(black_box(n), tcp))
                .map(usize::from)
                .sum::<usize>()
        })
    });
    g.bench_function("hashmap_exact", |b| {
        b.iter(|| {
            names
                .iter()
                .filter_map(|n| maps.tcp.get(black_box(n)))
                .map(|&p| usize::from(p))
                .sum::<usize>()
        })
    });
    g.bench_function("hashmap_lowercase", |b| {
        b.iter(|| {
            let mut buf = [0u8; 64];
            names
                .iter()
                .filter_map(|n| maps.tcp_lower.get(lower(black_box(n), &mut buf)?))
                .map(|&p| usize::from(p))
                .sum::<usize>()
        })
    });
    g.finish();

    let mut g = group(c, "calls/by_name_next", names.len());
    g.bench_function("iana_ports", |b| {
        b.iter(|| {
            names
                .iter()
                .filter_map(|n| by_name(black_box(n)).next())
                .map(|r| r.index())
                .sum::<usize>()
        })
    });
    g.bench_function("hashmap_exact", |b| {
        b.iter(|| {
            names
                .iter()
                .filter_map(|n| maps.first.get(black_box(n)))
                .map(|&i| usize::from(i))
                .sum::<usize>()
        })
    });
    g.bench_function("hashmap_lowercase", |b| {
        b.iter(|| {
            let mut buf = [0u8; 64];
            names
                .iter()
                .filter_map(|n| maps.first_lower.get(lower(black_box(n), &mut buf)?))
                .map(|&i| usize::from(i))
                .sum::<usize>()
        })
    });
    g.bench_function("phf_exact", |b| {
        b.iter(|| {
            names
                .iter()
                .filter_map(|n| maps.phf.get(black_box(*n)))
                .map(|&i| usize::from(i))
                .sum::<usize>()
        })
    });
    g.finish();

    let mut g = group(c, "calls/by_name_all", names.len());
    g.bench_function("iana_ports", |b| {
        b.iter(|| {
            names
                .iter()
                .flat_map(|n| by_name(black_box(n)))
                .map(|r| r.index())
                .sum::<usize>()
        })
    });
    g.bench_function("hashmap_exact", |b| {
        b.iter(|| {
            names
                .iter()
                .filter_map(|n| maps.all.get(black_box(n)))
                .flatten()
                .map(|&i| usize::from(i))
                .sum::<usize>()
        })
    });
    g.finish();
}

fn ports(c: &mut Criterion, inp: &Inputs) {
    let maps = PortMaps::new();
    let ports = &inp.ports;
    let tcp = Protocol::Tcp;

    let mut g = group(c, "calls/service_name", ports.len());
    g.bench_function("iana_ports", |b| {
        b.iter(|| {
            ports
                .iter()
                .filter_map(|&p| service_name(black_box(p), tcp))
                .map(str::len)
                .sum::<usize>()
        })
    });
    g.bench_function("direct_array", |b| {
        b.iter(|| {
            ports
                .iter()
                .filter_map(|&p| maps.name(black_box(p), tcp))
                .map(str::len)
                .sum::<usize>()
        })
    });
    g.bench_function("hashmap", |b| {
        b.iter(|| {
            ports
                .iter()
                .filter_map(|p| maps.tcp_name.get(black_box(p)))
                .map(|n| n.len())
                .sum::<usize>()
        })
    });
    g.finish();

    let mut g = group(c, "calls/by_port_next", ports.len());
    g.bench_function("iana_ports", |b| {
        b.iter(|| {
            ports
                .iter()
                .filter_map(|&p| by_port(black_box(p), tcp).next())
                .map(|r| r.index())
                .sum::<usize>()
        })
    });
    g.bench_function("direct_index", |b| {
        b.iter(|| {
            ports
                .iter()
                .filter_map(|&p| maps.records(black_box(p), tcp).first())
                .map(|&i| usize::from(i))
                .sum::<usize>()
        })
    });
    g.bench_function("hashmap", |b| {
        b.iter(|| {
            ports
                .iter()
                .filter_map(|p| maps.tcp_all.get(black_box(p))?.first())
                .map(|&i| usize::from(i))
                .sum::<usize>()
        })
    });
    g.finish();

    let mut g = group(c, "calls/by_port_all", ports.len());
    g.bench_function("iana_ports", |b| {
        b.iter(|| {
            ports
                .iter()
                .flat_map(|&p| by_port(black_box(p), tcp))
                .map(|r| r.index())
                .sum::<usize>()
        })
    });
    g.bench_function("direct_index", |b| {
        b.iter(|| {
            ports
                .iter()
                .flat_map(|&p| maps.records(black_box(p), tcp))
                .map(|&i| usize::from(i))
                .sum::<usize>()
        })
    });
    g.bench_function("hashmap", |b| {
        b.iter(|| {
            ports
                .iter()
                .filter_map(|p| maps.tcp_all.get(black_box(p)))
                .flatten()
                .map(|&i| usize::from(i))
                .sum::<usize>()
        })
    });
    g.finish();
}

/// What a user writes for `443/tcp` or `HTTPS/tcp` without the crate: cut
/// at the last `/`, a protocol by name, a number or a lowercased name.
#[inline]
fn user_query(s: &str, map: &HashMap<String, u16>) -> Option<(u16, Protocol)> {
    let (what, proto) = s.rsplit_once('/')?;
    let proto = Protocol::ALL
        .into_iter()
        .find(|p| p.as_str().eq_ignore_ascii_case(proto))?;
    let port = match what.parse::<u16>() {
        Ok(p) => p,
        Err(_) => *map.get(lower(what, &mut [0u8; 64])?)?,
    };
    Some((port, proto))
}

/// What a user writes for `host:service` without the crate: cut at the
/// last `:`, brackets off, the host an address or a name, the service a
/// number or a lowercased name.
#[inline]
fn user_addr<'a>(s: &'a str, map: &HashMap<String, u16>) -> Option<(&'a str, u16)> {
    let (host, service) = s.rsplit_once(':')?;
    let host = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    let port = match service.parse::<u16>() {
        Ok(p) => p,
        Err(_) => *map.get(lower(service, &mut [0u8; 64])?)?,
    };
    // An address is parsed (a name is kept as text).
    let _ = black_box(host.parse::<IpAddr>().is_ok());
    Some((host, port))
}

fn parsers(c: &mut Criterion, inp: &Inputs) {
    let maps = NameMaps::new(&inp.names);
    let (queries, addrs) = (&inp.queries, &inp.addrs);

    let mut g = group(c, "calls/query_parse", queries.len());
    g.bench_function("iana_ports", |b| {
        b.iter(|| {
            queries
                .iter()
                .filter(|q| black_box(q.as_str()).parse::<Query>().is_ok())
                .count()
        })
    });
    g.bench_function("split_hashmap_lowercase", |b| {
        b.iter(|| {
            queries
                .iter()
                .filter(|q| user_query(black_box(q), &maps.tcp_lower).is_some())
                .count()
        })
    });
    g.finish();

    let mut g = group(c, "calls/service_addr_parse", addrs.len());
    g.bench_function("iana_ports", |b| {
        b.iter(|| {
            addrs
                .iter()
                .filter(|a| ServiceAddr::parse(black_box(a), Protocol::Tcp).is_ok())
                .count()
        })
    });
    g.bench_function("split_hashmap_lowercase", |b| {
        b.iter(|| {
            addrs
                .iter()
                .filter(|a| user_addr(black_box(a), &maps.tcp_lower).is_some())
                .count()
        })
    });
    g.finish();
    // std alone, on the numeric addresses only: the floor for a parse.
    let numeric: Vec<String> = addrs
        .iter()
        .filter(|a| {
            !a.starts_with("db.")
                && a.rsplit(':')
                    .next()
                    .is_some_and(|s| s.parse::<u16>().is_ok())
        })
        .cloned()
        .collect();
    let mut g = group(c, "calls/socket_addr_parse_numeric", numeric.len());
    g.bench_function("iana_ports", |b| {
        b.iter(|| {
            numeric
                .iter()
                .filter(|a| ServiceAddr::parse(black_box(a), Protocol::Tcp).is_ok())
                .count()
        })
    });
    g.bench_function("std_socket_addr", |b| {
        b.iter(|| {
            numeric
                .iter()
                .filter(|a| black_box(a.as_str()).parse::<SocketAddr>().is_ok())
                .count()
        })
    });
    g.finish();
}

#[cfg(unix)]
mod glibc {
    use std::ffi::CString;

    use iana_ports::Protocol;

    /// The `(name, port, protocol)` entries of the host's `/etc/services`
    /// on a protocol this crate knows, or `None`.
    pub fn services() -> Option<Vec<(CString, u16, Protocol)>> {
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
    pub fn port(name: &CString, p: Protocol) -> u16 {
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
    pub fn name(port: u16, p: Protocol) -> bool {
        // SAFETY: the protocol is NUL-terminated; the result is only tested
        // for null.
        unsafe {
            !libc::getservbyport(i32::from(port.to_be()), c_proto(p).as_ptr().cast()).is_null()
        }
    }
}

#[cfg(unix)]
fn glibc(c: &mut Criterion) {
    let Some(services) = glibc::services() else {
        eprintln!("glibc group skipped: this machine has no usable /etc/services");
        return;
    };
    let strs: Vec<(&str, u16, Protocol)> = services
        .iter()
        .map(|(n, port, p)| (n.to_str().unwrap(), *port, *p))
        .collect();
    let mut g = group(c, "calls/glibc", services.len());
    g.sample_size(10);
    g.bench_function("getservbyname", |b| {
        b.iter(|| {
            services
                .iter()
                .map(|(n, _, p)| usize::from(glibc::port(black_box(n), *p)))
                .sum::<usize>()
        })
    });
    g.bench_function("iana_ports_port", |b| {
        b.iter(|| {
            strs.iter()
                .filter_map(|&(n, _, p)| port(black_box(n), p))
                .map(usize::from)
                .sum::<usize>()
        })
    });
    g.bench_function("getservbyport", |b| {
        b.iter(|| {
            services
                .iter()
                .filter(|&&(_, port, p)| glibc::name(black_box(port), p))
                .count()
        })
    });
    g.bench_function("iana_ports_service_name", |b| {
        b.iter(|| {
            strs.iter()
                .filter(|&&(_, port, p)| service_name(black_box(port), p).is_some())
                .count()
        })
    });
    g.finish();
}

#[cfg(not(unix))]
fn glibc(_: &mut Criterion) {
    eprintln!("glibc group skipped: not a Unix system");
}

fn all(c: &mut Criterion) {
    let inp = inputs();
    eprintln!(
        "inputs: {} names, {} tcp ports, {} queries, {} addresses",
        inp.names.len(),
        inp.ports.len(),
        inp.queries.len(),
        inp.addrs.len()
    );
    ports(c, &inp);
    names(c, &inp);
    parsers(c, &inp);
    glibc(c);
}

criterion_group! {
    name = benches;
    config = config();
    targets = all
}
criterion_main!(benches);
