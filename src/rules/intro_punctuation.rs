//! A full-sentence quotation introduced with the mark the house does not use.
//!
//! # What it checks
//! A direct quotation starting with a capital, after its tag (Lansman said, “We’ve
//! got …”), introduced with a comma where the house wants a colon, or a colon where
//! it wants a comma (`house.intro`; `any`, the default, is silent). Only a tag in
//! the same sentence counts: the cue (and whatever follows it, up to eight words:
//! “said on Thursday night,”) stands between the sentence start and the mark.
//!
//! # Why an editor cares
//! Reuters introduces quotations with a colon, AP and US teaching with a comma.
//! Either is correct; one article, or one desk, uses one.
//!
//! # Options
//! None: the house's `intro` decides.

use super::marks_util::{first_char, prev_char, tag_follows_quote};
use super::{Check, Context, Hit};
use crate::model::QuoteKind;
use crate::rules::house::Intro;
use crate::span::Span;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IntroPunctuation {}

impl Check for IntroPunctuation {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let (want, wrong) = match cx.house.intro {
            Intro::Colon => ("colon", ','),
            Intro::Comma => ("comma", ':'),
            Intro::Any => return,
        };
        for q in &cx.article.quotes {
            if q.kind != QuoteKind::Direct || q.depth > 0 || q.continues.is_some() {
                continue;
            }
            let (Some(open), Some(cue)) = (q.open, q.cue.as_ref()) else {
                continue;
            };
            if !first_char(cx, q).is_some_and(char::is_uppercase) || cue.span.end > open.start {
                continue;
            }
            let Some((at, c)) = prev_char(cx.source, open.start) else {
                continue;
            };
            if c != wrong || at < cue.span.end {
                continue;
            }
            let between = &cx.source[cue.span.end..at];
            if between.contains(['.', '?', '!', '\n', '“', '”', '"'])
                || between.split_whitespace().count() > 8
            {
                continue;
            }
            // A tag after one quotation, going on to the next, introduces nothing.
            if let Some(para) = cx.article.paragraphs.get(q.paragraph)
                && tag_follows_quote(cx, para.span.start, cue.span.start)
            {
                continue;
            }
            let mark = Span::new(at, at + 1);
            let found = if c == ',' { "comma" } else { "colon" };
            out.push(
                Hit::at(mark)
                    .var("found", found)
                    .var("want", want)
                    .var("fix", if want == "colon" { ":" } else { "," })
                    .label(mark, found)
                    .label(cue.span, "the tag"),
            );
        }
    }
}
