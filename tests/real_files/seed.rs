//! The crate against an excerpt of IANA's own rendering of the 2025-08-15
//! registry (`../shared/seed/registry-excerpt-2025-08-15.txt`).
//!
//! The excerpt is IANA's table as text: one row per record, cells separated
//! by `|`, with the empty cells of a row moved to its end (so only the
//! sequence of non-empty cells is known) and long notes wrapped onto a
//! continuation line. A row is checked by writing the record's twelve CSV
//! cells from the crate's accessors, as IANA's CSV export writes them,
//! dropping the empty ones, and comparing the sequence with the row (white
//! space runs compared as one space; `|` counted).
//!
//! The rows are only comparable when the crate was built from that same
//! registry: `IANA_PORTS_REGISTRY=/…/service-names-port-numbers.2025-08-15.xml`.
//! Otherwise that check is reported as ignored; so are both without
//! `../shared` (a user's clone), and without the `metadata` feature, which
//! the cells need.

use std::collections::HashSet;

use iana_ports::{Protocol, REGISTRY_UPDATED, Record, Reference, by_name, by_port};

pub const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/seed/registry-excerpt-2025-08-15.txt"
);
const SEED_FILE_OF: &str = "service-names-port-numbers.2025-08-15.xml";
const COLUMNS: usize = 12;
const HEADER: &str = "Service Name | Port Number | Transport Protocol | Description | \
    Assignee | Contact | Registration Date | Modification Date | Reference | Service Code | \
    Unauthorized Use Reported | Assignment Notes |";

/// One data row of the excerpt, continuation lines joined.
struct Row {
    line: usize,
    text: String,
    /// The excerpt's last row, cut short (fewer than 12 `|`, no newline):
    /// only a prefix of its cells is known.
    truncated: bool,
    /// Whether the row continued on a second line.
    wrapped: bool,
}

/// The excerpt's data rows.
fn seed_rows() -> Vec<Row> {
    let text = std::fs::read_to_string(SEED).expect("read the seed excerpt");
    let lines: Vec<&str> = text.lines().collect();
    let header = lines
        .iter()
        .position(|l| l.trim() == HEADER)
        .expect("the excerpt has the 12-column header");
    assert!(
        lines[..header]
            .windows(2)
            .any(|w| w[0].trim() == "- Last Updated" && w[1].trim() == "- 2025-08-15"),
        "the excerpt says it is the registry of 2025-08-15"
    );
    assert!(
        lines[header + 1].starts_with("---|"),
        "separator after the header"
    );
    let mut rows: Vec<Row> = Vec::new();
    for (i, l) in lines.iter().enumerate().skip(header + 2) {
        if l.trim().is_empty() {
            continue;
        }
        if l.starts_with('|') {
            // A wrapped row: the rest of the previous one.
            let last = rows.last_mut().expect("continuation of a row");
            last.wrapped = true;
            last.text.push(' ');
            last.text.push_str(l);
        } else {
            rows.push(Row {
                line: i + 1,
                text: l.to_string(),
                truncated: false,
                wrapped: false,
            });
        }
    }
    if let Some(last) = rows.last_mut() {
        last.truncated = !text.ends_with('\n') && last.text.matches('|').count() < COLUMNS;
    }
    rows
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A row or a rendering without the trailing run of empty cells.
fn core(s: &str) -> String {
    collapse(s.trim_end_matches(|c: char| c == '|' || c.is_whitespace()))
}

fn is_ports(s: &str) -> bool {
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    match s.split_once('-') {
        Some((a, b)) => digits(a) && digits(b),
        None => digits(s),
    }
}

fn ports_of(s: &str) -> (u16, u16) {
    match s.split_once('-') {
        Some((a, b)) => (a.parse().unwrap(), b.parse().unwrap()),
        None => (s.parse().unwrap(), s.parse().unwrap()),
    }
}

/// What identifies a row's record: its leading name, port and protocol cells
/// (these never contain `|`).
#[derive(Debug)]
struct Key {
    name: Option<String>,
    ports: Option<(u16, u16)>,
    protocol: Option<Protocol>,
}

fn key_of(row: &str) -> Key {
    let mut cells = row.split(" | ").map(str::trim);
    let first = cells.next().unwrap_or("");
    let (name, mut next) = if is_ports(first) {
        (None, Some(first))
    } else {
        (Some(first.to_string()), cells.next())
    };
    let ports = match next {
        Some(c) if is_ports(c) => {
            next = cells.next();
            Some(ports_of(c))
        }
        _ => None,
    };
    let protocol = next.and_then(Protocol::from_name);
    Key {
        name,
        ports,
        protocol,
    }
}

fn bracketed<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    ids.map(|id| format!("[{id}]")).collect()
}

/// The record's twelve cells as IANA's CSV writes them.
fn csv_cells(r: Record) -> [String; COLUMNS] {
    let contacts = bracketed(r.contacts().map(|p| p.id()));
    let assignee = match r.assignee() {
        Some(a) => format!("[{}]", a.id()),
        None => contacts.clone(),
    };
    let references = r
        .references()
        .map(|x| match x {
            Reference::Rfc { number, .. } => format!("[RFC{number}]"),
            Reference::Uri { uri, .. } => format!("[{uri}]"),
            Reference::Draft { name, .. } => format!("[{name}]"),
            Reference::Text(t) => format!("[{t}]"),
            Reference::Note { anchor, .. } => format!("[{anchor}]"),
        })
        .collect();
    let opt = |s: Option<String>| s.unwrap_or_default();
    [
        opt(r.name().map(str::to_string)),
        opt(r.ports().map(|p| p.to_string())),
        opt(r.protocol().map(|p| p.as_str().to_string())),
        r.description().to_string(),
        assignee,
        contacts,
        opt(r.registered().map(|d| d.to_string())),
        opt(r.modified().map(|d| d.to_string())),
        references,
        opt(r.service_code().map(|c| c.to_string())),
        opt(r.unauthorized().map(str::to_string)),
        opt(r.note().map(str::to_string)),
    ]
}

/// The row as the excerpt would show `r`, and its number of `|`.
fn rendering(r: Record) -> (String, usize) {
    let cells = csv_cells(r);
    let inner_pipes: usize = cells.iter().map(|c| c.matches('|').count()).sum();
    let shown: Vec<&str> = cells
        .iter()
        .map(String::as_str)
        .filter(|c| !c.trim().is_empty())
        .collect();
    (shown.join(" | "), COLUMNS + inner_pipes)
}

fn candidates(k: &Key) -> Vec<Record> {
    let same = |r: &Record| {
        r.name().map(str::to_string) == k.name
            && r.protocol() == k.protocol
            && r.ports().map(|p| (p.start(), p.end())) == k.ports
    };
    match (k.ports, &k.name) {
        (Some((lo, _)), _) => by_port(lo, k.protocol.unwrap_or(Protocol::Tcp))
            .filter(same)
            .collect(),
        (None, Some(n)) => by_name(n).filter(same).collect(),
        (None, None) => Vec::new(),
    }
}

/// The reader of the excerpt itself; runs whatever the build.
pub fn seed_excerpt_is_readable() {
    let rows = seed_rows();
    assert!(rows.len() > 90, "{} rows", rows.len());
    let mut named = 0;
    for row in &rows {
        let k = key_of(&row.text);
        assert!(
            k.ports.is_some() || k.name.is_some(),
            "line {}: no name and no port in {:?}",
            row.line,
            row.text
        );
        named += usize::from(k.name.is_some());
        assert!(
            row.truncated || row.text.matches('|').count() >= COLUMNS,
            "line {}",
            row.line
        );
    }
    assert!(named > 50 && named < rows.len(), "{named} named rows");
    let wrapped = rows.iter().filter(|r| r.wrapped).count();
    println!(
        "seed excerpt: {} rows ({named} named, {wrapped} wrapped)",
        rows.len()
    );
}

/// `Ok` when the crate was built from the registry the excerpt shows, else
/// why the row check cannot run.
pub fn built_from_the_seed_registry() -> Result<(), String> {
    let built_from = option_env!("IANA_PORTS_REGISTRY").unwrap_or("");
    if built_from.ends_with(SEED_FILE_OF) {
        return Ok(());
    }
    Err(format!(
        "needs the crate built with IANA_PORTS_REGISTRY=/…/{SEED_FILE_OF}; this build: {}",
        if built_from.is_empty() {
            "registry.xml"
        } else {
            built_from
        }
    ))
}

/// Every row against the crate built from the 2025-08-15 registry.
pub fn seed_rows_match_the_2025_08_15_build() {
    let rows = seed_rows();
    assert_eq!(REGISTRY_UPDATED.to_string(), "2025-08-15");

    let mut used = HashSet::new();
    let mut failures = Vec::new();
    let mut checked = 0;
    for row in &rows {
        let k = key_of(&row.text);
        let want = core(&row.text);
        let want_pipes = row.text.matches('|').count();
        let cands = candidates(&k);
        let hit = cands.iter().find(|&&r| {
            let (got, pipes) = rendering(r);
            let got = core(&got);
            let same = if row.truncated {
                // Cut at a cell boundary: the known cells are a prefix.
                got == want || got.starts_with(&format!("{want} | "))
            } else {
                got == want && pipes == want_pipes
            };
            same && !used.contains(&r.index())
        });
        match hit {
            Some(r) => {
                used.insert(r.index());
                checked += 1;
            }
            None => {
                let shown: Vec<String> = cands
                    .iter()
                    .map(|&r| {
                        let (got, pipes) = rendering(r);
                        format!("record {} ({pipes} pipes): {:?}", r.index(), core(&got))
                    })
                    .collect();
                failures.push(format!(
                    "line {}: {k:?}\n  row ({want_pipes} pipes): {want:?}\n  crate: {shown:#?}",
                    row.line
                ));
            }
        }
    }
    let cut = rows.iter().filter(|r| r.truncated).count();
    println!(
        "seed: {checked} of {} rows of the 2025-08-15 excerpt checked ({cut} cut short, \
         compared as a prefix)",
        rows.len()
    );
    for f in &failures {
        eprintln!("{f}");
    }
    assert!(failures.is_empty(), "{} rows differ", failures.len());
    assert_eq!(checked, rows.len());
}
