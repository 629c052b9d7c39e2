//! Looks up ports and service names as users type them.
//!
//! ```text
//! cargo run --example lookup -- 443/tcp https x11 4250
//! ```
//!
//! Each argument is a [`Query`]: `PORT`, `PORT/PROTO`, `NAME` or
//! `NAME/PROTO`. Every matching record is printed on one line: name (or
//! `(none)`), ports with their class, protocol (or `any`), status and
//! description. Arguments that do not parse are reported on stderr; the
//! exit status is then 1, after every argument has been processed. Without
//! arguments the usage is printed and the exit status is 2.

use std::process::ExitCode;

use iana_ports::{PortClass, PortRange, Query, Record, REGISTRY_UPDATED};

fn usage() -> String {
    format!(
        "usage: lookup QUERY...\n\
         \n\
         QUERY is PORT, PORT/PROTOCOL, NAME or NAME/PROTOCOL, e.g. 443, 443/tcp, https, x11/udp.\n\
         PROTOCOL is tcp, udp, sctp or dccp; names compare case-insensitively.\n\
         Data: IANA service name and port number registry of {REGISTRY_UPDATED}."
    )
}

fn class(c: PortClass) -> &'static str {
    match c {
        PortClass::System => "system",
        PortClass::User => "user",
        PortClass::Dynamic => "dynamic",
    }
}

/// `443 (system)`, `6000-6063 (user)`, `1000-1100 (system, user)`.
fn ports(range: Option<PortRange>) -> String {
    let Some(range) = range else {
        return "no port".to_owned();
    };
    let (first, last) = (PortClass::of(range.start()), PortClass::of(range.end()));
    if first == last {
        format!("{range} ({})", class(first))
    } else {
        format!("{range} ({}-{})", class(first), class(last))
    }
}

/// The description; the `metadata` feature (default) carries it.
#[cfg(feature = "metadata")]
fn description(r: Record) -> &'static str {
    r.description()
}

#[cfg(not(feature = "metadata"))]
fn description(_: Record) -> &'static str {
    "(description: build with the metadata feature)"
}

fn print_record(r: Record) {
    let name = r.name().unwrap_or("(none)");
    let protocol = r.protocol().map_or("any", |p| p.as_str());
    let mut description = description(r).lines();
    println!(
        "  {name:<16} {:<22} {protocol:<5} {:<10} {}",
        ports(r.ports()),
        r.status().as_str(),
        description.next().unwrap_or("")
    );
    // Descriptions with line breaks: continuation lines under the first.
    for line in description {
        println!("  {:<16} {:<22} {:<5} {:<10} {line}", "", "", "", "");
    }
}

fn lookup(query: &Query) {
    let found: Vec<Record> = query.records().collect();
    let plural = if found.len() == 1 { "" } else { "s" };
    println!("{query}: {} record{plural}", found.len());
    if found.is_empty() {
        // Only ports can have none: a name always has a record.
        if let Some(port) = query.port() {
            println!(
                "  the registry has nothing on port {port} ({} port)",
                class(PortClass::of(port))
            );
        }
    }
    for r in found {
        print_record(r);
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        eprintln!("{}", usage());
        return ExitCode::from(2);
    }
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{}", usage());
        return ExitCode::SUCCESS;
    }
    let (mut failed, mut printed) = (false, false);
    for arg in &args {
        match arg.parse::<Query>() {
            Ok(query) => {
                if printed {
                    println!();
                }
                printed = true;
                lookup(&query);
            }
            Err(e) => {
                eprintln!("lookup: {arg:?}: {e}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
