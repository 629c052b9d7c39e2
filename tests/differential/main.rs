//! Differential test: the compiled tables against an independent reading of
//! the very XML file the build used.
//!
//! The file is parsed here with `roxmltree` (not with `build/parse/`), and
//! every expectation (fields, text rendering, status, lookups by port and by
//! name) is computed in this file from the XML and the crate's documented
//! rules, then compared with what the crate returns. Without the `metadata`
//! feature only names, ports, protocols, status and the lookups are compared.
//!
//! This file holds the independent model and the comparison helpers; the
//! tests are in `fields`, `lookups` and `iterators`.
#![cfg_attr(not(feature = "metadata"), allow(dead_code))]

#[path = "../common/mod.rs"]
mod common;
mod fields;
mod iterators;
mod lookups;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use common::registry::registry_path;

#[cfg(feature = "metadata")]
use iana_ports::{Person, Reference};
use iana_ports::{PortRange, ports};
use iana_ports::{
    Protocol, RECORD_COUNT, REGISTRY_UPDATED, Record, Status, by_name, by_port, port, records,
    service_name,
};

// ---------------------------------------------------------------------------
// The independent model
// ---------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq, Eq)]
enum ExpRef {
    Rfc(u32, Option<String>),
    Uri(String, Option<String>),
    Draft(String, Option<String>),
    Text(String),
    Note(String, Option<String>),
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
struct ExpPerson {
    id: String,
    name: Option<String>,
    org: Option<String>,
    uris: Vec<String>,
    updated: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct ExpRecord {
    /// Byte offset of the `<record>` tag.
    pos: usize,
    name: Option<String>,
    protocol: Option<Protocol>,
    ports: Option<(u16, u16)>,
    description: String,
    assignee: Option<String>,
    contacts: Vec<String>,
    registered: Option<String>,
    modified: Option<String>,
    references: Vec<ExpRef>,
    service_code: Option<u32>,
    unauthorized: Option<String>,
    note: Option<String>,
    status: Status,
}

struct Expected {
    path: PathBuf,
    text: String,
    updated: String,
    records: Vec<ExpRecord>,
    /// `None` when the file has no `<people>` section.
    people: Option<HashMap<String, ExpPerson>>,
    /// lower-cased name -> record indices, registry order.
    names: HashMap<String, Vec<usize>>,
    /// Distinct names (registry spelling of the first occurrence), registry order.
    distinct_names: Vec<String>,
    /// `[protocol][port]` -> record indices, registry order.
    by_port: Vec<Vec<Vec<u32>>>,
}

fn expected() -> &'static Expected {
    static EXP: OnceLock<Expected> = OnceLock::new();
    EXP.get_or_init(|| {
        let path = registry_path();
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: cannot read: {e}", path.display()));
        load(path, text)
    })
}

fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

fn collapse(s: &str) -> String {
    s.split(is_xml_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// All text below `node`, concatenated.
fn plain_text(node: roxmltree::Node) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

/// The documented rendering of mixed content: white space in text nodes is
/// white space, `<br/>` a line break, `<paragraph>` its own line(s), inline
/// xrefs as their body or a bracketed id; then per line collapse and trim,
/// drop leading and trailing empty lines, join with "\n".
fn render(node: roxmltree::Node) -> String {
    let mut raw = String::new();
    render_into(node, &mut raw);
    finish(&raw)
}

fn render_into(node: roxmltree::Node, raw: &mut String) {
    for child in node.children() {
        if child.is_text() {
            for c in child.text().unwrap_or("").chars() {
                raw.push(if is_xml_space(c) { ' ' } else { c });
            }
        } else if child.is_element() {
            match child.tag_name().name() {
                "br" => {
                    raw.push('\n');
                    render_into(child, raw);
                }
                "paragraph" => {
                    raw.push('\n');
                    render_into(child, raw);
                    raw.push('\n');
                }
                "xref" => {
                    let body = render(child);
                    if !body.is_empty() {
                        raw.push_str(&body);
                    } else {
                        let data = child.attribute("data").unwrap_or("");
                        match child.attribute("type").unwrap_or("") {
                            "rfc" => raw.push_str(&format!("[{}]", data.to_ascii_uppercase())),
                            "person" | "note" => raw.push_str(&format!("[{data}]")),
                            _ => raw.push_str(data),
                        }
                    }
                }
                _ => panic!(
                    "byte {}: unexpected element <{}> in mixed content",
                    pos_of(child),
                    child.tag_name().name()
                ),
            }
        }
    }
}

fn finish(raw: &str) -> String {
    let lines: Vec<String> = raw.split('\n').map(collapse).collect();
    let first = lines.iter().position(|l| !l.is_empty());
    let last = lines.iter().rposition(|l| !l.is_empty());
    match (first, last) {
        (Some(a), Some(b)) => lines[a..=b].join("\n"),
        _ => String::new(),
    }
}

/// The byte offset of `node` (a line number is computed only for messages:
/// `text_pos_at` scans from the start of the document).
fn pos_of(node: roxmltree::Node) -> usize {
    node.range().start
}

/// The 1-based line of byte offset `pos` of the registry file.
fn line_at(pos: usize) -> usize {
    let text = &expected().text;
    text.as_bytes()[..pos.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn protocol_of(s: &str) -> Protocol {
    match s.to_ascii_lowercase().as_str() {
        "tcp" => Protocol::Tcp,
        "udp" => Protocol::Udp,
        "sctp" => Protocol::Sctp,
        "dccp" => Protocol::Dccp,
        other => panic!("unknown protocol {other:?}"),
    }
}

fn ports_of(s: &str) -> (u16, u16) {
    let num = |t: &str| -> u16 { t.parse().unwrap_or_else(|_| panic!("bad port {s:?}")) };
    match s.split_once('-') {
        Some((a, b)) => (num(a), num(b)),
        None => (num(s), num(s)),
    }
}

fn status_of(name: &Option<String>, description: &str) -> Status {
    if name.is_some() {
        return Status::Assigned;
    }
    let d = description.trim_start_matches('(');
    if d.len() >= 10 && d.as_bytes()[..10].eq_ignore_ascii_case(b"unassigned") {
        Status::Unassigned
    } else {
        Status::Reserved
    }
}

fn elements<'a, 'i>(
    node: roxmltree::Node<'a, 'i>,
) -> impl Iterator<Item = roxmltree::Node<'a, 'i>> {
    node.children().filter(|n| n.is_element())
}

fn load(path: PathBuf, text: String) -> Expected {
    let doc = roxmltree::Document::parse(&text)
        .unwrap_or_else(|e| panic!("{}: roxmltree: {e}", path.display()));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "registry");

    let mut updated = None;
    let mut footnotes: HashMap<String, String> = HashMap::new();
    let mut people = None;
    let mut record_nodes = Vec::new();
    for el in elements(root) {
        match el.tag_name().name() {
            "updated" => updated = Some(plain_text(el).trim().to_string()),
            "footnote" => {
                let anchor = el.attribute("anchor").unwrap_or("").to_string();
                footnotes.entry(anchor).or_insert_with(|| render(el));
            }
            "people" => {
                let mut map = HashMap::new();
                for p in elements(el) {
                    assert_eq!(p.tag_name().name(), "person");
                    let mut person = ExpPerson {
                        id: p.attribute("id").expect("person id").to_string(),
                        ..ExpPerson::default()
                    };
                    for f in elements(p) {
                        let v = collapse(&plain_text(f));
                        let opt = (!v.is_empty()).then(|| v.clone());
                        match f.tag_name().name() {
                            "name" => person.name = opt,
                            "org" => person.org = opt,
                            "uri" => person.uris.extend(opt),
                            "updated" => person.updated = opt,
                            other => panic!("unknown <{other}> in <person>"),
                        }
                    }
                    map.insert(person.id.clone(), person);
                }
                people = Some(map);
            }
            "record" => record_nodes.push(el),
            _ => {}
        }
    }

    let mut recs = Vec::with_capacity(record_nodes.len());
    for r in record_nodes {
        let mut rec = ExpRecord {
            pos: pos_of(r),
            name: None,
            protocol: None,
            ports: None,
            description: String::new(),
            assignee: None,
            contacts: Vec::new(),
            registered: r.attribute("date").map(str::to_string),
            modified: r.attribute("updated").map(str::to_string),
            references: Vec::new(),
            service_code: None,
            unauthorized: None,
            note: None,
            status: Status::Reserved,
        };
        for c in elements(r) {
            match c.tag_name().name() {
                "name" => {
                    let t = plain_text(c).trim().to_string();
                    rec.name = (!t.is_empty()).then_some(t);
                }
                "protocol" => {
                    let t = plain_text(c).trim().to_string();
                    rec.protocol = (!t.is_empty()).then(|| protocol_of(&t));
                }
                "number" => rec.ports = Some(ports_of(plain_text(c).trim())),
                "description" => rec.description = render(c),
                "note" => rec.note = Some(render(c)).filter(|s| !s.is_empty()),
                "unauthorized" => rec.unauthorized = Some(render(c)).filter(|s| !s.is_empty()),
                "sc" => rec.service_code = Some(plain_text(c).trim().parse().expect("sc")),
                "assignee" => {
                    let x = elements(c).find(|x| x.attribute("type") == Some("person"));
                    rec.assignee = x.and_then(|x| x.attribute("data")).map(str::to_string);
                }
                "xref" => {
                    let data = c.attribute("data").unwrap_or("").to_string();
                    let body = render(c);
                    let text = (!body.is_empty()).then(|| body.clone());
                    match c.attribute("type").unwrap_or("") {
                        "person" => rec.contacts.push(data),
                        "rfc" => {
                            assert!(data[..3].eq_ignore_ascii_case("rfc"), "{data}");
                            rec.references
                                .push(ExpRef::Rfc(data[3..].parse().expect("rfc number"), text));
                        }
                        "uri" => rec.references.push(ExpRef::Uri(data, text)),
                        "draft" => rec.references.push(ExpRef::Draft(data, text)),
                        "text" => rec.references.push(ExpRef::Text(body)),
                        "note" => {
                            let f = footnotes.get(&data).cloned();
                            rec.references.push(ExpRef::Note(data, f));
                        }
                        other => panic!("byte {}: xref type {other:?}", rec.pos),
                    }
                }
                other => panic!("byte {}: unknown <{other}> in <record>", rec.pos),
            }
        }
        rec.status = status_of(&rec.name, &rec.description);
        recs.push(rec);
    }
    // Footnotes may follow the records: resolve note references again now
    // that every footnote is known.
    for rec in &mut recs {
        for r in &mut rec.references {
            if let ExpRef::Note(anchor, f) = r {
                *f = footnotes.get(anchor.as_str()).cloned();
            }
        }
    }

    let mut names: HashMap<String, Vec<usize>> = HashMap::new();
    let mut distinct_names = Vec::new();
    let mut by_port_tab = vec![vec![Vec::new(); 65536]; 4];
    for (i, rec) in recs.iter().enumerate() {
        if let Some(n) = &rec.name {
            let e = names.entry(n.to_ascii_lowercase()).or_default();
            if e.is_empty() {
                distinct_names.push(n.clone());
            }
            e.push(i);
        }
        if let Some((lo, hi)) = rec.ports {
            for (pi, p) in Protocol::ALL.iter().enumerate() {
                if rec.protocol.is_none_or(|q| q == *p) {
                    for port in lo..=hi {
                        by_port_tab[pi][usize::from(port)].push(i as u32);
                    }
                }
            }
        }
    }

    drop(doc);
    Expected {
        path,
        text,
        updated: updated.expect("<updated>"),
        records: recs,
        people,
        names,
        distinct_names,
        by_port: by_port_tab,
    }
}

// ---------------------------------------------------------------------------
// Comparison helpers
// ---------------------------------------------------------------------------

#[cfg(feature = "metadata")]
fn actual_ref(r: Reference) -> ExpRef {
    let own = |s: Option<&str>| s.map(str::to_string);
    match r {
        Reference::Rfc { number, text } => ExpRef::Rfc(number, own(text)),
        Reference::Uri { uri, text } => ExpRef::Uri(uri.to_string(), own(text)),
        Reference::Draft { name, text } => ExpRef::Draft(name.to_string(), own(text)),
        Reference::Text(t) => ExpRef::Text(t.to_string()),
        Reference::Note { anchor, footnote } => ExpRef::Note(anchor.to_string(), own(footnote)),
    }
}

struct Failures {
    what: &'static str,
    list: Vec<String>,
}

impl Failures {
    fn new(what: &'static str) -> Self {
        Failures {
            what,
            list: Vec::new(),
        }
    }

    fn check<T: PartialEq + std::fmt::Debug>(&mut self, ctx: &dyn Fn() -> String, got: T, want: T) {
        if got != want {
            self.list
                .push(format!("{}: got {got:?}, expected {want:?}", ctx()));
        }
    }

    fn finish(self) {
        if self.list.is_empty() {
            return;
        }
        for f in self.list.iter().take(60) {
            eprintln!("{f}");
        }
        panic!(
            "{}: {} mismatches against {} (first {} shown above)",
            self.what,
            self.list.len(),
            expected().path.display(),
            self.list.len().min(60)
        );
    }
}

#[cfg(feature = "metadata")]
fn check_person(f: &mut Failures, ctx: &dyn Fn() -> String, p: Person, id: &str) {
    f.check(ctx, p.id(), id);
    let exp = &expected().people;
    let Some(people) = exp else {
        return; // no <people>: nothing more is known.
    };
    let want = people.get(id).cloned().unwrap_or(ExpPerson {
        id: id.to_string(),
        ..ExpPerson::default()
    });
    f.check(ctx, p.name().map(str::to_string), want.name.clone());
    f.check(ctx, p.org().map(str::to_string), want.org.clone());
    let uris: Vec<String> = p.uris().map(str::to_string).collect();
    f.check(ctx, uris, want.uris.clone());
    f.check(ctx, p.uri().map(str::to_string), want.uris.first().cloned());
    f.check(
        ctx,
        p.updated().map(|d| d.to_string()),
        want.updated.clone(),
    );
}

fn ix(rs: impl Iterator<Item = Record>) -> Vec<usize> {
    rs.map(Record::index).collect()
}
