fn main() {
    let text = std::fs::read_to_string("/tmp/corpus.txt").unwrap();
    for (fuzzy, partial) in [(false, false), (false, true), (true, true)] {
        let mut b = tawfiq::MatcherBuilder::new();
        b.fuzzy(fuzzy).partial_names(partial);
        let m = b.build().unwrap();
        let _ = m.find_iter("بكين").count();
        let t = std::time::Instant::now();
        let n = m.find_iter(&text).count();
        let s = t.elapsed().as_secs_f64();
        println!("fuzzy={fuzzy} partial={partial}: {n} mentions, {:.2} MB/s", text.len() as f64 / s / 1e6);
    }
}
