//! Narrative-voice markers that report something as said or believed without
//! saying by whom.
//!
//! # What it checks
//! In the narrative (never inside quoted words), a marker of second-hand or
//! presumed knowledge with no source in its sentence: "reportedly", "allegedly",
//! "is said to", "is believed to", "is understood to", "it is widely believed",
//! "it is no secret that", "there is no doubt that". The finding stands down when
//! the sentence gives a source: "according to …", a quotation or claim with a
//! speaker, or "by"/"in" followed by a named source ("reportedly told by aides",
//! "as reported by the BBC"). Frames that `weasel-attribution` owns ("it is clear
//! that", "it is understood", "it is believed", "is seen as") are not listed here,
//! so one place gets one finding.
//!
//! # Why an editor cares
//! "Reportedly" and "is understood to" put a claim in the paper's voice while
//! disowning it: the reader cannot tell who reported, believes or understands it,
//! or whether the paper checked (Reuters: source every statement; AP: a claim
//! needs a source).
//!
//! # Options
//! `markers`: phrase → reason (multi-word phrases allowed, lower case);
//! `zones`: the zones checked (default body and standfirst).

use super::sourcing_util::{Word, narrative, narrative_lower};
use super::{Check, Context, Hit};
use crate::model::Zone;
use crate::span::Span;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct UnattributedAssertion {
    #[serde(default)]
    pub markers: BTreeMap<String, String>,
    #[serde(default = "default_zones")]
    pub zones: Vec<Zone>,
    /// `markers` split into words, with the set of their first words: made once
    /// for every article, so a word that starts no marker costs one look-up.
    #[serde(skip)]
    split: std::sync::OnceLock<Markers>,
}

#[derive(Debug, Default)]
struct Markers {
    phrases: Vec<(Vec<String>, String)>,
    first_words: rustc_hash::FxHashSet<String>,
}

fn default_zones() -> Vec<Zone> {
    vec![Zone::Body, Zone::Standfirst]
}

fn matches_at(words: &[Word], i: usize, p: &[String]) -> bool {
    i + p.len() <= words.len()
        && p.iter().zip(&words[i..]).all(|(w, t)| t.is(w))
        && words[i..i + p.len()]
            .iter()
            .all(|t| t.sentence == words[i].sentence)
}

impl Check for UnattributedAssertion {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let Markers {
            phrases,
            first_words,
        } = self.split.get_or_init(|| {
            let phrases: Vec<(Vec<String>, String)> = self
                .markers
                .iter()
                .map(|(k, v)| {
                    (
                        k.split_whitespace().map(str::to_string).collect(),
                        v.clone(),
                    )
                })
                .collect();
            let first_words = phrases
                .iter()
                .filter_map(|(p, _)| p.first().map(|w| w.to_lowercase()))
                .collect();
            Markers {
                phrases,
                first_words,
            }
        });
        let words = narrative(cx);
        let lower = narrative_lower(cx);
        let mut i = 0;
        while i < words.len() {
            let w = &words[i];
            if !self.zones.contains(&w.zone) || !first_words.contains(&*lower[i]) {
                i += 1;
                continue;
            }
            let Some((p, reason)) = phrases
                .iter()
                .filter(|(p, _)| matches_at(words, i, p))
                .max_by_key(|(p, _)| p.len())
            else {
                i += 1;
                continue;
            };
            // "It is believed to …": weasel-attribution's frame, not a second finding.
            if matches!(p[0].as_str(), "is" | "was")
                && i > 0
                && words[i - 1].sentence == w.sentence
                && words[i - 1].is("it")
            {
                i += 1;
                continue;
            }
            let last = &words[i + p.len() - 1];
            let span = Span::new(w.span.start, last.span.end);
            // The marker's sentence, from its first word to its last.
            let s0 = words[..i]
                .iter()
                .rposition(|x| x.sentence != w.sentence)
                .map_or(0, |k| k + 1);
            let s1 = words[i..]
                .iter()
                .position(|x| x.sentence != w.sentence)
                .map_or(words.len(), |k| i + k);
            let sentence = Span::new(words[s0].span.start, words[s1 - 1].span.end);
            let sourced_words = words[s0..s1].windows(2).any(|pair| {
                pair[0].is("according")
                    || ((pair[0].is("by") || pair[0].is("told")) && pair[1].is_capitalised())
            });
            let sourced_quote = cx.article.quotes.iter().any(|q| {
                q.speaker.is_some() && q.span.start < sentence.end && q.span.end > sentence.start
            });
            if !sourced_words && !sourced_quote {
                out.push(
                    Hit::at(span)
                        .var("phrase", span.slice(cx.source).to_string())
                        .var("reason", reason.to_string()),
                );
            }
            i += p.len();
        }
    }
}
