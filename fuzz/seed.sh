#!/bin/sh
# Fills fuzz/corpus/<target>/ with seeds from the examples, the built-in checklists and the tests.
# Run from anywhere; safe to rerun (files are copied under stable names, nothing is deleted).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
corpus="$root/fuzz/corpus"
mkdir -p "$corpus/answers" "$corpus/pipeline" "$corpus/checklist" "$corpus/config" "$corpus/expr" "$corpus/evidence"

seed() { # seed TARGET FILE...
    target=$1
    shift
    for f in "$@"; do
        [ -f "$f" ] || continue
        # libFuzzer takes its length limit from the largest seed; the huge hostile files only test
        # size limits, which tests/hostile.rs covers.
        [ "$(wc -c < "$f")" -le 65536 ] || continue
        name=$(echo "${f#"$root"/}" | tr '/' '_')
        cp "$f" "$corpus/$target/$name"
    done
}

answers="$root/examples/*/answers.yaml $root/tests/fixtures/bad/answers-*.yaml $root/tests/hostile/files/answers-*.yaml
  $root/tests/fixtures/baseline/*.yaml
  $root/tests/fixtures/ci/*.yaml $root/tests/cmd/*.in/answers.yaml $root/tests/fixtures/bad/empty.yaml"
# shellcheck disable=SC2086 # the globs are meant to expand
seed answers $answers $root/tests/rules/*.yaml
# shellcheck disable=SC2086
seed pipeline $answers
seed checklist "$root"/checklists/*.yaml "$root"/tests/fixtures/bad/checklist-*.yaml "$root"/tests/fixtures/custom/*.yaml \
    "$root"/tests/hostile/files/checklist-*.yaml
seed config "$root"/tests/fixtures/config/*.toml "$root"/tests/fixtures/bad/config-*.toml "$root"/tests/cmd/*.in/migready.toml \
    "$root"/tests/hostile/files/config-*.toml "$root"/tests/hostile/*.toml "$root"/src/commands/init/migready.toml

# Results files of both tools; the structure-aware targets (*_doc) start from nothing.
seed evidence "$root"/tests/fixtures/evidence/*.json "$root"/tests/hostile/fuzz/evidence-*.json

# One seed per condition: the text after `when:` in every checklist, quotes and all as YAML wrote them.
n=0
grep -h -E '^[[:space:]-]*(when|if|condition):' "$root"/checklists/*.yaml "$root"/tests/fixtures/custom/*.yaml \
    "$root"/tests/fixtures/bad/checklist-*.yaml "$root"/tests/hostile/files/checklist-*.yaml |
    sed -E 's/^[[:space:]-]*(when|if|condition):[[:space:]]*//' | sort -u |
    while IFS= read -r line; do
        n=$((n + 1))
        printf '%s' "$line" > "$corpus/expr/when-$n.txt"
    done
# The functions and facts no built-in condition uses.
printf '%s' 'answered(identity.mfa_coverage) and not unknown(identity.legacy_auth)' > "$corpus/expr/fn-answered.txt"
printf '%s' 'score("identity_security") < 60 or days_to_go_live <= 14.5 or not (identity.mfa_coverage == "none")' > "$corpus/expr/fn-score.txt"
printf '%s' 'count(comms.channels) >= 2 and comms.notice_content in ["dates"]' > "$corpus/expr/fn-count.txt"
printf '%s' "days_until(endpoint.apns_expiry) < 7 and go_live >= '2026-01-01' and escalation.rollback_authority != 'Sam'" > "$corpus/expr/fn-days-until.txt"
echo "seeded: $(for t in answers pipeline checklist config expr evidence; do printf '%s=%s ' "$t" "$(ls "$corpus/$t" | wc -l)"; done)"
