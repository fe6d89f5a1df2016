//! Lookup structures, built once and shared: the exact map from orthographic keys to
//! entities, for the built-in gazetteer (static perfect-hash maps) and user gazetteers
//! (hash maps built by [`MatcherBuilder::build`](crate::MatcherBuilder::build)).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::gazetteer::{Entity, Gazetteer, builtin};
use crate::keys::word_keys;

/// An entity as an index into the matcher's entity space: built-in entities first, then
/// user entities.
pub(crate) type EntityIdx = u32;

/// One entity a key points to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Target {
    pub entity: EntityIdx,
    /// The key comes only from a short form of the entity (surname, acronym).
    pub short: bool,
    /// The key is an everyday word that usually means something else than this entity, so
    /// running text does not link it without support.
    pub common: bool,
    /// The key is a demonym of the entity (`الصيني` for China).
    pub demonym: bool,
}

/// The immutable lookup structure behind a [`Matcher`](crate::Matcher).
#[derive(Debug)]
pub(crate) struct Index {
    builtin: bool,
    user: Vec<Entity>,
    aliases: HashMap<String, Vec<Target>>,
    prefixes: HashSet<String>,
    max_words: usize,
    ids: HashMap<String, EntityIdx>,
}

/// Ids of the built-in entities, for [`Index::by_id`]; built on first use.
fn builtin_ids() -> &'static HashMap<&'static str, EntityIdx> {
    static IDS: OnceLock<HashMap<&'static str, EntityIdx>> = OnceLock::new();
    IDS.get_or_init(|| {
        builtin::entities()
            .iter()
            .enumerate()
            .filter_map(|(i, e)| match &e.id {
                std::borrow::Cow::Borrowed(id) => Some((*id, i as EntityIdx)),
                std::borrow::Cow::Owned(_) => None,
            })
            .collect()
    })
}

impl Index {
    /// Builds the index. User entities whose id is a built-in id add their names to the
    /// built-in entity instead of creating a second one.
    pub fn new(builtin: bool, gazetteers: &[Gazetteer]) -> Index {
        let mut index = Index {
            builtin,
            user: Vec::new(),
            aliases: HashMap::new(),
            prefixes: HashSet::new(),
            max_words: if builtin { builtin::MAX_WORDS } else { 1 },
            ids: HashMap::new(),
        };
        let base = builtin::len() as EntityIdx;
        for entity in gazetteers.iter().flat_map(Gazetteer::entities) {
            let known = index.by_id(&entity.id);
            let idx = match known {
                Some(i) if i >= base => {
                    // The same id in two user gazetteers: one entity with the names of both.
                    let e = &mut index.user[(i - base) as usize];
                    e.aliases
                        .extend(entity.names().map(|n| n.to_string().into()));
                    e.short.extend(entity.short.iter().cloned());
                    i
                }
                Some(i) => i,
                None => {
                    index.user.push(entity.clone());
                    let i = base + (index.user.len() - 1) as EntityIdx;
                    index.ids.insert(entity.id.to_string(), i);
                    i
                }
            };
            let names = entity.names().map(|n| (n, false));
            let short = entity.short.iter().map(|n| (n.as_ref(), true));
            for (name, short) in names.chain(short) {
                index.insert(
                    name,
                    Target {
                        entity: idx,
                        short,
                        common: false,
                        demonym: false,
                    },
                );
            }
            let demonyms = entity
                .demonyms
                .iter()
                .flat_map(|base| crate::demonym::inflections(base));
            for form in demonyms {
                let target = Target {
                    entity: idx,
                    short: false,
                    common: false,
                    demonym: true,
                };
                index.insert(&form, target);
            }
        }
        index
    }

    fn insert(&mut self, name: &str, target: Target) {
        let words = word_keys(name);
        if words.is_empty() {
            return;
        }
        self.max_words = self.max_words.max(words.len());
        let mut prefix = String::new();
        for w in &words[..words.len() - 1] {
            prefix.push_str(w);
            self.prefixes.insert(prefix.clone());
        }
        let targets = self.aliases.entry(words.concat()).or_default();
        match targets.iter_mut().find(|t| t.entity == target.entity) {
            // A name beats a short form, and either beats a demonym, of the same entity.
            Some(t) if !target.demonym => {
                t.short &= target.short;
                t.demonym = false;
            }
            Some(_) => {}
            None => targets.push(target),
        }
    }

    /// Calls `f` with every entity the orthographic `key` names.
    pub fn lookup(&self, key: &str, mut f: impl FnMut(Target)) {
        if self.builtin {
            for &t in builtin::targets(key) {
                f(Target {
                    entity: t & !(builtin::SHORT_FLAG
                        | builtin::COMMON_FLAG
                        | builtin::DEMONYM_FLAG),
                    short: t & builtin::SHORT_FLAG != 0,
                    common: t & builtin::COMMON_FLAG != 0,
                    demonym: t & builtin::DEMONYM_FLAG != 0,
                });
            }
        }
        if let Some(targets) = self.aliases.get(key) {
            targets.iter().copied().for_each(f);
        }
    }

    /// Can a longer name continue after `key`?
    pub fn is_prefix(&self, key: &str) -> bool {
        (self.builtin && builtin::is_prefix(key)) || self.prefixes.contains(key)
    }

    /// The longest name, in words.
    pub fn max_words(&self) -> usize {
        self.max_words
    }

    /// The entity behind an index. Panics on an index this index never handed out.
    pub fn entity(&self, idx: EntityIdx) -> &Entity {
        let base = builtin::len();
        let i = idx as usize;
        if i < base {
            &builtin::entities()[i]
        } else {
            &self.user[i - base]
        }
    }

    /// The index of the entity with this id.
    pub fn by_id(&self, id: &str) -> Option<EntityIdx> {
        self.ids.get(id).copied().or_else(|| {
            if self.builtin {
                builtin_ids().get(id).copied()
            } else {
                None
            }
        })
    }

    /// Is the built-in gazetteer part of this index?
    pub fn has_builtin(&self) -> bool {
        self.builtin
    }

    /// The user entities with their indices.
    pub fn user_entities_with_idx(&self) -> impl Iterator<Item = (EntityIdx, &Entity)> {
        let base = builtin::len() as EntityIdx;
        self.user
            .iter()
            .enumerate()
            .map(move |(i, e)| (base + i as EntityIdx, e))
    }

    /// Every entity with its index, built-in ones first.
    #[cfg(test)]
    pub fn entities_with_idx(&self) -> impl Iterator<Item = (EntityIdx, &Entity)> {
        let base = builtin::len() as EntityIdx;
        let builtin: &[Entity] = if self.builtin {
            builtin::entities()
        } else {
            &[]
        };
        let user = self
            .user
            .iter()
            .enumerate()
            .map(move |(i, e)| (base + i as EntityIdx, e));
        builtin
            .iter()
            .enumerate()
            .map(|(i, e)| (i as EntityIdx, e))
            .chain(user)
    }

    /// Every entity of this index, built-in ones first.
    pub fn entities(&self) -> impl Iterator<Item = &Entity> {
        let builtin: &[Entity] = if self.builtin {
            builtin::entities()
        } else {
            &[]
        };
        builtin.iter().chain(&self.user)
    }
}
