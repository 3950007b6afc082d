"""Material's templates are compiled once per build process, and again when one changes."""

from __future__ import annotations

import jinja2

from macros.engine.mkdocs_hooks import CompiledTemplates


def test_a_template_is_compiled_once_for_every_environment_and_again_when_it_changes() -> None:
    cache = CompiledTemplates()
    sources = {"main.html": "Hello {{ name }}"}

    def render() -> str:
        env = jinja2.Environment(loader=jinja2.DictLoader(sources), bytecode_cache=cache)
        return env.get_template("main.html").render(name="Haydn")

    assert render() == "Hello Haydn"
    assert len(cache.compiled) == 1
    compiled = next(iter(cache.compiled.values()))
    assert render() == "Hello Haydn" and next(iter(cache.compiled.values())) is compiled  # reused
    sources["main.html"] = "Goodbye {{ name }}"
    assert render() == "Goodbye Haydn"
