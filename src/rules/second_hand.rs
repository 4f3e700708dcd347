//! Quotations that reached the article second-hand: given to another outlet, or
//! passed on by people the writer does not name.
//!
//! # What it checks
//! A quotation whose cue credits an outlet ("told HuffPost UK", "told The
//! Independent", "in an interview with the BBC") or reports hearsay ("told
//! allies", "told friends", "is said to have said"). An outlet of `own_outlets`,
//! or one the page itself shows to be the article's own (its name in the byline,
//! masthead or page furniture), is not second-hand. Each quotation is reported
//! once, at its first paragraph.
//!
//! # Why an editor cares
//! Words taken from another paper, radio or television programme must be
//! credited, and a fact-checker must know which words the reporter did not hear
//! (the Guardian on quoting other outlets); words passed on by "allies" may have
//! changed on the way.
//!
//! # Options
//! `own_outlets`: names of the newsroom's own outlets; `detect_own_outlet`: treat
//! an outlet named in the byline, masthead or page furniture as the article's own
//! (default true); `outlet_words`: words that mark a capitalised name as an outlet
//! ("BBC", "Times", "Radio"); `hearsay`: words after "told" that mark hearsay
//! ("allies", "friends").

use super::{Check, Context, Hit};
use crate::model::Zone;
use crate::span::Span;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecondHand {
    #[serde(default)]
    pub own_outlets: Vec<String>,
    #[serde(default = "yes")]
    pub detect_own_outlet: bool,
    #[serde(default)]
    pub outlet_words: Vec<String>,
    #[serde(default)]
    pub hearsay: Vec<String>,
}

fn yes() -> bool {
    true
}

impl Default for SecondHand {
    fn default() -> Self {
        SecondHand {
            own_outlets: Vec::new(),
            detect_own_outlet: true,
            outlet_words: Vec::new(),
            hearsay: Vec::new(),
        }
    }
}

/// Words that lead from a cue to the party the words were given to.
const TO_WORDS: [&str; 6] = ["told", "tells", "telling", "tell", "to", "with"];

/// Little words allowed inside an outlet's name ("The Independent", "Radio 4's
/// Today programme", "the BBC").
const NAME_GLUE: [&str; 5] = ["the", "of", "on", "and", "&"];

impl SecondHand {
    /// The capitalised name starting at `pos` ("HuffPost UK", "The Independent"),
    /// with its span.
    fn name_at(source: &str, pos: usize) -> Option<Span> {
        let mut start = None;
        let mut end = pos;
        let mut cur = pos;
        for piece in source[pos..].split_inclusive(char::is_whitespace) {
            let word = piece.trim_end();
            let w = word.trim_end_matches([',', '.', ':', ';', '“', '"', '”', '’', '\'']);
            let bare = w.trim_end_matches("’s").trim_end_matches("'s");
            let cap = bare
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
            // "told the Independent the Tories' plans …": "the" after the name ends it.
            let glue = NAME_GLUE.contains(&bare.to_lowercase().as_str())
                && !(start.is_some() && bare.eq_ignore_ascii_case("the"));
            if !word.is_empty() {
                if !(cap || glue) {
                    break;
                }
                if cap {
                    start.get_or_insert(cur);
                    end = cur + bare.len();
                }
                if w.len() != word.len() || piece.contains('\n') {
                    break;
                }
            }
            cur += piece.len();
        }
        start.map(|s| Span::new(s, end))
    }

    fn is_outlet(&self, name: &str) -> bool {
        name.split_whitespace()
            .map(|w| w.trim_end_matches("’s").trim_end_matches("'s"))
            .any(|w| self.outlet_words.iter().any(|o| o == w))
    }

    /// The outlet is the article's own: configured, or named in the byline,
    /// masthead or page furniture.
    fn own(&self, cx: &Context, name: &str) -> bool {
        let distinctive: Vec<&str> = name
            .split_whitespace()
            .map(|w| w.trim_end_matches("’s").trim_end_matches("'s"))
            .filter(|w| !matches!(*w, "The" | "the" | "UK" | "of" | "on" | "and"))
            .collect();
        if self.own_outlets.iter().any(|o| {
            distinctive
                .iter()
                .any(|d| o.split_whitespace().any(|x| x == *d))
        }) {
            return true;
        }
        self.detect_own_outlet
            && cx.article.paragraphs.iter().enumerate().any(|(i, p)| {
                let furniture = matches!(p.zone, Zone::Byline | Zone::Boilerplate)
                    || (i == 0
                        && p.zone == Zone::Headline
                        && p.span.slice(cx.source).split_whitespace().count() <= 3);
                furniture
                    && distinctive
                        .iter()
                        .any(|d| p.span.slice(cx.source).contains(d))
            })
    }
}

/// How a quotation reached the writer, by its cue.
pub(crate) enum Route {
    /// Through the speaker's allies or friends: the word and its span.
    Hearsay(String, Span),
    /// Given to an outlet (own or not): the outlet's name.
    Outlet(Span),
}

impl SecondHand {
    /// The route the cue of `q` gives, if it credits an outlet or hearsay.
    pub(crate) fn route(&self, cx: &Context, q: &crate::model::Quote) -> Option<Route> {
        let cue = q.cue.as_ref()?;
        let carried = q
            .speaker
            .as_ref()
            .is_some_and(|s| s.source == crate::model::SpeakerSource::CarriedOver);
        // A claim (reported speech without marks) is no quotation to credit.
        let claim = q.kind == crate::model::QuoteKind::Indirect;
        if q.depth > 0 || q.continues.is_some() || carried || claim {
            return None;
        }
        let text = cue.text.to_lowercase();
        let last = text.split_whitespace().last().unwrap_or("");
        // The name either ends the cue ("told HuffPost UK") or follows it
        // ("told allies", "in an interview with the BBC").
        let to_cue =
            TO_WORDS.contains(&last) || text.starts_with("told") || text.starts_with("tell");
        let name_start = if TO_WORDS.contains(&last) {
            cue.span.end
        } else {
            cue.span.start + cue.text.split_whitespace().next().map_or(0, str::len)
        };
        if !to_cue {
            return None;
        }
        let after = cx.source[cue.span.end..].trim_start();
        let next = after
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase();
        if TO_WORDS.contains(&last) && self.hearsay.contains(&next) {
            let start = cue.span.end + (cx.source[cue.span.end..].len() - after.len());
            let via = Span::new(start, start + next.len());
            Some(Route::Hearsay(next, via))
        } else {
            SecondHand::name_at(cx.source, name_start.min(cx.source.len()))
                .filter(|n| self.is_outlet(n.slice(cx.source)))
                .map(Route::Outlet)
        }
    }

    /// Whether `name` is the article's own outlet (configured or on the page).
    pub(crate) fn is_own(&self, cx: &Context, name: &str) -> bool {
        self.own(cx, name)
    }
}

impl Check for SecondHand {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>) {
        for q in &cx.article.quotes {
            let Some(route) = self.route(cx, q) else {
                continue;
            };
            let speaker = q.speaker.as_ref().map_or("someone", |s| s.name.as_str());
            let (route, label) = match route {
                Route::Hearsay(next, via) => (
                    format!("reached the writer through {speaker}’s {next}"),
                    via,
                ),
                Route::Outlet(name) => {
                    let outlet = name.slice(cx.source);
                    if self.own(cx, outlet) {
                        continue;
                    }
                    (format!("was given to {outlet}"), name)
                }
            };
            let mut hit = Hit::at(q.span)
                .var("quote", cx.quote_text(q))
                .var("route", route)
                .label(label, "the route");
            if let Some(m) = q.speaker.as_ref().and_then(|s| s.mention) {
                hit = hit.label(m, "the speaker");
            }
            out.push(hit);
        }
    }
}
