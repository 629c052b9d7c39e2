//! Maintainer tasks for `iana-ports`.
//!
//! ```text
//! cargo run -p xtask -- validate <XML>
//! cargo run -p xtask -- diff <OLD.xml> <NEW.xml> [--markdown]
//! cargo run -p xtask -- update [--from URL_OR_FILE] [--force] [--root DIR] [--timeout SECS]
//! ```

mod diff;
mod update;
mod validate;

// The build's own parser, shared with build.rs. The model stays within the
// main crate's MSRV (1.86), which has no `is_multiple_of`; xtask declares
// no MSRV, so clippy would suggest it.
#[allow(clippy::manual_is_multiple_of)]
#[path = "../../build/mod.rs"]
mod model;

use std::process::ExitCode;

pub type Error = Box<dyn std::error::Error>;
pub type Result<T> = std::result::Result<T, Error>;

const USAGE: &str = "\
usage:
  cargo run -p xtask -- validate <XML>
      parse with build/parse/ (what build.rs runs), print counts or the located error
  cargo run -p xtask -- diff <OLD.xml> <NEW.xml> [--markdown]
      what changed between two registry files, and the semver verdict
  cargo run -p xtask -- update [--from URL_OR_FILE] [--force] [--root DIR] [--timeout SECS]
      replace registry.xml with IANA's current file (default: IANA's URL), after
      validating it and showing the diff; --force accepts an older <updated>;
      --root is the repository root (default: this workspace); --timeout is
      the whole download's limit in seconds (default 120)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((command, rest)) => (command.as_str(), rest),
        None => ("", &[][..]),
    };
    let result = match command {
        "validate" => validate::run(rest),
        "diff" => diff::run(rest),
        "update" => update::run(rest),
        "help" | "-h" | "--help" => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("unknown or missing subcommand {command:?}\n{USAGE}").into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
