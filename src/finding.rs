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
}
