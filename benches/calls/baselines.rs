//! What a user would otherwise write, built at start-up from the crate's own
//! data, and the inputs every group runs over.

use std::collections::HashMap;
use std::hint::black_box;
use std::net::IpAddr;

use iana_ports::{Protocol, by_name, by_port, port, records, service_name};

/// A small deterministic PRNG (splitmix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            v.swap(i, self.below(i + 1));
        }
    }
}

/// How many random ports.
const PORTS: usize = 20_000;

pub struct Inputs {
    /// Every distinct name (ASCII case-insensitively), in the registry's
    /// first spelling, shuffled.
    pub names: Vec<&'static str>,
    /// 20,000 random ports below 49152, queried on tcp.
    pub ports: Vec<u16>,
    /// `name/tcp` for every name and `port/tcp` for as many random ports,
    /// shuffled together.
    pub queries: Vec<String>,
    /// `host:service` for every name and as many random ports, hosts an
    /// IPv4 address, an IPv6 address or a domain name.
    pub addrs: Vec<String>,
}

pub fn inputs() -> Inputs {
    let mut rng = Rng(0x1A4A_5EED);
    let mut seen = std::collections::HashSet::new();
    let mut names: Vec<&'static str> = records()
        .filter_map(|r| r.name())
        .filter(|n| seen.insert(n.to_ascii_lowercase()))
        .collect();
    rng.shuffle(&mut names);
    let ports: Vec<u16> = (0..PORTS).map(|_| rng.below(49152) as u16).collect();
    let mut queries: Vec<String> = names.iter().map(|n| format!("{n}/tcp")).collect();
    queries.extend(
        ports[..names.len().min(PORTS)]
            .iter()
            .map(|p| format!("{p}/tcp")),
    );
    rng.shuffle(&mut queries);
    let hosts = ["127.0.0.1", "[::1]", "db.example.com"];
    let mut addrs: Vec<String> = names
        .iter()
        .map(|n| n.to_string())
        .chain(ports[..names.len().min(PORTS)].iter().map(u16::to_string))
        .map(|s| format!("{}:{s}", hosts[rng.below(hosts.len())]))
        .collect();
    rng.shuffle(&mut addrs);
    Inputs {
        names,
        ports,
        queries,
        addrs,
    }
}

/// Lowercases `s` into `buf`: what a user's case-insensitive `HashMap`
/// lookup costs besides the hash (no allocation; longer names miss).
#[inline]
pub fn lower<'b>(s: &str, buf: &'b mut [u8; 64]) -> Option<&'b str> {
    let dst = buf.get_mut(..s.len())?;
    for (d, c) in dst.iter_mut().zip(s.bytes()) {
        *d = c.to_ascii_lowercase();
    }
    std::str::from_utf8(dst).ok()
}

/// The name baselines, built at start-up from the crate's own data (the
/// contents are the same; only the lookup is timed).
pub struct NameMaps {
    /// Exact-case name -> its first record.
    pub first: HashMap<&'static str, u16>,
    /// Lowercased name -> its first record.
    pub first_lower: HashMap<String, u16>,
    /// Exact-case name -> its records.
    pub all: HashMap<&'static str, Vec<u16>>,
    /// Exact-case name -> its port on tcp (names without one are absent).
    pub tcp: HashMap<&'static str, u16>,
    /// Lowercased name -> its port on tcp.
    pub tcp_lower: HashMap<String, u16>,
    /// Exact-case phf map: name -> its first record.
    pub phf: phf::Map<&'static str, u16>,
}

impl NameMaps {
    pub fn new(names: &[&'static str]) -> NameMaps {
        let mut m = NameMaps {
            first: HashMap::new(),
            first_lower: HashMap::new(),
            all: HashMap::new(),
            tcp: HashMap::new(),
            tcp_lower: HashMap::new(),
            phf: phf_map(names),
        };
        for &n in names {
            let recs: Vec<u16> = by_name(n).map(|r| r.index() as u16).collect();
            m.first.insert(n, recs[0]);
            m.first_lower.insert(n.to_ascii_lowercase(), recs[0]);
            m.all.insert(n, recs);
            if let Some(p) = port(n, Protocol::Tcp) {
                m.tcp.insert(n, p);
                m.tcp_lower.insert(n.to_ascii_lowercase(), p);
            }
        }
        m
    }
}

/// `phf::Map<&str, u16>` over `names` (value: first record), with phf's
/// own generator.
fn phf_map(names: &[&'static str]) -> phf::Map<&'static str, u16> {
    let state = phf_generator::generate_hash(names);
    let entries: Vec<(&'static str, u16)> = state
        .map
        .iter()
        .map(|&i| (names[i], by_name(names[i]).next().unwrap().index() as u16))
        .collect();
    phf::Map {
        key: state.key,
        disps: Box::leak(state.disps.into_boxed_slice()),
        entries: Box::leak(entries.into_boxed_slice()),
    }
}

/// The port baselines, built at start-up from the crate's own data.
pub struct PortMaps {
    /// Per protocol, the primary name of each port: the limit for
    /// `service_name`.
    names: [Vec<Option<&'static str>>; 4],
    /// Per (protocol, port), `(start, len)` into `flat`: a direct index of
    /// the records.
    slots: Vec<(u32, u16)>,
    flat: Vec<u16>,
    /// tcp port -> primary name.
    pub tcp_name: HashMap<u16, &'static str>,
    /// tcp port -> its records.
    pub tcp_all: HashMap<u16, Vec<u16>>,
}

impl PortMaps {
    pub fn new() -> PortMaps {
        let names =
            Protocol::ALL.map(|p| (0..=u16::MAX).map(|port| service_name(port, p)).collect());
        let (mut slots, mut flat) = (Vec::with_capacity(4 << 16), Vec::new());
        let (mut tcp_name, mut tcp_all) = (HashMap::new(), HashMap::new());
        for p in Protocol::ALL {
            for port in 0..=u16::MAX {
                let start = flat.len() as u32;
                flat.extend(by_port(port, p).map(|r| r.index() as u16));
                slots.push((start, (flat.len() as u32 - start) as u16));
                if p == Protocol::Tcp && flat.len() as u32 > start {
                    tcp_all.insert(port, flat[start as usize..].to_vec());
                    if let Some(n) = service_name(port, p) {
                        tcp_name.insert(port, n);
                    }
                }
            }
        }
        PortMaps {
            names,
            slots,
            flat,
            tcp_name,
            tcp_all,
        }
    }

    #[inline]
    pub fn name(&self, port: u16, p: Protocol) -> Option<&'static str> {
        self.names[p as usize][usize::from(port)]
    }

    #[inline]
    pub fn records(&self, port: u16, p: Protocol) -> &[u16] {
        let (start, len) = self.slots[(p as usize) << 16 | usize::from(port)];
        &self.flat[start as usize..start as usize + usize::from(len)]
    }
}

/// What a user writes for `443/tcp` or `HTTPS/tcp` without the crate: cut
/// at the last `/`, a protocol by name, a number or a lowercased name.
#[inline]
pub fn user_query(s: &str, map: &HashMap<String, u16>) -> Option<(u16, Protocol)> {
    let (what, proto) = s.rsplit_once('/')?;
    let proto = Protocol::ALL
        .into_iter()
        .find(|p| p.as_str().eq_ignore_ascii_case(proto))?;
    let port = match what.parse::<u16>() {
        Ok(p) => p,
        Err(_) => *map.get(lower(what, &mut [0u8; 64])?)?,
    };
    Some((port, proto))
}

/// What a user writes for `host:service` without the crate: cut at the
/// last `:`, brackets off, the host an address or a name, the service a
/// number or a lowercased name.
#[inline]
pub fn user_addr<'a>(s: &'a str, map: &HashMap<String, u16>) -> Option<(&'a str, u16)> {
    let (host, service) = s.rsplit_once(':')?;
    let host = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    let port = match service.parse::<u16>() {
        Ok(p) => p,
        Err(_) => *map.get(lower(service, &mut [0u8; 64])?)?,
    };
    // An address is parsed (a name is kept as text).
    let _ = black_box(host.parse::<IpAddr>().is_ok());
    Some((host, port))
}
