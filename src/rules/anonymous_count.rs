//! “Sources” for what is one source.
//!
//! # What it checks
//! A confidential source introduced in the plural (“party sources”, “allies”,
//! “insiders”) that the text then treats as one (“the source added”, “an aide
//! said” of the same words), or a direct quotation, one person’s words, credited
//! to a plural of `single_voice` (“sources said: “It has no chance.””).
//!
//! # Why an editor cares
//! Reuters: never cite sources in the plural when there is only one.
//!
//! # Options
//! `single_voice`: plural heads that cannot speak one quotation together
//! (default sources, insiders, allies, friends, aides, figures, people).

use super::anonymity_util::{Class, singular, sources, words_of};
use super::{Check, Context, Hit};
use crate::model::QuoteKind;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnonymousCount {
    #[serde(default)]
    pub single_voice: Vec<String>,
}

impl Check for AnonymousCount {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let all = sources(cx);
        let words = cx.narrative_words();
        for s in all {
            if s.class != Class::Confidential {
                continue;
            }
            let head = s.head();
            let one = singular(&head);
            if one == head {
                continue;
            }
            let descriptor = s.mention.slice(cx.source).trim_end_matches(',');
            // "The source added": the singular, definite, later on.
            let later = words.windows(2).find(|w| {
                w[0].0.start > s.mention.end
                    && w[0].1.eq_ignore_ascii_case("the")
                    && words_of(w[1].1).first().is_some_and(|x| *x == one)
                    && !all.iter().any(|o| {
                        o.mention.start > s.mention.start
                            && o.mention.start < w[0].0.start
                            && o.head() == one
                    })
            });
            if let Some(w) = later {
                let span = w[0].0.cover(w[1].0);
                out.push(
                    Hit::at(span)
                        .var("descriptor", descriptor)
                        .var(
                            "one",
                            format!("the text then has “{}”", span.slice(cx.source)),
                        )
                        .label(s.mention, "plural"),
                );
                continue;
            }
            if self.single_voice.contains(&head)
                && let Some(&q) = s
                    .quotes
                    .iter()
                    .find(|&&q| cx.article.quotes[q].kind == QuoteKind::Direct)
            {
                out.push(
                    Hit::at(cx.article.quotes[q].span)
                        .var("descriptor", descriptor)
                        .var(
                            "one",
                            "one quotation, one person’s words, is credited to it",
                        )
                        .label(s.mention, "plural"),
                );
            }
        }
    }
}
