//! `by_name` and the `Query` parser on arbitrary text: no panic, and every
//! record found carries the name asked for (ASCII case-insensitively).
#![no_main]

use iana_ports::{by_name, Query};
use libfuzzer_sys::fuzz_target;

fn check(s: &str) {
    let found = by_name(s);
    assert_eq!(found.len(), found.clone().count());
    for r in found {
        let name = r.name().expect("a record found by name has a name");
        assert!(name.eq_ignore_ascii_case(s), "{s:?} found {name:?}");
    }
    if let Ok(q) = s.parse::<Query>() {
        assert_eq!(q.to_string().parse::<Query>(), Ok(q), "{s:?}");
        if let Some(name) = q.name() {
            assert!(by_name(name).len() > 0);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    match std::str::from_utf8(data) {
        Ok(s) => check(s),
        Err(_) => check(&String::from_utf8_lossy(data)),
    }
});
