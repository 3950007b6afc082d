"""Shared builds: the real site and the fictional school's, each built once per run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sitebuild import DATA, FIXTURES, Build, is_original_school, shared_build

PUBLISHED_WORDING = "published_wording"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"{PUBLISHED_WORDING}: checks the school's own published wording "
                            "(original/), so runs only with that school's data file")


def pytest_report_header(config: pytest.Config) -> str | None:
    # Said here, before the run: with several workers, each leaves the tests out on its own.
    if is_original_school():
        return None
    return (f"Tests of the original school's published wording are left out (deselected, not skipped): "
            f"the data file is {DATA.school.name}'s.")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """With another school's data file, the tests of this school's published wording are left out
    (deselected and counted, not skipped): that school's details replace these words."""
    if is_original_school():
        return
    left_out = [item for item in items if item.get_closest_marker(PUBLISHED_WORDING)]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if item not in left_out]


@pytest.fixture(scope="session")
def real_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = shared_build(tmp_path_factory, "real")
    assert result.ok, result.output
    return result


@pytest.fixture(scope="session")
def site(real_build: Build) -> Path:
    return real_build.site


@pytest.fixture(scope="session")
def fictional_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = shared_build(tmp_path_factory, "fictional", data_file=FIXTURES / "oakfield.yml")
    assert result.ok, result.output
    return result
