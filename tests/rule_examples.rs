//! Every rule file's own examples run as tests: adding a rule file adds its
//! tests. A flagged example must give at least one finding of that rule, a clean
//! one none.

use quotecheck::rules::load_rules;
use std::collections::BTreeMap;

#[test]
fn every_shipped_rule_flags_its_flagged_examples_and_only_those() {
    let rules = load_rules(&[], &BTreeMap::new()).unwrap_or_else(|e| panic!("{e:?}"));
    let mut failures = Vec::new();
    for rule in &rules.rules {
        assert!(
            rule.examples.iter().any(|e| e.flagged) && rule.examples.iter().any(|e| !e.flagged),
            "rule {} needs a flagged and a clean example",
            rule.id
        );
        assert!(
            !rule.doc.checks.is_empty() && !rule.doc.why.is_empty(),
            "rule {} is undocumented",
            rule.id
        );
        for ex in &rule.examples {
            let house = ex
                .house()
                .unwrap_or_else(|| panic!("rule {}: unknown preset {:?}", rule.id, ex.preset));
            let (_, found) = rule.run_example("example.txt", ex, &house);
            if found.is_empty() == ex.flagged {
                failures.push(format!(
                    "{}: expected {} on {:?}, got {:?}",
                    rule.id,
                    if ex.flagged { "a finding" } else { "none" },
                    ex.text,
                    found.iter().map(|f| &f.message).collect::<Vec<_>>()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
