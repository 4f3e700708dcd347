//! A person's first reference in the body without a given name, or a quoted
//! speaker introduced with nothing to say who they are.
//!
//! # What it checks
//! The first reference to each person in the body of the article (headlines,
//! standfirsts and captions use surnames by convention, so they do not count):
//! a surname alone, a courtesy title and a surname ("Ms Formby"), or a given name
//! alone, where the reader has not yet been told the full name. A person only ever
//! named by surname is flagged at the first mention, even as a modifier ("former
//! Corbyn spokesman"). For a quoted speaker, a first reference as bare as
//! "Neil Coyle said" with no role, title or affiliation in the same sentence.
//! Quoted words are never read.
//!
//! # Why an editor cares
//! Wire and broadcast styles (AP, Reuters, the BBC) give the full name on first
//! reference and, for anyone quoted, the position or credential that tells the
//! reader why their words matter.
//!
//! # Options
//! `require_given_name` (default true): flag a first reference with no given name;
//! `require_role_for_speakers` (default true): flag a quoted speaker's bare first
//! reference; `mononyms`: names that need no given name ("Madonna").

use super::people_util::{CommonWords, RefForm, named_people, sentence_of, shared_surnames};
use super::{Check, Context, Hit};
use crate::lexicon::Lexicon;
use crate::model::{Gender, Zone};
use crate::span::Span;
use serde::Deserialize;

/// A narrative word: span, text, zone.
type Word<'a> = (Span, &'a str, Zone);

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FirstReference {
    #[serde(default = "yes")]
    pub require_given_name: bool,
    #[serde(default = "yes")]
    pub require_role_for_speakers: bool,
    #[serde(default)]
    pub mononyms: Vec<String>,
}

impl Default for FirstReference {
    fn default() -> Self {
        FirstReference {
            require_given_name: true,
            require_role_for_speakers: true,
            mononyms: Vec::new(),
        }
    }
}

impl Check for FirstReference {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let people = named_people(cx);
        let shared = shared_surnames(people);
        let lex = Lexicon::get();
        let a = cx.article;
        let words = || cx.narrative_words();
        // Made the first time a person needs them, once an article.
        let common = CommonWords::new(cx.source);
        let mentions = std::cell::OnceCell::new();
        let mentions = || mentions.get_or_init(|| Mentions::new(cx));
        for n in people {
            if shared.contains(n.surname.as_str()) || self.mononyms.contains(&n.surname) {
                continue;
            }
            // A modifier ("Corbyn supporters") before the full name is not the
            // introduction, unless the body never names the person otherwise.
            let Some(first) = n
                .body_refs()
                .filter(|r| r.form != RefForm::Given)
                .find(|r| !r.attributive)
                .or_else(|| n.body_refs().find(|r| r.form != RefForm::Given))
            else {
                continue;
            };
            let pronoun = match n.gender {
                Gender::Male => "he",
                Gender::Female => "she",
                Gender::Unknown => "they",
            };
            let text = first.span.slice(cx.source).to_string();
            // A full name in the standfirst introduces the person too.
            let full_before = n.refs.iter().any(|r| {
                r.form == RefForm::Full
                    && matches!(r.zone, Zone::Body | Zone::Standfirst)
                    && r.span.start < first.span.start
            });
            if self.require_given_name
                && !full_before
                && (n.modifier_only || personal(cx, words(), mentions(), first.span, first.form, lex))
                && !(first.form == RefForm::Surname
                    && common.has(&n.surname))
                // Someone known only as "Dr Pepper" or "Mrs Simpson" may be a
                // brand or a title: a speech verb or a quotation must show a
                // person.
                && (n.person.is_some()
                    || n.modifier_only
                    || n
                        .body_refs()
                        .any(|r| personal(cx, words(), mentions(), r.span, RefForm::Surname, lex)))
                && matches!(first.form, RefForm::Surname | RefForm::Honorific)
            {
                let later_full = n.body_refs().find(|r| r.form == RefForm::Full);
                let mut hit = Hit::at(first.span).var("ref", text.clone());
                hit = match (later_full, n.given.is_some()) {
                    (Some(full), _) => hit
                        .var("problem", "has no given name; the full name comes only later")
                        .var("remedy", format!("introduce {} here", n.name))
                        .label(full.span, "the full name, later"),
                    (None, true) => hit
                        .var("problem", "has no given name, and the body never gives it")
                        .var("remedy", format!("introduce {} here", n.name)),
                    (None, false) => n
                        .body_refs()
                        .filter(|r| r.span.start > first.span.start)
                        .take(3)
                        .fold(hit, |h, r| {
                            let t = r.span.slice(cx.source).to_string();
                            h.label(r.span, format!("“{t}” again"))
                        })
                        .var("problem", "is all the body ever calls this person")
                        .var(
                            "remedy",
                            format!(
                                "give the full name and say who {pronoun} {} at the first reference",
                                if pronoun == "they" { "are" } else { "is" }
                            ),
                        ),
                };
                out.push(hit);
                continue;
            }
            if !self.require_role_for_speakers || first.attributive {
                continue;
            }
            let Some(&qi) = n.quotes.iter().find(|&&qi| {
                let q = &a.quotes[qi];
                q.depth == 0 && q.zone == Zone::Body
            }) else {
                continue;
            };
            let sentence = sentence_of(cx, first.span.start);
            // The sentence before may give the role, as the BBC's intros do ("…,
            // the Trade and Industry Secretary has said. ⏎ Patricia Hewitt said").
            let before = previous_sentence(cx, sentence);
            let after = next_sentence(cx, sentence);
            let window = Span::new(
                before.map_or(sentence.start, |b| b.start),
                after.map_or(sentence.end, |b| b.end),
            );
            if has_role_words(words(), first.span, window, lex) {
                continue;
            }
            // A capitalised word before the name is taken as a title ("Agent
            // Simon Beresford", "Fly-half Charlie Hodgson").
            if role_prefix(n.name.split_whitespace().next().unwrap_or(""), lex) {
                continue;
            }
            // A speaker the register calls a person but nothing else does
            // ("Age Concern said") is left alone.
            let person_like = n.gender != Gender::Unknown
                || n.person.is_some_and(|p| {
                    a.people[p].mentions.iter().any(|m| {
                        m.form == crate::model::MentionForm::Pronoun
                            && matches!(
                                m.span.slice(cx.source).to_lowercase().as_str(),
                                "he" | "she"
                            )
                    })
                });
            if !person_like {
                continue;
            }
            let roles = n.person.map_or(&[][..], |p| &a.people[p].roles[..]);
            if roles
                .iter()
                .any(|r| r.span.start < sentence.end && sentence.start < r.span.end)
            {
                continue;
            }
            if !bare_in_sentence(cx, words(), first.span, sentence, lex) {
                continue;
            }
            let q = &a.quotes[qi];
            out.push(
                Hit::at(first.span)
                    .var("ref", text)
                    .var("problem", "says nothing of who the speaker is")
                    .var(
                        "remedy",
                        format!(
                            "give {}’s role, title or affiliation in this sentence",
                            n.name
                        ),
                    )
                    .label(q.span, "the quotation"),
            );
        }
    }
}

/// The name stands alone in its sentence: nothing but a cue after it ("Neil
/// Coyle said"), nothing but a cue or a function word before it, and no title or
/// role word anywhere in the sentence's narrative.
/// The narrative words within `window`. They are in text order and do not
/// overlap, so their ends ascend too: a bisection and a run.
fn within<'w, 'a>(words: &'w [Word<'a>], window: Span) -> impl Iterator<Item = &'w Word<'a>> {
    let from = words.partition_point(|(s, _, _)| s.start < window.start);
    words[from..]
        .iter()
        .take_while(move |(s, _, _)| s.end <= window.end)
}

/// The spans of the speakers' mentions, sorted, with the longest's length.
struct Mentions {
    spans: Vec<Span>,
    longest: usize,
}

impl Mentions {
    fn new(cx: &Context) -> Mentions {
        let mut spans: Vec<Span> = cx
            .article
            .quotes
            .iter()
            .filter_map(|q| q.speaker.as_ref().and_then(|s| s.mention))
            .collect();
        spans.sort_unstable();
        let longest = spans.iter().map(Span::len).max().unwrap_or(0);
        Mentions { spans, longest }
    }

    /// Some mention holds `r`.
    fn hold(&self, r: Span) -> bool {
        let to = self.spans.partition_point(|m| m.start <= r.start);
        let from = self
            .spans
            .partition_point(|m| m.start + self.longest < r.end);
        self.spans[from.min(to)..to]
            .iter()
            .any(|m| m.start <= r.start && r.end <= m.end)
    }
}

fn bare_in_sentence(cx: &Context, all: &[Word], name: Span, sentence: Span, lex: &Lexicon) -> bool {
    let words: Vec<(Span, &str)> = within(all, sentence).map(|&(s, w, _)| (s, w)).collect();
    let after =
        cx.source[name.end..sentence.end.max(name.end)].trim_start_matches(['’', '\'', 's']);
    let next_word = words.iter().find(|(s, _)| s.start >= name.end);
    let after_ok = match next_word {
        // Only a cue, straight after the name.
        Some((s, w)) => {
            lex.speech_cues.contains_word(&w.to_lowercase())
                && cx.source[name.end..s.start].trim().is_empty()
        }
        None => after
            .trim()
            .chars()
            .all(|c| !c.is_alphanumeric() || c == '.'),
    };
    let prev_word = words.iter().rev().find(|(s, _)| s.end <= name.start);
    let before_ok = match prev_word {
        Some((s, w)) => {
            let l = w.to_lowercase();
            let between = &cx.source[s.end..name.start];
            (lex.speech_cues.contains_word(&l) && between.trim().is_empty())
                || (lex.not_names.contains(&l) && between.trim().is_empty())
                || between.contains(['”', '"', ','])
        }
        None => true,
    };
    after_ok && before_ok
}

/// Nouns of a role or credential beyond the title list.
const ROLE_WORDS: [&str; 30] = [
    "agent",
    "creator",
    "owner",
    "head",
    "player",
    "winger",
    "forward",
    "prop",
    "hooker",
    "champion",
    "holder",
    "rival",
    "opponent",
    "director",
    "producer",
    "writer",
    "artist",
    "musician",
    "band",
    "scientist",
    "researcher",
    "doctor",
    "teacher",
    "student",
    "chairman",
    "president",
    "founder",
    "partner",
    "wife",
    "husband",
];

/// A title, role or credential word, or an organisation's possessive ("Amnesty
/// International's chief"), in the narrative of `window` outside the name.
fn has_role_words(words: &[Word], name: Span, window: Span, lex: &Lexicon) -> bool {
    within(words, window)
        .filter(|(s, _, _)| !(name.start <= s.start && s.end <= name.end))
        .any(|(_, w, _)| {
            let (bare, possessive) = super::people_util::strip_possessive(w);
            let l = bare.to_lowercase();
            possessive
                || lex.titles.contains(&l)
                || lex.anonymous_heads.contains(&l)
                || ROLE_WORDS.contains(&l.as_str())
                || l.ends_with("ist")
                || l.ends_with("er")
                    && !lex.not_names.contains(&l)
                    && w.chars().next().is_some_and(char::is_lowercase)
        })
}

/// The sentence before `s`: in its paragraph, or the last of the paragraph
/// before.
fn previous_sentence(cx: &Context, s: Span) -> Option<Span> {
    let p = super::people_util::paragraph_of(cx, s.start);
    let para = cx.article.paragraphs[p].span;
    let text = cx.source[para.start..s.start].trim_end();
    if !text.is_empty() {
        let at = para.start + text.len() - 1;
        let at = (0..=at).rev().find(|&i| cx.source.is_char_boundary(i))?;
        return Some(sentence_of(cx, at));
    }
    let prev = cx.article.paragraphs[..p]
        .iter()
        .rev()
        .find(|q| q.zone == Zone::Body && !q.span.is_empty())?;
    let end = prev.span.slice(cx.source).trim_end().len();
    if end == 0 {
        return None;
    }
    let at = prev.span.start + end - 1;
    let at = (0..=at).rev().find(|&i| cx.source.is_char_boundary(i))?;
    Some(sentence_of(cx, at))
}

/// The first word of a name is a title ("Producer Kevin Wallace", "Fly-half
/// Charlie Hodgson", "Vice-President Dick Cheney").
fn role_prefix(w: &str, lex: &Lexicon) -> bool {
    let l = w.to_lowercase();
    let hyphen_tail = l.split_once('-').map(|(_, t)| t.to_string());
    let tail_is_word = w
        .split_once('-')
        .is_some_and(|(_, t)| t.chars().next().is_some_and(char::is_lowercase));
    lex.titles.contains(&l)
        || ROLE_WORDS.contains(&l.as_str())
        || hyphen_tail.is_some_and(|t| lex.titles.contains(&t))
        || tail_is_word
        || ((l.ends_with("er") || l.ends_with("or") || l.ends_with("ist"))
            && !lex.first_names_male.contains(&l)
            && !lex.first_names_female.contains(&l))
}

/// The sentence after `s`, in its paragraph.
fn next_sentence(cx: &Context, s: Span) -> Option<Span> {
    let p = super::people_util::paragraph_of(cx, s.start);
    let para = cx.article.paragraphs[p].span;
    let rest = &cx.source[s.end..para.end];
    let skip = rest.len() - rest.trim_start().len();
    if s.end + skip < para.end {
        return Some(sentence_of(cx, s.end + skip));
    }
    // Or the first of the next paragraph ("The Tory leader argued …").
    let next = cx.article.paragraphs[p + 1..]
        .iter()
        .find(|q| q.zone == Zone::Body && !q.span.slice(cx.source).trim().is_empty())?;
    let text = next.span.slice(cx.source);
    let at = next.span.start + (text.len() - text.trim_start().len());
    Some(sentence_of(cx, at))
}

/// The reference is plainly to a person: a title and surname, a speech verb
/// next to it ("Gerrard said", "said Gerrard"), or the speaker's mention of a
/// quotation. A bare capitalised word before the full name may be a company, a
/// place or a report ("Ford", "the Tomlinson report").
fn personal(
    cx: &Context,
    words: &[Word],
    mentions: &Mentions,
    r: Span,
    form: RefForm,
    lex: &Lexicon,
) -> bool {
    if matches!(form, RefForm::Honorific | RefForm::Rank) {
        return true;
    }
    if mentions.hold(r) {
        return true;
    }
    // The words are in text order and do not overlap: bisections.
    let k0 = words.partition_point(|(s, _, _)| s.start < r.start);
    if words.get(k0).is_none_or(|(s, _, _)| s.start != r.start) {
        return false;
    }
    let k = Some(words.partition_point(|(s, _, _)| s.end < r.end))
        .filter(|&k| words.get(k).is_some_and(|(s, _, _)| s.start < r.end))
        .unwrap_or(k0);
    let cue = |j: usize| {
        words.get(j).is_some_and(|(s, w, _)| {
            let between = if s.start >= r.end {
                &cx.source[r.end..s.start]
            } else if s.end <= r.start {
                &cx.source[s.end..r.start]
            } else {
                "-"
            };
            between.trim().is_empty() && lex.speech_cues.contains_word(&w.to_lowercase())
        })
    };
    cue(k + 1) || (k0 > 0 && cue(k0 - 1))
}
