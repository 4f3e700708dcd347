//! A first-level quotation in the house's secondary marks.
//!
//! # What it checks
//! Each quotation that is not inside another (direct, partial or scare): its
//! opening mark must be of the family the house uses first (`house.primary`,
//! double by default); in headlines and standfirsts, `house.headline_primary`
//! (by default `any`: many UK papers use single marks there). A quotation over
//! several paragraphs is checked once.
//!
//! # Why an editor cares
//! British book style puts single marks first, American and most newspaper styles
//! double; many UK papers use double in the body and single in headlines. A stray
//! single pair in a double-mark article reads as a nested quotation, or as a
//! different kind of quotation, and is usually pasted from elsewhere.
//!
//! # Options
//! `zones`: the zones checked (default: all).

use super::marks_util::{Family, family, shown};
use super::{Check, Context, Hit};
use crate::model::Zone;
use crate::rules::house::Marks;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrimaryMarks {
    #[serde(default)]
    pub zones: Vec<Zone>,
}

impl Check for PrimaryMarks {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let marks = MarkIndex::new(cx);
        for (qi, q) in cx.article.quotes.iter().enumerate() {
            if q.depth > 0 || q.continues.is_some() {
                continue;
            }
            if !self.zones.is_empty() && !self.zones.contains(&q.zone) {
                continue;
            }
            let display = matches!(q.zone, Zone::Headline | Zone::Standfirst);
            let want = if display {
                cx.house.headline_primary
            } else {
                cx.house.primary
            };
            let want = match want {
                Marks::Double => Family::Double,
                Marks::Single => Family::Single,
                Marks::Any => continue,
            };
            let (Some(open), Some(fam)) = (q.open, family(cx, q)) else {
                continue;
            };
            if fam == want {
                continue;
            }
            let span = q.close.map_or(open, |c| open.cover(c));
            let mut hit = Hit::at(span);
            if let Some(close) = q.close
                && marks.pure_swap(qi, span)
                && let (Some(o), Some(c)) = (
                    super::fix_util::other_family(open.slice(cx.source)),
                    super::fix_util::other_family(close.slice(cx.source)),
                )
            {
                hit = hit.edit(open, o).edit(close, c);
            }
            out.push(
                hit.var("quote", shown(cx, q, 40))
                    .var("marks", fam.name())
                    .var("want", want.name())
                    .var("where", if display { " in headlines" } else { "" })
                    .label(open, format!("{} mark", fam.name())),
            );
        }
    }
}

/// Where marks are, to tell in log time whether a quotation holds another.
struct MarkIndex {
    /// Start of every opening mark and stray mark, sorted.
    starts: Vec<usize>,
    /// Quotations continued by a later one (a quotation over paragraphs).
    continued: std::collections::HashSet<usize>,
}

impl MarkIndex {
    fn new(cx: &Context) -> MarkIndex {
        let a = cx.article;
        let mut starts: Vec<usize> = a
            .quotes
            .iter()
            .filter_map(|q| q.open.map(|o| o.start))
            .collect();
        starts.extend(a.mark_problems.iter().map(|p| p.span.start));
        starts.sort_unstable();
        MarkIndex {
            starts,
            continued: a.quotes.iter().filter_map(|q| q.continues).collect(),
        }
    }

    /// True when swapping the family of quotation `qi`'s two marks changes
    /// nothing else: no quotation or stray mark inside it, none continuing it.
    fn pure_swap(&self, qi: usize, span: crate::span::Span) -> bool {
        let from = self.starts.partition_point(|&s| s < span.start);
        let to = self.starts.partition_point(|&s| s < span.end);
        // Its own opening mark is the one mark allowed.
        to - from <= 1 && !self.continued.contains(&qi)
    }
}
