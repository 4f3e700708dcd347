//! The ledger: every quotation and every person of a run's articles, for the
//! cross-article rules.
//!
//! Quotations are compared on normalised words (case, quote glyphs, dashes,
//! apostrophes, whitespace and punctuation folded; bracketed text and ellipses kept
//! as gaps that match any words). Near-identical quotations are found without
//! comparing all pairs: identical word sequences are grouped by a hash, the groups
//! are indexed by 3-word shingles, and only groups sharing shingles are aligned
//! word by word. Shingles shared by very many groups ("I think we") are left out
//! of the candidate search, so the cost grows about linearly with the quotations.
//! Articles with the same bytes are one article published twice: nothing is
//! linked between them.

use crate::Extracted;
use crate::model::{EntityKind, MentionForm, QuoteKind, SpeakerSource, Zone};
use crate::span::Span;
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use std::hash::{Hash, Hasher};

/// Quotations shorter than this (in words) are not linked at all.
pub const LINK_MIN_WORDS: usize = 4;
/// Pairs below this token-level similarity are not linked.
pub const LINK_MIN_SIMILARITY: f64 = 0.7;
const SHINGLE: usize = 3;
/// A shingle shared by more groups than this is too common to find candidates by.
const SHINGLE_BUCKET_CAP: usize = 48;
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
            articles.push(ArticleEntry {
                day: f.article.date.as_deref().and_then(day_number),
                date: f.article.date.clone(),
                canonical,
                checked: i < checked,
            });
        }
        use rayon::prelude::*;
        let per_file: Vec<(Vec<QuoteEntry>, Vec<PersonEntry>)> = files
            .par_iter()
            .enumerate()
            .map(|(i, f)| (quotes_of(i, f), people_of(i, f)))
            .collect();
        let mut quotes = Vec::new();
        let mut people = Vec::new();
        for (q, p) in per_file {
            quotes.extend(q);
            people.extend(p);
        }
        let links = find_links(&quotes, &articles);
        Ledger {
            articles,
            quotes,
            people,
            links,
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

fn quotes_of(file: usize, f: &Extracted) -> Vec<QuoteEntry> {
    let a = &f.article;
    let mut out = Vec::new();
    for (index, q) in a.quotes.iter().enumerate() {
        if q.depth > 0
            || q.zone == Zone::Boilerplate
            || !matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial)
        {
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

fn find_links(quotes: &[QuoteEntry], articles: &[ArticleEntry]) -> Vec<Link> {
    use rayon::prelude::*;
    // Groups of identical word sequences.
    let mut group_of: FxHashMap<Vec<&str>, usize> = FxHashMap::default();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (qi, q) in quotes.iter().enumerate() {
        if q.word_count() < LINK_MIN_WORDS {
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
            for s in &group_shingles[g] {
                let bucket = &index[s];
                if bucket.len() > SHINGLE_BUCKET_CAP {
                    continue;
                }
                for &h in bucket {
                    if h as usize > g {
                        *shared.entry(h).or_default() += 1;
                    }
                }
            }
            let mut out = Vec::new();
            let mine = group_shingles[g].len();
            for (h, count) in shared {
                let h = h as usize;
                let need = if mine.min(group_shingles[h].len()) < 3 {
                    1
                } else {
                    2
                };
                if (count as usize) < need {
                    continue;
                }
                let (x0, y0) = (groups[g][0], groups[h][0]);
                let (matched, hunks) = align(&quotes[x0].words, &quotes[y0].words);
                let probe = Link {
                    a: x0,
                    b: y0,
                    matched,
                    hunks,
                };
                if matched < LINK_MIN_WORDS || probe.similarity() < LINK_MIN_SIMILARITY {
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

    #[test]
    fn speaker_keys_drop_honorifics() {
        assert_eq!(speaker_key("Mr Lansman"), "lansman");
        assert_eq!(speaker_key("Jon Lansman"), "lansman");
        assert_eq!(name_words("Matt Zarb-Cousin’s"), ["matt", "zarb-cousin"]);
    }
}
