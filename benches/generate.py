#!/usr/bin/env python3
"""Generates inputs for the benchmarks: a stress catalogue with its answers, and a portfolio.

  benches/generate.py stress --questions 9000 --rules 5000 OUT
      OUT/checklists/stress-NN.yaml (1,000 questions each) and OUT/answers.yaml answering every
      question: checklists as large as the limits allow, conditions on a tenth of the questions.
  benches/generate.py portfolio --count 1000 OUT
      OUT/client-NNNN/answers.yaml: assessments of the built-in checklists with varied answers,
      some unanswered, for `migready portfolio`. Needs the binary (MIGREADY, default
      target/release/migready) to read the catalogue.

The output depends only on the arguments (a fixed seed), so runs can be compared.
"""

import argparse
import json
import os
import random
import subprocess
import sys

PRIORITIES = [
    "identity_security",
    "stakeholder_alignment",
    "user_communication",
    "dependency_mapping",
    "escalation_ownership",
    "business_continuity",
    "post_go_live",
    "documentation_governance",
]
PER_FILE = 1000
META = """meta:
  organisation: {organisation}
  project: Mail and files to Microsoft 365
  go_live: {go_live}
  assessed_by: Benchmark generator
  assessed_on: 2026-11-20
"""


def quoted(text):
    return json.dumps(text)


def stress(questions, rules, out):
    rng = random.Random(42)
    os.makedirs(os.path.join(out, "checklists"), exist_ok=True)
    files = max(1, -(-questions // PER_FILE))
    kinds = {}
    answers = []
    rules_per_file = [rules // files + (1 if i < rules % files else 0) for i in range(files)]
    for f in range(files):
        cid = f"stress-{f + 1:02d}"
        count = min(PER_FILE, questions - f * PER_FILE)
        lines = [
            f"id: {cid}",
            f"title: Stress checklist {f + 1}",
            "description: Generated for the benchmarks.",
            "questions:",
        ]
        for q in range(count):
            qid = f"q{q:04d}"
            full = f"{cid}.{qid}"
            kind = ("yes_no", "choice", "number")[q % 3]
            kinds[full] = kind
            lines += [
                f"  - id: {qid}",
                f"    prompt: Generated question {q} of {cid}?",
                "    help: Generated help text, long enough to look like the real thing in size.",
                f"    type: {kind}",
            ]
            if kind == "yes_no":
                lines.append("    partial: true")
            elif kind == "choice":
                lines += [
                    "    options:",
                    '      - { value: good, label: "Good", score: 1.0 }',
                    '      - { value: fair, label: "Fair", score: 0.5 }',
                    '      - { value: poor, label: "Poor", score: 0.0 }',
                ]
            else:
                lines += [
                    "    min: 0",
                    "    max: 100",
                    "    bands:",
                    "      - { min: 80, score: 1.0 }",
                    "      - { min: 50, score: 0.5 }",
                    "      - { min: 0, score: 0.0 }",
                ]
            lines += [
                f"    weight: {1 + q % 5}",
                f"    priorities: [{PRIORITIES[q % 8]}, {PRIORITIES[(q + 3) % 8]}]",
            ]
            if q % 10 == 9:
                # A follow-up: asked when the previous (choice or number) answer is not the best.
                prev = f"{cid}.q{q - 1:04d}"
                cond = (
                    f'{prev} != "good"'
                    if kinds[prev] == "choice"
                    else (f"{prev} < 80" if kinds[prev] == "number" else prev)
                )
                lines.append(f"    when: {quoted(cond)}")
        lines.append("rules:")
        for r in range(rules_per_file[f]):
            a = f"{cid}.q{rng.randrange(count):04d}"
            b = f"{cid}.q{rng.randrange(count):04d}"

            def test(qid):
                kind = kinds[qid]
                if kind == "yes_no":
                    return f'{qid} == "no"'
                if kind == "choice":
                    return f'{qid} in ["fair", "poor"]'
                return f"{qid} < {rng.randrange(20, 90)}"

            when = f"{test(a)} and ({test(b)} or unknown({b}))"
            lines += [
                f"  - id: S{chr(65 + f)}-{r + 1:04d}",
                f"    when: {quoted(when)}",
                f"    severity: {('critical', 'high', 'medium', 'low')[r % 4]}",
                f"    blocker: {'true' if r % 97 == 0 else 'false'}",
                f"    priorities: [{PRIORITIES[r % 8]}]",
                f"    title: Generated rule {r + 1} of {cid}",
                "    risk: What goes wrong when this rule fires, in a sentence or two.",
                "    remediation: |",
                "      1. The first step.",
                "      2. The second step.",
                "    owner: IT lead",
            ]
        with open(os.path.join(out, "checklists", f"{cid}.yaml"), "w") as fh:
            fh.write("\n".join(lines) + "\n")
        for q in range(count):
            full = f"{cid}.q{q:04d}"
            kind = kinds[full]
            if kind == "yes_no":
                value = rng.choice(["yes", "yes", "partial", "no"])
            elif kind == "choice":
                value = rng.choice(["good", "good", "fair", "poor"])
            else:
                value = str(rng.randrange(0, 101))
            answers.append(f"  {full}: {value}")
    with open(os.path.join(out, "answers.yaml"), "w") as fh:
        fh.write(META.format(organisation="Stress Test Ltd", go_live="2028-03-01"))
        fh.write("answers:\n" + "\n".join(answers) + "\n")
    print(f"{out}: {questions} questions and {rules} rules in {files} checklists, {len(answers)} answers")


def portfolio(count, out):
    binary = os.environ.get("MIGREADY", "target/release/migready")
    listing = subprocess.run(
        [binary, "explain", "--list", "--format", "json"], check=True, capture_output=True, text=True
    )
    questions = json.loads(listing.stdout)["questions"]
    rng = random.Random(7)
    for i in range(count):
        # Better-prepared clients answer more questions, and answer them better.
        care = rng.random()
        lines = []
        for q in questions:
            if rng.random() > 0.6 + 0.4 * care:
                continue
            kind = q["type"]
            if kind == "choice":
                options = q["options"]
                pick = options[0] if rng.random() < care else rng.choice(options)
                value = pick["value"]
            elif kind == "multi":
                picked = [o["value"] for o in q["options"] if rng.random() < 0.3 + 0.6 * care]
                value = "[" + ", ".join(picked) + "]"
            elif kind == "yes_no":
                value = "yes" if rng.random() < care else rng.choice(["no", "yes"])
            elif kind == "number":
                low = q.get("min") or 0
                high = q.get("max") or 100
                value = str(int(low + (high - low) * rng.random()))
            elif kind == "date":
                value = f"2028-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
            else:
                value = quoted(f"Person {i}-{rng.randrange(100)}, IT lead")
            lines.append(f"  {q['id']}: {value}")
        folder = os.path.join(out, f"client-{i + 1:04d}")
        os.makedirs(folder, exist_ok=True)
        go_live = f"2028-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        with open(os.path.join(folder, "answers.yaml"), "w") as fh:
            fh.write(META.format(organisation=f"Client {i + 1:04d}", go_live=go_live))
            fh.write("answers:\n" + "\n".join(lines) + "\n")
    print(f"{out}: {count} assessments")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    s = sub.add_parser("stress")
    s.add_argument("--questions", type=int, default=9000)
    s.add_argument("--rules", type=int, default=5000)
    s.add_argument("out")
    p = sub.add_parser("portfolio")
    p.add_argument("--count", type=int, default=1000)
    p.add_argument("out")
    args = parser.parse_args()
    if args.what == "stress":
        stress(args.questions, args.rules, args.out)
    else:
        portfolio(args.count, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
