//! Extraction throughput over a corpus, on one thread, so the MB/s figure is per core.
//!
//! Reads every `.txt` file of `../shared/corpus/bbc`; without it, the five files of
//! `seeds/`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use quotecheck::extract_text;
use quotecheck::markup::Format;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

/// The allocator of the `quotecheck` binary, so the figure is the tool's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const CORPUS: &str = "../shared/corpus/bbc";
const FALLBACK: &str = "seeds";

/// The UTF-8 `.txt` files of a folder, sorted by path.
fn read_txt(dir: &Path) -> Vec<String> {
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
        .filter_map(|p| std::fs::read(p).ok())
        .filter_map(|b| String::from_utf8(b).ok())
        .collect()
}

/// The corpus texts and a name for them.
fn corpus() -> (&'static str, Vec<String>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let texts = read_txt(&root.join(CORPUS));
    if !texts.is_empty() {
        return ("bbc", texts);
    }
    eprintln!("{CORPUS} not found: benchmarking the files of {FALLBACK}/ instead");
    ("seeds", read_txt(&root.join(FALLBACK)))
}

fn extract_corpus(c: &mut Criterion) {
    let (name, texts) = corpus();
    let total: usize = texts.iter().map(String::len).sum();
    eprintln!("corpus {name}: {} files, {total} bytes", texts.len());
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(total as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function(format!("{name}/one-thread"), |b| {
        b.iter(|| {
            let mut quotes = 0;
            for text in &texts {
                quotes += extract_text(black_box(text), Format::Text).quotes.len();
            }
            black_box(quotes)
        })
    });
    group.finish();
}

criterion_group!(benches, extract_corpus);
criterion_main!(benches);
