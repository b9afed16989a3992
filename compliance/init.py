"""`syndcheck init`: a commented project configuration, or (`--pack NAME`) a new rule pack with
the schema comment, a passing and a failing fixture — files that validate and pass `rules test`
as written, for the user to edit.

Pure: the functions here return file contents; the command line writes them (never over an
existing file).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from compliance.errors import ConfigError

SCHEMAS = Path(__file__).resolve().parent / "schemas"
_PACK_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True, slots=True)
class Scaffold:
    """Files to create, and what to tell the user afterwards."""

    files: tuple[tuple[Path, str], ...]
    next_steps: str


def _schema_comment(target_dir: Path, schema: str) -> str:
    relative = Path(os.path.relpath(SCHEMAS / schema, target_dir.resolve())).as_posix()
    return f"# yaml-language-server: $schema={relative}\n"


def config_scaffold(directory: Path) -> Scaffold:
    """A commented `.syndcheck.yaml` for the folder of articles."""
    text = (
        _schema_comment(directory, "config.schema.json")
        + """# syndcheck project configuration: see the README, "Project configuration".
# Nearer .syndcheck.yaml files override this one; command-line flags override all.
root: true

# Apply these packs instead of detecting the publisher of each article:
# packs: [dcnf]

# Your own packs (syndcheck init --pack NAME creates one):
# rules: [rule-packs]

# Lowest severity that fails a run: error, warning or info.
fail-on: error

# Choose rules as ruff does: rule ids, pack ids or globs such as 'dcnf/*'.
# select: [ALL]
# ignore: [common/wire-photo]

# Files to leave out of directory walks (.gitignore is honoured too):
exclude: ['drafts/**']

# Change a rule's severity, or turn it off:
# severity:
#   common/wire-photo: info
"""
    )
    target = directory / ".syndcheck.yaml"
    steps = f"wrote {target}\nnext: edit it (each setting is explained in its comment), then run: syndcheck config show {directory}"
    return Scaffold(((target, text),), steps)


def pack_scaffold(name: str, directory: Path) -> Scaffold:
    """A new pack `NAME.yaml` in `directory` with one detection marker and one rule, and two
    fixtures in `directory/tests/NAME/` that `syndcheck rules test` passes."""
    if not _PACK_ID.match(name):
        raise ConfigError(f"'{name}' is not a pack id", hint="use lower-case words joined by hyphens, e.g. example-gazette")
    from compliance.packfiles import PACK_SUFFIXES, builtin_rules_dir

    if any((builtin_rules_dir() / f"{name}{suffix}").is_file() for suffix in PACK_SUFFIXES):
        # Loaded with --rules, a pack with a built-in pack's id replaces it: a new stub would
        # silently stand in for the publisher's real rules.
        raise ConfigError(
            f"'{name}' is the id of a built-in pack, which a pack with that id replaces",
            hint=f"choose another id; a pack with 'extends: {name}' builds on the built-in one (see docs/rule-packs.md)",
        )
    title = name.replace("-", " ").title()
    pack = (
        _schema_comment(directory, "pack.schema.json")
        + f"""# A rule pack: see docs/rule-packs.md. Edit the fields below to match the publisher's terms.
id: {name}
name: {title}
publisher: {title}
terms_url: https://example.org/republish
as_of: 2025-01-01
summary: >-
  Free to republish with the original's credit line at the end.

define:
  publisher: '{re.escape(title).replace(" ", " ")}'

detect:
  threshold: 1.0
  markers:
    - id: credit-line
      check:
        text:
          pattern: 'first (?:appeared|published) in {{{{publisher}}}}'
          scope: page

rules:
  - id: {name}/credit-line
    severity: error
    terms: "Republish with the credit line at the end of the story."
    message: The credit line is missing from the end of the story.
    help: End the story with "This story first appeared in {title}."
    check:
      text:
        pattern: 'This story first appeared in {{{{publisher}}}}'
        last: 3
"""
    )
    paragraphs = "".join(f"<p>Paragraph {n}: the council approved the budget after a long debate.</p>\n" for n in range(1, 6))
    passing = (
        f"<!-- syndcheck-test: packs={name} -->\n<html><body><article>\n<h1>Council passes budget</h1>\n{paragraphs}"
        f"<p>This story first appeared in {title}.</p>\n</article></body></html>\n"
    )
    failing = (
        f"<!-- syndcheck-test: packs={name} -->\n<!-- expect: {name}/credit-line -->\n<html><body><article>\n<h1>Council passes budget</h1>\n"
        f"{paragraphs}<p>Republished with permission. The credit line first appeared in {title}, but not at the end.</p>\n"
        + "".join(f"<p>Closing paragraph {n}.</p>\n" for n in range(1, 5))
        + "</article></body></html>\n"
    )
    pack_file = directory / f"{name}.yaml"
    fixtures = directory / "tests" / name
    steps = (
        f"wrote {pack_file}, {fixtures / 'passing.html'} and {fixtures / 'failing.html'}\n"
        f"next: edit {pack_file} (terms_url, as_of, the patterns and rules), then run:\n"
        f"  syndcheck rules validate {pack_file}\n"
        f"  syndcheck rules test --rules {directory} {fixtures}"
    )
    return Scaffold(((pack_file, pack), (fixtures / "passing.html", passing), (fixtures / "failing.html", failing)), steps)
