//! Suppressions: findings a newsroom waves through, with the reason kept so a
//! standards desk can audit them. In Markdown, comments:
//! `<!-- quotecheck-disable-next-line rule-id: reason -->`,
//! `<!-- quotecheck-disable rule-id: reason -->` … `<!-- quotecheck-enable -->`;
//! for plain text, `[[suppress]]` entries of quotecheck.toml by path, rule and
//! quoted words.

use crate::config::Suppression;
use crate::finding::Finding;
use crate::model::Article;
use crate::span::Span;

/// A suppression directive of a file: which rules (all when empty), over which
/// bytes, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub rules: Vec<String>,
    pub range: Span,
    pub reason: String,
}

fn parse_ids_and_reason(rest: &str) -> (Vec<String>, String) {
    let (ids, reason) = match rest.split_once(':') {
        Some((i, r)) => (i, r.trim()),
        None => (rest, ""),
    };
    let ids = ids
        .split([',', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    let reason = if reason.is_empty() {
        "no reason given".to_string()
    } else {
        reason.to_string()
    };
    (ids, reason)
}

/// The directives written in a file's comments.
pub fn directives(source: &str, article: &Article) -> Vec<Directive> {
    let mut out = Vec::new();
    let mut open: Vec<(Vec<String>, usize, String)> = Vec::new();
    for c in &article.comments {
        let text = c.slice(source).trim();
        if let Some(rest) = text.strip_prefix("quotecheck-disable-next-line") {
            let (rules, reason) = parse_ids_and_reason(rest);
            // The next line with text after the comment.
            let after = source[c.end..]
                .find('\n')
                .map_or(source.len(), |i| c.end + i + 1);
            let mut start = after;
            let bytes = source.as_bytes();
            while start < source.len() && bytes[start].is_ascii_whitespace() {
                start += 1;
            }
            let end = source[start..]
                .find('\n')
                .map_or(source.len(), |i| start + i);
            out.push(Directive {
                rules,
                range: Span::new(start, end),
                reason,
            });
        } else if let Some(rest) = text.strip_prefix("quotecheck-disable") {
            let (rules, reason) = parse_ids_and_reason(rest);
            open.push((rules, c.end, reason));
        } else if let Some(rest) = text.strip_prefix("quotecheck-enable") {
            let (ids, _) = parse_ids_and_reason(rest);
            let mut keep = Vec::new();
            for (rules, start, reason) in open.drain(..) {
                let closes = ids.is_empty() || rules.iter().any(|r| ids.contains(r));
                if closes {
                    out.push(Directive {
                        rules,
                        range: Span::new(start, c.start),
                        reason,
                    });
                } else {
                    keep.push((rules, start, reason));
                }
            }
            open = keep;
        }
    }
    for (rules, start, reason) in open {
        out.push(Directive {
            rules,
            range: Span::new(start, source.len()),
            reason,
        });
    }
    out
}

/// Mark the findings that a directive or a config suppression covers.
pub fn apply(findings: &mut [Finding], source: &str, article: &Article, config: &[Suppression]) {
    let dirs = directives(source, article);
    let globs: Vec<(Option<globset::GlobMatcher>, &Suppression)> = config
        .iter()
        .map(|s| {
            (
                globset::Glob::new(&s.path)
                    .ok()
                    .map(|g| g.compile_matcher()),
                s,
            )
        })
        .collect();
    for f in findings.iter_mut() {
        if let Some(d) = dirs.iter().find(|d| {
            d.range.start <= f.span.start
                && f.span.start <= d.range.end
                && (d.rules.is_empty() || d.rules.contains(&f.rule))
        }) {
            f.suppressed = Some(d.reason.clone());
            continue;
        }
        if let Some((_, s)) = globs.iter().find(|(g, s)| {
            g.as_ref().is_some_and(|g| g.is_match(&f.path))
                && s.rule.as_ref().is_none_or(|r| *r == f.rule)
                && s.quote
                    .as_ref()
                    .is_none_or(|q| f.span.slice(source).contains(q.as_str()))
        }) {
            f.suppressed = Some(s.reason.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::Format;

    #[test]
    fn next_line_and_ranges() {
        let src = "<!-- quotecheck-disable-next-line quote-without-speaker: from the 1990 archive -->\n“Alpha.”\n\n“Beta.”\n\n<!-- quotecheck-disable loaded-attribution-verb -->\nx\n<!-- quotecheck-enable -->\n";
        let a = crate::extract_text(src, Format::Markdown);
        let d = directives(src, &a);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].rules, ["quote-without-speaker"]);
        assert_eq!(d[0].reason, "from the 1990 archive");
        assert_eq!(d[0].range.slice(src), "“Alpha.”");
        assert_eq!(d[1].reason, "no reason given");
        assert!(d[1].range.slice(src).contains('x'));
    }
}
