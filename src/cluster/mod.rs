//! Reconciliation across documents: names (or mentions) from many texts grouped into
//! canonical entities, including names no gazetteer knows.
//!
//! ```
//! use tawfiq::cluster::Clusterer;
//!
//! // With no gazetteer: the spellings of a name tawfiq has never seen come together.
//! let mut c = Clusterer::new(None);
//! for name in ["ماسود بيزِشكيان", "مسعود بزشكيان", "مسعود بزشكيان", "بزشكيان", "مسعود بارزاني"] {
//!     c.add(name);
//! }
//! let clusters = c.clusters();
//! assert_eq!(clusters.len(), 2);
//! let p = clusters.iter().find(|k| k.canonical == "مسعود بزشكيان").unwrap();
//! assert_eq!(p.members.len(), 3); // the surname alone joined the full name
//! assert_eq!(p.count, 4);
//! ```
//!
//! # How
//!
//! 1. Names are counted by their exact spelling; spellings with the same folded words
//!    ([`crate::keys::word_keys`]) are one *node*. Memory grows with distinct names, not with
//!    the input.
//! 2. With a [`Matcher`], every node is resolved first ([`Matcher::resolve`]); nodes linked to
//!    one entity belong together, nodes linked to different entities never do.
//! 3. The other pairs are found by blocking: nodes that share a consonant-skeleton key, a
//!    word skeleton or a cross-script key ([`crate::keys`], each with its one-deletion
//!    neighbourhood) are compared with [`crate::score`] (same script) or
//!    [`crate::translit`] (Latin against Arabic).
//! 4. Merging is agglomerative, closest pair first, and *complete*: two groups merge only
//!    when every member of one is compatible with every member of the other, so a chain of
//!    near neighbours (`سمارا` ~ `سامراء` ~ `سامرا`…) cannot join two different names.
//! 5. A one-word name that is the first or last word of full names (`بوتين`, `شي`,
//!    `Gabouev`) then joins the full name's group, but only when exactly one group claims
//!    it: a surname shared by two people stays on its own.
//! 6. The canonical label is the gazetteer's Arabic name when the group is linked, else the
//!    most frequent well-formed full spelling.
//!
//! The result depends only on the multiset of names, never on their order (ties are broken
//! by the folded spellings). Adding names later ([`Clusterer::add`] then
//! [`Clusterer::clusters`]) re-clusters only the groups the new names can reach, with the
//! same result as clustering everything at once, except where a block has since grown past
//! [`ClusterOptions::max_block`]: pairs found through it before stay found.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use crate::clitic::ARTICLE;
use crate::gazetteer::EntityKind;
use crate::index::EntityIdx;
use crate::keys::xkey::xkey;
use crate::keys::{BLOCK_WHOLE, BLOCK_XKEY, block_hash, skeleton, with_deletions, word_keys};
use crate::normalize::{Level, normalize};
use crate::score::{Consonants, Prepared, compare, is_descriptor, min_full_price_edits};
use crate::translit::XScriptScorer;
use crate::{Matcher, resolve::PassThrough};

/// The settings of a clustering. The defaults were chosen on the even-numbered half of the
/// GeoNames spelling pool and are reported on the odd half (see `tests/cluster.rs`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClusterOptions {
    /// Two names are compatible when their distance ([`crate::score`]) is at most this …
    pub max_distance: f32,
    /// … and at most this much per letter of the shorter name (one edit in a short name
    /// is a different name more often than in a long one).
    pub max_distance_per_letter: f32,
    /// … and with at most this many edits that are not cheap (not a long vowel, hamza,
    /// confusable consonant or transposition) per letter of the shorter name: `كيم جونغ أون`
    /// and `كيم جونغ إيل` are one cheap and one full edit apart, and two people.
    pub max_other_edits_per_letter: f32,
    /// A Latin and an Arabic name are compatible when their cross-script similarity
    /// ([`crate::translit`]) reaches this.
    pub min_cross_script: f32,
    /// A name is linked to a gazetteer entity when its resolution scores at least this.
    pub link_threshold: f32,
    /// Blocks larger than this are not used to find pairs (a skeleton shared by thousands
    /// of names says little and would cost a quadratic number of comparisons).
    pub max_block: usize,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            max_distance: 2.0,
            max_distance_per_letter: 0.2,
            max_other_edits_per_letter: 0.15,
            min_cross_script: 0.85,
            link_threshold: 0.8,
            max_block: 200,
        }
    }
}

/// A group of names judged to be one entity.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cluster {
    /// The label of the group: the gazetteer's Arabic name when linked, else its most
    /// frequent well-formed full spelling.
    pub canonical: String,
    /// The gazetteer entity the group was linked to, if any.
    pub entity: Option<ClusterEntity>,
    /// The spellings in the group, most frequent first.
    pub members: Vec<Member>,
    /// How many names of the input the group holds.
    pub count: u64,
}

/// The gazetteer entity of a [`Cluster`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClusterEntity {
    /// The entity's id.
    pub id: String,
    /// Person, place or organisation.
    pub kind: EntityKind,
    /// Canonical Arabic name.
    pub name_ar: String,
    /// Canonical English name.
    pub name_en: String,
}

/// One spelling in a [`Cluster`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Member {
    /// The spelling as it was given (trimmed).
    pub name: String,
    /// How many times it was given.
    pub count: u64,
}

/// How good a label a spelling makes: (is a shorter form, is not well formed, count);
/// lower is better.
type LabelRank = (bool, bool, std::cmp::Reverse<u64>);

/// One distinct folded name.
#[derive(Debug)]
struct Node {
    /// The folded words joined by spaces: the identity of the node.
    key: String,
    /// Spellings as given, with their counts.
    spellings: BTreeMap<String, u64>,
    prepared: Prepared,
    words: Vec<String>,
    /// Each word prepared on its own, for the word-by-word checks.
    word_prepared: Vec<Prepared>,
    consonants: Consonants,
    latin: bool,
    letters: usize,
    /// Index of the linked entity in the matcher's index, if any.
    entity: Option<EntityIdx>,
}

type Blocks = HashMap<u64, Vec<u32>, std::hash::BuildHasherDefault<PassThrough>>;

/// Clusters names incrementally; see the module documentation.
#[derive(Debug)]
pub struct Clusterer<'m> {
    matcher: Option<&'m Matcher>,
    options: ClusterOptions,
    nodes: Vec<Node>,
    by_key: HashMap<String, u32>,
    blocks: Blocks,
    /// Compatible pairs found by blocking: `(other node, distance)`; partial links have a
    /// negative distance.
    edges: Vec<Vec<(u32, f32)>>,
    /// Nodes added since the last clustering.
    dirty: Vec<u32>,
    /// The group of every node (an index into `groups`), as of the last clustering.
    group_of: Vec<u32>,
    groups: Vec<Vec<u32>>,
}

/// A compatible pair found by blocking: `(new node, other node, distance)`.
type Pair = (u32, u32, f32);

/// A partial link (a one-word name inside a full name) in `Clusterer::edges`.
const PARTIAL: f32 = -1.0;

impl<'m> Clusterer<'m> {
    /// A clusterer with default options; `matcher` links names to its gazetteer first
    /// (pass `None` to cluster on spelling alone).
    pub fn new(matcher: Option<&'m Matcher>) -> Clusterer<'m> {
        Clusterer::with_options(matcher, ClusterOptions::default())
    }

    /// A clusterer with the given options.
    pub fn with_options(matcher: Option<&'m Matcher>, options: ClusterOptions) -> Clusterer<'m> {
        Clusterer {
            matcher,
            options,
            nodes: Vec::new(),
            by_key: HashMap::new(),
            blocks: Blocks::default(),
            edges: Vec::new(),
            dirty: Vec::new(),
            group_of: Vec::new(),
            groups: Vec::new(),
        }
    }

    /// Adds one occurrence of `name`. Names with no letters are ignored.
    pub fn add(&mut self, name: &str) {
        self.add_count(name, 1);
    }

    /// Adds `count` occurrences of `name`.
    pub fn add_count(&mut self, name: &str, count: u64) {
        let name = name.trim();
        if count == 0 {
            return;
        }
        let words = word_keys(name);
        if words.is_empty() {
            return;
        }
        let key = words.join(" ");
        if let Some(&n) = self.by_key.get(&key) {
            // Counts saturate rather than overflow (a caller may pass `u64::MAX`).
            let total = self.nodes[n as usize]
                .spellings
                .entry(name.to_string())
                .or_default();
            *total = total.saturating_add(count);
            return;
        }
        let id = self.nodes.len() as u32;
        let latin = key.bytes().any(|b| b.is_ascii_alphabetic());
        let entity = self.matcher.and_then(|m| {
            let r = m.resolve(name);
            let best = r.best.filter(|b| b.score >= self.options.link_threshold)?;
            m.inner.index.by_id(&best.entity.id)
        });
        let prepared = Prepared::new(&key).written_as(name);
        let node = Node {
            letters: words.iter().map(|w| w.chars().count()).sum(),
            consonants: Consonants::of(&prepared),
            prepared,
            word_prepared: words.iter().map(|w| Prepared::new(w)).collect(),
            spellings: BTreeMap::from([(name.to_string(), count)]),
            words,
            latin,
            key: key.clone(),
            entity,
        };
        self.nodes.push(node);
        self.by_key.insert(key, id);
        self.edges.push(Vec::new());
        self.group_of.push(u32::MAX);
        // Pairs are found when clustering, once every block's size is known.
        for (k, _) in node_block_keys(&self.nodes[id as usize]) {
            self.blocks.entry(k).or_default().push(id);
        }
        self.dirty.push(id);
    }

    /// Finds the compatible pairs of the new nodes: with every node sharing a block of at
    /// most `max_block` nodes, under the block kind's condition. Pairs are scored on all
    /// cores (they are independent), then recorded in the order of `dirty`, so the result
    /// does not depend on the number of threads.
    fn pair_new(&mut self, dirty: &[u32]) {
        let is_dirty: HashSet<u32> = dirty.iter().copied().collect();
        // Small pieces taken in turn keep the threads equally busy (later nodes have more
        // earlier ones to pair with); below a few thousand names a thread costs more than
        // it saves.
        const PIECE: usize = 256;
        let this = &*self;
        let found: Vec<Vec<Pair>> = if dirty.len() < 8 * PIECE {
            vec![this.pairs_of(dirty, &is_dirty)]
        } else {
            crate::parallel::map_pieces(dirty, PIECE, |part| this.pairs_of(part, &is_dirty))
        };
        for (id, other, d) in found.into_iter().flatten() {
            self.edges[id as usize].push((other, d));
            self.edges[other as usize].push((id, d));
        }
    }

    /// The compatible pairs `(new node, other node, distance)` of the nodes of `part`.
    fn pairs_of(&self, part: &[u32], is_dirty: &HashSet<u32>) -> Vec<Pair> {
        let mut found = Vec::new();
        let mut others: Vec<u32> = Vec::new();
        for &id in part {
            let node = &self.nodes[id as usize];
            others.clear();
            for (k, kind) in node_block_keys(node) {
                let Some(block) = self.blocks.get(&k) else {
                    continue;
                };
                if block.len() > self.options.max_block {
                    continue;
                }
                for &o in block {
                    // A pair of new nodes is looked at once, from its larger id.
                    if o == id || (o > id && is_dirty.contains(&o)) {
                        continue;
                    }
                    let other = &self.nodes[o as usize];
                    let wanted = match kind {
                        KeyKind::Whole => true,
                        KeyKind::WordEnd => (node.words.len() == 1) != (other.words.len() == 1),
                        KeyKind::Prefix => node.words.len() != other.words.len(),
                        KeyKind::Cross => node.latin != other.latin,
                    };
                    if wanted {
                        others.push(o);
                    }
                }
            }
            others.sort_unstable();
            others.dedup();
            for &other in &others {
                if let Some(d) = self.link(id, other) {
                    found.push((id, other, d));
                }
            }
        }
        found
    }

    /// Adds every name of `names`.
    pub fn extend<'a>(&mut self, names: impl IntoIterator<Item = &'a str>) {
        for n in names {
            self.add(n);
        }
    }

    /// Number of distinct folded names held.
    pub fn distinct(&self) -> usize {
        self.nodes.len()
    }

    /// The distance of two nodes when they are compatible as full names, `PARTIAL` when one
    /// is a word of the other, else `None`.
    fn link(&self, a: u32, b: u32) -> Option<f32> {
        let (x, y) = (&self.nodes[a as usize], &self.nodes[b as usize]);
        if let (Some(ex), Some(ey)) = (x.entity, y.entity) {
            return (ex == ey).then_some(0.0);
        }
        if let Some(d) = self.distance(x, y) {
            return Some(d);
        }
        self.partial(x, y).then_some(PARTIAL)
    }

    /// The distance of two full names when within the options' limits.
    fn distance(&self, x: &Node, y: &Node) -> Option<f32> {
        let o = &self.options;
        if x.latin != y.latin {
            let s = cross_script(x.latin, &x.key, &y.key);
            return (s >= o.min_cross_script).then_some(o.max_distance * (1.0 - s));
        }
        let limit = o
            .max_distance
            .min(o.max_distance_per_letter * x.letters.min(y.letters) as f32);
        let shorter = x.letters.min(y.letters) as f32;
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
                && self.words_agree(x, y)
                && e.extra_words
                    .iter()
                    .chain(&e.missing_words)
                    .all(|w| is_descriptor(w))
        };
        let (xy, yx) = (
            compare(&x.prepared, &y.prepared, limit),
            compare(&y.prepared, &x.prepared, limit),
        );
        [xy, yx]
            .into_iter()
            .filter(allowed)
            .map(|s| s.distance)
            .reduce(f32::min)
    }

    /// For names of as many words, each word of `x` has a word of `y` within the
    /// full-price-edit allowance of its own length: the allowance of a whole name would let
    /// a short word change entirely (`أون` / `إيل`).
    fn words_agree(&self, x: &Node, y: &Node) -> bool {
        if x.words.len() != y.words.len() || x.words.len() < 2 {
            return true;
        }
        x.words.iter().zip(&x.word_prepared).all(|(a, pa)| {
            y.words.iter().zip(&y.word_prepared).any(|(b, pb)| {
                let sim = compare(pa, pb, self.options.max_distance);
                let shorter = a.chars().count().min(b.chars().count()) as f32;
                sim.distance.is_finite()
                    && sim.explanation.missing_words.is_empty()
                    && sim.explanation.other_edits as f32
                        <= self.options.max_other_edits_per_letter * shorter
            })
        })
    }

    /// Is one of the two a shorter form of the other: a one-word name equal (up to a
    /// vowel, or across scripts) to the first or last word of the other (`بوتين`, `شي`), or
    /// a name of several words that begins the other, articles aside (`منظمة شنغهاي`,
    /// `حزب الشيوعي` for `الحزب الشيوعي الصيني`)?
    fn partial(&self, x: &Node, y: &Node) -> bool {
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
                cross_script(short.latin, word, end) >= self.options.min_cross_script
            } else if word == end {
                true
            } else {
                word.chars().count() >= 4
                    && compare(prepared, &full.word_prepared[e], 0.3).distance <= 0.3
            }
        })
    }

    /// Are two nodes compatible (as full names, or as a partial name of the other)?
    fn compatible(&self, a: u32, b: u32, cache: &mut HashMap<(u32, u32), bool>) -> bool {
        let k = (a.min(b), a.max(b));
        if let Some(&c) = cache.get(&k) {
            return c;
        }
        let c = self.edges[a as usize].iter().any(|&(o, _)| o == b) || self.link(a, b).is_some();
        cache.insert(k, c);
        c
    }

    /// The clusters of every name added so far, in a deterministic order (largest first,
    /// then by canonical label).
    pub fn clusters(&mut self) -> Vec<Cluster> {
        self.update();
        let mut out: Vec<Cluster> = self
            .groups
            .iter()
            .filter(|g| !g.is_empty())
            .map(|g| self.cluster(g))
            .collect();
        out.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| a.canonical.cmp(&b.canonical))
                .then_with(|| a.members[0].name.cmp(&b.members[0].name))
        });
        out
    }

    /// Re-clusters the connected components (through compatible pairs) that hold new nodes.
    fn update(&mut self) {
        if self.dirty.is_empty() {
            return;
        }
        let mut in_component = vec![false; self.nodes.len()];
        let dirty = std::mem::take(&mut self.dirty);
        self.pair_new(&dirty);
        for start in dirty {
            if in_component[start as usize] {
                continue;
            }
            let mut component = vec![start];
            in_component[start as usize] = true;
            let mut i = 0;
            while i < component.len() {
                let n = component[i] as usize;
                for &(o, _) in &self.edges[n] {
                    if !in_component[o as usize] {
                        in_component[o as usize] = true;
                        component.push(o);
                    }
                }
                i += 1;
            }
            // Groups of the component's old nodes are dissolved and rebuilt.
            for &n in &component {
                let g = self.group_of[n as usize];
                if g != u32::MAX {
                    self.groups[g as usize].clear();
                }
            }
            for group in self.agglomerate(component) {
                let id = self.groups.len() as u32;
                for &n in &group {
                    self.group_of[n as usize] = id;
                }
                self.groups.push(group);
            }
        }
        // Keep `groups` from growing without bound under many small updates.
        if self.groups.iter().filter(|g| g.is_empty()).count() > self.nodes.len() {
            let groups: Vec<Vec<u32>> = std::mem::take(&mut self.groups)
                .into_iter()
                .filter(|g| !g.is_empty())
                .collect();
            for (id, g) in groups.iter().enumerate() {
                for &n in g {
                    self.group_of[n as usize] = id as u32;
                }
            }
            self.groups = groups;
        }
    }

    /// Complete-linkage agglomeration of one component, then the partial names.
    fn agglomerate(&self, mut component: Vec<u32>) -> Vec<Vec<u32>> {
        // Order by folded spelling: the result must not depend on the input order.
        component.sort_by(|&a, &b| self.nodes[a as usize].key.cmp(&self.nodes[b as usize].key));
        let rank: HashMap<u32, usize> =
            component.iter().enumerate().map(|(i, &n)| (n, i)).collect();
        let mut edges: Vec<(f32, usize, usize)> = Vec::new();
        let mut partials: Vec<(usize, usize)> = Vec::new();
        for (i, &n) in component.iter().enumerate() {
            for &(o, d) in &self.edges[n as usize] {
                let j = rank[&o];
                if i < j {
                    if d == PARTIAL {
                        partials.push((i, j));
                    } else {
                        edges.push((d, i, j));
                    }
                }
            }
        }
        edges.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut owner: Vec<usize> = (0..component.len()).collect();
        let mut groups: Vec<Vec<usize>> = (0..component.len()).map(|i| vec![i]).collect();
        let mut cache = HashMap::new();
        let full_compatible = |x: usize, y: usize, cache: &mut HashMap<(u32, u32), bool>| {
            let (a, b) = (component[x], component[y]);
            self.full_compatible(a, b, cache)
        };
        for (_, i, j) in edges {
            let (gi, gj) = (owner[i], owner[j]);
            if gi == gj {
                continue;
            }
            let ok = groups[gi].iter().all(|&x| {
                groups[gj]
                    .iter()
                    .all(|&y| full_compatible(x, y, &mut cache))
            });
            if ok {
                let moved = std::mem::take(&mut groups[gj]);
                for &x in &moved {
                    owner[x] = gi;
                }
                groups[gi].extend(moved);
            }
        }
        // Shorter forms: a group of shorter names joins the one group of longer names that
        // claims it, if exactly one does.
        let words = |g: &Vec<usize>| {
            g.iter()
                .map(|&x| self.nodes[component[x] as usize].words.len())
                .max()
                .unwrap_or(0)
        };
        let mut claims: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (i, j) in partials {
            let (gi, gj) = (owner[i], owner[j]);
            let (short, full) = if words(&groups[gi]) < words(&groups[gj]) {
                (gi, gj)
            } else {
                (gj, gi)
            };
            if words(&groups[short]) < words(&groups[full]) {
                let c = claims.entry(short).or_default();
                if !c.contains(&full) {
                    c.push(full);
                }
            }
        }
        let mut joins: Vec<(usize, usize)> = Vec::new();
        for (short, fulls) in claims {
            if let [full] = fulls[..] {
                let ok = groups[short].iter().all(|&x| {
                    groups[full].iter().all(|&y| {
                        let (a, b) = (component[x], component[y]);
                        self.compatible(a, b, &mut cache)
                    })
                });
                if ok {
                    joins.push((short, full));
                }
            }
        }
        for (short, full) in joins {
            let moved = std::mem::take(&mut groups[short]);
            groups[full].extend(moved);
        }
        groups
            .into_iter()
            .filter(|g| !g.is_empty())
            .map(|g| g.into_iter().map(|x| component[x]).collect())
            .collect()
    }

    /// Compatible as full names (a partial link does not count).
    fn full_compatible(&self, a: u32, b: u32, cache: &mut HashMap<(u32, u32), bool>) -> bool {
        let k = (a.min(b) | 1 << 31, a.max(b));
        if let Some(&c) = cache.get(&k) {
            return c;
        }
        let c = match self.edges[a as usize].iter().find(|&&(o, _)| o == b) {
            Some(&(_, d)) => d != PARTIAL,
            None => self.link(a, b).is_some_and(|d| d != PARTIAL),
        };
        cache.insert(k, c);
        c
    }

    /// The public form of a group of nodes.
    fn cluster(&self, group: &[u32]) -> Cluster {
        let mut members: Vec<Member> = Vec::new();
        // (is a shorter form, is not well formed, count): lower is better.
        let mut best: Option<(LabelRank, &str)> = None;
        let longest = group
            .iter()
            .map(|&n| self.nodes[n as usize].words.len())
            .max()
            .unwrap_or(0);
        let mut entity = None;
        for &n in group {
            let node = &self.nodes[n as usize];
            entity = entity.or(node.entity);
            for (name, &count) in &node.spellings {
                members.push(Member {
                    name: name.clone(),
                    count,
                });
                let well_formed = normalize(name, Level::Bare) == name.as_str();
                let rank = (
                    node.words.len() < longest,
                    !well_formed,
                    std::cmp::Reverse(count),
                );
                if best.is_none_or(|(r, b)| (rank, name.as_str()) < (r, b)) {
                    best = Some((rank, name));
                }
            }
        }
        members.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        let count = members
            .iter()
            .fold(0u64, |total, m| total.saturating_add(m.count));
        let entity = entity.and_then(|i| {
            let e = self.matcher?.inner.index.entity(i);
            Some(ClusterEntity {
                id: e.id.to_string(),
                kind: e.kind,
                name_ar: e.name_ar.to_string(),
                name_en: e.name_en.to_string(),
            })
        });
        let canonical = match &entity {
            Some(e) if !e.name_ar.is_empty() => e.name_ar.clone(),
            _ => best.map(|(_, n)| n.to_string()).unwrap_or_default(),
        };
        Cluster {
            canonical,
            entity,
            members,
            count,
        }
    }

    /// The groups no gazetteer entity was linked to, as rows of a user gazetteer (the TSV
    /// format of [`crate::Gazetteer::from_tsv_str`]) for a person to review and adopt: one
    /// row per spelling, the canonical label in `name_ar`, ids `new:1`, `new:2`… in the
    /// order of [`Clusterer::clusters`], and `kind` as given (the clusterer cannot tell a
    /// person from a place).
    pub fn new_entities_tsv(&mut self, kind: EntityKind) -> String {
        let kind = match kind {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organisation => "organisation",
        };
        let mut out = String::from("id\tkind\tname\tname_ar\n");
        let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
        for (i, c) in self
            .clusters()
            .iter()
            .filter(|c| c.entity.is_none())
            .enumerate()
        {
            for m in &c.members {
                out.push_str(&format!(
                    "new:{}\t{kind}\t{}\t{}\n",
                    i + 1,
                    clean(&m.name),
                    clean(&c.canonical)
                ));
            }
        }
        out
    }
}

/// The cross-script similarity of `a` and `b`, one Latin and one Arabic (`a_latin` says
/// which).
fn cross_script(a_latin: bool, a: &str, b: &str) -> f32 {
    let (latin, arabic) = if a_latin { (a, b) } else { (b, a) };
    XScriptScorer::new(latin).score(arabic)
}

/// What a blocking key pairs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum KeyKind {
    /// Whole-name skeletons: any two names.
    Whole,
    /// The skeleton of a one-word name, or of the first or last word of a longer one: a
    /// one-word name with a longer name (`بوتين`, `فلاديمير بوتين`).
    WordEnd,
    /// The first two words, articles aside: names of different lengths (`منظمة شنغهاي`,
    /// `منظمة شنغهاي للتعاون`).
    Prefix,
    /// Cross-script keys: a Latin name with an Arabic one.
    Cross,
}

/// Salts of the block hashes of the kinds [`crate::keys`] does not define.
const BLOCK_WORD_END: u8 = 11;
const BLOCK_PREFIX: u8 = 12;
const BLOCK_SORTED: u8 = 13;

/// The blocking keys of a node, with what each may pair (see [`KeyKind`]). Deletion
/// neighbourhoods (one edit forgiven) are taken for whole skeletons of three letters or more
/// and for cross-script keys; word keys are exact, since a word's blocks are large.
fn node_block_keys(node: &Node) -> Vec<(u64, KeyKind)> {
    let skeletons: Vec<String> = node.words.iter().map(|w| skeleton(w)).collect();
    let whole: String = skeletons.concat();
    let mut keys = Vec::new();
    if whole.chars().count() >= 3 {
        with_deletions(&whole, |d| {
            keys.push((block_hash(BLOCK_WHOLE, d), KeyKind::Whole))
        });
    } else if !whole.is_empty() {
        keys.push((block_hash(BLOCK_WHOLE, &whole), KeyKind::Whole));
    }
    if skeletons.len() > 1 {
        // Words in another order (`خوريلسوخ أوخنا` / `أوخنا خورلسوخ`).
        let mut sorted = skeletons.clone();
        sorted.sort();
        let sorted = sorted.concat();
        if sorted.chars().count() >= 3 {
            with_deletions(&sorted, |d| {
                keys.push((block_hash(BLOCK_SORTED, d), KeyKind::Whole))
            });
        }
    }
    let mut ends = vec![skeletons.first(), skeletons.last()];
    ends.dedup();
    for s in ends.into_iter().flatten().filter(|s| !s.is_empty()) {
        keys.push((block_hash(BLOCK_WORD_END, s), KeyKind::WordEnd));
    }
    if node.words.len() >= 2 {
        let bare = |w: &str| skeleton(w.strip_prefix(ARTICLE).unwrap_or(w));
        let prefix = format!("{} {}", bare(&node.words[0]), bare(&node.words[1]));
        keys.push((block_hash(BLOCK_PREFIX, &prefix), KeyKind::Prefix));
    }
    let x = xkey(&node.key);
    if x.chars().count() >= 2 {
        with_deletions(&x, |d| {
            keys.push((block_hash(BLOCK_XKEY, d), KeyKind::Cross))
        });
    }
    if node.words.len() > 1 {
        // A one-word Latin surname meets an Arabic full name through its end words' keys.
        let mut ends = vec![node.words.first(), node.words.last()];
        ends.dedup();
        for w in ends.into_iter().flatten() {
            let x = xkey(w);
            if x.chars().count() >= 2 {
                keys.push((block_hash(BLOCK_XKEY, &x), KeyKind::Cross));
            }
        }
    }
    keys.sort_unstable_by_key(|k| k.0);
    keys.dedup_by_key(|k| k.0);
    keys
}

/// Clusters `names` (see the module documentation); `matcher` links them to its gazetteer
/// first. The same as adding every name to a [`Clusterer`] and asking for its clusters.
pub fn cluster<'a>(
    names: impl IntoIterator<Item = &'a str>,
    matcher: Option<&Matcher>,
) -> Vec<Cluster> {
    let mut c = Clusterer::new(matcher);
    c.extend(names);
    c.clusters()
}
