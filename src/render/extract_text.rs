//! The readable extraction: per file, each quotation's line, kind, speaker (and
//! how it was found) and its first words.

use crate::Extracted;
use crate::model::{QuoteKind, Zone};
use crate::span::LineIndex;
use std::fmt::Write;

const PREVIEW_CHARS: usize = 60;

fn preview(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= PREVIEW_CHARS {
        flat
    } else {
        let cut: String = flat.chars().take(PREVIEW_CHARS).collect();
        format!("{}…", cut.trim_end())
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Render the extraction of several files for a person to read.
pub fn render(files: &[Extracted]) -> String {
    let mut out = String::new();
    let mut total = 0;
    let mut claims_total = 0;
    for f in files {
        let lines = LineIndex::new(&f.source);
        let quotes: Vec<_> = f.article.quotes.iter().filter(|q| q.depth == 0).collect();
        // Claims (reported speech, kind indirect) are listed but counted apart.
        let claims = quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Indirect)
            .count();
        total += quotes.len() - claims;
        claims_total += claims;
        let counts = if claims > 0 {
            format!(
                "{}, {}",
                plural(quotes.len() - claims, "quotation"),
                plural(claims, "claim")
            )
        } else {
            plural(quotes.len(), "quotation")
        };
        let _ = writeln!(out, "{} ({counts})", f.path);
        for q in quotes {
            let line = lines.line(q.span.start);
            let who = match &q.speaker {
                None if q.kind == QuoteKind::Scare => "(scare quote)".to_string(),
                None => "(no speaker found)".to_string(),
                Some(s) => {
                    let mut w = s.name.clone();
                    if s.anonymous {
                        w.push_str(" [anonymous]");
                    }
                    let _ = write!(w, " ({}", s.source.as_str());
                    if let Some(c) = &q.cue {
                        let _ = write!(w, ", “{}”", preview(&c.text));
                    }
                    w.push(')');
                    w
                }
            };
            let zone = if q.zone == Zone::Body {
                String::new()
            } else {
                format!(" [{}]", q.zone.as_str())
            };
            let cont = if q.continues.is_some() { " ↳" } else { "" };
            let _ = writeln!(
                out,
                "  {line:>4}  {:<8} {who}{zone}{cont}\n        “{}”",
                q.kind.as_str(),
                preview(q.span.slice(&f.source))
            );
        }
        out.push('\n');
    }
    let claims = if claims_total > 0 {
        format!(", {}", plural(claims_total, "claim"))
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "{}, {}{claims}",
        plural(files.len(), "file"),
        plural(total, "quotation")
    );
    out
}
