"""`syndcheck fix` adds KFF Health News to a byline that names the reporter without it (the terms'
byline: "By Sarah Jane Tribble for KFF Health News"): the affiliation goes after the name, in the
page's own byline, keeping the rest of it (a date after a bar). A byline that already carries it
(in full, "for …", or as "KHN") is left alone; without the reporter's name nothing is guessed."""

from __future__ import annotations

from typing import Any

import pytest

from compliance.document import DocumentKind
from compliance.engine import CheckSettings
from compliance.fixes import plan_fixes
from compliance.packfiles import load_packs

KFF = [p for p in load_packs() if p.id == "kff-health-news"]
RULE = "kff-health-news/affiliation"
# The tagline the copy ends with, as the terms ask: only the byline is wanting.
TAGLINE = "KFF Health News is a national newsroom that produces in-depth journalism about health issues."


def _plan(text: str, kind: DocumentKind, reporter: str | None = "Priya Raman") -> Any:
    meta = {"reporter": reporter} if reporter else {}
    return plan_fixes(text.encode(), kind, CheckSettings(packs=KFF, path=f"copy.{kind}", auto_detect=False, meta=meta))


def _html(byline: str) -> str:
    return (
        "<html><body><article>\n<h1>Clinics close in rural counties</h1>\n"
        f'<p class="byline">{byline}</p>\n'
        "<p>Three clinics closed this spring, leaving families an hour from care.</p>\n"
        f"<p>{TAGLINE}</p>\n"
        "</article></body></html>\n"
    )


@pytest.mark.parametrize(
    ("byline", "fixed"),
    [
        ("By Priya Raman", "By Priya Raman, KFF Health News"),
        (
            'By <a href="/author/priya-raman/">Priya Raman</a> · June 3, 2026',
            # the reporter's own author link stays around the name alone, the affiliation after it
            'By <a href="/author/priya-raman/">Priya Raman</a>, KFF Health News · June 3, 2026',
        ),
    ],
)
def test_the_affiliation_goes_after_the_reporters_name_in_the_byline(byline: str, fixed: str) -> None:
    plan = _plan(_html(byline), "html")
    assert plan.fixed.decode() == _html(fixed)
    assert RULE not in {f.rule for f in plan.after.findings}


def test_a_text_copy_gets_it_before_the_date() -> None:
    text = f"Clinics close in rural counties\n\nBy Priya Raman | June 3, 2026\n\nThree clinics closed this spring.\n\n{TAGLINE}\n"
    plan = _plan(text, "text")
    assert plan.fixed.decode() == text.replace("Priya Raman |", "Priya Raman, KFF Health News |")


@pytest.mark.parametrize("byline", ["By Priya Raman for KFF Health News", "By Priya Raman, KHN", "By Priya Raman, KFF Health News · June 3"])
def test_a_byline_that_carries_the_affiliation_is_left_alone(byline: str) -> None:
    plan = _plan(_html(byline), "html")
    assert [e for e in plan.edits if e.rule == RULE] == []
    assert RULE not in {f.rule for f in plan.before.findings}


def test_without_the_reporters_name_nothing_is_guessed() -> None:
    # The page's byline may credit someone else than KFF Health News' reporter: the name is not
    # taken from it, but the note says how to give it when the editor knows it is the reporter's.
    plan = _plan(_html("By Priya O'Raman"), "html", reporter=None)
    assert plan.fixed == _html("By Priya O'Raman").encode()
    (unfixed,) = [u for u in plan.unfixed if u.rule == RULE]
    assert unfixed.reason == (
        "needs the reporter's name: give the original story (--original FILE) or --meta reporter=NAME"
        " (if Priya O'Raman, whom the page's byline names, is the reporter: --meta reporter='Priya O'\"'\"'Raman')"
    )
