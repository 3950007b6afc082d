"""Problems that stop the build, said in words a school office understands.

Every failure the site can foresee (the data file, a page, an archive, a setting) is raised as
a `SiteError` carrying one or more `Problem`s: the file, where in it (a line or a field), the
bad value, what is wrong and what to do. `summary` writes them as the one short block that
ends the output of `make build` and `make serve`.
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.exceptions import PluginError


@dataclass(frozen=True)
class Problem:
    file: str
    problem: str
    fix: str
    where: str = ""
    value: str | None = None

    def lines(self) -> list[str]:
        place = f"{self.file}, {self.where}" if self.where else self.file
        out = [f"In {place}:", f"  {self.problem}"]
        if self.value is not None:
            out.append(f"  The value: {self.value}")
        out.append(f"  What to do: {self.fix}")
        return out


class SiteError(PluginError):
    """A build-stopping problem with a plain explanation (a PluginError, so MkDocs stops too)."""

    def __init__(self, *problems: Problem) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(line for p in self.problems for line in p.lines()))


HEADLINE = "The site was not built, so nothing has changed for parents."


def summary(problems: list[Problem], kept_site: bool = False) -> str:
    """The closing block: a headline, then each problem with what to do."""
    count = "1 problem" if len(problems) == 1 else f"{len(problems)} problems"
    lines = ["", "-" * 72, HEADLINE, f"Fix the {count} below, then build again."]
    if kept_site:
        lines.append("The site built before (in site/) is left as it was.")
    for problem in problems:
        lines.append("")
        lines.extend(problem.lines())
    lines.append("-" * 72)
    return "\n".join(lines)
