//! Checks against the team's seed gold standard (`../shared/eval/seeds/`, third-party
//! articles that are not shipped with the crate). Ignored by `cargo test`; `.ci/run` runs
//! it with `cargo test --release --test seeds -- --ignored`, and it fails when the folder is
//! missing. `TAWFIQ_SEEDS` overrides the folder.

#![cfg(feature = "builtin")]

use std::collections::HashMap;
use std::path::PathBuf;

use tawfiq::Matcher;
use tawfiq::clitic::{ARTICLE, candidates};
use tawfiq::keys::ortho_key;

fn seeds() -> PathBuf {
    std::env::var_os("TAWFIQ_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("..")
                .join("shared")
                .join("eval")
                .join("seeds")
        })
}

fn tsv(name: &str) -> Vec<HashMap<String, String>> {
    let path = seeds().join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines();
    let header: Vec<String> = lines
        .next()
        .unwrap()
        .split('\t')
        .map(String::from)
        .collect();
    lines
        .map(|l| {
            header
                .iter()
                .cloned()
                .zip(l.split('\t').map(String::from))
                .collect()
        })
        .collect()
}

/// Do two spellings differ only in what the foundation folds: diacritics, hamza and alef
/// forms, ى/ي, ة/ه, spacing, or a proclitic (with the article after لل)?
fn same_up_to_folding(a: &str, b: &str) -> bool {
    let (ka, kb) = (ortho_key(a), ortho_key(b));
    let readings = |k: &str| -> Vec<String> {
        let mut out: Vec<String> = candidates(k)
            .map(|c| {
                let stem: String = k.chars().skip(c.chars).collect();
                if c.article {
                    format!("{ARTICLE}{stem}")
                } else {
                    stem
                }
            })
            .collect();
        out.push(format!("{ARTICLE}{k}")); // a stem written after لل
        out
    };
    ka == kb || readings(&ka).contains(&kb) || readings(&kb).contains(&ka)
}

#[test]
#[ignore = "needs ../shared/eval/seeds; run by .ci/run"]
fn variant_groups_resolve_to_one_entity() {
    let matcher = Matcher::builtin();
    let mentions = tsv("mentions.tsv");
    let mut texts: HashMap<String, String> = HashMap::new();
    let mut checked = 0;
    for group in tsv("variant_groups.tsv")
        .iter()
        .filter(|g| g["scope"] == "name")
    {
        let spellings: Vec<&str> = group["raw_surfaces"].split(" | ").collect();
        // The members that differ from another member only by folding.
        let foldable: Vec<&str> = spellings
            .iter()
            .copied()
            .filter(|a| spellings.iter().any(|b| a != b && same_up_to_folding(a, b)))
            .collect();
        if foldable.is_empty() {
            continue;
        }
        let mut resolved: HashMap<&str, Vec<String>> = HashMap::new();
        for row in mentions
            .iter()
            .filter(|r| r["entity_id"] == group["entity_id"])
        {
            let Some(&surface) = foldable.iter().find(|s| **s == row["surface"]) else {
                continue;
            };
            let text = texts.entry(row["file"].clone()).or_insert_with(|| {
                std::fs::read_to_string(seeds().join(&row["file"])).expect("seed text")
            });
            let char_to_byte = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
            let (start, end) = (
                char_to_byte(row["start"].parse().unwrap()),
                char_to_byte(row["end"].parse().unwrap()),
            );
            let found = matcher
                .find_iter(text)
                .find(|m| m.start < end && start < m.end)
                .map_or("(nothing)".to_string(), |m| {
                    m.entity_id().unwrap_or("(unlinked)").to_string()
                });
            resolved.entry(surface).or_default().push(found);
        }
        let entities: std::collections::BTreeSet<&String> = resolved.values().flatten().collect();
        println!("{}: {:?} → {:?}", group["entity_id"], foldable, entities);
        assert_eq!(
            entities.len(),
            1,
            "help: {} splits: {resolved:?}",
            group["entity_id"]
        );
        assert!(
            !entities.contains(&"(nothing)".to_string()),
            "help: {} unresolved: {resolved:?}",
            group["entity_id"]
        );
        assert_eq!(
            resolved.len(),
            foldable.len(),
            "help: a spelling has no mention: {resolved:?}"
        );
        checked += 1;
    }
    assert!(
        checked >= 4,
        "only {checked} groups qualified; is the gold folder complete?"
    );
}
