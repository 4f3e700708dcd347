//! The article opens its quotations with an anonymous source.
//!
//! # What it checks
//! The first quotation of the body (direct or partial) comes from a confidential
//! anonymous source (see `anonymous-source`) and stands within the first
//! `within_paragraphs` paragraphs of the body, so the story leads on it.
//!
//! # Why an editor cares
//! The Washington Post ombudsman: an anonymous voice should not be the first a
//! reader hears; on-the-record sources first.
//!
//! # Options
//! `within_paragraphs` (default 3).

use super::anonymity_util::{Class, sources};
use super::{Check, Context, Hit};
use crate::model::{QuoteKind, Zone};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnonymousFirstQuote {
    #[serde(default = "three")]
    pub within_paragraphs: usize,
}

fn three() -> usize {
    3
}

impl Default for AnonymousFirstQuote {
    fn default() -> Self {
        AnonymousFirstQuote {
            within_paragraphs: 3,
        }
    }
}

impl Check for AnonymousFirstQuote {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let a = cx.article;
        let Some((fi, first)) = a.quotes.iter().enumerate().find(|(_, q)| {
            q.depth == 0
                && matches!(q.zone, Zone::Body | Zone::Standfirst)
                && matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial)
                && q.speaker.is_some()
        }) else {
            return;
        };
        let body_index = a
            .paragraphs
            .iter()
            .take(first.paragraph)
            .filter(|p| {
                matches!(p.zone, Zone::Body | Zone::Standfirst)
                    && !p.span.slice(cx.source).trim().is_empty()
            })
            .count();
        if body_index >= self.within_paragraphs {
            return;
        }
        let all = sources(cx);
        let Some(s) = all
            .iter()
            .find(|s| s.class == Class::Confidential && s.quotes.contains(&fi))
        else {
            return;
        };
        out.push(
            Hit::at(first.span)
                .var(
                    "descriptor",
                    s.mention.slice(cx.source).trim_end_matches(','),
                )
                .label(s.mention, "anonymous source"),
        );
    }
}
