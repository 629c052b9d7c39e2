//! Compiles IANA's port registry into static tables.
//!
//! Reads `registry.xml` (or the file named by `IANA_PORTS_REGISTRY`), parses
//! it with the plain model in `build/model.rs` and writes `tables.rs` into
//! `OUT_DIR` with the emitters in `build/tables.rs`. No network.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[path = "src/fingerprint.rs"]
mod fingerprint;
#[path = "build/model.rs"]
mod model;
#[path = "build/preferred.rs"]
mod preferred;
#[path = "build/tables.rs"]
mod tables;

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
    println!("cargo:rerun-if-changed=build/model.rs");
    println!("cargo:rerun-if-changed=build/preferred.rs");
    println!("cargo:rerun-if-changed=build/tables.rs");
    println!("cargo:rerun-if-changed=src/fingerprint.rs");

    let manifest =
        PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").ok_or("CARGO_MANIFEST_DIR is not set")?);
    let path = match env::var_os(REGISTRY_ENV) {
        Some(p) if !p.is_empty() => manifest.join(p),
        _ => manifest.join("registry.xml"),
    };
    println!("cargo:rerun-if-changed={}", path.display());

    let shown = path.display().to_string();
    let bytes = fs::read(&path).map_err(|e| format!("{shown}: cannot read the registry: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_col(e.as_bytes(), e.utf8_error().valid_up_to());
        format!("{shown}:{line}:{column}: the registry is not UTF-8")
    })?;
    let registry = model::parse(&shown, &text).map_err(|e| e.to_string())?;
    // Cargo sets this for the `metadata` feature; it is not a variable to
    // watch (the feature set itself reruns the script).
    let metadata = env::var_os("CARGO_FEATURE_METADATA").is_some();
    let (core, meta) =
        tables::generate(&registry, metadata).map_err(|e| format!("{shown}: {e}"))?;

    let out = PathBuf::from(env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?);
    write_if_changed(&out.join("tables.rs"), &core)?;
    match meta {
        Some(meta) => write_if_changed(&out.join("meta.rs"), &meta),
        None => Ok(()),
    }
}

fn line_col(bytes: &[u8], pos: usize) -> (usize, usize) {
    let before = &bytes[..pos];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    (line, pos - start + 1)
}

fn write_if_changed(path: &Path, code: &str) -> Result<(), String> {
    if fs::read_to_string(path).is_ok_and(|old| old == code) {
        return Ok(());
    }
    fs::write(path, code).map_err(|e| format!("{}: cannot write: {e}", path.display()))
}
