//! The metadata tables (feature `metadata`): one row per distinct set of
//! metadata (`META_*`, shared by records that agree on all of it), their
//! references (`REF_*`), people (`PERSON_*`), service codes and footnotes.

use super::{Strings, date};
use crate::model::emit::{Emitter, TableError, to_u16};
use crate::model::encoding::{REF_DRAFT, REF_NOTE, REF_RFC, REF_TEXT, REF_URI};
use crate::model::{Person, QuickMap, QuickSet, Record, RefKind, Registry};

/// The people the records point at: `<people>` when the file has it,
/// else one entry per referenced id, in order of first reference.
pub(crate) fn people(reg: &Registry) -> Vec<Person> {
    if let Some(people) = &reg.people {
        return people.clone();
    }
    let mut seen: QuickSet<String> = QuickSet::default();
    let mut out = Vec::new();
    for r in &reg.records {
        for id in r.assignee.iter().chain(&r.contacts) {
            if seen.insert(id.clone()) {
                out.push(Person {
                    id: id.clone(),
                    ..Person::default()
                });
            }
        }
    }
    out
}

fn ref_code(k: RefKind) -> u8 {
    match k {
        RefKind::Rfc => REF_RFC,
        RefKind::Uri => REF_URI,
        RefKind::Draft => REF_DRAFT,
        RefKind::Text => REF_TEXT,
        RefKind::Note => REF_NOTE,
    }
}

/// Whether `a` and `b` agree on every field a `Meta` row is made of.
fn same_metadata(a: &Record, b: &Record) -> bool {
    a.description == b.description
        && a.note == b.note
        && a.unauthorized == b.unauthorized
        && a.assignee == b.assignee
        && a.contacts == b.contacts
        && a.references == b.references
        && a.date == b.date
        && a.updated == b.updated
        && a.service_code == b.service_code
}

/// One distinct set of metadata; records that agree on all of it share it.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Meta {
    desc: u32,
    note: u32,
    unauthorized: u32,
    /// Person index + 1, 0 when absent.
    assignee: u16,
    contacts: Vec<u16>,
    refs: Vec<(u8, u32, u32)>,
    date: u32,
    updated: u32,
    service_code: Option<u32>,
}

pub(crate) fn metadata<'a>(
    e: &mut Emitter,
    reg: &'a Registry,
    people: &'a [Person],
    strings: &mut Strings<'a>,
) -> Result<(), TableError> {
    // `META_ASSIGNEE` holds index + 1 (0 for none): 65,535 people at most.
    if people.len() > usize::from(u16::MAX) {
        return Err(format!(
            "{} people: at most 65,535 fit the u16 person tables",
            people.len()
        )
        .into());
    }
    let mut person_ix: QuickMap<&str, u16> = QuickMap::default();
    for (i, p) in people.iter().enumerate() {
        person_ix.insert(p.id.as_str(), to_u16(i, "people")?);
    }
    let mut metas: Vec<Meta> = Vec::new();
    let mut meta_ix: QuickMap<Meta, u16> = QuickMap::default();
    let mut rec_meta = Vec::with_capacity(reg.records.len());
    for (i, r) in reg.records.iter().enumerate() {
        // Twins (tcp and udp of one service) carry the same metadata: the
        // row of the record before, without hashing its strings again.
        if i > 0 && same_metadata(&reg.records[i - 1], r) {
            rec_meta.push(rec_meta[i - 1]);
            continue;
        }
        let assignee = match &r.assignee {
            Some(a) => to_u16(usize::from(person_ix[a.as_str()]) + 1, "person index + 1")?,
            None => 0,
        };
        let m = Meta {
            desc: strings.id(&r.description),
            note: strings.opt(r.note.as_deref()),
            unauthorized: strings.opt(r.unauthorized.as_deref()),
            assignee,
            contacts: r.contacts.iter().map(|c| person_ix[c.as_str()]).collect(),
            refs: r
                .references
                .iter()
                .map(|x| (ref_code(x.kind), strings.id(&x.data), strings.id(&x.text)))
                .collect(),
            date: date(r.date),
            updated: date(r.updated),
            service_code: r.service_code,
        };
        let ix = match meta_ix.get(&m) {
            Some(&ix) => ix,
            None => {
                // The record that needs row 65,536 is at fault.
                let ix = to_u16(metas.len(), "distinct metadata rows")
                    .map_err(|e| TableError::record(reg, i, e))?;
                meta_ix.insert(m.clone(), ix);
                metas.push(m);
                ix
            }
        };
        rec_meta.push(ix);
    }
    e.array("Each record's metadata row.", "REC_META", &rec_meta);
    let col = |f: &dyn Fn(&Meta) -> u32| metas.iter().map(f).collect::<Vec<u32>>();
    e.array_as(
        "Each row's description: a string of `META_STR`.",
        "META_DESC",
        "MetaStrIx",
        &col(&|m| m.desc),
    )?;
    e.array_as(
        "Each row's note, 0 for none.",
        "META_NOTE",
        "MetaStrIx",
        &col(&|m| m.note),
    )?;
    e.array_as(
        "Each row's unauthorized-use text, 0 for none.",
        "META_UNAUTHORIZED",
        "MetaStrIx",
        &col(&|m| m.unauthorized),
    )?;
    let assignees: Vec<u16> = metas.iter().map(|m| m.assignee).collect();
    e.array(
        "Each row's assignee: a person index + 1, 0 for none.",
        "META_ASSIGNEE",
        &assignees,
    );
    e.array(
        "Each row's registration date, packed (0: none).",
        "META_DATE",
        &col(&|m| m.date),
    );
    e.array(
        "Each row's last-modified date, packed (0: none).",
        "META_UPDATED",
        &col(&|m| m.updated),
    );
    let (mut contact_bound, mut contacts) = (vec![0u16], Vec::new());
    let (mut ref_bound, mut refs) = (vec![0u16], Vec::new());
    for m in &metas {
        contacts.extend(m.contacts.iter().copied());
        contact_bound.push(to_u16(
            contacts.len(),
            "contacts of distinct metadata rows",
        )?);
        refs.extend(m.refs.iter().copied());
        ref_bound.push(to_u16(refs.len(), "references of distinct metadata rows")?);
    }
    e.array(
        "Row `m`'s contacts are `CONTACTS[META_CONTACT_BOUND[m]..META_CONTACT_BOUND[m + 1]]`.",
        "META_CONTACT_BOUND",
        &contact_bound,
    );
    e.array(
        "Contacts of the rows: person indices.",
        "CONTACTS",
        &contacts,
    );
    e.array(
        "Row `m`'s references are `META_REF_BOUND[m]..META_REF_BOUND[m + 1]` of `REF_*`.",
        "META_REF_BOUND",
        &ref_bound,
    );
    e.array(
        "Each reference's kind (`src/encoding.rs`).",
        "REF_KIND",
        &refs.iter().map(|r| r.0).collect::<Vec<_>>(),
    );
    e.array_as(
        "Each reference's data (RFC name, URI, draft, anchor).",
        "REF_DATA",
        "MetaStrIx",
        &refs.iter().map(|r| r.1).collect::<Vec<_>>(),
    )?;
    e.array_as(
        "Each reference's rendered text, 0 for none.",
        "REF_TEXT",
        "MetaStrIx",
        &refs.iter().map(|r| r.2).collect::<Vec<_>>(),
    )?;
    let sc: Vec<(usize, u32)> = metas
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.service_code.map(|c| (i, c)))
        .collect();
    let sc_meta = sc
        .iter()
        .map(|s| to_u16(s.0, "metadata row"))
        .collect::<Result<Vec<u16>, _>>()?;
    e.array(
        "The rows that have a service code, ascending.",
        "SC_META",
        &sc_meta,
    );
    e.array(
        "The service code of each row of `SC_META`.",
        "SC_VALUE",
        &sc.iter().map(|s| s.1).collect::<Vec<_>>(),
    );

    let pcol = |f: &mut dyn FnMut(&'a Person) -> u32| people.iter().map(f).collect::<Vec<u32>>();
    e.array_as(
        "Each person's id.",
        "PERSON_ID",
        "MetaStrIx",
        &pcol(&mut |p| strings.id(&p.id)),
    )?;
    e.array_as(
        "Each person's name, 0 for none.",
        "PERSON_NAME",
        "MetaStrIx",
        &pcol(&mut |p| strings.opt(p.name.as_deref())),
    )?;
    e.array_as(
        "Each person's organization, 0 for none.",
        "PERSON_ORG",
        "MetaStrIx",
        &pcol(&mut |p| strings.opt(p.org.as_deref())),
    )?;
    let (mut uri_bound, mut uris) = (vec![0u16], Vec::new());
    for p in people {
        uris.extend(p.uris.iter().map(|u| strings.id(u)));
        uri_bound.push(to_u16(uris.len(), "person URIs")?);
    }
    e.array(
        "Person `p`'s URIs are `URIS[PERSON_URI_BOUND[p]..PERSON_URI_BOUND[p + 1]]`.",
        "PERSON_URI_BOUND",
        &uri_bound,
    );
    e.array_as("The people's URIs.", "URIS", "MetaStrIx", &uris)?;
    e.array(
        "Each person's last-modified date, packed (0: none).",
        "PERSON_UPDATED",
        &pcol(&mut |p| date(p.updated)),
    );
    let notes: Vec<(u32, u32)> = reg
        .footnotes
        .iter()
        .map(|(a, t)| (strings.id(a), strings.id(t)))
        .collect();
    e.array_as(
        "Each footnote's anchor.",
        "FOOTNOTE_ANCHOR",
        "MetaStrIx",
        &notes.iter().map(|n| n.0).collect::<Vec<_>>(),
    )?;
    e.array_as(
        "Each footnote's text.",
        "FOOTNOTE_TEXT",
        "MetaStrIx",
        &notes.iter().map(|n| n.1).collect::<Vec<_>>(),
    )?;
    Ok(())
}
