#!/usr/bin/env bash
# Scale of the full check with the cross-article rules: builds corpora of 10,000
# and 100,000 articles from ../shared/corpus/bbc with injected repeats and variants
# (scripts/gen-corpus.py; nothing is committed, the corpora go to a temp folder),
# then times `quotecheck DIR --format json > /dev/null` on each, with peak memory
# and CPU share from GNU time, and `rg` over the same folder as the floor.
# Usage: scripts/bench-cross.sh [TMPDIR] [RUNS]   (default: $TMPDIR or /tmp, 3 runs; best is kept)
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=${1:-${TMPDIR:-/tmp}}
runs=${2:-3}
cargo build --release --quiet
for n in 10000 100000; do
  dir="$tmp/quotecheck-bench-$n"
  [ -d "$dir" ] || python3 scripts/gen-corpus.py "$n" "$dir"
done
best() { # label cmd...: best wall time of $runs runs, with that run's peak RSS and CPU%
  local label=$1; shift
  local bw=999999 line=""
  for _ in $(seq "$runs"); do
    local log; log=$(mktemp)
    /usr/bin/time -v -o "$log" "$@" > /dev/null 2>&1 || true
    local w rss cpu
    w=$(awk -F': ' '/Elapsed/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log")
    rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$log")
    cpu=$(awk -F': ' '/Percent of CPU/ {print $2}' "$log")
    if awk -v a="$w" -v b="$bw" 'BEGIN {exit !(a < b)}'; then
      bw=$w; line=$(printf "%-22s wall %8.2f s  peak RSS %6s MB  CPU %s" "$label" "$w" "$rss" "$cpu")
    fi
    rm -f "$log"
  done
  echo "$line"
}
for n in 10000 100000; do
  dir="$tmp/quotecheck-bench-$n"
  mb=$(du -sm "$dir" | cut -f1)
  echo "== $n files, $mb MB"
  best "quotecheck $n" ./target/release/quotecheck "$dir" --format json
  if command -v rg > /dev/null; then
    best "rg $n" rg -c '"' "$dir"
  else
    echo "rg not installed: no floor"
  fi
done
