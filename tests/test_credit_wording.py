"""Where a publisher's terms give a credit's wording only as an ideal or an example, any short
credit line that names the publisher as the story's source credits it, in the languages the pack
reads; a story's sentence that mentions the publisher, or credits someone else, does not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, write

TT = "tests/rule-fixtures/texas-tribune/credit-line-only.html"
TT_CREDIT = "<em>This article originally appeared in <a"
NINETEENTH = "tests/rule-fixtures/the-19th/compliant.html"
NINETEENTH_CREDIT = "<em>This article was originally published by <a"
SN = "tests/rule-fixtures/states-newsroom/compliant.html"
SN_CREDIT = "<em>This story first appeared in the <a"


def _findings(cli: Any, tmp_path: Path, base: str, old: str, new: str, pack: str) -> list[str]:
    source = (ROOT / base).read_text(encoding="utf-8")
    assert source.count(old) == 1
    story = write(tmp_path, "story.html", source.replace(old, new))
    (entry,) = cli("check", "--pack", pack, "--format", "json", str(story)).json()["files"]
    return sorted(f["rule"] for f in entry["findings"])


@pytest.mark.parametrize(
    ("lead", "credited"),
    [
        ("Courtesy of <a", True),
        ("Courtesy <a", True),
        ("Source: <a", True),
        ("Sources: <a", True),
        ("This story was produced by <a", True),
        ("Published in partnership with <a", True),
        ("This article is published in collaboration with <a", True),
        ("Reprinted with permission from <a", True),
        ("This story was first published by <a", True),
        ("COURTESY OF <a", True),
        # Prose that mentions the Tribune is no credit.
        ("In an interview last week with <a", False),
        ("As reported by <a", False),
    ],
)
def test_the_tribune_is_credited_by_any_credit_line_that_names_it(cli: Any, tmp_path: Path, lead: str, credited: bool) -> None:
    findings = _findings(cli, tmp_path, TT, TT_CREDIT, f"<em>{lead}", "texas-tribune")
    assert ("texas-tribune/credit" not in findings) is credited


@pytest.mark.parametrize(
    "line",
    [
        "The Texas Tribune reported last week that the board approved the plan.",
        "Courtesy of the governor's office, the figures were shared with The Texas Tribune.",
        "Source: The Texas Tribune analysis of state water board records.",
        "Reported by The Texas Tribune, the figures show the state spent $2 billion.",
    ],
)
def test_a_sentence_that_mentions_the_tribune_is_no_credit(cli: Any, tmp_path: Path, line: str) -> None:
    source = (ROOT / TT).read_text(encoding="utf-8")
    start = source.index(TT_CREDIT)
    end = source.index("</em>", start) + len("</em>")
    story = write(tmp_path, "story.html", source[:start] + line + source[end:])
    (entry,) = cli("check", "--pack", "texas-tribune", "--format", "json", str(story)).json()["files"]
    assert "texas-tribune/credit" in [f["rule"] for f in entry["findings"]]


@pytest.mark.parametrize(
    ("lead", "credited"),
    [
        ("Courtesy of <a", True),
        ("Source: <a", True),
        ("Published in partnership with <a", True),
        ("In a story shared with <a", False),
    ],
)
def test_the_19th_is_credited_by_any_credit_line_that_names_it(cli: Any, tmp_path: Path, lead: str, credited: bool) -> None:
    findings = _findings(cli, tmp_path, NINETEENTH, NINETEENTH_CREDIT, f"<em>{lead}", "the-19th")
    assert ("the-19th/credit" not in findings) is credited


def test_a_credit_link_reading_the_19th_news_links_the_original(cli: Any, tmp_path: Path) -> None:
    findings = _findings(cli, tmp_path, NINETEENTH, 'organizing/">The 19th</a>', 'organizing/">The 19th News</a>', "the-19th")
    assert findings == []


@pytest.mark.parametrize(
    ("lead", "credited"),
    [
        ("Courtesy of the <a", True),
        ("Republished with permission from the <a", True),
        ("Artículo publicado originalmente por el <a", True),
        ("Traducido y republicado con permiso del <a", True),
        ("Publicado en colaboración con el <a", True),
        ("Cortesía de <a", True),
        ("Fuente: <a", True),
        # Prose is no credit.
        ("Lawmakers told the <a", False),
        ("Según el <a", False),
    ],
)
def test_a_states_newsroom_outlet_is_credited_by_any_credit_line_that_names_it(cli: Any, tmp_path: Path, lead: str, credited: bool) -> None:
    findings = _findings(cli, tmp_path, SN, SN_CREDIT, f"<em>{lead}", "states-newsroom")
    assert ("states-newsroom/credit" not in findings) is credited


@pytest.mark.parametrize(
    ("line", "credited"),
    [
        # A page does not tell a Pew-era Stateline story (held to the Pew attribution's words) from
        # a States Newsroom-era one, whose credit wording is not known: any credit line naming
        # Stateline as the source credits it, as "This story first appeared in Stateline" does.
        ('Originally published by <a href="https://stateline.org/2026/12/01/summer-meals/">Stateline</a>.', True),
        ("This article is republished from Stateline.", True),
        ("Courtesy of Stateline.", True),
        ("Republished with permission from Stateline.", True),
        ("Artículo publicado originalmente por Stateline.", True),
        ("Stateline, an initiative of The Pew Charitable Trusts", True),
        # The credit as a sentence after another, and with an appositive naming the network.
        ("Stateline is part of States Newsroom. Originally published by Stateline.", True),
        (
            '<em>Stateline is part of States Newsroom. <a href="https://stateline.org/2026/12/01/summer-meals/">Originally published by Stateline</a>.</em>',
            True,
        ),
        ("This story was originally published by Stateline, part of States Newsroom.", True),
        ("Este artículo fue publicado originalmente por Stateline, parte de States Newsroom.", True),
        # A clause about the republication after the outlet, without a comma.
        ("This story was originally published by Stateline and is republished with permission.", True),
        ("This story is republished from Stateline under a Creative Commons license.", True),
        ("This story was originally published by Stateline and is republished here with permission.", True),
        # Prose that cites Stateline is no credit.
        ("Stateline reported last year that the program had stalled in several states.", False),
        ("According to Stateline, the program had stalled.", False),
        ("Courtesy of Stateline readers, the photos were shared widely.", False),
        ("The program stalled. Reported by Stateline, the figures show a drop in every state.", False),
        ("Officials disagreed. Courtesy of Stateline readers, the photos were shared widely.", False),
        ("Data reported by Stateline and is published monthly shows the program stalled.", False),
        ("The figures were reported by Stateline under a new analysis of state budgets, which found cuts.", False),
    ],
)
def test_stateline_is_credited_by_any_credit_line_that_names_it(cli: Any, tmp_path: Path, line: str, credited: bool) -> None:
    story = write(tmp_path, "story.html", f"<article><h1>Title</h1><p>The story, as the original told it, in full.</p><p>{line}</p></article>")
    (entry,) = cli("check", "--pack", "states-newsroom", "--format", "json", str(story)).json()["files"]
    assert ("states-newsroom/credit" not in [f["rule"] for f in entry["findings"]]) is credited


@pytest.mark.parametrize(
    ("paragraph", "partner_post"),
    [
        ("<p><em>The following is a partner post from Meduza. Republished with permission.</em></p>", True),
        ("<p><em>Republished with permission from Meduza.</em></p>", True),
        ("<p><em>Republished with permission</em></p>", True),
        ("<p>Asked for comment, the ministry said nothing. Republished with permission from the union, its letter reads: help us.</p>", False),
        ("<p>Republished with permission of the family, the photos show the flooded road near the school.</p>", False),
    ],
)
def test_the_partner_post_label_is_a_credit_block_not_a_story_sentence(cli: Any, tmp_path: Path, paragraph: str, partner_post: bool) -> None:
    base = "tests/rule-fixtures/global-voices/compliant.html"
    source = (ROOT / base).read_text(encoding="utf-8")
    anchor = "<p>By mid-afternoon most of them work again."
    assert source.count(anchor) == 1
    story = write(tmp_path, "story.html", source.replace(anchor, paragraph + anchor))
    (entry,) = cli("check", "--pack", "global-voices", "--format", "json", str(story)).json()["files"]
    assert ("global-voices/partner-post" in [f["rule"] for f in entry["findings"]]) is partner_post


def test_a_photo_caption_crediting_the_tribune_is_no_credit_of_the_story(cli: Any, tmp_path: Path) -> None:
    source = (ROOT / TT).read_text(encoding="utf-8")
    start = source.index(TT_CREDIT)
    end = source.index("</em>", start) + len("</em>")
    caption = '<figure><img src="/uploads/tank.jpg" alt="A water tank."><figcaption>Courtesy of The Texas Tribune</figcaption></figure>'
    story = write(tmp_path, "story.html", source[:start] + caption + source[end:])
    (entry,) = cli("check", "--pack", "texas-tribune", "--format", "json", str(story)).json()["files"]
    assert "texas-tribune/credit" in [f["rule"] for f in entry["findings"]]


def _tribune_story(cli: Any, tmp_path: Path, line: str, *, after: str = "") -> list[str]:
    """The Tribune fixture with its credit line replaced by `line` (and `after` after it)."""
    source = (ROOT / TT).read_text(encoding="utf-8")
    start = source.index(TT_CREDIT)
    end = source.index("</em>", start) + len("</em>")
    story = write(tmp_path, "story.html", source[:start] + line + after + source[end:])
    (entry,) = cli("check", "--pack", "texas-tribune", "--format", "json", str(story)).json()["files"]
    return [f["rule"] for f in entry["findings"]]


@pytest.mark.parametrize(
    "tagline",
    [
        "<em>Luis Echevarría is a reporter for The Texas Tribune.</em>",
        '<em>Luis Echevarría is a reporter for <a href="https://www.texastribune.org/">The Texas Tribune</a>.</em>',
        "<p>Luis Echevarría covers health care for The Texas Tribune.</p>",
        "<p>Luis Echevarría reports on rural water systems for The Texas Tribune. Reach him at luis@example.org.</p>",
        "<p>Luis Echevarría is the Tribune’s energy and environment reporter.</p>",
        "<p>Luis Echevarría is The Texas Tribune's Washington bureau chief.</p>",
        "<p>Luis Echevarría is a staff writer at The Texas Tribune covering water.</p>",
        "<p>Luis Echevarría and Ana Ruiz are reporters for The Texas Tribune.</p>",
        "<p>Luis Echevarría is a Report for America corps member covering rural water for The Texas Tribune.</p>",
    ],
)
def test_the_reporter_s_tagline_at_the_end_credits_the_tribune(cli: Any, tmp_path: Path, tagline: str) -> None:
    # "Ideally in this format: 'by NAME, The Texas Tribune'": the tagline ties the reporter to the
    # Tribune as that byline does; the byline's format is still asked for (a warning).
    findings = _tribune_story(cli, tmp_path, tagline)
    assert "texas-tribune/credit" not in findings
    assert "texas-tribune/byline" in findings


@pytest.mark.parametrize(
    "line",
    [
        # A former reporter, a photographer, a photo editor: no credit of the story.
        "<p>Luis Echevarría is a former reporter for The Texas Tribune.</p>",
        "<p>Luis Echevarría was a reporter for The Texas Tribune.</p>",
        "<p>Luis Echevarría is a photographer for The Texas Tribune.</p>",
        "<p>Luis Echevarría is a photo editor for The Texas Tribune.</p>",
        "<p>Luis Echevarría is a photojournalist covering the border for The Texas Tribune.</p>",
        # A source who spoke to the Tribune, or someone tied to it otherwise.
        "<p>Ernesto Salinas, the city manager, told The Texas Tribune that the town would apply again.</p>",
        "<p>Ernesto Salinas is a city manager who spoke to The Texas Tribune last week about the fund.</p>",
        "<p>Ernesto Salinas is a board member of The Texas Tribune.</p>",
        # A photo's caption.
        '<figure><img src="/t.jpg" alt="A water tank."><figcaption>Luis Echevarría is a reporter for The Texas Tribune.</figcaption></figure>',
    ],
)
def test_a_line_that_is_no_reporter_s_tagline_is_no_credit(cli: Any, tmp_path: Path, line: str) -> None:
    assert "texas-tribune/credit" in _tribune_story(cli, tmp_path, line)


def test_a_tagline_s_words_in_the_middle_of_the_story_are_no_credit(cli: Any, tmp_path: Path) -> None:
    more = "".join(f"<p>Paragraph {n} of the story goes on about the water fund and the towns that applied to it.</p>" for n in range(5))
    assert "texas-tribune/credit" in _tribune_story(cli, tmp_path, "<p>Luis Echevarría is a reporter for The Texas Tribune.</p>", after=more)
