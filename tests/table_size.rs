//! Pins the byte size of the generated tables for the shipped registry, so
//! that a change of layout or data shows up in review. Update the numbers
//! with the ones this test prints when the change is intended.

const PINNED_CORE: usize = 261_863;
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
