//! Inputs the fuzzers (fuzz/, see README) found or were seeded with, kept as
//! regression tests: every file of tests/fuzz_regressions/<target>/ goes through
//! what that target runs, and must not panic. A crash the fuzzer finds is fixed,
//! and its input is added here under the target's folder.

use quotecheck::config::Config;
use quotecheck::markup::Format;
use quotecheck::rules::house::House;
use quotecheck::rules::load::check_rule_source;
use quotecheck::{Extracted, check_files, extract_text};
use std::path::Path;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_regressions")
        .join(target);
    let mut out: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| {
            let p = e.unwrap().path();
            (p.display().to_string(), std::fs::read(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

fn article(data: &[u8], format: Format) {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let article = extract_text(src, format);
    let mut rules = quotecheck::rules::load_rules(&[], &Default::default()).unwrap();
    for r in &mut rules.rules {
        r.enabled = true;
    }
    for name in House::preset_names() {
        let house = House::preset(&name).unwrap();
        let files = [Extracted {
            path: "fuzz".into(),
            source: src.to_string(),
            article: article.clone(),
        }];
        let _ = check_files(&files, &rules, &house, &[]);
        let _ = quotecheck::fix::fix_text("fuzz", src, format, &rules, &house, &[]);
    }
}

#[test]
fn extract_regressions() {
    for (_, data) in inputs("extract") {
        article(&data, Format::Text);
    }
}

#[test]
fn markdown_regressions() {
    for (_, data) in inputs("markdown") {
        article(&data, Format::Markdown);
    }
}

#[test]
fn rule_and_config_regressions() {
    for (name, data) in inputs("rule_config") {
        let Ok(src) = std::str::from_utf8(&data) else {
            continue;
        };
        let _ = check_rule_source("fuzz-rule", &name, src);
        if let Ok(c) = Config::parse(&name, src, Path::new(".")) {
            let house = c.house(None);
            if let Ok(rules) = quotecheck::rules::load_rules(&[], &c.rules) {
                let text = "Plan\n\nThe mayor said: \"We are ready.\"\n";
                let files = [Extracted {
                    path: "a.txt".into(),
                    source: text.into(),
                    article: extract_text(text, Format::Text),
                }];
                let _ = check_files(&files, &rules, &house, &c.suppress);
            }
        }
        // The error of a bad file renders (miette once panicked on a long line).
        if let Err(e) = check_rule_source("fuzz-rule", &name, src) {
            let _ = format!("{:?}", miette::Report::new(*e));
        }
    }
}
