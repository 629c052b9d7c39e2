//! The reader: quick-xml events into the model, one element at a time.
//! The elements of a record and of `<people>` are read in `elements.rs`,
//! mixed content in `render.rs`; `text.rs` holds the byte-level helpers.
//!
//! Every problem is an [`Error`] that names the file, the line and column and
//! (inside a record) the record's ordinal; nothing is dropped silently.
//!
//! Speed: build scripts run unoptimized, so besides quick-xml's own work
//! this module keeps to borrowed text, plain byte loops and one pass over
//! each piece of text; line and column are worked out only for errors (and
//! lines, counted on from the last one, for records).

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashSet;

use quick_xml::Reader;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesStart, Event};

use crate::model::{Date, Error, QuickSet, Registry};
use text::{blank, count_lines, first_illegal, local, short, xml_char};

mod elements;
mod render;
mod text;

pub use render::collapse;
pub use text::parse_ports;

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
                            )));
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

    /// The next child element of `<{parent}>`, an element that holds
    /// elements only: the tag and whether it is empty (`<x/>`), `None` at
    /// `</{parent}>`. White space between children is skipped; other text
    /// and the end of the file are errors that name `parent`.
    fn child(&mut self, parent: &str) -> Result<Option<(BytesStart<'a>, bool)>, Error> {
        loop {
            return match self.next_tag()? {
                Ev::Start(c) => Ok(Some((c, false))),
                Ev::Empty(c) => Ok(Some((c, true))),
                Ev::Text(t) if blank(&t) => continue,
                Ev::Text(t) => {
                    Err(self.err(format!("unexpected text {:?} in <{parent}>", short(&t))))
                }
                Ev::End => Ok(None),
                Ev::Eof => Err(self.err(format!("truncated file: <{parent}> is not closed"))),
            };
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
        while let Some((s, empty)) = self.child("registry")? {
            self.top_child(&s, empty, &mut reg, &mut refs)?;
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
                )));
            }
        }
        Ok(())
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
                    )));
                }
                Ev::Eof => return Err(self.err(format!("truncated file: <{name}> is not closed"))),
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
                    )));
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
