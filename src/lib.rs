//! quotecheck: find every quotation in news articles, work out who said it, and
//! check the attribution as a standards editor would.
//!
//! The stages, one module each:
//! `input` (which files) -> `markup` (prose view, offsets kept) -> `document`
//! (paragraphs and zones) -> `parse` (quote marks, words) -> `extract` (quotations,
//! speakers, people) -> `rules` (findings) -> `render`. The core never prints.

pub mod archive;
pub mod config;
pub mod document;
pub mod error;
pub mod extract;
pub mod finding;
pub mod fix;
pub mod input;
pub mod ledger;
pub mod lexicon;
pub mod markup;
pub mod model;
pub mod parse;
pub mod render;
pub mod rules;
pub mod span;
pub mod suppress;

use document::Document;
use error::Error;
use input::Target;
use markup::Format;
use model::Article;
use rayon::prelude::*;

/// One article read and extracted.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// The path as shown to the user.
    pub path: String,
    /// The file as read.
    pub source: String,
    pub article: Article,
}

/// Extract the quotations of one article's text.
pub fn extract_text(source: &str, format: Format) -> Article {
    let doc = Document::new(source.to_string(), format);
    extract::extract(&doc)
}

/// Read and extract every target, in parallel; results keep the targets' order.
/// A target that cannot be read gives an error and the others go on.
pub fn extract_targets(targets: &[Target]) -> Vec<Result<Extracted, Error>> {
    targets
        .par_iter()
        .map(|t| {
            let source = input::read(t)?;
            let doc = Document::new(source, t.format);
            let article = extract::extract(&doc);
            Ok(Extracted {
                path: t.display.clone(),
                source: doc.source,
                article,
            })
        })
        .collect()
}

/// Run the rules on extracted files, in parallel; findings ordered by path, start,
/// rule, with suppressions applied.
pub fn check_files(
    files: &[Extracted],
    rules: &rules::RuleSet,
    house: &rules::house::House,
    suppressions: &[config::Suppression],
) -> Vec<finding::Finding> {
    check_with_archive(files, &[], rules, house, suppressions)
}

/// As `check_files`, with archive articles that the cross-article rules compare
/// against but that are not reported on.
pub fn check_with_archive(
    files: &[Extracted],
    archive: &[Extracted],
    rules: &rules::RuleSet,
    house: &rules::house::House,
    suppressions: &[config::Suppression],
) -> Vec<finding::Finding> {
    let mut all: Vec<finding::Finding> = files
        .par_iter()
        .flat_map_iter(|f| {
            let cx = rules::Context::new(&f.path, &f.source, &f.article, house);
            let mut found = rules.check(&cx);
            suppress::apply(&mut found, &f.source, &f.article, suppressions);
            found
        })
        .collect();
    all.extend(rules::cross::check_cross(
        files,
        archive,
        rules,
        house,
        suppressions,
    ));
    all.sort_by(|a, b| (&a.path, a.span.start, &a.rule).cmp(&(&b.path, b.span.start, &b.rule)));
    all
}
