//! The command line: clap's definitions and its error reporting.

use std::process::ExitCode;

use clap::builder::PossibleValue;
use clap::error::ErrorKind;
use clap::{Arg, ArgAction, ArgMatches};
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

/// What the command line asked for.
#[derive(Debug)]
pub struct Cli {
    /// How records are printed: options for every command.
    pub format: Format,
    /// The default action, `lookup` (empty when a command is given).
    pub lookup: LookupArgs,
    pub command: Option<Command>,
}

#[derive(Debug)]
pub enum Command {
    Lookup(LookupArgs),
    Search(SearchArgs),
    Services(ServicesArgs),
    Info,
}

/// How records are printed. The options are global: they may come before
/// or after the command's name.
#[derive(Debug, Clone, Copy)]
pub struct Format {
    pub short: bool,
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

#[derive(Debug)]
pub struct LookupArgs {
    pub queries: Vec<String>,
}

#[derive(Debug)]
pub struct SearchArgs {
    pub words: Vec<String>,
    pub limit: Option<u64>,
}

/// How port ranges are written in services(5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangesArg {
    All,
    First,
}

#[derive(Debug)]
pub struct ServicesArgs {
    pub protocols: Vec<Protocol>,
    pub strict: bool,
    pub ranges: RangesArg,
    pub no_descriptions: bool,
    pub no_header: bool,
}

/// The command's definition: clap's builder, so that no proc-macro crate
/// (syn and the rest of clap's derive) is compiled before the command:
/// about 10 s of CPU, a third of a newcomer's first `cargo run` on two
/// cores.
pub fn command() -> clap::Command {
    let format = [
        Arg::new("short")
            .short('s')
            .long("short")
            .global(true)
            .conflicts_with("json")
            .action(ArgAction::SetTrue)
            .help("One line per record, without the per-argument headings (lookup, search)"),
        Arg::new("json")
            .long("json")
            .global(true)
            .action(ArgAction::SetTrue)
            .help(
                "JSON Lines: one object per record, with every field (lookup, search); \
                 one object of counts (info)",
            ),
    ];
    let queries = Arg::new("queries")
        .value_name("QUERY")
        .required(true)
        .action(ArgAction::Append)
        .help("PORT, PORT/PROTOCOL, FIRST-LAST, NAME or NAME/PROTOCOL (`--help` for more)")
        .long_help(QUERY_HELP);
    let search = clap::Command::new("search")
        .about("Search service names and descriptions, best match first")
        .arg(
            Arg::new("words")
                .value_name("WORD")
                .required(true)
                .action(ArgAction::Append)
                .help(
                    "Words to look for in service names and descriptions \
                     (case-insensitive); the records are printed best match first",
                ),
        )
        .arg(
            Arg::new("limit")
                .short('n')
                .long("limit")
                .value_name("N")
                .value_parser(clap::value_parser!(u64).range(1..))
                .help("Print at most this many records"),
        );
    let services = clap::Command::new("services")
        .about("Write the registry as a services(5) file (/etc/services) to stdout")
        .arg(
            Arg::new("protocols")
                .long("protocols")
                .value_name("PROTOCOLS")
                .value_delimiter(',')
                .action(ArgAction::Append)
                .value_parser(parse_protocol)
                .help(
                    "Protocols to write, comma-separated [default: tcp,udp,sctp,dccp]. \
                     Use tcp,udp where /etc/protocols lacks sctp or dccp",
                ),
        )
        .arg(
            Arg::new("strict")
                .long("strict")
                .action(ArgAction::SetTrue)
                .help(
                    "Only names that follow RFC 6335's syntax (1-15 letters, digits and hyphens): \
             drops legacy names such as whois++ and sql*net",
                ),
        )
        .arg(
            Arg::new("ranges")
                .long("ranges")
                .value_name("RANGES")
                .value_parser([
                    PossibleValue::new("all")
                        .help("A line for every port of a range, so that 6003/tcp finds x11"),
                    PossibleValue::new("first")
                        .help("A line for the first port of a range only (as iana-etc does)"),
                ])
                .default_value("all")
                .help("How port ranges are written"),
        )
        .arg(
            Arg::new("no_descriptions")
                .long("no-descriptions")
                .action(ArgAction::SetTrue)
                .help("No `# description` comment at the end of each line"),
        )
        .arg(
            Arg::new("no_header")
                .long("no-header")
                .action(ArgAction::SetTrue)
                .help("No comment header naming the registry and its date"),
        );
    clap::Command::new("iana-ports")
        .version(env!("CARGO_PKG_VERSION"))
        .about(
            "IANA's service names and port numbers (RFC 6335), compiled in: what is port \
             5432, which port does redis use, and /etc/services for an image",
        )
        .after_help(AFTER_HELP)
        .override_usage("iana-ports [OPTIONS] <QUERY>...\n       iana-ports [OPTIONS] <COMMAND>")
        .subcommand_negates_reqs(true)
        .arg_required_else_help(true)
        .args(format)
        .arg(queries.clone())
        .subcommand(
            clap::Command::new("lookup")
                .about("Look up ports, port ranges and service names (the default action)")
                .after_help(AFTER_HELP)
                .arg(queries),
        )
        .subcommand(search)
        .subcommand(services)
        .subcommand(
            clap::Command::new("info")
                .about("The registry's date, and its records counted by protocol and status"),
        )
}

impl Cli {
    /// The process's arguments, parsed.
    pub fn try_parse() -> Result<Cli, clap::Error> {
        Cli::from_matches(&command().try_get_matches()?)
    }

    fn from_matches(m: &ArgMatches) -> Result<Cli, clap::Error> {
        let strings = |m: &ArgMatches, id: &str| -> Vec<String> {
            m.get_many::<String>(id)
                .map_or_else(Vec::new, |v| v.cloned().collect())
        };
        let command = match m.subcommand() {
            None => None,
            Some(("lookup", m)) => Some(Command::Lookup(LookupArgs {
                queries: strings(m, "queries"),
            })),
            Some(("search", m)) => Some(Command::Search(SearchArgs {
                words: strings(m, "words"),
                limit: m.get_one::<u64>("limit").copied(),
            })),
            Some(("services", m)) => Some(Command::Services(ServicesArgs {
                protocols: m
                    .get_many::<Protocol>("protocols")
                    .map_or_else(Vec::new, |v| v.copied().collect()),
                strict: m.get_flag("strict"),
                ranges: match m.get_one::<String>("ranges").map(String::as_str) {
                    Some("first") => RangesArg::First,
                    _ => RangesArg::All,
                },
                no_descriptions: m.get_flag("no_descriptions"),
                no_header: m.get_flag("no_header"),
            })),
            Some(("info", _)) => Some(Command::Info),
            Some((other, _)) => {
                return Err(clap::Error::raw(
                    ErrorKind::InvalidSubcommand,
                    format!("unknown command {other}"),
                ));
            }
        };
        Ok(Cli {
            format: Format {
                short: m.get_flag("short"),
                json: m.get_flag("json"),
            },
            lookup: LookupArgs {
                queries: strings(m, "queries"),
            },
            command,
        })
    }
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
    use super::*;

    #[test]
    fn clap_definition_is_consistent() {
        command().debug_assert();
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
