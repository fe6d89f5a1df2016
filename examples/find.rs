//! Finds the people, places and organisations a text mentions: the library's
//! [`Matcher::find_iter`](tawfiq::Matcher::find_iter), with the built-in gazetteer and one
//! entity of our own.
//!
//! ```sh
//! cargo run --release --example find                  # a sentence of its own
//! cargo run --release --example find -- article.txt   # a UTF-8 file
//! ```
//!
//! The `tawfiq annotate` tool does this for many files, in JSON, text or HTML, with
//! `--gazetteer` files; this example takes no options.

use tawfiq::{Gazetteer, MatcherBuilder};

const SENTENCE: &str = "التقى الرئيس شى جين بينج بنظيره الروسي في بكين، وقال لبوتين إن \
                        العلاقات قوية. وأعلنت أكمي للتقنية، على لسان مديرها كريم دوغانلي، \
                        أن دوغانلي سيزور القاهرة.";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = match args.as_slice() {
        [] => SENTENCE.to_string(),
        [path] if !path.starts_with('-') => std::fs::read_to_string(path)?,
        _ => {
            eprintln!(
                "usage: find [FILE]  (for options, use the tawfiq tool: tawfiq annotate --help)"
            );
            std::process::exit(2);
        }
    };
    // Our own entities join the built-in ones (without the `builtin` feature, they are all
    // there is).
    let own = "id\tkind\tname\tname_en\nacme\torganisation\tأكمي للتقنية\tAcme Technology\n";
    let matcher = MatcherBuilder::new()
        .gazetteer(Gazetteer::from_tsv_str(own)?)
        .build()?;
    for m in matcher.find_iter(&text) {
        // Spans are byte offsets into `text`, whatever was folded to match.
        assert_eq!(&text[m.start..m.end], m.surface);
        let entity = match m.entity {
            Some(e) => format!("{} ({})", e.name_en, e.id),
            // A name the gazetteer does not know: its number is shared by the mentions of
            // one unknown entity within the text.
            None => format!("unlinked #{}", m.local.unwrap_or(0)),
        };
        println!(
            "{:>5}..{:<5} {:<12} {} → {entity}  [{}, {:.2}]",
            m.start, m.end, m.kind, m.surface, m.how, m.score
        );
    }
    Ok(())
}
