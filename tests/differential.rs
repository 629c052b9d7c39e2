//! Differential test: the compiled tables against an independent reading of
//! the very XML file the build used.
//!
//! The file is parsed here with `roxmltree` (not with `build/parse/`), and
//! every expectation (fields, text rendering, status, lookups by port and by
//! name) is computed in this file from the XML and the crate's documented
//! rules, then compared with what the crate returns. Without the `metadata`
//! feature only names, ports, protocols, status and the lookups are compared.
#![cfg_attr(not(feature = "metadata"), allow(dead_code))]

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use iana_ports::{
    by_name, by_port, port, records, service_name, Protocol, Record, Status, RECORD_COUNT,
    REGISTRY_UPDATED,
};
use iana_ports::{ports, PortRange};
#[cfg(feature = "metadata")]
use iana_ports::{Person, Reference};

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

/// The file the build read: `IANA_PORTS_REGISTRY` as seen when this test was
/// compiled (cargo rebuilds it when the variable changes), else `registry.xml`.
fn registry_path() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    match option_env!("IANA_PORTS_REGISTRY") {
        Some(p) if !p.is_empty() => manifest.join(p),
        _ => manifest.join("registry.xml"),
    }
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

fn alternating(s: &str) -> String {
    s.chars()
        .enumerate()
        .map(|(i, c)| {
            if i % 2 == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[test]
fn counts_and_date() {
    let exp = expected();
    println!(
        "differential: {} ({} records, updated {})",
        exp.path.display(),
        exp.records.len(),
        exp.updated
    );
    assert_eq!(RECORD_COUNT, exp.records.len());
    assert_eq!(records().len(), exp.records.len());
    assert_eq!(records().count(), exp.records.len());
    assert_eq!(REGISTRY_UPDATED.to_string(), exp.updated);
}

#[test]
fn every_field_of_every_record() {
    let exp = expected();
    assert_eq!(records().len(), exp.records.len());
    let mut f = Failures::new("record fields");
    for (i, (r, e)) in records().zip(&exp.records).enumerate() {
        let ctx = || format!("record {} (line {}, {:?})", i, line_at(e.pos), e.name);
        let ctx: &dyn Fn() -> String = &ctx;
        f.check(ctx, r.index(), i);
        f.check(ctx, r.name(), e.name.as_deref());
        f.check(ctx, r.protocol(), e.protocol);
        f.check(ctx, r.ports().map(|p| (p.start(), p.end())), e.ports);
        for p in Protocol::ALL {
            f.check(ctx, r.applies_to(p), e.protocol.is_none_or(|q| q == p));
        }
        f.check(ctx, r.status(), e.status);
        #[cfg(feature = "metadata")]
        {
            f.check(ctx, r.description(), e.description.as_str());
            f.check(ctx, r.assignee().map(|p| p.id()), e.assignee.as_deref());
            if let (Some(p), Some(id)) = (r.assignee(), &e.assignee) {
                let actx = || format!("{} assignee {id}", ctx());
                check_person(&mut f, &actx, p, id);
            }
            let contacts: Vec<&str> = r.contacts().map(Person::id).collect();
            f.check(
                ctx,
                contacts,
                e.contacts.iter().map(String::as_str).collect(),
            );
            for (p, id) in r.contacts().zip(&e.contacts) {
                let cctx = || format!("{} contact {id}", ctx());
                check_person(&mut f, &cctx, p, id);
            }
            f.check(
                ctx,
                r.registered().map(|d| d.to_string()),
                e.registered.clone(),
            );
            f.check(ctx, r.modified().map(|d| d.to_string()), e.modified.clone());
            let refs: Vec<ExpRef> = r.references().map(actual_ref).collect();
            f.check(ctx, refs, e.references.clone());
            f.check(ctx, r.service_code(), e.service_code);
            f.check(ctx, r.unauthorized(), e.unauthorized.as_deref());
            f.check(ctx, r.note(), e.note.as_deref());
        }
    }
    f.finish();
}

#[test]
fn rendering_rule_applies() {
    // The independent rendering must have been exercised on the features it
    // implements, or the comparison above proves less than it claims.
    let exp = expected();
    let multi_line = exp
        .records
        .iter()
        .filter(|r| {
            r.description.contains('\n') || r.note.as_deref().is_some_and(|n| n.contains('\n'))
        })
        .count();
    let statuses = |s| exp.records.iter().filter(|r| r.status == s).count();
    println!(
        "multi-line texts: {multi_line}; assigned {}, reserved {}, unassigned {}",
        statuses(Status::Assigned),
        statuses(Status::Reserved),
        statuses(Status::Unassigned)
    );
    assert!(statuses(Status::Assigned) > 10_000);
    assert!(statuses(Status::Reserved) > 100);
    assert!(statuses(Status::Unassigned) > 100);
}

#[test]
fn render_rule_examples() {
    // The rule itself, on literal inputs (a check of this file's renderer).
    let case = |xml: &str| {
        let doc = roxmltree::Document::parse(xml).unwrap();
        render(doc.root_element())
    };
    assert_eq!(case("<d>a<br/><br/>b</d>"), "a\n\nb");
    assert_eq!(case("<d>\n  a \t b\n  c  </d>"), "a b c");
    assert_eq!(case("<d><br/>a<br/></d>"), "a");
    assert_eq!(case("<d>x<paragraph>p</paragraph>y</d>"), "x\np\ny");
    assert_eq!(
        case("<d>see <xref type=\"rfc\" data=\"rfc6335\"/>.</d>"),
        "see [RFC6335]."
    );
    assert_eq!(case("<d><xref type=\"person\" data=\"Jon\"/></d>"), "[Jon]");
    assert_eq!(case("<d><xref type=\"note\" data=\"1\"/></d>"), "[1]");
    assert_eq!(
        case("<d><xref type=\"uri\" data=\"http://x\"/></d>"),
        "http://x"
    );
    assert_eq!(
        case("<d><xref type=\"uri\" data=\"http://x\">X y</xref></d>"),
        "X y"
    );
    assert_eq!(case("<d/>"), "");
}

#[test]
fn by_name_matches_the_registry() {
    let exp = expected();
    let mut f = Failures::new("by_name");
    let mut named = 0;
    for (i, e) in exp.records.iter().enumerate() {
        let Some(n) = &e.name else { continue };
        named += 1;
        for q in [
            n.to_ascii_lowercase(),
            n.to_ascii_uppercase(),
            alternating(n),
        ] {
            if !by_name(&q).any(|r| r.index() == i) {
                f.list
                    .push(format!("record {i} ({n}) not found by by_name({q:?})"));
            }
        }
    }
    assert!(named > 10_000, "{named} named records");
    let want = |q: &str| -> Vec<usize> {
        exp.names
            .get(&q.to_ascii_lowercase())
            .cloned()
            .unwrap_or_default()
    };
    for n in &exp.distinct_names {
        let mut probes = vec![
            n.clone(),
            n.to_ascii_lowercase(),
            n.to_ascii_uppercase(),
            alternating(n),
            alternating(&n.to_ascii_lowercase().chars().rev().collect::<String>())
                .chars()
                .rev()
                .collect(),
            format!("{n}x"),
            format!("{n}\0"),
            format!(" {n}"),
            format!("{n} "),
        ];
        let mut chars = n.chars();
        chars.next_back();
        probes.push(chars.as_str().to_string());
        for q in probes {
            let got = by_name(&q);
            let len = got.len();
            let got = ix(got);
            let w = want(&q);
            f.check(&|| format!("by_name({q:?})"), len, w.len());
            f.check(&|| format!("by_name({q:?})"), got, w);
        }
    }
    for q in [
        "",
        " ",
        "\0",
        "no-such-service-here",
        "ssh\u{0}",
        "ſsh",
        "ＳＳＨ",
        "é",
    ] {
        f.check(&|| format!("by_name({q:?})"), ix(by_name(q)), want(q));
    }
    let long = "a".repeat(10_000);
    f.check(&|| "by_name(10 KB)".into(), by_name(&long).len(), 0);
    f.finish();
}

#[test]
fn by_port_matches_a_scan() {
    let exp = expected();
    let mut f = Failures::new("by_port/service_name");
    let mut nonempty = 0usize;
    for (pi, p) in Protocol::ALL.iter().enumerate() {
        for port in 0..=u16::MAX {
            let want = &exp.by_port[pi][usize::from(port)];
            let got = by_port(port, *p);
            if got.len() != want.len() {
                f.list.push(format!(
                    "by_port({port}, {p}).len() = {}, expected {}",
                    got.len(),
                    want.len()
                ));
            }
            let mut n = 0;
            let mut same = true;
            for (k, r) in got.enumerate() {
                n += 1;
                same &= want.get(k).is_some_and(|&w| w as usize == r.index());
            }
            if !same || n != want.len() {
                f.list.push(format!(
                    "by_port({port}, {p}) = {:?}, expected {want:?}",
                    ix(by_port(port, *p))
                ));
            }
            nonempty += usize::from(!want.is_empty());
            let want_name = want
                .iter()
                .find_map(|&i| exp.records[i as usize].name.as_deref());
            let got_name = service_name(port, *p);
            if got_name != want_name {
                f.list.push(format!(
                    "service_name({port}, {p}) = {got_name:?}, expected {want_name:?}"
                ));
            }
        }
    }
    println!("{nonempty} (port, protocol) pairs with records");
    assert!(nonempty > 100_000, "{nonempty}");
    f.finish();
}

/// The (name, protocol) pairs whose `port()` is not the first port in
/// registry order but the one netbase's `/etc/services` lists. Written by
/// hand (the crate's table is `build/preferred.rs`).
const PREFERRED: [(&str, Protocol, u16); 1] = [("http-alt", Protocol::Tcp, 8080)];

#[test]
fn port_matches_the_registry() {
    let exp = expected();
    let mut f = Failures::new("port");
    let mut found = 0;
    for n in &exp.distinct_names {
        let group = &exp.names[&n.to_ascii_lowercase()];
        for p in Protocol::ALL {
            let first = group.iter().find_map(|&i| {
                let r = &exp.records[i];
                r.ports
                    .filter(|_| r.protocol.is_none_or(|q| q == p))
                    .map(|(lo, _)| lo)
            });
            // Where /etc/services lists another of the name's ports: that one,
            // when this registry has it on the protocol.
            let preferred = PREFERRED
                .iter()
                .filter(|e| e.0.eq_ignore_ascii_case(n) && e.1 == p)
                .map(|e| e.2)
                .find(|&port| {
                    group.iter().any(|&i| {
                        let r = &exp.records[i];
                        r.protocol == Some(p) && r.ports.map(|x| x.0) == Some(port)
                    })
                });
            let want = preferred.or(first);
            found += usize::from(want.is_some());
            for q in [n.clone(), n.to_ascii_uppercase(), alternating(n)] {
                f.check(&|| format!("port({q:?}, {p})"), port(&q, p), want);
            }
        }
    }
    assert!(found > 10_000, "{found}");
    for p in Protocol::ALL {
        f.check(&|| format!("port(\"\", {p})"), port("", p), None);
        f.check(
            &|| format!("port(nope, {p})"),
            port("no-such-service-here", p),
            None,
        );
    }
    f.finish();
}

#[test]
fn spot_checks() {
    let names: Vec<_> = by_port(80, Protocol::Tcp)
        .filter_map(|r| r.name())
        .collect();
    assert_eq!(names, ["http", "www", "www-http"]);
    assert_eq!(service_name(80, Protocol::Tcp), Some("http"));

    let x11 = by_port(6003, Protocol::Tcp).next().unwrap();
    assert_eq!(x11.name(), Some("x11"));
    assert_eq!(x11.ports().unwrap().to_string(), "6000-6063");

    let vrml = by_port(4250, Protocol::Udp).next().unwrap();
    assert_eq!(vrml.name(), Some("vrml-multi-use"));
    assert_eq!(vrml.protocol(), None);
    assert_eq!(
        vrml.ports().map(|p| (p.start(), p.end())),
        Some((4200, 4299))
    );

    let free: Vec<Record> = by_port(4196, Protocol::Tcp).collect();
    assert_eq!(free.len(), 1, "{free:?}");
    assert_eq!(free[0].name(), None);
    assert_eq!(free[0].protocol(), None);
    assert_eq!(free[0].status(), Status::Unassigned);
    #[cfg(feature = "metadata")]
    assert_eq!(free[0].description(), "Unassigned");
    assert_eq!(
        free[0].ports().map(|p| (p.start(), p.end())),
        Some((4196, 4196))
    );

    let ssh: Vec<_> = by_name("SSH")
        .map(|r| {
            (
                r.name(),
                r.ports().map(|p| (p.start(), p.end())),
                r.protocol(),
            )
        })
        .collect();
    assert_eq!(
        ssh,
        [
            (Some("ssh"), Some((22, 22)), Some(Protocol::Tcp)),
            (Some("ssh"), Some((22, 22)), Some(Protocol::Udp)),
            (Some("ssh"), Some((22, 22)), Some(Protocol::Sctp)),
            (Some("ssh"), None, Some(Protocol::Tcp)),
        ]
    );
    assert_eq!(port("ssh", Protocol::Tcp), Some(22));
    assert_eq!(port("ssh", Protocol::Dccp), None);
}

fn check_iter<I>(what: &str, make: impl Fn() -> I)
where
    I: DoubleEndedIterator + ExactSizeIterator + std::iter::FusedIterator,
    I::Item: PartialEq + std::fmt::Debug,
{
    let fwd: Vec<I::Item> = make().collect();
    assert_eq!(make().len(), fwd.len(), "{what}: len");
    assert_eq!(make().count(), fwd.len(), "{what}: count");
    assert_eq!(make().size_hint(), (fwd.len(), Some(fwd.len())), "{what}");
    let mut rev: Vec<I::Item> = make().rev().collect();
    rev.reverse();
    assert_eq!(rev, fwd, "{what}: rev");
    // Both ends, with len shrinking by one per step.
    let mut it = make();
    let (mut front, mut back) = (Vec::new(), Vec::new());
    let mut from_front = true;
    loop {
        let before = it.len();
        let x = if from_front {
            it.next()
        } else {
            it.next_back()
        };
        match x {
            Some(x) => {
                assert_eq!(it.len(), before - 1, "{what}: len after a step");
                if from_front {
                    front.push(x);
                } else {
                    back.push(x);
                }
            }
            None => break,
        }
        from_front = !from_front;
    }
    back.reverse();
    front.extend(back);
    assert_eq!(front, fwd, "{what}: alternating ends");
    // Fused.
    assert!(it.next().is_none() && it.next_back().is_none() && it.next().is_none());
    assert_eq!(it.len(), 0);
    // nth.
    for k in [
        0,
        1,
        fwd.len() / 2,
        fwd.len().saturating_sub(1),
        fwd.len(),
        fwd.len() + 5,
    ] {
        assert_eq!(
            make().nth(k),
            make().collect::<Vec<_>>().into_iter().nth(k),
            "{what}: nth({k})"
        );
    }
}

#[test]
fn iterators_are_exact_double_ended_fused() {
    check_iter("by_port(80/tcp)", || by_port(80, Protocol::Tcp));
    check_iter("by_port(6003/tcp)", || by_port(6003, Protocol::Tcp));
    check_iter("by_port(60000/tcp)", || by_port(60000, Protocol::Tcp));
    check_iter("by_name(ssh)", || by_name("ssh"));
    check_iter("by_name(http-alt)", || by_name("HTTP-ALT"));
    check_iter("by_name(nothing)", || by_name("no-such-service-here"));
    check_iter("records()", records);
    #[cfg(feature = "metadata")]
    check_metadata_iters();
    // Partially consumed iterators report the rest.
    let mut all = records();
    all.next();
    all.next_back();
    assert_eq!(all.len(), RECORD_COUNT - 2);
}

#[cfg(feature = "metadata")]
fn check_metadata_iters() {
    let mut refs = 0;
    let mut people = 0;
    for r in records() {
        if r.contacts().len() > 1 || r.index() % 997 == 0 {
            check_iter("contacts", || r.contacts());
            people += 1;
            for p in r.contacts() {
                check_iter("uris", || p.uris());
            }
        }
        if r.references().len() > 1 || r.index() % 997 == 0 {
            check_iter("references", || r.references());
            refs += 1;
        }
    }
    assert!(refs > 10 && people > 10, "{refs} {people}");
}

#[test]
fn ports_matches_the_registry() {
    let exp = expected();
    let mut f = Failures::new("ports");
    let (mut several, mut ranges) = (0, 0);
    for n in &exp.distinct_names {
        let group = &exp.names[&n.to_ascii_lowercase()];
        for p in Protocol::ALL {
            let want: Vec<(u16, u16)> = group
                .iter()
                .filter_map(|&i| {
                    let r = &exp.records[i];
                    r.ports.filter(|_| r.protocol.is_none_or(|q| q == p))
                })
                .collect();
            several += usize::from(want.len() > 1);
            ranges += usize::from(want.iter().any(|r| r.0 != r.1));
            for q in [n.clone(), n.to_ascii_uppercase(), alternating(n)] {
                let got: Vec<(u16, u16)> = ports(&q, p)
                    .map(|r: PortRange| (r.start(), r.end()))
                    .collect();
                f.check(&|| format!("ports({q:?}, {p})"), got, want.clone());
                f.check(
                    &|| format!("ports({q:?}, {p}).len()"),
                    ports(&q, p).len(),
                    want.len(),
                );
            }
        }
    }
    // IANA registers about 60 (name, protocol) pairs on several ports.
    assert!(several > 40, "{several}");
    assert!(ranges > 20, "{ranges}");
    for p in Protocol::ALL {
        f.check(&|| format!("ports(\"\", {p})"), ports("", p).len(), 0);
        f.check(
            &|| format!("ports(nope, {p})"),
            ports("no-such-service-here", p).len(),
            0,
        );
    }
    f.finish();
}

#[test]
fn ports_iterator_is_exact_double_ended_fused() {
    check_iter("ports(http-alt/tcp)", || ports("http-alt", Protocol::Tcp));
    check_iter("ports(x11/udp)", || ports("x11", Protocol::Udp));
    // ssh has a port-less tcp record after its port: skipped from both ends.
    check_iter("ports(ssh/tcp)", || ports("ssh", Protocol::Tcp));
    check_iter("ports(ssh/dccp)", || ports("ssh", Protocol::Dccp));
    check_iter("ports(nothing)", || {
        ports("no-such-service-here", Protocol::Tcp)
    });
}
