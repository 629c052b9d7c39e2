//! The byte size of the generated tables, pinned for the shipped registry
//! so that a change of layout or data shows up in review. Update the pins
//! with the numbers the tests print when the change is intended.
//!
//! The sizes are the build's own sums (`CORE_BYTES`, `META_BYTES` in the
//! generated tables). They are read here, by unit tests inside the crate,
//! and are no part of the public API.

/// Bytes of the always-present tables (names, ports, protocols, status) for
/// the shipped `registry.xml`.
// 247,209 since the name map's entries became `NameId(u16)` (the name's
// number) instead of the `u32` fingerprint: 2 bytes less for each of the
// 7,327 names (261,863 before).
// 253,936 since the lookups were made to read fewer tables: the name map's
// key (`u32`) packs each name's run of records, which drops `NAME_START`
// and `NAME_LEN` (-7,327 bytes: 4 bytes a name instead of 2 + 2 + 1), and
// `SEG_INFO` (`u16` to `u32`) holds each port segment's common primary
// name and a protocol mask for `service_name` (+14,054 bytes: 2 more for
// each of the 7,027 segments).
#[cfg(test)]
const PINNED_CORE: usize = 253_936;
/// Bytes of the metadata tables for the shipped `registry.xml`.
#[cfg(all(test, feature = "metadata"))]
const PINNED_META: usize = 867_658;

// Outside the tests nothing reads the sums; naming them here keeps the
// build from warning that they are unused.
const _: usize = crate::generated::CORE_BYTES;
#[cfg(feature = "metadata")]
const _: usize = crate::generated::META_BYTES;

#[cfg(test)]
mod tests {
    extern crate std;
    use std::println;

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
        let bytes = crate::generated::CORE_BYTES;
        println!("core tables: {bytes} bytes");
        if shipped_registry() {
            assert_eq!(
                bytes,
                super::PINNED_CORE,
                "core table size changed: update PINNED_CORE if intended"
            );
        }
    }

    #[cfg(feature = "metadata")]
    #[test]
    fn metadata_tables_size_is_pinned() {
        let bytes = crate::generated::META_BYTES;
        println!("metadata tables: {bytes} bytes");
        if shipped_registry() {
            assert_eq!(
                bytes,
                super::PINNED_META,
                "metadata table size changed: update PINNED_META if intended"
            );
        }
    }
}
