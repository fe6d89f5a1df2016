//! The decision: each candidate's share of the weight against a *none of these*
//! hypothesis (see the [module documentation](super)), and the conflicts that keep a likely
//! candidate from being chosen.

use super::*;

/// The constants of the decision (see the module documentation).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Decision {
    /// Weight of one edit of distance.
    pub kappa: f32,
    /// Weight of the prior, per natural-log unit of population.
    pub gamma: f32,
    /// Distance of the *none of these* hypothesis.
    pub null_distance: f32,
    /// Prior of the *none of these* hypothesis.
    pub null_prior: f32,
    /// Distance equivalent of a cross-script similarity `x` (`0.0..=1.0`) of the query to
    /// the entity's names in the other script: `bridge · (1 − x) + bridge_floor`. A candidate
    /// counts at the smaller of that and its same-script distance, so a faithful
    /// transliteration can make up for a poor Arabic spelling while an exonym (`القدس` for
    /// *Jerusalem*) is never penalised for not transliterating its English name.
    pub bridge: f32,
    /// See [`Decision::bridge`].
    pub bridge_floor: f32,
    /// Weight of the cross-script similarity itself: among homonyms and near-homonyms, the
    /// place whose own Latin name the query transliterates is the likelier one.
    pub cross_script: f32,
}

/// The decision constants chosen on the development half of the leave-one-out queries,
/// but for the *none of these* distance: the leave-one-out queries all name a place, and
/// do not see it (from 1.5 to 2.8 they move by five answers of 5,200). It was chosen on a
/// development draw of the `resolve` bench's workload (1,000 misspelt aliases and 250 names
/// of no one of their own: `resolve_profile 100000 0 --draw 1`): the largest weight of *none of these* that costs
/// none of the draw's accuracy (2.5 -> 2.0, impostors given an entity 42 -> 36 of 250);
/// below 2.0, each impostor less costs a right answer or more.
pub(crate) const DECISION: Decision = Decision {
    kappa: 4.0,
    gamma: 0.5,
    null_distance: 2.0,
    null_prior: 0.3,
    bridge: 3.0,
    bridge_floor: 0.1,
    cross_script: 6.0,
};

impl Decision {
    /// The weight of the *none of these* hypothesis.
    pub(super) fn null_weight(&self) -> f32 {
        -self.kappa * self.null_distance
            + self.gamma * PRIOR_LN_SCALE * self.null_prior
            + self.cross_script * NULL_CROSS_SCRIPT
    }

    /// The distance a cross-script similarity `x` stands for (see [`Decision::bridge`]).
    pub(super) fn bridged_distance(&self, x: f32) -> f32 {
        self.bridge * (1.0 - x) + self.bridge_floor
    }

    pub(super) fn weight(
        &self,
        distance: f32,
        vocalisation: f32,
        prior: f32,
        cross_script: f32,
    ) -> f32 {
        let bridged = self.bridged_distance(cross_script);
        -self.kappa * (distance.min(bridged) + vocalisation)
            + self.gamma * PRIOR_LN_SCALE * prior
            + self.cross_script * cross_script
    }

    /// Scores candidates (their share of the decision weight, with the *none of these*
    /// hypothesis and the `crowd`) and sorts them best first. A candidate that is not a
    /// reading of the query at all ([`Conflict::ExactElsewhere`]) takes no share.
    pub fn score(&self, candidates: &mut [Candidate<'_>], crowd: &Crowd) {
        let null = self.null_weight();
        let z: Vec<f32> = candidates
            .iter()
            .map(|c| match c.conflict {
                Some(Conflict::ExactElsewhere { .. }) => f32::NEG_INFINITY,
                _ => self.weight(c.distance, c.vocalisation, c.entity.prior(), c.cross_script),
            })
            .collect();
        let crowd: Vec<f32> = crowd
            .members
            .iter()
            .map(|&(d, prior, x)| self.weight(d, 0.0, prior, x))
            .collect();
        let top = z.iter().chain(&crowd).copied().fold(null, f32::max);
        let total: f32 =
            z.iter().chain(&crowd).map(|w| (w - top).exp()).sum::<f32>() + (null - top).exp();
        for (c, w) in candidates.iter_mut().zip(&z) {
            c.score = (w - top).exp() / total;
        }
        candidates.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.entity.id.cmp(&b.entity.id))
        });
    }
}

/// A big place: its own Latin name, written exactly, is not a looser match of another's.
const BIG_PLACE: u64 = 100_000;
/// A word of a query that names, on its own, an entity of at least this prior (a town of
/// about 60,000) is a name, not a common noun heading another thing's name.
const NAME_WORD_PRIOR: f32 = 0.6;
/// Candidates below this share are not weighed for conflicts (they cannot be chosen).
const MIN_WEIGHED: f32 = 0.01;

/// The decision on the candidates of `name`: scored by [`DECISION`], sorted best first, and
/// the likely ones weighed against the evidence that the query names someone or something
/// else ([`Conflict`], set on the candidate; such a candidate keeps its share, which goes
/// to no one). The query written exactly as the own Latin name of a big place (not a short
/// form) rules out the looser matches of other entities before scoring: `Amman` is
/// Amman, not Oman.
pub(crate) fn decide(
    index: &Index,
    fuzzy: &Forms<'_>,
    name: &str,
    candidates: &mut [Candidate<'_>],
    crowd: &Crowd,
) {
    decide_forgetting(index, fuzzy, name, candidates, crowd, None);
}

/// [`decide`], with a name of an entity forgotten (the leave-one-out evaluation).
pub(super) fn decide_forgetting(
    index: &Index,
    fuzzy: &Forms<'_>,
    name: &str,
    candidates: &mut [Candidate<'_>],
    crowd: &Crowd,
    forget: Option<Forget<'_>>,
) {
    let latin = is_latin(name);
    if latin {
        let exact = candidates.iter().find(|c| {
            c.distance == 0.0
                && c.entity.kind == EntityKind::Place
                && c.entity.population.is_some_and(|p| p >= BIG_PLACE)
                && !c.entity.short.iter().any(|s| s == c.name)
        });
        if let Some(id) = exact.map(|c| c.entity.id.to_string()) {
            for c in candidates.iter_mut().filter(|c| c.distance > 0.0) {
                c.conflict = Some(Conflict::ExactElsewhere { id: id.clone() });
            }
        }
    }
    DECISION.score(candidates, crowd);
    let acronym = crate::score::is_acronym(name.trim());
    let mut words = query_words(name);
    // A word that is the name of a sizeable entity on its own (`برلين`); a village named
    // like a common noun (`جامعة`) does not make the noun a name.
    evidence::QueryWord::mark_names(&mut words, |key| {
        let mut found = false;
        index.lookup(key, |t| {
            found |= index.entity(t.entity).prior() >= NAME_WORD_PRIOR
        });
        found
    });
    for c in candidates.iter_mut().take(REPORTED) {
        if c.score < MIN_WEIGHED {
            break;
        }
        if c.conflict.is_some() {
            continue;
        }
        if c.explanation.script_bridge {
            let e = c.entity;
            let other_script: Vec<&str> = all_names(e)
                .filter(|n| is_latin(n) != latin)
                .take(CROSS_SCRIPT_NAMES)
                .collect();
            c.conflict = evidence::bridge_conflict(name, other_script.iter().copied());
            continue;
        }
        if acronym {
            continue;
        }
        let read = as_read(&words, c.clitic);
        let names: Vec<NameWords<'_>> = same_script_names(index, fuzzy, c.idx, latin)
            .filter(|(n, _, _)| forget.is_none_or(|f| f.entity != c.idx || f.name != *n))
            .map(|(_, form, short)| NameWords {
                words: &form.prepared.words,
                full: !short,
            })
            .collect();
        c.conflict = conflict(&read, c.entity, &names, c.cross_script);
    }
}
