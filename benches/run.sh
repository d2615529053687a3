#!/usr/bin/env bash
# Times whole processes for BENCHMARKS.md: each measurement beside its floor, on this machine.
#
#   benches/run.sh              # medians of RUNS runs (default 30; hyperfine if installed, else a loop)
#   RUNS=100 benches/run.sh
#
# Measures:
#   1. `check` on the largest example, beside `--version` (starting a process) and the floor
#      (a process that only reads and parses the same YAML: benches/floor.rs);
#   2. `check` on generated stress assessments of three sizes (benches/generate.py), up to
#      9,000 answers and 5,000 rules, each beside its floor;
#   3. `portfolio` of 1,000 generated assessments with 1 and 2 threads, and 1,000 separate
#      `check` processes doing the same work;
#   4. peak memory (RSS) of `check` on the largest example and on the largest stress size.
# Generated inputs go to a temporary folder that is removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${RUNS:-30}"
today=2026-11-25
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --locked --quiet
cargo bench --locked --no-run --bench floor --quiet 2>/dev/null
bin=target/release/migready
floor=$(ls -t target/release/deps/floor-* | grep -v '\.d$' | head -n 1)

# median_ms NAME COMMAND...: the median wall time of the command, in milliseconds.
median_ms() {
  local name=$1
  shift
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --shell=none --warmup 3 --runs "$runs" -i --export-json "$work/h.json" "$*" >/dev/null 2>&1
    python3 -c "import json,sys; print(f'{json.load(open(sys.argv[1]))[\"results\"][0][\"median\"]*1000:.2f}')" "$work/h.json"
  else
    local -a times=()
    for _ in $(seq "$runs"); do
      local start end
      start=$(date +%s%N)
      "$@" >/dev/null 2>&1 || true
      end=$(date +%s%N)
      times+=($(((end - start) / 1000)))
    done
    printf '%s\n' "${times[@]}" | sort -n |
      awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f\n", m/1000}'
  fi
}

row() { printf '| %s | %s | %s |\n' "$1" "$2" "$3"; }

peak_rss_mb() {
  /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1 | awk '{printf "%.1f", $1/1024}'
}

echo "machine: $(nproc) cores, $(uname -m); runs per measurement: $runs"
echo
echo "| measurement | median (ms) | floor or comparison (ms) |"
echo "|---|---|---|"

example=$(ls -S examples/*/answers.yaml | head -n 1)
version=$(median_ms version "$bin" --version)
parse=$(median_ms floor "$floor" "$example")
check=$(median_ms check "$bin" check "$example" --today "$today" --format json)
row "\`check\` on $example ($(wc -c <"$example") bytes)" "$check" "\`--version\` $version; parse only $parse"

for size in "1000 556" "3000 1667" "9000 5000"; do
  set -- $size
  dir="$work/stress-$1"
  python3 benches/generate.py stress --questions "$1" --rules "$2" "$dir" >/dev/null
  files=("$dir"/checklists/*.yaml "$dir/answers.yaml")
  parse=$(median_ms floor "$floor" "${files[@]}")
  check=$(median_ms stress "$bin" --checklists "$dir/checklists" check "$dir/answers.yaml" --today "$today" --format json)
  ratio=$(python3 -c "print(f'{$check / $parse:.2f}')")
  row "\`check\` on a stress assessment: $1 answers, $2 rules" "$check" "parse only $parse (ratio $ratio)"
done

python3 benches/generate.py portfolio --count 1000 "$work/portfolio" >/dev/null
one=$(median_ms portfolio-1 "$bin" portfolio "$work/portfolio" --today "$today" --format json --jobs 1)
two=$(median_ms portfolio-2 "$bin" portfolio "$work/portfolio" --today "$today" --format json --jobs 2)
speedup=$(python3 -c "print(f'{$one / $two:.2f}')")
row "\`portfolio\` of 1,000 assessments, 2 threads" "$two" "1 thread $one (speed-up $speedup×)"
start=$(date +%s%N)
for f in "$work"/portfolio/*/answers.yaml; do
  "$bin" check "$f" --today "$today" --format json >/dev/null || true
done
separate=$((($(date +%s%N) - start) / 1000000))
ratio=$(python3 -c "print(f'{$separate / $two:.0f}')")
row "1,000 separate \`check\` processes (one run)" "$separate" "\`portfolio\` is ${ratio}× faster"

echo
echo "peak RSS: check on $example $(peak_rss_mb "$bin" check "$example" --today "$today" --format json) MB;" \
  "stress 9000/5000 $(peak_rss_mb "$bin" --checklists "$work/stress-9000/checklists" check "$work/stress-9000/answers.yaml" --today "$today" --format json) MB;" \
  "portfolio of 1,000 $(peak_rss_mb "$bin" portfolio "$work/portfolio" --today "$today" --format json) MB"
