//! Tests that read `../shared` (IANA's files beside the repository), for
//! `harness = false` targets run by libtest-mimic: such a test runs when its
//! files are there, fails when they are missing and
//! `IANA_PORTS_REQUIRE_SHARED=1` says they must be there (CI sets it), and is
//! reported as ignored, with the reason, otherwise (a user's clone).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use libtest_mimic::{Arguments, Completion, Trial};

/// `../shared/REL` beside the repository whose root is `root`.
pub fn shared_path(root: &Path, rel: &str) -> PathBuf {
    root.join("../shared").join(rel)
}

/// Whether missing files are a failure: `IANA_PORTS_REQUIRE_SHARED=1`.
pub fn required() -> bool {
    std::env::var("IANA_PORTS_REQUIRE_SHARED").as_deref() == Ok("1")
}

/// A test that always runs.
pub fn test(name: &str, run: fn()) -> Trial {
    Trial::test(name, move || {
        run();
        Ok(())
    })
}

/// A test that needs the files `needs`: run when they all exist, failed when
/// one is missing and [`required`], ignored (with the reason) otherwise.
pub fn needs(name: &str, needs: Vec<PathBuf>, run: fn()) -> Trial {
    Trial::ignorable_test(name, move || {
        let missing: Vec<String> = needs
            .iter()
            .filter(|p| !p.exists())
            .map(|p| p.display().to_string())
            .collect();
        if missing.is_empty() {
            run();
            return Ok(Completion::Completed);
        }
        let missing = missing.join(", ");
        if required() {
            return Err(format!("{missing}: missing, and IANA_PORTS_REQUIRE_SHARED=1").into());
        }
        Ok(Completion::ignored_with(format!(
            "{missing} absent; IANA_PORTS_REQUIRE_SHARED=1 makes that a failure"
        )))
    })
}

/// A test that runs only when `when` is `Ok`, and is ignored with the
/// reason in the `Err` otherwise (a condition of the build, not of
/// `../shared`: never a failure).
pub fn only_if(name: &str, when: Result<(), String>, run: fn()) -> Trial {
    Trial::ignorable_test(name, move || match when {
        Ok(()) => {
            run();
            Ok(Completion::Completed)
        }
        Err(reason) => Ok(Completion::ignored_with(reason)),
    })
}

/// Runs `trials` as `cargo test` runs a test binary (filters, `--list`,
/// `--ignored`, `--test-threads`...).
pub fn run(trials: Vec<Trial>) -> ExitCode {
    libtest_mimic::run(&Arguments::from_args(), trials).exit_code()
}
