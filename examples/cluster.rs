//! Groups the spellings of names gathered from many documents into canonical entities:
//! [`Clusterer`](tawfiq::Clusterer), linked to the built-in gazetteer where it knows the
//! name, and the rest exported as rows of a user gazetteer.
//!
//! ```sh
//! cargo run --release --example cluster
//! ```
//!
//! The `tawfiq cluster` tool does this for a name per line of stdin, in JSON; this example
//! takes no arguments.

use tawfiq::{Clusterer, EntityKind, Matcher};

/// Spellings as several news sources write them: two known people, one unknown.
const NAMES: [&str; 9] = [
    "شي جين بينغ",
    "شي جينبينغ",
    "Xi Jinping",
    "مسعود بزشكيان",
    "ماسود بيزشكيان",
    "كريم دوغانلي",
    "كريم دوغانلى",
    "كريم دوغانلي",
    "دوغانلي",
];

fn main() {
    if std::env::args().len() > 1 {
        eprintln!(
            "usage: cluster  (for your own names, use the tawfiq tool: tawfiq cluster --help)"
        );
        std::process::exit(2);
    }
    let matcher = Matcher::builtin();
    let mut clusterer = Clusterer::new(Some(&matcher));
    // Names can come in any order and at any time: clustering is incremental.
    clusterer.extend(NAMES);
    for c in clusterer.clusters() {
        let entity = c
            .entity
            .as_ref()
            .map_or("new".to_string(), |e| e.id.clone());
        let members: Vec<String> = c
            .members
            .iter()
            .map(|m| format!("{} ×{}", m.name, m.count))
            .collect();
        println!("{} [{entity}] ← {}", c.canonical, members.join(", "));
    }
    // The people no gazetteer knows, as rows to review and load with --gazetteer.
    print!("{}", clusterer.new_entities_tsv(EntityKind::Person));
}
