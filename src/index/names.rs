//! The entities of an index: the built-in ones, read from the image, and the user ones,
//! shared with their gazetteers; their ids.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use super::{EntityIdx, Index};
use crate::gazetteer::{Entity, builtin};

/// The user entities: the gazetteers' own, shared with them, and a copy of each that a
/// later gazetteer gives more names under the same id.
#[derive(Debug, Default)]
pub(super) struct UserEntities {
    pub(super) gazetteers: Vec<Arc<Vec<Entity>>>,
    /// Each user entity: its gazetteer and position there, or ([`UserEntities::MERGED`],
    /// its position in `merged`).
    pub(super) slots: Vec<(u32, u32)>,
    merged: Vec<Entity>,
}

impl UserEntities {
    pub(super) const MERGED: u32 = u32::MAX;

    pub(super) fn get(&self, i: usize) -> &Entity {
        match self.slots[i] {
            (Self::MERGED, j) => &self.merged[j as usize],
            (g, j) => &self.gazetteers[g as usize][j as usize],
        }
    }

    /// The entity, copied out of its gazetteer to take more names.
    pub(super) fn get_mut(&mut self, i: usize) -> &mut Entity {
        if let (g, j) = self.slots[i]
            && g != Self::MERGED
        {
            self.merged
                .push(self.gazetteers[g as usize][j as usize].clone());
            self.slots[i] = (Self::MERGED, (self.merged.len() - 1) as u32);
        }
        let (_, j) = self.slots[i];
        &mut self.merged[j as usize]
    }

    pub(super) fn len(&self) -> usize {
        self.slots.len()
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = &Entity> {
        (0..self.len()).map(|i| self.get(i))
    }
}

/// Ids of the built-in entities, for [`Index::by_id`]; built on first use.
pub(super) fn builtin_ids() -> &'static HashMap<&'static str, EntityIdx> {
    static IDS: OnceLock<HashMap<&'static str, EntityIdx>> = OnceLock::new();
    IDS.get_or_init(|| {
        builtin::entities()
            .iter()
            .enumerate()
            .filter_map(|(i, e)| match &e.id {
                std::borrow::Cow::Borrowed(id) => Some((*id, i as EntityIdx)),
                std::borrow::Cow::Owned(_) => None,
            })
            .collect()
    })
}

impl Index {
    /// The entity behind an index. Panics on an index this index never handed out.
    #[inline]
    pub fn entity(&self, idx: EntityIdx) -> &Entity {
        let base = self.base;
        let i = idx as usize;
        if i < base {
            &builtin::entities()[i]
        } else {
            self.user.get(i - base)
        }
    }

    /// The index of the entity with this id.
    pub fn by_id(&self, id: &str) -> Option<EntityIdx> {
        let base = self.base as EntityIdx;
        let user = self.ids.get(id, |p| &self.user.get(p).id);
        user.map(|p| base + p as EntityIdx).or_else(|| {
            if self.builtin {
                builtin_ids().get(id).copied()
            } else {
                None
            }
        })
    }

    /// Every entity with its index, built-in ones first.
    #[cfg(all(test, feature = "builtin"))]
    pub fn entities_with_idx(&self) -> impl Iterator<Item = (EntityIdx, &Entity)> {
        let base = builtin::len() as EntityIdx;
        let builtin: &[Entity] = if self.builtin {
            builtin::entities()
        } else {
            &[]
        };
        let user = self
            .user
            .iter()
            .enumerate()
            .map(move |(i, e)| (base + i as EntityIdx, e));
        builtin
            .iter()
            .enumerate()
            .map(|(i, e)| (i as EntityIdx, e))
            .chain(user)
    }

    /// Every entity of this index, built-in ones first.
    pub fn entities(&self) -> impl Iterator<Item = &Entity> {
        let builtin: &[Entity] = if self.builtin {
            builtin::entities()
        } else {
            &[]
        };
        builtin.iter().chain(self.user.iter())
    }
}
