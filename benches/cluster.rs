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

mod common;

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

criterion_group!(benches, bench);
criterion_main!(benches);
