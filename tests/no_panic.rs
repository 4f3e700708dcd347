//! Extraction is total: any text, in either format, gives an article whose spans
//! lie inside the text, on char boundaries, never reversed.

use proptest::prelude::*;
use proptest::test_runner::Config;
use quotecheck::extract_text;
use quotecheck::markup::Format;
use quotecheck::model::Article;
use quotecheck::span::Span;
use std::path::Path;

const FORMATS: [Format; 2] = [Format::Text, Format::Markdown];

fn check_span(source: &str, span: Span, what: &str) -> Result<(), String> {
    let Span { start, end } = span;
    if start > end {
        return Err(format!("{what} {start}..{end} is reversed"));
    }
    if end > source.len() {
        return Err(format!("{what} {start}..{end} ends past {}", source.len()));
    }
    if !source.is_char_boundary(start) || !source.is_char_boundary(end) {
        return Err(format!("{what} {start}..{end} splits a character"));
    }
    Ok(())
}

/// Every span the article gives, checked against its source.
fn check_article(source: &str, article: &Article) -> Result<(), String> {
    for (i, q) in article.quotes.iter().enumerate() {
        check_span(source, q.span, &format!("quote {i}"))?;
        for (mark, what) in [(q.open, "open mark"), (q.close, "close mark")] {
            if let Some(s) = mark {
                check_span(source, s, &format!("quote {i} {what}"))?;
            }
        }
        if let Some(m) = q.speaker.as_ref().and_then(|s| s.mention) {
            check_span(source, m, &format!("quote {i} speaker mention"))?;
        }
        if let Some(c) = &q.cue {
            check_span(source, c.span, &format!("quote {i} cue"))?;
        }
        if q.paragraph >= article.paragraphs.len() {
            return Err(format!("quote {i} names paragraph {}", q.paragraph));
        }
    }
    for (i, p) in article.paragraphs.iter().enumerate() {
        check_span(source, p.span, &format!("paragraph {i}"))?;
    }
    for (i, p) in article.people.iter().enumerate() {
        for m in &p.mentions {
            check_span(source, m.span, &format!("person {i} mention"))?;
        }
        for r in &p.roles {
            check_span(source, r.span, &format!("person {i} role"))?;
        }
    }
    for (i, m) in article.mark_problems.iter().enumerate() {
        check_span(source, m.span, &format!("mark problem {i}"))?;
    }
    Ok(())
}

fn check_both_formats(source: &str) -> Result<(), String> {
    for format in FORMATS {
        let article = extract_text(source, format);
        check_article(source, &article).map_err(|e| format!("{format:?}: {e}"))?;
    }
    Ok(())
}

/// Pieces of news prose, weighted towards quotation marks and attribution words.
fn token() -> impl Strategy<Value = String> {
    let marks = prop::sample::select(vec![
        "“", "”", "‘", "’", "\"", "'", "«", "»", "„", "‚", "‹", "›",
    ]);
    let words = prop::sample::select(vec![
        "said",
        "says",
        "told",
        "added",
        "according to",
        "he",
        "she",
        "they",
        "He",
        "Mr",
        "Mrs",
        "Dr",
        "Smith",
        "Jon",
        "Lansman",
        "the",
        "The",
        "minister",
        "a spokesman",
    ]);
    let punct = prop::sample::select(vec![".", ",", ":", ";", "?", "!", "—", "-", "…"]);
    let breaks = prop::sample::select(vec!["\n", "\n\n", "\r\n", "\u{feff}"]);
    // Markdown syntax, so the Markdown reader meets its constructs half-formed.
    let markup = prop::sample::select(vec![
        "*", "_", "`", "#", "> ", "- ", "[", "]", "(", ")", "<!--", "-->", "<b>", "---\n", "+++\n",
        "```\n", "title: ",
    ]);
    prop_oneof![
        6 => marks.prop_map(str::to_string),
        6 => Just(" ".to_string()),
        5 => words.prop_map(str::to_string),
        3 => "[A-Za-zÉéøß]{1,8}",
        3 => punct.prop_map(str::to_string),
        2 => breaks.prop_map(str::to_string),
        2 => markup.prop_map(str::to_string),
    ]
}

fn prose() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..120).prop_map(|t| t.concat())
}

proptest! {
    // No regression files: a failure prints the shrunk input.
    #![proptest_config(Config { failure_persistence: None, ..Config::default() })]

    #[test]
    fn any_string_extracts_with_spans_in_bounds(source in any::<String>()) {
        check_both_formats(&source).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn any_line_extracts_with_spans_in_bounds(source in ".*") {
        check_both_formats(&source).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn quote_heavy_prose_extracts_with_spans_in_bounds(source in prose()) {
        check_both_formats(&source).map_err(TestCaseError::fail)?;
    }
}

#[test]
fn corpus_files_extract_with_spans_in_bounds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/bbc");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("skipped: ../shared/corpus/bbc not found");
        return;
    };
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    let mut checked = 0;
    let mut failures = Vec::new();
    for path in &paths {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let Ok(source) = String::from_utf8(bytes) else {
            continue;
        };
        if let Err(e) = check_both_formats(&source) {
            failures.push(format!("{}: {e}", path.display()));
        }
        checked += 1;
    }
    println!("checked {checked} of {} files", paths.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
