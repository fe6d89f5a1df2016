//! The disambiguation prior of an entity, from its prominence and population.
//!
//! Self-contained: `build.rs` includes it by path to order the built-in blocking index by
//! prior, exactly as the runtime computes it.

/// A prior in `0.0..=1.0`: prominence 1–5 maps to 0.2–1.0, a population `p` to
/// `log10(p + 1) / 8` (1.0 at a hundred million), whichever is higher; 0.5 when both are
/// unknown (typical of user gazetteers).
pub fn prior(prominence: u8, population: Option<u64>) -> f32 {
    if prominence == 0 && population.is_none() {
        return 0.5;
    }
    let by_prominence = f32::from(prominence.min(5)) / 5.0;
    let by_population = population.map_or(0.0, |p| ((p as f32 + 1.0).log10() / 8.0).min(1.0));
    by_prominence.max(by_population)
}
