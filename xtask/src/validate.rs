//! `validate`: parses a registry file with the crate's own build-time parser
//! (`build/parse/`, the code `build.rs` runs) and prints what it holds, or
//! the located error that would fail the build.

use std::collections::BTreeMap;

use crate::Result;
use crate::model::{self, Status};

pub fn run(args: &[String]) -> Result<()> {
    let [path] = args else {
        return Err("usage: validate <XML>".into());
    };
    let reg = load(path)?;
    print!("{}", summary(path, &reg));
    Ok(())
}

/// Parses a registry file's bytes as the build does: UTF-8 first (a
/// located error otherwise), then `build/parse/`.
pub fn parse_bytes(path: &str, bytes: &[u8]) -> Result<model::Registry> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let pos = e.valid_up_to();
        let before = &bytes[..pos];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
        format!("{path}:{line}:{column}: the registry is not UTF-8")
    })?;
    Ok(model::parse(path, text)?)
}

/// [`parse_bytes`] on a file.
pub fn load(path: &str) -> Result<model::Registry> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    parse_bytes(path, &bytes)
}

fn summary(path: &str, reg: &model::Registry) -> String {
    use std::fmt::Write;

    let records = &reg.records;
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    line(format!("{path}: OK"));
    line(format!("records:      {}", records.len()));
    line(format!(
        "updated:      {}",
        reg.updated.map_or("-".into(), |d| d.to_string())
    ));

    let mut protocols = String::new();
    for p in model::Protocol::ALL {
        let n = records.iter().filter(|r| r.protocol == Some(p)).count();
        let _ = write!(protocols, "{} {n}, ", p.as_str());
    }
    let none = records.iter().filter(|r| r.protocol.is_none()).count();
    line(format!("protocol:     {protocols}none {none}"));

    let status = |s: Status| records.iter().filter(|r| r.status() == s).count();
    line(format!(
        "status:       assigned {}, reserved {}, unassigned {}",
        status(Status::Assigned),
        status(Status::Reserved),
        status(Status::Unassigned)
    ));

    let ranges = records
        .iter()
        .filter(|r| r.ports.is_some_and(|(a, b)| a < b))
        .count();
    let portless = records.iter().filter(|r| r.ports.is_none()).count();
    let highest = records.iter().filter_map(|r| r.ports.map(|p| p.1)).max();
    line(format!(
        "ports:        {} with a port, {ranges} ranges (a < b), {portless} without a port, highest {}",
        records.len() - portless,
        highest.map_or("-".into(), |p| p.to_string())
    ));

    let mut names: BTreeMap<String, usize> = BTreeMap::new();
    for name in records.iter().filter_map(|r| r.name.as_deref()) {
        *names.entry(name.to_ascii_lowercase()).or_default() += 1;
    }
    line(format!(
        "names:        {} distinct (case-insensitive)",
        names.len()
    ));

    let references: usize = records.iter().map(|r| r.references.len()).sum();
    let contacts: usize = records.iter().map(|r| r.contacts.len()).sum();
    let assignees = records.iter().filter(|r| r.assignee.is_some()).count();
    line(format!(
        "xrefs:        {references} references, {contacts} person xrefs, {assignees} assignees"
    ));
    line(format!(
        "service code: {}, unauthorized: {}, notes: {}",
        records.iter().filter(|r| r.service_code.is_some()).count(),
        records.iter().filter(|r| r.unauthorized.is_some()).count(),
        records.iter().filter(|r| r.note.is_some()).count()
    ));
    line(match &reg.people {
        Some(people) => format!("people:       {}", people.len()),
        None => "people:       no <people> section".into(),
    });
    line(format!("footnotes:    {}", reg.footnotes.len()));
    out
}
