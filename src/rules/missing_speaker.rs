//! Quotations nobody is said to have spoken.
//!
//! # What it checks
//! A direct or partial quotation in the body for which no speaker was found: no
//! cue in its sentence or paragraph, not the continuation of an attributed
//! quotation, not right after an attributed quotation it continues.
//!
//! # Why an editor cares
//! Every newsroom standard requires quoted words to be attributed; a reader must
//! know whose words they are.
//!
//! # Options
//! `kinds`: the quotation kinds checked (default direct and partial); `zones`: the
//! zones checked (default body); `named_nearby` (default true): stand down when
//! the narrative of the quotation's sentence or the one before names someone (a
//! capitalised word that does not open its sentence, or a personal pronoun), since
//! the writer has then attributed the words and only extraction missed the link;
//! `min_words` (default 3): a quotation of fewer words with no sentence end in it
//! is a term held up for the reader (“Urban” seems to be the new name…), which
//! scare-quote judges, not speech. A quotation that is a paragraph of its own
//! also stands down when the first sentence of the next paragraph names someone
//! (an opening quotation, then “These are the questions Jimmy Connors…”).

use super::speakers_util::{sentence_of, sentence_starts};
use super::{Check, Context, Hit};
use crate::model::{QuoteKind, Zone};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MissingSpeaker {
    #[serde(default = "default_kinds")]
    pub kinds: Vec<QuoteKind>,
    #[serde(default = "default_zones")]
    pub zones: Vec<Zone>,
    /// Stand down when the narrative around the quotation names someone.
    #[serde(default = "yes")]
    pub named_nearby: bool,
    /// Quotations of fewer words than this, with no sentence end inside, are
    /// terms (scare-quote's business), not speech.
    #[serde(default = "default_min_words")]
    pub min_words: usize,
}

fn default_min_words() -> usize {
    3
}

fn yes() -> bool {
    true
}

fn default_kinds() -> Vec<QuoteKind> {
    vec![QuoteKind::Direct, QuoteKind::Partial]
}

fn default_zones() -> Vec<Zone> {
    vec![Zone::Body]
}

impl Default for MissingSpeaker {
    fn default() -> Self {
        MissingSpeaker {
            kinds: default_kinds(),
            zones: default_zones(),
            named_nearby: true,
            min_words: default_min_words(),
        }
    }
}

impl Check for MissingSpeaker {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        // The last quotation of the body read, in text order: its paragraph,
        // where it (or its cue after it) ends, and whether it is attributed.
        let mut prev: Option<(usize, usize, bool)> = None;
        for q in &cx.article.quotes {
            if q.depth != 0 || q.kind == QuoteKind::Indirect {
                continue;
            }
            let open = q.open.map_or(q.span.start, |o| o.start);
            let runs_on = prev.is_some_and(|(para, end, attributed)| {
                attributed && para == q.paragraph && end <= open && short_gap(&cx.source[end..open])
            });
            let quoted = matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial);
            let attributed = quoted
                && (q.speaker.is_some()
                    || runs_on
                    || (self.named_nearby && names_someone_nearby(cx, q)));
            if !attributed
                && self.kinds.contains(&q.kind)
                && self.zones.contains(&q.zone)
                && !is_term(q.span.slice(cx.source), self.min_words)
            {
                out.push(Hit::at(q.span).var("quote", cx.quote_text(q)));
            }
            let mut end = q.close.map_or(q.span.end, |c| c.end);
            if let Some(cue) = &q.cue
                && cue.span.start >= end
            {
                end = cue.span.end;
            }
            prev = Some((q.paragraph, end, attributed));
        }
    }
}

/// Narrative words that may stand between an attributed quotation (or its cue
/// after it) and a quotation that runs on from it in the same paragraph
/// (“…,” X said in the letter. “…”): corpora that lost their paragraph breaks
/// run one speaker's paragraphs together.
const RUN_ON_GAP: usize = 3;

/// A quotation of fewer than `min_words` words with no sentence end inside it
/// (“Urban”, ‘God games’): a term held up for the reader, not someone's words.
fn is_term(text: &str, min_words: usize) -> bool {
    text.split_whitespace()
        .nth(min_words.saturating_sub(1))
        .is_none()
        && !text.contains(['.', '!', '?', '…'])
}

fn short_gap(text: &str) -> bool {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
        <= RUN_ON_GAP
}

/// Pronouns that stand for a person already named.
const PERSONAL: [&str; 6] = ["he", "she", "they", "his", "her", "their"];

/// True when the narrative of the quotation's sentence, the sentence before it
/// in its paragraph, or the rest of its own sentence after it names someone: a
/// capitalised word that does not open its sentence ("thinks Curry", "Mr Dean is
/// confident:", "branded “…” by the Liberal Democrats"), or a personal pronoun.
/// The writer has attributed the words; extraction only failed to link them.
fn names_someone_nearby(cx: &Context, q: &crate::model::Quote) -> bool {
    let starts = sentence_starts(cx);
    let para = cx.article.paragraphs[q.paragraph].span;
    let open = q.open.map_or(q.span.start, |o| o.start);
    let close = q.close.map_or(q.span.end, |c| c.end);
    let k = sentence_of(starts, open);
    let from = starts
        .get(k.saturating_sub(1))
        .copied()
        .unwrap_or(para.start)
        .max(para.start);
    let mut to = starts
        .get(starts.partition_point(|&s| s < close))
        .copied()
        .unwrap_or(para.end)
        .min(para.end);
    // A quotation that is its whole paragraph: the next paragraph's first
    // sentence may give the speaker.
    let alone = cx.source[para.start..open].trim().is_empty()
        && cx.source[close..para.end]
            .trim_matches(|c: char| c.is_whitespace() || ".,;:!?".contains(c))
            .is_empty();
    if alone && let Some(next) = cx.article.paragraphs.get(q.paragraph + 1) {
        let first = starts.partition_point(|&s| s < next.span.start);
        to = starts
            .get(first + 1)
            .copied()
            .unwrap_or(next.span.end)
            .min(next.span.end);
    }
    let words = cx.narrative_words();
    let (a, b) = (
        words.partition_point(|w| w.0.start < from),
        words.partition_point(|w| w.0.start < to),
    );
    words[a..b].iter().any(|&(span, w, _)| {
        let opens_sentence = starts.binary_search(&span.start).is_ok();
        let capitalised = w.chars().next().is_some_and(char::is_uppercase) && w != "I";
        (capitalised && !opens_sentence) || PERSONAL.iter().any(|p| w.eq_ignore_ascii_case(p))
    })
}
