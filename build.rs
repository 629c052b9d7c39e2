//! Compiles IANA's port registry into static tables.
//!
//! Reads `registry.xml` (or the file named by `IANA_PORTS_REGISTRY`), parses
//! it into the model of `build/mod.rs` (`build/parse/`) and writes
//! `core_tables.rs` and `meta_tables.rs` into `OUT_DIR` (`build/tables/`),
//! which `src/generated.rs` includes. No network.
//!
//! `IANA_PORTS_REGISTRY`: an absolute path is read as it is. A relative one
//! is taken from this package's own directory (where cargo runs build
//! scripts; cargo does not tell them the directory it was started in), so
//! it serves only builds of this repository: a crate that depends on
//! iana-ports gives an absolute path, or sets the variable in its
//! `.cargo/config.toml` as `[env] IANA_PORTS_REGISTRY = { value = "...",
//! relative = true }`, which cargo makes absolute (from the directory that
//! holds `.cargo/`). The path must be UTF-8
//! without control characters: cargo's change tracking gets it as text on
//! a line of its own, and a lossy or broken line would watch another file.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[path = "build/mod.rs"]
mod model;

const REGISTRY_ENV: &str = "IANA_PORTS_REGISTRY";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            // One clear message instead of a panic backtrace.
            eprintln!("error: iana-ports: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    println!("cargo:rerun-if-env-changed={REGISTRY_ENV}");
    println!("cargo:rerun-if-changed=build.rs");
    // The directory: cargo watches every file under it.
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed=src/encoding.rs");
    println!("cargo:rerun-if-changed=src/fingerprint.rs");

    let manifest =
        PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").ok_or("CARGO_MANIFEST_DIR is not set")?);
    let given = registry_path(env::var_os(REGISTRY_ENV))?;
    // A relative path is watched as it is: cargo takes it from the package
    // directory too, and the manifest's own path need not be printable.
    println!("cargo:rerun-if-changed={given}");
    let path = manifest.join(&given);

    let shown = path.display().to_string();
    let bytes = fs::read(&path).map_err(|e| format!("{shown}: cannot read the registry: {e}"))?;
    let registry = model::parse_bytes(&shown, &bytes).map_err(|e| e.to_string())?;
    // Cargo sets this for the `metadata` feature; it is not a variable to
    // watch (the feature set itself reruns the script).
    let metadata = env::var_os("CARGO_FEATURE_METADATA").is_some();
    let (core, meta) =
        model::tables::generate(&registry, metadata).map_err(|e| e.in_file(&shown))?;

    let out = PathBuf::from(env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?);
    write_if_changed(&out.join("core_tables.rs"), &core)?;
    match meta {
        Some(meta) => write_if_changed(&out.join("meta_tables.rs"), &meta),
        None => Ok(()),
    }
}

/// The registry's path as given (`registry.xml` when the variable is unset
/// or empty), refused when cargo could not be told it exactly.
fn registry_path(value: Option<std::ffi::OsString>) -> Result<String, String> {
    let Some(value) = value.filter(|v| !v.is_empty()) else {
        return Ok("registry.xml".to_string());
    };
    let text = value.into_string().map_err(|v| {
        format!(
            "{REGISTRY_ENV} is not valid UTF-8 ({}): cargo could not watch that file \
             for changes; use a UTF-8 path",
            v.to_string_lossy()
        )
    })?;
    if let Some(c) = text.chars().find(|c| c.is_control()) {
        return Err(format!(
            "{REGISTRY_ENV} holds the control character U+{:04X} ({text:?}): \
             a path without control characters is needed",
            u32::from(c)
        ));
    }
    Ok(text)
}

fn write_if_changed(path: &Path, code: &str) -> Result<(), String> {
    if fs::read_to_string(path).is_ok_and(|old| old == code) {
        return Ok(());
    }
    fs::write(path, code).map_err(|e| format!("{}: cannot write: {e}", path.display()))
}
