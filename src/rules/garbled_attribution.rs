//! Attribution clauses with a word missing after the cue.
//!
//! # What it checks
//! A sentence that opens with its subject and a cue verb ("He said", "Ms Reeves
//! added") followed directly by a modal or auxiliary verb ("would", "will",
//! "had"...), where a subject or "that" is missing: "He said would give his full
//! support". Relative clauses ("the plan he said would fail") are grammatical and
//! are left alone, because there the subject does not open the sentence.
//!
//! # Why an editor cares
//! A copy error in an attribution clause makes it unclear who will do what, and
//! whether the words are the speaker's or the writer's.
//!
//! # Options
//! `cues`: the cue verbs checked; `followers`: the words that cannot follow
//! them directly.

use super::speakers_util::sentence_starts;
use super::{Check, Context, Hit};
use crate::lexicon::Lexicon;
use crate::model::Zone;
use crate::span::Span;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GarbledAttribution {
    #[serde(default)]
    pub cues: Vec<String>,
    #[serde(default)]
    pub followers: Vec<String>,
}

const SUBJECT_PRONOUNS: [&str; 6] = ["he", "she", "they", "we", "i", "it"];

impl Check for GarbledAttribution {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let words = cx.narrative_words();
        let starts = sentence_starts(cx);
        let lex = Lexicon::get();
        let adjacent = |a: Span, b: Span| cx.source[a.end..b.start].trim().is_empty();
        let at_start = |i: usize| {
            let s = words[i].0.start;
            starts.binary_search(&s).is_ok()
                || (i > 0
                    && matches!(words[i - 1].1.to_lowercase().as_str(), "but" | "and")
                    && starts.binary_search(&words[i - 1].0.start).is_ok()
                    && adjacent(words[i - 1].0, words[i].0))
        };
        for i in 1..words.len().saturating_sub(1) {
            let (cue, w, zone) = words[i];
            if zone != Zone::Body || !self.cues.iter().any(|c| c.eq_ignore_ascii_case(w)) {
                continue;
            }
            let (next, nw, _) = words[i + 1];
            if !adjacent(cue, next) || !self.followers.iter().any(|f| f.eq_ignore_ascii_case(nw)) {
                continue;
            }
            // "He said had the government acted …", "were it not for …": an
            // inverted conditional, which is grammatical.
            let inverted = matches!(nw.to_lowercase().as_str(), "had" | "were" | "should")
                && words.get(i + 2).is_some_and(|(s2, w2, _)| {
                    adjacent(next, *s2)
                        && (w2.chars().next().is_some_and(char::is_uppercase)
                            || matches!(
                                w2.to_lowercase().as_str(),
                                "the"
                                    | "a"
                                    | "an"
                                    | "it"
                                    | "he"
                                    | "she"
                                    | "they"
                                    | "we"
                                    | "i"
                                    | "you"
                                    | "there"
                                    | "this"
                                    | "that"
                                    | "his"
                                    | "her"
                                    | "their"
                            ))
                });
            if inverted {
                continue;
            }
            // The subject: a pronoun, or a run of capitalised words, opening the
            // sentence right before the cue.
            let (prev, pw, _) = words[i - 1];
            if !adjacent(prev, cue) {
                continue;
            }
            let subject_start = if SUBJECT_PRONOUNS.contains(&pw.to_lowercase().as_str()) {
                Some(i - 1)
            } else {
                let mut j = i;
                while j > 0
                    && i - j < 4
                    && words[j - 1]
                        .1
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
                    && adjacent(words[j - 1].0, words[j].0)
                    && !lex
                        .speech_cues
                        .contains_word(&words[j - 1].1.to_lowercase())
                {
                    j -= 1;
                    if at_start(j) {
                        break;
                    }
                }
                (j < i).then_some(j)
            };
            let Some(sj) = subject_start.filter(|&j| at_start(j)) else {
                continue;
            };
            let clause = Span::new(words[sj].0.start, next.end);
            out.push(
                Hit::at(clause)
                    .var("clause", clause.slice(cx.source))
                    .var("cue", w)
                    .var("next", nw)
                    .label(
                        clause,
                        format!("a subject or “that” is missing after “{w}”"),
                    ),
            );
        }
    }
}
