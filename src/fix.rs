//! `--fix` and `--diff`: the fixes that cannot change meaning (quotation-mark
//! glyphs, the punctuation next to a closing mark), applied to the text, shown as
//! a unified diff, or written back atomically.
//!
//! A fix is a list of byte-span replacements a rule attaches to its finding.
//! Before one is applied it is checked: what it removes and what it puts in must
//! be quotation marks, apostrophes, commas and full stops only, so no fix can
//! reach the quoted words or a speaker, whatever a rule asks. Fixes are applied
//! in rounds (two rules may fix the same mark: the second waits for the next
//! round) until the article has none left, so a second `--fix` changes nothing.

use crate::document::Document;
use crate::finding::{Edit, Finding};
use crate::markup::Format;
use crate::rules::house::House;
use crate::rules::{Context, RuleSet};
use crate::{config, extract, suppress};
use std::io::Write;
use std::path::Path;

/// Rounds of fixing before giving up on reaching a text with no fix left.
const MAX_ROUNDS: usize = 4;

/// The characters a fix may remove or insert.
fn safe_char(c: char) -> bool {
    matches!(c, '"' | '\'' | '`' | '“' | '”' | '‘' | '’' | '.' | ',')
}

/// A fix's replacement that only swaps marks and their punctuation.
fn is_safe(source: &str, e: &Edit) -> bool {
    e.span.start <= e.span.end
        && e.span.end <= source.len()
        && source.is_char_boundary(e.span.start)
        && source.is_char_boundary(e.span.end)
        && e.span.slice(source).chars().all(safe_char)
        && e.replacement.chars().all(safe_char)
}

/// The edits of the findings not suppressed, sorted, each safe, none
/// overlapping an earlier one (that one waits for the next round).
pub fn edits(source: &str, findings: &[Finding]) -> Vec<Edit> {
    let mut all: Vec<&Edit> = findings
        .iter()
        .filter(|f| f.suppressed.is_none())
        .flat_map(|f| &f.fix)
        .filter(|e| is_safe(source, e))
        .collect();
    all.sort();
    all.dedup();
    let mut out: Vec<Edit> = Vec::new();
    let mut end = 0;
    for e in all {
        // An insertion and a replacement at the same place both go ahead, but
        // never two edits of the same bytes.
        let clash = out.last().is_some_and(|l| {
            e.span.start < end || (e.span.is_empty() && l.span.is_empty() && l.span == e.span)
        });
        if clash {
            continue;
        }
        end = e.span.end;
        out.push(e.clone());
    }
    out
}

/// `source` with sorted, non-overlapping edits applied.
pub fn apply(source: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(source.len());
    let mut pos = 0;
    for e in edits {
        out.push_str(&source[pos..e.span.start]);
        out.push_str(&e.replacement);
        pos = e.span.end;
    }
    out.push_str(&source[pos..]);
    out
}

/// The article's text with every safe fix applied, and how many edits that took.
pub fn fix_text(
    path: &str,
    source: &str,
    format: Format,
    rules: &RuleSet,
    house: &House,
    suppressions: &[config::Suppression],
) -> (String, usize) {
    let mut text = source.to_string();
    let mut count = 0;
    for _ in 0..MAX_ROUNDS {
        let doc = Document::new(text, format);
        let article = extract::extract(&doc);
        let cx = Context::new(path, &doc.source, &article, house);
        let mut found = rules.check(&cx);
        suppress::apply(&mut found, &doc.source, &article, suppressions);
        let edits = edits(&doc.source, &found);
        if edits.is_empty() {
            return (doc.source, count);
        }
        count += edits.len();
        text = apply(&doc.source, &edits);
    }
    (text, count)
}

/// A unified diff of two texts with the same lines but for changed characters
/// (fixes never add or remove a line break), three lines of context.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    if a.len() != b.len() {
        // Not a fix's change; show it whole rather than wrongly.
        return whole_diff(path, &a, &b);
    }
    let changed: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    if changed.is_empty() {
        return String::new();
    }
    let mut out = format!("--- a/{path}\n+++ b/{path}\n");
    let ctx = 3;
    let mut i = 0;
    while i < changed.len() {
        let start = changed[i].saturating_sub(ctx);
        let mut j = i;
        while j + 1 < changed.len() && changed[j + 1] <= changed[j] + 2 * ctx + 1 {
            j += 1;
        }
        let end = (changed[j] + ctx + 1).min(a.len());
        let n = end - start;
        out.push_str(&format!("@@ -{},{n} +{},{n} @@\n", start + 1, start + 1));
        let mut minus = Vec::new();
        let mut plus = Vec::new();
        for k in start..end {
            if a[k] == b[k] {
                flush(&mut out, &mut minus, &mut plus);
                line(&mut out, ' ', a[k]);
            } else {
                minus.push(a[k]);
                plus.push(b[k]);
            }
        }
        flush(&mut out, &mut minus, &mut plus);
        i = j + 1;
    }
    out
}

fn flush(out: &mut String, minus: &mut Vec<&str>, plus: &mut Vec<&str>) {
    for l in minus.drain(..) {
        line(out, '-', l);
    }
    for l in plus.drain(..) {
        line(out, '+', l);
    }
}

fn line(out: &mut String, tag: char, text: &str) {
    out.push(tag);
    out.push_str(text);
    if !text.ends_with('\n') {
        out.push_str("\n\\ No newline at end of file\n");
    }
}

fn whole_diff(path: &str, a: &[&str], b: &[&str]) -> String {
    let mut out = format!(
        "--- a/{path}\n+++ b/{path}\n@@ -1,{} +1,{} @@\n",
        a.len(),
        b.len()
    );
    for l in a {
        line(&mut out, '-', l);
    }
    for l in b {
        line(&mut out, '+', l);
    }
    out
}

/// Replace a file's content atomically: a temporary file in the same folder,
/// given the original's permissions (and owner, where allowed), synced, then
/// renamed over it. A symbolic link is followed, so the link stays a link.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let target = std::fs::canonicalize(path)?;
    let meta = std::fs::metadata(&target)?;
    let dir = target.parent().unwrap_or(Path::new("."));
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let mut n = 0u32;
    let (tmp, mut file) = loop {
        let tmp = dir.join(format!(".{name}.quotecheck-{}-{n}.tmp", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(f) => break (tmp, f),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 100 => n += 1,
            Err(e) => return Err(e),
        }
    };
    let result = (|| {
        file.write_all(bytes)?;
        file.set_permissions(meta.permissions())?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            // Only root may give a file away; for others this keeps their own.
            let _ = std::os::unix::fs::fchown(&file, Some(meta.uid()), Some(meta.gid()));
        }
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, &target)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// One article's fixes: the text as read and as fixed.
#[derive(Debug)]
pub struct Fixed {
    pub target: crate::input::Target,
    pub old: String,
    pub new: String,
    pub edits: usize,
}

/// Read every target and work out its fixes, in parallel, in the targets' order.
pub fn fix_targets(
    targets: &[crate::input::Target],
    rules: &RuleSet,
    house: &House,
    suppressions: &[config::Suppression],
) -> Vec<Result<Fixed, crate::error::Error>> {
    use rayon::prelude::*;
    targets
        .par_iter()
        .map(|t| {
            let old = crate::input::read(t)?;
            let (new, edits) = fix_text(&t.display, &old, t.format, rules, house, suppressions);
            Ok(Fixed {
                target: t.clone(),
                old,
                new,
                edits,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn unsafe_and_overlapping_edits_are_dropped() {
        let src = "He said “no,” then.";
        let comma = src.find(',').unwrap();
        let e = |s, e, r: &str| Edit::new(Span::new(s, e), r);
        let findings = [Finding {
            rule: "r".into(),
            severity: crate::finding::Severity::Info,
            path: "p".into(),
            span: Span::new(0, 1),
            message: String::new(),
            help: String::new(),
            labels: vec![],
            related: vec![],
            suppressed: None,
            fix: vec![
                e(0, 2, "She"),
                e(comma, comma + 1, ""),
                e(comma, comma + 4, "”"),
            ],
        }];
        assert_eq!(edits(src, &findings), vec![e(comma, comma + 1, "")]);
    }

    #[test]
    fn diff_shows_changed_lines_with_context() {
        let old = "a\nb\n\"c\"\nd\n";
        let new = "a\nb\n“c”\nd\n";
        assert_eq!(
            unified_diff("x.txt", old, new),
            "--- a/x.txt\n+++ b/x.txt\n@@ -1,4 +1,4 @@\n a\n b\n-\"c\"\n+“c”\n d\n"
        );
        assert_eq!(unified_diff("x.txt", old, old), "");
    }
}
