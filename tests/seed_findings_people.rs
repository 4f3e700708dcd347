//! The "Names and honorifics" items of `../shared/gold/seeds/FINDINGS.md`, checked
//! by running the shipped rules (default house) over `seeds/`: a **flag** item
//! must get a finding of the rule on its line, a **silent** item none.

use quotecheck::finding::Finding;
use quotecheck::markup::Format;
use quotecheck::rules::house::House;
use quotecheck::rules::load_rules;
use quotecheck::{Extracted, check_files};
use std::collections::BTreeMap;

const E1: &str = "first-reference-incomplete";
const E2: &str = "inconsistent-second-reference";

/// The findings of all rules on one seed file, with each finding's 1-based line.
fn findings(prefix: &str) -> (Vec<(usize, Finding)>, String) {
    let rules = load_rules(&[], &BTreeMap::new()).unwrap_or_else(|e| panic!("{e:?}"));
    let path = std::fs::read_dir("seeds")
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}"));
    let text = std::fs::read_to_string(&path).unwrap();
    let file = Extracted {
        path: path.display().to_string(),
        source: text.clone(),
        article: quotecheck::extract_text(&text, Format::Text),
    };
    let found = check_files(&[file], &rules, &House::default(), &[]);
    let lined = found
        .into_iter()
        .map(|f| (text[..f.span.start].matches('\n').count() + 1, f))
        .collect();
    (lined, text)
}

fn on_line<'a>(fs: &'a [(usize, Finding)], rule: &str, line: usize) -> Vec<&'a Finding> {
    fs.iter()
        .filter(|(l, f)| *l == line && f.rule == rule)
        .map(|(_, f)| f)
        .collect()
}

fn of_rule<'a>(fs: &'a [(usize, Finding)], rule: &str) -> Vec<(usize, &'a str)> {
    fs.iter()
        .filter(|(_, f)| f.rule == rule)
        .map(|(l, f)| (*l, f.message.as_str()))
        .collect()
}

#[test]
fn corbyn_never_named_in_full_is_flagged_001() {
    let (fs, _) = findings("001");
    let hits = on_line(&fs, E1, 5);
    assert_eq!(hits.len(), 1, "{:?}", of_rule(&fs, E1));
    assert!(hits[0].message.contains("“Corbyn”"), "{}", hits[0].message);
}

#[test]
fn lansman_with_and_without_mr_is_flagged_003() {
    let (fs, _) = findings("003");
    let hits = on_line(&fs, E2, 18);
    assert_eq!(hits.len(), 1, "{:?}", of_rule(&fs, E2));
    assert!(
        hits[0].message.contains("Mr Lansman"),
        "{}",
        hits[0].message
    );
    // Ms Formby is consistent: nothing on 12 or 16.
    assert!(on_line(&fs, E2, 12).is_empty() && on_line(&fs, E2, 16).is_empty());
}

#[test]
fn full_names_first_and_names_inside_quotations_are_silent_000() {
    let (fs, _) = findings("000");
    assert!(of_rule(&fs, E1).is_empty(), "{:?}", of_rule(&fs, E1));
    assert!(of_rule(&fs, E2).is_empty(), "{:?}", of_rule(&fs, E2));
}

#[test]
fn headline_surname_before_the_full_name_is_silent_001() {
    let (fs, _) = findings("001");
    assert!(on_line(&fs, E1, 1).is_empty(), "{:?}", of_rule(&fs, E1));
    // Lansman / Jon Lansman alternate without honorifics: not E2's business.
    assert!(of_rule(&fs, E2).is_empty(), "{:?}", of_rule(&fs, E2));
}

#[test]
fn full_name_then_mr_and_a_surname_inside_a_quotation_are_silent_002() {
    let (fs, _) = findings("002");
    assert!(of_rule(&fs, E2).is_empty(), "{:?}", of_rule(&fs, E2));
    assert!(on_line(&fs, E2, 51).is_empty());
    // "Jeremy Corbyn-backing" (11) introduces Mr Corbyn (21, 41).
    assert!(of_rule(&fs, E1).is_empty(), "{:?}", of_rule(&fs, E1));
}

#[test]
fn headline_surname_and_a_titled_speaker_are_silent_003() {
    let (fs, _) = findings("003");
    assert!(on_line(&fs, E1, 1).is_empty(), "{:?}", of_rule(&fs, E1));
    // "Shadow business secretary Rebecca Long-Bailey said": the role is there.
    assert!(on_line(&fs, E1, 24).is_empty(), "{:?}", of_rule(&fs, E1));
    assert!(of_rule(&fs, E1).is_empty(), "{:?}", of_rule(&fs, E1));
}

#[test]
fn captions_before_the_full_name_and_given_names_in_quotations_are_silent_004() {
    let (fs, _) = findings("004");
    for line in [3, 8, 10, 12, 14, 22, 43, 68] {
        assert!(on_line(&fs, E1, line).is_empty(), "E1 on {line}");
        assert!(on_line(&fs, E2, line).is_empty(), "E2 on {line}");
    }
    assert!(of_rule(&fs, E1).is_empty(), "{:?}", of_rule(&fs, E1));
    assert!(of_rule(&fs, E2).is_empty(), "{:?}", of_rule(&fs, E2));
}
