//! Input that is not a registry document: not XML, or a wrong root and header.

use super::*;

// ---------------------------------------------------------------- not XML

#[test]
fn plain_text_is_not_xml() {
    let e = fail("hello world\n");
    check(&e, 1, 1, None, "not XML");
}

#[test]
fn json_is_not_xml() {
    let e = fail("\n\n  {\"registry\": []}\n");
    check(&e, 1, 1, None, "not XML");
}

#[test]
fn empty_file() {
    check(&fail(""), 1, 1, None, "empty file");
    check(&fail("  \n\t\n"), 1, 1, None, "empty file");
}

#[test]
fn truncated_after_a_record() {
    // Cut right after the first record: <registry> is never closed.
    let full = registry(GOOD);
    let cut = &full[..full.find("</registry>").unwrap()];
    assert_eq!(cut.lines().count(), 6);
    let e = fail(cut);
    // The end of file is on line 7 (after the last newline), column 1.
    check(&e, 7, 1, None, "truncated file");
    assert!(e.message.contains("<registry>"), "{e}");
}

#[test]
fn truncated_inside_a_record() {
    let full = registry(GOOD);
    // Cut after "    <number>80" on line 5.
    let cut = &full[..full.find("80</number>").unwrap() + 2];
    let e = fail(cut);
    check_line(&e, 5, Some(1), "");
    assert!(
        e.message.contains("truncated") || e.message.contains("malformed"),
        "{e}"
    );
}

#[test]
fn truncated_inside_a_tag() {
    let full = registry(GOOD);
    // Cut in the middle of "</name>" on line 4.
    let cut = &full[..full.find("</name>").unwrap() + 4];
    let e = fail(cut);
    check_line(&e, 4, Some(1), "malformed XML");
}

#[test]
fn mismatched_end_tag() {
    let body = "  <record>\n    <name>http</nam>\n  </record>\n";
    let e = fail(&registry(body));
    check_line(&e, 4, Some(1), "malformed XML");
}

#[test]
fn content_after_the_root() {
    let text = registry(GOOD) + "<record/>\n";
    let e = fail(&text);
    // registry(GOOD) has 7 lines; the stray element is on line 8.
    check(&e, 8, 1, None, "content after the end of <registry>");
}

#[test]
fn unknown_entity() {
    let body = "  <record>\n    <description>A &nbsp; B</description>\n  </record>\n";
    let e = fail(&registry(body));
    // "    <description>A " is 19 characters: the '&' is column 20.
    check(&e, 4, 20, Some(1), "unknown entity &nbsp;");
}

// ---------------------------------------------------------------- root

#[test]
fn wrong_root_element() {
    let text = "<?xml version='1.0'?>\n<registy id=\"service-names-port-numbers\">\n</registy>\n";
    check(&fail(text), 2, 1, None, "wrong root element <registy>");
}

#[test]
fn empty_root_element() {
    let text = "<registry id=\"service-names-port-numbers\"/>\n";
    check(&fail(text), 1, 1, None, "root element is empty");
}

#[test]
fn wrong_registry_id() {
    let text = registry(GOOD).replace("service-names-port-numbers", "protocol-numbers");
    let e = fail(&text);
    check(&e, 1, 1, None, "wrong registry id \"protocol-numbers\"");
}

#[test]
fn missing_registry_id() {
    let text = registry(GOOD).replace(" id=\"service-names-port-numbers\"", "");
    check(&fail(&text), 1, 1, None, "wrong registry id \"\"");
}

#[test]
fn missing_updated() {
    let text = registry(GOOD).replace("  <updated>2024-06-12</updated>\n", "");
    check(&fail(&text), 1, 1, None, "no <updated> date");
}

#[test]
fn bad_registry_updated() {
    let text = registry(GOOD).replace("2024-06-12", "2024-6-12");
    check(
        &fail(&text),
        2,
        3,
        None,
        "bad date \"2024-6-12\" in <updated>",
    );
}

#[test]
fn two_registry_updated() {
    let body = format!("  <updated>2024-06-13</updated>\n{GOOD}");
    check(&fail(&registry(&body)), 3, 3, None, "two <updated> dates");
}

#[test]
fn unknown_top_level_element() {
    let body = format!("{GOOD}  <recrod>\n  </recrod>\n");
    check(
        &fail(&registry(&body)),
        7,
        3,
        None,
        "unknown element <recrod> in <registry>",
    );
}

#[test]
fn stray_text_in_registry() {
    let body = format!("{GOOD}  oops\n");
    let e = fail(&registry(&body));
    // The text event starts right after "</record>" on line 6.
    check(&e, 6, 12, None, "unexpected text \"oops\" in <registry>");
}
