"""A credit line in capitals (newsletter and print templates set it so) is the credit, for every
pack: the credit rules and the detection markers read it whatever its letter case, while an
all-caps headline or menu that names a publisher applies no pack. States Newsroom's Spanish
credit reads "apareció primero en", the line's word-for-word translation, and a bilingual copy
carries that credit once per language version. CalMatters' terms give the credit line in English
only: a Spanish credit detects the pack, and the finding says it does not replace the English line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import write

STORY = (
    '<html lang="{lang}"><head><title>Noticia</title></head><body><article><h1>{headline}</h1>'
    '{top}<p class="byline">{byline}</p>'
    "<p>A bill would limit what ambulance services can charge insured patients in rural counties.</p>"
    "<p>Rural services have closed in recent years, state data show, and others have cut their hours.</p>"
    "{credit}</article></body></html>"
)


def _checked(cli: Any, tmp_path: Path, credit: str, *, lang: str = "en", top: str = "", byline: str = "By Elsa Thibodeau") -> dict[str, Any]:
    page = write(tmp_path, "story.html", STORY.format(lang=lang, headline="Ambulance caps", top=top, byline=byline, credit=credit))
    (entry,) = cli("check", "--format", "json", str(page)).json()["files"]
    return entry  # type: ignore[no-any-return]


def _rules(entry: dict[str, Any]) -> list[str]:
    return sorted(f["rule"] for f in entry["findings"] if f["severity"] != "info")


@pytest.mark.parametrize(
    "credit",
    [
        "<p><em>THIS STORY FIRST APPEARED IN STATELINE.</em></p>",
        '<p><em>THIS ARTICLE FIRST APPEARED ON THE <a href="https://nebraskaexaminer.com/2024/02/21/x/">NEBRASKA EXAMINER</a>.</em></p>',
        "<p>This story first appeared in the NEVADA CURRENT.</p>",
        "<p><strong>ESTA HISTORIA APARECIÓ PRIMERO EN STATELINE.</strong></p>",
        "<p>Este artículo apareció primero en el MAINE MORNING STAR.</p>",
        "<p>ESTE REPORTAJE SE PUBLICÓ ORIGINALMENTE EN ARIZONA MIRROR.</p>",
        "<p>STATELINE, AN INITIATIVE OF THE PEW CHARITABLE TRUSTS.</p>",
    ],
)
def test_a_states_newsroom_credit_in_capitals_is_the_credit(cli: Any, tmp_path: Path, credit: str) -> None:
    entry = _checked(cli, tmp_path, credit)
    assert entry["packs"] == ["states-newsroom"]
    assert "states-newsroom/credit" not in _rules(entry)


@pytest.mark.parametrize(
    ("credit", "pack", "rule"),
    [
        (
            "<p>KFF HEALTH NEWS IS A NATIONAL NEWSROOM THAT PRODUCES IN-DEPTH JOURNALISM ABOUT HEALTH ISSUES AND IS ONE OF THE CORE"
            " OPERATING PROGRAMS AT KFF.</p>",
            "kff-health-news",
            "kff-health-news/tagline",
        ),
        (
            '<p>THIS <a href="https://www.example-outlet.org/2024/x/">ARTICLE</a> FIRST APPEARED ON <a href="https://www.example-outlet.org/">'
            "EXAMPLE OUTLET</a> AND IS REPUBLISHED HERE UNDER A CREATIVE COMMONS LICENSE.</p>",
            "republication-tracker",
            "republication-tracker/attribution",
        ),
    ],
)
def test_a_tagline_or_footer_in_capitals_is_read(cli: Any, tmp_path: Path, credit: str, pack: str, rule: str) -> None:
    entry = _checked(cli, tmp_path, credit)
    assert pack in entry["packs"]
    assert rule not in _rules(entry)


def test_the_dcnf_affiliation_line_in_capitals_is_read(cli: Any, tmp_path: Path) -> None:
    # DCNF's affiliation may stand as a line of its own next to the byline (read in capitals
    # already: kept here with the other packs' credits).
    credit = "<p>DCNF LICENSE: ALL CONTENT CREATED BY THE DAILY CALLER NEWS FOUNDATION IS AVAILABLE WITHOUT CHARGE.</p>"
    entry = _checked(cli, tmp_path, credit, top="<p>FROM THE DAILY CALLER NEWS FOUNDATION</p>", byline="By Elsa Thibodeau")
    assert "dcnf" in entry["packs"]
    assert "dcnf/affiliation" not in _rules(entry)


def test_the_texas_tribune_boilerplate_in_capitals_is_read(cli: Any, tmp_path: Path) -> None:
    credit = (
        '<p>THIS ARTICLE ORIGINALLY APPEARED IN <a href="https://www.texastribune.org/2024/02/21/x/">THE TEXAS TRIBUNE</a>.</p>'
        "<p>THE TEXAS TRIBUNE IS A NONPROFIT, NONPARTISAN MEDIA ORGANIZATION THAT INFORMS TEXANS — AND ENGAGES WITH THEM — ABOUT"
        " PUBLIC POLICY, POLITICS, GOVERNMENT AND STATEWIDE ISSUES.</p>"
    )
    entry = _checked(cli, tmp_path, credit, byline="By Elsa Thibodeau, The Texas Tribune")
    assert entry["packs"] == ["texas-tribune"]
    assert "texas-tribune/boilerplate" not in {f["rule"] for f in entry["findings"]}


def test_a_global_voices_credit_in_capitals_names_its_author(cli: Any, tmp_path: Path) -> None:
    credit = '<p>THIS STORY BY ELSA THIBODEAU ORIGINALLY APPEARED ON <a href="https://globalvoices.org/2024/04/18/x/">GLOBAL VOICES</a> ON APRIL 18, 2024.</p>'
    entry = _checked(cli, tmp_path, "", top=credit)
    assert entry["packs"] == ["global-voices"]
    assert "creative-commons/author" not in _rules(entry)


@pytest.mark.parametrize(
    "page",
    [
        # An all-caps menu and headline that name publishers, and a lower-case mention in prose.
        '<nav><a href="/x">STATELINE</a> | <a href="/y">KFF HEALTH NEWS</a> | <a href="/z">GLOBAL VOICES</a></nav>',
        "<h2>STATELINE AND STATES NEWSROOM REPORTERS WIN AWARDS</h2>",
        "<p>KFF HEALTH NEWS IS A NATIONAL NEWSROOM, THE SPEAKER SAID OF THE GROUP THAT FIRST REPORTED THE STORY.</p>",
        "<p>THE SHERIFF SAID THIS STORY FIRST APPEARED IN A LOCAL NEWSLETTER.</p>",
        "<p>Esta historia apareció primero en Univision Noticias.</p>",
        "<p>Un proyecto apareció primero en el sitio web de la Legislatura, dijo STATELINE.</p>",
    ],
)
def test_capitals_that_are_no_credit_apply_no_pack(cli: Any, tmp_path: Path, page: str) -> None:
    assert _checked(cli, tmp_path, page, lang="es")["packs"] == []


EN = '<p><em>This story first appeared in <a href="https://mainemorningstar.com/2024/02/21/x/">Maine Morning Star</a>.</em></p>'
ES = '<p><em>Esta historia apareció primero en <a href="https://mainemorningstar.com/2024/02/21/x/">Maine Morning Star</a>.</em></p>'
SPANISH_TEXT = "<h2>En español</h2><p>Un proyecto de ley limitaría lo que los servicios de ambulancia pueden cobrar a los pacientes.</p>"


@pytest.mark.parametrize(
    ("credits", "twice"),
    [
        (EN + SPANISH_TEXT + ES, False),
        (EN + SPANISH_TEXT + ES.replace("apareció primero", "se publicó originalmente"), False),
        (EN.upper().replace("HTTPS://MAINEMORNINGSTAR.COM/2024/02/21/X/", "https://mainemorningstar.com/2024/02/21/x/") + SPANISH_TEXT + ES, False),
        # Two credits in one language are the credit twice, whatever the other language has.
        (EN + SPANISH_TEXT + EN, True),
        (EN + EN.replace("This story", "This article") + SPANISH_TEXT + ES, True),
        (ES + SPANISH_TEXT + ES, True),
        (EN + "<p>STATELINE, AN INITIATIVE OF THE PEW CHARITABLE TRUSTS.</p>", True),
    ],
)
def test_a_bilingual_copy_credits_each_language_version_once(cli: Any, tmp_path: Path, credits: str, twice: bool) -> None:
    entry = _checked(cli, tmp_path, credits)
    assert entry["packs"] == ["states-newsroom"]
    assert ("states-newsroom/credit-twice" in _rules(entry)) is twice


@pytest.mark.parametrize(
    "credit",
    [
        "<p><em>Esta historia fue publicada originalmente por CalMatters. Suscríbase a sus boletines.</em></p>",
        '<p><em>Este artículo apareció por primera vez en <a href="https://calmatters.org/housing/2024/07/x/">CalMatters</a>.</em></p>',
        "<p><em>PUBLICADO ORIGINALMENTE POR CALMATTERS.</em></p>",
    ],
)
def test_a_calmatters_credit_in_spanish_is_told_it_does_not_replace_the_english_line(cli: Any, tmp_path: Path, credit: str) -> None:
    entry = _checked(cli, tmp_path, credit, lang="es", byline="Por Elsa Thibodeau, CalMatters")
    assert entry["packs"] == ["calmatters"]
    (finding,) = [f for f in entry["findings"] if f["rule"] == "calmatters/credit-line"]
    # The Spanish line is quoted, with its line, and said not to replace the English one: its
    # wording differs (the message), and a translation needs approval (the help).
    wanted = '"This story was originally published by CalMatters."'
    assert finding["message"] == f'The credit line reads "{finding["evidence"]}", not the wording the terms ask for: {wanted}'
    assert '(the English wording the terms prescribe) anywhere in the article, outside photo captions; "' in finding["detail"]
    assert "is a credit line in other words, which does not replace it" in finding["detail"]
    assert "a translation needs CalMatters' approval" in finding["help"]
    assert "CALMATTERS" in finding["detail"].upper().split("; ", 1)[1]
    # It is what the editor replaces: quoted as found, and pointed at.
    assert "CALMATTERS" in finding["evidence"].upper()


@pytest.mark.parametrize(
    "credit",
    [
        # No credit line at all (the pack applies by the byline), an English variant of the
        # credit, and a Spanish sentence that cites CalMatters in prose (no credit line).
        "",
        "<p><em>This story appeared on CalMatters.</em></p>",
        "<p>El informe se publicó originalmente en CalMatters hace un año, según el diario.</p>",
    ],
)
def test_a_calmatters_copy_without_a_spanish_credit_is_not_told_of_one(cli: Any, tmp_path: Path, credit: str) -> None:
    entry = _checked(cli, tmp_path, credit, lang="es", byline="Por Elsa Thibodeau, CalMatters")
    assert entry["packs"] == ["calmatters"]
    (finding,) = [f for f in entry["findings"] if f["rule"] == "calmatters/credit-line"]
    assert finding["severity"] == "error"
    assert "Spanish" not in finding["message"] and "Spanish" not in finding["help"]
    assert "(the English wording the terms prescribe) anywhere in the article" in finding["detail"]


def test_the_english_line_below_a_spanish_one_is_told_where_it_must_be(cli: Any, tmp_path: Path) -> None:
    # The English line is on the page, below the story: the finding is about its place.
    credits = "<p><em>Esta historia fue publicada originalmente por CalMatters.</em></p><p><em>This story was originally published by CalMatters.</em></p>"
    entry = _checked(cli, tmp_path, credits, lang="es", byline="Por Elsa Thibodeau, CalMatters")
    (finding,) = [f for f in entry["findings"] if f["rule"] == "calmatters/credit-line"]
    assert "it must come before the first paragraph" in finding["message"] and "Spanish" not in finding["message"]


def test_the_english_calmatters_line_in_capitals_passes(cli: Any, tmp_path: Path) -> None:
    credit = "<p><em>THIS STORY WAS ORIGINALLY PUBLISHED BY CALMATTERS. SIGN UP FOR THEIR NEWSLETTERS.</em></p>"
    entry = _checked(cli, tmp_path, "", top=credit, byline="By Elsa Thibodeau, CalMatters")
    assert entry["packs"] == ["calmatters"] and "calmatters/credit-line" not in _rules(entry)


@pytest.mark.parametrize(
    ("credit", "passes"),
    [
        ("<p>Esta historia fue publicada originalmente por Nevada Current.</p>", True),
        ("<p>PUBLICADO ORIGINALMENTE EN ARIZONA MIRROR.</p>", True),
        ("<p>Apareció por primera vez en el Maine Morning Star.</p>", True),
        # A citation inside a sentence is no credit line: the outlet's linked name at the top
        # applies the pack, and the credit rule fails.
        ("<p>El informe publicado originalmente en el Nevada Current muestra un alza.</p>", False),
    ],
)
def test_the_states_newsroom_credit_rule_reads_the_spanish_credit_lines(cli: Any, tmp_path: Path, credit: str, passes: bool) -> None:
    top = '<p>Por Elsa Thibodeau, <a href="https://nevadacurrent.com/2024/02/21/x/">Nevada Current</a></p>'
    entry = _checked(cli, tmp_path, credit, lang="es", top=top)
    assert entry["packs"] == ["states-newsroom"]
    assert ("states-newsroom/credit" in _rules(entry)) is not passes


@pytest.mark.parametrize(
    "credit",
    [
        '<p>Esta historia fue publicada originalmente por <a href="https://www.propublica.org/article/x">ProPublica</a>.</p>',
        "<p><em>Este artículo fue publicado originalmente por ProPublica.</em></p>",
    ],
)
def test_a_propublica_credit_in_spanish_is_quoted_and_said_not_to_replace_the_line(cli: Any, tmp_path: Path, credit: str) -> None:
    entry = _checked(cli, tmp_path, credit, lang="es", byline="Por Elsa Thibodeau, ProPublica")
    assert entry["packs"] == ["propublica"]
    (finding,) = [f for f in entry["findings"] if f["rule"] == "propublica/credit-line"]
    assert "publicad" in finding["evidence"]
    # Its wording differs (the message), and why it does not replace the line (the detail).
    wanted = '"This story was originally published by ProPublica."'
    assert finding["message"] == f'The credit line reads "{finding["evidence"]}", not the wording the terms ask for: {wanted}'
    assert "is a credit line in other words or in another language, which does not replace it" in finding["detail"]
    assert "do not allow translating the story" in finding["detail"]


@pytest.mark.parametrize(
    "credit",
    [
        "This article first appeared in CalMatters.",
        "Republished with permission from CalMatters.",
        "Originally published by CalMatters.",
        "This story appeared on CalMatters.",
    ],
)
def test_a_calmatters_credit_in_other_words_is_quoted_as_found_where_it_is(cli: Any, tmp_path: Path, credit: str) -> None:
    entry = _checked(cli, tmp_path, f"<p>{credit}</p>", byline="By Elsa Thibodeau, CalMatters")
    assert entry["packs"] == ["calmatters"]
    (finding,) = [f for f in entry["findings"] if f["rule"] == "calmatters/credit-line"]
    assert finding["evidence"] == credit
    # Its wording differs, not its place (it is at the top).
    assert finding["message"] == f'The credit line reads "{credit}", not the wording the terms ask for: "This story was originally published by CalMatters."'
    assert f'"{credit}" (line {finding["line"]}) is a credit line in other words, which does not replace it' in finding["detail"]
