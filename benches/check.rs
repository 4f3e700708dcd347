//! What the rule engine adds to extraction, on one thread: the whole check of a
//! corpus (extraction, every per-article rule, the cross-article rules) with the
//! default rules and with every rule switched on, beside extraction alone.
//!
//! Reads every `.txt` file of `../shared/corpus/bbc`; without it, the five files
//! of `seeds/`. `cargo bench --bench extract` gives extraction's own figure.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use quotecheck::Extracted;
use quotecheck::markup::Format;
use quotecheck::rules::house::House;
use quotecheck::rules::{RuleSet, load_rules};
use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Duration;

mod common;

/// The allocator of the `quotecheck` binary, so the figure is the tool's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Extract every text and run the rules on them, as `quotecheck PATH` does
/// (without reading files or rendering).
fn check(texts: &[(String, String)], rules: &RuleSet, house: &House) -> usize {
    let files: Vec<Extracted> = texts
        .iter()
        .map(|(path, text)| Extracted {
            path: path.clone(),
            source: text.clone(),
            article: quotecheck::extract_text(text, Format::Text),
        })
        .collect();
    quotecheck::check_files(&files, rules, house, &[]).len()
}

fn check_corpus(c: &mut Criterion) {
    let (name, texts) = common::corpus();
    let total: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let house = House::default();
    let default_rules = load_rules(&[], &BTreeMap::new()).expect("the shipped rules load");
    let mut all_rules = load_rules(&[], &BTreeMap::new()).expect("the shipped rules load");
    for r in &mut all_rules.rules {
        r.enabled = true;
    }
    eprintln!(
        "rules: {} on by default, {} in all",
        default_rules.rules.iter().filter(|r| r.enabled).count(),
        all_rules.rules.len()
    );
    // One thread, so the figure is per core and compares with extraction's.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a one-thread pool");
    let mut group = c.benchmark_group("check");
    group.throughput(Throughput::Bytes(total as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    for (label, rules) in [("default-rules", &default_rules), ("all-rules", &all_rules)] {
        group.bench_function(format!("{name}/{label}/one-thread"), |b| {
            b.iter(|| pool.install(|| black_box(check(black_box(&texts), rules, &house))))
        });
    }
    group.finish();
}

criterion_group!(benches, check_corpus);
criterion_main!(benches);
