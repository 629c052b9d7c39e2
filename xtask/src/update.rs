//! `update`: replaces `registry.xml` with IANA's current file.
//!
//! Downloads IANA's `service-names-port-numbers.xml` (or reads `--from`, a
//! URL or a file), validates it with the build's own parser, refuses a file
//! that does not parse or whose `<updated>` is older than the shipped one
//! (unless `--force`), prints the diff summary and semver verdict, then
//! replaces `registry.xml` and rewrites the docs' record of the shipped
//! registry. Every file is written to a temporary file beside it and
//! renamed over it, so a failure leaves the old file whole.
//!
//! The docs state the shipped registry in one fixed form, the stamp
//! `YYYY-MM-DD, N records, sha256 HEX` (see [`stamp`]), which `update`
//! replaces wherever it occurs in the [`STAMPED`] files; each of them must
//! hold the current stamp, else nothing is changed.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use sha2::{Digest, Sha256};

use crate::Result;
use crate::diff::Diff;
use crate::model::Registry;
use crate::validate::parse_bytes;

/// Where IANA publishes the registry.
pub const IANA_URL: &str =
    "https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xml";

/// The files, relative to the repository root, that state the shipped
/// registry's stamp.
pub const STAMPED: [&str; 5] = [
    "README.md",
    "NOTICE",
    "src/lib.rs",
    "Cargo.toml",
    "xtask/README.md",
];

/// The most a download may hold (IANA's file is about 4 MB).
const LIMIT: u64 = 64 << 20;

const USAGE: &str = "usage: update [--from URL_OR_FILE] [--force] [--root DIR] [--timeout SECS]";

/// How the docs state a registry: `2026-08-17, 14,533 records, sha256 4bbf...`.
pub fn stamp(reg: &Registry, bytes: &[u8]) -> String {
    format!(
        "{}, {} records, sha256 {}",
        reg.updated.map_or("-".to_string(), |d| d.to_string()),
        thousands(reg.records.len()),
        sha256_hex(bytes)
    )
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

struct Options {
    from: String,
    force: bool,
    root: PathBuf,
    timeout: Duration,
}

fn options(args: &[String]) -> Result<Options> {
    let mut o = Options {
        from: IANA_URL.to_string(),
        force: false,
        root: Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("xtask lives in the repository")
            .to_path_buf(),
        timeout: Duration::from_secs(120),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{a} needs a value\n{USAGE}"))
        };
        match a.as_str() {
            "--from" => o.from = value()?,
            "--root" => o.root = PathBuf::from(value()?),
            "--timeout" => {
                let v = value()?;
                let secs: f64 = v
                    .parse()
                    .ok()
                    .filter(|s: &f64| s.is_finite() && *s > 0.0)
                    .ok_or_else(|| format!("--timeout {v:?}: not a positive number of seconds"))?;
                o.timeout = Duration::from_secs_f64(secs);
            }
            "--force" => o.force = true,
            other => return Err(format!("unexpected argument {other:?}\n{USAGE}").into()),
        }
    }
    Ok(o)
}

pub fn run(args: &[String]) -> Result<()> {
    let o = options(args)?;
    let registry_path = o.root.join("registry.xml");
    let shown = registry_path.display().to_string();
    let old_bytes = std::fs::read(&registry_path).map_err(|e| format!("{shown}: {e}"))?;
    let old = match parse_bytes(&shown, &old_bytes) {
        Ok(reg) => Some(reg),
        Err(e) if o.force => {
            eprintln!("warning: the current {e}; --force: replacing it, docs not rewritten");
            None
        }
        Err(e) => {
            return Err(format!(
                "the current registry does not parse ({e}); --force to replace it"
            )
            .into());
        }
    };

    // The docs must state the current registry before anything changes.
    let old_stamp = old.as_ref().map(|reg| stamp(reg, &old_bytes));
    let mut docs = Vec::new();
    if let Some(old_stamp) = &old_stamp {
        let mut missing = Vec::new();
        for rel in STAMPED {
            let path = o.root.join(rel);
            match std::fs::read_to_string(&path) {
                Ok(text) if text.contains(old_stamp.as_str()) => docs.push((path, text)),
                Ok(_) => missing.push(format!("{} (no stamp)", path.display())),
                Err(e) => missing.push(format!("{}: {e}", path.display())),
            }
        }
        if !missing.is_empty() {
            return Err(format!(
                "these files do not state the shipped registry as \"{old_stamp}\": {}; \
                 fix them first (nothing was changed)",
                missing.join("; ")
            )
            .into());
        }
    }

    let new_bytes =
        fetch(&o.from, o.timeout).map_err(|e| format!("{e} (registry.xml unchanged)"))?;
    let new = parse_bytes(&o.from, &new_bytes).map_err(|e| {
        format!(
            "refusing {}: it does not parse as the build would: {e} (registry.xml unchanged)",
            o.from
        )
    })?;
    if new.records.is_empty() {
        return Err(format!("refusing {}: no records (registry.xml unchanged)", o.from).into());
    }
    let Some(new_date) = new.updated else {
        return Err(format!(
            "refusing {}: no <updated> date (registry.xml unchanged)",
            o.from
        )
        .into());
    };
    let new_stamp = stamp(&new, &new_bytes);
    println!("new: {} ({new_stamp})", o.from);
    if let Some(old_stamp) = &old_stamp {
        println!("old: {shown} ({old_stamp})");
    }
    if new_bytes == old_bytes {
        println!("registry.xml is already this file: nothing to do");
        return Ok(());
    }
    if let Some(old_date) = old.as_ref().and_then(|r| r.updated) {
        if new_date < old_date && !o.force {
            return Err(format!(
                "refusing {}: its <updated> {new_date} is older than the shipped {old_date}; \
                 --force to accept it (registry.xml unchanged)",
                o.from
            )
            .into());
        }
    }
    if let Some(old) = &old {
        print!("{}", Diff::new(old, &new).summary());
    }

    write_atomic(&registry_path, &new_bytes)?;
    println!("replaced {shown}");
    if let Some(old_stamp) = &old_stamp {
        for (path, text) in docs {
            write_atomic(
                &path,
                text.replace(old_stamp.as_str(), &new_stamp).as_bytes(),
            )?;
            println!("updated the stamp in {}", path.display());
        }
    }
    println!(
        "next: review `git diff`, then add the CHANGELOG entry:\n  \
         git show HEAD:registry.xml > /tmp/old.xml && \
         cargo run -p xtask -- diff /tmp/old.xml registry.xml --markdown"
    );
    Ok(())
}

/// The bytes of a URL (`http://`, `https://`) or a file.
fn fetch(from: &str, timeout: Duration) -> Result<Vec<u8>> {
    if !(from.starts_with("http://") || from.starts_with("https://")) {
        return std::fs::read(from).map_err(|e| format!("{from}: {e}").into());
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .build()
        .into();
    let why = |e: ureq::Error| -> String {
        match e {
            ureq::Error::StatusCode(code) => format!("{from}: HTTP status {code}"),
            ureq::Error::Timeout(_) => {
                format!("{from}: timed out after {} s", timeout.as_secs_f64())
            }
            e => format!("{from}: {e}"),
        }
    };
    let mut resp = agent.get(from).call().map_err(why)?;
    let bytes = resp
        .body_mut()
        .with_config()
        .limit(LIMIT)
        .read_to_vec()
        .map_err(why)?;
    Ok(bytes)
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over
/// `path`: readers see the old file or the new one, never a part.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| format!("{}: not a file path", path.display()))?;
    let tmp = dir.join(format!(
        ".{}.xtask-update-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        format!("{}: cannot write: {e}", path.display()).into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(14_533), "14,533");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn sha256_of_abc() {
        // FIPS 180-2, appendix B.1.
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
