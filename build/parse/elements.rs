//! The elements of a `<record>` (`record_el`, `xref`, `assignee`) and of
//! `<people>` (`people`, `person`), each child read with `Parser::child`.

use quick_xml::events::BytesStart;

use super::render::collapse;
use super::text::{first_illegal, local, parse_ports};
use super::{Parser, PersonRef};
use crate::model::{Date, Error, Person, Protocol, Record, RefKind, Reference};

impl<'a> Parser<'a> {
    pub(super) fn record_el(
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
        while let Some((child, child_empty)) = self.child("record")? {
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
                    let t = t.trim();
                    if let Some(k) = first_illegal(t) {
                        return Err(self.illegal(t, k));
                    }
                    if t.chars().any(char::is_control) {
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
                Child::Number => {
                    let t = self.text_el(child_empty, "number")?;
                    rec.ports = Some(parse_ports(t.trim()).map_err(|m| self.err_at(at, m))?);
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
                    let t = t.trim();
                    let v = if t.bytes().all(|b| b.is_ascii_digit()) {
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
                            );
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
                    ));
                }
            }
        }
        Ok(rec)
    }

    fn assignee(&mut self) -> Result<Vec<String>, Error> {
        let mut ids = Vec::new();
        while let Some((c, empty)) = self.child("assignee")? {
            if local(&c) != "xref" {
                return Err(self.err(format!("unknown element <{}> in <assignee>", local(&c))));
            }
            match self.xref(&c, empty)? {
                Xref::Person(id) => ids.push(id),
                Xref::Other(_) => return Err(self.err("<assignee> holds a non-person xref")),
            }
        }
        Ok(ids)
    }

    pub(super) fn xref(&mut self, s: &BytesStart<'a>, empty: bool) -> Result<Xref, Error> {
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
            other => return Err(self.err_at(
                at,
                format!(
                    "unknown xref type {other:?}: expected person, rfc, uri, draft, text or note"
                ),
            )),
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

    pub(super) fn people(&mut self) -> Result<Vec<Person>, Error> {
        let mut people = Vec::new();
        while let Some((c, empty)) = self.child("people")? {
            if local(&c) != "person" {
                return Err(self.err(format!("unknown element <{}> in <people>", local(&c))));
            }
            let p = self.person(&c, empty)?;
            if !self.person_ids.insert(p.id.clone()) {
                return Err(self.err(format!("person {:?} listed twice", p.id)));
            }
            people.push(p);
        }
        Ok(people)
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
        while let Some((c, c_empty)) = self.child("person")? {
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
                other => return Err(self.err_at(
                    at,
                    format!(
                        "unknown element <{other}> in <person>: expected name, org, uri or updated"
                    ),
                )),
            };
            if slot.is_some() {
                return Err(self.err_at(at, format!("two <{name}> in one person")));
            }
            *slot = (!t.is_empty()).then_some(t);
        }
        Ok(p)
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

pub(super) enum Xref {
    Person(String),
    Other(Reference),
}
