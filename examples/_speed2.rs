fn main() {
    let text = std::fs::read_to_string("/tmp/corpus_small.txt").unwrap();
    let m = tawfiq::Matcher::builtin();
    let n = m.find_iter(&text).count();
    println!("{n}");
}
