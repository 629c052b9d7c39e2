//! Byte-level helpers of the reader: port numbers, XML's character rules,
//! white space, line counting. Kept where they beat std in the unoptimized
//! build script; each says what it saves.

use std::io::BufRead;

use quick_xml::events::BytesStart;

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
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
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
pub(super) fn local<'s>(s: &'s BytesStart<'_>) -> &'s str {
    s.name().into_inner()
}

/// Whether XML 1.0 allows `c` in a document (its production `Char`).
pub(super) fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Whether byte `i` of `b` starts a character XML 1.0 does not allow: a
/// C0 control other than tab, line feed and carriage return, or U+FFFE or
/// U+FFFF (UTF-8 `EF BF BE`/`EF BF BF`; text is a `str`, so it holds no
/// surrogate).
pub(super) fn illegal_at(b: &[u8], i: usize) -> bool {
    match b[i] {
        b'\t' | b'\n' | b'\r' => false,
        0..=0x1F => true,
        0xEF => b.get(i + 1) == Some(&0xBF) && matches!(b.get(i + 2), Some(0xBE | 0xBF)),
        _ => false,
    }
}

/// The offset of the first character of `s` that XML 1.0 does not allow.
pub(super) fn first_illegal(s: &str) -> Option<usize> {
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

/// Whether `b` is ASCII white space, as `char::is_whitespace` has it.
pub(super) fn ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// `t.trim().is_empty()`, with a byte loop for ASCII text. Kept: it runs on
/// every piece of text between elements, and `str::trim` costs several
/// times as many instructions in the unoptimized build script.
pub(super) fn blank(t: &str) -> bool {
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

/// The number of line ends in `all[from..to]`: each `\n`, and each `\r`
/// that no `\n` follows in `all` (XML reads a lone `\r` as a line end).
pub(super) fn count_lines(all: &[u8], from: usize, to: usize) -> usize {
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

/// The number of `\n` in `b`. Kept over `iter().filter()`: `BufRead::skip_until` jumps from one to the
/// next with std's own, optimized `memchr`: a byte loop costs about 20
/// instructions a byte unoptimized, more than twice as much.
pub(super) fn count_newlines(mut b: &[u8]) -> usize {
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

pub(super) fn short(t: &str) -> String {
    let t = t.trim();
    match t.char_indices().nth(40) {
        Some((i, _)) => format!("{}...", &t[..i]),
        None => t.to_string(),
    }
}
