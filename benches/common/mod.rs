//! The corpus the benchmarks read: every `.txt` file of `../shared/corpus/bbc`,
//! or, without it, the five files of `seeds/`.

use std::path::Path;

const CORPUS: &str = "../shared/corpus/bbc";
const FALLBACK: &str = "seeds";

/// The UTF-8 `.txt` files of a folder, sorted by path: (path, text).
fn read_txt(dir: &Path) -> Vec<(String, String)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| {
            let text = String::from_utf8(std::fs::read(p).ok()?).ok()?;
            Some((p.display().to_string(), text))
        })
        .collect()
}

/// The corpus's name and its files, (path, text), announced on standard error.
pub fn corpus() -> (&'static str, Vec<(String, String)>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = ("bbc", read_txt(&root.join(CORPUS)));
    if found.1.is_empty() {
        eprintln!("{CORPUS} not found: benchmarking the files of {FALLBACK}/ instead");
        found = ("seeds", read_txt(&root.join(FALLBACK)));
    }
    let total: usize = found.1.iter().map(|(_, t)| t.len()).sum();
    eprintln!("corpus {}: {} files, {total} bytes", found.0, found.1.len());
    found
}
