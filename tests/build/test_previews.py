"""Link previews are complete and read well when cut short: every page and short link says how
big its picture is, of what type, and what it shows; and the first 80 or so characters of
every description (all a messaging app shows) make a point on their own."""

from __future__ import annotations

import re
import struct
from pathlib import Path

from tests.support.bad_inputs import assert_plain_summary
from tests.support.builds import build, copy_project
from tests.support.pages import Html, pages

# What WhatsApp and others show of a description before cutting it off.
SHOWN = 80
# Where a first sentence or clause ends: . ! ? : ; (their Arabic and Urdu forms too) or a spaced dash.
BREAK = re.compile(r"(?<=[.!?:;۔؟؛])\s|\s[–—]\s")
IMAGE_TAGS = ("og:image", "og:image:type", "og:image:width", "og:image:height", "og:image:alt", "twitter:image:alt")
FORWARD = re.compile(r"url=\.\./(?P<target>[\w/-]+)/#(?P<anchor>[\w-]+)$")


def first_part(description: str) -> str:
    return BREAK.split(description, maxsplit=1)[0]


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from the PNG header (IHDR), read here independently of the build."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


def clause_forwarded_to(html: Html) -> str | None:
    """For a clause's short link (it forwards to the clause in the policy), the clause's anchor."""
    refresh = [a.get("content", "") for t, a in html.tags if t == "meta" and a.get("http-equiv") == "refresh"]
    found = FORWARD.search(refresh[0]) if refresh else None
    return found["anchor"] if found and found["target"] == "policy" else None


def test_every_page_and_short_link_describes_its_picture(site: Path) -> None:
    site_url = str(Html.read(site / "index.html").meta("og:url"))
    problems = []
    described = set()
    for path in pages(site):
        html = Html.read(path)
        where = path.relative_to(site).as_posix()
        tags = {name: html.meta(name) for name in IMAGE_TAGS}
        missing = [name for name, value in tags.items() if not value]
        if missing:
            problems.append(f"{where}: no {', '.join(missing)}")
            continue
        described.add(tuple(tags.values()))
        image = site / str(tags["og:image"]).removeprefix(site_url)
        if not str(tags["og:image"]).startswith(site_url) or not image.is_file():
            problems.append(f"{where}: og:image {tags['og:image']} is not in the site")
            continue
        width, height = png_size(image)
        said = (tags["og:image:width"], tags["og:image:height"], tags["og:image:type"])
        if said != (str(width), str(height), "image/png"):
            problems.append(f"{where}: says {tags['og:image:width']}x{tags['og:image:height']} "
                            f"{tags['og:image:type']}; the file is {width}x{height} image/png")
        alt = str(tags["og:image:alt"])
        if (alt != tags["twitter:image:alt"] or alt in {html.meta("og:site_name"), html.meta("og:title")}
                or len(alt.split()) < 6):
            problems.append(f"{where}: og:image:alt {alt!r} does not describe the picture")
    assert not problems, "\n".join(problems)
    assert len(described) == 1, f"pages describe the same picture differently: {described}"


def test_every_description_makes_its_point_in_the_first_80_characters(site: Path) -> None:
    """The first sentence or clause fits in what is shown, says something (four words or more)
    and does not spend the space on the school's name, which the preview shows anyway.

    A clause's short link is the exception: its description is the clause, in the school's
    approved words and nothing before them, and its title carries the clause's ID."""
    problems = []
    for path in pages(site):
        html = Html.read(path)
        where = path.relative_to(site).as_posix()
        description = html.meta("description") or ""
        if not description or {html.meta("og:description"), html.meta("twitter:description")} != {description}:
            problems.append(f"{where}: description, og:description and twitter:description differ or are missing")
            continue
        anchor = clause_forwarded_to(html)
        if anchor:
            clause_id = anchor.upper()
            if not str(html.meta("og:title")).startswith(f"{clause_id} · "):
                problems.append(
                    f"{where}: the preview's title {html.meta('og:title')!r} does not start with {clause_id}"
                )
            if description.split()[0] == clause_id or description.startswith(str(html.meta("og:site_name"))):
                problems.append(f"{where}: the description should be the clause's words alone: {description!r}")
            continue
        point = first_part(description)
        school = str(html.meta("og:site_name"))
        if len(point) > SHOWN or len(point.split()) < 4 or description.startswith(school):
            problems.append(f"{where}: {len(point)} characters before the first break: {point!r}\n"
                            f"    as shown: {description[:SHOWN]!r}…")
    assert not problems, "\n".join(problems)


def test_the_first_part_ends_at_a_sentence_or_clause() -> None:
    assert first_part("Raise a concern in confidence. Then more.") == "Raise a concern in confidence."
    assert first_part("Clauses withdrawn: when and why.") == "Clauses withdrawn:"
    assert first_part("Parent WhatsApp Groups – Guidance") == "Parent WhatsApp Groups"
    assert first_part("v1.0 of the guidance, as approved.") == "v1.0 of the guidance, as approved."


def test_a_picture_that_is_not_a_png_fails_the_build_naming_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "assets" / "og-image.png").write_bytes(b"<svg></svg>")
    result = build(tmp_path / "site", project=project)
    assert_plain_summary(result, ["docs/assets/og-image.png", "the link-preview picture is not a PNG image",
                                  "python -m tools.og_image"])
    assert not (tmp_path / "site" / "index.html").exists()
