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
//!
//! This file holds the groups; `baselines.rs` the inputs and what a user
//! would otherwise write, `glibc.rs` the libc group.

mod baselines;
#[cfg(unix)]
mod glibc;
#[cfg(not(unix))]
mod glibc {
    pub fn bench(_: &mut criterion::Criterion) {
        eprintln!("glibc group skipped: not a Unix system");
    }
}

use std::hint::black_box;
use std::net::SocketAddr;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};
use iana_ports::{Protocol, Query, ServiceAddr, by_name, by_port, port, service_name};

use baselines::{Inputs, NameMaps, PortMaps, inputs, lower, user_addr, user_query};

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .sample_size(20)
}

/// A criterion group whose benchmarks each run one call over every input:
/// throughput is counted in inputs, so criterion's numbers are per call.
pub struct Over<'c, 'i, T> {
    group: BenchmarkGroup<'c, WallTime>,
    inputs: &'i [T],
}

/// The group `name`, over `inputs`.
pub fn over<'c, 'i, T>(c: &'c mut Criterion, name: &str, inputs: &'i [T]) -> Over<'c, 'i, T> {
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Elements(inputs.len() as u64));
    Over { group, inputs }
}

impl<T> Over<'_, '_, T> {
    /// Benchmarks `id`: `f` on every input (each through `black_box`), the
    /// results summed so that none is optimized away.
    pub fn bench(mut self, id: &str, mut f: impl FnMut(&T) -> usize) -> Self {
        let inputs = self.inputs;
        self.group.bench_function(id, |b| {
            b.iter(|| inputs.iter().map(|x| f(black_box(x))).sum::<usize>())
        });
        self
    }

    /// Fewer samples, for slow calls.
    pub fn sample_size(mut self, n: usize) -> Self {
        self.group.sample_size(n);
        self
    }

    /// Ends the group (criterion prints its summary).
    pub fn finish(self) {
        self.group.finish();
    }
}

fn names(c: &mut Criterion, inp: &Inputs) {
    let maps = NameMaps::new(&inp.names);
    let tcp = Protocol::Tcp;
    let mut buf = [0u8; 64];

    over(c, "calls/port", &inp.names)
        .bench("iana_ports", |n| port(n, tcp).map_or(0, usize::from))
        .bench("hashmap_exact", |n| {
            maps.tcp.get(n).map_or(0, |&p| usize::from(p))
        })
        .bench("hashmap_lowercase", |n| {
            lower(n, &mut buf)
                .and_then(|k| maps.tcp_lower.get(k))
                .map_or(0, |&p| usize::from(p))
        })
        .finish();

    over(c, "calls/by_name_next", &inp.names)
        .bench("iana_ports", |n| by_name(n).next().map_or(0, |r| r.index()))
        .bench("hashmap_exact", |n| {
            maps.first.get(n).map_or(0, |&i| usize::from(i))
        })
        .bench("hashmap_lowercase", |n| {
            lower(n, &mut buf)
                .and_then(|k| maps.first_lower.get(k))
                .map_or(0, |&i| usize::from(i))
        })
        .bench("phf_exact", |n| {
            maps.phf.get(*n).map_or(0, |&i| usize::from(i))
        })
        .finish();

    over(c, "calls/by_name_all", &inp.names)
        .bench("iana_ports", |n| by_name(n).map(|r| r.index()).sum())
        .bench("hashmap_exact", |n| maps.all.get(n).map_or(0, |v| sum(v)))
        .finish();
}

/// The sum of record indices, as the crate's iterators give them.
fn sum(indices: &[u16]) -> usize {
    indices.iter().map(|&i| usize::from(i)).sum()
}

fn ports(c: &mut Criterion, inp: &Inputs) {
    let maps = PortMaps::new();
    let tcp = Protocol::Tcp;

    over(c, "calls/service_name", &inp.ports)
        .bench("iana_ports", |&p| service_name(p, tcp).map_or(0, str::len))
        .bench("direct_array", |&p| maps.name(p, tcp).map_or(0, str::len))
        .bench("hashmap", |p| maps.tcp_name.get(p).map_or(0, |n| n.len()))
        .finish();

    over(c, "calls/by_port_next", &inp.ports)
        .bench("iana_ports", |&p| {
            by_port(p, tcp).next().map_or(0, |r| r.index())
        })
        .bench("direct_index", |&p| {
            maps.records(p, tcp).first().map_or(0, |&i| usize::from(i))
        })
        .bench("hashmap", |p| {
            maps.tcp_all
                .get(p)
                .and_then(|v| v.first())
                .map_or(0, |&i| usize::from(i))
        })
        .finish();

    over(c, "calls/by_port_all", &inp.ports)
        .bench("iana_ports", |&p| by_port(p, tcp).map(|r| r.index()).sum())
        .bench("direct_index", |&p| sum(maps.records(p, tcp)))
        .bench("hashmap", |p| maps.tcp_all.get(p).map_or(0, |v| sum(v)))
        .finish();
}

fn parsers(c: &mut Criterion, inp: &Inputs) {
    let maps = NameMaps::new(&inp.names);
    let tcp = Protocol::Tcp;

    over(c, "calls/query_parse", &inp.queries)
        .bench("iana_ports", |q| usize::from(q.parse::<Query>().is_ok()))
        .bench("split_hashmap_lowercase", |q| {
            usize::from(user_query(q, &maps.tcp_lower).is_some())
        })
        .finish();

    over(c, "calls/service_addr_parse", &inp.addrs)
        .bench("iana_ports", |a| {
            usize::from(ServiceAddr::parse(a, tcp).is_ok())
        })
        .bench("split_hashmap_lowercase", |a| {
            usize::from(user_addr(a, &maps.tcp_lower).is_some())
        })
        .finish();

    // std alone, on the numeric addresses only: the floor for a parse.
    let numeric: Vec<String> = inp
        .addrs
        .iter()
        .filter(|a| {
            !a.starts_with("db.")
                && a.rsplit(':')
                    .next()
                    .is_some_and(|s| s.parse::<u16>().is_ok())
        })
        .cloned()
        .collect();
    over(c, "calls/socket_addr_parse_numeric", &numeric)
        .bench("iana_ports", |a| {
            usize::from(ServiceAddr::parse(a, tcp).is_ok())
        })
        .bench("std_socket_addr", |a| {
            usize::from(a.parse::<SocketAddr>().is_ok())
        })
        .finish();
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
    glibc::bench(c);
}

criterion_group! {
    name = benches;
    config = config();
    targets = all
}
criterion_main!(benches);
