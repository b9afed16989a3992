"""A link back to the story's AMP address is a link back, for every rule that matches a link by a
URL pattern: the pattern is searched in the URL and, when it carries AMP marks (`amp` first or
last in the path, a `.amp` page, `?amp=1`, `?outputType=amp`), in the URL without them, as the
page key the audit and `equals` use reads them (`compliance.urls.url_forms`). Another site's AMP
page, and a path that only contains the letters (`/ampersand/`, `/camp/`), stay no link back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.urls import url_forms
from tests.conftest import ROOT, write


@pytest.mark.parametrize(
    ("url", "forms"),
    [
        ("https://www.propublica.org/amp/article/welds", ("https://www.propublica.org/amp/article/welds", "https://www.propublica.org/article/welds")),
        ("http://P.example:8080/AMP/news/s3?amp&id=7", ("http://p.example:8080/AMP/news/s3?amp&id=7", "http://p.example:8080/news/s3?id=7")),
        ("https://p.example/news/s3.amp.html?outputType=AMP", ("https://p.example/news/s3.amp.html?outputType=AMP", "https://p.example/news/s3.html")),
        ("https://p.example/amp", ("https://p.example/amp", "https://p.example/")),
        # Near-misses: the letters, not the mark; an `amp` segment between others (a section).
        ("https://p.example/ampersand/s3", ("https://p.example/ampersand/s3",)),
        ("https://p.example/camp/s3", ("https://p.example/camp/s3",)),
        ("https://p.example/news/amp/s3", ("https://p.example/news/amp/s3",)),
        ("https://p.example/s3?amp=2", ("https://p.example/s3?amp=2",)),
        ("mailto:amp@p.example", ("mailto:amp@p.example",)),
        ("https://[bad/amp/x", ()),
    ],
)
def test_url_forms_read_an_amp_address_also_without_its_marks(url: str, forms: tuple[str, ...]) -> None:
    assert url_forms(url) == forms


# (sample, the rule, the story's address as the sample links it, an AMP address of the same
# story with the mark first in the path, and the same mark's other forms are below).
LINK_RULES = [
    ("propublica/compliant-wordpress.html", "creative-commons/source-link", "https://www.propublica.org/article/", "https://www.propublica.org/amp/article/"),
    ("kff-health-news/compliant-ghost.html", "creative-commons/source-link", "https://kffhealthnews.org/news/", "https://kffhealthnews.org/amp/news/"),
    ("the-19th/compliant-wordpress.html", "creative-commons/source-link", "https://19thnews.org/20", "https://19thnews.org/amp/20"),
    ("global-voices/compliant-static.html", "creative-commons/source-link", "https://globalvoices.org/20", "https://globalvoices.org/AMP/20"),
]


def _relinked(tmp_path: Path, sample: str, old: str, new: str) -> Path:
    text = (ROOT / "samples" / sample).read_text(encoding="utf-8")
    assert f'href="{old}' in text
    return write(tmp_path, Path(sample).name, text.replace(f'href="{old}', f'href="{new}'))


def _outcome(cli: Any, page: Path, rule: str, *extra: str) -> int:
    run = cli("check", "--format", "concise", "--select", rule, *extra, str(page))
    assert run.code in (0, 1), run.err
    return int(run.code)


@pytest.mark.parametrize(("sample", "rule", "story", "amp"), LINK_RULES)
def test_a_link_to_the_amp_address_with_the_mark_first_links_back(cli: Any, tmp_path: Path, sample: str, rule: str, story: str, amp: str) -> None:
    assert _outcome(cli, _relinked(tmp_path, sample, story, story), rule) == 0
    assert _outcome(cli, _relinked(tmp_path, sample, story, amp), rule) == 0


@pytest.mark.parametrize(("sample", "rule", "story", "amp"), LINK_RULES)
@pytest.mark.parametrize(
    "elsewhere",
    [
        # Another site's AMP page with the story's path; the site with a path that only holds the letters.
        lambda story: "https://amp.example/amp/" + story.split("/", 3)[3],
        lambda story: story.replace(".org/", ".org/ampersand/", 1),
        lambda story: story.replace(".org/", ".org/camp/", 1),
    ],
)
def test_a_near_miss_of_the_amp_address_is_no_link_back(cli: Any, tmp_path: Path, sample: str, rule: str, story: str, amp: str, elsewhere: Any) -> None:
    assert _outcome(cli, _relinked(tmp_path, sample, story, elsewhere(story)), rule) == 1


ORIGINAL = "https://www.propublica.org/article/pipeline-weld-inspections-records"


@pytest.mark.parametrize(
    ("linked", "links_back"),
    [
        ("https://www.propublica.org/amp/article/pipeline-weld-inspections-records", True),
        ("https://propublica.org/Amp/article/pipeline-weld-inspections-records?utm_source=nl", True),
        ("https://www.propublica.org/article/pipeline-weld-inspections-records.amp", True),
        ("https://www.propublica.org/article/pipeline-weld-inspections-records?outputType=amp", True),
        ("https://amp.example/amp/article/pipeline-weld-inspections-records", False),
    ],
)
def test_the_amp_address_of_the_given_original_links_back(cli: Any, tmp_path: Path, linked: str, links_back: bool) -> None:
    # With the original named as well: its AMP addresses link back; another site's AMP page does not.
    page = _relinked(tmp_path, "propublica/compliant-wordpress.html", ORIGINAL, linked)
    assert _outcome(cli, page, "creative-commons/source-link", "--meta", f"original_url={ORIGINAL}") == (0 if links_back else 1)


def test_a_trailing_amp_mark_meets_a_pattern_that_ends_with_the_story(cli: Any, tmp_path: Path) -> None:
    # The Conversation's link back is its home page or the article's address, which the pattern
    # ends with (`-228417/?$`): the article's AMP address (`…-228417/amp`) is the article.
    story = "https://theconversation.com/spring-runoff-changes-what-comes-out-of-your-tap-a-water-chemist-explains-why-228417"
    text = (ROOT / "samples" / "the-conversation" / "compliant-static.html").read_text(encoding="utf-8")
    text = text.replace('href="https://theconversation.com"', 'href="https://theconversation.com/profiles/renata-okafor-1184203"')
    for linked, code in ((f"{story}/amp", 0), (f"{story}?amp=1", 0), (f"{story}/ampersand", 1)):
        page = write(tmp_path, "c.html", text.replace(f'href="{story}"', f'href="{linked}"'))
        assert _outcome(cli, page, "creative-commons/source-link") == code, linked


SPANISH_CREDIT = (
    '<html lang="es"><head><title>Noticia</title></head><body><article><h1>Soldaduras sin inspección</h1>'
    "<p>Los registros muestran que las inspecciones de soldaduras se saltaron durante años en varios estados.</p>"
    '<p><em>Esta historia fue publicada originalmente por <a href="{href}">ProPublica</a>.</em></p></article></body></html>'
)


@pytest.mark.parametrize(
    ("href", "packs"),
    [
        ("https://www.propublica.org/article/welds", ["propublica"]),
        ("https://www.propublica.org/amp/article/welds", ["propublica"]),
        ("https://www.propublica.org/ampersand/article/welds", []),
        ("https://amp.example/amp/article/welds", []),
    ],
)
def test_a_credit_link_to_the_amp_address_detects_the_pack(cli: Any, tmp_path: Path, href: str, packs: list[str]) -> None:
    # The credit line in another language is told by its link to the story: the detection marker
    # and its literal prefilter read the AMP address as the story's.
    page = write(tmp_path, "es.html", SPANISH_CREDIT.format(href=href))
    (entry,) = cli("check", "--format", "json", str(page)).json()["files"]
    assert entry["packs"] == packs
