"""`make serve` rebuilds as pages change; a mistake ends its output with the same plain summary
as `make build`, with no traceback, and the preview keeps running."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from macros.common.problems import HEADLINE
from macros.engine.cli import STILL_SERVING
from tests.support.builds import copy_project, replace

pytestmark = pytest.mark.same_for_any_school(
    "the preview's plain summary is the build's, the same for any school")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(log: Path, text: str, after: int = 0, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        said = log.read_text(encoding="utf-8", errors="replace")[after:]
        if text in said:
            return said
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never came:\n{log.read_text(encoding='utf-8', errors='replace')[-3000:]}")


def test_a_mistake_while_serving_ends_in_the_plain_summary(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SCHOOL_DATA", None)
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "macros.engine", "serve", "-a", f"127.0.0.1:{free_port()}"],
                                  cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_for(log, "Serving on")
        start = len(log.read_text(encoding="utf-8"))
        replace("docs/raise-a-concern.md", "{{ contact_actions() }}", "{{ contact_action }}")(project)
        wait_for(log, STILL_SERVING, after=start)
        # Mended, the page is built again: anything said about the mistake came before that.
        mended = len(log.read_text(encoding="utf-8"))
        replace("docs/raise-a-concern.md", "{{ contact_action }}", "{{ contact_actions() }}")(project)
        rebuilt = wait_for(log, "Documentation built", after=mended)
        assert rebuilt.lstrip().startswith("INFO") and "Detected file changes" in rebuilt.splitlines()[0], rebuilt
        said = log.read_text(encoding="utf-8")[start:mended]
        assert server.poll() is None, "the preview stopped"
        assert "Traceback" not in said and 'File "' not in said, said
        last = said.rstrip().rsplit(HEADLINE, 1)
        assert len(last) == 2, said
        closing = last[1]
        assert "docs/raise-a-concern.md, line" in closing and "'contact_action' is undefined" in closing
        assert said.rstrip().endswith(STILL_SERVING), said[-500:]
    finally:
        server.terminate()
        server.wait(timeout=20)
