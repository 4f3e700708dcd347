#!/usr/bin/env python3
"""List gold claims (kind `indirect`) that quotecheck misses, and wrong or extra
predicted claims (a dev aid, like scripts/diagnose.py).

    python3 scripts/diagnose-claims.py GOLD_DIR TEXT_DIR PRED.json [missing|wrong|extra|cues|all] [--resolved]

`cues` counts the missed gold claims by their cue word(s); `--resolved` keeps only
gold claims with a scored speaker (the ones attribution recall counts).
"""
import collections, json, os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval"))
from qc_common import speaker_correct  # noqa: E402

args = [a for a in sys.argv[1:] if not a.startswith("--")]
resolved_only = "--resolved" in sys.argv
gold_dir, text_dir, pred_path = args[:3]
what = args[3] if len(args) > 3 else "all"
pred = {os.path.basename(f["path"]): f["quotes"] for f in json.load(open(pred_path))["files"]}
cues = collections.Counter()


def ctx(data, a, b, before=120, after=40):
    s = data[max(0, a - before):a].decode("utf-8", "replace")
    m = data[a:b].decode("utf-8", "replace")
    t = data[b:b + after].decode("utf-8", "replace")
    return (s + "[[" + m + "]]" + t).replace("\n", " / ")


def scored(q):
    return q.get("speaker") is not None and q.get("speaker_resolved", True) is not False


for name in sorted(os.listdir(gold_dir)):
    if not name.endswith(".json") or name.startswith("MANIFEST"):
        continue
    g = json.load(open(os.path.join(gold_dir, name)))
    doc = g["doc"]
    data = open(os.path.join(text_dir, doc), "rb").read()
    gs = [q for q in g["quotes"] if q["kind"] == "indirect"]
    ps = [p for p in pred.get(doc, []) if p["kind"] == "indirect"]
    used = set()
    for q in gs:
        best, bi = 0, None
        for i, p in enumerate(ps):
            ov = min(q["end"], p["end"]) - max(q["start"], p["start"])
            un = max(q["end"], p["end"]) - min(q["start"], p["start"])
            if ov > 0 and ov / un > best:
                best, bi = ov / un, i
        line = data[:q["start"]].count(b"\n") + 1
        if best < 0.5:
            if resolved_only and not scored(q):
                continue
            cues[(q.get("cue") or "?").lower()] += 1
            if what in ("all", "missing"):
                near = f" near={best:.2f}" if bi is not None else ""
                print(f"MISSING {doc}:{line} cue={q.get('cue')!r} src={q.get('source_mention')!r} "
                      f"gold={q.get('speaker')!r}{'' if scored(q) else ' (unscored)'}{near}\n    {ctx(data, q['start'], q['end'])}")
            continue
        used.add(bi)
        p = ps[bi]
        if not scored(q):
            continue
        if not speaker_correct(p.get("speaker"), q):
            if what in ("all", "wrong"):
                got = p.get("speaker") or {}
                print(f"WRONG {doc}:{line} cue={q.get('cue')!r} gold={q['speaker']!r} src={q.get('source_mention')!r} "
                      f"got={got.get('name')!r} anon={got.get('anonymous')} mention={got.get('mention')!r}\n    {ctx(data, q['start'], q['end'])}")
    if what in ("all", "extra"):
        for i, p in enumerate(ps):
            if i not in used and p.get("speaker"):
                line = data[:p["start"]].count(b"\n") + 1
                print(f"EXTRA {doc}:{line} got={p['speaker']['name']!r} cue={p.get('cue')!r}\n    {ctx(data, p['start'], p['end'])}")
if what == "cues":
    for c, n in cues.most_common():
        print(f"{n:4d} {c}")
