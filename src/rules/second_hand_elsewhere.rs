//! The cross-article form of `second-hand-quote`: words another article credits
//! to an outlet, given here with no credit.
//!
//! # What it checks
//! A quotation with the same words as one that another article of the run (an
//! earlier one, when both are dated) credits to an outlet ("told The
//! Independent", "in an interview with the BBC"), given here with no outlet in its
//! cue or its paragraph. The outlet being this article's own (configured in
//! `own_outlets`, or named in its byline, masthead or page furniture) is no
//! finding: the words were first-hand here. Different speakers are
//! `quote-speaker-conflict`'s business and are left alone.
//!
//! # Why an editor cares
//! The Guardian wants quotations taken from other papers, radio or television
//! attributed to them: a reader must be able to weigh second-hand words, and an
//! interview lifted without credit is someone else's work.
//!
//! # Options
//! `min_words` (6) and `similarity` (0.9): how alike the two quotations must be;
//! `own_outlets`, `detect_own_outlet` and `outlet_words` as for
//! `second-hand-quote`.

use super::cross::{CrossCheck, CrossContext, CrossHit};
use super::second_hand::{Route, SecondHand};
use super::{Check, Context, Hit};
use crate::ledger::QuoteEntry;
use crate::span::Span;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SecondHandElsewhere {
    pub min_words: usize,
    pub similarity: f64,
    pub own_outlets: Vec<String>,
    pub detect_own_outlet: bool,
    pub outlet_words: Vec<String>,
}

impl Default for SecondHandElsewhere {
    fn default() -> Self {
        SecondHandElsewhere {
            min_words: 6,
            similarity: 0.9,
            own_outlets: Vec::new(),
            detect_own_outlet: true,
            outlet_words: Vec::new(),
        }
    }
}

impl Check for SecondHandElsewhere {
    fn check(&self, _: &Context, _: &mut Vec<Hit>) {}

    fn cross(&self) -> Option<&dyn CrossCheck> {
        Some(self)
    }
}

impl SecondHandElsewhere {
    fn base(&self) -> SecondHand {
        SecondHand {
            own_outlets: self.own_outlets.clone(),
            detect_own_outlet: self.detect_own_outlet,
            outlet_words: self.outlet_words.clone(),
            hearsay: Vec::new(),
        }
    }
}

fn context<'a>(cx: &'a CrossContext, file: usize) -> Context<'a> {
    let f = cx.files[file];
    Context::new(&f.path, &f.source, &f.article, cx.house)
}

/// The words of an outlet's name that identify it ("Independent" of "The
/// Independent", "HuffPost" of "HuffPost UK").
fn distinctive(name: &str) -> Vec<&str> {
    name.split_whitespace()
        .map(|w| w.trim_end_matches("’s").trim_end_matches("'s"))
        .filter(|w| !matches!(*w, "The" | "the" | "UK" | "of" | "on" | "and"))
        .collect()
}

impl CrossCheck for SecondHandElsewhere {
    fn check_cross(&self, cx: &CrossContext, out: &mut Vec<CrossHit>) {
        let base = self.base();
        let l = cx.ledger;
        let route = |q: &QuoteEntry| {
            let c = context(cx, q.file);
            c.article
                .quotes
                .get(q.index)
                .and_then(|x| base.route(&c, x))
        };
        let mut by: std::collections::BTreeMap<usize, (usize, Span)> = Default::default();
        for link in &l.links {
            if link.matched < self.min_words || link.similarity() < self.similarity {
                continue;
            }
            let (qa, qb) = (&l.quotes[link.a], &l.quotes[link.b]);
            if qa.file == qb.file || l.same_article(qa.file, qb.file) {
                continue;
            }
            if qa.zone.is_display() || qb.zone.is_display() {
                continue;
            }
            if let (Some(sa), Some(sb)) = (&qa.speaker, &qb.speaker)
                && !sa.key.is_empty()
                && !sb.key.is_empty()
                && !sa.same_person(sb)
            {
                continue;
            }
            let (ra, rb) = (route(qa), route(qb));
            let (here, there, outlet) = match (ra, rb) {
                (None, Some(Route::Outlet(o))) => (link.a, link.b, o),
                (Some(Route::Outlet(o)), None) => (link.b, link.a, o),
                _ => continue,
            };
            let (qh, qt) = (&l.quotes[here], &l.quotes[there]);
            if !cx.checked(qh.file) {
                continue;
            }
            // The credited article must not be the later one.
            if let (Some(dh), Some(dt)) = (l.articles[qh.file].day, l.articles[qt.file].day)
                && dt > dh
            {
                continue;
            }
            let name = outlet.slice(cx.source(qt.file));
            let hcx = context(cx, qh.file);
            if base.is_own(&hcx, name) {
                continue;
            }
            // Credited nearby in this article ("as he told the Independent").
            let words = distinctive(name);
            let para = hcx
                .article
                .quotes
                .get(qh.index)
                .and_then(|q| hcx.article.paragraphs.get(q.paragraph))
                .map(|p| p.span.slice(hcx.source));
            if para.is_some_and(|p| words.iter().any(|w| p.contains(w))) {
                continue;
            }
            by.entry(here).or_insert((there, outlet));
        }
        for (here, (there, outlet)) in by {
            let (qh, qt) = (&l.quotes[here], &l.quotes[there]);
            let name = super::fold(outlet.slice(cx.source(qt.file)), 60);
            let speaker = qh
                .speaker
                .as_ref()
                .or(qt.speaker.as_ref())
                .map_or("the speaker".to_string(), |s| s.name.clone());
            let mut hit = Hit::at(qh.span)
                .var("quote", cx.quote_text(qh, 60))
                .var("speaker", speaker)
                .var("outlet", name.clone())
                .var("where", cx.where_(qh.file, qt.file))
                .label(qh.span, "given here with no outlet");
            if let Some(m) = qh.speaker.as_ref().and_then(|s| s.mention) {
                hit = hit.label(m, "the speaker");
            }
            hit.related
                .push(cx.related(qt.file, outlet, format!("credited to {name} there")));
            hit.related
                .push(cx.related(qt.file, qt.span, "the same words".to_string()));
            out.push(CrossHit::new(qh.file, hit));
        }
    }
}
