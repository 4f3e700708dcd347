//! Renderers: the only place where byte offsets become lines and columns.

pub mod extract_json;
pub mod extract_text;
pub mod findings;
pub mod rules;
