"""Checks on the GitHub Actions workflows and Dependabot configuration.

Two layers:

* zizmor (a static analyser for GitHub Actions) must report no finding of
  medium severity or higher;
* our own rules, read straight from the YAML: actions pinned to full commit
  SHAs with a version comment, no persisted checkout credentials,
  least-privilege permissions, the Pages deployment wiring, and so on.

Two workflows deploy to GitHub Pages: CI on each push to main, once the whole
suite has passed, and the daily rebuild, which alone has a schedule and runs
the build's own checks only (never a browser test), so that a flaky test
cannot keep the day's dates off the site, and GitHub disabling the schedule
cannot stop deployment on push. The review reminder is one reusable workflow
that both call.

A few tests feed deliberately bad input to the same checks, so that a check
which could never fail would itself be caught.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from tools.release import with_version

REPO_ROOT = Path(__file__).resolve().parents[2]
GITHUB_DIR = REPO_ROOT / ".github"
WORKFLOWS_DIR = GITHUB_DIR / "workflows"
CI = WORKFLOWS_DIR / "ci.yml"
DAILY = WORKFLOWS_DIR / "daily.yml"
REVIEW = WORKFLOWS_DIR / "review-reminder.yml"
RELEASE = WORKFLOWS_DIR / "release.yml"
DEPENDABOT = GITHUB_DIR / "dependabot.yml"

# zizmor is installed in the same virtualenv as the Python running the tests.
ZIZMOR = Path(sys.executable).parent / "zizmor"
BLOCKING_SEVERITIES = {"medium", "high"}

# `uses: owner/repo[/path]@<40 hex> # vX.Y.Z`
PINNED_USES = re.compile(
    r"^(?P<action>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(?:/[^@\s]+)?)"
    r"@(?P<sha>[0-9a-f]{40})$"
)
VERSION_COMMENT = re.compile(r"^#\s*(?P<version>v\d+\.\d+\.\d+)\s*$")
RAW_USES_LINE = re.compile(
    r"""^\s*(?:-\s+)?["']?uses["']?\s*:\s*["']?(?P<ref>[^\s"'#]+)["']?\s*(?P<rest>.*)$"""
)


# --------------------------------------------------------------------------
# helpers


def workflow_files() -> list[Path]:
    return sorted([*WORKFLOWS_DIR.glob("*.yml"), *WORKFLOWS_DIR.glob("*.yaml")])


def load_yaml(path: Path) -> dict:
    with path.open(encoding="utf-8") as fh:
        doc = yaml.safe_load(fh)
    assert isinstance(doc, dict), f"{path} is not a YAML mapping"
    return doc


def triggers(workflow: dict) -> dict:
    """The workflow's `on:` block. PyYAML (YAML 1.1) reads the key `on` as True."""
    on = workflow.get("on", workflow.get(True))
    assert on is not None, "workflow has no `on:` triggers"
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return {name: None for name in on}
    return on


def iter_steps(workflow: dict):
    for job_id, job in (workflow.get("jobs") or {}).items():
        for step in job.get("steps") or []:
            yield job_id, step


def all_uses(workflow: dict) -> list[str]:
    """Every `uses:` value: step actions and job-level reusable workflows."""
    found = []
    for job in (workflow.get("jobs") or {}).values():
        if "uses" in job:
            found.append(job["uses"])
        for step in job.get("steps") or []:
            if "uses" in step:
                found.append(step["uses"])
    return found


def raw_uses_lines(text: str) -> list[tuple[int, str, str]]:
    """(line number, ref, rest-of-line) for each `uses:` line in the raw text.

    Comments are lost by the YAML parser, so the version comment must be read
    from the text itself.
    """
    out = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        m = RAW_USES_LINE.match(line)
        if m:
            out.append((lineno, m["ref"], m["rest"].strip()))
    return out


def pinning_problems(path_name: str, text: str, parsed_uses: list[str]) -> list[str]:
    """Every non-local `uses:` must be `owner/repo@<sha40> # vX.Y.Z`."""
    problems = []
    raw = raw_uses_lines(text)
    if sorted(r for _, r, _ in raw) != sorted(parsed_uses):
        problems.append(
            f"{path_name}: could not match every `uses:` in the YAML to a line "
            f"of text (parsed {sorted(parsed_uses)}, text {sorted(r for _, r, _ in raw)}); "
            "write each `uses:` on its own line"
        )
    for lineno, ref, rest in raw:
        if ref.startswith("./"):
            continue  # local action or reusable workflow in this repository
        where = f"{path_name}:{lineno}: uses: {ref} {rest}".rstrip()
        if not PINNED_USES.match(ref):
            problems.append(f"{where}\n    -> not pinned to a full 40-character commit SHA")
        if not VERSION_COMMENT.match(rest):
            problems.append(f"{where}\n    -> needs a trailing `# vX.Y.Z` version comment")
    return problems


def run_zizmor(target: Path, cwd: Path) -> tuple[subprocess.CompletedProcess, list[dict]]:
    if not ZIZMOR.exists():
        pytest.fail(f"zizmor not found at {ZIZMOR}; install the requirements into this venv")
    proc = subprocess.run(
        [
            str(ZIZMOR),
            "--offline",
            "--no-progress",
            "--min-severity",
            "medium",
            "--format",
            "json",
            str(target),
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )
    try:
        findings = json.loads(proc.stdout or "[]")
    except json.JSONDecodeError:
        pytest.fail(
            f"zizmor did not emit JSON (exit {proc.returncode}):\n"
            f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
        )
    return proc, findings


def blocking(findings: list[dict]) -> list[dict]:
    return [
        f
        for f in findings
        if str(f.get("determinations", {}).get("severity", "")).lower() in BLOCKING_SEVERITIES
    ]


def describe(findings: list[dict]) -> str:
    lines = []
    for f in findings:
        det = f.get("determinations", {})
        lines.append(f"- {f.get('ident')} [{det.get('severity')}/{det.get('confidence')}]: {f.get('desc')}")
        for loc in f.get("locations", []):
            sym = loc.get("symbolic", {})
            conc = loc.get("concrete", {})
            path = sym.get("key", {}).get("Local", {}).get("verbatim_path", "?")
            row = conc.get("location", {}).get("start_point", {}).get("row")
            line = "?" if row is None else row + 1
            lines.append(
                f"    {path}:{line}: {conc.get('feature', '').strip()}  ({sym.get('annotation', '')})"
            )
    return "\n".join(lines)


# --------------------------------------------------------------------------
# files exist


def test_expected_files_exist():
    for path in (CI, DAILY, REVIEW, RELEASE, DEPENDABOT):
        assert path.is_file(), f"missing {path.relative_to(REPO_ROOT)}"


# --------------------------------------------------------------------------
# zizmor


def test_zizmor_reports_no_medium_or_high_findings():
    proc, findings = run_zizmor(Path(".github"), cwd=REPO_ROOT)
    bad = blocking(findings)
    assert not bad, (
        f"zizmor reported {len(bad)} finding(s) of medium or higher severity:\n"
        f"{describe(bad)}\n\nstderr:\n{proc.stderr}"
    )
    assert proc.returncode == 0, (
        f"zizmor exited {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    )


def test_zizmor_check_catches_a_bad_workflow(tmp_path):
    """The zizmor test above must be able to fail."""
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    (wf / "bad.yml").write_text(
        "on:\n"
        "  workflow_dispatch:\n"
        "    inputs:\n"
        "      v: {type: string}\n"
        "jobs:\n"
        "  x:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - uses: actions/checkout@v4\n"
        '      - run: echo "${{ inputs.v }}"\n',
        encoding="utf-8",
    )
    proc, findings = run_zizmor(Path(".github"), cwd=tmp_path)
    idents = {f["ident"] for f in blocking(findings)}
    assert proc.returncode != 0
    assert {"template-injection", "unpinned-uses", "artipacked"} <= idents, describe(findings)


# --------------------------------------------------------------------------
# pinning


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_sha_with_version_comment(path):
    text = path.read_text(encoding="utf-8")
    uses = all_uses(load_yaml(path))
    problems = pinning_problems(path.name, text, uses)
    assert not problems, "\n".join(problems)


def test_same_sha_always_carries_the_same_version_comment():
    seen: dict[tuple[str, str], set[str]] = {}
    for path in workflow_files():
        for _, ref, rest in raw_uses_lines(path.read_text(encoding="utf-8")):
            m, v = PINNED_USES.match(ref), VERSION_COMMENT.match(rest)
            if m and v:
                seen.setdefault((m["action"], m["sha"]), set()).add(v["version"])
    inconsistent = {k: v for k, v in seen.items() if len(v) > 1}
    assert not inconsistent, f"one SHA labelled with several versions: {inconsistent}"
    by_action: dict[str, set[str]] = {}
    for action, sha in seen:
        by_action.setdefault(action, set()).add(sha)
    mixed = {a: s for a, s in by_action.items() if len(s) > 1}
    assert not mixed, f"the same action is pinned to different SHAs: {mixed}"


@pytest.mark.parametrize(
    "line",
    [
        "      - uses: actions/checkout@v7.0.1",
        "      - uses: actions/checkout@v7",
        "      - uses: actions/checkout@main",
        "      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1",
        "      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7",
        "      - uses: actions/checkout@3d3c42e # v7.0.1",
    ],
)
def test_pinning_check_rejects_unpinned_or_uncommented_uses(line):
    """The pinning test above must be able to fail."""
    ref = RAW_USES_LINE.match(line)["ref"]
    assert pinning_problems("example.yml", line + "\n", [ref])


def test_pinning_check_accepts_a_pinned_use():
    line = "      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1"
    ref = RAW_USES_LINE.match(line)["ref"]
    assert pinning_problems("example.yml", line + "\n", [ref]) == []


# --------------------------------------------------------------------------
# credentials, permissions, timeouts, injection


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_checkout_never_persists_credentials(path):
    wf = load_yaml(path)
    checkouts = [
        (job_id, step) for job_id, step in iter_steps(wf)
        if str(step.get("uses", "")).startswith("actions/checkout@")
    ]
    for job_id, step in checkouts:
        value = (step.get("with") or {}).get("persist-credentials")
        assert value is False, (
            f"{path.name}: job {job_id!r}: actions/checkout must set "
            f"`persist-credentials: false` (got {value!r})"
        )


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_permissions_are_empty_at_top_level_and_declared_per_job(path):
    wf = load_yaml(path)
    assert "permissions" in wf, f"{path.name}: top-level `permissions: {{}}` is missing"
    assert wf["permissions"] == {}, (
        f"{path.name}: top-level permissions must be empty, got {wf['permissions']!r}"
    )
    for job_id, job in wf["jobs"].items():
        assert "permissions" in job, f"{path.name}: job {job_id!r} declares no permissions"
        perms = job["permissions"]
        assert isinstance(perms, dict), (
            f"{path.name}: job {job_id!r} permissions must be an explicit mapping, got {perms!r}"
        )


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_every_job_has_a_timeout(path):
    wf = load_yaml(path)
    for job_id, job in wf["jobs"].items():
        if "uses" in job:
            continue  # reusable-workflow calls cannot set timeout-minutes
        t = job.get("timeout-minutes")
        assert isinstance(t, int) and 0 < t <= 60, (
            f"{path.name}: job {job_id!r} needs a timeout-minutes between 1 and 60 (got {t!r})"
        )


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_no_expressions_inside_run_scripts(path):
    """Values reach shell scripts through `env:`, never `${{ }}` in `run:`."""
    wf = load_yaml(path)
    for job_id, step in iter_steps(wf):
        script = step.get("run")
        if script is not None:
            assert "${{" not in script, (
                f"{path.name}: job {job_id!r} step {step.get('name')!r} interpolates an "
                f"expression into `run:`; pass it through `env:` instead"
            )


# --------------------------------------------------------------------------
# ci.yml


def test_ci_triggers_on_pull_request_and_push_to_main():
    on = triggers(load_yaml(CI))
    assert "pull_request" in on
    assert "push" in on
    push = on["push"] or {}
    assert "main" in (push.get("branches") or []), f"push must include branch main: {push!r}"
    assert "workflow_dispatch" in on


def test_only_the_daily_rebuild_has_a_schedule():
    """GitHub disables a workflow with a schedule after 60 days without activity, with all its
    triggers: CI, which deploys each push, must have none, so that deployment never stops with it."""
    scheduled = [path.name for path in workflow_files() if "schedule" in triggers(load_yaml(path))]
    assert scheduled == [DAILY.name], scheduled


def test_ci_test_job_runs_make_test_and_make_build():
    jobs = load_yaml(CI)["jobs"]
    assert "test" in jobs
    test = jobs["test"]
    assert test["permissions"] == {"contents": "read"}
    runs = [s.get("run", "") for s in test["steps"]]
    assert any(re.search(r"\bmake test\b", r) for r in runs), runs
    assert any(re.search(r"\bmake build\b", r) for r in runs), runs
    uses = [s.get("uses", "") for s in test["steps"]]
    assert any(u.startswith("actions/setup-python@") for u in uses)
    setup = next(s for s in test["steps"] if s.get("uses", "").startswith("actions/setup-python@"))
    assert str(setup["with"]["python-version"]) == "3.11"


def test_ci_does_not_apt_install_chromium():
    """Ubuntu's chromium package is a snap; the Makefile installs Playwright's browser."""
    for job_id, step in iter_steps(load_yaml(CI)):
        script = step.get("run") or ""
        assert not re.search(r"apt(-get)?\s+install[^\n]*chromium", script), (
            f"job {job_id!r} apt-installs chromium"
        )


def _only_on_push_to_main(job: dict) -> bool:
    """On a push to main only: never for a pull request, by hand, or on a schedule."""
    cond = str(job.get("if", ""))
    return (
        "github.event_name == 'push'" in cond
        and "github.ref == 'refs/heads/main'" in cond
        and "&&" in cond
        and "||" not in cond
        and "pull_request" not in cond
        and "schedule" not in cond
    )


PAGES_CONCURRENCY = {"group": "pages", "cancel-in-progress": False}


def assert_deploys_to_pages(wf: dict, build_id: str = "build-pages", deploy_id: str = "deploy") -> tuple[dict, dict]:
    """A build job that uploads site/ with read-only permissions, then a deploy job with only
    what deploy-pages needs, in the one `pages` concurrency group. The two jobs, for more checks."""
    jobs = wf["jobs"]
    assert build_id in jobs and deploy_id in jobs

    build = jobs[build_id]
    assert build["permissions"].get("contents") == "read"
    assert not any(v == "write" for v in build["permissions"].values()), build["permissions"]
    checkout = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0, f"{build_id} needs full history for SOURCE_DATE_EPOCH"
    build_runs = [s.get("run", "") for s in build["steps"]]
    assert any(re.search(r"\bmake build\b", r) for r in build_runs)
    build_uses = [s.get("uses", "").split("@")[0] for s in build["steps"]]
    assert "actions/configure-pages" in build_uses
    assert "actions/upload-pages-artifact" in build_uses
    upload = next(
        s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@")
    )
    assert upload["with"]["path"] == "site"

    deploy = jobs[deploy_id]
    assert deploy["needs"] in (build_id, [build_id])
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    env = deploy["environment"]
    assert env["name"] == "github-pages"
    deploy_steps = deploy["steps"]
    deploy_step = next(s for s in deploy_steps if s.get("uses", "").startswith("actions/deploy-pages@"))
    assert env["url"] == "${{ steps." + deploy_step["id"] + ".outputs.page_url }}"
    assert deploy.get("concurrency") == PAGES_CONCURRENCY, deploy.get("concurrency")
    return build, deploy


def test_ci_deploys_to_github_pages_on_push_to_main():
    build, deploy = assert_deploys_to_pages(load_yaml(CI))
    assert build["needs"] in ("test", ["test"]), "a push is deployed once the whole suite has passed"
    assert _only_on_push_to_main(build), build.get("if")
    assert _only_on_push_to_main(deploy), deploy.get("if")


def test_every_pages_deployment_shares_one_concurrency_group():
    """CI's deployment and the daily rebuild's never overlap, and neither is cancelled part-way:
    one group, `pages`, for both (a concurrency group spans every workflow of the repository)."""
    deployers = {}
    for path in workflow_files():
        for job_id, job in load_yaml(path)["jobs"].items():
            deploys = any(str(s.get("uses", "")).startswith("actions/deploy-pages@") for s in job.get("steps") or [])
            if deploys or (job.get("permissions") or {}).get("pages") == "write":
                deployers[f"{path.name}: {job_id}"] = job.get("concurrency")
    assert set(deployers) == {"ci.yml: deploy", "daily.yml: deploy"}, deployers
    for where, concurrency in deployers.items():
        assert concurrency == PAGES_CONCURRENCY, f"{where}: {concurrency!r}"


# --------------------------------------------------------------------------
# daily.yml: the daily rebuild


def step_named(job: dict, words: str) -> dict:
    return next(s for s in job["steps"] if words in s.get("name", ""))


def fake_commands(folder: Path, **scripts: str) -> dict[str, str]:
    """An environment whose PATH finds these commands first: each a bash script."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in scripts.items():
        path = folder / name
        path.write_text("#!/usr/bin/env bash\n" + body, encoding="utf-8")
        path.chmod(0o755)
    return {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}


def run_step(step: dict, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    """A step's script as GitHub runs it (`bash -e`), with its `env:` made concrete by the caller."""
    return subprocess.run(["bash", "-e", "-c", step["run"]], env=env, cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def uk_today() -> str:
    return dt.datetime.now(ZoneInfo("Europe/London")).date().isoformat()


# What the daily rebuild may run with make: the strict build and the build's own checks on it,
# and (in the review reminder) the virtualenv's setup. Never `make test`, nor `make bench`.
DAILY_MAKE_TARGETS = {"build", "check-site", ".venv/.installed"}
# No test suite, no browser: the checks it runs are `make check-site`'s.
SUITE_OR_BROWSER = re.compile(
    r"\b(?:pytest|playwright|chromium|chrome|lighthouse|npm|npx|tools\.browser)\b", re.IGNORECASE
)
COMMAND_SEPARATORS = re.compile(r"&&|\|\||[;|`(]|\$\(")


def make_targets(script: str) -> list[str]:
    """The targets of every `make` the script runs (options and VAR=value left out)."""
    targets = []
    for line in script.replace("\\\n", " ").splitlines():
        line = re.sub(r"(^|\s)#.*", "", line)  # a shell comment
        for command in COMMAND_SEPARATORS.split(line):
            words = command.split()
            while words and "=" in words[0] and not words[0].startswith("-"):
                words = words[1:]  # VAR=value before the command
            if words and (words[0] == "make" or words[0].endswith("/make")):
                targets += [w for w in words[1:] if not w.startswith("-") and "=" not in w]
    return targets


def scripts_run(workflow: dict, where: str = "") -> list[tuple[str, str]]:
    """(job, script) for every `run:` of the workflow, and of the local workflows its jobs call."""
    found = []
    for job_id, job in (workflow.get("jobs") or {}).items():
        called = str(job.get("uses", ""))
        if called.startswith("./"):
            found += scripts_run(load_yaml(REPO_ROOT / called), f"{where}{job_id} -> ")
        for step in job.get("steps") or []:
            if "run" in step:
                found.append((f"{where}{job_id}", step["run"]))
    return found


def daily_problems(workflow: dict) -> list[str]:
    """What would make the daily rebuild more than the build and the build's own checks."""
    problems = []
    for job, script in scripts_run(workflow):
        for target in make_targets(script):
            if target not in DAILY_MAKE_TARGETS:
                problems.append(f"job {job!r} runs `make {target}`: the daily rebuild runs only "
                                f"`make build` and `make check-site` (CI ran the whole suite on the push)")
        for found in SUITE_OR_BROWSER.finditer(script):
            problems.append(f"job {job!r} runs {found.group()!r}: no test suite and no browser in the daily rebuild")
    return problems


def test_the_daily_rebuild_runs_early_in_the_uk_morning_and_by_hand():
    text = DAILY.read_text(encoding="utf-8")
    on = triggers(load_yaml(DAILY))
    assert set(on) == {"schedule", "workflow_dispatch"}, (
        f"the daily rebuild runs on its schedule and by hand only (CI deploys pushes): {sorted(on)}"
    )
    (entry,) = on["schedule"]
    minute, hour, day, month, weekday = entry["cron"].split()
    assert (day, month, weekday) == ("*", "*", "*"), "the rebuild must run every day"
    assert minute != "0", "off the hour, when GitHub's scheduled runs are busiest"
    for offset in (0, 1):  # GMT in winter, BST in summer: the cron is in UTC
        assert 4 <= int(hour) + offset < 7, f"{entry['cron']} is not early morning UK time"
    before = text.split("  schedule:")[0].rstrip().splitlines()
    assert before[-1].strip().startswith("#") and "review" in " ".join(before[-4:]), (
        "say why the site rebuilds daily"
    )


def test_the_daily_rebuild_builds_mains_last_commit_checks_it_and_deploys_it():
    wf = load_yaml(DAILY)
    build, _ = assert_deploys_to_pages(wf)
    assert "needs" not in build, "the daily rebuild waits for no test"
    assert build["if"] == "github.ref == 'refs/heads/main'", build.get("if")
    checkout = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["ref"] == "main"
    # The strict build, then its checks, then the upload: a failed check publishes nothing.
    position = {}
    for place, step in enumerate(build["steps"]):
        for target in make_targets(step.get("run", "")):
            position.setdefault(target, place)
        if step.get("uses", "").startswith("actions/upload-pages-artifact@"):
            position["upload"] = place
    assert position.get("build", 99) < position.get("check-site", -1) < position["upload"], position
    assert wf["concurrency"]["cancel-in-progress"] is False


def test_the_daily_rebuild_runs_the_build_and_its_checks_only():
    """No browser test and no `make test`: a flaky test must not keep today's dates off the site."""
    wf = load_yaml(DAILY)
    problems = daily_problems(wf)
    assert not problems, "\n".join(problems)
    targets = [target for job, script in scripts_run(wf) if job == "build-pages" for target in make_targets(script)]
    assert targets == ["build", "check-site"], targets


@pytest.mark.parametrize(
    "script",
    [
        "make test",
        "make -s --no-print-directory test",
        "SCHOOL_DATA=tests/fixtures/oakfield.yml make test",
        "make build test",
        "make build && make test",
        "echo start; make bench",
        "/usr/bin/make test",
        ".venv/bin/python -m pytest tests/browser",
        ".venv/bin/python -m playwright install chromium",
        "npx lighthouse http://127.0.0.1:8000/",
    ],
)
def test_the_daily_check_catches_a_test_suite_or_a_browser(script):
    """The test above must be able to fail: the same workflow with one step more."""
    wf = load_yaml(DAILY)
    wf["jobs"]["build-pages"]["steps"].append({"name": "Planted", "run": script})
    assert daily_problems(wf), script


def test_the_daily_check_follows_a_called_workflow():
    wf = load_yaml(DAILY)
    wf["jobs"]["suite"] = {"uses": "./.github/workflows/ci.yml", "permissions": {"contents": "read"}}
    assert any("suite -> test" in problem and "make test" in problem for problem in daily_problems(wf))


@pytest.mark.parametrize("path", [CI, DAILY], ids=lambda p: p.name)
def test_a_published_build_names_its_uk_day(tmp_path, path):
    """The build date is the UK day, passed to `make build` explicitly, so a rebuild of the
    same commit on the same day is byte-identical."""
    build = load_yaml(path)["jobs"]["build-pages"]
    step = next(s for s in build["steps"] if re.search(r"\bmake build\b", s.get("run", "")))
    seen = tmp_path / "build-date"
    env = fake_commands(tmp_path / "bin", make=f'echo "$BUILD_DATE" > "{seen}"\n')
    env.pop("BUILD_DATE", None)
    done = run_step(step, {**env, "TZ": "Pacific/Kiritimati"}, tmp_path)
    assert done.returncode == 0, done.stderr
    assert seen.read_text(encoding="utf-8").strip() == uk_today()


# --------------------------------------------------------------------------
# review-reminder.yml: the review issue, each morning and after each push to main

REVIEW_JOB = "review-reminder"
REVIEW_CALL = "./.github/workflows/review-reminder.yml"


def review_job() -> dict:
    return load_yaml(REVIEW)["jobs"][REVIEW_JOB]


def test_only_the_review_job_may_write_issues():
    for path in workflow_files():
        for job_id, job in load_yaml(path)["jobs"].items():
            if (path, job_id) != (REVIEW, REVIEW_JOB) and job.get("uses") != REVIEW_CALL:
                assert "issues" not in job["permissions"], f"{path.name}: job {job_id!r} touches issues"
    assert review_job()["permissions"] == {"contents": "read", "issues": "write"}


def test_the_review_reminder_runs_each_morning_and_after_each_push_to_main():
    """One reusable workflow, called by the daily rebuild (a review falls due by the calendar) and
    by CI after each push to main (a release just merged closes the issue at once, and goes on doing
    so if GitHub disables the schedule)."""
    assert set(triggers(load_yaml(REVIEW))) == {"workflow_call"}
    callers = {path.name: job for path in workflow_files() for job in load_yaml(path)["jobs"].values()
               if job.get("uses") == REVIEW_CALL}
    assert set(callers) == {CI.name, DAILY.name}, sorted(callers)
    assert _only_on_push_to_main(callers[CI.name]), callers[CI.name].get("if")
    assert callers[DAILY.name]["if"] == "github.ref == 'refs/heads/main'"
    for job in callers.values():
        assert job["permissions"] == {"contents": "read", "issues": "write"}
        assert "needs" not in job, "the reminder must not wait for the tests or the deployment"


def test_the_review_job_runs_one_at_a_time():
    review = review_job()
    assert review["concurrency"] == {"group": "review-reminder", "cancel-in-progress": False}
    for path in (CI, DAILY):  # a called workflow's group must not be its caller's
        assert review["concurrency"]["group"] != load_yaml(path)["concurrency"]["group"]
    decide = step_named(review, "whether a review is due")
    assert re.search(r'python -m tools\.review --today "\$\(TZ=Europe/London date \+%F\)"', decide["run"])
    assert '>> "$GITHUB_OUTPUT"' in decide["run"]
    act = step_named(review, "review issue")
    assert act["env"]["GH_TOKEN"] == "${{ github.token }}"
    for name in ("status", "title", "label"):
        assert act["env"][name.upper()] == "${{ steps." + decide["id"] + ".outputs." + name + " }}"


FAKE_GH = """\
printf '%s\\n' "$*" >> "$GH_LOG"
if [[ "$1 $2" == "issue list" ]]; then echo "$FAKE_OPEN_ISSUE"; fi
"""


def issue_calls(tmp_path: Path, status: str, open_issue: str) -> list[str]:
    """The `gh` commands the review issue step runs for a status, an open issue (number) or none."""
    step = step_named(review_job(), "review issue")
    log = tmp_path / "gh.log"
    log.unlink(missing_ok=True)
    (tmp_path / "review-issue.md").write_text("The text\n", encoding="utf-8")
    env = fake_commands(tmp_path / "bin", gh=FAKE_GH)
    env.update({"GH_LOG": str(log), "FAKE_OPEN_ISSUE": open_issue, "RUNNER_TEMP": str(tmp_path),
                "GITHUB_REPOSITORY": "school/guidance", "GH_TOKEN": "token",
                "STATUS": status, "TITLE": f"Review {status}", "LABEL": "review-due"})
    done = run_step(step, env, tmp_path)
    assert done.returncode == 0, done.stderr
    return [line for line in log.read_text(encoding="utf-8").splitlines() if not line.startswith("label ")]


LIST = ("issue list --repo school/guidance --state open --label review-due --limit 1 "
        "--json number --jq .[0].number // empty")
BODY = "--body-file {}/review-issue.md"


@pytest.mark.parametrize("status", ["due", "overdue"])
def test_a_due_review_opens_one_issue_or_updates_the_open_one(tmp_path, status):
    body = BODY.format(tmp_path)
    assert issue_calls(tmp_path, status, "") == [
        LIST, f"issue create --repo school/guidance --title Review {status} --label review-due {body}"]
    assert issue_calls(tmp_path, status, "42") == [
        LIST, f"issue edit 42 --repo school/guidance --title Review {status} {body}"]


def test_no_review_due_closes_the_open_issue(tmp_path):
    assert issue_calls(tmp_path, "none", "42") == [
        LIST, f"issue comment 42 --repo school/guidance {BODY.format(tmp_path)}",
        "issue close 42 --repo school/guidance"]
    assert issue_calls(tmp_path, "none", "") == [LIST]


def test_the_review_steps_together_open_then_close_the_issue(tmp_path):
    """The first step's output, read as GitHub reads $GITHUB_OUTPUT, drives the second: a review
    due opens the issue; once a new version is recorded, the same steps close it."""
    review = review_job()
    decide, act = step_named(review, "whether a review is due"), step_named(review, "review issue")
    today = dt.date.fromisoformat(uk_today())
    data_file = tmp_path / "school.yml"
    source = (REPO_ROOT / (os.environ.get("SCHOOL_DATA") or "school.yml")).read_text(encoding="utf-8")
    log = tmp_path / "gh.log"
    env = fake_commands(tmp_path / "bin", gh=FAKE_GH, make="")
    env.update({"GH_LOG": str(log), "FAKE_OPEN_ISSUE": "", "RUNNER_TEMP": str(tmp_path),
                "SCHOOL_DATA": str(data_file), "GITHUB_REPOSITORY": "school/guidance", "GH_TOKEN": "token"})
    for number, review_on, open_issue, expected in (
        ("90.0", today + dt.timedelta(days=10), "", ["issue list", "issue create"]),
        ("90.1", today + dt.timedelta(days=400), "7", ["issue list", "issue comment 7", "issue close 7"]),
    ):
        source = with_version(source, {"number": number, "summary": "Approved", "sha256": "d" * 64,
                                       "next_review": review_on.isoformat()})
        data_file.write_text(source, encoding="utf-8")
        output = tmp_path / "github-output"
        output.write_text("", encoding="utf-8")
        done = run_step(decide, {**env, "GITHUB_OUTPUT": str(output)}, REPO_ROOT)
        assert done.returncode == 0, done.stderr
        outputs = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines())
        log.unlink(missing_ok=True)
        done = run_step(act, {**env, **{k.upper(): v for k, v in outputs.items()}, "FAKE_OPEN_ISSUE": open_issue},
                        tmp_path)
        assert done.returncode == 0, done.stderr
        calls = [c for c in log.read_text(encoding="utf-8").splitlines() if not c.startswith("label ")]
        assert [c.split(" --")[0] for c in calls] == expected, calls
        if outputs["status"] == "due":
            assert outputs["title"].startswith(f"Review due: version {number} ")
            assert f"--title {outputs['title']} --label {outputs['label']}" in calls[-1]
    assert "version 90.1" in (tmp_path / "review-issue.md").read_text(encoding="utf-8")


# --------------------------------------------------------------------------
# release.yml


def test_release_workflow_inputs_and_steps():
    wf = load_yaml(RELEASE)
    on = triggers(wf)
    assert set(on) == {"workflow_dispatch"}, "release must only run by hand"
    inputs = on["workflow_dispatch"]["inputs"]
    assert set(inputs) == {
        "version", "approved_on", "approved_by", "minute_ref", "effective_from", "next_review", "summary"
    }
    assert inputs["minute_ref"].get("required") is False
    for name in ("version", "approved_on", "approved_by", "summary"):
        assert inputs[name].get("required") is True, name

    (job_id, job), = wf["jobs"].items()
    assert job["permissions"] == {"contents": "write", "pull-requests": "write"}
    scripts = "\n".join(s.get("run", "") for s in job["steps"])
    for var in ("VERSION", "APPROVED_ON", "APPROVED_BY", "MINUTE_REF", "SUMMARY"):
        assert re.search(rf'\b{var}="\${var}"', scripts), f"make release must pass {var} from env"
    assert "make release" in scripts
    assert "gh pr create" in scripts
    assert re.search(r'release/\$VERSION', scripts)
    assert "github-actions[bot]" in scripts
    checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"].get("ref") == "main"
    # GH_TOKEN must come from the job's own token, scoped to the steps that need it.
    for step in job["steps"]:
        if "gh pr create" in step.get("run", "") or "git push" in step.get("run", ""):
            assert step.get("env", {}).get("GH_TOKEN") == "${{ github.token }}"


def test_the_release_pull_request_commits_every_file_the_release_changed(tmp_path):
    """The commit step, run on a checkout where `make release` has written its files (and a page
    changed, as when run by hand), commits every one of them and leaves nothing behind."""
    job = next(iter(load_yaml(RELEASE)["jobs"].values()))
    step = next(s for s in job["steps"] if "git commit" in s.get("run", ""))
    repo = tmp_path / "repo"
    (repo / "docs" / "versions").mkdir(parents=True)
    for name in ("school.yml", "docs/policy.md", "docs/versions/1.0.md"):
        (repo / name).write_text("before\n", encoding="utf-8")
    (repo / ".gitignore").write_bytes((REPO_ROOT / ".gitignore").read_bytes())
    subprocess.run(["git", "init", "--quiet", "-b", "main"], cwd=repo, check=True)
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "--quiet",
                    "-m", "main"], cwd=repo, check=True)
    written = ["docs/versions/9.9.md", "docs/versions/9.9.pdf", "school.yml", "docs/policy.md"]
    for name in written:
        (repo / name).write_text("after\n", encoding="utf-8")
    (repo / ".venv").mkdir()  # made by `make release`, and ignored
    (repo / ".venv" / "stamp").write_text("", encoding="utf-8")
    real_git = subprocess.run(["bash", "-c", "command -v git"], capture_output=True, text=True).stdout.strip()
    env = fake_commands(tmp_path / "bin", git=f'if [[ "$1" == push ]]; then exit 0; fi\nexec {real_git} "$@"\n')
    env.update({"VERSION": "9.9", "SUMMARY": "Reworded C2", "GH_TOKEN": "token",
                "GITHUB_REPOSITORY": "school/guidance"})
    done = run_step(step, env, repo)
    assert done.returncode == 0, done.stderr
    committed = subprocess.run(["git", "show", "--name-only", "--format=", "HEAD"], cwd=repo,
                               capture_output=True, text=True, check=True).stdout.split()
    assert sorted(committed) == sorted(written)
    status = subprocess.run(["git", "status", "--porcelain"], cwd=repo, capture_output=True, text=True).stdout
    assert status == ""


# --------------------------------------------------------------------------
# dependabot.yml


def test_dependabot_covers_pip_github_actions_and_lighthouse():
    cfg = load_yaml(DEPENDABOT)
    assert cfg.get("version") == 2
    updates = {u["package-ecosystem"]: u for u in cfg.get("updates", [])}
    for ecosystem, directory in (("pip", "/"), ("github-actions", "/"), ("npm", "/tests/lighthouse")):
        assert ecosystem in updates, f"dependabot does not update {ecosystem}"
        u = updates[ecosystem]
        assert u.get("directory") == directory
        assert (REPO_ROOT / directory.lstrip("/")).is_dir()
        assert u["schedule"]["interval"] == "weekly"
        assert u.get("cooldown", {}).get("default-days", 0) >= 1
