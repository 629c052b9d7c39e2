//! The build's parser (build/model.rs) on real registry files: the shipped
//! registry.xml and IANA's files in `../shared/iana/`.

use super::model::{self, Protocol, Registry};

fn parse_file(path: &str) -> Registry {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    model::parse(path, &text).unwrap_or_else(|e| panic!("{e}"))
}

fn check_real(reg: &Registry, records: usize, updated: &str) {
    assert_eq!(reg.records.len(), records);
    assert_eq!(reg.updated.map(|d| d.to_string()).as_deref(), Some(updated));
    // Record lines strictly increase.
    assert!(reg.records.windows(2).all(|w| w[0].line < w[1].line));
    // Every person reference resolves (the parser checks it; this checks
    // that `<people>` was actually read).
    let people = reg.people.as_ref().expect("<people>");
    assert!(!people.is_empty());
}

/// IANA's file of 2026-08-17 in `../shared/iana/`.
pub const CURRENT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/iana/service-names-port-numbers.xml"
);

/// IANA's file of 2025-08-15 in `../shared/iana/`.
pub const OLDER: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/iana/service-names-port-numbers.2025-08-15.xml"
);

pub fn real_current_iana_file() {
    let reg = parse_file(CURRENT);
    check_real(&reg, 14_533, "2026-08-17");
    // Facts from ../shared/docs/registry-format.md.
    assert_eq!(reg.footnotes.len(), 1);
    assert_eq!(
        reg.records.iter().filter(|r| r.ports.is_none()).count(),
        1_070
    );
    assert_eq!(
        reg.records.iter().filter(|r| r.protocol.is_none()).count(),
        1_467
    );
    let ranges = reg
        .records
        .iter()
        .filter(|r| r.ports.is_some_and(|(a, b)| a != b))
        .count();
    assert_eq!(ranges, 766 - 6);
    let with_sc = reg
        .records
        .iter()
        .filter(|r| r.service_code.is_some())
        .count();
    assert_eq!(with_sc, 4);
    let discard = reg
        .records
        .iter()
        .find(|r| r.name.as_deref() == Some("discard") && r.protocol == Some(Protocol::Dccp))
        .expect("discard/dccp");
    assert_eq!(discard.service_code, Some(1_145_656_131));
    let postel = reg
        .people
        .as_ref()
        .unwrap()
        .iter()
        .find(|p| p.id == "Jon_Postel")
        .expect("Jon_Postel");
    assert_eq!(postel.uris, ["mailto:postel&isi.edu"]);
}

pub fn real_2025_iana_file() {
    check_real(&parse_file(OLDER), 14_485, "2025-08-15");
}

pub fn shipped_registry_xml() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/registry.xml");
    let reg = parse_file(path);
    // IANA's file of 2026-08-17, byte for byte (grep -c '<record' registry.xml).
    check_real(&reg, 14_533, "2026-08-17");
    assert_eq!(reg.footnotes.len(), 1);
}
