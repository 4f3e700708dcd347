//! Square brackets inside quoted words: the editor's hand in a quotation.
//!
//! # What it checks
//! Square brackets inside a quotation: an insertion or substitution
//! ("John [McDonnell]’s"), a "[sic]", or a bracketed omission "[...]". The
//! message names the words in brackets. Markdown links (`[text](url)`) are not
//! brackets of the quotation.
//!
//! # Why an editor cares
//! Quotation marks promise the speaker's words. Houses differ on how far an editor
//! may change them: Reuters allows deletions only, AP no alteration at all,
//! Wikipedia bracketed changes and [sic]. Where brackets are allowed the finding is
//! a prompt to check the sense survived (info); where the house forbids them it is
//! a warning.
//!
//! # Options
//! `allow_insertions`, `allow_sic`, `allow_bracketed_ellipsis` (booleans,
//! default true): a kind of bracket the rule file or house does not allow is
//! reported one step higher (warning). The house key `alterations`
//! (`allowed`, `deletions-only`, `forbidden`) applies on top.

use super::house::Alterations;
use super::{Check, Context, Hit};
use crate::model::Zone;
use crate::span::Span;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BracketedAlteration {
    #[serde(default = "yes")]
    pub allow_insertions: bool,
    #[serde(default = "yes")]
    pub allow_sic: bool,
    #[serde(default = "yes")]
    pub allow_bracketed_ellipsis: bool,
}

fn yes() -> bool {
    true
}

impl Default for BracketedAlteration {
    fn default() -> Self {
        BracketedAlteration {
            allow_insertions: true,
            allow_sic: true,
            allow_bracketed_ellipsis: true,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Bracket {
    Insertion,
    Sic,
    Omission,
}

fn classify(inner: &str) -> Bracket {
    let t = inner.trim();
    if t.eq_ignore_ascii_case("sic") || t.eq_ignore_ascii_case("sic!") {
        Bracket::Sic
    } else if !t.is_empty() && t.chars().all(|c| c == '.' || c == '…' || c == ' ') {
        Bracket::Omission
    } else {
        Bracket::Insertion
    }
}

/// The bracketed stretches inside `span` of `source`: (span of "[...]", inner text).
fn brackets(source: &str, span: Span) -> Vec<(Span, &str)> {
    let text = span.slice(source);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(o) = text[from..].find('[') {
        let open = from + o;
        let Some(c) = text[open..].find(']') else {
            break;
        };
        let close = open + c;
        let inner = &text[open + 1..close];
        from = close + 1;
        // A nested "[" or a Markdown link "[text](url)" is not an alteration.
        if inner.contains('[') || text[close + 1..].starts_with('(') {
            continue;
        }
        out.push((Span::new(span.start + open, span.start + close + 1), inner));
    }
    out
}

impl Check for BracketedAlteration {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let house = cx.house.alterations;
        for q in &cx.article.quotes {
            if q.depth != 0 || q.zone == Zone::Boilerplate {
                continue;
            }
            for (span, inner) in brackets(cx.source, q.span) {
                let kind = classify(inner);
                let (what, allowed) = match kind {
                    Bracket::Insertion => (
                        format!(
                            "the editor’s words “{}” are inserted in the quotation",
                            super::fold(inner, 40)
                        ),
                        self.allow_insertions && house == Alterations::Allowed,
                    ),
                    Bracket::Sic => (
                        "“[sic]” marks an error kept in the quotation".to_string(),
                        self.allow_sic && house == Alterations::Allowed,
                    ),
                    Bracket::Omission => (
                        format!(
                            "a bracketed omission “[{}]” cuts the quotation",
                            inner.trim()
                        ),
                        self.allow_bracketed_ellipsis && house != Alterations::Forbidden,
                    ),
                };
                let remedy = if allowed {
                    "check the bracketed words keep the speaker’s sense"
                } else {
                    "the house style does not allow this change to quoted words: paraphrase outside the quotation marks instead"
                };
                let mut hit = Hit::at(span)
                    .var("what", what)
                    .var("remedy", remedy)
                    .label(q.span, "the quotation");
                hit.raise = !allowed;
                out.push(hit);
            }
        }
    }
}
