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

/// SplitMix64: tiny, deterministic, good enough for choosing mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform-ish in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Fragments worth inserting or substituting: XML syntax, boundary values,
/// bad dates and numbers, non-ASCII and control characters.
const FRAGMENTS: &[&str] = &[
    "<",
    ">",
    "/",
    "&",
    ";",
    "\"",
    "'",
    "=",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<?",
    "?>",
    "</record>",
    "<record>",
    "<record/>",
    "<number>",
    "</number>",
    "<br/>",
    "<paragraph>",
    "</paragraph>",
    "<xref type=\"rfc\" data=\"rfc\u{e9}1\"/>",
    "<xref type=\"person\" data=\"Nobody\"/>",
    "<xref>",
    "</xref>",
    "<assignee>",
    "</assignee>",
    "<people>",
    "</people>",
    "<updated>",
    "</updated>",
    "&amp;",
    "&nbsp;",
    "&#0;",
    "&#xFFFFFFFF;",
    "&#55296;",
    "&#x41;",
    "&",
    "70000",
    "65535",
    "65536",
    "-",
    "6063-6000",
    "99999999999999999999",
    "2024-13-01",
    "2024-02-30",
    "24-01",
    "1145656131",
    "4294967296",
    "tcp",
    "icmp",
    "\u{e9}",
    "\u{65e5}\u{672c}",
    "\u{FFFD}",
    "\u{1F600}",
    "\u{0}",
    "\u{1}",
    "\t",
    "\r\n",
    "\n",
    " ",
    "date=\"2024-06\"",
    "id=\"x\"",
    "xmlns:a=\"urn:a\"",
    "a:",
    "<!DOCTYPE x>",
    "\u{FEFF}",
];

/// Fragments for attribute values: multi-byte characters (at every byte
/// offset once inserted), entities, quotes, bad dates, near-valid data.
const VALUES: &[&str] = &[
    "\u{e9}",
    "\u{FFFD}",
    "\u{65e5}\u{672c}",
    "\u{1F600}",
    "&amp;",
    "&",
    "&#x;",
    "<",
    "\"",
    "'",
    "",
    " ",
    "rfc",
    "RFC",
    "rf\u{e9}1",
    "r\u{FFFD}c1",
    "rfc99999999999",
    "2024-13-01",
    "2024-02-30",
    "24-01",
    "2024-1-1",
    "person",
    "rfc",
    "uri",
    "isbn",
    "-",
    "0",
];

/// Byte offsets of `<` that start a tag.
fn tag_spans(s: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some(i) = s[from..].find('<') {
        let start = from + i;
        match s[start..].find('>') {
            Some(j) => {
                spans.push((start, start + j + 1));
                from = start + j + 1;
            }
            None => break,
        }
    }
    spans
}

/// The nearest character boundary at or below `i`.
fn floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn line_spans(s: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        if b == b'\n' {
            spans.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < s.len() {
        spans.push((start, s.len()));
    }
    spans
}

/// Applies one random mutation; returns its name.
fn mutate(s: &mut String, rng: &mut Rng) -> &'static str {
    if s.is_empty() {
        s.push_str(rng.pick(FRAGMENTS));
        return "insert into empty";
    }
    match rng.below(14) {
        0 => {
            // Flip one bit of one byte; repair invalid UTF-8 with U+FFFD.
            let mut bytes = std::mem::take(s).into_bytes();
            let i = rng.below(bytes.len());
            bytes[i] ^= 1 << rng.below(8);
            *s = String::from_utf8_lossy(&bytes).into_owned();
            "flip bit"
        }
        1 => {
            // Replace one byte by a random byte.
            let mut bytes = std::mem::take(s).into_bytes();
            let i = rng.below(bytes.len());
            bytes[i] = rng.next() as u8;
            *s = String::from_utf8_lossy(&bytes).into_owned();
            "random byte"
        }
        2 => {
            let i = floor(s, rng.below(s.len() + 1));
            let f = rng.pick(FRAGMENTS);
            s.insert_str(i, f);
            "insert fragment"
        }
        3 => {
            // Delete a short byte range.
            let a = floor(s, rng.below(s.len()));
            let b = floor(s, a + 1 + rng.below(16));
            s.replace_range(a..b.max(a), "");
            "delete bytes"
        }
        4 => {
            let t = floor(s, rng.below(s.len()));
            s.truncate(t);
            "truncate"
        }
        5..=7 => {
            let lines = line_spans(s);
            let (a, b) = rng.pick(&lines);
            let line = s[a..b].to_string();
            match rng.below(3) {
                0 => {
                    s.replace_range(a..b, "");
                    "drop line"
                }
                1 => {
                    s.insert_str(b, &line);
                    "duplicate line"
                }
                _ => {
                    s.replace_range(a..b, "");
                    let lines = line_spans(s);
                    let at = if lines.is_empty() {
                        0
                    } else {
                        rng.pick(&lines).0
                    };
                    s.insert_str(at, &line);
                    "move line"
                }
            }
        }
        8..=10 => {
            let tags = tag_spans(s);
            if tags.is_empty() {
                s.insert_str(0, rng.pick(FRAGMENTS));
                return "insert fragment";
            }
            let (a, b) = rng.pick(&tags);
            let tag = s[a..b].to_string();
            match rng.below(4) {
                0 => {
                    s.replace_range(a..b, "");
                    "drop tag"
                }
                1 => {
                    s.insert_str(b, &tag);
                    "duplicate tag"
                }
                2 => {
                    s.replace_range(a..b, "");
                    let tags = tag_spans(s);
                    let at = if tags.is_empty() {
                        0
                    } else {
                        rng.pick(&tags).0
                    };
                    s.insert_str(at, &tag);
                    "move tag"
                }
                _ => {
                    // Replace the text that follows the tag (up to the next
                    // `<`) by a fragment: bad numbers, dates, protocols.
                    let end = s[b..].find('<').map_or(s.len(), |j| b + j);
                    let f = rng.pick(FRAGMENTS);
                    s.replace_range(b..end, f);
                    "replace text"
                }
            }
        }
        11 | 12 => {
            // Damage an attribute value (an xref's data, a date, an id):
            // insert a fragment inside it or replace it.
            let starts: Vec<usize> = s.match_indices("=\"").map(|(i, _)| i + 2).collect();
            if starts.is_empty() {
                s.insert_str(0, rng.pick(FRAGMENTS));
                return "insert fragment";
            }
            let a = rng.pick(&starts);
            let b = s[a..].find('"').map_or(s.len(), |j| a + j);
            let f = rng.pick(VALUES);
            if rng.below(2) == 0 {
                let i = floor(s, a + rng.below(b - a + 1));
                s.insert_str(i.max(a), f);
                "insert into value"
            } else {
                s.replace_range(a..b, f);
                "replace value"
            }
        }
        _ => {
            // Deep nesting: many unclosed (or closed) mixed-content elements.
            let i = floor(s, rng.below(s.len() + 1));
            let open = rng.pick(&["<paragraph>", "<br>", "<xref type=\"text\">", "<note>"]);
            // Mostly shallow; sometimes deep enough to overflow a test
            // thread's stack if the parser recursed without a bound.
            let n = if rng.below(8) == 0 {
                1000 + rng.below(2000)
            } else {
                1 + rng.below(150)
            };
            let mut ins = open.repeat(n);
            if rng.below(2) == 0 {
                let close = format!("</{}>", &open[1..open.find([' ', '>']).unwrap()]);
                ins.push_str(&close.repeat(n));
            }
            s.insert_str(i, &ins);
            "deep nesting"
        }
    }
}

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
