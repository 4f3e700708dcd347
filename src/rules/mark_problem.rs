//! Quotation marks that do not pair, or face the wrong way.
//!
//! # What it checks
//! The marks the extractor could not pair: an opening mark never closed (when the
//! next paragraph does not continue the quotation), a closing mark with nothing
//! open, a curly mark turned the wrong way.
//!
//! # Why an editor cares
//! An unclosed quotation leaves the reader unsure where someone's words end; a
//! reversed mark is a smart-quote slip that also breaks pairing.
//!
//! # Options
//! `problems`: which of `unclosed-open`, `unopened-close`, `reversed` to report.

use super::{Check, Context, Hit};
use crate::model::MarkProblemKind;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkProblemCheck {
    #[serde(default)]
    pub problems: Vec<MarkProblemKind>,
}

impl Check for MarkProblemCheck {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        for p in &cx.article.mark_problems {
            if !self.problems.contains(&p.kind) {
                continue;
            }
            let what = match p.kind {
                MarkProblemKind::UnclosedOpen => "this opening mark is never closed",
                MarkProblemKind::UnopenedClose => "this closing mark closes nothing",
                MarkProblemKind::Reversed => "this mark faces the wrong way",
            };
            let mut hit = Hit::at(p.span)
                .var("mark", p.mark.to_string())
                .var("what", what)
                .label(p.span, what);
            // A reversed mark is turned round: the glyph alone changes.
            if p.kind == MarkProblemKind::Reversed
                && let Some(m) = super::fix_util::mirror(p.mark)
                && p.span.slice(cx.source).starts_with(p.mark)
                && p.span.len() == p.mark.len_utf8()
            {
                hit = hit.edit(p.span, m.to_string());
            }
            out.push(hit);
        }
    }
}
