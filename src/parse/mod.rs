//! The parsers: quotation marks and their pairing, and the words of narrative.
//! Total on any prose: they never fail and never panic.

pub mod marks;
pub mod tokens;
