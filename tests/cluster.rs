//! Clustering of names: variants together, distinct names apart, order independence,
//! incremental use and export (self-contained; the evaluations on the team's data are in
//! `cluster_eval.rs`).

mod common;

use proptest::prelude::*;
use tawfiq::cluster::{Cluster, ClusterOptions, Clusterer, cluster};
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
fn names_over_the_limits_are_not_names() {
    let long = "بوتين ".repeat(tawfiq::Matcher::MAX_NAME_BYTES);
    let many = "ا ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ";
    assert!(many.split(' ').count() > tawfiq::Matcher::MAX_NAME_WORDS);
    let c = cluster([long.as_str(), many, "بوتين"], None);
    let names: Vec<&str> = c.iter().map(|c| c.canonical.as_str()).collect();
    assert_eq!(names, ["بوتين"]);
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

/// A new spelling can change what an old name is: `IAEA` makes `Iaea` an acronym, whose
/// letters are not cheap vowels, so `Iea` leaves its group. Incremental clustering finds
/// what batch clustering finds, and loses no name on the way.
#[test]
fn a_new_spelling_can_split_a_group() {
    let names = ["Iaea", "Iea", "IAEA"];
    let mut inc = Clusterer::new(None);
    inc.extend(names[..2].iter().copied());
    assert_eq!(inc.clusters().len(), 1, "help: Iaea and Iea are one name");
    inc.add(names[2]);
    let c = inc.clusters();
    assert_eq!(groups(&c), groups(&cluster(names, None)));
    assert_eq!(c.len(), 2, "{c:?}");
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

/// The clusters of `names` given in the order `order` (indices into `names`), cut into
/// `add` calls of `pieces` names with a clustering after each (all at once when `pieces`
/// is 0).
fn clustered(
    names: &[String],
    order: &[usize],
    pieces: usize,
    options: ClusterOptions,
    matcher: Option<&tawfiq::Matcher>,
) -> Vec<Cluster> {
    let mut c = Clusterer::with_options(matcher, options);
    let step = if pieces == 0 {
        order.len().max(1)
    } else {
        pieces
    };
    for piece in order.chunks(step) {
        c.extend(piece.iter().map(|&i| names[i].as_str()));
        let _ = c.clusters();
    }
    c.clusters()
}

/// Orders of `0..n`: as given, reversed, and `shuffles` drawn from `seed`.
fn orders(n: usize, seed: u64, shuffles: usize) -> Vec<Vec<usize>> {
    let mut out = vec![(0..n).collect::<Vec<_>>(), (0..n).rev().collect()];
    let mut rng = common::Rng::new(seed);
    for _ in 0..shuffles {
        let mut o: Vec<usize> = (0..n).collect();
        rng.shuffle(&mut o);
        out.push(o);
    }
    out
}

/// Asserts that every order (and every cut into pieces) of `names` gives the clusters of
/// the first.
fn assert_order_free(
    names: &[String],
    seed: u64,
    shuffles: usize,
    options: ClusterOptions,
    matcher: Option<&tawfiq::Matcher>,
) -> Result<(), TestCaseError> {
    assert_order_free_in(names, seed, shuffles, &[1, 3, 7], options, matcher)
}

/// [`assert_order_free`], with the last order also cut into pieces of each size of `cuts`.
fn assert_order_free_in(
    names: &[String],
    seed: u64,
    shuffles: usize,
    cuts: &[usize],
    options: ClusterOptions,
    matcher: Option<&tawfiq::Matcher>,
) -> Result<(), TestCaseError> {
    let orders = orders(names.len(), seed, shuffles);
    let want = clustered(names, &orders[0], 0, options, matcher);
    let mut runs: Vec<(usize, usize)> = (1..orders.len()).map(|k| (k, 0)).collect();
    // Incremental: the last order, cut into pieces.
    runs.extend(cuts.iter().map(|&p| (orders.len() - 1, p)));
    for (k, pieces) in runs {
        let got = clustered(names, &orders[k], pieces, options, matcher);
        prop_assert_eq!(
            groups(&got),
            groups(&want),
            "help: order {} in pieces of {} ({:?})",
            k,
            pieces,
            names
        );
        prop_assert_eq!(got, want.clone());
    }
    Ok(())
}

/// Random sets of near-identical spellings (harakat, hamza seats, ى/ي, ة/ه, a doubled
/// letter, a dropped long vowel, spacing) of one to four names.
fn near_identical_set() -> impl Strategy<Value = (Vec<String>, u64)> {
    (any::<u64>(), 1usize..5, 2usize..40).prop_map(|(seed, bases, n)| {
        let mut rng = common::Rng::new(seed);
        let start = rng.below(common::BASES.len());
        let bases: Vec<&str> = (0..bases)
            .map(|i| common::BASES[(start + i) % common::BASES.len()])
            .collect();
        (common::near_identical(&bases, n, &mut rng), seed)
    })
}

proptest! {
    // 64 cases of each: about a second in a debug build.
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The same clusters for every order of the names, batch or incremental.
    #[test]
    fn order_does_not_matter((names, seed) in near_identical_set()) {
        assert_order_free(&names, seed, 3, ClusterOptions::default(), None)?;
    }

    /// The same with blocks far past `max_block` (here 4): bands, and bands shifted by
    /// new names, are order-free too.
    #[test]
    fn order_does_not_matter_past_max_block((names, seed) in near_identical_set()) {
        let options = ClusterOptions { max_block: 4, ..ClusterOptions::default() };
        assert_order_free(&names, seed, 3, options, None)?;
    }
}

/// One built-in matcher for every test of this file: it fills caches as it resolves.
#[cfg(feature = "builtin")]
fn builtin() -> &'static tawfiq::Matcher {
    static M: std::sync::OnceLock<tawfiq::Matcher> = std::sync::OnceLock::new();
    M.get_or_init(tawfiq::Matcher::builtin)
}

/// A user gazetteer of some of [`common::BASES`], in their exact spellings: near-identical
/// spellings of them link or not depending on how far they stray, and one folded name can
/// have spellings of both sorts.
fn user_matcher() -> &'static tawfiq::Matcher {
    static M: std::sync::OnceLock<tawfiq::Matcher> = std::sync::OnceLock::new();
    M.get_or_init(|| {
        let tsv = "id\tkind\tname\n\
                   alpha-conde\tperson\tألفا كوندي\n\
                   pezeshkian\tperson\tمسعود بزشكيان\n\
                   pezeshkian\tperson\tMasoud Pezeshkian\n\
                   zahra\tplace\tمدينة الزهراء\n";
        let g = Gazetteer::from_tsv_str(tsv).expect("the test gazetteer loads");
        let mut b = tawfiq::MatcherBuilder::new();
        b.builtin(false).gazetteer(g);
        b.build().expect("the test matcher builds")
    })
}

/// The property above is not vacuous: near-identical spellings of a gazetteer name link
/// to it, or do not, by how far they stray.
#[test]
fn some_variants_link_and_some_do_not() {
    let mut rng = common::Rng::new(3);
    let names = common::near_identical(&["ألفا كوندي", "سولانكارو ميديفا"], 40, &mut rng);
    let c = cluster(names.iter().map(String::as_str), Some(user_matcher()));
    let linked: u64 = c
        .iter()
        .filter(|k| k.entity.is_some())
        .map(|k| k.count)
        .sum();
    assert!(
        linked > 0 && linked < 40,
        "help: {linked} of 40 linked: {c:?}"
    );
}

#[cfg(feature = "builtin")]
/// Smaller sets for the matcher properties (a resolution takes a quarter of a second in a
/// debug build), and whether blocks are far past a small `max_block`.
fn small_near_identical_set() -> impl Strategy<Value = (Vec<String>, u64, bool)> {
    (any::<u64>(), 1usize..4, 2usize..7, any::<bool>()).prop_map(|(seed, bases, n, small)| {
        let mut rng = common::Rng::new(seed);
        let start = rng.below(common::BASES.len());
        let bases: Vec<&str> = (0..bases)
            .map(|i| common::BASES[(start + i) % common::BASES.len()])
            .collect();
        (common::near_identical(&bases, n, &mut rng), seed, small)
    })
}

fn block_options(small: bool) -> ClusterOptions {
    ClusterOptions {
        max_block: if small {
            2
        } else {
            ClusterOptions::default().max_block
        },
        ..ClusterOptions::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// With a gazetteer: links are decided on every spelling, whichever came first, with
    /// blocks within or far past `max_block`.
    #[test]
    fn order_does_not_matter_with_a_gazetteer((names, seed) in near_identical_set(), small in any::<bool>()) {
        assert_order_free(&names, seed, 3, block_options(small), Some(user_matcher()))?;
    }

}

#[cfg(feature = "builtin")]
proptest! {
    // Each case resolves its names once per clustering: few cases, two orders, one cut.
    #![proptest_config(ProptestConfig::with_cases(5))]

    /// The same with the built-in gazetteer.
    #[test]
    fn order_does_not_matter_with_the_builtin_gazetteer((names, seed, small) in small_near_identical_set()) {
        assert_order_free_in(&names, seed, 0, &[2], block_options(small), Some(builtin()))?;
    }
}

/// The hand-picked names of this file, shorter forms among them, in many orders.
#[test]
fn named_examples_do_not_depend_on_order() {
    let mut names: Vec<String> = NAMES.iter().map(|s| s.to_string()).collect();
    names.extend(["بوتين", "فلاديمير بوتين", "بوتين", "شي", "شي جين بينغ"].map(String::from));
    for seed in 0..8 {
        assert_order_free(&names, seed, 3, ClusterOptions::default(), None).unwrap();
    }
}

/// With the built-in gazetteer: spellings that link differently (`كوندي` links to Alpha
/// Condé, `كوندى` does not) and names that link nowhere, in several orders.
#[cfg(feature = "builtin")]
#[test]
fn linked_clusters_do_not_depend_on_order() {
    let m = builtin();
    let names: Vec<String> = [
        "كوندى",
        "كوندي",
        "ألفا كوندي",
        "بوتين",
        "فلاديمير بوتين",
        "سولانكارو مديفا",
    ]
    .map(String::from)
    .to_vec();
    assert_order_free(&names, 1, 1, ClusterOptions::default(), Some(m)).unwrap();
}

/// Two spellings a letter apart cluster alike in either order: the pair is judged the same
/// way from both ends (`سان` has no counterpart in `أون ان سو تشي`: asked from that end
/// only, the two were merged).
#[test]
fn two_spellings_cluster_alike_in_either_order() {
    for (a, b) in [
        ("أون سان سو تشي", "أون ان سو تشي"),
        ("سولانكارو ميديفا", "سولنكارو ميديفا"),
        ("Aung San Suu Kyi", "Aung an Suu Kyi"),
    ] {
        let ab = groups(&cluster([a, b], None));
        let ba = groups(&cluster([b, a], None));
        assert_eq!(
            ab, ba,
            "help: {a} / {b} cluster differently in the two orders"
        );
    }
}

/// A name is linked from all its spellings, not from the first one seen: `كوندي` and
/// `كوندى` are one folded name, linked whichever comes first.
#[cfg(feature = "builtin")]
#[test]
fn a_node_is_linked_from_all_its_spellings() {
    let m = tawfiq::Matcher::builtin();
    let (a, b) = ("كوندي", "كوندى");
    let ab = cluster([a, b], Some(&m));
    let ba = cluster([b, a], Some(&m));
    assert_eq!(
        ab, ba,
        "help: the link depends on which spelling came first"
    );
    assert!(ab[0].entity.is_some(), "{ab:?}");
    // The same when the linking spelling comes after a clustering: the old node is
    // resolved again from its new spelling.
    let mut inc = Clusterer::new(Some(&m));
    inc.add(b);
    assert!(
        inc.clusters()[0].entity.is_none(),
        "help: {b} alone links nothing"
    );
    inc.add(a);
    assert_eq!(inc.clusters(), ab);
}

/// The share of `n` spellings of one skeleton merged away (1 − clusters / names).
fn merged_share(n: usize, max_block: usize) -> f64 {
    let names = common::one_skeleton(n, 7);
    let options = ClusterOptions {
        max_block,
        ..ClusterOptions::default()
    };
    let mut c = Clusterer::with_options(None, options);
    c.extend(names.iter().map(String::as_str));
    1.0 - c.clusters().len() as f64 / n as f64
}

/// A block past `max_block` is split, not skipped: 250 spellings sharing one skeleton merge
/// like 200 do (a skipped block merged none of them).
#[test]
fn a_big_block_merges_like_a_small_one() {
    let (small, big) = (merged_share(200, 200), merged_share(250, 200));
    assert!(
        small > 0.5 && (small - big).abs() < 0.05,
        "help: share of names merged away: {small:.3} at 200, {big:.3} at 250"
    );
}

/// The merge count never falls off a cliff as one skeleton's block grows: from the size
/// limit (here 40, to keep the test quick) to 25 times it, the share of names merged away
/// stays at least what it is at the limit (within 0.05).
#[test]
fn merging_keeps_pace_as_a_block_grows() {
    let at_limit = merged_share(40, 40);
    assert!(
        at_limit > 0.5,
        "help: {at_limit:.3} merged away at the limit"
    );
    for n in [41, 50, 200, 1000] {
        let share = merged_share(n, 40);
        assert!(
            share >= at_limit - 0.05,
            "help: {share:.3} of {n} names merged away, {at_limit:.3} of 40: blocks past \
             max_block should be compared in bands"
        );
    }
}
