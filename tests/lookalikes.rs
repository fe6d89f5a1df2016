//! Names that resemble a built-in entity but belong to someone or somewhere else
//! (`data/eval/lookalikes.tsv`: `Jill Biden`, `كيم جونغ تشول`, `غوانغدونغ`…), resolved one by
//! one: how many are linked to the entity they resemble, and how many to any entity; and
//! pairs of look-alike entities that a spelling must tell apart (`data/eval/lookalike_pairs.tsv`,
//! `عمّان` / `عُمان`). Prints the figures; fails above the ceilings set just over what main
//! measures. Run by `.ci/run`:
//!
//! ```text
//! cargo test --release --test lookalikes -- --ignored --nocapture
//! ```

#![cfg(feature = "builtin")]

use tawfiq::Matcher;

/// The rows of a TSV file of `data/eval/` (comment lines skipped), as maps by column name.
fn rows(file: &str) -> Vec<std::collections::HashMap<String, String>> {
    let path = format!("{}/data/eval/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("data/eval is in the repository");
    let mut lines = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty());
    let header: Vec<String> = lines
        .next()
        .expect("a header")
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

/// Ceilings on the development part, just over what the branch measures (the open-world
/// issue asks for at most 3 % linked). Measured when set: 0.025 linked to the resembled
/// entity, 0.170 to any and 1.000 of the pairs right (before resolution could say "someone
/// else": 0.193, 0.400 and 0.950). A link to any entity includes the names the gazetteer
/// has come to hold exactly since the list was compiled (`ريال مدريد`, `غوانغدونغ`,
/// `South Kordofan`: the entity the name is), counted apart as exact.
const MAX_LINKED_TO_RESEMBLED: f64 = 0.03;
const MAX_LINKED: f64 = 0.18;
const MIN_PAIRS_RIGHT: f64 = 0.97;

#[test]
#[ignore = "an evaluation: run by .ci/run in release"]
fn lookalikes_are_not_linked_to_the_entity_they_resemble() {
    let m = Matcher::builtin();
    let (mut n, mut resembled, mut linked, mut exact) = (0usize, 0usize, 0usize, 0usize);
    for r in rows("lookalikes.tsv")
        .iter()
        .filter(|r| r["split"] == "dev")
    {
        n += 1;
        let res = m.resolve(&r["name"]);
        if let Some(e) = res.entity() {
            linked += 1;
            exact += usize::from(res.best.as_ref().is_some_and(|c| c.distance == 0.0));
            if e.id == r["resembles"] {
                resembled += 1;
            }
        }
    }
    let (to_resembled, to_any) = (resembled as f64 / n as f64, linked as f64 / n as f64);
    println!(
        "look-alikes (dev, {n}): linked to the entity they resemble {resembled} ({to_resembled:.3}), to any entity {linked} ({to_any:.3}; {exact} of them by an exact name of the gazetteer)"
    );
    let mut right = 0usize;
    let pairs = rows("lookalike_pairs.tsv");
    for r in &pairs {
        right += usize::from(
            m.resolve(&r["name"])
                .entity()
                .is_some_and(|e| e.id == r["expected_id"]),
        );
    }
    let pairs_right = right as f64 / pairs.len() as f64;
    println!(
        "look-alike pairs: {right} of {} resolved to the expected entity ({pairs_right:.3})",
        pairs.len()
    );
    assert!(to_resembled <= MAX_LINKED_TO_RESEMBLED, "{to_resembled:.3}");
    assert!(to_any <= MAX_LINKED, "{to_any:.3}");
    assert!(pairs_right >= MIN_PAIRS_RIGHT, "{pairs_right:.3}");
}
