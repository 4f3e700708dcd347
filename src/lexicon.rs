//! The word lists behind extraction, kept as data in `rules/lexicon/` so that a
//! newsroom can read and extend them without touching Rust. They are embedded in
//! the binary, so an installed quotecheck works anywhere.

use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;
use std::sync::OnceLock;

/// All word lists, lower-cased. Multi-word entries are kept as vectors of words.
#[derive(Debug)]
pub struct Lexicon {
    pub speech_cues: Phrases,
    pub framing_cues: Phrases,
    pub noun_cues: WordSet,
    /// Verbs by which a written text gives its words ("the minutes show").
    pub document_cues: WordSet,
    pub prepositional_cues: Phrases,
    pub setting_cues: Phrases,
    /// Verbs of passing on another's words ("quoted X as saying").
    pub quoting_cues: WordSet,
    pub honorifics_male: WordSet,
    pub honorifics_female: WordSet,
    pub honorifics: WordSet,
    pub titles: WordSet,
    pub pronouns_male: WordSet,
    pub pronouns_female: WordSet,
    pub pronouns_plural: WordSet,
    pub anonymous_heads: WordSet,
    pub anonymous_determiners: WordSet,
    pub anonymity_markers: Phrases,
    pub documents: WordSet,
    pub organisation_words: WordSet,
    pub abbreviations: WordSet,
    pub elisions: WordSet,
    pub not_names: WordSet,
    pub between_subject_and_cue: WordSet,
    pub clause_starters: WordSet,
    pub first_names_male: WordSet,
    pub first_names_female: WordSet,
    /// Verbs that give a name ("dubbed", "called"): a quotation after one is a
    /// scare quotation unless someone is said to use the words.
    pub naming_verbs: WordSet,
    /// Naming words that make a name even beside a speaker found from context
    /// ("so-called").
    pub naming_markers: WordSet,
    pub debris_prefixes: Vec<String>,
    pub debris_tail_markers: Vec<String>,
    pub byline_prefixes: Vec<String>,
    pub dateline_prefixes: Vec<String>,
    pub caption_credits: Vec<String>,
    /// The anonymity rules' words (`rules/lexicon/sources.toml`).
    pub sources: SourceWords,
}

/// What the anonymity rules read to tell an unnamed source and its kind; each
/// field is the list of the same name in `rules/lexicon/sources.toml`.
#[derive(Debug)]
pub struct SourceWords {
    pub confidential_heads: WordSet,
    pub public_heads: WordSet,
    pub spokespeople: WordSet,
    pub collective_heads: WordSet,
    pub unnamed_determiners: WordSet,
    /// In file order: a finding quotes the first that matches.
    pub anonymity_declarations: Vec<String>,
    pub knowledge_phrases: Vec<String>,
    pub paraphrase_verbs: WordSet,
    pub bare_plural_heads: WordSet,
    pub post_head_words: WordSet,
    pub clause_openers: WordSet,
}

/// A set of lower-cased words, asked about every word of every article: a bit
/// table of (first byte, length) turns most words away before any hashing, and
/// short words are looked up as one integer, without hashing or comparing bytes.
#[derive(Debug, Default)]
pub struct WordSet {
    words: HashSet<String>,
    filter: Prefilter,
    packed: Packed,
}

/// Words of up to 15 bytes packed into an integer (bytes and length), so a
/// look-up hashes two machine words and compares integers; longer words are
/// asked of a set of strings.
#[derive(Debug, Default)]
struct Packed {
    short: HashSet<u128>,
    long: HashSet<String>,
}

/// `w` as one integer when it is at most 15 bytes long: the bytes, then the length.
/// Read a few bytes at a time, with two loads that overlap rather than a loop.
#[inline]
fn pack(w: &str) -> Option<u128> {
    let b = w.as_bytes();
    let n = b.len();
    if n > 15 {
        return None;
    }
    let le64 = |at: usize| u64::from_le_bytes(b[at..at + 8].try_into().unwrap());
    let le32 = |at: usize| u32::from_le_bytes(b[at..at + 4].try_into().unwrap()) as u64;
    // Bytes 8.. (or 4..) are the top bytes of the last 8 (or 4).
    let (lo, hi) = if n >= 8 {
        let tail = le64(n - 8).checked_shr(8 * (16 - n) as u32).unwrap_or(0);
        (le64(0), tail)
    } else if n >= 4 {
        (le32(0) | (le32(n - 4) >> (8 * (8 - n))) << 32, 0)
    } else {
        let mut lo = 0;
        for (i, &c) in b.iter().enumerate() {
            lo |= (c as u64) << (8 * i);
        }
        (lo, 0)
    };
    let hi = hi | (n as u64) << 56;
    Some((hi as u128) << 64 | lo as u128)
}

impl Packed {
    fn insert(&mut self, w: &str) {
        match pack(w) {
            Some(k) => {
                self.short.insert(k);
            }
            None => {
                self.long.insert(w.to_string());
            }
        }
    }

    #[inline(never)]
    fn contains(&self, w: &str) -> bool {
        match pack(w) {
            Some(k) => self.short.contains(&k),
            None => self.long.contains(w),
        }
    }
}

/// For each first byte, and for each last byte, the lengths (capped at 63) of
/// the words that start or end with it: a word must pass both tables to be
/// looked up ("and" starts as "add" does, but ends as no cue word does).
#[derive(Debug)]
pub(crate) struct Prefilter(Box<[[u64; 256]; 2]>);

impl Default for Prefilter {
    fn default() -> Self {
        Prefilter(Box::new([[0; 256]; 2]))
    }
}

impl Prefilter {
    pub(crate) fn add(&mut self, w: &str) {
        let b = w.as_bytes();
        if let (Some(&first), Some(&last)) = (b.first(), b.last()) {
            let len = 1 << b.len().min(63);
            self.0[0][first as usize] |= len;
            self.0[1][last as usize] |= len;
        }
    }

    /// False when no word of the set starts with `first`, ends with `last` and
    /// is `len` bytes long.
    #[inline]
    pub(crate) fn may_hold_ends(&self, first: u8, last: u8, len: usize) -> bool {
        let len = 1 << len.min(63);
        self.0[0][first as usize] & len != 0 && self.0[1][last as usize] & len != 0
    }

    /// False when no word of the set can be `w`; an empty word is let through.
    #[inline]
    pub(crate) fn may_hold(&self, w: &str) -> bool {
        let b = w.as_bytes();
        match (b.first(), b.last()) {
            (Some(&first), Some(&last)) => self.may_hold_ends(first, last, b.len()),
            _ => true,
        }
    }
}

impl WordSet {
    /// Most words are turned away by the prefilter, inline; the rest are looked up.
    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        self.filter.may_hold(w) && self.packed.contains(w)
    }

    /// Is `w`, lower-cased, in the set? A short ASCII word is lower-cased on
    /// the stack, so asking about every word of an article allocates nothing.
    #[inline]
    pub fn contains_lower(&self, w: &str) -> bool {
        const SHORT: usize = 24;
        let b = w.as_bytes();
        if b.len() <= SHORT && b.is_ascii() {
            // Most words are turned away on their first and last letters alone.
            if let (Some(first), Some(last)) = (b.first(), b.last())
                && !self.filter.may_hold_ends(
                    first.to_ascii_lowercase(),
                    last.to_ascii_lowercase(),
                    b.len(),
                )
            {
                return false;
            }
            let mut buf = [0u8; SHORT];
            let l = &mut buf[..b.len()];
            l.copy_from_slice(b);
            l.make_ascii_lowercase();
            // ASCII bytes, lower-cased, are still UTF-8.
            std::str::from_utf8(l).is_ok_and(|l| self.packed.contains(l))
        } else {
            self.contains(&w.to_lowercase())
        }
    }

    fn extend(&mut self, other: WordSet) {
        for w in other.words {
            self.insert(w);
        }
    }

    fn insert(&mut self, w: String) {
        self.filter.add(&w);
        self.packed.insert(&w);
        self.words.insert(w);
    }
}

impl std::ops::Deref for WordSet {
    type Target = HashSet<String>;
    fn deref(&self) -> &HashSet<String> {
        &self.words
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        let mut set = WordSet::default();
        for w in iter {
            set.insert(w);
        }
        set
    }
}

/// Phrases of one or more words, matched word by word, longest first.
#[derive(Debug, Default)]
pub struct Phrases {
    by_first_word: rustc_hash::FxHashMap<String, Vec<Vec<String>>>,
    /// Of the first words.
    filter: Prefilter,
    /// The first words, and the phrases of one word.
    firsts: Packed,
    singles: Packed,
}

impl Phrases {
    fn new(items: &[String]) -> Self {
        let mut by_first_word: rustc_hash::FxHashMap<String, Vec<Vec<String>>> = Default::default();
        for item in items {
            let words: Vec<String> = item.split_whitespace().map(str::to_lowercase).collect();
            if let Some(first) = words.first() {
                by_first_word.entry(first.clone()).or_default().push(words);
            }
        }
        let mut filter = Prefilter::default();
        let mut firsts = Packed::default();
        let mut singles = Packed::default();
        for (first, list) in by_first_word.iter_mut() {
            filter.add(first);
            firsts.insert(first);
            if list.iter().any(|p| p.len() == 1) {
                singles.insert(first);
            }
            list.sort_by_key(|w| std::cmp::Reverse(w.len()));
            list.dedup();
        }
        Phrases {
            by_first_word,
            filter,
            firsts,
            singles,
        }
    }

    /// The number of words of the longest phrase that starts at `words[0]`, if any.
    /// `words` are lower-cased.
    pub fn match_len<S: AsRef<str>>(&self, words: &[S]) -> Option<usize> {
        let first = words.first()?.as_ref();
        if !self.filter.may_hold(first) || !self.firsts.contains(first) {
            return None;
        }
        let candidates = self.by_first_word.get(first)?;
        candidates
            .iter()
            .find(|phrase| {
                phrase.len() <= words.len()
                    && phrase.iter().zip(words).all(|(p, w)| p == w.as_ref())
            })
            .map(Vec::len)
    }

    /// Does some phrase start with this (lower-cased) word?
    pub fn starts(&self, word: &str) -> bool {
        self.filter.may_hold(word) && self.firsts.contains(word)
    }

    pub fn contains_word(&self, word: &str) -> bool {
        self.filter.may_hold(word) && self.singles.contains(word)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CuesFile {
    speech: Vec<String>,
    framing: Vec<String>,
    nouns: Vec<String>,
    documents: Vec<String>,
    prepositional: Vec<String>,
    settings: Vec<String>,
    quoting: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PeopleFile {
    honorifics_male: Vec<String>,
    honorifics_female: Vec<String>,
    honorifics_neutral: Vec<String>,
    titles: Vec<String>,
    pronouns_male: Vec<String>,
    pronouns_female: Vec<String>,
    pronouns_plural: Vec<String>,
    pronouns_neuter: Vec<String>,
    anonymous_heads: Vec<String>,
    anonymous_determiners: Vec<String>,
    anonymity_markers: Vec<String>,
    documents: Vec<String>,
    organisation_words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordsFile {
    abbreviations: Vec<String>,
    elisions: Vec<String>,
    not_names: Vec<String>,
    between_subject_and_cue: Vec<String>,
    clause_starters: Vec<String>,
    first_names_male: Vec<String>,
    first_names_female: Vec<String>,
    naming_verbs: Vec<String>,
    naming_markers: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ZonesFile {
    debris_prefixes: Vec<String>,
    debris_tail_markers: Vec<String>,
    byline_prefixes: Vec<String>,
    dateline_prefixes: Vec<String>,
    caption_credits: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    confidential_heads: Vec<String>,
    public_heads: Vec<String>,
    spokespeople: Vec<String>,
    collective_heads: Vec<String>,
    unnamed_determiners: Vec<String>,
    anonymity_declarations: Vec<String>,
    knowledge_phrases: Vec<String>,
    paraphrase_verbs: Vec<String>,
    bare_plural_heads: Vec<String>,
    post_head_words: Vec<String>,
    clause_openers: Vec<String>,
}

const CUES: &str = include_str!("../rules/lexicon/cues.toml");
const PEOPLE: &str = include_str!("../rules/lexicon/people.toml");
const WORDS: &str = include_str!("../rules/lexicon/words.toml");
const ZONES: &str = include_str!("../rules/lexicon/zones.toml");
const SOURCES: &str = include_str!("../rules/lexicon/sources.toml");

fn set(items: &[String]) -> WordSet {
    items.iter().map(|s| s.to_lowercase()).collect()
}

fn lower(items: Vec<String>) -> Vec<String> {
    items.into_iter().map(|s| s.to_lowercase()).collect()
}

impl Lexicon {
    /// The lexicon shipped in `rules/lexicon/`.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            Lexicon::parse(CUES, PEOPLE, WORDS, ZONES, SOURCES)
                .expect("the lexicon embedded from rules/lexicon/ is valid (checked by a test)")
        })
    }

    fn parse(
        cues: &str,
        people: &str,
        words: &str,
        zones: &str,
        sources: &str,
    ) -> Result<Lexicon, String> {
        let cues: CuesFile = toml::from_str(cues).map_err(|e| format!("cues.toml: {e}"))?;
        let people: PeopleFile = toml::from_str(people).map_err(|e| format!("people.toml: {e}"))?;
        let words: WordsFile = toml::from_str(words).map_err(|e| format!("words.toml: {e}"))?;
        let zones: ZonesFile = toml::from_str(zones).map_err(|e| format!("zones.toml: {e}"))?;
        let sources: SourcesFile =
            toml::from_str(sources).map_err(|e| format!("sources.toml: {e}"))?;
        let mut honorifics = set(&people.honorifics_male);
        honorifics.extend(set(&people.honorifics_female));
        honorifics.extend(set(&people.honorifics_neutral));
        let _ = &people.pronouns_neuter;
        Ok(Lexicon {
            speech_cues: Phrases::new(&cues.speech),
            framing_cues: Phrases::new(&cues.framing),
            noun_cues: set(&cues.nouns),
            document_cues: set(&cues.documents),
            prepositional_cues: Phrases::new(&cues.prepositional),
            setting_cues: Phrases::new(&cues.settings),
            quoting_cues: set(&cues.quoting),
            honorifics_male: set(&people.honorifics_male),
            honorifics_female: set(&people.honorifics_female),
            honorifics,
            titles: set(&people.titles),
            pronouns_male: set(&people.pronouns_male),
            pronouns_female: set(&people.pronouns_female),
            pronouns_plural: set(&people.pronouns_plural),
            anonymous_heads: set(&people.anonymous_heads),
            anonymous_determiners: set(&people.anonymous_determiners),
            anonymity_markers: Phrases::new(&people.anonymity_markers),
            documents: set(&people.documents),
            organisation_words: set(&people.organisation_words),
            abbreviations: set(&words.abbreviations),
            elisions: set(&words.elisions),
            not_names: set(&words.not_names),
            between_subject_and_cue: set(&words.between_subject_and_cue),
            clause_starters: set(&words.clause_starters),
            first_names_male: set(&words.first_names_male),
            first_names_female: set(&words.first_names_female),
            naming_verbs: set(&words.naming_verbs),
            naming_markers: set(&words.naming_markers),
            debris_prefixes: lower(zones.debris_prefixes),
            debris_tail_markers: lower(zones.debris_tail_markers),
            byline_prefixes: lower(zones.byline_prefixes),
            dateline_prefixes: lower(zones.dateline_prefixes),
            caption_credits: lower(zones.caption_credits),
            sources: SourceWords {
                confidential_heads: set(&sources.confidential_heads),
                public_heads: set(&sources.public_heads),
                spokespeople: set(&sources.spokespeople),
                collective_heads: set(&sources.collective_heads),
                unnamed_determiners: set(&sources.unnamed_determiners),
                anonymity_declarations: lower(sources.anonymity_declarations),
                knowledge_phrases: lower(sources.knowledge_phrases),
                paraphrase_verbs: set(&sources.paraphrase_verbs),
                bare_plural_heads: set(&sources.bare_plural_heads),
                post_head_words: set(&sources.post_head_words),
                clause_openers: set(&sources.clause_openers),
            },
        })
    }

    pub fn is_pronoun(&self, w: &str) -> bool {
        self.pronouns_male.contains(w)
            || self.pronouns_female.contains(w)
            || self.pronouns_plural.contains(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pack_is_bytes_then_length() {
        let word = "abcdefghijklmnopq";
        for n in 0..=word.len() {
            let w = &word[..n];
            let want = (n <= 15).then(|| {
                let (mut lo, mut hi) = (0u64, (n as u64) << 56);
                for (i, c) in w.bytes().enumerate() {
                    match i {
                        0..8 => lo |= (c as u64) << (8 * i),
                        _ => hi |= (c as u64) << (8 * (i - 8)),
                    }
                }
                (hi as u128) << 64 | lo as u128
            });
            assert_eq!(pack(w), want, "{w}");
        }
    }

    /// `contains_lower` answers as `contains` of `to_lowercase` does, on every
    /// case of every word of the lists, on words that change length or case
    /// outside ASCII when lower-cased, and on words too long for the stack.
    #[test]
    fn contains_lower_is_contains_of_the_lowered_word() {
        let lex = Lexicon::get();
        let sets = [
            &lex.not_names,
            &lex.honorifics_male,
            &lex.honorifics_female,
            &lex.first_names_male,
            &lex.abbreviations,
        ];
        let mut asked = 0;
        for set in sets {
            let mut words: Vec<String> = set.iter().cloned().collect();
            words.sort();
            words.extend(
                [
                    "",
                    "İstanbul",
                    "ǅemal",
                    "KELVIN",
                    "\u{212A}",
                    "Mr",
                    "MRS",
                    "x",
                ]
                .map(String::from),
            );
            words.push("A".repeat(30));
            for w in words {
                let mut upper_first = w.clone();
                if let Some(c) = w.chars().next() {
                    upper_first = c.to_uppercase().chain(w.chars().skip(1)).collect();
                }
                for form in [w.clone(), w.to_uppercase(), upper_first] {
                    assert_eq!(
                        set.contains_lower(&form),
                        set.contains(&form.to_lowercase()),
                        "{form:?}"
                    );
                    asked += 1;
                }
            }
            assert!(set.contains_lower(&set.iter().next().unwrap().to_uppercase()));
        }
        assert!(asked > 100, "only {asked} words asked");
    }

    #[test]
    fn shipped_lexicon_parses() {
        let lex = Lexicon::parse(CUES, PEOPLE, WORDS, ZONES, SOURCES).unwrap();
        assert!(lex.speech_cues.contains_word("said"));
        assert_eq!(lex.speech_cues.match_len(&["went", "on", "to"]), Some(2));
        assert_eq!(
            lex.prepositional_cues.match_len(&["according", "to"]),
            Some(2)
        );
        assert!(lex.anonymous_heads.contains("source"));
        assert!(lex.sources.public_heads.contains("passer-by"));
        assert_eq!(
            lex.sources
                .anonymity_declarations
                .first()
                .map(String::as_str),
            Some("speaking anonymously")
        );
    }

    #[test]
    fn packed_look_ups_agree_with_the_word_lists() {
        let lex = Lexicon::parse(CUES, PEOPLE, WORDS, ZONES, SOURCES).unwrap();
        let sets = [
            &lex.titles,
            &lex.not_names,
            &lex.first_names_male,
            &lex.noun_cues,
            &lex.sources.public_heads,
            &lex.sources.clause_openers,
        ];
        for set in sets {
            for w in set.iter() {
                assert!(set.contains(w), "{w}");
                // A word one byte longer or shorter, or with a NUL added, is not in.
                for other in [
                    format!("{w}x"),
                    format!("{w}\0"),
                    w[..w.len() - 1].to_string(),
                ] {
                    assert_eq!(set.contains(&other), set.iter().any(|x| *x == other));
                }
            }
        }
        let long = "a-very-long-title-word";
        let set: WordSet = [long.to_string(), "mp".to_string()].into_iter().collect();
        assert!(set.contains(long) && set.contains("mp"));
        assert!(
            !set.contains("a-very-long-title-wore") && !set.contains("m") && !set.contains("mp\0")
        );
        assert!(lex.speech_cues.starts("went") && !lex.speech_cues.contains_word("according"));
    }
}
