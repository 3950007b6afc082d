"""Shared builds: the real site and the fictional school's, each built once per run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sitebuild import FIXTURES, Build, build


@pytest.fixture(scope="session")
def real_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build(tmp_path_factory.mktemp("real") / "site")
    assert result.ok, result.output
    return result


@pytest.fixture(scope="session")
def site(real_build: Build) -> Path:
    return real_build.site


@pytest.fixture(scope="session")
def fictional_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build(tmp_path_factory.mktemp("fictional") / "site", data_file=FIXTURES / "oakfield.yml")
    assert result.ok, result.output
    return result
