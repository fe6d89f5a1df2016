//! `normalize`: bytes/s of [`tawfiq::normalize::normalize`] at each level over the 1 MB
//! bench corpus (see `common::corpus`), and of the mapped form that annotation uses (every
//! output character's offset in the input).
//!
//! ```sh
//! cargo bench --bench normalize
//! ```

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use tawfiq::normalize::{Level, normalize, normalize_mapped};

fn bench(c: &mut Criterion) {
    let corpus = common::corpus(1 << 20);
    let mut group = c.benchmark_group("normalize");
    group.throughput(Throughput::Bytes(corpus.len() as u64));
    for (name, level) in [
        ("clean", Level::Clean),
        ("bare", Level::Bare),
        ("folded", Level::Folded),
    ] {
        group.bench_with_input(BenchmarkId::new("normalize", name), &corpus, |b, text| {
            b.iter(|| normalize(text, level).len())
        });
    }
    group.bench_with_input(BenchmarkId::new("mapped", "folded"), &corpus, |b, text| {
        let (mut out, mut map) = (String::new(), Vec::new());
        b.iter(|| {
            out.clear();
            map.clear();
            normalize_mapped(text, Level::Folded, &mut out, &mut map);
            out.len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
