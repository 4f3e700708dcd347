//! Quoted words in display text (headline, standfirst, caption) that the body
//! does not quote.
//!
//! # What it checks
//! Each quotation in a display zone must occur verbatim in a body quotation, after
//! folding glyphs, case and the punctuation at word edges; marked omissions ("...",
//! "…") may stand for words left out. A near match is reported with a word diff;
//! words no body quotation comes near are reported as such (in British headlines,
//! often quote marks around a paraphrase). A speaker before the quotation
//! ("Lansman: 'We will…'", or a cue the extraction found) must be the speaker of
//! the body quotation.
//!
//! # Why an editor cares
//! Readers take headline quotes as verbatim; IPSO Clause 1 wants headlines
//! supported by the text, and a headline quote that needs an ellipsis should lose
//! its marks instead.
//!
//! # Options
//! `zones` (headline, standfirst, caption); `near` (0.6): the share of words a
//! body quotation must share, in order, to be reported as a near match;
//! `speaker_must_match` (true); `soften_paraphrase` (false): report words no body
//! quotation comes near as a warning rather than at the rule's severity.

use super::{Check, Context, Hit, fidelity_util as fu};
use crate::model::{Quote, QuoteKind, SpeakerSource, Zone};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisplayQuote {
    #[serde(default = "default_zones")]
    pub zones: Vec<Zone>,
    #[serde(default = "default_near")]
    pub near: f64,
    #[serde(default = "yes")]
    pub speaker_must_match: bool,
    #[serde(default)]
    pub soften_paraphrase: bool,
}

fn default_zones() -> Vec<Zone> {
    vec![Zone::Headline, Zone::Standfirst, Zone::Caption]
}

fn default_near() -> f64 {
    0.6
}

fn yes() -> bool {
    true
}

impl Default for DisplayQuote {
    fn default() -> Self {
        DisplayQuote {
            zones: default_zones(),
            near: default_near(),
            speaker_must_match: true,
            soften_paraphrase: false,
        }
    }
}

/// True when the display quotation's words are in body quotations, but only in
/// scare quotes: nobody in the body is said to have used them either.
pub fn supported_only_by_scare(cx: &Context, q: &Quote) -> bool {
    let segs = fu::segments(q.span.slice(cx.source));
    let holding: Vec<_> = fu::body_chains(cx)
        .iter()
        .filter(|(_, w)| fu::contains_with_gaps(w, &segs))
        .collect();
    !holding.is_empty() && holding.iter().all(|(b, _)| b.kind == QuoteKind::Scare)
}

/// The name before a display quotation: "Lansman: '…'" gives "Lansman".
fn prefix_name<'s>(cx: &Context<'s>, q: &Quote) -> Option<&'s str> {
    let para = cx.article.paragraphs[q.paragraph].span;
    let open = q.open?.start;
    let before = cx.source[para.start..open].trim_end();
    let before = before.strip_suffix(':')?;
    let name = before
        .rsplit([':', '-', '–', '—', '|'])
        .next()
        .unwrap_or(before)
        .trim();
    let ws: Vec<&str> = name.split_whitespace().collect();
    let named = (1..=4).contains(&ws.len())
        && ws
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    named.then_some(name)
}

/// Headline labels before a colon that are not speakers.
const KICKERS: [&str; 12] = [
    "exclusive",
    "analysis",
    "comment",
    "opinion",
    "watch",
    "video",
    "live",
    "update",
    "breaking",
    "interview",
    "review",
    "explainer",
];

/// The person a display quotation is given to, as a person of the article's
/// register: by a "Name: '…'" prefix, or by a cue naming them. Titles ("PM") and
/// groups ("Tories") are not compared: headlines shorten them.
fn shown_speaker(cx: &Context, q: &Quote) -> Option<(String, usize)> {
    let people = &cx.article.people;
    if let Some(name) = prefix_name(cx, q) {
        let last = fu::words(name).pop()?;
        if KICKERS.contains(&last.as_str()) {
            return None;
        }
        // Somebody the article never names gets `usize::MAX`: no body speaker.
        let i = people
            .iter()
            .position(|p| fu::words(&p.name).last() == Some(&last))
            .unwrap_or(usize::MAX);
        return Some((name.to_string(), i));
    }
    let s = q
        .speaker
        .as_ref()
        .filter(|s| s.source == SpeakerSource::Named)?;
    let person = s.person?;
    (people.get(person)?.name.split_whitespace().count() >= 2).then(|| (s.name.clone(), person))
}

impl Check for DisplayQuote {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let a = cx.article;
        let body = fu::body_chains(cx);
        for q in &a.quotes {
            let zone_of = fu::effective_zone(a, cx.source, q);
            let claim = q.kind == crate::model::QuoteKind::Indirect;
            if q.depth != 0 || claim || !self.zones.contains(&zone_of) {
                continue;
            }
            let text = q.span.slice(cx.source);
            let segs = fu::segments(text);
            let words = fu::words(text);
            if words.is_empty() {
                continue;
            }
            let zone = zone_of.as_str();
            let quote = cx.quote_text(q);
            if let Some((bq, _)) = body.iter().find(|(_, w)| fu::contains_with_gaps(w, &segs)) {
                if !self.speaker_must_match {
                    continue;
                }
                let Some(theirs) = bq.speaker.as_ref() else {
                    continue;
                };
                let Some((ours, person)) = shown_speaker(cx, q) else {
                    continue;
                };
                if theirs.person == Some(person) {
                    continue;
                }
                let mut hit = Hit::at(q.span)
                    .var(
                        "problem",
                        format!(
                            "the {zone} gives “{quote}” to {ours}; the body quotes {} saying it",
                            theirs.name
                        ),
                    )
                    .var("remedy", "name the speaker the body names")
                    .label(bq.span, "the body quotation");
                hit.soften = theirs.source.is_inferred();
                out.push(hit);
                continue;
            }
            let near = body
                .iter()
                .map(|(bq, w)| (fu::best_match(&words, w), bq, w))
                .filter(|((score, from, to), _, w)| {
                    *score >= self.near && fu::lcs(&words, &w[*from..*to]).len() >= 3
                })
                .max_by(|a, b| a.0.0.total_cmp(&b.0.0));
            let hit = match near {
                Some(((_, from, to), bq, w)) => Hit::at(q.span)
                    .var(
                        "problem",
                        format!(
                            "the {zone} quotes “{quote}”, but the body quotation reads “{}”: {}",
                            fu::shown(&w[from..to], 60),
                            fu::word_diff(&words, &w[from..to])
                        ),
                    )
                    .var(
                        "remedy",
                        "quote the body’s words exactly (an omission marked), or drop the quotation marks",
                    )
                    .label(bq.span, "the body quotation"),
                None => {
                    let mut h = Hit::at(q.span)
                        .var(
                            "problem",
                            format!("the {zone} quotes “{quote}”, words no body quotation holds"),
                        )
                        .var(
                            "remedy",
                            "quote words the body quotes, or drop the quotation marks around a paraphrase",
                        );
                    h.soften = self.soften_paraphrase;
                    h
                }
            };
            out.push(hit);
        }
    }
}
