//! Helpers the quotation-mark rules (catalogue section A) share: which glyph a
//! mark is, where the apostrophes are, what the narrative around a quotation says.

use super::Context;
use crate::model::{Quote, Zone};
use crate::span::Span;

/// Double or single marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Double,
    Single,
}

impl Family {
    pub fn name(self) -> &'static str {
        match self {
            Family::Double => "double",
            Family::Single => "single",
        }
    }
}

/// The family of the mark written at `span` (`''` stands for a double mark).
pub fn family_at(source: &str, span: Span) -> Option<Family> {
    let s = span.slice(source);
    if s == "''" || s == "``" {
        return Some(Family::Double);
    }
    match s.chars().next()? {
        '"' | '“' | '”' | '„' | '‟' | '«' | '»' => Some(Family::Double),
        '\'' | '‘' | '’' | '‚' | '‛' | '‹' | '›' => Some(Family::Single),
        _ => None,
    }
}

/// The family of a quotation's opening mark.
pub fn family(cx: &Context, q: &Quote) -> Option<Family> {
    family_at(cx.source, q.open?)
}

/// True for an ASCII mark (`"`, `'`, `''`, and the TeX-style doubled backquote).
pub fn is_straight(source: &str, span: Span) -> bool {
    span.slice(source).is_ascii()
}

/// A quotation shown with its own marks, cut to `max` characters.
pub fn shown(cx: &Context, q: &Quote, max: usize) -> String {
    let open = q.open.map_or("", |s| s.slice(cx.source));
    let close = q.close.map_or("", |s| s.slice(cx.source));
    format!("{open}{}{close}", super::fold(q.span.slice(cx.source), max))
}

/// One apostrophe of the text (a `'` or `’` that is no quotation mark).
#[derive(Debug, Clone, Copy)]
pub struct Apostrophe {
    pub span: Span,
    pub zone: Zone,
    pub straight: bool,
}

/// Every apostrophe: a `'` or `’` touching a letter or digit, that neither opens
/// nor closes a quotation and is not a misturned mark.
pub fn apostrophes(cx: &Context) -> Vec<Apostrophe> {
    let a = cx.article;
    let mut marks: Vec<usize> = Vec::new();
    for q in &a.quotes {
        for s in [q.open, q.close].into_iter().flatten() {
            marks.extend(s.start..s.end);
        }
    }
    marks.extend(a.mark_problems.iter().map(|p| p.span.start));
    marks.sort_unstable();
    let mut out = Vec::new();
    for p in &a.paragraphs {
        let text = p.span.slice(cx.source);
        let mut prev: Option<char> = None;
        let mut it = text.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            let next = it.peek().map(|(_, n)| *n);
            if matches!(c, '\'' | '’') {
                let at = p.span.start + i;
                let wordy = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
                if (wordy(prev) || wordy(next)) && marks.binary_search(&at).is_err() {
                    out.push(Apostrophe {
                        span: Span::new(at, at + c.len_utf8()),
                        zone: p.zone,
                        straight: c == '\'',
                    });
                }
            }
            prev = Some(c);
        }
    }
    out
}

/// The word an apostrophe stands in ("Corbyn's").
pub fn word_around(source: &str, span: Span) -> &str {
    let is_w = |c: char| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
    let start = source[..span.start]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_w(*c))
        .last()
        .map_or(span.start, |(i, _)| i);
    let end = source[span.end..]
        .char_indices()
        .find(|(_, c)| !is_w(*c))
        .map_or(source.len(), |(i, _)| span.end + i);
    source[start..end].trim_matches(|c| c == '\'' || c == '’')
}

/// How the page calls a zone in a message.
pub fn zone_name(z: Zone) -> &'static str {
    match z {
        Zone::Headline => "headline",
        Zone::Standfirst => "standfirst",
        Zone::Byline => "byline",
        Zone::Dateline => "dateline",
        Zone::Caption => "captions",
        Zone::Body => "body",
        Zone::Boilerplate => "page furniture",
    }
}

/// The first character of a quotation's words.
pub fn first_char(cx: &Context, q: &Quote) -> Option<char> {
    q.span.slice(cx.source).chars().next()
}

/// The first non-space character after `at`, with its offset.
pub fn next_char(source: &str, at: usize) -> Option<(usize, char)> {
    source[at..]
        .char_indices()
        .find(|(_, c)| !c.is_whitespace() || *c == '\n')
        .map(|(i, c)| (at + i, c))
}

/// The last non-space character before `at`, with its offset (stops at a line end).
pub fn prev_char(source: &str, at: usize) -> Option<(usize, char)> {
    source[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_whitespace() || *c == '\n')
}

/// The word ending right before `at` (spaces skipped, nothing else), lower-cased.
pub fn word_before(source: &str, at: usize) -> Option<(Span, String)> {
    let (i, c) = prev_char(source, at)?;
    if !c.is_alphanumeric() {
        return None;
    }
    let end = i + c.len_utf8();
    let start = source[..end]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '’' || *c == '\'' || *c == '-')
        .last()
        .map_or(end, |(i, _)| i);
    Some((Span::new(start, end), source[start..end].to_lowercase()))
}

/// Abbreviations whose full stop ends no sentence.
pub const ABBREVIATIONS: [&str; 18] = [
    "mr", "mrs", "ms", "dr", "st", "no", "jr", "sr", "rev", "gen", "col", "lt", "sgt", "capt",
    "gov", "sen", "rep", "prof",
];

/// Does the text hold a sentence end followed by another sentence ("… delegates.
/// We’ve got …")?
pub fn has_inner_sentence_break(text: &str) -> bool {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for w in 0..chars.len().saturating_sub(2) {
        let (i, c) = chars[w];
        if !matches!(c, '.' | '?' | '!') || !chars[w + 1].1.is_whitespace() {
            continue;
        }
        let Some(&(_, n)) = chars[w + 1..].iter().find(|(_, c)| !c.is_whitespace()) else {
            continue;
        };
        if !n.is_uppercase() {
            continue;
        }
        let word: String = text[..i]
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric() || *c == '.')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let lw = word.to_lowercase();
        if c == '.'
            && (word.chars().count() < 2
                || word.contains('.')
                || ABBREVIATIONS.contains(&lw.as_str()))
        {
            continue;
        }
        return true;
    }
    false
}

/// Does a quotation's closing mark end a clause that the tag before `cue_start`
/// continues ("“Hollywood was calling,” he said, “So I …”")? True when a closing
/// mark stands before the cue in the same paragraph with only the tag's words
/// between, and the quoted words before it did not end a sentence.
pub fn tag_follows_quote(cx: &Context, para_start: usize, cue_start: usize) -> bool {
    let before = &cx.source[para_start..cue_start];
    let Some(close) = before.rfind(['”', '"']) else {
        return false;
    };
    let between = &before[close..];
    if between.contains(['.', '?', '!', ':', ';']) {
        return false;
    }
    let inside = before[..close].trim_end().chars().last();
    !matches!(inside, Some('.' | '?' | '!'))
}

/// Does a quotation open inside narrative ("had “no chance”", "workers, “stand
/// …"), rather than at a sentence start or after a tag?
pub fn opens_in_narrative(cx: &Context, para_start: usize, open_start: usize) -> bool {
    match prev_char(cx.source, open_start) {
        Some((i, c)) if i >= para_start => {
            if c.is_alphanumeric() {
                return true;
            }
            if matches!(c, ',' | ';' | '—' | '–') {
                let from = para_start.max(open_start.saturating_sub(80));
                let from = (from..=open_start)
                    .find(|&b| cx.source.is_char_boundary(b))
                    .unwrap_or(open_start);
                let lower = cx.source[open_start..]
                    .chars()
                    .find(|c| c.is_alphanumeric())
                    .is_some_and(char::is_lowercase);
                return lower && !cx.source[from..open_start].contains(['”', '"']);
            }
            false
        }
        _ => false,
    }
}
