//! The cross-script key (work in progress, not yet public).
