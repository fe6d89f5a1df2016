//! What mention finding yields: [`Mention`]s with their [`Span`], kind, entity (or none) and
//! [`How`] they were found.

use serde::Serialize;
use serde::ser::SerializeStruct;

use crate::gazetteer::{Entity, EntityKind};
use crate::score::Explanation;

/// A byte range of the caller's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The span as a range, to slice the text with.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// The tier of a match.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MatchKind {
    /// The words (possibly after normalisation) are a full name of the entity.
    Exact,
    /// The words are a short form of the entity (a surname, an acronym) that names no other
    /// entity.
    ShortForm,
    /// The words are a demonym of the entity (`الصيني`, `الكوري الشمالي` for a country).
    Demonym,
    /// The words are a spelling variant of one of the entity's names: vowels, confusable
    /// consonants, word order and spacing forgiven at a price (see
    /// [`Matcher::resolve`](crate::Matcher::resolve)).
    Fuzzy,
    /// The word is part of a person's name mentioned in full elsewhere in the same text
    /// (`جابيف` after `ألكسندر جابيف`); [`How::antecedent`] points at that mention.
    Partial,
    /// A name the gazetteer does not know, found by its context (a title or head word, a
    /// reporting verb, name-like words, another mention of the same name): the mention has
    /// a kind and no entity.
    Unlinked,
    /// A name in the Latin script in parentheses right after a mention, which the text
    /// gives as that mention's name (`أوريدو (Ooredoo)`): it names what the mention names,
    /// linked or not, and [`How::antecedent`] points at that mention.
    Gloss,
}

impl MatchKind {
    /// The snake-case name used in JSON: `exact`, `short_form`, `demonym`, `fuzzy`,
    /// `partial`, `unlinked`, `gloss`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tawfiq::MatchKind::ShortForm.as_str(), "short_form");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::ShortForm => "short_form",
            MatchKind::Demonym => "demonym",
            MatchKind::Fuzzy => "fuzzy",
            MatchKind::Partial => "partial",
            MatchKind::Unlinked => "unlinked",
            MatchKind::Gloss => "gloss",
        }
    }
}

/// A normalisation that was needed to match.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Folding {
    /// Invisible characters, presentation forms, tatweel, odd spaces or digits.
    Clean,
    /// Harakat, tanween, shadda, sukun or Latin accents.
    Diacritics,
    /// Letter variants: hamza and alef forms, ى/ي, ة/ه, Persian letters, Latin case.
    Letters,
    /// Words split or joined differently than in the gazetteer (`شي جينبينغ`).
    Spacing,
}

/// How a mention was matched: the tier, the proclitic that was stripped, and every
/// normalisation the match needed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct How<'m> {
    /// The tier.
    #[serde(rename = "match")]
    pub kind: MatchKind,
    /// The proclitic letters stripped from the first word (`"و"`, `"لل"`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clitic: Option<&'static str>,
    /// The article `ال` was restored to look the stem up (after `لل`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub article_restored: bool,
    /// Normalisations the match needed, in pipeline order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub folded: Vec<Folding>,
    /// The ids of the other entities the same words name (the chosen one has the best
    /// prior, or the context chose it): `القاهرة` is Cairo, and a town in Ohio.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<&'m str>,
    /// For a partial name or a gloss: the byte offset of the mention it refers to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub antecedent: Option<usize>,
    /// For a fuzzy match: the entity's name it came closest to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched_name: Option<&'m str>,
    /// For a fuzzy match: what the comparison forgave.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forgave: Option<Explanation>,
}

impl std::fmt::Display for How<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self.kind {
            MatchKind::Exact => "exact",
            MatchKind::ShortForm => "short form",
            MatchKind::Demonym => "demonym",
            MatchKind::Partial => "partial",
            MatchKind::Fuzzy => "fuzzy",
            MatchKind::Unlinked => "unlinked",
            MatchKind::Gloss => "gloss",
        };
        f.write_str(kind)?;
        if let Some(c) = self.clitic {
            write!(f, ", clitic {c}")?;
        }
        if self.article_restored {
            f.write_str(", article restored")?;
        }
        for fold in &self.folded {
            write!(f, ", {fold:?}")?;
        }
        if !self.alternatives.is_empty() {
            write!(f, ", {} other entities", self.alternatives.len())?;
        }
        if let Some(a) = self.antecedent {
            write!(f, ", see byte {a}")?;
        }
        if let (Some(name), Some(ex)) = (self.matched_name, &self.forgave) {
            write!(f, ", ~{name} ({ex})")?;
        }
        Ok(())
    }
}

/// A mention of a person, place or organisation in a text: its span, its kind and, when the
/// evidence is there, the entity it is linked to.
#[derive(Clone, Debug)]
pub struct Mention<'m, 't> {
    /// Byte offset of the first byte, in the caller's text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// `&text[start..end]`.
    pub surface: &'t str,
    /// What is mentioned: a person, a place or an organisation (the entity's kind when it
    /// is linked).
    pub kind: EntityKind,
    /// The entity mentioned; `None` for a name the gazetteer does not know (an *unlinked*
    /// mention, [`MatchKind::Unlinked`]).
    pub entity: Option<&'m Entity>,
    /// For an unlinked mention, the number of the unknown entity within the text: the
    /// mentions of one unknown person (`مايك جونسون`, then `جونسون`) share it.
    pub local: Option<u32>,
    /// Confidence in `0.0..=1.0`: 1.0 for an unambiguous exact name, lower for short forms,
    /// spelling folds and names several entities share.
    pub score: f32,
    /// How the mention was matched.
    pub how: How<'m>,
}

impl<'m> Mention<'m, '_> {
    /// The id of the linked entity, if any.
    pub fn entity_id(&self) -> Option<&'m str> {
        self.entity.map(|e| e.id.as_ref())
    }

    /// The mention's span.
    pub fn span(&self) -> Span {
        Span {
            start: self.start,
            end: self.end,
        }
    }
}

impl Serialize for Mention<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("Mention", 8)?;
        m.serialize_field("start", &self.start)?;
        m.serialize_field("end", &self.end)?;
        m.serialize_field("surface", self.surface)?;
        m.serialize_field("kind", &self.kind)?;
        m.serialize_field("entity", &self.entity.map(EntitySummary))?;
        if let Some(local) = self.local {
            m.serialize_field("local", &local)?;
        } else {
            m.skip_field("local")?;
        }
        m.serialize_field("score", &self.score)?;
        m.serialize_field("how", &self.how)?;
        m.end()
    }
}

/// An entity as mentions serialise it: identity and canonical names, not every alias.
struct EntitySummary<'a>(&'a Entity);

impl Serialize for EntitySummary<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let e = self.0;
        let mut m = s.serialize_struct("Entity", 5)?;
        m.serialize_field("id", &e.id)?;
        m.serialize_field("kind", &e.kind)?;
        m.serialize_field("name_ar", &e.name_ar)?;
        m.serialize_field("name_en", &e.name_en)?;
        m.serialize_field("wikidata", &e.wikidata)?;
        m.end()
    }
}

/// Iterator over the mentions of a text, in order. Created by
/// [`Matcher::find_iter`](crate::Matcher::find_iter).
///
/// `'m` is the lifetime of the matcher (mentions borrow its entities), `'t` the lifetime of
/// the text (mentions borrow their surfaces from it).
#[derive(Debug)]
pub struct Mentions<'m, 't> {
    inner: std::vec::IntoIter<Mention<'m, 't>>,
}

impl<'m, 't> Mentions<'m, 't> {
    pub(crate) fn new(mentions: Vec<Mention<'m, 't>>) -> Mentions<'m, 't> {
        Mentions {
            inner: mentions.into_iter(),
        }
    }
}

impl<'m, 't> Iterator for Mentions<'m, 't> {
    type Item = Mention<'m, 't>;

    fn next(&mut self) -> Option<Mention<'m, 't>> {
        self.inner.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl ExactSizeIterator for Mentions<'_, '_> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn match_kind_names_are_the_json_names() {
        // `as_str` and the serde names must not drift apart: scripts read both.
        for kind in [
            MatchKind::Exact,
            MatchKind::ShortForm,
            MatchKind::Demonym,
            MatchKind::Fuzzy,
            MatchKind::Partial,
            MatchKind::Unlinked,
            MatchKind::Gloss,
        ] {
            let json = serde_json::to_string(&kind).expect("a match kind serialises");
            assert_eq!(json, format!("\"{}\"", kind.as_str()), "help: {kind:?}");
        }
    }
}
