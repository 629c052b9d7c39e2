//! People, assignees, service codes and cross references.

use super::*;

// ---------------------------------------------------------------- people

const PEOPLE: &str = "  <people>\n    <person id=\"Jon_Postel\"/>\n  </people>\n";

#[test]
fn person_missing_from_people() {
    let body = format!(
        "{GOOD}  <record>\n    <name>b</name>\n    <xref type=\"person\" data=\"Jon_Postel\"/>\n    <xref type=\"person\" data=\"Nobody\"/>\n  </record>\n{PEOPLE}"
    );
    let e = fail(&registry(&body));
    check(&e, 10, 5, Some(2), "person \"Nobody\" is not in <people>");
}

#[test]
fn assignee_missing_from_people() {
    let body = format!(
        "{GOOD}  <record>\n    <assignee><xref type=\"person\" data=\"Nobody\"/></assignee>\n  </record>\n{PEOPLE}"
    );
    let e = fail(&registry(&body));
    check(&e, 8, 5, Some(2), "person \"Nobody\" is not in <people>");
}

#[test]
fn person_accepted_without_people() {
    let body = format!(
        "{GOOD}  <record>\n    <name>b</name>\n    <xref type=\"person\" data=\"Nobody\"/>\n  </record>\n"
    );
    let r = ok(&registry(&body));
    assert_eq!(r.people, None);
    assert_eq!(r.records[1].contacts, ["Nobody"]);
}

#[test]
fn person_listed_twice() {
    let body =
        format!("{GOOD}  <people>\n    <person id=\"a\"/>\n    <person id=\"a\"/>\n  </people>\n");
    check(
        &fail(&registry(&body)),
        9,
        5,
        None,
        "person \"a\" listed twice",
    );
}

#[test]
fn person_without_id() {
    let body = format!("{GOOD}  <people>\n    <person><name>X</name></person>\n  </people>\n");
    check(&fail(&registry(&body)), 8, 5, None, "<person> without id");
}

#[test]
fn unknown_element_in_person() {
    let body =
        format!("{GOOD}  <people>\n    <person id=\"a\"><email>x</email></person>\n  </people>\n");
    // "    <person id=\"a\">" is 19 characters.
    check(
        &fail(&registry(&body)),
        8,
        20,
        None,
        "unknown element <email> in <person>",
    );
}

#[test]
fn assignee_with_two_persons() {
    let e = fail(&second_record(
        "<assignee><xref type=\"person\" data=\"a\"/><xref type=\"person\" data=\"b\"/></assignee>",
    ));
    check(
        &e,
        8,
        5,
        Some(2),
        "<assignee> holds more than one person xref",
    );
}

#[test]
fn empty_assignee() {
    let e = fail(&second_record("<assignee/>"));
    check(&e, 8, 5, Some(2), "<assignee> holds no person xref");
}

#[test]
fn assignee_with_a_non_person_xref() {
    let e = fail(&second_record(
        "<assignee><xref type=\"rfc\" data=\"rfc1\"/></assignee>",
    ));
    check_line(&e, 8, Some(2), "non-person xref");
}

// ---------------------------------------------------------------- sc, xref

#[test]
fn bad_service_code() {
    for bad in ["-1", "4294967296", "abc", "+5", "1 2", ""] {
        let e = fail(&second_record(&format!("<sc>{bad}</sc>")));
        check(&e, 8, 5, Some(2), &format!("bad service code {bad:?}"));
    }
    let r = ok(&second_record("<sc>4294967295</sc>"));
    assert_eq!(r.records[1].service_code, Some(u32::MAX));
}

#[test]
fn unknown_xref_type() {
    let e = fail(&second_record("<xref type=\"isbn\" data=\"0-13\"/>"));
    check(&e, 8, 5, Some(2), "unknown xref type \"isbn\"");
    let e = fail(&second_record("<xref data=\"0-13\"/>"));
    check(&e, 8, 5, Some(2), "unknown xref type \"\"");
}

#[test]
fn bad_rfc_xref() {
    for bad in ["rfc", "6335", "rfcX", "rfc-6335", "rfc99999999999"] {
        let e = fail(&second_record(&format!(
            "<xref type=\"rfc\" data=\"{bad}\"/>"
        )));
        check(&e, 8, 5, Some(2), "bad rfc xref data");
    }
}

#[test]
fn rfc_xref_with_non_ascii_data_is_an_error_not_a_panic() {
    // "rfé" puts a character boundary at byte 4, not 3.
    for bad in ["rfé6335", "ré", "r\u{FFFD}c1", "日本語"] {
        let e = fail(&second_record(&format!(
            "<xref type=\"rfc\" data=\"{bad}\"/>"
        )));
        check(&e, 8, 5, Some(2), "bad rfc xref data");
    }
}

#[test]
fn xref_without_data() {
    let e = fail(&second_record("<xref type=\"uri\"/>"));
    check(&e, 8, 5, Some(2), "xref without data");
    let e = fail(&second_record("<xref type=\"person\" data=\"\"/>"));
    check(&e, 8, 5, Some(2), "person xref without data");
}
