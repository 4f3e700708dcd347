//! The prose view of an article: its source text with every byte of markup
//! replaced by an ASCII space, so that byte offsets into the prose view are
//! byte offsets into the file as read.
//!
//! Plain text is taken as it is (only a BOM and front matter are masked).
//! Markdown is read with a pragmatic, CommonMark-like two-pass reader: a line
//! pass finds blocks (headings, quotes, list items, code, front matter) and an
//! inline pass inside each block masks emphasis, code spans, links, HTML and
//! comments. Every scan is linear in the input: no construct is searched for
//! again from each of many starting points.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet, VecDeque};
use std::path::Path;

use memchr::{memchr, memmem};

use crate::span::Span;

/// How an article's source text is marked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text: one paragraph per non-blank line.
    Text,
    /// CommonMark-style Markdown.
    Markdown,
}

impl Format {
    /// `.md` and `.markdown` (any case) are Markdown; everything else
    /// (`.txt`, stdin, no extension) is Text.
    pub fn for_path(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown") => {
                Format::Markdown
            }
            _ => Format::Text,
        }
    }
}

/// The prose view of a source text.
#[derive(Debug, Clone)]
pub struct Prose<'a> {
    /// Same length as the source; markup masked with spaces ('\n' and '\r' kept).
    /// The source itself when nothing is masked.
    pub text: Cow<'a, str>,
    /// YAML (`---`) or TOML (`+++`) front matter at the very start (after an
    /// optional BOM), if any; its span covers the fences too. Masked in `text`.
    pub front_matter: Option<FrontMatter>,
    /// Paragraphs of prose, in order, as spans of the source (trimmed of
    /// leading and trailing whitespace, never empty).
    pub paragraphs: Vec<Paragraph>,
    /// HTML comments `<!-- ... -->` (Markdown only), in order. Masked in `text`.
    pub comments: Vec<Comment>,
}

/// Front matter at the start of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    /// From the opening fence to the end of the closing fence (without its line break).
    pub span: Span,
    /// The top-level `title`, quotes stripped.
    pub title: Option<String>,
    /// The top-level `date`, quotes stripped, as written.
    pub date: Option<String>,
}

/// What kind of block a paragraph comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// An ordinary paragraph (every line of a plain-text file).
    Plain,
    /// A heading of the given level (1 to 6; setext headings are 1 or 2).
    Heading(u8),
    /// A paragraph inside a `>` block quote.
    BlockQuote,
    /// A paragraph of a list item.
    ListItem,
}

/// A paragraph of prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    /// From the first to the last non-whitespace prose byte; may span several lines.
    pub span: Span,
    pub kind: BlockKind,
}

/// An HTML comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// The whole comment, `<!--` to `-->`; an unclosed one runs to the end of the file.
    pub span: Span,
    /// The text between the delimiters, trimmed of whitespace (may be empty).
    pub inner: Span,
}

/// Builds the prose view of `source`. Never panics; linear in the input length.
pub fn prose(source: &str, format: Format) -> Prose<'_> {
    let src = source.as_bytes();
    let mut start = 0;
    let bom = src.starts_with(b"\xEF\xBB\xBF");
    if bom {
        start = 3;
    }
    let front_matter = front_matter(source, start);
    // Plain text with nothing to mask is its own prose view: no copy.
    if !bom && front_matter.is_none() && format == Format::Text {
        let text = Cow::Borrowed(source);
        // At most one paragraph a line: sized once, not regrown.
        let mut paragraphs = Vec::with_capacity(memchr::memchr_iter(b'\n', src).count() + 1);
        paragraphs.extend(lines(src, 0).filter_map(|(ls, ce)| {
            let span = trim(&text, ls, ce);
            (!span.is_empty()).then_some(Paragraph {
                span,
                kind: BlockKind::Plain,
            })
        }));
        return Prose {
            text,
            front_matter,
            paragraphs,
            comments: Vec::new(),
        };
    }
    let mut out = src.to_vec();
    if bom {
        mask(&mut out, 0, 3);
    }
    if let Some(fm) = &front_matter {
        mask(&mut out, fm.span.start, fm.span.end);
        start = fm.span.end;
    }
    let mut comments = Vec::new();
    let blocks = match format {
        Format::Text => lines(src, start)
            .map(|(ls, ce)| Block {
                kind: BlockKind::Plain,
                start: ls,
                end: ce,
            })
            .collect(),
        Format::Markdown => markdown(source, start, &mut out, &mut comments),
    };
    // Nothing masked (plain text without BOM or front matter): the bytes are the
    // source's, valid UTF-8 already.
    let text = if out == src {
        Cow::Borrowed(source)
    } else {
        repair_utf8(source, &mut out);
        Cow::Owned(into_string(out))
    };
    let paragraphs = blocks
        .into_iter()
        .filter_map(|b| {
            let span = trim(&text, b.start, b.end);
            (!span.is_empty()).then_some(Paragraph { span, kind: b.kind })
        })
        .collect();
    Prose {
        text,
        front_matter,
        paragraphs,
        comments,
    }
}

// ---------------------------------------------------------------------------
// Shared helpers

/// Masks `start..end` (clamped), keeping line breaks.
fn mask(out: &mut [u8], start: usize, end: usize) {
    let end = end.min(out.len());
    if start >= end {
        return;
    }
    for b in &mut out[start..end] {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

/// Masks whole any character that was masked only in part, so the view stays UTF-8.
/// Every mask boundary is an ASCII byte, so this is a safety net rather than a step.
fn repair_utf8(source: &str, out: &mut [u8]) {
    for (i, c) in source.char_indices() {
        let n = c.len_utf8();
        if n > 1 && out[i..i + n].contains(&b' ') {
            out[i..i + n].fill(b' ');
        }
    }
}

fn into_string(out: Vec<u8>) -> String {
    String::from_utf8(out).unwrap_or_else(|e| {
        // Unreachable after `repair_utf8`; mask everything rather than panic.
        e.into_bytes()
            .into_iter()
            .map(|b| {
                if b == b'\n' || b == b'\r' {
                    b as char
                } else {
                    ' '
                }
            })
            .collect()
    })
}

/// Lines from `start` as `(line start, content end)`; the content end excludes
/// the '\n' and a '\r' before it. A final '\n' starts no further line, but an
/// empty rest is one empty line.
fn lines(src: &[u8], start: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = start;
    std::iter::from_fn(move || {
        if pos > src.len() || (pos == src.len() && pos != start) {
            return None;
        }
        let ls = pos;
        let le = memchr(b'\n', &src[ls..]).map_or(src.len(), |k| ls + k);
        pos = le + 1;
        let ce = if le > ls && src[le - 1] == b'\r' {
            le - 1
        } else {
            le
        };
        Some((ls, ce))
    })
}

/// `start..end` of `text` without leading and trailing whitespace (possibly empty).
fn trim(text: &str, start: usize, end: usize) -> Span {
    let Some(s) = text.get(start..end) else {
        return Span::new(start, start);
    };
    let lead = s.len() - s.trim_start().len();
    let body = s.trim();
    Span::new(start + lead, start + lead + body.len())
}

fn is_space_or_tab(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|&b| is_space_or_tab(b))
}

fn trim_end_blanks(line: &[u8]) -> &[u8] {
    let n = line
        .iter()
        .rposition(|&b| !is_space_or_tab(b))
        .map_or(0, |k| k + 1);
    &line[..n]
}

fn run_len(b: &[u8], i: usize, end: usize, c: u8) -> usize {
    b[i..end].iter().take_while(|&&x| x == c).count()
}

/// Indentation of `from..to` in columns (tabs to the next multiple of 4) and
/// the offset of its first non-blank byte.
fn indentation(src: &[u8], from: usize, to: usize) -> (usize, usize) {
    let mut cols = 0;
    let mut k = from;
    while k < to {
        match src[k] {
            b' ' => cols += 1,
            b'\t' => cols += 4 - cols % 4,
            _ => break,
        }
        k += 1;
    }
    (cols, k)
}

// ---------------------------------------------------------------------------
// Front matter

fn front_matter(source: &str, start: usize) -> Option<FrontMatter> {
    let src = source.as_bytes();
    let mut it = lines(src, start);
    let (ls, ce) = it.next()?;
    let fence = trim_end_blanks(&src[ls..ce]);
    if fence != b"---" && fence != b"+++" {
        return None;
    }
    let toml = fence == b"+++";
    let (mut title, mut date) = (None, None);
    let mut top_level = true;
    for (ls, ce) in it {
        let line = source.get(ls..ce)?;
        if trim_end_blanks(line.as_bytes()) == fence {
            return Some(FrontMatter {
                span: Span::new(start, ce),
                title,
                date,
            });
        }
        if toml && line.trim_start().starts_with('[') {
            top_level = false;
        }
        if !top_level || line.starts_with([' ', '\t']) {
            continue;
        }
        let sep = if toml { '=' } else { ':' };
        let Some((key, value)) = line.split_once(sep) else {
            continue;
        };
        if !(toml || value.is_empty() || value.starts_with([' ', '\t'])) {
            continue;
        }
        let slot = match key.trim() {
            k if k.eq_ignore_ascii_case("title") => &mut title,
            k if k.eq_ignore_ascii_case("date") => &mut date,
            _ => continue,
        };
        if slot.is_none() {
            *slot = scalar(value);
        }
    }
    None
}

/// A one-line YAML or TOML scalar with its quotes and escapes undone.
fn scalar(value: &str) -> Option<String> {
    let v = value.trim();
    let s = if let Some(rest) = v.strip_prefix('"') {
        let mut s = String::new();
        let mut chars = rest.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next() {
                    Some('n') => s.push('\n'),
                    Some('t') => s.push('\t'),
                    Some(c) => s.push(c),
                    None => break,
                },
                c => s.push(c),
            }
        }
        s
    } else if let Some(rest) = v.strip_prefix('\'') {
        // YAML writes a quote inside single quotes as ''.
        let mut s = String::new();
        let mut chars = rest.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\'' {
                if chars.peek() != Some(&'\'') {
                    break;
                }
                chars.next();
            }
            s.push(c);
        }
        s
    } else if v.starts_with(['|', '>']) {
        // Block scalars continue on the next lines: beyond a line-based reading.
        return None;
    } else {
        v.split(" #").next().unwrap_or("").trim_end().to_string()
    };
    (!s.is_empty()).then_some(s)
}

// ---------------------------------------------------------------------------
// Markdown: block pass

struct Block {
    kind: BlockKind,
    start: usize,
    end: usize,
}

/// The block being built: its content runs from `start` to the end of its last line.
struct Open {
    kind: BlockKind,
    start: usize,
    end: usize,
    /// Whether the next text line continues it (paragraphs) or starts a new block (headings).
    continuable: bool,
}

#[derive(Clone, Copy)]
enum State {
    Normal,
    Fence {
        ch: u8,
        len: usize,
        indent: usize,
        quoted: bool,
    },
    /// Inside an HTML comment opened on an earlier line of the open block.
    Comment,
}

fn markdown(source: &str, start: usize, out: &mut [u8], comments: &mut Vec<Comment>) -> Vec<Block> {
    let src = source.as_bytes();
    let mut blocks = BlockPass {
        src,
        out: &mut *out,
        blocks: Vec::new(),
        labels: HashSet::new(),
        cur: None,
        state: State::Normal,
        list_indent: None,
    };
    for (ls, ce) in lines(src, start) {
        blocks.line(ls, ce);
    }
    blocks.close();
    let BlockPass { blocks, labels, .. } = blocks;
    let mut inline = InlinePass {
        source,
        out,
        labels: &labels,
        comments,
    };
    for b in &blocks {
        inline.run(b.start, b.end);
    }
    blocks
}

struct BlockPass<'a> {
    src: &'a [u8],
    out: &'a mut [u8],
    blocks: Vec<Block>,
    /// Normalized labels of reference definitions, for shortcut links `[label]`.
    labels: HashSet<String>,
    cur: Option<Open>,
    state: State,
    /// Content column of the current list item, while lines may still belong to it.
    list_indent: Option<usize>,
}

impl BlockPass<'_> {
    fn close(&mut self) {
        if let Some(c) = self.cur.take() {
            self.blocks.push(Block {
                kind: c.kind,
                start: c.start,
                end: c.end,
            });
        }
    }

    fn open(&mut self, kind: BlockKind, start: usize, end: usize, continuable: bool) {
        self.close();
        self.cur = Some(Open {
            kind,
            start,
            end,
            continuable,
        });
    }

    /// Notes whether the part of a line that belongs to a block leaves a comment open.
    fn scan_comment(&mut self, from: usize, to: usize) {
        if comment_open_after(self.src, from, to, false) {
            self.state = State::Comment;
        }
    }

    fn line(&mut self, ls: usize, ce: usize) {
        let src = self.src;
        match self.state {
            State::Comment => {
                match &mut self.cur {
                    Some(c) => c.end = ce,
                    None => self.open(BlockKind::Plain, ls, ce, true),
                }
                if !comment_open_after(src, ls, ce, true) {
                    self.state = State::Normal;
                }
                return;
            }
            State::Fence {
                ch,
                len,
                indent,
                quoted,
            } => {
                mask(self.out, ls, ce);
                let from = if quoted {
                    skip_quote_markers(src, ls, ce)
                } else {
                    ls
                };
                let (cols, q) = indentation(src, from, ce);
                if cols < indent + 4 && is_closing_fence(&src[q..ce], ch, len) {
                    self.state = State::Normal;
                }
                return;
            }
            State::Normal => {}
        }

        // Block quote markers: `>` and one space after it, possibly nested.
        let mut p = ls;
        let mut quoted = false;
        loop {
            let (cols, q) = indentation(src, p, ce);
            if cols >= 4 || q >= ce || src[q] != b'>' {
                break;
            }
            let mut r = q + 1;
            if r < ce && is_space_or_tab(src[r]) {
                r += 1;
            }
            mask(self.out, q, r);
            p = r;
            quoted = true;
        }

        let (cols, q) = indentation(src, p, ce);
        if q == ce {
            // A blank line, or a bare `>` inside a quote: either ends the paragraph.
            self.close();
            return;
        }
        let para_open = self.cur.as_ref().is_some_and(|c| c.continuable);
        if !para_open && self.list_indent.is_some_and(|w| cols < w) {
            self.list_indent = None;
        }
        let list_cols = match self.list_indent {
            Some(w) if !quoted => w,
            _ => 0,
        };
        let rel = cols.saturating_sub(list_cols);
        if rel >= 4 {
            if !para_open {
                // Indented code block.
                mask(self.out, p, ce);
                self.close();
                return;
            }
        } else if self.block_start(p, q, ce, cols, quoted, para_open) {
            return;
        }

        // A line of paragraph text.
        match &mut self.cur {
            Some(c) if c.continuable && (!quoted || c.kind == BlockKind::BlockQuote) => {
                c.end = ce;
            }
            _ => {
                let kind = if quoted {
                    BlockKind::BlockQuote
                } else if self.list_indent.is_some_and(|w| cols >= w) {
                    BlockKind::ListItem
                } else {
                    BlockKind::Plain
                };
                self.open(kind, q, ce, true);
            }
        }
        self.scan_comment(q, ce);
    }

    /// Handles a line that starts a block other than paragraph text; false if it doesn't.
    /// `p` is where the line starts after quote markers, `q` its first non-blank byte.
    fn block_start(
        &mut self,
        p: usize,
        q: usize,
        ce: usize,
        cols: usize,
        quoted: bool,
        para_open: bool,
    ) -> bool {
        let src = self.src;
        let line = &src[q..ce];

        if let Some((ch, len)) = opening_fence(line) {
            self.close();
            mask(self.out, p, ce);
            self.state = State::Fence {
                ch,
                len,
                indent: cols,
                quoted,
            };
            return true;
        }

        if let Some((level, s, e)) = atx_heading(line) {
            mask(self.out, q, q + s);
            mask(self.out, q + e, ce);
            self.open(BlockKind::Heading(level), q + s, q + e, false);
            self.scan_comment(q + s, ce);
            return true;
        }

        if let Some(level) = setext_underline(line)
            && let Some(c) = self.cur.as_mut().filter(|c| {
                c.continuable
                    && match c.kind {
                        BlockKind::Plain => !quoted,
                        BlockKind::BlockQuote => quoted,
                        _ => false,
                    }
            })
        {
            c.kind = BlockKind::Heading(level);
            mask(self.out, q, ce);
            self.close();
            return true;
        }

        if is_thematic_break(line) {
            mask(self.out, q, ce);
            self.close();
            return true;
        }

        if let Some((marker, ordered_one)) = list_marker(line) {
            let after = q + marker;
            let (gap, cs) = indentation(src, after, ce);
            let empty = cs == ce;
            let in_list = self
                .cur
                .as_ref()
                .is_some_and(|c| c.kind == BlockKind::ListItem);
            // Like CommonMark, only a non-empty bullet or `1.` item may interrupt a paragraph.
            if !para_open || in_list || (!empty && ordered_one) {
                self.close();
                mask(self.out, q, after);
                if !quoted {
                    let gap = if (1..=4).contains(&gap) { gap } else { 1 };
                    self.list_indent = Some(cols + marker + gap);
                }
                if !empty {
                    let kind = if quoted {
                        BlockKind::BlockQuote
                    } else {
                        BlockKind::ListItem
                    };
                    self.open(kind, cs, ce, true);
                    self.scan_comment(cs, ce);
                }
                return true;
            }
        }

        // A reference definition cannot interrupt a paragraph.
        if !para_open && let Some(label) = reference_definition(line) {
            if let Ok(label) = std::str::from_utf8(label) {
                self.labels.insert(normalize_label(label));
            }
            mask(self.out, q, ce);
            self.close();
            return true;
        }
        false
    }
}

/// Skips `>` markers (and the blank after each) without masking them.
fn skip_quote_markers(src: &[u8], mut p: usize, ce: usize) -> usize {
    loop {
        let (cols, q) = indentation(src, p, ce);
        if cols >= 4 || q >= ce || src[q] != b'>' {
            return p;
        }
        p = q + 1;
        if p < ce && is_space_or_tab(src[p]) {
            p += 1;
        }
    }
}

/// ```` ``` ```` or `~~~` (3 or more) opening a fenced code block: its char and length.
fn opening_fence(line: &[u8]) -> Option<(u8, usize)> {
    let ch = *line.first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let n = run_len(line, 0, line.len(), ch);
    if n < 3 || (ch == b'`' && memchr(b'`', &line[n..]).is_some()) {
        return None;
    }
    Some((ch, n))
}

fn is_closing_fence(line: &[u8], ch: u8, len: usize) -> bool {
    let n = run_len(line, 0, line.len(), ch);
    n >= len && is_blank(&line[n..])
}

/// An ATX heading line: its level and the offsets of its text (without the
/// opening and closing `#` sequences) within the line.
fn atx_heading(line: &[u8]) -> Option<(u8, usize, usize)> {
    let n = run_len(line, 0, line.len(), b'#');
    if !(1..=6).contains(&n) || (n < line.len() && !is_space_or_tab(line[n])) {
        return None;
    }
    let mut e = trim_end_blanks(line).len().max(n);
    let closing = line[n..e].iter().rev().take_while(|&&b| b == b'#').count();
    let k = e - closing;
    if closing > 0 && (k == n || is_space_or_tab(line[k - 1])) {
        e = n + trim_end_blanks(&line[n..k]).len();
    }
    let s = (n + line[n..e]
        .iter()
        .take_while(|&&b| is_space_or_tab(b))
        .count())
    .min(e);
    Some((n as u8, s, e))
}

fn setext_underline(line: &[u8]) -> Option<u8> {
    let ch = *line.first()?;
    if ch != b'=' && ch != b'-' {
        return None;
    }
    let n = run_len(line, 0, line.len(), ch);
    is_blank(&line[n..]).then_some(if ch == b'=' { 1 } else { 2 })
}

fn is_thematic_break(line: &[u8]) -> bool {
    let Some(&ch) = line.first() else {
        return false;
    };
    matches!(ch, b'*' | b'-' | b'_')
        && line.iter().all(|&b| b == ch || is_space_or_tab(b))
        && line.iter().filter(|&&b| b == ch).count() >= 3
}

/// A list marker (`-`, `*`, `+`, `1.`, `1)`) at the start of the line: its length,
/// and whether it may interrupt a paragraph (bullets and ordered lists starting at 1).
fn list_marker(line: &[u8]) -> Option<(usize, bool)> {
    let ends_marker = |k: usize| k == line.len() || is_space_or_tab(line[k]);
    match line.first()? {
        b'-' | b'*' | b'+' => ends_marker(1).then_some((1, true)),
        b'0'..=b'9' => {
            let digits = line.iter().take_while(|b| b.is_ascii_digit()).count();
            let ok = digits <= 9
                && matches!(line.get(digits), Some(b'.' | b')'))
                && ends_marker(digits + 1);
            ok.then(|| (digits + 1, &line[..digits] == b"1"))
        }
        _ => None,
    }
}

/// `[label]: destination ...`: the label. Footnotes (`[^1]: ...`) are prose, not definitions.
fn reference_definition(line: &[u8]) -> Option<&[u8]> {
    if line.first() != Some(&b'[') || line.get(1) == Some(&b'^') {
        return None;
    }
    let mut k = 1;
    while k < line.len() && k <= 1000 {
        match line[k] {
            b'\\' => k += 2,
            b'[' => return None,
            b']' => break,
            _ => k += 1,
        }
    }
    let label = line.get(1..k)?;
    let ok = line.get(k) == Some(&b']')
        && line.get(k + 1) == Some(&b':')
        && !is_blank(label)
        && !is_blank(&line[k + 2..]);
    ok.then_some(label)
}

fn normalize_label(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether `from..to` leaves an HTML comment open at its end (it starts inside
/// one if `in_comment`). Code spans on the line hide `<!--`.
fn comment_open_after(b: &[u8], from: usize, to: usize, mut in_comment: bool) -> bool {
    let mut ticks = Backticks::default();
    let mut i = from;
    while i < to {
        if in_comment {
            match memmem::find(&b[i..to], b"-->") {
                Some(k) => {
                    i += k + 3;
                    in_comment = false;
                    continue;
                }
                None => return true,
            }
        }
        match b[i] {
            b'\\' => i += 2,
            b'`' => {
                let n = run_len(b, i, to, b'`');
                i = ticks.closer(b, i + n, to, n).unwrap_or(i + n);
            }
            // `+ 2` so that `<!-->` and `<!--->` close at once, as in CommonMark.
            b'<' if b[i..to].starts_with(b"<!--") => {
                in_comment = true;
                i += 2;
            }
            _ => i += 1,
        }
    }
    in_comment
}

/// Finds closing backtick runs in linear total time: once a search has run to the
/// end, the last position of each run length seen answers every later search.
#[derive(Default)]
struct Backticks {
    scanned_to_end: bool,
    last: HashMap<usize, usize>,
}

impl Backticks {
    /// The end of the first run of exactly `n` backticks in `from..end`.
    fn closer(&mut self, b: &[u8], from: usize, end: usize, n: usize) -> Option<usize> {
        if self.scanned_to_end && self.last.get(&n).is_none_or(|&p| p < from) {
            return None;
        }
        let mut i = from;
        while let Some(k) = memchr(b'`', &b[i..end]) {
            let s = i + k;
            let len = run_len(b, s, end, b'`');
            if len == n {
                return Some(s + len);
            }
            self.last.insert(len, s);
            i = s + len;
        }
        self.scanned_to_end = true;
        None
    }
}

// ---------------------------------------------------------------------------
// Markdown: inline pass

struct InlinePass<'a> {
    source: &'a str,
    /// The view being built: block markup is already masked, so quote markers
    /// inside a block read as spaces.
    out: &'a mut [u8],
    labels: &'a HashSet<String>,
    comments: &'a mut Vec<Comment>,
}

/// A `[` or `![` waiting for its `]`.
struct Bracket {
    /// Offset of the `[`.
    pos: usize,
    image: bool,
    /// Whether a `[` was opened after it (then its text can't be a link label).
    nested: bool,
}

/// Deeper nesting than this drops the oldest brackets: real links never nest so,
/// and it bounds memory on pathological input.
const MAX_BRACKETS: usize = 1 << 12;

/// A run of `*`, `_` or `~~` that may open or close emphasis.
struct Delim {
    pos: usize,
    len: usize,
    /// Delimiters of the run not yet used; used ones are taken from the inner side.
    count: usize,
    ch: u8,
    open: bool,
    close: bool,
    prev: usize,
    next: usize,
    live: bool,
}

const NONE: usize = usize::MAX;

impl InlinePass<'_> {
    fn run(&mut self, start: usize, end: usize) {
        let mut ticks = Backticks::default();
        let mut brackets: VecDeque<Bracket> = VecDeque::new();
        // Brackets below this index may not form links (no links inside links).
        let mut floor = 0;
        let mut delims = Vec::new();
        // Inline link tails are parsed from every `](`; their total scanning is capped
        // so that adversarial input stays linear.
        let mut budget = 8 * (end - start) + 4096;
        let mut i = start;
        while i < end {
            match self.out[i] {
                b'\\' => {
                    let next = self.out.get(i + 1).copied().filter(|_| i + 1 < end);
                    match next {
                        Some(c) if c.is_ascii_punctuation() => {
                            mask(self.out, i, i + 1);
                            i += 2;
                        }
                        Some(b'\n' | b'\r') => {
                            mask(self.out, i, i + 1);
                            i += 1;
                        }
                        _ => i += 1,
                    }
                }
                b'`' => {
                    let n = run_len(self.out, i, end, b'`');
                    match ticks.closer(self.out, i + n, end, n) {
                        Some(e) => {
                            mask(self.out, i, e);
                            i = e;
                        }
                        None => i += n,
                    }
                }
                b'<' => i = self.angle(i, end),
                b'!' if i + 1 < end && self.out[i + 1] == b'[' => {
                    push_bracket(&mut brackets, &mut floor, i + 1, true);
                    i += 2;
                }
                b'[' => {
                    push_bracket(&mut brackets, &mut floor, i, false);
                    i += 1;
                }
                b']' => {
                    i = self.close_bracket(i, end, &mut brackets, &mut floor, &mut budget);
                }
                c @ (b'*' | b'_' | b'~') => {
                    let n = run_len(self.out, i, end, c);
                    if c != b'~' || n == 2 {
                        // Flanking is decided on the source: a link or code span masked just
                        // before a closing run must not read as whitespace.
                        let src = self.source.as_bytes();
                        let (left, right) = flanking(src, start, end, i, i + n);
                        let before_punct = i > start && is_punct(char_before(src, i));
                        let after_punct = i + n < end && is_punct(char_at(src, i + n));
                        let (open, close) = if c == b'_' {
                            (
                                left && (!right || before_punct),
                                right && (!left || after_punct),
                            )
                        } else {
                            (left, right)
                        };
                        if open || close {
                            delims.push(Delim {
                                pos: i,
                                len: n,
                                count: n,
                                ch: c,
                                open,
                                close,
                                prev: NONE,
                                next: NONE,
                                live: true,
                            });
                        }
                    }
                    i += n;
                }
                _ => i += 1,
            }
        }
        process_emphasis(&mut delims, self.out);
    }

    /// Handles a `<`: comment, autolink or HTML tag. Returns where to go on.
    fn angle(&mut self, i: usize, end: usize) -> usize {
        let src = self.source.as_bytes();
        if src[i..end].starts_with(b"<!--") {
            let close = memmem::find(&src[i + 2..end], b"-->").map(|k| i + 2 + k);
            let (e, inner_end) = close.map_or((end, end), |c| (c + 3, c));
            let inner_start = (i + 4).min(inner_end);
            let inner = trim(self.source, inner_start, inner_end);
            mask(self.out, i, e);
            self.comments.push(Comment {
                span: Span::new(i, e),
                inner,
            });
            return e;
        }
        match autolink(self.out, i, end).or_else(|| html_tag(self.out, i, end)) {
            Some(e) => {
                mask(self.out, i, e);
                e
            }
            None => i + 1,
        }
    }

    /// Handles a `]`: masks the link syntax if it closes a link. Returns where to go on.
    fn close_bracket(
        &mut self,
        i: usize,
        end: usize,
        brackets: &mut VecDeque<Bracket>,
        floor: &mut usize,
        budget: &mut usize,
    ) -> usize {
        let Some(op) = brackets.pop_back() else {
            return i + 1;
        };
        let active = brackets.len() >= *floor;
        *floor = (*floor).min(brackets.len());
        if !active {
            return i + 1;
        }
        let b = &*self.out;
        let tail_end = match b.get(i + 1).filter(|_| i + 1 < end) {
            Some(b'(') => link_tail(b, i + 1, end, budget),
            Some(b'[') => reference_label_end(b, i + 1, end),
            _ => None,
        };
        let link_end = tail_end.or_else(|| {
            let shortcut = !op.nested
                && !self.labels.is_empty()
                && i - op.pos <= 1000
                && std::str::from_utf8(&b[op.pos + 1..i])
                    .is_ok_and(|l| self.labels.contains(&normalize_label(l)));
            shortcut.then_some(i + 1)
        });
        let Some(e) = link_end else {
            return i + 1;
        };
        mask(self.out, op.pos - usize::from(op.image), op.pos + 1);
        mask(self.out, i, e);
        if !op.image {
            *floor = brackets.len();
        }
        e
    }
}

fn push_bracket(brackets: &mut VecDeque<Bracket>, floor: &mut usize, pos: usize, image: bool) {
    if let Some(top) = brackets.back_mut() {
        top.nested = true;
    }
    if brackets.len() == MAX_BRACKETS {
        brackets.pop_front();
        *floor = floor.saturating_sub(1);
    }
    brackets.push_back(Bracket {
        pos,
        image,
        nested: false,
    });
}

fn skip_whitespace(b: &[u8], mut i: usize, end: usize) -> usize {
    while i < end && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// `(destination "title")` after a `]`, starting at the `(`: the offset after its `)`.
fn link_tail(b: &[u8], open: usize, end: usize, budget: &mut usize) -> Option<usize> {
    // Every scan below stops at `end`; the budget also stops it after `budget` bytes.
    let end = end.min(open.saturating_add(*budget));
    let (tail_end, reached) = link_tail_within(b, open, end);
    *budget = budget.saturating_sub(reached - open);
    tail_end
}

/// The link tail at `open` if it ends before `end`, and how far the scan went.
fn link_tail_within(b: &[u8], open: usize, end: usize) -> (Option<usize>, usize) {
    let fail = |i: usize| (None, i.min(end));
    let mut i = skip_whitespace(b, open + 1, end);
    if i >= end {
        return fail(i);
    }
    if b[i] == b'<' {
        i += 1;
        loop {
            if i >= end {
                return fail(i);
            }
            match b[i] {
                b'>' => {
                    i += 1;
                    break;
                }
                b'\n' | b'\r' | b'<' => return fail(i),
                b'\\' => i += 2,
                _ => i += 1,
            }
        }
    } else {
        let mut depth = 0usize;
        while i < end {
            match b[i] {
                b'\\' if i + 1 < end && b[i + 1].is_ascii_punctuation() => i += 2,
                c if c <= b' ' || c == 0x7f => break,
                b'(' => {
                    depth += 1;
                    if depth > 32 {
                        return fail(i);
                    }
                    i += 1;
                }
                b')' => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                    i += 1;
                }
                _ => i += 1,
            }
        }
        if depth != 0 {
            return fail(i);
        }
    }
    let before_title = i;
    i = skip_whitespace(b, i, end);
    if i < end && i > before_title && matches!(b[i], b'"' | b'\'' | b'(') {
        let opener = b[i];
        let closer = if opener == b'(' { b')' } else { opener };
        i += 1;
        loop {
            if i >= end {
                return fail(i);
            }
            let c = b[i];
            if c == b'\\' {
                i += 2;
            } else if c == closer {
                i += 1;
                break;
            } else if opener == b'(' && c == b'(' {
                return fail(i);
            } else {
                i += 1;
            }
        }
        i = skip_whitespace(b, i, end);
    }
    if i < end && b[i] == b')' {
        (Some(i + 1), i + 1)
    } else {
        fail(i)
    }
}

/// `[label]` (or `[]`) after a `]`, starting at its `[`: the offset after its `]`.
fn reference_label_end(b: &[u8], open: usize, end: usize) -> Option<usize> {
    let mut k = open + 1;
    while k < end && k - open <= 1000 {
        match b[k] {
            b']' => return Some(k + 1),
            b'[' => return None,
            b'\\' => k += 2,
            _ => k += 1,
        }
    }
    None
}

/// `<scheme:...>` or `<user@host>` at `i`: the offset after the `>`.
fn autolink(b: &[u8], i: usize, end: usize) -> Option<usize> {
    let mut k = i + 1;
    if k < end && b[k].is_ascii_alphabetic() {
        while k < end && (b[k].is_ascii_alphanumeric() || matches!(b[k], b'+' | b'.' | b'-')) {
            k += 1;
        }
        if (2..=32).contains(&(k - i - 1)) && k < end && b[k] == b':' {
            while k < end && b[k] > b' ' && !matches!(b[k], b'<' | b'>' | 0x7f) {
                k += 1;
            }
            return (k < end && b[k] == b'>').then_some(k + 1);
        }
    }
    let is_local = |c: u8| c.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&c);
    k = i + 1;
    while k < end && is_local(b[k]) {
        k += 1;
    }
    if k == i + 1 || k >= end || b[k] != b'@' {
        return None;
    }
    k += 1;
    let host = k;
    while k < end && (b[k].is_ascii_alphanumeric() || matches!(b[k], b'-' | b'.')) {
        k += 1;
    }
    (k > host && k < end && b[k] == b'>').then_some(k + 1)
}

/// An HTML tag, declaration or processing instruction at `i`: the offset after its `>`.
/// A `<` inside ends the attempt, which keeps scanning linear.
fn html_tag(b: &[u8], i: usize, end: usize) -> Option<usize> {
    let mut k = i + 1;
    let first = *b.get(k).filter(|_| k < end)?;
    let closing = first == b'/';
    let tagged = match first {
        b'!' => b.get(k + 1).is_some_and(|c| c.is_ascii_alphabetic()),
        b'?' => true,
        b'/' => b.get(k + 1).is_some_and(|c| c.is_ascii_alphabetic()),
        c => c.is_ascii_alphabetic(),
    };
    if !tagged {
        return None;
    }
    if matches!(first, b'!' | b'?' | b'/') {
        k += 1;
    }
    if first != b'?' {
        while k < end && (b[k].is_ascii_alphanumeric() || b[k] == b'-') {
            k += 1;
        }
        if k >= end || !matches!(b[k], b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/') {
            return None;
        }
        if closing {
            k = skip_whitespace(b, k, end);
            return (k < end && b[k] == b'>').then_some(k + 1);
        }
    }
    let mut quote = None;
    while k < end {
        let c = b[k];
        match quote {
            _ if c == b'<' => return None,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'>' => return Some(k + 1),
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None => {}
        }
        k += 1;
    }
    None
}

// ---------------------------------------------------------------------------
// Emphasis

/// The char ending just before `i`; undecodable bytes read as a letter.
fn char_before(b: &[u8], i: usize) -> char {
    let lo = i.saturating_sub(4);
    let Some(s) = (lo..i).rev().find(|&k| b[k] & 0xC0 != 0x80) else {
        return 'a';
    };
    std::str::from_utf8(&b[s..i])
        .ok()
        .and_then(|s| s.chars().next())
        .unwrap_or('a')
}

/// The char starting at `i`; undecodable bytes read as a letter.
fn char_at(b: &[u8], i: usize) -> char {
    let width = match b[i] {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    };
    b.get(i..i + width)
        .and_then(|s| std::str::from_utf8(s).ok())
        .and_then(|s| s.chars().next())
        .unwrap_or('a')
}

/// ASCII punctuation and the common Unicode punctuation (quotes, dashes, CJK marks).
fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c,
            '\u{A1}' | '\u{A7}' | '\u{AB}' | '\u{B6}' | '\u{B7}' | '\u{BB}' | '\u{BF}'
            | '\u{2010}'..='\u{2027}'
            | '\u{2030}'..='\u{205E}'
            | '\u{3001}'..='\u{3003}'
            | '\u{3008}'..='\u{3011}'
            | '\u{3014}'..='\u{301F}'
            | '\u{FE10}'..='\u{FE19}'
            | '\u{FE30}'..='\u{FE4F}'
            | '\u{FF01}'..='\u{FF0F}'
            | '\u{FF1A}'..='\u{FF20}')
}

/// Whether the delimiter run `s..e` is left- and right-flanking (CommonMark).
fn flanking(b: &[u8], start: usize, end: usize, s: usize, e: usize) -> (bool, bool) {
    let before = if s > start { char_before(b, s) } else { ' ' };
    let after = if e < end { char_at(b, e) } else { ' ' };
    let (ws_before, ws_after) = (before.is_whitespace(), after.is_whitespace());
    let (p_before, p_after) = (is_punct(before), is_punct(after));
    let left = !ws_after && (!p_after || ws_before || p_before);
    let right = !ws_before && (!p_before || ws_after || p_after);
    (left, right)
}

/// CommonMark's "process emphasis" over a doubly linked list of delimiter runs, with
/// the openers-bottom bound per kind of closer so that failed searches never repeat.
fn process_emphasis(d: &mut [Delim], out: &mut [u8]) {
    let n = d.len();
    for (k, x) in d.iter_mut().enumerate() {
        x.prev = if k == 0 { NONE } else { k - 1 };
        x.next = if k + 1 == n { NONE } else { k + 1 };
    }
    let mut bottom: [Option<usize>; 18] = [None; 18];
    for c in 0..n {
        if !d[c].live || !d[c].close {
            continue;
        }
        while d[c].count > 0 {
            let ch_index = match d[c].ch {
                b'*' => 0,
                b'_' => 1,
                _ => 2,
            };
            let key = ch_index * 6 + (d[c].len % 3) * 2 + usize::from(d[c].open);
            let mut o = d[c].prev;
            let mut found = None;
            while o != NONE && bottom[key].is_none_or(|f| o > f) {
                let x = &d[o];
                // The "rule of 3": a run that can both open and close doesn't pair
                // with one whose length would make the sum a multiple of 3.
                let odd_match = (x.open && x.close || d[c].open)
                    && (x.len + d[c].len).is_multiple_of(3)
                    && !(x.len.is_multiple_of(3) && d[c].len.is_multiple_of(3));
                if x.ch == d[c].ch && x.open && x.count > 0 && !odd_match {
                    found = Some(o);
                    break;
                }
                o = x.prev;
            }
            let Some(o) = found else {
                bottom[key] = c.checked_sub(1);
                if !d[c].open {
                    unlink(d, c);
                }
                break;
            };
            let used = if d[c].ch == b'~' || (d[o].count >= 2 && d[c].count >= 2) {
                2
            } else {
                1
            };
            let os = d[o].pos + d[o].count - used;
            mask(out, os, os + used);
            let cs = d[c].pos + d[c].len - d[c].count;
            mask(out, cs, cs + used);
            d[o].count -= used;
            d[c].count -= used;
            // Delimiters between a matched pair can no longer match anything.
            let mut x = d[o].next;
            while x != c && x != NONE {
                d[x].live = false;
                x = d[x].next;
            }
            d[o].next = c;
            d[c].prev = o;
            if d[o].count == 0 {
                unlink(d, o);
            }
            if d[c].count == 0 {
                unlink(d, c);
            }
        }
    }
}

fn unlink(d: &mut [Delim], x: usize) {
    d[x].live = false;
    let (p, n) = (d[x].prev, d[x].next);
    if p != NONE {
        d[p].next = n;
    }
    if n != NONE {
        d[n].prev = p;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `prose` and asserts the invariants every result must keep.
    fn check(src: &str, format: Format) -> Prose<'_> {
        let p = prose(src, format);
        assert_eq!(p.text.len(), src.len(), "length changed for {src:?}");
        for (i, (&a, &b)) in src.as_bytes().iter().zip(p.text.as_bytes()).enumerate() {
            if a == b'\n' || a == b'\r' {
                assert_eq!(a, b, "line break at {i} changed in {src:?}");
            } else {
                assert!(
                    a == b || b == b' ',
                    "byte {i} changed but not masked in {src:?}"
                );
            }
        }
        let mut last_end = 0;
        for para in &p.paragraphs {
            let Span { start, end } = para.span;
            assert!(
                start < end && end <= src.len(),
                "bad span {start}..{end} in {src:?}"
            );
            assert!(
                start >= last_end,
                "paragraphs overlap or are out of order in {src:?}"
            );
            assert!(src.is_char_boundary(start) && src.is_char_boundary(end));
            let view = &p.text[start..end];
            assert_eq!(view.trim(), view, "untrimmed paragraph in {src:?}");
            last_end = end;
        }
        for c in &p.comments {
            for s in [c.span, c.inner] {
                assert!(s.start <= s.end && s.end <= src.len());
                assert!(src.is_char_boundary(s.start) && src.is_char_boundary(s.end));
            }
            assert!(c.span.start <= c.inner.start && c.inner.end <= c.span.end);
            assert!(src[c.span.start..].starts_with("<!--"));
        }
        if let Some(fm) = &p.front_matter {
            assert!(src.is_char_boundary(fm.span.start) && src.is_char_boundary(fm.span.end));
        }
        p
    }

    /// The paragraphs as `(kind, source text)`.
    fn paras(src: &str, format: Format) -> Vec<(BlockKind, &str)> {
        check(src, format)
            .paragraphs
            .iter()
            .map(|p| (p.kind, &src[p.span.start..p.span.end]))
            .collect()
    }

    /// As many spaces as `s` has bytes: what masking makes of it.
    fn blank(s: &str) -> String {
        " ".repeat(s.len())
    }

    fn md(src: &str) -> String {
        check(src, Format::Markdown).text.into_owned()
    }

    /// The prose view with masked runs collapsed to single spaces, for readable asserts.
    fn words(src: &str) -> String {
        md(src).split_whitespace().collect::<Vec<_>>().join(" ")
    }

    use BlockKind::{BlockQuote, Heading, ListItem, Plain};

    #[test]
    fn format_for_path() {
        for (path, format) in [
            ("a.md", Format::Markdown),
            ("dir/a.MD", Format::Markdown),
            ("a.Markdown", Format::Markdown),
            ("a.txt", Format::Text),
            ("a", Format::Text),
            ("-", Format::Text),
            ("a.md.txt", Format::Text),
            ("md", Format::Text),
        ] {
            assert_eq!(Format::for_path(Path::new(path)), format, "{path}");
        }
    }

    #[test]
    fn empty_and_blank_inputs() {
        for src in ["", "\n", "\r\n", "   \n\t\n", "\u{feff}"] {
            for format in [Format::Text, Format::Markdown] {
                let p = check(src, format);
                assert!(p.paragraphs.is_empty() && p.comments.is_empty());
                assert!(p.front_matter.is_none());
            }
        }
    }

    #[test]
    fn text_format_masks_nothing_but_bom_and_front_matter() {
        let src = "# Not a *heading* [x](y)\n<!-- kept -->\n\n  “Quote,” he said.  \nlast";
        let p = check(src, Format::Text);
        assert_eq!(p.text, src);
        assert!(p.comments.is_empty());
        assert_eq!(
            paras(src, Format::Text),
            vec![
                (Plain, "# Not a *heading* [x](y)"),
                (Plain, "<!-- kept -->"),
                (Plain, "“Quote,” he said."),
                (Plain, "last"),
            ]
        );
    }

    #[test]
    fn text_format_crlf_and_bom() {
        let src = "\u{feff}First line.\r\nSecond line.\r\n\r\n";
        let p = check(src, Format::Text);
        assert_eq!(p.text, "   First line.\r\nSecond line.\r\n\r\n");
        assert_eq!(
            paras(src, Format::Text),
            vec![(Plain, "First line."), (Plain, "Second line.")]
        );
    }

    #[test]
    fn bom_is_masked_in_markdown() {
        let src = "\u{feff}# Title\nText.";
        assert_eq!(md(src), "     Title\nText.");
        assert_eq!(
            paras(src, Format::Markdown),
            vec![(Heading(1), "Title"), (Plain, "Text.")]
        );
    }

    #[test]
    fn yaml_front_matter() {
        let src = "---\ntitle: \"A “big” day\"\ndate: 2024-05-01 # local\nnested:\n  title: no\n---\nBody.\n";
        for format in [Format::Text, Format::Markdown] {
            let p = check(src, format);
            let fm = p.front_matter.clone().expect("front matter");
            assert_eq!(
                &src[fm.span.start..fm.span.end],
                &src[..src.find("\nBody").unwrap()]
            );
            assert_eq!(fm.title.as_deref(), Some("A “big” day"));
            assert_eq!(fm.date.as_deref(), Some("2024-05-01"));
            assert_eq!(p.text.trim(), "Body.");
            assert_eq!(paras(src, format), vec![(Plain, "Body.")]);
        }
    }

    #[test]
    fn yaml_single_quotes_and_missing_keys() {
        let p = check("---\ntitle: 'It''s here'\n---\n", Format::Markdown);
        let fm = p.front_matter.unwrap();
        assert_eq!(fm.title.as_deref(), Some("It's here"));
        assert_eq!(fm.date, None);
        let p = check("---   \nauthor: x\ntitle:\n---  \nx", Format::Markdown);
        let fm = p.front_matter.unwrap();
        assert_eq!((fm.title, fm.date), (None, None));
    }

    #[test]
    fn toml_front_matter_with_bom_and_crlf() {
        let src = "\u{feff}+++\r\ntitle = \"Storm\"\r\ndate = 2024-01-02\r\n[extra]\r\ntitle = \"no\"\r\n+++\r\nBody\r\n";
        let p = check(src, Format::Markdown);
        let fm = p.front_matter.clone().unwrap();
        assert_eq!(fm.span.start, 3);
        assert_eq!(&src[fm.span.end..], "\r\nBody\r\n");
        assert_eq!(fm.title.as_deref(), Some("Storm"));
        assert_eq!(fm.date.as_deref(), Some("2024-01-02"));
        assert_eq!(p.paragraphs.len(), 1);
        assert!(p.text.trim_start().starts_with("Body"));
    }

    #[test]
    fn unclosed_front_matter_is_prose() {
        let src = "---\ntitle: x\nBody text.";
        let p = check(src, Format::Text);
        assert!(p.front_matter.is_none());
        assert_eq!(p.text, src);
        assert_eq!(
            paras(src, Format::Text),
            vec![(Plain, "---"), (Plain, "title: x"), (Plain, "Body text.")]
        );
        // In Markdown the lone `---` is a thematic break; the rest stays prose.
        let p = check(src, Format::Markdown);
        assert!(p.front_matter.is_none());
        assert_eq!(
            paras(src, Format::Markdown),
            vec![(Plain, "title: x\nBody text.")]
        );
        // A mismatched fence doesn't close it either, nor does a fence not at the start.
        assert!(check("---\na\n+++\n", Format::Text).front_matter.is_none());
        assert!(
            check("\n---\na\n---\n", Format::Text)
                .front_matter
                .is_none()
        );
        assert!(
            check("--- x\na\n---\n", Format::Text)
                .front_matter
                .is_none()
        );
    }

    #[test]
    fn atx_headings() {
        let src = "# One\n## Two ##\n###### Six\n####### Seven\n#hashtag\n#\n# Closing#not";
        assert_eq!(
            paras(src, Format::Markdown),
            vec![
                (Heading(1), "One"),
                (Heading(2), "Two"),
                (Heading(6), "Six"),
                (Plain, "####### Seven\n#hashtag"),
                (Heading(1), "Closing#not"),
            ]
        );
        assert_eq!(md("## Two ##"), "   Two   ");
    }

    #[test]
    fn heading_interrupts_paragraph() {
        assert_eq!(
            paras("Text\n# Head\nMore", Format::Markdown),
            vec![(Plain, "Text"), (Heading(1), "Head"), (Plain, "More")]
        );
    }

    #[test]
    fn setext_headings() {
        let src = "Big news\nin two lines\n===\n\nSmaller\n---\n\n===\n";
        assert_eq!(
            paras(src, Format::Markdown),
            vec![
                (Heading(1), "Big news\nin two lines"),
                (Heading(2), "Smaller"),
                (Plain, "===")
            ]
        );
        assert_eq!(md("Small\n---"), "Small\n   ");
    }

    #[test]
    fn thematic_breaks() {
        let src = "One\n\n---\n\n* * *\nTwo\n___\n";
        assert_eq!(md(src), "One\n\n   \n\n     \nTwo\n   \n");
        assert_eq!(
            paras(src, Format::Markdown),
            vec![(Plain, "One"), (Plain, "Two")]
        );
    }

    #[test]
    fn block_quotes() {
        let src = "> “We did it,” she said.\n> It’s a _big_ day.\n>\n> Second para.\n\nAfter.";
        assert_eq!(
            paras(src, Format::Markdown),
            vec![
                (BlockQuote, "“We did it,” she said.\n> It’s a _big_ day."),
                (BlockQuote, "Second para."),
                (Plain, "After."),
            ]
        );
        assert!(md(src).starts_with("  “We did it,” she said.\n  It’s a  big  day.\n \n  Second"));
        // Nested markers and a quote that interrupts a paragraph.
        assert_eq!(md(">> deep"), "   deep");
        assert_eq!(
            paras("Intro:\n> quoted", Format::Markdown),
            vec![(Plain, "Intro:"), (BlockQuote, "quoted")]
        );
        // A `>` inside a line is prose.
        assert_eq!(md("a > b"), "a > b");
    }

    #[test]
    fn quoted_heading_and_list() {
        assert_eq!(
            paras("> # Head\n> - item\n> - two", Format::Markdown),
            vec![
                (Heading(1), "Head"),
                (BlockQuote, "item"),
                (BlockQuote, "two")
            ]
        );
    }

    #[test]
    fn list_items() {
        let src = "- one\n* two\n  wrapped\n+ three\n1. four\n2) five\n\nAfter the list.";
        assert_eq!(
            paras(src, Format::Markdown),
            vec![
                (ListItem, "one"),
                (ListItem, "two\n  wrapped"),
                (ListItem, "three"),
                (ListItem, "four"),
                (ListItem, "five"),
                (Plain, "After the list."),
            ]
        );
        assert!(md(src).starts_with("  one\n  two\n  wrapped\n  three\n   four\n   five"));
    }

    #[test]
    fn list_item_paragraphs_and_code() {
        let src = "- item\n\n  continued\n\n      code\n\nback";
        assert_eq!(
            paras(src, Format::Markdown),
            vec![(ListItem, "item"), (ListItem, "continued"), (Plain, "back")]
        );
    }

    #[test]
    fn list_marker_edge_cases() {
        // Only `1.` may start an ordered list inside a paragraph; a year is prose.
        assert_eq!(
            paras("It happened in\n2024. Then more.", Format::Markdown),
            vec![(Plain, "It happened in\n2024. Then more.")]
        );
        assert_eq!(
            paras("Steps:\n1. first", Format::Markdown),
            vec![(Plain, "Steps:"), (ListItem, "first")]
        );
        assert_eq!(
            paras("-not a list\n5-3 either", Format::Markdown),
            vec![(Plain, "-not a list\n5-3 either")]
        );
        assert!(paras("-\n", Format::Markdown).is_empty());
    }

    #[test]
    fn emphasis() {
        assert_eq!(md("*a* **b** _c_ __d__ ~~e~~"), " a    b    c    d     e  ");
        assert_eq!(md("***both***"), "   both   ");
        assert_eq!(md("*a **b** c*"), " a   b   c ");
        assert_eq!(md("**a*b*c**"), "  a b c  ");
        assert_eq!(md("un*frigging*believable"), "un frigging believable");
        assert_eq!(md("**unclosed"), "**unclosed");
        assert_eq!(md("*“Quoted,”* she said"), " “Quoted,”  she said");
        assert_eq!(md("“*Really*?”"), "“ Really ?”");
        // A lone tilde is prose, and so is a triple.
        assert_eq!(md("~5 km and ~~~x~~~"), "~5 km and ~~~x~~~");
    }

    #[test]
    fn snake_case_is_not_emphasis() {
        let src = "Use snake_case_names and __init__ or foo_bar_ here";
        assert_eq!(md("snake_case_names and_more"), "snake_case_names and_more");
        assert_eq!(words(src), "Use snake_case_names and init or foo_bar_ here");
    }

    #[test]
    fn star_as_multiplication_is_not_emphasis() {
        assert_eq!(md("2 * 3 * 4 = 24"), "2 * 3 * 4 = 24");
        assert_eq!(md("a * b and c * d"), "a * b and c * d");
        assert_eq!(md("5 * 3 and *x*"), "5 * 3 and  x ");
    }

    #[test]
    fn inline_code_is_masked_whole() {
        assert_eq!(
            md("See `code \"x\"` here"),
            format!("See {} here", blank("`code \"x\"`"))
        );
        assert_eq!(md("``a ` b`` c"), format!("{} c", blank("``a ` b``")));
        assert_eq!(md("`unclosed code"), "`unclosed code");
        assert_eq!(md("`multi\nline` end"), "      \n      end");
        // Emphasis and links inside code are not parsed.
        assert_eq!(md("`*a* [b](c)`"), "            ");
    }

    #[test]
    fn fenced_code_blocks() {
        let src = "Before.\n```rust\nlet x = \"no\";\n```\nAfter.\n~~~\ncode\n~~~~\nEnd.";
        assert_eq!(
            paras(src, Format::Markdown),
            vec![(Plain, "Before."), (Plain, "After."), (Plain, "End.")]
        );
        assert_eq!(
            md(src),
            "Before.\n       \n             \n   \nAfter.\n   \n    \n    \nEnd."
        );
        // An unclosed fence runs to the end; a shorter fence doesn't close it.
        assert!(paras("```\ncode\n``\nmore", Format::Markdown).is_empty());
        // Backticks in the info string make it inline code instead.
        assert_eq!(md("``` a ` b"), "``` a ` b");
    }

    #[test]
    fn fenced_code_in_quote() {
        let src = "> ```\n> code\n> ```\n> text";
        assert_eq!(paras(src, Format::Markdown), vec![(BlockQuote, "text")]);
    }

    #[test]
    fn indented_code_blocks() {
        let src = "Para\n    lazy continuation\n\n    code\n\n    more code\nText";
        assert_eq!(
            paras(src, Format::Markdown),
            vec![(Plain, "Para\n    lazy continuation"), (Plain, "Text")]
        );
        assert!(md(src).contains("\n        \n\n             \n"));
        assert!(paras("\tcode with tab", Format::Markdown).is_empty());
    }

    #[test]
    fn html_comments() {
        let src = "Text <!-- note --> more.\n\n<!-- quotecheck-disable-next-line rule-id: reason -->\n“Quote.”";
        let p = check(src, Format::Markdown);
        assert_eq!(p.comments.len(), 2);
        let c = &p.comments[1];
        assert_eq!(
            &src[c.span.start..c.span.end],
            "<!-- quotecheck-disable-next-line rule-id: reason -->"
        );
        assert_eq!(
            &src[c.inner.start..c.inner.end],
            "quotecheck-disable-next-line rule-id: reason"
        );
        assert_eq!(
            &src[p.comments[0].inner.start..p.comments[0].inner.end],
            "note"
        );
        assert_eq!(
            paras(src, Format::Markdown),
            vec![(Plain, "Text <!-- note --> more."), (Plain, "“Quote.”")]
        );
        assert_eq!(md("a<!-- x -->b"), "a          b");
    }

    #[test]
    fn multi_line_comment_spans_blank_lines() {
        let src = "Before\n\n<!--\nhidden\n\n# not a heading\n-->\nAfter";
        let p = check(src, Format::Markdown);
        assert_eq!(p.comments.len(), 1);
        assert_eq!(
            &src[p.comments[0].inner.start..p.comments[0].inner.end],
            "hidden\n\n# not a heading"
        );
        assert_eq!(
            paras(src, Format::Markdown),
            vec![(Plain, "Before"), (Plain, "After")]
        );
    }

    #[test]
    fn comment_only_paragraph_is_dropped() {
        let src = "<!-- one -->\n\n<!-- two --> <!-- three -->\n\nText";
        let p = check(src, Format::Markdown);
        assert_eq!(p.comments.len(), 3);
        assert_eq!(paras(src, Format::Markdown), vec![(Plain, "Text")]);
    }

    #[test]
    fn unclosed_comment_masks_to_end_of_file() {
        let src = "Text\n\n<!-- open\n\nstill hidden “quote”\n";
        let p = check(src, Format::Markdown);
        assert_eq!(p.text, "Text\n\n         \n\n                        \n");
        assert_eq!(p.comments.len(), 1);
        assert_eq!(
            &src[p.comments[0].inner.start..p.comments[0].inner.end],
            "open\n\nstill hidden “quote”"
        );
        assert_eq!(paras(src, Format::Markdown), vec![(Plain, "Text")]);
    }

    #[test]
    fn degenerate_comments() {
        let p = check("a <!--> b <!---> c", Format::Markdown);
        assert_eq!(p.text, "a       b        c");
        assert_eq!(p.comments.len(), 2);
        assert!(p.comments.iter().all(|c| c.inner.is_empty()));
    }

    #[test]
    fn comment_marker_in_code_span_is_not_a_comment() {
        let src = "Write `<!--` to open.\n\nNext paragraph.";
        let p = check(src, Format::Markdown);
        assert!(p.comments.is_empty());
        assert_eq!(
            paras(src, Format::Markdown),
            vec![(Plain, "Write `<!--` to open."), (Plain, "Next paragraph.")]
        );
    }

    #[test]
    fn html_tags() {
        assert_eq!(md("a<br>b <em>c</em> <br/>"), "a    b     c           ");
        assert_eq!(
            md("<a href=\"x>y\" title='t'>link</a>"),
            format!(
                "{}link{}",
                blank("<a href=\"x>y\" title='t'>"),
                blank("</a>")
            )
        );
        assert_eq!(md("3 < 5 and 5 > 3, x<y"), "3 < 5 and 5 > 3, x<y");
        assert_eq!(
            md("<div\nclass=\"x\">Text</div>"),
            "    \n          Text      "
        );
        assert!(paras("<div>\n</div>", Format::Markdown).is_empty());
    }

    #[test]
    fn autolinks() {
        assert_eq!(
            md("See <https://example.com/a_b*c*> now"),
            format!("See {} now", blank("<https://example.com/a_b*c*>"))
        );
        assert_eq!(md("Mail <news@example.com>."), "Mail                   .");
        assert_eq!(md("I <3 it, a <- b, <<x"), "I <3 it, a <- b, <<x");
        // Like CommonMark, anything shaped like a tag is one.
        assert_eq!(md("<not a link>"), blank("<not a link>"));
    }

    #[test]
    fn inline_links() {
        assert_eq!(
            md("[text](https://example.com \"Title\") end"),
            format!(" text{} end", blank("](https://example.com \"Title\")"))
        );
        assert_eq!(
            md("[a](<u v>) [b]() [c](x(y)z)"),
            format!(
                " a{} b{} c{}",
                blank("](<u v>) "),
                blank("]() "),
                blank("](x(y)z)")
            )
        );
        assert_eq!(
            md(r"[a](u 'it\'s')"),
            format!(" a{}", blank(r"](u 'it\'s')"))
        );
        // Not links: space before `(`, unbalanced parens, no `(`.
        assert_eq!(md("[a] (u)"), "[a] (u)");
        assert_eq!(md("[a](b c d)"), "[a](b c d)");
        assert_eq!(md("[a](u"), "[a](u");
    }

    #[test]
    fn nested_emphasis_inside_links() {
        let src = "[*Emph* and **bold _nested_**](http://x.com/a_b \"t\") after";
        assert_eq!(words(src), "Emph and bold nested after");
        assert_eq!(
            md(src),
            format!(
                " {0}Emph{0} and {1}bold {0}nested{0}{1}{2} after",
                " ",
                "  ",
                blank("](http://x.com/a_b \"t\")")
            )
        );
        // The span starts at the first prose byte, after the masked `[*`.
        assert_eq!(paras(src, Format::Markdown), vec![(Plain, &src[2..])]);
        // Emphasis around a link closes after the masked link tail.
        assert_eq!(
            md("**[bold link](u)**"),
            format!("   bold link{}", blank("](u)**"))
        );
    }

    #[test]
    fn links_do_not_nest() {
        assert_eq!(md("[a [b](c) d](e)"), "[a  b     d](e)");
        assert_eq!(words("[a [b] c](d)"), "a [b] c");
    }

    #[test]
    fn multi_byte_chars_in_urls() {
        let src =
            "[Zürich “news”](https://exämple.com/straße/日本 \"Tïtle\") and ![Bild “ä”](/ü.png)";
        let p = check(src, Format::Markdown);
        assert_eq!(words(src), "Zürich “news” and Bild “ä”");
        assert!(p.text.is_char_boundary(src.find("and").unwrap()));
    }

    #[test]
    fn images() {
        assert_eq!(
            md("![alt text](img.png \"t\")!"),
            format!("  alt text{}!", blank("](img.png \"t\")"))
        );
        assert_eq!(md("Wow! [x]"), "Wow! [x]");
    }

    #[test]
    fn reference_links_and_definitions() {
        let src = "Read [the report][r1] and [Shortcut] or [collapsed][].\n\n[r1]: https://example.com/r1\n[shortcut]: <https://example.com/s> \"Title\"\n[^1]: A footnote is prose.";
        assert_eq!(
            words(src),
            "Read the report and Shortcut or collapsed . [^1]: A footnote is prose."
        );
        assert_eq!(
            paras(src, Format::Markdown),
            vec![
                (
                    Plain,
                    "Read [the report][r1] and [Shortcut] or [collapsed][]."
                ),
                (Plain, "[^1]: A footnote is prose."),
            ]
        );
        // Undefined shortcut references stay as written; a definition can't interrupt a paragraph.
        assert_eq!(md("[unknown] text"), "[unknown] text");
        assert_eq!(
            paras("Para\n[x]: /u", Format::Markdown),
            vec![(Plain, "Para\n[x]: /u")]
        );
    }

    #[test]
    fn backslash_escapes() {
        assert_eq!(
            md(r"\*not emphasis\* and \_ \[x\]"),
            " *not emphasis * and  _  [x ]"
        );
        assert_eq!(md(r"a\b \“"), r"a\b \“");
        assert_eq!(md("line\\\nbreak"), "line \nbreak");
        assert_eq!(md(r#"\"quoted\""#), r#" "quoted ""#);
    }

    #[test]
    fn entities_are_left_as_is() {
        assert_eq!(md("Fish &amp; chips &#8220;"), "Fish &amp; chips &#8220;");
    }

    #[test]
    fn quote_marks_are_never_masked_in_prose() {
        let src =
            "*\"a\"* **'b'** _“c”_ ~~‘d’~~ [«e»](u) > ‹f› `x` \"g\" 'h'\n\n> “i”\n\n- ‘j’\n\n# «k»";
        let p = check(src, Format::Markdown);
        for (i, c) in src.char_indices() {
            if matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»') {
                assert_eq!(
                    &p.text[i..i + c.len_utf8()],
                    c.to_string(),
                    "quote at {i} masked"
                );
            }
        }
    }

    #[test]
    fn paragraph_spans_cover_soft_wrapped_lines() {
        let src = "  First line of a\nsoft-wrapped *paragraph*.  \n\nSecond.\n";
        let p = check(src, Format::Markdown);
        assert_eq!(
            paras(src, Format::Markdown),
            vec![
                (Plain, "First line of a\nsoft-wrapped *paragraph*."),
                (Plain, "Second.")
            ]
        );
        assert_eq!(
            &p.text[p.paragraphs[0].span.start..p.paragraphs[0].span.end],
            "First line of a\nsoft-wrapped  paragraph ."
        );
    }

    #[test]
    fn crlf_markdown() {
        let src = "# Title\r\n\r\nOne **two**\r\nthree.\r\n\r\n> quote\r\n>\r\n> more\r\n";
        let p = check(src, Format::Markdown);
        assert_eq!(
            p.text,
            "  Title\r\n\r\nOne   two  \r\nthree.\r\n\r\n  quote\r\n \r\n  more\r\n"
        );
        assert_eq!(
            paras(src, Format::Markdown),
            vec![
                (Heading(1), "Title"),
                (Plain, "One **two**\r\nthree."),
                (BlockQuote, "quote"),
                (BlockQuote, "more"),
            ]
        );
        assert!(
            p.paragraphs
                .iter()
                .all(|para| !src[para.span.start..para.span.end].ends_with('\r'))
        );
    }

    #[test]
    fn lone_carriage_returns_are_kept() {
        let src = "a\rb *c*\r";
        assert_eq!(md(src), "a\rb  c \r");
        assert_eq!(check(src, Format::Text).text, src);
    }

    #[test]
    fn pathological_inputs_stay_fast() {
        // Each of these is quadratic for a naive parser: run them at a size where
        // that would take minutes even though a linear pass takes milliseconds.
        let n = 200_000;
        let inputs = [
            format!("{}x{}", "[".repeat(n), "]".repeat(n)),
            format!("{}{}", "[".repeat(1000), "](a".repeat(n / 3)),
            "[a](b \"[](c '".repeat(n / 13),
            "*a".repeat(n / 2),
            format!("{}{}", "*a".repeat(n / 4), "a*".repeat(n / 4)),
            "_a_ ".repeat(n / 4),
            (1..2000).map(|k| "`".repeat(k % 300 + 1) + "x").collect(),
            "<a ".repeat(n / 3),
            "<!-- a ".repeat(n / 7),
            "[a][b".repeat(n / 5),
            format!("[a]: /u\n\n{}", "[a] ".repeat(n / 4)),
            "> - # a *b* `c`\n".repeat(n / 16),
            "~~a".repeat(n / 3),
            "\\*".repeat(n / 2),
        ];
        let start = std::time::Instant::now();
        for src in &inputs {
            for format in [Format::Markdown, Format::Text] {
                assert_eq!(prose(src, format).text.len(), src.len());
            }
        }
        assert!(start.elapsed() < std::time::Duration::from_secs(20));
    }

    /// xorshift64*: a tiny deterministic generator, so the test needs no crates.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    #[test]
    fn random_markup_never_breaks_invariants() {
        const PIECES: &[&str] = &[
            "*",
            "**",
            "_",
            "__",
            "~~",
            "~",
            "`",
            "```",
            "~~~",
            "[",
            "]",
            "(",
            ")",
            "](",
            "![",
            "<",
            ">",
            "> ",
            "<!--",
            "-->",
            "<br>",
            "</em>",
            "<https://x.y/ü>",
            "!",
            "#",
            "# ",
            "-",
            "- ",
            "+",
            "1. ",
            "=",
            "===",
            "---",
            "+++",
            "\\",
            "\"",
            "'",
            "“",
            "”",
            "‘",
            "’",
            "«",
            "»",
            "é",
            "日本",
            "😀",
            "\n",
            "\n",
            "\n\n",
            "\r\n",
            "\r",
            " ",
            "  ",
            "    ",
            "\t",
            "a",
            "word",
            "b",
            ":",
            "[r]: /u",
            "\"t\"",
            "&amp;",
            "\u{feff}",
            "\u{a0}",
            "snake_case",
        ];
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for round in 0..2000 {
            let mut src = String::new();
            match rng.below(8) {
                0 => src.push_str("---\ntitle: x\n"),
                1 => src.push_str("\u{feff}+++\r\n"),
                _ => {}
            }
            for _ in 0..rng.below(60) {
                src.push_str(PIECES[rng.below(PIECES.len())]);
            }
            if round % 5 == 0 {
                src.push_str("\n---\n");
            }
            for format in [Format::Text, Format::Markdown] {
                check(&src, format);
            }
        }
    }

    #[test]
    fn fixture_markdown_article() {
        let src = include_str!("../tests/fixtures/markup/article.md");
        let p = check(src, Format::Markdown);
        let fm = p.front_matter.clone().unwrap();
        assert_eq!(
            fm.title.as_deref(),
            Some("Council approves riverside housing plan")
        );
        assert_eq!(fm.date.as_deref(), Some("2024-05-14"));
        assert!(src[fm.span.start..fm.span.end].ends_with("council]\n---"));
        assert_eq!(
            paras(src, Format::Markdown),
            vec![
                (Heading(1), "Council approves *riverside* housing plan"),
                (
                    Plain,
                    "The city council voted **7-2** on Tuesday to approve the riverside housing\nplan, ending a [two-year dispute](https://example.com/news/riverside?id=42 \"Background\")\nover the site."
                ),
                (
                    Plain,
                    "“This is a historic day for the city,” said Mayor Ana Ruiz, who had backed the\nplan since 2022."
                ),
                (
                    BlockQuote,
                    "“We will not stop fighting this,” said Tom Hale, chair of the residents’\n> association. “The flood risk is real.”"
                ),
                (
                    Plain,
                    "“The project will deliver 400 homes,” the statement said."
                ),
                (
                    Plain,
                    "Councillors who opposed the plan cited the `flood_risk_v2` report, which was\npublished by the *Environment Agency* last year."
                ),
                (Heading(2), "What happens next"),
                (ListItem, "Construction is due to start in _spring_."),
                (ListItem, "A public meeting is planned for [June][meeting]."),
            ]
        );
        assert_eq!(p.comments.len(), 1);
        let c = &p.comments[0];
        assert_eq!(
            &src[c.inner.start..c.inner.end],
            "quotecheck-disable-next-line missing-attribution: quote from a press release"
        );
        // The comment sits on the line just before the paragraph it is about.
        let next = p
            .paragraphs
            .iter()
            .find(|para| para.span.start > c.span.end)
            .unwrap();
        assert_eq!(&src[c.span.end..next.span.start], "\n");
        let view = &p.text;
        for gone in [
            "https://",
            "**",
            "*riverside*",
            "flood_risk_v2",
            "[meeting]",
            "quotecheck",
        ] {
            assert!(!view.contains(gone), "{gone} left in the prose view");
        }
        assert!(view.contains("ending a  two-year dispute "));
    }

    #[test]
    fn fixture_crlf_markdown() {
        let src = include_str!("../tests/fixtures/markup/crlf.md");
        assert!(
            src.starts_with('\u{feff}') && src.contains("\r\n"),
            "fixture lost its BOM or CRLF"
        );
        let p = check(src, Format::Markdown);
        let fm = p.front_matter.clone().unwrap();
        assert_eq!(fm.span.start, 3);
        assert_eq!(fm.title.as_deref(), Some("Storm closes bridge"));
        assert_eq!(fm.date.as_deref(), Some("2024-01-02"));
        assert_eq!(
            paras(src, Format::Markdown),
            vec![
                (Heading(1), "Storm closes bridge"),
                (
                    Plain,
                    "The bridge was closed on *Monday* night, police said.\r\nGusts reached 90 mph."
                ),
                (BlockQuote, "\"Stay at home,\" the\r\n> officer said."),
                (
                    Plain,
                    "\"It was the worst storm I have seen,\" one resident said."
                ),
            ]
        );
        assert_eq!(p.comments.len(), 1);
        let c = &p.comments[0];
        assert_eq!(
            &src[c.inner.start..c.inner.end],
            "quotecheck-disable-next-line unmatched-quote: quote continues\r\n     in the next article"
        );
        assert_eq!(src.matches('\r').count(), p.text.matches('\r').count());
    }

    #[test]
    fn fixture_text_article() {
        let src = include_str!("../tests/fixtures/markup/article.txt");
        let p = check(src, Format::Text);
        let fm = p.front_matter.clone().unwrap();
        assert_eq!(fm.title.as_deref(), Some("Plain text article"));
        assert_eq!(fm.date.as_deref(), Some("2024-03-03"));
        assert_eq!(&p.text[fm.span.end..], &src[fm.span.end..]);
        assert_eq!(
            paras(src, Format::Text),
            vec![
                (
                    Plain,
                    "The minister said on Monday that the new rules would “make the roads safer”."
                ),
                (
                    Plain,
                    "“We have listened to the public,” she told reporters. “This is what they asked for.”"
                ),
                (
                    Plain,
                    "Critics said the *plan* was rushed and that [details] were missing."
                ),
            ]
        );
    }
}
