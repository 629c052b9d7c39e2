//! The parse model: IANA's `service-names-port-numbers` XML into plain Rust.
//!
//! This file is shared: `build.rs` includes it to generate the tables, the
//! tests include it (`#[path = "../build/model.rs"]`) to feed it bad input,
//! and `xtask validate` includes it to check a downloaded file. It depends on
//! `std` and `quick-xml` only.
//!
//! Every problem is an [`Error`] that names the file, the line and column and
//! (inside a record) the record's ordinal; nothing is dropped silently.
//!
//! Speed: build scripts run unoptimized, so besides quick-xml's own work
//! this file keeps to borrowed text, plain byte loops and one pass over
//! each piece of text; line and column are worked out only for errors (and
//! lines, counted on from the last one, for records).
#![allow(dead_code)]

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashSet;
use std::fmt;
use std::io::BufRead;

use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// A transport protocol, in the registry's spelling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Protocol {
    Tcp,
    Udp,
    Sctp,
    Dccp,
}

impl Protocol {
    pub const ALL: [Protocol; 4] = [Protocol::Tcp, Protocol::Udp, Protocol::Sctp, Protocol::Dccp];

    fn parse(s: &str) -> Option<Protocol> {
        let mut i = 0;
        while i < Protocol::ALL.len() {
            if Protocol::ALL[i].as_str().eq_ignore_ascii_case(s) {
                return Some(Protocol::ALL[i]);
            }
            i += 1;
        }
        None
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Protocol::Tcp => "tcp",
            Protocol::Udp => "udp",
            Protocol::Sctp => "sctp",
            Protocol::Dccp => "dccp",
        }
    }
}

/// `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: Option<u8>,
}

impl Date {
    pub fn parse(s: &str) -> Option<Date> {
        // Byte by byte: `YYYY-MM` (7 bytes) or `YYYY-MM-DD` (10), digits
        // ASCII. Splitting and `str::parse` cost far more unoptimized.
        let b = s.as_bytes();
        let has_day = match b.len() {
            7 => false,
            10 if b[7] == b'-' => true,
            _ => return None,
        };
        if b[4] != b'-' {
            return None;
        }
        let year = digits(&b[..4])?;
        let month = digits(&b[5..7])? as u8;
        if !(1..=12).contains(&month) {
            return None;
        }
        let day = if has_day {
            let d = digits(&b[8..])? as u8;
            if d == 0 || d > days_in_month(year, month) {
                return None;
            }
            Some(d)
        } else {
            None
        };
        Some(Date { year, month, day })
    }
}

/// The value of up to four ASCII digits; `None` if any byte is not one.
fn digits(b: &[u8]) -> Option<u16> {
    let mut n = 0u16;
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            return None;
        }
        n = n * 10 + u16::from(b[i] - b'0');
        i += 1;
    }
    Some(n)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)?;
        match self.day {
            Some(d) => write!(f, "-{d:02}"),
            None => Ok(()),
        }
    }
}

/// The kind of a record's `<xref>` other than `person`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RefKind {
    Rfc,
    Uri,
    Draft,
    Text,
    Note,
}

/// A reference: `data` is the attribute (`rfc6335`, a URI, a draft name,
/// a footnote anchor; empty for text), `text` the element's body, rendered.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Reference {
    pub kind: RefKind,
    pub data: String,
    pub text: String,
}

/// One `<record>`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Record {
    /// 1-based line of the `<record>` tag.
    pub line: usize,
    /// 1-based column (in characters) of the `<record>` tag.
    pub column: usize,
    /// `None` when absent or empty (`<name/>`).
    pub name: Option<String>,
    pub protocol: Option<Protocol>,
    /// Inclusive range; a single port is `(p, p)`.
    pub ports: Option<(u16, u16)>,
    /// Rendered text (see [`Render`] for the rules).
    pub description: String,
    /// Person id in `<assignee>`.
    pub assignee: Option<String>,
    /// Person ids of the record's own person xrefs, in order.
    pub contacts: Vec<String>,
    pub references: Vec<Reference>,
    pub date: Option<Date>,
    pub updated: Option<Date>,
    pub service_code: Option<u32>,
    pub unauthorized: Option<String>,
    pub note: Option<String>,
}

impl Record {
    /// Assigned when the record has a name; otherwise Unassigned when the
    /// description starts with "unassigned" (any case, an opening parenthesis
    /// allowed), else Reserved.
    pub fn status(&self) -> Status {
        if self.name.is_some() {
            return Status::Assigned;
        }
        let d = self.description.trim_start_matches('(');
        let unassigned = d
            .get(..10)
            .is_some_and(|p| p.eq_ignore_ascii_case("unassigned"));
        if unassigned {
            Status::Unassigned
        } else {
            Status::Reserved
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Assigned,
    Reserved,
    Unassigned,
}

/// One `<person>` of `<people>`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Person {
    pub id: String,
    pub name: Option<String>,
    pub org: Option<String>,
    /// Addresses in file order (a few people have two).
    pub uris: Vec<String>,
    pub updated: Option<Date>,
}

/// The whole file.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Registry {
    pub updated: Option<Date>,
    pub records: Vec<Record>,
    /// `None` when the file has no `<people>` section.
    pub people: Option<Vec<Person>>,
    /// `<footnote anchor="..">text</footnote>`, in file order.
    pub footnotes: Vec<(String, String)>,
}

/// A located problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// 1-based ordinal of the record the problem is in.
    pub record: Option<usize>,
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.file, self.line, self.column)?;
        if let Some(r) = self.record {
            write!(f, "record {r}: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Parses a whole registry. `file` is only used in error messages.
pub fn parse(file: &str, text: &str) -> Result<Registry, Error> {
    Parser::new(file, text).run()
}

/// [`parse`] on the file's bytes, as `build.rs` reads them: UTF-8, a byte
/// order mark allowed (and dropped). UTF-16 and bytes that are not UTF-8
/// are located errors.
pub fn parse_bytes(file: &str, bytes: &[u8]) -> Result<Registry, Error> {
    parse(file, decode(file, bytes)?)
}

/// The text of a registry file: UTF-8 without its byte order mark.
pub fn decode<'b>(file: &str, bytes: &'b [u8]) -> Result<&'b str, Error> {
    let at = |pos: usize, message: &str| {
        let (line, column) = line_col_bytes(bytes, pos);
        Error {
            file: file.to_string(),
            line,
            column,
            record: None,
            message: message.to_string(),
        }
    };
    let utf16 = matches!(
        bytes,
        [0xFE, 0xFF, ..] | [0xFF, 0xFE, ..] | [0, b'<', ..] | [b'<', 0, ..]
    );
    if utf16 {
        return Err(at(0, "the registry is UTF-16: convert it to UTF-8"));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| at(e.valid_up_to(), "the registry is not UTF-8"))
}

/// 1-based line and column (in characters) of byte `pos` of `bytes`, whose
/// first `pos` bytes are UTF-8 (a BOM is column 0: it is not shown). Line
/// ends are `\n`, `\r\n` and a lone `\r`, as XML has them.
fn line_col_bytes(bytes: &[u8], pos: usize) -> (usize, usize) {
    let pos = pos.min(bytes.len());
    let line = 1 + count_lines(bytes, 0, pos);
    let bytes = &bytes[..pos];
    let start = bytes
        .iter()
        .rposition(|&b| b == b'\n' || b == b'\r')
        .map_or(0, |i| i + 1);
    let text = String::from_utf8_lossy(&bytes[start..]);
    (
        line,
        text.trim_start_matches('\u{FEFF}').chars().count() + 1,
    )
}

const ROOT_ID: &str = "service-names-port-numbers";
/// Deepest nesting of mixed content (`<paragraph>`, `<br>`, `<xref>` inside
/// each other); the real files nest two levels. Bounds the recursion.
const MAX_NESTING: usize = 100;
/// The elements that hold data: found inside an element the parser skips,
/// they are an error rather than silently unread.
const DATA_ELEMENTS: [&str; 6] = [
    "record", "people", "person", "footnote", "updated", "registry",
];

struct Parser<'a> {
    file: &'a str,
    text: &'a str,
    reader: Reader<&'a [u8]>,
    /// Byte offset where the current event started.
    at: usize,
    /// Ordinal of the record being read.
    record: Option<usize>,
    /// A known (byte offset, line) pair, so that locating the next position
    /// counts only the newlines in between.
    cursor: Cell<(usize, usize)>,
    /// Current depth of `mixed_into` calls.
    nesting: usize,
    /// The ids of `<people>`: no duplicates, and every person xref one of them.
    person_ids: QuickSet<String>,
}

/// Element events reduced to what the parser needs.
enum Ev<'a> {
    Start(BytesStart<'a>),
    Empty(BytesStart<'a>),
    End,
    /// Borrowed from the input unless line ends were normalized or a
    /// character reference resolved.
    Text(Cow<'a, str>),
    Eof,
}

/// An assignee or a person xref of a record, checked once `<people>` is
/// read. The id is not copied: it is the record's.
struct PersonRef {
    /// 1-based ordinal of the record.
    record: usize,
    /// Index in the record's `contacts`; `None` for its assignee.
    contact: Option<usize>,
    /// Byte offset of the `<assignee>` or `<xref>` tag.
    at: usize,
}

impl<'a> Parser<'a> {
    fn new(file: &'a str, text: &'a str) -> Self {
        let mut reader = Reader::from_str(text);
        reader.config_mut().check_end_names = true;
        Parser {
            file,
            text,
            reader,
            at: 0,
            record: None,
            cursor: Cell::new((0, 1)),
            nesting: 0,
            person_ids: HashSet::default(),
        }
    }

    fn err_at(&self, pos: usize, message: impl Into<String>) -> Error {
        let (line, column) = self.line_col(pos);
        Error {
            file: self.file.to_string(),
            line,
            column,
            record: self.record,
            message: message.into(),
        }
    }

    /// 1-based line of a byte offset.
    fn line_of(&self, pos: usize) -> usize {
        let bytes = self.text.as_bytes();
        let pos = pos.min(bytes.len());
        let (mut from, mut line) = self.cursor.get();
        if pos < from {
            (from, line) = (0, 1);
        }
        line += count_lines(bytes, from, pos);
        self.cursor.set((pos, line));
        line
    }

    /// 1-based line and column (in characters) of a byte offset.
    fn line_col(&self, pos: usize) -> (usize, usize) {
        let bytes = self.text.as_bytes();
        let pos = pos.min(bytes.len());
        let line = self.line_of(pos);
        let line_start = bytes[..pos]
            .iter()
            .rposition(|&b| b == b'\n' || b == b'\r')
            .map_or(0, |i| i + 1);
        let column = self.text[line_start..]
            .char_indices()
            .take_while(|(i, _)| line_start + i < pos)
            .count()
            + 1;
        (line, column)
    }

    fn err(&self, message: impl Into<String>) -> Error {
        self.err_at(self.at, message)
    }

    /// The error for a character XML does not allow at byte `k` of `t`:
    /// located at the character when `t` is a slice of the file, else at
    /// the current event.
    fn illegal(&self, t: &str, k: usize) -> Error {
        let c = t[k..].chars().next().unwrap_or_default();
        let base = self.text.as_ptr() as usize;
        let at = t.as_ptr() as usize;
        let pos = if at >= base && at + t.len() <= base + self.text.len() {
            at - base + k
        } else {
            self.at
        };
        self.err_at(
            pos,
            format!("character U+{:04X} is not allowed in XML", u32::from(c)),
        )
    }

    /// The next event that matters: comments, processing instructions,
    /// the declaration and the doctype are skipped; entity references are
    /// resolved into text.
    fn next(&mut self) -> Result<Ev<'a>, Error> {
        self.next_event(false)
    }

    /// [`next`](Self::next) inside elements that hold elements only: text
    /// that is all white space is skipped before quick-xml normalizes its
    /// line ends (which costs more than the test, and keeps it white space).
    fn next_tag(&mut self) -> Result<Ev<'a>, Error> {
        self.next_event(true)
    }

    fn next_event(&mut self, skip_blank: bool) -> Result<Ev<'a>, Error> {
        loop {
            self.at = self.reader.buffer_position() as usize;
            let ev = match self.reader.read_event() {
                Ok(ev) => ev,
                Err(e) => {
                    let pos = self.reader.error_position() as usize;
                    return Err(self.err_at(pos, format!("malformed XML: {e}")));
                }
            };
            return Ok(match ev {
                Event::Start(s) => Ev::Start(s),
                Event::Empty(s) => Ev::Empty(s),
                Event::End(_) => Ev::End,
                Event::Text(t) if skip_blank && blank(&t) => continue,
                Event::Text(t) => Ev::Text(t.xml10_content()),
                Event::CData(t) => Ev::Text(t.xml10_content()),
                Event::GeneralRef(r) => {
                    let resolved = match r.resolve_char_ref() {
                        Ok(Some(c)) if !xml_char(c) => {
                            return Err(self.err(format!(
                                "character reference &{}; is U+{:04X}, not an XML character",
                                r.xml10_content(),
                                u32::from(c)
                            )))
                        }
                        Ok(Some(c)) => Cow::Owned(c.to_string()),
                        Ok(None) => {
                            let name = r.xml10_content();
                            match quick_xml::escape::resolve_predefined_entity(&name) {
                                Some(s) => Cow::Borrowed(s),
                                None => return Err(self.err(format!("unknown entity &{name};"))),
                            }
                        }
                        Err(e) => return Err(self.err(format!("bad character reference: {e}"))),
                    };
                    Ev::Text(resolved)
                }
                Event::Eof => Ev::Eof,
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => continue,
            });
        }
    }

    fn run(mut self) -> Result<Registry, Error> {
        if blank(self.text) {
            return Err(self.err("empty file: expected an IANA registry in XML"));
        }
        let root = loop {
            match self.next_tag()? {
                Ev::Start(s) => break s,
                Ev::Empty(_) => return Err(self.err("the root element is empty")),
                Ev::Text(t) if blank(&t) => continue,
                Ev::Text(_) => return Err(self.err("not XML: text before the root element")),
                Ev::End => return Err(self.err("malformed XML: end tag before the root element")),
                Ev::Eof => return Err(self.err("no root element")),
            }
        };
        let root_name = local(&root);
        if root_name != "registry" {
            return Err(self.err(format!(
                "wrong root element <{root_name}>: expected <registry id=\"{ROOT_ID}\">"
            )));
        }
        let id = self.attr(&root, "id")?;
        if id.as_deref() != Some(ROOT_ID) {
            return Err(self.err(format!(
                "wrong registry id {:?}: expected {ROOT_ID:?}",
                id.unwrap_or_default()
            )));
        }
        let mut reg = Registry::default();
        let mut refs = Vec::new();
        loop {
            match self.next_tag()? {
                Ev::Start(s) => self.top_child(&s, false, &mut reg, &mut refs)?,
                Ev::Empty(s) => self.top_child(&s, true, &mut reg, &mut refs)?,
                Ev::Text(t) if blank(&t) => {}
                Ev::Text(t) => {
                    return Err(self.err(format!("unexpected text {:?} in <registry>", short(&t))))
                }
                Ev::End => break,
                Ev::Eof => return Err(self.err("truncated file: <registry> is not closed")),
            }
        }
        loop {
            match self.next_tag()? {
                Ev::Eof => break,
                Ev::Text(t) if blank(&t) => {}
                _ => return Err(self.err("content after the end of <registry>")),
            }
        }
        if reg.updated.is_none() {
            self.at = 0;
            return Err(self.err("the registry has no <updated> date"));
        }
        if reg.people.is_some() {
            for r in &refs {
                let rec = &reg.records[r.record - 1];
                let id = match r.contact {
                    Some(i) => rec.contacts[i].as_str(),
                    None => rec.assignee.as_deref().unwrap_or_default(),
                };
                if !self.person_ids.contains(id) {
                    let (line, column) = self.line_col(r.at);
                    return Err(Error {
                        file: self.file.to_string(),
                        line,
                        column,
                        record: Some(r.record),
                        message: format!("person {id:?} is not in <people>"),
                    });
                }
            }
        }
        Ok(reg)
    }

    fn top_child(
        &mut self,
        s: &BytesStart<'a>,
        empty: bool,
        reg: &mut Registry,
        refs: &mut Vec<PersonRef>,
    ) -> Result<(), Error> {
        match local(s) {
            "record" => {
                self.record = Some(reg.records.len() + 1);
                let rec = self.record_el(s, empty, refs)?;
                self.record = None;
                reg.records.push(rec);
            }
            "updated" => {
                let at = self.at;
                let t = self.text_el(empty, "updated")?;
                if reg.updated.is_some() {
                    return Err(self.err_at(at, "two <updated> dates"));
                }
                let d = Date::parse(trim(&t))
                    .ok_or_else(|| self.err_at(at, format!("bad date {:?} in <updated>", t)))?;
                reg.updated = Some(d);
            }
            "people" => {
                if reg.people.is_some() {
                    return Err(self.err("two <people> sections"));
                }
                let people = if empty { Vec::new() } else { self.people()? };
                reg.people = Some(people);
            }
            "footnote" => {
                let anchor = self.attr(s, "anchor")?.unwrap_or_default().into_owned();
                let text = if empty {
                    String::new()
                } else {
                    self.mixed("footnote")?
                };
                reg.footnotes.push((anchor, text));
            }
            name @ ("title" | "category" | "xref" | "expert" | "note") => {
                if !empty {
                    self.skip(name)?;
                }
            }
            other => {
                return Err(self.err(format!(
                    "unknown element <{other}> in <registry>: expected title, category, \
                     updated, xref, expert, note, record, footnote or people"
                )))
            }
        }
        Ok(())
    }

    fn record_el(
        &mut self,
        s: &BytesStart<'a>,
        empty: bool,
        refs: &mut Vec<PersonRef>,
    ) -> Result<Record, Error> {
        let (line, column) = self.line_col(self.at);
        let mut rec = Record {
            line,
            column,
            ..Record::default()
        };
        for a in s.attributes() {
            let a = a.map_err(|e| self.err(format!("malformed attribute: {e}")))?;
            // Names as written: `x:date` is not `date`.
            let key = a.key.into_inner();
            let value = self.attr_value(&a, key)?;
            let slot = match key {
                "date" => &mut rec.date,
                "updated" => &mut rec.updated,
                _ => return Err(self.err(format!("unknown attribute {key:?} on <record>"))),
            };
            *slot = Some(Date::parse(&value).ok_or_else(|| {
                self.err(format!(
                    "bad date {value:?} in attribute {key}: expected YYYY-MM-DD or YYYY-MM"
                ))
            })?);
        }
        if empty {
            return Err(self.err("empty <record/>"));
        }
        // One bit per `Child` seen (only `xref` may repeat).
        let mut seen = 0u32;
        loop {
            let (child, child_empty) = match self.next_tag()? {
                Ev::Start(c) => (c, false),
                Ev::Empty(c) => (c, true),
                Ev::Text(t) if blank(&t) => continue,
                Ev::Text(t) => {
                    return Err(self.err(format!("unexpected text {:?} in <record>", short(&t))))
                }
                Ev::End => break,
                Ev::Eof => return Err(self.err("truncated file: <record> is not closed")),
            };
            let name = local(&child);
            let at = self.at;
            let kind = Child::of(name);
            if kind != Child::Xref {
                let bit = 1 << kind as u32;
                if seen & bit != 0 {
                    return Err(self.err(format!("two <{name}> elements in one record")));
                }
                seen |= bit;
            }
            match kind {
                Child::Name => {
                    let t = self.text_el(child_empty, "name")?;
                    let t = trim(&t);
                    if let Some(k) = first_illegal(t) {
                        return Err(self.illegal(t, k));
                    }
                    if has_control(t) {
                        return Err(self.err_at(at, format!("bad service name {t:?}")));
                    }
                    // RFC 6335 section 5.1: a name has at least one letter.
                    // `80` or `6000-6063` would read as a port or a range to
                    // `Query`, which could never reach the record by name.
                    if !t.is_empty() && !t.bytes().any(|b| b.is_ascii_alphabetic()) {
                        return Err(self.err_at(
                            at,
                            format!(
                                "service name {t:?} has no letter (RFC 6335 section 5.1): \
                                 it reads as a port or a port range"
                            ),
                        ));
                    }
                    rec.name = (!t.is_empty()).then(|| t.to_string());
                }
                Child::Protocol => {
                    let t = self.text_el(child_empty, "protocol")?;
                    let t = trim(&t);
                    rec.protocol = if t.is_empty() {
                        None
                    } else {
                        Some(Protocol::parse(t).ok_or_else(|| {
                            self.err_at(
                                at,
                                format!("unknown protocol {t:?}: expected tcp, udp, sctp or dccp"),
                            )
                        })?)
                    };
                }
                Child::Number => {
                    let t = self.text_el(child_empty, "number")?;
                    rec.ports = Some(parse_ports(trim(&t)).map_err(|m| self.err_at(at, m))?);
                }
                Child::Description => {
                    rec.description = if child_empty {
                        String::new()
                    } else {
                        self.mixed("description")?
                    };
                }
                Child::Note => {
                    let t = if child_empty {
                        String::new()
                    } else {
                        self.mixed("note")?
                    };
                    rec.note = (!t.is_empty()).then_some(t);
                }
                Child::Unauthorized => {
                    let t = if child_empty {
                        String::new()
                    } else {
                        self.mixed("unauthorized")?
                    };
                    rec.unauthorized = (!t.is_empty()).then_some(t);
                }
                Child::Sc => {
                    let t = self.text_el(child_empty, "sc")?;
                    let t = trim(&t);
                    let v = if all_digits(t) {
                        t.parse::<u32>().ok()
                    } else {
                        None
                    };
                    let v = v.ok_or_else(|| {
                        self.err_at(
                            at,
                            format!("bad service code {t:?}: expected an unsigned 32-bit number"),
                        )
                    })?;
                    rec.service_code = Some(v);
                }
                Child::Assignee => {
                    let mut ids = if child_empty {
                        Vec::new()
                    } else {
                        self.assignee()?
                    };
                    match ids.len() {
                        1 => {
                            refs.push(PersonRef {
                                record: self.record.unwrap_or(0),
                                contact: None,
                                at,
                            });
                            rec.assignee = ids.pop();
                        }
                        0 => return Err(self.err_at(at, "<assignee> holds no person xref")),
                        _ => {
                            return Err(
                                self.err_at(at, "<assignee> holds more than one person xref")
                            )
                        }
                    }
                }
                Child::Xref => match self.xref(&child, child_empty)? {
                    Xref::Person(id) => {
                        refs.push(PersonRef {
                            record: self.record.unwrap_or(0),
                            contact: Some(rec.contacts.len()),
                            at,
                        });
                        rec.contacts.push(id);
                    }
                    Xref::Other(r) => rec.references.push(r),
                },
                Child::Unknown => {
                    return Err(self.err_at(
                        at,
                        format!(
                            "unknown element <{name}> in <record>: expected name, protocol, \
                             number, description, xref, assignee, note, unauthorized or sc"
                        ),
                    ))
                }
            }
        }
        Ok(rec)
    }

    fn assignee(&mut self) -> Result<Vec<String>, Error> {
        let mut ids = Vec::new();
        loop {
            match self.next_tag()? {
                Ev::Start(c) | Ev::Empty(c) if local(&c) != "xref" => {
                    return Err(self.err(format!("unknown element <{}> in <assignee>", local(&c))))
                }
                Ev::Start(c) => match self.xref(&c, false)? {
                    Xref::Person(id) => ids.push(id),
                    Xref::Other(_) => return Err(self.err("<assignee> holds a non-person xref")),
                },
                Ev::Empty(c) => match self.xref(&c, true)? {
                    Xref::Person(id) => ids.push(id),
                    Xref::Other(_) => return Err(self.err("<assignee> holds a non-person xref")),
                },
                Ev::Text(t) if blank(&t) => {}
                Ev::Text(t) => {
                    return Err(self.err(format!("unexpected text {:?} in <assignee>", short(&t))))
                }
                Ev::End => return Ok(ids),
                Ev::Eof => return Err(self.err("truncated file: <assignee> is not closed")),
            }
        }
    }

    fn xref(&mut self, s: &BytesStart<'a>, empty: bool) -> Result<Xref, Error> {
        let at = self.at;
        let [kind, data] = self.attrs(s, ["type", "data"])?;
        let (kind, data) = (kind.unwrap_or_default(), data.unwrap_or_default());
        let text = if empty {
            String::new()
        } else {
            self.mixed("xref")?
        };
        let kind = match &*kind {
            "person" => {
                if data.is_empty() {
                    return Err(self.err_at(at, "person xref without data"));
                }
                return Ok(Xref::Person(data.into_owned()));
            }
            "rfc" => {
                // `get`, not indexing: byte 3 may fall inside a character.
                let ok = data.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("rfc"))
                    && all_digits(&data[3..])
                    && data[3..].parse::<u32>().is_ok();
                if !ok {
                    return Err(
                        self.err_at(at, format!("bad rfc xref data {data:?}: expected rfcNNNN"))
                    );
                }
                RefKind::Rfc
            }
            "uri" => RefKind::Uri,
            "draft" => RefKind::Draft,
            "text" => RefKind::Text,
            "note" => RefKind::Note,
            other => {
                return Err(self.err_at(
                    at,
                    format!(
                    "unknown xref type {other:?}: expected person, rfc, uri, draft, text or note"
                ),
                ))
            }
        };
        if kind != RefKind::Text && data.is_empty() {
            return Err(self.err_at(at, "xref without data"));
        }
        Ok(Xref::Other(Reference {
            kind,
            data: data.into_owned(),
            text,
        }))
    }

    fn people(&mut self) -> Result<Vec<Person>, Error> {
        let mut people = Vec::new();
        loop {
            let (c, empty) = match self.next_tag()? {
                Ev::Start(c) => (c, false),
                Ev::Empty(c) => (c, true),
                Ev::Text(t) if blank(&t) => continue,
                Ev::Text(t) => {
                    return Err(self.err(format!("unexpected text {:?} in <people>", short(&t))))
                }
                Ev::End => return Ok(people),
                Ev::Eof => return Err(self.err("truncated file: <people> is not closed")),
            };
            if local(&c) != "person" {
                return Err(self.err(format!("unknown element <{}> in <people>", local(&c))));
            }
            let p = self.person(&c, empty)?;
            if !self.person_ids.insert(p.id.clone()) {
                return Err(self.err(format!("person {:?} listed twice", p.id)));
            }
            people.push(p);
        }
    }

    fn person(&mut self, s: &BytesStart<'a>, empty: bool) -> Result<Person, Error> {
        let id = match self.attr(s, "id")? {
            Some(id) if !id.is_empty() => id.into_owned(),
            _ => return Err(self.err("<person> without id")),
        };
        let mut p = Person {
            id,
            ..Person::default()
        };
        if empty {
            return Ok(p);
        }
        loop {
            let (c, c_empty) = match self.next_tag()? {
                Ev::Start(c) => (c, false),
                Ev::Empty(c) => (c, true),
                Ev::Text(t) if blank(&t) => continue,
                Ev::Text(t) => {
                    return Err(self.err(format!("unexpected text {:?} in <person>", short(&t))))
                }
                Ev::End => return Ok(p),
                Ev::Eof => return Err(self.err("truncated file: <person> is not closed")),
            };
            let at = self.at;
            let name = local(&c);
            let t = self.text_el(c_empty, name)?;
            if let Some(k) = first_illegal(&t) {
                return Err(self.illegal(&t, k));
            }
            let t = collapse(&t);
            let slot = match name {
                "name" => &mut p.name,
                "org" => &mut p.org,
                "uri" => {
                    if !t.is_empty() {
                        p.uris.push(t);
                    }
                    continue;
                }
                "updated" => {
                    p.updated =
                        Some(Date::parse(&t).ok_or_else(|| {
                            self.err_at(at, format!("bad date {t:?} in <updated>"))
                        })?);
                    continue;
                }
                other => {
                    return Err(self.err_at(
                        at,
                        format!(
                        "unknown element <{other}> in <person>: expected name, org, uri or updated"
                    ),
                    ))
                }
            };
            if slot.is_some() {
                return Err(self.err_at(at, format!("two <{name}> in one person")));
            }
            *slot = (!t.is_empty()).then_some(t);
        }
    }

    /// The value of the first attribute whose local name is `key`.
    fn attr<'s>(&self, s: &'s BytesStart<'a>, key: &str) -> Result<Option<Cow<'s, str>>, Error> {
        let [value] = self.attrs(s, [key])?;
        Ok(value)
    }

    /// [`attr`](Self::attr) for each of `keys` in turn, with the same values
    /// and the same first error, but in one pass over the attributes: each
    /// lookup would stop at its key or at the first malformed attribute.
    fn attrs<'s, const N: usize>(
        &self,
        s: &'s BytesStart<'a>,
        keys: [&str; N],
    ) -> Result<[Option<Cow<'s, str>>; N], Error> {
        let mut found: [Option<Attribute<'s>>; N] = [const { None }; N];
        let mut missing = N;
        let mut malformed = None;
        for a in s.attributes() {
            let a = match a {
                Ok(a) => a,
                Err(e) => {
                    malformed = Some(e);
                    break;
                }
            };
            // Names as written: the registry's take no prefix.
            let key = a.key.into_inner();
            let mut i = 0;
            while i < N && (found[i].is_some() || keys[i] != key) {
                i += 1;
            }
            if i < N {
                found[i] = Some(a);
                missing -= 1;
                if missing == 0 {
                    break;
                }
            }
        }
        let mut values = [const { None }; N];
        for (i, a) in found.iter().enumerate() {
            values[i] = match (a, &malformed) {
                (Some(a), _) => Some(self.attr_value(a, keys[i])?),
                (None, Some(e)) => return Err(self.err(format!("malformed attribute: {e}"))),
                (None, None) => None,
            };
        }
        Ok(values)
    }

    /// An attribute's value, references resolved; a reference to a character
    /// XML does not allow is an error (the raw text was checked up front).
    fn attr_value<'v>(&self, a: &Attribute<'v>, key: &str) -> Result<Cow<'v, str>, Error> {
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|e| self.err(format!("malformed attribute {key}: {e}")))?;
        if let Some(k) = first_illegal(&value) {
            return Err(self.illegal(&value, k));
        }
        Ok(value)
    }

    /// The text of an element that holds text only.
    fn text_el(&mut self, empty: bool, name: &str) -> Result<Cow<'a, str>, Error> {
        let mut out = Cow::Borrowed("");
        if empty {
            return Ok(out);
        }
        loop {
            match self.next()? {
                // Usually one piece, kept borrowed; entities split the text.
                Ev::Text(t) if out.is_empty() => out = t,
                Ev::Text(t) => out.to_mut().push_str(&t),
                Ev::End => return Ok(out),
                Ev::Start(c) | Ev::Empty(c) => {
                    return Err(self.err(format!(
                        "unexpected element <{}> in <{name}>: expected text",
                        local(&c)
                    )))
                }
                Ev::Eof => return Err(self.err(format!("truncated file: <{name}> is not closed"))),
            }
        }
    }

    /// Mixed content (`description`, `note`, `unauthorized`, an xref body),
    /// rendered: white space runs become one space, `<br/>` and paragraph
    /// boundaries become a line break, lines are trimmed, an inline `<xref>`
    /// becomes its body or, when it has none, `[RFC6335]` (rfc), `[id]`
    /// (person), `[1]` (note) or its data (uri, draft).
    fn mixed(&mut self, name: &str) -> Result<String, Error> {
        let mut out = Render::default();
        self.mixed_into(name, &mut out)?;
        Ok(out.out)
    }

    fn mixed_into(&mut self, name: &str, out: &mut Render) -> Result<(), Error> {
        if self.nesting >= MAX_NESTING {
            return Err(self.err(format!("elements nested too deeply in <{name}>")));
        }
        // Errors end the parse, so only the Ok path needs to undo this.
        self.nesting += 1;
        loop {
            match self.next()? {
                // A newline in text is white space; only elements break lines.
                Ev::Text(t) => {
                    if let Some(k) = out.push(&t, false) {
                        return Err(self.illegal(&t, k));
                    }
                }
                Ev::End => {
                    self.nesting -= 1;
                    return Ok(());
                }
                Ev::Eof => return Err(self.err(format!("truncated file: <{name}> is not closed"))),
                Ev::Empty(c) => match local(&c) {
                    "br" => out.line_break(),
                    "paragraph" => out.line_break(),
                    // Rendered from checked text and attributes.
                    "xref" => {
                        let _ = out.push(&inline_xref(&self.xref(&c, true)?), true);
                    }
                    other => return Err(self.err(format!("unknown element <{other}> in <{name}>"))),
                },
                Ev::Start(c) => match local(&c) {
                    "paragraph" => {
                        out.line_break();
                        self.mixed_into("paragraph", out)?;
                        out.line_break();
                    }
                    "br" => {
                        out.line_break();
                        self.mixed_into("br", out)?;
                    }
                    "xref" => {
                        let _ = out.push(&inline_xref(&self.xref(&c, false)?), true);
                    }
                    other => return Err(self.err(format!("unknown element <{other}> in <{name}>"))),
                },
            }
        }
    }

    /// Skips the rest of an element `<name>` whose content the crate does
    /// not use. An element that holds the registry's data (a `<record>`,
    /// `<people>`...) is an error there, not dropped unread.
    fn skip(&mut self, name: &str) -> Result<(), Error> {
        let mut depth = 1usize;
        while depth > 0 {
            match self.next_tag()? {
                Ev::Start(c) | Ev::Empty(c) if DATA_ELEMENTS.contains(&local(&c)) => {
                    return Err(self.err(format!(
                        "<{}> inside <{name}>: it is read only as a child of <registry>",
                        local(&c)
                    )))
                }
                Ev::Start(_) => depth += 1,
                Ev::End => depth -= 1,
                Ev::Eof => return Err(self.err("truncated file: an element is not closed")),
                Ev::Empty(_) | Ev::Text(_) => {}
            }
        }
        Ok(())
    }
}

/// The children of `<record>`; the discriminant is the bit in `seen`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Child {
    Name,
    Protocol,
    Number,
    Description,
    Note,
    Unauthorized,
    Sc,
    Assignee,
    Xref,
    Unknown,
}

impl Child {
    fn of(name: &str) -> Child {
        match name {
            "name" => Child::Name,
            "protocol" => Child::Protocol,
            "number" => Child::Number,
            "description" => Child::Description,
            "note" => Child::Note,
            "unauthorized" => Child::Unauthorized,
            "sc" => Child::Sc,
            "assignee" => Child::Assignee,
            "xref" => Child::Xref,
            _ => Child::Unknown,
        }
    }
}

enum Xref {
    Person(String),
    Other(Reference),
}

fn inline_xref(x: &Xref) -> Cow<'_, str> {
    match x {
        Xref::Person(id) => Cow::Owned(format!("[{id}]")),
        Xref::Other(r) if !r.text.is_empty() => Cow::Borrowed(&r.text),
        Xref::Other(r) => match r.kind {
            RefKind::Rfc => Cow::Owned(format!("[{}]", r.data.to_ascii_uppercase())),
            RefKind::Note => Cow::Owned(format!("[{}]", r.data)),
            _ => Cow::Borrowed(&r.data),
        },
    }
}

/// Rendered text built as it streams in, in one pass: the words so far and
/// what separates the next one from them. Runs of spaces, tabs and newlines
/// (no `\n` is left in the raw text but those from `<br/>` and paragraphs)
/// become one space, each line is trimmed, empty lines at either end are
/// dropped and inner runs of empty lines kept as they are (`<br/><br/>` is a
/// blank line).
#[derive(Default)]
struct Render {
    out: String,
    /// Line breaks since the last word.
    breaks: usize,
    /// White space since the last word, on its line.
    space: bool,
}

impl Render {
    /// Appends `s`; a `\n` in it is a line break if `breaks`, else white
    /// space. Stops at a character XML does not allow and returns its offset
    /// in `s` (checked here, in the loop that reads every byte anyway).
    fn push(&mut self, s: &str, breaks: bool) -> Option<usize> {
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\n' if breaks => self.line_break(),
                b' ' | b'\t' | b'\r' | b'\n' => self.space = true,
                _ => {
                    // Words apart by single spaces are copied in one piece
                    // (each `push_str` costs hundreds of instructions).
                    let start = i;
                    while i < b.len() {
                        match b[i] {
                            b' ' if i + 1 < b.len()
                                && !matches!(b[i + 1], b' ' | b'\t' | b'\r' | b'\n') => {}
                            b' ' | b'\t' | b'\r' | b'\n' => break,
                            0..=0x1F | 0xEF if illegal_at(b, i) => return Some(i),
                            _ => {}
                        }
                        i += 1;
                    }
                    self.words(&s[start..i]);
                    continue;
                }
            }
            i += 1;
        }
        None
    }

    /// Appends words, after what separates them from the last ones.
    fn words(&mut self, words: &str) {
        // Breaks and space before the first word are dropped (trimmed).
        if !self.out.is_empty() {
            if self.breaks > 0 {
                for _ in 0..self.breaks {
                    self.out.push('\n');
                }
            } else if self.space {
                self.out.push(' ');
            }
        }
        self.breaks = 0;
        self.space = false;
        self.out.push_str(words);
    }

    /// White space before a line break is trimmed away.
    fn line_break(&mut self) {
        self.breaks += 1;
        self.space = false;
    }
}

/// Trims and folds runs of XML white space into one space.
pub fn collapse(s: &str) -> String {
    let mut r = Render::default();
    let _ = r.push(s, false);
    r.out
}

/// `80` or `6000-6063`.
pub fn parse_ports(t: &str) -> Result<(u16, u16), String> {
    let b = t.as_bytes();
    let mut dash = 0;
    while dash < b.len() && b[dash] != b'-' {
        dash += 1;
    }
    let (lo, hi) = if dash < b.len() {
        (port(t, &t[..dash])?, port(t, &t[dash + 1..])?)
    } else {
        let p = port(t, t)?;
        (p, p)
    };
    if lo > hi {
        return Err(format!("reversed port range {t:?} in <number>"));
    }
    Ok((lo, hi))
}

/// One port `s` of the `<number>` text `t`.
fn port(t: &str, s: &str) -> Result<u16, String> {
    if s.is_empty() || !all_digits(s) {
        return Err(format!("non-numeric port {t:?} in <number>"));
    }
    let b = s.as_bytes();
    let mut n = 0u32;
    let mut i = 0;
    while i < b.len() {
        n = n * 10 + u32::from(b[i] - b'0');
        // Stops before `u32` could overflow (leading zeros add nothing).
        if n > 65535 {
            return Err(format!("port {s} in <number> is above 65535"));
        }
        i += 1;
    }
    Ok(n as u16)
}

/// A tag's name as written, borrowed from the tag. IANA's registry puts
/// its elements and attributes in the default namespace, with no prefix:
/// a prefixed name (`<x:record>`, `x:date`), bound or not, is not one of
/// them and meets the "unknown element" or "unknown attribute" errors.
fn local<'s>(s: &'s BytesStart<'_>) -> &'s str {
    s.name().into_inner()
}

/// Whether XML 1.0 allows `c` in a document (its production `Char`).
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Whether byte `i` of `b` starts a character XML 1.0 does not allow: a
/// C0 control other than tab, line feed and carriage return, or U+FFFE or
/// U+FFFF (UTF-8 `EF BF BE`/`EF BF BF`; text is a `str`, so it holds no
/// surrogate).
fn illegal_at(b: &[u8], i: usize) -> bool {
    match b[i] {
        b'\t' | b'\n' | b'\r' => false,
        0..=0x1F => true,
        0xEF => b.get(i + 1) == Some(&0xBF) && matches!(b.get(i + 2), Some(0xBE | 0xBF)),
        _ => false,
    }
}

/// The offset of the first character of `s` that XML 1.0 does not allow.
fn first_illegal(s: &str) -> Option<usize> {
    // A byte loop without closures: the script runs unoptimized.
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if (b[i] < 0x20 || b[i] == 0xEF) && illegal_at(b, i) {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn all_digits(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether `b` is ASCII white space, as `char::is_whitespace` has it.
fn ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// `t.trim().is_empty()`, with a byte loop for ASCII text.
fn blank(t: &str) -> bool {
    let b = t.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !ascii_space(b[i]) {
            // Unicode white space: leave it to `str::trim`.
            return b[i] >= 0x80 && t.trim().is_empty();
        }
        i += 1;
    }
    true
}

/// `str::trim`, with byte loops for ASCII ends.
fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    let (mut i, mut j) = (0, b.len());
    while i < j && ascii_space(b[i]) {
        i += 1;
    }
    while j > i && ascii_space(b[j - 1]) {
        j -= 1;
    }
    let t = &s[i..j];
    if i < j && (b[i] >= 0x80 || b[j - 1] >= 0x80) {
        // A non-ASCII end may be Unicode white space.
        return t.trim();
    }
    t
}

/// `s.chars().any(char::is_control)`, with a byte loop for ASCII text.
fn has_control(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            0..=0x1F | 0x7F => return true,
            0x80.. => return s.chars().any(char::is_control),
            _ => i += 1,
        }
    }
    false
}

/// The number of line ends in `all[from..to]`: each `\n`, and each `\r`
/// that no `\n` follows in `all` (XML reads a lone `\r` as a line end).
fn count_lines(all: &[u8], from: usize, to: usize) -> usize {
    let b = &all[from..to];
    let mut lines = count_newlines(b);
    // CR-free files (nearly all) take one fast scan more.
    let mut rest = b;
    while !rest.is_empty() {
        let before = rest.len();
        let _ = rest.skip_until(b'\r');
        let at = from + (b.len() - rest.len()) - 1;
        if all[at] == b'\r' && all.get(at + 1) != Some(&b'\n') {
            lines += 1;
        }
        debug_assert!(rest.len() < before);
    }
    lines
}

/// The number of `\n` in `b`. `BufRead::skip_until` jumps from one to the
/// next with std's own, optimized `memchr`: a byte loop costs about 20
/// instructions a byte unoptimized, more than twice as much.
fn count_newlines(mut b: &[u8]) -> usize {
    // Every piece skipped ends with a `\n` but the last, if `b` does not.
    let open_end = b.last().is_some_and(|&c| c != b'\n');
    let mut pieces = 0;
    while !b.is_empty() {
        // Infallible on a slice: consumes up to the next `\n` or the end.
        let _ = b.skip_until(b'\n');
        pieces += 1;
    }
    pieces - usize::from(open_end)
}

/// The build's own maps and sets (here and in `build/tables.rs`), keyed
/// by text from the registry file, which may be hostile: std's SipHash-1-3
/// under a random key per run (`RandomState`), so that no file can be made
/// of colliding keys that turn each lookup into a linear scan. The tables
/// stay the same from run to run: no map is ever iterated, every output
/// order comes from a `Vec` in file or sorted order.
pub type QuickMap<K, V> = std::collections::HashMap<K, V, std::hash::RandomState>;
pub type QuickSet<T> = HashSet<T, std::hash::RandomState>;

fn short(t: &str) -> String {
    let t = t.trim();
    match t.char_indices().nth(40) {
        Some((i, _)) => format!("{}...", &t[..i]),
        None => t.to_string(),
    }
}
