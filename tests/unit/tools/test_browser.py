"""Which Chromium drives the browser tests, and which the tools: found on PATH, or as named."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.browser import system_chromium


def on_path(folder: Path, *names: str) -> str:
    for name in names:
        (folder / name).write_text("#!/bin/sh\n", encoding="utf-8")
        (folder / name).chmod(0o755)
    return str(folder)


def test_the_tests_take_the_headless_shell_and_the_tools_the_browser_a_visitor_runs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CHROMIUM_PATH", raising=False)
    monkeypatch.setenv("PATH", on_path(tmp_path, "chromium", "chromium-headless-shell"))
    assert system_chromium(headless_shell=True) == str(tmp_path / "chromium-headless-shell")
    assert system_chromium() == str(tmp_path / "chromium")


def test_without_a_headless_shell_the_tests_take_chromium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CHROMIUM_PATH", raising=False)
    monkeypatch.setenv("PATH", on_path(tmp_path, "chromium"))
    assert system_chromium(headless_shell=True) == str(tmp_path / "chromium")


def test_a_named_chromium_is_taken_by_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", on_path(tmp_path, "chromium", "chromium-headless-shell"))
    monkeypatch.setenv("CHROMIUM_PATH", "/opt/my-chromium")
    assert system_chromium(headless_shell=True) == system_chromium() == "/opt/my-chromium"


def test_nothing_found_means_playwright_s_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CHROMIUM_PATH", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert system_chromium(headless_shell=True) is None and system_chromium() is None
