//! `cluster`: names/s of [`tawfiq::cluster`] with the gazetteer off, on 10k, 100k and 1M
//! names generated deterministically from the built-in gazetteer's Arabic names.
//!
//! ```sh
//! cargo bench --bench cluster
//! ```
//!
//! Each base name (the Arabic names of people, then of places by population) is written in
//! one of the ways a newsroom would ([`common::variant`]); a name repeats as often as it is
//! drawn (news repeats names), so distinct names are fewer than names. Pairs are scored on
//! all cores.
//!
//! A second group, `cluster_builtin`, clusters near-identical spellings of made-up names
//! (no gazetteer knows them) with the built-in gazetteer on, so that every distinct
//! spelling is resolved and refused: the case the order-independence issue found slow (a
//! resolution per spelling). Its inputs are the `cluster_eval` timing's
//! (`tests/common`); compare it across builds with criterion's `--save-baseline` and
//! `--baseline`.

mod common;
#[path = "../tests/common/mod.rs"]
mod names;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let bases = common::base_names();
    let mut group = c.benchmark_group("cluster");
    group.sample_size(10);
    for n in [10_000usize, 100_000, 1_000_000] {
        let input = common::cluster_names(&bases, n);
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

fn builtin(c: &mut Criterion) {
    let m = tawfiq::Matcher::builtin();
    let mut rng = names::Rng::new(0x5eed);
    let mut bases: Vec<String> = Vec::new();
    while bases.len() < 100 {
        let b = names::made_up(&mut rng);
        if m.resolve(&b).best.is_none() {
            bases.push(b);
        }
    }
    let bases: Vec<&str> = bases.iter().map(String::as_str).collect();
    let input = names::near_identical(&bases, 1_000, &mut rng);
    let mut group = c.benchmark_group("cluster_builtin");
    group.sample_size(10);
    group.throughput(Throughput::Elements(input.len() as u64));
    group.bench_with_input(
        BenchmarkId::new("unknown_near_identical", input.len()),
        &input,
        |b, input| {
            b.iter(|| {
                // A new matcher each time: its per-entity caches would otherwise carry the
                // work of one iteration into the next.
                let m = tawfiq::Matcher::builtin();
                tawfiq::cluster(input.iter().map(String::as_str), Some(&m)).len()
            })
        },
    );
    group.finish();
}

criterion_group!(benches, bench, builtin);
criterion_main!(benches);
