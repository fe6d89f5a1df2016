//! The one alias-table builder: from the names of entities to the tables that look them up.
//!
//! `build.rs` runs it over `data/` for the built-in gazetteer and writes its [`Tables`] into
//! the binary image; [`MatcherBuilder::build`](crate::MatcherBuilder::build) runs it over
//! user gazetteers and writes the same image in memory. Both are read by the same code
//! ([`TablesRef`]), so the built-in gazetteer and a user gazetteer cannot be keyed
//! differently.
//!
//! What it makes, per entity index:
//!
//! - **aliases**: the orthographic key of every full name, short form and demonym form →
//!   packed targets (the entity index with [`SHORT`], [`COMMON`], [`DEMONYM`] flags);
//! - **prefixes**: the keys of the first `k` words of every multi-word name, after which a
//!   longer name can continue;
//! - **everyday name words**: the words of names (article aside) that running text also uses
//!   as everyday words;
//! - **blocking keys**: the consonant skeleton of every name, of each of its words, and its
//!   cross-script key, each → the entities that have it, best prior first. Lookups forgive
//!   one edit on each side ([`TablesRef::blocks`]), so only the exact keys are stored.

use std::collections::{BTreeMap, HashMap};

use rustc_hash::FxHashMap;

use crate::text::demonym::inflections;
use crate::text::image::{
    BlockIndex, BlockIndexRef, Image, KindBlocks, SortedBlocks, StrTable, StrTableRef, Writer,
};
use crate::text::keymap::KeyMap;
use crate::text::keys::xkey::xkey;
use crate::text::keys::{BLOCK_WHOLE, BLOCK_WORD, BLOCK_XKEY, skeleton, without_article, word_key};
use crate::text::token::tokens;

/// Packed target flag: the key comes only from a short form of the entity (surname,
/// acronym).
pub const SHORT: u32 = 1 << 31;
/// Packed target flag: the key is one everyday Arabic word that usually means something else
/// than this place; running text does not link it without support.
pub const COMMON: u32 = 1 << 30;
/// Packed target flag: the key is a demonym of the entity (`الصيني` for China).
pub const DEMONYM: u32 = 1 << 29;
/// The entity index bits of a packed target.
pub const ENTITY_MASK: u32 = DEMONYM - 1;

/// Bits of the scripts an entity's names are written in, as [`Tables::add_all`] returns
/// them: a name in Latin script ([`is_latin`]) …
pub const SCRIPT_LATIN: u8 = 1;
/// … or one in another.
pub const SCRIPT_OTHER: u8 = 2;

/// Is `name` written in Latin script (has it an ASCII letter)? Bytes, not characters: an
/// ASCII letter is one byte, and no byte of another character's encoding is below 0x80.
pub fn is_latin(name: &str) -> bool {
    name.bytes().any(|b| b.is_ascii_alphabetic())
}

/// The scripts `names` are written in: [`SCRIPT_LATIN`], [`SCRIPT_OTHER`] or both.
pub fn scripts_of<'a>(names: impl IntoIterator<Item = &'a str>) -> u8 {
    let script = |n: &str| {
        if is_latin(n) {
            SCRIPT_LATIN
        } else {
            SCRIPT_OTHER
        }
    };
    names.into_iter().fold(0, |bits, n| bits | script(n))
}

/// A place named by a word reviewed as `both` place and everyday word keeps the word as a
/// standalone name only when it is a city of at least this many people.
const BOTH_MIN_POPULATION: u64 = 1_000_000;
/// Below this population, a place whose one-word name is an everyday word (wordfreq, Zipf ≥
/// 3.5: three or more per million words) is treated as that word, unless the review says the
/// word means the place: a town that small is rarely in the news, so a frequent word is far
/// likelier to be the word.
const SMALL_PLACE_POPULATION: u64 = 100_000;

/// Head words (folded) of a place's name: after one, the words are a name whatever they mean
/// (`ولاية غور`, `محافظة الوادي الجديد`).
const PLACE_HEADS: &[&str] = &[
    "ولايه",
    "محافظه",
    "اقليم",
    "مقاطعه",
    "منطقه",
    "اماره",
    "جهه",
    "مدينه",
];

/// How the review in `data/place_word_ambiguity.tsv` judged a one-word place name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(dead_code)] // read from data/ by build.rs
pub enum Verdict {
    /// The word names the place.
    Place,
    /// The word is an everyday word, not the place.
    Word,
    /// Both: the place keeps it only if it is a big city.
    Both,
}

/// The names of one entity, as the builder takes them.
#[derive(Clone, Debug, Default)]
pub struct Names<'a> {
    /// The entity index the targets point to.
    pub entity: u32,
    /// Full names, any script.
    pub full: Vec<&'a str>,
    /// Short forms that alone can denote the entity (surname, acronym).
    pub short: Vec<&'a str>,
    /// Demonym bases (masculine singular nisba), inflected by [`inflections`].
    pub demonym_bases: Vec<&'a str>,
    /// Exact demonym forms (broken plurals: `الروس`).
    pub demonym_forms: Vec<&'a str>,
    /// The names whose cross-script key is a blocking key.
    pub cross_script: Vec<&'a str>,
    /// For a place whose one-word names may be everyday words (GeoNames places), its
    /// population: such a name is flagged [`COMMON`] by the rule of the review.
    pub place_words: Option<u64>,
    /// The disambiguation prior ([`crate::text::prior::prior`]): blocks list their entities
    /// best prior first.
    pub prior: f32,
}

/// The language knowledge the builder needs: which word keys are everyday words, and the
/// review of one-word place names.
pub struct Lexicon<'a> {
    /// Is this word key an everyday Arabic word (any of the wordfreq forms)?
    pub is_word: &'a dyn Fn(&str) -> bool,
    /// The review of one-word place names, by key.
    pub verdicts: &'a HashMap<String, Verdict>,
}

/// The entities (or packed targets) of one key, in the order they were added: most keys
/// have one, kept in place; a list only for more. A table of a million keys had a million
/// one-item vectors, whose allocation, and freeing after the image was written, was a
/// third of building it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ids {
    /// One entity.
    One(u32),
    /// Any number, none included.
    Many(Vec<u32>),
}

impl Default for Ids {
    fn default() -> Ids {
        Ids::Many(Vec::new())
    }
}

impl Ids {
    /// Adds `id` at the end.
    pub fn push(&mut self, id: u32) {
        match self {
            Ids::Many(list) if list.is_empty() => *self = Ids::One(id),
            Ids::Many(list) => list.push(id),
            Ids::One(first) => *self = Ids::Many(vec![*first, id]),
        }
    }

    /// The ids, in order.
    pub fn as_slice(&self) -> &[u32] {
        match self {
            Ids::One(id) => std::slice::from_ref(id),
            Ids::Many(list) => list,
        }
    }
}

impl std::ops::Deref for Ids {
    type Target = [u32];

    fn deref(&self) -> &[u32] {
        self.as_slice()
    }
}

impl std::ops::DerefMut for Ids {
    fn deref_mut(&mut self) -> &mut [u32] {
        match self {
            Ids::One(id) => std::slice::from_mut(id),
            Ids::Many(list) => list,
        }
    }
}

impl Extend<u32> for Ids {
    fn extend<I: IntoIterator<Item = u32>>(&mut self, ids: I) {
        ids.into_iter().for_each(|id| self.push(id));
    }
}

impl<const N: usize> PartialEq<[u32; N]> for Ids {
    fn eq(&self, other: &[u32; N]) -> bool {
        self.as_slice() == other
    }
}

/// What the builder makes; see the module documentation.
///
/// Built with one [`Lexicon`] for every [`Tables::add_names`]: the builder remembers, per word as
/// written, its keys and whether it is an everyday word, so that a word shared by thousands
/// of names (a given name of a watch-list) is keyed once.
#[derive(Clone, Debug, Default)]
pub struct Tables {
    /// Orthographic key → packed targets, in the order the entities were added.
    pub aliases: KeyMap<Ids>,
    /// Keys of the first words of multi-word names.
    pub prefixes: KeyMap<()>,
    /// Words of names (without the article) that are also everyday words.
    pub everyday_name_words: KeyMap<()>,
    /// Exact blocking keys by kind ([`BLOCK_WHOLE`], [`BLOCK_WORD`], [`BLOCK_XKEY`]) → the
    /// entities that have them, in the order they were added, with repeats (see
    /// [`Tables::ranked`]).
    pub blocks: [KeyMap<Ids>; 3],
    /// The longest name, in words.
    pub max_words: usize,
    /// Each entity's prior, for ranking blocks.
    priors: FxHashMap<u32, f32>,
    /// Names of several everyday words of small places, to flag [`COMMON`] by
    /// [`Tables::settle_phrases`]: (key, words, entity).
    phrases: Vec<(String, Vec<String>, u32)>,
    /// The words met so far.
    words: WordCache,
    /// Buffers of [`Tables::add_names`], kept from entity to entity: a dozen allocations
    /// an entity, at a million entities, were a fifth of the builder's time.
    scratch: Scratch,
}

/// The buffers of [`Tables::add_names`].
#[derive(Clone, Debug, Default)]
struct Scratch {
    /// The word indices of a name.
    ids: Vec<u32>,
    /// The word indices of each name keyed, one after the other, ended at `keyed_ends`.
    keyed: Vec<u32>,
    keyed_ends: Vec<usize>,
    key: String,
    prefix: String,
    with_article: String,
    whole: String,
}

/// The keys of the words met, by the word as written.
#[derive(Clone, Debug, Default)]
struct WordCache {
    /// A token as written → its index in `keys`, or `None` when its key is empty.
    ids: FxHashMap<Box<str>, Option<u32>>,
    keys: Vec<WordKeys>,
}

/// The keys of one word.
#[derive(Clone, Debug)]
struct WordKeys {
    /// Its orthographic key ([`word_key`]).
    key: Box<str>,
    /// The consonant skeleton of the key.
    skeleton: Box<str>,
    /// Has the word of a name been looked up among everyday words yet?
    looked_up: bool,
}

impl WordCache {
    /// The word indices of `name`'s words, into `out`: the keys of [`word_keys`], in
    /// order, words whose key is empty left out.
    ///
    /// [`word_keys`]: crate::text::keys::word_keys
    fn name(&mut self, name: &str, out: &mut Vec<u32>) {
        out.clear();
        for token in tokens(name) {
            let id = match self.ids.get(token.text) {
                Some(&id) => id,
                None => {
                    let key = word_key(token.text);
                    let id = (!key.is_empty()).then(|| {
                        self.keys.push(WordKeys {
                            skeleton: skeleton(&key).into(),
                            key: key.into(),
                            looked_up: false,
                        });
                        (self.keys.len() - 1) as u32
                    });
                    self.ids.insert(token.text.into(), id);
                    id
                }
            };
            out.extend(id);
        }
    }

    fn key(&self, id: u32) -> &str {
        &self.keys[id as usize].key
    }
}

/// The index of a blocking kind in [`Tables::blocks`].
fn kind_slot(kind: u8) -> usize {
    match kind {
        BLOCK_WHOLE => 0,
        BLOCK_WORD => 1,
        _ => 2,
    }
}

impl Tables {
    /// Empty tables.
    pub fn new() -> Tables {
        Tables {
            max_words: 1,
            ..Tables::default()
        }
    }

    /// Adds the names of one entity, one at a time (the tests hold that it builds what
    /// [`Tables::add_all`] builds).
    #[cfg(test)]
    pub fn add(&mut self, names: &Names<'_>, lexicon: &Lexicon<'_>) {
        self.add_names(names, lexicon, true);
    }

    /// Adds the names of one entity, the cross-script blocks left out unless
    /// `cross_script` ([`Tables::add_all`] makes them on a thread of its own). An entity may
    /// be added several times (the same id in several gazetteers): its names accumulate.
    fn add_names(&mut self, names: &Names<'_>, lexicon: &Lexicon<'_>, cross_script: bool) {
        let index = names.entity;
        assert!(
            index <= ENTITY_MASK,
            "entity index {index} over the packed range"
        );
        let mut scratch = std::mem::take(&mut self.scratch);
        let Scratch {
            ids,
            keyed,
            keyed_ends,
            key,
            prefix,
            with_article,
            ..
        } = &mut scratch;
        keyed.clear();
        keyed_ends.clear();
        let Tables {
            aliases,
            prefixes,
            everyday_name_words,
            max_words,
            phrases,
            words: cache,
            ..
        } = self;
        // A name given twice (as the canonical name and an alias, or as a name and a short
        // form) is keyed once: the first reading, a full name before a short form, is the
        // one kept (the flags of two readings of one key are and-ed anyway).
        let all = || names.full.iter().chain(&names.short);
        let flags = names
            .full
            .iter()
            .map(|_| 0)
            .chain(names.short.iter().map(|_| SHORT));
        for (r, (alias, flag)) in all().zip(flags).enumerate() {
            if all().take(r).any(|seen| seen == alias) {
                continue;
            }
            cache.name(alias, ids);
            if ids.is_empty() {
                continue;
            }
            key.clear();
            ids.iter().for_each(|&id| key.push_str(cache.key(id)));
            // Only the names of places whose words may be everyday words can be common.
            let common = names.place_words.is_some_and(|population| {
                let words: Vec<&str> = ids.iter().map(|&id| cache.key(id)).collect();
                let headed = PLACE_HEADS.contains(&words[0]);
                let common = !headed && is_common(&words, key, population, lexicon);
                if common && words.len() > 1 {
                    // Settled when every name is in: a phrase with a word that names
                    // something (`محافظة البصرة`) is a name, not an everyday phrase.
                    let words = words.iter().map(|w| w.to_string()).collect();
                    phrases.push((key.clone(), words, index));
                }
                common && words.len() == 1
            });
            let target = index | flag | if common { COMMON } else { 0 };
            let words = ids.iter().map(|&id| cache.key(id));
            insert(aliases, prefixes, max_words, prefix, words, key, target);
            for &id in ids.iter() {
                let word = &mut cache.keys[id as usize];
                if std::mem::replace(&mut word.looked_up, true) {
                    continue;
                }
                let bare = without_article(&word.key);
                with_article.clear();
                with_article.push_str("ال");
                with_article.push_str(bare);
                if (lexicon.is_word)(bare) || (lexicon.is_word)(with_article) {
                    everyday_name_words.insert_key(bare);
                }
            }
            keyed.extend_from_slice(ids);
            keyed_ends.push(keyed.len());
        }
        let forms = names
            .demonym_bases
            .iter()
            .flat_map(|b| inflections(b))
            .chain(names.demonym_forms.iter().map(|f| f.to_string()));
        for form in forms {
            cache.name(&form, ids);
            if !ids.is_empty() {
                key.clear();
                ids.iter().for_each(|&id| key.push_str(cache.key(id)));
                let words = ids.iter().map(|&id| cache.key(id));
                insert(
                    aliases,
                    prefixes,
                    max_words,
                    prefix,
                    words,
                    key,
                    index | DEMONYM,
                );
            }
        }
        self.add_blocks(names, &mut scratch, cross_script);
        self.scratch = scratch;
        let prior = self.priors.entry(index).or_insert(names.prior);
        *prior = prior.max(names.prior);
    }

    /// [`Tables::add_names`] for the names of entities `0..count` (`names_of(i)`, made when needed
    /// and dropped after, so that a million aliases are never all held as [`Names`]), the
    /// cross-script blocking keys made on a second thread: they depend on nothing else the
    /// builder keeps, and the transliteration behind them is about a third of the work for
    /// names that are mostly new words.
    ///
    /// Returns, for each `i`, the scripts of the names of `names_of(i).cross_script`
    /// ([`SCRIPT_LATIN`], [`SCRIPT_OTHER`]): read there while they are at hand, they cost
    /// nothing; worked out later, they were a cache miss on every name of a large
    /// gazetteer.
    pub fn add_all<'a>(
        &mut self,
        count: usize,
        names_of: impl Fn(usize) -> Names<'a> + Sync,
        lexicon: &Lexicon<'_>,
    ) -> Vec<u8> {
        let names_of = &names_of;
        let (block, scripts) = std::thread::scope(|scope| {
            let cross = scope.spawn(move || {
                let mut block = KeyMap::default();
                let mut scripts = Vec::with_capacity(count);
                for i in 0..count {
                    let names = names_of(i);
                    cross_script_blocks(&names, &mut block);
                    scripts.push(scripts_of(names.cross_script.iter().copied()));
                }
                (block, scripts)
            });
            for i in 0..count {
                self.add_names(&names_of(i), lexicon, false);
            }
            cross
                .join()
                .expect("making the cross-script keys does not panic")
        });
        let mine = &mut self.blocks[kind_slot(BLOCK_XKEY)];
        if mine.is_empty() {
            *mine = block;
        } else {
            for (key, entities) in block.iter() {
                mine.get_or_insert_with(key, Ids::default)
                    .extend(entities.iter().copied());
            }
        }
        scripts
    }

    /// Flags [`COMMON`] the names of small places made of everyday words (`جنوب غرب`) in which
    /// no word or run of words is itself a name (`البصرة` in `محافظة البصرة` is): call when
    /// every entity is in.
    pub fn settle_phrases(&mut self) {
        let phrases = std::mem::take(&mut self.phrases);
        // Spellings of one name share its key (`إمارة أبوظبي`, `إمارة أبو ظبي`): the key is
        // a name when one of them has a word that names something.
        let mut named: BTreeMap<(&str, u32), bool> = BTreeMap::new();
        for (key, words, entity) in &phrases {
            // Any run of its words short of the whole (`رأس الخيمة` in `إمارة رأس الخيمة`).
            let n = words.len();
            let has_name = (0..n).any(|i| {
                (i..n).filter(|&j| j - i + 1 < n).any(|j| {
                    self.aliases
                        .get(&words[i..=j].concat())
                        .is_some_and(|t| t.iter().any(|t| t & (COMMON | DEMONYM) == 0))
                })
            });
            *named.entry((key.as_str(), *entity)).or_default() |= has_name;
        }
        for ((key, entity), named) in named {
            if named {
                continue;
            }
            if let Some(t) = self
                .aliases
                .get_mut(key)
                .and_then(|t| t.iter_mut().find(|t| **t & ENTITY_MASK == entity))
            {
                *t |= COMMON;
            }
        }
    }

    /// The blocks of an entity's names, given as their words (`scratch.keyed`, ended at
    /// `scratch.keyed_ends`), and, with `cross_script`, of its names for the script bridge.
    fn add_blocks(&mut self, names: &Names<'_>, scratch: &mut Scratch, cross_script: bool) {
        let entity = names.entity;
        let blocks = &mut self.blocks;
        let mut add = |kind: u8, key: &str| {
            // Duplicates go at ranking time: a block of a big user gazetteer can hold
            // thousands of entities, too many to search on every insertion.
            let block = &mut blocks[kind_slot(kind)];
            block.get_or_insert_with(key, Ids::default).push(entity);
        };
        let whole = &mut scratch.whole;
        let mut start = 0;
        for &end in &scratch.keyed_ends {
            let ids = &scratch.keyed[start..end];
            start = end;
            whole.clear();
            let skeletons = ids
                .iter()
                .map(|&id| &*self.words.keys[id as usize].skeleton);
            skeletons.clone().for_each(|s| whole.push_str(s));
            if whole.is_empty() {
                continue;
            }
            add(BLOCK_WHOLE, whole);
            if ids.len() > 1 {
                for s in skeletons.filter(|s| s.chars().count() >= 3) {
                    add(BLOCK_WORD, s);
                }
            }
        }
        if cross_script {
            cross_script_blocks(names, &mut blocks[kind_slot(BLOCK_XKEY)]);
        }
    }

    /// The entities of the blocks in rank order (best prior first, then entity index), and
    /// each block's entities as ranks, ascending, the blocks of each kind sorted by key.
    pub fn ranked(&self) -> (Vec<u32>, SortedBlocks<'_>) {
        let mut order: Vec<(u32, f32)> = self.priors.iter().map(|(&e, &p)| (e, p)).collect();
        order.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let last = order.iter().map(|&(e, _)| e as usize).max().unwrap_or(0);
        let mut rank = vec![u32::MAX; last + 1];
        for (r, &(e, _)) in order.iter().enumerate() {
            rank[e as usize] = r as u32;
        }
        let blocks = self.blocks.each_ref().map(|kind| {
            let mut keys: Vec<(&str, &Ids)> = kind.iter().collect();
            sort_by_key_str(&mut keys, |b| b.0);
            let mut blocks = KindBlocks::default();
            blocks.reserve(keys.len());
            for (key, entities) in keys {
                blocks.push(key, entities.iter().map(|&e| rank[e as usize]));
            }
            blocks
        });
        (order.into_iter().map(|(e, _)| e).collect(), blocks)
    }

    /// Writes the tables into an image. The same names in the same order give the same
    /// image: the maps keep their keys in the order first met, and the blocking maps are
    /// written sorted.
    pub fn write(&self, image: &mut Writer) {
        // The string tables on a thread of their own, the blocking index on this one.
        let (strings, blocks) = std::thread::scope(|scope| {
            let strings = scope.spawn(|| {
                // In the order the keys were first met, which the same names in the same
                // order repeat: a perfect hash needs no order of its own, and sorting a
                // million keys was a quarter of a second.
                let aliases: Vec<(&str, &[u32])> = self
                    .aliases
                    .iter()
                    .map(|(k, t)| (k, t.as_slice()))
                    .collect();
                [
                    StrTable::with_lists(&aliases),
                    StrTable::set(&sorted(&self.prefixes)),
                    StrTable::set(&sorted(&self.everyday_name_words)),
                ]
            });
            let (order, blocks) = self.ranked();
            let blocks = BlockIndex::write(&order, &blocks);
            let strings = strings
                .join()
                .expect("writing the string tables does not panic");
            (strings, blocks)
        });
        let [aliases, prefixes, everyday] = strings;
        image.section(ALIASES, aliases);
        image.section(PREFIXES, prefixes);
        image.section(EVERYDAY, everyday);
        image.section(BLOCKS, blocks);
        image.section(MAX_WORDS, (self.max_words as u32).to_le_bytes().to_vec());
    }
}

/// The strings of a set, sorted.
fn sorted(set: &KeyMap<()>) -> Vec<&str> {
    let mut all: Vec<&str> = set.keys().collect();
    sort_by_key_str(&mut all, |s| s);
    all
}

/// Sorts `items` by a string of each, as `sort_unstable_by_key` would: the first eight
/// bytes of each string, as one integer, decide most comparisons (a million keys take
/// twenty million comparisons, most of them otherwise a call to `memcmp`).
fn sort_by_key_str<'s, T>(items: &mut Vec<T>, key: impl Fn(&T) -> &'s str) {
    let head = |s: &str| {
        let mut bytes = [0u8; 8];
        let n = s.len().min(8);
        bytes[..n].copy_from_slice(&s.as_bytes()[..n]);
        u64::from_be_bytes(bytes)
    };
    let mut keyed: Vec<(u64, &'s str, T)> = items
        .drain(..)
        .map(|t| (head(key(&t)), key(&t), t))
        .collect();
    keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)));
    items.extend(keyed.into_iter().map(|(_, _, t)| t));
}

/// One key of a name whose words are `words`, pointing to `target`. One target per entity
/// and key: a name beats a short form or an everyday-word reading (the flags of two name
/// readings are and-ed), and any name beats a demonym. `prefix` is a buffer.
fn insert<'w>(
    aliases: &mut KeyMap<Ids>,
    prefixes: &mut KeyMap<()>,
    max_words: &mut usize,
    prefix: &mut String,
    words: impl ExactSizeIterator<Item = &'w str>,
    key: &str,
    target: u32,
) {
    let n = words.len();
    *max_words = (*max_words).max(n);
    prefix.clear();
    for w in words.take(n.saturating_sub(1)) {
        prefix.push_str(w);
        prefixes.insert_key(prefix);
    }
    let targets = aliases.get_or_insert_with(key, Ids::default);
    let entity = target & ENTITY_MASK;
    match targets.iter_mut().find(|t| **t & ENTITY_MASK == entity) {
        None => targets.push(target),
        Some(_) if target & DEMONYM != 0 => {}
        Some(t) if *t & DEMONYM != 0 => *t = target,
        Some(t) => *t &= target | !(SHORT | COMMON),
    }
}

/// Adds the cross-script blocking keys of `names` to `block` (the [`BLOCK_XKEY`] map).
fn cross_script_blocks(names: &Names<'_>, block: &mut KeyMap<Ids>) {
    for (i, name) in names.cross_script.iter().enumerate() {
        if names.cross_script[..i].contains(name) {
            continue;
        }
        let key = xkey(name);
        if key.chars().count() >= 2 {
            block
                .get_or_insert_with(&key, Ids::default)
                .push(names.entity);
        }
    }
}

/// Is a name of a place of `population` (`words`, joined `key`) an everyday word or phrase
/// rather than the place? One word: by the review, else by wordfreq for a small place. Several
/// words: when each is an everyday word and the place is small (`جنوب غرب`, a region of
/// Cameroon, is "south-west").
fn is_common(words: &[&str], key: &str, population: u64, lexicon: &Lexicon<'_>) -> bool {
    if words.len() > 1 {
        return population < SMALL_PLACE_POPULATION && words.iter().all(|w| (lexicon.is_word)(w));
    }
    match lexicon.verdicts.get(key) {
        Some(Verdict::Word) => true,
        Some(Verdict::Both) => population < BOTH_MIN_POPULATION,
        Some(Verdict::Place) => false,
        None => population < SMALL_PLACE_POPULATION && (lexicon.is_word)(key),
    }
}

/// Image section tags of the tables.
const ALIASES: u32 = 0x10;
const PREFIXES: u32 = 0x11;
const EVERYDAY: u32 = 0x12;
const BLOCKS: u32 = 0x13;
const MAX_WORDS: u32 = 0x14;

/// The tables as read from an image, in place.
#[derive(Clone, Debug)]
pub struct TablesRef {
    aliases: StrTableRef,
    prefixes: StrTableRef,
    everyday: StrTableRef,
    /// The blocking index.
    pub blocks: BlockIndexRef,
    /// The longest name, in words.
    pub max_words: usize,
}

impl TablesRef {
    /// Reads the tables of an image written by [`Tables::write`]. `None` when a section is
    /// missing or malformed.
    pub fn new(image: &Image) -> Option<TablesRef> {
        let max_words = image.section(MAX_WORDS)?;
        Some(TablesRef {
            aliases: StrTableRef::new(image.section(ALIASES)?)?,
            prefixes: StrTableRef::new(image.section(PREFIXES)?)?,
            everyday: StrTableRef::new(image.section(EVERYDAY)?)?,
            blocks: BlockIndexRef::new(image.section(BLOCKS)?)?,
            max_words: u32::from_le_bytes(max_words.as_slice().try_into().ok()?) as usize,
        })
    }

    /// The packed targets of an orthographic key.
    pub fn targets(&self, key: &str) -> impl Iterator<Item = u32> + '_ {
        let list = self.aliases.get(key).map(|slot| self.aliases.list(slot));
        list.into_iter().flatten()
    }

    /// Every alias key, in slot order.
    #[cfg(all(test, feature = "builtin"))]
    pub fn alias_keys(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.aliases.len()).map(|slot| self.aliases.key(slot))
    }

    /// Can a longer name continue after `key`?
    pub fn is_prefix(&self, key: &str) -> bool {
        self.prefixes.get(key).is_some()
    }

    /// Is `bare` (a word key without its article) a word of a name that is also an everyday
    /// word?
    pub fn is_everyday_name_word(&self, bare: &str) -> bool {
        self.everyday.get(bare).is_some()
    }

    /// The first difference between these tables and `tables` (written into an image they
    /// must equal), if any.
    #[cfg(all(test, feature = "builtin"))]
    pub fn difference(&self, tables: &Tables) -> Option<String> {
        let aliases = &self.aliases;
        if aliases.len() != tables.aliases.len() {
            return Some(format!(
                "{} aliases, expected {}",
                aliases.len(),
                tables.aliases.len()
            ));
        }
        for (key, targets) in tables.aliases.iter() {
            let got: Option<Vec<u32>> = aliases.get(key).map(|s| aliases.list(s).collect());
            if got.as_deref() != Some(targets.as_slice()) {
                return Some(format!("alias {key:?}: {got:?}, expected {targets:?}"));
            }
        }
        let sets = [
            (&self.prefixes, &tables.prefixes, "prefix"),
            (
                &self.everyday,
                &tables.everyday_name_words,
                "everyday name word",
            ),
        ];
        for (table, expected, what) in sets {
            if table.len() != expected.len() {
                return Some(format!(
                    "{} {what}es, expected {}",
                    table.len(),
                    expected.len()
                ));
            }
            if let Some(k) = expected.keys().find(|k| table.get(k).is_none()) {
                return Some(format!("{what} {k:?} missing"));
            }
        }
        if self.max_words != tables.max_words {
            return Some(format!(
                "max words {}, expected {}",
                self.max_words, tables.max_words
            ));
        }
        let (order, blocks) = tables.ranked();
        let (got_order, got_blocks) = self.blocks.to_blocks();
        if got_order != order {
            return Some("the entities of the blocks are ranked differently".into());
        }
        for (kind, (got, expected)) in got_blocks.iter().zip(&blocks).enumerate() {
            let expected: BTreeMap<String, Vec<u32>> = expected
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_vec()))
                .collect();
            if *got != expected {
                return Some(format!("blocks of kind {kind} differ"));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::keys::word_keys;

    fn lexicon_with(words: &'static [&'static str]) -> (HashMap<String, Verdict>, Vec<String>) {
        (
            HashMap::new(),
            words.iter().map(|w| word_keys(w).concat()).collect(),
        )
    }

    fn build(names: &[Names<'_>], words: &[String], verdicts: &HashMap<String, Verdict>) -> Tables {
        let is_word = |k: &str| words.iter().any(|w| w == k);
        let lexicon = Lexicon {
            is_word: &is_word,
            verdicts,
        };
        let mut tables = Tables::new();
        for n in names {
            tables.add(n, &lexicon);
        }
        tables
    }

    #[test]
    fn strings_sort_by_their_heads_as_by_their_bytes() {
        let mut words: Vec<String> = ["", "a", "ab", "ab\0", "ab\0c", "abcdefgh", "abcdefghi"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        // Keys that share their first eight bytes (four Arabic letters) and more.
        for i in 0..200u32 {
            words.push(format!("مسدب{}", char::from_u32(0x0621 + i % 40).unwrap()));
            words.push(format!("{}{}", i * 7919 % 1000, "كبف"));
        }
        let mut ours: Vec<&str> = words.iter().map(String::as_str).collect();
        let mut std = ours.clone();
        std.sort_unstable();
        sort_by_key_str(&mut ours, |s| s);
        assert_eq!(ours, std);
    }

    #[test]
    fn a_name_beats_a_short_form_and_a_demonym() {
        let (verdicts, words) = lexicon_with(&[]);
        let names = [
            Names {
                entity: 3,
                full: vec!["روسيا"],
                demonym_bases: vec!["روسي"],
                ..Names::default()
            },
            Names {
                entity: 3,
                short: vec!["روسيا", "موسكو"],
                ..Names::default()
            },
        ];
        let t = build(&names, &words, &verdicts);
        assert_eq!(
            t.aliases["روسيا"],
            [3],
            "help: the full name keeps no SHORT flag"
        );
        assert_eq!(t.aliases["موسكو"], [3 | SHORT]);
        assert_eq!(t.aliases["الروسي"], [3 | DEMONYM]);
    }

    #[test]
    fn one_word_place_names_that_are_everyday_words_are_common() {
        let (mut verdicts, words) = lexicon_with(&["صور", "بين"]);
        verdicts.insert("بين".into(), Verdict::Place);
        let names = [Names {
            entity: 0,
            full: vec!["صور", "بين", "صور الجديدة"],
            place_words: Some(5_000),
            ..Names::default()
        }];
        let t = build(&names, &words, &verdicts);
        assert_eq!(t.aliases["صور"], [COMMON]);
        assert_eq!(t.aliases["بين"], [0], "help: reviewed as the place");
        assert_eq!(
            t.aliases["صورالجديده"],
            [0],
            "help: الجديدة is not an everyday word here"
        );
        assert!(t.prefixes.contains_key("صور"));
        assert!(t.everyday_name_words.contains_key("صور"));
    }

    #[test]
    fn blocks_hold_exact_keys_best_prior_first() {
        let (verdicts, words) = lexicon_with(&[]);
        let names = [
            Names {
                entity: 0,
                full: vec!["ماسود بيزشكيان"],
                cross_script: vec!["ماسود بيزشكيان"],
                prior: 0.2,
                ..Names::default()
            },
            Names {
                entity: 1,
                full: vec!["مسعود بزشكيان", "Masoud Pezeshkian"],
                cross_script: vec!["Masoud Pezeshkian"],
                prior: 0.9,
                ..Names::default()
            },
        ];
        let t = build(&names, &words, &verdicts);
        let (order, blocks) = t.ranked();
        assert_eq!(order, [1, 0]);
        let whole = &blocks[kind_slot(BLOCK_WHOLE)];
        let both: Vec<_> = whole.iter().map(|b| b.1).filter(|r| r.len() == 2).collect();
        assert_eq!(
            both,
            [&[0, 1]],
            "help: one skeleton shared, ranks ascending"
        );
        assert!(blocks[kind_slot(BLOCK_XKEY)].iter().next().is_some());
    }

    /// The cross-script keys that `add_all` makes apart are the ones `add` makes in line,
    /// merged into keys an earlier `add` made: the same image, byte for byte.
    #[test]
    fn adding_all_at_once_writes_the_image_adding_one_by_one_does() {
        let (verdicts, words) = lexicon_with(&[]);
        let names = [
            Names {
                entity: 0,
                full: vec!["مسعود بزشكيان", "Masoud Pezeshkian"],
                cross_script: vec!["مسعود بزشكيان", "Masoud Pezeshkian"],
                prior: 0.9,
                ..Names::default()
            },
            Names {
                entity: 1,
                full: vec!["ماسود بيزشكيان"],
                cross_script: vec!["ماسود بيزشكيان", "ماسود بيزشكيان"],
                prior: 0.2,
                ..Names::default()
            },
            Names {
                entity: 2,
                full: vec!["Pezeshkian"],
                cross_script: vec!["Pezeshkian"],
                prior: 0.5,
                ..Names::default()
            },
        ];
        let image = |t: &Tables| {
            let mut w = Writer::new();
            t.write(&mut w);
            w.finish()
        };
        let one_by_one = build(&names, &words, &verdicts);
        let is_word = |k: &str| words.iter().any(|w| w == k);
        let lexicon = Lexicon {
            is_word: &is_word,
            verdicts: &verdicts,
        };
        let mut at_once = Tables::new();
        at_once.add_all(names.len(), |i| names[i].clone(), &lexicon);
        assert_eq!(image(&one_by_one), image(&at_once));
        // After an entity added alone, so that the keys of the two threads are merged.
        let mut after_one = Tables::new();
        after_one.add(&names[2], &lexicon);
        after_one.add_all(2, |i| names[i].clone(), &lexicon);
        assert_eq!(image(&one_by_one), image(&after_one));
        assert!(!one_by_one.blocks[kind_slot(BLOCK_XKEY)].is_empty());
    }
}
