//! Quotations that rely on a speaker carried over from elsewhere when the text in
//! between makes the carry unsafe.
//!
//! # What it checks
//! A quotation with no cue of its own whose speaker extraction carried over:
//! - a paragraph of quotation with no attribution when the last quotation is two
//!   or more paragraphs up and a paragraph in between names another person (or
//!   the carried speaker is not the last one quoted);
//! - a second quotation in a paragraph when another person is named between it
//!   and the quotation whose cue it borrows (two speakers, one cue);
//! - a quotation inside a narrative sentence of its own with no cue ("He said,
//!   “…” The outcome “will matter”.").
//!
//! The multi-paragraph convention (a quotation running on over paragraphs, each
//! opening with a fresh mark) and a quotation split by its attribution ("“…,” Mr
//! Lansman added. “…”") are not carry-overs and are left alone.
//!
//! # Why an editor cares
//! Reuters: do not run quotes from different speakers together; AP: restate the
//! attribution unless it is perfectly clear.
//!
//! # Options
//! `max_carry_paragraphs` (default 1): how many paragraphs back a quotation's
//! speaker may carry to an unattributed quotation paragraph.

use super::speakers_util::{
    Named, display_name, has_cue, last_spoken_before, named_in_narrative, named_within,
    paragraph_of, sentence_of, sentence_starts, speaker_key, spoken, words_within,
};
use super::{Check, Context, Hit};
use crate::model::{Gender, Quote, QuoteKind, Speaker, SpeakerSource, Zone};
use crate::span::Span;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CarriedSpeaker {
    #[serde(default = "one")]
    pub max_carry_paragraphs: usize,
}

fn one() -> usize {
    1
}

impl Default for CarriedSpeaker {
    fn default() -> Self {
        CarriedSpeaker {
            max_carry_paragraphs: one(),
        }
    }
}

fn same_speaker(a: &Speaker, b: &Speaker) -> bool {
    match (a.person, b.person) {
        (Some(x), Some(y)) => x == y,
        _ => a.name.eq_ignore_ascii_case(&b.name),
    }
}

fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}’")
    } else {
        format!("{name}’s")
    }
}

impl Check for CarriedSpeaker {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let a = cx.article;
        let named = named_in_narrative(cx);
        let starts = sentence_starts(cx);
        let words = cx.narrative_words();
        let last_spoken = last_spoken_before(&a.quotes);
        let sentence_span = |at: usize| {
            let k = sentence_of(starts, at);
            let end = starts.get(k + 1).copied().unwrap_or(cx.source.len());
            Span::new(starts[k], end)
        };
        // Another person (a name with a known gender: organisations are left
        // out) named in [from, to).
        let other_named = |sp: &Speaker, from: usize, to: usize| -> Option<&Named> {
            let key = speaker_key(cx, sp);
            named_within(named, from, to)
                .find(|m| m.gender != Gender::Unknown && !m.is(sp.person, &key) && m.key != key)
        };
        for (qi, q) in a.quotes.iter().enumerate() {
            let (Some(sp), Some(cue)) = (&q.speaker, &q.cue) else {
                continue;
            };
            if !spoken(q)
                || q.zone != Zone::Body
                || q.continues.is_some()
                || sp.source != SpeakerSource::CarriedOver
            {
                continue;
            }
            let Some(para) = a.paragraphs.get(q.paragraph) else {
                continue;
            };
            let open = q.open.map_or(q.span.start, |o| o.start);
            let close = q.close.map_or(q.span.end, |c| c.end);
            // A cue extraction did not tie to the quotation, in its own sentence
            // ("She added: “…”", "“…,” said Castaignede"): not a carry-over.
            let own = sentence_span(open);
            let tail = sentence_span(close.saturating_sub(1));
            let lead_in = Span::new(own.start.max(para.span.start).min(open), open);
            let tail_span = Span::new(close, tail.end.min(para.span.end).max(close));
            if has_cue(cx, words, lead_in) || has_cue(cx, words, tail_span) {
                continue;
            }
            let last: Option<&Quote> = last_spoken[qi].map(|i| &a.quotes[i]);
            let at_para_start = cx.source[para.span.start..open].trim().is_empty();
            let text = cx.quote_text(q);
            if at_para_start && cue.span.start < para.span.start {
                let Some(last) = last else { continue };
                let lsp = last.speaker.as_ref().expect("found with a speaker");
                if last.paragraph + self.max_carry_paragraphs >= q.paragraph {
                    continue;
                }
                let from = last.close.map_or(last.span.end, |c| c.end);
                let between = other_named(lsp, from, para.span.start);
                if between.is_none() && same_speaker(lsp, sp) {
                    continue;
                }
                let gap = q.paragraph - last.paragraph;
                let mut hit = Hit::at(q.span)
                    .var("quote", text)
                    .var("speaker", display_name(sp))
                    .var(
                        "why",
                        format!(
                            "the last quotation, {gap} paragraphs up, is {}",
                            possessive(&display_name(lsp))
                        ),
                    )
                    .label(
                        last.span,
                        format!("{} words", possessive(&display_name(lsp))),
                    );
                if let Some(m) = between {
                    let who = m.name(cx);
                    hit = hit.label(m.span, format!("{who} is named in between"));
                }
                hit.soften = true;
                out.push(hit);
                continue;
            }
            // Within the paragraph: the cue lent is before the quotation.
            if cue.span.end > open || paragraph_of(cx, cue.span.start) != Some(q.paragraph) {
                continue;
            }
            let Some(last) = last.filter(|l| l.paragraph == q.paragraph) else {
                continue;
            };
            let prev_close = last.close.map_or(last.span.end, |c| c.end);
            let lead_words = words_within(words, lead_in).count();
            // “…crucial.” The election’s outcome “will partly determine …”: a
            // short subject right after the speaker's quotation, and a partial
            // that completes its sentence.
            let own_sentence = q.kind == QuoteKind::Partial
                && (1..=5).contains(&lead_words)
                && last.cue.as_ref().is_some_and(|c| c.span == cue.span)
                && lead_in.start > prev_close
                && cx.source[prev_close..lead_in.start].trim().is_empty();
            if own_sentence {
                out.push(
                    Hit::at(q.span)
                        .var("quote", text)
                        .var("speaker", display_name(sp))
                        .var(
                            "why",
                            format!(
                                "its sentence borrows {} “{}” from an earlier sentence",
                                possessive(&display_name(sp)),
                                cue.text
                            ),
                        )
                        .label(cue.span, "the only cue")
                        .label(lead_in, "no cue in this sentence"),
                );
                continue;
            }
            // Two speakers, one cue: another person named after the sentence of
            // the cue the quotation borrows.
            let after_cue = sentence_span(cue.span.start).end.max(prev_close);
            // A sentence in between that reports someone's words ("Mr Blair said
            // talking was the answer. “…”") tells the reader whose the quotation
            // is, even when extraction carried the earlier cue.
            let between = Span::new(after_cue.min(open), open);
            if has_cue(cx, words, between) {
                continue;
            }
            if let Some(m) = other_named(sp, after_cue, open) {
                let who = m.name(cx);
                let mut hit = Hit::at(q.span)
                    .var("quote", text)
                    .var("speaker", display_name(sp))
                    .var(
                        "why",
                        format!(
                            "{who} is named after {} cue, so the words could be either’s",
                            possessive(&display_name(sp))
                        ),
                    )
                    .label(cue.span, format!("{} cue", possessive(&display_name(sp))))
                    .label(m.span, format!("{who} is named in between"));
                hit.soften = true;
                out.push(hit);
            }
        }
    }
}
