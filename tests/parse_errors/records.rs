//! Bad records: ports, protocols, unknown children and dates.

use super::*;

// ---------------------------------------------------------------- ports

#[test]
fn non_numeric_port() {
    let e = fail(&second_record("<number>http</number>"));
    check(&e, 8, 5, Some(2), "non-numeric port \"http\"");
}

#[test]
fn non_numeric_ports_in_ranges() {
    for bad in ["80-", "-80", "8 0", "+80", "0x50", "80-90-100", "", "８０"] {
        let e = fail(&second_record(&format!("<number>{bad}</number>")));
        check(&e, 8, 5, Some(2), "non-numeric port");
    }
}

#[test]
fn reversed_range() {
    let e = fail(&second_record("<number>6063-6000</number>"));
    check(&e, 8, 5, Some(2), "reversed port range \"6063-6000\"");
}

#[test]
fn port_above_65535() {
    let e = fail(&second_record("<number>70000</number>"));
    check(&e, 8, 5, Some(2), "port 70000 in <number> is above 65535");
    let e = fail(&second_record("<number>65536</number>"));
    check(&e, 8, 5, Some(2), "port 65536");
    let e = fail(&second_record("<number>1-99999999999999999999</number>"));
    check(&e, 8, 5, Some(2), "above 65535");
}

#[test]
fn two_numbers_in_one_record() {
    let body = "  <record>\n    <number>80</number>\n    <number>81</number>\n  </record>\n";
    let e = fail(&registry(body));
    check(&e, 5, 5, Some(1), "two <number> elements in one record");
}

#[test]
fn two_names_in_one_record() {
    let e = fail(&second_record("<name>a</name><name>b</name>"));
    // "    <name>a</name>" is 18 characters.
    check(&e, 8, 19, Some(2), "two <name> elements");
}

// ---------------------------------------------------------------- protocol, children

#[test]
fn unknown_protocol() {
    let e = fail(&second_record("<protocol>icmp</protocol>"));
    check(&e, 8, 5, Some(2), "unknown protocol \"icmp\"");
}

#[test]
fn unknown_child_element() {
    let e = fail(&second_record("<port>80</port>"));
    check(&e, 8, 5, Some(2), "unknown element <port> in <record>");
}

#[test]
fn element_inside_a_text_element() {
    let e = fail(&second_record("<name>a<b/>c</name>"));
    // "    <name>a" is 11 characters: <b/> starts at column 12.
    check(&e, 8, 12, Some(2), "unexpected element <b> in <name>");
}

#[test]
fn unknown_element_in_description() {
    let e = fail(&second_record("<description>x <i>y</i></description>"));
    // "    <description>x " is 19 characters.
    check(&e, 8, 20, Some(2), "unknown element <i> in <description>");
}

#[test]
fn unknown_attribute_on_record() {
    let body = format!("{GOOD}  <record id=\"7\">\n    <name>a</name>\n  </record>\n");
    check(
        &fail(&registry(&body)),
        7,
        3,
        Some(2),
        "unknown attribute \"id\"",
    );
}

#[test]
fn empty_record_element() {
    let body = format!("{GOOD}  <record/>\n");
    check(&fail(&registry(&body)), 7, 3, Some(2), "empty <record/>");
}

#[test]
fn column_counts_characters_not_bytes() {
    // Two 2-byte characters before the bad element on the same line.
    let e = fail(&second_record(
        "<description>ÉÿE</description><number>x</number>",
    ));
    // "    <description>ÉÿE</description>" is 34 characters (38 bytes).
    check(&e, 8, 35, Some(2), "non-numeric port \"x\"");
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    // 99 nested paragraphs inside <description> parse; 100 are refused at
    // the 100th: "    <description>" is 17 characters, each
    // "<paragraph>" 11, so the 100th starts at column 17 + 99 * 11 + 1.
    let nest = |n: usize| {
        format!(
            "<description>{}x{}</description>",
            "<paragraph>".repeat(n),
            "</paragraph>".repeat(n)
        )
    };
    let r = ok(&second_record(&nest(99)));
    assert_eq!(r.records[1].description, "x");
    let e = fail(&second_record(&nest(100)));
    check(&e, 8, 17 + 99 * 11 + 1, Some(2), "nested too deeply");
    // Far deeper, unclosed, and through xref bodies: still a located error.
    let deep = format!("<note>{}", "<xref type=\"text\"><br>".repeat(100_000));
    let e = fail(&second_record(&deep));
    check_line(&e, 8, Some(2), "nested too deeply");
}

// ---------------------------------------------------------------- dates

#[test]
fn bad_month() {
    let e = fail(&dated_record("date=\"2024-13-01\""));
    check(
        &e,
        7,
        3,
        Some(2),
        "bad date \"2024-13-01\" in attribute date",
    );
}

#[test]
fn bad_day() {
    let e = fail(&dated_record("updated=\"2024-02-30\""));
    check(
        &e,
        7,
        3,
        Some(2),
        "bad date \"2024-02-30\" in attribute updated",
    );
    // 2023 is not a leap year, 1900 neither; 2000 and 2024 are.
    let e = fail(&dated_record("date=\"2023-02-29\""));
    check(&e, 7, 3, Some(2), "bad date \"2023-02-29\"");
    let e = fail(&dated_record("date=\"1900-02-29\""));
    check(&e, 7, 3, Some(2), "bad date \"1900-02-29\"");
    for good in ["2024-02-29", "2000-02-29"] {
        ok(&dated_record(&format!("date=\"{good}\"")));
    }
    let e = fail(&dated_record("date=\"2024-04-31\""));
    check(&e, 7, 3, Some(2), "bad date");
    let e = fail(&dated_record("date=\"2024-01-00\""));
    check(&e, 7, 3, Some(2), "bad date");
}

#[test]
fn short_year() {
    let e = fail(&dated_record("date=\"24-01\""));
    check(&e, 7, 3, Some(2), "bad date \"24-01\"");
}

#[test]
fn other_malformed_dates() {
    for bad in [
        "2024",
        "2024-1",
        "2024-01-1",
        "2024-00",
        "2024-01-02-03",
        "2024/01/02",
        "",
        "2024-0a",
        "+024-01",
        "2024-01-+1",
    ] {
        let e = fail(&dated_record(&format!("date=\"{bad}\"")));
        check(&e, 7, 3, Some(2), &format!("bad date {bad:?}"));
    }
}

#[test]
fn bad_person_updated() {
    let body = format!(
        "{GOOD}  <people>\n    <person id=\"a\">\n      <updated>2024-13</updated>\n    </person>\n  </people>\n"
    );
    check(
        &fail(&registry(&body)),
        9,
        7,
        None,
        "bad date \"2024-13\" in <updated>",
    );
}
