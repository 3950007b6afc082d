"""The engine adapter: under ProperDocs, a plugin's warning counts as ProperDocs' own."""

from __future__ import annotations

import io
import logging
import sys

import pytest

from macros.engine import cli


def test_under_properdocs_a_plugins_warning_counts_as_properdocs_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """ProperDocs' strict mode counts the warnings its own logger sees; plugins log as `mkdocs.*`."""
    for name in ("mkdocs", "properdocs"):
        logger = logging.getLogger(name)
        monkeypatch.setattr(logger, "handlers", list(logger.handlers))
        monkeypatch.setattr(logger, "parent", logger.parent)
        monkeypatch.setattr(logger, "propagate", logger.propagate)
        monkeypatch.setattr(logger, "level", logger.level)
    collector = cli.Collector()
    cli.route_logs("properdocs", collector)
    counted: list[logging.LogRecord] = []
    counter = logging.Handler(logging.WARNING)
    counter.emit = counted.append  # type: ignore[method-assign]
    logging.getLogger("properdocs").addHandler(counter)
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    logging.getLogger("mkdocs.plugins.macros").warning("a plugin's warning")
    assert [r.getMessage() for r in counted] == ["a plugin's warning"]
    assert [r.getMessage() for r in collector.take()] == ["a plugin's warning"]
