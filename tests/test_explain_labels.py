"""`rules explain` lists each thing a rule looks for once."""

from __future__ import annotations

from typing import Any


def test_alternatives_with_one_label_are_listed_once(cli: Any) -> None:
    run = cli("rules", "explain", "dcnf/logo")
    assert run.code == 0
    section = run.out.split("What it looks for", 1)[1].split("\n\n", 1)[0]
    items = [line.strip().removeprefix("- ") for line in section.splitlines()[1:]]
    assert items and len(items) == len(set(items)), section
