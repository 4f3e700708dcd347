//! The rule engine. A rule is a TOML file in `rules/` named by its id; it names
//! the built-in kind it instantiates (as Vale's `extends:`), its severity, tier,
//! message, help, documentation, examples, and the kind's options. Several rules
//! may share one kind with different options. The shipped rule files are embedded
//! in the binary; a newsroom's own folders add rules or override shipped ones.

pub mod cross;
pub mod house;
pub mod load;

mod according_to;
mod ambiguous_speaker;
mod anonymity_reason;
mod anonymity_util;
mod anonymous_claim_named_elsewhere;
mod anonymous_count;
mod anonymous_first_quote;
mod anonymous_named_elsewhere;
mod anonymous_opinion;
mod anonymous_share;
mod anonymous_source;
mod attribution_tense;
mod attribution_verb;
mod bracketed_alteration;
mod carried_speaker;
mod claim_source_conflict;
mod display_quote;
mod ellipsis;
mod fidelity_util;
mod first_reference;
mod fix_util;
mod full_name_repeated;
mod garbled_attribution;
mod house_style_drift;
mod intro_punctuation;
mod late_attribution;
mod mark_problem;
mod marks_util;
mod missing_speaker;
mod nested_marks;
mod organisation_speaker;
mod page_furniture;
mod people_util;
mod person_name_variant;
mod person_role_conflict;
mod primary_marks;
mod punctuation_placement;
mod quote_context_conflict;
mod quote_glyphs;
mod quote_speaker_conflict;
mod quote_wording_drift;
mod repeated_quote;
mod same_surname;
mod scare_quote;
mod second_hand;
mod second_hand_elsewhere;
mod second_reference;
mod sourcing_util;
mod speakers_util;
mod tag_punctuation;
mod unattributed_assertion;
mod vague_descriptor;
mod weasel;

pub use load::{RuleError, load_rules};

use crate::finding::{Finding, Related, Severity};
use crate::model::{Article, Quote, Zone};
use crate::span::Span;
use house::House;
use serde::Deserialize;
use std::cell::OnceCell;

/// What a rule kind does: look at one article and report hits.
pub trait Check: Send + Sync + std::fmt::Debug {
    fn check(&self, cx: &Context, out: &mut Vec<Hit>);

    /// A cross-article kind returns itself here; its rule files say `scope = "cross"`.
    fn cross(&self) -> Option<&dyn cross::CrossCheck> {
        None
    }
}

/// What a check sees of one article.
pub struct Context<'a> {
    pub path: &'a str,
    /// The file as read.
    pub source: &'a str,
    pub article: &'a Article,
    pub house: &'a House,
    memo: Memo<'a>,
}

/// What several rules read of one article (its narrative words, anonymous sources,
/// named people), worked out the first time a rule asks and kept for the others:
/// the rules of one article run one after another on one thread.
#[derive(Default)]
struct Memo<'a> {
    narrative_words: OnceCell<Vec<(Span, &'a str, Zone)>>,
    narrative: OnceCell<Vec<sourcing_util::Word<'a>>>,
    narrative_lower: OnceCell<Vec<std::borrow::Cow<'a, str>>>,
    sources: OnceCell<Vec<anonymity_util::Source>>,
    named_in_narrative: OnceCell<Vec<speakers_util::Named>>,
    named_people: OnceCell<Vec<people_util::Named>>,
    sentence_starts: OnceCell<Vec<usize>>,
    cues: OnceCell<sourcing_util::CueIndex>,
    body_chains: OnceCell<Vec<(&'a Quote, Vec<String>)>>,
}

impl<'a> Context<'a> {
    pub fn new(path: &'a str, source: &'a str, article: &'a Article, house: &'a House) -> Self {
        Context {
            path,
            source,
            article,
            house,
            memo: Memo::default(),
        }
    }

    /// The words of the narrative, outside quotations of depth 0, in zones other
    /// than page furniture: (span, word, zone). Attribution rules look here and
    /// never inside the quoted words.
    pub fn narrative_words(&self) -> &[(Span, &'a str, Zone)] {
        self.memo
            .narrative_words
            .get_or_init(|| self.compute_narrative_words())
    }

    fn compute_narrative_words(&self) -> Vec<(Span, &'a str, Zone)> {
        let a = self.article;
        let mut out = Vec::new();
        let mut toks = Vec::new();
        let mut qi = 0;
        // Claims (reported speech) are the writer's words: narrative, not quoted.
        let top: Vec<&Quote> = a
            .quotes
            .iter()
            .filter(|q| q.depth == 0 && q.kind != crate::model::QuoteKind::Indirect)
            .collect();
        for p in &a.paragraphs {
            if p.zone == Zone::Boilerplate {
                continue;
            }
            let mut pos = p.span.start;
            while pos < p.span.end {
                while qi < top.len() && top[qi].span.end <= pos {
                    qi += 1;
                }
                let (seg_end, next) = match top.get(qi) {
                    Some(q) if q.span.start < p.span.end => {
                        let open = q.open.map_or(q.span.start, |o| o.start);
                        let close = q.close.map_or(q.span.end, |c| c.end);
                        (open.max(pos), close.max(pos))
                    }
                    _ => (p.span.end, p.span.end),
                };
                toks.clear();
                crate::parse::tokens::tokenize(self.source, Span::new(pos, seg_end), &mut toks);
                out.extend(
                    toks.iter()
                        .filter(|t| t.is_word())
                        .map(|t| (t.span, t.text, p.zone)),
                );
                if next <= pos {
                    break;
                }
                pos = next;
            }
        }
        out
    }

    /// The quoted words of a quotation, folded to one line.
    pub fn quote_text(&self, q: &Quote) -> String {
        fold(q.span.slice(self.source), 60)
    }
}

/// Text folded to one line and cut at `max` characters.
pub fn fold(text: &str, max: usize) -> String {
    // Only as many characters as the cut needs: a quotation holding 10,000
    // others is folded once per quotation, so this must not walk all of it (not
    // even one long word of it). The words joined by single spaces, cut after
    // `max` characters.
    let mut flat = String::new();
    let mut count = 0;
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = count > 0;
            continue;
        }
        for c in space.then_some(' ').into_iter().chain([c]) {
            if count == max {
                return format!("{}…", flat.trim_end());
            }
            flat.push(c);
            count += 1;
        }
        space = false;
    }
    flat
}

/// One hit of a check: where, and the values its rule's message and help use.
#[derive(Debug, Clone, Default)]
pub struct Hit {
    pub span: Span,
    /// `{name}` in the rule's message and help is replaced by the value.
    pub vars: Vec<(&'static str, String)>,
    pub labels: Vec<(Span, String)>,
    pub related: Vec<Related>,
    /// A severity below the rule's, for a finding that rests on inference.
    pub soften: bool,
    /// One step above the rule's severity (info → warning), for the case a rule's
    /// catalogue entry rates higher: a house that forbids what the rule notes, a
    /// scare quote in a headline.
    pub raise: bool,
    /// Replacements that fix the hit without changing meaning: only mark glyphs
    /// and the punctuation next to a mark, never the quoted words or a speaker.
    pub fix: Vec<crate::finding::Edit>,
}

impl Hit {
    pub fn at(span: Span) -> Hit {
        Hit {
            span,
            ..Hit::default()
        }
    }

    pub fn var(mut self, name: &'static str, value: impl Into<String>) -> Hit {
        self.vars.push((name, value.into()));
        self
    }

    /// Add a replacement to the hit's fix.
    pub fn edit(mut self, span: Span, replacement: impl Into<String>) -> Hit {
        self.fix.push(crate::finding::Edit::new(span, replacement));
        self
    }

    pub fn label(mut self, span: Span, text: impl Into<String>) -> Hit {
        self.labels.push((span, text.into()));
        self
    }
}

/// On by default or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    /// On by default: the reason to use the tool.
    Core,
    /// On by default, lower stakes.
    Standard,
    /// Off by default; a house preset or the config switches it on.
    Optional,
}

impl Tier {
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Core => "core",
            Tier::Standard => "standard",
            Tier::Optional => "optional",
        }
    }
}

/// Needs one article, or the ledger of all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    #[default]
    Article,
    Cross,
}

/// A rule's documentation: `quotecheck explain RULE` prints it.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Doc {
    /// What it checks.
    pub checks: String,
    /// Why an editor cares.
    pub why: String,
}

/// An example text of a rule file; it runs as a test.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub text: String,
    pub flagged: bool,
    /// Markdown instead of plain text.
    #[serde(default)]
    pub markdown: bool,
    /// The house-style preset the example is checked under (default: `default`).
    #[serde(default)]
    pub preset: Option<String>,
    /// For a cross-article rule: the other articles of the run.
    #[serde(default)]
    pub also: Vec<String>,
}

impl Example {
    /// The house table the example is checked under; `None` for an unknown preset.
    pub fn house(&self) -> Option<House> {
        House::preset(self.preset.as_deref().unwrap_or("default"))
    }
}

/// A loaded rule.
#[derive(Debug)]
pub struct Rule {
    pub id: String,
    pub kind: String,
    pub severity: Severity,
    pub tier: Tier,
    pub scope: Scope,
    pub enabled: bool,
    pub message: String,
    pub help: String,
    pub doc: Doc,
    pub examples: Vec<Example>,
    /// Rules whose finding on the same words makes this rule's redundant
    /// (an anonymous source that is also reported for giving no reason).
    pub superseded_by: Vec<String>,
    /// Where the rule file came from ("built in", or a path).
    pub origin: String,
    pub check: Box<dyn Check>,
}

fn fill(template: &str, vars: &[(&'static str, String)]) -> String {
    let mut out = template.to_string();
    for (k, v) in vars {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

impl Rule {
    /// Run this rule on one article.
    pub fn run(&self, cx: &Context, out: &mut Vec<Finding>) {
        let mut hits = Vec::new();
        self.check.check(cx, &mut hits);
        for h in hits {
            let mut severity = self.severity;
            if h.raise {
                severity = match severity {
                    Severity::Info => Severity::Warning,
                    _ => Severity::Error,
                };
            }
            if h.soften {
                severity = severity.min(Severity::Warning);
            }
            out.push(Finding {
                rule: self.id.clone(),
                severity,
                path: cx.path.to_string(),
                span: h.span,
                message: fill(&self.message, &h.vars),
                help: fill(&self.help, &h.vars),
                labels: h.labels,
                related: h.related,
                suppressed: None,
                fix: h.fix,
            });
        }
    }
}

/// Two spans sharing a byte.
fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// All rules, sorted by id.
#[derive(Debug, Default)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
}

impl RuleSet {
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// Switch on the rules the house style enables (a preset's optional rules),
    /// except where the config file switches a rule off itself. Returns the ids
    /// that name no rule.
    pub fn enable_for_house(
        &mut self,
        house: &House,
        overrides: &std::collections::BTreeMap<String, load::RuleOverride>,
    ) -> Vec<String> {
        let mut unknown = Vec::new();
        for id in &house.enable {
            match self.rules.iter_mut().find(|r| &r.id == id) {
                Some(r) => {
                    r.enabled = overrides.get(id).and_then(|o| o.enabled).unwrap_or(true);
                }
                None => unknown.push(id.clone()),
            }
        }
        unknown
    }

    /// Run every enabled article rule on one article; findings sorted by start, rule.
    pub fn check(&self, cx: &Context) -> Vec<Finding> {
        let mut out = Vec::new();
        for r in self
            .rules
            .iter()
            .filter(|r| r.enabled && r.scope == Scope::Article)
        {
            r.run(cx, &mut out);
        }
        out.sort_by(|a, b| (a.span.start, &a.rule).cmp(&(b.span.start, &b.rule)));
        out.dedup_by(|a, b| a.rule == b.rule && a.span == b.span);
        self.drop_superseded(&mut out);
        out
    }

    /// Drop a finding when a rule that supersedes its rule reports a finding
    /// overlapping it: one place, one diagnostic.
    fn drop_superseded(&self, findings: &mut Vec<Finding>) {
        // Per superseding rule, the spans of its findings, and those with their
        // labels, sorted, so each test is a bisection: linear in a file of
        // 100,000 hits.
        let ids: Vec<&str> = self
            .rules
            .iter()
            .flat_map(|r| r.superseded_by.iter().map(String::as_str))
            .collect();
        if ids.is_empty() {
            return;
        }
        let index = |labels: bool| -> Vec<(&str, Vec<Span>, usize)> {
            ids.iter()
                .map(|&id| {
                    let mut v: Vec<Span> = Vec::new();
                    for g in findings.iter().filter(|g| g.rule == id) {
                        v.push(g.span);
                        if labels {
                            v.extend(g.labels.iter().map(|(l, _)| *l));
                        }
                    }
                    v.sort_unstable();
                    let long = v.iter().map(Span::len).max().unwrap_or(0);
                    (id, v, long)
                })
                .collect()
        };
        let (spans, all) = (index(false), index(true));
        let hits = |index: &[(&str, Vec<Span>, usize)], id: &str, a: Span| {
            index.iter().filter(|(i, ..)| *i == id).any(|(_, v, long)| {
                let from = v.partition_point(|t| t.start + long <= a.start);
                v[from..]
                    .iter()
                    .take_while(|t| t.start < a.end)
                    .any(|t| overlaps(a, *t))
            })
        };
        let keep: Vec<bool> = findings
            .iter()
            .map(|f| {
                let Some(rule) = self.get(&f.rule) else {
                    return true;
                };
                !rule.superseded_by.iter().any(|id| {
                    hits(&all, id, f.span) || f.labels.iter().any(|(l, _)| hits(&spans, id, *l))
                })
            })
            .collect();
        let mut k = keep.iter();
        findings.retain(|_| *k.next().unwrap_or(&true));
    }
}
