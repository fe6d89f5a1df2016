//! Whether two names can be one entity: as full names (a distance within the options'
//! limits), or one as a shorter form of the other. Every test here is symmetric in the two
//! names, so a pair is judged the same whichever of them came first.

use crate::clitic::ARTICLE;
use crate::score::{compare, compare_within, is_descriptor, is_within, min_full_price_edits};
use crate::translit::XScriptScorer;

use super::{ClusterOptions, Node};

/// A partial link (a one-word name inside a full name) where a distance is expected.
pub(super) const PARTIAL: f32 = -1.0;

/// The distance of two nodes when they are compatible as full names, [`PARTIAL`] when one
/// is a shorter form of the other, else `None`. Nodes linked to gazetteer entities are
/// compatible exactly when they are linked to the same one.
pub(super) fn link(o: &ClusterOptions, x: &Node, y: &Node) -> Option<f32> {
    if let (Some(ex), Some(ey)) = (x.entity, y.entity) {
        return (ex == ey).then_some(0.0);
    }
    if let Some(d) = distance(o, x, y) {
        return Some(d);
    }
    partial(o, x, y).then_some(PARTIAL)
}

/// The distance of two full names when within the options' limits.
fn distance(o: &ClusterOptions, x: &Node, y: &Node) -> Option<f32> {
    if x.latin != y.latin {
        let s = cross_script(x.latin, &x.key, &y.key);
        return (s >= o.min_cross_script).then_some(o.max_distance * (1.0 - s));
    }
    let shorter = x.letters.min(y.letters) as f32;
    let limit = o.max_distance.min(o.max_distance_per_letter * shorter);
    // Most pairs that share a block differ in too many consonants: say so before
    // aligning them.
    let at_least = min_full_price_edits(&x.consonants, &y.consonants) as f32;
    if at_least > limit || at_least > o.max_other_edits_per_letter * shorter {
        return None;
    }
    let allowed = |sim: &crate::score::Similarity| {
        let e = &sim.explanation;
        sim.distance <= limit
            && e.other_edits as f32 <= o.max_other_edits_per_letter * shorter
            && e.extra_words
                .iter()
                .chain(&e.missing_words)
                .all(|w| is_descriptor(w))
    };
    // Held to the limit: a comparison over it stops early (and `allowed` would refuse it);
    // the distance alone says so first, and only a pair within it is explained.
    let best = [(&x.prepared, &y.prepared), (&y.prepared, &x.prepared)]
        .into_iter()
        .filter(|(a, b)| is_within(a, b, limit))
        .filter_map(|(a, b)| compare_within(a, b, limit).ok())
        .filter(allowed)
        .map(|s| s.distance)
        .reduce(f32::min)?;
    words_agree(o, x, y).then_some(best)
}

/// For names of as many words, each word of either has a word of the other within the
/// full-price-edit allowance of its own length: the allowance of a whole name would let a
/// short word change entirely (`أون` / `إيل`, `سان` / `ان`). Words are compared from the
/// name that comes first by folded name, so the answer does not depend on which of the
/// two is `x`.
fn words_agree(o: &ClusterOptions, x: &Node, y: &Node) -> bool {
    let n = x.words.len();
    if n != y.words.len() || n < 2 {
        return true;
    }
    let (x, y) = if x.key <= y.key { (x, y) } else { (y, x) };
    // agree[i * n + j]: word i of x and word j of y are one word; filled only as needed
    // (most pairs agree word for word in order, so a row or column stops at its first
    // agreement). The answer depends on the table alone, not on the order it is filled in.
    let mut agree: Vec<Option<bool>> = vec![None; n * n];
    let mut words = |i: usize, j: usize| -> bool {
        *agree[i * n + j].get_or_insert_with(|| {
            let (a, pa) = (&x.words[i], &x.word_prepared[i]);
            let (b, pb) = (&y.words[j], &y.word_prepared[j]);
            let sim = compare(pa, pb, o.max_distance);
            let shorter = a.chars().count().min(b.chars().count()) as f32;
            sim.distance.is_finite()
                && sim.explanation.missing_words.is_empty()
                && sim.explanation.other_edits as f32 <= o.max_other_edits_per_letter * shorter
        })
    };
    // Each row, then each column, tried from the word in the same place first.
    let near = |k: usize| (0..n).map(move |d| (k + d) % n);
    (0..n).all(|i| near(i).any(|j| words(i, j))) && (0..n).all(|j| near(j).any(|i| words(i, j)))
}

/// Is one of the two a shorter form of the other: a one-word name equal (up to a vowel, or
/// across scripts) to the first or last word of the other (`بوتين`, `شي`), or a name of
/// several words that begins the other, articles aside (`منظمة شنغهاي`, `حزب الشيوعي` for
/// `الحزب الشيوعي الصيني`)?
fn partial(o: &ClusterOptions, x: &Node, y: &Node) -> bool {
    let (short, full) = if x.words.len() < y.words.len() {
        (x, y)
    } else {
        (y, x)
    };
    if short.words.len() == full.words.len() {
        return false;
    }
    if short.words.len() > 1 {
        let bare = |w: &str| w.strip_prefix(ARTICLE).unwrap_or(w).to_string();
        return short.latin == full.latin
            && short
                .words
                .iter()
                .zip(&full.words)
                .all(|(a, b)| bare(a) == bare(b));
    }
    let (word, prepared) = (&short.words[0], &short.word_prepared[0]);
    let last = full.words.len() - 1;
    [0, last].into_iter().any(|e| {
        let end = &full.words[e];
        if short.latin != full.latin {
            cross_script(short.latin, word, end) >= o.min_cross_script
        } else if word == end {
            true
        } else {
            // Most ends are far: the distance alone says so before the edits are aligned.
            let end = &full.word_prepared[e];
            word.chars().count() >= 4
                && is_within(prepared, end, 0.3)
                && compare(prepared, end, 0.3).distance <= 0.3
        }
    })
}

/// The cross-script similarity of `a` and `b`, one Latin and one Arabic (`a_latin` says
/// which).
fn cross_script(a_latin: bool, a: &str, b: &str) -> f32 {
    let (latin, arabic) = if a_latin { (a, b) } else { (b, a) };
    XScriptScorer::new(latin).score(arabic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(name: &str) -> Node {
        Node::new(name, crate::keys::word_keys(name))
    }

    /// `link` of two names, both ways: the two must agree.
    fn linked(a: &str, b: &str) -> Option<f32> {
        let o = ClusterOptions::default();
        let (x, y) = (node(a), node(b));
        let (xy, yx) = (link(&o, &x, &y), link(&o, &y, &x));
        assert_eq!(
            xy, yx,
            "help: {a} / {b} judged differently in the two orders"
        );
        xy
    }

    macro_rules! links {
        ($($a:literal ~ $b:literal => $want:ident),* $(,)?) => {$(
            let got = linked($a, $b);
            let kind = match got {
                None => "none",
                Some(PARTIAL) => "partial",
                Some(_) => "full",
            };
            assert_eq!(kind, stringify!($want), "help: {} / {}: {:?}", $a, $b, got);
        )*};
    }

    #[test]
    fn pairs_are_judged_alike_both_ways() {
        links! {
            "ماسود بيزِشكيان" ~ "مسعود بزشكيان" => full,
            "خُوريلسوخ أوخنا" ~ "أوخنا خورلسوخ" => full,
            "بوتين" ~ "فلاديمير بوتين" => partial,
            "منظمة شنغهاي" ~ "منظمة شنغهاي للتعاون" => partial,
            "كيم جونغ أون" ~ "كيم جونغ إيل" => none,
            "IAEA" ~ "IEA" => none,
            // A word of one has no counterpart in the other (`سان` / `ان`): judged from
            // either end, not full names of one person.
            "أون سان سو تشي" ~ "أون ان سو تشي" => none,
        }
    }
}
