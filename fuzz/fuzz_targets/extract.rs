//! The plain-text extractor and every rule, on any bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| common::run(data, quotecheck::markup::Format::Text));
