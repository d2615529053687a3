#!/bin/bash
# Runs every fuzz target for N minutes, one after another, and prints a table:
# target, executions a second, executions, coverage, minutes, crashes.
#
#   fuzz/run.sh [MINUTES] [TARGET...]      (default: 2 minutes, every target)
#   CMIN=1 fuzz/run.sh 30                  (minimise each corpus first, as `cargo fuzz cmin` does)
#   JOBS=2 fuzz/run.sh 30                  (two targets at a time, one core each)
#
# Each fuzzer is one process (the same as -jobs=1 -workers=1); JOBS of them run side by side
# (default 1). The targets are built without a sanitizer (the crate forbids unsafe code) and
# optimised. A crash stops
# its target and lands in fuzz/artifacts/<target>/; the table counts crash-, timeout- and oom-
# files written during the run.
set -eu
cd "$(dirname "$0")"
minutes=${1:-2}
shift || true
all="answers pipeline checklist config expr evidence answers_doc checklist_doc evidence_doc"
targets=${*:-$all}

# Byte-level targets take a dictionary; every target a bound on the input size: a few KB reach
# every construct, and large inputs spend their time in the parser.
options() {
    case $1 in
    answers | pipeline | checklist) echo "-max_len=4096 -dict=yaml.dict" ;;
    config) echo "-max_len=2048 -dict=toml.dict" ;;
    expr) echo "-max_len=512 -dict=expr.dict" ;;
    # Structure-aware: libFuzzer grows inputs slowly by default, and a short input is an almost
    # empty document; full-length inputs from the start reach more code in the same time.
    *_doc) echo "-max_len=2048 -len_control=0" ;;
    *) echo "-max_len=4096" ;;
    esac
}

# What a run found so far: crashes, timeouts and out-of-memory inputs.
found() { find "artifacts/$1" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l; }

# Two builds. The parsers keep libFuzzer's comparison tracing: it is how a fuzzer learns the keys
# and words a format expects, and they run at thousands a second with it. The targets that run
# the engine and a renderer are built without it: there it cost more than half of each
# execution (measured with perf), and their inputs reach the keys through the dictionary or
# `arbitrary` instead.
engine="answers pipeline checklist answers_doc checklist_doc evidence_doc"
bin() {
    case " $engine " in
    *" $1 "*) echo target/fast/x86_64-unknown-linux-gnu/release/"$1" ;;
    *) echo target/x86_64-unknown-linux-gnu/release/"$1" ;;
    esac
}

[ -d corpus/answers ] || ./seed.sh >/dev/null
nice -n 5 cargo fuzz build -s none -O >&2
nice -n 5 cargo fuzz build -s none -O --no-trace-compares --target-dir target/fast >&2

# One target: minimise its corpus if asked, fuzz it, and write its row of the table.
run_one() {
    t=$1
    mkdir -p "corpus/$t" "artifacts/$t"
    # shellcheck disable=SC2046 # options are words
    if [ "${CMIN:-0}" = 1 ] && [ -n "$(ls "corpus/$t")" ]; then
        rm -rf "corpus/$t.min" && mkdir "corpus/$t.min"
        nice -n 5 "$(bin "$t")" -merge=1 $(options "$t") "corpus/$t.min" "corpus/$t" >/dev/null 2>&1
        rm -rf "corpus/$t" && mv "corpus/$t.min" "corpus/$t"
    fi
    before=$(found "$t")
    log="artifacts/$t/last-run.log"
    # shellcheck disable=SC2046
    nice -n 5 "$(bin "$t")" $(options "$t") -max_total_time=$((minutes * 60)) -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="artifacts/$t/" "corpus/$t" \
        >"$log" 2>&1 || true
    after=$(found "$t")
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    secs=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    printf '| %-13s | %8s | %11s | %8s | %7s | %7s |\n' "$t" "${secs:-?}" "${runs:-?}" "${cov:-?}" "$minutes" \
        "$((after - before))" >"artifacts/$t/row"
}

running=0
for t in $targets; do
    if [ "$running" -ge "${JOBS:-1}" ]; then
        wait -n || true
        running=$((running - 1))
    fi
    run_one "$t" &
    running=$((running + 1))
done
wait

printf '| %-13s | %8s | %11s | %8s | %7s | %7s |\n' target "exec/s" executions coverage minutes crashes
printf '|%s|%s|%s|%s|%s|%s|\n' --------------- ---------: ------------: ---------: --------: --------:
for t in $targets; do
    cat "artifacts/$t/row"
done
