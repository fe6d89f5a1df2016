//! Prints the size of the gazetteer: entities by kind and source.
//!
//! ```text
//! tawfiq stats [--format text|json] [--gazetteer PATH]... [--no-builtin]
//! ```

use crate::common::{self, Common};

use clap::{Args, ValueEnum};

/// Count the gazetteer's entities by kind and source.
///
/// text (default): one line per count. json: one object, {countries, geonames_places,
/// divisions, people, organisations, other_places, entities}.
#[derive(Args, Debug)]
#[command(after_help = AFTER_HELP)]
pub struct Options {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    #[command(flatten)]
    common: Common,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum Format {
    /// One line per count, for people
    Text,
    /// One JSON object, for scripts
    Json,
}

const AFTER_HELP: &str = "Exit status:
  0  the counts were printed
  2  the run could not start (a bad argument, an unreadable gazetteer)";

/// Runs the command.
pub fn run(options: Options) {
    let matcher = common::build_matcher(&options.common);
    let s = matcher.stats();
    let mut out = common::Output::stdout();
    match options.format {
        Format::Json => out.json(&s),
        Format::Text => {
            let lines = [
                ("countries and territories (CLDR)", s.countries),
                ("populated places (GeoNames)", s.geonames_places),
                ("administrative divisions (CLDR)", s.divisions),
                ("people (curated)", s.people),
                ("organisations (curated)", s.organisations),
                ("other places (curated)", s.other_places),
                ("all entities", s.entities),
            ];
            for (what, n) in lines {
                out.write(format!("{what:<32} {n:>7}\n").as_bytes());
            }
        }
    }
    out.finish()
}
