//! One claim given to two different sources in two articles.
//!
//! # What it checks
//! Claims (reported speech without quotation marks: "Lansman said the party
//! would hold open selections in every seat") whose content matches closely in
//! two articles of the run, given to two different named sources: two people (a
//! different surname, or the same surname with another given name), or two
//! organisations. Content is compared on normalised words like quotations,
//! aligned word by word; it must share at least `min_words` words at
//! `similarity`. Left out: anonymous or collective sources ("critics",
//! "others": `anonymous-claim-named-elsewhere` takes the anonymous ones), a
//! source guessed from the context or carried over, content linked to more than
//! `max_sources` different sources (a phrase many people say, such as "the
//! decision was a mistake for the whole country"), and one article published
//! twice. A finding resting on a source found through a pronoun or a
//! description says so and stays a warning.
//!
//! # Why an editor cares
//! A paraphrase carries the same duty of accuracy as a quotation: if one article
//! says Lansman claimed it and another that Corbyn did, one of them has the
//! source wrong, or both said it and neither article says so.
//!
//! # Options
//! `min_words` (10): the fewest words the two claims must share;
//! `similarity` (0.8): the least token-level similarity of the two claims;
//! `max_sources` (2): content given to more different sources than this is a
//! common phrase, not one source's claim; `include_inferred` (false): also
//! compare sources found through a pronoun or a description ("He said he
//! hoped ..."; softened, and the message says so). Off by default: on the bbc
//! corpus all four such conflicts were pronouns resolved to different people
//! in two copies of one story, none a real disagreement.

use super::cross::{CrossCheck, CrossContext, CrossHit, inferred_note, pairs_by_here_in};
use super::{Check, Context, Hit};
use crate::ledger::{QuoteEntry, SpeakerEntry};
use crate::model::{EntityKind, SpeakerSource};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ClaimSourceConflict {
    pub min_words: usize,
    pub similarity: f64,
    pub max_sources: usize,
    pub include_inferred: bool,
}

impl Default for ClaimSourceConflict {
    fn default() -> Self {
        ClaimSourceConflict {
            min_words: 10,
            similarity: 0.8,
            max_sources: 2,
            include_inferred: false,
        }
    }
}

impl Check for ClaimSourceConflict {
    fn check(&self, _: &Context, _: &mut Vec<Hit>) {}

    fn cross(&self) -> Option<&dyn CrossCheck> {
        Some(self)
    }
}

/// A named source a claim can be compared by: a person or an organisation,
/// not anonymous, not guessed from the context or carried over.
pub(crate) fn comparable(s: &SpeakerEntry) -> bool {
    !s.anonymous
        && matches!(s.entity, EntityKind::Person | EntityKind::Organisation)
        && !matches!(
            s.source,
            SpeakerSource::Context | SpeakerSource::CarriedOver
        )
        && !s.key.is_empty()
}

/// Whether two named sources are different: two people who are not one person,
/// two organisations with other names, or a person and an organisation (not
/// compared: a spokesman speaks for the party).
fn different(a: &SpeakerEntry, b: &SpeakerEntry) -> bool {
    match (a.entity, b.entity) {
        (EntityKind::Person, EntityKind::Person) => !a.same_person(b),
        (EntityKind::Organisation, EntityKind::Organisation) => {
            crate::ledger::fold_word(&a.name) != crate::ledger::fold_word(&b.name)
        }
        _ => false,
    }
}

/// A source's identity for counting how many sources some content is given to.
pub(crate) fn source_id(s: &SpeakerEntry) -> String {
    match (&s.given, s.entity) {
        (Some(g), EntityKind::Person) => format!("{}|{}", s.key, g.chars().next().unwrap_or(' ')),
        _ => crate::ledger::fold_word(&s.name),
    }
}

/// For each claim, the named sources of the claims linked to it (itself
/// included), counted over links that pass `close`.
pub(crate) fn sources_per_claim(
    cx: &CrossContext,
    close: impl Fn(&crate::ledger::Link) -> bool,
) -> FxHashMap<usize, FxHashSet<String>> {
    let l = cx.ledger;
    let mut by: FxHashMap<usize, FxHashSet<String>> = FxHashMap::default();
    for link in l.claim_links.iter().filter(|k| close(k)) {
        for x in [link.a, link.b] {
            let set = by.entry(x).or_default();
            for q in [link.a, link.b] {
                if let Some(s) = &l.claims[q].speaker
                    && comparable(s)
                {
                    set.insert(source_id(s));
                }
            }
        }
    }
    by
}

/// The limits both claim-pair rules take from their options.
pub(crate) struct PairLimits {
    pub min_words: usize,
    pub similarity: f64,
    pub max_sources: usize,
    pub include_inferred: bool,
}

/// The claim pairs the claim-pair rules compare, grouped by the claim that is
/// reported (`pairs_by_here_in`): in two articles, close enough by `limits`,
/// neither a common phrase given to more than `max_sources` sources, both with
/// a source (found in the cue unless `include_inferred`), and passing `keep`.
pub(crate) fn claim_pairs(
    cx: &CrossContext,
    limits: &PairLimits,
    keep: impl Fn(&QuoteEntry, &SpeakerEntry, &QuoteEntry, &SpeakerEntry) -> bool,
) -> Vec<(usize, Vec<usize>)> {
    let l = cx.ledger;
    let close = |k: &crate::ledger::Link| {
        k.matched >= limits.min_words && k.similarity() >= limits.similarity
    };
    let sources = sources_per_claim(cx, close);
    let many = |q: usize| {
        sources
            .get(&q)
            .is_some_and(|s| s.len() > limits.max_sources)
    };
    pairs_by_here_in(cx, &l.claim_links, &l.claims, |link, a, b| {
        let (Some(sa), Some(sb)) = (&a.speaker, &b.speaker) else {
            return false;
        };
        a.file != b.file
            && close(link)
            && !many(link.a)
            && !many(link.b)
            && (limits.include_inferred || !(sa.source.is_inferred() || sb.source.is_inferred()))
            && keep(a, sa, b, sb)
    })
}

/// Reports claim `here` against the claims `theres`: labels the source, softens
/// a finding that rests on an inferred source, and points to each other claim.
pub(crate) fn report_claim(
    cx: &CrossContext,
    here: usize,
    theres: &[usize],
    hit: Hit,
    out: &mut Vec<CrossHit>,
) {
    let l = cx.ledger;
    let q = &l.claims[here];
    let s = q.speaker.as_ref().expect("kept pairs have sources");
    let fs = l.claims[theres[0]]
        .speaker
        .as_ref()
        .expect("kept pairs have sources");
    let mut hit = hit.label(q.span, format!("given to {} here", s.name));
    if let Some(m) = s.mention.filter(|m| !m.is_empty() && *m != q.span) {
        hit = hit.label(m, "the source here");
    }
    hit.soften = s.source.is_inferred() || fs.source.is_inferred();
    for t in theres {
        let o = &l.claims[*t];
        let name = o.speaker.as_ref().map_or("", |x| x.name.as_str());
        hit.related
            .push(cx.related(o.file, o.span, format!("the same claim, given to {name}")));
    }
    out.push(CrossHit::new(q.file, hit));
}

impl CrossCheck for ClaimSourceConflict {
    fn check_cross(&self, cx: &CrossContext, out: &mut Vec<CrossHit>) {
        let limits = PairLimits {
            min_words: self.min_words,
            similarity: self.similarity,
            max_sources: self.max_sources,
            include_inferred: self.include_inferred,
        };
        let groups = claim_pairs(cx, &limits, |_, sa, _, sb| {
            comparable(sa) && comparable(sb) && different(sa, sb)
        });
        for (here, theres) in groups {
            let q = &cx.ledger.claims[here];
            let s = q.speaker.as_ref().expect("kept pairs have sources");
            let first = &cx.ledger.claims[theres[0]];
            let fs = first.speaker.as_ref().expect("kept pairs have sources");
            let hit = Hit::at(q.span)
                .var("speaker", s.name.clone())
                .var("other", fs.name.clone())
                .var("where", cx.where_(q.file, first.file))
                .var("claim", cx.quote_text(q, 60))
                .var("note", inferred_note(s.source, fs.source));
            report_claim(cx, here, &theres, hit, out);
        }
    }
}
