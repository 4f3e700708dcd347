//! Two people of one surname, and a later reference by surname alone.
//!
//! # What it checks
//! Two or more people of the article with the same surname and different given
//! names, and a reference in the body's narrative, after both are introduced, by
//! the surname alone or with a title that does not tell them apart ("Mr Miliband"
//! when both are men). Quoted words are exempt.
//!
//! # Why an editor cares
//! AP: use first and last names to tell people of one surname apart. The reader
//! cannot know which Miliband spoke.
//!
//! # Options
//! None.

use super::people_util::{COURTESY, Named, RANK, RefForm, named_people};
use super::{Check, Context, Hit};
use crate::model::Gender;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SameSurname {}

impl Check for SameSurname {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let people = named_people(cx);
        // People with a given name, by surname, in register order: one pass, so
        // an article of thousands of people stays linear.
        let mut by_surname: rustc_hash::FxHashMap<&str, Vec<&Named>> = Default::default();
        for o in people.iter().filter(|o| o.given.is_some()) {
            by_surname.entry(o.surname.as_str()).or_default().push(o);
        }
        // The article's words, read once and only if a group needs them.
        let words = std::cell::OnceCell::new();
        let words = || {
            words.get_or_init(|| {
                cx.source
                    .split(|c: char| !c.is_alphanumeric())
                    .collect::<rustc_hash::FxHashSet<&str>>()
            })
        };
        let mut done: rustc_hash::FxHashSet<&str> = Default::default();
        for n in people {
            if n.given.is_none() || done.contains(n.surname.as_str()) {
                continue;
            }
            let group: Vec<&Named> = by_surname
                .get(n.surname.as_str())
                .cloned()
                .unwrap_or_default();
            // "Broadcaster Chris Evans" and "Chris Evans" are one person (the
            // register keeps a title as part of a name now and then).
            let group: Vec<_> = group
                .iter()
                .copied()
                .filter(|o| {
                    !group
                        .iter()
                        .any(|p| p.name != o.name && o.name.ends_with(&format!(" {}", p.name)))
                })
                .collect();
            // "Again Roddick" at a sentence start: a common word, not a name.
            let common = |o: &&Named| {
                let g = o.given.as_deref().unwrap_or("");
                let lower = g.to_lowercase();
                lower != g && words().contains(lower.as_str())
            };
            if group.len() < 2 {
                continue;
            }
            let group: Vec<_> = group.into_iter().filter(|o| !common(o)).collect();
            let mut givens: Vec<&str> = group.iter().filter_map(|o| o.given.as_deref()).collect();
            givens.sort_unstable();
            // "Fred" and "Frederick" are one person.
            givens.dedup_by(|a, b| {
                a.chars().take(3).collect::<String>() == b.chars().take(3).collect::<String>()
            });
            if givens.len() < 2 {
                continue;
            }
            done.insert(&n.surname);
            // Both are introduced once each has had a full name in the body.
            let Some(introduced) = group
                .iter()
                .map(|o| {
                    o.body_refs()
                        .find(|r| r.form == RefForm::Full)
                        .map_or(usize::MAX, |r| r.span.end)
                })
                .max()
                .filter(|&e| e != usize::MAX)
            else {
                continue;
            };
            let ambiguous = group
                .iter()
                .flat_map(|o| o.body_refs())
                .filter(|r| r.span.start >= introduced && !r.attributive)
                // A team sheet: "Roberts (Wrexham), Collins (Sunderland)".
                .filter(|r| !cx.source[r.span.end..].trim_start().starts_with('('))
                .filter(|r| match r.form {
                    RefForm::Surname => true,
                    RefForm::Honorific | RefForm::Rank => {
                        let t = r
                            .title
                            .as_deref()
                            .unwrap_or("")
                            .trim_end_matches('.')
                            .to_lowercase();
                        // A title tells them apart only when it fits one alone.
                        let fits = |g: Gender| match t.as_str() {
                            "mr" | "sir" | "lord" => g != Gender::Female,
                            "mrs" | "ms" | "miss" | "lady" | "dame" | "baroness" => {
                                g != Gender::Male
                            }
                            _ => COURTESY.contains(&t.as_str()) || RANK.contains(&t.as_str()),
                        };
                        group.iter().filter(|o| fits(o.gender)).count() > 1
                    }
                    _ => false,
                })
                .min_by_key(|r| r.span.start);
            let Some(r) = ambiguous else { continue };
            let names: Vec<String> = group.iter().map(|o| o.name.clone()).collect();
            let mut names_dedup = names.clone();
            names_dedup.dedup();
            out.push(
                Hit::at(r.span)
                    .var("ref", r.span.slice(cx.source))
                    .var("names", names_dedup.join(" or ")),
            );
        }
    }
}
