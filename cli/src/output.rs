//! How records are printed, and the `services` and `info` commands.

use std::io::{self, Write};

use iana_ports::{
    Names, Protocol, RECORD_COUNT, REGISTRY_UPDATED, Ranges, Record, ServicesOptions, Status,
    records, write_services_io,
};

use crate::Outcome;
use crate::cli::{Format, RangesArg, ServicesArgs};

/// The width the default view keeps to.
const WIDTH: usize = 80;
/// Narrower than this, a description is not wrapped into its column.
const MIN_DESCRIPTION: usize = 24;

/// One record's columns: name, ports, protocol, status, and the first line
/// of its description.
struct Row {
    cells: [String; 4],
    description: &'static str,
}

impl Row {
    fn new(r: Record) -> Row {
        let ports = r.ports();
        let protocol = match (r.protocol(), ports) {
            (Some(p), _) => p.as_str(),
            // A record without a protocol applies to every transport.
            (None, Some(_)) => "any",
            (None, None) => "-",
        };
        Row {
            cells: [
                r.name().unwrap_or("-").to_owned(),
                ports.map_or_else(|| "-".to_owned(), |p| p.to_string()),
                protocol.to_owned(),
                r.status().as_str().to_owned(),
            ],
            description: r.description().lines().next().unwrap_or("").trim(),
        }
    }
}

/// The widest of each column.
fn widths<'a>(rows: impl IntoIterator<Item = &'a Row>) -> [usize; 4] {
    let mut w = [0; 4];
    for row in rows {
        for (w, cell) in w.iter_mut().zip(&row.cells) {
            *w = (*w).max(cell.chars().count());
        }
    }
    w
}

/// The cells padded to their widths, two spaces apart, then `rest`; no
/// trailing white space.
fn line(indent: &str, row: &Row, w: &[usize; 4], rest: &str) -> String {
    let mut line = indent.to_owned();
    for (cell, w) in row.cells.iter().zip(w) {
        line.push_str(&format!("{cell:<w$}  "));
    }
    line.push_str(rest);
    line.truncate(line.trim_end().len());
    line
}

/// Records in the chosen format. `heading` is the argument they answer;
/// the default view prints it above them and wraps descriptions to 80
/// columns.
pub fn records_out(
    out: &mut impl Write,
    format: Format,
    heading: &str,
    first: bool,
    found: &[Record],
) -> io::Result<()> {
    if format.json {
        for r in found {
            serde_json::to_writer(&mut *out, r)?;
            out.write_all(b"\n")?;
        }
        return Ok(());
    }
    let rows: Vec<Row> = found.iter().map(|&r| Row::new(r)).collect();
    if format.short {
        // Aligned within each argument's records; one line each, unwrapped.
        let w = widths(&rows);
        for row in &rows {
            writeln!(out, "{}", line("", row, &w, row.description))?;
        }
        return Ok(());
    }
    if !first {
        writeln!(out)?;
    }
    let plural = if found.len() == 1 { "" } else { "s" };
    writeln!(out, "{heading}: {} record{plural}", found.len())?;
    let w = widths(&rows);
    let indent = "  ";
    let used = indent.len() + w.iter().map(|w| w + 2).sum::<usize>();
    let room = WIDTH.saturating_sub(used);
    for row in &rows {
        if room < MIN_DESCRIPTION {
            writeln!(out, "{}", line(indent, row, &w, row.description))?;
            continue;
        }
        let mut lines = wrap(row.description, room).into_iter();
        let first = lines.next().unwrap_or_default();
        writeln!(out, "{}", line(indent, row, &w, &first))?;
        for line in lines {
            writeln!(out, "{:used$}{line}", "")?;
        }
    }
    Ok(())
}

/// `text` in lines of at most `width` characters, broken at white space;
/// a longer word gets a line of its own.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in text.split_whitespace() {
        let n = word.chars().count();
        if len > 0 && len + 1 + n > width {
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        line.push_str(word);
        len += n;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `iana-ports services`: write_services, streamed to `out`.
pub fn services(args: &ServicesArgs, out: &mut impl Write) -> io::Result<Outcome> {
    let mut options = ServicesOptions::new()
        .ranges(match args.ranges {
            RangesArg::All => Ranges::EachPort,
            RangesArg::First => Ranges::FirstPort,
        })
        .names(if args.strict {
            Names::Rfc6335
        } else {
            Names::Words
        })
        .descriptions(!args.no_descriptions)
        .header(!args.no_header);
    if !args.protocols.is_empty() {
        options = options.protocols(&args.protocols);
    }
    write_services_io(out, options)?;
    Ok(Outcome::Matched)
}

/// The numbers `info` prints.
struct Counts {
    protocols: [usize; 5],
    statuses: [usize; 3],
    names: usize,
    without_port: usize,
}

fn counts() -> Counts {
    let mut c = Counts {
        protocols: [0; 5],
        statuses: [0; 3],
        names: 0,
        without_port: 0,
    };
    let mut names = std::collections::HashSet::new();
    for r in records() {
        let p = r.protocol().map_or(4, |p| {
            Protocol::ALL.iter().position(|&q| q == p).unwrap_or(4)
        });
        c.protocols[p] += 1;
        c.statuses[match r.status() {
            Status::Assigned => 0,
            Status::Reserved => 1,
            Status::Unassigned => 2,
        }] += 1;
        if let Some(name) = r.name() {
            names.insert(name.to_ascii_lowercase());
        }
        if r.ports().is_none() {
            c.without_port += 1;
        }
    }
    c.names = names.len();
    c
}

const PROTOCOL_LABELS: [&str; 5] = ["tcp", "udp", "sctp", "dccp", "none"];
const STATUS_LABELS: [&str; 3] = ["assigned", "reserved", "unassigned"];

/// `iana-ports info`.
pub fn info(json: bool, out: &mut impl Write) -> io::Result<Outcome> {
    let c = counts();
    if json {
        let protocols: serde_json::Map<_, _> = PROTOCOL_LABELS
            .iter()
            .zip(c.protocols)
            .map(|(k, v)| (k.to_string(), v.into()))
            .collect();
        let statuses: serde_json::Map<_, _> = STATUS_LABELS
            .iter()
            .zip(c.statuses)
            .map(|(k, v)| (k.to_string(), v.into()))
            .collect();
        let value = serde_json::json!({
            "updated": REGISTRY_UPDATED.to_string(),
            "records": RECORD_COUNT,
            "names": c.names,
            "records_without_port": c.without_port,
            "protocols": protocols,
            "statuses": statuses,
        });
        serde_json::to_writer(&mut *out, &value)?;
        out.write_all(b"\n")?;
        return Ok(Outcome::Matched);
    }
    writeln!(
        out,
        "IANA Service Name and Transport Protocol Port Number Registry"
    )?;
    writeln!(out, "updated        {REGISTRY_UPDATED}")?;
    writeln!(out, "records        {RECORD_COUNT:>6}")?;
    writeln!(
        out,
        "names          {:>6}  (distinct service names)",
        c.names
    )?;
    writeln!(
        out,
        "without port   {:>6}  (service-name-only records)",
        c.without_port
    )?;
    writeln!(out)?;
    writeln!(out, "by protocol")?;
    for (label, n) in PROTOCOL_LABELS.iter().zip(c.protocols) {
        writeln!(out, "  {label:<12} {n:>6}")?;
    }
    writeln!(out)?;
    writeln!(out, "by status")?;
    for (label, n) in STATUS_LABELS.iter().zip(c.statuses) {
        writeln!(out, "  {label:<12} {n:>6}")?;
    }
    Ok(Outcome::Matched)
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrap_breaks_at_spaces() {
        assert_eq!(wrap("aa bb cc", 5), ["aa bb", "cc"]);
        assert_eq!(wrap("aaaaaaa b", 5), ["aaaaaaa", "b"]);
        assert_eq!(wrap("", 5), Vec::<String>::new());
        assert_eq!(wrap("  a   b ", 80), ["a b"]);
    }
}
