"""Short links: a page per clause, and per withdrawn clause."""

from __future__ import annotations

from macros.clauses import markup, shortlinks
from macros.common import previews
from macros.data import model
from tests.support.builds import DATA
from tests.support.samples import POLICY


def test_short_links_for_clauses_and_withdrawn_clauses() -> None:
    data = DATA.model_copy(update={"withdrawn": [model.Withdrawal(id="C9", withdrawn_on="2027-01-20", reason="Gone.")]})
    image = previews.Image("https://x/og.png", 1200, 630, "image/png", "A picture")
    made = shortlinks.pages(data, markup.find(POLICY), "policy/", image)
    assert sorted(made) == ["c1/index.html", "c2/index.html", "c9/index.html", "r1/index.html"]
    assert 'content="0; url=../policy/#c2"' in made["c2/index.html"]
    assert 'content="0; url=../withdrawn/#c9"' in made["c9/index.html"]
