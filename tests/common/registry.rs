//! The registry file the crate under test was built from.

use std::path::PathBuf;

/// `IANA_PORTS_REGISTRY` as seen when the test crate was compiled (cargo
/// rebuilds it when the variable changes), taken from the package
/// directory as the build script takes it; `None` for the shipped
/// `registry.xml`.
pub fn other_registry() -> Option<PathBuf> {
    match option_env!("IANA_PORTS_REGISTRY") {
        Some(p) if !p.is_empty() => Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(p)),
        _ => None,
    }
}

/// The file the build read: [`other_registry`], else `registry.xml`.
pub fn registry_path() -> PathBuf {
    other_registry()
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("registry.xml"))
}

/// Whether the crate was built from the shipped `registry.xml`.
pub fn shipped() -> bool {
    other_registry().is_none()
}
