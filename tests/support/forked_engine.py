"""`python -m macros.engine build …` for the tests, each build in a new process forked from one that
has imported the engine already (multiprocessing's fork server): the same `macros.engine.cli.main`
in a fresh process, with its own folder, environment and output, but without importing MkDocs,
Material and the site's packages again for each of the suite's builds (0.9 s of a 3.6 s build here).

The site's packages are this repository's, imported once: a test's copy of the project has the
same ones (tools.copy_build_inputs); one whose packages differ is built in a new interpreter
(tests/support/builds.py). What a test changes (pages, data file, settings, translations) is read
from the copy's folder, as a build reads it.

ProperDocs is not forked so: it replaces MkDocs' modules, which the fork server holds, before the
plugins import them (macros/engine/cli.py), so it needs a new interpreter."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import tempfile
from pathlib import Path

# What a build imports (mkdocs.yml's plugins and Markdown extensions, and what they use): imported
# once, by the fork server. None of them reads the environment or the folder when imported.
PRELOADED = (
    "macros",
    "macros.engine.cli",
    "macros.engine.mkdocs_hooks",
    "mkdocs.commands.build",
    "mkdocs.config.defaults",
    "material.plugins.search.plugin",
    "mkdocs_macros.plugin",
    "markdown.extensions.abbr",
    "markdown.extensions.attr_list",
    "markdown.extensions.md_in_html",
    "markdown.extensions.toc",
    "pymdownx.superfences",
    "pymdownx.highlight",
    "babel.dates",
    "pygments.lexers",
    "pygments.formatters",
)

FORKS = multiprocessing.get_context("forkserver")
FORKS.set_forkserver_preload([__name__, *PRELOADED])


def _engine(argv: list[str], cwd: str, env: dict[str, str], stdout: str, stderr: str) -> None:
    """In the forked process: as `cd cwd && env … python -m macros.engine argv…` would run."""
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    for descriptor, path in ((1, stdout), (2, stderr)):
        opened = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(opened, descriptor)
        os.close(opened)
    from macros.engine import cli  # noqa: PLC0415 - already imported by the fork server

    code = cli.main(argv)
    sys.stdout.flush()
    sys.stderr.flush()
    sys.exit(code)


def run_engine(argv: list[str], cwd: Path, env: dict[str, str], timeout: float) -> tuple[int, str]:
    """The engine's exit code and its output (standard output, then standard error, as
    `subprocess.run(…, capture_output=True)` gives them)."""
    with tempfile.TemporaryDirectory(prefix="engine-") as folder:
        stdout, stderr = Path(folder) / "stdout", Path(folder) / "stderr"
        process = FORKS.Process(target=_engine, args=(argv, str(cwd), env, str(stdout), str(stderr)))
        process.start()
        process.join(timeout)
        if process.is_alive():
            process.kill()
            process.join()
            raise subprocess.TimeoutExpired(["macros.engine", *argv], timeout)
        output = "".join(path.read_text(encoding="utf-8") for path in (stdout, stderr) if path.is_file())
        assert process.exitcode is not None
        return process.exitcode, output
