//! Reconciling a corpus: the ids of new entities depend on the documents' content, not on
//! their order, and the exported rows load back as a gazetteer that links those names.
//! The documents are written for this test (made-up people and a made-up party).

#![cfg(feature = "builtin")]

mod common;

use std::collections::BTreeMap;

use tawfiq::cluster::{Reconciler, Reconciliation};
use tawfiq::{Gazetteer, Matcher, MatcherBuilder};

const DOCUMENTS: &[&str] = &[
    "قال المهندس كمال برهومي إن مشروع الجسر الجديد سيكتمل في الربيع. وأضاف برهومي أن التمويل مضمون.",
    "أكد المهندس كمال برهومى أن الأعمال تسير وفق الخطة في بيروت.",
    "وصرحت الناشطة سلمى الدباغ بأن الفريق سيشارك في البطولة. وقالت الدباغ إن اللاعبين مستعدون.",
    "التقى المدرب رامز القصاب بالناشطة سلمى الدباغ، وتحدث القصاب عن استعدادات الموسم.",
    "وأعلن حزب النهضة الخضراء دعمه للمشروع في دمشق.",
    "ورحب حزب النهضه الخضراء بالخطوة، وقال المهندس كمال برهومي إن العمل بدأ.",
];

fn matcher() -> &'static Matcher {
    static M: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
    M.get_or_init(Matcher::builtin)
}

/// Reconciles `DOCUMENTS` in the order `order`, added in batches of `batch` documents.
fn reconciled(order: &[usize], batch: usize) -> Reconciliation<'static> {
    let mut r = Reconciler::new(matcher());
    for piece in order.chunks(batch) {
        let texts: Vec<&str> = piece.iter().map(|&i| DOCUMENTS[i]).collect();
        r.add_documents(&texts);
    }
    r.finish()
}

/// Per document (by its place in `DOCUMENTS`): `(start, end, entity id)` of each mention.
type ByDocument = BTreeMap<usize, Vec<(usize, usize, Option<String>)>>;

fn by_document(c: &Reconciliation<'_>, order: &[usize]) -> ByDocument {
    let mut out = ByDocument::new();
    for m in &c.mentions {
        out.entry(order[m.document]).or_default().push((
            m.start,
            m.end,
            c.entity_id(m).map(str::to_string),
        ));
    }
    out
}

#[test]
fn new_entities_get_the_same_ids_in_every_order() {
    let given: Vec<usize> = (0..DOCUMENTS.len()).collect();
    let first = reconciled(&given, DOCUMENTS.len());
    let want = by_document(&first, &given);
    // The spellings of one unknown person across documents are one new entity.
    let ids: Vec<&str> = first
        .mentions
        .iter()
        .filter(|m| m.surface.contains("برهوم"))
        .filter_map(|m| first.entity_id(m))
        .collect();
    assert!(ids.len() >= 4, "help: Barhoumi's mentions: {ids:?}");
    assert!(ids.iter().all(|id| id.starts_with("new:") && *id == ids[0]));
    assert!(first.new_entities.len() >= 4, "{:?}", first.new_entities);

    let mut orders = vec![given.iter().rev().copied().collect::<Vec<_>>()];
    let mut rng = common::Rng::new(11);
    for _ in 0..4 {
        let mut o = given.clone();
        rng.shuffle(&mut o);
        orders.push(o);
    }
    for order in &orders {
        for batch in [1, 4, DOCUMENTS.len()] {
            let c = reconciled(order, batch);
            assert_eq!(
                by_document(&c, order),
                want,
                "help: order {order:?} in batches of {batch}"
            );
            assert_eq!(c.new_entities, first.new_entities);
        }
    }
}

#[test]
fn exported_rows_load_and_link_the_new_names() {
    let order: Vec<usize> = (0..DOCUMENTS.len()).collect();
    let c = reconciled(&order, DOCUMENTS.len());
    let tsv = c.gazetteer_tsv();
    let g = Gazetteer::from_tsv_str(&tsv).expect("the exported rows load as a gazetteer");
    assert_eq!(g.len(), c.new_entities.len());
    let mut b = MatcherBuilder::new();
    b.gazetteer(g);
    let m = b
        .build()
        .expect("the built-in and exported gazetteers build together");
    // Every mention given a new entity is now linked to it, by its name or as a part of a
    // name the same text gives in full.
    let mut checked = 0;
    for (d, text) in DOCUMENTS.iter().enumerate() {
        let now: Vec<_> = m.find_iter(text).collect();
        for x in c.mentions.iter().filter(|x| x.document == d) {
            let Some(e) = c.new_entity(x) else { continue };
            let linked = now
                .iter()
                .find(|n| n.start == x.start && n.end == x.end)
                .and_then(|n| n.entity_id());
            assert_eq!(
                linked,
                Some(e.id.as_str()),
                "help: {:?} in document {d} should link to {} ({})",
                x.surface,
                e.id,
                e.canonical
            );
            checked += 1;
        }
    }
    assert!(checked >= 8, "help: only {checked} new mentions checked");
}

#[test]
fn mentions_found_elsewhere_reconcile_like_the_documents() {
    // A distributed run: the documents annotated in pieces on other threads (standing in
    // for other processes or machines), the mentions gathered in the corpus's order.
    let order: Vec<usize> = (0..DOCUMENTS.len()).collect();
    let direct = reconciled(&order, DOCUMENTS.len());
    let found: Vec<Vec<_>> = std::thread::scope(|s| {
        let pieces: Vec<_> = DOCUMENTS
            .chunks(2)
            .map(|piece| s.spawn(move || matcher().find_batch(piece)))
            .collect();
        pieces
            .into_iter()
            .flat_map(|p| p.join().expect("a worker thread panicked"))
            .collect()
    });
    let mut r = Reconciler::new(matcher());
    for (d, mentions) in found.iter().enumerate() {
        assert_eq!(r.add_mentions(mentions), d);
    }
    let gathered = r.finish();
    assert_eq!(gathered.mentions, direct.mentions);
    assert_eq!(gathered.new_entities, direct.new_entities);
}
