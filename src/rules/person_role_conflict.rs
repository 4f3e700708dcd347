//! One person given incompatible titles in articles close in time.
//!
//! # What it checks
//! The same person (the same full name, folded) given the same office with
//! different modifiers in two articles: former against current, shadow against
//! office-holder, acting or interim against permanent, deputy against the post
//! itself, elect against holder. Roles are the titles extraction attaches to a
//! person and the words before or in apposition to a full name. Different
//! offices ("founder" and "chairman") are both true and not compared. Articles
//! more than `max_days_apart` apart may both be right (a title changes over
//! time); when either article has no date the finding is an info. An article's
//! date is the ledger's: front matter (`date`, `published`, ...), a "Published:",
//! "Updated 12:30 GMT, Friday 3 March 2017" or "Posted on March 3, 2017" line or a
//! dated byline among the first lines, or a wire dateline ("LONDON, March 3
//! (Reuters) -", its year from another full date of the article). The person is
//! the register's: the full name, with the surname, honorific and pronoun
//! mentions the article joins to it, so "Ms Walker, a former vice-chair" is a
//! title of Jackie Walker; people sharing only a surname are never joined.
//!
//! # Why an editor cares
//! Sources are identified by position so readers can judge them; contradictory
//! titles are corrections waiting to happen.
//!
//! # Options
//! `max_days_apart` (14): articles further apart than this are not compared;
//! `undated_same_story` (true): when either article has no date, compare the two
//! only when they share a quotation or a claim (the same story, so the same
//! time); a title in an undated article about another week may simply be older.
//! On the bbc corpus (no dates at all) most undated pairs without a shared
//! quotation were titles that changed over the year ("Home Secretary" and
//! "ex-Home Secretary" David Blunkett), not conflicts.

use super::cross::{CrossCheck, CrossContext, CrossHit};
use super::{Check, Context, Hit};
use crate::finding::Severity;
use crate::ledger::fold_word;
use crate::model::MentionForm;
use crate::span::Span;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::collections::BTreeSet;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PersonRoleConflict {
    pub max_days_apart: i64,
    pub undated_same_story: bool,
}

impl Default for PersonRoleConflict {
    fn default() -> Self {
        PersonRoleConflict {
            max_days_apart: 14,
            undated_same_story: true,
        }
    }
}

impl Check for PersonRoleConflict {
    fn check(&self, _: &Context, _: &mut Vec<Hit>) {}

    fn cross(&self) -> Option<&dyn CrossCheck> {
        Some(self)
    }
}

const STOP: [&str; 14] = [
    "a", "an", "the", "his", "her", "its", "their", "of", "for", "and", "to", "in", "at", "on",
];
/// Words that make a role a clause about time, not a title held.
const CLAUSE: [&str; 12] = [
    "who", "was", "is", "were", "been", "then", "until", "since", "elected", "certain", "would",
    "will",
];

/// A role's modifiers (by class) and its office words.
#[derive(Debug, PartialEq, Eq)]
struct RoleKey {
    mods: BTreeSet<&'static str>,
    core: BTreeSet<String>,
}

fn role_key(text: &str) -> Option<RoleKey> {
    let mut mods = BTreeSet::new();
    let mut core = BTreeSet::new();
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == '-' || c == '–')
        .map(|w| {
            let w = w
                .strip_suffix("’s")
                .or_else(|| w.strip_suffix("'s"))
                .unwrap_or(w);
            fold_word(w)
        })
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 8 {
        return None;
    }
    for w in &words {
        let w = w.as_str();
        if CLAUSE.contains(&w) {
            return None;
        }
        let class = match w {
            "former" | "ex" | "outgoing" | "previous" | "retired" => Some("former"),
            "acting" | "interim" | "caretaker" => Some("acting"),
            "shadow" => Some("shadow"),
            "deputy" | "assistant" => Some("deputy"),
            "elect" | "incoming" | "designate" | "prospective" => Some("future"),
            _ => None,
        };
        if let Some(c) = class {
            mods.insert(c);
            continue;
        }
        if STOP.contains(&w) {
            continue;
        }
        let w = match w {
            "chairman" | "chairwoman" | "chairperson" => "chair",
            "spokeswoman" | "spokesperson" => "spokesman",
            "ceo" => "chief executive",
            w => w,
        };
        for part in w.split(' ') {
            core.insert(part.to_string());
        }
    }
    (!core.is_empty()).then_some(RoleKey { mods, core })
}

fn describe(mods: &BTreeSet<&'static str>) -> &'static str {
    if mods.contains("former") {
        "former"
    } else if mods.contains("acting") {
        "acting"
    } else if mods.contains("shadow") {
        "shadow"
    } else if mods.contains("deputy") {
        "deputy"
    } else if mods.contains("future") {
        "incoming"
    } else {
        "current"
    }
}

/// The title words written straight before a name ("Dozens including former
/// Corbyn spokesman Matt Zarb-Cousin" -> "former Corbyn spokesman"): capitalised
/// words, title words and modifiers, back to the first other word.
fn title_before(src: &str, at: usize) -> Option<Span> {
    let lex = crate::lexicon::Lexicon::get();
    let line_start = src[..at].rfind('\n').map_or(0, |i| i + 1);
    let head = &src[..at];
    let mut start = at;
    let mut n = 0;
    while n < 6 {
        let t = head[line_start..start].trim_end();
        let end = line_start + t.len();
        let ws = t
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let w = &t[ws..];
        if w.is_empty() || w.ends_with(['.', ',', ';', ':', '(', '“', '"']) {
            break;
        }
        let lw = fold_word(w);
        let titled = w.chars().next().is_some_and(char::is_uppercase)
            || w.split('-').any(|p| lex.titles.contains(&p.to_lowercase()))
            || [
                "former", "ex", "acting", "interim", "shadow", "deputy", "outgoing", "incoming",
            ]
            .contains(&lw.as_str());
        if !titled {
            break;
        }
        start = end - w.len();
        n += 1;
    }
    if n == 0 {
        return None;
    }
    let span = Span::new(start, line_start + head[line_start..].trim_end().len());
    let text = span.slice(src);
    let has_title = text
        .split(|c: char| c.is_whitespace() || c == '-')
        .any(|p| lex.titles.contains(&p.to_lowercase()));
    has_title.then_some(span)
}

/// Every role of a person of one article: the ones extraction attached, and the
/// words before a full-name mention ("former Momentum official Christine
/// Shawcroft") or in apposition after it ("Jackie Walker, a former Momentum
/// Vice-Chair who ...").
fn roles_of(
    cx: &CrossContext,
    file: usize,
    index: usize,
    ledger_mentions: &[(MentionForm, Span)],
) -> Vec<(String, Span)> {
    let src = cx.source(file);
    let p = &cx.files[file].article.people[index];
    let mut out: Vec<(String, Span)> = p.roles.iter().map(|r| (r.text.clone(), r.span)).collect();
    // The ledger's mentions: the register's, and surname-only ones it joins.
    let mentions: Vec<crate::model::Mention> = ledger_mentions
        .iter()
        .map(|&(form, span)| crate::model::Mention { span, form })
        .collect();
    let first = p.name.split_whitespace().next().unwrap_or("");
    let last = p.name.split_whitespace().next_back().unwrap_or("");
    for m in mentions.iter().filter(|m| m.form == MentionForm::FullName) {
        let text = m.span.slice(src);
        let Some(s) = text.find(first) else { continue };
        let Some(e) = text[s..].find(last).map(|e| s + e + last.len()) else {
            continue;
        };
        let before = text[..s].trim();
        if !before.is_empty() {
            let start = m.span.start + text[..s].find(before).unwrap_or(0);
            out.push((before.to_string(), Span::new(start, start + before.len())));
        } else if let Some(pre) = title_before(src, m.span.start + s) {
            out.push((pre.slice(src).to_string(), pre));
        }
        push_apposition(&text[e..], m.span.start + e, &mut out);
    }
    // The same person by surname or honorific later in the article, joined
    // through the register: "Mr Lansman, the group's chairman, said".
    for m in mentions
        .iter()
        .filter(|m| matches!(m.form, MentionForm::Surname | MentionForm::Honorific))
    {
        let text = m.span.slice(src);
        let Some(e) = text.rfind(last).map(|e| e + last.len()) else {
            continue;
        };
        let end = m.span.start + e;
        let rest_end = src[end..].find('\n').map_or(src.len(), |i| end + i);
        push_apposition(&src[end..rest_end], end, &mut out);
    }
    // A role written straight after a modifier ("former Cabinet minister", with
    // "Cabinet minister" attached by extraction) is the modified role: one
    // title, not a current and a former one in the same sentence.
    for r in out.iter_mut() {
        let start = modified_start(src, r.1.start);
        if start < r.1.start {
            r.1 = Span::new(start, r.1.end);
            r.0 = r.1.slice(src).to_string();
        }
    }
    out.sort_by_key(|r| r.1);
    out.dedup_by_key(|r| r.1);
    one_per_overlap(out)
}

/// Where a role starting at `at` starts once the modifier words just before it
/// ("former", "ex-", "then", "acting", ...) are taken in.
fn modified_start(src: &str, at: usize) -> usize {
    const MODS: [&str; 12] = [
        "former",
        "ex",
        "then",
        "acting",
        "interim",
        "caretaker",
        "shadow",
        "deputy",
        "outgoing",
        "incoming",
        "retired",
        "previous",
    ];
    let mut start = at;
    loop {
        let head = &src[..start];
        if let Some(h) = head.strip_suffix('-')
            && let Some(w) = h.rsplit(|c: char| !c.is_alphabetic()).next()
            && w.eq_ignore_ascii_case("ex")
        {
            start = h.len() - w.len();
            continue;
        }
        let t = head.trim_end_matches([' ', '\t']);
        if t.len() == head.len() {
            return start;
        }
        let w = t.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        if !w.is_empty() && MODS.iter().any(|m| w.eq_ignore_ascii_case(m)) {
            start = t.len() - w.len();
            continue;
        }
        return start;
    }
}

/// The apposition after a name (", a former Momentum Vice-Chair who ..." ->
/// "a former Momentum Vice-Chair"), `at` being where `after` starts.
fn push_apposition(after: &str, at: usize, out: &mut Vec<(String, Span)>) {
    if let Some(rest) = after.strip_prefix(", ") {
        let cut = [",", " who ", " which ", " whose "]
            .iter()
            .filter_map(|c| rest.find(c))
            .min()
            .unwrap_or(rest.len());
        let role = rest[..cut].trim();
        if !role.is_empty() {
            let start = at + 2;
            out.push((role.to_string(), Span::new(start, start + role.len())));
        }
    }
}

/// Two articles as an unordered pair of their canonical copies.
fn story_key(l: &crate::ledger::Ledger, a: usize, b: usize) -> (usize, usize) {
    let (a, b) = (l.articles[a].canonical, l.articles[b].canonical);
    (a.min(b), a.max(b))
}

/// Of roles whose spans overlap ("Their former coach" and "former coach", or
/// "former England rugby union captain" and "captain"), one: the one with most
/// modifiers, then the shortest. One title is one occurrence.
fn one_per_overlap(roles: Vec<(String, Span)>) -> Vec<(String, Span)> {
    let score = |r: &(String, Span)| {
        let mods = role_key(&r.0).map_or(0, |k| k.mods.len());
        (std::cmp::Reverse(mods), r.1.end - r.1.start)
    };
    let mut out: Vec<(String, Span)> = Vec::new();
    for r in roles {
        match out.last_mut() {
            Some(last) if r.1.start < last.1.end => {
                if score(&r) < score(last) {
                    *last = r;
                }
            }
            _ => out.push(r),
        }
    }
    out
}

/// One role occurrence of a person in one article.
struct Occurrence {
    person: usize,
    text: String,
    span: Span,
    mods: BTreeSet<&'static str>,
}

/// Candidates looked at per role occurrence: a person named in thousands of
/// articles is compared with the nearest few in time, not with all of them.
const MAX_CANDIDATES: usize = 64;
/// Other places shown per finding.
const MAX_RELATED: usize = 3;

impl CrossCheck for PersonRoleConflict {
    fn check_cross(&self, cx: &CrossContext, out: &mut Vec<CrossHit>) {
        let l = cx.ledger;
        // Article pairs that share a quotation or a claim: one story.
        let stories: rustc_hash::FxHashSet<(usize, usize)> = l
            .links
            .iter()
            .map(|k| (l.quotes[k.a].file, l.quotes[k.b].file))
            .chain(
                l.claim_links
                    .iter()
                    .map(|k| (l.claims[k.a].file, l.claims[k.b].file)),
            )
            .filter(|(a, b)| a != b)
            .map(|(a, b)| story_key(l, a, b))
            .collect();
        let mut clusters: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        for (i, p) in l.people.iter().enumerate() {
            clusters.entry(p.key.as_str()).or_default().push(i);
        }
        let mut keys: Vec<&&str> = clusters.keys().collect();
        keys.sort();
        let mut found: std::collections::BTreeMap<(usize, Span), (Hit, Option<Severity>)> =
            Default::default();
        for key in keys {
            let members = &clusters[*key];
            if members.len() < 2 {
                continue;
            }
            // Occurrences by office: only the same office with other modifiers
            // can conflict, so each occurrence meets only the other modifier sets.
            let mut by_core: std::collections::BTreeMap<BTreeSet<String>, Vec<Occurrence>> =
                Default::default();
            for &i in members {
                let p = &l.people[i];
                for (text, span) in roles_of(cx, p.file, p.index, &p.mentions) {
                    if let Some(k) = role_key(&text) {
                        by_core.entry(k.core).or_default().push(Occurrence {
                            person: i,
                            text,
                            span,
                            mods: k.mods,
                        });
                    }
                }
            }
            for occs in by_core.values() {
                let mut groups: std::collections::BTreeMap<&BTreeSet<&'static str>, Vec<usize>> =
                    Default::default();
                for (n, o) in occs.iter().enumerate() {
                    groups.entry(&o.mods).or_default().push(n);
                }
                if groups.len() < 2 {
                    continue;
                }
                // Each group sorted by the article's day (undated first).
                let day = |n: usize| l.articles[l.people[occs[n].person].file].day;
                for g in groups.values_mut() {
                    g.sort_by_key(|&n| (day(n), l.people[occs[n].person].file));
                }
                for (mods, mine) in &groups {
                    for &x in mine {
                        let ox = &occs[x];
                        let px = &l.people[ox.person];
                        if !cx.checked(px.file) {
                            continue;
                        }
                        let dx = day(x);
                        let mut looked = 0;
                        let mut hit: Option<(Hit, Option<Severity>)> = None;
                        'groups: for (other_mods, theirs) in &groups {
                            if other_mods == mods {
                                continue;
                            }
                            // Undated ones, then those within the window of days.
                            let undated = theirs.partition_point(|&n| day(n).is_none());
                            let window = match dx {
                                Some(d) => {
                                    let from = theirs[undated..].partition_point(|&n| {
                                        day(n).is_some_and(|e| e < d - self.max_days_apart)
                                    });
                                    let to = theirs[undated..].partition_point(|&n| {
                                        day(n).is_some_and(|e| e <= d + self.max_days_apart)
                                    });
                                    undated + from..undated + to
                                }
                                None => undated..theirs.len(),
                            };
                            for &y in theirs[..undated].iter().chain(&theirs[window]) {
                                looked += 1;
                                if looked > MAX_CANDIDATES {
                                    break 'groups;
                                }
                                let oy = &occs[y];
                                let py = &l.people[oy.person];
                                if px.file == py.file || l.same_article(px.file, py.file) {
                                    continue;
                                }
                                let apart = l.days_apart(px.file, py.file);
                                if apart.is_some_and(|d| d > self.max_days_apart) {
                                    continue;
                                }
                                if apart.is_none()
                                    && self.undated_same_story
                                    && !stories.contains(&story_key(l, px.file, py.file))
                                {
                                    continue;
                                }
                                let here = cx.here_and_there(
                                    (px.file, ox.span.start),
                                    (py.file, oy.span.start),
                                );
                                if here.is_none_or(|(h, _)| h != 0) {
                                    continue;
                                }
                                let entry = hit.get_or_insert_with(|| {
                                    let when = match apart {
                                        Some(0) => " on the same date".to_string(),
                                        Some(d) => format!(", {d} days apart"),
                                        None => " (one article has no date)".to_string(),
                                    };
                                    let h = Hit::at(ox.span)
                                        .var("name", px.name.clone())
                                        .var("role", super::fold(&ox.text, 60))
                                        .var("other", super::fold(&oy.text, 60))
                                        .var("here_kind", describe(&ox.mods))
                                        .var("there_kind", describe(&oy.mods))
                                        .var("where", cx.where_(px.file, py.file))
                                        .var("when", when)
                                        .label(ox.span, format!("{} here", describe(&ox.mods)));
                                    (h, apart.is_none().then_some(Severity::Info))
                                });
                                entry.0.related.push(cx.related(
                                    py.file,
                                    oy.span,
                                    format!(
                                        "{} “{}” there",
                                        describe(&oy.mods),
                                        super::fold(&oy.text, 60)
                                    ),
                                ));
                                if entry.0.related.len() >= MAX_RELATED {
                                    break 'groups;
                                }
                            }
                        }
                        if let Some(h) = hit {
                            found.entry((px.file, ox.span)).or_insert(h);
                        }
                    }
                }
            }
        }
        for ((file, _), (hit, lower)) in found {
            out.push(CrossHit {
                file,
                hit,
                lower,
                severity: None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_after_a_no_break_space_is_read_without_splitting_the_space() {
        // PolNeAR writes "Vermont Sen.\u{a0}Bernie Sanders": the space is two bytes.
        let src = "If he could do it, Vermont Sen.\u{a0}Bernie Sanders could.";
        let at = src.find("Bernie").unwrap();
        assert_eq!(title_before(src, at), None);
        let src = "said former\u{a0}Labour\u{a0}leader Ed Miliband";
        let at = src.find("Ed").unwrap();
        let span = title_before(src, at).expect("a title");
        assert_eq!(span.slice(src), "former\u{a0}Labour\u{a0}leader");
    }

    #[test]
    fn modifiers_before_a_role_are_taken_in() {
        let src = "and former Cabinet minister Jack and ex-Home Secretary X";
        let at = src.find("Cabinet").unwrap();
        assert_eq!(&src[modified_start(src, at)..at], "former ");
        let at = src.find("Home").unwrap();
        assert_eq!(&src[modified_start(src, at)..at], "ex-");
        let at = src.find("Jack").unwrap();
        assert_eq!(modified_start(src, at), at);
    }

    #[test]
    fn roles_fold_modifiers_and_aliases() {
        let a = role_key("a former Momentum Vice-Chair").unwrap();
        let b = role_key("Momentum vice-chair").unwrap();
        assert_eq!(a.core, b.core);
        assert_ne!(a.mods, b.mods);
        assert_eq!(
            role_key("Momentum chairman").unwrap().core,
            role_key("chairwoman of Momentum").unwrap().core
        );
        assert_ne!(
            role_key("Momentum founder").unwrap().core,
            role_key("Momentum chairman").unwrap().core
        );
        assert!(role_key("all but certain to be elected to the NEC").is_none());
    }
}
