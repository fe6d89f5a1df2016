//! Demonyms (work in progress, not yet public).
