//! Articles that rest on anonymous sources.
//!
//! # What it checks
//! An article with at least `min_quotes` quotations (a multi-paragraph
//! quotation counts once) in which more than `max_share` come from confidential
//! anonymous sources (see `anonymous-source`), or in which every quotation comes
//! from one anonymous source.
//!
//! # Why an editor cares
//! The BBC is reluctant to rely on a single source; Guardian readers complain of
//! copy “peppered” with anonymous quotes.
//!
//! # Options
//! `max_share` (default 0.5); `min_quotes` (default 3).

use super::anonymity_util::{Class, sources};
use super::{Check, Context, Hit};
use crate::model::{QuoteKind, Zone};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnonymousShare {
    #[serde(default = "half")]
    pub max_share: f64,
    #[serde(default = "three")]
    pub min_quotes: usize,
}

fn half() -> f64 {
    0.5
}

fn three() -> usize {
    3
}

impl Default for AnonymousShare {
    fn default() -> Self {
        AnonymousShare {
            max_share: 0.5,
            min_quotes: 3,
        }
    }
}

impl Check for AnonymousShare {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let a = cx.article;
        let counted: Vec<usize> = a
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| {
                q.depth == 0
                    && matches!(q.zone, Zone::Body | Zone::Standfirst)
                    && q.continues.is_none()
                    && q.speaker.is_some()
                    && matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial)
            })
            .map(|(i, _)| i)
            .collect();
        if counted.len() < self.min_quotes {
            return;
        }
        let anon: Vec<_> = sources(cx)
            .iter()
            .filter(|s| s.class == Class::Confidential && !s.quotes.is_empty())
            .collect();
        let anon_quotes: std::collections::HashSet<usize> =
            anon.iter().flat_map(|s| s.quotes.iter().copied()).collect();
        let n_anon = counted.iter().filter(|i| anon_quotes.contains(i)).count();
        let single = anon.len() == 1 && n_anon == counted.len();
        #[allow(clippy::cast_precision_loss)]
        let share = n_anon as f64 / counted.len() as f64;
        if n_anon == 0 || !(single || share > self.max_share) {
            return;
        }
        let Some(first) = anon.first() else { return };
        let mut hit = Hit::at(first.anchor())
            .var("anonymous", n_anon.to_string())
            .var("total", counted.len().to_string())
            .var(
                "sources",
                if single {
                    "all from one anonymous source".to_string()
                } else {
                    format!("{} anonymous sources", anon.len())
                },
            );
        for s in &anon {
            hit = hit.label(s.mention, "anonymous source");
        }
        out.push(hit);
    }
}
