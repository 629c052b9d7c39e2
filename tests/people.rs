//! People: `Person::id`, `name`, `org`, `uris`, `updated` (and, with the
//! `serde` feature, their JSON) against the registry's own `<people>`
//! section, read independently with roxmltree.
//!
//! The shipped registry (IANA's XML of 2026-08-17) gives names and
//! organisations, which the CSV-converted data of 2024 lacked; this test
//! fails if they are dropped, mixed up or attached to the wrong record.
#![cfg(feature = "metadata")]

use std::collections::{BTreeSet, HashMap};

use iana_ports::{Person, records};

mod common;
use common::registry::{registry_path, shipped};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct XmlPerson {
    name: Option<String>,
    org: Option<String>,
    uris: Vec<String>,
    updated: Option<String>,
}

struct Xml {
    /// `None` when the file has no `<people>`.
    people: Option<HashMap<String, XmlPerson>>,
    /// Per record, in file order: (name, assignee id, contact ids).
    records: Vec<(Option<String>, Option<String>, Vec<String>)>,
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text_of(n: roxmltree::Node) -> String {
    collapse(
        &n.descendants()
            .filter(|d| d.is_text())
            .filter_map(|d| d.text())
            .collect::<String>(),
    )
}

fn elements<'a, 'i>(n: roxmltree::Node<'a, 'i>) -> impl Iterator<Item = roxmltree::Node<'a, 'i>> {
    n.children().filter(|c| c.is_element())
}

fn load() -> Xml {
    let path = registry_path();
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: cannot read: {e}", path.display()));
    let doc = roxmltree::Document::parse(&text)
        .unwrap_or_else(|e| panic!("{}: roxmltree: {e}", path.display()));
    let mut xml = Xml {
        people: None,
        records: Vec::new(),
    };
    for el in elements(doc.root_element()) {
        match el.tag_name().name() {
            "people" => {
                let mut map = HashMap::new();
                for p in elements(el) {
                    let id = p.attribute("id").expect("person id").to_string();
                    let mut person = XmlPerson::default();
                    for f in elements(p) {
                        let v = text_of(f);
                        let v = (!v.is_empty()).then_some(v);
                        match f.tag_name().name() {
                            "name" => person.name = v,
                            "org" => person.org = v,
                            "uri" => person.uris.extend(v),
                            "updated" => person.updated = v,
                            other => panic!("<{other}> in <person id={id:?}>"),
                        }
                    }
                    assert!(map.insert(id.clone(), person).is_none(), "{id} twice");
                }
                xml.people = Some(map);
            }
            "record" => {
                let mut name = None;
                let mut assignee = None;
                let mut contacts = Vec::new();
                for c in elements(el) {
                    match c.tag_name().name() {
                        "name" => name = Some(text_of(c)).filter(|n| !n.is_empty()),
                        "assignee" => {
                            assignee = elements(c)
                                .find(|x| x.attribute("type") == Some("person"))
                                .and_then(|x| x.attribute("data"))
                                .map(str::to_string);
                        }
                        "xref" if c.attribute("type") == Some("person") => {
                            contacts.push(c.attribute("data").expect("data").to_string());
                        }
                        _ => {}
                    }
                }
                xml.records.push((name, assignee, contacts));
            }
            _ => {}
        }
    }
    xml
}

fn crate_person(p: Person) -> XmlPerson {
    XmlPerson {
        name: p.name().map(str::to_string),
        org: p.org().map(str::to_string),
        uris: p.uris().map(str::to_string).collect(),
        updated: p.updated().map(|d| d.to_string()),
    }
}

#[test]
fn people_match_the_xml() {
    let xml = load();
    let crate_records: Vec<_> = records().collect();
    assert_eq!(crate_records.len(), xml.records.len());
    let people = xml.people.as_ref();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut failures = Vec::new();
    for (r, (name, assignee, contacts)) in crate_records.iter().zip(&xml.records) {
        assert_eq!(r.name(), name.as_deref(), "record {}", r.index());
        let got_ids: Vec<&str> = r.contacts().map(Person::id).collect();
        assert_eq!(got_ids, *contacts, "record {} contacts", r.index());
        assert_eq!(
            r.assignee().map(Person::id),
            assignee.as_deref(),
            "record {} assignee",
            r.index()
        );
        for p in r.assignee().into_iter().chain(r.contacts()) {
            seen.insert(p.id().to_string());
            let want = people
                .and_then(|m| m.get(p.id()).cloned())
                .unwrap_or_default();
            let got = crate_person(p);
            if got != want {
                failures.push(format!(
                    "record {} person {}: crate {got:?}, xml {want:?}",
                    r.index(),
                    p.id()
                ));
            }
        }
    }
    for f in failures.iter().take(20) {
        eprintln!("{f}");
    }
    assert!(failures.is_empty(), "{} people differ", failures.len());

    // Counts among the people the records reference, from the XML alone.
    let referenced: BTreeSet<String> = xml
        .records
        .iter()
        .flat_map(|(_, a, c)| a.iter().chain(c))
        .cloned()
        .collect();
    assert_eq!(seen, referenced);
    let count = |f: &dyn Fn(&XmlPerson) -> bool| {
        referenced
            .iter()
            .filter(|id| people.and_then(|m| m.get(*id)).is_some_and(f))
            .count()
    };
    let named = count(&|p| p.name.is_some());
    let with_org = count(&|p| p.org.is_some());
    println!(
        "{} people referenced, {named} with a name, {with_org} with an organisation",
        referenced.len()
    );
    if shipped() {
        // IANA's file of 2026-08-17 has names and organisations.
        assert!(named > 4_000, "{named} named people");
        assert!(with_org > 500, "{with_org} organisations");
    }
}

#[test]
fn known_people() {
    if !shipped() {
        println!("note: built from another registry; the shipped file's people are not checked");
        return;
    }
    // Checked with grep in registry.xml (2026-08-17):
    //   <person id="Jon_Postel"><name>Jon Postel</name><uri>mailto:postel&amp;isi.edu</uri>
    //   <person id="_3GPP"><org>3GPP</org><uri>mailto:dongwook.kim&amp;etsi.org</uri>
    //     <updated>2026-01-23</updated>   (assignee of 3gpp-monp)
    let echo = iana_ports::by_name("echo").next().unwrap();
    let postel = echo.contacts().next().unwrap();
    assert_eq!(postel.id(), "Jon_Postel");
    assert_eq!(postel.name(), Some("Jon Postel"));
    assert_eq!(postel.org(), None);
    assert_eq!(postel.uri(), Some("mailto:postel&isi.edu"));
    assert_eq!(postel.updated(), None);

    let monp = iana_ports::by_name("3gpp-monp").next().unwrap();
    let gpp = monp.assignee().unwrap();
    assert_eq!(gpp.id(), "_3GPP");
    assert_eq!(gpp.name(), None);
    assert_eq!(gpp.org(), Some("3GPP"));
    assert_eq!(gpp.uri(), Some("mailto:dongwook.kim&etsi.org"));
    assert_eq!(gpp.updated().unwrap().to_string(), "2026-01-23");
}

/// The JSON of every referenced person, and of every record's `assignee`
/// and `contacts`, built from the XML (not from the crate's accessors).
#[cfg(feature = "serde")]
#[test]
fn serde_people_match_the_xml() {
    use serde_json::{Value, json};

    let xml = load();
    let people = xml.people.as_ref();
    let json_of = |id: &str| -> Value {
        let p = people.and_then(|m| m.get(id).cloned()).unwrap_or_default();
        json!({
            "id": id,
            "name": p.name,
            "org": p.org,
            "uris": p.uris,
            "updated": p.updated,
        })
    };
    let mut checked = 0;
    for (r, (_, assignee, contacts)) in records().zip(&xml.records) {
        let v = serde_json::to_value(r).unwrap();
        let want_contacts: Vec<Value> = contacts.iter().map(|id| json_of(id)).collect();
        assert_eq!(
            v["contacts"],
            Value::Array(want_contacts),
            "record {}",
            r.index()
        );
        let want_assignee = assignee.as_deref().map_or(Value::Null, json_of);
        assert_eq!(v["assignee"], want_assignee, "record {}", r.index());
        for p in r.contacts() {
            assert_eq!(serde_json::to_value(p).unwrap(), json_of(p.id()));
            checked += 1;
        }
    }
    assert!(checked > 0);
    if shipped() {
        let echo = iana_ports::by_name("echo").next().unwrap();
        let v = serde_json::to_value(echo).unwrap();
        assert_eq!(
            v["contacts"],
            json!([{"id": "Jon_Postel", "name": "Jon Postel", "org": null,
                    "uris": ["mailto:postel&isi.edu"], "updated": null}])
        );
    }
}
