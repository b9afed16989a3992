"""The copy's headline as a reader reads it, wherever it comes from.

- A CMS payload's `headline` (or `title`) field is the headline the CMS prints above the body it
  sends: compared with CalMatters' headline on every input path (`--input-kind cms-json`, the HTTP
  API, the editor's page), where it once counted as no headline at all and failed every payload.
  A page's own `<h1>` still wins; a body's `<h2>` crosshead gives way to the field.
- A theme's site name in an `<h1 class="site-title">` is not the story's headline: the entry title
  under it (an `<h2>`, the heading the page's `og:title` or JSON-LD `headline` names) is.
- A `<br>` in the headline is a space between its words; a kicker that opens the `<h1>` (`<span
  class="kicker">Housing</span>`) is the theme's section label, not the headline's words.
- With the original story given, CalMatters' headline may differ in style as the story's fidelity
  reads it ("40" → "forty"), never in content ("40" → "50"); a pack that does not compare headlines
  (ProPublica's) says when the headline differs from the original's, rather than passing silently.
- A CalMatters credit line in other English words ("This article was originally published by
  CalMatters.") is told that its wording differs, not that a line is missing from the top.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from compliance.document import parse_document

HEADLINE = "California’s new housing law is already facing its first test"
CREDIT = (
    '<p><em>This story was originally published by <a href="https://calmatters.org/housing/2024/02/california-housing-law-test/">CalMatters</a>.'
    ' <a href="https://calmatters.org/newsletters/">Sign up</a> for their newsletters.</em></p>'
)
BODY = (
    f"{CREDIT}<p>A state law meant to speed up apartment construction near transit is facing its first legal challenge.</p>"
    "<p>The lawsuit, filed in Los Angeles County Superior Court, argues the law oversteps local authority.</p>"
)
BYLINE = "By Ben Christopher, CalMatters"


def _payload(tmp_path: Path, **fields: str) -> Path:
    path = tmp_path / "payload.json"
    path.write_text(json.dumps({"id": "wp-1", "byline": BYLINE, "original_headline": HEADLINE, "html": BODY, **fields}), encoding="utf-8")
    return path


def _entry(cli: Any, *args: str) -> dict[str, Any]:
    (entry,) = cli("check", "--format", "json", *args).json()["files"]
    return entry  # type: ignore[no-any-return]


def _outcome(entry: dict[str, Any], rule: str) -> str:
    if any(f["rule"] == rule for f in entry["findings"]):
        return "error"
    return "passed" if any(p["rule"] == rule for p in entry["passed"]) else "not checked"


@pytest.mark.parametrize("field", ["headline", "title"])
def test_a_payloads_headline_field_is_the_copys_headline(cli: Any, tmp_path: Path, field: str) -> None:
    entry = _entry(cli, "--input-kind", "cms-json", str(_payload(tmp_path, **{field: HEADLINE})))
    assert entry["findings"] == []
    (passed,) = [p for p in entry["passed"] if p["rule"] == "calmatters/headline"]
    assert passed["evidence"] == HEADLINE.replace("’", "'")


def test_a_payload_headline_that_differs_fails_and_says_what_it_reads(cli: Any, tmp_path: Path) -> None:
    entry = _entry(cli, "--input-kind", "cms-json", str(_payload(tmp_path, headline="New housing law faces a lawsuit")))
    (finding,) = entry["findings"]
    assert finding["rule"] == "calmatters/headline"
    assert finding["detail"].startswith('headline "New housing law faces a lawsuit" is not the original')


def test_a_payloads_html_h1_wins_over_its_headline_field(cli: Any, tmp_path: Path) -> None:
    page = f"<h1>New housing law faces a lawsuit</h1>{BODY}"
    entry = _entry(cli, "--input-kind", "cms-json", str(_payload(tmp_path, headline=HEADLINE, html=page)))
    assert _outcome(entry, "calmatters/headline") == "error"


def test_a_crosshead_in_the_body_gives_way_to_the_headline_field(cli: Any, tmp_path: Path) -> None:
    page = f"{BODY}<h2>What the lawsuit says</h2><p>The city says the law is unconstitutional.</p>"
    entry = _entry(cli, "--input-kind", "cms-json", str(_payload(tmp_path, headline=HEADLINE, html=page)))
    assert _outcome(entry, "calmatters/headline") == "passed"


def test_the_api_reads_the_headline_field_as_the_command_line_does() -> None:
    pytest.importorskip("starlette", reason="the 'serve' extra is not installed")
    from starlette.testclient import TestClient

    from compliance.serve import ServeSettings
    from compliance.serve.app import create_app

    client = TestClient(create_app(ServeSettings(max_bytes=512 * 1024)), base_url="http://127.0.0.1:8080")
    for headline, outcome in ((HEADLINE, []), ("New housing law faces a lawsuit", ["calmatters/headline"])):
        body = {"id": "wp-1", "byline": BYLINE, "original_headline": HEADLINE, "headline": headline, "html": BODY}
        (entry,) = client.post("/v1/check", json=body).json()["files"]
        assert [f["rule"] for f in entry["findings"]] == outcome
    # The editor's page: its Headline field.
    for headline, failed in ((HEADLINE, False), ("New housing law faces a lawsuit", True)):
        data = {"article": BODY, "byline": BYLINE, "original_headline": HEADLINE, "headline": headline}
        page = client.post("/", data=data).text
        assert re.search(r'class="mark ok" id="[^"]+" data-rule="calmatters/credit-line"', page)  # the report, checked
        assert bool(re.search(r'class="mark error[^"]*" id="[^"]+" data-rule="calmatters/headline"', page)) is failed


def _page(head: str, *, meta: str = "") -> str:
    return (
        f'<html><head><meta charset="utf-8"><meta property="og:site_name" content="Sierra Foothill Times">{meta}</head><body>'
        f'<header class="site-header"><h1 class="site-title"><a href="/" rel="home">Sierra Foothill Times</a></h1></header>'
        f'<main><article><header class="entry-header">{head}<p class="byline">{BYLINE}</p></header>'
        f'<div class="entry-content">{BODY}</div></article></main></body></html>'
    )


@pytest.mark.parametrize(("title", "outcome"), [(HEADLINE, "passed"), ("New housing law faces a lawsuit", "error")])
def test_the_site_names_h1_is_not_the_headline_the_entry_title_is(cli: Any, tmp_path: Path, title: str, outcome: str) -> None:
    copy = tmp_path / "copy.html"
    copy.write_text(_page(f'<h2 class="entry-title">{title}</h2>'), encoding="utf-8")
    entry = _entry(cli, "--meta", f"original_headline={HEADLINE}", str(copy))
    assert _outcome(entry, "calmatters/headline") == outcome
    if outcome == "error":
        (finding,) = [f for f in entry["findings"] if f["rule"] == "calmatters/headline"]
        assert "Sierra Foothill Times" not in finding["detail"]


def test_the_heading_the_pages_metadata_titles_is_the_headline() -> None:
    # A site-name <h1> (by its og:site_name), the story's title outside the article region.
    page = (
        '<html><head><meta property="og:site_name" content="Gold Country Gazette"><meta property="og:title" content="Rates rise again"></head>'
        "<body><div><h1>Gold Country Gazette</h1></div><div class='hero'><h3>Rates rise again</h3></div>"
        "<article><p>The story, a paragraph long enough to be the article's text.</p><h2>A crosshead</h2><p>More of it.</p></article></body></html>"
    )
    doc = parse_document(page, "html")
    assert doc.headline is not None and doc.headline.text == "Rates rise again"


def test_the_story_h1_still_wins_over_a_site_name_h2() -> None:
    page = "<html><body><h2 class='site-title'><a href='/'>Gazette</a></h2><article><h1>Rates rise</h1><p>Story.</p></article></body></html>"
    doc = parse_document(page, "html")
    assert doc.headline is not None and doc.headline.text == "Rates rise"


@pytest.mark.parametrize(
    ("h1", "reads"),
    [
        ("California’s new housing law is already<br>facing its first test", "California's new housing law is already facing its first test"),
        ('<span class="kicker">Housing</span> ' + HEADLINE, "California's new housing law is already facing its first test"),
        ('<span class="c-headline__eyebrow">Housing</span>' + HEADLINE, "California's new housing law is already facing its first test"),
        # A headline set in lines, each a block of its own.
        (
            'California’s new housing law is already <span style="display:block">facing its first test</span>',
            "California's new housing law is already facing its first test",
        ),
        # A label the editor wrote into the headline itself is its words: a change.
        ("Housing: " + HEADLINE, "Housing: California's new housing law is already facing its first test"),
        # A span that is no kicker is the headline's words.
        ('<span class="highlight">Housing</span> ' + HEADLINE, "Housing California's new housing law is already facing its first test"),
    ],
)
def test_the_headline_reads_as_a_reader_reads_it(h1: str, reads: str) -> None:
    doc = parse_document(f"<article><h1>{h1}</h1><p>Story.</p></article>", "html")
    assert doc.headline is not None and doc.headline.text.replace("’", "'") == reads


@pytest.mark.parametrize(
    ("h1", "outcome"),
    [
        ("California’s new housing law is already<br>facing its first test", "passed"),
        ('<span class="kicker">Housing</span> ' + HEADLINE, "passed"),
        ("California’s new housing law is<br>facing a test", "error"),
        ('<span class="kicker">Housing</span> New housing law faces a lawsuit', "error"),
    ],
)
def test_a_br_or_a_kicker_in_the_h1_is_no_change(cli: Any, tmp_path: Path, h1: str, outcome: str) -> None:
    copy = tmp_path / "copy.html"
    copy.write_text(f"<html><body><article><h1>{h1}</h1><p>{BYLINE}</p>{BODY}</article></body></html>", encoding="utf-8")
    entry = _entry(cli, "--meta", f"original_headline={HEADLINE}", str(copy))
    assert _outcome(entry, "calmatters/headline") == outcome
    for finding in entry["findings"]:
        # Never "no X in the headline, which reads X".
        wanted, _, reads = finding["detail"].partition(" in the headline, which reads ")
        assert wanted.removeprefix("no ") != reads


ORIGINAL_HEADLINE = "Insurer of last resort now covers most homes in 40 ZIP codes"
ORIGINAL_STORY = (
    "When Gary Lindahl's homeowners insurance was canceled last fall, he called 11 companies.",
    "None would write a policy on his house in the foothills above Grass Valley.",
)


def _original(tmp_path: Path) -> Path:
    path = tmp_path / "original.html"
    body = "".join(f"<p>{p}</p>" for p in ORIGINAL_STORY)
    path.write_text(
        '<html><head><link rel="canonical" href="https://calmatters.org/housing/2024/07/fair-plan/"></head>'
        f'<body><article><h1>{ORIGINAL_HEADLINE}</h1><p class="byline">By Rosa Ibarra</p><div class="entry-content">{body}</div></article></body></html>',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("headline", "detail"),
    [
        (ORIGINAL_HEADLINE.replace("40", "forty"), None),
        (ORIGINAL_HEADLINE.title(), None),
        (ORIGINAL_HEADLINE.replace("40", "50"), ': "40" → "50"'),
        (ORIGINAL_HEADLINE.replace("most", "all"), ': "most" → "all"'),
        # Time and place edits a paragraph may have are no style in a headline.
        (ORIGINAL_HEADLINE.replace("now ", ""), ': "now" removed'),
        ("Nevada County: " + ORIGINAL_HEADLINE, ': "Nevada County" added'),
    ],
)
def test_calmatters_headline_style_is_read_as_the_storys(cli: Any, tmp_path: Path, headline: str, detail: str | None) -> None:
    copy = tmp_path / "copy.md"
    story = "\n\n".join(ORIGINAL_STORY)
    copy.write_text(
        f"# {headline}\n\n{BYLINE.replace('Ben Christopher', 'Rosa Ibarra')}\n\nThis story was originally published by"
        " [CalMatters](https://calmatters.org/housing/2024/07/fair-plan/). Sign up for their newsletters.\n\n"
        f"{story}\n",
        encoding="utf-8",
    )
    entry = _entry(cli, "--original", str(_original(tmp_path)), str(copy))
    found = [f for f in entry["findings"] if f["rule"] == "calmatters/original-headline"]
    if detail is None:
        assert found == []
    else:
        (finding,) = found
        assert finding["detail"].endswith(detail)


PROPUBLICA_STORY = (
    "The county jail hired four nurses this month after two people died in its custody.",
    "The sheriff said the hires had been planned for a year.",
)


def _propublica(tmp_path: Path, headline: str) -> tuple[Path, Path]:
    original = tmp_path / "original.html"
    body = "".join(f"<p>{p}</p>" for p in PROPUBLICA_STORY)
    original.write_text(
        '<html><head><link rel="canonical" href="https://www.propublica.org/article/county-jail-nurses"></head>'
        '<body><article><h1>County Jail Hires Nurses After Two Deaths</h1><p class="byline">By Ana Ruiz</p>'
        f'<div class="article-body">{body}</div></article></body></html>',
        encoding="utf-8",
    )
    copy = tmp_path / "copy.md"
    story = "\n\n".join(PROPUBLICA_STORY)
    copy.write_text(
        f"# {headline}\n\nBy Ana Ruiz, ProPublica\n\nThis story was originally published by [ProPublica](https://www.propublica.org/article/county-jail-nurses).\n\n"
        f'{story}\n\n<script async src="https://pixel.propublica.org/pixel.js"></script>\n',
        encoding="utf-8",
    )
    return original, copy


def _headline_notes(entry: dict[str, Any]) -> list[str]:
    return [n["message"] for n in entry["notices"] if n["code"] == "headline-not-compared"]


def test_a_headline_no_pack_compares_is_said_to_differ_not_passed_silently(cli: Any, tmp_path: Path) -> None:
    original, copy = _propublica(tmp_path, "County Jail Hires Nurses After Three Deaths")
    entry = _entry(cli, "--original", str(original), str(copy))
    assert _headline_notes(entry) == [
        'the headline "County Jail Hires Nurses After Three Deaths" differs from the original\'s "County Jail Hires Nurses After Two Deaths"'
        ' ("Two" → "Three"), which is not compared: ProPublica\'s terms, as encoded here, do not say whether a republisher may change the headline'
    ]


@pytest.mark.parametrize("headline", ["County Jail Hires Nurses After Two Deaths", "County jail hires nurses after 2 deaths"])
def test_a_headline_the_same_but_for_style_gets_no_note(cli: Any, tmp_path: Path, headline: str) -> None:
    original, copy = _propublica(tmp_path, headline)
    assert _headline_notes(_entry(cli, "--original", str(original), str(copy))) == []


def _credit_copy(tmp_path: Path, credit: str, bottom: str = "") -> Path:
    copy = tmp_path / "copy.html"
    copy.write_text(
        f"<html><body><article><h1>{HEADLINE}</h1><p>{BYLINE}</p><p>{credit}</p>"
        f"<p>A state law meant to speed up apartment construction near transit is facing its first legal challenge.</p>{bottom}</article></body></html>",
        encoding="utf-8",
    )
    return copy


@pytest.mark.parametrize(
    "credit",
    [
        "This article was originally published by CalMatters. Sign up for their newsletters.",
        "This story first appeared in CalMatters.",
        "Originally published by CalMatters.",
        "Esta historia fue publicada originalmente por CalMatters.",
    ],
)
def test_a_credit_line_in_other_words_is_told_its_wording_differs(cli: Any, tmp_path: Path, credit: str) -> None:
    entry = _entry(cli, "--meta", f"original_headline={HEADLINE}", str(_credit_copy(tmp_path, credit)))
    (finding,) = entry["findings"]
    assert finding["rule"] == "calmatters/credit-line"
    assert finding["message"] == (f'The credit line reads "{credit}", not the wording the terms ask for: "This story was originally published by CalMatters."')
    # Not misplaced (it opens the story), and an English line is no translation.
    assert "at the top" not in finding["message"] and "translation" not in finding["detail"]
    assert finding["evidence"] == credit and finding["line"] == 1


@pytest.mark.parametrize(
    ("credit", "bottom", "said"),
    [
        # Missing altogether, or below the story: the line must be at the top, as before.
        ("The story, as told.", "", "anywhere in the article"),
        ("The story, as told.", "<p>This story was originally published by CalMatters.</p>", "it must come before the first paragraph"),
    ],
)
def test_a_missing_or_misplaced_line_is_still_told_to_go_at_the_top(cli: Any, tmp_path: Path, credit: str, bottom: str, said: str) -> None:
    entry = _entry(cli, "--meta", f"original_headline={HEADLINE}", str(_credit_copy(tmp_path, credit, bottom)))
    (finding,) = [f for f in entry["findings"] if f["rule"] == "calmatters/credit-line"]
    assert finding["message"].startswith('The line "This story was originally published by CalMatters." must be at the top of the story (')
    assert said in finding["message"]


def test_the_prescribed_line_passes(cli: Any, tmp_path: Path) -> None:
    good = _entry(cli, "--meta", f"original_headline={HEADLINE}", str(_credit_copy(tmp_path, CREDIT.removeprefix("<p>").removesuffix("</p>"))))
    assert good["findings"] == []


PACK = """id: desk
name: Desk
publisher: Desk
terms_url: https://example.org/terms
as_of: 2024-01-01
summary: s
confidence: c
rules:
  - id: desk/credit
    severity: error
    message: 'The line "Via Desk." is missing ({{detail}}).'
    instead-message: {instead}
    help: Print "Via Desk." first.
    check:
      text: {{pattern: '^Via Desk\\.', instead: '^Courtesy of Desk', instead-label: the credit in other words}}
"""


@pytest.mark.parametrize(
    ("story", "message"),
    [("<p>Courtesy of Desk.</p>", 'Reads "Courtesy of Desk." instead.'), ("<p>Story.</p>", 'The line "Via Desk." is missing (')],
)
def test_instead_message_is_the_message_of_a_failure_that_found_another_wording(cli: Any, tmp_path: Path, story: str, message: str) -> None:
    pack = tmp_path / "desk.yaml"
    pack.write_text(PACK.format(instead="'Reads \"{found}\" instead.'"), encoding="utf-8")
    copy = tmp_path / "copy.html"
    copy.write_text(f"<article>{story}</article>", encoding="utf-8")
    (finding,) = _entry(cli, "--rules", str(pack), "--pack", "desk", str(copy))["findings"]
    assert finding["message"].startswith(message)


def test_found_is_a_placeholder_of_instead_message_only(cli: Any, tmp_path: Path) -> None:
    pack = tmp_path / "desk.yaml"
    pack.write_text(PACK.format(instead="'Reads \"{fund}\" instead.'"), encoding="utf-8")
    run = cli("rules", "validate", str(pack))
    assert run.code == 2 and "unknown placeholder '{fund}' in instead-message" in run.out + run.err
    pack.write_text(PACK.format(instead="'Reads \"{found}\".'").replace("is missing ({detail})", "is missing ({found})"), encoding="utf-8")
    run = cli("rules", "validate", str(pack))
    assert run.code == 2 and "unknown placeholder '{found}' in message" in run.out + run.err
