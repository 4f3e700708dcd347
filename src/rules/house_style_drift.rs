//! Articles of one publication disagreeing on house style.
//!
//! # What it checks
//! The articles of a run are grouped by publication (a `publication`, `outlet`,
//! `publisher`, `site` or `source` key in the front matter, a URL read as its
//! host; else, by `fallback`, the folder or
//! the file-name prefix before the first `_` or `-`). For each house parameter an
//! article settles clearly, it gets one value: honorifics on later references
//! ("Mr Lansman" throughout, or "Lansman" throughout), quotation glyphs (curly or
//! straight), punctuation of quoted fragments (logical or American), and the tense
//! of cues ("said" or "says"). An article that settles a parameter against a clear
//! majority of its publication's other articles is reported once for that
//! parameter. Articles that mix conventions are left to the per-article rules.
//!
//! # Why an editor cares
//! House style is per publication; one piece out of line with the rest is usually
//! wire copy or a syndicated article pasted in unedited.
//!
//! # Options
//! `group_by` ("publication"); `fallback` ("directory", "prefix" or "none"): how to
//! group articles without a publication in their metadata; `min_evidence` (2): the
//! fewest instances an article needs to settle a parameter; `min_majority` (3):
//! the fewest other articles of the publication that must agree;
//! `majority_share` (0.75): the least share of the publication's settled articles
//! that must agree.

use super::cross::{CrossCheck, CrossContext, CrossHit};
use super::{Check, Context, Hit};
use crate::Extracted;
use crate::model::{MentionForm, QuoteKind};
use crate::span::Span;
use rustc_hash::FxHashMap;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HouseStyleDrift {
    pub group_by: String,
    pub fallback: String,
    pub min_evidence: usize,
    pub min_majority: usize,
    pub majority_share: f64,
}

impl Default for HouseStyleDrift {
    fn default() -> Self {
        HouseStyleDrift {
            group_by: "publication".into(),
            fallback: "directory".into(),
            min_evidence: 2,
            min_majority: 3,
            majority_share: 0.75,
        }
    }
}

impl Check for HouseStyleDrift {
    fn check(&self, _: &Context, _: &mut Vec<Hit>) {}

    fn cross(&self) -> Option<&dyn CrossCheck> {
        Some(self)
    }
}

const PARAMS: [&str; 4] = ["honorifics", "glyphs", "punctuation", "tense"];

/// How each value reads in a message.
fn describe(param: usize, value: bool) -> &'static str {
    match (param, value) {
        (0, true) => "honorifics on later references",
        (0, false) => "surnames alone on later references",
        (1, true) => "curly quotation marks",
        (1, false) => "straight quotation marks",
        (2, true) => "the full stop or comma of a quoted fragment outside the marks",
        (2, false) => "the full stop or comma of a quoted fragment inside the marks",
        (3, true) => "past-tense cues",
        (_, _) => "present-tense cues",
    }
}

const PAST: [&str; 12] = [
    "said",
    "told",
    "added",
    "explained",
    "insisted",
    "warned",
    "argued",
    "wrote",
    "asked",
    "continued",
    "claimed",
    "stated",
];
const PRESENT: [&str; 12] = [
    "says",
    "tells",
    "adds",
    "explains",
    "insists",
    "warns",
    "argues",
    "writes",
    "asks",
    "continues",
    "claims",
    "states",
];

/// Per parameter, the value an article settles and the first place showing it.
type Settled = [Option<(bool, Span)>; 4];

/// The value an article settles for each parameter, with the first place showing it.
fn settled(f: &Extracted, min: usize) -> Settled {
    let a = &f.article;
    let src = &f.source;
    // [true count, false count, first true span, first false span]
    let mut ev: [(usize, usize, Option<Span>, Option<Span>); 4] = Default::default();
    let mut note = |p: usize, v: bool, s: Span| {
        let e = &mut ev[p];
        if v {
            e.0 += 1;
            e.2.get_or_insert(s);
        } else {
            e.1 += 1;
            e.3.get_or_insert(s);
        }
    };
    for p in &a.people {
        for m in &p.mentions {
            match m.form {
                MentionForm::Honorific => note(0, true, m.span),
                MentionForm::Surname => note(0, false, m.span),
                _ => {}
            }
        }
    }
    for q in a
        .quotes
        .iter()
        .filter(|q| q.depth == 0 && !q.zone.is_display())
    {
        if let Some(o) = q.open {
            match o.slice(src).chars().next() {
                Some('“' | '‘') => note(1, true, o),
                Some('"' | '\'') => note(1, false, o),
                _ => {}
            }
        }
        // A fragment that ends its sentence, with no tag after it: `called it
        // "a surprise".` (logical) or `called it "a surprise."` (American).
        if q.kind == QuoteKind::Partial
            && q.continues.is_none()
            && let Some(c) = q.close
            && q.cue.as_ref().is_none_or(|cue| cue.span.start < c.end)
        {
            let inside = q.span.slice(src).trim_end().ends_with('.');
            let rest = &src[c.end..];
            let outside = rest.starts_with('.');
            let ends_after = |r: &str| {
                let t = r.trim_start_matches([' ', '\t']);
                t.is_empty() || t.starts_with('\n') || t.starts_with(char::is_uppercase)
            };
            let shown = Span::new(q.span.start.max(c.start.saturating_sub(24)), c.end);
            if outside && !inside && ends_after(&rest[1..]) {
                note(2, true, shown);
            } else if inside && !outside && ends_after(rest) {
                note(2, false, shown);
            }
        }
        if let Some(cue) = &q.cue {
            let first = cue.first_word_lower();
            if PAST.contains(&first.as_str()) {
                note(3, true, cue.span);
            } else if PRESENT.contains(&first.as_str()) {
                note(3, false, cue.span);
            }
        }
    }
    ev.map(|(t, f, st, sf)| {
        if t >= min && f == 0 {
            st.map(|s| (true, s))
        } else if f >= min && t == 0 {
            sf.map(|s| (false, s))
        } else {
            None
        }
    })
}

/// A publication's name for comparison: a URL's host without `www.`, else the
/// name in lower case ("https://www.bbc.co.uk/news/x" -> "bbc.co.uk").
fn publication_name(v: &str) -> String {
    let v = v.trim();
    if let Some(rest) = v.split_once("://").map(|(_, r)| r) {
        let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
        return host.trim_start_matches("www.").to_lowercase();
    }
    v.to_lowercase()
}

/// The publication a file belongs to, from its front matter (a URL is taken as
/// its host) or, by `fallback`, its path ("directory", "prefix"; "none": no
/// publication).
pub(crate) fn publication(f: &Extracted, fallback: &str) -> Option<String> {
    // The keys in order of preference: `publication: The Daily Bugle` beats a
    // `source:` URL of the same file.
    if let Some(v) = crate::ledger::front_matter_value(
        &f.source,
        &["publication", "outlet", "publisher", "site", "source"],
    ) {
        return Some(publication_name(&v));
    }
    let path = std::path::Path::new(&f.path);
    match fallback {
        "directory" => Some(
            path.parent()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
        ),
        "prefix" => {
            let name = path.file_name()?.to_str()?;
            let cut = name.find(['_', '-'])?;
            let dir = path
                .parent()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            Some(format!("{dir}/{}", &name[..cut]))
        }
        _ => None,
    }
}

impl CrossCheck for HouseStyleDrift {
    fn check_cross(&self, cx: &CrossContext, out: &mut Vec<CrossHit>) {
        use rayon::prelude::*;
        let per: Vec<(Option<String>, Settled)> = cx
            .files
            .par_iter()
            .enumerate()
            .map(|(i, f)| {
                if cx.ledger.articles[i].canonical != i {
                    return (None, [None; 4]);
                }
                (
                    publication(f, &self.fallback),
                    settled(f, self.min_evidence),
                )
            })
            .collect();
        let mut groups: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        for (i, (g, _)) in per.iter().enumerate() {
            if let Some(g) = g {
                groups.entry(g.as_str()).or_default().push(i);
            }
        }
        let mut names: Vec<&&str> = groups.keys().collect();
        names.sort();
        for name in names {
            let members = &groups[*name];
            for (p, param) in PARAMS.iter().enumerate() {
                let (yes, no): (Vec<usize>, Vec<usize>) = {
                    let set: Vec<(usize, bool)> = members
                        .iter()
                        .filter_map(|&i| per[i].1[p].map(|(v, _)| (i, v)))
                        .collect();
                    (
                        set.iter().filter(|x| x.1).map(|x| x.0).collect(),
                        set.iter().filter(|x| !x.1).map(|x| x.0).collect(),
                    )
                };
                let total = yes.len() + no.len();
                for (major, minor, v) in [(&yes, &no, false), (&no, &yes, true)] {
                    if minor.is_empty()
                        || major.len() < self.min_majority
                        || (major.len() as f64) < self.majority_share * total as f64
                    {
                        continue;
                    }
                    let example = major[0];
                    let (_, there) = per[example].1[p].expect("settled");
                    for &i in minor.iter() {
                        let (_, here) = per[i].1[p].expect("settled");
                        let mut hit = Hit::at(here)
                            .var("param", *param)
                            .var(
                                "here",
                                format!(
                                    "{} (“{}”)",
                                    describe(p, v),
                                    super::fold(here.slice(cx.source(i)), 40)
                                ),
                            )
                            .var("there", describe(p, !v))
                            .var("n", major.len().to_string())
                            .var("total", (total - 1).to_string())
                            .var("group", name.to_string())
                            .label(here, "the first instance here");
                        hit.related.push(cx.related(
                            example,
                            there,
                            format!("the house convention: {}", describe(p, !v)),
                        ));
                        out.push(CrossHit::new(i, hit));
                    }
                }
            }
        }
    }
}
