//! `Diff` on small registries written inline: verdicts and listed changes.

use super::*;
use crate::model;

const HEAD: &str = "<?xml version='1.0' encoding='UTF-8'?>\n<registry xmlns=\"http://www.iana.org/assignments\" id=\"service-names-port-numbers\">\n";

fn reg(updated: &str, records: &str) -> Registry {
    let text = format!("{HEAD}  <updated>{updated}</updated>\n{records}</registry>\n");
    model::parse("test.xml", &text).unwrap()
}

fn rec(name: &str, proto: &str, number: &str, desc: &str) -> String {
    format!(
        "  <record><name>{name}</name><protocol>{proto}</protocol><number>{number}</number><description>{desc}</description></record>\n"
    )
}

#[test]
fn additions_only_is_a_patch() {
    let a = reg("2026-01-01", &rec("foo", "tcp", "1000", "Foo"));
    let b = reg(
        "2026-02-01",
        &(rec("foo", "tcp", "1000", "Foo") + &rec("bar", "udp", "1001", "Bar")),
    );
    let d = Diff::new(&a, &b);
    assert_eq!(d.added.len(), 1);
    assert_eq!(d.removed.len(), 0);
    assert!(!d.breaking());
    assert!(d.verdict().starts_with("patch release"), "{}", d.verdict());
    assert_eq!(d.names_new, 1);
    assert_eq!(d.ports_newly_named, 1);
}

#[test]
fn rename_is_a_minor_release() {
    let a = reg("2026-01-01", &rec("fox-skytale", "tcp", "4319", "x"));
    let b = reg("2026-02-01", &rec("skytale", "tcp", "4319", "x"));
    let d = Diff::new(&a, &b);
    assert_eq!(d.renamed.len(), 1);
    assert_eq!(d.names_gone, ["fox-skytale"]);
    assert_eq!(d.port_keys_gone, [("fox-skytale", Protocol::Tcp)]);
    assert_eq!(d.primary_changed.len(), 1);
    assert!(d.verdict().starts_with("minor release"), "{}", d.verdict());
    let t = d.text("a", "b");
    assert!(t.contains("  4319/tcp: fox-skytale -> skytale\n"), "{t}");
}

#[test]
fn description_and_case_changes() {
    let a = reg("2026-01-01", &rec("Foo", "tcp", "1000-1002", "Foo"));
    let b = reg("2026-01-01", &rec("foo", "tcp", "1000-1002", "Foo service"));
    let d = Diff::new(&a, &b);
    assert_eq!(d.changed.len(), 1);
    assert_eq!(d.changed[0].2, ["name", "description"]);
    // The primary name's spelling changed on three ports: one range.
    assert_eq!(d.primary_changed.len(), 1);
    assert_eq!(d.primary_changed[0].ports, (1000, 1002));
    assert!(d.breaking());
}

#[test]
fn self_diff_is_no_change() {
    let a = reg("2026-01-01", &rec("foo", "tcp", "1000", "Foo"));
    let d = Diff::new(&a, &a);
    assert!(d.is_empty());
    assert_eq!(d.verdict(), "no change");
}
