"""Runs actionlint on action.yml, the repository's workflows and every workflow under examples/ci/.

actionlint reads workflows, not action metadata: it checks action.yml's inputs and outputs only where a
workflow uses it (`uses: ./` in .github/workflows/action.yml). So the composite action's steps are also
copied into a workflow of their own, with the action's inputs as workflow_call inputs, and linted there:
that checks their expressions, the actions they use and, through shellcheck, their scripts.
"""

import pathlib
import subprocess
import sys
import tempfile

import yaml


def action_as_workflow(action):
    inputs = {name: {"type": "string", "required": False, "default": spec.get("default", "")}
              for name, spec in action["inputs"].items()}
    return {
        "name": "action.yml steps",
        "on": {"workflow_call": {"inputs": inputs}},
        "jobs": {"action": {"runs-on": "ubuntu-latest", "steps": action["runs"]["steps"]}},
    }


def main():
    root = pathlib.Path(__file__).resolve().parent.parent
    action = yaml.safe_load((root / "action.yml").read_text())
    candidates = sorted((root / "examples/ci").glob("*.y*ml")) + sorted((root / ".github/workflows").glob("*.y*ml"))
    # A GitHub workflow has jobs at the top; examples/ci also holds other CI systems' files.
    files = [str(p.relative_to(root)) for p in candidates if "jobs" in (yaml.safe_load(p.read_text()) or {})]
    status = subprocess.run(["actionlint", *files], cwd=root).returncode
    with tempfile.TemporaryDirectory() as tmp:
        generated = pathlib.Path(tmp) / "action-steps.yml"
        generated.write_text(yaml.safe_dump(action_as_workflow(action), sort_keys=False))
        steps = subprocess.run(["actionlint", "-stdin-filename", "action.yml (its steps as a workflow)", "-"],
                               input=generated.read_text(), text=True, cwd=root).returncode
    print(f"actionlint: {len(files)} workflows and action.yml checked")
    return status or steps


if __name__ == "__main__":
    sys.exit(main())
