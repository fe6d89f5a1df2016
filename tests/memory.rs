//! Memory of mention finding per byte of text: the heap's peak while [`Matcher::find_iter`]
//! runs over the bench corpus and its mentions are held (what `tawfiq annotate` does with a
//! file), over the text's length. It must stay under [`MAX_BYTES_PER_BYTE`] and grow
//! linearly: 4 MB of text may cost at most a quarter more per byte than 1 MB.
//!
//! The heap is counted by a counting global allocator ([`peak_alloc`], this test binary
//! only). Before measuring, the matcher's lazy structures are built by a first text of a megabyte,
//! and the peak is reset before each text, so the figures are those of the text alone: the
//! work structures and the mentions, not the text itself.

#![cfg(feature = "builtin")]

#[path = "../benches/common/mod.rs"]
mod common;

use peak_alloc::PeakAlloc;
use tawfiq::{Matcher, Mention};

#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

/// The ceiling on the heap's peak, in bytes per byte of text, that
/// [`Matcher::find_iter`]'s documentation promises.
const MAX_BYTES_PER_BYTE: f64 = 40.0;

/// How much more per byte a text four times as long may cost (linear growth, with room for
/// the doubling of vectors).
const MAX_GROWTH: f64 = 1.25;

/// The longest prefix of `text` of at most `bytes` bytes.
fn prefix(text: &str, bytes: usize) -> &str {
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The heap's peak while the mentions of `text` are found and held, per byte of text.
fn peak_per_byte(m: &Matcher, text: &str) -> f64 {
    HEAP.reset_peak_usage();
    let before = HEAP.current_usage();
    let mentions: Vec<Mention> = m.find_iter(text).collect();
    let peak = HEAP.peak_usage().saturating_sub(before);
    assert!(!mentions.is_empty());
    drop(mentions);
    peak as f64 / text.len() as f64
}

/// Ignored in `cargo test` (5 MB of text through a debug build takes a while); `.ci/run`
/// runs it in release with `--ignored --nocapture` and prints the figures.
#[test]
#[ignore]
fn memory_per_byte_of_text_is_bounded_and_linear() {
    let m = Matcher::builtin();
    let small = common::corpus(1 << 20);
    let large = common::corpus(4 << 20);
    // Lazy structures (the entities' name keys, the fuzzy index, the word frequencies) are
    // built here, once: some are first needed deep into a text, so the warm-up is a whole
    // megabyte (with 20 KB, the first figure was 42 bytes per byte instead of 28).
    m.find_iter(&small).for_each(drop);
    // A short text then, so that the matcher gives back the buffers the megabyte left for
    // the next text of its size (`find_iter` reuses them): the figures are then each text's
    // own, as a first text of that size has them.
    m.find_iter("قال الرئيس إن الوفد وصل.").for_each(drop);
    // The curve over more sizes, printed on demand (`TAWFIQ_MEMORY_CURVE=1 cargo test
    // --release --test memory -- --nocapture`).
    if std::env::var_os("TAWFIQ_MEMORY_CURVE").is_some() {
        for kb in [1, 10, 100, 300, 1000, 2000, 4000] {
            let t = prefix(&large, kb * 1024);
            let r = peak_per_byte(&m, t);
            eprintln!(
                "{kb} KB: {r:.1} bytes per byte, {:.1} MB",
                r * t.len() as f64 / 1e6
            );
        }
    }
    let per_byte_small = peak_per_byte(&m, &small);
    let per_byte_large = peak_per_byte(&m, &large);
    eprintln!(
        "find_iter heap peak per byte of text: {per_byte_small:.2} on {} bytes, \
         {per_byte_large:.2} on {} bytes",
        small.len(),
        large.len()
    );
    assert!(
        per_byte_small <= MAX_BYTES_PER_BYTE && per_byte_large <= MAX_BYTES_PER_BYTE,
        "help: mention finding holds {per_byte_small:.1} / {per_byte_large:.1} bytes per byte \
         of text, over the documented ceiling of {MAX_BYTES_PER_BYTE}"
    );
    assert!(
        per_byte_large <= per_byte_small * MAX_GROWTH,
        "help: memory grows faster than the text: {per_byte_small:.1} bytes per byte on 1 MB, \
         {per_byte_large:.1} on 4 MB"
    );
}
