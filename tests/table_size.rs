//! Pins the byte size of the generated tables for the shipped registry, so
//! that a change of layout or data shows up in review. Update the numbers
//! with the ones this test prints when the change is intended.

// 247,209 since the name map's entries became `NameId(u16)` (the name's
// number) instead of the `u32` fingerprint: 2 bytes less for each of the
// 7,327 names (261,863 before).
const PINNED_CORE: usize = 247_209;
#[cfg(feature = "metadata")]
const PINNED_META: usize = 867_658;

/// The pins hold for the shipped `registry.xml` only.
fn shipped_registry() -> bool {
    match option_env!("IANA_PORTS_REGISTRY") {
        None | Some("") => true,
        Some(other) => {
            println!("note: built from {other}, not the shipped registry: sizes not pinned");
            false
        }
    }
}

#[test]
fn core_tables_size_is_pinned() {
    let bytes = iana_ports::__CORE_TABLE_BYTES;
    println!("core tables: {bytes} bytes");
    if shipped_registry() {
        assert_eq!(
            bytes, PINNED_CORE,
            "core table size changed: update PINNED_CORE if intended"
        );
    }
}

#[cfg(feature = "metadata")]
#[test]
fn metadata_tables_size_is_pinned() {
    let bytes = iana_ports::__META_TABLE_BYTES;
    println!("metadata tables: {bytes} bytes");
    if shipped_registry() {
        assert_eq!(
            bytes, PINNED_META,
            "metadata table size changed: update PINNED_META if intended"
        );
    }
}
