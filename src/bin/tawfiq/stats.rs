//! Prints the size of the gazetteer: entities by kind and source.
//!
//! ```text
//! tawfiq stats [--gazetteer PATH]... [--no-builtin]
//! ```

use crate::common;

/// Runs the command with its arguments (after the command name).
pub fn run(args: Vec<String>) {
    let common = common::parse_common(
        args.into_iter(),
        "usage: tawfiq stats [--gazetteer PATH]... [--no-builtin]",
    );
    let matcher = common::build_matcher(&common);
    let s = matcher.stats();
    println!("countries and territories (CLDR) {:>7}", s.countries);
    println!("populated places (GeoNames)      {:>7}", s.geonames_places);
    println!("administrative divisions (CLDR)  {:>7}", s.divisions);
    println!("people (curated)                 {:>7}", s.people);
    println!("organisations (curated)          {:>7}", s.organisations);
    println!("other places (curated)           {:>7}", s.other_places);
    println!("all entities                     {:>7}", s.entities);
}
