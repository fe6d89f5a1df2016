//! Arabic ↔ Latin transliteration (work in progress, not yet public).
