//! `check-csv`: reads the XML independently of `convert`, flattens every `<record>` back into
//! IANA's 12 CSV columns (following IANA's own XML -> CSV rules) and compares with the CSV.

use std::collections::{BTreeMap, BTreeSet};

use crate::iana_csv::{self, COLUMNS};
use crate::Result;

const NS: &str = "http://www.iana.org/assignments";

/// How many mismatching fields are printed in full.
const SHOW: usize = 20;

pub fn run(args: &[String]) -> Result<()> {
    let [csv_path, xml_path] = args else {
        return Err("usage: check-csv <CSV> <XML>".into());
    };
    let rows = iana_csv::read(csv_path)?;
    let text = std::fs::read_to_string(xml_path).map_err(|e| format!("{xml_path}: {e}"))?;
    let doc = roxmltree::Document::parse(&text).map_err(|e| format!("{xml_path}: {e}"))?;
    let registry = doc.root_element();
    if !is(registry, "registry") || registry.attribute("id") != Some("service-names-port-numbers") {
        return Err(format!(
            "{xml_path}: root is not <registry id=\"service-names-port-numbers\"> in {NS}"
        )
        .into());
    }

    let mut problems = 0usize;
    let mut report = |message: String| {
        if problems < SHOW {
            eprintln!("{message}");
        }
        problems += 1;
    };

    // Every person xref needs a <person> entry.
    let people: BTreeSet<&str> = registry
        .descendants()
        .filter(|n| is(*n, "person"))
        .filter_map(|n| n.attribute("id"))
        .collect();
    let mut stats = Stats::default();
    let mut unknown_people = BTreeMap::<&str, usize>::new();
    for xref in registry.descendants().filter(|n| is(*n, "xref")) {
        let kind = xref.attribute("type").unwrap_or("");
        *stats.xrefs.entry(kind.to_owned()).or_default() += 1;
        if kind == "person" {
            let id = xref.attribute("data").unwrap_or("");
            if !people.contains(id) {
                *unknown_people.entry(id).or_default() += 1;
            }
        }
    }
    if !unknown_people.is_empty() {
        let shown: Vec<String> = unknown_people
            .iter()
            .take(10)
            .map(|(id, n)| format!("{id:?} ({n}x)"))
            .collect();
        report(format!(
            "{} person ids are referenced but have no <person> entry: {}{}",
            unknown_people.len(),
            shown.join(", "),
            if unknown_people.len() > 10 {
                ", ..."
            } else {
                ""
            }
        ));
    }

    // Records.
    let records: Vec<_> = registry
        .descendants()
        .filter(|n| is(*n, "record"))
        .collect();
    if rows.len() != records.len() {
        report(format!(
            "record count differs: CSV has {} rows, XML has {} records",
            rows.len(),
            records.len()
        ));
    }
    let mut mismatched_rows = 0usize;
    let mut mismatched_fields = 0usize;
    for (row, record) in rows.iter().zip(&records) {
        if record.children().any(|n| is(n, "assignee")) {
            stats.assignee_records += 1;
        }
        let flat = flatten(*record);
        let mut row_differs = false;
        for (column, (expected, got)) in row.fields.iter().zip(&flat).enumerate() {
            if expected != got {
                row_differs = true;
                mismatched_fields += 1;
                report(format!(
                    "{} / XML line {}: column {:?}: CSV {expected:?}, XML {got:?}",
                    row.locus(),
                    line(&doc, *record),
                    COLUMNS[column]
                ));
            }
        }
        mismatched_rows += usize::from(row_differs);
    }

    println!(
        "CSV rows: {}, XML records: {} ({} with <assignee>), people: {}",
        rows.len(),
        records.len(),
        stats.assignee_records,
        people.len()
    );
    let xrefs: Vec<String> = stats
        .xrefs
        .iter()
        .map(|(kind, n)| format!("{kind}={n}"))
        .collect();
    println!(
        "xref elements by type (incl. the registry's own): {}",
        xrefs.join(" ")
    );
    println!("mismatches: {mismatched_fields} fields in {mismatched_rows} records");
    if problems > SHOW {
        eprintln!("({} more problems not shown)", problems - SHOW);
    }
    if problems > 0 {
        return Err(format!("{problems} problems").into());
    }
    println!("OK");
    Ok(())
}

#[derive(Default)]
struct Stats {
    assignee_records: usize,
    xrefs: BTreeMap<String, usize>,
}

/// The 12 CSV columns IANA derives from one `<record>`.
fn flatten(record: roxmltree::Node) -> [String; 12] {
    let child_text = |tag: &str| {
        record
            .children()
            .find(|n| is(*n, tag))
            .map(text)
            .unwrap_or_default()
    };
    let person_ids = |parent: roxmltree::Node| -> String {
        parent
            .children()
            .filter(|n| is(*n, "xref") && n.attribute("type") == Some("person"))
            .map(|n| format!("[{}]", n.attribute("data").unwrap_or("")))
            .collect()
    };

    let contact = person_ids(record);
    let assignee = match record.children().find(|n| is(*n, "assignee")) {
        Some(assignee) => person_ids(assignee),
        None => contact.clone(),
    };
    let reference: String = record
        .children()
        .filter(|n| is(*n, "xref") && n.attribute("type") != Some("person"))
        .map(|xref| {
            let data = xref.attribute("data").unwrap_or("");
            let body = text(xref);
            let token = if !body.is_empty() {
                body
            } else if xref.attribute("type") == Some("rfc") {
                format!("RFC{}", data.strip_prefix("rfc").unwrap_or(data))
            } else {
                data.to_owned()
            };
            format!("[{token}]")
        })
        .collect();

    let mut columns: [String; 12] = Default::default();
    columns[iana_csv::NAME] = child_text("name");
    columns[iana_csv::PORT] = child_text("number");
    columns[iana_csv::PROTOCOL] = child_text("protocol");
    columns[iana_csv::DESCRIPTION] = child_text("description");
    columns[iana_csv::ASSIGNEE] = assignee;
    columns[iana_csv::CONTACT] = contact;
    columns[iana_csv::REGISTRATION_DATE] = record.attribute("date").unwrap_or("").to_owned();
    columns[iana_csv::MODIFICATION_DATE] = record.attribute("updated").unwrap_or("").to_owned();
    columns[iana_csv::REFERENCE] = reference;
    columns[iana_csv::SERVICE_CODE] = child_text("sc");
    columns[iana_csv::UNAUTHORIZED] = child_text("unauthorized");
    columns[iana_csv::NOTES] = child_text("note");
    columns
}

/// Is `node` the element `<tag>` in IANA's namespace?
fn is(node: roxmltree::Node, tag: &str) -> bool {
    node.is_element() && node.tag_name().name() == tag && node.tag_name().namespace() == Some(NS)
}

/// All character data inside `node`.
fn text(node: roxmltree::Node) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

fn line(doc: &roxmltree::Document, node: roxmltree::Node) -> u32 {
    doc.text_pos_at(node.range().start).row
}
