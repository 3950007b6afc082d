"""Expanding a page's `{{ … }}` and `{% … %}` with the site's variables and macros, so that a
mistake names the page, the line and what to do, instead of ending in a traceback."""

from __future__ import annotations

import traceback
from collections.abc import Callable, Mapping
from typing import Any

import jinja2

from macros.common.problems import Problem, SiteError

TEMPLATE_FRAME = "<template>"


def _line(error: BaseException) -> int | None:
    """The page line Jinja was on: its own for syntax errors, else the template frame's."""
    if isinstance(error, jinja2.TemplateSyntaxError) and error.lineno:
        return error.lineno
    lines = [frame.lineno for frame in traceback.extract_tb(error.__traceback__) if frame.filename == TEMPLATE_FRAME]
    return lines[-1] if lines else None


def _explain(error: BaseException) -> tuple[str, str]:
    """What went wrong, in words, and what to do."""
    if isinstance(error, jinja2.UndefinedError):
        name = str(error.message or error)
        return (f"the page uses a name the site does not know: {name}.",
                "check the spelling inside the {{ }} against the names the README lists, or remove it.")
    if isinstance(error, jinja2.TemplateNotFound):
        return (f"the page includes {error.name}, which is not in docs/_includes/.",
                "restore that file, or correct the name in the {% include %} line.")
    if isinstance(error, jinja2.TemplateSyntaxError):
        return (f"the {{{{ }}}} or {{% %}} on this line is not written correctly ({error.message}).",
                "check that every {{ has its }} and every {% has its %}.")
    return (f"{type(error).__name__}: {error}",
            "check what this line asks for; if it looks right, tell whoever maintains the site.")


# (Markdown, the page's file as the reader knows it, the line the Markdown starts on) → expanded.
Expand = Callable[[str, str, int], str]


def expander(env: Any) -> Expand:
    """Expanding Markdown with the macros env's variables and macros as they stand when called."""

    def expand(markdown: str, page_file: str, first_line: int) -> str:
        variables = {name: value for name, value in env.variables.items() if name != "page"}
        return render(env.env, markdown, variables, page_file, first_line)

    return expand


def render(environment: jinja2.Environment, markdown: str, variables: Mapping[str, Any], page_file: str,
           first_line: int = 1) -> str:
    """The page's Markdown with its macros expanded; any failure raises SiteError naming the page
    and the line in its file (`first_line` is where the Markdown starts, after any front matter)."""
    try:
        return environment.from_string(markdown).render(**variables)
    except SiteError:
        # Already explained where it happened (a macro rendering the policy names the policy).
        raise
    except Exception as error:  # noqa: BLE001 - every template failure is explained the same way
        raise SiteError(problem_of(error, markdown, page_file, first_line)) from None


def problem_of(error: BaseException, markdown: str, page_file: str, first_line: int = 1) -> Problem:
    """A failure rendering `markdown` (this site's or another engine's Jinja), as a Problem naming
    the page and the line in its file."""
    line = _line(error)
    problem, fix = _explain(error)
    where = f"line {line + first_line - 1}" if line else ""
    quoted = markdown.splitlines()[line - 1].strip() if line and line <= len(markdown.splitlines()) else None
    return Problem(page_file, problem, fix, where, quoted)
