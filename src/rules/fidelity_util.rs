//! Helpers the fidelity rules share: quoted words folded for comparison
//! (glyphs, case, edge punctuation, brackets), omission marks kept as gaps, and
//! word alignment.

use crate::model::{Article, Quote, Zone};

/// A word folded for comparison, or a marked omission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    Word(String),
    Gap,
}

/// Fold one word: lower case, curly apostrophes straight, brackets dropped,
/// punctuation at the edges stripped. Empty when nothing is left.
pub fn fold_word(w: &str) -> String {
    // ASCII with no brackets or apostrophes (most words): only the case and the
    // punctuation around it change.
    if w.is_ascii() && !w.bytes().any(|b| matches!(b, b'[' | b']' | b'`' | b'\'')) {
        return w
            .trim_matches(|c: char| !c.is_ascii_alphanumeric())
            .to_ascii_lowercase();
    }
    let w: String = w
        .chars()
        .filter(|c| !matches!(c, '[' | ']'))
        .map(|c| match c {
            '’' | '‘' | '`' | 'ʼ' => '\'',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    w.strip_suffix("'s").unwrap_or(w).to_string()
}

/// The words of a quotation's text, with each omission mark ("...", "…", "[...]")
/// as a `Gap`. Dashes and hyphens split words ("time—Jeremy", "Las Vegas-style"),
/// and a possessive "'s" is dropped.
pub fn tokens(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    // Each replacement only where its pattern occurs: most texts have none.
    let mut spaced = std::borrow::Cow::Borrowed(text);
    for gap in ["[...]", "[…]", "..."] {
        if spaced.contains(gap) {
            spaced = spaced.replace(gap, " \u{1} ").into();
        }
    }
    if spaced.contains('…') {
        spaced = spaced.replace('…', " \u{1} ").into();
    }
    if spaced.contains(['—', '–', '-']) {
        spaced = spaced.replace(['—', '–', '-'], " ").into();
    }
    for raw in spaced.split_whitespace() {
        if raw.contains('\u{1}') {
            if out.last() != Some(&Tok::Gap) {
                out.push(Tok::Gap);
            }
            continue;
        }
        let w = fold_word(raw);
        if !w.is_empty() {
            out.push(Tok::Word(w));
        }
    }
    out
}

/// The folded words only, omissions dropped.
pub fn words(text: &str) -> Vec<String> {
    tokens(text)
        .into_iter()
        .filter_map(|t| match t {
            Tok::Word(w) => Some(w),
            Tok::Gap => None,
        })
        .collect()
}

/// The runs of words between omission marks.
pub fn segments(text: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = vec![Vec::new()];
    for t in tokens(text) {
        match t {
            Tok::Word(w) => out.last_mut().expect("never empty").push(w),
            Tok::Gap => out.push(Vec::new()),
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

/// Where `needle` first occurs as a run of words in `hay` at or after `from`.
pub fn find_run(hay: &[String], needle: &[String], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return Some(from);
    }
    (from..hay.len().saturating_sub(needle.len() - 1))
        .find(|&i| hay[i..i + needle.len()] == *needle)
}

/// True when every segment occurs in `hay`, in order: the words are there
/// verbatim, with only marked omissions.
pub fn contains_with_gaps(hay: &[String], segs: &[Vec<String>]) -> bool {
    let mut from = 0;
    for s in segs {
        match find_run(hay, s, from) {
            Some(i) => from = i + s.len(),
            None => return false,
        }
    }
    !segs.is_empty()
}

/// The longest common subsequence of two word lists, as pairs of indices.
pub fn lcs(a: &[String], b: &[String]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let mut t = vec![0u16; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[at(i, j)] = if a[i] == b[j] {
                t[at(i + 1, j + 1)] + 1
            } else {
                t[at(i + 1, j)].max(t[at(i, j + 1)])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n && j < m {
        if a[i] == b[j] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if t[at(i + 1, j)] >= t[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// How `a` matches its best place in `b`: the share of `a`'s words found, in
/// order, within a window of `b` not much longer than `a`; and the window.
pub fn best_match(a: &[String], b: &[String]) -> (f64, usize, usize) {
    if a.is_empty() || b.is_empty() {
        return (0.0, 0, 0);
    }
    let pairs = lcs(a, b);
    let Some(&(_, first)) = pairs.first() else {
        return (0.0, 0, 0);
    };
    let last = pairs.last().map_or(first, |p| p.1);
    let window = last + 1 - first;
    // Matches scattered over a long stretch of `b` are not one passage.
    if window > a.len() * 2 + 3 {
        return (0.0, first, last + 1);
    }
    (pairs.len() as f64 / a.len() as f64, first, last + 1)
}

/// A word diff of `a` against the passage `b[from..to]`: "“never” for “not
/// going to campaign to”", at most three changes.
pub fn word_diff(a: &[String], b: &[String]) -> String {
    let pairs = lcs(a, b);
    let mut changes = Vec::new();
    let (mut i, mut j) = (0, 0);
    for &(pi, pj) in pairs.iter().chain(std::iter::once(&(a.len(), b.len()))) {
        let ours = a[i..pi].join(" ");
        let theirs = b[j..pj].join(" ");
        match (ours.is_empty(), theirs.is_empty()) {
            (true, true) => {}
            (false, true) => changes.push(format!("adds “{ours}”")),
            (true, false) => changes.push(format!("drops “{theirs}”")),
            (false, false) => changes.push(format!("“{ours}” for “{theirs}”")),
        }
        i = pi + 1;
        j = pj + 1;
    }
    let more = changes.len().saturating_sub(3);
    changes.truncate(3);
    let mut s = changes.join(", ");
    if more > 0 {
        s.push_str(&format!(" and {more} more"));
    }
    s
}

/// The quotation chains of an article in `zone`s: the first record of each
/// quotation with its paragraphs' words joined. Depth-0 quotations only.
pub fn chains<'a>(a: &'a Article, source: &str, zones: &[Zone]) -> Vec<(&'a Quote, Vec<String>)> {
    let mut out: Vec<(&Quote, Vec<String>)> = Vec::new();
    // Where each chain's head is in `out`, so a long article stays linear.
    let mut heads: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for (i, q) in a.quotes.iter().enumerate() {
        // Claims (reported speech) hold no quoted words.
        let claim = q.kind == crate::model::QuoteKind::Indirect;
        if q.depth != 0 || claim || !zones.contains(&effective_zone(a, source, q)) {
            continue;
        }
        let w = words(q.span.slice(source));
        if let Some(&at) = q.continues.and_then(|head| heads.get(&head)) {
            out[at].1.extend(w);
            continue;
        }
        heads.insert(i, out.len());
        out.push((q, w));
    }
    out
}

/// `chains` of the body, worked out once an article for the rules that compare
/// quotations (repeated-quote-differs, display-quote-not-in-body).
pub fn body_chains<'c, 'a>(cx: &'c super::Context<'a>) -> &'c [(&'a Quote, Vec<String>)] {
    cx.memo
        .body_chains
        .get_or_init(|| chains(cx.article, cx.source, &[Zone::Body]))
}

/// The zone a quotation is judged in. A paragraph zoned standfirst is display
/// text when the page's header (byline, dateline, caption) follows it, or when it
/// reads as a display line (no sentence end) before the body; otherwise it is a
/// short lead paragraph of a plain-text export, body text.
pub fn effective_zone(a: &Article, source: &str, q: &Quote) -> Zone {
    if q.zone != Zone::Standfirst {
        return q.zone;
    }
    let p = &a.paragraphs[q.paragraph];
    let ends = p
        .span
        .slice(source)
        .trim_end()
        .trim_end_matches(['"', '”', '\'', '’'])
        .ends_with(['.', '!', '?']);
    let rest = &a.paragraphs[q.paragraph + 1..];
    let header_follows = rest
        .iter()
        .take_while(|n| n.zone != Zone::Body)
        .any(|n| matches!(n.zone, Zone::Byline | Zone::Dateline | Zone::Caption));
    let body_follows = rest.iter().any(|n| n.zone == Zone::Body);
    if header_follows || (!ends && body_follows) {
        q.zone
    } else {
        Zone::Body
    }
}

/// Up to `max` characters of folded words, for a message.
pub fn shown(words: &[String], max: usize) -> String {
    super::fold(&words.join(" "), max)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws(s: &str) -> Vec<String> {
        words(s)
    }

    #[test]
    fn folding_ignores_glyphs_case_brackets_and_edge_punctuation() {
        assert_eq!(ws("“We’ll [sic] win,” he"), ["we'll", "sic", "win", "he"]);
        assert_eq!(ws("John [McDonnell]’s"), ["john", "mcdonnell"]);
        assert_eq!(ws("we’ll see-saw"), ["we'll", "see", "saw"]);
        assert_eq!(ws("time—Jeremy"), ["time", "jeremy"]);
    }

    #[test]
    fn omissions_split_segments() {
        let s = segments("fair means or foul ... and the devil");
        assert_eq!(s.len(), 2);
        let hay = ws("we will win by fair means or foul, come what may, and the devil take it");
        assert!(contains_with_gaps(&hay, &s));
        assert!(!contains_with_gaps(
            &hay,
            &segments("the devil ... fair means")
        ));
    }

    #[test]
    fn near_matches_score_and_diff() {
        let a = ws("will not campaign to deselect any MP");
        let b = ws("Momentum nationally is not going to campaign to deselect any MP and we will");
        let (score, from, to) = best_match(&a, &b);
        assert!(score > 0.8, "{score}");
        let d = word_diff(&a, &b[from..to]);
        assert!(d.contains("going"), "{d}");
    }
}
