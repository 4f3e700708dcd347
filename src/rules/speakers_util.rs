//! Helpers the speaker rules share (late-attribution, quote-speaker-carried-over,
//! ambiguous-speaker): sentence starts, and where each person of the register is
//! named in the narrative.

use super::Context;
use crate::lexicon::Lexicon;
use crate::model::{Gender, Quote, QuoteKind, Zone};
use crate::span::Span;

const CLOSERS: [char; 5] = ['”', '’', '"', '\'', ')'];
const OPENERS: [char; 4] = ['“', '‘', '"', '\''];

/// True when the `.` at `dot` ends an abbreviation or an initial ("Mr.", "J.").
fn abbreviation_before(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(dot, |(i, _)| i);
    let word = &before[start..];
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let bare = word.trim_matches('.');
    (letters == 1 && word.chars().next().is_some_and(char::is_uppercase))
        || Lexicon::get().abbreviations.contains_lower(bare)
}

/// The byte offsets where a sentence starts within `span`: `span.start` (past
/// white space) and after each `.`, `!` or `?` (and any closing marks) followed
/// by white space and a capital, a digit or an opening mark.
pub fn sentence_starts_in(text: &str, span: Span, out: &mut Vec<usize>) {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    out.push(span.start + lead);
    for (i, c) in s.char_indices() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let mut j = i + c.len_utf8();
        while let Some(n) = s[j..].chars().next().filter(|n| CLOSERS.contains(n)) {
            j += n.len_utf8();
        }
        let rest = &s[j..];
        let trimmed = rest.trim_start();
        if trimmed.len() == rest.len() {
            continue;
        }
        let Some(next) = trimmed.chars().next() else {
            continue;
        };
        if !(next.is_uppercase() || next.is_ascii_digit() || OPENERS.contains(&next)) {
            continue;
        }
        if c == '.' && abbreviation_before(s, i) {
            continue;
        }
        out.push(span.start + j + (rest.len() - trimmed.len()));
    }
}

/// Sentence starts of the whole article, in order (every paragraph but page
/// furniture).
/// Worked out once an article.
pub fn sentence_starts<'c>(cx: &'c Context) -> &'c [usize] {
    cx.memo
        .sentence_starts
        .get_or_init(|| compute_sentence_starts(cx))
}

fn compute_sentence_starts(cx: &Context) -> Vec<usize> {
    let mut out = Vec::new();
    for p in &cx.article.paragraphs {
        if p.zone != Zone::Boilerplate {
            sentence_starts_in(cx.source, p.span, &mut out);
        }
    }
    out
}

/// The number of sentences of a quotation's words.
pub fn sentences_in(text: &str, span: Span) -> usize {
    let mut v = Vec::new();
    sentence_starts_in(text, span, &mut v);
    v.len()
}

/// Index of the sentence holding `at` in `starts`.
pub fn sentence_of(starts: &[usize], at: usize) -> usize {
    starts.partition_point(|&s| s <= at).saturating_sub(1)
}

/// A person named in the narrative of the body: one of the register, or a name
/// extraction did not register ("Mr Hunt shook his head").
#[derive(Debug, Clone)]
pub struct Named {
    pub span: Span,
    /// Index into `Article::people`.
    pub person: Option<usize>,
    /// The surname, which identifies a person outside the register.
    pub key: String,
    pub gender: Gender,
}

impl Named {
    /// Is this the person `person` (of the register) or `key` (a surname)?
    pub fn is(&self, person: Option<usize>, key: &str) -> bool {
        match (self.person, person) {
            (Some(a), Some(b)) => a == b,
            _ => self.key == key,
        }
    }

    /// How the article names the person here, for messages.
    pub fn name<'a>(&'a self, cx: &'a Context) -> &'a str {
        self.person
            .map_or(self.key.as_str(), |p| cx.article.people[p].name.as_str())
    }
}

/// The surname by which a speaker is identified among `Named` mentions.
pub fn speaker_key(cx: &Context, sp: &crate::model::Speaker) -> String {
    let name = sp
        .person
        .map_or(sp.name.as_str(), |p| cx.article.people[p].name.as_str());
    name.split_whitespace().last().unwrap_or("").to_string()
}

fn honorific_gender(word: &str) -> Option<Gender> {
    let lex = Lexicon::get();
    if lex.honorifics_male.contains_lower(word) {
        Some(Gender::Male)
    } else if lex.honorifics_female.contains_lower(word) {
        Some(Gender::Female)
    } else {
        None
    }
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() > 1
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w)
}

/// Every place in the body's narrative (outside quotations) where a person is
/// named, in order: people of the register by surname or full name, and other
/// names with an honorific or a known first name. Extraction's own mention lists
/// are not complete enough for recency. A person of unknown gender takes the
/// gender of an honorific used with the name anywhere in the article.
/// Worked out once an article.
pub fn named_in_narrative<'c>(cx: &'c Context) -> &'c [Named] {
    cx.memo
        .named_in_narrative
        .get_or_init(|| compute_named_in_narrative(cx))
}

fn compute_named_in_narrative(cx: &Context) -> Vec<Named> {
    let lex = Lexicon::get();
    let people = &cx.article.people;
    let keys: Vec<(usize, &str)> = people
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.name.split_whitespace().last().map(|s| (i, s)))
        .filter(|(_, s)| s.chars().next().is_some_and(char::is_uppercase))
        .collect();
    // Each surname's first person in the register.
    let mut by_key: rustc_hash::FxHashMap<&str, usize> = Default::default();
    for &(i, key) in &keys {
        by_key.entry(key).or_insert(i);
    }
    let longest = keys.iter().map(|(_, k)| k.len()).max().unwrap_or(0);
    let words: Vec<(Span, &str, Zone)> = cx
        .narrative_words()
        .iter()
        .filter(|w| w.2 == Zone::Body)
        .copied()
        .collect();
    let adjacent = |a: Span, b: Span| cx.source[a.end..b.start].trim().is_empty();
    let mut out: Vec<Named> = Vec::new();
    let mut last_end = 0;
    for i in 0..words.len() {
        let (span, w, _) = words[i];
        if span.start < last_end {
            continue;
        }
        let rest = &cx.source[span.start..];
        let before = i
            .checked_sub(1)
            .filter(|&j| adjacent(words[j].0, span))
            .and_then(|j| honorific_gender(words[j].1));
        // The first person of the register whose surname is spelled here, up to
        // a character that cannot continue a name: each such end of `rest` is
        // looked up, so the cost does not grow with the number of people. Every
        // key starts with a capital, so other words need no look-up.
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        let registered = rest
            .char_indices()
            .map(|(j, _)| j)
            .chain(std::iter::once(rest.len()))
            .skip(1)
            .take_while(|&j| capital && j <= longest)
            .filter(|&j| {
                !rest[j..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric() || c == '-')
            })
            .filter_map(|j| by_key.get(&rest[..j]).map(|&p| (p, &rest[..j])))
            .min_by_key(|&(p, _)| p);
        if let Some((p, key)) = registered {
            let s = Span::new(span.start, span.start + key.len());
            out.push(Named {
                span: s,
                person: Some(p),
                key: key.to_string(),
                gender: before.unwrap_or(people[p].gender),
            });
            last_end = s.end;
            continue;
        }
        let Some(&(next, nw, _)) = words.get(i + 1) else {
            continue;
        };
        let key = strip_possessive(nw);
        if !adjacent(span, next)
            || !capitalised(nw)
            || lex.not_names.contains_lower(nw)
            || by_key.contains_key(key)
        {
            continue;
        }
        let gender = honorific_gender(w).or_else(|| {
            if lex.first_names_male.contains_lower(w) {
                Some(Gender::Male)
            } else if lex.first_names_female.contains_lower(w) {
                Some(Gender::Female)
            } else {
                None
            }
        });
        if let Some(g) = gender {
            // "Jose Antonio Reyes": the surname ends the run of capitals.
            let mut last = i + 1;
            while let Some(&(after, aw, _)) = words.get(last + 1) {
                if !adjacent(words[last].0, after) || !capitalised(aw) || last - i >= 3 {
                    break;
                }
                last += 1;
            }
            let (next, nw, _) = words[last];
            let key = strip_possessive(nw);
            let s = Span::new(next.start, next.start + key.len());
            out.push(Named {
                span: s,
                person: None,
                key: key.to_string(),
                gender: g,
            });
            last_end = s.end;
        }
    }
    // One gender per person: what an honorific or the register says anywhere.
    let mut genders = Genders::default();
    for n in &out {
        if n.gender != Gender::Unknown && genders.first(n).is_none() {
            genders.push(n);
        }
    }
    for n in &mut out {
        if n.gender == Gender::Unknown
            && let Some(g) = genders.first(n)
        {
            n.gender = g;
        }
    }
    out
}

/// The genders found so far, in order, indexed for `Named::is`: a person of the
/// register matches the same person or a surname outside the register; a name
/// outside it matches any entry of its surname. Hash look-ups, so an article of
/// thousands of names stays linear.
#[derive(Default)]
struct Genders {
    list: Vec<Gender>,
    by_person: rustc_hash::FxHashMap<usize, usize>,
    by_key: rustc_hash::FxHashMap<String, usize>,
    by_key_unregistered: rustc_hash::FxHashMap<String, usize>,
}

impl Genders {
    fn push(&mut self, n: &Named) {
        let i = self.list.len();
        self.list.push(n.gender);
        if let Some(p) = n.person {
            self.by_person.entry(p).or_insert(i);
        } else {
            self.by_key_unregistered.entry(n.key.clone()).or_insert(i);
        }
        self.by_key.entry(n.key.clone()).or_insert(i);
    }

    /// The gender of the first entry `n.is`.
    fn first(&self, n: &Named) -> Option<Gender> {
        let i = match n.person {
            Some(p) => [self.by_person.get(&p), self.by_key_unregistered.get(&n.key)]
                .into_iter()
                .flatten()
                .min(),
            None => self.by_key.get(&n.key),
        };
        i.map(|&i| self.list[i])
    }
}

/// The genders with which each person is named in the narrative, indexed for
/// `Named::is`: "is some mention of this speaker of a gender that fits?" is a
/// look-up, not a scan of every name in the article.
#[derive(Default)]
pub struct NamedGenders {
    by_person: rustc_hash::FxHashMap<usize, Vec<Gender>>,
    by_key: rustc_hash::FxHashMap<String, Vec<Gender>>,
    by_key_unregistered: rustc_hash::FxHashMap<String, Vec<Gender>>,
}

impl NamedGenders {
    pub fn new(named: &[Named]) -> NamedGenders {
        fn add(v: &mut Vec<Gender>, g: Gender) {
            if !v.contains(&g) {
                v.push(g);
            }
        }
        let mut ix = NamedGenders::default();
        for n in named {
            match n.person {
                Some(p) => add(ix.by_person.entry(p).or_default(), n.gender),
                None => add(
                    ix.by_key_unregistered.entry(n.key.clone()).or_default(),
                    n.gender,
                ),
            }
            add(ix.by_key.entry(n.key.clone()).or_default(), n.gender);
        }
        ix
    }

    /// Some `n` of the names with `n.is(person, key)` has a gender `fits`.
    pub fn any(&self, person: Option<usize>, key: &str, fits: impl Fn(Gender) -> bool) -> bool {
        let lists = match person {
            Some(p) => [self.by_person.get(&p), self.by_key_unregistered.get(key)],
            None => [self.by_key.get(key), None],
        };
        lists.into_iter().flatten().flatten().any(|&g| fits(g))
    }
}

/// Quotations of depth 0 that are someone's words (not scare quotes).
pub fn spoken(q: &Quote) -> bool {
    q.depth == 0 && q.kind != QuoteKind::Scare
}

/// The paragraph index holding byte `at`.
pub fn paragraph_of(cx: &Context, at: usize) -> Option<usize> {
    // The first paragraph holding `at` (an empty one holds its own start).
    // Paragraphs are in order and do not overlap, so only those starting at or
    // before `at` and ending after it qualify: found by binary search, not a scan
    // from the top per call.
    let ps = &cx.article.paragraphs;
    let holds =
        |p: &crate::model::Paragraph| p.span.start <= at && at < p.span.end.max(p.span.start + 1);
    let upto = ps.partition_point(|p| p.span.start <= at);
    let mut found = None;
    for j in (0..upto).rev() {
        if holds(&ps[j]) {
            found = Some(j);
        } else if ps[j].span.end.max(ps[j].span.start + 1) <= at {
            break;
        }
    }
    found
}

/// Verbs that introduce a view, or frame the words that follow, without being
/// speech cues: after them the reader takes the quotation to be that person's.
const THOUGHT: [&str; 16] = [
    "as",
    "thought",
    "thinks",
    "believes",
    "believed",
    "feels",
    "felt",
    "hailed",
    "praised",
    "accused",
    "criticised",
    "urged",
    "backed",
    "welcomed",
    "condemned",
    "defended",
];

/// The words of `words` (in the order of the text, as `Context::narrative_words`
/// gives them) lying wholly within `span`: found by binary search, so asking per
/// quotation stays linear in a long article.
pub fn words_within<'w, 'a>(
    words: &'w [(Span, &'a str, Zone)],
    span: Span,
) -> impl Iterator<Item = &'w (Span, &'a str, Zone)> {
    let first = words.partition_point(|w| w.0.start < span.start);
    words[first..]
        .iter()
        .take_while(move |w| w.0.start <= span.end)
        .filter(move |w| w.0.end <= span.end)
}

/// The people of `named` (in the order of the text, as `named_in_narrative`
/// gives them) named wholly within `from..to`, found by binary search.
pub fn named_within(named: &[Named], from: usize, to: usize) -> impl Iterator<Item = &Named> {
    let first = named.partition_point(|n| n.span.start < from);
    named[first..]
        .iter()
        .take_while(move |n| n.span.start <= to)
        .filter(move |n| n.span.end <= to)
}

/// For each quotation, the index of the last earlier quotation that is spoken
/// (`spoken`) and has a speaker: what "the speaker quoted last" means, computed
/// in one pass instead of a backward search per quotation.
pub fn last_spoken_before(quotes: &[crate::model::Quote]) -> Vec<Option<usize>> {
    let mut out = Vec::with_capacity(quotes.len());
    let mut last = None;
    for (i, q) in quotes.iter().enumerate() {
        out.push(last);
        if spoken(q) && q.speaker.is_some() {
            last = Some(i);
        }
    }
    out
}

/// Does the narrative in `span` hold a cue word ("said", "added", "described")?
pub fn has_cue(cx: &Context, words: &[(Span, &str, Zone)], span: Span) -> bool {
    let lex = Lexicon::get();
    words_within(words, span).any(|w| {
        let l = w.1.to_lowercase();
        lex.speech_cues.starts(&l)
            || lex.noun_cues.contains(&l)
            || lex.prepositional_cues.starts(&l)
            || THOUGHT.contains(&l.as_str())
    }) || span.slice(cx.source).trim_end().ends_with(':')
}

/// A speaker's name as a message shows it: an anonymous descriptor mid-sentence
/// ("another Labour MP"), a name as it is.
pub fn display_name(sp: &crate::model::Speaker) -> String {
    if sp.anonymous {
        let mut c = sp.name.chars();
        match c.next() {
            Some(f) => f.to_lowercase().chain(c).collect(),
            None => String::new(),
        }
    } else {
        sp.name.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(t: &str) -> Vec<&str> {
        let mut v = Vec::new();
        sentence_starts_in(t, Span::new(0, t.len()), &mut v);
        v.iter().map(|&i| &t[i..]).collect()
    }

    #[test]
    fn sentences_break_after_terminals_and_closing_marks() {
        let t = "He said, “We won. Absolutely.” The outcome “will matter”.";
        assert_eq!(starts(t).len(), 3);
        assert_eq!(starts("Mr. Smith met J. Jones. They talked.").len(), 2);
        assert_eq!(starts("It cost 3.5m. Nobody paid.").len(), 2);
    }
}
