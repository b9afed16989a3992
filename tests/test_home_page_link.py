"""A credit line whose link goes to the publisher's home page, not the story: the finding points at
that link and says so (an editor re-points it, rather than moving a link to another story that the
body cites), and `fix` re-points it once the original's address is known, rather than adding a
second link beside it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

LINK_BACK = "creative-commons/source-link"
GV_STORY = "https://globalvoices.org/2024/04/18/a-library-becomes-a-repair-cafe/"
PP_STORY = "https://www.propublica.org/article/pipeline-inspectors-welds"

BODY = "<p>On the first Saturday of every month the reading room fills with broken kettles and radios.</p>\n" * 3


def _gv_page(home: str, cited: str) -> str:
    """A Global Voices copy whose credit line links `home`, and whose body cites `cited`."""
    return (
        "<html><body><article>\n<h1>A village library becomes a repair cafe</h1>\n<p>By Daria Movileanu</p>\n"
        f'<p><em>This story by Daria Movileanu originally appeared on <a href="{home}">Global Voices</a> on April 18, 2024.</em></p>\n'
        f"{BODY}"
        f'<p>Environmental groups have <a href="{cited}">long warned</a> about the landfills.</p>\n'
        '<p>Global Voices stories are published under a <a href="https://creativecommons.org/licenses/by/3.0/">'
        "Creative Commons Attribution 3.0</a> license.</p>\n"
        "</article></body></html>\n"
    )


def _finding(cli: Any, path: Path, *args: str) -> dict[str, Any]:
    findings = cli("check", "--format", "json", *args, str(path)).json()["files"][0]["findings"]
    return next(f for f in findings if f["rule"] == LINK_BACK)


@pytest.mark.parametrize("home", ["https://globalvoices.org/", "https://globalvoices.org", "http://fr.globalvoices.org/"])
@pytest.mark.parametrize("meta", [(), ("--meta", f"original_url={GV_STORY}")])
def test_a_credit_linking_the_home_page_is_the_link_the_finding_names(cli: Any, tmp_path: Path, home: str, meta: tuple[str, ...]) -> None:
    # Before: the finding named the link to another story in the body (line 8) as the one to move.
    page = tmp_path / "copy.html"
    page.write_text(_gv_page(home, "https://globalvoices.org/2023/11/02/moldova-waste-landfills/"), encoding="utf-8")
    finding = _finding(cli, page, "--pack", "global-voices", *meta)
    assert finding["line"] == 4
    host = home.split("//")[1].rstrip("/")
    assert (
        f'the link at line 4 (<a href="{home}">Global Voices</a>) goes to the home page of {host}, not to the story: point that link at the story itself'
        in finding["detail"]
    )


def test_a_home_page_of_another_site_is_not_named(cli: Any, tmp_path: Path) -> None:
    page = tmp_path / "copy.html"
    page.write_text(_gv_page("https://herald.example/", "https://globalvoices.org/2023/11/02/moldova-waste-landfills/"), encoding="utf-8")
    finding = _finding(cli, page, "--pack", "global-voices")
    # The body's link to another Global Voices story is no link back (its words cite that story).
    assert "home page" not in finding["detail"] and "the link at line 8" in finding["detail"] and "cites another story" in finding["detail"]


def _pp_copy(tmp_path: Path, home: str) -> Path:
    copy = tmp_path / "copy.md"
    copy.write_text(
        "# Welds\n\nBy Hollis Brandt, ProPublica\n\n"
        f"This story was originally published by [ProPublica]({home}).\n\n"
        "The logs are among more than 9,000 pages of inspection records.\n\n"
        '<script async src="https://pixel.propublica.org/pixel.js"></script>\n',
        encoding="utf-8",
    )
    return copy


@pytest.mark.parametrize("home", ["https://www.propublica.org/", "https://propublica.org"])
def test_check_names_the_home_page_link_of_a_propublica_credit(cli: Any, tmp_path: Path, home: str) -> None:
    for meta in ((), ("--meta", f"original-url={PP_STORY}")):
        finding = _finding(cli, _pp_copy(tmp_path, home), "--pack", "propublica", *meta)
        assert finding["line"] == 5
        assert f'; the link at line 5 (<a href="{home}">ProPublica</a>) goes to the home page of ' in finding["detail"]


@pytest.mark.parametrize("home", ["https://www.propublica.org/", "https://propublica.org"])
def test_fix_re_points_the_credit_s_own_link_rather_than_adding_a_second(cli: Any, tmp_path: Path, home: str) -> None:
    copy = _pp_copy(tmp_path, home)
    run = cli("fix", "--pack", "propublica", "--meta", f"original-url={PP_STORY}", "--write", str(copy))
    fixed = copy.read_text(encoding="utf-8")
    assert f"This story was originally published by [ProPublica]({PP_STORY})." in fixed
    assert fixed.count("propublica.org/article/") == 1 and "Read the original story" not in fixed
    assert f"fixed creative-commons/source-link: replaced the address of the link 'ProPublica' ({home})" in run.err
    assert cli("check", "--pack", "propublica", "--meta", f"original-url={PP_STORY}", str(copy)).code == 0


KFF_STORY = "https://kffhealthnews.org/news/article/rural-clinics-close-maternity-wards/"
KFF_TAGLINE = (
    '<p><a href="https://kffhealthnews.org">KFF Health News</a> is a national newsroom that produces in-depth journalism about health'
    ' issues and is one of the core operating programs at <a href="https://www.kff.org">KFF</a>.</p>\n'
)
# A Global Voices original whose own footer links the site's home page on its name.
GV_FOOTER = '<p>Read more from <a href="https://globalvoices.org/">Global Voices</a> on environment.</p>\n'


def _kff(tagline: str, address: str = "https://valleytimes.example/health/rural-clinics/") -> str:
    return (
        f'<html><head><meta property="og:url" content="{address}"></head><body><article>\n'
        "<h1>Rural clinics close maternity wards</h1>\n<p>By Sarah Jane Tribble, KFF Health News</p>\n"
        f"{BODY}{tagline}</article></body></html>\n"
    )


@pytest.mark.parametrize(
    ("copy", "original", "pack"),
    [
        # KFF Health News' tagline links its name to its home page, in the original as in the copy.
        (_kff(KFF_TAGLINE), _kff(KFF_TAGLINE, KFF_STORY), "kff-health-news"),
        # The home page written another way ("www.", a trailing slash) is the same link.
        (_kff(KFF_TAGLINE.replace("https://kffhealthnews.org", "https://www.kffhealthnews.org/")), _kff(KFF_TAGLINE, KFF_STORY), "kff-health-news"),
        # A Global Voices story whose own text links the site's home page on its name.
        (
            _gv_page("https://globalvoices.org/", "https://herald.example/report").replace(BODY, BODY + GV_FOOTER),
            _gv_page(GV_STORY, "https://herald.example/report").replace(BODY, BODY + GV_FOOTER),
            "global-voices",
        ),
    ],
)
def test_a_home_page_link_the_original_prints_too_is_kept_not_named_nor_re_pointed(cli: Any, tmp_path: Path, copy: str, original: str, pack: str) -> None:
    # The copy has no link back to the story: that is still the finding, and the story's own link
    # to the home page (which the terms say to keep) is not the one it tells the editor to change.
    page, source = tmp_path / "copy.html", tmp_path / "original.html"
    page.write_text(copy, encoding="utf-8")
    source.write_text(original, encoding="utf-8")
    finding = _finding(cli, page, "--pack", pack, "--original", str(source))
    assert "home page" not in finding["detail"] and "names the original but goes elsewhere" not in finding["detail"]
    fixed = cli("fix", "--pack", pack, "--original", str(source), str(page))
    assert "re-point" not in fixed.out + fixed.err
    assert page.read_text(encoding="utf-8") == copy


def test_a_home_page_link_the_original_does_not_print_is_still_the_one_to_re_point(cli: Any, tmp_path: Path) -> None:
    page, source = tmp_path / "copy.html", tmp_path / "original.html"
    page.write_text(_kff(KFF_TAGLINE), encoding="utf-8")
    # An original without the tagline: the copy's home-page link is its own, the credit pointed wrong.
    source.write_text(_kff("", KFF_STORY), encoding="utf-8")
    finding = _finding(cli, page, "--pack", "kff-health-news", "--original", str(source))
    assert 'the link at line 7 (<a href="https://kffhealthnews.org">KFF Health News</a>) goes to the home page' in finding["detail"]
