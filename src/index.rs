//! Lookup structures, built once and shared: the exact map from orthographic keys to
//! entities, for the built-in gazetteer (static perfect-hash maps) and user gazetteers
//! (hash maps built by [`MatcherBuilder::build`](crate::MatcherBuilder::build)).

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

use crate::gazetteer::{Entity, Gazetteer, builtin};
use crate::keys::{without_article, word_keys};

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
    // Fx hashing: every word of a text is looked up here, and the keys are the user's own
    // names (nothing to flood them with).
    aliases: FxHashMap<String, Vec<Target>>,
    prefixes: FxHashSet<String>,
    /// The user names' words (without the article) that are also everyday words, as
    /// [`builtin::is_everyday_name_word`] has them for built-in names.
    everyday_name_words: FxHashSet<String>,
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
            aliases: FxHashMap::default(),
            prefixes: FxHashSet::default(),
            everyday_name_words: FxHashSet::default(),
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
        for w in &words {
            let bare = without_article(w);
            if builtin::zipf(bare).is_some() || builtin::zipf(&format!("ال{bare}")).is_some() {
                self.everyday_name_words.insert(bare.to_string());
            }
        }
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

    /// Can a word of running text with key `word` that is an everyday word be a word of a
    /// name, the article aside? False rules out a fuzzy window that holds it.
    pub fn may_be_name_word(&self, word: &str) -> bool {
        let bare = without_article(word);
        (self.builtin && builtin::is_everyday_name_word(bare))
            || self.everyday_name_words.contains(bare)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The fuzzy pass drops every window holding an everyday word that `may_be_name_word`
    /// says no name has, so it must know every such word of every name.
    #[test]
    fn everyday_words_of_builtin_names_are_known() {
        let index = Index::new(true, &[]);
        let mut checked = 0;
        for e in builtin::entities().iter().step_by(7) {
            for name in e.names().chain(e.short.iter().map(|s| s.as_ref())) {
                for w in word_keys(name) {
                    let bare = without_article(&w);
                    for x in [bare.to_string(), format!("ال{bare}")] {
                        if builtin::zipf(&x).is_some() && without_article(&x) == bare {
                            assert!(index.may_be_name_word(&x), "{x} of {name}");
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 1000, "only {checked} everyday words in names");
    }

    #[test]
    fn everyday_words_of_user_names_are_known() {
        let tsv = "id\tkind\tname\tname_en\nx\tplace\tمحطة اللقاء الكبرى\t\n";
        let index = Index::new(false, &[Gazetteer::from_tsv_str(tsv).unwrap()]);
        let key = |w: &str| word_keys(w).remove(0);
        for word in ["لقاء", "اللقاء", "محطة"] {
            assert!(builtin::zipf(&key(word)).is_some(), "{word} is everyday");
            assert!(index.may_be_name_word(&key(word)), "{word}");
        }
        assert!(builtin::zipf(&key("قال")).is_some());
        assert!(!index.may_be_name_word(&key("قال")));
    }
}
