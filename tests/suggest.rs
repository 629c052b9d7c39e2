//! `suggest` and the suggestion in `ParseQueryError::UnknownName`: a list of
//! real typos with the name a user meant (each checked against
//! `registry.xml` with grep), names that must get no suggestion, hostile
//! input, and an independent brute-force implementation of the documented
//! rules over the names read from the XML with `roxmltree`.

use std::collections::HashSet;

use iana_ports::{ParseQueryError, Query, records, suggest};

mod common;
use common::registry::registry_path;

/// Typos users make, and the registered name they meant.
const TYPOS: &[(&str, &str)] = &[
    ("postgres", "postgresql"), // netbase's alias, not an IANA name
    ("POSTGRES", "postgresql"),
    ("postgressql", "postgresql"),
    ("postgrsql", "postgresql"),
    ("ssh2", "ssh"),
    ("sshd", "ssh"),
    ("shh", "ssh"),
    ("http_alt", "http-alt"),
    ("HTTP_ALT", "http-alt"),
    ("httpalt", "http-alt"),
    ("htps", "https"),
    ("htttp", "http"),
    ("htpp", "http"),
    ("telent", "telnet"),
    ("smpt", "smtp"),
    ("mqqt", "mqtt"),
    ("domian", "domain"),
    ("ldpas", "ldaps"),
    ("rsycn", "rsync"),
    ("rsyncd", "rsync"),
    ("submision", "submission"),
    ("kerberos5", "kerberos"),
    ("mysq", "mysql"),
    ("myslq", "mysql"),
    ("mongo", "mongodb"),
    ("snmp-trap", "snmptrap"),
    ("xmpp-clinet", "xmpp-client"),
    ("microsoft_ds", "microsoft-ds"),
    ("netbios_ssn", "netbios-ssn"),
];

/// Not IANA names, and nothing registered is close: no suggestion.
const NO_SUGGESTION: &[&str] = &[
    "kafka",
    "minecraft",
    "elasticsearch",
    "prometheus",
    "grafana",
    "etcd",
    "cassandra",
    "rabbitmq",
    "kubernetes",
    "banana",
    "zebra",
    "weather",
    "keyboard",
    "computer",
    "window",
    "garden",
    "coffee",
    "guitar",
    "qwertyuiop",
    "",
    "x",
    "ab",
];

#[test]
fn typos_get_the_name_meant() {
    let mut wrong = Vec::new();
    for &(typo, meant) in TYPOS {
        if suggest(typo) != Some(meant) {
            wrong.push(format!("{typo:?}: {:?}, expected {meant:?}", suggest(typo)));
        }
        // Parsing says the same, with or without a protocol.
        let err = typo.parse::<Query>().unwrap_err();
        assert_eq!(err.suggestion(), suggest(typo), "{typo:?}");
        assert_eq!(
            err.to_string(),
            format!("unknown service name; did you mean \"{meant}\"?")
        );
        let err = format!("{typo}/tcp").parse::<Query>().unwrap_err();
        assert_eq!(err.suggestion(), suggest(typo), "{typo:?}/tcp");
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn far_names_get_none() {
    for &word in NO_SUGGESTION {
        assert_eq!(suggest(word), None, "{word:?}");
        if word.is_empty() {
            continue;
        }
        if let Err(e) = word.parse::<Query>() {
            assert_eq!(e.to_string(), "unknown service name", "{word:?}");
            assert_eq!(e.suggestion(), None);
        }
    }
}

#[test]
fn registered_names_give_themselves() {
    assert_eq!(suggest("SSH"), Some("ssh"));
    assert_eq!(suggest("Http-Alt"), Some("http-alt"));
    assert_eq!(suggest("sql*net"), Some("sql*net"));
    // The registry's spelling, not the input's.
    assert_eq!(suggest("ethernet/ip-1"), Some("EtherNet/IP-1"));
}

#[test]
fn any_input_is_fine() {
    let long = "s".repeat(100_000);
    let inputs = [
        long.as_str(),
        "ſsh",
        "ＳＳＨ",
        "ssh\u{301}",
        "überdienst",
        "\0",
        "ssh\0",
        "http\0\0",
        "🦀🦀🦀🦀",
        "s\u{10FFFF}h",
        "sssssssssssssssssssssssssssssssssssssssss",
        "https-https-https-https-https-h",   // 31 bytes
        "https-https-https-https-https-ht",  // 32
        "https-https-https-https-https-htt", // 33
    ];
    for s in inputs {
        if let Some(name) = suggest(s) {
            assert!(iana_ports::by_name(name).len() > 0, "{s:?} -> {name:?}");
        }
    }
    assert_eq!(suggest(&long), None);
    assert_eq!(suggest("ssh\0"), Some("ssh"));
    assert_eq!(suggest("ＳＳＨ"), None);
}

// ---------------------------------------------------------------------------
// The documented rules, brute force, over the XML's names
// ---------------------------------------------------------------------------

/// Distinct names (first spelling) in registry order, from the XML the
/// build read.
fn xml_names() -> Vec<String> {
    let path = registry_path();
    let text = std::fs::read_to_string(&path).unwrap();
    let doc = roxmltree::Document::parse_with_options(
        &text,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .unwrap();
    let mut seen = HashSet::new();
    let mut names = Vec::new();
    for rec in doc.descendants().filter(|n| n.has_tag_name("record")) {
        let name = rec
            .children()
            .find(|n| n.has_tag_name("name"))
            .and_then(|n| n.text())
            .map(str::trim)
            .filter(|n| !n.is_empty());
        if let Some(name) = name {
            if seen.insert(name.to_ascii_lowercase()) {
                names.push(name.to_string());
            }
        }
    }
    names
}

fn fold(c: u8) -> u8 {
    if c == b'_' {
        b'-'
    } else {
        c.to_ascii_lowercase()
    }
}

/// Optimal string alignment distance, the textbook full table.
fn osa(a: &[u8], b: &[u8]) -> usize {
    let a: Vec<u8> = a.iter().map(|&c| fold(c)).collect();
    let b: Vec<u8> = b.iter().map(|&c| fold(c)).collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// The rules of `suggest`'s documentation.
fn oracle<'a>(names: &'a [String], q: &str) -> Option<&'a str> {
    if let Some(n) = names.iter().find(|n| n.eq_ignore_ascii_case(q)) {
        return Some(n);
    }
    let qb = q.as_bytes();
    if qb.is_empty() || qb.len() > 32 {
        return None;
    }
    let limit = match qb.len() {
        1 | 2 => 0,
        3..=6 => 1,
        _ => 2,
    };
    let mut best: Option<(usize, &str)> = None;
    for n in names {
        let nb = n.as_bytes();
        if fold(nb[0]) != fold(qb[0]) {
            continue;
        }
        let d = osa(qb, nb);
        let edits = if d <= limit {
            d
        } else if qb.len() >= 4
            && nb.len() > qb.len()
            && nb.len() - qb.len() <= 2
            && nb.iter().zip(qb).all(|(&x, &y)| fold(x) == fold(y))
        {
            nb.len() - qb.len()
        } else {
            continue;
        };
        // Names are in registry order: the first of the fewest edits wins.
        if best.is_none_or(|(e, _)| edits < e) {
            best = Some((edits, n));
        }
    }
    best.map(|(_, n)| n)
}

#[test]
fn agrees_with_the_rules() {
    let names = xml_names();
    let from_crate: HashSet<String> = records()
        .filter_map(|r| r.name())
        .map(str::to_ascii_lowercase)
        .collect();
    assert_eq!(names.len(), from_crate.len());
    // Inputs: the lists above, and every 25th name changed by one or two
    // edits of each kind.
    let mut inputs: Vec<String> = TYPOS.iter().map(|t| t.0.to_string()).collect();
    inputs.extend(NO_SUGGESTION.iter().map(|s| s.to_string()));
    for n in names.iter().step_by(25) {
        let b = n.as_bytes();
        let m = b.len() / 2;
        let mut edit = |v: Vec<u8>| {
            if let Ok(s) = String::from_utf8(v) {
                inputs.push(s);
            }
        };
        edit([&b[..m], &b[m + 1..]].concat()); // delete
        edit([&b[..m], b"x", &b[m..]].concat()); // insert
        edit([&b[..m], b"q", &b[m + 1..]].concat()); // replace
        edit([n.as_bytes(), b"2"].concat()); // append
        edit([n.as_bytes(), b"zz"].concat());
        edit(b[..b.len().saturating_sub(2)].to_vec()); // cut short
        edit(b[1..].to_vec()); // first letter lost
        if b.len() > 2 {
            let mut v = b.to_vec();
            v.swap(m - 1, m);
            edit(v); // swap
        }
        edit(n.replace('-', "_").into_bytes());
        edit(n.to_ascii_uppercase().into_bytes());
    }
    let mut some = 0;
    for q in &inputs {
        let want = oracle(&names, q);
        assert_eq!(suggest(q), want, "{q:?}");
        some += usize::from(want.is_some());
    }
    // The edits must mostly find their name, or the test shows little.
    assert!(some * 2 > inputs.len(), "{some} of {}", inputs.len());
}

#[test]
fn error_stays_small_and_copy() {
    fn copy<T: Copy + Eq + std::hash::Hash + std::error::Error + Send + Sync + 'static>() {}
    copy::<ParseQueryError>();
    assert!(std::mem::size_of::<ParseQueryError>() <= 24);
}
