//! What the anonymity rules (D1-D7) share: the anonymous and unnamed sources of
//! an article, each once, with its descriptor, its class and its quotations; and
//! the narrative around a mention (same and next sentence, quoted words left out).
//!
//! Extraction marks speakers `anonymous` generously (a collective, an unnamed
//! spokesman, a title with the name missing); these rules read the mention again
//! and keep a source only when its words say it is unnamed: an indefinite
//! descriptor ("a Momentum source", "one senior party source", "another Labour
//! MP"), a bare plural ("sources close to the talks", "officials"), or a stated
//! anonymity ("speaking anonymously", "who asked not to be named"). Reported
//! speech with no quotation marks ("A member of the NEC added that …") is found
//! in the narrative by the same descriptor test followed by a speech verb.

use super::Context;
use crate::lexicon::{Lexicon, SourceWords};
use crate::model::{QuoteKind, SpeakerSource, Zone};
use crate::span::Span;
use std::borrow::Cow;

/// The word lists of `rules/lexicon/sources.toml`.
pub fn lists() -> &'static SourceWords {
    &Lexicon::get().sources
}

/// What kind of unnamed source a descriptor names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// An unnamed confidential source: "a senior party source", "an aide",
    /// "officials", "another Labour MP speaking anonymously".
    Confidential,
    /// An unnamed member of the public: a resident, a witness, an activist at the
    /// meeting, a voter.
    Public,
    /// An unnamed collective: "a number of local groups".
    Collective,
}

/// One unnamed source of an article.
#[derive(Debug, Clone)]
pub struct Source {
    /// The descriptor as the article gives it ("One senior party source").
    pub descriptor: String,
    /// The words of its first mention.
    pub mention: Span,
    pub class: Class,
    /// Its quotation records (continuation paragraphs included), in order;
    /// empty for a source only paraphrased.
    pub quotes: Vec<usize>,
    /// For a paraphrased source, the attributing verb.
    pub verb: Option<Span>,
    /// Later mentions that refer back to it ("The MP went on", "he added").
    pub later: Vec<Span>,
    /// The quoted words of its first quotation.
    pub first_quote_span: Option<Span>,
}

impl Source {
    /// The span a finding about the source starts at: its first quotation, or
    /// the mention of a paraphrased source.
    pub fn anchor(&self) -> Span {
        self.first_quote_span.unwrap_or(self.mention)
    }

    /// Distinct quotations (a multi-paragraph quotation counts once).
    pub fn quotation_count(&self, cx: &Context) -> usize {
        self.quotes
            .iter()
            .filter(|&&i| cx.article.quotes[i].continues.is_none())
            .count()
    }

    /// The head word of the descriptor, lower case.
    pub fn head(&self) -> String {
        head_of(&self.descriptor)
    }
}

fn lower_words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == ',' || c == ':' || c == ';')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w.to_lowercase();
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            let w = w
                .strip_suffix("’s")
                .or_else(|| w.strip_suffix("'s"))
                .unwrap_or(w);
            w.to_string()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// A word's singular for the head lists ("sources" → "source", "allies" → "ally").
pub fn singular(w: &str) -> Cow<'_, str> {
    match w {
        "people" => "person".into(),
        "spokesmen" => "spokesman".into(),
        "spokeswomen" => "spokeswoman".into(),
        "mps" => "mp".into(),
        "meps" => "mep".into(),
        "msps" => "msp".into(),
        _ => {
            if let Some(s) = w.strip_suffix("ies") {
                format!("{s}y").into()
            } else if w.ends_with("ss") {
                w.into()
            } else if let Some(s) = w.strip_suffix("es").filter(|s| s.ends_with("ss")) {
                s.into()
            } else if let Some(s) = w.strip_suffix('s') {
                s.into()
            } else {
                w.into()
            }
        }
    }
}

/// `lower_words(word).join(" ")` of one narrative word, borrowed when the word is
/// already in that form (lower-case letters, digits and hyphens: most words);
/// ASCII words skip the general path.
fn lower_word(word: &str) -> Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && word.bytes().any(|b| b != b'-')
    {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(word.to_ascii_lowercase())
        } else {
            Cow::Borrowed(word)
        }
    } else {
        Cow::Owned(lower_words(word).join(" "))
    }
}

pub fn is_plural(w: &str) -> bool {
    let s = singular(w);
    s != w
}

fn head_of(descriptor: &str) -> String {
    lower_words(descriptor).last().cloned().unwrap_or_default()
}

/// Contains `phrase` as whole words.
pub fn has_phrase(words: &[String], phrase: &str) -> Option<usize> {
    let p: Vec<&str> = phrase.split_whitespace().collect();
    if p.is_empty() || p.len() > words.len() {
        return None;
    }
    (0..=words.len() - p.len()).find(|&i| p.iter().zip(&words[i..]).all(|(a, b)| a == b))
}

/// The class of a descriptor, from its own words and the whole mention's.
/// `None`: not an unnamed source (a name, a title with a name, a spokesman, a
/// definite description, a head the lists do not know).
pub fn classify(descriptor: &str, mention: &str) -> Option<Class> {
    let lexicon = Lexicon::get();
    let lex = &lexicon.sources;
    let words = lower_words(descriptor);
    let all = lower_words(mention);
    let first = words.first()?;
    // "Mr Dean", "Dr Smith": a named person, whatever the head word.
    if words
        .iter()
        .any(|w| lexicon.honorifics.contains(w.as_str()))
    {
        return None;
    }
    let head = words.last()?;
    let sing = singular(head);
    let declared = lex
        .anonymity_declarations
        .iter()
        .any(|d| has_phrase(&all, d).is_some());
    if lex.spokespeople.contains(&sing) {
        return None;
    }
    let definite = matches!(
        first.as_str(),
        "the" | "this" | "that" | "his" | "her" | "their" | "its" | "our" | "my"
    );
    let indefinite = lex.unnamed_determiners.contains(first);
    let plural = is_plural(head);
    if definite || !(indefinite || plural || declared) {
        return None;
    }
    if lex.collective_heads.contains(&sing) {
        return Some(Class::Collective);
    }
    if has_phrase(&all, "members of the public").is_some()
        || has_phrase(&all, "member of the public").is_some()
    {
        return Some(Class::Public);
    }
    if lex.public_heads.contains(&sing) {
        return Some(if declared {
            Class::Confidential
        } else {
            Class::Public
        });
    }
    // "Several Opec members" are member states; "a member of the NEC" is a
    // person.
    if sing == "member" && has_phrase(&all, "of").is_none() {
        return None;
    }
    if lex.confidential_heads.contains(&sing) {
        return Some(Class::Confidential);
    }
    if sing == "person" {
        let knows = lex
            .knowledge_phrases
            .iter()
            .any(|k| has_phrase(&all, k).is_some());
        return (knows || declared).then_some(Class::Confidential);
    }
    declared.then_some(Class::Confidential)
}

/// The article's unnamed sources, each once, in order of first mention.
/// Worked out once an article.
pub fn sources<'c>(cx: &'c Context) -> &'c [Source] {
    cx.memo.sources.get_or_init(|| compute_sources(cx))
}

fn compute_sources(cx: &Context) -> Vec<Source> {
    let a = cx.article;
    let mut out: Vec<Source> = Vec::new();
    // quote index → source index
    let mut owner: Vec<Option<usize>> = vec![None; a.quotes.len()];
    // mention → source index, descriptor → its sources' indices: a file of
    // 100,000 quotations stays linear.
    let mut by_mention: std::collections::HashMap<Span, usize> = std::collections::HashMap::new();
    let mut by_descriptor: std::collections::HashMap<String, Vec<usize>> =
        std::collections::HashMap::new();
    for (i, q) in a.quotes.iter().enumerate() {
        if q.depth > 0
            || q.zone == Zone::Boilerplate
            || !matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial)
        {
            continue;
        }
        let Some(sp) = &q.speaker else { continue };
        if let Some(first) = q.continues {
            if let Some(s) = owner.get(first).copied().flatten() {
                owner[i] = Some(s);
                out[s].quotes.push(i);
            }
            continue;
        }
        let Some(m) = sp.mention else { continue };
        let m = with_declaration(cx.source, m);
        if sp.source == SpeakerSource::Named || sp.source == SpeakerSource::Context {
            if let Some(&s) = by_mention.get(&m) {
                owner[i] = Some(s);
                out[s].quotes.push(i);
                continue;
            }
            let Some(class) = classify(&sp.name, m.slice(cx.source)) else {
                continue;
            };
            if named_after_all(cx, &sp.name, m) || bare_plural_not_source(&sp.name) {
                continue;
            }
            owner[i] = Some(out.len());
            by_mention.insert(m, out.len());
            by_descriptor
                .entry(sp.name.clone())
                .or_default()
                .push(out.len());
            out.push(Source {
                descriptor: sp.name.clone(),
                mention: m,
                class,
                quotes: vec![i],
                verb: None,
                later: Vec::new(),
                first_quote_span: Some(q.span),
            });
        } else if sp.anonymous {
            // "The MP went on", "he added", a paragraph with no cue of its own:
            // the latest source with that descriptor.
            if let Some(s) = by_descriptor.get(&sp.name).and_then(|v| {
                v.iter()
                    .rev()
                    .copied()
                    .find(|&s| out[s].mention.start < q.span.start)
            }) {
                owner[i] = Some(s);
                out[s].quotes.push(i);
                if m != out[s].mention && !out[s].later.contains(&m) {
                    out[s].later.push(m);
                }
            }
        }
    }
    // The quoted sources' mentions, sorted, to find an overlap in log time.
    let mut taken: Vec<Span> = out.iter().map(|s| s.mention).collect();
    taken.sort_unstable();
    let mut longest = taken.iter().map(Span::len).max().unwrap_or(0);
    for c in claim_sources(cx) {
        if named_after_all(cx, &c.descriptor, c.mention) {
            continue;
        }
        let m = c.mention;
        let from = taken.partition_point(|t| t.start + longest <= m.start);
        let overlaps = taken[from..]
            .iter()
            .take_while(|t| t.start < m.end)
            .any(|t| m.start < t.end);
        if !overlaps {
            let at = taken.partition_point(|t| *t < m);
            taken.insert(at, m);
            longest = longest.max(m.len());
            out.push(c);
        }
    }
    out.sort_by_key(|s| s.mention.start);
    out
}

/// A mention cut before its declaration ("Another Labour MP speaking" +
/// "anonymously") takes the declaration in.
fn with_declaration(source: &str, m: Span) -> Span {
    let rest = &source[m.end..];
    for tail in [
        " anonymously",
        " privately",
        " off the record",
        " on condition of anonymity",
    ] {
        if m.slice(source).ends_with("speaking")
            && rest
                .get(..tail.len())
                .is_some_and(|r| r.eq_ignore_ascii_case(tail))
        {
            return Span::new(m.start, m.end + tail.len());
        }
    }
    m
}

/// A lede that introduces a source by description and names a person in full
/// in the next two paragraphs ("A Plaid Cymru MP believes …" ⏎ "… Plaid
/// Cymru's Elfyn Llwyd has suggested …"): the description is a teaser.
fn lede_then_named(cx: &Context, m: Span) -> bool {
    let a = cx.article;
    let body: Vec<_> = a
        .paragraphs
        .iter()
        .filter(|p| {
            matches!(p.zone, Zone::Body | Zone::Standfirst)
                && !p.span.slice(cx.source).trim().is_empty()
        })
        .take(3)
        .collect();
    let Some(lede) = body.first() else {
        return false;
    };
    if !lede.span.contains(m.start) {
        return false;
    }
    let until = body.get(2).map_or(cx.source.len(), |p| p.span.end);
    a.people.iter().any(|p| {
        p.mentions.iter().any(|x| {
            x.form == crate::model::MentionForm::FullName
                && x.span.start >= lede.span.end
                && x.span.end <= until
        })
    })
}

/// A bare plural that is not one of BARE_PLURALS ("MPs", "officials"): more
/// often a committee or an office than a confidential source.
fn bare_plural_not_source(descriptor: &str) -> bool {
    let lex = lists();
    let w = lower_words(descriptor);
    let head = w.last().map(String::as_str).unwrap_or_default();
    let det = w
        .first()
        .is_some_and(|f| lex.unnamed_determiners.contains(f) && f != "senior");
    !det && is_plural(head) && !lex.bare_plural_heads.contains(&singular(head))
}

/// Unnamed sources of reported speech with no quotation marks: an indefinite
/// descriptor (or a bare plural such as "sources") from the lists, then a
/// speech verb in the same clause ("A member of the NEC added that …",
/// "Labour sources close to the talks said").
fn claim_sources(cx: &Context) -> Vec<Source> {
    let lex = lists();
    let words = cx.narrative_words();
    let lw: Vec<Cow<str>> = words.iter().map(|w| lower_word(w.1)).collect();
    let gap = |a: usize, b: usize| &cx.source[words[a].0.end..words[b].0.start];
    let mut out = Vec::new();
    let mut k = 0;
    while k < words.len() {
        if !matches!(words[k].2, Zone::Body | Zone::Standfirst) {
            k += 1;
            continue;
        }
        let sing = singular(&lw[k]);
        if !lex.confidential_heads.contains(&sing) || sing == "figure" {
            k += 1;
            continue;
        }
        // Walk back over modifiers to the determiner, or to the clause start for
        // a bare plural.
        let mut i = k;
        let mut det = false;
        while i > 0 && i + 5 > k {
            let g = gap(i - 1, i);
            if !g.trim().is_empty() {
                break;
            }
            let p = &*lw[i - 1];
            if lex.unnamed_determiners.contains(p) && p != "number" && p != "senior" {
                det = true;
                i -= 1;
                break;
            }
            let cap = words[i - 1]
                .1
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            let modifier = cap
                || matches!(
                    p,
                    "senior"
                        | "government"
                        | "party"
                        | "cabinet"
                        | "whitehall"
                        | "junior"
                        | "former"
                        | "leading"
                        | "labour"
                        | "tory"
                );
            if !modifier || lex.clause_openers.contains(p) {
                break;
            }
            i -= 1;
        }
        let at_clause_start = i == 0 || {
            let g = gap(i - 1, i);
            g.contains(['.', ',', ';', ':', '\n', '(', '–', '—'])
                || lex.clause_openers.contains(&lw[i - 1])
                || lex.paraphrase_verbs.contains(&lw[i - 1])
        };
        let bare = !det && is_plural(&lw[k]) && lex.bare_plural_heads.contains(&sing);
        // A capitalised first word at a sentence start is no modifier ("But").
        if !(det || (bare && at_clause_start)) {
            k += 1;
            continue;
        }
        // Then the speech verb: at once, or after a post-modifier with no
        // punctuation ("of the NEC", "close to the talks").
        let mut v = None;
        for j in k + 1..(k + 8).min(words.len()) {
            let g = gap(j - 1, j);
            if !g.trim().is_empty() {
                break;
            }
            if lex.paraphrase_verbs.contains(&lw[j]) {
                v = Some(j);
                break;
            }
            if j == k + 1 && !lex.post_head_words.contains(&lw[j]) {
                break;
            }
            // A name in the post-modifier is an apposition ("peer Lord X").
            if words[j].1.chars().next().is_some_and(char::is_uppercase)
                && matches!(&*lw[j - 1], "lord" | "mr" | "mrs" | "ms" | "dr" | "sir")
            {
                break;
            }
        }
        let Some(v) = v else {
            k += 1;
            continue;
        };
        // "the claims" as a noun: "councillors in the ward, claims which …" is
        // cut above by punctuation; "a member of X says" after a name and comma
        // is an apposition.
        if i > 0 && {
            let g = gap(i - 1, i);
            (g.contains(',') || g.contains(['-', '–', '—']))
                && words[i - 1]
                    .1
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        } {
            k = v + 1;
            continue;
        }
        let descriptor = Span::new(words[i].0.start, words[k].0.end);
        let mention = Span::new(words[i].0.start, words[v - 1].0.end);
        let text = descriptor.slice(cx.source);
        if let Some(class) = classify(text, mention.slice(cx.source)) {
            out.push(Source {
                descriptor: super::fold(text, 60),
                mention,
                class,
                quotes: Vec::new(),
                verb: Some(words[v].0),
                later: Vec::new(),
                first_quote_span: None,
            });
        }
        k = v + 1;
    }
    out
}

/// True when the source is named after all: its mention is an apposition to a
/// name ("Mr Bez - himself a former executive at rival Porsche -"), or the
/// article names it in the next sentences with the same head ("Plaid Cymru MP
/// Elfyn Llwyd").
fn named_after_all(cx: &Context, descriptor: &str, m: Span) -> bool {
    let before = cx.source[..m.start].trim_end();
    let stem = before.trim_end_matches([',', '-', '–', '—']);
    if stem.len() < before.len()
        && !stem.trim_end().ends_with(['.', '”', '"'])
        && stem
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return true;
    }
    if lede_then_named(cx, m) {
        return true;
    }
    let head = head_of(descriptor);
    if head.is_empty() || is_plural(&head) {
        return false;
    }
    let end = (m.end + 800).min(cx.source.len());
    let mut end = end;
    while !cx.source.is_char_boundary(end) {
        end -= 1;
    }
    let after = &cx.source[m.end..end];
    let toks: Vec<&str> = after.split_whitespace().collect();
    toks.windows(3).any(|w| {
        let h = w[0].to_lowercase();
        let cap = |t: &str| {
            t.chars().next().is_some_and(char::is_uppercase)
                && t.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        };
        h == head && cap(w[1]) && cap(w[2].trim_end_matches([',', '.', '\'', 's']))
    })
}

/// The narrative of the sentence holding `at` and of the next sentence, lower
/// case, with the quoted words of depth-0 quotations blanked out.
pub fn sentence_and_next(cx: &Context, at: Span) -> String {
    let a = cx.article;
    // Paragraphs and quotations are in text order: found by bisection.
    let pi = a.paragraphs.partition_point(|p| p.span.end <= at.start);
    if !a
        .paragraphs
        .get(pi)
        .is_some_and(|p| p.span.contains(at.start))
    {
        return String::new();
    }
    let blank = |p: Span| -> String {
        let mut t: Vec<u8> = cx.source.as_bytes()[p.start..p.end].to_vec();
        let to = a.quotes.partition_point(|q| q.span.start < p.end);
        let mut from = a.quotes.partition_point(|q| q.span.start < p.start);
        // A quotation begun before the paragraph: the nearest top-level one.
        while from > 0 {
            from -= 1;
            if a.quotes[from].depth == 0 {
                break;
            }
        }
        for q in a.quotes[from..to].iter().filter(|q| q.depth == 0) {
            let (s, e) = (q.span.start.max(p.start), q.span.end.min(p.end));
            if s < e {
                for b in &mut t[s - p.start..e - p.start] {
                    *b = b' ';
                }
            }
        }
        // Blanking whole quoted spans keeps char boundaries: every byte of a
        // multi-byte char is inside or outside the span together.
        String::from_utf8_lossy(&t).to_lowercase()
    };
    let p = a.paragraphs[pi].span;
    let text = blank(p);
    let rel = (at.start - p.start).min(text.len());
    let ends = |t: &str| -> Vec<usize> {
        t.char_indices()
            .filter(|&(i, c)| {
                matches!(c, '.' | '!' | '?')
                    && t[i + 1..].chars().next().is_none_or(char::is_whitespace)
            })
            .map(|(i, _)| i + 1)
            .collect()
    };
    let e = ends(&text);
    let start = e.iter().rev().find(|&&x| x <= rel).copied().unwrap_or(0);
    let after: Vec<usize> = e.iter().copied().filter(|&x| x > rel).collect();
    match after.get(1) {
        Some(&end) => text[start..end].to_string(),
        None => {
            let mut out = text[start..].to_string();
            if after.len() <= 1
                && let Some(next) = a.paragraphs.get(pi + 1)
            {
                let t = blank(next.span);
                let first = ends(&t).first().copied().unwrap_or(t.len());
                out.push(' ');
                out.push_str(&t[..first]);
            }
            out
        }
    }
}

/// Words of a text, lower case, possessives dropped (for phrase tests).
pub fn words_of(text: &str) -> Vec<String> {
    lower_words(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptors_are_classed_by_their_words() {
        let c = |d: &str| classify(d, d);
        assert_eq!(c("a Momentum source"), Some(Class::Confidential));
        assert_eq!(c("One senior party source"), Some(Class::Confidential));
        assert_eq!(c("Another Labour MP"), Some(Class::Confidential));
        assert_eq!(c("officials"), Some(Class::Confidential));
        assert_eq!(c("One Labour activist"), Some(Class::Public));
        assert_eq!(c("A number of local groups"), Some(Class::Collective));
        assert_eq!(c("a Home Office spokesman"), None);
        assert_eq!(c("the source"), None);
        assert_eq!(c("Mr Dean"), None);
        assert_eq!(c("people"), None);
        assert_eq!(
            classify("people", "people familiar with the talks"),
            Some(Class::Confidential)
        );
    }

    #[test]
    fn plurals_fold_to_the_head() {
        assert_eq!(singular("sources"), "source");
        assert_eq!(singular("allies"), "ally");
        assert_eq!(singular("MPs".to_lowercase().as_str()), "mp");
        assert!(!is_plural("witness"));
    }
}
