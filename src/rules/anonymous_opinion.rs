//! Anonymous sources quoted giving an opinion of a person.
//!
//! # What it checks
//! A direct quotation from a confidential anonymous source (see
//! `anonymous-source`) whose quoted words give an opinion (“I think”, “in my
//! view”, an evaluative or pejorative word) about an identifiable person: one of
//! the article’s people named in the quotation, or a person the quotation calls
//! “he” or “she”. This rule looks inside the quoted words, by definition. Under a
//! house style with `anonymous_opinion_forbidden` (AP, Reuters) any opinion from
//! an anonymous source is reported, about a person or not. One finding per
//! source. An approved exception is suppressed inline with the approver’s note.
//!
//! # Why an editor cares
//! The Guardian permits anonymous pejorative quotes only exceptionally, with a
//! senior editor’s approval; AP wants information, not opinion, from anonymous
//! sources; Reuters: no attacks behind anonymity; the Washington Post
//! ombudsman: never an anonymous opinion of another person.
//!
//! # Options
//! `opinion_markers`: phrases that mark an opinion; `pejorative_lexicon`:
//! evaluative and pejorative words and phrases.

use super::anonymity_util::{Class, has_phrase, sources, words_of};
use super::{Check, Context, Hit};
use crate::model::QuoteKind;
use crate::span::Span;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnonymousOpinion {
    #[serde(default)]
    pub opinion_markers: Vec<String>,
    #[serde(default)]
    pub pejorative_lexicon: Vec<String>,
}

const PERSONAL: &[&str] = &["he", "him", "his", "himself", "she", "her", "herself"];

/// The span of a phrase (case-insensitive, whole words) inside `span`.
fn find_words(source: &str, span: Span, phrase: &str) -> Option<Span> {
    let text = span.slice(source);
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        // Lower-casing changed byte lengths: fall back to the quotation.
        return has_phrase(&words_of(text), phrase).map(|_| span);
    }
    let p = phrase.to_lowercase();
    let mut from = 0;
    while let Some(k) = lower[from..].find(&p) {
        let s = from + k;
        let e = s + p.len();
        let before = lower[..s].chars().next_back();
        let after = lower[e..].chars().next();
        let boundary =
            |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '’' && c != '\'');
        if boundary(before) && boundary(after) {
            return Some(Span::new(span.start + s, span.start + e));
        }
        from = e;
    }
    None
}

impl Check for AnonymousOpinion {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let a = cx.article;
        let forbidden = cx.house.anonymous_opinion_forbidden;
        for s in sources(cx) {
            if s.class != Class::Confidential {
                continue;
            }
            let mut found = None;
            for &qi in &s.quotes {
                let q = &a.quotes[qi];
                if q.kind != QuoteKind::Direct {
                    continue;
                }
                let marker = self
                    .opinion_markers
                    .iter()
                    .chain(&self.pejorative_lexicon)
                    .filter_map(|m| find_words(cx.source, q.span, m))
                    .min_by_key(|m| m.start);
                let Some(marker) = marker else { continue };
                let own = q.speaker.as_ref().and_then(|sp| sp.person);
                let named = a
                    .people
                    .iter()
                    .enumerate()
                    .filter(|(i, p)| Some(*i) != own && !p.name.is_empty())
                    .filter_map(|(_, p)| {
                        let surname = p.name.split_whitespace().last()?;
                        (surname.chars().count() > 2
                            && surname.chars().next().is_some_and(char::is_uppercase))
                        .then(|| {
                            find_words(cx.source, q.span, surname).map(|m| (m, p.name.clone()))
                        })
                        .flatten()
                    })
                    .min_by_key(|(m, _)| m.start);
                let target = named.or_else(|| {
                    PERSONAL
                        .iter()
                        .filter_map(|w| find_words(cx.source, q.span, w))
                        .min_by_key(|m| m.start)
                        .map(|m| {
                            (
                                m,
                                format!("someone the quotation calls “{}”", m.slice(cx.source)),
                            )
                        })
                });
                if target.is_some() || forbidden {
                    found = Some((qi, marker, target.map(|t| t.1)));
                    break;
                }
            }
            let Some((qi, marker, target)) = found else {
                continue;
            };
            let about = target.map(|t| format!(" about {t}")).unwrap_or_default();
            // The marker and the person are named in the message: labels
            // inside the quotation's own underline would render out of place.
            let hit = Hit::at(a.quotes[qi].span)
                .var(
                    "descriptor",
                    s.mention.slice(cx.source).trim_end_matches(','),
                )
                .var("marker", marker.slice(cx.source))
                .var("about", about)
                .label(s.mention, "anonymous source");
            out.push(hit);
        }
    }
}
