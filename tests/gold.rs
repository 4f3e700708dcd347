//! Extraction of the seeds compared with the hand-checked gold of
//! `../shared/gold/seeds`, scored as `../shared/eval/score.py` scores it (lenient
//! span match at overlap/union >= 0.5, speakers per `gold/FORMAT.md`). Skips,
//! saying so, when `../shared` is not beside the repository.

use quotecheck::markup::Format;
use quotecheck::model::{Quote, QuoteKind};
use serde_json::Value;
use std::path::Path;

const HONORIFICS: [&str; 9] = [
    "mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame",
];

fn norm(name: &str) -> String {
    let lower: String = name
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c.is_whitespace() {
                c
            } else {
                ' '
            }
        })
        .collect();
    lower
        .split_whitespace()
        .filter(|w| !HONORIFICS.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

fn speaker_correct(pred: &Quote, gold: &Value) -> bool {
    let (Some(sp), Some(g)) = (&pred.speaker, gold["speaker"].as_str()) else {
        return false;
    };
    if gold["anonymous"].as_bool() == Some(true) {
        return sp.anonymous;
    }
    let p = norm(&sp.name);
    if p.is_empty() {
        return false;
    }
    let g = norm(g);
    let aliases = gold["aliases"].as_array().cloned().unwrap_or_default();
    p == g
        || aliases
            .iter()
            .any(|a| a.as_str().is_some_and(|a| norm(a) == p))
        || p.split_whitespace().last() == g.split_whitespace().last()
}

struct Score {
    gold: usize,
    pred: usize,
    matched: usize,
    attr_tp: usize,
    attr_pred: usize,
    attr_gold: usize,
}

fn f1(tp: usize, pred: usize, gold: usize) -> f64 {
    let p = tp as f64 / pred.max(1) as f64;
    let r = tp as f64 / gold.max(1) as f64;
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[test]
fn seeds_meet_the_extraction_bar() {
    let gold_dir = Path::new("../shared/gold/seeds");
    if !gold_dir.is_dir() {
        eprintln!("skipped: ../shared/gold/seeds not found");
        return;
    }
    let mut s = Score {
        gold: 0,
        pred: 0,
        matched: 0,
        attr_tp: 0,
        attr_pred: 0,
        attr_gold: 0,
    };
    let mut misses = Vec::new();
    for entry in std::fs::read_dir(gold_dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let doc = gold["doc"].as_str().unwrap();
        let text = std::fs::read_to_string(Path::new("seeds").join(doc)).unwrap();
        let article = quotecheck::extract_text(&text, Format::Text);
        let preds: Vec<&Quote> = article
            .quotes
            .iter()
            .filter(|q| q.depth == 0 && q.kind != QuoteKind::Indirect)
            .collect();
        let golds = gold["quotes"].as_array().unwrap();
        s.gold += golds.len();
        s.pred += preds.len();
        s.attr_pred += preds.iter().filter(|q| q.speaker.is_some()).count();
        let mut used = vec![false; preds.len()];
        for g in golds {
            let (gs, ge) = (
                g["start"].as_u64().unwrap() as usize,
                g["end"].as_u64().unwrap() as usize,
            );
            if g["speaker"].is_string() {
                s.attr_gold += 1;
            }
            let best = preds
                .iter()
                .enumerate()
                .filter(|(i, _)| !used[*i])
                .map(|(i, q)| {
                    let ov = q.span.end.min(ge) as f64 - q.span.start.max(gs) as f64;
                    let un = q.span.end.max(ge) as f64 - q.span.start.min(gs) as f64;
                    (i, ov / un)
                })
                .filter(|(_, iou)| *iou >= 0.5)
                .max_by(|a, b| a.1.total_cmp(&b.1));
            match best {
                Some((i, _)) => {
                    used[i] = true;
                    s.matched += 1;
                    if g["speaker"].is_string() && speaker_correct(preds[i], g) {
                        s.attr_tp += 1;
                    } else if g["speaker"].is_string() {
                        misses.push(format!(
                            "{doc}: {:?} -> {:?}",
                            g["text"],
                            preds[i].speaker.as_ref().map(|s| &s.name)
                        ));
                    }
                }
                None => misses.push(format!("{doc}: {:?} not found", g["text"])),
            }
        }
    }
    let span_f1 = f1(s.matched, s.pred, s.gold);
    let attr_f1 = f1(s.attr_tp, s.attr_pred, s.attr_gold);
    eprintln!("seeds: span F1 {span_f1:.3}, attribution F1 {attr_f1:.3}; misses: {misses:#?}");
    assert_eq!(s.gold, 67, "the seed gold has 67 quotations");
    assert!(span_f1 >= 0.98, "span F1 {span_f1:.3} < 0.98: {misses:#?}");
    assert!(
        attr_f1 >= 0.95,
        "attribution F1 {attr_f1:.3} < 0.95: {misses:#?}"
    );
}
