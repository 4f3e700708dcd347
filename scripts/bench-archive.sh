#!/usr/bin/env bash
# The archive ledger's benchmark: a hook-style run (2 changed files) against an
# archive of 50,000 articles, cold (the ledger indexes the archive first) and warm
# (the ledger is up to date: nothing is parsed but the 2 files).
#
# The corpus is generated into a temporary folder (never committed) from
# ../shared/corpus/bbc: article k is bbc article k mod 2,225 under a dateline of
# its own, with one paragraph of another article appended, so every file's bytes
# differ and quotations recur across the archive as in a real one.
#
# Usage: scripts/bench-archive.sh [N]   (N articles, default 50000; SHARED=... for
# another shared folder; KEEP=1 keeps the temporary folder; WORK=DIR generates
# into DIR, or reuses the corpus already there, and keeps it)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-50000}
corpus=${SHARED:-../shared}/corpus/bbc
[ -d "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 2; }
if [ -n "${WORK:-}" ]; then
  work=$WORK; mkdir -p "$work"
else
  work=$(mktemp -d)
  [ "${KEEP:-}" = 1 ] || trap 'rm -rf "$work"' EXIT
fi
rm -rf "$work/.quotecheck"
[ -d "$work/archive" ] || python3 - "$corpus" "$work" "$n" <<'EOF'
import os, sys, random
src, work, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
names = sorted(f for f in os.listdir(src) if f.endswith(".txt"))
texts = [open(os.path.join(src, f), encoding="utf-8").read() for f in names]
paras = [[p for p in t.split("\n") if p.strip()] for t in texts]
rng = random.Random(5)
arch = os.path.join(work, "archive")
for k in range(n):
    j = k % len(texts)
    d = os.path.join(arch, f"{k // 1000:03d}")
    os.makedirs(d, exist_ok=True)
    other = paras[rng.randrange(len(paras))]
    extra = other[rng.randrange(1, len(other))] if len(other) > 1 else ""
    day = 1 + k % 28
    month = 1 + (k // 28) % 12
    year = 2000 + k // (28 * 12) % 20
    lines = paras[j]
    body = "\n\n".join([lines[0], f"{year}-{month:02d}-{day:02d}"] + lines[1:] + [extra])
    with open(os.path.join(d, f"{k:05d}.txt"), "w", encoding="utf-8") as f:
        f.write(body + "\n")
# The two files of the commit: new articles outside the archive folder.
os.makedirs(os.path.join(work, "new"), exist_ok=True)
for i, j in enumerate((7, 1500)):
    body = "\n\n".join(paras[j][:1] + ["2021-05-04"] + paras[j][1:])
    with open(os.path.join(work, "new", f"story{i}.txt"), "w", encoding="utf-8") as f:
        f.write(body + "\n")
EOF
cargo build --release --quiet
bin=$PWD/target/release/quotecheck
cd "$work"
printf 'archive = ["archive"]\n' > quotecheck.toml
echo "== $(find archive -type f | wc -l) archive articles, $(du -sh archive | cut -f1); $(nproc) cores"

run() {
  local label=$1 start end
  start=$(date +%s.%N)
  "$bin" --format short -v new/story0.txt new/story1.txt > /dev/null 2> "$work/stderr" || true
  end=$(date +%s.%N)
  printf '%-34s %6.2f s   %s\n' "$label" "$(echo "$end - $start" | bc)" "$(grep ledger "$work/stderr" | sed 's/.*: //')"
}
run "cold (first index)"
echo "   ledger: $(du -h .quotecheck/ledger.sqlite | cut -f1)"
run "warm"
run "warm again"
# One archive article edited: one parse.
printf '\nA late correction.\n' >> archive/010/10010.txt
run "warm, 1 archive article changed"
# Without the ledger: every archive article is read and extracted each run.
start=$(date +%s.%N)
"$bin" --format short --no-ledger new/story0.txt new/story1.txt > /dev/null 2>&1 || true
end=$(date +%s.%N)
printf '%-34s %6.2f s\n' "no ledger (read the archive)" "$(echo "$end - $start" | bc)"
