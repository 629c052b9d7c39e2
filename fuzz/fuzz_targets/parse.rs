//! The build's parser (`build/parse/`) and table emitter
//! (`build/tables/`) on arbitrary input: an error, never a panic. Tables
//! that build are read back and used the way the library would use them
//! (`tests/hostile/emitted.rs`): every array fits its declared type and
//! length, and every record is found under its name and its ports, so
//! that tables the runtime could not use (an empty name map, a wrapped
//! index) are findings too.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../build/mod.rs"]
mod model;
#[path = "../../tests/hostile/emitted.rs"]
mod emitted;

fuzz_target!(|data: &[u8]| {
    // As build.rs reads the file: BOM, UTF-16 and bad UTF-8 included.
    let Ok(registry) = model::parse_bytes("fuzz.xml", data) else {
        return;
    };
    // Whatever parses, the emitter takes or refuses with a message.
    if let Ok((core, meta)) = model::tables::generate(&registry, true) {
        let code = format!("{core}{}", meta.unwrap_or_default());
        let t = emitted::Tables::parse(&code).unwrap_or_else(|e| panic!("emitted: {e}"));
        t.agrees(&registry).unwrap_or_else(|e| panic!("emitted: {e}"));
    }
});
