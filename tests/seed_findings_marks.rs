//! The quotation-mark items of ../shared/gold/seeds/FINDINGS.md (catalogue section
//! A): each `flag` item gets a finding of the named rule on its line, each `silent`
//! item none.

use quotecheck::markup::Format;
use quotecheck::rules::house::House;
use quotecheck::rules::{Context, load_rules};
use std::collections::BTreeMap;

/// The lines (1-based) of the findings of `rule` on `seeds/<file>*`, under `preset`.
fn lines(file: &str, rule: &str, preset: &str) -> Vec<usize> {
    let rules = load_rules(&[], &BTreeMap::new()).unwrap_or_else(|e| panic!("{e:?}"));
    let rule = rules.get(rule).unwrap_or_else(|| panic!("no rule {rule}"));
    let path = std::fs::read_dir("seeds")
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(file))
        .unwrap();
    let source = std::fs::read_to_string(path).unwrap();
    let article = quotecheck::extract_text(&source, Format::Text);
    let house = House::preset(preset).unwrap();
    let cx = Context::new(file, &source, &article, &house);
    let mut found = Vec::new();
    rule.run(&cx, &mut found);
    found
        .iter()
        .map(|f| source[..f.span.start].matches('\n').count() + 1)
        .collect()
}

fn flags(file: &str, rule: &str, line: usize) {
    let got = lines(file, rule, "default");
    assert!(
        got.contains(&line),
        "{rule} on {file}:{line}: got lines {got:?}"
    );
}

fn silent(file: &str, rule: &str, line: usize) {
    let got = lines(file, rule, "default");
    assert!(
        !got.contains(&line),
        "{rule} on {file}:{line}: got lines {got:?}"
    );
}

const ALL: [&str; 6] = [
    "mixed-quote-glyphs",
    "primary-quote-marks",
    "nested-quote-marks",
    "quote-punctuation-placement",
    "attribution-tag-punctuation",
    "quote-introduction-punctuation",
];

#[test]
fn single_curly_marks_among_doubles_000_13() {
    flags("000", "primary-quote-marks", 13);
}

#[test]
fn single_curly_democracy_review_among_doubles_002_55() {
    flags("002", "primary-quote-marks", 55);
}

#[test]
fn straight_single_standfirst_against_curly_body_002_3() {
    // Single marks in display text are the default house's choice to make
    // (`headline_primary = "any"`); the straight glyphs against a curly body are not.
    flags("002", "mixed-quote-glyphs", 3);
    silent("002", "primary-quote-marks", 3);
}

#[test]
fn straight_single_marks_in_page_furniture_004_76() {
    flags("004", "mixed-quote-glyphs", 76);
}

#[test]
fn straight_apostrophe_in_a_curly_body_004_14() {
    flags("004", "mixed-quote-glyphs", 14);
}

#[test]
fn straight_apostrophes_in_captions_004_10() {
    flags("004", "mixed-quote-glyphs", 10);
}

#[test]
fn one_finding_per_zone_not_per_apostrophe_004() {
    let got = lines("004", "mixed-quote-glyphs", "default");
    // Captions, body, page furniture: one each.
    assert_eq!(got, vec![10, 14, 76], "{got:?}");
}

#[test]
fn that_then_a_capital_004_43() {
    flags("004", "attribution-tag-punctuation", 43);
}

#[test]
fn reported_speech_running_into_direct_speech_004_25() {
    flags("004", "attribution-tag-punctuation", 25);
}

#[test]
fn split_quotation_is_punctuated_right_002_35() {
    for rule in ALL {
        silent("002", rule, 35);
    }
}

#[test]
fn partials_closing_before_the_full_stop_001() {
    for line in [5, 11, 13, 15] {
        for rule in ALL {
            silent("001", rule, line);
        }
    }
}

#[test]
fn nothing_in_001_and_003_double_curly_throughout() {
    for file in ["001", "003"] {
        for rule in ALL {
            assert!(lines(file, rule, "default").is_empty(), "{rule} on {file}");
        }
    }
}

#[test]
fn comma_introductions_are_004_house_style() {
    for line in [14, 22, 35, 37, 45, 49, 60, 68] {
        for rule in ALL {
            // 004:14 has a straight apostrophe in "Corbyn's" (flagged above).
            if !(line == 14 && rule == "mixed-quote-glyphs") {
                silent("004", rule, line);
            }
        }
    }
}

#[test]
fn reuters_house_notes_comma_introductions_004() {
    let got = lines("004", "quote-introduction-punctuation", "reuters");
    for line in [14, 22, 35, 37, 45, 49, 60, 68] {
        assert!(got.contains(&line), "{line}: {got:?}");
    }
    assert!(lines("000", "quote-introduction-punctuation", "reuters").is_empty());
}

#[test]
fn apostrophes_are_not_quotation_marks() {
    // 000:11 we’ve, 000:13 Corbyn’s after ‘no chance’, 002:53 [McDonnell]’s.
    silent("000", "mixed-quote-glyphs", 11);
    silent("000", "mixed-quote-glyphs", 13);
    silent("002", "mixed-quote-glyphs", 53);
    for rule in [
        "primary-quote-marks",
        "nested-quote-marks",
        "attribution-tag-punctuation",
    ] {
        silent("000", rule, 11);
        silent("002", rule, 53);
    }
}

#[test]
fn multi_paragraph_quotations_are_left_alone() {
    for (file, lines_) in [
        ("000", &[8, 9, 10, 11, 12][..]),
        ("002", &[43, 45, 49, 51, 53, 57, 59, 67, 69, 71][..]),
        ("004", &[14, 16, 27, 49, 52, 60, 62, 68, 70, 72][..]),
    ] {
        for &line in lines_ {
            for rule in ALL {
                if !(file == "004" && line == 14 && rule == "mixed-quote-glyphs") {
                    silent(file, rule, line);
                }
            }
        }
    }
}
