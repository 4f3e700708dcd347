//! Narrative words grouped by paragraph and sentence, for the attribution rules
//! that read cue words around a phrase (attribution verbs, weasel attributions).

use super::Context;
use crate::model::{Quote, Zone};
use crate::span::Span;
use std::borrow::Cow;

/// One narrative word (never inside quoted words) with where it stands.
#[derive(Debug, Clone, Copy)]
pub struct Word<'a> {
    pub span: Span,
    pub text: &'a str,
    pub zone: Zone,
    pub paragraph: usize,
    pub sentence: usize,
}

impl<'a> Word<'a> {
    pub fn is(&self, w: &str) -> bool {
        self.text.eq_ignore_ascii_case(w)
    }

    /// The word in lower case, borrowed when it is already (most words are): the
    /// rules ask this of every narrative word.
    pub fn lower(&self) -> Cow<'a, str> {
        if self.text.chars().any(char::is_uppercase) {
            Cow::Owned(self.text.to_lowercase())
        } else {
            Cow::Borrowed(self.text)
        }
    }

    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

const ABBREVIATIONS: [&str; 16] = [
    "mr", "mrs", "ms", "dr", "st", "no", "prof", "gen", "sen", "rep", "gov", "lt", "col", "jr",
    "sr", "rev",
];

/// True when `text` (narrative between two words) ends a sentence: a full stop,
/// question or exclamation mark followed by a space (closing marks allowed between).
pub fn has_sentence_break(text: &str) -> bool {
    text.char_indices().any(|(i, c)| {
        matches!(c, '.' | '!' | '?')
            && text[i + c.len_utf8()..]
                .chars()
                .find(|c| !matches!(c, '”' | '’' | '"' | '\'' | ')' | '.'))
                .is_none_or(|c| c.is_whitespace())
    })
}

/// The narrative words of an article, each with its paragraph and sentence.
/// Worked out once an article.
pub fn narrative<'c, 'a>(cx: &'c Context<'a>) -> &'c [Word<'a>] {
    cx.memo.narrative.get_or_init(|| compute_narrative(cx))
}

/// The narrative words in lower case, as `Word::lower` gives them, one for each
/// of `narrative`: worked out once an article, not once a rule.
pub fn narrative_lower<'c, 'a>(cx: &'c Context<'a>) -> &'c [Cow<'a, str>] {
    cx.memo
        .narrative_lower
        .get_or_init(|| narrative(cx).iter().map(Word::lower).collect())
}

fn compute_narrative<'a>(cx: &Context<'a>) -> Vec<Word<'a>> {
    let paras = &cx.article.paragraphs;
    let mut out: Vec<Word> = Vec::new();
    let mut sentence = 0;
    for &(span, text, zone) in cx.narrative_words() {
        let paragraph = paras
            .partition_point(|p| p.span.end <= span.start)
            .min(paras.len().saturating_sub(1));
        if let Some(prev) = out.last() {
            let gap = &cx.source[prev.span.end..span.start];
            let abbrev = ABBREVIATIONS.iter().any(|a| prev.is(a))
                || (prev.text.chars().count() == 1 && prev.is_capitalised());
            let starts = text
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
            if prev.paragraph != paragraph || (starts && !abbrev && has_sentence_break(gap)) {
                sentence += 1;
            }
        }
        out.push(Word {
            span,
            text,
            zone,
            paragraph,
            sentence,
        });
    }
    out
}

/// The first top-level quotation opening after `pos` in the same sentence as
/// `pos` (no sentence break in the narrative between them).
pub fn quote_after_in_sentence<'a>(
    cx: &'a Context,
    pos: usize,
    paragraph: usize,
) -> Option<&'a Quote> {
    // Quotations are in text order, and one whose mark opens at or after `pos`
    // starts after it: bisect, then read forward within the paragraph.
    let quotes = &cx.article.quotes;
    let from = quotes.partition_point(|q| q.span.start <= pos);
    let q = quotes[from..]
        .iter()
        .take_while(|q| q.paragraph <= paragraph)
        .filter(|q| q.depth == 0 && q.paragraph == paragraph && q.open.is_some())
        .find(|q| q.open.map_or(q.span.start, |o| o.start) >= pos)?;
    let open = q.open.map_or(q.span.start, |o| o.start);
    (!has_sentence_break(&cx.source[pos..open])).then_some(q)
}

/// The quotations' cues sorted by start, with the longest cue's length: (start,
/// end, quotation index). Made once an article.
pub struct CueIndex {
    cues: Vec<(usize, usize, usize)>,
    longest: usize,
}

fn cue_index<'c>(cx: &'c Context) -> &'c CueIndex {
    cx.memo.cues.get_or_init(|| {
        let mut cues: Vec<(usize, usize, usize)> = cx
            .article
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| q.open.is_some())
            .filter_map(|(i, q)| q.cue.as_ref().map(|c| (c.span.start, c.span.end, i)))
            .collect();
        cues.sort_unstable();
        let longest = cues.iter().map(|&(s, e, _)| e - s).max().unwrap_or(0);
        CueIndex { cues, longest }
    })
}

/// The quotation whose attribution cue holds `span`.
pub fn quote_with_cue<'a>(cx: &'a Context, span: Span) -> Option<&'a Quote> {
    // Quotations only: a claim's cue is narrative, read by the word scans. The
    // first such quotation in text order, found among the cues that start at most
    // the longest cue's length before `span`.
    let index = cue_index(cx);
    let to = index.cues.partition_point(|&(s, _, _)| s <= span.start);
    let from = index
        .cues
        .partition_point(|&(s, _, _)| s + index.longest < span.end);
    index.cues[from.min(to)..to]
        .iter()
        .filter(|&&(_, e, _)| span.end <= e)
        .map(|&(_, _, i)| i)
        .min()
        .map(|i| &cx.article.quotes[i])
}
