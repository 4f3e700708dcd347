//! Quotation marks: which marks open, which close, which are apostrophes, and how
//! they pair, paragraph by paragraph.
//!
//! Curly marks say which way they face; straight marks (`"`, `'`) are paired by
//! context: a mark after a space and before a word opens, one after a word and
//! before a space or punctuation closes. An apostrophe inside a word (don’t,
//! O’Neill) never opens or closes; one after a word (Tories', students’) closes
//! only when a single quotation is open. The scan is one pass with a stack, so
//! nesting is as deep as the text goes and the cost is linear.

use crate::lexicon::Lexicon;
use crate::model::{MarkProblem, MarkProblemKind};
use crate::span::Span;

/// Double or single marks: a quotation closes with a mark of its own family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Double,
    Single,
}

/// One quotation found by pairing marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawQuote {
    pub open: Span,
    pub close: Option<Span>,
    /// The quoted words, trimmed of white space.
    pub inner: Span,
    pub depth: usize,
    pub family: Family,
    /// Left open at the end of its paragraph (or before a re-opening mark) and
    /// continued by the next quotation: the multi-paragraph convention.
    pub runs_on: bool,
    /// Opens a paragraph (or a sentence) that continues the previous quotation.
    pub continuation: bool,
}

#[derive(Debug, Clone, Copy)]
struct Open {
    at: usize,
    len: usize,
    ch: char,
    family: Family,
    /// False for a straight single mark, which may yet prove an apostrophe.
    certain: bool,
    continuation: bool,
}

/// The result of pairing the marks of a whole text.
#[derive(Debug, Default)]
pub struct Marks {
    /// In order of opening mark.
    pub quotes: Vec<RawQuote>,
    pub problems: Vec<MarkProblem>,
}

/// The mark at `i`, if any: its length in bytes, the character that stands for
/// it, and the role its glyph gives it.
fn glyph_at(text: &str, i: usize) -> Option<(usize, char)> {
    let b = text.as_bytes();
    match b[i] {
        b'"' => Some((1, '"')),
        b'\'' => {
            if b.get(i + 1) == Some(&b'\'') {
                // Two straight apostrophes stand for a double mark in some corpora.
                Some((2, '"'))
            } else {
                Some((1, '\''))
            }
        }
        b'`' if b.get(i + 1) == Some(&b'`') => Some((2, '“')),
        0xC2 | 0xE2 => {
            let c = text[i..].chars().next()?;
            matches!(
                c,
                '“' | '”' | '„' | '‟' | '«' | '»' | '‘' | '’' | '‚' | '‛' | '‹' | '›'
            )
            .then(|| (c.len_utf8(), c))
        }
        _ => None,
    }
}

/// The length of the UTF-8 sequence a leading byte starts.
fn utf8_len(b: u8) -> usize {
    match b {
        0..0xC0 => 1,
        0xC0..0xE0 => 2,
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

fn is_open_punct(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '„' | '«' | '‹'
    )
}

fn is_close_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '—'
            | '–'
            | '-'
            | '/'
            | '…'
            | '”'
            | '’'
            | '»'
            | '›'
            | '"'
            | '\''
    )
}

/// A mark standing where an opening mark stands: after a space or opening
/// punctuation, before a word.
fn opener_context(prev: Option<char>, next: Option<char>) -> bool {
    let before = prev.is_none_or(|c| c.is_whitespace() || is_open_punct(c));
    let after = next.is_some_and(|c| !c.is_whitespace());
    before && after
}

/// A mark standing where a closing mark stands: after a word or punctuation,
/// before a space, punctuation or the end.
fn closer_context(prev: Option<char>, next: Option<char>) -> bool {
    let before = prev.is_some_and(|c| !c.is_whitespace());
    let after = next.is_none_or(|c| c.is_whitespace() || is_close_punct(c));
    before && after
}

/// Does the text before `at` (within the paragraph) end a sentence?
fn after_sentence_end(text: &str, start: usize, at: usize) -> bool {
    let before = text[start..at].trim_end();
    before
        .chars()
        .rev()
        .find(|c| !matches!(c, '’' | '\'' | ')'))
        .is_some_and(|c| matches!(c, '.' | '?' | '!' | '…'))
}

fn first_word_lower(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Pair the quotation marks of `text`, paragraph by paragraph.
pub fn pair(text: &str, paragraphs: &[Span], lex: &Lexicon) -> Marks {
    let mut out = Marks::default();
    let mut carried: Option<Open> = None;
    for (pi, para) in paragraphs.iter().enumerate() {
        let next_para_opens = paragraphs
            .get(pi + 1)
            .map(|next| opening_family(text, *next));
        carried = scan(
            text,
            *para,
            carried.take(),
            next_para_opens.flatten(),
            lex,
            &mut out,
        );
    }
    out
}

/// The family of the mark a paragraph opens with, if it opens with one.
fn opening_family(text: &str, para: Span) -> Option<Family> {
    let (len, ch) = glyph_at(text, para.start)?;
    let next = text[para.start + len..].chars().next();
    match ch {
        '“' | '„' | '‟' | '«' | '»' => Some(Family::Double),
        '"' if opener_context(None, next) => Some(Family::Double),
        '‘' | '‚' | '‹' => Some(Family::Single),
        '\'' | '’' if opener_context(None, next) && next.is_some_and(char::is_alphabetic) => {
            Some(Family::Single)
        }
        _ => None,
    }
}

struct Scan<'a> {
    text: &'a str,
    stack: Vec<Open>,
    out: &'a mut Marks,
}

impl Scan<'_> {
    fn emit(&mut self, open: Open, close: Option<Span>, end: usize, runs_on: bool) {
        let inner_start = open.at + open.len;
        let raw = &self.text[inner_start..end.max(inner_start)];
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        let s = inner_start + lead;
        let depth = self.stack.len();
        self.out.quotes.push(RawQuote {
            open: Span::new(open.at, open.at + open.len),
            close,
            inner: Span::new(s, s + trimmed.len()),
            depth,
            family: open.family,
            runs_on,
            continuation: open.continuation,
        });
    }

    fn problem(&mut self, at: usize, len: usize, mark: char, kind: MarkProblemKind) {
        self.out.problems.push(MarkProblem {
            span: Span::new(at, at + len),
            mark,
            kind,
        });
    }

    /// Index in the stack of the innermost open quotation of `family`, not
    /// looking past a quotation of the other family that is certain.
    fn find_open(&self, family: Family) -> Option<usize> {
        for (i, o) in self.stack.iter().enumerate().rev() {
            if o.family == family {
                return Some(i);
            }
            if o.certain && o.family == Family::Double {
                return None;
            }
        }
        None
    }

    /// Close the quotation at stack index `k`; the ones opened inside it and never
    /// closed are dropped (a certain one is reported).
    fn close_at(&mut self, k: usize, at: usize, len: usize) {
        while self.stack.len() > k + 1 {
            let inner = self.stack.pop().expect("stack longer than k + 1");
            if inner.certain {
                self.problem(inner.at, inner.len, inner.ch, MarkProblemKind::UnclosedOpen);
            }
        }
        let open = self.stack.pop().expect("index k is in the stack");
        self.emit(open, Some(Span::new(at, at + len)), at, false);
    }

    fn push(&mut self, at: usize, len: usize, ch: char, family: Family, certain: bool) {
        self.stack.push(Open {
            at,
            len,
            ch,
            family,
            certain,
            continuation: false,
        });
    }

    /// A new opening mark of the family of an open outer quotation at index `k`,
    /// after a sentence end: the text has lost a paragraph break, and the open
    /// quotation runs on into this one.
    fn reopen(&mut self, k: usize, at: usize, len: usize, ch: char, family: Family) {
        while self.stack.len() > k + 1 {
            self.stack.pop();
        }
        let open = self.stack.pop().expect("index k is in the stack");
        self.emit(open, None, at, true);
        self.stack.push(Open {
            at,
            len,
            ch,
            family,
            certain: true,
            continuation: true,
        });
    }
}

/// Scan one paragraph. `carried` is a quotation left open by the previous
/// paragraph that this one continues. Returns the quotation this paragraph leaves
/// open for the next, if the next opens with a fresh mark of the same family.
fn scan(
    text: &str,
    para: Span,
    carried: Option<Open>,
    next_para_opens: Option<Family>,
    lex: &Lexicon,
    out: &mut Marks,
) -> Option<Open> {
    let mut sc = Scan {
        text,
        stack: Vec::new(),
        out,
    };
    let bytes = text.as_bytes();
    let mut i = para.start;
    let mut prev: Option<char> = None;
    let mut first_mark = true;
    while i < para.end {
        let b = bytes[i];
        let candidate = matches!(b, b'"' | b'\'' | b'`' | 0xC2 | 0xE2);
        let glyph = if candidate { glyph_at(text, i) } else { None };
        let Some((len, ch)) = glyph else {
            // Jump to the next byte that can start a mark; only the character
            // just before it matters for the context.
            let from = i + utf8_len(b);
            let hay = &bytes[from..para.end];
            let near = memchr::memchr3(b'"', b'\'', 0xE2, hay).unwrap_or(hay.len());
            let n = memchr::memchr2(b'`', 0xC2, &hay[..near]).unwrap_or(near);
            i = from + n;
            prev = text[..i].chars().next_back();
            continue;
        };
        let next = text[i + len..para.end].chars().next();
        let opener = opener_context(prev, next);
        let closer = closer_context(prev, next);
        let continuing = first_mark && carried.is_some();
        first_mark = false;
        match ch {
            '"' => {
                if continuing {
                    sc.push(i, len, ch, Family::Double, true);
                    if let Some(o) = sc.stack.last_mut() {
                        o.continuation = true;
                    }
                } else if let Some(k) = sc.find_open(Family::Double) {
                    let straight = sc.stack.iter().rposition(|o| o.ch == '"');
                    if sc.stack[k].ch != '"' && opener && !closer {
                        // Straight marks inside a curly quotation: nested.
                        sc.push(i, len, ch, Family::Double, true);
                    } else if let (Some(k), true) = (straight, closer || !opener) {
                        sc.close_at(k, i, len);
                    } else if opener && !closer && after_sentence_end(text, para.start, i) {
                        sc.reopen(k, i, len, ch, Family::Double);
                    } else {
                        sc.close_at(k, i, len);
                    }
                } else if closer && !opener {
                    sc.problem(i, len, ch, MarkProblemKind::UnopenedClose);
                } else {
                    sc.push(i, len, ch, Family::Double, true);
                }
            }
            '“' | '‟' => {
                let german = sc
                    .stack
                    .last()
                    .is_some_and(|o| o.ch == '„' && o.family == Family::Double);
                if german {
                    let k = sc.stack.len() - 1;
                    sc.close_at(k, i, len);
                } else if continuing {
                    sc.stack.push(Open {
                        at: i,
                        len,
                        ch,
                        family: Family::Double,
                        certain: true,
                        continuation: true,
                    });
                } else if let Some(k) = sc.find_open(Family::Double) {
                    if closer && !opener {
                        sc.problem(i, len, ch, MarkProblemKind::Reversed);
                        sc.close_at(k, i, len);
                    } else if sc.stack[k].ch == '"' || k + 1 < sc.stack.len() {
                        // Curly marks inside a straight quotation: nested.
                        sc.push(i, len, ch, Family::Double, true);
                    } else if after_sentence_end(text, para.start, i) {
                        sc.reopen(k, i, len, ch, Family::Double);
                    } else {
                        let o = sc.stack[k];
                        sc.problem(o.at, o.len, o.ch, MarkProblemKind::UnclosedOpen);
                        sc.reopen(k, i, len, ch, Family::Double);
                        if let Some(last) = sc.stack.last_mut() {
                            last.continuation = false;
                        }
                        if let Some(q) = sc.out.quotes.last_mut() {
                            q.runs_on = false;
                        }
                    }
                } else if closer && !opener {
                    sc.problem(i, len, ch, MarkProblemKind::UnopenedClose);
                } else {
                    sc.push(i, len, ch, Family::Double, true);
                }
            }
            '„' | '«' => {
                let danish = ch == '«' && sc.stack.last().is_some_and(|o| o.ch == '»');
                if danish {
                    let k = sc.stack.len() - 1;
                    sc.close_at(k, i, len);
                } else {
                    sc.push(i, len, ch, Family::Double, true);
                    if continuing && let Some(o) = sc.stack.last_mut() {
                        o.continuation = true;
                    }
                }
            }
            '”' | '»' => {
                let curly = sc.stack.iter().rposition(|o| {
                    o.family == Family::Double && matches!(o.ch, '“' | '‟' | '«' | '„')
                });
                if let Some(k) = curly.or_else(|| sc.find_open(Family::Double)) {
                    sc.close_at(k, i, len);
                } else if ch == '»' || (opener && !closer) {
                    if ch == '”' {
                        sc.problem(i, len, ch, MarkProblemKind::Reversed);
                    }
                    sc.push(i, len, ch, Family::Double, true);
                    if continuing && let Some(o) = sc.stack.last_mut() {
                        o.continuation = true;
                    }
                } else {
                    sc.problem(i, len, ch, MarkProblemKind::UnopenedClose);
                }
            }
            '‘' | '‚' | '‹' | '‛' => {
                let low = sc.stack.last().is_some_and(|o| o.ch == '‚');
                let word_inside = prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric);
                if low && ch == '‘' {
                    let k = sc.stack.len() - 1;
                    sc.close_at(k, i, len);
                } else if word_inside || next.is_some_and(|c| c.is_ascii_digit()) {
                    // A misturned apostrophe: don‘t, ‘80s.
                } else if let (true, false, Some(k)) =
                    (closer, opener, sc.find_open(Family::Single))
                {
                    sc.problem(i, len, ch, MarkProblemKind::Reversed);
                    sc.close_at(k, i, len);
                } else {
                    sc.push(i, len, ch, Family::Single, true);
                    if continuing && let Some(o) = sc.stack.last_mut() {
                        o.continuation = true;
                    }
                }
            }
            '’' | '\'' | '›' => {
                let word_inside = prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric);
                if word_inside {
                    // don’t, O’Neill, Labour’s
                } else if opener && next.is_some_and(char::is_alphanumeric) {
                    let word = first_word_lower(&text[i + len..para.end]);
                    let elision =
                        next.is_some_and(|c| c.is_ascii_digit()) || lex.elisions.contains(&word);
                    if !elision {
                        if ch == '’' {
                            sc.problem(i, len, ch, MarkProblemKind::Reversed);
                        }
                        sc.push(i, len, ch, Family::Single, ch != '\'');
                        if continuing && let Some(o) = sc.stack.last_mut() {
                            o.continuation = true;
                        }
                    }
                } else if closer
                    && let Some(k) = sc.find_open(Family::Single)
                    && !possessive_plural(text, prev, i + len, para.end)
                {
                    sc.close_at(k, i, len);
                }
            }
            _ => {}
        }
        prev = Some(text[i..i + len].chars().next_back().unwrap_or(ch));
        i += len;
    }
    // What is still open at the end of the paragraph.
    let mut left: Option<Open> = None;
    while let Some(o) = sc.stack.pop() {
        let outer = sc.stack.is_empty();
        if outer && next_para_opens == Some(o.family) {
            sc.emit(o, None, para.end, true);
            left = Some(o);
        } else if o.certain {
            sc.problem(o.at, o.len, o.ch, MarkProblemKind::UnclosedOpen);
            sc.emit(o, None, para.end, false);
        }
    }
    left
}

/// Is the mark ending at `after` the apostrophe of a plural possessive
/// ("the students’ union") rather than a closing mark? Only when another closing
/// mark follows soon in the paragraph.
fn possessive_plural(text: &str, prev: Option<char>, after: usize, end: usize) -> bool {
    if !matches!(prev, Some('s' | 'S')) {
        return false;
    }
    let rest = &text[after..end];
    let mut chars = rest.chars();
    if chars.next() != Some(' ') || !chars.next().is_some_and(char::is_lowercase) {
        return false;
    }
    let window = &rest[..rest.len().min(120)];
    let window = match window.char_indices().last() {
        Some(_) if window.len() < rest.len() => {
            let mut cut = window.len();
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            &rest[..cut]
        }
        _ => window,
    };
    window.contains("’ ")
        || window.contains("’.")
        || window.contains("’,")
        || window.ends_with('’')
        || window.contains("' ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<String> {
        let paras: Vec<Span> = line_paragraphs(text);
        let m = pair(text, &paras, Lexicon::get());
        m.quotes
            .iter()
            .map(|q| q.inner.slice(text).to_string())
            .collect()
    }

    fn line_paragraphs(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = 0;
        for line in text.split('\n') {
            let end = start + line.len();
            if !line.trim().is_empty() {
                out.push(Span::new(start, end));
            }
            start = end + 1;
        }
        out
    }

    #[test]
    fn apostrophes_never_open_or_close() {
        let t = "Labour’s man, who don’t like the students’ union, said O’Neill’s ’80s rock ’n’ roll was Blazin' and the Tories' fault.";
        assert!(quotes(t).is_empty(), "{:?}", quotes(t));
        let m = pair(t, &line_paragraphs(t), Lexicon::get());
        assert!(m.problems.is_empty(), "{:?}", m.problems);
    }

    #[test]
    fn curly_and_straight_pair() {
        assert_eq!(
            quotes("He said: “Go now.” Then \"stop\"."),
            ["Go now.", "stop"]
        );
    }

    #[test]
    fn single_inside_double_nests() {
        let t = "She said: “They called it ‘a farce’, and left.”";
        assert_eq!(
            quotes(t),
            ["a farce", "They called it ‘a farce’, and left."]
        );
    }

    #[test]
    fn scare_quote_in_single_curly_marks() {
        let t = "The plan had ‘no chance’ of success.";
        assert_eq!(quotes(t), ["no chance"]);
    }

    #[test]
    fn straight_single_quotes_pair_but_possessives_do_not() {
        let t = "Tories' leader said 'we will win' and the party's 'students' union' backed it.";
        assert_eq!(quotes(t), ["we will win", "students' union"]);
    }

    #[test]
    fn multi_paragraph_quotation_runs_on() {
        let t = "He said: “First part.\n“Second part.\n“Third.”\nNarrative.";
        let m = pair(t, &line_paragraphs(t), Lexicon::get());
        let got: Vec<(&str, bool, bool)> = m
            .quotes
            .iter()
            .map(|q| (q.inner.slice(t), q.runs_on, q.continuation))
            .collect();
        assert_eq!(
            got,
            [
                ("First part.", true, false),
                ("Second part.", true, true),
                ("Third.", false, true)
            ]
        );
        assert!(m.problems.is_empty());
    }

    #[test]
    fn reopened_mid_line_after_sentence_end() {
        let t = "He said \"it was worthwhile. \"It's like nothing else,\" he added.";
        let m = pair(t, &line_paragraphs(t), Lexicon::get());
        let got: Vec<&str> = m.quotes.iter().map(|q| q.inner.slice(t)).collect();
        assert_eq!(got, ["it was worthwhile.", "It's like nothing else,"]);
        assert!(m.quotes[0].runs_on && m.quotes[1].continuation);
    }

    #[test]
    fn unmatched_mark_is_reported_and_parsing_recovers() {
        let t = "He said “never closed.\nLater “fine” here.";
        let m = pair(t, &line_paragraphs(t), Lexicon::get());
        assert_eq!(m.problems.len(), 1);
        assert_eq!(m.problems[0].kind, MarkProblemKind::UnclosedOpen);
        assert!(m.quotes.iter().any(|q| q.inner.slice(t) == "fine"));
    }

    #[test]
    fn reversed_opening_mark_is_reported() {
        let t = "He said ”hello” to them.";
        let m = pair(t, &line_paragraphs(t), Lexicon::get());
        assert_eq!(m.quotes.len(), 1);
        assert_eq!(m.problems[0].kind, MarkProblemKind::Reversed);
    }

    #[test]
    fn guillemets_and_low_marks() {
        assert_eq!(
            quotes("Il a dit «non» et „ja“ und ‚nein‘."),
            ["non", "ja", "nein"]
        );
    }

    #[test]
    fn nyt_double_apostrophes() {
        assert_eq!(quotes("He said ''no way,'' she said."), ["no way,"]);
    }

    #[test]
    fn deep_nesting_is_linear_and_total() {
        let t = "“‘".repeat(5000) + "x" + &"’”".repeat(5000);
        let m = pair(&t, &line_paragraphs(&t), Lexicon::get());
        assert_eq!(m.quotes.len(), 10_000);
        assert!(m.problems.is_empty());
    }
}
