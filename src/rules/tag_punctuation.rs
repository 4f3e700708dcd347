//! Punctuation and capitals where a quotation meets its attribution tag.
//!
//! # What it checks
//! A tag after the quotation (“…,” he said): a full stop before it (“… process.”
//! Mr Lansman added), no comma before it (“We will win” he said), a capital on a
//! pronoun or verb after the comma (“We will win,” He said), and a quotation that
//! resumes after the tag's full stop in lower case. A tag before a full-sentence
//! quotation with no comma or colon (he said “We will win.”). A quotation run into
//! the sentence by “that” but starting with a capital (argued that “The desire
//! …”), and one that opens inside reported speech and runs on as direct speech
//! (added that the Labour right “are organising … We’ve got to do the same.).
//!
//! # Why an editor cares
//! The tag and the quotation make one sentence; the punctuation shows the reader
//! where the speaker's words stop and the reporter's start. A quotation that
//! begins as reported speech and turns into direct speech shifts its pronouns
//! mid-sentence (“their supporters”, then “we”).
//!
//! # Options
//! `speech_verbs`: the cue verbs that make an attribution tag (lower case); the
//! shipped rule file lists them.

use super::marks_util::{first_char, has_inner_sentence_break, next_char, word_before};
use super::{Check, Context, Hit};
use crate::model::{Quote, QuoteKind};
use crate::span::Span;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagPunctuation {
    /// The cue verbs of speech that make a tag ("said", "added"); "called",
    /// "dubbed" and "according to" make none. Lower case.
    pub speech_verbs: Vec<String>,
}

/// Words that start the end of a tag ("said on Thursday", "added last night").
const TAIL_STARTS: [&str; 14] = [
    "on",
    "in",
    "at",
    "after",
    "before",
    "during",
    "yesterday",
    "today",
    "tonight",
    "last",
    "this",
    "earlier",
    "later",
    "recently",
];

impl TagPunctuation {
    fn is_speech_cue(&self, cue: &crate::model::Cue) -> bool {
        let first = cue.first_word_lower();
        self.speech_verbs.contains(&first)
    }
}

const PRONOUNS: [&str; 6] = ["he", "she", "they", "it", "we", "you"];

/// Words that start a clause but are no names: a capital on them after "that"
/// comes from the quotation having been a sentence of its own.
const FUNCTION_WORDS: [&str; 30] = [
    "the", "a", "an", "it", "it’s", "it's", "we", "we’re", "we've", "we’ve", "they", "this",
    "that", "there", "these", "those", "our", "my", "he", "she", "you", "in", "if", "when", "what",
    "no", "nobody", "everyone", "all", "people",
];

/// The tag right after a quotation's closing mark: its span, when the first word
/// after the mark is the speaker mention or the cue and the tag ends its clause
/// within a few words.
fn tag_after(rule: &TagPunctuation, cx: &Context, q: &Quote) -> Option<Span> {
    let close = q.close?;
    let (start, c) = next_char(cx.source, close.end)?;
    if !c.is_alphabetic() {
        return None;
    }
    let mention = q
        .speaker
        .as_ref()
        .and_then(|s| s.mention)
        .filter(|m| m.start >= close.end);
    let cue = q
        .cue
        .as_ref()
        .filter(|c| rule.is_speech_cue(c))
        .map(|c| c.span)
        .filter(|c| c.start >= close.end);
    cue?;
    // The tag starts right after the mark with the speaker mention, or with a
    // pronoun before the cue ("he said"), and names the speaker of this quotation.
    let first_word: String = cx.source[start..]
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let pronoun_cue = cue.is_some_and(|c| {
        PRONOUNS.contains(&first_word.to_lowercase().as_str())
            && cx.source[start + first_word.len()..c.start]
                .trim()
                .is_empty()
    });
    let named = mention.is_some_and(|m| m.start == start)
        || cue.is_some_and(|c| c.start == start && mention.is_some());
    if !named && !pronoun_cue {
        return None;
    }
    let end = [mention, cue].into_iter().flatten().map(|s| s.end).max()?;
    let between = &cx.source[close.end..end];
    if end - close.end > 80 || between.contains(['.', '?', '!', '“', '”', '"', '\n', ';']) {
        return None;
    }
    // The clause ends within three words of the tag ("said on Tuesday.").
    let rest = &cx.source[end..];
    // A tag ending in a colon, or running on to another quotation, introduces
    // the next quotation ("“…” She added: “…”"), not this one.
    let stop = rest
        .find(['.', ',', ';', ':', '\n', '“', '"', '‘', '?', '!', '—', '–'])
        .unwrap_or(rest.len());
    let tail: Vec<&str> = rest[..stop].split_whitespace().collect();
    let tail_ok = tail.is_empty()
        || (tail.len() <= 4 && TAIL_STARTS.contains(&tail[0].to_lowercase().as_str()));
    if !tail_ok
        || (stop < rest.len()
            && !rest[stop..].starts_with(['.', ',', ';', '\n', '?', '!', '—', '–']))
    {
        return None;
    }
    // "Ann said, “…”": the tag introduces the next quotation.
    if rest[stop..].starts_with(',')
        && next_char(cx.source, end + stop + 1)
            .is_some_and(|(_, c)| matches!(c, '“' | '"' | '‘' | '\''))
    {
        return None;
    }
    Some(Span::new(start, end))
}

impl Check for TagPunctuation {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let quotes = &cx.article.quotes;
        // Computed once, not searched for per quotation: the quotations by the
        // start of their opening mark, and which ones a later record continues.
        let mut by_open: rustc_hash::FxHashMap<usize, Vec<usize>> = Default::default();
        let mut continued = vec![false; quotes.len()];
        for (j, r) in quotes.iter().enumerate() {
            if let Some(o) = r.open {
                by_open.entry(o.start).or_default().push(j);
            }
            if let Some(c) = r.continues.filter(|&c| c < j) {
                continued[c] = true;
            }
        }
        for (i, q) in quotes.iter().enumerate() {
            if q.depth > 0 || q.open.is_none() || q.zone == crate::model::Zone::Headline {
                continue;
            }
            let words = q.span.slice(cx.source);
            let last = words.chars().last();
            if q.kind == QuoteKind::Direct
                && let (Some(tag), Some(close)) = (tag_after(self, cx, q), q.close)
            {
                let tag_text = tag.slice(cx.source);
                let first_word: String =
                    tag_text.chars().take_while(|c| c.is_alphabetic()).collect();
                match last {
                    Some('.') if !words.ends_with("..") => {
                        let at = Span::new(q.span.end - 1, close.end);
                        out.push(
                            Hit::at(at)
                                .var("what", format!("a full stop before the tag “{tag_text}”"))
                                .var("fix", "end the quoted words with a comma inside the closing mark: “…,” he said.")
                                .label(at, "full stop")
                                .label(tag, "the tag"),
                        );
                    }
                    Some(c)
                        if !matches!(
                            c,
                            ',' | '?'
                                | '!'
                                | '…'
                                | '—'
                                | '–'
                                | '-'
                                | ':'
                                | ';'
                                | '.'
                                | '’'
                                | '\''
                                | ')'
                        ) =>
                    {
                        out.push(
                            Hit::at(close)
                                .var("what", format!("no comma before the tag “{tag_text}”"))
                                .var("fix", "put a comma inside the closing mark: “…,” he said.")
                                .label(close, "comma missing before this mark")
                                .label(tag, "the tag"),
                        );
                    }
                    Some(',' | '?' | '!')
                        if first_word.chars().next().is_some_and(char::is_uppercase)
                            && (PRONOUNS.contains(&first_word.to_lowercase().as_str())
                                || q.cue.as_ref().is_some_and(|c| c.span.start == tag.start)) =>
                    {
                        let at = Span::new(tag.start, tag.start + first_word.len());
                        out.push(
                            Hit::at(at)
                                .var(
                                    "what",
                                    format!(
                                        "a capital on “{first_word}” in the tag after the quotation"
                                    ),
                                )
                                .var(
                                    "fix",
                                    "the tag continues the sentence: write it in lower case",
                                )
                                .label(at, "capital"),
                        );
                    }
                    _ => {}
                }
                // A quotation resuming after the tag's full stop starts a sentence.
                if let Some((dot, '.')) = next_char(cx.source, tag.end)
                    && let Some((open_at, _)) = next_char(cx.source, dot + 1)
                    && let Some(r) = by_open
                        .get(&open_at)
                        .and_then(|js| js.iter().find(|&&j| j > i))
                        .map(|&j| &quotes[j])
                    && first_char(cx, r).is_some_and(char::is_lowercase)
                {
                    let at = r
                        .open
                        .unwrap_or(r.span)
                        .cover(Span::new(r.span.start, r.span.start + 1));
                    out.push(
                        Hit::at(at)
                            .var("what", "the quotation resumes in lower case after the tag’s full stop")
                            .var("fix", "start the resumed quotation with a capital, or end the tag with a comma if the sentence goes on")
                            .label(at, "lower case after a full stop"),
                    );
                }
            }
            if q.continues.is_some() {
                continue;
            }
            let Some(open) = q.open else { continue };
            let Some((wspan, word)) = word_before(cx.source, open.start) else {
                continue;
            };
            let first = first_char(cx, q);
            let first_word: String = words
                .chars()
                .take_while(|c| c.is_alphabetic() || *c == '’' || *c == '\'')
                .collect();
            let cue_end = q.cue.as_ref().map(|c| c.span.end);
            let speech = q.cue.as_ref().is_some_and(|c| self.is_speech_cue(c));
            if q.kind == QuoteKind::Direct
                && speech
                && cue_end == Some(wspan.end)
                && first.is_some_and(char::is_uppercase)
            {
                let at = Span::new(wspan.start, open.end);
                out.push(
                    Hit::at(at)
                        .var("what", format!("no comma or colon between “{}” and the quotation", wspan.slice(cx.source)))
                        .var("fix", "introduce a full-sentence quotation with a comma or a colon: he said, “…” or he said: “…”")
                        .label(at, "punctuation missing"),
                );
            } else if word == "that"
                && first.is_some_and(char::is_uppercase)
                && FUNCTION_WORDS.contains(&first_word.to_lowercase().as_str())
                && !starts_a_name(&words[first_word.len()..])
            {
                let at = Span::new(wspan.start, q.span.start + first_word.len());
                out.push(
                    Hit::at(at)
                        .var("what", format!("a quotation run into the sentence by “that” starts with a capital (“{first_word}”)"))
                        .var("fix", "after “that” the quoted words continue the sentence: lower-case them, or drop “that” and introduce the quotation with a comma or colon")
                        .label(at, "“that” then a capital"),
                );
            } else if first.is_some_and(char::is_lowercase)
                && (has_inner_sentence_break(words) || continued[i])
            {
                let at = Span::new(open.start, q.span.start + first_word.len().max(1));
                out.push(
                    Hit::at(at)
                        .var("what", "the quotation opens inside reported speech and runs on as direct speech")
                        .var("fix", "close the fragment where the sentence ends and open the full sentences as a direct quotation of their own (He added: “…”)")
                        .label(at, "opens mid-sentence"),
                );
            }
        }
    }
}

/// "The Bank of Korea …": a capitalised word after the first one makes it a name.
fn starts_a_name(rest: &str) -> bool {
    rest.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}
