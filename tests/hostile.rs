//! Hostile registries against the real build code (`build/parse/` and
//! `build/tables/`, included as `tests/parse_errors.rs` does): every table
//! limit at its boundary and one past it, registries without records or
//! names, records hidden in skipped elements, prefixed names, characters
//! XML does not allow, CR-only line ends, BOM and UTF-16. Tables that build
//! are read back and checked the way the library would use them
//! (`tests/hostile/emitted.rs`). Expected values are literals counted from
//! the inline texts.

#[path = "../build/mod.rs"]
mod model;

#[path = "hostile/emitted.rs"]
mod emitted;

use emitted::Tables;
use model::emit::TableError;
use model::tables;
use model::{Error, Registry};

const FILE: &str = "h.xml";
const HEAD: &str = "<registry xmlns=\"http://www.iana.org/assignments\" id=\"service-names-port-numbers\">\n  <updated>2026-08-17</updated>\n";

/// A registry around `body`, which starts on line 3.
fn registry(body: &str) -> String {
    format!("{HEAD}{body}</registry>\n")
}

fn parse(text: &str) -> Registry {
    model::parse(FILE, text).unwrap_or_else(|e| panic!("expected a registry, got {e}"))
}

fn parse_err(text: &str) -> Error {
    match model::parse(FILE, text) {
        Ok(r) => panic!("expected an error, got {} records", r.records.len()),
        Err(e) => e,
    }
}

#[track_caller]
fn located(e: &Error, line: usize, column: usize, msg: &str) {
    assert_eq!((e.line, e.column), (line, column), "{e}");
    assert!(e.message.contains(msg), "{e} lacks {msg:?}");
    assert!(
        e.to_string()
            .starts_with(&format!("{FILE}:{line}:{column}: "))
    );
}

/// The tables of `text`, read back and checked against its records.
fn build(text: &str) -> Tables {
    let reg = parse(text);
    let (core, meta) =
        tables::generate(&reg, true).unwrap_or_else(|e| panic!("{}", e.in_file(FILE)));
    let code = format!("{core}{}", meta.unwrap_or_default());
    let t = Tables::parse(&code).unwrap_or_else(|e| panic!("emitted tables: {e}"));
    t.agrees(&reg)
        .unwrap_or_else(|e| panic!("emitted tables: {e}"));
    t
}

fn build_err(text: &str) -> TableError {
    match tables::generate(&parse(text), true) {
        Ok(_) => panic!("expected a table limit error"),
        Err(e) => e,
    }
}

/// A global limit: no record named, the file and the limit shown.
#[track_caller]
fn global(e: &TableError, msg: &str) {
    assert_eq!(e.at, None, "{e:?}");
    assert!(e.message.contains(msg), "{e:?} lacks {msg:?}");
    assert_eq!(e.in_file(FILE), format!("{FILE}: {}", e.message));
}

/// A limit a record passes: its line, column and ordinal.
#[track_caller]
fn at_record(e: &TableError, line: usize, column: usize, record: usize, msg: &str) {
    assert_eq!(e.at, Some((line, column, record)), "{e:?}");
    assert!(e.message.contains(msg), "{e:?} lacks {msg:?}");
    assert_eq!(
        e.in_file(FILE),
        format!("{FILE}:{line}:{column}: record {record}: {}", e.message)
    );
}

#[test]
fn the_real_registry_reads_back_record_for_record() {
    // The checker's mirror of the lookups agrees with the real data.
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/registry.xml")).unwrap();
    let t = build(&text);
    assert!(t.name_run("http").len() >= 2);
    assert!(!t.port_run(80, 1).0.is_empty());
}

#[test]
fn an_empty_registry_builds_and_finds_nothing() {
    let t = build(&registry(""));
    assert!(t.name_run("http").is_empty());
    assert!(t.name_run("").is_empty());
    assert_eq!(t.port_run(80, 0), (vec![], 0));
    assert_eq!(t.port_run(65535, 1), (vec![], 0));
}

#[test]
fn a_registry_without_names_builds_and_finds_no_name() {
    let t = build(&registry(
        "  <record><protocol>tcp</protocol><number>0</number><description>Reserved</description></record>\n\
         \x20 <record><protocol>udp</protocol><number>1-5</number><description>Unassigned</description></record>\n",
    ));
    assert!(t.name_run("http").is_empty());
    assert!(t.name_run("Reserved").is_empty());
    assert_eq!(t.port_run(0, 1), (vec![0], 1));
    assert_eq!(t.port_run(0, 2), (vec![0], 0));
    assert_eq!(t.port_run(3, 2), (vec![1], 1));
    assert_eq!(t.port_run(6, 0), (vec![], 0));
}

/// `n` records `<record>` of `body` (`{i}` replaced by the ordinal - 1),
/// one a line from line 3.
fn records(n: usize, body: &str) -> String {
    let mut s = String::with_capacity(n * (body.len() + 24));
    for i in 0..n {
        s.push_str("  <record>");
        s.push_str(&body.replace("{i}", &i.to_string()));
        s.push_str("</record>\n");
    }
    registry(&s)
}

#[test]
fn records_on_one_port_63_fit_64_are_located() {
    let t = build(&records(63, "<protocol>tcp</protocol><number>7</number>"));
    assert_eq!(t.port_run(7, 1).0.len(), 63);
    assert_eq!(t.port_run(7, 1).1, 63);
    // The 64th record (line 66, after `  `) passes the limit.
    let e = build_err(&records(64, "<protocol>tcp</protocol><number>7</number>"));
    at_record(&e, 66, 3, 64, "port 7 has more than 63 records");
}

#[test]
fn records_of_one_name_255_fit_256_are_located() {
    let body = "<name>echo</name><number>{i}</number>";
    let t = build(&records(255, body));
    assert_eq!(t.name_run("ECHO").len(), 255);
    let e = build_err(&records(256, body));
    at_record(&e, 258, 3, 256, "a 256th record named \"echo\"");
}

#[test]
fn records_65535_fit_65536_do_not() {
    let t = build(&records(65_535, "<description>d</description>"));
    assert_eq!(t.port_run(1, 0), (vec![], 0));
    let e = build_err(&records(65_536, "<description>d</description>"));
    global(&e, "65536 records");
}

#[test]
fn port_segments_65535_fit_65536_do_not() {
    // A record on every odd port below 65534: segments 0, 1, 2 ... 65534.
    let ports = |n: usize| {
        let mut s = String::new();
        for k in 0..n {
            s.push_str(&format!(
                "  <record><number>{}</number></record>\n",
                2 * k + 1
            ));
        }
        registry(&s)
    };
    let t = build(&ports(32_767));
    // Protocol code 0 counts every record of the segment.
    assert_eq!(t.port_run(65_533, 0), (vec![32_766], 1));
    assert_eq!(t.port_run(65_534, 0), (vec![], 0));
    // One record more, on port 65535: a 65,536th segment.
    let e = build_err(&ports(32_768));
    global(&e, "more than 65535 port segments");
}

/// `<people>` of `n` people, the record assigned to the last.
fn people(n: usize) -> String {
    let mut s = String::from("  <record><name>x</name><assignee><xref type=\"person\" data=\"p");
    s.push_str(&(n - 1).to_string());
    s.push_str("\"/></assignee></record>\n  <people>\n");
    for i in 0..n {
        s.push_str(&format!("    <person id=\"p{i}\"/>\n"));
    }
    s.push_str("  </people>\n");
    registry(&s)
}

#[test]
fn people_65535_fit_65536_do_not() {
    let reg = parse(&people(65_535));
    let (_, meta) = tables::generate(&reg, true).unwrap();
    let meta = meta.unwrap();
    // One metadata row, whose assignee is person 65,534 (stored + 1).
    assert!(meta.contains(
        r#"pub(crate) static META_ASSIGNEE: LeArray<u16, 2> = LeArray::new(*b"\xff\xff");"#
    ));
    Tables::parse(&meta).unwrap();
    let e = build_err(&people(65_536));
    global(&e, "65536 people");
}

#[test]
fn person_uris_65535_fit_65536_do_not() {
    let one = |n: usize| {
        let mut s = String::from("  <people>\n    <person id=\"p\">\n");
        for i in 0..n {
            s.push_str(&format!("      <uri>mailto:u{i}</uri>\n"));
        }
        s.push_str("    </person>\n  </people>\n");
        registry(&s)
    };
    let (_, meta) = tables::generate(&parse(&one(65_535)), true).unwrap();
    let meta = meta.unwrap();
    assert!(meta.contains(
        r#"pub(crate) static PERSON_URI_BOUND: LeArray<u16, 4> = LeArray::new(*b"\0\0\xff\xff");"#
    ));
    Tables::parse(&meta).unwrap();
    let e = build_err(&one(65_536));
    global(&e, "person URIs: 65536");
}

#[test]
fn references_and_contacts_65535_fit_65536_do_not() {
    let refs = |n: usize| {
        registry(&format!(
            "  <record>{}</record>\n",
            "<xref type=\"text\"/>".repeat(n)
        ))
    };
    let (_, meta) = tables::generate(&parse(&refs(65_535)), true).unwrap();
    assert!(meta.unwrap().contains(
        r#"pub(crate) static META_REF_BOUND: LeArray<u16, 4> = LeArray::new(*b"\0\0\xff\xff");"#
    ));
    global(
        &build_err(&refs(65_536)),
        "references of distinct metadata rows: 65536",
    );
    let contacts = |n: usize| {
        registry(&format!(
            "  <record>{}</record>\n",
            "<xref type=\"person\" data=\"p\"/>".repeat(n)
        ))
    };
    let (_, meta) = tables::generate(&parse(&contacts(65_535)), true).unwrap();
    assert!(meta.unwrap().contains(
        r#"pub(crate) static META_CONTACT_BOUND: LeArray<u16, 4> = LeArray::new(*b"\0\0\xff\xff");"#
    ));
    global(
        &build_err(&contacts(65_536)),
        "contacts of distinct metadata rows: 65536",
    );
}

#[test]
fn records_inside_skipped_elements_are_errors() {
    for parent in ["note", "title", "category", "xref", "expert"] {
        let text = registry(&format!(
            "  <{parent}>text\n    <record><name>hidden</name><number>1</number></record>\n  </{parent}>\n"
        ));
        let e = parse_err(&text);
        located(&e, 4, 5, &format!("<record> inside <{parent}>"));
    }
    // Deeper, and the other data elements.
    let e = parse_err(&registry(
        "  <note><paragraph><people/></paragraph></note>\n",
    ));
    located(&e, 3, 20, "<people> inside <note>");
}

#[test]
fn prefixed_names_are_not_the_registry_s() {
    let e = parse_err(&registry("  <foo:record><name>a</name></foo:record>\n"));
    located(&e, 3, 3, "unknown element <foo:record> in <registry>");
    let bound =
        "  <a:record xmlns:a=\"http://www.iana.org/assignments\"><name>a</name></a:record>\n";
    located(
        &parse_err(&registry(bound)),
        3,
        3,
        "unknown element <a:record>",
    );
    let e = parse_err(&registry(
        "  <record date=\"2020-01-01\" x:date=\"1999-01-01\"><name>a</name></record>\n",
    ));
    located(&e, 3, 3, "unknown attribute \"x:date\" on <record>");
    let e = parse_err(&registry("  <record><x:name>a</x:name></record>\n"));
    located(&e, 3, 11, "unknown element <x:name> in <record>");
    // `x:type` is not `type`: this xref has no type.
    let e = parse_err(&registry(
        "  <record><xref x:type=\"rfc\" data=\"rfc1\"/></record>\n",
    ));
    located(&e, 3, 11, "unknown xref type \"\"");
    // Unprefixed, the same record parses.
    let reg = parse(&registry(
        "  <record date=\"2020-01-01\"><name>a</name></record>\n",
    ));
    assert_eq!(reg.records[0].date.unwrap().year, 2020);
}

#[test]
fn characters_xml_forbids_are_located_errors() {
    let desc = |d: &str| {
        registry(&format!(
            "  <record><name>a</name><description>ok {d}</description></record>\n"
        ))
    };
    // Raw ESC: its own column (`  <record><name>a</name><description>ok ` is 40 characters).
    located(
        &parse_err(&desc("\u{1b}x")),
        3,
        41,
        "character U+001B is not allowed in XML",
    );
    located(&parse_err(&desc("\u{FFFF}")), 3, 41, "U+FFFF");
    located(&parse_err(&desc("<![CDATA[\u{0}]]>")), 3, 50, "U+0000");
    // References: at the reference.
    located(
        &parse_err(&desc("&#x1B;")),
        3,
        41,
        "&#x1B; is U+001B, not an XML character",
    );
    located(&parse_err(&desc("&#xFFFE;")), 3, 41, "U+FFFE");
    // In a name, an attribute, a person's name.
    located(
        &parse_err(&registry("  <record><name>a\u{7}b</name></record>\n")),
        3,
        18,
        "U+0007",
    );
    located(
        &parse_err(&registry(
            "  <record><xref type=\"uri\" data=\"http://x/&#x1B;\"/></record>\n",
        )),
        3,
        11,
        "U+001B",
    );
    located(
        &parse_err(&registry(
            "  <people><person id=\"p\"><name>A\u{FFFE}</name></person></people>\n",
        )),
        3,
        33,
        "U+FFFE",
    );
    // Tab, line feed, carriage return and the rest of Unicode are fine.
    let reg = parse(&desc("\ttab \u{FFFD} \u{10FFFF} &#9;&#xD7FF;"));
    assert!(reg.records[0].description.contains('\u{FFFD}'));
}

#[test]
fn line_ends_cr_only_and_crlf_count_as_lines() {
    // The bad port is on line 5, column 5, whatever the line ends.
    let lf = registry("  <record>\n    <name>a</name>\n    <number>70000</number>\n  </record>\n");
    for (end, label) in [("\r", "CR"), ("\r\n", "CRLF"), ("\n", "LF")] {
        let text = lf.replace('\n', end);
        let e = parse_err(&text);
        assert_eq!((e.line, e.column), (5, 5), "{label}: {e}");
        // And a good file's records carry their lines.
        let ok = registry(
            "  <record>\n    <name>a</name>\n  </record>\n  <record><name>b</name></record>\n",
        )
        .replace('\n', end);
        let reg = parse(&ok);
        assert_eq!(
            reg.records
                .iter()
                .map(|r| (r.line, r.column))
                .collect::<Vec<_>>(),
            [(3, 3), (6, 3)],
            "{label}"
        );
    }
}

#[test]
fn bom_utf16_and_bad_utf8_input() {
    let text = registry("  <record><name>a</name></record>\n");
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    assert_eq!(model::parse_bytes(FILE, &bom).unwrap().records.len(), 1);
    // A BOM is not a column: an error on line 1 counts from after it.
    let mut bad = b"\xEF\xBB\xBF".to_vec();
    bad.extend_from_slice(b"<registry id=\"x\"/>");
    let e = model::parse_bytes(FILE, &bad).unwrap_err();
    assert_eq!(e.line, 1, "{e}");
    for bytes in [
        [&[0xFF, 0xFE][..], "<\0r\0".as_bytes()].concat(),
        [&[0xFE, 0xFF][..], "\0<\0r".as_bytes()].concat(),
        "<\0r\0e\0".as_bytes().to_vec(),
    ] {
        let e = model::parse_bytes(FILE, &bytes).unwrap_err();
        located(&e, 1, 1, "the registry is UTF-16: convert it to UTF-8");
    }
    let mut latin1 = text.into_bytes();
    let at = text_find(&latin1, b"<name>a") + 6;
    latin1[at] = 0xE9;
    located(
        &model::parse_bytes(FILE, &latin1).unwrap_err(),
        3,
        17,
        "not UTF-8",
    );
    let cr = b"<registry>\r\r\xFF".to_vec();
    located(
        &model::parse_bytes(FILE, &cr).unwrap_err(),
        3,
        1,
        "not UTF-8",
    );
}

#[test]
fn names_without_a_letter_are_located_errors() {
    for name in ["80", "6000-6063", "0-0", "-", "1.2"] {
        let e = parse_err(&registry(&format!(
            "  <record><name>{name}</name></record>\n"
        )));
        located(&e, 3, 11, "has no letter (RFC 6335 section 5.1)");
    }
    for name in ["x80", "80x", "6000-6063a", "9pfs"] {
        assert_eq!(
            parse(&registry(&format!(
                "  <record><name>{name}</name></record>\n"
            )))
            .records
            .len(),
            1
        );
    }
}

fn text_find(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len()).position(|w| w == needle).unwrap()
}

#[test]
fn runs_of_records_end_at_65535_not_65536() {
    // Names in 200 groups of records 200 apart: no group is consecutive, so
    // each is copied to EXTRA, after the records in `V`. With `named` named
    // records and `blank` more without a name, the last run ends at
    // `named + blank + named`.
    let file = |named: usize, blank: usize| {
        let mut s = String::new();
        for i in 0..named {
            s.push_str(&format!("  <record><name>n{}</name></record>\n", i % 200));
        }
        for _ in 0..blank {
            s.push_str("  <record><description>d</description></record>\n");
        }
        registry(&s)
    };
    let t = build(&file(32_767, 1));
    assert_eq!(t.name_run("n199").len(), 163);
    let e = build_err(&file(32_768, 0));
    global(
        &e,
        "the end of a list of records in RECORD_COUNT + EXTRA: 65536 do not fit u16",
    );
}
