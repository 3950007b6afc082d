"""`make bench`'s one limit: the build of every language against the reference build."""

from __future__ import annotations

from tools import bench


def test_the_limit_is_one_and_a_half_reference_builds_per_language() -> None:
    assert bench.build_limit(2.0, 4) == 12.0


def test_the_build_line_gives_the_figure_and_the_limit_and_says_when_it_is_over() -> None:
    line, within = bench.build_verdict(reference=1.0, site=5.9, language_count=4)
    assert within and "5.90 s" in line and "limit 1.5 × 4 languages × reference = 6.00 s: within" in line
    line, within = bench.build_verdict(reference=1.0, site=6.1, language_count=4)
    assert not within and line.endswith("6.00 s: OVER THE LIMIT")
