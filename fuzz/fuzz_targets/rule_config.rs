//! Rule files and quotecheck.toml: any text loads or gives an error, never a panic.
//! The first byte picks which: even, a rule file; odd, a config file, whose house
//! values, rule overrides and suppression globs are then used on a small article.
#![no_main]
use libfuzzer_sys::fuzz_target;
use quotecheck::config::Config;
use quotecheck::rules::load::check_rule_source;
use quotecheck::{Extracted, check_files, extract_text};

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let Ok(src) = std::str::from_utf8(rest) else { return };
    if first % 2 == 0 {
        let _ = check_rule_source("fuzz-rule", "fuzz.toml", src);
        return;
    }
    let Ok(config) = Config::parse("quotecheck.toml", src, std::path::Path::new(".")) else {
        return;
    };
    let house = config.house(None);
    let Ok(mut rules) = quotecheck::rules::load_rules(&[], &config.rules) else { return };
    rules.enable_for_house(&house, &config.rules);
    let text = "Plan backed\n\nThe mayor said: \"We are ready,\" and left. 'No,' he added.\n";
    let files = [Extracted {
        path: "a.txt".into(),
        source: text.into(),
        article: extract_text(text, quotecheck::markup::Format::Text),
    }];
    let _ = check_files(&files, &rules, &house, &config.suppress);
});
