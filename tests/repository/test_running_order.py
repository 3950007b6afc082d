"""`make test` starts the longest test files first (tests/conftest.py)."""

from __future__ import annotations

from types import SimpleNamespace

from tests.conftest import LONGEST_FIRST, in_running_order


def test_the_longest_files_come_first_in_their_order_and_the_rest_as_collected() -> None:
    collected = ["tests/unit/test_model.py::a", LONGEST_FIRST[1] + "::b", "tests/build/test_links.py::c",
                 LONGEST_FIRST[0] + "::d", "tests/unit/test_model.py::e", LONGEST_FIRST[1] + "::f"]
    items = [SimpleNamespace(nodeid=nodeid) for nodeid in collected]
    assert [item.nodeid for item in in_running_order(items)] == [  # type: ignore[arg-type]
        LONGEST_FIRST[0] + "::d", LONGEST_FIRST[1] + "::b", LONGEST_FIRST[1] + "::f",
        "tests/unit/test_model.py::a", "tests/build/test_links.py::c", "tests/unit/test_model.py::e"]
