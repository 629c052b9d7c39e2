//! Names as the tests see them without the crate's name table: one scan of
//! `records()` with std's `to_ascii_lowercase`, and a case-mixing helper.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use iana_ports::{Record, records};

/// Lower-cased name -> its records in registry order, built once by one
/// scan of every record (nothing of the crate's name table).
pub fn name_index() -> &'static BTreeMap<String, Vec<Record>> {
    static INDEX: OnceLock<BTreeMap<String, Vec<Record>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: BTreeMap<String, Vec<Record>> = BTreeMap::new();
        for r in records() {
            if let Some(name) = r.name() {
                index.entry(name.to_ascii_lowercase()).or_default().push(r);
            }
        }
        index
    })
}

/// `s` with its characters upper- and lower-case in turn (`HtTp`).
pub fn alternating(s: &str) -> String {
    s.chars()
        .enumerate()
        .map(|(i, c)| {
            if i % 2 == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}
