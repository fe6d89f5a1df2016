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
//! 2. With a [`Matcher`], every distinct spelling is resolved ([`Matcher::resolve`]), once,
//!    on all cores (see [`Clusterer::threads`]). A node is linked to the entity of its best-scored spelling that reaches
//!    [`ClusterOptions::link_threshold`] (`كوندي` reaches Alpha Condé where `كوندى` reaches
//!    nothing: the node of both is linked, whichever came first). Nodes linked to one
//!    entity are compatible, nodes linked to different entities never are.
//! 3. The pairs to compare are found by blocking (`cluster/blocks.rs`): nodes that share a
//!    consonant-skeleton key, a word skeleton or a cross-script key ([`crate::keys`], each
//!    with its one-deletion neighbourhood), all pairs of a block of at most
//!    [`ClusterOptions::max_block`] nodes and a band of neighbours in canonical order in a
//!    larger one, are compared with [`crate::score`] (same script) or [`crate::translit`]
//!    (Latin against Arabic), by tests symmetric in the two names.
//! 4. Merging is agglomerative, closest pair first, and *complete*: two groups merge only
//!    when every member of one is compatible with every member of the other, so a chain of
//!    near neighbours (`سمارا` ~ `سامراء` ~ `سامرا`…) cannot join two different names.
//! 5. A one-word name that is the first or last word of full names (`بوتين`, `شي`,
//!    `Gabouev`) then joins the full name's group, but only when exactly one group claims
//!    it: a surname shared by two people stays on its own.
//! 6. The canonical label is the gazetteer's Arabic name when the group is linked, else the
//!    most frequent well-formed full spelling (ties: the smallest spelling).
//!
//! # Order
//!
//! The clusters are a function of the multiset of names given: any order of the same
//! names, and any way of cutting them into [`Clusterer::add`] calls between
//! [`Clusterer::clusters`] calls, gives the same clusters (the `order_does_not_matter`
//! properties in `tests/cluster.rs` check it on random sets of near-identical spellings,
//! with blocks past `max_block`). By construction:
//!
//! - what decides about a node (its link, whether it is an acronym) is taken from all its
//!   spellings, and is decided again when a new spelling comes;
//! - whether two nodes are compared depends only on the blocks' members, held in canonical
//!   order (by folded name; folded names are unique); when new names shift a block's bands,
//!   the nodes whose band changed are compared again, and the pairs they lost are dropped;
//! - the tests of a pair are symmetric, and merging takes pairs in canonical order
//!   (distance, then the two names' places by folded name);
//! - only the connected components that new or re-compared nodes reach are clustered again,
//!   and a component's groups depend on nothing but the component.

mod blocks;
mod link;
mod merge;
mod reconcile;

pub use reconcile::{
    CorpusEntity, CorpusMention, NewEntity, Reconciler, Reconciliation, stable_id,
};

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::Matcher;
use crate::gazetteer::EntityKind;
use crate::index::EntityIdx;
use crate::keys::word_keys;
use crate::normalize::{Level, normalize};
use crate::score::{Consonants, Prepared};

use blocks::{Blocks, block_keys};
use link::link;
use merge::{Edges, Merge};

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
    /// Every pair of names sharing a block of at most this many names is compared; in a
    /// larger block, a name is compared with the `max_block / 2` names on either side of it
    /// in the block's canonical order (by folded name). A skeleton shared by thousands of
    /// names says little, and comparing them all would cost a quadratic number of
    /// comparisons; so a name costs at most `max_block` comparisons per block however large
    /// the block grows, and still meets the spellings that sort beside it.
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

/// What the gazetteer said of one spelling.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Resolved {
    /// Not asked yet: asked at the next clustering, with every other new spelling.
    Pending,
    /// No entity reaches the link threshold (or there is no gazetteer).
    Unlinked,
    /// The entity and its resolution score.
    Linked(EntityIdx, f32),
}

/// One spelling of a node.
#[derive(Clone, Debug)]
struct Spelling {
    count: u64,
    resolved: Resolved,
}

/// One distinct folded name.
#[derive(Debug)]
struct Node {
    /// The folded words joined by spaces: the identity of the node, and its place in the
    /// canonical order.
    key: String,
    /// Spellings as given, with their counts and resolutions.
    spellings: BTreeMap<String, Spelling>,
    /// Prepared from the folded words; an acronym when any spelling is written as one.
    prepared: Prepared,
    words: Vec<String>,
    /// Each word prepared on its own, for the word-by-word checks.
    word_prepared: Vec<Prepared>,
    consonants: Consonants,
    latin: bool,
    letters: usize,
    /// Index of the linked entity in the matcher's index, if any (see [`Node::decide`]).
    entity: Option<EntityIdx>,
}

impl Node {
    /// A node for the folded `words` of `name`, with no spelling counted yet.
    fn new(name: &str, words: Vec<String>) -> Node {
        let key = words.join(" ");
        let prepared = Prepared::new(&key).written_as(name);
        Node {
            letters: words.iter().map(|w| w.chars().count()).sum(),
            consonants: Consonants::of(&prepared),
            prepared,
            word_prepared: words.iter().map(|w| Prepared::new(w)).collect(),
            spellings: BTreeMap::new(),
            latin: key.bytes().any(|b| b.is_ascii_alphabetic()),
            words,
            key,
            entity: None,
        }
    }

    /// The entity of the node from all its spellings: that of its best-scored linked
    /// spelling (ties: the smaller entity index), whatever order they came in.
    fn decide(&self) -> Option<EntityIdx> {
        self.spellings
            .values()
            .filter_map(|s| match s.resolved {
                Resolved::Linked(e, score) => Some((e, score)),
                _ => None,
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(e, _)| e)
    }
}

/// Clusters names incrementally; see the module documentation.
#[derive(Debug)]
pub struct Clusterer<'m> {
    matcher: Option<&'m Matcher>,
    options: ClusterOptions,
    /// The most threads linking and pairing use (0: one per core); see [`Clusterer::threads`].
    threads: usize,
    nodes: Vec<Node>,
    by_key: HashMap<String, u32>,
    blocks: Blocks,
    /// Compatible pairs found by blocking.
    edges: Edges,
    /// Nodes `settled..` were added since the last clustering.
    settled: usize,
    /// Older nodes given a new spelling since the last clustering: their link may change.
    respelled: Vec<u32>,
    /// Older nodes whose acronym flag changed with a new spelling: to compare again.
    reshaped: Vec<u32>,
    /// The group of every node (an index into `groups`), as of the last clustering.
    group_of: Vec<u32>,
    groups: Vec<Vec<u32>>,
}

/// A compatible pair found by blocking: `(node, other node, distance)`.
type Pair = (u32, u32, f32);

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
            threads: matcher.map_or(0, Matcher::threads),
            nodes: Vec::new(),
            by_key: HashMap::new(),
            blocks: Blocks::default(),
            edges: Vec::new(),
            settled: 0,
            respelled: Vec::new(),
            reshaped: Vec::new(),
            group_of: Vec::new(),
            groups: Vec::new(),
        }
    }

    /// Caps the threads that clustering uses to link names and compare them (0: one per
    /// available core). The default is the matcher's cap
    /// ([`MatcherBuilder::threads`](crate::MatcherBuilder::threads)), or 0 without a
    /// matcher. The clusters are the same whatever the cap.
    pub fn threads(&mut self, threads: usize) -> &mut Clusterer<'m> {
        self.threads = threads;
        self
    }

    /// Adds one occurrence of `name`. Names with no letters are ignored, and so are names
    /// longer than [`Matcher::MAX_NAME_BYTES`] bytes or of more than
    /// [`Matcher::MAX_NAME_WORDS`] words (a paragraph or a broken input line, not a name: it
    /// would cost time and memory in proportion to its length and cluster with nothing).
    pub fn add(&mut self, name: &str) {
        self.add_count(name, 1);
    }

    /// Adds `count` occurrences of `name` (ignored as [`Clusterer::add`] says).
    pub fn add_count(&mut self, name: &str, count: u64) {
        let name = name.trim();
        // Bytes first: a 10 MB line is never split into words.
        if count == 0 || name.len() > Matcher::MAX_NAME_BYTES {
            return;
        }
        let words = word_keys(name);
        if words.is_empty() || words.len() > Matcher::MAX_NAME_WORDS {
            return;
        }
        let key = words.join(" ");
        let id = match self.by_key.get(&key) {
            Some(&n) => n,
            None => {
                let id = self.nodes.len() as u32;
                self.nodes.push(Node::new(name, words));
                self.by_key.insert(key, id);
                self.edges.push(Vec::new());
                self.group_of.push(u32::MAX);
                id
            }
        };
        let old = (id as usize) < self.settled;
        let node = &mut self.nodes[id as usize];
        if let Some(s) = node.spellings.get_mut(name) {
            // Counts saturate rather than overflow (a caller may pass `u64::MAX`).
            s.count = s.count.saturating_add(count);
            return;
        }
        // A new spelling: resolved at the next clustering, and it may make the node an
        // acronym (`ICC` after `Icc`).
        let resolved = match self.matcher {
            Some(_) => Resolved::Pending,
            None => Resolved::Unlinked,
        };
        node.spellings
            .insert(name.to_string(), Spelling { count, resolved });
        let was = node.prepared.is_acronym();
        let prepared = std::mem::replace(&mut node.prepared, Prepared::new(""));
        node.prepared = prepared.written_as(name);
        if old {
            if self.matcher.is_some() {
                self.respelled.push(id);
            }
            if node.prepared.is_acronym() != was {
                self.reshaped.push(id);
            }
        }
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

    /// Brings the groups up to date with the names added since the last clustering: links
    /// the new spellings, files the new nodes in their blocks, compares the new nodes and
    /// the old ones whose link, acronym flag or blocking bands changed, and re-clusters the
    /// connected components they reach.
    fn update(&mut self) {
        let fresh: Vec<u32> = (self.settled as u32..self.nodes.len() as u32).collect();
        if fresh.is_empty() && self.respelled.is_empty() && self.reshaped.is_empty() {
            return;
        }
        self.settled = self.nodes.len();
        let mut stale = std::mem::take(&mut self.reshaped);
        // 1. Links, from every spelling.
        let mut respelled = std::mem::take(&mut self.respelled);
        respelled.sort_unstable();
        respelled.dedup();
        if let Some(m) = self.matcher {
            self.resolve_pending(m, fresh.iter().chain(&respelled).copied());
        }
        for &n in &fresh {
            let node = &mut self.nodes[n as usize];
            node.entity = node.decide();
        }
        for &n in &respelled {
            let node = &mut self.nodes[n as usize];
            let entity = node.decide();
            if entity != node.entity {
                node.entity = entity;
                stale.push(n);
            }
        }
        // 2. Blocks: the new nodes filed, and the old nodes whose bands they shift.
        for &n in &fresh {
            for (k, _) in block_keys(&self.nodes[n as usize].words) {
                self.blocks.insert(k, n);
            }
        }
        let touched = self.blocks.sort(&self.nodes);
        let mut is_fresh = vec![false; self.nodes.len()];
        for &n in &fresh {
            is_fresh[n as usize] = true;
        }
        stale.extend(
            self.blocks
                .shifted(&touched, &is_fresh, self.options.max_block),
        );
        stale.sort_unstable();
        stale.dedup();
        // 3. The stale nodes' pairs are dropped (they are found again below, if still
        //    found); their old partners' components may split, so they are re-clustered too.
        let mut starts: Vec<u32> = fresh.clone();
        for &n in &stale {
            for (o, _) in std::mem::take(&mut self.edges[n as usize]) {
                self.edges[o as usize].retain(|&(x, _)| x != n);
                starts.push(o);
            }
            starts.push(n);
        }
        // 4. Pairs of the new and stale nodes.
        let mut to_pair = fresh;
        to_pair.extend(&stale);
        to_pair.sort_unstable();
        let mut in_pairing = is_fresh;
        for &n in &stale {
            in_pairing[n as usize] = true;
        }
        self.pair(&to_pair, &in_pairing);
        // 5. Components.
        starts.sort_unstable();
        starts.dedup();
        self.recluster(&starts);
    }

    /// Resolves the pending spellings of `nodes` with `m`, on the threads allowed.
    fn resolve_pending(&mut self, m: &Matcher, nodes: impl Iterator<Item = u32>) {
        let todo: Vec<(u32, String)> = nodes
            .flat_map(|n| {
                self.nodes[n as usize]
                    .spellings
                    .iter()
                    .filter(|(_, s)| s.resolved == Resolved::Pending)
                    .map(move |(name, _)| (n, name.clone()))
            })
            .collect();
        let threshold = self.options.link_threshold;
        // A resolution takes milliseconds: small pieces keep the cores busy.
        const PIECE: usize = 4;
        let resolved: Vec<Resolved> =
            crate::parallel::map_pieces(&todo, PIECE, self.threads, |part: &[(u32, String)]| {
                part.iter()
                    .map(|(_, name)| {
                        let r = m.resolve(name);
                        r.best
                            .filter(|b| b.score >= threshold)
                            .and_then(|b| {
                                let e = m.inner.index.by_id(&b.entity.id)?;
                                Some(Resolved::Linked(e, b.score))
                            })
                            .unwrap_or(Resolved::Unlinked)
                    })
                    .collect::<Vec<_>>()
            })
            .into_iter()
            .flatten()
            .collect();
        for ((n, name), r) in todo.into_iter().zip(resolved) {
            if let Some(s) = self.nodes[n as usize].spellings.get_mut(&name) {
                s.resolved = r;
            }
        }
    }

    /// Finds the compatible pairs of the nodes `to_pair` (ascending) with the nodes their
    /// blocks compare them with ([`Blocks::compared_with`]) under the block kind's
    /// condition, and records them.
    /// A pair of two nodes of `to_pair` (`in_pairing`) is looked at once, from its larger
    /// id. Pairs are judged on the threads allowed (they are independent), then recorded in the order
    /// of `to_pair`, so the result does not depend on the number of threads.
    fn pair(&mut self, to_pair: &[u32], in_pairing: &[bool]) {
        // Small pieces taken in turn keep the threads equally busy (later nodes have more
        // earlier ones to pair with); below a few thousand names a thread costs more than
        // it saves.
        const PIECE: usize = 256;
        let this = &*self;
        let found: Vec<Vec<Pair>> = if to_pair.len() < 8 * PIECE {
            vec![this.pairs_of(to_pair, in_pairing)]
        } else {
            crate::parallel::map_pieces(to_pair, PIECE, this.threads, |part| {
                this.pairs_of(part, in_pairing)
            })
        };
        for (id, other, d) in found.into_iter().flatten() {
            self.edges[id as usize].push((other, d));
            self.edges[other as usize].push((id, d));
        }
    }

    /// The compatible pairs `(node, other node, distance)` of the nodes of `part`.
    fn pairs_of(&self, part: &[u32], in_pairing: &[bool]) -> Vec<Pair> {
        let mut found = Vec::new();
        let mut others: Vec<u32> = Vec::new();
        for &id in part {
            let node = &self.nodes[id as usize];
            others.clear();
            for (k, kind) in block_keys(&node.words) {
                for &o in self
                    .blocks
                    .compared_with(k, id, &self.nodes, self.options.max_block)
                {
                    if o == id || (o > id && in_pairing[o as usize]) {
                        continue;
                    }
                    if kind.pairs(node, &self.nodes[o as usize]) {
                        others.push(o);
                    }
                }
            }
            others.sort_unstable();
            others.dedup();
            for &o in &others {
                if let Some(d) = link(&self.options, node, &self.nodes[o as usize]) {
                    found.push((id, o, d));
                }
            }
        }
        found
    }

    /// Re-clusters the connected components (through compatible pairs) of `starts`.
    fn recluster(&mut self, starts: &[u32]) {
        let mut in_component = vec![false; self.nodes.len()];
        for &start in starts {
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
            // Groups of the component's old nodes are dissolved and rebuilt. A group is
            // connected through its own pairs, so it lies within one component unless a
            // stale node's pairs were dropped; then each piece holds a start.
            for &n in &component {
                let g = self.group_of[n as usize];
                if g != u32::MAX {
                    self.groups[g as usize].clear();
                }
            }
            let merge = Merge {
                nodes: &self.nodes,
                edges: &self.edges,
                options: &self.options,
            };
            for group in merge.agglomerate(component) {
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
            for (name, s) in &node.spellings {
                let count = s.count;
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
    /// row per spelling, the canonical label in `name_ar` (or `name_en` when it is Latin),
    /// stable ids ([`stable_id`] of the kind and label: the same names give the same ids
    /// on every run), and `kind` as given (the clusterer cannot tell a person from a
    /// place; [`Reconciler`] takes it from the mentions).
    pub fn new_entities_tsv(&mut self, kind: EntityKind) -> String {
        let mut out = String::from(reconcile::TSV_HEADER);
        for c in self.clusters().iter().filter(|c| c.entity.is_none()) {
            let id = stable_id(kind, &c.canonical);
            let (ar, en) = if crate::resolve::is_latin(&c.canonical) {
                ("", c.canonical.as_str())
            } else {
                (c.canonical.as_str(), "")
            };
            for m in &c.members {
                reconcile::tsv_row(&mut out, &id, kind, &m.name, ar, en);
            }
        }
        out
    }
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
