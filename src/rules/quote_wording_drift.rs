//! The same speaker's quotation worded differently in two articles.
//!
//! # What it checks
//! Two quotations from the same speaker, in different articles of the run, that
//! are nearly identical but differ in words; the message gives a word-level diff.
//! Marked omissions (ellipses), bracketed alterations and excerpts of a longer
//! quotation are not differences. Display text (headlines, standfirsts, captions)
//! is left to the display rules; differences within one article are
//! `repeated-quote-differs`. A finding resting on an inferred speaker says so.
//!
//! # Why an editor cares
//! AP and Reuters forbid altering quotations; quoted text measurably mutates as it
//! travels between stories. Quotation marks promise the speaker's exact words.
//!
//! # Options
//! `min_words` (5): the fewest words the two quotations must share;
//! `similarity` (0.85): the least token-level similarity (matched words over
//! matched and differing words) for two quotations to be the same one;
//! `same_publication_severity` ("error"): the severity when both articles are
//! from the same publication, where one desk has printed the speaker's words two
//! ways; `publication_fallback` ("none"): how to tell the publication of an
//! article whose front matter names none.
//!
//! # Same publication
//! Two articles are of the same publication when their front matter names the
//! same one (a `publication`, `outlet`, `publisher`, `site` or `source` key,
//! compared without case; a URL counts as its host, `www.` dropped), as for
//! `house-style-drift`. Articles without one are of no known publication unless
//! `publication_fallback` says how to read it from the path: "directory" (the
//! folder the file is in: one newsroom's folder) or "prefix" (the folder and the
//! file-name part before the first `_` or `-`: `guardian_0412.txt`). The default
//! is "none" because a folder of articles from several outlets (a research set,
//! a press cutting file) is common and one folder is no proof of one publication.

use super::cross::{
    CrossCheck, CrossContext, CrossHit, inferred_note, link_of, pairs_by_here, word_diff,
};
use super::house_style_drift::publication;
use super::{Check, Context, Hit};
use crate::finding::Severity;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct QuoteWordingDrift {
    pub min_words: usize,
    pub similarity: f64,
    pub same_publication_severity: Severity,
    pub publication_fallback: String,
}

impl Default for QuoteWordingDrift {
    fn default() -> Self {
        QuoteWordingDrift {
            min_words: 5,
            similarity: 0.85,
            same_publication_severity: Severity::Error,
            publication_fallback: "none".into(),
        }
    }
}

impl Check for QuoteWordingDrift {
    fn check(&self, _: &Context, _: &mut Vec<Hit>) {}

    fn cross(&self) -> Option<&dyn CrossCheck> {
        Some(self)
    }
}

impl CrossCheck for QuoteWordingDrift {
    fn check_cross(&self, cx: &CrossContext, out: &mut Vec<CrossHit>) {
        let l = cx.ledger;
        let mut pubs: Vec<Option<Option<String>>> = vec![None; cx.files.len()];
        let mut publication_of = |f: usize| -> Option<String> {
            pubs[f]
                .get_or_insert_with(|| publication(cx.files[f], &self.publication_fallback))
                .clone()
        };
        let groups = pairs_by_here(cx, |link, a, b| {
            let (Some(sa), Some(sb)) = (&a.speaker, &b.speaker) else {
                return false;
            };
            a.file != b.file
                && !link.hunks.is_empty()
                && link.matched >= self.min_words
                && link.similarity() >= self.similarity
                && !a.zone.is_display()
                && !b.zone.is_display()
                && !sa.anonymous
                && !sb.anonymous
                && sa.same_person(sb)
        });
        for (here, theres) in groups {
            let q = &l.quotes[here];
            let first = &l.quotes[theres[0]];
            let link = link_of(l, here, theres[0]).expect("a linked pair");
            let diff = word_diff(
                cx.source(q.file),
                &q.words,
                cx.source(first.file),
                &first.words,
                &link.hunks,
                link.a == here,
            );
            let s = q.speaker.as_ref().expect("kept pairs have speakers");
            let fs = first.speaker.as_ref().expect("kept pairs have speakers");
            let mut hit = Hit::at(q.span)
                .var("speaker", s.name.clone())
                .var("where", cx.where_(q.file, first.file))
                .var("diff", diff)
                .var("note", inferred_note(s.source, fs.source))
                .label(q.span, "worded this way here");
            hit.soften = s.source.is_inferred() || fs.source.is_inferred();
            for t in &theres {
                let o = &l.quotes[*t];
                hit.related.push(cx.related(
                    o.file,
                    o.span,
                    format!("the same quotation of {}, worded differently", s.name),
                ));
            }
            let here_pub = publication_of(q.file);
            let same = here_pub.is_some()
                && theres
                    .iter()
                    .any(|t| publication_of(l.quotes[*t].file) == here_pub);
            let mut ch = CrossHit::new(q.file, hit);
            if same {
                ch.severity = Some(self.same_publication_severity);
                ch.hit = ch.hit.var("publication", ", in the same publication");
            } else {
                ch.hit = ch.hit.var("publication", "");
            }
            out.push(ch);
        }
    }
}
