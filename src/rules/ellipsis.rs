//! Omission marks inside quoted words.
//!
//! # What it checks
//! An ellipsis inside a quotation written in a form other than the house's
//! (`ellipsis` house key: `spaced-dots` " ... ", `dots` "...", `character` "…";
//! `any` accepts all): a warning. And, as info, an ellipsis at the very start or
//! end of a quotation, or one that cuts just before a qualifier ("but",
//! "unless"), where an omission can change the sense.
//!
//! # Why an editor cares
//! Reuters prescribes the spaced form; Wikipedia and the EU guide have their own
//! conventions; AP warns that an omission before a qualifier can misquote by
//! leaving the qualifier's sense out.
//!
//! # Options
//! `flag_edges` (default true): report omissions at the start or end of a
//! quotation; `qualifiers`: the words after an omission that are reported.

use super::house::Ellipsis as Form;
use super::{Check, Context, Hit};
use crate::model::Zone;
use crate::span::Span;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ellipsis {
    #[serde(default = "yes")]
    pub flag_edges: bool,
    #[serde(default = "default_qualifiers")]
    pub qualifiers: Vec<String>,
}

fn yes() -> bool {
    true
}

fn default_qualifiers() -> Vec<String> {
    [
        "but", "unless", "except", "although", "though", "however", "if", "only",
    ]
    .map(String::from)
    .to_vec()
}

impl Default for Ellipsis {
    fn default() -> Self {
        Ellipsis {
            flag_edges: true,
            qualifiers: default_qualifiers(),
        }
    }
}

/// Each omission mark in `span`: its span and form. A bracketed "[...]" is left
/// to bracketed-alteration.
fn marks(source: &str, span: Span) -> Vec<(Span, Form)> {
    let text = span.slice(source);
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let (len, dots) = if text[i..].starts_with('…') {
            ('…'.len_utf8(), false)
        } else if text[i..].starts_with("...") {
            (text[i..].bytes().take_while(|&c| c == b'.').count(), true)
        } else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let end = i + len;
        let bracketed = i > 0 && b[i - 1] == b'[' && b.get(end) == Some(&b']');
        if !bracketed {
            let form = if !dots {
                Form::Character
            } else {
                let before = text[..i].chars().next_back();
                let after = text[end..].chars().next();
                let open = |c: Option<char>| c.is_none_or(|c| c.is_whitespace());
                if open(before) && open(after) {
                    Form::SpacedDots
                } else {
                    Form::Dots
                }
            };
            out.push((Span::new(span.start + i, span.start + end), form));
        }
        i = end;
    }
    out
}

fn describe(form: Form) -> &'static str {
    match form {
        Form::SpacedDots => "spaced dots “ ... ”",
        Form::Dots => "dots against the words “...”",
        Form::Character => "the single character “…”",
        Form::Any => "any form",
    }
}

impl Check for Ellipsis {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let house = cx.house.ellipsis;
        for q in &cx.article.quotes {
            if q.depth != 0 || q.zone == Zone::Boilerplate {
                continue;
            }
            let text = q.span.slice(cx.source);
            for (m, form) in marks(cx.source, q.span) {
                let quote = cx.quote_text(q);
                if house != Form::Any && form != house {
                    let mut hit = Hit::at(m)
                        .var(
                            "problem",
                            format!(
                                "omission written as {}; the house form is {}",
                                describe(form),
                                describe(house)
                            ),
                        )
                        .var("quote", quote)
                        .var(
                            "remedy",
                            format!("write the omission as {}", describe(house)),
                        )
                        .label(q.span, "the quotation");
                    hit.raise = true;
                    out.push(hit);
                    continue;
                }
                let head = text[..m.start - q.span.start]
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .is_empty();
                let tail = text[m.end - q.span.start..]
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .is_empty();
                let next = text[m.end - q.span.start..]
                    .split_whitespace()
                    .next()
                    .map(super::fidelity_util::fold_word)
                    .unwrap_or_default();
                let problem = if self.flag_edges && head {
                    "the quotation starts with an omission".to_string()
                } else if self.flag_edges && tail {
                    "the quotation ends with an omission".to_string()
                } else if self.qualifiers.contains(&next) {
                    format!("an omission just before “{next}”")
                } else {
                    continue;
                };
                out.push(
                    Hit::at(m)
                        .var("problem", problem)
                        .var("quote", quote)
                        .var(
                            "remedy",
                            "check against the source that the words left out do not change the sense (a qualifier, a condition, a denial)",
                        )
                        .label(q.span, "the quotation"),
                );
            }
        }
    }
}
