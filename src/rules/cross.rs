//! Cross-article rules: kinds that see the ledger of every article of a run
//! (`scope = "cross"` in their rule files). They run once a run, after the
//! per-article rules; their findings go through the same suppression and ordering.
//! A finding is reported on a checked file only: an archive article appears as a
//! `related` place.

use super::house::House;
use super::{Example, Hit, Rule, RuleSet, Scope, fill};
use crate::Extracted;
use crate::config::Suppression;
use crate::finding::{Finding, Related, Severity};
use crate::ledger::{Hunk, Ledger, QuoteEntry, Word};
use crate::markup::Format;
use crate::model::SpeakerSource;
use crate::span::Span;

/// What a cross-article kind does: look at the ledger and report hits, each in
/// one file of the run.
pub trait CrossCheck: Send + Sync {
    fn check_cross(&self, cx: &CrossContext, out: &mut Vec<CrossHit>);
}

/// A hit of a cross-article check: the file (index in the run) it is reported in.
#[derive(Debug, Clone)]
pub struct CrossHit {
    pub file: usize,
    pub hit: Hit,
    /// A severity below the rule's (e.g. info when a date is unknown).
    pub lower: Option<Severity>,
    /// A severity the rule's options give this hit instead of the rule's (e.g.
    /// `same_publication_severity`); softening and `lower` still apply after it.
    pub severity: Option<Severity>,
}

impl CrossHit {
    pub fn new(file: usize, hit: Hit) -> CrossHit {
        CrossHit {
            file,
            hit,
            lower: None,
            severity: None,
        }
    }
}

/// What a cross-article check sees: every file of the run (the checked ones
/// first, then the archive) and their ledger.
pub struct CrossContext<'a> {
    pub files: &'a [&'a Extracted],
    pub ledger: &'a Ledger,
    pub house: &'a House,
}

impl CrossContext<'_> {
    /// The source of a file of the run.
    pub fn source(&self, file: usize) -> &str {
        &self.files[file].source
    }

    pub fn path(&self, file: usize) -> &str {
        &self.files[file].path
    }

    pub fn checked(&self, file: usize) -> bool {
        self.ledger.articles[file].checked
    }

    /// Of two places, the one a finding is reported at and the other: the checked
    /// one when only one is; else the later article (by date, then by order in the
    /// run), or the later place within one article. `None` when neither is checked.
    pub fn here_and_there(&self, x: (usize, usize), y: (usize, usize)) -> Option<(usize, usize)> {
        let (cx, cy) = (self.checked(x.0), self.checked(y.0));
        match (cx, cy) {
            (false, false) => None,
            (true, false) => Some((0, 1)),
            (false, true) => Some((1, 0)),
            (true, true) => {
                let a = &self.ledger.articles;
                let later_y = match (a[x.0].day, a[y.0].day) {
                    (Some(dx), Some(dy)) if dx != dy => dy > dx,
                    _ => (y.0, y.1) > (x.0, x.1),
                };
                Some(if later_y { (1, 0) } else { (0, 1) })
            }
        }
    }

    /// The quotation's words folded to one line, for messages.
    pub fn quote_text(&self, q: &QuoteEntry, max: usize) -> String {
        super::fold(q.span.slice(self.source(q.file)), max)
    }

    /// A place in another article (or elsewhere in this one) as a related location.
    pub fn related(&self, file: usize, span: Span, message: impl Into<String>) -> Related {
        Related {
            path: self.path(file).to_string(),
            span,
            message: message.into(),
        }
    }

    /// "in seeds/002.txt (2018-01-23)" or "earlier in this article".
    pub fn where_(&self, here: usize, there: usize) -> String {
        if here == there {
            return "elsewhere in this article".to_string();
        }
        match &self.ledger.articles[there].date {
            Some(d) => format!("in {} ({d})", self.path(there)),
            None => format!("in {}", self.path(there)),
        }
    }
}

/// The linked quotation pairs that pass `keep`, as (here, there) ledger indexes
/// grouped by the quotation reported on: each reported quotation once, with every
/// other place.
pub fn pairs_by_here(
    cx: &CrossContext,
    keep: impl Fn(&crate::ledger::Link, &QuoteEntry, &QuoteEntry) -> bool,
) -> Vec<(usize, Vec<usize>)> {
    pairs_by_here_in(cx, &cx.ledger.links, &cx.ledger.quotes, keep)
}

/// `pairs_by_here` over other linked entries: the claims and their links.
pub fn pairs_by_here_in(
    cx: &CrossContext,
    links: &[crate::ledger::Link],
    entries: &[QuoteEntry],
    keep: impl Fn(&crate::ledger::Link, &QuoteEntry, &QuoteEntry) -> bool,
) -> Vec<(usize, Vec<usize>)> {
    let mut by: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for link in links {
        let (qa, qb) = (&entries[link.a], &entries[link.b]);
        if !keep(link, qa, qb) {
            continue;
        }
        let Some((h, _)) = cx.here_and_there((qa.file, qa.span.start), (qb.file, qb.span.start))
        else {
            continue;
        };
        let (here, there) = if h == 0 {
            (link.a, link.b)
        } else {
            (link.b, link.a)
        };
        by.entry(here).or_default().push(there);
    }
    by.into_iter().collect()
}

/// The link between two quotations, either way round.
pub fn link_of(l: &Ledger, x: usize, y: usize) -> Option<&crate::ledger::Link> {
    let (a, b) = (x.min(y), x.max(y));
    l.links
        .binary_search_by_key(&(a, b), |k| (k.a, k.b))
        .ok()
        .map(|i| &l.links[i])
}

/// How a speaker was inferred, for messages: `None` when named in the cue.
pub fn inferred_how(source: SpeakerSource) -> Option<&'static str> {
    match source {
        SpeakerSource::Named => None,
        SpeakerSource::Pronoun => Some("inferred from a pronoun"),
        SpeakerSource::Description => Some("inferred from a description"),
        SpeakerSource::CarriedOver => Some("carried over from an earlier quotation"),
        SpeakerSource::Context => Some("guessed from the context"),
    }
}

/// " (the speaker here was inferred from a pronoun)", or about the other place,
/// or "" when both speakers are named.
pub fn inferred_note(here: SpeakerSource, there: SpeakerSource) -> String {
    match (inferred_how(here), inferred_how(there)) {
        (Some(h), _) => format!(" (the speaker here was {h})"),
        (None, Some(t)) => format!(" (the speaker there was {t})"),
        (None, None) => String::new(),
    }
}

/// The words of one side of a hunk with a little context, from the source:
/// "…we will not campaign…".
pub fn hunk_text(source: &str, words: &[Word], range: &std::ops::Range<usize>) -> String {
    if words.is_empty() {
        return String::new();
    }
    let from = range.start.saturating_sub(2);
    let to = (range.end + 1).min(words.len());
    let (from, to) = if from >= to {
        (to.saturating_sub(1), to)
    } else {
        (from, to)
    };
    let start = words[from].span.start;
    let end = words[to - 1].span.end;
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.push_str(&super::fold(&source[start..end], 80));
    if to < words.len() {
        out.push('…');
    }
    out
}

/// A word-level diff of two aligned quotations: `here: “…” / there: “…”`, for the
/// first two differing stretches.
pub fn word_diff(
    here_src: &str,
    here: &[Word],
    there_src: &str,
    there: &[Word],
    hunks: &[Hunk],
    here_is_a: bool,
) -> String {
    hunks
        .iter()
        .take(2)
        .map(|h| {
            let (rh, rt) = if here_is_a {
                (&h.a, &h.b)
            } else {
                (&h.b, &h.a)
            };
            format!(
                "here “{}” / there “{}”",
                hunk_text(here_src, here, rh),
                hunk_text(there_src, there, rt)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

impl Rule {
    /// Run this cross-article rule over the ledger of a run.
    pub fn run_cross(&self, cx: &CrossContext, out: &mut Vec<Finding>) {
        let Some(check) = self.check.cross() else {
            return;
        };
        let mut hits = Vec::new();
        check.check_cross(cx, &mut hits);
        for CrossHit {
            file,
            hit: h,
            lower,
            severity: own,
        } in hits
        {
            if !cx.checked(file) {
                continue;
            }
            let base = own.unwrap_or(self.severity);
            let mut severity = if h.soften {
                base.min(Severity::Warning)
            } else {
                base
            };
            if let Some(l) = lower {
                severity = severity.min(l);
            }
            out.push(Finding {
                rule: self.id.clone(),
                severity,
                path: cx.path(file).to_string(),
                span: h.span,
                message: fill(&self.message, &h.vars),
                help: fill(&self.help, &h.vars),
                labels: h.labels,
                related: h.related,
                suppressed: None,
                fix: Vec::new(),
            });
        }
    }

    /// Check one of this rule's examples: the example text and its `also`
    /// articles are one run. Returns the files (named after `name`) and the
    /// findings of this rule.
    pub fn run_example(
        &self,
        name: &str,
        ex: &Example,
        house: &House,
    ) -> (Vec<Extracted>, Vec<Finding>) {
        let format = if ex.markdown {
            Format::Markdown
        } else {
            Format::Text
        };
        let mut texts = vec![(name.to_string(), ex.text.clone())];
        for (n, t) in ex.also.iter().enumerate() {
            let (stem, ext) = name.rsplit_once('.').unwrap_or((name, "txt"));
            texts.push((
                format!("{stem}-{}.{ext}", (b'b' + n as u8) as char),
                t.clone(),
            ));
        }
        let files: Vec<Extracted> = texts
            .into_iter()
            .map(|(path, source)| Extracted {
                article: crate::extract_text(&source, format),
                path,
                source,
            })
            .collect();
        let mut found = Vec::new();
        if self.scope == Scope::Cross {
            let refs: Vec<&Extracted> = files.iter().collect();
            let ledger = Ledger::build(&refs, refs.len());
            let cx = CrossContext {
                files: &refs,
                ledger: &ledger,
                house,
            };
            self.run_cross(&cx, &mut found);
        } else {
            for f in &files {
                let cx = super::Context::new(&f.path, &f.source, &f.article, house);
                self.run(&cx, &mut found);
            }
        }
        found.sort_by(|a, b| (&a.path, a.span.start).cmp(&(&b.path, b.span.start)));
        (files, found)
    }
}

impl RuleSet {
    /// Whether any enabled rule needs the ledger.
    pub fn has_cross(&self) -> bool {
        self.rules
            .iter()
            .any(|r| r.enabled && r.scope == Scope::Cross)
    }
}

/// Run every enabled cross-article rule over `files` (reported on) and `archive`
/// (compared against only); suppressions applied per file.
pub fn check_cross(
    files: &[Extracted],
    archive: &[Extracted],
    rules: &RuleSet,
    house: &House,
    suppressions: &[Suppression],
) -> Vec<Finding> {
    if !rules.has_cross() {
        return Vec::new();
    }
    let all: Vec<&Extracted> = files.iter().chain(archive).collect();
    let ledger = Ledger::build(&all, files.len());
    let cx = CrossContext {
        files: &all,
        ledger: &ledger,
        house,
    };
    let mut out = Vec::new();
    for r in rules
        .rules
        .iter()
        .filter(|r| r.enabled && r.scope == Scope::Cross)
    {
        r.run_cross(&cx, &mut out);
    }
    out.sort_by(|a, b| (&a.path, a.span.start, &a.rule).cmp(&(&b.path, b.span.start, &b.rule)));
    out.dedup_by(|a, b| a.rule == b.rule && a.span == b.span && a.path == b.path);
    for f in files {
        let from = out.partition_point(|x| x.path < f.path);
        let to = out.partition_point(|x| x.path <= f.path);
        crate::suppress::apply(&mut out[from..to], &f.source, &f.article, suppressions);
    }
    out
}
