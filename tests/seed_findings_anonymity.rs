//! Seeds agreement for the anonymity rules (catalogue D): the items of
//! shared/gold/seeds/FINDINGS.md about anonymous and unnamed sources, checked by
//! running the shipped rules over the seed articles.

use quotecheck::finding::Finding;
use quotecheck::markup::Format;
use quotecheck::rules::house::House;
use quotecheck::rules::load_rules;
use quotecheck::span::LineIndex;
use quotecheck::{Extracted, check_files};
use std::collections::BTreeMap;

/// Every finding on one seed file, with its 1-based line.
fn findings(file: &str) -> Vec<(usize, Finding)> {
    let path = format!("seeds/{file}");
    let text = std::fs::read_to_string(&path).unwrap();
    let files = [Extracted {
        path: path.clone(),
        source: text.clone(),
        article: quotecheck::extract_text(&text, Format::Text),
    }];
    let mut overrides = BTreeMap::new();
    for id in ["anonymous-first-quote", "anonymous-quote-share"] {
        overrides.insert(
            id.to_string(),
            quotecheck::rules::load::RuleOverride {
                enabled: Some(true),
                ..Default::default()
            },
        );
    }
    let rules = load_rules(&[], &overrides).unwrap_or_else(|e| panic!("{e:?}"));
    let lines = LineIndex::new(&text);
    check_files(&files, &rules, &House::default(), &[])
        .into_iter()
        .map(|f| (lines.line(f.span.start), f))
        .collect()
}

/// A source with no reason is reported by `anonymous-source-without-reason`,
/// which supersedes the plain `anonymous-source` listing at the same place
/// (`superseded_by` in rules/anonymous-source.toml): one diagnostic per source.
fn listed_once_by_the_sharper_rule(all: &[(usize, Finding)], line: usize) {
    assert_eq!(on(all, "anonymous-source", line..=line), 0, "{all:#?}");
    assert_eq!(
        on(all, "anonymous-source-without-reason", line..=line),
        1,
        "{all:#?}"
    );
}

fn on(all: &[(usize, Finding)], rule: &str, lines: std::ops::RangeInclusive<usize>) -> usize {
    all.iter()
        .filter(|(l, f)| f.rule == rule && lines.contains(l))
        .count()
}

const S000: &str = "000_dd6e9bf2095f1284.txt";
const S001: &str = "001_9350e1d35c184a65.txt";
const S002: &str = "002_c6843c14dec475c4.txt";
const S004: &str = "004_d84425117f803fd6.txt";

#[test]
fn seed_000_momentum_source_reported_once_over_three_paragraphs() {
    let f = findings(S000);
    listed_once_by_the_sharper_rule(&f, 10);
    assert_eq!(on(&f, "anonymous-source", 11..=12), 0);
    assert_eq!(on(&f, "anonymous-source-without-reason", 11..=12), 0);
}

#[test]
fn seed_000_senior_party_source_has_no_reason() {
    // "because Jeremy Corbyn’s office was not behind it" is about the plan, not
    // about the anonymity.
    let f = findings(S000);
    listed_once_by_the_sharper_rule(&f, 13);
}

#[test]
fn seed_000_member_of_the_nec_paraphrased() {
    let f = findings(S000);
    listed_once_by_the_sharper_rule(&f, 14);
}

#[test]
fn seed_000_richard_angell_is_named() {
    let f = findings(S000);
    for rule in [
        "anonymous-source",
        "anonymous-source-without-reason",
        "vague-anonymous-descriptor",
        "anonymous-opinion-quote",
    ] {
        assert_eq!(on(&f, rule, 8..=9), 0, "{rule}");
    }
}

#[test]
fn seed_001_local_groups_are_an_unnamed_collective() {
    let f = findings(S001);
    assert_eq!(on(&f, "anonymous-source", 11..=11), 1, "{f:#?}");
    let d1 = f
        .iter()
        .find(|(l, x)| *l == 11 && x.rule == "anonymous-source")
        .unwrap();
    assert!(d1.1.message.contains("unnamed"), "{}", d1.1.message);
    // A collective is not a confidential source: no reason is owed.
    assert_eq!(on(&f, "anonymous-source-without-reason", 11..=11), 0);
    assert_eq!(on(&f, "vague-anonymous-descriptor", 11..=11), 0);
}

#[test]
fn seed_001_welsh_labour_grassroots_and_the_petition_are_not_anonymous() {
    let f = findings(S001);
    let d1: Vec<_> = f
        .iter()
        .filter(|(_, x)| x.rule == "anonymous-source")
        .collect();
    assert_eq!(d1.len(), 1, "{d1:#?}");
    assert_eq!(on(&f, "anonymous-source", 5..=5), 0);
}

#[test]
fn seed_002_anonymous_mp_declared_without_reason() {
    let f = findings(S002);
    listed_once_by_the_sharper_rule(&f, 57);
    assert_eq!(on(&f, "anonymous-source", 59..=61), 0);
    assert_eq!(on(&f, "anonymous-source-without-reason", 59..=61), 0);
    let d2 = f
        .iter()
        .find(|(l, x)| *l == 57 && x.rule == "anonymous-source-without-reason")
        .unwrap();
    assert!(
        d2.1.message.contains("speaking anonymously"),
        "{}",
        d2.1.message
    );
}

#[test]
fn seed_002_anonymous_mp_gives_an_opinion_of_lansman() {
    let f = findings(S002);
    assert_eq!(on(&f, "anonymous-opinion-quote", 57..=61), 1, "{f:#?}");
    assert_eq!(on(&f, "anonymous-opinion-quote", 57..=57), 1);
}

#[test]
fn seed_002_named_mps_are_silent() {
    let f = findings(S002);
    for rule in [
        "anonymous-source",
        "anonymous-source-without-reason",
        "anonymous-opinion-quote",
    ] {
        assert_eq!(on(&f, rule, 1..=56), 0, "{rule}");
        assert_eq!(on(&f, rule, 62..=200), 0, "{rule}");
    }
}

#[test]
fn seed_004_activist_at_the_meeting_is_unnamed_not_confidential() {
    let f = findings(S004);
    assert_eq!(on(&f, "anonymous-source", 68..=68), 1);
    assert_eq!(on(&f, "anonymous-source", 69..=72), 0);
    let d1 = f
        .iter()
        .find(|(l, x)| *l == 68 && x.rule == "anonymous-source")
        .unwrap();
    assert!(d1.1.message.contains("unnamed"), "{}", d1.1.message);
    // A member of the public is unnamed, not granted confidentiality: D2, D3
    // and D4 are about confidential sources.
    assert_eq!(on(&f, "anonymous-source-without-reason", 68..=72), 0);
    assert_eq!(on(&f, "anonymous-opinion-quote", 68..=72), 0);
}

#[test]
fn seed_articles_do_not_lead_on_or_rest_on_anonymous_sources() {
    for file in [S000, S001, S002, S004] {
        let f = findings(file);
        assert_eq!(on(&f, "anonymous-first-quote", 1..=500), 0, "{file}");
        assert_eq!(on(&f, "anonymous-quote-share", 1..=500), 0, "{file}");
        assert_eq!(
            on(&f, "anonymous-source-count-mismatch", 1..=500),
            0,
            "{file}"
        );
    }
}
