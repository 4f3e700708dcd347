//! Seed agreement for the fidelity and display rules: each item of
//! ../shared/gold/seeds/FINDINGS.md about bracketed alterations, scare quotes,
//! repeated quotations, display quotations and web-page debris, checked by running
//! the real rules over `seeds/<file>`. Lines are 1-based lines of the seed file.

use quotecheck::finding::Finding;
use quotecheck::markup::Format;
use quotecheck::rules::house::House;
use quotecheck::rules::load::RuleOverride;
use quotecheck::{Extracted, check_files};
use std::collections::BTreeMap;

struct Seed {
    text: String,
    findings: Vec<Finding>,
}

fn seed(prefix: &str) -> Seed {
    let path = std::fs::read_dir("seeds")
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}"));
    let text = std::fs::read_to_string(&path).unwrap();
    // scare-quote is optional: switch it on to check what it would say.
    let mut ov = BTreeMap::new();
    ov.insert(
        "scare-quote".to_string(),
        RuleOverride {
            enabled: Some(true),
            ..RuleOverride::default()
        },
    );
    let rules = quotecheck::rules::load_rules(&[], &ov).unwrap_or_else(|e| panic!("{e:?}"));
    let files = [Extracted {
        path: path.display().to_string(),
        source: text.clone(),
        article: quotecheck::extract_text(&text, Format::Text),
    }];
    let findings = check_files(&files, &rules, &House::default(), &[]);
    Seed { text, findings }
}

impl Seed {
    fn line(&self, offset: usize) -> usize {
        self.text[..offset].matches('\n').count() + 1
    }

    /// The findings of `rule` that start on `line`.
    fn on(&self, rule: &str, line: usize) -> Vec<&Finding> {
        self.findings
            .iter()
            .filter(|f| f.rule == rule && self.line(f.span.start) == line)
            .collect()
    }

    /// The findings of `rule` whose span covers `line`.
    fn covering(&self, rule: &str, line: usize) -> Vec<&Finding> {
        self.findings
            .iter()
            .filter(|f| {
                f.rule == rule
                    && self.line(f.span.start) <= line
                    && line <= self.line(f.span.end.saturating_sub(1).max(f.span.start))
            })
            .collect()
    }

    fn flags(&self, rule: &str, line: usize) {
        assert!(
            !self.on(rule, line).is_empty(),
            "{rule} should report line {line}; it reported {:?}",
            self.findings
                .iter()
                .filter(|f| f.rule == rule)
                .map(|f| (self.line(f.span.start), &f.message))
                .collect::<Vec<_>>()
        );
    }

    fn silent(&self, rule: &str, line: usize) {
        let c = self.covering(rule, line);
        assert!(
            c.is_empty(),
            "{rule} should be silent on line {line}: {:?}",
            c.iter().map(|f| &f.message).collect::<Vec<_>>()
        );
    }

    /// One finding of `rule` starting on `first` and covering every line to `last`.
    fn block(&self, rule: &str, first: usize, last: usize) {
        self.flags(rule, first);
        let f = self.on(rule, first)[0];
        assert!(
            self.line(f.span.end) >= last,
            "{rule} block from {first} should reach {last}: {}",
            f.message
        );
    }
}

const FIDELITY: [&str; 6] = [
    "bracketed-alteration",
    "ellipsis-in-quote",
    "scare-quote",
    "repeated-quote-differs",
    "display-quote-not-in-body",
    "page-furniture",
];

#[test]
fn s002_53_bracketed_insertion_is_an_info_naming_the_words() {
    let s = seed("002");
    s.flags("bracketed-alteration", 53);
    let f = s.on("bracketed-alteration", 53)[0];
    assert!(f.message.contains("McDonnell"), "{}", f.message);
    assert_eq!(f.severity, quotecheck::finding::Severity::Info);
    // The ’ after "]" is an apostrophe: no quote-mark finding there.
    assert!(s.on("unbalanced-quote-marks", 53).is_empty());
}

#[test]
fn no_other_brackets_in_the_seeds() {
    for p in ["000", "001", "003", "004"] {
        let s = seed(p);
        assert!(
            s.findings.iter().all(|f| f.rule != "bracketed-alteration"),
            "{p}"
        );
    }
}

#[test]
fn s003_16_clear_out_is_a_scare_quote() {
    seed("003").flags("scare-quote", 16);
}

#[test]
fn s002_25_trigger_ballot_is_a_term_of_art() {
    seed("002").silent("scare-quote", 25);
}

#[test]
fn the_six_scare_quotes_are_never_quotations_missing_a_speaker() {
    for (p, line) in [
        ("000", 4),
        ("002", 21),
        ("002", 25),
        ("002", 55),
        ("003", 16),
        ("004", 76),
    ] {
        let s = seed(p);
        s.silent("quote-without-speaker", line);
        // At most an info in the body; page furniture is left to page-furniture.
        for f in s.on("scare-quote", line) {
            assert_eq!(
                f.severity,
                quotecheck::finding::Severity::Info,
                "{p}:{line}"
            );
        }
    }
    seed("004").silent("scare-quote", 76);
}

#[test]
fn s002_3_standfirst_matches_body_19() {
    let s = seed("002");
    s.silent("display-quote-not-in-body", 3);
    s.silent("repeated-quote-differs", 3);
    s.silent("repeated-quote-differs", 19);
}

#[test]
fn s002_35_split_quotation_is_not_a_repeat() {
    seed("002").silent("repeated-quote-differs", 35);
}

#[test]
fn s001_19_21_reaction_buttons_and_related_posts() {
    seed("001").block("page-furniture", 19, 21);
}

#[test]
fn s002_debris_byline_captions_link_and_comment_furniture() {
    let s = seed("002");
    s.block("page-furniture", 5, 9);
    s.flags("page-furniture", 39);
    s.block("page-furniture", 73, 80);
    s.silent("page-furniture", 1);
    s.silent("page-furniture", 3);
    s.silent("page-furniture", 11);
}

#[test]
fn s003_debris_byline_pictured_author_box() {
    let s = seed("003");
    s.block("page-furniture", 3, 4);
    s.flags("page-furniture", 10);
    s.block("page-furniture", 26, 28);
    s.silent("page-furniture", 1);
    s.silent("page-furniture", 6);
}

#[test]
fn s004_debris_masthead_byline_captions_footer() {
    let s = seed("004");
    s.flags("page-furniture", 1);
    s.block("page-furniture", 5, 10);
    s.block("page-furniture", 29, 31);
    s.block("page-furniture", 74, 78);
    s.silent("page-furniture", 3);
    s.silent("page-furniture", 12);
}

#[test]
fn s000_has_no_headline_byline_or_debris() {
    let s = seed("000");
    assert!(s.findings.iter().all(|f| f.rule != "page-furniture"));
}

#[test]
fn fidelity_rules_say_nothing_else_on_the_seeds() {
    // Every finding of these rules on the seeds is one of the items above.
    let expected: &[(&str, &str, usize)] = &[
        ("000", "scare-quote", 4),
        ("002", "bracketed-alteration", 53),
        ("003", "scare-quote", 16),
    ];
    for p in ["000", "001", "002", "003", "004"] {
        let s = seed(p);
        for f in s
            .findings
            .iter()
            .filter(|f| FIDELITY.contains(&f.rule.as_str()) && f.rule != "page-furniture")
        {
            let line = s.line(f.span.start);
            assert!(
                expected.contains(&(p, f.rule.as_str(), line)),
                "unexpected {p}:{line} {}: {}",
                f.rule,
                f.message
            );
        }
    }
}
