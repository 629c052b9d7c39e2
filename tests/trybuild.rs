//! `iana_ports::port!` must fail compilation, with a message quoting the
//! literal, for an unknown name, a name not on the protocol, a missing
//! protocol and an unknown protocol. The expected compiler output is in
//! `tests/ui/*.stderr` (regenerate with `TRYBUILD=overwrite cargo test --test
//! trybuild` after a toolchain change, and review the diff).

#[test]
fn port_macro_compile_errors() {
    trybuild::TestCases::new().compile_fail("tests/ui/*.rs");
}
