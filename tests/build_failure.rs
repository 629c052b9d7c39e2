//! A malformed registry makes the build fail with one located message, not
//! a panic. Runs one real `cargo build` of this crate's library with
//! `IANA_PORTS_REGISTRY` pointing at a bad file (in its own target dir, so
//! it costs one build of the build dependencies).

use std::path::PathBuf;
use std::process::Command;

/// A record whose port is out of range: `<number>` is on line 5, column 5.
const BAD: &str = "\
<registry xmlns=\"http://www.iana.org/assignments\" id=\"service-names-port-numbers\">
  <updated>2024-06-12</updated>
  <record>
    <name>too-big</name>
    <number>70000</number>
    <protocol>tcp</protocol>
    <description>out of range</description>
  </record>
</registry>
";

#[test]
fn malformed_registry_fails_the_build_with_a_located_error() {
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("build_failure");
    std::fs::create_dir_all(&tmp).unwrap();
    let registry = tmp.join("bad-registry.xml");
    std::fs::write(&registry, BAD).unwrap();

    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| env!("CARGO").into());
    let out = Command::new(cargo)
        .args([
            "build",
            "--offline",
            "--lib",
            "-p",
            "iana-ports",
            "--color",
            "never",
        ])
        .arg("--manifest-path")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"))
        .arg("--target-dir")
        .arg(tmp.join("target"))
        .env("IANA_PORTS_REGISTRY", &registry)
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("RUSTC_WORKSPACE_WRAPPER")
        .output()
        .expect("run cargo");
    let stderr = String::from_utf8_lossy(&out.stderr);

    assert!(
        !out.status.success(),
        "the build accepted a port above 65535:\n{stderr}"
    );
    let expected = format!(
        "error: iana-ports: {}:5:5: record 1: port 70000 in <number> is above 65535",
        registry.display()
    );
    assert!(
        stderr.contains(&expected),
        "stderr lacks {expected:?}:\n{stderr}"
    );
    // Exactly one message from the build script, and no panic.
    assert_eq!(stderr.matches("error: iana-ports:").count(), 1, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    // (Cargo itself always adds a note that mentions backtraces.)
    assert!(!stderr.contains("stack backtrace"), "{stderr}");
}
