//! Seed agreement for the speaker rules (late-attribution,
//! quote-speaker-carried-over, ambiguous-speaker, attribution-tense-mixed,
//! garbled-attribution-clause): the items of ../shared/gold/seeds/FINDINGS.md
//! that concern them, checked by running the real rules over `seeds/`.

use quotecheck::finding::Finding;
use quotecheck::markup::Format;
use quotecheck::rules::house::House;
use quotecheck::rules::load_rules;
use quotecheck::{Extracted, check_files};
use std::collections::BTreeMap;

const RULES: [&str; 5] = [
    "late-attribution",
    "quote-speaker-carried-over",
    "ambiguous-speaker",
    "attribution-tense-mixed",
    "garbled-attribution-clause",
];

fn seed(prefix: &str) -> Extracted {
    let path = std::fs::read_dir("seeds")
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}"));
    let source = std::fs::read_to_string(&path).unwrap();
    Extracted {
        path: path.display().to_string(),
        article: quotecheck::extract_text(&source, Format::Text),
        source,
    }
}

fn line_of(source: &str, offset: usize) -> usize {
    source[..offset].matches('\n').count() + 1
}

/// The findings of the speaker rules on one seed, with their 1-based lines.
fn findings(prefix: &str) -> (Extracted, Vec<(usize, Finding)>) {
    let rules = load_rules(&[], &BTreeMap::new()).unwrap_or_else(|e| panic!("{e:?}"));
    let file = seed(prefix);
    let files = [file];
    let found = check_files(&files, &rules, &House::default(), &[]);
    let [file] = files;
    let lines = found
        .into_iter()
        .filter(|f| RULES.contains(&f.rule.as_str()))
        .map(|f| (line_of(&file.source, f.span.start), f))
        .collect();
    (file, lines)
}

fn on_line<'a>(found: &'a [(usize, Finding)], rule: &str, line: usize) -> Vec<&'a Finding> {
    found
        .iter()
        .filter(|(l, f)| *l == line && f.rule == rule)
        .map(|(_, f)| f)
        .collect()
}

#[test]
fn partial_relying_on_an_earlier_sentences_cue_is_reported_as_carried_over_004_35() {
    let (file, found) = findings("004_");
    let hits = on_line(&found, "quote-speaker-carried-over", 35);
    assert_eq!(hits.len(), 1, "{found:#?}");
    assert!(
        hits[0].message.contains("Jon Lansman"),
        "{}",
        hits[0].message
    );
    // Extraction still gives the partial to Jon Lansman.
    let q = file
        .article
        .quotes
        .iter()
        .find(|q| {
            q.span
                .slice(&file.source)
                .starts_with("will partly determine")
        })
        .expect("the partial");
    assert_eq!(
        q.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Jon Lansman")
    );
}

#[test]
fn missing_subject_after_said_is_reported_003_22() {
    let (_, found) = findings("003_");
    assert_eq!(
        on_line(&found, "garbled-attribution-clause", 22).len(),
        1,
        "{found:#?}"
    );
}

#[test]
fn she_added_after_long_bailey_in_the_same_paragraph_is_not_ambiguous_003_24() {
    let (_, found) = findings("003_");
    assert!(
        on_line(&found, "ambiguous-speaker", 24).is_empty(),
        "{found:#?}"
    );
}

#[test]
fn split_quotation_has_one_speaker_002_35() {
    let (_, found) = findings("002_");
    assert!(found.iter().all(|(l, _)| *l != 35), "{found:#?}");
}

#[test]
fn multi_paragraph_quotations_are_not_carry_overs() {
    let chains: [(&str, &[(usize, usize)]); 4] = [
        ("000_", &[(8, 9), (10, 12)]),
        ("002_", &[(43, 45), (49, 53), (57, 59), (67, 71)]),
        ("003_", &[(18, 20)]),
        ("004_", &[(14, 16), (25, 27), (49, 52), (60, 62), (68, 72)]),
    ];
    for (prefix, ranges) in chains {
        let (_, found) = findings(prefix);
        for &(a, b) in ranges {
            for line in a..=b {
                assert!(
                    on_line(&found, "quote-speaker-carried-over", line).is_empty(),
                    "{prefix}{line}: {found:#?}"
                );
            }
        }
    }
}

/// Editor item, decided silent: “The MP went on:” follows the anonymous MP's
/// own quotation with no other MP named in between, so adjacency resolves it.
#[test]
fn the_mp_went_on_after_the_anonymous_mps_quotation_is_not_ambiguous_002_61() {
    let (_, found) = findings("002_");
    assert!(
        on_line(&found, "ambiguous-speaker", 61).is_empty(),
        "{found:#?}"
    );
}

/// No noise: on the five seeds the speaker rules report the two flagged items
/// and nothing else.
#[test]
fn speaker_rules_report_only_the_flagged_seed_items() {
    let mut all = Vec::new();
    for prefix in ["000_", "001_", "002_", "003_", "004_"] {
        let (_, found) = findings(prefix);
        all.extend(found.into_iter().map(|(l, f)| (prefix, l, f.rule)));
    }
    assert_eq!(
        all,
        vec![
            ("003_", 22, "garbled-attribution-clause".to_string()),
            ("004_", 35, "quote-speaker-carried-over".to_string()),
        ]
    );
}
