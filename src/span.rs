//! Byte spans into a source text, and the line index used only when rendering.

use serde::Serialize;

/// A half-open range of UTF-8 byte offsets into the file as read.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, serde::Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// Line starts of a text, for turning byte offsets into 1-based lines and columns.
/// Only renderers use it: the core speaks in byte offsets.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// (byte offset, characters before it), every `CHECKPOINT` bytes or so, so a
    /// column is counted from the nearest checkpoint, not from the start of a
    /// line that may be 50 MB long.
    checkpoints: Vec<(usize, usize)>,
}

const CHECKPOINT: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut checkpoints = vec![(0, 0)];
        let (mut at, mut chars) = (0, 0);
        while at + CHECKPOINT < text.len() {
            let mut next = at + CHECKPOINT;
            while !text.is_char_boundary(next) {
                next += 1;
            }
            chars += text[at..next].chars().count();
            checkpoints.push((next, chars));
            at = next;
        }
        LineIndex {
            starts,
            checkpoints,
        }
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// Characters of `text` before byte `offset`.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let k = self.checkpoints.partition_point(|&(b, _)| b <= offset) - 1;
        let (b, n) = self.checkpoints[k];
        n + text[b..offset].chars().count()
    }

    /// 1-based line and 1-based column counted in characters.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line(offset);
        let start = self.starts[line - 1];
        let col = if offset - start <= CHECKPOINT {
            text[start..offset].chars().count() + 1
        } else {
            self.chars_before(text, offset) - self.chars_before(text, start) + 1
        };
        (line, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "“Hi” said.\nÉmile “x”";
        let idx = LineIndex::new(text);
        let x = text.rfind('x').unwrap();
        assert_eq!(idx.line_col(text, x), (2, 8));
        assert_eq!(idx.line_col(text, 0), (1, 1));
    }

    #[test]
    fn columns_on_a_long_line_agree_with_counting_from_its_start() {
        // A line far longer than the checkpoint step, with multi-byte characters
        // straddling the checkpoints, after a short first line.
        let text = format!("Héllo\n{}", "ab “é” ".repeat(3000));
        let idx = LineIndex::new(&text);
        let second = text.find('\n').unwrap() + 1;
        for (offset, _) in text.char_indices().step_by(97) {
            let line = if offset < second { 1 } else { 2 };
            let start = if line == 1 { 0 } else { second };
            let col = text[start..offset].chars().count() + 1;
            assert_eq!(idx.line_col(&text, offset), (line, col), "offset {offset}");
        }
    }
}
