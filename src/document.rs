//! An article as read: its source, the prose view (markup masked, offsets kept),
//! its paragraphs and the zone each stands in (headline, byline, caption, body,
//! page furniture).

use crate::lexicon::Lexicon;
use crate::markup::{self, BlockKind, Format};
use crate::model::{Paragraph, Zone};
use crate::span::Span;
use std::borrow::Cow;

/// One article, ready for extraction.
#[derive(Debug, Clone)]
pub struct Document {
    /// The file as read (BOM included).
    pub source: String,
    /// Same length as `source`, with markup masked by spaces; `None` when
    /// nothing is masked (plain text), so that the source is not copied.
    masked: Option<String>,
    /// `prose` ASCII-lower-cased (same length), for the tokens' lower-cased words.
    pub prose_lower: String,
    pub paragraphs: Vec<Paragraph>,
    /// The article's date as written in front matter or a dateline.
    pub date: Option<String>,
    /// HTML comments (Markdown), for suppression directives.
    pub comments: Vec<markup::Comment>,
}

impl Document {
    pub fn new(source: String, format: Format) -> Document {
        let lex = Lexicon::get();
        let prose = markup::prose(&source, format);
        let kinds: Vec<BlockKind> = prose.paragraphs.iter().map(|p| p.kind).collect();
        let spans: Vec<Span> = prose.paragraphs.iter().map(|p| p.span).collect();
        let masked = match prose.text {
            Cow::Borrowed(_) => None,
            Cow::Owned(text) => Some(text),
        };
        let text = masked.as_deref().unwrap_or(&source);
        let prose_lower = text.to_ascii_lowercase();
        let zones = zones(text, &prose_lower, &spans, &kinds, lex);
        let paragraphs: Vec<Paragraph> = spans
            .iter()
            .zip(zones)
            .map(|(&span, zone)| Paragraph { span, zone })
            .collect();
        let date = prose
            .front_matter
            .as_ref()
            .and_then(|f| f.date.clone())
            .or_else(|| {
                paragraphs
                    .iter()
                    .filter(|p| p.zone == Zone::Dateline)
                    .find_map(|p| find_date(p.span.slice(text)))
            });
        Document {
            prose_lower,
            paragraphs,
            date,
            comments: prose.comments,
            masked,
            source,
        }
    }

    /// The prose view: the source with markup masked by spaces, same length.
    pub fn prose(&self) -> &str {
        self.masked.as_deref().unwrap_or(&self.source)
    }
}

/// The words of `s`, counted up to `cap`: zoning only compares the count with
/// small thresholds.
fn words_upto(s: &str, cap: usize) -> usize {
    // ASCII is counted byte by byte; at the first other byte (a no-break
    // space, say) the count starts again by characters.
    let (mut n, mut in_word) = (0, false);
    for &b in s.as_bytes() {
        if b >= 0x80 {
            return s.split_whitespace().take(cap).count();
        }
        let space = matches!(b, b' ' | b'\t'..=b'\r');
        if !space && !in_word {
            n += 1;
            if n == cap {
                return n;
            }
        }
        in_word = !space;
    }
    n
}

fn starts_with_any(lower: &str, prefixes: &[String]) -> bool {
    let first = lower.as_bytes().first();
    prefixes
        .iter()
        .any(|p| (p.is_empty() || p.as_bytes().first() == first) && lower.starts_with(p.as_str()))
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A date written as "23 January 2018", "March 12, 2018" or "2018-01-23", in ISO form.
pub fn find_date(s: &str) -> Option<String> {
    // Lower-cased words; an ASCII word is borrowed as written and compared
    // without regard to case (months, digits and dashes are ASCII).
    let toks: Vec<std::borrow::Cow<str>> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .map(|t| {
            let t = t.trim_end_matches('.');
            if t.is_ascii() {
                std::borrow::Cow::Borrowed(t)
            } else {
                std::borrow::Cow::Owned(t.to_lowercase())
            }
        })
        .collect();
    for (i, t) in toks.iter().enumerate() {
        if t.len() == 10
            && t.as_bytes()[4] == b'-'
            && t.as_bytes()[7] == b'-'
            && t[..4].parse::<u32>().is_ok()
            && t[5..7].parse::<u32>().is_ok()
        {
            return Some(t.to_ascii_lowercase());
        }
        let Some(m) = MONTHS.iter().position(|m| {
            t.eq_ignore_ascii_case(m) || (t.len() == 3 && m[..3].eq_ignore_ascii_case(t))
        }) else {
            continue;
        };
        let year = |j: usize| -> Option<u32> {
            toks.get(j)
                .and_then(|y| y.parse::<u32>().ok())
                .filter(|y| (1800..=2200).contains(y))
        };
        let day = |j: usize| -> Option<u32> {
            toks.get(j)
                .map(|d| d.trim_end_matches(|c: char| c.is_alphabetic()))
                .and_then(|d| d.parse::<u32>().ok())
                .filter(|d| (1..=31).contains(d))
        };
        // "23 January 2018"
        if let (Some(d), Some(y)) = (i.checked_sub(1).and_then(day), year(i + 1)) {
            return Some(format!("{y:04}-{:02}-{d:02}", m + 1));
        }
        // "March 12, 2018"
        if let (Some(d), Some(y)) = (day(i + 1), year(i + 2)) {
            return Some(format!("{y:04}-{:02}-{d:02}", m + 1));
        }
    }
    None
}

/// A picture credit at the end of a caption: "(Rex )", "(Pic: Daily Bull)".
fn has_caption_credit(text: &str, lex: &Lexicon) -> bool {
    let t = text.trim_end();
    if !t.ends_with(')') {
        return false;
    }
    let Some(open) = t.rfind('(') else {
        return false;
    };
    let inner = t[open + 1..t.len() - 1].trim().to_lowercase();
    lex.caption_credits
        .iter()
        .any(|c| inner == c.trim_end_matches(':') || inner.starts_with(c.as_str()))
}

fn is_title_case(text: &str) -> bool {
    // One pass, no list of the words.
    let (mut words, mut caps) = (0usize, 0usize);
    for w in text.split_whitespace() {
        words += 1;
        if w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
        {
            caps += 1;
        }
    }
    words != 0 && caps * 10 >= words * 6
}

fn looks_like_byline(text: &str, lower: &str, lex: &Lexicon) -> bool {
    if starts_with_any(lower, &lex.byline_prefixes) {
        return true;
    }
    // Four words are as many as more: not a byline.
    let ws: Vec<&str> = text.split_whitespace().take(4).collect();
    (1..=3).contains(&ws.len())
        && ws
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !text.ends_with('.')
}

fn looks_like_dateline(lower: &str, lex: &Lexicon) -> bool {
    starts_with_any(lower, &lex.dateline_prefixes)
        || (words_upto(lower, 11) <= 10 && find_date(lower).is_some())
}

/// The zone of each paragraph. Page furniture at the top (headline, standfirst,
/// byline, dateline, captions) runs until the first paragraph that reads as body
/// text; boilerplate is recognised anywhere, and everything after a tail marker
/// ("Join our commenting forum", "Related Posts") is boilerplate too.
fn zones(
    text: &str,
    lowered: &str,
    spans: &[Span],
    kinds: &[BlockKind],
    lex: &Lexicon,
) -> Vec<Zone> {
    let mut zones = vec![Zone::Body; spans.len()];
    let mut in_header = true;
    let mut in_tail = false;
    let mut seen_headline = false;
    for (i, span) in spans.iter().enumerate() {
        let para = span.slice(text);
        // Only the opening words decide furniture: lower-case a bounded prefix.
        let mut cut = para.len().min(120);
        while !para.is_char_boundary(cut) {
            cut -= 1;
        }
        let head = &para[..cut];
        // ASCII: the text lower-cased already holds it.
        let lower = if head.is_ascii() {
            std::borrow::Cow::Borrowed(&lowered[span.start..span.start + cut])
        } else {
            std::borrow::Cow::Owned(head.to_lowercase())
        };
        // Every test of `n` below is against 25 or less: 26 stands for more.
        let n = if in_header || lower.starts_with("about ") {
            words_upto(para, 26)
        } else {
            0
        };
        let repeated_caption = |j: usize| {
            spans.get(j).is_some_and(|s| {
                let other = s.slice(text);
                other != para && (other.starts_with(para) || para.starts_with(other))
            })
        };
        if in_tail {
            zones[i] = Zone::Boilerplate;
            continue;
        }
        if starts_with_any(&lower, &lex.debris_tail_markers) {
            in_tail = true;
            zones[i] = Zone::Boilerplate;
            continue;
        }
        if starts_with_any(&lower, &lex.debris_prefixes)
            || (lower.starts_with("about ") && n <= 4 && !para.ends_with('.'))
        {
            if lower.starts_with("about ") {
                in_tail = true;
            }
            zones[i] = Zone::Boilerplate;
            continue;
        }
        if has_caption_credit(para, lex)
            || repeated_caption(i + 1)
            || repeated_caption(i.wrapping_sub(1))
        {
            zones[i] = Zone::Caption;
            continue;
        }
        if let BlockKind::Heading(_) = kinds[i] {
            zones[i] = Zone::Headline;
            seen_headline = true;
            continue;
        }
        if !in_header {
            continue;
        }
        let ends_sentence = || para.ends_with(['.', '”', '"', '’']) && !is_title_case(para);
        let body_like = n >= 25 || (n >= 12 && ends_sentence());
        if body_like && seen_headline {
            in_header = false;
            continue;
        }
        if looks_like_dateline(&lower, lex) {
            zones[i] = Zone::Dateline;
        } else if !seen_headline && n <= 25 {
            zones[i] = Zone::Headline;
            seen_headline = true;
        } else if looks_like_byline(para, &lower, lex) {
            zones[i] = Zone::Byline;
        } else if n <= 3 && !para.ends_with('.') {
            // A job title under a byline: "Political Correspondent".
            zones[i] = Zone::Byline;
        } else if body_like {
            in_header = false;
        } else {
            zones[i] = Zone::Standfirst;
        }
    }
    zones
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zones_of(text: &str) -> Vec<(String, Zone)> {
        let d = Document::new(text.to_string(), Format::Text);
        d.paragraphs
            .iter()
            .map(|p| (p.span.slice(&d.source).to_string(), p.zone))
            .collect()
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for s in [
            "",
            " ",
            "one",
            " two  words ",
            "a\tb\nc\x0bd\x0ce\rf",
            "no\u{a0}break space",
            "thin\u{2009}space and more",
            "é è",
            "one two three four five six",
        ] {
            for cap in 1..6 {
                let want = s.split_whitespace().take(cap).count();
                assert_eq!(words_upto(s, cap), want, "{s:?} up to {cap}");
            }
        }
    }

    #[test]
    fn finds_dates_in_common_forms() {
        assert_eq!(
            find_date("Tuesday 23 January 2018 22:47 GMT").as_deref(),
            Some("2018-01-23")
        );
        assert_eq!(
            find_date("Published: March 12, 2018 Last").as_deref(),
            Some("2018-03-12")
        );
        assert_eq!(find_date("no date here"), None);
    }

    #[test]
    fn header_captions_and_debris_are_zoned() {
        let t = "Big row erupts\n\nBy Jane Smith\nTuesday 23 January 2018\nA man at a desk\nA man at a desk (Getty)\nThe row began on Monday when the minister said that the plan, which was drafted last year, would go ahead.\nLike Love Haha Wow Sad Angry\nRelated Posts\nAnything here";
        let z: Vec<Zone> = zones_of(t).into_iter().map(|(_, z)| z).collect();
        assert_eq!(
            z,
            [
                Zone::Headline,
                Zone::Byline,
                Zone::Dateline,
                Zone::Caption,
                Zone::Caption,
                Zone::Body,
                Zone::Boilerplate,
                Zone::Boilerplate,
                Zone::Boilerplate
            ]
        );
    }
}
