//! Scare quotes: marks around words nobody in the text is said to have spoken.
//!
//! # What it checks
//! A short quotation of kind `scare` (at most `max_words` words). Left alone:
//! terms the article also uses outside that pair of marks (in narrative or in
//! someone's quoted words: the marks introduce a term), terms of `allow_terms`,
//! titles and nicknames (capitalised words), words introduced as a name ("known
//! as", "dubbed", "the word"), and fragments in a sentence with a speech verb (the
//! words are somebody's, even if extraction could not say whose). Page furniture
//! is skipped. In display text (headline, standfirst, caption) the finding is a
//! warning, since readers take headline marks as a claim of speech; a display
//! quotation whose words no body quotation holds is left to
//! display-quote-not-in-body.
//!
//! # Why an editor cares
//! Scare quotes distance the writer from a word without saying who used it;
//! Wikipedia lists them among words to watch, and a headline scare quote reads as
//! somebody's words (the Baltimore Sun, a Boston Globe correction).
//!
//! # Options
//! `max_words` (4); `allow_terms`: terms of art, titles and nicknames never
//! reported; `introducers`: words before the marks that present a name or term.

use super::{Check, Context, Hit, fidelity_util as fu};
use crate::lexicon::Lexicon;
use crate::model::{QuoteKind, Zone};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScareQuote {
    #[serde(default = "default_max")]
    pub max_words: usize,
    #[serde(default)]
    pub allow_terms: Vec<String>,
    #[serde(default = "default_introducers")]
    pub introducers: Vec<String>,
    /// Words that give a fragment to somebody besides the speech verbs of the
    /// lexicon ("accused him of", "criticised", "a ruling").
    #[serde(default)]
    pub attributing: Vec<String>,
}

fn default_max() -> usize {
    4
}

fn default_introducers() -> Vec<String> {
    [
        "called",
        "dubbed",
        "nicknamed",
        "known as",
        "termed",
        "so-called",
        "the word",
        "the words",
        "the term",
        "the phrase",
        "the slogan",
        "titled",
        "entitled",
        "named",
        "billed as",
        "labelled",
        "branded",
        "word",
        "term",
        "phrase",
        "slogan",
    ]
    .map(String::from)
    .to_vec()
}

impl Default for ScareQuote {
    fn default() -> Self {
        ScareQuote {
            max_words: default_max(),
            allow_terms: Vec::new(),
            introducers: default_introducers(),
            attributing: Vec::new(),
        }
    }
}

/// Where the sentences of the paragraph `para` end (offsets of their final
/// stops, relative to the paragraph), computed once per paragraph.
fn sentence_ends(source: &str, para: crate::span::Span) -> Vec<usize> {
    let b = para.slice(source).as_bytes();
    (0..b.len())
        .filter(|&i| {
            matches!(b[i], b'.' | b'!' | b'?')
                && b.get(i + 1).is_none_or(|c| c.is_ascii_whitespace())
                && b.get(i + 2).is_none_or(|c| !c.is_ascii_lowercase())
        })
        .collect()
}

/// The sentence around `start..end` in the paragraph `para`, given its ends.
fn sentence(ends: &[usize], para: crate::span::Span, start: usize, end: usize) -> (usize, usize) {
    let (s, e) = (start - para.start, end - para.start);
    let before = ends.partition_point(|&i| i < s);
    let from = before.checked_sub(1).map_or(0, |k| ends[k] + 1);
    let after = ends.partition_point(|&i| i < e);
    let to = ends.get(after).map_or(para.len(), |&i| i + 1);
    (para.start + from, para.start + to)
}

fn is_capitalised(words: &str) -> bool {
    let ws: Vec<&str> = words.split_whitespace().collect();
    let content: Vec<&&str> = ws
        .iter()
        .filter(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "of" | "the" | "in" | "and" | "a" | "an" | "on" | "for" | "to" | "at" | "with"
            )
        })
        .collect();
    !content.is_empty()
        && content.iter().all(|w| {
            w.chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        })
}

/// A word in a form that judges: "darkly", "overblown", "sexing", "disastrous".
fn evaluative(w: &str) -> bool {
    ["ly", "ed", "ing", "ous", "ful", "ive", "less", "est", "ist"]
        .iter()
        .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
}

impl Check for ScareQuote {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        let a = cx.article;
        let lex = Lexicon::get();
        let allow: Vec<Vec<String>> = self.allow_terms.iter().map(|t| fu::words(t)).collect();
        let intro: Vec<Vec<String>> = self.introducers.iter().map(|t| fu::words(t)).collect();
        let narrative = cx.narrative_words();
        // In text order: the words before a mark, or of a sentence, are found
        // by bisection, so 10,000 marks in one paragraph stay linear.
        let mut ends_of: Option<(usize, Vec<usize>)> = None;
        // Built the first time a quotation needs it: most articles have no
        // scare-quote candidate at all.
        let body = std::cell::OnceCell::new();
        let mut elsewhere_memo: std::collections::HashMap<(Vec<String>, usize), bool> =
            std::collections::HashMap::new();
        for q in &a.quotes {
            if q.kind != QuoteKind::Scare || q.depth != 0 || q.zone == Zone::Boilerplate {
                continue;
            }
            let text = q.span.slice(cx.source);
            let zone = fu::effective_zone(a, cx.source, q);
            let ws = fu::words(text);
            if ws.is_empty() || ws.len() > self.max_words || allow.contains(&ws) {
                continue;
            }
            let para = a.paragraphs[q.paragraph].span;
            let open = q.open.map_or(q.span.start, |o| o.start);
            let close = q.close.map_or(q.span.end, |c| c.end);
            // A capitalised phrase away from the sentence start: a title or a name.
            if ends_of.as_ref().is_none_or(|(p, _)| *p != q.paragraph) {
                ends_of = Some((q.paragraph, sentence_ends(cx.source, para)));
            }
            let ends = ends_of.as_ref().map_or(&[][..], |(_, e)| e.as_slice());
            let (s_from, s_to) = sentence(ends, para, open, close);
            let at_start = cx.source[s_from..open].trim().is_empty();
            if is_capitalised(text) && (!at_start || ws.len() > 1) {
                continue;
            }
            // Introduced as a name or term: "known as “X”".
            let upto = narrative.partition_point(|(s, _, _)| s.start < open);
            let before: Vec<String> = narrative[..upto]
                .iter()
                .rev()
                .take_while(|(s, _, _)| s.start >= para.start)
                .filter(|(s, _, _)| s.end <= open)
                .take(2)
                .map(|(_, w, _)| fu::fold_word(w))
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if intro.iter().any(|i| {
                !i.is_empty()
                    && before.len() >= i.len()
                    && before[before.len() - i.len()..] == i[..]
            }) {
                continue;
            }
            // A speech verb in the sentence: the words are someone's.
            let (w_from, w_to) = (
                narrative.partition_point(|(s, _, _)| s.start < s_from),
                narrative.partition_point(|(s, _, _)| s.start < s_to),
            );
            let spoken = narrative[w_from..w_to].iter().any(|(s, w, _)| {
                let w = w.to_lowercase();
                s.start >= s_from
                    && s.end <= s_to
                    && (lex.speech_cues.contains_word(&w)
                        || lex.noun_cues.contains(&w)
                        || self.attributing.contains(&w))
            });
            if spoken && !zone.is_display() {
                continue;
            }
            // The term used elsewhere in the body: outside these marks.
            let display = zone.is_display();
            let elsewhere = !display
                && *elsewhere_memo
                    .entry((ws.clone(), q.paragraph))
                    .or_insert_with(|| {
                        body.get_or_init(|| BodyIndex::new(cx))
                            .used_elsewhere(&ws, q)
                    });
            if elsewhere {
                continue;
            }
            // Several words with no evaluative form among them read as a name for
            // a thing ("gamer card", "put option"), a term of art, not a sneer.
            if !display && text.split_whitespace().count() > 1 && !ws.iter().any(|w| evaluative(w))
            {
                continue;
            }
            // In display text: words a body quotation gives to somebody are that
            // person's; words no body quotation holds are display-quote-not-in-body's.
            if display && !super::display_quote::supported_only_by_scare(cx, q) {
                continue;
            }
            let mut hit = Hit::at(q.span).var("quote", cx.quote_text(q)).var(
                "where",
                if display {
                    format!(
                        "in the {}, where readers take the marks as somebody’s words",
                        zone.as_str()
                    )
                } else {
                    "and nobody in the text is said to have used the words".to_string()
                },
            );
            hit.raise = display;
            out.push(hit);
        }
    }
}

/// The words of the body paragraphs, computed once, with where each word
/// occurs: whether a term is used outside its marks is then a look-up.
struct BodyIndex {
    /// (paragraph span, its words) of each body paragraph.
    paras: Vec<(crate::span::Span, Vec<String>)>,
    /// word → (index in `paras`, word index).
    at: std::collections::HashMap<String, Vec<(usize, usize)>>,
}

impl BodyIndex {
    fn new(cx: &Context) -> BodyIndex {
        let mut paras = Vec::new();
        let mut at: std::collections::HashMap<String, Vec<(usize, usize)>> =
            std::collections::HashMap::new();
        for p in cx
            .article
            .paragraphs
            .iter()
            .filter(|p| p.zone == Zone::Body)
        {
            let words = fu::words(p.span.slice(cx.source));
            for (wi, w) in words.iter().enumerate() {
                at.entry(w.clone()).or_default().push((paras.len(), wi));
            }
            paras.push((p.span, words));
        }
        BodyIndex { paras, at }
    }

    /// True when some body paragraph holds the words `ws` outside the
    /// quotation: once in another paragraph, twice in its own.
    fn used_elsewhere(&self, ws: &[String], q: &crate::model::Quote) -> bool {
        let Some(first) = ws.first().and_then(|w| self.at.get(w)) else {
            return false;
        };
        let mut counts: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        for &(pi, wi) in first {
            let (span, words) = &self.paras[pi];
            if words.get(wi..wi + ws.len()) != Some(ws) {
                continue;
            }
            let own = span.start <= q.span.start && q.span.end <= span.end;
            let n = counts.entry(pi).or_default();
            *n += 1;
            if *n >= if own { 2 } else { 1 } {
                return true;
            }
        }
        false
    }
}
