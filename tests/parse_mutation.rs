//! Deterministic mutation testing of the build-time parser (`build/parse/`).
//!
//! A small valid registry is damaged in many seeded, reproducible ways
//! (bytes flipped, bytes and fragments inserted, lines and tags dropped,
//! duplicated, moved, text replaced, the file truncated). Every result must
//! be `Ok` or an `Err` that points inside the text; nothing may panic.

#[path = "../build/mod.rs"]
mod model;

use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};

mod common;
#[path = "parse_mutation/mutate.rs"]
mod mutate;

use common::rng::Rng;
use mutate::mutate;

/// A valid registry with varied records: ranges, port-less and protocol-less
/// records, `<name/>`, mixed content, entities, every xref type, dates in
/// both forms, `<assignee>`, `<sc>`, `<unauthorized>`, a footnote, people.
const BASE: &str = r#"<?xml version='1.0' encoding='UTF-8'?>
<!-- base -->
<registry xmlns="http://www.iana.org/assignments" id="service-names-port-numbers">
  <title>Ports</title>
  <category>Ports</category>
  <updated>2024-06-12</updated>
  <xref type="rfc" data="rfc6335"/>
  <note>See <xref type="rfc" data="rfc6335"/>.</note>
  <record>
    <protocol>tcp</protocol>
    <xref type="person" data="Jon_Postel"/>
    <description>Reserved</description>
    <number>0</number>
  </record>
  <record date="2006-08" updated="2024-02-29">
    <name>http</name>
    <protocol>tcp</protocol>
    <description>WWW</description>
    <xref type="rfc" data="rfc9110"/>
    <number>80</number>
  </record>
  <record>
    <name>x11</name>
    <number>6000-6063</number>
    <protocol>udp</protocol>
    <description>X Window System<br/>second   line</description>
    <xref type="person" data="Stephen_Gildea"/>
  </record>
  <record>
    <name/>
    <number>4200-4299</number>
    <description>Unassigned &amp; free &lt;ok&gt;</description>
  </record>
  <record updated="2017-05-18">
    <name>_-dns-sd</name>
    <description><paragraph>First</paragraph><paragraph>Second <xref type="uri" data="http://example.org/">site</xref></paragraph></description>
    <note>TXT keys: a=b</note>
  </record>
  <record>
    <name>discard</name>
    <protocol>dccp</protocol>
    <number>9</number>
    <sc>1145656131</sc>
    <description>Discard</description>
    <xref type="rfc" data="rfc4340"/>
  </record>
  <record date="2010-01-05">
    <description>Université ÿ</description>
    <name>stun</name>
    <protocol>sctp</protocol>
    <number>3478-3478</number>
    <assignee>
      <xref type="person" data="IESG"/>
    </assignee>
    <xref type="person" data="IETF_Chair"/>
    <xref type="draft" data="draft-ietf-tram-stun"/>
  </record>
  <record>
    <name>rdp</name>
    <description>RDP</description>
    <unauthorized>port 3389</unauthorized>
    <xref type="text">Microsoft</xref>
    <xref type="note" data="1"/>
  </record>
  <record>
    <protocol>udp</protocol>
    <description>Dynamic</description>
    <number>49152-65535</number>
  </record>
  <record>
    <name>whois++</name>
    <protocol>tcp</protocol>
    <number>63</number>
    <description/>
    <xref type="person" data="Jon_Postel"/>
  </record>
  <footnote anchor="1">Experimental<br/>use only.</footnote>
  <people>
    <person id="IESG">
      <name>IESG</name>
      <uri>mailto:iesg&amp;ietf.org</uri>
    </person>
    <person id="IETF_Chair">
      <name>IETF Chair</name>
      <org>IETF</org>
      <uri>mailto:chair&amp;ietf.org</uri>
      <uri>http://www.ietf.org/</uri>
      <updated>2010-01</updated>
    </person>
    <person id="Jon_Postel">
      <name>Jon Postel</name>
      <uri>mailto:postel&amp;isi.edu</uri>
    </person>
    <person id="Stephen_Gildea"/>
  </people>
</registry>
"#;

/// Checks one input: `Ok`, or an `Err` located inside the text.
fn check(text: &str) -> Result<Result<(), String>, String> {
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| model::parse("m.xml", text)));
    let result = match outcome {
        Ok(r) => r,
        Err(p) => {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            return Err(format!("panicked: {msg}"));
        }
    };
    match result {
        Ok(reg) => {
            if reg.updated.is_none() {
                return Err("Ok without <updated>".into());
            }
            if reg.records.len() > text.matches("record").count() {
                return Err(format!("Ok with {} records", reg.records.len()));
            }
            Ok(Ok(()))
        }
        Err(e) => {
            // Lines as XML counts them: a lone CR ends one too.
            let xml_lines = text.replace("\r\n", "\n").replace('\r', "\n");
            let lines: Vec<&str> = xml_lines.split('\n').collect();
            if e.line < 1 || e.line > lines.len() {
                return Err(format!("line {} outside 1..={}: {e}", e.line, lines.len()));
            }
            let width = lines[e.line - 1].chars().count();
            if e.column < 1 || e.column > width + 1 {
                return Err(format!(
                    "column {} outside 1..={} of line {}: {e}",
                    e.column,
                    width + 1,
                    e.line
                ));
            }
            if let Some(r) = e.record {
                if r < 1 || r > text.matches("record").count() {
                    return Err(format!("record ordinal {r} out of range: {e}"));
                }
            }
            if e.file != "m.xml"
                || !e
                    .to_string()
                    .starts_with(&format!("m.xml:{}:{}: ", e.line, e.column))
            {
                return Err(format!("bad Display: {e}"));
            }
            Ok(Err(e.message))
        }
    }
}

#[test]
fn base_is_valid() {
    let reg = model::parse("base.xml", BASE).expect("BASE parses");
    assert_eq!(reg.records.len(), 10);
    assert_eq!(reg.people.as_ref().map(Vec::len), Some(4));
}

/// Worker threads of the mutation test are named with this prefix; the panic
/// hook stays quiet for them only (their panics are caught and reported with
/// the input), so other tests' failure messages still print.
const WORKER: &str = "parse-mutation-";

fn quiet_hook_for_workers() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let worker = std::thread::current()
                .name()
                .is_some_and(|n| n.starts_with(WORKER));
            if !worker {
                previous(info);
            }
        }));
    });
}

/// Groups a message by its first words, stopping at a quoted value, a colon
/// or an element name after the first word.
fn kind_of(message: &str) -> String {
    let head = message.split(['"', ':']).next().unwrap_or("");
    let mut words = Vec::new();
    for (i, w) in head.split_whitespace().enumerate() {
        if i == 4 || (i > 0 && w.contains('<')) {
            break;
        }
        words.push(w);
    }
    words.join(" ")
}

/// Outcome of a range of seeds: Ok count, error kinds, failures.
#[derive(Default)]
struct Tally {
    ok: usize,
    err: usize,
    kinds: BTreeMap<String, usize>,
    failures: Vec<(u64, Vec<&'static str>, String, String)>,
}

fn run_seeds(seeds: std::ops::Range<u64>) -> Tally {
    let mut t = Tally::default();
    for seed in seeds {
        let mut rng = Rng(0x5EED_0000_0000_0000 ^ seed.wrapping_mul(0x2545_F491_4F6C_DD1D));
        let mut text = BASE.to_string();
        let mut applied = Vec::new();
        for _ in 0..1 + rng.below(4) {
            applied.push(mutate(&mut text, &mut rng));
        }
        match check(&text) {
            Ok(Ok(())) => t.ok += 1,
            Ok(Err(message)) => {
                t.err += 1;
                *t.kinds.entry(kind_of(&message)).or_default() += 1;
            }
            Err(problem) => t.failures.push((seed, applied, problem, text)),
        }
    }
    t
}

#[test]
fn mutations_never_panic_and_errors_are_located() {
    const CASES: u64 = 10_000;
    const THREADS: u64 = 2;
    quiet_hook_for_workers();
    let per = CASES.div_ceil(THREADS);
    let tallies: Vec<Tally> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..THREADS)
            .map(|i| {
                let seeds = i * per..((i + 1) * per).min(CASES);
                std::thread::Builder::new()
                    .name(format!("{WORKER}{i}"))
                    .spawn_scoped(scope, move || run_seeds(seeds))
                    .expect("spawn")
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("worker"))
            .collect()
    });
    let mut all = Tally::default();
    for t in tallies {
        all.ok += t.ok;
        all.err += t.err;
        for (k, n) in t.kinds {
            *all.kinds.entry(k).or_default() += n;
        }
        all.failures.extend(t.failures);
    }
    println!("{CASES} mutated registries: {} Ok, {} Err", all.ok, all.err);
    for (k, n) in &all.kinds {
        println!("  {n:6}  {k}");
    }
    if let Some((seed, applied, problem, text)) = all.failures.first() {
        panic!(
            "{} of {CASES} inputs failed; first: seed {seed}, mutations {applied:?}: {problem}\n\
             --- input ---\n{text}\n--- end ---",
            all.failures.len()
        );
    }
    assert_eq!((all.ok + all.err) as u64, CASES);
    // The mutations must exercise both outcomes.
    assert!(all.ok > 100, "only {} Ok", all.ok);
    assert!(all.err > CASES as usize / 2, "only {} Err", all.err);
}

/// Every prefix of the base (cut at each character) is `Ok` only when it
/// still holds the whole `<registry>`, and otherwise an error located
/// inside the prefix.
#[test]
fn every_truncation_is_located() {
    let end = BASE.find("</registry>").unwrap() + "</registry>".len();
    for (i, _) in BASE.char_indices() {
        let prefix = &BASE[..i];
        match check(prefix) {
            Ok(Ok(())) => assert!(i >= end, "prefix of {i} bytes accepted"),
            Ok(Err(_)) => assert!(i < end, "prefix of {i} bytes rejected"),
            Err(problem) => panic!("prefix of {i} bytes: {problem}\n{prefix}"),
        }
    }
}
