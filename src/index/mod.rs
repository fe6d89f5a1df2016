//! Lookup structures, built once and shared: for the built-in gazetteer, the tables of its
//! compiled-in image; for user gazetteers, the same tables made by the same builder
//! ([`crate::text::table`]) when the matcher is built, in an image of their own.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use crate::error::BuildError;
use crate::gazetteer::{Entity, Gazetteer, builtin};
use crate::keys::without_article;
use crate::text::image::{Bytes, Image, Writer};
use crate::text::keymap::Positions;
use crate::text::table::{COMMON, DEMONYM, ENTITY_MASK, Lexicon, Names, SHORT, Tables, TablesRef};

mod blocks;
mod names;

use blocks::BlockCache;
use names::UserEntities;

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

impl Target {
    fn unpack(packed: u32) -> Target {
        Target {
            entity: packed & ENTITY_MASK,
            short: packed & SHORT != 0,
            common: packed & COMMON != 0,
            demonym: packed & DEMONYM != 0,
        }
    }
}

/// The immutable lookup structure behind a [`Matcher`](crate::Matcher).
#[derive(Debug)]
pub(crate) struct Index {
    builtin: bool,
    /// The number of built-in entities, where user entities' indices start (asked for every
    /// entity looked up, so kept rather than read from the image each time).
    base: usize,
    user: UserEntities,
    /// The tables of the user gazetteers: their entities, and the built-in entities that a
    /// user row gives more names.
    user_tables: Option<TablesRef>,
    max_words: usize,
    /// The user entities' ids, to positions in `user`.
    ids: Positions,
    /// For each user entity, the scripts of its names ([`crate::text::table::SCRIPT_LATIN`],
    /// [`crate::text::table::SCRIPT_OTHER`]) and its prior, worked out while loading.
    user_scripts: Vec<u8>,
    user_priors: Vec<f32>,
    block_cache: BlockCache,
}

impl Index {
    /// Builds the index. User entities whose id is a built-in id add their names to the
    /// built-in entity instead of creating a second one. `builtin` is ignored when the
    /// built-in gazetteer is not compiled in.
    ///
    /// # Errors
    ///
    /// [`BuildError::BuiltinKindConflict`] or [`BuildError::KindConflict`] for the first
    /// user entity whose id an entity of another kind has (built-in, or earlier in the
    /// gazetteers): merged by id, its kind would be dropped silently. Checked here, where
    /// entities are merged, rather than in a map of every id of its own (at a million
    /// entities, a quarter of a second).
    pub fn new(builtin: bool, gazetteers: &[Gazetteer]) -> Result<Index, BuildError> {
        let builtin = builtin && builtin::is_available();
        let mut index = Index {
            builtin,
            base: builtin::len(),
            user: UserEntities::default(),
            user_tables: None,
            max_words: 1,
            ids: Positions::default(),
            user_scripts: Vec::new(),
            user_priors: Vec::new(),
            block_cache: BlockCache::default(),
        };
        let base = builtin::len() as EntityIdx;
        // Each user row with the entity it names, merged by id.
        let mut rows: Vec<(EntityIdx, &Entity)> = Vec::new();
        // The gazetteer of each user entity's first row, for the errors.
        let mut first_in: Vec<u32> = Vec::new();
        for (g, gazetteer) in gazetteers.iter().enumerate() {
            index.user.gazetteers.push(Arc::clone(gazetteer.shared()));
            for (j, entity) in gazetteer.entities().iter().enumerate() {
                let found = index.by_id(&entity.id);
                if let Some(i) = found
                    && index.entity(i).kind != entity.kind
                {
                    let (id, kind) = (entity.id.to_string(), entity.kind);
                    let path = gazetteer.path().map(Path::to_path_buf);
                    let earlier_kind = index.entity(i).kind;
                    return Err(match i.checked_sub(base) {
                        None => BuildError::BuiltinKindConflict {
                            id,
                            kind,
                            builtin_kind: earlier_kind,
                            path,
                        },
                        Some(u) => BuildError::KindConflict {
                            id,
                            kind,
                            path,
                            earlier_kind,
                            earlier_path: gazetteers[first_in[u as usize] as usize]
                                .path()
                                .map(Path::to_path_buf),
                        },
                    });
                }
                let idx = match found {
                    Some(i) if i >= base => {
                        // The same id in two user gazetteers: one entity with the names of both.
                        let e = index.user.get_mut((i - base) as usize);
                        for name in entity.names() {
                            if !e.names().any(|n| n == name) {
                                e.aliases.push(name.to_string().into());
                            }
                        }
                        for short in &entity.short {
                            if !e.short.contains(short) {
                                e.short.push(short.clone());
                            }
                        }
                        i
                    }
                    Some(i) => i,
                    None => {
                        index.user.slots.push((g as u32, j as u32));
                        first_in.push(g as u32);
                        let i = base + (index.user.len() - 1) as EntityIdx;
                        let user = &index.user;
                        let id_of = |p: usize| &*user.get(p).id;
                        index.ids.get_or_insert(&entity.id, user.len() - 1, id_of);
                        i
                    }
                };
                rows.push((idx, entity));
            }
        }
        if !rows.is_empty() {
            let is_word = |key: &str| crate::language::zipf(key).is_some();
            let verdicts = HashMap::new();
            let lexicon = Lexicon {
                is_word: &is_word,
                verdicts: &verdicts,
            };
            let priors: Vec<f32> = rows.iter().map(|&(i, _)| index.entity(i).prior()).collect();
            let names_of = |i: usize| {
                let (idx, entity) = rows[i];
                Names {
                    entity: idx,
                    full: entity.names().collect(),
                    short: entity.short.iter().map(|s| s.as_ref()).collect(),
                    demonym_bases: entity.demonyms.iter().map(|s| s.as_ref()).collect(),
                    demonym_forms: Vec::new(),
                    cross_script: entity
                        .names()
                        .chain(entity.short.iter().map(|s| s.as_ref()))
                        .collect(),
                    place_words: None,
                    prior: priors[i],
                }
            };
            // Taken before the builder's maps, not on top of them, so that freeing those
            // can give their memory back (the heap shrinks only from its top).
            index.user_scripts = vec![0; index.user.len()];
            index.user_priors = vec![0.0; index.user.len()];
            let mut tables = Tables::new();
            let scripts = tables.add_all(rows.len(), names_of, &lexicon);
            // Per entity, from its rows (a merged entity has several).
            for ((&(i, _), bits), prior) in rows.iter().zip(scripts).zip(&priors) {
                if let Some(u) = i.checked_sub(base) {
                    index.user_scripts[u as usize] |= bits;
                    index.user_priors[u as usize] = *prior;
                }
            }
            tables.settle_phrases();
            let mut image = Writer::new();
            tables.write(&mut image);
            // The builder's maps go before the image's sections are joined: both at once
            // were the peak of loading a large gazetteer.
            drop(tables);
            let image = Image::new(Bytes::from_vec(image.finish()));
            index.user_tables = image.as_ref().and_then(TablesRef::new);
            debug_assert!(
                index.user_tables.is_some(),
                "the builder writes valid tables"
            );
        }
        index.max_words = index.layers().map(|t| t.max_words).max().unwrap_or(1);
        Ok(index)
    }

    /// The scripts of each entity's names ([`crate::text::table::SCRIPT_LATIN`],
    /// [`crate::text::table::SCRIPT_OTHER`]) and its prior, from entity `first` (0, or the
    /// first user entity when the built-in gazetteer is off) to the last.
    pub fn scripts_and_priors(&self, first: EntityIdx) -> (Vec<u8>, Vec<f32>) {
        let base = builtin::len() as EntityIdx;
        let builtin = (first..base).map(|i| self.entity(i));
        let mut scripts: Vec<u8> = builtin
            .clone()
            .map(|e| {
                crate::text::table::scripts_of(e.names().chain(e.short.iter().map(|s| s.as_ref())))
            })
            .collect();
        let mut priors: Vec<f32> = builtin.map(Entity::prior).collect();
        scripts.extend_from_slice(&self.user_scripts);
        priors.extend_from_slice(&self.user_priors);
        (scripts, priors)
    }

    /// The tables searched: the built-in ones (when on), then the user ones.
    fn layers(&self) -> impl Iterator<Item = &TablesRef> {
        let builtin = if self.builtin {
            builtin::tables()
        } else {
            None
        };
        builtin.into_iter().chain(self.user_tables.as_ref())
    }

    /// Calls `f` with every entity the orthographic `key` names.
    pub fn lookup(&self, key: &str, mut f: impl FnMut(Target)) {
        for tables in self.layers() {
            tables.targets(key).map(Target::unpack).for_each(&mut f);
        }
    }

    /// Can a longer name continue after `key`?
    pub fn is_prefix(&self, key: &str) -> bool {
        self.layers().any(|t| t.is_prefix(key))
    }

    /// Can a word of running text with key `word` that is an everyday word be a word of a
    /// name, the article aside? False rules out a fuzzy window that holds it.
    pub fn may_be_name_word(&self, word: &str) -> bool {
        let bare = without_article(word);
        self.layers().any(|t| t.is_everyday_name_word(bare))
    }

    /// The longest name, in words.
    pub fn max_words(&self) -> usize {
        self.max_words
    }

    /// Is the built-in gazetteer part of this index?
    pub fn has_builtin(&self) -> bool {
        self.builtin
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::word_keys;
    use crate::language::zipf;

    /// The fuzzy pass drops every window holding an everyday word that `may_be_name_word`
    /// says no name has, so it must know every such word of every name.
    #[cfg(feature = "builtin")]
    #[test]
    fn everyday_words_of_builtin_names_are_known() {
        let index = Index::new(true, &[]).unwrap();
        let mut checked = 0;
        for e in builtin::entities().iter().step_by(7) {
            for name in e.names().chain(e.short.iter().map(|s| s.as_ref())) {
                for w in word_keys(name) {
                    let bare = without_article(&w);
                    for x in [bare.to_string(), format!("ال{bare}")] {
                        if zipf(&x).is_some() && without_article(&x) == bare {
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
    fn an_id_in_two_gazetteers_is_one_entity_with_the_names_of_both() {
        let first = Gazetteer::from_tsv_str("id\tkind\tname\nx\tperson\tفلان الفلاني\n").unwrap();
        let second = Gazetteer::from_tsv_str("id\tkind\tname\nx\tperson\tFulan\n").unwrap();
        let index = Index::new(false, &[first.clone(), second]).unwrap();
        let x = index.by_id("x").unwrap();
        let names: Vec<&str> = index.entity(x).names().collect();
        assert_eq!(names, ["فلان الفلاني", "فلان الفلاني", "Fulan"]);
        for name in ["فلان الفلاني", "Fulan"] {
            let mut found = Vec::new();
            index.lookup(&crate::keys::ortho_key(name), |t| found.push(t.entity));
            assert_eq!(found, [x], "{name}");
        }
        assert_eq!(index.entities().count(), 1);
        assert_eq!(
            first.entities()[0].aliases,
            ["فلان الفلاني"],
            "help: the gazetteer the entities are shared with is left as it was"
        );
    }

    #[test]
    fn everyday_words_of_user_names_are_known() {
        let tsv = "id\tkind\tname\tname_en\nx\tplace\tمحطة اللقاء الكبرى\t\n";
        let index = Index::new(false, &[Gazetteer::from_tsv_str(tsv).unwrap()]).unwrap();
        let key = |w: &str| word_keys(w).remove(0);
        for word in ["لقاء", "اللقاء", "محطة"] {
            assert!(zipf(&key(word)).is_some(), "{word} is everyday");
            assert!(index.may_be_name_word(&key(word)), "{word}");
        }
        assert!(zipf(&key("قال")).is_some());
        assert!(!index.may_be_name_word(&key("قال")));
    }

    /// A user gazetteer goes through the builder of the built-in one: the built-in
    /// entities given as user rows get the built-in targets, prefixes and blocks.
    #[cfg(feature = "builtin")]
    #[test]
    fn user_tables_are_keyed_like_builtin_ones() {
        use crate::keys::{BLOCK_WHOLE, name_skeleton, ortho_key};
        let picked: Vec<&Entity> = builtin::entities()
            .iter()
            .filter(|e| !e.id.starts_with("geonames:") && e.demonyms.is_empty())
            .step_by(11)
            .collect();
        let mut g = Gazetteer::new();
        for e in &picked {
            let mut e = (*e).clone();
            e.id = format!("copy-{}", e.id).into();
            g.push(e);
        }
        let user = Index::new(false, &[g]).unwrap();
        let builtin = Index::new(true, &[]).unwrap();
        let base = builtin::len() as EntityIdx;
        for (i, e) in picked.iter().enumerate() {
            let copy = base + i as EntityIdx;
            let original = builtin.by_id(&e.id).unwrap();
            for name in e.names().chain(e.short.iter().map(|s| s.as_ref())) {
                let key = ortho_key(name);
                let find = |index: &Index, idx| {
                    let mut found = None;
                    index.lookup(&key, |t| {
                        if t.entity == idx {
                            found = Some((t.short, t.demonym));
                        }
                    });
                    found
                };
                assert_eq!(find(&user, copy), find(&builtin, original), "{name}");
                let words = word_keys(name);
                for k in 1..words.len() {
                    assert!(user.is_prefix(&words[..k].concat()), "{name}");
                }
                let skeleton = name_skeleton(name);
                if !skeleton.is_empty() {
                    let mut blocked = false;
                    user.blocks(BLOCK_WHOLE, &skeleton, &mut Vec::new(), usize::MAX, |b| {
                        blocked |= b.contains(&copy)
                    });
                    assert!(blocked, "{name} is not in its own block");
                }
            }
        }
    }
}
