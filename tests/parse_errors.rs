//! Bad (and good) input for the real build-time parser in `build/parse/`.
//!
//! Every error case checks the reported line, column, record ordinal and
//! message, and that the `Display` form starts with `file:line:col:`. The
//! expected positions are counted by hand from the inline texts below.
//!
//! This file holds the helpers; the cases are in `parse_errors/`. The real
//! registry files are read in tests/real_files.rs.

#[path = "../build/mod.rs"]
mod model;

use model::{Date, Error, Protocol, RefKind, Registry, Status};

#[path = "parse_errors/accepted.rs"]
mod accepted;
#[path = "parse_errors/document.rs"]
mod document;
#[path = "parse_errors/people.rs"]
mod people;
#[path = "parse_errors/records.rs"]
mod records;

const FILE: &str = "t.xml";

/// A minimal valid registry around `body`: line 1 is `<registry ..>`, line 2
/// `<updated>`, and `body` starts on line 3.
fn registry(body: &str) -> String {
    format!(
        "<registry xmlns=\"http://www.iana.org/assignments\" id=\"service-names-port-numbers\">\n\
         \x20 <updated>2024-06-12</updated>\n\
         {body}</registry>\n"
    )
}

/// A valid record of four lines (lines 3-6 when it comes first in `body`).
const GOOD: &str = "  <record>\n    <name>http</name>\n    <number>80</number>\n  </record>\n";

fn ok(text: &str) -> Registry {
    match model::parse(FILE, text) {
        Ok(r) => r,
        Err(e) => panic!("expected Ok, got {e}\n--- input ---\n{text}"),
    }
}

fn fail(text: &str) -> Error {
    match model::parse(FILE, text) {
        Ok(r) => panic!("expected an error, got Ok({r:?})\n--- input ---\n{text}"),
        Err(e) => e,
    }
}

/// Asserts the location, record and message of an error, and its `Display`.
#[track_caller]
fn check(e: &Error, line: usize, column: usize, record: Option<usize>, msg: &str) {
    assert_eq!(e.file, FILE, "{e}");
    assert_eq!((e.line, e.column), (line, column), "position of: {e}");
    assert_eq!(e.record, record, "record of: {e}");
    assert!(e.message.contains(msg), "{e:?} lacks {msg:?}");
    let shown = e.to_string();
    let prefix = format!("{FILE}:{line}:{column}: ");
    assert!(
        shown.starts_with(&prefix),
        "{shown:?} does not start with {prefix:?}"
    );
    match record {
        Some(r) => assert!(
            shown[prefix.len()..].starts_with(&format!("record {r}: ")),
            "{shown}"
        ),
        None => assert!(!shown.contains("record "), "{shown}"),
    }
    assert!(shown.ends_with(&e.message), "{shown}");
}

/// One bad record after a good one: the bad record is record 2, its
/// `<record>` tag on line 7 and `inner` on line 8 (column 5).
fn second_record(inner: &str) -> String {
    registry(&format!("{GOOD}  <record>\n    {inner}\n  </record>\n"))
}

fn dated_record(attr: &str) -> String {
    registry(&format!(
        "{GOOD}  <record {attr}>\n    <name>a</name>\n  </record>\n"
    ))
}

/// Line and column checked only loosely: errors reported by the XML reader.
#[track_caller]
fn check_line(e: &Error, line: usize, record: Option<usize>, msg: &str) {
    assert_eq!(e.line, line, "line of: {e}");
    assert!(e.column >= 1, "{e}");
    assert_eq!(e.record, record, "record of: {e}");
    assert!(e.message.contains(msg), "{e:?} lacks {msg:?}");
    let prefix = format!("{FILE}:{line}:{}: ", e.column);
    assert!(e.to_string().starts_with(&prefix), "{e}");
}

#[test]
fn minimal_registry_is_valid() {
    let r = ok(&registry(GOOD));
    assert_eq!(r.records.len(), 1);
    assert_eq!(
        r.updated,
        Some(Date {
            year: 2024,
            month: 6,
            day: Some(12)
        })
    );
    assert_eq!(r.records[0].name.as_deref(), Some("http"));
    assert_eq!(r.records[0].ports, Some((80, 80)));
    assert_eq!(r.records[0].line, 3);
    assert_eq!(r.people, None);
}
