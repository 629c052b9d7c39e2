//! What the library would do with tables that `build/tables/` emitted,
//! checked in process (shared by `tests/hostile.rs` and the fuzz target
//! `parse`, which include this file with `#[path]`; it needs the modules
//! `model` (`build/mod.rs`) beside it and the crate `phf_shared`).
//!
//! `Tables::parse` reads the generated code back: every array's items must
//! number its declared length and fit its declared type (aliases resolved),
//! which is what rustc would refuse or, with lints capped, wrap. `name_run`
//! and `port_run` mirror `src/generated.rs` step by step, so that `agrees`
//! can check every record's name and ports against the parse model.
#![allow(dead_code)]

use std::collections::HashMap;

use crate::model::Registry;
use crate::model::fingerprint::{fingerprint, same_name};

#[derive(Default)]
pub struct Tables {
    arrays: HashMap<String, Vec<u64>>,
    consts: HashMap<String, u64>,
    strings: HashMap<String, String>,
    key: u64,
    disps: Vec<(u32, u32)>,
    entries: Vec<u64>,
}

fn type_max(ty: &str) -> Option<u64> {
    Some(match ty {
        "u8" => u8::MAX.into(),
        "u16" => u16::MAX.into(),
        "u32" => u32::MAX.into(),
        "u64" | "usize" => u64::MAX,
        _ => return None,
    })
}

impl Tables {
    /// The arrays, constants, string blobs and name map of `code` (one or
    /// more generated files, concatenated).
    pub fn parse(code: &str) -> Result<Tables, String> {
        let mut t = Tables::default();
        let mut types: HashMap<&str, &str> = HashMap::new();
        let mut lines = code.lines();
        let mut pending: Vec<(String, String, usize, Vec<u64>)> = Vec::new();
        let mut byte_tables: Vec<(String, String, Vec<u8>)> = Vec::new();
        while let Some(line) = lines.next() {
            if let Some(rest) = line.strip_prefix("pub(crate) type ") {
                let (name, ty) = rest.trim_end_matches(';').split_once(" = ").ok_or(line)?;
                types.insert(name, ty);
            } else if let Some(rest) = line.strip_prefix("pub(crate) const ") {
                let (head, value) = rest.split_once(" = ").ok_or(line)?;
                let name = head.split(':').next().unwrap_or_default();
                if let Ok(v) = value.trim_end_matches(';').parse::<u64>() {
                    t.consts.insert(name.to_string(), v);
                }
            } else if line.starts_with("pub(crate) static NAME_MAP") {
                let mut part = "";
                for l in lines.by_ref() {
                    let l = l.trim();
                    if l == "};" {
                        break;
                    } else if let Some(k) = l.strip_prefix("key: ") {
                        t.key = k
                            .trim_end_matches(',')
                            .parse()
                            .map_err(|e| format!("{l}: {e}"))?;
                    } else if l.starts_with("disps:") || l.starts_with("entries:") {
                        part = if l.starts_with("disps") { "d" } else { "e" };
                        if l.ends_with("[],") {
                            part = "";
                        }
                    } else if l.starts_with('(') {
                        let inner = l.trim_start_matches('(').trim_end_matches("),");
                        let (a, b) = inner.split_once(", ").ok_or(l)?;
                        // An entry is `(NameId(bits), ())`.
                        let a = a
                            .strip_prefix("NameId(")
                            .map_or(a, |g| g.trim_end_matches(')'));
                        let a: u64 = a.parse().map_err(|e| format!("{l}: {e}"))?;
                        match part {
                            "d" => t.disps.push((
                                u32::try_from(a).map_err(|e| format!("{l}: {e}"))?,
                                b.parse().map_err(|e| format!("{l}: {e}"))?,
                            )),
                            "e" => t.entries.push(a),
                            _ => return Err(format!("stray line {l:?} in NAME_MAP")),
                        }
                    }
                }
            } else if let Some(rest) = line.strip_prefix("pub(crate) static ") {
                let (name, rest) = rest.split_once(": ").ok_or(line)?;
                // `[u8; N] = *b"...";` or `LeArray<T, BYTES> =
                // LeArray::new(*b"...");`: the items' little-endian bytes.
                let u8_bytes = rest
                    .strip_prefix("[u8; ")
                    .and_then(|r| r.split_once("] = *b\""))
                    .map(|(n, lit)| ("u8", n, lit.strip_suffix("\";")));
                let le_bytes = rest
                    .strip_prefix("LeArray<")
                    .and_then(|r| r.split_once("> = LeArray::new(*b\""))
                    .and_then(|(decl, lit)| {
                        let (ty, n) = decl.split_once(", ")?;
                        Some((ty, n, lit.strip_suffix("\");")))
                    });
                if let Some((ty, n, lit)) = u8_bytes.or(le_bytes) {
                    let n: usize = n.parse().map_err(|e| format!("{line}: {e}"))?;
                    let bytes = unbytes(lit.ok_or(line)?)?;
                    if bytes.len() != n {
                        return Err(format!("{name}: {} bytes, declared {n}", bytes.len()));
                    }
                    byte_tables.push((name.to_string(), ty.to_string(), bytes));
                } else if let Some(rest) = rest.strip_prefix('[') {
                    let (ty, rest) = rest.split_once("; ").ok_or(line)?;
                    let (len, _) = rest.split_once(']').ok_or(line)?;
                    let len: usize = len.parse().map_err(|e| format!("{line}: {e}"))?;
                    let mut items = Vec::with_capacity(len);
                    for l in lines.by_ref() {
                        if l == "];" {
                            break;
                        }
                        for x in l.split(',').map(str::trim).filter(|x| !x.is_empty()) {
                            items.push(
                                x.parse::<u64>()
                                    .map_err(|e| format!("{name}: {x:?}: {e}"))?,
                            );
                        }
                    }
                    pending.push((name.to_string(), ty.to_string(), len, items));
                } else if rest.starts_with("&str") {
                    let (_, lit) = rest.split_once(" = ").ok_or(line)?;
                    let mut lit = lit.to_string();
                    while !lit.ends_with(';') {
                        lit.push('\n');
                        lit.push_str(lines.next().ok_or("unterminated string")?);
                    }
                    t.strings
                        .insert(name.to_string(), unliteral(&lit[..lit.len() - 1])?);
                }
            }
        }
        for (name, ty, bytes) in byte_tables {
            let resolved = types.get(ty.as_str()).copied().unwrap_or(&ty);
            let width = match resolved {
                "u8" => 1,
                "u16" => 2,
                "u32" => 4,
                "u64" => 8,
                _ => return Err(format!("{name}: unknown type {ty}")),
            };
            if bytes.len() % width != 0 {
                return Err(format!(
                    "{name}: {} bytes of {ty} ({resolved})",
                    bytes.len()
                ));
            }
            let items = bytes
                .chunks(width)
                .map(|c| c.iter().rev().fold(0u64, |v, &b| v << 8 | u64::from(b)))
                .collect();
            t.arrays.insert(name, items);
        }
        for (name, ty, len, items) in pending {
            let resolved = types.get(ty.as_str()).copied().unwrap_or(&ty);
            let max = type_max(resolved).ok_or(format!("{name}: unknown type {ty}"))?;
            if items.len() != len {
                return Err(format!("{name}: {} items, declared {len}", items.len()));
            }
            if let Some(x) = items.iter().find(|&&x| x > max) {
                return Err(format!("{name}: {x} does not fit {ty} ({resolved})"));
            }
            t.arrays.insert(name, items);
        }
        Ok(t)
    }

    fn array(&self, name: &str) -> &[u64] {
        self.arrays.get(name).map_or(&[], Vec::as_slice)
    }

    fn konst(&self, name: &str) -> u64 {
        self.consts.get(name).copied().unwrap_or(0)
    }

    /// `src/generated.rs`'s `record_at`.
    fn record_at(&self, k: usize) -> usize {
        let n = self.konst("RECORD_COUNT") as usize;
        match k.checked_sub(n) {
            None => k,
            Some(e) => self.array("EXTRA")[e] as usize,
        }
    }

    fn run(&self, start: usize, len: usize) -> Vec<usize> {
        (start..start + len).map(|k| self.record_at(k)).collect()
    }

    /// `src/generated.rs`'s `name_run`, as records.
    pub fn name_run(&self, name: &str) -> Vec<usize> {
        let bytes = name.as_bytes();
        let fp = fingerprint(self.konst("FP_SEED") as u32, bytes);
        if self.entries.is_empty() || self.disps.is_empty() {
            return Vec::new();
        }
        let key: phf_shared::HashKey = self.key;
        let hashes = phf_shared::hash(&fp, &key);
        let (d1, d2) = self.disps[(hashes.g % self.disps.len() as u32) as usize];
        let at = (phf_shared::displace(hashes.f1, hashes.f2, d1, d2) % self.entries.len() as u32)
            as usize;
        // The entry packs the name's number and its run; the spelling
        // confirms the hit.
        let key = self.entries[at];
        let (g_bits, start_bits) = (self.konst("NAME_G_BITS"), self.konst("NAME_START_BITS"));
        // Bit 0 is the `PREFERRED` flag.
        let g = ((key >> 1) & ((1 << g_bits) - 1)) as usize;
        let (blob, ends) = (self.strings["STR"].as_bytes(), self.array("STR_END"));
        let spelling = &blob[ends[g + 1] as usize..ends[g + 2] as usize];
        if !same_name(spelling, bytes) {
            return Vec::new();
        }
        let rest = key >> (1 + g_bits);
        let start = (rest & ((1 << start_bits) - 1)) as usize;
        self.run(start, (rest >> start_bits) as usize)
    }

    /// `src/generated.rs`'s `port_run`, as records and the number that apply
    /// to protocol `code`.
    pub fn port_run(&self, port: u16, code: u8) -> (Vec<usize>, usize) {
        let p = usize::from(port);
        let bits = self.array("PORT_BITS");
        let seg = match bits.get(p >> 6) {
            Some(&w) => {
                let upto = w & (u64::MAX >> (63 - (p & 63)));
                self.array("PORT_RANK")[p >> 6] as usize + upto.count_ones() as usize - 1
            }
            None => self.konst("LAST_SEG") as usize,
        };
        let (start, info) = (self.array("SEG_START")[seg], self.array("SEG_INFO")[seg]);
        let field = self.konst("SEG_FIELD");
        let f = |k: u64| ((info >> (field * k)) & ((1 << field) - 1)) as usize;
        (self.run(start as usize, f(0)), f(u64::from(code)))
    }

    /// Every record found under its name and under both ends of its ports,
    /// and a name the registry lacks found nowhere.
    pub fn agrees(&self, reg: &Registry) -> Result<(), String> {
        for (i, r) in reg.records.iter().enumerate() {
            if let Some(name) = &r.name {
                let found = self.name_run(name);
                if !found.contains(&i) {
                    return Err(format!("record {} not under its name {name:?}", i + 1));
                }
                if let Some(j) = found.iter().find(|&&j| {
                    !reg.records[j]
                        .name
                        .as_deref()
                        .is_some_and(|n| n.eq_ignore_ascii_case(name))
                }) {
                    return Err(format!("record {} found under {name:?}", j + 1));
                }
            }
            if let Some((lo, hi)) = r.ports {
                for p in [lo, hi] {
                    if !self.port_run(p, 0).0.contains(&i) {
                        return Err(format!("record {} not on its port {p}", i + 1));
                    }
                }
            }
        }
        let stranger = "\u{1}not a name";
        if !self.name_run(stranger).is_empty() {
            return Err(format!("{stranger:?} found"));
        }
        Ok(())
    }
}

/// The text of a Rust string literal as `str_literal` writes it: raw
/// (`r#"..."#`) or escaped (`"..."` with `\r`, `\n`, `\t`, `\\`, `\"`,
/// `\'`, `\0` and `\u{..}`).
fn unliteral(lit: &str) -> Result<String, String> {
    if let Some(raw) = lit.strip_prefix('r') {
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let inner = &raw[hashes + 1..raw.len() - hashes - 1];
        return Ok(inner.to_string());
    }
    let inner = lit
        .strip_prefix('"')
        .and_then(|l| l.strip_suffix('"'))
        .ok_or("bad literal")?;
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next().ok_or("bad escape")? {
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            '0' => out.push('\0'),
            'u' => {
                let hex: String = chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                let v = u32::from_str_radix(&hex, 16).map_err(|e| e.to_string())?;
                out.push(char::from_u32(v).ok_or("bad \\u")?);
            }
            other => out.push(other),
        }
    }
    Ok(out)
}

/// The bytes of the inside of a byte string literal (`b"..."` less its
/// quotes), as the emitter escapes them.
fn unbytes(lit: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(lit.len());
    let mut bytes = lit.bytes();
    while let Some(b) = bytes.next() {
        if b != b'\\' {
            out.push(b);
            continue;
        }
        match bytes.next().ok_or("bad escape")? {
            b'0' => out.push(0),
            b'x' => {
                let hex = [
                    bytes.next().ok_or("bad \\x")?,
                    bytes.next().ok_or("bad \\x")?,
                ];
                let hex = std::str::from_utf8(&hex).map_err(|e| e.to_string())?;
                out.push(u8::from_str_radix(hex, 16).map_err(|e| e.to_string())?);
            }
            b'\\' => out.push(b'\\'),
            b'"' => out.push(b'"'),
            other => return Err(format!("unexpected escape \\{}", char::from(other))),
        }
    }
    Ok(out)
}
