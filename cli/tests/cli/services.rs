//! `iana-ports services`: its lines parsed back (tests/common/services.rs,
//! shared with the library's tests) and compared with a scan of the records
//! and with the library's own output.

use std::collections::BTreeMap;
use std::io::Read;
use std::process::{Command, Stdio};

use iana_ports::{Names, Protocol, Ranges, ServicesOptions, write_services_io};

use super::ok;

#[path = "../../../tests/common/services.rs"]
mod format;
use format::{expected, is_word, parse, rfc6335, table};

/// services(5) lines as ((port, protocol), names), checking the syntax and
/// the order.
fn parse_services(text: &str) -> BTreeMap<(u16, Protocol), Vec<String>> {
    table(&parse(text))
}

fn library_services(options: ServicesOptions) -> String {
    let mut out = Vec::new();
    write_services_io(&mut out, options).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn services_default() {
    let text = ok(&["services"]);
    assert_eq!(text, library_services(ServicesOptions::new()));
    assert!(text.starts_with("# IANA Service Name"));
    assert_eq!(
        parse_services(&text),
        expected(false, &Protocol::ALL, is_word)
    );
    let http = text.lines().find(|l| l.contains(" 80/tcp ")).unwrap();
    assert_eq!(
        http.split_whitespace().collect::<Vec<_>>(),
        [
            "http", "80/tcp", "www", "www-http", "#", "World", "Wide", "Web", "HTTP"
        ]
    );
}

#[test]
fn services_options() {
    let text = ok(&[
        "services",
        "--protocols",
        "udp,tcp",
        "--strict",
        "--ranges",
        "first",
    ]);
    let both = [Protocol::Tcp, Protocol::Udp];
    assert_eq!(parse_services(&text), expected(true, &both, rfc6335));
    let table = parse_services(&text);
    assert!(!table.values().flatten().any(|n| n == "whois++"));
    assert_eq!(table[&(63, Protocol::Tcp)], ["whoispp"]);
    let x11: Vec<_> = text.lines().filter(|l| l.starts_with("x11 ")).collect();
    assert_eq!(x11.len(), 2, "{x11:?}");
    assert_eq!(
        text,
        library_services(
            ServicesOptions::new()
                .protocols(&both)
                .names(Names::Rfc6335)
                .ranges(Ranges::FirstPort)
        )
    );

    let bare = ok(&[
        "services",
        "--no-header",
        "--no-descriptions",
        "--ranges",
        "all",
    ]);
    assert!(!bare.contains('#'));
    assert_eq!(
        parse_services(&bare),
        expected(false, &Protocol::ALL, is_word)
    );
    assert_eq!(bare.lines().filter(|l| l.starts_with("x11 ")).count(), 128);
}

#[test]
fn services_into_a_closed_pipe_is_quiet() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_iana-ports"))
        .arg("services")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read a little, as `head` does, then close the pipe.
    let mut stdout = child.stdout.take().unwrap();
    let mut start = [0; 100];
    stdout.read_exact(&mut start).unwrap();
    drop(stdout);
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(err, "", "no message, no panic");
    assert_eq!(status.code(), Some(0));
}
