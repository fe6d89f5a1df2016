#[path = "../benches/common/mod.rs"]
mod common;
fn main() {
    let corpus = common::corpus(1 << 20);
    let m = tawfiq::Matcher::builtin();
    let _ = m.find_iter("بوتين").count();
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..3 {
        n += m.find_iter(&corpus).count();
    }
    let e = t.elapsed();
    eprintln!(
        "{n} mentions, {:.2} MB/s",
        3.0 * corpus.len() as f64 / e.as_secs_f64() / 1e6
    );
}
