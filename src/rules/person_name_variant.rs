//! One person written two ways.
//!
//! # What it checks
//! People of the run's registers (full names of two words or more) whose names
//! are probably one person's written differently: the same letters with a hyphen
//! or space, diacritics or capitals changed (Zarb-Cousin / Zarb Cousin, José /
//! Jose); the same surname with a given name one letter longer (Jon / John
//! Lansman); the same given name with a surname one or two letters off (Brown /
//! Browne). Candidates are found in buckets by the consonant skeleton of the
//! surname, never by comparing all pairs. The finding is on the rarer form. Two people who share only a surname
//! (Ed and David Miliband) are not variants.
//!
//! # Why an editor cares
//! Every style book fixes one form of a name; a misspelt name is a correction.
//!
//! # Options
//! `max_edit_distance` (2): the most letters a surname may differ by (1 for
//! surnames shorter than seven letters).

use super::cross::{CrossCheck, CrossContext, CrossHit};
use super::{Check, Context, Hit};
use crate::ledger::PersonEntry;
use crate::model::MentionForm;
use rustc_hash::FxHashMap;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PersonNameVariant {
    pub max_edit_distance: usize,
}

impl Default for PersonNameVariant {
    fn default() -> Self {
        PersonNameVariant {
            max_edit_distance: 2,
        }
    }
}

impl Check for PersonNameVariant {
    fn check(&self, _: &Context, _: &mut Vec<Hit>) {}

    fn cross(&self) -> Option<&dyn CrossCheck> {
        Some(self)
    }
}

/// The consonant skeleton of a surname: first letter, then the consonants, with
/// repeats dropped ("mcdonnell" -> "mcdnl", "lansmann" -> "lnsmn").
fn skeleton(s: &str) -> String {
    let s = s
        .strip_prefix("mac")
        .map_or(s.to_string(), |r| format!("mc{r}"));
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && "aeiouy".contains(c) {
            continue;
        }
        if out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Why two names are one person's written two ways, or `None`.
fn variant(a: &PersonEntry, b: &PersonEntry, max_edit: usize) -> Option<&'static str> {
    let (ra, rb) = (norm(&a.name), norm(&b.name));
    if ra == rb {
        return None;
    }
    if a.key == b.key {
        // Capitals alone only count between proper names ("McDonnell"/"Mcdonnell").
        let proper = |s: &str| {
            s.split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        };
        if ra.to_lowercase() == rb.to_lowercase() && !(proper(&ra) && proper(&rb)) {
            return None;
        }
        return Some("spelt");
    }
    if a.folded.len() != b.folded.len() {
        return None;
    }
    let n = a.folded.len();
    if a.folded[1..n - 1] != b.folded[1..n - 1] {
        return None;
    }
    let (ga, gb) = (&a.folded[0], &b.folded[0]);
    let (sa, sb) = (&a.folded[n - 1], &b.folded[n - 1]);
    let mc = |s: &str| s.replacen("mac", "mc", 1);
    if mc(sa) == mc(sb) {
        // Given names: one letter added (Jon/John, Philip/Phillip).
        let (short, long) = if ga.len() < gb.len() {
            (ga, gb)
        } else {
            (gb, ga)
        };
        let added = long.len() == short.len() + 1
            && short.len() >= 3
            && short.chars().next() == long.chars().next()
            && strsim::levenshtein(short, long) == 1;
        return added.then_some("given name written");
    }
    if ga == gb && sa.len() >= 4 && sb.len() >= 4 && sa.chars().next() == sb.chars().next() {
        let allowed = if sa.len().min(sb.len()) >= 7 {
            max_edit
        } else {
            max_edit.min(1)
        };
        let d = strsim::levenshtein(sa, sb);
        return (d >= 1 && d <= allowed).then_some("surname spelt");
    }
    None
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Most distinct written forms compared pairwise in one bucket.
const MAX_FORMS: usize = 400;
/// Other places shown per finding.
const MAX_RELATED: usize = 3;

impl CrossCheck for PersonNameVariant {
    fn check_cross(&self, cx: &CrossContext, out: &mut Vec<CrossHit>) {
        let l = cx.ledger;
        let mut buckets: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        let lex = crate::lexicon::Lexicon::get();
        // Only names that read as people's: a known given name, or a person the
        // article calls "Mr ..." or "he"/"she" (products and firms are not people).
        let personal = |p: &PersonEntry| {
            let first = &p.folded[0];
            lex.first_names_male.contains(first)
                || lex.first_names_female.contains(first)
                || cx.files[p.file].article.people[p.index]
                    .mentions
                    .iter()
                    .any(|m| matches!(m.form, MentionForm::Honorific | MentionForm::Pronoun))
        };
        for (i, p) in l.people.iter().enumerate() {
            if !personal(p) {
                continue;
            }
            let n = p.folded.len();
            let mut keys = vec![skeleton(&p.folded[n - 1])];
            if n >= 3 {
                keys.push(skeleton(&format!("{}{}", p.folded[n - 2], p.folded[n - 1])));
            }
            keys.push(skeleton(&p.folded[n - 1..].concat()));
            keys.sort();
            keys.dedup();
            for k in keys {
                buckets.entry(k).or_default().push(i);
            }
        }
        // In how many articles each written form appears.
        let mut uses: FxHashMap<String, usize> = FxHashMap::default();
        let mut counted = rustc_hash::FxHashSet::default();
        for p in &l.people {
            let f = norm(&p.name);
            if counted.insert((f.clone(), l.articles[p.file].canonical)) {
                *uses.entry(f).or_default() += 1;
            }
        }
        let mut by_here: std::collections::BTreeMap<usize, Vec<(usize, &'static str)>> =
            Default::default();
        // Pairs of written forms already compared (a person is in several buckets).
        let mut seen: rustc_hash::FxHashSet<(String, String)> = Default::default();
        let mut bucket_keys: Vec<&String> = buckets.keys().collect();
        bucket_keys.sort();
        for key in bucket_keys {
            let members = &buckets[key];
            // Compare written forms, not entries: a name in a thousand articles is
            // one form, so the cost grows with the entries, not their pairs.
            let mut forms: std::collections::BTreeMap<String, Vec<usize>> = Default::default();
            for &x in members {
                forms.entry(norm(&l.people[x].name)).or_default().push(x);
            }
            if forms.len() > MAX_FORMS {
                continue;
            }
            let forms: Vec<(&String, &Vec<usize>)> = forms.iter().collect();
            for (n, (fa, xa)) in forms.iter().enumerate() {
                for (fb, xb) in &forms[n + 1..] {
                    let (a, b) = (&l.people[xa[0]], &l.people[xb[0]]);
                    let Some(why) = variant(a, b, self.max_edit_distance) else {
                        continue;
                    };
                    if !seen.insert(((*fa).clone(), (*fb).clone())) {
                        continue;
                    }
                    let at = |p: &PersonEntry| p.mention.map_or(0, |m| m.start);
                    // The rarer form is the variant; with equal counts, the later one.
                    let (ca, cb) = (uses[*fa], uses[*fb]);
                    let a_is_variant = match ca.cmp(&cb) {
                        std::cmp::Ordering::Less => true,
                        std::cmp::Ordering::Greater => false,
                        std::cmp::Ordering::Equal => cx
                            .here_and_there((a.file, at(a)), (b.file, at(b)))
                            .is_some_and(|(h, _)| h == 0),
                    };
                    let (variants, others) = if a_is_variant { (xa, xb) } else { (xb, xa) };
                    for &v in variants.iter() {
                        let pv = &l.people[v];
                        if !cx.checked(pv.file) {
                            continue;
                        }
                        let theres: Vec<usize> = others
                            .iter()
                            .copied()
                            .filter(|&t| {
                                let pt = &l.people[t];
                                pt.file == pv.file || !l.same_article(pv.file, pt.file)
                            })
                            .take(MAX_RELATED)
                            .collect();
                        if theres.is_empty() {
                            continue;
                        }
                        let list = by_here.entry(v).or_default();
                        for t in theres {
                            if list.len() < MAX_RELATED {
                                list.push((t, why));
                            }
                        }
                    }
                }
            }
        }
        for (here, theres) in by_here {
            let p = &l.people[here];
            let Some(m) = p.mention else { continue };
            let (t, why) = theres[0];
            let o = &l.people[t];
            let mut hit = Hit::at(m)
                .var("name", p.name.clone())
                .var("other", o.name.clone())
                .var("why", why)
                .var("where", cx.where_(p.file, o.file))
                .label(m, "written this way here");
            for (t, _) in &theres {
                let o = &l.people[*t];
                if let Some(om) = o.mention {
                    hit.related
                        .push(cx.related(o.file, om, format!("written “{}” here", o.name)));
                }
            }
            out.push(CrossHit::new(p.file, hit));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skeletons_bucket_spellings_together() {
        assert_eq!(skeleton("lansman"), skeleton("lansmann"));
        assert_eq!(skeleton("macdonnell"), skeleton("mcdonnell"));
        assert_eq!(skeleton("brown"), skeleton("browne"));
    }
}
