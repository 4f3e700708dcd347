//! The Markdown front end, the extractor behind it and every rule, on any bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| common::run(data, quotecheck::markup::Format::Markdown));
