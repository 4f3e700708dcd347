//! Web-page debris left in the copy.
//!
//! # What it checks
//! Paragraphs a standards editor strips before publication, one finding per
//! block of consecutive ones: page furniture (the boilerplate zone: reaction
//! buttons, "Related Posts", comment-forum and newsletter text, author boxes,
//! "Read the full interview here"), a picture caption given twice (the scrape of
//! an image's alt text and its caption), a masthead line that repeats the site's
//! name, and, with `bylines`, a byline block carrying a page's date stamp
//! ("Published: … Last modified: …", "Issue No. 2488", "22:47 GMT"). A byline
//! or a match-report header without such a stamp is left alone: it is an
//! article part, not debris. Also "(pictured)" in body text, which points to a
//! picture the text does not contain.
//!
//! # Why an editor cares
//! Furniture scraped with the article reads as part of it; duplicated captions and
//! stray buttons are the first sign that copy was pasted from a web page rather
//! than written for this one.
//!
//! # Options
//! `bylines` (true): report byline blocks with a date stamp; `pictured` (true):
//! report "(pictured)" references.

use super::{Check, Context, Hit};
use crate::model::Zone;
use crate::span::Span;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZoneDebris {
    #[serde(default = "yes")]
    pub bylines: bool,
    #[serde(default = "yes")]
    pub pictured: bool,
}

fn yes() -> bool {
    true
}

impl Default for ZoneDebris {
    fn default() -> Self {
        ZoneDebris {
            bylines: true,
            pictured: true,
        }
    }
}

fn letters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

impl Check for ZoneDebris {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let ps = &cx.article.paragraphs;
        let text = |i: usize| ps[i].span.slice(cx.source);
        let mut why: Vec<Option<&'static str>> = vec![None; ps.len()];
        for (i, p) in ps.iter().enumerate() {
            if p.zone == Zone::Boilerplate {
                why[i] = Some("page furniture");
            }
        }
        // A caption twice: one paragraph the other's start, the credit aside.
        for i in 1..ps.len() {
            let caption = ps[i - 1].zone == Zone::Caption || ps[i].zone == Zone::Caption;
            if !caption {
                continue;
            }
            let (a, b) = (letters(text(i - 1)), letters(text(i)));
            if a.len().min(b.len()) >= 20 && (a.starts_with(&b) || b.starts_with(&a)) {
                why[i - 1] = Some("the picture caption twice");
                why[i] = Some("the picture caption twice");
            }
        }
        if self.bylines {
            let mut i = 0;
            while i < ps.len() {
                let is_by = |z: Zone| matches!(z, Zone::Byline | Zone::Dateline);
                if !is_by(ps[i].zone) {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < ps.len() && is_by(ps[i].zone) {
                    i += 1;
                }
                if ps[start..i].iter().any(|p| p.zone == Zone::Dateline) {
                    for w in &mut why[start..i] {
                        w.get_or_insert("byline and date stamp");
                    }
                }
            }
        }
        // A masthead: a short first line naming the site, as its furniture does.
        if let Some(first) = ps.first().filter(|p| p.zone == Zone::Headline) {
            let name = first.span.slice(cx.source).trim();
            let short = (1..=3).contains(&name.split_whitespace().count())
                && !name.ends_with(['.', '?', '!', '"', '”', '\'', '’']);
            let named_again = ps[1..].iter().any(|p| {
                matches!(p.zone, Zone::Boilerplate | Zone::Byline | Zone::Dateline)
                    && p.span.slice(cx.source).contains(name)
            });
            if short && named_again {
                why[0] = Some("the site’s masthead");
            }
        }
        let mut i = 0;
        while i < ps.len() {
            if why[i].is_none() {
                i += 1;
                continue;
            }
            let start = i;
            let mut kinds: Vec<&str> = Vec::new();
            while let Some(Some(w)) = why.get(i) {
                if !kinds.contains(w) {
                    kinds.push(w);
                }
                i += 1;
            }
            let span = Span::new(ps[start].span.start, ps[i - 1].span.end);
            let lines = i - start;
            out.push(
                Hit::at(span)
                    .var(
                        "what",
                        format!(
                            "web-page debris left in the copy: {} ({}, from “{}”)",
                            kinds.join(", "),
                            if lines == 1 {
                                "a paragraph".to_string()
                            } else {
                                format!("{lines} paragraphs")
                            },
                            super::fold(text(start), 40)
                        ),
                    )
                    .var(
                        "remedy",
                        "strip it before publication: it belongs to the web page the article was taken from",
                    ),
            );
        }
        if self.pictured {
            for p in ps.iter().filter(|p| p.zone == Zone::Body) {
                let t = p.span.slice(cx.source);
                let lower = t.to_ascii_lowercase();
                let mut from = 0;
                while let Some(o) = lower[from..].find("(pictured") {
                    let s = from + o;
                    let Some(c) = lower[s..].find(')') else {
                        break;
                    };
                    let e = s + c + 1;
                    from = e;
                    if e - s > 24 {
                        continue;
                    }
                    out.push(
                        Hit::at(Span::new(p.span.start + s, p.span.start + e))
                            .var(
                                "what",
                                format!(
                                    "“{}” points to a picture the text does not contain",
                                    &t[s..e]
                                ),
                            )
                            .var(
                                "remedy",
                                "remove the reference, or check the picture runs with the article",
                            ),
                    );
                }
            }
        }
    }
}
