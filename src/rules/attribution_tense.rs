//! Quotation cues in both the past and the present tense in one article.
//!
//! # What it checks
//! The cues of the body's direct quotations ("said", "says", "added", "adds",
//! "told", "tells"...), each once; partials in reported speech, documents ("the
//! letter says") and writing ("writes") are left out, since the present is usual
//! for them: with `tense = "consistent"`, an article using both
//! tenses; with `tense = "past"` or `"present"`, an article using the other
//! tense. One finding per article, on the first cue of the minority tense, with a
//! label on an example of each. Headlines and standfirsts use the present by
//! convention and are not counted.
//!
//! # Why an editor cares
//! Pick one tense for attributions and keep it (McIntyre): a story in which one
//! source "said" and the next "says" reads as if they spoke at different times.
//!
//! # Options
//! `tense`: `consistent` (default), `past` or `present`.

use super::{Check, Context, Hit};
use crate::model::{EntityKind, QuoteKind, SpeakerSource, Zone};
use crate::span::Span;
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Tense {
    #[default]
    Consistent,
    Past,
    Present,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributionTense {
    #[serde(default)]
    pub tense: Tense,
}

/// Present and past forms of the verbs of quotation tags. Other verbs
/// ("continues to live", "suggests", "remarks") are too often something else.
const VERBS: &[(&str, &str)] = &[
    ("says", "said"),
    ("adds", "added"),
    ("tells", "told"),
    ("explains", "explained"),
    ("recalls", "recalled"),
];

fn tense_of(word: &str) -> Option<Tense> {
    let w = word.to_lowercase();
    VERBS.iter().find_map(|(present, past)| {
        if w == *present {
            Some(Tense::Present)
        } else if w == *past {
            Some(Tense::Past)
        } else {
            None
        }
    })
}

impl Check for AttributionTense {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let lex = crate::lexicon::Lexicon::get();
        // A set, not a list: looking a cue up per quotation stays linear.
        let mut seen: rustc_hash::FxHashSet<Span> = Default::default();
        let mut past: Vec<(Span, Span)> = Vec::new();
        let mut present: Vec<(Span, Span)> = Vec::new();
        for q in &cx.article.quotes {
            let Some(cue) = &q.cue else { continue };
            if q.depth > 0
                || q.kind != QuoteKind::Direct
                || q.zone != Zone::Body
                || q.continues.is_some()
                || q.speaker.as_ref().is_none_or(|s| {
                    s.source == SpeakerSource::CarriedOver
                        || s.entity == EntityKind::Document
                        || s.name
                            .split_whitespace()
                            .last()
                            .is_some_and(|w| lex.documents.contains(&w.to_lowercase()))
                })
                || !seen.insert(cue.span)
            {
                continue;
            }
            let first = cue.text.split_whitespace().next().unwrap_or("");
            let verb = Span::new(cue.span.start, cue.span.start + first.len());
            match tense_of(first) {
                Some(Tense::Past) => past.push((verb, q.span)),
                Some(Tense::Present) => present.push((verb, q.span)),
                _ => {}
            }
        }
        let (odd, usual, odd_name, usual_name) = match self.tense {
            Tense::Past => (&present, &past, "present", "past"),
            Tense::Present => (&past, &present, "past", "present"),
            Tense::Consistent => {
                if past.is_empty() || present.is_empty() {
                    return;
                }
                if present.len() <= past.len() {
                    (&present, &past, "present", "past")
                } else {
                    (&past, &present, "past", "present")
                }
            }
        };
        let Some(&(verb, _)) = odd.first() else {
            return;
        };
        let word = verb.slice(cx.source);
        let cues = |n: usize, tense: &str| {
            format!("{n} {tense}-tense cue{}", if n == 1 { "" } else { "s" })
        };
        let mut hit = Hit::at(verb)
            .var("verb", word)
            .var("odd", cues(odd.len(), odd_name))
            .var("usual", cues(usual.len(), usual_name))
            .label(verb, format!("{odd_name} tense"));
        if let Some(&(uv, _)) = usual.first() {
            let w = uv.slice(cx.source);
            hit = hit.label(uv, format!("“{w}”: {usual_name} tense"));
        }
        out.push(hit);
    }
}
