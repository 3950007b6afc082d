"""Problems that stop the build, said in words a school office understands.

Every failure the site can foresee (the data file, a page, an archive, a setting) is raised as
a `SiteError` carrying one or more `Problem`s: the file, where in it (a line or a field), the
bad value, what is wrong and what to do. `summary` writes them as the one short block that
ends the output of `make build` and `make serve`.
"""

from __future__ import annotations

from dataclasses import dataclass


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


class SiteError(Exception):
    """A build-stopping problem with a plain explanation. Not one of MkDocs' own errors, which it
    would log in its words and replace with "Aborted with a BuildError!": macros.engine.cli says it."""

    def __init__(self, *problems: Problem) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(line for p in self.problems for line in p.lines()))


HEADLINE = "The site was not built: nothing was published, and a site built before is left as it was."


def summary(problems: list[Problem]) -> str:
    """The closing block: a headline, then each problem with what to do."""
    count = "this problem" if len(problems) == 1 else f"these {len(problems)} problems"
    lines = ["", "-" * 72, HEADLINE, f"Fix {count}, then build again:"]
    for problem in problems:
        lines.append("")
        lines.extend(problem.lines())
    lines.append("-" * 72)
    return "\n".join(lines)
