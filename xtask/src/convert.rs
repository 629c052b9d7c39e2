//! `convert`: IANA's CSV export -> IANA's XML schema (`registry.xml`).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::iana_csv::{self, Row};
use crate::Result;

/// Date of the registry shipped in port-desc 0.1.1.
const REGISTRY_UPDATED: &str = "2024-06-12";

/// The comment at the top of the output. XML forbids `--` inside comments.
const COMMENT: &str = "\
<!--
  IANA's Service Name and Transport Protocol Port Number Registry in IANA's
  XML schema, converted by the `convert` subcommand of this repository's
  xtask (cargo run -p xtask, see xtask/README.md) from IANA's CSV export as
  published in the Rust package port-desc 0.1.1
  (assets/service-names-port-numbers.csv, registry as of 2024-06-12).

  The CSV does not carry people's names or footnote texts, so the <person>
  entries below have ids only and footnote references have no <footnote>.

  To use IANA's current data, replace this file with
  https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xml
  or set IANA_PORTS_REGISTRY=/path/to/that.xml when building.
-->
";

pub fn run(args: &[String]) -> Result<()> {
    let (csv_path, output) = match args {
        [csv] => (csv, "registry.xml"),
        [csv, flag, out] if flag == "-o" => (csv, out.as_str()),
        _ => return Err("usage: convert <CSV> [-o <XML>]".into()),
    };
    let rows = iana_csv::read(csv_path)?;
    let (xml, stats) = convert(&rows)?;
    if output == "-" {
        print!("{xml}");
    } else {
        // Write to a temporary file and rename, so concurrent readers never see a partial file.
        let tmp = format!("{output}.tmp");
        std::fs::write(&tmp, &xml).map_err(|e| format!("{tmp}: {e}"))?;
        std::fs::rename(&tmp, output).map_err(|e| format!("{output}: {e}"))?;
    }
    eprintln!(
        "wrote {output}: {} bytes, {} records ({} with <assignee>), {} people",
        xml.len(),
        rows.len(),
        stats.assignee_records,
        stats.people
    );
    let xrefs: Vec<String> = stats
        .xrefs
        .iter()
        .map(|(kind, n)| format!("{kind}={n}"))
        .collect();
    eprintln!("xref elements by type: {}", xrefs.join(" "));
    Ok(())
}

#[derive(Default)]
pub struct Stats {
    pub assignee_records: usize,
    pub people: usize,
    /// Number of `<xref>` elements per `type` (person xrefs counted in and outside `<assignee>`).
    pub xrefs: BTreeMap<&'static str, usize>,
}

/// Converts all rows to the complete XML document.
pub fn convert(rows: &[Row]) -> Result<(String, Stats)> {
    let mut out = String::with_capacity(4 << 20);
    let mut stats = Stats::default();
    let mut people = BTreeSet::new();

    out.push_str("<?xml version='1.0' encoding='UTF-8'?>\n");
    out.push_str(COMMENT);
    out.push_str(
        "<registry xmlns=\"http://www.iana.org/assignments\" id=\"service-names-port-numbers\">\n",
    );
    out.push_str("  <title>Service Name and Transport Protocol Port Number Registry</title>\n");
    out.push_str("  <category>Service Names and Transport Protocol Port Numbers</category>\n");
    writeln!(out, "  <updated>{REGISTRY_UPDATED}</updated>")?;
    out.push_str("  <xref type=\"rfc\" data=\"rfc6335\"/>\n");

    for row in rows {
        write_record(&mut out, row, &mut stats, &mut people)
            .map_err(|e| format!("{}: {e}", row.locus()))?;
    }

    out.push_str("  <people>\n");
    for id in &people {
        writeln!(out, "    <person id=\"{}\"/>", Attr(id))?;
    }
    out.push_str("  </people>\n");
    out.push_str("</registry>\n");
    stats.people = people.len();
    Ok((out, stats))
}

fn write_record<'a>(
    out: &mut String,
    row: &'a Row,
    stats: &mut Stats,
    people: &mut BTreeSet<&'a str>,
) -> Result<()> {
    let f = &row.fields;
    for (column, value) in iana_csv::COLUMNS.iter().zip(f) {
        check_xml_chars(value).map_err(|e| format!("column {column:?}: {e}"))?;
    }

    out.push_str("  <record");
    for (attr, column) in [
        ("date", iana_csv::REGISTRATION_DATE),
        ("updated", iana_csv::MODIFICATION_DATE),
    ] {
        let value = &f[column];
        if !value.is_empty() {
            if !is_date(value) {
                return Err(format!(
                    "column {:?}: {value:?} is not YYYY-MM-DD or YYYY-MM",
                    iana_csv::COLUMNS[column]
                )
                .into());
            }
            write!(out, " {attr}=\"{value}\"")?;
        }
    }
    out.push_str(">\n");

    element(out, "name", &f[iana_csv::NAME])?;
    element(out, "protocol", &f[iana_csv::PROTOCOL])?;

    let assignee =
        person_ids(&f[iana_csv::ASSIGNEE]).map_err(|e| format!("column \"Assignee\": {e}"))?;
    let contact =
        person_ids(&f[iana_csv::CONTACT]).map_err(|e| format!("column \"Contact\": {e}"))?;
    people.extend(assignee.iter().chain(&contact));
    // IANA's CSV repeats the contact as assignee when the XML record has no <assignee>.
    if f[iana_csv::ASSIGNEE] != f[iana_csv::CONTACT] {
        if assignee.is_empty() {
            return Err(
                "Assignee is empty but Contact is not: not representable in IANA's XML".into(),
            );
        }
        stats.assignee_records += 1;
        out.push_str("    <assignee>\n");
        for id in &assignee {
            writeln!(out, "      <xref type=\"person\" data=\"{}\"/>", Attr(id))?;
        }
        out.push_str("    </assignee>\n");
        *stats.xrefs.entry("person").or_default() += assignee.len();
    }
    for id in &contact {
        writeln!(out, "    <xref type=\"person\" data=\"{}\"/>", Attr(id))?;
    }
    *stats.xrefs.entry("person").or_default() += contact.len();

    let description = &f[iana_csv::DESCRIPTION];
    if description.is_empty() {
        out.push_str("    <description/>\n");
    } else {
        writeln!(out, "    <description>{}</description>", Text(description))?;
    }
    element(out, "number", &f[iana_csv::PORT])?;

    let tokens = reference_tokens(&f[iana_csv::REFERENCE])
        .map_err(|e| format!("column \"Reference\": {e}"))?;
    for token in tokens {
        let reference = Reference::classify(token);
        *stats.xrefs.entry(reference.kind()).or_default() += 1;
        match reference {
            Reference::Rfc { digits } => {
                writeln!(out, "    <xref type=\"rfc\" data=\"rfc{digits}\"/>")?
            }
            Reference::RfcWithText { digits, text } => writeln!(
                out,
                "    <xref type=\"rfc\" data=\"rfc{digits}\">{}</xref>",
                Text(text)
            )?,
            Reference::Note(n) => writeln!(out, "    <xref type=\"note\" data=\"{n}\"/>")?,
            Reference::Uri(uri) => {
                writeln!(out, "    <xref type=\"uri\" data=\"{}\"/>", Attr(uri))?
            }
            Reference::Draft(draft) => {
                writeln!(out, "    <xref type=\"draft\" data=\"{}\"/>", Attr(draft))?
            }
            Reference::Text(text) => {
                writeln!(out, "    <xref type=\"text\">{}</xref>", Text(text))?
            }
        }
    }

    element(out, "sc", &f[iana_csv::SERVICE_CODE])?;
    element(out, "unauthorized", &f[iana_csv::UNAUTHORIZED])?;
    element(out, "note", &f[iana_csv::NOTES])?;
    out.push_str("  </record>\n");
    Ok(())
}

/// `<tag>value</tag>` on its own line, or nothing when `value` is empty.
fn element(out: &mut String, tag: &str, value: &str) -> std::fmt::Result {
    if value.is_empty() {
        return Ok(());
    }
    writeln!(out, "    <{tag}>{}</{tag}>", Text(value))
}

/// Splits a concatenation of `[id]` tokens (Assignee/Contact columns) into the ids.
fn person_ids(column: &str) -> std::result::Result<Vec<&str>, String> {
    let mut ids = Vec::new();
    let mut rest = column;
    while !rest.is_empty() {
        let token = rest
            .strip_prefix('[')
            .and_then(|r| r.split_once(']'))
            .filter(|(id, _)| {
                !id.is_empty()
                    && !id.contains('[')
                    && !id.chars().any(|c| c.is_whitespace() || c.is_control())
            });
        match token {
            Some((id, after)) => {
                ids.push(id);
                rest = after;
            }
            None => return Err(format!("{column:?} is not a concatenation of [id] tokens")),
        }
    }
    Ok(ids)
}

/// Splits the Reference column into its `[...]` tokens, with the semantics of the non-greedy
/// regex `\[(.*?)\]` (tokens may contain newlines and `[`), and requires the tokens to
/// re-concatenate to exactly the column.
fn reference_tokens(column: &str) -> std::result::Result<Vec<&str>, String> {
    let mut tokens = Vec::new();
    let mut rest = column;
    while !rest.is_empty() {
        match rest.strip_prefix('[').and_then(|r| r.split_once(']')) {
            Some((token, after)) if !token.is_empty() => {
                tokens.push(token);
                rest = after;
            }
            _ => return Err(format!("{column:?} is not a concatenation of [...] tokens")),
        }
    }
    Ok(tokens)
}

/// One token of the Reference column, classified into an `<xref>` type.
#[derive(Debug, PartialEq)]
enum Reference<'a> {
    /// `RFC9110`
    Rfc { digits: &'a str },
    /// `RFC8765, Section 6.1`
    RfcWithText { digits: &'a str, text: &'a str },
    /// `1`: a footnote reference.
    Note(&'a str),
    /// `http://...` or `https://...`
    Uri(&'a str),
    /// `RFC-...` or `draft-...`
    Draft(&'a str),
    /// Anything else.
    Text(&'a str),
}

impl<'a> Reference<'a> {
    fn classify(token: &'a str) -> Self {
        let is_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if let Some(after) = token.strip_prefix("RFC") {
            let n = after.bytes().take_while(u8::is_ascii_digit).count();
            if n > 0 {
                let digits = &after[..n];
                return if n == after.len() {
                    Reference::Rfc { digits }
                } else {
                    Reference::RfcWithText {
                        digits,
                        text: token,
                    }
                };
            }
        }
        if is_digits(token) {
            Reference::Note(token)
        } else if token.starts_with("http://") || token.starts_with("https://") {
            Reference::Uri(token)
        } else if token.starts_with("RFC-") || token.starts_with("draft-") {
            Reference::Draft(token)
        } else {
            Reference::Text(token)
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            Reference::Rfc { .. } | Reference::RfcWithText { .. } => "rfc",
            Reference::Note(_) => "note",
            Reference::Uri(_) => "uri",
            Reference::Draft(_) => "draft",
            Reference::Text(_) => "text",
        }
    }
}

/// `YYYY-MM-DD` or `YYYY-MM`.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

/// Rejects characters that XML 1.0 cannot represent at all.
fn check_xml_chars(s: &str) -> std::result::Result<(), String> {
    match s.chars().find(|&c| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    }) {
        Some(c) => Err(format!("character {c:?} is not allowed in XML 1.0")),
        None => Ok(()),
    }
}

/// Displays a string escaped as XML character data.
struct Text<'a>(&'a str);

/// Displays a string escaped as a double-quoted XML attribute value.
struct Attr<'a>(&'a str);

impl std::fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        escape(f, self.0, false)
    }
}

impl std::fmt::Display for Attr<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        escape(f, self.0, true)
    }
}

fn escape(f: &mut std::fmt::Formatter<'_>, s: &str, attribute: bool) -> std::fmt::Result {
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let escaped = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            // A parser would normalise a literal CR (and, in attributes, tabs and newlines).
            '\r' => "&#13;",
            '"' if attribute => "&quot;",
            '\n' if attribute => "&#10;",
            '\t' if attribute => "&#9;",
            _ => continue,
        };
        f.write_str(&s[start..i])?;
        f.write_str(escaped)?;
        start = i + c.len_utf8();
    }
    f.write_str(&s[start..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_references() {
        use Reference::*;
        assert_eq!(Reference::classify("RFC9110"), Rfc { digits: "9110" });
        assert_eq!(
            Reference::classify("RFC8765, Section 6.1"),
            RfcWithText {
                digits: "8765",
                text: "RFC8765, Section 6.1"
            }
        );
        assert_eq!(Reference::classify("1"), Note("1"));
        assert_eq!(Reference::classify("https://x/"), Uri("https://x/"));
        assert_eq!(Reference::classify("http://x/"), Uri("http://x/"));
        assert_eq!(Reference::classify("RFC-ietf-x"), Draft("RFC-ietf-x"));
        assert_eq!(Reference::classify("draft-x-00"), Draft("draft-x-00"));
        assert_eq!(Reference::classify("RFC"), Text("RFC"));
        assert_eq!(Reference::classify("n/a"), Text("n/a"));
    }

    #[test]
    fn tokens() {
        assert_eq!(person_ids("").unwrap(), Vec::<&str>::new());
        assert_eq!(
            person_ids("[a][Sean_D_Sollé]").unwrap(),
            ["a", "Sean_D_Sollé"]
        );
        for bad in ["a", "[a]b", "[a", "[]", "[a b]", "[[a]", " [a]"] {
            assert!(person_ids(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            reference_tokens("[RFC1][a\nb][x[y]").unwrap(),
            ["RFC1", "a\nb", "x[y"]
        );
        for bad in ["x", "[a]x", "[a", "[]", "[a] [b]"] {
            assert!(reference_tokens(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn escaping() {
        assert_eq!(Text("a&<>\"'\n").to_string(), "a&amp;&lt;&gt;\"'\n");
        assert_eq!(Attr("a&<>\"\n").to_string(), "a&amp;&lt;&gt;&quot;&#10;");
        assert_eq!(Text("é").to_string(), "é");
    }

    #[test]
    fn comment_is_well_formed() {
        let body = COMMENT.trim_end().strip_prefix("<!--").unwrap();
        let body = body.strip_suffix("-->").unwrap();
        assert!(!body.contains("--") && !body.ends_with('-'));
    }

    #[test]
    fn dates() {
        assert!(is_date("2010-07-30") && is_date("2010-07"));
        assert!(!is_date("2010-7-30") && !is_date("") && !is_date("2010/07/30"));
    }
}
