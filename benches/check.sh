#!/usr/bin/env bash
# Times `migready check` on the largest example as a whole process, beside `migready --version`,
# so the difference is what checking costs on top of starting a process.
#
#   benches/check.sh            # 50 runs each (hyperfine if installed, else a timing loop)
#   RUNS=200 benches/check.sh
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${RUNS:-50}"
cargo build --release --locked --quiet
bin=target/release/migready
example=$(ls -S examples/*/answers.yaml | head -n 1)
check=("$bin" check "$example" --today 2026-11-25 --format json)

echo "largest example: $example ($(wc -c <"$example") bytes)"
if command -v hyperfine >/dev/null 2>&1; then
  json=$(mktemp)
  hyperfine --shell=none --warmup 10 --runs "$runs" -i --export-json "$json" \
    "$bin --version" "${check[*]}"
  python3 - "$json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
version, check = (r["median"] * 1000 for r in results)
print(f"median: --version {version:.2f} ms, check {check:.2f} ms, difference {check - version:.2f} ms")
PY
  rm -f "$json"
  exit 0
fi

# No hyperfine: time each run with nanosecond timestamps and report the median.
median_ms() {
  local -a times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f ms", m/1000}'
}
echo "median of $runs runs:"
echo "  migready --version : $(median_ms "$bin" --version)"
echo "  migready check     : $(median_ms "${check[@]}")"
