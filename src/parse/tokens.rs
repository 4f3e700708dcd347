//! Words and punctuation of narrative text, with byte spans.
//!
//! A word keeps its inner apostrophes, hyphens and dots (O’Neill, Long-Bailey,
//! U.S), so names come out whole; everything else that is not space is one
//! punctuation token. Quotations are cut out beforehand and stand as one token.

use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Punct,
    /// A quotation of depth 0; the index is into the paragraph's quotations
    /// (32 bits, so that a token is 64 bytes: an article holds many).
    Quote(u32),
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
    #[inline]
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokKind::Word)
    }

    #[inline]
    pub fn is_punct(&self, c: char) -> bool {
        matches!(self.kind, TokKind::Punct) && self.text.starts_with(c)
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
    &t[..bare_len(t.as_bytes())]
}

/// The length of a word without its possessive ending: ’s, 's, ’S or 'S once,
/// else any trailing ’ and ' (Tories'). The cut is before an ASCII byte or ’.
#[inline]
fn bare_len(b: &[u8]) -> usize {
    let mut n = b.len();
    match b.last() {
        Some(b's' | b'S') => {
            if n >= 2 && b[n - 2] == b'\'' {
                n - 2
            } else if n >= 4 && b[n - 4..n - 1] == [0xE2, 0x80, 0x99] {
                n - 4
            } else {
                n
            }
        }
        Some(b'\'' | 0x99) => {
            loop {
                if n >= 1 && b[n - 1] == b'\'' {
                    n -= 1;
                } else if n >= 3 && b[n - 3..n] == [0xE2, 0x80, 0x99] {
                    n -= 3;
                } else {
                    break;
                }
            }
            n
        }
        _ => n,
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

/// The number of ASCII letters and digits at the start of `b`. Eight bytes are
/// classified at once, without a branch a byte: a word's end is then one
/// well-predicted test rather than a mispredicted loop exit.
#[inline(always)]
fn ascii_alnum_run(b: &[u8]) -> usize {
    const HI: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut n = 0;
    while let Some(chunk) = b.get(n..n + 8) {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // For bytes below 0x80, `x + (0x80 - lo)` sets a byte's high bit when
        // x >= lo, and no byte carries into the next; bytes from 0x80 up are
        // cleared at the end.
        let at_least = |x: u64, lo: u8| x + ONES * (0x80 - lo as u64);
        let low7 = w & !HI;
        let digit = at_least(low7, b'0') & !at_least(low7, b'9' + 1);
        // Setting bit 5 folds A-Z onto a-z and takes no other byte into a-z.
        let folded = low7 | (ONES * 0x20);
        let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
        let alnum = (digit | letter) & !w & HI;
        let stop = !alnum & HI;
        if stop != 0 {
            return n + (stop.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + b[n..]
        .iter()
        .take_while(|&&c| ALNUM[c as usize] != 0)
        .count()
}

/// The words of `s` as unicode-segmentation's `unicode_words` counts them (UAX
/// #29), up to `cap`. ASCII text is counted in one pass over its bytes; the
/// rest is left to the crate.
pub fn count_words(s: &str, cap: usize) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    let b = s.as_bytes();
    // "_" joins words in ways this pass does not follow: rare, so left to the crate.
    if !s.is_ascii() || memchr::memchr(b'_', b).is_some() {
        return s.unicode_words().take(cap).count();
    }
    let alnum = |c: u8| ALNUM[c as usize] != 0;
    let mut n = 0;
    let mut i = 0;
    while i < b.len() && n < cap {
        if !alnum(b[i]) {
            i += 1;
            continue;
        }
        n += 1;
        loop {
            i += ascii_alnum_run(&b[i..]);
            // Letters join across ' . : (WB6-7: "don't", "e.g"), digits across
            // ' . , ; (WB11-12: "3.5", "1,000"); nothing else joins.
            let joins = match (b.get(i - 1), b.get(i), b.get(i + 1)) {
                (Some(x), Some(j), Some(y))
                    if x.is_ascii_alphabetic() && y.is_ascii_alphabetic() =>
                {
                    matches!(j, b'\'' | b'.' | b':')
                }
                (Some(x), Some(j), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                    matches!(j, b'\'' | b'.' | b',' | b';')
                }
                _ => false,
            };
            if !joins {
                break;
            }
            i += 2;
        }
    }
    n
}

const fn is_space_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// Tokens of `text[span]`, spans relative to the whole `text`.
pub fn tokenize<'a>(text: &'a str, span: Span, out: &mut Vec<Tok<'a>>) {
    scan(text, span, |span, tok, kind, _| {
        out.push(Tok::new(span, tok, kind))
    });
}

/// As [`tokenize`], given `lowered`, the whole `text` ASCII-lower-cased (same
/// length): the tokens' lower-cased words borrow from it.
pub fn tokenize_lowered<'a>(text: &'a str, lowered: &'a str, span: Span, out: &mut Vec<Tok<'a>>) {
    debug_assert_eq!(text.len(), lowered.len());
    scan(text, span, |span, tok, kind, ascii| {
        out.push(if ascii {
            // All ASCII: the lower-cased word is the lowered text, possessive cut.
            let n = bare_len(tok.as_bytes());
            Tok {
                span,
                text: tok,
                kind,
                lower: Lower::Borrowed(&lowered[span.start..span.start + n]),
            }
        } else {
            Tok::with_lower(span, tok, kind, &lowered[span.start..span.end])
        })
    });
}

/// 1 for the ASCII white space bytes (as `char::is_whitespace`).
static SPACE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = is_space_byte(i as u8) as u8;
        i += 1;
    }
    t
};

/// The character starting at byte `i` of `text`, which is not ASCII.
#[inline(never)]
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|r| r.chars().next())
}

/// The end of the word starting at `i` (a letter or digit) in `text`, cut where
/// the span to tokenize ends: runs of letters and digits joined by single
/// joiners (' ’ - ‑ . &). Clears `ascii` on any non-ASCII byte.
#[inline(always)]
fn word_end(text: &str, mut i: usize, ascii: &mut bool) -> usize {
    let b = text.as_bytes();
    loop {
        // A run of letters and digits.
        loop {
            i += ascii_alnum_run(&b[i..]);
            match b.get(i) {
                Some(&c) if c >= 0x80 => match char_at(text, i) {
                    Some(ch) if ch.is_alphanumeric() => {
                        *ascii = false;
                        i += ch.len_utf8();
                    }
                    _ => break,
                },
                _ => break,
            }
        }
        // A joiner followed by a letter or digit continues the word.
        let joiner = match b.get(i) {
            Some(b'\'' | b'-' | b'.' | b'&') => 1,
            Some(0xE2) if matches!(b.get(i + 1..i + 3), Some([0x80, 0x99 | 0x91])) => 3,
            _ => return i,
        };
        let next = i + joiner;
        let continues = match b.get(next) {
            Some(&c) if c < 0x80 => ALNUM[c as usize] != 0,
            Some(_) => char_at(text, next).is_some_and(char::is_alphanumeric),
            None => false,
        };
        if !continues {
            return i;
        }
        if joiner > 1 {
            *ascii = false;
        }
        i = next;
    }
}

/// The tokens of `text[span]`, each given to `emit` with its span in `text` and
/// whether it is all ASCII.
#[inline]
fn scan<'a>(text: &'a str, span: Span, mut emit: impl FnMut(Span, &'a str, TokKind, bool)) {
    // Cut at the span's end, so that no word runs past it.
    let text = &text[..span.end];
    let b = text.as_bytes();
    let mut i = span.start;
    while let Some(&c) = b.get(i) {
        let (e, kind, ascii) = if c < 0x80 {
            if SPACE[c as usize] != 0 {
                i += 1;
                continue;
            }
            if ALNUM[c as usize] != 0 {
                let mut ascii = true;
                (word_end(text, i, &mut ascii), TokKind::Word, ascii)
            } else {
                (i + 1, TokKind::Punct, true)
            }
        } else {
            let Some(ch) = char_at(text, i) else {
                break;
            };
            if ch.is_whitespace() {
                i += ch.len_utf8();
                continue;
            }
            if ch.is_alphanumeric() {
                let mut ascii = false;
                (word_end(text, i, &mut ascii), TokKind::Word, false)
            } else {
                (i + ch.len_utf8(), TokKind::Punct, false)
            }
        };
        emit(Span::new(i, e), &text[i..e], kind, ascii);
        i = e;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_at_most_64_bytes() {
        // An article's tokens are one buffer, written and read by every pass.
        assert!(std::mem::size_of::<Tok>() <= 64);
    }

    #[test]
    fn the_eight_byte_run_agrees_with_the_byte_table() {
        // Every byte value, at every place of a chunk and past it.
        for c in 0..=255u8 {
            for at in 0..20 {
                let mut b = vec![b'q'; at];
                b.push(c);
                b.extend_from_slice(b"Zz09");
                let want = b.iter().take_while(|&&x| ALNUM[x as usize] != 0).count();
                assert_eq!(ascii_alnum_run(&b), want, "byte {c:#x} at {at}");
            }
        }
    }

    #[test]
    fn words_of_every_short_string_are_counted_as_unicode_segmentation_counts_them() {
        use unicode_segmentation::UnicodeSegmentation;
        let alphabet = [
            "a", "Z", "9", "0", " ", "'", ".", ":", ",", ";", "-", "_", "é",
        ];
        let mut strings = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = strings
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            for s in &longer {
                let want = s.unicode_words().count();
                assert_eq!(count_words(s, 8), want, "{s:?}");
            }
            strings = longer;
        }
    }

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

    /// The word grammar as nom combinators, the reference the scanner follows:
    /// letters and digits, joined by single joiners.
    fn reference(text: &str) -> Vec<(usize, usize, TokKind)> {
        use nom::{
            IResult, Parser,
            bytes::complete::take_while1,
            character::complete::{anychar, satisfy},
            combinator::recognize,
            multi::many0_count,
            sequence::pair,
        };
        fn word(i: &str) -> IResult<&str, &str> {
            let alnum = || take_while1(char::is_alphanumeric);
            let joiner = satisfy(|c| matches!(c, '\'' | '’' | '-' | '.' | '&' | '‑'));
            recognize(pair(alnum(), many0_count(pair(joiner, alnum())))).parse(i)
        }
        let mut out = Vec::new();
        let mut rest = text;
        loop {
            rest = rest.trim_start_matches(char::is_whitespace);
            if rest.is_empty() {
                return out;
            }
            let (r, tok, kind) = match word(rest) {
                Ok((r, w)) => (r, w, TokKind::Word),
                Err(_) => {
                    let (r, c) = recognize(anychar::<&str, nom::error::Error<&str>>)
                        .parse(rest)
                        .unwrap();
                    (r, c, TokKind::Punct)
                }
            };
            let start = text.len() - rest.len();
            out.push((start, start + tok.len(), kind));
            rest = r;
        }
    }

    /// Possessive endings cut as the tokenizer always has.
    fn reference_bare(t: &str) -> &str {
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

    proptest::proptest! {
        #[test]
        fn words_are_counted_as_unicode_segmentation_counts_them(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Z", "q", "9", "0", " ", "  ", "\n", "'", ".", ":", ",", ";", "-", "!",
                "\"", "_", "?", "(", "é", "’", "don't", "3.5", "1,000", "10:30", "e.g.",
            ]), 0..24),
            cap in 4usize..30,
        ) {
            use unicode_segmentation::UnicodeSegmentation;
            let text: String = parts.concat();
            let want = text.unicode_words().take(cap).count();
            proptest::prop_assert_eq!(count_words(&text, cap), want, "{:?}", text);
        }

        #[test]
        fn scanner_follows_the_nom_grammar(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Z", "9", "é", "É", "ß", "ǅ", "二", " ", "  ", "\n", "\t", "\u{a0}",
                "\u{2009}", "'", "’", "-", "‑", ".", "&", ",", "“", "”", "\"", "s", "'s",
                "’s", "’S", "!", "—", "(", "Ⅷ", "٣", "\u{301}",
            ]), 0..24),
            cut in 0usize..4,
        ) {
            let text: String = parts.concat();
            // Tokenize a sub-span too: words must stop at its end.
            let mut end = text.len().saturating_sub(cut);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let lowered = text.to_ascii_lowercase();
            let mut toks = Vec::new();
            tokenize_lowered(&text, &lowered, Span::new(0, end), &mut toks);
            let got: Vec<_> = toks.iter().map(|t| (t.span.start, t.span.end, t.kind)).collect();
            proptest::prop_assert_eq!(got, reference(&text[..end]));
            for t in &toks {
                let want = reference_bare(t.text).to_lowercase();
                proptest::prop_assert_eq!(t.lower(), want.as_str());
            }
        }
    }
}
