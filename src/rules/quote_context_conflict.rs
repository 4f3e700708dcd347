//! The same quotation of the same speaker placed in different contexts.
//!
//! # What it checks
//! Two quotations with the same words and the same speaker (across the articles of
//! a run, or within one article) whose attributing sentences disagree on when,
//! where, to whom or in what setting the words were said: the day ("on Thursday",
//! "yesterday", "last night", a full date), resolved against each article's date;
//! the outlet or addressee ("told The Independent", "in an interview with the
//! BBC"); the occasion ("at a meeting", "in a statement", "in a speech"); the
//! place ("speaking in Brussels"). Only the narrative of the sentence that carries
//! the quotation and its cue is read, never the quoted words. A dimension is
//! compared only when both sentences give it. When either article has no date
//! the finding is info, and weekdays are compared as written.
//!
//! # Why an editor cares
//! Reuters and the BBC want sourcing precise enough to check, and the Guardian
//! wants the outlet named: the same words said to a newspaper on Tuesday and at a
//! meeting on Thursday cannot both be right, or one article copied the words from
//! the other without saying so.
//!
//! # Options
//! `min_words` (6): the fewest words the two quotations must share;
//! `similarity` (0.9): the least token-level similarity;
//! `compare` (["date", "place", "outlet", "occasion"]): which dimensions to compare;
//! `max_days_apart` (14): dated articles further apart than this are not compared
//! on the day (a speaker may repeat a line months later); `outlet_words`: words
//! that make an addressee an outlet ("told The Independent" against "at a
//! meeting" is a conflict of medium; "told MPs" is not).

use super::cross::{CrossCheck, CrossContext, CrossHit, pairs_by_here};
use super::{Check, Context, Hit};
use crate::finding::Severity;
use crate::ledger::QuoteEntry;
use crate::span::Span;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct QuoteContextConflict {
    pub min_words: usize,
    pub similarity: f64,
    pub compare: Vec<String>,
    pub max_days_apart: i64,
    pub outlet_words: Vec<String>,
}

const OUTLET_WORDS: [&str; 34] = [
    "BBC",
    "HuffPost",
    "Independent",
    "Guardian",
    "Times",
    "Telegraph",
    "Observer",
    "Mail",
    "Mirror",
    "Sun",
    "Express",
    "Standard",
    "Herald",
    "Post",
    "Journal",
    "Tribune",
    "Radio",
    "TV",
    "Television",
    "Channel",
    "ITV",
    "Sky",
    "CNN",
    "Reuters",
    "AFP",
    "AP",
    "Bloomberg",
    "News",
    "Press",
    "Programme",
    "Show",
    "Magazine",
    "Newsnight",
    "Today",
];

impl Default for QuoteContextConflict {
    fn default() -> Self {
        QuoteContextConflict {
            min_words: 6,
            similarity: 0.9,
            compare: ["date", "place", "outlet", "occasion"]
                .map(String::from)
                .to_vec(),
            max_days_apart: 14,
            outlet_words: OUTLET_WORDS.map(String::from).to_vec(),
        }
    }
}

impl Check for QuoteContextConflict {
    fn check(&self, _: &Context, _: &mut Vec<Hit>) {}

    fn cross(&self) -> Option<&dyn CrossCheck> {
        Some(self)
    }
}

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// When the words were said, as the sentence gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum When {
    /// Days before the article's date (yesterday = 1).
    Before(i64, String),
    /// A weekday (0 = Monday) as written.
    Weekday(usize, String),
    /// A full date (days since 1970).
    Day(i64, String),
}

impl When {
    fn text(&self) -> &str {
        match self {
            When::Before(_, t) | When::Weekday(_, t) | When::Day(_, t) => t,
        }
    }

    /// The day, resolved against the article's date.
    fn resolve(&self, article: Option<i64>) -> Option<i64> {
        match self {
            When::Day(d, _) => Some(*d),
            When::Before(n, _) => Some(article? - n),
            When::Weekday(w, _) => {
                let a = article?;
                let aw = (a + 3).rem_euclid(7) as usize; // 1970-01-01 was a Thursday
                Some(a - ((aw + 7 - w) % 7) as i64)
            }
        }
    }
}

/// The kinds of occasion: two different kinds cannot both be where words were said.
const OCCASIONS: [(&str, &str); 22] = [
    ("meeting", "a meeting"),
    ("rally", "a meeting"),
    ("conference", "a conference"),
    ("summit", "a conference"),
    ("hearing", "a hearing"),
    ("inquiry", "a hearing"),
    ("debate", "a debate"),
    ("speech", "a speech"),
    ("address", "a speech"),
    ("lecture", "a speech"),
    ("statement", "a statement"),
    ("release", "a statement"),
    ("letter", "a letter"),
    ("interview", "an interview"),
    ("podcast", "an interview"),
    ("programme", "a broadcast"),
    ("show", "a broadcast"),
    ("blog", "a post online"),
    ("tweet", "a post online"),
    ("twitter", "a post online"),
    ("post", "a post online"),
    ("article", "an article"),
];

/// Addressees that are no one in particular.
const GENERIC_ADDRESSEES: [&str; 8] = [
    "reporters",
    "journalists",
    "the",
    "a",
    "an",
    "me",
    "us",
    "him",
];

#[derive(Debug, Clone, Default)]
struct Setting {
    when: Option<(When, Span)>,
    outlet: Option<(String, Span)>,
    occasion: Option<(&'static str, Span)>,
    place: Option<(String, Span)>,
}

/// Per paragraph, the paragraph's text with every quotation of the paragraph
/// blanked (and non-ASCII bytes made spaces) and the places where its sentences
/// end, built once per paragraph the first time a quotation there asks: asking
/// for every quotation's sentence stays linear in the size of the run, where
/// blanking the paragraph anew per quotation was quadratic in a long article.
#[derive(Default)]
pub(super) struct Sentences {
    /// Per file, the quotation indexes of each paragraph.
    by_para: std::cell::RefCell<rustc_hash::FxHashMap<usize, Vec<Vec<usize>>>>,
    paras: std::cell::RefCell<rustc_hash::FxHashMap<(usize, usize), std::rc::Rc<Blanked>>>,
}

struct Blanked {
    text: String,
    /// Sorted offsets (in `text`) of the bytes that end a sentence.
    ends: Vec<usize>,
}

impl Sentences {
    fn paragraph(
        &self,
        cx: &CrossContext,
        file: usize,
        para: usize,
    ) -> Option<std::rc::Rc<Blanked>> {
        if let Some(b) = self.paras.borrow().get(&(file, para)) {
            return Some(b.clone());
        }
        let f = cx.files[file];
        let span = f.article.paragraphs.get(para)?.span;
        let mut by_para = self.by_para.borrow_mut();
        let groups = by_para.entry(file).or_insert_with(|| {
            let mut g = vec![Vec::new(); f.article.paragraphs.len()];
            for (i, o) in f.article.quotes.iter().enumerate() {
                if let Some(v) = g.get_mut(o.paragraph) {
                    v.push(i);
                }
            }
            g
        });
        let mut text: Vec<u8> = f.source.as_bytes()[span.start..span.end].to_vec();
        for &i in &groups[para] {
            let o = &f.article.quotes[i];
            let s = o.open.map_or(o.span.start, |m| m.start).max(span.start);
            let e = o.close.map_or(o.span.end, |m| m.end).min(span.end);
            for b in &mut text[s - span.start..e.max(s) - span.start] {
                *b = b' ';
            }
        }
        // Replace non-ASCII bytes left over so the text stays valid UTF-8 per byte.
        for b in &mut text {
            if *b >= 0x80 {
                *b = b' ';
            }
        }
        let text = String::from_utf8(text).ok()?;
        let bytes = text.as_bytes();
        let ends = (0..bytes.len())
            .filter(|&i| {
                matches!(bytes[i], b'.' | b'!' | b'?' | b';')
                    && bytes.get(i + 1).is_none_or(|c| c.is_ascii_whitespace())
            })
            .collect();
        let b = std::rc::Rc::new(Blanked { text, ends });
        self.paras.borrow_mut().insert((file, para), b.clone());
        Some(b)
    }
}

/// The narrative sentence around a quotation: its text with every quotation of
/// the paragraph blanked, and the offset of the text in the source.
pub(super) fn sentence_of(
    cx: &CrossContext,
    sentences: &Sentences,
    q: &QuoteEntry,
) -> Option<(String, usize)> {
    let f = cx.files[q.file];
    let quote = f.article.quotes.get(q.index)?;
    let para = f.article.paragraphs.get(quote.paragraph)?.span;
    let blanked = sentences.paragraph(cx, q.file, quote.paragraph)?;
    let mut lo = quote.span.start;
    let mut hi = quote.span.end;
    if let Some(c) = &quote.cue
        && c.span.start >= para.start
        && c.span.end <= para.end
    {
        lo = lo.min(c.span.start);
        hi = hi.max(c.span.end);
    }
    let (lo, hi) = (lo - para.start, hi.min(para.end) - para.start);
    let ends = &blanked.ends;
    // The last sentence end before `lo`, the first at or after `hi`.
    let before = ends.partition_point(|&i| i < lo);
    let start = before.checked_sub(1).map_or(0, |k| ends[k] + 1);
    let after = ends.partition_point(|&i| i < hi);
    let end = ends.get(after).copied().unwrap_or(blanked.text.len());
    Some((blanked.text[start..end].to_string(), para.start + start))
}

/// Words of a text with their byte ranges.
fn words(text: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let inword = c.is_alphanumeric() || c == '\'' || c == '-';
        match (start, inword) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push((s, i, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// The capitalised name starting at word `i` ("The Independent", "BBC Radio 4's
/// Today"), as word indexes `i..j`.
fn name_from(text: &str, ws: &[(usize, usize, &str)], i: usize) -> usize {
    let mut j = i;
    while j < ws.len() {
        // A name runs over single spaces only, never over punctuation or a quotation.
        if j > i && text[ws[j - 1].1..ws[j].0] != *" " {
            break;
        }
        let w = ws[j].2;
        let glue =
            j > i && matches!(w, "of" | "and") && ws.get(j + 1).is_some_and(|n| capitalised(n.2));
        if capitalised(w) || w.chars().all(|c| c.is_ascii_digit()) || glue {
            j += 1;
        } else {
            break;
        }
    }
    j
}

fn setting(cx: &CrossContext, sentences: &Sentences, q: &QuoteEntry) -> Setting {
    let mut s = Setting::default();
    let Some((text, off)) = sentence_of(cx, sentences, q) else {
        return s;
    };
    let ws = words(&text);
    let span = |a: usize, b: usize| Span::new(off + ws[a].0, off + ws[b - 1].1);
    let lower: Vec<String> = ws.iter().map(|w| w.2.to_lowercase()).collect();
    let at = |i: usize| lower.get(i).map_or("", String::as_str);
    for i in 0..ws.len() {
        let w = at(i);
        // When.
        if s.when.is_none() {
            if let Some(d) = WEEKDAYS.iter().position(|d| *d == w) {
                let end = if matches!(at(i + 1), "night" | "morning" | "evening" | "afternoon") {
                    i + 2
                } else {
                    i + 1
                };
                let from = if i > 0 && at(i - 1) == "on" { i - 1 } else { i };
                let t = text[ws[from].0..ws[end - 1].1].to_string();
                s.when = Some((When::Weekday(d, t), span(from, end)));
            } else if w == "yesterday" {
                s.when = Some((When::Before(1, "yesterday".into()), span(i, i + 1)));
            } else if w == "last" && at(i + 1) == "night" {
                s.when = Some((When::Before(1, "last night".into()), span(i, i + 2)));
            } else if matches!(w, "today" | "tonight")
                || (w == "this" && matches!(at(i + 1), "morning" | "afternoon" | "evening"))
            {
                let end = if w == "this" { i + 2 } else { i + 1 };
                let t = text[ws[i].0..ws[end - 1].1].to_string();
                s.when = Some((When::Before(0, t), span(i, end)));
            } else if w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty() && i + 2 < ws.len() {
                let t = &text[ws[i].0..ws[i + 2].1];
                if let Some(d) =
                    crate::document::find_date(t).and_then(|d| crate::ledger::day_number(&d))
                {
                    s.when = Some((When::Day(d, t.to_string()), span(i, i + 3)));
                }
            }
        }
        // Outlet or addressee: "told X", "interview with X", "speaking to X", "writing in X".
        if s.outlet.is_none() {
            let lead = match w {
                "told" | "tells" | "telling" => Some(1),
                "with" if i > 0 && matches!(at(i - 1), "interview" | "conversation") => Some(1),
                "to" if i > 0 && matches!(at(i - 1), "speaking" | "talking") => Some(1),
                "in" if i > 0 && matches!(at(i - 1), "writing") => Some(1),
                _ => None,
            };
            if let Some(k) = lead {
                let n0 = i + k;
                let mut n = n0;
                if matches!(at(n), "the") && ws.get(n + 1).is_some_and(|x| capitalised(x.2)) {
                    n += 1;
                }
                if n < ws.len() && capitalised(ws[n].2) && !GENERIC_ADDRESSEES.contains(&at(n)) {
                    let j = name_from(&text, &ws, n);
                    let n = n0;
                    // "told Mr Smith" is an addressee too; a bare pronoun is not.
                    let name = text[ws[n].0..ws[j - 1].1].to_string();
                    s.outlet = Some((name, span(i, j)));
                }
            }
        }
        // Occasion: "at a meeting", "in a statement", "on BBC Radio 4's Today programme".
        if s.occasion.is_none() && matches!(w, "at" | "in" | "on" | "during") {
            // The head noun within the next few words.
            for j in i + 1..(i + 7).min(ws.len()) {
                if matches!(
                    at(j),
                    "said" | "says" | "told" | "that" | "when" | "he" | "she"
                ) {
                    break;
                }
                if let Some((_, kind)) = OCCASIONS.iter().find(|(n, _)| {
                    let lw = at(j);
                    lw == *n || lw.strip_suffix('s') == Some(n)
                }) {
                    s.occasion = Some((kind, span(i, j + 1)));
                    break;
                }
            }
        }
        // Place: "speaking in Brussels", "said in Paris".
        if s.place.is_none()
            && w == "in"
            && i > 0
            && matches!(at(i - 1), "speaking" | "said" | "says" | "told")
            && ws.get(i + 1).is_some_and(|x| capitalised(x.2))
            && !WEEKDAYS.contains(&at(i + 1))
        {
            let j = name_from(&text, &ws, i + 1);
            if !OCCASIONS
                .iter()
                .any(|(n, _)| lower[i + 1..j].iter().any(|w| w == n))
            {
                s.place = Some((text[ws[i + 1].0..ws[j - 1].1].to_string(), span(i, j)));
            }
        }
    }
    s
}

/// Words too general to tell two outlets apart.
const GENERIC_OUTLET: [&str; 10] = [
    "the",
    "news",
    "radio",
    "uk",
    "tv",
    "television",
    "online",
    "programme",
    "mr",
    "mrs",
];

/// Two names for one party: a distinctive word in common ("BBC News", "BBC Radio
/// 4's Today"), or one name inside the other.
fn same_party(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold_name(a), fold_name(b));
    if fa == fb || fa.contains(&fb) || fb.contains(&fa) {
        return true;
    }
    let wb: Vec<&str> = fb.split(' ').collect();
    fa.split(' ')
        .filter(|w| !w.is_empty() && !GENERIC_OUTLET.contains(w))
        .any(|w| wb.contains(&w))
}

fn fold_name(s: &str) -> String {
    s.split_whitespace()
        .filter(|w| !w.eq_ignore_ascii_case("the"))
        .map(crate::ledger::fold_word)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A difference of setting: (what here, what there, its span here, its span there).
type Diff = (String, String, Span, Span);

impl QuoteContextConflict {
    /// An addressee worth comparing: an outlet, or a person by honorific ("told
    /// Mr Blair"); "told MPs" and "told the party" are not.
    fn comparable(&self, name: &str) -> bool {
        let first = name.split_whitespace().next().unwrap_or("");
        name.split(|c: char| !c.is_alphanumeric())
            .any(|w| self.outlet_words.iter().any(|x| x == w))
            || matches!(
                first,
                "Mr" | "Mrs" | "Ms" | "Miss" | "Dr" | "Lord" | "Lady" | "Sir"
            )
    }

    fn compares(&self, what: &str) -> bool {
        self.compare.iter().any(|c| c == what)
    }

    /// Where the two settings disagree, and whether a day comparison had no dates.
    fn differences(
        &self,
        a: &Setting,
        da: Option<i64>,
        b: &Setting,
        db: Option<i64>,
    ) -> (Vec<Diff>, bool) {
        let mut out = Vec::new();
        let mut undated = false;
        if self.compares("date")
            && let (Some((wa, sa)), Some((wb, sb))) = (&a.when, &b.when)
        {
            let near = match (da, db) {
                (Some(x), Some(y)) => (x - y).abs() <= self.max_days_apart,
                _ => true,
            };
            match (wa.resolve(da), wb.resolve(db)) {
                (Some(x), Some(y)) if near && x != y => {
                    out.push((wa.text().to_string(), wb.text().to_string(), *sa, *sb));
                }
                (Some(_), Some(_)) => {}
                _ => {
                    // No usable date: weekdays compared as written.
                    if let (When::Weekday(x, _), When::Weekday(y, _)) = (wa, wb)
                        && x != y
                    {
                        undated = true;
                        out.push((wa.text().to_string(), wb.text().to_string(), *sa, *sb));
                    }
                }
            }
        }
        if self.compares("outlet")
            && let (Some((oa, sa)), Some((ob, sb))) = (&a.outlet, &b.outlet)
            && self.comparable(oa)
            && self.comparable(ob)
            && !same_party(oa, ob)
        {
            out.push((format!("to {oa}"), format!("to {ob}"), *sa, *sb));
        }
        if self.compares("occasion") {
            let told = |s: &Setting| {
                s.outlet
                    .as_ref()
                    .filter(|(o, _)| {
                        o.split(|c: char| !c.is_alphanumeric())
                            .any(|w| self.outlet_words.iter().any(|x| x == w))
                    })
                    .map(|(o, sp)| (format!("to {o}"), *sp))
            };
            let gathering = |k: &str| {
                matches!(
                    k,
                    "a meeting" | "a conference" | "a hearing" | "a debate" | "a speech"
                )
            };
            match (&a.occasion, &b.occasion) {
                (Some((ka, sa)), Some((kb, sb))) if ka != kb => {
                    let interviewish = |k: &str| matches!(k, "an interview" | "a broadcast");
                    if !(interviewish(ka) && interviewish(kb)) {
                        out.push((format!("in {ka}"), format!("in {kb}"), *sa, *sb));
                    }
                }
                // Said to an outlet here, at a gathering there.
                (Some((ka, sa)), None) if gathering(ka) => {
                    if let Some((t, sb)) = told(b)
                        && !out.iter().any(|d| d.1 == t)
                    {
                        out.push((format!("at {ka}"), t, *sa, sb));
                    }
                }
                (None, Some((kb, sb))) if gathering(kb) => {
                    if let Some((t, sa)) = told(a)
                        && !out.iter().any(|d| d.0 == t)
                    {
                        out.push((t, format!("at {kb}"), sa, *sb));
                    }
                }
                _ => {}
            }
        }
        if self.compares("place")
            && let (Some((pa, sa)), Some((pb, sb))) = (&a.place, &b.place)
            && fold_name(pa) != fold_name(pb)
        {
            out.push((format!("in {pa}"), format!("in {pb}"), *sa, *sb));
        }
        (out, undated)
    }
}

impl CrossCheck for QuoteContextConflict {
    fn check_cross(&self, cx: &CrossContext, out: &mut Vec<CrossHit>) {
        let l = cx.ledger;
        let groups = pairs_by_here(cx, |link, a, b| {
            let (Some(sa), Some(sb)) = (&a.speaker, &b.speaker) else {
                return false;
            };
            link.matched >= self.min_words
                && link.similarity() >= self.similarity
                && !a.zone.is_display()
                && !b.zone.is_display()
                && !sa.anonymous
                && !sb.anonymous
                && sa.same_person(sb)
                && (a.file != b.file || a.index != b.index)
        });
        let mut cache: rustc_hash::FxHashMap<usize, Setting> = Default::default();
        let sentences = Sentences::default();
        let mut setting_of = |i: usize| {
            cache
                .entry(i)
                .or_insert_with(|| setting(cx, &sentences, &l.quotes[i]))
                .clone()
        };
        for (here, theres) in groups {
            let q = &l.quotes[here];
            let mine = setting_of(here);
            if mine.when.is_none()
                && mine.outlet.is_none()
                && mine.occasion.is_none()
                && mine.place.is_none()
            {
                continue;
            }
            for t in theres {
                let o = &l.quotes[t];
                let theirs = setting_of(t);
                let (da, db) = (l.articles[q.file].day, l.articles[o.file].day);
                let (diffs, undated) = self.differences(&mine, da, &theirs, db);
                if diffs.is_empty() {
                    continue;
                }
                let s = q.speaker.as_ref().expect("kept pairs have speakers");
                let here_ctx = diffs
                    .iter()
                    .map(|d| d.0.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                let there_ctx = diffs
                    .iter()
                    .map(|d| d.1.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                let mut hit = Hit::at(q.span)
                    .var("speaker", s.name.clone())
                    .var("here", here_ctx)
                    .var("there", there_ctx.clone())
                    .var("where", cx.where_(q.file, o.file))
                    .label(q.span, "this quotation");
                for d in &diffs {
                    hit = hit.label(d.2, format!("{} here", d.0));
                }
                let undated_note = if undated {
                    " (no article date: the days are compared as written)"
                } else {
                    ""
                };
                hit = hit.var("note", undated_note);
                hit.related.push(cx.related(
                    o.file,
                    diffs[0].3,
                    format!("the same quotation, said {there_ctx}"),
                ));
                hit.related
                    .push(cx.related(o.file, o.span, "the same words".to_string()));
                let mut ch = CrossHit::new(q.file, hit);
                if undated || da.is_none() || db.is_none() {
                    ch.lower = Some(Severity::Info);
                }
                out.push(ch);
                break;
            }
        }
    }
}
