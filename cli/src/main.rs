//! `iana-ports`: IANA's service name and port number registry (RFC 6335)
//! on the command line, built on the `iana-ports` library.
//!
//! Exit status, as grep's: 0 when something matched, 1 when nothing did,
//! 2 on a usage error (a bad argument, a bad option) or an output error.

#![forbid(unsafe_code)]

mod cli;
mod lookup;
mod output;

use std::io::{self, Write};
use std::process::ExitCode;

use crate::cli::{Cli, Command};

/// What a command found, for the exit status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Something matched: exit 0.
    Matched,
    /// Nothing matched: exit 1.
    NoMatch,
    /// A bad argument: exit 2 (reported on stderr already).
    Usage,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return cli::report_clap_error(&e),
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let format = cli.format;
    let result = match cli.command {
        Some(Command::Lookup(args)) => lookup::run(&args, format, &mut out),
        None => lookup::run(&cli.lookup, format, &mut out),
        Some(Command::Search(args)) => lookup::search(&args, format, &mut out),
        Some(Command::Services(args)) => match format.given() {
            Some(option) => Ok(not_for(option, "services")),
            None => output::services(&args, &mut out),
        },
        Some(Command::Info) if format.short => Ok(not_for("--short", "info")),
        Some(Command::Info) => output::info(format.json, &mut out),
    };
    match result.and_then(|outcome| out.flush().map(|()| outcome)) {
        Ok(Outcome::Matched) => ExitCode::SUCCESS,
        Ok(Outcome::NoMatch) => ExitCode::from(1),
        Ok(Outcome::Usage) => ExitCode::from(2),
        // `iana-ports services | head`: the reader is gone, nothing to say.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("iana-ports: error writing to standard output: {e}");
            ExitCode::from(2)
        }
    }
}

/// A global option given to a command it does not apply to.
fn not_for(option: &str, command: &str) -> Outcome {
    eprintln!(
        "iana-ports: {option}: not an option of {command}; see 'iana-ports {command} --help'"
    );
    Outcome::Usage
}
