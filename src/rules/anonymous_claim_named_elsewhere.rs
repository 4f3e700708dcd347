//! The same claim given to an anonymous source in one article and to a named
//! source in another.
//!
//! # What it checks
//! Claims (reported speech without quotation marks) whose content matches
//! closely in two articles of the run, one given to an anonymous source ("a
//! senior Momentum source said the group would ..."), the other to a named
//! person: the second article names the source, or the first hides one who is
//! on the record elsewhere. Content is compared on normalised words, aligned
//! word by word, with at least `min_words` shared words at `similarity`. Content
//! given to more than `max_sources` different named sources is a common phrase
//! and left out; so is one article published twice. A finding resting on a
//! source found through a pronoun or a description says so.
//!
//! # Why an editor cares
//! An undertaking of anonymity binds the whole organisation (BBC); the same
//! content under a name elsewhere identifies the source (jigsaw identification),
//! and Reuters forbids contradictory on-record and background sourcing. When the
//! source has since gone on the record, the anonymous version should say so.
//!
//! # Options
//! `min_words` (10): the fewest words the two claims must share;
//! `similarity` (0.8): the least token-level similarity of the two claims;
//! `max_sources` (2): content given to more named sources than this is a common
//! phrase; `include_inferred` (false): also compare sources found through a
//! pronoun or a description (softened, and the message says so). Off by
//! default: on the bbc corpus three of five such pairs were a pronoun resolved
//! to the wrong person or a named person's apposition read as anonymous.
//!
//! An anonymous descriptor in apposition to a name ("Philippe Sands QC, a
//! member of Matrix Chambers, says") or one holding a known given name ("Former
//! welfare minister Frank Field MP") is not an anonymous source.

use super::claim_source_conflict::{PairLimits, claim_pairs, comparable, report_claim};
use super::cross::{CrossCheck, CrossContext, CrossHit, inferred_note};
use super::{Check, Context, Hit};
use crate::model::{EntityKind, SpeakerSource};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AnonymousClaimNamedElsewhere {
    pub min_words: usize,
    pub similarity: f64,
    pub max_sources: usize,
    pub include_inferred: bool,
}

impl Default for AnonymousClaimNamedElsewhere {
    fn default() -> Self {
        AnonymousClaimNamedElsewhere {
            min_words: 10,
            similarity: 0.8,
            max_sources: 2,
            include_inferred: false,
        }
    }
}

impl Check for AnonymousClaimNamedElsewhere {
    fn check(&self, _: &Context, _: &mut Vec<Hit>) {}

    fn cross(&self) -> Option<&dyn CrossCheck> {
        Some(self)
    }
}

fn anonymous(cx: &CrossContext, file: usize, s: &crate::ledger::SpeakerEntry) -> bool {
    if !s.anonymous
        || matches!(
            s.source,
            SpeakerSource::Context | SpeakerSource::CarriedOver
        )
    {
        return false;
    }
    let lex = crate::lexicon::Lexicon::get();
    let named = s.name.split_whitespace().any(|w| {
        let f = crate::ledger::fold_word(w);
        w.starts_with(char::is_uppercase)
            && (lex.first_names_male.contains(&f) || lex.first_names_female.contains(&f))
    });
    if named {
        return false;
    }
    // "Philippe Sands QC, a member of ...": the descriptor is an apposition.
    let apposition = s.mention.is_some_and(|m| {
        let before = cx.source(file)[..m.start].trim_end();
        before.strip_suffix(',').is_some_and(|b| {
            b.trim_end()
                .rsplit(char::is_whitespace)
                .next()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
        })
    });
    !apposition
}

fn named_person(s: &crate::ledger::SpeakerEntry) -> bool {
    comparable(s) && s.entity == EntityKind::Person
}

impl CrossCheck for AnonymousClaimNamedElsewhere {
    fn check_cross(&self, cx: &CrossContext, out: &mut Vec<CrossHit>) {
        let limits = PairLimits {
            min_words: self.min_words,
            similarity: self.similarity,
            max_sources: self.max_sources,
            include_inferred: self.include_inferred,
        };
        let groups = claim_pairs(cx, &limits, |a, sa, b, sb| {
            (anonymous(cx, a.file, sa) && named_person(sb))
                || (anonymous(cx, b.file, sb) && named_person(sa))
        });
        for (here, theres) in groups {
            let q = &cx.ledger.claims[here];
            let s = q.speaker.as_ref().expect("kept pairs have sources");
            let first = &cx.ledger.claims[theres[0]];
            let fs = first.speaker.as_ref().expect("kept pairs have sources");
            let which = if s.anonymous {
                "names the source"
            } else {
                "keeps the source anonymous"
            };
            let hit = Hit::at(q.span)
                .var("speaker", s.name.clone())
                .var("other", fs.name.clone())
                .var("where", cx.where_(q.file, first.file))
                .var("which", which)
                .var("note", inferred_note(s.source, fs.source));
            report_claim(cx, here, &theres, hit, out);
        }
    }
}
