//! Good input: what the parser builds from valid registries.

use super::*;

// ---------------------------------------------------------------- positive model

#[test]
fn children_in_any_order() {
    let body = "  <record updated=\"2020-01-02\" date=\"2019-05\">\n\
                \x20   <note>n</note><sc>7</sc><number>9</number><xref type=\"rfc\" data=\"RFC4340\"/>\n\
                \x20   <description>d</description><protocol>DCCP</protocol><name>discard</name>\n\
                \x20   <unauthorized>u</unauthorized><xref type=\"person\" data=\"p\"/>\n\
                \x20 </record>\n";
    let r = ok(&registry(body));
    let rec = &r.records[0];
    assert_eq!(rec.line, 3);
    assert_eq!(rec.name.as_deref(), Some("discard"));
    assert_eq!(rec.protocol, Some(Protocol::Dccp));
    assert_eq!(rec.ports, Some((9, 9)));
    assert_eq!(rec.description, "d");
    assert_eq!(rec.note.as_deref(), Some("n"));
    assert_eq!(rec.unauthorized.as_deref(), Some("u"));
    assert_eq!(rec.service_code, Some(7));
    assert_eq!(rec.contacts, ["p"]);
    assert_eq!(rec.references.len(), 1);
    assert_eq!(rec.references[0].kind, RefKind::Rfc);
    assert_eq!(rec.references[0].data, "RFC4340");
    assert_eq!(
        rec.date,
        Some(Date {
            year: 2019,
            month: 5,
            day: None
        })
    );
    assert_eq!(
        rec.updated,
        Some(Date {
            year: 2020,
            month: 1,
            day: Some(2)
        })
    );
    assert_eq!(rec.status(), Status::Assigned);
}

#[test]
fn empty_name_is_none() {
    let body = "  <record>\n    <name/>\n    <description>Unassigned</description>\n    <number>5</number>\n  </record>\n\
                \x20 <record>\n    <name>  </name>\n    <description>Reserved</description>\n  </record>\n\
                \x20 <record>\n    <description>(unassigned)</description>\n  </record>\n\
                \x20 <record>\n    <description/>\n  </record>\n";
    let r = ok(&registry(body));
    let names: Vec<_> = r.records.iter().map(|r| r.name.clone()).collect();
    assert_eq!(names, [None, None, None, None]);
    let status: Vec<_> = r.records.iter().map(|r| r.status()).collect();
    assert_eq!(
        status,
        [
            Status::Unassigned,
            Status::Reserved,
            Status::Unassigned,
            Status::Reserved
        ]
    );
    assert_eq!(r.records[3].description, "");
    assert_eq!(r.records[1].ports, None);
}

#[test]
fn mixed_content_description() {
    let body = "  <record>\n    <description>Line one<br/>line   two\n        continued<br/><br/>  after a blank  </description>\n  </record>\n";
    let r = ok(&registry(body));
    assert_eq!(
        r.records[0].description,
        "Line one\nline two continued\n\nafter a blank"
    );
}

#[test]
fn entities_are_resolved() {
    let body = "  <record>\n    <description>A &amp; B &lt;c&gt; &quot;q&quot; &apos;s&apos; &#233;&#x00FF;</description>\n  </record>\n";
    let r = ok(&registry(body));
    assert_eq!(r.records[0].description, "A & B <c> \"q\" 's' éÿ");
}

#[test]
fn inline_xrefs_render_into_text() {
    let body = "  <record>\n    <description>See <xref type=\"rfc\" data=\"rfc6335\"/>, \
                <xref type=\"person\" data=\"Jon\"/>, <xref type=\"note\" data=\"1\"/>, \
                <xref type=\"uri\" data=\"http://x.example/\"/> and \
                <xref type=\"uri\" data=\"http://y.example/\">the   site</xref>.</description>\n  </record>\n";
    let r = ok(&registry(body));
    let rec = &r.records[0];
    assert_eq!(
        rec.description,
        "See [RFC6335], [Jon], [1], http://x.example/ and the site."
    );
    // Inline xrefs are text, not references or contacts.
    assert!(rec.references.is_empty());
    assert!(rec.contacts.is_empty());
}

#[test]
fn paragraphs() {
    let body = "  <record>\n    <note><paragraph>First  one</paragraph>\n<paragraph>Second</paragraph></note>\n    <description>x</description>\n  </record>\n";
    let r = ok(&registry(body));
    assert_eq!(r.records[0].note.as_deref(), Some("First one\n\nSecond"));
}

#[test]
fn both_date_forms() {
    let r = ok(&dated_record("date=\"2006-08\" updated=\"2024-02-29\""));
    let rec = &r.records[1];
    assert_eq!(
        rec.date,
        Some(Date {
            year: 2006,
            month: 8,
            day: None
        })
    );
    assert_eq!(
        rec.updated,
        Some(Date {
            year: 2024,
            month: 2,
            day: Some(29)
        })
    );
    assert_eq!(rec.date.unwrap().to_string(), "2006-08");
    assert_eq!(rec.updated.unwrap().to_string(), "2024-02-29");
    // The first record has no dates.
    assert_eq!((r.records[0].date, r.records[0].updated), (None, None));
}

#[test]
fn ranges_and_degenerate_ranges() {
    let cases = [
        ("6000-6063", (6000, 6063)),
        ("5-5", (5, 5)),
        ("0", (0, 0)),
        ("65535", (65535, 65535)),
        ("0-65535", (0, 65535)),
        (" 80 ", (80, 80)),
        ("007", (7, 7)),
    ];
    for (text, want) in cases {
        let r = ok(&second_record(&format!("<number>{text}</number>")));
        assert_eq!(r.records[1].ports, Some(want), "{text}");
    }
}

#[test]
fn protocol_absent_or_any_case() {
    let r = ok(&second_record(
        "<name>vrml-multi-use</name><number>4200-4299</number>",
    ));
    assert_eq!(r.records[1].protocol, None);
    assert_eq!(r.records[1].ports, Some((4200, 4299)));
    for (text, want) in [
        ("tcp", Protocol::Tcp),
        ("UDP", Protocol::Udp),
        ("Sctp", Protocol::Sctp),
        ("dccp", Protocol::Dccp),
    ] {
        let r = ok(&second_record(&format!("<protocol>{text}</protocol>")));
        assert_eq!(r.records[1].protocol, Some(want));
    }
    let r = ok(&second_record("<protocol/>"));
    assert_eq!(r.records[1].protocol, None);
}

#[test]
fn references_of_every_kind() {
    let r = ok(&second_record(
        "<xref type=\"rfc\" data=\"rfc6335\"/><xref type=\"uri\" data=\"http://a/\"/>\
         <xref type=\"draft\" data=\"draft-x\"/><xref type=\"text\">Some  text</xref>\
         <xref type=\"note\" data=\"1\"/><xref type=\"rfc\" data=\"rfc1\">RFC1, sec 2</xref>",
    ));
    let got: Vec<_> = r.records[1]
        .references
        .iter()
        .map(|x| (x.kind, x.data.as_str(), x.text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (RefKind::Rfc, "rfc6335", ""),
            (RefKind::Uri, "http://a/", ""),
            (RefKind::Draft, "draft-x", ""),
            (RefKind::Text, "", "Some text"),
            (RefKind::Note, "1", ""),
            (RefKind::Rfc, "rfc1", "RFC1, sec 2"),
        ]
    );
}

#[test]
fn assignee_and_contacts() {
    let body = "  <record>\n    <assignee>\n      <xref type=\"person\" data=\"A\"/>\n    </assignee>\n\
         \x20   <xref type=\"person\" data=\"B\"/><xref type=\"person\" data=\"C\"/>\n  </record>\n\
         \x20 <people><person id=\"A\"/><person id=\"B\"/><person id=\"C\"/></people>\n";
    let r = ok(&registry(body));
    assert_eq!(r.records[0].assignee.as_deref(), Some("A"));
    assert_eq!(r.records[0].contacts, ["B", "C"]);
    assert_eq!(r.people.as_ref().map(Vec::len), Some(3));
}

#[test]
fn people_with_several_uris() {
    let body = format!(
        "{GOOD}  <people>\n    <person id=\"Jon_Postel\">\n      <name>Jon  Postel</name>\n\
         \x20     <org>ISI</org>\n      <uri>mailto:postel&amp;isi.edu</uri>\n\
         \x20     <uri>http://example.org/jon</uri>\n      <updated>2005-09</updated>\n\
         \x20   </person>\n    <person id=\"x\"><name/></person>\n  </people>\n"
    );
    let r = ok(&registry(&body));
    let people = r.people.expect("people");
    assert_eq!(people.len(), 2);
    let p = &people[0];
    assert_eq!(p.id, "Jon_Postel");
    assert_eq!(p.name.as_deref(), Some("Jon Postel"));
    assert_eq!(p.org.as_deref(), Some("ISI"));
    assert_eq!(p.uris, ["mailto:postel&isi.edu", "http://example.org/jon"]);
    assert_eq!(
        p.updated,
        Some(Date {
            year: 2005,
            month: 9,
            day: None
        })
    );
    assert_eq!(people[1].name, None);
    assert!(people[1].uris.is_empty());
}

#[test]
fn header_elements_comments_and_footnotes() {
    let text = "<?xml version='1.0' encoding='UTF-8'?>\n<?xml-stylesheet type=\"text/xsl\" href=\"x.xsl\"?>\n\
        <!-- a comment -->\n\
        <registry xmlns=\"http://www.iana.org/assignments\" id=\"service-names-port-numbers\">\n\
        <title>T</title><category>C</category><updated>2026-08-17</updated>\n\
        <xref type=\"rfc\" data=\"rfc6335\"/><expert>E</expert><note>N <xref type=\"rfc\" data=\"rfc6335\"/></note>\n\
        <!-- between --><record><name>a</name><![CDATA[]]></record>\n\
        <footnote anchor=\"1\">Foot<br/>note</footnote>\n<people/>\n</registry>\n";
    let r = ok(text);
    assert_eq!(r.records.len(), 1);
    assert_eq!(r.records[0].line, 7);
    assert_eq!(r.footnotes, [("1".to_string(), "Foot\nnote".to_string())]);
    assert_eq!(r.people, Some(vec![]));
    assert_eq!(r.updated.unwrap().to_string(), "2026-08-17");
}
