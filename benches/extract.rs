//! Extraction throughput over a corpus, on one thread, so the MB/s figure is per core.
//!
//! Reads every `.txt` file of `../shared/corpus/bbc`; without it, the five files of
//! `seeds/`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use quotecheck::extract_text;
use quotecheck::markup::Format;
use std::hint::black_box;
use std::time::Duration;

mod common;

/// The allocator of the `quotecheck` binary, so the figure is the tool's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn extract_corpus(c: &mut Criterion) {
    let (name, files) = common::corpus();
    let texts: Vec<String> = files.into_iter().map(|(_, text)| text).collect();
    let total: usize = texts.iter().map(String::len).sum();
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
