//! Anonymous descriptors that say nothing about the source.
//!
//! # What it checks
//! A confidential anonymous source (see `anonymous-source`) whose descriptor
//! gives no qualifier: no organisation, role, seniority or knowledge, just “a
//! source”, “sources”, “one MP”, “an insider”, “a government colleague”. A word
//! before the head counts as a qualifier unless it is in `weak` (“government”,
//! “unnamed” …); so does a phrase after it (“at the club”, “close to the
//! talks”, “who was at the meeting”). Declarations of anonymity (“speaking
//! anonymously”) are not qualifiers. Spokespeople and members of the public are
//! left alone.
//!
//! # Why an editor cares
//! AP: “a source” unmodified is almost always prohibited; the Guardian’s ladder
//! runs from “one MP” (meaningless) to “cabinet minister with direct knowledge”;
//! the BBC asks to give what can be said about the source.
//!
//! # Options
//! `min_qualifiers` (default 1); `weak`: words before the head that do not
//! qualify a source; `too_vague`: descriptors (determiner dropped) always
//! reported, whatever follows them.

use super::anonymity_util::{Class, has_phrase, lists, sources, words_of};
use super::{Check, Context, Hit};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VagueDescriptor {
    #[serde(default = "one")]
    pub min_qualifiers: usize,
    #[serde(default)]
    pub weak: Vec<String>,
    #[serde(default)]
    pub too_vague: Vec<String>,
}

fn one() -> usize {
    1
}

impl Default for VagueDescriptor {
    fn default() -> Self {
        VagueDescriptor {
            min_qualifiers: 1,
            weak: Vec::new(),
            too_vague: Vec::new(),
        }
    }
}

const DETERMINERS: &[&str] = &[
    "a", "an", "one", "another", "two", "three", "four", "five", "six", "several", "some", "many",
    "other", "various", "numerous", "multiple", "few",
];

/// Words after the head that are not qualifiers: the verb, the cue, a
/// declaration.
const NOT_POST: &[&str] = &["said", "says", "told", "added", "speaking", "who", "and"];

impl Check for VagueDescriptor {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        for s in sources(cx) {
            if s.class != Class::Confidential {
                continue;
            }
            let desc = words_of(&s.descriptor);
            let Some((head, pre)) = desc.split_last() else {
                continue;
            };
            let pre: Vec<&String> = pre
                .iter()
                .filter(|w| !DETERMINERS.contains(&w.as_str()))
                .collect();
            let bare = pre
                .iter()
                .map(|w| w.as_str())
                .chain([head.as_str()])
                .collect::<Vec<_>>()
                .join(" ");
            let forced = self.too_vague.iter().any(|v| v.to_lowercase() == bare);
            let mut qualifiers = pre.iter().filter(|w| !self.weak.contains(w)).count();
            // The mention beyond the descriptor, declarations taken out.
            let mention = s.mention.slice(cx.source);
            let mut rest = words_of(mention);
            rest.drain(..desc.len().min(rest.len()));
            for d in &lists().anonymity_declarations {
                while let Some(k) = has_phrase(&rest, d) {
                    rest.drain(k..k + d.split_whitespace().count());
                }
            }
            if rest
                .first()
                .is_some_and(|w| !NOT_POST.contains(&w.as_str()) && w != "anonymously")
            {
                qualifiers += 1;
            }
            if forced || qualifiers < self.min_qualifiers {
                let mut hit = Hit::at(s.mention).var("descriptor", s.descriptor.clone());
                if let Some(&q) = s.quotes.first() {
                    hit = hit.label(cx.article.quotes[q].span, "quoted");
                }
                out.push(hit);
            }
        }
    }
}
