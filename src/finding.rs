//! Findings: what the rules report, in byte offsets. Renderers turn them into
//! lines, columns and pictures.

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// How serious a finding is, after configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Another place a finding rests on, in this file or another one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    pub path: String,
    pub span: Span,
    pub message: String,
}

/// One replacement of a fix: the bytes at `span` become `replacement` (an empty
/// span inserts).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

impl Edit {
    pub fn new(span: Span, replacement: impl Into<String>) -> Edit {
        Edit {
            span,
            replacement: replacement.into(),
        }
    }
}

/// One finding of one rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub path: String,
    /// For a quotation, the quoted words (marks excluded).
    pub span: Span,
    /// The problem, in the article's words.
    pub message: String,
    /// The remedy.
    pub help: String,
    /// Further labels in the same file ("the speaker", "the cue").
    pub labels: Vec<(Span, String)>,
    pub related: Vec<Related>,
    /// Set when a suppression waved the finding through: its reason.
    pub suppressed: Option<String>,
    /// A fix that cannot change meaning (mark glyphs, the punctuation next to a
    /// mark), applied by `--fix`; empty when there is none.
    pub fix: Vec<Edit>,
}
