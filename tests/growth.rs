//! Mention finding takes time linear in the text: per byte, a text four or sixteen times as
//! long costs about what a short one does, for news-like text and for adversarial text (one
//! huge word, a letter under thousands of combining marks, one name or one unknown person
//! repeated a hundred thousand times). Growth is a ratio of times in one run, never an
//! absolute time: a pass that compares every mention with every other is quadratic, and a
//! fourfold text then costs four times more per byte, far beyond [`MAX_GROWTH`].
//!
//! Ignored in `cargo test` (tens of megabytes through a debug build take minutes); `.ci/run`
//! runs it in release with `--ignored --nocapture` and prints the figures.

#![cfg(feature = "builtin")]

#[path = "../benches/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use tawfiq::Matcher;

/// How much more per byte a longer text may cost: linear time costs the same (1x), a
/// quadratic pass four times more per fourfold text; halfway, with room for a shared, noisy
/// machine and for caches that a larger text outgrows.
const MAX_GROWTH: f64 = 2.0;

/// Runs of each text: the fastest is kept. The matcher keeps what it learns of words from
/// text to text, so the first run reads a text cold and the others warm, at every size
/// alike.
const RUNS: usize = 5;

/// The fastest of [`RUNS`] runs of [`Matcher::find_iter`] over each of `texts`, per byte,
/// with the number of mentions. The texts take turns within each round, so that a burst of
/// load on a shared machine slows one round of all of them rather than every run of one.
fn per_byte(m: &Matcher, texts: &[String]) -> Vec<(f64, usize)> {
    let mut best = vec![Duration::MAX; texts.len()];
    let mut mentions = vec![0; texts.len()];
    for _ in 0..RUNS {
        for (i, text) in texts.iter().enumerate() {
            let started = Instant::now();
            mentions[i] = m.find_iter(text).count();
            best[i] = best[i].min(started.elapsed());
        }
    }
    texts
        .iter()
        .zip(best.iter().zip(mentions))
        .map(|(t, (time, found))| (time.as_secs_f64() / t.len() as f64, found))
        .collect()
}

/// The longest prefix of `text` of at most `bytes` bytes.
fn prefix(text: &str, bytes: usize) -> &str {
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// `unit` repeated to at least `bytes` bytes.
fn repeated(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}

/// Asserts that `make(n)` (a text of about `n` bytes) costs per byte at most
/// [`MAX_GROWTH`] times more at each of `sizes` than at the first, and that the mentions
/// found grow with the text (so the pass under test is not skipped).
fn grows_linearly(m: &Matcher, what: &str, sizes: &[usize], make: impl Fn(usize) -> String) {
    let texts: Vec<String> = sizes.iter().map(|&n| make(n)).collect();
    let figures = per_byte(m, &texts);
    let (base, base_mentions) = figures[0];
    for (t, &(cost, mentions)) in texts.iter().zip(&figures) {
        eprintln!(
            "{what}: {} bytes, {:.1} ns a byte ({:.2}x the first), {mentions} mentions",
            t.len(),
            cost * 1e9,
            cost / base
        );
    }
    for (t, &(cost, mentions)) in texts.iter().zip(&figures).skip(1) {
        assert!(
            cost <= base * MAX_GROWTH,
            "help: {what}: {} bytes cost {:.1}x per byte what {} bytes do; mention finding must \
             stay linear in the text",
            t.len(),
            cost / base,
            texts[0].len()
        );
        assert!(
            mentions as f64 >= base_mentions as f64 * (t.len() / texts[0].len()) as f64 * 0.5,
            "help: {what}: {mentions} mentions in {} bytes against {base_mentions} in {}",
            t.len(),
            texts[0].len()
        );
    }
}

#[test]
#[ignore]
fn time_per_byte_is_linear_in_the_text() {
    let m = Matcher::builtin();
    let corpus = common::corpus(16 << 20);
    // Lazy structures (name keys, the fuzzy index, word frequencies) are built first.
    m.find_iter(prefix(&corpus, 1 << 20)).for_each(drop);
    const MB: usize = 1 << 20;
    grows_linearly(&m, "news-like corpus", &[MB, 4 * MB, 16 * MB], |n| {
        prefix(&corpus, n).to_string()
    });
    grows_linearly(&m, "a known name repeated", &[MB, 4 * MB], |n| {
        repeated("قال بوتين ", n)
    });
    grows_linearly(&m, "an unknown person repeated", &[MB, 4 * MB], |n| {
        repeated("وقال الناشط كريم دوغانلي إن ", n)
    });
    // One name written in ever new ways: marks that fold away, a different sequence at each
    // word (a memo of spellings must not compare each word with all the others).
    grows_linearly(&m, "a name spelt anew at each word", &[MB, 4 * MB], |n| {
        let mut text = String::new();
        let mut i: u32 = 0;
        while text.len() < n {
            text.push_str("قال ب");
            for bit in 0..12 {
                text.push(if i >> bit & 1 == 1 {
                    '\u{064E}'
                } else {
                    '\u{0650}'
                });
            }
            text.push_str("وتين ");
            i += 1;
        }
        text
    });
    // Ever new people named in full, each then by the family name alone: a pass that
    // compares each word with every person the text has named grows with their product.
    let aliases = common::aliases(100_000);
    let watch_list = tawfiq::MatcherBuilder::new()
        .builtin(false)
        .gazetteer(common::gazetteer(&aliases))
        .build()
        .expect("the alias gazetteer builds");
    let people: Vec<&str> = aliases
        .iter()
        .map(|a| a.name.as_str())
        .filter(|n| n.split_whitespace().count() >= 2)
        .collect();
    grows_linearly(&watch_list, "ever new people", &[MB, 4 * MB], |n| {
        let mut text = String::new();
        for name in people.iter().cycle() {
            if text.len() >= n {
                break;
            }
            let family = name.split_whitespace().last().unwrap_or(name);
            text.push_str(&format!(
                "وقال {name} إن الوضع مستقر، وأضاف {family} أنه باق. "
            ));
        }
        text
    });
    // No mentions in these two: time alone is compared (the mention check passes on zero).
    for (what, unit) in [
        ("one huge word", "ب"),
        ("a letter under combining marks", "\u{064E}\u{0651}"),
    ] {
        let sizes = [MB, 4 * MB];
        let texts: Vec<String> = sizes
            .iter()
            .map(|&n| format!("ب{}", repeated(unit, n)))
            .collect();
        let figures = per_byte(&m, &texts);
        let base = figures[0].0;
        for (t, &(cost, _)) in texts.iter().zip(&figures).skip(1) {
            eprintln!(
                "{what}: {} bytes, {:.1} ns a byte ({:.2}x the first)",
                t.len(),
                cost * 1e9,
                cost / base
            );
            assert!(
                cost <= base * MAX_GROWTH,
                "help: {what}: {} bytes cost {:.1}x per byte what {} bytes do",
                t.len(),
                cost / base,
                texts[0].len()
            );
        }
    }
}
