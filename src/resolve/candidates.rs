//! Candidate generation: the entities a query is compared with (skeleton blocks, exact
//! keys, the script bridge), their names prepared once, and the distances the decision
//! weighs; the cheap test the fuzzy pass asks before any of it ([`may_accept`]).

use super::*;
use crate::text::table::{SCRIPT_LATIN, SCRIPT_OTHER};

/// Hasher for entity indices (one multiplication spreads them): a window of text or a query
/// gathers thousands of entities from its blocks, and SipHash was a tenth of the time.
#[derive(Default)]
pub(crate) struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` and `write_u32` are used; fold anything else in.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Maps and sets keyed by entity index. Nothing depends on their iteration order.
pub(super) type EntityMap<V> = HashMap<EntityIdx, V, BuildHasherDefault<PassThrough>>;
pub(super) type EntitySet = HashSet<EntityIdx, BuildHasherDefault<PassThrough>>;

/// The weight of the keys each entity a query's blocks bring shares with it, for the
/// entities in `touched` (in the order they came first): an array over all entities, reset
/// by a stamp, where a hash map spent a tenth of resolving on hashing. Stamp and weight
/// side by side: at 100k aliases the entities come in no order, and each is a cache miss.
#[derive(Default)]
struct Tally {
    /// `(stamp, weight)` by entity index: the weight is this query's when the stamp is.
    slots: Vec<(u32, u32)>,
    stamp: u32,
    touched: Vec<EntityIdx>,
}

impl Tally {
    /// Forgets the last query's counts.
    fn start(&mut self) {
        self.touched.clear();
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            // After 2^32 queries a stamp comes round again: clear them all once.
            self.slots.fill((0, 0));
            self.stamp = 1;
        }
    }

    #[inline]
    fn add(&mut self, e: EntityIdx, weight: u32) {
        let i = e as usize;
        if i >= self.slots.len() {
            self.slots.resize(i + 1, (0, 0));
        }
        let slot = &mut self.slots[i];
        if slot.0 != self.stamp {
            *slot = (self.stamp, 0);
            self.touched.push(e);
        }
        slot.1 += weight;
    }

    /// The weight of an entity in `touched`.
    fn weight(&self, e: EntityIdx) -> u32 {
        self.slots[e as usize].1
    }
}

thread_local! {
    static TALLY: std::cell::RefCell<Tally> = std::cell::RefCell::new(Tally::default());
    static MARKS: std::cell::RefCell<Marks> = std::cell::RefCell::new(Marks::default());
}

/// A set of entity indices for one query: an array over all entities, reset by a stamp.
/// The script bridge dedups a few thousand entities a query, and a hash set, grown from
/// empty each time, spent more on hashing and rehashing than the bridge on its entities.
#[derive(Default)]
struct Marks {
    stamps: Vec<u32>,
    stamp: u32,
}

impl Marks {
    /// Forgets the last query's entities.
    fn start(&mut self) {
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            self.stamps.fill(0);
            self.stamp = 1;
        }
    }

    /// Adds `e`; was it new?
    #[inline]
    fn insert(&mut self, e: EntityIdx) -> bool {
        let i = e as usize;
        if i >= self.stamps.len() {
            self.stamps.resize(i + 1, 0);
        }
        let new = self.stamps[i] != self.stamp;
        self.stamps[i] = self.stamp;
        new
    }
}

/// The distinct entities of `entities`, in order, at most `limit`.
fn distinct(entities: impl Iterator<Item = EntityIdx>, limit: usize) -> Vec<EntityIdx> {
    MARKS.with(|marks| {
        let mut marks = marks.borrow_mut();
        marks.start();
        let mut out = Vec::with_capacity(limit.min(4096));
        for e in entities {
            if out.len() == limit {
                break;
            }
            if marks.insert(e) {
                out.push(e);
            }
        }
        out
    })
}

/// Per-entity caches of fuzzy resolution; the blocks themselves are the [`Index`]'s.
#[derive(Debug, Default)]
pub(crate) struct FuzzyIndex {
    /// Each entity's names prepared for comparison, filled the first time the entity is a
    /// candidate and kept: a name is folded and split once per matcher, not once per query.
    forms: Vec<OnceLock<Box<[NameForm]>>>,
    /// The scripts each entity's names are written in ([`FuzzyIndex::has_names_in`]):
    /// [`SCRIPT_LATIN`], [`SCRIPT_OTHER`].
    scripts: Vec<u8>,
    /// Each entity's [`Entity::prior`]: a query weighs a few hundred entities in its crowd
    /// by their priors alone, and at 100k aliases reading each entity's record for it was
    /// a tenth of the time (a cache miss each; this array is a hundredth of their size).
    priors: Vec<f32>,
    /// The entity index of `forms[0]`.
    first: EntityIdx,
    /// How many names `forms` holds, and the most it takes ([`FORMS_KEPT`]).
    kept: AtomicUsize,
    limit: usize,
}

/// The most names [`FuzzyIndex`] keeps prepared (about a kilobyte each): a gazetteer of a
/// million names would otherwise end up holding them all, a few gigabytes, after enough
/// queries. The first entities met are kept; the names of others are prepared again for
/// each query that meets them.
const FORMS_KEPT: usize = 500_000;

/// Names prepared for one query (or one text) when [`FuzzyIndex`] keeps no more: held until
/// the query is answered, in chunks that never move, so that what was handed out stays put.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    chunk: Chunk,
}

#[derive(Debug, Default)]
struct Chunk {
    slots: [OnceLock<Box<[NameForm]>>; Chunk::SLOTS],
    used: AtomicUsize,
    next: OnceLock<Box<Chunk>>,
}

impl Chunk {
    const SLOTS: usize = 32;
}

impl Scratch {
    /// Keeps `forms` until the scratch is dropped.
    fn keep(&self, forms: Box<[NameForm]>) -> &[NameForm] {
        let mut chunk = &self.chunk;
        loop {
            let i = chunk.used.fetch_add(1, Ordering::Relaxed);
            if let Some(slot) = chunk.slots.get(i) {
                // The slot is this call's alone: `used` handed it out once.
                return slot.get_or_init(|| forms);
            }
            chunk = chunk.next.get_or_init(Box::default);
        }
    }
}

/// The prepared names a query (or a text's fuzzy pass) compares with: those the matcher
/// keeps, and those prepared for it alone.
pub(crate) struct Forms<'f> {
    fuzzy: &'f FuzzyIndex,
    scratch: Scratch,
}

impl<'f> Forms<'f> {
    pub fn new(fuzzy: &'f FuzzyIndex) -> Forms<'f> {
        Forms {
            fuzzy,
            scratch: Scratch::default(),
        }
    }

    /// The names of an entity ready for comparison, in [`all_names`] order.
    pub(super) fn forms(&self, index: &Index, entity: EntityIdx) -> &[NameForm] {
        self.fuzzy.forms(index, entity, &self.scratch)
    }
}

impl std::ops::Deref for Forms<'_> {
    type Target = FuzzyIndex;

    fn deref(&self) -> &FuzzyIndex {
        self.fuzzy
    }
}

/// One name of an entity (in [`all_names`] order), ready for comparison.
#[derive(Debug)]
pub(crate) struct NameForm {
    pub(super) prepared: Prepared,
    consonants: Consonants,
    /// Written in Latin script.
    pub(super) latin: bool,
    /// The name encoded for the script bridge, as a Latin name (for Arabic queries) and as
    /// an Arabic one (for Latin queries), each when first needed.
    as_latin: OnceLock<Box<XScriptScorer>>,
    as_arabic: OnceLock<Box<XScriptScorer>>,
}

impl NameForm {
    fn new(name: &str) -> NameForm {
        let prepared = Prepared::new(name);
        NameForm {
            consonants: Consonants::of(&prepared),
            prepared,
            latin: is_latin(name),
            as_latin: OnceLock::new(),
            as_arabic: OnceLock::new(),
        }
    }

    /// The cross-script similarity of `scorer`'s query and this name (`name`), if at least
    /// `cutoff`: [`XScriptScorer::score_cutoff`] with the name encoded once per matcher.
    fn bridge(&self, name: &str, scorer: &XScriptScorer, cutoff: f32) -> Option<f32> {
        let encoded = if scorer.is_latin() {
            self.as_arabic
                .get_or_init(|| Box::new(XScriptScorer::arabic(name)))
        } else {
            self.as_latin
                .get_or_init(|| Box::new(XScriptScorer::latin(name)))
        };
        scorer.score_cutoff_prepared(encoded, cutoff)
    }
}

/// Is a name (or query) written in Latin script? Only such names are compared with Latin
/// queries letter by letter; the others go through the script bridge.
pub(crate) use crate::text::table::is_latin;

pub(super) fn all_names(e: &Entity) -> impl Iterator<Item = &str> {
    e.names().chain(e.short.iter().map(|s| s.as_ref()))
}

impl FuzzyIndex {
    pub fn new(index: &Index) -> FuzzyIndex {
        let first = if index.has_builtin() {
            0
        } else {
            builtin::len() as EntityIdx
        };
        let count = index.entities().count();
        // Scripts and priors of every entity at once: worked out on first use, each was a
        // cache miss on an entity's record and its names, and the first queries against a
        // million aliases meet hundreds of thousands of entities (an eighth of their time
        // went to the scripts alone). The index has them for user entities, worked out
        // while loading; the built-in ones are few.
        let (scripts, priors) = index.scripts_and_priors(first);
        debug_assert_eq!(scripts.len(), count);
        FuzzyIndex {
            forms: (0..count).map(|_| OnceLock::new()).collect(),
            scripts,
            priors,
            first,
            kept: AtomicUsize::new(0),
            limit: FORMS_KEPT,
        }
    }

    /// The names of an entity ready for comparison, in [`all_names`] order, kept for the
    /// matcher's life while fewer than [`FORMS_KEPT`] names are; beyond, prepared in
    /// `scratch` for the query at hand.
    fn forms<'a>(
        &'a self,
        index: &Index,
        entity: EntityIdx,
        scratch: &'a Scratch,
    ) -> &'a [NameForm] {
        let slot = &self.forms[(entity - self.first) as usize];
        if let Some(forms) = slot.get() {
            return forms;
        }
        let prepare =
            || -> Box<[NameForm]> { all_names(index.entity(entity)).map(NameForm::new).collect() };
        if self.kept.load(Ordering::Relaxed) < self.limit {
            return slot.get_or_init(|| {
                let forms = prepare();
                self.kept.fetch_add(forms.len(), Ordering::Relaxed);
                forms
            });
        }
        scratch.keep(prepare())
    }

    /// The entity's [`Entity::prior`].
    pub(super) fn prior(&self, entity: EntityIdx) -> f32 {
        self.priors[(entity - self.first) as usize]
    }

    /// Has the entity a name written in Latin script (`latin`), or one that is not?
    pub(super) fn has_names_in(&self, entity: EntityIdx, latin: bool) -> bool {
        let bits = self.scripts[(entity - self.first) as usize];
        bits & if latin { SCRIPT_LATIN } else { SCRIPT_OTHER } != 0
    }

    /// Could any name be within reach of these words? A cheap necessary condition for a
    /// fuzzy match: the whole skeleton, or one of its deletions, is a block.
    pub fn may_match(&self, index: &Index, query_words: &[String]) -> bool {
        let whole: String = query_words.iter().map(|w| skeleton(w)).collect();
        index.any_block(BLOCK_WHOLE, &whole)
    }

    /// The `max_entities` entities sharing the most whole-name or word skeletons (within one
    /// deletion) with the query, those in `exclude` left out, with the weight of the keys
    /// they share, in order: more shared keys, then best prior.
    fn candidates(
        &self,
        index: &Index,
        query_words: &[String],
        max_entities: usize,
        exclude: &EntitySet,
    ) -> Vec<(EntityIdx, u32)> {
        let skeletons: Vec<String> = query_words.iter().map(|w| skeleton(w)).collect();
        let whole: String = skeletons.concat();
        TALLY.with(|tally| {
            let mut tally = tally.borrow_mut();
            self.tally(index, &skeletons, &whole, max_entities, exclude, &mut tally)
        })
    }

    /// [`FuzzyIndex::candidates`] with the keys counted in `tally`.
    fn tally(
        &self,
        index: &Index,
        skeletons: &[String],
        whole: &str,
        max_entities: usize,
        exclude: &EntitySet,
        tally: &mut Tally,
    ) -> Vec<(EntityIdx, u32)> {
        tally.start();
        let mut add = |entities: &[EntityIdx], weight: u32| {
            for &e in entities {
                tally.add(e, weight);
            }
        };
        index.blocks(BLOCK_WHOLE, whole, &mut Vec::new(), MAX_FROM_BLOCK, |b| {
            add(b, 4)
        });
        // The name with its words in another order (`جوكو ودودو` / `ودودو جوكو`): each
        // rotation's whole skeleton, so that a reordered name shares as much as a
        // misspelt one and is not left behind the entities sharing one common word.
        if (2..=MAX_ROTATED).contains(&skeletons.len()) {
            let mut seen = Vec::new();
            for k in 1..skeletons.len() {
                let rotated: String = skeletons[k..].concat() + &skeletons[..k].concat();
                index.blocks(BLOCK_WHOLE, &rotated, &mut seen, MAX_FROM_BLOCK, |b| {
                    add(b, 4)
                });
            }
        }
        if skeletons.len() > 1 {
            let mut seen = Vec::new();
            for s in skeletons.iter().filter(|s| s.chars().count() >= 3) {
                index.blocks(BLOCK_WORD, s, &mut seen, MAX_FROM_BLOCK, |b| add(b, 1));
            }
        }
        // More shared keys first; within a weight, the order the blocks gave (best prior),
        // which is the order `touched` met them in: a counting sort by weight, stable.
        let kept = || tally.touched.iter().filter(|e| !exclude.contains(e));
        let weight = |e: EntityIdx| tally.weight(e) as usize;
        let heaviest = kept().map(|&e| weight(e)).max().unwrap_or(0);
        // Past this many distinct weights (never with keys of weight 1 and 4 within one
        // deletion), no table of them: sort.
        if heaviest > 1 << 12 {
            let mut out: Vec<(u64, EntityIdx)> = kept()
                .map(|&e| ((u64::from(u32::MAX) - weight(e) as u64) << 32, e))
                .collect();
            out.sort_by_key(|x| x.0);
            out.truncate(max_entities);
            return out
                .into_iter()
                .map(|(key, e)| (e, u32::MAX - (key >> 32) as u32))
                .collect();
        }
        // Where each weight starts in the output: the heaviest first.
        let mut start = vec![0usize; heaviest + 2];
        for &e in kept() {
            start[heaviest - weight(e) + 1] += 1;
        }
        for w in 1..start.len() {
            start[w] += start[w - 1];
        }
        let total = start[heaviest + 1];
        let mut out = vec![(0, 0u32); total];
        for &e in kept() {
            let w = weight(e);
            let slot = &mut start[heaviest - w];
            out[*slot] = (e, w as u32);
            *slot += 1;
        }
        out.truncate(max_entities);
        out
    }
}

/// The names of `entity` in the query's script (Latin or not), with their prepared forms
/// and whether each is a short form (a surname, an acronym) rather than a full name.
pub(super) fn same_script_names<'m, 'f>(
    index: &'m Index,
    fuzzy: &'f Forms<'_>,
    entity: EntityIdx,
    latin: bool,
) -> impl Iterator<Item = (&'m str, &'f NameForm, bool)> {
    let e = index.entity(entity);
    let full_names = e.names().count();
    all_names(e)
        .zip(fuzzy.forms(index, entity))
        .enumerate()
        .filter(move |(_, (_, form))| form.latin == latin)
        .map(move |(pos, (name, form))| (name, form, pos >= full_names))
}

/// The names of `entity` in the other script than the query's, with their prepared forms.
/// The names are looked at before any is prepared: an entity with none (every entity of a
/// list in the query's script) costs no preparation, which at a million aliases, where
/// most names met are prepared for the query alone, was a tenth of resolving.
pub(super) fn other_script_names<'m, 'f>(
    index: &'m Index,
    fuzzy: &'f Forms<'_>,
    entity: EntityIdx,
    latin: bool,
) -> impl Iterator<Item = (&'m str, &'f NameForm)> {
    let names = fuzzy
        .has_names_in(entity, !latin)
        .then(|| all_names(index.entity(entity)).zip(fuzzy.forms(index, entity)));
    names
        .into_iter()
        .flatten()
        .filter(move |(_, form)| form.latin != latin)
}

/// Extra distance for a short form matched inexactly (see [`SHORT_FORM_DISTANCE`]).
fn short_form_charge(short: bool, distance: f32) -> f32 {
    if short && distance > 0.0 {
        SHORT_FORM_DISTANCE
    } else {
        0.0
    }
}

/// The readings of a query: as written, then without each proclitic its first word may
/// carry (the article restored after لل): `(words, distance penalty, proclitic)`.
pub(super) fn readings(words: &[String]) -> Vec<(Vec<String>, f32, Option<&'static str>)> {
    let mut readings = vec![(words.to_vec(), 0.0, None)];
    if let Some(first) = words.first() {
        for c in clitic::candidates(first).skip(1) {
            let mut w = words.to_vec();
            let stem: String = first.chars().skip(c.chars).collect();
            w[0] = if c.article {
                format!("{}{stem}", clitic::ARTICLE)
            } else {
                stem
            };
            readings.push((w, CLITIC_DISTANCE, Some(c.prefix)));
        }
    }
    readings
}

/// The entities a reading of a query is compared with: those an exact key names, then
/// those sharing skeleton blocks with it ([`FuzzyIndex::candidates`]), at most
/// `max_entities`, each with the weight of the keys it shares (an exact key outweighs all);
/// in order (the first [`MAX_ALIGNED`] are aligned).
fn reading_entities(
    index: &Index,
    fuzzy: &Forms<'_>,
    reading: &[String],
    joined: &str,
    max_entities: usize,
    out: &mut Vec<(EntityIdx, u32)>,
) {
    out.clear();
    index.lookup(&ortho_key(joined), |t| out.push((t.entity, u32::MAX)));
    let mut exact = EntitySet::default();
    out.retain(|&(e, _)| exact.insert(e));
    // The same entities as the first `max_entities` of the fuzzy ones after the exact
    // ones, each once, in the order that counts (`MAX_ALIGNED` are aligned).
    let room = max_entities.saturating_sub(out.len());
    out.extend(fuzzy.candidates(index, reading, room, &exact));
    out.truncate(max_entities);
}

/// The distances the entities of a reading left unaligned are weighed at, by the weight
/// of the keys they share with it: the median of what the aligned ones of that weight came
/// to (exact distances and bounds), or of the lightest weight aligned when fewer than
/// [`MIN_SAMPLES`] share it.
pub(super) struct Estimates {
    /// `(weight, median)`, for the weights with enough samples.
    by_weight: Vec<(u32, f32)>,
    /// The median of the lightest weight aligned.
    otherwise: Option<f32>,
}

impl Estimates {
    /// From the `(weight, distance)` of the aligned entities.
    fn new(mut aligned: Vec<(u32, f32)>) -> Estimates {
        aligned.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let mut by_weight = Vec::new();
        let mut otherwise = None;
        for level in aligned.chunk_by(|a, b| a.0 == b.0) {
            let median = level[level.len() / 2];
            otherwise = otherwise.or(Some(median.1));
            if level.len() >= MIN_SAMPLES {
                by_weight.push(median);
            }
        }
        Estimates {
            by_weight,
            otherwise,
        }
    }

    fn distance(&self, weight: u32) -> Option<f32> {
        match self.by_weight.binary_search_by_key(&weight, |l| l.0) {
            Ok(i) => Some(self.by_weight[i].1),
            Err(_) => self.otherwise,
        }
    }
}

/// The entities the cross-script key of `name` reaches (within one deletion), in block
/// order, possibly repeated.
fn bridged_entities(index: &Index, name: &str) -> Vec<EntityIdx> {
    let mut bridged: Vec<EntityIdx> = Vec::new();
    let key = xkey(name);
    if key.chars().count() >= 2 {
        index.blocks(BLOCK_XKEY, &key, &mut Vec::new(), MAX_FROM_BLOCK, |b| {
            bridged.extend_from_slice(b)
        });
    }
    bridged
}

/// Every candidate entity for `name` with its closest name and distance (scores unset),
/// restricted to `kind` if given, and the [`Crowd`] of the entities compared that came
/// no closer than the budget.
#[allow(clippy::too_many_arguments)]
pub(crate) fn candidates<'m, 'f>(
    index: &'m Index,
    fuzzy: &'f Forms<'_>,
    name: &str,
    kind: Option<EntityKind>,
    forget: Option<Forget<'_>>,
    max_distance: f32,
    max_entities: usize,
) -> (Vec<Candidate<'m>>, Crowd) {
    // Not a name (a paragraph, a broken input line): comparing it with hundreds of names
    // would cost time quadratic in its length for nothing. Bytes are counted first, so a
    // huge line is not even split into words.
    if name.len() > MAX_QUERY_BYTES {
        return (Vec::new(), Crowd::default());
    }
    let words = word_keys(name);
    if words.len() > MAX_QUERY_WORDS {
        return (Vec::new(), Crowd::default());
    }
    let latin_query = is_latin(name);
    let read = readings(&words);
    // Sized for the entities a reading aligns, as the maps of the blocks are.
    let sized = || Default::default();
    let mut best_by_entity: EntityMap<Candidate<'m>> =
        EntityMap::with_capacity_and_hasher(MAX_ALIGNED, sized());
    // The closest each entity over the budget came, as a lower bound.
    let mut over_budget: EntityMap<f32> = EntityMap::with_capacity_and_hasher(MAX_ALIGNED, sized());
    let mut closest = f32::INFINITY;
    // Every name of a candidate entity in the query's script is compared; the closest counts.
    let mut consider =
        |entity: EntityIdx, query: &Prepared, reading: u8, memo: &mut PairMemo<'f>| {
            let (_, penalty, clitic) = &read[usize::from(reading)];
            let (penalty, clitic) = (*penalty, *clitic);
            let e = index.entity(entity);
            let mut nearest = f32::INFINITY;
            if kind.is_some_and(|k| k != e.kind) {
                return nearest;
            }
            for (alias, form, short) in same_script_names(index, fuzzy, entity, latin_query) {
                if forget.is_some_and(|f| f.entity == entity && f.name == alias) {
                    continue;
                }
                // Candidates more than BUDGET_SLACK edits behind the closest one cannot win
                // nor take a visible share (priors are worth at most about one edit).
                let budget = max_distance.min(closest + BUDGET_SLACK) - penalty;
                memo.exact_within = closest + EXACT_RADIUS - penalty;
                let sim = match distance_within(query, &form.prepared, budget, memo) {
                    Ok(d) => d,
                    Err(bound) => {
                        let bound = bound + penalty + short_form_charge(short, bound);
                        let slot = over_budget.entry(entity).or_insert(bound);
                        *slot = slot.min(bound);
                        nearest = nearest.min(bound);
                        continue;
                    }
                };
                let distance = sim + penalty + short_form_charge(short, sim);
                closest = closest.min(distance);
                nearest = nearest.min(distance);
                if best_by_entity
                    .get(&entity)
                    .is_none_or(|c| distance < c.distance)
                {
                    // Its similarity and explanation are left for [`explain`]: most
                    // candidates are only weighed.
                    let candidate = Candidate {
                        idx: entity,
                        entity: e,
                        score: 0.0,
                        similarity: 0.0,
                        distance,
                        cross_script: 0.0,
                        name: alias,
                        clitic,
                        explanation: Explanation::default(),
                        vocalisation: 0.0,
                        conflict: None,
                        reading: Some(reading),
                    };
                    best_by_entity.insert(entity, candidate);
                }
            }
            nearest
        };
    let mut visited: Vec<(EntityIdx, u32)> = Vec::new();
    // The entities past the first MAX_ALIGNED of a reading, with the distance they are
    // weighed at in the crowd.
    let mut estimated: EntityMap<f32> = EntityMap::with_capacity_and_hasher(max_entities, sized());
    // One memo for all readings: they differ in their first word alone.
    let mut memo = PairMemo::default();
    for (r, (reading, penalty, _)) in read.iter().enumerate() {
        let joined = reading.join(" ");
        let query = Prepared::new(&joined).written_as(name);
        reading_entities(index, fuzzy, reading, &joined, max_entities, &mut visited);
        let mut aligned: Vec<(u32, f32)> = Vec::new();
        for &(entity, weight) in visited.iter().take(MAX_ALIGNED) {
            let d = consider(entity, &query, r as u8, &mut memo);
            if d.is_finite() {
                aligned.push((weight, d));
            }
        }
        let estimates = Estimates::new(aligned);
        for &(entity, weight) in visited.iter().skip(MAX_ALIGNED) {
            if kind.is_some_and(|k| k != index.entity(entity).kind) {
                continue;
            }
            let Some(d) = estimates.distance(weight) else {
                break;
            };
            let d = d.max(*penalty);
            let slot = estimated.entry(entity).or_insert(d);
            *slot = slot.min(d);
        }
    }
    // The script bridge: the query against each candidate's names in the other script, and
    // the entities only the cross-script key reaches.
    let scorer = XScriptScorer::new(name);
    let bridged = bridged_entities(index, name);
    // The entities over the budget are bridged too: a faithful transliteration of a Latin
    // name can make up for a far Arabic spelling.
    let mut over: Vec<EntityIdx> = over_budget
        .keys()
        .copied()
        .filter(|e| !best_by_entity.contains_key(e))
        .collect();
    over.sort_unstable();
    let compared = best_by_entity.len() + over.len();
    let entities = distinct(
        best_by_entity.keys().copied().chain(over).chain(bridged),
        max_entities + compared,
    );
    let mut crowd_bridge: EntityMap<f32> = EntityMap::default();
    for entity in entities {
        // Nothing to bridge to (the entity itself is not even read: at a million aliases
        // most of those met are far apart in memory).
        if !fuzzy.has_names_in(entity, !latin_query) {
            continue;
        }
        let e = index.entity(entity);
        if kind.is_some_and(|k| k != e.kind) {
            continue;
        }
        let other_script = other_script_names(index, fuzzy, entity, latin_query)
            .filter(|(n, _)| forget.is_none_or(|f| f.entity != entity || f.name != *n))
            .take(CROSS_SCRIPT_NAMES);
        // A candidate reached through a short form (`بوتين`) is compared with the family
        // names of its full names too: its Latin names are full (`Vladimir Putin`).
        let by_short = best_by_entity
            .get(&entity)
            .is_some_and(|c| e.short.iter().any(|s| s == c.name));
        // Only the best of its names counts, and an entity the bridge alone reaches needs
        // MIN_BRIDGE: a name's alignment stops as soon as it cannot beat either (the same
        // result as scoring every name in full, at a fraction of the cost).
        let far = over_budget.get(&entity).copied();
        let floor = if best_by_entity.contains_key(&entity) || far.is_some() {
            0.0
        } else {
            MIN_BRIDGE
        };
        let mut best: Option<(f32, &'m str)> = None;
        for (n, form) in other_script {
            let cutoff = best.map_or(floor, |b| b.0.max(floor));
            let mut x = form.bridge(n, &scorer, cutoff).unwrap_or(0.0);
            if by_short {
                if let Some(last) = n.split_whitespace().last() {
                    x = x.max(scorer.score_cutoff(last, cutoff).unwrap_or(0.0));
                }
            }
            if best.is_none_or(|b| x > b.0) {
                best = Some((x, n));
            }
        }
        let Some((x, n)) = best else { continue };
        match (best_by_entity.get_mut(&entity), far) {
            (Some(c), _) => c.cross_script = x,
            // Over the budget in its own script, but the bridge alone sets its weight (its
            // bridged distance is under the bound on the other): a candidate, exactly weighed.
            (None, Some(bound)) if DECISION.bridged_distance(x) < bound => {
                let c = Candidate {
                    distance: bound,
                    ..Candidate::bridged(entity, e, n, x)
                };
                best_by_entity.insert(entity, c);
            }
            (None, Some(_)) => {
                crowd_bridge.insert(entity, x);
            }
            (None, None) if x >= MIN_BRIDGE => {
                best_by_entity.insert(entity, Candidate::bridged(entity, e, n, x));
            }
            (None, None) => {}
        }
    }
    // Harakat the writer chose to write: evidence for and against vocalised names.
    if let Some(marks) = harakat::vocalised(name) {
        for (&entity, c) in best_by_entity.iter_mut() {
            let names = same_script_names(index, fuzzy, entity, latin_query).map(|(n, _, _)| n);
            c.vocalisation = harakat::vocalisation_distance(&marks, names);
        }
    }
    // In entity order: the decision sums weights over candidates, and a hash map's order
    // would change the last bits of every score from one run to the next.
    for (e, d) in estimated {
        over_budget.entry(e).or_insert(d);
    }
    let mut crowd: Vec<(EntityIdx, f32)> = over_budget
        .into_iter()
        .filter(|(e, _)| !best_by_entity.contains_key(e))
        .collect();
    crowd.sort_unstable_by_key(|&(e, _)| e);
    let crowd = Crowd {
        members: crowd
            .into_iter()
            .map(|(e, d)| {
                let x = crowd_bridge.get(&e).copied().unwrap_or(0.0);
                (d, fuzzy.prior(e), x)
            })
            .collect(),
    };
    let mut out: Vec<(EntityIdx, Candidate<'m>)> = best_by_entity.into_iter().collect();
    out.sort_unstable_by_key(|&(e, _)| e);
    (out.into_iter().map(|(_, c)| c).collect(), crowd)
}

/// What makes a candidate acceptable to a caller, whatever its score: similar enough but
/// not equal, every word matched, an entity and a name the caller can take.
pub(crate) struct Accept<F: Fn(&Entity) -> bool, N: Fn(&[Vec<char>]) -> bool> {
    /// [`Candidate::similarity`] is at least this.
    pub min_similarity: f32,
    /// A name equal to one of the entity's, after folding, is acceptable too (the fuzzy
    /// pass wants none: the exact pass had its chance).
    pub equal_ok: bool,
    /// The entity itself qualifies.
    pub entity_ok: F,
    /// The matched name, as its folded words ([`word_keys`]), qualifies. [`may_accept`]
    /// asks it before aligning a name, with the words it already has: a caller's test that
    /// needs no alignment rules names out at no cost.
    pub name_ok: N,
}

impl<F: Fn(&Entity) -> bool, N: Fn(&[Vec<char>]) -> bool> Accept<F, N> {
    /// Does the candidate pass?
    pub fn accepts(&self, c: &Candidate<'_>) -> bool {
        let ex = &c.explanation;
        (c.distance != 0.0 || self.equal_ok)
            && c.conflict.is_none()
            && c.similarity >= self.min_similarity
            && ex.extra_words.is_empty()
            && ex.missing_words.is_empty()
            && (self.entity_ok)(c.entity)
            && (self.name_ok)(&Prepared::new(c.name).words)
    }
}

/// Could any candidate that [`candidates()`] returns for `name` (with the same `max_distance`
/// and `max_entities`) pass `accept`? Never `false` when one could; sometimes `true` when
/// none does (it looks at every name of an entity, not only the closest).
///
/// Most windows of running text that reach the fuzzy pass have no such candidate, and this
/// says so without aligning most names: a name whose consonants differ from the query's by
/// more full-price edits than its length allows at that similarity is passed over.
pub(crate) fn may_accept<F: Fn(&Entity) -> bool, N: Fn(&[Vec<char>]) -> bool>(
    index: &Index,
    fuzzy: &Forms<'_>,
    name: &str,
    max_distance: f32,
    max_entities: usize,
    accept: &Accept<F, N>,
) -> bool {
    if name.len() > MAX_QUERY_BYTES {
        return false;
    }
    let words = word_keys(name);
    if words.len() > MAX_QUERY_WORDS {
        return false;
    }
    let latin_query = is_latin(name);
    let mut visited: Vec<(EntityIdx, u32)> = Vec::new();
    let mut considered = EntitySet::default();
    for (reading, penalty, clitic) in &readings(&words) {
        let joined = reading.join(" ");
        let query = Prepared::new(&joined).written_as(name);
        let consonants = Consonants::of(&query);
        reading_entities(index, fuzzy, reading, &joined, max_entities, &mut visited);
        // `candidates` aligns only these.
        for &(entity, _) in visited.iter().take(MAX_ALIGNED) {
            considered.insert(entity);
            let e = index.entity(entity);
            if !(accept.entity_ok)(e) {
                continue;
            }
            for (alias, form, short) in same_script_names(index, fuzzy, entity, latin_query) {
                let reachable =
                    max_distance_for_score(accept.min_similarity, query.len(), form.prepared.len());
                if min_full_price_edits(&consonants, &form.consonants) as f32 > reachable
                    || !(accept.name_ok)(&form.prepared.words)
                    || !may_be_within(&query, &form.prepared, reachable)
                {
                    continue;
                }
                // The loosest budget `candidates` gives this name: a result within it is exact.
                let sim = compare(&query, &form.prepared, max_distance - penalty);
                if !sim.distance.is_finite() {
                    continue;
                }
                let candidate = Candidate {
                    idx: entity,
                    entity: e,
                    score: 0.0,
                    similarity: sim.score,
                    distance: sim.distance + penalty + short_form_charge(short, sim.distance),
                    cross_script: 0.0,
                    name: alias,
                    clitic: *clitic,
                    explanation: sim.explanation,
                    vocalisation: 0.0,
                    conflict: None,
                    reading: None,
                };
                if accept.accepts(&candidate) {
                    return true;
                }
            }
        }
    }
    // The entities only the cross-script key reaches: `candidates` bridges the first
    // `max_entities` of them that it has no same-script candidate for, which are among the
    // first `max_entities` + (entities compared) here.
    let scorer = XScriptScorer::new(name);
    let bridged = distinct(
        bridged_entities(index, name).into_iter(),
        max_entities + considered.len(),
    );
    for entity in bridged {
        if !fuzzy.has_names_in(entity, !latin_query) {
            continue;
        }
        let e = index.entity(entity);
        if !(accept.entity_ok)(e) {
            continue;
        }
        let other_script =
            other_script_names(index, fuzzy, entity, latin_query).take(CROSS_SCRIPT_NAMES);
        for (n, form) in other_script {
            if !(accept.name_ok)(&form.prepared.words) {
                continue;
            }
            let Some(x) = form.bridge(n, &scorer, accept.min_similarity) else {
                continue;
            };
            if accept.accepts(&Candidate::bridged(entity, e, n, x)) {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Gazetteer;

    #[test]
    fn names_prepared_beyond_the_limit_are_kept_for_the_query() {
        let tsv: String = (0..100)
            .map(|i| format!("p{i}\tperson\tمحمد {i} الفلاني\n"))
            .collect();
        let g = Gazetteer::from_tsv_str(&format!("id\tkind\tname\n{tsv}")).unwrap();
        let index = Index::new(false, &[g]).unwrap();
        let mut fuzzy = FuzzyIndex::new(&index);
        fuzzy.limit = 10;
        let forms = Forms::new(&fuzzy);
        let first = index.by_id("p0").unwrap();
        let all: Vec<&[NameForm]> = (0..100).map(|i| forms.forms(&index, first + i)).collect();
        // Ten kept by the matcher (and found again), the rest by the query, in more than
        // one chunk, none moved or mixed up.
        assert_eq!(fuzzy.kept.load(Ordering::Relaxed), 10);
        assert!(std::ptr::eq(all[3], forms.forms(&index, first + 3)));
        for (i, f) in all.iter().enumerate() {
            let digits: String = f[0].prepared.words[1].iter().collect();
            assert_eq!(digits, i.to_string());
        }
        let again = Forms::new(&fuzzy);
        assert!(!std::ptr::eq(all[50], again.forms(&index, first + 50)));
    }
}
