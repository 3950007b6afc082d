"""Reading built pages: their visible text, their element ids, their tags' attributes."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

SKIP_TEXT = {"script", "style", "template"}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text_parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attributes))
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag in SKIP_TEXT:
            self._skipping += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in SKIP_TEXT:
            self._skipping -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TEXT:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.text_parts.append(data)


class Html:
    def __init__(self, source: str) -> None:
        parser = _Page()
        parser.feed(source)
        self.source = source
        self.ids = parser.ids
        self.tags = parser.tags
        self.text = re.sub(r"\s+", " ", "".join(parser.text_parts)).strip()

    @classmethod
    def read(cls, path: Path) -> Html:
        return cls(path.read_text(encoding="utf-8"))

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        """Tags whose attributes include all those given (class_ for class)."""
        wanted = {k.rstrip("_"): v for k, v in attrs.items()}
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in wanted.items())]

    def meta(self, name: str) -> str | None:
        for _, attributes in ((t, a) for t, a in self.tags if t == "meta"):
            if attributes.get("name") == name or attributes.get("property") == name:
                return attributes.get("content")
        return None


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def english_pages(site: Path) -> list[Path]:
    """The pages of the English site, without its translations' (`<lang>/` with a `search/` of its own)."""
    languages = {path.parent.parent.name for path in site.glob("*/search/search_index.json")}
    return [page for page in pages(site) if page.relative_to(site).parts[0] not in languages]
