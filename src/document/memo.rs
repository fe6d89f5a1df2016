//! What mention finding learns of a word or a window of words, kept from one text to the
//! next.
//!
//! News is written with a few thousand words: a paragraph-sized text repeats few of its own,
//! but a day of texts repeats most of them. What a pass knows of a word as written (the
//! unlinked pass's [`Info`]) or of a window of words (the fuzzy pass's resolution) depends on
//! those words alone, so it is worked out once for as many texts as a memo serves. A text
//! takes a memo from the matcher's pool and gives it back when done: texts read at once on
//! several threads each have their own, and no lock is held while a text is read.

use std::sync::{Arc, Mutex};

// The memo outlives the text: keys that one text supplies stay for the next ones, so the
// maps hash with std's keyed SipHash, which no text can flood with collisions (Fx can be).
use std::collections::HashMap;
use std::hash::BuildHasher;

use rustc_hash::FxBuildHasher;

use crate::index::EntityIdx;
use crate::mention::Folding;
use crate::score::Explanation;

use super::exact::{FirstStep, Step};
use super::fuzzy::WordKind;
use super::unlinked::Info;
use super::words::Words;

/// A memo that holds more words than this starts afresh before its next text, so that a
/// corpus of ever new words (names, typos) cannot grow it without bound …
const WORDS_KEPT: usize = 1 << 15;
/// … and the same for windows of the fuzzy pass.
const WINDOWS_KEPT: usize = 1 << 14;

/// Slots of [`Memo::front`], a power of two.
const FRONT_SLOTS: usize = 1 << 12;
/// An empty slot of [`Memo::front`].
const NO_ENTRY: u32 = u32::MAX;

/// A word or a window longer than this, in bytes, is worked out each time and not kept: no
/// name is that long, and a memo must not hold on to a megabyte-long word of some text.
pub(super) const LONGEST_KEPT: usize = 256;

/// The fuzzy pass's resolution of a window that names an entity, owned so that it outlives
/// the text it was found in.
#[derive(Clone)]
pub(super) struct Window {
    pub(super) entity: EntityIdx,
    /// The proclitic read off the window's first word.
    pub(super) prefix: &'static str,
    pub(super) alternatives: Vec<EntityIdx>,
    pub(super) share: f32,
    /// Which of the entity's names ([`crate::Entity::names`]) the window came closest to.
    pub(super) name: usize,
    pub(super) explanation: Explanation,
}

/// What the passes ask of a word's key alone.
#[derive(Clone, Copy)]
pub(super) struct KeyFacts {
    /// The readings of the key at which a name may start ([`super::exact::live_readings`]).
    pub(super) live: u16,
    /// What the fuzzy pass's guards ask of it.
    pub(super) kind: WordKind,
    /// Its letters.
    pub(super) letters: usize,
}

/// What the passes know of the words and windows of the texts a memo served.
#[derive(Default)]
pub(crate) struct Memo {
    /// The entry of each key, by the key: one look-up a word type of a text gives all the
    /// passes ask of the key alone.
    pub(super) keys: HashMap<Box<str>, u32>,
    /// The entries of keys met lately, in front of `keys`: the slot of a key's Fx hash
    /// holds the last entry whose key had it, confirmed against the entry's key. Every
    /// word type of every text asks `keys` (a paragraph has few repeated words of its own,
    /// and a day of texts repeats most of them); a hit costs a cheap hash and a
    /// comparison rather than SipHash's. A text that floods the slots with Fx collisions
    /// only misses here and goes on to `keys`: a slot holds one entry, so the work per key
    /// stays bounded.
    front: Vec<u32>,
    /// What the passes ask of a key alone, by entry.
    pub(super) entries: Vec<Entry>,
    /// The unlinked pass's information on each spelling of a key (a word as written from
    /// its first letter on), by the key's entry.
    pub(super) infos: Vec<Vec<(Box<str>, Info)>>,
    /// The fuzzy pass's outcome for a window, by the window's text: `None` when it names
    /// no entity.
    pub(super) windows: HashMap<Box<str>, Option<Window>>,
    /// What normalisation a mention's surface needed to match an entity, by the surface.
    pub(super) foldings: HashMap<Box<str>, Vec<(EntityIdx, Vec<Folding>)>>,
    /// What words after another give in the exact pass, by the reading of the first word
    /// (its place among the first word's steps) and the words' keys.
    pub(super) longer_steps: HashMap<Box<str>, u32>,
    /// The steps of `longer_steps`, by its values, with their keys.
    steps: Vec<(Box<str>, Step)>,
    /// A front cache of `longer_steps`, as [`Memo::front`] is of `keys`: the exact pass asks
    /// it for every pair of words that may start a name.
    step_front: Vec<u32>,
    /// The buffers of the last text's words, for the next text ([`Words::recycle`]).
    pub(super) words: Option<Words>,
    /// A buffer for the keys of [`Memo::longer_step`].
    step_key: String,
}

/// What the passes ask of a key alone.
pub(super) struct Entry {
    /// The key, to confirm a hit of [`Memo::front`].
    key: Box<str>,
    pub(super) facts: KeyFacts,
    /// What each reading of the key gives alone in the exact pass, once it is asked.
    pub(super) first_steps: Option<Arc<[FirstStep]>>,
}

impl Memo {
    /// The entry of each word type of `words` ([`Words::type_words`]), new entries worked
    /// out by `facts`. A key longer than [`LONGEST_KEPT`] gets an entry of its own, found
    /// by no other text and emptied by [`Memo::forget_long`].
    pub(super) fn key_entries(
        &mut self,
        words: &Words,
        mut facts: impl FnMut(&str) -> KeyFacts,
    ) -> Vec<u32> {
        words
            .type_words
            .iter()
            .map(|&w| {
                let key = words.key(w);
                if self.front.is_empty() {
                    self.front = vec![NO_ENTRY; FRONT_SLOTS];
                }
                let slot = (FxBuildHasher.hash_one(key) as usize) & (FRONT_SLOTS - 1);
                let e = self.front[slot];
                if e != NO_ENTRY && *self.entries[e as usize].key == *key {
                    return e;
                }
                if let Some(&e) = self.keys.get(key) {
                    self.front[slot] = e;
                    return e;
                }
                let e = self.entries.len() as u32;
                let kept = key.len() <= LONGEST_KEPT;
                self.entries.push(Entry {
                    key: if kept { key.into() } else { Box::default() },
                    facts: facts(key),
                    first_steps: None,
                });
                self.infos.push(Vec::new());
                if kept {
                    self.keys.insert(key.into(), e);
                    self.front[slot] = e;
                }
                e
            })
            .collect()
    }

    /// Empties the entry of a key too long to keep (see [`Memo::key_entries`]).
    pub(super) fn forget_long(&mut self, key: &str, entry: u32) {
        if key.len() > LONGEST_KEPT {
            self.infos[entry as usize] = Vec::new();
            self.entries[entry as usize].first_steps = None;
        }
    }

    /// What each reading of the key of `entry` gives alone: from the memo, or worked out
    /// by `steps` and added to it.
    pub(super) fn first_steps(
        &mut self,
        entry: u32,
        steps: impl FnOnce() -> Vec<FirstStep>,
    ) -> Arc<[FirstStep]> {
        self.entries[entry as usize]
            .first_steps
            .get_or_insert_with(|| steps().into())
            .clone()
    }

    /// What normalisation `surface` needed to match entity `e`: from the memo, or worked
    /// out by `foldings` and added to it.
    pub(super) fn foldings(
        &mut self,
        surface: &str,
        e: EntityIdx,
        foldings: impl FnOnce() -> Vec<Folding>,
    ) -> Vec<Folding> {
        let known = self.foldings.get(surface).and_then(|list| {
            list.iter()
                .find(|(x, _)| *x == e)
                .map(|(_, folded)| folded.clone())
        });
        known.unwrap_or_else(|| {
            let folded = foldings();
            if surface.len() > LONGEST_KEPT {
                return folded;
            }
            let list = match self.foldings.get_mut(surface) {
                Some(list) => list,
                None => self.foldings.entry(surface.into()).or_default(),
            };
            list.push((e, folded.clone()));
            folded
        })
    }

    /// What the words with keys `rest` give after reading `reading` of the word with key
    /// `first` (a key of the exact pass of two words or more): from the memo, or worked
    /// out by `step` and added to it.
    pub(super) fn longer_step<'k>(
        &mut self,
        first: &str,
        reading: usize,
        rest: impl Iterator<Item = &'k str>,
        step: impl FnOnce() -> Step,
    ) -> Step {
        // Keys hold letters and digits only: a NUL cannot come from one, and a word has a
        // few dozen readings at most, each a character of its own.
        // Built in a buffer the memo keeps: most keys are found, and need no string of
        // their own.
        let mut key = std::mem::take(&mut self.step_key);
        step_key(&mut key, first, reading, rest);
        if self.step_front.is_empty() {
            self.step_front = vec![NO_ENTRY; FRONT_SLOTS];
        }
        let slot = (FxBuildHasher.hash_one(key.as_str()) as usize) & (FRONT_SLOTS - 1);
        let i = self.step_front[slot];
        let step = if i != NO_ENTRY && *self.steps[i as usize].0 == *key {
            self.steps[i as usize].1.clone()
        } else if let Some(&i) = self.longer_steps.get(key.as_str()) {
            self.step_front[slot] = i;
            self.steps[i as usize].1.clone()
        } else {
            let step = step();
            if key.len() <= LONGEST_KEPT {
                let i = self.steps.len() as u32;
                self.steps.push((key.as_str().into(), step.clone()));
                self.longer_steps.insert(key.as_str().into(), i);
                self.step_front[slot] = i;
            }
            step
        };
        self.step_key = key;
        step
    }
}

/// Writes into `key` the key of [`Memo::longer_step`]: the reading, then the words' keys,
/// apart by NULs.
fn step_key<'k>(
    key: &mut String,
    first: &str,
    reading: usize,
    rest: impl Iterator<Item = &'k str>,
) {
    key.clear();
    key.push(char::from_u32(0x100 + reading as u32).unwrap_or('\u{FFFD}'));
    key.push('\0');
    key.push_str(first);
    for k in rest {
        key.push('\0');
        key.push_str(k);
    }
}

/// The memos of a matcher: one for each text being read at the same time.
#[derive(Default)]
pub(crate) struct Memos(Mutex<Vec<Memo>>);

impl std::fmt::Debug for Memos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let memos = self.lock();
        f.debug_struct("Memos")
            .field("memos", &memos.len())
            .field("words", &memos.iter().map(|m| m.keys.len()).sum::<usize>())
            .field(
                "windows",
                &memos.iter().map(|m| m.windows.len()).sum::<usize>(),
            )
            .finish()
    }
}

impl Memos {
    /// A memo for the next text, emptied first if it has grown past its bounds.
    pub(crate) fn take(&self) -> Memo {
        let mut memo = self.lock().pop().unwrap_or_default();
        // Entries of long keys count too: each text may add some.
        if memo.keys.len() > WORDS_KEPT || memo.entries.len() > 2 * WORDS_KEPT {
            memo.keys = HashMap::default();
            memo.front = Vec::new();
            memo.entries = Vec::new();
            memo.infos = Vec::new();
        }
        if memo.foldings.len() > WINDOWS_KEPT {
            memo.foldings = HashMap::default();
        }
        if memo.longer_steps.len() > WORDS_KEPT {
            memo.longer_steps = HashMap::default();
            memo.steps = Vec::new();
            memo.step_front = Vec::new();
        }
        if memo.windows.len() > WINDOWS_KEPT {
            memo.windows = HashMap::default();
        }
        memo
    }

    /// Gives back a memo a text is done with.
    pub(crate) fn give(&self, memo: Memo) {
        self.lock().push(memo);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Memo>> {
        // A thread that panicked while holding the lock left the pool as it was: a list of
        // whole memos.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod front_tests {
    use super::*;

    /// Two words whose keys in the map (`key` of the word) fall in one slot of a front
    /// cache.
    fn twins(key: impl Fn(&str) -> String) -> (String, String) {
        let slot = |w: &str| (FxBuildHasher.hash_one(key(w).as_str()) as usize) & (FRONT_SLOTS - 1);
        let first = "كلمة0".to_string();
        let twin = (1..100_000)
            .map(|i| format!("كلمة{i}"))
            .find(|w| slot(w) == slot(&first))
            .expect("a word of the same slot among 100,000");
        (first, twin)
    }

    /// Two keys of one slot of the front cache, and a third: each keeps its own entry,
    /// text after text, whichever of them the slot holds.
    #[test]
    fn keys_that_share_a_front_slot_keep_their_own_entries() {
        let (first, twin) = &twins(|k| k.to_string());
        let text = format!("{first} {twin} سلام {twin} {first}");
        let mut memo = Memo::default();
        let facts = |_: &str| KeyFacts {
            live: 0,
            kind: WordKind::default(),
            letters: 0,
        };
        let words = Words::new(&text, None);
        let once = memo.key_entries(&words, facts);
        let again = memo.key_entries(&words, facts);
        let reversed = format!("{twin} {first}");
        let words2 = Words::new(&reversed, None);
        let other = memo.key_entries(&words2, facts);
        assert_eq!(once.len(), 3, "three word types");
        assert_eq!(once, again);
        assert_ne!(once[0], once[1]);
        assert_eq!(other, [once[1], once[0]]);
        assert_eq!(memo.entries.len(), 3, "no entry made twice");
    }

    /// The same for the steps of [`Memo::longer_step`].
    #[test]
    fn steps_that_share_a_front_slot_keep_their_own() {
        let (first, twin) = &twins(|first| {
            let mut key = String::new();
            step_key(&mut key, first, 0, std::iter::empty());
            key
        });
        let mut memo = Memo::default();
        let none = std::iter::empty;
        let a = memo.longer_step(first, 0, none(), || Step::bare(true));
        let b = memo.longer_step(twin, 0, none(), || Step::bare(false));
        assert!(a.is_prefix() && !b.is_prefix());
        for _ in 0..2 {
            let a = memo.longer_step(first, 0, none(), || unreachable!("kept"));
            let b = memo.longer_step(twin, 0, none(), || unreachable!("kept"));
            assert!(a.is_prefix() && !b.is_prefix());
        }
    }
}

#[cfg(all(test, feature = "builtin"))]
mod tests {
    use crate::Matcher;

    /// A text read with a memo that earlier texts filled finds what it finds with an empty
    /// one: the memo only saves work.
    #[test]
    fn a_filled_memo_changes_no_mention() {
        let texts = [
            "قال الناشط كريم دوغانلي إن فلاديمير بوتن زار بكين، وإن دوغانلي سيعود.",
            "وأعلن نادي فلامنجو أن المدرب جورجي جيسوس باق، وقال بوتين إن روسيا مستعدة.",
            "قال الناشط كريم دوغانلي إن فلاديمير بوتن زار بكين، وإن دوغانلي سيعود.",
        ];
        let show = |m: &Matcher, t: &str| -> Vec<String> {
            m.find_iter(t)
                .map(|x| {
                    format!(
                        "{}..{} {:?} {:?} {:?}",
                        x.start,
                        x.end,
                        x.kind,
                        x.entity_id(),
                        x.how
                    )
                })
                .collect()
        };
        let warm = Matcher::builtin();
        for t in texts {
            warm.find_iter(t).for_each(drop);
        }
        for t in texts {
            let fresh = crate::MatcherBuilder::new()
                .build()
                .expect("the built-in matcher builds");
            assert_eq!(show(&warm, t), show(&fresh, t), "help: {t}");
        }
    }
}
