"""Shared builds: the real site and the fictional school's, each built once per run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.builds import (
    DATA,
    DATA_FILE,
    FIXTURES,
    ROOT,
    Build,
    is_original_school,
    shared_build,
)

PUBLISHED_WORDING = "published_wording"
SAME_FOR_ANY_SCHOOL = "same_for_any_school"
# What a test module reads the data file in use through, besides the site built with it.
DATA_READERS = frozenset({"DATA", "DATA_FILE", "copy_project", "releasable_copy", "build", "shared_build"})


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"{PUBLISHED_WORDING}: checks the school's own published wording "
                            "(original/), so runs only with that school's data file")
    config.addinivalue_line("markers", f"{SAME_FOR_ANY_SCHOOL}(reason): reads the data file, but what it checks "
                            "does not change with the school (the reason says why), so runs with one data file")


def pytest_report_header() -> str | None:
    # Said here, before the run: with several workers, each leaves the tests out on its own.
    if is_original_school():
        return None
    return (f"The data file is {DATA.school.name}'s: only the tests that read it run again, and not those of the "
            "original school's published wording (deselected, not skipped).")


def reads_school_data(item: pytest.Item) -> bool:
    """Whether what a test checks can change with the data file: it reads a site built with it
    (`real_build`, which `site` and every fixture on it need), or its module reads the data or
    builds with it."""
    if "real_build" in getattr(item, "fixturenames", ()):
        return True
    module = getattr(item, "module", None)
    return module is not None and not DATA_READERS.isdisjoint(vars(module))


def left_out_for_another_school(item: pytest.Item) -> bool:
    return (bool(item.get_closest_marker(PUBLISHED_WORDING)) or bool(item.get_closest_marker(SAME_FOR_ANY_SCHOOL))
            or not reads_school_data(item))


# `make test`'s workers take whole files in the order collected (`--no-loadscope-reorder`): these
# first, the longest (each over 40 s of a full run on 2 cores, .test-summary/), so that none is left
# to start when the others are done. The rest follow as collected.
LONGEST_FIRST = (
    "tests/browser/test_lighthouse.py",
    "tests/build/test_versions.py",
    "tests/browser/test_keyboard_focus.py",
    "tests/build/test_release.py",
    "tests/browser/test_axe.py",
    "tests/browser/test_languages.py",
    "tests/build/test_bad_input.py",
    "tests/browser/test_parents.py",
)


def in_running_order(items: list[pytest.Item]) -> list[pytest.Item]:
    gone = [name for name in LONGEST_FIRST if not (ROOT / name).is_file()]
    if gone:
        raise pytest.UsageError(f"tests/conftest.py: LONGEST_FIRST names {', '.join(gone)}, which is not "
                                "there: name the test file as it is now, or take it out.")
    rank = {name: place for place, name in enumerate(LONGEST_FIRST)}
    return sorted(items, key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The longest files first. With another school's data file (`make test`'s second pass), only
    the tests that read it run (the rest are deselected and counted, not skipped): not those of
    this school's published wording, which that school's details replace, nor those marked the
    same for any school."""
    items[:] = in_running_order(items)
    if is_original_school():
        return
    left_out = [item for item in items if left_out_for_another_school(item)]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if item not in left_out]


@pytest.fixture(scope="session")
def real_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = shared_build(tmp_path_factory, DATA_FILE)
    assert result.ok, result.output
    return result


@pytest.fixture(scope="session")
def site(real_build: Build) -> Path:
    return real_build.site


@pytest.fixture(scope="session")
def fictional_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = shared_build(tmp_path_factory, FIXTURES / "oakfield.yml")
    assert result.ok, result.output
    return result
