//! Resolution over the `resolve` bench's 100k-alias workload, for a profiler: the bench's
//! 1,000 misspelt queries and 250 impostors resolved once to warm the matcher (the names it
//! prepares on first use), then `RUNS` more times in [`profiled`], the function to count.
//!
//! ```sh
//! cargo build --release --example resolve_profile
//! valgrind --tool=callgrind --toggle-collect='resolve_profile::profiled' \
//!     target/release/examples/resolve_profile [ALIASES] [RUNS] [--dump]
//! ```
//!
//! Prints accuracy@1 on the queries, the share of them given another entity and the
//! impostors given one; with `--dump`, each query's answer, its first candidates' scores
//! and the entity it was made from (`-` for an impostor), to check that a change of speed
//! leaves the decisions as they were and to score any part of the queries (the bench's
//! accuracy is over the first 250).

#[path = "../benches/common/mod.rs"]
mod common;

use tawfiq::{Matcher, Resolution};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dump = args.iter().any(|a| a == "--dump");
    let mut numbers = args.iter().filter_map(|a| a.parse::<usize>().ok());
    let n = numbers.next().unwrap_or(100_000);
    let runs = numbers.next().unwrap_or(1);
    let common::ResolveWorkload {
        aliases,
        matcher,
        queries,
        ids,
        mut rng,
    } = common::ResolveWorkload::new(n, 1000);
    let impostors = common::impostors(&aliases, 250, &mut rng);
    let queries: Vec<(String, Option<usize>)> = queries
        .into_iter()
        .map(|(q, i)| (q, Some(i)))
        .chain(impostors.into_iter().map(|q| (q, None)))
        .collect();

    let names: Vec<&str> = queries.iter().map(|(q, _)| q.as_str()).collect();
    let warm = resolve_all(&matcher, &names);
    let mut linked = 0;
    for _ in 0..runs {
        linked = profiled(&matcher, &names);
    }
    let (mut right, mut wrong, mut fooled) = (0, 0, 0);
    for ((q, truth), r) in queries.iter().zip(&warm) {
        let got = r.entity().map(|e| e.id.as_ref());
        match (truth, got) {
            (Some(i), Some(id)) if id == ids[*i] => right += 1,
            (Some(_), Some(_)) => wrong += 1,
            (None, Some(_)) => fooled += 1,
            _ => {}
        }
        if dump {
            let top: Vec<String> = r
                .candidates
                .iter()
                .take(3)
                .map(|c| format!("{} {:.4}", c.entity.id, c.score))
                .collect();
            let expected = truth.map_or("-", |i| ids[i].as_ref());
            println!("{q}\t{}\t{}\t{expected}", got.unwrap_or("-"), top.join(" "));
        }
    }
    println!(
        "{n} aliases: accuracy@1 {:.3} ({right}/1000), wrong {:.3}, impostors given an entity \
         {fooled}/250; {linked} linked in the last run",
        right as f64 / 1000.0,
        wrong as f64 / 1000.0,
    );
}

fn resolve_all<'m>(matcher: &'m Matcher, names: &[&str]) -> Vec<Resolution<'m>> {
    names.iter().map(|q| matcher.resolve(q)).collect()
}

/// The function a profiler counts: every query resolved once.
#[inline(never)]
fn profiled(matcher: &Matcher, names: &[&str]) -> usize {
    names
        .iter()
        .filter(|q| matcher.resolve(q).best.is_some())
        .count()
}
