//! `iana-ports info`: its counts against roxmltree's parse of the XML.

use std::collections::HashSet;

use super::{ok, registry_path};

/// Counts from roxmltree's parse of the XML: records, per protocol (tcp,
/// udp, sctp, dccp, none), per status, distinct names, records without a
/// port, and the `<updated>` date.
struct XmlCounts {
    records: usize,
    protocols: [usize; 5],
    statuses: [usize; 3],
    names: usize,
    without_port: usize,
    updated: String,
}

fn xml_counts() -> XmlCounts {
    let text = std::fs::read_to_string(registry_path()).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let root = doc.root_element();
    let mut c = XmlCounts {
        records: 0,
        protocols: [0; 5],
        statuses: [0; 3],
        names: 0,
        without_port: 0,
        updated: root
            .children()
            .find(|n| n.has_tag_name("updated"))
            .and_then(|n| n.text())
            .unwrap()
            .to_owned(),
    };
    let mut names = HashSet::new();
    for r in root.children().filter(|n| n.has_tag_name("record")) {
        c.records += 1;
        let child = |tag: &str| r.children().find(|n| n.has_tag_name(tag));
        let text = |tag: &str| {
            child(tag)
                .and_then(|n| n.text())
                .map(str::trim)
                .unwrap_or("")
        };
        let p = ["tcp", "udp", "sctp", "dccp"]
            .iter()
            .position(|p| *p == text("protocol"))
            .unwrap_or(4);
        c.protocols[p] += 1;
        if child("number").is_none() {
            c.without_port += 1;
        }
        let name = text("name");
        // The crate's documented rule: named is assigned; nameless is
        // unassigned when the description starts with "unassigned" (any
        // case, "(" allowed), else reserved.
        let description: String = child("description")
            .map(|d| d.descendants().filter_map(|n| n.text()).collect())
            .unwrap_or_default();
        let description = description.trim_start().to_ascii_lowercase();
        let status = if !name.is_empty() {
            names.insert(name.to_ascii_lowercase());
            0
        } else if description
            .trim_start_matches('(')
            .starts_with("unassigned")
        {
            2
        } else {
            1
        };
        c.statuses[status] += 1;
    }
    c.names = names.len();
    c
}

#[test]
fn info_counts_match_the_xml() {
    let x = xml_counts();
    let json: serde_json::Value = serde_json::from_str(&ok(&["info", "--json"])).unwrap();
    assert_eq!(json["updated"], x.updated);
    assert_eq!(json["records"], x.records);
    assert_eq!(json["names"], x.names);
    assert_eq!(json["records_without_port"], x.without_port);
    for (i, p) in ["tcp", "udp", "sctp", "dccp", "none"].iter().enumerate() {
        assert_eq!(json["protocols"][p], x.protocols[i], "{p}");
    }
    for (i, s) in ["assigned", "reserved", "unassigned"].iter().enumerate() {
        assert_eq!(json["statuses"][s], x.statuses[i], "{s}");
    }

    let text = ok(&["info"]);
    let value = |label: &str| -> String {
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(label))
            .unwrap_or_else(|| panic!("no {label}: {text}"));
        line.trim_start()[label.len()..]
            .split_whitespace()
            .next()
            .unwrap()
            .to_owned()
    };
    assert_eq!(value("updated"), x.updated);
    assert_eq!(value("records"), x.records.to_string());
    assert_eq!(value("tcp"), x.protocols[0].to_string());
    assert_eq!(value("none"), x.protocols[4].to_string());
    assert_eq!(value("unassigned"), x.statuses[2].to_string());
}
