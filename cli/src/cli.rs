//! The command line: clap's derive definitions and its error reporting.

use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{Args, Parser, Subcommand, ValueEnum};
use iana_ports::Protocol;

const QUERY_HELP: &str = "\
What to look up, each on its own:
  PORT             443: the records of the port on any protocol
  PORT/PROTOCOL    6003/tcp: ranges that hold the port count (x11 is 6000-6063)
  FIRST-LAST       6000-6063: every record whose ports overlap the range
  FIRST-LAST/PROTO 1-1023/sctp
  NAME             SSH: names compare case-insensitively
  NAME/PROTOCOL    x11/udp
PROTOCOL is tcp, udp, sctp or dccp. A record without a protocol applies to all four.";

const AFTER_HELP: &str = "\
Examples:
  iana-ports 443/tcp https x11 4250
  iana-ports --short 6000-6063
  iana-ports --json ssh | jq .description
  iana-ports search redis
  iana-ports services --protocols tcp,udp > /etc/services
  iana-ports info

A service name that is also a command (search, services, help) is looked up
with `iana-ports lookup NAME`.

Exit status: 0 when something matched, 1 when nothing did, 2 on a usage error.";

/// IANA's service names and port numbers (RFC 6335), compiled in: what is
/// port 5432, which port does redis use, and /etc/services for an image.
#[derive(Parser, Debug)]
#[command(
    name = "iana-ports",
    version,
    after_help = AFTER_HELP,
    override_usage = "iana-ports [OPTIONS] <QUERY>...\n       iana-ports [OPTIONS] <COMMAND>",
    subcommand_negates_reqs = true,
    arg_required_else_help = true
)]
pub struct Cli {
    /// How records are printed: options for every command.
    #[command(flatten)]
    pub format: Format,

    /// The default action, `lookup`.
    #[command(flatten)]
    pub lookup: LookupArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Look up ports, port ranges and service names (the default action).
    #[command(after_help = AFTER_HELP)]
    Lookup(LookupArgs),
    /// Search service names and descriptions, best match first.
    Search(SearchArgs),
    /// Write the registry as a services(5) file (/etc/services) to stdout.
    Services(ServicesArgs),
    /// The registry's date, and its records counted by protocol and status.
    Info,
}

/// How records are printed. The options are global: they may come before
/// or after the command's name.
#[derive(Args, Debug, Clone, Copy)]
pub struct Format {
    /// One line per record, without the per-argument headings (lookup,
    /// search).
    #[arg(short, long, global = true, conflicts_with = "json")]
    pub short: bool,

    /// JSON Lines: one object per record, with every field (lookup,
    /// search); one object of counts (info).
    #[arg(long, global = true)]
    pub json: bool,
}

impl Format {
    /// The option given, if any, for commands that take none.
    pub fn given(self) -> Option<&'static str> {
        if self.json {
            Some("--json")
        } else if self.short {
            Some("--short")
        } else {
            None
        }
    }
}

#[derive(Args, Debug)]
pub struct LookupArgs {
    /// PORT, PORT/PROTOCOL, FIRST-LAST, NAME or NAME/PROTOCOL (`--help`
    /// for more)
    #[arg(value_name = "QUERY", required = true, long_help = QUERY_HELP)]
    pub queries: Vec<String>,
}

#[derive(Args, Debug)]
pub struct SearchArgs {
    /// Words to look for in service names and descriptions
    /// (case-insensitive); the records are printed best match first.
    #[arg(value_name = "WORD", required = true)]
    pub words: Vec<String>,

    /// Print at most this many records.
    #[arg(short = 'n', long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub limit: Option<u64>,
}

/// How port ranges are written in services(5).
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangesArg {
    /// A line for every port of a range, so that 6003/tcp finds x11.
    All,
    /// A line for the first port of a range only (as iana-etc does).
    First,
}

#[derive(Args, Debug)]
pub struct ServicesArgs {
    /// Protocols to write, comma-separated [default: tcp,udp,sctp,dccp].
    /// Use tcp,udp where /etc/protocols lacks sctp or dccp.
    #[arg(long, value_name = "PROTOCOLS", value_delimiter = ',', value_parser = parse_protocol)]
    pub protocols: Vec<Protocol>,

    /// Only names that follow RFC 6335's syntax (1-15 letters, digits and
    /// hyphens): drops legacy names such as whois++ and sql*net.
    #[arg(long)]
    pub strict: bool,

    /// How port ranges are written.
    #[arg(long, value_enum, default_value_t = RangesArg::All)]
    pub ranges: RangesArg,

    /// No `# description` comment at the end of each line.
    #[arg(long)]
    pub no_descriptions: bool,

    /// No comment header naming the registry and its date.
    #[arg(long)]
    pub no_header: bool,
}

fn parse_protocol(s: &str) -> Result<Protocol, String> {
    s.parse::<Protocol>()
        .map_err(|_| "expected tcp, udp, sctp or dccp".to_owned())
}

/// Prints clap's help or version on stdout (exit 0), or its error as one
/// line on stderr (exit 2).
pub fn report_clap_error(e: &clap::Error) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // Help on stdout; a closed stdout is no error worth a word.
            let _ = e.print();
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::from(2)
        }
        _ => {
            eprintln!("iana-ports: {}", one_line(&e.render().to_string()));
            ExitCode::from(2)
        }
    }
}

/// clap's message ("error: ...", "  tip: ...", "Usage: ...") on one line:
/// the error and its tips, then where to read more.
fn one_line(message: &str) -> String {
    // The first paragraph is the error (with the missing arguments, when
    // clap lists them on the lines below it); tips follow in their own.
    let mut paragraphs = message.split("\n\n");
    let error: Vec<&str> = paragraphs
        .next()
        .unwrap_or("")
        .lines()
        .map(str::trim)
        .collect();
    let error = error.join(" ");
    let mut parts = vec![error.strip_prefix("error: ").unwrap_or(&error)];
    parts.extend(
        paragraphs
            .flat_map(str::lines)
            .map(str::trim)
            .filter(|l| l.starts_with("tip: ")),
    );
    format!("{}; see 'iana-ports --help'", parts.join("; "))
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn one_line_keeps_error_and_tips() {
        let message = "error: unexpected argument '--jsn' found\n\n  \
                       tip: a similar argument exists: '--json'\n\n\
                       Usage: iana-ports [OPTIONS] <QUERY>...\n\n\
                       For more information, try '--help'.\n";
        assert_eq!(
            one_line(message),
            "unexpected argument '--jsn' found; tip: a similar argument exists: '--json'; \
             see 'iana-ports --help'"
        );
        let message = "error: the following required arguments were not provided:\n  \
                       <WORD>...\n\nUsage: iana-ports search <WORD>...\n";
        assert_eq!(
            one_line(message),
            "the following required arguments were not provided: <WORD>...; \
             see 'iana-ports --help'"
        );
    }
}
