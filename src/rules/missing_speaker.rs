//! Quotations nobody is said to have spoken.
//!
//! # What it checks
//! A direct or partial quotation in the body for which no speaker was found: no
//! cue in its sentence or paragraph, not the continuation of an attributed
//! quotation, not right after an attributed quotation it continues.
//!
//! # Why an editor cares
//! Every newsroom standard requires quoted words to be attributed; a reader must
//! know whose words they are.
//!
//! # Options
//! `kinds`: the quotation kinds checked (default direct and partial); `zones`: the
//! zones checked (default body).

use super::{Check, Context, Hit};
use crate::model::{QuoteKind, Zone};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MissingSpeaker {
    #[serde(default = "default_kinds")]
    pub kinds: Vec<QuoteKind>,
    #[serde(default = "default_zones")]
    pub zones: Vec<Zone>,
}

fn default_kinds() -> Vec<QuoteKind> {
    vec![QuoteKind::Direct, QuoteKind::Partial]
}

fn default_zones() -> Vec<Zone> {
    vec![Zone::Body]
}

impl Default for MissingSpeaker {
    fn default() -> Self {
        MissingSpeaker {
            kinds: default_kinds(),
            zones: default_zones(),
        }
    }
}

impl Check for MissingSpeaker {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        for q in &cx.article.quotes {
            if q.depth == 0
                && q.speaker.is_none()
                && self.kinds.contains(&q.kind)
                && self.zones.contains(&q.zone)
            {
                out.push(Hit::at(q.span).var("quote", cx.quote_text(q)));
            }
        }
    }
}
