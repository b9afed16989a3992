"""`named-sites` of the `link` check: a credit that names one site of a network and links
another's is no link back (States Newsroom: each affiliate has its own site)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import assert_pack_refused, write

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8"><title>Caps on insulin copays</title></head>
<body><main><article>
<h1>Lawmakers cap insulin copays</h1>
<p class="byline">By Elsa Thibodeau, {outlet}</p>
<p>Lawmakers gave final approval Thursday to a bill that caps insulin copays at $35 a month for people on state-regulated plans.</p>
<p>The measure passed the Senate 28-6 and now heads to the governor, who has said she will sign it.</p>
<p><em>This story first appeared in {credit}.</em></p>
</article></main></body></html>
"""


def _link_finding(cli: Any, tmp_path: Path, outlet: str, href: str, words: str | None = None) -> dict[str, Any] | None:
    credit = f'the <a href="{href}">{outlet}</a>' if words is None else words.format(href=href, outlet=outlet)
    page = write(tmp_path, "copy.html", PAGE.format(outlet=outlet, credit=credit))
    run = cli("check", "--format", "json", "--select", "states-newsroom/link", str(page))
    entry = run.json()["files"][0]
    assert entry["packs"] == ["states-newsroom"]
    return next((f for f in entry["findings"] if f["rule"] == "states-newsroom/link"), None)


@pytest.mark.parametrize(
    ("outlet", "href", "goes_to", "wanted"),
    [
        ("Maine Morning Star", "https://newhampshirebulletin.com/", "newhampshirebulletin.com", "mainemorningstar.com"),
        ("Louisiana Illuminator", "https://www.ncnewsline.com/2025/03/06/insulin/", "www.ncnewsline.com", "lailluminator.com"),
        ("Pennsylvania Capital-Star", "https://sourcenm.com/", "sourcenm.com", "penncapital-star.com"),
    ],
)
def test_a_credit_naming_one_outlet_and_linking_anothers_site_is_no_link_back(
    cli: Any, tmp_path: Path, outlet: str, href: str, goes_to: str, wanted: str
) -> None:
    finding = _link_finding(cli, tmp_path, outlet, href)
    assert finding is not None
    assert finding["line"] == 8
    assert f"names the site at {wanted} but goes to {goes_to}: point it at {wanted}" in finding["detail"]


@pytest.mark.parametrize(
    ("outlet", "href", "words"),
    [
        ("Maine Morning Star", "https://mainemorningstar.com/2025/03/06/insulin/", None),
        ("Maine Morning Star", "https://www.mainemorningstar.com/", '<a href="{href}">the {outlet}</a>'),
        ("Louisiana Illuminator", "https://lailluminator.com/2025/03/06/insulin/", None),
        # The network's own sites are a link back whatever outlet the words name.
        ("Maine Morning Star", "https://stateline.org/2025/03/06/insulin/", None),
        ("Maine Morning Star", "https://statesnewsroom.com/", None),
        # Words that name no outlet, in a credit line naming the outlet they go to.
        ("Maine Morning Star", "https://mainemorningstar.com/2025/03/06/insulin/", 'the {outlet} (<a href="{href}">read it there</a>)'),
        # A credit line naming two outlets (a co-published story) may link either.
        (
            "Kansas Reflector",
            "https://kansasreflector.com/2025/03/06/insulin/",
            'the Missouri Independent and the {outlet} (<a href="{href}">read it there</a>)',
        ),
        # Stateline's own site, whatever outlet the line names.
        ("Georgia Recorder", "https://stateline.org/2025/03/06/insulin/", '{outlet}, <a href="{href}">part of States Newsroom</a>'),
    ],
)
def test_a_credit_linking_the_outlet_it_names_or_the_network_passes(cli: Any, tmp_path: Path, outlet: str, href: str, words: str | None) -> None:
    assert _link_finding(cli, tmp_path, outlet, href, words) is None


# A credit line naming one outlet whose link, on other words, goes to another outlet's story.
@pytest.mark.parametrize(
    ("outlet", "href", "words", "goes_to", "wanted"),
    [
        (
            "Maine Morning Star",
            "https://newhampshirebulletin.com/2025/03/06/insulin/",
            'the {outlet} (<a href="{href}">read it there</a>)',
            "newhampshirebulletin.com",
            "mainemorningstar.com",
        ),
        (
            "Georgia Recorder",
            "https://kansasreflector.com/2025/03/06/insulin/",
            '{outlet}. <a href="{href}">Read the original</a>',
            "kansasreflector.com",
            "georgiarecorder.com",
        ),
        ("Source New Mexico", "https://www.azmirror.com/2025/03/06/insulin/", '<a href="{href}">{outlet}’s website</a>', "www.azmirror.com", "sourcenm.com"),
        (
            "SC Daily Gazette",
            "https://ncnewsline.com/2025/03/06/insulin/",
            '{outlet}: <a href="{href}">Lawmakers cap insulin copays</a>',
            "ncnewsline.com",
            "scdailygazette.com",
        ),
    ],
)
def test_a_credit_line_naming_one_outlet_whose_link_goes_to_anothers_story_is_no_link_back(
    cli: Any, tmp_path: Path, outlet: str, href: str, words: str, goes_to: str, wanted: str
) -> None:
    finding = _link_finding(cli, tmp_path, outlet, href, words)
    assert finding is not None
    assert finding["line"] == 8
    assert f"stands in a credit line naming the site at {wanted} but goes to {goes_to}: point it at {wanted}" in finding["detail"]


def test_a_story_paragraph_naming_an_outlet_and_linking_anothers_story_cites_it(cli: Any, tmp_path: Path) -> None:
    # A paragraph of the story (more than a credit line's 40 words) that names one outlet and
    # links another's story cites it: no link back, and no link to re-point (the credit is what
    # to link), as a citation of any other story of the network.
    paragraph = (
        "the Maine Morning Star. Reporters across the region followed the bill for months, and the"
        ' <a href="{href}">New Hampshire debate</a> drew on the same testimony from doctors, patients and insurers who'
        " spoke at hearings in both capitals about what insulin costs families every month"
    )
    finding = _link_finding(cli, tmp_path, "Maine Morning Star", "https://newhampshirebulletin.com/2025/03/06/insulin/", paragraph)
    assert finding is not None
    assert "New Hampshire debate</a>) cites another story by its words" in finding["detail"]
    assert "point it at" not in finding["detail"]


HOUSE = """id: house
name: House rules
publisher: Example Network
terms_url: https://example.org/terms
as_of: 2024-05-01
summary: Our own republication rules.
detect:
  markers:
    - id: credit
      check: {text: {phrase: First published by the Example Network}}
rules:
  - id: house/link
    severity: error
    message: No link back.
    help: Link the credit line to the gazette that published the story.
    check:
      link:
        href: '^https://(?:north|south)\\.example/'
        named-sites:
          North Gazette: north.example
          South Gazette: south.example
"""


@pytest.mark.parametrize(
    ("change", "line", "fragment", "hint"),
    [
        (("north.example\n", "https://north.example/\n"), 20, "'https://north.example/' is not a host name", "write the host name only"),
        (
            ("named-sites:\n          North Gazette: north.example\n          South Gazette: south.example\n", "named-sites: {}\n"),
            19,
            "must name at least one site",
            "one 'Site Name: host.example' line",
        ),
        (
            # Which of the sites the copy credits means nothing without the sites.
            (
                "named-sites:\n          North Gazette: north.example\n          South Gazette: south.example\n",
                "credit-line: 'First published by the (?:North|South) Gazette'\n",
            ),
            17,
            "a link check's credit-line needs named-sites",
            "add named-sites (Site Name: host) to the check, or leave credit-line out",
        ),
    ],
)
def test_named_sites_are_validated_with_file_line_and_a_hint(cli: Any, tmp_path: Path, change: tuple[str, str], line: int, fragment: str, hint: str) -> None:
    assert change[0] in HOUSE
    assert_pack_refused(cli, write(tmp_path, "house.yaml", HOUSE.replace(*change)), line, fragment, hint)
