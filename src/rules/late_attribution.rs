//! Speakers named only after several sentences of their quotation.
//!
//! # What it checks
//! A direct quotation in the body whose attribution follows it ("“…,” Mr Lansman
//! said.") when the quotation runs to more than `max_sentences_before_speaker`
//! sentences before the speaker is named, and the speaker has not been named
//! before the quotation. A pronoun or description cue ("he said") means the
//! speaker is already known, so only cues that name the speaker are checked.
//!
//! # Why an editor cares
//! Reuters: identify the speaker after the first sentence at the latest; the
//! Guardian: at the start or after the first sentence. A reader should not read a
//! paragraph of words before learning whose they are.
//!
//! # Options
//! `max_sentences_before_speaker` (default 1).

use super::speakers_util::{named_in_narrative, sentences_in, spoken};
use super::{Check, Context, Hit};
use crate::model::{QuoteKind, SpeakerSource, Zone};
use rustc_hash::FxHashMap;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LateAttribution {
    #[serde(default = "one")]
    pub max_sentences_before_speaker: usize,
}

fn one() -> usize {
    1
}

impl Default for LateAttribution {
    fn default() -> Self {
        LateAttribution {
            max_sentences_before_speaker: one(),
        }
    }
}

impl Check for LateAttribution {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let a = cx.article;
        let named = named_in_narrative(cx);
        // Look-ups made once an article, not a scan per quotation: where each
        // person of the register is first named in the narrative, the first
        // spoken quotation of each speaker's name, and the text in lower case.
        let mut first_named: FxHashMap<usize, usize> = FxHashMap::default();
        for m in named {
            if let Some(p) = m.person {
                let e = first_named.entry(p).or_insert(m.span.start);
                *e = (*e).min(m.span.start);
            }
        }
        let mut first_spoken: FxHashMap<String, usize> = FxHashMap::default();
        for (i, o) in a.quotes.iter().enumerate() {
            if let Some(s) = o.speaker.as_ref().filter(|_| spoken(o)) {
                first_spoken.entry(s.name.to_ascii_lowercase()).or_insert(i);
            }
        }
        let lowered = std::cell::OnceCell::new();
        let mut first_said: FxHashMap<String, Option<usize>> = FxHashMap::default();
        for (qi, q) in a.quotes.iter().enumerate() {
            let (Some(sp), Some(cue), Some(close)) = (&q.speaker, &q.cue, q.close) else {
                continue;
            };
            if !spoken(q)
                || q.kind != QuoteKind::Direct
                || q.zone != Zone::Body
                || q.continues.is_some()
                || sp.source != SpeakerSource::Named
                || cue.span.start < close.end
                || a.paragraphs
                    .get(q.paragraph)
                    .is_none_or(|p| cue.span.end > p.span.end)
            {
                continue;
            }
            // The attribution must be the quotation's own tag ("“…,” said X"), not
            // the next sentence ("“….” X said he …").
            let tag_start = sp
                .mention
                .map_or(cue.span.start, |m| m.start.min(cue.span.start));
            let ends_open = q
                .span
                .slice(cx.source)
                .trim_end()
                .ends_with([',', '?', '!', '-', '–', '—']);
            if !ends_open
                || tag_start < close.end
                || cx.source[close.end..tag_start].contains(['.', '!', '?', '"', '“', '”'])
            {
                continue;
            }
            let n = sentences_in(cx.source, q.span);
            if n <= self.max_sentences_before_speaker {
                continue;
            }
            let start = q.open.map_or(q.span.start, |o| o.start);
            let known_person = sp.person.is_some_and(|p| {
                first_named.get(&p).is_some_and(|&at| at < start)
                    || a.people[p]
                        .mentions
                        .iter()
                        .any(|m| m.span.start < start && !q.span.contains(m.span.start))
            });
            let quoted_before = first_spoken
                .get(&sp.name.to_ascii_lowercase())
                .is_some_and(|&i| i < qi);
            if known_person || quoted_before {
                continue;
            }
            let said_before = sp.person.is_none() && !sp.anonymous && {
                let lower = sp.name.to_lowercase();
                match lowered.get_or_init(|| Lowered::new(cx.source)) {
                    // The name's first place in the text, looked up once a name.
                    Lowered::Aligned(text) => first_said
                        .entry(lower)
                        .or_insert_with_key(|l| text.find(l.as_str()).map(|i| i + l.len()))
                        .is_some_and(|end| end <= start),
                    Lowered::Unaligned => cx.source[..start].to_lowercase().contains(&lower),
                }
            };
            if said_before {
                continue;
            }
            let mention = sp.mention.unwrap_or(cue.span);
            out.push(
                Hit::at(q.span)
                    .var("quote", cx.quote_text(q))
                    .var("speaker", mention.slice(cx.source).trim_end_matches(','))
                    .var("sentences", n.to_string())
                    .label(mention, format!("first named here, after {n} sentences")),
            );
        }
    }
}

/// The text in lower case, when each byte offset of it is that of the original
/// (every character's lower case is as long as itself, and no capital sigma,
/// whose lower case depends on what follows): then the lower case of a prefix
/// is a prefix of it.
enum Lowered {
    Aligned(String),
    Unaligned,
}

impl Lowered {
    fn new(source: &str) -> Lowered {
        let aligned = source.chars().all(|c| {
            c != 'Σ' && c.to_lowercase().map(char::len_utf8).sum::<usize>() == c.len_utf8()
        });
        if aligned {
            Lowered::Aligned(source.to_lowercase())
        } else {
            Lowered::Unaligned
        }
    }
}
