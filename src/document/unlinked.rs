//! The unlinked-name pass: names the gazetteer does not know, found by their context.
//!
//! Real news names far more people, clubs, councils and villages than any gazetteer holds.
//! A name is recognised from evidence around and inside it, never from one weak sign alone:
//!
//! - **organisations**: a head noun that belongs to the name (`حزب`, `مجلس`, `جهاز`,
//!   `بلدية`, `لجنة`…) followed by a complement that names something: a place or a
//!   country's adjective the text already links (`مجلس محافظة البصرة`, `لجنة الانتخابات
//!   الباكستانية`), an unknown word, a quoted name, or, after a political head, the definite
//!   words of a party's name (`حزب الظفر`); or a descriptor (`نادي`, `شركة`, `وكالة`) followed
//!   by a name in quotes or an unknown word, the descriptor outside the span (`نادي فلامنجو`);
//! - **facilities**: `ميناء طرطوس`, spanned whole, as places;
//! - **places**: a head for a place (`إقليم`, `ولاية`, `دائرة`) followed by unknown words,
//!   the head outside the span;
//! - **people**: words that are words of person names (`data/person_tokens_ar.tsv`, weighed
//!   against their everyday frequency, read as written so that `على` is not `علي`) or words
//!   no dictionary has (`سكورسيزي`), two or more in a row, after a title or a reporting verb,
//!   or starting with a well attested given name, or joined by `و` to a person just named.
//!
//! A name the gazetteer knows inside such a span is a piece of it, not a mention of its own
//! (`أبوظبي` in `جهاز أبوظبي للاستثمار`, `دياب` in `سليم دياب`). The family name of a person
//! named in full then refers to that person alone (`دوغانلي` after `كريم دوغانلي`). The mentions
//! of one unknown entity share a number within the text.

use rustc_hash::FxHashMap as HashMap;

use crate::clitic;
use crate::gazetteer::EntityKind;
use crate::index::{EntityIdx, Index};
use crate::keys::{bare_key, ortho_key};
use crate::language::{bare_word, zipf};
use crate::mention::MatchKind;

use super::cues::{
    AGENCY, AMBIGUOUS_LETTER_NAMES, CLUB_DESCRIPTORS, CLUB_NAME_WORDS, COMPANY_DESCRIPTORS,
    COMPANY_WORDS, COMPOUND_GIVEN_OPENERS, DAY_PARTS, DAY_WORDS, DIN, DIN_COMPOUNDS, DIRECTIONS,
    DIVINE_NAME, DIVINE_NAME_COMPOUNDS, FACILITY_DESCRIPTORS, FACILITY_HEADS, FEMALE_GIVEN_NAMES,
    HONORIFICS, KUNYAS, LETTER_NAMES, LIST_HEADS, MONTHS, NAME_JOINERS, NAMED_AFTER_ORG_HEADS,
    NAMED_AFTER_PLACE_HEADS, NAMING_WORDS, OFFICIAL_ADJECTIVES, ORDINALS, ORG_DESCRIPTORS,
    ORG_HEADS, PATRONYMIC_JOINERS, PERSON_TITLES, PLACE_HEADS, PLACE_PREPOSITIONS, RELATION_WORDS,
    REPORTING_VERBS, RESULT_PREPOSITIONS, RESULT_WORDS, SCHOOL_HEADS, STOPS, TEAM_NOUNS,
    TITLE_ADJECTIVES, VERB_PARTICLES, is_in,
};
use super::memo::Memo;
use super::partial::{RARE_GIVEN_MAX_NAMES, RARE_GIVEN_MIN_LETTERS};
use super::words::Words;
use super::{AS_WRITTEN, Found, Named};

/// Confidence of an unlinked mention found by a head word or a title: the strongest
/// evidence, though the extent of the name may still be off by a word.
const CUED_SCORE: f32 = 0.8;
/// Confidence of an unlinked person found by the words of the name alone.
const NAME_WORDS_SCORE: f32 = 0.7;
/// Confidence of a family name alone referring to a person the text named in full.
const FAMILY_SCORE: f32 = 0.75;

/// A word of a person's name counts as one when `log10(names + 1)`, less
/// [`ZIPF_WEIGHT`] per unit of Zipf frequency above this floor, is at least [`NAME_WORD`]:
/// names are frequent in news (`محمد` 6.1, `علي` 6.1), function words more so (`من` 7.5,
/// though 516 transliterated names write `Minh` so).
const ZIPF_FLOOR: f32 = 5.0;
/// See [`ZIPF_FLOOR`].
const ZIPF_WEIGHT: f32 = 1.5;
/// See [`ZIPF_FLOOR`].
const NAME_WORD: f32 = 0.3;
/// A definite word after a given name is a family name (`علي الراشد`, `محمود الجمل`) when
/// it is no more frequent than this (`الحمد`, of `الحمد لله`, is).
const FAMILY_MAX_ZIPF: f32 = 4.5;
/// A definite nisba is a family name after a given name when no more frequent than this
/// (`العوضي` 3.7; `الاقتصادي`, "the economic", is far more).
const NISBA_MAX_ZIPF: f32 = 4.0;
/// A given name with the article (`العمر`) is a family name when the name is in at least
/// this many names …
const FAMILY_GIVEN_MIN_NAMES: u32 = 50;
/// … and the word with the article no more frequent than this (`الحمد`, of `الحمد لله`, is
/// 5.6).
const FAMILY_GIVEN_MAX_ZIPF: f32 = 5.5;
/// A reading of a word with a proclitic taken off that is a well attested name (`وعلي` is
/// و + علي, though `وعلي` also spells `وعلى`) wins over the word as written when the word is
/// no more frequent than this.
const READ_AS_NAME_MAX_ZIPF: f32 = 5.0;
/// A given name that starts a person's name without a title before it: well attested in
/// names (at least this many) …
const GIVEN_MIN_NAMES: u32 = 10;
/// … and clearly more a name than a word.
const GIVEN_MIN_SCORE: f32 = 0.6;
/// A word as written at least this frequent (Zipf) is a dictionary word, not an unknown
/// one: `استسلام` (3.4) is a word, `باتشينو` (3.0) and `سكورسيزي` (2.6), names news quotes,
/// are not.
const DICTIONARY_MIN_ZIPF: f32 = 3.2;
/// An unknown word has at least this many letters (shorter ones are abbreviations,
/// particles and typos as often as names).
const UNKNOWN_MIN_LETTERS: usize = 3;
/// A one-word link to a place with a lower prior (a town of about 60,000) may be a word of
/// an unknown person's name instead (`فيكتور هوجو`, not Hugo, Oklahoma).
const SMALL_PLACE_PRIOR: f32 = 0.6;
/// The surname of a person at least this prominent after a name-like word is that person
/// (`دان بوتين` is "condemned Putin"), not an unknown namesake (`سليم دياب`).
const PROMINENT_PERSON_PRIOR: f32 = 0.8;
/// A word after a club's descriptor in sports copy names the club when it is no more
/// frequent than this as a word (`العلا` 3.8; `العمل`, of `فريق العمل`, the work team, 5.5).
const CLUB_WORD_MAX_ZIPF: f32 = 4.6;
/// A given name this much more a name than a word (`جوناثان` 2.4; `دان`, "condemned", far
/// less) is one even with no title before it.
const STRONG_GIVEN_SCORE: f32 = 2.0;
/// Pronoun endings (folded): a word with one (`مساعديهما`, `بهدفه`) is a noun or a verb
/// the word lists lack in that form, not a family name.
const PRONOUN_ENDINGS: &[&str] = &["ه", "ها", "هما", "هم", "هن", "كم", "نا"];
/// A nisba family name read by its ending alone has at least this many letters
/// (`تلمساني`).
const NISBA_MIN_LETTERS: usize = 4;
/// The most words of the name of the person an institution is named after (`عبد الله بن
/// عبد العزيز`).
const NAMED_AFTER_MAX_NAME_WORDS: usize = 5;
/// The longest name found, in words.
const MAX_NAME_WORDS: usize = 5;
/// The longest name in quotes an organisation's head opens, in words.
const MAX_QUOTED_NAME_WORDS: usize = 8;
/// The most nouns of a purpose after `من أجل` in a party's name.
const PURPOSE_MAX_NOUNS: usize = 4;
/// A word spelled as a foreign name writes at least this many long vowels after its first
/// letter (see [`spelled_foreign`]).
const FOREIGN_MIN_VOWELS: usize = 2;
/// The most letters of an acronym spelled out (`إتش إس بي سي` has four).
const MAX_ACRONYM_LETTERS: usize = 8;
/// The most words of a name after an acronym's letters (`دي بي ورلد`).
const MAX_ACRONYM_WORDS: usize = 2;
/// A town of at most this prior (a city of about a million) after a given name is a family
/// name.
const FAMILY_TOWN_MAX_PRIOR: f32 = 0.75;
/// The most words back from a naming word to the head of what it names (`اللائحة الأولى
/// أطلق عليها اسم`).
const NAMED_HEAD_MAX_WORDS: usize = 5;
/// The longest complement of an organisation's head, in words.
const MAX_COMPLEMENT_WORDS: usize = 6;
/// The most words of a description between a descriptor and the name it introduces
/// (`شركة الاتصالات القطرية أوريدو`).
const DESCRIPTION_MAX_WORDS: usize = 3;
/// The longest name of an unknown organisation or place looked for where the text repeats
/// it alone, in words.
const REPEAT_MAX_WORDS: usize = 3;

/// Heads of political organisations, and the ministry: after one, the definite words of the
/// name are the name (`حزب الظفر`, `حركة أمل`, `وزارة الشؤون المدنية`), whatever they mean as
/// words.
const POLITICAL_HEADS: &[&str] = &[
    "وزاره",
    "حزب",
    "حركه",
    "تيار",
    "جبهه",
    "تحالف",
    "ايتلاف",
    "جمعيه",
    "كتله",
    "لايحه",
];

/// Definite heads of parties and movements (folded), which two adjectives after them make a
/// name (see [`organisation`]).
const PARTY_HEADS: &[&str] = &["الحزب", "الحركه", "الجبهه", "التيار", "التحالف", "الكتله"];

/// Adjectives of parties' names that are no relative adjectives (folded).
const PARTY_ADJECTIVES: &[&str] = &[
    "الحر",
    "الحره",
    "الجديد",
    "الجديده",
    "الموحد",
    "الموحده",
    "المتحد",
    "المتحده",
];

/// Relative adjectives said of a party rather than part of its name (folded): `الحزب
/// الليبرالي الديمقراطي الحاكم` is the LDP, in power.
const PARTY_STATES: &[&str] = &["الحاكم", "المعارض", "الحاكمه", "المعارضه"];

/// English words of organisations' names: a Latin name with one of them is an
/// organisation's (`Barrick Gold Corporation`), any other a person's.
const LATIN_ORG_WORDS: &[&str] = &[
    "Group",
    "Bank",
    "Company",
    "Corporation",
    "Corp",
    "Inc",
    "Ltd",
    "Limited",
    "Holding",
    "Holdings",
    "Airlines",
    "Airways",
    "University",
    "Party",
    "Foundation",
    "Fund",
    "Council",
    "Agency",
    "Ministry",
    "Institute",
    "Association",
    "Club",
    "FC",
    "Press",
    "News",
    "Times",
    "Energy",
    "Oil",
    "Gas",
    "Gold",
    "Motors",
    "Capital",
    "Partners",
    "Technologies",
];

/// A word of a name in the Latin script: a capital then small letters (`Djiwandono`,
/// `O'Neill`, `Jean-Luc`), or capitals alone, three or more (`ALTINOK`; two are more often
/// an acronym).
fn is_capitalised_latin(word: &str) -> bool {
    // Called on every word of a text: most are Arabic, and fail at the first byte.
    let bytes = word.as_bytes();
    let Some((&first, rest)) = bytes.split_first() else {
        return false;
    };
    let joiner = |b: &u8| matches!(b, b'\'' | b'-');
    first.is_ascii_uppercase()
        && !rest.is_empty()
        && rest.iter().all(|b| b.is_ascii_alphabetic() || joiner(b))
        && (rest.iter().all(|b| !b.is_ascii_uppercase() || joiner(b))
            || rest.len() >= 2 && rest.iter().all(|b| !b.is_ascii_lowercase()))
}

/// Does what lies between two Latin words keep them in one name: spaces, and the quotes of
/// a nickname (`Rahayu “Sara” Djojohadikusumo`)?
fn is_latin_name_gap(gap: &str) -> bool {
    !gap.is_empty()
        && gap.chars().count() <= 4
        && gap
            .chars()
            .all(|c| c == ' ' || matches!(c, '"' | '“' | '”' | '«' | '»'))
}

/// Spokesmen, whom `باسم` ("in the name of") follows.
const SPOKESMEN: &[&str] = &["المتحدث", "الناطق", "المتحدثه", "الناطقه", "متحدث", "ناطق"];

/// Heads of armed and police forces.
const FORCE_HEADS: &[&str] = &["قوات", "القوات", "جيش", "الجيش", "شرطه", "الشرطه"];

/// Enclitic pronouns and inflection endings, longest first: a word with one of them taken
/// off that is an everyday word is an everyday word (`جلساتهما`, `أجلوا`).
const ENDINGS: &[&str] = &[
    "تهما", "تهم", "تها", "هما", "كما", "هم", "هن", "ها", "كم", "نا", "ني", "وا", "ون", "ين", "ات",
    "ان", "ته", "تي", "ه", "ي", "ك", "ت", "ا",
];

/// Verb prefixes: a word that is an everyday word without one is an everyday word.
const VERB_PREFIXES: &[&str] = &["ي", "ت", "ن", "ا", "س", "سي", "ست"];

/// What the pass knows of one word of the text.
#[derive(Clone, Debug)]
pub(super) struct Info {
    /// The folded word without the proclitic it is read with.
    stem: String,
    /// The reading of the word: the proclitic taken off (`و` of `وعلي`), if any.
    cand: clitic::Candidate,
    /// The word is an everyday word, or one with an ending or a prefix.
    everyday: bool,
    /// The stem as written is no dictionary word: a name, likely a foreign one.
    unknown: bool,
    /// The word is read with a proclitic off, and as written it is no dictionary word
    /// (`بادوسا`, read ب + `ادوسا`): inside a name, it is a word of the name when the
    /// reading is no dictionary word either (`لصفوف` is ل + `صفوف`).
    written_unknown: bool,
    /// How much more a person's name than a word the stem is (see [`ZIPF_FLOOR`]).
    name_score: f32,
    /// Person names the stem is seen in.
    names: u32,
    /// The stem's Zipf frequency as written, if it is an everyday word.
    zipf: Option<f32>,
    /// Person names the stem without its article is seen in (`راشد` of `الراشد`).
    names_without_article: u32,
    /// The stem starts with the article.
    definite: bool,
    /// The stem is a stop word (`على`, but not the name `علي`), a month, a reporting verb
    /// or a title: a word no person's name runs over.
    listed_stop: bool,
    /// The stem is one of the most frequent Arabic words.
    frequent: bool,
    /// The stem joins the words of a name (`بن`, `أبو`).
    joiner: bool,
    /// The head noun the stem is, if any.
    head: Head,
    /// The stem is a word of companies' names ([`COMPANY_WORDS`]).
    company: bool,
    /// The stem is a person's title ([`PERSON_TITLES`]).
    title: bool,
    /// The word as written spells out a Latin letter: `Some(true)` for one of
    /// [`LETTER_NAMES`], `Some(false)` for one that is also a word ([`AMBIGUOUS_LETTER_NAMES`]).
    letter: Option<bool>,
    /// The word as written gives a name ([`NAMING_WORDS`]: `اسم`, `باسم`): a name in
    /// quotes may follow.
    naming: bool,
    /// The stem is a noun of a team's players or play ([`TEAM_NOUNS`]).
    team: bool,
    /// The stem begins a club's name before its town ([`CLUB_NAME_WORDS`]).
    club_word: bool,
    /// The stem is a word of a match's result ([`RESULT_WORDS`]).
    result: bool,
    /// The stem, or the stem after a joined `و` or `ف`, is a title, a reporting verb or a
    /// verb's particle ([`is_in_joined`]): asked of the word before most words of a text.
    joined: Joined,
}

/// What [`Info::joined`] says of a word.
#[derive(Clone, Copy, Debug, Default)]
struct Joined {
    title: bool,
    reporting: bool,
    particle: bool,
}

/// A head noun that names the kind of what follows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Head {
    None,
    /// An organisation or a facility that belongs to the name (`حزب`, `ميناء`).
    Organisation,
    /// An organisation's descriptor, outside the name (`نادي`, `شركة`).
    Descriptor,
    /// A place's head, outside the name (`إقليم`, `ولاية`).
    Place,
}

impl Info {
    /// Can the word be part of a person's name?
    fn name_like(&self) -> bool {
        self.unknown || (self.names > 0 && self.name_score >= NAME_WORD)
    }

    /// Can the word be a family name with the article after a given name (`الراشد`, `الغانم`,
    /// `البدران`), not an everyday noun (`الرئيسان`, `المحاولات`)?
    fn family(&self) -> bool {
        let zipf_at_most = |max: f32| self.zipf.is_none_or(|z| z <= max);
        self.definite
            && self.cand.chars == 0
            && ((zipf_at_most(FAMILY_MAX_ZIPF)
                && (self.names_without_article >= 2
                    || self.names > 0
                    || zipf_at_most(DICTIONARY_MIN_ZIPF)
                    // A nisba that is no common adjective (`العوضي`).
                    || (self.stem.ends_with('ي') && zipf_at_most(NISBA_MAX_ZIPF))))
                // A given name with the article is a family name even when it is also a
                // common word (`العمر`, "the age"; `عمر` is in hundreds of names).
                || (self.names_without_article >= FAMILY_GIVEN_MIN_NAMES
                    && zipf_at_most(FAMILY_GIVEN_MAX_ZIPF)))
    }

    /// Can the word start a person's name without a title before it?
    fn given(&self) -> bool {
        self.names >= GIVEN_MIN_NAMES && self.name_score >= GIVEN_MIN_SCORE
    }

    /// Is the word, as written, in no dictionary, and a word only by an ending taken off
    /// (`داتون` is no ذات + ون, `أميتي` no أميت + ي), not a word with a pronoun's ending
    /// (`بهدفه`), nor with a digit: a name, where a cue says one follows?
    fn word_only_by_ending(&self) -> bool {
        // A pronoun's ending on a word makes it that word's (`بهدفه` is بهدف + ه); on no
        // word it is a name's last letters (`سومانا`).
        let pronoun = || {
            PRONOUN_ENDINGS.iter().any(|e| {
                self.stem
                    .strip_suffix(e)
                    .is_some_and(|rest| rest.chars().count() >= 2 && is_everyday_within(rest, 1))
            })
        };
        self.zipf.is_none()
            && !self.listed_stop
            && self
                .stem
                .chars()
                .all(|c| ('\u{0621}'..='\u{064A}').contains(&c))
            && !pronoun()
    }
}

/// Is `stem` in `list`, or is it a word of the list joined to `و` or `ف` (`وقالت`, kept as
/// written because it is an everyday word itself)?
fn is_in_joined(list: &[&str], stem: &str) -> bool {
    is_in(list, stem)
        || stem
            .strip_prefix(['و', 'ف'])
            .is_some_and(|rest| is_in(list, rest))
}

/// Is the folded `word`, or the word with an ending or a verb prefix taken off, an everyday
/// word?
pub(super) fn is_everyday(word: &str) -> bool {
    is_everyday_within(word, 2)
}

/// [`is_everyday`] with at most `endings` endings taken off (`مساعديهما` is مساعد + ي + هما).
fn is_everyday_within(word: &str, endings: usize) -> bool {
    if zipf(word).is_some() {
        return true;
    }
    let chars = word.chars().count();
    let shorter = |cut: &str| cut.chars().count() >= 2 && zipf(cut).is_some();
    if endings > 0 {
        for ending in ENDINGS {
            if let Some(rest) = word.strip_suffix(ending) {
                if chars - ending.chars().count() >= 2
                    && (shorter(&format!("{rest}ه")) || is_everyday_within(rest, endings - 1))
                {
                    return true;
                }
            }
        }
    }
    // A conjunction never follows a verb's prefix: `يولن` is no ي + `ولن` ("and will
    // not"), it is the name Julen.
    let conjoined_particle = |rest: &str| {
        rest.strip_prefix(['و', 'ف'])
            .is_some_and(|particle| is_in(STOPS, particle))
    };
    endings == 2
        && VERB_PREFIXES.iter().any(|p| {
            word.strip_prefix(p).is_some_and(|rest| {
                rest.chars().count() >= 3
                    && !conjoined_particle(rest)
                    && is_everyday_within(rest, 1)
            })
        })
}

/// Is the folded `stem` spelled as foreign names are in Arabic, with the vowels written
/// out (`فيرغارا`, `ليبرتادوريس`: two long vowels or more after the first letter), and
/// without the endings of Arabic plurals and duals (`مضطرتان`)? Arabic words the word lists
/// lack are mostly inflected verbs and nouns that write one long vowel or none (`ارتقت`).
fn spelled_foreign(stem: &str) -> bool {
    let vowels = stem
        .chars()
        .skip(1)
        .filter(|c| matches!(c, 'ا' | 'و' | 'ي' | 'ى'))
        .count();
    vowels >= FOREIGN_MIN_VOWELS && !["ات", "تان", "تين", "وا"].iter().any(|e| stem.ends_with(e))
}

/// The information of word `w`: read as written, unless a proclitic reading is a word of
/// names or an everyday word and the word as written is neither.
fn info(text: &str, words: &Words, w: usize) -> Info {
    let key = words.key(w);
    let word = &words.words[w];
    let make = |cand: clitic::Candidate, stem: &str| {
        let start = words.origins[word.chars.start + cand.chars];
        let bare_text = bare_key(&text[start..word.end]);
        let mut bare = bare_word(&bare_text);
        // News often drops the hamza of a name's first alef (`ابراهيم` for `إبراهيم`): the
        // names it is seen in are counted as written with it.
        if bare.person == 0 {
            if let Some(rest) = bare_text.strip_prefix('ا') {
                bare.person = ['إ', 'أ']
                    .iter()
                    .map(|h| bare_word(&format!("{h}{rest}")).person)
                    .max()
                    .unwrap_or(0);
            }
        }
        // `عبد` joined to the divine name after it (`عبداللطيف`, `عبدالهادي`) is one given
        // name, which the name lists hold in two words: counted as `عبد` is.
        if bare_text
            .strip_prefix("عبد")
            .is_some_and(|rest| rest.starts_with("ال") && rest.chars().count() > 3)
        {
            bare.person = bare.person.max(bare_word("عبد").person);
        }
        // Egyptian writing ends `عيسى` with a dotted yeh (`عيسي`), and some writers the
        // other way round: the names are counted as written with the other letter.
        if bare.person == 0 {
            let swapped = if let Some(rest) = bare_text.strip_suffix('ي') {
                Some(format!("{rest}ى"))
            } else {
                bare_text.strip_suffix('ى').map(|rest| format!("{rest}ي"))
            };
            if let Some(other) = swapped {
                bare.person = bare_word(&other).person;
            }
        }
        if bare.person < GIVEN_MIN_NAMES && is_female_given_name(stem) {
            bare.person = GIVEN_MIN_NAMES;
        }
        let names_without_article = bare_text
            .strip_prefix("ال")
            .map_or(0, |rest| bare_word(rest).person);
        // Keys drop the alef that carries an accusative tanween (`أيضًا` → `ايض`); the word
        // lists were written without the tanween (`أيضا`), so the word is looked up with it.
        let tanween = text[start..word.end].contains(crate::normalize::marks::FATHATAN)
            && !stem.ends_with('ا');
        let with_alef = |s: &str| format!("{s}ا");
        let everyday = is_everyday(stem)
            || bare.zipf.is_some_and(|z| z >= DICTIONARY_MIN_ZIPF)
            || (tanween
                && (is_everyday(&with_alef(stem))
                    || bare_word(&with_alef(&bare_text))
                        .zipf
                        .is_some_and(|z| z >= DICTIONARY_MIN_ZIPF)));
        let letters = stem.chars().count();
        // `علي` written with a final yeh is the name Ali, never the preposition `على`, which
        // folds to the same key.
        let ali = stem == "علي" && bare_text.ends_with('ي');
        let arabic = stem.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c));
        let zipf_penalty = bare
            .zipf
            .map_or(0.0, |z| ZIPF_WEIGHT * (z - ZIPF_FLOOR).max(0.0));
        Info {
            stem: stem.to_string(),
            cand,
            everyday,
            // A word of person names is weighed by `name_score`, not taken as unknown.
            unknown: !everyday && bare.person == 0 && arabic && letters >= UNKNOWN_MIN_LETTERS,
            written_unknown: false,
            name_score: (bare.person as f32 + 1.0).log10() - zipf_penalty,
            names: bare.person,
            zipf: bare.zipf,
            names_without_article,
            // The article is written without a hamza: `أليكس` is Alexis.
            definite: stem.starts_with("ال")
                && (cand.article || bare_text.starts_with("ال"))
                && letters > 3,
            listed_stop: is_in(STOPS, stem) && !ali
                || is_in(MONTHS, stem)
                || is_in(ORDINALS, stem)
                || is_in(REPORTING_VERBS, stem)
                || is_in(PERSON_TITLES, stem),
            frequent: crate::language::is_frequent_word(stem),
            joiner: is_in(NAME_JOINERS, stem),
            head: head_of(stem),
            company: is_in(COMPANY_WORDS, stem),
            title: is_in(PERSON_TITLES, stem),
            letter: if cand.chars > 0 {
                None
            } else if LETTER_NAMES.contains(&bare_text.as_str()) {
                Some(true)
            } else if AMBIGUOUS_LETTER_NAMES.contains(&bare_text.as_str()) {
                Some(false)
            } else {
                None
            },
            naming: is_in(NAMING_WORDS, key),
            team: is_in(TEAM_NOUNS, stem),
            club_word: is_in(CLUB_NAME_WORDS, stem),
            result: is_in_joined(RESULT_WORDS, stem),
            joined: Joined {
                title: is_in_joined(PERSON_TITLES, stem),
                reporting: is_in_joined(REPORTING_VERBS, stem),
                particle: is_in_joined(VERB_PARTICLES, stem),
            },
        }
    };
    let written = make(AS_WRITTEN, key);
    // A head noun with a proclitic (`ومجلس`, `لحزب`) is read as the head, though the
    // word lists have the joined form as an everyday word: the name after it starts at
    // the head, not at the `و`.
    // After `لل` the head has its article back (`للمجلس الأعلى للآثار` is ل + المجلس).
    if written.head == Head::None {
        let headed = clitic::candidates(key)
            .filter(|c| c.chars > 0)
            .map(|c| {
                let rest = c.stem(key);
                let stem: std::borrow::Cow<str> = if c.article {
                    format!("ال{rest}").into()
                } else {
                    rest.into()
                };
                (c, stem)
            })
            .find(|(_, stem)| head_of(stem) != Head::None);
        if let Some((cand, stem)) = headed {
            return make(cand, &stem);
        }
    }
    let as_name = written.zipf.is_some_and(|z| z < READ_AS_NAME_MAX_ZIPF);
    // A word that is a word only by an ending taken off (`ورشا`, "workshops") is as likely
    // `و` and a given name (و + `رشا`), as lists of people write them.
    let and_name = written.zipf.is_none() && key.starts_with('و');
    if written.names > 0 || (written.everyday && !as_name && !and_name) {
        return written;
    }
    for cand in clitic::candidates(key).filter(|c| c.chars > 0) {
        let rest = cand.stem(key);
        // After `لل` the article is restored: `للضغوط` is ل + الضغوط.
        let stem = if cand.article {
            format!("ال{rest}")
        } else {
            rest.to_string()
        };
        let mut read = make(cand, &stem);
        let reads = if written.everyday && !as_name {
            read.given()
        } else {
            read.given() || (!written.everyday && (read.everyday || read.names > 0))
        };
        if reads {
            read.written_unknown = written.unknown;
            return read;
        }
    }
    written
}

/// Is `stem` one of [`FEMALE_GIVEN_NAMES`]? A set built once: the list is asked of every
/// word type a text has.
fn is_female_given_name(stem: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| FEMALE_GIVEN_NAMES.iter().copied().collect())
        .contains(stem)
}

/// The punctuation between word `w` and the next, without spaces.
fn gap(text: &str, words: &Words, w: usize) -> String {
    let next = words.origins[words.words[w + 1].chars.start];
    text[words.words[w].end..next]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Quotation marks that open or close a quoted name.
pub(super) fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '»' | '„' | '\'' | '‘' | '’')
}

/// The words of a name in quotes right after word `w`: (first, last), when the gap after
/// `w` is an opening quote and a closing one follows within [`MAX_NAME_WORDS`] words.
fn quoted_after(text: &str, words: &Words, w: usize) -> Option<(usize, usize)> {
    let n = words.words.len();
    if w + 1 >= n {
        return None;
    }
    let open = gap(text, words, w);
    if open.is_empty() || !open.chars().all(is_quote) {
        return None;
    }
    closing_quote(text, words, w + 1, MAX_NAME_WORDS).map(|last| (w + 1, last))
}

/// The last word of a quoted name that starts at word `first`: a closing quote follows it
/// within `max` words, none of them cut from the next by other punctuation.
fn closing_quote(text: &str, words: &Words, first: usize, max: usize) -> Option<usize> {
    let n = words.words.len();
    for last in first..(first + max).min(n) {
        let closes = if last + 1 < n {
            gap(text, words, last).starts_with(is_quote)
        } else {
            text[words.words[last].end..]
                .trim_start()
                .starts_with(is_quote)
        };
        if closes {
            return Some(last);
        }
        if last + 1 < n && !words.words[last].joins_next {
            return None;
        }
    }
    None
}

/// The last word of a name in quotes that starts at word `w`: the gap before `w` ends with
/// an opening quote and a closing one follows within [`MAX_QUOTED_NAME_WORDS`] words.
fn quoted_from(text: &str, words: &Words, w: usize) -> Option<usize> {
    let before = if w == 0 {
        &text[..words.origins[words.words[w].chars.start]]
    } else {
        &text[words.words[w - 1].end..words.origins[words.words[w].chars.start]]
    };
    if !before.trim_end().ends_with(is_quote) {
        return None;
    }
    closing_quote(text, words, w, MAX_QUOTED_NAME_WORDS)
}

/// The last word of an organisation's name that ends at `last`, with the purpose `من أجل`
/// and the definite nouns after it that party names state (`حزب المؤتمر من أجل الجمهورية`,
/// `التحالف من أجل الديمقراطية والسلام`); `last` itself where none follows.
fn for_the_sake_of(
    infos: &[&Info],
    last: usize,
    joins: &dyn Fn(usize) -> bool,
    free: &dyn Fn(usize) -> bool,
) -> usize {
    let n = infos.len();
    if !(last + 3 < n
        && joins(last)
        && joins(last + 1)
        && infos[last + 1].stem == "من"
        && infos[last + 2].stem == "اجل"
        && free(last + 1)
        && free(last + 2))
    {
        return last;
    }
    // One definite noun, then the nouns joined to it by `و`; an adjective after them
    // describes the party (`حزب التحالف من أجل العدالة المعارض`).
    let mut end = last + 2;
    while end + 1 < n
        && end - last - 2 < PURPOSE_MAX_NOUNS
        && joins(end)
        && free(end + 1)
        && infos[end + 1].cand.chars == 0
        && if end == last + 2 {
            infos[end + 1].definite
        } else {
            infos[end + 1].stem.starts_with("وال")
        }
        && !is_hard_stop(&infos[end + 1].stem)
    {
        end += 1;
    }
    if end > last + 2 { end } else { last }
}

/// An unlinked span before it becomes a [`Found`].
#[derive(Clone, Debug)]
struct Span {
    first: usize,
    last: usize,
    kind: EntityKind,
    score: f32,
    /// The reading of the first word.
    cand: clitic::Candidate,
}

/// The unlinked-name pass (see the module documentation). Runs after the passes that link
/// names; replaces the links it finds to be pieces of longer names.
/// The head noun `stem` is, if any.
fn head_of(stem: &str) -> Head {
    if is_in(ORG_HEADS, stem) || is_in(FACILITY_HEADS, stem) {
        Head::Organisation
    } else if is_in(ORG_DESCRIPTORS, stem) || is_in(FACILITY_DESCRIPTORS, stem) {
        Head::Descriptor
    } else if is_in(PLACE_HEADS, stem) {
        Head::Place
    } else {
        Head::None
    }
}

/// The most spellings of one key whose information the memo keeps and a word is compared
/// with.
const SPELLINGS_KEPT: usize = 8;

/// For each word, where the [`info`] of its spelling is in the memo (its key's spellings
/// and the place among them), worked out and added when missing. What the pass knows of a
/// word depends only on its key and how it is written from its first letter on; most keys
/// are written one way. `slots` are the memo's entries of the word types ([`Memo::key_entries`]).
fn word_infos(text: &str, words: &Words, slots: &[u32], memo: &mut Memo) -> Vec<(u32, u32)> {
    (0..words.words.len())
        .map(|w| {
            let word = &words.words[w];
            let written = &text[words.origins[word.chars.start]..word.end];
            let slot = slots[words.types[w] as usize];
            let infos = &mut memo.infos[slot as usize];
            // A key written in ever new ways (marks on marks) is looked up among its
            // first few spellings only: the rest are worked out at each word, in time
            // linear in the text, and dropped when the text is done.
            let kept = infos.len().min(SPELLINGS_KEPT);
            let at = match infos[..kept].iter().position(|(x, _)| &**x == written) {
                Some(at) => at,
                None => {
                    infos.push((written.into(), info(text, words, w)));
                    infos.len() - 1
                }
            };
            (slot, at as u32)
        })
        .collect()
}

/// Unlinked pass: adds to `found` the names the gazetteer does not know, and drops the
/// links that are pieces of them (see the module documentation).
pub(super) fn unlinked_pass(
    text: &str,
    words: &Words,
    index: &Index,
    entries: &[u32],
    memo: &mut Memo,
    found: &mut Vec<Found<'_>>,
) {
    let at = word_infos(text, words, entries, memo);
    let infos: Vec<&Info> = at
        .iter()
        .map(|&(slot, at)| &memo.infos[slot as usize][at as usize].1)
        .collect();
    find_unlinked(text, words, index, &infos, found);
    drop(infos);
    for &(slot, _) in &at {
        memo.infos[slot as usize].truncate(SPELLINGS_KEPT);
    }
}

fn find_unlinked(
    text: &str,
    words: &Words,
    index: &Index,
    infos: &[&Info],
    found: &mut Vec<Found<'_>>,
) {
    let n = words.words.len();
    if n == 0 {
        return;
    }
    // Which found mention covers each word, and may a longer name absorb it?
    let mut cover: Vec<Option<usize>> = vec![None; n];
    for (i, f) in found.iter().enumerate() {
        for c in &mut cover[f.first..=f.last] {
            *c = Some(i);
        }
    }
    let absorbable = |i: usize| {
        let f = &found[i];
        match f.target {
            Named::Entity(e) => {
                let person = index.entity(e).kind == EntityKind::Person;
                !(person && matches!(f.kind, MatchKind::Exact | MatchKind::Fuzzy))
            }
            Named::Unknown(..) => false,
        }
    };
    let joins = |w: usize| w + 1 < n && words.words[w].joins_next;
    let free = |w: usize| cover[w].is_none_or(absorbable);
    let linked = |w: usize| cover[w].is_some();
    // A word a person's name may take in although it is linked: a short form or partial
    // name of a person (`دياب` in `سليم دياب`), or one word naming a small place (`هوجو` in
    // `فيكتور هوجو`).
    let weak_link_of = |w: usize, kind: EntityKind| {
        cover[w].is_some_and(|i| {
            let f = &found[i];
            let Named::Entity(e) = f.target else {
                return false;
            };
            let e = index.entity(e);
            f.first == f.last
                && e.kind == kind
                && match e.kind {
                    EntityKind::Person => {
                        matches!(f.kind, MatchKind::ShortForm | MatchKind::Partial)
                            && e.prior() < PROMINENT_PERSON_PRIOR
                    }
                    EntityKind::Place => {
                        f.kind == MatchKind::Exact && e.prior() < SMALL_PLACE_PRIOR
                    }
                    EntityKind::Organisation => false,
                }
        })
    };
    let small_place = |w: usize| weak_link_of(w, EntityKind::Place);
    // A town of GeoNames by one word (below a city of about a million): after a given
    // name, a family name that a town shares (`ياسين بونو` is no Yassine in Puno).
    let town = |w: usize| {
        cover[w].is_some_and(|i| {
            let f = &found[i];
            f.first == f.last
                && f.kind == MatchKind::Exact
                && f.cand.chars == 0
                && f.target.entity().is_some_and(|e| {
                    let e = index.entity(e);
                    e.kind == EntityKind::Place
                        && e.id.starts_with("geonames:")
                        && e.prior() < FAMILY_TOWN_MAX_PRIOR
                })
        })
    };
    let weak_link = |w: usize| weak_link_of(w, EntityKind::Person) || small_place(w);
    // A linked word that says a complement names something (a place, a country, its
    // adjective, an organisation), not a person's.
    let names_thing = |w: usize| {
        cover[w].is_some_and(|i| match found[i].target {
            Named::Entity(e) => index.entity(e).kind != EntityKind::Person,
            Named::Unknown(..) => false,
        })
    };
    // A frequent word that is no name ends a name (`محمد` and `خلف` are frequent and names).
    let stop = |w: usize| {
        let i = infos[w];
        i.listed_stop || i.frequent && !linked(w) && !i.name_like()
    };

    // The club named after the city the gazetteer links, by its words as written, right
    // after word `w`.
    let club_named_by_city = |w: usize| {
        let f = &found[cover[w + 1]?];
        let e = index.entity(f.target.entity()?);
        let city = e.kind == EntityKind::Place && e.id.starts_with("geonames:");
        (city && f.first == w + 1 && f.kind == MatchKind::Exact && f.cand.chars == 0).then_some(
            Span {
                first: f.first,
                last: f.last,
                kind: EntityKind::Organisation,
                score: CUED_SCORE,
                cand: f.cand,
            },
        )
    };
    // A club named after its city (`فريق واتفورد`, `نادي إشبيلية`): after a club's
    // descriptor, the city's name is the club's, an organisation.
    let club_of_city = |w: usize| {
        if !is_in(CLUB_DESCRIPTORS, &infos[w].stem) || !joins(w) {
            return None;
        }
        club_named_by_city(w)
    };
    // In sports copy, a city after a noun of a team's players or play is the club named
    // after it (`هز شباك الرياض`, `مدرب الرياض`), an organisation; not a country, whose
    // team is its national one.
    let club_of_team_noun = |w: usize| {
        if !infos[w].team || !joins(w) {
            return None;
        }
        club_named_by_city(w).filter(|_| super::exact::is_sports_text(words))
    };
    // In sports copy, a word that begins a club's name before its town and the town the
    // gazetteer links are the club, whole (`مولودية وجدة`, `لشبيبة القبائل`).
    let club_of_town = |w: usize| {
        if !infos[w].club_word || !joins(w) || linked(w) {
            return None;
        }
        let f = &found[cover[w + 1]?];
        let e = index.entity(f.target.entity()?);
        (e.kind == EntityKind::Place
            && f.first == w + 1
            && f.kind == MatchKind::Exact
            && f.cand.chars == 0
            && super::exact::is_sports_text(words))
        .then_some(Span {
            first: w,
            last: f.last,
            kind: EntityKind::Organisation,
            score: CUED_SCORE,
            cand: infos[w].cand,
        })
    };
    // A company named after its city and what it is (`شركة دبي العالمية`, `شركة أبوظبي
    // الوطنية`): after a company's descriptor, the place and the adjectives after it are
    // the company's name, not a mention of the place; a country's adjective is not one of
    // them.
    let company_of_place = |w: usize| {
        if !is_in(COMPANY_DESCRIPTORS, &infos[w].stem) || !joins(w) {
            return None;
        }
        let f = &found[cover[w + 1]?];
        let e = index.entity(f.target.entity()?);
        if e.kind != EntityKind::Place || f.first != w + 1 || f.cand.chars != 0 {
            return None;
        }
        let mut last = f.last;
        while joins(last)
            && cover[last + 1].is_none()
            && infos[last + 1].cand.chars == 0
            && is_relative_adjective(infos[last + 1])
        {
            last += 1;
        }
        (last > f.last).then_some(Span {
            first: f.first,
            last,
            kind: EntityKind::Organisation,
            score: CUED_SCORE,
            cand: f.cand,
        })
    };
    // A descriptor without the article before a country's adjective with it is a noun
    // followed by its complement, not by an adjective: the adjective is the name
    // (`قناة المغربية`, `قناة العراقية`, `نادي العربي`), and the ordinals and adjectives
    // after it are the name's too (`قناة المغربية الثالثة الرياضية`). An adjective would
    // agree with the noun and take the article with it (`القناة المغربية`). A plural is
    // of people (`صفوف الإسرائيليين`).
    let named_by_adjective = |w: usize| {
        if infos[w].definite || !joins(w) {
            return None;
        }
        let f = &found[cover[w + 1]?];
        let stem = &infos[w + 1].stem;
        let singular = stem.ends_with('ي') || stem.ends_with("يه");
        if f.kind != MatchKind::Demonym
            || f.first != w + 1
            || f.last != w + 1
            || f.cand.chars != 0
            || !infos[w + 1].definite
            || !singular
        {
            return None;
        }
        let mut last = w + 1;
        while joins(last)
            && cover[last + 1].is_none()
            && infos[last + 1].cand.chars == 0
            && (is_in(ORDINALS, &infos[last + 1].stem) || is_relative_adjective(infos[last + 1]))
        {
            last += 1;
        }
        Some(Span {
            first: w + 1,
            last,
            kind: EntityKind::Organisation,
            score: CUED_SCORE,
            cand: f.cand,
        })
    };
    // The last word of the place the gazetteer knows that starts at `w`, if one does.
    let listed_place = |w: usize| {
        let f = &found[cover[w]?];
        let e = index.entity(f.target.entity()?);
        (f.first == w && e.kind == EntityKind::Place).then_some(f.last)
    };
    // In sports copy, a club's descriptor before one word that is no common word names the
    // club by it (`فريق العُلا`, `فريق مضر`), though the word is a word or a town; the
    // descriptor stays outside. Once named so, the club is that word alone in the rest of
    // the text.
    let sports = std::cell::OnceCell::new();
    let club_by_word = |w: usize| {
        let x = w + 1;
        let one_word = x + 1 == n
            || !joins(x)
            || infos[x + 1].definite
            || !(infos[x + 1].unknown || infos[x + 1].name_like());
        (is_in(CLUB_DESCRIPTORS, &infos[w].stem)
            && !infos[w].definite
            && joins(w)
            && !linked(x)
            && infos[x].cand.chars == 0
            && !stop(x)
            && !infos[x].title
            && !infos[x].frequent
            && infos[x].zipf.is_none_or(|z| z <= CLUB_WORD_MAX_ZIPF)
            && one_word
            && *sports.get_or_init(|| super::exact::is_sports_text(words)))
        .then(|| Span {
            first: x,
            last: x,
            kind: EntityKind::Organisation,
            score: CUED_SCORE,
            cand: infos[x].cand,
        })
    };
    // A name in quotes after a word that gives it (`أطلق عليها اسم "بيروت بتجمعنا"`) is the
    // name whole, of the kind of the head the clause named before (`اللائحة`): a place in it
    // is a word of the name. A name the gazetteer knows whole stays linked, and a name of
    // what no head names (an operation, a slogan) is left alone.
    let named_in_quotes = |w: usize, taken: &[bool]| {
        if w < 2 || !infos[w - 1].naming || !joins(w - 2) {
            return None;
        }
        let opening = gap(text, words, w - 1);
        if !opening.chars().all(is_quote) {
            return None;
        }
        let last = closing_quote(text, words, w, MAX_QUOTED_NAME_WORDS)?;
        let known_whole = cover[w].is_some_and(|i| found[i].first == w && found[i].last == last);
        if last == w || known_whole || !(w..=last).all(|x| free(x) && !taken[x]) {
            return None;
        }
        // The noun the name is given to is the nearest before: a head, or another noun
        // (`العملية`) that names no kind of entity. Its ordinal or adjective of time may
        // follow it (`اللائحة الأولى`).
        let mut x = w - 2;
        let head = loop {
            match infos[x].head {
                Head::Place => break Some(EntityKind::Place),
                Head::Organisation | Head::Descriptor => break Some(EntityKind::Organisation),
                Head::None => {
                    let stem = infos[x].stem.as_str();
                    if infos[x].definite && !is_in(ORDINALS, stem) && !is_time_adjective(stem) {
                        break None;
                    }
                }
            }
            if x == 0 || w - 1 - x >= NAMED_HEAD_MAX_WORDS || !joins(x - 1) {
                break None;
            }
            x -= 1;
        };
        head.map(|kind| Span {
            first: w,
            last,
            kind,
            score: CUED_SCORE,
            cand: AS_WRITTEN,
        })
    };
    let mut spans: Vec<Span> = Vec::new();
    let mut taken = vec![false; n];
    let mut w = 0;
    while w < n {
        if taken[w] || !free(w) {
            w += 1;
            continue;
        }
        // A plural head of places and the list after it (`بلديات القلعة والمنشية ووازن`).
        if !linked(w) && is_in(LIST_HEADS, &infos[w].stem) {
            if let Some((members, last)) =
                place_list(text, words, infos, w, &listed_place, &free, &stop)
            {
                for s in members {
                    taken[s.first..=s.last].iter_mut().for_each(|t| *t = true);
                    spans.push(s);
                }
                w = last + 1;
                continue;
            }
        }
        // A head that is part of a name the gazetteer knows belongs to that name, unless a
        // party's name is longer than the link (`الحزب الديمقراطي الحر` holds the US
        // party's `الحزب الديمقراطي`).
        let span = if let Some(s) = named_in_quotes(w, &taken) {
            Some(s)
        } else if let Some(s) = named_after(words, infos, w, &joins, &free) {
            Some(s)
        } else if linked(w) {
            // So does a definite head with a longer official name (`الاتحاد السعودي لكرة
            // السلة` holds the club's short form `الاتحاد`).
            let one_word = cover[w].is_some_and(|i| found[i].last == w);
            let party = (is_in(PARTY_HEADS, infos[w].stem.as_str())
                || (infos[w].head == Head::Organisation && infos[w].definite && one_word))
                && free(w);
            party
                .then(|| organisation(text, words, infos, w, &joins, &free, &names_thing, &stop))
                .flatten()
                .filter(|s| {
                    // Longer by words of its own, not by another entity's name right after
                    // it (`الحركة الشعبية لتحرير السودان - شمال` and then a town); a country's
                    // adjective is a word of the longer name (`الاتحاد السعودي`), and so is a
                    // country with `ل` after a party's name (`الحزب الديمقراطي لكوت ديفوار`
                    // is no American party).
                    cover[w].is_some_and(|i| {
                        let f = &found[i];
                        let countrys = |j: usize| {
                            let g = &found[j];
                            g.kind == MatchKind::Demonym
                                || (g.cand.prefix == "ل"
                                    && is_in(PARTY_HEADS, infos[w].stem.as_str())
                                    && g.target
                                        .entity()
                                        .is_some_and(|e| index.entity(e).id.starts_with("cldr:")))
                        };
                        f.first == w && f.last < s.last && cover[f.last + 1].is_none_or(countrys)
                    })
                })
        } else if infos[w].head == Head::Organisation {
            // A name in quotes that an organisation's head opens is the name, whole
            // (`“مجموعة الشركاء السياسيين من أجل السلام”`); a head and one everyday word
            // in quotes are as often a phrase set apart (`“جبهة رفض”`, a front of refusal).
            quoted_from(text, words, w)
                .filter(|&last| {
                    (last > w + 1 || (last == w + 1 && infos[last].unknown))
                        && (w..=last).all(|x| free(x) && !taken[x])
                })
                .map(|last| Span {
                    first: w,
                    last,
                    kind: EntityKind::Organisation,
                    score: CUED_SCORE,
                    cand: infos[w].cand,
                })
                .or_else(|| organisation(text, words, infos, w, &joins, &free, &names_thing, &stop))
        } else if infos[w].head == Head::Descriptor
            && infos[w].definite
            && joins(w)
            && is_in(OFFICIAL_ADJECTIVES, &infos[w + 1].stem)
        {
            // A definite descriptor with an adjective of state bodies heads an official
            // name (`الشركة العامة لموانئ العراق`), as a head does.
            organisation(text, words, infos, w, &joins, &free, &names_thing, &stop)
        } else if infos[w].head == Head::Descriptor {
            club_of_city(w)
                // `فريق مولودية وجدة`: the club's word and its town after the descriptor.
                .or_else(|| (w + 1 < n).then(|| club_of_town(w + 1)).flatten())
                .or_else(|| company_of_place(w))
                .or_else(|| named_by_adjective(w))
                .or_else(|| {
                    let demonym =
                        |x: usize| cover[x].is_some_and(|i| found[i].kind == MatchKind::Demonym);
                    described(
                        text, words, infos, w, &joins, &free, &linked, &demonym, &stop,
                    )
                })
                .or_else(|| club_by_word(w))
        } else if infos[w].head == Head::Place {
            place(infos, w, &joins, &free, &linked, &stop)
        } else {
            club_of_team_noun(w).or_else(|| club_of_town(w))
        };
        if let Some(mut s) = span {
            if s.kind == EntityKind::Organisation {
                s.last = for_the_sake_of(infos, s.last, &joins, &free);
            }
            taken[s.first..=s.last].iter_mut().for_each(|t| *t = true);
            w = s.last + 1;
            spans.push(s);
            continue;
        }
        w += 1;
    }
    // In sports copy, the teams of a result (`فاز لخويا على أم صلال`, `بعد فوزه على
    // الخريطيات`): the words after the result word and after the preposition that names
    // the other team, where they are a name (no dictionary word, a rare word with the
    // article, a town the gazetteer links) and nothing found them. A country's team is its
    // national one and stays the country; a club the gazetteer knows stays linked.
    {
        let team_word = |x: usize| {
            let i = &infos[x];
            // A proclitic read off a word no dictionary has as written is the name's first
            // letter (`لخويا`).
            let as_written = i.cand.chars == 0 || (i.written_unknown && i.zipf.is_none());
            if taken[x] || !free(x) || stop(x) || !as_written || i.title {
                return false;
            }
            match cover[x] {
                Some(c) => {
                    let f = &found[c];
                    f.kind == MatchKind::Exact
                        && f.target.entity().is_some_and(|e| {
                            let e = index.entity(e);
                            e.kind == EntityKind::Place && e.id.starts_with("geonames:")
                        })
                }
                None => {
                    i.unknown
                        || (i.definite
                            && !i.frequent
                            && i.zipf.is_none_or(|z| z <= CLUB_WORD_MAX_ZIPF))
                }
            }
        };
        // Between a result word and its preposition, and after them, one word with the
        // article is a team however common a word it is (`وفاز السلام على الفتح`).
        let common_team = |x: usize| {
            let i = &infos[x];
            x < n
                && !taken[x]
                && cover[x].is_none()
                && i.cand.chars == 0
                && i.definite
                && !i.listed_stop
                && !i.title
                && !is_time_adjective(&i.stem)
        };
        // The team's words from `x`: one word, or two where both are name words.
        let team_at = |x: usize| {
            (x < n && team_word(x)).then(|| {
                let f = cover[x].map(|c| found[c].last).unwrap_or(x);
                let two =
                    cover[x].is_none() && joins(x) && team_word(x + 1) && cover[x + 1].is_none();
                if two { x + 1 } else { f }
            })
        };
        let mut teams: Vec<(usize, usize)> = Vec::new();
        for w in 0..n {
            if !infos[w].result || !joins(w) {
                continue;
            }
            if !super::exact::is_sports_text(words) {
                break;
            }
            let preposition =
                |p: usize| p + 1 < n && joins(p) && is_in(RESULT_PREPOSITIONS, &infos[p].stem);
            // Two teams of one word each, named as such by their places.
            let (x, y) = (w + 1, w + 3);
            if joins(x)
                && preposition(w + 2)
                && (common_team(x) || team_word(x))
                && (common_team(y) || team_word(y))
                && (y + 1 == n || !joins(y) || !infos[y + 1].definite)
            {
                teams.push((x, cover[x].map_or(x, |c| found[c].last)));
                teams.push((y, cover[y].map_or(y, |c| found[c].last)));
                continue;
            }
            // The team that won, if named (`فوزه` names it by a pronoun).
            let mut p = w + 1;
            if let Some(last) = team_at(w + 1) {
                teams.push((w + 1, last));
                p = last + 1;
            }
            if joins(p - 1) && preposition(p) {
                if let Some(last) = team_at(p + 1) {
                    teams.push((p + 1, last));
                }
            }
        }
        for (first, last) in teams {
            if (first..=last).any(|x| taken[x]) {
                continue;
            }
            taken[first..=last].iter_mut().for_each(|t| *t = true);
            spans.push(Span {
                first,
                last,
                kind: EntityKind::Organisation,
                score: CUED_SCORE,
                cand: AS_WRITTEN,
            });
        }
    }
    // Names written in the Latin script in the running Arabic text (`Budi Djiwandono`,
    // `TURGUT ALTINOK`): two capitalised Latin words or more. In parentheses they gloss the
    // mention before them, which the gloss pass links.
    let start_of = |x: usize| words.origins[words.words[x].chars.start];
    let written = |x: usize| &text[start_of(x)..words.words[x].end];
    let mut w = 0;
    while w < n {
        // A Latin name the gazetteer links (`Saudi Arabia`) is left to it; a place by one
        // word among two words it does not link is a piece of a longer name (`Sara` of
        // `Rahayu “Sara” Djojohadikusumo`, not Sarh in Chad).
        let one_word_place = |x: usize| {
            cover[x].is_some_and(|i| {
                let f = &found[i];
                f.first == f.last
                    && f.target
                        .entity()
                        .is_some_and(|e| index.entity(e).kind == EntityKind::Place)
            })
        };
        let open = |x: usize| {
            is_capitalised_latin(written(x)) && !taken[x] && (!linked(x) || one_word_place(x))
        };
        if !open(w) || text[..start_of(w)].trim_end().ends_with('(') {
            w += 1;
            continue;
        }
        let mut last = w;
        while last + 1 < n
            && last + 1 - w < MAX_NAME_WORDS
            && open(last + 1)
            && is_latin_name_gap(&text[words.words[last].end..start_of(last + 1)])
        {
            last += 1;
        }
        if (w..=last).filter(|&x| !linked(x)).count() >= 2 {
            let organisation = (w..=last).any(|x| {
                LATIN_ORG_WORDS
                    .iter()
                    .any(|o| o.eq_ignore_ascii_case(written(x)))
            });
            taken[w..=last].iter_mut().for_each(|t| *t = true);
            spans.push(Span {
                first: w,
                last,
                kind: if organisation {
                    EntityKind::Organisation
                } else {
                    EntityKind::Person
                },
                score: CUED_SCORE,
                cand: infos[w].cand,
            });
        }
        w = last + 1;
    }
    // Acronyms spelled out in Arabic letters (`سي إم إيه سي جي إم`, `دي بي ورلد`): two
    // letters or more, one of them no word of its own, are an organisation's name, with the
    // company words or one word no dictionary has after them. A one-word link among the
    // letters is a piece of the acronym (`إكس`, the platform); a run right after a link
    // belongs to that name (`واشنطن دي سي`).
    let letter_at = |x: usize, taken: &[bool]| {
        infos[x].letter.is_some()
            && !taken[x]
            && cover[x].is_none_or(|i| found[i].first == found[i].last)
    };
    let mut w = 0;
    while w < n {
        if !letter_at(w, &taken) || (w > 0 && joins(w - 1) && linked(w - 1)) {
            w += 1;
            continue;
        }
        let mut last = w;
        while last - w + 1 < MAX_ACRONYM_LETTERS && joins(last) && letter_at(last + 1, &taken) {
            last += 1;
        }
        // `إن` after a reporting verb is the particle (`قال إن بي بي سي …`).
        if infos[w].letter == Some(false) && w > 0 && infos[w - 1].joined.reporting {
            w += 1;
            continue;
        }
        let clear = (w..=last).any(|x| infos[x].letter == Some(true));
        if last == w || !clear {
            w = last + 1;
            continue;
        }
        let word_of_name = |x: usize| {
            !taken[x]
                && !linked(x)
                && infos[x].cand.chars == 0
                && (infos[x].company || infos[x].unknown)
        };
        let letters_end = last;
        while last - letters_end < MAX_ACRONYM_WORDS && joins(last) && word_of_name(last + 1) {
            last += 1;
            if !infos[last].company {
                break;
            }
        }
        taken[w..=last].iter_mut().for_each(|t| *t = true);
        spans.push(Span {
            first: w,
            last,
            kind: EntityKind::Organisation,
            score: NAME_WORDS_SCORE,
            cand: infos[w].cand,
        });
        w = last + 1;
    }
    // Companies and clubs by the English words of their names (`باريك غولد`, `جنرال
    // إلكتريك`): the company words and the words of a name before them, or after them when
    // they lead (`يونايتد إيرلاينز`). A company word the gazetteer links is left to it.
    let company = |x: usize| infos[x].company && !linked(x);
    let mut w = 0;
    while w < n {
        if taken[w] || !company(w) {
            w += 1;
            continue;
        }
        let open = |x: usize| !taken[x] && free(x) && infos[x].cand.chars == 0;
        let mut last = w;
        while last - w + 1 < MAX_NAME_WORDS && joins(last) && company(last + 1) && open(last + 1) {
            last += 1;
        }
        // Words of a name before, the first of them perhaps with a proclitic; not a demonym
        // (`جنرال أمريكي` is an American general).
        let namely = |x: usize| {
            let i = infos[x];
            let demonym = cover[x].is_some_and(|f| found[f].kind == MatchKind::Demonym);
            !taken[x]
                && free(x)
                && !demonym
                && (linked(x) || i.unknown || i.name_like())
                && !stop(x)
        };
        let mut first = w;
        if infos[w].cand.chars == 0 {
            while first > 0 && last - first + 1 < MAX_NAME_WORDS && joins(first - 1) {
                let x = first - 1;
                if !namely(x) || infos[x].given() && !linked(x) {
                    break;
                }
                first = x;
                if infos[x].cand.chars > 0 {
                    break;
                }
            }
        }
        if first == w {
            while last - first + 1 < MAX_NAME_WORDS
                && joins(last)
                && namely(last + 1)
                && infos[last + 1].cand.chars == 0
            {
                last += 1;
            }
        }
        let companies = (first..=last).filter(|&x| company(x)).count();
        let words = last - first + 1;
        if words >= 2 && (companies >= 2 || companies < words) {
            taken[first..=last].iter_mut().for_each(|t| *t = true);
            spans.push(Span {
                first,
                last,
                kind: EntityKind::Organisation,
                score: CUED_SCORE,
                cand: infos[first].cand,
            });
            w = last + 1;
        } else {
            w += 1;
        }
    }
    // A one-word short form or partial name of a person, followed by a word of a name that
    // nothing links, begins a longer name of someone else (`ماركوس راشفورد` is not Ferdinand
    // Marcos, `كيم جونغ تشول` not Kim Jong Un): the link is a piece of it.
    let short_person = |w: usize| {
        cover[w].is_some_and(|i| {
            let f = &found[i];
            f.first == f.last
                && matches!(f.kind, MatchKind::ShortForm | MatchKind::Partial)
                && f.target
                    .entity()
                    .is_some_and(|e| index.entity(e).kind == EntityKind::Person)
        })
    };
    // A link by the fuzzy pass that starts at `w`.
    let fuzzy_at = |w: usize| {
        cover[w].is_some_and(|i| found[i].first == w && found[i].kind == MatchKind::Fuzzy)
    };
    // A thing linked by one word without the article, not a country (`ميلان`, the club;
    // `آبل`, the company; `تركي`, Turkish): after a given name, or a title, it may be a word
    // of a person's name.
    let one_word_thing = |w: usize| {
        !infos[w].definite
            && infos[w].cand.chars == 0
            && cover[w].is_some_and(|i| {
                let f = &found[i];
                f.first == f.last
                    && f.cand.chars == 0
                    && matches!(f.kind, MatchKind::Exact | MatchKind::Demonym)
                    && f.target.entity().is_some_and(|e| {
                        let e = index.entity(e);
                        e.kind != EntityKind::Person
                            && (f.kind == MatchKind::Demonym || !e.id.starts_with("cldr:"))
                    })
            })
    };
    // A country the gazetteer links by one word as written, not its adjective.
    let one_word_country = |w: usize| {
        !infos[w].definite
            && cover[w].is_some_and(|i| {
                let f = &found[i];
                f.first == f.last
                    && f.cand.chars == 0
                    && f.kind == MatchKind::Exact
                    && f.target
                        .entity()
                        .is_some_and(|e| index.entity(e).id.starts_with("cldr:"))
            })
    };
    // After a title, such a word before a word of names starts the person's name (`المدرب
    // آبل فيريرا`); so does a demonym that is a common given name before a family name
    // (`تركي اليوسف`).
    let thing_leads_name = |w: usize| {
        one_word_thing(w) && joins(w) && {
            let next = &infos[w + 1];
            // A title, perhaps with a nationality after it (`المدرب البرتغالي آبل فيريرا`).
            let titled = (w > 0 && infos[w - 1].joined.title)
                || (w > 1
                    && infos[w - 2].joined.title
                    && joins(w - 2)
                    && cover[w - 1].is_some_and(|i| found[i].kind == MatchKind::Demonym));
            let demonym_given = infos[w].given()
                && cover[w].is_some_and(|i| found[i].kind == MatchKind::Demonym)
                && next.family();
            !linked(w + 1)
                && !stop(w + 1)
                && next.cand.chars == 0
                && ((titled && (next.unknown || next.names > 0)) || demonym_given)
        }
    };
    let leads_unknown_name = |w: usize| {
        thing_leads_name(w)
            || short_person(w) && joins(w) && {
                let next = &infos[w + 1];
                // A word seen in names and not in the word list as written is a name, however
                // few the names (`تارين` of `خان تارين`).
                let named = next.name_score >= GIVEN_MIN_SCORE
                    || (next.name_score >= NAME_WORD && next.zipf.is_none());
                !linked(w + 1)
                    && !stop(w + 1)
                    && next.cand.chars == 0
                    && (next.unknown
                        || (next.names > 0
                        && named
                        // `بوتين صباح اليوم`: a frequent word is read as the word.
                        && next.zipf.is_none_or(|z| z <= FAMILY_MAX_ZIPF)))
            }
    };
    // `المتحدث باسم الحكومة` is the government's spokesman: `باسم` ("in the name of") there
    // is no Basem.
    // So is it before a definite word, a head or a quote (`المرشح باسم “تجمع …”`, `المتحدث
    // الرسمي باسم وزارة الأوقاف`): Basem's family name has no article.
    let in_the_name_of = |w: usize| {
        infos[w].stem == "باسم"
            && ((w > 0 && is_in(SPOKESMEN, infos[w - 1].stem.as_str()))
                || w + 1 == n
                || infos[w + 1].definite
                || infos[w + 1].head != Head::None
                || !joins(w)
                || gap(text, words, w).contains(is_quote))
    };
    // A kunya before a given or family name starts a person's name (`أبو بكر الساعدي`,
    // `أبو السعود`).
    // So does the first word of a compound given name before a definite word (`عبد
    // النبي`).
    let kunya = |w: usize| {
        let opens = |next: &Info| {
            ((next.given() || next.family()) && is_in(KUNYAS, &infos[w].stem))
                || (next.definite && is_in(COMPOUND_GIVEN_OPENERS, &infos[w].stem))
                || (next.stem == DIN && is_in(DIN_COMPOUNDS, &infos[w].stem))
        };
        // Kunyas and `عبد` are joiners: most words are asked no list.
        joins(w)
            && (infos[w].joiner || infos[w + 1].stem == DIN)
            && !linked(w + 1)
            && infos[w + 1].cand.chars == 0
            && opens(infos[w + 1])
    };
    // A word that makes one name with the divine name after it (`جاب الله`), or with
    // `الدين` (`صلاح الدين`).
    let divine_compound = |w: usize| {
        infos[w].cand.chars == 0
            && joins(w)
            && ((is_in(DIVINE_NAME_COMPOUNDS, &infos[w].stem) && infos[w + 1].stem == DIVINE_NAME)
                || (is_in(DIN_COMPOUNDS, &infos[w].stem) && infos[w + 1].stem == DIN))
            && infos[w + 1].cand.chars == 0
            && !linked(w)
            && !linked(w + 1)
    };
    // A place or an organisation linked by one word, right before a word no dictionary and
    // few names have, opens a longer foreign name of which it is a piece (`صوفيا فيرغارا`,
    // not Sofia; `كوبا ليبرتادوريس`, not Cuba): a person's where the word is a given name,
    // an organisation's otherwise. The link may take `و` (`ويل سميث وصوفيا فيرغارا`), not a
    // preposition, and after a preposition of place the place is read as the place (`في
    // صوفيا`).
    let opening_link = |w: usize| {
        let f = &found[cover[w]?];
        let and = f.cand.prefix == "و";
        (f.first == w
            && f.last == w
            && (f.cand.chars == 0 || and)
            && f.kind == MatchKind::Exact
            && f.target
                .entity()
                .is_some_and(|e| index.entity(e).kind != EntityKind::Person))
        .then_some(f.cand)
    };
    // Only the words one link covers alone can open such a name: those are visited, not
    // every word of the text.
    let opening: Vec<usize> = found
        .iter()
        .filter(|f| f.first == f.last && f.kind == MatchKind::Exact && f.first + 1 < n)
        .map(|f| f.first)
        .collect();
    for w in opening {
        let x = w + 1;
        let foreign_after = !taken[w]
            && !taken[x]
            && joins(w)
            && !infos[w].definite
            && (infos[x].unknown || (!infos[x].everyday && infos[x].names < GIVEN_MIN_NAMES))
            && infos[x].stem.chars().count() >= UNKNOWN_MIN_LETTERS
            // `داروين وكانبيرا`: a word with `و` is coordinated.
            && !infos[x].stem.starts_with('و')
            && spelled_foreign(&infos[x].stem)
            && infos[x].cand.chars == 0
            && !infos[x].company
            && !linked(x)
            && !stop(x)
            && (w == 0 || !is_in(PLACE_PREPOSITIONS, &infos[w - 1].stem));
        if let Some(cand) = foreign_after.then(|| opening_link(w)).flatten() {
            taken[w] = true;
            taken[x] = true;
            spans.push(Span {
                first: w,
                last: x,
                kind: if infos[w].given() {
                    EntityKind::Person
                } else {
                    EntityKind::Organisation
                },
                score: NAME_WORDS_SCORE,
                cand,
            });
        }
    }
    // People, in what the other rules left.
    let mut w = 0;
    while w < n {
        let after_particle = w > 0 && infos[w - 1].joined.particle;
        let kunya_start = kunya(w);
        let starts = !infos[w].definite
            && (!infos[w].joiner || kunya_start)
            && !after_particle
            && (!linked(w) || leads_unknown_name(w))
            && !in_the_name_of(w);
        // A title that is also a given name, before a family name, is the given name
        // (`لأمين الزاوي`, by Amin Zaoui; `أمين الصندوق` stays the treasurer).
        let titled_name = || {
            infos[w].title
                && infos[w].given()
                && joins(w)
                && !linked(w + 1)
                && infos[w + 1].family()
                && !stop(w + 1)
        };
        // One name, one thing: a word the text named as a place or an organisation with
        // its head (`ولاية جوبالاند`) does not start a person's name (`في جوبالاند متضامنة`).
        let named_thing = || {
            infos[w].unknown
                && spans.iter().any(|s| {
                    s.kind != EntityKind::Person
                        && s.first == s.last
                        && infos[s.first].stem == infos[w].stem
                })
        };
        // After a title, a word no dictionary has as written is a name though an ending
        // makes it a word (`والمحاسب سومانا مكادجي`).
        let by_ending_after_title = || {
            w > 0
                && infos[w - 1].joined.title
                && infos[w].cand.chars == 0
                && infos[w].stem.chars().count() >= UNKNOWN_MIN_LETTERS
                && infos[w].word_only_by_ending()
        };
        if taken[w]
            || !starts
            || !(infos[w].name_like() || linked(w) || kunya_start || by_ending_after_title())
            || (stop(w) && !titled_name() && !kunya_start)
            || named_thing()
        {
            w += 1;
            continue;
        }
        let title_before = w > 0 && infos[w - 1].joined.title;
        // Extend over words of names, unknown words and joiners.
        let mut last = w;
        let mut holds_short_form = linked(w);
        while last - w + 1 < MAX_NAME_WORDS && joins(last) {
            let next = last + 1;
            // `و` on a word coordinates it with the one before: `شي وبوتين` is two people,
            // and so is `و` before the article on a word kept as written (`توجو والسنجال`).
            let coordinated = infos[next].cand.prefix.starts_with('و')
                || (infos[next].cand.chars == 0 && infos[next].stem.starts_with("وال"));
            // A person's short form between words of a name is a word of that name
            // (`جهانجير خان تارين` is not Imran Khan).
            // So is one after a joiner (`أحمد بن سعيد آل مكتوم` is not Mohammed bin Rashid
            // Al Maktoum): the joiner says the name goes on.
            // And so is one right after a given name that no mention links (`جيل بايدن`
            // is not Joe Biden): resolved whole afterwards, the name is his only if his
            // names agree with it (`fuzzy::link_unlinked`). A given name that is an
            // everyday word, alone and with no title before it, is the word (`دان بوتين`:
            // Putin condemned).
            let given_before = infos[last].given()
                && !linked(last)
                && (last > w || !infos[last].everyday || title_before);
            let strong_given = infos[last].given()
                && !linked(last)
                && infos[last].name_score >= STRONG_GIVEN_SCORE;
            // A person's link that starts at `بن` is a piece of the name it follows (`أحمد
            // بن سلمان المسلم` is not Mohammed bin Salman): no name starts with a joiner.
            let from_joiner = cover[next].is_some_and(|i| {
                let f = &found[i];
                is_in(PATRONYMIC_JOINERS, &infos[f.first].stem)
                    && f.first > w
                    && !linked(f.first - 1)
                    && f.target
                        .entity()
                        .is_some_and(|e| index.entity(e).kind == EntityKind::Person)
            });
            let inside = linked(next)
                && (leads_unknown_name(next)
                    || from_joiner
                    || ((infos[last].joiner || given_before) && short_person(next))
                    // A club, company or place by one word right after a common given
                    // name that no mention links is the family name (`جوناثان ميلان`).
                    || ((given_before || strong_given) && one_word_thing(next))
                    // A fuzzy link right after a given name is the rest of that person's
                    // name, close to a known one's (`تهاني محمد الحسن` is not Mohamad Hasan,
                    // `رونالد ديلا روسا` not Belarus).
                    || ((given_before || strong_given) && fuzzy_at(next))
                    // A country by one word after a foreign given name is the family name
                    // (`سيباستيان سوريا`): an Arabic given name before a country is as often
                    // a person named alone and where they went.
                    || (strong_given
                        && spelled_foreign(&infos[last].stem)
                        && one_word_country(next)));
            // A title with the article after a given name, where punctuation closes the
            // name, is the family name (`رئيس اللجنة، محمد القاضي، عن`): titles lead names.
            let title_family =
                infos[next].definite && !joins(next) && infos[last].given() && infos[next].title;
            let family_town = infos[last].given() && !linked(last) && town(next);
            // A name with the divine name, after a word of the name, is a family name
            // however everyday its first word (`سمير جاب الله`, `محمود فتح الله`).
            // The word after a kunya or `عبد` that opens the name is the one that made it
            // open it, whatever it means as a word (`عبد النبي`).
            if last == w && kunya_start && !taken[next] {
                last = next;
                continue;
            }
            if !taken[next] && !coordinated && divine_compound(next) && !taken[next + 1] {
                last = next + 1;
                continue;
            }
            // A title without the article that is a common given name, between a given
            // name and a word of names, is the second given name (`محمد أمين حموت`).
            let given_title = infos[next].title
                && !infos[next].definite
                && infos[next].given()
                && infos[next].cand.chars == 0
                && infos[last].given()
                && joins(next)
                && !linked(next + 1)
                && infos[next + 1].cand.chars == 0
                && (infos[next + 1].unknown || infos[next + 1].name_like())
                && !stop(next + 1);
            if given_title && !taken[next] {
                last = next;
                continue;
            }
            // `صباح اليوم` is the morning, not the given name Sabah.
            let day_part = is_in(DAY_PARTS, &infos[next].stem)
                && joins(next)
                && is_in(DAY_WORDS, &infos[next + 1].stem);
            // No family name is `الجاري` (`ماي الجاري`, the current May).
            let time = infos[next].definite && is_time_adjective(&infos[next].stem);
            if taken[next]
                || day_part
                || time
                || (linked(next) && !weak_link(next) && !inside && !family_town)
                // A family name that is also a frequent word (`العمر`) does not end the name.
                || (stop(next)
                    && (!infos[next].family() || is_hard_stop(&infos[next].stem))
                    && !title_family)
                || coordinated
            {
                break;
            }
            let i = &infos[next];
            let joiner = i.joiner;
            // Words inside a name carry no proclitic, unless as written they are no word
            // at all (`باولا بادوسا`, not ب + `ادوسا`).
            let foreign_written =
                i.cand.chars > 0 && i.written_unknown && i.zipf.is_none() && i.names == 0;
            if i.cand.chars > 0 && !foreign_written {
                break;
            }
            // A nisba no dictionary has as written, after a given name, is a family name
            // (`كريم تلمساني`), though the word it is made from is a word.
            let nisba = (infos[last].given()
                || (infos[last].names > 0 && infos[last].name_score >= GIVEN_MIN_SCORE))
                && i.cand.chars == 0
                && !i.definite
                && i.zipf.is_none_or(|z| z < DICTIONARY_MIN_ZIPF)
                && i.stem.chars().count() >= NISBA_MIN_LETTERS
                && (i.stem.ends_with('ي')
                    // After a common given name, any word that is a word only by an
                    // ending taken off (`بيتر داتون`, not ذات + ون).
                    || (infos[last].given() && i.word_only_by_ending()));
            // After a patronymic joiner the word is a name, whatever it means as a word
            // (`أشرف بن شرقي`, `ولد معط`).
            let after_joiner = is_in(PATRONYMIC_JOINERS, &infos[last].stem);
            if i.name_like()
                || joiner
                || inside
                || i.family()
                || family_town
                || after_joiner
                || foreign_written
                || nisba
            {
                last = next;
                holds_short_form |= inside;
                // A link of several words inside the name is taken in whole.
                if inside {
                    if let Some(i) = cover[next] {
                        if found[i].first == next && found[i].last - w < MAX_NAME_WORDS {
                            last = found[i].last;
                        }
                    }
                }
                // A known person's surname ends the name; a small place's name inside it
                // does not (`ميان ساكب نزار`, not Sakib in Jordan).
                if linked(next) && !inside && !small_place(next) && !family_town {
                    break;
                }
            } else {
                break;
            }
        }
        while last > w && infos[last].joiner {
            last -= 1;
        }
        let len = last - w + 1;
        let before = (w > 0).then(|| &infos[w - 1]);
        // A title, or a title and up to two words that describe the person between it and
        // the name: a nationality (`الرئيس الفرنسي`), a relative adjective or a word of
        // TITLE_ADJECTIVES (`المهاجم الأوروغوياني الجديد داروين نونيز`).
        let describes = |x: usize| {
            joins(x)
                && (cover[x].is_some_and(|i| found[i].kind == MatchKind::Demonym)
                    || (!linked(x)
                        && infos[x].cand.chars == 0
                        && (is_relative_adjective(infos[x])
                            || is_in(TITLE_ADJECTIVES, &infos[x].stem))))
        };
        let titled = before.is_some_and(|b| b.joined.title)
            || (w >= 2 && infos[w - 2].joined.title && joins(w - 2) && describes(w - 1))
            || (w >= 3
                && infos[w - 3].joined.title
                && joins(w - 3)
                && describes(w - 1)
                && describes(w - 2));
        let reported = before.is_some_and(|b| b.joined.reporting);
        // A nationality adjective with the article right before a name of two words says
        // whose it is, as a title does (`الكيني كونسيلسوس كيبروتو`, `الإسبانية باولا
        // بادوسا`).
        let after_demonym = w > 0
            && joins(w - 1)
            && infos[w - 1].definite
            && cover[w - 1].is_some_and(|i| {
                found[i].kind == MatchKind::Demonym && found[i].first == found[i].last
            });
        // A title without the article right after the name, in apposition (`كاسيميرو لاعب
        // وسط ريال مدريد`), says whose name it is, as one before it does.
        let appositive = last + 1 < n
            && joins(last)
            && !infos[last + 1].definite
            && infos[last + 1].cand.chars == 0
            && infos[last + 1].title
            && (infos[w].unknown || infos[w].names > 0);
        // A country in parentheses right after two words of names is the person's
        // nationality (`«الرائي» لضياء جبيلي (العراق)`), as lists of authors and athletes
        // write it.
        let country_gloss = len >= 2
            && last + 2 < n
            && (infos[w].unknown || infos[w].names > 0)
            && cover[last + 1].is_some_and(|i| {
                let f = &found[i];
                f.first == last + 1
                    && f.last == last + 1
                    && f.target
                        .entity()
                        .is_some_and(|e| index.entity(e).id.starts_with("cldr:"))
            })
            && gap(text, words, last) == "("
            && gap(text, words, last + 1).starts_with(')');
        let after_person = infos[w].cand.chars > 0
            && spans
                .last()
                .is_some_and(|s| s.kind == EntityKind::Person && s.last + 2 >= w);
        let first = &infos[w];
        // An unknown word beside a well attested word of names, wherever it stands in the
        // name (`جهانجير خان تارين`).
        // A word with the article after a word no dictionary has is no family name of it
        // (`ليظفر العُلا`: ل and a verb, then the club).
        let named_word = |x: usize| {
            infos[x].names > 0
                && (x == w || infos[x].name_score >= GIVEN_MIN_SCORE)
                && !(x > w && infos[x].definite && infos[x - 1].unknown)
        };
        // A word seen in a few names and rarely if ever as a word (`فينيسيوس`, `رافا`) is
        // as good as an unknown one beside another word of names (`جونيور`, `مير`).
        let rare_name = |x: usize| {
            let i = &infos[x];
            i.unknown
                || (i.names > 0
                    && i.names < GIVEN_MIN_NAMES
                    && i.zipf.is_none_or(|z| z < DICTIONARY_MIN_ZIPF))
        };
        let unknown_pair = len >= 2
            && (w..=last).any(|x| named_word(x) && (w..=last).any(|y| y != x && rare_name(y)));
        // Two words no dictionary and no name list has, side by side: a foreign name
        // spelled out, most often a person's (`فينيسيوس جونيور`); organisations and places
        // so spelled have their heads and company words, read before. A word with the
        // article is Arabic, if rare (`القيلولة`), or an adjective (`الأوروجوياني`).
        // A second word with `و` is coordinated (`توجو وأوجندا`), and `وال` is `و` and
        // the article.
        let foreign =
            |x: usize| infos[x].unknown && !infos[x].definite && !infos[x].stem.starts_with("وال");
        // A word seen in a few names and in no dictionary is as foreign (`كيبروتو`) beside
        // another such word, neither read with a proclitic nor starting with what may be
        // one (`وسيجاور` is و + a verb).
        let rare_foreign = |x: usize| {
            (foreign(x) || (infos[x].names > 0 && rare_name(x) && infos[x].zipf.is_none()))
                && !infos[x].definite
                && infos[x].cand.chars == 0
                && !infos[x].stem.starts_with('و')
        };
        let foreign_pair = (w..last).any(|x| {
            (foreign(x) && foreign(x + 1) && !infos[x + 1].stem.starts_with('و'))
                || (rare_foreign(x) && rare_foreign(x + 1))
        });
        // A less common given name before a family name with the article (`مرزوق الغانم`):
        // the family name says the words are a person's.
        let given_and_family = len == 2
            && first.names > 0
            && first.name_score >= GIVEN_MIN_SCORE
            && infos[last].family();
        // A word of names before a well attested given name read as a family name
        // (`داروين نونيز`, `ريهام أيمن`): two words of names, the second a common one.
        let name_and_given = len == 2
            && first.names > 0
            && first.name_score >= GIVEN_MIN_SCORE
            && infos[last].given()
            && infos[last].cand.chars == 0;
        // A title before words each seen in one name at most, all of them dictionary words,
        // is followed by a phrase (`رئيس مجلس النواب أسمى آيات الشكر`), not a name.
        let some_name = (w..=last).any(|x| {
            let i = &infos[x];
            i.unknown || i.names >= 2 || linked(x) || i.written_unknown || i.zipf.is_none()
        });
        let accepted = if (titled || appositive) && some_name {
            Some(CUED_SCORE)
        } else if len >= 2
            // A person's short form that leads the name is a word of names for sure.
            && (first.given()
                || kunya_start
                || holds_short_form
                || unknown_pair
                || foreign_pair
                || given_and_family
                || name_and_given
                || reported
                || after_demonym
                || country_gloss
                || after_person)
        {
            Some(NAME_WORDS_SCORE)
        } else {
            None
        };
        match accepted {
            Some(score) => {
                taken[w..=last].iter_mut().for_each(|t| *t = true);
                spans.push(Span {
                    first: w,
                    last,
                    kind: EntityKind::Person,
                    score,
                    cand: first.cand,
                });
                w = last + 1;
            }
            None => w += 1,
        }
    }
    if spans.is_empty() {
        return;
    }
    // A span never cuts a mention found before it: it gives up the words it shares with one
    // that runs past its edge (`هيئة … قناة` before `قناة السويس`), so mentions never overlap.
    // Mentions do not overlap, so only the one covering a span's first word can cross its
    // start, and only the one covering its last word its end.
    for s in &mut spans {
        if let Some(f) = cover[s.first].map(|i| &found[i]) {
            if f.first < s.first && f.last < s.last {
                s.first = f.last + 1;
                s.cand = infos[s.first].cand;
            }
        }
        if let Some(f) = cover[s.last].map(|i| &found[i]) {
            if s.first < f.first && s.last < f.last {
                s.last = f.first - 1;
            }
        }
    }
    // A span within a longer mention is no name of its own; nor is one whose very
    // words the gazetteer names as an entity of its kind (`نادي “الرجاء البيضاوي”` is the
    // club it knows, quoted after its descriptor).
    // A head left alone by a mention after it names nothing (`مكتب` of `هيئة مكتب مجلس
    // النواب`, the council linked).
    spans.retain(|s| {
        s.first <= s.last
            && !(s.first == s.last && infos[s.first].head != Head::None)
            && cover[s.first].is_none_or(|i| {
                let f = &found[i];
                let within = f.first <= s.first
                    && s.last <= f.last
                    && (f.first < s.first || s.last < f.last);
                let known = f.first == s.first
                    && f.last == s.last
                    && f.target
                        .entity()
                        .is_some_and(|e| index.entity(e).kind == s.kind);
                !(within || known)
            })
    });
    spans.sort_by_key(|s| s.first);
    // Links inside a span are pieces of the longer name: spans do not overlap either, so a
    // mention is inside one when its first and last words are in the same span.
    let mut span_of: Vec<Option<usize>> = vec![None; n];
    for (k, s) in spans.iter().enumerate() {
        span_of[s.first..=s.last]
            .iter_mut()
            .for_each(|x| *x = Some(k));
    }
    // An organisation spanning just the words of a place the gazetteer links is named
    // after it (`فريق واتفورد`, the club): the place's other bare mentions in the text are
    // the organisation too.
    let named_after: Vec<Option<EntityIdx>> = spans
        .iter()
        .map(|s| {
            let f = &found[cover[s.first]?];
            let e = f.target.entity()?;
            (s.kind == EntityKind::Organisation
                && f.first == s.first
                && f.last == s.last
                && index.entity(e).kind == EntityKind::Place)
                .then_some(e)
        })
        .collect();
    found.retain(|f| span_of[f.first].is_none() || span_of[f.first] != span_of[f.last]);
    // The family names of the people named in full (and their rare given names), for their
    // later mentions alone.
    let mut locals: HashMap<String, u32> = HashMap::default();
    let mut families: HashMap<String, Option<Vec<(usize, u32)>>> = HashMap::default();
    let mut added: Vec<Found<'_>> = Vec::new();
    // The words of the unknown organisations and places, for their repetitions alone.
    // Keyed by their words' stems, one after the other; and the stems they start with.
    let mut repeats: HashMap<String, (EntityKind, u32, usize)> = HashMap::default();
    let mut firsts: Vec<String> = Vec::new();
    let mut clubs_named: Vec<String> = Vec::new();
    // Place → the organisation named after it, `None` when two are.
    let mut clubs: HashMap<EntityIdx, Option<u32>> = HashMap::default();
    // Clubs named by one word that the gazetteer knows: (local number, entity).
    let mut known_clubs: Vec<(u32, EntityIdx)> = Vec::new();
    for (s, place) in spans.iter().zip(&named_after) {
        let key: String = (s.first..=s.last).map(|x| infos[x].stem.as_str()).collect();
        let next = locals.len() as u32;
        let local = *locals.entry(ortho_key(&key)).or_insert(next);
        if let Some(place) = place {
            let slot = clubs.entry(*place).or_insert(Some(local));
            if *slot != Some(local) {
                *slot = None;
            }
        }
        if s.kind == EntityKind::Person && s.last > s.first {
            let family = infos[s.last].stem.clone();
            let given = &infos[s.first];
            let rare_given = is_rare_given(given).then(|| given.stem.clone());
            // Two people of the text may share it (`شينجيرو كويزومي` and his father
            // `جونيتشيرو كويزومي`): the name alone is then the one named last before it.
            for name in std::iter::once(family).chain(rare_given) {
                let slot = families.entry(name).or_insert(Some(Vec::new()));
                if let Some(named) = slot {
                    if named.last().is_none_or(|&(_, l)| l != local) {
                        named.push((s.first, local));
                    }
                }
            }
        }
        // A name that starts with a word no dictionary has is the same name where the text
        // repeats it; a word of the dictionary might be the word (`صحيفة "الأيام"`).
        let len = s.last - s.first + 1;
        // A club named by one word after its descriptor (`فريق العُلا`) too.
        // So is, in sports copy, a team of one word that is no common word (`الخريطيات`
        // after `فوزه على`).
        let club = s.kind == EntityKind::Organisation
            && len == 1
            && ((s.first > 0 && is_in(CLUB_DESCRIPTORS, &infos[s.first - 1].stem))
                || (!infos[s.first].frequent
                    && infos[s.first].zipf.is_none_or(|z| z <= CLUB_WORD_MAX_ZIPF)
                    && cover[s.first].is_none()
                    && super::exact::is_sports_text(words)));
        // A club the gazetteer knows with its descriptor (`نادي السد`) is that club where
        // the text names it by the word alone (`فريق السد`, then `مع السد`; `فاز على
        // الريان`).
        let one_word_organisation = s.kind == EntityKind::Organisation && len == 1;
        if one_word_organisation && !known_clubs.iter().any(|&(l, _)| l == local) {
            let mut clubs = Vec::new();
            index.lookup(
                &ortho_key(&format!("نادي {}", infos[s.first].stem)),
                |t| {
                    let e = index.entity(t.entity);
                    if !t.common && !t.demonym && e.kind == EntityKind::Organisation {
                        clubs.push(t.entity);
                    }
                },
            );
            clubs.dedup();
            if let [club] = clubs[..] {
                known_clubs.push((local, club));
            }
        }
        if s.kind != EntityKind::Person
            && len <= REPEAT_MAX_WORDS
            && (infos[s.first].unknown || club)
        {
            if !firsts.contains(&infos[s.first].stem) {
                firsts.push(infos[s.first].stem.clone());
            }
            if club {
                clubs_named.push(infos[s.first].stem.clone());
            }
            repeats.entry(key).or_insert((s.kind, local, len));
        }
        added.push(found_of(s, local));
    }
    // A linked person whose family or given name an unknown person shares makes it
    // ambiguous too.
    for f in found.iter() {
        if let Named::Entity(e) = f.target {
            if index.entity(e).kind == EntityKind::Person && f.last > f.first {
                for w in [f.first, f.last] {
                    if let Some(slot) = families.get_mut(&infos[w].stem) {
                        *slot = None;
                    }
                }
            }
        }
    }
    // What covers each word now that the pieces are gone.
    let mut cover: Vec<Option<usize>> = vec![None; n];
    for (i, f) in found.iter().enumerate() {
        for c in &mut cover[f.first..=f.last] {
            *c = Some(i);
        }
    }
    let mut replaced = vec![false; found.len()];
    let mut claimed = vec![false; n];
    for w in 0..n {
        if span_of[w].is_some() {
            continue;
        }
        let Some(Some(named)) = families.get(&infos[w].stem) else {
            continue;
        };
        // `على` is the preposition, though the name `علي` folds to it.
        if infos[w].listed_stop {
            continue;
        }
        // Spans are in text order: the last named before the word, or else the first.
        let Some(local) = named
            .iter()
            .take_while(|&&(first, _)| first < w)
            .last()
            .or(named.first())
            .map(|(_, local)| local)
        else {
            continue;
        };
        // A family name alone: free, or linked only by a short form, a partial or a
        // demonym (`السوداني`), which the person named in full outranks.
        let weak = cover[w].is_none_or(|i| {
            let f = &found[i];
            f.first == f.last
                && matches!(
                    f.kind,
                    MatchKind::ShortForm | MatchKind::Partial | MatchKind::Demonym
                )
        });
        if !weak {
            continue;
        }
        if let Some(i) = cover[w] {
            replaced[i] = true;
        }
        claimed[w] = true;
        added.push(Found {
            first: w,
            last: w,
            cand: infos[w].cand,
            target: Named::Unknown(EntityKind::Person, *local),
            kind: MatchKind::Unlinked,
            alternatives: Vec::new(),
            share: FAMILY_SCORE,
            antecedent: None,
            fuzzy: None,
        });
    }
    // One name, one thing, in one text: an unknown organisation or place named with its
    // cue is that organisation or place where the text repeats its words alone, and
    // nothing links them (`شركة الاتصالات القطرية أوريدو`, then `أسهم أوريدو`).
    if !repeats.is_empty() {
        let open = |x: usize| span_of[x].is_none() && cover[x].is_none() && !claimed[x];
        let mut w = 0;
        while w < n {
            // A word of a name no dictionary has right before or after makes the words a
            // piece of a longer name (`أليكو دانجوتي` after `مصفاة دانجوتي`).
            let longer = |x: usize| infos[x].unknown || infos[x].given();
            // The first word as the pass read it, or with a proclitic off (`لأوريدو`); most
            // words begin no repeated name, and cheap tests say so first.
            let first = words.key(w);
            if !(infos[w].unknown || clubs_named.contains(&infos[w].stem))
                || !firsts
                    .iter()
                    .any(|f| first.ends_with(f.as_str()) || infos[w].stem == *f)
            {
                w += 1;
                continue;
            }
            let readings = std::iter::once((infos[w].cand, infos[w].stem.as_str())).chain(
                clitic::candidates(first)
                    .filter(|c| c.chars > 0 && !c.article)
                    .map(|c| (c, c.stem(first))),
            );
            let hit = readings.into_iter().find_map(|(cand, stem)| {
                if !firsts.iter().any(|f| f == stem) {
                    return None;
                }
                (1..=REPEAT_MAX_WORDS.min(n - w)).rev().find_map(|len| {
                    let last = w + len - 1;
                    if !(w..=last).all(open)
                        || !(w..last).all(joins)
                        || (cand.chars == 0 && w > 0 && joins(w - 1) && longer(w - 1))
                        || (joins(last) && longer(last + 1))
                    {
                        return None;
                    }
                    let mut key = stem.to_string();
                    (w + 1..=last).for_each(|x| key.push_str(&infos[x].stem));
                    let &(kind, local, words) = repeats.get(&key)?;
                    (words == len).then_some((cand, last, kind, local))
                })
            });
            let Some((cand, last, kind, local)) = hit else {
                w += 1;
                continue;
            };
            added.push(Found {
                first: w,
                last,
                cand,
                target: Named::Unknown(kind, local),
                kind: MatchKind::Unlinked,
                alternatives: Vec::new(),
                share: FAMILY_SCORE,
                antecedent: None,
                fuzzy: None,
            });
            w = last + 1;
        }
    }
    for (i, f) in found.iter().enumerate().filter(|_| !clubs.is_empty()) {
        let Some(Some(local)) = f.target.entity().and_then(|e| clubs.get(&e)) else {
            continue;
        };
        // `مدينة واتفورد` is the town, and so is where a match is played (`في الرياض`,
        // `بالرياض`).
        let headed = f.first > 0
            && (infos[f.first - 1].head == Head::Place
                || is_in(PLACE_PREPOSITIONS, &infos[f.first - 1].stem));
        let placed = f.cand.prefix.contains('\u{0628}') || f.cand.prefix.contains("الى");
        if f.kind != MatchKind::Exact || headed || placed || replaced[i] {
            continue;
        }
        replaced[i] = true;
        added.push(Found {
            target: Named::Unknown(EntityKind::Organisation, *local),
            kind: MatchKind::Unlinked,
            alternatives: Vec::new(),
            share: CUED_SCORE,
            antecedent: None,
            fuzzy: None,
            ..*f
        });
    }
    let mut i = 0;
    found.retain(|_| {
        i += 1;
        !replaced[i - 1]
    });
    if !known_clubs.is_empty() {
        for f in &mut added {
            let Named::Unknown(EntityKind::Organisation, local) = f.target else {
                continue;
            };
            if let Some(&(_, club)) = known_clubs.iter().find(|&&(l, _)| l == local) {
                f.target = Named::Entity(club);
                f.kind = MatchKind::ShortForm;
            }
        }
    }
    found.extend(added);
    found.sort_by_key(|f| f.first);
}

/// Is the word a given name rare enough to name the person alone, as the partial pass takes
/// one for a known person ([`RARE_GIVEN_MAX_NAMES`]), and no everyday word?
fn is_rare_given(info: &Info) -> bool {
    info.stem.chars().count() >= RARE_GIVEN_MIN_LETTERS
        && info.zipf.is_none()
        && !info.everyday
        && !info.definite
        && info.names <= RARE_GIVEN_MAX_NAMES
}

fn found_of<'m>(s: &Span, local: u32) -> Found<'m> {
    Found {
        first: s.first,
        last: s.last,
        cand: s.cand,
        target: Named::Unknown(s.kind, local),
        kind: MatchKind::Unlinked,
        alternatives: Vec::new(),
        share: s.score,
        antecedent: None,
        fuzzy: None,
    }
}

/// An organisation's name headed at `w` by a noun that belongs to it, or a facility's.
#[allow(clippy::too_many_arguments)]
fn organisation(
    text: &str,
    words: &Words,
    infos: &[&Info],
    w: usize,
    joins: &dyn Fn(usize) -> bool,
    free: &dyn Fn(usize) -> bool,
    linked: &dyn Fn(usize) -> bool,
    stop: &dyn Fn(usize) -> bool,
) -> Option<Span> {
    let head = &infos[w];
    let facility = is_in(FACILITY_HEADS, &head.stem);
    let political = is_in(POLITICAL_HEADS, head.stem.as_str());
    // `الحزب الحاكم`, `القوات الصينية`: a definite head with its adjectives is a description
    // as often as a name; the names of that shape the news repeats are in the gazetteer.
    // An adjective of state bodies after it makes a name (`المحكمة العليا`), and the name
    // takes its whole complement (`الهيئة العامة للتقاعد والتأمينات الاجتماعية`).
    // So does one after another adjective (`المجلس السياسي الأعلى`, `المحكمة الإدارية
    // العليا`).
    let adjective_at = |x: usize, official: bool| {
        x < infos.len()
            && joins(x - 1)
            && free(x)
            && infos[x].cand.chars == 0
            && infos[x].definite
            && if official {
                is_in(OFFICIAL_ADJECTIVES, &infos[x].stem)
            } else {
                is_relative_adjective(infos[x])
            }
            && !is_hard_stop(&infos[x].stem)
    };
    // A party's definite head and two adjectives, the first relative, make a name too
    // (`الحزب الاشتراكي الديمقراطي`, `الحزب الديمقراطي الحر`): one, `الحزب الديمقراطي`, is as
    // often a description, or another country's party.
    let party_adjective = |x: usize| {
        adjective_at(x, false)
            || x < infos.len() && joins(x - 1) && is_in(PARTY_ADJECTIVES, infos[x].stem.as_str())
    };
    let party = head.definite
        && is_in(PARTY_HEADS, head.stem.as_str())
        && adjective_at(w + 1, false)
        && party_adjective(w + 2);
    // A complement with `لل` ("for the"), as written: its word may be read with `ل` alone
    // (`للموانئ`).
    let lil = |x: usize| {
        let key = words.key(x);
        key.starts_with("لل") && key.chars().count() > 4
    };
    // `ل` and a noun whose complement names something or has the article (`لتحرير
    // تيغراي`, `لألعاب القوى`): the purpose the name states.
    let li = |x: usize| {
        let i = &infos[x];
        let key = words.key(x);
        let noun = || {
            key.strip_prefix('ل').is_some_and(|rest| {
                !rest.starts_with('ل') && rest.chars().count() >= 3 && is_everyday(rest)
            })
        };
        !i.definite
            && !i.joined.particle
            && !i.listed_stop
            && x + 1 < infos.len()
            && joins(x)
            && infos[x + 1].cand.chars == 0
            && (linked(x + 1) || infos[x + 1].definite)
            && (i.cand.prefix == "ل" || (i.cand.chars == 0 && noun()))
    };
    // A definite head, a relative adjective and the purpose with `ل` make an official name
    // too (`الاتحاد السعودي لكرة السلة`, `المجلس الوطني للإعلام`).
    // Not whose it is: a body, a place's head or a title after `ل` says to whom the
    // head belongs (`المجلس البلدي لمدينة بيروت`, `المكتب الإعلامي للحاكم`, `اللجنة
    // التنفيذية للكتلة`), and so does a person.
    let purpose = |x: usize| {
        let whose = || {
            let key = words.key(x);
            let rest = key.strip_prefix("لل").or_else(|| key.strip_prefix('ل'));
            rest.is_some_and(|r| {
                let definite = format!("ال{r}");
                [r, definite.as_str()].iter().any(|stem| {
                    is_in(ORG_HEADS, stem) || is_in(PLACE_HEADS, stem) || is_in(PERSON_TITLES, stem)
                })
            }) || infos[x].names > 0
                || infos[x].unknown
        };
        x < infos.len() && joins(x - 1) && free(x) && (lil(x) || li(x)) && !whose()
    };
    // A party's definite head and adjective, then its country with `ل`: the party of that
    // country (`الحزب الديمقراطي لكوت ديفوار`).
    let country_li = |x: usize| {
        x < infos.len()
            && joins(x - 1)
            && free(x)
            && words.key(x).starts_with('ل')
            && linked(x)
            && is_in(PARTY_HEADS, head.stem.as_str())
    };
    let official = head.definite
        && (adjective_at(w + 1, true)
            || (adjective_at(w + 1, false)
                && (adjective_at(w + 2, true) || purpose(w + 2) || country_li(w + 2))));
    let official_last = if !official || adjective_at(w + 1, true) || purpose(w + 2) {
        w + 1
    } else {
        w + 2
    };
    if party && !official {
        // The adjectives and no more: a party's name is followed by what is said of it
        // (`الحاكم`, `اليوم`).
        let last = (w + 2..infos.len())
            .take_while(|&x| {
                x == w + 2 || party_adjective(x) && !is_in(PARTY_STATES, &infos[x].stem)
            })
            .last()
            .unwrap_or(w + 2);
        return Some(Span {
            first: w,
            last,
            kind: EntityKind::Organisation,
            score: CUED_SCORE,
            cand: head.cand,
        });
    }
    if head.definite && !official {
        return None;
    }
    if let Some((first, last)) = quoted_after(text, words, w) {
        return Some(Span {
            first: if facility { w } else { first },
            last,
            kind: if facility {
                EntityKind::Place
            } else {
                EntityKind::Organisation
            },
            score: CUED_SCORE,
            cand: if facility {
                head.cand
            } else {
                infos[first].cand
            },
        });
    }
    let mut last = w;
    let mut evidence = false;
    let mut last_evidence = w;
    // A frequent definite word is part of a complement when it qualifies the name (a
    // relative adjective: `للأوراق المالية`), is joined to the word before by `و`
    // (`العدالة والتنمية`), or leads to a word that names something (`لجنة الانتخابات
    // الباكستانية`); otherwise it ends the name as any frequent word does (`مجلس الأمن
    // اليوم`).
    // Forces are described by whom they serve (`قوات الحكومة اليمنية`) more often than named.
    let force = is_in(FORCE_HEADS, head.stem.as_str());
    let in_complement = |x: usize| {
        let i = &infos[x];
        let named_next =
            !force && x + 1 < infos.len() && joins(x) && (linked(x + 1) || infos[x + 1].unknown);
        (i.definite
            && !is_hard_stop(&i.stem)
            && (is_relative_adjective(i)
                || (i.cand.prefix == "و" && infos[x - 1].definite)
                || named_next))
            || (joined_definite(i) && infos[x - 1].definite)
    };
    while last - w < MAX_COMPLEMENT_WORDS && joins(last) {
        let x = last + 1;
        let i = &infos[x];
        // After a party's head, a frequent word with the article is a word of the name
        // (`حزب الحركة القومية`).
        let party_word = political && i.definite && !is_hard_stop(&i.stem);
        let kept = in_complement(x) || party_word || (official && x <= official_last) || li(x);
        if !free(x)
            || (stop(x) && !kept)
            || is_in(ORG_HEADS, &i.stem) && i.cand.chars > 0
            || is_in(RELATION_WORDS, &i.stem)
        {
            break;
        }
        let named = linked(x) || i.unknown;
        if !named && !i.definite && i.names > 0 && i.name_score >= NAME_WORD {
            // A person's name after the head: `إدارة ترامب` is not an organisation's name.
            break;
        }
        // One noun between the head and the name it governs (`محكمة جنايات دمنهور`,
        // `غرفة تجارة دبي`): the court's or chamber's kind, a word of the name.
        let kind_noun = x == w + 1
            && !i.definite
            && i.cand.chars == 0
            && i.everyday
            && !PRONOUN_ENDINGS.iter().any(|e| i.stem.ends_with(e))
            && x + 1 < infos.len()
            && joins(x)
            && infos[x + 1].cand.chars == 0
            && (linked(x + 1) || (infos[x + 1].unknown && !infos[x + 1].definite));
        let fits = named
            || i.definite
            || (joined_definite(i) && infos[x - 1].definite)
            || is_in(PLACE_HEADS, &i.stem)
            || kind_noun
            || lil(x)
            || li(x);
        if !fits {
            break;
        }
        last = x;
        if named || ((political || official) && i.definite) {
            evidence = true;
            last_evidence = x;
        }
    }
    // The definite words and adjectives after the last word that names something belong to
    // the name only when they follow it directly (`للاستثمار` after `أبوظبي`).
    if !evidence {
        return None;
    }
    let last = if political || official {
        last
    } else {
        (last_evidence..=last)
            .take_while(|&x| x == last_evidence || is_relative_adjective(infos[x]) || lil(x))
            .last()
            .unwrap_or(last_evidence)
    };
    Some(Span {
        first: w,
        last,
        kind: if facility {
            EntityKind::Place
        } else {
            EntityKind::Organisation
        },
        score: CUED_SCORE,
        cand: head.cand,
    })
}

/// An institution or a facility named after a person by an honorific (`جامعة الملك سعود`,
/// `مستشفى الملك خالد الجامعي`, `بمطار الملك عبد العزيز الدولي`): head, honorific, the
/// person's name and the adjectives after it, spanned whole. The person alone is no mention:
/// the name is the institution's.
fn named_after(
    words: &Words,
    infos: &[&Info],
    w: usize,
    joins: &dyn Fn(usize) -> bool,
    free: &dyn Fn(usize) -> bool,
) -> Option<Span> {
    // Most words are followed by no honorific: that is asked first.
    // Honorifics are titles ([`Info::title`] is known already).
    if !joins(w) {
        return None;
    }
    let honorific = infos[w + 1].title
        && infos[w + 1].cand.chars == 0
        && is_in(HONORIFICS, &infos[w + 1].stem)
        && free(w + 1);
    // A school is named after a person with no honorific, and the person's name is the
    // school's though the gazetteer knows someone by it (`ثانوية عبد الحميد ابن باديس`).
    let school = !honorific
        && infos[w + 1].cand.chars == 0
        && infos[w + 1].given()
        && is_in(SCHOOL_HEADS, &infos[w].stem);
    if !honorific && !school {
        return None;
    }
    // Where the name begins, after the honorific or the school's head.
    let title = if school { w } else { w + 1 };
    let key = words.key(w);
    let (cand, kind) = if school {
        (infos[w].cand, EntityKind::Organisation)
    } else {
        clitic::candidates(key)
            .filter(|c| !c.article)
            .find_map(|c| {
                let stem = c.stem(key);
                if is_in(NAMED_AFTER_ORG_HEADS, stem) {
                    Some((c, EntityKind::Organisation))
                } else if is_in(NAMED_AFTER_PLACE_HEADS, stem) {
                    Some((c, EntityKind::Place))
                } else {
                    None
                }
            })?
    };
    let mut last = title;
    while last - title < NAMED_AFTER_MAX_NAME_WORDS && joins(last) {
        let x = last + 1;
        let i = &infos[x];
        if !(free(x) || school) || i.cand.chars > 0 {
            break;
        }
        // The given name first (`سعود`, `عبد`), then joiners and what they join (`بن
        // عبد العزيز`) or family names; an adjective starts what is said of the name.
        let name_word = if x == title + 1 {
            i.names > 0 || i.unknown
        } else {
            i.joiner
                || infos[last].joiner
                || (i.name_like() && !i.definite)
                || (i.family() && !is_relative_adjective(i))
        };
        if !name_word {
            break;
        }
        last = x;
    }
    while last > title && infos[last].joiner {
        last -= 1;
    }
    if last == title {
        return None;
    }
    while last - w < MAX_COMPLEMENT_WORDS
        && joins(last)
        && free(last + 1)
        && infos[last + 1].cand.chars == 0
        && is_relative_adjective(infos[last + 1])
    {
        last += 1;
    }
    Some(Span {
        first: w,
        last,
        kind,
        score: CUED_SCORE,
        cand,
    })
}

/// Is the word a definite word joined by `و` and kept as written, because the word list
/// has the joined form (`والبحرية` of `للمنافذ البرية والبحرية`)?
fn joined_definite(i: &Info) -> bool {
    i.cand.chars == 0
        && i.stem.strip_prefix('و').is_some_and(|rest| {
            rest.starts_with("ال") && rest.chars().count() > 4 && !is_hard_stop(rest)
        })
}

/// Definite adjectives of time and order that follow a name without belonging to it (`مجلس
/// الأمة الحالي`, `حزب الوفد الجديد` is a name but `الأسبوع الماضي` is not).
const TIME_ADJECTIVES: &[&str] = &[
    "الماضي",
    "الحالي",
    "الجاري",
    "المقبل",
    "القادم",
    "الاخير",
    "السابق",
    "الاول",
    "الثاني",
];

/// Is the folded `stem` one of [`TIME_ADJECTIVES`], masculine or feminine?
fn is_time_adjective(stem: &str) -> bool {
    TIME_ADJECTIVES.contains(&stem.strip_suffix('ه').unwrap_or(stem))
}

/// Does `stem` end a name whatever follows: a particle, a reporting verb, a title or a word
/// of relation to another entity?
fn is_hard_stop(stem: &str) -> bool {
    is_in(STOPS, stem)
        || is_in(REPORTING_VERBS, stem)
        || is_in(PERSON_TITLES, stem)
        || is_in(RELATION_WORDS, stem)
}

/// Is the word a definite relative adjective (`المالية`, `الدولي`, `الباكستانية`), which
/// qualifies the name before it, and not one of time or order?
fn is_relative_adjective(i: &Info) -> bool {
    let s = i.stem.as_str();
    i.definite && (s.ends_with("يه") || s.ends_with('ي')) && !is_time_adjective(s)
}

/// An organisation (or a facility, a place) introduced by a descriptor at `w` that stays
/// outside its mention: the name in quotes after it, or the unknown words after it.
#[allow(clippy::too_many_arguments)]
fn described(
    text: &str,
    words: &Words,
    infos: &[&Info],
    w: usize,
    joins: &dyn Fn(usize) -> bool,
    free: &dyn Fn(usize) -> bool,
    linked: &dyn Fn(usize) -> bool,
    demonym: &dyn Fn(usize) -> bool,
    stop: &dyn Fn(usize) -> bool,
) -> Option<Span> {
    let kind = if is_in(FACILITY_DESCRIPTORS, &infos[w].stem) {
        EntityKind::Place
    } else {
        EntityKind::Organisation
    };
    if let Some((first, last)) = quoted_after(text, words, w) {
        if (first..=last).all(free) {
            return Some(Span {
                first,
                last,
                kind,
                score: CUED_SCORE,
                cand: infos[first].cand,
            });
        }
        return None;
    }
    unknown_after(infos, w, kind, joins, free, linked, stop).or_else(|| {
        // The descriptor may be described before the name comes (`شركة الاتصالات القطرية
        // أوريدو`): definite words, up to a few, then the unknown words of the name.
        let mut x = w + 1;
        while x < infos.len()
            && x - w <= DESCRIPTION_MAX_WORDS
            && joins(x - 1)
            && free(x)
            && infos[x].definite
            && infos[x].cand.chars == 0
            && !is_hard_stop(&infos[x].stem)
        {
            x += 1;
        }
        (x > w + 1 && x < infos.len() && joins(x - 1))
            .then(|| unknown_after(infos, x - 1, kind, joins, free, linked, stop))
            .flatten()
            .or_else(|| {
                // No name after the description: a state agency named by what it does
                // and its country's adjective is named so, `وكالة` a word of the name
                // (`وكالة الأرصاد الجوية الصينية`), not a mention of the country. A
                // company so described is a description (`شركة النفط الحكومية النيجيرية`).
                let country = (w + 2..x).rev().find(|&d| demonym(d))?;
                let common = (w + 1..country).all(|d| !linked(d) && infos[d].head == Head::None);
                (infos[w].stem == AGENCY && common).then(|| Span {
                    first: w,
                    last: country,
                    kind,
                    score: CUED_SCORE,
                    cand: infos[w].cand,
                })
            })
    })
}

/// A place introduced by a head at `w` that stays outside its mention: the unknown words
/// after it.
fn place(
    infos: &[&Info],
    w: usize,
    joins: &dyn Fn(usize) -> bool,
    free: &dyn Fn(usize) -> bool,
    linked: &dyn Fn(usize) -> bool,
    stop: &dyn Fn(usize) -> bool,
) -> Option<Span> {
    unknown_after(infos, w, EntityKind::Place, joins, free, linked, stop)
}

/// Most words of one place in a list after a plural head (`قصر الأخيار`, `القره بوللي`).
const LIST_MEMBER_WORDS: usize = 3;

/// Below this Zipf frequency a word continues a place's name in a list (a word seen once
/// in about three million: `براديش` is 3.3; verbs and nouns that end a list, such as
/// `شاركوا`, are well above it).
const LIST_WORD_MAX_ZIPF: f32 = 3.5;

/// The places listed after a plural head at `w` (`بلديات الجميل والمنشية ووازن`): each
/// member after the first joined by `و` or a comma, one to [`LIST_MEMBER_WORDS`] words (a
/// noun without the article and the definite word it governs, `سيدي السايح`; words no word
/// list has, `القره بوللي`; a known place and a direction, `الزاوية الجنوب`); the list ends
/// at any other word. In such a list everyday words are names (`القلعة`, "the castle"), so
/// it counts only with two members or more, one of them a place the gazetteer knows or a
/// word no word list has. Returns the members the gazetteer does not know, as places, and
/// the list's last word.
fn place_list(
    text: &str,
    words: &Words,
    infos: &[&Info],
    w: usize,
    listed_place: &dyn Fn(usize) -> Option<usize>,
    free: &dyn Fn(usize) -> bool,
    stop: &dyn Fn(usize) -> bool,
) -> Option<(Vec<Span>, usize)> {
    let n = infos.len();
    let joins = |x: usize| x + 1 < n && words.words[x].joins_next;
    // `و` on a member: read off, or kept on a word read whole (`ووازن`, as `وازن` is also
    // a verb).
    let coordinated = |x: usize| {
        infos[x].cand.prefix == "و"
            || infos[x].cand.chars == 0
                && words.key(x).chars().count() > 3
                && words.key(x).starts_with('و')
    };
    // The next member starts at `x + 1` after a member ending at `x`: `و` on it, after a
    // space or a comma.
    let next = |x: usize| {
        if x + 1 >= n || !coordinated(x + 1) && !comma_after(text, words, x) {
            return None;
        }
        let gap = &text[words.words[x].end..words.origins[words.words[x + 1].chars.start]];
        gap.chars()
            .all(|c| c.is_whitespace() || c == '،' || c == ',')
            .then_some(x + 1)
    };
    let mut members: Vec<(usize, usize, bool)> = Vec::new();
    let mut evidence = false;
    let mut x = w + 1;
    if !joins(w) || x >= n || coordinated(x) {
        return None;
    }
    loop {
        let i = infos[x];
        // A stem with a proclitic other than the list's `و` is no member.
        let clitic_ok = i.cand.chars == 0 || coordinated(x) && i.cand.chars == 1;
        // A frequent noun or a head starts a place's name in a list when it governs the
        // definite word after it (`سيدي السايح`, `راس الجبل`, `قصر الأخيار`, `حي الأندلس`).
        let governs = !i.definite
            && !i.listed_stop
            && x + 1 < n
            && joins(x)
            && infos[x + 1].definite
            && !stop(x + 1);
        if !clitic_ok || (stop(x) || i.head != Head::None) && !governs {
            break;
        }
        let (last, known) = match listed_place(x) {
            Some(last)
                if last + 1 < n && joins(last) && is_in(DIRECTIONS, &infos[last + 1].stem) =>
            {
                (last + 1, false)
            }
            Some(last) => (last, true),
            None if free(x) => {
                let mut last = x;
                while last + 1 - x < LIST_MEMBER_WORDS && joins(last) {
                    let y = last + 1;
                    let j = infos[y];
                    let governed = y == x + 1 && !i.definite && j.definite;
                    // A word no word list has, or a rare one: a name's (`بوللي`; `براديش`,
                    // which the news write often enough to be in the frequency list),
                    // whatever ending or proclitic a reading finds in it.
                    let foreign =
                        j.unknown || !j.everyday || j.zipf.is_none_or(|z| z < LIST_WORD_MAX_ZIPF);
                    let plain = j.cand.chars == 0;
                    let direction = plain && is_in(DIRECTIONS, &j.stem);
                    if coordinated(y)
                        || !free(y)
                        || stop(y)
                        || !(governed && plain || foreign || direction)
                    {
                        break;
                    }
                    last = y;
                }
                (last, false)
            }
            None => break,
        };
        evidence |= known || (x..=last).any(|y| infos[y].unknown);
        members.push((x, last, known));
        match next(last) {
            Some(y) => x = y,
            None => break,
        }
    }
    if members.len() < 2 || !evidence {
        return None;
    }
    let last = members.last().map(|m| m.1)?;
    let spans = members
        .into_iter()
        .filter(|m| !m.2)
        .map(|(first, last, _)| Span {
            first,
            last,
            kind: EntityKind::Place,
            score: CUED_SCORE,
            cand: if infos[first].cand.chars == 0 && coordinated(first) {
                clitic::Candidate {
                    prefix: "و",
                    chars: 1,
                    article: false,
                }
            } else {
                infos[first].cand
            },
        })
        .collect();
    Some((spans, last))
}

/// Is a comma right after word `x` (spaces around it)?
fn comma_after(text: &str, words: &Words, x: usize) -> bool {
    let end = words.words[x].end;
    let rest = text[end..].trim_start();
    rest.starts_with('،') || rest.starts_with(',')
}

/// The unknown words right after a head at `w` (no more than [`MAX_NAME_WORDS`]), as a
/// mention of `kind` without the head.
fn unknown_after(
    infos: &[&Info],
    w: usize,
    kind: EntityKind,
    joins: &dyn Fn(usize) -> bool,
    free: &dyn Fn(usize) -> bool,
    linked: &dyn Fn(usize) -> bool,
    stop: &dyn Fn(usize) -> bool,
) -> Option<Span> {
    let mut last = w;
    while last - w < MAX_NAME_WORDS && joins(last) {
        let x = last + 1;
        let i = infos[x];
        // After a place's head, a word no dictionary has as written is its name though an
        // ending makes it a word (`دائرة أميتي`).
        let name = i.unknown
            || (kind == EntityKind::Place
                && i.cand.chars == 0
                && i.stem.chars().count() >= UNKNOWN_MIN_LETTERS
                && i.word_only_by_ending());
        if !free(x) || stop(x) || linked(x) || !name {
            break;
        }
        last = x;
    }
    (last > w).then(|| Span {
        first: w + 1,
        last,
        kind,
        score: CUED_SCORE,
        cand: infos[w + 1].cand,
    })
}

#[cfg(all(test, feature = "builtin"))]
mod tests {
    use crate::{EntityKind, MatchKind, Matcher, MatcherBuilder};

    /// (surface, kind, entity id or "-") of each mention.
    fn found(text: &str) -> Vec<(String, EntityKind, String)> {
        Matcher::builtin()
            .find_iter(text)
            .map(|m| {
                let id = m.entity_id().unwrap_or("-").to_string();
                (m.surface.to_string(), m.kind, id)
            })
            .collect()
    }

    /// What `found` gives for a text whose one mention is the unknown organisation `name`.
    fn unknown_organisation(name: &str) -> [(String, EntityKind, String); 1] {
        [(name.to_string(), EntityKind::Organisation, "-".to_string())]
    }

    /// The surfaces of the unlinked mentions of `text`, all of them people.
    fn people(text: &str) -> Vec<String> {
        let got = unlinked(text);
        assert!(got.iter().all(|(_, k)| *k == EntityKind::Person), "{got:?}");
        got.into_iter().map(|(s, _)| s).collect()
    }

    fn unlinked(text: &str) -> Vec<(String, EntityKind)> {
        Matcher::builtin()
            .find_iter(text)
            .filter(|m| m.how.kind == MatchKind::Unlinked)
            .map(|m| (m.surface.to_string(), m.kind))
            .collect()
    }

    #[test]
    fn an_institution_named_after_a_place_is_one_organisation() {
        let text = "وقرر مجلس محافظة البصرة تأجيل الجلسة.";
        let got = found(text);
        assert_eq!(
            got,
            [(
                "مجلس محافظة البصرة".to_string(),
                EntityKind::Organisation,
                "-".to_string()
            )],
            "help: البصرة inside the council's name is not the city"
        );
        let got = found("وأقيم الحفل في دار الأوبرا المصرية مساء أمس.");
        assert_eq!(
            got,
            [(
                "دار الأوبرا المصرية".to_string(),
                EntityKind::Organisation,
                "-".to_string()
            )],
            "help: المصرية inside the opera house's name is not Egypt"
        );
        // A head with a proclitic heads the name too; the `و` stays outside it.
        let got = found("وأجل مجلس محافظة البصرة ومجلس محافظة المثنى جلساتهما.");
        let names: Vec<&str> = got.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(names, ["مجلس محافظة البصرة", "مجلس محافظة المثنى"]);
        assert!(
            got.iter()
                .all(|x| x.1 == EntityKind::Organisation && x.2 == "-")
        );
    }

    #[test]
    fn a_definite_head_with_an_adjective_of_state_bodies_is_a_name() {
        let got = unlinked(
            "وقالت الهيئة العامة للموانئ البرية والبحرية إن المحكمة العليا في البلاد ستنظر في الطعن.",
        );
        assert_eq!(
            got,
            [
                (
                    "الهيئة العامة للموانئ البرية والبحرية".to_string(),
                    EntityKind::Organisation
                ),
                ("المحكمة العليا".to_string(), EntityKind::Organisation)
            ]
        );
        // With another adjective, a definite head is a description.
        assert_eq!(unlinked("وقال الحزب الحاكم إن المجلس الجديد سيجتمع."), []);
        // A royal body is a state body.
        assert_eq!(
            unlinked("وقالت الهيئة الملكية لمحافظة العلا إن السباق ناجح."),
            [(
                "الهيئة الملكية لمحافظة العلا".to_string(),
                EntityKind::Organisation
            )]
        );
        // A relative adjective may come first (`المجلس السياسي الأعلى`); a noun may not
        // (`أدى المجلس اليمين الدستورية`, the council took the constitutional oath). After
        // `لل` the head has its article back.
        assert_eq!(
            unlinked("وأعلن المجلس السياسي الأعلى أن المجلس أدى اليمين الدستورية."),
            [("المجلس السياسي الأعلى".to_string(), EntityKind::Organisation)]
        );
        assert_eq!(unlinked("وأدى المجلس اليمين الدستورية أمس."), []);
        assert_eq!(
            unlinked("وقال الأمين العام للمجلس الأعلى للآثار إن الحفائر مستمرة."),
            [("مجلس الأعلى للآثار".to_string(), EntityKind::Organisation)]
        );
    }

    #[test]
    fn a_family_name_two_people_share_is_the_one_named_last_before_it() {
        let text = "وخسر الوزير شينجيرو كويزومي الجولة، وقال كويزومي إنه راض، وهو نجل رئيس \
                    الوزراء الأسبق جونيتشيرو كويزومي.";
        let got: Vec<(String, Option<u32>)> = Matcher::builtin()
            .find_iter(text)
            .map(|m| (m.surface.to_string(), m.local))
            .collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[1].0, "كويزومي");
        assert_eq!(
            got[1].1, got[0].1,
            "help: the son, named before it: {got:?}"
        );
        assert_ne!(
            got[2].1, got[0].1,
            "help: the father is someone else: {got:?}"
        );
    }

    #[test]
    fn a_word_named_as_a_place_starts_no_persons_name() {
        let got = unlinked("وأشاد بوحدة ولاية جوبالاند، فالقبائل في جوبالاند متضامنة منذ زمن.");
        assert!(
            got.iter().all(|(_, k)| *k != EntityKind::Person),
            "help: جوبالاند is the state the text named: {got:?}"
        );
    }

    #[test]
    fn a_word_of_relation_ends_an_organisations_name() {
        let got = found("وقال رئيس جهاز المخابرات التابع للحوثيين إن الحملة مستمرة.");
        assert_eq!(
            got,
            [(
                "حوثيين".to_string(),
                EntityKind::Organisation,
                "houthis".to_string()
            )],
            "help: the service affiliated with the Houthis is described, not named"
        );
    }

    #[test]
    fn a_partys_name_takes_frequent_words_after_its_head() {
        assert_eq!(
            unlinked("وانضم إلى حزب الحركة القومية ثم انتقل."),
            [("حزب الحركة القومية".to_string(), EntityKind::Organisation)]
        );
    }

    #[test]
    fn a_ministry_is_named_by_its_portfolio() {
        let got = unlinked("وقالت وزارة الشؤون الاجتماعية إن وزارة الري اليوم أعلنت الخطة.");
        assert_eq!(
            got,
            [
                (
                    "وزارة الشؤون الاجتماعية".to_string(),
                    EntityKind::Organisation
                ),
                ("وزارة الري".to_string(), EntityKind::Organisation)
            ]
        );
    }

    #[test]
    fn a_club_named_after_its_city_is_the_club_in_the_whole_text() {
        let text =
            "وسجل فريق واتفورد الهدف الأول، وخسر أمام منافسه واتفورد. وزار الوفد مدينة واتفورد.";
        let got: Vec<(String, EntityKind, String)> = found(text);
        assert_eq!(
            got,
            [
                (
                    "واتفورد".to_string(),
                    EntityKind::Organisation,
                    "-".to_string()
                ),
                (
                    "واتفورد".to_string(),
                    EntityKind::Organisation,
                    "-".to_string()
                ),
                (
                    "واتفورد".to_string(),
                    EntityKind::Place,
                    "geonames:2634677".to_string()
                )
            ],
            "help: the club twice, then the town after its head word"
        );
        let locals: Vec<Option<u32>> = Matcher::builtin()
            .find_iter(text)
            .map(|m| m.local)
            .collect();
        assert_eq!(locals[0], locals[1]);
    }

    #[test]
    fn an_unknown_name_is_the_same_thing_where_the_text_repeats_it() {
        let text = "وباعت شركة \"كيوتيلا\" حصة، وارتفعت أسهم كيوتيلا، وقالت لكيوتيلا إن. وقالت \
                    صحيفة \"الأيام\" إن الأيام صعبة.";
        let matcher = Matcher::builtin();
        let got: Vec<(&str, EntityKind, Option<u32>)> = matcher
            .find_iter(text)
            .map(|m| (m.surface, m.kind, m.local))
            .collect();
        let org = EntityKind::Organisation;
        assert_eq!(
            got,
            [
                ("كيوتيلا", org, Some(0)),
                ("كيوتيلا", org, Some(0)),
                ("كيوتيلا", org, Some(0)),
                ("الأيام", org, Some(1))
            ],
            "help: a dictionary word alone (الأيام, the days) is the word"
        );
        // A description between the descriptor and the name.
        let got = unlinked("وباعت حصتها في شركة الاتصالات القطرية كيوتيلا، ثم ارتفعت أسهم كيوتيلا.");
        assert_eq!(
            got,
            [
                ("كيوتيلا".to_string(), EntityKind::Organisation),
                ("كيوتيلا".to_string(), EntityKind::Organisation)
            ]
        );
        // Not where a word of a name runs on: the refinery's name in its owner's.
        let got = unlinked("وافتتحت مصفاة \"كيلوانو\" قرب مكتب أليكو كيلوانو.");
        assert_eq!(got[0], ("كيلوانو".to_string(), EntityKind::Place));
        assert!(got.iter().skip(1).all(|(s, _)| s != "كيلوانو"), "{got:?}");
    }

    #[test]
    fn a_complement_takes_its_adjectives_and_not_what_follows() {
        let got = found("وارتفع مؤشر سوق أبوظبي للأوراق المالية بنسبة طفيفة.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "سوق أبوظبي للأوراق المالية");
        assert_eq!(got[0].1, EntityKind::Organisation);
        let got = found("وقالت لجنة الانتخابات الباكستانية إن النتائج ستعلن غدا.");
        assert_eq!(got[0].0, "لجنة الانتخابات الباكستانية", "{got:?}");
        // Forces are described, not named: the adjective stays a demonym.
        let got = found("وتقدمت قوات الحكومة اليمنية نحو الساحل.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            (got[0].0.as_str(), got[0].2.as_str()),
            ("اليمنية", "cldr:YE")
        );
    }

    #[test]
    fn a_known_persons_short_form_can_begin_someone_elses_name() {
        let got = found("وسجل ماركوس راشفورد هدفا، والتقى كيم جونغ تشول الوفد.");
        let got: Vec<(&str, &str)> = got.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
        assert_eq!(got, [("ماركوس راشفورد", "-"), ("كيم جونغ تشول", "-")]);
        // Alone, or before an everyday word (here with its tanween), it stays a link.
        let got = found("وقال كيم أيضًا إن المحادثات جيدة.");
        assert_eq!(got[0].2, "kim-jong-un", "{got:?}");
        // Between the words of a name too.
        let got = found("وقال السياسي جهانجير خان تارين إن الحزب قوي.");
        assert_eq!(
            (got[0].0.as_str(), got[0].2.as_str()),
            ("جهانجير خان تارين", "-")
        );
        // Also when the text named the known person in full, so that `خان` alone would be
        // his partial name, and before a name word that few names have (`تارين`).
        let got = found("وقال عمران خان إن جهانجير خان تارين سيعود، وكان خان تارين قد غادر.");
        let got: Vec<(&str, &str)> = got.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
        assert_eq!(
            got,
            [
                ("عمران خان", "imran-khan"),
                ("جهانجير خان تارين", "-"),
                ("خان تارين", "-")
            ]
        );
        // After a joiner, the known person's family name is the family name of another
        // (`آل مكتوم`).
        let got = found("وهنأ محمد بن راشد آل مكتوم الشيخ أحمد بن سعيد آل مكتوم بالجائزة.");
        let got: Vec<(&str, &str)> = got.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
        assert_eq!(
            got,
            [
                ("محمد بن راشد آل مكتوم", "mohammed-bin-rashid"),
                ("أحمد بن سعيد آل مكتوم", "-")
            ]
        );
    }

    #[test]
    fn foreign_names_spelled_out_are_people() {
        // Two words no dictionary or name list has, after a verb that reports nothing.
        assert_eq!(
            people("وزار كوستاندينو فيرميلو المصنع أمس."),
            ["كوستاندينو فيرميلو"]
        );
        // A word seen in a few names and hardly as a word, beside a given name.
        assert_eq!(
            people("وأحرز فينيسيوس جونيور هدفا، وسجل رافا مير هدف التعادل."),
            ["فينيسيوس جونيور", "رافا مير"]
        );
        // A title that is also a given name, before a family name.
        assert_eq!(people("وصدرت رواية لأمين الزاوي."), ["أمين الزاوي"]);
        assert!(people("وقال أمين الصندوق إن الحساب مغلق.").is_empty());
        // A title in apposition after the name.
        assert_eq!(
            people("وأبلغ كاسيميرو لاعب وسط الفريق الصحفيين أنه مستعد."),
            ["كاسيميرو"]
        );
        // Rare Arabic words carry the article; they are no foreign name.
        assert!(people("وقرأ الطلاب منام القيلولة أمس.").is_empty());
        // `يولن` is no verb of `ولن`: a verb's prefix never comes before a conjunction.
        assert_eq!(
            people("وقال المدرب يولن لوبتيجي إن الفريق تعب."),
            ["يولن لوبتيجي"]
        );
        // A town's name after a given name is the family name (Puno, Peru, has 120,000
        // people); a city of millions is not.
        assert_eq!(people("وتصدى الحارس ياسين بونو للكرة."), ["ياسين بونو"]);
        assert!(!super::is_everyday("يولن"));
        assert!(super::is_everyday("يكتب") && super::is_everyday("يولد"));
    }

    #[test]
    fn an_unlinked_name_the_gazetteer_knows_is_linked_whole() {
        let ids = |text: &str| -> Vec<(String, String)> {
            found(text).into_iter().map(|(s, _, id)| (s, id)).collect()
        };
        let pair = |s: &str, id: &str| (s.to_string(), id.to_string());
        // `مبارك`, `الحمد` and `الصباح` are everyday words ("blessed", "praise", "the
        // morning"): the fuzzy pass takes no window of them, the unlinked pass finds the
        // name, and the name resolves to the one person it is, with all its words.
        assert_eq!(
            ids("وسيلقي الشيخ جابر مبارك الحمد الصباح كلمة في الجلسة."),
            [pair(
                "جابر مبارك الحمد الصباح",
                "jaber-al-mubarak-al-hamad-al-sabah"
            )]
        );
        // With the article on the next word the name may go on; it is linked only if the
        // longer name is known: `عبدالله يحيى الحاكم` is not Abdullah Al-Yahya.
        let got = ids("وقال إن رئيس الجهاز عبدالله يحيى الحاكم المكنى أبو علي يقود الحملة.");
        assert!(
            got.iter().all(|(_, id)| id != "abdullah-al-yahya"),
            "help: a name cut short before a word with the article is not linked: {got:?}"
        );
        // A name quoted after its head is known with the head.
        assert_eq!(
            ids("وقال زعيم حركة \"إنصاف\" إن الحزب سيطعن."),
            [pair("إنصاف", "pti")]
        );
        // A look-alike of a known name stays unlinked.
        assert_eq!(
            ids("وقال المهندس جيل بايدن إن المشروع تأخر."),
            [pair("جيل بايدن", "-")]
        );
    }

    #[test]
    fn people_in_lists_and_after_joined_verbs() {
        // `علي` written with its yeh is Ali, not على; `العمر` ("the age") and the nisba
        // `العوضي` are family names after a given name.
        assert_eq!(
            people("وفاز كل من علي الراشد وجمال العمر وكامل العوضي."),
            ["علي الراشد", "جمال العمر", "كامل العوضي"]
        );
        // `و` and the article on a word kept as written coordinate it too: a list of
        // countries is no one's name.
        assert_eq!(unlinked("توجو والسنجال وأوجندا ومنجوليا"), []);
        // `أليكو` is written with a hamza: no article; `وقال` is قال joined to و.
        assert_eq!(
            people("وقال أليكو دانجوتي إن المصفاة ستعمل، فيما أعلن ابراهيم زيدان ترشحه."),
            ["أليكو دانجوتي", "ابراهيم زيدان"]
        );
        // A less common given name, then a family name with the article.
        assert_eq!(
            people("ويتنافس على المنصب مرزوق الغانم بعد انسحاب منافسه."),
            ["مرزوق الغانم"]
        );
    }

    #[test]
    fn a_quoted_name_after_a_descriptor_is_the_name() {
        let got = unlinked("وأعلن نادي \"بوتافوغو\" ضم اللاعب.");
        assert_eq!(got, [("بوتافوغو".to_string(), EntityKind::Organisation)]);
        // A club the gazetteer knows, quoted after its descriptor, stays linked.
        let got = found("وتغلب نادي “الرجاء البيضاوي” على ضيفه.");
        assert_eq!(
            got,
            [(
                "الرجاء البيضاوي".to_string(),
                EntityKind::Organisation,
                "raja-ca".to_string()
            )]
        );
        // A facility's name after its descriptor is a place, as a building's is.
        let got = unlinked("وافتتحت مصفاة \"كيلوانو\" العملاقة قرب منجم ساديولا.");
        assert_eq!(
            got,
            [
                ("كيلوانو".to_string(), EntityKind::Place),
                ("ساديولا".to_string(), EntityKind::Place)
            ]
        );
    }

    #[test]
    fn latin_names_in_arabic_text_are_names() {
        assert_eq!(
            unlinked("وقال Budi Djiwandono إن الحزب سيدعم المرشح، ووافق TURGUT ALTINOK."),
            [
                ("Budi Djiwandono".to_string(), EntityKind::Person),
                ("TURGUT ALTINOK".to_string(), EntityKind::Person)
            ]
        );
        assert_eq!(
            unlinked(
                "وأعلنت Barrick Gold عن أرباحها، وقالت Rahayu “Sara” Djojohadikusumo إنها ستترشح."
            ),
            [
                ("Barrick Gold".to_string(), EntityKind::Organisation),
                (
                    "Rahayu “Sara” Djojohadikusumo".to_string(),
                    EntityKind::Person
                )
            ]
        );
        // One word, an acronym, small letters: no name of this kind.
        assert_eq!(unlinked("وقال Reuters إن NATO و the group اجتمعوا."), []);
    }

    #[test]
    fn a_chamber_named_after_its_city_is_an_organisation() {
        let got = found("وقال رئيس غرفة الرياض إن الصادرات ارتفعت، فيما بقي في غرفة نومه.");
        assert_eq!(
            got.iter()
                .map(|(s, k, _)| (s.as_str(), *k))
                .collect::<Vec<_>>(),
            [("غرفة الرياض", EntityKind::Organisation)]
        );
    }

    #[test]
    fn a_party_with_two_adjectives_is_a_name() {
        let org = |s: &str| (s.to_string(), EntityKind::Organisation);
        assert_eq!(
            unlinked("وتتكون الحكومة من الحزب الاشتراكي الديمقراطي والحزب الديمقراطي الحر."),
            [
                org("الحزب الاشتراكي الديمقراطي"),
                org("الحزب الديمقراطي الحر")
            ]
        );
        // What is said of the party after its name stays outside it.
        assert_eq!(
            unlinked("وفازت في انتخابات رئاسة الحزب الليبرالي الديمقراطي الحاكم اليوم."),
            [org("الحزب الليبرالي الديمقراطي")]
        );
        // One adjective is a description.
        assert_eq!(unlinked("وانتقد الحزب الحاكم القرار."), []);
        // A parliamentary bloc, its adjectives in the feminine.
        assert_eq!(
            unlinked("وأعلنت الكتلة الوطنية الموحدة دعمها للمرشح."),
            [org("الكتلة الوطنية الموحدة")]
        );
    }

    #[test]
    fn places_listed_after_a_plural_head() {
        let place = |s: &str| (s.to_string(), EntityKind::Place);
        let kinds = |text: &str| -> Vec<(String, EntityKind)> {
            found(text).into_iter().map(|(s, k, _)| (s, k)).collect()
        };
        // After `بلديات` every member of the list joined by `و` is a place, everyday words
        // too: `القلعة` ("the castle") unlinked, `الجميل` ("the beautiful") Al Jumayl in
        // Libya once it is read as a place, beside the known `وازن` and `مصراتة`.
        assert_eq!(
            kinds("وحضر عمداء بلديات الجميل والقلعة ووازن ومصراتة الاجتماع أمس."),
            [
                place("الجميل"),
                place("القلعة"),
                place("وازن"),
                place("مصراتة")
            ]
        );
        // Members of more than one word: a noun and the definite word it governs, a known
        // place and a direction; commas as well as `و`.
        assert_eq!(
            unlinked("وشملت الزيارة قرى سيدي السايح، قصر الأخيار والزاوية الجنوب."),
            [
                place("سيدي السايح"),
                place("قصر الأخيار"),
                place("الزاوية الجنوب")
            ]
        );
        // A plural head with adjectives, or one member, is no list of names.
        assert_eq!(unlinked("وزار الوفد مدن الساحل الكبيرة والصغيرة."), []);
        assert_eq!(unlinked("وتضررت قرى الجبل بعد العاصفة."), []);
    }

    #[test]
    fn people_after_titles_and_in_lists() {
        assert_eq!(
            people("وقال النائب فؤاد مخزومي إن المرشحين هم خلف دميثير ومحمد الهدية."),
            ["فؤاد مخزومي", "خلف دميثير", "محمد الهدية"]
        );
        // The spokesman's `باسم` is "in the name of"; the name after it is a person.
        assert_eq!(
            people("وقال المتحدث باسم الحكومة باسم يوسف إن الاتفاق جاهز."),
            ["باسم يوسف"]
        );
    }

    #[test]
    fn patronymics_kunyas_and_names_with_the_divine_name() {
        // After `بن` the word is a name, though `شرقي` is "eastern".
        assert_eq!(
            people("وجاء الهدف بعد تمريرة من كمال بن شرقي إلى زميله."),
            ["كمال بن شرقي"]
        );
        // A kunya before a given or family name starts the name.
        assert_eq!(
            people("وتسلم أبو بكر الساعدي الجائزة من الوزير."),
            ["أبو بكر الساعدي"]
        );
        assert_eq!(people("وتصدى الحارس أبو السعود للكرة."), ["أبو السعود"]);
        // `جاب الله` is one family name, though both words are everyday ones.
        assert_eq!(people("ووقع سمير جاب الله العقد أمس."), ["سمير جاب الله"]);
        // The kunya's `علي` does not make the preposition `على` a mention of him, and
        // `أم` between two given names is "or".
        assert_eq!(people("وقاد أبو علي الهجوم على المدينة."), ["أبو علي"]);
        assert_eq!(unlinked("هل يفوز أحمد أم محمود؟"), []);
        // A place the gazetteer knows stays the place.
        assert_eq!(
            found("وزار الوفد أبو غريب أمس.")[0],
            (
                "أبو غريب".to_string(),
                EntityKind::Place,
                "geonames:100077".to_string()
            )
        );
    }

    #[test]
    fn compound_given_names_nisbas_and_foreign_names_after_a_nationality() {
        // `عبد` opens a compound given name, whatever the word after it means (`النبي`).
        assert_eq!(
            people("وبدت آثار التعب على عبد النبي الورزازي أمس."),
            ["عبد النبي الورزازي"]
        );
        // After a common given name, a word that is a word only by an ending taken off is
        // a family name; one with a pronoun's ending or digits is not.
        assert_eq!(
            people("ومن المتوقع انتخاب بيتر داتون زعيما للحزب."),
            ["بيتر داتون"]
        );
        assert!(people("وعرضت في رمضان 2013 أعمال كثيرة.").is_empty());
        // A nisba no dictionary has as written is a family name after a given name.
        assert_eq!(
            people("ويضم الجهاز الفني المدرب كريم تلمساني ومساعده."),
            ["كريم تلمساني"]
        );
        // A nationality adjective before two words of a foreign name says it is a person's;
        // a word of the name that a proclitic reading makes a word is read as written.
        assert_eq!(
            people("وتلتقي الإسبانية باولا بادوسا في الدور الرابع."),
            ["باولا بادوسا"]
        );
        // Not across a full stop, and not with a verb after `و`.
        assert_eq!(
            unlinked("وانتقل إلى النادي الإنجليزي. وسيجاور زميله هناك."),
            []
        );
        // A word with a proclitic that is a word itself ends the name (`لصفوف`).
        assert_eq!(
            people("وانضم المهاجم فيكتور لوبيز لصفوف الفريق."),
            ["فيكتور لوبيز"]
        );
    }

    #[test]
    fn an_institution_named_after_a_person_by_an_honorific_is_one_name() {
        let text = "وعقد المؤتمر في جامعة الملك سعود بالرياض، بحضور مدير مستشفى الملك خالد \
                    الجامعي، ووصل الوفد إلى مطار الملك عبد العزيز الدولي. واستقبل الملك سلمان الضيوف.";
        let got: Vec<_> = found(text)
            .into_iter()
            .filter(|(_, _, id)| id == "-")
            .map(|(s, k, _)| (s, k))
            .collect();
        assert_eq!(
            got,
            [
                ("جامعة الملك سعود".to_string(), EntityKind::Organisation),
                ("مستشفى الملك خالد الجامعي".to_string(), EntityKind::Place),
                (
                    "مطار الملك عبد العزيز الدولي".to_string(),
                    EntityKind::Place
                ),
            ]
        );
        // The king himself is still the king.
        assert!(
            found(text)
                .iter()
                .any(|(s, _, id)| s == "الملك سلمان" && id != "-")
        );
    }

    #[test]
    fn womens_given_names_and_names_after_and_in_lists() {
        // Women are few in the name lists: `ريهام` and `رشا` count by the women's list;
        // `ورشا` ("and workshops" as a word) is و + `رشا` in a list of people.
        assert_eq!(
            people("ويشارك في العمل سامي يوسف، ورشا مهدي، وريهام أيمن."),
            ["سامي يوسف", "رشا مهدي", "ريهام أيمن"]
        );
        // `وعبدالرحمن` is و + a compound given name, whatever the name lists count.
        assert_eq!(
            people("وحضر الحفل وعبدالرحمن أبو زهرة."),
            ["عبدالرحمن أبو زهرة"]
        );
    }

    #[test]
    fn a_title_and_its_adjectives_and_a_word_of_names_before_a_given_name() {
        // A title, a nationality and an adjective before a name.
        assert_eq!(
            people("وسجل المدافع التونسي الجديد حفيظ حفيظ هدفا."),
            ["حفيظ حفيظ"]
        );
        // Two words of names, the second a common given name, are a person's name.
        assert_eq!(people("ونجح داروين نونيز في التسجيل."), ["داروين نونيز"]);
    }

    #[test]
    fn a_purpose_with_li_belongs_to_an_organisations_name() {
        // `لتحرير تيغراي` states what the front is for: one name, no piece linked to the
        // region.
        assert_eq!(
            unlinked("وقالت جبهة التحرير الشعبية لتحرير تيغراي إنها ستشارك."),
            [(
                "جبهة التحرير الشعبية لتحرير تيغراي".to_string(),
                EntityKind::Organisation
            )]
        );
        assert_eq!(
            found("وقالت جبهة التحرير الشعبية لتحرير تيغراي إنها ستشارك.").len(),
            1
        );
    }

    #[test]
    fn ordinals_phrases_after_titles_and_links_from_a_joiner() {
        // An ordinal is said of the person, and is no family name to look for elsewhere.
        assert_eq!(
            people("وحضر النائب عبد النبي سلمان أحمد الأول النائب الأول لرئيس المجلس."),
            ["عبد النبي سلمان أحمد"]
        );
        // After a title, dictionary words each seen in one name at most are a phrase.
        assert_eq!(unlinked("ورفع رئيس مجلس النواب أسمى آيات الشكر."), []);
        // A word with the article after a word no dictionary has (ل and a verb) is no
        // family name of it.
        assert_eq!(
            unlinked("وخسر منافسه بنتيجة 76 81، ليظفر العُلا بأولى ألقابه في الدوري."),
            []
        );
        // A known person's name from `بن` on is a piece of the name before it.
        let got = found("وحضر النائب أحمد بن سلمان المسلم الاجتماع.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].2, "-");
        assert!(got[0].0.starts_with("أحمد بن سلمان"), "{got:?}");
        // A part of the day before a day is when, not a family name.
        assert_eq!(
            people("وافتتح الدكتور عبدالله العثمان صباح يوم أمس المؤتمر."),
            ["عبدالله العثمان"]
        );
        // `الدين` makes one given name with the word before it.
        assert_eq!(
            people("وقال نور الدين إن الجلسة انتهت، وأضاف محمد صلاح الدين أن الموعد تغير."),
            ["نور الدين", "محمد صلاح الدين"]
        );
    }

    #[test]
    fn a_national_federation_is_named_by_its_adjective_and_purpose() {
        // The club's short form `الاتحاد` and the country's adjective are words of the
        // federation's name; the club alone is still the club.
        let got = found("وأعلن الاتحاد السعودي لكرة السلة جدول الدوري، وفاز الاتحاد على الأهلي.");
        assert_eq!(got[0].0, "الاتحاد السعودي لكرة السلة");
        assert_eq!(
            (got[0].1, got[0].2.as_str()),
            (EntityKind::Organisation, "-")
        );
        assert_eq!(got[1].2, "al-ittihad-jeddah");
        // A known party's full name and a town after it stay two mentions.
        let got = found("وقال الحزب الوطني الديمقراطي طنطا إن الانتخابات انتهت.");
        let ids: Vec<&str> = got.iter().map(|(_, _, id)| id.as_str()).collect();
        assert_eq!(ids, ["ndp-egypt", "geonames:347497"]);
        // Whose the body is, after `ل`, is no purpose: the council is Beirut's.
        assert_eq!(
            unlinked("واجتمع المجلس البلدي لمدينة بيروت أمس، والمكتب الإعلامي للحاكم."),
            []
        );
    }

    #[test]
    fn a_country_in_parentheses_after_a_name_is_the_persons_nationality() {
        // `دعاء` is an everyday word ("prayer") before a given name: the country says the
        // words are a person's.
        assert_eq!(
            people("وضمت القائمة «النهر» لدعاء إبراهيم (مصر)، و«الرائي» لعماد جبيلي (العراق)."),
            ["دعاء إبراهيم", "عماد جبيلي"]
        );
        assert!(people("وضمت القائمة «النهر» لدعاء إبراهيم.").is_empty());
    }

    #[test]
    fn a_thing_by_one_word_inside_a_persons_name_is_a_word_of_it() {
        // A company after a title, a club after a common given name, a demonym that is a
        // given name before a family name: people, no link to the thing.
        assert_eq!(
            people("وقال المدرب آبل فيريرا إن الفريق جاهز."),
            ["آبل فيريرا"]
        );
        assert_eq!(
            people("وحل الدراج جوناثان ميلان ثانيا في المرحلة."),
            ["جوناثان ميلان"]
        );
        assert_eq!(people("وسجل تركي اليوسف هدفا."), ["تركي اليوسف"]);
        // A title that is a common given name, between names, is the second given name;
        // before a word that is no name it stays the title.
        assert_eq!(
            people("وقال رئيس الجماعة محمد أمين حموت إن المشروع جاهز."),
            ["محمد أمين حموت"]
        );
        // Two places joined by `و` stay places.
        let got = found("وارتفعت الأسعار في سانتوس وقرطاجنة.");
        assert!(
            got.iter().all(|(_, k, _)| *k == EntityKind::Place),
            "{got:?}"
        );
    }

    #[test]
    fn in_sports_copy_a_club_is_named_by_one_word_after_its_descriptor() {
        let text = "فاز فريق العلا بلقب الدوري بعد المباراة الأخيرة وتصدر الترتيب بفارق نقطة، \
                    وجاء تتويج العلا بعد خسارة منافسه.";
        assert_eq!(
            unlinked(text),
            [
                ("العلا".to_string(), EntityKind::Organisation),
                ("العلا".to_string(), EntityKind::Organisation)
            ]
        );
        // Not a common word (`فريق العمل`), and not outside sports copy.
        assert_eq!(
            unlinked("وقال فريق العمل إن المباراة والدوري والترتيب تغيرت."),
            []
        );
        assert_eq!(unlinked("وزار فريق العلا المتحف أمس."), []);
    }

    #[test]
    fn a_small_places_name_inside_a_persons_name_does_not_end_it() {
        // `ساكب` is also Sakib, a town in Jordan.
        assert_eq!(
            people("وقال القاضي ميان ساكب نزار إن الجلسة انتهت، وأضاف نزار أنها علنية."),
            ["ميان ساكب نزار", "نزار"]
        );
    }

    #[test]
    fn a_name_with_the_other_final_yeh_is_the_name() {
        // `عيسي` is `عيسى` as Egyptian writing ends it.
        assert_eq!(
            people("تفقد وزير السياحة، أحمد عيسي، المنطقة."),
            ["أحمد عيسي"]
        );
    }

    #[test]
    fn abd_joined_to_the_divine_name_is_one_given_name() {
        assert_eq!(
            people("وفازت رواية لأحمد عبداللطيف بالجائزة."),
            ["أحمد عبداللطيف"]
        );
    }

    #[test]
    fn a_title_after_a_given_name_closed_by_punctuation_is_the_family_name() {
        assert_eq!(
            people("وكشف رئيس اللجنة، محمد القاضي، عن القائمة."),
            ["محمد القاضي"]
        );
        // Where the sentence goes on, the title is the title of someone else.
        assert_eq!(unlinked("واستقبل محمد الأمين العام للمنظمة."), []);
    }

    #[test]
    fn a_family_name_alone_refers_to_the_person_named_in_full() {
        let text = "فاز المهندس كريم دوغانلي بالانتخابات، وقال دوغانلي إن الفوز للجميع.";
        let m = Matcher::builtin();
        let mentions: Vec<_> = m
            .find_iter(text)
            .filter(|m| m.how.kind == MatchKind::Unlinked)
            .collect();
        assert_eq!(mentions.len(), 2, "{mentions:?}");
        assert_eq!(mentions[1].surface, "دوغانلي");
        assert_eq!(mentions[0].local, mentions[1].local);
    }

    #[test]
    fn a_rare_given_name_alone_refers_to_the_person_named_in_full() {
        // A given name in no person's name of the gazetteer, after the person's full
        // name: the same person. A common given name (`محمد`) is anyone's.
        let text = "قالت الكاتبة ديفيندرا سينغاروفا إن الرواية اكتملت، وأضافت ديفيندرا أن \
                    النشر قريب. وقال المهندس محمد دوغانلي إن العمل بدأ، ثم غادر محمد القاعة.";
        let m = Matcher::builtin();
        let mentions: Vec<_> = m
            .find_iter(text)
            .filter(|m| m.how.kind == MatchKind::Unlinked)
            .collect();
        let surfaces: Vec<&str> = mentions.iter().map(|m| m.surface).collect();
        assert_eq!(
            surfaces,
            ["ديفيندرا سينغاروفا", "ديفيندرا", "محمد دوغانلي"],
            "{mentions:?}"
        );
        assert_eq!(mentions[0].local, mentions[1].local);
    }

    #[test]
    fn known_people_and_everyday_phrases_stay_as_they_are() {
        let got = found("والتقى شي وبوتين صباح اليوم خلف الكواليس.");
        let ids: Vec<&str> = got.iter().map(|x| x.2.as_str()).collect();
        assert_eq!(ids, ["xi-jinping", "vladimir-putin"]);
        // After a particle a verb follows, the word is the verb (`بات`, "became", is also
        // Pat).
        assert_eq!(unlinked("كما بات ثاني أغلى لاعب، وقد بات سعيد الآن."), []);
        assert_eq!(
            people("وقال إن سعيد كرماندوني سيحضر."),
            ["سعيد كرماندوني"],
            "help: the particle `إن` is no verb's"
        );
    }

    #[test]
    fn a_word_only_by_an_ending_after_a_places_head_is_its_name() {
        let got = unlinked("وفاز المرشح في دائرة أميتي الانتخابية بفارق كبير.");
        assert_eq!(got, [("أميتي".to_string(), EntityKind::Place)]);
        // A word with a pronoun's ending is a word, not a name.
        assert!(unlinked("وعاد إلى منطقة حكمهم القديمة.").is_empty());
    }

    #[test]
    fn an_acronym_spelled_out_is_an_organisation() {
        let got = unlinked("ووقعت الحكومة عقدا مع شركة \"سي إم إيه سي جي إم\" أمس.");
        assert_eq!(
            got,
            [("سي إم إيه سي جي إم".to_string(), EntityKind::Organisation)]
        );
        // With the company word after the letters.
        let got = unlinked("ويركز الاتفاق مع دي بي ورلد على تطوير الرصيف.");
        assert_eq!(got, [("دي بي ورلد".to_string(), EntityKind::Organisation)]);
        // Letters that are also words make no acronym alone, nor a particle before one.
        assert!(
            unlinked("وقال روبرت دي نيرو إن الفيلم طويل.")
                .iter()
                .all(|(name, _)| !name.contains("إن"))
        );
        let got = unlinked("وقالت إن إتش إس جي تبيع الطائرات.");
        assert_eq!(got, [("إتش إس جي".to_string(), EntityKind::Organisation)]);
    }

    #[test]
    fn an_agency_named_by_its_work_and_its_countrys_adjective_is_one_name() {
        let got = found("وخفضت وكالة الأرصاد الجوية الصينية تصنيف الإعصار.");
        assert_eq!(got, unknown_organisation("وكالة الأرصاد الجوية الصينية"));
        // A company so described is a description; a name after the description is the
        // name (`أوريدو`), the country's adjective a mention of the country.
        let got = unlinked("وقالت شركة النفط الحكومية النيجيرية إن الإنتاج ارتفع.");
        assert!(got.is_empty(), "{got:?}");
        let got = unlinked("وأعلنت شركة الاتصالات القطرية أوريدو أرباحها.");
        assert_eq!(got, [("أوريدو".to_string(), EntityKind::Organisation)]);
    }

    #[test]
    fn a_place_linked_by_one_word_before_a_foreign_word_opens_a_longer_name() {
        let got = unlinked("وتجول الممثل ويل سميث وصوفيا فيرغارا في السوق.");
        assert_eq!(
            got,
            [
                ("ويل سميث".to_string(), EntityKind::Person),
                ("صوفيا فيرغارا".to_string(), EntityKind::Person)
            ]
        );
        let got = unlinked("وسيخوض الفريق منافسات كوبا ليبرتادوريس الشهر المقبل.");
        assert_eq!(
            got,
            [("كوبا ليبرتادوريس".to_string(), EntityKind::Organisation)]
        );
        // After a preposition of place, the place; before an Arabic verb the word lists
        // lack, the place too.
        let got = found("ووصل الوفد إلى صوفيا فيرغارا.");
        assert_eq!(got[0].2, "geonames:727011", "{got:?}");
        let got = found("وقال إن بكين ارتقت إلى المرتبة الثانية.");
        assert_eq!(got[0].2, "geonames:1816670", "{got:?}");
    }

    #[test]
    fn a_company_named_after_its_city_and_what_it_is_is_one_name() {
        let got = found("وهي تابعة لشركة دبي العالمية الاستثمارية منذ سنوات.");
        assert_eq!(got, unknown_organisation("دبي العالمية الاستثمارية"));
        // The country's adjective after the city is the country's.
        let got = found("وافتتحت شركة دبي الإماراتية فرعا.");
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].2, "geonames:292223");
    }

    #[test]
    fn party_names_state_their_purpose_and_may_be_quoted_whole() {
        let got = unlinked("وبا بوكار مرشح حزب التحالف من أجل العدالة المعارض.");
        assert!(
            got.contains(&(
                "حزب التحالف من أجل العدالة".to_string(),
                EntityKind::Organisation
            )),
            "{got:?}"
        );
        let got = unlinked("ونعني بذلك حزب المؤتمر من اجل العمل والحريات وأمينه.");
        assert_eq!(
            got,
            [(
                "حزب المؤتمر من اجل العمل والحريات".to_string(),
                EntityKind::Organisation
            )]
        );
        let got = unlinked("وحلت مرشحة “مجموعة الشركاء السياسيين من أجل السلام” أخيرة.");
        assert_eq!(
            got,
            [(
                "مجموعة الشركاء السياسيين من أجل السلام".to_string(),
                EntityKind::Organisation
            )]
        );
        // `من أجل` before no definite noun is no part of the name; a head and one everyday
        // word in quotes are a phrase.
        let got = found("وقال حزب الظفر من أجل ذلك إنه سيصوت.");
        assert_eq!(got[0].0, "حزب الظفر", "{got:?}");
        assert!(unlinked("إذ يرى البعض أن هناك “جبهة رفض” داخل المنظمة.").is_empty());
    }

    #[test]
    fn basim_before_a_definite_word_a_head_or_a_quote_is_in_the_name_of() {
        assert!(people("وفاز المرشح باسم “التجمع الوطني” بالمقعد.").is_empty());
        assert!(people("وتحدث الناطق الرسمي باسم الوزارة أمس.").is_empty());
        assert_eq!(people("وقال باسم يوسف إن البرنامج انتهى."), ["باسم يوسف"]);
    }

    #[test]
    fn a_fuzzy_link_right_after_a_given_name_is_the_rest_of_the_name() {
        let got = found("وحل في المركز الخامس رونالد ديلا روسا الذي قاد الحملة.");
        assert_eq!(
            got,
            [(
                "رونالد ديلا روسا".to_string(),
                EntityKind::Person,
                "-".to_string()
            )]
        );
    }

    #[test]
    fn a_noun_between_a_head_and_the_place_it_governs_is_a_word_of_the_name() {
        let got = unlinked("وأجلت محكمة جنايات دمنهور أمس النظر في الطعن.");
        assert_eq!(
            got,
            [("محكمة جنايات دمنهور".to_string(), EntityKind::Organisation)]
        );
        // A noun with a pronoun's ending is no kind of court or chamber.
        assert!(unlinked("وقال العضو مجلس إدارتها المنتدب إن الأرباح زادت.").is_empty());
        assert!(unlinked("وعقد مجلس إدارة الشركة اجتماعا.").is_empty());
    }

    #[test]
    fn a_definite_descriptor_with_an_adjective_of_state_bodies_heads_an_official_name() {
        let got = found("وأعلنت الشركة العامة لموانئ العراق عقد اجتماع.");
        assert_eq!(got, unknown_organisation("الشركة العامة لموانئ العراق"));
    }

    #[test]
    fn a_party_of_a_country_and_a_paper_by_an_english_word_are_one_name() {
        let got = found("وانشق عن الحزب الديمقراطي لكوت ديفوار قبل عام.");
        assert_eq!(got, unknown_organisation("الحزب الديمقراطي لكوت ديفوار"));
        let got = found("وذكرت صحيفة إيطاليا سبورت أن اللاعب وافق.");
        assert_eq!(got, unknown_organisation("إيطاليا سبورت"));
        // `ل` before a person says whose it is.
        let got = found("وقال الحزب الديمقراطي للرئيس إنه سيصوت.");
        assert_eq!(got[0].0, "الحزب الديمقراطي", "{got:?}");
    }

    #[test]
    fn a_title_and_a_nationality_lead_a_name_and_a_time_adjective_ends_one() {
        let got = found("وقال المدرب البرتغالي آبل فيريرا إن الفريق جاهز.");
        assert!(
            got.contains(&(
                "آبل فيريرا".to_string(),
                EntityKind::Person,
                "-".to_string()
            )),
            "{got:?}"
        );
        assert!(unlinked("وصادق المجلس يوم الجمعة 2 ماي الجاري على النقاط.").is_empty());
    }

    #[test]
    fn after_a_title_a_word_only_by_an_ending_starts_a_name() {
        let got = unlinked("وعينت المحكمة الوزير الأسبق والمحاسب سومانا مكادجي لإدارة المجمع.");
        assert_eq!(got, [("سومانا مكادجي".to_string(), EntityKind::Person)]);
        // A pronoun's ending on a word is the word's (`مساعديهما`, their two aides).
        assert!(people("وقال الرئيسان إن بار مساعديهما حضر.").is_empty());
    }

    #[test]
    fn the_switch_turns_the_pass_off() {
        let m = MatcherBuilder::new().unlinked(false).build().unwrap();
        assert!(m.find_iter("وقال النائب فؤاد مخزومي").next().is_none());
    }

    #[test]
    fn a_name_with_a_company_word_is_an_organisation() {
        // A place, a word of no dictionary or two company words, with the transliterated
        // English word that makes a company's name: one organisation, no piece linked.
        assert_eq!(
            unlinked("وأعلنت باريك غولد أرباحها، ووقعت نيجيريا ناشونال بتروليم عقدا."),
            [
                ("باريك غولد".to_string(), EntityKind::Organisation),
                (
                    "نيجيريا ناشونال بتروليم".to_string(),
                    EntityKind::Organisation
                )
            ]
        );
        let got = found("وباعت جنرال إلكتريك وحدة الطاقة إلى تورانو هولدينغ.");
        let got: Vec<(&str, EntityKind, &str)> = got
            .iter()
            .map(|x| (x.0.as_str(), x.1, x.2.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("جنرال إلكتريك", EntityKind::Organisation, "-"),
                ("تورانو هولدينغ", EntityKind::Organisation, "-")
            ]
        );
        assert_eq!(
            unlinked("وارتفع سهم هيرمس القابضة، وقالت الشركة القابضة إن الأرباح زادت."),
            [("هيرمس القابضة".to_string(), EntityKind::Organisation)]
        );
        // The company word alone, beside a demonym, or in the name the gazetteer knows,
        // stays as it is.
        assert!(unlinked("وقالت إن غولد وحدها لا تكفي.").is_empty());
        assert!(unlinked("وقال جنرال أمريكي إن القوات انسحبت.").is_empty());
        let got = found("وفاز مانشستر يونايتد أمس.");
        assert_eq!(got[0].2, "manchester-united", "{got:?}");
    }

    #[test]
    fn a_country_adjective_after_a_descriptor_without_the_article_is_a_name() {
        let got = found("ونقلت المباراة قناة المغربية الثالثة الرياضية مساء أمس.");
        assert_eq!(got, unknown_organisation("المغربية الثالثة الرياضية"));
        // With the article the descriptor takes the adjective as its own: the country's.
        let got = found("وقالت القناة المغربية إن المباراة تأجلت.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].2, "cldr:MA", "{got:?}");
        // A plural is of people, in whose ranks someone is.
        let got = found("وقاتل في صفوف السوريين آخرون.");
        assert_eq!(got[0].2, "cldr:SY", "{got:?}");
    }

    #[test]
    fn a_name_in_quotes_after_a_word_that_gives_it_is_the_name_whole() {
        assert_eq!(
            unlinked("وأطلقت الأحزاب على اللائحة الأولى اسم \"بيروت تجمعنا\" قبل الانتخابات."),
            [("بيروت تجمعنا".to_string(), EntityKind::Organisation)]
        );
        // An operation is no organisation: the place in its name stays linked.
        let got = found("وأطلق الجيش على العملية اسم \"درع الفرات\" أمس.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].2, "euphrates", "{got:?}");
        // A name the gazetteer knows whole stays linked.
        let got = found("وأسسوا حزبا باسم \"حزب الله\" في المدينة.");
        assert_eq!(got[0].2, "hezbollah", "{got:?}");
    }

    #[test]
    fn one_word_after_a_persons_title_alone_is_a_person_or_a_country() {
        // `مطروحا` ("under discussion") is one vowel from Matrouh, a province.
        assert_eq!(found("وكان عزل رئيسة الوزراء مطروحا منذ أشهر."), []);
        let got = found("والتقى الرئيس ماكرن نظيره.");
        assert_eq!(got[0].2, "emmanuel-macron", "{got:?}");
    }

    #[test]
    fn in_sports_copy_a_city_after_a_noun_of_a_team_is_its_club() {
        let text = "وتمكن المهاجم الجديد من هز شباك الرياض في الدقيقة العاشرة، وفي الشوط \
                    الثاني كاد الرياض أن يقلص الفارق قبل نهاية المباراة في الرياض.";
        let got = found(text);
        let clubs: Vec<&(String, EntityKind, String)> =
            got.iter().filter(|g| g.0 == "الرياض").collect();
        assert_eq!(clubs.len(), 3, "{got:?}");
        assert_eq!(clubs[0].1, EntityKind::Organisation, "{got:?}");
        assert_eq!(clubs[1].1, EntityKind::Organisation, "{got:?}");
        // Where the match is played is the city.
        assert_eq!(clubs[2].2, "geonames:108410", "{got:?}");
        // A country's team is its national one; outside sports copy the city is the city.
        let got = found("وقال مدرب الكويت إن الفريق جاهز للمباراة وهدفه الفوز في الدوري.");
        assert_eq!(got[0].2, "cldr:KW", "{got:?}");
        let got = found("وقال لاعب الرياض السابق إنه سيعود إلى المدينة.");
        assert_eq!(got[0].2, "geonames:108410", "{got:?}");
    }

    #[test]
    fn clubs_by_their_word_and_town_and_by_the_gazetteers_name() {
        let text = "وتفوق الوداد على ضيفه مولودية وجدة بهدفين في المباراة، وسجل لاعب \
                    مولودية وجدة هدفه الوحيد في الدوري.";
        let got = found(text);
        let towns: Vec<_> = got.iter().filter(|g| g.0 == "مولودية وجدة").collect();
        assert_eq!(towns.len(), 2, "{got:?}");
        // After the club's descriptor too.
        let got = found("وكان فريق مولودية وجدة قد أنهى الشوط الأول متقدما بهدف في المباراة.");
        assert_eq!(got[0].0, "مولودية وجدة", "{got:?}");
        assert!(
            towns
                .iter()
                .all(|g| g.1 == EntityKind::Organisation && g.2 == "-")
        );
        // The gazetteer knows `نادي السد`: the club named by its word is that club.
        let got = found(
            "وتوج فريق السد بطلا للدوري بعد فوزه في المباراة الأخيرة، وحقق المدرب اللقب مع السد.",
        );
        let sadd: Vec<_> = got.iter().filter(|g| g.0 == "السد").collect();
        assert_eq!(sadd.len(), 2, "{got:?}");
        assert!(sadd.iter().all(|g| g.2 == "al-sadd"), "{got:?}");
    }

    #[test]
    fn a_school_is_named_after_a_person_with_no_honorific() {
        let got = unlinked("واحتلت ثانوية عبد الحميد ابن باديس المرتبة الأولى في الولاية.");
        assert_eq!(
            got,
            [(
                "ثانوية عبد الحميد ابن باديس".to_string(),
                EntityKind::Organisation
            )]
        );
        // A school described, not named, is no mention.
        assert_eq!(found("ودرس في مدرسة خاصة قبل أن يسافر."), []);
    }

    #[test]
    fn a_country_after_a_foreign_given_name_is_the_family_name() {
        assert_eq!(
            people("وسجل المهاجم سيباستيان سوريا الهدف الثاني."),
            ["سيباستيان سوريا"]
        );
        // An Arabic given name, or a person the gazetteer knows, before a country.
        let got = found("وزار محمد سوريا أمس، ثم زار إيمانويل ماكرون سوريا.");
        assert_eq!(
            got.iter().filter(|g| g.2 == "cldr:SY").count(),
            2,
            "{got:?}"
        );
    }

    #[test]
    fn in_sports_copy_the_names_of_a_result_are_teams() {
        let text = "وفي مباراة أخرى من الدوري سجل المهاجم الهدف، وفاز لخويا على الخريطيات \
                    وتعادل الوكرة مع الريان في الملعب.";
        let got = found(text);
        let team = |name: &str| got.iter().find(|g| g.0 == name).cloned();
        for name in ["لخويا", "الخريطيات", "الوكرة"] {
            assert_eq!(
                team(name).map(|g| (g.1, g.2)),
                Some((EntityKind::Organisation, "-".to_string())),
                "{got:?}"
            );
        }
        // The gazetteer knows `نادي الريان`.
        assert_eq!(
            team("الريان").map(|g| g.2),
            Some("al-rayyan-sc".to_string())
        );
        // A team of one rare word is the team where the text names it again.
        let got = found(
            "وفي مباراة من الدوري سجل المهاجم الهدف بعد فوزه على الخريطيات، وتقدم الخريطيات أولا.",
        );
        let kharaitiyat: Vec<_> = got.iter().filter(|g| g.0 == "الخريطيات").collect();
        assert_eq!(kharaitiyat.len(), 2, "{got:?}");
        // One word each side of the preposition is a team however common a word.
        let got =
            found("وفي نتائج الجولة من الدوري، وفاز السلام على الفتح 92 84 في المباراة وسجل الهدف.");
        let teams: Vec<_> = got
            .iter()
            .filter(|g| g.1 == EntityKind::Organisation)
            .collect();
        assert_eq!(teams.len(), 2, "{got:?}");
        // Outside sports copy a town after `فاز` is the town.
        let got = found("وفاز المرشح في الوكرة على منافسه.");
        assert_eq!(got[0].2, "geonames:289915", "{got:?}");
    }
}
