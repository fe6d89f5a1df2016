//! Mention finding over the `annotate` bench's corpus, for a profiler: the corpus read once
//! to warm the matcher (its lazy structures and its memo of words), then `RUNS` more times
//! in [`profiled`], the function to count (the figures of the README and the issue notes
//! are instructions in it).
//!
//! ```sh
//! cargo build --release --example annotate_profile
//! valgrind --tool=callgrind --toggle-collect='annotate_profile::profiled' \
//!     target/release/examples/annotate_profile [builtin|aliases] [--paragraphs] [RUNS]
//! ```
//!
//! `builtin` (the default) uses the built-in gazetteer, `aliases` the bench's 100k-alias
//! gazetteer alone; `--paragraphs` reads the corpus cut into its paragraphs, one text each,
//! as the `documents` rows of the bench do. Prints the number of mentions found; with
//! `--dump`, each mention too (text, byte span, kind, entity id), to check that a change
//! of speed leaves every mention as it was.

#[path = "../benches/common/mod.rs"]
mod common;

use tawfiq::{Matcher, MatcherBuilder};

/// The corpus size, as in the bench: a megabyte.
const CORPUS_BYTES: usize = 1 << 20;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let paragraphs = args.iter().any(|a| a == "--paragraphs");
    let runs: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(1);
    let matcher = if args.iter().any(|a| a == "aliases") {
        let aliases = common::aliases(100_000);
        MatcherBuilder::new()
            .builtin(false)
            .gazetteer(common::gazetteer(&aliases))
            .build()
            .expect("the alias gazetteer builds")
    } else {
        Matcher::builtin()
    };
    let corpus = common::corpus(CORPUS_BYTES);
    let texts: Vec<&str> = if paragraphs {
        corpus.split("\n\n").collect()
    } else {
        vec![&corpus]
    };
    if args.iter().any(|a| a == "--dump") {
        for (i, t) in texts.iter().enumerate() {
            for m in matcher.find_iter(t) {
                let id = m.entity_id().unwrap_or("-");
                println!("{i}\t{}\t{}\t{:?}\t{id}", m.start, m.end, m.kind);
            }
        }
    }
    let warm = read(&matcher, &texts);
    let mut found = 0;
    for _ in 0..runs {
        found += profiled(&matcher, &texts);
    }
    println!("{warm} mentions warming up, {found} in {runs} profiled run(s)");
}

/// The warm-up: the same work as [`profiled`], outside what the profiler counts.
#[inline(never)]
fn read(matcher: &Matcher, texts: &[&str]) -> usize {
    texts.iter().map(|t| matcher.find_iter(t).count()).sum()
}

/// The run the profiler counts. It must not compile to the same code as [`read`] (the
/// linker may merge identical functions, and the profiler would count both): each text
/// goes through `black_box`.
#[inline(never)]
fn profiled(matcher: &Matcher, texts: &[&str]) -> usize {
    let mut found = 0;
    for t in texts {
        found += matcher.find_iter(std::hint::black_box(t)).count();
    }
    found
}
