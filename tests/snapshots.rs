//! What a person sees: the readable extraction of every seed article. Each
//! snapshot was checked by hand against `../shared/gold/seeds` before it was
//! accepted; a change to one is a change to what quotecheck says about a real
//! article, to be reviewed like one.

use quotecheck::markup::Format;
use quotecheck::{Extracted, render};

#[test]
fn readable_extraction_of_each_seed() {
    insta::glob!("../seeds", "*.txt", |path| {
        let source = std::fs::read_to_string(path).unwrap();
        let article = quotecheck::extract_text(&source, Format::Text);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let file = Extracted {
            path: format!("seeds/{name}"),
            source,
            article,
        };
        insta::assert_snapshot!(render::extract_text::render(&[file]));
    });
}
