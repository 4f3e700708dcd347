//! One speaker quoted twice in the body with nearly the same words.
//!
//! # What it checks
//! Two body quotations of the same speaker where the shorter one's words are
//! almost all found, in order and close together, in the other (at least
//! `similarity` of them), but not verbatim (marked omissions allowed). Typical: a
//! quoted summary high up, the full quotation lower down. Quotations repeated word
//! for word, and a partial quotation cut verbatim from a full one, are left alone.
//!
//! # Why an editor cares
//! Quotation marks promise verbatim words; a reader who sees two versions of one
//! remark stops trusting either.
//!
//! # Options
//! `similarity` (0.8): the share of the shorter quotation's words the other must
//! hold; `min_words` (4): shorter quotations are not compared.

use super::{Check, Context, Hit, fidelity_util as fu};
use crate::model::Quote;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RepeatedQuote {
    #[serde(default = "default_similarity")]
    pub similarity: f64,
    #[serde(default = "default_min")]
    pub min_words: usize,
}

fn default_similarity() -> f64 {
    0.8
}

fn default_min() -> usize {
    4
}

impl Default for RepeatedQuote {
    fn default() -> Self {
        RepeatedQuote {
            similarity: default_similarity(),
            min_words: default_min(),
        }
    }
}

fn same_speaker(a: &Quote, b: &Quote) -> bool {
    match (&a.speaker, &b.speaker) {
        (Some(x), Some(y)) => match (x.person, y.person) {
            (Some(i), Some(j)) => i == j,
            _ => x.name.eq_ignore_ascii_case(&y.name),
        },
        _ => false,
    }
}

/// True when the words shared are one unbroken run in both: the two differ only
/// in how they begin or end ("I'm delighted to be here" and "I'm delighted to be
/// back"), two remarks that start alike rather than one remark in two versions.
fn edges_only(a: &[String], b: &[String]) -> bool {
    let pairs = fu::lcs(a, b);
    pairs
        .windows(2)
        .all(|w| w[1].0 == w[0].0 + 1 && w[1].1 == w[0].1 + 1)
}

/// How many earlier distinct quotations of one speaker each is compared with: far
/// more than an article holds, and what keeps a hostile file of 100,000
/// quotations linear.
const WINDOW: usize = 64;

/// The pairs of chains (earlier, later) that may be one speaker's: quotations
/// grouped by person and by name, a word-for-word repeat of an earlier one of
/// the group left out (it would give the same finding again), each compared with
/// the `WINDOW` earlier ones of its group.
fn candidate_pairs(chains: &[(&Quote, Vec<String>)]) -> Vec<(usize, usize)> {
    use std::collections::{HashMap, HashSet};
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, (q, _)) in chains.iter().enumerate() {
        let Some(s) = &q.speaker else { continue };
        if let Some(p) = s.person {
            groups.entry(format!("p{p}")).or_default().push(i);
        }
        groups
            .entry(format!("n{}", s.name.to_ascii_lowercase()))
            .or_default()
            .push(i);
    }
    let mut pairs = HashSet::new();
    for members in groups.values() {
        let mut seen: HashSet<&[String]> = HashSet::new();
        let mut distinct: Vec<usize> = Vec::new();
        for &j in members {
            let from = distinct.len().saturating_sub(WINDOW);
            pairs.extend(distinct[from..].iter().map(|&i| (i, j)));
            if seen.insert(chains[j].1.as_slice()) {
                distinct.push(j);
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = pairs.into_iter().collect();
    pairs.sort_unstable();
    pairs
}

impl Check for RepeatedQuote {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let chains = fu::body_chains(cx);
        for (i, j) in candidate_pairs(chains) {
            let ((qa, wa), (qb, wb)) = (&chains[i], &chains[j]);
            {
                if !same_speaker(qa, qb) {
                    continue;
                }
                let ((short_q, short), (long_q, long)) = if wa.len() <= wb.len() {
                    ((qa, wa), (qb, wb))
                } else {
                    ((qb, wb), (qa, wa))
                };
                if short.len() < self.min_words || short.len() > 400 || long.len() > 2000 {
                    continue;
                }
                // Two sentences of one paragraph are one remark's parts, not two
                // versions of it ("We did not disclose …" "We did not talk …").
                if short_q.paragraph == long_q.paragraph {
                    continue;
                }
                let segs = fu::segments(short_q.span.slice(cx.source));
                if fu::contains_with_gaps(long, &segs) {
                    continue;
                }
                let (score, from, to) = fu::best_match(short, long);
                if score < self.similarity || edges_only(short, &long[from..to]) {
                    continue;
                }
                let speaker = short_q.speaker.as_ref().map_or("", |s| s.name.as_str());
                let inferred = [short_q, long_q]
                    .iter()
                    .any(|q| q.speaker.as_ref().is_some_and(|s| s.source.is_inferred()));
                let mut hit = Hit::at(short_q.span)
                    .var("quote", cx.quote_text(short_q))
                    .var("speaker", speaker)
                    .var("other", fu::shown(&long[from..to], 60))
                    .var("diff", fu::word_diff(short, &long[from..to]))
                    .var(
                        "note",
                        if inferred {
                            " (the speaker of one is inferred)"
                        } else {
                            ""
                        },
                    )
                    .label(long_q.span, "the other version");
                hit.soften = inferred;
                out.push(hit);
            }
        }
    }
}
