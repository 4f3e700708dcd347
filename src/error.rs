//! Failures: a file that could not be read as an article, a bad argument. They
//! are reported with the file they concern and the run goes on with the others.

use miette::Diagnostic;
use thiserror::Error;

#[derive(Debug, Error, Diagnostic)]
pub enum Error {
    #[error("{path}: not valid UTF-8 (first bad byte at offset {offset})")]
    #[diagnostic(
        code(quotecheck::input::not_utf8),
        help(
            "quotecheck reads UTF-8 text; convert the file, e.g. `iconv -f WINDOWS-1252 -t UTF-8`"
        )
    )]
    NotUtf8 { path: String, offset: usize },

    #[error("{path}: looks like a binary file (NUL byte at offset {offset})")]
    #[diagnostic(
        code(quotecheck::input::binary),
        help("quotecheck checks plain text and Markdown articles; leave this file out")
    )]
    Binary { path: String, offset: usize },

    #[error("{path}: cannot read")]
    #[diagnostic(code(quotecheck::input::io))]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },

    #[error("{path}: {message}")]
    #[diagnostic(code(quotecheck::input::walk))]
    Walk { path: String, message: String },
}
