//! The same quotation given to an anonymous source in one article and to a named
//! person in another.
//!
//! # What it checks
//! Two quotations with the same words (normalised; gaps and excerpts allowed) in
//! different articles, one attributed to an anonymous descriptor ("a Momentum
//! source"), the other to a named person: the second article names the source.
//! A finding resting on an inferred speaker says so and is a warning.
//!
//! # Why an editor cares
//! An undertaking of anonymity binds the whole organisation (BBC); putting the
//! same words under a name elsewhere identifies the source (jigsaw
//! identification), and Reuters forbids contradictory on-record and background
//! sourcing.
//!
//! # Options
//! `min_words` (6): the fewest words the two quotations must share;
//! `similarity` (0.85): the token-level similarity that makes them the same words.

use super::cross::{CrossCheck, CrossContext, CrossHit, inferred_note, pairs_by_here};
use super::{Check, Context, Hit};
use crate::model::EntityKind;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AnonymousNamedElsewhere {
    pub min_words: usize,
    pub similarity: f64,
}

impl Default for AnonymousNamedElsewhere {
    fn default() -> Self {
        AnonymousNamedElsewhere {
            min_words: 6,
            similarity: 0.85,
        }
    }
}

impl Check for AnonymousNamedElsewhere {
    fn check(&self, _: &Context, _: &mut Vec<Hit>) {}

    fn cross(&self) -> Option<&dyn CrossCheck> {
        Some(self)
    }
}

impl CrossCheck for AnonymousNamedElsewhere {
    fn check_cross(&self, cx: &CrossContext, out: &mut Vec<CrossHit>) {
        let l = cx.ledger;
        let named =
            |s: &crate::ledger::SpeakerEntry| !s.anonymous && s.entity == EntityKind::Person;
        let groups = pairs_by_here(cx, |link, a, b| {
            let (Some(sa), Some(sb)) = (&a.speaker, &b.speaker) else {
                return false;
            };
            a.file != b.file
                && link.matched >= self.min_words
                && link.similarity() >= self.similarity
                && ((sa.anonymous && named(sb)) || (sb.anonymous && named(sa)))
        });
        for (here, theres) in groups {
            let q = &l.quotes[here];
            let first = &l.quotes[theres[0]];
            let s = q.speaker.as_ref().expect("kept pairs have speakers");
            let fs = first.speaker.as_ref().expect("kept pairs have speakers");
            let (label, other) = if s.anonymous {
                (format!("given to {} here", s.name), "names the source")
            } else {
                (
                    format!("given to {} here", s.name),
                    "keeps the source anonymous",
                )
            };
            let mut hit = Hit::at(q.span)
                .var("speaker", s.name.clone())
                .var("other", fs.name.clone())
                .var("where", cx.where_(q.file, first.file))
                .var("which", other)
                .var("note", inferred_note(s.source, fs.source))
                .label(q.span, label);
            if let Some(m) = s.mention.filter(|m| *m != q.span) {
                hit = hit.label(m, "the speaker here");
            }
            hit.soften = s.source.is_inferred() || fs.source.is_inferred();
            for t in &theres {
                let o = &l.quotes[*t];
                let name = o.speaker.as_ref().map_or("", |x| x.name.as_str());
                hit.related.push(cx.related(
                    o.file,
                    o.span,
                    format!("the same words, given to {name}"),
                ));
            }
            out.push(CrossHit::new(q.file, hit));
        }
    }
}
