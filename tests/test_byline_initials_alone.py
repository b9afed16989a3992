"""A byline of a person's initials alone ("By J. S., Daily Caller News Foundation") names no
outlet: the byline rules say it gives only initials, not the reporter's name, where they said it
named an outlet. Initials without their full stops ("By AP", "By HB") stay an outlet's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.document.byline_reading import initials_alone
from tests.conftest import write


@pytest.mark.parametrize(
    ("credit", "initials"),
    [
        ("J. S., Daily Caller News Foundation", "J. S."),
        ("J.S., CalMatters", "J.S."),
        ("J. R. S., ProPublica", "J. R. S."),
        ("M. L", "M. L"),
        ("É. L. | KFF Health News", "É. L."),
        # without the full stops initials are an outlet's as likely; a name is no initials
        ("JS, CalMatters", None),
        ("AP", None),
        ("NPR", None),
        ("J. Smith, CalMatters", None),
        ("J.", None),
        ("A.B.C.D.E.", None),
    ],
)
def test_initials_alone_are_a_persons_initials_with_their_full_stops(credit: str, initials: str | None) -> None:
    assert initials_alone(credit) == initials


@pytest.mark.parametrize(
    ("rule", "byline", "said"),
    [
        ("dcnf/byline", "By J. S., Daily Caller News Foundation", "gives only initials ('J. S.'), not the reporter's name"),
        ("calmatters/byline", "By R.I., CalMatters", "gives only initials ('R.I.'), not the reporter's name"),
        ("propublica:creative-commons/author", "By H. B. | ProPublica", "gives only initials ('H. B.'), not the reporter's name"),
        ("kff-health-news:creative-commons/author", "By T. F. · KFF Health News", "gives only initials ('T. F.'), not the reporter's name"),
        # an outlet, or initials without their full stops, are still said to name an outlet
        ("dcnf/byline", "By Daily Caller News Foundation", "names an outlet, not a reporter"),
        ("calmatters/byline", "By AP, CalMatters", "names an outlet, not a reporter"),
        ("propublica:creative-commons/author", "By HB, ProPublica", "names an outlet, not a reporter"),
    ],
)
def test_a_byline_of_initials_alone_is_said_to_give_only_initials(cli: Any, tmp_path: Path, rule: str, byline: str, said: str) -> None:
    copy = write(tmp_path, "copy.html", f'<article><h1>Title</h1><p class="byline">{byline}</p><p>The story.</p></article>')
    pack, _, selected = rule.rpartition(":") if ":" in rule else (rule.split("/")[0], "", rule)
    run = cli("check", "--pack", pack, "--select", selected, "--format", "json", str(copy))
    (finding,) = run.json()["files"][0]["findings"]
    assert finding["message"].endswith(f"(byline '{byline}' {said}).")
