//! From a document to its quotations and speakers.
//!
//! For each paragraph: pair the quotation marks, cut the narrative into words
//! and sentences (each quotation one token), find the attribution cue of each
//! quotation (before it, after it, or in an earlier quotation of the same
//! sentence or chain), take the speaker phrase that goes with the cue, and
//! resolve it against the article's register of people: a surname to the full
//! name, a pronoun to the right earlier person, "the MP" to the person it
//! describes, an indefinite source to an anonymous one.

use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::model::{
    Article, Cue, EntityKind, Gender, Mention, MentionForm, Person, Quote, QuoteKind, Role,
    Speaker, SpeakerSource, Zone,
};
use crate::parse::marks::{self, RawQuote};
use crate::parse::tokens::{Tok, TokKind, tokenize_lowered};
use crate::span::Span;
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::ops::Range;

// Claims read the extractor's speaker phrases: a child module sees its private items.
#[path = "claims.rs"]
mod claims;

/// Extract every quotation of a document with its speaker.
pub fn extract(doc: &Document) -> Article {
    let lex = Lexicon::get();
    let text = doc.prose();
    let spans: Vec<Span> = doc.paragraphs.iter().map(|p| p.span).collect();
    let mut paired = marks::pair(text, &spans, lex);
    paired.quotes.sort_by_key(|q| (q.open.start, q.depth));

    // Quotations and tokens of each paragraph.
    // Quotations are sorted by start: each paragraph's are a run of indices.
    let all_quotes: Vec<usize> = (0..paired.quotes.len()).collect();
    let mut bounds: Vec<(usize, usize)> = vec![(0, 0); spans.len()];
    let mut pi = 0;
    for (qi, q) in paired.quotes.iter().enumerate() {
        while pi < spans.len() && spans[pi].end < q.open.start {
            pi += 1;
        }
        if pi < spans.len() {
            if bounds[pi].0 == bounds[pi].1 {
                bounds[pi] = (qi, qi);
            }
            bounds[pi].1 = qi + 1;
        }
    }
    let per_para: Vec<&[usize]> = bounds.iter().map(|&(a, b)| &all_quotes[a..b]).collect();
    // One token buffer for the article; each paragraph's tokens are a slice of it.
    let mut all_toks = Vec::with_capacity(text.len() / 4 + 4);
    let bounds: Vec<(usize, usize, Vec<usize>, Vec<usize>)> = spans
        .iter()
        .enumerate()
        .map(|(i, span)| {
            let start = all_toks.len();
            let (quotes, quote_toks) = para_tokens(
                text,
                &doc.prose_lower,
                *span,
                &paired.quotes,
                per_para[i],
                &mut all_toks,
            );
            (start, all_toks.len(), quotes, quote_toks)
        })
        .collect();
    let paras: Vec<ParaToks> = spans
        .iter()
        .zip(bounds)
        .map(|(&span, (a, b, quotes, quote_toks))| {
            let toks = &all_toks[a..b];
            ParaToks {
                span,
                toks,
                quotes,
                quote_toks,
                sentences: sentences(toks, lex),
            }
        })
        .collect();

    let mut ex = Extractor {
        text,
        lowered: &doc.prose_lower,
        lex,
        people: Vec::new(),
        by_key: Register::default(),
        salience: Vec::new(),
        speakers: Vec::new(),
        org_subjects: Vec::new(),
    };
    // The names of every paragraph in one list: paragraph i's are
    // `names[name_at[i]..name_at[i + 1]]`.
    let mut names: Vec<NameHit> = Vec::with_capacity(all_toks.len() / 16 + 4);
    let mut name_at: Vec<usize> = Vec::with_capacity(paras.len() + 1);
    name_at.push(0);
    for p in &paras {
        ex.para_names(p.toks, &mut names);
        name_at.push(names.len());
    }
    let names: Vec<&[NameHit]> = name_at.windows(2).map(|w| &names[w[0]..w[1]]).collect();
    for (i, p) in paras.iter().enumerate() {
        if doc.paragraphs[i].zone != Zone::Boilerplate {
            ex.register_names(p.toks, names[i]);
        }
    }

    // One record a raw quotation, and room for claims: no regrowth as a rule.
    let mut quotes: Vec<Quote> = Vec::with_capacity(paired.quotes.len() + spans.len());
    // Index in `quotes` of the record each raw quotation became.
    let mut record_of: HashMap<usize, usize> = HashMap::default();
    let mut chain_head: Option<usize> = None;
    for (i, p) in paras.iter().enumerate() {
        let zone = doc.paragraphs[i].zone;
        ex.attribute_paragraph(
            i,
            zone,
            p,
            names[i],
            &paras,
            &paired.quotes,
            &mut quotes,
            &mut record_of,
            &mut chain_head,
        );
        // Nested quotations: recorded with their depth, speaker left to the outer.
        for &qi in per_para[i] {
            let raw = &paired.quotes[qi];
            if raw.depth > 0 {
                quotes.push(Quote {
                    span: raw.inner,
                    open: Some(raw.open),
                    close: raw.close,
                    kind: QuoteKind::Partial,
                    zone,
                    depth: raw.depth,
                    paragraph: i,
                    continues: None,
                    speaker: None,
                    cue: None,
                });
            }
        }
    }
    let zones: Vec<Zone> = doc.paragraphs.iter().map(|p| p.zone).collect();
    claims::find(&mut ex, &paras, &zones, &mut quotes);
    quotes.sort_by_key(|q| (q.span.start, q.depth));
    // `continues` indices were into the unsorted list: map them through.
    let order: Vec<usize> = {
        let mut idx: Vec<usize> = (0..quotes.len()).collect();
        idx.sort_by_key(|&i| (quotes[i].span.start, quotes[i].depth));
        idx
    };
    let _ = order;
    fix_continues(&mut quotes);

    Article {
        paragraphs: doc.paragraphs.clone(),
        quotes,
        people: ex.people,
        mark_problems: paired.problems,
        date: doc.date.clone(),
        comments: doc.comments.iter().map(|c| c.inner).collect(),
    }
}

/// After sorting, point each continuation at the first record of its chain.
fn fix_continues(quotes: &mut [Quote]) {
    let mut head: Option<usize> = None;
    let mut open_chain = false;
    for (i, q) in quotes.iter_mut().enumerate() {
        if q.depth > 0 || q.kind == QuoteKind::Indirect {
            continue;
        }
        if q.continues.is_some() && open_chain {
            q.continues = head;
        } else {
            q.continues = None;
            head = Some(i);
        }
        open_chain = q.close.is_none();
    }
}

/// A name found in a paragraph: its run of capitalised words, the name within
/// it (titles dropped), and the name's text and lower-cased key.
#[derive(Debug, Clone)]
struct NameHit<'a> {
    run: (usize, usize),
    name: (usize, usize),
    gender: Gender,
    words: usize,
    /// The name's text lower-cased (see `name_key`): most often a slice of the
    /// article's lower-cased text, made only for a name that needs folding.
    key: Cow<'a, str>,
}

/// Lower-cased full names and surnames to the people they name, in order (see
/// `Extractor::add_person`). A key borrows from the article's lower-cased text
/// when it can, and most keys name one person, held inline: most entries
/// allocate nothing.
#[derive(Debug, Default)]
struct Register<'a> {
    map: HashMap<Cow<'a, str>, People>,
}

/// The people of one key.
#[derive(Debug)]
enum People {
    One([usize; 1]),
    Many(Vec<usize>),
}

impl People {
    fn as_slice(&self) -> &[usize] {
        match self {
            People::One(p) => p,
            People::Many(v) => v,
        }
    }
}

impl<'a> Register<'a> {
    fn get(&self, key: &str) -> Option<&[usize]> {
        self.map.get(key).map(People::as_slice)
    }

    fn contains_key(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    fn reserve(&mut self, n: usize) {
        self.map.reserve(n);
    }

    /// Person `p` under `key`: first of its people, or last.
    fn add(&mut self, key: Cow<'a, str>, p: usize, first: bool) {
        use std::collections::hash_map::Entry;
        match self.map.entry(key) {
            Entry::Occupied(mut o) => {
                let people = o.get_mut();
                if let People::One([q]) = *people {
                    *people = People::Many(vec![q]);
                }
                if let People::Many(v) = people {
                    v.insert(if first { 0 } else { v.len() }, p);
                }
            }
            Entry::Vacant(v) => {
                v.insert(People::One([p]));
            }
        }
    }
}

/// The tokens of a paragraph: narrative words and punctuation, each quotation of
/// depth 0 one token.
struct ParaToks<'a> {
    span: Span,
    toks: &'a [Tok<'a>],
    /// Raw quotation index of each `Quote(k)` token: `quotes[k]`.
    quotes: Vec<usize>,
    /// Token index of each `Quote(k)` token, in order: `quote_toks[k]`.
    quote_toks: Vec<usize>,
    /// Token index ranges of sentences.
    sentences: Vec<(usize, usize)>,
}

/// Tokenize a paragraph onto the end of `toks`; returns the raw quotation index
/// of each of its `Quote(k)` tokens, and the token index of each (from the
/// paragraph's first token).
fn para_tokens<'a>(
    text: &'a str,
    lowered: &'a str,
    span: Span,
    raw: &[RawQuote],
    mine: &[usize],
    toks: &mut Vec<Tok<'a>>,
) -> (Vec<usize>, Vec<usize>) {
    let base = toks.len();
    let mut quotes = Vec::with_capacity(mine.len());
    let mut at = Vec::with_capacity(mine.len());
    let mut pos = span.start;
    for &qi in mine {
        let q = &raw[qi];
        if q.depth > 0 {
            continue;
        }
        if q.open.start < pos {
            continue;
        }
        tokenize_lowered(text, lowered, Span::new(pos, q.open.start), toks);
        let end = q.close.map_or(q.inner.end.max(q.open.end), |c| c.end);
        at.push(toks.len() - base);
        toks.push(Tok::new(
            Span::new(q.open.start, end),
            &text[q.open.start..end],
            TokKind::Quote(quotes.len() as u32),
        ));
        quotes.push(qi);
        pos = end;
    }
    if pos < span.end {
        tokenize_lowered(text, lowered, Span::new(pos, span.end), toks);
    }
    (quotes, at)
}

/// Sentence bounds over tokens. A full stop, question or exclamation mark ends a
/// sentence unless it follows an abbreviation or an initial; a quotation whose
/// words end a sentence ends the narrative sentence when a capital follows.
fn sentences(toks: &[Tok], lex: &Lexicon) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(toks.len() / 16 + 1);
    let mut start = 0;
    for i in 0..toks.len() {
        let t = &toks[i];
        let next = toks.get(i + 1);
        // Asked only after a sentence mark: most tokens are words.
        let next_starts = || {
            next.is_none_or(|n| {
                n.is_capitalised()
                    || matches!(n.kind, TokKind::Quote(_))
                    || n.text.starts_with(|c: char| c.is_ascii_digit())
            })
        };
        let ends = match t.kind {
            TokKind::Punct => {
                let c = t.text.chars().next().unwrap_or(' ');
                match c {
                    '?' | '!' | '…' => next_starts(),
                    '.' => {
                        let prev = i.checked_sub(1).map(|j| &toks[j]);
                        let abbrev = prev.is_some_and(|p| {
                            p.is_word()
                                && (lex.abbreviations.contains(p.lower())
                                    || (is_initials(p.text)
                                        && p.text.chars().all(|c| c.is_uppercase() || c == '.')))
                        });
                        !abbrev && next_starts()
                    }
                    _ => false,
                }
            }
            TokKind::Quote(_) => {
                let inner = t.text.trim_end_matches(|c: char| {
                    matches!(c, '”' | '"' | '’' | '\'' | '»' | '›') || c.is_whitespace()
                });
                inner.ends_with(['.', '?', '!'])
                    && next
                        .is_some_and(|n| n.is_capitalised() || matches!(n.kind, TokKind::Quote(_)))
                    && !attribution_follows(toks, i + 1, lex)
            }
            TokKind::Word => false,
        };
        if ends {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < toks.len() {
        out.push((start, toks.len()));
    }
    out
}

/// Does a cue of saying follow within a few words, before any sentence end
/// ("“Who would have believed it?” Trump said")?
fn attribution_follows(toks: &[Tok], from: usize, lex: &Lexicon) -> bool {
    for t in toks.iter().skip(from).take(8) {
        match t.kind {
            TokKind::Quote(_) => return false,
            TokKind::Punct if t.text != "," && t.text != "." => return false,
            TokKind::Punct if t.text == "." => return false,
            TokKind::Word if lex.speech_cues.contains_word(t.lower()) => return true,
            _ => {}
        }
    }
    false
}

/// Who a speaker phrase names, before resolution.
#[derive(Debug, Clone)]
enum Who {
    Pronoun(String),
    Name {
        name: String,
        single: bool,
        organisation: bool,
    },
    Descriptor {
        text: String,
        head: String,
        definite: bool,
        anonymous: bool,
        entity: EntityKind,
    },
}

/// A speaker phrase: token range and what it names.
#[derive(Debug, Clone)]
struct Phrase {
    span: Span,
    who: Who,
}

/// The cue found for a quotation: its words and the speaker phrase.
#[derive(Debug, Clone)]
struct Attribution {
    cue: Cue,
    phrase: Phrase,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SalienceKind {
    Speaker,
    Subject,
    Other,
}

/// How many earlier speakers a description ("the MP", "the Momentum chief")
/// is compared with. The most in one article of bbc, PolNeAR and the seeds is 95.
const DESCRIPTION_LOOKBACK: usize = 256;

struct Extractor<'a> {
    text: &'a str,
    /// `text` ASCII-lower-cased (same length).
    lowered: &'a str,
    lex: &'static Lexicon,
    people: Vec<Person>,
    /// Lower-cased full names and surnames to people.
    by_key: Register<'a>,
    /// People in order of mention: (offset, person, kind).
    salience: Vec<(usize, usize, SalienceKind)>,
    /// Speakers so far: (offset, speaker, descriptor words).
    speakers: Vec<(usize, Speaker, String)>,
    /// Organisations that sentences were about, in order: (offset, name), for
    /// "it said".
    org_subjects: Vec<(usize, String)>,
}

const PREPOSITIONS: [&str; 20] = [
    "of", "at", "from", "for", "in", "with", "on", "to", "by", "inside", "within", "close",
    "through", "across", "into", "around", "outside", "along", "toward", "towards",
];

const DETERMINERS: [&str; 10] = [
    "a", "an", "the", "one", "another", "this", "that", "these", "those", "some",
];

const QUANTITIES: [&str; 12] = [
    "number",
    "handful",
    "couple",
    "dozen",
    "dozens",
    "few",
    "majority",
    "minority",
    "group",
    "lot",
    "hundreds",
    "thousands",
];

/// Capitalised words that cannot be a surname even when a name of the register
/// ends with one ("Take That").
const FUNCTION_WORDS: [&str; 24] = [
    "the", "and", "there", "here", "then", "now", "also", "what", "who", "which", "where", "why",
    "how", "yes", "not", "all", "both", "each", "every", "many", "most", "however", "still",
    "even",
];

const PARTICLES: [&str; 14] = [
    "de", "van", "von", "der", "den", "du", "da", "di", "la", "le", "bin", "al", "ibn", "del",
];
// `name_runs` skips the look-up for a word longer than every particle.
const _: () = {
    let mut i = 0;
    while i < PARTICLES.len() {
        assert!(PARTICLES[i].len() <= 3);
        i += 1;
    }
};

impl<'a> Extractor<'a> {
    fn lower_is(&self, t: &Tok, set: &crate::lexicon::WordSet) -> bool {
        t.is_word() && set.contains(t.lower())
    }

    /// A capitalised word that can be part of a name (not a hyphenated
    /// compound with a lower-case tail such as "Corbyn-backing").
    #[inline]
    fn name_word(&self, t: &Tok) -> bool {
        match t.text.as_bytes() {
            // Most words start with an ASCII byte: a capital A-Z is a name word
            // unless it is a hyphenated compound; any other is not.
            [b'A'..=b'Z', rest @ ..] => {
                t.is_word()
                    && (!rest.iter().any(|&b| b == b'-' || b == 0xE2) || self.name_word_slow(t))
            }
            [b, ..] if b.is_ascii() => false,
            _ => self.name_word_slow(t),
        }
    }

    #[inline(never)]
    fn name_word_slow(&self, t: &Tok) -> bool {
        if !t.is_capitalised() {
            return false;
        }
        // No hyphen (ASCII, or U+2011 whose UTF-8 starts with E2): not a compound.
        if !t.text.bytes().any(|b| b == b'-' || b == 0xE2) {
            return true;
        }
        // "Corbyn-backing", "Labour-led" are not names; "Ki-moon" is.
        if let Some((_, tail)) = t.text.rsplit_once(['-', '‑']) {
            let compound = tail.chars().next().is_some_and(char::is_lowercase)
                && (tail.ends_with("ing")
                    || tail.ends_with("ed")
                    || matches!(
                        tail,
                        "style"
                            | "era"
                            | "free"
                            | "like"
                            | "born"
                            | "friendly"
                            | "wide"
                            | "backer"
                            | "supporting"
                    ));
            if compound {
                return false;
            }
        }
        true
    }

    /// Maximal runs of name words in `toks[a..b]`, with particles and initials.
    fn name_runs(&self, toks: &[Tok], a: usize, b: usize) -> Vec<(usize, usize)> {
        let mut runs = Vec::with_capacity(16);
        let mut i = a;
        while let Some((s, e)) = self.next_run(toks, i, b) {
            runs.push((s, e));
            i = e;
        }
        runs
    }

    /// The first of the maximal runs of name words in `toks[a..b]` (see
    /// `name_runs`): the runs one at a time, without a list.
    #[inline]
    fn next_run(&self, toks: &[Tok], a: usize, b: usize) -> Option<(usize, usize)> {
        let toks = &toks[..b];
        let s = a + toks.get(a..)?.iter().position(|t| self.name_word(t))?;
        let mut e = s + 1;
        while e < b {
            let t = &toks[e];
            let word = self.name_word(t) && !toks[e - 1].is_possessive();
            // Asked only when the one before is not: most run words are names.
            let initial = || {
                t.is_punct('.')
                    && e + 1 < b
                    && self.name_word(&toks[e + 1])
                    && (is_initials(toks[e - 1].text)
                        || self.lex.honorifics.contains(toks[e - 1].lower())
                        || self.lex.titles.contains(toks[e - 1].lower()))
            };
            let particle = || {
                t.is_word()
                    && t.text.len() <= 3
                    && PARTICLES.contains(&t.text)
                    && e + 1 < b
                    && self.name_word(&toks[e + 1])
            };
            if !(word || initial() || particle()) {
                break;
            }
            e += 1;
        }
        Some((s, e))
    }

    /// The person's name in a run: after the last title or honorific, without
    /// leading function words. Returns (first token, end token, gender hint).
    fn name_in_run(&self, toks: &[Tok], s: usize, e: usize) -> Option<(usize, usize, Gender)> {
        self.name_in_run_words(toks, s, e)
            .map(|(ns, ne, gender, _)| (ns, ne, gender))
    }

    /// As `name_in_run`, with the number of words of the name.
    #[inline]
    fn name_in_run_words(
        &self,
        toks: &[Tok],
        s: usize,
        e: usize,
    ) -> Option<(usize, usize, Gender, usize)> {
        let lex = self.lex;
        let run = &toks[s..e];
        let mut start = 0;
        let mut gender = Gender::Unknown;
        for (i, t) in run.iter().enumerate() {
            if !t.is_word() {
                continue;
            }
            let l = trim_dots(t.lower());
            let last = i + 1 == run.len();
            // "Mr Dean", "Rick Dean": a title word after an honorific or a first
            // name is a surname.
            let surname = last && i > 0 && {
                let before = trim_dots(run[i - 1].lower());
                lex.honorifics.contains(before)
                    || lex.first_names_male.contains(before)
                    || lex.first_names_female.contains(before)
            };
            if !surname && (lex.titles.contains(l) || lex.honorifics.contains(l)) {
                if last {
                    return None;
                }
                start = i + 1;
                if lex.honorifics_male.contains(l) {
                    gender = Gender::Male;
                } else if lex.honorifics_female.contains(l) {
                    gender = Gender::Female;
                }
            }
        }
        while start < run.len()
            && (!run[start].is_word() || lex.not_names.contains(run[start].lower()))
        {
            start += 1;
        }
        // One to four words, none of them an acronym ("BBC", "NHS").
        let mut words = 0;
        for t in &run[start..] {
            if t.is_word() {
                if no_lowercase(t.text) && !is_initials(t.text) {
                    return None;
                }
                words += 1;
            }
        }
        if words == 0 || words > 4 {
            return None;
        }
        Some((s + start, e, gender, words))
    }

    fn is_organisation(&self, toks: &[Tok], s: usize, e: usize) -> bool {
        toks[s..e]
            .iter()
            .filter(|t| t.is_word())
            .any(|t| self.lex.organisation_words.contains(t.lower()))
    }

    fn name_text(&self, toks: &[Tok], s: usize, e: usize) -> String {
        let last = &toks[e - 1];
        let end = last.span.start + last.bare().len();
        if e == s + 1 {
            // One token: no white space in it.
            return self.text[toks[s].span.start..end].to_string();
        }
        squash(&self.text[toks[s].span.start..end])
    }

    /// `name_text` lower-cased. A name of plain ASCII words with single spaces
    /// between them is its slice of the lower-cased text, without a copy.
    fn name_key(&self, toks: &[Tok], s: usize, e: usize) -> Cow<'a, str> {
        let last = &toks[e - 1];
        let (a, z) = (toks[s].span.start, last.span.start + last.bare().len());
        // Printable ASCII, or a space after one: `squash` would leave it as it is.
        let mut after_space = false;
        let plain = self.text.as_bytes()[a..z].iter().all(|&c| {
            let ok = matches!(c, b'!'..=b'~') || (c == b' ' && !after_space);
            after_space = c == b' ';
            ok
        });
        if plain {
            return Cow::Borrowed(&self.lowered[a..z]);
        }
        let mut name = self.name_text(toks, s, e);
        if name.is_ascii() {
            name.make_ascii_lowercase();
        } else {
            name = name.to_lowercase();
        }
        Cow::Owned(name)
    }

    /// The names of a paragraph, found once, onto the end of `out`: every later
    /// pass reads these.
    // Out of line: a profile shows the stage on its own.
    #[inline(never)]
    fn para_names(&self, toks: &[Tok], out: &mut Vec<NameHit<'a>>) {
        let mut i = 0;
        while let Some((s, e)) = self.next_run(toks, i, toks.len()) {
            i = e;
            let Some((ns, ne, gender, words)) = self.name_in_run_words(toks, s, e) else {
                continue;
            };
            if self.is_organisation(toks, ns, ne) {
                continue;
            }
            out.push(NameHit {
                run: (s, e),
                name: (ns, ne),
                gender,
                words,
                key: self.name_key(toks, ns, ne),
            });
        }
    }

    /// First pass: every full name in the narrative goes into the register.
    // Out of line: a profile shows the stage on its own.
    #[inline(never)]
    fn register_names(&mut self, toks: &[Tok], names: &[NameHit<'a>]) {
        for hit in names {
            let ((s, _), (ns, ne), gender) = (hit.run, hit.name, hit.gender);
            if hit.words < 2 {
                continue;
            }
            if self.by_key.is_empty() {
                self.by_key.reserve(64);
                self.people.reserve(16);
            }
            // The name's text is made only for a person not yet in the register.
            let idx = match self.known_person(&hit.key) {
                Some(i) => i,
                None => {
                    let text = match hit.key {
                        // A plain name (see `name_key`): its text as it stands.
                        Cow::Borrowed(_) => {
                            let last = &toks[ne - 1];
                            let end = last.span.start + last.bare().len();
                            self.text[toks[ns].span.start..end].to_string()
                        }
                        Cow::Owned(_) => self.name_text(toks, ns, ne),
                    };
                    self.add_person(text, hit.key.clone())
                }
            };
            let p = &mut self.people[idx];
            if p.gender == Gender::Unknown {
                p.gender = gender;
            }
            p.mentions.push(Mention {
                span: Span::new(toks[ns].span.start, toks[ne - 1].span.end),
                form: MentionForm::FullName,
            });
            if let Some(role) = self.role_before(toks, s, ns) {
                self.people[idx].roles.push(role);
            }
            if let Some(role) = self.apposition_after(toks, ne) {
                self.people[idx].roles.push(role);
            }
        }
    }

    /// The register index of a person by name (`key` is the name lower-cased),
    /// adding the person when new.
    fn person_index(&mut self, name: &str, key: &str) -> usize {
        if let Some(i) = self.known_person(key) {
            return i;
        }
        self.add_person(name.to_string(), Cow::Owned(key.to_string()))
    }

    /// The person whose full name is `key` (lower-cased), if in the register.
    fn known_person(&self, key: &str) -> Option<usize> {
        if let Some(&i) = self.by_key.get(key).and_then(|v| v.first()) {
            let name = &self.people[i].name;
            let same = if name.is_ascii() && key.is_ascii() {
                name.len() == key.len()
                    && name
                        .bytes()
                        .zip(key.bytes())
                        .all(|(a, b)| a.to_ascii_lowercase() == b)
            } else {
                name.chars().flat_map(char::to_lowercase).eq(key.chars())
            };
            if same {
                return Some(i);
            }
        }
        None
    }

    /// Add a person to the register (`key` is the name lower-cased): first
    /// of the people of its full name, last of those of its surname.
    fn add_person(&mut self, name: String, key: Cow<'a, str>) -> usize {
        let idx = self.people.len();
        let (first, last) = name_words(&key, matches!(key, Cow::Borrowed(_)));
        let first = &key[first];
        let gender = if self.lex.first_names_male.contains(first) {
            Gender::Male
        } else if self.lex.first_names_female.contains(first) {
            Gender::Female
        } else {
            Gender::Unknown
        };
        self.people.push(Person {
            name,
            gender,
            // Every person is given a mention straight away.
            mentions: Vec::with_capacity(4),
            roles: Vec::new(),
        });
        // The last word of a name of several words.
        let surname = last.map(|w| match key {
            Cow::Borrowed(k) => Cow::Borrowed(&k[w]),
            Cow::Owned(ref k) => Cow::Owned(k[w].to_string()),
        });
        self.by_key.add(key, idx, true);
        if let Some(surname) = surname {
            self.by_key.add(surname, idx, false);
        }
        idx
    }

    /// Title words right before a name ("Momentum founder", "Shadow chancellor").
    fn role_before(&self, toks: &[Tok], run_start: usize, name_start: usize) -> Option<Role> {
        let mut a = name_start;
        let mut lower_budget = 1;
        while a > 0 {
            let t = &toks[a - 1];
            if !t.is_word() || self.lower_is(t, &self.lex.not_names) {
                break;
            }
            let is_title = self.lower_is(t, &self.lex.titles);
            if t.is_capitalised() || is_title {
                a -= 1;
            } else if lower_budget > 0 && a >= 2 && self.lower_is(&toks[a - 2], &self.lex.titles) {
                lower_budget -= 1;
                a -= 1;
            } else {
                break;
            }
            if name_start - a > 6 {
                break;
            }
        }
        let a = a.min(run_start.max(a));
        if a >= name_start {
            return None;
        }
        let has_title = toks[a..name_start]
            .iter()
            .any(|t| self.lower_is(t, &self.lex.titles));
        has_title.then(|| {
            let span = Span::new(toks[a].span.start, toks[name_start - 1].span.end);
            Role {
                text: span.slice(self.text).to_string(),
                span,
            }
        })
    }

    /// ", director of the centrist group Progress," after a name.
    fn apposition_after(&self, toks: &[Tok], name_end: usize) -> Option<Role> {
        if !toks.get(name_end).is_some_and(|t| t.is_punct(',')) {
            return None;
        }
        let first = toks.get(name_end + 1)?;
        let l = first.lower();
        let starts_ok = matches!(l, "a" | "an" | "the")
            || self.lex.titles.contains(l)
            || (first.is_word()
                && !first.is_capitalised()
                && !self.lex.clause_starters.contains(l));
        if !starts_ok || l == "who" || l == "which" {
            return None;
        }
        let mut e = name_end + 1;
        while e < toks.len() && e - name_end <= 12 {
            let t = &toks[e];
            if t.is_punct(',') {
                let span = Span::new(toks[name_end + 1].span.start, toks[e - 1].span.end);
                return Some(Role {
                    text: span.slice(self.text).to_string(),
                    span,
                });
            }
            if !t.is_word() && !t.is_punct('-') && !t.is_punct('’') {
                return None;
            }
            if self.lex.speech_cues.contains_word(t.lower()) {
                return None;
            }
            e += 1;
        }
        None
    }

    /// The cue words starting at token `i`, if any: (end token, is noun cue,
    /// is prepositional cue).
    fn cue_at(&self, toks: &[Tok], i: usize, end: usize) -> Option<(usize, CueKind)> {
        let t = &toks[i];
        if !t.is_word() {
            return None;
        }
        // "the United States would": a capitalised word inside a name is no cue.
        if t.is_capitalised()
            && i > 0
            && (toks[i - 1].is_capitalised() || matches!(toks[i - 1].lower(), "the" | "a" | "an"))
        {
            return None;
        }
        let first = t.lower();
        // "The theatre began 50 years ago": "began" speaks only before a colon,
        // a quotation or "by" ("began by saying").
        if matches!(first, "began" | "begin" | "begins")
            && toks
                .get(i + 1)
                .is_some_and(|n| n.is_word() && n.lower() != "by")
        {
            return None;
        }
        let lex = self.lex;
        if !(lex.speech_cues.starts(first)
            || lex.prepositional_cues.starts(first)
            || lex.noun_cues.contains(first))
        {
            return None;
        }
        // At most four words, on the stack.
        let mut buf = [""; 4];
        let mut n_words = 0;
        for (slot, t) in buf
            .iter_mut()
            .zip(&toks[i..end.min(i + 4)])
            .take_while(|(_, t)| t.is_word())
        {
            *slot = t.lower();
            n_words += 1;
        }
        let words = &buf[..n_words];
        if let Some(n) = self.lex.prepositional_cues.match_len(words) {
            return Some((i + n, CueKind::Prepositional));
        }
        // "Trump’s claim that", "her warning": a noun after a possessive or a
        // determiner, though the same word can be a verb of saying.
        let noun_slot = i > 0
            && self.lex.noun_cues.contains(words[0])
            && (toks[i - 1].is_possessive()
                || matches!(
                    toks[i - 1].lower(),
                    "his" | "her" | "their" | "its" | "the" | "a" | "an" | "this" | "that"
                ));
        if noun_slot {
            return Some((i + 1, CueKind::Noun));
        }
        if let Some(n) = self.lex.speech_cues.match_len(words) {
            return Some((i + n, CueKind::Speech));
        }
        if self.lex.noun_cues.contains(words[0]) {
            return Some((i + 1, CueKind::Noun));
        }
        None
    }

    /// Extend a speech cue over its addressee: "told HuffPost UK", "told reporters".
    fn cue_span(&self, toks: &[Tok], s: usize, e: usize, limit: usize) -> (Span, usize) {
        let head = toks[s].lower();
        let mut end = e;
        if matches!(head, "told" | "tells" | "tell" | "telling") {
            let mut j = e;
            if j < limit && matches!(toks[j].lower(), "the" | "a") {
                j += 1;
            }
            let k = j;
            while j < limit
                && (toks[j].is_capitalised()
                    || (j > k && toks[j].is_word() && toks[j].lower() == "of"))
            {
                j += 1;
            }
            if j == k && j < limit && toks[j].is_word() && toks[j].lower() == "reporters" {
                j += 1;
            }
            if j > k {
                end = j;
            }
        }
        (Span::new(toks[s].span.start, toks[end - 1].span.end), end)
    }

    /// The speaker phrase ending right before token `j` (exclusive), looking no
    /// further back than `limit`.
    fn phrase_before(&self, toks: &[Tok], j: usize, limit: usize) -> Option<Phrase> {
        let phrase = self.phrase_before_cue(toks, j, limit)?;
        // "a statement read", "the sign reads": only a written text reads out words.
        let reads = toks
            .get(j)
            .is_some_and(|t| matches!(t.lower(), "read" | "reads"));
        if reads
            && !matches!(
                phrase.who,
                Who::Descriptor {
                    entity: EntityKind::Document,
                    ..
                }
            )
        {
            return None;
        }
        // "the council issued a statement calling …": a document someone is said
        // to put out speaks for them.
        if let Who::Descriptor {
            entity: EntityKind::Document,
            definite: false,
            ..
        } = phrase.who
            && let Some(k) = toks[limit..j]
                .iter()
                .position(|t| t.span.start == phrase.span.start)
                .map(|k| limit + k)
            && k > limit + 1
            && matches!(
                toks[k - 1].lower(),
                "issued" | "released" | "published" | "posted" | "sent" | "put" | "out"
            )
        {
            let v = if toks[k - 1].lower() == "out" {
                k - 2
            } else {
                k - 1
            };
            if v > limit
                && let Some(p) = self.phrase_before_cue(toks, v, limit)
                && matches!(p.who, Who::Name { .. })
            {
                return Some(p);
            }
        }
        Some(phrase)
    }

    fn phrase_before_cue(&self, toks: &[Tok], mut j: usize, limit: usize) -> Option<Phrase> {
        if let Some(p) = self.quoted_as(toks, j, limit) {
            return Some(p);
        }
        while j > limit
            && toks[j - 1].is_word()
            && (self
                .lex
                .between_subject_and_cue
                .contains(toks[j - 1].lower())
                || (toks[j - 1].text.ends_with("ly") && !toks[j - 1].is_capitalised()))
        {
            j -= 1;
        }
        // "an article that claimed": a document before the relative pronoun
        // speaks ("a comment that described" is the words, not their speaker).
        if j > limit + 1
            && toks[j - 1].is_word()
            && toks[j - 1].lower() == "that"
            && self.lower_is(&toks[j - 2], &self.lex.documents)
        {
            return self.phrase_before_cue(toks, j - 1, limit);
        }
        // "ended the night by saying": a cue governed by a preposition has no
        // subject right before it.
        if j > limit && toks[j - 1].is_word() && PREPOSITIONS.contains(&toks[j - 1].lower()) {
            return None;
        }
        let mut appos: Option<(usize, usize)> = None;
        if j > limit && toks[j - 1].is_punct(',') {
            // "Cooper called for releasing the videos, as well, saying …": a
            // participle after a comma speaks for the sentence's subject, not
            // for the object before the comma.
            if let Some(p) = self.participle_subject(toks, j, limit)
                && match &p.who {
                    Who::Name {
                        name,
                        organisation: false,
                        ..
                    } => self.by_key.contains_key(&name.to_lowercase()),
                    _ => false,
                }
            {
                return Some(p);
            }
            let close = j - 1;
            let mut k = close;
            while k > limit {
                let t = &toks[k - 1];
                if t.is_punct(',') || t.is_punct(';') || t.is_punct(':') {
                    break;
                }
                k -= 1;
            }
            if k > limit && toks[k - 1].is_punct(',') && close - k <= 30 {
                appos = Some((k, close));
                j = k - 1;
                // "Johnnie Wilson, of Springfield, Va., said": step over the
                // groups until a name stands before them.
                for _ in 0..3 {
                    let group_start = toks[..j]
                        .iter()
                        .rposition(|t| t.is_punct(','))
                        .map_or(limit, |c| c + 1)
                        .max(limit);
                    let before_is_name = j > limit
                        && matches!(
                            self.analyse(toks, group_start, j),
                            Some(Who::Name {
                                single: false,
                                organisation: false,
                                ..
                            })
                        );
                    if before_is_name {
                        break;
                    }
                    let mut k2 = j;
                    while k2 > limit
                        && !toks[k2 - 1].is_punct(',')
                        && !toks[k2 - 1].is_punct(';')
                        && j - k2 <= 30
                    {
                        k2 -= 1;
                    }
                    if k2 > limit
                        && toks[k2 - 1].is_punct(',')
                        && k2 >= 2
                        && self
                            .name_runs(toks, k2.saturating_sub(6).max(limit), k2 - 1)
                            .last()
                            .is_some_and(|r| r.1 == k2 - 1)
                    {
                        appos = Some((k2, close));
                        j = k2 - 1;
                    } else {
                        break;
                    }
                }
            } else {
                // "Jane Doe from the Example Association, told": a stray comma
                // before the cue, with a name before it.
                return self.participle_subject(toks, j, limit).or_else(|| {
                    let ing = toks.get(j).is_some_and(|t| t.lower().ends_with("ing"));
                    (!ing && close > limit + 1 && toks[close - 1].is_word())
                        .then(|| self.phrase_before_cue(toks, close, limit))
                        .flatten()
                        .filter(|p| {
                            matches!(
                                p.who,
                                Who::Name {
                                    organisation: false,
                                    ..
                                }
                            )
                        })
                });
            }
        }
        if j > limit && toks[j - 1].is_punct(')') {
            // "Rep. John Mica (R-Fla.) said", "Rep. Jim Jordan (R-Ohio), a member, said"
            let mut k = j - 1;
            while k > limit && !toks[k - 1].is_punct('(') {
                k -= 1;
            }
            if k > limit && j - k <= 8 {
                j = k - 1;
            }
        }
        let end = j;
        if appos.is_none() && end > limit && toks[end - 1].is_word() {
            let l = toks[end - 1].lower();
            if self.lex.is_pronoun(l) || l == "it" {
                return Some(Phrase {
                    span: toks[end - 1].span,
                    who: Who::Pronoun(l.to_string()),
                });
            }
        }
        let mut a = j;
        while a > limit {
            let t = &toks[a - 1];
            match t.kind {
                TokKind::Quote(_) => break,
                TokKind::Punct => {
                    let keep = t.is_punct('.')
                        && a >= 2
                        && a < end
                        && toks[a - 2].is_word()
                        && (toks[a - 2].text.chars().count() == 1
                            || self.lex.abbreviations.contains(toks[a - 2].lower()));
                    let hyphen = (t.is_punct('-') || t.is_punct('‑')) && a < end;
                    // "Wales' team physiotherapist Mark Davies": a plural possessive.
                    let possessive = (t.is_punct('\'') || t.is_punct('’'))
                        && a < end
                        && a >= 2
                        && toks[a - 2].is_word()
                        && toks[a - 2].text.ends_with('s')
                        && toks[a - 2].span.end == t.span.start;
                    if keep || hyphen || possessive {
                        a -= 1;
                        continue;
                    }
                    break;
                }
                TokKind::Word => {
                    let l = t.lower();
                    let joins_names = l == "and"
                        && a >= 2
                        && a < end
                        && toks[a - 2].is_capitalised()
                        && toks[a].is_capitalised();
                    if self.lex.clause_starters.contains(l) && !joins_names {
                        break;
                    }
                    if l == "who" || l == "which" || l == "what" {
                        break;
                    }
                    if a < end && self.lex.speech_cues.contains_word(l) {
                        break;
                    }
                    a -= 1;
                    // A determiner starts the phrase, unless a preposition
                    // attaches it to more ("a member of the NEC").
                    if DETERMINERS.contains(&l)
                        && !(a > limit
                            && toks[a - 1].is_word()
                            && PREPOSITIONS.contains(&toks[a - 1].text))
                    {
                        break;
                    }
                }
            }
            if end - a > 10 {
                return None;
            }
        }
        // "replied to a journal article that claimed": the preposition that
        // kept the determiner is not part of the phrase.
        let mut after_preposition = false;
        while a < end && toks[a].is_word() && PREPOSITIONS.contains(&toks[a].text) {
            a += 1;
            after_preposition = true;
        }
        if a >= end {
            return None;
        }
        // "22% of Democratic claims": one capitalised word the register does not
        // know, after a preposition, qualifies a noun; it speaks no words.
        if after_preposition
            && end - a == 1
            && toks[a].is_capitalised()
            && !toks[a].is_possessive()
            && !self.by_key.contains_key(&toks[a].bare().to_lowercase())
        {
            return None;
        }
        // "hunt master, Captain Jane Doe, said": a bare role before the name.
        let who = match (self.analyse(toks, a, end), appos) {
            (Some(w), _) => w,
            (None, Some((s, e)))
                if end - a <= 3
                    && toks[a..end]
                        .iter()
                        .all(|t| t.is_word() && !t.is_capitalised())
                    && self.name_runs(toks, s, e).first().is_some_and(|r| r.0 == s)
                    && toks[s..e]
                        .iter()
                        .all(|t| !t.is_word() || t.is_capitalised()) =>
            {
                match self.analyse(toks, s, e) {
                    Some(w @ Who::Name { .. }) => w,
                    _ => return None,
                }
            }
            (None, _) => return None,
        };
        let who = match (&who, appos) {
            // "The group's chief, Jane Doe, said": the name is in the apposition.
            (Who::Descriptor { .. }, Some((s, e))) => match self.analyse(toks, s, e) {
                Some(w @ Who::Name { .. }) => w,
                _ => who,
            },
            _ => who,
        };
        let span_end = appos.map_or(toks[end - 1].span.end, |(_, e)| toks[e].span.end);
        Some(Phrase {
            span: Span::new(toks[a].span.start, span_end),
            who,
        })
    }

    /// Words before a name that only describe it ("the Washington-based
    /// independent think-tank"): a determiner, then words and hyphens, no cue.
    /// Or the start of a double role ("GM chairman and chief executive X"):
    /// words with one "and" after a lower-case role word, not after a name
    /// ("X and Y said" is two speakers).
    fn role_prefix(&self, words: &[Tok]) -> bool {
        let Some(first) = words.first() else {
            return false;
        };
        let described = first.is_word() && matches!(first.lower(), "the" | "a" | "an");
        let and_at = words.iter().position(|t| t.is_word() && t.lower() == "and");
        let double_role = and_at.is_some_and(|k| {
            k + 1 == words.len()
                && k > 0
                && words[k - 1].is_word()
                && !words[k - 1].is_capitalised()
        });
        (described || double_role)
            && words.len() <= 8
            && words.iter().enumerate().all(|(k, t)| {
                (t.is_word()
                    && (Some(k) == and_at || !self.lex.clause_starters.contains(t.lower()))
                    && !self.lex.speech_cues.contains_word(t.lower())
                    && !PREPOSITIONS.contains(&t.lower()))
                    || t.is_punct('-')
            })
    }

    /// "Reuters quoted a bank official as saying", "cited an aide as having
    /// said": the words are the one quoted, named between the verb and "as".
    fn quoted_as(&self, toks: &[Tok], j: usize, limit: usize) -> Option<Phrase> {
        let mut k = j;
        if k > limit && toks[k - 1].is_word() && toks[k - 1].lower() == "having" {
            k -= 1;
        }
        if k < limit + 3 || !toks[k - 1].is_word() || toks[k - 1].lower() != "as" {
            return None;
        }
        let as_at = k - 1;
        // "he is quoted as saying", "the agency was quoted as saying": the
        // subject of the passive is the one quoted.
        if as_at > limit + 1
            && self.lower_is(&toks[as_at - 1], &self.lex.quoting_cues)
            && matches!(
                toks[as_at - 2].lower(),
                "is" | "was" | "were" | "are" | "been" | "being"
            )
        {
            return self.phrase_before_cue(toks, as_at - 1, limit);
        }
        let lo = limit.max(as_at.saturating_sub(14));
        let mut v = as_at - 1;
        while v > lo {
            let t = &toks[v - 1];
            if !t.is_word() && !t.is_punct('-') && !t.is_punct('.') {
                return None;
            }
            if t.is_word() && self.lex.quoting_cues.contains(t.lower()) {
                break;
            }
            v -= 1;
        }
        if v <= lo && !(v > limit && self.lex.quoting_cues.contains(toks[v - 1].lower())) {
            return None;
        }
        if v >= as_at {
            return None;
        }
        let who = self.analyse(toks, v, as_at)?;
        Some(Phrase {
            span: Span::new(toks[v].span.start, toks[as_at - 1].span.end),
            who,
        })
    }

    /// The speaker phrase starting at token `i` (after an inverted cue: "said
    /// Mr Lansman", "according to a party source").
    fn phrase_after(&self, toks: &[Tok], i: usize, limit: usize) -> Option<Phrase> {
        let mut e = i;
        while e < limit {
            let t = &toks[e];
            match t.kind {
                TokKind::Quote(_) => break,
                TokKind::Punct => {
                    let keep = t.is_punct('.')
                        && e > i
                        && e + 1 < limit
                        && toks[e + 1].is_capitalised()
                        && (is_initials(toks[e - 1].text)
                            || self.lex.abbreviations.contains(toks[e - 1].lower()));
                    let numeric = (t.is_punct('/') || t.is_punct('-'))
                        && e > i
                        && toks[e - 1].text.starts_with(|c: char| c.is_ascii_digit());
                    if keep || t.is_punct('-') || numeric {
                        e += 1;
                        continue;
                    }
                    break;
                }
                TokKind::Word => {
                    let l = t.lower();
                    if e > i && (self.lex.clause_starters.contains(l) || l == "who" || l == "which")
                    {
                        break;
                    }
                    if e > i && self.lex.speech_cues.contains_word(l) {
                        break;
                    }
                    // "said Nadal afterwards", "said the minister yesterday".
                    if e > i
                        && !t.is_capitalised()
                        && (matches!(
                            l,
                            "afterwards"
                                | "afterward"
                                | "yesterday"
                                | "today"
                                | "tonight"
                                | "later"
                                | "earlier"
                                | "recently"
                                | "again"
                                | "also"
                                | "too"
                        ))
                    {
                        break;
                    }
                    e += 1;
                }
            }
            if e - i > 10 {
                break;
            }
        }
        if e <= i {
            return None;
        }
        // "said one of their lawyers, Jane Doe.": the name in apposition.
        if e + 1 < limit
            && toks[e].is_punct(',')
            && !matches!(self.analyse(toks, i, e), Some(Who::Name { .. }))
            && let Some(&(s, re)) = self.name_runs(toks, e + 1, limit).first()
            && s == e + 1
            && toks.get(re).is_none_or(|t| !t.is_word())
            && let Some(
                w @ Who::Name {
                    organisation: false,
                    single: false,
                    ..
                },
            ) = self.analyse(toks, s, re)
        {
            return Some(Phrase {
                span: Span::new(toks[i].span.start, toks[re - 1].span.end),
                who: w,
            });
        }
        // "according to figures from the party": cut at the first preposition
        // that follows a name.
        let who = self.analyse(toks, i, e)?;
        Some(Phrase {
            span: Span::new(toks[i].span.start, toks[e - 1].span.end),
            who,
        })
    }

    /// What a speaker phrase `toks[a..b]` names.
    fn analyse(&self, toks: &[Tok], a: usize, b: usize) -> Option<Who> {
        let mut word_toks = toks[a..b].iter().filter(|t| t.is_word());
        let first = word_toks.next()?;
        if word_toks.next().is_none() {
            let l = first.text.to_lowercase();
            if self.lex.is_pronoun(&l) || l == "it" {
                return Some(Who::Pronoun(l));
            }
            // "May said": a surname of the register that is also a month or a
            // function word.
            if first.is_capitalised()
                && self.lex.not_names.contains(&l)
                && l.len() >= 3
                && !DETERMINERS.contains(&l.as_str())
                && !PREPOSITIONS.contains(&l.as_str())
                && !self.lex.clause_starters.contains(&l)
                && !FUNCTION_WORDS.contains(&l.as_str())
                && self.by_key.get(&l).is_some_and(|v| !v.is_empty())
            {
                return Some(Who::Name {
                    name: first.bare().to_string(),
                    single: true,
                    organisation: false,
                });
            }
        }
        // The lower-cased words, on the stack for a phrase of up to 16 tokens.
        let mut stack = [""; 16];
        let heap: Vec<&str>;
        let lowered: &[&str] = if b - a <= stack.len() {
            for (slot, t) in stack.iter_mut().zip(&toks[a..b]) {
                *slot = t.lower();
            }
            &stack[..b - a]
        } else {
            heap = toks[a..b].iter().map(|t| t.lower()).collect();
            &heap
        };
        let anonymity = (0..lowered.len()).any(|k| {
            self.lex
                .anonymity_markers
                .match_len(&lowered[k..])
                .is_some()
        });
        // The head part: before the first preposition that follows a word; a
        // quantity ("a number of local groups") takes the head after its "of".
        let mut head_end = b;
        let mut k = a + 1;
        while k < b {
            if toks[k].is_word() && PREPOSITIONS.contains(&toks[k].text) {
                let quantity = toks[k].text == "of" && QUANTITIES.contains(&toks[k - 1].lower());
                if !quantity {
                    head_end = k;
                    break;
                }
            }
            k += 1;
        }
        // Strip a trailing participle phrase ("speaking anonymously").
        let mut he = head_end;
        for (k, t) in toks.iter().enumerate().take(head_end).skip(a + 1) {
            let l = t.lower();
            if l.ends_with("ing") && !t.is_capitalised() && !self.lex.anonymous_heads.contains(l) {
                he = k;
                break;
            }
        }
        let head_end = he;
        let det = first.lower();
        let definite = matches!(
            det,
            "the" | "this" | "that" | "his" | "her" | "their" | "its"
        );
        // A name at the end of the head part.
        let runs = self.name_runs(toks, a, head_end);
        if let Some(&(s, e)) = runs.last()
            && (e == head_end || (e + 1 == head_end && toks[e].is_punct('.')))
            && let Some((ns, ne, _)) = self.name_in_run(toks, s, e)
        {
            let org = self.is_organisation(toks, ns, ne);
            let single = toks[ns..ne].iter().filter(|t| t.is_word()).count() == 1;
            let head_word = toks[ne - 1].lower();
            let document = self.lex.documents.contains(head_word);
            if !(document || (definite && org && single)) {
                return Some(Who::Name {
                    name: self.name_text(toks, ns, ne),
                    single,
                    organisation: org,
                });
            }
        }
        // "footage of Hillary Clinton", "a statement from John Smith": a person
        // named at the very end, unless the head is a source or a document.
        let head_word = toks[a..head_end]
            .iter()
            .rev()
            .find(|t| t.is_word())
            .map(|t| t.lower())
            .unwrap_or_default();
        let source_head =
            self.lex.anonymous_heads.contains(head_word) || self.lex.documents.contains(head_word);
        if head_end < b
            && !source_head
            && let Some(&(s, e)) = self.name_runs(toks, head_end, b).last()
            && e == b
            && let Some((ns, ne, _)) = self.name_in_run(toks, s, e)
        {
            let words = toks[ns..ne].iter().filter(|t| t.is_word()).count();
            let honorific = ns > s
                && self
                    .lex
                    .honorifics
                    .contains(toks[ns - 1].lower().trim_end_matches('.'));
            // "footage of Trump": one word, when the register knows the person.
            let known = words == 1
                && self
                    .by_key
                    .contains_key(&self.name_text(toks, ns, ne).to_lowercase());
            if (words >= 2 || honorific || known) && !self.is_organisation(toks, ns, ne) {
                return Some(Who::Name {
                    name: self.name_text(toks, ns, ne),
                    single: false,
                    organisation: false,
                });
            }
        }
        // A descriptor: "a Momentum source", "The MP", "The Ealing Momentum petition".
        let head_tok = toks[a..head_end].iter().rev().find(|t| t.is_word())?;
        let head = head_tok.lower();
        if self.lex.not_names.contains(head) {
            return None;
        }
        let n_words = toks[a..head_end].iter().filter(|t| t.is_word()).count();
        let indefinite = self.lex.anonymous_determiners.contains(det)
            || (det.ends_with('s') && self.lex.anonymous_heads.contains(det));
        let anon_head = self.lex.anonymous_heads.contains(head) || self.lex.titles.contains(head);
        let document = self.lex.documents.contains(head);
        let has_det = indefinite || definite || matches!(det, "a" | "an");
        let capital_head = head_tok.is_capitalised();
        if !has_det && !capital_head && !anon_head && !document {
            return None;
        }
        if n_words > 6 {
            return None;
        }
        let entity = if document {
            EntityKind::Document
        } else if (capital_head && !anon_head) || self.lex.organisation_words.contains(head) {
            EntityKind::Organisation
        } else {
            EntityKind::Group
        };
        let anonymous = entity == EntityKind::Group
            && (anonymity || (!definite && (indefinite || !has_det) && anon_head));
        let text = if anonymous {
            let e = head_end;
            squash(&self.text[toks[a].span.start..toks[e - 1].span.end])
        } else {
            let s = if has_det { a + 1 } else { a };
            if s >= head_end {
                return None;
            }
            squash(&self.text[toks[s].span.start..toks[head_end - 1].span.end])
        };
        if text.is_empty() {
            return None;
        }
        Some(Who::Descriptor {
            text,
            head: head.to_string(),
            definite,
            anonymous,
            entity,
        })
    }

    /// Turn a speaker phrase into a speaker, resolving names, pronouns and
    /// descriptions against what the article said before `at`.
    fn resolve(&mut self, phrase: &Phrase, at: usize) -> Option<Speaker> {
        let mention = Some(phrase.span);
        match &phrase.who {
            Who::Name {
                name,
                single,
                organisation,
            } => {
                if *organisation && *single {
                    return Some(Speaker {
                        name: name.clone(),
                        mention,
                        anonymous: false,
                        source: SpeakerSource::Named,
                        entity: EntityKind::Organisation,
                        person: None,
                    });
                }
                let key = name.to_lowercase();
                let person = match self.by_key.get(&key) {
                    Some(v) if v.len() == 1 || !*single => v.first().copied(),
                    Some(v) => self.most_salient_of(v, at),
                    None if *single => None,
                    None => None,
                };
                let person =
                    person.or_else(|| (!*organisation).then(|| self.person_index(name, &key)));
                if let Some(p) = person {
                    let form = if *single {
                        if phrase.span.slice(self.text).contains(['M', 'D', 'S', 'L'])
                            && phrase
                                .span
                                .slice(self.text)
                                .split_whitespace()
                                .any(|w| self.lex.honorifics.contains(&w.to_lowercase()))
                        {
                            MentionForm::Honorific
                        } else {
                            MentionForm::Surname
                        }
                    } else {
                        MentionForm::FullName
                    };
                    self.people[p].mentions.push(Mention {
                        span: phrase.span,
                        form,
                    });
                    return Some(Speaker {
                        name: self.people[p].name.clone(),
                        mention,
                        anonymous: false,
                        source: SpeakerSource::Named,
                        entity: EntityKind::Person,
                        person: Some(p),
                    });
                }
                Some(Speaker {
                    name: name.clone(),
                    mention,
                    anonymous: false,
                    source: SpeakerSource::Named,
                    entity: if *organisation {
                        EntityKind::Organisation
                    } else {
                        EntityKind::Person
                    },
                    person: None,
                })
            }
            Who::Pronoun(p) => {
                let mut s = self.resolve_pronoun(p, at)?;
                s.mention = mention;
                s.source = SpeakerSource::Pronoun;
                if let Some(pi) = s.person {
                    self.people[pi].mentions.push(Mention {
                        span: phrase.span,
                        form: MentionForm::Pronoun,
                    });
                }
                Some(s)
            }
            Who::Descriptor {
                text,
                head,
                definite,
                anonymous,
                entity,
            } => {
                if *definite
                    && *entity != EntityKind::Document
                    && let Some(mut s) = self.resolve_description(text, head, at)
                {
                    s.mention = mention;
                    s.source = SpeakerSource::Description;
                    if let Some(pi) = s.person {
                        self.people[pi].mentions.push(Mention {
                            span: phrase.span,
                            form: MentionForm::Description,
                        });
                    }
                    return Some(s);
                }
                Some(Speaker {
                    name: text.clone(),
                    mention,
                    anonymous: *anonymous,
                    source: SpeakerSource::Named,
                    entity: *entity,
                    person: None,
                })
            }
        }
    }

    fn most_salient_of(&self, candidates: &[usize], at: usize) -> Option<usize> {
        self.salience
            .iter()
            .rev()
            .filter(|(pos, _, _)| *pos <= at)
            .find(|(_, p, _)| candidates.contains(p))
            .map(|(_, p, _)| *p)
            .or_else(|| candidates.first().copied())
    }

    fn resolve_pronoun(&self, pronoun: &str, at: usize) -> Option<Speaker> {
        let want = if self.lex.pronouns_male.contains(pronoun) {
            Some(Gender::Male)
        } else if self.lex.pronouns_female.contains(pronoun) {
            Some(Gender::Female)
        } else {
            None
        };
        if let Some(g) = want {
            let compatible = |p: usize| {
                let pg = self.people[p].gender;
                pg == g || pg == Gender::Unknown
            };
            // "An official said … “…,” he said": no person of the register, but
            // one unnamed source spoke before.
            let fallback = || {
                self.speakers
                    .iter()
                    .rev()
                    .find(|(pos, s, _)| {
                        *pos <= at
                            && s.entity == EntityKind::Group
                            && s.name.rsplit(' ').next().is_some_and(|h| {
                                let h = h.to_lowercase();
                                (self.lex.anonymous_heads.contains(&h)
                                    || self.lex.titles.contains(&h))
                                    && !h.ends_with('s')
                            })
                    })
                    .map(|(_, s, _)| {
                        let mut s = s.clone();
                        s.source = SpeakerSource::Pronoun;
                        s
                    })
            };
            if !self
                .salience
                .iter()
                .any(|(pos, p, _)| *pos <= at && compatible(*p))
            {
                return fallback();
            }
            // Speakers and sentence subjects first: not simply the nearest name.
            let pick = self
                .salience
                .iter()
                .rev()
                .filter(|(pos, _, k)| *pos <= at && *k != SalienceKind::Other)
                .find(|(_, p, _)| compatible(*p))
                .or_else(|| {
                    self.salience
                        .iter()
                        .rev()
                        .filter(|(pos, _, _)| *pos <= at)
                        .find(|(_, p, _)| compatible(*p))
                })?;
            let p = pick.1;
            return Some(Speaker {
                name: self.people[p].name.clone(),
                mention: None,
                anonymous: false,
                source: SpeakerSource::Pronoun,
                entity: EntityKind::Person,
                person: Some(p),
            });
        }
        // "they" and "it": the latest organisation, document or group that
        // spoke, or else the latest one a sentence was about.
        let spoke = self
            .speakers
            .iter()
            .rev()
            .find(|(pos, s, _)| *pos <= at && s.entity != EntityKind::Person);
        let about = self.org_subjects.iter().rev().find(|(pos, _)| *pos <= at);
        match (spoke, about) {
            (Some((sp, s, _)), Some((ap, _))) if sp >= ap => Some(s.clone()),
            (_, Some((_, name))) => Some(Speaker {
                name: name.clone(),
                mention: None,
                anonymous: false,
                source: SpeakerSource::Pronoun,
                entity: EntityKind::Organisation,
                person: None,
            }),
            (Some((_, s, _)), None) => Some(s.clone()),
            (None, None) => None,
        }
    }

    fn resolve_description(&self, text: &str, head: &str, at: usize) -> Option<Speaker> {
        let words: Vec<String> = text
            .split_whitespace()
            .map(|w| w.to_lowercase())
            .filter(|w| !matches!(w.as_str(), "the" | "this" | "that"))
            .collect();
        // An earlier speaker whose description or roles share the head word,
        // among the latest DESCRIPTION_LOOKBACK (a description refers back a
        // few speakers, not hundreds: unbounded, one long file of many
        // articles made this quadratic).
        for (pos, s, desc) in self.speakers.iter().rev().take(DESCRIPTION_LOOKBACK) {
            if *pos > at {
                continue;
            }
            let desc = desc.to_lowercase();
            let roles: String = s
                .person
                .map(|p| {
                    self.people[p]
                        .roles
                        .iter()
                        .map(|r| r.text.to_lowercase())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default();
            let hay = format!("{desc} {roles}");
            if hay.split_whitespace().any(|w| w == head)
                || words.iter().any(|w| {
                    w.chars().next().is_some_and(char::is_alphabetic)
                        && hay.split_whitespace().any(|h| h == w)
                        && !self.lex.not_names.contains(w)
                })
            {
                return Some(s.clone());
            }
        }
        // A title word ("the mayor", "the Momentum chief") or an age ("the
        // 23-year-old"): the latest person in view.
        if self.lex.titles.contains(head) || text.ends_with("year-old") {
            let (_, p, _) = self
                .salience
                .iter()
                .rev()
                .find(|(pos, _, k)| *pos <= at && *k != SalienceKind::Other)?;
            return Some(Speaker {
                name: self.people[*p].name.clone(),
                mention: None,
                anonymous: false,
                source: SpeakerSource::Description,
                entity: EntityKind::Person,
                person: Some(*p),
            });
        }
        None
    }

    /// Record a sentence's people for later pronoun resolution.
    fn note_people(&mut self, toks: &[Tok], s: usize, e: usize, names: &[NameHit]) {
        // "Multiplex will have to win …": an organisation as the subject.
        let mut k = s;
        if k < e && toks[k].is_word() && matches!(toks[k].lower(), "the") {
            k += 1;
        }
        let run_end = toks[k..e]
            .iter()
            .position(|t| !self.name_word(t))
            .map_or(e, |n| k + n);
        if run_end > k
            && run_end - k <= 4
            && !names.iter().any(|h| h.run.0 <= k && k < h.run.1)
            && !self.lower_is(&toks[k], &self.lex.not_names)
            && toks
                .get(run_end)
                .is_some_and(|t| t.is_word() && !t.is_capitalised())
        {
            let name = self.name_text(toks, k, run_end);
            if !self.by_key.contains_key(&name.to_lowercase()) {
                self.org_subjects.push((toks[k].span.start, name));
            }
        }
        let mut first = true;
        for hit in names.iter().filter(|h| h.run.0 >= s && h.run.1 <= e) {
            let (rs, (ns, _)) = (hit.run.0, hit.name);
            let Some(v) = self.by_key.get(&hit.key) else {
                continue;
            };
            let at = toks[ns].span.start;
            let Some(p) = (if v.len() == 1 {
                Some(v[0])
            } else {
                self.most_salient_of(v, at)
            }) else {
                continue;
            };
            let kind = if first && rs <= s + 6 {
                SalienceKind::Subject
            } else {
                SalienceKind::Other
            };
            first = false;
            self.salience.push((at, p, kind));
        }
    }

    /// The attribution of the quotation at token `qt`: a cue after it (`“…,” X
    /// said`), else one before it in its sentence (`X said: “…”`).
    fn attribution_for(
        &mut self,
        toks: &[Tok],
        qt: usize,
        s: usize,
        e: usize,
    ) -> Option<Attribution> {
        let at_start = qt == s;
        if at_start {
            self.trailing(toks, qt, e)
                .or_else(|| self.leading(toks, qt, s))
        } else {
            self.leading(toks, qt, s)
                .or_else(|| self.trailing(toks, qt, e))
        }
    }

    /// "PENCE: Well, look, …": a transcript's speaker label opens the quotation.
    fn transcript_label(&self, rq: &RawQuote) -> Option<Attribution> {
        let inner = rq.inner.slice(self.text);
        let colon = inner.find(':')?;
        let label = &inner[..colon];
        let words = label.split_whitespace().count();
        let ok = (1..=3).contains(&words)
            && label.chars().any(char::is_alphabetic)
            && label
                .chars()
                .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '\'' || c == '-');
        if !ok {
            return None;
        }
        let span = Span::new(rq.inner.start, rq.inner.start + colon);
        Some(Attribution {
            cue: Cue {
                text: ":".to_string(),
                span: Span::new(span.end, span.end + 1),
            },
            phrase: Phrase {
                span,
                who: Who::Name {
                    name: label.to_string(),
                    single: words == 1,
                    organisation: false,
                },
            },
        })
    }

    fn trailing(&mut self, toks: &[Tok], qt: usize, e: usize) -> Option<Attribution> {
        let mut i = qt + 1;
        let mut dash = None;
        while i < e
            && toks[i].kind == TokKind::Punct
            && matches!(toks[i].text, "," | "—" | "-" | "–" | "―")
        {
            if toks[i].text != "," {
                dash = Some(toks[i].span);
            }
            i += 1;
        }
        if i >= e {
            return None;
        }
        // “…” ― Pamela Padilla: a name alone after a dash signs the quotation.
        if let Some(dash) = dash {
            let runs = self.name_runs(toks, i, e);
            if let Some(&(s, re)) = runs.first().filter(|r| r.0 == i) {
                let rest_ok = toks[re..e].iter().all(|t| t.kind == TokKind::Punct);
                if rest_ok && let Some(who) = self.analyse(toks, s, re) {
                    let phrase = Phrase {
                        span: Span::new(toks[s].span.start, toks[re - 1].span.end),
                        who,
                    };
                    return Some(self.attribution(dash, phrase));
                }
            }
        }
        // Inverted: "said Mr Lansman", "according to a source".
        if let Some((ce, kind)) = self.cue_at(toks, i, e)
            && kind != CueKind::Noun
        {
            let phrase = self.phrase_after(toks, ce, e)?;
            let (span, _) = self.cue_span(toks, i, ce, e);
            return Some(self.attribution(span, phrase));
        }
        // "X said", "he told The Independent", "the source added".
        let mut j = i;
        while j < e && j - i <= 40 {
            if matches!(toks[j].kind, TokKind::Quote(_)) {
                return None;
            }
            if j > i
                && let Some((ce, kind)) = self.cue_at(toks, j, e)
            {
                if kind == CueKind::Speech {
                    // "Reuters reports a union source as saying": the verb of
                    // quoting passes on the words of the one named before "as".
                    if self.lower_is(&toks[j], &self.lex.quoting_cues)
                        && let Some(k) = (j + 2..e.min(j + 16)).find(|&k| {
                            toks[k - 1].is_word()
                                && toks[k - 1].lower() == "as"
                                && self.lex.speech_cues.contains_word(toks[k].lower())
                        })
                    {
                        j = k;
                        continue;
                    }
                    let Some(phrase) = self.phrase_before(toks, j, i) else {
                        if self.lower_is(&toks[j], &self.lex.quoting_cues) {
                            j += 1;
                            continue;
                        }
                        return None;
                    };
                    let at = toks[i..j]
                        .iter()
                        .position(|t| t.span.start == phrase.span.start);
                    let after_comma = at.is_some_and(|k| k > 0 && toks[i + k - 1].is_punct(','));
                    // "Reuters quoted an official as saying"; "the Washington-based
                    // think-tank The Brookings Institution says": a verb of quoting,
                    // or a role, before the one named.
                    let quoted = at.is_some_and(|k| {
                        k > 0 && self.lower_is(&toks[i + k - 1], &self.lex.quoting_cues)
                    });
                    let role_before = matches!(phrase.who, Who::Name { .. })
                        && at.is_some_and(|k| self.role_prefix(&toks[i..i + k]));
                    if phrase.span.start != toks[i].span.start
                        && !after_comma
                        && !quoted
                        && !role_before
                    {
                        return None;
                    }
                    let (span, _) = self.cue_span(toks, j, ce, e);
                    return Some(self.attribution(span, phrase));
                }
                // "a council statement read": a noun cue may be the subject.
                if kind != CueKind::Noun {
                    return None;
                }
            }
            j += 1;
        }
        None
    }

    fn leading(&mut self, toks: &[Tok], qt: usize, s: usize) -> Option<Attribution> {
        let mut j = qt;
        while j > s {
            j -= 1;
            if matches!(toks[j].kind, TokKind::Quote(_)) {
                continue;
            }
            let Some((ce, kind)) = self.cue_at(toks, j, qt) else {
                continue;
            };
            match kind {
                CueKind::Prepositional => {
                    if let Some(phrase) = self.phrase_after(toks, ce, qt) {
                        let span = Span::new(toks[j].span.start, toks[ce - 1].span.end);
                        return Some(self.attribution(span, phrase));
                    }
                }
                CueKind::Noun => {
                    // "her comments that", "Walker’s remarks"
                    if j > s {
                        let p = &toks[j - 1];
                        let l = p.lower();
                        if self.lex.is_pronoun(l) && l != "they" && l != "he" && l != "she" {
                            let pron = match l {
                                "his" | "him" => "he",
                                "her" | "hers" => "she",
                                _ => "they",
                            };
                            let phrase = Phrase {
                                span: p.span,
                                who: Who::Pronoun(pron.to_string()),
                            };
                            let span = toks[j].span;
                            return Some(self.attribution(span, phrase));
                        }
                        if p.is_possessive() && p.is_capitalised() {
                            let runs = self.name_runs(toks, s.max(j.saturating_sub(5)), j);
                            if let Some(&(rs, re)) = runs.last().filter(|r| r.1 == j)
                                && let Some(who) = self.analyse(toks, rs, re)
                            {
                                // "Moore called Mr. Obama's remarks “a wake-up call”":
                                // words said about the remarks, not in them, are the
                                // sentence subject's.
                                if let Some(a) = self.judged_remarks(toks, s, rs, j, qt) {
                                    return Some(a);
                                }
                                let phrase = Phrase {
                                    span: Span::new(toks[rs].span.start, toks[re - 1].span.end),
                                    who,
                                };
                                let span = toks[j].span;
                                return Some(self.attribution(span, phrase));
                            }
                        }
                    }
                }
                CueKind::Speech => {
                    // "said Mr Lansman: “…”"
                    let (span, after) = self.cue_span(toks, j, ce, qt);
                    if let Some(phrase) = self.phrase_before(toks, j, s) {
                        return Some(self.attribution(span, phrase));
                    }
                    if (j == s || toks[j - 1].is_punct(','))
                        && let Some(phrase) = self.phrase_after(toks, after, qt)
                        && matches!(phrase.who, Who::Name { .. })
                    {
                        return Some(self.attribution(span, phrase));
                    }
                    // "… and said the report had “…”": the sentence's subject.
                    if j > s
                        && self.lower_is(&toks[j - 1], &self.lex.clause_starters)
                        && let Some(phrase) = self.sentence_subject(toks, s, j)
                    {
                        return Some(self.attribution(span, phrase));
                    }
                    // "Dean began by saying he would “never” …": a participle after
                    // a preposition speaks for the subject before it.
                    if j > s + 1
                        && toks[j].lower().ends_with("ing")
                        && matches!(
                            toks[j - 1].lower(),
                            "by" | "after" | "before" | "while" | "when" | "for" | "in"
                        )
                        && let Some(phrase) = self.sentence_subject(toks, s, j - 1)
                        && match &phrase.who {
                            Who::Name { name, .. } => {
                                self.by_key.contains_key(&name.to_lowercase())
                            }
                            Who::Pronoun(_) => true,
                            _ => false,
                        }
                    {
                        return Some(self.attribution(span, phrase));
                    }
                }
            }
        }
        self.document_says(toks, qt, s)
    }

    /// "Ballot papers will ask: “…”", "the slogan will be: “…”", "the minutes
    /// show “…”": a written text gives the words with a verb of its own (the
    /// lexicon's document cues), its head a document; a bare "is" or "be" needs
    /// the colon.
    fn document_says(&self, toks: &[Tok], qt: usize, s: usize) -> Option<Attribution> {
        let mut k = qt;
        let colon = k > s && toks[k - 1].is_punct(':');
        if colon {
            k -= 1;
        }
        if k <= s + 1 || !toks[k - 1].is_word() {
            return None;
        }
        let verb = &toks[k - 1];
        let l = verb.lower();
        if !self.lex.document_cues.contains(l)
            || (matches!(l, "be" | "is" | "was" | "are" | "were") && !colon)
        {
            return None;
        }
        let phrase = self.phrase_before_cue(toks, k - 1, s)?;
        if !matches!(
            phrase.who,
            Who::Descriptor {
                entity: EntityKind::Document,
                ..
            }
        ) {
            return None;
        }
        Some(self.attribution(verb.span, phrase))
    }

    /// "Moore called Obama's remarks “a wake-up call”", "Smith ruled that Lee's
    /// statement was “true”": a possessive noun cue (token `noun`, its owner
    /// starting at `owner`) that is the object of the sentence, with the quotation
    /// not its content (nothing, "that", a colon or a comma between them): the
    /// sentence's subject passes judgement on the words, when it is a person the
    /// article has named or a pronoun.
    fn judged_remarks(
        &self,
        toks: &[Tok],
        s: usize,
        owner: usize,
        noun: usize,
        qt: usize,
    ) -> Option<Attribution> {
        let between = &toks[noun + 1..qt];
        let content = between.len() <= 1
            && between.first().is_none_or(|t| {
                t.is_punct(':')
                    || t.is_punct(',')
                    || (t.is_word() && matches!(t.lower(), "that" | "about"))
            });
        if content || owner <= s + 1 {
            return None;
        }
        // The verb before the owner, over an honorific ("called Mr. Obama's").
        let v = (owner.saturating_sub(3).max(s)..owner)
            .rev()
            .find(|&k| toks[k].is_word() && !toks[k].is_capitalised())?;
        // "ruled that Lee's statement": the verb before the "that".
        let v = if toks[v].lower() == "that"
            && v > s + 1
            && toks[v - 1].is_word()
            && !toks[v - 1].is_capitalised()
        {
            v - 1
        } else {
            v
        };
        let verb = &toks[v];
        if v == s || PREPOSITIONS.contains(&verb.lower()) || DETERMINERS.contains(&verb.lower()) {
            return None;
        }
        let phrase = self.sentence_subject(toks, s, v)?;
        let known = match &phrase.who {
            Who::Name { name, .. } => self.by_key.contains_key(&name.to_lowercase()),
            Who::Pronoun(p) => p != "it",
            _ => false,
        };
        if !known || phrase.span.end > verb.span.start {
            return None;
        }
        Some(self.attribution(verb.span, phrase))
    }

    /// "Clinton criticised the plan as a “crazy system”": a framing verb before
    /// the quotation in its sentence gives the words to the verb's subject.
    fn framing(&self, toks: &[Tok], qt: usize, s: usize) -> Option<Attribution> {
        let lo = s.max(qt.saturating_sub(14));
        let mut j = qt;
        while j > lo {
            j -= 1;
            let t = &toks[j];
            if t.is_punct(';') || t.is_punct(':') {
                return None;
            }
            if !t.is_word() || t.is_capitalised() {
                continue;
            }
            let words: Vec<&str> = toks[j..qt.min(j + 3)]
                .iter()
                .take_while(|t| t.is_word())
                .map(|t| t.lower())
                .collect();
            let Some(n) = self.lex.framing_cues.match_len(&words) else {
                continue;
            };
            let before = (j > s).then(|| toks[j - 1].lower());
            // "was hailed as …", "criticised by X as …": the subject is the target.
            let passive = before.is_some_and(|b| {
                matches!(
                    b,
                    "is" | "was"
                        | "were"
                        | "are"
                        | "be"
                        | "been"
                        | "being"
                        | "get"
                        | "gets"
                        | "got"
                )
            });
            // "Talk compared to …" (no object): a participle, not the subject's verb.
            let no_object = toks.get(j + n).is_some_and(|t| {
                matches!(
                    t.lower(),
                    "by" | "to" | "as" | "with" | "of" | "over" | "for"
                )
            });
            if passive || no_object {
                return None;
            }
            // "took to Twitter to accuse …", "began by mocking …": the sentence's subject.
            let phrase = if before.is_some_and(|b| matches!(b, "to" | "by" | "for" | "in")) {
                // Only a person the article has named: "Other leaders" is no name.
                let p = self.sentence_subject(toks, s, j - 1)?;
                match &p.who {
                    Who::Name { name, .. } if self.by_key.contains_key(&name.to_lowercase()) => p,
                    Who::Pronoun(_) => p,
                    _ => return None,
                }
            } else {
                self.phrase_before(toks, j, s)?
            };
            if !matches!(phrase.who, Who::Name { .. } | Who::Pronoun(_)) {
                return None;
            }
            let span = Span::new(t.span.start, toks[j + n - 1].span.end);
            return Some(self.attribution(span, phrase));
        }
        None
    }

    /// ", saying …": a participle cue after a comma speaks for the sentence's
    /// subject.
    fn participle_subject(&self, toks: &[Tok], cue: usize, limit: usize) -> Option<Phrase> {
        let t = toks.get(cue)?;
        if !t.lower().ends_with("ing") {
            return None;
        }
        self.sentence_subject(toks, limit, cue)
    }

    /// The subject of a sentence: the speaker phrase of its first cue, or the
    /// first words after any leading clause set off by a comma.
    fn sentence_subject(&self, toks: &[Tok], s: usize, limit: usize) -> Option<Phrase> {
        for j in s + 1..limit {
            if matches!(self.cue_at(toks, j, limit), Some((_, CueKind::Speech))) {
                if toks[j].lower().ends_with("ing") {
                    break;
                }
                if let Some(p) = self.phrase_before(toks, j, s) {
                    return Some(p);
                }
                break;
            }
        }
        let mut start = s;
        let adverbial = toks.get(s).is_some_and(|t| {
            let l = t.lower();
            t.is_word()
                && (PREPOSITIONS.contains(&l)
                    || self.lex.clause_starters.contains(l)
                    || l.ends_with("ing")
                    || l.ends_with("ed")
                    || matches!(
                        l,
                        "asked"
                            | "during"
                            | "despite"
                            | "like"
                            | "unlike"
                            | "meanwhile"
                            | "however"
                            | "still"
                            | "yet"
                            | "later"
                            | "earlier"
                            | "then"
                    ))
        });
        if let Some(k) = toks[s..limit].iter().position(|t| t.is_punct(','))
            && k <= 12
            && adverbial
        {
            start = s + k + 1;
        }
        let mut e = start;
        while e < limit && e - start <= 6 {
            let t = &toks[e];
            if !t.is_word() && !t.is_punct('.') && !t.is_punct('-') {
                break;
            }
            if e > start
                && t.is_word()
                && !t.is_capitalised()
                && !self.lex.titles.contains(t.lower())
            {
                break;
            }
            e += 1;
        }
        if e <= start {
            return None;
        }
        let who = self.analyse(toks, start, e)?;
        // "Democratic presidential nominee Hillary Clinton chimed in": one
        // capitalised word the register does not know, then a role before a
        // name it knows.
        if let Who::Name {
            name, single: true, ..
        } = &who
            && !self.by_key.contains_key(&name.to_lowercase())
            && let Some(&(rs, re)) = self
                .name_runs(toks, e, limit.min(e + 6))
                .iter()
                .find(|r| r.1 - r.0 >= 2)
            && toks[e..rs]
                .iter()
                .all(|t| t.is_word() && !t.is_capitalised())
            && let Some(w @ Who::Name { .. }) = self.analyse(toks, rs, re)
            && let Who::Name { name: full, .. } = &w
            && self.by_key.contains_key(&full.to_lowercase())
        {
            return Some(Phrase {
                span: Span::new(toks[start].span.start, toks[re - 1].span.end),
                who: w,
            });
        }
        match who {
            Who::Descriptor { .. } => None,
            _ => Some(Phrase {
                span: Span::new(toks[start].span.start, toks[e - 1].span.end),
                who,
            }),
        }
    }

    fn attribution(&self, span: Span, phrase: Phrase) -> Attribution {
        Attribution {
            cue: Cue {
                text: span.slice(self.text).to_string(),
                span,
            },
            phrase,
        }
    }

    fn remember_speaker(&mut self, at: usize, s: &Speaker) {
        let desc = s
            .mention
            .map(|m| m.slice(self.text).to_string())
            .unwrap_or_default();
        self.speakers.push((at, s.clone(), desc));
        if let Some(p) = s.person {
            self.salience.push((at, p, SalienceKind::Speaker));
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn attribute_paragraph(
        &mut self,
        pi: usize,
        zone: Zone,
        p: &ParaToks,
        names: &[NameHit],
        paras: &[ParaToks],
        raw: &[RawQuote],
        quotes: &mut Vec<Quote>,
        record_of: &mut HashMap<usize, usize>,
        chain_head: &mut Option<usize>,
    ) {
        let toks = &p.toks;
        let mut para_speaker: Option<(Speaker, Option<Cue>)> = None;
        for &(s, e) in &p.sentences {
            self.note_people(toks, s, e, names);
            let mut sentence_speaker: Option<(Speaker, Option<Cue>)> = None;
            // Only the sentence's quotation tokens: most tokens are words.
            let first = p.quote_toks.partition_point(|&t| t < s);
            for &qt in p.quote_toks[first..].iter().take_while(|&&t| t < e) {
                let TokKind::Quote(k) = toks[qt].kind else {
                    continue;
                };
                let qi = p.quotes[k as usize];
                let rq = &raw[qi];
                let inner = rq.inner.slice(self.text);
                // Only "up to 7 words or more" is ever asked: stop counting at 8.
                let words = crate::parse::tokens::count_words(inner, 8);
                let at = rq.open.start;
                let continuation = rq.continuation && chain_head.is_some();

                let own = self
                    .transcript_label(rq)
                    .or_else(|| self.attribution_for(toks, qt, s, e))
                    .or_else(|| self.framing(toks, qt, s));
                let mut cue = own.as_ref().map(|a| a.cue.clone());
                let mut speaker = own
                    .as_ref()
                    .and_then(|a| self.resolve(&a.phrase, at))
                    .inspect(|sp| self.remember_speaker(at, sp));
                let own_found = speaker.is_some();

                if speaker.is_none()
                    && continuation
                    && let Some(prev) = quotes.iter().rev().find(|q| q.depth == 0)
                {
                    speaker = prev.speaker.clone().map(carried);
                    cue = prev.cue.clone();
                }
                // Another quotation of this sentence had a speaker: "Cruz called
                // Trump a “liar” who is “amoral,” a “bully”".
                let mut from_sentence = false;
                if speaker.is_none()
                    && let Some((sp, c)) = sentence_speaker.clone()
                    && qt > s
                {
                    speaker = Some(carried(sp));
                    cue = c;
                    from_sentence = true;
                }
                if speaker.is_none()
                    && let Some((sp, c)) = sentence_speaker.clone().or_else(|| para_speaker.clone())
                {
                    speaker = Some(carried(sp));
                    cue = c;
                }
                if speaker.is_none() && qt == s && s > 0 {
                    // “…” after "…, Schiff said." in the same paragraph.
                    if let Some((sp, c)) = self.earlier_cue_in_paragraph(toks, &p.sentences, s, at)
                    {
                        speaker = Some(carried(sp));
                        cue = c;
                    }
                }
                let at_para_start = qt == 0;
                if speaker.is_none() && at_para_start {
                    // A paragraph of quotation under "X said:" or after the last
                    // speaker's quotation.
                    if let Some((sp, c)) = self.previous_speaker(pi, paras, quotes) {
                        speaker = Some(sp);
                        cue = c;
                    }
                }

                // "US coach Jane Doe wants more clay. “I think it will help.”": a
                // quotation opening a sentence with no cue, after a sentence about
                // one person: that person, guessed from the context.
                if speaker.is_none()
                    && qt == s
                    && words >= 3
                    && inner.chars().next().is_some_and(char::is_uppercase)
                    && let Some(sp) = self.context_speaker(pi, paras, s, at)
                {
                    speaker = Some(sp);
                    cue = None;
                }
                // "But told BBC News: “…”": a cue with its subject left out
                // shares the subject of the sentence before.
                if speaker.is_none()
                    && qt > s + 1
                    && self.lower_is(&toks[s], &self.lex.clause_starters)
                    && matches!(self.cue_at(toks, s + 1, qt), Some((_, CueKind::Speech)))
                    && let Some(sp) = self.context_speaker(pi, paras, s, at)
                {
                    let (span, _) = self.cue_span(toks, s + 1, s + 2, qt);
                    speaker = Some(sp);
                    cue = Some(Cue {
                        text: span.slice(self.text).to_string(),
                        span,
                    });
                }

                let prev = qt.checked_sub(1).filter(|&i| i >= s).map(|i| &toks[i]);
                let introduced = prev.is_some_and(|t| {
                    t.is_punct(':')
                        || (t.is_punct(',') && own_found)
                        || (t.is_word() && self.lex.speech_cues.contains_word(t.lower()))
                });
                let starts_upper = inner.chars().next().is_some_and(char::is_uppercase);
                let ends_clause = inner.ends_with([',', '.', '?', '!', '…']);
                let determiner_before = prev
                    .is_some_and(|t| t.is_word() && matches!(t.lower(), "a" | "an" | "the"))
                    && !(qt >= 2 && toks[qt - 2].is_word() && toks[qt - 2].lower() == "as");
                let after_as = prev.is_some_and(|t| t.is_word() && t.lower() == "as")
                    || (qt >= 2 && toks[qt - 2].is_word() && toks[qt - 2].lower() == "as");
                // No cue: the words may still be the sentence subject's ("Trump
                // admires Putin as a “strong leader”").
                // "Patel was hailed as a “safe pair of hands”": a passive subject
                // is the target of the words, not their speaker.
                let passive = toks[s..qt].windows(2).any(|w| {
                    w[0].is_word()
                        && matches!(
                            w[0].lower(),
                            "is" | "was" | "were" | "are" | "been" | "being"
                        )
                        && w[1].is_word()
                        && (w[1].lower().ends_with("ed")
                            || self.lex.framing_cues.starts(w[1].lower()))
                });
                // "the notorious “carried interest” loophole": a short term
                // inside a noun phrase names a thing; it is nobody's words.
                let is_det = |t: &Tok| t.is_word() && DETERMINERS.contains(&t.lower());
                let modifier = words <= 3
                    && !inner.ends_with(|c: char| c.is_ascii_punctuation())
                    && (prev.is_some_and(is_det)
                        || (qt >= s + 2
                            && is_det(&toks[qt - 2])
                            && prev.is_some_and(|t| t.is_word() && !t.is_capitalised())))
                    && toks.get(qt + 1).is_some_and(|t| {
                        let l = t.lower();
                        t.is_word()
                            && !t.is_capitalised()
                            && !PREPOSITIONS.contains(&l)
                            && !FUNCTION_WORDS.contains(&l)
                            && !self.lex.clause_starters.contains(l)
                            && !self.lex.between_subject_and_cue.contains(l)
                    });
                let no_subject = passive || modifier;
                if speaker.is_none()
                    && !no_subject
                    && !(determiner_before && words <= 3)
                    && let Some(phrase) = self.sentence_subject(toks, s, qt)
                    && matches!(
                        phrase.who,
                        Who::Name {
                            organisation: false,
                            ..
                        } | Who::Pronoun(_)
                    )
                    && (after_as || words >= 2)
                {
                    let known = match &phrase.who {
                        Who::Name { name, .. } => self.by_key.contains_key(&name.to_lowercase()),
                        _ => true,
                    };
                    if known {
                        speaker = self.resolve(&phrase, at).map(|mut sp| {
                            sp.source = SpeakerSource::Context;
                            sp
                        });
                    }
                }
                let cue_near = own.as_ref().is_some_and(|a| {
                    a.cue.span.end <= at
                        && toks[s..qt]
                            .iter()
                            .filter(|t| t.span.start >= a.cue.span.end)
                            .count()
                            <= 6
                });
                // "“Bring it on,” said the 23-year-old": words opening a sentence
                // and ending in a comma before their own cue are speech, however
                // short (a title is mostly after a preposition: on “Face the Nation,”).
                let tagged_after = qt == s
                    && inner.ends_with([',', '?', '!'])
                    && own
                        .as_ref()
                        .is_some_and(|a| a.cue.span.start >= rq.inner.end)
                    && speaker.is_some();
                let title_case = |min_capitals: usize| {
                    let mut capitals = 0;
                    inner.split_whitespace().enumerate().all(|(n, w)| {
                        let upper = w.chars().next().is_some_and(char::is_uppercase);
                        capitals += usize::from(upper && w.chars().count() > 1);
                        n > 0 && w.chars().count() <= 3
                            || upper
                            || w.chars().next().is_some_and(|c| !c.is_alphabetic())
                    }) && capitals >= min_capitals
                };
                // "“Does it work?” Lee asked. “Neither do I.”": a sentence opening
                // on a quotation after the paragraph's speaker's is more of it.
                let follows_speech =
                    qt == s && s > 0 && inner.ends_with(['.', '?', '!']) && para_speaker.is_some();
                // A paragraph that is a short quotation in title case alone is a
                // heading ('Legend in the Coal Fields.'); one in brackets is a
                // transcript's stage direction ("(CROSSTALK)").
                let alone = at_para_start
                    && !continuation
                    && !rq.runs_on
                    && rq.close.is_some()
                    && p.quotes.len() == 1
                    && toks[qt + 1..].iter().all(|t| t.kind == TokKind::Punct);
                let heading = alone && (3..=7).contains(&words) && title_case(3);
                let trimmed = inner.trim_end_matches(['.', ',', ' ']);
                let stage_direction = trimmed.starts_with('(') && trimmed.ends_with(')');
                let title_like = heading
                    || stage_direction
                    || (!at_para_start
                        && !after_as
                        && !introduced
                        && !tagged_after
                        && !follows_speech
                        && words <= 7
                        && title_case(0));
                if title_like {
                    speaker = None;
                    cue = None;
                }
                // "what are called “qualified zones”", "Dubbed “le cost killer”": a
                // naming verb nobody is said to use gives a name, not someone's words.
                // "what has become known as the “Buffett rule”", "so-called “…”".
                let known_as = prev.is_some_and(|t| self.lower_is(t, &self.lex.naming_markers))
                    || (qt >= s + 2
                        && toks[qt - 2..qt].iter().all(|t| t.is_word())
                        && matches!(
                            (toks[qt - 2].lower(), toks[qt - 1].lower()),
                            ("known" | "billed", "as") | ("as", "the")
                        )
                        && (toks[qt - 2].lower() != "as"
                            || (qt >= s + 3
                                && matches!(toks[qt - 3].lower(), "known" | "billed"))));
                let named_term = (speaker.is_none()
                    || (known_as
                        && speaker
                            .as_ref()
                            .is_some_and(|sp| sp.source == SpeakerSource::Context)))
                    && (known_as || prev.is_some_and(|t| self.lower_is(t, &self.lex.naming_verbs)));
                let kind = if title_like || named_term {
                    QuoteKind::Scare
                } else if at_para_start
                    || continuation
                    || rq.runs_on
                    || (qt == s && starts_upper && ends_clause)
                    || (introduced && (starts_upper || prev.is_some_and(|t| t.is_word())))
                    || (own_found && starts_upper && ends_clause && words >= 3)
                {
                    QuoteKind::Direct
                } else if (own_found && !(determiner_before && words <= 3 && !cue_near))
                    || from_sentence
                    || (own_found
                        && qt > s
                        && sentence_speaker.as_ref().is_some_and(|(_, c)| {
                            c.as_ref().map(|c| c.span) == cue.as_ref().map(|c| c.span)
                        }))
                    || speaker
                        .as_ref()
                        .is_some_and(|sp| sp.source == SpeakerSource::Context)
                {
                    QuoteKind::Partial
                } else if words <= 4 || speaker.is_none() {
                    speaker = None;
                    cue = None;
                    QuoteKind::Scare
                } else {
                    QuoteKind::Partial
                };
                if kind == QuoteKind::Scare {
                    speaker = None;
                }

                let index = quotes.len();
                let continues = if continuation { *chain_head } else { None };
                quotes.push(Quote {
                    span: rq.inner,
                    open: Some(rq.open),
                    close: rq.close,
                    kind,
                    zone,
                    depth: 0,
                    paragraph: pi,
                    continues,
                    speaker: speaker.clone(),
                    cue: cue.clone(),
                });
                record_of.insert(qi, index);
                // A quotation over several paragraphs is one speaker's: the cue of
                // a later paragraph gives the earlier ones that had none.
                if own_found
                    && let Some(h) = continues
                    && let Some(sp) = &speaker
                {
                    for q in &mut quotes[h..index] {
                        if q.depth == 0
                            && q.speaker.is_none()
                            && matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial)
                        {
                            q.speaker = Some(carried(sp.clone()));
                            q.cue = cue.clone();
                        }
                    }
                }
                if rq.runs_on {
                    if !continuation {
                        *chain_head = Some(index);
                    }
                } else if !continuation || rq.close.is_some() {
                    *chain_head = None;
                }
                if let Some(sp) = speaker
                    && kind != QuoteKind::Scare
                {
                    sentence_speaker = Some((sp.clone(), cue.clone()));
                    para_speaker = Some((sp, cue));
                }
            }
        }
    }

    /// The person the sentences before `s` are about, for a quotation that opens
    /// sentence `s` with no cue: the subject of the nearest of the two sentences
    /// before it in the paragraph (or of the previous paragraph's last sentence),
    /// when it is a person the article has named, or a pronoun standing for one.
    /// A sentence with a quotation, a passive subject ("Smith was arrested") or
    /// a subject that is not a person ends the search.
    fn context_speaker(
        &self,
        pi: usize,
        paras: &[ParaToks],
        s: usize,
        at: usize,
    ) -> Option<Speaker> {
        let p = &paras[pi];
        let mut candidates: Vec<(&ParaToks, (usize, usize))> = p
            .sentences
            .iter()
            .rev()
            .filter(|(_, e)| *e <= s)
            .take(2)
            .map(|&b| (p, b))
            .collect();
        if candidates.is_empty() {
            let prev = paras.get(pi.checked_sub(1)?)?;
            candidates.extend(prev.sentences.iter().rev().take(2).map(|&b| (prev, b)));
        }
        for (para, (ps, pe)) in candidates {
            let toks = &para.toks;
            // A sentence of quotation has its own speaker, carried on by the
            // caller; one with a fragment quoted inside is still about its subject.
            if matches!(toks[ps].kind, TokKind::Quote(_))
                || toks[ps..pe]
                    .iter()
                    .filter(|t| matches!(t.kind, TokKind::Quote(_)))
                    .count()
                    > 1
            {
                return None;
            }
            // "And he is scathing of …": the conjunction is no subject.
            let start = if ps + 1 < pe
                && toks[ps].is_word()
                && matches!(toks[ps].lower(), "and" | "but" | "so" | "yet")
            {
                ps + 1
            } else {
                ps
            };
            // "The 31-year-old insisted …": an age for the person in view.
            let age = start + 2 < pe
                && toks[start].lower() == "the"
                && toks[start + 1].lower().ends_with("year-old");
            let subject = if age {
                self.analyse(toks, start, start + 2).map(|who| Phrase {
                    span: Span::new(toks[start].span.start, toks[start + 1].span.end),
                    who,
                })
            } else {
                self.sentence_subject(toks, start, pe)
            };
            let Some(phrase) = subject else {
                continue;
            };
            // "Scott's niece shouted": the possessor is not the subject.
            if toks[ps..pe]
                .iter()
                .any(|t| t.span.end == phrase.span.end && t.is_possessive())
            {
                return None;
            }
            let after = toks[ps..pe]
                .iter()
                .position(|t| t.span.start >= phrase.span.end)
                .map_or(pe, |k| ps + k);
            let passive = toks[after..pe.min(after + 3)].windows(2).any(|w| {
                w[0].is_word()
                    && matches!(
                        w[0].lower(),
                        "is" | "was" | "were" | "are" | "been" | "being"
                    )
                    && w[1].is_word()
                    && w[1].lower() != "asked"
                    && (w[1].lower().ends_with("ed") || w[1].lower().ends_with("en"))
            });
            if passive {
                return None;
            }
            let sp = match &phrase.who {
                // "Clubs have seen …": one capitalised word the register does not
                // know is a sentence's first word, not a person.
                Who::Name {
                    name, single: true, ..
                } if !self.by_key.contains_key(&name.to_lowercase()) => continue,
                Who::Name {
                    name,
                    organisation: false,
                    ..
                } => {
                    let v = self.by_key.get(&name.to_lowercase())?;
                    let person = self.most_salient_of(v, at)?;
                    Speaker {
                        name: self.people[person].name.clone(),
                        mention: Some(phrase.span),
                        anonymous: false,
                        source: SpeakerSource::Context,
                        entity: EntityKind::Person,
                        person: Some(person),
                    }
                }
                Who::Pronoun(pr) if pr != "it" && pr != "they" => {
                    let mut sp = self.resolve_pronoun(pr, at)?;
                    sp.mention = Some(phrase.span);
                    sp.source = SpeakerSource::Context;
                    sp
                }
                // "The 31-year-old insisted …": the person in view.
                Who::Descriptor {
                    text,
                    head,
                    definite: true,
                    ..
                } if text.ends_with("year-old") => {
                    let mut sp = self.resolve_description(text, head, at)?;
                    sp.mention = Some(phrase.span);
                    sp.source = SpeakerSource::Context;
                    sp
                }
                _ => return None,
            };
            return (sp.entity == EntityKind::Person).then_some(sp);
        }
        None
    }

    /// The speaker of the last sentence before `s` in a paragraph whose cue has a
    /// subject ("…, Schiff said. “…”").
    fn earlier_cue_in_paragraph(
        &mut self,
        toks: &[Tok],
        sentences: &[(usize, usize)],
        s: usize,
        at: usize,
    ) -> Option<(Speaker, Option<Cue>)> {
        let &(ps, pe) = sentences.iter().rev().find(|(_, e)| *e <= s)?;
        if toks[ps..pe]
            .iter()
            .any(|t| matches!(t.kind, TokKind::Quote(_)))
        {
            return None;
        }
        for j in (ps..pe).rev() {
            if let Some((ce, CueKind::Speech)) = self.cue_at(toks, j, pe) {
                // "Peter Knight says firms reported …": a cue inside the
                // reported words names nobody; the search goes on to the one before.
                let Some(phrase) = self.phrase_before(toks, j, ps).or_else(|| {
                    (j == ps || toks[j - 1].is_punct(','))
                        .then(|| self.phrase_after(toks, ce, pe))
                        .flatten()
                }) else {
                    continue;
                };
                if !matches!(phrase.who, Who::Name { .. } | Who::Pronoun(_)) {
                    continue;
                }
                let (span, _) = self.cue_span(toks, j, ce, pe);
                let Some(sp) = self.resolve(&phrase, at) else {
                    continue;
                };
                return Some((
                    sp,
                    Some(Cue {
                        text: span.slice(self.text).to_string(),
                        span,
                    }),
                ));
            }
        }
        None
    }

    /// For a paragraph that opens with a quotation and names nobody: the speaker
    /// introduced at the end of the previous paragraph ("X said:"), or the speaker
    /// of the previous paragraph's quotation.
    fn previous_speaker(
        &mut self,
        pi: usize,
        paras: &[ParaToks],
        quotes: &[Quote],
    ) -> Option<(Speaker, Option<Cue>)> {
        let prev = paras.get(pi.checked_sub(1)?)?;
        if prev.toks.last().is_some_and(|t| t.is_punct(':')) {
            let (s, e) = *prev.sentences.last()?;
            let colon = e - 1;
            let mut j = colon;
            while j > s {
                j -= 1;
                if let Some((ce, CueKind::Speech)) = self.cue_at(prev.toks, j, colon) {
                    let (span, _) = self.cue_span(prev.toks, j, ce, colon);
                    let phrase = self.phrase_before(prev.toks, j, s)?;
                    let at = phrase.span.start;
                    let sp = self.resolve(&phrase, at)?;
                    self.remember_speaker(at, &sp);
                    return Some((
                        sp,
                        Some(Cue {
                            text: span.slice(self.text).to_string(),
                            span,
                        }),
                    ));
                }
            }
        }
        let last = quotes
            .iter()
            .rev()
            .find(|q| q.depth == 0 && q.kind != QuoteKind::Scare);
        let gap_ok = last.is_some_and(|l| l.paragraph + 1 == pi);
        let prev_is_narrative_only = prev.quotes.is_empty();
        if !gap_ok || prev_is_narrative_only {
            // "… Mr Bannister said. He said if …" ⏎ “I think …”: the speaker of
            // the reported speech that ends the paragraph before.
            let at = paras[pi].span.start;
            let (ps, pe) = *prev.sentences.last()?;
            let sentences = [(ps, pe)];
            let (sp, cue) = self.earlier_cue_in_paragraph(prev.toks, &sentences, pe, at)?;
            return (sp.entity == EntityKind::Person).then(|| (carried(sp), cue));
        }
        let last = last?;
        let sp = last.speaker.clone()?;
        let _ = prev.span;
        Some((carried(sp), last.cue.clone()))
    }
}

/// White space folded to single spaces.
fn squash(s: &str) -> String {
    // ASCII with single spaces inside and none at the ends: as it is. One pass.
    let mut after_space = true;
    let mut plain = true;
    for &c in s.as_bytes() {
        if c == b' ' {
            if after_space {
                plain = false;
                break;
            }
            after_space = true;
        } else if c >= 0x80 || matches!(c, b'\t'..=b'\r') {
            plain = false;
            break;
        } else {
            after_space = false;
        }
    }
    if plain && !after_space {
        return s.to_string();
    }
    let single = !s.contains("  ") && !s.contains(|c: char| c.is_whitespace() && c != ' ');
    if single && s.trim() == s {
        return s.to_string();
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The byte ranges of the first word of `key` and of its last when it has
/// several, cut as `split_whitespace` cuts them. A `plain` key (a borrowed one,
/// see `Extractor::name_key`) is cut at single spaces, in one pass over the
/// bytes.
fn name_words(k: &str, plain: bool) -> (Range<usize>, Option<Range<usize>>) {
    match plain {
        true => {
            let mut first = k.len();
            let mut last = None;
            for (i, &c) in k.as_bytes().iter().enumerate() {
                if c == b' ' {
                    first = first.min(i);
                    last = Some(i + 1..k.len());
                }
            }
            (0..first, last)
        }
        false => {
            let range = |w: &str| {
                let at = w.as_ptr() as usize - k.as_ptr() as usize;
                at..at + w.len()
            };
            let mut words = k.split_whitespace();
            let Some(first) = words.next() else {
                return (0..0, None);
            };
            let last = words.next_back().unwrap_or(first);
            (range(first), (last.len() != k.len()).then(|| range(last)))
        }
    }
}

/// A word without its trailing dots ("Dr." as "Dr").
#[inline]
fn trim_dots(w: &str) -> &str {
    let n = w.len() - w.bytes().rev().take_while(|&b| b == b'.').count();
    // A dot is one byte: the cut is at a character boundary.
    &w[..n]
}

/// No lower-case letter in `w` ("BBC", "G.K").
#[inline]
fn no_lowercase(w: &str) -> bool {
    for &b in w.as_bytes() {
        if b.is_ascii_lowercase() {
            return false;
        }
        if !b.is_ascii() {
            return w.chars().all(|c| !c.is_lowercase());
        }
    }
    true
}

/// "J", "G.K", "F": initials, not an acronym.
fn is_initials(w: &str) -> bool {
    if w.is_ascii() {
        let b = w.as_bytes();
        let letters = b.iter().filter(|c| c.is_ascii_alphabetic()).count();
        return letters == 1
            || (b.contains(&b'.') && b.split(|&c| c == b'.').all(|p| p.len() <= 1));
    }
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters == 1 || (w.contains('.') && w.split('.').all(|p| p.chars().count() <= 1))
}

fn carried(mut s: Speaker) -> Speaker {
    s.source = SpeakerSource::CarriedOver;
    s
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueKind {
    Speech,
    Noun,
    Prepositional,
}
