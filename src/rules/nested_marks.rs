//! A quotation inside a quotation in the same kind of marks.
//!
//! # What it checks
//! A quotation inside another whose opening mark is of the same family as the
//! enclosing one's (double in double, single in single), which also catches a
//! third level that does not alternate back. Curly double marks nested in curly
//! double marks are found even where the pairing cannot untangle them (“They
//! called it “a betrayal” on the night.”); straight double marks nested in
//! straight ones are reported as ambiguous rather than paired by guesswork.
//! Also a quotation nested deeper than `max_levels`.
//!
//! # Why an editor cares
//! Every guide alternates the marks; same-kind nesting leaves the reader (and
//! every tool) unsure where the inner quotation ends and the outer resumes.
//!
//! # Options
//! `max_levels`: the deepest nesting accepted (default 3).

use super::marks_util::{Family, family};
use super::{Check, Context, Hit};
use crate::span::Span;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NestedMarks {
    #[serde(default = "three")]
    pub max_levels: usize,
}

fn three() -> usize {
    3
}

impl Default for NestedMarks {
    fn default() -> Self {
        NestedMarks { max_levels: 3 }
    }
}

impl Check for NestedMarks {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let quotes = &cx.article.quotes;
        let mut reported: Vec<usize> = Vec::new();
        for (i, q) in quotes.iter().enumerate() {
            if q.depth == 0 {
                continue;
            }
            let Some(open) = q.open else { continue };
            let parent = quotes[..i]
                .iter()
                .rev()
                .find(|p| p.depth + 1 == q.depth && p.open.is_some_and(|o| o.start < open.start));
            let Some(parent) = parent else { continue };
            let (Some(pf), Some(qf)) = (family(cx, parent), family(cx, q)) else {
                continue;
            };
            if q.depth + 1 > self.max_levels {
                out.push(
                    Hit::at(open)
                        .var(
                            "what",
                            format!("a quotation nested {} levels deep", q.depth + 1),
                        )
                        .var(
                            "remedy",
                            format!(
                                "no more than {} levels, with an outer one paraphrased",
                                self.max_levels
                            ),
                        )
                        .label(open, "opens here"),
                );
                reported.push(open.start);
            } else if pf == qf {
                let outer = parent.open.unwrap_or(open);
                out.push(
                    Hit::at(open)
                        .var(
                            "what",
                            format!("{} marks inside {} marks", qf.name(), pf.name()),
                        )
                        .var("remedy", alternate(other(qf)))
                        .label(outer, "the outer quotation opens here")
                        .label(open, "the inner one opens with the same kind of mark"),
                );
                reported.push(open.start);
            }
        }
        for p in &cx.article.paragraphs {
            for (outer, inner, straight) in same_kind_runs(cx.source, p.span) {
                if reported.contains(&inner.start) {
                    continue;
                }
                let what = if straight {
                    "straight double marks inside straight double marks (the pairing is ambiguous)"
                } else {
                    "double marks inside double marks"
                };
                out.push(
                    Hit::at(inner)
                        .var("what", what)
                        .var("remedy", alternate("single"))
                        .label(outer, "the outer quotation opens here")
                        .label(inner, "the inner one opens with the same kind of mark"),
                );
            }
        }
    }
}

fn alternate(inner: &str) -> String {
    format!("{inner} marks for the inner quotation")
}

fn other(f: Family) -> &'static str {
    match f {
        Family::Double => "single",
        Family::Single => "double",
    }
}

/// Double marks opening twice and closing twice in one paragraph (“ “ ” ” or, for
/// straight marks, four marks standing as opener, opener, closer, closer): the
/// outer and inner opening marks.
fn same_kind_runs(source: &str, para: Span) -> Vec<(Span, Span, bool)> {
    let text = para.slice(source);
    let mut out = Vec::new();
    // Curly: a stack of opening marks.
    let mut stack: Vec<usize> = Vec::new();
    let mut pending: Option<(usize, usize)> = None;
    for (i, c) in text.char_indices() {
        match c {
            '“' => {
                if let Some(&o) = stack.last()
                    && stack.len() == 1
                {
                    pending = Some((o, i));
                }
                stack.push(i);
            }
            '”' => {
                stack.pop();
                if stack.is_empty()
                    && let Some((o, n)) = pending.take()
                {
                    let at = |x: usize| Span::new(para.start + x, para.start + x + 3);
                    out.push((at(o), at(n), false));
                }
            }
            _ => {}
        }
    }
    // Straight: by the context of each mark.
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut roles = Vec::new();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if c != '"' {
            continue;
        }
        let prev = k.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(k + 1).map(|x| x.1);
        let opener = prev.is_none_or(|p| p.is_whitespace() || "([—–-".contains(p))
            && next.is_some_and(|n| !n.is_whitespace());
        let closer = prev.is_some_and(|p| !p.is_whitespace())
            && next.is_none_or(|n| n.is_whitespace() || ".,;:!?)—–-".contains(n));
        roles.push((i, opener, closer));
    }
    if roles.len() == 4
        && roles[0].1
        && roles[1].1
        && !roles[1].2
        && roles[2].2
        && !roles[2].1
        && roles[3].2
    {
        let at = |x: usize| Span::new(para.start + x, para.start + x + 1);
        out.push((at(roles[0].0), at(roles[1].0), true));
    }
    out
}
