//! A comma or full stop on the wrong side of the closing mark of a fragment, for
//! the house's punctuation style.
//!
//! # What it checks
//! Partial and scare quotations (fragments inside a sentence of narrative). With
//! `house.punctuation = "logical"` (British, Wikipedia) a comma or full stop that
//! ends the sentence, not the quoted words, goes outside the mark: “no factual
//! basis whatsoever”. With `"american"` it always goes inside: “no factual basis
//! whatsoever.” With `any` (the default house) the rule is silent. Full-sentence
//! quotations keep the comma inside in both styles and are left to
//! attribution-tag-punctuation.
//!
//! # Why an editor cares
//! American practice always puts the point inside; British and logical practice
//! goes by sense. An article that follows neither looks careless, and writers
//! regularly cannot tell which is which.
//!
//! # Options
//! None: the house's `punctuation` decides.

use super::marks_util::{ABBREVIATIONS, opens_in_narrative, shown};
use super::{Check, Context, Hit};
use crate::model::QuoteKind;
use crate::rules::house::Punctuation;
use crate::span::Span;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PunctuationPlacement {}

fn name(c: char) -> &'static str {
    if c == ',' { "comma" } else { "full stop" }
}

impl Check for PunctuationPlacement {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let style = cx.house.punctuation;
        if style == Punctuation::Any {
            return;
        }
        for q in &cx.article.quotes {
            if !matches!(q.kind, QuoteKind::Partial | QuoteKind::Scare) || q.depth > 0 {
                continue;
            }
            let Some(close) = q.close else { continue };
            let (Some(open), Some(para)) = (q.open, cx.article.paragraphs.get(q.paragraph)) else {
                continue;
            };
            // A resumed sentence ("he said, “older people …”") or a sentence of
            // its own owns its full stop in both styles.
            if !opens_in_narrative(cx, para.span.start, open.start) {
                continue;
            }
            let words = q.span.slice(cx.source);
            let last = words.chars().last();
            let after = cx.source[close.end..].chars().next();
            match style {
                Punctuation::Logical => {
                    let Some(c) = last.filter(|c| matches!(c, '.' | ',')) else {
                        continue;
                    };
                    if c == '.' && ends_in_abbreviation(words) {
                        continue;
                    }
                    let at = Span::new(q.span.end - 1, close.end);
                    let mut hit = Hit::at(at);
                    // Move the point past the mark, unless punctuation follows.
                    if !after.is_some_and(|a| ".,;:!?…".contains(a)) {
                        hit = hit
                            .edit(Span::new(q.span.end - 1, q.span.end), "")
                            .edit(Span::new(close.end, close.end), c.to_string());
                    }
                    out.push(
                        hit.var("quote", shown(cx, q, 40))
                            .var("punct", name(c))
                            .var("side", "inside")
                            .var("style", "logical")
                            .var("fix", "outside")
                            .label(at, format!("{} inside the closing mark", name(c))),
                    );
                }
                Punctuation::American => {
                    let Some(c) = after.filter(|c| matches!(c, '.' | ',')) else {
                        continue;
                    };
                    if last.is_some_and(|l| matches!(l, '?' | '!' | '.' | ',' | '…')) {
                        continue;
                    }
                    // "…”..." is an ellipsis, not a full stop.
                    if cx.source[close.end..].starts_with("..") {
                        continue;
                    }
                    let at = Span::new(close.start, close.end + 1);
                    out.push(
                        Hit::at(at)
                            .edit(Span::new(close.start, close.start), c.to_string())
                            .edit(Span::new(close.end, close.end + 1), "")
                            .var("quote", shown(cx, q, 40))
                            .var("punct", name(c))
                            .var("side", "outside")
                            .var("style", "American")
                            .var("fix", "inside")
                            .label(at, format!("{} outside the closing mark", name(c))),
                    );
                }
                Punctuation::Any => {}
            }
        }
    }
}

/// "U.S." or "Mr." at the end of the quoted words: the point is the word's.
fn ends_in_abbreviation(words: &str) -> bool {
    let w: String = words[..words.len() - 1]
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect();
    let w: String = w.chars().rev().collect();
    w.contains('.') || ABBREVIATIONS.contains(&w.to_lowercase().as_str()) || w.chars().count() == 1
}
