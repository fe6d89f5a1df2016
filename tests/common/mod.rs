//! Near-identical spellings of names for the clustering tests (`cluster.rs`) and timings
//! (`cluster_eval.rs`): the ways one name is written that a clusterer must bring together.
//!
//! Every draw comes from a caller's seed, so a failing case can be replayed.

#![allow(dead_code)] // each test file uses part of this module

/// A small deterministic generator (xorshift64*).
pub struct Rng(pub u64);

impl Rng {
    /// A generator from any seed (zero is a fixed point of xorshift, so it is moved off it).
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9e37_79b9_7f4a_7c15)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// Fisher-Yates.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// Arabic and Latin names, known and made up, to write in many ways.
pub const BASES: &[&str] = &[
    "أون سان سو تشي",
    "ألفا كوندي",
    "مسعود بزشكيان",
    "إيمانويل ماكرون",
    "سولانكارو ميديفا",
    "أوخنا خوريلسوخ",
    "مدينة الزهراء",
    "Aung San Suu Kyi",
    "Masoud Pezeshkian",
    "Emmanuel Macron",
];

const HARAKAT: [char; 4] = ['\u{064E}', '\u{064F}', '\u{0650}', '\u{0652}']; // FATHA DAMMA KASRA SUKUN
const ALEF: char = '\u{0627}';
const ALEF_HAMZA_ABOVE: char = '\u{0623}';
const ALEF_HAMZA_BELOW: char = '\u{0625}';
const ALEF_MADDA: char = '\u{0622}';
const YEH: char = '\u{064A}';
const ALEF_MAKSURA: char = '\u{0649}';
const TEH_MARBUTA: char = '\u{0629}';
const HEH: char = '\u{0647}';
const WAW: char = '\u{0648}';

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
}

/// One near-identical spelling of `name`: one to three of harakat added, a hamza seat
/// changed, ى/ي or ة/ه exchanged at a word's end, a letter doubled, a long vowel dropped,
/// any letter dropped, two words joined or a space added (Latin names: the same, with a
/// letter's case for harakat and a hyphen for a hamza).
pub fn variant(name: &str, rng: &mut Rng) -> String {
    let mut out: Vec<char> = name.chars().collect();
    for _ in 0..1 + rng.below(3) {
        edit(&mut out, rng);
    }
    let s: String = out.into_iter().collect();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().any(|c| c.is_alphabetic()) {
        s
    } else {
        name.to_string()
    }
}

fn positions(s: &[char], f: impl Fn(usize, char) -> bool) -> Vec<usize> {
    s.iter()
        .enumerate()
        .filter(|&(i, &c)| f(i, c))
        .map(|(i, _)| i)
        .collect()
}

fn word_end(s: &[char], i: usize) -> bool {
    i + 1 == s.len() || s[i + 1] == ' '
}

fn edit(s: &mut Vec<char>, rng: &mut Rng) {
    let pick = |at: Vec<usize>, rng: &mut Rng| -> Option<usize> {
        (!at.is_empty()).then(|| at[rng.below(at.len())])
    };
    let latin = s.iter().any(|&c| is_latin(c));
    match rng.below(9) {
        // Harakat (Latin: a letter's case).
        0 => {
            if latin {
                if let Some(i) = pick(positions(s, |_, c| is_latin(c)), rng) {
                    s[i] = if s[i].is_ascii_uppercase() {
                        s[i].to_ascii_lowercase()
                    } else {
                        s[i].to_ascii_uppercase()
                    };
                }
            } else if let Some(i) = pick(positions(s, |_, c| c != ' '), rng) {
                s.insert(i + 1, HARAKAT[rng.below(HARAKAT.len())]);
            }
        }
        // A hamza seat (Latin: a hyphen for a space).
        1 => {
            let seats = [ALEF, ALEF_HAMZA_ABOVE, ALEF_HAMZA_BELOW, ALEF_MADDA];
            if let Some(i) = pick(positions(s, |_, c| seats.contains(&c)), rng) {
                s[i] = seats[rng.below(seats.len())];
            } else if let Some(i) = pick(positions(s, |_, c| c == ' '), rng) {
                s[i] = '-';
            }
        }
        // ى/ي at a word's end.
        2 => {
            let at = positions(s, |i, c| (c == YEH || c == ALEF_MAKSURA) && word_end(s, i));
            if let Some(i) = pick(at, rng) {
                s[i] = if s[i] == YEH { ALEF_MAKSURA } else { YEH };
            }
        }
        // ة/ه at a word's end.
        3 => {
            let at = positions(s, |i, c| (c == TEH_MARBUTA || c == HEH) && word_end(s, i));
            if let Some(i) = pick(at, rng) {
                s[i] = if s[i] == HEH { TEH_MARBUTA } else { HEH };
            }
        }
        // A doubled letter.
        4 => {
            if let Some(i) = pick(positions(s, |_, c| c.is_alphabetic()), rng) {
                s.insert(i, s[i]);
            }
        }
        // A long vowel dropped (never a word's first letter).
        5 => {
            let vowels = [ALEF, WAW, YEH, 'a', 'e', 'i', 'o', 'u'];
            let at = positions(s, |i, c| vowels.contains(&c) && i > 0 && s[i - 1] != ' ');
            if let Some(i) = pick(at, rng) {
                s.remove(i);
            }
        }
        // Any letter dropped, as in a typo (`أون ان سو تشي`).
        8 => {
            if let Some(i) = pick(positions(s, |_, c| c.is_alphabetic()), rng) {
                s.remove(i);
            }
        }
        // Two words joined.
        6 => {
            if let Some(i) = pick(positions(s, |_, c| c == ' '), rng) {
                s.remove(i);
            }
        }
        // A space inside a long word.
        _ => {
            let at = positions(s, |i, c| {
                c.is_alphabetic()
                    && i >= 3
                    && s[i - 3..i].iter().all(|c| c.is_alphabetic())
                    && s.get(i + 2).is_some_and(|c| c.is_alphabetic())
                    && s.get(i + 1).is_some_and(|c| c.is_alphabetic())
            });
            if let Some(i) = pick(at, rng) {
                s.insert(i, ' ');
            }
        }
    }
}

/// `n` names: near-identical spellings of `bases`, each base drawn in turn, its exact form
/// among them now and then.
pub fn near_identical(bases: &[&str], n: usize, rng: &mut Rng) -> Vec<String> {
    (0..n)
        .map(|i| {
            let base = bases[i % bases.len()];
            if rng.below(6) == 0 {
                base.to_string()
            } else {
                variant(base, rng)
            }
        })
        .collect()
}

/// A made-up name of two or three words of two or three open syllables each, from a
/// seed: names no gazetteer knows, for timings of unknown names.
pub fn made_up(rng: &mut Rng) -> String {
    const CONSONANTS: &[char] = &[
        'ب', 'ت', 'د', 'ر', 'ز', 'س', 'ش', 'ف', 'ك', 'ل', 'م', 'ن', 'ه', 'غ', 'ق', 'ج',
    ];
    const VOWELS: &[&str] = &["ا", "و", "ي", ""];
    let words = 2 + rng.below(2);
    (0..words)
        .map(|_| {
            let syllables = 2 + rng.below(2);
            let mut w = String::new();
            for s in 0..syllables {
                w.push(CONSONANTS[rng.below(CONSONANTS.len())]);
                // A word's last syllable always has its vowel: the name stays pronounceable.
                let v = if s + 1 == syllables {
                    rng.below(3)
                } else {
                    rng.below(VOWELS.len())
                };
                w.push_str(VOWELS[v]);
            }
            w
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `n` distinct spellings (up to 98,304) that share one consonant skeleton: two words of
/// four consonants each (`مسدب كرشن`), each consonant written with any letter of its
/// skeleton class (س ص ث, د ض, ج غ ق ك), with one of nothing, ا, و or ي after each of the
/// first three consonants of a word, in an order drawn from `seed`. Spellings a vowel or
/// a letter apart are the same name; most pairs are more than that apart.
pub fn one_skeleton(n: usize, seed: u64) -> Vec<String> {
    const WORDS: [[&str; 4]; 2] = [["م", "سصث", "دض", "ب"], ["كجغق", "ر", "ش", "ن"]];
    const VOWELS: [&str; 4] = ["", "ا", "و", "ي"];
    let choices: u32 = WORDS
        .iter()
        .flatten()
        .map(|l| l.chars().count() as u32)
        .product::<u32>()
        * 4u32.pow(6);
    let mut all: Vec<String> = (0..choices)
        .map(|mut code| {
            let mut take = |k: usize| {
                let c = code as usize % k;
                code /= k as u32;
                c
            };
            WORDS
                .iter()
                .map(|w| {
                    let mut out = String::new();
                    for (i, letters) in w.iter().enumerate() {
                        let n = letters.chars().count();
                        out.extend(letters.chars().nth(take(n)));
                        if i < 3 {
                            out.push_str(VOWELS[take(4)]);
                        }
                    }
                    out
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    Rng::new(seed).shuffle(&mut all);
    all.truncate(n);
    all
}
