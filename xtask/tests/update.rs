//! `xtask update` without the internet: from a file path, and from an HTTP
//! server this test starts on 127.0.0.1 (the 2026 file, a truncated file, a
//! response cut short, a 404, a slow response). Each run works on a
//! temporary copy of the repository's stamped files (`--root`), never on the
//! real `registry.xml`; every failure must leave the copy byte for byte as
//! it was, with no temporary file left behind.

mod common;

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use std::process::ExitCode;

use common::harness::{needs, run, test};
use common::{repo_root, shared, stderr, stdout, xtask};

const OLD: &str = "service-names-port-numbers.2025-08-15.xml";

/// A `harness = false` target: the tests that need IANA's files in
/// `../shared` are ignored when they are absent (see tests/common/shared.rs).
fn main() -> ExitCode {
    let new = "service-names-port-numbers.xml";
    run(vec![
        needs(
            "update_from_a_file",
            vec![shared(OLD), shared(new)],
            update_from_a_file,
        ),
        needs(
            "an_older_file_is_refused_unless_forced",
            vec![shared(OLD)],
            an_older_file_is_refused_unless_forced,
        ),
        test("unparsable_files_are_refused", unparsable_files_are_refused),
        test(
            "docs_without_the_stamp_stop_the_update_before_anything_changes",
            docs_without_the_stamp_stop_the_update_before_anything_changes,
        ),
        test(
            "the_shipped_docs_state_the_shipped_registry",
            the_shipped_docs_state_the_shipped_registry,
        ),
        test(
            "http_failures_leave_the_registry_untouched",
            http_failures_leave_the_registry_untouched,
        ),
        needs(
            "http_update_of_an_older_registry",
            vec![shared(OLD)],
            http_update_of_an_older_registry,
        ),
    ])
}

/// The docs that state the shipped registry (xtask/README.md, "stamp").
const STAMPED: [&str; 5] = [
    "README.md",
    "NOTICE",
    "src/lib.rs",
    "Cargo.toml",
    "xtask/README.md",
];

/// The stamps, as ../shared/iana/SOURCE.md and the issue give them.
const STAMP_2026: &str = "2026-08-17, 14,533 records, sha256 \
    4bbf00ef4dd194ea3098d090b42a832c0f8aef704699956a4a7e24576a49631b";
const STAMP_2025: &str = "2025-08-15, 14,485 records, sha256 \
    9192ed1745c9c9ff92d760c1bbc3ef26547636ed7a68a563cfea65587173a7c1";

/// The 2026 file: the shipped registry.xml is it, byte for byte.
fn file_2026() -> Vec<u8> {
    let bytes = std::fs::read(repo_root().join("registry.xml")).unwrap();
    assert!(String::from_utf8_lossy(&bytes).contains("<updated>2026-08-17</updated>"));
    bytes
}

/// A temporary repository root: registry.xml and the stamped docs.
struct Root {
    dir: PathBuf,
}

impl Root {
    /// A copy of the repository's files, with `registry` as registry.xml
    /// and the docs' stamp set to `stamp`.
    fn new(registry: &[u8], stamp: &str) -> Root {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "iana-ports-update-test-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("src")).unwrap();
        std::fs::create_dir_all(dir.join("xtask")).unwrap();
        std::fs::write(dir.join("registry.xml"), registry).unwrap();
        for rel in STAMPED {
            let text = std::fs::read_to_string(repo_root().join(rel)).unwrap();
            assert!(text.contains(STAMP_2026), "{rel} states {STAMP_2026}");
            std::fs::write(dir.join(rel), text.replace(STAMP_2026, stamp)).unwrap();
        }
        Root { dir }
    }

    fn arg(&self) -> &str {
        self.dir.to_str().unwrap()
    }

    fn registry(&self) -> Vec<u8> {
        std::fs::read(self.dir.join("registry.xml")).unwrap()
    }

    /// Every file under the root, by relative path.
    fn snapshot(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    walk(base, &p, out);
                } else {
                    out.insert(
                        p.strip_prefix(base).unwrap().to_path_buf(),
                        std::fs::read(&p).unwrap(),
                    );
                }
            }
        }
        let mut out = BTreeMap::new();
        walk(&self.dir, &self.dir, &mut out);
        out
    }

    fn assert_stamps(&self, stamp: &str) {
        for rel in STAMPED {
            let text = std::fs::read_to_string(self.dir.join(rel)).unwrap();
            assert!(text.contains(stamp), "{rel} lacks {stamp}");
        }
    }
}

impl Drop for Root {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Runs `update --root ROOT ARGS...`, expects failure with `message` in
/// stderr, and checks that the root is untouched.
fn refused(root: &Root, args: &[&str], message: &str) -> String {
    let before = root.snapshot();
    let mut all = vec!["update", "--root", root.arg()];
    all.extend_from_slice(args);
    let o = xtask(&all);
    let err = stderr(&o);
    assert!(!o.status.success(), "expected a failure:\n{}", stdout(&o));
    assert!(err.contains(message), "{message:?} not in:\n{err}");
    assert!(
        err.contains("unchanged"),
        "the error says the file is unchanged:\n{err}"
    );
    assert!(
        root.snapshot() == before,
        "{args:?} changed the root ({err})"
    );
    err
}

fn updated(root: &Root, args: &[&str]) -> String {
    let mut all = vec!["update", "--root", root.arg()];
    all.extend_from_slice(args);
    let o = xtask(&all);
    let out = stdout(&o);
    assert!(o.status.success(), "{out}{}", stderr(&o));
    out
}

// ------------------------------------------------------------------ files

fn update_from_a_file() {
    let old = shared(OLD);
    let new = shared("service-names-port-numbers.xml");
    let root = Root::new(&std::fs::read(&old).unwrap(), STAMP_2025);
    let out = updated(&root, &["--from", new.to_str().unwrap()]);
    assert_eq!(root.registry(), file_2026());
    root.assert_stamps(STAMP_2026);
    assert!(out.contains("\nverdict: minor release"), "{out}");
    assert!(out.contains("records: "), "{out}");
    // Only registry.xml and the stamped docs: no temporary file left.
    assert_eq!(root.snapshot().len(), 1 + STAMPED.len());
    println!("{out}");

    // Again: the same file is nothing to do.
    let before = root.snapshot();
    let out = updated(&root, &["--from", new.to_str().unwrap()]);
    assert!(out.contains("nothing to do"), "{out}");
    assert!(root.snapshot() == before);
}

fn an_older_file_is_refused_unless_forced() {
    let old = shared(OLD);
    let root = Root::new(&file_2026(), STAMP_2026);
    let old = old.to_str().unwrap();
    refused(
        &root,
        &["--from", old],
        "its <updated> 2025-08-15 is older than the shipped 2026-08-17",
    );
    let out = updated(&root, &["--from", old, "--force"]);
    assert!(out.contains("replaced"), "{out}");
    assert_eq!(root.registry(), std::fs::read(old).unwrap());
    root.assert_stamps(STAMP_2025);
}

fn unparsable_files_are_refused() {
    let root = Root::new(&file_2026(), STAMP_2026);
    let dir = std::env::temp_dir().join(format!("iana-ports-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let full = file_2026();
    let cases: [(&str, &[u8], &str); 4] = [
        ("truncated.xml", &full[..full.len() / 2], "does not parse"),
        ("empty.xml", b"", "does not parse"),
        (
            "html.xml",
            b"<html><body>Not here</body></html>\n",
            "does not parse",
        ),
        ("latin1.xml", b"<registry>\xe9</registry>", "is not UTF-8"),
    ];
    for (name, bytes, message) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        refused(&root, &["--from", path.to_str().unwrap()], message);
    }
    refused(
        &root,
        &["--from", dir.join("absent.xml").to_str().unwrap()],
        "absent.xml",
    );
    let _ = std::fs::remove_dir_all(&dir);
}

fn docs_without_the_stamp_stop_the_update_before_anything_changes() {
    let root = Root::new(&file_2026(), STAMP_2026);
    std::fs::write(root.dir.join("NOTICE"), "no stamp here\n").unwrap();
    let before = root.snapshot();
    let o = xtask(&[
        "update",
        "--root",
        root.arg(),
        "--from",
        "/nonexistent/never-read.xml",
    ]);
    let err = stderr(&o);
    assert!(!o.status.success());
    assert!(err.contains("NOTICE (no stamp)"), "{err}");
    assert!(err.contains("nothing was changed"), "{err}");
    assert!(root.snapshot() == before);
}

fn the_shipped_docs_state_the_shipped_registry() {
    // The repository's own docs hold the stamp of its registry.xml: the
    // form `update` rewrites (checked here against SOURCE.md's values).
    for rel in STAMPED {
        let text = std::fs::read_to_string(repo_root().join(rel)).unwrap();
        assert!(text.contains(STAMP_2026), "{rel} lacks {STAMP_2026}");
    }
}

// ------------------------------------------------------------------- HTTP

/// A one-file HTTP server on 127.0.0.1: `/ok` the file, `/truncated` its
/// first half (a complete response), `/cut` the headers of the whole file
/// and then only half of it, `/missing` a 404, `/slow` the file after ten
/// seconds. Returns its base URL and a count of requests served.
fn serve(file: Vec<u8>) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let file = Arc::new(file);
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = hits.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let file = file.clone();
            counter.fetch_add(1, Ordering::SeqCst);
            std::thread::spawn(move || {
                let _ = respond(stream, &file);
            });
        }
    });
    (base, hits)
}

fn respond(mut s: TcpStream, file: &[u8]) -> std::io::Result<()> {
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = s.read(&mut buf)?;
        if n == 0 {
            return Ok(());
        }
        head.extend_from_slice(&buf[..n]);
    }
    let head = String::from_utf8_lossy(&head);
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
    let ok = |len: usize| {
        format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: {len}\r\nConnection: close\r\n\r\n"
        )
    };
    match path.as_str() {
        "/ok" => {
            s.write_all(ok(file.len()).as_bytes())?;
            s.write_all(file)?;
        }
        "/truncated" => {
            let half = &file[..file.len() / 2];
            s.write_all(ok(half.len()).as_bytes())?;
            s.write_all(half)?;
        }
        "/cut" => {
            s.write_all(ok(file.len()).as_bytes())?;
            s.write_all(&file[..file.len() / 2])?;
            s.flush()?;
            s.shutdown(std::net::Shutdown::Both)?;
        }
        "/slow" => {
            std::thread::sleep(Duration::from_secs(10));
            s.write_all(ok(file.len()).as_bytes())?;
            s.write_all(file)?;
        }
        _ => {
            let body = b"not found\n";
            s.write_all(
                format!(
                    "HTTP/1.1 404 Not Found\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                )
                .as_bytes(),
            )?;
            s.write_all(body)?;
        }
    }
    s.flush()
}

fn http_failures_leave_the_registry_untouched() {
    let (base, hits) = serve(file_2026());
    let root = Root::new(&file_2026(), STAMP_2026);
    let url = |p: &str| format!("{base}{p}");

    let e = refused(&root, &["--from", &url("/truncated")], "does not parse");
    println!("truncated: {e}");
    let e = refused(&root, &["--from", &url("/missing")], "HTTP status 404");
    println!("404: {e}");
    let e = refused(&root, &["--from", &url("/cut")], &url("/cut"));
    println!("cut short: {e}");

    let start = Instant::now();
    let e = refused(
        &root,
        &["--from", &url("/slow"), "--timeout", "1"],
        "timed out after 1 s",
    );
    let took = start.elapsed();
    println!("slow: {e} ({took:?})");
    // Well before the server answers (xtask also parses the current
    // registry, about a second in a debug build).
    assert!(took < Duration::from_secs(8), "the timeout took {took:?}");

    assert_eq!(hits.load(Ordering::SeqCst), 4, "one request per case");
}

fn http_update_of_an_older_registry() {
    let old = shared(OLD);
    let (base, hits) = serve(file_2026());
    let root = Root::new(&std::fs::read(old).unwrap(), STAMP_2025);
    let out = updated(&root, &["--from", &format!("{base}/ok")]);
    assert_eq!(hits.load(Ordering::SeqCst), 1);
    assert_eq!(root.registry(), file_2026());
    root.assert_stamps(STAMP_2026);
    assert!(out.contains("\nverdict: minor release"), "{out}");
    assert_eq!(root.snapshot().len(), 1 + STAMPED.len());

    // The server's 2026 file over the 2026 registry: nothing to do.
    let out = updated(&root, &["--from", &format!("{base}/ok")]);
    assert!(out.contains("nothing to do"), "{out}");
}
