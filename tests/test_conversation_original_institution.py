"""The Conversation: "credit authors and their institutions" — with the original story given, each
author the byline credits with an institution must have the one the original gives them
(the-conversation/original-institution). The same institution written in another style passes; an
author credited without one is author-institution's finding, not this rule's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.checks.original_byline import same_institution
from tests.conftest import write

STORY_URL = "https://theconversation.com/why-honeybees-dance-for-their-sisters-228114"
PAGE = """<html><head><meta charset="utf-8"><title>Why honeybees dance</title>{head}</head><body><article>
<h1>Why honeybees dance for their sisters</h1>
<p class="byline">{byline}</p>
<p>Honeybees dance to tell their sisters where the flowers are, as researchers have long known.</p>
<p>A forager's waggle run points the way and its length says how far the patch lies from the hive.</p>
{credit}
</article></body></html>"""
CREDIT = (
    '<p>This article is republished from <a href="https://theconversation.com">The Conversation</a> under a Creative Commons'
    f' license. Read the <a href="{STORY_URL}">original article</a>.</p>'
)
RULE = "the-conversation/original-institution"


def _findings(cli: Any, tmp_path: Path, original_byline: str, byline: str) -> list[dict[str, Any]]:
    original = write(tmp_path, "original.html", PAGE.format(head=f'<link rel="canonical" href="{STORY_URL}">', byline=original_byline, credit=""))
    copy = write(tmp_path, "copy.html", PAGE.format(head="", byline=byline, credit=CREDIT))
    (entry,) = cli("check", "--format", "json", "--pack", "the-conversation", "--original", str(original), str(copy)).json()["files"]
    return [f for f in entry["findings"] if f["rule"] == RULE]


@pytest.mark.parametrize(
    ("original_byline", "byline", "detail"),
    [
        (
            "Maria Lopez, University of Arizona",
            "By Maria Lopez, Harvard University",
            "gives Maria Lopez 'Harvard University'; the original gives 'University of Arizona'",
        ),
        # One institution after two names gives both of them it: the second author's is wrong.
        (
            "Maria Lopez, University of Arizona and Dev Patel, Arizona State University",
            "By Maria Lopez and Dev Patel, University of Arizona",
            "gives Dev Patel 'University of Arizona'; the original gives 'Arizona State University'",
        ),
        # The same words in another order name another institution.
        ("Dev Patel, Arizona State University", "Dev Patel, University of Arizona", "the original gives 'Arizona State University'"),
        # Accents and the names of other languages are compared too.
        ("Anika Foss, Karolinska Institutet", "Anika Foss, Universität Wien", "the original gives 'Karolinska Institutet'"),
    ],
)
def test_another_institution_than_the_originals_is_reported(cli: Any, tmp_path: Path, original_byline: str, byline: str, detail: str) -> None:
    (finding,) = _findings(cli, tmp_path, original_byline, byline)
    assert finding["severity"] == "error"
    assert detail in finding["message"]
    assert finding["line"] == 3


@pytest.mark.parametrize(
    ("original_byline", "byline"),
    [
        ("Maria Lopez, University of Arizona", "By Maria Lopez, University of Arizona"),
        # Style: letter case, "The", an abbreviation, accents, more of the name around it, initials.
        ("Maria Lopez, University of Arizona", "By MARIA LOPEZ, THE UNIVERSITY OF ARIZONA"),
        ("Maria Lopez, University of Arizona", "By Maria Lopez, Univ. of Arizona"),
        ("Maria Lopez, University of Arizona", "By Maria Lopez, University of Arizona, Tucson"),
        ("Maria Lopez, University of Arizona", "By Maria Lopez, Department of Entomology, University of Arizona"),
        ("Ana Ruiz, University of California, Los Angeles", "By Ana Ruiz, UCLA"),
        ("José Díaz, Universidad de Córdoba", "By Jose Diaz, Universidad de Cordoba"),
        # Each author with their own, in either order.
        (
            "Maria Lopez, University of Arizona and Dev Patel, Arizona State University",
            "By Dev Patel, Arizona State University, and Maria Lopez, University of Arizona",
        ),
        # Without an institution in the byline: not this rule's to say (author-institution asks for one).
        ("Maria Lopez, University of Arizona", "By Maria Lopez"),
        # The original gives none: nothing to compare.
        ("Maria Lopez", "By Maria Lopez, Harvard University"),
        # Another author (original-reporter's finding): no institution of the original's to compare.
        ("Maria Lopez, University of Arizona", "By Odile Marchetti, Harvard University"),
    ],
)
def test_the_originals_institution_in_any_style_passes(cli: Any, tmp_path: Path, original_byline: str, byline: str) -> None:
    assert _findings(cli, tmp_path, original_byline, byline) == []


def test_without_the_original_the_rule_is_not_compared(cli: Any, tmp_path: Path) -> None:
    copy = write(tmp_path, "copy.html", PAGE.format(head="", byline="By Maria Lopez, Harvard University", credit=CREDIT))
    run = cli("check", "--pack", "the-conversation", str(copy))
    assert RULE in run.out.split("not compared:", 1)[1].splitlines()[0]


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("Massachusetts Institute of Technology", "MIT", True),
        ("Arizona State University", "ASU", True),
        ("University of Arizona", "ASU", False),
        ("Université de Montréal", "Universite de Montreal", True),
        ("King's College London", "Kings College London", False),
        ("Monash University", "Monash University Malaysia", True),
        ("Monash University", "Deakin University", False),
    ],
)
def test_same_institution(one: str, other: str, same: bool) -> None:
    assert same_institution(one, other) is same
    assert same_institution(other, one) is same
