"""CI that is safe to run: zizmor, the static auditor for GitHub Actions (pinned in
requirements.in), finds nothing in .github/, offline; every action is pinned by commit with its
version beside it; one workflow tests every push and pull request and publishes, from main only,
the site its test job built once every test passed, each job with the permissions it needs and
no more; the drift check runs weekly; Dependabot proposes updates weekly; .ci/run runs the
README's test command exactly."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tools.project import PROJECT

GITHUB = PROJECT.root / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<action>[^@\s]+)@(?P<ref>\S+)(?P<comment>.*)$", re.MULTILINE)
SHA = re.compile(r"^[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"^\s+# v\d+\.\d+\.\d+\b")


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def zizmor() -> str:
    found = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
    assert found, "zizmor is not installed; requirements.txt pins it (pip install -r requirements.txt)"
    return found


def test_zizmor_finds_nothing():
    command = [zizmor(), "--offline", "--no-progress", str(GITHUB)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    except OSError as exc:
        pytest.skip(f"the zizmor binary cannot run here: {exc}")
    assert done.returncode == 0 and "No findings to report" in done.stdout + done.stderr, (
        f"zizmor found problems in .github/ (exit status {done.returncode}):\n{done.stdout}\n{done.stderr}")


def test_zizmor_is_the_pinned_one_and_finds_an_unpinned_action(tmp_path):
    """The check can fail: a workflow with an action pinned to a tag is reported."""
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text("on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n",
                   encoding="utf-8")
    try:
        done = subprocess.run([zizmor(), "--offline", "--no-progress", str(bad)], capture_output=True,
                              text=True, timeout=120)
    except OSError as exc:
        pytest.skip(f"the zizmor binary cannot run here: {exc}")
    assert done.returncode != 0 and "unpinned-uses" in done.stdout
    version = subprocess.run([zizmor(), "--version"], capture_output=True, text=True).stdout.split()[-1]
    pinned = re.search(r"^zizmor==(\S+)", (PROJECT.root / "requirements.txt").read_text(), re.MULTILINE)
    assert pinned and version == pinned[1], f"zizmor {version} runs, requirements.txt pins {pinned}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_by_commit_with_their_version(path):
    text = path.read_text(encoding="utf-8")
    uses = list(USES.finditer(text))
    assert uses, f"{path.name} uses no action"
    for m in uses:
        assert SHA.match(m["ref"]), f"{path.name}: {m['action']}@{m['ref']} is not pinned to a full commit"
        assert VERSION_COMMENT.match(m["comment"]), (
            f"{path.name}: {m['action']}@{m['ref']} should say its version in a comment (# vX.Y.Z)")


def test_one_workflow_tests_and_publishes_what_passed():
    workflows = {path.name: load(path) for path in WORKFLOWS}
    assert not any("workflow_run" in (w["on"] or {}) for w in workflows.values()), (
        "publish from the workflow that tests (needs:), not from a workflow_run trigger")
    flow = workflows["tests.yml"]
    assert {"push", "pull_request"} <= set(flow["on"])
    assert flow["permissions"] == {}, "no permission for the whole workflow; each job asks for its own"
    test, deploy = flow["jobs"]["test"], flow["jobs"]["deploy"]
    assert test["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "test"
    main_push = "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert deploy["if"] == main_push
    assert [s.get("uses", "").split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]

    steps = test["steps"]
    names = [s.get("run", s.get("uses", "")) for s in steps]
    ci = names.index("bash .ci/run")
    build = next(i for i, s in enumerate(steps) if "mkdocs build --strict" in s.get("run", ""))
    upload = next(i for i, s in enumerate(steps)
                  if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert ci < build < upload, "the site is built and uploaded after the tests, in the job that ran them"
    assert steps[build]["if"] == steps[upload]["if"] == main_push
    assert not any("always()" in str(steps[i].get("if", "")) for i in (build, upload))
    checkout = steps[0]
    assert checkout["uses"].startswith("actions/checkout@") and "ref" not in checkout["with"], (
        "the test job checks out the commit the workflow runs for, and builds the site from it")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkouts_keep_no_credentials(path):
    for job in load(path)["jobs"].values():
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, f"{path.name}: {step}"


def test_drift_runs_weekly_against_the_newest_cpu_pytorch():
    flow = load(GITHUB / "workflows" / "drift.yml")
    assert "workflow_dispatch" in flow["on"] and flow["on"]["schedule"]
    (job,) = flow["jobs"].values()
    runs = "\n".join(s.get("run", "") for s in job["steps"])
    assert "--index-url https://download.pytorch.org/whl/cpu torch" in runs
    assert "python -m tools drift --report drift-report.md" in runs
    assert any(s.get("uses", "").startswith("actions/upload-artifact@")
               and s["with"]["path"] == "drift-report.md" for s in job["steps"])


def test_dependabot_proposes_weekly_for_pip_actions_and_npm():
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    weekly = {(u["package-ecosystem"], u["directory"]) for u in config["updates"]
              if u["schedule"]["interval"] == "weekly"}
    assert weekly >= {("pip", "/"), ("github-actions", "/"), ("npm", "/")}
    assert (PROJECT.root / "package-lock.json").exists() and (PROJECT.root / "requirements.in").exists()


def test_ci_runs_the_readmes_test_command_exactly():
    readme = (PROJECT.root / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```shell\n(.+?)\n```", readme)
    test_command = next(c for c in commands if c.endswith("-m pytest"))
    lines = (PROJECT.root / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in lines, f".ci/run should run the README's test command: {test_command}"
