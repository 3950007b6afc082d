"""`python -m macros.engine build|serve`: the site's engine (MkDocs, or ProperDocs with
`--engine properdocs`) run in this process, so that whatever fails, the output ends with one
plain summary (file, line or field, value, what to do) and never a Python traceback.

`make build` and `make serve` run this; so do the tests, which read the summary's last lines.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from macros.common.problems import Problem, SiteError, summary
from macros.data.settings import FREEZE_ENV
from macros.languages import builds

ENGINES = ("mkdocs", "properdocs")
DOC_FILE = re.compile(r"Doc file '(?P<page>[^']+)'")
CONFIG_VALUE = re.compile(r"Config value '(?P<name>[^']+)': (?P<error>.*)", re.S)
PAGE_ERROR = re.compile(r"Error reading page '(?P<page>[^']+)':? ?(?P<error>.*)", re.S)
# MkDocs' own closing words for a failed build: the summary says it better.
ABORTED = re.compile(r"^Aborted with ")
REBUILD_FAILED = "An error happened during the rebuild"


class Collector(logging.Handler):
    """Prints log lines as MkDocs does, without tracebacks, and keeps the warnings and errors,
    which in a strict build are what stopped it."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []
        self.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if REBUILD_FAILED in message:
            return
        if record.levelno >= logging.WARNING:
            self.records.append(record)
        record.exc_info = record.exc_text = None
        sys.stderr.write(self.format(record) + "\n")

    def take(self) -> list[logging.LogRecord]:
        taken, self.records = self.records, []
        return taken


def problem_from_log(message: str, docs_dir: str) -> Problem | None:
    """A warning or error the engine logged, as a Problem naming the file it is about."""
    if ABORTED.match(message):
        return None
    config = CONFIG_VALUE.match(message)
    if config:
        return Problem("mkdocs.yml", config["error"].strip(), "correct this setting in mkdocs.yml; the README "
                       "and the comments in mkdocs.yml say what each one does.", config["name"])
    page = PAGE_ERROR.match(message) or DOC_FILE.search(message)
    if page:
        return Problem(f"{docs_dir}/{page['page']}", message.strip(),
                       "correct the link or text on that page, then build again.")
    return Problem("the site", message.strip(), "correct what the message names, then build again.")


def problems_of(error: BaseException | None, records: list[logging.LogRecord], docs_dir: str) -> list[Problem]:
    """What stopped the build: our own plain problems first, then what the engine logged."""
    if isinstance(error, SiteError):
        # The engine logs it too, wrapped in its own words: the plain version is enough.
        return list(error.problems)
    found: list[Problem] = []
    for record in records:
        problem = problem_from_log(record.getMessage(), docs_dir)
        if problem:
            found.append(problem)
    if not found and error is not None:
        found.append(Problem("the site", f"{type(error).__name__}: {error}".strip(": "),
                             "this is not a mistake the site recognises: tell whoever maintains the site, "
                             "and include these lines."))
    return found


def import_engine(name: str) -> Any:
    if name not in ENGINES:
        raise SiteError(Problem("ENGINE", f"the site cannot be built with {name!r}.",
                                f"use one of: {', '.join(ENGINES)}.", value=name))
    if name == "properdocs":
        # As the `properdocs` command does: every later `mkdocs.*` import (Material, mkdocs-macros,
        # the hooks) gets ProperDocs' module, so plugins subclass its BasePlugin and raise its
        # errors. What this package imported from MkDocs already is dropped, to be imported again.
        for module in [m for m in sys.modules if m == "mkdocs" or m.startswith("mkdocs.")]:
            del sys.modules[module]
        importlib.import_module("properdocs.replacement")
    return importlib.import_module(name)


def build(engine: str, config_file: str, site_dir: str | None) -> None:
    import_engine(engine)
    config = importlib.import_module(f"{engine}.config")
    commands = importlib.import_module(f"{engine}.commands.build")
    cfg = config.load_config(config_file=config_file, strict=True, site_dir=site_dir)
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        commands.build(cfg, dirty=False)
    finally:
        cfg.plugins.on_shutdown()
    # Then each translation, into <site>/<lang>/ (macros/languages/builds.py); but not for a build
    # that only freezes the English text (`make release`, whose next build makes them all).
    if not os.environ.get(FREEZE_ENV):
        builds.build_all(config, commands, config_file, cfg)


class ExplainedError(Exception):
    """A failed rebuild under `serve` whose summary has been printed already."""


STILL_SERVING = "The preview in your browser keeps the last good build until this is fixed."


def serve(engine: str, config_file: str, dev_addr: str, collector: Collector, docs_dir: str) -> None:
    import_engine(engine)
    # The engine's modules, patched below: MkDocs or ProperDocs, whichever runs.
    serving: Any = importlib.import_module(f"{engine}.commands.serve")
    livereload: Any = importlib.import_module(f"{engine}.livereload")
    real_build, real_traceback = serving.build, livereload.traceback

    def build_or_explain(*args: Any, **kwargs: Any) -> None:
        try:
            real_build(*args, **kwargs)
        except (Exception, SystemExit) as error:  # noqa: BLE001 - every failed rebuild gets the plain summary
            problems = problems_of(error, collector.take(), docs_dir)
            sys.stderr.write(summary(problems) + "\n" + STILL_SERVING + "\n")
            raise ExplainedError from None
        collector.take()

    class QuietTraceback:
        """The live-reload loop prints a traceback for a failed rebuild: not for one explained."""

        def __getattr__(self, name: str) -> Any:
            return getattr(real_traceback, name)

        @staticmethod
        def print_exc(*args: Any, **kwargs: Any) -> None:
            if not isinstance(sys.exc_info()[1], ExplainedError):
                real_traceback.print_exc(*args, **kwargs)

    serving.build = build_or_explain
    livereload.traceback = QuietTraceback()
    serving.serve(config_file=config_file, livereload=True, strict=True, dev_addr=dev_addr)


def route_logs(engine: str, collector: Collector) -> None:
    """Every engine's log lines to the collector, which prints them without tracebacks."""
    for name in ENGINES:
        logger = logging.getLogger(name)
        logger.handlers[:] = [collector]
        logger.setLevel(logging.INFO)
        logger.propagate = False
    if engine == "properdocs":
        # Plugins log as `mkdocs.*`: under ProperDocs that counts as its own (as its command sets
        # it up), so a plugin's warning fails the strict build there too.
        legacy = logging.getLogger("mkdocs")
        legacy.handlers[:], legacy.parent, legacy.propagate = [], logging.getLogger("properdocs"), True
        legacy.setLevel(logging.NOTSET)


def docs_folder(config_file: Path) -> str:
    """The pages' folder as the reader knows it: mkdocs.yml's `docs_dir`, beside mkdocs.yml."""
    try:
        config = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        config = {}  # the engine says what is wrong with the file itself
    named = config.get("docs_dir", "docs") if isinstance(config, dict) else "docs"
    return (config_file.parent / str(named)).as_posix()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.engine", description=__doc__)
    parser.add_argument("command", choices=("build", "serve"))
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("-d", "--site-dir", default=None)
    parser.add_argument("-a", "--dev-addr", default="127.0.0.1:8000")
    parser.add_argument("--engine", default="mkdocs")
    args = parser.parse_args(argv)

    collector = Collector()
    route_logs(args.engine, collector)
    docs_dir = docs_folder(Path(args.config_file))
    error: BaseException | None = None
    try:
        if args.command == "build":
            build(args.engine, args.config_file, args.site_dir)
        else:
            serve(args.engine, args.config_file, args.dev_addr, collector, docs_dir)
    except ExplainedError:
        # The first build under `serve` failed, and said why.
        return 1
    except SystemExit as exit_:
        error = exit_
    except BaseException as raised:  # noqa: BLE001 - every failure gets the plain summary
        if isinstance(raised, KeyboardInterrupt):
            return 130
        error = raised
    records = collector.take()
    if error is None and not any(r.levelno >= logging.WARNING for r in records):
        return 0
    sys.stderr.write(summary(problems_of(error, records, docs_dir)) + "\n")
    return 1


if __name__ == "__main__":
    sys.exit(main())
