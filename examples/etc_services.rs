//! Prints the registry in the `services(5)` format of `/etc/services`.
//!
//! ```text
//! cargo run --example etc_services > services
//! cargo run --example etc_services -- --first-port --rfc6335 --tcp-udp
//! ```
//!
//! `--first-port`: one line per range (its first port), as iana-etc does;
//! `--rfc6335`: only names that follow RFC 6335's syntax;
//! `--tcp-udp`: no `sctp` or `dccp` lines.

use std::io::{self, Write};
use std::process::ExitCode;

use iana_ports::{Names, Protocol, Ranges, ServicesOptions, write_services};

fn main() -> ExitCode {
    let mut options = ServicesOptions::new();
    for arg in std::env::args().skip(1) {
        options = match arg.as_str() {
            "--first-port" => options.ranges(Ranges::FirstPort),
            "--rfc6335" => options.names(Names::Rfc6335),
            "--tcp-udp" => options.protocols(&[Protocol::Tcp, Protocol::Udp]),
            "--no-descriptions" => options.descriptions(false),
            _ => {
                eprintln!(
                    "usage: etc_services [--first-port] [--rfc6335] [--tcp-udp] [--no-descriptions]"
                );
                return ExitCode::from(2);
            }
        };
    }
    let mut text = String::new();
    write_services(&mut text, options).expect("writing to a String cannot fail");
    match io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        // `| head` closes the pipe early: not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("etc_services: {e}");
            ExitCode::FAILURE
        }
    }
}
