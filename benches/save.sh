#!/usr/bin/env bash
# Times one save of the interview (serialise the answers, write a temporary file, fsync, rename, keep
# the .bak) on the largest example, over many saves, and prints the median.
#
#   benches/save.sh             # 500 saves
#   RUNS=2000 benches/save.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-500}" cargo test --release --locked --quiet --lib interactive::store::tests::bench_save \
  -- --ignored --nocapture 2>&1 | grep -E '^save of'
