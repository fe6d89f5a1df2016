//! Evidence that a name belongs to someone or somewhere else: the decision against a
//! candidate whose names leave a word of the query unexplained.
//!
//! A close spelling is not a link. `Jill Biden` is one edit of a word away from `Joe Biden`
//! and has his surname, `كيم جونغ تشول` shares two of the three words of `كيم جونغ أون`,
//! `بنك مصر` contains `مصر` whole: each is someone or something else, and the query says so
//! by a word that none of the entity's names has. A missing word is no such evidence
//! (`بوتين` is Putin, his given name left out), nor is a variant spelling of the entity's
//! own word (`ماسود` for `مسعود`, [`is_same_word`]).
//!
//! The rules, on the words of the query as the candidate read it (its proclitic off):
//!
//! - **no word in common**: no word of the query could even be aligned with a word of any
//!   of the entity's names ([`is_related_word`]): `غوانغدونغ` is not `غينيا`;
//! - **a word of another generation**: `جونيور`, `الأب`, `Jr.`, a regnal number, where the
//!   entity's names have none or another (`جورج بوش الأب` is not George W. Bush);
//! - **a person's other name**: a word of the query that is no word of the entity's names,
//!   while a full name of the entity keeps a word the query does not match: the query names
//!   another given name (`jill ≠ joe`, `يوناتان ≠ بنيامين`, `تشول ≠ اون`). Beyond a full name
//!   the query may go on (`محمد بن سلمان بن عبدالعزيز`: a longer chain of the same name), with
//!   name words only;
//! - **an everyday word that is not a name**: `برج ترامب`, `ملعب محمد بن زايد`: a tower and a
//!   stadium, not the man;
//! - **a place or organisation's extra word**: any word that none of its names has, the
//!   generic descriptors aside ([`is_descriptor`](crate::score::is_descriptor): `مدينة`, `ولاية`…): `بنك مصر` is a bank,
//!   `Washington State` a state, `مدينة الشيخ زايد` another city than `مدينة زايد`.
//!
//! Words of the most frequent kind (`الرئيس`, function words) and descriptors are no
//! evidence either way. Acronyms are compared letter for letter elsewhere and have no words
//! to weigh; a candidate the script bridge alone reaches has no name in the query's script
//! to compare words with.

use serde::{Serialize, Serializer};

use crate::clitic;
use crate::gazetteer::{Entity, EntityKind};
use crate::keys::{bare_key, word_keys};
use crate::score::{Descriptor, VOWEL, descriptor, is_related_word, is_same_word, word_pair_chars};
use crate::token::tokens;

/// An everyday word at least this frequent (Zipf) and seen in fewer than
/// [`NAME_WORD_MIN_PERSONS`] person names is a word, not a name (`برج`, `ملعب`, `منظمة`).
const EVERYDAY_ZIPF: f32 = 3.5;
/// See [`EVERYDAY_ZIPF`].
const NAME_WORD_MIN_PERSONS: u32 = 20;
/// Words at least this frequent, and not name words ([`NAME_WORD_MIN_PERSONS`]: `محمد` is
/// as frequent), are titles and function words: no evidence either way.
const TITLE_ZIPF: f32 = 5.0;

/// Words (folded) that mark a generation or a regnal number: two people who share every
/// other word of a name (`جورج بوش الأب` and `جورج بوش الابن`, Charles I and Charles III).
/// A word of this list matches only itself.
const GENERATIONS: &[&str] = &[
    "جونيور",
    "جنيور",
    "سينيور",
    "الابن",
    "الاب",
    "الاول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "jr",
    "junior",
    "sr",
    "senior",
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "vi",
    "vii",
    "viii",
];

/// Latin function words of organisations' names that a query may leave out (`Olympique
/// Marseille`); Arabic ones and `de`, `al` are shorter than three letters or joined.
const FUNCTION_WORDS: &[&str] = &["the", "and", "for", "des", "del", "von", "van"];

/// Arabic given names (folded) that differ from one another by a long vowel or a letter and
/// are yet other names: `محمد` is not `محمود`, `حسن` not `حسين`, `عمر` not `عمرو`. Any two
/// different words of the list are two names, however close their letters; the list holds
/// the common names of such sets, so that a variant spelling of any other word is still
/// forgiven.
const DISTINCT_GIVEN_NAMES: &[&str] = &[
    "محمد",
    "محمود",
    "حامد",
    "حمد",
    "احمد",
    "حميد",
    "حمدي",
    "حمدان",
    "حسن",
    "حسين",
    "حسان",
    "حسني",
    "عمر",
    "عمرو",
    "عامر",
    "عمار",
    "سعد",
    "سعيد",
    "سعود",
    "سعدي",
    "صالح",
    "صلاح",
    "جمال",
    "جميل",
    "سالم",
    "سليم",
    "سلمان",
    "سليمان",
    "ناصر",
    "نصر",
    "نصير",
    "نصار",
    "خالد",
    "خليل",
    "خلف",
    "كريم",
    "كرم",
    "ماجد",
    "مجدي",
    "مجيد",
    "رشيد",
    "راشد",
    "رشدي",
    "رشاد",
    "زياد",
    "زيد",
    "زايد",
    "فهد",
    "فهيد",
    "عادل",
    "عدلي",
    "نبيل",
    "نبيه",
    "مراد",
    "مريد",
    "فريد",
    "منير",
    "امين",
    "ايمن",
    "نور",
    "نوري",
    "عاطف",
    "عطيه",
    "شريف",
    "اشرف",
    "مشرف",
    "هاني",
    "هاشم",
    "هشام",
    "وليد",
    "خالدي",
    "طارق",
    "طاهر",
    "طه",
    "فاضل",
    "فضل",
    "فيصل",
    "عباس",
    "عبيد",
    "عبود",
    "جابر",
    "جبر",
    "جبير",
];

/// Are two folded words two names, though close in letters: two different
/// [`DISTINCT_GIVEN_NAMES`], or a family name and its nisba (`الطيب` and `الطيبي`, `سعيد`
/// and `سعيدي`)? Both forms of a nisba are words or names the language knows (an everyday
/// frequency, or seen in person names): a foreign name written with and without a last `ي` (`تاماش`, `تاماشي`;
/// `جوزيه`, `جوزيهي`), one form unknown, is one name spelt two ways, its last vowel written
/// or not.
fn distinct_names(a: &[char], b: &[char]) -> bool {
    if a == b {
        return false;
    }
    let listed = |w: &[char]| {
        let w: String = w.iter().collect();
        DISTINCT_GIVEN_NAMES.contains(&w.as_str())
    };
    let arabic = |w: &[char]| w.iter().all(|c| ('\u{0621}'..='\u{064A}').contains(c));
    let known = |w: &[char]| {
        let word = crate::language::bare_word(&w.iter().collect::<String>());
        word.zipf.is_some() || word.person > 0
    };
    let nisba = |short: &[char], long: &[char]| {
        short.len() >= 3
            && long.len() == short.len() + 1
            && long.starts_with(short)
            && long.last() == Some(&'ي')
            && known(short)
            && known(long)
    };
    (listed(a) && listed(b)) || (arabic(a) && arabic(b) && (nisba(a, b) || nisba(b, a)))
}

/// [`is_same_word`], but never for two names ([`distinct_names`]): the word of a query that
/// evidence weighs against an entity's word.
fn is_same_name_word(a: &[char], b: &[char]) -> bool {
    !distinct_names(a, b) && is_same_word(a, b)
}

/// Does a folded word mark a generation ([`GENERATIONS`])?
fn is_generation(word: &[char]) -> bool {
    let w: String = word.iter().collect();
    GENERATIONS.contains(&w.as_str())
}

/// Why a candidate is someone or something else: the evidence that refuses it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Conflict {
    /// The query has another given name where the entity's full name has its own
    /// (`jill ≠ joe`).
    GivenName {
        /// The query's word.
        query: String,
        /// The entity's word it stands against.
        entity: String,
    },
    /// The query has another name word, not first, where a full name of the entity keeps
    /// one it does not match (`تشول ≠ اون`).
    OtherName {
        /// The query's word.
        query: String,
        /// The entity's word it stands against.
        entity: String,
    },
    /// The query marks a generation or number the entity's names do not have (`الأب`).
    Generation {
        /// The query's word.
        word: String,
    },
    /// The query has a word none of the entity's names has: an everyday word beside a
    /// person's name (`برج ترامب`), or any word beside a place's or organisation's name
    /// (`بنك مصر`).
    ExtraWord {
        /// The query's word.
        word: String,
    },
    /// A place or organisation whose every name has a word the query leaves out
    /// (`وول ستريت` is not `وول ستريت جورنال`).
    MissingWord {
        /// The entity's word.
        word: String,
    },
    /// No word of the query resembles a word of the entity's names.
    NoWordInCommon,
    /// The query is exactly the own Latin name of a big place, and this candidate a looser
    /// match (`Amman` is Amman, not Oman).
    ExactElsewhere {
        /// The id of the place the query names exactly.
        id: String,
    },
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Conflict::GivenName { query, entity } => write!(f, "given name {query} ≠ {entity}"),
            Conflict::OtherName { query, entity } => write!(f, "name {query} ≠ {entity}"),
            Conflict::Generation { word } => write!(f, "{word}: another generation"),
            Conflict::ExtraWord { word } => write!(f, "{word}: no word of its names"),
            Conflict::MissingWord { word } => write!(f, "missing {word}: another entity"),
            Conflict::NoWordInCommon => f.write_str("no word in common"),
            Conflict::ExactElsewhere { id } => write!(f, "exactly the Latin name of {id}"),
        }
    }
}

impl Serialize for Conflict {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A word of the query, folded, with what the language knows of it as written.
#[derive(Clone, Debug)]
pub(crate) struct QueryWord {
    letters: Vec<char>,
    /// An everyday word that is not a name word ([`EVERYDAY_ZIPF`]).
    everyday: bool,
    /// A title or function word ([`TITLE_ZIPF`]).
    title: bool,
    /// A person's title or role (`الرئيس بوتين`).
    role: bool,
    /// A generic descriptor of places (`مدينة`, `ولاية`).
    descriptor: Option<Descriptor>,
    /// A name of the gazetteer on its own (`برلين` in `برلين تيغل`): not a common noun
    /// heading another thing's name. Set by the caller ([`QueryWord::mark_names`]).
    pub is_name: bool,
}

impl QueryWord {
    /// The word's folded letters as a key.
    pub fn key(&self) -> String {
        self.letters.iter().collect()
    }

    /// Marks the words that are gazetteer names on their own (`is_name(key)`).
    pub fn mark_names(words: &mut [QueryWord], is_name: impl Fn(&str) -> bool) {
        for w in words {
            w.is_name = is_name(&w.key());
        }
    }
}

/// The words of a query, as [`word_keys`] folds them, with what the language knows of each.
pub(crate) fn query_words(name: &str) -> Vec<QueryWord> {
    tokens(name)
        .filter_map(|t| {
            let key: String = word_keys(t.text).concat();
            if key.is_empty() {
                return None;
            }
            let known = crate::language::bare_word(&bare_key(t.text));
            let zipf = known.zipf.unwrap_or(0.0);
            // A person's title or role (`الرئيس`, `النائب`): no evidence against a person.
            let role = crate::document::cues::PERSON_TITLES.contains(&key.as_str());
            Some(QueryWord {
                everyday: zipf >= EVERYDAY_ZIPF && known.person < NAME_WORD_MIN_PERSONS,
                title: role || (zipf >= TITLE_ZIPF && known.person < NAME_WORD_MIN_PERSONS),
                role,
                descriptor: descriptor(&key),
                is_name: false,
                letters: key.chars().collect(),
            })
        })
        .collect()
}

/// The query words as a candidate read them: without the proclitic it took off the first
/// word (and with the article restored after `لل`).
pub(crate) fn as_read(words: &[QueryWord], proclitic: Option<&str>) -> Vec<QueryWord> {
    let mut out = words.to_vec();
    if let (Some(prefix), Some(first)) = (proclitic, out.first_mut()) {
        let stem: Vec<char> = first.letters[prefix.chars().count()..].to_vec();
        first.letters = if prefix.ends_with("\u{0644}\u{0644}") {
            clitic::ARTICLE.chars().chain(stem).collect()
        } else {
            stem
        };
    }
    out
}

/// Is query word `i` matched, by `same`, to a word of `name` or to two of its words
/// written together, or together with a neighbour to one of its words (spacing)?
fn matched(
    query: &[QueryWord],
    i: usize,
    name: &[Vec<char>],
    same: fn(&[char], &[char]) -> bool,
) -> bool {
    let q = &query[i].letters;
    let generation = is_generation(q);
    // Two generations differ by one letter (`ii`, `iii`); a misspelled one is still one.
    let eq = |a: &[char], b: &[char]| {
        if generation && is_generation(b) {
            a == b
        } else {
            same(a, b)
        }
    };
    if name.iter().any(|n| eq(q, n)) {
        return true;
    }
    // A join counts when it is closer than each of its parts ([`closer`]).
    let joined_name = name.windows(2).any(|p| {
        let joined = [p[0].as_slice(), p[1].as_slice()].concat();
        same(q, &joined) && closer(q, &joined, &p[0]) && closer(q, &joined, &p[1])
    });
    let with = |j: usize| -> Vec<char> {
        if j < i {
            [query[j].letters.as_slice(), q].concat()
        } else {
            [q, query[j].letters.as_slice()].concat()
        }
    };
    let joined_query = [i.checked_sub(1), Some(i + 1).filter(|&j| j < query.len())]
        .into_iter()
        .flatten()
        .any(|j| {
            let joined = with(j);
            name.iter().any(|n| {
                same(&joined, n) && closer(n, &joined, &query[j].letters) && closer(n, &joined, q)
            })
        });
    joined_name || joined_query
}

/// The word of the query that makes a place another one, among the `unexplained` words:
/// one beside a word the place's names do have (a variant spelling of every word of a place's
/// name is the place, however loose). In Arabic, an everyday word before that word: the
/// head of another thing's name (`بنك مصر`, `جامعة قطر`, `وادي حضرموت`); an epithet or
/// qualifier after it is kept by the sources for the place itself (`القدس الشريف`, `كربلاء
/// المقدسة`), and a name word may be a longer form of its name. In Latin script, with no
/// lexicon of everyday words, any such word (`Washington State`, `Blue House`).
fn place_conflict(query: &[QueryWord], unexplained: &[usize]) -> Option<usize> {
    let explained: Vec<usize> = (0..query.len())
        .filter(|i| !unexplained.contains(i) && query[*i].descriptor.is_none())
        .collect();
    let &first_explained = explained.first()?;
    unexplained.iter().copied().find(|&i| {
        let w = &query[i];
        let latin = w.letters.iter().any(|c| c.is_ascii_alphabetic());
        latin || (w.everyday && !w.is_name && i < first_explained)
    })
}

/// Is `word` closer to two words written together (`joined`) than to `part` alone? Only
/// then is the join a spacing variant: `beau` + `biden` is close to `biden` by `biden`
/// alone; `د` + `مشق` is `دمشق`, closer than `مشق`.
fn closer(word: &[char], joined: &[char], part: &[char]) -> bool {
    let max = 0.5 * word.len().max(joined.len()) as f32 + 1.0;
    word_pair_chars(word, joined, max) < word_pair_chars(word, part, max)
}

/// Is word `j` of a name matched by a word of the query, or with a neighbour by one query
/// word written together (`نيوساوث` for `نيو ساوث`)?
fn name_word_covered(name: &[Vec<char>], j: usize, query: &[QueryWord]) -> bool {
    let word = std::slice::from_ref(&name[j]);
    if (0..query.len()).any(|i| matched(query, i, word, is_same_word)) {
        return true;
    }
    [j.checked_sub(1), Some(j + 1).filter(|&k| k < name.len())]
        .into_iter()
        .flatten()
        .any(|k| {
            let joined = if k < j {
                [name[k].as_slice(), name[j].as_slice()].concat()
            } else {
                [name[j].as_slice(), name[k].as_slice()].concat()
            };
            query.iter().any(|q| {
                is_same_word(&q.letters, &joined)
                    && closer(&q.letters, &joined, &name[k])
                    && closer(&q.letters, &joined, &name[j])
            })
        })
}

/// Cross-script similarity a word of the query needs with a word of a name in the other
/// script (or the whole name) to count as that word transliterated.
const MIN_WORD_BRIDGE: f32 = 0.5;

/// The conflict, if any, between a query and an entity the script bridge alone reaches,
/// whose names in the other script are `names`: a word of the query that transliterates no
/// word of them (`John Kelly` / `جونقلي`), or an acronym, which is not transliterated at all.
pub(crate) fn bridge_conflict<'a>(
    query: &str,
    names: impl Iterator<Item = &'a str> + Clone,
) -> Option<Conflict> {
    if crate::score::is_acronym(query.trim()) {
        return Some(Conflict::NoWordInCommon);
    }
    let words: Vec<&str> = tokens(query).map(|t| t.text).collect();
    let mut unmatched = words.iter().filter(|w| {
        let scorer = crate::translit::XScriptScorer::new(w);
        !names.clone().any(|n| {
            std::iter::once(n)
                .chain(n.split_whitespace())
                .any(|part| scorer.score_cutoff(part, MIN_WORD_BRIDGE).is_some())
        })
    });
    let first = unmatched.next()?;
    if unmatched.count() + 1 == words.len() {
        return Some(Conflict::NoWordInCommon);
    }
    Some(Conflict::ExtraWord {
        word: word_keys(first).concat(),
    })
}

/// The words of one name of an entity, and whether it is a full name (not a short form).
pub(crate) struct NameWords<'a> {
    pub words: &'a [Vec<char>],
    pub full: bool,
}

/// What a place is, as descriptors see it: a first-level division (`iso:` ids), a country
/// (`cldr:`), a settlement (`geonames:`); `None` for a curated place or another kind.
fn place_class(e: &Entity) -> Option<Descriptor> {
    if e.kind != EntityKind::Place {
        return None;
    }
    if e.id.starts_with("iso:") {
        Some(Descriptor::Division)
    } else if e.id.starts_with("geonames:") {
        Some(Descriptor::Settlement)
    } else if e.id.starts_with("cldr:") {
        Some(Descriptor::Other)
    } else {
        None
    }
}

/// Does a descriptor the entity's names do not have fit the entity? A settlement's or a
/// division's own descriptor does (sources keep or drop it), a settlement takes a division's
/// too (`محافظة الفيوم` for the city of its province), and a curated place a settlement's; a
/// division's descriptor before a curated city, or a city's before a province or a country,
/// names another place (`ولاية واشنطن` is not the capital, `مدينة بنما` not the province).
fn descriptor_fits(d: Descriptor, e: &Entity) -> bool {
    match (d, place_class(e)) {
        (Descriptor::Other, _) => true,
        // A city shares its name with its province, and sources write either head.
        (Descriptor::Division, Some(Descriptor::Settlement)) => true,
        (d, Some(class)) => d == class,
        (Descriptor::Settlement, None) => e.kind == EntityKind::Place,
        (Descriptor::Division, None) => false,
    }
}

/// The conflict, if any, between a query (its words as the candidate read them) and an
/// entity whose names in the query's script are `names`.
///
/// `cross_script` is the candidate's similarity to its names in the other script: a query
/// that transliterates one of them has a word in common with it whatever its same-script
/// names (an exonym: `كوردوبا` / `قرطبة`, Córdoba).
pub(crate) fn conflict(
    query: &[QueryWord],
    entity: &Entity,
    names: &[NameWords<'_>],
    cross_script: f32,
) -> Option<Conflict> {
    let kind = entity.kind;
    if query.is_empty() || names.is_empty() {
        return None;
    }
    // The same letters spaced otherwise (`جوز يبيصالح` for `جوزيبي صالح`), within one vowel.
    let joined: Vec<char> = query
        .iter()
        .flat_map(|w| w.letters.iter().copied())
        .collect();
    // Two names are not one spaced otherwise (`محمد عباس` is not `محمود عباس`).
    let two_names = |n: &NameWords<'_>| {
        query
            .iter()
            .any(|q| n.words.iter().any(|w| distinct_names(&q.letters, w)))
    };
    if names
        .iter()
        .any(|n| word_pair_chars(&joined, &n.words.concat(), VOWEL) <= VOWEL && !two_names(n))
    {
        return None;
    }
    let word = |i: usize| query[i].letters.iter().collect::<String>();
    let related = (0..query.len()).any(|i| {
        names
            .iter()
            .any(|n| matched(query, i, n.words, is_related_word))
    });
    if !related && cross_script < MIN_WORD_BRIDGE {
        return Some(Conflict::NoWordInCommon);
    }
    // The query's words that no name of the entity explains, evidence aside.
    let unexplained: Vec<usize> = (0..query.len())
        .filter(|&i| {
            !names
                .iter()
                .any(|n| matched(query, i, n.words, is_same_name_word))
        })
        .collect();
    if let Some(&i) = unexplained
        .iter()
        .find(|&&i| is_generation(&query[i].letters))
    {
        return Some(Conflict::Generation { word: word(i) });
    }
    // A descriptor of another kind of place names another place (`ولاية واشنطن`); one that
    // fits is no evidence.
    if let Some(&i) = unexplained.iter().find(|&&i| {
        query[i]
            .descriptor
            .is_some_and(|d| !descriptor_fits(d, entity))
    }) {
        return Some(Conflict::ExtraWord { word: word(i) });
    }
    // A single letter (`د مشق`) is a broken word, not evidence.
    let evidence: Vec<usize> = unexplained
        .into_iter()
        .filter(|&i| query[i].descriptor.is_none() && query[i].letters.len() > 1)
        .collect();
    if kind == EntityKind::Place {
        return place_conflict(query, &evidence).map(|i| Conflict::ExtraWord { word: word(i) });
    }
    if kind == EntityKind::Organisation {
        if let Some(&i) = evidence.first() {
            return Some(Conflict::ExtraWord { word: word(i) });
        }
        // A place or organisation named by more words than the query has: `وول ستريت` is
        // not `وول ستريت جورنال`. Unless a name of it has no word the query leaves out.
        let uncovered = |n: &NameWords<'_>| -> Vec<usize> {
            (0..n.words.len())
                .filter(|&j| {
                    let w: String = n.words[j].iter().collect();
                    w.chars().count() > 2
                        && !FUNCTION_WORDS.contains(&w.as_str())
                        && descriptor(&w).is_none()
                        && !name_word_covered(n.words, j, query)
                })
                .collect()
        };
        // The name the query comes closest to covering names the missing word.
        let (closest, missing) = names
            .iter()
            .map(|n| (n, uncovered(n)))
            .min_by_key(|(_, m)| m.len())?;
        return missing.first().map(|&j| Conflict::MissingWord {
            word: closest.words[j].iter().collect(),
        });
    }
    // A title or role before a person's name (`الرئيس بوتين`) is no evidence either way.
    let evidence: Vec<usize> = evidence.into_iter().filter(|&i| !query[i].role).collect();
    let &first = evidence.first()?;
    let everyday = evidence.iter().copied().find(|&i| query[i].everyday);
    // The full name the query covers best: the words of it the query leaves unmatched. A
    // one-word name (`Trump` among the aliases) is a short form in effect.
    let full = |n: &&NameWords<'_>| n.full && n.words.len() > 1;
    let missing = names
        .iter()
        .filter(full)
        .map(|n| {
            (0..n.words.len())
                .filter(|&j| {
                    let w = std::slice::from_ref(&n.words[j]);
                    !(0..query.len()).any(|i| matched(query, i, w, is_same_name_word))
                })
                .collect::<Vec<usize>>()
        })
        .zip(names.iter().filter(full))
        .min_by_key(|(m, _)| m.len());
    match missing {
        // A word of a full name the query does not have, and a name word of its own in its
        // place: another person of that family.
        Some((m, n)) if !m.is_empty() => {
            if let Some(i) = everyday {
                return Some(Conflict::ExtraWord { word: word(i) });
            }
            let entity: String = n.words[m[0]].iter().collect();
            Some(if m[0] == 0 {
                Conflict::GivenName {
                    query: word(first),
                    entity,
                }
            } else {
                Conflict::OtherName {
                    query: word(first),
                    entity,
                }
            })
        }
        // The query covers a full name and goes on with name words after its given name
        // (the same name, longer: a chain of fathers' names) or titles (`الرئيس`); not with
        // another everyday word (`ملعب`), nor with a name word before it: `محمد بن سلمان بن
        // عبدالعزيز` is the son of `سلمان بن عبدالعزيز`.
        Some((_, n)) => {
            if let Some(&i) = evidence
                .iter()
                .find(|&&i| query[i].everyday && !query[i].title)
            {
                return Some(Conflict::ExtraWord { word: word(i) });
            }
            let given = (0..query.len()).find(|&i| !query[i].title)?;
            evidence.contains(&given).then(|| Conflict::GivenName {
                query: word(given),
                entity: n.words[0].iter().collect(),
            })
        }
        None => evidence
            .iter()
            .find(|&&i| query[i].everyday && !query[i].title)
            .map(|&i| Conflict::ExtraWord { word: word(i) }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(w: &str) -> Vec<char> {
        w.chars().collect()
    }

    #[test]
    fn same_words() {
        for (a, b, want) in [
            ("عيدو", "بنيامين", false),
            ("beau", "joe", false),
            ("beau", "biden", false),
            ("jill", "joe", false),
            ("جيل", "جو", false),
            ("ماسود", "مسعود", true),
            ("vladimir", "wladimir", true),
        ] {
            assert_eq!(is_same_word(&chars(a), &chars(b)), want, "{a} {b}");
        }
    }

    #[test]
    fn close_names_that_are_other_names() {
        for (a, b, want) in [
            ("محمد", "محمود", false),
            ("حسن", "حسين", false),
            ("الطيب", "الطيبي", false),
            ("ماسود", "مسعود", true),
            ("محمد", "محمد", true),
            // A variant spelling of a foreign name is forgiven, its last vowel written or
            // not too.
            ("جونسون", "جونسن", true),
            ("تاماش", "تاماشي", true),
            ("باتمونخ", "باتمونخي", true),
        ] {
            assert_eq!(is_same_name_word(&chars(a), &chars(b)), want, "{a} {b}");
        }
    }
}
