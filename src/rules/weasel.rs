//! Views given to vague groups or to nobody at all.
//!
//! # What it checks
//! In the narrative (never inside quoted words): a vague group as the source of
//! a view, with a speech, belief or reaction cue close by ("critics say", "Others
//! pointed to", "some activists and political figures would like", "a backlash
//! followed from more extreme far-left figures", "But for some …"); an impersonal
//! frame ("it is clear that", "it is understood", "is seen as", "appears to
//! have"); a claim noun with no claimant ("amid claims of rifts", "reports
//! suggest"). A vague word with no cue is left alone ("many fans turned up").
//! The finding stands down when the same paragraph names a source of words (a
//! quotation with a named speaker), when the group is given a named
//! example or affiliation ("including Owen Jones", "analysts at Barclays"), and for
//! a frame, when a claimant follows ("amid claims by Unite officials").
//!
//! # Why an editor cares
//! A reader cannot weigh a view held by "some" or "critics", and an impersonal
//! frame turns the writer's reading into a fact (MOS:WEASEL; Reuters: source
//! every statement).
//!
//! # Options
//! `heads`: words that are vague alone ("critics", "others"); `gated_heads`:
//! words vague only after a qualifier of `qualifiers` ("more extreme figures",
//! "some activists"); `cues`: speech, belief and reaction words (multi-word
//! allowed) looked for after a vague group; `back_cues`: nouns and verbs before
//! "from"/"by" + a vague group ("backlash followed from …"); `frames`: phrase →
//! reason for impersonal frames and claim nouns; `window`: how many words after
//! the group the cue may come; `zones`: the zones checked (default body and
//! standfirst).

use super::sourcing_util::{Word, narrative, narrative_lower};
use super::{Check, Context, Hit};
use crate::model::{EntityKind, Zone};
use crate::span::Span;
use rustc_hash::FxHashSet;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weasel {
    #[serde(default)]
    pub heads: Vec<String>,
    #[serde(default)]
    pub gated_heads: Vec<String>,
    #[serde(default)]
    pub qualifiers: Vec<String>,
    #[serde(default)]
    pub cues: Vec<String>,
    #[serde(default)]
    pub back_cues: Vec<String>,
    #[serde(default)]
    pub frames: BTreeMap<String, String>,
    #[serde(default = "default_reason")]
    pub vague_reason: String,
    #[serde(default = "default_window")]
    pub window: usize,
    #[serde(default = "default_zones")]
    pub zones: Vec<Zone>,
}

fn default_reason() -> String {
    "gives the view to no one in particular".to_string()
}

fn default_window() -> usize {
    7
}

fn default_zones() -> Vec<Zone> {
    vec![Zone::Body, Zone::Standfirst]
}

impl Default for Weasel {
    fn default() -> Self {
        Weasel {
            heads: Vec::new(),
            gated_heads: Vec::new(),
            qualifiers: Vec::new(),
            cues: Vec::new(),
            back_cues: Vec::new(),
            frames: BTreeMap::new(),
            vague_reason: default_reason(),
            window: default_window(),
            zones: default_zones(),
        }
    }
}

/// Words that introduce a named example or affiliation of a group.
const NAMERS: [&str; 8] = [
    "including",
    "such",
    "like",
    "led",
    "among",
    "at",
    "from",
    "of",
];

fn phrase(p: &str) -> Vec<String> {
    p.split_whitespace().map(str::to_lowercase).collect()
}

/// The phrase starting at word `i`, if `words[i..]` spell it within one sentence.
fn matches(words: &[Word], i: usize, p: &[String]) -> bool {
    i + p.len() <= words.len()
        && p.iter()
            .zip(&words[i..])
            .all(|(a, w)| w.is(a) && w.sentence == words[i].sentence)
}

/// A clause boundary in the text between two words.
fn boundary(cx: &Context, a: &Word, b: &Word) -> bool {
    let gap = &cx.source[a.span.end..b.span.start];
    a.sentence != b.sentence
        || gap.contains([';', ':', '(', '–', '—'])
        || (gap.contains(',')
            && matches!(
                &*b.lower(),
                "and" | "but" | "while" | "although" | "which" | "who" | "as"
            ))
}

/// After "some" or "many" used alone: what shows a group of people ("Some say",
/// "many of those concerned"), not a quantity ("some time").
const PRONOUN_FOLLOWERS: [&str; 14] = [
    "of", "have", "had", "are", "were", "will", "would", "also", "now", "still", "may", "might",
    "could", "remain",
];

impl Weasel {
    fn is_cue_at(&self, words: &[Word], i: usize, cues: &[Vec<String>]) -> Option<usize> {
        cues.iter()
            .filter(|c| matches(words, i, c))
            .map(Vec::len)
            .max()
    }

    /// The index of a cue within the window after `from`, if no boundary or named
    /// affiliation comes first.
    fn cue_after(
        &self,
        cx: &Context,
        words: &[Word],
        from: usize,
        cues: &[Vec<String>],
    ) -> Option<(usize, usize)> {
        let mut prev = &words[from];
        for j in from + 1..(from + 1 + self.window).min(words.len()) {
            let w = &words[j];
            if boundary(cx, prev, w) || cx.source[prev.span.end..w.span.start].contains(',') {
                return None;
            }
            if NAMERS.contains(&&*w.lower())
                && words
                    .get(j + 1)
                    .is_some_and(|n| n.is_capitalised() && n.sentence == w.sentence)
            {
                return None;
            }
            if let Some(len) = self.is_cue_at(words, j, cues) {
                return Some((j, len));
            }
            prev = w;
        }
        None
    }

    /// True when the paragraph names the source of some words: a quotation
    /// whose speaker is named and is not anonymous, a vague group or a document
    /// (an e-mail's subject line quoted holds no view for anyone). Claims do
    /// not count: "Critics say …, which the minister argues …" names the
    /// minister, not the critics.
    fn paragraph_names_source(&self, cx: &Context, paragraph: usize) -> bool {
        // Quotations are in text order, so a paragraph's are one run.
        let quotes = &cx.article.quotes;
        let from = quotes.partition_point(|q| q.paragraph < paragraph);
        quotes[from..]
            .iter()
            .take_while(|q| q.paragraph == paragraph)
            .any(|q| {
                q.open.is_some()
                    && q.speaker.as_ref().is_some_and(|s| {
                        !s.anonymous
                            && !matches!(s.entity, EntityKind::Group | EntityKind::Document)
                            && s.mention.is_some_and(|m| {
                                cx.article.paragraphs[paragraph].span.contains(m.start)
                            })
                    })
            })
    }
}

impl Check for Weasel {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let words = narrative(cx);
        let cues: Vec<Vec<String>> = self.cues.iter().map(|c| phrase(c)).collect();
        let back: Vec<Vec<String>> = self.back_cues.iter().map(|c| phrase(c)).collect();
        let frames: Vec<(Vec<String>, &String)> =
            self.frames.iter().map(|(k, v)| (phrase(k), v)).collect();
        // What a word must be for anything below to start at it: the first word
        // of a frame (compared as `Word::is` does), a head or a gated head. Most
        // words are none of these and are passed over with a look-up or two.
        let frame_first: FxHashSet<String> = frames
            .iter()
            .filter_map(|(p, _)| p.first().map(|f| f.to_ascii_lowercase()))
            .collect();
        let any_empty_frame = frames.iter().any(|(p, _)| p.is_empty());
        let head_words: FxHashSet<&str> = self
            .heads
            .iter()
            .chain(&self.gated_heads)
            .map(String::as_str)
            .collect();
        let lower = narrative_lower(cx);
        let mut hits: Vec<(Span, Hit, usize, usize)> = Vec::new();
        let mut push = |span: Span, reason: &str, w: &Word| {
            let hit = Hit::at(span)
                .var("phrase", crate::rules::fold(span.slice(cx.source), 60))
                .var("reason", reason.to_string());
            hits.push((span, hit, w.paragraph, w.sentence));
        };
        for i in 0..words.len() {
            let w = &words[i];
            if !self.zones.contains(&w.zone) {
                continue;
            }
            let lw: &str = &lower[i];
            let ascii_lower;
            let key: &str = if w.text.is_ascii() {
                lw
            } else {
                ascii_lower = w.text.to_ascii_lowercase();
                &ascii_lower
            };
            let frame_start = any_empty_frame || frame_first.contains(key);
            if !frame_start && !head_words.contains(lw) {
                continue;
            }
            // Impersonal frames and claim nouns.
            if let Some((p, reason)) = frames
                .iter()
                .filter(|_| frame_start)
                .filter(|(p, _)| matches(words, i, p))
                .max_by_key(|(p, _)| p.len())
            {
                let last = &words[i + p.len() - 1];
                let inference = matches!(p[0].as_str(), "appears" | "seems");
                let claimant = !inference
                    && words[i + p.len()..]
                        .iter()
                        .take(6)
                        .take_while(|n| n.sentence == w.sentence)
                        .collect::<Vec<_>>()
                        .windows(2)
                        .any(|pair| {
                            matches!(&*pair[0].lower(), "by" | "from" | "according")
                                && (pair[1].is_capitalised()
                                    || NAMED_GROUPS.contains(&&*pair[1].lower()))
                        });
                if !claimant {
                    push(Span::new(w.span.start, last.span.end), reason, w);
                }
                continue;
            }
            let ungated = self.heads.iter().any(|h| h == lw);
            let gated = self.gated_heads.iter().any(|h| h == lw)
                && words[i.saturating_sub(3)..i]
                    .iter()
                    .any(|q| q.sentence == w.sentence && self.qualifiers.iter().any(|x| q.is(x)));
            if !ungated && !gated {
                continue;
            }
            if matches!(lw, "some" | "many") && ungated {
                let next = words.get(i + 1).filter(|n| n.sentence == w.sentence);
                let people = next.is_some_and(|n| {
                    PRONOUN_FOLLOWERS.contains(&&*n.lower())
                        || self.is_cue_at(words, i + 1, &cues).is_some()
                });
                let frame = i > 0 && (words[i - 1].is("for") || words[i - 1].is("to"));
                if !people && !frame {
                    continue;
                }
            }
            // "some 500 people": a number, not a group.
            if words
                .get(i + 1)
                .is_some_and(|n| n.text.starts_with(|c: char| c.is_ascii_digit()))
            {
                continue;
            }
            // Where the group's phrase starts: back over its qualifiers.
            let mut start = i;
            while start > 0 {
                let p = &words[start - 1];
                if p.sentence != w.sentence
                    || i - (start - 1) > 4
                    || !(self.qualifiers.iter().any(|x| p.is(x))
                        || (start < i
                            && !p.is_capitalised()
                            && words[start..i].iter().all(|x| !x.is("and"))))
                {
                    break;
                }
                start -= 1;
            }
            while start < i && !self.qualifiers.iter().any(|x| words[start].is(x)) {
                start += 1;
            }
            // "for some the growth has …", "to many, it is …": a viewpoint frame.
            let before = start.checked_sub(1).map(|j| &words[j]);
            if matches!(lw, "some" | "many")
                && before.is_some_and(|b| b.sentence == w.sentence && (b.is("for") || b.is("to")))
                && words.get(i + 1).is_some_and(|n| {
                    n.sentence == w.sentence
                        && (VIEW_OPENERS.contains(&&*n.lower())
                            || cx.source[w.span.end..n.span.start].contains(','))
                })
            {
                let b = before.unwrap();
                push(Span::new(b.span.start, w.span.end), &self.vague_reason, w);
                continue;
            }
            // "for some time", "to many places": a quantity.
            if before.is_some_and(|b| b.is("for") || b.is("to")) && matches!(lw, "some" | "many") {
                continue;
            }
            if let Some((j, len)) = self.cue_after(cx, words, i, &cues) {
                let end = words[j + len - 1].span.end;
                push(
                    Span::new(words[start].span.start, end),
                    &self.vague_reason,
                    w,
                );
                continue;
            }
            // "a backlash followed from … figures", "endorsed by some critics".
            let prep = (start.saturating_sub(3)..start).rev().find(|&k| {
                words[k].sentence == w.sentence && (words[k].is("from") || words[k].is("by"))
            });
            if let Some(k) = prep {
                let cue = (k.saturating_sub(4)..k).find(|&c| {
                    words[c].sentence == w.sentence && self.is_cue_at(words, c, &back).is_some()
                });
                if let Some(c) = cue {
                    push(
                        Span::new(words[c].span.start, w.span.end),
                        &self.vague_reason,
                        w,
                    );
                }
            }
        }
        // One finding a sentence: "It is clear that some activists would like …"
        // is one weasel, not two.
        let mut last_sentence = None;
        // Hits come in text order: each paragraph is asked once.
        let mut named: Option<(usize, bool)> = None;
        for (_, hit, paragraph, sentence) in hits {
            if named.is_none_or(|(p, _)| p != paragraph) {
                named = Some((paragraph, self.paragraph_names_source(cx, paragraph)));
            }
            if last_sentence == Some(sentence) || named.is_some_and(|(_, n)| n) {
                continue;
            }
            last_sentence = Some(sentence);
            out.push(hit);
        }
    }
}

/// Words after "for some" / "to many" that show a viewpoint frame, not a quantity
/// ("for some time").
const VIEW_OPENERS: [&str; 14] = [
    "the", "a", "an", "this", "that", "it", "his", "her", "their", "its", "labour", "he", "she",
    "they",
];

/// Lower-case words that still name a claimant after "by" ("claims by police").
const NAMED_GROUPS: [&str; 6] = [
    "police",
    "prosecutors",
    "the",
    "officials",
    "ministers",
    "lawyers",
];
