//! Clustering of names: variants together, distinct names apart, order independence,
//! incremental use and export (self-contained; the evaluations on the team's data are in
//! `cluster_eval.rs`).

use proptest::prelude::*;
use tawfiq::cluster::{Cluster, Clusterer, cluster};
use tawfiq::{EntityKind, Gazetteer};

/// The clusters as sorted lists of sorted member names.
fn groups(clusters: &[Cluster]) -> Vec<Vec<String>> {
    let mut g: Vec<Vec<String>> = clusters
        .iter()
        .map(|c| {
            let mut m: Vec<String> = c.members.iter().map(|m| m.name.clone()).collect();
            m.sort();
            m
        })
        .collect();
    g.sort();
    g
}

fn together(clusters: &[Cluster], a: &str, b: &str) -> bool {
    clusters
        .iter()
        .any(|c| c.members.iter().any(|m| m.name == a) && c.members.iter().any(|m| m.name == b))
}

const NAMES: &[&str] = &[
    "ماسود بيزِشكيان",
    "مسعود بزشكيان",
    "بزشكيان",
    "خُوريلسوخ أوخنا",
    "أوخنا خورلسوخ",
    "لي تشيانغ",
    "لي كه تشيانغ",
    "كيم جونغ أون",
    "كيم جونغ إيل",
    "كيم إيل سونغ",
    "تيانجين",
    "تيانشوي",
    "سمرقند",
    "سامارا",
    "أستانا",
    "أستارا",
    "IAEA",
    "IEA",
    "ICC",
    "ICJ",
    "منظمة شنغهاي للتعاون",
    "منظمة شنغهاي",
];

#[test]
fn variants_join_and_distinct_names_stay_apart() {
    let c = cluster(NAMES.iter().copied(), None);
    assert!(together(&c, "ماسود بيزِشكيان", "مسعود بزشكيان"));
    assert!(together(&c, "بزشكيان", "مسعود بزشكيان"));
    assert!(together(&c, "خُوريلسوخ أوخنا", "أوخنا خورلسوخ"));
    assert!(together(&c, "منظمة شنغهاي", "منظمة شنغهاي للتعاون"));
    for (a, b) in [
        ("لي تشيانغ", "لي كه تشيانغ"),
        ("كيم جونغ أون", "كيم جونغ إيل"),
        ("كيم جونغ أون", "كيم إيل سونغ"),
        ("كيم جونغ إيل", "كيم إيل سونغ"),
        ("تيانجين", "تيانشوي"),
        ("سمرقند", "سامارا"),
        ("أستانا", "أستارا"),
        ("IAEA", "IEA"),
        ("ICC", "ICJ"),
    ] {
        assert!(!together(&c, a, b), "help: {a} and {b} were merged");
    }
    // The canonical label of an unlinked group is its full, well-formed spelling.
    let p = c
        .iter()
        .find(|k| together(&c, "بزشكيان", &k.members[0].name));
    let p = p.expect("the Pezeshkian group");
    assert_eq!(p.canonical, "مسعود بزشكيان");
}

#[test]
fn a_surname_shared_by_two_names_stays_alone() {
    let c = cluster(["محمد الحلبوسي", "ريكان الحلبوسي", "الحلبوسي"], None);
    assert_eq!(c.len(), 3, "{c:?}");
}

#[cfg(feature = "builtin")]
#[test]
fn linked_names_take_the_gazetteer_label() {
    let m = tawfiq::Matcher::builtin();
    let c = cluster(
        ["شى جين بينج", "Xi Jinping", "شي جينبينغ", "بوتين"],
        Some(&m),
    );
    let xi = c
        .iter()
        .find(|k| k.entity.as_ref().is_some_and(|e| e.id == "xi-jinping"))
        .expect("Xi Jinping linked");
    assert_eq!(xi.canonical, "شي جين بينغ");
    assert_eq!(xi.count, 3);
    assert!(
        c.iter()
            .any(|k| k.entity.as_ref().is_some_and(|e| e.id == "vladimir-putin"))
    );
}

#[test]
fn counts_empty_and_letterless_input() {
    assert!(cluster([], None).is_empty());
    assert!(
        cluster(["", "  ", "،،", "123"], None)
            .iter()
            .all(|c| c.count == 1)
    );
    let mut huge = Clusterer::new(None);
    huge.add_count("بوتين", u64::MAX);
    huge.add_count("بوتين", 2);
    huge.add_count("فلاديمير بوتين", 5);
    assert_eq!(huge.clusters()[0].count, u64::MAX, "counts saturate");
    let c = cluster(["بوتين", "بوتين", "بوتين"], None);
    assert_eq!((c.len(), c[0].count, c[0].members.len()), (1, 3, 1));
}

#[test]
fn incremental_equals_batch_and_exports_rows() {
    let mut inc = Clusterer::new(None);
    let (first, second) = NAMES.split_at(9);
    inc.extend(first.iter().copied());
    let _ = inc.clusters();
    inc.extend(second.iter().copied());
    assert_eq!(
        groups(&inc.clusters()),
        groups(&cluster(NAMES.iter().copied(), None))
    );
    // New groups as gazetteer rows a person can review, then load.
    let tsv = inc.new_entities_tsv(EntityKind::Person);
    let g = Gazetteer::from_tsv_str(&tsv).expect("the export loads as a gazetteer");
    assert_eq!(g.len(), inc.clusters().len());
}

/// Many new names at once are paired on all cores; a few at a time, on one. The clusters
/// are the same.
#[cfg(feature = "builtin")]
#[test]
fn threads_do_not_change_the_clusters() {
    let matcher = tawfiq::Matcher::builtin();
    // Arabic names of built-in places and people, each also with its first ا dropped and
    // its ي written ى: thousands of names, many pairs within the limits.
    let mut names: Vec<String> = Vec::new();
    for e in matcher
        .entities()
        .filter(|e| !e.name_ar.is_empty())
        .take(2500)
    {
        names.push(e.name_ar.to_string());
        names.push(e.name_ar.replacen('ا', "", 1));
        names.push(e.name_ar.replace('ي', "ى"));
    }
    let all = cluster(names.iter().map(String::as_str), None);
    let mut inc = Clusterer::new(None);
    for piece in names.chunks(500) {
        inc.extend(piece.iter().map(String::as_str));
        let _ = inc.clusters();
    }
    assert!(
        all.len() > 1000 && all.len() < names.len(),
        "{} clusters",
        all.len()
    );
    assert_eq!(inc.clusters(), all);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn order_does_not_matter(seed in any::<u64>()) {
        let mut names: Vec<&str> = NAMES.to_vec();
        names.extend(["بوتين", "فلاديمير بوتين", "بوتين", "شي", "شي جين بينغ"]);
        // A deterministic shuffle from the seed (Fisher-Yates with a xorshift).
        let mut x = seed | 1;
        for i in (1..names.len()).rev() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            names.swap(i, (x % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(
            cluster(names.iter().copied(), None),
            cluster(NAMES.iter().copied().chain(["بوتين", "فلاديمير بوتين", "بوتين", "شي", "شي جين بينغ"]), None)
        );
    }
}
