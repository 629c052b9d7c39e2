//! `diff`: what changed between two registry files, keyed the way users
//! look records up, with the semver verdict of the README's versioning
//! policy.
//!
//! A record's key is (name, case-insensitive; protocol; port range), the
//! triple `by_name`/`by_port` see. Keys only in the new file are added
//! records, keys only in the old one removed records (a key that occurs
//! twice, like `rdp`'s two port-less records, counts twice); keys in both
//! whose other fields differ are changed records. Among the removed and
//! added records, those on the same port range and protocol under another
//! name are listed as renames, those with the same name and protocol on
//! other ports as moves.
//!
//! What users' code can notice is worked out as the crate answers:
//! names `by_name` no longer finds, `port!("name/proto")`/`port()` keys
//! that disappear or answer another port, and ports whose `service_name`
//! (the first name among `by_port`'s records) changes.
//!
//! This file finds the changes; `diff/report.rs` writes them out.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write;

use crate::Result;
use crate::model::{Person, Protocol, Record, Registry};
use crate::validate::load;

mod report;
#[cfg(test)]
mod tests;

const USAGE: &str = "usage: diff <OLD.xml> <NEW.xml> [--markdown]";

pub fn run(args: &[String]) -> Result<()> {
    let mut markdown = false;
    let mut files = Vec::new();
    for a in args {
        match a.as_str() {
            "--markdown" => markdown = true,
            s if s.starts_with("--") => return Err(format!("unknown option {s}\n{USAGE}").into()),
            s => files.push(s),
        }
    }
    let [old_path, new_path] = files[..] else {
        return Err(USAGE.into());
    };
    let old = load(old_path)?;
    let new = load(new_path)?;
    let d = Diff::new(&old, &new);
    if markdown {
        print!("{}", d.markdown());
    } else {
        print!("{}", d.text(old_path, new_path));
    }
    Ok(())
}

/// (lower-cased name, protocol, ports).
type Key = (Option<String>, Option<Protocol>, Option<(u16, u16)>);

fn key(r: &Record) -> Key {
    (
        r.name.as_deref().map(str::to_ascii_lowercase),
        r.protocol,
        r.ports,
    )
}

/// Display order: by port range (port-less last), protocol, name.
type Order = (bool, Option<(u16, u16)>, Option<Protocol>, Option<String>);

fn order(r: &Record) -> Order {
    (
        r.ports.is_none(),
        r.ports,
        r.protocol,
        r.name.as_deref().map(str::to_ascii_lowercase),
    )
}

fn place(ports: Option<(u16, u16)>, protocol: Option<Protocol>) -> String {
    let ports = match ports {
        Some((a, b)) if a == b => a.to_string(),
        Some((a, b)) => format!("{a}-{b}"),
        None => "no-port".to_string(),
    };
    format!("{ports}/{}", protocol.map_or("any", Protocol::as_str))
}

fn name_of(r: &Record) -> &str {
    r.name.as_deref().unwrap_or("(no name)")
}

fn label(r: &Record) -> String {
    format!("{} {}", name_of(r), place(r.ports, r.protocol))
}

/// The fields, by the names, in which two records of the same key
/// differ.
fn changed_fields(a: &Record, b: &Record) -> Vec<&'static str> {
    let mut f = Vec::new();
    if a.name != b.name {
        f.push("name");
    }
    if a.description != b.description {
        f.push("description");
    }
    if a.assignee != b.assignee || a.contacts != b.contacts {
        f.push("people");
    }
    if a.date != b.date || a.updated != b.updated {
        f.push("dates");
    }
    if a.references != b.references {
        f.push("references");
    }
    if a.note != b.note {
        f.push("notes");
    }
    if a.service_code != b.service_code {
        f.push("service code");
    }
    if a.unauthorized != b.unauthorized {
        f.push("unauthorized");
    }
    f
}

const FIELDS: [&str; 8] = [
    "name",
    "description",
    "people",
    "dates",
    "references",
    "notes",
    "service code",
    "unauthorized",
];

/// `port()`'s answers: (lower-cased name, protocol) -> (first port, spelling).
fn port_answers(reg: &Registry) -> BTreeMap<(String, Protocol), (u16, &str)> {
    let mut m = BTreeMap::new();
    for r in &reg.records {
        let (Some(name), Some((lo, _))) = (r.name.as_deref(), r.ports) else {
            continue;
        };
        for p in Protocol::ALL {
            if r.protocol.is_none_or(|q| q == p) {
                m.entry((name.to_ascii_lowercase(), p))
                    .or_insert((lo, name));
            }
        }
    }
    m
}

/// `service_name()`'s answers: (protocol, port) -> the first name, in
/// registry order, among the records on that port.
fn primaries(reg: &Registry) -> HashMap<(Protocol, u16), &str> {
    let mut m = HashMap::new();
    for r in &reg.records {
        let (Some(name), Some((lo, hi))) = (r.name.as_deref(), r.ports) else {
            continue;
        };
        for p in Protocol::ALL {
            if r.protocol.is_none_or(|q| q == p) {
                for port in lo..=hi {
                    m.entry((p, port)).or_insert(name);
                }
            }
        }
    }
    m
}

/// Distinct names, lower-cased -> first spelling.
fn names(reg: &Registry) -> BTreeMap<String, &str> {
    let mut m = BTreeMap::new();
    for name in reg.records.iter().filter_map(|r| r.name.as_deref()) {
        m.entry(name.to_ascii_lowercase()).or_insert(name);
    }
    m
}

/// A run of ports on one protocol whose primary name changed the same way.
pub struct PrimaryChange<'a> {
    pub protocol: Protocol,
    pub ports: (u16, u16),
    pub old: &'a str,
    pub new: Option<&'a str>,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct PeopleChange {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
}

pub struct Diff<'a> {
    pub old_updated: String,
    pub new_updated: String,
    pub old_records: usize,
    pub new_records: usize,
    pub added: Vec<&'a Record>,
    pub removed: Vec<&'a Record>,
    pub changed: Vec<(&'a Record, &'a Record, Vec<&'static str>)>,
    /// (old, new): same ports and protocol, another name.
    pub renamed: Vec<(&'a Record, &'a Record)>,
    /// (old, new): same name and protocol, other ports.
    pub moved: Vec<(&'a Record, &'a Record)>,
    /// Names `by_name` no longer finds (old spelling).
    pub names_gone: Vec<&'a str>,
    pub names_new: usize,
    /// `port!("name/proto")` keys that no longer compile (old spelling).
    pub port_keys_gone: Vec<(&'a str, Protocol)>,
    pub port_keys_new: usize,
    /// (name, protocol, old port, new port).
    pub port_answer_changed: Vec<(&'a str, Protocol, u16, u16)>,
    pub primary_changed: Vec<PrimaryChange<'a>>,
    /// (protocol, port) pairs that had no name and now have one.
    pub ports_newly_named: usize,
    pub people: PeopleChange,
    /// Footnote anchors added, removed or with another text.
    pub footnotes_changed: usize,
}

impl<'a> Diff<'a> {
    pub fn new(old: &'a Registry, new: &'a Registry) -> Diff<'a> {
        let date = |r: &Registry| r.updated.map_or("-".to_string(), |d| d.to_string());

        // Records by key; the n-th occurrence of a key pairs with the n-th.
        let index = |reg: &'a Registry| {
            let mut seen: HashMap<Key, usize> = HashMap::new();
            let mut m: BTreeMap<(Key, usize), &'a Record> = BTreeMap::new();
            for r in &reg.records {
                let k = key(r);
                let n = seen.entry(k.clone()).or_default();
                m.insert((k, *n), r);
                *n += 1;
            }
            m
        };
        let old_ix = index(old);
        let new_ix = index(new);
        let mut added: Vec<&Record> = new_ix
            .iter()
            .filter(|(k, _)| !old_ix.contains_key(k))
            .map(|(_, &r)| r)
            .collect();
        let mut removed: Vec<&Record> = old_ix
            .iter()
            .filter(|(k, _)| !new_ix.contains_key(k))
            .map(|(_, &r)| r)
            .collect();
        let mut changed: Vec<_> = old_ix
            .iter()
            .filter_map(|(k, &a)| {
                let b = *new_ix.get(k)?;
                let f = changed_fields(a, b);
                (!f.is_empty()).then_some((a, b, f))
            })
            .collect();
        added.sort_by_key(|r| order(r));
        removed.sort_by_key(|r| order(r));
        changed.sort_by_key(|(a, _, _)| order(a));

        // Renames and moves among the removed and added records.
        let mut used = vec![false; added.len()];
        let mut pair = |same: &dyn Fn(&Record, &Record) -> bool| {
            let mut out = Vec::new();
            for &a in &removed {
                if let Some(i) = (0..added.len()).find(|&i| !used[i] && same(a, added[i])) {
                    used[i] = true;
                    out.push((a, added[i]));
                }
            }
            out
        };
        let renamed = pair(&|a, b| {
            a.ports.is_some()
                && a.ports == b.ports
                && a.protocol == b.protocol
                && a.name.is_some()
                && b.name.is_some()
                && key(a).0 != key(b).0
        });
        let moved =
            pair(&|a, b| a.name.is_some() && key(a).0 == key(b).0 && a.protocol == b.protocol);

        // What lookups see.
        let (old_names, new_names) = (names(old), names(new));
        let names_gone = old_names
            .iter()
            .filter(|(k, _)| !new_names.contains_key(*k))
            .map(|(_, &n)| n)
            .collect();
        let names_new = new_names
            .keys()
            .filter(|k| !old_names.contains_key(*k))
            .count();
        let (old_ports, new_ports) = (port_answers(old), port_answers(new));
        let mut port_keys_gone = Vec::new();
        let mut port_answer_changed = Vec::new();
        for ((lc, p), &(port, name)) in &old_ports {
            match new_ports.get(&(lc.clone(), *p)) {
                None => port_keys_gone.push((name, *p)),
                Some(&(q, _)) if q != port => port_answer_changed.push((name, *p, port, q)),
                Some(_) => {}
            }
        }
        let port_keys_new = new_ports
            .keys()
            .filter(|k| !old_ports.contains_key(*k))
            .count();

        let (old_prim, new_prim) = (primaries(old), primaries(new));
        let mut prim: Vec<(Protocol, u16, &str, Option<&str>)> = old_prim
            .iter()
            .filter_map(|(&(p, port), &a)| {
                let b = new_prim.get(&(p, port)).copied();
                (b != Some(a)).then_some((p, port, a, b))
            })
            .collect();
        prim.sort();
        let mut primary_changed: Vec<PrimaryChange> = Vec::new();
        for (protocol, port, a, b) in prim {
            match primary_changed.last_mut() {
                Some(last)
                    if last.protocol == protocol
                        && u32::from(last.ports.1) + 1 == u32::from(port)
                        && last.old == a
                        && last.new == b =>
                {
                    last.ports.1 = port;
                }
                _ => primary_changed.push(PrimaryChange {
                    protocol,
                    ports: (port, port),
                    old: a,
                    new: b,
                }),
            }
        }
        let ports_newly_named = new_prim
            .keys()
            .filter(|k| !old_prim.contains_key(*k))
            .count();

        let people_map = |r: &'a Registry| -> BTreeMap<&'a str, &'a Person> {
            r.people
                .iter()
                .flatten()
                .map(|p| (p.id.as_str(), p))
                .collect()
        };
        let (op, np) = (people_map(old), people_map(new));
        let people = PeopleChange {
            added: np.keys().filter(|k| !op.contains_key(*k)).count(),
            removed: op.keys().filter(|k| !np.contains_key(*k)).count(),
            changed: op
                .iter()
                .filter(|(k, p)| np.get(*k).is_some_and(|q| q != *p))
                .count(),
        };
        let of: BTreeMap<&str, &str> = old
            .footnotes
            .iter()
            .map(|(a, t)| (a.as_str(), t.as_str()))
            .collect();
        let nf: BTreeMap<&str, &str> = new
            .footnotes
            .iter()
            .map(|(a, t)| (a.as_str(), t.as_str()))
            .collect();
        let anchors: BTreeSet<&str> = of.keys().chain(nf.keys()).copied().collect();
        let footnotes_changed = anchors.iter().filter(|a| of.get(*a) != nf.get(*a)).count();

        Diff {
            old_updated: date(old),
            new_updated: date(new),
            old_records: old.records.len(),
            new_records: new.records.len(),
            added,
            removed,
            changed,
            renamed,
            moved,
            names_gone,
            names_new,
            port_keys_gone,
            port_keys_new,
            port_answer_changed,
            primary_changed,
            ports_newly_named,
            people,
            footnotes_changed,
        }
    }

    /// Whether users' code can notice: a name gone, a `port!` key gone or
    /// answering another port, a port's primary name changed.
    pub fn breaking(&self) -> bool {
        !self.names_gone.is_empty()
            || !self.port_keys_gone.is_empty()
            || !self.port_answer_changed.is_empty()
            || !self.primary_changed.is_empty()
    }

    pub fn is_empty(&self) -> bool {
        self.old_updated == self.new_updated
            && self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.people == PeopleChange::default()
            && self.footnotes_changed == 0
    }

    /// The one-line semver verdict (README, Versioning).
    pub fn verdict(&self) -> String {
        if self.is_empty() {
            "no change".to_string()
        } else if self.breaking() {
            format!(
                "minor release: removals or renames users can notice ({} names gone, \
                 {} port!(\"name/proto\") keys gone, {} names' first port changed, \
                 {} port ranges with another primary service_name)",
                self.names_gone.len(),
                self.port_keys_gone.len(),
                self.port_answer_changed.len(),
                self.primary_changed.len()
            )
        } else {
            "patch release: additions only (no name, port!() key or primary \
             service_name removed or changed)"
                .to_string()
        }
    }
}
