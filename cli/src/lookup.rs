//! The default action: look up each argument.

use std::io::{self, Write};

use iana_ports::{ParseQueryError, PortClass, Protocol, Query, Record, records};

use crate::Outcome;
use crate::cli::{Format, LookupArgs, SearchArgs};
use crate::output::records_out;

/// What one argument gave.
pub enum Found {
    /// The matching records (at least one).
    Records(Vec<Record>),
    /// Nothing: why, for stderr (exit 1 if no argument matched).
    Nothing(String),
    /// A bad argument: why, for stderr (exit 2).
    Bad(String),
}

/// The records for one argument: a query the library parses, or a port
/// range `FIRST-LAST[/PROTOCOL]`, which the library leaves to its caller.
pub fn find(arg: &str) -> Found {
    match arg.parse::<Query>() {
        Ok(query) => {
            let found: Vec<Record> = query.records().collect();
            if !found.is_empty() {
                return Found::Records(found);
            }
            // Only a port query can find nothing.
            match query.port() {
                Some(port) => Found::Nothing(format!(
                    "no record for port {port} ({} port range {})",
                    class(port),
                    PortClass::of(port).range()
                )),
                None => Found::Nothing("no record".to_owned()),
            }
        }
        Err(ParseQueryError::Range) => range(arg),
        Err(e @ (ParseQueryError::UnknownName { .. } | ParseQueryError::NotOnProtocol)) => {
            Found::Nothing(e.to_string())
        }
        Err(e) => Found::Bad(e.to_string()),
    }
}

fn class(port: u16) -> &'static str {
    match PortClass::of(port) {
        PortClass::System => "system",
        PortClass::User => "user",
        PortClass::Dynamic => "dynamic",
    }
}

/// `FIRST-LAST` or `FIRST-LAST/PROTOCOL`: every record whose ports overlap
/// the range (share at least one port with it), on the protocol if one is
/// given, in registry order.
fn range(arg: &str) -> Found {
    let (span, protocol) = match arg.rsplit_once('/') {
        Some((span, p)) => match p.parse::<Protocol>() {
            Ok(p) => (span, Some(p)),
            Err(e) => return Found::Bad(e.to_string()),
        },
        None => (arg, None),
    };
    let Some((first, last)) = span.split_once('-') else {
        return Found::Bad("expected a port range FIRST-LAST".to_owned());
    };
    let (Ok(first), Ok(last)) = (first.parse::<u16>(), last.parse::<u16>()) else {
        return Found::Bad("port number out of range: ports are 0 to 65535".to_owned());
    };
    if first > last {
        return Found::Bad(format!("empty port range: {first} is above {last}"));
    }
    let found: Vec<Record> = records()
        .filter(|r| {
            r.ports()
                .is_some_and(|p| p.start() <= last && first <= p.end())
                && protocol.is_none_or(|p| r.applies_to(p))
        })
        .collect();
    if found.is_empty() {
        Found::Nothing(format!("no record for ports {first}-{last}"))
    } else {
        Found::Records(found)
    }
}

/// An argument as it is named in messages: as typed, or quoted when it
/// would not be visible as it is.
pub fn shown(arg: &str) -> String {
    if arg.is_empty() || arg.chars().any(|c| c.is_whitespace() || c.is_control()) {
        format!("{arg:?}")
    } else {
        arg.to_owned()
    }
}

/// `iana-ports QUERY...`: every argument in turn, its records on stdout,
/// or why there are none on stderr.
pub fn run(args: &LookupArgs, format: Format, out: &mut impl Write) -> io::Result<Outcome> {
    let (mut matched, mut bad, mut first) = (false, false, true);
    for arg in &args.queries {
        match find(arg) {
            Found::Records(found) => {
                records_out(out, format, arg, first, &found)?;
                matched = true;
                first = false;
            }
            Found::Nothing(why) => note(out, arg, &why)?,
            Found::Bad(why) => {
                note(out, arg, &why)?;
                bad = true;
            }
        }
    }
    Ok(if bad {
        Outcome::Usage
    } else if matched {
        Outcome::Matched
    } else {
        Outcome::NoMatch
    })
}

/// `iana-ports: ARG: WHY` on stderr, after what stdout has so far (so that
/// both stay in argument order on a terminal).
fn note(out: &mut impl Write, arg: &str, why: &str) -> io::Result<()> {
    out.flush()?;
    eprintln!("iana-ports: {}: {why}", shown(arg));
    Ok(())
}

/// `iana-ports search WORD...`: the library's search, best match first;
/// the words are given to it together (a record must match them all).
pub fn search(args: &SearchArgs, format: Format, out: &mut impl Write) -> io::Result<Outcome> {
    let query = args.words.join(" ");
    if query.split_ascii_whitespace().next().is_none() {
        note(out, &query, "nothing to search for")?;
        return Ok(Outcome::Usage);
    }
    let found: Vec<Record> = iana_ports::search(&query)
        .take(
            args.limit
                .map_or(usize::MAX, |n| usize::try_from(n).unwrap_or(usize::MAX)),
        )
        .collect();
    if found.is_empty() {
        note(
            out,
            &query,
            "no record has all these words in its name or description",
        )?;
        return Ok(Outcome::NoMatch);
    }
    records_out(out, format, &format!("search {query}"), true, &found)?;
    Ok(Outcome::Matched)
}
