//! What users type: suggestions, search, port-or-name and `host:service`.
//! One criterion run: `cargo bench --bench words`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use iana_ports::{Protocol, ServiceAddr, parse_port, suggest};

fn words(c: &mut Criterion) {
    let mut g = c.benchmark_group("words");
    // A registered name (the fast path), typos, and a miss.
    for q in ["ssh", "postgres", "http_alt", "kafka"] {
        g.bench_function(format!("suggest/{q}"), |b| b.iter(|| suggest(black_box(q))));
    }
    for q in ["https", "443", "postgres"] {
        g.bench_function(format!("parse_port/{q}"), |b| {
            b.iter(|| parse_port(black_box(q), Protocol::Tcp))
        });
    }
    for q in ["127.0.0.1:ssh", "[::1]:http-alt", "example.com:https"] {
        g.bench_function(format!("ServiceAddr::parse/{q}"), |b| {
            b.iter(|| ServiceAddr::parse(black_box(q), Protocol::Tcp))
        });
    }
    #[cfg(feature = "metadata")]
    for q in ["redis", "postgres", "x window", "http"] {
        g.bench_function(format!("search first/{q}"), |b| {
            b.iter(|| iana_ports::search(black_box(q)).next())
        });
        g.bench_function(format!("search all/{q}"), |b| {
            b.iter(|| iana_ports::search(black_box(q)).count())
        });
    }
    g.finish();
}

criterion_group!(benches, words);
criterion_main!(benches);
