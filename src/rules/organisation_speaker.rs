//! Quotations given to an organisation or a document, with no person named.
//!
//! # What it checks
//! A direct or partial quotation whose speaker is an organisation ("Momentum
//! said: …") or, unless `documents_ok`, a document ("the petition states"), in
//! the body. A spokesperson ("a Momentum spokeswoman said") is a person and is
//! left alone. Each quotation is reported once, at its first paragraph.
//!
//! # Why an editor cares
//! The BBC asks that sources be identified so the audience can judge them; many
//! houses want "a spokesman for X said" rather than words spoken by a building.
//!
//! # Options
//! `documents_ok`: documents (petitions, statements, reports) may speak (default
//! true).

use super::{Check, Context, Hit};
use crate::model::{EntityKind, QuoteKind, SpeakerSource, Zone};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganisationSpeaker {
    #[serde(default = "yes")]
    pub documents_ok: bool,
}

fn yes() -> bool {
    true
}

impl Default for OrganisationSpeaker {
    fn default() -> Self {
        OrganisationSpeaker { documents_ok: true }
    }
}

impl Check for OrganisationSpeaker {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        for q in &cx.article.quotes {
            let Some(s) = &q.speaker else { continue };
            let wanted = s.entity == EntityKind::Organisation
                || (s.entity == EntityKind::Document && !self.documents_ok);
            if !wanted
                || q.depth > 0
                || q.continues.is_some()
                || q.zone != Zone::Body
                || s.source == SpeakerSource::CarriedOver
                || !matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial)
            {
                continue;
            }
            let mut hit = Hit::at(q.span)
                .var("quote", cx.quote_text(q))
                .var("speaker", s.name.clone());
            hit.soften = s.source.is_inferred();
            if let Some(m) = s.mention {
                hit = hit.label(m, "the organisation");
            }
            out.push(hit);
        }
    }
}
