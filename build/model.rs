//! The parse model: IANA's `service-names-port-numbers` XML into plain Rust.
//!
//! This file is shared: `build.rs` includes it to generate the tables, the
//! tests include it (`#[path = "../build/model.rs"]`) to feed it bad input,
//! and `xtask validate` includes it to check a downloaded file. It depends on
//! `std` and `quick-xml` only.
//!
//! Every problem is an [`Error`] that names the file, the line and column and
//! (inside a record) the record's ordinal; nothing is dropped silently.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::fmt;

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
        Protocol::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(s))
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
        let mut parts = s.split('-');
        let year = parts.next().filter(|y| y.len() == 4)?;
        let month = parts.next().filter(|m| m.len() == 2)?;
        let day = parts.next();
        if parts.next().is_some() {
            return None;
        }
        let all_digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(year) || !all_digits(month) {
            return None;
        }
        let year: u16 = year.parse().ok()?;
        let month: u8 = month.parse().ok()?;
        if !(1..=12).contains(&month) {
            return None;
        }
        let day = match day {
            None => None,
            Some(d) if d.len() == 2 && all_digits(d) => {
                let d: u8 = d.parse().ok()?;
                if d == 0 || d > days_in_month(year, month) {
                    return None;
                }
                Some(d)
            }
            Some(_) => return None,
        };
        Some(Date { year, month, day })
    }
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
    /// `None` when absent or empty (`<name/>`).
    pub name: Option<String>,
    pub protocol: Option<Protocol>,
    /// Inclusive range; a single port is `(p, p)`.
    pub ports: Option<(u16, u16)>,
    /// Rendered text (see [`render`] rules in the crate docs).
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

const ROOT_ID: &str = "service-names-port-numbers";
/// Deepest nesting of mixed content (`<paragraph>`, `<br>`, `<xref>` inside
/// each other); the real files nest two levels. Bounds the recursion.
const MAX_NESTING: usize = 100;

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
    cursor: std::cell::Cell<(usize, usize)>,
    /// Current depth of `mixed_into` calls.
    nesting: usize,
}

/// Element events reduced to what the parser needs.
enum Ev<'a> {
    Start(BytesStart<'a>),
    Empty(BytesStart<'a>),
    End,
    Text(String),
    Eof,
}

/// A name attribute or a person xref waiting for `<people>`.
struct PersonRef {
    id: String,
    line: usize,
    column: usize,
    record: usize,
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
            cursor: std::cell::Cell::new((0, 1)),
            nesting: 0,
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

    /// 1-based line and column (in characters) of a byte offset.
    fn line_col(&self, pos: usize) -> (usize, usize) {
        let bytes = self.text.as_bytes();
        let pos = pos.min(bytes.len());
        let (mut from, mut line) = self.cursor.get();
        if pos < from {
            (from, line) = (0, 1);
        }
        line += bytes[from..pos].iter().filter(|&&b| b == b'\n').count();
        self.cursor.set((pos, line));
        let line_start = bytes[..pos]
            .iter()
            .rposition(|&b| b == b'\n')
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

    /// The next event that matters: comments, processing instructions,
    /// the declaration and the doctype are skipped; entity references are
    /// resolved into text.
    fn next(&mut self) -> Result<Ev<'a>, Error> {
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
                Event::Text(t) => Ev::Text(t.xml10_content().into_owned()),
                Event::CData(t) => Ev::Text(t.xml10_content().into_owned()),
                Event::GeneralRef(r) => {
                    let resolved = match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        Ok(None) => {
                            let name = r.xml10_content();
                            match quick_xml::escape::resolve_predefined_entity(&name) {
                                Some(s) => s.to_string(),
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
        if self.text.trim().is_empty() {
            return Err(self.err("empty file: expected an IANA registry in XML"));
        }
        let root = loop {
            match self.next()? {
                Ev::Start(s) => break s,
                Ev::Empty(_) => return Err(self.err("the root element is empty")),
                Ev::Text(t) if t.trim().is_empty() => continue,
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
            match self.next()? {
                Ev::Start(s) => self.top_child(&s, false, &mut reg, &mut refs)?,
                Ev::Empty(s) => self.top_child(&s, true, &mut reg, &mut refs)?,
                Ev::Text(t) if t.trim().is_empty() => {}
                Ev::Text(t) => {
                    return Err(self.err(format!("unexpected text {:?} in <registry>", short(&t))))
                }
                Ev::End => break,
                Ev::Eof => return Err(self.err("truncated file: <registry> is not closed")),
            }
        }
        loop {
            match self.next()? {
                Ev::Eof => break,
                Ev::Text(t) if t.trim().is_empty() => {}
                _ => return Err(self.err("content after the end of <registry>")),
            }
        }
        if reg.updated.is_none() {
            self.at = 0;
            return Err(self.err("the registry has no <updated> date"));
        }
        if let Some(people) = &reg.people {
            let known: BTreeSet<&str> = people.iter().map(|p| p.id.as_str()).collect();
            if let Some(r) = refs.iter().find(|r| !known.contains(r.id.as_str())) {
                return Err(Error {
                    file: self.file.to_string(),
                    line: r.line,
                    column: r.column,
                    record: Some(r.record),
                    message: format!("person {:?} is not in <people>", r.id),
                });
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
        match local(s).as_str() {
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
                let d = Date::parse(t.trim())
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
                let anchor = self.attr(s, "anchor")?.unwrap_or_default();
                let text = if empty {
                    String::new()
                } else {
                    self.mixed("footnote")?
                };
                reg.footnotes.push((anchor, text));
            }
            "title" | "category" | "xref" | "expert" | "note" => {
                if !empty {
                    self.skip()?;
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
        let mut rec = Record {
            line: self.line_col(self.at).0,
            ..Record::default()
        };
        for a in s.attributes() {
            let a = a.map_err(|e| self.err(format!("malformed attribute: {e}")))?;
            let key = a.key.local_name().as_ref().to_string();
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|e| self.err(format!("malformed attribute {key}: {e}")))?;
            let slot = match key.as_str() {
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
        let mut seen = BTreeSet::new();
        loop {
            let (child, child_empty) = match self.next()? {
                Ev::Start(c) => (c, false),
                Ev::Empty(c) => (c, true),
                Ev::Text(t) if t.trim().is_empty() => continue,
                Ev::Text(t) => {
                    return Err(self.err(format!("unexpected text {:?} in <record>", short(&t))))
                }
                Ev::End => break,
                Ev::Eof => return Err(self.err("truncated file: <record> is not closed")),
            };
            let name = local(&child);
            let at = self.at;
            if !matches!(name.as_str(), "xref") && !seen.insert(name.clone()) {
                return Err(self.err(format!("two <{name}> elements in one record")));
            }
            match name.as_str() {
                "name" => {
                    let t = self.text_el(child_empty, "name")?;
                    let t = t.trim();
                    if t.chars().any(char::is_control) {
                        return Err(self.err_at(at, format!("bad service name {t:?}")));
                    }
                    rec.name = (!t.is_empty()).then(|| t.to_string());
                }
                "protocol" => {
                    let t = self.text_el(child_empty, "protocol")?;
                    let t = t.trim();
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
                "number" => {
                    let t = self.text_el(child_empty, "number")?;
                    rec.ports = Some(parse_ports(t.trim()).map_err(|m| self.err_at(at, m))?);
                }
                "description" => {
                    rec.description = if child_empty {
                        String::new()
                    } else {
                        self.mixed("description")?
                    };
                }
                "note" => {
                    let t = if child_empty {
                        String::new()
                    } else {
                        self.mixed("note")?
                    };
                    rec.note = (!t.is_empty()).then_some(t);
                }
                "unauthorized" => {
                    let t = if child_empty {
                        String::new()
                    } else {
                        self.mixed("unauthorized")?
                    };
                    rec.unauthorized = (!t.is_empty()).then_some(t);
                }
                "sc" => {
                    let t = self.text_el(child_empty, "sc")?;
                    let t = t.trim();
                    let v = t
                        .parse::<u32>()
                        .ok()
                        .filter(|_| t.bytes().all(|b| b.is_ascii_digit()))
                        .ok_or_else(|| {
                            self.err_at(
                                at,
                                format!(
                                    "bad service code {t:?}: expected an unsigned 32-bit number"
                                ),
                            )
                        })?;
                    rec.service_code = Some(v);
                }
                "assignee" => {
                    let (line, column) = self.line_col(at);
                    let ids = if child_empty {
                        Vec::new()
                    } else {
                        self.assignee()?
                    };
                    match ids.as_slice() {
                        [id] => {
                            refs.push(PersonRef {
                                id: id.clone(),
                                line,
                                column,
                                record: self.record.unwrap_or(0),
                            });
                            rec.assignee = Some(id.clone());
                        }
                        [] => return Err(self.err_at(at, "<assignee> holds no person xref")),
                        _ => {
                            return Err(
                                self.err_at(at, "<assignee> holds more than one person xref")
                            )
                        }
                    }
                }
                "xref" => {
                    let x = self.xref(&child, child_empty)?;
                    match x {
                        Xref::Person(id) => {
                            let (line, column) = self.line_col(at);
                            refs.push(PersonRef {
                                id: id.clone(),
                                line,
                                column,
                                record: self.record.unwrap_or(0),
                            });
                            rec.contacts.push(id);
                        }
                        Xref::Other(r) => rec.references.push(r),
                    }
                }
                other => {
                    return Err(self.err_at(
                        at,
                        format!(
                            "unknown element <{other}> in <record>: expected name, protocol, \
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
            match self.next()? {
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
                Ev::Text(t) if t.trim().is_empty() => {}
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
        let kind = self.attr(s, "type")?.unwrap_or_default();
        let data = self.attr(s, "data")?.unwrap_or_default();
        let text = if empty {
            String::new()
        } else {
            self.mixed("xref")?
        };
        let kind = match kind.as_str() {
            "person" => {
                if data.is_empty() {
                    return Err(self.err_at(at, "person xref without data"));
                }
                return Ok(Xref::Person(data));
            }
            "rfc" => {
                // `get`, not indexing: byte 3 may fall inside a character.
                let ok = data.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("rfc"))
                    && data[3..].bytes().all(|b| b.is_ascii_digit())
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
        Ok(Xref::Other(Reference { kind, data, text }))
    }

    fn people(&mut self) -> Result<Vec<Person>, Error> {
        let mut people = Vec::new();
        let mut ids = BTreeSet::new();
        loop {
            match self.next()? {
                Ev::Start(c) | Ev::Empty(c) if local(&c) != "person" => {
                    return Err(self.err(format!("unknown element <{}> in <people>", local(&c))))
                }
                Ev::Start(c) => {
                    let p = self.person(&c, false)?;
                    if !ids.insert(p.id.clone()) {
                        return Err(self.err(format!("person {:?} listed twice", p.id)));
                    }
                    people.push(p);
                }
                Ev::Empty(c) => {
                    let p = self.person(&c, true)?;
                    if !ids.insert(p.id.clone()) {
                        return Err(self.err(format!("person {:?} listed twice", p.id)));
                    }
                    people.push(p);
                }
                Ev::Text(t) if t.trim().is_empty() => {}
                Ev::Text(t) => {
                    return Err(self.err(format!("unexpected text {:?} in <people>", short(&t))))
                }
                Ev::End => return Ok(people),
                Ev::Eof => return Err(self.err("truncated file: <people> is not closed")),
            }
        }
    }

    fn person(&mut self, s: &BytesStart<'a>, empty: bool) -> Result<Person, Error> {
        let id = self
            .attr(s, "id")?
            .filter(|id| !id.is_empty())
            .ok_or_else(|| self.err("<person> without id"))?;
        let mut p = Person {
            id,
            ..Person::default()
        };
        if empty {
            return Ok(p);
        }
        loop {
            let (c, c_empty) = match self.next()? {
                Ev::Start(c) => (c, false),
                Ev::Empty(c) => (c, true),
                Ev::Text(t) if t.trim().is_empty() => continue,
                Ev::Text(t) => {
                    return Err(self.err(format!("unexpected text {:?} in <person>", short(&t))))
                }
                Ev::End => return Ok(p),
                Ev::Eof => return Err(self.err("truncated file: <person> is not closed")),
            };
            let at = self.at;
            let name = local(&c);
            let t = self.text_el(c_empty, &name)?;
            let t = collapse(&t);
            let slot = match name.as_str() {
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

    fn attr(&self, s: &BytesStart<'a>, key: &str) -> Result<Option<String>, Error> {
        for a in s.attributes() {
            let a = a.map_err(|e| self.err(format!("malformed attribute: {e}")))?;
            if a.key.local_name().as_ref() == key {
                let v = a
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map_err(|e| self.err(format!("malformed attribute {key}: {e}")))?;
                return Ok(Some(v.into_owned()));
            }
        }
        Ok(None)
    }

    /// The text of an element that holds text only.
    fn text_el(&mut self, empty: bool, name: &str) -> Result<String, Error> {
        let mut out = String::new();
        if empty {
            return Ok(out);
        }
        loop {
            match self.next()? {
                Ev::Text(t) => out.push_str(&t),
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
        let mut raw = String::new();
        self.mixed_into(name, &mut raw)?;
        Ok(render(&raw))
    }

    fn mixed_into(&mut self, name: &str, raw: &mut String) -> Result<(), Error> {
        if self.nesting >= MAX_NESTING {
            return Err(self.err(format!("elements nested too deeply in <{name}>")));
        }
        // Errors end the parse, so only the Ok path needs to undo this.
        self.nesting += 1;
        loop {
            match self.next()? {
                Ev::Text(t) => raw.push_str(&t.replace('\n', " ")),
                Ev::End => {
                    self.nesting -= 1;
                    return Ok(());
                }
                Ev::Eof => return Err(self.err(format!("truncated file: <{name}> is not closed"))),
                Ev::Empty(c) => match local(&c).as_str() {
                    "br" => raw.push('\n'),
                    "paragraph" => raw.push('\n'),
                    "xref" => raw.push_str(&inline_xref(&self.xref(&c, true)?)),
                    other => return Err(self.err(format!("unknown element <{other}> in <{name}>"))),
                },
                Ev::Start(c) => match local(&c).as_str() {
                    "paragraph" => {
                        raw.push('\n');
                        self.mixed_into("paragraph", raw)?;
                        raw.push('\n');
                    }
                    "br" => {
                        raw.push('\n');
                        self.mixed_into("br", raw)?;
                    }
                    "xref" => raw.push_str(&inline_xref(&self.xref(&c, false)?)),
                    other => return Err(self.err(format!("unknown element <{other}> in <{name}>"))),
                },
            }
        }
    }

    /// Skips the rest of an element whose content the crate does not use.
    fn skip(&mut self) -> Result<(), Error> {
        let mut depth = 1usize;
        while depth > 0 {
            match self.next()? {
                Ev::Start(_) => depth += 1,
                Ev::End => depth -= 1,
                Ev::Eof => return Err(self.err("truncated file: an element is not closed")),
                Ev::Empty(_) | Ev::Text(_) => {}
            }
        }
        Ok(())
    }
}

enum Xref {
    Person(String),
    Other(Reference),
}

fn inline_xref(x: &Xref) -> String {
    match x {
        Xref::Person(id) => format!("[{id}]"),
        Xref::Other(r) if !r.text.is_empty() => r.text.clone(),
        Xref::Other(r) => match r.kind {
            RefKind::Rfc => format!("[{}]", r.data.to_ascii_uppercase()),
            RefKind::Note => format!("[{}]", r.data),
            _ => r.data.clone(),
        },
    }
}

/// Collapses white space: runs of spaces, tabs and newlines (no `\n` is
/// left in `raw` but those from `<br/>` and paragraphs) become one space,
/// each line is trimmed, empty lines at either end are dropped and inner
/// runs of empty lines kept as they are (`<br/><br/>` is a blank line).
pub fn render(raw: &str) -> String {
    let lines: Vec<String> = raw.split('\n').map(collapse).collect();
    let first = lines.iter().position(|l| !l.is_empty());
    let last = lines.iter().rposition(|l| !l.is_empty());
    match (first, last) {
        (Some(a), Some(b)) => lines[a..=b].join("\n"),
        _ => String::new(),
    }
}

/// Trims and folds runs of XML white space into one space.
pub fn collapse(s: &str) -> String {
    s.split([' ', '\t', '\r', '\n'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `80` or `6000-6063`.
pub fn parse_ports(t: &str) -> Result<(u16, u16), String> {
    let one = |s: &str| -> Result<u16, String> {
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("non-numeric port {t:?} in <number>"));
        }
        match s.parse::<u32>() {
            Ok(n) if n <= 65535 => Ok(n as u16),
            _ => Err(format!("port {s} in <number> is above 65535")),
        }
    };
    let (lo, hi) = match t.split_once('-') {
        Some((a, b)) => (one(a)?, one(b)?),
        None => {
            let p = one(t)?;
            (p, p)
        }
    };
    if lo > hi {
        return Err(format!("reversed port range {t:?} in <number>"));
    }
    Ok((lo, hi))
}

fn local(s: &BytesStart<'_>) -> String {
    s.local_name().as_ref().to_string()
}

fn short(t: &str) -> String {
    let t = t.trim();
    match t.char_indices().nth(40) {
        Some((i, _)) => format!("{}...", &t[..i]),
        None => t.to_string(),
    }
}
