"""Credit and link-back verdicts on republished pages (publisher-terms §2): a link to another of the
publisher's stories in the story's text is no link back; a "Via <outlet>" line of its own credits
the publishers whose terms accept any credit wording; The 19th's name as its logo writes it ("The
19th*"); ProPublica's two credit-line rules agree; a States Newsroom link-back finding names the
outlet the copy credits."""

from __future__ import annotations

import pytest

from compliance.document import parse_document
from compliance.engine import check_document
from compliance.loading import load_packs

PACKS = {p.id: p for p in load_packs()}


def _outcomes(html: str, pack: str, meta: dict[str, str] | None = None) -> dict[str, tuple[bool, str]]:
    """Each rule's verdict on the page under `pack`: (passed, message and detail)."""
    doc = parse_document(html.encode(), "html")
    result = check_document(doc, [PACKS[pack]], path="copy.html", auto_detect=False, meta=meta or {})
    found = {f.rule: (False, f"{f.message} {f.detail or ''}") for f in result.findings if f.severity.name in ("ERROR", "WARNING")}
    found.update({p.rule: (True, p.evidence) for p in result.passed})
    return found


def _detected(line: str) -> tuple[str, ...]:
    """The packs that apply to a page whose only credit is `line`."""
    html = _page("<p>By Ana Ruiz</p>", "<p>Lawmakers approved the plan on Thursday after a long debate.</p>", f"<p>{line}</p>")
    return check_document(parse_document(html.encode(), "html"), list(PACKS.values()), path="copy.html").packs


def _page(*blocks: str) -> str:
    return "<article><h1>Hospitals Sued Thousands of Patients</h1>" + "".join(blocks) + "</article>"


PP_STORY = "https://www.propublica.org/article/hospitals-sued-patients"
PP_OTHER = "https://www.propublica.org/article/hospital-lawsuits-data"
PP_HEAD = ("<p>This story was originally published by ProPublica.</p>", "<p>By Maria Lopez, ProPublica</p>")
PP_PIXEL = '<script async src="https://pixel.propublica.org/pixel.js"></script>'


@pytest.mark.parametrize(
    "paragraph",
    [
        f'<p>Hospitals sued thousands of patients last year. Read <a href="{PP_OTHER}">our earlier investigation</a>.</p>',
        f'<p>The practice is common, <a href="{PP_OTHER}">a report</a> found in 2023.</p>',
        f'<p>Hospitals sued patients, as <a href="{PP_OTHER}">we reported</a> last spring, and kept suing.</p>',
    ],
)
def test_a_propublica_link_citing_another_story_is_no_link_back(paragraph: str) -> None:
    passed, text = _outcomes(_page(*PP_HEAD, paragraph, "<p>The hospitals did not respond.</p>", PP_PIXEL), "propublica")["creative-commons/source-link"]
    assert not passed
    assert "cites another story by its words" in text


@pytest.mark.parametrize(
    "paragraph",
    [
        # The credit line's link, on the name or on the credit's words.
        f'<p>This story was originally published by <a href="{PP_STORY}">ProPublica</a>.</p>',
        f'<p>This story was <a href="{PP_STORY}">originally published</a> by ProPublica.</p>',
        # The publisher's name anywhere, even in the story's text.
        f'<p>Hospitals sued thousands of patients, <a href="{PP_STORY}">ProPublica</a> found, and kept suing them for years.</p>',
        # The headline.
        f'<p>Read <a href="{PP_STORY}">Hospitals Sued Thousands of Patients</a>.</p>',
    ],
)
def test_a_propublica_link_back_still_passes(paragraph: str) -> None:
    page = _page(PP_HEAD[1], "<p>Hospitals sued thousands of patients.</p>", paragraph, PP_PIXEL)
    assert _outcomes(page, "propublica")["creative-commons/source-link"][0]


def test_with_the_original_known_a_link_to_it_counts_whatever_its_words() -> None:
    page = _page(*PP_HEAD, f'<p>Read <a href="{PP_STORY}">our earlier investigation</a>.</p>', PP_PIXEL)
    assert _outcomes(page, "propublica", {"original_url": PP_STORY})["creative-commons/source-link"][0]
    assert not _outcomes(page, "propublica", {"original_url": PP_OTHER})["creative-commons/source-link"][0]


TC_CREDIT = "<p>This article is republished from The Conversation under a Creative Commons license.</p>"
TC_OTHER = "https://theconversation.com/another-story-111"


@pytest.mark.parametrize(
    ("paragraph", "passes"),
    [
        (f'<p>Heat waves are longer, as <a href="{TC_OTHER}">another article</a> explained.</p>', False),
        (f'<p>Heat waves are longer, <a href="{TC_OTHER}">a study</a> shows.</p>', False),
        ('<p>This article is republished from <a href="https://theconversation.com">The Conversation</a>.</p>', True),
        (f'<p>Read the <a href="{TC_OTHER}">original article</a>.</p>', True),
    ],
)
def test_the_conversation_link_back_is_not_a_citation(paragraph: str, passes: bool) -> None:
    page = _page("<p>Ana Ruiz, University of Arizona</p>", paragraph, TC_CREDIT)
    assert _outcomes(page, "the-conversation")["creative-commons/source-link"][0] is passes


GV_STORY = "https://globalvoices.org/2024/06/03/taiwan-recall/"
GV_OTHER = "https://globalvoices.org/2023/01/01/older-taiwan-story/"


@pytest.mark.parametrize(
    ("credit", "passes"),
    [
        (f'This story by Filip Noubel originally appeared on Global Voices. See also <a href="{GV_OTHER}">our earlier coverage</a>.', False),
        (f'This story by Filip Noubel originally appeared on <a href="{GV_STORY}">Global Voices</a>.', True),
        (f'This story by Filip Noubel <a href="{GV_STORY}">originally appeared</a> on Global Voices on June 3, 2024.', True),
    ],
)
def test_global_voices_credit_line_link(credit: str, passes: bool) -> None:
    page = _page(f"<p><em>{credit}</em></p>", "<p>Taiwan's opposition launched a recall drive on Monday.</p>")
    assert _outcomes(page, "global-voices")["creative-commons/source-link"][0] is passes


@pytest.mark.parametrize(
    ("pack", "line", "rule"),
    [
        ("the-19th", 'Via <a href="https://19thnews.org/2024/06/pay-gap/">The 19th</a>', "the-19th/credit"),
        ("the-19th", "VIA The 19th News", "the-19th/credit"),
        ("texas-tribune", 'Via <a href="https://www.texastribune.org/2024/06/12/water/">The Texas Tribune</a>', "texas-tribune/credit"),
        ("the-conversation", "Via The Conversation", "the-conversation/credit"),
    ],
)
def test_a_via_line_of_its_own_is_a_credit(pack: str, line: str, rule: str) -> None:
    page = _page("<p>By Ana Ruiz</p>", "<p>Lawmakers approved the plan on Thursday after a long debate.</p>", f"<p>{line}</p>")
    assert _outcomes(page, pack)[rule][0]


@pytest.mark.parametrize("line", ['Via <a href="https://georgiarecorder.com/2024/06/12/voting-law/">Georgia Recorder</a>', "Via the Kansas Reflector."])
def test_a_via_line_is_no_states_newsroom_credit(line: str) -> None:
    # The outlets' credit names the outlet as the story's source ("This story first appeared in
    # …", or in other words: "Courtesy of …"); a feed's "Via" line names where it was found, and
    # the finding quotes it as the line to put right (`syndcheck fix` puts the credit in its place).
    page = _page("<p>By Ana Ruiz</p>", "<p>Lawmakers approved the plan on Thursday after a long debate.</p>", f"<p>{line}</p>")
    assert not _outcomes(page, "states-newsroom")["states-newsroom/credit"][0]


@pytest.mark.parametrize(
    ("pack", "line", "rule"),
    [
        ("the-19th", "The bill passed via The 19th's reporting on the vote.", "the-19th/credit"),
        ("texas-tribune", "The bill passed via a voice vote, The Texas Tribune reported.", "texas-tribune/credit"),
    ],
)
def test_via_in_a_sentence_is_no_credit(pack: str, line: str, rule: str) -> None:
    page = _page("<p>By Ana Ruiz</p>", "<p>Lawmakers approved the plan on Thursday after a long debate.</p>", f"<p>{line}</p>")
    assert not _outcomes(page, pack)[rule][0]


@pytest.mark.parametrize(
    ("line", "pack"),
    [("Via The 19th", "the-19th"), ("Courtesy of The 19th*.", "the-19th"), ("Via The Texas Tribune", "texas-tribune")],
)
def test_a_page_credited_only_in_a_via_line_is_detected(line: str, pack: str) -> None:
    assert _detected(line) == (pack,)


@pytest.mark.parametrize(
    ("line", "detected"),
    [("Source: The 19th", False), ("The bill passed via The Texas Tribune", False), ("Via The 19th", True)],
)
def test_detection_by_a_credit_in_other_words_is_not_by_a_mention(line: str, detected: bool) -> None:
    assert bool(_detected(line)) is detected


T19_STORY = "https://19thnews.org/2024/06/women-trades-pay-gap/"


@pytest.mark.parametrize(
    "credit",
    [
        f'This article was originally published by <a href="{T19_STORY}">The 19th*</a>.',
        f'Via <a href="{T19_STORY}">The 19th*</a>',
        f'Courtesy of <a href="{T19_STORY}">The 19th*</a>.',
    ],
)
def test_the_19th_written_as_its_logo_is_credited_and_linked(credit: str) -> None:
    page = _page("<p>By Chabeli Carrazana, The 19th*</p>", "<p>Women in the trades are still paid less.</p>", f"<p>{credit}</p>")
    outcomes = _outcomes(page, "the-19th")
    assert outcomes["the-19th/credit"][0]
    assert outcomes["creative-commons/source-link"][0]
    assert outcomes["creative-commons/author"][0]


def test_the_19th_link_on_other_words_still_fails() -> None:
    page = _page("<p>By Chabeli Carrazana</p>", f'<p>Women in the trades are still paid less, <a href="{T19_STORY}">data</a> shows.</p>')
    assert not _outcomes(page, "the-19th")["creative-commons/source-link"][0]


@pytest.mark.parametrize(
    "credit",
    ["Republished with permission from ProPublica.", "Courtesy of ProPublica.", "Via ProPublica", "Esta historia fue publicada originalmente por ProPublica."],
)
def test_propublica_credit_in_a_wire_s_words_is_reported_once(credit: str) -> None:
    page = _page(f"<p>{credit}</p>", "<p>By Maria Lopez, ProPublica</p>", "<p>Hospitals sued patients.</p>", PP_PIXEL)
    outcomes = _outcomes(page, "propublica")
    assert outcomes["propublica/credit-line"] == (False, outcomes["propublica/credit-line"][1])
    assert "propublica/credit-line-wording" not in outcomes


@pytest.mark.parametrize("credit", ["This article was originally published by ProPublica.", "Adapted from reporting by ProPublica."])
def test_propublica_reworded_sentence_is_reported_by_the_wording_rule(credit: str) -> None:
    page = _page(f"<p>{credit}</p>", "<p>By Maria Lopez, ProPublica</p>", "<p>Hospitals sued patients.</p>", PP_PIXEL)
    outcomes = _outcomes(page, "propublica")
    assert not outcomes["propublica/credit-line-wording"][0]
    assert "propublica/credit-line" not in outcomes


def test_propublica_prescribed_line_passes_both() -> None:
    page = _page(*PP_HEAD, "<p>Hospitals sued patients.</p>", PP_PIXEL)
    outcomes = _outcomes(page, "propublica")
    assert outcomes["propublica/credit-line"][0] and outcomes["propublica/credit-line-wording"][0]


@pytest.mark.parametrize(
    ("outlet", "host"),
    [("Georgia Recorder", "georgiarecorder.com"), ("Kansas Reflector", "kansasreflector.com"), ("Arizona Mirror", "azmirror.com")],
)
def test_states_newsroom_link_finding_names_the_credited_outlet(outlet: str, host: str) -> None:
    page = _page("<p>By Stanley Dunlap</p>", "<p>The new voting law takes effect Monday.</p>", f"<p>This story first appeared in the {outlet}.</p>")
    passed, text = _outcomes(page, "states-newsroom")["states-newsroom/link"]
    assert not passed
    assert f"the copy credits {outlet}" in text and f"its site, {host}" in text
    assert "mainemorningstar" not in text


def test_states_newsroom_link_finding_without_a_named_outlet_names_none() -> None:
    page = _page("<p>By Stanley Dunlap</p>", "<p>The new voting law takes effect Monday.</p>", "<p>This story first appeared in Stateline.</p>")
    passed, text = _outcomes(page, "states-newsroom")["states-newsroom/link"]
    assert not passed and "the copy credits" not in text
