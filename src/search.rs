//! Search over names and descriptions: "which port does Redis use?"

use core::fmt;
use core::iter::FusedIterator;

use crate::{RECORD_COUNT, Record};

/// How well a record matches, best first.
const TIERS: usize = 5;
/// Tiers for records with ports, then the same for records without.
const BUCKETS: usize = 2 * TIERS;

/// The records whose name or description contains every word of `query`
/// (words split at ASCII white space, compared ASCII case-insensitively),
/// best first.
///
/// Order: records with ports before service-name-only registrations; within
/// each, records whose name
///
/// 1. is one of the words (`redis`),
/// 2. starts with one of them (`postgres` finds `postgresql`),
/// 3. contains one of them (`sql` finds `mysql`),
///
/// then records where every word is a whole word of the name or
/// description (`"PostgreSQL Database"` for `database`), then the rest
/// (every word somewhere: `postgres` in `"PostgreSQL Backup"`); registry
/// order within each group. Reserved and Unassigned rows (they have no
/// name) are left out. A query without words finds nothing.
///
/// Nothing is allocated: [`search`] counts the matches in one pass over the
/// registry (so [`Search::len`] is exact), and the iterator makes one more
/// pass per group that has matches, stopping at the group's last match:
/// made for a user's question, not for a hot path (use
/// [`by_name`](crate::by_name) there).
///
/// It knows what IANA's registry says and no more: services that never
/// registered a port (Kafka, Minecraft, Prometheus) are not found, and
/// descriptions are the registrant's words, often a company's name rather
/// than a product's; PostgreSQL's port is under `postgresql`, and a search
/// for `postgres` finds it by the name's prefix.
///
/// ```
/// use iana_ports::search;
///
/// let redis = search("redis").next().unwrap();
/// assert_eq!((redis.name(), redis.ports().unwrap().start()), (Some("redis"), 6379));
///
/// let first = search("postgres").next().unwrap();
/// assert_eq!((first.name(), first.ports().unwrap().start()), (Some("postgresql"), 5432));
///
/// // Several words: all of them, anywhere in the name or description.
/// let names: Vec<_> = search("PostgreSQL backup").filter_map(|r| r.name()).collect();
/// assert_eq!(names, ["pgbackrest"]);
///
/// assert_eq!(search("kafka").len(), 0); // not in IANA's registry
/// ```
pub fn search(query: &str) -> Search<'_> {
    let mut left = [0u32; BUCKETS];
    let mut first = [RECORD_COUNT; BUCKETS];
    for i in 0..RECORD_COUNT {
        if let Some(b) = bucket(query, Record::at(i)) {
            left[b] += 1;
            first[b] = first[b].min(i);
        }
    }
    let mut s = Search {
        query,
        left,
        first,
        bucket: 0,
        next: first[0],
    };
    s.settle();
    s
}

/// The records of a [`search`], best first: from [`search`].
///
/// ```
/// let mut hits = iana_ports::search("x window");
/// assert_eq!(hits.next().unwrap().name(), Some("x11"));
/// ```
#[derive(Clone)]
pub struct Search<'a> {
    query: &'a str,
    /// The matches not yet returned, per bucket.
    left: [u32; BUCKETS],
    /// The first record of each bucket (`RECORD_COUNT` when empty).
    first: [usize; BUCKETS],
    /// The bucket being returned (`BUCKETS` when done).
    bucket: usize,
    /// The next record to look at.
    next: usize,
}

impl Search<'_> {
    /// Moves to the first bucket, from the current one, with matches left.
    fn settle(&mut self) {
        while self.bucket < BUCKETS && self.left[self.bucket] == 0 {
            self.bucket += 1;
            if self.bucket < BUCKETS {
                self.next = self.first[self.bucket];
            }
        }
    }
}

impl Iterator for Search<'_> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        while self.bucket < BUCKETS {
            let i = self.next;
            if i >= RECORD_COUNT {
                // Counted more than found: cannot happen, as both passes
                // use `bucket`; end rather than loop.
                self.bucket = BUCKETS;
                self.left = [0; BUCKETS];
                break;
            }
            self.next += 1;
            let r = Record::at(i);
            if bucket(self.query, r) == Some(self.bucket) {
                self.left[self.bucket] -= 1;
                self.settle();
                return Some(r);
            }
        }
        None
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.left.iter().map(|&n| n as usize).sum();
        (n, Some(n))
    }
}

impl ExactSizeIterator for Search<'_> {}
impl FusedIterator for Search<'_> {}

impl fmt::Debug for Search<'_> {
    /// `Search([Record { .. }, ..])`: the records left, best first.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::iter::debug_left(f, "Search", self.clone())
    }
}

/// The bucket of `r` for `query`, `None` when it does not match.
fn bucket(query: &str, r: Record) -> Option<usize> {
    let name = r.name()?.as_bytes();
    let desc = r.description().as_bytes();
    let (mut any, mut exact, mut prefix, mut in_name, mut whole) =
        (false, false, false, false, true);
    for w in query.split_ascii_whitespace() {
        let w = w.as_bytes();
        let name_has = find(name, w, false);
        if !name_has && !find(desc, w, false) {
            return None;
        }
        any = true;
        exact |= name.eq_ignore_ascii_case(w);
        prefix |= name.len() >= w.len() && name[..w.len()].eq_ignore_ascii_case(w);
        in_name |= name_has;
        whole &= find(name, w, true) || find(desc, w, true);
    }
    if !any {
        return None;
    }
    let tier = if exact {
        0
    } else if prefix {
        1
    } else if in_name {
        2
    } else if whole {
        3
    } else {
        4
    };
    let without_ports = usize::from(r.ports().is_none());
    Some(without_ports * TIERS + tier)
}

/// Whether `needle` occurs in `hay` (ASCII case-insensitively); with
/// `whole`, only where neither neighbour is an ASCII letter or digit.
fn find(hay: &[u8], needle: &[u8], whole: bool) -> bool {
    if needle.is_empty() || needle.len() > hay.len() {
        return false;
    }
    (0..=hay.len() - needle.len()).any(|at| {
        let end = at + needle.len();
        hay[at..end].eq_ignore_ascii_case(needle)
            && (!whole
                || (!hay[..at].last().is_some_and(u8::is_ascii_alphanumeric)
                    && !hay.get(end).is_some_and(u8::is_ascii_alphanumeric)))
    })
}
