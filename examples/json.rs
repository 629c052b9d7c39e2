//! Dumps the whole registry as a JSON array to stdout, one record after the
//! other, without collecting it first.
//!
//! ```text
//! cargo run --example json --features serde > registry.json
//! ```

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use serde::{Serialize, Serializer};

/// Serialises `records()` as a sequence, record by record.
struct Registry;

impl Serialize for Registry {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(iana_ports::records())
    }
}

fn main() -> ExitCode {
    let mut out = BufWriter::new(io::stdout().lock());
    let result = serde_json::to_writer(&mut out, &Registry)
        .map_err(io::Error::from)
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // `| head` closes the pipe early: not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("json: {e}");
            ExitCode::FAILURE
        }
    }
}
