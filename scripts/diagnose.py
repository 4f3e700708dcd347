#!/usr/bin/env python3
"""List gold quotations that quotecheck misses or attributes wrongly (a dev aid).

    python3 scripts/diagnose.py GOLD_DIR TEXT_DIR PRED.json [missing|wrong|nospk|extra]
"""
import json, os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval"))
from qc_common import speaker_correct  # noqa: E402

gold_dir, text_dir, pred_path = sys.argv[1:4]
what = sys.argv[4] if len(sys.argv) > 4 else "all"
pred = {os.path.basename(f["path"]): f["quotes"] for f in json.load(open(pred_path))["files"]}
for name in sorted(os.listdir(gold_dir)):
    if not name.endswith(".json") or name == "MANIFEST.json":
        continue
    g = json.load(open(os.path.join(gold_dir, name)))
    doc = g["doc"]
    data = open(os.path.join(text_dir, doc), "rb").read()
    ps = [p for p in pred.get(doc, []) if p["kind"] in ("direct", "partial")]
    used = set()
    for q in g["quotes"]:
        best, bi = 0, None
        for i, p in enumerate(ps):
            ov = min(q["end"], p["end"]) - max(q["start"], p["start"])
            un = max(q["end"], p["end"]) - min(q["start"], p["start"])
            if ov > 0 and ov / un > best:
                best, bi = ov / un, i
        line = data[:q["start"]].count(b"\n") + 1
        ctx = data[max(0, q["start"] - 90):q["end"] + 60].decode("utf-8", "replace").replace("\n", " / ")
        if best < 0.5:
            if what in ("all", "missing"):
                print(f"MISSING {doc}:{line} [{q['kind']}] gold={q.get('speaker')!r}\n    {ctx}")
            continue
        used.add(bi)
        p = ps[bi]
        if q.get("speaker") is None or q.get("speaker_resolved") is False:
            continue
        if p.get("speaker") is None:
            if what in ("all", "nospk"):
                print(f"NOSPK {doc}:{line} gold={q['speaker']!r}\n    {ctx}")
        elif not speaker_correct(p["speaker"], q):
            if what in ("all", "wrong"):
                print(f"WRONG {doc}:{line} gold={q['speaker']!r} got={p['speaker']['name']!r} ({p['speaker'].get('found_by')}, mention={p['speaker'].get('mention')!r})\n    {ctx}")
    if what in ("all", "extra"):
        for i, p in enumerate(ps):
            if i not in used and p.get("speaker"):
                line = data[:p["start"]].count(b"\n") + 1
                print(f"EXTRA {doc}:{line} got={p['speaker']['name']!r} {p['text'][:70]!r}")
