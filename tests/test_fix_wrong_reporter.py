"""`syndcheck fix` on a copy whose byline names another person than the original's reporter
(`dcnf/original-reporter`, which compares with the original story or the `reporter` metadata):
the reporter(s) of the original go in place of the wrong name(s), the rest of the byline (its
affiliation, its date, its markup) kept, in HTML, Markdown and plain text; the report's block and
the editor's page say the same. Without an original or a reporter given, nothing is guessed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

STORY = "A Senate committee voted 12-10 on Thursday to advance a border security bill after four hours of debate."
LICENSE = "Content created by The Daily Caller News Foundation is available without charge to any eligible news publisher."
LOGO = "https://dailycallernewsfoundation.org/logo.png"


def _original(tmp_path: Path, byline: str) -> Path:
    path = tmp_path / "original.html"
    path.write_text(
        '<html><head><link rel="canonical" href="https://dailycallernewsfoundation.org/2024/06/21/border/"></head><body><article>\n'
        f'<h1>Border bill moves forward</h1>\n<p><img src="{LOGO}" alt="Daily Caller News Foundation logo"></p>\n'
        f'<p class="byline">{byline}</p>\n<p>{STORY}</p>\n</article></body></html>\n',
        encoding="utf-8",
    )
    return path


def _html(byline: str) -> str:
    return (
        f'<html><body><article>\n<h1>Border bill moves forward</h1>\n<p><img src="{LOGO}" alt="Daily Caller News Foundation logo"></p>\n'
        f"{byline}\n<p>{STORY}</p>\n<p><em>{LICENSE}</em></p>\n</article></body></html>\n"
    )


@pytest.mark.parametrize(
    ("original", "byline", "fixed", "said"),
    [
        # the affiliation is there: the name alone is replaced, the date kept
        (
            "By Hailey Norwood, Daily Caller News Foundation",
            '<p class="byline">By Sam Li, Daily Caller News Foundation · June 21</p>',
            '<p class="byline">By Hailey Norwood, Daily Caller News Foundation · June 21</p>',
            "replaced 'Sam Li' in the byline with 'Hailey Norwood'",
        ),
        # the wrong name linked to its author page: the link goes with the name (it points at
        # Sam Li), the rest of the markup kept
        (
            "By Hailey Norwood, Daily Caller News Foundation",
            '<div class="byline">By <a href="/author/sam-li/">Sam Li</a> <time>June 21</time></div>',
            '<div class="byline">By Hailey Norwood, Daily Caller News Foundation <time>June 21</time></div>',
            "replaced 'Sam Li' in the byline with 'Hailey Norwood, Daily Caller News Foundation'",
        ),
        # two wrong people for two reporters: every reporter of the original, in one run
        (
            "By Hailey Norwood and Omar Haddad, Daily Caller News Foundation",
            '<p class="byline">By Sam Li and Ana Ruiz, DCNF</p>',
            '<p class="byline">By Hailey Norwood and Omar Haddad, DCNF</p>',
            "replaced 'Sam Li and Ana Ruiz' in the byline with 'Hailey Norwood and Omar Haddad'",
        ),
    ],
)
def test_an_html_byline_naming_another_person_gets_the_originals_reporter_in_place(
    cli: Any, tmp_path: Path, original: str, byline: str, fixed: str, said: str
) -> None:
    source = _original(tmp_path, original)
    copy = tmp_path / "copy.html"
    copy.write_text(_html(byline), encoding="utf-8")
    run = cli("fix", "--write", "--pack", "dcnf", "--original", str(source), str(copy))
    assert copy.read_text(encoding="utf-8") == _html(fixed), run.err
    assert f"copy.html:4: fixed dcnf/original-reporter: {said}" in run.err
    assert cli("check", "--pack", "dcnf", "--original", str(source), str(copy)).code == 0


@pytest.mark.parametrize(
    ("name", "byline", "fixed"),
    [
        ("copy.md", "By Sam Li, Daily Caller News Foundation", "By Hailey Norwood, Daily Caller News Foundation"),
        ("copy.md", "By Sam Li & Ana Ruiz · June 21", "By Hailey Norwood, Daily Caller News Foundation · June 21"),
        ("copy.txt", "Por Sam Li, Daily Caller News Foundation, 21 de junio", "Por Hailey Norwood, Daily Caller News Foundation, 21 de junio"),
        # emphasis around one name only: taking out what lies between the names would leave it
        # open, so the byline is left for the editor to edit, with no second one beside it
        ("copy.md", "By **Sam Li** and Ana Ruiz · June 21", "By **Sam Li** and Ana Ruiz · June 21"),
    ],
)
def test_markdown_and_text_bylines_naming_another_person_are_mended_in_place(cli: Any, tmp_path: Path, name: str, byline: str, fixed: str) -> None:
    source = _original(tmp_path, "By Hailey Norwood, Daily Caller News Foundation")
    heading = "# " if name.endswith(".md") else ""
    logo = f"![Daily Caller News Foundation logo]({LOGO})\n\n" if name.endswith(".md") else "Daily Caller News Foundation logo\n"
    text = f"{heading}Border bill moves forward\n\n{logo}{byline}\n\n{STORY}\n\n{LICENSE}\n"
    copy = tmp_path / name
    copy.write_text(text, encoding="utf-8")
    run = cli("fix", "--write", "--pack", "dcnf", "--original", str(source), str(copy))
    assert copy.read_text(encoding="utf-8") == text.replace(byline, fixed), run.err
    by_hand = "**" in byline
    assert ("edit the byline at line 5: write 'By Hailey Norwood, Daily Caller News Foundation'" in run.err) is by_hand
    assert ("replaced 'Sam Li" in run.err) is not by_hand


def test_the_reporter_given_as_metadata_is_used_when_no_original_is(cli: Any, tmp_path: Path) -> None:
    copy = tmp_path / "copy.html"
    copy.write_text(_html('<p class="byline">By Sam Li, Daily Caller News Foundation</p>'), encoding="utf-8")
    run = cli("fix", "--write", "--pack", "dcnf", "--meta=reporter=Hailey Norwood", str(copy))
    assert '<p class="byline">By Hailey Norwood, Daily Caller News Foundation</p>' in copy.read_text(encoding="utf-8"), run.err


def test_a_byline_cutting_the_reporters_given_name_to_its_initial_gets_the_name_written_out(cli: Any, tmp_path: Path) -> None:
    source = _original(tmp_path, "By Hailey Norwood, Daily Caller News Foundation")
    copy = tmp_path / "copy.html"
    copy.write_text(_html('<p class="byline">By H. Norwood, Daily Caller News Foundation</p>'), encoding="utf-8")
    run = cli("fix", "--write", "--pack", "dcnf", "--original", str(source), str(copy))
    assert copy.read_text(encoding="utf-8") == _html('<p class="byline">By Hailey Norwood, Daily Caller News Foundation</p>'), run.err
    assert "fixed dcnf/original-reporter: replaced 'H. Norwood' in the byline with 'Hailey Norwood'" in run.err


def test_a_second_person_beside_the_reporter_is_taken_out_of_the_byline(cli: Any, tmp_path: Path) -> None:
    # Another person's name beside the reporter's is no credit of the original: the run of names
    # becomes the reporter alone.
    source = _original(tmp_path, "By Hailey Norwood, Daily Caller News Foundation")
    copy = tmp_path / "copy.html"
    copy.write_text(_html('<p class="byline">By Hailey Norwood and Sam Li, Daily Caller News Foundation</p>'), encoding="utf-8")
    run = cli("fix", "--write", "--pack", "dcnf", "--original", str(source), str(copy))
    assert copy.read_text(encoding="utf-8") == _html('<p class="byline">By Hailey Norwood, Daily Caller News Foundation</p>'), run.err
    assert "fixed dcnf/original-reporter: replaced 'Hailey Norwood and Sam Li' in the byline with 'Hailey Norwood'" in run.err


def test_without_an_original_or_a_reporter_no_name_is_guessed(cli: Any, tmp_path: Path) -> None:
    copy = tmp_path / "copy.html"
    copy.write_text(_html('<p class="byline">By Sam Li, Daily Caller News Foundation</p>'), encoding="utf-8")
    run = cli("fix", "--write", "--pack", "dcnf", str(copy))
    assert "original-reporter" not in run.err and "Sam Li" in copy.read_text(encoding="utf-8")


def test_the_report_and_the_editors_page_show_the_name_to_put_in_place(cli: Any, tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    from compliance.api import check_html
    from compliance.serve import ServeSettings
    from compliance.serve.app import create_app

    page = _html('<p class="byline">By Sam Li, Daily Caller News Foundation · June 21</p>')
    (finding,) = [f for f in check_html(page, packs=["dcnf"], meta={"reporter": "Hailey Norwood"}).findings if f.rule == "dcnf/original-reporter"]
    assert finding.fix is not None and finding.fix.text == "Hailey Norwood" and finding.fix.place == "in place of 'Sam Li' in the byline"
    copy = tmp_path / "copy.html"
    copy.write_text(page, encoding="utf-8")
    shown = cli("check", "--format", "html", "--pack", "dcnf", "--meta=reporter=Hailey Norwood", str(copy)).out
    assert "in place of &#x27;Sam Li&#x27; in the byline" in shown and "<code>Hailey Norwood</code>" in shown
    client = TestClient(create_app(ServeSettings(max_bytes=512 * 1024)), base_url="http://127.0.0.1:8080")
    served = client.post("/", data={"article": page, "pack": "dcnf", "format": "html", "reporter": "Hailey Norwood"}).text
    assert "Paste this in place of &#x27;Sam Li&#x27; in the byline:" in served and "<code>Hailey Norwood</code>" in served
