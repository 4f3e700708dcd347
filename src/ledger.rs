//! The ledger: every quotation and every person of a run's articles, for the
//! cross-article rules.
//!
//! Quotations are compared on normalised words (case, quote glyphs, dashes,
//! apostrophes, whitespace and punctuation folded; bracketed text and ellipses kept
//! as gaps that match any words). Near-identical quotations are found without
//! comparing all pairs: identical word sequences are grouped by a hash, the groups
//! are indexed by 3-word shingles, and only groups sharing shingles are aligned
//! word by word. Shingles shared by very many groups ("I think we") are left out
//! of the candidate search, so the cost grows about linearly with the quotations;
//! a quotation with (nearly) all its shingles that crowded (a popular quotation,
//! excerpted differently in many articles) is looked up by its few rarest
//! shingles instead, with a bounded scan and a bounded number of alignments.
//! Articles with the same bytes are one article published twice: nothing is
//! linked between them.

use crate::Extracted;
use crate::model::{EntityKind, MentionForm, QuoteKind, SpeakerSource, Zone};
use crate::span::Span;
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use std::hash::{Hash, Hasher};

/// Quotations shorter than this (in words) are not linked at all.
pub const LINK_MIN_WORDS: usize = 4;
/// Claims shorter than this (in words) are not linked: "the plan was flawed"
/// is said by many people.
pub const CLAIM_LINK_MIN_WORDS: usize = 6;
/// Pairs below this token-level similarity are not linked.
pub const LINK_MIN_SIMILARITY: f64 = 0.7;
const SHINGLE: usize = 3;
/// A shingle shared by more groups than this is too common to find candidates by.
const SHINGLE_BUCKET_CAP: usize = 48;
/// A group with fewer shingles under the cap (and shared with another group)
/// than this is looked up by its rarest shingles (a popular quotation, excerpted
/// in many articles).
const POPULAR_MIN_RARE: usize = 3;
/// How many of its rarest shingles such a group is looked up by; a candidate
/// must share all but one of them.
const POPULAR_RAREST: usize = 4;
/// The most entries of a crowded bucket scanned per lookup.
const POPULAR_SCAN: usize = 2048;
/// The most candidate groups aligned per popular lookup.
const POPULAR_ALIGN: usize = 64;
/// Longest quotation aligned word by word (longer ones are cut for the alignment).
const MAX_ALIGN: usize = 400;
/// A group of identical quotations larger than this is linked as a star.
const GROUP_PAIR_CAP: usize = 24;

/// One article of the run.
#[derive(Debug, Clone)]
pub struct ArticleEntry {
    /// Days since 1970-01-01 of the article's date, when it gives one.
    pub day: Option<i64>,
    /// The date as the article gives it (ISO).
    pub date: Option<String>,
    /// The first article of the run with the same bytes (itself when unique).
    pub canonical: usize,
    /// Reported on (false for an archive article, compared against only).
    pub checked: bool,
    /// Where the date came from: "front-matter", "dateline" or "byline".
    pub date_source: Option<&'static str>,
}

/// One word of a quotation: its folded form and where it stands. A gap (an
/// ellipsis or bracketed text) has an empty `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    pub span: Span,
}

impl Word {
    pub fn is_gap(&self) -> bool {
        self.text.is_empty()
    }
}

/// A quotation's speaker as the ledger keeps it.
#[derive(Debug, Clone)]
pub struct SpeakerEntry {
    pub name: String,
    /// The name folded for comparison: honorifics and punctuation dropped, the
    /// last word (the gold rule's "same last word").
    pub key: String,
    pub anonymous: bool,
    pub entity: EntityKind,
    pub source: SpeakerSource,
    pub mention: Option<Span>,
    /// The given name (first word of the fullest name, folded), when the article
    /// gives one: with the surname key it tells two people apart.
    pub given: Option<String>,
    /// Index in `Ledger::people` of the speaker's register entry, when the
    /// speaker is a person the article names in full.
    pub person: Option<usize>,
}

impl SpeakerEntry {
    /// Whether two speakers are one person: the same surname, and given names
    /// that agree when both articles give one (equal, an initial of the other, or
    /// one letter added: Jon / John is a spelling for `person-name-variant`, not
    /// another person). Ed Miliband and David Miliband are two people.
    pub fn same_person(&self, other: &SpeakerEntry) -> bool {
        if self.key.is_empty() || self.key != other.key {
            return false;
        }
        match (&self.given, &other.given) {
            (Some(a), Some(b)) => given_names_agree(a, b),
            _ => true,
        }
    }
}

/// Whether two folded given names can be one person's: equal, one the other's
/// initial or short form of the other (J, Ed / Edward), or one letter added
/// (Jon / John, Philip / Phillip).
pub fn given_names_agree(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    if long.starts_with(short) {
        // An initial or a short form (J / Jon, Ed / Edward, Chris / Christopher).
        return true;
    }
    long.len() == short.len() + 1
        && short.len() >= 3
        && short.chars().next() == long.chars().next()
        && strsim::levenshtein(short, long) == 1
}

/// One quotation of the run.
#[derive(Debug, Clone)]
pub struct QuoteEntry {
    /// Index of the file in the run.
    pub file: usize,
    /// Index in the article's quotations.
    pub index: usize,
    pub span: Span,
    pub kind: QuoteKind,
    pub zone: Zone,
    pub words: Vec<Word>,
    pub speaker: Option<SpeakerEntry>,
    /// The cue as written ("told The Independent").
    pub cue: Option<String>,
}

impl QuoteEntry {
    /// Words that are not gaps.
    pub fn word_count(&self) -> usize {
        self.words.iter().filter(|w| !w.is_gap()).count()
    }
}

/// One person of one article's register.
#[derive(Debug, Clone)]
pub struct PersonEntry {
    pub file: usize,
    /// Index in the article's register.
    pub index: usize,
    /// The name as the article writes it (honorifics dropped).
    pub name: String,
    /// The name's words folded (case, diacritics; hyphens split).
    pub folded: Vec<String>,
    /// The name folded into one key for joining the same person across articles.
    pub key: String,
    /// Where the name is written in full (the first full-name mention).
    pub mention: Option<Span>,
    pub roles: Vec<(String, Span)>,
    /// Every mention of the person in the article (full name, surname,
    /// honorific, pronoun, description), joined through the article's register.
    pub mentions: Vec<(MentionForm, Span)>,
    /// Indexes in `Ledger::quotes` of the quotations given to this person.
    pub quotes: Vec<usize>,
    /// Indexes in `Ledger::claims` of the claims given to this person.
    pub claims: Vec<usize>,
}

/// A differing stretch of two aligned quotations: word index ranges in each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hunk {
    pub a: std::ops::Range<usize>,
    pub b: std::ops::Range<usize>,
}

/// Two quotations with (nearly) the same words.
#[derive(Debug, Clone)]
pub struct Link {
    /// Indexes in `Ledger::quotes`, `a < b`.
    pub a: usize,
    pub b: usize,
    /// Words matched one to one.
    pub matched: usize,
    /// Stretches where the words differ (gaps and excerpts are not differences).
    pub hunks: Vec<Hunk>,
}

impl Link {
    /// Words that differ, counted on the longer side of each stretch.
    pub fn differing(&self) -> usize {
        self.hunks.iter().map(|h| h.a.len().max(h.b.len())).sum()
    }

    /// Matched words over matched and differing words.
    pub fn similarity(&self) -> f64 {
        let d = self.differing();
        self.matched as f64 / (self.matched + d).max(1) as f64
    }
}

/// Everything the cross-article rules see.
#[derive(Debug, Default)]
pub struct Ledger {
    pub articles: Vec<ArticleEntry>,
    pub quotes: Vec<QuoteEntry>,
    pub people: Vec<PersonEntry>,
    /// Near-identical quotation pairs, ordered by (a, b).
    pub links: Vec<Link>,
    /// Attributed claims (reported speech, kind `indirect`), with their sources.
    pub claims: Vec<QuoteEntry>,
    /// Claim pairs whose content matches closely, ordered by (a, b).
    pub claim_links: Vec<Link>,
}

/// Fold a word: lower case, common Latin diacritics dropped, curly apostrophes
/// and other marks removed.
pub fn fold_word(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for c in w.chars() {
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                out.push(strip_diacritic(l));
            }
        }
    }
    out
}

fn strip_diacritic(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' | 'ĝ' | 'ġ' | 'ģ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ñ' | 'ń' | 'ň' | 'ņ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ř' | 'ŕ' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'ł' => 'l',
        c => c,
    }
}

/// The words of a quotation, folded, with ellipses and bracketed text as gaps.
pub fn quote_words(source: &str, span: Span) -> Vec<Word> {
    let text = span.slice(source);
    let mut out: Vec<Word> = Vec::new();
    let gap = |out: &mut Vec<Word>, s: usize, e: usize| {
        if out.last().is_some_and(|w| w.is_gap()) {
            let last = out.last_mut().expect("checked");
            last.span = Span::new(last.span.start, e);
        } else {
            out.push(Word {
                text: String::new(),
                span: Span::new(s, e),
            });
        }
    };
    let mut word_start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    let flush = |out: &mut Vec<Word>, ws: &mut Option<usize>, end: usize| {
        if let Some(s) = ws.take() {
            let f = fold_word(&text[s..end]);
            if !f.is_empty() {
                out.push(Word {
                    text: f,
                    span: Span::new(span.start + s, span.start + end),
                });
            }
        }
    };
    while let Some((i, c)) = chars.next() {
        let apostrophe = (c == '\'' || c == '’')
            && word_start.is_some()
            && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric()
            || apostrophe
            || (c == '.'
                && word_start.is_some()
                && chars.peek().is_some_and(|(_, n)| n.is_ascii_digit()))
        {
            if word_start.is_none() {
                word_start = Some(i);
            }
            continue;
        }
        flush(&mut out, &mut word_start, i);
        match c {
            '[' => {
                let end = text[i..].find(']').map_or(text.len(), |e| i + e + 1);
                gap(&mut out, span.start + i, span.start + end);
                while chars.peek().is_some_and(|(j, _)| *j < end) {
                    chars.next();
                }
            }
            '…' => gap(&mut out, span.start + i, span.start + i + c.len_utf8()),
            '.' if text[i..].starts_with("..") => {
                let mut end = i;
                while text[end..].starts_with('.')
                    || text[end..].starts_with(' ') && text[end + 1..].starts_with('.')
                {
                    end += 1;
                }
                gap(&mut out, span.start + i, span.start + end);
                while chars.peek().is_some_and(|(j, _)| *j < end) {
                    chars.next();
                }
            }
            _ => {}
        }
    }
    flush(&mut out, &mut word_start, text.len());
    out
}

const HONORIFICS: [&str; 17] = [
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "lord",
    "lady",
    "dame",
    "prof",
    "professor",
    "rev",
    "mx",
    "baroness",
    "cllr",
    "president",
    "senator",
];

/// A speaker's name folded to its last word, honorifics and punctuation dropped.
pub fn speaker_key(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .map(fold_word)
        .rfind(|w| !w.is_empty() && !HONORIFICS.contains(&w.as_str()) && w != "s")
        .unwrap_or_default()
}

/// The words of a person's name, folded, honorifics dropped, hyphens kept apart.
pub fn name_words(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace())
        .filter(|w| {
            let f = fold_word(w);
            !f.is_empty() && !HONORIFICS.contains(&f.as_str())
        })
        .map(|w| {
            let w = w
                .strip_suffix("’s")
                .or_else(|| w.strip_suffix("'s"))
                .unwrap_or(w)
                .trim_end_matches(['’', '\'', ',', '.']);
            w.split('-').map(fold_word).collect::<Vec<_>>().join("-")
        })
        .collect()
}

/// Days since 1970-01-01 of an ISO date (`2018-01-23`).
pub fn day_number(iso: &str) -> Option<i64> {
    let mut it = iso.trim().splitn(3, '-');
    let y: i64 = it.next()?.parse().ok()?;
    let m: i64 = it.next()?.parse().ok()?;
    let d: i64 = it.next()?.get(..2)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// A top-level `key: value` (or `key = value`) of a file's front matter, for the
/// first of `keys` it gives; quotes stripped.
pub fn front_matter_value(source: &str, keys: &[&str]) -> Option<String> {
    let src = source.trim_start_matches('\u{feff}');
    let (fence, rest) = if let Some(r) = src.strip_prefix("---") {
        ("---", r)
    } else if let Some(r) = src.strip_prefix("+++") {
        ("+++", r)
    } else {
        return None;
    };
    let rest = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))?;
    let mut found: Option<(usize, String)> = None;
    for line in rest.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim_end() == fence {
            break;
        }
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let Some((k, v)) = line.split_once([':', '=']) else {
            continue;
        };
        let k = k.trim().to_ascii_lowercase();
        let Some(rank) = keys.iter().position(|x| *x == k) else {
            continue;
        };
        let v = v
            .split(" #")
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches(['"', '\'']);
        if !v.is_empty() && found.as_ref().is_none_or(|(r, _)| rank < *r) {
            found = Some((rank, v.to_string()));
        }
    }
    found.map(|(_, v)| v)
}

/// A date as ISO (`2017-03-03`): ISO itself (a time after it allowed) or any form
/// `find_date` reads ("3 March 2017", "March 3, 2017", "Friday 3 March 2017").
fn iso_date(text: &str) -> Option<String> {
    let t = text.trim();
    if let Some(d) = t.get(..10)
        && day_number(d).is_some()
        && d.as_bytes()[4] == b'-'
    {
        return Some(d.to_string());
    }
    crate::document::find_date(t)
}

const MONTH_NAMES: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A wire dateline opening the text: "LONDON, March 3 (Reuters) -", "PARIS, 3
/// March 2017 (AFP) –", "WASHINGTON, March 3, 2017 -". The year, when the
/// dateline leaves it out, is `year` (from elsewhere in the article); without one
/// there is no date.
fn wire_dateline(line: &str, year: impl FnOnce() -> Option<u32>) -> Option<String> {
    let (place, rest) = line.split_once(',')?;
    let place = place.trim();
    let upper = place.chars().filter(|c| c.is_alphabetic()).count();
    if upper < 2
        || place.len() > 40
        || place
            .chars()
            .any(|c| c.is_lowercase() || c.is_ascii_digit())
    {
        return None;
    }
    // The dateline ends at the dash that opens the story.
    let cut = [" - ", " – ", " — ", " -- "]
        .iter()
        .filter_map(|d| rest.find(d))
        .min()?;
    let head = &rest[..cut];
    if head.len() > 48 {
        return None;
    }
    let head = match head.find('(') {
        Some(i) => &head[..i],
        None => head,
    };
    if let Some(d) = crate::document::find_date(head) {
        return Some(d);
    }
    let toks: Vec<String> = head
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect();
    let month = |t: &str| {
        MONTH_NAMES
            .iter()
            .position(|m| t.len() >= 3 && t.starts_with(m) && t.len() <= 9)
    };
    let day = |t: &str| t.parse::<u32>().ok().filter(|d| (1..=31).contains(d));
    let (m, d) = match toks.as_slice() {
        [a, b] => match (month(a), day(b), day(a), month(b)) {
            (Some(m), Some(d), _, _) | (_, _, Some(d), Some(m)) => (m, d),
            _ => return None,
        },
        _ => return None,
    };
    let y = year()?;
    Some(format!("{y:04}-{:02}-{d:02}", m + 1))
}

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// The lead-ins of a dateline or byline line that gives the publication date.
const DATE_LEADS: [&str; 10] = [
    "published",
    "updated",
    "last updated",
    "first published",
    "posted",
    "posted on",
    "date",
    "last modified",
    "modified",
    "filed",
];

/// A dateline or byline line that gives a date: "Published: 3 March 2017",
/// "Updated 12:30 GMT, Friday 3 March 2017", "Posted on March 3, 2017",
/// "By Jane Smith, March 3, 2017", or a line that is a date and little else.
fn dateline_date(line: &str) -> Option<String> {
    let t = line.trim();
    if t.len() > 120 {
        return None;
    }
    let lower = t.to_lowercase();
    let led = DATE_LEADS
        .iter()
        .any(|l| lower.starts_with(l) && !lower[l.len()..].starts_with(char::is_alphabetic))
        || lower.starts_with("by ");
    // A line that is a date and little else ("Friday 3 March 2017, 12:30 GMT"):
    // not a headline that names a date.
    let other_words = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .filter(|w| {
            !(MONTH_NAMES.iter().any(|m| w.starts_with(m))
                || WEEKDAYS.iter().any(|d| w.starts_with(d))
                || [
                    "gmt", "bst", "utc", "cet", "est", "edt", "am", "pm", "st", "nd", "rd", "th",
                ]
                .contains(w))
        })
        .count();
    let short = other_words <= 1 && t.split_whitespace().count() <= 8;
    if led || short { iso_date(t) } else { None }
}

/// The article's date and where it comes from: the front matter (`date`,
/// `published`, ...), then a dateline or byline among the first lines of the
/// text, then what extraction found (a dateline paragraph), then
/// a wire dateline opening the first body paragraph ("LONDON, March 3 (Reuters)
/// -"), its year taken from another date in the article's head when it gives
/// none.
pub fn article_date(f: &Extracted) -> Option<(String, &'static str)> {
    let fm_keys = [
        "date",
        "published",
        "pubdate",
        "publish_date",
        "published_at",
        "datepublished",
        "created",
    ];
    if let Some(d) = front_matter_value(&f.source, &fm_keys).and_then(|v| iso_date(&v)) {
        return Some((d, "front-matter"));
    }
    // The head: the first few paragraphs, within the first 2,000 bytes.
    let head: Vec<&str> = f
        .article
        .paragraphs
        .iter()
        .take(8)
        .filter(|p| p.span.start < 2000 && p.zone != Zone::Boilerplate)
        .map(|p| p.span.slice(&f.source))
        .collect();
    for p in &head {
        for line in p.lines() {
            if let Some(d) = dateline_date(line) {
                let src = if line.trim_start().to_lowercase().starts_with("by ") {
                    "byline"
                } else {
                    "dateline"
                };
                return Some((d, src));
            }
        }
    }
    // A year-less wire dateline takes the year of a full date elsewhere in the
    // article (a "Published" line, a date in the text), never a bare number.
    if let Some(d) = f.article.date.as_deref().and_then(iso_date) {
        return Some((d, "dateline"));
    }
    let year = || {
        f.article.paragraphs.iter().find_map(|p| {
            crate::document::find_date(p.span.slice(&f.source))
                .and_then(|d| d.get(..4).and_then(|y| y.parse::<u32>().ok()))
        })
    };
    head.iter()
        .find_map(|p| wire_dateline(p.lines().next().unwrap_or(""), year))
        .map(|d| (d, "dateline"))
}

fn hash_of<T: Hash + ?Sized>(t: &T) -> u64 {
    let mut h = FxHasher::default();
    t.hash(&mut h);
    h.finish()
}

impl Ledger {
    /// The ledger of a run: `files` are reported on, `archive` only compared against.
    /// File indexes run over `files` then `archive`.
    pub fn build(files: &[&Extracted], checked: usize) -> Ledger {
        let mut first_of: FxHashMap<u64, usize> = FxHashMap::default();
        let mut articles = Vec::with_capacity(files.len());
        for (i, f) in files.iter().enumerate() {
            let h = hash_of(f.source.as_bytes());
            let canonical = *first_of.entry(h).or_insert(i);
            let canonical = if files[canonical].source == f.source {
                canonical
            } else {
                i
            };
            let (date, date_source) = match article_date(f) {
                Some((d, s)) => (Some(d), Some(s)),
                None => (None, None),
            };
            articles.push(ArticleEntry {
                day: date.as_deref().and_then(day_number),
                date,
                canonical,
                checked: i < checked,
                date_source,
            });
        }
        use rayon::prelude::*;
        type PerFile = (Vec<QuoteEntry>, Vec<PersonEntry>, Vec<QuoteEntry>);
        let per_file: Vec<PerFile> = files
            .par_iter()
            .enumerate()
            .map(|(i, f)| {
                (
                    quotes_of(i, f, false),
                    people_of(i, f),
                    quotes_of(i, f, true),
                )
            })
            .collect();
        let mut quotes = Vec::new();
        let mut people = Vec::new();
        let mut claims = Vec::new();
        for (q, p, c) in per_file {
            quotes.extend(q);
            people.extend(p);
            claims.extend(c);
        }
        // Join each speaker to the person of its article's register, so that a
        // person named in full once and then by surname, honorific or pronoun is
        // one person with all their quotations.
        let person_of: FxHashMap<(usize, usize), usize> = people
            .iter()
            .enumerate()
            .map(|(n, p)| ((p.file, p.index), n))
            .collect();
        for (list, is_claim) in [(&mut quotes, false), (&mut claims, true)] {
            for (qi, q) in list.iter_mut().enumerate() {
                let reg = files[q.file].article.quotes[q.index]
                    .speaker
                    .as_ref()
                    .and_then(|s| s.person);
                let Some(s) = q.speaker.as_mut() else {
                    continue;
                };
                let Some(&n) = reg.and_then(|r| person_of.get(&(q.file, r))) else {
                    continue;
                };
                s.person = Some(n);
                if s.given.is_none() {
                    s.given = people[n].folded.first().cloned();
                }
                if is_claim {
                    people[n].claims.push(qi);
                } else {
                    people[n].quotes.push(qi);
                }
            }
        }
        let links = find_links(&quotes, &articles, LINK_MIN_WORDS);
        let claim_links = find_links(&claims, &articles, CLAIM_LINK_MIN_WORDS);
        Ledger {
            articles,
            quotes,
            people,
            links,
            claims,
            claim_links,
        }
    }

    /// Whether two files are the same article (the same bytes).
    pub fn same_article(&self, a: usize, b: usize) -> bool {
        self.articles[a].canonical == self.articles[b].canonical
    }

    /// Days between two files' dates, when both have one.
    pub fn days_apart(&self, a: usize, b: usize) -> Option<i64> {
        Some((self.articles[a].day? - self.articles[b].day?).abs())
    }
}

/// The quotations (direct and partial) of one article, or with `claims` its
/// claims (reported speech, kind `indirect`).
fn quotes_of(file: usize, f: &Extracted, claims: bool) -> Vec<QuoteEntry> {
    let a = &f.article;
    let mut out = Vec::new();
    for (index, q) in a.quotes.iter().enumerate() {
        let wanted = if claims {
            q.kind == QuoteKind::Indirect
        } else {
            matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial)
        };
        if q.depth > 0 || q.zone == Zone::Boilerplate || !wanted {
            continue;
        }
        let words = quote_words(&f.source, q.span);
        let speaker = q.speaker.as_ref().map(|s| SpeakerEntry {
            name: s.name.clone(),
            key: speaker_key(&s.name),
            anonymous: s.anonymous,
            entity: s.entity,
            source: s.source,
            mention: s.mention,
            given: {
                let w = name_words(&s.name);
                (w.len() >= 2 && s.entity == EntityKind::Person && !s.anonymous)
                    .then(|| w[0].split('-').next().unwrap_or("").to_string())
                    .filter(|g| !g.is_empty())
            },
            person: None,
        });
        out.push(QuoteEntry {
            file,
            index,
            span: q.span,
            kind: q.kind,
            zone: q.zone,
            words,
            speaker,
            cue: q.cue.as_ref().map(|c| c.text.clone()),
        });
    }
    out
}

fn people_of(file: usize, f: &Extracted) -> Vec<PersonEntry> {
    let mut out = register_of(file, f);
    surname_mentions(f, &mut out);
    out
}

/// Mentions of a person by surname alone that the register does not record
/// ("Lansman left before the vote."): the surname as a word of the body, when
/// no other person of the article has that surname (the article's register is
/// what joins the surname to the full name; a shared surname joins nothing).
fn surname_mentions(f: &Extracted, people: &mut [PersonEntry]) {
    let mut by_surname: FxHashMap<&str, Option<usize>> = FxHashMap::default();
    let names: Vec<String> = people
        .iter()
        .map(|p| {
            p.name
                .split_whitespace()
                .next_back()
                .unwrap_or("")
                .trim_end_matches(['’', '\'', ',', '.'])
                .to_string()
        })
        .collect();
    for (n, s) in names.iter().enumerate() {
        if s.chars().count() < 3 || !s.starts_with(char::is_uppercase) {
            continue;
        }
        by_surname
            .entry(s.as_str())
            .and_modify(|v| *v = None)
            .or_insert(Some(n));
    }
    if by_surname.values().all(Option::is_none) {
        return;
    }
    // Each person's recorded mentions sorted by start, with the greatest end so
    // far: a word lies inside a recorded mention exactly when the greatest end
    // among the mentions starting at or before it reaches the word's end. One
    // binary search a word, not a scan of every mention.
    let covers: Vec<(Vec<usize>, Vec<usize>)> = people
        .iter_mut()
        .map(|p| {
            p.mentions.sort_by_key(|(_, m)| m.start);
            let starts = p.mentions.iter().map(|(_, m)| m.start).collect();
            let ends = p
                .mentions
                .iter()
                .scan(0, |max, (_, m)| {
                    *max = (*max).max(m.end);
                    Some(*max)
                })
                .collect();
            (starts, ends)
        })
        .collect();
    let src = &f.source;
    for para in f.article.paragraphs.iter().filter(|p| p.zone == Zone::Body) {
        let text = para.span.slice(src);
        let mut start: Option<usize> = None;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            let word_char = c.is_alphanumeric() || c == '-';
            if word_char {
                start.get_or_insert(i);
                continue;
            }
            let Some(s) = start.take() else { continue };
            let w = text[s..i].trim_end_matches('-');
            if !w.starts_with(char::is_uppercase) {
                continue;
            }
            let Some(&Some(n)) = by_surname.get(w) else {
                continue;
            };
            let span = Span::new(para.span.start + s, para.span.start + s + w.len());
            let (starts, ends) = &covers[n];
            let before = starts.partition_point(|&s| s <= span.start);
            if before > 0 && ends[before - 1] >= span.end {
                continue;
            }
            people[n].mentions.push((MentionForm::Surname, span));
        }
    }
    for p in people.iter_mut() {
        p.mentions.sort_by_key(|(_, m)| m.start);
    }
}

fn register_of(file: usize, f: &Extracted) -> Vec<PersonEntry> {
    f.article
        .people
        .iter()
        .enumerate()
        .filter_map(|(index, p)| {
            let words = name_words(&p.name);
            if words.len() < 2 {
                return None;
            }
            let folded: Vec<String> = words
                .iter()
                .flat_map(|w| w.split('-').map(str::to_string))
                .collect();
            let key = folded.concat().replace("mac", "mc");
            let mention = p
                .mentions
                .iter()
                .find(|m| m.form == MentionForm::FullName)
                .map(|m| {
                    // The name itself, not the apposition after it.
                    let text = m.span.slice(&f.source);
                    let first = p.name.split_whitespace().next().unwrap_or("");
                    let start = text.find(first).unwrap_or(0);
                    let last = p.name.split_whitespace().next_back().unwrap_or("");
                    let end = text[start..]
                        .find(last)
                        .map_or(text.len(), |e| start + e + last.len());
                    Span::new(m.span.start + start, m.span.start + end)
                });
            let name = mention.map_or_else(|| p.name.clone(), |m| m.slice(&f.source).to_string());
            Some(PersonEntry {
                file,
                index,
                name,
                folded,
                key,
                mention,
                roles: p.roles.iter().map(|r| (r.text.clone(), r.span)).collect(),
                mentions: p.mentions.iter().map(|m| (m.form, m.span)).collect(),
                quotes: Vec::new(),
                claims: Vec::new(),
            })
        })
        .collect()
}

/// Align two quotations word by word (longest common subsequence); the stretches
/// between matched words are differences unless a gap stands in them, and an
/// unmatched head or tail on one side only is an excerpt, not a difference.
pub fn align(a: &[Word], b: &[Word]) -> (usize, Vec<Hunk>) {
    let a = &a[..a.len().min(MAX_ALIGN)];
    let b = &b[..b.len().min(MAX_ALIGN)];
    let (n, m) = (a.len(), b.len());
    let mut dp = vec![0u16; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            dp[at(i, j)] = if !a[i].is_gap() && a[i].text == b[j].text {
                dp[at(i + 1, j + 1)] + 1
            } else {
                dp[at(i + 1, j)].max(dp[at(i, j + 1)])
            };
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if !a[i].is_gap() && a[i].text == b[j].text {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if dp[at(i + 1, j)] >= dp[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    let mut hunks = Vec::new();
    let has_gap = |w: &[Word]| w.iter().any(Word::is_gap);
    let mut prev = (0usize, 0usize);
    let k = pairs.len();
    if k == 0 {
        return (0, hunks);
    }
    for (idx, &(ni, nj)) in pairs.iter().chain(std::iter::once(&(n, m))).enumerate() {
        let ra = prev.0..ni;
        let rb = prev.1..nj;
        let edge = idx == 0 || idx == k;
        let gapped = has_gap(&a[ra.clone()]) || has_gap(&b[rb.clone()]);
        let one_sided = ra.is_empty() || rb.is_empty();
        let empty = ra.is_empty() && rb.is_empty();
        let excerpt = edge && one_sided;
        if !(empty || gapped || excerpt) {
            hunks.push(Hunk { a: ra, b: rb });
        }
        prev = (ni + 1, nj + 1);
    }
    (k, hunks)
}

fn find_links(quotes: &[QuoteEntry], articles: &[ArticleEntry], min_words: usize) -> Vec<Link> {
    use rayon::prelude::*;
    // Groups of identical word sequences.
    let mut group_of: FxHashMap<Vec<&str>, usize> = FxHashMap::default();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (qi, q) in quotes.iter().enumerate() {
        if q.word_count() < min_words {
            continue;
        }
        let key: Vec<&str> = q.words.iter().map(|w| w.text.as_str()).collect();
        let g = *group_of.entry(key).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(qi);
    }
    // Shingles of each group's words (not across gaps).
    let shingles_of = |g: usize| -> Vec<u64> {
        let q = &quotes[groups[g][0]];
        let mut out: Vec<u64> = q
            .words
            .windows(SHINGLE)
            .filter(|w| w.iter().all(|x| !x.is_gap()))
            .map(|w| hash_of(&[&w[0].text, &w[1].text, &w[2].text]))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    };
    let group_shingles: Vec<Vec<u64>> =
        (0..groups.len()).into_par_iter().map(shingles_of).collect();
    let mut index: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for (g, sh) in group_shingles.iter().enumerate() {
        for s in sh {
            index.entry(*s).or_default().push(g as u32);
        }
    }
    let mut links: Vec<Link> = Vec::new();
    let linkable = |x: usize, y: usize| {
        let (fa, fb) = (quotes[x].file, quotes[y].file);
        articles[fa].canonical != articles[fb].canonical || fa == fb
    };
    let exact = |x: usize, y: usize| Link {
        a: x.min(y),
        b: x.max(y),
        matched: quotes[x].word_count(),
        hunks: Vec::new(),
    };
    // Members of one group are the same words.
    for members in &groups {
        if members.len() <= GROUP_PAIR_CAP {
            for (n, &x) in members.iter().enumerate() {
                for &y in &members[n + 1..] {
                    if linkable(x, y) {
                        links.push(exact(x, y));
                    }
                }
            }
        } else {
            for &y in &members[1..] {
                if linkable(members[0], y) {
                    links.push(exact(members[0], y));
                }
            }
        }
    }
    // Groups sharing shingles: aligned, then every member pair linked.
    let between: Vec<Link> = (0..groups.len())
        .into_par_iter()
        .flat_map_iter(|g| {
            let mut shared: FxHashMap<u32, u32> = FxHashMap::default();
            let mut rare = 0;
            for s in &group_shingles[g] {
                let bucket = &index[s];
                if bucket.len() > SHINGLE_BUCKET_CAP {
                    continue;
                }
                // Shingles of its own only (a changed word's) find nothing.
                if bucket.len() > 1 {
                    rare += 1;
                }
                for &h in bucket {
                    if h as usize > g {
                        *shared.entry(h).or_default() += 1;
                    }
                }
            }
            let mine = group_shingles[g].len();
            let need_of = |h: usize| {
                if mine.min(group_shingles[h].len()) < 3 {
                    1
                } else {
                    2
                }
            };
            let mut candidates: Vec<(usize, u32)> = shared
                .into_iter()
                .map(|(h, c)| (h as usize, c))
                .filter(|&(h, c)| c as usize >= need_of(h))
                .collect();
            // A popular quotation (every excerpt of it in its own group) has all
            // or nearly all its shingles in crowded buckets: look it up by its
            // rarest shingles instead, scanning a bounded part of each bucket and
            // aligning only the groups that share the most of them, so the cost
            // stays linear.
            if rare < POPULAR_MIN_RARE && mine >= POPULAR_RAREST {
                let mut by_size: Vec<&u64> = group_shingles[g]
                    .iter()
                    .filter(|s| index[*s].len() > SHINGLE_BUCKET_CAP)
                    .collect();
                by_size.sort_by_key(|s| index[*s].len());
                let mut popular: FxHashMap<u32, u32> = FxHashMap::default();
                for s in by_size.into_iter().take(POPULAR_RAREST) {
                    for &h in index[s].iter().take(POPULAR_SCAN) {
                        if h as usize != g {
                            *popular.entry(h).or_default() += 1;
                        }
                    }
                }
                let mut extra: Vec<(usize, u32)> = popular
                    .into_iter()
                    .map(|(h, c)| (h as usize, c))
                    .filter(|&(_, c)| c as usize >= POPULAR_RAREST - 1)
                    .collect();
                extra.sort_unstable_by_key(|&(h, c)| (std::cmp::Reverse(c), h));
                extra.truncate(POPULAR_ALIGN);
                candidates.extend(extra);
                candidates.sort_unstable_by_key(|&(h, _)| h);
                candidates.dedup_by_key(|&mut (h, _)| h);
            }
            let mut out = Vec::new();
            for (h, _) in candidates {
                let (x0, y0) = (groups[g][0], groups[h][0]);
                let (matched, hunks) = align(&quotes[x0].words, &quotes[y0].words);
                let probe = Link {
                    a: x0,
                    b: y0,
                    matched,
                    hunks,
                };
                if matched < min_words || probe.similarity() < LINK_MIN_SIMILARITY {
                    continue;
                }
                let mut n = 0;
                'pairs: for &x in &groups[g] {
                    for &y in &groups[h] {
                        if n >= GROUP_PAIR_CAP * 4 {
                            break 'pairs;
                        }
                        if !linkable(x, y) {
                            continue;
                        }
                        n += 1;
                        let (a, b, hunks) = if x < y {
                            (x, y, probe.hunks.clone())
                        } else {
                            let flipped = probe
                                .hunks
                                .iter()
                                .map(|k| Hunk {
                                    a: k.b.clone(),
                                    b: k.a.clone(),
                                })
                                .collect();
                            (y, x, flipped)
                        };
                        out.push(Link {
                            a,
                            b,
                            matched,
                            hunks,
                        });
                    }
                }
            }
            out
        })
        .collect();
    links.extend(between);
    links.sort_by_key(|l| (l.a, l.b));
    links.dedup_by_key(|l| (l.a, l.b));
    links
}

/// Quotation pairs linked, as a set of (a, b) for tests and rules.
pub fn link_set(ledger: &Ledger) -> FxHashSet<(usize, usize)> {
    ledger.links.iter().map(|l| (l.a, l.b)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<Word> {
        quote_words(s, Span::new(0, s.len()))
    }

    fn texts(s: &str) -> Vec<String> {
        words(s).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn a_date_field_cut_inside_a_character_is_no_date() {
        // Found by the markdown fuzzer: the tenth byte falls inside "…".
        assert_eq!(iso_date("       !…"), None);
        assert_eq!(iso_date("2017-03-0…"), None);
        assert_eq!(iso_date("2017-03-03T10:00"), Some("2017-03-03".into()));
    }

    #[test]
    fn words_are_folded_and_gaps_kept() {
        assert_eq!(
            texts("We’ve [Jon] said … it’s “déjà vu” -- now.. ok"),
            ["weve", "", "said", "", "its", "deja", "vu", "now", "", "ok"]
        );
    }

    #[test]
    fn one_word_changed_is_one_hunk() {
        let a = words("we will not campaign to deselect any MP at all");
        let b = words("we will never campaign to deselect any MP at all");
        let (m, h) = align(&a, &b);
        assert_eq!(m, 9);
        assert_eq!(h, [Hunk { a: 2..3, b: 2..3 }]);
    }

    #[test]
    fn ellipsis_brackets_and_excerpts_are_not_differences() {
        let a = words("we are not going to campaign to deselect anyone, at all, anywhere");
        let b = words("we are not going to campaign to deselect anyone ... anywhere");
        assert!(align(&a, &b).1.is_empty());
        let c = words("[Momentum] is not going to campaign to deselect anyone");
        let d = words("Momentum nationally is not going to campaign to deselect anyone");
        assert!(align(&c, &d).1.is_empty(), "{:?}", align(&c, &d));
        let e = words("going to campaign to deselect anyone");
        assert!(align(&e, &a).1.is_empty());
    }

    #[test]
    fn days_from_iso_dates() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(
            day_number("2018-03-12").unwrap() - day_number("2018-01-23").unwrap(),
            48
        );
        assert_eq!(day_number("soon"), None);
    }

    fn dated(src: &str) -> Option<(String, &'static str)> {
        let f = Extracted {
            path: "a.txt".into(),
            article: crate::extract_text(src, crate::markup::Format::Text),
            source: src.to_string(),
        };
        article_date(&f)
    }

    #[test]
    fn dates_from_datelines_bylines_and_front_matter() {
        let body = "\n\nThe minister said the plan would go ahead as agreed last year.\n";
        let d = |head: &str| dated(&format!("{head}{body}")).map(|(d, _)| d);
        assert_eq!(
            d("Rail fares rise\n\nPublished: 3 March 2017").as_deref(),
            Some("2017-03-03")
        );
        assert_eq!(
            d("Rail fares rise\n\nUpdated 12:30 GMT, Friday 3 March 2017").as_deref(),
            Some("2017-03-03")
        );
        assert_eq!(
            d("Rail fares rise\n\nPosted on March 3, 2017").as_deref(),
            Some("2017-03-03")
        );
        assert_eq!(
            d("Rail fares rise\n\nBy Jane Smith, March 3, 2017").map(|_| dated(&format!(
                "Rail fares rise\n\nBy Jane Smith, March 3, 2017{body}"
            ))
            .unwrap()
            .1),
            Some("byline")
        );
        assert_eq!(
            dated("---\ntitle: Fares\ndate: 2017-03-03T12:30:00Z\n---\nThe minister spoke.\n"),
            Some(("2017-03-03".to_string(), "front-matter"))
        );
        assert_eq!(
            dated("---\ndate: \"3 March 2017\"\n---\nThe minister spoke.\n")
                .map(|x| x.0)
                .as_deref(),
            Some("2017-03-03")
        );
        // A wire dateline gives the day; the year comes from a full date elsewhere.
        assert_eq!(
            d("Rail fares rise\n\nLONDON, March 3, 2017 (Reuters) - Fares rose.").as_deref(),
            Some("2017-03-03")
        );
        assert_eq!(
            d("Rail fares rise\n\nLONDON, March 3 (Reuters) - Fares rose, the office said on 1 March 2017.").as_deref(),
            Some("2017-03-03")
        );
        // Without a year anywhere there is no date, and a headline naming a date
        // is not the article's date.
        assert_eq!(
            d("Rail fares rise\n\nLONDON, March 3 (Reuters) - Fares rose."),
            None
        );
        assert_eq!(
            dateline_date("Fares will rise on 3 March 2017, minister says"),
            None
        );
        assert_eq!(
            dateline_date("Friday 3 March 2017, 12:30 GMT").as_deref(),
            Some("2017-03-03")
        );
        assert_eq!(d("Rail fares rise"), None);
    }

    #[test]
    fn given_names_tell_people_apart() {
        assert!(given_names_agree("jon", "john"));
        assert!(given_names_agree("j", "jon"));
        assert!(!given_names_agree("ed", "david"));
        // A short form that begins the long one may be the same person.
        assert!(given_names_agree("ed", "edward"));
        assert!(!given_names_agree("tom", "thomas"));
    }

    #[test]
    fn speaker_keys_drop_honorifics() {
        assert_eq!(speaker_key("Mr Lansman"), "lansman");
        assert_eq!(speaker_key("Jon Lansman"), "lansman");
        assert_eq!(name_words("Matt Zarb-Cousin’s"), ["matt", "zarb-cousin"]);
    }
}
