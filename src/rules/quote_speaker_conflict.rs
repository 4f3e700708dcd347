//! The same quotation given to different speakers, across the articles of a run
//! or within one article.
//!
//! # What it checks
//! Two quotations with the same words (normalised; ellipses and bracketed text are
//! gaps, and a shorter excerpt of a longer quotation counts as the same words)
//! whose speakers differ by the gold rule: honorifics and punctuation dropped, the
//! same last word is the same speaker. Anonymous speakers are left to
//! `anonymous-quote-named-elsewhere`; organisations and speakers guessed from
//! context or carried over from an earlier quotation are not compared (on the
//! bbc corpus these were extraction slips far more often than misattributions) (a party's words are often its spokesman's). A finding resting on an inferred speaker
//! (pronoun, description, carried over, context) says so and is a warning.
//!
//! # Why an editor cares
//! Misattribution is the most basic accuracy failure; quotations are copied
//! between outlets and arrive with several candidate speakers.
//!
//! # Options
//! `min_words` (6): the fewest words the two quotations must share;
//! `similarity` (0.85): the token-level similarity that makes them the same words;
//! `include_inferred` (false): also compare speakers found through a pronoun or a
//! description (softened to a warning, and the message says how the speaker
//! was found; off by default: on the bbc corpus all 11 such conflicts were
//! extraction slips, none a misattribution);
//! `fragments` (false): also compare two partial quotations (fragments woven into
//! narrative are mostly phrases of a ruling or a document, shared by design);
//! `max_speakers` (2): words linked to more named speakers than this are a shared
//! formula, not one person's; `slogan_words`: words in the narrative sentence that
//! mark the quotation as a slogan, chant or motto ("Labour's slogan would be").

use super::cross::{CrossCheck, CrossContext, CrossHit, inferred_note, pairs_by_here};
use super::quote_context_conflict::Sentences;
use super::{Check, Context, Hit};
use crate::ledger::QuoteEntry;
use crate::model::{EntityKind, QuoteKind, SpeakerSource};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct QuoteSpeakerConflict {
    pub min_words: usize,
    pub similarity: f64,
    pub include_inferred: bool,
    pub fragments: bool,
    pub max_speakers: usize,
    pub slogan_words: Vec<String>,
}

const SLOGAN_WORDS: [&str; 16] = [
    "slogan",
    "slogans",
    "motto",
    "catchphrase",
    "catch-phrase",
    "chant",
    "chanted",
    "chanting",
    "banner",
    "banners",
    "placard",
    "placards",
    "poster",
    "billed",
    "dubbed",
    "mantra",
];

impl Default for QuoteSpeakerConflict {
    fn default() -> Self {
        QuoteSpeakerConflict {
            min_words: 6,
            similarity: 0.85,
            include_inferred: false,
            fragments: false,
            max_speakers: 2,
            slogan_words: SLOGAN_WORDS.map(String::from).to_vec(),
        }
    }
}

impl Check for QuoteSpeakerConflict {
    fn check(&self, _: &Context, _: &mut Vec<Hit>) {}

    fn cross(&self) -> Option<&dyn CrossCheck> {
        Some(self)
    }
}

impl QuoteSpeakerConflict {
    /// Whether the narrative around a quotation calls it a slogan, a chant, a
    /// motto: words many people repeat, not one speaker's.
    fn called_slogan(&self, cx: &CrossContext, sentences: &Sentences, q: &QuoteEntry) -> bool {
        super::quote_context_conflict::sentence_of(cx, sentences, q).is_some_and(|(text, _)| {
            text.split(|c: char| !c.is_alphanumeric() && c != '-')
                .any(|w| self.slogan_words.iter().any(|s| s.eq_ignore_ascii_case(w)))
        })
    }

    /// For each quotation, the named speakers of the quotations linked to it
    /// (itself included): words given to many speakers are a shared formula.
    fn speakers_per_quote(&self, cx: &CrossContext) -> FxHashMap<usize, FxHashSet<String>> {
        let l = cx.ledger;
        let mut by: FxHashMap<usize, FxHashSet<String>> = FxHashMap::default();
        for link in &l.links {
            if link.matched < self.min_words || link.similarity() < self.similarity {
                continue;
            }
            for (x, y) in [(link.a, link.b), (link.b, link.a)] {
                let set = by.entry(x).or_default();
                for q in [x, y] {
                    if let Some(s) = &l.quotes[q].speaker
                        && !s.anonymous
                        && !s.key.is_empty()
                    {
                        set.insert(s.key.clone());
                    }
                }
            }
        }
        by
    }
}

impl CrossCheck for QuoteSpeakerConflict {
    fn check_cross(&self, cx: &CrossContext, out: &mut Vec<CrossHit>) {
        let l = cx.ledger;
        let speakers = self.speakers_per_quote(cx);
        let sentences = Sentences::default();
        let many = |q: usize| {
            speakers
                .get(&q)
                .is_some_and(|s| s.len() > self.max_speakers)
        };
        let groups = pairs_by_here(cx, |link, a, b| {
            if !self.fragments && a.kind == QuoteKind::Partial && b.kind == QuoteKind::Partial {
                return false;
            }
            if many(link.a) || many(link.b) {
                return false;
            }
            let (Some(sa), Some(sb)) = (&a.speaker, &b.speaker) else {
                return false;
            };
            link.matched >= self.min_words
                && link.similarity() >= self.similarity
                && !sa.anonymous
                && !sb.anonymous
                && sa.entity == EntityKind::Person
                && sb.entity == EntityKind::Person
                && (self.include_inferred || !(sa.source.is_inferred() || sb.source.is_inferred()))
                && !matches!(
                    sa.source,
                    SpeakerSource::Context | SpeakerSource::CarriedOver
                )
                && !matches!(
                    sb.source,
                    SpeakerSource::Context | SpeakerSource::CarriedOver
                )
                && !sa.key.is_empty()
                && !sb.key.is_empty()
                && !sa.same_person(sb)
                && !self.called_slogan(cx, &sentences, a)
                && !self.called_slogan(cx, &sentences, b)
        });
        for (here, theres) in groups {
            let q = &l.quotes[here];
            let s = q.speaker.as_ref().expect("kept pairs have speakers");
            let first = &l.quotes[theres[0]];
            let fs = first.speaker.as_ref().expect("kept pairs have speakers");
            let note = inferred_note(s.source, fs.source);
            let soften = s.source.is_inferred()
                || theres.iter().any(|t| {
                    l.quotes[*t]
                        .speaker
                        .as_ref()
                        .is_some_and(|x| x.source.is_inferred())
                });
            let mut hit = Hit::at(q.span)
                .var("speaker", s.name.clone())
                .var("other", fs.name.clone())
                .var("where", cx.where_(q.file, first.file))
                .var("note", note)
                .label(q.span, format!("given to {} here", s.name));
            if let Some(m) = s.mention.filter(|m| *m != q.span) {
                hit = hit.label(m, "the speaker here");
            }
            for t in &theres {
                let o = &l.quotes[*t];
                let name = o.speaker.as_ref().map_or("", |x| x.name.as_str());
                hit.related.push(cx.related(
                    o.file,
                    o.span,
                    format!("the same words, given to {name}"),
                ));
            }
            hit.soften = soften;
            out.push(CrossHit::new(q.file, hit));
        }
    }
}
