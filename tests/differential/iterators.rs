//! The iterators: exact size, double-ended and fused, from both ends.

use super::*;

fn check_iter<I>(what: &str, make: impl Fn() -> I)
where
    I: DoubleEndedIterator + ExactSizeIterator + std::iter::FusedIterator,
    I::Item: PartialEq + std::fmt::Debug,
{
    let fwd: Vec<I::Item> = make().collect();
    assert_eq!(make().len(), fwd.len(), "{what}: len");
    assert_eq!(make().count(), fwd.len(), "{what}: count");
    assert_eq!(make().size_hint(), (fwd.len(), Some(fwd.len())), "{what}");
    let mut rev: Vec<I::Item> = make().rev().collect();
    rev.reverse();
    assert_eq!(rev, fwd, "{what}: rev");
    // Both ends, with len shrinking by one per step.
    let mut it = make();
    let (mut front, mut back) = (Vec::new(), Vec::new());
    let mut from_front = true;
    loop {
        let before = it.len();
        let x = if from_front {
            it.next()
        } else {
            it.next_back()
        };
        match x {
            Some(x) => {
                assert_eq!(it.len(), before - 1, "{what}: len after a step");
                if from_front {
                    front.push(x);
                } else {
                    back.push(x);
                }
            }
            None => break,
        }
        from_front = !from_front;
    }
    back.reverse();
    front.extend(back);
    assert_eq!(front, fwd, "{what}: alternating ends");
    // Fused.
    assert!(it.next().is_none() && it.next_back().is_none() && it.next().is_none());
    assert_eq!(it.len(), 0);
    // nth.
    for k in [
        0,
        1,
        fwd.len() / 2,
        fwd.len().saturating_sub(1),
        fwd.len(),
        fwd.len() + 5,
    ] {
        assert_eq!(
            make().nth(k),
            make().collect::<Vec<_>>().into_iter().nth(k),
            "{what}: nth({k})"
        );
    }
}

#[test]
fn iterators_are_exact_double_ended_fused() {
    check_iter("by_port(80/tcp)", || by_port(80, Protocol::Tcp));
    check_iter("by_port(6003/tcp)", || by_port(6003, Protocol::Tcp));
    check_iter("by_port(60000/tcp)", || by_port(60000, Protocol::Tcp));
    check_iter("by_name(ssh)", || by_name("ssh"));
    check_iter("by_name(http-alt)", || by_name("HTTP-ALT"));
    check_iter("by_name(nothing)", || by_name("no-such-service-here"));
    check_iter("records()", records);
    #[cfg(feature = "metadata")]
    check_metadata_iters();
    // Partially consumed iterators report the rest.
    let mut all = records();
    all.next();
    all.next_back();
    assert_eq!(all.len(), RECORD_COUNT - 2);
}

#[cfg(feature = "metadata")]
fn check_metadata_iters() {
    let mut refs = 0;
    let mut people = 0;
    for r in records() {
        if r.contacts().len() > 1 || r.index() % 997 == 0 {
            check_iter("contacts", || r.contacts());
            people += 1;
            for p in r.contacts() {
                check_iter("uris", || p.uris());
            }
        }
        if r.references().len() > 1 || r.index() % 997 == 0 {
            check_iter("references", || r.references());
            refs += 1;
        }
    }
    assert!(refs > 10 && people > 10, "{refs} {people}");
}

#[test]
fn ports_iterator_is_exact_double_ended_fused() {
    check_iter("ports(http-alt/tcp)", || ports("http-alt", Protocol::Tcp));
    check_iter("ports(x11/udp)", || ports("x11", Protocol::Udp));
    // ssh has a port-less tcp record after its port: skipped from both ends.
    check_iter("ports(ssh/tcp)", || ports("ssh", Protocol::Tcp));
    check_iter("ports(ssh/dccp)", || ports("ssh", Protocol::Dccp));
    check_iter("ports(nothing)", || {
        ports("no-such-service-here", Protocol::Tcp)
    });
}
