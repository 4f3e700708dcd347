//! Claims: reported speech without quotation marks.
//!
//! Runs once quotations have their speakers (a child module of `extract`, so that
//! it reuses the extractor's speaker phrases and resolution). For each narrative
//! sentence of the body it looks for one of these shapes, each with a source phrase
//! resolved as a quotation speaker is (names, pronouns, descriptions, anonymous
//! sources, organisations, documents):
//!
//! - source, cue, content: "Momentum now claims that …", "He said the plan had
//!   failed", "told party activists to prepare …", "which they said could be used …";
//! - content, source and cue at the end: "The plan had failed, he said." or
//!   "…, said Mr Lansman.";
//! - "according to X" before, after or in the middle of its content (one claim
//!   per part).
//!
//! A claim's span is the reported content (a leading "that" excluded). Content that
//! holds a quotation is the quotation's business and makes no claim: a paraphrase
//! with a quoted fragment is a mixed attribution, recorded as the fragment with the
//! source (the quote extractor gives it the cue's speaker), so claims never overlap
//! quotation records. Cue words live in `rules/lexicon/claims.toml`.
//!
//! Cost: one pass over each sentence's tokens, looking words up in hash sets; no
//! allocation unless a claim is found.

use super::{Extractor, ParaToks, Phrase, Who};
use crate::model::{Cue, EntityKind, Gender, Quote, QuoteKind, Speaker, SpeakerSource, Zone};
use crate::parse::tokens::{Tok, TokKind};
use crate::span::Span;
use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;
use std::sync::OnceLock;

const CLAIMS: &str = include_str!("../rules/lexicon/claims.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimsFile {
    bare: Vec<String>,
    that: Vec<String>,
    tell: Vec<String>,
    object: Vec<String>,
    participles: Vec<String>,
    according: Vec<String>,
    no_content: Vec<String>,
    groups: Vec<String>,
    between: Vec<String>,
    next_act: Vec<String>,
    openers: Vec<String>,
    clause_openers: Vec<String>,
    colon_sources: Vec<String>,
    infinitive: Vec<String>,
}

/// The claim cues, as sets of single words and lists of multi-word phrases.
struct ClaimCues {
    /// Every single-word cue with its class, and whether it opens multi-word
    /// ones: one look-up a word.
    verbs: VerbMap,
    /// Multi-word cues ("pointed out", "called for") by their first word (an
    /// entry's `multi`), as words, longest first.
    multi: Vec<Vec<(Vec<String>, Cv)>>,
    /// Participles that open a source's further claim after a comma (", saying
    /// …", ", calling for …"), by first word (an entry's `part`), longest first.
    participles: Vec<Vec<Vec<String>>>,
    according: Vec<Vec<String>>,
    no_content: HashSet<String>,
    groups: HashSet<String>,
    between: HashSet<String>,
    next_act: HashSet<String>,
    openers: HashSet<String>,
    clause_openers: HashSet<String>,
    colon_sources: HashSet<String>,
    /// Intentions whose content is only an infinitive ("wants to …").
    infinitive: HashSet<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Cv {
    Bare,
    That,
    Tell,
    /// Stances and intentions whose content is an object or an infinitive
    /// ("called for a moratorium", "wants to sign up", "criticized the plan").
    Object,
}

#[derive(Clone, Copy, Default)]
struct Entry {
    single: Option<Cv>,
    /// Index in `ClaimCues::multi` of the multi-word cues this word opens.
    multi: Option<u32>,
    /// Index in `ClaimCues::participles` of the participle cues this word opens.
    part: Option<u32>,
}

/// The single-word cues, for the one look-up each word of a sentence gets.
///
/// First a bit filter on the word's first and last bytes and its length (three
/// loads, one multiplication): cue words, in all their forms, share these with
/// one word of a text in twenty or so, and the rest are turned away with a
/// branch that is nearly always taken the same way. (Separate first- and
/// last-byte tables let half the words through to a string hash map, with a
/// branch that was not predictable.) What passes probes an open-addressed table
/// whose keys are the words themselves as integers: a word of up to 16 bytes is
/// exactly its first and last eight bytes (four, or three single bytes, when
/// shorter) and its length, so no string is hashed or compared.
struct VerbMap {
    /// One bit a hash of (first byte, last byte, length), set for every cue word.
    filter: Box<[u64; 512]>,
    /// Open addressing, linear probing: 0 is empty, else 1 + an index into
    /// `keys` and `entries`.
    slots: Box<[u16]>,
    keys: Vec<Key>,
    entries: Vec<Entry>,
    /// Cue words longer than a key holds (none in the shipped lexicon), to
    /// their index in `entries`.
    long: rustc_hash::FxHashMap<String, usize>,
}

/// The bit of `VerbMap::filter` for a word (none for the empty word, which no
/// cue is): a hash of its first and last bytes and its length.
#[inline(always)]
fn filter_bit(w: &str) -> Option<usize> {
    let b = w.as_bytes();
    let (&first, &last) = (b.first()?, b.last()?);
    let x = u64::from(first) | u64::from(last) << 8 | (b.len() as u64 & 63) << 16;
    Some((x.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 49) as usize)
}

/// A word of 1 to 16 bytes, exactly: see `VerbMap`.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Key {
    head: u64,
    tail: u64,
    len: usize,
}

impl Key {
    #[inline]
    fn of(w: &str) -> Option<Key> {
        let b = w.as_bytes();
        let len = b.len();
        let u64_at = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or_default());
        let u32_at = |i: usize| {
            u64::from(u32::from_le_bytes(
                b[i..i + 4].try_into().unwrap_or_default(),
            ))
        };
        let (head, tail) = match len {
            8..=16 => (u64_at(0), u64_at(len - 8)),
            4..=7 => (u32_at(0), u32_at(len - 4)),
            1..=3 => (
                u64::from(b[0]) | u64::from(b[len / 2]) << 8 | u64::from(b[len - 1]) << 16,
                0,
            ),
            _ => return None,
        };
        Some(Key { head, tail, len })
    }

    #[inline]
    fn hash(&self) -> u64 {
        let x = u128::from(self.head ^ 0x243f_6a88_85a3_08d3)
            * u128::from(self.tail ^ 0x1319_8a2e_0370_7344 ^ (self.len as u64) << 56);
        (x as u64) ^ ((x >> 64) as u64)
    }
}

impl VerbMap {
    #[cold]
    fn find_long(&self, w: &str) -> Option<usize> {
        if self.long.is_empty() {
            None
        } else {
            self.long.get(w).copied()
        }
    }

    fn new(map: rustc_hash::FxHashMap<String, Entry>) -> Self {
        // A table at most a quarter full: a miss that passes the filter ends
        // at an empty slot soon.
        let size = (map.len() * 4).next_power_of_two().max(64);
        let mut v = VerbMap {
            filter: Box::new([0; 512]),
            slots: vec![0; size].into_boxed_slice(),
            keys: Vec::new(),
            entries: Vec::new(),
            long: Default::default(),
        };
        // In a fixed order, so that the table is the same from run to run.
        let mut words: Vec<(String, Entry)> = map.into_iter().collect();
        words.sort_by(|a, b| a.0.cmp(&b.0));
        for (w, en) in words {
            if let Some(bit) = filter_bit(&w) {
                v.filter[bit >> 6] |= 1 << (bit & 63);
            }
            let Some(k) = Key::of(&w).filter(|_| w.len() <= 16) else {
                // (Its key, never a word's, keeps `keys` beside `entries`.)
                v.long.insert(w, v.entries.len());
                v.keys.push(Key {
                    head: 0,
                    tail: 0,
                    len: 0,
                });
                v.entries.push(en);
                continue;
            };
            let h = k.hash();
            let mut i = h as usize & (size - 1);
            while v.slots[i] != 0 {
                i = (i + 1) & (size - 1);
            }
            v.slots[i] = u16::try_from(v.entries.len() + 1).expect("fewer than 65,535 cue words");
            v.keys.push(k);
            v.entries.push(en);
        }
        v
    }

    #[inline(always)]
    fn get(&self, w: &str) -> Option<&Entry> {
        self.find(w).map(|x| &self.entries[x])
    }

    /// The index in `entries` of a word's entry.
    #[inline(always)]
    fn find(&self, w: &str) -> Option<usize> {
        let bit = filter_bit(w)?;
        if self.filter[bit >> 6] & (1 << (bit & 63)) == 0 {
            return None;
        }
        if w.len() > 16 {
            return self.find_long(w);
        }
        let k = Key::of(w)?;
        let h = k.hash();
        let mask = self.slots.len() - 1;
        let mut i = h as usize & mask;
        loop {
            let s = self.slots[i] as usize;
            if s == 0 {
                return None;
            }
            if self.keys[s - 1] == k {
                return Some(s - 1);
            }
            i = (i + 1) & mask;
        }
    }
}

fn cues() -> &'static ClaimCues {
    static CUES: OnceLock<ClaimCues> = OnceLock::new();
    CUES.get_or_init(|| {
        let f: ClaimsFile = toml::from_str(CLAIMS).expect("rules/lexicon/claims.toml parses");
        let single = |v: &[String]| -> HashSet<String> {
            v.iter()
                .filter(|w| !w.contains(' '))
                .map(|w| w.to_lowercase())
                .collect()
        };
        let multi = |v: &[String]| -> Vec<Vec<String>> {
            v.iter()
                .filter(|w| w.contains(' '))
                .map(|w| w.to_lowercase().split(' ').map(str::to_string).collect())
                .collect()
        };
        let mut multi_cues: Vec<Vec<(Vec<String>, Cv)>> = Vec::new();
        let mut part_cues: Vec<Vec<Vec<String>>> = Vec::new();
        ClaimCues {
            verbs: {
                let mut m: rustc_hash::FxHashMap<String, Entry> = Default::default();
                // "tell" last: "warned officials to …" takes an addressee.
                for (list, cv) in [
                    (&f.object, Cv::Object),
                    (&f.infinitive, Cv::Object),
                    (&f.that, Cv::That),
                    (&f.bare, Cv::Bare),
                    (&f.tell, Cv::Tell),
                ] {
                    for w in single(list) {
                        m.entry(w).or_default().single = Some(cv);
                    }
                }
                for (list, cv) in [(&f.that, Cv::That), (&f.object, Cv::Object)] {
                    for p in multi(list) {
                        let e = m.entry(p[0].clone()).or_default();
                        let i = *e.multi.get_or_insert(multi_cues.len() as u32) as usize;
                        if i == multi_cues.len() {
                            multi_cues.push(Vec::new());
                        }
                        multi_cues[i].push((p, cv));
                    }
                }
                for v in &mut multi_cues {
                    v.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
                }
                // "according" opens no verb cue, but lets a sentence past the gate.
                m.entry("according".to_string()).or_default();
                for p in &f.participles {
                    let words: Vec<String> =
                        p.to_lowercase().split(' ').map(str::to_string).collect();
                    let e = m.entry(words[0].clone()).or_default();
                    let i = *e.part.get_or_insert(part_cues.len() as u32) as usize;
                    if i == part_cues.len() {
                        part_cues.push(Vec::new());
                    }
                    part_cues[i].push(words);
                }
                for v in &mut part_cues {
                    v.sort_by_key(|p| std::cmp::Reverse(p.len()));
                }
                VerbMap::new(m)
            },
            multi: std::mem::take(&mut multi_cues),
            participles: std::mem::take(&mut part_cues),
            according: multi(&f.according)
                .into_iter()
                .chain(single(&f.according).into_iter().map(|w| vec![w]))
                .collect(),
            no_content: single(&f.no_content),
            groups: single(&f.groups),
            between: single(&f.between),
            next_act: single(&f.next_act),
            openers: single(&f.openers),
            clause_openers: single(&f.clause_openers),
            colon_sources: single(&f.colon_sources),
            infinitive: single(&f.infinitive),
        }
    })
}

impl ClaimCues {
    /// The claim cue starting at `toks[i]`: its end token and class.
    fn verb_at(&self, toks: &[Tok], i: usize, e: usize) -> Option<(usize, Cv)> {
        let t = &toks[i];
        if !t.is_word() {
            return None;
        }
        self.verb_in(toks, i, e, self.verbs.get(t.lower())?)
    }

    /// `verb_at` for a cue position of `Hits::cues`: with the entry the gate
    /// kept, no look-up.
    fn verb_hit(
        &self,
        toks: &[Tok],
        (i, x): (usize, Option<u16>),
        e: usize,
    ) -> Option<(usize, Cv)> {
        match x {
            Some(x) => self.verb_in(toks, i, e, &self.verbs.entries[x as usize]),
            None => self.verb_at(toks, i, e),
        }
    }

    /// `verb_at` for a word already looked up.
    fn verb_in(&self, toks: &[Tok], i: usize, e: usize, entry: &Entry) -> Option<(usize, Cv)> {
        if let Some(mi) = entry.multi {
            for (p, cv) in &self.multi[mi as usize] {
                if i + p.len() <= e
                    && p.iter()
                        .zip(&toks[i..])
                        .all(|(w, t)| t.is_word() && t.lower() == w)
                {
                    return Some((i + p.len(), *cv));
                }
            }
        }
        entry.single.map(|cv| (i + 1, cv))
    }

    /// The participle cue (", saying", ", calling for") starting at `toks[i]`:
    /// its end token.
    fn participle_at(&self, toks: &[Tok], i: usize, e: usize) -> Option<usize> {
        let t = &toks[i];
        if !t.is_word() {
            return None;
        }
        self.participle_in(toks, i, e, self.verbs.get(t.lower())?)
    }

    /// `participle_at` for a word already looked up.
    fn participle_in(&self, toks: &[Tok], i: usize, e: usize, entry: &Entry) -> Option<usize> {
        phrase_at(&self.participles[entry.part? as usize], toks, i, e)
    }

    /// `participle_at` for a cue position of `Hits::cues`.
    fn participle_hit(
        &self,
        toks: &[Tok],
        (i, x): (usize, Option<u16>),
        e: usize,
    ) -> Option<usize> {
        match x {
            Some(x) => self.participle_in(toks, i, e, &self.verbs.entries[x as usize]),
            None => self.participle_at(toks, i, e),
        }
    }

    fn according_at(&self, toks: &[Tok], i: usize, e: usize) -> Option<usize> {
        let t = &toks[i];
        if !t.is_word() || t.lower() != "according" {
            return None;
        }
        phrase_at(&self.according, toks, i, e)
    }
}

/// The end token of the first of `phrases` (lower-case words, longest first)
/// that the words from `toks[i]` spell, within the sentence ending at `e`.
fn phrase_at(phrases: &[Vec<String>], toks: &[Tok], i: usize, e: usize) -> Option<usize> {
    phrases
        .iter()
        .find(|p| {
            i + p.len() <= e
                && p.iter()
                    .zip(&toks[i..])
                    .all(|(w, t)| t.is_word() && t.lower() == w)
        })
        .map(|p| i + p.len())
}

/// A claim found in a sentence, before resolution.
struct Found {
    content: (usize, usize),
    cue: Span,
    phrase: Phrase,
}

/// Find the claims of every body paragraph and add them to `quotes` as
/// `QuoteKind::Indirect` records.
pub(super) fn find(
    ex: &mut Extractor,
    paras: &[ParaToks],
    zones: &[Zone],
    quotes: &mut Vec<Quote>,
) {
    let cues = cues();
    let mut found: Vec<(usize, Found)> = Vec::new();
    for (pi, p) in paras.iter().enumerate() {
        if !matches!(zones.get(pi), Some(Zone::Body | Zone::Headline)) {
            continue;
        }
        let toks = &p.toks;
        for &(s, e) in &p.sentences {
            // Trim the sentence's closing punctuation.
            let mut end = e;
            while end > s && toks[end - 1].kind == TokKind::Punct {
                end -= 1;
            }
            if end <= s + 2 {
                continue;
            }
            if zones[pi] == Zone::Headline
                && let Some(f) = headline_colon(ex, cues, toks, s, end)
            {
                found.push((pi, f));
                continue;
            }
            // A headline in title case ("Sanders Vows To Cut Tax Breaks"): its
            // cue words are capitalised like every other word.
            let title = zones[pi] == Zone::Headline && {
                let words = toks[s..end].iter().filter(|t| t.is_word());
                let (n, caps) =
                    words.fold((0, 0), |(n, c), t| (n + 1, c + t.is_capitalised() as usize));
                n >= 4 && caps * 5 >= n * 4
            };
            sentence_claims(ex, cues, toks, (s, end), title, &mut |f| {
                found.push((pi, f))
            });
        }
    }
    // Claims are resolved after every quotation: the speakers list is complete, so
    // a backward search from its end per claim would be quadratic in a long
    // article. When it is in text order (it is, as extraction goes paragraph by
    // paragraph), `resolve` starts at the claim's place instead.
    let sorted = ex.speakers.is_sorted_by_key(|s| s.0);
    for (pi, f) in found {
        let zone = zones[pi];
        let toks = &paras[pi].toks;
        let (a, b) = f.content;
        let span = Span::new(toks[a].span.start, toks[b - 1].span.end);
        let Some(speaker) = resolve(ex, &f.phrase, span.start, sorted) else {
            continue;
        };
        quotes.push(Quote {
            span,
            open: None,
            close: None,
            kind: QuoteKind::Indirect,
            zone,
            depth: 0,
            paragraph: pi,
            continues: None,
            speaker: Some(speaker),
            cue: Some(Cue {
                text: f.cue.slice(ex.text).to_string(),
                span: f.cue,
            }),
        });
    }
}

/// "Poll: Voters abandon the party": a headline whose label, a document or
/// survey (`colon_sources`), is the source of what follows the colon.
fn headline_colon(
    ex: &Extractor,
    cues: &ClaimCues,
    toks: &[Tok],
    s: usize,
    e: usize,
) -> Option<Found> {
    let colon = (s + 1..e.min(s + 4)).find(|&k| toks[k].is_punct(':'))?;
    let head = &toks[colon - 1];
    if !toks[s..colon]
        .iter()
        .all(|t| t.is_word() && t.is_capitalised())
        || !cues.colon_sources.contains(head.lower())
        || !content_ok(toks, colon + 1, e)
    {
        return None;
    }
    let span = Span::new(toks[s].span.start, head.span.end);
    Some(Found {
        content: (colon + 1, e),
        cue: toks[colon].span,
        phrase: Phrase {
            span,
            who: Who::Descriptor {
                text: span.slice(ex.text).to_string(),
                head: head.lower().to_string(),
                definite: false,
                anonymous: false,
                entity: EntityKind::Document,
            },
        },
    })
}

/// Resolve a source phrase without adding people to the register: a single
/// unknown capitalised word ("Momentum") stays a name of its own. `sorted`: the
/// extractor's speakers are in order of offset.
fn resolve(ex: &mut Extractor, phrase: &Phrase, at: usize, sorted: bool) -> Option<Speaker> {
    let groups = &cues().groups;
    // "Analysts said", "Critics say": a group, however capitalised.
    let group_head = match &phrase.who {
        Who::Name {
            name, single: true, ..
        } => Some(name.to_lowercase()),
        Who::Descriptor { head, .. } => Some(head.clone()),
        _ => None,
    }
    .filter(|h| groups.contains(h.as_str()));
    if let Some(h) = group_head {
        let text = phrase.span.slice(ex.text);
        let definite = text
            .get(..4)
            .is_some_and(|t| t.eq_ignore_ascii_case("the "));
        return Some(Speaker {
            name: squash_ws(text),
            mention: Some(phrase.span),
            anonymous: ex.lex.anonymous_heads.contains(h.as_str()) && !definite,
            source: SpeakerSource::Named,
            entity: EntityKind::Group,
            person: None,
        });
    }
    if let Who::Name {
        name,
        single: true,
        organisation,
    } = &phrase.who
        && !ex.by_key.contains_key(&name.to_lowercase())
    {
        return Some(Speaker {
            name: name.clone(),
            mention: Some(phrase.span),
            anonymous: false,
            source: SpeakerSource::Named,
            entity: if *organisation {
                EntityKind::Organisation
            } else {
                EntityKind::Person
            },
            person: None,
        });
    }
    if let Who::Pronoun(p) = &phrase.who
        && matches!(p.as_str(), "i" | "we" | "you" | "me" | "us")
    {
        return None;
    }
    // "He argued that …" after a quoted speaker: the speaker, not the last man
    // named (reported speech usually continues the person just quoted).
    if let Who::Pronoun(p) = &phrase.who {
        let want = if ex.lex.pronouns_male.contains(p.as_str()) {
            Some(Gender::Male)
        } else if ex.lex.pronouns_female.contains(p.as_str()) {
            Some(Gender::Female)
        } else {
            None
        };
        // In offset order, only the speakers from `at` back over the 1,500-byte
        // window can match, the latest first: the same one the full search finds.
        let candidates = if sorted {
            let upto = ex.speakers.partition_point(|(pos, _, _)| *pos <= at);
            let from = ex.speakers[..upto].partition_point(|(pos, _, _)| at - *pos >= 1500);
            &ex.speakers[from..upto]
        } else {
            &ex.speakers[..]
        };
        if let Some(g) = want
            && let Some((_, s, _)) = candidates.iter().rev().find(|(pos, s, _)| {
                *pos <= at
                    && at - *pos < 1500
                    && s.person.is_some_and(|pi| {
                        let pg = ex.people[pi].gender;
                        pg == g || pg == Gender::Unknown
                    })
            })
        {
            let mut sp = s.clone();
            sp.mention = Some(phrase.span);
            sp.source = SpeakerSource::Pronoun;
            return Some(sp);
        }
    }
    let mut sp = ex.resolve(phrase, at)?;
    // "the source added": still the anonymous source of before.
    if let Who::Descriptor { head, .. } = &phrase.who
        && sp.person.is_none()
        && ex.lex.anonymous_heads.contains(head.as_str())
        && sp.entity == EntityKind::Group
    {
        sp.anonymous = true;
    }
    Some(sp)
}

fn squash_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Does the word at `i`, right after a cue, show that no reported clause
/// follows ("said so", "said no", "said little about")?
fn no_content_at(cues: &ClaimCues, toks: &[Tok], i: usize) -> bool {
    let l = toks[i].lower();
    if !cues.no_content.contains(l) {
        return false;
    }
    // A quantifier opens content when a word of content follows it ("said no
    // decision had been made", "called for more investment").
    !(matches!(l, "no" | "more" | "much" | "little" | "enough")
        && toks.get(i + 1).is_some_and(|n| {
            n.is_word() && n.lower() != "comment" && !cues.no_content.contains(n.lower())
        }))
}

fn is_dash(t: &Tok) -> bool {
    t.kind == TokKind::Punct && matches!(t.text, "-" | "–" | "—")
}

fn is_quote(t: &Tok) -> bool {
    matches!(t.kind, TokKind::Quote(_))
}

/// Is `toks[a..b]` reported content: enough narrative words, not just a quotation?
fn content_ok(toks: &[Tok], a: usize, b: usize) -> bool {
    content_ok_min(toks, a, b, 3)
}

/// `content_ok` with at least `min` words (an object may be two: "the complaint").
fn content_ok_min(toks: &[Tok], a: usize, b: usize, min: usize) -> bool {
    if b <= a || !(toks[a].is_word() || toks[a].is_punct('$')) {
        return false;
    }
    // "Erin Murphy, a former aide, …": a name and its apposition, the source of
    // an inverted cue rather than content.
    if toks[a].is_capitalised()
        && let Some(n) = (a..b.min(a + 5)).find(|&k| !toks[k].is_capitalised())
        && n > a
        && toks[n].is_punct(',')
        && (n > a + 1 || toks.get(n + 1).is_some_and(|t| !t.is_capitalised()))
    {
        return false;
    }
    let words = toks[a..b].iter().filter(|t| t.is_word()).count();
    if words < min {
        return false;
    }
    // Content holding a quotation is a mixed attribution: the quotation is the
    // record (its fragment carries the source), not a claim beside it.
    !toks[a..b].iter().any(is_quote)
}

fn sentence_claims(
    ex: &Extractor,
    cues: &ClaimCues,
    toks: &[Tok],
    (s, e): (usize, usize),
    title: bool,
    out: &mut dyn FnMut(Found),
) {
    // Most sentences report nobody: one look-up a word, and out. The words
    // found are kept, so that nothing after looks a word up twice, and so are
    // the commas, which every shape below looks for.
    let mut hits = Hits::default();
    for (i, t) in toks[s..e].iter().enumerate() {
        if !t.is_word() {
            if t.is_punct(',') {
                hits.comma(s + i);
            }
            continue;
        }
        if let Some(x) = cues.verbs.find(t.lower()) {
            hits.push(s + i, x, &cues.verbs.entries[x]);
        }
    }
    if hits.n == 0 && !hits.overflow {
        return;
    }
    hits.title = title;
    let hits = &hits;
    // "according to X" anywhere.
    for i in hits.positions(s, e).filter(|_| hits.according) {
        let Some(ae) = cues.according_at(toks, i, e) else {
            continue;
        };
        // The source runs to the next comma or the sentence end.
        let comma = (ae..e).find(|&k| toks[k].is_punct(',')).unwrap_or(e);
        let Some(mut phrase) = ex.phrase_after(toks, ae, comma) else {
            return;
        };
        // "according to an analysis by Lily Batchelder": the author.
        if matches!(phrase.who, Who::Descriptor { .. })
            && let Some(by) =
                (ae + 1..comma.min(ae + 5)).find(|&k| toks[k].is_word() && toks[k].lower() == "by")
            && let Some(p) = ex.phrase_after(toks, by + 1, comma)
            && matches!(p.who, Who::Name { .. })
        {
            phrase = p;
        }
        if toks[ae..comma].iter().any(is_quote) {
            return;
        }
        let cue = Span::new(toks[i].span.start, toks[ae - 1].span.end);
        let before_ok = i > s && toks[i - 1].is_punct(',');
        if i == s || (i == s + 1 && toks[s].is_word()) {
            // "According to X, content."; "According to X, a former aide,
            // content.": past the person's apposition.
            let mut from = comma + 1;
            if matches!(
                phrase.who,
                Who::Name {
                    organisation: false,
                    ..
                }
            ) && toks
                .get(from)
                .is_some_and(|t| t.is_word() && !t.is_capitalised())
                && let Some(c2) = (from + 1..e.min(from + 16)).find(|&k| toks[k].is_punct(','))
            {
                from = c2 + 1;
            }
            if from < e && content_ok(toks, from, e) {
                out(Found {
                    content: (from, e),
                    cue,
                    phrase,
                });
            }
        } else if before_ok {
            // "…, about why the other side is wrong - which it often is,
            // according to X": the part after the last dash.
            let from = (s..i - 1)
                .rev()
                .find(|&k| {
                    toks[k].kind == TokKind::Punct && matches!(toks[k].text, "-" | "–" | "—")
                })
                .map_or(s, |k| k + 1);
            let pre = (from, i - 1);
            if content_ok(toks, pre.0, pre.1) {
                out(Found {
                    content: pre,
                    cue,
                    phrase: phrase.clone(),
                });
            }
            // "…, according to Craig Bryan, head of the centre": his title.
            let apposition = matches!(
                phrase.who,
                Who::Name {
                    organisation: false,
                    ..
                }
            ) && toks.get(comma + 1).is_some_and(|t| {
                t.is_word()
                    && !t.is_capitalised()
                    && (matches!(t.lower(), "a" | "an" | "the")
                        || ex.lex.titles.contains(t.lower()))
            });
            if comma < e && !apposition && content_ok(toks, comma + 1, e) {
                out(Found {
                    content: (comma + 1, e),
                    cue,
                    phrase,
                });
            }
        }
        return;
    }
    if parenthetical(ex, cues, toks, (s, e), hits, out) {
        return;
    }
    let prior = if let Some(f) = trailing(ex, cues, toks, s, e, hits) {
        let p = f.phrase.clone();
        out(f);
        Some(p)
    } else if let Some(f) = leading(ex, cues, toks, s, s + 1, e, hits) {
        let p = f.phrase.clone();
        // Further cues after the content: "Merrill says Machado promised … and
        // said she would …", "…, and has called for …".
        let mut next = f.content.1;
        out(f);
        for _ in 0..4 {
            let Some(f) = leading(ex, cues, toks, s, next, e, hits) else {
                break;
            };
            next = f.content.1.max(next + 1);
            out(f);
        }
        Some(p)
    } else {
        None
    };
    if hits.part {
        participle(ex, cues, toks, (s, e), hits, prior, out);
    }
}

/// The cue words of a sentence as the gate found them, with their entries (at
/// most 32; past that, every position), and its commas (at most 32; past that,
/// the tokens are searched).
#[derive(Default)]
struct Hits {
    pos: [u32; 32],
    /// Index in `VerbMap::entries` of the word at `pos[i]`.
    ent: [u16; 32],
    n: usize,
    overflow: bool,
    commas: [u32; 32],
    n_commas: usize,
    commas_overflow: bool,
    according: bool,
    part: bool,
    /// The sentence is a title-case headline: a capitalised word may be a cue.
    title: bool,
}

impl Hits {
    fn push(&mut self, i: usize, x: usize, en: &Entry) {
        if self.n < self.pos.len() {
            self.pos[self.n] = i as u32;
            self.ent[self.n] = x as u16;
            self.n += 1;
        } else {
            self.overflow = true;
        }
        self.part |= en.part.is_some();
        self.according |= en.single.is_none() && en.multi.is_none() && en.part.is_none();
    }

    fn comma(&mut self, i: usize) {
        if self.n_commas < self.commas.len() {
            self.commas[self.n_commas] = i as u32;
            self.n_commas += 1;
        } else {
            self.commas_overflow = true;
        }
    }

    /// Positions in `from..to` that may hold a cue, in order.
    fn positions(&self, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        self.cues(from, to).map(|(p, _)| p)
    }

    /// Positions in `from..to` that may hold a cue, in order, with the index of
    /// the word's entry when the gate kept it.
    fn cues(&self, from: usize, to: usize) -> impl Iterator<Item = (usize, Option<u16>)> + '_ {
        let all = if self.overflow { from..to } else { 0..0 };
        let kept = if self.overflow { 0 } else { self.n };
        self.pos[..kept]
            .iter()
            .zip(&self.ent)
            .map(|(&p, &x)| (p as usize, Some(x)))
            .filter(move |&(p, _)| p >= from && p < to)
            .chain(all.map(|p| (p, None)))
    }

    /// The first comma in `a..b` (within the sentence).
    fn comma_in(&self, toks: &[Tok], a: usize, b: usize) -> Option<usize> {
        if self.commas_overflow {
            return (a..b).find(|&k| toks[k].is_punct(','));
        }
        self.commas[..self.n_commas]
            .iter()
            .map(|&p| p as usize)
            .find(|&p| p >= a && p < b)
    }

    /// The last comma in `a..b` (within the sentence).
    fn last_comma_in(&self, toks: &[Tok], a: usize, b: usize) -> Option<usize> {
        if self.commas_overflow {
            return (a..b).rev().find(|&k| toks[k].is_punct(','));
        }
        self.commas[..self.n_commas]
            .iter()
            .rev()
            .map(|&p| p as usize)
            .find(|&p| p >= a && p < b)
    }
}

/// "…, saying the plan had failed", "…, calling for a recount": a further claim
/// of the sentence's source (the source of the claim before it, or the
/// sentence's named subject: "Mr Trump defended his tweets, saying …").
fn participle(
    ex: &Extractor,
    cues: &ClaimCues,
    toks: &[Tok],
    (s, e): (usize, usize),
    hits: &Hits,
    mut prior: Option<Phrase>,
    out: &mut dyn FnMut(Found),
) {
    let mut done = 0;
    for h in hits.cues(s + 3, e) {
        let p = h.0;
        let k = p - 1;
        if k < done || k + 4 >= e || !toks[k].is_punct(',') {
            continue;
        }
        let Some(pe) = cues.participle_hit(toks, h, e) else {
            continue;
        };
        let mut c = pe;
        if toks[c].is_word() && toks[c].lower() == "that" {
            c += 1;
        }
        let end = content_end(cues, toks, c, e);
        if c >= end
            || !toks[c].is_word()
            || (toks[c].lower() != "to" && no_content_at(cues, toks, c))
            || !content_ok(toks, c, end)
        {
            continue;
        }
        if prior.is_none() {
            prior = match (s..k).rev().find(|&q| is_quote(&toks[q])) {
                None => ex.sentence_subject(toks, s, k),
                // "“…,” McConnell said in June, citing …", "“…,” said Mr Smith,
                // adding that …": the quotation's source.
                Some(q) => quote_source(ex, cues, toks, q + 1, k),
            };
        }
        let Some(phrase) = prior.clone() else {
            return;
        };
        out(Found {
            content: (c, end),
            cue: Span::new(toks[k + 1].span.start, toks[pe - 1].span.end),
            phrase,
        });
        done = end;
    }
}

/// The source of a quotation's cue between `a` (after its closing mark) and the
/// comma `k`: "McConnell said in June", "said Mr Smith", "he added".
fn quote_source(
    ex: &Extractor,
    cues: &ClaimCues,
    toks: &[Tok],
    a: usize,
    k: usize,
) -> Option<Phrase> {
    if toks.get(a).is_some_and(|t| t.is_punct(',')) || k <= a || k - a > 10 {
        return None;
    }
    if toks[a..k].iter().any(|t| !t.is_word() && !t.is_punct('.')) {
        return None;
    }
    let j = (a..k).find(|&j| cues.verb_at(toks, j, k).is_some())?;
    let (ce, cv) = cues.verb_at(toks, j, k)?;
    if cv == Cv::Object {
        return None;
    }
    if j == a {
        return ex.phrase_after(toks, ce, k);
    }
    let p = source_before(ex, cues, toks, j, a)?;
    (p.span.start == toks[a].span.start).then_some(p)
}

/// "The museum, Mr Obama said, would make visitors face hard truths.": one claim
/// per part, both the source's.
fn parenthetical(
    ex: &Extractor,
    cues: &ClaimCues,
    toks: &[Tok],
    (s, e): (usize, usize),
    hits: &Hits,
    out: &mut dyn FnMut(Found),
) -> bool {
    let Some(k1) = hits.comma_in(toks, s + 1, e) else {
        return false;
    };
    let Some(k2) = hits.comma_in(toks, k1 + 2, e.min(k1 + 10)) else {
        return false;
    };
    let Some((j, (ce, cv))) = hits.cues(k1 + 2, k2).find_map(|h| {
        (!toks[h.0].is_capitalised())
            .then(|| cues.verb_hit(toks, h, k2))
            .flatten()
            .map(|v| (h.0, v))
    }) else {
        return false;
    };
    if toks[s..e].iter().any(is_quote) {
        return false;
    }
    if matches!(cv, Cv::That | Cv::Object) || k2 - ce > 3 {
        return false;
    }
    let Some(phrase) = source_before(ex, cues, toks, j, k1 + 1) else {
        return false;
    };
    if phrase.span.start != toks[k1 + 1].span.start {
        return false;
    }
    let end = content_end(cues, toks, k2 + 1, e);
    if end <= k2 + 1 || !toks[k2 + 1].is_word() || toks[k2 + 1].is_capitalised() {
        return false;
    }
    let cue = Span::new(toks[j].span.start, toks[ce - 1].span.end);
    // "During his years in office, X said, …": an opener, not content.
    let opener = subordinate(cues, toks, s, k1);
    if !opener {
        out(Found {
            content: (s, k1),
            cue,
            phrase: phrase.clone(),
        });
    }
    out(Found {
        content: (k2 + 1, end),
        cue,
        phrase,
    });
    true
}

/// "Content, X said." and "Content, said X." at the end of a sentence.
fn trailing(
    ex: &Extractor,
    cues: &ClaimCues,
    toks: &[Tok],
    s: usize,
    e: usize,
    hits: &Hits,
) -> Option<Found> {
    // The last comma of the sentence, or the one before it when the last opens
    // the source's apposition (", said Phil Smith, a spokesman for the union.").
    // (Of the last 24 tokens.)
    let window = (s + 1).max(e.saturating_sub(24));
    let last = hits.last_comma_in(toks, window, e)?;
    // "However, slower growth …, the IMF said.": the adverb is the writer's.
    let s = if s + 2 < last
        && toks[s + 1].is_punct(',')
        && toks[s].is_word()
        && (toks[s].lower().ends_with("ly")
            || matches!(
                toks[s].lower(),
                "however" | "meanwhile" | "still" | "yet" | "instead" | "indeed" | "moreover"
            )) {
        s + 2
    } else {
        s
    };
    // (Each try looks only at cues after its comma: none there, no try.)
    let cue_after = |c: usize, end: usize| hits.positions(c + 1, end).next().is_some();
    cue_after(last, e)
        .then(|| trailing_at(ex, cues, toks, (s, e), last, hits))
        .flatten()
        .or_else(|| {
            hits.last_comma_in(toks, window, last)
                .filter(|&c| c > s + 1 && cue_after(c, last))
                .and_then(|c| trailing_at(ex, cues, toks, (s, last), c, hits))
        })
}

fn trailing_at(
    ex: &Extractor,
    cues: &ClaimCues,
    toks: &[Tok],
    (s, e): (usize, usize),
    comma: usize,
    hits: &Hits,
) -> Option<Found> {
    let title = hits.title;
    let tail = comma + 1;
    if toks[tail..e].iter().any(|t| {
        !t.is_word() && !t.is_punct('.') && !t.is_punct('(') && !t.is_punct(')') && !t.is_punct('-')
    }) {
        return None;
    }
    if toks[s..comma].iter().any(is_quote)
        || !content_ok(toks, s, comma)
        || subordinate(cues, toks, s, comma)
    {
        return None;
    }
    // "One of the lawyers, Jane Bamford, said …", "Mr Obama, who knew …, told
    // …": a source and its apposition, not content before an inverted cue.
    if let Some(k) = hits.last_comma_in(toks, s + 1, comma) {
        let name = toks[k + 1..comma]
            .iter()
            .all(|t| t.is_capitalised() || t.is_punct('.'));
        let first = hits.comma_in(toks, s + 1, comma).unwrap_or(k);
        let relative = toks[s..first]
            .iter()
            .all(|t| t.is_capitalised() || t.is_punct('.'))
            && toks
                .get(first + 1)
                .is_some_and(|t| t.is_word() && matches!(t.lower(), "who" | "whose"));
        if (name && comma - k <= 5) || relative {
            return None;
        }
    }
    // Inverted: ", said Mr Lansman."
    if let Some((ce, cv)) = hits
        .cues(tail, tail + 1)
        .next()
        .and_then(|h| cues.verb_hit(toks, h, e))
        && (title || !toks[tail].is_capitalised())
    {
        let phrase = ex.phrase_after(toks, ce, e)?;
        if matches!(phrase.who, Who::Pronoun(_)) {
            return None;
        }
        // The source ends the sentence, but for a time or place (", said Mr
        // Smith on Monday."): ", said the videos show him …" is a cue with
        // content of its own, and what stands before it no content.
        let rest = (ce..e)
            .find(|&q| toks[q].span.start >= phrase.span.end)
            .unwrap_or(e);
        if rest < e
            && (e - rest > 5
                || !toks[rest].is_word()
                || !cues.no_content.contains(toks[rest].lower()))
        {
            return None;
        }
        // ", noted Dante Chinni.", but not ", shows Democratic groups outpacing
        // …" or ", called for a review": a that-cue's or a stance's source is a
        // name, and all that follows it.
        if matches!(cv, Cv::That | Cv::Object)
            && (phrase.span.end < toks[e - 1].span.end || !matches!(phrase.who, Who::Name { .. }))
        {
            return None;
        }
        return Some(Found {
            content: (s, comma),
            cue: Span::new(toks[tail].span.start, toks[ce - 1].span.end),
            phrase,
        });
    }
    // ", X said (on Monday)."
    for h in hits.cues(tail + 1, e.min(tail + 13)) {
        let j = h.0;
        if let Some((ce, cv)) = cues.verb_hit(toks, h, e) {
            if toks[j].is_capitalised() && !title {
                continue;
            }
            if matches!(cv, Cv::That | Cv::Object) || e - ce > 6 {
                return None;
            }
            let phrase = source_before(ex, cues, toks, j, tail)?;
            if phrase.span.start != toks[tail].span.start {
                return None;
            }
            // What follows the cue: an addressee or a time, no new clause.
            if toks[ce..e]
                .iter()
                .any(|t| t.is_word() && t.lower() == "that")
            {
                return None;
            }
            return Some(Found {
                content: (s, comma),
                cue: Span::new(toks[j].span.start, toks[ce - 1].span.end),
                phrase,
            });
        }
    }
    None
}

/// "X said (that) content", "X told Y (that) content", "X told Y to …".
fn leading(
    ex: &Extractor,
    cues: &ClaimCues,
    toks: &[Tok],
    s: usize,
    from: usize,
    e: usize,
    hits: &Hits,
) -> Option<Found> {
    for h in hits.cues(from.max(s + 1), e) {
        let j = h.0;
        let Some((ce, cv)) = cues.verb_hit(toks, h, e) else {
            continue;
        };
        // A capitalised cue word inside a name ("Tell MAMA") is no cue; ",
        // saying …" is a participle's (`participle`).
        if (toks[j].is_capitalised() && !hits.title)
            || (toks[j - 1].is_punct(',') && toks[j].lower().ends_with("ing"))
        {
            continue;
        }
        // "his plans", "the call for", "was warned", "is expected": a noun or a
        // passive, no cue of the word before it ("is saying" is a cue).
        if toks[j - 1].is_word()
            && !(toks[j].lower().ends_with("ing")
                && matches!(toks[j - 1].lower(), "is" | "are" | "was" | "were"))
            && matches!(
                toks[j - 1].lower(),
                "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "our"
                    | "my"
                    | "your"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "be"
                    | "been"
                    | "being"
            )
        {
            continue;
        }
        // The content first: most cue words of a sentence have none after them
        // ("said so", "the said", a noun), and the source phrase before the cue
        // is the costly part (it analyses names and descriptions).
        let mut c = ce;
        let mut cue_end = ce;
        if cv == Cv::Tell
            && toks
                .get(ce)
                .is_some_and(|t| cues.no_content.contains(t.lower()))
        {
            continue;
        }
        if cv == Cv::Tell {
            // The addressee: up to five words before "that", "to" or a clause.
            let Some((span_end, after)) = addressee(toks, ce, e) else {
                continue;
            };
            cue_end = span_end;
            c = after;
        }
        if c >= e {
            continue;
        }
        // "said (last week) that …"
        // ("rejected that argument", "want policies that …": an object takes
        // "that" only right after the cue.)
        // "announced in a statement this month that …", "said at a rally in
        // Toledo, Ohio, that …": past an adverbial, further.
        let adverbial = toks[c].is_word() && cues.no_content.contains(toks[c].lower());
        let reach = match cv {
            _ if adverbial => 12,
            Cv::Object => 1,
            _ => 5,
        };
        let that = (c..e.min(c + reach))
            .find(|&k| toks[k].is_word() && toks[k].lower() == "that")
            .filter(|&k| {
                toks[c..k]
                    .iter()
                    .all(|t| t.is_word() || (adverbial && (t.is_punct(',') || t.is_punct('.'))))
            });
        let that = that.filter(|_| !cues.infinitive.contains(toks[j].lower()));
        let that = that.filter(|&t| {
            !toks.get(t + 1).is_some_and(|n| {
                n.is_word()
                    && matches!(
                        n.lower(),
                        "is" | "was" | "would" | "will" | "could" | "can" | "has" | "had"
                    )
            })
        });
        // "said after the convention he would not …", "said on Thursday they
        // had …": past a short adverbial to a pronoun subject.
        let pronoun = || {
            (c + 1..e.min(c + 6))
                .take_while(|&k| toks[k].is_word())
                .find(|&k| matches!(toks[k].lower(), "he" | "she" | "they" | "it" | "we"))
                .filter(|&k| {
                    !toks[k - 1].is_word() || !super::PREPOSITIONS.contains(&toks[k - 1].lower())
                })
        };
        let start = if let Some(t) = that {
            t + 1
        } else if let Some(p) = (adverbial
            && cv != Cv::Object
            && !matches!(
                toks[c].lower(),
                "to" | "is"
                    | "was"
                    | "are"
                    | "were"
                    | "be"
                    | "been"
                    | "being"
                    | "has"
                    | "had"
                    | "have"
            ))
        .then(pronoun)
        .flatten()
        {
            p
        } else {
            let first = &toks[c];
            let to_infinitive =
                matches!(cv, Cv::Tell | Cv::Object) && first.is_word() && first.lower() == "to";
            if (cv == Cv::That || cues.infinitive.contains(toks[j].lower())) && !to_infinitive {
                continue;
            }
            if !first.is_word() || (!to_infinitive && no_content_at(cues, toks, c)) {
                continue;
            }
            c
        };
        // The content runs to the sentence end, or to a second predicate of the
        // source ("…, but offered no proof", "and suggested that …").
        let mut end = content_end(cues, toks, start, e);
        // An object ends at its first comma or dash ("wants to sign up 5 million
        // people, focusing on …", "acknowledged the reality, which …").
        if cv == Cv::Object && that.is_none() {
            end = (start + 1..end)
                .find(|&k| {
                    toks[k].kind == TokKind::Punct
                        && matches!(toks[k].text, "," | "-" | "–" | "—" | "(" | ":")
                })
                .unwrap_or(end);
        }
        let min = if cv == Cv::Object { 2 } else { 3 };
        if !content_ok_min(toks, start, end, min) {
            continue;
        }
        // "said Erin Murphy, a former aide": the source after the cue, not content.
        if toks[start].is_capitalised()
            && let Some(n) = (start..end.min(start + 5)).find(|&k| !toks[k].is_capitalised())
            && toks[n].is_punct(',')
        {
            continue;
        }
        // "Mr Schultz … and said he did not support Mr Trump": the sentence's
        // subject, when "and" joins the cue to its first verb.
        let shared = || {
            let mut a = j;
            while a > s + 2
                && toks[a - 1].is_word()
                && ex.lex.between_subject_and_cue.contains(toks[a - 1].lower())
            {
                a -= 1;
            }
            (a > s + 1 && toks[a - 1].is_word() && toks[a - 1].lower() == "and")
                .then(|| ex.sentence_subject(toks, s, a - 1))
                .flatten()
        };
        let Some(phrase) = source_before(ex, cues, toks, j, s).or_else(shared) else {
            continue;
        };
        // The source opens the sentence or a clause.
        let k = (s..j)
            .find(|&k| toks[k].span.start == phrase.span.start)
            .unwrap_or(j);
        let opens = k == s
            || toks[k - 1].is_punct(',')
            || toks[k - 1].is_punct(';')
            || toks[k - 1].is_punct(':')
            || toks[k - 1].is_punct('—')
            || toks[k - 1].is_punct('–')
            || toks[k - 1].is_punct('-')
            || toks[k - 1].is_punct('(')
            || (toks[k - 1].is_word()
                && matches!(
                    toks[k - 1].lower(),
                    "which"
                        | "that"
                        | "and"
                        | "but"
                        | "as"
                        | "while"
                        | "because"
                        | "so"
                        | "after"
                        | "before"
                        | "when"
                        | "since"
                        | "although"
                        | "though"
                        | "if"
                        | "until"
                        | "once"
                        | "whereas"
                ));
        if !opens {
            continue;
        }
        // "after Trump attacked Machado": an event in a time or cause clause.
        if cv == Cv::Object
            && k > s
            && toks[k - 1].is_word()
            && matches!(
                toks[k - 1].lower(),
                "after" | "before" | "until" | "as" | "since" | "because"
            )
        {
            continue;
        }
        // (The phrase's own words: "The IMF had warned" is headed by "IMF".)
        let pe = (k..j)
            .find(|&q| toks[q].span.start >= phrase.span.end)
            .unwrap_or(j);
        if matches!(phrase.who, Who::Descriptor { .. }) && phrase_is_not_source(ex, toks, k, pe) {
            continue;
        }
        // "Others pointed to a review which they said could …": "they" is the
        // group that opens the sentence.
        let phrase = match &phrase.who {
            Who::Pronoun(p) if p == "they" && k > s && toks[s].is_capitalised() => {
                let l = toks[s].lower();
                if cues.groups.contains(l) || matches!(l, "others" | "some" | "many" | "critics") {
                    Phrase {
                        span: toks[s].span,
                        who: Who::Descriptor {
                            text: toks[s].text.to_string(),
                            head: l.to_string(),
                            definite: false,
                            anonymous: true,
                            entity: EntityKind::Group,
                        },
                    }
                } else {
                    phrase
                }
            }
            _ => phrase,
        };
        // Content that is an embedded question or a noun ("said the word") is
        // ruled out by `no_content`; a relative-clause source ("which they said")
        // needs its content to start with a verb.
        let cue = Span::new(toks[j].span.start, toks[cue_end - 1].span.end);
        return Some(Found {
            content: (start, end),
            cue,
            phrase,
        });
    }
    None
}

/// Does `toks[a..b]` open with a subordinate or adverbial phrase ("As a phone
/// rang", "But when Congress cut funding", "During his years in office")?
fn subordinate(cues: &ClaimCues, toks: &[Tok], a: usize, b: usize) -> bool {
    let mut k = a;
    while k + 1 < b && toks[k].is_word() && matches!(toks[k].lower(), "but" | "and" | "so" | "yet")
    {
        k += 1;
    }
    toks[k].is_word()
        && cues.openers.contains(toks[k].lower())
        && !matches!(toks[k].lower(), "but" | "and" | "so")
}

/// Where reported content starting at `a` ends: the sentence end `e`, a
/// semicolon, or a coordination that opens the source's next act ("…, but he
/// said", "and suggested that", ", arguing that", ", but offered no proof").
fn content_end(cues: &ClaimCues, toks: &[Tok], a: usize, e: usize) -> usize {
    for k in a + 1..e {
        let t = &toks[k];
        if t.is_punct(';') {
            return k;
        }
        let joint = t.is_punct(',') || (t.is_word() && matches!(t.lower(), "and" | "but"));
        if !joint {
            continue;
        }
        // "… and that …": a second part of the content, a record of its own.
        if t.is_word()
            && t.lower() == "and"
            && toks
                .get(k + 1)
                .is_some_and(|n| n.is_word() && n.lower() == "that")
            && toks.get(k + 2).is_some_and(|n| {
                is_quote(n)
                    || n.is_capitalised()
                    || (n.is_word() && cues.clause_openers.contains(n.lower()))
            })
        {
            return k;
        }
        // A contrast the writer adds (", although he refused …").
        if t.is_punct(',')
            && toks.get(k + 1).is_some_and(|n| {
                n.is_word() && matches!(n.lower(), "although" | "though" | "whereas")
            })
        {
            return k;
        }
        // After "and" or "but" a stance verb is the source's next act too ("…
        // and suggested that …", "but noted that …"), and so is a new subject's
        // cue ("… and Democrats accused the GOP of …").
        let mut conj = t.is_word();
        for n in k + 1..e.min(k + 4) {
            let w = &toks[n];
            if !w.is_word() {
                break;
            }
            let l = w.lower();
            // (A stance verb after a bare comma does not end it: "…, he supported
            // a decision …"; one look-up for both kinds of cue.)
            let cue = !w.is_capitalised()
                && cues.verbs.get(l).is_some_and(|en| {
                    cues.verb_in(toks, n, e, en)
                        .is_some_and(|(_, cv)| conj || cv != Cv::Object)
                        || cues.participle_in(toks, n, e, en).is_some()
                });
            if cue || cues.next_act.contains(l) {
                let mut end = k;
                while end > a + 1
                    && (toks[end - 1].is_punct(',')
                        || is_dash(&toks[end - 1])
                        || (toks[end - 1].is_word()
                            && matches!(toks[end - 1].lower(), "and" | "but")))
                {
                    end -= 1;
                }
                return end;
            }
            conj |= matches!(l, "and" | "but");
            let subject = conj && w.is_capitalised() && n > k;
            if !subject
                && !matches!(
                    l,
                    "he" | "she"
                        | "they"
                        | "it"
                        | "also"
                        | "then"
                        | "later"
                        | "but"
                        | "and"
                        | "which"
                        | "who"
                )
            {
                break;
            }
        }
    }
    e
}

/// The source phrase ending before the cue at `j`: the extractor's speaker
/// phrase, past an adverb ("Momentum now claims"), or a bare group noun
/// ("Authorities said", "Police say").
fn source_before(
    ex: &Extractor,
    cues: &ClaimCues,
    toks: &[Tok],
    mut j: usize,
    limit: usize,
) -> Option<Phrase> {
    while j > limit + 1 && toks[j - 1].is_word() && cues.between.contains(toks[j - 1].lower()) {
        j -= 1;
    }
    // "Some Democrats, however, question …"
    if j > limit + 3
        && toks[j - 1].is_punct(',')
        && toks[j - 3].is_punct(',')
        && toks[j - 2].is_word()
        && cues.between.contains(toks[j - 2].lower())
    {
        j -= 3;
    }
    if let Some(p) = ex.phrase_before(toks, j, limit) {
        return Some(p);
    }
    // "Authorities said", "Local police say", "the protesters said".
    let mut a = j;
    while a > limit && j - a < 3 && toks[a - 1].is_word() {
        a -= 1;
    }
    let last = toks.get(j.checked_sub(1)?)?;
    let (head, first) = if a < j && last.is_word() && cues.groups.contains(last.lower()) {
        (last, a)
    } else {
        // "Experts on North Korea said", "officials from both parties say": the
        // noun and its prepositional phrase, all words.
        let lo = j.saturating_sub(9).max(limit);
        let g = (lo..j.saturating_sub(2)).rev().find(|&g| {
            toks[g].is_word()
                && cues.groups.contains(toks[g].lower())
                && super::PREPOSITIONS.contains(&toks[g + 1].lower())
        })?;
        if !toks[g..j].iter().all(|t| t.is_word()) {
            return None;
        }
        let mut a = g;
        while a > limit && g - a < 2 && toks[a - 1].is_word() {
            a -= 1;
        }
        (&toks[g], a)
    };
    // Only from the start of the clause: "the", an adjective or two, the noun.
    let opens = first == limit || !toks[first - 1].is_word();
    if !opens {
        return None;
    }
    let h = head.lower();
    let det = toks[first].lower();
    let text_from = if matches!(det, "the" | "a" | "an") && first + 1 < j {
        first + 1
    } else {
        first
    };
    let span = Span::new(toks[text_from].span.start, toks[j - 1].span.end);
    let anonymous = ex.lex.anonymous_heads.contains(h) && det != "the";
    Some(Phrase {
        span,
        who: Who::Descriptor {
            text: span.slice(ex.text).to_string(),
            head: h.to_string(),
            definite: det == "the",
            anonymous,
            entity: EntityKind::Group,
        },
    })
}

/// The addressee of "told": "told HuffPost UK", "told allies", "told party
/// activists in north London". Returns (end of the cue, first content token).
fn addressee(toks: &[Tok], ce: usize, e: usize) -> Option<(usize, usize)> {
    let mut k = ce;
    while k < e && k - ce <= 6 {
        let t = &toks[k];
        if !t.is_word() {
            if t.is_punct(',') && k > ce {
                return None;
            }
            // "told MSNBC's “Morning Joe” that …": a programme's name.
            if !(t.is_punct('.') || (is_quote(t) && k > ce)) {
                return None;
            }
        }
        let l = t.lower();
        // "warned that …": no addressee.
        if k == ce && l == "that" {
            return Some((k, k + 1));
        }
        if k > ce && (l == "that" || l == "to") {
            let after = if l == "that" { k + 1 } else { k };
            return Some((k, after));
        }
        // "told allies Lansman had been": a capitalised name after a plain
        // addressee, or a pronoun subject.
        if k > ce && matches!(l, "he" | "she" | "they" | "it" | "we" | "i") {
            return Some((k, k));
        }
        if k > ce
            && t.is_capitalised()
            && !toks[k - 1].is_capitalised()
            && !(toks[k - 1].is_word() && super::PREPOSITIONS.contains(&toks[k - 1].lower()))
            && !(k >= ce + 2 && super::PREPOSITIONS.contains(&toks[k - 2].lower()))
            && !toks[ce..k].iter().any(|t| t.is_punct('.'))
        {
            return Some((k, k));
        }
        k += 1;
    }
    None
}

/// A descriptor that names no source: "The move", "The plan" (a sentence
/// subject before a cue like "found" or "shows" is fine for documents).
fn phrase_is_not_source(ex: &Extractor, toks: &[Tok], a: usize, b: usize) -> bool {
    let source = |b: usize| {
        toks[a..b]
            .iter()
            .rev()
            .find(|t| t.is_word())
            .is_some_and(|head| {
                let h = head.lower();
                ex.lex.anonymous_heads.contains(h)
                    || ex.lex.titles.contains(h)
                    || ex.lex.documents.contains(h)
                    || ex.lex.organisation_words.contains(h)
                    || head.is_capitalised()
            })
    };
    // "Elected officials from both parties": or the head before a
    // prepositional phrase.
    let before_prep =
        (a + 1..b).find(|&k| toks[k].is_word() && super::PREPOSITIONS.contains(&toks[k].lower()));
    !(source(b) || before_prep.is_some_and(source))
}
