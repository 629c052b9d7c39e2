//! `by_name`, `by_port`, `port`, `ports` and `service_name` against scans of the XML.

use super::*;
use crate::common::names::alternating;

#[test]
fn by_name_matches_the_registry() {
    let exp = expected();
    let mut f = Failures::new("by_name");
    let mut named = 0;
    for (i, e) in exp.records.iter().enumerate() {
        let Some(n) = &e.name else { continue };
        named += 1;
        for q in [
            n.to_ascii_lowercase(),
            n.to_ascii_uppercase(),
            alternating(n),
        ] {
            if !by_name(&q).any(|r| r.index() == i) {
                f.list
                    .push(format!("record {i} ({n}) not found by by_name({q:?})"));
            }
        }
    }
    assert!(named > 10_000, "{named} named records");
    let want = |q: &str| -> Vec<usize> {
        exp.names
            .get(&q.to_ascii_lowercase())
            .cloned()
            .unwrap_or_default()
    };
    for n in &exp.distinct_names {
        let mut probes = vec![
            n.clone(),
            n.to_ascii_lowercase(),
            n.to_ascii_uppercase(),
            alternating(n),
            alternating(&n.to_ascii_lowercase().chars().rev().collect::<String>())
                .chars()
                .rev()
                .collect(),
            format!("{n}x"),
            format!("{n}\0"),
            format!(" {n}"),
            format!("{n} "),
        ];
        let mut chars = n.chars();
        chars.next_back();
        probes.push(chars.as_str().to_string());
        for q in probes {
            let got = by_name(&q);
            let len = got.len();
            let got = ix(got);
            let w = want(&q);
            f.check(&|| format!("by_name({q:?})"), len, w.len());
            f.check(&|| format!("by_name({q:?})"), got, w);
        }
    }
    for q in [
        "",
        " ",
        "\0",
        "no-such-service-here",
        "ssh\u{0}",
        "ſsh",
        "ＳＳＨ",
        "é",
    ] {
        f.check(&|| format!("by_name({q:?})"), ix(by_name(q)), want(q));
    }
    let long = "a".repeat(10_000);
    f.check(&|| "by_name(10 KB)".into(), by_name(&long).len(), 0);
    f.finish();
}

#[test]
fn by_port_matches_a_scan() {
    let exp = expected();
    let mut f = Failures::new("by_port/service_name");
    let mut nonempty = 0usize;
    for (pi, p) in Protocol::ALL.iter().enumerate() {
        for port in 0..=u16::MAX {
            let want = &exp.by_port[pi][usize::from(port)];
            let got = by_port(port, *p);
            if got.len() != want.len() {
                f.list.push(format!(
                    "by_port({port}, {p}).len() = {}, expected {}",
                    got.len(),
                    want.len()
                ));
            }
            let mut n = 0;
            let mut same = true;
            for (k, r) in got.enumerate() {
                n += 1;
                same &= want.get(k).is_some_and(|&w| w as usize == r.index());
            }
            if !same || n != want.len() {
                f.list.push(format!(
                    "by_port({port}, {p}) = {:?}, expected {want:?}",
                    ix(by_port(port, *p))
                ));
            }
            nonempty += usize::from(!want.is_empty());
            let want_name = want
                .iter()
                .find_map(|&i| exp.records[i as usize].name.as_deref());
            let got_name = service_name(port, *p);
            if got_name != want_name {
                f.list.push(format!(
                    "service_name({port}, {p}) = {got_name:?}, expected {want_name:?}"
                ));
            }
        }
    }
    println!("{nonempty} (port, protocol) pairs with records");
    assert!(nonempty > 100_000, "{nonempty}");
    f.finish();
}

/// The (name, protocol) pairs whose `port()` is not the first port in
/// registry order but the one netbase's `/etc/services` lists. Written by
/// hand (the crate's table is `build/preferred.rs`).
const PREFERRED: [(&str, Protocol, u16); 1] = [("http-alt", Protocol::Tcp, 8080)];

#[test]
fn port_matches_the_registry() {
    let exp = expected();
    let mut f = Failures::new("port");
    let mut found = 0;
    for n in &exp.distinct_names {
        let group = &exp.names[&n.to_ascii_lowercase()];
        for p in Protocol::ALL {
            let first = group.iter().find_map(|&i| {
                let r = &exp.records[i];
                r.ports
                    .filter(|_| r.protocol.is_none_or(|q| q == p))
                    .map(|(lo, _)| lo)
            });
            // Where /etc/services lists another of the name's ports: that one,
            // when this registry has it on the protocol.
            let preferred = PREFERRED
                .iter()
                .filter(|e| e.0.eq_ignore_ascii_case(n) && e.1 == p)
                .map(|e| e.2)
                .find(|&port| {
                    group.iter().any(|&i| {
                        let r = &exp.records[i];
                        r.protocol == Some(p) && r.ports.map(|x| x.0) == Some(port)
                    })
                });
            let want = preferred.or(first);
            found += usize::from(want.is_some());
            for q in [n.clone(), n.to_ascii_uppercase(), alternating(n)] {
                f.check(&|| format!("port({q:?}, {p})"), port(&q, p), want);
            }
        }
    }
    assert!(found > 10_000, "{found}");
    for p in Protocol::ALL {
        f.check(&|| format!("port(\"\", {p})"), port("", p), None);
        f.check(
            &|| format!("port(nope, {p})"),
            port("no-such-service-here", p),
            None,
        );
    }
    f.finish();
}

#[test]
fn spot_checks() {
    let names: Vec<_> = by_port(80, Protocol::Tcp)
        .filter_map(|r| r.name())
        .collect();
    assert_eq!(names, ["http", "www", "www-http"]);
    assert_eq!(service_name(80, Protocol::Tcp), Some("http"));

    let x11 = by_port(6003, Protocol::Tcp).next().unwrap();
    assert_eq!(x11.name(), Some("x11"));
    assert_eq!(x11.ports().unwrap().to_string(), "6000-6063");

    let vrml = by_port(4250, Protocol::Udp).next().unwrap();
    assert_eq!(vrml.name(), Some("vrml-multi-use"));
    assert_eq!(vrml.protocol(), None);
    assert_eq!(
        vrml.ports().map(|p| (p.start(), p.end())),
        Some((4200, 4299))
    );

    let free: Vec<Record> = by_port(4196, Protocol::Tcp).collect();
    assert_eq!(free.len(), 1, "{free:?}");
    assert_eq!(free[0].name(), None);
    assert_eq!(free[0].protocol(), None);
    assert_eq!(free[0].status(), Status::Unassigned);
    #[cfg(feature = "metadata")]
    assert_eq!(free[0].description(), "Unassigned");
    assert_eq!(
        free[0].ports().map(|p| (p.start(), p.end())),
        Some((4196, 4196))
    );

    let ssh: Vec<_> = by_name("SSH")
        .map(|r| {
            (
                r.name(),
                r.ports().map(|p| (p.start(), p.end())),
                r.protocol(),
            )
        })
        .collect();
    assert_eq!(
        ssh,
        [
            (Some("ssh"), Some((22, 22)), Some(Protocol::Tcp)),
            (Some("ssh"), Some((22, 22)), Some(Protocol::Udp)),
            (Some("ssh"), Some((22, 22)), Some(Protocol::Sctp)),
            (Some("ssh"), None, Some(Protocol::Tcp)),
        ]
    );
    assert_eq!(port("ssh", Protocol::Tcp), Some(22));
    assert_eq!(port("ssh", Protocol::Dccp), None);
}

#[test]
fn ports_matches_the_registry() {
    let exp = expected();
    let mut f = Failures::new("ports");
    let (mut several, mut ranges) = (0, 0);
    for n in &exp.distinct_names {
        let group = &exp.names[&n.to_ascii_lowercase()];
        for p in Protocol::ALL {
            let want: Vec<(u16, u16)> = group
                .iter()
                .filter_map(|&i| {
                    let r = &exp.records[i];
                    r.ports.filter(|_| r.protocol.is_none_or(|q| q == p))
                })
                .collect();
            several += usize::from(want.len() > 1);
            ranges += usize::from(want.iter().any(|r| r.0 != r.1));
            for q in [n.clone(), n.to_ascii_uppercase(), alternating(n)] {
                let got: Vec<(u16, u16)> = ports(&q, p)
                    .map(|r: PortRange| (r.start(), r.end()))
                    .collect();
                f.check(&|| format!("ports({q:?}, {p})"), got, want.clone());
                f.check(
                    &|| format!("ports({q:?}, {p}).len()"),
                    ports(&q, p).len(),
                    want.len(),
                );
            }
        }
    }
    // IANA registers about 60 (name, protocol) pairs on several ports.
    assert!(several > 40, "{several}");
    assert!(ranges > 20, "{ranges}");
    for p in Protocol::ALL {
        f.check(&|| format!("ports(\"\", {p})"), ports("", p).len(), 0);
        f.check(
            &|| format!("ports(nope, {p})"),
            ports("no-such-service-here", p).len(),
            0,
        );
    }
    f.finish();
}
