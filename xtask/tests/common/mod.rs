//! Shared by the xtask tests: IANA's real files in `../shared/iana/` (run by
//! tests/common/shared.rs's libtest-mimic trials), and an
//! independent reading of registry files with roxmltree.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::{Command, Output};

/// The trials of the tests that need `../shared`, shared with the
/// library's tests.
#[path = "../../../tests/common/shared.rs"]
pub mod harness;

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// `../shared/iana/NAME` beside the repository (it may be absent: the
/// tests that need it are trials made with [`harness::needs`]).
pub fn shared(name: &str) -> PathBuf {
    repo_root().join("../shared/iana").join(name)
}

pub fn xtask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .output()
        .expect("run xtask")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

pub const PROTOCOLS: [&str; 4] = ["tcp", "udp", "sctp", "dccp"];

/// One `<record>`, read independently of build/model.rs.
#[derive(Clone, Debug)]
pub struct Rec {
    pub name: Option<String>,
    pub protocol: Option<String>,
    pub ports: Option<(u16, u16)>,
    /// Everything else, canonically serialised, for "did it change".
    pub rest: String,
}

impl Rec {
    /// (lower-cased name, protocol, ports).
    pub fn key(&self) -> (Option<String>, Option<String>, Option<(u16, u16)>) {
        (
            self.name.as_ref().map(|n| n.to_ascii_lowercase()),
            self.protocol.clone(),
            self.ports,
        )
    }

    pub fn applies_to(&self, p: &str) -> bool {
        self.protocol.as_deref().is_none_or(|q| q == p)
    }
}

pub struct Reg {
    pub updated: String,
    pub records: Vec<Rec>,
    /// id -> canonical serialisation of the `<person>`.
    pub people: HashMap<String, String>,
    pub footnotes: HashMap<String, String>,
}

fn collapse(s: &str) -> String {
    s.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// An element as text: tag, sorted attributes, children in order, text
/// with white space runs collapsed.
fn canon(n: roxmltree::Node) -> String {
    let mut s = format!("<{}", n.tag_name().name());
    let mut attrs: Vec<_> = n.attributes().map(|a| (a.name(), a.value())).collect();
    attrs.sort();
    for (k, v) in attrs {
        s += &format!(" {k}={v:?}");
    }
    s.push('>');
    for c in n.children() {
        if c.is_element() {
            s += &canon(c);
        } else if let Some(t) = c.text() {
            let t = collapse(t);
            if !t.is_empty() {
                s += &t;
                s.push(' ');
            }
        }
    }
    s
}

/// Mixed content (`<description>`, `<note>`, `<unauthorized>`) as the
/// registry's format document renders it: `<br/>` a line break,
/// `<paragraph>` its own line(s), white space in text (line breaks too)
/// a space, an `<xref>` its body or else `[id]`
/// (`[RFC123]` for an rfc); then white space collapsed per line, empty
/// lines at either end dropped.
fn render(n: roxmltree::Node) -> String {
    fn into(n: roxmltree::Node, raw: &mut String) {
        for c in n.children() {
            if let Some(t) = c.is_text().then(|| c.text()).flatten() {
                // A line break in the text is white space, not a break.
                raw.extend(
                    t.chars()
                        .map(|ch| if ch.is_ascii_whitespace() { ' ' } else { ch }),
                );
            } else if c.is_element() {
                match c.tag_name().name() {
                    "br" => raw.push('\n'),
                    "paragraph" => {
                        raw.push('\n');
                        into(c, raw);
                        raw.push('\n');
                    }
                    "xref" => {
                        let body = render(c);
                        let data = c.attribute("data").unwrap_or("");
                        if !body.is_empty() {
                            raw.push_str(&body);
                        } else if c.attribute("type") == Some("rfc") {
                            raw.push_str(&format!("[{}]", data.to_ascii_uppercase()));
                        } else if matches!(c.attribute("type"), Some("person" | "note")) {
                            raw.push_str(&format!("[{data}]"));
                        } else {
                            raw.push_str(data);
                        }
                    }
                    other => panic!("<{other}> in mixed content"),
                }
            }
        }
    }
    let mut raw = String::new();
    into(n, &mut raw);
    let lines: Vec<String> = raw.split('\n').map(collapse).collect();
    let first = lines.iter().position(|l| !l.is_empty());
    let last = lines.iter().rposition(|l| !l.is_empty());
    match (first, last) {
        (Some(a), Some(b)) => lines[a..=b].join("\n"),
        _ => String::new(),
    }
}

fn ports(t: &str) -> (u16, u16) {
    match t.split_once('-') {
        Some((a, b)) => (a.trim().parse().unwrap(), b.trim().parse().unwrap()),
        None => {
            let p = t.trim().parse().unwrap();
            (p, p)
        }
    }
}

pub fn read(path: &std::path::Path) -> Reg {
    let text = std::fs::read_to_string(path).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let mut reg = Reg {
        updated: String::new(),
        records: Vec::new(),
        people: HashMap::new(),
        footnotes: HashMap::new(),
    };
    for el in doc.root_element().children().filter(|n| n.is_element()) {
        match el.tag_name().name() {
            "updated" => reg.updated = el.text().unwrap_or("").trim().to_string(),
            "footnote" => {
                reg.footnotes
                    .insert(el.attribute("anchor").unwrap_or("").to_string(), canon(el));
            }
            "people" => {
                for p in el.children().filter(|n| n.is_element()) {
                    reg.people
                        .insert(p.attribute("id").unwrap().to_string(), canon(p));
                }
            }
            "record" => {
                let mut r = Rec {
                    name: None,
                    protocol: None,
                    ports: None,
                    rest: String::new(),
                };
                let mut rest: Vec<(usize, String)> = Vec::new();
                for (i, tag) in ["date", "updated"].iter().enumerate() {
                    rest.push((i, format!("{tag}={:?}", el.attribute(*tag))));
                }
                // Children in document order, grouped by kind: the registry
                // writes them in any order; what matters is the order of
                // the person xrefs among themselves (the contacts) and of
                // the other xrefs among themselves (the references).
                let group = |c: roxmltree::Node| match c.tag_name().name() {
                    "description" => 10,
                    "assignee" => 11,
                    "xref" if c.attribute("type") == Some("person") => 12,
                    "xref" => 13,
                    "note" => 14,
                    "unauthorized" => 15,
                    "sc" => 16,
                    other => panic!("<{other}> in <record>"),
                };
                for c in el.children().filter(|n| n.is_element()) {
                    let t = collapse(c.text().unwrap_or(""));
                    match c.tag_name().name() {
                        "name" => {
                            // `<name/>` is no name, as an absent one.
                            r.name = (!t.is_empty()).then_some(t.clone());
                            if !t.is_empty() {
                                rest.push((2, format!("name={t:?}")));
                            }
                        }
                        tag @ ("description" | "note" | "unauthorized") => {
                            // An empty `<note/>` is no note.
                            let t = render(c);
                            if tag == "description" || !t.is_empty() {
                                rest.push((group(c), format!("<{tag}>{t:?}")));
                            }
                        }
                        "protocol" => r.protocol = (!t.is_empty()).then_some(t),
                        "number" => r.ports = (!t.is_empty()).then(|| ports(&t)),
                        _ => rest.push((group(c), canon(c))),
                    }
                }
                rest.sort_by_key(|(g, _)| *g); // stable: keeps document order within a group
                r.rest = rest
                    .into_iter()
                    .map(|(_, s)| s)
                    .collect::<Vec<_>>()
                    .join("|");
                reg.records.push(r);
            }
            _ => {}
        }
    }
    reg
}
