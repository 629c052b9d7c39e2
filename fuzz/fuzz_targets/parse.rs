//! The build's parse model (`build/model.rs`) and table emitter
//! (`build/tables.rs`) on arbitrary input: an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../src/fingerprint.rs"]
mod fingerprint;
#[allow(dead_code)]
#[path = "../../build/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "../../build/preferred.rs"]
mod preferred;
#[allow(dead_code)]
#[path = "../../build/tables.rs"]
mod tables;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(registry) = model::parse("fuzz.xml", text) {
        // Whatever parses, the emitter takes or refuses with a message.
        let _ = tables::generate(&registry, true);
    }
});
