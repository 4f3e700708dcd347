//! Pronoun and descriptor speakers that could be more than one person.
//!
//! # What it checks
//! A quotation attributed by a pronoun ("he said", "she added") or a role
//! descriptor ("the MP went on", "the minister said") that is taken to be the
//! person quoted last, when the sentence just before names another compatible
//! person (same gender for a pronoun, same role for a descriptor): the reader
//! can take the words for either. Left alone as clear:
//! - a pronoun right after a single named person, or after that person's own
//!   quotation ("she added" after "Rebecca Long-Bailey said …");
//! - a sentence just before that names the speaker too (the speaker is then
//!   usually its subject: "Lansman said … Sadiq Khan …"), or that reports
//!   someone's words ("Mr Fox said …", "observed Jack Boorman"): the reader
//!   knows whose words follow;
//! - a sentence whose subject may be someone the register does not know ("But
//!   Edu was critical of … Reyes").
//!
//! # Why an editor cares
//! AP: restate the attribution unless it is perfectly clear; Reuters: name and
//! position. Pronoun and descriptor speakers are where readers (and extraction
//! systems) attribute words to the wrong person.
//!
//! # Options
//! `window_sentences` (default 6): how many sentences back a rival is looked for;
//! `descriptor_nouns`: the role heads checked ("mp", "minister", ...);
//! `unknown_gender_compatible` (default false): count people of unknown gender
//! as rivals of "he" and "she".

use super::speakers_util::{
    Named, NamedGenders, display_name, has_cue, last_spoken_before, named_in_narrative,
    named_within, sentence_of, sentence_starts, speaker_key, spoken, words_within,
};
use super::{Check, Context, Hit};
use crate::model::{Gender, SpeakerSource, Zone};
use crate::span::Span;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmbiguousSpeaker {
    #[serde(default = "six")]
    pub window_sentences: usize,
    #[serde(default)]
    pub descriptor_nouns: Vec<String>,
    #[serde(default)]
    pub unknown_gender_compatible: bool,
}

fn six() -> usize {
    6
}

impl Default for AmbiguousSpeaker {
    fn default() -> Self {
        AmbiguousSpeaker {
            window_sentences: six(),
            descriptor_nouns: Vec::new(),
            unknown_gender_compatible: false,
        }
    }
}

enum Wanted {
    Gender(Gender),
    Role(String),
}

impl Check for AmbiguousSpeaker {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let a = cx.article;
        let named = named_in_narrative(cx);
        let starts = sentence_starts(cx);
        let words = cx.narrative_words();
        let last_spoken = last_spoken_before(&a.quotes);
        let genders = std::cell::OnceCell::new();
        let sentence = |k: usize| {
            let end = starts.get(k + 1).copied().unwrap_or(cx.source.len());
            Span::new(starts[k], end)
        };
        for (qi, q) in a.quotes.iter().enumerate() {
            let Some(sp) = &q.speaker else { continue };
            let Some(m) = sp.mention else { continue };
            if !spoken(q)
                || q.zone != Zone::Body
                || q.continues.is_some()
                || !matches!(
                    sp.source,
                    SpeakerSource::Pronoun | SpeakerSource::Description
                )
            {
                continue;
            }
            let mention_words: Vec<String> = m
                .slice(cx.source)
                .split_whitespace()
                .map(|w| {
                    w.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                })
                .collect();
            let wanted = match mention_words.as_slice() {
                [w] if w == "he" => Wanted::Gender(Gender::Male),
                [w] if w == "she" => Wanted::Gender(Gender::Female),
                [.., head]
                    if sp.source == SpeakerSource::Description
                        && self.descriptor_nouns.iter().any(|d| d == head) =>
                {
                    Wanted::Role(head.clone())
                }
                _ => continue,
            };
            let compatible = |n: &Named| -> bool {
                match &wanted {
                    Wanted::Gender(g) => {
                        n.gender == *g
                            || (self.unknown_gender_compatible && n.gender == Gender::Unknown)
                    }
                    Wanted::Role(head) => n.person.is_some_and(|p| {
                        a.people[p].roles.iter().any(|r| {
                            r.text
                                .split(|c: char| !c.is_alphanumeric())
                                .any(|w| w.eq_ignore_ascii_case(head))
                        })
                    }),
                }
            };
            let key = speaker_key(cx, sp);
            let full_name = sp
                .person
                .map_or(sp.name.as_str(), |p| a.people[p].name.as_str());
            // The sentence the attribution belongs to: the quotation's first one
            // when the cue follows it ("“…. …,” he said").
            let open = q.open.map_or(q.span.start, |o| o.start);
            let k = sentence_of(starts, m.start.min(open));
            if k == 0 {
                continue;
            }
            let window_start = starts[k.saturating_sub(self.window_sentences)];
            let previous = sentence(k - 1);
            // The speaker taken must be the one quoted last, within the window:
            // that is the reading "he added" invites.
            let Some(last) = last_spoken[qi].map(|i| &a.quotes[i]) else {
                continue;
            };
            let ls = last.speaker.as_ref().expect("found with a speaker");
            let same = match (ls.person, sp.person) {
                (Some(x), Some(y)) => x == y,
                _ => ls.name.eq_ignore_ascii_case(&sp.name),
            };
            if !same || last.span.start < window_start {
                continue;
            }
            // For a pronoun, the speaker must be a person of its gender
            // (otherwise the resolution is in doubt, not the text).
            if let Wanted::Gender(wanted) = &wanted
                && !genders
                    .get_or_init(|| NamedGenders::new(named))
                    .any(sp.person, &key, |g| {
                        g == *wanted || (self.unknown_gender_compatible && g == Gender::Unknown)
                    })
            {
                continue;
            }
            let after = last.close.map_or(last.span.end, |c| c.end);
            // The rival: another person of the same gender or role, the first
            // named in the sentence just before, after that quotation, in a
            // sentence that does not name the speaker too (then the speaker is
            // usually its subject: "Mr Blair has been closer to President Bush
            // …") and reports nobody's words (after "Mr Fox said …" or
            // "observed Jack Boorman" the reader knows whose words follow).
            let in_previous = || named_within(named, previous.start.max(after), previous.end);
            if has_cue(cx, words, previous)
                || in_previous().any(|n| n.is(sp.person, &key) || n.key == key)
            {
                continue;
            }
            let rival: Option<Named> = in_previous()
                .find(|n| !full_name.split_whitespace().any(|w| w == n.key) && compatible(n))
                .cloned();
            let Some(rival) = rival else { continue };
            // The rival must open the sentence, titles aside: a capitalised word
            // before it may be the sentence's subject, whom the register does not
            // know ("But Edu was critical of … Jose Antonio Reyes").
            let lex = crate::lexicon::Lexicon::get();
            let before: Vec<&str> =
                words_within(words, Span::new(previous.start, rival.span.start))
                    .map(|w| w.1)
                    .collect();
            let is_title = |w: &str| {
                let l = w.to_lowercase();
                lex.titles.contains(&l) || lex.honorifics.contains(&l)
            };
            let subject_before = before.iter().enumerate().any(|(i, w)| {
                let l = w.to_lowercase();
                w.chars().next().is_some_and(char::is_uppercase)
                    && (i != 0 || capitalised_name(w))
                    && !is_title(w)
                    // "Bermondsey MP", "Treasury Secretary": a pre-modifier.
                    && !before.get(i + 1).is_some_and(|n| is_title(n))
                    && !lex.first_names_male.contains(&l)
                    && !lex.first_names_female.contains(&l)
                    && !full_name.split_whitespace().any(|p| p == *w)
                    && !a
                        .people
                        .iter()
                        .any(|p| p.name.split_whitespace().any(|x| x == *w))
            });
            if subject_before {
                continue;
            }
            let rival_name = rival.name(cx).to_string();
            let mention = m.slice(cx.source);
            let mut hit = Hit::at(q.span)
                .var("quote", cx.quote_text(q))
                .var("mention", mention)
                .var("speaker", display_name(sp))
                .var("rival", rival_name.clone())
                .label(m, format!("“{mention}”: taken to be {}", display_name(sp)))
                .label(rival.span, format!("{rival_name} is named more recently"));
            hit.soften = true;
            out.push(hit);
        }
    }
}

/// A sentence-initial capitalised word that is a name rather than a function
/// word ("Edu", not "But" or "The").
fn capitalised_name(w: &str) -> bool {
    const FUNCTION: [&str; 16] = [
        "but",
        "and",
        "the",
        "a",
        "an",
        "however",
        "after",
        "meanwhile",
        "yet",
        "so",
        "then",
        "later",
        "earlier",
        "in",
        "on",
        "at",
    ];
    !FUNCTION.contains(&w.to_lowercase().as_str())
}
