"""A page that quotes a story is not its copy, whatever the page's own length; a page that takes a
substantial part of the story is, however short the page (`compliance.audit.matching.shares_excerpt`)."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("datasketch", reason="the audit extra: pip install -e '.[audit]'")

PUBLISHER = "https://dailycallernewsfoundation.org"
WATER_URL = f"{PUBLISHER}/2025/03/04/water-rates-rise/"
FARM_URL = f"{PUBLISHER}/2025/05/12/farm-loans-program/"
BRIEF_URL = f"{PUBLISHER}/2025/07/01/ferry-service-cut/"

# A story of nine one-sentence paragraphs (as wire briefs are written): three of them are fewer
# words than two long quoted sentences elsewhere.
WATER = [
    "The city water board voted on Tuesday to raise residential rates by 14 percent starting in October, "
    "the largest increase the utility has sought in two decades.",
    "Board members said the money would pay for replacing lead service lines under a federal order that "
    "gives the city until the end of the decade to finish the work.",
    "The utility estimates that more than 11,000 homes in the older neighborhoods east of the river are still connected to the mains through lead pipes.",
    "A household using an average amount of water would pay about nine dollars more each month under the "
    "new schedule, according to figures presented at the meeting.",
    "Several residents who spoke during the public comment period asked the board to phase the increase "
    "in over three years instead of imposing it all at once.",
    "The board's chair said a slower schedule would raise borrowing costs and push the last replacements past the federal deadline.",
    "Low-income households enrolled in the county assistance program will be exempt from the increase for the first year, the utility said.",
    "The council must still approve the new rates, and two members have said they want an outside audit of the utility's spending before they vote.",
    "The first public hearing on the proposal is set for the second week of August at the central library.",
]

# A long story (thirty paragraphs): three of its paragraphs are a tenth of it, and still an excerpt.
_FARM_TOPICS = [
    "county extension agents",
    "dairy cooperatives in the north",
    "orchard growers along the lake shore",
    "cattle ranchers on the high plains",
    "vegetable farms near the city",
    "grain elevators on the rail line",
]
FARM = [
    f"Paragraph {n} of the report on the loan program describes how {_FARM_TOPICS[n % 6]} applied for the money in round {n}, "
    f"what the state agriculture office asked of them, and how long each of the {n + 3} applicants waited for an answer from the lenders."
    for n in range(30)
]

# A brief of four sentences: half of it is a substantial part of the story, though few words.
BRIEF = [
    "The state ferry service will cut weekend sailings to the islands from four to two starting next month.",
    "Officials blamed a shortage of licensed engineers for the change.",
    "Island business owners said the cut would hurt the summer tourist season.",
    "The service said it hopes to restore the sailings by autumn.",
]

# A story in Spanish (a partner's copy in another language is read by the same words).
ESCUELAS_URL = f"{PUBLISHER}/2025/09/02/escuelas-cierre/"
ESCUELAS = [
    "La junta escolar del condado votó el martes para cerrar tres escuelas primarias al final del año, una medida que afectará a casi 900 alumnos.",
    "Los miembros de la junta dijeron que la matrícula ha caído más de un veinte por ciento en la última década en los barrios del norte.",
    "Los padres que hablaron en la reunión pidieron que se aplazara la decisión hasta que se publique un estudio sobre el transporte escolar.",
    "El superintendente afirmó que el cierre ahorraría unos cuatro millones de dólares al año que se destinarían a salarios de maestros.",
    "Dos de los edificios necesitan reparaciones en el techo y en la calefacción que costarían más de lo que vale cada terreno.",
    "Los alumnos de las escuelas cerradas serán trasladados a otros cuatro centros que tienen aulas vacías desde hace varios años.",
    "La asociación de maestros dijo que estudiará la propuesta y que defenderá a los empleados que pierdan su puesto.",
    "La junta celebrará una audiencia pública en octubre antes de la votación definitiva sobre el plan de traslados.",
    "El distrito publicará en su sitio web los mapas de las nuevas zonas escolares durante las próximas semanas.",
]


def _story(title: str, url: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title><link rel="canonical" href="{url}"></head>'
        f"<body><article><h1>{title}</h1><p>By Jake Smith, Daily Caller News Foundation</p>{body}</article></body></html>"
    ).encode()


# The partner's own reporting, of any length the page needs.
OWN = [
    "Commissioner Ann Beale said the county could not pay for the repairs on its own and would ask the state for help next week.",
    "She said she would bring photos of the cracked supports on the Route 9 bridge to show lawmakers what was at stake.",
    "The Route 9 bridge carries about 4,000 vehicles a day, most of them trucks hauling grain to the elevator in Millbrook.",
    "Engineers who inspected the bridge last fall rated its deck in poor condition and recommended a weight limit.",
    "Residents who spoke at Tuesday's meeting said a detour would add 25 minutes to the drive to the hospital in Carver.",
    "The board will vote on a temporary repair plan at its next meeting on the first Tuesday of the month.",
]


def _partner(title: str, *blocks: str, own: int = 2) -> bytes:
    """A partner's page: a headline, its byline, `blocks` (HTML) and `own` paragraphs of its own reporting."""
    mine = "".join(f"<p>{p}</p>" for p in OWN[:own])
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title></head><body><article><h1>{title}</h1>'
        f"<p>By Tom Reyes, Valley Gazette</p>{''.join(blocks)}{mine}</article></body></html>"
    ).encode()


def _read_more(url: str) -> str:
    return f'<p>Read the <a href="{url}">full story</a>.</p>'


def _audited(page: bytes) -> Any:
    from compliance.audit.run import audit_page, choose_pack, prepare_stories
    from compliance.audit.sources import Page

    stories = [
        Page("originals/water.html", "saved:originals", _story("Water Rates Rise", WATER_URL, WATER)),
        Page("originals/farm.html", "saved:originals", _story("Farm Loans Program", FARM_URL, FARM)),
        Page("originals/brief.html", "saved:originals", _story("Ferry Service Cut", BRIEF_URL, BRIEF)),
        Page("originals/escuelas.html", "saved:originals", _story("Cierre de escuelas", ESCUELAS_URL, ESCUELAS)),
    ]
    work = prepare_stories(stories, choose_pack("dcnf"), threshold=0.5)
    return audit_page(Page("https://valley.example/news/local/", "valley.example", page), work)


def _sentence(paragraph: str, words: int = 0) -> str:
    return " ".join(paragraph.split()[:words]) if words else paragraph


@pytest.mark.parametrize(
    ("page", "story"),
    [
        # The try-out's short brief: one sentence in quotation marks, two paragraphs of its own, a link.
        (_partner("Our water bills", f"<p>As the Daily Caller News Foundation reported, “{WATER[3]}”</p>", _read_more(WATER_URL)), "water"),
        # The same at five paragraphs of its own (it was counted as citing before too).
        (_partner("Our water bills", f"<p>As the Daily Caller News Foundation reported, “{WATER[3]}”</p>", _read_more(WATER_URL), own=6), "water"),
        # Shorter still: the quote and one paragraph of its own.
        (_partner("Water", f'<p>"{WATER[0]}"</p>', _read_more(WATER_URL), own=1), "water"),
        # Two sentences quoted from two places, in a blockquote and in running text.
        (_partner("Water", f"<blockquote><p>{WATER[1]}</p></blockquote>", f"<p>The story adds: “{WATER[7]}”</p>", _read_more(WATER_URL)), "water"),
        # A sentence taken without quotation marks, as a summary of the story.
        (_partner("Water", f"<p>{WATER[4]} <a href='{WATER_URL}'>(more)</a></p>"), "water"),
        # The long story: a quoted paragraph of it on a short page.
        (_partner("Farm loans", f"<blockquote>{FARM[7]}</blockquote>", _read_more(FARM_URL), own=1), "farm"),
        # The brief: one of its four sentences quoted.
        (_partner("Ferries", f"<p>The foundation reported that “{BRIEF[0]}”</p>", _read_more(BRIEF_URL), own=1), "brief"),
        # In Spanish: a sentence quoted in «» on a short page of the partner's own.
        (_partner("Escuelas", f"<p>Según la fundación, «{ESCUELAS[3]}»</p>", _read_more(ESCUELAS_URL), own=1), "escuelas"),
    ],
    ids=["short-page", "long-page", "shortest-page", "two-quotes", "no-quotation-marks", "paragraph-of-a-long-story", "sentence-of-a-brief", "spanish"],
)
def test_a_page_that_only_quotes_a_story_cites_it_whatever_its_own_length(page: bytes, story: str) -> None:
    outcome = _audited(page)
    assert (outcome.copy, outcome.cites) == (None, f"originals/{story}.html")


def test_a_short_page_that_only_quotes_a_story_and_does_not_link_is_no_copy() -> None:
    # Most of the page is the quote (its containment in the story is past the threshold), but it is a quote.
    outcome = _audited(_partner("Water", f"<p>“{WATER[2]}”</p>", own=0))
    assert (outcome.copy, outcome.cites) == (None, "")


@pytest.mark.parametrize(
    ("page", "story", "matched_by"),
    [
        # Three consecutive paragraphs of the nine on a short page, with a link: a trimmed copy (most of
        # the page is the story's: matched by its text, which it shares more than a quotation of).
        (_partner("Water", *(f"<p>{p}</p>" for p in WATER[:3]), _read_more(WATER_URL), own=1), "water", "text"),
        # Three paragraphs taken from three places, with no quotation marks.
        (_partner("Water", *(f"<p>{WATER[i]}</p>" for i in (0, 3, 6)), _read_more(WATER_URL), own=1), "water", "text"),
        # Three paragraphs among more of the partner's own: below the threshold, matched by the link.
        (_partner("Water", *(f"<p>{p}</p>" for p in WATER[5:8]), _read_more(WATER_URL), own=6), "water", "link"),
        # The same three paragraphs with no link and nothing of the partner's: matched by its text.
        (_partner("Water", *(f"<p>{p}</p>" for p in WATER[:3]), own=0), "water", "text"),
        # Three paragraphs of the thirty-paragraph story: a tenth of it, but an excerpt.
        (_partner("Farm loans", *(f"<p>{p}</p>" for p in FARM[10:13]), _read_more(FARM_URL), own=1), "farm", "link"),
        # Two of the brief's four sentences: few words, but half the story.
        (_partner("Ferries", *(f"<p>{p}</p>" for p in BRIEF[:2]), _read_more(BRIEF_URL), own=1), "brief", "link"),
        # Three paragraphs of the Spanish story on a short page.
        (_partner("Escuelas", *(f"<p>{p}</p>" for p in ESCUELAS[2:5]), _read_more(ESCUELAS_URL), own=1), "escuelas", "text"),
        # The whole story, short page or not.
        (_partner("Water", *(f"<p>{p}</p>" for p in WATER), own=0), "water", "text"),
    ],
    ids=[
        "three-paragraphs",
        "three-paragraphs-apart",
        "three-paragraphs-long-page",
        "three-paragraphs-no-link",
        "three-of-thirty",
        "half-a-brief",
        "spanish",
        "whole-story",
    ],
)
def test_a_page_that_takes_a_substantial_part_of_a_story_is_its_copy(page: bytes, story: str, matched_by: str) -> None:
    outcome = _audited(page)
    assert outcome.copy is not None and outcome.cites == ""
    assert (outcome.copy.story, outcome.copy.matched_by) == (f"originals/{story}.html", matched_by)
    assert "dcnf/logo" in outcome.copy.findings


@pytest.mark.parametrize(
    ("shared", "coverage", "excerpt"),
    [(59, 0.33, False), (60, 0.0, True), (0, 1 / 3, True), (20, 0.2, False)],
)
def test_an_excerpt_is_measured_on_the_story_and_in_words_never_on_the_page(shared: int, coverage: float, excerpt: bool) -> None:
    from compliance.audit.matching import Match, shares_excerpt

    assert shares_excerpt(shared, coverage) is excerpt
    # The share of the page (containment) plays no part: a page that is all quotation is still citing.
    assert Match("s", "p", 0.1, 1.0, "link", coverage, shared).only_cites is not excerpt
