//! A full name repeated after the short form was established.
//!
//! # What it checks
//! In the body's narrative (quoted words exempt), a person's full name used
//! again after a later reference already used the surname (or a title and the
//! surname), unless `reintroduce_after_paragraphs` paragraphs or more have passed
//! since the person was last named, when reintroducing them helps the reader.
//!
//! # Why an editor cares
//! AP: surname on later references. Repeating the full name makes the reader
//! wonder whether a second person of the same name is meant.
//!
//! # Options
//! `reintroduce_after_paragraphs` (default 8).

use super::people_util::{RefForm, named_people, shared_surnames};
use super::{Check, Context, Hit};
use serde::Deserialize;

fn eight() -> usize {
    8
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FullNameRepeated {
    #[serde(default = "eight")]
    pub reintroduce_after_paragraphs: usize,
}

impl Default for FullNameRepeated {
    fn default() -> Self {
        FullNameRepeated {
            reintroduce_after_paragraphs: eight(),
        }
    }
}

impl Check for FullNameRepeated {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let people = named_people(cx);
        let shared = shared_surnames(people);
        for n in people {
            if shared.contains(n.surname.as_str()) {
                continue;
            }
            let mut short = None;
            let mut last_para = None;
            for r in n.body_refs().filter(|r| !r.attributive) {
                let gap = last_para.map_or(usize::MAX, |p| r.paragraph.saturating_sub(p));
                match r.form {
                    RefForm::Surname | RefForm::Honorific => short = short.or(Some(r)),
                    RefForm::Full => {
                        // A line of a list ("1 Roger Federer (Switzerland)",
                        // "- Charles Gant, Heat: …") names people in full.
                        let para = cx.article.paragraphs[r.paragraph].span.slice(cx.source);
                        let listed = para.split_whitespace().count() < 12
                            || cx.source[r.span.end..].trim_start().starts_with('(')
                            || para.trim_start().starts_with(['-', '•', '*']);
                        if let Some(s) = short
                            && !listed
                            && gap < self.reintroduce_after_paragraphs
                        {
                            let short_text = s.span.slice(cx.source).to_string();
                            out.push(
                                Hit::at(r.span)
                                    .var("ref", r.span.slice(cx.source))
                                    .var("short", short_text.clone())
                                    .label(s.span, format!("“{short_text}” already")),
                            );
                            break;
                        }
                    }
                    _ => {}
                }
                last_para = Some(r.paragraph);
            }
        }
    }
}
