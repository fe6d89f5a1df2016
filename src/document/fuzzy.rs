//! The fuzzy pass: windows of text no exact name covers, resolved like standalone names and
//! kept when one entity clearly wins with a close name.

use crate::clitic::Candidate;
use crate::gazetteer::{Entity, EntityKind};
use crate::index::Index;
use crate::matcher::Matcher;
use crate::mention::MatchKind;
use crate::resolve;
use crate::score;

use super::cues::{self, DIVISION_HEADS, ORG_HEADS, is_in};
use super::memo::{KeyFacts, LONGEST_KEPT, Memo, Window};
use super::words::Words;
use super::{Found, Named};

/// The longest window of words the fuzzy pass tries.
/// At most this many runners-up of a fuzzy match are named as its alternatives…
const FUZZY_ALTERNATIVES: usize = 4;
/// … each with at least this share of the decision.
const FUZZY_ALTERNATIVE_MIN_SCORE: f32 = 0.01;
const FUZZY_MAX_WORDS: usize = 4;
/// An unlinked person's name is resolved with at most this many words.
const UNLINKED_MAX_WORDS: usize = 5;
/// A fuzzy window in running text scores at most this many candidate entities (those
/// sharing the most blocking keys with it, best prior first).
const FUZZY_MAX_ENTITIES: usize = 40;
/// A fuzzy mention has at least this many letters.
const FUZZY_MIN_LETTERS: usize = 5;
/// A fuzzy mention's entity takes at least this share of the decision (see
/// [`crate::resolve`]).
const FUZZY_MIN_SCORE: f32 = 0.8;
/// A fuzzy mention's similarity to the entity's closest name is at least this.
const FUZZY_MIN_SIMILARITY: f32 = 0.8;
/// A window after a head for a province or a state is a place at least this similar to its
/// name: the head is evidence of its own.
const HEADED_MIN_SIMILARITY: f32 = 0.7;
/// A window followed in the same name by a word no dictionary has, of at least this many
/// letters, is a piece of a longer name.
const PIECE_NEXT_MIN_LETTERS: usize = 3;
/// A fuzzy mention of a place needs at least this prior (a town of about 60,000): a
/// village's name misspelled in running text is far less likely than a word that looks
/// like it.
const FUZZY_MIN_PLACE_PRIOR: f32 = 0.6;

/// Does a word of the text appear among the folded words of a name (the article aside)?
fn word_in_name(word: &[char], name_words: &[Vec<char>]) -> bool {
    // `keys::without_article` on letters: `Index::may_be_name_word` must agree with it.
    fn bare(w: &[char]) -> &[char] {
        const ARTICLE: [char; 2] = ['\u{0627}', '\u{0644}'];
        match w.strip_prefix(&ARTICLE) {
            Some(rest) if rest.len() >= 2 => rest,
            _ => w,
        }
    }
    let word = bare(word);
    name_words.iter().any(|n| bare(n) == word)
}

/// What the fuzzy pass's guards ask of a word.
#[derive(Clone, Copy, Default)]
pub(super) struct WordKind {
    /// One of the most frequent Arabic words.
    frequent: bool,
    /// A word wordfreq lists.
    everyday: bool,
    /// An everyday word no name has: it rules out every window that holds it (`accept`).
    unnamed: bool,
    /// A person's title before a name, with or without a proclitic ([`cues::cue_of`]).
    person_cue: bool,
    /// A noun for a place or an organisation before a name ([`cues::cue_of`]).
    thing_cue: bool,
    /// A head for a province or a state ([`division_head`]).
    division_head: bool,
}

impl WordKind {
    /// Is the word one wordfreq lists?
    pub(super) fn is_everyday(self) -> bool {
        self.everyday
    }
}

/// Fuzzy pass: windows of up to [`FUZZY_MAX_WORDS`] words that no exact name covers are
/// resolved like standalone names; a window is a mention when one entity clearly wins
/// ([`FUZZY_MIN_SCORE`]) with a close name ([`FUZZY_MIN_SIMILARITY`]), no word left over.
/// Guards against everyday words: no window begins or ends with one of the most frequent
/// words, nor consists of common words only, and every common word in it must be a word of
/// the matched name; a one-word window must be an uncommon word that follows a cue
/// (a title, [`PERSON_CUES`](super::cues::PERSON_CUES), after which it names a person or a
/// country; a noun for a place or an organisation, [`THING_CUES`](super::cues::THING_CUES));
/// only sizeable places are matched. A window may absorb a short form or partial match inside
/// it (`ماسود` + `بيزشكيان` becomes one mention of the full name).
pub(super) fn fuzzy_pass<'m>(
    text: &str,
    words: &Words,
    matcher: &'m Matcher,
    facts: &[KeyFacts],
    memo: &mut Memo,
    found: &mut Vec<Found<'m>>,
) {
    let index = &matcher.inner.index;
    let n = words.words.len();
    let mut hard = vec![false; n];
    let mut soft = vec![false; n];
    for f in found.iter() {
        let absorbable = matches!(f.kind, MatchKind::ShortForm | MatchKind::Partial);
        for w in f.first..=f.last {
            if absorbable {
                soft[w] = true
            } else {
                hard[w] = true
            }
        }
    }
    let mut added: Vec<Found<'m>> = Vec::new();
    let mut w = 0;
    while w < n {
        let mut accepted: Option<Found<'m>> = None;
        for len in (1..=FUZZY_MAX_WORDS).rev() {
            let last = w + len - 1;
            if last >= n
                || (w..=last).any(|x| hard[x])
                || (w..last).any(|x| !words.words[x].joins_next)
                || (w..=last).all(|x| soft[x])
            {
                continue;
            }
            let letters: usize = facts[w..=last].iter().map(|f| f.letters).sum();
            if letters < FUZZY_MIN_LETTERS || facts[w].kind.frequent || facts[last].kind.frequent {
                continue;
            }
            // Cheap guards first. A window of everyday words only is not a name; a one-word
            // window must be an uncommon word with a cue or named elsewhere.
            let window = || facts[w..=last].iter().map(|f| f.kind);
            // After a head for a province, the words may be everyday ones (see `accept`).
            let headed = w > 0 && words.words[w - 1].joins_next && facts[w - 1].kind.division_head;
            if window().all(|k| k.everyday) || (!headed && window().any(|k| k.unnamed)) {
                continue;
            }
            let cues = &facts[w.saturating_sub(2)..w];
            let person_cued = len == 1 && !cues.iter().any(|f| f.kind.thing_cue);
            if person_cued && !cues.iter().any(|f| f.kind.person_cue) {
                continue;
            }
            // A window that a word no dictionary has follows, in the same name, is a piece
            // of a longer name (the longer windows did not match): `تورغوت ألتنوك` is a
            // person, not the city of Surgut.
            let next = last + 1;
            let continued = next < n
                && words.words[last].joins_next
                && !hard[next]
                && !soft[next]
                && !facts[next].kind.everyday
                && facts[next].letters >= PIECE_NEXT_MIN_LETTERS;
            if continued {
                continue;
            }
            let start = words.origins[words.words[w].chars.start];
            let surface = &text[start..words.words[last].end];
            // What follows depends on the window's words alone (and on a head before it),
            // and texts repeat their windows (a name, a phrase): each is resolved once for
            // as many texts as the memo serves. A headed window is kept apart: its text
            // followed by a character no word ends with.
            // So is a word after a person's title alone, which names a person or a country.
            let memo_key: std::borrow::Cow<str> = if headed {
                format!("{surface}\u{0}").into()
            } else if person_cued {
                format!("{surface}\u{2}").into()
            } else {
                surface.into()
            };
            if let Some(outcome) = memo.windows.get(&*memo_key) {
                if let Some(window) = outcome {
                    accepted = Some(window.found(index, w, last));
                    break;
                }
                continue;
            }
            let outcome = resolve_window(
                matcher,
                surface,
                (w..=last).map(|x| (words.key(x), facts[x].kind.everyday)),
                letters,
                headed,
                person_cued,
            );
            match &outcome {
                _ if surface.len() > LONGEST_KEPT => {}
                None => {
                    memo.windows.insert(memo_key.into(), None);
                }
                Some(f) => {
                    if let Some(window) = Window::of(index, f) {
                        memo.windows.insert(memo_key.into(), Some(window));
                    }
                }
            }
            if let Some(f) = outcome {
                accepted = Some(Found {
                    first: w,
                    last,
                    ..f
                });
                break;
            }
        }
        match accepted {
            Some(f) => {
                w = f.last + 1;
                added.push(f);
            }
            None => w += 1,
        }
    }
    if added.is_empty() {
        return;
    }
    // A fuzzy window holds no hard mention; the short forms and partial names it absorbs go.
    let mut absorbed = vec![false; n];
    for a in &added {
        absorbed[a.first..=a.last]
            .iter_mut()
            .for_each(|x| *x = true);
    }
    found.retain(|f| !absorbed[f.first..=f.last].iter().any(|&x| x));
    found.extend(added);
    found.sort_by_key(|f| f.first);
}

/// An unlinked name the gazetteer knows after all, spelled another way (`جابر مبارك` for
/// `جابر المبارك`): the unlinked pass has found where the name starts and stops and what
/// kind of thing it names, which the fuzzy pass's windows could not (their guards refuse
/// windows of everyday words, and `مبارك` is one). Each unknown entity of the text is
/// resolved once, by its longest mention, among entities of its kind; it is linked when one
/// entity clearly wins with a close name and no conflict (the same bar as a fuzzy window's),
/// and all its mentions with it.
pub(super) fn link_unlinked<'m>(
    text: &str,
    words: &Words,
    matcher: &'m Matcher,
    memo: &mut Memo,
    found: &mut [Found<'m>],
) {
    let index = &matcher.inner.index;
    // The longest mention of each unknown entity, by words (the first of equals).
    let mut longest: Vec<(u32, EntityKind, usize)> = Vec::new();
    for (i, f) in found.iter().enumerate() {
        let Named::Unknown(kind, local) = f.target else {
            continue;
        };
        match longest.iter_mut().find(|(l, _, _)| *l == local) {
            Some(slot) => {
                let best = &found[slot.2];
                if f.last - f.first > best.last - best.first {
                    slot.2 = i;
                }
            }
            None => longest.push((local, kind, i)),
        }
    }
    let n = words.words.len();
    let covered = super::covered_words(found, n);
    for (local, kind, i) in longest {
        let f = &found[i];
        // A person's name may go on in words with the article that the unlinked pass did
        // not take (`جابر مبارك الحمد الصباح`, `عبدالله يحيى الحاكم المكنى`): the name is
        // resolved with them, and linked only if it is known with them, or `عبدالله يحيى`
        // of `عبدالله يحيى الحاكم` would be Abdullah Al-Yahya.
        let mut last = f.last;
        if kind == EntityKind::Person {
            while last + 1 < n
                && last - f.first + 1 < UNLINKED_MAX_WORDS
                && words.words[last].joins_next
                && !covered[last + 1]
                && words.key(last + 1).starts_with("\u{0627}\u{0644}")
                && words.key(last + 1).chars().count() > 3
            {
                last += 1;
            }
        }
        let mut surface = std::borrow::Cow::Borrowed(&text[f.start(words)..words.words[last].end]);
        // A name after its head, quoted or not (`حركة "إنصاف"`), is known with the head.
        if kind == EntityKind::Organisation && f.first > 0 && !covered[f.first - 1] {
            let key = words.key(f.first - 1);
            let head = crate::clitic::candidates(key)
                .map(|c| c.stem(key))
                .find(|stem| ORG_HEADS.contains(stem));
            if let Some(head) = head {
                surface = format!("{head} {surface}").into();
            }
        }
        let surface = &*surface;
        let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
        if letters < FUZZY_MIN_LETTERS {
            continue;
        }
        // Kept apart from the windows of the same text: a character no word ends with,
        // then the kind.
        let memo_key = format!("{surface}\u{1}{}", kind as u8);
        let window = match memo.windows.get(memo_key.as_str()) {
            Some(outcome) => outcome.clone(),
            None => {
                let outcome = resolve_known(matcher, surface, kind, letters);
                let window = outcome.as_ref().and_then(|f| Window::of(index, f));
                if surface.len() <= LONGEST_KEPT && (outcome.is_none() || window.is_some()) {
                    memo.windows.insert(memo_key.into(), window.clone());
                }
                match (outcome, window) {
                    (Some(_), None) => None,
                    (_, w) => w,
                }
            }
        };
        let Some(window) = window else {
            continue;
        };
        found[i].last = last;
        for f in found.iter_mut() {
            if f.target == Named::Unknown(kind, local) {
                let linked = window.found(index, f.first, f.last);
                f.target = linked.target;
                f.kind = MatchKind::Fuzzy;
                f.alternatives = linked.alternatives;
                f.share = linked.share;
                f.fuzzy = linked.fuzzy;
            }
        }
    }
}

/// The entity of `kind` an unlinked name of `letters` letters is, if one clearly wins it
/// (see [`link_unlinked`]).
fn resolve_known<'m>(
    matcher: &'m Matcher,
    surface: &str,
    kind: EntityKind,
    letters: usize,
) -> Option<Found<'m>> {
    let index = &matcher.inner.index;
    let fuzzy_index = matcher.inner.fuzzy();
    // Most unknown names are unknown: no name of the gazetteer is within reach of their
    // skeleton, and that is known without aligning any.
    if !fuzzy_index.may_match(index, &crate::keys::word_keys(surface)) {
        return None;
    }
    let fuzzy = &resolve::Forms::new(fuzzy_index);
    let budget = (1.0 - FUZZY_MIN_SIMILARITY) * letters as f32 + score::VOWEL;
    // The unlinked pass has read the words as a name: everyday words in it are no reason
    // to refuse (`مبارك`), but a small place is still no place to send a misspelling.
    let accept = resolve::Accept {
        min_similarity: FUZZY_MIN_SIMILARITY,
        // A name of the entity as it is, but for punctuation within (`حركة "إنصاف"`), is
        // welcome here: the exact pass reads no name across quotes.
        equal_ok: true,
        entity_ok: |e: &Entity| {
            e.kind == kind && (kind != EntityKind::Place || e.prior() >= FUZZY_MIN_PLACE_PRIOR)
        },
        // The text is read in its own script: a name in the other (an entity's Latin names
        // reached through transliteration) is not worth its cost here, as most unlinked
        // names link to nothing.
        name_ok: |name: &[Vec<char>]| {
            name.iter()
                .flatten()
                .any(|c| ('\u{0600}'..='\u{06FF}').contains(c))
        },
    };
    accepted(index, fuzzy, surface, Some(kind), budget, &accept)
}

/// The mention a window of text is, if one entity clearly wins it: its `surface`, its
/// words' keys each with whether it is an everyday word, and its letters. The words of the
/// mention are left for the caller to set.
fn resolve_window<'m, 'k>(
    matcher: &'m Matcher,
    surface: &str,
    words: impl Iterator<Item = (&'k str, bool)> + Clone,
    letters: usize,
    headed: bool,
    person_cued: bool,
) -> Option<Found<'m>> {
    let index = &matcher.inner.index;
    let fuzzy_index = matcher.inner.fuzzy();
    let keys: Vec<String> = words.clone().map(|(k, _)| k.to_string()).collect();
    if !fuzzy_index.may_match(index, &keys) {
        return None;
    }
    // The names this window prepares beyond what the matcher keeps are held for the window
    // alone, not for the whole text.
    let fuzzy = &resolve::Forms::new(fuzzy_index);
    // A fuzzy mention must be similar (FUZZY_MIN_SIMILARITY): about one edit in five
    // letters at most, so candidates beyond that need no exact distance.
    let min_similarity = if headed {
        HEADED_MIN_SIMILARITY
    } else {
        FUZZY_MIN_SIMILARITY
    };
    let budget = (1.0 - min_similarity) * letters as f32 + score::VOWEL;
    // The winner must pass `accept`, and a probe that never misses a candidate that
    // could rules out most windows without aligning most names: the same outcome
    // for a fraction of the cost.
    let everyday_words: Vec<Vec<char>> = words
        .filter(|&(_, everyday)| everyday)
        .map(|(k, _)| k.chars().collect())
        .collect();
    let accept = accept(&everyday_words, headed, person_cued);
    accepted(index, fuzzy, surface, None, budget, &accept)
}

/// The mention `surface` is when one entity (of `kind`, if given) clearly wins it
/// ([`FUZZY_MIN_SCORE`]) with a name within `budget` that `accept` takes; its words are
/// left for the caller to set. A probe that never misses a candidate that could pass
/// rules out most surfaces before any name is aligned.
fn accepted<'m, F: Fn(&Entity) -> bool, N: Fn(&[Vec<char>]) -> bool>(
    index: &'m Index,
    fuzzy: &resolve::Forms<'_>,
    surface: &str,
    kind: Option<EntityKind>,
    budget: f32,
    accept: &resolve::Accept<F, N>,
) -> Option<Found<'m>> {
    if !resolve::may_accept(index, fuzzy, surface, budget, FUZZY_MAX_ENTITIES, accept) {
        return None;
    }
    let (mut cands, crowd) = resolve::candidates(
        index,
        fuzzy,
        surface,
        kind,
        None,
        budget,
        FUZZY_MAX_ENTITIES,
    );
    resolve::decide(index, fuzzy, surface, &mut cands, &crowd);
    let first = cands.len().min(1);
    resolve::explain(index, fuzzy, surface, &mut cands[..first]);
    let best = cands.first()?;
    if best.score < FUZZY_MIN_SCORE || !accept.accepts(best) {
        return None;
    }
    found_of(best, &cands)
}

/// The fuzzy mention of the winning candidate `best` among `cands` (best first); its words
/// are left for the caller to set.
fn found_of<'m>(
    best: &resolve::Candidate<'m>,
    cands: &[resolve::Candidate<'m>],
) -> Option<Found<'m>> {
    let entity = best.idx;
    let prefix = best.clitic.unwrap_or("");
    let cand = Candidate {
        prefix,
        chars: prefix.chars().count(),
        article: prefix.ends_with("\u{0644}\u{0644}"),
    };
    Some(Found {
        first: 0,
        last: 0,
        cand,
        target: Named::Entity(entity),
        kind: MatchKind::Fuzzy,
        // The runners-up with a visible share, as a resolution reports them.
        alternatives: cands
            .iter()
            .skip(1)
            .take(FUZZY_ALTERNATIVES)
            .filter(|c| c.score >= FUZZY_ALTERNATIVE_MIN_SCORE)
            .map(|c| c.idx)
            .collect(),
        share: best.score,
        antecedent: None,
        fuzzy: Some(Box::new((best.name, best.explanation.clone()))),
    })
}

/// What a fuzzy mention must be, whatever its score: similar enough but not equal (the
/// exact pass had its chance), every word matched, not a small place, and a name that has
/// every one of the window's `everyday` words among its own: `لقاء` may be part of a name
/// only if the name has it.
///
/// After a head for a province or a state (`ولاية أوتار براديش`), the head says what the
/// window is: a place, looser in spelling ([`HEADED_MIN_SIMILARITY`]), whose words may be
/// everyday words too (`أوتار`, strings of a lute). After a person's title alone
/// (`person_cued`), one word is a person's name or a country's, not a province's.
fn accept(
    everyday: &[Vec<char>],
    headed: bool,
    person_cued: bool,
) -> resolve::Accept<impl Fn(&Entity) -> bool, impl Fn(&[Vec<char>]) -> bool + '_> {
    resolve::Accept {
        min_similarity: if headed {
            HEADED_MIN_SIMILARITY
        } else {
            FUZZY_MIN_SIMILARITY
        },
        equal_ok: false,
        entity_ok: move |e: &Entity| {
            let place = e.kind == EntityKind::Place;
            (place || !headed)
                && (!place || e.prior() >= FUZZY_MIN_PLACE_PRIOR)
                && (!person_cued || e.kind == EntityKind::Person || e.id.starts_with("cldr:"))
        },
        name_ok: move |name_words: &[Vec<char>]| {
            headed || everyday.iter().all(|w| word_in_name(w, name_words))
        },
    }
}

/// Is the word with key `key` a head for a province or a state, with or without a
/// proclitic (`بولاية`)?
fn division_head(key: &str) -> bool {
    crate::clitic::candidates(key).any(|c| {
        let stem = c.stem(key);
        !c.article && is_in(DIVISION_HEADS, stem)
    })
}

impl Window {
    /// The window of a fuzzy mention, to be kept beyond its text; `None` if the name it
    /// matched is not one of its entity's own strings (then it is not kept).
    fn of(index: &Index, f: &Found<'_>) -> Option<Window> {
        let entity = f.target.entity()?;
        let (name, explanation) = f.fuzzy.as_deref()?;
        let name = strings(index.entity(entity)).position(|n| n == *name)?;
        Some(Window {
            entity,
            prefix: f.cand.prefix,
            alternatives: f.alternatives.clone(),
            share: f.share,
            name,
            explanation: explanation.clone(),
        })
    }

    /// The fuzzy mention this window is at words `first..=last` of a text.
    fn found<'m>(&self, index: &'m Index, first: usize, last: usize) -> Found<'m> {
        let name = strings(index.entity(self.entity))
            .nth(self.name)
            .unwrap_or_default();
        Found {
            first,
            last,
            cand: Candidate {
                prefix: self.prefix,
                chars: self.prefix.chars().count(),
                article: self.prefix.ends_with("\u{0644}\u{0644}"),
            },
            target: Named::Entity(self.entity),
            kind: MatchKind::Fuzzy,
            alternatives: self.alternatives.clone(),
            share: self.share,
            antecedent: None,
            fuzzy: Some(Box::new((name, self.explanation.clone()))),
        }
    }
}

/// Every string of an entity a fuzzy mention may match: its names, short forms and
/// demonyms.
fn strings(e: &Entity) -> impl Iterator<Item = &str> {
    e.names()
        .chain(e.short.iter().map(|s| s.as_ref()))
        .chain(e.demonyms.iter().map(|s| s.as_ref()))
}

impl WordKind {
    /// What the guards ask of the word with key `key`.
    pub(super) fn of(index: &Index, key: &str) -> WordKind {
        let ((person_cue, thing_cue), division_head) = (cues::cue_of(key), division_head(key));
        match crate::language::word_frequency(key) {
            Some((_, frequent)) => WordKind {
                frequent,
                everyday: true,
                unnamed: !index.may_be_name_word(key),
                person_cue,
                thing_cue,
                division_head,
            },
            None => WordKind {
                person_cue,
                thing_cue,
                division_head,
                ..WordKind::default()
            },
        }
    }
}
