//! Loading rule files: the shipped ones embedded in the binary, then a
//! newsroom's own folders (a file with a shipped rule's id replaces it), then the
//! overrides of quotecheck.toml. Every bad file is reported, with that file as the
//! source, a label on the offending bytes, and the valid choices.

use super::{Check, Doc, Example, Rule, RuleSet, Scope, Tier};
use crate::finding::Severity;
use miette::{Diagnostic, NamedSource, SourceSpan};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::path::PathBuf;
use thiserror::Error;

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

/// The longest source line an error shows whole.
const MAX_SHOWN_LINE: usize = 2_000;

/// A rule file (or a config entry about a rule) that could not be used.
#[derive(Debug, Error, Diagnostic)]
#[error("{path}: {message}")]
#[diagnostic(code(quotecheck::rule_file))]
pub struct RuleError {
    pub path: String,
    pub message: String,
    #[source_code]
    pub src: NamedSource<String>,
    #[label("{label}")]
    pub span: Option<SourceSpan>,
    pub label: String,
    #[help]
    pub help: Option<String>,
}

impl RuleError {
    pub fn new(path: &str, src: &str, message: impl Into<String>) -> RuleError {
        RuleError {
            path: path.to_string(),
            message: message.into(),
            src: NamedSource::new(path, src.to_string()),
            span: None,
            label: "here".to_string(),
            help: None,
        }
    }

    pub fn at(mut self, span: std::ops::Range<usize>, label: impl Into<String>) -> RuleError {
        self.label = label.into();
        let src = self.src.inner().as_str();
        let start = span.start.min(src.len());
        let line_start = src[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = src[start..].find('\n').map_or(src.len(), |i| start + i);
        // miette cannot draw a line of a megabyte (it panics): show an excerpt
        // around the place, and say where it is.
        if line_end - line_start > MAX_SHOWN_LINE {
            let floor = |mut i: usize| {
                while !src.is_char_boundary(i) {
                    i -= 1;
                }
                i
            };
            let from = floor(start.saturating_sub(60).max(line_start));
            let to = floor((start + 60).min(line_end));
            let line = src[..start].matches('\n').count() + 1;
            let column = src[line_start..start].chars().count() + 1;
            let excerpt = src[from..to].to_string();
            let end = span.end.clamp(start, to) - from;
            self.message = format!(
                "{} (line {line}, column {column}, in a line of {} bytes)",
                self.message,
                line_end - line_start
            );
            self.src = NamedSource::new(self.path.clone(), excerpt);
            self.span = Some((start - from..end).into());
            return self;
        }
        self.span = Some(span.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> RuleError {
        self.help = Some(help.into());
        self
    }

    fn from_toml(path: &str, src: &str, e: &toml::de::Error) -> RuleError {
        let err = RuleError::new(path, src, e.message().to_string());
        match e.span() {
            Some(s) => err.at(s, "here"),
            None => err,
        }
    }
}

/// A rule's settings from quotecheck.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleOverride {
    pub enabled: Option<bool>,
    pub severity: Option<Severity>,
    pub options: Option<toml::Table>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile<O> {
    kind: String,
    severity: Severity,
    tier: Tier,
    #[serde(default)]
    scope: Scope,
    message: String,
    help: String,
    doc: Doc,
    #[serde(default)]
    examples: Vec<Example>,
    /// Rules whose finding at the same place makes this one's redundant.
    #[serde(default)]
    superseded_by: Vec<String>,
    #[serde(default)]
    options: O,
}

#[derive(Deserialize)]
struct KindOnly {
    kind: Option<toml::Spanned<String>>,
}

struct Parsed {
    kind: String,
    severity: Severity,
    tier: Tier,
    scope: Scope,
    message: String,
    help: String,
    doc: Doc,
    examples: Vec<Example>,
    superseded_by: Vec<String>,
    check: Box<dyn Check>,
}

fn parse<O>(src: &str, options: Option<&toml::Table>) -> Result<Parsed, toml::de::Error>
where
    O: DeserializeOwned + Default + Check + 'static,
{
    let file: RuleFile<O> = match options {
        None => toml::from_str(src)?,
        Some(extra) => {
            let mut table: toml::Table = toml::from_str(src)?;
            let opts = table
                .entry("options")
                .or_insert_with(|| toml::Value::Table(Default::default()));
            if let toml::Value::Table(t) = opts {
                for (k, v) in extra {
                    t.insert(k.clone(), v.clone());
                }
            }
            toml::Value::Table(table).try_into()?
        }
    };
    Ok(Parsed {
        kind: file.kind,
        severity: file.severity,
        tier: file.tier,
        scope: file.scope,
        message: file.message,
        help: file.help,
        doc: file.doc,
        examples: file.examples,
        superseded_by: file.superseded_by,
        check: Box::new(file.options),
    })
}

/// The registry of built-in kinds, in alphabetical order: a rule file's `kind`
/// names one of these.
macro_rules! kinds {
    ($($name:literal => $ty:path),* $(,)?) => {
        /// Every built-in kind.
        pub const KIND_NAMES: &[&str] = &[$($name),*];

        fn build(kind: &str, src: &str, options: Option<&toml::Table>)
            -> Option<Result<Parsed, toml::de::Error>> {
            match kind {
                $($name => Some(parse::<$ty>(src, options)),)*
                _ => None,
            }
        }
    };
}

kinds! {
    "according-to" => super::according_to::AccordingTo,
    "ambiguous-speaker" => super::ambiguous_speaker::AmbiguousSpeaker,
    "anonymity-reason" => super::anonymity_reason::AnonymityReason,
    "anonymous-claim-named-elsewhere" => super::anonymous_claim_named_elsewhere::AnonymousClaimNamedElsewhere,
    "anonymous-count" => super::anonymous_count::AnonymousCount,
    "anonymous-first-quote" => super::anonymous_first_quote::AnonymousFirstQuote,
    "anonymous-opinion" => super::anonymous_opinion::AnonymousOpinion,
    "anonymous-quote-named-elsewhere" => super::anonymous_named_elsewhere::AnonymousNamedElsewhere,
    "anonymous-share" => super::anonymous_share::AnonymousShare,
    "anonymous-source" => super::anonymous_source::AnonymousSource,
    "attribution-tense" => super::attribution_tense::AttributionTense,
    "attribution-verb" => super::attribution_verb::AttributionVerb,
    "bracketed-alteration" => super::bracketed_alteration::BracketedAlteration,
    "carried-speaker" => super::carried_speaker::CarriedSpeaker,
    "claim-source-conflict" => super::claim_source_conflict::ClaimSourceConflict,
    "display-quote" => super::display_quote::DisplayQuote,
    "ellipsis" => super::ellipsis::Ellipsis,
    "first-reference" => super::first_reference::FirstReference,
    "full-name-repeated" => super::full_name_repeated::FullNameRepeated,
    "garbled-attribution" => super::garbled_attribution::GarbledAttribution,
    "house-style-drift" => super::house_style_drift::HouseStyleDrift,
    "intro-punctuation" => super::intro_punctuation::IntroPunctuation,
    "late-attribution" => super::late_attribution::LateAttribution,
    "mark-problem" => super::mark_problem::MarkProblemCheck,
    "missing-speaker" => super::missing_speaker::MissingSpeaker,
    "nested-marks" => super::nested_marks::NestedMarks,
    "organisation-speaker" => super::organisation_speaker::OrganisationSpeaker,
    "person-name-variant" => super::person_name_variant::PersonNameVariant,
    "person-role-conflict" => super::person_role_conflict::PersonRoleConflict,
    "primary-marks" => super::primary_marks::PrimaryMarks,
    "punctuation-placement" => super::punctuation_placement::PunctuationPlacement,
    "quote-context-conflict" => super::quote_context_conflict::QuoteContextConflict,
    "quote-glyphs" => super::quote_glyphs::QuoteGlyphs,
    "quote-speaker-conflict" => super::quote_speaker_conflict::QuoteSpeakerConflict,
    "quote-wording-drift" => super::quote_wording_drift::QuoteWordingDrift,
    "repeated-quote" => super::repeated_quote::RepeatedQuote,
    "same-surname" => super::same_surname::SameSurname,
    "scare-quote" => super::scare_quote::ScareQuote,
    "second-hand" => super::second_hand::SecondHand,
    "second-hand-elsewhere" => super::second_hand_elsewhere::SecondHandElsewhere,
    "second-reference" => super::second_reference::SecondReference,
    "tag-punctuation" => super::tag_punctuation::TagPunctuation,
    "unattributed-assertion" => super::unattributed_assertion::UnattributedAssertion,
    "vague-descriptor" => super::vague_descriptor::VagueDescriptor,
    "weasel" => super::weasel::Weasel,
    "zone-debris" => super::page_furniture::ZoneDebris,
}

fn closest<'a>(word: &str, choices: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    choices
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

fn load_one(
    id: &str,
    path: &str,
    src: &str,
    options: Option<&toml::Table>,
) -> Result<Parsed, Box<RuleError>> {
    let head: KindOnly =
        toml::from_str(src).map_err(|e| Box::new(RuleError::from_toml(path, src, &e)))?;
    let Some(kind) = head.kind else {
        return Err(Box::new(
            RuleError::new(path, src, "the rule file names no `kind`").help(format!(
                "add `kind = \"…\"`, one of: {}",
                KIND_NAMES.join(", ")
            )),
        ));
    };
    let name = kind.get_ref();
    match build(name, src, options) {
        Some(Ok(p)) => Ok(p),
        Some(Err(e)) => Err(Box::new(RuleError::from_toml(path, src, &e))),
        None => {
            let mut help = format!("valid kinds: {}", KIND_NAMES.join(", "));
            if let Some(c) = closest(name, KIND_NAMES.iter().copied()) {
                help = format!("did you mean `{c}`? {help}");
            }
            Err(Box::new(
                RuleError::new(path, src, format!("unknown rule kind `{name}` (rule {id})"))
                    .at(kind.span(), "not a built-in kind")
                    .help(help),
            ))
        }
    }
}

/// Parse one rule file's text as `load_rules` does, without loading it: for the
/// fuzzer and the regression tests of hostile rule files.
pub fn check_rule_source(id: &str, path: &str, src: &str) -> Result<(), Box<RuleError>> {
    load_one(id, path, src, None).map(|_| ())
}

/// Load the shipped rules, then the rules of `dirs`, then apply `overrides`.
/// Returns every error found, not just the first.
pub fn load_rules(
    dirs: &[PathBuf],
    overrides: &BTreeMap<String, RuleOverride>,
) -> Result<RuleSet, Vec<RuleError>> {
    let mut sources: BTreeMap<String, (String, String)> = BTreeMap::new();
    for (file, src) in BUILTIN_RULES {
        let id = file.trim_end_matches(".toml").to_string();
        sources.insert(id, (format!("rules/{file} (built in)"), src.to_string()));
    }
    let mut errors = Vec::new();
    for dir in dirs {
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                let p = dir.display().to_string();
                errors.push(RuleError::new(
                    &p,
                    "",
                    format!("cannot read the rules folder: {e}"),
                ));
                continue;
            }
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        for f in files {
            let p = f.display().to_string();
            match std::fs::read_to_string(&f) {
                Ok(src) => {
                    let id = f
                        .file_stem()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned();
                    sources.insert(id, (p, src));
                }
                Err(e) => errors.push(RuleError::new(&p, "", format!("cannot read: {e}"))),
            }
        }
    }
    let mut rules = Vec::new();
    for (id, (path, src)) in &sources {
        let ov = overrides.get(id);
        match load_one(id, path, src, ov.and_then(|o| o.options.as_ref())) {
            Ok(p) => {
                let enabled = ov
                    .and_then(|o| o.enabled)
                    .unwrap_or(p.tier != Tier::Optional);
                rules.push(Rule {
                    id: id.clone(),
                    kind: p.kind,
                    severity: ov.and_then(|o| o.severity).unwrap_or(p.severity),
                    tier: p.tier,
                    scope: p.scope,
                    enabled,
                    message: p.message,
                    help: p.help,
                    doc: p.doc,
                    examples: p.examples,
                    superseded_by: p.superseded_by,
                    origin: path.clone(),
                    check: p.check,
                });
            }
            Err(e) => errors.push(*e),
        }
    }
    for id in overrides.keys() {
        if !sources.contains_key(id) {
            let mut help = "`quotecheck rules` lists the rules".to_string();
            if let Some(c) = closest(id, sources.keys().map(String::as_str)) {
                help = format!("did you mean `{c}`? {help}");
            }
            errors.push(
                RuleError::new(
                    "quotecheck.toml",
                    "",
                    format!("no rule `{id}` to configure"),
                )
                .help(help),
            );
        }
    }
    if errors.is_empty() {
        Ok(RuleSet { rules })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err_of(src: &str) -> RuleError {
        match load_one("x", "rules/x.toml", src, None) {
            Err(e) => *e,
            Ok(_) => panic!("loaded: {src}"),
        }
    }

    #[test]
    fn shipped_rules_all_load() {
        let set = load_rules(&[], &BTreeMap::new()).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(set.rules.len(), BUILTIN_RULES.len());
    }

    #[test]
    fn unknown_kind_suggests_the_nearest() {
        let src = "kind = \"attribution-verbs\"\nseverity = \"warning\"\n";
        let e = err_of(src);
        assert!(
            e.message.contains("unknown rule kind `attribution-verbs`"),
            "{}",
            e.message
        );
        assert!(
            e.help
                .unwrap()
                .starts_with("did you mean `attribution-verb`?")
        );
        let span = e.span.unwrap();
        assert_eq!(
            &src[span.offset()..span.offset() + span.len()],
            "\"attribution-verbs\""
        );
    }

    #[test]
    fn unknown_key_and_wrong_type_point_at_the_bytes() {
        let base = "kind = \"missing-speaker\"\nseverity = \"error\"\ntier = \"core\"\nmessage = \"m\"\nhelp = \"h\"\n[doc]\nchecks = \"c\"\nwhy = \"w\"\n";
        let e = err_of(&format!("{base}[options]\nbogus = 1\n"));
        assert!(e.message.contains("unknown field `bogus`"), "{}", e.message);
        assert!(e.span.is_some());
        let e = err_of(&base.replace("\"error\"", "\"fatal\""));
        assert!(
            e.message.contains("unknown variant `fatal`"),
            "{}",
            e.message
        );
    }
}
