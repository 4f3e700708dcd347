//! `quotecheck rules` and `quotecheck explain RULE`.

use crate::rules::{Rule, RuleSet};
use std::fmt::Write;

/// One line a rule: id, kind, severity, tier, on or off.
pub fn list(rules: &RuleSet) -> String {
    let mut out = String::new();
    let w = rules.rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
    let k = rules.rules.iter().map(|r| r.kind.len()).max().unwrap_or(0);
    for r in &rules.rules {
        let _ = writeln!(
            out,
            "{:<w$}  {:<k$}  {:<7}  {:<8}  {}",
            r.id,
            r.kind,
            r.severity.as_str(),
            r.tier.as_str(),
            if r.enabled { "on" } else { "off" }
        );
    }
    out
}

/// A rule's documentation and examples.
pub fn explain(r: &Rule) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}, {}, {})",
        r.id,
        r.severity.as_str(),
        r.tier.as_str(),
        if r.enabled { "on" } else { "off" }
    );
    let _ = writeln!(out, "kind: {}; from {}\n", r.kind, r.origin);
    let _ = writeln!(out, "What it checks\n  {}\n", r.doc.checks);
    let _ = writeln!(out, "Why an editor cares\n  {}\n", r.doc.why);
    let _ = writeln!(out, "Remedy\n  {}\n", r.help);
    for (label, flagged) in [("Flagged", true), ("Clean", false)] {
        let ex: Vec<_> = r.examples.iter().filter(|e| e.flagged == flagged).collect();
        if ex.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{label}");
        for e in ex {
            for line in e.text.trim_end().lines() {
                let _ = writeln!(out, "  | {line}");
            }
            out.push('\n');
        }
    }
    out
}
