//! `cluster`: names/s of [`tawfiq::cluster`] with the gazetteer off, on 10k, 100k and 1M
//! names generated deterministically from the built-in gazetteer's Arabic names.
//!
//! ```sh
//! cargo bench --bench cluster
//! ```
//!
//! Each base name (the Arabic names of people, then of places by population) is written in
//! several ways a newsroom would: as is, with a proclitic-free surname only, with hamza
//! seats, ى/ي and ة/ه exchanged, a long vowel dropped or added, a confusable consonant
//! swapped (ج/غ, ت/ط, س/ص), harakat added, words reordered, or the given name dropped. The
//! draws come from a fixed xorshift seed, so every run clusters the same names; a name
//! repeats as often as it is drawn (news repeats names), so distinct names are fewer than
//! names.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use tawfiq::{EntityKind, Matcher};

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One spelling variant of `name`.
fn variant(name: &str, rng: &mut Rng) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    match rng.below(10) {
        0 | 1 => name.to_string(),
        2 => words.last().copied().unwrap_or(name).to_string(),
        3 => name.replace('أ', "ا").replace('ي', "ى").replace('ة', "ه"),
        4 => name.replacen('ا', "", 1),
        5 => name.replacen('و', "وو", 1),
        6 => name.replace('ج', "غ").replace('ت', "ط").replace('س', "ص"),
        7 => {
            // A fatha after the first letter of every word.
            words
                .iter()
                .map(|w| {
                    let mut c = w.chars();
                    c.next()
                        .map(|f| format!("{f}\u{064E}{}", c.as_str()))
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
                .join(" ")
        }
        8 if words.len() > 1 => {
            let mut w = words.clone();
            w.rotate_left(1);
            w.join(" ")
        }
        _ if words.len() > 1 => words[1..].join(" "),
        _ => name.to_string(),
    }
}

/// The base names: Arabic canonical names of people, then of places by population.
fn bases() -> Vec<String> {
    let m = Matcher::builtin();
    let mut people: Vec<String> = Vec::new();
    let mut places: Vec<(u64, String)> = Vec::new();
    for e in m.entities().filter(|e| !e.name_ar.is_empty()) {
        match e.kind {
            EntityKind::Person => people.push(e.name_ar.to_string()),
            EntityKind::Place => places.push((e.population.unwrap_or(0), e.name_ar.to_string())),
            EntityKind::Organisation => {}
        }
    }
    places.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    people.sort();
    people.extend(places.into_iter().map(|p| p.1));
    people
}

/// `n` names drawn from `bases` (a Zipf-like choice: low indices more often).
fn names(bases: &[String], n: usize) -> Vec<String> {
    let mut rng = Rng(0x7a3f_19c2_5d0e_b841);
    (0..n)
        .map(|_| {
            let a = rng.below(bases.len());
            let b = rng.below(bases.len());
            variant(&bases[a.min(b)], &mut rng)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let bases = bases();
    let mut group = c.benchmark_group("cluster");
    group.sample_size(10);
    for n in [10_000usize, 100_000, 1_000_000] {
        let input = names(&bases, n);
        let distinct = {
            let mut d: Vec<&String> = input.iter().collect();
            d.sort();
            d.dedup();
            d.len()
        };
        let clusters = tawfiq::cluster(input.iter().map(String::as_str), None).len();
        println!("cluster/{n}: {distinct} distinct names -> {clusters} clusters");
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &input, |b, input| {
            b.iter(|| tawfiq::cluster(input.iter().map(String::as_str), None))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
