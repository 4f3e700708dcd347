//! Later references to one person that mix forms against the house rule.
//!
//! # What it checks
//! The references to each person in the body's narrative (quoted words are the
//! speaker's usage and exempt; a surname used as a modifier, "Corbyn
//! supporters", is left alone), against the house's `honorifics`:
//! `none`: any courtesy title (Mr, Mrs, Ms, Miss, Dr); `after-first`: a courtesy
//! title on the first reference, or a later reference by bare surname; `any`
//! (consistent): "Mr Lansman" in some places and bare "Lansman" in others, the
//! form used less often flagged. Rank titles (Sir, Lord, Lady, Dame) are part of
//! the name and always fine. A given name alone in the narrative ("Jon said") is
//! flagged too when `given_name_alone = "forbid"` (off by default: in news
//! copy a given name alone is mostly a relative, a rank's form such as "Sir
//! Richard", or an organisation that shares a word with a person's name).
//!
//! # Why an editor cares
//! AP uses no courtesy titles; the NYT, the Herald and the Economist use them after
//! the first reference; the Guardian and the Times none. Mixing them within one
//! article reads as carelessness, and a title given to one person and not another
//! can read as a judgement.
//!
//! # Options
//! `given_name_alone`: `allow` (default) or `forbid`.

use super::house::Honorifics;
use super::people_util::{Named, Ref, RefForm, named_people, shared_surnames};
use super::{Check, Context, Hit};
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum GivenNameAlone {
    Forbid,
    #[default]
    Allow,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecondReference {
    #[serde(default)]
    pub given_name_alone: GivenNameAlone,
}

fn titled(r: &Ref) -> bool {
    r.form == RefForm::Honorific || (r.form == RefForm::Full && r.title.is_some())
}

impl Check for SecondReference {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let people = named_people(cx);
        let shared = shared_surnames(people);
        for n in people {
            if shared.contains(n.surname.as_str()) {
                continue;
            }
            let refs: Vec<&Ref> = n.body_refs().filter(|r| !r.attributive).collect();
            let Some(first) = refs.first() else { continue };
            let text = |r: &Ref| r.span.slice(cx.source).to_string();
            if self.given_name_alone == GivenNameAlone::Forbid
                && let Some(g) = refs.iter().skip(1).find(|r| r.form == RefForm::Given)
                && n.given.is_some()
            {
                out.push(
                    Hit::at(g.span)
                        .var("ref", text(g))
                        .var("problem", format!("is {}’s given name alone", n.name))
                        .var("remedy", "use the surname, as the other references do"),
                );
            }
            match cx.house.honorifics {
                Honorifics::None => {
                    let all: Vec<&&Ref> = refs.iter().filter(|r| titled(r)).collect();
                    if let Some(r) = all.first() {
                        out.push(
                            Hit::at(r.span)
                                .var("ref", text(r))
                                .var(
                                    "problem",
                                    format!(
                                        "has a courtesy title the house does not use{}",
                                        more(all.len())
                                    ),
                                )
                                .var("remedy", format!("write “{}”", bare(n, r))),
                        );
                    }
                }
                Honorifics::AfterFirst => {
                    if titled(first) && first.form == RefForm::Full {
                        out.push(
                            Hit::at(first.span)
                                .var("ref", text(first))
                                .var("problem", "has a courtesy title on first reference")
                                .var("remedy", format!("write “{}” on first reference", n.name)),
                        );
                    }
                    let all: Vec<&&Ref> = refs
                        .iter()
                        .skip(1)
                        .filter(|r| r.form == RefForm::Surname)
                        .collect();
                    if let Some(r) = all.first() {
                        out.push(
                            Hit::at(r.span)
                                .var("ref", text(r))
                                .var(
                                    "problem",
                                    format!(
                                        "has no courtesy title after the first reference{}",
                                        more(all.len())
                                    ),
                                )
                                .var(
                                    "remedy",
                                    "give the courtesy title (Mr, Mrs, Ms, Dr) on later references",
                                ),
                        );
                    }
                }
                Honorifics::Any => {
                    let later = &refs[1..];
                    let with: Vec<&&Ref> = later.iter().filter(|r| titled(r)).collect();
                    let without: Vec<&&Ref> = later
                        .iter()
                        .filter(|r| r.form == RefForm::Surname)
                        .collect();
                    if with.is_empty() || without.is_empty() {
                        continue;
                    }
                    // The form used less often, or, as often, the one that came
                    // second, is the odd one out.
                    let odd_is_titled = with.len() < without.len()
                        || (with.len() == without.len()
                            && with[0].span.start > without[0].span.start);
                    let (odd, other) = if odd_is_titled {
                        (with[0], without[0])
                    } else {
                        (without[0], with[0])
                    };
                    let (o, c) = (text(odd), text(other));
                    out.push(
                        Hit::at(odd.span)
                            .var("ref", o.clone())
                            .var(
                                "problem",
                                format!(
                                    "breaks the article’s pattern: {} is “{c}” elsewhere",
                                    n.name
                                ),
                            )
                            .var(
                                "remedy",
                                format!("write “{c}” here, or use one form throughout"),
                            )
                            .label(other.span, format!("“{c}” here")),
                    );
                }
            }
        }
    }
}

/// The reference without its title: "Lansman" for "Mr Lansman".
fn bare(n: &Named, r: &Ref) -> String {
    if r.form == RefForm::Full {
        n.name.clone()
    } else {
        n.surname.clone()
    }
}

/// " (and 3 more like it)" for a finding that stands for several references.
fn more(n: usize) -> String {
    match n {
        0 | 1 => String::new(),
        n => format!(" (and {} more like it)", n - 1),
    }
}
