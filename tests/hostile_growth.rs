//! Bounded build work on crafted registries, measured deterministically: a
//! counting allocator sums the bytes the table generator allocates (no wall
//! time). One test function, so that nothing else allocates meanwhile.
//!
//! - Staircase: each record's port range starts one port after the last
//!   one's, 4,000 ports wide. The generator used to copy every segment's
//!   list of records (8,000 segments of up to 4,000 records: 256 MB); it
//!   now stops at the record that puts a 64th record on a port.
//! - Collisions: 80-byte names that all hash alike under the build's old
//!   unkeyed word hash (`old_quick_hash`, copied from commit 4a68052), built
//!   block by block as a multicollision. Under that hash every map insert
//!   scanned all the names before it (40,000 names: 289 s against 2 s).
//!   The build's maps now hash with a random key per run; the test checks
//!   that the crafted names spread there and that the build's work on them
//!   matches the work on random names of the same size.

#[path = "../build/mod.rs"]
mod model;

use model::tables;

use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::HashSet;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

mod common;
use common::rng::Rng;

struct Counting;

static ALLOCATED: AtomicUsize = AtomicUsize::new(0);
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// Delegates to `System`; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATED.fetch_add(layout.size(), Relaxed);
        let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(live, Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Bytes allocated in all, and the most live at once above the start,
/// while the generator runs on `text` (parsed beforehand).
fn generate_cost(text: &str) -> (Result<(), String>, usize, usize) {
    let reg = model::parse("g.xml", text).unwrap_or_else(|e| panic!("{e}"));
    let (before, live) = (ALLOCATED.load(Relaxed), LIVE.load(Relaxed));
    PEAK.store(live, Relaxed);
    let result = tables::generate(&reg, true)
        .map(drop)
        .map_err(|e| e.in_file("g.xml"));
    let total = ALLOCATED.load(Relaxed) - before;
    (result, total, PEAK.load(Relaxed) - live)
}

fn registry(body: &str) -> String {
    format!(
        "<registry xmlns=\"http://www.iana.org/assignments\" id=\"service-names-port-numbers\">\n\
         \x20 <updated>2026-08-17</updated>\n{body}</registry>\n"
    )
}

/// The build's hash before this change (build/model.rs, `QuickHash`), as
/// `Hash for str` drives it: the bytes, then `write_u8(0xff)`.
fn old_quick_hash(s: &str) -> u64 {
    const P: u64 = 0x100_0000_01b3;
    let bytes = s.as_bytes();
    let mut h = 0u64;
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        h = (h ^ u64::from_le_bytes(w.try_into().unwrap())).wrapping_mul(P);
    }
    for &b in words.remainder() {
        h = (h ^ u64::from(b)).wrapping_mul(P);
    }
    h = h.rotate_left(29) ^ bytes.len() as u64;
    (h ^ 0xff).wrapping_mul(P).rotate_left(29)
}

/// Bytes a crafted name may hold: printable ASCII but upper case (the
/// names map hashes lowercased names), `<` and `&`.
fn allowed(b: u8) -> bool {
    (0x21..=0x7E).contains(&b) && !b.is_ascii_uppercase() && b != b'<' && b != b'&'
}

/// A word of allowed bytes: the draw itself when it is one (rarely), else
/// its bytes mapped to lowercase letters.
fn word(rng: &mut Rng) -> u64 {
    let w = rng.next();
    if w.to_le_bytes().iter().all(|&b| allowed(b)) {
        return w;
    }
    u64::from_le_bytes(w.to_le_bytes().map(|b| b'a' + b % 26))
}

/// `count` distinct 80-byte names with one `old_quick_hash`: 5 blocks of
/// two words, each block with `per_block` word pairs that take the same
/// state to the same state (`(h ^ a1) * P ^ a2` equal for every pair), so
/// any choice of pairs gives the same final hash.
fn colliding_names(count: usize, per_block: usize) -> Vec<String> {
    const P: u64 = 0x100_0000_01b3;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut h = 0u64;
    let mut blocks: Vec<Vec<[u64; 2]>> = Vec::new();
    for _ in 0..5 {
        let (a1, a2) = (word(&mut rng), word(&mut rng));
        let target = (h ^ a1).wrapping_mul(P) ^ a2;
        let mut pairs = vec![[a1, a2]];
        while pairs.len() < per_block {
            let b1 = word(&mut rng);
            let b2 = target ^ (h ^ b1).wrapping_mul(P);
            if b2.to_le_bytes().iter().all(|&b| allowed(b)) {
                pairs.push([b1, b2]);
            }
        }
        h = target.wrapping_mul(P);
        blocks.push(pairs);
    }
    let mut names = Vec::with_capacity(count);
    for n in 0..count {
        let mut k = n;
        let mut bytes = Vec::with_capacity(80);
        for pairs in &blocks {
            let [x, y] = pairs[k % per_block];
            k /= per_block;
            bytes.extend_from_slice(&x.to_le_bytes());
            bytes.extend_from_slice(&y.to_le_bytes());
        }
        names.push(String::from_utf8(bytes).unwrap());
    }
    names
}

fn random_names(count: usize) -> Vec<String> {
    let mut rng = Rng(0x1234_5678_9ABC_DEF1);
    (0..count)
        .map(|_| {
            let bytes: Vec<u8> = (0..10).flat_map(|_| word(&mut rng).to_le_bytes()).collect();
            String::from_utf8(bytes).unwrap()
        })
        .collect()
}

fn named(names: &[String]) -> String {
    let mut s = String::new();
    for n in names {
        s.push_str("  <record><name>");
        s.push_str(n);
        s.push_str("</name></record>\n");
    }
    registry(&s)
}

/// Records whose ranges start one port apart, `width` ports wide, or (for
/// `width` 0) on pseudo-random single ports: the same number of records
/// and nearly the same bytes.
fn stairs(count: usize, width: u32) -> String {
    let mut rng = Rng(7);
    let mut s = String::new();
    for i in 0..count as u32 {
        let number = if width == 0 {
            let p = (rng.next() % 60_000) as u32;
            format!("{:05}-{:05}", p, p)
        } else {
            format!("{:05}-{:05}", i, i + width - 1)
        };
        s.push_str(&format!("  <record><number>{number}</number></record>\n"));
    }
    registry(&s)
}

#[test]
fn crafted_inputs_cost_what_random_ones_do() {
    // Staircases: 8,000 records, 4,000 ports wide, against random ports.
    let (stair, random) = (stairs(8_000, 4_000), stairs(8_000, 0));
    assert_eq!(stair.len(), random.len());
    let (result, stair_total, stair_peak) = generate_cost(&stair);
    let e = result.unwrap_err();
    assert!(
        e.contains("record 64: port 63 has more than 63 records"),
        "{e}"
    );
    let (result, random_total, random_peak) = generate_cost(&random);
    result.unwrap();
    println!(
        "staircase: {stair_total} bytes allocated, peak {stair_peak}; \
         random: {random_total}, peak {random_peak}; file {} bytes",
        stair.len()
    );
    assert!(
        stair_total <= 2 * random_total,
        "{stair_total} vs {random_total}"
    );
    assert!(
        stair_peak <= 10 * stair.len(),
        "{stair_peak} vs {}",
        stair.len()
    );

    // A staircase within the limit (63 wide) builds, in bounded memory:
    // no list of records is kept per segment.
    let legal = stairs(8_000, 63);
    let (result, legal_total, legal_peak) = generate_cost(&legal);
    result.unwrap();
    println!("63-wide staircase: {legal_total} bytes allocated, peak {legal_peak}");
    assert!(
        legal_total <= 2 * random_total,
        "{legal_total} vs {random_total}"
    );
    assert!(
        legal_peak <= 10 * legal.len(),
        "{legal_peak} vs {}",
        legal.len()
    );

    // Collisions: 10,000 crafted names, one old hash for all of them.
    let crafted = colliding_names(10_000, 7);
    let distinct: HashSet<&String> = crafted.iter().collect();
    assert_eq!(distinct.len(), 10_000);
    let old: HashSet<u64> = crafted.iter().map(|n| old_quick_hash(n)).collect();
    assert_eq!(
        old.len(),
        1,
        "the crafted names must all collide under the old hash"
    );
    // The build's maps (model::QuickMap) hash them apart, names and their
    // lowercased copies alike.
    let hasher = model::QuickMap::<String, ()>::default().hasher().clone();
    let new: HashSet<u64> = crafted
        .iter()
        .map(|n| {
            let mut h = hasher.build_hasher();
            h.write(n.as_bytes());
            h.write_u8(0xff);
            h.finish()
        })
        .collect();
    assert_eq!(new.len(), crafted.len());
    let old_random: HashSet<u64> = random_names(10_000)
        .iter()
        .map(|n| old_quick_hash(n))
        .collect();
    assert_eq!(old_random.len(), 10_000);

    let (collide, random) = (named(&crafted), named(&random_names(10_000)));
    assert_eq!(collide.len(), random.len());
    let (result, collide_total, collide_peak) = generate_cost(&collide);
    result.unwrap();
    let (result, random_total, random_peak) = generate_cost(&random);
    result.unwrap();
    println!(
        "colliding names: {collide_total} bytes, peak {collide_peak}; \
         random names: {random_total}, peak {random_peak}"
    );
    assert!(
        collide_total <= 2 * random_total,
        "{collide_total} vs {random_total}"
    );
    assert!(
        collide_peak <= 10 * collide.len(),
        "{collide_peak} vs {}",
        collide.len()
    );

    // For measurements by hand: write the large inputs to a directory.
    if let Some(dir) = std::env::var_os("HOSTILE_DUMP_DIR") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::write(dir.join("stairs-8000x4000.xml"), &stair).unwrap();
        std::fs::write(dir.join("stairs-8000-random.xml"), stairs(8_000, 0)).unwrap();
        std::fs::write(
            dir.join("collide-40000.xml"),
            named(&colliding_names(40_000, 9)),
        )
        .unwrap();
        std::fs::write(dir.join("collide-10000.xml"), &collide).unwrap();
        std::fs::write(dir.join("random-40000.xml"), named(&random_names(40_000))).unwrap();
        std::fs::write(dir.join("random-10000.xml"), &random).unwrap();
    }
}
