"""An Atom feed (RFC 4287) of the approved versions, newest first, for governors' and parents'
feed readers: each entry is one version's approval record, summary and links.

Its dates are the approval dates, never the clock: a version with none recorded takes the
source date (SOURCE_DATE_EPOCH), so the same tree always gives the same feed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from html import escape
from pathlib import Path
from xml.etree import ElementTree

from macros.data.model import SchoolData, Version
from macros.versions.approval import comes_into_force, definitions, record_rows
from macros.versions.changes import pair_slug

ATOM = "http://www.w3.org/2005/Atom"
FEED_PATH = "versions/feed.xml"


def source_date(environ: Mapping[str, str]) -> dt.datetime:
    """The time the sources were last changed (SOURCE_DATE_EPOCH), else the epoch itself."""
    return dt.datetime.fromtimestamp(int(environ.get("SOURCE_DATE_EPOCH") or 0), dt.UTC)


def stamp(day: dt.date | dt.datetime) -> str:
    """RFC 3339, in UTC: a day is its midnight."""
    moment = day if isinstance(day, dt.datetime) else dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def entry_date(version: Version, fallback: dt.datetime) -> dt.date | dt.datetime:
    return version.approved_on or comes_into_force(version) or fallback


def add(parent: ElementTree.Element, tag: str, text: str | None = None, **attrs: str) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    element.text = text
    return element


def atom(data: SchoolData, title: str, fallback: dt.datetime) -> bytes:
    """The feed's XML. Ids are the archived copies' addresses, which never change."""
    site = data.school.site_url
    ElementTree.register_namespace("", ATOM)
    feed = ElementTree.Element(f"{{{ATOM}}}feed", {"xml:lang": "en"})
    add(feed, "id", site + FEED_PATH)
    add(feed, "title", f"{data.school.name}: {title}, approved versions")
    add(feed, "subtitle", f"Each version of the guidance as the governors of {data.school.name} approved it.")
    dates = [entry_date(v, fallback) for v in data.versions]
    add(feed, "updated", max(stamp(d) for d in dates) if dates else stamp(fallback))
    add(add(feed, "author"), "name", data.school.name)
    add(feed, "link", rel="self", type="application/atom+xml", href=site + FEED_PATH)
    add(feed, "link", rel="alternate", type="text/html", href=site + "versions/")
    numbers = [v.number for v in data.versions]
    for index in range(len(data.versions) - 1, -1, -1):
        version = data.versions[index]
        archive = f"{site}versions/{version.number}/"
        entry = add(feed, "entry")
        add(entry, "id", archive)
        add(entry, "title", f"Version {version.number}")
        add(entry, "updated", stamp(entry_date(version, fallback)))
        if version.approved_on:
            add(entry, "published", stamp(version.approved_on))
        add(entry, "link", rel="alternate", type="text/html", href=archive,
            title=f"Version {version.number} as approved")
        links = [f'<a href="{escape(archive)}">Read version {escape(version.number)} as approved</a>']
        if index > 0:
            changes = f"{site}versions/changes/{pair_slug(numbers[index - 1], version.number)}/"
            add(entry, "link", rel="related", type="text/html", href=changes,
                title=f"Changes from version {numbers[index - 1]}")
            links.append(f'<a href="{escape(changes)}">Changes from version {escape(numbers[index - 1])}</a>')
        add(entry, "summary", version.summary)
        record = [("Version", version.number), *record_rows(version), ("SHA-256 of the archived copy", version.sha256)]
        add(entry, "content", f"<dl>{definitions(record)}</dl><p>{' · '.join(links)}</p>", type="html")
    ElementTree.indent(feed)
    written: bytes = ElementTree.tostring(feed, encoding="utf-8", xml_declaration=True)
    return written + b"\n"


def write(site_dir: Path, data: SchoolData, title: str, environ: Mapping[str, str]) -> None:
    path = site_dir / FEED_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(atom(data, title, source_date(environ)))
