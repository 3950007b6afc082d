"""What a build knows is one frozen object: nothing changes it once made."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from macros.clauses import markup
from macros.common import previews
from macros.pages.facts import Build, Policy
from tests.support.builds import DATA, ROOT
from tests.support.samples import POLICY


def test_a_build_and_its_policy_cannot_be_changed_once_made() -> None:
    image = previews.Image("https://x/og.png", 1200, 630, "image/png", "A picture")
    build = Build(DATA, (), dt.date(2027, 1, 20), ROOT / "docs", Policy(POLICY, tuple(markup.find(POLICY))),
                  is_draft=True, og_image=image)
    with pytest.raises(dataclasses.FrozenInstanceError):
        build.is_draft = False  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        build.policy.markdown = ""  # type: ignore[misc]
    assert [c.id for c in build.policy.clauses] == ["C1", "C2", "R1"]
    assert build.english_root == "" and build.policy_file == "docs/policy.md"
