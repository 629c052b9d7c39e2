//! "Did you mean ...?": the registered name closest to a mistyped one.

use crate::generated;

/// The longest input considered; registered names have at most 15 bytes
/// (RFC 6335), so nothing longer than this is close to one.
const CAP: usize = 32;

/// Inputs at least this long may be a registered name's prefix missing up to
/// [`PREFIX_EXTRA`] bytes (`mongo` -> `mongodb`).
const PREFIX_MIN: usize = 4;
const PREFIX_EXTRA: usize = 2;

/// The closest registered service name to `name`, when one is close;
/// `None` when nothing is.
///
/// Meant for error messages ("did you mean ...?"): [`Query`](crate::Query)
/// parsing puts it in [`ParseQueryError::UnknownName`](crate::ParseQueryError::UnknownName).
/// A registered name (in any case) gives itself, in the registry's spelling.
/// Otherwise a name is close when:
///
/// - it is at most 1 edit away from `name` (2 when `name` has 7 bytes or
///   more; none for 1 or 2 bytes), an edit being a byte inserted, deleted,
///   replaced, or two adjacent bytes swapped; letters compare ASCII
///   case-insensitively and `_` counts as `-` (`http_alt` -> `http-alt`);
/// - or `name` (4 bytes or more) is the start of the registered name, which
///   has at most 2 more bytes (`mongo` -> `mongodb`);
/// - and it starts with the same letter as `name` (mistakes rarely hit the
///   first letter, and requiring it keeps `etcd` from suggesting `utcd`).
///
/// The fewest edits win; among equals, the name registered first (lowest
/// record, so usually the lowest port). It allocates nothing and takes any
/// input: text longer than 32 bytes, or not ASCII, gets `None`. It compares
/// `name` with every registered name of the same first letter: made for
/// error paths, not as a lookup.
///
/// It only knows IANA's names: services that never registered (Kafka,
/// Minecraft) get `None`, and a close name may be an unrelated service.
///
/// ```
/// use iana_ports::suggest;
///
/// assert_eq!(suggest("postgres"), Some("postgresql"));
/// assert_eq!(suggest("ssh2"), Some("ssh"));
/// assert_eq!(suggest("HTTP_ALT"), Some("http-alt"));
/// assert_eq!(suggest("SSH"), Some("ssh")); // registered: itself
/// assert_eq!(suggest("kafka"), None); // not in IANA's registry
/// ```
pub fn suggest(name: &str) -> Option<&'static str> {
    if let Some(found) = crate::by_name(name).find_map(|r| r.name()) {
        return Some(found);
    }
    let input = name.as_bytes();
    if input.is_empty() || input.len() > CAP {
        return None;
    }
    let mut folded = [0u8; CAP];
    for (f, &b) in folded.iter_mut().zip(input) {
        *f = fold(b);
    }
    let q = &folded[..input.len()];
    let limit = match q.len() {
        0..=2 => 0,
        3..=6 => 1,
        _ => 2,
    };
    let slack = if q.len() >= PREFIX_MIN {
        limit.max(PREFIX_EXTRA)
    } else {
        limit
    };
    let pool = generated::STR.as_bytes();
    // (edits, first record, name number)
    let mut best: Option<(usize, usize, usize)> = None;
    // In the map's order: the tie-break on the first record makes the
    // answer independent of it (no two names share a record).
    for (g, run) in generated::names() {
        // Name g is string g + 1 of the pool.
        let (Some(&from), Some(&to)) =
            (generated::STR_END.get(g + 1), generated::STR_END.get(g + 2))
        else {
            continue;
        };
        let Some(s) = pool.get(from as usize..to as usize) else {
            continue;
        };
        if s.first().map(|&b| fold(b)) != Some(q[0]) || s.len().abs_diff(q.len()) > slack {
            continue;
        }
        let edits = match distance(q, s, limit) {
            Some(d) => d,
            None if q.len() >= PREFIX_MIN && is_prefix(q, s) => s.len() - q.len(),
            None => continue,
        };
        let rec = generated::record_at(run.start);
        if best.is_none_or(|(d, r, _)| (edits, rec) < (d, r)) {
            best = Some((edits, rec, g));
        }
    }
    let g = best?.2;
    generated::StrIx::try_from(g + 1)
        .ok()
        .map(generated::string)
}

/// A byte as compared: ASCII lowercase, `_` as `-`.
#[inline]
fn fold(b: u8) -> u8 {
    match b {
        b'_' => b'-',
        b => b.to_ascii_lowercase(),
    }
}

/// Whether `q` (folded) starts `s` and is shorter.
fn is_prefix(q: &[u8], s: &[u8]) -> bool {
    q.len() < s.len() && q.iter().zip(s).all(|(&a, &b)| a == fold(b))
}

/// The optimal-string-alignment distance between `a` (folded) and `b`
/// (inserts, deletes, replacements and swaps of adjacent bytes, bytes
/// [folded](fold)), when it is at most `limit`; `None` when it is more.
fn distance(a: &[u8], b: &[u8], limit: usize) -> Option<usize> {
    if a.len() > CAP || b.len() > CAP || a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let mut fb = [0u8; CAP];
    for (f, &c) in fb.iter_mut().zip(b) {
        *f = fold(c);
    }
    let b = &fb[..b.len()];
    // Three rows of the table, row i in rows[i % 3]; values are at most CAP.
    let mut rows = [[0u8; CAP + 1]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate().take(b.len() + 1) {
        *cell = j as u8;
    }
    for i in 1..=a.len() {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur][0] = i as u8;
        let mut row_min = i;
        for j in 1..=b.len() {
            let (x, y) = (a[i - 1], b[j - 1]);
            let mut d = (rows[prev][j] + 1)
                .min(rows[cur][j - 1] + 1)
                .min(rows[prev][j - 1] + u8::from(x != y));
            if i > 1 && j > 1 && x == b[j - 2] && a[i - 2] == y {
                d = d.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = d;
            row_min = row_min.min(usize::from(d));
        }
        if row_min > limit {
            return None;
        }
    }
    let d = usize::from(rows[a.len() % 3][b.len()]);
    (d <= limit).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::distance;

    #[test]
    fn distances() {
        let d = |a: &str, b: &str| {
            let mut folded = [0u8; 32];
            for (f, c) in folded.iter_mut().zip(a.bytes()) {
                *f = super::fold(c);
            }
            distance(&folded[..a.len()], b.as_bytes(), 9)
        };
        assert_eq!(d("", ""), Some(0));
        assert_eq!(d("abc", ""), Some(3));
        assert_eq!(d("", "abc"), Some(3));
        assert_eq!(d("kitten", "sitting"), Some(3));
        assert_eq!(d("ssh", "shs"), Some(1)); // one swap
        assert_eq!(d("ca", "abc"), Some(3)); // OSA, not full Damerau (2)
        assert_eq!(d("HTTP_ALT", "http-alt"), Some(0));
        assert_eq!(distance(b"abcdef", b"ABCXYZ", 2), None);
        assert_eq!(distance(b"abc", b"abcdef", 2), None);
    }
}
