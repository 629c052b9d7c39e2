//! `search`: first results checked by hand against `registry.xml` (grep),
//! and every result list compared with a plain allocating implementation
//! of the documented order over `records()` (whose names and descriptions
//! tests/differential.rs checks against the XML).
#![cfg(feature = "metadata")]

use iana_ports::{Protocol, Record, records, search};

fn first(q: &str) -> (Option<&'static str>, Option<Protocol>, Option<u16>) {
    let r = search(q).next().unwrap_or_else(|| panic!("{q:?}: nothing"));
    (r.name(), r.protocol(), r.ports().map(|p| p.start()))
}

#[test]
fn what_users_ask() {
    // registry.xml: redis 6379/tcp "An advanced key-value cache and store",
    // its only record.
    assert_eq!(
        first("redis"),
        (Some("redis"), Some(Protocol::Tcp), Some(6379))
    );
    assert_eq!(search("redis").len(), 1);
    assert_eq!(first("REDIS"), first("redis"));
    // postgresql 5432 tcp and udp "PostgreSQL Database", then pgbackrest
    // 8432/tcp "PostgreSQL Backup".
    let pg: Vec<_> = search("postgres")
        .map(|r| (r.name().unwrap(), r.protocol(), r.ports().unwrap().start()))
        .collect();
    assert_eq!(
        pg,
        [
            ("postgresql", Some(Protocol::Tcp), 5432),
            ("postgresql", Some(Protocol::Udp), 5432),
            ("pgbackrest", Some(Protocol::Tcp), 8432),
        ]
    );
    assert_eq!(
        first("mongo"),
        (Some("mongodb"), Some(Protocol::Tcp), Some(27017))
    );
    assert_eq!(first("ssh"), (Some("ssh"), Some(Protocol::Tcp), Some(22)));
    assert_eq!(
        first("x window"),
        (Some("x11"), Some(Protocol::Tcp), Some(6000))
    );
    // Not in IANA's registry.
    for q in ["kafka", "minecraft", "prometheus", "elasticsearch"] {
        assert_eq!(search(q).len(), 0, "{q}");
    }
}

#[test]
fn words_and_odd_input() {
    assert_eq!(search("").len(), 0);
    assert_eq!(search(" \t\n ").len(), 0);
    // All words must match: adding one never adds results.
    let cache = search("cache").len();
    assert!(cache > 1, "{cache}");
    assert_eq!(search("cache key-value").len(), 1); // redis
    assert_eq!(search("  key-value\tCACHE  ").len(), 1);
    let long = "a".repeat(10_000);
    for q in [long.as_str(), "ü", "🦀", "\0", "ſsh", "Ｒｅｄｉｓ"] {
        assert_eq!(search(q).len(), 0, "{q:?}");
    }
}

#[test]
fn exact_size_and_fused() {
    let mut s = search("http");
    let n = s.len();
    assert!(n > 50, "{n}");
    let mut seen = 0;
    while s.next().is_some() {
        seen += 1;
        assert_eq!(s.len(), n - seen);
    }
    assert_eq!(seen, n);
    assert!(s.next().is_none());
    assert!(s.next().is_none());
    assert_eq!(s.len(), 0);
}

// ---------------------------------------------------------------------------
// The documented order, written plainly
// ---------------------------------------------------------------------------

fn whole_word(hay: &str, w: &str) -> bool {
    let b = hay.as_bytes();
    hay.match_indices(w).any(|(at, m)| {
        let before = at.checked_sub(1).map(|i| b[i]);
        let after = b.get(at + m.len()).copied();
        !before.is_some_and(|c| c.is_ascii_alphanumeric())
            && !after.is_some_and(|c| c.is_ascii_alphanumeric())
    })
}

fn oracle(q: &str) -> Vec<Record> {
    let words: Vec<String> = q
        .split_ascii_whitespace()
        .map(|w| w.to_ascii_lowercase())
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for r in records() {
        let Some(name) = r.name() else { continue };
        let name = name.to_ascii_lowercase();
        let desc = r.description().to_ascii_lowercase();
        if !words.iter().all(|w| name.contains(w) || desc.contains(w)) {
            continue;
        }
        let tier = if words.contains(&name) {
            0
        } else if words.iter().any(|w| name.starts_with(w.as_str())) {
            1
        } else if words.iter().any(|w| name.contains(w.as_str())) {
            2
        } else if words
            .iter()
            .all(|w| whole_word(&name, w) || whole_word(&desc, w))
        {
            3
        } else {
            4
        };
        hits.push(((r.ports().is_none(), tier), r));
    }
    // Stable: registry order within a group.
    hits.sort_by_key(|h| h.0);
    hits.into_iter().map(|h| h.1).collect()
}

#[test]
fn agrees_with_the_documented_order() {
    let queries = [
        "redis",
        "postgres",
        "sql",
        "SQL server",
        "database",
        "x window",
        "ssh",
        "dns",
        "time",
        "game",
        "apple",
        "mqtt",
        "key-value",
        "sip tls",
        "http",
        "unassigned",
        "e",
    ];
    for q in queries {
        let got: Vec<Record> = search(q).collect();
        let want = oracle(q);
        assert!(
            got == want,
            "{q:?}: {} results, expected {}; first difference at {:?}",
            got.len(),
            want.len(),
            got.iter().zip(&want).position(|(a, b)| a != b)
        );
        assert_eq!(search(q).len(), want.len(), "{q:?}");
    }
}
