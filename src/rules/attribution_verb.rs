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
//! "smiled", which are beats, not tags, when they stand alone);
//! `speech_only`: only when a one-word verb reports speech: the cue of a
//! quotation, followed by "that", a subject pronoun or a clause, with a quotation
//! later in its sentence, or closing a sentence as a tag ("…, the bank warned.");
//! never in the passive ("was declared fit", "claimed her first title" is not speech);
//! `quoted_only`: only as the cue of a quotation or with a quotation later in the
//! same sentence (for mild verbs, common and harmless in paraphrase);
//! `headline`: with `quoted_only`, count the verb in a headline or standfirst too;
//! `not_after`: words that, earlier in the same sentence, make the phrase someone
//! else's reported words ("the minister said Mr Howard was wrong to say …").

use super::sourcing_util::{
    Word, narrative, narrative_lower, quote_after_in_sentence, quote_with_cue,
};
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
    #[serde(default)]
    pub speech_only: bool,
    #[serde(default)]
    pub quoted_only: bool,
    #[serde(default)]
    pub headline: bool,
    #[serde(default)]
    pub not_after: Vec<String>,
    /// `verbs` split into lower-case words, made once for every article.
    #[serde(skip)]
    phrases: std::sync::OnceLock<Vec<(Vec<String>, String)>>,
}

const PASSIVE: [&str; 10] = [
    "was", "were", "been", "being", "be", "is", "are", "get", "got", "gets",
];

const SUBJECTS: [&str; 8] = ["he", "she", "it", "they", "we", "i", "you", "there"];

/// Words that show a clause follows the verb ("insisted the team were ready").
const CLAUSE_MARKERS: [&str; 22] = [
    "that", "is", "was", "were", "are", "had", "has", "have", "would", "will", "could", "can",
    "should", "might", "may", "must", "did", "does", "do", "wanted", "needed", "knew",
];

/// Words before a verb form that make it a noun ("the claims", "amid claims",
/// "denied claims", "fresh claims").
const NOUN_MARKERS: [&str; 55] = [
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
    "in",
    "to",
    "from",
    "off",
    "against",
    "on",
    "with",
    "by",
    "for",
    "into",
    "at",
    "new",
    "fresh",
    "false",
    "similar",
    "denied",
    "denies",
    "deny",
    "denying",
    "rejected",
    "rejects",
    "dismissed",
    "dismisses",
    "scotch",
    "refuted",
    "investigating",
    "faces",
    "faced",
    "facing",
    "insurance",
    "damage",
    "any",
    "makes",
    "made",
    "making",
];

/// Words right after a verb form that make it a noun ("claims from the leader").
const NOUN_FOLLOWERS: [&str; 8] = ["of", "from", "by", "about", "against", "and", "or", "were"];

impl Check for AttributionVerb {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let phrases = self.phrases.get_or_init(|| {
            self.verbs
                .iter()
                .map(|(k, v)| {
                    (
                        k.split_whitespace().map(str::to_lowercase).collect(),
                        v.clone(),
                    )
                })
                .collect()
        });
        if self.tag_only {
            for q in &cx.article.quotes {
                let Some(cue) = &q.cue else { continue };
                let own = q
                    .speaker
                    .as_ref()
                    .is_none_or(|s| s.source != crate::model::SpeakerSource::CarriedOver);
                // A claim's cue is narrative: the word scan below reads it.
                let claim = q.kind == crate::model::QuoteKind::Indirect;
                if q.depth > 0 || q.continues.is_some() || !own || claim {
                    continue;
                }
                let first = cue.first_word_lower();
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
        let words = narrative(cx);
        let lower = narrative_lower(cx);
        let first_words: rustc_hash::FxHashSet<&str> =
            phrases.iter().map(|(p, _)| p[0].as_str()).collect();
        let mut i = 0;
        while i < words.len() {
            let Word { span, zone, .. } = words[i];
            if !self.zones.is_empty() && !self.zones.contains(&zone) {
                i += 1;
                continue;
            }
            let lw = &lower[i];
            if !first_words.contains(&**lw) {
                i += 1;
                continue;
            }
            let hit = phrases.iter().find(|(p, _)| {
                p[0] == **lw
                    && p.len() <= words.len() - i
                    && p.iter().zip(&words[i..]).all(|(a, b)| b.is(a))
            });
            let Some((phrase, reason)) = hit else {
                i += 1;
                continue;
            };
            let end = words[i + phrase.len() - 1].span.end;
            let verb_span = crate::span::Span::new(span.start, end);
            if !self.noun_use(cx, words, i, phrase.len())
                && self.wanted(cx, words, i, verb_span, phrase.len())
            {
                let mut hit = Hit::at(verb_span)
                    .var("verb", verb_span.slice(cx.source))
                    .var("reason", reason.as_str());
                if let Some(q) = quote_with_cue(cx, verb_span)
                    .or_else(|| quote_after_in_sentence(cx, verb_span.end, words[i].paragraph))
                {
                    hit = hit.label(q.span, "the quotation");
                }
                out.push(hit);
            }
            i += phrase.len();
        }
    }
}

/// Two words with only spaces between them.
fn adjacent(cx: &Context, a: &Word, b: &Word) -> bool {
    a.span.end <= b.span.start && cx.source[a.span.end..b.span.start].trim().is_empty()
}

impl AttributionVerb {
    /// A determiner or preposition right before ("the claims", "amid claims"), or
    /// "of" right after ("claims of rifts"): a noun.
    fn noun_use(&self, cx: &Context, words: &[Word], i: usize, len: usize) -> bool {
        let prev = i
            .checked_sub(1)
            .map(|j| &words[j])
            .filter(|p| adjacent(cx, p, &words[i]));
        let after = words
            .get(i + len)
            .filter(|w| adjacent(cx, &words[i + len - 1], w));
        let possessive = prev.is_some_and(|p| {
            cx.source[p.span.end..].starts_with(['’', '\''])
                || p.text.ends_with("'s")
                || p.text.ends_with("’s")
        });
        prev.is_some_and(|p| NOUN_MARKERS.contains(&&*p.lower()))
            || possessive
            || after.is_some_and(|w| NOUN_FOLLOWERS.contains(&&*w.lower()))
    }

    fn wanted(
        &self,
        cx: &Context,
        words: &[Word],
        i: usize,
        verb: crate::span::Span,
        len: usize,
    ) -> bool {
        let w = &words[i];
        let reported = words[..i]
            .iter()
            .rev()
            .take_while(|p| p.sentence == w.sentence)
            .any(|p| self.not_after.iter().any(|n| p.is(n)));
        if reported {
            return false;
        }
        let cue = quote_with_cue(cx, verb).is_some();
        let quoted = cue || quote_after_in_sentence(cx, verb.end, w.paragraph).is_some();
        let display = matches!(
            w.zone,
            crate::model::Zone::Headline | crate::model::Zone::Standfirst
        );
        if self.quoted_only && !(quoted || (self.headline && display)) {
            return false;
        }
        if !self.speech_only || cue {
            return true;
        }
        let passive = i
            .checked_sub(1)
            .map(|j| &words[j])
            .filter(|p| p.sentence == w.sentence)
            .is_some_and(|p| PASSIVE.contains(&&*p.lower()));
        if passive {
            return false;
        }
        if len > 1 || quoted {
            return true;
        }
        let last = &words[i + len - 1];
        let next = words.get(i + len).filter(|n| n.sentence == w.sentence);
        let Some(next) = next else {
            // Closing its sentence: a tag when a comma comes shortly before
            // ("…, the bank has warned.").
            let from = words[..i]
                .iter()
                .rev()
                .take(5)
                .take_while(|p| p.sentence == w.sentence)
                .last()
                .map_or(w.span.start, |p| p.span.start);
            return from < w.span.start && cx.source[from..w.span.start].contains(',');
        };
        let nl = next.lower();
        let nl: &str = &nl;
        if nl == "that" || SUBJECTS.contains(&nl) {
            return true;
        }
        if CLAUSE_MARKERS.contains(&nl) || nl == "to" {
            return false;
        }
        // A clause within a few words: "insisted the national team were ready".
        let mut prev = last;
        for n in words[i + len..].iter().take(6) {
            if n.sentence != w.sentence
                || cx.source[prev.span.end..n.span.start].contains([',', ';', ':', '“', '"'])
            {
                break;
            }
            // "that" further on is as often a relative ("blasted in a shot that …").
            if n.lower() != "that" && CLAUSE_MARKERS.contains(&&*n.lower()) {
                return true;
            }
            prev = n;
        }
        false
    }
}
