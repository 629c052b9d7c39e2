//! Every record field, and the rendering of mixed content, against the XML.

use super::*;

#[test]
fn counts_and_date() {
    let exp = expected();
    println!(
        "differential: {} ({} records, updated {})",
        exp.path.display(),
        exp.records.len(),
        exp.updated
    );
    assert_eq!(RECORD_COUNT, exp.records.len());
    assert_eq!(records().len(), exp.records.len());
    assert_eq!(records().count(), exp.records.len());
    assert_eq!(REGISTRY_UPDATED.to_string(), exp.updated);
}

#[test]
fn every_field_of_every_record() {
    let exp = expected();
    assert_eq!(records().len(), exp.records.len());
    let mut f = Failures::new("record fields");
    for (i, (r, e)) in records().zip(&exp.records).enumerate() {
        let ctx = || format!("record {} (line {}, {:?})", i, line_at(e.pos), e.name);
        let ctx: &dyn Fn() -> String = &ctx;
        f.check(ctx, r.index(), i);
        f.check(ctx, r.name(), e.name.as_deref());
        f.check(ctx, r.protocol(), e.protocol);
        f.check(ctx, r.ports().map(|p| (p.start(), p.end())), e.ports);
        for p in Protocol::ALL {
            f.check(ctx, r.applies_to(p), e.protocol.is_none_or(|q| q == p));
        }
        f.check(ctx, r.status(), e.status);
        #[cfg(feature = "metadata")]
        {
            f.check(ctx, r.description(), e.description.as_str());
            f.check(ctx, r.assignee().map(|p| p.id()), e.assignee.as_deref());
            if let (Some(p), Some(id)) = (r.assignee(), &e.assignee) {
                let actx = || format!("{} assignee {id}", ctx());
                check_person(&mut f, &actx, p, id);
            }
            let contacts: Vec<&str> = r.contacts().map(Person::id).collect();
            f.check(
                ctx,
                contacts,
                e.contacts.iter().map(String::as_str).collect(),
            );
            for (p, id) in r.contacts().zip(&e.contacts) {
                let cctx = || format!("{} contact {id}", ctx());
                check_person(&mut f, &cctx, p, id);
            }
            f.check(
                ctx,
                r.registered().map(|d| d.to_string()),
                e.registered.clone(),
            );
            f.check(ctx, r.modified().map(|d| d.to_string()), e.modified.clone());
            let refs: Vec<ExpRef> = r.references().map(actual_ref).collect();
            f.check(ctx, refs, e.references.clone());
            f.check(ctx, r.service_code(), e.service_code);
            f.check(ctx, r.unauthorized(), e.unauthorized.as_deref());
            f.check(ctx, r.note(), e.note.as_deref());
        }
    }
    f.finish();
}

#[test]
fn rendering_rule_applies() {
    // The independent rendering must have been exercised on the features it
    // implements, or the comparison above proves less than it claims.
    let exp = expected();
    let multi_line = exp
        .records
        .iter()
        .filter(|r| {
            r.description.contains('\n') || r.note.as_deref().is_some_and(|n| n.contains('\n'))
        })
        .count();
    let statuses = |s| exp.records.iter().filter(|r| r.status == s).count();
    println!(
        "multi-line texts: {multi_line}; assigned {}, reserved {}, unassigned {}",
        statuses(Status::Assigned),
        statuses(Status::Reserved),
        statuses(Status::Unassigned)
    );
    assert!(statuses(Status::Assigned) > 10_000);
    assert!(statuses(Status::Reserved) > 100);
    assert!(statuses(Status::Unassigned) > 100);
}

#[test]
fn render_rule_examples() {
    // The rule itself, on literal inputs (a check of this file's renderer).
    let case = |xml: &str| {
        let doc = roxmltree::Document::parse(xml).unwrap();
        render(doc.root_element())
    };
    assert_eq!(case("<d>a<br/><br/>b</d>"), "a\n\nb");
    assert_eq!(case("<d>\n  a \t b\n  c  </d>"), "a b c");
    assert_eq!(case("<d><br/>a<br/></d>"), "a");
    assert_eq!(case("<d>x<paragraph>p</paragraph>y</d>"), "x\np\ny");
    assert_eq!(
        case("<d>see <xref type=\"rfc\" data=\"rfc6335\"/>.</d>"),
        "see [RFC6335]."
    );
    assert_eq!(case("<d><xref type=\"person\" data=\"Jon\"/></d>"), "[Jon]");
    assert_eq!(case("<d><xref type=\"note\" data=\"1\"/></d>"), "[1]");
    assert_eq!(
        case("<d><xref type=\"uri\" data=\"http://x\"/></d>"),
        "http://x"
    );
    assert_eq!(
        case("<d><xref type=\"uri\" data=\"http://x\">X y</xref></d>"),
        "X y"
    );
    assert_eq!(case("<d/>"), "");
}
