//! What an editor sees, rule by rule: each rule's flagged and clean examples
//! rendered as the terminal shows them (no colour, 80 columns), and the whole
//! report on the seed articles, so noise shows in review.

use quotecheck::markup::Format;
use quotecheck::render::findings::{Report, Style, github, human, json, sarif, short};
use quotecheck::rules::house::House;
use quotecheck::rules::{RuleSet, load_rules};
use quotecheck::{Extracted, check_files};
use std::collections::BTreeMap;

const STYLE: Style = Style {
    colour: false,
    width: 80,
};

fn rules() -> RuleSet {
    load_rules(&[], &BTreeMap::new()).unwrap_or_else(|e| panic!("{e:?}"))
}

fn extracted(path: &str, text: &str, format: Format) -> Extracted {
    Extracted {
        path: path.to_string(),
        source: text.to_string(),
        article: quotecheck::extract_text(text, format),
    }
}

#[test]
fn each_rule_on_its_examples() {
    let rules = rules();
    for rule in &rules.rules {
        let mut out = String::new();
        for (n, ex) in rule.examples.iter().enumerate() {
            let house = ex.house().expect("a known preset");
            let name = format!(
                "{}-{}.{}",
                if ex.flagged { "flagged" } else { "clean" },
                n + 1,
                if ex.markdown { "md" } else { "txt" }
            );
            let (files, findings) = rule.run_example(&name, ex, &house);
            let report = Report {
                files: &files,
                findings: &findings,
            };
            out.push_str(&format!("=== {name}\n"));
            out.push_str(&human(&report, STYLE));
        }
        insta::assert_snapshot!(rule.id.clone(), out);
    }
}

fn seeds() -> Vec<Extracted> {
    let mut paths: Vec<_> = std::fs::read_dir("seeds")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            extracted(
                &format!("seeds/{}", p.file_name().unwrap().to_string_lossy()),
                &text,
                Format::Text,
            )
        })
        .collect()
}

#[test]
fn whole_report_on_the_seeds() {
    let rules = rules();
    let files = seeds();
    let findings = check_files(&files, &rules, &House::default(), &[]);
    let report = Report {
        files: &files,
        findings: &findings,
    };
    insta::assert_snapshot!("seeds-human", human(&report, STYLE));
    insta::assert_snapshot!("seeds-short", short(&report));
}

#[test]
fn each_output_format_on_one_fixture() {
    let rules = rules();
    let text = "Council row\n\nThe council now claims that the plan is sound.\n“It will never work,” she smiled.\nLater, somebody wrote: “Nobody asked us.\n";
    let files = [extracted("fixture.txt", text, Format::Text)];
    let findings = check_files(&files, &rules, &House::default(), &[]);
    assert!(findings.len() >= 2, "{findings:?}");
    let report = Report {
        files: &files,
        findings: &findings,
    };
    insta::assert_snapshot!("format-human", human(&report, STYLE));
    insta::assert_snapshot!("format-short", short(&report));
    insta::assert_snapshot!("format-json", json(&report));
    insta::assert_snapshot!("format-sarif", sarif(&report, &rules));
    insta::assert_snapshot!("format-github", github(&report));
}

#[test]
fn json_output_follows_the_findings_contract() {
    let rules = rules();
    let text = "The council now claims that the plan is sound, and “it will fail”.\n";
    let files = [extracted("a.txt", text, Format::Text)];
    let findings = check_files(&files, &rules, &House::default(), &[]);
    let report = Report {
        files: &files,
        findings: &findings,
    };
    let v: serde_json::Value = serde_json::from_str(&json(&report)).unwrap();
    assert_eq!(v["version"], 1);
    let fs = v["findings"].as_array().unwrap();
    assert!(!fs.is_empty());
    for f in fs {
        for key in ["rule", "severity", "path", "message", "help"] {
            assert!(f[key].is_string(), "{key} in {f}");
        }
        let (s, e) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        assert!(s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e));
        assert!(f["related"].is_array());
        assert!(["error", "warning", "info"].contains(&f["severity"].as_str().unwrap()));
    }
    for key in ["files", "quotes", "errors", "warnings", "infos"] {
        assert!(v["summary"][key].is_u64(), "{key}");
    }
}
