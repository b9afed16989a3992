"""A missing link back whose help says to link the credit line ("Link the credit line to the
original story") points at the credit line when the page has one, so that an editor's "go to
line" lands on the words to link; without a credit line it keeps its place (the story's end for
a rule whose fix goes there, else the article's start). A rule says so with `missing-at` naming
the pack's credit rule, which the pack must have."""

from __future__ import annotations

import pytest

from compliance.engine import check_bytes
from compliance.errors import PackError
from compliance.packfiles import load_packs
from compliance.packs import Pack, load_pack

PACKS = {pack.id: pack for pack in load_packs()}

# (pack, the link rule, a credit line with no link back, the rule's place without a credit line:
# the story's end for a fix or a check that puts the link there, else the article's start).
CREDITS = [
    ("propublica", "creative-commons/source-link", "This story was originally published by ProPublica.", "end"),
    ("the-19th", "creative-commons/source-link", "Originally published by The 19th.", "end"),
    (
        "the-conversation",
        "creative-commons/source-link",
        "This article is republished from The Conversation under a Creative Commons license.",
        "start",
    ),
    ("states-newsroom", "states-newsroom/link", "This story first appeared in the Maine Morning Star.", "end"),
]


def _page(credit: str, *, at_top: bool) -> bytes:
    """A copy whose article starts at line 4 and ends at line 9; the credit line, when given, at
    line 6 (under the byline) or line 9 (the story's last paragraph)."""
    top, end = (credit, "Wages rose 4% over the same months.") if at_top else ("Median rent rose 9% in a year.", credit)
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rents</title></head>\n'
        "<body><header><a href='/'>Valley Voice</a></header>\n<main>\n<article>\n"
        "<h1>Rents rise faster than wages</h1>\n"
        f"<p>{top}</p>\n"
        '<p class="byline">By Ana Ruiz</p>\n'
        "<p>The survey of 2,000 tenants was published on Tuesday by the county's housing office.</p>\n"
        f"<p>{end}</p>\n</article>\n</main>\n<footer>Valley Voice</footer></body></html>\n"
    ).encode()


def _line_of(rule: str, pack: str, page: bytes) -> int:
    report = check_bytes(page, "html", [PACKS[pack]], path="copy.html", auto_detect=False)
    lines = [finding.location.line for finding in report.findings if finding.rule == rule and finding.location is not None]
    assert len(lines) == 1, [(f.rule, f.message) for f in report.findings]
    return lines[0]


@pytest.mark.parametrize(("pack", "rule", "credit", "_"), CREDITS, ids=[c[0] for c in CREDITS])
def test_a_missing_link_back_points_at_the_credit_line_it_belongs_in(pack: str, rule: str, credit: str, _: str) -> None:
    assert _line_of(rule, pack, _page(credit, at_top=True)) == 6


@pytest.mark.parametrize(("pack", "rule", "credit", "_"), [c for c in CREDITS if c[0] != "propublica"], ids=[c[0] for c in CREDITS if c[0] != "propublica"])
def test_a_credit_line_at_the_end_is_where_the_link_goes_too(pack: str, rule: str, credit: str, _: str) -> None:
    # ProPublica's credit line belongs at the top: one at the end is no credit line its rule finds.
    assert _line_of(rule, pack, _page(credit, at_top=False)) == 9


@pytest.mark.parametrize(("pack", "rule", "_", "place"), CREDITS, ids=[c[0] for c in CREDITS])
def test_without_a_credit_line_the_finding_keeps_its_place(pack: str, rule: str, _: str, place: str) -> None:
    page = _page("Median rent rose 9% in a year.", at_top=True)
    assert _line_of(rule, pack, page) == (9 if place == "end" else 4)


def test_the_republication_tracker_attribution_is_where_its_link_goes() -> None:
    page = (
        b'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rents</title></head>\n'
        b"<body><main><article>\n<h1>Rents rise faster than wages</h1>\n"
        b'<p class="byline">By Ana Ruiz, Valley Ledger</p>\n'
        b"<p>Median rent rose 9% in a year, a new survey finds.</p>\n"
        b'<p>This article first appeared on <a href="https://valleyledger.example">Valley Ledger</a> and is republished here'
        b" under a Creative Commons Attribution-NoDerivatives 4.0 International License.</p>\n"
        b"<p>Wages rose 4% over the same months.</p>\n</article></main></body></html>\n"
    )
    assert _line_of("creative-commons/source-link", "republication-tracker", page) == 6


PACK = """\
id: gazette
name: Gazette
publisher: Gazette
terms_url: https://gazette.example/terms
as_of: 2024-01-01
summary: s
rules:
  - id: gazette/credit
    severity: error
    message: m
    help: h
    check: {{text: {{phrase: Originally published by the Gazette}}}}
  - id: gazette/link
    severity: error
    message: m
    help: Link the credit line to the story.
    missing-at: {place}
    check: {{link: {{href: 'gazette\\.example/story'}}}}
"""


def test_missing_at_names_a_rule_of_the_pack() -> None:
    with pytest.raises(PackError) as caught:
        load_pack(PACK.format(place="gazette/credit-line"), "gazette.yaml")
    assert "'missing-at' names rule 'gazette/credit-line', which the pack does not have" in str(caught.value)
    assert "gazette/credit" in str(caught.value)  # the rule meant, suggested
    with pytest.raises(PackError) as caught:
        load_pack(PACK.format(place="credit"), "gazette.yaml")
    assert "'missing-at' must be end, byline or the id of a rule of the pack, got 'credit'" in str(caught.value)


def test_a_house_pack_points_its_link_at_its_credit_line() -> None:
    pack = load_pack(PACK.format(place="gazette/credit"), "gazette.yaml")
    page = (
        b"<html><body><article>\n<h1>Budget</h1>\n<p>The council met.</p>\n"
        b"<p>Originally published by the Gazette.</p>\n<p>It voted.</p>\n</article></body></html>"
    )
    report = check_bytes(page, "html", [pack], path="copy.html", auto_detect=False)
    assert [(f.rule, str(f.location)) for f in report.findings] == [("gazette/link", "4:1")]


def _story(byline: str, credit: str) -> bytes:
    """A copy with the byline at line 4 and the credit line, when given, at line 5; no link back
    and no license named."""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rents</title></head>\n'
        "<body><main><article>\n<h1>Rents rise faster than wages</h1>\n"
        f'<p class="byline">{byline}</p>\n'
        f"<p>{credit}</p>\n"
        "<p>The survey of 2,000 tenants was published on Tuesday by the county's housing office.</p>\n"
        "<p>Wages rose 4% over the same months, the office said in its report.</p>\n</article></main></body></html>\n"
    ).encode()


# (pack, rule, byline, credit line, the line the help says to amend: the byline, 4, or the credit line, 5)
AMEND = [
    ("kff-health-news", "creative-commons/source-link", "By Ana Ruiz, KFF Health News", "", 4),
    ("kff-health-news", "creative-commons/source-link", "By Ana Ruiz for KFF Health News", "", 4),
    ("texas-tribune", "texas-tribune/link", "By Ana Ruiz, The Texas Tribune", "", 4),
    ("texas-tribune", "texas-tribune/link", "By Ana Ruiz", "This story was originally published by The Texas Tribune.", 5),
    ("global-voices", "creative-commons/source-link", "", "This story by Ana Ruiz originally appeared on Global Voices on May 3, 2024.", 5),
    ("global-voices", "creative-commons/license", "", "This story by Ana Ruiz originally appeared on Global Voices on May 3, 2024.", 5),
    (
        "the-conversation",
        "creative-commons/license",
        "Ana Ruiz, Colorado State University",
        'This article is republished from <a href="https://theconversation.com">The Conversation</a>.',
        5,
    ),
]


@pytest.mark.parametrize(("pack", "rule", "byline", "credit", "line"), AMEND, ids=[f"{a[0]}-{a[1]}-{a[4]}" for a in AMEND])
def test_a_missing_link_or_license_points_at_the_line_the_help_says_to_amend(pack: str, rule: str, byline: str, credit: str, line: int) -> None:
    assert _line_of(rule, pack, _story(byline, credit)) == line


def test_the_global_voices_credit_line_does_not_begin_the_story() -> None:
    page = _story("", "This story by Ana Ruiz originally appeared on Global Voices on May 3, 2024.").replace(
        b"in its report.</p>", b'in its report.</p>\n<p><a href="https://globalvoices.org/2024/05/03/rents/">Read more</a> at Global Voices.</p>'
    )
    report = check_bytes(page, "html", [PACKS["global-voices"]], path="copy.html", auto_detect=False)
    (finding,) = [f for f in report.findings if f.rule == "creative-commons/source-link"]
    assert "after the story's body begins (line 6," in (finding.detail or "")


def _asks_for(check: object) -> bool:
    """Whether a check asks for a link in the story (a `link` check of its `<a>` links), itself or
    through `any`, `all` or `position` (a link back, a link to the license); not a tag of the
    page's head (`source: canonical`), nor a link found by another kind (a counter's number)."""
    kind, params = getattr(check, "kind", ""), getattr(check, "params", None)
    if kind == "link":
        return bool(params.source == "a")
    if kind in ("any", "all"):
        return any(_asks_for(branch) for branch in params)
    if kind == "position":
        return _asks_for(params.check)
    return False


def test_every_shipped_rule_that_asks_for_a_link_or_the_license_points_where_it_is_added() -> None:
    # Its finding points at the byline or the credit line the help says to amend (`missing-at`:
    # `byline`, or the rule that finds that line), not at the article's start.
    asking = []
    for pack in PACKS.values():
        ids = {rule.id for rule in pack.rules}
        for rule in pack.rules:
            if not _asks_for(rule.check):
                continue
            asking.append((pack.id, rule.id))
            assert rule.missing_at == "byline" or rule.missing_at in ids, (pack.id, rule.id, rule.missing_at)
    assert {("creative-commons", "creative-commons/source-link"), ("creative-commons", "creative-commons/license")} <= set(asking)
    assert {("the-19th", "creative-commons/source-link"), ("texas-tribune", "texas-tribune/link")} <= set(asking)


HOUSE = """\
id: gazette
name: Gazette
publisher: Gazette
terms_url: https://gazette.example/terms
as_of: 2024-01-01
summary: s
extends: creative-commons
rules: {rules}
"""


@pytest.mark.parametrize(
    "pack",
    [
        PACKS["creative-commons"],
        load_pack(HOUSE.format(rules="[]"), "gazette.yaml", parents=PACKS),
        # The byline is a place, not a rule: a pack that turns the author's rule off keeps it.
        load_pack(HOUSE.format(rules="[{id: creative-commons/author, off: true}]"), "gazette.yaml", parents=PACKS),
    ],
    ids=["base pack", "house pack", "house pack without the author rule"],
)
@pytest.mark.parametrize("rule", ["creative-commons/source-link", "creative-commons/license"])
def test_a_missing_link_or_license_of_the_creative_commons_base_points_at_the_byline(pack: Pack, rule: str) -> None:
    page = _story("By Ana Ruiz, Valley Ledger", "Photo: Jo Lee.")
    report = check_bytes(page, "html", [pack], path="copy.html", auto_detect=False, meta={"original_url": "https://ledger.example/rents"})
    assert [f.location.line for f in report.findings if f.rule == rule and f.location is not None] == [4]


@pytest.mark.parametrize("rule", ["creative-commons/source-link", "creative-commons/license"])
def test_without_a_byline_in_the_body_the_base_packs_finding_keeps_the_articles_start(rule: str) -> None:
    page = _story("", "Photo: Jo Lee.")
    report = check_bytes(page, "html", [PACKS["creative-commons"]], path="copy.html", auto_detect=False, meta={"original_url": "https://ledger.example/rents"})
    assert [f.location.line for f in report.findings if f.rule == rule and f.location is not None] == [2]
    # Line 2 opens the <article>. A byline the theme prints from the metadata is not in the story: no line of it to amend.
    report = check_bytes(
        page,
        "html",
        [PACKS["creative-commons"]],
        path="copy.html",
        auto_detect=False,
        meta={"original_url": "https://ledger.example/rents", "byline": "Ana Ruiz"},
    )
    assert [f.location.line for f in report.findings if f.rule == rule and f.location is not None] == [2]
