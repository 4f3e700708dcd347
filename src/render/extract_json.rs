//! `quotecheck extract --format json`: exactly `contract/extract-json.md`.

use crate::Extracted;
use crate::model::Quote;
use serde::Serialize;

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    files: Vec<File<'a>>,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    quotes: Vec<QuoteOut<'a>>,
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kind: &'static str,
    speaker: Option<SpeakerOut<'a>>,
    cue: Option<&'a str>,
    /// Added field: where the quotation stands (body, headline, caption...).
    zone: &'static str,
}

#[derive(Serialize)]
struct SpeakerOut<'a> {
    name: &'a str,
    mention: Option<&'a str>,
    start: Option<usize>,
    end: Option<usize>,
    anonymous: bool,
    /// Added field: how the speaker was found (named, pronoun, description,
    /// carried-over, context).
    found_by: &'static str,
}

fn quote<'a>(source: &'a str, q: &'a Quote) -> QuoteOut<'a> {
    QuoteOut {
        start: q.span.start,
        end: q.span.end,
        text: q.span.slice(source),
        kind: q.kind.as_str(),
        speaker: q.speaker.as_ref().map(|s| SpeakerOut {
            name: &s.name,
            mention: s.mention.map(|m| m.slice(source)),
            start: s.mention.map(|m| m.start),
            end: s.mention.map(|m| m.end),
            anonymous: s.anonymous,
            found_by: s.source.as_str(),
        }),
        cue: q.cue.as_ref().map(|c| c.text.as_str()),
        zone: q.zone.as_str(),
    }
}

/// The JSON document for these files. Quotations nested inside another are part
/// of the outer one's words and are not listed on their own.
pub fn render(files: &[Extracted]) -> String {
    let doc = Doc {
        version: 1,
        files: files
            .iter()
            .map(|f| File {
                path: &f.path,
                quotes: f
                    .article
                    .quotes
                    .iter()
                    .filter(|q| q.depth == 0)
                    .map(|q| quote(&f.source, q))
                    .collect(),
            })
            .collect(),
    };
    let mut out = serde_json::to_string_pretty(&doc).expect("plain data serialises");
    out.push('\n');
    out
}
