//! The `serde` feature: every record serialises with all its fields, and
//! `Protocol` deserialises from a borrowed string in any case.
#![cfg(feature = "serde")]

use iana_ports::Protocol;
use serde_json::Value;

/// Whole records: their metadata fields need the `metadata` feature.
#[cfg(feature = "metadata")]
mod records {
    use iana_ports::{Date, Person, Protocol, Record, Reference, records};
    use serde_json::{Value, json};

    fn date(d: Option<Date>) -> Value {
        match d {
            Some(d) => {
                let mut s = format!("{:04}-{:02}", d.year(), d.month());
                if let Some(day) = d.day() {
                    s += &format!("-{day:02}");
                }
                Value::String(s)
            }
            None => Value::Null,
        }
    }

    fn person(p: Person) -> Value {
        json!({
            "id": p.id(),
            "name": p.name(),
            "org": p.org(),
            "uris": p.uris().collect::<Vec<_>>(),
            "updated": date(p.updated()),
        })
    }

    fn reference(r: Reference) -> Value {
        match r {
            Reference::Rfc { number, text } => json!({"type": "rfc", "rfc": number, "text": text}),
            Reference::Uri { uri, text } => json!({"type": "uri", "uri": uri, "text": text}),
            Reference::Draft { name, text } => json!({"type": "draft", "name": name, "text": text}),
            Reference::Text(text) => json!({"type": "text", "text": text}),
            Reference::Note { anchor, footnote } => {
                json!({"type": "note", "anchor": anchor, "footnote": footnote})
            }
        }
    }

    /// The JSON a record should give, built from its accessors.
    fn expected(r: Record) -> Value {
        json!({
            "name": r.name(),
            "protocol": r.protocol().map(|p| match p {
                Protocol::Tcp => "tcp",
                Protocol::Udp => "udp",
                Protocol::Sctp => "sctp",
                Protocol::Dccp => "dccp",
            }),
            "ports": r.ports().map(|p| json!({"start": p.start(), "end": p.end()})),
            "status": match r.status() {
                iana_ports::Status::Assigned => "assigned",
                iana_ports::Status::Reserved => "reserved",
                iana_ports::Status::Unassigned => "unassigned",
            },
            "description": r.description(),
            "assignee": r.assignee().map(person),
            "contacts": r.contacts().map(person).collect::<Vec<_>>(),
            "registered": date(r.registered()),
            "modified": date(r.modified()),
            "references": r.references().map(reference).collect::<Vec<_>>(),
            "service_code": r.service_code(),
            "unauthorized": r.unauthorized(),
            "note": r.note(),
        })
    }

    #[test]
    fn every_record_serialises_with_all_its_fields() {
        let mut seen = [false; 5];
        for r in records() {
            let got = serde_json::to_value(r).unwrap();
            assert_eq!(got, expected(r), "record {}", r.index());
            // Field order as documented, and the text form parses to the same.
            let text = serde_json::to_string(&r).unwrap();
            assert!(text.starts_with(r#"{"name":"#), "{text}");
            assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), got);
            for reference in r.references() {
                let k = match reference {
                    Reference::Rfc { .. } => 0,
                    Reference::Uri { .. } => 1,
                    Reference::Draft { .. } => 2,
                    Reference::Text(_) => 3,
                    Reference::Note { .. } => 4,
                };
                seen[k] = true;
            }
        }
        // The shipped data (IANA's XML of 2026-08-17) has every kind of
        // reference, footnotes included.
        assert!(seen.iter().all(|&s| s), "{seen:?}");
    }

    #[test]
    fn known_record() {
        let http = iana_ports::by_name("http").next().unwrap();
        let v = serde_json::to_value(http).unwrap();
        assert_eq!(v["name"], "http");
        assert_eq!(v["protocol"], "tcp");
        assert_eq!(v["ports"], json!({"start": 80, "end": 80}));
        assert_eq!(v["status"], "assigned");
        assert_eq!(v["description"], "World Wide Web HTTP");
        let x11 = iana_ports::by_name("x11").next().unwrap();
        assert_eq!(
            serde_json::to_value(x11).unwrap()["ports"],
            json!({"start": 6000, "end": 6063})
        );
        let reserved = iana_ports::by_port(0, Protocol::Tcp).next().unwrap();
        let v = serde_json::to_value(reserved).unwrap();
        assert_eq!(v["name"], Value::Null);
        assert_eq!(v["status"], "reserved");
        let discard = iana_ports::by_port(9, Protocol::Dccp).next().unwrap();
        assert_eq!(
            serde_json::to_value(discard).unwrap()["service_code"],
            1145656131
        );
        // exp1 1021/tcp: <xref type="note" data="1"/>, and the registry's
        // <footnote anchor="1"> (registry.xml line 101063), white space
        // runs as one space.
        let exp1 = iana_ports::by_port(1021, Protocol::Tcp).next().unwrap();
        assert_eq!(exp1.name(), Some("exp1"));
        let v = serde_json::to_value(exp1).unwrap();
        let note = v["references"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["type"] == "note")
            .expect("exp1 has a note reference");
        assert_eq!(
            *note,
            json!({"type": "note", "anchor": "1", "footnote":
                "It is only appropriate to use these values in explicitly- configured \
                 experiments; they MUST NOT be shipped as defaults in implementations. \
                 See RFC 3692 for details."})
        );
    }
}

#[test]
fn protocol_round_trip_and_any_case() {
    for (text, p) in [
        ("tcp", Protocol::Tcp),
        ("TCP", Protocol::Tcp),
        ("Tcp", Protocol::Tcp),
        ("uDp", Protocol::Udp),
        ("SCTP", Protocol::Sctp),
        ("dccp", Protocol::Dccp),
    ] {
        let json = format!("\"{text}\"");
        // from_str borrows from the input: the visitor gets a &str.
        assert_eq!(serde_json::from_str::<Protocol>(&json).unwrap(), p);
        assert_eq!(
            serde_json::from_slice::<Protocol>(json.as_bytes()).unwrap(),
            p
        );
        assert_eq!(
            serde_json::from_value::<Protocol>(Value::String(text.into())).unwrap(),
            p
        );
    }
    for p in Protocol::ALL {
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(json, format!("\"{}\"", p.as_str()));
        assert_eq!(serde_json::from_str::<Protocol>(&json).unwrap(), p);
    }
    // Escaped strings cannot be borrowed: still fine.
    assert_eq!(
        serde_json::from_str::<Protocol>(r#""\u0074cp""#).unwrap(),
        Protocol::Tcp
    );
    // A borrowed &str inside a larger document.
    let v: Vec<Protocol> = serde_json::from_str(r#"["udp", "Dccp"]"#).unwrap();
    assert_eq!(v, [Protocol::Udp, Protocol::Dccp]);
}

#[test]
fn protocol_rejects_other_text() {
    for bad in [
        r#""icmp""#,
        r#""""#,
        r#"" tcp""#,
        r#""tcp ""#,
        "6",
        "null",
        "[]",
    ] {
        let err = serde_json::from_str::<Protocol>(bad).unwrap_err();
        assert!(err.is_data(), "{bad}: {err}");
    }
    let err = serde_json::from_str::<Protocol>(r#""icmp""#).unwrap_err();
    assert!(err.to_string().contains("icmp"), "{err}");
    assert!(err.to_string().contains("tcp, udp, sctp or dccp"), "{err}");
}

/// `Query` from a config file's value: strings as `FromStr` parses them,
/// integers as ports; the errors' messages, suggestion included.
mod query {
    use std::collections::BTreeMap;

    use iana_ports::{Protocol, Query};

    fn q(json: &str) -> Query {
        serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"))
    }

    fn err(json: &str) -> String {
        serde_json::from_str::<Query>(json)
            .map(|q| panic!("{json}: parsed as {q:?}"))
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn deserializes() {
        assert_eq!(q(r#""https""#), "https".parse().unwrap());
        assert_eq!(q(r#""HTTPS/udp""#), "https/udp".parse().unwrap());
        assert_eq!(q(r#""443""#), "443".parse().unwrap());
        assert_eq!(q("443"), "443".parse().unwrap());
        assert_eq!(q("0"), "0".parse().unwrap());
        assert_eq!(q("65535"), "65535".parse().unwrap());
        assert_eq!(q(r#""x11/tcp""#).port(), Some(6000));
        let c: BTreeMap<&str, Query> =
            serde_json::from_str(r#"{"listen": "ssh", "metrics": 9100}"#).unwrap();
        assert_eq!(c["listen"].port(), Some(22));
        assert_eq!(c["metrics"].port(), Some(9100));
        assert_eq!(c["metrics"].protocol(), None);
        // From a value too (owned strings).
        let v = serde_json::json!({"listen": "domain/udp"});
        let c: BTreeMap<String, Query> = serde_json::from_value(v).unwrap();
        assert_eq!(c["listen"].protocol(), Some(Protocol::Udp));
    }

    #[test]
    fn errors() {
        assert!(
            err(r#""postgres""#).starts_with("unknown service name; did you mean \"postgresql\"?"),
            "{}",
            err(r#""postgres""#)
        );
        assert!(err(r#""kafka""#).starts_with("unknown service name at"));
        assert!(err(r#""70000""#).starts_with("port number out of range"));
        assert!(err(r#"" 443""#).starts_with("white space"));
        assert!(err(r#""ssh/dccp""#).starts_with("service name not registered"));
        assert!(err("70000").starts_with("invalid value: integer `70000`"));
        assert!(err("-1").starts_with("invalid value: integer `-1`"));
        assert!(err("4.5").starts_with("invalid type: floating point"));
        assert!(err("null").starts_with("invalid type: null"));
        assert!(err("[]").starts_with("invalid type: sequence"));
    }

    #[test]
    fn round_trips() {
        for text in [
            "https",
            "https/udp",
            "443",
            "443/sctp",
            "x11/tcp",
            "sql*net",
        ] {
            let query: Query = text.parse().unwrap();
            let json = serde_json::to_string(&query).unwrap();
            assert_eq!(json, format!("\"{query}\""));
            assert_eq!(serde_json::from_str::<Query>(&json).unwrap(), query);
        }
    }
}
