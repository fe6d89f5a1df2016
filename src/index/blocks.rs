//! The blocks of fuzzy resolution: the entities whose blocking keys are within one edit of
//! a query's, from each layer of tables, cached.

use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap;

use super::{EntityIdx, Index};
use crate::keys::with_deletions;
use crate::text::table::TablesRef;

/// What a cached block is of, besides its key: layer, kind, limit.
type BlockOf = (u8, u8, usize);

/// The cached blocks, by what they are of and then by key (looked up by `&str`: a query
/// asks for dozens of blocks, and an owned key for each was an allocation per look-up),
/// and how many entities they hold in all.
#[derive(Default)]
struct Cached {
    blocks: FxHashMap<BlockOf, FxHashMap<Box<str>, Arc<[EntityIdx]>>>,
    entities: usize,
}

/// Blocks worked out before, up to [`BlockCache::CAPACITY`] entities in all (then no more
/// are kept).
#[derive(Default)]
pub(super) struct BlockCache {
    cached: Mutex<Cached>,
}

impl BlockCache {
    /// About 16 MB of entity indices.
    const CAPACITY: usize = 1 << 22;

    fn lock(&self) -> std::sync::MutexGuard<'_, Cached> {
        // A panic while holding the lock leaves a consistent map: use it.
        self.cached.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn get(&self, of: BlockOf, key: &str) -> Option<Arc<[EntityIdx]>> {
        self.lock().blocks.get(&of)?.get(key).cloned()
    }

    fn insert(&self, of: BlockOf, key: &str, block: Arc<[EntityIdx]>) {
        let mut cached = self.lock();
        if cached.entities + block.len() < Self::CAPACITY {
            cached.entities += block.len() + 1;
            cached
                .blocks
                .entry(of)
                .or_default()
                .insert(key.into(), block);
        }
    }
}

impl std::fmt::Debug for BlockCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "BlockCache({} blocks)", self.lock().blocks.len())
    }
}

impl Index {
    /// The blocks of fuzzy resolution for `query`, a blocking key of `kind`: for `query`
    /// and each key one character shorter not already in `seen` (which collects them), the
    /// entities with a key of that kind within one edit, best prior first, at most `limit`
    /// from each gazetteer. Calls `f` with the built-in entities of a block, then its user
    /// entities, block after block.
    pub fn blocks(
        &self,
        kind: u8,
        query: &str,
        seen: &mut Vec<String>,
        limit: usize,
        mut f: impl FnMut(&[EntityIdx]),
    ) {
        // This query's new keys are those `seen` gains.
        let new = seen.len();
        with_deletions(query, |d| {
            if !seen.iter().any(|s| s == d) {
                seen.push(d.to_string());
            }
        });
        for d in &seen[new..] {
            for (layer, tables) in self.layers().enumerate() {
                f(&self.block(layer, tables, kind, d, limit));
            }
        }
    }

    /// One block of one layer, from the cache when it was worked out before: names recur
    /// in text and in lists, and a block can merge the postings of dozens of keys.
    fn block(
        &self,
        layer: usize,
        tables: &TablesRef,
        kind: u8,
        d: &str,
        limit: usize,
    ) -> Arc<[EntityIdx]> {
        let of = (layer as u8, kind, limit);
        if let Some(block) = self.block_cache.get(of, d) {
            return block;
        }
        let mut block: Arc<[EntityIdx]> = Arc::new([]);
        tables
            .blocks
            .blocks(kind, &[d.to_string()], limit, |b| block = b.into());
        self.block_cache.insert(of, d, block.clone());
        block
    }

    /// Is any block of `query` ([`Index::blocks`]) non-empty?
    pub fn any_block(&self, kind: u8, query: &str) -> bool {
        self.layers().any(|t| t.blocks.any(kind, query))
    }
}
