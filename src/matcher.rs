//! The matcher: a builder, the immutable [`Matcher`], and the [`Mention`]s it finds.

use std::sync::{Arc, OnceLock};

use serde::Serialize;

use crate::document::{self, Memos, NameKeys};
use crate::error::BuildError;
use crate::gazetteer::{Entity, EntityKind, Gazetteer};
use crate::index::Index;
use crate::mention::{Mention, Mentions};
use crate::resolve::{self, FuzzyIndex, Resolution, ResolveOptions};

/// Configures and builds a [`Matcher`].
///
/// # Examples
///
/// ```
/// use tawfiq::{Gazetteer, MatcherBuilder};
///
/// let mut own = Gazetteer::from_tsv_str("id\tkind\tname\nacme\torganisation\tأكمي\n").unwrap();
/// let matcher = MatcherBuilder::new().builtin(false).gazetteer(own).build().unwrap();
/// let ids: Vec<&str> = matcher.find_iter("وقالت أكمي").filter_map(|m| m.entity_id()).collect();
/// assert_eq!(ids, ["acme"]);
/// ```
#[derive(Clone, Debug)]
pub struct MatcherBuilder {
    builtin: bool,
    gazetteers: Vec<Gazetteer>,
    config: Config,
}

/// Which kinds of match a matcher makes; see the setters of [`MatcherBuilder`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Config {
    pub clitics: bool,
    pub short_forms: bool,
    pub partial: bool,
    pub fuzzy: bool,
    pub unlinked: bool,
    /// The most threads a batch uses; 0 for one per available core.
    pub threads: usize,
}

impl Default for MatcherBuilder {
    fn default() -> MatcherBuilder {
        MatcherBuilder::new()
    }
}

impl MatcherBuilder {
    /// A builder with the built-in gazetteer (when the `builtin` feature compiles it in)
    /// and every match kind switched on.
    pub fn new() -> MatcherBuilder {
        MatcherBuilder {
            builtin: cfg!(feature = "builtin"),
            gazetteers: Vec::new(),
            config: Config {
                clitics: true,
                short_forms: true,
                partial: true,
                fuzzy: true,
                unlinked: true,
                threads: 0,
            },
        }
    }

    /// Use the built-in gazetteer (default `true` with the `builtin` feature, which
    /// compiles it in). Off, only user gazetteers are used.
    pub fn builtin(&mut self, yes: bool) -> &mut MatcherBuilder {
        self.builtin = yes;
        self
    }

    /// Adds a user gazetteer. Entities whose id is a built-in id add their names to the
    /// built-in entity; the others are new entities.
    pub fn gazetteer(&mut self, gazetteer: Gazetteer) -> &mut MatcherBuilder {
        self.gazetteers.push(gazetteer);
        self
    }

    /// Strip proclitics (و ف ب ل ك and combinations, لل with the article restored) to find
    /// names inside written words (default `true`).
    pub fn clitics(&mut self, yes: bool) -> &mut MatcherBuilder {
        self.config.clitics = yes;
        self
    }

    /// Match short forms (surnames, acronyms) that name exactly one entity (default
    /// `true`).
    pub fn short_forms(&mut self, yes: bool) -> &mut MatcherBuilder {
        self.config.short_forms = yes;
        self
    }

    /// Link a word to a person whose full name the same text mentions (default `true`):
    /// `جابيف` after `ألكسندر جابيف`.
    pub fn partial_names(&mut self, yes: bool) -> &mut MatcherBuilder {
        self.config.partial = yes;
        self
    }

    /// Find spelling variants of names in running text (default `true`): `ماسود بيزشكيان`
    /// for `مسعود بزشكيان`. Off, only exact names (after folding), short forms, demonyms and
    /// partial names are found.
    pub fn fuzzy(&mut self, yes: bool) -> &mut MatcherBuilder {
        self.config.fuzzy = yes;
        self
    }

    /// Report names the gazetteer does not know (default `true`): a person, place or
    /// organisation the context shows to be a name (a title or head word before it, a
    /// reporting verb, words that are names, another mention of it) is a mention with a
    /// kind and no entity ([`MatchKind::Unlinked`](crate::MatchKind::Unlinked)). Off, only
    /// names of the gazetteer's entities are mentions.
    pub fn unlinked(&mut self, yes: bool) -> &mut MatcherBuilder {
        self.config.unlinked = yes;
        self
    }

    /// The most threads that [`Matcher::find_batch`], [`Matcher::resolve_batch`], and the
    /// [`Clusterer`](crate::Clusterer) and [`Reconciler`](crate::Reconciler) given this
    /// matcher, run at once (default 0: one per available core). A cap is for sharing a
    /// machine: results are the same whatever it is. 1 runs everything on the calling
    /// thread.
    ///
    /// # Examples
    ///
    /// ```
    /// use tawfiq::{Gazetteer, MatcherBuilder};
    ///
    /// let own = Gazetteer::from_tsv_str("id\tkind\tname\nacme\torganisation\tأكمي\n").unwrap();
    /// let matcher = MatcherBuilder::new().builtin(false).gazetteer(own).threads(1).build().unwrap();
    /// assert_eq!(matcher.threads(), 1);
    /// let found = matcher.find_batch(&["وقالت أكمي", "لا شيء"]);
    /// assert_eq!(found[0][0].entity_id(), Some("acme"));
    /// ```
    pub fn threads(&mut self, threads: usize) -> &mut MatcherBuilder {
        self.config.threads = threads;
        self
    }

    /// Builds the matcher.
    ///
    /// # Errors
    ///
    /// [`BuildError::NoGazetteer`] when the built-in gazetteer is off and no user gazetteer
    /// was added; [`BuildError::BuiltinNotCompiled`] when the built-in gazetteer is asked for
    /// but the crate was built without the `builtin` feature;
    /// [`BuildError::BuiltinKindConflict`] when a user entity has the id of a built-in entity
    /// (in use) of another kind; [`BuildError::KindConflict`] when two user entities share an
    /// id but not a kind.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "builtin")] {
    /// use tawfiq::{BuildError, Gazetteer, MatcherBuilder};
    ///
    /// let tsv = "id\tkind\tname\nvladimir-putin\tplace\tبوتينستان\n";
    /// let err = MatcherBuilder::new()
    ///     .gazetteer(Gazetteer::from_tsv_str(tsv).unwrap())
    ///     .build()
    ///     .unwrap_err();
    /// assert!(matches!(err, BuildError::BuiltinKindConflict { .. }));
    /// # }
    /// ```
    pub fn build(&self) -> Result<Matcher, BuildError> {
        if self.builtin && !crate::gazetteer::builtin::is_available() {
            return Err(BuildError::BuiltinNotCompiled);
        }
        if !self.builtin && self.gazetteers.is_empty() {
            return Err(BuildError::NoGazetteer);
        }
        let index = Index::new(self.builtin, &self.gazetteers)?;
        Ok(Matcher {
            inner: Arc::new(Inner {
                index,
                config: self.config,
                fuzzy: OnceLock::new(),
                name_keys: OnceLock::new(),
                memos: Memos::default(),
            }),
        })
    }
}

#[derive(Debug)]
pub(crate) struct Inner {
    pub index: Index,
    pub config: Config,
    /// The blocking index for fuzzy resolution, built on first use.
    pub fuzzy: OnceLock<FuzzyIndex>,
    /// The entities' names as mention finding compares them, built on first use.
    pub name_keys: OnceLock<NameKeys>,
    /// What mention finding learnt of words and windows, kept from text to text.
    pub memos: Memos,
}

impl Inner {
    pub fn fuzzy(&self) -> &FuzzyIndex {
        self.fuzzy.get_or_init(|| FuzzyIndex::new(&self.index))
    }

    pub fn name_keys(&self) -> &NameKeys {
        self.name_keys.get_or_init(|| NameKeys::new(&self.index))
    }
}

/// Finds entity mentions in text and resolves names. Immutable, cheap to clone, and
/// `Send + Sync`: build one and share it between threads.
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "builtin")] {
/// let matcher = tawfiq::Matcher::builtin();
/// let text = "التقى شي جين بينغ ولبوتين في بكين";
/// let found: Vec<(&str, &str)> = matcher
///     .find_iter(text)
///     .map(|m| (m.surface, m.entity.map_or("", |e| e.name_en.as_ref())))
///     .collect();
/// assert_eq!(found, [("شي جين بينغ", "Xi Jinping"), ("بوتين", "Vladimir Putin"), ("بكين", "Beijing")]);
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct Matcher {
    pub(crate) inner: Arc<Inner>,
}

impl Matcher {
    /// The longest name, in bytes, that [`Matcher::resolve`] and [`Matcher::resolve_kind`]
    /// look up (512); a longer one gets no candidates. The `resolve` and `cluster` tools
    /// print an error for a longer input line.
    pub const MAX_NAME_BYTES: usize = resolve::MAX_QUERY_BYTES;

    /// The most words, as [`keys::word_keys`](crate::keys::word_keys) counts them, of a name
    /// that [`Matcher::resolve`] and [`Matcher::resolve_kind`] look up (16); a name of more
    /// words gets no candidates. The `resolve` and `cluster` tools print an error for it.
    pub const MAX_NAME_WORDS: usize = resolve::MAX_QUERY_WORDS;

    /// A matcher over the built-in gazetteer with default settings, built once per process
    /// and shared (cloning a `Matcher` is cheap). Needs the `builtin` feature (default).
    #[cfg(feature = "builtin")]
    pub fn builtin() -> Matcher {
        static BUILTIN: OnceLock<Matcher> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                MatcherBuilder::new()
                    .build()
                    .expect("the built-in gazetteer is on")
            })
            .clone()
    }

    /// A builder, to add gazetteers or change settings.
    pub fn builder() -> MatcherBuilder {
        MatcherBuilder::new()
    }

    /// The mentions of known entities in `text`, in order, not overlapping.
    ///
    /// Spans are byte offsets into `text`: `&text[m.start..m.end] == m.surface` always.
    /// Proclitics are outside the span (`لبوتين` → `بوتين`); the article stays inside
    /// (`والصين` → `الصين`), except after `لل` where the text does not write it (`للصين` →
    /// `صين`).
    ///
    /// The returned iterator borrows the matcher (`'m`, for the entities) and the text
    /// (`'t`, for the surfaces).
    ///
    /// Memory is linear in the text: the mentions are found at once, and the heap's peak
    /// while finding and holding them stays under 40 bytes per byte of text (19 to 28
    /// measured on news text from 1 KB to 4 MB; checked on 1 MB and 4 MB by
    /// `tests/memory.rs`). The first texts a matcher reads also build its lazy tables once
    /// (about 15 MB with the built-in gazetteer), and a matcher keeps the buffers of a
    /// text's words for the next text of about its size (texts up to 2 MB; some 12 bytes
    /// per byte of the text, one set for each text read at the same time): new buffers
    /// for every text cost more in fresh pages than the reading. Cut a corpus into
    /// documents (or use [`Matcher::find_batch`]) rather than passing it whole.
    pub fn find_iter<'m, 't>(&'m self, text: &'t str) -> Mentions<'m, 't> {
        Mentions::new(document::find(self, text))
    }

    /// The mentions of many texts, found on all cores (or as many as
    /// [`MatcherBuilder::threads`] allows): one list per text, in the order of
    /// `texts`, each exactly what [`Matcher::find_iter`] gives for that text.
    ///
    /// Texts are handed to the threads one at a time as each finishes its last, so a long
    /// text does not hold the others up; use it for a batch of documents (a day of news, a
    /// folder of files), and `find_iter` for one.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "builtin")] {
    /// let m = tawfiq::Matcher::builtin();
    /// let docs = ["زار بوتين الصين.", "لا أسماء هنا.", "وصل شي جين بينغ إلى موسكو."];
    /// let found = m.find_batch(&docs);
    /// assert_eq!(found.len(), 3);
    /// assert_eq!(found[0].len(), 2);
    /// assert!(found[1].is_empty());
    /// assert_eq!(found[2][0].entity_id(), Some("xi-jinping"));
    /// # }
    /// ```
    pub fn find_batch<'m, 't, T>(&'m self, texts: &'t [T]) -> Vec<Vec<Mention<'m, 't>>>
    where
        T: AsRef<str> + Sync,
    {
        crate::parallel::map_pieces(texts, 1, self.threads(), |t| {
            document::find(self, t[0].as_ref())
        })
    }

    /// Resolves a standalone name (a query, a cell of a spreadsheet, a name from another
    /// system) to the entity it most likely means, with a score, an explanation and the top
    /// candidates.
    ///
    /// Spelling variants (`ماسود بيزشكيان`), reordered and partial names (`أوخنا خورلسوخ`),
    /// proclitics and confusable letters are forgiven at a price; the entities' priors break
    /// near-ties (a bare `دلهي` is the city of millions). When no candidate is convincing,
    /// [`Resolution::best`] is `None` and the candidates are still reported.
    ///
    /// A query longer than [`Matcher::MAX_NAME_BYTES`] bytes or of more than
    /// [`Matcher::MAX_NAME_WORDS`] words is not a name (a paragraph, a broken input line): it
    /// gets no best entity and no candidates, in time linear in its length (bytes are
    /// counted first, so a megabyte line is not even split into words).
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "builtin")] {
    /// let m = tawfiq::Matcher::builtin();
    /// let r = m.resolve("ماسود بيزشكيان");
    /// assert_eq!(r.entity().unwrap().name_en, "Masoud Pezeshkian");
    /// assert!(r.best.unwrap().explanation.vowels > 0);
    /// assert!(m.resolve("قرية لا توجد").best.is_none());
    ///
    /// let paragraph = "بوتين ".repeat(200);
    /// assert!(paragraph.len() > tawfiq::Matcher::MAX_NAME_BYTES);
    /// assert!(m.resolve(&paragraph).candidates.is_empty());
    /// # }
    /// ```
    pub fn resolve(&self, name: &str) -> Resolution<'_> {
        self.resolve_with(name, &ResolveOptions::default())
    }

    /// Like [`Matcher::resolve`], among entities of one kind only: a column of place names,
    /// a list of people.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "builtin")] {
    /// use tawfiq::{EntityKind, Matcher};
    ///
    /// let m = Matcher::builtin();
    /// let r = m.resolve_kind("دلهي", EntityKind::Place);
    /// assert_eq!(r.entity().unwrap().name_en, "Delhi");
    /// # }
    /// ```
    pub fn resolve_kind(&self, name: &str, kind: EntityKind) -> Resolution<'_> {
        let options = ResolveOptions {
            kind: Some(kind),
            ..ResolveOptions::default()
        };
        self.resolve_with(name, &options)
    }

    /// Many standalone names resolved on all cores (or as many as [`MatcherBuilder::threads`]
    /// allows): one [`Resolution`] per name, in the order
    /// of `names`, each exactly what [`Matcher::resolve`] gives for that name (or
    /// [`Matcher::resolve_kind`] when `kind` is given).
    ///
    /// Names are handed to the threads in small pieces as each thread finishes its last, so
    /// a hard name does not hold the others up: use it for a column of a spreadsheet or a
    /// watch-list.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "builtin")] {
    /// let m = tawfiq::Matcher::builtin();
    /// let names = ["ماسود بيزشكيان", "قرية لا توجد", "Xi Jinping"];
    /// let found = m.resolve_batch(&names, None);
    /// assert_eq!(found.len(), 3);
    /// assert_eq!(found[0].entity().unwrap().name_en, "Masoud Pezeshkian");
    /// assert!(found[1].best.is_none());
    /// assert_eq!(found[2].entity().unwrap().id, "xi-jinping");
    /// # }
    /// ```
    pub fn resolve_batch<T>(&self, names: &[T], kind: Option<EntityKind>) -> Vec<Resolution<'_>>
    where
        T: AsRef<str> + Sync,
    {
        let options = ResolveOptions {
            kind,
            ..ResolveOptions::default()
        };
        self.resolve_batch_with(names, &options)
    }

    /// [`Matcher::resolve_batch`] with the kind, the threshold and the number of candidates
    /// reported chosen by `options`: each name resolves as [`Matcher::resolve_with`] would.
    pub fn resolve_batch_with<T>(
        &self,
        names: &[T],
        options: &ResolveOptions,
    ) -> Vec<Resolution<'_>>
    where
        T: AsRef<str> + Sync,
    {
        // Pieces of 16: a name takes well under a millisecond, so one name per hand-out
        // would spend a visible share on the shared counter.
        crate::parallel::map_pieces(names, 16, self.threads(), |piece| {
            piece
                .iter()
                .map(|name| self.resolve_with(name.as_ref(), options))
                .collect::<Vec<_>>()
        })
        .into_iter()
        .flatten()
        .collect()
    }

    /// The most threads a batch of this matcher uses, as set by
    /// [`MatcherBuilder::threads`] (0: one per available core).
    pub fn threads(&self) -> usize {
        self.inner.config.threads
    }

    /// Like [`Matcher::resolve`], with the kind, the threshold and the number of
    /// candidates reported chosen by `options` (see [`ResolveOptions`]).
    pub fn resolve_with(&self, name: &str, options: &ResolveOptions) -> Resolution<'_> {
        resolve::resolve(&self.inner.index, self.inner.fuzzy(), name, options)
    }

    /// The entity with this id, if the matcher knows it.
    pub fn entity_by_id(&self, id: &str) -> Option<&Entity> {
        let index = &self.inner.index;
        index.by_id(id).map(|i| index.entity(i))
    }

    /// Every entity the matcher knows: built-in ones (if on), then user ones.
    pub fn entities(&self) -> impl Iterator<Item = &Entity> {
        self.inner.index.entities()
    }
}

/// Counts of entities by kind and source, as printed by the `stats` example.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct GazetteerStats {
    /// Countries and territories (CLDR).
    pub countries: usize,
    /// Populated places (GeoNames).
    pub geonames_places: usize,
    /// First-level administrative divisions (provinces, states, governorates).
    pub divisions: usize,
    /// Curated people.
    pub people: usize,
    /// Curated organisations.
    pub organisations: usize,
    /// Curated places that are neither countries nor populated places (regions, seas…).
    pub other_places: usize,
    /// All entities.
    pub entities: usize,
}

impl Matcher {
    /// Counts the entities of this matcher by kind and source.
    pub fn stats(&self) -> GazetteerStats {
        let mut s = GazetteerStats::default();
        for e in self.entities() {
            s.entities += 1;
            match (e.kind, e.id.split_once(':').map(|(p, _)| p)) {
                (_, Some("cldr")) => s.countries += 1,
                (_, Some("geonames")) => s.geonames_places += 1,
                (_, Some("iso")) => s.divisions += 1,
                (EntityKind::Person, _) => s.people += 1,
                (EntityKind::Organisation, _) => s.organisations += 1,
                (EntityKind::Place, _) => s.other_places += 1,
            }
        }
        s
    }
}
