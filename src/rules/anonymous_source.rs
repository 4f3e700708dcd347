//! Anonymous and unnamed sources, listed.
//!
//! # What it checks
//! Every source the article leaves unnamed, once, at its first quotation (or at
//! the mention, for a source only paraphrased), with its descriptor: a
//! confidential source ("a Momentum source", "another Labour MP speaking
//! anonymously", "officials") as anonymous; a member of the public ("one Labour
//! activist at the meeting", a resident, a witness, a voter) or a collective ("a
//! number of local groups") as unnamed. A multi-paragraph quotation is one
//! quotation; further quotations of the same source are labelled, not reported
//! again. An organisation's spokesman ("a Home Office spokesman said") is that
//! organisation speaking on the record, and is not listed.
//!
//! # Why an editor cares
//! Every standard treats anonymous sourcing as exceptional and wants it visible
//! to editors (Reuters "weakest sources", BBC, AP, NYT, Guardian, SPJ).
//!
//! # Options
//! `unnamed`: also list unnamed members of the public and collectives (default
//! true); `quotes_only`: leave out sources only paraphrased (default false).

use super::anonymity_util::{Class, sources};
use super::{Check, Context, Hit};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnonymousSource {
    #[serde(default = "yes")]
    pub unnamed: bool,
    #[serde(default)]
    pub quotes_only: bool,
}

fn yes() -> bool {
    true
}

impl Default for AnonymousSource {
    fn default() -> Self {
        AnonymousSource {
            unnamed: true,
            quotes_only: false,
        }
    }
}

impl Check for AnonymousSource {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        for s in sources(cx) {
            if (s.class != Class::Confidential && !self.unnamed)
                || (self.quotes_only && s.quotes.is_empty())
            {
                continue;
            }
            let class = match s.class {
                Class::Confidential => "anonymous source",
                Class::Public => "unnamed: a member of the public",
                Class::Collective => "unnamed: a collective",
            };
            let n = s.quotation_count(cx);
            let count = match (n, s.verb) {
                (0, Some(v)) => format!("paraphrased (“{}”)", v.slice(cx.source)),
                (0, None) => "paraphrased".to_string(),
                (1, _) => "1 quotation".to_string(),
                (n, _) => format!("{n} quotations"),
            };
            let mut hit = Hit::at(s.anchor())
                .var(
                    "descriptor",
                    s.mention.slice(cx.source).trim_end_matches(','),
                )
                .var("class", class)
                .var("count", count);
            if !s.quotes.is_empty() {
                hit = hit.label(s.mention, "the source");
            }
            for &q in s.quotes.iter().skip(1) {
                let q = &cx.article.quotes[q];
                if q.continues.is_none() {
                    hit = hit.label(q.span, "quoted again");
                }
            }
            out.push(hit);
        }
    }
}
