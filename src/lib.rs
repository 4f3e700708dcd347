//! quotecheck: find every quotation in news articles, work out who said it, and
//! check the attribution as a standards editor would.
//!
//! The stages, one module each:
//! `input` (which files) -> `markup` (prose view, offsets kept) -> `document`
//! (paragraphs and zones) -> `parse` (quote marks, words) -> `extract` (quotations,
//! speakers, people) -> `render`. The core never prints.

pub mod document;
pub mod error;
pub mod extract;
pub mod input;
pub mod lexicon;
pub mod markup;
pub mod model;
pub mod parse;
pub mod render;
pub mod span;

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
