//! Attribution verbs from a list: loaded ones, actions used as speech tags,
//! verbs of belief.
//!
//! # What it checks
//! A verb or phrase of the list used in the narrative (never inside quoted
//! words): as the cue of a quotation, or attributing a claim ("Momentum now
//! claims that …"). Forms used as nouns ("the claims", "his claim") are left
//! alone.
//!
//! # Why an editor cares
//! "Said" is neutral; "claimed" casts doubt, "admitted" implies guilt,
//! "insisted" stubbornness, "explained" endorses. People speak words, they do not
//! smile them.
//!
//! # Options
//! `verbs`: a table of verb form → the reason given in the message;
//! `zones`: the zones checked (default: all but page furniture);
//! `tag_only`: only when the verb is the tag of a quotation (for actions such as
//! "smiled", which are beats, not tags, when they stand alone).

use super::{Check, Context, Hit};
use crate::model::Zone;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributionVerb {
    #[serde(default)]
    pub verbs: BTreeMap<String, String>,
    #[serde(default)]
    pub zones: Vec<Zone>,
    #[serde(default)]
    pub tag_only: bool,
}

const NOUN_MARKERS: [&str; 20] = [
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "these",
    "those",
    "such",
    "of",
    "my",
    "our",
    "your",
    "amid",
    "over",
    "despite",
    "after",
    "about",
    "unfounded",
];

impl Check for AttributionVerb {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let phrases: Vec<(Vec<String>, &String)> = self
            .verbs
            .iter()
            .map(|(k, v)| (k.split_whitespace().map(str::to_lowercase).collect(), v))
            .collect();
        if self.tag_only {
            for q in &cx.article.quotes {
                let Some(cue) = &q.cue else { continue };
                let own = q
                    .speaker
                    .as_ref()
                    .is_none_or(|s| s.source != crate::model::SpeakerSource::CarriedOver);
                if q.depth > 0 || q.continues.is_some() || !own {
                    continue;
                }
                let first = cue
                    .text
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_lowercase();
                if let Some((_, reason)) =
                    phrases.iter().find(|(p, _)| p.len() == 1 && p[0] == first)
                {
                    out.push(
                        Hit::at(cue.span)
                            .var("verb", cue.text.clone())
                            .var("reason", reason.as_str())
                            .label(q.span, "the quotation"),
                    );
                }
            }
            return;
        }
        let words = cx.narrative_words();
        let mut i = 0;
        while i < words.len() {
            let (span, w, zone) = words[i];
            if !self.zones.is_empty() && !self.zones.contains(&zone) {
                i += 1;
                continue;
            }
            let lw = w.to_lowercase();
            let hit = phrases.iter().find(|(p, _)| {
                p[0] == lw
                    && p.len() <= words.len() - i
                    && p.iter()
                        .zip(&words[i..])
                        .all(|(a, (_, b, _))| a.eq_ignore_ascii_case(b))
            });
            let Some((phrase, reason)) = hit else {
                i += 1;
                continue;
            };
            // A determiner or preposition right before ("the claims", "amid
            // claims"), or "of" right after ("claims of rifts"): a noun.
            let adjacent = |a: crate::span::Span, b: crate::span::Span| {
                a.end <= b.start && cx.source[a.end..b.start].trim().is_empty()
            };
            let prev = i
                .checked_sub(1)
                .filter(|&j| adjacent(words[j].0, span))
                .map(|j| words[j].1.to_lowercase());
            let after = words
                .get(i + phrase.len())
                .filter(|w| adjacent(words[i + phrase.len() - 1].0, w.0));
            let noun_use = prev.as_deref().is_some_and(|p| NOUN_MARKERS.contains(&p))
                || after.is_some_and(|w| w.1 == "of");
            let end = words[i + phrase.len() - 1].0.end;
            if !noun_use {
                let verb_span = crate::span::Span::new(span.start, end);
                out.push(
                    Hit::at(verb_span)
                        .var("verb", verb_span.slice(cx.source))
                        .var("reason", reason.as_str()),
                );
            }
            i += phrase.len();
        }
    }
}
