"""Reading built pages: their visible text, their element ids, their tags' attributes."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from macros.common.markup import VOID

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



class OpenElements(HTMLParser):
    """A reader that knows, at each point, the elements it is in (`open`, outermost first), an end
    tag closing the nearest open element of its name and any left open inside it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, dict[str, str]]] = []

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth][0] == tag:
                del self.open[depth:]
                return


class _Directions(OpenElements):
    """Each text of <body> with the direction of the nearest element that sets one."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[DirectedText] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.open.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        if any(tag == "body" for tag, _ in self.open) and data.strip():
            direction = next((attrs.get("dir") or "auto" for tag, attrs in reversed(self.open)
                              if "dir" in attrs or tag == "bdi"), "")
            self.found.append(DirectedText(data, direction, list(self.open)))


@dataclass(frozen=True)
class DirectedText:
    text: str
    # The `dir` of the nearest element that sets one ("auto" for a <bdi> that does not say).
    direction: str
    # The elements it is in, outermost first: (tag, attributes).
    inside: list[tuple[str, dict[str, str]]]


def directed_texts(source: str) -> list[DirectedText]:
    """Every text of a page's body, with the direction it is set in."""
    parser = _Directions()
    parser.feed(source)
    parser.close()
    return parser.found


# ---- Scripts and their Content-Security-Policy (read here without macros.finishing.csp) ----

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def inline_script_hashes(source: str) -> list[str]:
    found = []
    for attrs, body in SCRIPT.findall(source):
        kind = re.search(r'\btype="([^"]*)"', attrs)
        if "src=" in attrs or (kind and kind.group(1) not in {"text/javascript", "module"}):
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        found.append(f"'sha256-{digest}'")
    return found
