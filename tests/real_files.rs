//! Real registry files, beside the compiled tables' own tests: the build's
//! parser on registry.xml and on IANA's files in `../shared/iana/`, and the
//! crate against IANA's rendering of 2025-08-15 in `../shared/seed/`.
//!
//! A `harness = false` target (libtest-mimic): a test whose files in
//! `../shared` are absent is reported as ignored, with the reason, and fails
//! instead when `IANA_PORTS_REQUIRE_SHARED=1` (as CI sets it); see
//! tests/common/shared.rs.

#[path = "../build/mod.rs"]
mod model;

mod common;
#[path = "real_files/parser.rs"]
mod parser;
#[cfg(feature = "metadata")]
#[path = "real_files/seed.rs"]
mod seed;

use std::path::PathBuf;
use std::process::ExitCode;

use common::shared::{needs, run, test};

fn main() -> ExitCode {
    let mut trials = vec![
        test("parser::shipped_registry_xml", parser::shipped_registry_xml),
        needs(
            "parser::real_current_iana_file",
            vec![PathBuf::from(parser::CURRENT)],
            parser::real_current_iana_file,
        ),
        needs(
            "parser::real_2025_iana_file",
            vec![PathBuf::from(parser::OLDER)],
            parser::real_2025_iana_file,
        ),
    ];
    trials.extend(seed_trials());
    run(trials)
}

#[cfg(feature = "metadata")]
fn seed_trials() -> Vec<libtest_mimic::Trial> {
    use common::shared::only_if;
    let file = || vec![PathBuf::from(seed::SEED)];
    let rows = "seed::seed_rows_match_the_2025_08_15_build";
    vec![
        needs(
            "seed::seed_excerpt_is_readable",
            file(),
            seed::seed_excerpt_is_readable,
        ),
        match seed::built_from_the_seed_registry() {
            Ok(()) => needs(rows, file(), seed::seed_rows_match_the_2025_08_15_build),
            Err(why) => only_if(rows, Err(why), seed::seed_rows_match_the_2025_08_15_build),
        },
    ]
}

/// Without `metadata` the seed checks cannot run (the excerpt's cells are
/// metadata): listed, and ignored with that reason.
#[cfg(not(feature = "metadata"))]
fn seed_trials() -> Vec<libtest_mimic::Trial> {
    use common::shared::only_if;
    let why = || Err("needs the metadata feature".to_string());
    vec![
        only_if("seed::seed_excerpt_is_readable", why(), || {}),
        only_if("seed::seed_rows_match_the_2025_08_15_build", why(), || {}),
    ]
}
