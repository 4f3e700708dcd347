#!/usr/bin/env bash
# Throughput of extraction: the criterion benchmark (one thread, MB/s per core),
# then the CLI end to end over ../shared/corpus/bbc (all cores), with ripgrep over
# the same folder as the floor (reading and scanning the bytes, nothing more).
# Usage: scripts/bench.sh   (SHARED=/path/to/shared to use another shared folder)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${SHARED:-../shared}/corpus/bbc

echo "== criterion: cargo bench --bench extract"
cargo bench --bench extract
echo "== criterion: cargo bench --bench check (extraction and the rules, one thread)"
cargo bench --bench check

if [ ! -d "$corpus" ]; then
  echo "skipped end-to-end timings: $corpus not found"
  exit 0
fi

cargo build --release --quiet
bytes=$(find "$corpus" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.markdown' \) -print0 \
  | xargs -0 cat | wc -c)
files=$(find "$corpus" -type f | wc -l)
echo
echo "== end to end over $corpus: $files files, $bytes bytes, $(nproc) cores"

# Runs a command with stdout to /dev/null; prints wall time, MB/s and, with GNU
# time, CPU time and peak memory. A non-zero exit is reported, not fatal.
measure() {
  local label=$1; shift
  local log start end status=0
  log=$(mktemp)
  start=$(date +%s.%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$log" "$@" > /dev/null || status=$?
  else
    { time "$@" > /dev/null; } 2> "$log" || status=$?
  fi
  end=$(date +%s.%N)
  awk -v l="$label" -v s="$start" -v e="$end" -v b="$bytes" -v st="$status" 'BEGIN {
    w = e - s; printf "%-12s wall %.3f s  %.1f MB/s", l, w, (w > 0 ? b / w / 1e6 : 0)
    if (st != 0) printf "  (exit %d)", st
    printf "\n" }'
  if [ -x /usr/bin/time ]; then
    grep -E 'User time|System time|Percent of CPU|Maximum resident' "$log" | sed 's/^\s*/             /'
  else
    sed 's/^/             /' "$log"
  fi
  rm -f "$log"
}

measure quotecheck target/release/quotecheck extract "$corpus" --format json

# What the rule engine adds: extraction alone against the whole check (every rule,
# the optional ones switched on too, the cross-article ledger in memory), both on
# one thread so that the CPU times compare.
all=$(mktemp -d)
printf '[house]\nenable = [%s]\n' "$(target/release/quotecheck rules | awk '$NF == "off" { printf "%s\"%s\"", sep, $1; sep = ", " }')" \
  > "$all/quotecheck.toml"
echo
echo "== the rule engine's cost, one thread (RAYON_NUM_THREADS=1)"
export RAYON_NUM_THREADS=1
measure "extract" target/release/quotecheck extract "$corpus" --format json
measure "check" target/release/quotecheck "$corpus" --format json --no-ledger
measure "check, all" target/release/quotecheck "$corpus" --format json --no-ledger --config "$all/quotecheck.toml"
unset RAYON_NUM_THREADS
rm -rf "$all"
if command -v rg > /dev/null; then
  measure "rg (floor)" rg --count-matches '[“”"]' "$corpus"
else
  echo "rg not installed: no floor figure"
fi
