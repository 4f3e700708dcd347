#!/usr/bin/env bash
# Score extraction against the gold folders of ../shared (see ../shared/eval/README.md).
# Usage: scripts/score.sh [seeds|polnear|claims] [extra score.py args]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
cargo build --release --quiet
which=${1:-seeds}; shift || true
case "$which" in
  seeds) text=$shared/seeds; gold=$shared/gold/seeds ;;
  polnear) text=$shared/corpus/polnear-dev/text; gold=$shared/corpus/polnear-dev/gold ;;
  claims) text=$shared/corpus/polnear-dev/text; gold=$shared/corpus/polnear-dev/gold-claims ;;
  *) echo "unknown set: $which" >&2; exit 2 ;;
esac
mkdir -p target
./target/release/quotecheck extract "$text" --format json > "target/pred-$which.json"
python3 "$shared/eval/score.py" --gold "$gold" --text "$text" --pred "target/pred-$which.json" "$@"
