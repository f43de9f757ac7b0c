"""The language builds share the theme's compiled templates (compiled_templates)."""

from __future__ import annotations

from boerneinddragelse.compiled_templates import InMemoryBytecodeCache
from jinja2 import DictLoader, Environment


def _counted(env: Environment, counts: list[str]) -> Environment:
    compile_ = env.compile

    def compile(source, name=None, filename=None, raw=False, defer_init=False):  # type: ignore[no-untyped-def]
        counts.append(name)
        return compile_(source, name, filename, raw, defer_init)

    env.compile = compile  # type: ignore[method-assign]
    return env


def test_a_second_environment_takes_the_compiled_template_and_a_changed_one_is_compiled_again() -> None:
    cache, compiled = InMemoryBytecodeCache(), list[str]()
    templates = {"side.html": "Hej {{ navn }}"}
    for _ in range(2):  # one environment per language build
        env = _counted(Environment(loader=DictLoader(templates), bytecode_cache=cache), compiled)
        assert env.get_template("side.html").render(navn="Ida") == "Hej Ida"
    assert compiled == ["side.html"]
    templates["side.html"] = "Farvel {{ navn }}"
    env = _counted(Environment(loader=DictLoader(templates), bytecode_cache=cache), compiled)
    assert env.get_template("side.html").render(navn="Ida") == "Farvel Ida"
    assert compiled == ["side.html", "side.html"]
