//! Findings for people and machines: miette's graphical report, one line each,
//! the JSON of `contract/findings-json.md`, SARIF 2.1.0, and GitHub workflow
//! annotations. Lines and columns exist only here.

use crate::Extracted;
use crate::finding::{Finding, Severity};
use crate::rules::RuleSet;
use crate::span::{LineIndex, Span};
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

/// One checked file: what was read and what was found.
pub struct Report<'a> {
    pub files: &'a [Extracted],
    /// Findings of every file, ordered by path, start, rule.
    pub findings: &'a [Finding],
}

/// Counts for the summary line and the JSON summary.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub quotes: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub suppressed: usize,
}

impl Report<'_> {
    pub fn summary(&self) -> Summary {
        let mut s = Summary {
            files: self.files.len(),
            quotes: self
                .files
                .iter()
                .map(|f| {
                    // Quotations: claims (reported speech) are not counted here.
                    f.article
                        .quotes
                        .iter()
                        .filter(|q| q.depth == 0 && q.kind != crate::model::QuoteKind::Indirect)
                        .count()
                })
                .sum(),
            ..Summary::default()
        };
        for f in self.findings {
            if f.suppressed.is_some() {
                s.suppressed += 1;
                continue;
            }
            match f.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
        }
        s
    }

    fn sources(&self) -> HashMap<&str, &Extracted> {
        self.files.iter().map(|f| (f.path.as_str(), f)).collect()
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}, {}: {}, {}, {}",
            plural(self.files, "file"),
            plural(self.quotes, "quotation"),
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            plural(self.infos, "info")
        )?;
        if self.suppressed > 0 {
            write!(f, " ({} suppressed)", self.suppressed)?;
        }
        Ok(())
    }
}

/// A finding (or a place it rests on) as a miette diagnostic, with its file as
/// the source.
struct Diag {
    message: String,
    code: Option<String>,
    help: Option<String>,
    severity: Severity,
    span: Span,
    labels: Vec<(Span, String)>,
    src: NamedSource<Arc<str>>,
    related: Vec<Diag>,
}

impl fmt::Debug for Diag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Diag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diag {}

impl Diagnostic for Diag {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.src)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let primary_has_label = self.labels.iter().any(|(s, _)| *s == self.span);
        let mut labels: Vec<LabeledSpan> = Vec::new();
        if !primary_has_label {
            labels.push(LabeledSpan::new_primary_with_span(
                None,
                self.span.start..self.span.end,
            ));
        }
        for (s, text) in &self.labels {
            labels.push(LabeledSpan::new_with_span(
                Some(text.clone()),
                s.start..s.end,
            ));
        }
        Some(Box::new(labels.into_iter()))
    }

    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn Diagnostic> + 'b>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|d| d as &dyn Diagnostic)))
    }
}

/// How the graphical report looks: colour only on a terminal without NO_COLOR.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub colour: bool,
    pub width: usize,
}

/// miette's graphical report of every finding not suppressed, then the summary.
pub fn human(report: &Report, style: Style) -> String {
    let theme = if style.colour {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false);
    let sources = report.sources();
    let mut arcs: HashMap<String, Arc<str>> = HashMap::new();
    let mut arc = |path: &str| -> Arc<str> {
        arcs.entry(path.to_string())
            .or_insert_with(|| match sources.get(path) {
                Some(e) => Arc::from(e.source.as_str()),
                None => Arc::from(outside_source(path)),
            })
            .clone()
    };
    let mut out = String::new();
    for f in report.findings.iter().filter(|f| f.suppressed.is_none()) {
        let related = f
            .related
            .iter()
            .map(|r| Diag {
                message: r.message.clone(),
                code: None,
                help: None,
                severity: Severity::Info,
                span: r.span,
                labels: Vec::new(),
                src: NamedSource::new(&r.path, arc(&r.path)),
                related: Vec::new(),
            })
            .collect();
        let d = Diag {
            message: f.message.clone(),
            code: Some(f.rule.clone()),
            help: (!f.help.is_empty()).then(|| f.help.clone()),
            severity: f.severity,
            span: f.span,
            labels: f.labels.clone(),
            src: NamedSource::new(&f.path, arc(&f.path)),
            related,
        };
        let _ = handler.render_report(&mut out, &d);
        out.push('\n');
    }
    out.push_str(&report.summary().to_string());
    out.push('\n');
    out
}

/// The text of a related place's file that is not among the reported ones (an
/// archive article), read again for display; empty when it cannot be read.
fn outside_source(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

fn line_col(
    lines: &mut HashMap<String, LineIndex>,
    src: &str,
    path: &str,
    at: usize,
) -> (usize, usize) {
    let idx = lines
        .entry(path.to_string())
        .or_insert_with(|| LineIndex::new(src));
    idx.line_col(src, at.min(src.len()))
}

/// `path:line:col: severity[rule]: message`, one line each; infos are left to the
/// full report.
pub fn short(report: &Report) -> String {
    let sources = report.sources();
    let mut lines = HashMap::new();
    let mut out = String::new();
    for f in report
        .findings
        .iter()
        .filter(|f| f.suppressed.is_none() && f.severity > Severity::Info)
    {
        let src = sources
            .get(f.path.as_str())
            .map_or("", |e| e.source.as_str());
        let (l, c) = line_col(&mut lines, src, &f.path, f.span.start);
        out.push_str(&format!(
            "{}:{l}:{c}: {}[{}]: {}\n",
            f.path,
            f.severity.as_str(),
            f.rule,
            f.message
        ));
    }
    out
}

/// The JSON of `contract/findings-json.md`, with the suppression reason added.
pub fn json(report: &Report) -> String {
    let s = report.summary();
    let findings: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            let mut v = json!({
                "rule": f.rule,
                "severity": f.severity.as_str(),
                "path": f.path,
                "start": f.span.start,
                "end": f.span.end,
                "message": f.message,
                "help": f.help,
                "related": f.related.iter().map(|r| json!({
                    "path": r.path, "start": r.span.start, "end": r.span.end, "message": r.message
                })).collect::<Vec<_>>(),
            });
            if let Some(reason) = &f.suppressed {
                v["suppressed"] = json!({ "reason": reason });
            }
            v
        })
        .collect();
    let doc = json!({
        "version": 1,
        "findings": findings,
        "summary": {
            "files": s.files, "quotes": s.quotes, "errors": s.errors,
            "warnings": s.warnings, "infos": s.infos, "suppressed": s.suppressed
        }
    });
    let mut out = serde_json::to_string_pretty(&doc).expect("plain data serialises");
    out.push('\n');
    out
}

fn region(lines: &mut HashMap<String, LineIndex>, src: &str, path: &str, span: Span) -> Value {
    let (sl, sc) = line_col(lines, src, path, span.start);
    let (el, ec) = line_col(lines, src, path, span.end);
    json!({
        "startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec,
        "byteOffset": span.start, "byteLength": span.len()
    })
}

/// SARIF 2.1.0, as GitHub code scanning accepts it. Columns count Unicode code points.
pub fn sarif(report: &Report, rules: &RuleSet) -> String {
    let sources = report.sources();
    let mut lines = HashMap::new();
    let rule_index: HashMap<&str, usize> = rules
        .rules
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let level = |s: Severity| match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    };
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            let src = sources
                .get(f.path.as_str())
                .map_or("", |e| e.source.as_str());
            let mut v = json!({
                "ruleId": f.rule,
                "level": level(f.severity),
                "message": { "text": f.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": f.path },
                        "region": region(&mut lines, src, &f.path, f.span)
                    }
                }],
                "relatedLocations": f.related.iter().enumerate().map(|(i, r)| {
                    let outside;
                    let rsrc = match sources.get(r.path.as_str()) {
                        Some(e) => e.source.as_str(),
                        None => {
                            outside = outside_source(&r.path);
                            outside.as_str()
                        }
                    };
                    json!({
                        "id": i,
                        "message": { "text": r.message },
                        "physicalLocation": {
                            "artifactLocation": { "uri": r.path },
                            "region": region(&mut lines, rsrc, &r.path, r.span)
                        }
                    })
                }).collect::<Vec<_>>(),
            });
            if let Some(i) = rule_index.get(f.rule.as_str()) {
                v["ruleIndex"] = json!(i);
            }
            if let Some(reason) = &f.suppressed {
                v["suppressions"] = json!([{ "kind": "inSource", "justification": reason }]);
            }
            v
        })
        .collect();
    let driver_rules: Vec<Value> = rules
        .rules
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.id,
                "shortDescription": { "text": r.doc.checks.split(". ").next().unwrap_or(&r.doc.checks) },
                "fullDescription": { "text": r.doc.checks },
                "help": { "text": format!("{}\n\nWhy: {}", r.help, r.doc.why) },
                "defaultConfiguration": { "level": level(r.severity), "enabled": r.enabled },
                "properties": { "tier": r.tier.as_str(), "kind": r.kind }
            })
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "quotecheck",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": driver_rules
            }},
            "columnKind": "unicodeCodePoints",
            "results": results
        }]
    });
    let mut out = serde_json::to_string_pretty(&doc).expect("plain data serialises");
    out.push('\n');
    out
}

fn gh_escape(s: &str, property: bool) -> String {
    let mut out = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    if property {
        out = out.replace(':', "%3A").replace(',', "%2C");
    }
    out
}

/// GitHub Actions workflow commands: one annotation a finding.
pub fn github(report: &Report) -> String {
    let sources = report.sources();
    let mut lines = HashMap::new();
    let mut out = String::new();
    for f in report.findings.iter().filter(|f| f.suppressed.is_none()) {
        let src = sources
            .get(f.path.as_str())
            .map_or("", |e| e.source.as_str());
        let (l, c) = line_col(&mut lines, src, &f.path, f.span.start);
        let (el, ec) = line_col(&mut lines, src, &f.path, f.span.end);
        let cmd = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        out.push_str(&format!(
            "::{cmd} file={},line={l},col={c},endLine={el},endColumn={ec},title={}::{}\n",
            gh_escape(&f.path, true),
            gh_escape(&f.rule, true),
            gh_escape(&format!("{} ({})", f.message, f.help), false)
        ));
    }
    out
}
