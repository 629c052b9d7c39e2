//! Lookups allocate nothing: a counting global allocator watches every
//! public query and every accessor of every record they return.
//!
//! Counting is per thread and only while enabled, so the test harness's own
//! threads and the set-up of the query strings are not counted.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fmt::{self, Write};
use std::hint::black_box;

use iana_ports::{
    Date, Protocol, REGISTRY_UPDATED, Record, by_name, by_port, port, records, service_name,
};
#[cfg(feature = "metadata")]
use iana_ports::{Person, Reference};

mod common;
use common::names::alternating;

struct Counting;

thread_local! {
    static ENABLED: Cell<bool> = const { Cell::new(false) };
    static COUNT: Cell<u64> = const { Cell::new(0) };
}

fn note_alloc() {
    // `try_with`: the thread-locals may be gone while a thread exits.
    let _ = ENABLED.try_with(|on| {
        if on.get() {
            let _ = COUNT.try_with(|c| c.set(c.get() + 1));
        }
    });
}

// SAFETY: every call is forwarded unchanged to `System`; the bookkeeping
// touches only const-initialised thread-locals, which never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note_alloc();
        // SAFETY: same contract as ours.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note_alloc();
        // SAFETY: same contract as ours.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note_alloc();
        // SAFETY: same contract as ours.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as ours.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `f` with counting on and returns its result and the number of
/// allocations (and reallocations) it made on this thread.
fn counted<T>(f: impl FnOnce() -> T) -> (T, u64) {
    COUNT.with(|c| c.set(0));
    ENABLED.with(|e| e.set(true));
    let out = f();
    ENABLED.with(|e| e.set(false));
    (out, COUNT.with(Cell::get))
}

/// A `fmt::Write` that keeps nothing, to run `Display`/`Debug` impls.
struct Sink(usize);

impl Write for Sink {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0 += s.len();
        Ok(())
    }
}

fn len(s: &str) -> u64 {
    black_box(s).len() as u64
}

fn date(d: Option<Date>, sink: &mut Sink) -> u64 {
    match d {
        Some(d) => {
            write!(sink, "{d}").unwrap();
            u64::from(d.year()) + u64::from(d.month()) + u64::from(d.day().unwrap_or(0))
        }
        None => 1,
    }
}

#[cfg(feature = "metadata")]
fn person(p: Person, sink: &mut Sink) -> u64 {
    let mut n = len(p.id());
    n += p.name().map_or(0, len);
    n += p.org().map_or(0, len);
    n += p.uri().map_or(0, len);
    n += p.uris().map(len).sum::<u64>();
    n += p.uris().rev().map(len).sum::<u64>();
    n += date(p.updated(), sink);
    write!(sink, "{p:?}").unwrap();
    n
}

/// Every accessor of a record, and of its people and references.
fn touch(r: Record, sink: &mut Sink) -> u64 {
    let mut n = r.index() as u64;
    n += r.name().map_or(0, len);
    if let Some(p) = r.protocol() {
        n += len(p.as_str());
        write!(sink, "{p}").unwrap();
    }
    for p in Protocol::ALL {
        n += u64::from(r.applies_to(p));
    }
    if let Some(range) = r.ports() {
        n += u64::from(range.start()) + u64::from(range.end()) + u64::from(range.len());
        n += u64::from(range.is_single()) + u64::from(range.contains(range.end()));
        write!(sink, "{range}").unwrap();
    }
    let status = r.status();
    n += len(status.as_str());
    write!(sink, "{status}").unwrap();
    #[cfg(feature = "metadata")]
    {
        n += touch_metadata(r, sink);
    }
    write!(sink, "{r:?}").unwrap();
    n
}

/// The metadata accessors of a record, its people and references.
#[cfg(feature = "metadata")]
fn touch_metadata(r: Record, sink: &mut Sink) -> u64 {
    let mut n = len(r.description());
    if let Some(a) = r.assignee() {
        n += person(a, sink);
    }
    for c in r.contacts() {
        n += person(c, sink);
    }
    n += r.contacts().rev().count() as u64;
    n += date(r.registered(), sink);
    n += date(r.modified(), sink);
    for x in r.references() {
        n += match x {
            Reference::Rfc { number, text } => u64::from(number) + text.map_or(0, len),
            Reference::Uri { uri, text } => len(uri) + text.map_or(0, len),
            Reference::Draft { name, text } => len(name) + text.map_or(0, len),
            Reference::Text(t) => len(t),
            Reference::Note { anchor, footnote } => len(anchor) + footnote.map_or(0, len),
        };
        write!(sink, "{x:?}").unwrap();
    }
    n += r.references().rev().count() as u64;
    n += r.service_code().map_or(0, u64::from);
    n += r.unauthorized().map_or(0, len);
    n += r.note().map_or(0, len);
    n
}

#[test]
fn the_counter_counts() {
    // Without this, a broken counter would make the real test pass vacuously.
    let (v, n) = counted(|| black_box(Vec::<u8>::with_capacity(black_box(16))));
    drop(v);
    assert!(n >= 1, "a Vec allocation was not counted");
    let (s, n) = counted(|| black_box(String::from("x")) + "y");
    drop(s);
    assert!(n >= 1, "a String allocation was not counted");
    let (_, n) = counted(|| black_box(1 + 1));
    assert_eq!(n, 0);
}

#[test]
fn lookups_allocate_nothing() {
    // Every query string is built before counting starts.
    let names: Vec<&'static str> = records().filter_map(|r| r.name()).collect();
    let mut queries: Vec<String> = Vec::with_capacity(names.len() * 3 + 16);
    for n in &names {
        queries.push(n.to_ascii_lowercase());
        queries.push(n.to_ascii_uppercase());
        queries.push(alternating(n));
    }
    let hits = queries.len();
    let misses = [
        String::new(),
        "a".repeat(10 * 1024),
        "x".repeat(16),
        "no-such-service-here".to_string(),
        "ſsh".to_string(),
        "ＳＳＨ".to_string(),
        "überdienst".to_string(),
        "ssh\0".to_string(),
        "\0".to_string(),
        "ss\0h".to_string(),
        "\0\0\0\0".to_string(),
        "http\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0".to_string(),
    ];
    queries.extend(misses.iter().cloned());
    let mut sink = Sink(0);

    let ((found, sum), allocs) = counted(|| {
        let mut found = 0usize;
        let mut sum = 0u64;
        for q in &queries {
            let rs = by_name(q);
            found += rs.len();
            for r in rs {
                sum = sum.wrapping_add(touch(r, &mut sink));
            }
            for p in Protocol::ALL {
                sum = sum.wrapping_add(u64::from(port(q, p).unwrap_or(1)));
            }
        }
        (found, sum)
    });
    assert_eq!(allocs, 0, "by_name/port allocated {allocs} times");

    // Suggestions: registered names, typos and the misses above.
    let typos = [
        "postgres",
        "ssh2",
        "http_alt",
        "HTPS",
        "kafka",
        "minecraft",
        "mongo",
    ];
    let (suggested, allocs) = counted(|| {
        let mut n = 0usize;
        for q in queries.iter().step_by(7).map(String::as_str).chain(typos) {
            n += usize::from(iana_ports::suggest(q).is_some());
            if let Err(e) = q.parse::<iana_ports::Query>() {
                write!(sink, "{e}").unwrap();
                n += usize::from(e.suggestion().is_some());
            }
        }
        n
    });
    assert_eq!(allocs, 0, "suggest allocated {allocs} times");
    assert!(suggested > hits / 7, "{suggested}");

    // Port or name, and queries with a default protocol.
    let (ok, allocs) = counted(|| {
        let mut ok = 0usize;
        let extra = [
            "443",
            "00443",
            "70000",
            " 443",
            "https/tcp",
            "6000-6063",
            "airplay",
        ];
        for q in queries.iter().map(String::as_str).chain(extra) {
            for p in Protocol::ALL {
                ok += usize::from(iana_ports::parse_port(q, p).is_ok());
                ok += usize::from(iana_ports::Query::parse_with_default(q, p).is_ok());
            }
        }
        ok
    });
    assert_eq!(
        allocs, 0,
        "parse_port/parse_with_default allocated {allocs} times"
    );
    assert!(ok > hits, "{ok}");

    // Addresses: parsing, and the socket addresses of IP literals (a host
    // name goes to the system resolver, which allocates: not counted).
    #[cfg(feature = "std")]
    {
        use std::net::ToSocketAddrs;
        let texts: Vec<String> = queries
            .iter()
            .step_by(5)
            .flat_map(|q| {
                [
                    format!("example.com:{q}"),
                    format!("[::1]:{q}"),
                    format!(":{q}"),
                ]
            })
            .chain(
                [
                    "127.0.0.1:ssh",
                    "[fe80::1%eth0]:22",
                    "[fe80::1%3]:http-alt",
                    "localhost:8080",
                    "[]:80",
                    "::1:80",
                    "h:postgres",
                    "h:70000",
                    "h",
                    " h:1",
                    "[::1",
                    "",
                ]
                .map(String::from),
            )
            .collect();
        let (n, allocs) = counted(|| {
            let mut n = 0usize;
            for t in &texts {
                match iana_ports::ServiceAddr::parse(t, Protocol::Tcp) {
                    Ok(a) => {
                        n += usize::from(a.port()) + a.host_port().0.len();
                        write!(sink, "{a}").unwrap();
                        if a.host().is_none_or(|h| {
                            h.parse::<std::net::IpAddr>().is_ok() || h == "fe80::1%3"
                        }) {
                            n += a.to_socket_addrs().unwrap().count();
                        }
                    }
                    Err(e) => {
                        write!(sink, "{e}").unwrap();
                        n += usize::from(e.suggestion().is_some());
                    }
                }
            }
            n
        });
        assert_eq!(allocs, 0, "ServiceAddr allocated {allocs} times");
        assert!(n > texts.len(), "{n}");
    }

    // A config value: serde_json borrows the string, the parse allocates
    // nothing (its errors are boxed, so only successes are counted).
    #[cfg(feature = "serde")]
    {
        let json: Vec<String> = queries[..hits]
            .iter()
            .step_by(11)
            .map(|q| serde_json::to_string(q).unwrap())
            .collect();
        let (ports, allocs) = counted(|| {
            let mut ports = 0u64;
            for j in json
                .iter()
                .map(String::as_str)
                .chain(["443", "\"443/udp\"", "\"https\""])
            {
                let q: iana_ports::Query = serde_json::from_str(j).unwrap();
                ports += u64::from(q.port().unwrap_or(1));
            }
            ports
        });
        assert_eq!(allocs, 0, "Query's Deserialize allocated {allocs} times");
        assert!(ports > 0);
    }

    // Search: construction and iteration.
    #[cfg(feature = "metadata")]
    {
        let words = ["redis", "postgres", "x window", "HTTP", "kafka", "", "ü"];
        let (found, allocs) = counted(|| {
            let mut found = 0usize;
            for q in words
                .iter()
                .copied()
                .chain(misses.iter().map(String::as_str))
            {
                let s = iana_ports::search(q);
                found += s.len();
                for r in s {
                    found += r.name().map_or(0, str::len);
                }
            }
            found
        });
        assert_eq!(allocs, 0, "search allocated {allocs} times");
        assert!(found > 100, "{found}");
    }
    assert!(
        found >= hits,
        "{found} records found for {hits} name queries"
    );
    assert!(sum > 0);
    for q in &misses {
        assert_eq!(by_name(q).len(), 0, "{q:?}");
    }

    let ((found, sum), allocs) = counted(|| {
        let mut found = 0usize;
        let mut sum = 0u64;
        for p in Protocol::ALL {
            for port in 0..=u16::MAX {
                let rs = by_port(port, p);
                found += rs.len();
                for r in rs {
                    sum = sum.wrapping_add(touch(r, &mut sink));
                }
                sum = sum.wrapping_add(service_name(port, p).map_or(1, len));
            }
        }
        (found, sum)
    });
    assert_eq!(allocs, 0, "by_port/service_name allocated {allocs} times");
    assert!(found > 100_000, "{found}");
    assert!(sum > 0);

    let ((count, sum), allocs) = counted(|| {
        let mut sum = 0u64;
        let all = records();
        let count = all.len();
        for r in all {
            sum = sum.wrapping_add(touch(r, &mut sink));
        }
        sum = sum.wrapping_add(records().rev().map(|r| r.index() as u64).sum::<u64>());
        sum = sum.wrapping_add(date(Some(REGISTRY_UPDATED), &mut sink));
        (count, sum)
    });
    assert_eq!(allocs, 0, "records() allocated {allocs} times");
    assert_eq!(count, iana_ports::RECORD_COUNT);
    assert!(sum > 0);
    assert!(sink.0 > 1_000_000, "{}", sink.0);
}

/// An `io::Write` that keeps nothing but the byte count.
#[cfg(feature = "std")]
struct IoSink(usize);

#[cfg(feature = "std")]
impl std::io::Write for IoSink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(feature = "std")]
#[test]
fn write_services_io_allocates_nothing() {
    let mut out = IoSink(0);
    let (result, allocs) =
        counted(|| iana_ports::write_services_io(&mut out, iana_ports::ServicesOptions::new()));
    result.unwrap();
    assert_eq!(allocs, 0, "write_services_io allocated {allocs} times");
    // The whole file, not an early stop: over 800 KB with descriptions.
    assert!(out.0 > 400_000, "{}", out.0);
}

#[test]
fn ports_allocates_nothing() {
    let names: Vec<&'static str> = records().filter_map(|r| r.name()).collect();
    let upper: Vec<String> = names.iter().map(|n| n.to_ascii_uppercase()).collect();
    let mut sink = Sink(0);
    let ((found, sum), allocs) = counted(|| {
        let (mut found, mut sum) = (0usize, 0u64);
        for q in names
            .iter()
            .copied()
            .chain(upper.iter().map(String::as_str))
        {
            for p in Protocol::ALL {
                let all = iana_ports::ports(q, p);
                found += all.len();
                for r in all.clone() {
                    sum = sum.wrapping_add(u64::from(r.start()) + u64::from(r.end()));
                }
                sum = sum.wrapping_add(all.rev().map(|r| u64::from(r.len())).sum::<u64>());
                sum = sum.wrapping_add(u64::from(port(q, p).unwrap_or(1)));
            }
        }
        write!(sink, "{:?}", iana_ports::ports("http-alt", Protocol::Tcp)).unwrap();
        write!(sink, "{:?}", iana_ports::ports("no such", Protocol::Tcp)).unwrap();
        (found, sum)
    });
    assert_eq!(allocs, 0, "ports allocated {allocs} times");
    assert!(found > 20_000, "{found}");
    assert!(sum > 0 && sink.0 > 10);
}

/// The iterators' `Debug` (which walks a clone of the iterator) and the
/// skips `Records` writes itself (`nth`, `count`, `last`) allocate nothing.
#[test]
fn iterator_debug_and_skips_allocate_nothing() {
    let q: iana_ports::Query = "x11/udp".parse().unwrap();
    let mut sink = Sink(0);
    let (sum, allocs) = counted(|| {
        write!(sink, "{:?}", by_port(80, Protocol::Tcp)).unwrap();
        write!(sink, "{:#?}", by_name("ssh")).unwrap();
        write!(sink, "{:?}", q.records()).unwrap();
        let mut all = records();
        let mut sum = all.nth(14_000).map_or(0, |r| r.index() as u64);
        write!(sink, "{all:?}").unwrap();
        sum += records().count() as u64;
        sum += by_port(6010, Protocol::Udp)
            .nth(1)
            .map_or(1, |r| r.index() as u64);
        sum += by_port(80, Protocol::Udp)
            .last()
            .map_or(1, |r| r.index() as u64);
        #[cfg(feature = "metadata")]
        {
            let x11 = by_name("x11").next().unwrap();
            write!(sink, "{:?}", x11.contacts()).unwrap();
            write!(sink, "{:?}", x11.references()).unwrap();
            write!(sink, "{:?}", iana_ports::search("x window")).unwrap();
            sum += x11.contacts().nth(1).map_or(1, |p| p.uris().count() as u64);
        }
        sum
    });
    assert_eq!(
        allocs, 0,
        "iterator Debug/nth/count/last allocated {allocs} times"
    );
    assert!(sum > 14_000 && sink.0 > 500, "{sum} {}", sink.0);
}
