//! Cue words: the titles and nouns that announce a name right after them.

use crate::clitic;

use super::words::Words;

/// Words (folded) that announce a name right after them, up to two words back: titles of
/// people (`الرئيس`, `وزير`), nouns for places (`مدينة`) and organisations (`وكالة`). A
/// one-word fuzzy mention needs one, or the entity named elsewhere in the text.
const CUES: &[&str] = &[
    // people
    "الرييس",
    "رييس",
    "الوزير",
    "وزير",
    "وزيره",
    "السيد",
    "السيده",
    "الملك",
    "الامير",
    "امير",
    "الشيخ",
    "المستشار",
    "المستشاره",
    "النايب",
    "السفير",
    "الجنرال",
    "الفريق",
    "اللواء",
    "العقيد",
    "الزعيم",
    "المتحدث",
    "الناطق",
    "الدكتور",
    "المحلل",
    "الباحث",
    "مدير",
    "المدير",
    "الامين",
    "نظيره",
    "نظيرته",
    "الرييسه",
    "رييسه",
    "المرشد",
    "الجنرال",
    "القايد",
    "قايد",
    "المبعوث",
    "المندوب",
    "الكاتب",
    "الصحفي",
    "الصحفيه",
    "المراسل",
    "المراسله",
    "البابا",
    // places
    "مدينه",
    "بلده",
    "قريه",
    "العاصمه",
    "عاصمه",
    "محافظه",
    "ولايه",
    "اقليم",
    "منطقه",
    "جزيره",
    "ميناء",
    "مطار",
    // organisations
    "وكاله",
    "شركه",
    "صحيفه",
    "جريده",
    "مجموعه",
    "منظمه",
    "حزب",
    "حركه",
    "قناه",
    "موقع",
    "معهد",
    "مركز",
    "جامعه",
    "مؤسسه",
    "مجله",
];

/// Is there a cue ([`CUES`]) among the two words before word `w`?
pub(super) fn cued(words: &Words, w: usize) -> bool {
    (w.saturating_sub(2)..w).any(|p| {
        let key = words.key(p);
        clitic::candidates(key).any(|c| {
            let stem = &key[key.char_indices().nth(c.chars).map_or(0, |(b, _)| b)..];
            CUES.contains(&stem)
        })
    })
}
