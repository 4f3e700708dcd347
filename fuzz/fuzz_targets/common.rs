// Shared by the text and Markdown targets: extract, check every span, run every
// rule under a house preset picked by the input's length.
use quotecheck::markup::Format;
use quotecheck::rules::house::House;
use quotecheck::span::Span;
use quotecheck::{Extracted, check_files, extract_text};
use std::sync::OnceLock;

fn span_ok(src: &str, s: Span) -> bool {
    s.start <= s.end && s.end <= src.len() && src.is_char_boundary(s.start) && src.is_char_boundary(s.end)
}

pub fn run(data: &[u8], format: Format) {
    let Ok(src) = std::str::from_utf8(data) else { return };
    let a = extract_text(src, format);
    for q in &a.quotes {
        assert!(span_ok(src, q.span), "quote span {:?}", q.span);
        for m in [q.open, q.close].into_iter().flatten() {
            assert!(span_ok(src, m), "mark span {m:?}");
        }
        assert!(q.paragraph < a.paragraphs.len());
    }
    for p in &a.paragraphs {
        assert!(span_ok(src, p.span), "paragraph span {:?}", p.span);
    }
    for m in &a.mark_problems {
        assert!(span_ok(src, m.span), "mark problem span {:?}", m.span);
    }
    static RULES: OnceLock<quotecheck::rules::RuleSet> = OnceLock::new();
    let rules = RULES.get_or_init(|| {
        let mut r = quotecheck::rules::load_rules(&[], &Default::default()).expect("rules load");
        for rule in &mut r.rules {
            rule.enabled = true;
        }
        r
    });
    let names = House::preset_names();
    let house = House::preset(&names[data.len() % names.len()]).unwrap_or_default();
    let files = [Extracted { path: "fuzz".into(), source: src.to_string(), article: a }];
    for f in check_files(&files, rules, &house, &[]) {
        assert!(span_ok(src, f.span), "finding span {:?} of {}", f.span, f.rule);
        for (l, _) in &f.labels {
            assert!(span_ok(src, *l), "label span {l:?} of {}", f.rule);
        }
    }
    // The fixes apply and reach a fixpoint without panicking.
    let _ = quotecheck::fix::fix_text("fuzz", src, format, rules, &house, &[]);
}
