//! Merging one connected component of compatible pairs into groups: complete linkage,
//! closest pair first, then the shorter forms.
//!
//! Everything here is in canonical order (nodes by folded name, pairs by distance then by
//! the two names' places in that order), so the groups depend only on the component.

use std::collections::{BTreeMap, HashMap};

use super::link::{PARTIAL, link};
use super::{ClusterOptions, Node};

/// The compatible pairs found by blocking, per node: `(other node, distance)`, [`PARTIAL`]
/// for a shorter form.
pub(super) type Edges = Vec<Vec<(u32, f32)>>;

/// Pairs judged so far in one component, by `(smaller, larger)` node and whether a partial
/// link counts: the complete-linkage test asks for the same pair many times.
type Judged = HashMap<(u32, u32, bool), bool>;

/// The nodes, edges and options a merge reads.
pub(super) struct Merge<'a> {
    pub nodes: &'a [Node],
    pub edges: &'a Edges,
    pub options: &'a ClusterOptions,
}

impl Merge<'_> {
    /// Complete-linkage agglomeration of one component, then the shorter forms: groups of
    /// node ids.
    ///
    /// 1. Pairs are taken closest first; two groups merge when every member of one is
    ///    compatible as a full name with every member of the other, so a chain of near
    ///    neighbours (`سمارا` ~ `سامراء` ~ `سامرا`…) cannot join two different names.
    /// 2. A group of shorter names (`بوتين`) joins the group of longer names that claims it
    ///    through a partial link, when exactly one group does and every pair is compatible.
    pub(super) fn agglomerate(&self, mut component: Vec<u32>) -> Vec<Vec<u32>> {
        let nodes = self.nodes;
        component.sort_by(|&a, &b| nodes[a as usize].key.cmp(&nodes[b as usize].key));
        let rank: HashMap<u32, usize> =
            component.iter().enumerate().map(|(i, &n)| (n, i)).collect();
        let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
        let mut partials: Vec<(usize, usize)> = Vec::new();
        for (i, &n) in component.iter().enumerate() {
            for &(o, d) in &self.edges[n as usize] {
                let j = rank[&o];
                if i < j {
                    if d == PARTIAL {
                        partials.push((i, j));
                    } else {
                        pairs.push((d, i, j));
                    }
                }
            }
        }
        pairs.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        partials.sort_unstable();
        let mut owner: Vec<usize> = (0..component.len()).collect();
        let mut groups: Vec<Vec<usize>> = (0..component.len()).map(|i| vec![i]).collect();
        let mut judged = Judged::new();
        let compatible = |x: usize, y: usize, partial_counts: bool, judged: &mut Judged| {
            self.compatible(component[x], component[y], partial_counts, judged)
        };
        for (_, i, j) in pairs {
            let (gi, gj) = (owner[i], owner[j]);
            if gi == gj {
                continue;
            }
            let ok = groups[gi].iter().all(|&x| {
                groups[gj]
                    .iter()
                    .all(|&y| compatible(x, y, false, &mut judged))
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
                .map(|&x| nodes[component[x] as usize].words.len())
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
                    groups[full]
                        .iter()
                        .all(|&y| compatible(x, y, true, &mut judged))
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

    /// Are two nodes compatible: as full names, or (when `partial_counts`) one as a shorter
    /// form of the other? A pair found by blocking is read off its edge; any other is
    /// judged now.
    fn compatible(&self, a: u32, b: u32, partial_counts: bool, judged: &mut Judged) -> bool {
        let k = (a.min(b), a.max(b), partial_counts);
        if let Some(&c) = judged.get(&k) {
            return c;
        }
        let d = match self.edges[a as usize].iter().find(|&&(o, _)| o == b) {
            Some(&(_, d)) => Some(d),
            None => link(
                self.options,
                &self.nodes[a as usize],
                &self.nodes[b as usize],
            ),
        };
        let c = d.is_some_and(|d| partial_counts || d != PARTIAL);
        judged.insert(k, c);
        c
    }
}
