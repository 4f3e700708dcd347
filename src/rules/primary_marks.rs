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
        for q in &cx.article.quotes {
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
            out.push(
                Hit::at(span)
                    .var("quote", shown(cx, q, 40))
                    .var("marks", fam.name())
                    .var("want", want.name())
                    .var("where", if display { " in headlines" } else { "" })
                    .label(open, format!("{} mark", fam.name())),
            );
        }
    }
}
