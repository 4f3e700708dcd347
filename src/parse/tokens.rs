//! Words and punctuation of narrative text, with byte spans, by nom.
//!
//! A word keeps its inner apostrophes, hyphens and dots (O’Neill, Long-Bailey,
//! U.S), so names come out whole; everything else that is not space is one
//! punctuation token. Quotations are cut out beforehand and stand as one token.

use crate::span::Span;
use nom::{
    IResult, Parser,
    character::complete::{anychar, satisfy},
    combinator::recognize,
    multi::many0_count,
    sequence::pair,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Punct,
    /// A quotation of depth 0; the index is into the paragraph's quotations.
    Quote(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok<'a> {
    pub span: Span,
    pub text: &'a str,
    pub kind: TokKind,
    /// The word lower-cased without a possessive ending, made once: the lexicon
    /// is asked about each word many times.
    lower: Lower<'a>,
}

/// A lower-cased word: borrowed when the text is lower case already, inline when
/// short and ASCII (no allocation), boxed otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Lower<'a> {
    Borrowed(&'a str),
    Inline([u8; INLINE], u8),
    Owned(Box<str>),
}

const INLINE: usize = 22;

impl<'a> Tok<'a> {
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct && self.text.starts_with(c)
    }

    pub fn is_capitalised(&self) -> bool {
        self.is_word() && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The word lower-cased, with a possessive ’s or ' dropped.
    pub fn lower(&self) -> &str {
        match &self.lower {
            Lower::Borrowed(s) => s,
            Lower::Inline(buf, len) => std::str::from_utf8(&buf[..*len as usize]).unwrap_or(""),
            Lower::Owned(s) => s,
        }
    }

    pub fn new(span: Span, text: &'a str, kind: TokKind) -> Self {
        if let TokKind::Quote(_) = kind {
            // A whole quotation is never looked up as a word: no need to fold it.
            return Tok {
                span,
                text,
                kind,
                lower: Lower::Borrowed(text),
            };
        }
        let bare = bare(text);
        let bytes = bare.as_bytes();
        let lower = if !bytes.iter().any(|b| b.is_ascii_uppercase() || *b >= 0x80) {
            Lower::Borrowed(bare)
        } else if bytes.len() <= INLINE && bytes.is_ascii() {
            let mut buf = [0u8; INLINE];
            for (d, b) in buf.iter_mut().zip(bytes) {
                *d = b.to_ascii_lowercase();
            }
            Lower::Inline(buf, bytes.len() as u8)
        } else {
            Lower::Owned(bare.to_lowercase().into_boxed_str())
        };
        Tok {
            span,
            text,
            kind,
            lower,
        }
    }

    /// As [`Tok::new`], given the same span of the text ASCII-lower-cased
    /// (`lowered`): the lower-cased word is then a slice of it, without a copy,
    /// unless a non-ASCII letter changes when lower-cased.
    #[inline]
    pub fn with_lower(span: Span, text: &'a str, kind: TokKind, lowered: &'a str) -> Self {
        if let TokKind::Quote(_) = kind {
            return Tok::new(span, text, kind);
        }
        let bare = bare(text);
        let folds = |c: char| {
            let mut l = c.to_lowercase();
            l.next() != Some(c) || l.next().is_some()
        };
        let lower = if bare.is_ascii() || !bare.chars().any(|c| !c.is_ascii() && folds(c)) {
            Lower::Borrowed(lowered.get(..bare.len()).unwrap_or(bare))
        } else {
            Lower::Owned(bare.to_lowercase().into_boxed_str())
        };
        Tok {
            span,
            text,
            kind,
            lower,
        }
    }

    /// The word without a possessive ending (Corbyn’s, Tories').
    pub fn bare(&self) -> &'a str {
        bare(self.text)
    }

    pub fn is_possessive(&self) -> bool {
        self.bare().len() != self.text.len()
    }
}

/// A word without a possessive ending (Corbyn’s, Tories').
#[inline]
fn bare(t: &str) -> &str {
    // The last byte of s, S, ' or ’ (E2 80 99): a cheap test before the real one.
    if !matches!(t.as_bytes().last(), Some(b's' | b'S' | b'\'' | 0x99)) {
        return t;
    }
    if !t.ends_with(['s', 'S', '’', '\'']) {
        return t;
    }
    for suffix in ["’s", "'s", "’S", "'S"] {
        if let Some(stem) = t.strip_suffix(suffix) {
            return stem;
        }
    }
    t.trim_end_matches(['’', '\''])
}

/// The longest run of characters satisfying `keep` (ASCII asked byte by byte,
/// the rest decoded), as nom's `take_while`, without decoding plain ASCII.
fn run_of(input: &str, ascii: fn(u8) -> bool, keep: fn(char) -> bool) -> usize {
    let b = input.as_bytes();
    let mut n = 0;
    while n < b.len() {
        if b[n] < 0x80 {
            if !ascii(b[n]) {
                break;
            }
            n += 1;
        } else {
            match input[n..].chars().next() {
                Some(c) if keep(c) => n += c.len_utf8(),
                _ => break,
            }
        }
    }
    n
}

/// Letters and digits, at least one.
fn word_chars(input: &str) -> IResult<&str, &str> {
    match run_of(input, |b| b.is_ascii_alphanumeric(), char::is_alphanumeric) {
        0 => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::TakeWhile1,
        ))),
        n => Ok((&input[n..], &input[..n])),
    }
}

/// 1 for the ASCII letters and digits.
static ALNUM: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).is_ascii_alphanumeric() as u8;
        i += 1;
    }
    t
};

/// The characters that join the parts of a word.
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&' | '‑')
}

/// A word: letters and digits, joined by single apostrophes, hyphens, dots or
/// ampersands (don’t, Zarb-Cousin, U.S, AT&T).
///
/// Fast path: a run of ASCII letters and digits followed by an ASCII byte that
/// neither continues nor joins it is the whole word, found byte by byte; any
/// other case goes to the nom combinators.
#[inline]
fn word(input: &str) -> IResult<&str, &str> {
    let b = input.as_bytes();
    let n = b
        .iter()
        .position(|&c| ALNUM[c as usize] == 0)
        .unwrap_or(b.len());
    if n == 0 && b.first().is_some_and(|&c| c < 0x80) {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::TakeWhile1,
        )));
    }
    if n > 0 {
        // The word ends at `n` unless a joiner there is followed by a letter or
        // digit; a joiner before an ASCII non-alphanumeric byte is not part of it.
        let joiner = match b.get(n) {
            None => 0,
            Some(b'\'' | b'-' | b'.' | b'&') => 1,
            Some(&c) if c < 0x80 => 0,
            // ’ and ‑ (U+2019, U+2011); other non-ASCII go to the combinators.
            Some(_) if matches!(b.get(n..n + 3), Some([0xE2, 0x80, 0x99 | 0x91])) => 3,
            Some(_) => return joined_word(input),
        };
        let ends = joiner == 0
            || b.get(n + joiner)
                .is_none_or(|&c| c < 0x80 && ALNUM[c as usize] == 0);
        if ends {
            return Ok((&input[n..], &input[..n]));
        }
    }
    joined_word(input)
}

/// A word in full, by the nom combinators.
#[inline(never)]
fn joined_word(input: &str) -> IResult<&str, &str> {
    recognize(pair(
        word_chars,
        many0_count(pair(satisfy(is_joiner), word_chars)),
    ))
    .parse(input)
}

fn is_space_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

fn space(input: &str) -> IResult<&str, &str> {
    let n = run_of(input, is_space_byte, char::is_whitespace);
    Ok((&input[n..], &input[..n]))
}

/// Tokens of `text[span]`, spans relative to the whole `text`.
pub fn tokenize<'a>(text: &'a str, span: Span, out: &mut Vec<Tok<'a>>) {
    scan(text, span, |span, tok, kind| {
        out.push(Tok::new(span, tok, kind))
    });
}

/// As [`tokenize`], given `lowered`, the whole `text` ASCII-lower-cased (same
/// length): the tokens' lower-cased words borrow from it.
pub fn tokenize_lowered<'a>(text: &'a str, lowered: &'a str, span: Span, out: &mut Vec<Tok<'a>>) {
    debug_assert_eq!(text.len(), lowered.len());
    scan(text, span, |span, tok, kind| {
        out.push(Tok::with_lower(
            span,
            tok,
            kind,
            &lowered[span.start..span.end],
        ))
    });
}

/// The tokens of `text[span]`, each given to `emit` with its span in `text`.
fn scan<'a>(text: &'a str, span: Span, mut emit: impl FnMut(Span, &'a str, TokKind)) {
    let base = text.as_ptr() as usize;
    let mut rest = &text[span.start..span.end];
    loop {
        // One space between tokens is the usual case: skip it without a call.
        let b = rest.as_bytes();
        if b.len() >= 2 && b[0] == b' ' && !is_space_byte(b[1]) && b[1] < 0x80 {
            rest = &rest[1..];
        } else {
            rest = match space(rest) {
                Ok((r, _)) => r,
                Err(_) => rest,
            };
        }
        if rest.is_empty() {
            break;
        }
        let (r, (tok, kind)) = match word(rest) {
            Ok((r, w)) => (r, (w, TokKind::Word)),
            Err(_) if rest.as_bytes()[0] < 0x80 => (&rest[1..], (&rest[..1], TokKind::Punct)),
            Err(_) => match recognize(anychar::<&str, nom::error::Error<&str>>).parse(rest) {
                Ok((r, c)) => (r, (c, TokKind::Punct)),
                Err(_) => break,
            },
        };
        let start = tok.as_ptr() as usize - base;
        emit(Span::new(start, start + tok.len()), tok, kind);
        rest = r;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_stay_whole_and_offsets_are_exact() {
        let text = "“x” O’Neill, Zarb-Cousin and the U.S. said: don’t";
        let mut toks = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut toks);
        let words: Vec<&str> = toks.iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            [
                "“",
                "x",
                "”",
                "O’Neill",
                ",",
                "Zarb-Cousin",
                "and",
                "the",
                "U.S",
                ".",
                "said",
                ":",
                "don’t"
            ]
        );
        for t in &toks {
            assert_eq!(t.span.slice(text), t.text);
        }
    }
}
