//! A registry with no named records, built the way a user's project builds
//! iana-ports: as a git dependency (so cargo caps its lints), in release
//! mode (no overflow checks), from a copy of this package in a local git
//! repository. The consumer looks names up and must get nothing, not a
//! panic. A registry with a name that reads `NAME/PROTO` must have it
//! parse as the one name. Then two bad `IANA_PORTS_REGISTRY` values must
//! fail the build with one clear message. Runs `cargo` offline in its own target
//! directory (the first run builds the dependencies once).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const NO_NAMES: &str = "\
<registry xmlns=\"http://www.iana.org/assignments\" id=\"service-names-port-numbers\">
  <updated>2026-08-17</updated>
  <record><protocol>tcp</protocol><number>0</number><description>Reserved</description></record>
  <record><protocol>udp</protocol><number>1-5</number><description>Unassigned</description></record>
</registry>
";

/// `a/tcp` is a name here (on udp), and so is `a` (on tcp).
const SLASHED: &str = "\
<registry xmlns=\"http://www.iana.org/assignments\" id=\"service-names-port-numbers\">
  <updated>2026-08-17</updated>
  <record><name>a</name><protocol>tcp</protocol><number>10</number><description>A</description></record>
  <record><name>a/tcp</name><protocol>udp</protocol><number>11</number><description>A, slashed</description></record>
</registry>
";

const MAIN: &str = r#"
use iana_ports::{Protocol, Query};
fn main() {
    let mut found = 0;
    for name in ["http", "", "Reserved", "a", "x-very-long-name-that-is-not-there"] {
        found += iana_ports::by_name(name).count();
        found += usize::from(iana_ports::port(name, Protocol::Tcp).is_some());
        found += usize::from(name.parse::<Query>().is_ok());
    }
    let on_3 = iana_ports::by_port(3, Protocol::Udp).count();
    let on_0 = iana_ports::by_port(0, Protocol::Tcp).count();
    let port_query = "3/udp".parse::<Query>().is_ok();
    println!("names found: {found}; udp 3: {on_3}; tcp 0: {on_0}; 3/udp parses: {port_query}; records: {}", iana_ports::RECORD_COUNT);
    for text in ["a/tcp", "A/TCP", "a/udp", "a"] {
        match text.parse::<Query>() {
            Ok(q) => println!("{text}: {:?} {:?} {:?}", q.name(), q.port(), q.protocol()),
            Err(e) => println!("{text}: {e:?}"),
        }
    }
}
"#;

fn cargo() -> Command {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| env!("CARGO").into());
    let mut c = Command::new(cargo);
    c.env_remove("CARGO_TARGET_DIR")
        .env_remove("RUSTC_WORKSPACE_WRAPPER")
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS");
    c
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&src, &dst);
        } else {
            std::fs::copy(&src, &dst).unwrap();
        }
    }
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@localhost",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .expect("run git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// This package as a fresh git repository under `root`, its working files
/// only (the build reads `IANA_PORTS_REGISTRY`, not `registry.xml`).
fn package_repo(root: &Path) -> PathBuf {
    let repo = root.join("iana-ports");
    let _ = std::fs::remove_dir_all(&repo);
    let src = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["src", "build", "benches", "examples"] {
        copy_dir(&src.join(dir), &repo.join(dir));
    }
    for file in [
        "build.rs",
        "README.md",
        "LICENSE-MIT",
        "LICENSE-APACHE",
        "NOTICE",
    ] {
        std::fs::copy(src.join(file), repo.join(file)).unwrap();
    }
    // The package alone: no workspace of members left behind.
    let manifest = std::fs::read_to_string(src.join("Cargo.toml")).unwrap();
    let manifest = manifest.split("\n[workspace]").next().unwrap().to_string();
    std::fs::write(repo.join("Cargo.toml"), manifest).unwrap();
    std::fs::write(repo.join("registry.xml"), NO_NAMES).unwrap();
    git(&repo, &["init", "-q"]);
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "snapshot"]);
    repo
}

fn consumer(root: &Path, repo: &Path) -> PathBuf {
    let dir = root.join("consumer");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"consumer\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             [dependencies]\niana-ports = {{ git = \"file://{}\" }}\n\n[workspace]\n",
            repo.display()
        ),
    )
    .unwrap();
    std::fs::write(dir.join("src/main.rs"), MAIN).unwrap();
    // The dependencies' versions as this package has them, so that the
    // build finds them all in the local cache.
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock"),
        dir.join("Cargo.lock"),
    )
    .unwrap();
    dir
}

fn build(dir: &Path, target: &Path, registry: &std::ffi::OsStr) -> Output {
    cargo()
        .current_dir(dir)
        // Not `--offline`: cargo refuses to check out even a `file://` git
        // repository offline. The package registry is made unreachable
        // instead (a proxy on a closed local port), so the build uses only
        // the local cache and the local repository, or fails.
        .args(["build", "--release", "--color", "never"])
        .env("CARGO_HTTP_PROXY", "http://127.0.0.1:9")
        .env("CARGO_NET_RETRY", "0")
        .arg("--target-dir")
        .arg(target)
        .env("IANA_PORTS_REGISTRY", registry)
        .output()
        .expect("run cargo")
}

#[test]
fn a_registry_without_names_gives_empty_lookups_in_a_release_git_dependency() {
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("hostile_consumer");
    std::fs::create_dir_all(&root).unwrap();
    let registry = root.join("no-names.xml");
    std::fs::write(&registry, NO_NAMES).unwrap();
    let repo = package_repo(&root);
    let dir = consumer(&root, &repo);
    let target = root.join("target");

    let out = build(&dir, &target, registry.as_os_str());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let run = Command::new(target.join("release/consumer"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(
        stdout.trim(),
        "names found: 0; udp 3: 1; tcp 0: 1; 3/udp parses: true; records: 2\n\
         a/tcp: UnknownName { suggestion: None }\n\
         A/TCP: UnknownName { suggestion: None }\n\
         a/udp: UnknownName { suggestion: None }\n\
         a: UnknownName { suggestion: None }"
    );

    // The whole text is a name before it is `NAME/PROTO`.
    let slashed = root.join("slashed.xml");
    std::fs::write(&slashed, SLASHED).unwrap();
    let out = build(&dir, &target, slashed.as_os_str());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let run = Command::new(target.join("release/consumer"))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&run.stdout).trim(),
        "names found: 3; udp 3: 0; tcp 0: 0; 3/udp parses: true; records: 2\n\
         a/tcp: Some(\"a/tcp\") Some(11) None\n\
         A/TCP: Some(\"a/tcp\") Some(11) None\n\
         a/udp: NotOnProtocol\n\
         a: Some(\"a\") Some(10) None"
    );

    // A newline would start a `cargo:` line of its own.
    let injected = format!("{}\ncargo:rustc-cfg=evil", registry.display());
    let out = build(&dir, &target, injected.as_ref());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(
        stderr.contains("IANA_PORTS_REGISTRY holds the control character U+000A"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("error: iana-ports:").count(), 1, "{stderr}");

    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut bytes = registry.as_os_str().as_bytes().to_vec();
        bytes.extend_from_slice(b"\xFF.xml");
        let out = build(&dir, &target, std::ffi::OsStr::from_bytes(&bytes));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{stderr}");
        assert!(
            stderr.contains("IANA_PORTS_REGISTRY is not valid UTF-8"),
            "{stderr}"
        );
    }
}
