//! Straight and curly glyphs mixed in one article, or glyphs the house does not use.
//!
//! # What it checks
//! The quotation marks and the apostrophes of each zone of the article. Where the
//! house fixes the glyphs (`house.glyphs = "curly"` or `"straight"`), every zone
//! with the other glyph is reported; otherwise the glyph most of the compared
//! zones use is the article's own, and every zone using the other one is
//! reported. One finding a zone, however many apostrophes it holds, with labels
//! on the first odd glyph and on one of the article's usual ones.
//!
//! # Why an editor cares
//! Wikipedia prefers straight marks, typographers curly ones; either way an article
//! uses one set. Mixed glyphs show text pasted from elsewhere (a CMS caption, a
//! wire standfirst) and break find-and-replace and quote matching.
//!
//! # Options
//! `glyphs`: `curly`, `straight` or `consistent`; unset, the house's `glyphs`
//! decides (`any` meaning consistent). `apostrophes`: count apostrophes too
//! (default true). `compare_zones`: the zones held to one glyph together (default
//! every zone); a zone left out is only checked against itself.

use super::fix_util::restyle;
use super::marks_util::{
    Family, apostrophes, family_at, is_straight, shown, word_around, zone_name,
};
use super::{Check, Context, Hit};
use crate::model::Zone;
use crate::rules::house::Glyphs;
use crate::span::Span;
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GlyphChoice {
    Curly,
    Straight,
    Consistent,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteGlyphs {
    #[serde(default)]
    pub glyphs: Option<GlyphChoice>,
    #[serde(default = "yes")]
    pub apostrophes: bool,
    #[serde(default = "every_zone")]
    pub compare_zones: Vec<Zone>,
}

fn yes() -> bool {
    true
}

fn every_zone() -> Vec<Zone> {
    vec![
        Zone::Headline,
        Zone::Standfirst,
        Zone::Byline,
        Zone::Dateline,
        Zone::Caption,
        Zone::Body,
        Zone::Boilerplate,
    ]
}

impl Default for QuoteGlyphs {
    fn default() -> Self {
        QuoteGlyphs {
            glyphs: None,
            apostrophes: true,
            compare_zones: every_zone(),
        }
    }
}

/// How a finding shows a glyph, written out only when one is reported.
#[derive(Clone, Copy)]
enum Shown {
    /// The quotation (an index into the article's quotations).
    Quote(usize),
    /// The word around an apostrophe.
    Word(Span),
}

impl Shown {
    fn text(self, cx: &Context) -> String {
        match self {
            Shown::Quote(qi) => shown(cx, &cx.article.quotes[qi], 30),
            Shown::Word(span) => format!("“{}”", word_around(cx.source, span)),
        }
    }
}

/// One glyph of the text.
struct Item {
    span: Span,
    zone: Zone,
    straight: bool,
    /// How the message shows it: the quotation with its marks, or the word.
    /// Written out only for the glyph a finding names.
    shown: Shown,
    /// The quotation a mark belongs to (counted once for its two marks).
    quote: Option<usize>,
    /// What the glyph becomes in the other style, when `--fix` may swap it.
    fix: Option<&'static str>,
}

impl Check for QuoteGlyphs {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let choice = self.glyphs.unwrap_or(match cx.house.glyphs {
            Glyphs::Curly => GlyphChoice::Curly,
            Glyphs::Straight => GlyphChoice::Straight,
            Glyphs::Any => GlyphChoice::Consistent,
        });
        let mut marks = Vec::new();
        for (qi, q) in cx.article.quotes.iter().enumerate() {
            let Some(open) = q.open else { continue };
            let double = family_at(cx.source, open) == Some(Family::Double);
            for s in [Some(open), q.close].into_iter().flatten() {
                let straight = is_straight(cx.source, s);
                marks.push(Item {
                    span: s,
                    zone: q.zone,
                    straight,
                    shown: Shown::Quote(qi),
                    quote: Some(qi),
                    fix: restyle(s.slice(cx.source), s == open, double, !straight),
                });
            }
        }
        marks.sort_by_key(|m| m.span.start);
        let mut apos = Vec::new();
        if self.apostrophes {
            apos = apostrophes(cx)
                .into_iter()
                .map(|a| Item {
                    span: a.span,
                    zone: a.zone,
                    straight: a.straight,
                    shown: Shown::Word(a.span),
                    quote: None,
                    // Only an apostrophe between two letters is surely one.
                    fix: between_letters(cx.source, a.span).then_some(if a.straight {
                        "’"
                    } else {
                        "'"
                    }),
                })
                .collect();
        }
        let mut zones: Vec<Zone> = marks.iter().chain(&apos).map(|i| i.zone).collect();
        zones.sort_by_key(|z| *z as u8);
        zones.dedup();
        for zone in zones {
            let mut parts = Vec::new();
            let mut hit: Option<Hit> = None;
            let mut first: Option<Span> = None;
            for (items, what) in [(&marks, "quotation marks"), (&apos, "apostrophes")] {
                let Some(p) = self.odd_ones(cx, choice, items, zone, what) else {
                    continue;
                };
                parts.push(p.text);
                if first.is_none_or(|f| p.odd.start < f.start) {
                    first = Some(p.odd);
                }
                let h = hit.take().unwrap_or_default();
                let one = what.trim_end_matches('s');
                let odd_label = format!(
                    "{} {one}",
                    if p.odd_straight { "straight" } else { "curly" }
                );
                let mut h = h.label(p.odd, odd_label);
                if let Some(u) = p.usual {
                    h = h.label(
                        u,
                        format!(
                            "{} {one}",
                            if p.odd_straight { "curly" } else { "straight" }
                        ),
                    );
                }
                hit = Some(h);
            }
            if let (Some(mut h), Some(f)) = (hit, first) {
                h.span = f;
                // A house that fixes the glyphs gets every odd one swapped.
                let target = match choice {
                    GlyphChoice::Curly => Some(false),
                    GlyphChoice::Straight => Some(true),
                    GlyphChoice::Consistent => None,
                };
                if let Some(want_straight) = target {
                    for i in marks.iter().chain(&apos) {
                        if i.zone == zone
                            && i.straight != want_straight
                            && let Some(r) = i.fix
                        {
                            h = h.edit(i.span, r);
                        }
                    }
                }
                out.push(
                    h.var("zone", zone_name(zone))
                        .var("what", parts.join("; "))
                        .var(
                            "usual",
                            if parts.iter().any(|p| p.starts_with("straight")) {
                                "curly"
                            } else {
                                "straight"
                            },
                        ),
                );
            }
        }
    }
}

struct Odd {
    text: String,
    odd: Span,
    odd_straight: bool,
    usual: Option<Span>,
}

impl QuoteGlyphs {
    /// The glyphs of `zone` that depart from what is expected of it, described.
    fn odd_ones(
        &self,
        cx: &Context,
        choice: GlyphChoice,
        items: &[Item],
        zone: Zone,
        noun: &str,
    ) -> Option<Odd> {
        let pooled = self.compare_zones.contains(&zone);
        let group: Vec<&Item> = items
            .iter()
            .filter(|i| i.zone == zone || (pooled && self.compare_zones.contains(&i.zone)))
            .collect();
        let straight = group.iter().filter(|i| i.straight).count();
        let curly = group.len() - straight;
        let want_straight = match choice {
            GlyphChoice::Curly => false,
            GlyphChoice::Straight => true,
            GlyphChoice::Consistent => {
                if straight == 0 || curly == 0 {
                    return None;
                }
                straight > curly
            }
        };
        let here: Vec<&Item> = items.iter().filter(|i| i.zone == zone).collect();
        let odd: Vec<&&Item> = here
            .iter()
            .filter(|i| i.straight != want_straight)
            .collect();
        let first = odd.first()?;
        let usual_here = here.iter().find(|i| i.straight == want_straight);
        let usual = usual_here.or_else(|| group.iter().find(|i| i.straight == want_straight));
        let odd_name = if first.straight { "straight" } else { "curly" };
        let usual_name = if want_straight { "straight" } else { "curly" };
        let count = |items: &[&Item]| {
            let mut seen = std::collections::HashSet::new();
            let mut n = 0;
            for i in items {
                match i.quote {
                    Some(q) => {
                        if seen.insert(q) {
                            n += 1;
                        }
                    }
                    None => n += 1,
                }
            }
            let unit = match (noun, n) {
                ("apostrophes", _) => "",
                (_, 1) => " quotation",
                _ => " quotations",
            };
            format!("{n}{unit}")
        };
        let odd_items: Vec<&Item> = odd.iter().map(|i| **i).collect();
        let n_odd = count(&odd_items);
        let lead = if odd_items.len() == 1 || n_odd.starts_with("1 ") {
            ":"
        } else {
            ", first"
        };
        let mut text = format!("{odd_name} {noun} ({n_odd}{lead} {})", first.shown.text(cx));
        match choice {
            GlyphChoice::Consistent => {
                let pool: Vec<&Item> = if usual_here.is_some() {
                    here.clone()
                } else {
                    group.clone()
                };
                let usual_items: Vec<&Item> = pool
                    .into_iter()
                    .filter(|i| i.straight == want_straight)
                    .collect();
                let place = if usual_here.is_some() {
                    ""
                } else {
                    " elsewhere in the article"
                };
                text.push_str(&format!(
                    " mixed with {usual_name} ones{place} ({})",
                    count(&usual_items)
                ));
            }
            _ => text.push_str(&format!("; the house uses {usual_name} ones")),
        }
        Some(Odd {
            text,
            odd: first.span,
            odd_straight: first.straight,
            usual: usual.map(|u| u.span),
        })
    }
}

/// A letter or digit on both sides of `span`.
fn between_letters(source: &str, span: Span) -> bool {
    source[..span.start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        && source[span.end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}
