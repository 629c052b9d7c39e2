//! `xtask diff` on IANA's real files, its counts checked against an
//! independent computation here (roxmltree, not xtask's code).

mod common;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::process::ExitCode;

use common::harness::{needs, run, test};
use common::{PROTOCOLS, Reg, read, shared, stdout, xtask};

const OLD: &str = "service-names-port-numbers.2025-08-15.xml";
const NEW: &str = "service-names-port-numbers.xml";

/// A `harness = false` target: the tests that need IANA's files in
/// `../shared` are ignored when they are absent (see tests/common/shared.rs).
fn main() -> ExitCode {
    let both = || vec![shared(OLD), shared(NEW)];
    run(vec![
        needs(
            "diff_2025_08_15_to_2026_08_17",
            both(),
            diff_2025_08_15_to_2026_08_17,
        ),
        test(
            "diff_of_a_file_with_itself_is_no_change",
            diff_of_a_file_with_itself_is_no_change,
        ),
        needs(
            "diff_of_the_2025_file_with_itself_is_no_change",
            vec![shared(OLD)],
            diff_of_the_2025_file_with_itself_is_no_change,
        ),
        needs("markdown_output", both(), markdown_output),
        test("diff_errors", diff_errors),
    ])
}

/// Every integer in `line`, in order.
fn numbers(line: &str) -> Vec<usize> {
    line.split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect()
}

fn line<'a>(out: &'a str, prefix: &str) -> &'a str {
    out.lines()
        .find(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("no line {prefix:?} in\n{out}"))
}

/// The lines of a section `title (n):` of the text output.
fn section<'a>(out: &'a str, title: &str) -> Vec<&'a str> {
    let mut lines = out.lines();
    let head = format!("{title} (");
    if !lines.any(|l| l.starts_with(&head)) {
        return Vec::new();
    }
    lines
        .take_while(|l| l.starts_with("  "))
        .map(str::trim)
        .collect()
}

struct Expected {
    added: usize,
    removed: usize,
    changed: usize,
    renamed: BTreeSet<String>,
    names_gone: usize,
    names_new: usize,
    keys_gone: usize,
    keys_new: usize,
    first_port_changed: usize,
    primary_changed_pairs: usize,
    newly_named_pairs: usize,
    people: (usize, usize, usize),
    footnotes: usize,
}

type Key = (Option<String>, Option<String>, Option<(u16, u16)>);

fn keyed(reg: &Reg) -> BTreeMap<(Key, usize), usize> {
    let mut seen: HashMap<Key, usize> = HashMap::new();
    let mut m = BTreeMap::new();
    for (i, r) in reg.records.iter().enumerate() {
        let n = seen.entry(r.key()).or_default();
        m.insert((r.key(), *n), i);
        *n += 1;
    }
    m
}

fn port_answers(reg: &Reg) -> HashMap<(String, &'static str), u16> {
    let mut m = HashMap::new();
    for r in &reg.records {
        if let (Some(n), Some((lo, _))) = (&r.name, r.ports) {
            for p in PROTOCOLS {
                if r.applies_to(p) {
                    m.entry((n.to_ascii_lowercase(), p)).or_insert(lo);
                }
            }
        }
    }
    m
}

fn primaries(reg: &Reg) -> HashMap<(&'static str, u16), String> {
    let mut m = HashMap::new();
    for r in &reg.records {
        if let (Some(n), Some((lo, hi))) = (&r.name, r.ports) {
            for p in PROTOCOLS {
                if r.applies_to(p) {
                    for port in lo..=hi {
                        m.entry((p, port)).or_insert_with(|| n.clone());
                    }
                }
            }
        }
    }
    m
}

fn expected(old: &Reg, new: &Reg) -> Expected {
    let (ok, nk) = (keyed(old), keyed(new));
    let added: Vec<usize> = nk
        .iter()
        .filter(|(k, _)| !ok.contains_key(*k))
        .map(|(_, &i)| i)
        .collect();
    let removed: Vec<usize> = ok
        .iter()
        .filter(|(k, _)| !nk.contains_key(*k))
        .map(|(_, &i)| i)
        .collect();
    let changed = ok
        .iter()
        .filter(|(k, i)| {
            nk.get(*k)
                .is_some_and(|&j| old.records[**i].rest != new.records[j].rest)
        })
        .count();
    // Renames: a removed and an added record on the same ports and protocol
    // under another name.
    let mut renamed = BTreeSet::new();
    for &i in &removed {
        let a = &old.records[i];
        for &j in &added {
            let b = &new.records[j];
            let (Some((lo, hi)), Some(an), Some(bn)) = (a.ports, &a.name, &b.name) else {
                continue;
            };
            if a.ports == b.ports && a.protocol == b.protocol && a.key().0 != b.key().0 {
                let ports = if lo == hi {
                    lo.to_string()
                } else {
                    format!("{lo}-{hi}")
                };
                renamed.insert(format!(
                    "{ports}/{}: {an} -> {bn}",
                    a.protocol.as_deref().unwrap_or("any"),
                ));
            }
        }
    }
    let names = |r: &Reg| -> BTreeSet<String> {
        r.records
            .iter()
            .filter_map(|r| r.name.as_ref().map(|n| n.to_ascii_lowercase()))
            .collect()
    };
    let (on, nn) = (names(old), names(new));
    let (op, np) = (port_answers(old), port_answers(new));
    let (opr, npr) = (primaries(old), primaries(new));
    let people = (
        new.people
            .keys()
            .filter(|k| !old.people.contains_key(*k))
            .count(),
        old.people
            .keys()
            .filter(|k| !new.people.contains_key(*k))
            .count(),
        old.people
            .iter()
            .filter(|(k, v)| new.people.get(*k).is_some_and(|w| w != *v))
            .count(),
    );
    let anchors: BTreeSet<&String> = old.footnotes.keys().chain(new.footnotes.keys()).collect();
    Expected {
        added: added.len(),
        removed: removed.len(),
        changed,
        renamed,
        names_gone: on.difference(&nn).count(),
        names_new: nn.difference(&on).count(),
        keys_gone: op.keys().filter(|k| !np.contains_key(*k)).count(),
        keys_new: np.keys().filter(|k| !op.contains_key(*k)).count(),
        first_port_changed: op
            .iter()
            .filter(|(k, v)| np.get(*k).is_some_and(|w| w != *v))
            .count(),
        primary_changed_pairs: opr.iter().filter(|(k, v)| npr.get(*k) != Some(*v)).count(),
        newly_named_pairs: npr.keys().filter(|k| !opr.contains_key(*k)).count(),
        people,
        footnotes: anchors
            .iter()
            .filter(|a| old.footnotes.get(**a) != new.footnotes.get(**a))
            .count(),
    }
}

/// Runs `xtask diff` and checks every count it prints against `expected`.
fn check(old_path: &Path, new_path: &Path) -> String {
    let o = xtask(&[
        "diff",
        old_path.to_str().unwrap(),
        new_path.to_str().unwrap(),
    ]);
    let out = stdout(&o);
    assert!(o.status.success(), "{out}{}", common::stderr(&o));
    let e = expected(&read(old_path), &read(new_path));

    let records = numbers(line(&out, "records: "));
    assert_eq!(records[..3], [e.added, e.removed, e.changed], "{out}");
    let renamed = numbers(line(&out, "renamed: "));
    assert_eq!(renamed[0], e.renamed.len());
    let got: BTreeSet<String> = section(&out, "renamed")
        .into_iter()
        .map(str::to_string)
        .collect();
    assert_eq!(got, e.renamed);
    let names = numbers(line(&out, "names: "));
    assert_eq!(
        names,
        [
            e.names_gone,
            e.names_new,
            e.keys_gone,
            e.keys_new,
            e.first_port_changed
        ]
    );
    assert_eq!(section(&out, "names gone").len(), e.names_gone);
    assert_eq!(
        section(&out, "port!(\"name/proto\") keys gone").len(),
        e.keys_gone
    );
    // The primary-name changes are printed as port runs: count their ports.
    let pairs: usize = section(&out, "primary service_name changed")
        .iter()
        .map(|l| {
            let place = l.split('/').next().unwrap();
            match place.split_once('-') {
                Some((a, b)) => b.parse::<usize>().unwrap() - a.parse::<usize>().unwrap() + 1,
                None => 1,
            }
        })
        .sum();
    assert_eq!(pairs, e.primary_changed_pairs);
    let sn = numbers(line(&out, "service_name: "));
    assert_eq!(sn[1], e.newly_named_pairs);
    let people = numbers(line(&out, "people: "));
    assert_eq!(
        people,
        [e.people.0, e.people.1, e.people.2, e.footnotes],
        "{out}"
    );
    assert_eq!(section(&out, "added records").len(), e.added);
    assert_eq!(section(&out, "removed records").len(), e.removed);
    assert_eq!(section(&out, "changed records").len(), e.changed);
    out
}

fn diff_2025_08_15_to_2026_08_17() {
    let (old, new) = (shared(OLD), shared(NEW));
    let out = check(&old, &new);
    let renamed = section(&out, "renamed");
    assert!(
        renamed.contains(&"4319/tcp: fox-skytale -> skytale"),
        "{out}"
    );
    assert!(
        renamed.contains(&"4319/udp: fox-skytale -> skytale"),
        "{out}"
    );
    assert!(section(&out, "names gone").contains(&"fox-skytale"));
    // A rename can break `port!("fox-skytale/tcp")`: a minor release.
    assert!(
        line(&out, "verdict: ").starts_with("verdict: minor release"),
        "{out}"
    );
    println!("{out}");
}

fn diff_of_a_file_with_itself_is_no_change() {
    self_diff(&common::repo_root().join("registry.xml"));
}

fn diff_of_the_2025_file_with_itself_is_no_change() {
    self_diff(&shared(OLD));
}

fn self_diff(f: &Path) {
    let out = check(f, f);
    assert_eq!(line(&out, "verdict: "), "verdict: no change");
    assert_eq!(numbers(line(&out, "records: ")), [0; 11]);
    assert!(!out.contains("\n  "), "no listed items:\n{out}");
}

fn markdown_output() {
    let (old, new) = (shared(OLD), shared(NEW));
    let o = xtask(&[
        "diff",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--markdown",
    ]);
    assert!(o.status.success());
    let md = stdout(&o);
    assert!(
        md.starts_with("### Registry data: 2025-08-15 -> 2026-08-17\n"),
        "{md}"
    );
    assert!(md.contains("\n**Verdict:** minor release"), "{md}");
    assert!(
        md.contains("\n- `4319/tcp`: `fox-skytale` -> `skytale`\n"),
        "{md}"
    );
    // Deterministic: the same bytes on a second run.
    let again = xtask(&[
        "diff",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--markdown",
    ]);
    assert_eq!(stdout(&again), md);
}

fn diff_errors() {
    let o = xtask(&["diff", "registry.xml"]);
    assert!(!o.status.success());
    assert!(common::stderr(&o).contains("usage: diff"));
    let o = xtask(&["diff", "/nonexistent/a.xml", "/nonexistent/b.xml"]);
    assert!(!o.status.success());
    assert!(common::stderr(&o).contains("/nonexistent/a.xml: cannot read"));
}
