//! Anonymous sources granted anonymity with no reason given.
//!
//! # What it checks
//! The first mention of each confidential anonymous source (see
//! `anonymous-source`) with no reason for the anonymity in the narrative of the
//! same or the next sentence: “because …” after a declaration of anonymity, “as
//! he was not authorised to speak”, “for fear of …”, “on condition of anonymity
//! because …”. “Speaking anonymously” declares the anonymity but gives no
//! reason. Unnamed members of the public (a resident, an activist at the
//! meeting) and organisations’ spokespeople are not confidential sources and are
//! left alone. Off when the house table says `anonymity_reason_required = false`.
//!
//! # Why an editor cares
//! NYT (since 2004), AP and APME, and SPJ all ask the story to tell readers why
//! anonymity was granted.
//!
//! # Options
//! `reason_patterns`: phrases that give a reason on their own;
//! `after_declaration`: words that give a reason when they follow a declaration
//! of anonymity (“… asked not to be named because …”); `applies_to`: `quotes`
//! (sources quoted in quotation marks) or `all` (paraphrased sources too).

use super::anonymity_util::{Class, has_phrase, lists, sentence_and_next, sources, words_of};
use super::{Check, Context, Hit};
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AppliesTo {
    Quotes,
    All,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnonymityReason {
    #[serde(default)]
    pub reason_patterns: Vec<String>,
    #[serde(default)]
    pub after_declaration: Vec<String>,
    #[serde(default = "all")]
    pub applies_to: AppliesTo,
}

fn all() -> AppliesTo {
    AppliesTo::All
}

impl Default for AnonymityReason {
    fn default() -> Self {
        AnonymityReason {
            reason_patterns: Vec::new(),
            after_declaration: Vec::new(),
            applies_to: AppliesTo::All,
        }
    }
}

/// Words that declare anonymity, after which “because”, “as” … give the reason.
const ANON_WORDS: &[&str] = &["anonymity", "anonymously", "named", "identified", "record"];

impl AnonymityReason {
    fn has_reason(&self, words: &[String]) -> bool {
        if self
            .reason_patterns
            .iter()
            .any(|p| has_phrase(words, &p.to_lowercase()).is_some())
        {
            return true;
        }
        words.windows(2).any(|w| {
            ANON_WORDS.contains(&w[0].as_str()) && self.after_declaration.iter().any(|a| a == &w[1])
        })
    }
}

impl Check for AnonymityReason {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        if !cx.house.anonymity_reason_required {
            return;
        }
        for s in sources(cx) {
            if s.class != Class::Confidential
                || (self.applies_to == AppliesTo::Quotes && s.quotes.is_empty())
            {
                continue;
            }
            let around = sentence_and_next(cx, s.mention);
            let words = words_of(&around);
            if self.has_reason(&words) {
                continue;
            }
            let declared = lists()
                .anonymity_declarations
                .iter()
                .find(|d| has_phrase(&words, d).is_some())
                .map(|d| format!(" (“{d}” says it is anonymous, not why)"))
                .unwrap_or_default();
            let descriptor = s.mention.slice(cx.source).trim_end_matches(',');
            let mut hit = Hit::at(s.anchor())
                .var("descriptor", descriptor)
                .var("declared", declared);
            if !s.quotes.is_empty() {
                hit = hit.label(s.mention, "anonymous source");
            }
            out.push(hit);
        }
    }
}
