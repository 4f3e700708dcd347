//! How the narrative refers to each person of the register, for the rules of
//! section E (first reference, second reference, repeated full name, shared
//! surname). Extraction records a person's full names and the mentions that
//! attribute quotations; these rules need every reference, so the narrative
//! words (never the quoted words) are read again here and matched against the
//! register's surnames and given names.

use super::Context;
use crate::lexicon::Lexicon;
use crate::model::{Gender, Zone};
use crate::span::Span;
use rustc_hash::{FxHashMap, FxHashSet};

/// How a reference names the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefForm {
    /// Given name and surname ("Jon Lansman").
    Full,
    /// A courtesy title and the surname ("Mr Lansman").
    Honorific,
    /// A rank title and the surname ("Sir Starmer" is rare; "Lord Adonis").
    Rank,
    /// An office before the surname ("President Obama").
    Titled,
    /// The surname alone ("Lansman").
    Surname,
    /// The given name alone ("Jon").
    Given,
}

/// One reference to a person in the narrative.
#[derive(Debug, Clone)]
pub struct Ref {
    /// The words of the reference, possessive ending excluded.
    pub span: Span,
    pub form: RefForm,
    pub zone: Zone,
    /// Index of the paragraph.
    pub paragraph: usize,
    /// Used as a modifier ("Corbyn supporters", "Corbyn-backing", "pro-Corbyn"):
    /// not a reference to the person as such, and no title is expected there.
    pub attributive: bool,
    /// The title word of an honorific or rank reference ("Mr").
    pub title: Option<String>,
}

/// A person as the narrative refers to them.
#[derive(Debug, Clone)]
pub struct Named {
    /// Index in `Article::people`, `None` for a person the register does not hold
    /// (only ever given as "Ms Formby" or as a surname).
    pub person: Option<usize>,
    /// The fullest name: "Jon Lansman", or the surname alone.
    pub name: String,
    pub given: Option<String>,
    pub surname: String,
    pub gender: Gender,
    /// In text order.
    pub refs: Vec<Ref>,
    /// Quotations (indices in `Article::quotes`) attributed to the person.
    pub quotes: Vec<usize>,
    /// Known only from a surname used as a modifier ("former Corbyn spokesman").
    pub modifier_only: bool,
}

impl Named {
    /// References in the body (not headline, standfirst or captions).
    pub fn body_refs(&self) -> impl Iterator<Item = &Ref> {
        self.refs.iter().filter(|r| r.zone == Zone::Body)
    }
}

/// Courtesy titles, which house styles use or drop.
pub const COURTESY: [&str; 9] = [
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "rev", "messrs",
];
/// Rank titles, which stay whatever the house does with courtesy titles.
pub const RANK: [&str; 6] = ["sir", "lord", "lady", "dame", "baroness", "baron"];

/// Nouns after a surname that make it a modifier: "Corbyn supporters", "the
/// Blair government".
const ATTRIBUTIVE_HEADS: [&str; 66] = [
    "supporter",
    "supporters",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aide",
    "aides",
    "ally",
    "allies",
    "loyalist",
    "loyalists",
    "critic",
    "critics",
    "backer",
    "backers",
    "camp",
    "era",
    "years",
    "government",
    "administration",
    "regime",
    "family",
    "project",
    "team",
    "wing",
    "faction",
    "leadership",
    "campaign",
    "doctrine",
    "plan",
    "policy",
    "policies",
    "agenda",
    "cabinet",
    "presidency",
    "adviser",
    "advisers",
    "fans",
    "children",
    "household",
    "families",
    "bid",
    "takeover",
    "offer",
    "deal",
    "book",
    "report",
    "inquiry",
    "trial",
    "case",
    "affair",
    "estate",
    "empire",
    "brothers",
    "sisters",
    "show",
    "style",
    "twins",
    "lieutenant",
    "lieutenants",
    "camps",
    "film",
    "films",
    "movie",
    "album",
    "song",
];

/// A word without its possessive ending: (bare word, had a possessive).
pub fn strip_possessive(w: &str) -> (&str, bool) {
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(b) = w.strip_suffix(suffix) {
            return (b, true);
        }
    }
    (w, false)
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) && w.chars().skip(1).any(char::is_lowercase)
}

/// Starts with a capital: a name word, an initial ("W", "E.") or initials ("JP").
fn upper_first(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Name particles that stand lower-case inside a name ("Robert de Niro").
const PARTICLES: [&str; 12] = [
    "de", "van", "von", "der", "den", "du", "da", "di", "la", "le", "al", "bin",
];

fn gender_of_title(t: &str) -> Gender {
    match t {
        "mr" | "sir" | "lord" | "baron" => Gender::Male,
        "mrs" | "ms" | "miss" | "lady" | "dame" | "baroness" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// The paragraph index of an offset.
pub fn paragraph_of(cx: &Context, at: usize) -> usize {
    let ps = &cx.article.paragraphs;
    ps.partition_point(|p| p.span.end <= at)
        .min(ps.len().saturating_sub(1))
}

/// The span of the sentence around `at`, within its paragraph: from after the
/// last full stop, question or exclamation mark that ends a sentence, to the
/// next one.
pub fn sentence_of(cx: &Context, at: usize) -> Span {
    let p = cx.article.paragraphs[paragraph_of(cx, at)].span;
    let text = cx.source;
    let ends_sentence = |i: usize| -> bool {
        // `i` is the byte of a . ? or !: a sentence ends there when space and a
        // capital (or an opening mark) follow and no abbreviation or initial
        // comes before.
        let after = &text[i + 1..p.end];
        let rest = after.trim_start();
        if rest.len() == after.len() && !after.is_empty() {
            return false;
        }
        let word: String = text[p.start..i]
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric())
            .collect::<String>()
            .chars()
            .rev()
            .collect();
        let lw = word.to_lowercase();
        let abbrev = Lexicon::get().abbreviations.contains(&lw)
            || (word.chars().count() == 1 && word.chars().all(char::is_uppercase));
        !abbrev
            && rest
                .chars()
                .next()
                .is_none_or(|c| c.is_uppercase() || "“‘\"'".contains(c))
    };
    let mut start = p.start;
    for (i, c) in text[p.start..at].char_indices() {
        if matches!(c, '.' | '?' | '!') && ends_sentence(p.start + i) {
            start = p.start + i + 1;
        }
    }
    let mut end = p.end;
    for (i, c) in text[at..p.end].char_indices() {
        if matches!(c, '.' | '?' | '!') && ends_sentence(at + i) {
            end = at + i + 1;
            break;
        }
    }
    Span::new(start, end)
}

/// Every person the narrative names, with each reference. People of the register
/// whose name is one word, or who are never more than a title or a word, are
/// kept only when something says they are people: a known given name or gender,
/// a courtesy title, a quotation attributed to them, a role.
pub fn named_people<'c>(cx: &'c Context) -> &'c [Named] {
    // The four rules of section E read the same references: worked out once an
    // article.
    cx.memo
        .named_people
        .get_or_init(|| compute_named_people(cx))
}

fn compute_named_people(cx: &Context) -> Vec<Named> {
    let a = cx.article;
    let lex = Lexicon::get();
    let words = cx.narrative_words();
    let adjacent =
        |x: Span, y: Span| x.end <= y.start && cx.source[x.end..y.start].trim().is_empty();
    // "J. Allard": an initial's full stop may stand inside a name.
    let initial_gap = |x: Span, y: Span| {
        x.end <= y.start
            && cx.source[x.end..y.start]
                .trim()
                .trim_start_matches('.')
                .is_empty()
    };
    let mut out: Vec<Named> = Vec::new();
    for (i, p) in a.people.iter().enumerate() {
        let parts: Vec<&str> = p.name.split_whitespace().collect();
        if parts.len() < 2
            || !parts
                .iter()
                .all(|w| upper_first(w) || PARTICLES.contains(w))
            || lex.not_names.contains_lower(parts[0])
        {
            continue;
        }
        let surname = parts[parts.len() - 1].to_string();
        if !plausible_given(parts[0], lex) {
            continue;
        }
        out.push(Named {
            person: Some(i),
            name: p.name.clone(),
            given: Some(parts[0].to_string()),
            surname,
            gender: p.gender,
            refs: Vec::new(),
            quotes: Vec::new(),
            modifier_only: false,
        });
    }
    // Every look-up below is by hash, never a scan of the people: an article
    // naming thousands of people stays linear in its length.
    let mut quotes_of: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (qi, q) in a.quotes.iter().enumerate() {
        if let Some(pi) = q.speaker.as_ref().and_then(|s| s.person) {
            quotes_of.entry(pi).or_default().push(qi);
        }
    }
    for n in out.iter_mut() {
        if let Some(qs) = n.person.and_then(|pi| quotes_of.get(&pi)) {
            n.quotes.clone_from(qs);
        }
    }
    // The words of the register's names, and those of its names of two words or
    // more.
    let name_parts: FxHashSet<&str> = a
        .people
        .iter()
        .flat_map(|p| p.name.split_whitespace())
        .collect();
    let long_name_parts: FxHashSet<&str> = a
        .people
        .iter()
        .filter(|p| p.name.split_whitespace().count() > 1)
        .flat_map(|p| p.name.split_whitespace())
        .collect();
    // The surnames of `out` and `extra`, kept up to date as `extra` grows.
    let mut surnames_so_far: FxHashSet<&str> = out.iter().map(|n| n.surname.as_str()).collect();
    // Honorific references to surnames the register has no full name for, and
    // one-word speakers, become people of their own.
    let mut extra: Vec<Named> = Vec::new();
    for k in 1..words.len() {
        let (sp, w, _) = words[k];
        let (prev_sp, prev, _) = words[k - 1];
        let (bare, _) = strip_possessive(w);
        if !capitalised(bare) || !adjacent(prev_sp, sp) {
            continue;
        }
        let title = prev.trim_end_matches('.').to_lowercase();
        if !(COURTESY.contains(&title.as_str()) || RANK.contains(&title.as_str()))
            || lex.not_names.contains_lower(bare)
        {
            continue;
        }
        let known = surnames_so_far.contains(bare) || name_parts.contains(bare);
        // "Mr Jon Lansman": the given name follows the title.
        let next_is_name = words
            .get(k + 1)
            .is_some_and(|(s, nw, _)| adjacent(sp, *s) && upper_first(nw));
        if !known && !next_is_name {
            surnames_so_far.insert(bare);
            extra.push(Named {
                person: None,
                name: bare.to_string(),
                given: None,
                surname: bare.to_string(),
                gender: gender_of_title(&title),
                refs: Vec::new(),
                quotes: Vec::new(),
                modifier_only: false,
            });
        }
    }
    for (pi, p) in a.people.iter().enumerate() {
        if p.name.split_whitespace().count() != 1 || !capitalised(&p.name) {
            continue;
        }
        let quotes: Vec<usize> = quotes_of.get(&pi).cloned().unwrap_or_default();
        // A one-word speaker is a person when something says so: a title, a
        // pronoun that stood for them. A given name alone ("his daughter Jill")
        // is how relatives are named, not a missing first name.
        let lw = p.name.to_lowercase();
        // (A pronoun that stood for them is no proof: "Oxfam … he said".)
        let person_like = p.gender != Gender::Unknown;
        // "Xie Xuren": the surname may come first.
        let in_a_name = long_name_parts.contains(p.name.as_str());
        if quotes.is_empty()
            || !person_like
            || in_a_name
            || lex.first_names_male.contains(&lw)
            || lex.first_names_female.contains(&lw)
            || surnames_so_far.contains(p.name.as_str())
        {
            continue;
        }
        surnames_so_far.insert(p.name.as_str());
        extra.push(Named {
            person: Some(pi),
            name: p.name.clone(),
            given: None,
            surname: p.name.clone(),
            gender: p.gender,
            refs: Vec::new(),
            quotes,
            modifier_only: false,
        });
    }
    // The register misses some full names ("Tories Ken Clarke", "Paul King"
    // with a title word for a surname): look for one in the narrative.
    let extra_surnames: FxHashSet<&str> = extra.iter().map(|n| n.surname.as_str()).collect();
    let mut extra_at: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (k, (_, w, _)) in words.iter().enumerate().skip(1) {
        let bare = strip_possessive(w).0;
        if extra_surnames.contains(bare) {
            extra_at.entry(bare).or_default().push(k);
        }
    }
    for n in extra.iter_mut() {
        let at = extra_at.get(n.surname.as_str()).map_or(&[][..], |v| &v[..]);
        let found = at.iter().find_map(|&k| {
            let (sp, w, zone) = words[k];
            let (gsp, g, _) = words[k - 1];
            let lg = g.to_lowercase();
            (zone != Zone::Boilerplate
                && strip_possessive(w).0 == n.surname
                && adjacent(gsp, sp)
                && (capitalised(g) || (upper_first(g) && g.len() <= 3))
                && !strip_possessive(g).1
                && !lex.titles.contains(&lg)
                && !lex.not_names.contains(&lg)
                && !lex.organisation_words.contains(&lg)
                && !COURTESY.contains(&lg.trim_end_matches('.'))
                && !RANK.contains(&lg.as_str()))
            .then(|| g.to_string())
        });
        if let Some(g) = found {
            n.name = format!("{g} {}", n.surname);
            n.given = Some(g);
        }
    }
    out.extend(extra);
    for w in modifier_only_names(cx, words, &out) {
        out.push(Named {
            person: None,
            name: w.clone(),
            given: None,
            surname: w,
            gender: Gender::Unknown,
            refs: Vec::new(),
            quotes: Vec::new(),
            modifier_only: true,
        });
    }

    // Only words that are, or hold, a surname or a given name need looking at.
    let keys: FxHashSet<String> = out
        .iter()
        .flat_map(|n| [Some(n.surname.clone()), n.given.clone()])
        .flatten()
        .collect();
    // The people (indices in `out`, ascending) of each surname or given name.
    let mut holders: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (i, n) in out.iter().enumerate() {
        holders.entry(n.surname.clone()).or_default().push(i);
        if let Some(g) = n.given.as_ref().filter(|g| **g != n.surname) {
            holders.entry(g.clone()).or_default().push(i);
        }
    }
    let all_parts: Vec<Vec<String>> = out
        .iter()
        .map(|n| n.name.split_whitespace().map(str::to_string).collect())
        .collect();
    for (k, &(sp, w, zone)) in words.iter().enumerate() {
        if !upper_first(w) && !w.contains(['-', '‑']) {
            continue;
        }
        let (bare, _) = strip_possessive(w);
        if !keys.contains(bare) && !bare.split(['-', '‑']).any(|part| keys.contains(part)) {
            continue;
        }
        // "Corbyn-backing", "pro-Corbyn": the name as a modifier.
        let (head, compound) = match bare.split_once(['-', '‑']) {
            _ if keys.contains(bare) => (bare, false),
            Some((h, t)) if capitalised(h) && t.chars().next().is_some_and(char::is_lowercase) => {
                (h, true)
            }
            Some((h, t)) if h.chars().all(char::is_lowercase) && capitalised(t) => (t, true),
            _ => (bare, false),
        };
        if !capitalised(head) {
            continue;
        }
        // "Mr. Brown": the title's full stop may stand between.
        let prev = k
            .checked_sub(1)
            .map(|j| words[j])
            .filter(|(ps, _, _)| initial_gap(*ps, sp));
        // "the Brown/Blair feud".
        let slashed = cx.source[..sp.start].ends_with('/') || cx.source[sp.end..].starts_with('/');
        let next = words.get(k + 1).filter(|(ns, _, _)| adjacent(sp, *ns));
        let head_start = if head.as_ptr() == bare.as_ptr() {
            sp.start
        } else {
            sp.start + (head.as_ptr() as usize - bare.as_ptr() as usize)
        };
        let head_span = Span::new(head_start, head_start + head.len());
        // "the Blunkett controversy": a determiner before a surname makes it a
        // modifier.
        let after_determiner = prev.is_some_and(|(_, pw, _)| {
            matches!(
                pw.to_lowercase().as_str(),
                "the" | "a" | "an" | "this" | "that" | "these" | "those"
            )
        });
        let attributive = compound
            || slashed
            || after_determiner
            || (!strip_possessive(w).1
                && next.is_some_and(|(_, nw, _)| {
                    ATTRIBUTIVE_HEADS.contains(nw) || lex.anonymous_heads.contains(nw)
                }));
        let paragraph = paragraph_of(cx, sp.start);
        for &i in holders.get(head).map_or(&[][..], |v| &v[..]) {
            let (n, parts) = (&mut out[i], &all_parts[i]);
            if n.surname == head {
                // The whole name, ending here?
                let full = parts.len() >= 2
                    && k + 1 >= parts.len()
                    && (0..parts.len() - 1).all(|m| {
                        let j = k + 1 - parts.len() + m;
                        words[j].1.trim_end_matches('.') == parts[m].trim_end_matches('.')
                            && initial_gap(words[j].0, words[j + 1].0)
                    });
                let (form, start, title) = if full {
                    // "Mr Jon Lansman": a title on the full name.
                    let first = k + 1 - parts.len();
                    let title = first
                        .checked_sub(1)
                        .filter(|&j| adjacent(words[j].0, words[first].0))
                        .map(|j| words[j].1)
                        .filter(|t| {
                            let t = t.trim_end_matches('.').to_lowercase();
                            COURTESY.contains(&t.as_str())
                        });
                    (
                        RefForm::Full,
                        words[first].0.start,
                        title.map(str::to_string),
                    )
                } else if let Some((ps, pw, _)) = prev {
                    let t = pw.trim_end_matches('.').to_lowercase();
                    if COURTESY.contains(&t.as_str()) || RANK.contains(&t.as_str()) {
                        let g = gender_of_title(&t);
                        if g != Gender::Unknown && n.gender != Gender::Unknown && g != n.gender {
                            // "Mrs Blair" is not Tony Blair.
                            continue;
                        }
                        let form = if RANK.contains(&t.as_str()) {
                            RefForm::Rank
                        } else {
                            RefForm::Honorific
                        };
                        (form, ps.start, Some(pw.to_string()))
                    } else if lex.titles.contains(&t) && capitalised(pw) {
                        (RefForm::Titled, ps.start, None)
                    } else if capitalised(pw) && !lex.not_names.contains(&t) {
                        // "Cherie Blair": someone else of the name; "St
                        // Stephen's Green": a place.
                        continue;
                    } else {
                        (RefForm::Surname, head_span.start, None)
                    }
                } else {
                    (RefForm::Surname, head_span.start, None)
                };
                // "the Maguire Seven", "Glazer Family Trust": part of another
                // proper noun.
                // "Brown's Britain": a title.
                if !full && next.is_some_and(|(_, nw, _)| upper_first(nw)) {
                    continue;
                }
                n.refs.push(Ref {
                    span: Span::new(start, head_span.end),
                    form,
                    zone,
                    paragraph,
                    attributive,
                    title,
                });
            } else if n.given.as_deref() == Some(head) && !compound {
                let next_name =
                    next.is_some_and(|(_, nw, _)| upper_first(nw) || PARTICLES.contains(nw));
                // "Sir Richard" is the rank's form; "Thanks Gordon" a name too.
                let prev_name = prev
                    .is_some_and(|(_, pw, _)| upper_first(pw) && !lex.not_names.contains_lower(pw));
                if !next_name && !prev_name {
                    n.refs.push(Ref {
                        span: head_span,
                        form: RefForm::Given,
                        zone,
                        paragraph,
                        attributive,
                        title: None,
                    });
                }
            }
        }
    }
    // "Alan Smith" in the register and "Doug Smith" in the narrative: another
    // person of the surname, whom the register missed.
    let mut others: Vec<Named> = Vec::new();
    // (surname, a word of the name) of `out` and `others`.
    let mut name_words: FxHashSet<(&str, &str)> = out
        .iter()
        .flat_map(|o| o.name.split_whitespace().map(|x| (o.surname.as_str(), x)))
        .collect();
    let mut surname_at: FxHashMap<&str, Vec<usize>> = Default::default();
    for (k, (_, w, _)) in words.iter().enumerate().skip(1) {
        let bare = strip_possessive(w).0;
        if keys.contains(bare) {
            surname_at.entry(bare).or_default().push(k);
        }
    }
    for n in out
        .iter()
        .filter(|n| n.given.is_some() && n.person.is_some())
    {
        let parts: Vec<&str> = n.name.split_whitespace().collect();
        for &k in surname_at
            .get(n.surname.as_str())
            .map_or(&[][..], |v| &v[..])
        {
            let (sp, w, zone) = words[k];
            let (gsp, g, _) = words[k - 1];
            let lg = g.to_lowercase();
            // "Again Roddick": a capital at a sentence start is no given name
            // unless it is a known one.
            let before = cx.source[..gsp.start].trim_end();
            let sentence_start = before.is_empty()
                || before.ends_with(['.', '!', '?', '\n', ':', '"', '”'])
                || paragraph_of(cx, gsp.start) != paragraph_of(cx, before.len().saturating_sub(1));
            let known_first =
                lex.first_names_male.contains(&lg) || lex.first_names_female.contains(&lg);
            if zone == Zone::Boilerplate
                || !plausible_given(g, lex)
                || g.contains(['-', '‑'])
                || (sentence_start && !known_first)
                || strip_possessive(w).0 != n.surname
                || !adjacent(gsp, sp)
                || !capitalised(g)
                || strip_possessive(g).1
                || parts.contains(&g)
                || lex.titles.contains(&lg)
                || lex.not_names.contains(&lg)
                || lex.organisation_words.contains(&lg)
                || COURTESY.contains(&lg.trim_end_matches('.'))
                || RANK.contains(&lg.as_str())
                || name_words.contains(&(n.surname.as_str(), g))
            {
                continue;
            }
            name_words.insert((n.surname.as_str(), g));
            name_words.insert((n.surname.as_str(), n.surname.as_str()));
            others.push(Named {
                person: None,
                name: format!("{g} {}", n.surname),
                given: Some(g.to_string()),
                surname: n.surname.clone(),
                gender: Gender::Unknown,
                refs: vec![Ref {
                    span: Span::new(gsp.start, sp.start + strip_possessive(w).0.len()),
                    form: RefForm::Full,
                    zone,
                    paragraph: paragraph_of(cx, sp.start),
                    attributive: false,
                    title: None,
                }],
                quotes: Vec::new(),
                modifier_only: false,
            });
        }
    }
    // A given name that is also another person's given name or surname says
    // nothing by itself.
    let surnames: FxHashSet<String> = out.iter().map(|n| n.surname.clone()).collect();
    let mut givens: FxHashMap<String, usize> = FxHashMap::default();
    for g in out.iter().filter_map(|n| n.given.clone()) {
        *givens.entry(g).or_default() += 1;
    }
    for n in out.iter_mut() {
        if let Some(g) = &n.given {
            // Another's: the count holds this person's own.
            let shared = surnames.contains(g) || givens.get(g).is_some_and(|&c| c > 1);
            if shared {
                n.refs.retain(|r| r.form != RefForm::Given);
            }
        }
    }
    out.retain(|n| {
        let evidence = n.gender != Gender::Unknown
            || n.modifier_only
            || !n.quotes.is_empty()
            || n.person.is_some_and(|p| !a.people[p].roles.is_empty())
            || n.refs
                .iter()
                .any(|r| matches!(r.form, RefForm::Honorific | RefForm::Rank));
        let enough = n.person.is_some()
            || n.modifier_only
            || n.given.is_some()
            || n.body_refs().count() >= 2;
        evidence && enough && !n.refs.is_empty()
    });
    out.extend(others);
    out
}

/// The surnames more than one person holds (people of the register, or with a
/// given name): E4's business, so E1-E3 leave their holders.
pub fn shared_surnames(all: &[Named]) -> FxHashSet<&str> {
    let mut count: FxHashMap<&str, usize> = FxHashMap::default();
    for o in all
        .iter()
        .filter(|o| o.person.is_some() || o.given.is_some())
    {
        *count.entry(o.surname.as_str()).or_default() += 1;
    }
    count
        .into_iter()
        .filter(|&(_, c)| c > 1)
        .map(|(s, _)| s)
        .collect()
}

/// Party and nationality words that stand before "supporters" and "spokesman"
/// as a surname would.
const NOT_SURNAMES: [&str; 24] = [
    "tory",
    "conservative",
    "liberal",
    "democrat",
    "republican",
    "unionist",
    "green",
    "nationalist",
    "socialist",
    "communist",
    "government",
    "opposition",
    "labour",
    "union",
    "police",
    "army",
    "palace",
    "club",
    "team",
    "company",
    "party",
    "city",
    "county",
    "state",
];

/// Capitalised words used only as modifiers of people nouns, at least twice and
/// never otherwise ("former Corbyn spokesman", "Corbyn supporters"): a person
/// the article never names, as far as words can tell.
fn modifier_only_names(cx: &Context, words: &[(Span, &str, Zone)], known: &[Named]) -> Vec<String> {
    const PEOPLE_NOUNS: [&str; 16] = [
        "supporter",
        "supporters",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "aide",
        "aides",
        "ally",
        "allies",
        "loyalist",
        "loyalists",
        "critics",
        "backers",
        "adviser",
        "advisers",
        "loyalists",
    ];
    let lex = Lexicon::get();
    let adjacent =
        |x: Span, y: Span| x.end <= y.start && cx.source[x.end..y.start].trim().is_empty();
    let mut counts: FxHashMap<&str, (usize, bool)> = Default::default();
    let known: FxHashSet<&str> = known
        .iter()
        .flat_map(|n| [Some(n.surname.as_str()), n.given.as_deref()])
        .flatten()
        .collect();
    for (k, &(sp, w, zone)) in words.iter().enumerate() {
        if zone != Zone::Body || !capitalised(w) {
            continue;
        }
        let modifier = k > 0
            && adjacent(words[k - 1].0, sp)
            && !capitalised(words[k - 1].1)
            && words
                .get(k + 1)
                .is_some_and(|(ns, nw, _)| adjacent(sp, *ns) && PEOPLE_NOUNS.contains(nw));
        let e = counts.entry(w).or_insert((0, true));
        e.0 += modifier as usize;
        e.1 &= modifier;
    }
    let mut names: Vec<String> = counts
        .into_iter()
        .filter(|(w, (n, all))| {
            let l = w.to_lowercase();
            *all && *n >= 2
                && !lex.organisation_words.contains(&l)
                && !lex.not_names.contains(&l)
                && !lex.titles.contains(&l)
                && !NOT_SURNAMES.contains(&l.as_str())
                && !l.ends_with("ian")
                && !l.ends_with("ish")
                && !l.ends_with("ese")
                && !known.contains(*w)
        })
        .map(|(w, _)| w.to_string())
        .collect();
    names.sort();
    names
}

/// A word that can be a given name: not a title ("Writer Tony Cowell"), a speech
/// verb ("Said Williams:"), or a modifier ("London-based Levy",
/// "Seventeen-year-old Stone").
fn plausible_given(w: &str, lex: &Lexicon) -> bool {
    let l = w.to_lowercase();
    let modifier = w
        .split_once(['-', '‑'])
        .is_some_and(|(_, t)| t.chars().next().is_some_and(char::is_lowercase));
    let bare = l.trim_end_matches('.');
    upper_first(w)
        && !modifier
        && !lex.titles.contains(&l)
        && !lex.speech_cues.contains_word(&l)
        && !COURTESY.contains(&bare)
        && !RANK.contains(&bare)
}

/// The word also stands in lower case in the article ("games", "brown"): a
/// capitalised one may be the common word at a sentence start, not a surname.
pub struct CommonWords<'a> {
    source: &'a str,
    asked: std::cell::Cell<usize>,
    words: std::cell::OnceCell<FxHashSet<&'a str>>,
}

impl<'a> CommonWords<'a> {
    pub fn new(source: &'a str) -> CommonWords<'a> {
        CommonWords {
            source,
            asked: Default::default(),
            words: Default::default(),
        }
    }

    /// The word also stands in lower case in the article. The first few
    /// questions read the text; after them its words are put in a set, so an
    /// article of thousands of people is read a fixed number of times.
    pub fn has(&self, w: &str) -> bool {
        let lower = w.to_lowercase();
        if lower == w {
            return false;
        }
        let asked = self.asked.get();
        self.asked.set(asked + 1);
        let mut runs = self.source.split(|c: char| !c.is_alphanumeric());
        if asked < 8 {
            return runs.any(|x| x == lower);
        }
        self.words
            .get_or_init(|| runs.collect())
            .contains(lower.as_str())
    }
}
