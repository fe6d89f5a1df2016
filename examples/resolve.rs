//! Resolves standalone names (a column of a spreadsheet, a watch-list) to entities:
//! [`Matcher::resolve_batch`](tawfiq::Matcher::resolve_batch) and
//! [`Matcher::resolve_kind`](tawfiq::Matcher::resolve_kind).
//!
//! ```sh
//! cargo run --release --example resolve                      # names of its own
//! cargo run --release --example resolve -- "Xi Jinping" عمّان  # yours
//! ```
//!
//! The `tawfiq resolve` tool does this for a name per line of stdin, in JSON; this example
//! takes names, no options.

use tawfiq::{EntityKind, Matcher};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a.starts_with("--")) {
        eprintln!(
            "usage: resolve [NAME...]  (for options, use the tawfiq tool: tawfiq resolve --help)"
        );
        std::process::exit(2);
    }
    let names: Vec<String> = if args.is_empty() {
        // A misspelling, a Latin spelling, a reordered name, and someone else of a known
        // name.
        [
            "ماسود بيزشكيان",
            "Xi Jinping",
            "أوخنا خورلسوخ",
            "Jill Biden",
        ]
        .map(String::from)
        .to_vec()
    } else {
        args
    };
    let matcher = Matcher::builtin();
    // On all cores, in the order of `names`.
    for (name, r) in names.iter().zip(matcher.resolve_batch(&names, None)) {
        match (&r.best, r.candidates.first()) {
            (Some(best), _) => println!(
                "{name} → {} ({}), score {:.2}: {}",
                best.entity.name_en, best.entity.id, best.score, best.explanation
            ),
            // No link, because the likeliest entity is someone else: say who and why.
            (None, Some(c)) if c.conflict.is_some() => println!(
                "{name} → none: not {} ({})",
                c.entity.name_en,
                c.conflict
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default()
            ),
            (None, _) => println!("{name} → none ({} candidates)", r.candidates.len()),
        }
    }
    // Among one kind only: a bare دلهي is the city, not a village spelled the same.
    let delhi = matcher.resolve_kind("دلهي", EntityKind::Place);
    if let Some(e) = delhi.entity() {
        println!("دلهي, as a place → {} ({})", e.name_en, e.id);
    }
}
