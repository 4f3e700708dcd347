//! "According to" a person.
//!
//! # What it checks
//! "According to" followed by a person the article names ("according to Mr
//! Coyle", "according to Neil Coyle, the MP"), or by a personal pronoun, in the
//! narrative. "According to the petition", "according to figures", "according to
//! the council" are documents, data and organisations, and are left alone.
//!
//! # Why an editor cares
//! Some houses keep "according to" for documents and data: for a person it can
//! read as distance or doubt, where "said" is neutral. Wikipedia treats it as
//! neutral, so the rule is off by default.
//!
//! # Options
//! `pronouns`: pronouns that count as a person (default him, her, them).

use super::people_util::named_people;
use super::{Check, Context, Hit};
use crate::span::Span;
use rustc_hash::FxHashMap;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccordingTo {
    #[serde(default = "default_pronouns")]
    pub pronouns: Vec<String>,
}

fn default_pronouns() -> Vec<String> {
    ["him", "her", "them"].map(String::from).to_vec()
}

impl Default for AccordingTo {
    fn default() -> Self {
        AccordingTo {
            pronouns: default_pronouns(),
        }
    }
}

impl Check for AccordingTo {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let words = cx.narrative_words();
        let mut people = None;
        for (i, pair) in words.windows(3).enumerate() {
            let [(a, w1, _), (_, w2, _), (next, w3, _)] = pair else {
                continue;
            };
            if !(w1.eq_ignore_ascii_case("according") && w2.eq_ignore_ascii_case("to")) {
                continue;
            }
            let cue = Span::new(a.start, words[i + 1].0.end);
            let pronoun = self.pronouns.iter().any(|p| p.eq_ignore_ascii_case(w3));
            let person = pronoun.then(|| (w3.to_string(), *next)).or_else(|| {
                // Where each person's references start (the first person's, in
                // register order, where two start together): one look-up.
                let starts = people.get_or_insert_with(|| {
                    let mut at: FxHashMap<usize, (&str, Span)> = FxHashMap::default();
                    for n in named_people(cx) {
                        for r in n.refs.iter().filter(|r| !r.attributive) {
                            at.entry(r.span.start).or_insert((n.name.as_str(), r.span));
                        }
                    }
                    at
                });
                starts
                    .get(&next.start)
                    .map(|&(name, span)| (name.to_string(), span))
            });
            if let Some((who, at)) = person {
                out.push(
                    Hit::at(cue)
                        .var("person", who)
                        .label(at, "a person, not a document"),
                );
            }
        }
    }
}
