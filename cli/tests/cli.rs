//! The `iana-ports` binary, run as users run it. Expected values come from
//! literals checked against registry.xml with grep, from roxmltree's parse
//! of the same XML, or from the library the command is built on.
//!
//! This file holds the helpers and the lookup and search commands;
//! `services` and `info` have files of their own in `cli/`.

use std::path::PathBuf;
use std::process::{Command, Output};

use iana_ports::{Query, search};

#[path = "cli/info.rs"]
mod info;
#[path = "cli/services.rs"]
mod services;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_iana-ports"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("run iana-ports")
}

fn stdout(o: &Output) -> &str {
    std::str::from_utf8(&o.stdout).expect("UTF-8 stdout")
}

fn stderr(o: &Output) -> &str {
    std::str::from_utf8(&o.stderr).expect("UTF-8 stderr")
}

/// Runs and checks the exit status; returns stdout.
fn ok(args: &[&str]) -> String {
    let o = run(args);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    assert_eq!(stderr(&o), "", "{args:?}");
    stdout(&o).to_owned()
}

/// Runs, checks the exit status is `code` and that stderr is one line per
/// expected error, each naming its argument; returns (stdout, stderr).
fn fails(args: &[&str], code: i32, named: &[&str]) -> (String, String) {
    let o = run(args);
    assert_eq!(o.status.code(), Some(code), "{args:?}: {}", stderr(&o));
    let err = stderr(&o).to_owned();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), named.len(), "{args:?}: {err}");
    for (line, name) in lines.iter().zip(named) {
        assert!(line.starts_with("iana-ports: "), "{line}");
        assert!(line.contains(name), "{line:?} does not name {name:?}");
    }
    (stdout(&o).to_owned(), err)
}

#[test]
fn help_texts() {
    let top = ok(&["--help"]);
    for text in [
        "search",
        "services",
        "info",
        "--short",
        "--json",
        "FIRST-LAST",
        "Exit status",
    ] {
        assert!(top.contains(text), "--help lacks {text:?}:\n{top}");
    }
    let cases: [(&str, &[&str]); 4] = [
        ("lookup", &["QUERY", "--short", "--json"]),
        ("search", &["WORD", "--limit", "--json"]),
        (
            "services",
            &["--protocols", "--strict", "--ranges", "first"],
        ),
        ("info", &["--json"]),
    ];
    for (command, texts) in cases {
        let help = ok(&[command, "--help"]);
        for text in texts {
            assert!(help.contains(text), "{command} --help lacks {text:?}");
        }
    }
    assert!(ok(&["--version"]).starts_with("iana-ports 0."));
    assert!(ok(&["help", "search"]).contains("--limit"));
}

#[test]
fn no_arguments_is_a_usage_error() {
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Usage:"), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
}

#[test]
fn default_view() {
    // Checked against registry.xml with grep.
    let expected = "\
443/tcp: 1 record
  https  443  tcp  assigned  http protocol over TLS/SSL

https: 4 records
  https  443  tcp   assigned  http protocol over TLS/SSL
  https  443  udp   assigned  http protocol over TLS/SSL
  https  443  sctp  assigned  HTTPS
  https  -    tcp   assigned  HTTP over SSL/TLS

x11/udp: 1 record
  x11  6000-6063  udp  assigned  X Window System

4250: 1 record
  vrml-multi-use  4200-4299  any  assigned  VRML Multi User Systems

SSH: 4 records
  ssh  22  tcp   assigned  The Secure Shell (SSH) Protocol
  ssh  22  udp   assigned  The Secure Shell (SSH) Protocol
  ssh  22  sctp  assigned  SSH
  ssh  -   tcp   assigned  SSH Remote Login Protocol
";
    assert_eq!(
        ok(&["443/tcp", "https", "x11/udp", "4250", "SSH"]),
        expected
    );
    // `lookup` is the same action, named.
    assert_eq!(
        ok(&["lookup", "443/tcp", "https", "x11/udp", "4250", "SSH"]),
        expected
    );
}

#[test]
fn default_view_fits_80_columns() {
    let text = ok(&["1-1023", "x11", "http-alt"]);
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "{line:?}");
        assert_eq!(line, line.trim_end(), "trailing white space");
    }
    // Wrapped descriptions: more lines than records.
    let records = text
        .lines()
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .count();
    let mut want = 0;
    for q in ["x11", "http-alt"] {
        want += q.parse::<Query>().unwrap().records().count();
    }
    want += records_overlapping(1, 1023, None).len();
    assert_eq!(records, want);
}

#[test]
fn short_is_one_line_per_record() {
    let text = ok(&["--short", "443", "x11", "6003/tcp"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3 + 2 + 1, "{text}");
    assert_eq!(
        lines[0].split_whitespace().collect::<Vec<_>>(),
        [
            "https", "443", "tcp", "assigned", "http", "protocol", "over", "TLS/SSL"
        ]
    );
    assert!(lines[5].starts_with("x11  6000-6063  tcp  assigned  X Window System"));
    assert_eq!(ok(&["-s", "443"]), ok(&["--short", "443"]));
}

/// The records of the XML whose `<number>` overlaps `first..=last`, as
/// (name, "start-end", protocol) in file order: roxmltree's reading,
/// independent of the crate.
fn records_overlapping(
    first: u16,
    last: u16,
    protocol: Option<&str>,
) -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(registry_path()).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let mut out = Vec::new();
    for r in doc
        .root_element()
        .children()
        .filter(|n| n.has_tag_name("record"))
    {
        let child = |tag: &str| {
            r.children()
                .find(|n| n.has_tag_name(tag))
                .and_then(|n| n.text())
                .map(str::trim)
                .unwrap_or("")
                .to_owned()
        };
        let number = child("number");
        if number.is_empty() {
            continue;
        }
        let (a, b) = number.split_once('-').unwrap_or((&number, &number));
        let (a, b): (u16, u16) = (a.parse().unwrap(), b.parse().unwrap());
        let proto = child("protocol");
        if a <= last && first <= b && protocol.is_none_or(|p| proto.is_empty() || proto == p) {
            out.push((child("name"), format!("{a}-{b}"), proto));
        }
    }
    out
}

fn registry_path() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    match option_env!("IANA_PORTS_REGISTRY") {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => manifest.join("../registry.xml"),
    }
}

/// JSON Lines parsed back, as (name, "start-end", protocol).
fn json_keys(text: &str) -> Vec<(String, String, String)> {
    text.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let s = |k: &str| v[k].as_str().unwrap_or("").to_owned();
            let ports = format!("{}-{}", v["ports"]["start"], v["ports"]["end"]);
            (s("name"), ports, s("protocol"))
        })
        .collect()
}

#[test]
fn port_ranges_overlap() {
    for (arg, first, last, protocol) in [
        ("6000-6063", 6000, 6063, None),
        ("6060-6070", 6060, 6070, None),
        ("1-1023/sctp", 1, 1023, Some("sctp")),
        ("4250-4250", 4250, 4250, None),
        ("0-65535/dccp", 0, 65535, Some("dccp")),
    ] {
        let want = records_overlapping(first, last, protocol);
        assert!(!want.is_empty(), "{arg}");
        assert_eq!(json_keys(&ok(&["--json", arg])), want, "{arg}");
    }
    let x11 = records_overlapping(6000, 6063, None);
    assert!(x11.iter().any(|(n, p, _)| n == "x11" && p == "6000-6063"));
}

#[test]
fn json_lines_match_the_library() {
    let args = ["443", "https", "x11/udp", "6003/tcp", "SSH", "9pfs", "0"];
    let text = ok(&[&["--json"][..], &args].concat());
    let got: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let want: Vec<serde_json::Value> = args
        .iter()
        .flat_map(|a| a.parse::<Query>().unwrap().records())
        .map(|r| serde_json::to_value(r).unwrap())
        .collect();
    assert!(want.len() >= 13);
    assert_eq!(got, want);
    // Every field is there, metadata included.
    assert_eq!(got[0]["description"], "http protocol over TLS/SSL");
    assert!(got[0]["references"].is_array());
}

#[test]
fn exit_statuses_and_errors() {
    // Nothing matched: 1, one line naming the argument, with the reason.
    let (out, err) = fails(&["no-such-service-xyz"], 1, &["no-such-service-xyz"]);
    assert_eq!(out, "");
    assert!(err.contains("unknown service name"), "{err}");
    fails(&["ssh/dccp"], 1, &["ssh/dccp"]);
    // The library's suggestion for a near miss (postgresql: 5432, grep).
    let (_, err) = fails(&["postgres"], 1, &["postgres"]);
    assert_eq!(
        err,
        "iana-ports: postgres: unknown service name; did you mean \"postgresql\"?\n"
    );
    // The registry's highest port is 49151 (grep): nothing on 60000.
    let (_, err) = fails(&["60000/tcp"], 1, &["60000/tcp"]);
    assert!(err.contains("dynamic"), "{err}");
    // Something matched: 0, even if another argument found nothing.
    let o = run(&["443/tcp", "no-such-service-xyz"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("443/tcp: 1 record"));
    assert_eq!(stderr(&o).lines().count(), 1);
    // Usage errors: 2, whatever else matched; every bad argument named.
    let (out, err) = fails(
        &[
            "99999",
            "443/tcp",
            "80/xyz",
            "",
            "70000-70001",
            "10-5",
            "1-2/icmp",
        ],
        2,
        &["99999", "80/xyz", "\"\"", "70000-70001", "10-5", "1-2/icmp"],
    );
    assert!(out.starts_with("443/tcp: 1 record"), "{out}");
    assert!(err.contains("99999: port number out of range"), "{err}");
    assert!(err.contains("10-5: empty port range"), "{err}");
    // Options clap rejects: 2, one line naming the option.
    fails(&["--jsn", "443"], 2, &["--jsn"]);
    fails(&["--short", "--json", "443"], 2, &["--json"]);
    fails(&["services", "--protocols", "tcp,icmp"], 2, &["icmp"]);
    fails(&["services", "--ranges", "some"], 2, &["some"]);
    fails(&["info", "extra"], 2, &["extra"]);
    fails(&["search"], 2, &["WORD"]);
}

#[test]
fn names_that_are_commands() {
    // `search` is a service name (2010/tcp, grep).
    assert_eq!(
        ok(&["lookup", "search"]),
        "search: 1 record\n  search  2010  tcp  assigned\n"
    );
    assert_eq!(ok(&["--", "services"]), ok(&["lookup", "services"]));
}

// --- search ---

#[test]
fn search_redis() {
    // Checked against registry.xml with grep.
    assert_eq!(
        ok(&["search", "redis"]),
        "search redis: 1 record\n  \
         redis  6379  tcp  assigned  An advanced key-value cache and store\n"
    );
    assert_eq!(
        ok(&["search", "-s", "REDIS"]),
        "redis  6379  tcp  assigned  An advanced key-value cache and store\n"
    );
}

#[test]
fn search_json_matches_the_library() {
    for (words, limit) in [
        (&["postgres"][..], None),
        (&["network", "time"][..], None),
        (&["http"][..], Some(7)),
    ] {
        let mut args = vec!["search", "--json"];
        let n = limit.map(|n: usize| n.to_string());
        if let Some(n) = &n {
            args.extend(["--limit", n]);
        }
        args.extend(words);
        let got: Vec<serde_json::Value> = ok(&args)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let want: Vec<serde_json::Value> = search(&words.join(" "))
            .take(limit.unwrap_or(usize::MAX))
            .map(|r| serde_json::to_value(r).unwrap())
            .collect();
        assert!(!want.is_empty(), "{words:?}");
        assert_eq!(got, want, "{words:?}");
    }
}

#[test]
fn options_before_or_after_the_command() {
    let after = ok(&["search", "--json", "redis"]);
    assert_eq!(ok(&["--json", "search", "redis"]), after);
    assert_eq!(ok(&["search", "redis", "--json"]), after);
    assert_eq!(ok(&["--json", "info"]), ok(&["info", "--json"]));
    assert_eq!(ok(&["443", "-s"]), ok(&["-s", "443"]));
    // Options that do not apply: a usage error naming them.
    fails(&["services", "--json"], 2, &["--json"]);
    fails(&["-s", "services"], 2, &["--short"]);
    fails(&["info", "--short"], 2, &["--short"]);
    // After a query, every argument is a query: `search` is a service name.
    let text = ok(&["443/tcp", "search"]);
    assert!(
        text.ends_with("search: 1 record\n  search  2010  tcp  assigned\n"),
        "{text}"
    );
}

#[test]
fn search_exit_statuses() {
    let (out, _) = fails(&["search", "kafka"], 1, &["kafka"]);
    assert_eq!(out, "");
    fails(&["search", " "], 2, &["\" \""]);
    fails(&["search", "--limit", "0", "x"], 2, &["--limit"]);
}
