"""`rules explain` lists each thing a rule looks for once."""

from __future__ import annotations

from typing import Any


def test_alternatives_with_one_label_are_listed_once(cli: Any) -> None:
    run = cli("rules", "explain", "dcnf/logo")
    assert run.code == 0
    section = run.out.split("What it looks for", 1)[1].split("\n\n", 1)[0]
    items = [line.strip().removeprefix("- ") for line in section.splitlines()[1:]]
    assert items and len(items) == len(set(items)), section


def _said(packs: Any, rule_id: str) -> str:
    """What `rules explain` says of a rule, without the YAML it shows as the rule's source."""
    from compliance.explain import explain_rule

    return explain_rule(packs, rule_id).split("\nDefined in ", 1)[0]


def test_every_shipped_rule_is_explained_with_its_placeholders_in_words() -> None:
    import re

    from compliance.loading import load_packs
    from compliance.packs import PLACEHOLDER

    packs = load_packs()
    quoting = [rule for pack in packs for rule in pack.rules if rule.pack == pack.id and PLACEHOLDER().search(rule.message + rule.help)]
    assert len(quoting) > 20, "the shipped packs quote values in many messages"
    for rule in quoting:
        said = _said(packs, rule.id)
        assert not re.search(r"\{[A-Za-z_][\w.-]*\}", said), said
        assert "<" in said and ">" in said, said


def test_an_embargo_rule_is_explained_in_words(cli: Any) -> None:
    run = cli("rules", "explain", "propublica/embargo")
    checks = run.out.split("What it checks:", 1)[1].split("\n\n", 1)[0]
    assert " ".join(checks.split()) == "The story is under ProPublica's embargo (\"<the text found>\"): <when the copy may run, from the notice's date>."
