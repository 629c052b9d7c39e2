//! Maintainer tasks for `iana-ports`.
//!
//! ```text
//! cargo run -p xtask -- convert <CSV> [-o registry.xml]
//! cargo run -p xtask -- check-csv <CSV> <XML>
//! cargo run -p xtask -- validate <XML>
//! ```

mod check;
mod convert;
mod iana_csv;
mod validate;

use std::process::ExitCode;

pub type Error = Box<dyn std::error::Error>;
pub type Result<T> = std::result::Result<T, Error>;

const USAGE: &str = "\
usage:
  cargo run -p xtask -- convert <CSV> [-o <XML>]   (default output: registry.xml; `-o -` for stdout)
  cargo run -p xtask -- check-csv <CSV> <XML>
  cargo run -p xtask -- validate <XML>             (parse with build/model.rs, print counts)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((command, rest)) => (command.as_str(), rest),
        None => ("", &[][..]),
    };
    let result = match command {
        "convert" => convert::run(rest),
        "check-csv" => check::run(rest),
        "validate" => validate::run(rest),
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
