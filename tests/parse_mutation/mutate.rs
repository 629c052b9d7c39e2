//! The mutations: fragments and values to insert, and `mutate`, which
//! applies one at random.

use crate::common::rng::Rng;

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
pub fn mutate(s: &mut String, rng: &mut Rng) -> &'static str {
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
