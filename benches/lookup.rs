//! Lookups side by side, over the same queries, in one run:
//! this crate, glibc's `getservbyname`/`getservbyport`, a `HashMap` built at
//! start-up, and two baselines for the limit (an exact-case `phf::Map` for
//! names, a direct-index array of 4 x 65,536 entries for ports).
//!
//! `cargo bench --bench lookup`; `python3 benches/report.py` turns criterion's
//! estimates into ratios and the README chart.

use std::collections::HashMap;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use iana_ports::{Protocol, by_name, by_port, records};

/// A small deterministic PRNG (splitmix64) for shuffling and misses.
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

struct Queries {
    /// Every distinct name, exact case, shuffled.
    names_exact: Vec<String>,
    /// The same names in mixed case.
    names_mixed: Vec<String>,
    /// Near misses (one byte changed) and random strings.
    name_misses: Vec<String>,
    /// Every (port, protocol) that has a record.
    port_hits: Vec<(u16, Protocol)>,
    /// Every (port, protocol) without one.
    port_misses: Vec<(u16, Protocol)>,
}

fn queries() -> Queries {
    let mut rng = Rng(0x1A4A_5EED);
    let mut names: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for r in records() {
        if let Some(n) = r.name() {
            if seen.insert(n.to_ascii_lowercase()) {
                names.push(n.to_string());
            }
        }
    }
    rng.shuffle(&mut names);
    let names_mixed = names
        .iter()
        .map(|n| {
            n.chars()
                .map(|c| {
                    if rng.next() & 1 == 1 {
                        c.to_ascii_uppercase()
                    } else {
                        c.to_ascii_lowercase()
                    }
                })
                .collect()
        })
        .collect();
    let mut name_misses = Vec::new();
    for n in &names {
        let mut b = n.clone().into_bytes();
        let i = rng.below(b.len());
        b[i] = b"qxzjkv0123456789"[rng.below(16)];
        let s = String::from_utf8(b).unwrap();
        if by_name(&s).len() == 0 {
            name_misses.push(s);
        }
        let len = 2 + rng.below(14);
        let s: String = (0..len)
            .map(|_| (b'a' + rng.below(26) as u8) as char)
            .collect();
        if by_name(&s).len() == 0 {
            name_misses.push(s);
        }
    }
    rng.shuffle(&mut name_misses);
    let (mut port_hits, mut port_misses) = (Vec::new(), Vec::new());
    for port in 0..=u16::MAX {
        for p in Protocol::ALL {
            if by_port(port, p).len() > 0 {
                port_hits.push((port, p));
            } else {
                port_misses.push((port, p));
            }
        }
    }
    rng.shuffle(&mut port_hits);
    rng.shuffle(&mut port_misses);
    Queries {
        names_exact: names,
        names_mixed,
        name_misses,
        port_hits,
        port_misses,
    }
}

/// The exact-case phf baseline: `phf::Map<&str, u16>` over the same names,
/// built with phf's own generator (as `phf_codegen` would emit it).
fn phf_baseline(names: &[String]) -> phf::Map<&'static str, u16> {
    let keys: Vec<&'static str> = names
        .iter()
        .map(|n| &*Box::leak(n.clone().into_boxed_str()))
        .collect();
    let state = phf_generator::generate_hash(&keys);
    let entries: Vec<(&'static str, u16)> =
        state.map.iter().map(|&i| (keys[i], i as u16)).collect();
    phf::Map {
        key: state.key,
        disps: Box::leak(state.disps.into_boxed_slice()),
        entries: Box::leak(entries.into_boxed_slice()),
    }
}

/// The direct-index baseline: `(start, len)` into a flat list of record
/// indices for each of 4 x 65,536 (protocol, port) pairs.
struct DirectIndex {
    slots: Vec<(u32, u16)>,
    flat: Vec<u16>,
}

impl DirectIndex {
    fn new() -> Self {
        let mut slots = Vec::with_capacity(4 << 16);
        let mut flat = Vec::new();
        for p in Protocol::ALL {
            for port in 0..=u16::MAX {
                let start = flat.len() as u32;
                flat.extend(by_port(port, p).map(|r| r.index() as u16));
                slots.push((start, (flat.len() as u32 - start) as u16));
            }
        }
        DirectIndex { slots, flat }
    }

    #[inline]
    fn get(&self, port: u16, p: Protocol) -> &[u16] {
        let (start, len) = self.slots[(p as usize) << 16 | usize::from(port)];
        &self.flat[start as usize..start as usize + usize::from(len)]
    }
}

/// A `HashMap` built at start-up: lowercased name -> record indices, and
/// (port, protocol) -> record indices.
struct Hashed {
    names: HashMap<String, Vec<u16>>,
    ports: HashMap<(u16, Protocol), Vec<u16>>,
}

impl Hashed {
    fn new() -> Self {
        let mut names: HashMap<String, Vec<u16>> = HashMap::new();
        let mut ports: HashMap<(u16, Protocol), Vec<u16>> = HashMap::new();
        for r in records() {
            if let Some(n) = r.name() {
                names
                    .entry(n.to_ascii_lowercase())
                    .or_default()
                    .push(r.index() as u16);
            }
            if let Some(range) = r.ports() {
                for port in range {
                    for p in Protocol::ALL.into_iter().filter(|&p| r.applies_to(p)) {
                        ports.entry((port, p)).or_default().push(r.index() as u16);
                    }
                }
            }
        }
        Hashed { names, ports }
    }

    /// Case-insensitive like the crate: lowercase into a stack buffer.
    #[inline]
    fn name(&self, name: &str) -> usize {
        let mut buf = [0u8; 64];
        let Some(dst) = buf.get_mut(..name.len()) else {
            return 0;
        };
        for (d, s) in dst.iter_mut().zip(name.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        let key = std::str::from_utf8(dst).unwrap_or("");
        self.names.get(key).map_or(0, Vec::len)
    }
}

#[cfg(unix)]
mod glibc {
    use std::ffi::CString;

    /// `(name, protocol)` and `(port, protocol)` queries, protocols as
    /// NUL-terminated C strings.
    pub type Services = (Vec<(CString, &'static [u8])>, Vec<(u16, &'static [u8])>);

    /// Names and ports that the host's `/etc/services` knows, or `None`.
    pub fn services() -> Option<Services> {
        let text = std::fs::read_to_string("/etc/services").ok()?;
        let (mut names, mut ports) = (Vec::new(), Vec::new());
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("");
            let mut it = line.split_whitespace();
            let (Some(name), Some(pp)) = (it.next(), it.next()) else {
                continue;
            };
            let Some((port, proto)) = pp.split_once('/') else {
                continue;
            };
            let proto: &'static [u8] = match proto {
                "tcp" => b"tcp\0",
                "udp" => b"udp\0",
                "sctp" => b"sctp\0",
                "dccp" => b"dccp\0",
                _ => continue,
            };
            let Ok(port) = port.parse::<u16>() else {
                continue;
            };
            names.push((CString::new(name).ok()?, proto));
            ports.push((port, proto));
        }
        (!names.is_empty()).then_some((names, ports))
    }

    pub fn by_name(name: &CString, proto: &[u8]) -> bool {
        // SAFETY: both are NUL-terminated; the result is only tested for null.
        unsafe { !libc::getservbyname(name.as_ptr(), proto.as_ptr().cast()).is_null() }
    }

    pub fn by_port(port: u16, proto: &[u8]) -> bool {
        // SAFETY: proto is NUL-terminated; the result is only tested for null.
        unsafe { !libc::getservbyport(i32::from(port.to_be()), proto.as_ptr().cast()).is_null() }
    }
}

fn names(c: &mut Criterion, q: &Queries) {
    let phf = phf_baseline(&q.names_exact);
    let hashed = Hashed::new();
    for (set, queries) in [("hits", &q.names_mixed), ("misses", &q.name_misses)] {
        let mut g = c.benchmark_group(format!("by_name/{set}"));
        g.throughput(Throughput::Elements(queries.len() as u64));
        g.bench_function("iana_ports", |b| {
            b.iter(|| {
                queries
                    .iter()
                    .map(|n| by_name(black_box(n)).len())
                    .sum::<usize>()
            })
        });
        g.bench_function("hashmap", |b| {
            b.iter(|| {
                queries
                    .iter()
                    .map(|n| hashed.name(black_box(n)))
                    .sum::<usize>()
            })
        });
        // The baseline compares exact case: give it the exact-case names on hits.
        let exact = if set == "hits" {
            &q.names_exact
        } else {
            queries
        };
        g.bench_function("phf_exact_baseline", |b| {
            b.iter(|| {
                exact
                    .iter()
                    .filter(|n| phf.get(black_box(n.as_str())).is_some())
                    .count()
            })
        });
        g.finish();
    }
}

fn ports(c: &mut Criterion, q: &Queries) {
    let direct = DirectIndex::new();
    let hashed = Hashed::new();
    for (set, queries) in [("hits", &q.port_hits), ("misses", &q.port_misses)] {
        let mut g = c.benchmark_group(format!("by_port/{set}"));
        g.throughput(Throughput::Elements(queries.len() as u64));
        g.bench_function("iana_ports", |b| {
            b.iter(|| {
                queries
                    .iter()
                    .map(|&(port, p)| by_port(black_box(port), p).len())
                    .sum::<usize>()
            })
        });
        g.bench_function("hashmap", |b| {
            b.iter(|| {
                queries
                    .iter()
                    .map(|&(port, p)| hashed.ports.get(&(black_box(port), p)).map_or(0, Vec::len))
                    .sum::<usize>()
            })
        });
        g.bench_function("direct_index_baseline", |b| {
            b.iter(|| {
                queries
                    .iter()
                    .map(|&(port, p)| direct.get(black_box(port), p).len())
                    .sum::<usize>()
            })
        });
        g.finish();
    }
}

#[cfg(unix)]
fn glibc(c: &mut Criterion) {
    let Some((names, ports)) = glibc::services() else {
        eprintln!("glibc group skipped: this machine has no usable /etc/services");
        return;
    };
    let mut g = c.benchmark_group("glibc");
    g.throughput(Throughput::Elements(names.len() as u64));
    g.sample_size(10);
    g.bench_function("getservbyname", |b| {
        b.iter(|| {
            names
                .iter()
                .filter(|(n, p)| glibc::by_name(black_box(n), p))
                .count()
        })
    });
    // The same names as &str, made before timing: only the lookup is timed.
    let strs: Vec<&str> = names.iter().map(|(n, _)| n.to_str().unwrap()).collect();
    g.bench_function("iana_ports_by_name", |b| {
        b.iter(|| {
            strs.iter()
                .map(|n| by_name(black_box(n)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("getservbyport", |b| {
        b.iter(|| {
            ports
                .iter()
                .filter(|&&(port, p)| glibc::by_port(black_box(port), p))
                .count()
        })
    });
    let ports: Vec<(u16, Protocol)> = ports
        .iter()
        .map(|&(port, p)| {
            let p = match p {
                b"udp\0" => Protocol::Udp,
                b"sctp\0" => Protocol::Sctp,
                b"dccp\0" => Protocol::Dccp,
                _ => Protocol::Tcp,
            };
            (port, p)
        })
        .collect();
    g.bench_function("iana_ports_by_port", |b| {
        b.iter(|| {
            ports
                .iter()
                .map(|&(port, p)| by_port(black_box(port), p).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

#[cfg(not(unix))]
fn glibc(_: &mut Criterion) {
    eprintln!("glibc group skipped: not a Unix system");
}

fn all(c: &mut Criterion) {
    let q = queries();
    eprintln!(
        "queries: {} name hits, {} name misses, {} port hits, {} port misses",
        q.names_mixed.len(),
        q.name_misses.len(),
        q.port_hits.len(),
        q.port_misses.len()
    );
    names(c, &q);
    ports(c, &q);
    glibc(c);
}

criterion_group!(benches, all);
criterion_main!(benches);
