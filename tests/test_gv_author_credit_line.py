"""Global Voices' terms ask for the author's name at the top, and its sample credit line names the
author ("This story by <Author> originally appeared on Global Voices"): a credit line naming the
author credits the author, in the wordings of Global Voices' Spanish, French and Portuguese
editions too, with or without accents. A translator's or photographer's credit, a publication's
name, or a name outside the top of the story does not; with the original known, the person named
must be its author (global-voices/original-reporter)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, write

BASE = "tests/rule-fixtures/global-voices/author-in-credit-line.html"
GV_STORY = "https://globalvoices.org/2024/04/18/in-northern-moldova-a-village-library-becomes-a-repair-cafe/"
LINK = f'<a href="{GV_STORY}">Global Voices</a>'
CREDIT = f"This story by Daria Movileanu originally appeared on {LINK} on April 18, 2024."
AUTHOR = "creative-commons/author"
REPORTER = "global-voices/original-reporter"


def _copy(tmp_path: Path, credit: str) -> Path:
    source = (ROOT / BASE).read_text(encoding="utf-8")
    assert source.count(CREDIT) == 1
    return write(tmp_path, "story.html", source.replace(CREDIT, credit))


def _rules(cli: Any, story: Path, *args: str) -> tuple[list[str], list[str], dict[str, Any]]:
    (entry,) = cli("check", "--pack", "global-voices", "--format", "json", *args, str(story)).json()["files"]
    return [f["rule"] for f in entry["findings"]], [p["rule"] for p in entry["passed"]], entry


@pytest.mark.parametrize(
    "credit",
    [
        f"Este artículo de Daria Movileanu se publicó originalmente en {LINK} el 18 de abril de 2024.",
        f"Este articulo de Daria Movileanu se publico originalmente en {LINK}.",
        f"Esta historia de Daria Movileanu fue publicada originalmente en {LINK} en español.",
        f"La nota por Daria Movileanu apareció por primera vez en {LINK}.",
        f"Artículo de Daria Movileanu. Publicado originalmente en {LINK}.",
        f"Articulo escrito por Daria Movileanu, publicado originalmente en {LINK}.",
        f"Cet article de Daria Movileanu a été publié à l'origine sur {LINK} le 18 avril 2024.",
        f"Cet article de Daria Movileanu a ete publie initialement sur {LINK}.",
        f"L'article de Daria Movileanu est paru initialement sur {LINK} en Français.",
        f"Article de Daria Movileanu, publié à l'origine sur {LINK}.",
        f"Este artigo de Daria Movileanu foi publicado originalmente no {LINK} em 18 de abril de 2024.",
        f"Esta reportagem de Daria Movileanu apareceu primeiro no {LINK}.",
        f"Artigo de Daria Movileanu. Publicado originalmente no {LINK}.",
        f"This article by Daria Movileanu was first published on {LINK} on April 18, 2024.",
        f"THIS STORY BY DARIA MOVILEANU ORIGINALLY APPEARED ON {LINK}.",
        f"Story by Daria Movileanu. Originally published on {LINK}.",
        # An initial's full stop, or a name that opens like an article ("A", "O'"), is a name's.
        f"Este artículo de A. Movileanu se publicó originalmente en {LINK}.",
        f"This story by O'Hara Movileanu originally appeared on {LINK}.",
        f"Artículo de Ana M. Movileanu. Publicado originalmente en {LINK}.",
    ],
)
def test_a_credit_line_naming_the_author_credits_the_author(cli: Any, tmp_path: Path, credit: str) -> None:
    findings, passed, _ = _rules(cli, _copy(tmp_path, credit))
    assert AUTHOR not in findings and AUTHOR in passed


@pytest.mark.parametrize(
    "credit",
    [
        # A translator's credit names the translator; a photo's, the photographer.
        f"Traducción de Daria Movileanu. Publicado originalmente en {LINK}.",
        f"Traduction de Daria Movileanu, publié à l'origine sur {LINK}.",
        f"Tradução de Daria Movileanu. Publicado originalmente no {LINK}.",
        f"Translated by Daria Movileanu. Originally published on {LINK}.",
        f"Foto de Daria Movileanu. Publicado originalmente en {LINK}.",
        # A publication, or Global Voices itself, is no author.
        f"Artículo de El País, publicado originalmente en {LINK}.",
        f"Este artículo de Global Voices se publicó originalmente en {LINK}.",
        f"Article de Le Monde, publié à l'origine sur {LINK}.",
        f"Artigo de O Globo. Publicado originalmente no {LINK}.",
        f"Article de L'Express, publié à l'origine sur {LINK}.",
        # No one named: the credit to Global Voices alone.
        f"Este artículo se publicó originalmente en {LINK}.",
        f"Cet article a été publié à l'origine sur {LINK}.",
        # The name in the story's prose, not in a credit line.
        f"Según un artículo de Daria Movileanu en {LINK}, la biblioteca abrió en 2022 y hoy recibe a vecinos de toda la región cada mes.",
    ],
)
def test_a_line_that_names_no_author_does_not_credit_the_author(cli: Any, tmp_path: Path, credit: str) -> None:
    findings, _, _ = _rules(cli, _copy(tmp_path, credit))
    assert AUTHOR in findings


def test_a_photo_caption_naming_the_author_is_no_credit_of_the_story(cli: Any, tmp_path: Path) -> None:
    credit = f"Artículo de Daria Movileanu, publicado originalmente en {LINK}."
    caption = f'<figure><img src="/uploads/radio.jpg" alt="A radio."><figcaption>{credit}</figcaption></figure>'
    findings, _, _ = _rules(cli, _copy(tmp_path, f"Publicado originalmente en {LINK}.</em></p>{caption}<p><em>"))
    assert AUTHOR in findings


def _original(tmp_path: Path, byline: str) -> Path:
    return write(tmp_path, "original.html", f'<article><h1>Title</h1><p class="byline">By {byline}</p><p>The story.</p></article>')


@pytest.mark.parametrize(
    "credit",
    [
        f"Este artículo de Daria Movileanu se publicó originalmente en {LINK}.",
        f"Cet article de Daria Movileanu a été publié à l'origine sur {LINK}.",
        f"Artigo de Daria Movileanu. Publicado originalmente no {LINK}.",
        f"This story by Daria Movileanu originally appeared on {LINK} on April 18, 2024.",
    ],
)
def test_with_the_original_known_the_person_the_credit_line_names_must_be_its_author(cli: Any, tmp_path: Path, credit: str) -> None:
    story = _copy(tmp_path, credit)
    # The original's author, also written without accents or in capitals, is the one credited.
    for byline in ("Daria Movileanu", "DARIA MOVILEANU"):
        findings, passed, _ = _rules(cli, story, "--original", str(_original(tmp_path, byline)))
        assert REPORTER not in findings and REPORTER in passed
    findings, _, entry = _rules(cli, story, "--original", str(_original(tmp_path, "Odile Marchetti")))
    (finding,) = [f for f in entry["findings"] if f["rule"] == REPORTER]
    assert "the original credits Odile Marchetti" in finding["message"] and "Daria Movileanu" in finding["message"]
    # The reporter metadata stands in for the original.
    findings, _, _ = _rules(cli, story, "--meta", "reporter=Odile Marchetti")
    assert REPORTER in findings
    findings, passed, _ = _rules(cli, story, "--meta", "reporter=Daria Movileanu")
    assert REPORTER in passed


def test_a_byline_naming_the_original_s_author_passes_and_a_translator_s_credit_does_not_stand_in(cli: Any, tmp_path: Path) -> None:
    original = str(_original(tmp_path, "Daria Movileanu"))
    # The byline names the author: the credit line may name no one.
    story = _copy(tmp_path, f"Por Daria Movileanu</em></p><p><em>Publicado originalmente en {LINK}.")
    findings, passed, _ = _rules(cli, story, "--original", original)
    assert REPORTER in passed and AUTHOR in passed
    # The translator named in the translator's credit is not the author.
    story = _copy(tmp_path, f"Traducción de Daria Movileanu. Publicado originalmente en {LINK}.")
    findings, _, _ = _rules(cli, story, "--original", original)
    assert REPORTER in findings and AUTHOR in findings


def test_a_credit_line_naming_the_author_at_the_end_is_not_at_the_top(cli: Any, tmp_path: Path) -> None:
    # The terms ask for the author at the top: the same line after the story does not do.
    end = "<p>Republished under a"
    story = _copy(tmp_path, f"Publicado originalmente en {LINK}.")
    source = story.read_text(encoding="utf-8")
    assert source.count(end) == 1
    story.write_text(source.replace(end, f"<p>Este artículo de Daria Movileanu se publicó originalmente en {LINK}.</p>{end}"), encoding="utf-8")
    findings, _, entry = _rules(cli, story)
    assert AUTHOR in findings
    # The finding says where the credit line is, not that the page has no byline: an editor
    # looking for a missing name would find it at the end.
    (detail,) = [f["detail"] for f in entry["findings"] if f["rule"] == AUTHOR]
    assert detail.startswith("credit line naming the author is at line "), detail
    assert "after the story's body begins" in detail


def test_a_credit_pattern_without_an_author_group_is_refused_when_the_pack_loads() -> None:
    from compliance.errors import PackError
    from compliance.packs import load_pack
    from tests.test_check_kinds import pack_around

    with pytest.raises(PackError, match="needs a group named 'author'"):
        load_pack(pack_around("original-byline:\n  credit: 'This story by \\w+ originally appeared'"), "credit.yaml")
    # With the group, the pack loads.
    pack = load_pack(pack_around("original-byline:\n  credit: 'This story by (?P<author>\\w+) originally appeared'"), "credit.yaml")
    assert pack.rules[0].check.params.credit is not None
