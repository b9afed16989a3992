"""The documentation keeps up with the code: every option of every command is in the README or
docs/, every notice code the code can produce is in the README's table (and nothing else is),
and every output format is documented."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import typer

from compliance.cli import app
from compliance.formatters import FORMATTERS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = README + "".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs").glob("*.md")))


def _commands(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _commands(sub, (*path, name))


def test_every_option_of_every_command_is_documented() -> None:
    missing = []
    for path, command in _commands(typer.main.get_command(app)):
        for param in command.params:
            for option in [*param.opts, *getattr(param, "secondary_opts", [])]:
                if option.startswith("--") and option != "--help" and not re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", DOCS):
                    missing.append(f"syndcheck {' '.join(path)} {option}")
    assert missing == []


def test_every_documented_check_option_is_in_help(cli: Any) -> None:
    table = README.split("### Options of `syndcheck check`", 1)[1].split("\n### ", 1)[0]
    documented = set(re.findall(r"^\| `(--[a-z-]+)", table, re.MULTILINE))
    shown = cli("check", "--help").out
    assert documented and all(option in shown for option in documented), documented - {o for o in documented if o in shown}


def test_notice_codes_in_the_code_are_the_documented_ones() -> None:
    produced = set()
    modules = [module.read_text(encoding="utf-8") for module in (ROOT / "compliance").rglob("*.py")]
    # A code some modules share is a named constant (`MARKER_TIME_LIMIT = "marker-time-limit"`).
    named = dict(re.findall(r'^([A-Z][A-Z_]+) = "([a-z]+(?:-[a-z]+)*)"$', "\n".join(modules), re.MULTILINE))
    for text in modules:
        # The first argument may be on the call's line or, for a long call, on the next one.
        for call in re.findall(r"Notice\(\s*(.*)", text):
            # The code is the first argument: a word (or a choice of words) before a comma.
            produced |= set(re.findall(r'"([a-z]+(?:-[a-z]+)*)"(?=\s*(?:,|if\b))', call))
            produced |= {named[name] for name in re.findall(r"^([A-Z][A-Z_]+)(?=\s*,)", call) if name in named}
    table = README.split("### Notices", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `([a-z-]+)` \|", table, re.MULTILINE))
    assert produced == documented


def test_every_format_is_documented(cli: Any) -> None:
    shown = cli("check", "--help").out
    for name in FORMATTERS:
        assert f"`{name}`" in README, name
    for name in re.findall(r"\[(?:text|json)\|[a-z|-]+\]", shown)[0].strip("[]").split("|"):
        assert f"`{name}`" in README, name


def test_the_readme_names_every_error_code_of_the_http_api() -> None:
    # docs/serve.md's table is the full list; the README's summary of it leaves none out, so a
    # client written from the README handles each (a 415 for a gzip body, a 405 for a GET).
    serve = (ROOT / "docs" / "serve.md").read_text(encoding="utf-8").split("\n## Errors", 1)[1].split("\n## ", 1)[0]
    answers = set(re.findall(r"^\| (\d{3}) \| `([a-z-]+)`", serve, re.MULTILINE))
    assert ("405", "method-not-allowed") in answers and ("415", "unsupported-content-encoding") in answers
    summary = README.split("Errors are JSON with a stable code:", 1)[1].split("\n\n", 1)[0]
    missing = {(status, code) for status, code in answers if not re.search(rf"{status} \([^)]*`{code}`", summary, re.DOTALL) and f"`{code}`" not in summary}
    assert missing == set()
    for status, _ in answers:
        assert status in summary, status
