#!/usr/bin/env python3
"""Per predicted cue word: scored claims, right, wrong-or-unmatched (a dev aid).

    python3 scripts/claims-by-cue.py GOLD_DIR TEXT_DIR PRED.json
"""
import collections, json, os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval"))
from qc_common import speaker_correct  # noqa: E402

gold_dir, text_dir, pred_path = sys.argv[1:4]
pred = {os.path.basename(f["path"]): f["quotes"] for f in json.load(open(pred_path))["files"]}
tot = collections.defaultdict(lambda: [0, 0, 0])  # scored, right, unmatched
for name in sorted(os.listdir(gold_dir)):
    if not name.endswith(".json") or name.startswith("MANIFEST"):
        continue
    g = json.load(open(os.path.join(gold_dir, name)))
    gs = [q for q in g["quotes"] if q["kind"] == "indirect"]
    for p in pred.get(g["doc"], []):
        if p["kind"] != "indirect" or not p.get("speaker"):
            continue
        best, bq = 0, None
        for q in gs:
            ov = min(q["end"], p["end"]) - max(q["start"], p["start"])
            un = max(q["end"], p["end"]) - min(q["start"], p["start"])
            if ov > 0 and ov / un > best:
                best, bq = ov / un, q
        if best >= 0.5 and bq.get("speaker_resolved") is False:
            continue
        c = (p.get("cue") or "?").lower()
        t = tot[c]
        t[0] += 1
        if best >= 0.5 and bq.get("speaker") and speaker_correct(p["speaker"], bq):
            t[1] += 1
        elif best < 0.5:
            t[2] += 1
for c, (n, r, u) in sorted(tot.items(), key=lambda x: -(x[1][0] - x[1][1])):
    print(f"{n:4d} right {r:3d} wrong {n - r:3d} (unmatched {u:3d})  {c}")
